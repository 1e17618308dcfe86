/* zc-context.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-server"

#include "config.h"

#include "zc-context.h"

/* ZHICHENG_TEST_NOW (RFC 3339) starts the server's clock at that time;
 * it runs on from there.  Deadlines and publicity days are checked by
 * server time, and the tests of the review chain need to be at a given
 * date, or five working days later, without waiting for them. */
static gint64
clock_offset_from_environment (void)
{
  const char *value = g_getenv ("ZHICHENG_TEST_NOW");
  g_autoptr(GDateTime) start = NULL;

  if (value == NULL || *value == '\0')
    return 0;

  start = g_date_time_new_from_iso8601 (value, NULL);
  if (start == NULL)
    {
      g_warning ("ZHICHENG_TEST_NOW is not an RFC 3339 time: %s", value);
      return 0;
    }
  g_message ("The clock starts at %s (ZHICHENG_TEST_NOW)", value);
  return g_date_time_to_unix (start) * G_USEC_PER_SEC - g_get_real_time ();
}

ZcContext *
zc_context_new (ZcStore               *store,
                const ZcServerOptions *options)
{
  ZcContext *self;

  g_return_val_if_fail (ZC_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_atomic_rc_box_new0 (ZcContext);
  self->store = g_object_ref (store);
  self->options = zc_server_options_copy (options);
  self->hasher = zc_password_hasher_new (options->hash_concurrency, options->fast_hash);
  self->login_accounts = zc_rate_limiter_new (options->login_max_failures,
                                              options->login_window_seconds * G_USEC_PER_SEC);
  self->login_addresses = zc_rate_limiter_new (options->login_max_failures_per_address,
                                               options->login_window_seconds * G_USEC_PER_SEC);
  self->clock_offset = clock_offset_from_environment ();

  return self;
}

ZcContext *
zc_context_ref (ZcContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
context_clear (gpointer data)
{
  ZcContext *self = data;

  g_clear_object (&self->store);
  g_clear_pointer (&self->options, zc_server_options_free);
  g_clear_pointer (&self->hasher, zc_password_hasher_free);
  g_clear_pointer (&self->login_accounts, zc_rate_limiter_free);
  g_clear_pointer (&self->login_addresses, zc_rate_limiter_free);
}

void
zc_context_unref (ZcContext *self)
{
  if (self == NULL)
    return;

  g_atomic_rc_box_release_full (self, context_clear);
}

/* The time every service stamps rows with: µs since 1970 UTC. */
gint64
zc_context_now (ZcContext *self)
{
  return g_get_real_time () + self->clock_offset;
}
