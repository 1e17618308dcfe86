/* zc-store-sync.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"
#include "zc-sync-message.h"

G_BEGIN_DECLS

/* The sync protocol's bookkeeping (docs/sync.md):
 * - the change sequence: every change of a record or message takes the
 *   next number, so a pull reads "what changed after N";
 * - the tombstone horizon: the highest seq of a purged tombstone; a
 *   cursor before it is reset;
 * - clients: each belongs to one account and remembers the last
 *   mutation it had consumed, written in the transaction of the change;
 * - rejections and conflicts kept per client and mutation, so a replayed
 *   push and a later pull report them again. */

typedef struct
{
  char   *id;                 /* owned: the client's UUID */
  char   *account_id;         /* owned */
  gint64  last_mutation_id;
  gint64  created_at;
  gint64  last_seen_at;
} ZcSyncClient;

void          zc_sync_client_free                (ZcSyncClient      *client);

gboolean      zc_store_sync_next_seq             (ZcStoreTxn        *txn,
                                                  gint64            *seq,
                                                  GError           **error);
gboolean      zc_store_sync_get_position         (ZcStoreTxn        *txn,
                                                  gint64            *seq,
                                                  gint64            *horizon,
                                                  GError           **error);
gboolean      zc_store_sync_raise_horizon        (ZcStoreTxn        *txn,
                                                  gint64             horizon,
                                                  GError           **error);

ZcSyncClient *zc_store_sync_get_client           (ZcStoreTxn        *txn,
                                                  const char        *id,
                                                  GError           **error);
gboolean      zc_store_sync_insert_client        (ZcStoreTxn        *txn,
                                                  const char        *id,
                                                  const char        *account_id,
                                                  gint64             now,
                                                  GError           **error);
gboolean      zc_store_sync_set_last_mutation    (ZcStoreTxn        *txn,
                                                  const char        *id,
                                                  gint64             last_mutation_id,
                                                  gint64             now,
                                                  GError           **error);

gboolean      zc_store_sync_insert_rejection     (ZcStoreTxn        *txn,
                                                  const char        *client_id,
                                                  const ZcRejection *rejection,
                                                  gint64             seq,
                                                  gint64             now,
                                                  GError           **error);
GPtrArray    *zc_store_sync_rejections_in_range  (ZcStoreTxn        *txn,
                                                  const char        *client_id,
                                                  gint64             first_mutation_id,
                                                  gint64             last_mutation_id,
                                                  GError           **error);
GPtrArray    *zc_store_sync_rejections_by_seq    (ZcStoreTxn        *txn,
                                                  const char        *client_id,
                                                  gint64             after_seq,
                                                  gint64             up_to_seq,
                                                  guint              limit,
                                                  GError           **error);

gboolean      zc_store_sync_insert_conflict      (ZcStoreTxn        *txn,
                                                  const char        *account_id,
                                                  const char        *client_id,
                                                  const ZcConflict  *conflict,
                                                  gint64             now,
                                                  GError           **error);
GPtrArray    *zc_store_sync_conflicts_in_range   (ZcStoreTxn        *txn,
                                                  const char        *client_id,
                                                  gint64             first_mutation_id,
                                                  gint64             last_mutation_id,
                                                  GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcSyncClient, zc_sync_client_free)

G_END_DECLS
