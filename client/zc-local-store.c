/* zc-local-store.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "zc-json.h"
#include "zc-local-store-migrations.h"
#include "zc-local-store-private.h"

/* The local copy of one account's data (sync-and-security-notes.md §1.9):
 * one SQLite file, WAL with synchronous=FULL, where every edit writes
 * the record and its outbox row in one BEGIN IMMEDIATE transaction.  The
 * store acts for the applicant: the shared archive workflow decides what
 * an edit may do, and the shared validator what a body may hold. */

static void zc_local_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZcLocalStore, zc_local_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      zc_local_store_initable_iface_init))

G_DEFINE_QUARK (zc-local-store-error-quark, zc_local_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_OUTBOX_COUNT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define ARCHIVE_KIND_PREFIX "archive:"

/* Database helpers */

gboolean
zc_local_store_set_db_error (ZcLocalStore  *self,
              GError       **error,
              const char    *what)
{
  g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
               "%s: %s", what, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
zc_local_store_exec (ZcLocalStore  *self,
          const char    *sql,
          GError       **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                   "%s", message != NULL ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
zc_local_store_prepare (ZcLocalStore  *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      zc_local_store_set_db_error (self, error, "Preparing a query failed");
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Runs a statement that returns no rows, then finalizes it. */
gboolean
zc_local_store_step_done (ZcLocalStore  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return zc_local_store_set_db_error (self, error, "Writing failed");
  return TRUE;
}

void
zc_local_store_rollback (ZcLocalStore *self)
{
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gint64
zc_local_store_now (void)
{
  return g_get_real_time ();
}

GDateTime *
zc_local_store_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  if (seconds == NULL)
    return g_date_time_new_from_unix_utc (0);
  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

gint64
zc_local_store_time_to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

char *
zc_local_store_object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return zc_json_to_string (node);
}

JsonObject *
zc_local_store_object_from_column (sqlite3_stmt  *stmt,
                    int            column,
                    GError       **error)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = NULL;

  if (text == NULL ||
      !zc_json_parse (text, (gsize) sqlite3_column_bytes (stmt, column), ZC_JSON_DEFAULT_MAX_DEPTH,
                      &node, error) ||
      !zc_json_node_get_object (node, &object, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                             "A stored JSON object is missing");
      return NULL;
    }
  return json_object_ref (object);
}

/* Builds a record from a row of ZC_LOCAL_STORE_RECORD_COLUMNS. */
ZcRecord *
zc_local_store_record_from_row (sqlite3_stmt  *stmt,
                 GError       **error)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  const char *kind = (const char *) sqlite3_column_text (stmt, 1);
  const char *owner_id = (const char *) sqlite3_column_text (stmt, 2);
  gint64 version = sqlite3_column_int64 (stmt, 3);
  const char *state = (const char *) sqlite3_column_text (stmt, 5);
  const char *comment = (const char *) sqlite3_column_text (stmt, 6);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  g_autoptr(ZcRecord) record = NULL;

  /* The file may have been edited or damaged outside this program:
   * check what ZcRecord would assert on. */
  if (!zc_json_is_uuid (id) || !zc_record_kind_is_valid (kind) || !zc_json_is_uuid (owner_id) ||
      version < 0 || version > ZC_JSON_MAX_SAFE_INTEGER ||
      (state != NULL && !zc_record_state_is_valid (state)))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                   "The stored record “%s” is damaged", id != NULL ? id : "");
      return NULL;
    }

  body = zc_local_store_object_from_column (stmt, 4, error);
  if (body == NULL)
    {
      g_prefix_error (error, "Record %s: ", id);
      return NULL;
    }

  created_at = zc_local_store_time_from_usec (sqlite3_column_int64 (stmt, 8));
  updated_at = zc_local_store_time_from_usec (sqlite3_column_int64 (stmt, 9));

  record = zc_record_new (id, kind, owner_id);
  zc_record_set_body (record, body);
  zc_record_set_version (record, version);
  zc_record_set_state (record, state);
  zc_record_set_review_comment (record, comment);
  zc_record_set_deleted (record, sqlite3_column_int (stmt, 7) != 0);
  zc_record_set_created_at (record, created_at);
  zc_record_set_updated_at (record, updated_at);

  return g_steal_pointer (&record);
}

/* NULL without an error when there is no such record. */
ZcRecord *
zc_local_store_read_record (ZcLocalStore  *self,
             const char    *id,
             GError       **error)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self, "SELECT " ZC_LOCAL_STORE_RECORD_COLUMNS " FROM records WHERE id = ?", error);
  ZcRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = zc_local_store_record_from_row (stmt, error);
  else if (rc != SQLITE_DONE)
    zc_local_store_set_db_error (self, error, "Reading a record failed");
  sqlite3_finalize (stmt);

  return record;
}

static gboolean
read_meta (ZcLocalStore  *self,
           const char    *key,
           char         **value_out,
           GError       **error)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self, "SELECT v FROM sync_meta WHERE k = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *value_out = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return zc_local_store_set_db_error (self, error, "Reading the sync state failed");
  return TRUE;
}

/* The client and owner ids are made once, with the file. */
static gboolean
ensure_identity (ZcLocalStore  *self,
                 GError       **error)
{
  static const char *keys[] = { "client_id", "owner_id" };
  char **targets[] = { &self->client_id, &self->owner_id };

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      sqlite3_stmt *stmt;
      g_autofree char *uuid = zc_uuid_new ();

      stmt = zc_local_store_prepare (self, "INSERT OR IGNORE INTO sync_meta (k, v) VALUES (?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, keys[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
      if (!zc_local_store_step_done (self, stmt, error) || !read_meta (self, keys[i], targets[i], error))
        goto fail;
      if (!zc_json_is_uuid (*targets[i]))
        {
          g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                       "The stored %s is damaged", keys[i]);
          goto fail;
        }
    }

  return zc_local_store_exec (self, "COMMIT", error);

fail:
  zc_local_store_rollback (self);
  return FALSE;
}

static gboolean
refresh_outbox_count (ZcLocalStore  *self,
                      GError       **error)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self, "SELECT count(*) FROM outbox WHERE status != 'rejected'", error);
  guint count;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return zc_local_store_set_db_error (self, error, "Counting the outbox failed");
    }
  count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  sqlite3_finalize (stmt);

  if (count != self->outbox_count)
    {
      self->outbox_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX_COUNT]);
    }
  return TRUE;
}

void
zc_local_store_emit_changed (ZcLocalStore *self,
              const char   *id,
              const char   *kind)
{
  g_autoptr(GError) error = NULL;

  if (!refresh_outbox_count (self, &error))
    g_warning ("%s", error->message);
  g_signal_emit (self, signals[CHANGED], 0, id, kind);
}

/* GObject */

static gboolean
zc_local_store_initable_init (GInitable     *initable,
                              GCancellable  *cancellable,
                              GError       **error)
{
  ZcLocalStore *self = ZC_LOCAL_STORE (initable);
  g_autofree char *folder = NULL;
  g_autofree char *journal_mode = NULL;
  sqlite3_stmt *stmt;

  if (self->path == NULL || *self->path == '\0')
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                           "No file name was given for the local store");
      return FALSE;
    }

  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create the folder %s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                   "Cannot open %s: %s", self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* journal_mode answers with the mode it got: check it is really WAL,
   * which also proves the file is an SQLite database. */
  stmt = zc_local_store_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    goto fail;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (journal_mode, "wal") != 0)
    {
      zc_local_store_set_db_error (self, error, "Cannot use the write-ahead log");
      goto fail;
    }

  if (!zc_local_store_exec (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error) ||
      !zc_local_store_migrate (self->db, NULL, error) ||
      !ensure_identity (self, error) ||
      !refresh_outbox_count (self, error))
    goto fail;

  self->blob_dir = g_strconcat (self->path, "-blobs", NULL);
  if (g_mkdir_with_parents (self->blob_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create the folder %s: %s", self->blob_dir, g_strerror (saved_errno));
      goto fail;
    }

  return TRUE;

fail:
  g_prefix_error (error, "%s: ", self->path);
  g_clear_pointer (&self->db, sqlite3_close);
  return FALSE;
}

static void
zc_local_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = zc_local_store_initable_init;
}

static void
zc_local_store_finalize (GObject *object)
{
  ZcLocalStore *self = ZC_LOCAL_STORE (object);

  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Closing %s: %s", self->path, sqlite3_errmsg (self->db));
  g_free (self->path);
  g_free (self->blob_dir);
  g_free (self->client_id);
  g_free (self->owner_id);

  G_OBJECT_CLASS (zc_local_store_parent_class)->finalize (object);
}

static void
zc_local_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZcLocalStore *self = ZC_LOCAL_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_OUTBOX_COUNT:
      g_value_set_uint (value, self->outbox_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_local_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ZcLocalStore *self = ZC_LOCAL_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_local_store_class_init (ZcLocalStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_local_store_finalize;
  object_class->get_property = zc_local_store_get_property;
  object_class->set_property = zc_local_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Mutations waiting to be sent (rejected ones are not waiting). */
  properties[PROP_OUTBOX_COUNT] =
    g_param_spec_uint ("outbox-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ZcLocalStore::changed:
   * @record_id: the record that changed
   * @kind: its kind
   *
   * Emitted after a transaction that changed a record has committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
zc_local_store_init (ZcLocalStore *self)
{
}

/* Public API: naming */

/**
 * zc_local_store_default_path:
 * @account_id: letters, digits, '-' and '_' only
 *
 * Returns: (transfer full): the account's file under the user data
 *   folder, one file per account
 */
char *
zc_local_store_default_path (const char *account_id)
{
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (account_id != NULL && *account_id != '\0', NULL);
  for (const char *p = account_id; *p != '\0'; p++)
    g_return_val_if_fail (g_ascii_isalnum (*p) || *p == '-' || *p == '_', NULL);

  file_name = g_strconcat (account_id, ".sqlite", NULL);
  return g_build_filename (g_get_user_data_dir (), "zhicheng", file_name, NULL);
}

/**
 * zc_local_store_archive_kind:
 *
 * Returns: (transfer full): "archive:<form id>", the record kind of an
 *   entry of that archive category or series block
 */
char *
zc_local_store_archive_kind (const char *form_id)
{
  g_return_val_if_fail (form_id != NULL && *form_id != '\0', NULL);

  return g_strconcat (ARCHIVE_KIND_PREFIX, form_id, NULL);
}

/**
 * zc_local_store_kind_get_form_id:
 *
 * Returns: (nullable): the form id of an archive kind, pointing into
 *   @kind; %NULL for other kinds
 */
const char *
zc_local_store_kind_get_form_id (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  if (!g_str_has_prefix (kind, ARCHIVE_KIND_PREFIX) || kind[strlen (ARCHIVE_KIND_PREFIX)] == '\0')
    return NULL;
  return kind + strlen (ARCHIVE_KIND_PREFIX);
}

ZcLocalStore *
zc_local_store_open (const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (ZC_TYPE_LOCAL_STORE, NULL, error, "path", path, NULL);
}

const char *
zc_local_store_get_path (ZcLocalStore *self)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  return self->path;
}

const char *
zc_local_store_get_blob_dir (ZcLocalStore *self)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  return self->blob_dir;
}

const char *
zc_local_store_get_client_id (ZcLocalStore *self)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  return self->client_id;
}

/* Until sign-in exists, a UUID made with the file stands for the user. */
const char *
zc_local_store_get_owner_id (ZcLocalStore *self)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  return self->owner_id;
}

guint
zc_local_store_get_outbox_count (ZcLocalStore *self)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), 0);
  return self->outbox_count;
}
