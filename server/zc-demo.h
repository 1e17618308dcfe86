/* zc-demo.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-blob-store.h"
#include "zc-context.h"

G_BEGIN_DECLS

/* The demonstration data of `zhicheng-server --demo`: units of every
 * kind and one account per role, all with the same fixed password.
 * Seeding is idempotent: what exists (by credit code, by ID number) is
 * left as it is. */

#define ZC_DEMO_PASSWORD "demo2026"

gboolean  zc_demo_seed      (ZcContext    *ctx,
                             ZcBlobStore  *blobs,
                             GError      **error);
char     *zc_demo_describe  (void);

/* zc-demo-archive.c: the demo applicant's personal information and
 * archive, inside zc_demo_seed()'s transaction */
gboolean  zc_demo_seed_archive (ZcStoreTxn  *txn,
                                gint64       now,
                                GError     **error);

G_END_DECLS
