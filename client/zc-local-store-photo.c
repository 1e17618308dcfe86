/* zc-local-store-photo.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "zc-json.h"
#include "zc-local-store-photo.h"
#include "zc-local-store-private.h"
#include "zc-photo-rules.h"

/* The ID photo in the local store: the edited image as a blob, and the
 * "photo" record naming it, written with its outbox row in one
 * transaction like every other edit. */

static const char * const photo_types[] = { "image/jpeg", "image/png", NULL };

/**
 * zc_local_store_add_blob_bytes:
 * @bytes: the file's content, such as an edited photo
 * @accept: (nullable) (array zero-terminated=1): the MIME types taken;
 *   %NULL for JPEG and PNG
 * @max_size: the largest content taken
 *
 * zc_local_store_add_attachment() for content made in memory: the same
 * checks, the same blob folder.  The name is "photo.jpg" or "photo.png"
 * by the content's type.
 *
 * Returns: (transfer full): the attachment object: sha256, name, mime, size
 */
JsonObject *
zc_local_store_add_blob_bytes (ZcLocalStore        *self,
                               GBytes              *bytes,
                               const char * const  *accept,
                               guint64              max_size,
                               GError             **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  const char *mime;
  gsize size = 0;
  const guint8 *data;
  JsonObject *attachment;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (max_size > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  mime = zc_photo_sniff_mime (data, size);

  /* a private folder inside the blob folder: the same file system, and
   * nothing of the user's in a shared temporary folder */
  dir = g_build_filename (self->blob_dir, ".new-XXXXXX", NULL);
  if (g_mkdtemp_full (dir, 0700) == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }
  path = g_build_filename (dir, g_strcmp0 (mime, "image/png") == 0 ? "photo.png" : "photo.jpg", NULL);
  if (!g_file_set_contents_full (path, size > 0 ? (const char *) data : "", (gssize) size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, error))
    {
      g_rmdir (dir);
      return NULL;
    }

  file = g_file_new_for_path (path);
  attachment = zc_local_store_add_attachment (self, file, accept != NULL ? accept : photo_types, max_size, error);
  g_unlink (path);
  g_rmdir (dir);
  return attachment;
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* The photo record of this store, inside or outside a transaction. */
static ZcRecord *
read_photo (ZcLocalStore  *self,
            GError       **error)
{
  sqlite3_stmt *stmt;
  ZcRecord *record = NULL;
  int rc;

  stmt = zc_local_store_prepare (self, "SELECT " ZC_LOCAL_STORE_RECORD_COLUMNS " FROM records "
                                 "WHERE kind = ? AND deleted = 0 ORDER BY created_at LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ZC_LOCAL_STORE_PHOTO_KIND, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = zc_local_store_record_from_row (stmt, error);
  else if (rc != SQLITE_DONE)
    zc_local_store_set_db_error (self, error, "Reading the photo failed");
  sqlite3_finalize (stmt);
  return record;
}

/* -1 for a blob the store does not have, else whether it is uploaded. */
static int
blob_uploaded (ZcLocalStore  *self,
               const char    *sha256,
               GError       **error)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self, "SELECT uploaded FROM blobs WHERE sha256 = ?", error);
  int rc, uploaded = -1;

  if (stmt == NULL)
    return -2;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    uploaded = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the attachments failed");
      return -2;
    }
  return uploaded;
}

static gboolean
queue_put (ZcLocalStore  *self,
           ZcRecord      *record,
           JsonObject    *body,
           const char    *waiting_sha256,
           gint64         now,
           GError       **error)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *args_text = NULL;
  sqlite3_stmt *stmt;

  json_object_set_string_member (args, "kind", ZC_LOCAL_STORE_PHOTO_KIND);
  json_object_set_object_member (args, "body", zc_json_object_copy_deep (body));
  args_text = zc_local_store_object_to_string (args);

  stmt = zc_local_store_prepare (self, "INSERT INTO outbox (name, record_id, base_version, args, created_at) "
                                 "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ZC_LOCAL_STORE_MUTATION_PUT, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, zc_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, zc_record_get_version (record));
  sqlite3_bind_text (stmt, 4, args_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!zc_local_store_step_done (self, stmt, error))
    return FALSE;

  if (waiting_sha256 == NULL)
    return TRUE;

  /* the server takes the record once it has the file */
  stmt = zc_local_store_prepare (self, "INSERT INTO outbox_blobs (mutation_id, sha256) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sqlite3_last_insert_rowid (self->db));
  sqlite3_bind_text (stmt, 2, waiting_sha256, -1, SQLITE_TRANSIENT);
  return zc_local_store_step_done (self, stmt, error);
}

/**
 * zc_local_store_save_photo:
 * @file: the attachment object of a blob already in the store (from
 *   zc_local_store_add_blob_bytes()): sha256, name, mime, size
 * @width: the photo's width in pixels
 * @height: its height
 *
 * Makes @file the ID photo: creates or replaces the photo record and
 * queues it, in one transaction.  Saving the photo that is there
 * already changes nothing and queues nothing.
 *
 * Returns: (transfer full): the photo record
 */
ZcRecord *
zc_local_store_save_photo (ZcLocalStore  *self,
                           JsonObject    *file,
                           guint          width,
                           guint          height,
                           GError       **error)
{
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *body_text = NULL;
  const char *sha256 = zc_json_member_string (file, "sha256");
  const char *mime = zc_json_member_string (file, "mime");
  JsonNode *size = file != NULL ? json_object_get_member (file, "size") : NULL;
  gint64 now = zc_local_store_now ();
  sqlite3_stmt *stmt;
  int uploaded;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_sha256 (sha256) || mime == NULL || !g_strv_contains (photo_types, mime) ||
      zc_json_member_string (file, "name") == NULL ||
      size == NULL || !JSON_NODE_HOLDS_VALUE (size) || json_node_get_value_type (size) != G_TYPE_INT64 ||
      json_node_get_int (size) <= 0 || width == 0 || height == 0 || width > G_MAXINT32 || height > G_MAXINT32)
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                           "The photo must be a JPEG or PNG file of the store with its size in pixels");
      return NULL;
    }

  body = json_object_new ();
  json_object_set_object_member (body, "file", zc_json_object_copy_deep (file));
  json_object_set_int_member (body, "width", width);
  json_object_set_int_member (body, "height", height);

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  uploaded = blob_uploaded (self, sha256, error);
  if (uploaded == -2)
    goto fail;
  if (uploaded == -1)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "The photo file %s is not in the local store", sha256);
      goto fail;
    }

  record = read_photo (self, error);
  if (record == NULL && error != NULL && *error != NULL)
    goto fail;
  if (record != NULL && g_strcmp0 (zc_local_store_photo_get_sha256 (record), sha256) == 0)
    {
      zc_local_store_rollback (self);
      return g_steal_pointer (&record);
    }
  if (record == NULL)
    record = zc_record_new (NULL, ZC_LOCAL_STORE_PHOTO_KIND, self->owner_id);

  body_text = zc_local_store_object_to_string (body);
  stmt = zc_local_store_prepare (self,
                                 "INSERT INTO records (id, kind, owner_id, server_version, body, deleted, dirty,"
                                 " created_at, updated_at) VALUES (?1, ?2, ?3, 0, ?4, 0, 1, ?5, ?5) "
                                 "ON CONFLICT (id) DO UPDATE SET body = ?4, dirty = 1, updated_at = ?5", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, zc_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ZC_LOCAL_STORE_PHOTO_KIND, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->owner_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, body_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!zc_local_store_step_done (self, stmt, error) ||
      !queue_put (self, record, body, uploaded ? NULL : sha256, now, error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  time = zc_local_store_time_from_usec (now);
  zc_record_set_body (record, body);
  zc_record_set_updated_at (record, time);
  zc_local_store_emit_changed (self, zc_record_get_id (record), ZC_LOCAL_STORE_PHOTO_KIND);
  return g_steal_pointer (&record);

fail:
  zc_local_store_rollback (self);
  return NULL;
}

/**
 * zc_local_store_get_photo:
 *
 * Returns: (transfer full) (nullable): the photo record, or %NULL
 *   without an error when there is none yet
 */
ZcRecord *
zc_local_store_get_photo (ZcLocalStore  *self,
                          GError       **error)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_photo (self, error);
}

/**
 * zc_local_store_photo_get_sha256:
 *
 * Returns: (nullable): the SHA-256 of the file a photo record names,
 *   %NULL when its body does not name one
 */
const char *
zc_local_store_photo_get_sha256 (ZcRecord *photo)
{
  JsonNode *file;
  const char *sha256;

  g_return_val_if_fail (photo != NULL, NULL);

  file = json_object_get_member (zc_record_get_body (photo), "file");
  if (file == NULL || !JSON_NODE_HOLDS_OBJECT (file))
    return NULL;
  sha256 = zc_json_member_string (json_node_get_object (file), "sha256");
  return is_sha256 (sha256) ? sha256 : NULL;
}
