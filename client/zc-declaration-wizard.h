/* zc-declaration-wizard.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-local-store.h"
#include "zc-plan.h"

G_BEGIN_DECLS

/* The declaration wizard (SPEC "Declaration", steps 1–10) in its own
 * window: a new declaration to @plan, or the draft or returned
 * declaration @declaration_id.  Every step saves the draft to @store
 * at once (offline); submitting queues the submission for the next
 * sync. */

#define ZC_TYPE_DECLARATION_WIZARD (zc_declaration_wizard_get_type ())

G_DECLARE_FINAL_TYPE (ZcDeclarationWizard, zc_declaration_wizard, ZC, DECLARATION_WIZARD, AdwWindow)

ZcDeclarationWizard *zc_declaration_wizard_new (GtkWindow    *parent,
                                                ZcLocalStore *store,
                                                ZcPlan       *plan,
                                                const char   *declaration_id);

/* "archive-requested" (const char *form_id): the user asked to add an
 * achievement, which is done in the archive; the window shows it. */

/* Added for the declarations page and the tests. */

/* The applicant's unit, for the scope item of the check; without it
 * the check leaves scope to the server. */
void        zc_declaration_wizard_set_unit          (ZcDeclarationWizard  *self,
                                                     const char           *unit_id,
                                                     const char           *unit_region_code);
/* The declaration's id (a new one is created when the wizard opens on
 * a plan); NULL when it could not be created. */
const char *zc_declaration_wizard_get_declaration_id (ZcDeclarationWizard *self);
/* The page shown: a ZcDeclarationStep, then check (7), preview (8),
 * submit (9).  Changing the page saves the draft. */
int         zc_declaration_wizard_get_page          (ZcDeclarationWizard  *self);
void        zc_declaration_wizard_set_page          (ZcDeclarationWizard  *self,
                                                     int                   page);
/* Saves what is typed now (暂存); FALSE with the reason. */
gboolean    zc_declaration_wizard_save              (ZcDeclarationWizard  *self,
                                                     GError              **error);
/* The check of the current draft, run now; (transfer none) ZcCheckItem. */
GPtrArray  *zc_declaration_wizard_run_check         (ZcDeclarationWizard  *self);
/* Queues the submission (or resubmission after a return) when the
 * check passes; FALSE with the reason otherwise. */
gboolean    zc_declaration_wizard_submit            (ZcDeclarationWizard  *self,
                                                     GError              **error);
/* Picks archive entry @record_id into condition group @group (NULL:
 * the first group that takes its category, or none), or with @picked
 * FALSE ignores it. */
gboolean    zc_declaration_wizard_set_picked        (ZcDeclarationWizard  *self,
                                                     const char           *record_id,
                                                     gboolean              picked,
                                                     const char           *group);
/* Adds @file to the plan requirement @requirement (type, size and count
 * checked); FALSE with the reason. */
gboolean    zc_declaration_wizard_add_attachment    (ZcDeclarationWizard  *self,
                                                     const char           *requirement,
                                                     GFile                *file,
                                                     GError              **error);
/* A widget of the window for tests: "method", "title", "title-picker",
 * "declaration-category", "special-person", "years", "signature-pad",
 * "summary", "education", "info-form", "pdf-view", "submit", "step-list",
 * "next", "back"; NULL for another name. */
GtkWidget  *zc_declaration_wizard_get_widget        (ZcDeclarationWizard  *self,
                                                     const char           *name);

G_END_DECLS
