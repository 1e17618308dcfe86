/* zc-sync-engine.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "zc-local-store.h"
#include "zc-session.h"

G_BEGIN_DECLS

#define ZC_SYNC_ENGINE_ERROR (zc_sync_engine_error_quark ())

/**
 * ZcSyncEngineError:
 * @ZC_SYNC_ENGINE_ERROR_NOT_SIGNED_IN: there is no usable session: the
 *   user has to sign in (again), or change an initial password
 * @ZC_SYNC_ENGINE_ERROR_WRONG_ACCOUNT: the local data is bound to
 *   another account than the one signed in
 * @ZC_SYNC_ENGINE_ERROR_PROTOCOL: the server's answers do not follow the
 *   protocol (no progress, a broken message)
 * @ZC_SYNC_ENGINE_ERROR_STOPPED: the engine was stopped
 *
 * Errors of the server and the network come in ZC_API_CLIENT_ERROR,
 * those of the file in ZC_LOCAL_STORE_ERROR.
 */
typedef enum
{
  ZC_SYNC_ENGINE_ERROR_NOT_SIGNED_IN,
  ZC_SYNC_ENGINE_ERROR_WRONG_ACCOUNT,
  ZC_SYNC_ENGINE_ERROR_PROTOCOL,
  ZC_SYNC_ENGINE_ERROR_STOPPED,
} ZcSyncEngineError;

/**
 * ZcSyncState:
 * @ZC_SYNC_STATE_IDLE: the last sync succeeded (or none was tried yet)
 * @ZC_SYNC_STATE_SYNCING: a sync runs
 * @ZC_SYNC_STATE_OFFLINE: the server could not be reached; retried
 *   with backoff and at once when the network comes back
 * @ZC_SYNC_STATE_ERROR: the last sync failed; see the error text
 */
typedef enum
{
  ZC_SYNC_STATE_IDLE,
  ZC_SYNC_STATE_SYNCING,
  ZC_SYNC_STATE_OFFLINE,
  ZC_SYNC_STATE_ERROR,
} ZcSyncState;

#define ZC_TYPE_SYNC_STATE (zc_sync_state_get_type ())
GType zc_sync_state_get_type (void);

#define ZC_TYPE_SYNC_ENGINE (zc_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (ZcSyncEngine, zc_sync_engine, ZC, SYNC_ENGINE, GObject)

GQuark         zc_sync_engine_error_quark        (void);

ZcSyncEngine  *zc_sync_engine_new                (ZcLocalStore         *store,
                                                  ZcSession            *session);
ZcLocalStore  *zc_sync_engine_get_store          (ZcSyncEngine         *self);
ZcSession     *zc_sync_engine_get_session        (ZcSyncEngine         *self);

void           zc_sync_engine_start              (ZcSyncEngine         *self);
void           zc_sync_engine_stop               (ZcSyncEngine         *self);
gboolean       zc_sync_engine_is_started         (ZcSyncEngine         *self);
void           zc_sync_engine_sync_now           (ZcSyncEngine         *self);
void           zc_sync_engine_sync_async         (ZcSyncEngine         *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       zc_sync_engine_sync_finish        (ZcSyncEngine         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

ZcSyncState    zc_sync_engine_get_state          (ZcSyncEngine         *self);
const char    *zc_sync_engine_get_error_message  (ZcSyncEngine         *self);
GDateTime     *zc_sync_engine_get_last_sync      (ZcSyncEngine         *self);
guint          zc_sync_engine_get_changes_waiting (ZcSyncEngine        *self);
double         zc_sync_engine_get_progress       (ZcSyncEngine         *self);
const char    *zc_sync_engine_get_progress_text  (ZcSyncEngine         *self);
guint          zc_sync_engine_get_retry_delay    (ZcSyncEngine         *self);

void           zc_sync_engine_set_intervals      (ZcSyncEngine         *self,
                                                  guint                 periodic_seconds,
                                                  guint                 first_retry_ms,
                                                  guint                 max_retry_ms);
guint          zc_sync_engine_backoff_delay      (guint                 attempt,
                                                  guint                 first_ms,
                                                  guint                 max_ms,
                                                  double                random);

G_END_DECLS
