/* zc-entry-dialog.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-form-schema.h"
#include "zc-form-view.h"
#include "zc-local-store.h"
#include "zc-record.h"

G_BEGIN_DECLS

#define ZC_TYPE_ENTRY_DIALOG (zc_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcEntryDialog, zc_entry_dialog, ZC, ENTRY_DIALOG, AdwWindow)

ZcEntryDialog *zc_entry_dialog_new            (GtkWindow      *parent,
                                               ZcLocalStore   *store,
                                               ZcFormSchema   *schema,
                                               ZcRecord       *record);
ZcFormView    *zc_entry_dialog_get_form_view  (ZcEntryDialog  *self);
ZcRecord      *zc_entry_dialog_get_record     (ZcEntryDialog  *self);
gboolean       zc_entry_dialog_get_read_only  (ZcEntryDialog  *self);
gboolean       zc_entry_dialog_save           (ZcEntryDialog  *self);
const char    *zc_entry_dialog_get_message    (ZcEntryDialog  *self);
const char    *zc_entry_dialog_get_note       (ZcEntryDialog  *self);
AdwMessageDialog *zc_entry_dialog_get_discard_dialog (ZcEntryDialog *self);

G_END_DECLS
