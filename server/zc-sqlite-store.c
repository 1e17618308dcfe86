/* zc-sqlite-store.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "zc-sqlite-private.h"
#include "zc-sqlite-store.h"
#include "zc-store-sql.h"

/* The default store: one SQLite file in WAL mode with synchronous=FULL,
 * so an acknowledged commit survives a power cut.  Each transaction
 * takes a connection of a small pool for itself (one thread at a time
 * uses a connection), so readers run in parallel with the one writer.
 * Other processes (the admin command) may use the same file at the
 * same time: SQLite's locks and busy_timeout serialise the writers. */

#define MAX_CONNECTIONS       8
#define BUSY_TIMEOUT_MS       5000
#define POOL_WAIT_USEC        (10 * G_USEC_PER_SEC)

typedef struct
{
  sqlite3    *db;           /* owned */
  GHashTable *statements;   /* owned: SQL text → idle prepared sqlite3_stmt */
} Connection;

struct _ZcSqliteStore
{
  GObject    parent_instance;

  char      *path;          /* owned */
  GMutex     lock;
  GCond      cond;
  GPtrArray *idle;          /* owned: of Connection, guarded by lock */
  guint      n_open;        /* guarded by lock */
};

typedef struct
{
  ZcStoreTxn     parent;
  ZcSqliteStore *store;     /* owned ref */
  Connection    *conn;      /* owned until given back */
  gboolean       open;      /* between BEGIN and COMMIT/ROLLBACK */
} SqliteTxn;

typedef struct
{
  ZcStoreStmt   parent;
  sqlite3_stmt *stmt;       /* owned */
  char         *sql;        /* owned: the cache key */
  gint64        changes;
} SqliteStmt;

static void zc_sqlite_store_iface_init (ZcStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZcSqliteStore, zc_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZC_TYPE_STORE, zc_sqlite_store_iface_init))

/* ---- helpers shared with zc-sqlite-migrations.c ------------------------ */

void
zc_sqlite_set_error (GError  **error,
                     sqlite3  *db,
                     int       rc)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = ZC_STORE_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = ZC_STORE_ERROR_CONSTRAINT;
      break;
    default:
      code = ZC_STORE_ERROR_IO;
      break;
    }

  g_set_error (error, ZC_STORE_ERROR, code, "SQLite: %s", db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

gboolean
zc_sqlite_exec (sqlite3     *db,
                const char  *sql,
                int          code,
                GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        code = ZC_STORE_ERROR_BUSY;
      g_set_error (error, ZC_STORE_ERROR, code, "SQLite: %s", message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gint64
zc_sqlite_query_int (sqlite3    *db,
                     const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* ---- connections ------------------------------------------------------ */

static void
connection_free (Connection *conn)
{
  if (conn == NULL)
    return;

  g_clear_pointer (&conn->statements, g_hash_table_unref);
  sqlite3_close (conn->db);
  g_free (conn);
}

static Connection *
connection_open (const char  *path,
                 GError     **error)
{
  Connection *conn = g_new0 (Connection, 1);

  /* NOMUTEX: a connection is used by one thread at a time, by design */
  if (sqlite3_open_v2 (path, &conn->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_OPEN,
                   "Cannot open database %s: %s", path,
                   conn->db != NULL ? sqlite3_errmsg (conn->db) : "out of memory");
      connection_free (conn);
      return NULL;
    }

  conn->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  sqlite3_busy_timeout (conn->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (conn->db, 1);

  /* synchronous and foreign_keys are per connection; WAL is per file */
  if (!zc_sqlite_exec (conn->db,
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = FULL;"
                       "PRAGMA foreign_keys = ON;",
                       ZC_STORE_ERROR_OPEN, error))
    {
      connection_free (conn);
      return NULL;
    }

  return conn;
}

static Connection *
pool_acquire (ZcSqliteStore  *self,
              GError        **error)
{
  gint64 deadline = g_get_monotonic_time () + POOL_WAIT_USEC;
  Connection *conn;

  g_mutex_lock (&self->lock);
  while (self->idle->len == 0 && self->n_open >= MAX_CONNECTIONS)
    {
      if (!g_cond_wait_until (&self->cond, &self->lock, deadline))
        {
          g_mutex_unlock (&self->lock);
          g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_BUSY,
                               "Every database connection is in use");
          return NULL;
        }
    }

  if (self->idle->len > 0)
    {
      conn = g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1);
      g_mutex_unlock (&self->lock);
      return conn;
    }

  self->n_open++;
  g_mutex_unlock (&self->lock);

  conn = connection_open (self->path, error);
  if (conn == NULL)
    {
      g_mutex_lock (&self->lock);
      self->n_open--;
      g_cond_signal (&self->cond);
      g_mutex_unlock (&self->lock);
    }

  return conn;
}

static void
pool_release (ZcSqliteStore *self,
              Connection    *conn)
{
  g_mutex_lock (&self->lock);
  if (sqlite3_get_autocommit (conn->db))
    g_ptr_array_add (self->idle, conn);
  else
    {
      /* a transaction it could not end: do not hand it on */
      g_warning ("Dropping a database connection left inside a transaction");
      connection_free (conn);
      self->n_open--;
    }
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* ---- statements ------------------------------------------------------- */

static ZcStoreStmt *
sqlite_prepare (ZcStoreTxn   *txn,
                const char   *sql,
                GError      **error)
{
  SqliteTxn *self = (SqliteTxn *) txn;
  SqliteStmt *stmt = g_new0 (SqliteStmt, 1);
  gpointer key = NULL;
  gpointer value = NULL;

  stmt->parent.txn = txn;

  /* A cached statement is taken out of the cache while in use, so the
   * same SQL can run twice at once (a fresh statement is prepared). */
  if (g_hash_table_steal_extended (self->conn->statements, sql, &key, &value))
    {
      stmt->sql = key;
      stmt->stmt = value;
      return &stmt->parent;
    }

  if (sqlite3_prepare_v3 (self->conn->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt->stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "SQLite: %s (in %s)",
                   sqlite3_errmsg (self->conn->db), sql);
      g_free (stmt);
      return NULL;
    }
  stmt->sql = g_strdup (sql);

  return &stmt->parent;
}

static void
sqlite_check_bind (SqliteStmt *stmt,
                   int         rc)
{
  if (rc != SQLITE_OK)
    g_critical ("Cannot bind a parameter of %s: %s", stmt->sql, sqlite3_errstr (rc));
}

static void
sqlite_bind_text (ZcStoreStmt *stmt,
                  guint        index,
                  const char  *value)
{
  SqliteStmt *self = (SqliteStmt *) stmt;

  sqlite_check_bind (self, sqlite3_bind_text (self->stmt, (int) index, value, -1, SQLITE_TRANSIENT));
}

static void
sqlite_bind_int64 (ZcStoreStmt *stmt,
                   guint        index,
                   gint64       value)
{
  SqliteStmt *self = (SqliteStmt *) stmt;

  sqlite_check_bind (self, sqlite3_bind_int64 (self->stmt, (int) index, value));
}

static void
sqlite_bind_null (ZcStoreStmt *stmt,
                  guint        index)
{
  SqliteStmt *self = (SqliteStmt *) stmt;

  sqlite_check_bind (self, sqlite3_bind_null (self->stmt, (int) index));
}

static ZcStoreStep
sqlite_step (ZcStoreStmt  *stmt,
             GError      **error)
{
  SqliteStmt *self = (SqliteStmt *) stmt;
  sqlite3 *db = sqlite3_db_handle (self->stmt);
  int rc = sqlite3_step (self->stmt);

  if (rc == SQLITE_ROW)
    return ZC_STORE_STEP_ROW;

  if (rc == SQLITE_DONE)
    {
      self->changes = sqlite3_changes (db);
      sqlite3_reset (self->stmt);
      return ZC_STORE_STEP_DONE;
    }

  zc_sqlite_set_error (error, db, rc);
  sqlite3_reset (self->stmt);
  return ZC_STORE_STEP_ERROR;
}

static const char *
sqlite_column_text (ZcStoreStmt *stmt,
                    guint        column)
{
  return (const char *) sqlite3_column_text (((SqliteStmt *) stmt)->stmt, (int) column);
}

static gint64
sqlite_column_int64 (ZcStoreStmt *stmt,
                     guint        column)
{
  return sqlite3_column_int64 (((SqliteStmt *) stmt)->stmt, (int) column);
}

static gboolean
sqlite_column_is_null (ZcStoreStmt *stmt,
                       guint        column)
{
  return sqlite3_column_type (((SqliteStmt *) stmt)->stmt, (int) column) == SQLITE_NULL;
}

static gint64
sqlite_changes (ZcStoreStmt *stmt)
{
  return ((SqliteStmt *) stmt)->changes;
}

static void
sqlite_finish (ZcStoreStmt *stmt)
{
  SqliteStmt *self = (SqliteStmt *) stmt;
  SqliteTxn *txn = (SqliteTxn *) stmt->txn;

  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
  if (txn->conn != NULL && !g_hash_table_contains (txn->conn->statements, self->sql))
    g_hash_table_insert (txn->conn->statements, g_steal_pointer (&self->sql), g_steal_pointer (&self->stmt));
  else
    sqlite3_finalize (self->stmt);
  g_free (self->sql);
  g_free (self);
}

/* ---- transactions ----------------------------------------------------- */

static gboolean
sqlite_commit (ZcStoreTxn  *txn,
               GError     **error)
{
  SqliteTxn *self = (SqliteTxn *) txn;

  if (!zc_sqlite_exec (self->conn->db, "COMMIT", ZC_STORE_ERROR_IO, error))
    return FALSE;

  self->open = FALSE;
  return TRUE;
}

static void
sqlite_release (ZcStoreTxn *txn)
{
  SqliteTxn *self = (SqliteTxn *) txn;

  if (self->open && !sqlite3_get_autocommit (self->conn->db))
    {
      g_autoptr(GError) error = NULL;

      if (!zc_sqlite_exec (self->conn->db, "ROLLBACK", ZC_STORE_ERROR_IO, &error))
        g_warning ("Rollback failed: %s", error->message);
    }

  pool_release (self->store, g_steal_pointer (&self->conn));
  g_object_unref (self->store);
  g_free (self);
}

static const ZcStoreTxnClass sqlite_txn_class = {
  .prepare = sqlite_prepare,
  .bind_text = sqlite_bind_text,
  .bind_int64 = sqlite_bind_int64,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .column_text = sqlite_column_text,
  .column_int64 = sqlite_column_int64,
  .column_is_null = sqlite_column_is_null,
  .changes = sqlite_changes,
  .finish = sqlite_finish,
  .commit = sqlite_commit,
  .release = sqlite_release,
};

static ZcStoreTxn *
zc_sqlite_store_begin (ZcStore   *store,
                       gboolean   write,
                       GError   **error)
{
  ZcSqliteStore *self = ZC_SQLITE_STORE (store);
  SqliteTxn *txn;
  Connection *conn = pool_acquire (self, error);

  if (conn == NULL)
    return NULL;

  txn = g_new0 (SqliteTxn, 1);
  txn->parent.klass = &sqlite_txn_class;
  txn->parent.write = write;
  txn->store = g_object_ref (self);
  txn->conn = conn;

  if (!zc_sqlite_exec (conn->db, write ? "BEGIN IMMEDIATE" : "BEGIN", ZC_STORE_ERROR_IO, error))
    {
      sqlite_release (&txn->parent);
      return NULL;
    }
  txn->open = TRUE;

  return &txn->parent;
}

/* ---- the rest of the interface ---------------------------------------- */

static gboolean
zc_sqlite_store_get_info (ZcStore      *store,
                          ZcStoreInfo  *info,
                          GError      **error)
{
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (store, error);
  g_autoptr(ZcStoreStmt) stmt = NULL;
  ZcStoreStep step;

  if (txn == NULL)
    return FALSE;

  memset (info, 0, sizeof *info);
  info->schema_version = zc_sqlite_query_int (((SqliteTxn *) txn)->conn->db, "PRAGMA user_version");

  stmt = zc_store_stmt_new (txn, "SELECT key, value FROM meta", error);
  if (stmt == NULL)
    return FALSE;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      const char *key = zc_store_stmt_get_text (stmt, 0);
      const char *value = zc_store_stmt_get_text (stmt, 1);

      if (g_strcmp0 (key, "epoch") == 0)
        {
          g_free (info->epoch);
          info->epoch = g_strdup (value);
        }
      else if (g_strcmp0 (key, "demo") == 0)
        info->demo = g_strcmp0 (value, "1") == 0;
    }

  if (step == ZC_STORE_STEP_ERROR)
    {
      zc_store_info_clear (info);
      return FALSE;
    }

  return TRUE;
}

static gboolean
zc_sqlite_store_set_demo (ZcStore   *store,
                          gboolean   demo,
                          GError   **error)
{
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (store, error);
  g_autoptr(ZcStoreStmt) stmt = NULL;

  if (txn == NULL)
    return FALSE;

  stmt = zc_store_stmt_new (txn, "UPDATE meta SET value = ?1 WHERE key = 'demo'", error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, demo ? "1" : "0");
  if (!zc_store_stmt_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, zc_store_stmt_free);

  return zc_store_txn_commit (txn, error);
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    return g_close (fd, error);

  saved_errno = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "Cannot write %s to disk: %s", path, g_strerror (saved_errno));
  return FALSE;
}

/* VACUUM INTO reads one snapshot (a WAL reader blocks nobody) and
 * writes a compact copy; SQLite refuses a non-empty target. */
static gboolean
zc_sqlite_store_backup (ZcStore     *store,
                        const char  *path,
                        GError     **error)
{
  ZcSqliteStore *self = ZC_SQLITE_STORE (store);
  Connection *conn;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "%s already exists: a backup never overwrites a file", path);
      return FALSE;
    }

  conn = pool_acquire (self, error);
  if (conn == NULL)
    return FALSE;

  rc = sqlite3_prepare_v2 (conn->db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    zc_sqlite_set_error (error, conn->db, rc);
  sqlite3_finalize (stmt);
  pool_release (self, conn);

  if (rc != SQLITE_DONE)
    return FALSE;

  g_chmod (path, 0600);
  return sync_file (path, error);
}

static void
zc_sqlite_store_iface_init (ZcStoreInterface *iface)
{
  iface->get_info = zc_sqlite_store_get_info;
  iface->set_demo = zc_sqlite_store_set_demo;
  iface->begin = zc_sqlite_store_begin;
  iface->backup = zc_sqlite_store_backup;
}

static void
zc_sqlite_store_finalize (GObject *object)
{
  ZcSqliteStore *self = ZC_SQLITE_STORE (object);

  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

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
  g_cond_init (&self->cond);
  self->idle = g_ptr_array_new_with_free_func ((GDestroyNotify) connection_free);
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
  Connection *conn;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZC_TYPE_SQLITE_STORE, NULL);
  self->path = g_strdup (path);

  /* The file holds personal information: owner only.  Made before
   * SQLite opens it, because SQLite gives its -wal and -shm files the
   * mode of the database file. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_OPEN, "Cannot open database %s: %s",
                   path, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  conn = connection_open (path, error);
  if (conn == NULL)
    return NULL;

  if (!zc_sqlite_migrate (conn->db, error))
    {
      connection_free (conn);
      return NULL;
    }

  self->n_open = 1;
  g_ptr_array_add (self->idle, conn);

  return ZC_STORE (g_steal_pointer (&self));
}
