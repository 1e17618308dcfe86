/* zc-message-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-record-service.h"
#include "zc-store-messages.h"

G_BEGIN_DECLS

/* Messages to applicants (SPEC "Messages"): one for every change of an
 * archive entry's review state, worded when read, in the reader's
 * language.  Only the addressee sees a message (404 for anyone else). */

#define ZC_MESSAGE_KIND "message"

gboolean         zc_message_service_notify_in      (ZcStoreTxn             *txn,
                                                    const ZcChangeContext  *change,
                                                    const ZcStoredRecord   *record,
                                                    const char             *action,
                                                    const char             *from_state,
                                                    const char             *comment,
                                                    GError                **error);
ZcStoredMessage *zc_message_service_mark_read_in   (ZcStoreTxn             *txn,
                                                    const ZcChangeContext  *change,
                                                    const char             *message_id,
                                                    GError                **error);

GPtrArray       *zc_message_service_list           (ZcContext              *ctx,
                                                    const ZcCaller         *caller,
                                                    gboolean                unread_only,
                                                    guint                   limit,
                                                    guint                   offset,
                                                    gint64                 *n_unread,
                                                    ZcLanguage              language,
                                                    GError                **error);
ZcStoredMessage *zc_message_service_mark_read      (ZcContext              *ctx,
                                                    const ZcCaller         *caller,
                                                    const char             *message_id,
                                                    ZcLanguage              language,
                                                    GError                **error);
gboolean         zc_message_service_mark_all_read  (ZcContext              *ctx,
                                                    const ZcCaller         *caller,
                                                    gint64                 *n_marked,
                                                    ZcLanguage              language,
                                                    GError                **error);

JsonNode        *zc_message_to_json                (const ZcStoredMessage  *message,
                                                    ZcLanguage              language);
ZcRecord        *zc_message_to_record              (const ZcStoredMessage  *message,
                                                    ZcLanguage              language);

G_END_DECLS
