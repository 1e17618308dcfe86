/* zc-rate-limit.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-rate-limit"

#include "config.h"

#include "zc-rate-limit.h"

/* Beyond this many keys, a check first drops every key whose failures
 * have all left the window, so a flood of made-up names cannot grow
 * the table without bound. */
#define PRUNE_ABOVE 10000

struct _ZcRateLimiter
{
  GMutex      lock;
  guint       max_failures;
  gint64      window;     /* µs */
  GHashTable *failures;   /* owned: key → GArray of gint64, oldest first; guarded by lock */
};

ZcRateLimiter *
zc_rate_limiter_new (guint  max_failures,
                     gint64 window_usec)
{
  ZcRateLimiter *self;

  g_return_val_if_fail (max_failures > 0, NULL);
  g_return_val_if_fail (window_usec > 0, NULL);

  self = g_new0 (ZcRateLimiter, 1);
  g_mutex_init (&self->lock);
  self->max_failures = max_failures;
  self->window = window_usec;
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  return self;
}

void
zc_rate_limiter_free (ZcRateLimiter *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->failures);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* Drops the failures of @times that have left the window. */
static void
expire (ZcRateLimiter *self,
        GArray        *times,
        gint64         now)
{
  guint keep_from = 0;

  while (keep_from < times->len && g_array_index (times, gint64, keep_from) <= now - self->window)
    keep_from++;
  if (keep_from > 0)
    g_array_remove_range (times, 0, keep_from);
}

static void
prune (ZcRateLimiter *self,
       gint64         now)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->failures);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      expire (self, value, now);
      if (((GArray *) value)->len == 0)
        g_hash_table_iter_remove (&iter);
    }
}

/**
 * zc_rate_limiter_check:
 * @retry_after_usec: (out) (optional): how long @key must wait
 *
 * Returns: whether @key may try now
 */
gboolean
zc_rate_limiter_check (ZcRateLimiter *self,
                       const char    *key,
                       gint64         now,
                       gint64        *retry_after_usec)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GArray *times;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (g_hash_table_size (self->failures) > PRUNE_ABOVE)
    prune (self, now);

  times = g_hash_table_lookup (self->failures, key);
  if (times == NULL)
    return TRUE;

  expire (self, times, now);
  if (times->len < self->max_failures)
    return TRUE;

  if (retry_after_usec != NULL)
    *retry_after_usec = g_array_index (times, gint64, times->len - self->max_failures) + self->window - now;
  return FALSE;
}

void
zc_rate_limiter_fail (ZcRateLimiter *self,
                      const char    *key,
                      gint64         now)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GArray *times;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  locker = g_mutex_locker_new (&self->lock);
  times = g_hash_table_lookup (self->failures, key);
  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->failures, g_strdup (key), times);
    }

  expire (self, times, now);
  g_array_append_val (times, now);
  /* only the newest max_failures matter */
  if (times->len > self->max_failures)
    g_array_remove_range (times, 0, times->len - self->max_failures);
}

void
zc_rate_limiter_reset (ZcRateLimiter *self,
                       const char    *key)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  locker = g_mutex_locker_new (&self->lock);
  g_hash_table_remove (self->failures, key);
}
