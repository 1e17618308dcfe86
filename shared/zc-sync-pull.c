/* zc-sync-pull.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync-pull"

#include "config.h"

#include "zc-sync-pull.h"
#include "zc-sync-message-private.h"

/* The messages of a pull: ZcPullRequest from the client, ZcPullResponse
 * with its ZcChange list from the server.  Both carry an encoded
 * ZcSyncCursor (zc-sync-cursor.c). */

/* ---- ZcPullRequest ----------------------------------------------------- */

static const char * const pull_request_members[] = { "client_id", "cursor", "limit", NULL };

/**
 * zc_pull_request_new:
 * @cursor: (nullable): an encoded cursor, or %NULL to start from the beginning
 */
ZcPullRequest *
zc_pull_request_new (const char *client_id,
                     const char *cursor,
                     gint64      limit)
{
  ZcPullRequest *request;

  g_return_val_if_fail (client_id != NULL, NULL);

  request = g_new0 (ZcPullRequest, 1);
  request->client_id = g_strdup (client_id);
  request->cursor = g_strdup (cursor);
  request->limit = limit;

  return request;
}

void
zc_pull_request_free (ZcPullRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->client_id);
  g_free (request->cursor);
  g_free (request);
}

gboolean
zc_pull_request_equal (const ZcPullRequest *a,
                       const ZcPullRequest *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->client_id, b->client_id) == 0 &&
         g_strcmp0 (a->cursor, b->cursor) == 0 &&
         a->limit == b->limit;
}

/* Checks an encoded cursor member; *out gets the decoded cursor. */
static gboolean
get_cursor (JsonObject    *object,
            gboolean       required,
            const char   **text,
            ZcSyncCursor **out,
            GError       **error)
{
  if (!zc_json_get_string (object, "cursor", required, text, error))
    return FALSE;
  if (*text == NULL)
    return TRUE;

  *out = zc_sync_cursor_decode (*text, error);
  if (*out == NULL)
    {
      zc_json_prefix_error (error, "cursor");
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_pull_request_from_json:
 *
 * `cursor` may be null or absent; `limit` may be absent
 * (%ZC_SYNC_DEFAULT_PULL_LIMIT).
 */
ZcPullRequest *
zc_pull_request_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(ZcSyncCursor) cursor = NULL;
  JsonObject *object;
  const char *client_id, *cursor_text;
  gint64 limit = ZC_SYNC_DEFAULT_PULL_LIMIT;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, pull_request_members, error) ||
      !zc_json_get_uuid (object, "client_id", TRUE, &client_id, error) ||
      !get_cursor (object, FALSE, &cursor_text, &cursor, error) ||
      !zc_json_get_int64 (object, "limit", FALSE, 1, ZC_SYNC_MAX_PULL_LIMIT, &limit, error))
    return NULL;

  return zc_pull_request_new (client_id, cursor_text, limit);
}

JsonNode *
zc_pull_request_to_json (const ZcPullRequest *request)
{
  JsonObject *object;

  g_return_val_if_fail (request != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "client_id", request->client_id);
  json_object_set_string_member (object, "cursor", request->cursor);
  json_object_set_int_member (object, "limit", request->limit);

  return zc_sync_node_take_object (object);
}

/* ---- ZcChange ---------------------------------------------------------- */

static const char * const put_members[] = { "op", "seq", "record", NULL };
static const char * const delete_members[] = { "op", "seq", "record_id", "kind", NULL };

ZcChange *
zc_change_new_put (gint64    seq,
                   ZcRecord *record)
{
  ZcChange *change;

  g_return_val_if_fail (record != NULL, NULL);

  change = g_new0 (ZcChange, 1);
  change->op = ZC_CHANGE_PUT;
  change->seq = seq;
  change->record = zc_record_ref (record);

  return change;
}

ZcChange *
zc_change_new_delete (gint64      seq,
                      const char *record_id,
                      const char *kind)
{
  ZcChange *change;

  g_return_val_if_fail (record_id != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  change = g_new0 (ZcChange, 1);
  change->op = ZC_CHANGE_DELETE;
  change->seq = seq;
  change->record_id = g_strdup (record_id);
  change->kind = g_strdup (kind);

  return change;
}

void
zc_change_free (ZcChange *change)
{
  if (change == NULL)
    return;

  g_clear_pointer (&change->record, zc_record_unref);
  g_free (change->record_id);
  g_free (change->kind);
  g_free (change);
}

/**
 * zc_change_get_record_id:
 *
 * Returns: the id of the record the change is about, for either op
 */
const char *
zc_change_get_record_id (const ZcChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  if (change->record != NULL)
    return zc_record_get_id (change->record);

  return change->record_id;
}

gboolean
zc_change_equal (const ZcChange *a,
                 const ZcChange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->op != b->op || a->seq != b->seq ||
      (a->record == NULL) != (b->record == NULL) ||
      (a->record != NULL && !zc_record_equal (a->record, b->record)))
    return FALSE;

  return g_strcmp0 (a->record_id, b->record_id) == 0 && g_strcmp0 (a->kind, b->kind) == 0;
}

ZcChange *
zc_change_from_json (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(ZcRecord) record = NULL;
  JsonObject *object;
  JsonNode *record_node;
  const char *op, *record_id, *kind;
  gint64 seq = 0;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_get_string (object, "op", TRUE, &op, error))
    return NULL;

  if (g_str_equal (op, "put"))
    {
      if (!zc_json_check_members (object, put_members, error) ||
          !zc_json_get_int64 (object, "seq", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER, &seq, error) ||
          !zc_sync_get_any (object, "record", &record_node, error))
        return NULL;

      record = zc_record_from_json (record_node, error);
      if (record == NULL)
        {
          zc_json_prefix_error (error, "record");
          return NULL;
        }

      return zc_change_new_put (seq, record);
    }

  if (g_str_equal (op, "delete"))
    {
      if (!zc_json_check_members (object, delete_members, error) ||
          !zc_json_get_int64 (object, "seq", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER, &seq, error) ||
          !zc_json_get_uuid (object, "record_id", TRUE, &record_id, error) ||
          !zc_json_get_string (object, "kind", TRUE, &kind, error))
        return NULL;

      if (!zc_record_kind_is_valid (kind))
        {
          zc_sync_set_invalid (error, "kind", "1 to 64 characters of a-z, 0-9, ':' and '-'");
          return NULL;
        }

      return zc_change_new_delete (seq, record_id, kind);
    }

  zc_sync_set_invalid (error, "op", "\"put\" or \"delete\"");
  return NULL;
}

JsonNode *
zc_change_to_json (const ZcChange *change)
{
  JsonObject *object;

  g_return_val_if_fail (change != NULL, NULL);

  object = json_object_new ();
  switch (change->op)
    {
    case ZC_CHANGE_PUT:
      json_object_set_string_member (object, "op", "put");
      json_object_set_int_member (object, "seq", change->seq);
      if (change->record != NULL)
        json_object_set_member (object, "record", zc_record_to_json (change->record));
      else
        json_object_set_null_member (object, "record");
      break;
    case ZC_CHANGE_DELETE:
    default:
      json_object_set_string_member (object, "op", "delete");
      json_object_set_int_member (object, "seq", change->seq);
      json_object_set_string_member (object, "record_id", change->record_id);
      json_object_set_string_member (object, "kind", change->kind);
      break;
    }

  return zc_sync_node_take_object (object);
}

/* ---- ZcPullResponse ---------------------------------------------------- */

static const char * const pull_response_members[] = {
  "cursor", "server_epoch", "last_mutation_id", "reset", "has_more", "changes", "rejections", NULL
};

/**
 * zc_pull_response_new:
 * @seq: the sequence number the response's cursor points at
 *
 * Returns: (transfer full): a response with no changes and no rejections
 */
ZcPullResponse *
zc_pull_response_new (const char *server_epoch,
                      gint64      seq,
                      gint64      last_mutation_id)
{
  g_autoptr(ZcSyncCursor) cursor = NULL;
  ZcPullResponse *response;

  g_return_val_if_fail (zc_sync_epoch_is_valid (server_epoch), NULL);
  g_return_val_if_fail (seq >= 0, NULL);

  cursor = zc_sync_cursor_new (server_epoch, seq);
  response = g_new0 (ZcPullResponse, 1);
  response->cursor = zc_sync_cursor_encode (cursor);
  response->server_epoch = g_strdup (server_epoch);
  response->last_mutation_id = last_mutation_id;
  response->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_change_free);
  response->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_rejection_free);

  return response;
}

void
zc_pull_response_free (ZcPullResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->cursor);
  g_free (response->server_epoch);
  g_clear_pointer (&response->changes, g_ptr_array_unref);
  g_clear_pointer (&response->rejections, g_ptr_array_unref);
  g_free (response);
}

gboolean
zc_pull_response_equal (const ZcPullResponse *a,
                        const ZcPullResponse *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->cursor, b->cursor) == 0 &&
         g_strcmp0 (a->server_epoch, b->server_epoch) == 0 &&
         a->last_mutation_id == b->last_mutation_id &&
         !a->reset == !b->reset &&
         !a->has_more == !b->has_more &&
         zc_sync_array_equal (a->changes, b->changes, (ZcSyncEqualFunc) zc_change_equal) &&
         zc_sync_array_equal (a->rejections, b->rejections, (ZcSyncEqualFunc) zc_rejection_equal);
}

/**
 * zc_pull_response_from_json:
 *
 * Also checks that the cursor belongs to `server_epoch` and is not
 * behind the last change, that change sequence numbers increase, and
 * that rejections concern consumed mutations only.
 */
ZcPullResponse *
zc_pull_response_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(ZcPullResponse) response = NULL;
  g_autoptr(ZcSyncCursor) cursor = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  JsonObject *object;
  const char *cursor_text, *epoch;
  gint64 last_mutation_id = 0;
  gboolean reset = FALSE, has_more = FALSE;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, pull_response_members, error) ||
      !get_cursor (object, TRUE, &cursor_text, &cursor, error) ||
      !zc_json_get_string (object, "server_epoch", TRUE, &epoch, error))
    return NULL;

  if (!zc_sync_epoch_is_valid (epoch))
    {
      zc_sync_set_invalid (error, "server_epoch", "1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
      return NULL;
    }
  if (!g_str_equal (cursor->epoch, epoch))
    {
      zc_sync_set_invalid (error, "cursor", "a cursor of the epoch in server_epoch");
      return NULL;
    }

  if (!zc_json_get_int64 (object, "last_mutation_id", TRUE, 0, ZC_JSON_MAX_SAFE_INTEGER,
                          &last_mutation_id, error) ||
      !zc_json_get_boolean (object, "reset", TRUE, &reset, error) ||
      !zc_json_get_boolean (object, "has_more", TRUE, &has_more, error))
    return NULL;

  changes = zc_sync_array_from_json (object, "changes", ZC_SYNC_MAX_PULL_LIMIT,
                                     (ZcSyncFromJsonFunc) zc_change_from_json,
                                     (GDestroyNotify) zc_change_free, error);
  if (changes == NULL)
    return NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      ZcChange *change = g_ptr_array_index (changes, i);
      gint64 previous = i > 0 ? ((ZcChange *) g_ptr_array_index (changes, i - 1))->seq : 0;

      if (change->seq <= previous)
        {
          g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                       "changes[%u].seq: must be greater than %" G_GINT64_FORMAT,
                       i, previous);
          return NULL;
        }
      if (change->seq > cursor->seq)
        {
          g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                       "changes[%u].seq: beyond the cursor's sequence number %" G_GINT64_FORMAT,
                       i, cursor->seq);
          return NULL;
        }
    }

  rejections = zc_sync_array_from_json (object, "rejections", G_MAXUINT,
                                        (ZcSyncFromJsonFunc) zc_rejection_from_json,
                                        (GDestroyNotify) zc_rejection_free, error);
  if (rejections == NULL)
    return NULL;

  for (guint i = 0; i < rejections->len; i++)
    {
      ZcRejection *rejection = g_ptr_array_index (rejections, i);

      if (!zc_sync_check_consumed (rejection->mutation_id, last_mutation_id, "rejections", i, error))
        return NULL;
    }

  response = zc_pull_response_new (epoch, cursor->seq, last_mutation_id);
  response->reset = reset;
  response->has_more = has_more;
  g_ptr_array_unref (response->changes);
  response->changes = g_steal_pointer (&changes);
  g_ptr_array_unref (response->rejections);
  response->rejections = g_steal_pointer (&rejections);

  return g_steal_pointer (&response);
}

JsonNode *
zc_pull_response_to_json (const ZcPullResponse *response)
{
  JsonObject *object;

  g_return_val_if_fail (response != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "cursor", response->cursor);
  json_object_set_string_member (object, "server_epoch", response->server_epoch);
  json_object_set_int_member (object, "last_mutation_id", response->last_mutation_id);
  json_object_set_boolean_member (object, "reset", response->reset);
  json_object_set_boolean_member (object, "has_more", response->has_more);
  zc_sync_array_to_json (object, "changes", response->changes, (ZcSyncToJsonFunc) zc_change_to_json);
  zc_sync_array_to_json (object, "rejections", response->rejections, (ZcSyncToJsonFunc) zc_rejection_to_json);

  return zc_sync_node_take_object (object);
}
