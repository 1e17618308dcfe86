/* zc-field-row-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-field-row.h"

G_BEGIN_DECLS

/* Shared by zc-field-row.c (layout, values, errors) and
 * zc-field-row-inputs.c (the inputs of the simple types). */

struct _ZcFieldRow
{
  AdwPreferencesRow  parent_instance;

  ZcFormSchema      *schema;          /* owned: keeps field alive */
  const ZcFormField *field;           /* borrowed */
  ZcLocalStore      *store;           /* owned, nullable */
  ZcFieldType        type;
  gboolean           editable;
  guint              updating;        /* set while the program sets the value */
  char              *error;           /* owned, nullable */

  GtkWidget         *title_label;
  GtkWidget         *required_label;
  GtkWidget         *counter_label;
  GtkWidget         *input_box;       /* holds the input widgets */
  GtkWidget         *help_label;
  GtkWidget         *error_label;
  GtkWidget         *input;           /* the main input; focused on error */

  /* date, year-month */
  GtkWidget         *to_date_check;   /* nullable: open-ended periods */
  GtkWidget         *calendar_button;
  GtkWidget         *calendar;

  /* integer */
  gboolean           int_empty;
  double             value_at_empty;

  /* enum: codes by position (0 = none chosen) or one check per code */
  GPtrArray         *codes;           /* owned, of char* */
  GPtrArray         *checks;          /* owned, of GtkCheckButton (borrowed) */
};

/* g_str_equal for arrays whose first entry is NULL ("none chosen") */
static inline gboolean
zc_str_equal0 (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

const char *zc_field_row_node_string     (JsonNode   *node);
JsonNode   *zc_field_row_string_node     (const char *text);
void        zc_field_row_emit_changed    (ZcFieldRow *self);
GtkWidget  *zc_field_row_make_entry      (ZcFieldRow *self);
char       *zc_field_row_get_text        (ZcFieldRow *self);
void        zc_field_row_update_counter  (ZcFieldRow *self);
char       *zc_field_row_tidy_text       (ZcFieldRow *self,
                                          const char *text);
char       *zc_field_row_tidy_date       (const char *text);
void        zc_field_row_build_date      (ZcFieldRow *self);
void        zc_field_row_build_year      (ZcFieldRow *self);
void        zc_field_row_build_integer   (ZcFieldRow *self);
void        zc_field_row_build_enum      (ZcFieldRow *self);
void        zc_field_row_fill_enum       (ZcFieldRow *self,
                                          const char *keep_code);

G_END_DECLS
