/* zc-blob-store-folder.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* renameat2() */
#define G_LOG_DOMAIN "zc-blob"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "zc-blob-store-folder.h"

struct _ZcBlobStoreFolder
{
  GObject  parent_instance;

  char    *root;   /* owned */
  char    *tmp;    /* owned: ROOT/tmp */
};

typedef struct
{
  ZcBlobUpload  parent;
  int           fd;       /* -1 once closed */
  char         *path;     /* owned: the temporary file, NULL once gone */
} FolderUpload;

static void zc_blob_store_folder_iface_init (ZcBlobStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZcBlobStoreFolder, zc_blob_store_folder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ZC_TYPE_BLOB_STORE, zc_blob_store_folder_iface_init))

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *what,
              const char  *path)
{
  g_set_error (error, ZC_BLOB_STORE_ERROR,
               saved_errno == ENOENT ? ZC_BLOB_STORE_ERROR_NOT_FOUND : ZC_BLOB_STORE_ERROR_IO,
               "Cannot %s %s: %s", what, path, g_strerror (saved_errno));
}

/* A new directory entry is durable only once its folder is synced. */
static gboolean
sync_folder (const char  *path,
             GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    return g_close (fd, error);

  saved_errno = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  set_io_error (error, saved_errno, "sync", path);
  return FALSE;
}

/* Creates @parent/@name unless it exists, syncing @parent when it did. */
static gboolean
make_folder (const char  *parent,
             const char  *path,
             GError     **error)
{
  if (g_mkdir (path, 0700) == 0)
    return sync_folder (parent, error);
  if (errno == EEXIST && g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  set_io_error (error, errno, "create the folder", path);
  return FALSE;
}

static void
clean_tmp (ZcBlobStoreFolder *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->tmp, 0, NULL);
  const char *name;

  /* Uploads cut short by a crash; nothing else writes here. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->tmp, name, NULL);

      if (g_unlink (path) != 0)
        g_warning ("Cannot remove the unfinished upload %s: %s", path, g_strerror (errno));
    }
}

/**
 * zc_blob_store_folder_new:
 * @root: the folder; created (0700) if needed
 *
 * Removes the unfinished uploads a crash may have left in ROOT/tmp: run
 * one server per folder.
 *
 * Returns: (transfer full) (nullable): the store
 */
ZcBlobStore *
zc_blob_store_folder_new (const char  *root,
                          GError     **error)
{
  g_autoptr(ZcBlobStoreFolder) self = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ZC_TYPE_BLOB_STORE_FOLDER, NULL);
  self->root = g_strdup (root);
  self->tmp = g_build_filename (root, "tmp", NULL);

  if (g_mkdir_with_parents (self->tmp, 0700) != 0)
    {
      set_io_error (error, errno, "create the folder", self->tmp);
      return NULL;
    }
  clean_tmp (self);

  return ZC_BLOB_STORE (g_steal_pointer (&self));
}

/**
 * zc_blob_store_folder_get_path:
 *
 * Returns: (transfer full): where the blob @sha256 is (or would be) kept
 */
char *
zc_blob_store_folder_get_path (ZcBlobStoreFolder *self,
                               const char        *sha256)
{
  char ab[3] = { 0 };
  char cd[3] = { 0 };

  g_return_val_if_fail (ZC_IS_BLOB_STORE_FOLDER (self), NULL);
  g_return_val_if_fail (zc_blob_sha256_is_valid (sha256), NULL);

  memcpy (ab, sha256, 2);
  memcpy (cd, sha256 + 2, 2);
  return g_build_filename (self->root, ab, cd, sha256, NULL);
}

static gboolean
folder_contains (ZcBlobStore  *store,
                 const char   *sha256,
                 gboolean     *contains,
                 GError      **error)
{
  g_autofree char *path = zc_blob_store_folder_get_path (ZC_BLOB_STORE_FOLDER (store), sha256);
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      *contains = S_ISREG (st.st_mode);
      return TRUE;
    }
  if (errno == ENOENT || errno == ENOTDIR)
    {
      *contains = FALSE;
      return TRUE;
    }

  set_io_error (error, errno, "look at", path);
  return FALSE;
}

static GBytes *
folder_read (ZcBlobStore  *store,
             const char   *sha256,
             GError      **error)
{
  g_autofree char *path = zc_blob_store_folder_get_path (ZC_BLOB_STORE_FOLDER (store), sha256);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  /* Mapping is safe: a stored blob is never truncated or rewritten. */
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, ZC_BLOB_STORE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? ZC_BLOB_STORE_ERROR_NOT_FOUND : ZC_BLOB_STORE_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }

  return g_mapped_file_get_bytes (mapped);
}

static ZcBlobUpload *
folder_begin_upload (ZcBlobStore  *store,
                     GError      **error)
{
  ZcBlobStoreFolder *self = ZC_BLOB_STORE_FOLDER (store);
  g_autofree char *path = g_build_filename (self->tmp, "upload-XXXXXX", NULL);
  FolderUpload *upload;
  int fd;

  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, "create a file in", self->tmp);
      return NULL;
    }

  upload = g_new0 (FolderUpload, 1);
  upload->fd = fd;
  upload->path = g_steal_pointer (&path);

  return &upload->parent;
}

static gboolean
folder_upload_write (ZcBlobUpload  *base,
                     const guint8  *data,
                     gsize          size,
                     GError       **error)
{
  FolderUpload *upload = (FolderUpload *) base;

  while (size > 0)
    {
      gssize written = write (upload->fd, data, size);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          set_io_error (error, errno, "write", upload->path);
          return FALSE;
        }
      data += written;
      size -= (gsize) written;
    }

  return TRUE;
}

/* Moves @from to @to unless @to exists.  renameat2() does it in one
 * step; file systems without it get link(), which never replaces
 * either. */
static gboolean
publish (const char  *from,
         const char  *to,
         gboolean    *created,
         GError     **error)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    {
      *created = TRUE;
      return TRUE;
    }
  if (errno == EEXIST)
    {
      *created = FALSE;
      return TRUE;
    }
  if (errno != EINVAL && errno != ENOSYS)
    {
      set_io_error (error, errno, "store", to);
      return FALSE;
    }

  if (link (from, to) == 0)
    {
      *created = TRUE;
      return TRUE;
    }
  if (errno == EEXIST)
    {
      *created = FALSE;
      return TRUE;
    }

  set_io_error (error, errno, "store", to);
  return FALSE;
}

static gboolean
folder_upload_commit (ZcBlobUpload  *base,
                      const char    *sha256,
                      gboolean      *created,
                      GError       **error)
{
  FolderUpload *upload = (FolderUpload *) base;
  ZcBlobStoreFolder *self = ZC_BLOB_STORE_FOLDER (base->store);
  g_autofree char *final_path = zc_blob_store_folder_get_path (self, sha256);
  g_autofree char *cd_folder = g_path_get_dirname (final_path);
  g_autofree char *ab_folder = g_path_get_dirname (cd_folder);
  int fd = upload->fd;

  upload->fd = -1;
  if (fsync (fd) != 0)
    {
      set_io_error (error, errno, "write to disk", upload->path);
      g_close (fd, NULL);
      return FALSE;
    }
  if (!g_close (fd, error))
    return FALSE;

  if (!make_folder (self->root, ab_folder, error) ||
      !make_folder (ab_folder, cd_folder, error) ||
      !publish (upload->path, final_path, created, error))
    return FALSE;

  /* the name moved (or the copy is not needed): drop the temporary one */
  if (g_unlink (upload->path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove %s: %s", upload->path, g_strerror (errno));
  g_clear_pointer (&upload->path, g_free);

  return sync_folder (cd_folder, error);
}

static void
folder_upload_free (ZcBlobUpload *base)
{
  FolderUpload *upload = (FolderUpload *) base;

  if (upload->fd >= 0)
    g_close (upload->fd, NULL);
  if (upload->path != NULL && g_unlink (upload->path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove %s: %s", upload->path, g_strerror (errno));
  g_free (upload->path);
  g_free (upload);
}

static void
zc_blob_store_folder_finalize (GObject *object)
{
  ZcBlobStoreFolder *self = ZC_BLOB_STORE_FOLDER (object);

  g_free (self->root);
  g_free (self->tmp);

  G_OBJECT_CLASS (zc_blob_store_folder_parent_class)->finalize (object);
}

static void
zc_blob_store_folder_iface_init (ZcBlobStoreInterface *iface)
{
  iface->contains = folder_contains;
  iface->read = folder_read;
  iface->begin_upload = folder_begin_upload;
  iface->upload_write = folder_upload_write;
  iface->upload_commit = folder_upload_commit;
  iface->upload_free = folder_upload_free;
}

static void
zc_blob_store_folder_class_init (ZcBlobStoreFolderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zc_blob_store_folder_finalize;
}

static void
zc_blob_store_folder_init (ZcBlobStoreFolder *self)
{
}
