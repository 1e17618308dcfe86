/* zc-context.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-password.h"
#include "zc-rate-limit.h"
#include "zc-server-options.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* What every service needs: the store, the settings, the password
 * hasher and the login limiters.  Shared by the server and the admin
 * command; refcounted because in-flight requests hold it. */

typedef struct
{
  ZcStore          *store;             /* owned */
  ZcServerOptions  *options;           /* owned copy */
  ZcPasswordHasher *hasher;            /* owned */
  ZcRateLimiter    *login_accounts;    /* owned: failures per account */
  ZcRateLimiter    *login_addresses;   /* owned: failures per client address */
  gint64            clock_offset;      /* µs added to the real time (ZHICHENG_TEST_NOW) */
} ZcContext;

ZcContext *zc_context_new    (ZcStore                *store,
                              const ZcServerOptions  *options);
ZcContext *zc_context_ref    (ZcContext              *self);
void       zc_context_unref  (ZcContext              *self);
gint64     zc_context_now    (ZcContext              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcContext, zc_context_unref)

G_END_DECLS
