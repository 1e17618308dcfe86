/* zc-plan-editor-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-plan-editor.h"

G_BEGIN_DECLS

/* Between zc-plan-editor.c (the widget, its errors, loading and
 * collecting the plan), zc-plan-editor-fields.c (the fixed fields,
 * the windows and the building blocks of the form) and
 * zc-plan-editor-lists.c (the lists whose items are added and removed). */

/* The form holds fixed fields (name, windows …) and lists whose items
 * are added and removed (titles, units, attachment requirements …).
 * Every input has a "slot": the row it sits in and an error label
 * under it, found by the member path a check reports; a path with no
 * slot of its own falls back to its parent ("attachments[1].types[0]"
 * → "attachments[1].types" → "attachments[1]" → "attachments"). */

#define MIB (1024.0 * 1024.0)

typedef struct
{
  GtkWidget *row;    /* nullable: marked with .error */
  GtkWidget *focus;  /* nullable */
  GtkWidget *error;  /* the label under the input */
} Slot;

typedef enum
{
  LIST_TITLES,
  LIST_CATEGORIES,
  LIST_DIRECT,
  LIST_COMMISSIONED,
  LIST_NOTICES,
  LIST_ATTACHMENTS,
  LIST_GROUPS,
  N_LISTS
} ListId;

extern const char * const zc_plan_editor_list_names[N_LISTS];
extern const char * const zc_plan_editor_method_keys[5];
extern const char * const zc_plan_editor_attachment_types[3];
extern const char * const zc_plan_editor_attachment_type_labels[3];

typedef struct _Item Item;

struct _ZcPlanEditor
{
  AdwBin        parent_instance;

  ZcSession    *session;       /* owned, nullable */
  ZcPlan       *base;          /* owned, nullable */
  GCancellable *cancellable;   /* owned */
  GCancellable *search;        /* owned, nullable: the unit search running */
  GPtrArray    *forms;         /* owned, of ZcFormSchema: archive and series forms */

  GtkWidget    *box;
  GtkWidget    *general_error;
  GHashTable   *slots;         /* path → Slot* */
  GHashTable   *inputs;        /* path → GtkWidget* */
  GPtrArray    *shown;         /* of Slot*, showing an error */
  guint         n_errors;

  GtkWidget    *year, *name, *phone, *type, *scope, *region, *exam, *interview;
  GtkWidget    *methods[G_N_ELEMENTS (zc_plan_editor_method_keys)];
  GtkWidget    *window_date[ZC_N_PLAN_WINDOWS];
  GtkWidget    *window_time[ZC_N_PLAN_WINDOWS];
  GtkWidget    *title_picker;
  GtkWidget    *category_entry;
  GtkWidget    *unit_search;
  GtkWidget    *unit_results;
  GtkWidget    *unit_status;

  GtkWidget    *list_boxes[N_LISTS];
  GPtrArray    *items[N_LISTS];  /* of Item* */
  guint         n_uploading;     /* notice files being read or sent */
};

struct _Item
{
  ZcPlanEditor *editor;
  ListId        list;
  GtkWidget    *row;
  GtkWidget    *heading;
  Slot          slot;
  GHashTable   *parts;    /* suffix → Slot* */
  GHashTable   *inputs;   /* suffix → GtkWidget* */
  JsonObject   *pick;     /* titles */
  char         *value;    /* a category's text, a unit's id */
  JsonArray    *files;    /* a notice's files: its own copy, nullable */
  GCancellable *cancellable;  /* a notice's: cancelled when the item goes */
  GtkWidget    *file_list;    /* a notice's: one row per file or upload */
  GtkWidget    *add_file;     /* a notice's "Add File…" button */
  guint         n_uploading;  /* a notice's files being read or sent */
};

/* zc-plan-editor.c */
void zc_plan_editor_show_one (ZcPlanEditor *self,
                              const char   *field,
                              const char   *message,
                              GtkWidget   **first_focus);

/* zc-plan-editor-fields.c */
GtkWidget *zc_plan_editor_error_label_new (void);
GtkWidget *zc_plan_editor_dim_label_new (const char *text);
Slot *zc_plan_editor_slot_new (GtkWidget *row,
                               GtkWidget *focus,
                               GtkWidget *error);
void zc_plan_editor_set_accessible_label (GtkWidget  *input,
                                          const char *label);
GtkWidget *zc_plan_editor_entry_new (guint max_chars,
                                     int   width_chars);
GtkWidget *zc_plan_editor_text_view_new (int min_height);
char *zc_plan_editor_text_view_get_text (GtkWidget *view);
char *zc_plan_editor_entry_text (GtkWidget *entry);
GDateTime *zc_plan_editor_read_window (ZcPlanEditor *self,
                                       guint         window,
                                       GPtrArray    *errors);
void zc_plan_editor_load_defaults (ZcPlanEditor *self);
void zc_plan_editor_load_plan (ZcPlanEditor *self,
                               ZcPlan       *plan);
void zc_plan_editor_build_general (ZcPlanEditor *self);
void zc_plan_editor_build_titles (ZcPlanEditor *self);
void zc_plan_editor_build_methods (ZcPlanEditor *self);
void zc_plan_editor_build_units (ZcPlanEditor *self);
void zc_plan_editor_build_windows (ZcPlanEditor *self);
void zc_plan_editor_build_list_group (ZcPlanEditor *self,
                                      ListId        list,
                                      const char   *title,
                                      const char   *description,
                                      const char   *add_label,
                                      GCallback     add);
void zc_plan_editor_on_add_notice (ZcPlanEditor *self);
void zc_plan_editor_on_add_attachment (ZcPlanEditor *self);
void zc_plan_editor_on_add_group (ZcPlanEditor *self);

/* zc-plan-editor-lists.c */
void zc_plan_editor_on_add_title (ZcPlanEditor *self);
void zc_plan_editor_on_add_category (ZcPlanEditor *self);
void zc_plan_editor_name_unit_later (ZcPlanEditor *self,
                                     const char   *id);
void zc_plan_editor_on_unit_search (ZcPlanEditor *self);
guint zc_plan_editor_add_notice_from (ZcPlanEditor *self,
                                      JsonObject   *notice);
guint zc_plan_editor_add_attachment_from (ZcPlanEditor           *self,
                                          const ZcPlanAttachment *from);
guint zc_plan_editor_add_group_from (ZcPlanEditor               *self,
                                     const ZcPlanConditionGroup *from);
void zc_plan_editor_clear_items (ZcPlanEditor *self);

/* zc-plan-editor-files.c: a notice's files */
void zc_plan_editor_build_notice_files (Item      *item,
                                        GtkWidget *grid,
                                        int        row,
                                        JsonArray *files);

G_END_DECLS
