/* test-rate-limit.c: the sliding-window login limiter
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "zc-rate-limit.h"

#define SECOND G_USEC_PER_SEC

static void
test_window (void)
{
  g_autoptr(ZcRateLimiter) limiter = zc_rate_limiter_new (3, 60 * SECOND);
  gint64 retry = 0;

  g_assert_true (zc_rate_limiter_check (limiter, "a", 0, &retry));
  zc_rate_limiter_fail (limiter, "a", 0);
  zc_rate_limiter_fail (limiter, "a", 10 * SECOND);
  g_assert_true (zc_rate_limiter_check (limiter, "a", 11 * SECOND, &retry));
  zc_rate_limiter_fail (limiter, "a", 20 * SECOND);

  /* the third failure closes the door until the first leaves the window */
  g_assert_false (zc_rate_limiter_check (limiter, "a", 21 * SECOND, &retry));
  g_assert_cmpint (retry, ==, 39 * SECOND);
  g_assert_false (zc_rate_limiter_check (limiter, "a", 59 * SECOND, NULL));
  g_assert_true (zc_rate_limiter_check (limiter, "a", 60 * SECOND, &retry));

  /* other keys are not affected */
  g_assert_true (zc_rate_limiter_check (limiter, "b", 21 * SECOND, &retry));
}

static void
test_reset (void)
{
  g_autoptr(ZcRateLimiter) limiter = zc_rate_limiter_new (2, 60 * SECOND);

  zc_rate_limiter_fail (limiter, "a", 0);
  zc_rate_limiter_fail (limiter, "a", 1);
  g_assert_false (zc_rate_limiter_check (limiter, "a", 2, NULL));
  zc_rate_limiter_reset (limiter, "a");
  g_assert_true (zc_rate_limiter_check (limiter, "a", 3, NULL));
  zc_rate_limiter_reset (limiter, "never-seen");
}

/* Failures keep coming: only the newest count, and the wait is for the
 * oldest of those, never longer than the window. */
static void
test_never_permanent (void)
{
  g_autoptr(ZcRateLimiter) limiter = zc_rate_limiter_new (2, 10 * SECOND);
  gint64 retry = 0;

  for (gint64 t = 0; t < 100; t++)
    zc_rate_limiter_fail (limiter, "a", t * SECOND);

  g_assert_false (zc_rate_limiter_check (limiter, "a", 100 * SECOND, &retry));
  g_assert_cmpint (retry, ==, 8 * SECOND);
  g_assert_true (zc_rate_limiter_check (limiter, "a", 109 * SECOND, &retry));
}

/* Many keys: the table is pruned rather than growing without bound. */
static void
test_many_keys (void)
{
  g_autoptr(ZcRateLimiter) limiter = zc_rate_limiter_new (1, SECOND);

  for (guint i = 0; i < 12000; i++)
    {
      g_autofree char *key = g_strdup_printf ("k%u", i);

      zc_rate_limiter_fail (limiter, key, i);
    }
  g_assert_false (zc_rate_limiter_check (limiter, "k11999", 11999, NULL));
  /* long after: all are free again (and the table is pruned) */
  g_assert_true (zc_rate_limiter_check (limiter, "k1", 100 * SECOND, NULL));
  g_assert_true (zc_rate_limiter_check (limiter, "k11999", 100 * SECOND, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/rate-limit/window", test_window);
  g_test_add_func ("/server/rate-limit/reset", test_reset);
  g_test_add_func ("/server/rate-limit/never-permanent", test_never_permanent);
  g_test_add_func ("/server/rate-limit/many-keys", test_many_keys);

  return g_test_run ();
}
