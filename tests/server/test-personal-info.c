/* test-personal-info.c: the applicant's personal information over HTTP
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-json.h"
#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

#define PATH "/api/v1/me/personal-info"

/* 李娜 (applicant2): a complete, valid form, without the fields that
 * come from the account. */
#define GOOD_BODY \
  "\"ethnic_group\": \"01\", \"birth_date\": \"1990-07-18\", \"political_status\": \"13\"," \
  " \"id_type\": \"111\", \"nationality\": \"中国\", \"mobile\": \"13800000002\"," \
  " \"email\": \"lina@example.com\", \"address\": \"河南省郑州市中原区建设路 1 号\"," \
  " \"unit_name\": \"郑州市示范人民医院\", \"unit_nature\": \"20\", \"work_started_on\": \"2013-07-01\"," \
  " \"current_profession\": \"护理\", \"work_years\": 12, \"specialty_years\": 10"

/* {"base_version": N, "body": GOOD_BODY with the members of @overrides} */
static char *
put_body (gint64      base_version,
          const char *overrides)
{
  g_autofree char *good_text = g_strdup ("{" GOOD_BODY "}");
  g_autoptr(JsonParser) good = json_parser_new ();
  g_autoptr(JsonParser) changes = json_parser_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *overriding;
  g_autoptr(GList) members = NULL;
  g_autofree char *text = NULL;

  json_parser_load_from_data (good, good_text, -1, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (changes, overrides, -1, &error);
  g_assert_no_error (error);
  body = json_node_copy (json_parser_get_root (good));
  object = json_node_get_object (body);
  overriding = json_node_get_object (json_parser_get_root (changes));
  members = json_object_get_members (overriding);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data, json_node_copy (json_object_get_member (overriding, l->data)));

  text = zc_json_to_string (body);
  return g_strdup_printf ("{\"base_version\": %" G_GINT64_FORMAT ", \"body\": %s}", base_version, text);
}

typedef struct
{
  ZcTestServer *server;
  char         *token;      /* 李娜, who has no personal information yet */
  char         *account_id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = zc_test_server_start (demo);
  fixture->token = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  fixture->account_id = zc_server_test_account_id (fixture->server, fixture->token);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  zc_test_server_stop (fixture->server);
  g_free (fixture->token);
  g_free (fixture->account_id);
}

static gint64
count_own (Fixture    *fixture,
           const char *table_filter)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s = '%s'", table_filter, fixture->account_id);

  return zc_server_test_count (fixture->server, sql);
}

static JsonObject *
put (Fixture     *fixture,
     const char  *body,
     JsonNode   **holder)
{
  *holder = zc_server_test_ok (fixture->server, "PUT", PATH, fixture->token, body, 200);
  return zc_server_test_object (*holder);
}

static void
test_create_and_read (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonObject *record, *body;

  /* none yet */
  zc_server_test_expect (fixture->server, "GET", PATH, fixture->token, NULL, 404, "not_found");

  put (fixture, "{\"base_version\": 0, \"body\": {" GOOD_BODY "}}", &answer);
  record = json_object_get_object_member (zc_server_test_object (answer), "record");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (answer),
                                                                         "conflicts")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "personal-info");
  g_assert_cmpstr (json_object_get_string_member (record, "owner_id"), ==, fixture->account_id);
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
  g_assert_true (json_object_get_null_member (record, "state"));

  /* name, ID number and gender come from the account */
  body = json_object_get_object_member (record, "body");
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "李娜");
  g_assert_cmpstr (json_object_get_string_member (body, "id_number"), ==, ZC_TEST_DEMO_APPLICANT2);
  g_assert_cmpstr (json_object_get_string_member (body, "gender"), ==, "2");

  again = zc_server_test_ok (fixture->server, "GET", PATH, fixture->token, NULL, 200);
  g_assert_cmpstr (zc_test_member_string (again, "id"), ==, json_object_get_string_member (record, "id"));
  g_assert_cmpint (count_own (fixture, "records WHERE kind = 'personal-info' AND owner_id"), ==, 1);

  /* sending the registration values is fine, as long as they agree */
  g_clear_pointer (&answer, json_node_unref);
  {
    g_autofree char *request = put_body (1, "{\"name\": \"李娜\", \"gender\": \"2\", \"id_number\": \"41010519900718002X\","
                                         " \"email\": \"li.na@example.com\"}");

    put (fixture, request, &answer);
  }
  record = json_object_get_object_member (zc_server_test_object (answer), "record");
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 2);
  g_assert_cmpint (count_own (fixture, "records WHERE kind = 'personal-info' AND owner_id"), ==, 1);
}

typedef struct
{
  const char *body;       /* a whole request, or NULL for GOOD_BODY with @overrides */
  const char *overrides;
  guint       status;
  const char *code;
  const char *field;      /* nullable */
  const char *error_code; /* nullable: errors[0].code */
} Bad;

#define LONG_ADDRESS "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十" \
                     "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十" \
                     "一二三四五六七八九十一二三四五六七八九十一"

static const Bad bad_requests[] = {
  { "{", NULL, 400, "malformed_json", NULL, NULL },
  { "[]", NULL, 400, "malformed_json", NULL, NULL },
  { "{\"base_version\": 0, \"base_version\": 0, \"body\": {}}", NULL, 400, "malformed_json", NULL, NULL },
  { "{\"base_version\": \"0\", \"body\": {}}", NULL, 400, "wrong_type", "base_version", NULL },
  { "{\"base_version\": 0.5, \"body\": {}}", NULL, 400, "wrong_type", "base_version", NULL },
  { "{\"base_version\": -1, \"body\": {}}", NULL, 400, "out_of_range", "base_version", NULL },
  { "{\"base_version\": 0, \"body\": []}", NULL, 400, "wrong_type", "body", NULL },
  { "{\"base_version\": 0}", NULL, 400, "missing_value", "body", NULL },
  { "{\"base_version\": 0, \"body\": {}, \"owner_id\": \"x\"}", NULL, 400, "unknown_member", "owner_id", NULL },
  /* the form's own checks */
  { "{\"base_version\": 0, \"body\": {}}", NULL, 400, "invalid_record", "ethnic_group", "required" },
  { NULL, "{\"hobby\": \"象棋\"}", 400, "invalid_record", "hobby", "unknown_field" },
  { NULL, "{\"id_number\": \"41010519900718002Y\"}", 400, "invalid_record", "id_number", "invalid_format" },
  { NULL, "{\"id_number\": \"410102198503120014\"}", 400, "invalid_record", "id_number", "readonly" },
  { NULL, "{\"name\": \"李四\"}", 400, "invalid_record", "name", "readonly" },
  { NULL, "{\"gender\": \"1\"}", 400, "invalid_record", "gender", "readonly" },
  { NULL, "{\"work_years\": \"十二\"}", 400, "invalid_record", "work_years", "wrong_type" },
  { NULL, "{\"specialty_years\": 13}", 400, "invalid_record", "specialty_years", "greater_than" },
  { NULL, "{\"work_started_on\": \"1989-07-01\"}", 400, "invalid_record", "work_started_on", "end_before_start" },
  { NULL, "{\"mobile\": \"12345\"}", 400, "invalid_record", "mobile", "invalid_format" },
  { NULL, "{\"birth_date\": \"1990-02-30\"}", 400, "invalid_record", "birth_date", "invalid_date" },
  { NULL, "{\"address\": \"" LONG_ADDRESS "\"}", 400, "invalid_record", "address", "too_long" },
  { NULL, "{\"address\": \"line\\nbreak\"}", 400, "invalid_record", "address", "invalid_format" },
};

/* Every bad request: the right status and code, a message in both
 * languages, the field at fault, and nothing stored. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_requests); i++)
    {
      const Bad *bad = &bad_requests[i];
      g_autofree char *built = bad->body == NULL ? put_body (0, bad->overrides) : NULL;
      const char *body = bad->body != NULL ? bad->body : built;
      g_autoptr(JsonNode) en = NULL;
      g_autoptr(JsonNode) zh = NULL;
      guint status = 0;

      g_test_message ("bad request %u", i);
      zc_server_test_expect (fixture->server, "PUT", PATH, fixture->token, body, bad->status, bad->code);
      en = zc_test_server_call (fixture->server, "PUT", PATH, fixture->token, "en", body, &status, NULL);
      zh = zc_test_server_call (fixture->server, "PUT", PATH, fixture->token, "zh-CN", body, &status, NULL);
      if (bad->field != NULL)
        g_assert_cmpstr (zc_test_member_string (en, "field"), ==, bad->field);
      if (bad->error_code != NULL)
        {
          JsonArray *errors = json_object_get_array_member (zc_server_test_object (en), "errors");
          JsonObject *first = json_array_get_object_element (errors, 0);

          g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, bad->field);
          g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, bad->error_code);
          g_assert_cmpuint (strlen (json_object_get_string_member (first, "message")), >, 0);
        }
      if (g_str_equal (bad->code, "malformed_json"))
        {
          g_assert_cmpstr (zc_test_member_string (en, "message"), ==, "The request is not a valid JSON object.");
          g_assert_cmpstr (zc_test_member_string (zh, "message"), ==, "请求内容不是有效的 JSON 对象。");
        }
    }

  g_assert_cmpint (count_own (fixture, "records WHERE owner_id"), ==, 0);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM record_versions"
                                                          " WHERE record_id NOT LIKE 'de300000-%'"
                                                          " AND record_id NOT LIKE 'de700000-%'"), ==, 0);
}

/* A record changes only as a whole request: bad input after a good one
 * leaves the good one as it was. */
static void
test_bad_input_keeps_stored (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) stored = NULL;
  JsonObject *body;

  put (fixture, "{\"base_version\": 0, \"body\": {" GOOD_BODY "}}", &first);
  {
    g_autofree char *request = put_body (1, "{\"email\": \"x@example.com\", \"specialty_years\": 40}");

    zc_server_test_expect (fixture->server, "PUT", PATH, fixture->token, request, 400, "invalid_record");
  }
  {
    /* a version the server never had */
    g_autofree char *request = put_body (9, "{\"email\": \"x@example.com\"}");

    zc_server_test_expect (fixture->server, "PUT", PATH, fixture->token, request, 400, "invalid_value");
  }

  stored = zc_server_test_ok (fixture->server, "GET", PATH, fixture->token, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (stored), "version"), ==, 1);
  body = json_object_get_object_member (zc_server_test_object (stored), "body");
  g_assert_cmpstr (json_object_get_string_member (body, "email"), ==, "lina@example.com");
}

/* Text that looks like SQL is only text. */
static void
test_sql_looking_text (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *body;

  {
    g_autofree char *request = put_body (0, "{\"former_name\": \"x'); DROP TABLE records;--\","
                                         " \"residence\": \"\\\" OR 1=1 --\"}");

    put (fixture, request, &answer);
  }
  body = json_object_get_object_member (json_object_get_object_member (zc_server_test_object (answer), "record"),
                                        "body");
  g_assert_cmpstr (json_object_get_string_member (body, "former_name"), ==, "x'); DROP TABLE records;--");
  g_assert_cmpstr (json_object_get_string_member (body, "residence"), ==, "\" OR 1=1 --");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM records"), >, 1);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM accounts"), ==, 9);
}

/* Two saves made on the same version: different fields merge, the
 * same field keeps the first and returns the second as a conflict. */
static void
test_merge_and_conflict (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) third = NULL;
  JsonObject *record, *body, *conflict;
  JsonArray *conflicts;

  put (fixture, "{\"base_version\": 0, \"body\": {" GOOD_BODY "}}", &first);
  {
    g_autofree char *request = put_body (1, "{\"email\": \"device-a@example.com\"}");

    put (fixture, request, &second);
  }

  /* made on version 1 too, from another device */
  {
    g_autofree char *request = put_body (1, "{\"email\": \"device-b@example.com\", \"postcode\": \"450000\"}");

    put (fixture, request, &third);
  }
  record = json_object_get_object_member (zc_server_test_object (third), "record");
  body = json_object_get_object_member (record, "body");
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (body, "email"), ==, "device-a@example.com");
  g_assert_cmpstr (json_object_get_string_member (body, "postcode"), ==, "450000");

  conflicts = json_object_get_array_member (zc_server_test_object (third), "conflicts");
  g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
  conflict = json_array_get_object_element (conflicts, 0);
  g_assert_cmpstr (json_object_get_string_member (conflict, "field"), ==, "email");
  g_assert_cmpstr (json_object_get_string_member (conflict, "client_value"), ==, "device-b@example.com");
  g_assert_cmpstr (json_object_get_string_member (conflict, "server_value"), ==, "device-a@example.com");
  g_assert_cmpstr (json_object_get_string_member (conflict, "record_id"), ==,
                   json_object_get_string_member (record, "id"));

  /* the client's value is kept, not dropped */
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM sync_conflicts"
                                                          " WHERE field = 'email'"
                                                          " AND client_value = '{\"value\":\"device-b@example.com\"}'"), ==, 1);
}

static void
test_other_roles (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER,
                                                   ZC_TEST_DEMO_PASSWORD);
  g_autofree char *admin = zc_server_test_admin_token (fixture->server);

  zc_server_test_expect (fixture->server, "GET", PATH, officer, NULL, 403, "forbidden");
  zc_server_test_expect (fixture->server, "PUT", PATH, admin, "{\"base_version\": 0, \"body\": {}}", 403,
                         "forbidden");
  zc_server_test_expect (fixture->server, "GET", PATH, NULL, NULL, 401, "unauthenticated");
}

/* The demo applicant's is there, valid, and only theirs. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *token = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "GET", PATH, token, NULL, 200);
  JsonObject *body = json_object_get_object_member (zc_server_test_object (answer), "body");

  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "张伟");
  g_assert_cmpstr (json_object_get_string_member (body, "current_profession"), ==, "心血管内科");
}

/* Too large a body is refused before it is read. */
static void
test_oversized (Fixture       *fixture,
                gconstpointer  data)
{
  GString *body = g_string_new ("{\"base_version\": 0, \"body\": {\"performance_summary\": \"");

  for (guint i = 0; i < 600 * 1024; i++)
    g_string_append_c (body, 'a');
  g_string_append (body, "\"}}");

  zc_server_test_expect (fixture->server, "PUT", PATH, fixture->token, body->str, 413, "body_too_large");
  g_assert_cmpint (count_own (fixture, "records WHERE owner_id"), ==, 0);
  g_string_free (body, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/personal-info/create-and-read", Fixture, NULL, fixture_setup, test_create_and_read,
              fixture_teardown);
  g_test_add ("/server/personal-info/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/server/personal-info/bad-input-keeps-stored", Fixture, NULL, fixture_setup,
              test_bad_input_keeps_stored, fixture_teardown);
  g_test_add ("/server/personal-info/sql-looking-text", Fixture, NULL, fixture_setup, test_sql_looking_text,
              fixture_teardown);
  g_test_add ("/server/personal-info/merge-and-conflict", Fixture, NULL, fixture_setup, test_merge_and_conflict,
              fixture_teardown);
  g_test_add ("/server/personal-info/other-roles", Fixture, NULL, fixture_setup, test_other_roles,
              fixture_teardown);
  g_test_add ("/server/personal-info/demo", Fixture, NULL, fixture_setup, test_demo, fixture_teardown);
  g_test_add ("/server/personal-info/oversized", Fixture, NULL, fixture_setup, test_oversized, fixture_teardown);

  return g_test_run ();
}
