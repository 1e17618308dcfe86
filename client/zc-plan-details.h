/* zc-plan-details.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-file-viewer.h"
#include "zc-local-store.h"
#include "zc-plan.h"
#include "zc-session.h"

G_BEGIN_DECLS

/* One review plan in full (SPEC "Review plans"), with the button that
 * starts a declaration to it, or continues the applicant's draft, or
 * says why neither is possible. */

#define ZC_TYPE_PLAN_DETAILS (zc_plan_details_get_type ())
G_DECLARE_FINAL_TYPE (ZcPlanDetails, zc_plan_details, ZC, PLAN_DETAILS, AdwBin)

GtkWidget  *zc_plan_details_new                  (ZcLocalStore  *store);
/* @plan: (nullable): none shows an empty page */
void        zc_plan_details_set_plan             (ZcPlanDetails *self,
                                                  ZcPlan        *plan);
ZcPlan     *zc_plan_details_get_plan             (ZcPlanDetails *self);
/* The time the declare button is judged at; NULL: the clock (tests
 * set it). */
void        zc_plan_details_set_now              (ZcPlanDetails *self,
                                                  GDateTime     *now);
/* Reads the local declarations again and updates the button. */
void        zc_plan_details_update_declare       (ZcPlanDetails *self);
GtkWidget  *zc_plan_details_get_declare_button   (ZcPlanDetails *self);
/* Why declaring is not possible, or NULL when it is. */
const char *zc_plan_details_get_declare_reason   (ZcPlanDetails *self);
/* The applicant's draft or returned declaration to this plan, which
 * the button continues, or NULL. */
const char *zc_plan_details_get_declaration_id   (ZcPlanDetails *self);

/* A notice's files (docs/declarations.md "Plans"): each row has an Open
 * button that shows the file from the local store or, online, downloads
 * it first and keeps it there.  @session: (nullable): for downloads. */
void        zc_plan_details_set_session          (ZcPlanDetails *self,
                                                  ZcSession     *session);
gboolean    zc_plan_details_open_notice_file     (ZcPlanDetails *self,
                                                  guint          notice,
                                                  guint          file);
GtkWidget  *zc_plan_details_get_notice_file_row  (ZcPlanDetails *self,
                                                  guint          notice,
                                                  guint          file);
ZcFileViewer *zc_plan_details_get_file_viewer    (ZcPlanDetails *self);

/* Opens the declaration wizard on @plan (a new declaration when
 * @declaration_id is NULL) over @parent's window. */
void        zc_plan_details_open_wizard          (GtkWidget     *parent,
                                                  ZcLocalStore  *store,
                                                  ZcPlan        *plan,
                                                  const char    *declaration_id);

/* Signal "declare" (ZcPlan *plan, const char *declaration_id) → gboolean:
 * the button was pressed; the default handler opens the wizard, a
 * handler that returns TRUE stops it. */

G_END_DECLS
