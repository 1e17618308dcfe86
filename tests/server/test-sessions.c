/* test-sessions.c: login, logout, expiry, password change, initial
 * passwords and the login limits, on the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

static char *
login_body (const char *login,
            const char *password)
{
  return g_strdup_printf ("{\"login\": \"%s\", \"password\": \"%s\"}", login, password);
}

static guint
try_login (ZcTestServer  *server,
           const char    *login,
           const char    *password,
           char         **retry_after)
{
  g_autofree char *body = login_body (login, password);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = zc_test_server_call (server, "POST", "/api/v1/sessions", NULL, "en", body, &status, retry_after);
  return status;
}

static guint
status_of (ZcTestServer *server,
           const char   *method,
           const char   *path,
           const char   *token)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = zc_test_server_call (server, method, path, token, "en", NULL, &status, NULL);
  return status;
}

static void
test_login (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *body = login_body ("41010519900718002x", ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) by_mobile = NULL;
  JsonObject *object;
  JsonObject *account;
  guint status = 0;

  /* by ID number, with a small x and spaces around it */
  answer = zc_test_server_call (server, "POST", "/api/v1/sessions", NULL, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  object = zc_server_test_object (answer);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "token")), ==, 43);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "Bearer");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "expires_at"), "Z"));
  g_assert_cmpint (json_object_get_int_member (object, "idle_timeout_seconds"), ==, 12 * 3600);
  account = json_object_get_object_member (object, "account");
  g_assert_cmpstr (json_object_get_string_member (account, "name"), ==, "李娜");
  g_assert_cmpstr (json_object_get_string_member (account, "role"), ==, "applicant");
  g_assert_false (json_object_get_boolean_member (account, "must_change_password"));

  /* by mobile: the account has its unit */
  g_free (body);
  body = login_body ("13800000001", ZC_TEST_DEMO_PASSWORD);
  by_mobile = zc_test_server_call (server, "POST", "/api/v1/sessions", NULL, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  account = json_object_get_object_member (zc_server_test_object (by_mobile), "account");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (account, "unit"), "name"),
                   ==, "郑州市示范人民医院");

  /* only hashes of tokens are stored */
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM sessions"), ==, 2);
  g_assert_cmpint (zc_server_test_count (server, "SELECT min(length(token_hash)) FROM sessions"), ==, 64);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit WHERE action = 'session.create'"),
                   ==, 2);

  zc_test_server_stop (server);
}

static void
test_login_refused (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *wrong = login_body (ZC_TEST_DEMO_APPLICANT, "wrong2026pw");
  g_autofree char *unknown = login_body ("110101199003077774", "wrong2026pw");
  g_autoptr(JsonNode) wrong_answer = NULL;
  g_autoptr(JsonNode) unknown_answer = NULL;
  guint status = 0;

  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, wrong, 401, "invalid_credentials");
  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, unknown, 401, "invalid_credentials");

  /* an unknown account and a wrong password look alike */
  wrong_answer = zc_test_server_call (server, "POST", "/api/v1/sessions", NULL, "zh-CN", wrong, &status, NULL);
  unknown_answer = zc_test_server_call (server, "POST", "/api/v1/sessions", NULL, "zh-CN", unknown, &status, NULL);
  g_assert_cmpstr (zc_test_member_string (wrong_answer, "message"), ==,
                   zc_test_member_string (unknown_answer, "message"));

  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, "{}", 400, "missing_value");
  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, "{\"login\": 1, \"password\": \"x\"}",
                         400, "wrong_type");
  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL,
                         "{\"login\": \"13800000001\", \"password\": \"demo2026\", \"remember\": true}",
                         400, "unknown_member");
  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, "{\"login\": \"\", \"password\": \"x\"}",
                         400, "invalid_value");
  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, "{\"login\": \"13800000001\", \"password\": \"\"}",
                         400, "invalid_value");
  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, "{\"login\": \"' OR '1'='1\", \"password\": \"' OR '1'='1\"}",
                         401, "invalid_credentials");
  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, "{login: 1}", 400, "malformed_json");

  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit WHERE action = 'session.fail'"), >, 0);

  zc_test_server_stop (server);
}

static void
test_tokens_refused (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *altered = g_strdup (token);
  static const char * const bad[] = {
    "", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "../../../../etc/passwd",
  };

  altered[0] = altered[0] == 'A' ? 'B' : 'A';
  zc_server_test_expect (server, "GET", "/api/v1/me", NULL, NULL, 401, "unauthenticated");
  zc_server_test_expect (server, "GET", "/api/v1/me", altered, NULL, 401, "unauthenticated");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    zc_server_test_expect (server, "GET", "/api/v1/me", bad[i], NULL, 401, "unauthenticated");
  zc_server_test_expect (server, "GET", "/api/v1/me", token, NULL, 200, NULL);

  zc_test_server_stop (server);
}

static void
test_logout (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *other = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = zc_test_server_call (server, "DELETE", "/api/v1/sessions/current", token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 204);
  g_assert_null (answer);

  /* that token is dead; the other session of the same account lives */
  zc_server_test_expect (server, "GET", "/api/v1/me", token, NULL, 401, "unauthenticated");
  zc_server_test_expect (server, "DELETE", "/api/v1/sessions/current", token, NULL, 401, "unauthenticated");
  g_assert_cmpuint (status_of (server, "GET", "/api/v1/me", other), ==, 200);
  zc_server_test_expect (server, "DELETE", "/api/v1/sessions/current", NULL, NULL, 401, "unauthenticated");
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM sessions"), ==, 1);

  zc_test_server_stop (server);
}

static void
test_change_password (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *other = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *third = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  zc_server_test_expect (server, "POST", "/api/v1/me/password", token,
                         "{\"old_password\": \"wrong2026pw\", \"new_password\": \"zhang2027wei\"}", 400, "wrong_password");
  zc_server_test_expect (server, "POST", "/api/v1/me/password", token,
                         "{\"old_password\": \"demo2026\", \"new_password\": \"short1\"}", 400, "invalid_value");
  zc_server_test_expect (server, "POST", "/api/v1/me/password", token,
                         "{\"old_password\": \"demo2026\", \"new_password\": \"demo2026\"}", 400, "invalid_value");
  zc_server_test_expect (server, "POST", "/api/v1/me/password", token,
                         "{\"old_password\": \"demo2026\", \"new_password\": \"pw98503120014\"}", 400, "invalid_value");
  zc_server_test_expect (server, "POST", "/api/v1/me/password", token,
                         "{\"old_password\": \"demo2026\"}", 400, "missing_value");
  zc_server_test_expect (server, "POST", "/api/v1/me/password", token,
                         "{\"old_password\": \"demo2026\", \"new_password\": 12345678}", 400, "wrong_type");
  zc_server_test_expect (server, "POST", "/api/v1/me/password", NULL,
                         "{\"old_password\": \"demo2026\", \"new_password\": \"zhang2027wei\"}", 401, "unauthenticated");

  answer = zc_test_server_call (server, "POST", "/api/v1/me/password", token, "en",
                                "{\"old_password\": \"demo2026\", \"new_password\": \"zhang2027wei\"}", &status, NULL);
  g_assert_cmpuint (status, ==, 204);

  /* every other session ended; this one goes on */
  zc_server_test_expect (server, "GET", "/api/v1/me", other, NULL, 401, "unauthenticated");
  g_assert_cmpuint (status_of (server, "GET", "/api/v1/me", token), ==, 200);
  g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD, NULL), ==, 401);
  third = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, "zhang2027wei");
  g_assert_nonnull (third);

  zc_test_server_stop (server);
}

static void
test_initial_password (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *id_number = zc_server_test_id_number (1, TRUE);
  g_autofree char *body = g_strdup_printf ("{\"id_number\": \"%s\", \"name\": \"周杰\", \"role\": \"admin\"}", id_number);
  g_autofree char *change = NULL;
  g_autofree char *token = NULL;
  g_autofree char *initial = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) me = NULL;
  guint status = 0;

  created = zc_test_server_call (server, "POST", "/api/v1/admin/accounts", admin, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  initial = g_strdup (zc_test_member_string (created, "initial_password"));
  g_assert_cmpuint (strlen (initial), ==, 12);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (zc_server_test_object (created),
                                                                                "account"),
                                                 "must_change_password"));

  token = zc_test_server_login (server, id_number, initial);

  /* nothing but the password change and logout until it is changed */
  zc_server_test_expect (server, "GET", "/api/v1/me", token, NULL, 403, "password_change_required");
  zc_server_test_expect (server, "GET", "/api/v1/units", token, NULL, 403, "password_change_required");
  zc_server_test_expect (server, "GET", "/api/v1/admin/accounts", token, NULL, 403, "password_change_required");
  zc_server_test_expect (server, "POST", "/api/v1/admin/units", token, "{}", 403, "password_change_required");

  change = g_strdup_printf ("{\"old_password\": \"%s\", \"new_password\": \"zhou2026jie\"}", initial);
  zc_server_test_expect (server, "POST", "/api/v1/me/password", token, change, 204, NULL);
  me = zc_test_server_call (server, "GET", "/api/v1/me", token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_false (json_object_get_boolean_member (zc_server_test_object (me), "must_change_password"));
  g_assert_cmpuint (status_of (server, "GET", "/api/v1/admin/accounts", token), ==, 200);

  /* the initial password is spent */
  g_assert_cmpuint (try_login (server, id_number, initial, NULL), ==, 401);

  /* logout is allowed before the change too */
  {
    g_autofree char *reset = g_strdup_printf ("/api/v1/admin/accounts/%s/password",
                                              json_object_get_string_member (zc_server_test_object (me), "id"));
    g_autoptr(JsonNode) answer = zc_test_server_call (server, "POST", reset, admin, "en", NULL, &status, NULL);
    g_autofree char *again = NULL;

    g_assert_cmpuint (status, ==, 200);
    again = zc_test_server_login (server, id_number, zc_test_member_string (answer, "initial_password"));
    zc_server_test_expect (server, "GET", "/api/v1/me", again, NULL, 403, "password_change_required");
    zc_server_test_expect (server, "DELETE", "/api/v1/sessions/current", again, NULL, 204, NULL);
  }

  zc_test_server_stop (server);
}

static void
test_idle_expiry (void)
{
  const char * const env[] = { "ZHICHENG_SESSION_IDLE_SECONDS=1", NULL };
  ZcTestServer *server = zc_test_server_start_full (NULL, demo, env);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);

  /* use keeps it alive */
  for (guint i = 0; i < 3; i++)
    {
      g_usleep (G_USEC_PER_SEC / 2);
      g_assert_cmpuint (status_of (server, "GET", "/api/v1/me", token), ==, 200);
    }

  g_usleep (G_USEC_PER_SEC * 11 / 10);
  zc_server_test_expect (server, "GET", "/api/v1/me", token, NULL, 401, "unauthenticated");

  zc_test_server_stop (server);
}

static void
test_absolute_expiry (void)
{
  const char * const env[] = { "ZHICHENG_SESSION_MAX_SECONDS=1", NULL };
  ZcTestServer *server = zc_test_server_start_full (NULL, demo, env);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);

  g_assert_cmpuint (status_of (server, "GET", "/api/v1/me", token), ==, 200);
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_cmpuint (status_of (server, "GET", "/api/v1/me", token), ==, 200);
  g_usleep (G_USEC_PER_SEC * 6 / 10);
  zc_server_test_expect (server, "GET", "/api/v1/me", token, NULL, 401, "unauthenticated");

  zc_test_server_stop (server);
}

/* Five failures in the window: the sixth attempt, right or wrong, gets
 * 429 without a hash; when the window has passed the account logs in. */
static void
test_rate_limit_account (void)
{
  const char * const env[] = { "ZHICHENG_LOGIN_WINDOW_SECONDS=2", NULL };
  ZcTestServer *server = zc_test_server_start_full (NULL, demo, env);
  g_autofree char *retry_after = NULL;
  g_autofree char *body = login_body ("13800000001", ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) zh = NULL;
  guint64 seconds = 0;
  guint status = 0;

  /* a success clears the account's failures */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_APPLICANT, "wrong2026pw", NULL), ==, 401);
  g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD, NULL), ==, 201);

  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_APPLICANT, "wrong2026pw", NULL), ==, 401);
  g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD, &retry_after), ==, 429);
  g_assert_nonnull (retry_after);
  g_assert_true (g_ascii_string_to_unsigned (retry_after, 10, 1, 2, &seconds, NULL));

  /* the same account by its mobile is the same account */
  zc_server_test_expect (server, "POST", "/api/v1/sessions", NULL, body, 429, "too_many_attempts");
  zh = zc_test_server_call (server, "POST", "/api/v1/sessions", NULL, "zh-CN", body, &status, NULL);
  g_assert_cmpuint (status, ==, 429);
  /* other accounts are not locked out */
  g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD, NULL), ==, 201);

  g_usleep (G_USEC_PER_SEC * 21 / 10);
  g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD, NULL), ==, 201);

  zc_test_server_stop (server);
}

/* Many accounts tried from one address: the address is held back. */
static void
test_rate_limit_address (void)
{
  const char * const env[] = { "ZHICHENG_LOGIN_WINDOW_SECONDS=2", "ZHICHENG_LOGIN_MAX_FAILURES_PER_ADDRESS=6", NULL };
  ZcTestServer *server = zc_test_server_start_full (NULL, demo, env);
  g_autofree char *retry_after = NULL;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id_number = zc_server_test_id_number (i, FALSE);

      g_assert_cmpuint (try_login (server, id_number, "guess2026pw", NULL), ==, 401);
    }
  g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_ADMIN, ZC_TEST_DEMO_PASSWORD, &retry_after), ==, 429);
  g_assert_nonnull (retry_after);

  g_usleep (G_USEC_PER_SEC * 21 / 10);
  g_assert_cmpuint (try_login (server, ZC_TEST_DEMO_ADMIN, ZC_TEST_DEMO_PASSWORD, NULL), ==, 201);

  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/sessions/login", test_login);
  g_test_add_func ("/server/sessions/login-refused", test_login_refused);
  g_test_add_func ("/server/sessions/tokens-refused", test_tokens_refused);
  g_test_add_func ("/server/sessions/logout", test_logout);
  g_test_add_func ("/server/sessions/change-password", test_change_password);
  g_test_add_func ("/server/sessions/initial-password", test_initial_password);
  g_test_add_func ("/server/sessions/idle-expiry", test_idle_expiry);
  g_test_add_func ("/server/sessions/absolute-expiry", test_absolute_expiry);
  g_test_add_func ("/server/sessions/rate-limit-account", test_rate_limit_account);
  g_test_add_func ("/server/sessions/rate-limit-address", test_rate_limit_address);

  return g_test_run ();
}
