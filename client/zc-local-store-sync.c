/* zc-local-store-sync.c
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

#include "zc-json.h"
#include "zc-local-store-sync-private.h"

/* The sync engine's side of the local store (docs/sync.md, "The
 * client"): which account a file belongs to, its sync bookkeeping, what
 * to send and the files to move.  What the server's answers do to the
 * file is in zc-local-store-apply.c. */

/* Small helpers */

gboolean
zc_local_store_begin (ZcLocalStore  *self,
                      GError       **error)
{
  return zc_local_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
zc_local_store_commit (ZcLocalStore  *self,
                       GError       **error)
{
  if (zc_local_store_exec (self, "COMMIT", error))
    return TRUE;
  zc_local_store_rollback (self);
  return FALSE;
}

gboolean
zc_local_store_run_text (ZcLocalStore  *self,
                         const char    *sql,
                         const char    *text,
                         GError       **error)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  return zc_local_store_step_done (self, stmt, error);
}

gboolean
zc_local_store_run_int (ZcLocalStore  *self,
                        const char    *sql,
                        gint64         value,
                        GError       **error)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value);
  return zc_local_store_step_done (self, stmt, error);
}

/* -1 when the query gives no row or NULL */
gint64
zc_local_store_query_int (ZcLocalStore *self,
                          const char   *sql,
                          const char   *text)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self, sql, NULL);
  gint64 value = -1;

  if (stmt == NULL)
    return -1;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gboolean
zc_local_store_is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* Metadata */

/**
 * zc_local_store_get_meta:
 * @key: "cursor", "server_epoch", "last_mutation_id", "last_sync_at" …
 *
 * Returns: (transfer full) (nullable): the value, %NULL when unset
 */
char *
zc_local_store_get_meta (ZcLocalStore *self,
                         const char   *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = zc_local_store_prepare (self, "SELECT v FROM sync_meta WHERE k = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* @value: (nullable): %NULL removes the key.  Client and owner ids are
 * not for this function. */
gboolean
zc_local_store_set_meta (ZcLocalStore  *self,
                         const char    *key,
                         const char    *value,
                         GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (key, "client_id") != 0 && g_strcmp0 (key, META_OWNER_ID) != 0 &&
                        g_strcmp0 (key, META_ACCOUNT_ID) != 0, FALSE);

  if (value == NULL)
    return zc_local_store_run_text (self, "DELETE FROM sync_meta WHERE k = ?", key, error);

  stmt = zc_local_store_prepare (self, "INSERT INTO sync_meta (k, v) VALUES (?1, ?2) "
                                       "ON CONFLICT (k) DO UPDATE SET v = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return zc_local_store_step_done (self, stmt, error);
}

gboolean
zc_local_store_set_meta_int (ZcLocalStore  *self,
                             const char    *key,
                             gint64         value,
                             GError       **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return zc_local_store_set_meta (self, key, text, error);
}

/* Accounts */

static gboolean
move_file (const char  *from,
           const char  *to,
           GError     **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot move %s to %s: %s", from, to, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Whether the placeholder file may be taken over: an SQLite file not
 * bound to any account yet.  Its WAL is checkpointed into it so that
 * only the main file (and the blob folder) need to move. */
static gboolean
placeholder_is_free (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean is_free = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto out;
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sync_meta WHERE k = 'account_id'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    is_free = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_finalize (stmt);
  if (is_free && sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) != SQLITE_OK)
    is_free = FALSE;

out:
  sqlite3_close (db);
  return is_free;
}

/**
 * zc_local_store_open_path_for_account:
 * @account_id: the server's account id (a UUID)
 * @migrate_placeholder: on the account's first sign-in, take over the
 *   data kept before any sign-in (the "local" file), if it is not
 *   bound to an account already
 *
 * Returns: (transfer full): the file of the account's local store
 */
char *
zc_local_store_open_path_for_account (const char  *account_id,
                                      gboolean     migrate_placeholder,
                                      GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *placeholder = NULL;

  g_return_val_if_fail (account_id != NULL, NULL);

  if (!zc_json_is_uuid (account_id))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "“%s” is not an account id", account_id);
      return NULL;
    }

  path = zc_local_store_default_path (account_id);
  if (g_file_test (path, G_FILE_TEST_EXISTS) || !migrate_placeholder)
    return g_steal_pointer (&path);

  placeholder = zc_local_store_default_path (ZC_LOCAL_STORE_LOCAL_ACCOUNT);
  if (g_file_test (placeholder, G_FILE_TEST_IS_REGULAR) && placeholder_is_free (placeholder))
    {
      g_autofree char *from_blobs = g_strconcat (placeholder, "-blobs", NULL);
      g_autofree char *to_blobs = g_strconcat (path, "-blobs", NULL);
      g_autofree char *from_wal = g_strconcat (placeholder, "-wal", NULL);
      g_autofree char *from_shm = g_strconcat (placeholder, "-shm", NULL);

      /* the blob folder first: a kill in between leaves the data in
       * the placeholder, to be taken over next time */
      if (!move_file (from_blobs, to_blobs, error) || !move_file (placeholder, path, error))
        return NULL;
      g_unlink (from_wal);
      g_unlink (from_shm);
      g_message ("The data kept before signing in now belongs to account %s", account_id);
    }

  return g_steal_pointer (&path);
}

/**
 * zc_local_store_bind_account:
 *
 * Makes the store the account's: the first time, its records pass from
 * the placeholder owner to @account_id, which becomes the owner of new
 * records.  A store bound to another account is refused with
 * %ZC_LOCAL_STORE_ERROR_NOT_ALLOWED.
 */
gboolean
zc_local_store_bind_account (ZcLocalStore  *self,
                             const char    *account_id,
                             GError       **error)
{
  g_autofree char *bound = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (account_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!zc_json_is_uuid (account_id))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "“%s” is not an account id", account_id);
      return FALSE;
    }

  bound = zc_local_store_get_meta (self, META_ACCOUNT_ID);
  if (g_strcmp0 (bound, account_id) == 0)
    return TRUE;
  if (bound != NULL)
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED,
                           _("This local data belongs to another account"));
      return FALSE;
    }

  if (!zc_local_store_begin (self, error))
    return FALSE;
  stmt = zc_local_store_prepare (self, "UPDATE records SET owner_id = ?1 WHERE owner_id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, account_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->owner_id, -1, SQLITE_TRANSIENT);
  if (!zc_local_store_step_done (self, stmt, error) ||
      !zc_local_store_run_text (self, "INSERT INTO sync_meta (k, v) VALUES ('account_id', ?)", account_id, error) ||
      !zc_local_store_run_text (self, "UPDATE sync_meta SET v = ? WHERE k = 'owner_id'", account_id, error) ||
      !zc_local_store_commit (self, error))
    goto fail;

  g_free (self->owner_id);
  self->owner_id = g_strdup (account_id);
  return TRUE;

fail:
  zc_local_store_rollback (self);
  return FALSE;
}

/* The outbox */

/**
 * zc_local_store_list_pending:
 * @limit: the most mutations to return
 *
 * Returns: (transfer full) (element-type ZcMutation): the mutations to
 *   push, in order: queued and sent-but-unacknowledged ones, up to the
 *   first that waits for a file not uploaded yet (ids must follow each
 *   other without a gap)
 */
GPtrArray *
zc_local_store_list_pending (ZcLocalStore  *self,
                             guint          limit,
                             GError       **error)
{
  g_autoptr(GPtrArray) mutations = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_mutation_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self,
                                 "SELECT o.mutation_id, o.name, o.record_id, o.base_version, o.expected_state, o.args,"
                                 " EXISTS (SELECT 1 FROM outbox_blobs ob JOIN blobs b ON b.sha256 = ob.sha256"
                                 "         WHERE ob.mutation_id = o.mutation_id AND b.uploaded = 0) "
                                 "FROM outbox o WHERE o.status != 'rejected' ORDER BY o.mutation_id", error);
  if (stmt == NULL)
    return NULL;
  while (mutations->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ZcMutation) mutation = NULL;
      JsonObject *args;

      if (sqlite3_column_int (stmt, 6) != 0)
        break;
      args = zc_local_store_object_from_column (stmt, 5, error);
      if (args == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      mutation = zc_mutation_new (sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2),
                                  sqlite3_column_int64 (stmt, 3));
      mutation->expected_state = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      json_object_unref (mutation->args);
      mutation->args = args;
      g_ptr_array_add (mutations, g_steal_pointer (&mutation));
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&mutations);
}

/* Notes that these mutations go out now: a mutation never sent may
 * still be dropped without the server noticing a gap. */
gboolean
zc_local_store_mark_sending (ZcLocalStore  *self,
                             GPtrArray     *mutations,
                             GError       **error)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (mutations != NULL, FALSE);

  if (!zc_local_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < mutations->len; i++)
    {
      const ZcMutation *mutation = g_ptr_array_index (mutations, i);

      if (!zc_local_store_run_int (self, "UPDATE outbox SET status = 'sending', attempts = attempts + 1 "
                                         "WHERE mutation_id = ? AND status != 'rejected'", mutation->id, error))
        {
          zc_local_store_rollback (self);
          return FALSE;
        }
    }
  return zc_local_store_commit (self, error);
}

/* Blobs */

/**
 * zc_local_store_list_blobs_to_upload:
 *
 * Returns: (transfer full) (element-type JsonObject): the files queued
 *   mutations wait for, in the order they are needed: sha256, mime,
 *   size and path (where the file is)
 */
GPtrArray *
zc_local_store_list_blobs_to_upload (ZcLocalStore  *self,
                                     GError       **error)
{
  g_autoptr(GPtrArray) blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self,
                                 "SELECT b.sha256, b.mime, b.size, b.path FROM blobs b"
                                 " JOIN outbox_blobs ob ON ob.sha256 = b.sha256"
                                 " JOIN outbox o ON o.mutation_id = ob.mutation_id "
                                 "WHERE b.uploaded = 0 AND o.status != 'rejected' "
                                 "GROUP BY b.sha256 ORDER BY min (o.mutation_id)", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *blob = json_object_new ();
      g_autofree char *path = g_build_filename (self->blob_dir, (const char *) sqlite3_column_text (stmt, 3), NULL);

      json_object_set_string_member (blob, "sha256", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (blob, "mime", (const char *) sqlite3_column_text (stmt, 1));
      json_object_set_int_member (blob, "size", sqlite3_column_int64 (stmt, 2));
      json_object_set_string_member (blob, "path", path);
      g_ptr_array_add (blobs, blob);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Listing the files to send failed");
      return NULL;
    }
  return g_steal_pointer (&blobs);
}

gboolean
zc_local_store_mark_blob_uploaded (ZcLocalStore  *self,
                                   const char    *sha256,
                                   GError       **error)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  if (!zc_local_store_is_sha256 (sha256))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID, "“%s” is not a SHA-256", sha256);
      return FALSE;
    }
  return zc_local_store_run_text (self, "UPDATE blobs SET uploaded = 1 WHERE sha256 = ?", sha256, error);
}

/**
 * zc_local_store_release_refused_blob:
 *
 * The server refused the file for good (too large, a type it does not
 * take): the changes that waited for it go out without it, so that the
 * server refuses them as changes the user can see, fix or discard,
 * instead of waiting for an upload that will never succeed.
 */
gboolean
zc_local_store_release_refused_blob (ZcLocalStore  *self,
                                     const char    *sha256,
                                     GError       **error)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  return zc_local_store_run_text (self, "DELETE FROM outbox_blobs WHERE sha256 = ?", sha256, error);
}

static void
collect_references (JsonNode   *node,
                    GHashTable *found)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_references (json_array_get_element (array, i), found);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *sha = json_object_get_member (object, "sha256");
      g_autoptr(GList) members = NULL;

      if (sha != NULL && json_node_get_value_type (sha) == G_TYPE_STRING &&
          zc_local_store_is_sha256 (json_node_get_string (sha)))
        g_hash_table_add (found, g_strdup (json_node_get_string (sha)));
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        collect_references (json_object_get_member (object, l->data), found);
    }
}

/**
 * zc_local_store_list_missing_blobs:
 *
 * Returns: (transfer full) (element-type utf8): the SHA-256 of files
 *   that live records name (attachments pulled from the server) and
 *   that are not in the store, to be downloaded
 */
GPtrArray *
zc_local_store_list_missing_blobs (ZcLocalStore  *self,
                                   GError       **error)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, "SELECT body FROM records WHERE deleted = 0 AND body LIKE '%sha256%'", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonObject) body = zc_local_store_object_from_column (stmt, 0, NULL);
      g_autoptr(JsonNode) node = NULL;

      if (body == NULL)
        continue;
      node = json_node_init_object (json_node_alloc (), body);
      collect_references (node, found);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the attachments failed");
      return NULL;
    }

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!zc_local_store_has_blob (self, key))
      g_ptr_array_add (missing, g_strdup (key));
  g_ptr_array_sort (missing, (GCompareFunc) g_strcmp0);
  return g_steal_pointer (&missing);
}

/**
 * zc_local_store_put_blob:
 * @data: the file's bytes, checked against @sha256
 *
 * Keeps a file that came from the server; it counts as uploaded.
 */
gboolean
zc_local_store_put_blob (ZcLocalStore  *self,
                         const char    *sha256,
                         const char    *mime,
                         GBytes        *data,
                         GError       **error)
{
  g_autofree char *computed = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *final_path = NULL;
  sqlite3_stmt *stmt;
  gsize length = 0;
  const guchar *bytes;
  int fd;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL && mime != NULL && data != NULL, FALSE);

  bytes = g_bytes_get_data (data, &length);
  computed = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  if (!zc_local_store_is_sha256 (sha256) || length == 0 || g_strcmp0 (computed, sha256) != 0)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "The file received for %s does not match its SHA-256", sha256);
      return FALSE;
    }

  temp_path = g_build_filename (self->blob_dir, ".incoming-XXXXXX", NULL);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    goto io_error;
  while (length > 0)
    {
      gssize written = write (fd, bytes, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int saved_errno = errno;
          close (fd);
          errno = saved_errno;
          goto io_error;
        }
      bytes += written;
      length -= (gsize) written;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    goto io_error;
  final_path = g_build_filename (self->blob_dir, sha256, NULL);
  if (g_rename (temp_path, final_path) != 0)
    goto io_error;

  stmt = zc_local_store_prepare (self, "INSERT INTO blobs (sha256, size, mime, path, uploaded, created_at) "
                                       "VALUES (?1, ?2, ?3, ?1, 1, ?4) ON CONFLICT (sha256) DO UPDATE SET uploaded = 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) g_bytes_get_size (data));
  sqlite3_bind_text (stmt, 3, mime, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, zc_local_store_now ());
  return zc_local_store_step_done (self, stmt, error);

io_error:
  {
    int saved_errno = errno;

    if (temp_path != NULL)
      g_unlink (temp_path);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", self->blob_dir, g_strerror (saved_errno));
  }
  return FALSE;
}
