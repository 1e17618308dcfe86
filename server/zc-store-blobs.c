/* zc-store-blobs.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include "zc-store-blobs.h"
#include "zc-store-declarations.h"
#include "zc-store-sql.h"

ZcBlob *
zc_blob_new (void)
{
  return g_new0 (ZcBlob, 1);
}

void
zc_blob_free (ZcBlob *blob)
{
  if (blob == NULL)
    return;

  g_free (blob->sha256);
  g_free (blob->mime);
  g_free (blob->owner);
  g_free (blob);
}

/**
 * zc_store_blobs_insert:
 * @created: (out): FALSE when a row for this hash was already there
 *   (it is left as it was: the first uploader stays the owner)
 *
 * CONSTRAINT when the owner is not an account.
 */
gboolean
zc_store_blobs_insert (ZcStoreTxn    *txn,
                       const ZcBlob  *blob,
                       gboolean      *created,
                       GError       **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (blob != NULL && blob->sha256 != NULL && blob->mime != NULL && blob->owner != NULL, FALSE);
  g_return_val_if_fail (created != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO blobs (sha256, size, mime, owner, created_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sha256) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;

  zc_store_stmt_bind_text (stmt, 1, blob->sha256);
  zc_store_stmt_bind_int64 (stmt, 2, blob->size);
  zc_store_stmt_bind_text (stmt, 3, blob->mime);
  zc_store_stmt_bind_text (stmt, 4, blob->owner);
  zc_store_stmt_bind_int64 (stmt, 5, blob->created_at);
  if (!zc_store_stmt_run (stmt, error))
    return FALSE;

  *created = zc_store_stmt_changes (stmt) > 0;
  return TRUE;
}

/* Records that @account_id sent the blob (again: nothing changes). */
gboolean
zc_store_blobs_add_uploader (ZcStoreTxn  *txn,
                             const char  *sha256,
                             const char  *account_id,
                             gint64       now,
                             GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (sha256 != NULL && account_id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO blob_uploaders (sha256, account_id, created_at)"
                            " VALUES (?1, ?2, ?3) ON CONFLICT (sha256, account_id) DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;

  zc_store_stmt_bind_text (stmt, 1, sha256);
  zc_store_stmt_bind_text (stmt, 2, account_id);
  zc_store_stmt_bind_int64 (stmt, 3, now);

  return zc_store_stmt_run (stmt, error);
}

/* NOT_FOUND when no blob has this hash. */
ZcBlob *
zc_store_blobs_get (ZcStoreTxn  *txn,
                    const char  *sha256,
                    GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  ZcBlob *blob;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT sha256, size, mime, owner, created_at FROM blobs WHERE sha256 = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, sha256);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      blob = zc_blob_new ();
      blob->sha256 = zc_store_stmt_dup_text (stmt, 0);
      blob->size = zc_store_stmt_get_int64 (stmt, 1);
      blob->mime = zc_store_stmt_dup_text (stmt, 2);
      blob->owner = zc_store_stmt_dup_text (stmt, 3);
      blob->created_at = zc_store_stmt_get_int64 (stmt, 4);
      return blob;
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such blob");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

/**
 * zc_store_blobs_is_uploader:
 * @is_uploader: (out): whether @account_id has sent the blob @sha256
 */
gboolean
zc_store_blobs_is_uploader (ZcStoreTxn  *txn,
                            const char  *sha256,
                            const char  *account_id,
                            gboolean    *is_uploader,
                            GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (sha256 != NULL && account_id != NULL, FALSE);
  g_return_val_if_fail (is_uploader != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "SELECT 1 FROM blob_uploaders WHERE sha256 = ?1 AND account_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, sha256);
  zc_store_stmt_bind_text (stmt, 2, account_id);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      *is_uploader = TRUE;
      return TRUE;
    case ZC_STORE_STEP_DONE:
      *is_uploader = FALSE;
      return TRUE;
    case ZC_STORE_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
exists (ZcStoreStmt  *stmt,
        gboolean     *found,
        GError      **error)
{
  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      *found = TRUE;
      return TRUE;
    case ZC_STORE_STEP_DONE:
      return TRUE;
    case ZC_STORE_STEP_ERROR:
    default:
      return FALSE;
    }
}

/**
 * zc_store_blobs_find_in_records:
 * @owner_id: look in the live records of this account …
 * @unit_id: (nullable): … and in the live records of the people of this
 *   unit whose kind starts with @unit_kind_prefix
 * @found: (out): whether one of them names @sha256
 *
 * Whether a record names the blob anywhere in its body (an attachment
 * is `{"sha256": …, "name": …, "mime": …, "size": …}`; a 64-digit hash
 * does not turn up by chance).  It reads the bodies of those records:
 * fine for one person's or one unit's, and the reason to keep a table
 * of references instead once there are many.
 */
gboolean
zc_store_blobs_find_in_records (ZcStoreTxn  *txn,
                                const char  *sha256,
                                const char  *owner_id,
                                const char  *unit_id,
                                const char  *unit_kind_prefix,
                                gboolean    *found,
                                GError     **error)
{
  g_autoptr(ZcStoreStmt) own = NULL;
  g_autoptr(ZcStoreStmt) unit = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *kind_pattern = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (sha256 != NULL && owner_id != NULL, FALSE);
  g_return_val_if_fail (unit_id == NULL || unit_kind_prefix != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  *found = FALSE;
  pattern = zc_store_like_pattern (sha256);

  own = zc_store_stmt_new (txn,
                           "SELECT 1 FROM records WHERE owner_id = ?1 AND deleted = 0"
                           " AND body LIKE ?2 ESCAPE '\\' LIMIT 1",
                           error);
  if (own == NULL)
    return FALSE;
  zc_store_stmt_bind_text (own, 1, owner_id);
  zc_store_stmt_bind_text (own, 2, pattern);
  if (!exists (own, found, error))
    return FALSE;
  if (*found || unit_id == NULL)
    return TRUE;

  /* "%archive:%" less its first "%": the kinds that start with it */
  kind_pattern = zc_store_like_pattern (unit_kind_prefix);

  unit = zc_store_stmt_new (txn,
                            "SELECT 1 FROM records r JOIN accounts a ON a.id = r.owner_id"
                            " WHERE a.unit_id = ?1 AND r.deleted = 0 AND r.kind LIKE ?2 ESCAPE '\\'"
                            " AND r.body LIKE ?3 ESCAPE '\\' LIMIT 1",
                            error);
  if (unit == NULL)
    return FALSE;
  zc_store_stmt_bind_text (unit, 1, unit_id);
  zc_store_stmt_bind_text (unit, 2, kind_pattern + 1);
  zc_store_stmt_bind_text (unit, 3, pattern);

  return exists (unit, found, error);
}

/**
 * zc_store_blobs_find_in_declarations:
 * @account_id: the caller: their own declarations …
 * @role: … and, by the caller's role and @unit_id, the declarations they
 *   review (zc_store_declarations_scope_sql())
 * @found: (out): whether the body or a frozen review-form document of
 *   one of them names @sha256
 *
 * The frozen document holds copies of the picked archive entries with
 * their attachments, which a reviewer may read through it.  Like
 * zc_store_blobs_find_in_records(), it reads the bodies in scope.
 */
gboolean
zc_store_blobs_find_in_declarations (ZcStoreTxn  *txn,
                                     const char  *sha256,
                                     const char  *account_id,
                                     ZcRole       role,
                                     const char  *unit_id,
                                     gboolean    *found,
                                     GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (sha256 != NULL && account_id != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  *found = FALSE;
  pattern = zc_store_like_pattern (sha256);
  scope = zc_store_declarations_scope_sql (3);
  sql = g_strconcat ("SELECT 1 FROM declarations d JOIN records r ON r.id = d.record_id"
                     " WHERE r.deleted = 0 AND (d.owner_id = ?1 OR ", scope, ")"
                     " AND (r.body LIKE ?2 ESCAPE '\\' OR EXISTS (SELECT 1 FROM declaration_snapshots s"
                     "      WHERE s.record_id = d.record_id AND s.document LIKE ?2 ESCAPE '\\'))"
                     " LIMIT 1",
                     NULL);
  stmt = zc_store_stmt_new (txn, sql, error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, account_id);
  zc_store_stmt_bind_text (stmt, 2, pattern);
  zc_store_declarations_bind_scope (stmt, 3, role, unit_id);

  return exists (stmt, found, error);
}
