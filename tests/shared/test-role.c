/* test-role.c: role and review-state names round-trip
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "zc-review-state.h"
#include "zc-role.h"

static void
test_roles (void)
{
  static const char *bad[] = { NULL, "", "Applicant", "applicant ", "root", "unit-officer" };
  ZcRole role = ZC_ROLE_ADMIN;

  for (guint i = 0; i < ZC_N_ROLES; i++)
    {
      const char *id = zc_role_to_string ((ZcRole) i);

      g_assert_nonnull (id);
      g_assert_true (zc_role_from_string (id, &role));
      g_assert_cmpint (role, ==, (ZcRole) i);
      g_assert_nonnull (zc_role_get_label ((ZcRole) i, ZC_LANGUAGE_ENGLISH));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      role = ZC_ROLE_ISSUER;
      g_assert_false (zc_role_from_string (bad[i], &role));
      g_assert_cmpint (role, ==, ZC_ROLE_ISSUER);  /* untouched */
    }
}

static void
test_review_states (void)
{
  static const char *bad[] = { NULL, "", "Pending", "待审核", "deleted", "approved\n" };
  ZcReviewState state = ZC_REVIEW_STATE_APPROVED;

  for (guint i = 0; i < ZC_N_REVIEW_STATES; i++)
    {
      const char *id = zc_review_state_to_string ((ZcReviewState) i);

      g_assert_true (zc_review_state_from_string (id, &state));
      g_assert_cmpint (state, ==, (ZcReviewState) i);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      state = ZC_REVIEW_STATE_RETURNED;
      g_assert_false (zc_review_state_from_string (bad[i], &state));
      g_assert_cmpint (state, ==, ZC_REVIEW_STATE_RETURNED);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/role/round-trip", test_roles);
  g_test_add_func ("/shared/review-state/round-trip", test_review_states);

  return g_test_run ();
}
