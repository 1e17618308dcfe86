/* zc-blob-store-folder.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-blob-store.h"

G_BEGIN_DECLS

/* Blobs as files: ROOT/ab/cd/<sha256> (ab and cd the hash's first two
 * pairs of digits), uploads in ROOT/tmp, folders 0700 and files 0600.
 * Keep ROOT on the same file system as its tmp folder (it is inside it)
 * and outside anything a web server serves. */

#define ZC_TYPE_BLOB_STORE_FOLDER (zc_blob_store_folder_get_type ())
G_DECLARE_FINAL_TYPE (ZcBlobStoreFolder, zc_blob_store_folder, ZC, BLOB_STORE_FOLDER, GObject)

ZcBlobStore *zc_blob_store_folder_new      (const char   *root,
                                            GError      **error);
char        *zc_blob_store_folder_get_path (ZcBlobStoreFolder *self,
                                            const char   *sha256);

G_END_DECLS
