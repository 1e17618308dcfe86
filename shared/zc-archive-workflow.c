/* zc-archive-workflow.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-archive-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-archive-workflow.h"

G_DEFINE_QUARK (zc-workflow-error-quark, zc_workflow_error)

static const struct {
  const char *id;
  const char *label;
} actions[ZC_N_ARCHIVE_ACTIONS] = {
  [ZC_ARCHIVE_ACTION_CREATE]            = { "create",            NC_("archive action", "Add") },
  [ZC_ARCHIVE_ACTION_EDIT]              = { "edit",              NC_("archive action", "Edit") },
  [ZC_ARCHIVE_ACTION_DELETE]            = { "delete",            NC_("archive action", "Delete") },
  [ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW] = { "submit_for_review", NC_("archive action", "Submit for review") },
  [ZC_ARCHIVE_ACTION_APPROVE]           = { "approve",           NC_("archive action", "Approve") },
  [ZC_ARCHIVE_ACTION_RETURN]            = { "return",            NC_("archive action", "Return") },
  [ZC_ARCHIVE_ACTION_REJECT]            = { "reject",            NC_("archive action", "Reject") },
  [ZC_ARCHIVE_ACTION_IMPORT]            = { "import",            NC_("archive action", "Import") },
};

typedef struct {
  ZcReviewState   from;
  ZcArchiveAction action;
  ZcReviewState   to;
  ZcRole          role;
  gboolean        comment_required;
} ArchiveTransition;

/* Transitions of an existing entry.  Rejected entries have none: they
 * stay as evidence (SPEC: "add a new entry instead").  Approved entries
 * cannot be deleted, see docs/workflow.md.  A delete keeps the state. */
static const ArchiveTransition transitions[] = {
  /* applicant */
  { ZC_REVIEW_STATE_PENDING,    ZC_ARCHIVE_ACTION_EDIT,              ZC_REVIEW_STATE_PENDING,    ZC_ROLE_APPLICANT,    FALSE },
  { ZC_REVIEW_STATE_RETURNED,   ZC_ARCHIVE_ACTION_EDIT,              ZC_REVIEW_STATE_PENDING,    ZC_ROLE_APPLICANT,    FALSE },
  { ZC_REVIEW_STATE_APPROVED,   ZC_ARCHIVE_ACTION_EDIT,              ZC_REVIEW_STATE_PENDING,    ZC_ROLE_APPLICANT,    FALSE },
  { ZC_REVIEW_STATE_UNREVIEWED, ZC_ARCHIVE_ACTION_EDIT,              ZC_REVIEW_STATE_UNREVIEWED, ZC_ROLE_APPLICANT,    FALSE },
  { ZC_REVIEW_STATE_PENDING,    ZC_ARCHIVE_ACTION_DELETE,            ZC_REVIEW_STATE_PENDING,    ZC_ROLE_APPLICANT,    FALSE },
  { ZC_REVIEW_STATE_UNREVIEWED, ZC_ARCHIVE_ACTION_DELETE,            ZC_REVIEW_STATE_UNREVIEWED, ZC_ROLE_APPLICANT,    FALSE },
  { ZC_REVIEW_STATE_RETURNED,   ZC_ARCHIVE_ACTION_DELETE,            ZC_REVIEW_STATE_RETURNED,   ZC_ROLE_APPLICANT,    FALSE },
  { ZC_REVIEW_STATE_UNREVIEWED, ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW, ZC_REVIEW_STATE_PENDING,    ZC_ROLE_APPLICANT,    FALSE },
  /* unit officer */
  { ZC_REVIEW_STATE_PENDING,    ZC_ARCHIVE_ACTION_APPROVE,           ZC_REVIEW_STATE_APPROVED,   ZC_ROLE_UNIT_OFFICER, FALSE },
  { ZC_REVIEW_STATE_PENDING,    ZC_ARCHIVE_ACTION_RETURN,            ZC_REVIEW_STATE_RETURNED,   ZC_ROLE_UNIT_OFFICER, TRUE },
  { ZC_REVIEW_STATE_PENDING,    ZC_ARCHIVE_ACTION_REJECT,            ZC_REVIEW_STATE_REJECTED,   ZC_ROLE_UNIT_OFFICER, TRUE },
};

/* Transitions that make a new entry. */
static const struct {
  ZcArchiveAction action;
  ZcReviewState   to;
  ZcRole          role;
} creations[] = {
  { ZC_ARCHIVE_ACTION_CREATE, ZC_REVIEW_STATE_PENDING,    ZC_ROLE_APPLICANT },
  { ZC_ARCHIVE_ACTION_IMPORT, ZC_REVIEW_STATE_UNREVIEWED, ZC_ROLE_ADMIN },
};

/* Shared comment rule ---------------------------------------------------- */

/**
 * zc_workflow_check_comment:
 * @comment: (nullable): the comment the user gave
 * @required: whether the action needs one
 * @language: the language of the error message
 * @error: return location for a #ZcWorkflowError
 *
 * A required comment must have a character other than white space
 * (full-width spaces count as white space).  Any comment must be UTF-8
 * and, trimmed, at most %ZC_WORKFLOW_COMMENT_MAX_CHARS characters.
 */
gboolean
zc_workflow_check_comment (const char  *comment,
                           gboolean     required,
                           ZcLanguage   language,
                           GError     **error)
{
  glong n_chars = 0;
  glong first = -1;
  glong last = -1;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (comment != NULL && !g_utf8_validate (comment, -1, NULL))
    {
      g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_INVALID,
                           zc_translate (language, N_("The comment is not valid text.")));
      return FALSE;
    }

  for (const char *p = comment; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (first < 0)
            first = n_chars;
          last = n_chars;
        }
      n_chars++;
    }

  if (first < 0)
    {
      if (!required)
        return TRUE;

      g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED,
                           zc_translate (language, N_("Write a comment: this decision needs a reason.")));
      return FALSE;
    }

  if (last - first + 1 > ZC_WORKFLOW_COMMENT_MAX_CHARS)
    {
      g_autofree char *message =
        zc_translate_printf (language, N_("The comment is too long: at most %u characters."),
                             (guint) ZC_WORKFLOW_COMMENT_MAX_CHARS);

      g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG, message);
      return FALSE;
    }

  return TRUE;
}

/* Actions ---------------------------------------------------------------- */

const char *
zc_archive_action_to_string (ZcArchiveAction action)
{
  g_return_val_if_fail ((guint) action < ZC_N_ARCHIVE_ACTIONS, NULL);

  return actions[action].id;
}

gboolean
zc_archive_action_from_string (const char      *string,
                               ZcArchiveAction *action)
{
  g_return_val_if_fail (action != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < ZC_N_ARCHIVE_ACTIONS; i++)
    {
      if (strcmp (actions[i].id, string) == 0)
        {
          *action = (ZcArchiveAction) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
zc_archive_action_get_label (ZcArchiveAction action,
                             ZcLanguage      language)
{
  g_return_val_if_fail ((guint) action < ZC_N_ARCHIVE_ACTIONS, NULL);

  return zc_translate_with_context (language, "archive action", actions[action].label);
}

/* So that a client can ask for a comment before it sends the action. */
gboolean
zc_archive_action_requires_comment (ZcArchiveAction action)
{
  g_return_val_if_fail ((guint) action < ZC_N_ARCHIVE_ACTIONS, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (transitions[i].action == action && transitions[i].comment_required)
        return TRUE;
    }

  return FALSE;
}

gboolean
zc_archive_action_creates_entry (ZcArchiveAction action)
{
  g_return_val_if_fail ((guint) action < ZC_N_ARCHIVE_ACTIONS, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (creations); i++)
    {
      if (creations[i].action == action)
        return TRUE;
    }

  return FALSE;
}

gboolean
zc_archive_action_deletes_entry (ZcArchiveAction action)
{
  g_return_val_if_fail ((guint) action < ZC_N_ARCHIVE_ACTIONS, FALSE);

  return action == ZC_ARCHIVE_ACTION_DELETE;
}

/* Checks ----------------------------------------------------------------- */

static void
set_wrong_role (GError          **error,
                ZcRole            allowed,
                ZcArchiveAction   action,
                ZcLanguage        language)
{
  g_autofree char *message =
    zc_translate_printf (language, N_("Only “%s” may do “%s” here."),
                         zc_role_get_label (allowed, language),
                         zc_archive_action_get_label (action, language));

  g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_WRONG_ROLE, message);
}

/**
 * zc_archive_workflow_check:
 * @from: the entry's current state
 * @action: what the user wants to do
 * @role: the role the user acts in (ownership is the caller's check)
 * @comment: (nullable): the user's comment
 * @to_out: (out) (optional): the state after the action; untouched on error
 * @language: the language of the error message
 * @error: return location for a #ZcWorkflowError
 *
 * Whether @role may do @action to an existing entry in state @from.
 * Errors in this order: %ZC_WORKFLOW_ERROR_NOT_ALLOWED when no role may,
 * %ZC_WORKFLOW_ERROR_WRONG_ROLE when another role may, then the comment
 * errors of zc_workflow_check_comment().
 */
gboolean
zc_archive_workflow_check (ZcReviewState     from,
                           ZcArchiveAction   action,
                           ZcRole            role,
                           const char       *comment,
                           ZcReviewState    *to_out,
                           ZcLanguage        language,
                           GError          **error)
{
  const ArchiveTransition *other_role = NULL;

  g_return_val_if_fail ((guint) from < ZC_N_REVIEW_STATES, FALSE);
  g_return_val_if_fail ((guint) action < ZC_N_ARCHIVE_ACTIONS, FALSE);
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const ArchiveTransition *t = &transitions[i];

      if (t->from != from || t->action != action)
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
        zc_translate_printf (language, N_("An entry in the state “%s” does not allow “%s”."),
                             zc_review_state_get_label (from, language),
                             zc_archive_action_get_label (action, language));

      g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED, message);
    }

  return FALSE;
}

/**
 * zc_archive_workflow_check_new:
 * @action: %ZC_ARCHIVE_ACTION_CREATE or %ZC_ARCHIVE_ACTION_IMPORT
 * @role: the role the user acts in
 * @to_out: (out) (optional): the new entry's state; untouched on error
 * @language: the language of the error message
 * @error: return location for a #ZcWorkflowError
 *
 * Whether @role may make a new entry with @action.  New entries carry no
 * comment.
 */
gboolean
zc_archive_workflow_check_new (ZcArchiveAction   action,
                               ZcRole            role,
                               ZcReviewState    *to_out,
                               ZcLanguage        language,
                               GError          **error)
{
  g_return_val_if_fail ((guint) action < ZC_N_ARCHIVE_ACTIONS, FALSE);
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (creations); i++)
    {
      if (creations[i].action != action)
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
      zc_translate_printf (language, N_("“%s” needs an existing entry."),
                           zc_archive_action_get_label (action, language));

    g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED, message);
  }

  return FALSE;
}

/**
 * zc_archive_workflow_check_expected:
 * @actual: the state in the store now
 * @expected: the state the user saw when choosing the action
 * @language: the language of the error message
 * @error: return location for a #ZcWorkflowError
 *
 * Two officers may open the same entry; the second decision must not
 * silently overwrite the first.  Fails with
 * %ZC_WORKFLOW_ERROR_STATE_CHANGED when the states differ.
 */
gboolean
zc_archive_workflow_check_expected (ZcReviewState   actual,
                                    ZcReviewState   expected,
                                    ZcLanguage      language,
                                    GError        **error)
{
  g_return_val_if_fail ((guint) actual < ZC_N_REVIEW_STATES, FALSE);
  g_return_val_if_fail ((guint) expected < ZC_N_REVIEW_STATES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (actual == expected)
    return TRUE;

  {
    g_autofree char *message =
      zc_translate_printf (language,
                           N_("This entry has already been decided or changed: it is now “%s”. Look at it again."),
                           zc_review_state_get_label (actual, language));

    g_set_error_literal (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED, message);
  }

  return FALSE;
}

/* Available actions ------------------------------------------------------ */

static void
append_unique (GArray          *array,
               ZcArchiveAction  action)
{
  for (guint i = 0; i < array->len; i++)
    {
      if (g_array_index (array, ZcArchiveAction, i) == action)
        return;
    }

  g_array_append_val (array, action);
}

/**
 * zc_archive_workflow_available_actions:
 * @from: the entry's current state
 * @role: the role the user acts in
 *
 * Returns: (transfer full) (element-type ZcArchiveAction): the actions
 *   zc_archive_workflow_check() would allow, with a comment where one is
 *   required, in enum order
 */
GArray *
zc_archive_workflow_available_actions (ZcReviewState from,
                                       ZcRole        role)
{
  g_autoptr(GArray) result = NULL;

  g_return_val_if_fail ((guint) from < ZC_N_REVIEW_STATES, NULL);
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (ZcArchiveAction));

  /* Loop over actions first so that the result is in enum order. */
  for (guint a = 0; a < ZC_N_ARCHIVE_ACTIONS; a++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
        {
          if (transitions[i].from == from && transitions[i].role == role &&
              transitions[i].action == (ZcArchiveAction) a)
            append_unique (result, (ZcArchiveAction) a);
        }
    }

  return g_steal_pointer (&result);
}

/**
 * zc_archive_workflow_available_new_actions:
 * @role: the role the user acts in
 *
 * Returns: (transfer full) (element-type ZcArchiveAction): the actions
 *   zc_archive_workflow_check_new() would allow, in enum order
 */
GArray *
zc_archive_workflow_available_new_actions (ZcRole role)
{
  g_autoptr(GArray) result = NULL;

  g_return_val_if_fail ((guint) role < ZC_N_ROLES, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (ZcArchiveAction));

  for (guint a = 0; a < ZC_N_ARCHIVE_ACTIONS; a++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (creations); i++)
        {
          if (creations[i].role == role && creations[i].action == (ZcArchiveAction) a)
            append_unique (result, (ZcArchiveAction) a);
        }
    }

  return g_steal_pointer (&result);
}
