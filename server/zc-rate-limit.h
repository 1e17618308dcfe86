/* zc-rate-limit.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sliding window of failures per key (an account, an address): at
 * most max_failures in any window; then the key waits until its oldest
 * failure leaves the window.  Never a permanent lock.  Thread-safe;
 * kept in memory, so it restarts empty with the server. */

typedef struct _ZcRateLimiter ZcRateLimiter;

ZcRateLimiter *zc_rate_limiter_new     (guint           max_failures,
                                        gint64          window_usec);
void           zc_rate_limiter_free    (ZcRateLimiter  *self);
gboolean       zc_rate_limiter_check   (ZcRateLimiter  *self,
                                        const char     *key,
                                        gint64          now,
                                        gint64         *retry_after_usec);
void           zc_rate_limiter_fail    (ZcRateLimiter  *self,
                                        const char     *key,
                                        gint64          now);
void           zc_rate_limiter_reset   (ZcRateLimiter  *self,
                                        const char     *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcRateLimiter, zc_rate_limiter_free)

G_END_DECLS
