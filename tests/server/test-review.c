/* test-review.c: the unit officer's queue and decisions over HTTP
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

#define PAPER "{\"title\": \"论文 %u\", \"published_on\": \"2022-04-01\", \"paper_type\": \"1\"," \
              " \"journal\": \"中华全科医学\", \"author_rank\": \"2\", \"own_words\": 4}"

typedef struct
{
  ZcTestServer *server;
  char         *applicant;     /* 张伟, of the hospital */
  char         *applicant_id;
  char         *officer;       /* 王芳, of the hospital */
  char         *officer2;      /* a second officer of the hospital */
  char         *hr_officer;    /* of the district HR bureau */
  char         *hospital;
  char         *district;
  char         *queue;         /* the hospital's queue path */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *admin = NULL;
  g_autofree char *id_number = zc_server_test_id_number (1, TRUE);
  g_autofree char *officer2_id = NULL;

  fixture->server = zc_test_server_start (demo);
  admin = zc_server_test_admin_token (fixture->server);
  fixture->applicant = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  fixture->applicant_id = zc_server_test_account_id (fixture->server, fixture->applicant);
  fixture->officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  fixture->hr_officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_HR_OFFICER, ZC_TEST_DEMO_PASSWORD);
  fixture->hospital = zc_server_test_id_of_unit (fixture->server, admin, ZC_TEST_DEMO_HOSPITAL_CODE);
  fixture->district = zc_server_test_id_of_unit (fixture->server, admin, ZC_TEST_DEMO_DISTRICT_HR_CODE);
  fixture->queue = g_strdup_printf ("/api/v1/units/%s/archive", fixture->hospital);
  officer2_id = zc_server_test_add_account (fixture->server, admin, id_number, "周敏", "unit_officer",
                                            fixture->hospital, &fixture->officer2);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  zc_test_server_stop (fixture->server);
  g_free (fixture->applicant);
  g_free (fixture->applicant_id);
  g_free (fixture->officer);
  g_free (fixture->officer2);
  g_free (fixture->hr_officer);
  g_free (fixture->hospital);
  g_free (fixture->district);
  g_free (fixture->queue);
}

static char *
add_paper (Fixture *fixture,
           guint    n)
{
  g_autofree char *body = g_strdup_printf ("{\"kind\": \"archive:papers\", \"body\": " PAPER "}", n);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/archive", fixture->applicant,
                                                  body, 201);

  return g_strdup (zc_test_member_string (answer, "id"));
}

static JsonArray *
queue (Fixture     *fixture,
       const char  *query,
       JsonNode   **holder)
{
  g_autofree char *path = g_strconcat (fixture->queue, query, NULL);

  *holder = zc_server_test_ok (fixture->server, "GET", path, fixture->officer, NULL, 200);
  return json_object_get_array_member (zc_server_test_object (*holder), "records");
}

static void
test_queue (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *first = add_paper (fixture, 1);
  g_autofree char *second = add_paper (fixture, 2);
  g_autofree char *by_person = g_strdup_printf ("?person=%s&category=papers", fixture->applicant_id);
  g_autofree char *other_queue = g_strdup_printf ("/api/v1/units/%s/archive", fixture->district);
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) papers = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(JsonNode) old = NULL;
  g_autoptr(JsonNode) approved = NULL;
  g_autoptr(JsonNode) everything = NULL;
  JsonArray *records;
  JsonObject *item;
  guint n_pending;

  /* pending by default, oldest first, with who sent it and when */
  records = queue (fixture, "", &all);
  n_pending = json_array_get_length (records);
  g_assert_cmpuint (n_pending, >=, 5);   /* three of the demo and two new ones */
  for (guint i = 0; i < n_pending; i++)
    {
      item = json_array_get_object_element (records, i);
      g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "pending");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "applicant"), "name"), ==,
                       "张伟");
      g_assert_nonnull (json_object_get_string_member (item, "submitted_at"));
    }
  item = json_array_get_object_element (records, n_pending - 1);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, second);

  records = queue (fixture, by_person, &papers);
  g_assert_cmpuint (json_array_get_length (records), ==, 3);  /* one demo paper is pending */
  records = queue (fixture, "?limit=2&offset=1", &page);
  g_assert_cmpuint (json_array_get_length (records), ==, 2);
  /* the demo's entries were sent days ago, the new ones just now */
  records = queue (fixture, "?min_age_days=4", &old);
  g_assert_cmpuint (json_array_get_length (records), ==, n_pending - 2);
  records = queue (fixture, "?state=approved", &approved);
  g_assert_cmpuint (json_array_get_length (records), >=, 4);
  records = queue (fixture, "?state=all", &everything);
  g_assert_cmpuint (json_array_get_length (records), ==, 11 + 4 + 2);   /* 张伟's, 周涛's, the new ones */

  zc_server_test_expect (fixture->server, "GET", other_queue, fixture->officer, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", fixture->queue, fixture->hr_officer, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", fixture->queue, fixture->applicant, NULL, 403, "forbidden");
  {
    g_autofree char *path = g_strconcat (fixture->queue, "?state=maybe", NULL);

    zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 400, "invalid_value");
    g_free (path);
    path = g_strconcat (fixture->queue, "?person=张伟", NULL);
    zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 400, "invalid_value");
    g_free (path);
    path = g_strconcat (fixture->queue, "?min_age_days=-1", NULL);
    zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 400, "invalid_value");
  }
  (void) first;
}

static void
test_decisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id = add_paper (fixture, 1);
  g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s/decision", id);
  g_autoptr(JsonNode) returned = NULL;
  gint64 messages_before;

  /* a return needs a comment; a wrong expectation is refused before anything */
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                         "{\"decision\": \"return\", \"expected_state\": \"pending\"}", 400, "comment_required");
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                         "{\"decision\": \"return\", \"expected_state\": \"pending\", \"comment\": \"　 \"}", 400,
                         "comment_required");
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                         "{\"decision\": \"accept\", \"expected_state\": \"pending\"}", 400, "invalid_value");
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                         "{\"decision\": \"approve\", \"expected_state\": \"approved\"}", 409, "state_changed");
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                         "{\"decision\": \"approve\", \"expected_state\": \"pending\", \"expected_version\": 5}", 409,
                         "state_changed");
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                         "{\"decision\": \"approve\", \"expected_state\": \"done\"}", 400, "invalid_value");
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer, "{\"decision\": \"approve\"}", 400,
                         "missing_value");
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                         "{\"decision\": \"approve\", \"expected_state\": \"pending\", \"extra\": 1}", 400,
                         "unknown_member");
  zc_server_test_expect (fixture->server, "POST", path, fixture->hr_officer,
                         "{\"decision\": \"approve\", \"expected_state\": \"pending\"}", 404, "not_found");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM records WHERE version > 1"
                                                          " AND id NOT LIKE 'de300000-%'"
                                                          " AND id NOT LIKE 'de700000-%'"), ==, 0);

  messages_before = zc_server_test_count (fixture->server, "SELECT count(*) FROM messages");
  returned = zc_server_test_ok (fixture->server, "POST", path, fixture->officer,
                                "{\"decision\": \"return\", \"expected_state\": \"pending\", \"expected_version\": 1,"
                                " \"comment\": \"  请补充期刊封面  \"}", 200);
  g_assert_cmpstr (zc_test_member_string (returned, "state"), ==, "returned");
  g_assert_cmpstr (zc_test_member_string (returned, "review_comment"), ==, "请补充期刊封面");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM messages"), ==, messages_before + 1);

  /* decided: nothing more to decide, "look again" */
  zc_server_test_expect (fixture->server, "POST", path, fixture->officer2,
                         "{\"decision\": \"approve\", \"expected_state\": \"pending\"}", 409, "state_changed");
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *a = add_paper (fixture, 1);
  g_autofree char *b = add_paper (fixture, 2);
  g_autofree char *c = add_paper (fixture, 3);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *results;
  JsonObject *result;

  body = g_strdup_printf ("{\"decisions\": ["
                          "{\"id\": \"%s\", \"decision\": \"approve\", \"expected_state\": \"pending\"},"
                          "{\"id\": \"%s\", \"decision\": \"reject\", \"expected_state\": \"pending\"},"
                          "{\"id\": \"%s\", \"decision\": \"return\", \"expected_state\": \"pending\", \"comment\": \"缺附件\"},"
                          "{\"id\": \"%s\", \"decision\": \"approve\", \"expected_state\": \"pending\"},"
                          "{\"id\": \"00000000-0000-4000-8000-000000000000\", \"decision\": \"approve\","
                          " \"expected_state\": \"pending\"}]}",
                          a, b, c, a);
  answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/archive/decisions", fixture->officer, body, 200);
  results = json_object_get_array_member (zc_server_test_object (answer), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 5);

  result = json_array_get_object_element (results, 0);
  g_assert_true (json_object_get_boolean_member (result, "ok"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "record"), "state"), ==,
                   "approved");
  result = json_array_get_object_element (results, 1);
  g_assert_false (json_object_get_boolean_member (result, "ok"));
  g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, "comment_required");
  result = json_array_get_object_element (results, 2);
  g_assert_true (json_object_get_boolean_member (result, "ok"));
  result = json_array_get_object_element (results, 3);
  g_assert_false (json_object_get_boolean_member (result, "ok"));
  g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, "state_changed");
  g_assert_cmpint (json_object_get_int_member (result, "status"), ==, 409);
  result = json_array_get_object_element (results, 4);
  g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, "not_found");

  /* the failed ones changed nothing */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT version FROM records WHERE id = '%s'", b);

    g_assert_cmpint (zc_server_test_count (fixture->server, sql), ==, 1);
  }

  zc_server_test_expect (fixture->server, "POST", "/api/v1/archive/decisions", fixture->officer,
                         "{\"decisions\": []}", 400, "invalid_value");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/archive/decisions", fixture->officer,
                         "{\"decisions\": [{\"id\": \"x\", \"decision\": \"approve\", \"expected_state\": \"pending\"}]}",
                         400, "invalid_value");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/archive/decisions", fixture->officer,
                         "{\"decisions\": [7]}", 400, "wrong_type");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/archive/decisions", fixture->officer,
                         "{\"decisions\": {}}", 400, "wrong_type");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/archive/decisions", fixture->applicant,
                         "{\"decisions\": []}", 403, "forbidden");
}

typedef struct
{
  Fixture     *fixture;
  const char  *token;
  const char  *decision;
  GPtrArray   *ids;
  guint        won;
  guint        lost;
} Racer;

static gpointer
race (gpointer data)
{
  Racer *racer = data;

  for (guint i = 0; i < racer->ids->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s/decision", (char *) racer->ids->pdata[i]);
      g_autofree char *body = g_strdup_printf ("{\"decision\": \"%s\", \"expected_state\": \"pending\","
                                               " \"comment\": \"并发审核\"}", racer->decision);
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      answer = zc_test_server_call (racer->fixture->server, "POST", path, racer->token, "en", body, &status, NULL);
      if (status == 200)
        racer->won++;
      else
        {
          g_assert_cmpuint (status, ==, 409);
          g_assert_cmpstr (zc_test_member_string (answer, "code"), ==, "state_changed");
          racer->lost++;
        }
    }

  return NULL;
}

/* Two officers deciding the same entries at the same moment: each
 * entry is decided exactly once, the other officer is told. */
static void
test_two_officers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Racer approver = { fixture, fixture->officer, "approve", ids };
  Racer rejecter = { fixture, fixture->officer2, "reject", ids };
  GThread *threads[2];
  const guint n = 40;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, add_paper (fixture, i));

  threads[0] = g_thread_new ("approver", race, &approver);
  threads[1] = g_thread_new ("rejecter", race, &rejecter);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);

  g_assert_cmpuint (approver.won + rejecter.won, ==, n);
  g_assert_cmpuint (approver.lost + rejecter.lost, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *decisions = g_strdup_printf ("SELECT count(*) FROM record_history WHERE record_id = '%s'"
                                                    " AND action IN ('approve', 'reject')", (char *) ids->pdata[i]);
      g_autofree char *messages = g_strdup_printf ("SELECT count(*) FROM messages WHERE record_id = '%s'",
                                                   (char *) ids->pdata[i]);

      g_assert_cmpint (zc_server_test_count (fixture->server, decisions), ==, 1);
      g_assert_cmpint (zc_server_test_count (fixture->server, messages), ==, 1);
    }
  g_test_message ("approver won %u, rejecter won %u", approver.won, rejecter.won);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/review/queue", Fixture, NULL, fixture_setup, test_queue, fixture_teardown);
  g_test_add ("/server/review/decisions", Fixture, NULL, fixture_setup, test_decisions, fixture_teardown);
  g_test_add ("/server/review/batch", Fixture, NULL, fixture_setup, test_batch, fixture_teardown);
  g_test_add ("/server/review/two-officers", Fixture, NULL, fixture_setup, test_two_officers, fixture_teardown);

  return g_test_run ();
}
