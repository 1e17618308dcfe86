/* zc-field-row.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "zc-form-schema.h"
#include "zc-local-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_FIELD_ROW (zc_field_row_get_type ())
G_DECLARE_FINAL_TYPE (ZcFieldRow, zc_field_row, ZC, FIELD_ROW, AdwPreferencesRow)

ZcFieldRow        *zc_field_row_new           (ZcFormSchema      *schema,
                                               const ZcFormField *field,
                                               ZcLocalStore      *store);
const ZcFormField *zc_field_row_get_field     (ZcFieldRow        *self);
const char        *zc_field_row_get_field_id  (ZcFieldRow        *self);
GtkWidget         *zc_field_row_get_input     (ZcFieldRow        *self);

JsonNode          *zc_field_row_get_value     (ZcFieldRow        *self);
void               zc_field_row_set_value     (ZcFieldRow        *self,
                                               JsonNode          *value);

void               zc_field_row_set_error     (ZcFieldRow        *self,
                                               const char        *message);
const char        *zc_field_row_get_error     (ZcFieldRow        *self);
void               zc_field_row_set_editable  (ZcFieldRow        *self,
                                               gboolean           editable);
gboolean           zc_field_row_focus_input   (ZcFieldRow        *self);

GtkWidget         *zc_field_row_get_to_date_check (ZcFieldRow    *self);

void               zc_style_ensure_loaded     (void);

G_END_DECLS
