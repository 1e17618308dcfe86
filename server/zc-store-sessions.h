/* zc-store-sessions.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/* Sessions: the store keeps only the SHA-256 of a token, never the
 * token; revoking a session deletes its row. */

typedef struct
{
  char   *id;             /* owned: UUID */
  char   *account_id;     /* owned */
  gint64  created_at;     /* µs since 1970 UTC */
  gint64  last_seen_at;
  gint64  expires_at;     /* the absolute end, whatever the activity */
} ZcSession;

void        zc_session_free                       (ZcSession    *session);

gboolean    zc_store_sessions_insert              (ZcStoreTxn   *txn,
                                                   const ZcSession *session,
                                                   const char   *token_hash,
                                                   const char   *address,
                                                   GError      **error);
ZcSession  *zc_store_sessions_get_by_token_hash   (ZcStoreTxn   *txn,
                                                   const char   *token_hash,
                                                   GError      **error);
gboolean    zc_store_sessions_touch               (ZcStoreTxn   *txn,
                                                   const char   *id,
                                                   gint64        now,
                                                   GError      **error);
gboolean    zc_store_sessions_delete              (ZcStoreTxn   *txn,
                                                   const char   *id,
                                                   GError      **error);
gboolean    zc_store_sessions_delete_for_account  (ZcStoreTxn   *txn,
                                                   const char   *account_id,
                                                   const char   *except_id,
                                                   GError      **error);
gboolean    zc_store_sessions_delete_expired      (ZcStoreTxn   *txn,
                                                   gint64        now,
                                                   gint64        idle_limit,
                                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcSession, zc_session_free)

G_END_DECLS
