/* zc-plan-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-account-service.h"
#include "zc-context.h"
#include "zc-plan.h"
#include "zc-session-service.h"
#include "zc-store-integrity.h"

G_BEGIN_DECLS

/* Review plans (docs/declarations.md "Plans"): a committee officer
 * drafts, edits, publishes, revises and closes its committee's plans;
 * everyone logged in reads the published and closed ones.  A plan of
 * another committee, or a draft of one, is NOT_FOUND to the caller.
 * Errors are ZC_API_ERROR in @language. */

typedef enum
{
  ZC_PLAN_ACTION_PUBLISH,   /* the draft version becomes the published one */
  ZC_PLAN_ACTION_CLOSE,     /* no new declarations */
  ZC_PLAN_ACTION_REVISE,    /* a draft of the next version, a copy of the published one */
} ZcPlanAction;

/* The newest visible version of each plan matching @filter, newest
 * year first, from @offset, at most @limit; @total_out (nullable): how
 * many match in all. */
GPtrArray *zc_plan_service_list    (ZcContext           *ctx,
                                    const ZcCaller      *caller,
                                    const ZcPlanFilter  *filter,
                                    guint                limit,
                                    guint                offset,
                                    guint               *total_out,
                                    ZcLanguage           language,
                                    GError             **error);
/* @version 0: the newest version the caller may see. */
ZcPlan    *zc_plan_service_get     (ZcContext           *ctx,
                                    const ZcCaller      *caller,
                                    const char          *id,
                                    gint64               version,
                                    ZcLanguage           language,
                                    GError             **error);
/* @body: the plan's JSON for input, without id and version. */
ZcPlan    *zc_plan_service_create  (ZcContext           *ctx,
                                    const ZcCaller      *caller,
                                    JsonNode            *body,
                                    const char          *address,
                                    ZcLanguage          language,
                                    GError             **error);
/* @body: the plan's JSON for input whose version (required) is the
 * draft version the caller edited. */
ZcPlan    *zc_plan_service_update  (ZcContext           *ctx,
                                    const ZcCaller      *caller,
                                    const char          *id,
                                    JsonNode            *body,
                                    const char          *address,
                                    ZcLanguage           language,
                                    GError             **error);
/* @expected_version: the version the caller saw, 0 for any. */
ZcPlan    *zc_plan_service_act     (ZcContext           *ctx,
                                    const ZcCaller      *caller,
                                    const char          *id,
                                    ZcPlanAction         action,
                                    gint64               expected_version,
                                    const char          *address,
                                    ZcLanguage           language,
                                    GError             **error);

/* Integrity records (诚信档案), kept by the administrator: a ban on
 * declaring for a resident ID number, in force through @until (a
 * "YYYY-MM-DD" date in Asia/Shanghai, after today); @reason 1–500
 * characters on one line. */
ZcIntegrityRecord *zc_integrity_service_add    (ZcContext       *ctx,
                                                const char      *id_number,
                                                const char      *until,
                                                const char      *reason,
                                                const ZcActor   *actor,
                                                ZcLanguage       language,
                                                GError         **error);
/* @id_number (nullable): only that person's; @active_only: only the
 * records in force now. */
GPtrArray         *zc_integrity_service_list   (ZcContext       *ctx,
                                                const char      *id_number,
                                                gboolean         active_only,
                                                ZcLanguage       language,
                                                GError         **error);
gboolean           zc_integrity_service_remove (ZcContext       *ctx,
                                                const char      *id,
                                                const ZcActor   *actor,
                                                ZcLanguage       language,
                                                GError         **error);
/* How a record looks in answers and in `admin --json`. */
JsonNode          *zc_integrity_record_to_json (const ZcIntegrityRecord *record);

G_END_DECLS
