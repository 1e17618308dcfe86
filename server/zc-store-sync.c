/* zc-store-sync.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <string.h>

#include "zc-store-sql.h"
#include "zc-store-sync.h"

void
zc_sync_client_free (ZcSyncClient *client)
{
  if (client == NULL)
    return;

  g_free (client->id);
  g_free (client->account_id);
  g_free (client);
}

/**
 * zc_store_sync_next_seq:
 * @seq: (out): the new change sequence number
 *
 * Takes the next number.  Writers are serialised, so numbers become
 * visible to readers in order: a pull never skips one that commits
 * later.
 */
gboolean
zc_store_sync_next_seq (ZcStoreTxn  *txn,
                        gint64      *seq,
                        GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (seq != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "UPDATE sync_sequence SET seq = seq + 1 WHERE id = 1 RETURNING seq", error);
  if (stmt == NULL)
    return FALSE;

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      *seq = zc_store_stmt_get_int64 (stmt, 0);
      return zc_store_stmt_run (stmt, error);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "The change sequence is missing");
      return FALSE;
    case ZC_STORE_STEP_ERROR:
    default:
      return FALSE;
    }
}

/**
 * zc_store_sync_get_position:
 * @seq: (out): the last change sequence number taken
 * @horizon: (out): the seq of the newest purged tombstone
 */
gboolean
zc_store_sync_get_position (ZcStoreTxn  *txn,
                            gint64      *seq,
                            gint64      *horizon,
                            GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (seq != NULL && horizon != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "SELECT seq, horizon FROM sync_sequence WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      *seq = zc_store_stmt_get_int64 (stmt, 0);
      *horizon = zc_store_stmt_get_int64 (stmt, 1);
      return TRUE;
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "The change sequence is missing");
      return FALSE;
    case ZC_STORE_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* The horizon only moves forward. */
gboolean
zc_store_sync_raise_horizon (ZcStoreTxn  *txn,
                             gint64       horizon,
                             GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);

  stmt = zc_store_stmt_new (txn, "UPDATE sync_sequence SET horizon = ?1 WHERE id = 1 AND horizon < ?1", error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_int64 (stmt, 1, horizon);

  return zc_store_stmt_run (stmt, error);
}

/* NOT_FOUND for a client never seen. */
ZcSyncClient *
zc_store_sync_get_client (ZcStoreTxn  *txn,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  ZcSyncClient *client;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT id, account_id, last_mutation_id, created_at, last_seen_at"
                            " FROM sync_clients WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, id);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      client = g_new0 (ZcSyncClient, 1);
      client->id = zc_store_stmt_dup_text (stmt, 0);
      client->account_id = zc_store_stmt_dup_text (stmt, 1);
      client->last_mutation_id = zc_store_stmt_get_int64 (stmt, 2);
      client->created_at = zc_store_stmt_get_int64 (stmt, 3);
      client->last_seen_at = zc_store_stmt_get_int64 (stmt, 4);
      return client;
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such sync client");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

/* CONSTRAINT when the id is taken. */
gboolean
zc_store_sync_insert_client (ZcStoreTxn  *txn,
                             const char  *id,
                             const char  *account_id,
                             gint64       now,
                             GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (id != NULL && account_id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO sync_clients (id, account_id, last_mutation_id, created_at, last_seen_at)"
                            " VALUES (?1, ?2, 0, ?3, ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_text (stmt, 2, account_id);
  zc_store_stmt_bind_int64 (stmt, 3, now);

  return zc_store_stmt_run (stmt, error);
}

gboolean
zc_store_sync_set_last_mutation (ZcStoreTxn  *txn,
                                 const char  *id,
                                 gint64       last_mutation_id,
                                 gint64       now,
                                 GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "UPDATE sync_clients SET last_mutation_id = ?2, last_seen_at = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_int64 (stmt, 2, last_mutation_id);
  zc_store_stmt_bind_int64 (stmt, 3, now);
  if (!zc_store_stmt_run (stmt, error))
    return FALSE;
  if (zc_store_stmt_changes (stmt) != 1)
    {
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such sync client");
      return FALSE;
    }

  return TRUE;
}

gboolean
zc_store_sync_insert_rejection (ZcStoreTxn         *txn,
                                const char         *client_id,
                                const ZcRejection  *rejection,
                                gint64              seq,
                                gint64              now,
                                GError            **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (client_id != NULL && rejection != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO sync_rejections (client_id, mutation_id, code, message, seq, created_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, client_id);
  zc_store_stmt_bind_int64 (stmt, 2, rejection->mutation_id);
  zc_store_stmt_bind_text (stmt, 3, rejection->code);
  zc_store_stmt_bind_text (stmt, 4, rejection->message);
  zc_store_stmt_bind_int64 (stmt, 5, seq);
  zc_store_stmt_bind_int64 (stmt, 6, now);

  return zc_store_stmt_run (stmt, error);
}

static GPtrArray *
read_rejections (ZcStoreStmt  *stmt,
                 GError      **error)
{
  g_autoptr(GPtrArray) rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_rejection_free);
  ZcStoreStep step;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    g_ptr_array_add (rejections, zc_rejection_new (zc_store_stmt_get_int64 (stmt, 0),
                                                   zc_store_stmt_get_text (stmt, 1),
                                                   zc_store_stmt_get_text (stmt, 2)));

  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&rejections);
}

/**
 * zc_store_sync_rejections_in_range:
 *
 * Returns: (transfer full) (element-type ZcRejection): the client's
 *   rejections of the mutations @first_mutation_id to @last_mutation_id
 */
GPtrArray *
zc_store_sync_rejections_in_range (ZcStoreTxn  *txn,
                                   const char  *client_id,
                                   gint64       first_mutation_id,
                                   gint64       last_mutation_id,
                                   GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT mutation_id, code, message FROM sync_rejections"
                            " WHERE client_id = ?1 AND mutation_id >= ?2 AND mutation_id <= ?3 ORDER BY mutation_id",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, client_id);
  zc_store_stmt_bind_int64 (stmt, 2, first_mutation_id);
  zc_store_stmt_bind_int64 (stmt, 3, last_mutation_id);

  return read_rejections (stmt, error);
}

/**
 * zc_store_sync_rejections_by_seq:
 *
 * Returns: (transfer full) (element-type ZcRejection): the client's
 *   rejections recorded after change @after_seq up to @up_to_seq, the
 *   newest @limit of them, in mutation order
 */
GPtrArray *
zc_store_sync_rejections_by_seq (ZcStoreTxn  *txn,
                                 const char  *client_id,
                                 gint64       after_seq,
                                 gint64       up_to_seq,
                                 guint        limit,
                                 GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT mutation_id, code, message FROM ("
                            "  SELECT mutation_id, code, message FROM sync_rejections"
                            "  WHERE client_id = ?1 AND seq > ?2 AND seq <= ?3 ORDER BY seq DESC LIMIT ?4"
                            ") newest ORDER BY mutation_id",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, client_id);
  zc_store_stmt_bind_int64 (stmt, 2, after_seq);
  zc_store_stmt_bind_int64 (stmt, 3, up_to_seq);
  zc_store_stmt_bind_int64 (stmt, 4, limit);

  return read_rejections (stmt, error);
}

/* A value is kept as {"value": …}: the strict parser reads objects only. */
static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonNode) wrapper = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_member (object, "value",
                          node != NULL ? json_node_copy (node) : json_node_init_null (json_node_alloc ()));
  json_node_take_object (wrapper, object);

  return zc_json_to_string (wrapper);
}

static JsonNode *
node_from_text (const char *text)
{
  g_autoptr(JsonNode) wrapper = NULL;
  JsonNode *value;

  if (text == NULL || !zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &wrapper, NULL) ||
      (value = json_object_get_member (json_node_get_object (wrapper), "value")) == NULL)
    return json_node_init_null (json_node_alloc ());

  return json_node_copy (value);
}

/**
 * zc_store_sync_insert_conflict:
 * @client_id: (nullable): NULL for an edit through the REST API
 *
 * Keeps the value a client sent for a field the server had changed too
 * (the client's copy of the conflict).  @conflict's mutation_id is 0
 * outside sync.
 */
gboolean
zc_store_sync_insert_conflict (ZcStoreTxn        *txn,
                               const char        *account_id,
                               const char        *client_id,
                               const ZcConflict  *conflict,
                               gint64             now,
                               GError           **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *client_value = NULL;
  g_autofree char *server_value = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (account_id != NULL && conflict != NULL, FALSE);

  client_value = node_to_text (conflict->client_value);
  server_value = node_to_text (conflict->server_value);
  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO sync_conflicts (account_id, client_id, mutation_id, record_id, field,"
                            " client_value, server_value, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, account_id);
  zc_store_stmt_bind_text (stmt, 2, client_id);
  if (conflict->mutation_id > 0)
    zc_store_stmt_bind_int64 (stmt, 3, conflict->mutation_id);
  else
    zc_store_stmt_bind_null (stmt, 3);
  zc_store_stmt_bind_text (stmt, 4, conflict->record_id);
  zc_store_stmt_bind_text (stmt, 5, conflict->field);
  zc_store_stmt_bind_text (stmt, 6, client_value);
  zc_store_stmt_bind_text (stmt, 7, server_value);
  zc_store_stmt_bind_int64 (stmt, 8, now);

  return zc_store_stmt_run (stmt, error);
}

/**
 * zc_store_sync_conflicts_in_range:
 *
 * Returns: (transfer full) (element-type ZcConflict): the conflicts the
 *   client's mutations @first_mutation_id to @last_mutation_id met
 */
GPtrArray *
zc_store_sync_conflicts_in_range (ZcStoreTxn  *txn,
                                  const char  *client_id,
                                  gint64       first_mutation_id,
                                  gint64       last_mutation_id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_conflict_free);
  g_autoptr(ZcStoreStmt) stmt = NULL;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT record_id, field, client_value, server_value, mutation_id FROM sync_conflicts"
                            " WHERE client_id = ?1 AND mutation_id >= ?2 AND mutation_id <= ?3 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, client_id);
  zc_store_stmt_bind_int64 (stmt, 2, first_mutation_id);
  zc_store_stmt_bind_int64 (stmt, 3, last_mutation_id);

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      g_autoptr(JsonNode) client_value = node_from_text (zc_store_stmt_get_text (stmt, 2));
      g_autoptr(JsonNode) server_value = node_from_text (zc_store_stmt_get_text (stmt, 3));

      g_ptr_array_add (conflicts, zc_conflict_new (zc_store_stmt_get_text (stmt, 0),
                                                   zc_store_stmt_get_text (stmt, 1),
                                                   client_value, server_value,
                                                   zc_store_stmt_get_int64 (stmt, 4)));
    }

  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&conflicts);
}
