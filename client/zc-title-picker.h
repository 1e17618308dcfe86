/* zc-title-picker.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The levels of the cascade, and the members of the pick they fill. */
typedef enum
{
  ZC_TITLE_PICKER_SERIES,
  ZC_TITLE_PICKER_CATEGORY,
  ZC_TITLE_PICKER_LEVEL,
  ZC_TITLE_PICKER_TITLE,
  ZC_TITLE_PICKER_SPECIALTY,
} ZcTitlePickerDepth;

#define ZC_TITLE_PICKER_N_DEPTHS (ZC_TITLE_PICKER_SPECIALTY + 1)

#define ZC_TYPE_TITLE_PICKER (zc_title_picker_get_type ())
G_DECLARE_FINAL_TYPE (ZcTitlePicker, zc_title_picker, ZC, TITLE_PICKER, GtkWidget)

GtkWidget *zc_title_picker_new                 (const char         *name);
JsonNode  *zc_title_picker_get_value           (ZcTitlePicker      *self);
void       zc_title_picker_set_value           (ZcTitlePicker      *self,
                                                JsonNode           *value);
void       zc_title_picker_set_editable        (ZcTitlePicker      *self,
                                                gboolean            editable);
GtkWidget *zc_title_picker_get_dropdown        (ZcTitlePicker      *self,
                                                ZcTitlePickerDepth  depth);
GtkWidget *zc_title_picker_get_specialty_entry (ZcTitlePicker      *self);

G_END_DECLS
