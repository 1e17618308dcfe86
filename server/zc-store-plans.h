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

/* Whether a plan version names @sha256 among its notices' files, where
 * the caller may see it: any published or closed version, and, when
 * @drafts_committee_id is set, that committee's drafts (the read rule
 * of zc-blob-service-read.c). */
gboolean    zc_store_plans_find_notice_file  (ZcStoreTxn     *txn,
                                              const char     *sha256,
                                              const char     *drafts_committee_id,
                                              gboolean       *found,
                                              GError        **error);

/* ---- the plans' own service (zc-plan-service.c) ---- */

/* The newest version of @id whatever its state (a committee's view of
 * its own plan, draft revisions included).  NOT_FOUND when none. */
ZcPlan     *zc_store_plans_get_latest        (ZcStoreTxn     *txn,
                                              const char     *id,
                                              GError        **error);
/* A new version (id, version, state, committee set on @plan), with its
 * title picks.  CONSTRAINT when (id, version) exists. */
gboolean    zc_store_plans_insert            (ZcStoreTxn     *txn,
                                              ZcPlan         *plan,
                                              gint64          now,
                                              GError        **error);
/* Replaces the stored version (id, version) of @plan.  NOT_FOUND when
 * it does not exist. */
gboolean    zc_store_plans_update            (ZcStoreTxn     *txn,
                                              ZcPlan         *plan,
                                              gint64          now,
                                              GError        **error);
/* Every version of @id, oldest first; empty when none. */
GPtrArray  *zc_store_plans_list_versions     (ZcStoreTxn     *txn,
                                              const char     *id,
                                              GError        **error);
/* The newest visible version of each plan matching @filter, newest
 * year first: published and closed plans, and, when
 * @drafts_committee_id is set, that committee's newest versions
 * whatever their state. */
GPtrArray  *zc_store_plans_list              (ZcStoreTxn         *txn,
                                              const ZcPlanFilter *filter,
                                              const char         *drafts_committee_id,
                                              GError            **error);

G_END_DECLS
