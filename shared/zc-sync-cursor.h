/* zc-sync-cursor.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The position a client has reached in the server's change log, sent
 * back with each pull as an opaque token.  Part of the sync protocol
 * (zc-sync-message.h). */

/**
 * ZcSyncCursor:
 * @epoch: the server epoch, `[A-Za-z0-9_-]+`
 * @seq: the last change sequence number delivered, ≥ 0
 */
typedef struct
{
  char   *epoch;               /* owned */
  gint64  seq;
} ZcSyncCursor;

gboolean        zc_sync_epoch_is_valid        (const char            *epoch);

ZcSyncCursor   *zc_sync_cursor_new            (const char            *epoch,
                                               gint64                 seq);
void            zc_sync_cursor_free           (ZcSyncCursor          *cursor);
gboolean        zc_sync_cursor_equal          (const ZcSyncCursor    *a,
                                               const ZcSyncCursor    *b);
char           *zc_sync_cursor_encode         (const ZcSyncCursor    *cursor);
ZcSyncCursor   *zc_sync_cursor_decode         (const char            *text,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcSyncCursor, zc_sync_cursor_free)

G_END_DECLS
