/* zc-demo-declarations.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-blob-store.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* A demo declaration: 周涛's (a second applicant of the demo hospital),
 * to the demo review plan, waiting in the unit's review, its files
 * (zc-demo-files.h) in @blobs.  Inside zc_demo_seed()'s transaction,
 * after the demo archive and plans. */

#define ZC_DEMO_DECLARATION_ID "de700000-0000-4000-8000-000000000001"

gboolean  zc_demo_seed_declarations  (ZcStoreTxn   *txn,
                                      ZcBlobStore  *blobs,
                                      gint64        now,
                                      GError      **error);

G_END_DECLS
