/* zc-store-sessions.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include "zc-store-sessions.h"
#include "zc-store-sql.h"

void
zc_session_free (ZcSession *session)
{
  if (session == NULL)
    return;

  g_free (session->id);
  g_free (session->account_id);
  g_free (session);
}

gboolean
zc_store_sessions_insert (ZcStoreTxn       *txn,
                          const ZcSession  *session,
                          const char       *token_hash,
                          const char       *address,
                          GError          **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (session != NULL && session->id != NULL, FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO sessions (id, token_hash, account_id, created_at, last_seen_at,"
                            " expires_at, address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;

  zc_store_stmt_bind_text (stmt, 1, session->id);
  zc_store_stmt_bind_text (stmt, 2, token_hash);
  zc_store_stmt_bind_text (stmt, 3, session->account_id);
  zc_store_stmt_bind_int64 (stmt, 4, session->created_at);
  zc_store_stmt_bind_int64 (stmt, 5, session->last_seen_at);
  zc_store_stmt_bind_int64 (stmt, 6, session->expires_at);
  zc_store_stmt_bind_text (stmt, 7, address);

  return zc_store_stmt_run (stmt, error);
}

/* NOT_FOUND when no session has this token. */
ZcSession *
zc_store_sessions_get_by_token_hash (ZcStoreTxn  *txn,
                                     const char  *token_hash,
                                     GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  ZcSession *session;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (token_hash != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT id, account_id, created_at, last_seen_at, expires_at"
                            " FROM sessions WHERE token_hash = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, token_hash);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      session = g_new0 (ZcSession, 1);
      session->id = zc_store_stmt_dup_text (stmt, 0);
      session->account_id = zc_store_stmt_dup_text (stmt, 1);
      session->created_at = zc_store_stmt_get_int64 (stmt, 2);
      session->last_seen_at = zc_store_stmt_get_int64 (stmt, 3);
      session->expires_at = zc_store_stmt_get_int64 (stmt, 4);
      return session;
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such session");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

gboolean
zc_store_sessions_touch (ZcStoreTxn  *txn,
                         const char  *id,
                         gint64       now,
                         GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1 AND last_seen_at < ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_int64 (stmt, 2, now);

  return zc_store_stmt_run (stmt, error);
}

gboolean
zc_store_sessions_delete (ZcStoreTxn  *txn,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "DELETE FROM sessions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);

  return zc_store_stmt_run (stmt, error);
}

/**
 * zc_store_sessions_delete_for_account:
 * @except_id: (nullable): a session to keep (the caller's own)
 */
gboolean
zc_store_sessions_delete_for_account (ZcStoreTxn  *txn,
                                      const char  *account_id,
                                      const char  *except_id,
                                      GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (account_id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "DELETE FROM sessions WHERE account_id = ?1 AND (?2 IS NULL OR id <> ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, account_id);
  zc_store_stmt_bind_text (stmt, 2, except_id);

  return zc_store_stmt_run (stmt, error);
}

/* Removes sessions past their absolute end or idle for @idle_limit µs. */
gboolean
zc_store_sessions_delete_expired (ZcStoreTxn  *txn,
                                  gint64       now,
                                  gint64       idle_limit,
                                  GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2", error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_int64 (stmt, 1, now);
  zc_store_stmt_bind_int64 (stmt, 2, now - idle_limit);

  return zc_store_stmt_run (stmt, error);
}
