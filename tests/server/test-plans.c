/* test-plans.c: review plans over HTTP on the real server — drafts,
 * publishing, versions, closing, who sees what, the list's filters
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-json.h"
#include "zc-plan.h"
#include "zc-declaration-test.h"
#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

#define DEMO_REVIEW_PLAN        "de600000-0000-4000-8000-000000000001"
#define DEMO_DETERMINATION_PLAN "de600000-0000-4000-8000-000000000002"
#define DEMO_DRAFT_PLAN         "de600000-0000-4000-8000-000000000003"
#define DEMO_PLANS              3
/* a valid credit code the demo does not use: a second committee */
#define OTHER_COMMITTEE_CODE    "91410100MA0000007G"

#define WINDOWS \
  "\"windows\": {\"individual_start\": \"2026-03-01T00:00:00+08:00\"," \
  " \"first_submission_deadline\": \"2026-04-30T23:59:59+08:00\"," \
  " \"modification_deadline\": \"2026-05-15T23:59:59+08:00\"," \
  " \"unit_deadline\": \"2026-05-31T23:59:59+08:00\"," \
  " \"department_deadline\": \"2026-06-15T23:59:59+08:00\"}"

typedef struct
{
  const char *name;
  int         year;
  const char *type;
  const char *region;
  const char *series;
  const char *category;
  const char *level;
  const char *title;
} PlanSpec;

static const PlanSpec engineering = {
  "2026年度工程技术系列中级职称评审", 2026, "review", "530000", "05", "工程技术", "中级", "工程师"
};

static char *
plan_json (const PlanSpec *spec,
           const char     *extra)
{
  return g_strdup_printf ("{\"year\": %d, \"name\": \"%s\", \"contact_phone\": \"0871-63211234\","
                          " \"type\": \"%s\", \"region_code\": \"%s\","
                          " \"titles\": [{\"series\": \"%s\", \"category\": \"%s\", \"level\": \"%s\", \"title\": \"%s\"}],"
                          " \"methods\": [\"regular\"], \"scope\": \"全省\", " WINDOWS
                          ", \"exam\": false, \"interview\": true%s}",
                          spec->year, spec->name, spec->type, spec->region, spec->series, spec->category,
                          spec->level, spec->title, extra != NULL ? extra : "");
}

typedef struct
{
  ZcTestServer *server;
  char         *admin;
  char         *committee;        /* the demo committee's officer */
  char         *committee_unit;
  char         *other;            /* the officer of a second committee */
  char         *applicant;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) unit = NULL;
  g_autofree char *body = NULL;
  g_autofree char *account = NULL;
  g_autofree char *id_number = zc_server_test_id_number (401, FALSE);

  fixture->server = zc_test_server_start (demo);
  fixture->admin = zc_server_test_admin_token (fixture->server);
  fixture->committee = zc_test_server_login (fixture->server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  fixture->applicant = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  fixture->committee_unit = zc_server_test_id_of_unit (fixture->server, fixture->admin, "12410000MB00000036");

  body = g_strdup_printf ("{\"name\": \"云南省工程技术中级评审委员会\", \"credit_code\": \"%s\","
                          " \"region_code\": \"530000\", \"kind\": \"committee\"}", OTHER_COMMITTEE_CODE);
  unit = zc_server_test_ok (fixture->server, "POST", "/api/v1/admin/units", fixture->admin, body, 201);
  account = zc_server_test_add_account (fixture->server, fixture->admin, id_number, "周敏", "committee_officer",
                                        zc_test_member_string (unit, "id"), &fixture->other);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zc_test_server_stop (fixture->server);
  g_free (fixture->admin);
  g_free (fixture->committee);
  g_free (fixture->committee_unit);
  g_free (fixture->other);
  g_free (fixture->applicant);
}

static gint64
count_plans (Fixture *fixture)
{
  return zc_server_test_count (fixture->server, "SELECT count(*) FROM plans");
}

/* Creates a draft as the demo committee; returns its id. */
static char *
create_plan (Fixture        *fixture,
             const char     *token,
             const PlanSpec *spec)
{
  g_autofree char *body = plan_json (spec, NULL);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", token, body, 201);

  return g_strdup (zc_test_member_string (answer, "id"));
}

static JsonNode *
plan_action (Fixture    *fixture,
             const char *token,
             const char *id,
             const char *action,
             const char *body,
             guint       status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/plans/%s/%s", id, action);

  return zc_server_test_ok (fixture->server, "POST", path, token, body, status);
}

static JsonArray *
list (Fixture     *fixture,
      const char  *token,
      const char  *query,
      JsonNode   **answer)
{
  g_autofree char *path = g_strconcat ("/api/v1/plans", query, NULL);

  *answer = zc_server_test_ok (fixture->server, "GET", path, token, NULL, 200);
  return json_object_get_array_member (zc_server_test_object (*answer), "plans");
}

static guint
count_listed (Fixture    *fixture,
              const char *token,
              const char *query)
{
  g_autoptr(JsonNode) answer = NULL;

  return json_array_get_length (list (fixture, token, query, &answer));
}

static gint64
member_int (JsonNode   *node,
            const char *name)
{
  return json_object_get_int_member (zc_server_test_object (node), name);
}

static GDateTime *
member_time (JsonObject *object,
             const char *name)
{
  GDateTime *time = g_date_time_new_from_iso8601 (json_object_get_string_member (object, name), NULL);

  g_assert_nonnull (time);
  return time;
}

/* The demo: two published plans for everyone, the draft for its committee only. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  const char *logins[] = { ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_DEPARTMENT_OFFICER,
                           ZC_TEST_DEMO_ISSUER, ZC_TEST_DEMO_ADMIN };
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) review = NULL;
  g_autoptr(GDateTime) published_at = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  JsonObject *windows;
  JsonArray *plans;

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autofree char *token = zc_test_server_login (fixture->server, logins[i], ZC_TEST_DEMO_PASSWORD);

      g_assert_cmpuint (count_listed (fixture, token, ""), ==, 2);
    }

  plans = list (fixture, fixture->committee, "", &answer);
  g_assert_cmpuint (json_array_get_length (plans), ==, DEMO_PLANS);
  g_assert_cmpint (member_int (answer, "total"), ==, DEMO_PLANS);

  /* the review plan is open for declarations now */
  review = zc_server_test_ok (fixture->server, "GET", "/api/v1/plans/" DEMO_REVIEW_PLAN, fixture->applicant, NULL, 200);
  g_assert_cmpstr (zc_test_member_string (review, "state"), ==, "published");
  g_assert_cmpstr (zc_test_member_string (review, "type"), ==, "review");
  g_assert_cmpstr (zc_test_member_string (review, "committee_name"), ==, "河南省卫生系列高级职称评审委员会");
  g_assert_cmpstr (zc_test_member_string (review, "committee_id"), ==, fixture->committee_unit);
  windows = json_object_get_object_member (zc_server_test_object (review), "windows");
  published_at = member_time (zc_server_test_object (review), "published_at");
  start = member_time (windows, "individual_start");
  deadline = member_time (windows, "first_submission_deadline");
  g_assert_cmpint (g_date_time_compare (start, published_at), <, 0);
  g_assert_cmpint (g_date_time_compare (published_at, deadline), <, 0);

  g_clear_pointer (&review, json_node_unref);
  review = zc_server_test_ok (fixture->server, "GET", "/api/v1/plans/" DEMO_DETERMINATION_PLAN, fixture->applicant,
                              NULL, 200);
  g_assert_cmpstr (zc_test_member_string (review, "type"), ==, "determination");

  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans/" DEMO_DRAFT_PLAN, fixture->applicant, NULL, 404,
                         "not_found");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans/" DEMO_DRAFT_PLAN, fixture->other, NULL, 404,
                         "not_found");
  zc_server_test_ok (fixture->server, "GET", "/api/v1/plans/" DEMO_DRAFT_PLAN, fixture->committee, NULL, 200);
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans", NULL, NULL, 401, "unauthenticated");
  zc_server_test_expect (fixture->server, "DELETE", "/api/v1/plans/" DEMO_REVIEW_PLAN, fixture->committee, NULL,
                         405, "method_not_allowed");
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *body = plan_json (&engineering, NULL);
  g_autoptr(JsonNode) answer = NULL;
  const char *logins[] = { ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_DEPARTMENT_OFFICER,
                           ZC_TEST_DEMO_ISSUER, ZC_TEST_DEMO_ADMIN };
  JsonObject *plan;

  answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", fixture->committee, body, 201);
  plan = zc_server_test_object (answer);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (plan, "id")));
  g_assert_cmpint (json_object_get_int_member (plan, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (plan, "state"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (plan, "committee_id"), ==, fixture->committee_unit);
  g_assert_cmpstr (json_object_get_string_member (plan, "name"), ==, engineering.name);
  g_assert_true (json_object_get_null_member (plan, "published_at"));

  g_assert_cmpint (count_plans (fixture), ==, DEMO_PLANS + 1);
  g_assert_cmpint (zc_server_test_count (fixture->server,
                                         "SELECT count(*) FROM plan_titles WHERE series = '05' AND title = '工程师'"),
                   ==, 1);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM audit WHERE action = 'plan.create'"),
                   ==, 1);

  /* no other role may make one */
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autofree char *token = zc_test_server_login (fixture->server, logins[i], ZC_TEST_DEMO_PASSWORD);

      zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", token, body, 403, "forbidden");
    }
  g_assert_cmpint (count_plans (fixture), ==, DEMO_PLANS + 1);
}

static const PlanSpec unknown_title = {
  "2026年度工程技术系列中级职称评审", 2026, "review", "530000", "05", "工程技术", "中级", "总工程师"
};
static const PlanSpec bad_year = {
  "2026年度工程技术系列中级职称评审", 1999, "review", "530000", "05", "工程技术", "中级", "工程师"
};
static const PlanSpec bad_type = {
  "2026年度工程技术系列中级职称评审", 2026, "appraisal", "530000", "05", "工程技术", "中级", "工程师"
};
static const PlanSpec bad_region = {
  "2026年度工程技术系列中级职称评审", 2026, "review", "5300", "05", "工程技术", "中级", "工程师"
};

static void
test_create_bad_input (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *name = g_strnfill (201, 'a');
  PlanSpec long_name = { name, 2026, "review", "530000", "05", "工程技术", "中级", "工程师" };
  g_autofree char *valid = plan_json (&engineering, NULL);
  struct {
    char       *body;
    const char *code;
    const char *field;
  } cases[] = {
    { g_strdup ("{\"year\": 2026"), "malformed_json", NULL },
    { g_strdup (""), "malformed_json", NULL },
    { g_strdup ("[]"), "malformed_json", NULL },
    { g_strdup ("{\"year\": 2026, \"year\": 2027}"), "malformed_json", NULL },
    { plan_json (&engineering, ", \"colour\": \"red\""), "unknown_member", "colour" },
    { plan_json (&engineering, ", \"state\": \"published\""), "unknown_member", "state" },
    { plan_json (&engineering, ", \"committee_id\": \"00000000-0000-4000-8000-000000000000\""), "unknown_member",
      "committee_id" },
    { plan_json (&engineering, ", \"id\": \"00000000-0000-4000-8000-000000000000\""), "invalid_value", "id" },
    /* a member given twice */
    { plan_json (&engineering, ", \"exam\": \"no\""), "malformed_json", NULL },
    { plan_json (&engineering, ", \"notices\": {}"), "wrong_type", "notices" },
    { plan_json (&engineering, ", \"attachments\": [{\"id\": \"A B\", \"name\": \"x\", \"types\": [\"application/pdf\"],"
                               " \"max_bytes\": 2048, \"max_count\": 1, \"required\": true}]"),
      "invalid_value", "attachments[0].id" },
    { plan_json (&engineering, ", \"condition_groups\": [{\"id\": \"g\", \"name\": \"组\", \"categories\": [\"nope\"],"
                               " \"min\": 0, \"max\": null}]"),
      "invalid_record", "condition_groups[0].categories[0]" },
    { plan_json (&engineering, ", \"condition_groups\": [{\"id\": \"g\", \"name\": \"组\", \"categories\": [\"papers\"],"
                               " \"min\": 5, \"max\": 2}]"),
      "invalid_record", "condition_groups[0].max" },
    { plan_json (&unknown_title, NULL), "invalid_record", "titles[0]" },
    { plan_json (&bad_year, NULL), "out_of_range", "year" },
    { plan_json (&bad_type, NULL), "invalid_value", "type" },
    { plan_json (&bad_region, NULL), "invalid_value", "region_code" },
    { plan_json (&long_name, NULL), "out_of_range", "name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      answer = zc_test_server_call (fixture->server, "POST", "/api/v1/plans", fixture->committee, "en",
                                    cases[i].body, &status, NULL);
      if (status != 400 || g_strcmp0 (zc_test_member_string (answer, "code"), cases[i].code) != 0)
        g_error ("case %u: expected 400 %s, got %u %s (%s)", i, cases[i].code, status,
                 zc_test_member_string (answer, "code"), zc_test_member_string (answer, "message"));
      if (cases[i].field != NULL)
        g_assert_cmpstr (zc_test_member_string (answer, "field"), ==, cases[i].field);
      zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", fixture->committee, cases[i].body, 400,
                             cases[i].code);
      g_free (cases[i].body);
    }

  g_assert_cmpint (count_plans (fixture), ==, DEMO_PLANS);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM plan_titles"), ==, 5);
  /* and the valid one goes in */
  zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", fixture->committee, valid, 201);
  g_assert_cmpint (count_plans (fixture), ==, DEMO_PLANS + 1);
}

/* A window that ends before it starts: every problem listed. */
static void
test_window_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *body = plan_json (&engineering, NULL);
  g_autofree char *swapped = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;
  char *at;

  /* the first-submission deadline before the individual start */
  at = strstr (body, "2026-04-30T23:59:59");
  g_assert_nonnull (at);
  memcpy (at, "2026-02-01", 10);
  swapped = g_strdup (body);

  answer = zc_test_server_call (fixture->server, "POST", "/api/v1/plans", fixture->committee, "en", swapped, &status,
                                NULL);
  g_assert_cmpuint (status, ==, 400);
  zc_test_assert_error (answer, "invalid_record");
  g_assert_cmpstr (zc_test_member_string (answer, "field"), ==, "windows.first_submission_deadline");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (answer), "errors")),
                    >=, 1);
  zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", fixture->committee, swapped, 400,
                         "invalid_record");
  g_assert_cmpint (count_plans (fixture), ==, DEMO_PLANS);
}

/* Drafts are their committee's; another committee's plan is not found. */
static void
test_visibility (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *id = create_plan (fixture, fixture->committee, &engineering);
  g_autofree char *path = g_strdup_printf ("/api/v1/plans/%s", id);
  const char *actions[] = { "publish", "close", "revise" };

  zc_server_test_expect (fixture->server, "GET", path, fixture->applicant, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->other, NULL, 404, "not_found");
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, ""), ==, 2);
  g_assert_cmpuint (count_listed (fixture, fixture->other, ""), ==, 2);
  g_assert_cmpuint (count_listed (fixture, fixture->committee, ""), ==, DEMO_PLANS + 1);

  /* the other committee can change nothing of it */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *action = g_strdup_printf ("%s/%s", path, actions[i]);

      zc_server_test_expect (fixture->server, "POST", action, fixture->other, NULL, 404, "not_found");
      zc_server_test_expect (fixture->server, "POST", action, fixture->applicant, NULL, 403, "forbidden");
    }
  {
    g_autofree char *with_version = plan_json (&engineering, ", \"version\": 1");

    zc_server_test_expect (fixture->server, "PUT", path, fixture->other, with_version, 404, "not_found");
    zc_server_test_expect (fixture->server, "PUT", path, fixture->applicant, with_version, 403, "forbidden");
  }
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans/00000000-0000-4000-8000-000000000000",
                         fixture->committee, NULL, 404, "not_found");

  /* published, everyone sees it; the other committee still may not touch it */
  json_node_unref (plan_action (fixture, fixture->committee, id, "publish", NULL, 200));
  zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  zc_server_test_ok (fixture->server, "GET", path, fixture->other, NULL, 200);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, ""), ==, 3);
  zc_server_test_expect (fixture->server, "POST", "/api/v1/plans/" DEMO_REVIEW_PLAN "/close", fixture->other, NULL,
                         404, "not_found");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM plans WHERE state = 'closed'"), ==, 0);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = create_plan (fixture, fixture->committee, &engineering);
  g_autofree char *path = g_strdup_printf ("/api/v1/plans/%s", id);
  g_autofree char *id_member = g_strdup_printf (", \"version\": 1, \"id\": \"%s\"", id);
  PlanSpec renamed = engineering;
  g_autofree char *good = NULL;
  g_autofree char *no_version = plan_json (&engineering, NULL);
  g_autofree char *wrong_version = plan_json (&engineering, ", \"version\": 2");
  g_autofree char *wrong_id = plan_json (&engineering, ", \"version\": 1, \"id\": \"" DEMO_REVIEW_PLAN "\"");
  g_autofree char *unknown = plan_json (&engineering, ", \"version\": 1, \"owner\": \"me\"");
  g_autoptr(JsonNode) answer = NULL;

  renamed.name = "2026年度工程技术系列中级职称评审（修订）";
  good = plan_json (&renamed, id_member);

  answer = zc_server_test_ok (fixture->server, "PUT", path, fixture->committee, good, 200);
  g_assert_cmpstr (zc_test_member_string (answer, "name"), ==, renamed.name);
  g_assert_cmpint (member_int (answer, "version"), ==, 1);
  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, "draft");

  zc_server_test_expect (fixture->server, "PUT", path, fixture->committee, no_version, 400, "missing_value");
  zc_server_test_expect (fixture->server, "PUT", path, fixture->committee, wrong_version, 409, "state_changed");
  zc_server_test_expect (fixture->server, "PUT", path, fixture->committee, wrong_id, 400, "invalid_value");
  zc_server_test_expect (fixture->server, "PUT", path, fixture->committee, unknown, 400, "unknown_member");
  zc_server_test_expect (fixture->server, "PUT", path, fixture->committee, "{", 400, "malformed_json");
  g_assert_cmpint (zc_server_test_count (fixture->server,
                                         "SELECT count(*) FROM plans WHERE name = '2026年度工程技术系列中级职称评审（修订）'"),
                   ==, 1);

  /* a published plan is not edited in place */
  json_node_unref (plan_action (fixture, fixture->committee, id, "publish", "{\"version\": 1}", 200));
  zc_server_test_expect (fixture->server, "PUT", path, fixture->committee, good, 409, "not_draft");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM audit WHERE action = 'plan.update'"),
                   ==, 1);
}

static void
expect_action (Fixture    *fixture,
               const char *id,
               const char *action,
               const char *body,
               guint       status,
               const char *code)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/plans/%s/%s", id, action);

  zc_server_test_expect (fixture->server, "POST", path, fixture->committee, body, status, code);
}

static void
expect_get (Fixture    *fixture,
            const char *token,
            const char *id,
            const char *query,
            guint       status,
            const char *code)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/plans/%s%s", id, query);

  zc_server_test_expect (fixture->server, "GET", path, token, NULL, status, code);
}

static void
assert_time_member (JsonNode   *node,
                    const char *name)
{
  g_autoptr(GDateTime) time = member_time (zc_server_test_object (node), name);

  g_assert_nonnull (time);
}

static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = create_plan (fixture, fixture->committee, &engineering);
  g_autofree char *path = g_strdup_printf ("/api/v1/plans/%s", id);
  g_autofree char *v1 = g_strdup_printf ("%s?version=1", path);
  PlanSpec renamed = engineering;
  g_autofree char *edit = NULL;
  g_autofree char *stale_edit = NULL;
  g_autoptr(JsonNode) answer = NULL;

  /* a draft cannot be closed or revised; a wrong version is refused */
  expect_action (fixture, id, "close", NULL, 409, "not_published");
  expect_action (fixture, id, "revise", NULL, 409, "not_published");
  expect_action (fixture, id, "publish", "{\"version\": 2}", 409, "state_changed");
  expect_action (fixture, id, "publish", "{\"version\": \"1\"}", 400, "wrong_type");
  expect_action (fixture, id, "publish", "{\"version\": 0}", 400, "out_of_range");
  expect_action (fixture, id, "publish", "{\"versions\": 1}", 400, "unknown_member");
  expect_action (fixture, id, "publish", "{\"version\": 1", 400, "malformed_json");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM plans WHERE state = 'published'"),
                   ==, 2);

  answer = plan_action (fixture, fixture->committee, id, "publish", "{\"version\": 1}", 200);
  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, "published");
  assert_time_member (answer, "published_at");
  expect_action (fixture, id, "publish", NULL, 409, "not_draft");

  /* revise: the next version as a draft, seen by its committee only */
  g_clear_pointer (&answer, json_node_unref);
  answer = plan_action (fixture, fixture->committee, id, "revise", "{\"version\": 1}", 201);
  g_assert_cmpint (member_int (answer, "version"), ==, 2);
  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, "draft");
  g_assert_true (json_object_get_null_member (zc_server_test_object (answer), "published_at"));
  expect_action (fixture, id, "revise", NULL, 409, "not_published");

  g_clear_pointer (&answer, json_node_unref);
  answer = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  g_assert_cmpint (member_int (answer, "version"), ==, 1);
  g_clear_pointer (&answer, json_node_unref);
  answer = zc_server_test_ok (fixture->server, "GET", path, fixture->committee, NULL, 200);
  g_assert_cmpint (member_int (answer, "version"), ==, 2);
  expect_get (fixture, fixture->applicant, id, "?version=2", 404, "not_found");
  expect_get (fixture, fixture->committee, id, "?version=3", 404, "not_found");
  expect_get (fixture, fixture->committee, id, "?version=0", 400, "invalid_value");
  expect_get (fixture, fixture->committee, id, "?version=x", 400, "invalid_value");

  /* edit and publish version 2: it replaces version 1, which stays */
  renamed.name = "2026年度工程技术系列中级职称评审（第二版）";
  edit = plan_json (&renamed, ", \"version\": 2");
  stale_edit = plan_json (&renamed, ", \"version\": 1");
  zc_server_test_expect (fixture->server, "PUT", path, fixture->committee, stale_edit, 409, "state_changed");
  json_node_unref (zc_server_test_ok (fixture->server, "PUT", path, fixture->committee, edit, 200));
  json_node_unref (plan_action (fixture, fixture->committee, id, "publish", "{\"version\": 2}", 200));

  g_clear_pointer (&answer, json_node_unref);
  answer = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  g_assert_cmpint (member_int (answer, "version"), ==, 2);
  g_assert_cmpstr (zc_test_member_string (answer, "name"), ==, renamed.name);
  g_clear_pointer (&answer, json_node_unref);
  answer = zc_server_test_ok (fixture->server, "GET", v1, fixture->applicant, NULL, 200);
  g_assert_cmpstr (zc_test_member_string (answer, "name"), ==, engineering.name);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM plans WHERE id NOT LIKE 'de6%'"), ==, 2);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, ""), ==, 3);

  /* close: every published version closed; nothing more can change */
  g_clear_pointer (&answer, json_node_unref);
  answer = plan_action (fixture, fixture->committee, id, "close", "{\"version\": 2}", 200);
  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, "closed");
  assert_time_member (answer, "closed_at");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM plans WHERE state = 'closed'"), ==, 2);
  expect_action (fixture, id, "close", NULL, 409, "plan_closed");
  expect_action (fixture, id, "revise", NULL, 409, "plan_closed");
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?state=closed"), ==, 1);
  /* create, publish, revise, update, publish, close */
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM audit WHERE action LIKE 'plan.%'"),
                   ==, 6);
}

/* Publishing asks for what a draft may lack. */
static void
test_publish_incomplete (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *body = plan_json (&engineering, NULL);
  g_autofree char *no_methods = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) answer = NULL;
  char *methods;

  methods = strstr (body, "\"methods\": [\"regular\"]");
  g_assert_nonnull (methods);
  no_methods = g_strdup_printf ("%.*s\"methods\": []%s", (int) (methods - body), body,
                                methods + strlen ("\"methods\": [\"regular\"]"));
  created = zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", fixture->committee, no_methods, 201);

  answer = plan_action (fixture, fixture->committee, zc_test_member_string (created, "id"), "publish", NULL, 400);
  zc_test_assert_error (answer, "invalid_record");
  g_assert_cmpstr (zc_test_member_string (answer, "field"), ==, "methods");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM plans WHERE state = 'draft'"), ==, 2);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  PlanSpec next_year = engineering;
  PlanSpec determination = engineering;
  PlanSpec teachers = { "2026年度中小学教师高级职称评审", 2026, "review", "410000", "22", "中学", "副高级", "高级教师" };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autofree char *by_committee = NULL;
  g_autofree char *long_title = g_strnfill (51, 'x');
  g_autofree char *long_query = g_strdup_printf ("/api/v1/plans?title=%s", long_title);
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *plans;

  next_year.year = 2027;
  next_year.name = "2027年度工程技术系列中级职称评审";
  determination.type = "determination";
  determination.name = "2026年度工程技术系列初级职称认定";
  determination.level = "助理级";
  determination.title = "助理工程师";
  determination.region = "530100";

  a = create_plan (fixture, fixture->other, &engineering);
  b = create_plan (fixture, fixture->other, &next_year);
  c = create_plan (fixture, fixture->other, &determination);
  d = create_plan (fixture, fixture->committee, &teachers);
  json_node_unref (plan_action (fixture, fixture->other, a, "publish", NULL, 200));
  json_node_unref (plan_action (fixture, fixture->other, b, "publish", NULL, 200));
  json_node_unref (plan_action (fixture, fixture->other, c, "publish", NULL, 200));
  json_node_unref (plan_action (fixture, fixture->committee, d, "publish", NULL, 200));
  json_node_unref (plan_action (fixture, fixture->other, a, "close", NULL, 200));

  /* 2 demo + 4 */
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, ""), ==, 6);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?series=05"), ==, 3);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?series=05&level=%E4%B8%AD%E7%BA%A7"), ==, 2);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?title=%E5%8A%A9%E7%90%86%E5%B7%A5%E7%A8%8B%E5%B8%88"),
                    ==, 1);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?category=%E4%B8%AD%E5%AD%A6"), ==, 1);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?series=04"), ==, 2);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?series=99"), ==, 0);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?year=2027"), ==, 1);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?type=determination"), ==, 2);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?state=closed"), ==, 1);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?state=published"), ==, 5);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?state=draft"), ==, 0);
  g_assert_cmpuint (count_listed (fixture, fixture->committee, "?state=draft"), ==, 1);
  /* a city's filter finds its province's plans and its own */
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?region=530100"), ==, 3);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?region=530200"), ==, 2);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?region=410000"), ==, 3);
  by_committee = g_strdup_printf ("?committee_id=%s", fixture->committee_unit);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, by_committee), ==, 3);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?series=05&type=review&year=2026"), ==, 1);

  /* paging */
  plans = list (fixture, fixture->applicant, "?limit=4&offset=4", &answer);
  g_assert_cmpuint (json_array_get_length (plans), ==, 2);
  g_assert_cmpint (member_int (answer, "total"), ==, 6);
  g_clear_pointer (&answer, json_node_unref);
  plans = list (fixture, fixture->applicant, "?year=2027", &answer);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (plans, 0), "id"), ==, b);
  /* newest year first */
  g_clear_pointer (&answer, json_node_unref);
  plans = list (fixture, fixture->applicant, "", &answer);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (plans, 0), "year"), ==, 2027);

  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?state=open", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?type=exam", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?year=1999", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?year=20x6", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?committee_id=abc", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?region=53", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?region=53010a", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?limit=0", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?limit=201", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", long_query, fixture->applicant, NULL, 400, "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/plans?title=%FF", fixture->applicant, NULL, 400,
                         "invalid_value");
}

/* The shared fixture (tests/fixtures/plans), sent as a committee would:
 * every member survives the round trip. */
static void
test_fixture_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", "engineering-2026.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPlan) stored = NULL;
  g_autoptr(ZcPlan) sent = NULL;
  g_autoptr(ZcPlan) received = NULL;
  g_autoptr(JsonNode) input = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) published = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) actual = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GBytes) notice_pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autofree char *notice_sha256 = NULL;
  JsonObject *notice;
  JsonObject *file;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  /* as stored it carries the server's members: refused as input */
  zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", fixture->committee, contents, 400,
                         "unknown_member");

  stored = zc_plan_new_from_data (contents, length, FALSE, &error);
  g_assert_no_error (error);
  input = zc_plan_to_input_json (stored);
  json_object_remove_member (json_node_get_object (input), "id");
  json_object_remove_member (json_node_get_object (input), "version");
  /* a plan names only files on the server: the notice's file is uploaded first */
  zc_decl_test_put_blob (fixture->server, fixture->committee, notice_pdf, &notice_sha256);
  notice = json_array_get_object_element (json_object_get_array_member (json_node_get_object (input), "notices"), 0);
  file = json_array_get_object_element (json_object_get_array_member (notice, "files"), 0);
  json_object_set_string_member (file, "sha256", notice_sha256);
  body = zc_json_to_string (input);
  created = zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", fixture->committee, body, 201);
  published = plan_action (fixture, fixture->committee, zc_test_member_string (created, "id"), "publish", NULL, 200);

  /* what the server gives back reads, and equals what was sent */
  received = zc_plan_new_from_json (published, FALSE, &error);
  g_assert_no_error (error);
  sent = zc_plan_new_from_json (input, TRUE, &error);
  g_assert_no_error (error);
  zc_plan_set_id (sent, zc_plan_get_id (received));
  zc_plan_set_version (sent, 1);
  expected = zc_plan_to_input_json (sent);
  actual = zc_plan_to_input_json (received);
  g_assert_true (json_node_equal (expected, actual));
  g_assert_cmpstr (zc_plan_get_committee_id (received), ==, fixture->committee_unit);
  g_assert_cmpuint (json_array_get_length (zc_plan_get_titles (received)), ==, 2);
  g_assert_cmpuint (count_listed (fixture, fixture->applicant, "?series=05&level=%E5%89%AF%E9%AB%98%E7%BA%A7"), ==,
                    1);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  ADD ("/server/plans/demo", test_demo);
  ADD ("/server/plans/create", test_create);
  ADD ("/server/plans/create-bad-input", test_create_bad_input);
  ADD ("/server/plans/window-order", test_window_order);
  ADD ("/server/plans/visibility", test_visibility);
  ADD ("/server/plans/update", test_update);
  ADD ("/server/plans/versions", test_versions);
  ADD ("/server/plans/publish-incomplete", test_publish_incomplete);
  ADD ("/server/plans/filters", test_filters);
  ADD ("/server/plans/fixture-round-trip", test_fixture_round_trip);

  return g_test_run ();
}
