/* zc-sync-service-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store-sync.h"
#include "zc-sync-service.h"

G_BEGIN_DECLS

/* Shared by zc-sync-service.c (push) and zc-sync-service-pull.c. */

ZcSyncClient *zc_sync_service_claim_client  (ZcStoreTxn      *txn,
                                             const ZcCaller  *caller,
                                             const char      *client_id,
                                             gboolean         may_register,
                                             gint64           now,
                                             ZcLanguage       language,
                                             GError         **error);
gboolean      zc_sync_service_check_schema  (gint64           schema_version,
                                             ZcLanguage       language,
                                             GError         **error);

G_END_DECLS
