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

G_END_DECLS
