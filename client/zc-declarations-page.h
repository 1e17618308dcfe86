/* zc-declarations-page.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-declaration-timeline.h"
#include "zc-declaration-workflow.h"
#include "zc-local-store.h"
#include "zc-session.h"

G_BEGIN_DECLS

/* "我的申报": the applicant's declarations with their states and the
 * changes waiting; the chosen one with its timeline and the actions
 * its state allows (continue editing, withdraw, discard). */

#define ZC_TYPE_DECLARATIONS_PAGE (zc_declarations_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcDeclarationsPage, zc_declarations_page, ZC, DECLARATIONS_PAGE, AdwBin)

GtkWidget             *zc_declarations_page_new             (ZcLocalStore       *store);
/* With a signed-in session the server's timeline is asked for too. */
void                   zc_declarations_page_set_session     (ZcDeclarationsPage *self,
                                                             ZcSession          *session);
void                   zc_declarations_page_reload          (ZcDeclarationsPage *self);
guint                  zc_declarations_page_get_n_declarations (ZcDeclarationsPage *self);
GtkListBox            *zc_declarations_page_get_list        (ZcDeclarationsPage *self);
gboolean               zc_declarations_page_select          (ZcDeclarationsPage *self,
                                                             const char         *declaration_id);
/* The declaration shown, or NULL. */
const char            *zc_declarations_page_get_selected_id (ZcDeclarationsPage *self);
ZcDeclarationTimeline *zc_declarations_page_get_timeline    (ZcDeclarationsPage *self);
/* The button of @action (ZC_DECLARATION_ACTION_SAVE_DRAFT: continue
 * editing; _WITHDRAW; _DISCARD) when it is shown, or NULL. */
GtkWidget             *zc_declarations_page_get_action_button (ZcDeclarationsPage *self,
                                                             ZcDeclarationAction action);

G_END_DECLS
