/* zc-local-store-plans.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-local-store.h"
#include "zc-plan.h"

G_BEGIN_DECLS

/* The kind the store's "changed" signal names (with a NULL id) when
 * the cached plans were replaced. */
#define ZC_LOCAL_STORE_PLAN_KIND "plan"

/* The read-only copy of the review plans the server gave this account
 * (GET /api/v1/plans), every version a declaration here refers to kept,
 * so the plans page, the wizard and the check work offline. */

/* Replaces the cached list of current plans with @plans (ZcPlan) in one
 * transaction; versions that a local declaration refers to stay. */
gboolean    zc_local_store_replace_plans   (ZcLocalStore  *self,
                                            GPtrArray     *plans,
                                            GError       **error);
/* The newest cached version of each plan, newest year first; empty,
 * not NULL, when none. */
GPtrArray  *zc_local_store_list_plans      (ZcLocalStore  *self,
                                            GError       **error);
/* Plan @id at @version (0: the newest cached); NULL with
 * G_IO_ERROR_NOT_FOUND when it is not here. */
ZcPlan     *zc_local_store_get_plan        (ZcLocalStore  *self,
                                            const char    *id,
                                            gint64         version,
                                            GError       **error);
/* When the list was last refreshed from the server (µs), 0: never. */
gint64      zc_local_store_get_plans_refreshed_at (ZcLocalStore *self);

G_END_DECLS
