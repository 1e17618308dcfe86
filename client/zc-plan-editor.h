/* zc-plan-editor.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-plan.h"
#include "zc-session.h"

G_BEGIN_DECLS

/* The committee officer's form for every member of a review plan
 * (docs/declarations.md "Plans"), with each problem shown under its
 * field.  Fields are found by the member paths the checks use:
 * "name", "windows.unit_deadline", "attachments[1].max_bytes". */

#define ZC_TYPE_PLAN_EDITOR (zc_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZcPlanEditor, zc_plan_editor, ZC, PLAN_EDITOR, AdwBin)

/* @session: (nullable): for the unit search and the units' names */
GtkWidget  *zc_plan_editor_new                 (ZcSession     *session);
/* @plan: (nullable): the draft to edit; NULL starts a new plan */
void        zc_plan_editor_set_plan            (ZcPlanEditor  *self,
                                                ZcPlan        *plan);
/* The draft being edited, or NULL for a new plan. */
ZcPlan     *zc_plan_editor_get_base_plan       (ZcPlanEditor  *self);

/* Reads the form, checks it (zc_plan_validate(), @for_publish as
 * there) and shows every problem under its field.  Returns: (transfer
 * full) (nullable): the plan, with the draft's id and version, or NULL
 * when a problem is shown. */
ZcPlan     *zc_plan_editor_collect             (ZcPlanEditor  *self,
                                                gboolean       for_publish);

/* @errors: of ZcFieldError; one whose field has no place in the form
 * is shown at the top. */
void        zc_plan_editor_show_errors         (ZcPlanEditor  *self,
                                                GPtrArray     *errors);
/* A refusal of the server: its `errors` list, or its field and message. */
void        zc_plan_editor_show_api_error      (ZcPlanEditor  *self,
                                                const GError  *error);
void        zc_plan_editor_clear_errors        (ZcPlanEditor  *self);
guint       zc_plan_editor_get_n_errors        (ZcPlanEditor  *self);
/* The message shown where the problem of @field is shown, or NULL. */
const char *zc_plan_editor_get_error           (ZcPlanEditor  *self,
                                                const char    *field);

/* The input of a field: the member paths above, plus "windows.X.date"
 * and "windows.X.time", "methods.regular" …, "types.application/pdf"
 * under an attachment, "max.none" under a condition group, and the
 * adders "title-picker", "add-title", "category-entry", "unit-search". */
GtkWidget  *zc_plan_editor_get_input           (ZcPlanEditor  *self,
                                                const char    *field);

/* What the add buttons do; each returns the new item's index. */
gboolean    zc_plan_editor_add_title           (ZcPlanEditor  *self,
                                                JsonObject    *pick);
void        zc_plan_editor_add_category        (ZcPlanEditor  *self,
                                                const char    *text);
void        zc_plan_editor_add_unit            (ZcPlanEditor  *self,
                                                const char    *id,
                                                const char    *name,
                                                gboolean       commissioned);
guint       zc_plan_editor_add_notice          (ZcPlanEditor  *self);
guint       zc_plan_editor_add_attachment      (ZcPlanEditor  *self);
guint       zc_plan_editor_add_condition_group (ZcPlanEditor  *self);
/* Removes item @index of "titles", "declaration_categories",
 * "direct_unit_ids", "commissioned_unit_ids", "notices", "attachments"
 * or "condition_groups". */
gboolean    zc_plan_editor_remove_item         (ZcPlanEditor  *self,
                                                const char    *list,
                                                guint          index);
guint       zc_plan_editor_get_n_items         (ZcPlanEditor  *self,
                                                const char    *list);

/* A notice's files (zc-plan-editor-files.c): PDF, JPEG or PNG (by
 * content) of at most this size — under the server's default blob
 * limit of 10 MiB — sent to the server when added ("Add File…", a drop
 * or this call); a problem shows under "notices[N].files". */
#define ZC_PLAN_NOTICE_FILE_MAX_BYTES (10 * 1000 * 1000)

gboolean    zc_plan_editor_add_notice_file     (ZcPlanEditor  *self,
                                                guint          index,
                                                GFile         *file);
gboolean    zc_plan_editor_remove_notice_file  (ZcPlanEditor  *self,
                                                guint          index,
                                                guint          file);
/* (transfer none) (nullable): the files notice @index names now */
JsonArray  *zc_plan_editor_get_notice_files    (ZcPlanEditor  *self,
                                                guint          index);
/* Files being read or sent to the server. */
guint       zc_plan_editor_get_n_uploading     (ZcPlanEditor  *self);

G_END_DECLS
