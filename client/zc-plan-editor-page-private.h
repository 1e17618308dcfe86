/* zc-plan-editor-page-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-plan-editor-page.h"

G_BEGIN_DECLS

/* Between zc-plan-editor-page.c (the page: its list, status line and
 * buttons) and zc-plan-editor-actions.c (what the buttons do: save,
 * publish, close, revise, export the roster). */

struct _ZcPlanEditorPage
{
  AdwBin        parent_instance;

  ZcLocalStore *store;        /* owned */
  ZcSession    *session;      /* owned */
  GCancellable *cancellable;  /* owned */
  GListStore   *plans;        /* owned, of ZcPlanObject */
  ZcPlan       *selected;     /* owned, nullable */
  char         *select_after; /* owned, nullable: to select once reloaded */
  char         *message;      /* owned, nullable */
  guint         busy;
  gboolean      online;
  gboolean      can_manage;

  GtkWidget    *status;
  GtkWidget    *banner;
  GtkWidget    *stack;
  GtkWidget    *list_box;
  GtkWidget    *empty;
  GtkWidget    *details;
  GtkWidget    *state_label;
  GtkWidget    *editor_title;
  GtkWidget    *editor_bin;
  GtkWidget    *editor;       /* nullable */
  GtkWidget    *buttons[ZC_PLAN_EDITOR_N_ACTIONS];
};

/* zc-plan-editor-page.c */
void zc_plan_editor_page_say_full (ZcPlanEditorPage *self,
                                   const char       *message,
                                   gboolean          problem);
void zc_plan_editor_page_say (ZcPlanEditorPage *self,
                              const char       *message);
void zc_plan_editor_page_set_online (ZcPlanEditorPage *self,
                                     gboolean          online);
void zc_plan_editor_page_report_error (ZcPlanEditorPage *self,
                                       const GError     *error);
void zc_plan_editor_page_begin (ZcPlanEditorPage *self);
void zc_plan_editor_page_end (ZcPlanEditorPage *self);
void zc_plan_editor_page_update_actions (ZcPlanEditorPage *self);

/* zc-plan-editor-actions.c */
void zc_plan_editor_page_close_editor (ZcPlanEditorPage *self);
void zc_plan_editor_page_on_save (ZcPlanEditorPage *self);
void zc_plan_editor_page_on_new (ZcPlanEditorPage *self);
void zc_plan_editor_page_on_edit (ZcPlanEditorPage *self);
void zc_plan_editor_page_on_publish (ZcPlanEditorPage *self);
void zc_plan_editor_page_on_close (ZcPlanEditorPage *self);
void zc_plan_editor_page_on_revise (ZcPlanEditorPage *self);
void zc_plan_editor_page_on_export (ZcPlanEditorPage *self);

G_END_DECLS
