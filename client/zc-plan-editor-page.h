/* zc-plan-editor-page.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-local-store.h"
#include "zc-plan-editor.h"
#include "zc-session.h"

G_BEGIN_DECLS

/* The committee officer's review plans: the committee's plans with
 * their state and version, and New, Edit (drafts), Publish, Close,
 * Revise and the roster as CSV.  Online only: plans are edited over
 * HTTP (docs/api.md "Review plans"). */

typedef enum
{
  ZC_PLAN_EDITOR_ACTION_NEW,
  ZC_PLAN_EDITOR_ACTION_EDIT,
  ZC_PLAN_EDITOR_ACTION_PUBLISH,
  ZC_PLAN_EDITOR_ACTION_CLOSE,
  ZC_PLAN_EDITOR_ACTION_REVISE,
  ZC_PLAN_EDITOR_ACTION_EXPORT,
  ZC_PLAN_EDITOR_ACTION_REFRESH,
  ZC_PLAN_EDITOR_ACTION_SAVE,
  ZC_PLAN_EDITOR_ACTION_CANCEL,
} ZcPlanEditorAction;

#define ZC_PLAN_EDITOR_N_ACTIONS (ZC_PLAN_EDITOR_ACTION_CANCEL + 1)

#define ZC_TYPE_PLAN_EDITOR_PAGE (zc_plan_editor_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcPlanEditorPage, zc_plan_editor_page, ZC, PLAN_EDITOR_PAGE, AdwBin)

GtkWidget    *zc_plan_editor_page_new               (ZcLocalStore       *store,
                                                     ZcSession          *session);
/* Asks the server for the plans again. */
void          zc_plan_editor_page_reload            (ZcPlanEditorPage   *self);
/* Whether a request is under way. */
gboolean      zc_plan_editor_page_is_busy           (ZcPlanEditorPage   *self);
/* Whether the last request reached the server (and the session is live). */
gboolean      zc_plan_editor_page_is_online         (ZcPlanEditorPage   *self);
/* Whether the signed-in account may manage plans here. */
gboolean      zc_plan_editor_page_can_manage        (ZcPlanEditorPage   *self);
/* The committee's plans, of ZcPlanObject. (transfer none) */
GListModel   *zc_plan_editor_page_get_plans         (ZcPlanEditorPage   *self);
gboolean      zc_plan_editor_page_select_plan       (ZcPlanEditorPage   *self,
                                                     const char         *plan_id);
ZcPlan       *zc_plan_editor_page_get_selected_plan (ZcPlanEditorPage   *self);
/* The form while a plan is being edited, else NULL. */
ZcPlanEditor *zc_plan_editor_page_get_editor        (ZcPlanEditorPage   *self);
/* The button of an action; NULL when the account may not act. */
GtkWidget    *zc_plan_editor_page_get_action_button (ZcPlanEditorPage   *self,
                                                     ZcPlanEditorAction  action);
/* The last message the page showed (a success or a problem), or NULL. */
const char   *zc_plan_editor_page_get_message       (ZcPlanEditorPage   *self);
/* Writes the selected plan's roster to @file; NULL asks for a file
 * with the file chooser. */
void          zc_plan_editor_page_export_roster     (ZcPlanEditorPage   *self,
                                                     GFile              *file);

G_END_DECLS
