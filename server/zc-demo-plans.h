/* zc-demo-plans.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/* The demo committee's review plans, inside zc_demo_seed()'s
 * transaction: a published review plan open for declarations around
 * @now, a published determination plan and a draft. */

#define ZC_DEMO_PLAN_REVIEW_ID        "de600000-0000-4000-8000-000000000001"
#define ZC_DEMO_PLAN_DETERMINATION_ID "de600000-0000-4000-8000-000000000002"
#define ZC_DEMO_PLAN_DRAFT_ID         "de600000-0000-4000-8000-000000000003"

gboolean  zc_demo_seed_plans  (ZcStoreTxn  *txn,
                               gint64       now,
                               GError     **error);

G_END_DECLS
