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

  /* 3: records (personal information, archive entries), their versions
   * and status history, messages, and the sync bookkeeping.  Every
   * change of a record or message takes the next number of
   * sync_sequence as its seq: a pull reads what changed after a seq.
   * The two trails are append-only, enforced here. */
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  " BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  " BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"

  "CREATE TABLE sync_sequence ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  seq INTEGER NOT NULL,"
  "  horizon INTEGER NOT NULL"
  ") STRICT;"
  "INSERT INTO sync_sequence (id, seq, horizon) VALUES (1, 0, 0);"

  "CREATE TABLE records ("
  "  id TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  owner_id TEXT NOT NULL REFERENCES accounts (id),"
  "  body TEXT NOT NULL,"
  "  state TEXT CHECK (state IN ('pending', 'unreviewed', 'approved', 'rejected', 'returned')),"
  "  review_comment TEXT,"
  "  version INTEGER NOT NULL CHECK (version >= 1),"
  "  seq INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  submitted_at INTEGER"
  ") STRICT;"
  "CREATE UNIQUE INDEX records_seq ON records (seq);"
  "CREATE INDEX records_owner ON records (owner_id, kind);"
  "CREATE INDEX records_queue ON records (state, submitted_at) WHERE deleted = 0;"
  "CREATE UNIQUE INDEX records_one_personal_info ON records (owner_id) WHERE kind = 'personal-info';"

  /* the body of every version that changed it: the base of a merge */
  "CREATE TABLE record_versions ("
  "  record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (record_id, version)"
  ") STRICT, WITHOUT ROWID;"

  /* who changed an entry's review state, when, from what to what, why */
  "CREATE TABLE record_history ("
  "  seq INTEGER PRIMARY KEY,"
  "  record_id TEXT NOT NULL,"
  "  at INTEGER NOT NULL,"
  "  actor_id TEXT,"
  "  actor_role TEXT,"
  "  action TEXT NOT NULL,"
  "  from_state TEXT,"
  "  to_state TEXT,"
  "  comment TEXT,"
  "  version INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX record_history_record ON record_history (record_id, seq);"
  "CREATE TRIGGER record_history_no_update BEFORE UPDATE ON record_history"
  " BEGIN SELECT RAISE (ABORT, 'the review history is append-only'); END;"
  "CREATE TRIGGER record_history_no_delete BEFORE DELETE ON record_history"
  " BEGIN SELECT RAISE (ABORT, 'the review history is append-only'); END;"

  "CREATE TABLE messages ("
  "  id TEXT PRIMARY KEY,"
  "  account_id TEXT NOT NULL REFERENCES accounts (id),"
  "  record_id TEXT,"
  "  action TEXT NOT NULL,"
  "  detail TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  read_at INTEGER,"
  "  seq INTEGER NOT NULL"
  ") STRICT;"
  "CREATE UNIQUE INDEX messages_seq ON messages (seq);"
  "CREATE INDEX messages_account ON messages (account_id, created_at);"

  "CREATE TABLE sync_clients ("
  "  id TEXT PRIMARY KEY,"
  "  account_id TEXT NOT NULL REFERENCES accounts (id),"
  "  last_mutation_id INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  last_seen_at INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE sync_rejections ("
  "  client_id TEXT NOT NULL REFERENCES sync_clients (id),"
  "  mutation_id INTEGER NOT NULL,"
  "  code TEXT NOT NULL,"
  "  message TEXT NOT NULL,"
  "  seq INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (client_id, mutation_id)"
  ") STRICT;"
  "CREATE INDEX sync_rejections_seq ON sync_rejections (client_id, seq);"

  /* a value a client sent for a field the server had changed meanwhile */
  "CREATE TABLE sync_conflicts ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id TEXT NOT NULL REFERENCES accounts (id),"
  "  client_id TEXT,"
  "  mutation_id INTEGER,"
  "  record_id TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  client_value TEXT NOT NULL,"
  "  server_value TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX sync_conflicts_client ON sync_conflicts (client_id, mutation_id);"
  "CREATE INDEX sync_conflicts_record ON sync_conflicts (record_id);",

  /* 4: blobs (attachments named by their SHA-256; the bytes are in the
   * blob store) and everyone who uploaded each */
  "CREATE TABLE blobs ("
  "  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64),"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  mime TEXT NOT NULL,"
  "  owner TEXT NOT NULL REFERENCES accounts (id),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX blobs_owner ON blobs (owner);"
  "CREATE TABLE blob_uploaders ("
  "  sha256 TEXT NOT NULL REFERENCES blobs (sha256),"
  "  account_id TEXT NOT NULL REFERENCES accounts (id),"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (sha256, account_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX blob_uploaders_account ON blob_uploaders (account_id);",

  /* 5: every login purges ended sessions by either deadline; without
   * these the purge scans the whole sessions table each time */
  "CREATE INDEX sessions_expires ON sessions (expires_at);"
  "CREATE INDEX sessions_last_seen ON sessions (last_seen_at);",

  /* 6: review plans, every version kept (the plan JSON in body; the
   * columns the list filters on copied out of it, the title picks in
   * plan_titles), and integrity records by resident ID number */
  "CREATE TABLE plans ("
  "  id TEXT NOT NULL,"
  "  version INTEGER NOT NULL CHECK (version >= 1),"
  "  state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'closed')),"
  "  committee_id TEXT NOT NULL REFERENCES units (id),"
  "  year INTEGER NOT NULL,"
  "  type TEXT NOT NULL CHECK (type IN ('review', 'determination')),"
  "  region_code TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  published_at INTEGER,"
  "  closed_at INTEGER,"
  "  PRIMARY KEY (id, version)"
  ") STRICT;"
  "CREATE INDEX plans_committee ON plans (committee_id, state);"
  "CREATE INDEX plans_state_year ON plans (state, year);"
  "CREATE TABLE plan_titles ("
  "  plan_id TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  series TEXT NOT NULL,"
  "  category TEXT NOT NULL,"
  "  level TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  FOREIGN KEY (plan_id, version) REFERENCES plans (id, version) ON DELETE CASCADE"
  ") STRICT;"
  "CREATE INDEX plan_titles_plan ON plan_titles (plan_id, version);"
  "CREATE INDEX plan_titles_series ON plan_titles (series, level);"
  "CREATE TABLE integrity_records ("
  "  id TEXT PRIMARY KEY,"
  "  id_number TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  until INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  created_by TEXT"
  ") STRICT;"
  "CREATE INDEX integrity_records_id_number ON integrity_records (id_number, until);",

  /* 7: declarations (docs/declarations.md).  A declaration is a record
   * whose state is a ZcDeclarationState id, so the records table is
   * rebuilt with a wider state check (SQLite cannot alter a CHECK); the
   * version bodies are kept aside meanwhile, since dropping records
   * cascades to them.  Beside it: what the scope queries filter on, the
   * frozen review-form documents and the timeline's events. */
  "CREATE TABLE records_new ("
  "  id TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  owner_id TEXT NOT NULL REFERENCES accounts (id),"
  "  body TEXT NOT NULL,"
  "  state TEXT CHECK (state IN ('pending', 'unreviewed', 'approved', 'rejected', 'returned',"
  "    'draft', 'discarded', 'unit_review', 'unit_recommended', 'unit_publicity', 'unit_publicity_ended',"
  "    'department_review', 'committee_intake', 'under_review', 'interview_scheduled', 'review_passed',"
  "    'result_publicity', 'result_publicity_ended', 'issuing', 'issuer_review', 'certified', 'failed')),"
  "  review_comment TEXT,"
  "  version INTEGER NOT NULL CHECK (version >= 1),"
  "  seq INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  submitted_at INTEGER"
  ") STRICT;"
  "INSERT INTO records_new (id, kind, owner_id, body, state, review_comment, version, seq, deleted,"
  "  created_at, updated_at, submitted_at)"
  " SELECT id, kind, owner_id, body, state, review_comment, version, seq, deleted,"
  "  created_at, updated_at, submitted_at FROM records;"
  "CREATE TEMP TABLE record_versions_kept AS SELECT record_id, version, body FROM record_versions;"
  "DROP TABLE records;"
  "ALTER TABLE records_new RENAME TO records;"
  "CREATE UNIQUE INDEX records_seq ON records (seq);"
  "CREATE INDEX records_owner ON records (owner_id, kind);"
  "CREATE INDEX records_queue ON records (state, submitted_at) WHERE deleted = 0;"
  "CREATE UNIQUE INDEX records_one_personal_info ON records (owner_id) WHERE kind = 'personal-info';"
  "INSERT OR IGNORE INTO record_versions (record_id, version, body)"
  " SELECT record_id, version, body FROM record_versions_kept;"
  "DROP TABLE record_versions_kept;"

  "CREATE TABLE declarations ("
  "  record_id TEXT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,"
  "  owner_id TEXT NOT NULL REFERENCES accounts (id),"
  "  plan_id TEXT NOT NULL,"
  "  plan_version INTEGER NOT NULL,"
  "  plan_year INTEGER NOT NULL,"
  "  plan_type TEXT NOT NULL CHECK (plan_type IN ('review', 'determination')),"
  "  receiving_unit_id TEXT,"
  "  department_id TEXT,"
  "  committee_id TEXT,"
  "  state TEXT NOT NULL,"
  "  reached INTEGER NOT NULL DEFAULT 0,"
  "  returns INTEGER NOT NULL DEFAULT 0,"
  "  submitted_at INTEGER,"
  "  updated_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX declarations_owner ON declarations (owner_id, plan_year);"
  "CREATE INDEX declarations_unit ON declarations (receiving_unit_id, reached, state);"
  "CREATE INDEX declarations_department ON declarations (department_id, reached, state);"
  "CREATE INDEX declarations_committee ON declarations (committee_id, reached, state);"
  "CREATE INDEX declarations_plan ON declarations (plan_id, state);"

  "CREATE TABLE declaration_snapshots ("
  "  record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  document TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (record_id, version)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE declaration_events ("
  "  seq INTEGER PRIMARY KEY,"
  "  record_id TEXT NOT NULL,"
  "  at INTEGER NOT NULL,"
  "  actor_id TEXT,"
  "  action TEXT NOT NULL,"
  "  data TEXT NOT NULL,"
  "  version INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX declaration_events_record ON declaration_events (record_id, seq);"
  "CREATE TRIGGER declaration_events_no_update BEFORE UPDATE ON declaration_events"
  " BEGIN SELECT RAISE (ABORT, 'the declaration events are append-only'); END;"
  "CREATE TRIGGER declaration_snapshots_no_update BEFORE UPDATE ON declaration_snapshots"
  " BEGIN SELECT RAISE (ABORT, 'a frozen declaration document is never changed'); END;",
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
