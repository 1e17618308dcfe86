/* zc-sqlite-migrations.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include "zc-sqlite-private.h"

/* The SQLite schema as numbered migrations, tracked in PRAGMA
 * user_version.  Append only: a migration that has shipped is never
 * edited; a change to a table is a new migration.  A PostgreSQL backend
 * keeps its own list with the same numbers and the same tables. */
static const char * const migrations[] = {
  /* 1: store metadata */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
  "INSERT INTO meta (key, value) VALUES ('epoch', lower(hex(randomblob(16))));"
  "INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
  "INSERT INTO meta (key, value) VALUES ('demo', '0');",

  /* 2: units, accounts, sessions, binding requests, audit trail.
   * Times are microseconds since 1970 UTC. */
  "CREATE TABLE units ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  credit_code TEXT NOT NULL UNIQUE,"
  "  region_code TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('employer', 'hr_bureau', 'department', 'committee', 'issuer')),"
  "  department_id TEXT REFERENCES units (id),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX units_kind_region ON units (kind, region_code);"

  "CREATE TABLE accounts ("
  "  id TEXT PRIMARY KEY,"
  "  id_number TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),"
  "  birth_date TEXT NOT NULL,"
  "  mobile TEXT UNIQUE,"
  "  role TEXT NOT NULL,"
  "  unit_id TEXT REFERENCES units (id),"
  "  password_hash TEXT NOT NULL,"
  "  must_change_password INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX accounts_unit ON accounts (unit_id);"

  "CREATE TABLE sessions ("
  "  id TEXT PRIMARY KEY,"
  "  token_hash TEXT NOT NULL UNIQUE,"
  "  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  last_seen_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  address TEXT"
  ") STRICT;"
  "CREATE INDEX sessions_account ON sessions (account_id);"

  "CREATE TABLE bindings ("
  "  id TEXT PRIMARY KEY,"
  "  account_id TEXT NOT NULL REFERENCES accounts (id),"
  "  unit_id TEXT NOT NULL REFERENCES units (id),"
  "  freelancer INTEGER NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'denied', 'withdrawn')),"
  "  comment TEXT NOT NULL,"
  "  decision_comment TEXT,"
  "  decided_by TEXT REFERENCES accounts (id),"
  "  created_at INTEGER NOT NULL,"
  "  decided_at INTEGER"
  ") STRICT;"
  "CREATE INDEX bindings_unit_state ON bindings (unit_id, state, created_at);"
  "CREATE INDEX bindings_account ON bindings (account_id, created_at);"
  "CREATE UNIQUE INDEX bindings_one_pending ON bindings (account_id) WHERE state = 'pending';"

  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL,"
  "  actor TEXT,"
  "  action TEXT NOT NULL,"
  "  object TEXT,"
  "  detail TEXT,"
  "  address TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  row_hash TEXT NOT NULL"
  ") STRICT;",
};

guint
zc_sqlite_migrations_count (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Each migration runs in its own BEGIN IMMEDIATE transaction and reads
 * the version inside it, so a server and an admin command starting at
 * the same moment never apply one twice. */
gboolean
zc_sqlite_migrate (sqlite3  *db,
                   GError  **error)
{
  for (;;)
    {
      g_autofree char *set_version = NULL;
      gint64 version;

      if (!zc_sqlite_exec (db, "BEGIN IMMEDIATE", ZC_STORE_ERROR_MIGRATION, error))
        return FALSE;

      version = zc_sqlite_query_int (db, "PRAGMA user_version");
      if (version == (gint64) G_N_ELEMENTS (migrations))
        return zc_sqlite_exec (db, "COMMIT", ZC_STORE_ERROR_MIGRATION, error);

      if (version < 0 || version > (gint64) G_N_ELEMENTS (migrations))
        {
          zc_sqlite_exec (db, "ROLLBACK", ZC_STORE_ERROR_MIGRATION, NULL);
          g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_MIGRATION,
                       "The database has schema version %" G_GINT64_FORMAT
                       ", newer than this server knows (%u)",
                       version, (guint) G_N_ELEMENTS (migrations));
          return FALSE;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version + 1);
      if (!zc_sqlite_exec (db, migrations[version], ZC_STORE_ERROR_MIGRATION, error) ||
          !zc_sqlite_exec (db, set_version, ZC_STORE_ERROR_MIGRATION, error))
        {
          zc_sqlite_exec (db, "ROLLBACK", ZC_STORE_ERROR_MIGRATION, NULL);
          return FALSE;
        }
      if (!zc_sqlite_exec (db, "COMMIT", ZC_STORE_ERROR_MIGRATION, error))
        {
          zc_sqlite_exec (db, "ROLLBACK", ZC_STORE_ERROR_MIGRATION, NULL);
          return FALSE;
        }
      g_debug ("Applied migration %" G_GINT64_FORMAT, version + 1);
    }
}
