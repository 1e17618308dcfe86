/* test-sync-engine.c: the sync engine and the local store's sync side,
 * against the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-local-store.h"
#include "zc-session.h"
#include "zc-sync-engine.h"
#include "zc-sync-message.h"
#include "zc-test-client.h"
#include "zc-test-server.h"

#define KIND "archive:annual-assessments"

/* Helpers */

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
assessment_body (int         year,
                 const char *assessed_by)
{
  g_autofree char *json = g_strdup_printf ("{\"year\": %d, \"result\": \"1\", \"assessed_by\": \"%s\"}",
                                           year, assessed_by);
  return parse_object (json);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A store in a folder of its own, bound to a made-up account. */
typedef struct
{
  char         *dir;
  char         *path;
  char         *account_id;
  ZcLocalStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zc-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  fixture->account_id = zc_uuid_new ();
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (zc_local_store_bind_account (fixture->store, fixture->account_id, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  zc_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->account_id);
}

static ZcRecord *
create_entry (ZcLocalStore *store,
              int           year,
              const char   *assessed_by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = assessment_body (year, assessed_by);
  ZcRecord *record = zc_local_store_create_entry (store, KIND, body, &error);

  g_assert_no_error (error);
  return record;
}

/* A record as the server sends it. */
static ZcRecord *
server_record (const char *id,
               const char *owner_id,
               gint64      version,
               const char *state,
               const char *assessed_by)
{
  g_autoptr(JsonObject) body = assessment_body (2019, assessed_by);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ZcRecord *record = zc_record_new (id, KIND, owner_id);

  zc_record_set_body (record, body);
  zc_record_set_version (record, version);
  zc_record_set_state (record, state);
  zc_record_set_created_at (record, now);
  zc_record_set_updated_at (record, now);
  return record;
}

static const char *
body_string (ZcRecord   *record,
             const char *member)
{
  JsonNode *node = json_object_get_member (zc_record_get_body (record), member);

  g_assert_nonnull (node);
  return json_node_get_string (node);
}

/* The local store's sync side, without a server */

static void
test_bind_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-sync-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "store.sqlite", NULL);
  g_autofree char *account = zc_uuid_new ();
  g_autofree char *other = zc_uuid_new ();
  g_autofree char *placeholder_owner = NULL;
  g_autoptr(ZcLocalStore) store = zc_local_store_open (path, &error);
  g_autoptr(ZcRecord) before = NULL;
  g_autoptr(ZcRecord) after = NULL;
  g_autoptr(ZcRecord) reread = NULL;

  g_assert_no_error (error);
  placeholder_owner = g_strdup (zc_local_store_get_owner_id (store));
  before = create_entry (store, 2018, "甲");
  g_assert_cmpstr (zc_record_get_owner_id (before), ==, placeholder_owner);

  /* bad ids are refused, nothing changes */
  g_assert_false (zc_local_store_bind_account (store, "not-a-uuid", &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zc_local_store_bind_account (store, "", &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (zc_local_store_get_owner_id (store), ==, placeholder_owner);

  /* the first account takes the placeholder's records over */
  g_assert_true (zc_local_store_bind_account (store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zc_local_store_get_owner_id (store), ==, account);
  reread = zc_local_store_get_record (store, zc_record_get_id (before), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_record_get_owner_id (reread), ==, account);
  after = create_entry (store, 2019, "乙");
  g_assert_cmpstr (zc_record_get_owner_id (after), ==, account);

  /* the same account again is fine, another is refused */
  g_assert_true (zc_local_store_bind_account (store, account, &error));
  g_assert_no_error (error);
  g_assert_false (zc_local_store_bind_account (store, other, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* and the binding survives reopening */
  g_clear_object (&store);
  store = zc_local_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_local_store_get_owner_id (store), ==, account);
  {
    g_autofree char *bound = zc_local_store_get_meta (store, "account_id");
    g_assert_cmpstr (bound, ==, account);
  }

  g_clear_object (&store);
  zc_test_rm_rf (dir);
}

static void
test_placeholder_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("zc-sync-home-XXXXXX", &error);
  g_autofree char *account = zc_uuid_new ();
  g_autofree char *second = zc_uuid_new ();
  g_autofree char *placeholder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *second_path = NULL;
  g_autoptr(ZcLocalStore) store = NULL;
  g_autoptr(ZcRecord) entry = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  placeholder = zc_local_store_default_path (ZC_LOCAL_STORE_LOCAL_ACCOUNT);
  g_assert_true (g_str_has_prefix (placeholder, home));

  /* bad account ids */
  g_assert_null (zc_local_store_open_path_for_account ("../x", TRUE, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* nothing to take over: the account's own file */
  path = zc_local_store_open_path_for_account (account, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, ".sqlite"));
  g_assert_nonnull (strstr (path, account));

  /* work done before signing in moves to the first account */
  store = zc_local_store_open (placeholder, &error);
  g_assert_no_error (error);
  entry = create_entry (store, 2017, "丙");
  g_clear_object (&store);

  g_clear_pointer (&path, g_free);
  path = zc_local_store_open_path_for_account (account, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (placeholder, G_FILE_TEST_EXISTS));
  store = zc_local_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (zc_local_store_bind_account (store, account, &error));
  records = zc_local_store_list_records (store, KIND, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (zc_record_get_id (g_ptr_array_index (records, 0)), ==, zc_record_get_id (entry));
  g_assert_cmpuint (zc_local_store_get_outbox_count (store), ==, 1);
  g_clear_object (&store);

  /* a placeholder bound to an account is not taken by another one */
  store = zc_local_store_open (placeholder, &error);
  g_assert_no_error (error);
  g_assert_true (zc_local_store_bind_account (store, account, &error));
  g_clear_object (&store);
  second_path = zc_local_store_open_path_for_account (second, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (placeholder, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (second_path, G_FILE_TEST_EXISTS));

  g_unsetenv ("XDG_DATA_HOME");
  zc_test_rm_rf (home);
}

static void
test_meta (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = zc_local_store_get_meta (fixture->store, "cursor");
  g_autofree char *value = NULL;

  g_assert_null (missing);
  g_assert_true (zc_local_store_set_meta (fixture->store, "cursor", "abc", &error));
  g_assert_no_error (error);
  value = zc_local_store_get_meta (fixture->store, "cursor");
  g_assert_cmpstr (value, ==, "abc");
  g_assert_true (zc_local_store_set_meta (fixture->store, "cursor", "", &error));
  g_clear_pointer (&value, g_free);
  value = zc_local_store_get_meta (fixture->store, "cursor");
  g_assert_cmpstr (value, ==, "");
  g_assert_true (zc_local_store_set_meta (fixture->store, "cursor", NULL, &error));
  g_clear_pointer (&value, g_free);
  value = zc_local_store_get_meta (fixture->store, "cursor");
  g_assert_null (value);
}

static void
test_pending_and_push (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) a = create_entry (fixture->store, 2015, "甲");
  g_autoptr(ZcRecord) b = create_entry (fixture->store, 2016, "乙");
  g_autoptr(ZcRecord) c = create_entry (fixture->store, 2017, "丙");
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(ZcPushResult) result = NULL;
  g_autoptr(JsonNode) client_value = json_node_init_string (json_node_alloc (), "乙方");
  g_autoptr(JsonNode) server_value = json_node_init_string (json_node_alloc (), "服务器");

  pending = zc_local_store_list_pending (fixture->store, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 3);
  g_assert_cmpint (((ZcMutation *) pending->pdata[0])->id, ==, 1);
  g_assert_cmpint (((ZcMutation *) pending->pdata[2])->id, ==, 3);
  g_clear_pointer (&pending, g_ptr_array_unref);

  /* the limit holds; zero gives nothing */
  pending = zc_local_store_list_pending (fixture->store, 2, &error);
  g_assert_cmpuint (pending->len, ==, 2);
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = zc_local_store_list_pending (fixture->store, 0, &error);
  g_assert_cmpuint (pending->len, ==, 0);
  g_clear_pointer (&pending, g_ptr_array_unref);

  pending = zc_local_store_list_pending (fixture->store, 500, &error);
  g_assert_true (zc_local_store_mark_sending (fixture->store, pending, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count (*) FROM outbox WHERE status = 'sending' AND attempts = 1"),
                   ==, 3);

  /* 1 applied, 2 rejected, 3 applied with a conflict */
  result = zc_push_result_new (3);
  g_ptr_array_add (result->rejections, zc_rejection_new (2, "STATE_CHANGED", "已审核，不能修改"));
  g_ptr_array_add (result->conflicts, zc_conflict_new (zc_record_get_id (c), "assessed_by",
                                                       client_value, server_value, 3));
  g_assert_true (zc_local_store_apply_push (fixture->store, result, &error));
  g_assert_no_error (error);

  /* the rejected one stays, out of the count; the others are gone */
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count (*) FROM outbox"), ==, 1);
  g_assert_cmpint (raw_int (fixture->path, "SELECT mutation_id FROM outbox"), ==, 2);
  g_assert_cmpint (raw_int (fixture->path, "SELECT dirty FROM records WHERE dirty = 0 LIMIT 1"), ==, 0);
  pending = zc_local_store_list_pending (fixture->store, 500, &error);
  g_assert_cmpuint (pending->len, ==, 0);

  rejections = zc_local_store_list_rejections (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejections->len, ==, 1);
  {
    ZcLocalRejection *rejection = rejections->pdata[0];

    g_assert_cmpint (rejection->mutation->id, ==, 2);
    g_assert_cmpstr (rejection->mutation->record_id, ==, zc_record_get_id (b));
    g_assert_cmpstr (rejection->kind, ==, KIND);
    g_assert_cmpstr (rejection->code, ==, "STATE_CHANGED");
    g_assert_cmpstr (rejection->message, ==, "已审核，不能修改");
    g_assert_nonnull (rejection->created_at);
  }

  conflicts = zc_local_store_list_conflicts (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((ZcConflict *) conflicts->pdata[0])->field, ==, "assessed_by");
  g_assert_cmpstr (json_node_get_string (((ZcConflict *) conflicts->pdata[0])->client_value), ==, "乙方");
  g_assert_cmpstr (json_node_get_string (((ZcConflict *) conflicts->pdata[0])->server_value), ==, "服务器");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* a replayed answer adds nothing */
  g_assert_true (zc_local_store_apply_push (fixture->store, result, &error));
  g_clear_pointer (&rejections, g_ptr_array_unref);
  rejections = zc_local_store_list_rejections (fixture->store, &error);
  g_assert_cmpuint (rejections->len, ==, 1);
  conflicts = zc_local_store_list_conflicts (fixture->store, zc_record_get_id (c), &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = zc_local_store_list_conflicts (fixture->store, zc_record_get_id (a), &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* resolving keeps the client's value as a new edit */
  {
    g_autoptr(JsonObject) chosen = assessment_body (2017, "乙方");
    g_autoptr(ZcRecord) reread = NULL;

    g_assert_true (zc_local_store_resolve_conflicts (fixture->store, zc_record_get_id (c), chosen, &error));
    g_assert_no_error (error);
    conflicts = zc_local_store_list_conflicts (fixture->store, NULL, &error);
    g_assert_cmpuint (conflicts->len, ==, 0);
    reread = zc_local_store_get_record (fixture->store, zc_record_get_id (c), &error);
    g_assert_cmpstr (body_string (reread, "assessed_by"), ==, "乙方");
    g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);
  }
  {
    g_autofree char *unknown = zc_uuid_new ();

    g_assert_false (zc_local_store_resolve_conflicts (fixture->store, unknown, NULL, &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* discarding the refused creation removes the record the server never had */
  g_assert_true (zc_local_store_discard_rejection (fixture->store, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rejections, g_ptr_array_unref);
  rejections = zc_local_store_list_rejections (fixture->store, &error);
  g_assert_cmpuint (rejections->len, ==, 0);
  g_assert_null (zc_local_store_get_record (fixture->store, zc_record_get_id (b), &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zc_local_store_discard_rejection (fixture->store, 2, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zc_local_store_discard_rejection (fixture->store, -7, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
}

static void
test_pull_rebase (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pulls = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_pull_response_free);
  g_autoptr(ZcRecord) mine = create_entry (fixture->store, 2018, "本地");
  g_autofree char *new_id = zc_uuid_new ();
  g_autofree char *gone_id = zc_uuid_new ();
  g_autoptr(ZcRecord) server_mine = NULL;
  g_autoptr(ZcRecord) server_new = NULL;
  g_autoptr(ZcRecord) server_gone = NULL;
  g_autoptr(ZcRecord) reread = NULL;
  ZcPullResponse *page;
  guint changed = 0;

  g_signal_connect_swapped (fixture->store, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  /* page 1: the server has the entry, approved, unaware of a later edit
   * still queued locally; page 2: a new entry and one that goes */
  server_gone = server_record (gone_id, fixture->account_id, 1, "pending", "将删除");
  g_assert_true (zc_local_store_put_server_record (fixture->store, server_gone, &error));
  changed = 0;

  page = zc_pull_response_new ("epoch1", 10, 0);
  page->has_more = TRUE;
  server_mine = server_record (zc_record_get_id (mine), fixture->account_id, 2, "approved", "服务器");
  g_ptr_array_add (page->changes, zc_change_new_put (9, server_mine));
  g_ptr_array_add (pulls, page);
  page = zc_pull_response_new ("epoch1", 12, 0);
  server_new = server_record (new_id, fixture->account_id, 1, "returned", "新记录");
  g_ptr_array_add (page->changes, zc_change_new_put (11, server_new));
  g_ptr_array_add (page->changes, zc_change_new_delete (12, gone_id, KIND));
  g_ptr_array_add (pulls, page);

  g_assert_true (zc_local_store_apply_pull (fixture->store, pulls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, >=, 3);

  /* the queued edit stays on top of the server's version */
  reread = zc_local_store_get_record (fixture->store, zc_record_get_id (mine), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body_string (reread, "assessed_by"), ==, "本地");
  g_assert_cmpint (zc_record_get_version (reread), ==, 2);
  g_assert_cmpstr (zc_record_get_state (reread), ==, "pending");
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);
  g_clear_pointer (&reread, zc_record_unref);

  reread = zc_local_store_get_record (fixture->store, new_id, &error);
  g_assert_cmpstr (zc_record_get_state (reread), ==, "returned");
  g_assert_cmpstr (body_string (reread, "assessed_by"), ==, "新记录");
  g_clear_pointer (&reread, zc_record_unref);
  reread = zc_local_store_get_record (fixture->store, gone_id, &error);
  g_assert_true (zc_record_get_deleted (reread));
  g_clear_pointer (&reread, zc_record_unref);

  /* the position of the last page is kept */
  {
    g_autofree char *cursor = zc_local_store_get_meta (fixture->store, "cursor");
    g_autofree char *epoch = zc_local_store_get_meta (fixture->store, "server_epoch");

    g_assert_cmpstr (cursor, ==, page->cursor);
    g_assert_cmpstr (epoch, ==, "epoch1");
  }

  /* applying the same pull again changes nothing */
  g_assert_true (zc_local_store_apply_pull (fixture->store, pulls, &error));
  g_assert_cmpint (raw_int (fixture->path, "SELECT count (*) FROM records"), ==, 3);

  /* once the server consumed the edit, its version shows as it is */
  g_ptr_array_set_size (pulls, 0);
  page = zc_pull_response_new ("epoch1", 13, 1);
  g_ptr_array_add (page->changes, zc_change_new_put (13, server_mine));
  g_ptr_array_add (pulls, page);
  g_assert_true (zc_local_store_apply_pull (fixture->store, pulls, &error));
  reread = zc_local_store_get_record (fixture->store, zc_record_get_id (mine), &error);
  g_assert_cmpstr (body_string (reread, "assessed_by"), ==, "服务器");
  g_assert_cmpstr (zc_record_get_state (reread), ==, "approved");
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count (*) FROM records WHERE dirty = 1"), ==, 0);
  g_clear_pointer (&reread, zc_record_unref);

  /* a record without a valid review state is skipped, not fatal */
  {
    g_autofree char *bad_id = zc_uuid_new ();
    g_autoptr(ZcRecord) bad = server_record (bad_id, fixture->account_id, 1, "bogus", "坏");

    g_ptr_array_set_size (pulls, 0);
    page = zc_pull_response_new ("epoch1", 14, 1);
    g_ptr_array_add (page->changes, zc_change_new_put (14, bad));
    g_ptr_array_add (pulls, page);
    g_test_expect_message ("zc-local-store", G_LOG_LEVEL_WARNING, "*no valid review state*");
    g_assert_true (zc_local_store_apply_pull (fixture->store, pulls, &error));
    g_test_assert_expected_messages ();
    g_assert_null (zc_local_store_get_record (fixture->store, bad_id, &error));
    g_clear_error (&error);
  }

  /* a reset: what the snapshot lacks goes, unless an edit still needs it */
  {
    g_autoptr(ZcRecord) waiting = create_entry (fixture->store, 2020, "待发送");

    g_ptr_array_set_size (pulls, 0);
    page = zc_pull_response_new ("epoch2", 3, 1);
    page->reset = TRUE;
    g_ptr_array_add (page->changes, zc_change_new_put (3, server_new));
    g_ptr_array_add (pulls, page);
    g_assert_true (zc_local_store_apply_pull (fixture->store, pulls, &error));
    g_assert_no_error (error);
    g_assert_cmpint (raw_int (fixture->path, "SELECT count (*) FROM records"), ==, 2);
    reread = zc_local_store_get_record (fixture->store, zc_record_get_id (waiting), &error);
    g_assert_no_error (error);
    g_clear_pointer (&reread, zc_record_unref);
    reread = zc_local_store_get_record (fixture->store, new_id, &error);
    g_assert_no_error (error);
  }

  /* nothing to apply is no error */
  g_ptr_array_set_size (pulls, 0);
  g_assert_true (zc_local_store_apply_pull (fixture->store, pulls, &error));
  g_assert_no_error (error);
}

/* After a server restored from a backup, the outbox follows its last
 * mutation again: no gap, and new edits follow on. */
static void
test_close_gap (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pulls = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_pull_response_free);
  g_autoptr(ZcPushResult) acked = zc_push_result_new (4);
  g_autoptr(GPtrArray) pending = NULL;
  ZcPullResponse *page;

  for (int i = 0; i < 6; i++)
    {
      g_autoptr(ZcRecord) record = create_entry (fixture->store, 2010 + i, "某单位");
    }
  g_assert_true (zc_local_store_apply_push (fixture->store, acked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 2);

  /* the restored server consumed only up to 1 */
  page = zc_pull_response_new ("restored", 0, 1);
  page->reset = TRUE;
  g_ptr_array_add (pulls, page);
  g_assert_true (zc_local_store_apply_pull (fixture->store, pulls, &error));
  g_assert_no_error (error);

  pending = zc_local_store_list_pending (fixture->store, 500, &error);
  g_assert_cmpuint (pending->len, ==, 2);
  g_assert_cmpint (((ZcMutation *) pending->pdata[0])->id, ==, 2);
  g_assert_cmpint (((ZcMutation *) pending->pdata[1])->id, ==, 3);
  g_clear_pointer (&pending, g_ptr_array_unref);
  {
    g_autoptr(ZcRecord) next = create_entry (fixture->store, 2021, "某单位");
  }
  pending = zc_local_store_list_pending (fixture->store, 500, &error);
  g_assert_cmpuint (pending->len, ==, 3);
  g_assert_cmpint (((ZcMutation *) pending->pdata[2])->id, ==, 4);
  g_assert_cmpint (raw_int (fixture->path, "PRAGMA foreign_key_check"), ==, -1);
}

static void
test_backoff (void)
{
  /* 0.5 s doubling, 1× to 2× with jitter, up to 30–60 s */
  g_assert_cmpuint (zc_sync_engine_backoff_delay (0, 500, 30000, 0.0), ==, 500);
  g_assert_cmpuint (zc_sync_engine_backoff_delay (0, 500, 30000, 0.999), <, 1000);
  g_assert_cmpuint (zc_sync_engine_backoff_delay (1, 500, 30000, 0.0), ==, 1000);
  g_assert_cmpuint (zc_sync_engine_backoff_delay (3, 500, 30000, 0.5), ==, 6000);
  g_assert_cmpuint (zc_sync_engine_backoff_delay (6, 500, 30000, 0.0), ==, 30000);
  g_assert_cmpuint (zc_sync_engine_backoff_delay (60, 500, 30000, 0.0), ==, 30000);
  g_assert_cmpuint (zc_sync_engine_backoff_delay (G_MAXUINT, 500, 30000, 0.999), <, 60000);
  g_assert_cmpuint (zc_sync_engine_backoff_delay (G_MAXUINT, 500, 30000, 0.999), >=, 59000);
  /* out-of-range randomness is clamped */
  g_assert_cmpuint (zc_sync_engine_backoff_delay (0, 500, 30000, -3.0), ==, 500);
  g_assert_cmpuint (zc_sync_engine_backoff_delay (0, 500, 30000, 7.0), ==, 1000);
}

/* Against the real server */

typedef ZcTestClient Client;

static Client *
client_new (const char *url,
            const char *login)
{
  Client *client = zc_test_client_new (url, login, TRUE);

  zc_api_client_set_accept_language (zc_session_get_api_client (client->session), "en");
  g_assert_cmpint (zc_session_get_state (client->session), ==, ZC_SESSION_STATE_SIGNED_IN);
  return client;
}

static void
client_sync_ok (Client *client)
{
  zc_test_client_sync_ok (client);
  g_assert_cmpint (zc_sync_engine_get_state (client->engine), ==, ZC_SYNC_STATE_IDLE);
  g_assert_nonnull (zc_sync_engine_get_last_sync (client->engine));
}

/* What the server holds for @login: live records of @kind by id, read
 * with a raw pull of a client of its own. */
static GHashTable *
server_records (ZcTestServer *server,
                const char   *login,
                const char   *kind)
{
  g_autofree char *token = zc_test_server_login (server, login, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *client_id = zc_uuid_new ();
  g_autofree char *cursor = NULL;
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) zc_record_unref);
  gboolean more = TRUE;

  while (more)
    {
      g_autoptr(ZcPullRequest) request = zc_pull_request_new (client_id, cursor, 1000);
      g_autoptr(JsonNode) request_node = zc_pull_request_to_json (request);
      g_autofree char *body = json_to_string (request_node, FALSE);
      g_autoptr(JsonNode) answer = NULL;
      g_autoptr(ZcPullResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      guint status = 0;

      answer = zc_test_server_call (server, "POST", "/api/v1/sync/pull", token, "en", body, &status, NULL);
      g_assert_cmpuint (status, ==, 200);
      response = zc_pull_response_from_json (answer, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < response->changes->len; i++)
        {
          ZcChange *change = response->changes->pdata[i];

          if (change->op == ZC_CHANGE_PUT && g_strcmp0 (zc_record_get_kind (change->record), kind) == 0)
            g_hash_table_replace (records, g_strdup (zc_change_get_record_id (change)), zc_record_ref (change->record));
          else if (change->op == ZC_CHANGE_DELETE)
            g_hash_table_remove (records, change->record_id);
        }
      g_free (cursor);
      cursor = g_strdup (response->cursor);
      more = response->has_more;
    }
  return records;
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static ZcTestServer *
start_demo_at (const char *data_dir,
               guint16     port)
{
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", port);
  const char *args[] = { "--demo", "--listen", listen, NULL };

  return zc_test_server_start_in (data_dir, args);
}

/* Offline edits go out when the server is back, with no user action
 * beyond the retries the engine makes by itself. */
static void
test_offline_then_online (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-sync-server-XXXXXX", &error);
  guint16 port = free_port ();
  ZcTestServer *server = start_demo_at (data_dir, port);
  Client *client = client_new (server->url, ZC_TEST_DEMO_APPLICANT);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) on_server = NULL;

  client_sync_ok (client);
  g_assert_cmpuint (zc_sync_engine_get_changes_waiting (client->engine), ==, 0);
  /* the demo applicant's archive arrived */
  {
    g_autoptr(GHashTable) counts = zc_local_store_count_by_kind (client->store, &error);
    g_assert_true (g_hash_table_size (counts) > 1);
  }

  server->keep_data = TRUE;
  zc_test_server_stop (server);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(ZcRecord) record = create_entry (client->store, 2001 + i, "离线时填写");
      g_ptr_array_add (ids, g_strdup (zc_record_get_id (record)));
    }
  g_assert_false (zc_test_client_sync (client, &error));
  g_assert_error (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (zc_sync_engine_get_state (client->engine), ==, ZC_SYNC_STATE_OFFLINE);
  g_assert_nonnull (zc_sync_engine_get_error_message (client->engine));
  g_assert_cmpuint (zc_sync_engine_get_changes_waiting (client->engine), ==, 3);

  /* started, the engine retries by itself with backoff */
  zc_sync_engine_start (client->engine);
  while (zc_sync_engine_get_retry_delay (client->engine) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (zc_sync_engine_get_retry_delay (client->engine), <=, 400);

  server = start_demo_at (data_dir, port);
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (zc_sync_engine_get_changes_waiting (client->engine) > 0 ||
           zc_sync_engine_get_state (client->engine) != ZC_SYNC_STATE_IDLE)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  zc_sync_engine_stop (client->engine);

  on_server = server_records (server, ZC_TEST_DEMO_APPLICANT, KIND);
  for (guint i = 0; i < ids->len; i++)
    {
      ZcRecord *record = g_hash_table_lookup (on_server, ids->pdata[i]);

      g_assert_nonnull (record);
      g_assert_cmpstr (zc_record_get_state (record), ==, "pending");
      g_assert_cmpint (zc_record_get_version (record), ==, 1);
    }

  zc_test_client_free (client);
  zc_test_server_stop (server);
}

/* The client sent a push, the server applied it, and the client died
 * before it noted the answer: the same mutations go again, once. */
static void
test_replayed_push_applied_once (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *client = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  g_autoptr(ZcRecord) entry = create_entry (client->store, 2012, "重放");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = zc_local_store_list_pending (client->store, 500, &error);
  g_autoptr(ZcPushRequest) request = zc_push_request_new (zc_local_store_get_client_id (client->store), 1);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GHashTable) on_server = NULL;
  g_autofree char *body = NULL;
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  guint status = 0;

  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_true (zc_local_store_mark_sending (client->store, pending, &error));
  g_ptr_array_extend_and_steal (request->mutations, g_steal_pointer (&pending));
  node = zc_push_request_to_json (request);
  body = json_to_string (node, FALSE);
  answer = zc_test_server_call (server, "POST", "/api/v1/sync/push", token, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  /* ... and the answer is lost: the outbox still has the mutation */
  g_assert_cmpuint (zc_local_store_get_outbox_count (client->store), ==, 1);

  client_sync_ok (client);
  g_assert_cmpuint (zc_local_store_get_outbox_count (client->store), ==, 0);
  on_server = server_records (server, ZC_TEST_DEMO_APPLICANT2, KIND);
  g_assert_cmpuint (g_hash_table_size (on_server), ==, 1);
  g_assert_cmpint (zc_record_get_version (g_hash_table_lookup (on_server, zc_record_get_id (entry))), ==, 1);
  {
    g_autoptr(ZcRecord) local = zc_local_store_get_record (client->store, zc_record_get_id (entry), &error);

    g_assert_cmpint (zc_record_get_version (local), ==, 1);
    g_assert_cmpint (raw_int (zc_local_store_get_path (client->store),
                              "SELECT count (*) FROM records WHERE dirty = 1"), ==, 0);
  }

  zc_test_client_free (client);
  zc_test_server_stop (server);
}

/* The unit officer's decision reaches the applicant's local copy. */
static void
test_reviewer_decision_pulled (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *applicant = client_new (server->url, ZC_TEST_DEMO_APPLICANT);
  Client *officer = NULL;
  g_autoptr(ZcRecord) entry = create_entry (applicant->store, 2013, "待审核");
  g_autoptr(ZcRecord) seen = NULL;
  g_autoptr(ZcRecord) local = NULL;
  g_autoptr(GError) error = NULL;

  client_sync_ok (applicant);

  /* the officer's own client pulls the unit's queue and approves */
  officer = client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER);
  client_sync_ok (officer);
  seen = zc_local_store_get_record (officer->store, zc_record_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_record_get_state (seen), ==, "pending");
  {
    g_autoptr(ZcPushRequest) request = zc_push_request_new (zc_local_store_get_client_id (officer->store), 1);
    ZcMutation *approve = zc_mutation_new (1, "archive.approve", zc_record_get_id (entry),
                                           zc_record_get_version (seen));
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(JsonNode) answer = NULL;
    g_autoptr(ZcPushResult) result = NULL;
    g_autofree char *body = NULL;
    g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
    guint status = 0;

    approve->expected_state = g_strdup ("pending");
    g_ptr_array_add (request->mutations, approve);
    node = zc_push_request_to_json (request);
    body = json_to_string (node, FALSE);
    answer = zc_test_server_call (server, "POST", "/api/v1/sync/push", token, "en", body, &status, NULL);
    g_assert_cmpuint (status, ==, 200);
    result = zc_push_result_from_json (answer, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (result->rejections->len, ==, 0);
  }

  client_sync_ok (applicant);
  local = zc_local_store_get_record (applicant->store, zc_record_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_record_get_state (local), ==, "approved");
  g_assert_cmpint (zc_record_get_version (local), >, 1);

  /* an edit of the approved entry is queued and sent back to pending */
  {
    g_autoptr(JsonObject) body = assessment_body (2013, "改后");
    g_autoptr(ZcRecord) edited = zc_local_store_update_entry (applicant->store, zc_record_get_id (entry), body, &error);
    g_autoptr(ZcRecord) after = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (zc_record_get_state (edited), ==, "pending");
    client_sync_ok (applicant);
    after = zc_local_store_get_record (applicant->store, zc_record_get_id (entry), &error);
    g_assert_cmpstr (zc_record_get_state (after), ==, "pending");
    g_assert_cmpstr (body_string (after, "assessed_by"), ==, "改后");
    g_assert_cmpuint (zc_local_store_get_outbox_count (applicant->store), ==, 0);
  }

  zc_test_client_free (officer);
  zc_test_client_free (applicant);
  zc_test_server_stop (server);
}

/* Two clients of one account edit the same field: the second gets a
 * conflict with both values, and may still choose its own. */
static void
test_two_clients_conflict (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *a = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  Client *b = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  g_autoptr(ZcRecord) entry = create_entry (a->store, 2014, "原值");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GHashTable) on_server = NULL;
  g_autoptr(GError) error = NULL;

  client_sync_ok (a);
  client_sync_ok (b);
  {
    g_autoptr(ZcRecord) copy = zc_local_store_get_record (b->store, zc_record_get_id (entry), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (body_string (copy, "assessed_by"), ==, "原值");
  }

  {
    g_autoptr(JsonObject) body_a = assessment_body (2014, "甲改");
    g_autoptr(JsonObject) body_b = assessment_body (2014, "乙改");
    g_autoptr(ZcRecord) edited_a = zc_local_store_update_entry (a->store, zc_record_get_id (entry), body_a, &error);
    g_autoptr(ZcRecord) edited_b = zc_local_store_update_entry (b->store, zc_record_get_id (entry), body_b, &error);

    g_assert_no_error (error);
  }
  client_sync_ok (a);
  client_sync_ok (b);

  /* nothing is lost: the server kept A's value, B has a conflict copy */
  conflicts = zc_local_store_list_conflicts (b->store, zc_record_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  {
    ZcConflict *conflict = conflicts->pdata[0];
    g_autoptr(ZcRecord) shown = zc_local_store_get_record (b->store, zc_record_get_id (entry), &error);

    g_assert_cmpstr (conflict->field, ==, "assessed_by");
    g_assert_cmpstr (json_node_get_string (conflict->client_value), ==, "乙改");
    g_assert_cmpstr (json_node_get_string (conflict->server_value), ==, "甲改");
    g_assert_cmpstr (body_string (shown, "assessed_by"), ==, "甲改");
  }
  on_server = server_records (server, ZC_TEST_DEMO_APPLICANT2, KIND);
  g_assert_cmpstr (body_string (g_hash_table_lookup (on_server, zc_record_get_id (entry)), "assessed_by"), ==, "甲改");
  g_clear_pointer (&on_server, g_hash_table_unref);

  /* B keeps its own value after all */
  {
    g_autoptr(JsonObject) chosen = assessment_body (2014, "乙改");

    g_assert_true (zc_local_store_resolve_conflicts (b->store, zc_record_get_id (entry), chosen, &error));
    g_assert_no_error (error);
  }
  client_sync_ok (b);
  client_sync_ok (a);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = zc_local_store_list_conflicts (b->store, NULL, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  on_server = server_records (server, ZC_TEST_DEMO_APPLICANT2, KIND);
  g_assert_cmpstr (body_string (g_hash_table_lookup (on_server, zc_record_get_id (entry)), "assessed_by"), ==, "乙改");
  {
    g_autoptr(ZcRecord) at_a = zc_local_store_get_record (a->store, zc_record_get_id (entry), &error);
    g_assert_cmpstr (body_string (at_a, "assessed_by"), ==, "乙改");
  }

  zc_test_client_free (b);
  zc_test_client_free (a);
  zc_test_server_stop (server);
}

/* Two offline edits of one field are one user's edits, not a conflict. */
static void
test_offline_edits_coalesce (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *client = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  g_autoptr(ZcRecord) entry = create_entry (client->store, 2009, "第一次");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GHashTable) on_server = NULL;
  g_autoptr(GError) error = NULL;

  client_sync_ok (client);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%d次修改", i + 2);
      g_autoptr(JsonObject) body = assessment_body (2009, text);
      g_autoptr(ZcRecord) edited = zc_local_store_update_entry (client->store, zc_record_get_id (entry), body, &error);

      g_assert_no_error (error);
    }
  g_assert_cmpuint (zc_local_store_get_outbox_count (client->store), ==, 3);
  client_sync_ok (client);

  conflicts = zc_local_store_list_conflicts (client->store, NULL, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  on_server = server_records (server, ZC_TEST_DEMO_APPLICANT2, KIND);
  g_assert_cmpstr (body_string (g_hash_table_lookup (on_server, zc_record_get_id (entry)), "assessed_by"),
                   ==, "第4次修改");
  g_clear_pointer (&on_server, g_hash_table_unref);

  /* edited, then deleted, offline: the deletion is not refused for the
   * version the user's own edit made */
  {
    g_autoptr(JsonObject) body = assessment_body (2009, "删前再改");
    g_autoptr(ZcRecord) edited = zc_local_store_update_entry (client->store, zc_record_get_id (entry), body, &error);
    g_autoptr(GPtrArray) rejections = NULL;

    g_assert_no_error (error);
    g_assert_true (zc_local_store_delete_entry (client->store, zc_record_get_id (entry), &error));
    client_sync_ok (client);
    rejections = zc_local_store_list_rejections (client->store, &error);
    g_assert_cmpuint (rejections->len, ==, 0);
    on_server = server_records (server, ZC_TEST_DEMO_APPLICANT2, KIND);
    g_assert_null (g_hash_table_lookup (on_server, zc_record_get_id (entry)));
  }

  zc_test_client_free (client);
  zc_test_server_stop (server);
}

/* Personal information typed on a second device before its first sync:
 * the server merges it into the account's one record, the differing
 * field comes back as a conflict, and one record is left here. */
static void
test_personal_info_second_device (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *client = client_new (server->url, ZC_TEST_DEMO_APPLICANT);
  g_autoptr(GHashTable) on_server = server_records (server, ZC_TEST_DEMO_APPLICANT, "personal-info");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(ZcRecord) kept = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *server_id = NULL;

  g_assert_cmpuint (g_hash_table_size (on_server), ==, 1);
  g_hash_table_iter_init (&iter, on_server);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      server_id = key;
      body = zc_json_object_copy_deep (zc_record_get_body (value));
    }
  json_object_set_string_member (body, "email", "zhangwei.new@example.com");
  saved = zc_local_store_save_personal_info (client->store, body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_record_get_id (saved), !=, server_id);

  client_sync_ok (client);
  kept = zc_local_store_get_personal_info (client->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_record_get_id (kept), ==, server_id);
  g_assert_cmpint (raw_int (zc_local_store_get_path (client->store),
                            "SELECT count (*) FROM records WHERE kind = 'personal-info'"), ==, 1);
  conflicts = zc_local_store_list_conflicts (client->store, server_id, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((ZcConflict *) conflicts->pdata[0])->field, ==, "email");
  g_assert_cmpstr (json_node_get_string (((ZcConflict *) conflicts->pdata[0])->client_value), ==,
                   "zhangwei.new@example.com");

  zc_test_client_free (client);
  zc_test_server_stop (server);
}

/* A file an entry names goes up before the entry; another client of the
 * account fetches it. */
static void
test_attachment_round_trip (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *a = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  Client *b = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = g_build_filename (a->dir, "考核表.pdf", NULL);
  static const char pdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(JsonObject) attachment = NULL;
  g_autoptr(JsonObject) body = assessment_body (2011, "附件");
  g_autoptr(ZcRecord) entry = NULL;
  JsonArray *files = json_array_new ();
  const char *sha256;

  g_assert_true (g_file_set_contents (file_path, pdf, sizeof pdf - 1, &error));
  attachment = zc_local_store_add_attachment (a->store, file, NULL, 1024 * 1024, &error);
  g_assert_no_error (error);
  sha256 = json_object_get_string_member (attachment, "sha256");
  json_array_add_object_element (files, json_object_ref (attachment));
  json_object_set_array_member (body, "attachments", files);
  entry = zc_local_store_create_entry (a->store, KIND, body, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) waiting = zc_local_store_list_blobs_to_upload (a->store, &error);

    g_assert_cmpuint (waiting->len, ==, 1);
    g_assert_cmpstr (json_object_get_string_member (waiting->pdata[0], "sha256"), ==, sha256);
    /* the entry waits for its file */
    g_clear_pointer (&waiting, g_ptr_array_unref);
    waiting = zc_local_store_list_pending (a->store, 500, &error);
    g_assert_cmpuint (waiting->len, ==, 0);
  }

  client_sync_ok (a);
  g_assert_cmpuint (zc_local_store_get_outbox_count (a->store), ==, 0);
  {
    g_autoptr(GPtrArray) waiting = zc_local_store_list_blobs_to_upload (a->store, &error);
    g_assert_cmpuint (waiting->len, ==, 0);
  }

  g_assert_false (zc_local_store_has_blob (b->store, sha256));
  client_sync_ok (b);
  g_assert_true (zc_local_store_has_blob (b->store, sha256));
  {
    g_autofree char *path = zc_local_store_get_blob_path (b->store, sha256);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &contents, &length, &error));
    g_assert_cmpmem (contents, length, pdf, sizeof pdf - 1);
  }
  {
    g_autoptr(GPtrArray) missing = zc_local_store_list_missing_blobs (b->store, &error);
    g_assert_cmpuint (missing->len, ==, 0);
  }

  /* a file that does not match its name is refused */
  {
    g_autoptr(GBytes) wrong = g_bytes_new_static ("not this", 8);

    g_assert_false (zc_local_store_put_blob (b->store, sha256, "application/pdf", wrong, &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (zc_local_store_put_blob (b->store, "xyz", "application/pdf", wrong, &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  zc_test_client_free (b);
  zc_test_client_free (a);
  zc_test_server_stop (server);
}

/* A file the server refuses for good (here: larger than it takes) does
 * not hold its entry back for ever: the entry goes up without it, comes
 * back refused, and the user can discard it. */
static void
test_refused_file (void)
{
  const char *args[] = { "--demo", NULL };
  const char *env[] = { "ZHICHENG_BLOB_MAX_BYTES=1024", NULL };
  ZcTestServer *server = zc_test_server_start_full (NULL, args, env);
  Client *a = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  g_autoptr(GError) error = NULL;
  g_autofree char *file_path = g_build_filename (a->dir, "扫描件.pdf", NULL);
  g_autofree char *large = g_strnfill (4096, 'x');
  g_autofree char *pdf = g_strconcat ("%PDF-1.4\n% ", large, "\n%%EOF\n", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(JsonObject) attachment = NULL;
  g_autoptr(JsonObject) body = assessment_body (2012, "附件过大");
  g_autoptr(ZcRecord) entry = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GPtrArray) to_upload = NULL;
  JsonArray *files = json_array_new ();
  ZcLocalRejection *rejection;

  g_assert_true (g_file_set_contents (file_path, pdf, -1, &error));
  attachment = zc_local_store_add_attachment (a->store, file, NULL, 1024 * 1024, &error);
  g_assert_no_error (error);
  json_array_add_object_element (files, json_object_ref (attachment));
  json_object_set_array_member (body, "attachments", files);
  entry = zc_local_store_create_entry (a->store, KIND, body, &error);
  g_assert_no_error (error);

  client_sync_ok (a);
  rejections = zc_local_store_list_rejections (a->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejections->len, ==, 1);
  rejection = g_ptr_array_index (rejections, 0);
  g_assert_cmpstr (rejection->mutation->record_id, ==, zc_record_get_id (entry));
  g_assert_cmpstr (rejection->code, ==, "BLOB_MISSING");
  g_assert_cmpuint (zc_local_store_get_outbox_count (a->store), ==, 0);
  /* the file is not offered again */
  to_upload = zc_local_store_list_blobs_to_upload (a->store, &error);
  g_assert_cmpuint (to_upload->len, ==, 0);
  {
    g_autoptr(GHashTable) on_server = server_records (server, ZC_TEST_DEMO_APPLICANT2, KIND);

    g_assert_false (g_hash_table_contains (on_server, zc_record_get_id (entry)));
  }

  g_assert_true (zc_local_store_discard_rejection (a->store, rejection->mutation->id, &error));
  g_assert_no_error (error);
  client_sync_ok (a);

  zc_test_client_free (a);
  zc_test_server_stop (server);
}

/* A dead session: the engine stops asking and says so; signing in again
 * brings the next sync by itself. */
static void
test_unauthorized_once (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *client = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) entry = NULL;
  guint status = 0;
  guint state_changes = 0;

  client_sync_ok (client);
  /* log the token out behind the client's back */
  {
    g_autoptr(JsonNode) answer = zc_test_server_call (server, "DELETE", "/api/v1/sessions/current",
                                                      zc_api_client_get_token (zc_session_get_api_client (client->session)),
                                                      "en", NULL, &status, NULL);
    g_assert_cmpuint (status, ==, 204);
  }
  g_signal_connect_swapped (client->session, "notify::state", G_CALLBACK (g_atomic_int_inc), &state_changes);
  entry = create_entry (client->store, 2008, "过期");
  g_assert_false (zc_test_client_sync (client, &error));
  g_assert_error (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);
  g_assert_cmpint (zc_session_get_state (client->session), ==, ZC_SESSION_STATE_EXPIRED);
  g_assert_cmpint (zc_sync_engine_get_state (client->engine), ==, ZC_SYNC_STATE_ERROR);
  g_assert_cmpuint (zc_sync_engine_get_retry_delay (client->engine), ==, 0);
  g_assert_cmpuint (state_changes, ==, 1);

  /* trying again does not ask the server, nor the user, again */
  g_assert_false (zc_test_client_sync (client, &error));
  g_assert_error (error, ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  g_assert_cmpuint (state_changes, ==, 1);

  zc_sync_engine_start (client->engine);
  zc_test_client_sign_in (client, ZC_TEST_DEMO_APPLICANT2);
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (zc_local_store_get_outbox_count (client->store) > 0 ||
           zc_sync_engine_get_state (client->engine) != ZC_SYNC_STATE_IDLE)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  zc_sync_engine_stop (client->engine);

  zc_test_client_free (client);
  zc_test_server_stop (server);
}

static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        copy_folder (source, target);
      else
        {
          g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
        }
    }
}

/* The server's data folder is restored from a backup older than what
 * the client last saw: the client's pull resets, the edits the backup
 * lost go with it, and the next edit follows the restored server's
 * numbering without a gap. */
static void
test_server_restored (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-sync-server-XXXXXX", &error);
  g_autofree char *backup_dir = g_strconcat (data_dir, "-backup", NULL);
  guint16 port = free_port ();
  ZcTestServer *server = start_demo_at (data_dir, port);
  Client *client = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  g_autoptr(ZcRecord) kept = create_entry (client->store, 2005, "备份前");
  g_autoptr(ZcRecord) lost = NULL;
  g_autoptr(ZcRecord) after = NULL;
  g_autoptr(GHashTable) on_server = NULL;
  g_autoptr(GPtrArray) pending = NULL;

  client_sync_ok (client);
  server->keep_data = TRUE;
  zc_test_server_stop (server);
  copy_folder (data_dir, backup_dir);

  server = start_demo_at (data_dir, port);
  lost = create_entry (client->store, 2006, "备份后");
  client_sync_ok (client);
  server->keep_data = TRUE;
  zc_test_server_stop (server);

  /* restore */
  zc_test_rm_rf (data_dir);
  copy_folder (backup_dir, data_dir);
  server = start_demo_at (data_dir, port);

  client_sync_ok (client);
  g_assert_no_error (error);
  {
    g_autoptr(ZcRecord) still = zc_local_store_get_record (client->store, zc_record_get_id (kept), &error);
    g_assert_no_error (error);
  }
  after = create_entry (client->store, 2007, "恢复后");
  pending = zc_local_store_list_pending (client->store, 500, &error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (((ZcMutation *) pending->pdata[0])->id, ==, 2);
  client_sync_ok (client);
  g_assert_cmpuint (zc_local_store_get_outbox_count (client->store), ==, 0);

  on_server = server_records (server, ZC_TEST_DEMO_APPLICANT2, KIND);
  g_assert_nonnull (g_hash_table_lookup (on_server, zc_record_get_id (kept)));
  g_assert_nonnull (g_hash_table_lookup (on_server, zc_record_get_id (after)));

  zc_test_client_free (client);
  zc_test_server_stop (server);
  zc_test_rm_rf (backup_dir);
}

/* Killed with SIGKILL at random moments while it edits and syncs: every
 * edit it reported saved survives, nothing reaches the server twice,
 * and after a restart the outbox drains. */
static void
test_kill_during_sync (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-sync-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "store.sqlite", NULL);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = g_path_get_dirname (self_path);
  g_autofree char *child = g_build_filename (self_dir, "zc-sync-child", NULL);
  guint rounds = g_test_slow () ? 30 : 4;
  g_autoptr(GHashTable) on_server = NULL;

  g_assert_true (g_file_test (child, G_FILE_TEST_IS_EXECUTABLE));

  for (guint round = 0; round <= rounds; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      gint64 deadline = g_get_monotonic_time () + g_random_int_range (100, 900) * 1000;
      gboolean last = round == rounds;
      guint seen = 0;

      /* the last round lets the child drain the outbox and stop */
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, child, server->url,
                                  ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD, path,
                                  last ? "drain" : "edit", NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

      while (last || g_get_monotonic_time () < deadline || seen == 0)
        {
          g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

          g_assert_no_error (error);
          if (line == NULL)
            break;
          if (g_str_has_prefix (line, "saved "))
            {
              g_hash_table_add (acknowledged, g_strdup (line + strlen ("saved ")));
              seen++;
            }
          else if (g_str_equal (line, "drained"))
            break;
        }

      if (!last)
        {
          g_subprocess_force_exit (process);
          g_assert_true (g_subprocess_wait (process, NULL, &error));
          g_assert_true (g_subprocess_get_if_signaled (process));
        }
      else
        {
          g_assert_true (g_subprocess_wait (process, NULL, &error));
          g_assert_true (g_subprocess_get_if_exited (process));
          g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
        }

      {
        g_autofree char *integrity = raw_text (path, "PRAGMA integrity_check");
        g_assert_cmpstr (integrity, ==, "ok");
      }
      /* every acknowledged edit is in the file */
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, acknowledged);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM records WHERE id = '%s'", (char *) key);
            g_assert_cmpint (raw_int (path, sql), ==, 1);
          }
      }
      /* mutation ids still follow each other */
      g_assert_cmpint (raw_int (path, "SELECT count (*) FROM outbox"), ==,
                       raw_int (path, "SELECT coalesce (max (mutation_id) - min (mutation_id) + 1, 0) FROM outbox"));
    }

  g_test_message ("%u edits acknowledged over %u kills", g_hash_table_size (acknowledged), rounds);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM outbox"), ==, 0);

  /* the server has each of them once, as the last version saved; and
   * those committed but killed before they were reported, once too */
  on_server = server_records (server, ZC_TEST_DEMO_APPLICANT2, KIND);
  g_assert_cmpuint (g_hash_table_size (on_server), >=, g_hash_table_size (acknowledged));
  g_assert_cmpint (g_hash_table_size (on_server), ==,
                   raw_int (path, "SELECT count (*) FROM records WHERE kind = '" KIND "' AND deleted = 0"));
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, acknowledged);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        ZcRecord *record = g_hash_table_lookup (on_server, key);

        g_assert_nonnull (record);
        g_assert_cmpint (zc_record_get_version (record), ==, 1);
      }
  }

  zc_test_rm_rf (dir);
  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add_func ("/sync-engine/store/bind-account", test_bind_account);
  g_test_add_func ("/sync-engine/store/placeholder-migration", test_placeholder_migration);
  g_test_add ("/sync-engine/store/meta", Fixture, NULL, fixture_set_up, test_meta, fixture_tear_down);
  g_test_add ("/sync-engine/store/pending-and-push", Fixture, NULL, fixture_set_up, test_pending_and_push,
              fixture_tear_down);
  g_test_add ("/sync-engine/store/pull-rebase", Fixture, NULL, fixture_set_up, test_pull_rebase, fixture_tear_down);
  g_test_add ("/sync-engine/store/close-gap", Fixture, NULL, fixture_set_up, test_close_gap, fixture_tear_down);
  g_test_add_func ("/sync-engine/backoff", test_backoff);
  g_test_add_func ("/sync-engine/server/offline-then-online", test_offline_then_online);
  g_test_add_func ("/sync-engine/server/replayed-push-applied-once", test_replayed_push_applied_once);
  g_test_add_func ("/sync-engine/server/reviewer-decision-pulled", test_reviewer_decision_pulled);
  g_test_add_func ("/sync-engine/server/two-clients-conflict", test_two_clients_conflict);
  g_test_add_func ("/sync-engine/server/offline-edits-coalesce", test_offline_edits_coalesce);
  g_test_add_func ("/sync-engine/server/personal-info-second-device", test_personal_info_second_device);
  g_test_add_func ("/sync-engine/server/attachment-round-trip", test_attachment_round_trip);
  g_test_add_func ("/sync-engine/server/refused-file", test_refused_file);
  g_test_add_func ("/sync-engine/server/unauthorized-once", test_unauthorized_once);
  g_test_add_func ("/sync-engine/server/server-restored", test_server_restored);
  g_test_add_func ("/sync-engine/server/kill-during-sync", test_kill_during_sync);

  return g_test_run ();
}
