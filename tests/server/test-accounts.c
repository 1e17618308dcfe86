/* test-accounts.c: POST /api/v1/accounts (registration) on the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-server-test.h"

#define ID_NUMBER "410102198503120014"

static char *
registration (const char *id_number,
              const char *name,
              const char *mobile,
              const char *password)
{
  return g_strdup_printf ("{\"id_number\": \"%s\", \"name\": \"%s\", \"mobile\": \"%s\", \"password\": \"%s\"}",
                          id_number, name, mobile, password);
}

static void
test_register (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autofree char *body = registration ("41010519900718002x", "阿依古丽·买买提", "13800000002", "zhang2026wei");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autofree char *token = NULL;
  JsonObject *account;
  guint status = 0;

  answer = zc_test_server_call (server, "POST", "/api/v1/accounts", NULL, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  account = zc_server_test_object (answer);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (account, "id")));
  g_assert_cmpstr (json_object_get_string_member (account, "id_number"), ==, "41010519900718002X");
  g_assert_cmpstr (json_object_get_string_member (account, "name"), ==, "阿依古丽·买买提");
  /* derived from the ID number */
  g_assert_cmpstr (json_object_get_string_member (account, "gender"), ==, "female");
  g_assert_cmpstr (json_object_get_string_member (account, "birth_date"), ==, "1990-07-18");
  g_assert_cmpstr (json_object_get_string_member (account, "role"), ==, "applicant");
  g_assert_true (json_object_get_null_member (account, "unit"));
  g_assert_false (json_object_get_boolean_member (account, "must_change_password"));
  g_assert_false (json_object_has_member (account, "password_hash"));

  /* stored hashed, never in clear */
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM accounts WHERE password_hash LIKE '$argon2id$%'"),
                   ==, 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM accounts WHERE password_hash LIKE '%zhang2026wei%'"),
                   ==, 0);

  /* the new account can log in, by ID number and by mobile */
  token = zc_test_server_login (server, "41010519900718002X", "zhang2026wei");
  g_free (token);
  token = zc_test_server_login (server, "13800000002", "zhang2026wei");
  me = zc_test_server_call (server, "GET", "/api/v1/me", token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (zc_test_member_string (me, "id"), ==, json_object_get_string_member (account, "id"));
  g_assert_true (json_object_get_null_member (zc_server_test_object (me), "pending_binding"));

  zc_test_server_stop (server);
}

typedef struct
{
  const char *body;
  const char *code;
  const char *field;   /* NULL: none expected */
} BadCase;

static void
test_register_bad_input (void)
{
  static const BadCase cases[] = {
    { "", "malformed_json", NULL },
    { "not json", "malformed_json", NULL },
    { "[]", "malformed_json", NULL },
    { "{\"id_number\": \"" ID_NUMBER "\",}", "malformed_json", NULL },
    { "{\"name\": \"张伟\", \"name\": \"李娜\"}", "malformed_json", NULL },
    { "{\"id_number\": 410102198503120014, \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "wrong_type", "id_number" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": null, \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "wrong_type", "name" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": [\"张伟\"], \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "wrong_type", "name" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"mobile\": \"13800000001\"}", "missing_value", "password" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"password\": \"zhang2026wei\"}", "missing_value", "mobile" },
    /* a member that would raise the caller's rights is refused, not ignored */
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\","
      " \"role\": \"admin\"}", "unknown_member", "role" },
    { "{\"id_number\": \"410102198503120015\", \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "invalid_value", "id_number" },
    { "{\"id_number\": \"410102850312001\", \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "invalid_value", "id_number" },
    { "{\"id_number\": \"\", \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "invalid_value", "id_number" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张\", \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "invalid_value", "name" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟2\", \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "invalid_value", "name" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"Robert'); DROP TABLE accounts;--\", \"mobile\": \"13800000001\","
      " \"password\": \"zhang2026wei\"}", "invalid_value", "name" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张  伟\", \"mobile\": \"13800000001\", \"password\": \"zhang2026wei\"}",
      "invalid_value", "name" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"mobile\": \"1380000000\", \"password\": \"zhang2026wei\"}",
      "invalid_value", "mobile" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"mobile\": \"+8613800000001\", \"password\": \"zhang2026wei\"}",
      "invalid_value", "mobile" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"short1\"}",
      "invalid_value", "password" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"onlyletters\"}",
      "invalid_value", "password" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"pw98503120014\"}",
      "invalid_value", "password" },
    { "{\"id_number\": \"" ID_NUMBER "\", \"name\": \"张伟\", \"mobile\": \"13800000001\", \"password\": \"ab13800000001\"}",
      "invalid_value", "password" },
  };
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autofree char *long_name = NULL;
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) en = NULL;
      g_autoptr(JsonNode) zh = NULL;
      guint status = 0;

      en = zc_test_server_call (server, "POST", "/api/v1/accounts", NULL, "en", cases[i].body, &status, NULL);
      if (status != 400)
        g_error ("case %u: expected 400, got %u", i, status);
      zc_test_assert_error (en, cases[i].code);
      if (cases[i].field != NULL)
        g_assert_cmpstr (zc_test_member_string (en, "field"), ==, cases[i].field);

      zh = zc_test_server_call (server, "POST", "/api/v1/accounts", NULL, "zh-CN", cases[i].body, &status, NULL);
      g_assert_cmpuint (status, ==, 400);
      zc_test_assert_error (zh, cases[i].code);
    }

  /* overlong values are refused before anything is looked up */
  for (guint i = 0; i < 100; i++)
    g_string_append (name, "张");
  long_name = registration (ID_NUMBER, name->str, "13800000001", "zhang2026wei");
  zc_server_test_expect (server, "POST", "/api/v1/accounts", NULL, long_name, 400, "invalid_value");
  g_string_free (name, TRUE);

  /* Chinese messages come from shared/ for the ID number */
  {
    g_autoptr(JsonNode) zh = NULL;
    guint status = 0;

    zh = zc_test_server_call (server, "POST", "/api/v1/accounts", NULL, "zh-CN", cases[11].body, &status, NULL);
    g_assert_nonnull (strstr (zc_test_member_string (zh, "message"), "校验码"));
  }

  /* nothing was stored by any of them */
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM accounts"), ==, 0);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit"), ==, 0);

  zc_test_server_stop (server);
}

static void
test_register_duplicate (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autofree char *first = registration (ID_NUMBER, "张伟", "13800000001", "zhang2026wei");
  g_autofree char *same_id = registration (ID_NUMBER, "张伟", "13900000009", "other2026pw");
  g_autofree char *same_mobile = registration ("41010519900718002X", "李娜", "13800000001", "other2026pw");
  g_autoptr(JsonNode) en = NULL;
  g_autoptr(JsonNode) other = NULL;
  guint status = 0;

  zc_server_test_expect (server, "POST", "/api/v1/accounts", NULL, first, 201, NULL);
  zc_server_test_expect (server, "POST", "/api/v1/accounts", NULL, same_id, 409, "account_exists");
  zc_server_test_expect (server, "POST", "/api/v1/accounts", NULL, same_mobile, 409, "account_exists");

  /* the two answers say the same: which of the two is taken is not told */
  en = zc_test_server_call (server, "POST", "/api/v1/accounts", NULL, "en", same_id, &status, NULL);
  other = zc_test_server_call (server, "POST", "/api/v1/accounts", NULL, "en", same_mobile, &status, NULL);
  g_assert_cmpstr (zc_test_member_string (en, "message"), ==, zc_test_member_string (other, "message"));
  g_assert_false (json_object_has_member (zc_server_test_object (en), "field"));

  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM accounts"), ==, 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM accounts WHERE mobile = '13800000001'"
                                                 " AND name = '张伟'"), ==, 1);

  zc_test_server_stop (server);
}

static void
test_register_oversized (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autofree char *padding = g_strnfill (70 * 1024, ' ');
  g_autofree char *body = g_strconcat ("{\"id_number\": \"" ID_NUMBER "\"", padding, "}", NULL);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = zc_test_server_call (server, "POST", "/api/v1/accounts", NULL, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 413);
  zc_test_assert_error (answer, "body_too_large");
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM accounts"), ==, 0);

  zc_test_server_stop (server);
}

static void
test_wrong_method_and_path (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  zc_server_test_expect (server, "GET", "/api/v1/accounts", NULL, NULL, 405, "method_not_allowed");
  zc_server_test_expect (server, "PUT", "/api/v1/me", NULL, "{}", 405, "method_not_allowed");
  zc_server_test_expect (server, "GET", "/api/v1/accounts/", NULL, NULL, 404, "not_found");
  zc_server_test_expect (server, "GET", "/api/v1/units/not-a-uuid", NULL, NULL, 404, "not_found");
  zc_server_test_expect (server, "GET", "/api/v1", NULL, NULL, 404, "not_found");

  answer = zc_test_server_call (server, "GET", "/api/v1/nothing", NULL, "zh-CN", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpstr (zc_test_member_string (answer, "message"), ==, "此地址没有内容。");

  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/accounts/register", test_register);
  g_test_add_func ("/server/accounts/register-bad-input", test_register_bad_input);
  g_test_add_func ("/server/accounts/register-duplicate", test_register_duplicate);
  g_test_add_func ("/server/accounts/register-oversized", test_register_oversized);
  g_test_add_func ("/server/accounts/wrong-method-and-path", test_wrong_method_and_path);

  return g_test_run ();
}
