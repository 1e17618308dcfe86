/* test-archive.c: the applicant's achievement archive over HTTP
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

#define PAPER "{\"title\": \"社区高血压患者随访管理效果评价\", \"published_on\": \"2022-04-01\"," \
              " \"paper_type\": \"1\", \"journal\": \"中华全科医学\", \"author_rank\": \"2\", \"own_words\": 4}"
#define WORK  "{\"start_on\": \"2013-07-01\", \"unit\": \"郑州市示范人民医院\", \"content\": \"护理工作\"}"

typedef struct
{
  ZcTestServer *server;
  char         *applicant;     /* tokens */
  char         *applicant2;
  char         *officer;       /* of the hospital, where the applicant works */
  char         *hr_officer;    /* of the district HR bureau */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = zc_test_server_start (demo);
  fixture->applicant = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  fixture->applicant2 = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  fixture->officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  fixture->hr_officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_HR_OFFICER, ZC_TEST_DEMO_PASSWORD);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  zc_test_server_stop (fixture->server);
  g_free (fixture->applicant);
  g_free (fixture->applicant2);
  g_free (fixture->officer);
  g_free (fixture->hr_officer);
}

/* Adds an entry; returns its id. */
static char *
add (Fixture    *fixture,
     const char *token,
     const char *kind,
     const char *body)
{
  g_autofree char *request = g_strdup_printf ("{\"kind\": \"%s\", \"body\": %s}", kind, body);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/archive", token, request, 201);

  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (answer), "version"), ==, 1);
  return g_strdup (zc_test_member_string (answer, "id"));
}

static JsonNode *
get (Fixture    *fixture,
     const char *token,
     const char *id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s", id);

  return zc_server_test_ok (fixture->server, "GET", path, token, NULL, 200);
}

/* Runs "@sql_start'@id'" */
static gint64
count (Fixture    *fixture,
       const char *sql_start,
       const char *id)
{
  g_autofree char *sql = g_strconcat (sql_start, "'", id, "'", NULL);

  return zc_server_test_count (fixture->server, sql);
}

static void
decide (Fixture    *fixture,
        const char *id,
        const char *decision,
        const char *comment)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s/decision", id);
  g_autofree char *body = g_strdup_printf ("{\"decision\": \"%s\", \"expected_state\": \"pending\"%s%s%s}", decision,
                                           comment != NULL ? ", \"comment\": \"" : "",
                                           comment != NULL ? comment : "", comment != NULL ? "\"" : "");
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", path, fixture->officer, body, 200);
}

static void
test_add_list_get (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = add (fixture, fixture->applicant2, "archive:papers", PAPER);
  g_autofree char *mine = g_strdup_printf ("/api/v1/archive/%s", id);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) filtered = NULL;
  g_autoptr(JsonNode) entry = NULL;
  JsonArray *records;

  list = zc_server_test_ok (fixture->server, "GET", "/api/v1/archive", fixture->applicant2, NULL, 200);
  records = json_object_get_array_member (zc_server_test_object (list), "records");
  g_assert_cmpuint (json_array_get_length (records), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (records, 0), "id"), ==, id);

  filtered = zc_server_test_ok (fixture->server, "GET", "/api/v1/archive?category=education&state=pending",
                                fixture->applicant2, NULL, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (filtered),
                                                                         "records")), ==, 0);

  entry = get (fixture, fixture->applicant2, id);
  g_assert_cmpstr (zc_test_member_string (entry, "kind"), ==, "archive:papers");

  /* nobody else's: the same 404 as a missing entry */
  zc_server_test_expect (fixture->server, "GET", mine, fixture->applicant, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", mine, fixture->hr_officer, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/archive?state=done", fixture->applicant2, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/archive?limit=0", fixture->applicant2, NULL, 400,
                         "invalid_value");

  /* a client may choose the id; a second entry under it is refused */
  {
    g_autofree char *body = g_strdup_printf ("{\"id\": \"%s\", \"kind\": \"archive:papers\", \"body\": %s}", id, PAPER);

    zc_server_test_expect (fixture->server, "POST", "/api/v1/archive", fixture->applicant2, body, 409,
                           "record_exists");
  }
}

typedef struct
{
  const char *body;
  guint       status;
  const char *code;
  const char *field;
} Bad;

static const Bad bad_entries[] = {
  { "{\"kind\": \"archive:papers\"}", 400, "missing_value", "body" },
  { "{\"kind\": 7, \"body\": {}}", 400, "wrong_type", "kind" },
  { "{\"kind\": \"archive:papers\", \"body\": {}, \"state\": \"approved\"}", 400, "unknown_member", "state" },
  { "{\"kind\": \"archive:recipes\", \"body\": {}}", 400, "invalid_value", "kind" },
  { "{\"kind\": \"personal-info\", \"body\": {}}", 400, "invalid_value", "kind" },
  { "{\"kind\": \"archive:papers\", \"body\": {}, \"id\": \"not-a-uuid\"}", 400, "invalid_value", "id" },
  { "{\"kind\": \"archive:papers\", \"body\": {}}", 400, "invalid_record", "title" },
  /* end before start */
  { "{\"kind\": \"archive:work-experience\", \"body\": {\"start_on\": \"2015-07-01\", \"end_on\": \"2014-01-01\","
    " \"unit\": \"医院\", \"content\": \"内科\"}}", 400, "invalid_record", "end_on" },
  { "{\"kind\": \"archive:education\", \"body\": {\"start_on\": \"2008-09-01\", \"graduated_on\": \"2004-07-01\","
    " \"school\": \"郑州大学\", \"education_type\": \"1\", \"major\": \"护理学\", \"schooling_years\": 4,"
    " \"enrolment_status\": \"1\", \"education_level\": \"21\"}}", 400, "invalid_record", "graduated_on" },
  { "{\"kind\": \"archive:papers\", \"body\": " PAPER ", \"body\": {}}", 400, "malformed_json", NULL },
  { "{\"kind\": \"archive:work-experience\", \"body\": {\"start_on\": \"2013-07-01\", \"unit\": \"医院\","
    " \"content\": \"内科\", \"salary\": 5000}}", 400, "invalid_record", "salary" },
  { "{\"kind\": \"archive:work-experience\", \"body\": {\"start_on\": \"2099-07-01\", \"unit\": \"医院\","
    " \"content\": \"内科\"}}", 400, "invalid_record", "start_on" },
  { "not json", 400, "malformed_json", NULL },
};

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_entries); i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      g_test_message ("bad entry %u", i);
      zc_server_test_expect (fixture->server, "POST", "/api/v1/archive", fixture->applicant2, bad_entries[i].body,
                             bad_entries[i].status, bad_entries[i].code);
      answer = zc_test_server_call (fixture->server, "POST", "/api/v1/archive", fixture->applicant2, "en",
                                    bad_entries[i].body, &status, NULL);
      if (bad_entries[i].field != NULL)
        g_assert_cmpstr (zc_test_member_string (answer, "field"), ==, bad_entries[i].field);
    }

  /* an overlong text and a huge body */
  {
    GString *title = g_string_new (NULL);
    g_autofree char *body = NULL;

    for (guint i = 0; i < 201; i++)
      g_string_append (title, "字");
    body = g_strdup_printf ("{\"kind\": \"archive:papers\", \"body\": {\"title\": \"%s\", \"published_on\": \"2022-04-01\","
                            " \"paper_type\": \"1\", \"journal\": \"期刊\", \"author_rank\": \"2\", \"own_words\": 4}}",
                            title->str);
    zc_server_test_expect (fixture->server, "POST", "/api/v1/archive", fixture->applicant2, body, 400,
                           "invalid_record");
    g_string_free (title, TRUE);
  }
  {
    GString *body = g_string_new ("{\"kind\": \"archive:papers\", \"body\": {\"notes\": \"");

    while (body->len < 600 * 1024)
      g_string_append (body, "0123456789");
    g_string_append (body, "\"}}");
    zc_server_test_expect (fixture->server, "POST", "/api/v1/archive", fixture->applicant2, body->str, 413,
                           "body_too_large");
    g_string_free (body, TRUE);
  }

  /* nothing stored */
  g_assert_cmpint (zc_server_test_count (fixture->server,
                                         "SELECT count(*) FROM records WHERE id NOT LIKE 'de300000-%'"
                                         " AND id NOT LIKE 'de700000-%'"), ==, 0);
}

/* The review rules of SPEC's table, as the applicant meets them. */
static void
test_review_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *approved = add (fixture, fixture->applicant, "archive:papers", PAPER);
  g_autofree char *returned = add (fixture, fixture->applicant, "archive:work-experience", WORK);
  g_autofree char *rejected = add (fixture, fixture->applicant, "archive:papers", PAPER);
  g_autofree char *approved_path = g_strdup_printf ("/api/v1/archive/%s", approved);
  g_autofree char *returned_path = g_strdup_printf ("/api/v1/archive/%s", returned);
  g_autofree char *rejected_path = g_strdup_printf ("/api/v1/archive/%s", rejected);
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonObject *record;

  decide (fixture, approved, "approve", NULL);
  decide (fixture, returned, "return", "请补充聘书");
  decide (fixture, rejected, "reject", "与事实不符");

  /* editing an approved entry sends it back to pending */
  edited = zc_server_test_ok (fixture->server, "PUT", approved_path, fixture->applicant,
                              "{\"base_version\": 2, \"body\": {\"title\": \"社区高血压患者随访管理效果评价\","
                              " \"published_on\": \"2022-04-01\", \"paper_type\": \"1\", \"journal\": \"中华全科医学\","
                              " \"author_rank\": \"2\", \"own_words\": 5}}", 200);
  record = json_object_get_object_member (zc_server_test_object (edited), "record");
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 3);

  /* so does editing a returned one */
  again = zc_server_test_ok (fixture->server, "PUT", returned_path, fixture->applicant,
                             "{\"base_version\": 2, \"body\": {\"start_on\": \"2013-07-01\", \"unit\": \"郑州市示范人民医院\","
                             " \"content\": \"护理工作，附聘书\"}}", 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (zc_server_test_object (again),
                                                                                 "record"), "state"), ==, "pending");

  /* a rejected entry stays as it is */
  zc_server_test_expect (fixture->server, "PUT", rejected_path, fixture->applicant,
                         "{\"base_version\": 2, \"body\": " PAPER "}", 409, "not_allowed");
  zc_server_test_expect (fixture->server, "DELETE", rejected_path, fixture->applicant, NULL, 409, "not_allowed");

  /* approved entries cannot be deleted */
  {
    g_autofree char *approved2 = add (fixture, fixture->applicant, "archive:papers", PAPER);
    g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s", approved2);

    decide (fixture, approved2, "approve", NULL);
    zc_server_test_expect (fixture->server, "DELETE", path, fixture->applicant, NULL, 409, "not_allowed");
  }

  /* the officer may look, not edit */
  zc_server_test_expect (fixture->server, "PUT", approved_path, fixture->officer,
                         "{\"base_version\": 3, \"body\": " PAPER "}", 403, "forbidden");
  g_assert_cmpint (count (fixture, "SELECT version FROM records WHERE id = ", rejected), ==, 2);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = add (fixture, fixture->applicant2, "archive:papers", PAPER);
  g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s", id);
  g_autofree char *stale = g_strdup_printf ("/api/v1/archive/%s?base_version=7", id);
  g_autoptr(JsonNode) gone = NULL;

  zc_server_test_expect (fixture->server, "DELETE", path, fixture->applicant, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "DELETE", stale, fixture->applicant2, NULL, 409, "state_changed");
  gone = zc_server_test_ok (fixture->server, "DELETE", path, fixture->applicant2, NULL, 204);
  g_assert_null (gone);

  /* a tombstone, not a hole: sync clients learn of the deletion */
  g_assert_cmpint (count (fixture, "SELECT deleted FROM records WHERE id = ", id), ==, 1);
  zc_server_test_expect (fixture->server, "GET", path, fixture->applicant2, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "PUT", path, fixture->applicant2,
                         "{\"base_version\": 2, \"body\": " PAPER "}", 404, "not_found");
}

/* An unreviewed (imported) entry: edits keep it unreviewed until the
 * applicant sends it to the unit. */
static void
test_submit_unreviewed (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *id = "de300000-0000-4000-8000-000000000110";
  g_autofree char *submit = g_strdup_printf ("/api/v1/archive/%s/submit", id);
  g_autoptr(JsonNode) submitted = NULL;

  zc_server_test_expect (fixture->server, "POST", submit, fixture->applicant, "{\"expected_state\": \"pending\"}",
                         409, "state_changed");
  zc_server_test_expect (fixture->server, "POST", submit, fixture->applicant, "{}", 400, "missing_value");
  zc_server_test_expect (fixture->server, "POST", submit, fixture->applicant2,
                         "{\"expected_state\": \"unreviewed\"}", 404, "not_found");
  submitted = zc_server_test_ok (fixture->server, "POST", submit, fixture->applicant,
                                 "{\"expected_state\": \"unreviewed\"}", 200);
  g_assert_cmpstr (zc_test_member_string (submitted, "state"), ==, "pending");
  /* only once */
  zc_server_test_expect (fixture->server, "POST", submit, fixture->applicant,
                         "{\"expected_state\": \"unreviewed\"}", 409, "state_changed");
}

/* Who, when, from what, to what, why: append-only, enforced by the
 * database itself. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = add (fixture, fixture->applicant, "archive:papers", PAPER);
  g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s/history", id);
  g_autofree char *db_path = zc_test_server_db_path (fixture->server);
  g_autoptr(JsonNode) history = NULL;
  JsonArray *steps;
  JsonObject *step;
  sqlite3 *db = NULL;

  decide (fixture, id, "return", "请补充期刊封面");
  history = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  steps = json_object_get_array_member (zc_server_test_object (history), "history");
  g_assert_cmpuint (json_array_get_length (steps), ==, 2);
  step = json_array_get_object_element (steps, 0);
  g_assert_cmpstr (json_object_get_string_member (step, "action"), ==, "create");
  g_assert_true (json_object_get_null_member (step, "from"));
  g_assert_cmpstr (json_object_get_string_member (step, "to"), ==, "pending");
  step = json_array_get_object_element (steps, 1);
  g_assert_cmpstr (json_object_get_string_member (step, "action"), ==, "return");
  g_assert_cmpstr (json_object_get_string_member (step, "from"), ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (step, "to"), ==, "returned");
  g_assert_cmpstr (json_object_get_string_member (step, "comment"), ==, "请补充期刊封面");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (step, "actor"), "name"), ==, "王芳");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (step, "actor"), "role"), ==,
                   "unit_officer");

  /* the officer sees it too; nobody else */
  g_clear_pointer (&history, json_node_unref);
  history = zc_server_test_ok (fixture->server, "GET", path, fixture->officer, NULL, 200);
  zc_server_test_expect (fixture->server, "GET", path, fixture->hr_officer, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->applicant2, NULL, 404, "not_found");

  /* every step is in the audit trail too */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE object = ", id), ==, 2);

  /* neither trail can be edited or shortened, even from outside */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE record_history SET comment = 'x'", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM record_history", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET detail = 'x'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record_history WHERE record_id = ", id), ==, 2);
}

/* The demo applicant's archive: every review state, valid content, and
 * seeding again adds nothing. */
static void
test_demo (void)
{
  const char * const states[] = { "pending", "unreviewed", "approved", "rejected", "returned" };
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *data_dir = g_strdup (server->data_dir);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) list = zc_server_test_ok (server, "GET", "/api/v1/archive", token, NULL, 200);
  JsonArray *records = json_object_get_array_member (zc_server_test_object (list), "records");
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 n_records, n_messages;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (records); j++)
        {
          JsonObject *record = json_array_get_object_element (records, j);

          g_hash_table_add (kinds, (gpointer) json_object_get_string_member (record, "kind"));
          if (g_str_equal (json_object_get_string_member (record, "state"), states[i]))
            {
              found = TRUE;
              if (g_str_equal (states[i], "rejected") || g_str_equal (states[i], "returned"))
                g_assert_cmpuint (strlen (json_object_get_string_member (record, "review_comment")), >, 0);
            }
        }
      g_assert_true (found);
    }
  g_assert_cmpuint (g_hash_table_size (kinds), >=, 5);

  n_records = zc_server_test_count (server, "SELECT count(*) FROM records");
  n_messages = zc_server_test_count (server, "SELECT count(*) FROM messages");
  g_assert_cmpint (n_messages, >=, 3);

  /* the unit officer has a queue to work on */
  {
    g_autofree char *officer = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
    g_autofree char *hospital = zc_server_test_id_of_unit (server, officer, ZC_TEST_DEMO_HOSPITAL_CODE);
    g_autofree char *queue_path = g_strdup_printf ("/api/v1/units/%s/archive", hospital);
    g_autoptr(JsonNode) queue = zc_server_test_ok (server, "GET", queue_path, officer, NULL, 200);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (queue),
                                                                           "records")), >=, 3);
  }

  server->keep_data = TRUE;
  zc_test_server_stop (server);
  server = zc_test_server_start_in (data_dir, demo);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM records"), ==, n_records);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM messages"), ==, n_messages);
  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/archive/add-list-get", Fixture, NULL, fixture_setup, test_add_list_get, fixture_teardown);
  g_test_add ("/server/archive/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/server/archive/review-rules", Fixture, NULL, fixture_setup, test_review_rules, fixture_teardown);
  g_test_add ("/server/archive/delete", Fixture, NULL, fixture_setup, test_delete, fixture_teardown);
  g_test_add ("/server/archive/submit-unreviewed", Fixture, NULL, fixture_setup, test_submit_unreviewed,
              fixture_teardown);
  g_test_add ("/server/archive/history", Fixture, NULL, fixture_setup, test_history, fixture_teardown);
  g_test_add_func ("/server/archive/demo", test_demo);

  return g_test_run ();
}
