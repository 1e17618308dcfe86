/* zc-local-store-home.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <string.h>

#include "zc-local-store-home.h"
#include "zc-local-store-plans.h"
#include "zc-local-store-private.h"
#include "zc-local-store-sync-private.h"

/* Reads for the home page.  The messages, rejections and conflicts
 * tables are filled by the sync engine; here they are only read. */

#define IS_ARCHIVE_KIND "substr (kind, 1, 8) = 'archive:'"

void
zc_attention_item_free (ZcAttentionItem *item)
{
  if (item == NULL)
    return;

  g_clear_pointer (&item->record, zc_record_unref);
  g_free (item->record_id);
  g_free (item->detail);
  g_free (item->code);
  g_free (item);
}

void
zc_stored_message_free (ZcStoredMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->id);
  g_free (message->kind);
  g_free (message->title);
  g_free (message->body);
  g_free (message->record_id);
  g_free (message);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Rejected changes and conflicts: what sync could not settle alone. */
static gboolean
add_sync_items (ZcLocalStore  *self,
                GPtrArray     *items,
                GError       **error)
{
  static const char *queries[] = {
    "SELECT record_id, code, message, created_at FROM rejections WHERE dismissed = 0 "
    "ORDER BY created_at DESC, mutation_id DESC",
    "SELECT record_id, NULL, group_concat (field, ','), max (created_at) FROM conflicts WHERE resolved = 0 "
    "GROUP BY record_id ORDER BY 4 DESC, record_id",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = zc_local_store_prepare (self, queries[q], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(ZcAttentionItem) item = g_new0 (ZcAttentionItem, 1);
          g_autoptr(GError) local_error = NULL;

          item->kind = q == 0 ? ZC_ATTENTION_SYNC_REJECTED : ZC_ATTENTION_CONFLICT;
          item->record_id = dup_column (stmt, 0);
          item->code = dup_column (stmt, 1);
          item->detail = dup_column (stmt, 2);
          item->time = sqlite3_column_int64 (stmt, 3);
          /* a record that is gone or damaged still leaves its item */
          if (item->record_id != NULL)
            item->record = zc_local_store_read_record (self, item->record_id, &local_error);
          if (local_error != NULL)
            g_warning ("%s", local_error->message);
          g_ptr_array_add (items, g_steal_pointer (&item));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return zc_local_store_set_db_error (self, error, "Reading the sync problems failed");
    }

  return TRUE;
}

/* Returned, then rejected entries, the latest first. */
static gboolean
add_reviewed_entries (ZcLocalStore  *self,
                      GPtrArray     *items,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = zc_local_store_prepare (self, "SELECT " ZC_LOCAL_STORE_RECORD_COLUMNS " FROM records "
                                 "WHERE " IS_ARCHIVE_KIND " AND deleted = 0 AND state IN ('returned', 'rejected') "
                                 "ORDER BY state = 'rejected', updated_at DESC, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ZcAttentionItem) item = g_new0 (ZcAttentionItem, 1);
      g_autoptr(GError) local_error = NULL;

      item->record = zc_local_store_record_from_row (stmt, &local_error);
      if (item->record == NULL)
        {
          g_warning ("%s", local_error->message);
          continue;
        }
      item->kind = g_strcmp0 (zc_record_get_state (item->record), "returned") == 0
        ? ZC_ATTENTION_RETURNED : ZC_ATTENTION_REJECTED;
      item->record_id = g_strdup (zc_record_get_id (item->record));
      item->detail = g_strdup (zc_record_get_review_comment (item->record));
      item->time = zc_local_store_time_to_usec (zc_record_get_updated_at (item->record));
      g_ptr_array_add (items, g_steal_pointer (&item));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return zc_local_store_set_db_error (self, error, "Reading the reviewed entries failed");

  return TRUE;
}

/**
 * zc_local_store_list_attention:
 *
 * What needs the user: changes the server refused and conflicts first
 * (work of theirs that is not on the server), then returned entries
 * (they can fix them), then rejected ones (to know why).
 *
 * Returns: (transfer full) (element-type ZcAttentionItem): the items
 */
GPtrArray *
zc_local_store_list_attention (ZcLocalStore  *self,
                               GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_attention_item_free);

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!add_sync_items (self, items, error) || !add_reviewed_entries (self, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

/**
 * zc_local_store_list_recent_messages:
 * @limit: the most to return, newest first
 * @n_unread: (out) (optional): how many messages are unread in all
 *
 * Returns: (transfer full) (element-type ZcStoredMessage): the messages
 */
GPtrArray *
zc_local_store_list_recent_messages (ZcLocalStore  *self,
                                     guint          limit,
                                     guint         *n_unread,
                                     GError       **error)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_stored_message_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* messages arrive by pull as records of kind "message" (docs/sync.md) */
  stmt = zc_local_store_prepare (self, "SELECT id, json_extract (body, '$.action'), json_extract (body, '$.title'),"
                                 " json_extract (body, '$.text'), json_extract (body, '$.record_id'), created_at,"
                                 " state = 'read' FROM records WHERE kind = 'message' AND deleted = 0"
                                 " ORDER BY created_at DESC, id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcStoredMessage *message = g_new0 (ZcStoredMessage, 1);

      message->id = dup_column (stmt, 0);
      message->kind = dup_column (stmt, 1);
      message->title = dup_column (stmt, 2);
      message->body = dup_column (stmt, 3);
      message->record_id = dup_column (stmt, 4);
      message->created_at = sqlite3_column_int64 (stmt, 5);
      message->read = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (messages, message);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the messages failed");
      return NULL;
    }

  if (n_unread != NULL)
    {
      stmt = zc_local_store_prepare (self, "SELECT count(*) FROM records"
                                     " WHERE kind = 'message' AND deleted = 0 AND state IS NOT 'read'", error);
      if (stmt == NULL)
        return NULL;
      rc = sqlite3_step (stmt);
      *n_unread = rc == SQLITE_ROW ? (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT) : 0;
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        {
          zc_local_store_set_db_error (self, error, "Counting the messages failed");
          return NULL;
        }
    }

  return g_steal_pointer (&messages);
}

/**
 * zc_local_store_count_archive_states:
 * @counts: (out caller-allocates): live archive entries of every
 *   category and series block, per review state
 */
gboolean
zc_local_store_count_archive_states (ZcLocalStore  *self,
                                     guint          counts[ZC_N_REVIEW_STATES],
                                     GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof (guint) * ZC_N_REVIEW_STATES);
  stmt = zc_local_store_prepare (self, "SELECT state, count(*) FROM records WHERE " IS_ARCHIVE_KIND
                                 " AND deleted = 0 GROUP BY state", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcReviewState state;

      if (zc_review_state_from_string ((const char *) sqlite3_column_text (stmt, 0), &state))
        counts[state] = (guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return zc_local_store_set_db_error (self, error, "Counting the archive failed");

  return TRUE;
}

/* Declarations */

void
zc_declaration_item_free (ZcDeclarationItem *item)
{
  if (item == NULL)
    return;

  g_clear_pointer (&item->record, zc_record_unref);
  g_clear_pointer (&item->plan, zc_plan_unref);
  g_free (item);
}

GDateTime *
zc_declaration_item_get_deadline (ZcDeclarationItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (item->plan == NULL || !item->state_known)
    return NULL;
  if (item->state == ZC_DECLARATION_STATE_DRAFT)
    return zc_plan_get_window (item->plan, ZC_PLAN_WINDOW_FIRST_SUBMISSION_DEADLINE);
  if (item->state == ZC_DECLARATION_STATE_RETURNED)
    return zc_plan_get_window (item->plan, ZC_PLAN_WINDOW_MODIFICATION_DEADLINE);
  return NULL;
}

gboolean
zc_declaration_item_deadline_is_close (ZcDeclarationItem *item,
                                       GDateTime         *now)
{
  GDateTime *deadline;
  GTimeSpan left;

  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  deadline = zc_declaration_item_get_deadline (item);
  if (deadline == NULL || item->n_waiting == 0)
    return FALSE;
  left = g_date_time_difference (deadline, now);
  return left >= 0 && left <= ZC_DECLARATION_DEADLINE_WARNING_DAYS * G_TIME_SPAN_DAY;
}

static const char *
body_string (JsonObject *body,
             const char *name)
{
  JsonNode *node = body != NULL ? json_object_get_member (body, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
body_int (JsonObject *body,
          const char *name)
{
  JsonNode *node = body != NULL ? json_object_get_member (body, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/**
 * zc_local_store_list_declaration_items:
 *
 * Returns: (transfer full) (element-type ZcDeclarationItem): the items
 */
GPtrArray *
zc_local_store_list_declaration_items (ZcLocalStore  *self,
                                  GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_item_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, "SELECT " ZC_LOCAL_STORE_RECORD_COLUMNS ","
                                 " (SELECT count(*) FROM outbox o WHERE o.record_id = records.id"
                                 "  AND o.status != 'rejected')"
                                 " FROM records WHERE kind = 'declaration' AND deleted = 0"
                                 " ORDER BY updated_at DESC, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ZcDeclarationItem) item = g_new0 (ZcDeclarationItem, 1);
      g_autoptr(GError) local_error = NULL;
      JsonObject *body;
      const char *plan_id;

      item->record = zc_local_store_record_from_row (stmt, &local_error);
      if (item->record == NULL)
        {
          g_warning ("%s", local_error->message);
          continue;
        }
      item->n_waiting = (guint) CLAMP (sqlite3_column_int64 (stmt, 10), 0, G_MAXUINT);
      item->state_known = zc_declaration_state_from_string (zc_record_get_state (item->record), &item->state);
      if (!item->state_known)
        item->state = ZC_DECLARATION_STATE_DRAFT;
      body = zc_record_get_body (item->record);
      plan_id = body_string (body, "plan_id");
      if (plan_id != NULL && body_int (body, "plan_version") > 0)
        item->plan = zc_local_store_get_plan (self, plan_id, body_int (body, "plan_version"), NULL);
      g_ptr_array_add (items, g_steal_pointer (&item));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the declarations failed");
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * zc_local_store_list_record_messages:
 *
 * Returns: (transfer full) (element-type ZcRecord): the messages
 */
GPtrArray *
zc_local_store_list_record_messages (ZcLocalStore  *self,
                                     const char    *record_id,
                                     GError       **error)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_record_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, "SELECT " ZC_LOCAL_STORE_RECORD_COLUMNS " FROM records"
                                 " WHERE kind = 'message' AND deleted = 0"
                                 " AND json_extract (body, '$.record_id') = ?"
                                 " ORDER BY created_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      ZcRecord *record = zc_local_store_record_from_row (stmt, &local_error);

      if (record == NULL)
        g_warning ("%s", local_error->message);
      else
        g_ptr_array_add (messages, record);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the messages failed");
      return NULL;
    }

  return g_steal_pointer (&messages);
}

/**
 * zc_local_store_mark_message_read:
 *
 * Marks a message read here and queues `message.read` for the server,
 * in one transaction; a message read already is left alone.
 */
gboolean
zc_local_store_mark_message_read (ZcLocalStore  *self,
                                  const char    *id,
                                  GError       **error)
{
  g_autoptr(ZcRecord) message = NULL;
  g_autoptr(JsonObject) args = json_object_new ();

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  message = zc_local_store_read_record (self, id, error);
  if (message == NULL)
    goto fail;
  if (g_strcmp0 (zc_record_get_kind (message), "message") != 0)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID, "%s is not a message", id);
      goto fail;
    }
  if (g_strcmp0 (zc_record_get_state (message), "read") == 0)
    return zc_local_store_exec (self, "COMMIT", error);

  if (!zc_local_store_run_text (self, "UPDATE records SET state = 'read' WHERE id = ?", id, error) ||
      !zc_local_store_insert_outbox (self, "message.read", id, 0, NULL, args, NULL, zc_local_store_now (), error) ||
      !zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  zc_local_store_emit_changed (self, id, "message");
  return TRUE;

fail:
  zc_local_store_rollback (self);
  return FALSE;
}
