/* zc-store-blobs.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-role.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* What the database knows of each stored blob: its size, its type (by
 * content), who sent it first and when, and everyone who has sent it
 * (uploading proves one holds the bytes, so each uploader may read the
 * blob back).  The bytes are in a blob store (zc-blob-store.h). */

typedef struct
{
  char   *sha256;       /* owned: 64 lowercase hex digits */
  gint64  size;         /* bytes */
  char   *mime;         /* owned: "application/pdf", "image/jpeg", "image/png" */
  char   *owner;        /* owned: the account that uploaded it first */
  gint64  created_at;   /* µs since 1970 UTC */
} ZcBlob;

ZcBlob   *zc_blob_new                   (void);
void      zc_blob_free                  (ZcBlob         *blob);

gboolean  zc_store_blobs_insert         (ZcStoreTxn     *txn,
                                         const ZcBlob   *blob,
                                         gboolean       *created,
                                         GError        **error);
gboolean  zc_store_blobs_add_uploader   (ZcStoreTxn     *txn,
                                         const char     *sha256,
                                         const char     *account_id,
                                         gint64          now,
                                         GError        **error);
ZcBlob   *zc_store_blobs_get            (ZcStoreTxn     *txn,
                                         const char     *sha256,
                                         GError        **error);
gboolean  zc_store_blobs_is_uploader    (ZcStoreTxn     *txn,
                                         const char     *sha256,
                                         const char     *account_id,
                                         gboolean       *is_uploader,
                                         GError        **error);
gboolean  zc_store_blobs_find_in_records (ZcStoreTxn    *txn,
                                         const char     *sha256,
                                         const char     *owner_id,
                                         const char     *unit_id,
                                         const char     *unit_kind_prefix,
                                         gboolean       *found,
                                         GError        **error);
gboolean  zc_store_blobs_find_in_declarations (ZcStoreTxn *txn,
                                         const char     *sha256,
                                         const char     *account_id,
                                         ZcRole          role,
                                         const char     *unit_id,
                                         gboolean       *found,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcBlob, zc_blob_free)

G_END_DECLS
