/* zc-declaration-desk.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "zc-declaration-action-dialog.h"
#include "zc-declaration-materials.h"
#include "zc-declaration-timeline.h"
#include "zc-local-store.h"
#include "zc-pdf-view.h"
#include "zc-session.h"

G_BEGIN_DECLS

/* The reviewers' desk of declarations (issue 7): the declarations the
 * signed-in officer's pull brought into the local store (unit,
 * department, committee, issuer), one with its timeline and review form
 * side by side, and the actions the role may take now — on one or on
 * several chosen together.  Works offline: actions are queued in the
 * store and go out with the next sync; the row shows them waiting, or
 * refused.  The timeline and the review form need a connection
 * (docs/review-desk.md "The declaration desk"). */

#define ZC_TYPE_DECLARATION_DESK (zc_declaration_desk_get_type ())
G_DECLARE_FINAL_TYPE (ZcDeclarationDesk, zc_declaration_desk, ZC, DECLARATION_DESK, AdwBin)

GtkWidget             *zc_declaration_desk_new               (ZcLocalStore        *store,
                                                              ZcSession           *session);
void                   zc_declaration_desk_refresh           (ZcDeclarationDesk   *self);
gboolean               zc_declaration_desk_is_loading        (ZcDeclarationDesk   *self);
guint                  zc_declaration_desk_get_n_rows        (ZcDeclarationDesk   *self);
guint                  zc_declaration_desk_get_n_visible_rows (ZcDeclarationDesk  *self);
gint64                 zc_declaration_desk_get_total         (ZcDeclarationDesk   *self);
gboolean               zc_declaration_desk_has_row           (ZcDeclarationDesk   *self,
                                                              const char          *declaration_id);
void                   zc_declaration_desk_set_state_filter  (ZcDeclarationDesk   *self,
                                                              const char          *state);
void                   zc_declaration_desk_set_search        (ZcDeclarationDesk   *self,
                                                              const char          *text);
gboolean               zc_declaration_desk_select            (ZcDeclarationDesk   *self,
                                                              const char          *declaration_id);
gboolean               zc_declaration_desk_select_many       (ZcDeclarationDesk   *self,
                                                              const char * const  *ids);
guint                  zc_declaration_desk_get_n_selected    (ZcDeclarationDesk   *self);
int                    zc_declaration_desk_get_row_state     (ZcDeclarationDesk   *self,
                                                              const char          *declaration_id);
guint                  zc_declaration_desk_get_row_flags     (ZcDeclarationDesk   *self,
                                                              const char          *declaration_id);
char                  *zc_declaration_desk_get_row_sync_text (ZcDeclarationDesk   *self,
                                                              const char          *declaration_id);
const char            *zc_declaration_desk_get_form_status   (ZcDeclarationDesk   *self);
const char            *zc_declaration_desk_get_timeline_note (ZcDeclarationDesk   *self);
const char            *zc_declaration_desk_get_selected_id   (ZcDeclarationDesk   *self);
JsonNode              *zc_declaration_desk_get_detail        (ZcDeclarationDesk   *self);
gboolean               zc_declaration_desk_is_detail_loading (ZcDeclarationDesk   *self);
const char            *zc_declaration_desk_get_status        (ZcDeclarationDesk   *self);
const char            *zc_declaration_desk_get_notice        (ZcDeclarationDesk   *self);
const char            *zc_declaration_desk_get_warning       (ZcDeclarationDesk   *self);
const char            *zc_declaration_desk_get_deadline      (ZcDeclarationDesk   *self);
GtkListBox            *zc_declaration_desk_get_list          (ZcDeclarationDesk   *self);
ZcPdfView             *zc_declaration_desk_get_pdf_view      (ZcDeclarationDesk   *self);
ZcDeclarationTimeline *zc_declaration_desk_get_timeline      (ZcDeclarationDesk   *self);
ZcDeclarationMaterials *
                       zc_declaration_desk_get_materials     (ZcDeclarationDesk   *self);
void                   zc_declaration_desk_show_side         (ZcDeclarationDesk   *self,
                                                              const char          *name);
GtkWidget             *zc_declaration_desk_get_action_button (ZcDeclarationDesk   *self,
                                                              ZcDeclarationAction  action);
ZcDeclarationActionDialog *
                       zc_declaration_desk_get_action_dialog (ZcDeclarationDesk   *self);

G_END_DECLS
