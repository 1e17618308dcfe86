/* zc-sync-service-pull.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-error.h"
#include "zc-message-service.h"
#include "zc-store-messages.h"
#include "zc-store-records.h"
#include "zc-sync-service-private.h"

/* Registers a client seen for the first time in a pull, in a short
 * write transaction of its own (a pull otherwise only reads). */
static gboolean
register_client (ZcContext       *ctx,
                 const ZcCaller  *caller,
                 const char      *client_id,
                 ZcLanguage       language,
                 GError         **error)
{
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (ctx->store, error);
  g_autoptr(ZcSyncClient) client = NULL;

  if (txn == NULL)
    return FALSE;

  client = zc_sync_service_claim_client (txn, caller, client_id, TRUE, zc_context_now (ctx), language, error);
  return client != NULL && zc_store_txn_commit (txn, error);
}

/* Where to read from: after @after_seq, or everything again (@reset)
 * when the cursor cannot be served. */
static gboolean
read_cursor (const char  *text,
             const char  *epoch,
             gint64       seq_now,
             gint64       horizon,
             gint64      *after_seq,
             gboolean    *reset,
             ZcLanguage   language,
             GError     **error)
{
  g_autoptr(ZcSyncCursor) cursor = NULL;
  g_autoptr(GError) local_error = NULL;

  *after_seq = 0;
  *reset = FALSE;
  if (text == NULL)
    return TRUE;

  cursor = zc_sync_cursor_decode (text, &local_error);
  if (cursor == NULL)
    {
      zc_api_set_invalid_field (error, "cursor",
                                zc_translate (language, N_("The sync position is not one this server gave.")));
      return FALSE;
    }

  /* a restored or replaced database, a position from the future, or
   * tombstones the client may have missed */
  if (!g_str_equal (cursor->epoch, epoch) || cursor->seq > seq_now || cursor->seq < horizon)
    {
      *reset = TRUE;
      return TRUE;
    }

  *after_seq = cursor->seq;
  return TRUE;
}

static ZcChange *
change_from_record (const ZcStoredRecord *stored)
{
  g_autoptr(ZcRecord) record = NULL;

  if (stored->deleted)
    return zc_change_new_delete (stored->seq, stored->id, stored->kind);

  record = zc_stored_record_to_record (stored);
  return zc_change_new_put (stored->seq, record);
}

/* Everything of the pull in one read transaction: one consistent view. */
static ZcPullResponse *
pull_in (ZcStoreTxn           *txn,
         const ZcCaller       *caller,
         const ZcPullRequest  *request,
         const char           *epoch,
         ZcLanguage            language,
         GError              **error)
{
  g_autoptr(ZcSyncClient) client = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(ZcPullResponse) response = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_change_free);
  guint limit = (guint) request->limit;
  gint64 seq_now = 0, horizon = 0, after_seq = 0, cursor_seq;
  gboolean reset = FALSE, has_more;
  guint r = 0, m = 0;

  client = zc_sync_service_claim_client (txn, caller, request->client_id, FALSE, 0, language, error);
  if (client == NULL ||
      !zc_store_sync_get_position (txn, &seq_now, &horizon, error) ||
      !read_cursor (request->cursor, epoch, seq_now, horizon, &after_seq, &reset, language, error))
    return NULL;

  /* a full snapshot (from the start) needs no tombstones; the scope
   * (own records, a unit's queue, the declarations a reviewer sees) is
   * the query's filter */
  records = zc_store_records_changes (txn, after_seq, caller->account_id, caller->role, caller->unit_id,
                                      after_seq > 0, limit + 1, error);
  if (records == NULL)
    return NULL;
  messages = zc_store_messages_changes (txn, caller->account_id, after_seq, limit + 1, error);
  if (messages == NULL)
    return NULL;

  /* both lists are in seq order: merge them */
  while (changes->len < limit && (r < records->len || m < messages->len))
    {
      ZcStoredRecord *record = r < records->len ? g_ptr_array_index (records, r) : NULL;
      ZcStoredMessage *message = m < messages->len ? g_ptr_array_index (messages, m) : NULL;

      if (record != NULL && (message == NULL || record->seq < message->seq))
        {
          g_ptr_array_add (changes, change_from_record (record));
          r++;
        }
      else
        {
          g_autoptr(ZcRecord) as_record = zc_message_to_record (message, language);

          g_ptr_array_add (changes, zc_change_new_put (message->seq, as_record));
          m++;
        }
    }
  has_more = r < records->len || m < messages->len;
  cursor_seq = has_more ? ((ZcChange *) g_ptr_array_index (changes, changes->len - 1))->seq : seq_now;

  rejections = zc_store_sync_rejections_by_seq (txn, client->id, after_seq, cursor_seq,
                                                ZC_SYNC_PULL_MAX_REJECTIONS, error);
  if (rejections == NULL)
    return NULL;

  response = zc_pull_response_new (epoch, cursor_seq, client->last_mutation_id);
  response->reset = reset;
  response->has_more = has_more;
  g_ptr_array_extend_and_steal (response->changes, g_steal_pointer (&changes));
  g_ptr_array_extend_and_steal (response->rejections, g_steal_pointer (&rejections));

  return g_steal_pointer (&response);
}

/**
 * zc_sync_service_pull:
 *
 * Returns: (transfer full): the changes after the request's cursor that
 *   the caller may see
 */
ZcPullResponse *
zc_sync_service_pull (ZcContext            *ctx,
                      const ZcCaller       *caller,
                      const ZcPullRequest  *request,
                      ZcLanguage            language,
                      GError              **error)
{
  g_auto(ZcStoreInfo) info = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  ZcPullResponse *response = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && request != NULL, NULL);

  if (!zc_store_get_info (ctx->store, &info, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  for (guint attempt = 0; attempt < 2 && response == NULL; attempt++)
    {
      g_clear_error (&local_error);
      txn = zc_store_begin_read (ctx->store, &local_error);
      if (txn != NULL)
        response = pull_in (txn, caller, request, info.epoch, language, &local_error);
      g_clear_pointer (&txn, zc_store_txn_free);

      /* a client seen for the first time: register it and read again */
      if (response == NULL && attempt == 0 &&
          g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          g_clear_error (&local_error);
          if (!register_client (ctx, caller, request->client_id, language, &local_error))
            break;
        }
      else if (response == NULL)
        break;
    }

  if (response == NULL)
    zc_api_error_from_other (error, local_error, language);

  return response;
}
