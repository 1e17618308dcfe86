/* zc-local-store-declarations.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-json.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-private.h"

/* Declarations as local records: a draft is written with its
 * "record.put" in one transaction after zc_declaration_body_validate();
 * the applicant's actions are queued, never applied locally (see the
 * header and docs/declarations.md "In the client"). */

static const ZcDeclarationAction queued_actions[] = {
  ZC_DECLARATION_ACTION_SUBMIT,
  ZC_DECLARATION_ACTION_RESUBMIT,
  ZC_DECLARATION_ACTION_WITHDRAW,
  ZC_DECLARATION_ACTION_DISCARD,
};

static gboolean
is_queued_action (ZcDeclarationAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (queued_actions); i++)
    if (queued_actions[i] == action)
      return TRUE;
  return FALSE;
}

static gboolean
validate (JsonObject  *body,
          GError     **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  const ZcFieldError *first;

  if (zc_declaration_body_validate (body, ZC_LANGUAGE_LOCALE, &errors))
    return TRUE;

  first = errors != NULL && errors->len > 0 ? g_ptr_array_index (errors, 0) : NULL;
  g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
               "%s: %s", first != NULL && first->field != NULL ? first->field : "body",
               first != NULL ? first->message : "invalid");
  return FALSE;
}

/* The files the body names must be in the blob table; those not
 * uploaded yet are returned, and the outbox row waits for them. */
static GPtrArray *
collect_blobs (ZcLocalStore  *self,
               JsonObject    *body,
               GError       **error)
{
  g_autoptr(GPtrArray) names = zc_declaration_body_list_blobs (body);

  return zc_local_store_blobs_waiting (self, names, error);
}

static JsonObject *
put_args (JsonObject *body)
{
  JsonObject *args = json_object_new ();

  json_object_set_string_member (args, "kind", ZC_DECLARATION_KIND);
  json_object_set_object_member (args, "body", zc_json_object_copy_deep (body));
  return args;
}

/* -1, or the action of the newest declaration mutation still waiting. */
static int
waiting_action (ZcLocalStore *self,
                const char   *id)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self,
                                               "SELECT name FROM outbox WHERE record_id = ? AND status != 'rejected'"
                                               " AND name LIKE 'declaration.%' ORDER BY mutation_id DESC LIMIT 1",
                                               NULL);
  ZcDeclarationAction action;
  int result = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (name != NULL && g_str_has_prefix (name, ZC_LOCAL_STORE_DECLARATION_MUTATION_PREFIX) &&
          zc_declaration_action_from_string (name + strlen (ZC_LOCAL_STORE_DECLARATION_MUTATION_PREFIX), &action))
        result = (int) action;
    }
  sqlite3_finalize (stmt);
  return result;
}

static gboolean
has_queued_put (ZcLocalStore *self,
                const char   *id)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self,
                                               "SELECT 1 FROM outbox WHERE record_id = ? AND status != 'rejected'"
                                               " AND name = 'record.put' LIMIT 1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* A live declaration, inside or outside a transaction. */
static ZcRecord *
read_declaration (ZcLocalStore  *self,
                  const char    *id,
                  GError       **error)
{
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;

  if (id == NULL || !zc_json_is_uuid (id))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "“%s” is not a record id", id != NULL ? id : "");
      return NULL;
    }
  record = zc_local_store_read_record (self, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (record == NULL || zc_record_get_deleted (record) ||
      g_strcmp0 (zc_record_get_kind (record), ZC_DECLARATION_KIND) != 0)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND,
                   "There is no declaration %s", id);
      return NULL;
    }
  return g_steal_pointer (&record);
}

gboolean
zc_local_store_declaration_get_state (ZcRecord           *declaration,
                                      ZcDeclarationState *state_out)
{
  g_return_val_if_fail (declaration != NULL, FALSE);

  return zc_declaration_state_from_string (zc_record_get_state (declaration), state_out);
}

/**
 * zc_local_store_create_declaration:
 * @plan_id: the plan's UUID
 * @plan_version: the plan version it is made under (≥ 1)
 *
 * A new draft: a fresh id, state "draft", a body of just the plan, and
 * its "record.put" queued.  The server checks the create rules (window,
 * one per year, integrity) when it arrives.
 *
 * Returns: (transfer full): the stored draft
 */
ZcRecord *
zc_local_store_create_declaration (ZcLocalStore  *self,
                                   const char    *plan_id,
                                   gint64         plan_version,
                                   GError       **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GPtrArray) blobs = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *body_text = NULL;
  const char *state = zc_declaration_state_to_string (ZC_DECLARATION_STATE_DRAFT);
  gint64 now = zc_local_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  json_object_set_string_member (body, "plan_id", plan_id);
  json_object_set_int_member (body, "plan_version", plan_version);
  if (!validate (body, error))
    return NULL;

  record = zc_record_new (NULL, ZC_DECLARATION_KIND, self->owner_id);
  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  body_text = zc_local_store_object_to_string (body);
  args = put_args (body);

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  blobs = collect_blobs (self, body, error);
  if (blobs == NULL)
    goto fail;
  stmt = zc_local_store_prepare (self,
                                 "INSERT INTO records (id, kind, owner_id, server_version, body, state, deleted, dirty,"
                                 " created_at, updated_at) VALUES (?1, ?2, ?3, 0, ?4, ?5, 0, 1, ?6, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, zc_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ZC_DECLARATION_KIND, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->owner_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, body_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!zc_local_store_step_done (self, stmt, error) ||
      !zc_local_store_insert_outbox (self, ZC_LOCAL_STORE_MUTATION_PUT, zc_record_get_id (record), 0, NULL,
                                     args, blobs, now, error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  time = zc_local_store_time_from_usec (now);
  zc_record_set_created_at (record, time);
  zc_record_set_updated_at (record, time);
  zc_local_store_emit_changed (self, zc_record_get_id (record), ZC_DECLARATION_KIND);
  return g_steal_pointer (&record);

fail:
  zc_local_store_rollback (self);
  return NULL;
}

static gboolean
editable_locked (ZcLocalStore *self,
                 ZcRecord     *record)
{
  ZcDeclarationState state;

  return zc_local_store_declaration_get_state (record, &state) &&
         zc_declaration_state_is_editable_by_applicant (state) &&
         waiting_action (self, zc_record_get_id (record)) < 0;
}

gboolean
zc_local_store_declaration_is_editable (ZcLocalStore *self,
                                        ZcRecord     *declaration)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (declaration != NULL, FALSE);

  return !zc_record_get_deleted (declaration) && editable_locked (self, declaration);
}

/**
 * zc_local_store_save_declaration:
 * @body: the whole new body; plan_id and plan_version must stay
 *
 * Saves a draft (暂存): checked by zc_declaration_body_validate(), the
 * record and its "record.put" in one transaction.  Only a draft or a
 * returned declaration with no action waiting is edited.  A body equal
 * to the stored one queues nothing.
 *
 * Returns: (transfer full): the stored declaration
 */
ZcRecord *
zc_local_store_save_declaration (ZcLocalStore  *self,
                                 const char    *id,
                                 JsonObject    *body,
                                 GError       **error)
{
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GPtrArray) blobs = NULL;
  g_autoptr(JsonObject) args = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *body_text = NULL;
  JsonObject *old;
  gint64 now = zc_local_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate (body, error))
    return NULL;

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  record = read_declaration (self, id, error);
  if (record == NULL)
    goto fail;
  old = zc_record_get_body (record);
  if (g_strcmp0 (zc_declaration_body_get_plan_id (old), zc_declaration_body_get_plan_id (body)) != 0 ||
      zc_declaration_body_get_plan_version (old) != zc_declaration_body_get_plan_version (body))
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                           _("The plan of a declaration cannot be changed"));
      goto fail;
    }
  if (!editable_locked (self, record))
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED,
                           waiting_action (self, id) >= 0
                           ? _("The declaration waits for the next sync and cannot be changed now")
                           : _("The declaration can be changed only as a draft or after a return"));
      goto fail;
    }
  if (zc_json_object_equal (old, body))
    {
      zc_local_store_rollback (self);
      return g_steal_pointer (&record);
    }

  blobs = collect_blobs (self, body, error);
  if (blobs == NULL)
    goto fail;
  body_text = zc_local_store_object_to_string (body);
  args = put_args (body);
  stmt = zc_local_store_prepare (self, "UPDATE records SET body = ?, dirty = 1, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, body_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
  if (!zc_local_store_step_done (self, stmt, error) ||
      !zc_local_store_insert_outbox (self, ZC_LOCAL_STORE_MUTATION_PUT, id, zc_record_get_version (record), NULL,
                                     args, blobs, now, error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  time = zc_local_store_time_from_usec (now);
  zc_record_set_body (record, body);
  zc_record_set_updated_at (record, time);
  zc_local_store_emit_changed (self, id, ZC_DECLARATION_KIND);
  return g_steal_pointer (&record);

fail:
  zc_local_store_rollback (self);
  return NULL;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ZcRecord *ra = *(ZcRecord * const *) a;
  const ZcRecord *rb = *(ZcRecord * const *) b;
  int order = g_date_time_compare (zc_record_get_created_at (rb), zc_record_get_created_at (ra));

  return order != 0 ? order : g_strcmp0 (zc_record_get_id (ra), zc_record_get_id (rb));
}

GPtrArray *
zc_local_store_list_declarations (ZcLocalStore  *self,
                                  GError       **error)
{
  GPtrArray *records;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  records = zc_local_store_list_records (self, ZC_DECLARATION_KIND, error);
  if (records != NULL)
    g_ptr_array_sort (records, compare_newest_first);
  return records;
}

ZcRecord *
zc_local_store_get_declaration (ZcLocalStore  *self,
                                const char    *id,
                                GError       **error)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_declaration (self, id, error);
}

ZcRecord *
zc_local_store_find_declaration_for_plan (ZcLocalStore  *self,
                                          const char    *plan_id,
                                          GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  records = zc_local_store_list_declarations (self, error);
  if (records == NULL)
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      ZcRecord *record = g_ptr_array_index (records, i);
      ZcDeclarationState state;

      if (g_strcmp0 (zc_declaration_body_get_plan_id (zc_record_get_body (record)), plan_id) != 0)
        continue;
      if (zc_local_store_declaration_get_state (record, &state) && state == ZC_DECLARATION_STATE_DISCARDED)
        continue;
      if (waiting_action (self, zc_record_get_id (record)) == ZC_DECLARATION_ACTION_DISCARD)
        continue;
      return zc_record_ref (record);
    }
  return NULL;
}

int
zc_local_store_get_declaration_waiting_action (ZcLocalStore *self,
                                               const char   *id)
{
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  return waiting_action (self, id);
}

/**
 * zc_local_store_queue_declaration_action:
 * @action: submit, resubmit, withdraw or discard
 *
 * Queues "declaration.<action>" with the local (server's) state as
 * expected_state.  base_version is the version the applicant saw, or 0
 * ("any") when edits of theirs are queued before it: the version those
 * edits produce is not known yet, and they are the applicant's own.
 */
gboolean
zc_local_store_queue_declaration_action (ZcLocalStore         *self,
                                         const char           *id,
                                         ZcDeclarationAction   action,
                                         GError              **error)
{
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *name = NULL;
  ZcDeclarationState from, to;
  gint64 base_version;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) action >= ZC_N_DECLARATION_ACTIONS || !is_queued_action (action))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "Action %d is not one an applicant queues", (int) action);
      return FALSE;
    }

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  record = read_declaration (self, id, error);
  if (record == NULL)
    goto fail;
  if (!zc_local_store_declaration_get_state (record, &from))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                   "The declaration %s has no valid state", id);
      goto fail;
    }
  if (waiting_action (self, id) >= 0)
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED,
                           _("An action on this declaration already waits for the next sync"));
      goto fail;
    }
  /* the applicant's transitions are the same for both plan types */
  if (!zc_declaration_workflow_check (ZC_PLAN_TYPE_REVIEW, from, action, ZC_ROLE_APPLICANT, NULL, &to,
                                      ZC_LANGUAGE_LOCALE, error))
    {
      if (error != NULL && *error != NULL)
        {
          (*error)->domain = ZC_LOCAL_STORE_ERROR;
          (*error)->code = ZC_LOCAL_STORE_ERROR_NOT_ALLOWED;
        }
      goto fail;
    }

  base_version = has_queued_put (self, id) ? 0 : zc_record_get_version (record);
  name = g_strconcat (ZC_LOCAL_STORE_DECLARATION_MUTATION_PREFIX, zc_declaration_action_to_string (action), NULL);
  if (!zc_local_store_insert_outbox (self, name, id, base_version, zc_record_get_state (record), args, NULL,
                                     zc_local_store_now (), error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  zc_local_store_emit_changed (self, id, ZC_DECLARATION_KIND);
  return TRUE;

fail:
  zc_local_store_rollback (self);
  return FALSE;
}
