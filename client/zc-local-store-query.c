/* zc-local-store-query.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <string.h>

#include "zc-json.h"
#include "zc-local-store-private.h"
#include "zc-sync-message.h"

/* Reads: records, counts and the outbox. */

/**
 * zc_local_store_get_personal_info:
 *
 * Returns: (transfer full) (nullable): the personal information, or
 *   %NULL without an error when there is none yet
 */
ZcRecord *
zc_local_store_get_personal_info (ZcLocalStore  *self,
                                  GError       **error)
{
  sqlite3_stmt *stmt;
  ZcRecord *record = NULL;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, "SELECT " ZC_LOCAL_STORE_RECORD_COLUMNS " FROM records WHERE kind = ? AND deleted = 0 "
                        "ORDER BY created_at LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ZC_LOCAL_STORE_PERSONAL_INFO_KIND, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = zc_local_store_record_from_row (stmt, error);
  else if (rc != SQLITE_DONE)
    zc_local_store_set_db_error (self, error, "Reading the personal information failed");
  sqlite3_finalize (stmt);

  return record;
}

/* Public API: reading */

/**
 * zc_local_store_get_record:
 *
 * Returns: (transfer full): the record, tombstones included; an error
 *   %ZC_LOCAL_STORE_ERROR_NOT_FOUND when there is none
 */
ZcRecord *
zc_local_store_get_record (ZcLocalStore  *self,
                           const char    *id,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  ZcRecord *record;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = zc_local_store_read_record (self, id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (record == NULL)
    g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND,
                 "There is no record %s", id);
  return record;
}

/**
 * zc_local_store_list_records:
 * @kind: the kind, such as "archive:papers"
 *
 * Returns: (transfer full) (element-type ZcRecord): the live records of
 *   @kind, oldest first
 */
GPtrArray *
zc_local_store_list_records (ZcLocalStore  *self,
                             const char    *kind,
                             GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_record_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, "SELECT " ZC_LOCAL_STORE_RECORD_COLUMNS " FROM records WHERE kind = ? AND deleted = 0 "
                        "ORDER BY created_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcRecord *record = zc_local_store_record_from_row (stmt, error);

      if (record == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (records, record);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Listing records failed");
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * zc_local_store_count_by_kind:
 *
 * Returns: (transfer full) (element-type utf8 guint): live records per
 *   kind, as GUINT_TO_POINTER; kinds without records are absent
 */
GHashTable *
zc_local_store_count_by_kind (ZcLocalStore  *self,
                              GError       **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, "SELECT kind, count(*) FROM records WHERE deleted = 0 GROUP BY kind", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER ((guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Counting records failed");
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/**
 * zc_local_store_count_states:
 * @counts: (out caller-allocates): live entries of @kind per review
 *   state; entries without a valid state are not counted
 */
gboolean
zc_local_store_count_states (ZcLocalStore  *self,
                             const char    *kind,
                             guint          counts[ZC_N_REVIEW_STATES],
                             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof (guint) * ZC_N_REVIEW_STATES);
  stmt = zc_local_store_prepare (self, "SELECT state, count(*) FROM records WHERE kind = ? AND deleted = 0 "
                        "GROUP BY state", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcReviewState state;

      if (zc_review_state_from_string ((const char *) sqlite3_column_text (stmt, 0), &state))
        counts[state] = (guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return zc_local_store_set_db_error (self, error, "Counting records failed");

  return TRUE;
}

/**
 * zc_local_store_list_outbox:
 *
 * Returns: (transfer full) (element-type ZcMutation): the queued
 *   mutations in the order they were made, rejected ones included
 */
GPtrArray *
zc_local_store_list_outbox (ZcLocalStore  *self,
                            GError       **error)
{
  g_autoptr(GPtrArray) mutations = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_mutation_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, "SELECT mutation_id, name, record_id, base_version, expected_state, args "
                        "FROM outbox ORDER BY mutation_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ZcMutation) mutation = NULL;
      JsonObject *args = zc_local_store_object_from_column (stmt, 5, error);

      if (args == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      mutation = zc_mutation_new (sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2),
                                  sqlite3_column_int64 (stmt, 3));
      mutation->expected_state = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      json_object_unref (mutation->args);
      mutation->args = args;
      g_ptr_array_add (mutations, g_steal_pointer (&mutation));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the outbox failed");
      return NULL;
    }

  return g_steal_pointer (&mutations);
}
