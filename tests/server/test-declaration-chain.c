/* test-declaration-chain.c: a declaration through the whole review
 * chain — unit, its publicity, department, committee, interview,
 * result and its publicity, issuer — with returns at every level,
 * resubmissions, a withdrawal, the determination path, the frozen
 * review form, and the trail each step leaves
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-declaration-freeze.h"
#include "zc-holiday-calendar.h"
#include "zc-plan.h"
#include "zc-declaration-test.h"
#include "zc-server-test.h"
#include "zc-sqlite-store.h"
#include "zc-store-declarations.h"
#include "zc-store-plans.h"
#include "zc-store-records.h"

/* the helpers all declaration tests share: zc-declaration-test.h */
typedef ZcDeclFixture Fixture;

#define PAPER_ID "de300000-0000-4000-8000-000000000106"   /* a pending paper of the demo archive */
#define DETERMINATION_ID "7a000000-0000-4000-8000-0000000000d4"

static gint64 count (Fixture    *fixture,
                     const char *format,
                     ...) G_GNUC_PRINTF (2, 3);

static gint64
count (Fixture    *fixture,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return zc_server_test_count (fixture->server, sql);
}

/* Stops the server and starts it again on the same data, its clock
 * @days from today. */
static void
restart_at (Fixture *fixture,
            int      days)
{
  g_autofree char *later = zc_decl_test_clock_in_days (days);
  g_autofree char *data_dir = g_strdup (fixture->server->data_dir);

  fixture->server->keep_data = TRUE;
  zc_test_server_stop (fixture->server);
  zc_decl_test_fixture_start (fixture, data_dir, later);
}

/* Lets a publicity's days pass without waiting for them: as if it had
 * started a week ago and ended today.  For the tests about what comes
 * after; the days themselves are tested with a moved clock. */
static void
let_publicity_pass (Fixture    *fixture,
                    const char *id,
                    const char *start_action)
{
  g_autoptr(ZcStore) store = zc_decl_test_open_store (fixture->server);
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autofree char *starts_on = zc_decl_test_date_from_today (-7);
  g_autofree char *ends_on = zc_decl_test_date_from_today (0);
  ZcDeclarationEvent event = { 0 };

  json_object_set_string_member (data, "starts_on", starts_on);
  json_object_set_string_member (data, "ends_on", ends_on);
  event.record_id = (char *) id;
  event.at = g_get_real_time ();
  event.action = (char *) start_action;
  event.data = data;
  event.version = count (fixture, "SELECT version FROM records WHERE id = '%s'", id);

  txn = zc_store_begin_write (store, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_declarations_add_event (txn, &event, &error));
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);
}

/* The applicant's newest message about @id. */
static JsonObject *
last_message (Fixture    *fixture,
              const char *language,
              JsonNode  **holder)
{
  guint status = 0;

  *holder = zc_test_server_call (fixture->server, "GET", "/api/v1/messages?limit=1", fixture->applicant, language,
                                 NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_object_element (json_object_get_array_member (zc_server_test_object (*holder), "messages"),
                                        0);
}

static void
assert_last_message (Fixture    *fixture,
                     const char *action,
                     const char *contains)
{
  g_autoptr(JsonNode) en = NULL;
  g_autoptr(JsonNode) zh = NULL;
  JsonObject *message = last_message (fixture, "en", &en);
  JsonObject *message_zh = last_message (fixture, "zh-CN", &zh);

  g_assert_cmpstr (json_object_get_string_member (message, "action"), ==, action);
  g_assert_cmpuint (strlen (json_object_get_string_member (message, "title")), >, 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (message_zh, "text")), >, 0);
  if (contains != NULL)
    g_assert_nonnull (strstr (json_object_get_string_member (message, "text"), contains));
}

/* Unit review to the department: recommend, publicity, forward. */
static void
through_unit (Fixture    *fixture,
              const char *id)
{
  g_autofree char *ends_on = zc_decl_test_publicity_args (0, NULL, NULL);

  zc_decl_test_act_ok (fixture, fixture->officer, id, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "start_publicity", "unit_recommended", NULL, ends_on, "unit_publicity");
  let_publicity_pass (fixture, id, "start_publicity");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "end_publicity", "unit_publicity", NULL, NULL, "unit_publicity_ended");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "forward", "unit_publicity_ended", NULL, NULL, "department_review");
}

/* The whole chain, the publicities' days passing on a moved clock. */
static void
test_full_chain (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *too_short = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *result_ends_on = NULL;
  g_autofree char *interview = NULL;
  g_autofree char *interview_at = NULL;
  g_autoptr(JsonNode) detail = NULL;
  JsonArray *timeline;
  gboolean found_interview = FALSE;
  int days = 0, result_days = 0;

  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  assert_last_message (fixture, "declaration.submit", NULL);
  zc_decl_test_act_ok (fixture, fixture->officer, id, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");
  assert_last_message (fixture, "declaration.recommend", "王芳");

  /* five working days of publicity: refused before its last day, allowed on it */
  ends_on = zc_decl_test_publicity_args (0, &too_short, &days);
  zc_decl_test_act_refused (fixture, fixture->officer, id, "start_publicity", "unit_recommended", too_short, 400,
               "publicity_too_short");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "start_publicity", "unit_recommended", NULL, ends_on, "unit_publicity");
  zc_decl_test_act_refused (fixture, fixture->officer, id, "end_publicity", "unit_publicity", NULL, 409, "publicity_not_over");
  restart_at (fixture, days);
  g_assert_true (zc_decl_test_server_clock_moved (fixture, id, days));
  zc_decl_test_act_ok (fixture, fixture->officer, id, "end_publicity", "unit_publicity", NULL, "{\"objections\": \"无异议。\"}",
          "unit_publicity_ended");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "forward", "unit_publicity_ended", NULL, NULL, "department_review");

  zc_decl_test_act_ok (fixture, fixture->department, id, "pass", "department_review", "材料齐全，同意报送。", NULL,
          "committee_intake");
  zc_decl_test_act_ok (fixture, fixture->committee, id, "accept", "committee_intake", NULL, NULL, "under_review");

  /* a plan with interviews passes nobody it has not interviewed */
  zc_decl_test_act_refused (fixture, fixture->committee, id, "record_pass", "under_review",
               "{\"votes_for\": 9, \"votes_against\": 1, \"votes_abstain\": 0}", 409, "interview_required");
  zc_decl_test_act_refused (fixture, fixture->committee, id, "schedule_interview", "under_review",
               "{\"interview_at\": \"2020-01-01T09:00:00+08:00\", \"place\": \"评审中心\"}", 400, "invalid_value");
  zc_decl_test_act_refused (fixture, fixture->committee, id, "schedule_interview", "under_review",
               "{\"interview_at\": \"2099-01-01T09:00:00+08:00\", \"place\": \"\"}", 400, "invalid_value");
  interview_at = zc_decl_test_clock_in_days (days + 5);
  interview = g_strdup_printf ("{\"interview_at\": \"%s\", \"place\": \"郑州市评审中心三楼第二会议室\"}",
                               interview_at);
  zc_decl_test_act_ok (fixture, fixture->committee, id, "schedule_interview", "under_review", NULL, interview,
          "interview_scheduled");
  assert_last_message (fixture, "declaration.schedule_interview", "郑州市评审中心三楼第二会议室");
  /* rescheduled: the same state, a new notice */
  zc_decl_test_act_ok (fixture, fixture->committee, id, "schedule_interview", "interview_scheduled", NULL, interview,
          "interview_scheduled");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM messages WHERE record_id = '%s'"
                                   " AND action = 'declaration.schedule_interview'", id), ==, 2);

  zc_decl_test_act_refused (fixture, fixture->committee, id, "record_pass", "interview_scheduled", "{\"votes_for\": 9}", 400,
               "missing_value");
  zc_decl_test_act_refused (fixture, fixture->committee, id, "record_pass", "interview_scheduled",
               "{\"votes_for\": 101, \"votes_against\": 0, \"votes_abstain\": 0}", 400, "out_of_range");
  zc_decl_test_act_ok (fixture, fixture->committee, id, "record_pass", "interview_scheduled", "评审通过。",
          "{\"votes_for\": 9, \"votes_against\": 1, \"votes_abstain\": 1}", "review_passed");

  result_ends_on = zc_decl_test_publicity_args (days, NULL, &result_days);
  zc_decl_test_act_ok (fixture, fixture->committee, id, "start_result_publicity", "review_passed", NULL, result_ends_on,
          "result_publicity");
  zc_decl_test_act_refused (fixture, fixture->committee, id, "end_result_publicity", "result_publicity", NULL, 409,
               "publicity_not_over");
  restart_at (fixture, days + result_days);
  g_assert_true (zc_decl_test_server_clock_moved (fixture, id, days + result_days));
  zc_decl_test_act_ok (fixture, fixture->committee, id, "end_result_publicity", "result_publicity", NULL, NULL,
          "result_publicity_ended");
  zc_decl_test_act_ok (fixture, fixture->committee, id, "forward_to_issuer", "result_publicity_ended", NULL, NULL, "issuing");
  zc_decl_test_act_refused (fixture, fixture->committee, id, "issue", "issuing", NULL, 403, "forbidden");
  zc_decl_test_act_ok (fixture, fixture->issuer, id, "issue", "issuing", NULL, NULL, "certified");
  assert_last_message (fixture, "declaration.issue", NULL);

  /* the trail: history (timeline), audit and a message per transition */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record_history WHERE record_id = '%s'", id), ==, 15);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE object = '%s' AND action LIKE 'declaration.%%'",
                          id), ==, 15);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM messages WHERE record_id = '%s'", id), ==, 14);

  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  timeline = json_object_get_array_member (zc_server_test_object (detail), "timeline");
  g_assert_cmpuint (json_array_get_length (timeline), ==, 15);
  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *step = json_array_get_object_element (timeline, i);

      g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (step, "actor"), "name"));
      if (g_str_equal (json_object_get_string_member (step, "action"), "schedule_interview"))
        {
          found_interview = TRUE;
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (step, "data"), "place"),
                           ==, "郑州市评审中心三楼第二会议室");
        }
    }
  g_assert_true (found_interview);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (detail),
                                                                         "available_actions")), ==, 0);
}

/* The review form is frozen at submission: later archive edits do not
 * reach it, pending picks are marked, and the opinions come from the
 * reviewers' comments. */
static void
test_frozen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *push = NULL;
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autofree char *version = NULL;
  ZcCaller caller = { .account_id = fixture->applicant_id, .name = (char *) "张伟", .role = ZC_ROLE_APPLICANT };
  ZcChangeContext change = { &caller, NULL, 0, NULL, ZC_LANGUAGE_ENGLISH, g_get_real_time () };
  JsonObject *papers_entry, *opinions;
  gint64 frozen_version;

  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");

  /* the applicant edits the picked paper afterwards */
  push = g_strdup_printf ("{\"client_id\": \"5c1e0000-0000-4000-8000-00000000f00d\", \"schema_version\": 1,"
                          " \"mutations\": [{\"id\": 1, \"name\": \"record.put\", \"record_id\": \"" PAPER_ID "\","
                          " \"base_version\": %" G_GINT64_FORMAT ", \"args\": {\"kind\": \"archive:papers\","
                          " \"fields\": {\"journal\": \"改过的期刊\"}}}]}",
                          count (fixture, "SELECT version FROM records WHERE id = '%s'", PAPER_ID));
  {
    g_autoptr(JsonNode) pushed = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", fixture->applicant,
                                                    push, 200);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (pushed),
                                                                           "rejections")), ==, 0);
  }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM records WHERE id = '%s' AND body LIKE '%%改过的期刊%%'",
                          PAPER_ID), ==, 1);

  store = zc_decl_test_open_store (fixture->server);
  txn = zc_store_begin_read (store, &error);
  g_assert_no_error (error);
  snapshot = zc_store_declarations_get_snapshot (txn, id, &frozen_version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (frozen_version, ==, 2);
  papers_entry = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (
                   json_node_get_object (snapshot), "entries"), "papers"), 0);
  g_assert_cmpstr (json_object_get_string_member (papers_entry, "id"), ==, PAPER_ID);
  g_assert_true (json_object_get_boolean_member (papers_entry, "pending"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (papers_entry, "body"), "journal"),
                   ==, "中国实用医刊");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (snapshot), "is_draft"));

  /* reviewers are told how many picked entries the unit had not approved */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
    g_autoptr(JsonNode) detail = zc_server_test_ok (fixture->server, "GET", path, fixture->officer, NULL, 200);
    JsonObject *entries = json_object_get_object_member (json_node_get_object (snapshot), "entries");
    g_autoptr(GList) categories = json_object_get_members (entries);
    gint64 pending = 0;

    for (GList *l = categories; l != NULL; l = l->next)
      {
        JsonArray *list = json_object_get_array_member (entries, l->data);

        for (guint i = 0; i < json_array_get_length (list); i++)
          pending += json_object_get_boolean_member (json_array_get_object_element (list, i), "pending") ? 1 : 0;
      }
    g_assert_cmpint (pending, >=, 1);
    g_assert_cmpint (json_object_get_int_member (zc_server_test_object (detail), "pending_picks"), ==, pending);

    /* and see the frozen entries themselves, the pending ones marked:
     * the paper as it was at the submission, not as edited since */
    {
      JsonArray *picks = json_object_get_array_member (zc_server_test_object (detail), "picks");
      gint64 marked = 0;
      gboolean paper_seen = FALSE;

      g_assert_nonnull (picks);
      for (guint i = 0; i < json_array_get_length (picks); i++)
        {
          JsonObject *pick = json_array_get_object_element (picks, i);

          marked += json_object_get_boolean_member (pick, "pending") ? 1 : 0;
          if (g_strcmp0 (json_object_get_string_member (pick, "id"), PAPER_ID) == 0)
            {
              paper_seen = TRUE;
              g_assert_cmpstr (json_object_get_string_member (pick, "category"), ==, "papers");
              g_assert_true (json_object_get_boolean_member (pick, "pending"));
              g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pick, "body"),
                                                              "journal"), ==, "中国实用医刊");
            }
        }
      g_assert_true (paper_seen);
      g_assert_cmpint (marked, ==, pending);
    }
  }

  /* the document to print: the frozen copy with the unit's opinion */
  record = zc_store_records_get (txn, id, &error);
  g_assert_no_error (error);
  document = zc_declaration_document_in (txn, &change, record, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (version), ==, 64);
  opinions = json_object_get_object_member (json_node_get_object (document), "opinions");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (opinions, "unit"), "text"), ==,
                   "同意推荐。");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (opinions, "unit"), "signer"), ==,
                   "王芳");
  papers_entry = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (
                   json_node_get_object (document), "entries"), "papers"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (papers_entry, "body"), "journal"),
                   ==, "中国实用医刊");
}

/* A return at every level, each resubmitted; the level that returned it
 * keeps seeing it. */
static void
test_returns (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *edited_body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, ", \"special_person\": true");
  g_autofree char *edit = NULL;
  g_autoptr(JsonNode) edited = NULL;

  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");

  /* the unit */
  zc_decl_test_act_ok (fixture, fixture->officer, id, "return", "unit_review", "请补充工作总结。", "{\"step\": \"summary\"}",
          "returned");
  assert_last_message (fixture, "declaration.return", "请补充工作总结。");
  zc_decl_test_act_refused (fixture, fixture->applicant, id, "submit", "returned", NULL, 409, "not_allowed");
  /* returned: the applicant may change it before resubmitting */
  edit = g_strdup_printf ("{\"base_version\": %" G_GINT64_FORMAT ", \"body\": %s}",
                          count (fixture, "SELECT version FROM records WHERE id = '%s'", id), edited_body);
  zc_server_test_ok (fixture->server, "PUT", path, fixture->applicant, edit, 200);
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");
  assert_last_message (fixture, "declaration.resubmit", NULL);

  /* the department */
  through_unit (fixture, id);
  zc_decl_test_act_ok (fixture, fixture->department, id, "return", "department_review", "学历证明不清晰。", NULL, "returned");
  zc_server_test_expect (fixture->server, "GET", path, fixture->department, NULL, 200, NULL);
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");
  zc_server_test_expect (fixture->server, "GET", path, fixture->committee, NULL, 404, "not_found");

  /* the committee */
  through_unit (fixture, id);
  zc_decl_test_act_ok (fixture, fixture->department, id, "pass", "department_review", NULL, NULL, "committee_intake");
  zc_decl_test_act_ok (fixture, fixture->committee, id, "return", "committee_intake", "答辩提纲不符合要求。",
          "{\"step\": \"attachments\"}", "returned");
  assert_last_message (fixture, "declaration.return", "答辩提纲不符合要求。");
  edited = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (zc_server_test_object (edited),
                                                                                  "record"), "review_comment"), ==,
                   "答辩提纲不符合要求。");
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");

  /* a withdrawal while the unit has not acted */
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "withdraw", "unit_review", NULL, NULL, "draft");
  assert_last_message (fixture, "declaration.withdraw", NULL);
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");

  g_assert_cmpint (count (fixture, "SELECT returns FROM declarations WHERE record_id = '%s'", id), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM declaration_snapshots WHERE record_id = '%s'", id), ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record_history WHERE record_id = '%s' AND action = 'return'",
                          id), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE object = '%s' AND action = 'declaration.return'",
                          id), ==, 3);
}

/* A determination: unit, then the issuer; no department, no committee. */
static void
test_determination (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *windows = zc_decl_test_windows_json (-10, 30, 40, 50, 50);
  g_autofree char *plan = zc_decl_test_plan_json (DETERMINATION_ID, fixture->committee_unit, zc_decl_test_this_year (), "卫生系列初定",
                                     HEALTH_TITLE, "determination", windows);
  g_autofree char *body = zc_decl_test_declaration_body (fixture, DETERMINATION_ID, NULL, NULL);
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) queue = NULL;

  zc_decl_test_store_plan (fixture->server, plan);
  id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  path = g_strdup_printf ("/api/v1/declarations/%s", id);

  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "recommend", "unit_review", NULL, NULL, "unit_recommended");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "forward", "unit_recommended", NULL, NULL, "issuer_review");
  zc_server_test_expect (fixture->server, "GET", path, fixture->department, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->committee, NULL, 404, "not_found");
  queue = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations?state=issuer_review", fixture->issuer,
                             NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (queue), "total"), ==, 1);

  zc_decl_test_act_refused (fixture, fixture->issuer, id, "issue", "issuer_review", NULL, 409, "not_allowed");
  zc_decl_test_act_ok (fixture, fixture->issuer, id, "return", "issuer_review", "请补充任职年限证明。", "{\"step\": \"attachments\"}",
          "returned");
  zc_decl_test_act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "recommend", "unit_review", NULL, NULL, "unit_recommended");
  zc_decl_test_act_ok (fixture, fixture->officer, id, "forward", "unit_recommended", NULL, NULL, "issuer_review");
  zc_decl_test_act_ok (fixture, fixture->issuer, id, "determine", "issuer_review", NULL, NULL, "certified");
  assert_last_message (fixture, "declaration.determine", NULL);
  g_assert_cmpint (count (fixture, "SELECT reached FROM declarations WHERE record_id = '%s'", id), ==,
                   ZC_DECLARATION_REACHED_ISSUER);
}

/* Batches: each action on its own, in one request. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *body = zc_decl_test_declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = zc_decl_test_create_declaration (fixture, fixture->applicant, body);
  g_autofree char *batch = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *results;

  zc_decl_test_act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  batch = g_strdup_printf ("{\"actions\": [{\"id\": \"%s\", \"action\": \"recommend\", \"expected_state\":"
                           " \"unit_review\"}, {\"id\": \"%s\", \"action\": \"recommend\", \"expected_state\":"
                           " \"unit_review\"}, {\"id\": \"7a000000-0000-4000-8000-0000000000ff\", \"action\":"
                           " \"recommend\", \"expected_state\": \"unit_review\"}]}", id, id);
  answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/declarations/actions", fixture->officer, batch, 200);
  results = json_object_get_array_member (zc_server_test_object (answer), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (results, 0), "ok"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1), "code"), ==,
                   "state_changed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 2), "code"), ==,
                   "not_found");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations/actions", fixture->officer,
                         "{\"actions\": []}", 400, "invalid_value");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/declaration-chain/full", Fixture, NULL, zc_decl_test_fixture_setup, test_full_chain, zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-chain/frozen", Fixture, NULL, zc_decl_test_fixture_setup, test_frozen, zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-chain/returns", Fixture, NULL, zc_decl_test_fixture_setup, test_returns, zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-chain/determination", Fixture, NULL, zc_decl_test_fixture_setup, test_determination,
              zc_decl_test_fixture_teardown);
  g_test_add ("/declaration-chain/batch", Fixture, NULL, zc_decl_test_fixture_setup, test_batch, zc_decl_test_fixture_teardown);

  return g_test_run ();
}
