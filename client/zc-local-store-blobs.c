/* zc-local-store-blobs.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "zc-local-store-private.h"
#include "zc-photo-rules.h"

/* Attachment files, kept in the blob folder under their SHA-256. */


static const char *const default_accept[] = { "application/pdf", "image/jpeg", "image/png", NULL };

/* By content, not by name: the server checks the same magic bytes. */
static char *
sniff_mime (const guchar *head,
            gsize         length,
            const char   *name)
{
  const char *known = zc_photo_sniff_mime (head, length);
  g_autofree char *content_type = NULL;
  char *mime;

  if (known != NULL)
    return g_strdup (known);

  content_type = g_content_type_guess (NULL, head, length, NULL);
  mime = g_content_type_get_mime_type (content_type);
  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}

static const char *
describe_mime (const char *mime)
{
  if (g_strcmp0 (mime, "application/pdf") == 0)
    return "PDF";
  if (g_strcmp0 (mime, "image/jpeg") == 0)
    return "JPEG";
  if (g_strcmp0 (mime, "image/png") == 0)
    return "PNG";
  return mime;
}

/* A single line of at most 255 characters without path separators. */
static char *
clean_file_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL && *name != '\0' ? name : "file", -1);
  GString *clean = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n < 255; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        c = '_';
      g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

static gboolean
write_all (int           fd,
           const guchar *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* Copies @input into a new file in the blob folder, hashing it on the
 * way; the file is synced to disk before the caller records it. */
static char *
copy_into_blob_dir (ZcLocalStore  *self,
                    GInputStream  *input,
                    const guchar  *head,
                    gsize          head_length,
                    guint64        max_size,
                    const char    *display_name,
                    guint64       *size_out,
                    char         **temp_path_out,
                    GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *temp_path = g_build_filename (self->blob_dir, ".incoming-XXXXXX", NULL);
  g_autofree guchar *buffer = g_malloc (64 * 1024);
  guint64 size = head_length;
  int fd;

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", self->blob_dir, g_strerror (saved_errno));
      return NULL;
    }
  *temp_path_out = g_strdup (temp_path);

  g_checksum_update (checksum, head, head_length);
  if (!write_all (fd, head, head_length))
    goto write_failed;

  for (;;)
    {
      gssize n = g_input_stream_read (input, buffer, 64 * 1024, NULL, error);

      if (n < 0)
        {
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      size += (guint64) n;
      if (size > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);
          close (fd);
          g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                       _("“%s” is larger than %s"), display_name, limit);
          return NULL;
        }
      g_checksum_update (checksum, buffer, (gsize) n);
      if (!write_all (fd, buffer, (gsize) n))
        goto write_failed;
    }

  if (fsync (fd) != 0)
    goto write_failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto write_failed;
    }

  *size_out = size;
  return g_strdup (g_checksum_get_string (checksum));

write_failed:
  {
    int saved_errno = errno;

    if (fd >= 0)
      close (fd);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", temp_path, g_strerror (saved_errno));
  }
  return NULL;
}

/**
 * zc_local_store_add_attachment:
 * @file: the file the user picked
 * @accept: (nullable) (array zero-terminated=1): the MIME types the field
 *   takes; %NULL for PDF, JPEG and PNG
 * @max_size: the largest file the field takes, in bytes
 *
 * Checks the file's type (by its content) and size, copies it into the
 * blob folder under its SHA-256 and records it, so an entry can name it.
 * Adding the same content twice stores it once.
 *
 * Returns: (transfer full): the attachment record of docs/forms.md:
 *   sha256, name, mime, size
 */
JsonObject *
zc_local_store_add_attachment (ZcLocalStore       *self,
                               GFile              *file,
                               const char * const *accept,
                               guint64             max_size,
                               GError            **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *final_path = NULL;
  guchar head[64];
  gsize head_length = 0;
  guint64 size = 0;
  sqlite3_stmt *stmt;
  JsonObject *attachment;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_size > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (accept == NULL)
    accept = default_accept;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE
                            "," G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  name = clean_file_name (g_file_info_get_display_name (info));

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                   _("“%s” is not a file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) <= 0)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                   _("“%s” is empty"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      g_autofree char *limit = g_format_size (max_size);
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                   _("“%s” is larger than %s"), name, limit);
      return NULL;
    }

  input = g_file_read (file, NULL, error);
  if (input == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (input), head, sizeof head, &head_length, NULL, error))
    return NULL;

  mime = sniff_mime (head, head_length, name);
  if (!g_strv_contains ((const char * const *) accept, mime))
    {
      g_autoptr(GString) types = g_string_new (NULL);

      for (guint i = 0; accept[i] != NULL; i++)
        g_string_append_printf (types, "%s%s", i > 0 ? ", " : "", describe_mime (accept[i]));
      /* Translators: the first %s is a file name, the second a list such as "PDF, JPEG, PNG" */
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                   _("“%s” is not of an accepted type (%s)"), name, types->str);
      return NULL;
    }

  sha256 = copy_into_blob_dir (self, G_INPUT_STREAM (input), head, head_length, max_size, name,
                               &size, &temp_path, error);
  if (sha256 == NULL)
    {
      if (temp_path != NULL)
        g_unlink (temp_path);
      return NULL;
    }

  final_path = g_build_filename (self->blob_dir, sha256, NULL);
  if (g_rename (temp_path, final_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (temp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", final_path, g_strerror (saved_errno));
      return NULL;
    }

  stmt = zc_local_store_prepare (self, "INSERT OR IGNORE INTO blobs (sha256, size, mime, path, uploaded, created_at) "
                        "VALUES (?, ?, ?, ?, 0, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) size);
  sqlite3_bind_text (stmt, 3, mime, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_TRANSIENT);   /* relative to the blob folder */
  sqlite3_bind_int64 (stmt, 5, zc_local_store_now ());
  if (!zc_local_store_step_done (self, stmt, error))
    return NULL;

  attachment = json_object_new ();
  json_object_set_string_member (attachment, "sha256", sha256);
  json_object_set_string_member (attachment, "name", name);
  json_object_set_string_member (attachment, "mime", mime);
  json_object_set_int_member (attachment, "size", (gint64) size);
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

/**
 * zc_local_store_get_blob_path:
 *
 * Returns: (transfer full) (nullable): where the file with this SHA-256
 *   is kept, or %NULL when @sha256 is not a SHA-256 in hex
 */
char *
zc_local_store_get_blob_path (ZcLocalStore *self,
                              const char   *sha256)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);

  if (!is_sha256 (sha256))
    return NULL;
  return g_build_filename (self->blob_dir, sha256, NULL);
}

gboolean
zc_local_store_has_blob (ZcLocalStore *self,
                         const char   *sha256)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);

  if (!is_sha256 (sha256))
    return FALSE;
  stmt = zc_local_store_prepare (self, "SELECT 1 FROM blobs WHERE sha256 = ?", &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}
