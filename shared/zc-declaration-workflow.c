/* zc-declaration-workflow.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-declaration-workflow.h"

/* Which plan types a state or transition belongs to. */
#define REVIEW        (1u << ZC_PLAN_TYPE_REVIEW)
#define DETERMINATION (1u << ZC_PLAN_TYPE_DETERMINATION)
#define BOTH          (REVIEW | DETERMINATION)

static const struct {
  const char *id;
  const char *label;
} plan_types[ZC_N_PLAN_TYPES] = {
  [ZC_PLAN_TYPE_REVIEW]        = { "review",        NC_("plan type", "Review") },
  [ZC_PLAN_TYPE_DETERMINATION] = { "determination", NC_("plan type", "Determination") },
};

static const struct {
  const char *id;
  const char *label;
  guint       plans;
} states[ZC_N_DECLARATION_STATES] = {
  [ZC_DECLARATION_STATE_DRAFT]                  = { "draft",                  NC_("declaration state", "Draft"),                      BOTH },
  [ZC_DECLARATION_STATE_DISCARDED]              = { "discarded",              NC_("declaration state", "Discarded"),                  BOTH },
  [ZC_DECLARATION_STATE_UNIT_REVIEW]            = { "unit_review",            NC_("declaration state", "Awaiting unit review"),       BOTH },
  [ZC_DECLARATION_STATE_RETURNED]               = { "returned",               NC_("declaration state", "Returned"),                   BOTH },
  [ZC_DECLARATION_STATE_UNIT_RECOMMENDED]       = { "unit_recommended",       NC_("declaration state", "Recommended by the unit"),    BOTH },
  [ZC_DECLARATION_STATE_UNIT_PUBLICITY]         = { "unit_publicity",         NC_("declaration state", "In unit publicity"),          BOTH },
  [ZC_DECLARATION_STATE_UNIT_PUBLICITY_ENDED]   = { "unit_publicity_ended",   NC_("declaration state", "Unit publicity ended"),       BOTH },
  [ZC_DECLARATION_STATE_DEPARTMENT_REVIEW]      = { "department_review",      NC_("declaration state", "Awaiting department review"), REVIEW },
  [ZC_DECLARATION_STATE_COMMITTEE_INTAKE]       = { "committee_intake",       NC_("declaration state", "Awaiting committee intake"),  REVIEW },
  [ZC_DECLARATION_STATE_UNDER_REVIEW]           = { "under_review",           NC_("declaration state", "Under review"),               REVIEW },
  [ZC_DECLARATION_STATE_INTERVIEW_SCHEDULED]    = { "interview_scheduled",    NC_("declaration state", "Interview scheduled"),        REVIEW },
  [ZC_DECLARATION_STATE_REVIEW_PASSED]          = { "review_passed",          NC_("declaration state", "Passed review"),              REVIEW },
  [ZC_DECLARATION_STATE_RESULT_PUBLICITY]       = { "result_publicity",       NC_("declaration state", "In result publicity"),        REVIEW },
  [ZC_DECLARATION_STATE_RESULT_PUBLICITY_ENDED] = { "result_publicity_ended", NC_("declaration state", "Result publicity ended"),     REVIEW },
  [ZC_DECLARATION_STATE_ISSUING]                = { "issuing",                NC_("declaration state", "Awaiting certificate"),       REVIEW },
  [ZC_DECLARATION_STATE_ISSUER_REVIEW]          = { "issuer_review",          NC_("declaration state", "Awaiting issuer review"),     DETERMINATION },
  [ZC_DECLARATION_STATE_CERTIFIED]              = { "certified",              NC_("declaration state", "Certified"),                  BOTH },
  [ZC_DECLARATION_STATE_FAILED]                 = { "failed",                 NC_("declaration state", "Not passed"),                 REVIEW },
};

static const struct {
  const char *id;
  const char *label;
} actions[ZC_N_DECLARATION_ACTIONS] = {
  [ZC_DECLARATION_ACTION_CREATE]                 = { "create",                 NC_("declaration action", "New declaration") },
  [ZC_DECLARATION_ACTION_SAVE_DRAFT]             = { "save_draft",             NC_("declaration action", "Save draft") },
  [ZC_DECLARATION_ACTION_DISCARD]                = { "discard",                NC_("declaration action", "Discard") },
  [ZC_DECLARATION_ACTION_SUBMIT]                 = { "submit",                 NC_("declaration action", "Submit") },
  [ZC_DECLARATION_ACTION_WITHDRAW]               = { "withdraw",               NC_("declaration action", "Withdraw") },
  [ZC_DECLARATION_ACTION_RESUBMIT]               = { "resubmit",               NC_("declaration action", "Resubmit") },
  [ZC_DECLARATION_ACTION_RECOMMEND]              = { "recommend",              NC_("declaration action", "Recommend") },
  [ZC_DECLARATION_ACTION_RETURN]                 = { "return",                 NC_("declaration action", "Return") },
  [ZC_DECLARATION_ACTION_START_PUBLICITY]        = { "start_publicity",        NC_("declaration action", "Start publicity") },
  [ZC_DECLARATION_ACTION_END_PUBLICITY]          = { "end_publicity",          NC_("declaration action", "End publicity") },
  [ZC_DECLARATION_ACTION_FORWARD]                = { "forward",                NC_("declaration action", "Forward") },
  [ZC_DECLARATION_ACTION_PASS]                   = { "pass",                   NC_("declaration action", "Pass") },
  [ZC_DECLARATION_ACTION_ACCEPT]                 = { "accept",                 NC_("declaration action", "Accept") },
  [ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW]     = { "schedule_interview",     NC_("declaration action", "Schedule interview") },
  [ZC_DECLARATION_ACTION_RECORD_PASS]            = { "record_pass",            NC_("declaration action", "Record pass") },
  [ZC_DECLARATION_ACTION_RECORD_FAIL]            = { "record_fail",            NC_("declaration action", "Record fail") },
  [ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY] = { "start_result_publicity", NC_("declaration action", "Start result publicity") },
  [ZC_DECLARATION_ACTION_END_RESULT_PUBLICITY]   = { "end_result_publicity",   NC_("declaration action", "End result publicity") },
  [ZC_DECLARATION_ACTION_FORWARD_TO_ISSUER]      = { "forward_to_issuer",      NC_("declaration action", "Forward to issuer") },
  [ZC_DECLARATION_ACTION_ISSUE]                  = { "issue",                  NC_("declaration action", "Issue certificate") },
  [ZC_DECLARATION_ACTION_DETERMINE]              = { "determine",              NC_("declaration action", "Approve determination") },
};

typedef struct {
  guint               plans;
  ZcDeclarationState  from;
  ZcDeclarationAction action;
  ZcDeclarationState  to;
  ZcRole              role;
  gboolean            comment_required;
} DeclarationTransition;

#define S(x) ZC_DECLARATION_STATE_##x
#define A(x) ZC_DECLARATION_ACTION_##x

/* The review chain.  For each (plan, from, action) there is at most one
 * row, so one role owns each step.  Every return goes to the applicant
 * and every resubmission to the unit; who returned it is the role in
 * the audit trail. */
static const DeclarationTransition transitions[] = {
  /* applicant */
  { BOTH,          S (DRAFT),                  A (SAVE_DRAFT),             S (DRAFT),                  ZC_ROLE_APPLICANT,          FALSE },
  { BOTH,          S (RETURNED),               A (SAVE_DRAFT),             S (RETURNED),               ZC_ROLE_APPLICANT,          FALSE },
  { BOTH,          S (DRAFT),                  A (DISCARD),                S (DISCARDED),              ZC_ROLE_APPLICANT,          FALSE },
  { BOTH,          S (RETURNED),               A (DISCARD),                S (DISCARDED),              ZC_ROLE_APPLICANT,          FALSE },
  { BOTH,          S (DRAFT),                  A (SUBMIT),                 S (UNIT_REVIEW),            ZC_ROLE_APPLICANT,          FALSE },
  /* only while the unit has not acted: any unit action leaves unit_review */
  { BOTH,          S (UNIT_REVIEW),            A (WITHDRAW),               S (DRAFT),                  ZC_ROLE_APPLICANT,          FALSE },
  { BOTH,          S (RETURNED),               A (RESUBMIT),               S (UNIT_REVIEW),            ZC_ROLE_APPLICANT,          FALSE },

  /* unit officer; a return stays possible until the unit forwards,
   * because objections come up during the publicity */
  { BOTH,          S (UNIT_REVIEW),            A (RECOMMEND),              S (UNIT_RECOMMENDED),       ZC_ROLE_UNIT_OFFICER,       FALSE },
  { BOTH,          S (UNIT_REVIEW),            A (RETURN),                 S (RETURNED),               ZC_ROLE_UNIT_OFFICER,       TRUE },
  { BOTH,          S (UNIT_RECOMMENDED),       A (RETURN),                 S (RETURNED),               ZC_ROLE_UNIT_OFFICER,       TRUE },
  { BOTH,          S (UNIT_PUBLICITY),         A (RETURN),                 S (RETURNED),               ZC_ROLE_UNIT_OFFICER,       TRUE },
  { BOTH,          S (UNIT_PUBLICITY_ENDED),   A (RETURN),                 S (RETURNED),               ZC_ROLE_UNIT_OFFICER,       TRUE },
  { BOTH,          S (UNIT_RECOMMENDED),       A (START_PUBLICITY),        S (UNIT_PUBLICITY),         ZC_ROLE_UNIT_OFFICER,       FALSE },
  { BOTH,          S (UNIT_PUBLICITY),         A (END_PUBLICITY),          S (UNIT_PUBLICITY_ENDED),   ZC_ROLE_UNIT_OFFICER,       FALSE },
  { REVIEW,        S (UNIT_PUBLICITY_ENDED),   A (FORWARD),                S (DEPARTMENT_REVIEW),      ZC_ROLE_UNIT_OFFICER,       FALSE },
  /* a determination may skip the unit publicity (Sichuan §2.2.1.2) */
  { DETERMINATION, S (UNIT_RECOMMENDED),       A (FORWARD),                S (ISSUER_REVIEW),          ZC_ROLE_UNIT_OFFICER,       FALSE },
  { DETERMINATION, S (UNIT_PUBLICITY_ENDED),   A (FORWARD),                S (ISSUER_REVIEW),          ZC_ROLE_UNIT_OFFICER,       FALSE },

  /* department officer */
  { REVIEW,        S (DEPARTMENT_REVIEW),      A (PASS),                   S (COMMITTEE_INTAKE),       ZC_ROLE_DEPARTMENT_OFFICER, FALSE },
  { REVIEW,        S (DEPARTMENT_REVIEW),      A (RETURN),                 S (RETURNED),               ZC_ROLE_DEPARTMENT_OFFICER, TRUE },

  /* committee officer; rescheduling an interview keeps the state, and an
   * objection upheld during the result publicity fails the declaration */
  { REVIEW,        S (COMMITTEE_INTAKE),       A (ACCEPT),                 S (UNDER_REVIEW),           ZC_ROLE_COMMITTEE_OFFICER,  FALSE },
  { REVIEW,        S (COMMITTEE_INTAKE),       A (RETURN),                 S (RETURNED),               ZC_ROLE_COMMITTEE_OFFICER,  TRUE },
  { REVIEW,        S (UNDER_REVIEW),           A (SCHEDULE_INTERVIEW),     S (INTERVIEW_SCHEDULED),    ZC_ROLE_COMMITTEE_OFFICER,  FALSE },
  { REVIEW,        S (INTERVIEW_SCHEDULED),    A (SCHEDULE_INTERVIEW),     S (INTERVIEW_SCHEDULED),    ZC_ROLE_COMMITTEE_OFFICER,  FALSE },
  { REVIEW,        S (UNDER_REVIEW),           A (RECORD_PASS),            S (REVIEW_PASSED),          ZC_ROLE_COMMITTEE_OFFICER,  FALSE },
  { REVIEW,        S (INTERVIEW_SCHEDULED),    A (RECORD_PASS),            S (REVIEW_PASSED),          ZC_ROLE_COMMITTEE_OFFICER,  FALSE },
  { REVIEW,        S (UNDER_REVIEW),           A (RECORD_FAIL),            S (FAILED),                 ZC_ROLE_COMMITTEE_OFFICER,  TRUE },
  { REVIEW,        S (INTERVIEW_SCHEDULED),    A (RECORD_FAIL),            S (FAILED),                 ZC_ROLE_COMMITTEE_OFFICER,  TRUE },
  { REVIEW,        S (RESULT_PUBLICITY),       A (RECORD_FAIL),            S (FAILED),                 ZC_ROLE_COMMITTEE_OFFICER,  TRUE },
  { REVIEW,        S (REVIEW_PASSED),          A (START_RESULT_PUBLICITY), S (RESULT_PUBLICITY),       ZC_ROLE_COMMITTEE_OFFICER,  FALSE },
  { REVIEW,        S (RESULT_PUBLICITY),       A (END_RESULT_PUBLICITY),   S (RESULT_PUBLICITY_ENDED), ZC_ROLE_COMMITTEE_OFFICER,  FALSE },
  { REVIEW,        S (RESULT_PUBLICITY_ENDED), A (FORWARD_TO_ISSUER),      S (ISSUING),                ZC_ROLE_COMMITTEE_OFFICER,  FALSE },

  /* issuer; after a committee result there is nothing the applicant
   * could fix, so the issuer returns only determinations */
  { REVIEW,        S (ISSUING),                A (ISSUE),                  S (CERTIFIED),              ZC_ROLE_ISSUER,             FALSE },
  { DETERMINATION, S (ISSUER_REVIEW),          A (DETERMINE),              S (CERTIFIED),              ZC_ROLE_ISSUER,             FALSE },
  { DETERMINATION, S (ISSUER_REVIEW),          A (RETURN),                 S (RETURNED),               ZC_ROLE_ISSUER,             TRUE },
};

static const struct {
  guint               plans;
  ZcDeclarationAction action;
  ZcDeclarationState  to;
  ZcRole              role;
} creations[] = {
  { BOTH, A (CREATE), S (DRAFT), ZC_ROLE_APPLICANT },
};

#undef S
#undef A

/* Names ------------------------------------------------------------------ */

const char *
zc_plan_type_to_string (ZcPlanType plan_type)
{
  g_return_val_if_fail ((guint) plan_type < ZC_N_PLAN_TYPES, NULL);

  return plan_types[plan_type].id;
}

gboolean
zc_plan_type_from_string (const char *string,
                          ZcPlanType *plan_type)
{
  g_return_val_if_fail (plan_type != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < ZC_N_PLAN_TYPES; i++)
    {
      if (strcmp (plan_types[i].id, string) == 0)
        {
          *plan_type = (ZcPlanType) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
zc_plan_type_get_label (ZcPlanType plan_type,
                        ZcLanguage language)
{
  g_return_val_if_fail ((guint) plan_type < ZC_N_PLAN_TYPES, NULL);

  return zc_translate_with_context (language, "plan type", plan_types[plan_type].label);
}

const char *
zc_declaration_state_to_string (ZcDeclarationState state)
{
  g_return_val_if_fail ((guint) state < ZC_N_DECLARATION_STATES, NULL);

  return states[state].id;
}

gboolean
zc_declaration_state_from_string (const char         *string,
                                  ZcDeclarationState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < ZC_N_DECLARATION_STATES; i++)
    {
      if (strcmp (states[i].id, string) == 0)
        {
          *state = (ZcDeclarationState) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
zc_declaration_state_get_label (ZcDeclarationState state,
                                ZcLanguage         language)
{
  g_return_val_if_fail ((guint) state < ZC_N_DECLARATION_STATES, NULL);

  return zc_translate_with_context (language, "declaration state", states[state].label);
}

/* Nothing leaves a final state. */
gboolean
zc_declaration_state_is_final (ZcDeclarationState state)
{
  g_return_val_if_fail ((guint) state < ZC_N_DECLARATION_STATES, FALSE);

  return state == ZC_DECLARATION_STATE_CERTIFIED ||
         state == ZC_DECLARATION_STATE_FAILED ||
         state == ZC_DECLARATION_STATE_DISCARDED;
}

/* The applicant may change the content; elsewhere it is frozen. */
gboolean
zc_declaration_state_is_editable_by_applicant (ZcDeclarationState state)
{
  g_return_val_if_fail ((guint) state < ZC_N_DECLARATION_STATES, FALSE);

  return state == ZC_DECLARATION_STATE_DRAFT ||
         state == ZC_DECLARATION_STATE_RETURNED;
}

/* Whether a declaration of a @plan_type plan can ever be in @state;
 * a progress view shows only these. */
gboolean
zc_declaration_state_applies_to (ZcDeclarationState state,
                                 ZcPlanType         plan_type)
{
  g_return_val_if_fail ((guint) state < ZC_N_DECLARATION_STATES, FALSE);
  g_return_val_if_fail ((guint) plan_type < ZC_N_PLAN_TYPES, FALSE);

  return (states[state].plans & (1u << plan_type)) != 0;
}

const char *
zc_declaration_action_to_string (ZcDeclarationAction action)
{
  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, NULL);

  return actions[action].id;
}

gboolean
zc_declaration_action_from_string (const char          *string,
                                   ZcDeclarationAction *action)
{
  g_return_val_if_fail (action != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < ZC_N_DECLARATION_ACTIONS; i++)
    {
      if (strcmp (actions[i].id, string) == 0)
        {
          *action = (ZcDeclarationAction) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
zc_declaration_action_get_label (ZcDeclarationAction action,
                                 ZcLanguage          language)
{
  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, NULL);

  return zc_translate_with_context (language, "declaration action", actions[action].label);
}

/* So that a client can ask for a comment before it sends the action. */
gboolean
zc_declaration_action_requires_comment (ZcDeclarationAction action)
{
  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (transitions[i].action == action && transitions[i].comment_required)
        return TRUE;
    }

  return FALSE;
}

/* Checks ----------------------------------------------------------------- */

static void
set_wrong_role (GError              **error,
                ZcRole                allowed,
                ZcDeclarationAction   action,
                ZcLanguage            language)
{
  g_autofree char *message =
    zc_translate_printf (language, N_("Only “%s” may do “%s” here."),
                         zc_role_get_label (allowed, language),
                         zc_declaration_action_get_label (action, language));

  g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_WRONG_ROLE, message);
}

/**
 * zc_declaration_workflow_check:
 * @plan_type: the type of the declaration's plan
 * @from: the declaration's current state
 * @action: what the user wants to do
 * @role: the role the user acts in (ownership is the caller's check)
 * @comment: (nullable): the user's comment
 * @to_out: (out) (optional): the state after the action; untouched on error
 * @language: the language of the error message
 * @error: return location for a #ZcWorkflowError
 *
 * Whether @role may do @action to a declaration in state @from.  Errors
 * in this order: %ZC_WORKFLOW_ERROR_NOT_ALLOWED when no role may,
 * %ZC_WORKFLOW_ERROR_WRONG_ROLE when another role may, then the comment
 * errors of zc_workflow_check_comment().  Deadlines, publicity length
 * and the one-per-year rule need the store and the clock: the services
 * check those.
 */
gboolean
zc_declaration_workflow_check (ZcPlanType            plan_type,
                               ZcDeclarationState    from,
                               ZcDeclarationAction   action,
                               ZcRole                role,
                               const char           *comment,
                               ZcDeclarationState   *to_out,
                               ZcLanguage            language,
                               GError              **error)
{
  const DeclarationTransition *other_role = NULL;
  guint plan;

  g_return_val_if_fail ((guint) plan_type < ZC_N_PLAN_TYPES, FALSE);
  g_return_val_if_fail ((guint) from < ZC_N_DECLARATION_STATES, FALSE);
  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, FALSE);
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = 1u << plan_type;

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const DeclarationTransition *t = &transitions[i];

      if ((t->plans & plan) == 0 || t->from != from || t->action != action)
        continue;

      if (t->role != role)
        {
          other_role = t;
          continue;
        }

      if (!zc_workflow_check_comment (comment, t->comment_required, language, error))
        return FALSE;

      if (to_out != NULL)
        *to_out = t->to;
      return TRUE;
    }

  if (other_role != NULL)
    {
      set_wrong_role (error, other_role->role, action, language);
    }
  else
    {
      g_autofree char *message =
        zc_translate_printf (language, N_("A declaration in the state “%s” does not allow “%s”."),
                             zc_declaration_state_get_label (from, language),
                             zc_declaration_action_get_label (action, language));

      g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED, message);
    }

  return FALSE;
}

/**
 * zc_declaration_workflow_check_new:
 * @plan_type: the type of the plan declared for
 * @action: %ZC_DECLARATION_ACTION_CREATE
 * @role: the role the user acts in
 * @to_out: (out) (optional): the new declaration's state; untouched on error
 * @language: the language of the error message
 * @error: return location for a #ZcWorkflowError
 */
gboolean
zc_declaration_workflow_check_new (ZcPlanType            plan_type,
                                   ZcDeclarationAction   action,
                                   ZcRole                role,
                                   ZcDeclarationState   *to_out,
                                   ZcLanguage            language,
                                   GError              **error)
{
  guint plan;

  g_return_val_if_fail ((guint) plan_type < ZC_N_PLAN_TYPES, FALSE);
  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, FALSE);
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = 1u << plan_type;

  for (guint i = 0; i < G_N_ELEMENTS (creations); i++)
    {
      if ((creations[i].plans & plan) == 0 || creations[i].action != action)
        continue;

      if (creations[i].role != role)
        {
          set_wrong_role (error, creations[i].role, action, language);
          return FALSE;
        }

      if (to_out != NULL)
        *to_out = creations[i].to;
      return TRUE;
    }

  {
    g_autofree char *message =
      zc_translate_printf (language, N_("“%s” needs an existing declaration."),
                           zc_declaration_action_get_label (action, language));

    g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED, message);
  }

  return FALSE;
}

/**
 * zc_declaration_workflow_check_expected:
 * @actual: the state in the store now
 * @expected: the state the user saw when choosing the action
 * @language: the language of the error message
 * @error: return location for a #ZcWorkflowError
 *
 * Fails with %ZC_WORKFLOW_ERROR_STATE_CHANGED when another user (or the
 * applicant's withdrawal) changed the declaration meanwhile.
 */
gboolean
zc_declaration_workflow_check_expected (ZcDeclarationState   actual,
                                        ZcDeclarationState   expected,
                                        ZcLanguage           language,
                                        GError             **error)
{
  g_return_val_if_fail ((guint) actual < ZC_N_DECLARATION_STATES, FALSE);
  g_return_val_if_fail ((guint) expected < ZC_N_DECLARATION_STATES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (actual == expected)
    return TRUE;

  {
    g_autofree char *message =
      zc_translate_printf (language,
                           N_("This declaration has already been decided or changed: it is now “%s”. Look at it again."),
                           zc_declaration_state_get_label (actual, language));

    g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED, message);
  }

  return FALSE;
}

/* Available actions ------------------------------------------------------ */

/**
 * zc_declaration_workflow_available_actions:
 * @plan_type: the type of the declaration's plan
 * @from: the declaration's current state
 * @role: the role the user acts in
 *
 * Returns: (transfer full) (element-type ZcDeclarationAction): the
 *   actions zc_declaration_workflow_check() would allow, with a comment
 *   where one is required, in enum order
 */
GArray *
zc_declaration_workflow_available_actions (ZcPlanType         plan_type,
                                           ZcDeclarationState from,
                                           ZcRole             role)
{
  g_autoptr(GArray) result = NULL;
  guint plan;

  g_return_val_if_fail ((guint) plan_type < ZC_N_PLAN_TYPES, NULL);
  g_return_val_if_fail ((guint) from < ZC_N_DECLARATION_STATES, NULL);
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, NULL);

  plan = 1u << plan_type;

  result = g_array_new (FALSE, FALSE, sizeof (ZcDeclarationAction));

  /* One row per (plan, from, action): no duplicates to weed out. */
  for (guint a = 0; a < ZC_N_DECLARATION_ACTIONS; a++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
        {
          const DeclarationTransition *t = &transitions[i];

          if ((t->plans & plan) != 0 && t->from == from && t->role == role &&
              t->action == (ZcDeclarationAction) a)
            {
              ZcDeclarationAction action = t->action;

              g_array_append_val (result, action);
              break;
            }
        }
    }

  return g_steal_pointer (&result);
}

/**
 * zc_declaration_workflow_available_new_actions:
 * @plan_type: the type of the plan declared for
 * @role: the role the user acts in
 *
 * Returns: (transfer full) (element-type ZcDeclarationAction): the
 *   actions zc_declaration_workflow_check_new() would allow
 */
GArray *
zc_declaration_workflow_available_new_actions (ZcPlanType plan_type,
                                               ZcRole     role)
{
  g_autoptr(GArray) result = NULL;
  guint plan;

  g_return_val_if_fail ((guint) plan_type < ZC_N_PLAN_TYPES, NULL);
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, NULL);

  plan = 1u << plan_type;

  result = g_array_new (FALSE, FALSE, sizeof (ZcDeclarationAction));

  for (guint i = 0; i < G_N_ELEMENTS (creations); i++)
    {
      if ((creations[i].plans & plan) != 0 && creations[i].role == role)
        {
          ZcDeclarationAction action = creations[i].action;

          g_array_append_val (result, action);
        }
    }

  return g_steal_pointer (&result);
}
