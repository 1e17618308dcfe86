/* test-declaration-workflow.c: the review chain of a declaration
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-declaration-workflow.h"

/* The expectation, written from SPEC "The review chain" and
 * docs/workflow.md independently of the table in the module:
 *   plans  from  action  role  to  [comment]
 * plans: review, determination or both.                                  */
static const char *expected_transitions[] = {
  /* applicant */
  "both           draft                   save_draft              applicant           draft",
  "both           returned                save_draft              applicant           returned",
  "both           draft                   discard                 applicant           discarded",
  "both           returned                discard                 applicant           discarded",
  "both           draft                   submit                  applicant           unit_review",
  "both           unit_review             withdraw                applicant           draft",
  "both           returned                resubmit                applicant           unit_review",
  /* unit */
  "both           unit_review             recommend               unit_officer        unit_recommended",
  "both           unit_review             return                  unit_officer        returned  comment",
  "both           unit_recommended        return                  unit_officer        returned  comment",
  "both           unit_publicity          return                  unit_officer        returned  comment",
  "both           unit_publicity_ended    return                  unit_officer        returned  comment",
  "both           unit_recommended        start_publicity         unit_officer        unit_publicity",
  "both           unit_publicity          end_publicity           unit_officer        unit_publicity_ended",
  "review         unit_publicity_ended    forward                 unit_officer        department_review",
  "determination  unit_recommended        forward                 unit_officer        issuer_review",
  "determination  unit_publicity_ended    forward                 unit_officer        issuer_review",
  /* department */
  "review         department_review       pass                    department_officer  committee_intake",
  "review         department_review       return                  department_officer  returned  comment",
  /* committee */
  "review         committee_intake        accept                  committee_officer   under_review",
  "review         committee_intake        return                  committee_officer   returned  comment",
  "review         under_review            schedule_interview      committee_officer   interview_scheduled",
  "review         interview_scheduled     schedule_interview      committee_officer   interview_scheduled",
  "review         under_review            record_pass             committee_officer   review_passed",
  "review         interview_scheduled     record_pass             committee_officer   review_passed",
  "review         under_review            record_fail             committee_officer   failed  comment",
  "review         interview_scheduled     record_fail             committee_officer   failed  comment",
  "review         result_publicity        record_fail             committee_officer   failed  comment",
  "review         review_passed           start_result_publicity  committee_officer   result_publicity",
  "review         result_publicity        end_result_publicity    committee_officer   result_publicity_ended",
  "review         result_publicity_ended  forward_to_issuer       committee_officer   issuing",
  /* issuer */
  "review         issuing                 issue                   issuer              certified",
  "determination  issuer_review           determine               issuer              certified",
  "determination  issuer_review           return                  issuer              returned  comment",
};

typedef struct {
  gboolean            plans[ZC_N_PLAN_TYPES];
  ZcDeclarationState  from;
  ZcDeclarationAction action;
  ZcRole              role;
  ZcDeclarationState  to;
  gboolean            comment;
} Expected;

static Expected rows[G_N_ELEMENTS (expected_transitions)];

static GStrv
split_words (const char *line)
{
  g_auto(GStrv) parts = g_strsplit_set (line, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static void
parse_expectations (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_transitions); i++)
    {
      g_auto(GStrv) w = split_words (expected_transitions[i]);
      Expected *e = &rows[i];

      g_assert_cmpuint (g_strv_length (w), >=, 5);
      e->plans[ZC_PLAN_TYPE_REVIEW] = strcmp (w[0], "review") == 0 || strcmp (w[0], "both") == 0;
      e->plans[ZC_PLAN_TYPE_DETERMINATION] = strcmp (w[0], "determination") == 0 || strcmp (w[0], "both") == 0;
      g_assert_true (e->plans[ZC_PLAN_TYPE_REVIEW] || e->plans[ZC_PLAN_TYPE_DETERMINATION]);
      g_assert_true (zc_declaration_state_from_string (w[1], &e->from));
      g_assert_true (zc_declaration_action_from_string (w[2], &e->action));
      g_assert_true (zc_role_from_string (w[3], &e->role));
      g_assert_true (zc_declaration_state_from_string (w[4], &e->to));
      e->comment = w[5] != NULL && strcmp (w[5], "comment") == 0;
    }
}

/* Exhaustive ------------------------------------------------------------- */

static void
test_every_transition (void)
{
  const ZcDeclarationState untouched = ZC_DECLARATION_STATE_CERTIFIED;
  guint n_allowed = 0;
  guint n_expected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    n_expected += rows[i].plans[0] + rows[i].plans[1];

  for (guint p = 0; p < ZC_N_PLAN_TYPES; p++)
    for (guint f = 0; f < ZC_N_DECLARATION_STATES; f++)
      for (guint a = 0; a < ZC_N_DECLARATION_ACTIONS; a++)
        for (guint r = 0; r < ZC_N_ROLES; r++)
          {
            gboolean exists_for_other_role = FALSE;
            const Expected *match = NULL;
            g_autoptr(GError) error = NULL;
            ZcDeclarationState to = untouched;
            gboolean ok;

            for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
              {
                if (!rows[i].plans[p] || rows[i].from != f || rows[i].action != a)
                  continue;
                if (rows[i].role == r)
                  match = &rows[i];
                else
                  exists_for_other_role = TRUE;
              }

            ok = zc_declaration_workflow_check (p, f, a, r, "Missing the 2024 assessment form.",
                                                &to, ZC_LANGUAGE_ENGLISH, &error);

            if (match != NULL)
              {
                g_assert_no_error (error);
                g_assert_true (ok);
                g_assert_cmpint (to, ==, match->to);
                n_allowed++;

                to = untouched;
                ok = zc_declaration_workflow_check (p, f, a, r, "  ", &to, ZC_LANGUAGE_ENGLISH, &error);
                if (match->comment)
                  {
                    g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
                    g_assert_false (ok);
                    g_assert_cmpint (to, ==, untouched);
                  }
                else
                  {
                    g_assert_no_error (error);
                    g_assert_true (ok);
                    g_assert_cmpint (to, ==, match->to);
                  }
              }
            else
              {
                g_assert_false (ok);
                g_assert_error (error, ZC_WORKFLOW_ERROR,
                                (exists_for_other_role ? ZC_WORKFLOW_ERROR_WRONG_ROLE
                                                       : ZC_WORKFLOW_ERROR_NOT_ALLOWED));
                g_assert_cmpstr (error->message, !=, "");
                g_assert_cmpint (to, ==, untouched);
              }

            g_assert_cmpint (zc_declaration_workflow_check (p, f, a, r, "reason", NULL, ZC_LANGUAGE_LOCALE, NULL),
                             ==, match != NULL);
          }

  g_assert_cmpuint (n_allowed, ==, n_expected);
}

static void
test_creation (void)
{
  for (guint p = 0; p < ZC_N_PLAN_TYPES; p++)
    for (guint a = 0; a < ZC_N_DECLARATION_ACTIONS; a++)
      for (guint r = 0; r < ZC_N_ROLES; r++)
        {
          g_autoptr(GError) error = NULL;
          ZcDeclarationState to = ZC_DECLARATION_STATE_FAILED;
          gboolean ok = zc_declaration_workflow_check_new (p, a, r, &to, ZC_LANGUAGE_ENGLISH, &error);

          if (a == ZC_DECLARATION_ACTION_CREATE && r == ZC_ROLE_APPLICANT)
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              g_assert_cmpint (to, ==, ZC_DECLARATION_STATE_DRAFT);
            }
          else
            {
              g_assert_false (ok);
              g_assert_error (error, ZC_WORKFLOW_ERROR,
                              (a == ZC_DECLARATION_ACTION_CREATE ? ZC_WORKFLOW_ERROR_WRONG_ROLE
                                                                 : ZC_WORKFLOW_ERROR_NOT_ALLOWED));
              g_assert_cmpint (to, ==, ZC_DECLARATION_STATE_FAILED);
            }
        }

  /* create is never an action on an existing declaration */
  for (guint p = 0; p < ZC_N_PLAN_TYPES; p++)
    for (guint f = 0; f < ZC_N_DECLARATION_STATES; f++)
      g_assert_false (zc_declaration_workflow_check (p, f, ZC_DECLARATION_ACTION_CREATE, ZC_ROLE_APPLICANT,
                                                     NULL, NULL, ZC_LANGUAGE_ENGLISH, NULL));

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (zc_declaration_workflow_check_new (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_ACTION_SUBMIT,
                                                       ZC_ROLE_APPLICANT, NULL, ZC_LANGUAGE_ENGLISH, &error));
    g_assert_cmpstr (error->message, ==, "“Submit” needs an existing declaration.");
  }
}

static gboolean
array_has (GArray              *array,
           ZcDeclarationAction  action)
{
  for (guint i = 0; i < array->len; i++)
    {
      if (g_array_index (array, ZcDeclarationAction, i) == action)
        return TRUE;
    }

  return FALSE;
}

static void
test_available_actions (void)
{
  for (guint p = 0; p < ZC_N_PLAN_TYPES; p++)
    {
      for (guint f = 0; f < ZC_N_DECLARATION_STATES; f++)
        for (guint r = 0; r < ZC_N_ROLES; r++)
          {
            g_autoptr(GArray) available = zc_declaration_workflow_available_actions (p, f, r);
            guint n = 0;

            g_assert_nonnull (available);
            for (guint i = 1; i < available->len; i++)
              g_assert_cmpint (g_array_index (available, ZcDeclarationAction, i - 1), <,
                               g_array_index (available, ZcDeclarationAction, i));

            for (guint a = 0; a < ZC_N_DECLARATION_ACTIONS; a++)
              {
                gboolean allowed = zc_declaration_workflow_check (p, f, a, r, "A reason.", NULL,
                                                                  ZC_LANGUAGE_ENGLISH, NULL);

                g_assert_cmpint (array_has (available, a), ==, allowed);
                n += allowed;
              }
            g_assert_cmpuint (available->len, ==, n);
          }

      for (guint r = 0; r < ZC_N_ROLES; r++)
        {
          g_autoptr(GArray) available = zc_declaration_workflow_available_new_actions (p, r);

          g_assert_cmpuint (available->len, ==, r == ZC_ROLE_APPLICANT ? 1 : 0);
          for (guint a = 0; a < ZC_N_DECLARATION_ACTIONS; a++)
            g_assert_cmpint (array_has (available, a), ==,
                             zc_declaration_workflow_check_new (p, a, r, NULL, ZC_LANGUAGE_ENGLISH, NULL));
        }
    }

  /* the admin takes no part in the chain */
  for (guint p = 0; p < ZC_N_PLAN_TYPES; p++)
    for (guint f = 0; f < ZC_N_DECLARATION_STATES; f++)
      {
        g_autoptr(GArray) available = zc_declaration_workflow_available_actions (p, f, ZC_ROLE_ADMIN);

        g_assert_cmpuint (available->len, ==, 0);
      }
}

/* State properties --------------------------------------------------------- */

static void
test_state_properties (void)
{
  static const char *review_only[] = {
    "department_review", "committee_intake", "under_review", "interview_scheduled", "review_passed",
    "result_publicity", "result_publicity_ended", "issuing", "failed",
  };

  for (guint s = 0; s < ZC_N_DECLARATION_STATES; s++)
    {
      const char *id = zc_declaration_state_to_string (s);
      gboolean final = strcmp (id, "certified") == 0 || strcmp (id, "failed") == 0 || strcmp (id, "discarded") == 0;
      gboolean editable = strcmp (id, "draft") == 0 || strcmp (id, "returned") == 0;
      gboolean in_review_only = g_strv_contains (review_only, id);
      gboolean in_determination_only = strcmp (id, "issuer_review") == 0;

      g_assert_cmpint (zc_declaration_state_is_final (s), ==, final);
      g_assert_cmpint (zc_declaration_state_is_editable_by_applicant (s), ==, editable);
      g_assert_cmpint (zc_declaration_state_applies_to (s, ZC_PLAN_TYPE_REVIEW), ==, !in_determination_only);
      g_assert_cmpint (zc_declaration_state_applies_to (s, ZC_PLAN_TYPE_DETERMINATION), ==, !in_review_only);

      for (guint p = 0; p < ZC_N_PLAN_TYPES; p++)
        {
          guint n_actions = 0;

          for (guint r = 0; r < ZC_N_ROLES; r++)
            {
              g_autoptr(GArray) available = zc_declaration_workflow_available_actions (p, s, r);

              n_actions += available->len;
            }

          /* final states are dead ends, and the only ones; a state a
           * plan type never reaches has no way out either */
          if (final || !zc_declaration_state_applies_to (s, p))
            g_assert_cmpuint (n_actions, ==, 0);
          else
            g_assert_cmpuint (n_actions, >, 0);
        }
    }
}

/* Every state of a plan type is reachable from draft, and nothing leads
 * out of the plan type's states. */
static void
test_reachability (void)
{
  for (guint p = 0; p < ZC_N_PLAN_TYPES; p++)
    {
      gboolean seen[ZC_N_DECLARATION_STATES] = { FALSE, };
      ZcDeclarationState queue[ZC_N_DECLARATION_STATES];
      guint head = 0, tail = 0;

      g_assert_true (zc_declaration_workflow_check_new (p, ZC_DECLARATION_ACTION_CREATE, ZC_ROLE_APPLICANT,
                                                        &queue[tail], ZC_LANGUAGE_ENGLISH, NULL));
      seen[queue[tail++]] = TRUE;

      while (head < tail)
        {
          ZcDeclarationState from = queue[head++];

          for (guint a = 0; a < ZC_N_DECLARATION_ACTIONS; a++)
            for (guint r = 0; r < ZC_N_ROLES; r++)
              {
                ZcDeclarationState to;

                if (!zc_declaration_workflow_check (p, from, a, r, "reason", &to, ZC_LANGUAGE_ENGLISH, NULL))
                  continue;
                g_assert_true (zc_declaration_state_applies_to (to, p));
                if (!seen[to])
                  {
                    seen[to] = TRUE;
                    queue[tail++] = to;
                  }
              }
        }

      for (guint s = 0; s < ZC_N_DECLARATION_STATES; s++)
        g_assert_cmpint (seen[s], ==, zc_declaration_state_applies_to (s, p));
    }
}

/* Walks ------------------------------------------------------------------ */

typedef struct {
  const char *action;
  ZcRole      role;
  const char *to;
} Step;

static void
walk (ZcPlanType          plan_type,
      ZcDeclarationState *state,
      const Step         *steps,
      gsize               n_steps)
{
  for (gsize i = 0; i < n_steps; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) available = zc_declaration_workflow_available_actions (plan_type, *state, steps[i].role);
      ZcDeclarationAction action;
      ZcDeclarationState expected;
      const char *comment = NULL;

      g_assert_true (zc_declaration_action_from_string (steps[i].action, &action));
      g_assert_true (zc_declaration_state_from_string (steps[i].to, &expected));
      g_assert_false (zc_declaration_state_is_final (*state));
      g_assert_true (array_has (available, action));

      if (zc_declaration_action_requires_comment (action))
        comment = "The unit's stamp is missing on page 3.";

      g_assert_true (zc_declaration_workflow_check (plan_type, *state, action, steps[i].role, comment,
                                                    state, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (zc_declaration_state_to_string (*state), ==, steps[i].to);
      g_assert_cmpint (*state, ==, expected);
    }
}

static void
assert_dead_end (ZcPlanType         plan_type,
                 ZcDeclarationState state)
{
  g_assert_true (zc_declaration_state_is_final (state));
  for (guint a = 0; a < ZC_N_DECLARATION_ACTIONS; a++)
    for (guint r = 0; r < ZC_N_ROLES; r++)
      g_assert_false (zc_declaration_workflow_check (plan_type, state, a, r, "x", NULL, ZC_LANGUAGE_ENGLISH, NULL));
}

static const Step review_path[] = {
  { "save_draft",             ZC_ROLE_APPLICANT,          "draft" },
  { "submit",                 ZC_ROLE_APPLICANT,          "unit_review" },
  { "recommend",              ZC_ROLE_UNIT_OFFICER,       "unit_recommended" },
  { "start_publicity",        ZC_ROLE_UNIT_OFFICER,       "unit_publicity" },
  { "end_publicity",          ZC_ROLE_UNIT_OFFICER,       "unit_publicity_ended" },
  { "forward",                ZC_ROLE_UNIT_OFFICER,       "department_review" },
  { "pass",                   ZC_ROLE_DEPARTMENT_OFFICER, "committee_intake" },
  { "accept",                 ZC_ROLE_COMMITTEE_OFFICER,  "under_review" },
  { "schedule_interview",     ZC_ROLE_COMMITTEE_OFFICER,  "interview_scheduled" },
  { "schedule_interview",     ZC_ROLE_COMMITTEE_OFFICER,  "interview_scheduled" },
  { "record_pass",            ZC_ROLE_COMMITTEE_OFFICER,  "review_passed" },
  { "start_result_publicity", ZC_ROLE_COMMITTEE_OFFICER,  "result_publicity" },
  { "end_result_publicity",   ZC_ROLE_COMMITTEE_OFFICER,  "result_publicity_ended" },
  { "forward_to_issuer",      ZC_ROLE_COMMITTEE_OFFICER,  "issuing" },
  { "issue",                  ZC_ROLE_ISSUER,             "certified" },
};

static const Step determination_path[] = {
  { "submit",                 ZC_ROLE_APPLICANT,          "unit_review" },
  { "recommend",              ZC_ROLE_UNIT_OFFICER,       "unit_recommended" },
  { "forward",                ZC_ROLE_UNIT_OFFICER,       "issuer_review" },
  { "determine",              ZC_ROLE_ISSUER,             "certified" },
};

static const Step determination_with_publicity_path[] = {
  { "submit",                 ZC_ROLE_APPLICANT,          "unit_review" },
  { "recommend",              ZC_ROLE_UNIT_OFFICER,       "unit_recommended" },
  { "start_publicity",        ZC_ROLE_UNIT_OFFICER,       "unit_publicity" },
  { "end_publicity",          ZC_ROLE_UNIT_OFFICER,       "unit_publicity_ended" },
  { "forward",                ZC_ROLE_UNIT_OFFICER,       "issuer_review" },
  { "determine",              ZC_ROLE_ISSUER,             "certified" },
};

static void
test_happy_paths (void)
{
  ZcDeclarationState state;

  g_assert_true (zc_declaration_workflow_check_new (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_ACTION_CREATE,
                                                    ZC_ROLE_APPLICANT, &state, ZC_LANGUAGE_ENGLISH, NULL));
  walk (ZC_PLAN_TYPE_REVIEW, &state, review_path, G_N_ELEMENTS (review_path));
  assert_dead_end (ZC_PLAN_TYPE_REVIEW, state);

  state = ZC_DECLARATION_STATE_DRAFT;
  walk (ZC_PLAN_TYPE_DETERMINATION, &state, determination_path, G_N_ELEMENTS (determination_path));
  assert_dead_end (ZC_PLAN_TYPE_DETERMINATION, state);

  state = ZC_DECLARATION_STATE_DRAFT;
  walk (ZC_PLAN_TYPE_DETERMINATION, &state, determination_with_publicity_path,
        G_N_ELEMENTS (determination_with_publicity_path));
  assert_dead_end (ZC_PLAN_TYPE_DETERMINATION, state);

  /* a review plan may not skip the unit publicity, and a determination
   * never reaches the department */
  g_assert_false (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_UNIT_RECOMMENDED,
                                                 ZC_DECLARATION_ACTION_FORWARD, ZC_ROLE_UNIT_OFFICER,
                                                 NULL, NULL, ZC_LANGUAGE_ENGLISH, NULL));
  g_assert_true (zc_declaration_workflow_check (ZC_PLAN_TYPE_DETERMINATION, ZC_DECLARATION_STATE_UNIT_PUBLICITY_ENDED,
                                                ZC_DECLARATION_ACTION_FORWARD, ZC_ROLE_UNIT_OFFICER,
                                                NULL, &state, ZC_LANGUAGE_ENGLISH, NULL));
  g_assert_cmpint (state, ==, ZC_DECLARATION_STATE_ISSUER_REVIEW);
}

static void
test_failure_paths (void)
{
  static const Step fail_after_interview[] = {
    { "schedule_interview", ZC_ROLE_COMMITTEE_OFFICER, "interview_scheduled" },
    { "record_fail",        ZC_ROLE_COMMITTEE_OFFICER, "failed" },
  };
  static const Step fail_in_publicity[] = {
    { "record_pass",            ZC_ROLE_COMMITTEE_OFFICER, "review_passed" },
    { "start_result_publicity", ZC_ROLE_COMMITTEE_OFFICER, "result_publicity" },
    { "record_fail",            ZC_ROLE_COMMITTEE_OFFICER, "failed" },
  };
  static const Step discard_returned[] = {
    { "submit",  ZC_ROLE_APPLICANT,    "unit_review" },
    { "return",  ZC_ROLE_UNIT_OFFICER, "returned" },
    { "discard", ZC_ROLE_APPLICANT,    "discarded" },
  };
  ZcDeclarationState state = ZC_DECLARATION_STATE_UNDER_REVIEW;
  g_autoptr(GError) error = NULL;

  walk (ZC_PLAN_TYPE_REVIEW, &state, fail_after_interview, G_N_ELEMENTS (fail_after_interview));
  assert_dead_end (ZC_PLAN_TYPE_REVIEW, state);

  state = ZC_DECLARATION_STATE_UNDER_REVIEW;
  walk (ZC_PLAN_TYPE_REVIEW, &state, fail_in_publicity, G_N_ELEMENTS (fail_in_publicity));
  assert_dead_end (ZC_PLAN_TYPE_REVIEW, state);

  state = ZC_DECLARATION_STATE_DRAFT;
  walk (ZC_PLAN_TYPE_DETERMINATION, &state, discard_returned, G_N_ELEMENTS (discard_returned));
  assert_dead_end (ZC_PLAN_TYPE_DETERMINATION, state);

  /* a fail needs its reason */
  g_assert_false (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_UNDER_REVIEW,
                                                 ZC_DECLARATION_ACTION_RECORD_FAIL, ZC_ROLE_COMMITTEE_OFFICER,
                                                 NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
}

/* A return at every level, then the applicant fixes and resubmits, and the
 * declaration is back at the unit, wherever it was returned from. */
static void
test_return_and_resubmit (void)
{
  static const struct {
    ZcPlanType  plan_type;
    const char *at;
    ZcRole      role;
  } returns[] = {
    { ZC_PLAN_TYPE_REVIEW,        "unit_review",          ZC_ROLE_UNIT_OFFICER },
    { ZC_PLAN_TYPE_REVIEW,        "unit_recommended",     ZC_ROLE_UNIT_OFFICER },
    { ZC_PLAN_TYPE_REVIEW,        "unit_publicity",       ZC_ROLE_UNIT_OFFICER },
    { ZC_PLAN_TYPE_REVIEW,        "unit_publicity_ended", ZC_ROLE_UNIT_OFFICER },
    { ZC_PLAN_TYPE_REVIEW,        "department_review",    ZC_ROLE_DEPARTMENT_OFFICER },
    { ZC_PLAN_TYPE_REVIEW,        "committee_intake",     ZC_ROLE_COMMITTEE_OFFICER },
    { ZC_PLAN_TYPE_DETERMINATION, "unit_review",          ZC_ROLE_UNIT_OFFICER },
    { ZC_PLAN_TYPE_DETERMINATION, "unit_recommended",     ZC_ROLE_UNIT_OFFICER },
    { ZC_PLAN_TYPE_DETERMINATION, "unit_publicity",       ZC_ROLE_UNIT_OFFICER },
    { ZC_PLAN_TYPE_DETERMINATION, "unit_publicity_ended", ZC_ROLE_UNIT_OFFICER },
    { ZC_PLAN_TYPE_DETERMINATION, "issuer_review",        ZC_ROLE_ISSUER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (returns); i++)
    {
      const Step *path = returns[i].plan_type == ZC_PLAN_TYPE_REVIEW ? review_path : determination_with_publicity_path;
      gsize n_path = returns[i].plan_type == ZC_PLAN_TYPE_REVIEW ? G_N_ELEMENTS (review_path)
                                                                 : G_N_ELEMENTS (determination_with_publicity_path);
      ZcDeclarationState state = ZC_DECLARATION_STATE_DRAFT;
      g_autoptr(GError) error = NULL;
      gsize n = 0;
      static const Step fix_and_resubmit[] = {
        { "save_draft", ZC_ROLE_APPLICANT, "returned" },
        { "resubmit",   ZC_ROLE_APPLICANT, "unit_review" },
      };

      /* walk the happy path up to the returning level */
      while (strcmp (zc_declaration_state_to_string (state), returns[i].at) != 0)
        {
          g_assert_cmpuint (n, <, n_path);
          walk (returns[i].plan_type, &state, &path[n++], 1);
        }

      /* not without a reason */
      g_assert_false (zc_declaration_workflow_check (returns[i].plan_type, state, ZC_DECLARATION_ACTION_RETURN,
                                                     returns[i].role, "", NULL, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
      g_clear_error (&error);

      g_assert_true (zc_declaration_workflow_check (returns[i].plan_type, state, ZC_DECLARATION_ACTION_RETURN,
                                                    returns[i].role, "The diploma scan is unreadable.",
                                                    &state, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
      g_assert_cmpint (state, ==, ZC_DECLARATION_STATE_RETURNED);
      g_assert_true (zc_declaration_state_is_editable_by_applicant (state));

      /* submit is for drafts; a returned declaration is resubmitted */
      g_assert_false (zc_declaration_workflow_check (returns[i].plan_type, state, ZC_DECLARATION_ACTION_SUBMIT,
                                                     ZC_ROLE_APPLICANT, NULL, NULL, ZC_LANGUAGE_ENGLISH, NULL));

      walk (returns[i].plan_type, &state, fix_and_resubmit, G_N_ELEMENTS (fix_and_resubmit));
      g_assert_cmpint (state, ==, ZC_DECLARATION_STATE_UNIT_REVIEW);
    }
}

static void
test_withdraw (void)
{
  for (guint p = 0; p < ZC_N_PLAN_TYPES; p++)
    {
      ZcDeclarationState state = ZC_DECLARATION_STATE_DRAFT;
      g_autoptr(GError) error = NULL;
      static const Step submit_withdraw[] = {
        { "submit",   ZC_ROLE_APPLICANT, "unit_review" },
        { "withdraw", ZC_ROLE_APPLICANT, "draft" },
        { "submit",   ZC_ROLE_APPLICANT, "unit_review" },
        { "return",   ZC_ROLE_UNIT_OFFICER, "returned" },
        { "resubmit", ZC_ROLE_APPLICANT, "unit_review" },
        { "withdraw", ZC_ROLE_APPLICANT, "draft" },   /* again before the unit acts */
        { "submit",   ZC_ROLE_APPLICANT, "unit_review" },
        { "recommend", ZC_ROLE_UNIT_OFFICER, "unit_recommended" },
      };

      walk (p, &state, submit_withdraw, G_N_ELEMENTS (submit_withdraw));

      /* the unit has acted: too late */
      g_assert_false (zc_declaration_workflow_check (p, state, ZC_DECLARATION_ACTION_WITHDRAW, ZC_ROLE_APPLICANT,
                                                     NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED);

      /* only unit_review allows it, and only for the applicant */
      for (guint s = 0; s < ZC_N_DECLARATION_STATES; s++)
        for (guint r = 0; r < ZC_N_ROLES; r++)
          g_assert_cmpint (zc_declaration_workflow_check (p, s, ZC_DECLARATION_ACTION_WITHDRAW, r, NULL, NULL,
                                                          ZC_LANGUAGE_ENGLISH, NULL),
                           ==, s == ZC_DECLARATION_STATE_UNIT_REVIEW && r == ZC_ROLE_APPLICANT);
    }
}

/* Comments, expected state, names ---------------------------------------- */

static void
test_comments (void)
{
  static const char *blank[] = { NULL, "", "   ", "\n\t", "\u3000" };
  static const ZcDeclarationAction limited[] = { ZC_DECLARATION_ACTION_PASS, ZC_DECLARATION_ACTION_RETURN };
  g_autofree char *c500 = g_strnfill (500, 'z');
  g_autofree char *c501 = g_strnfill (501, 'z');

  for (guint a = 0; a < ZC_N_DECLARATION_ACTIONS; a++)
    g_assert_cmpint (zc_declaration_action_requires_comment (a), ==,
                     a == ZC_DECLARATION_ACTION_RETURN || a == ZC_DECLARATION_ACTION_RECORD_FAIL);

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_DEPARTMENT_REVIEW,
                                                     ZC_DECLARATION_ACTION_RETURN, ZC_ROLE_DEPARTMENT_OFFICER,
                                                     blank[i], NULL, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
      g_clear_error (&error);

      /* optional elsewhere */
      g_assert_true (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_DEPARTMENT_REVIEW,
                                                    ZC_DECLARATION_ACTION_PASS, ZC_ROLE_DEPARTMENT_OFFICER,
                                                    blank[i], NULL, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
    }

  /* pass (optional) and return (required) both take at most 500 */
  for (guint i = 0; i < G_N_ELEMENTS (limited); i++)
    {
      ZcDeclarationAction a = limited[i];
      g_autoptr(GError) error = NULL;

      g_assert_true (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_DEPARTMENT_REVIEW,
                                                    a, ZC_ROLE_DEPARTMENT_OFFICER, c500, NULL,
                                                    ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
      g_assert_false (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_DEPARTMENT_REVIEW,
                                                     a, ZC_ROLE_DEPARTMENT_OFFICER, c501, NULL,
                                                     ZC_LANGUAGE_ENGLISH, &error));
      g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG);
    }
}

static void
test_expected_state (void)
{
  for (guint actual = 0; actual < ZC_N_DECLARATION_STATES; actual++)
    for (guint expected = 0; expected < ZC_N_DECLARATION_STATES; expected++)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok = zc_declaration_workflow_check_expected (actual, expected, ZC_LANGUAGE_ENGLISH, &error);

        g_assert_cmpint (ok, ==, actual == expected);
        if (!ok)
          {
            g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
            g_assert_nonnull (strstr (error->message,
                                      zc_declaration_state_get_label (actual, ZC_LANGUAGE_ENGLISH)));
          }
        else
          g_assert_no_error (error);
      }

  /* the unit returns while the applicant's withdraw is in flight */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (zc_declaration_workflow_check_expected (ZC_DECLARATION_STATE_RETURNED,
                                                            ZC_DECLARATION_STATE_UNIT_REVIEW,
                                                            ZC_LANGUAGE_ENGLISH, &error));
    g_assert_cmpstr (error->message, ==,
                     "This declaration has already been decided or changed: it is now “Returned”. Look at it again.");
  }
}

static void
test_strings (void)
{
  static const char *bad[] = { "", "Draft", "draft ", "unit-review", "草稿", "certified\n", "返回" };
  ZcDeclarationState state = ZC_DECLARATION_STATE_FAILED;
  ZcDeclarationAction action = ZC_DECLARATION_ACTION_ISSUE;
  ZcPlanType plan_type = ZC_PLAN_TYPE_DETERMINATION;

  for (guint i = 0; i < ZC_N_DECLARATION_STATES; i++)
    {
      g_assert_true (zc_declaration_state_from_string (zc_declaration_state_to_string (i), &state));
      g_assert_cmpint (state, ==, (ZcDeclarationState) i);
      g_assert_cmpstr (zc_declaration_state_get_label (i, ZC_LANGUAGE_ENGLISH), !=, "");
      g_assert_cmpstr (zc_declaration_state_get_label (i, ZC_LANGUAGE_LOCALE), !=, "");
    }
  for (guint i = 0; i < ZC_N_DECLARATION_ACTIONS; i++)
    {
      g_assert_true (zc_declaration_action_from_string (zc_declaration_action_to_string (i), &action));
      g_assert_cmpint (action, ==, (ZcDeclarationAction) i);
      g_assert_cmpstr (zc_declaration_action_get_label (i, ZC_LANGUAGE_ENGLISH), !=, "");
      g_assert_cmpstr (zc_declaration_action_get_label (i, ZC_LANGUAGE_LOCALE), !=, "");
    }
  for (guint i = 0; i < ZC_N_PLAN_TYPES; i++)
    {
      g_assert_true (zc_plan_type_from_string (zc_plan_type_to_string (i), &plan_type));
      g_assert_cmpint (plan_type, ==, (ZcPlanType) i);
      g_assert_cmpstr (zc_plan_type_get_label (i, ZC_LANGUAGE_LOCALE), !=, "");
    }

  g_assert_cmpstr (zc_declaration_state_to_string (ZC_DECLARATION_STATE_UNIT_PUBLICITY_ENDED), ==, "unit_publicity_ended");
  g_assert_cmpstr (zc_declaration_action_to_string (ZC_DECLARATION_ACTION_FORWARD_TO_ISSUER), ==, "forward_to_issuer");
  g_assert_cmpstr (zc_plan_type_to_string (ZC_PLAN_TYPE_DETERMINATION), ==, "determination");
  g_assert_cmpstr (zc_declaration_state_get_label (ZC_DECLARATION_STATE_FAILED, ZC_LANGUAGE_ENGLISH), ==, "Not passed");
  g_assert_cmpstr (zc_plan_type_get_label (ZC_PLAN_TYPE_REVIEW, ZC_LANGUAGE_ENGLISH), ==, "Review");

  state = ZC_DECLARATION_STATE_FAILED;
  action = ZC_DECLARATION_ACTION_ISSUE;
  plan_type = ZC_PLAN_TYPE_DETERMINATION;
  g_assert_false (zc_declaration_state_from_string (NULL, &state));
  g_assert_false (zc_declaration_action_from_string (NULL, &action));
  g_assert_false (zc_plan_type_from_string (NULL, &plan_type));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (zc_declaration_state_from_string (bad[i], &state));
      g_assert_false (zc_declaration_action_from_string (bad[i], &action));
      g_assert_false (zc_plan_type_from_string (bad[i], &plan_type));
    }
  g_assert_false (zc_plan_type_from_string ("Review", &plan_type));
  g_assert_cmpint (state, ==, ZC_DECLARATION_STATE_FAILED);
  g_assert_cmpint (action, ==, ZC_DECLARATION_ACTION_ISSUE);
  g_assert_cmpint (plan_type, ==, ZC_PLAN_TYPE_DETERMINATION);
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_CERTIFIED,
                                                 ZC_DECLARATION_ACTION_WITHDRAW, ZC_ROLE_APPLICANT,
                                                 NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "A declaration in the state “Certified” does not allow “Withdraw”.");
  g_clear_error (&error);

  g_assert_false (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_ISSUING,
                                                 ZC_DECLARATION_ACTION_ISSUE, ZC_ROLE_COMMITTEE_OFFICER,
                                                 NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_WRONG_ROLE);
  g_assert_cmpstr (error->message, ==, "Only “Certificate issuer” may do “Issue certificate” here.");
  g_clear_error (&error);

  /* role labels inside the message come in the locale language */
  g_assert_false (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_COMMITTEE_INTAKE,
                                                 ZC_DECLARATION_ACTION_ACCEPT, ZC_ROLE_UNIT_OFFICER,
                                                 NULL, NULL, ZC_LANGUAGE_LOCALE, &error));
  g_assert_nonnull (strstr (error->message, "评委会经办人"));
}

static void
test_guards (void)
{
  g_test_expect_message ("zc-declaration-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (zc_declaration_workflow_check ((ZcPlanType) 7, ZC_DECLARATION_STATE_DRAFT,
                                                 ZC_DECLARATION_ACTION_SUBMIT, ZC_ROLE_APPLICANT,
                                                 NULL, NULL, ZC_LANGUAGE_ENGLISH, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-declaration-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, ZC_N_DECLARATION_STATES,
                                                 ZC_DECLARATION_ACTION_SUBMIT, ZC_ROLE_APPLICANT,
                                                 NULL, NULL, ZC_LANGUAGE_ENGLISH, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-declaration-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (zc_declaration_workflow_available_actions (ZC_PLAN_TYPE_REVIEW, ZC_DECLARATION_STATE_DRAFT,
                                                            (ZcRole) 40));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-declaration-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (zc_declaration_workflow_available_new_actions ((ZcPlanType) 2, ZC_ROLE_APPLICANT));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-declaration-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (zc_declaration_state_is_final (ZC_N_DECLARATION_STATES));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-declaration-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (zc_declaration_action_get_label (ZC_N_DECLARATION_ACTIONS, ZC_LANGUAGE_ENGLISH));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  parse_expectations ();

  g_test_add_func ("/shared/declaration-workflow/every-transition", test_every_transition);
  g_test_add_func ("/shared/declaration-workflow/creation", test_creation);
  g_test_add_func ("/shared/declaration-workflow/available-actions", test_available_actions);
  g_test_add_func ("/shared/declaration-workflow/state-properties", test_state_properties);
  g_test_add_func ("/shared/declaration-workflow/reachability", test_reachability);
  g_test_add_func ("/shared/declaration-workflow/happy-paths", test_happy_paths);
  g_test_add_func ("/shared/declaration-workflow/failure-paths", test_failure_paths);
  g_test_add_func ("/shared/declaration-workflow/return-and-resubmit", test_return_and_resubmit);
  g_test_add_func ("/shared/declaration-workflow/withdraw", test_withdraw);
  g_test_add_func ("/shared/declaration-workflow/comments", test_comments);
  g_test_add_func ("/shared/declaration-workflow/expected-state", test_expected_state);
  g_test_add_func ("/shared/declaration-workflow/strings", test_strings);
  g_test_add_func ("/shared/declaration-workflow/messages", test_messages);
  g_test_add_func ("/shared/declaration-workflow/guards", test_guards);

  return g_test_run ();
}
