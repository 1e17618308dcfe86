/* zc-declaration-desk-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-desk.h"
#include "zc-declaration-queue.h"

G_BEGIN_DECLS

/* The desk's parts: the details (zc-declaration-desk.c) and acting
 * (zc-declaration-desk-actions.c). */

struct _ZcDeclarationDesk
{
  AdwBin                  parent_instance;

  ZcLocalStore           *store;        /* owned */
  ZcSession              *session;      /* owned */
  ZcRole                  role;
  char                   *selected_id;  /* owned, nullable: the one shown */
  char                   *materials_key; /* owned, nullable: what the materials show */
  gint64                  shown_version; /* of the one shown, as listed */
  JsonNode               *detail;       /* owned, nullable: GET /api/v1/declarations/{id} */
  GCancellable           *loading;      /* owned, nullable: the detail */
  GCancellable           *downloading;  /* owned, nullable: the review form */
  GtkWidget              *dialog;       /* weak, nullable */

  ZcDeclarationQueue     *queue;
  GtkWidget              *nothing;      /* no declaration chosen */
  GtkWidget              *details;
  GtkLabel               *applicant_label;
  GtkLabel               *title_label;
  GtkLabel               *plan_label;
  GtkLabel               *state_label;
  GtkLabel               *sync_label;   /* waiting for sync, refused */
  GtkLabel               *deadline_label; /* until when this role may act */
  GtkLabel               *warning_label;
  GtkLabel               *notice_label;
  GtkLabel               *timeline_note;
  GtkWidget              *progress_heading;
  gboolean                notice_queued; /* the notice says an action waits for sync */
  GtkWidget              *actions;
  GtkWidget              *buttons[ZC_N_DECLARATION_ACTIONS];
  ZcDeclarationTimeline  *timeline;
  GtkWidget              *side;         /* the switcher and its stack */
  GtkStack               *side_stack;   /* "form", "materials" */
  GtkStack               *form_stack;
  GtkLabel               *form_status;
  ZcPdfView              *pdf_view;
  ZcDeclarationMaterials *materials;
};

const ZcDeclarationReviewRow *zc_declaration_desk_find_row     (ZcDeclarationDesk   *self,
                                                                const char          *id);
GPtrArray                    *zc_declaration_desk_chosen_ids   (ZcDeclarationDesk   *self);
void                          zc_declaration_desk_set_notice   (ZcDeclarationDesk   *self,
                                                                const char          *text,
                                                                gboolean             queued);
/* The buttons of the actions the role may take on every chosen one */
void                          zc_declaration_desk_fill_actions (ZcDeclarationDesk   *self);

G_END_DECLS
