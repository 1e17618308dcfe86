/* zc-local-store-sync-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-local-store-private.h"

G_BEGIN_DECLS

/* What zc-local-store-sync.c (bookkeeping, outbox, files) and
 * zc-local-store-apply.c (the server's answers) share. */

#define META_ACCOUNT_ID        "account_id"
#define META_OWNER_ID          "owner_id"
#define META_LAST_MUTATION_ID  "last_mutation_id"
#define META_CURSOR            "cursor"
#define META_SERVER_EPOCH      "server_epoch"

gboolean  zc_local_store_begin         (ZcLocalStore  *self,
                                        GError       **error);
gboolean  zc_local_store_commit        (ZcLocalStore  *self,
                                        GError       **error);
gboolean  zc_local_store_run_text      (ZcLocalStore  *self,
                                        const char    *sql,
                                        const char    *text,
                                        GError       **error);
gboolean  zc_local_store_run_int       (ZcLocalStore  *self,
                                        const char    *sql,
                                        gint64         value,
                                        GError       **error);
gint64    zc_local_store_query_int     (ZcLocalStore  *self,
                                        const char    *sql,
                                        const char    *text);
gboolean  zc_local_store_is_sha256     (const char    *text);
gboolean  zc_local_store_set_meta_int  (ZcLocalStore  *self,
                                        const char    *key,
                                        gint64         value,
                                        GError       **error);

G_END_DECLS
