/* zc-local-store-migrations.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include "zc-local-store.h"
#include "zc-local-store-migrations.h"

/* The tables of sync-and-security-notes.md §1.9.  Times are UTC
 * microseconds since 1970; bodies and args are JSON text. */
static const char *const migrations[] = {
  /* 1: records, their outbox, blobs and the sync bookkeeping */
  "CREATE TABLE sync_meta ("
  "  k TEXT PRIMARY KEY,"
  "  v TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE records ("
  "  id TEXT PRIMARY KEY CHECK (length (id) = 36),"
  "  kind TEXT NOT NULL CHECK (length (kind) BETWEEN 1 AND 64),"
  "  owner_id TEXT NOT NULL,"
  "  server_version INTEGER NOT NULL DEFAULT 0 CHECK (server_version >= 0),"
  "  body TEXT NOT NULL CHECK (json_valid (body) AND json_type (body) = 'object'),"
  "  state TEXT,"
  "  review_comment TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  dirty INTEGER NOT NULL DEFAULT 0 CHECK (dirty IN (0, 1)),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX records_by_kind ON records (kind, deleted, created_at);"
  "CREATE TABLE blobs ("
  "  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64),"
  "  size INTEGER NOT NULL CHECK (size > 0),"
  "  mime TEXT NOT NULL,"
  "  path TEXT NOT NULL,"
  "  uploaded INTEGER NOT NULL DEFAULT 0 CHECK (uploaded IN (0, 1)),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  /* AUTOINCREMENT: a mutation id is never reused, even after the
   * outbox empties, because the server remembers the last one. */
  "CREATE TABLE outbox ("
  "  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL,"
  "  record_id TEXT NOT NULL REFERENCES records (id),"
  "  base_version INTEGER NOT NULL DEFAULT 0 CHECK (base_version >= 0),"
  "  expected_state TEXT,"
  "  args TEXT NOT NULL CHECK (json_valid (args) AND json_type (args) = 'object'),"
  "  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'rejected')),"
  "  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"
  "  last_error TEXT,"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX outbox_by_record ON outbox (record_id);"
  /* a mutation waits until the files it names are uploaded */
  "CREATE TABLE outbox_blobs ("
  "  mutation_id INTEGER NOT NULL REFERENCES outbox (mutation_id) ON DELETE CASCADE,"
  "  sha256 TEXT NOT NULL REFERENCES blobs (sha256),"
  "  PRIMARY KEY (mutation_id, sha256)"
  ") STRICT;",

  /* 2: what the server sends back: messages, rejections, conflicts */
  "CREATE TABLE messages ("
  "  id TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  record_id TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE rejections ("
  "  mutation_id INTEGER PRIMARY KEY,"
  "  record_id TEXT,"
  "  code TEXT NOT NULL,"
  "  message TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE conflicts ("
  "  id INTEGER PRIMARY KEY,"
  "  record_id TEXT NOT NULL REFERENCES records (id),"
  "  field TEXT NOT NULL,"
  "  client_value TEXT NOT NULL CHECK (json_valid (client_value)),"
  "  server_value TEXT NOT NULL CHECK (json_valid (server_value)),"
  "  mutation_id INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))"
  ") STRICT;"
  "CREATE INDEX conflicts_by_record ON conflicts (record_id, resolved);",

  /* 3: the cached review plans (not records: read-only copies of what
   * GET /api/v1/plans gave); `current` marks the versions of the last
   * list, the others stay while a local declaration refers to them.
   * The body is not checked here: a copy that no longer reads is
   * skipped when read, not a reason to refuse the whole list. */
  "CREATE TABLE plans ("
  "  id TEXT NOT NULL,"
  "  version INTEGER NOT NULL CHECK (version >= 1),"
  "  year INTEGER NOT NULL DEFAULT 0,"
  "  body TEXT NOT NULL,"
  "  current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)),"
  "  fetched_at INTEGER NOT NULL,"
  "  PRIMARY KEY (id, version)"
  ") STRICT;",

  /* 4: messages arrive by pull as records of kind "message"
   * (docs/sync.md); the table of migration 2 was never filled */
  "DROP TABLE messages;",
};

guint
zc_local_store_migrations_get_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

const char * const *
zc_local_store_migrations_get_scripts (guint *n_scripts)
{
  if (n_scripts != NULL)
    *n_scripts = G_N_ELEMENTS (migrations);
  return migrations;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                   "%s", message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_user_version (sqlite3  *db,
                   guint    *version_out,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_int64 version = sqlite3_column_int64 (stmt, 0);

      if (version >= 0 && version <= G_MAXINT)
        {
          *version_out = (guint) version;
          ok = TRUE;
        }
      else
        g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                     "The schema version %" G_GINT64_FORMAT " is not valid", (gint64) version);
    }
  else
    g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                 "%s", sqlite3_errmsg (db));

  sqlite3_finalize (stmt);
  return ok;
}

/**
 * zc_local_store_migrate_with:
 * @scripts: the migration scripts, the first making version 1
 * @from_version_out: (out) (optional): the version the file had
 *
 * Brings @db up to @n_scripts.  Each step is its own transaction that
 * also sets `user_version`, so a failed or interrupted step leaves the
 * file at the previous version with nothing of the step applied.
 * A file newer than @n_scripts is refused without being touched.
 */
gboolean
zc_local_store_migrate_with (sqlite3            *db,
                             const char * const *scripts,
                             guint               n_scripts,
                             guint              *from_version_out,
                             GError            **error)
{
  guint version = 0;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (scripts != NULL || n_scripts == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Read under the write lock, so two processes opening a new file at
   * once cannot both run the first step. */
  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!read_user_version (db, &version, error))
    goto rollback;

  if (from_version_out != NULL)
    *from_version_out = version;

  if (version > n_scripts)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NEWER_SCHEMA,
                   "The local data was written by a newer version of this program "
                   "(schema %u; this version knows %u)", version, n_scripts);
      goto rollback;
    }

  while (version < n_scripts)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", version + 1);

      if (!exec (db, scripts[version], error) || !exec (db, set_version, error))
        {
          g_prefix_error (error, "Migration %u: ", version + 1);
          goto rollback;
        }
      if (!exec (db, "COMMIT", error))
        goto rollback;

      version++;
      g_debug ("Local store migrated to schema %u", version);
      if (version < n_scripts && !exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
    }

  /* Nothing was to do: close the transaction opened above. */
  if (sqlite3_get_autocommit (db) == 0 && !exec (db, "COMMIT", error))
    goto rollback;

  return TRUE;

rollback:
  if (sqlite3_get_autocommit (db) == 0)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
zc_local_store_migrate (sqlite3  *db,
                        guint    *from_version_out,
                        GError  **error)
{
  return zc_local_store_migrate_with (db, migrations, G_N_ELEMENTS (migrations),
                                      from_version_out, error);
}
