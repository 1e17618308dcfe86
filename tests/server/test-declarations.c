/* test-declarations.c: declarations over HTTP and sync — create, edit,
 * discard, withdraw, refused bodies, scope and the role matrix
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-holiday-calendar.h"
#include "zc-plan.h"
#include "zc-declaration-test.h"
#include "zc-server-test.h"
#include "zc-sqlite-store.h"
#include "zc-store-plans.h"

/* the helpers all declaration tests share: zc-declaration-test.h */
typedef ZcDeclFixture Fixture;

static void
test_create_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *edited = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, ", \"special_person\": true");
  g_autofree char *put = g_strdup_printf ("{\"base_version\": 1, \"body\": %s}", edited);
  g_autofree char *other_body = zc_decl_test_declaration_body (fixture, "7a000000-0000-4000-8000-0000000000d9", NULL, NULL);
  g_autofree char *other_plan = g_strdup_printf ("{\"base_version\": 2, \"body\": %s}", other_body);
  g_autoptr(JsonNode) detail = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *object, *record, *plan;
  JsonArray *timeline;

  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  object = zc_server_test_object (detail);
  record = json_object_get_object_member (object, "record");
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "declaration");
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
  plan = json_object_get_object_member (object, "plan");
  g_assert_cmpstr (json_object_get_string_member (plan, "id"), ==, PLAN_ID);
  g_assert_cmpint (json_object_get_int_member (plan, "year"), ==, 2026);
  g_assert_false (json_object_get_boolean_member (object, "frozen"));
  timeline = json_object_get_array_member (object, "timeline");
  g_assert_cmpuint (json_array_get_length (timeline), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (timeline, 0), "action"), ==,
                   "create");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (timeline, 0), "actor"), "name"), ==, "张伟");

  /* an edit merges like every record; the plan is fixed */
  changed = zc_server_test_ok (fixture->server, "PUT", path, fixture->applicant, put, 200);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (zc_server_test_object (changed),
                                                                               "record"), "version"), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (
                   json_object_get_object_member (zc_server_test_object (changed), "record"), "body"),
                   "special_person"));
  zc_server_test_expect (fixture->server, "PUT", path, fixture->applicant, other_plan, 400, "invalid_value");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT max(version) FROM records WHERE kind = 'declaration'"
                                                          " AND id NOT LIKE 'de700000-%'"),
                   ==, 2);

  /* the applicant's list */
  list = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations", fixture->applicant, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (list), "total"), ==, 1);
  g_assert_cmpuint (zc_decl_test_count_declarations (fixture), ==, 1);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM audit WHERE action = "
                                                          "'declaration.create' AND object NOT LIKE 'de700000-%'"), ==, 1);
}

/* Refused bodies answer 4xx and store nothing. */
static void
test_bad_bodies (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *good = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *unknown = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, ", \"colour\": \"blue\"");
  g_autofree char *wrong_type = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, ", \"special_person\": \"yes\"");
  g_autofree char *years = zc_decl_test_declaration_body (fixture, PLAN_ID, "work_summary", ", \"work_summary\": 12");
  g_autofree char *no_plan = zc_decl_test_declaration_body (fixture, "7a000000-0000-4000-8000-0000000000d9", NULL, NULL);
  g_autofree char *missing_blob = g_strdup_printf ("{\"body\": {\"plan_id\": \"%s\", \"plan_version\": 1,"
                                                   " \"photo\": {\"sha256\": \"%064d\", \"mime\": \"image/png\"}}}",
                                                   PLAN_ID, 7);
  struct { const char *body; guint status; const char *code; } cases[] = {
    { "{\"body\": {}}", 400, "invalid_record" },
    { "{\"body\": {\"plan_id\": \"" PLAN_ID "\"}}", 400, "invalid_record" },
    { "{\"body\": {\"plan_id\": \"not a uuid\", \"plan_version\": 1}}", 400, "invalid_record" },
    { "{\"body\": {\"plan_id\": \"" PLAN_ID "\", \"plan_version\": 0}}", 400, "invalid_record" },
    { "{\"body\": []}", 400, NULL },
    { "{\"body\": {\"plan_id\": \"" PLAN_ID "\", \"plan_version\": 1}, \"kind\": \"x\"}", 400, "unknown_member" },
    { "{\"body\": {\"plan_id\": \"" PLAN_ID "\", \"plan_version\": 2}}", 400, "plan_not_found" },
    { missing_blob, 400, "blob_missing" },
  };
  g_autofree char *unknown_request = g_strdup_printf ("{\"body\": %s}", unknown);
  g_autofree char *wrong_type_request = g_strdup_printf ("{\"body\": %s}", wrong_type);
  g_autofree char *years_request = g_strdup_printf ("{\"body\": %s}", years);
  g_autofree char *no_plan_request = g_strdup_printf ("{\"body\": %s}", no_plan);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, cases[i].body,
                           cases[i].status, cases[i].code);
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, unknown_request, 400,
                         "invalid_record");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, wrong_type_request,
                         400, "invalid_record");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, years_request, 400,
                         "invalid_record");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, no_plan_request, 400,
                         "plan_not_found");
  /* only applicants declare */
  {
    g_autofree char *request = g_strdup_printf ("{\"body\": %s}", good);

    zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->officer, request, 403,
                           "forbidden");
  }
  g_assert_cmpint (zc_decl_test_count_declarations (fixture), ==, 0);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM declarations"
                                                          " WHERE record_id NOT LIKE 'de700000-%'"), ==, 0);
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *second = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *put = g_strdup_printf ("{\"base_version\": 2, \"body\": %s}", body);
  g_autofree char *delete = g_strdup_printf ("{\"client_id\": \"5c1e0000-0000-4000-8000-000000000001\","
                                             " \"schema_version\": 1, \"mutations\": [{\"id\": 1,"
                                             " \"name\": \"record.delete\", \"record_id\": \"%s\","
                                             " \"base_version\": 0, \"args\": {}}]}", id);
  g_autoptr(JsonNode) pushed = NULL;
  JsonArray *rejections;

  /* a declaration is not deleted: discarded */
  pushed = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", fixture->applicant, delete, 200);
  rejections = json_object_get_array_member (zc_server_test_object (pushed), "rejections");
  g_assert_cmpuint (json_array_get_length (rejections), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rejections, 0), "code"), ==,
                   "NOT_ALLOWED");

  zc_decl_test_act_refused (fixture, fixture->officer, id, "discard", "draft", NULL, 404, "not_found");
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "discard", "draft", NULL, NULL, "discarded");
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "discard", "draft", NULL, 409, "state_changed");
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "submit", "discarded", NULL, 409, "not_allowed");
  /* no edits any more */
  zc_server_test_expect (fixture->server, "PUT", path, fixture->applicant, put, 409, "not_allowed");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM record_history WHERE action ="
                                                          " 'discard'"), ==, 1);

  /* a discarded declaration frees the year */
  second = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_assert_cmpstr (second, !=, id);
}

static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autoptr(JsonNode) queue = NULL;
  g_autoptr(JsonNode) detail = NULL;

  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  /* the unit sees it now, beside the demo's (周涛's) */
  queue = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations", fixture->officer, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (queue), "total"), ==, 2);
  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->officer, NULL, 200);
  g_assert_true (json_object_get_boolean_member (zc_server_test_object (detail), "frozen"));

  zc_decl_test_act_refused (fixture, fixture->officer, id, "withdraw", "unit_review", NULL, 403, "forbidden");
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "withdraw", "unit_review", NULL, NULL, "draft");
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "withdraw", "unit_review", NULL, 409, "state_changed");
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "withdraw", "draft", NULL, 409, "not_allowed");
  /* a withdrawn draft is the applicant's again */
  zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 404, "not_found");

  /* submitted again, recommended: too late to withdraw */
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "withdraw", "unit_recommended", NULL, 409, "not_allowed");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM declaration_snapshots"
                                                          " WHERE record_id NOT LIKE 'de700000-%'"), ==, 2);
}

/* Another applicant's declaration, and any outside the role's scope, is
 * "not found". */
static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *check = g_strdup_printf ("/api/v1/declarations/%s/check", id);
  g_autofree char *put = g_strdup_printf ("{\"base_version\": 1, \"body\": %s}", body);
  g_autofree char *other_number = zc_server_test_id_number (7, FALSE);
  g_autofree char *other = NULL;
  g_autofree char *other_id = zc_server_test_add_account (fixture->server, fixture->admin, other_number, "周敏",
                                                          "applicant", fixture->hospital, &other);
  g_autoptr(JsonNode) other_list = NULL;

  zc_server_test_expect (fixture->server, "GET", path, other, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", check, other, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "PUT", path, other, put, 404, "not_found");
  zc_decl_test_act_refused (fixture, other, id, "submit", "draft", NULL, 404, "not_found");
  other_list = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations", other, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (other_list), "total"), ==, 0);

  /* a draft is nobody else's business */
  zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 404, "not_found");
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  zc_server_test_expect (fixture->server, "GET", path, fixture->hr_officer, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->department, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->committee, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->issuer, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->admin, NULL, 403, "forbidden");
  zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 200, NULL);
  zc_server_test_expect (fixture->server, "GET", "/api/v1/declarations/7a000000-0000-4000-8000-0000000000ff",
                         fixture->applicant, NULL, 404, "not_found");
  (void) other_id;
}

/* Who may act in which state: the owner of each step only. */
static void
test_role_matrix (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *ends_on = NULL;
  g_autofree char *too_short = NULL;

  /* draft: the applicant's; officers do not see it */
  zc_decl_test_act_refused (fixture, fixture->officer, id, "submit", "draft", NULL, 404, "not_found");
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");

  /* unit review: the unit officer's */
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "recommend", "unit_review", NULL, 403, "forbidden");
  zc_decl_test_act_refused (fixture, fixture->hr_officer, id, "recommend", "unit_review", NULL, 404, "not_found");
  zc_decl_test_act_refused (fixture, fixture->department, id, "pass", "unit_review", NULL, 404, "not_found");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "pass", "unit_review", NULL, 409, "not_allowed");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "bogus", "unit_review", NULL, 400, "invalid_value");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "recommend", "unit_review", "{\"x\": 1}", 400, "unknown_member");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "recommend", "unit_review", NULL, NULL, "unit_recommended");

  /* a review plan needs the unit's publicity before forwarding */
  ends_on = zc_decl_test_publicity_args (0, &too_short, NULL);
  zc_decl_test_act_refused (fixture, fixture->officer, id, "forward", "unit_recommended", NULL, 409, "not_allowed");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "start_publicity", "unit_recommended", NULL, 400, "missing_value");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "start_publicity", "unit_recommended", too_short, 400,
               "publicity_too_short");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "start_publicity", "unit_recommended", "{\"ends_on\": \"16/03/2026\"}",
               400, "invalid_value");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "start_publicity", "unit_recommended", NULL, ends_on, "unit_publicity");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "end_publicity", "unit_publicity", NULL, 409, "publicity_not_over");
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "end_publicity", "unit_publicity", NULL, 403, "forbidden");

  /* a return needs its reason, may name a step, and goes to the applicant */
  zc_decl_test_act_refused (fixture, fixture->officer, id, "return", "unit_publicity", "{\"step\": \"nowhere\"}", 400,
               "invalid_value");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", id);

    zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                           "{\"action\": \"return\", \"expected_state\": \"unit_publicity\"}", 400,
                           "comment_required");
  }
  zc_decl_test_act_ok (fixture, fixture->officer, id, "return", "unit_publicity", "公示期间收到异议，请补充说明。",
          "{\"step\": \"summary\"}", "returned");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "recommend", "returned", NULL, 409, "not_allowed");
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");
}

/* Declarations travel by sync like every record; actions are mutations. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  data)
{
  const char *id = "5c1e0000-0000-4000-8000-0000000000a1";
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *push = g_strdup_printf (
    "{\"client_id\": \"5c1e0000-0000-4000-8000-000000000002\", \"schema_version\": 1, \"mutations\": ["
    " {\"id\": 1, \"name\": \"record.put\", \"record_id\": \"%s\", \"base_version\": 0,"
    "  \"args\": {\"kind\": \"declaration\", \"body\": %s}},"
    " {\"id\": 2, \"name\": \"declaration.submit\", \"record_id\": \"%s\", \"base_version\": 1,"
    "  \"expected_state\": \"draft\", \"args\": {}},"
    " {\"id\": 3, \"name\": \"declaration.withdraw\", \"record_id\": \"%s\", \"base_version\": 0,"
    "  \"expected_state\": \"draft\", \"args\": {}},"
    " {\"id\": 4, \"name\": \"declaration.create\", \"record_id\": \"%s\", \"base_version\": 0, \"args\": {}},"
    " {\"id\": 5, \"name\": \"declaration.discard\", \"record_id\": \"%s\", \"base_version\": 0,"
    "  \"expected_state\": \"unit_review\", \"args\": {\"comment\": 5}}]}",
    id, body, id, id, id, id);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", fixture->applicant,
                                                  push, 200);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autoptr(JsonNode) detail = NULL;
  JsonObject *object = zc_server_test_object (answer);
  JsonArray *rejections = json_object_get_array_member (object, "rejections");
  const char *expected[] = { "STATE_CHANGED", "UNKNOWN_MUTATION", "WRONG_TYPE" };

  g_assert_cmpint (json_object_get_int_member (object, "last_mutation_id"), ==, 5);
  g_assert_cmpuint (json_array_get_length (rejections), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *rejection = json_array_get_object_element (rejections, i);

      g_assert_cmpint (json_object_get_int_member (rejection, "mutation_id"), ==, i + 3);
      g_assert_cmpstr (json_object_get_string_member (rejection, "code"), ==, expected[i]);
    }

  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->officer, NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (zc_server_test_object (detail),
                                                                                  "record"), "state"), ==,
                   "unit_review");
}

/* The version of @id as stored. */
static gint64
version_of (Fixture    *fixture,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM records WHERE id = '%s'", id);

  return zc_server_test_count (fixture->server, sql);
}

/* Pushes one declaration.<action> as the unit officer (each push from
 * its own client, so each mutation is 1); returns the rejection's code,
 * NULL when it was applied. */
static char *
officer_push (Fixture    *fixture,
              const char *token,
              guint       client,
              const char *action,
              const char *id,
              gint64      base_version,
              const char *expected_state,
              const char *args)
{
  g_autofree char *push = g_strdup_printf (
    "{\"client_id\": \"0ff1ce00-0000-4000-8000-%012u\", \"schema_version\": 1, \"mutations\": ["
    " {\"id\": 1, \"name\": \"declaration.%s\", \"record_id\": \"%s\", \"base_version\": %" G_GINT64_FORMAT ","
    "  \"expected_state\": \"%s\", \"args\": %s}]}",
    client, action, id, base_version, expected_state, args);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", token, push, 200);
  JsonObject *object = zc_server_test_object (answer);
  JsonArray *rejections = json_object_get_array_member (object, "rejections");

  g_assert_cmpint (json_object_get_int_member (object, "last_mutation_id"), ==, 1);
  if (json_array_get_length (rejections) == 0)
    return NULL;
  g_assert_cmpuint (json_array_get_length (rejections), ==, 1);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (rejections, 0), "code"));
}

/* An officer decides over sync, as the desk does offline: the state and
 * version they saw must still hold, or the decision is STATE_CHANGED
 * and changes nothing. */
static void
test_officer_sync (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *code = NULL;
  gint64 seen;

  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  seen = version_of (fixture, id);

  /* the officer saw an older version, or another state: refused */
  code = officer_push (fixture, fixture->officer, 1, "recommend", id, seen - 1, "unit_review",
                       "{\"comment\": \"同意推荐。\"}");
  g_assert_cmpstr (code, ==, "STATE_CHANGED");
  g_clear_pointer (&code, g_free);
  code = officer_push (fixture, fixture->officer, 2, "recommend", id, seen, "unit_recommended",
                       "{\"comment\": \"同意推荐。\"}");
  g_assert_cmpstr (code, ==, "STATE_CHANGED");
  g_clear_pointer (&code, g_free);
  g_assert_cmpint (version_of (fixture, id), ==, seen);

  /* what they saw: applied, with the comment */
  code = officer_push (fixture, fixture->officer, 3, "recommend", id, seen, "unit_review",
                       "{\"comment\": \"同意推荐。\"}");
  g_assert_null (code);
  g_assert_cmpint (version_of (fixture, id), ==, seen + 1);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM record_history WHERE action ="
                                                          " 'recommend' AND comment = '同意推荐。'"), ==, 1);

  /* a second officer's device decided on the same version: one wins */
  code = officer_push (fixture, fixture->officer, 4, "return", id, seen, "unit_review",
                       "{\"comment\": \"请补充材料。\"}");
  g_assert_cmpstr (code, ==, "STATE_CHANGED");
  g_clear_pointer (&code, g_free);

  /* a return needs a comment; base_version 0 is "any version" */
  code = officer_push (fixture, fixture->officer, 5, "return", id, 0, "unit_recommended", "{}");
  g_assert_cmpstr (code, ==, "COMMENT_REQUIRED");
  g_clear_pointer (&code, g_free);
  code = officer_push (fixture, fixture->officer, 6, "return", id, 0, "unit_recommended",
                       "{\"comment\": \"请补充继续教育证明。\"}");
  g_assert_null (code);

  /* another unit's officer, or a level it has not reached: not theirs */
  code = officer_push (fixture, fixture->hr_officer, 7, "recommend", id, 0, "returned", "{}");
  g_assert_cmpstr (code, ==, "NOT_FOUND");
  g_clear_pointer (&code, g_free);
  code = officer_push (fixture, fixture->department, 8, "pass", id, 0, "returned", "{\"comment\": \"同意。\"}");
  g_assert_cmpstr (code, ==, "NOT_FOUND");
  g_clear_pointer (&code, g_free);

  {
    g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
    g_autoptr(JsonNode) detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);

    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (zc_server_test_object (detail),
                                                                                    "record"), "state"), ==,
                     "returned");
  }
}

/* Whether the stored body of declaration @id picks @entry_id. */
static gboolean
picks_entry (Fixture    *fixture,
             const char *id,
             const char *entry_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM records WHERE id = '%s' AND body LIKE '%%%s%%'", id,
                                          entry_id);

  return zc_server_test_count (fixture->server, sql) == 1;
}

static void
delete_entry (Fixture    *fixture,
              const char *entry_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s", entry_id);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "DELETE", path, fixture->applicant, NULL, 204);

  (void) answer;
}

/* Deleting an entry takes it out of the applicant's draft declarations
 * (a new version of each, in the same transaction); a submitted one
 * keeps its picks and its frozen copy. */
static void
test_delete_picked_entry (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *paper = "de300000-0000-4000-8000-000000000106";     /* pending, picked */
  const char *assessment = "de300000-0000-4000-8000-000000000105"; /* pending, not picked */
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *draft = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *versions_sql = g_strdup_printf ("SELECT count(*) FROM record_versions WHERE record_id = '%s'",
                                                   draft);
  g_autoptr(JsonNode) detail = NULL;
  g_autoptr(JsonNode) new_paper = NULL;
  g_autofree char *second_body = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", draft);
  JsonArray *picks;
  gint64 version, snapshots;

  g_assert_true (picks_entry (fixture, draft, paper));

  /* an entry the draft does not pick: the draft stays as it was */
  delete_entry (fixture, assessment);
  g_assert_cmpint (version_of (fixture, draft), ==, 1);

  /* the picked paper: gone from the picks, the others kept, one new
   * version (with its body kept as the base of merges) */
  delete_entry (fixture, paper);
  g_assert_cmpint (version_of (fixture, draft), ==, 2);
  g_assert_cmpint (zc_server_test_count (fixture->server, versions_sql), ==, 2);
  g_assert_false (picks_entry (fixture, draft, paper));
  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  picks = json_object_get_array_member (json_object_get_object_member (json_object_get_object_member (
                                          zc_server_test_object (detail), "record"), "body"), "picks");
  g_assert_cmpuint (json_array_get_length (picks), ==, 3);
  g_assert_true (picks_entry (fixture, draft, EDUCATION_ID));

  /* a submitted declaration keeps the pick of a deleted entry */
  zc_decl_test_act_ok (fixture, fixture->applicant, draft, "discard", "draft", NULL, NULL, "discarded");
  new_paper = zc_server_test_ok (fixture->server, "POST", "/api/v1/archive", fixture->applicant,
                                 "{\"kind\": \"archive:papers\", \"body\": {\"title\": \"心房颤动患者抗凝治疗现状调查\","
                                 " \"published_on\": \"2024-03-01\", \"paper_type\": \"1\", \"journal\": \"中华全科医学\","
                                 " \"author_rank\": \"1\", \"own_words\": 4}}", 201);
  {
    GString *text = g_string_new (body);

    g_string_replace (text, paper, zc_test_member_string (new_paper, "id"), 0);
    second_body = g_string_free (text, FALSE);
  }
  submitted = zc_decl_test_create_declaration (fixture, fixture->applicant, second_body);
  zc_decl_test_act_ok (fixture, fixture->applicant, submitted, "submit", "draft", NULL, NULL, "unit_review");
  version = version_of (fixture, submitted);
  snapshots = zc_server_test_count (fixture->server, "SELECT count(*) FROM declaration_snapshots");
  delete_entry (fixture, zc_test_member_string (new_paper, "id"));
  g_assert_cmpint (version_of (fixture, submitted), ==, version);
  g_assert_true (picks_entry (fixture, submitted, zc_test_member_string (new_paper, "id")));
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM declaration_snapshots"), ==,
                   snapshots);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/declarations/create-edit", Fixture, NULL, zc_decl_test_fixture_setup, test_create_edit, zc_decl_test_fixture_teardown);
  g_test_add ("/declarations/bad-bodies", Fixture, NULL, zc_decl_test_fixture_setup, test_bad_bodies, zc_decl_test_fixture_teardown);
  g_test_add ("/declarations/discard", Fixture, NULL, zc_decl_test_fixture_setup, test_discard, zc_decl_test_fixture_teardown);
  g_test_add ("/declarations/withdraw", Fixture, NULL, zc_decl_test_fixture_setup, test_withdraw, zc_decl_test_fixture_teardown);
  g_test_add ("/declarations/not-found", Fixture, NULL, zc_decl_test_fixture_setup, test_not_found, zc_decl_test_fixture_teardown);
  g_test_add ("/declarations/role-matrix", Fixture, NULL, zc_decl_test_fixture_setup, test_role_matrix, zc_decl_test_fixture_teardown);
  g_test_add ("/declarations/sync", Fixture, NULL, zc_decl_test_fixture_setup, test_sync, zc_decl_test_fixture_teardown);
  g_test_add ("/declarations/officer-sync", Fixture, NULL, zc_decl_test_fixture_setup, test_officer_sync, zc_decl_test_fixture_teardown);
  g_test_add ("/declarations/delete-picked-entry", Fixture, NULL, zc_decl_test_fixture_setup, test_delete_picked_entry,
              zc_decl_test_fixture_teardown);

  return g_test_run ();
}
