/* zc-local-store-edit.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <string.h>

#include "zc-archive-workflow.h"
#include "zc-form-schema.h"
#include "zc-form-validator.h"
#include "zc-json.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-private.h"

/* Writes: every edit is one BEGIN IMMEDIATE transaction that writes the
 * record and its outbox row, after the shared form validator and the
 * archive workflow have agreed to it. */

/* Checks of what an edit may write */

static ZcFormSchema *
lookup_schema_for_kind (const char  *kind,
                        GError     **error)
{
  const char *form_id = NULL;
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_strcmp0 (kind, ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0)
    form_id = "personal-info";
  else if (kind != NULL && zc_record_kind_is_valid (kind))
    form_id = zc_local_store_kind_get_form_id (kind);

  if (form_id != NULL)
    schema = zc_form_schema_lookup (form_id, &local_error);

  if (schema == NULL ||
      (g_strcmp0 (kind, ZC_LOCAL_STORE_PERSONAL_INFO_KIND) != 0 &&
       zc_form_schema_get_kind (schema) != ZC_FORM_KIND_ARCHIVE_CATEGORY &&
       zc_form_schema_get_kind (schema) != ZC_FORM_KIND_SERIES_BLOCK))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "“%s” is not a kind of archive entry", kind != NULL ? kind : "");
      return NULL;
    }

  return g_steal_pointer (&schema);
}

/* The shared validator, so an entry the store accepts is one the
 * server accepts too; the message names the first field at fault. */
static gboolean
validate_body (ZcFormSchema  *schema,
               JsonObject    *body,
               GError       **error)
{
  ZcValidationContext context;
  g_autoptr(GPtrArray) errors = NULL;
  const ZcFieldError *first;

  zc_validation_context_init (&context);
  if (zc_form_validate (schema, body, &context, ZC_LANGUAGE_LOCALE, &errors))
    return TRUE;

  first = errors != NULL && errors->len > 0 ? g_ptr_array_index (errors, 0) : NULL;
  g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
               "%s", first != NULL ? first->message : "invalid");
  return FALSE;
}

/* The files a body names, which must all be in the blob table already;
 * returns those not uploaded yet, which the outbox row then waits for. */
/**
 * zc_local_store_blobs_waiting:
 * @sha256s: (element-type utf8): the files a change names
 *
 * Every file must be in the blob table (added with its bytes before the
 * edit); those not uploaded yet are returned, once each, and the outbox
 * row waits for them.
 */
GPtrArray *
zc_local_store_blobs_waiting (ZcLocalStore  *self,
                              GPtrArray     *sha256s,
                              GError       **error)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = zc_local_store_prepare (self, "SELECT uploaded FROM blobs WHERE sha256 = ?", error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < sha256s->len; i++)
    {
      const char *sha256 = g_ptr_array_index (sha256s, i);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                       "The attached file %s is not in the local store", sha256);
          sqlite3_finalize (stmt);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          zc_local_store_set_db_error (self, error, "Reading the attachments failed");
          sqlite3_finalize (stmt);
          return NULL;
        }
      if (sqlite3_column_int (stmt, 0) == 0 &&
          !g_ptr_array_find_with_equal_func (waiting, sha256, g_str_equal, NULL))
        g_ptr_array_add (waiting, g_strdup (sha256));
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&waiting);
}

/* The files the attachments fields of an archive entry name. */
static GPtrArray *
collect_blobs (ZcLocalStore  *self,
               ZcFormSchema  *schema,
               JsonObject    *body,
               GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < zc_form_schema_get_n_fields (schema); i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, i);
      JsonNode *value = json_object_get_member (body, zc_form_field_get_id (field));
      JsonArray *files;

      if (zc_form_field_get_field_type (field) != ZC_FIELD_ATTACHMENTS ||
          value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
        continue;

      files = json_node_get_array (value);
      for (guint j = 0; j < json_array_get_length (files); j++)
        {
          JsonNode *file = json_array_get_element (files, j);
          JsonNode *sha_node = JSON_NODE_HOLDS_OBJECT (file)
            ? json_object_get_member (json_node_get_object (file), "sha256") : NULL;

          /* a file without a name has been refused by the validator */
          if (sha_node != NULL && JSON_NODE_HOLDS_VALUE (sha_node) &&
              json_node_get_value_type (sha_node) == G_TYPE_STRING)
            g_ptr_array_add (names, (gpointer) json_node_get_string (sha_node));
        }
    }

  return zc_local_store_blobs_waiting (self, names, error);
}

/**
 * zc_local_store_insert_outbox:
 * @expected_state: (nullable): the state the user saw, for actions
 * @blobs: (nullable) (element-type utf8): files the change names, to
 *   upload before it is sent
 *
 * Queues one mutation inside the caller's transaction.
 */
gboolean
zc_local_store_insert_outbox (ZcLocalStore  *self,
                              const char    *name,
                              const char    *record_id,
                              gint64         base_version,
                              const char    *expected_state,
                              JsonObject    *args,
                              GPtrArray     *blobs,
                              gint64         now,
                              GError       **error)
{
  g_autofree char *args_text = zc_local_store_object_to_string (args);
  sqlite3_stmt *stmt;
  gint64 mutation_id;

  stmt = zc_local_store_prepare (self,
                                 "INSERT INTO outbox (name, record_id, base_version, expected_state, args, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, base_version);
  sqlite3_bind_text (stmt, 4, expected_state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, args_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!zc_local_store_step_done (self, stmt, error))
    return FALSE;

  mutation_id = sqlite3_last_insert_rowid (self->db);
  for (guint i = 0; blobs != NULL && i < blobs->len; i++)
    {
      stmt = zc_local_store_prepare (self, "INSERT INTO outbox_blobs (mutation_id, sha256) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, mutation_id);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (blobs, i), -1, SQLITE_TRANSIENT);
      if (!zc_local_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static JsonObject *
put_args (const char *kind,
          JsonObject *body)
{
  JsonObject *args = json_object_new ();

  json_object_set_string_member (args, "kind", kind);
  json_object_set_object_member (args, "body", zc_json_object_copy_deep (body));
  return args;
}

static gboolean
workflow_error_to_store (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain == ZC_WORKFLOW_ERROR)
    {
      (*error)->domain = ZC_LOCAL_STORE_ERROR;
      (*error)->code = ZC_LOCAL_STORE_ERROR_NOT_ALLOWED;
    }
  return FALSE;
}

/* Public API: edits */

/**
 * zc_local_store_create_entry:
 * @kind: "archive:<form id>" of an archive category or series block
 * @body: the fields; checked with the shared validator
 *
 * Stores a new entry, pending review, and queues it for the server.
 *
 * Returns: (transfer full): the stored entry
 */
ZcRecord *
zc_local_store_create_entry (ZcLocalStore  *self,
                             const char    *kind,
                             JsonObject    *body,
                             GError       **error)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(GPtrArray) blobs = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(ZcRecord) record = NULL;
  g_autofree char *body_text = NULL;
  ZcReviewState state;
  sqlite3_stmt *stmt;
  gint64 now = zc_local_store_now ();

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  schema = lookup_schema_for_kind (kind, error);
  if (schema == NULL)
    return NULL;
  if (zc_form_schema_get_kind (schema) == ZC_FORM_KIND_PERSONAL_INFO)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "“%s” is not a kind of archive entry", kind);
      return NULL;
    }
  if (!validate_body (schema, body, error))
    return NULL;
  if (!zc_archive_workflow_check_new (ZC_ARCHIVE_ACTION_CREATE, ZC_ROLE_APPLICANT, &state,
                                      ZC_LANGUAGE_LOCALE, error))
    {
      workflow_error_to_store (error);
      return NULL;
    }

  record = zc_record_new (NULL, kind, self->owner_id);
  zc_record_set_body (record, body);
  zc_record_set_state (record, zc_review_state_to_string (state));
  body_text = zc_local_store_object_to_string (body);
  args = put_args (kind, body);

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  blobs = collect_blobs (self, schema, body, error);
  if (blobs == NULL)
    goto fail;

  stmt = zc_local_store_prepare (self,
                  "INSERT INTO records (id, kind, owner_id, server_version, body, state, deleted, dirty,"
                  " created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, 0, 1, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, zc_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->owner_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, body_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, zc_record_get_state (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, now);
  if (!zc_local_store_step_done (self, stmt, error) ||
      !zc_local_store_insert_outbox (self, ZC_LOCAL_STORE_MUTATION_PUT, zc_record_get_id (record), 0, NULL,
                                     args, blobs, now, error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  {
    g_autoptr(GDateTime) time = zc_local_store_time_from_usec (now);
    zc_record_set_created_at (record, time);
    zc_record_set_updated_at (record, time);
  }
  zc_local_store_emit_changed (self, zc_record_get_id (record), kind);
  return g_steal_pointer (&record);

fail:
  zc_local_store_rollback (self);
  return NULL;
}

/* Reads an existing, live archive entry inside the open transaction. */
static ZcRecord *
read_entry_for_edit (ZcLocalStore   *self,
                     const char     *id,
                     ZcReviewState  *state_out,
                     GError        **error)
{
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!zc_json_is_uuid (id))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "“%s” is not a record id", id);
      return NULL;
    }

  record = zc_local_store_read_record (self, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (record == NULL || zc_record_get_deleted (record) ||
      zc_local_store_kind_get_form_id (zc_record_get_kind (record)) == NULL)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND,
                   "There is no archive entry %s", id);
      return NULL;
    }
  if (!zc_review_state_from_string (zc_record_get_state (record), state_out))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                   "The archive entry %s has no valid review state", id);
      return NULL;
    }

  return g_steal_pointer (&record);
}

/**
 * zc_local_store_update_entry:
 * @body: the complete new body
 *
 * Replaces an entry's body.  The archive workflow decides: an approved
 * or returned entry goes back to pending, a rejected one is refused
 * with %ZC_LOCAL_STORE_ERROR_NOT_ALLOWED.  A body equal to the stored
 * one changes nothing and queues nothing.  A declaration goes to
 * zc_local_store_save_declaration() (so conflict choices save too).
 *
 * Returns: (transfer full): the stored entry
 */
ZcRecord *
zc_local_store_update_entry (ZcLocalStore  *self,
                             const char    *id,
                             JsonObject    *body,
                             GError       **error)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(GPtrArray) blobs = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *body_text = NULL;
  ZcReviewState from, to;
  sqlite3_stmt *stmt;
  gint64 now = zc_local_store_now ();

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* a declaration is checked by its own codec, not a form */
  if (zc_json_is_uuid (id))
    {
      g_autoptr(ZcRecord) existing = zc_local_store_read_record (self, id, NULL);

      if (existing != NULL && g_strcmp0 (zc_record_get_kind (existing), ZC_DECLARATION_KIND) == 0)
        return zc_local_store_save_declaration (self, id, body, error);
    }

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  record = read_entry_for_edit (self, id, &from, error);
  if (record == NULL)
    goto fail;
  if (!zc_archive_workflow_check (from, ZC_ARCHIVE_ACTION_EDIT, ZC_ROLE_APPLICANT, NULL, &to,
                                  ZC_LANGUAGE_LOCALE, error))
    {
      workflow_error_to_store (error);
      goto fail;
    }

  schema = lookup_schema_for_kind (zc_record_get_kind (record), error);
  if (schema == NULL || !validate_body (schema, body, error))
    goto fail;

  /* saving what is there already is no edit: an approved entry stays
   * approved, and nothing is queued */
  if (zc_json_object_equal (zc_record_get_body (record), body))
    {
      zc_local_store_rollback (self);
      return g_steal_pointer (&record);
    }

  blobs = collect_blobs (self, schema, body, error);
  if (blobs == NULL)
    goto fail;

  body_text = zc_local_store_object_to_string (body);
  args = put_args (zc_record_get_kind (record), body);
  stmt = zc_local_store_prepare (self, "UPDATE records SET body = ?, state = ?, dirty = 1, updated_at = ? WHERE id = ?",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, body_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, zc_review_state_to_string (to), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_TRANSIENT);
  if (!zc_local_store_step_done (self, stmt, error) ||
      !zc_local_store_insert_outbox (self, ZC_LOCAL_STORE_MUTATION_PUT, id, zc_record_get_version (record), NULL,
                                     args, blobs, now, error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  time = zc_local_store_time_from_usec (now);
  zc_record_set_body (record, body);
  zc_record_set_state (record, zc_review_state_to_string (to));
  zc_record_set_updated_at (record, time);
  zc_local_store_emit_changed (self, id, zc_record_get_kind (record));
  return g_steal_pointer (&record);

fail:
  zc_local_store_rollback (self);
  return NULL;
}

/**
 * zc_local_store_delete_entry:
 *
 * Turns an entry into a tombstone and queues the deletion.  Approved
 * and rejected entries cannot be deleted (docs/workflow.md).
 */
gboolean
zc_local_store_delete_entry (ZcLocalStore  *self,
                             const char    *id,
                             GError       **error)
{
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(JsonObject) args = NULL;
  ZcReviewState from, to;
  sqlite3_stmt *stmt;
  gint64 now = zc_local_store_now ();

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  record = read_entry_for_edit (self, id, &from, error);
  if (record == NULL)
    goto fail;
  if (!zc_archive_workflow_check (from, ZC_ARCHIVE_ACTION_DELETE, ZC_ROLE_APPLICANT, NULL, &to,
                                  ZC_LANGUAGE_LOCALE, error))
    {
      workflow_error_to_store (error);
      goto fail;
    }

  args = json_object_new ();
  json_object_set_string_member (args, "kind", zc_record_get_kind (record));
  stmt = zc_local_store_prepare (self, "UPDATE records SET deleted = 1, dirty = 1, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (!zc_local_store_step_done (self, stmt, error) ||
      !zc_local_store_insert_outbox (self, ZC_LOCAL_STORE_MUTATION_DELETE, id, zc_record_get_version (record), NULL,
                                     args, NULL, now, error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  zc_local_store_emit_changed (self, id, zc_record_get_kind (record));
  return TRUE;

fail:
  zc_local_store_rollback (self);
  return FALSE;
}

/**
 * zc_local_store_save_personal_info:
 *
 * Creates or replaces the one personal-information record, checked
 * against the personal-information form, and queues it.
 *
 * Returns: (transfer full): the stored record
 */
ZcRecord *
zc_local_store_save_personal_info (ZcLocalStore  *self,
                                   JsonObject    *body,
                                   GError       **error)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(GPtrArray) blobs = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *body_text = NULL;
  sqlite3_stmt *stmt;
  gint64 now = zc_local_store_now ();

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  schema = lookup_schema_for_kind (ZC_LOCAL_STORE_PERSONAL_INFO_KIND, error);
  if (schema == NULL || !validate_body (schema, body, error))
    return NULL;

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  record = zc_local_store_get_personal_info (self, error);
  if (record == NULL && error != NULL && *error != NULL)
    goto fail;
  if (record == NULL)
    record = zc_record_new (NULL, ZC_LOCAL_STORE_PERSONAL_INFO_KIND, self->owner_id);

  blobs = collect_blobs (self, schema, body, error);
  if (blobs == NULL)
    goto fail;

  body_text = zc_local_store_object_to_string (body);
  args = put_args (ZC_LOCAL_STORE_PERSONAL_INFO_KIND, body);
  stmt = zc_local_store_prepare (self,
                  "INSERT INTO records (id, kind, owner_id, server_version, body, deleted, dirty,"
                  " created_at, updated_at) VALUES (?1, ?2, ?3, 0, ?4, 0, 1, ?5, ?5) "
                  "ON CONFLICT (id) DO UPDATE SET body = ?4, dirty = 1, updated_at = ?5", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, zc_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ZC_LOCAL_STORE_PERSONAL_INFO_KIND, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->owner_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, body_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!zc_local_store_step_done (self, stmt, error) ||
      !zc_local_store_insert_outbox (self, ZC_LOCAL_STORE_MUTATION_PUT, zc_record_get_id (record),
                                     zc_record_get_version (record), NULL, args, blobs, now, error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  time = zc_local_store_time_from_usec (now);
  zc_record_set_body (record, body);
  zc_record_set_updated_at (record, time);
  zc_local_store_emit_changed (self, zc_record_get_id (record), ZC_LOCAL_STORE_PERSONAL_INFO_KIND);
  return g_steal_pointer (&record);

fail:
  zc_local_store_rollback (self);
  return NULL;
}

/**
 * zc_local_store_put_server_record:
 *
 * Stores @record as the server has it (its version, state and comment),
 * clean and without an outbox row, replacing the local copy.  Archive
 * entries need a review state.  The sync engine calls this for pulled
 * changes; rebasing pending local edits on top is its job.
 */
gboolean
zc_local_store_put_server_record (ZcLocalStore  *self,
                                  ZcRecord      *record,
                                  GError       **error)
{
  g_autofree char *body_text = NULL;
  ZcReviewState state;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (zc_local_store_kind_get_form_id (zc_record_get_kind (record)) != NULL &&
      !zc_review_state_from_string (zc_record_get_state (record), &state))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "The archive entry %s has no valid review state", zc_record_get_id (record));
      return FALSE;
    }

  body_text = zc_local_store_object_to_string (zc_record_get_body (record));
  stmt = zc_local_store_prepare (self,
                  "INSERT INTO records (" ZC_LOCAL_STORE_RECORD_COLUMNS ", dirty) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0) "
                  "ON CONFLICT (id) DO UPDATE SET kind = ?2, owner_id = ?3, server_version = ?4, body = ?5,"
                  " state = ?6, review_comment = ?7, deleted = ?8, created_at = ?9, updated_at = ?10, dirty = 0",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, zc_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, zc_record_get_kind (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, zc_record_get_owner_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, zc_record_get_version (record));
  sqlite3_bind_text (stmt, 5, body_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, zc_record_get_state (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, zc_record_get_review_comment (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, zc_record_get_deleted (record) ? 1 : 0);
  sqlite3_bind_int64 (stmt, 9, zc_local_store_time_to_usec (zc_record_get_created_at (record)));
  sqlite3_bind_int64 (stmt, 10, zc_local_store_time_to_usec (zc_record_get_updated_at (record)));
  if (!zc_local_store_step_done (self, stmt, error))
    return FALSE;

  zc_local_store_emit_changed (self, zc_record_get_id (record), zc_record_get_kind (record));
  return TRUE;
}
