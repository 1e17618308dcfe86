/* test-declaration-rules.c: each rule the server enforces on a
 * declaration, refused with its own code and reason
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
#include "zc-store-declarations.h"
#include "zc-store-plans.h"
#include "zc-store-records.h"
#include "zc-store-sync.h"

/* the helpers all declaration tests share: zc-declaration-test.h */
typedef ZcDeclFixture Fixture;

#define OTHER_PLAN_ID "7a000000-0000-4000-8000-0000000000d2"
#define ENGINEERING_TITLE "{\"series\": \"05\", \"category\": \"工程技术\", \"level\": \"中级\", \"title\": \"工程师\"}"

/* Creating to @plan_id is refused with @status and @code; nothing is stored. */
static void
create_refused (Fixture    *fixture,
                const char *plan_id,
                guint       status,
                const char *code)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, plan_id, NULL, NULL);
  g_autofree char *request = g_strdup_printf ("{\"body\": %s}", body);
  gint64 before = zc_decl_test_count_declarations (fixture);
  g_autoptr(JsonNode) answer = NULL;
  guint answer_status = 0;

  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, request, status, code);
  answer = zc_test_server_call (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, "en", request,
                                &answer_status, NULL);
  g_assert_cmpuint (answer_status, ==, status);
  g_assert_cmpuint (strlen (zc_test_member_string (answer, "message")), >, 10);
  g_assert_cmpint (zc_decl_test_count_declarations (fixture), ==, before);
}

/* Submitting @id is refused with 422 check_failed naming @item. */
static void
submit_fails_check (Fixture    *fixture,
                    const char *id,
                    const char *item_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", id);
  g_autofree char *check_path = g_strdup_printf ("/api/v1/declarations/%s/check", id);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) check = NULL;
  JsonArray *items;
  gboolean found = FALSE;
  guint status = 0;

  answer = zc_test_server_call (fixture->server, "POST", path, fixture->applicant, "en",
                                "{\"action\": \"submit\", \"expected_state\": \"draft\"}", &status, NULL);
  g_assert_cmpuint (status, ==, 422);
  zc_test_assert_error (answer, "check_failed");
  items = json_object_get_array_member (zc_server_test_object (answer), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (!g_str_equal (json_object_get_string_member (item, "id"), item_id))
        continue;
      found = TRUE;
      g_assert_false (json_object_get_boolean_member (item, "passed"));
      g_assert_nonnull (json_object_get_string_member (item, "reason"));
      g_assert_nonnull (strstr (zc_test_member_string (answer, "message"),
                                json_object_get_string_member (item, "reason")));
    }
  g_assert_true (found);

  /* the same through sync: consumed, rejected */
  {
    g_autofree char *push = g_strdup_printf ("{\"client_id\": \"5c1e0000-0000-4000-8000-00000000c0de\","
                                             " \"schema_version\": 1, \"mutations\": [{\"id\": 1,"
                                             " \"name\": \"declaration.submit\", \"record_id\": \"%s\","
                                             " \"base_version\": 0, \"expected_state\": \"draft\", \"args\": {}}]}",
                                             id);
    g_autoptr(JsonNode) pushed = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", fixture->applicant,
                                                    push, 200);
    JsonArray *rejections = json_object_get_array_member (zc_server_test_object (pushed), "rejections");

    g_assert_cmpuint (json_array_get_length (rejections), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rejections, 0), "code"), ==,
                     "CHECK_FAILED");
  }

  /* GET …/check gives the same items; still a draft */
  check = zc_server_test_ok (fixture->server, "GET", check_path, fixture->applicant, NULL, 200);
  g_assert_false (json_object_get_boolean_member (zc_server_test_object (check), "passed"));
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM records WHERE kind = 'declaration'"
                                                          " AND state <> 'draft' AND id NOT LIKE 'de700000-%'"),
                   ==, 0);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM declaration_snapshots"
                                                          " WHERE record_id NOT LIKE 'de700000-%'"), ==, 0);
}

static void
test_check_passes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/check", id);
  g_autoptr(JsonNode) check = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  JsonArray *items = json_object_get_array_member (zc_server_test_object (check), "items");

  g_assert_true (json_object_get_boolean_member (zc_server_test_object (check), "passed"));
  g_assert_cmpuint (json_array_get_length (items), >=, 17);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (items, i), "passed"));
  zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 404, "not_found");
}

/* One declaration a year, whatever the series. */
static void
test_one_per_year (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *windows = zc_decl_test_windows_json (-10, 30, 40, 50, 60);
  g_autofree char *plan = zc_decl_test_plan_json (OTHER_PLAN_ID, fixture->committee_unit, zc_decl_test_this_year (), "工程技术中级",
                                     ENGINEERING_TITLE, "review", windows);
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);

  zc_decl_test_store_plan (fixture->server, plan);
  create_refused (fixture, PLAN_ID, 409, "one_per_year");
  create_refused (fixture, OTHER_PLAN_ID, 409, "one_per_year");

  /* discarding frees the year */
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "discard", "draft", NULL, NULL, "discarded");
  g_free (zc_decl_test_create_declaration (fixture, fixture->applicant, body));
}

static void
test_integrity_ban (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *until = zc_decl_test_date_from_today (365);
  const char *args[] = { "integrity-add", "--id-number", ZC_TEST_DEMO_APPLICANT, "--until", until,
                         "--reason", "申报材料弄虚作假", NULL };
  g_autofree char *out = NULL;
  int status = -1;

  zc_decl_test_act_ok (fixture, fixture->applicant, id, "discard", "draft", NULL, NULL, "discarded");
  out = zc_test_run_admin (fixture->server->data_dir, args, &status);
  g_assert_cmpint (status, ==, 0);
  create_refused (fixture, PLAN_ID, 403, "integrity_ban");
}

/* A draft made before the ban cannot be submitted. */
static void
test_integrity_ban_at_submission (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *until = zc_decl_test_date_from_today (30);
  const char *args[] = { "integrity-add", "--id-number", ZC_TEST_DEMO_APPLICANT, "--until", until,
                         "--reason", "学术不端", NULL };
  g_autofree char *out = NULL;
  int status = -1;

  out = zc_test_run_admin (fixture->server->data_dir, args, &status);
  g_assert_cmpint (status, ==, 0);
  submit_fails_check (fixture, id, "integrity");
}

static void
test_window_closed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *future = zc_decl_test_windows_json (5, 30, 40, 50, 60);
  g_autofree char *past = zc_decl_test_windows_json (-60, -1, 10, 20, 30);
  g_autofree char *future_plan = zc_decl_test_plan_json (OTHER_PLAN_ID, fixture->committee_unit, zc_decl_test_this_year (), "卫生系列高级",
                                            HEALTH_TITLE, "review", future);
  g_autofree char *past_plan = zc_decl_test_plan_json ("7a000000-0000-4000-8000-0000000000d3", fixture->committee_unit,
                                          zc_decl_test_this_year (), "卫生系列高级", HEALTH_TITLE, "review", past);

  zc_decl_test_store_plan (fixture->server, future_plan);
  zc_decl_test_store_plan (fixture->server, past_plan);
  create_refused (fixture, OTHER_PLAN_ID, 409, "window_closed");
  create_refused (fixture, "7a000000-0000-4000-8000-0000000000d3", 409, "window_closed");
}

static void
test_plan_not_open (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *windows = zc_decl_test_windows_json (-10, 30, 40, 50, 60);
  g_autofree char *plan = zc_decl_test_plan_json (OTHER_PLAN_ID, fixture->committee_unit, zc_decl_test_this_year (), "卫生系列高级",
                                     HEALTH_TITLE, "review", windows);
  char *closed = strstr (plan, "\"state\": \"published\"");
  g_autofree char *closed_plan = NULL;

  g_assert_nonnull (closed);
  closed_plan = g_strdup_printf ("%.*s\"state\": \"closed\"%s", (int) (closed - plan), plan,
                                 closed + strlen ("\"state\": \"published\""));
  zc_decl_test_store_plan (fixture->server, closed_plan);
  create_refused (fixture, OTHER_PLAN_ID, 409, "plan_not_open");
}

static void
test_out_of_scope (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *windows = zc_decl_test_windows_json (-10, 30, 40, 50, 60);
  g_autofree char *plan = zc_decl_test_plan_json (OTHER_PLAN_ID, fixture->committee_unit, zc_decl_test_this_year (), "卫生系列高级",
                                     HEALTH_TITLE, "review", windows);
  char *region = strstr (plan, "\"410000\"");

  g_assert_nonnull (region);
  memcpy (region + 1, "510000", 6);   /* Sichuan: not the hospital's province */
  zc_decl_test_store_plan (fixture->server, plan);
  create_refused (fixture, OTHER_PLAN_ID, 403, "out_of_scope");
}

/* Last year's declaration, neither final nor discarded, holds this year's. */
static void
test_last_year_unfinished (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *windows = zc_decl_test_windows_json (-400, -340, -330, -320, -310);
  g_autofree char *plan = zc_decl_test_plan_json (OTHER_PLAN_ID, fixture->committee_unit, zc_decl_test_this_year () - 1, "卫生系列高级",
                                     HEALTH_TITLE, "review", windows);
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcStoredRecord) record = zc_stored_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = zc_decl_test_declaration_body (fixture, OTHER_PLAN_ID, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  ZcDeclarationRow row = { 0 };

  zc_decl_test_store_plan (fixture->server, plan);

  /* as if it had been submitted last year and is still with the committee */
  json_parser_load_from_data (parser, body, -1, &error);
  g_assert_no_error (error);
  record->id = g_strdup ("5c1e0000-0000-4000-8000-0000000000b1");
  record->kind = g_strdup ("declaration");
  record->owner_id = g_strdup (fixture->applicant_id);
  record->body = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  record->state = g_strdup ("under_review");
  record->version = 5;
  record->created_at = record->updated_at = g_get_real_time ();
  row.record_id = record->id;
  row.owner_id = record->owner_id;
  row.plan_id = (char *) OTHER_PLAN_ID;
  row.plan_version = 1;
  row.plan_year = zc_decl_test_this_year () - 1;
  row.plan_type = (char *) "review";
  row.receiving_unit_id = fixture->hospital;
  row.committee_id = fixture->committee_unit;
  row.state = record->state;
  row.reached = ZC_DECLARATION_REACHED_COMMITTEE;
  row.updated_at = record->updated_at;

  store = zc_decl_test_open_store (fixture->server);
  txn = zc_store_begin_write (store, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_sync_next_seq (txn, &record->seq, &error));
  g_assert_true (zc_store_records_insert (txn, record, &error));
  g_assert_true (zc_store_declarations_put (txn, &row, &error));
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);

  create_refused (fixture, PLAN_ID, 409, "last_year_unfinished");
}

static void
test_missing_attachment (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, "attachments", NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);

  submit_fails_check (fixture, id, "attachments");
}

static void
test_group_below_minimum (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, "research", NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);

  submit_fails_check (fixture, id, "group:research");
}

static void
test_unsigned_commitment (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, "commitment", NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);

  submit_fails_check (fixture, id, "commitment");
}

/* A unit acts only until the plan's unit deadline. */
static void
test_unit_deadline (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *windows = zc_decl_test_windows_json (-10, 0, 0, 0, 0);
  g_autofree char *plan = zc_decl_test_plan_json (OTHER_PLAN_ID, fixture->committee_unit, zc_decl_test_this_year (), "卫生系列高级",
                                     HEALTH_TITLE, "review", windows);
  g_autofree char *body = zc_decl_test_declaration_body (fixture, OTHER_PLAN_ID, NULL, NULL);
  g_autofree char *id = NULL;
  g_autofree char *later = zc_decl_test_clock_in_days (1);
  char *data_dir;

  zc_decl_test_store_plan (fixture->server, plan);
  id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");

  /* a day later the window and the unit's deadline have passed */
  fixture->server->keep_data = TRUE;
  data_dir = g_strdup (fixture->server->data_dir);
  zc_test_server_stop (fixture->server);
  zc_decl_test_fixture_start (fixture, data_dir, later);
  fixture->server->keep_data = FALSE;
  g_free (data_dir);
  g_assert_true (zc_decl_test_server_clock_moved (fixture, id, 1));

  zc_decl_test_act_refused (fixture, fixture->officer, id, "recommend", "unit_review", NULL, 409, "deadline_passed");
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "withdraw", "unit_review", NULL, NULL, "draft");
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "submit", "draft", NULL, 422, "check_failed");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/declaration-rules/check-passes", Fixture, NULL, zc_decl_test_fixture_setup, test_check_passes,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/one-per-year", Fixture, NULL, zc_decl_test_fixture_setup, test_one_per_year, zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/integrity-ban", Fixture, NULL, zc_decl_test_fixture_setup, test_integrity_ban,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/integrity-ban-at-submission", Fixture, NULL, zc_decl_test_fixture_setup,
              test_integrity_ban_at_submission, zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/window-closed", Fixture, NULL, zc_decl_test_fixture_setup, test_window_closed,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/plan-not-open", Fixture, NULL, zc_decl_test_fixture_setup, test_plan_not_open,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/out-of-scope", Fixture, NULL, zc_decl_test_fixture_setup, test_out_of_scope, zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/last-year-unfinished", Fixture, NULL, zc_decl_test_fixture_setup, test_last_year_unfinished,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/missing-attachment", Fixture, NULL, zc_decl_test_fixture_setup, test_missing_attachment,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/group-below-minimum", Fixture, NULL, zc_decl_test_fixture_setup, test_group_below_minimum,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/unsigned-commitment", Fixture, NULL, zc_decl_test_fixture_setup, test_unsigned_commitment,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-rules/unit-deadline", Fixture, NULL, zc_decl_test_fixture_setup, test_unit_deadline,
              zc_decl_test_fixture_teardown);

  return g_test_run ();
}
