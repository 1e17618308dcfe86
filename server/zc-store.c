/* zc-store.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <string.h>

#include "zc-store.h"
#include "zc-store-sql.h"

G_DEFINE_QUARK (zc-store-error-quark, zc_store_error)
G_DEFINE_INTERFACE (ZcStore, zc_store, G_TYPE_OBJECT)

static void
zc_store_default_init (ZcStoreInterface *iface)
{
}

void
zc_store_info_clear (ZcStoreInfo *info)
{
  g_clear_pointer (&info->epoch, g_free);
}

gboolean
zc_store_get_info (ZcStore      *store,
                   ZcStoreInfo  *info,
                   GError      **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ZC_STORE_GET_IFACE (store)->get_info (store, info, error);
}

gboolean
zc_store_set_demo (ZcStore   *store,
                   gboolean   demo,
                   GError   **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ZC_STORE_GET_IFACE (store)->set_demo (store, demo, error);
}

/**
 * zc_store_begin_read:
 *
 * Starts a transaction that only reads; it sees one consistent
 * snapshot and never blocks the writer.
 *
 * Returns: (transfer full) (nullable): the transaction
 */
ZcStoreTxn *
zc_store_begin_read (ZcStore  *store,
                     GError  **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return ZC_STORE_GET_IFACE (store)->begin (store, FALSE, error);
}

/**
 * zc_store_begin_write:
 *
 * Starts a transaction that takes the write lock at once (SQLite's
 * `BEGIN IMMEDIATE`), so that a read followed by a write cannot fail
 * half-way with a busy error.  Keep it short.
 *
 * Returns: (transfer full) (nullable): the transaction
 */
ZcStoreTxn *
zc_store_begin_write (ZcStore  *store,
                      GError  **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return ZC_STORE_GET_IFACE (store)->begin (store, TRUE, error);
}

/**
 * zc_store_backup:
 * @path: a file that does not exist yet
 *
 * Writes a consistent copy of the whole database to @path while the
 * store stays in use.
 */
gboolean
zc_store_backup (ZcStore     *store,
                 const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ZC_STORE_GET_IFACE (store)->backup (store, path, error);
}

gboolean
zc_store_txn_commit (ZcStoreTxn  *txn,
                     GError     **error)
{
  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (!txn->committed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!txn->klass->commit (txn, error))
    return FALSE;

  txn->committed = TRUE;
  return TRUE;
}

/**
 * zc_store_txn_free:
 *
 * Rolls back what was not committed and gives the connection back.
 */
void
zc_store_txn_free (ZcStoreTxn *txn)
{
  if (txn == NULL)
    return;

  txn->klass->release (txn);
}

static gboolean
run_sql (ZcStoreTxn  *txn,
         const char  *sql,
         GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = zc_store_stmt_new (txn, sql, error);

  return stmt != NULL && zc_store_stmt_run (stmt, error);
}

/**
 * zc_store_txn_step_begin:
 *
 * Marks the start of a step that zc_store_txn_step_undo() can take back
 * without ending the transaction; zc_store_txn_step_end() keeps it.
 */
gboolean
zc_store_txn_step_begin (ZcStoreTxn  *txn,
                         GError     **error)
{
  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_sql (txn, "SAVEPOINT zc_step", error);
}

gboolean
zc_store_txn_step_end (ZcStoreTxn  *txn,
                       GError     **error)
{
  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_sql (txn, "RELEASE SAVEPOINT zc_step", error);
}

/* Undoes everything since zc_store_txn_step_begin() and ends the step. */
gboolean
zc_store_txn_step_undo (ZcStoreTxn  *txn,
                        GError     **error)
{
  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_sql (txn, "ROLLBACK TO SAVEPOINT zc_step", error) &&
         run_sql (txn, "RELEASE SAVEPOINT zc_step", error);
}

/* ---- statements ------------------------------------------------------- */

ZcStoreStmt *
zc_store_stmt_new (ZcStoreTxn   *txn,
                   const char   *sql,
                   GError      **error)
{
  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return txn->klass->prepare (txn, sql, error);
}

void
zc_store_stmt_bind_text (ZcStoreStmt *stmt,
                         guint        index,
                         const char  *value)
{
  g_return_if_fail (stmt != NULL);
  g_return_if_fail (index >= 1);

  if (value == NULL)
    stmt->txn->klass->bind_null (stmt, index);
  else
    stmt->txn->klass->bind_text (stmt, index, value);
}

void
zc_store_stmt_bind_int64 (ZcStoreStmt *stmt,
                          guint        index,
                          gint64       value)
{
  g_return_if_fail (stmt != NULL);
  g_return_if_fail (index >= 1);

  stmt->txn->klass->bind_int64 (stmt, index, value);
}

void
zc_store_stmt_bind_boolean (ZcStoreStmt *stmt,
                            guint        index,
                            gboolean     value)
{
  zc_store_stmt_bind_int64 (stmt, index, value ? 1 : 0);
}

void
zc_store_stmt_bind_null (ZcStoreStmt *stmt,
                         guint        index)
{
  g_return_if_fail (stmt != NULL);
  g_return_if_fail (index >= 1);

  stmt->txn->klass->bind_null (stmt, index);
}

ZcStoreStep
zc_store_stmt_step (ZcStoreStmt  *stmt,
                    GError      **error)
{
  g_return_val_if_fail (stmt != NULL, ZC_STORE_STEP_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, ZC_STORE_STEP_ERROR);

  return stmt->txn->klass->step (stmt, error);
}

/**
 * zc_store_stmt_run:
 *
 * Steps a statement that returns no rows (INSERT, UPDATE, DELETE).
 */
gboolean
zc_store_stmt_run (ZcStoreStmt  *stmt,
                   GError      **error)
{
  ZcStoreStep step;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    ;

  return step == ZC_STORE_STEP_DONE;
}

/* Returns: (transfer none) (nullable): valid until the next step */
const char *
zc_store_stmt_get_text (ZcStoreStmt *stmt,
                        guint        column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  if (stmt->txn->klass->column_is_null (stmt, column))
    return NULL;

  return stmt->txn->klass->column_text (stmt, column);
}

char *
zc_store_stmt_dup_text (ZcStoreStmt *stmt,
                        guint        column)
{
  return g_strdup (zc_store_stmt_get_text (stmt, column));
}

gint64
zc_store_stmt_get_int64 (ZcStoreStmt *stmt,
                         guint        column)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return stmt->txn->klass->column_int64 (stmt, column);
}

gboolean
zc_store_stmt_get_boolean (ZcStoreStmt *stmt,
                           guint        column)
{
  return zc_store_stmt_get_int64 (stmt, column) != 0;
}

gboolean
zc_store_stmt_is_null (ZcStoreStmt *stmt,
                       guint        column)
{
  g_return_val_if_fail (stmt != NULL, TRUE);

  return stmt->txn->klass->column_is_null (stmt, column);
}

/* Rows changed by the last run of @stmt. */
gint64
zc_store_stmt_changes (ZcStoreStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return stmt->txn->klass->changes (stmt);
}

void
zc_store_stmt_free (ZcStoreStmt *stmt)
{
  if (stmt == NULL)
    return;

  stmt->txn->klass->finish (stmt);
}

/**
 * zc_store_like_pattern:
 * @text: what the user searches for
 *
 * Returns: (transfer full): a `LIKE … ESCAPE '\'` pattern matching any
 *   text that contains @text literally (its % and _ escaped)
 */
char *
zc_store_like_pattern (const char *text)
{
  GString *pattern;

  g_return_val_if_fail (text != NULL, NULL);

  pattern = g_string_new ("%");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}
