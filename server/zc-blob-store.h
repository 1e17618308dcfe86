/* zc-blob-store.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where attachment bytes live, named by their SHA-256 (64 lowercase hex
 * digits).  The database records what a blob is and who sent it
 * (zc-store-blobs.h); a blob store only keeps bytes.  Implementations:
 * a folder (zc-blob-store-folder.h) today, an S3-compatible object store
 * later.  A blob never changes once stored, so readers need no locks.
 *
 * Writing is an upload: begin, write the bytes as they arrive, then
 * commit under the hash the caller has verified.  Committing publishes
 * the blob atomically and durably; a blob that is already there is
 * kept as it is (never rewritten) and the upload is dropped.  An upload
 * freed without a commit leaves nothing behind.
 *
 *   g_autoptr(ZcBlobUpload) upload = zc_blob_store_begin_upload (store, error);
 *   zc_blob_upload_write (upload, data, size, error);   … as the bytes arrive
 *   zc_blob_upload_commit (upload, sha256, &created, error);
 *
 * Every call may block on the disk or the network: commit and read in a
 * worker thread.  Writing a chunk of a few KiB to the folder store is
 * fast enough for the main loop. */

#define ZC_BLOB_STORE_ERROR (zc_blob_store_error_quark ())

typedef enum
{
  ZC_BLOB_STORE_ERROR_NOT_FOUND,   /* no blob with this hash */
  ZC_BLOB_STORE_ERROR_IO,          /* the disk or the service failed */
  ZC_BLOB_STORE_ERROR_INVALID,     /* not a SHA-256, or the upload was already committed */
} ZcBlobStoreError;

#define ZC_BLOB_SHA256_LENGTH 64

typedef struct _ZcBlobUpload ZcBlobUpload;

#define ZC_TYPE_BLOB_STORE (zc_blob_store_get_type ())
G_DECLARE_INTERFACE (ZcBlobStore, zc_blob_store, ZC, BLOB_STORE, GObject)

struct _ZcBlobStoreInterface
{
  GTypeInterface parent_iface;

  gboolean      (*contains)      (ZcBlobStore   *store,
                                  const char    *sha256,
                                  gboolean      *contains,
                                  GError       **error);
  GBytes       *(*read)          (ZcBlobStore   *store,
                                  const char    *sha256,
                                  GError       **error);
  ZcBlobUpload *(*begin_upload)  (ZcBlobStore   *store,
                                  GError       **error);
  gboolean      (*upload_write)  (ZcBlobUpload  *upload,
                                  const guint8  *data,
                                  gsize          size,
                                  GError       **error);
  gboolean      (*upload_commit) (ZcBlobUpload  *upload,
                                  const char    *sha256,
                                  gboolean      *created,
                                  GError       **error);
  void          (*upload_free)   (ZcBlobUpload  *upload);
};

/* A backend's upload struct starts with this. */
struct _ZcBlobUpload
{
  ZcBlobStore *store;       /* owned */
  gboolean     committed;
};

GQuark        zc_blob_store_error_quark  (void);
gboolean      zc_blob_sha256_is_valid    (const char    *text);

gboolean      zc_blob_store_contains     (ZcBlobStore   *store,
                                          const char    *sha256,
                                          gboolean      *contains,
                                          GError       **error);
GBytes       *zc_blob_store_read         (ZcBlobStore   *store,
                                          const char    *sha256,
                                          GError       **error);
ZcBlobUpload *zc_blob_store_begin_upload (ZcBlobStore   *store,
                                          GError       **error);

gboolean      zc_blob_upload_write       (ZcBlobUpload  *upload,
                                          const guint8  *data,
                                          gsize          size,
                                          GError       **error);
gboolean      zc_blob_upload_commit      (ZcBlobUpload  *upload,
                                          const char    *sha256,
                                          gboolean      *created,
                                          GError       **error);
void          zc_blob_upload_free        (ZcBlobUpload  *upload);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcBlobUpload, zc_blob_upload_free)

G_END_DECLS
