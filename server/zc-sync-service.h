/* zc-sync-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-context.h"
#include "zc-session-service.h"
#include "zc-sync-message.h"

G_BEGIN_DECLS

/* The sync protocol on the server (docs/sync.md; the design is
 * sync-and-security-notes.md §1.9).
 *
 * Push applies a client's mutations exactly once: each client numbers
 * its mutations 1, 2, 3 …, and the last one consumed is stored in the
 * transaction of the change itself.  A replayed mutation is
 * acknowledged and not applied again; a gap refuses the whole push
 * (409 `mutation_gap`).  A mutation that can never succeed is consumed
 * and reported as a rejection; the ones behind it go on.  A store that
 * is busy answers 503 with Retry-After and nothing is applied.
 *
 * Pull returns what changed after a cursor, filtered on the way out by
 * what the caller may see: their own records and messages, and for a
 * unit officer the archive entries of the unit's applicants.  A cursor
 * of another epoch, from the future or behind the tombstone horizon
 * answers with a reset and a full snapshot. */

#define ZC_SYNC_SCHEMA_VERSION 1

/* The most rejections a pull repeats. */
#define ZC_SYNC_PULL_MAX_REJECTIONS 100

ZcPushResult   *zc_sync_service_push              (ZcContext            *ctx,
                                                   const ZcCaller       *caller,
                                                   const ZcPushRequest  *request,
                                                   const char           *address,
                                                   ZcLanguage            language,
                                                   GError              **error);
ZcPullResponse *zc_sync_service_pull              (ZcContext            *ctx,
                                                   const ZcCaller       *caller,
                                                   const ZcPullRequest  *request,
                                                   ZcLanguage            language,
                                                   GError              **error);
gboolean        zc_sync_service_purge_tombstones  (ZcContext            *ctx,
                                                   gint64                deleted_before,
                                                   gint64               *n_purged,
                                                   GError              **error);

G_END_DECLS
