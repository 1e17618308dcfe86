/* zc-blob-store.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-blob"

#include "config.h"

#include <string.h>

#include "zc-blob-store.h"

G_DEFINE_QUARK (zc-blob-store-error-quark, zc_blob_store_error)
G_DEFINE_INTERFACE (ZcBlobStore, zc_blob_store, G_TYPE_OBJECT)

static void
zc_blob_store_default_init (ZcBlobStoreInterface *iface)
{
}

/* Exactly 64 lowercase hexadecimal digits: the only spelling a blob
 * has, so that one blob never has two names (or two files). */
gboolean
zc_blob_sha256_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != ZC_BLOB_SHA256_LENGTH)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_sha256 (const char  *sha256,
              GError     **error)
{
  if (zc_blob_sha256_is_valid (sha256))
    return TRUE;

  g_set_error_literal (error, ZC_BLOB_STORE_ERROR, ZC_BLOB_STORE_ERROR_INVALID,
                       "Not a SHA-256 in lowercase hexadecimal");
  return FALSE;
}

/**
 * zc_blob_store_contains:
 * @contains: (out): whether the blob is stored
 */
gboolean
zc_blob_store_contains (ZcBlobStore  *store,
                        const char   *sha256,
                        gboolean     *contains,
                        GError      **error)
{
  g_return_val_if_fail (ZC_IS_BLOB_STORE (store), FALSE);
  g_return_val_if_fail (contains != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *contains = FALSE;
  if (!check_sha256 (sha256, error))
    return FALSE;

  return ZC_BLOB_STORE_GET_IFACE (store)->contains (store, sha256, contains, error);
}

/**
 * zc_blob_store_read:
 *
 * The whole blob; the folder store maps the file rather than copying it.
 *
 * Returns: (transfer full) (nullable): the bytes, or NULL with
 *   ZC_BLOB_STORE_ERROR_NOT_FOUND when there is no such blob
 */
GBytes *
zc_blob_store_read (ZcBlobStore  *store,
                    const char   *sha256,
                    GError      **error)
{
  g_return_val_if_fail (ZC_IS_BLOB_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_sha256 (sha256, error))
    return NULL;

  return ZC_BLOB_STORE_GET_IFACE (store)->read (store, sha256, error);
}

/**
 * zc_blob_store_begin_upload:
 *
 * Returns: (transfer full) (nullable): a new upload
 */
ZcBlobUpload *
zc_blob_store_begin_upload (ZcBlobStore  *store,
                            GError      **error)
{
  ZcBlobUpload *upload;

  g_return_val_if_fail (ZC_IS_BLOB_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  upload = ZC_BLOB_STORE_GET_IFACE (store)->begin_upload (store, error);
  if (upload != NULL)
    upload->store = g_object_ref (store);

  return upload;
}

gboolean
zc_blob_upload_write (ZcBlobUpload  *upload,
                      const guint8  *data,
                      gsize          size,
                      GError       **error)
{
  g_return_val_if_fail (upload != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (upload->committed)
    {
      g_set_error_literal (error, ZC_BLOB_STORE_ERROR, ZC_BLOB_STORE_ERROR_INVALID,
                           "The upload is already committed");
      return FALSE;
    }
  if (size == 0)
    return TRUE;

  return ZC_BLOB_STORE_GET_IFACE (upload->store)->upload_write (upload, data, size, error);
}

/**
 * zc_blob_upload_commit:
 * @sha256: the hash of what was written, checked by the caller
 * @created: (out) (optional): FALSE when the blob was already stored
 *   (it is kept as it was)
 *
 * Publishes the bytes under @sha256, durably: when this returns TRUE
 * the blob survives a power cut.
 */
gboolean
zc_blob_upload_commit (ZcBlobUpload  *upload,
                       const char    *sha256,
                       gboolean      *created,
                       GError       **error)
{
  gboolean local_created = FALSE;

  g_return_val_if_fail (upload != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (created != NULL)
    *created = FALSE;
  if (!check_sha256 (sha256, error))
    return FALSE;
  if (upload->committed)
    {
      g_set_error_literal (error, ZC_BLOB_STORE_ERROR, ZC_BLOB_STORE_ERROR_INVALID,
                           "The upload is already committed");
      return FALSE;
    }

  if (!ZC_BLOB_STORE_GET_IFACE (upload->store)->upload_commit (upload, sha256, &local_created, error))
    return FALSE;

  upload->committed = TRUE;
  if (created != NULL)
    *created = local_created;
  return TRUE;
}

/* Drops what an uncommitted upload wrote. */
void
zc_blob_upload_free (ZcBlobUpload *upload)
{
  ZcBlobStore *store;

  if (upload == NULL)
    return;

  store = upload->store;
  ZC_BLOB_STORE_GET_IFACE (store)->upload_free (upload);
  g_object_unref (store);
}
