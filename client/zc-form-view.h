/* zc-form-view.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "zc-field-row.h"
#include "zc-form-schema.h"
#include "zc-local-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_FORM_VIEW (zc_form_view_get_type ())
G_DECLARE_FINAL_TYPE (ZcFormView, zc_form_view, ZC, FORM_VIEW, AdwBin)

GtkWidget    *zc_form_view_new           (ZcFormSchema  *schema,
                                          ZcLocalStore  *store);
ZcFormSchema *zc_form_view_get_schema    (ZcFormView    *self);
JsonObject   *zc_form_view_get_record    (ZcFormView    *self);
void          zc_form_view_set_record    (ZcFormView    *self,
                                          JsonObject    *record);
gboolean      zc_form_view_validate      (ZcFormView    *self);
void          zc_form_view_show_errors   (ZcFormView    *self,
                                          GPtrArray     *errors);
void          zc_form_view_clear_errors  (ZcFormView    *self);
guint         zc_form_view_get_n_errors  (ZcFormView    *self);
gboolean      zc_form_view_is_modified   (ZcFormView    *self);
void          zc_form_view_set_editable  (ZcFormView    *self,
                                          gboolean       editable);
gboolean      zc_form_view_get_editable  (ZcFormView    *self);
ZcFieldRow   *zc_form_view_get_row       (ZcFormView    *self,
                                          const char    *field_id);
guint         zc_form_view_get_n_rows    (ZcFormView    *self);
ZcFieldRow   *zc_form_view_get_nth_row   (ZcFormView    *self,
                                          guint          index);

G_END_DECLS
