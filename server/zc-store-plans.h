/* zc-store-plans.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-plan.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* Review plans, every version kept (docs/declarations.md "Plans").
 * The functions the rest of the server relies on are declared here;
 * the plans' own service adds what it needs below them. */

/* The plan @id at @version, or with @version 0 its newest published or
 * closed version (a draft revision is not returned).  committee_name
 * is filled.  NULL with ZC_STORE_ERROR_NOT_FOUND when there is none. */
ZcPlan     *zc_store_plans_get               (ZcStoreTxn     *txn,
                                              const char     *id,
                                              gint64          version,
                                              GError        **error);

G_END_DECLS
