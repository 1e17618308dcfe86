/* zc-store-integrity.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include "zc-store-integrity.h"
#include "zc-store-sql.h"

void
zc_integrity_record_free (ZcIntegrityRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->id);
  g_free (record->id_number);
  g_free (record->reason);
  g_free (record->created_by);
  g_free (record);
}

#define INTEGRITY_COLUMNS "id, id_number, reason, until, created_at, created_by"

static ZcIntegrityRecord *
record_from_row (ZcStoreStmt *stmt)
{
  ZcIntegrityRecord *record = g_new0 (ZcIntegrityRecord, 1);

  record->id = zc_store_stmt_dup_text (stmt, 0);
  record->id_number = zc_store_stmt_dup_text (stmt, 1);
  record->reason = zc_store_stmt_dup_text (stmt, 2);
  record->until = zc_store_stmt_get_int64 (stmt, 3);
  record->created_at = zc_store_stmt_get_int64 (stmt, 4);
  record->created_by = zc_store_stmt_dup_text (stmt, 5);

  return record;
}

static GPtrArray *
select_records (ZcStoreTxn  *txn,
                const char  *id_number,
                gint64       active_at,
                GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_integrity_record_free);
  ZcStoreStep step;

  stmt = zc_store_stmt_new (txn,
                            "SELECT " INTEGRITY_COLUMNS " FROM integrity_records"
                            " WHERE (?1 IS NULL OR id_number = ?1)"
                            "   AND (?2 = 0 OR until > ?2)"
                            " ORDER BY created_at DESC, id",
                            error);
  if (stmt == NULL)
    return NULL;

  zc_store_stmt_bind_text (stmt, 1, id_number);
  zc_store_stmt_bind_int64 (stmt, 2, MAX (active_at, 0));

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&records);
}

/**
 * zc_store_integrity_active:
 *
 * Returns: (transfer full) (element-type ZcIntegrityRecord): the
 *   records of @id_number in force at @now (their until after it)
 */
GPtrArray *
zc_store_integrity_active (ZcStoreTxn  *txn,
                           const char  *id_number,
                           gint64       now,
                           GError     **error)
{
  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id_number != NULL, NULL);
  g_return_val_if_fail (now > 0, NULL);

  return select_records (txn, id_number, now, error);
}

/**
 * zc_store_integrity_list:
 *
 * Returns: (transfer full) (element-type ZcIntegrityRecord): the records
 */
GPtrArray *
zc_store_integrity_list (ZcStoreTxn  *txn,
                         const char  *id_number,
                         gint64       active_at,
                         GError     **error)
{
  g_return_val_if_fail (txn != NULL, NULL);

  return select_records (txn, id_number, active_at, error);
}

gboolean
zc_store_integrity_insert (ZcStoreTxn               *txn,
                           const ZcIntegrityRecord  *record,
                           GError                  **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (record != NULL && record->id != NULL && record->id_number != NULL, FALSE);
  g_return_val_if_fail (record->reason != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO integrity_records (" INTEGRITY_COLUMNS ")"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;

  zc_store_stmt_bind_text (stmt, 1, record->id);
  zc_store_stmt_bind_text (stmt, 2, record->id_number);
  zc_store_stmt_bind_text (stmt, 3, record->reason);
  zc_store_stmt_bind_int64 (stmt, 4, record->until);
  zc_store_stmt_bind_int64 (stmt, 5, record->created_at);
  zc_store_stmt_bind_text (stmt, 6, record->created_by);

  return zc_store_stmt_run (stmt, error);
}

gboolean
zc_store_integrity_remove (ZcStoreTxn  *txn,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "DELETE FROM integrity_records WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  zc_store_stmt_bind_text (stmt, 1, id);
  if (!zc_store_stmt_run (stmt, error))
    return FALSE;

  if (zc_store_stmt_changes (stmt) == 0)
    {
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such integrity record");
      return FALSE;
    }

  return TRUE;
}
