/* test-local-store.c: the client's SQLite store, its outbox and migrations
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-local-store.h"
#include "zc-local-store-migrations.h"
#include "zc-sync-message.h"

typedef struct
{
  char         *dir;
  char         *path;
  ZcLocalStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zc-local-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sub", "local.sqlite", NULL);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
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
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A second, raw connection to look at what really is on disk. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
assessment_body (int year)
{
  g_autofree char *json = g_strdup_printf ("{\"year\": %d, \"result\": \"1\", \"assessed_by\": \"市人社局\"}", year);
  return parse_object (json);
}

static JsonObject *
paper_body (const char *title)
{
  JsonObject *body = parse_object ("{\"published_on\": \"2021-05-01\", \"paper_type\": \"1\","
                                   " \"journal\": \"中国电力\", \"author_rank\": \"2\", \"own_words\": 6,"
                                   " \"indexed_in\": [\"ei\"]}");
  json_object_set_string_member (body, "title", title);
  return body;
}

/* A record as the server would send it, in a given review state. */
static ZcRecord *
server_entry (ZcLocalStore *store,
              const char   *state,
              gint64        version)
{
  g_autoptr(JsonObject) body = assessment_body (2019);
  ZcRecord *record = zc_record_new (NULL, "archive:annual-assessments", zc_local_store_get_owner_id (store));

  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  zc_record_set_version (record, version);
  if (g_strcmp0 (state, "returned") == 0 || g_strcmp0 (state, "rejected") == 0)
    zc_record_set_review_comment (record, "请补充考核表扫描件");
  return record;
}

/* Opening and migrations */

static void
test_open_creates_schema (Fixture       *fixture,
                          gconstpointer  data)
{
  sqlite3 *db = open_raw (fixture->path);
  g_autofree char *journal = query_text (db, "PRAGMA journal_mode");
  g_autofree char *client_id = g_strdup (zc_local_store_get_client_id (fixture->store));
  g_autofree char *owner_id = g_strdup (zc_local_store_get_owner_id (fixture->store));
  g_autoptr(GError) error = NULL;
  static const char *tables[] = { "records", "outbox", "outbox_blobs", "blobs", "sync_meta",
                                  "rejections", "conflicts", "plans" };

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, zc_local_store_migrations_get_latest ());
  g_assert_cmpuint (zc_local_store_migrations_get_latest (), >=, 2);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
                                              tables[i]);
      g_assert_cmpint (query_int (db, sql), ==, 1);
    }
  /* messages are records: the old table is gone */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'messages'"), ==, 0);
  sqlite3_close (db);

  g_assert_true (zc_json_is_uuid (client_id));
  g_assert_true (zc_json_is_uuid (owner_id));
  g_assert_cmpstr (client_id, !=, owner_id);
  g_assert_cmpstr (zc_local_store_get_path (fixture->store), ==, fixture->path);
  g_assert_true (g_file_test (zc_local_store_get_blob_dir (fixture->store), G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);

  /* reopening keeps the identity and runs no migration again */
  g_clear_object (&fixture->store);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_local_store_get_client_id (fixture->store), ==, client_id);
  g_assert_cmpstr (zc_local_store_get_owner_id (fixture->store), ==, owner_id);
}

static void
test_migration_steps (void)
{
  static const char *const scripts[] = {
    "CREATE TABLE a (x INTEGER);",
    "CREATE TABLE b (y INTEGER); CREATE TABLE broken (;",
    "CREATE TABLE c (z INTEGER);",
  };
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;
  guint from = 99;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);

  /* one good step */
  g_assert_true (zc_local_store_migrate_with (db, scripts, 1, &from, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (from, ==, 0);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);

  /* a failing step leaves nothing of itself behind */
  g_assert_false (zc_local_store_migrate_with (db, scripts, 3, &from, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "Migration 2"));
  g_clear_error (&error);
  g_assert_cmpuint (from, ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'b'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'c'"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (db));

  /* nothing to do, and no script list at all */
  g_assert_true (zc_local_store_migrate_with (db, scripts, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (db));

  /* a file newer than the program */
  g_assert_false (zc_local_store_migrate_with (db, NULL, 0, NULL, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NEWER_SCHEMA);
  g_assert_true (sqlite3_get_autocommit (db));
  sqlite3_close (db);
}

static void
test_open_refuses_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-local-store-XXXXXX", &error);
  g_autofree char *garbage = g_build_filename (dir, "garbage.sqlite", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.sqlite", NULL);
  g_autoptr(ZcLocalStore) store = NULL;
  sqlite3 *db;

  g_assert_no_error (error);

  /* not a database */
  g_assert_true (g_file_set_contents (garbage, "This is not an SQLite database, just text. "
                                               "This is not an SQLite database, just text. "
                                               "This is not an SQLite database, just text.", -1, NULL));
  store = zc_local_store_open (garbage, &error);
  g_assert_null (store);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE);
  g_clear_error (&error);

  /* a folder */
  store = zc_local_store_open (dir, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* empty name */
  store = zc_local_store_open ("", &error);
  g_assert_null (store);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* written by a newer version: refused and left as it was */
  db = open_raw (newer);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 999", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  store = zc_local_store_open (newer, &error);
  g_assert_null (store);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NEWER_SCHEMA);
  db = open_raw (newer);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 999);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'records'"), ==, 0);
  sqlite3_close (db);

  remove_tree (dir);
}

static void
test_naming (void)
{
  g_autofree char *path = zc_local_store_default_path (ZC_LOCAL_STORE_LOCAL_ACCOUNT);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "zhicheng", "local.sqlite", NULL);
  g_autofree char *kind = zc_local_store_archive_kind ("papers");

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (kind, ==, "archive:papers");
  g_assert_cmpstr (zc_local_store_kind_get_form_id (kind), ==, "papers");
  g_assert_null (zc_local_store_kind_get_form_id ("archive:"));
  g_assert_null (zc_local_store_kind_get_form_id ("personal-info"));
  g_assert_null (zc_local_store_kind_get_form_id (""));

  if (g_test_undefined ())
    {
      /* an account id is a file name: no separators */
      g_test_expect_message ("zc-local-store", G_LOG_LEVEL_CRITICAL, "*");
      g_assert_null (zc_local_store_default_path ("../evil"));
      g_test_assert_expected_messages ();
    }
}

/* Edits and their outbox rows */

typedef struct
{
  guint  count;
  char  *id;
  char  *kind;
} ChangedLog;

static void
on_changed (ZcLocalStore *store,
            const char   *id,
            const char   *kind,
            ChangedLog   *log)
{
  log->count++;
  g_free (log->id);
  g_free (log->kind);
  log->id = g_strdup (id);
  log->kind = g_strdup (kind);
}

static void
test_create_writes_record_and_outbox (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(JsonObject) body1 = assessment_body (2020);
  g_autoptr(JsonObject) body2 = paper_body ("配电网自动化改造");
  g_autoptr(ZcRecord) first = NULL;
  g_autoptr(ZcRecord) second = NULL;
  g_autoptr(ZcRecord) stored = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0 };
  ZcMutation *mutation;
  JsonObject *args_body;
  sqlite3 *db;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), &log);

  first = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", body1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (zc_record_get_state (first), ==, "pending");
  g_assert_cmpstr (zc_record_get_owner_id (first), ==, zc_local_store_get_owner_id (fixture->store));
  g_assert_cmpint (zc_record_get_version (first), ==, 0);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpstr (log.id, ==, zc_record_get_id (first));
  g_assert_cmpstr (log.kind, ==, "archive:annual-assessments");
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);

  second = zc_local_store_create_entry (fixture->store, "archive:papers", body2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 2);

  /* read back */
  stored = zc_local_store_get_record (fixture->store, zc_record_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (zc_record_get_body (stored), "year"), ==, 2020);
  g_assert_cmpstr (zc_record_get_state (stored), ==, "pending");
  g_assert_false (zc_record_get_deleted (stored));
  listed = zc_local_store_list_records (fixture->store, "archive:papers", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (zc_record_get_id (g_ptr_array_index (listed, 0)), ==, zc_record_get_id (second));

  /* the outbox: one put per edit, numbered 1, 2 */
  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 2);
  mutation = g_ptr_array_index (outbox, 0);
  g_assert_cmpint (mutation->id, ==, 1);
  g_assert_cmpstr (mutation->name, ==, ZC_LOCAL_STORE_MUTATION_PUT);
  g_assert_cmpstr (mutation->record_id, ==, zc_record_get_id (first));
  g_assert_cmpint (mutation->base_version, ==, 0);
  g_assert_null (mutation->expected_state);
  g_assert_cmpstr (json_object_get_string_member (mutation->args, "kind"), ==, "archive:annual-assessments");
  args_body = json_object_get_object_member (mutation->args, "body");
  g_assert_cmpstr (json_object_get_string_member (args_body, "assessed_by"), ==, "市人社局");
  mutation = g_ptr_array_index (outbox, 1);
  g_assert_cmpint (mutation->id, ==, 2);
  g_assert_cmpstr (mutation->record_id, ==, zc_record_get_id (second));

  /* on disk: dirty records, each with its outbox row */
  db = open_raw (fixture->path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM records WHERE dirty = 1"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM records r WHERE NOT EXISTS "
                                  "(SELECT 1 FROM outbox o WHERE o.record_id = r.id)"), ==, 0);
  sqlite3_close (db);

  g_free (log.id);
  g_free (log.kind);
}

/* A failure after the record was written must take the record back too. */
static void
test_create_is_atomic (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonObject) body = assessment_body (2020);
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_raw (fixture->path);

  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox "
                                     "BEGIN SELECT RAISE (ABORT, 'injected failure'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  record = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", body, &error);
  g_assert_null (record);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "injected failure"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM records"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox"), ==, 0);

  /* and the store is usable again once the fault is gone */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER fail_outbox", NULL, NULL, NULL), ==, SQLITE_OK);
  record = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM records"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox"), ==, 1);
  sqlite3_close (db);
}

static void
test_bad_input_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) good = assessment_body (2020);
  g_autoptr(JsonObject) missing = parse_object ("{\"result\": \"1\"}");
  g_autoptr(JsonObject) wrong_type = parse_object ("{\"year\": \"2020\", \"result\": \"1\"}");
  g_autoptr(JsonObject) unknown_code = parse_object ("{\"year\": 2020, \"result\": \"99\"}");
  g_autoptr(JsonObject) extra = parse_object ("{\"year\": 2020, \"result\": \"1\", \"hacker\": true}");
  g_autoptr(JsonObject) future = parse_object ("{\"year\": 2099, \"result\": \"1\"}");
  g_autoptr(JsonObject) unknown_blob =
    parse_object ("{\"year\": 2020, \"result\": \"1\", \"attachments\": [{\"sha256\":"
                  " \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
                  " \"name\": \"a.pdf\", \"mime\": \"application/pdf\", \"size\": 10}]}");
  JsonObject *bodies[] = { missing, wrong_type, unknown_code, extra, future, unknown_blob };
  const char *kinds[] = { "archive:no-such-form", "personal-info", "archive:", "Archive:Papers",
                          "", "archive:papers/../x" };
  ZcRecord *record;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      record = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", bodies[i], &error);
      g_assert_null (record);
      g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      record = zc_local_store_create_entry (fixture->store, kinds[i], good, &error);
      g_assert_null (record);
      g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* the message comes from the shared validator, naming the field */
  record = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", missing, &error);
  g_assert_null (record);
  g_assert_nonnull (strstr (error->message, "Assessment year"));
  g_clear_error (&error);

  /* ids that are not UUIDs, or not there */
  g_assert_null (zc_local_store_update_entry (fixture->store, "not-a-uuid", good, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (zc_local_store_update_entry (fixture->store, "123e4567-e89b-42d3-a456-426614174000", good, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (zc_local_store_delete_entry (fixture->store, "", &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (zc_local_store_get_record (fixture->store, "123e4567-e89b-42d3-a456-426614174000", &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* nothing was written by any of it */
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);
  {
    g_autoptr(GHashTable) counts = zc_local_store_count_by_kind (fixture->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  }
}

static void
test_state_rules (Fixture       *fixture,
                  gconstpointer  data)
{
  struct {
    const char *from;
    const char *after_edit;     /* NULL: editing is refused */
    gboolean    may_delete;
  } cases[] = {
    { "pending",    "pending",    TRUE },
    { "unreviewed", "unreviewed", TRUE },
    { "approved",   "pending",    FALSE },
    { "returned",   "pending",    TRUE },
    { "rejected",   NULL,         FALSE },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ZcRecord) seeded = server_entry (fixture->store, cases[i].from, 7);
      g_autoptr(JsonObject) edited = assessment_body (2021);
      g_autoptr(ZcRecord) after = NULL;
      g_autoptr(ZcRecord) stored = NULL;
      const char *id = zc_record_get_id (seeded);
      guint outbox_before;

      g_assert_true (zc_local_store_put_server_record (fixture->store, seeded, &error));
      g_assert_no_error (error);
      outbox_before = zc_local_store_get_outbox_count (fixture->store);

      after = zc_local_store_update_entry (fixture->store, id, edited, &error);
      stored = zc_local_store_get_record (fixture->store, id, NULL);
      if (cases[i].after_edit != NULL)
        {
          g_autoptr(GPtrArray) outbox = NULL;
          ZcMutation *last;

          g_assert_no_error (error);
          g_assert_cmpstr (zc_record_get_state (after), ==, cases[i].after_edit);
          g_assert_cmpstr (zc_record_get_state (stored), ==, cases[i].after_edit);
          g_assert_cmpint (json_object_get_int_member (zc_record_get_body (stored), "year"), ==, 2021);
          g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, outbox_before + 1);
          outbox = zc_local_store_list_outbox (fixture->store, NULL);
          last = g_ptr_array_index (outbox, outbox->len - 1);
          g_assert_cmpint (last->base_version, ==, 7);
          g_assert_cmpstr (last->record_id, ==, id);
        }
      else
        {
          g_assert_null (after);
          g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
          g_clear_error (&error);
          g_assert_cmpstr (zc_record_get_state (stored), ==, "rejected");
          g_assert_cmpint (json_object_get_int_member (zc_record_get_body (stored), "year"), ==, 2019);
          g_assert_cmpstr (zc_record_get_review_comment (stored), ==, "请补充考核表扫描件");
          g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, outbox_before);
        }

      /* back to the state the server gave it, then delete */
      g_assert_true (zc_local_store_put_server_record (fixture->store, seeded, &error));
      outbox_before = zc_local_store_get_outbox_count (fixture->store);
      if (cases[i].may_delete)
        {
          g_autoptr(ZcRecord) tombstone = NULL;
          g_autoptr(GPtrArray) outbox = NULL;
          ZcMutation *last;

          g_assert_true (zc_local_store_delete_entry (fixture->store, id, &error));
          g_assert_no_error (error);
          tombstone = zc_local_store_get_record (fixture->store, id, &error);
          g_assert_no_error (error);
          g_assert_true (zc_record_get_deleted (tombstone));
          outbox = zc_local_store_list_outbox (fixture->store, NULL);
          last = g_ptr_array_index (outbox, outbox->len - 1);
          g_assert_cmpstr (last->name, ==, ZC_LOCAL_STORE_MUTATION_DELETE);
          g_assert_cmpstr (json_object_get_string_member (last->args, "kind"), ==, "archive:annual-assessments");

          /* a tombstone is gone for edits */
          g_assert_false (zc_local_store_delete_entry (fixture->store, id, &error));
          g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
          g_clear_error (&error);
          g_assert_null (zc_local_store_update_entry (fixture->store, id, edited, &error));
          g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
          g_clear_error (&error);
        }
      else
        {
          g_assert_false (zc_local_store_delete_entry (fixture->store, id, &error));
          g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
          g_clear_error (&error);
          g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, outbox_before);
        }
    }

  /* saving the same body again is no edit: still approved, nothing queued */
  {
    g_autoptr(ZcRecord) approved = server_entry (fixture->store, "approved", 4);
    g_autoptr(JsonObject) same = assessment_body (2019);
    g_autoptr(ZcRecord) after = NULL;
    guint outbox_before;

    g_assert_true (zc_local_store_put_server_record (fixture->store, approved, &error));
    outbox_before = zc_local_store_get_outbox_count (fixture->store);
    after = zc_local_store_update_entry (fixture->store, zc_record_get_id (approved), same, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (zc_record_get_state (after), ==, "approved");
    g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, outbox_before);
  }

  /* a server record for the archive needs a review state */
  {
    g_autoptr(ZcRecord) stateless = server_entry (fixture->store, "pending", 1);

    zc_record_set_state (stateless, NULL);
    g_assert_false (zc_local_store_put_server_record (fixture->store, stateless, &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
    g_clear_error (&error);
    zc_record_set_state (stateless, "decided-somehow");
    g_assert_false (zc_local_store_put_server_record (fixture->store, stateless, &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;
  guint states[ZC_N_REVIEW_STATES];
  const char *seeded_states[] = { "approved", "approved", "rejected", "returned" };
  g_autoptr(ZcRecord) doomed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (seeded_states); i++)
    {
      g_autoptr(ZcRecord) record = server_entry (fixture->store, seeded_states[i], 3);
      g_assert_true (zc_local_store_put_server_record (fixture->store, record, &error));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonObject) body = paper_body ("论文");
      g_autoptr(ZcRecord) record = zc_local_store_create_entry (fixture->store, "archive:papers", body, &error);
      g_assert_no_error (error);
      if (i == 0)
        doomed = g_steal_pointer (&record);
    }
  g_assert_true (zc_local_store_delete_entry (fixture->store, zc_record_get_id (doomed), &error));

  counts = zc_local_store_count_by_kind (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "archive:annual-assessments")), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "archive:papers")), ==, 2);
  g_assert_false (g_hash_table_contains (counts, "archive:education"));

  g_assert_true (zc_local_store_count_states (fixture->store, "archive:annual-assessments", states, &error));
  g_assert_cmpuint (states[ZC_REVIEW_STATE_APPROVED], ==, 2);
  g_assert_cmpuint (states[ZC_REVIEW_STATE_REJECTED], ==, 1);
  g_assert_cmpuint (states[ZC_REVIEW_STATE_RETURNED], ==, 1);
  g_assert_cmpuint (states[ZC_REVIEW_STATE_PENDING], ==, 0);
  g_assert_true (zc_local_store_count_states (fixture->store, "archive:papers", states, &error));
  g_assert_cmpuint (states[ZC_REVIEW_STATE_PENDING], ==, 2);
  g_assert_true (zc_local_store_count_states (fixture->store, "archive:nothing", states, &error));
  for (guint i = 0; i < ZC_N_REVIEW_STATES; i++)
    g_assert_cmpuint (states[i], ==, 0);
}

static void
test_personal_info (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) none = zc_local_store_get_personal_info (fixture->store, &error);
  g_autoptr(JsonObject) bad = parse_object ("{\"name\": 12}");
  g_autoptr(ZcRecord) saved = NULL;

  g_assert_no_error (error);
  g_assert_null (none);

  saved = zc_local_store_save_personal_info (fixture->store, bad, &error);
  g_assert_null (saved);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);

  {
    g_autoptr(JsonObject) good =
      parse_object ("{\"name\": \"张三\", \"gender\": \"2\", \"ethnic_group\": \"01\","
                    " \"birth_date\": \"1949-12-31\", \"political_status\": \"01\", \"id_type\": \"111\","
                    " \"id_number\": \"11010519491231002X\", \"nationality\": \"中国\","
                    " \"mobile\": \"13800138000\", \"email\": \"zhang@example.cn\", \"address\": \"北京市\","
                    " \"unit_name\": \"市电力公司\", \"unit_nature\": \"10\", \"work_started_on\": \"1970-07-01\","
                    " \"current_profession\": \"电气工程\", \"work_years\": 40, \"specialty_years\": 30}");
    g_autoptr(ZcRecord) again = NULL;
    g_autoptr(ZcRecord) read = NULL;

    saved = zc_local_store_save_personal_info (fixture->store, good, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (zc_record_get_kind (saved), ==, ZC_LOCAL_STORE_PERSONAL_INFO_KIND);
    g_assert_null (zc_record_get_state (saved));

    /* saving again replaces the one record */
    json_object_set_int_member (good, "specialty_years", 31);
    again = zc_local_store_save_personal_info (fixture->store, good, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (zc_record_get_id (again), ==, zc_record_get_id (saved));
    read = zc_local_store_get_personal_info (fixture->store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (zc_record_get_body (read), "specialty_years"), ==, 31);
    g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 2);

    /* a cross-field rule of the shared form */
    json_object_set_int_member (good, "specialty_years", 41);
    g_assert_null (zc_local_store_save_personal_info (fixture->store, good, &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

/* Attachments */

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static void
test_attachments (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char pdf[] = "%PDF-1.4\n% a very small test document\n%%EOF\n";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char *const only_pdf[] = { "application/pdf", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) pdf_file = write_file (fixture->dir, "毕业证.pdf", pdf, -1);
  g_autoptr(GFile) png_file = write_file (fixture->dir, "scan.pdf", png, sizeof png - 1);
  g_autoptr(GFile) text_file = write_file (fixture->dir, "notes.pdf", "just some words", -1);
  g_autoptr(GFile) empty_file = write_file (fixture->dir, "empty.pdf", "", 0);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/file.pdf");
  g_autoptr(JsonObject) attachment = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) body = assessment_body (2020);
  g_autoptr(ZcRecord) record = NULL;
  g_autofree char *expected_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, pdf, -1);
  g_autofree char *blob_path = NULL;
  g_autofree char *copied = NULL;
  JsonArray *files;
  JsonObject *refused;
  sqlite3 *db;

  attachment = zc_local_store_add_attachment (fixture->store, pdf_file, NULL, 1024 * 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (attachment, "sha256"), ==, expected_sha);
  g_assert_cmpstr (json_object_get_string_member (attachment, "name"), ==, "毕业证.pdf");
  g_assert_cmpstr (json_object_get_string_member (attachment, "mime"), ==, "application/pdf");
  g_assert_cmpint (json_object_get_int_member (attachment, "size"), ==, strlen (pdf));
  g_assert_true (zc_local_store_has_blob (fixture->store, expected_sha));
  blob_path = zc_local_store_get_blob_path (fixture->store, expected_sha);
  g_assert_true (g_file_get_contents (blob_path, &copied, NULL, NULL));
  g_assert_cmpstr (copied, ==, pdf);

  /* the same content again is stored once */
  again = zc_local_store_add_attachment (fixture->store, pdf_file, only_pdf, strlen (pdf), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (again, "sha256"), ==, expected_sha);

  /* by content: a PNG named .pdf is a PNG */
  refused = zc_local_store_add_attachment (fixture->store, png_file, only_pdf, 1024, &error);
  g_assert_null (refused);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);
  refused = zc_local_store_add_attachment (fixture->store, png_file, NULL, 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (refused, "mime"), ==, "image/png");
  json_object_unref (refused);

  refused = zc_local_store_add_attachment (fixture->store, text_file, NULL, 1024, &error);
  g_assert_null (refused);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_assert_nonnull (strstr (error->message, "notes.pdf"));
  g_clear_error (&error);

  /* one byte over the limit */
  refused = zc_local_store_add_attachment (fixture->store, pdf_file, NULL, strlen (pdf) - 1, &error);
  g_assert_null (refused);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);

  refused = zc_local_store_add_attachment (fixture->store, empty_file, NULL, 1024, &error);
  g_assert_null (refused);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);

  refused = zc_local_store_add_attachment (fixture->store, folder, NULL, 1024, &error);
  g_assert_null (refused);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);

  refused = zc_local_store_add_attachment (fixture->store, missing, NULL, 1024, &error);
  g_assert_null (refused);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (zc_local_store_has_blob (fixture->store, "not-a-hash"));
  g_assert_null (zc_local_store_get_blob_path (fixture->store, "../../etc/passwd"));

  /* an entry naming the file waits for its upload */
  files = json_array_new ();
  json_array_add_object_element (files, json_object_ref (attachment));
  json_object_set_array_member (body, "attachments", files);
  record = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", body, &error);
  g_assert_no_error (error);

  db = open_raw (fixture->path);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM blobs"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox_blobs"), ==, 1);
  {
    g_autofree char *waiting = query_text (db, "SELECT sha256 FROM outbox_blobs");
    g_assert_cmpstr (waiting, ==, expected_sha);
  }
  /* no temporary files left in the blob folder */
  {
    g_autoptr(GDir) dir = g_dir_open (zc_local_store_get_blob_dir (fixture->store), 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_false (g_str_has_prefix (name, ".incoming"));
        n++;
      }
    g_assert_cmpuint (n, ==, 2);
  }
  sqlite3_close (db);
}

/* Kill safety: a writer killed with SIGKILL in the middle of its loop
 * leaves a file where every committed record has its outbox row, and
 * every edit it reported as saved is there. */

static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcLocalStore) store = zc_local_store_open (path, &error);

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  for (int i = 0;; i++)
    {
      g_autoptr(JsonObject) body = assessment_body (1990 + i % 30);
      g_autoptr(ZcRecord) record = zc_local_store_create_entry (store, "archive:annual-assessments", body, &error);

      if (record == NULL)
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      /* only after COMMIT returned: this id is acknowledged */
      g_print ("%s\n", zc_record_get_id (record));
      fflush (stdout);
    }
  return 0;
}

static void
test_kill_safety (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  guint rounds = g_test_slow () ? 30 : 6;

  g_assert_nonnull (exe);
  g_clear_object (&fixture->store);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      gint64 deadline = g_get_monotonic_time () + g_random_int_range (30, 250) * 1000;
      guint seen = 0;
      sqlite3 *db;
      sqlite3_stmt *stmt;
      GHashTableIter iter;
      gpointer key;

      writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, exe, "--writer", fixture->path, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));

      /* read acknowledgements for a while, then kill it mid-write */
      while (g_get_monotonic_time () < deadline || seen == 0)
        {
          char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (line);   /* the writer must not stop on its own */
          g_hash_table_add (acknowledged, line);
          seen++;
        }
      g_subprocess_force_exit (writer);
      g_assert_true (g_subprocess_wait (writer, NULL, &error));
      g_assert_true (g_subprocess_get_if_signaled (writer));
      g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);

      db = open_raw (fixture->path);
      {
        g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");
        g_assert_cmpstr (integrity, ==, "ok");
      }
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      /* record and outbox row together, or neither */
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM records r WHERE NOT EXISTS "
                                      "(SELECT 1 FROM outbox o WHERE o.record_id = r.id)"), ==, 0);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox o WHERE NOT EXISTS "
                                      "(SELECT 1 FROM records r WHERE r.id = o.record_id)"), ==, 0);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM records"), ==,
                       query_int (db, "SELECT count(*) FROM outbox"));
      /* mutation ids have no gaps */
      g_assert_cmpint (query_int (db, "SELECT max(mutation_id) FROM outbox"), ==,
                       query_int (db, "SELECT count(*) FROM outbox"));

      /* every acknowledged edit survived */
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM records WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
      g_hash_table_iter_init (&iter, acknowledged);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        }
      sqlite3_finalize (stmt);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM records"), >=, g_hash_table_size (acknowledged));
      sqlite3_close (db);
    }

  g_test_message ("%u acknowledged edits over %u kills", g_hash_table_size (acknowledged), rounds);

  /* the store opens again and carries on numbering */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) body = assessment_body (2020);
    g_autoptr(ZcRecord) record = NULL;
    g_autoptr(GPtrArray) outbox = NULL;

    fixture->store = zc_local_store_open (fixture->path, &error);
    g_assert_no_error (error);
    record = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", body, &error);
    g_assert_no_error (error);
    outbox = zc_local_store_list_outbox (fixture->store, &error);
    g_assert_cmpint (((ZcMutation *) g_ptr_array_index (outbox, outbox->len - 1))->id, ==, outbox->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_strcmp0 (argv[1], "--writer") == 0)
    {
      setlocale (LC_ALL, "C.UTF-8");
      zc_i18n_init ();
      return run_writer (argv[2]);
    }

  /* messages are checked in English */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add ("/local-store/open/creates-schema", Fixture, NULL,
              fixture_set_up, test_open_creates_schema, fixture_tear_down);
  g_test_add_func ("/local-store/open/migration-steps", test_migration_steps);
  g_test_add_func ("/local-store/open/refuses-bad-files", test_open_refuses_bad_files);
  g_test_add_func ("/local-store/naming", test_naming);
  g_test_add ("/local-store/edit/create-writes-record-and-outbox", Fixture, NULL,
              fixture_set_up, test_create_writes_record_and_outbox, fixture_tear_down);
  g_test_add ("/local-store/edit/create-is-atomic", Fixture, NULL,
              fixture_set_up, test_create_is_atomic, fixture_tear_down);
  g_test_add ("/local-store/edit/bad-input-refused", Fixture, NULL,
              fixture_set_up, test_bad_input_refused, fixture_tear_down);
  g_test_add ("/local-store/edit/state-rules", Fixture, NULL,
              fixture_set_up, test_state_rules, fixture_tear_down);
  g_test_add ("/local-store/counts", Fixture, NULL,
              fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/local-store/personal-info", Fixture, NULL,
              fixture_set_up, test_personal_info, fixture_tear_down);
  g_test_add ("/local-store/attachments", Fixture, NULL,
              fixture_set_up, test_attachments, fixture_tear_down);
  g_test_add ("/local-store/kill-safety", Fixture, NULL,
              fixture_set_up, test_kill_safety, fixture_tear_down);

  return g_test_run ();
}
