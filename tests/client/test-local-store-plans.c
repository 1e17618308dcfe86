/* test-local-store-plans.c: the cached review plans, the plans list of
 * the API, and the declarations the home page reads
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "zc-api-client.h"
#include "zc-i18n.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-home.h"
#include "zc-local-store-migrations.h"
#include "zc-local-store-plans.h"
#include "zc-test-server.h"

#define ENGINEERING_ID "5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47"
#define DETERMINATION_ID "c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f"
#define LABORATORY_ID "0f6a2b9c-3d4e-4f5a-8b6c-7d8e9f0a1b2c"

typedef struct
{
  char         *dir;
  char         *path;
  ZcLocalStore *store;
  guint         plan_signals;
} Fixture;

static void
on_changed (ZcLocalStore *store,
            const char   *id,
            const char   *kind,
            Fixture      *fixture)
{
  if (g_strcmp0 (kind, ZC_LOCAL_STORE_PLAN_KIND) == 0)
    {
      g_assert_null (id);
      fixture->plan_signals++;
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zc-plans-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
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
  g_assert_no_error (error);
  plan = zc_plan_new_from_data (data, length, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static GPtrArray *
plans_of (const char *first,
          ...)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (plans, load_plan (name));
  va_end (args);
  return plans;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
seed_declaration (ZcLocalStore *store,
                  const char   *plan_id,
                  gint64        plan_version,
                  const char   *state)
{
  g_autoptr(ZcRecord) record = zc_record_new (NULL, "declaration", zc_local_store_get_owner_id (store));
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (body, "plan_id", plan_id);
  json_object_set_int_member (body, "plan_version", plan_version);
  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  zc_record_set_version (record, 2);
  g_assert_true (zc_local_store_put_server_record (store, record, &error));
  g_assert_no_error (error);
}

/* Replace, list (newest year first), get by version, refreshed time. */
static void
test_replace_list_get (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = plans_of ("determination-2026.json", "cplans-laboratory-2025-closed.json",
                                         "engineering-2026.json", NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time ();

  g_assert_cmpint (zc_local_store_get_plans_refreshed_at (fixture->store), ==, 0);
  listed = zc_local_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->plan_signals, ==, 1);
  g_assert_cmpint (zc_local_store_get_plans_refreshed_at (fixture->store), >=, before);

  listed = zc_local_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_cmpint (zc_plan_get_year (g_ptr_array_index (listed, 0)), ==, 2026);
  g_assert_cmpint (zc_plan_get_year (g_ptr_array_index (listed, 1)), ==, 2026);
  g_assert_cmpstr (zc_plan_get_id (g_ptr_array_index (listed, 2)), ==, LABORATORY_ID);

  plan = zc_local_store_get_plan (fixture->store, ENGINEERING_ID, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_plan_get_name (plan), ==, "2026年度工程技术系列职称评审");
  g_assert_cmpuint (zc_plan_get_n_condition_groups (plan), ==, 2);
  g_clear_pointer (&plan, zc_plan_unref);
  plan = zc_local_store_get_plan (fixture->store, DETERMINATION_ID, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_plan_get_version (plan), ==, 2);
  g_clear_pointer (&plan, zc_plan_unref);

  /* a version or a plan that is not here */
  plan = zc_local_store_get_plan (fixture->store, DETERMINATION_ID, 1, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (plan);
  g_clear_error (&error);
  plan = zc_local_store_get_plan (fixture->store, "00000000-0000-4000-8000-000000000000", 0, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (plan);
  g_clear_error (&error);
  plan = zc_local_store_get_plan (fixture->store, "", 0, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* an empty list empties the cache */
  g_ptr_array_set_size (plans, 0);
  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = zc_local_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_cmpuint (fixture->plan_signals, ==, 2);
}

/* A plan the server has not set up (no id) is refused and nothing changes. */
static void
test_replace_refuses_incomplete (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = plans_of ("engineering-2026.json", NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPlan) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  static const char *const server_set[] = {
    "id", "version", "state", "committee_id", "committee_name", "published_at", "closed_at",
  };

  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  /* as a committee would send it: without what the server sets */
  node = zc_plan_to_json (g_ptr_array_index (plans, 0));
  for (guint i = 0; i < G_N_ELEMENTS (server_set); i++)
    json_object_remove_member (json_node_get_object (node), server_set[i]);
  copy = zc_plan_new_from_json (node, TRUE, &error);
  g_assert_no_error (error);
  g_assert_null (zc_plan_get_id (copy));
  g_ptr_array_add (plans, zc_plan_ref (copy));
  g_assert_false (zc_local_store_replace_plans (fixture->store, plans, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->plan_signals, ==, 1);

  listed = zc_local_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (zc_plan_get_version (g_ptr_array_index (listed, 0)), ==, 1);
}

/* A revised plan replaces the old version, unless a local declaration
 * was made under it; a plan gone from the list stays for it too. */
static void
test_versions_kept_for_declarations (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = plans_of ("engineering-2026.json", "determination-2026.json", NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(ZcPlan) revised = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  seed_declaration (fixture->store, ENGINEERING_ID, 1, "unit_review");

  /* version 2 of the engineering plan; the determination plan is gone */
  revised = zc_plan_copy (g_ptr_array_index (plans, 0));
  zc_plan_set_version (revised, 2);
  g_ptr_array_set_size (plans, 0);
  g_ptr_array_add (plans, zc_plan_ref (revised));
  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  g_assert_no_error (error);

  plan = zc_local_store_get_plan (fixture->store, ENGINEERING_ID, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_plan_get_version (plan), ==, 2);
  g_clear_pointer (&plan, zc_plan_unref);
  plan = zc_local_store_get_plan (fixture->store, ENGINEERING_ID, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_plan_get_version (plan), ==, 1);
  g_clear_pointer (&plan, zc_plan_unref);
  plan = zc_local_store_get_plan (fixture->store, DETERMINATION_ID, 0, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the list has one entry per plan, its newest version */
  listed = zc_local_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (zc_plan_get_version (g_ptr_array_index (listed, 0)), ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* withdrawn from the list: the version declared under stays */
  g_ptr_array_set_size (plans, 0);
  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  listed = zc_local_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (zc_plan_get_version (g_ptr_array_index (listed, 0)), ==, 1);
}

/* A cached copy that does not read is skipped with a warning. */
static void
test_bad_cached_plan_skipped (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = plans_of ("engineering-2026.json", NULL);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  exec_sql (fixture->path,
            "INSERT INTO plans (id, version, year, body, current, fetched_at) VALUES"
            " ('11111111-1111-4111-8111-111111111111', 1, 2027, 'not json at all', 1, 1),"
            " ('22222222-2222-4222-8222-222222222222', 1, 2027, '{\"id\": 5, \"year\": \"2027\"}', 1, 1),"
            " ('33333333-3333-4333-8333-333333333333', 1, 2027, '[]', 1, 1);");

  g_test_expect_message ("zc-local-store", G_LOG_LEVEL_WARNING, "*11111111-1111-4111-8111-111111111111*");
  g_test_expect_message ("zc-local-store", G_LOG_LEVEL_WARNING, "*22222222-2222-4222-8222-222222222222*");
  g_test_expect_message ("zc-local-store", G_LOG_LEVEL_WARNING, "*33333333-3333-4333-8333-333333333333*");
  listed = zc_local_store_list_plans (fixture->store, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (zc_plan_get_id (g_ptr_array_index (listed, 0)), ==, ENGINEERING_ID);

  g_test_expect_message ("zc-local-store", G_LOG_LEVEL_WARNING, "*22222222-2222-4222-8222-222222222222*");
  plan = zc_local_store_get_plan (fixture->store, "22222222-2222-4222-8222-222222222222", 0, &error);
  g_test_assert_expected_messages ();
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (plan);
}

/* The answer of GET /api/v1/plans: plans read, an odd one left out. */
static void
test_parse_plans_answer (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", "engineering-2026.json", NULL);
  g_autofree char *plan_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const bad_answers[] = {
    "[]", "{}", "{\"plans\": 3}", "{\"plans\": {}}", "\"plans\"",
  };

  g_assert_true (g_file_get_contents (path, &plan_text, NULL, NULL));
  text = g_strdup_printf ("{\"plans\": [%s, {\"id\": \"x\"}, 7], \"next_cursor\": null}", plan_text);
  answer = json_from_string (text, &error);
  g_assert_no_error (error);
  plans = zc_api_client_parse_plans (answer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpstr (zc_plan_get_id (g_ptr_array_index (plans, 0)), ==, ENGINEERING_ID);
  g_clear_pointer (&plans, g_ptr_array_unref);
  g_clear_pointer (&answer, json_node_unref);

  answer = json_from_string ("{\"plans\": []}", NULL);
  plans = zc_api_client_parse_plans (answer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 0);
  g_clear_pointer (&plans, g_ptr_array_unref);
  g_clear_pointer (&answer, json_node_unref);

  for (guint i = 0; i < G_N_ELEMENTS (bad_answers); i++)
    {
      answer = json_from_string (bad_answers[i], NULL);
      plans = zc_api_client_parse_plans (answer, &error);
      g_assert_error (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL);
      g_assert_null (plans);
      g_clear_error (&error);
      g_clear_pointer (&answer, json_node_unref);
    }
  plans = zc_api_client_parse_plans (NULL, &error);
  g_assert_error (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL);
  g_assert_null (plans);
}

/* The declarations the home page lists: plan, state, changes waiting,
 * the deadline that matters and when it warns. */
static void
test_declaration_items (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = plans_of ("engineering-2026.json", NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ZcRecord) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) close = g_date_time_new_from_iso8601 ("2026-04-28T12:00:00+08:00", NULL);
  g_autoptr(GDateTime) far = g_date_time_new_from_iso8601 ("2026-04-01T12:00:00+08:00", NULL);
  g_autoptr(GDateTime) past = g_date_time_new_from_iso8601 ("2026-05-01T00:00:00+08:00", NULL);
  ZcDeclarationItem *item;

  items = zc_local_store_list_declaration_items (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  seed_declaration (fixture->store, LABORATORY_ID, 3, "certified");
  draft = zc_local_store_create_declaration (fixture->store, ENGINEERING_ID, 1, &error);
  g_assert_no_error (error);

  items = zc_local_store_list_declaration_items (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (zc_record_get_id (item->record), ==, zc_record_get_id (draft));
  g_assert_true (item->state_known);
  g_assert_cmpint (item->state, ==, ZC_DECLARATION_STATE_DRAFT);
  g_assert_cmpuint (item->n_waiting, >=, 1);
  g_assert_nonnull (item->plan);
  g_assert_true (g_date_time_equal (zc_declaration_item_get_deadline (item),
                                    zc_plan_get_window (item->plan, ZC_PLAN_WINDOW_FIRST_SUBMISSION_DEADLINE)));
  g_assert_true (zc_declaration_item_deadline_is_close (item, close));
  g_assert_false (zc_declaration_item_deadline_is_close (item, far));
  g_assert_false (zc_declaration_item_deadline_is_close (item, past));
  /* nothing waiting: no warning however close */
  item->n_waiting = 0;
  g_assert_false (zc_declaration_item_deadline_is_close (item, close));

  /* the plan of the other is not cached; a final state has no deadline */
  item = g_ptr_array_index (items, 1);
  g_assert_null (item->plan);
  g_assert_cmpint (item->state, ==, ZC_DECLARATION_STATE_CERTIFIED);
  g_assert_cmpuint (item->n_waiting, ==, 0);
  g_assert_null (zc_declaration_item_get_deadline (item));
  g_assert_false (zc_declaration_item_deadline_is_close (item, close));
}

/* The messages about one record, oldest first; others left out. */
static void
test_record_messages (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;

  exec_sql (fixture->path,
            "INSERT INTO records (id, kind, owner_id, body, state, created_at, updated_at) VALUES"
            " ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'message', 'ffffffff-ffff-4fff-8fff-ffffffffffff',"
            "  '{\"record_id\": \"dddddddd-dddd-4ddd-8ddd-dddddddddddd\", \"action\": \"declaration.recommend\"}', 'unread', 20, 20),"
            " ('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'message', 'ffffffff-ffff-4fff-8fff-ffffffffffff',"
            "  '{\"record_id\": \"dddddddd-dddd-4ddd-8ddd-dddddddddddd\", \"action\": \"declaration.submit\"}', 'read', 10, 10),"
            " ('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'message', 'ffffffff-ffff-4fff-8fff-ffffffffffff',"
            "  '{\"record_id\": \"eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee\"}', 'unread', 5, 5);");

  messages = zc_local_store_list_record_messages (fixture->store, "dddddddd-dddd-4ddd-8ddd-dddddddddddd", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 2);
  g_assert_cmpstr (zc_record_get_id (g_ptr_array_index (messages, 0)), ==, "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
  g_clear_pointer (&messages, g_ptr_array_unref);

  messages = zc_local_store_list_record_messages (fixture->store, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 0);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
list_from_server (ZcApiClient  *api,
                  GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  zc_api_client_list_plans_async (api, NULL, on_listed, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return zc_api_client_list_plans_finish (api, result, error);
}

/* The real server's list, as an applicant sees it, into the cache;
 * without a session the call fails and the cache stays. */
static void
test_list_from_server (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const demo[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(ZcApiClient) api = zc_api_client_new (server->url);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  /* not signed in */
  plans = list_from_server (api, &error);
  g_assert_error (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED);
  g_assert_null (plans);
  g_clear_error (&error);

  zc_api_client_set_token (api, token);
  plans = list_from_server (api, &error);
  g_assert_no_error (error);
  /* the demo's published plans; its draft is its committee's alone */
  g_assert_cmpuint (plans->len, ==, 2);
  for (guint i = 0; i < plans->len; i++)
    g_assert_cmpint (zc_plan_get_state (g_ptr_array_index (plans, i)), !=, ZC_PLAN_STATE_DRAFT);
  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  listed = zc_local_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (listed->len, ==, 2);

  zc_test_server_stop (server);
}

/* The plans table comes with the latest migration. */
static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpuint (zc_local_store_migrations_get_latest (), >=, 3);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'plans'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add ("/local-store-plans/schema", Fixture, NULL, fixture_set_up, test_schema, fixture_tear_down);
  g_test_add ("/local-store-plans/replace-list-get", Fixture, NULL,
              fixture_set_up, test_replace_list_get, fixture_tear_down);
  g_test_add ("/local-store-plans/replace-refuses-incomplete", Fixture, NULL,
              fixture_set_up, test_replace_refuses_incomplete, fixture_tear_down);
  g_test_add ("/local-store-plans/versions-kept-for-declarations", Fixture, NULL,
              fixture_set_up, test_versions_kept_for_declarations, fixture_tear_down);
  g_test_add ("/local-store-plans/bad-cached-plan-skipped", Fixture, NULL,
              fixture_set_up, test_bad_cached_plan_skipped, fixture_tear_down);
  g_test_add_func ("/local-store-plans/parse-plans-answer", test_parse_plans_answer);
  g_test_add ("/local-store-plans/declaration-items", Fixture, NULL,
              fixture_set_up, test_declaration_items, fixture_tear_down);
  g_test_add ("/local-store-plans/list-from-server", Fixture, NULL,
              fixture_set_up, test_list_from_server, fixture_tear_down);
  g_test_add ("/local-store-plans/record-messages", Fixture, NULL,
              fixture_set_up, test_record_messages, fixture_tear_down);

  return g_test_run ();
}
