/* test-bindings.c: an applicant binds to a unit; its officer decides
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

typedef struct
{
  ZcTestServer *server;
  char         *applicant;      /* tokens */
  char         *applicant2;
  char         *officer;        /* of the hospital */
  char         *hr_officer;     /* of the district HR bureau */
  char         *hospital;       /* unit ids */
  char         *company;
  char         *district_hr;
  char         *department;
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
  fixture->hospital = zc_server_test_id_of_unit (fixture->server, fixture->applicant, ZC_TEST_DEMO_HOSPITAL_CODE);
  fixture->company = zc_server_test_id_of_unit (fixture->server, fixture->applicant, ZC_TEST_DEMO_COMPANY_CODE);
  fixture->district_hr = zc_server_test_id_of_unit (fixture->server, fixture->applicant,
                                                    ZC_TEST_DEMO_DISTRICT_HR_CODE);
  fixture->department = zc_server_test_id_of_unit (fixture->server, fixture->applicant, "11410000MB00000026");
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
  g_free (fixture->hospital);
  g_free (fixture->company);
  g_free (fixture->district_hr);
  g_free (fixture->department);
}

/* Asks to bind; returns the request's id, or NULL when refused as expected. */
static char *
request (Fixture    *fixture,
         const char *token,
         const char *body,
         guint       expected_status,
         const char *expected_code)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  zc_server_test_expect (fixture->server, "POST", "/api/v1/bindings", token, body, expected_status, expected_code);
  if (expected_status != 201)
    return NULL;

  /* zc_server_test_expect() made one; the newest is the one that counts */
  answer = zc_test_server_call (fixture->server, "GET", "/api/v1/bindings", token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (zc_server_test_object (answer), "bindings"), 0),
    "id"));
}

static JsonObject *
me (Fixture     *fixture,
    const char  *token,
    JsonNode   **holder)
{
  guint status = 0;

  *holder = zc_test_server_call (fixture->server, "GET", "/api/v1/me", token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  return zc_server_test_object (*holder);
}

static JsonNode *
decide (Fixture    *fixture,
        const char *token,
        const char *binding_id,
        const char *body,
        guint       expected_status,
        const char *expected_code)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/bindings/%s/decision", binding_id);
  JsonNode *answer;
  guint status = 0;

  if (expected_status != 200)
    {
      zc_server_test_expect (fixture->server, "POST", path, token, body, expected_status, expected_code);
      return NULL;
    }

  answer = zc_test_server_call (fixture->server, "POST", path, token, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  return answer;
}

static void
test_approve (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("{\"unit_id\": \"%s\", \"comment\": \"内科 ' OR 1=1; --\"}",
                                           fixture->hospital);
  g_autofree char *id = request (fixture, fixture->applicant2, body, 201, NULL);
  g_autofree char *list_path = g_strdup_printf ("/api/v1/units/%s/bindings?state=pending", fixture->hospital);
  g_autoptr(JsonNode) me_node = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) decided = NULL;
  JsonObject *pending;
  JsonObject *applicant;
  JsonObject *account;
  guint status = 0;

  /* the applicant sees it pending; the unit does not change yet */
  account = me (fixture, fixture->applicant2, &me_node);
  g_assert_true (json_object_get_null_member (account, "unit"));
  pending = json_object_get_object_member (account, "pending_binding");
  g_assert_cmpstr (json_object_get_string_member (pending, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (pending, "state"), ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (pending, "comment"), ==, "内科 ' OR 1=1; --");

  /* the officer sees it, with the ID number and mobile half hidden */
  list = zc_test_server_call (fixture->server, "GET", list_path, fixture->officer, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  pending = json_array_get_object_element (json_object_get_array_member (zc_server_test_object (list), "bindings"), 0);
  g_assert_cmpstr (json_object_get_string_member (pending, "id"), ==, id);
  applicant = json_object_get_object_member (pending, "applicant");
  g_assert_cmpstr (json_object_get_string_member (applicant, "name"), ==, "李娜");
  g_assert_cmpstr (json_object_get_string_member (applicant, "id_number"), ==, "410105********002X");
  g_assert_cmpstr (json_object_get_string_member (applicant, "mobile"), ==, "138****0002");
  g_assert_cmpstr (json_object_get_string_member (applicant, "gender"), ==, "female");

  decided = decide (fixture, fixture->officer, id, "{\"decision\": \"approve\", \"comment\": \"欢迎\"}", 200, NULL);
  g_assert_cmpstr (zc_test_member_string (decided, "state"), ==, "approved");
  g_assert_cmpstr (zc_test_member_string (decided, "decision_comment"), ==, "欢迎");

  g_clear_pointer (&me_node, json_node_unref);
  account = me (fixture, fixture->applicant2, &me_node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (account, "unit"), "id"), ==,
                   fixture->hospital);
  g_assert_true (json_object_get_null_member (account, "pending_binding"));

  /* decided once */
  decide (fixture, fixture->officer, id, "{\"decision\": \"deny\", \"comment\": \"不\"}", 409, "already_decided");
  decide (fixture, fixture->officer, id, "{\"decision\": \"approve\"}", 409, "already_decided");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM audit WHERE action = 'binding.approve'"),
                   ==, 1);

  /* now bound there: asking again is refused */
  g_free (request (fixture, fixture->applicant2, body, 409, "already_bound"));
}

static void
test_deny (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("{\"unit_id\": \"%s\"}", fixture->hospital);
  g_autofree char *id = request (fixture, fixture->applicant2, body, 201, NULL);
  g_autoptr(JsonNode) me_node = NULL;
  g_autoptr(JsonNode) denied = NULL;
  g_autoptr(JsonNode) own = NULL;
  JsonObject *first;
  guint status = 0;

  /* a denial says why */
  decide (fixture, fixture->officer, id, "{\"decision\": \"deny\"}", 400, "invalid_value");
  decide (fixture, fixture->officer, id, "{\"decision\": \"deny\", \"comment\": \"  \"}", 400, "invalid_value");
  decide (fixture, fixture->officer, id, "{\"decision\": \"maybe\"}", 400, "invalid_value");
  decide (fixture, fixture->officer, id, "{\"decision\": true}", 400, "wrong_type");
  decide (fixture, fixture->officer, id, "{\"decision\": \"approve\", \"unit_id\": \"x\"}", 400, "unknown_member");
  decide (fixture, fixture->officer, id, "{}", 400, "missing_value");
  decide (fixture, fixture->officer, id, "{", 400, "malformed_json");

  denied = decide (fixture, fixture->officer, id, "{\"decision\": \"deny\", \"comment\": \"查无此人\"}", 200, NULL);
  g_assert_cmpstr (zc_test_member_string (denied, "state"), ==, "denied");

  g_assert_true (json_object_get_null_member (me (fixture, fixture->applicant2, &me_node), "unit"));
  own = zc_test_server_call (fixture->server, "GET", "/api/v1/bindings", fixture->applicant2, "en", NULL, &status, NULL);
  first = json_array_get_object_element (json_object_get_array_member (zc_server_test_object (own), "bindings"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "denied");
  g_assert_cmpstr (json_object_get_string_member (first, "decision_comment"), ==, "查无此人");
  /* the applicant sees their own numbers in full */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "applicant"), "id_number"),
                   ==, ZC_TEST_DEMO_APPLICANT2);
}

/* A new request withdraws the pending one. */
static void
test_new_request_withdraws (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *to_hospital = g_strdup_printf ("{\"unit_id\": \"%s\"}", fixture->hospital);
  g_autofree char *to_hr = g_strdup_printf ("{\"unit_id\": \"%s\", \"freelancer\": true}", fixture->district_hr);
  g_autofree char *first = request (fixture, fixture->applicant2, to_hospital, 201, NULL);
  g_autofree char *second = request (fixture, fixture->applicant2, to_hr, 201, NULL);
  g_autofree char *list_path = g_strdup_printf ("/api/v1/units/%s/bindings?state=pending", fixture->hospital);
  g_autoptr(JsonNode) list = NULL;
  guint status = 0;

  g_assert_cmpstr (first, !=, second);
  list = zc_test_server_call (fixture->server, "GET", list_path, fixture->officer, "en", NULL, &status, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (list), "bindings")),
                    ==, 0);
  decide (fixture, fixture->officer, first, "{\"decision\": \"approve\"}", 409, "already_decided");
  g_assert_cmpint (zc_server_test_count (fixture->server,
                                         "SELECT count(*) FROM bindings WHERE state = 'pending'"), ==, 1);
}

/* A bound applicant who becomes a freelancer binds to the district HR
 * bureau: the unit changes only when that bureau approves. */
static void
test_change_of_unit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("{\"unit_id\": \"%s\", \"freelancer\": true, \"comment\": \"辞职\"}",
                                           fixture->district_hr);
  g_autofree char *id = request (fixture, fixture->applicant, body, 201, NULL);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) approved = NULL;
  JsonObject *account;

  account = me (fixture, fixture->applicant, &before);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (account, "unit"), "id"), ==,
                   fixture->hospital);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (account, "pending_binding"),
                                                 "freelancer"));

  /* the old unit's officer cannot decide it */
  decide (fixture, fixture->officer, id, "{\"decision\": \"approve\"}", 404, "not_found");

  approved = decide (fixture, fixture->hr_officer, id, "{\"decision\": \"approve\"}", 200, NULL);
  account = me (fixture, fixture->applicant, &after);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (account, "unit"), "id"), ==,
                   fixture->district_hr);
}

static void
test_request_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *freelancer_to_employer = g_strdup_printf ("{\"unit_id\": \"%s\", \"freelancer\": true}",
                                                             fixture->company);
  g_autofree char *to_department = g_strdup_printf ("{\"unit_id\": \"%s\"}", fixture->department);
  g_autofree char *to_own_unit = g_strdup_printf ("{\"unit_id\": \"%s\"}", fixture->hospital);
  g_autofree char *long_comment = NULL;
  GString *comment = g_string_new (NULL);

  for (guint i = 0; i < 201; i++)
    g_string_append (comment, "字");
  long_comment = g_strdup_printf ("{\"unit_id\": \"%s\", \"comment\": \"%s\"}", fixture->company, comment->str);
  g_string_free (comment, TRUE);

  request (fixture, fixture->applicant2, freelancer_to_employer, 400, "invalid_value");
  request (fixture, fixture->applicant2, to_department, 400, "invalid_value");
  request (fixture, fixture->applicant, to_own_unit, 409, "already_bound");
  request (fixture, fixture->applicant2, "{\"unit_id\": \"00000000-0000-4000-8000-000000000000\"}", 400, "invalid_value");
  request (fixture, fixture->applicant2, "{\"unit_id\": \"not a unit\"}", 400, "invalid_value");
  request (fixture, fixture->applicant2, long_comment, 400, "invalid_value");
  request (fixture, fixture->applicant2, "{\"unit_id\": 7}", 400, "wrong_type");
  request (fixture, fixture->applicant2, "{\"freelancer\": true}", 400, "missing_value");
  request (fixture, fixture->applicant2, "{\"unit_id\": \"x\", \"freelancer\": \"yes\"}", 400, "wrong_type");
  request (fixture, fixture->applicant2, "{\"unit_id\": \"x\", \"state\": \"approved\"}", 400, "unknown_member");
  request (fixture, fixture->applicant2, "null", 400, "malformed_json");

  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM bindings WHERE state = 'pending'"),
                   ==, 0);
}

static void
test_list_for_unit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *body = g_strdup_printf ("{\"unit_id\": \"%s\"}", fixture->hospital);
  g_autofree char *id = request (fixture, fixture->applicant2, body, 201, NULL);
  g_autofree char *all = g_strdup_printf ("/api/v1/units/%s/bindings", fixture->hospital);
  g_autofree char *bad_state = g_strdup_printf ("/api/v1/units/%s/bindings?state=open", fixture->hospital);
  g_autofree char *approved = g_strdup_printf ("/api/v1/units/%s/bindings?state=approved", fixture->hospital);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) approved_list = NULL;
  JsonArray *items;
  guint status = 0;

  list = zc_test_server_call (fixture->server, "GET", all, fixture->officer, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (zc_server_test_object (list), "bindings");
  /* the demo applicants' approved bindings (张伟, 周涛), then the new request */
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 2), "id"), ==, id);

  approved_list = zc_test_server_call (fixture->server, "GET", approved, fixture->officer, "en", NULL, &status, NULL);
  items = json_object_get_array_member (zc_server_test_object (approved_list), "bindings");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  /* once approved, the unit sees its member's numbers in full */
  {
    gboolean seen = FALSE;

    for (guint i = 0; i < json_array_get_length (items); i++)
      seen = seen || g_strcmp0 (json_object_get_string_member (
                                  json_object_get_object_member (json_array_get_object_element (items, i),
                                                                 "applicant"),
                                  "id_number"), ZC_TEST_DEMO_APPLICANT) == 0;
    g_assert_true (seen);
  }

  zc_server_test_expect (fixture->server, "GET", bad_state, fixture->officer, NULL, 400, "invalid_value");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/bindings/approve", Fixture, NULL, fixture_setup, test_approve, fixture_teardown);
  g_test_add ("/server/bindings/deny", Fixture, NULL, fixture_setup, test_deny, fixture_teardown);
  g_test_add ("/server/bindings/new-request-withdraws", Fixture, NULL, fixture_setup, test_new_request_withdraws,
              fixture_teardown);
  g_test_add ("/server/bindings/change-of-unit", Fixture, NULL, fixture_setup, test_change_of_unit,
              fixture_teardown);
  g_test_add ("/server/bindings/request-refused", Fixture, NULL, fixture_setup, test_request_refused,
              fixture_teardown);
  g_test_add ("/server/bindings/list-for-unit", Fixture, NULL, fixture_setup, test_list_for_unit,
              fixture_teardown);

  return g_test_run ();
}
