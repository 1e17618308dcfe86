/* zc-sync-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-declaration-service.h"
#include "zc-message-service.h"
#include "zc-record-service.h"
#include "zc-review-service.h"
#include "zc-store-records.h"
#include "zc-store-sync.h"
#include "zc-sync-service-private.h"

/* Push (this file) and the helpers pull shares; pull itself is in
 * zc-sync-service-pull.c. */

/**
 * zc_sync_service_claim_client:
 *
 * Finds the client in @txn, or registers it for the caller (when
 * @may_register: @txn writes; NOT_FOUND otherwise).  A client
 * id belongs to one account for good: another account using it gets
 * 403 `client_in_use`.
 *
 * Returns: (transfer full): the client
 */
ZcSyncClient *
zc_sync_service_claim_client (ZcStoreTxn      *txn,
                              const ZcCaller  *caller,
                              const char      *client_id,
                              gboolean         may_register,
                              gint64           now,
                              ZcLanguage       language,
                              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcSyncClient) client = zc_store_sync_get_client (txn, client_id, &local_error);

  if (client == NULL)
    {
      if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND) || !may_register)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!zc_store_sync_insert_client (txn, client_id, caller->account_id, now, error))
        return NULL;

      client = g_new0 (ZcSyncClient, 1);
      client->id = g_strdup (client_id);
      client->account_id = g_strdup (caller->account_id);
      client->created_at = client->last_seen_at = now;
    }

  if (g_strcmp0 (client->account_id, caller->account_id) != 0)
    {
      zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "client_in_use", "client_id",
                        zc_translate (language, N_("This client id belongs to another account.")));
      return NULL;
    }

  return g_steal_pointer (&client);
}

/* The rejection a refusal becomes: its code in capitals, its message. */
static ZcRejection *
rejection_from_error (gint64        mutation_id,
                      const GError *error)
{
  g_autofree char *code = g_ascii_strup (zc_api_error_get_code (error), -1);

  return zc_rejection_new (mutation_id, code, error->message);
}

static gboolean
check_args (JsonObject          *args,
            const char * const  *allowed,
            ZcLanguage           language,
            GError             **error)
{
  g_autoptr(GError) json_error = NULL;

  if (zc_json_check_members (args, allowed, &json_error))
    return TRUE;

  zc_json_prefix_error (&json_error, "args");
  zc_api_error_from_json (error, json_error, language);
  return FALSE;
}

static gboolean
apply_put (ZcStoreTxn             *txn,
           const ZcChangeContext  *change,
           const ZcMutation       *mutation,
           ZcPushResult           *result,
           GError                **error)
{
  static const char * const allowed[] = { "kind", "body", "fields", NULL };
  g_autoptr(ZcPutResult) put = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonObject *body = NULL, *fields = NULL;
  const char *kind = NULL;

  if (!check_args (mutation->args, allowed, change->language, error))
    return FALSE;
  if (!zc_json_get_string (mutation->args, "kind", TRUE, &kind, &json_error) ||
      !zc_json_get_object (mutation->args, "body", FALSE, &body, &json_error) ||
      !zc_json_get_object (mutation->args, "fields", FALSE, &fields, &json_error))
    {
      zc_json_prefix_error (&json_error, "args");
      zc_api_error_from_json (error, json_error, change->language);
      return FALSE;
    }
  if ((body == NULL) == (fields == NULL))
    {
      zc_api_set_invalid_field (error, "args",
                                zc_translate (change->language,
                                              N_("A change carries either the whole body or the changed fields.")));
      return FALSE;
    }

  put = zc_record_service_put_in (txn, change, mutation->record_id, kind, mutation->base_version,
                                  body != NULL ? body : fields, body != NULL, FALSE, error);
  if (put == NULL)
    return FALSE;

  g_ptr_array_extend_and_steal (result->conflicts, g_steal_pointer (&put->conflicts));
  return TRUE;
}

static gboolean
apply_delete (ZcStoreTxn             *txn,
              const ZcChangeContext  *change,
              const ZcMutation       *mutation,
              GError                **error)
{
  static const char * const allowed[] = { "kind", NULL };
  g_autoptr(ZcStoredRecord) record = NULL;

  if (!check_args (mutation->args, allowed, change->language, error))
    return FALSE;

  record = zc_record_service_delete_in (txn, change, mutation->record_id, mutation->base_version, error);
  return record != NULL;
}

static gboolean
apply_action (ZcStoreTxn             *txn,
              const ZcChangeContext  *change,
              const ZcMutation       *mutation,
              ZcArchiveAction         action,
              GError                **error)
{
  static const char * const allowed[] = { "comment", NULL };
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(GError) json_error = NULL;
  ZcDecision decision = { mutation->record_id, action, NULL, mutation->expected_state, mutation->base_version };

  if (!check_args (mutation->args, allowed, change->language, error))
    return FALSE;
  if (!zc_json_get_string (mutation->args, "comment", FALSE, &decision.comment, &json_error))
    {
      zc_json_prefix_error (&json_error, "args");
      zc_api_error_from_json (error, json_error, change->language);
      return FALSE;
    }

  record = zc_review_service_act_in (txn, change, &decision, error);
  return record != NULL;
}

static gboolean
apply_read (ZcStoreTxn             *txn,
            const ZcChangeContext  *change,
            const ZcMutation       *mutation,
            GError                **error)
{
  static const char * const allowed[] = { NULL };
  g_autoptr(ZcStoredMessage) message = NULL;

  if (!check_args (mutation->args, allowed, change->language, error))
    return FALSE;

  message = zc_message_service_mark_read_in (txn, change, mutation->record_id, error);
  return message != NULL;
}

/* declaration.<action>: the comment and the action's own arguments in
 * args; expected_state and base_version as for archive actions. */
static gboolean
apply_declaration (ZcStoreTxn             *txn,
                   const ZcChangeContext  *change,
                   const ZcMutation       *mutation,
                   ZcDeclarationAction     action,
                   GError                **error)
{
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(JsonObject) args = zc_json_object_copy_deep (mutation->args);
  g_autoptr(GError) json_error = NULL;
  ZcDeclarationDecision decision = { mutation->record_id, action, mutation->expected_state, mutation->base_version };

  if (!zc_json_get_string (mutation->args, "comment", FALSE, &decision.comment, &json_error))
    {
      zc_json_prefix_error (&json_error, "args");
      zc_api_error_from_json (error, json_error, change->language);
      return FALSE;
    }
  json_object_remove_member (args, "comment");
  decision.args = args;

  record = zc_declaration_service_act_in (txn, change, &decision, error);
  return record != NULL;
}

/* One mutation: FALSE with a ZC_API_ERROR for a refusal, another
 * domain for a failure of the store. */
static gboolean
apply (ZcStoreTxn             *txn,
       const ZcChangeContext  *change,
       const ZcMutation       *mutation,
       ZcPushResult           *result,
       GError                **error)
{
  ZcArchiveAction action;
  ZcDeclarationAction declaration_action;

  if (g_str_equal (mutation->name, "record.put"))
    return apply_put (txn, change, mutation, result, error);
  if (g_str_equal (mutation->name, "record.delete"))
    return apply_delete (txn, change, mutation, error);
  if (g_str_equal (mutation->name, "message.read"))
    return apply_read (txn, change, mutation, error);
  if (g_str_has_prefix (mutation->name, "archive.") &&
      zc_archive_action_from_string (mutation->name + strlen ("archive."), &action) &&
      (action == ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW || action == ZC_ARCHIVE_ACTION_APPROVE ||
       action == ZC_ARCHIVE_ACTION_RETURN || action == ZC_ARCHIVE_ACTION_REJECT))
    return apply_action (txn, change, mutation, action, error);
  if (g_str_has_prefix (mutation->name, "declaration.") &&
      zc_declaration_action_from_string (mutation->name + strlen ("declaration."), &declaration_action) &&
      declaration_action != ZC_DECLARATION_ACTION_CREATE && declaration_action != ZC_DECLARATION_ACTION_SAVE_DRAFT)
    return apply_declaration (txn, change, mutation, declaration_action, error);

  zc_api_set_error (error, ZC_API_ERROR_INVALID, "unknown_mutation", "name",
                    zc_translate (change->language, N_("The server does not know this kind of change.")));
  return FALSE;
}

/* What mutations already consumed left behind, for a replayed push. */
static gboolean
repeat_replayed (ZcStoreTxn      *txn,
                 const char      *client_id,
                 gint64           first,
                 gint64           last,
                 ZcPushResult    *result,
                 GError         **error)
{
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (first > last)
    return TRUE;

  rejections = zc_store_sync_rejections_in_range (txn, client_id, first, last, error);
  if (rejections == NULL)
    return FALSE;
  conflicts = zc_store_sync_conflicts_in_range (txn, client_id, first, last, error);
  if (conflicts == NULL)
    return FALSE;

  g_ptr_array_extend_and_steal (result->rejections, g_steal_pointer (&rejections));
  g_ptr_array_extend_and_steal (result->conflicts, g_steal_pointer (&conflicts));
  return TRUE;
}

static gboolean
push_in (ZcStoreTxn             *txn,
         const ZcChangeContext  *change,
         const ZcPushRequest    *request,
         ZcPushResult           *result,
         GError                **error)
{
  g_autoptr(ZcSyncClient) client = NULL;
  ZcLanguage language = change->language;
  gint64 first, last;

  client = zc_sync_service_claim_client (txn, change->caller, request->client_id, TRUE, change->now, language,
                                         error);
  if (client == NULL)
    return FALSE;

  last = client->last_mutation_id;
  result->last_mutation_id = last;
  if (request->mutations->len == 0)
    return TRUE;

  first = ((ZcMutation *) g_ptr_array_index (request->mutations, 0))->id;
  if (first > last + 1)
    {
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, last + 1);
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, first);
      /* Translators: both %s are numbers of changes a program sent */
      g_autofree char *message = zc_translate_printf (language, N_("Changes are missing: the server expects "
                                                                   "change %s next, not %s."), expected, found);

      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "mutation_gap", "mutations", message);
      return FALSE;
    }

  if (!repeat_replayed (txn, client->id, first, last, result, error))
    return FALSE;

  for (guint i = 0; i < request->mutations->len; i++)
    {
      const ZcMutation *mutation = g_ptr_array_index (request->mutations, i);
      ZcChangeContext mutation_change = *change;
      g_autoptr(GError) refusal = NULL;

      if (mutation->id <= last)
        continue;

      mutation_change.client_id = client->id;
      mutation_change.mutation_id = mutation->id;
      if (!zc_store_txn_step_begin (txn, error))
        return FALSE;

      if (apply (txn, &mutation_change, mutation, result, &refusal))
        {
          if (!zc_store_txn_step_end (txn, error))
            return FALSE;
        }
      else if (refusal->domain == ZC_API_ERROR)
        {
          g_autoptr(ZcRejection) rejection = rejection_from_error (mutation->id, refusal);
          gint64 seq = 0;

          /* consumed all the same: it must not hold up the ones behind */
          if (!zc_store_txn_step_undo (txn, error) ||
              !zc_store_sync_next_seq (txn, &seq, error) ||
              !zc_store_sync_insert_rejection (txn, client->id, rejection, seq, change->now, error))
            return FALSE;
          g_ptr_array_add (result->rejections, g_steal_pointer (&rejection));
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          return FALSE;
        }

      last = mutation->id;
    }

  result->last_mutation_id = last;
  return zc_store_sync_set_last_mutation (txn, client->id, last, change->now, error);
}

/**
 * zc_sync_service_push:
 *
 * Applies @request's mutations in one transaction.
 *
 * Returns: (transfer full): what the server consumed, rejected and
 *   found in conflict, also for replayed mutations
 */
ZcPushResult *
zc_sync_service_push (ZcContext            *ctx,
                      const ZcCaller       *caller,
                      const ZcPushRequest  *request,
                      const char           *address,
                      ZcLanguage            language,
                      GError              **error)
{
  ZcChangeContext change = { caller, NULL, 0, address, language, zc_context_now (ctx) };
  g_autoptr(ZcPushResult) result = zc_push_result_new (0);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && request != NULL, NULL);

  if (!zc_sync_service_check_schema (request->schema_version, language, error))
    return NULL;

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL || !push_in (txn, &change, request, result, &local_error) ||
      !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&result);
}

gboolean
zc_sync_service_check_schema (gint64       schema_version,
                              ZcLanguage   language,
                              GError     **error)
{
  g_autofree char *message = NULL;

  if (schema_version == ZC_SYNC_SCHEMA_VERSION)
    return TRUE;

  message = zc_translate_printf (language, N_("This server speaks version %d of the sync protocol; "
                                              "update the program."), ZC_SYNC_SCHEMA_VERSION);
  zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "unsupported_schema_version", "schema_version", message);
  return FALSE;
}

/**
 * zc_sync_service_purge_tombstones:
 * @deleted_before: remove the tombstones of records deleted before this
 * @n_purged: (out): how many were removed
 *
 * Clients whose cursor is older than the newest tombstone removed get a
 * reset at their next pull.
 */
gboolean
zc_sync_service_purge_tombstones (ZcContext  *ctx,
                                  gint64      deleted_before,
                                  gint64     *n_purged,
                                  GError    **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  gint64 max_seq = 0;

  g_return_val_if_fail (ctx != NULL && n_purged != NULL, FALSE);

  txn = zc_store_begin_write (ctx->store, error);
  return txn != NULL &&
         zc_store_records_purge_tombstones (txn, deleted_before, n_purged, &max_seq, error) &&
         (*n_purged == 0 || zc_store_sync_raise_horizon (txn, max_seq, error)) &&
         zc_store_txn_commit (txn, error);
}
