/* zc-sync-status.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-conflict-dialog.h"
#include "zc-sync-engine.h"

G_BEGIN_DECLS

#define ZC_TYPE_SYNC_STATUS (zc_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (ZcSyncStatus, zc_sync_status, ZC, SYNC_STATUS, GtkBox)

typedef void (*ZcSignOutChoice) (gboolean  remove_local_data,
                                 gpointer  user_data);

GtkWidget        *zc_sync_status_new                 (ZcSyncEngine   *engine);
GtkWidget        *zc_sync_status_new_indicator       (ZcSyncEngine   *engine);
ZcSyncEngine     *zc_sync_status_get_engine          (ZcSyncStatus   *self);

char             *zc_sync_status_describe_last_sync  (GDateTime      *last_sync,
                                                      GDateTime      *now);
char             *zc_sync_status_describe_waiting    (guint           waiting);
const char       *zc_sync_status_get_state_text      (ZcSyncStatus   *self);
const char       *zc_sync_status_get_last_sync_text  (ZcSyncStatus   *self);
const char       *zc_sync_status_get_waiting_text    (ZcSyncStatus   *self);

guint             zc_sync_status_get_n_rejections    (ZcSyncStatus   *self);
guint             zc_sync_status_get_n_conflicts     (ZcSyncStatus   *self);
gboolean          zc_sync_status_open_rejection      (ZcSyncStatus   *self,
                                                      guint           index);
gboolean          zc_sync_status_discard_rejection   (ZcSyncStatus   *self,
                                                      guint           index,
                                                      GError        **error);
ZcConflictDialog *zc_sync_status_open_conflict       (ZcSyncStatus   *self,
                                                      guint           index);
void              zc_sync_status_refresh             (ZcSyncStatus   *self);

AdwMessageDialog *zc_sync_status_confirm_sign_out    (GtkWindow      *parent,
                                                      ZcSyncEngine   *engine,
                                                      gboolean        kiosk,
                                                      ZcSignOutChoice choice,
                                                      gpointer        user_data);
gboolean          zc_sync_status_open_record         (GtkWidget      *from,
                                                      const char     *record_id,
                                                      const char     *kind);

G_END_DECLS
