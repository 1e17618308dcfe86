/* zc-sync-engine-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-sync-engine.h"

G_BEGIN_DECLS

/* What zc-sync-engine.c (state, scheduling, API) and
 * zc-sync-engine-cycle.c (one cycle) share. */

#define SYNC_SCHEMA_VERSION    1
#define PERIODIC_SECONDS       120
#define FIRST_RETRY_MS         500
#define MAX_RETRY_MS           30000
#define EDIT_DELAY_MS          1500
#define MAX_PULL_PAGES         2000
#define META_LAST_SYNC         "last_sync_at"

struct _ZcSyncEngine
{
  GObject          parent_instance;

  ZcLocalStore    *store;           /* owned */
  ZcSession       *session;         /* owned */
  GNetworkMonitor *network;         /* borrowed singleton */

  ZcSyncState      state;
  char            *error_message;   /* owned, nullable */
  GDateTime       *last_sync;       /* owned, nullable */
  double           progress;        /* -1: nothing measurable */
  char            *progress_text;   /* owned, nullable */

  gboolean         started;
  gboolean         running;
  GCancellable    *cancellable;     /* owned: the cycle in flight */
  GPtrArray       *waiting;         /* GTasks of sync_async for the next cycle */
  GPtrArray       *current;         /* GTasks the running cycle will answer */
  gboolean         again;
  guint            timer_id;
  guint            retry_delay_ms;  /* of the timer, when it is a retry */
  guint            attempt;         /* failures in a row */
  guint            last_outbox_count;

  guint            periodic_seconds;
  guint            first_retry_ms;
  guint            max_retry_ms;
};

void  zc_sync_engine_set_state       (ZcSyncEngine *self,
                                      ZcSyncState   state,
                                      const char   *message);
void  zc_sync_engine_set_progress    (ZcSyncEngine *self,
                                      double        fraction,
                                      const char   *text);
void  zc_sync_engine_note_success    (ZcSyncEngine *self);
void  zc_sync_engine_schedule        (ZcSyncEngine *self,
                                      guint         delay_ms,
                                      gboolean      retry);
void  zc_sync_engine_schedule_retry  (ZcSyncEngine *self,
                                      guint         at_least_seconds);
void  zc_sync_engine_start_cycle     (ZcSyncEngine *self);

G_END_DECLS
