/* zc-store-messages.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-store.h"

G_BEGIN_DECLS

/* Messages to a person ("我的消息"): what happened to one of their
 * records, kept as data (the action and its details) and worded in the
 * reader's language when read.  Creating one and marking it read each
 * take a change seq, so messages travel in pulls like records. */

typedef struct
{
  char       *id;           /* owned: UUID */
  char       *account_id;   /* owned: the addressee */
  char       *record_id;    /* owned, nullable: the record it is about */
  char       *action;       /* owned: "archive.approve" … */
  JsonObject *detail;       /* owned: what the wording needs */
  gint64      created_at;   /* µs since 1970 UTC */
  gint64      read_at;      /* 0 while unread */
  gint64      seq;
} ZcStoredMessage;

ZcStoredMessage *zc_stored_message_new             (void);
void             zc_stored_message_free            (ZcStoredMessage        *message);

gboolean         zc_store_messages_insert          (ZcStoreTxn             *txn,
                                                    const ZcStoredMessage  *message,
                                                    GError                **error);
ZcStoredMessage *zc_store_messages_get             (ZcStoreTxn             *txn,
                                                    const char             *id,
                                                    GError                **error);
GPtrArray       *zc_store_messages_list            (ZcStoreTxn             *txn,
                                                    const char             *account_id,
                                                    gboolean                unread_only,
                                                    guint                   limit,
                                                    guint                   offset,
                                                    GError                **error);
gboolean         zc_store_messages_count_unread    (ZcStoreTxn             *txn,
                                                    const char             *account_id,
                                                    gint64                 *count,
                                                    GError                **error);
gboolean         zc_store_messages_mark_read       (ZcStoreTxn             *txn,
                                                    const char             *id,
                                                    gint64                  now,
                                                    gint64                  seq,
                                                    gboolean               *marked,
                                                    GError                **error);
GPtrArray       *zc_store_messages_changes         (ZcStoreTxn             *txn,
                                                    const char             *account_id,
                                                    gint64                  after_seq,
                                                    guint                   limit,
                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcStoredMessage, zc_stored_message_free)

G_END_DECLS
