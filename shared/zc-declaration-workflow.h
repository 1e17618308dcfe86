/* zc-declaration-workflow.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"
#include "zc-role.h"
#include "zc-workflow.h"

G_BEGIN_DECLS

/* The kind of plan a declaration belongs to (SPEC "Review plans"):
 * a determination (职称初定) skips the department and the committee. */
typedef enum
{
  ZC_PLAN_TYPE_REVIEW,
  ZC_PLAN_TYPE_DETERMINATION,
} ZcPlanType;

#define ZC_N_PLAN_TYPES (ZC_PLAN_TYPE_DETERMINATION + 1)

/* The states of SPEC "The review chain"; drawn in docs/workflow.md.
 * The string ids are what the API and the stores carry; never
 * renumber: append. */
typedef enum
{
  ZC_DECLARATION_STATE_DRAFT,
  ZC_DECLARATION_STATE_DISCARDED,
  ZC_DECLARATION_STATE_UNIT_REVIEW,
  ZC_DECLARATION_STATE_RETURNED,
  ZC_DECLARATION_STATE_UNIT_RECOMMENDED,
  ZC_DECLARATION_STATE_UNIT_PUBLICITY,
  ZC_DECLARATION_STATE_UNIT_PUBLICITY_ENDED,
  ZC_DECLARATION_STATE_DEPARTMENT_REVIEW,
  ZC_DECLARATION_STATE_COMMITTEE_INTAKE,
  ZC_DECLARATION_STATE_UNDER_REVIEW,
  ZC_DECLARATION_STATE_INTERVIEW_SCHEDULED,
  ZC_DECLARATION_STATE_REVIEW_PASSED,
  ZC_DECLARATION_STATE_RESULT_PUBLICITY,
  ZC_DECLARATION_STATE_RESULT_PUBLICITY_ENDED,
  ZC_DECLARATION_STATE_ISSUING,
  ZC_DECLARATION_STATE_ISSUER_REVIEW,
  ZC_DECLARATION_STATE_CERTIFIED,
  ZC_DECLARATION_STATE_FAILED,
} ZcDeclarationState;

#define ZC_N_DECLARATION_STATES (ZC_DECLARATION_STATE_FAILED + 1)

/* Never renumber: append. */
typedef enum
{
  /* applicant */
  ZC_DECLARATION_ACTION_CREATE,
  ZC_DECLARATION_ACTION_SAVE_DRAFT,
  ZC_DECLARATION_ACTION_DISCARD,
  ZC_DECLARATION_ACTION_SUBMIT,
  ZC_DECLARATION_ACTION_WITHDRAW,
  ZC_DECLARATION_ACTION_RESUBMIT,
  /* unit officer; return is also the department's, committee's, issuer's */
  ZC_DECLARATION_ACTION_RECOMMEND,
  ZC_DECLARATION_ACTION_RETURN,
  ZC_DECLARATION_ACTION_START_PUBLICITY,
  ZC_DECLARATION_ACTION_END_PUBLICITY,
  ZC_DECLARATION_ACTION_FORWARD,
  /* department officer */
  ZC_DECLARATION_ACTION_PASS,
  /* committee officer */
  ZC_DECLARATION_ACTION_ACCEPT,
  ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW,
  ZC_DECLARATION_ACTION_RECORD_PASS,
  ZC_DECLARATION_ACTION_RECORD_FAIL,
  ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY,
  ZC_DECLARATION_ACTION_END_RESULT_PUBLICITY,
  ZC_DECLARATION_ACTION_FORWARD_TO_ISSUER,
  /* issuer */
  ZC_DECLARATION_ACTION_ISSUE,
  ZC_DECLARATION_ACTION_DETERMINE,
} ZcDeclarationAction;

#define ZC_N_DECLARATION_ACTIONS (ZC_DECLARATION_ACTION_DETERMINE + 1)

const char *zc_plan_type_to_string               (ZcPlanType            plan_type);
gboolean    zc_plan_type_from_string             (const char           *string,
                                                  ZcPlanType           *plan_type);
const char *zc_plan_type_get_label               (ZcPlanType            plan_type,
                                                  ZcLanguage            language);

const char *zc_declaration_state_to_string       (ZcDeclarationState    state);
gboolean    zc_declaration_state_from_string     (const char           *string,
                                                  ZcDeclarationState   *state);
const char *zc_declaration_state_get_label       (ZcDeclarationState    state,
                                                  ZcLanguage            language);
gboolean    zc_declaration_state_is_final        (ZcDeclarationState    state);
gboolean    zc_declaration_state_is_editable_by_applicant (ZcDeclarationState state);
gboolean    zc_declaration_state_applies_to      (ZcDeclarationState    state,
                                                  ZcPlanType            plan_type);

const char *zc_declaration_action_to_string      (ZcDeclarationAction   action);
gboolean    zc_declaration_action_from_string    (const char           *string,
                                                  ZcDeclarationAction  *action);
const char *zc_declaration_action_get_label      (ZcDeclarationAction   action,
                                                  ZcLanguage            language);
gboolean    zc_declaration_action_requires_comment (ZcDeclarationAction action);

/* An action on an existing declaration.  The caller records who, when,
 * from, to and the comment in the audit trail; for a return, the role
 * says which level returned it. */
gboolean    zc_declaration_workflow_check          (ZcPlanType            plan_type,
                                                    ZcDeclarationState    from,
                                                    ZcDeclarationAction   action,
                                                    ZcRole                role,
                                                    const char           *comment,
                                                    ZcDeclarationState   *to_out,
                                                    ZcLanguage            language,
                                                    GError              **error);
/* The action that makes a new declaration (create). */
gboolean    zc_declaration_workflow_check_new      (ZcPlanType            plan_type,
                                                    ZcDeclarationAction   action,
                                                    ZcRole                role,
                                                    ZcDeclarationState   *to_out,
                                                    ZcLanguage            language,
                                                    GError              **error);
gboolean    zc_declaration_workflow_check_expected (ZcDeclarationState    actual,
                                                    ZcDeclarationState    expected,
                                                    ZcLanguage            language,
                                                    GError              **error);

/* GArray of ZcDeclarationAction, in enum order; empty, never NULL. */
GArray     *zc_declaration_workflow_available_actions     (ZcPlanType          plan_type,
                                                           ZcDeclarationState  from,
                                                           ZcRole              role);
GArray     *zc_declaration_workflow_available_new_actions (ZcPlanType          plan_type,
                                                           ZcRole              role);

G_END_DECLS
