/* test-archive-workflow.c: who may do what to an archive entry
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-archive-workflow.h"

/* The expectation, written from SPEC "Achievement archive" independently
 * of the table in zc-archive-workflow.c:
 *   from  action  role  to  [comment]                                    */
static const char *expected_transitions[] = {
  "pending     edit               applicant     pending",
  "returned    edit               applicant     pending",
  "approved    edit               applicant     pending",
  "unreviewed  edit               applicant     unreviewed",
  "pending     delete             applicant     pending",
  "unreviewed  delete             applicant     unreviewed",
  "returned    delete             applicant     returned",
  "unreviewed  submit_for_review  applicant     pending",
  "pending     approve            unit_officer  approved",
  "pending     return             unit_officer  returned  comment",
  "pending     reject             unit_officer  rejected  comment",
};

/*   action  role  to */
static const char *expected_creations[] = {
  "create  applicant  pending",
  "import  admin      unreviewed",
};

typedef struct {
  ZcReviewState   from;
  ZcArchiveAction action;
  ZcRole          role;
  ZcReviewState   to;
  gboolean        comment;
} Expected;

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

static Expected
parse_transition (const char *line)
{
  g_auto(GStrv) w = split_words (line);
  Expected e = { 0, };

  g_assert_cmpuint (g_strv_length (w), >=, 4);
  g_assert_true (zc_review_state_from_string (w[0], &e.from));
  g_assert_true (zc_archive_action_from_string (w[1], &e.action));
  g_assert_true (zc_role_from_string (w[2], &e.role));
  g_assert_true (zc_review_state_from_string (w[3], &e.to));
  e.comment = w[4] != NULL && strcmp (w[4], "comment") == 0;

  return e;
}

/* Exhaustive ------------------------------------------------------------- */

static void
test_every_transition (void)
{
  const ZcReviewState untouched = ZC_REVIEW_STATE_REJECTED;
  guint n_allowed = 0;

  for (guint f = 0; f < ZC_N_REVIEW_STATES; f++)
    for (guint a = 0; a < ZC_N_ARCHIVE_ACTIONS; a++)
      for (guint r = 0; r < ZC_N_ROLES; r++)
        {
          gboolean exists_for_other_role = FALSE;
          const Expected *match = NULL;
          Expected rows[G_N_ELEMENTS (expected_transitions)];
          g_autoptr(GError) error = NULL;
          ZcReviewState to = untouched;
          gboolean ok;

          for (guint i = 0; i < G_N_ELEMENTS (expected_transitions); i++)
            {
              rows[i] = parse_transition (expected_transitions[i]);
              if (rows[i].from == f && rows[i].action == a)
                {
                  if (rows[i].role == r)
                    match = &rows[i];
                  else
                    exists_for_other_role = TRUE;
                }
            }

          ok = zc_archive_workflow_check (f, a, r, "Add the scan of the second page.",
                                          &to, ZC_LANGUAGE_ENGLISH, &error);

          if (match != NULL)
            {
              g_assert_no_error (error);
              g_assert_true (ok);
              g_assert_cmpint (to, ==, match->to);
              n_allowed++;

              /* the same without a comment */
              to = untouched;
              ok = zc_archive_workflow_check (f, a, r, NULL, &to, ZC_LANGUAGE_ENGLISH, &error);
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

          /* a NULL to_out and a NULL error are fine */
          g_assert_cmpint (zc_archive_workflow_check (f, a, r, "reason", NULL, ZC_LANGUAGE_LOCALE, NULL),
                           ==, match != NULL);
        }

  g_assert_cmpuint (n_allowed, ==, G_N_ELEMENTS (expected_transitions));
}

static void
test_every_creation (void)
{
  guint n_allowed = 0;

  for (guint a = 0; a < ZC_N_ARCHIVE_ACTIONS; a++)
    for (guint r = 0; r < ZC_N_ROLES; r++)
      {
        gboolean exists_for_other_role = FALSE;
        gboolean found = FALSE;
        ZcReviewState expected_to = ZC_REVIEW_STATE_PENDING;
        ZcReviewState to = ZC_REVIEW_STATE_REJECTED;
        g_autoptr(GError) error = NULL;
        gboolean ok;

        for (guint i = 0; i < G_N_ELEMENTS (expected_creations); i++)
          {
            g_auto(GStrv) w = split_words (expected_creations[i]);
            ZcArchiveAction action;
            ZcRole role;

            g_assert_true (zc_archive_action_from_string (w[0], &action));
            g_assert_true (zc_role_from_string (w[1], &role));
            if (action != a)
              continue;
            if (role == r)
              {
                found = TRUE;
                g_assert_true (zc_review_state_from_string (w[2], &expected_to));
              }
            else
              exists_for_other_role = TRUE;
          }

        g_assert_cmpint (zc_archive_action_creates_entry (a), ==, found || exists_for_other_role);

        ok = zc_archive_workflow_check_new (a, r, &to, ZC_LANGUAGE_ENGLISH, &error);
        if (found)
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpint (to, ==, expected_to);
            n_allowed++;
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, ZC_WORKFLOW_ERROR,
                            (exists_for_other_role ? ZC_WORKFLOW_ERROR_WRONG_ROLE
                                                   : ZC_WORKFLOW_ERROR_NOT_ALLOWED));
            g_assert_cmpint (to, ==, ZC_REVIEW_STATE_REJECTED);
          }

        /* and the creating actions are never actions on an existing entry */
        if (found || exists_for_other_role)
          for (guint f = 0; f < ZC_N_REVIEW_STATES; f++)
            g_assert_false (zc_archive_workflow_check (f, a, r, "x", NULL, ZC_LANGUAGE_ENGLISH, NULL));
      }

  g_assert_cmpuint (n_allowed, ==, G_N_ELEMENTS (expected_creations));
}

static gboolean
array_has (GArray          *array,
           ZcArchiveAction  action)
{
  for (guint i = 0; i < array->len; i++)
    {
      if (g_array_index (array, ZcArchiveAction, i) == action)
        return TRUE;
    }

  return FALSE;
}

static void
test_available_actions (void)
{
  for (guint f = 0; f < ZC_N_REVIEW_STATES; f++)
    for (guint r = 0; r < ZC_N_ROLES; r++)
      {
        g_autoptr(GArray) available = zc_archive_workflow_available_actions (f, r);
        guint n_expected = 0;

        g_assert_nonnull (available);
        for (guint i = 1; i < available->len; i++)
          g_assert_cmpint (g_array_index (available, ZcArchiveAction, i - 1), <,
                           g_array_index (available, ZcArchiveAction, i));

        for (guint a = 0; a < ZC_N_ARCHIVE_ACTIONS; a++)
          {
            gboolean allowed = zc_archive_workflow_check (f, a, r, "A reason.", NULL,
                                                          ZC_LANGUAGE_ENGLISH, NULL);

            g_assert_cmpint (array_has (available, a), ==, allowed);
            n_expected += allowed;
          }
        g_assert_cmpuint (available->len, ==, n_expected);
      }

  /* spot checks against SPEC's table */
  {
    g_autoptr(GArray) rejected = zc_archive_workflow_available_actions (ZC_REVIEW_STATE_REJECTED, ZC_ROLE_APPLICANT);
    g_autoptr(GArray) pending = zc_archive_workflow_available_actions (ZC_REVIEW_STATE_PENDING, ZC_ROLE_UNIT_OFFICER);
    g_autoptr(GArray) admin = zc_archive_workflow_available_actions (ZC_REVIEW_STATE_PENDING, ZC_ROLE_ADMIN);

    g_assert_cmpuint (rejected->len, ==, 0);
    g_assert_cmpuint (admin->len, ==, 0);
    g_assert_cmpuint (pending->len, ==, 3);
    g_assert_cmpint (g_array_index (pending, ZcArchiveAction, 0), ==, ZC_ARCHIVE_ACTION_APPROVE);
    g_assert_cmpint (g_array_index (pending, ZcArchiveAction, 1), ==, ZC_ARCHIVE_ACTION_RETURN);
    g_assert_cmpint (g_array_index (pending, ZcArchiveAction, 2), ==, ZC_ARCHIVE_ACTION_REJECT);
  }

  for (guint r = 0; r < ZC_N_ROLES; r++)
    {
      g_autoptr(GArray) available = zc_archive_workflow_available_new_actions (r);

      for (guint a = 0; a < ZC_N_ARCHIVE_ACTIONS; a++)
        g_assert_cmpint (array_has (available, a), ==,
                         zc_archive_workflow_check_new (a, r, NULL, ZC_LANGUAGE_ENGLISH, NULL));
      g_assert_cmpuint (available->len, ==, r == ZC_ROLE_APPLICANT || r == ZC_ROLE_ADMIN ? 1 : 0);
    }
}

/* Comments --------------------------------------------------------------- */

static void
assert_comment_error (ZcArchiveAction  action,
                      const char      *comment,
                      ZcWorkflowError  code)
{
  g_autoptr(GError) error = NULL;
  ZcReviewState to = ZC_REVIEW_STATE_UNREVIEWED;

  g_assert_false (zc_archive_workflow_check (ZC_REVIEW_STATE_PENDING, action, ZC_ROLE_UNIT_OFFICER,
                                             comment, &to, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, code);
  g_assert_cmpint (to, ==, ZC_REVIEW_STATE_UNREVIEWED);
}

static void
assert_comment_ok (ZcArchiveAction  action,
                   const char      *comment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_archive_workflow_check (ZC_REVIEW_STATE_PENDING, action, ZC_ROLE_UNIT_OFFICER,
                                            comment, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_no_error (error);
}

static void
test_comments (void)
{
  static const char *blank[] = { NULL, "", "   ", "\t\n \r", "\u3000\u3000", " \u3000 " };
  g_autofree char *ascii_500 = g_strnfill (500, 'a');
  g_autofree char *ascii_501 = g_strnfill (501, 'a');
  g_autofree char *padded_500 = g_strconcat ("   ", ascii_500, "\n\u3000", NULL);
  GString *chinese = g_string_new (NULL);
  g_autofree char *chinese_500 = NULL;
  g_autofree char *chinese_501 = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append (chinese, "缺");
  chinese_500 = g_strdup (chinese->str);
  g_string_append (chinese, "页");
  chinese_501 = g_string_free (chinese, FALSE);

  g_assert_true (zc_archive_action_requires_comment (ZC_ARCHIVE_ACTION_RETURN));
  g_assert_true (zc_archive_action_requires_comment (ZC_ARCHIVE_ACTION_REJECT));

  for (guint a = 0; a < ZC_N_ARCHIVE_ACTIONS; a++)
    if (a != ZC_ARCHIVE_ACTION_RETURN && a != ZC_ARCHIVE_ACTION_REJECT)
      g_assert_false (zc_archive_action_requires_comment (a));

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      assert_comment_error (ZC_ARCHIVE_ACTION_RETURN, blank[i], ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
      assert_comment_error (ZC_ARCHIVE_ACTION_REJECT, blank[i], ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
      assert_comment_ok (ZC_ARCHIVE_ACTION_APPROVE, blank[i]);  /* optional there */
    }

  for (guint a = ZC_ARCHIVE_ACTION_APPROVE; a <= ZC_ARCHIVE_ACTION_REJECT; a++)
    {
      assert_comment_ok (a, "x");
      assert_comment_ok (a, ascii_500);
      assert_comment_ok (a, padded_500);
      assert_comment_ok (a, chinese_500);
      assert_comment_error (a, ascii_501, ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG);
      assert_comment_error (a, chinese_501, ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG);
      assert_comment_error (a, "bad \xff byte", ZC_WORKFLOW_ERROR_COMMENT_INVALID);
    }

  /* the shared rule on its own */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (zc_workflow_check_comment (NULL, FALSE, ZC_LANGUAGE_ENGLISH, &error));
    g_assert_no_error (error);
    g_assert_true (zc_workflow_check_comment ("  ok  ", TRUE, ZC_LANGUAGE_ENGLISH, &error));
    g_assert_no_error (error);

    g_assert_false (zc_workflow_check_comment (" ", TRUE, ZC_LANGUAGE_ENGLISH, &error));
    g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
    g_assert_cmpstr (error->message, ==, "Write a comment: this decision needs a reason.");
    g_clear_error (&error);

    g_assert_false (zc_workflow_check_comment (ascii_501, FALSE, ZC_LANGUAGE_ENGLISH, &error));
    g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG);
    g_assert_cmpstr (error->message, ==, "The comment is too long: at most 500 characters.");
    g_clear_error (&error);

    g_assert_false (zc_workflow_check_comment ("\xc3", FALSE, ZC_LANGUAGE_LOCALE, &error));
    g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_INVALID);
    g_assert_cmpstr (error->message, !=, "");
  }
}

/* Expected state --------------------------------------------------------- */

static void
test_expected_state (void)
{
  for (guint actual = 0; actual < ZC_N_REVIEW_STATES; actual++)
    for (guint expected = 0; expected < ZC_N_REVIEW_STATES; expected++)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok = zc_archive_workflow_check_expected (actual, expected, ZC_LANGUAGE_ENGLISH, &error);

        if (actual == expected)
          {
            g_assert_no_error (error);
            g_assert_true (ok);
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
            g_assert_nonnull (strstr (error->message, zc_review_state_get_label (actual, ZC_LANGUAGE_ENGLISH)));
          }
      }

  /* two officers open the same pending entry; the second sees the first's decision */
  {
    g_autoptr(GError) error = NULL;
    ZcReviewState stored = ZC_REVIEW_STATE_PENDING;

    g_assert_true (zc_archive_workflow_check_expected (stored, ZC_REVIEW_STATE_PENDING, ZC_LANGUAGE_ENGLISH, NULL));
    g_assert_true (zc_archive_workflow_check (stored, ZC_ARCHIVE_ACTION_APPROVE, ZC_ROLE_UNIT_OFFICER, NULL,
                                              &stored, ZC_LANGUAGE_ENGLISH, NULL));
    g_assert_false (zc_archive_workflow_check_expected (stored, ZC_REVIEW_STATE_PENDING, ZC_LANGUAGE_ENGLISH, &error));
    g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
    g_assert_cmpstr (error->message, ==,
                     "This entry has already been decided or changed: it is now “Approved”. Look at it again.");
  }
}

/* Names and messages ----------------------------------------------------- */

static void
test_action_strings (void)
{
  static const char *bad[] = { "", "Create", "create ", "submit-for-review", "approved", "删除" };
  ZcArchiveAction action = ZC_ARCHIVE_ACTION_IMPORT;

  for (guint i = 0; i < ZC_N_ARCHIVE_ACTIONS; i++)
    {
      const char *id = zc_archive_action_to_string (i);

      g_assert_nonnull (id);
      g_assert_true (zc_archive_action_from_string (id, &action));
      g_assert_cmpint (action, ==, (ZcArchiveAction) i);
      g_assert_cmpstr (zc_archive_action_get_label (i, ZC_LANGUAGE_ENGLISH), !=, "");
      g_assert_cmpstr (zc_archive_action_get_label (i, ZC_LANGUAGE_LOCALE), !=, "");
    }

  g_assert_cmpstr (zc_archive_action_to_string (ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW), ==, "submit_for_review");
  g_assert_cmpstr (zc_archive_action_get_label (ZC_ARCHIVE_ACTION_RETURN, ZC_LANGUAGE_ENGLISH), ==, "Return");

  action = ZC_ARCHIVE_ACTION_EDIT;
  g_assert_false (zc_archive_action_from_string (NULL, &action));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (zc_archive_action_from_string (bad[i], &action));
  g_assert_cmpint (action, ==, ZC_ARCHIVE_ACTION_EDIT);  /* untouched */

  g_assert_true (zc_archive_action_deletes_entry (ZC_ARCHIVE_ACTION_DELETE));
  g_assert_false (zc_archive_action_deletes_entry (ZC_ARCHIVE_ACTION_REJECT));
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (zc_archive_workflow_check (ZC_REVIEW_STATE_REJECTED, ZC_ARCHIVE_ACTION_EDIT, ZC_ROLE_APPLICANT,
                                             NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "An entry in the state “Rejected” does not allow “Edit”.");
  g_clear_error (&error);

  g_assert_false (zc_archive_workflow_check (ZC_REVIEW_STATE_PENDING, ZC_ARCHIVE_ACTION_APPROVE, ZC_ROLE_APPLICANT,
                                             NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "Only “Unit officer” may do “Approve” here.");
  g_clear_error (&error);

  g_assert_false (zc_archive_workflow_check_new (ZC_ARCHIVE_ACTION_APPROVE, ZC_ROLE_UNIT_OFFICER,
                                                 NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "“Approve” needs an existing entry.");
  g_clear_error (&error);

  /* the labels inside come in the locale language (Chinese here) */
  g_assert_false (zc_archive_workflow_check (ZC_REVIEW_STATE_PENDING, ZC_ARCHIVE_ACTION_RETURN, ZC_ROLE_APPLICANT,
                                             "x", NULL, ZC_LANGUAGE_LOCALE, &error));
  g_assert_nonnull (strstr (error->message, "单位经办人"));
  g_clear_error (&error);

  g_assert_false (zc_archive_workflow_check (ZC_REVIEW_STATE_REJECTED, ZC_ARCHIVE_ACTION_DELETE, ZC_ROLE_APPLICANT,
                                             NULL, NULL, ZC_LANGUAGE_LOCALE, &error));
  g_assert_nonnull (strstr (error->message, "不通过"));
}

/* Bad enum values are programmer errors: criticals, FALSE/NULL. */
static void
test_guards (void)
{
  g_autoptr(GError) error = NULL;

  g_test_expect_message ("zc-archive-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (zc_archive_workflow_check ((ZcReviewState) 99, ZC_ARCHIVE_ACTION_EDIT, ZC_ROLE_APPLICANT,
                                             NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_test_expect_message ("zc-archive-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (zc_archive_workflow_check (ZC_REVIEW_STATE_PENDING, (ZcArchiveAction) 99, ZC_ROLE_APPLICANT,
                                             NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-archive-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (zc_archive_workflow_check_new (ZC_ARCHIVE_ACTION_CREATE, (ZcRole) 99, NULL,
                                                 ZC_LANGUAGE_ENGLISH, &error));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-archive-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (zc_archive_workflow_available_actions (ZC_N_REVIEW_STATES, ZC_ROLE_APPLICANT));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-archive-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_null (zc_archive_action_to_string (ZC_N_ARCHIVE_ACTIONS));
  g_test_assert_expected_messages ();

  g_test_expect_message ("zc-archive-workflow", G_LOG_LEVEL_CRITICAL, "*assertion*");
  g_assert_false (zc_archive_action_from_string ("edit", NULL));
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

  g_test_add_func ("/shared/archive-workflow/every-transition", test_every_transition);
  g_test_add_func ("/shared/archive-workflow/every-creation", test_every_creation);
  g_test_add_func ("/shared/archive-workflow/available-actions", test_available_actions);
  g_test_add_func ("/shared/archive-workflow/comments", test_comments);
  g_test_add_func ("/shared/archive-workflow/expected-state", test_expected_state);
  g_test_add_func ("/shared/archive-workflow/action-strings", test_action_strings);
  g_test_add_func ("/shared/archive-workflow/messages", test_messages);
  g_test_add_func ("/shared/archive-workflow/guards", test_guards);

  return g_test_run ();
}
