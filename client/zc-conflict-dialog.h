/* zc-conflict-dialog.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-local-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_CONFLICT_DIALOG (zc_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcConflictDialog, zc_conflict_dialog, ZC, CONFLICT_DIALOG, AdwWindow)

ZcConflictDialog *zc_conflict_dialog_new           (GtkWindow         *parent,
                                                    ZcLocalStore      *store,
                                                    const char        *record_id,
                                                    GError           **error);
const char       *zc_conflict_dialog_get_record_id (ZcConflictDialog  *self);
guint             zc_conflict_dialog_get_n_fields  (ZcConflictDialog  *self);
const char       *zc_conflict_dialog_get_field     (ZcConflictDialog  *self,
                                                    guint              index);
gboolean          zc_conflict_dialog_choose        (ZcConflictDialog  *self,
                                                    const char        *field,
                                                    gboolean           mine);
JsonObject       *zc_conflict_dialog_build_body    (ZcConflictDialog  *self);
gboolean          zc_conflict_dialog_apply         (ZcConflictDialog  *self);
const char       *zc_conflict_dialog_get_message   (ZcConflictDialog  *self);

G_END_DECLS
