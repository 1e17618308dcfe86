/* zc-sqlite-store.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "zc-sqlite-store.h"

/* The default store: one SQLite file in WAL mode with synchronous=FULL,
 * so an acknowledged commit survives a power cut.  Schema changes are
 * numbered migrations tracked in PRAGMA user_version and run at open. */

struct _ZcSqliteStore
{
  GObject  parent_instance;

  GMutex   lock;   /* serialises use of db until the per-thread pool lands */
  sqlite3 *db;     /* owned */
};

static void zc_sqlite_store_iface_init (ZcStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZcSqliteStore, zc_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZC_TYPE_STORE, zc_sqlite_store_iface_init))

/* Append only: a migration that has shipped is never edited. */
static const char * const migrations[] = {
  /* 1: store metadata */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
  "INSERT INTO meta (key, value) VALUES ('epoch', lower(hex(randomblob(16))));"
  "INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"
  "INSERT INTO meta (key, value) VALUES ('demo', '0');",
};

static gboolean
exec_sql (ZcSqliteStore  *self,
          const char     *sql,
          int             code,
          GError        **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, ZC_STORE_ERROR, code, "SQLite: %s", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static gint64
query_int (ZcSqliteStore *self,
           const char    *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
migrate (ZcSqliteStore  *self,
         GError        **error)
{
  gint64 version = query_int (self, "PRAGMA user_version");

  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_MIGRATION,
                   "The database has schema version %" G_GINT64_FORMAT
                   ", newer than this server knows (%u)",
                   version, (guint) G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (gint64 i = version; i < (gint64) G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, i + 1);

      if (!exec_sql (self, "BEGIN IMMEDIATE", ZC_STORE_ERROR_MIGRATION, error))
        return FALSE;
      if (!exec_sql (self, migrations[i], ZC_STORE_ERROR_MIGRATION, error) ||
          !exec_sql (self, set_version, ZC_STORE_ERROR_MIGRATION, error))
        {
          exec_sql (self, "ROLLBACK", ZC_STORE_ERROR_MIGRATION, NULL);
          return FALSE;
        }
      if (!exec_sql (self, "COMMIT", ZC_STORE_ERROR_MIGRATION, error))
        return FALSE;
      g_debug ("Applied migration %" G_GINT64_FORMAT, i + 1);
    }

  return TRUE;
}

static gboolean
zc_sqlite_store_get_info (ZcStore      *store,
                          ZcStoreInfo  *info,
                          GError      **error)
{
  ZcSqliteStore *self = ZC_SQLITE_STORE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  sqlite3_stmt *stmt = NULL;
  int rc;

  memset (info, 0, sizeof *info);
  info->schema_version = query_int (self, "PRAGMA user_version");

  if (sqlite3_prepare_v2 (self->db, "SELECT key, value FROM meta", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "SQLite: %s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (key, "epoch") == 0)
        info->epoch = g_strdup (value);
      else if (g_strcmp0 (key, "demo") == 0)
        info->demo = g_strcmp0 (value, "1") == 0;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      zc_store_info_clear (info);
      g_set_error (error, ZC_STORE_ERROR, rc == SQLITE_BUSY ? ZC_STORE_ERROR_BUSY : ZC_STORE_ERROR_IO,
                   "SQLite: %s", sqlite3_errmsg (self->db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
zc_sqlite_store_set_demo (ZcStore   *store,
                          gboolean   demo,
                          GError   **error)
{
  ZcSqliteStore *self = ZC_SQLITE_STORE (store);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return exec_sql (self, demo ? "UPDATE meta SET value = '1' WHERE key = 'demo'"
                              : "UPDATE meta SET value = '0' WHERE key = 'demo'",
                   ZC_STORE_ERROR_IO, error);
}

static void
zc_sqlite_store_iface_init (ZcStoreInterface *iface)
{
  iface->get_info = zc_sqlite_store_get_info;
  iface->set_demo = zc_sqlite_store_set_demo;
}

static void
zc_sqlite_store_finalize (GObject *object)
{
  ZcSqliteStore *self = ZC_SQLITE_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (zc_sqlite_store_parent_class)->finalize (object);
}

static void
zc_sqlite_store_class_init (ZcSqliteStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zc_sqlite_store_finalize;
}

static void
zc_sqlite_store_init (ZcSqliteStore *self)
{
  g_mutex_init (&self->lock);
}

/**
 * zc_sqlite_store_open:
 * @path: the database file, created if missing
 *
 * Returns: (transfer full): the store, migrated to the current schema
 */
ZcStore *
zc_sqlite_store_open (const char  *path,
                      GError     **error)
{
  g_autoptr(ZcSqliteStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZC_TYPE_SQLITE_STORE, NULL);

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_OPEN,
                   "Cannot open database %s: %s", path,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  if (!exec_sql (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;",
                 ZC_STORE_ERROR_OPEN, error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return ZC_STORE (g_steal_pointer (&self));
}
