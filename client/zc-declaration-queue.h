/* zc-declaration-queue.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-local-store-declaration-review.h"
#include "zc-session.h"

G_BEGIN_DECLS

/* The list side of the declaration desk: the declarations the officer's
 * pull brought into the local store, filtered by state and plan,
 * searched by name or title, one or several chosen (Ctrl+click,
 * Shift+click).  Read again whenever the store changes; online it also
 * fetches the applicants' names and the plans, kept for offline.
 *
 * Signals: "selection-changed" when the chosen rows change,
 * "rows-changed" after the rows were read again. */

#define ZC_TYPE_DECLARATION_QUEUE (zc_declaration_queue_get_type ())
G_DECLARE_FINAL_TYPE (ZcDeclarationQueue, zc_declaration_queue, ZC, DECLARATION_QUEUE, AdwBin)

GtkWidget                    *zc_declaration_queue_new               (ZcLocalStore        *store,
                                                                      ZcSession           *session,
                                                                      ZcRole               role);
void                          zc_declaration_queue_refresh           (ZcDeclarationQueue  *self);
void                          zc_declaration_queue_reload            (ZcDeclarationQueue  *self);
gboolean                      zc_declaration_queue_is_loading        (ZcDeclarationQueue  *self);
const ZcDeclarationReviewRow *zc_declaration_queue_find              (ZcDeclarationQueue  *self,
                                                                      const char          *declaration_id);
GPtrArray                    *zc_declaration_queue_get_selected      (ZcDeclarationQueue  *self);
gboolean                      zc_declaration_queue_select_many       (ZcDeclarationQueue  *self,
                                                                      const char * const  *ids);
guint                         zc_declaration_queue_get_n_rows        (ZcDeclarationQueue  *self);
guint                         zc_declaration_queue_get_n_visible_rows (ZcDeclarationQueue *self);
void                          zc_declaration_queue_set_state_filter  (ZcDeclarationQueue  *self,
                                                                      const char          *state);
void                          zc_declaration_queue_set_search        (ZcDeclarationQueue  *self,
                                                                      const char          *text);
void                          zc_declaration_queue_focus_search      (ZcDeclarationQueue  *self);
const char                   *zc_declaration_queue_get_status        (ZcDeclarationQueue  *self);
GtkListBox                   *zc_declaration_queue_get_list          (ZcDeclarationQueue  *self);

/* What a row says, for the list and the desk's details */
char                         *zc_declaration_row_title               (const ZcDeclarationReviewRow *row);
const char                   *zc_declaration_row_applicant           (const ZcDeclarationReviewRow *row);
const char                   *zc_declaration_row_plan_name           (const ZcDeclarationReviewRow *row);
char                         *zc_declaration_row_sync_text           (const ZcDeclarationReviewRow *row);
char                         *zc_declaration_row_deadline_text       (const ZcDeclarationReviewRow *row,
                                                                      ZcRole                        role,
                                                                      gboolean                     *urgent);

G_END_DECLS
