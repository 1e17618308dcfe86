/* zc-store-messages.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <string.h>

#include "zc-json.h"
#include "zc-store-messages.h"
#include "zc-store-sql.h"

ZcStoredMessage *
zc_stored_message_new (void)
{
  return g_new0 (ZcStoredMessage, 1);
}

void
zc_stored_message_free (ZcStoredMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->id);
  g_free (message->account_id);
  g_free (message->record_id);
  g_free (message->action);
  g_clear_pointer (&message->detail, json_object_unref);
  g_free (message);
}

#define MESSAGE_SELECT \
  "SELECT id, account_id, record_id, action, detail, created_at, read_at, seq FROM messages"

static ZcStoredMessage *
message_from_row (ZcStoreStmt  *stmt,
                  GError      **error)
{
  g_autoptr(ZcStoredMessage) message = zc_stored_message_new ();
  g_autoptr(JsonNode) detail = NULL;
  const char *text = zc_store_stmt_get_text (stmt, 4);

  if (text == NULL || !zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &detail, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (detail))
    {
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "A stored message is not a JSON object");
      return NULL;
    }

  message->id = zc_store_stmt_dup_text (stmt, 0);
  message->account_id = zc_store_stmt_dup_text (stmt, 1);
  message->record_id = zc_store_stmt_dup_text (stmt, 2);
  message->action = zc_store_stmt_dup_text (stmt, 3);
  message->detail = json_object_ref (json_node_get_object (detail));
  message->created_at = zc_store_stmt_get_int64 (stmt, 5);
  message->read_at = zc_store_stmt_is_null (stmt, 6) ? 0 : zc_store_stmt_get_int64 (stmt, 6);
  message->seq = zc_store_stmt_get_int64 (stmt, 7);

  return g_steal_pointer (&message);
}

static GPtrArray *
read_all (ZcStoreStmt  *stmt,
          GError      **error)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_stored_message_free);
  ZcStoreStep step;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      ZcStoredMessage *message = message_from_row (stmt, error);

      if (message == NULL)
        return NULL;
      g_ptr_array_add (messages, message);
    }

  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&messages);
}

gboolean
zc_store_messages_insert (ZcStoreTxn             *txn,
                          const ZcStoredMessage  *message,
                          GError                **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *detail_text = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (message != NULL && message->id != NULL && message->detail != NULL, FALSE);

  detail = json_node_init_object (json_node_alloc (), message->detail);
  detail_text = zc_json_to_string (detail);
  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO messages (id, account_id, record_id, action, detail, created_at, read_at, seq)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, message->id);
  zc_store_stmt_bind_text (stmt, 2, message->account_id);
  zc_store_stmt_bind_text (stmt, 3, message->record_id);
  zc_store_stmt_bind_text (stmt, 4, message->action);
  zc_store_stmt_bind_text (stmt, 5, detail_text);
  zc_store_stmt_bind_int64 (stmt, 6, message->created_at);
  zc_store_stmt_bind_int64 (stmt, 7, message->seq);

  return zc_store_stmt_run (stmt, error);
}

/* NOT_FOUND when there is none. */
ZcStoredMessage *
zc_store_messages_get (ZcStoreTxn  *txn,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, MESSAGE_SELECT " WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, id);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return message_from_row (stmt, error);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such message");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

/**
 * zc_store_messages_list:
 *
 * Returns: (transfer full) (element-type ZcStoredMessage): the account's
 *   messages, newest first
 */
GPtrArray *
zc_store_messages_list (ZcStoreTxn  *txn,
                        const char  *account_id,
                        gboolean     unread_only,
                        guint        limit,
                        guint        offset,
                        GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            MESSAGE_SELECT " WHERE account_id = ?1 AND (?2 = 0 OR read_at IS NULL)"
                            " ORDER BY created_at DESC, seq DESC LIMIT ?3 OFFSET ?4",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, account_id);
  zc_store_stmt_bind_boolean (stmt, 2, unread_only);
  zc_store_stmt_bind_int64 (stmt, 3, limit);
  zc_store_stmt_bind_int64 (stmt, 4, offset);

  return read_all (stmt, error);
}

gboolean
zc_store_messages_count_unread (ZcStoreTxn  *txn,
                                const char  *account_id,
                                gint64      *count,
                                GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (account_id != NULL && count != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "SELECT count(*) FROM messages WHERE account_id = ?1 AND read_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, account_id);
  if (zc_store_stmt_step (stmt, error) != ZC_STORE_STEP_ROW)
    return FALSE;
  *count = zc_store_stmt_get_int64 (stmt, 0);

  return TRUE;
}

/**
 * zc_store_messages_mark_read:
 * @seq: the change seq to give the message
 * @marked: (out): FALSE when it was read already (nothing changed)
 */
gboolean
zc_store_messages_mark_read (ZcStoreTxn  *txn,
                             const char  *id,
                             gint64       now,
                             gint64       seq,
                             gboolean    *marked,
                             GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (id != NULL && marked != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "UPDATE messages SET read_at = ?2, seq = ?3 WHERE id = ?1 AND read_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_int64 (stmt, 2, now);
  zc_store_stmt_bind_int64 (stmt, 3, seq);
  if (!zc_store_stmt_run (stmt, error))
    return FALSE;

  *marked = zc_store_stmt_changes (stmt) == 1;
  return TRUE;
}

/**
 * zc_store_messages_changes:
 *
 * Returns: (transfer full) (element-type ZcStoredMessage): the account's
 *   messages changed after @after_seq, in seq order, at most @limit
 */
GPtrArray *
zc_store_messages_changes (ZcStoreTxn  *txn,
                           const char  *account_id,
                           gint64       after_seq,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, MESSAGE_SELECT " WHERE account_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, account_id);
  zc_store_stmt_bind_int64 (stmt, 2, after_seq);
  zc_store_stmt_bind_int64 (stmt, 3, limit);

  return read_all (stmt, error);
}
