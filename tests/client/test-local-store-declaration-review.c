/* test-local-store-declaration-review.c: the officers' declaration desk
 * on the local store: the list, the queued actions, their refusals
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-local-store.h"
#include "zc-local-store-declaration-review.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-plans.h"
#include "zc-local-store-review.h"
#include "zc-plan.h"
#include "zc-sync-message.h"

#define EPOCH "test-epoch"
#define PERSON_A "aaaaaaaa-0000-4000-8000-000000000001"
#define PERSON_B "bbbbbbbb-0000-4000-8000-000000000002"
/* tests/fixtures/plans */
#define REVIEW_PLAN "5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47"
#define DETERMINATION_PLAN "c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f"
#define UNKNOWN_PLAN "dddddddd-0000-4000-8000-000000000009"

typedef struct
{
  char         *dir;
  ZcLocalStore *store;
  gint64        seq;
  GDate         today;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static ZcPlan *
load_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  ZcPlan *plan;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  plan = zc_plan_new_from_data (data, length, FALSE, &error);
  g_assert_no_error (error);
  return plan;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);

  fixture->dir = g_dir_make_tmp ("zc-declaration-review-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "officer.sqlite", NULL);
  fixture->store = zc_local_store_open (path, &error);
  g_assert_no_error (error);
  fixture->seq = 1;
  g_ptr_array_add (plans, load_plan ("engineering-2026.json"));
  g_ptr_array_add (plans, load_plan ("determination-2026.json"));
  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 9, 3, 2026);   /* a Monday */
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A declaration as the officer's pull brings it. */
static char *
seed (Fixture    *fixture,
      const char *id,
      const char *owner,
      const char *plan_id,
      const char *state,
      gint64      version)
{
  g_autoptr(ZcRecord) record = zc_record_new (id, "declaration", owner);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_pull_response_free);
  g_autoptr(GError) error = NULL;
  ZcPullResponse *response = zc_pull_response_new (EPOCH, ++fixture->seq, 0);
  JsonObject *title = json_object_new ();

  json_object_set_string_member (body, "plan_id", plan_id);
  json_object_set_int_member (body, "plan_version", 1);
  json_object_set_string_member (title, "title", "副主任医师");
  json_object_set_object_member (body, "title", title);
  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  zc_record_set_version (record, version);
  g_ptr_array_add (response->changes, zc_change_new_put (fixture->seq, record));
  g_ptr_array_add (responses, response);
  g_assert_true (zc_local_store_apply_pull (fixture->store, responses, &error));
  g_assert_no_error (error);
  return g_strdup (zc_record_get_id (record));
}

static ZcDeclarationReviewRow *
get_row (Fixture    *fixture,
         const char *id)
{
  g_autoptr(GError) error = NULL;
  ZcDeclarationReviewRow *row = zc_local_store_declaration_review_get (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (row);
  return row;
}

static gboolean
queue_one (Fixture              *fixture,
           ZcDeclarationAction   action,
           ZcRole                role,
           const char           *id,
           const char           *comment,
           const char           *args_json,
           GError              **error)
{
  g_autoptr(ZcDeclarationReviewRow) row = get_row (fixture, id);
  g_autoptr(JsonNode) node = args_json != NULL ? json_from_string (args_json, NULL) : NULL;
  ZcDeclarationReviewTarget target = { row->id, row->state, row->version };

  return zc_local_store_declaration_review_queue (fixture->store, action, role, &target, 1, comment,
                                                  node != NULL ? json_node_get_object (node) : NULL,
                                                  &fixture->today, ZC_LANGUAGE_ENGLISH, error);
}

/* Others' declarations only, with their names, plans and states. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ZcRecord) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *bad = NULL;

  empty = zc_local_store_declaration_review_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);

  own = zc_local_store_create_declaration (fixture->store, REVIEW_PLAN, 1, &error);
  g_assert_no_error (error);
  a = seed (fixture, NULL, PERSON_A, REVIEW_PLAN, "unit_review", 3);
  b = seed (fixture, NULL, PERSON_B, DETERMINATION_PLAN, "issuer_review", 7);
  c = seed (fixture, NULL, PERSON_B, UNKNOWN_PLAN, "under_review", 2);
  bad = seed (fixture, NULL, PERSON_B, REVIEW_PLAN, "no_such_state", 2);
  g_hash_table_insert (names, (gpointer) PERSON_A, (gpointer) "张伟");
  g_assert_true (zc_local_store_review_set_person_names (fixture->store, names, &error));

  rows = zc_local_store_declaration_review_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      ZcDeclarationReviewRow *row = rows->pdata[i];

      g_assert_cmpstr (row->id, !=, zc_record_get_id (own));
      g_assert_cmpstr (row->id, !=, bad);
      g_assert_cmpint (row->action, ==, -1);
      g_assert_cmpuint (row->flags, ==, 0);
      g_assert_null (row->refusal);
      g_assert_nonnull (row->body);
      if (g_str_equal (row->id, a))
        {
          g_assert_cmpstr (row->owner_name, ==, "张伟");
          g_assert_cmpint (row->state, ==, ZC_DECLARATION_STATE_UNIT_REVIEW);
          g_assert_cmpint (row->version, ==, 3);
          g_assert_true (row->plan_known);
          g_assert_cmpint (row->plan_type, ==, ZC_PLAN_TYPE_REVIEW);
          g_assert_nonnull (row->plan_name);
        }
      else if (g_str_equal (row->id, b))
        {
          g_assert_null (row->owner_name);
          g_assert_cmpstr (row->owner_id, ==, PERSON_B);
          g_assert_cmpint (row->plan_type, ==, ZC_PLAN_TYPE_DETERMINATION);
        }
      else
        {
          g_assert_cmpstr (row->id, ==, c);
          g_assert_false (row->plan_known);
          g_assert_null (row->plan_name);
        }
    }

  /* one row; the own declaration and an unknown id are not the desk's */
  {
    g_autoptr(ZcDeclarationReviewRow) row = get_row (fixture, a);

    g_assert_cmpstr (row->plan_id, ==, REVIEW_PLAN);
    g_assert_null (zc_local_store_declaration_review_get (fixture->store, zc_record_get_id (own), &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (zc_local_store_declaration_review_get (fixture->store, "nope", &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

/* The actions a role may take, by plan type; none while one waits. */
static void
test_row_actions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *a = seed (fixture, NULL, PERSON_A, REVIEW_PLAN, "unit_review", 3);
  g_autofree char *c = seed (fixture, NULL, PERSON_A, UNKNOWN_PLAN, "issuer_review", 3);
  g_autoptr(ZcDeclarationReviewRow) row = get_row (fixture, a);
  g_autoptr(ZcDeclarationReviewRow) unknown = get_row (fixture, c);
  g_autoptr(GArray) unit = zc_declaration_review_row_actions (row, ZC_ROLE_UNIT_OFFICER);
  g_autoptr(GArray) committee = zc_declaration_review_row_actions (row, ZC_ROLE_COMMITTEE_OFFICER);
  g_autoptr(GArray) issuer = zc_declaration_review_row_actions (unknown, ZC_ROLE_ISSUER);
  g_autoptr(GArray) waiting = NULL;
  g_autoptr(GError) error = NULL;
  gboolean recommend = FALSE;

  for (guint i = 0; i < unit->len; i++)
    recommend |= g_array_index (unit, ZcDeclarationAction, i) == ZC_DECLARATION_ACTION_RECOMMEND;
  g_assert_true (recommend);
  g_assert_cmpuint (committee->len, ==, 0);
  /* the plan not cached: the determination's issuer actions count */
  g_assert_cmpuint (issuer->len, >, 0);

  g_assert_true (queue_one (fixture, ZC_DECLARATION_ACTION_RECOMMEND, ZC_ROLE_UNIT_OFFICER, a, NULL, NULL, &error));
  g_assert_no_error (error);
  zc_declaration_review_row_free (row);
  row = get_row (fixture, a);
  waiting = zc_declaration_review_row_actions (row, ZC_ROLE_UNIT_OFFICER);
  g_assert_cmpuint (waiting->len, ==, 0);
}

/* One action queued with the state and version shown; a second waits
 * for none. */
static void
test_queue_one (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = seed (fixture, NULL, PERSON_A, REVIEW_PLAN, "unit_review", 3);
  g_autoptr(ZcDeclarationReviewRow) row = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;
  ZcMutation *mutation;

  g_assert_cmpuint (zc_local_store_declaration_review_count_awaiting (fixture->store), ==, 0);
  g_assert_true (queue_one (fixture, ZC_DECLARATION_ACTION_RECOMMEND, ZC_ROLE_UNIT_OFFICER, a, "  同意推荐。 ",
                            NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);
  g_assert_cmpuint (zc_local_store_declaration_review_count_awaiting (fixture->store), ==, 1);

  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_cmpuint (outbox->len, ==, 1);
  mutation = outbox->pdata[0];
  g_assert_cmpstr (mutation->name, ==, "declaration.recommend");
  g_assert_cmpstr (mutation->record_id, ==, a);
  g_assert_cmpint (mutation->base_version, ==, 3);
  g_assert_cmpstr (mutation->expected_state, ==, "unit_review");
  g_assert_cmpstr (json_object_get_string_member (mutation->args, "comment"), ==, "同意推荐。");
  g_assert_cmpuint (json_object_get_size (mutation->args), ==, 1);

  /* the local state stays the server's; the row says what waits */
  row = get_row (fixture, a);
  g_assert_cmpint (row->state, ==, ZC_DECLARATION_STATE_UNIT_REVIEW);
  g_assert_cmpuint (row->flags, ==, ZC_DECLARATION_REVIEW_AWAITING);
  g_assert_cmpint (row->action, ==, ZC_DECLARATION_ACTION_RECOMMEND);

  g_assert_false (queue_one (fixture, ZC_DECLARATION_ACTION_RETURN, ZC_ROLE_UNIT_OFFICER, a, "退回", NULL, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);
}

/* Several in one transaction: all or none. */
static void
test_queue_batch (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *a = seed (fixture, NULL, PERSON_A, REVIEW_PLAN, "under_review", 5);
  g_autofree char *b = seed (fixture, NULL, PERSON_B, REVIEW_PLAN, "under_review", 8);
  g_autofree char *c = seed (fixture, NULL, PERSON_B, REVIEW_PLAN, "committee_intake", 4);
  g_autoptr(JsonNode) args = json_from_string ("{\"interview_at\": \"2026-03-20T09:00:00+08:00\","
                                               " \"place\": \"评审中心三楼\"}", NULL);
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;
  ZcDeclarationReviewTarget targets[] = {
    { a, ZC_DECLARATION_STATE_UNDER_REVIEW, 5 },
    { b, ZC_DECLARATION_STATE_UNDER_REVIEW, 8 },
    { c, ZC_DECLARATION_STATE_COMMITTEE_INTAKE, 4 },
  };

  /* the third is not under review: nothing is queued */
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW,
                                                           ZC_ROLE_COMMITTEE_OFFICER, targets, 3, NULL,
                                                           json_node_get_object (args), &fixture->today,
                                                           ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);

  /* a version no longer the one here: nothing */
  targets[1].seen_version = 7;
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW,
                                                           ZC_ROLE_COMMITTEE_OFFICER, targets, 2, NULL,
                                                           json_node_get_object (args), &fixture->today,
                                                           ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
  g_clear_error (&error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);

  /* the same twice */
  targets[1] = targets[0];
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW,
                                                           ZC_ROLE_COMMITTEE_OFFICER, targets, 2, NULL,
                                                           json_node_get_object (args), &fixture->today,
                                                           ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  targets[1] = (ZcDeclarationReviewTarget) { b, ZC_DECLARATION_STATE_UNDER_REVIEW, 8 };
  g_assert_true (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW,
                                                          ZC_ROLE_COMMITTEE_OFFICER, targets, 2, "请携带原件",
                                                          json_node_get_object (args), &fixture->today,
                                                          ZC_LANGUAGE_ENGLISH, &error));
  g_assert_no_error (error);
  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_cmpuint (outbox->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      ZcMutation *mutation = outbox->pdata[i];

      g_assert_cmpstr (mutation->name, ==, "declaration.schedule_interview");
      g_assert_cmpstr (mutation->record_id, ==, targets[i].id);
      g_assert_cmpint (mutation->base_version, ==, targets[i].seen_version);
      g_assert_cmpstr (mutation->expected_state, ==, "under_review");
      g_assert_cmpstr (json_object_get_string_member (mutation->args, "place"), ==, "评审中心三楼");
      g_assert_cmpstr (json_object_get_string_member (mutation->args, "comment"), ==, "请携带原件");
    }
}

/* The argument rules, offline. */
static void
test_check_args (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct
  {
    ZcDeclarationAction  action;
    const char          *comment;
    const char          *args;
    const char          *field;   /* NULL: accepted */
  } cases[] = {
    { ZC_DECLARATION_ACTION_RECOMMEND, NULL, NULL, NULL },
    { ZC_DECLARATION_ACTION_RECOMMEND, NULL, "{\"ends_on\": \"2026-03-20\"}", "ends_on" },
    { ZC_DECLARATION_ACTION_START_PUBLICITY, NULL, "{\"ends_on\": \"2026-03-13\"}", NULL },
    { ZC_DECLARATION_ACTION_START_PUBLICITY, NULL, "{\"ends_on\": \"2026-03-12\"}", "ends_on" },
    { ZC_DECLARATION_ACTION_START_PUBLICITY, NULL, "{\"ends_on\": \"2026-02-30\"}", "ends_on" },
    { ZC_DECLARATION_ACTION_START_PUBLICITY, NULL, "{\"ends_on\": 20260320}", "ends_on" },
    { ZC_DECLARATION_ACTION_START_PUBLICITY, NULL, NULL, "ends_on" },
    { ZC_DECLARATION_ACTION_END_PUBLICITY, NULL, "{\"objections\": \"无\"}", NULL },
    { ZC_DECLARATION_ACTION_END_PUBLICITY, NULL, "{\"objections\": 1}", "objections" },
    { ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW, NULL,
      "{\"interview_at\": \"2026-03-09T15:00:00+08:00\", \"place\": \"会议室\"}", NULL },
    { ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW, NULL,
      "{\"interview_at\": \"2026-03-08T15:00:00+08:00\", \"place\": \"会议室\"}", "interview_at" },
    { ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW, NULL,
      "{\"interview_at\": \"2026-03-20 15:00\", \"place\": \"会议室\"}", "interview_at" },
    { ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW, NULL,
      "{\"interview_at\": \"2026-03-20T15:00:00+08:00\", \"place\": \"一楼\\n二楼\"}", "place" },
    { ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW, NULL,
      "{\"interview_at\": \"2026-03-20T15:00:00+08:00\", \"place\": \"\"}", "place" },
    { ZC_DECLARATION_ACTION_RECORD_PASS, NULL,
      "{\"votes_for\": 9, \"votes_against\": 0, \"votes_abstain\": 1}", NULL },
    { ZC_DECLARATION_ACTION_RECORD_PASS, NULL, NULL, "votes_for" },
    { ZC_DECLARATION_ACTION_RECORD_PASS, NULL,
      "{\"votes_for\": 101, \"votes_against\": 0, \"votes_abstain\": 1}", "votes_for" },
    { ZC_DECLARATION_ACTION_RECORD_PASS, NULL,
      "{\"votes_for\": \"9\", \"votes_against\": 0, \"votes_abstain\": 1}", "votes_for" },
    { ZC_DECLARATION_ACTION_RECORD_FAIL, "未通过", NULL, NULL },
    { ZC_DECLARATION_ACTION_RECORD_FAIL, "未通过", "{\"votes_for\": 1}", "votes_for" },
    { ZC_DECLARATION_ACTION_RETURN, "补材料", "{\"step\": \"achievements\"}", NULL },
    { ZC_DECLARATION_ACTION_RETURN, "补材料", "{\"step\": \"nowhere\"}", "step" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = cases[i].args != NULL ? json_from_string (cases[i].args, NULL) : NULL;
      gboolean ok = zc_declaration_review_check_args (cases[i].action, cases[i].comment,
                                                      node != NULL ? json_node_get_object (node) : NULL,
                                                      &fixture->today, ZC_LANGUAGE_ENGLISH, &error);

      if (cases[i].field == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_autofree char *prefix = g_strconcat (cases[i].field, ": ", NULL);

          g_assert_false (ok);
          g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message, prefix));
          g_clear_error (&error);
        }
    }

  /* a reason is required to return; an applicant's action is not the desk's */
  g_assert_false (zc_declaration_review_check_args (ZC_DECLARATION_ACTION_RETURN, NULL, NULL, &fixture->today,
                                                    ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_clear_error (&error);
  g_assert_false (zc_declaration_review_check_args (ZC_DECLARATION_ACTION_SUBMIT, NULL, NULL, NULL,
                                                    ZC_LANGUAGE_LOCALE, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
}

/* Refusals of the queue itself: nothing written. */
static void
test_queue_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *a = seed (fixture, NULL, PERSON_A, REVIEW_PLAN, "unit_review", 3);
  g_autoptr(ZcRecord) own = NULL;
  g_autoptr(GError) error = NULL;
  ZcDeclarationReviewTarget target = { a, ZC_DECLARATION_STATE_UNIT_REVIEW, 3 };

  /* another level's action */
  g_assert_false (queue_one (fixture, ZC_DECLARATION_ACTION_PASS, ZC_ROLE_UNIT_OFFICER, a, NULL, NULL, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (queue_one (fixture, ZC_DECLARATION_ACTION_RECOMMEND, ZC_ROLE_COMMITTEE_OFFICER, a, NULL, NULL,
                             &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* a return without its reason; blank counts as none */
  g_assert_false (queue_one (fixture, ZC_DECLARATION_ACTION_RETURN, ZC_ROLE_UNIT_OFFICER, a, "   ", NULL, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_clear_error (&error);
  /* the state shown is no longer the one here */
  target.seen_state = ZC_DECLARATION_STATE_UNIT_RECOMMENDED;
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_START_PUBLICITY,
                                                           ZC_ROLE_UNIT_OFFICER, &target, 1, NULL, NULL,
                                                           &fixture->today, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_nonnull (error);   /* ends_on missing comes first */
  g_clear_error (&error);
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_RECOMMEND,
                                                           ZC_ROLE_UNIT_OFFICER, &target, 1, NULL, NULL,
                                                           &fixture->today, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
  g_clear_error (&error);
  /* none chosen, a bad id, one not here, the officer's own */
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_RECOMMEND,
                                                           ZC_ROLE_UNIT_OFFICER, NULL, 0, NULL, NULL, NULL,
                                                           ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  target = (ZcDeclarationReviewTarget) { "not-an-id", ZC_DECLARATION_STATE_UNIT_REVIEW, 3 };
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_RECOMMEND,
                                                           ZC_ROLE_UNIT_OFFICER, &target, 1, NULL, NULL, NULL,
                                                           ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  target.id = PERSON_B;
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_RECOMMEND,
                                                           ZC_ROLE_UNIT_OFFICER, &target, 1, NULL, NULL, NULL,
                                                           ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  own = zc_local_store_create_declaration (fixture->store, REVIEW_PLAN, 1, &error);
  g_assert_no_error (error);
  target.id = zc_record_get_id (own);
  g_assert_false (zc_local_store_declaration_review_queue (fixture->store, ZC_DECLARATION_ACTION_RECOMMEND,
                                                           ZC_ROLE_UNIT_OFFICER, &target, 1, NULL, NULL, NULL,
                                                           ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* only the draft's own record.put is queued */
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);
  g_assert_cmpuint (zc_local_store_declaration_review_count_awaiting (fixture->store), ==, 0);
}

/* Each level acts until its deadline in the plan, as the server rules:
 * refused offline after it, nothing queued. */
static void
test_deadlines (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *at_unit = seed (fixture, NULL, PERSON_A, REVIEW_PLAN, "unit_review", 3);
  g_autofree char *at_department = seed (fixture, NULL, PERSON_B, REVIEW_PLAN, "department_review", 5);
  g_autoptr(ZcDeclarationReviewRow) row = get_row (fixture, at_unit);
  g_autoptr(GDateTime) unit_deadline = g_date_time_new_from_iso8601 ("2026-05-31T23:59:59+08:00", NULL);
  g_autoptr(GDateTime) department_deadline = g_date_time_new_from_iso8601 ("2026-06-15T23:59:59+08:00", NULL);
  g_autoptr(GError) error = NULL;

  /* the deadlines come from the cached plan, by role */
  g_assert_cmpint (zc_declaration_review_row_get_deadline (row, ZC_ROLE_UNIT_OFFICER), ==,
                   g_date_time_to_unix (unit_deadline) * G_USEC_PER_SEC);
  g_assert_cmpint (zc_declaration_review_row_get_deadline (row, ZC_ROLE_DEPARTMENT_OFFICER), ==,
                   g_date_time_to_unix (department_deadline) * G_USEC_PER_SEC);
  g_assert_cmpint (zc_declaration_review_row_get_deadline (row, ZC_ROLE_COMMITTEE_OFFICER), ==, 0);
  g_assert_cmpint (zc_declaration_review_row_get_deadline (row, ZC_ROLE_ISSUER), ==, 0);

  /* the day after the units' deadline: the unit is refused, the
   * department not yet */
  g_date_set_dmy (&fixture->today, 1, 6, 2026);
  g_assert_false (queue_one (fixture, ZC_DECLARATION_ACTION_RECOMMEND, ZC_ROLE_UNIT_OFFICER, at_unit, NULL, NULL,
                             &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "The plan's deadline for the units has passed.");
  g_clear_error (&error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);
  g_assert_true (queue_one (fixture, ZC_DECLARATION_ACTION_PASS, ZC_ROLE_DEPARTMENT_OFFICER, at_department, NULL,
                            NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);

  /* on its last day the unit still acts */
  g_date_set_dmy (&fixture->today, 31, 5, 2026);
  g_assert_true (queue_one (fixture, ZC_DECLARATION_ACTION_RECOMMEND, ZC_ROLE_UNIT_OFFICER, at_unit, NULL, NULL,
                            &error));
  g_assert_no_error (error);
}

/* The server refuses a stale action: the row says so, with the reason;
 * the newer copy pulled, the officer acts anew. */
static void
test_refused_by_server (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *a = seed (fixture, NULL, PERSON_A, REVIEW_PLAN, "unit_review", 3);
  g_autoptr(ZcDeclarationReviewRow) row = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(ZcPushResult) result = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mutation_id;

  g_assert_true (queue_one (fixture, ZC_DECLARATION_ACTION_RECOMMEND, ZC_ROLE_UNIT_OFFICER, a, NULL, NULL, &error));
  outbox = zc_local_store_list_outbox (fixture->store, &error);
  mutation_id = ((ZcMutation *) outbox->pdata[0])->id;
  result = zc_push_result_new (mutation_id);
  g_ptr_array_add (result->rejections, zc_rejection_new (mutation_id, "STATE_CHANGED", "已被他人处理"));
  g_assert_true (zc_local_store_apply_push (fixture->store, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zc_local_store_declaration_review_count_awaiting (fixture->store), ==, 0);

  /* the other officer's return arrives with the pull */
  g_free (seed (fixture, a, PERSON_A, REVIEW_PLAN, "returned", 4));
  row = get_row (fixture, a);
  g_assert_cmpuint (row->flags, ==, ZC_DECLARATION_REVIEW_REFUSED);
  g_assert_cmpint (row->action, ==, ZC_DECLARATION_ACTION_RECOMMEND);
  g_assert_cmpstr (row->refusal, ==, "已被他人处理");
  g_assert_cmpint (row->state, ==, ZC_DECLARATION_STATE_RETURNED);
  g_assert_cmpint (row->version, ==, 4);
  rejections = zc_local_store_list_rejections (fixture->store, &error);
  g_assert_cmpuint (rejections->len, ==, 1);

  /* resubmitted: acted on anew, waiting again */
  g_free (seed (fixture, a, PERSON_A, REVIEW_PLAN, "unit_review", 5));
  g_assert_true (queue_one (fixture, ZC_DECLARATION_ACTION_RECOMMEND, ZC_ROLE_UNIT_OFFICER, a, NULL, NULL, &error));
  g_assert_no_error (error);
  zc_declaration_review_row_free (row);
  row = get_row (fixture, a);
  g_assert_cmpuint (row->flags, ==, ZC_DECLARATION_REVIEW_AWAITING);
  g_assert_null (row->refusal);
  /* the refusal it answers is dismissed */
  g_clear_pointer (&rejections, g_ptr_array_unref);
  rejections = zc_local_store_list_rejections (fixture->store, &error);
  g_assert_cmpuint (rejections->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

#define ADD(path, func) \
  g_test_add ("/local-store-declaration-review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("row-actions", test_row_actions);
  ADD ("queue-one", test_queue_one);
  ADD ("queue-batch", test_queue_batch);
  ADD ("check-args", test_check_args);
  ADD ("queue-refused", test_queue_refused);
  ADD ("refused-by-server", test_refused_by_server);
  ADD ("deadlines", test_deadlines);
#undef ADD

  return g_test_run ();
}
