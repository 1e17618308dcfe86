/* zc-record-service-rest.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-error.h"
#include "zc-record-service-private.h"

/* The record service as the REST API uses it: each call one
 * transaction around the *_in() functions of zc-record-service.c. */

/* The id and kind a REST put is about: an existing record's kind, the
 * account's personal information, or a new id. */
static gboolean
resolve_target (ZcStoreTxn      *txn,
                const ZcCaller  *caller,
                const char     **record_id,
                const char     **kind,
                char           **new_id,
                char           **found_kind,
                ZcLanguage       language,
                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;

  if (*kind == NULL)
    {
      gboolean missing = FALSE;

      /* only archive entries are edited by id alone */
      record = zc_record_service_get_own (txn, caller, *record_id, language, &missing, error);
      if (record == NULL || record->deleted || !zc_record_kind_is_archive (record->kind))
        {
          if (record != NULL || missing)
            zc_api_set_not_found (error, language);
          return FALSE;
        }
      *kind = *found_kind = g_strdup (record->kind);
      return TRUE;
    }

  if (*record_id != NULL)
    return TRUE;

  if (g_str_equal (*kind, ZC_RECORD_KIND_PERSONAL_INFO))
    {
      record = zc_store_records_get_personal_info (txn, caller->account_id, &local_error);
      if (record == NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  *record_id = *new_id = record != NULL ? g_strdup (record->id) : g_uuid_string_random ();
  return TRUE;
}

/**
 * zc_record_service_put:
 * @record_id: (nullable): the record; NULL for a new one, or for the
 *   caller's personal information
 * @kind: (nullable): NULL to edit an existing record, whatever its kind
 * @body: the whole body
 *
 * Returns: (transfer full): the outcome
 */
ZcPutResult *
zc_record_service_put (ZcContext       *ctx,
                       const ZcCaller  *caller,
                       const char      *record_id,
                       const char      *kind,
                       gint64           base_version,
                       JsonObject      *body,
                       gboolean         must_be_new,
                       const char      *address,
                       ZcLanguage       language,
                       GError         **error)
{
  ZcChangeContext change = { caller, NULL, 0, address, language, zc_context_now (ctx) };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcPutResult) result = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *found_kind = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && body != NULL, NULL);
  g_return_val_if_fail (record_id != NULL || kind != NULL, NULL);

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn != NULL &&
      zc_record_service_check_applicant (caller, language, &local_error) &&
      resolve_target (txn, caller, &record_id, &kind, &new_id, &found_kind, language, &local_error))
    result = zc_record_service_put_in (txn, &change, record_id, kind, base_version, body, TRUE, must_be_new,
                                       &local_error);
  if (result == NULL || !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&result);
}

gboolean
zc_record_service_delete (ZcContext       *ctx,
                          const ZcCaller  *caller,
                          const char      *record_id,
                          gint64           base_version,
                          const char      *address,
                          ZcLanguage       language,
                          GError         **error)
{
  ZcChangeContext change = { caller, NULL, 0, address, language, zc_context_now (ctx) };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && record_id != NULL, FALSE);

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn != NULL)
    record = zc_record_service_delete_in (txn, &change, record_id, base_version, &local_error);
  if (record == NULL || !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): a record the caller may see */
ZcStoredRecord *
zc_record_service_get (ZcContext       *ctx,
                       const ZcCaller  *caller,
                       const char      *record_id,
                       ZcLanguage       language,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);

  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return zc_record_service_get_visible_in (txn, caller, record_id, FALSE, language, error);
}

/* Returns: (transfer full): the caller's personal information; 404
 * while there is none */
ZcStoredRecord *
zc_record_service_get_personal_info (ZcContext       *ctx,
                                     const ZcCaller  *caller,
                                     ZcLanguage       language,
                                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  ZcStoredRecord *record = NULL;

  if (txn != NULL)
    record = zc_store_records_get_personal_info (txn, caller->account_id, &local_error);
  if (record == NULL)
    zc_record_service_store_failed (error, local_error, language);

  return record;
}

/**
 * zc_record_service_list_own:
 * @kind: (nullable): one kind of archive entry
 * @state: (nullable): one review state
 *
 * Returns: (transfer full) (element-type ZcStoredRecord): the caller's
 *   live archive entries, last changed first
 */
GPtrArray *
zc_record_service_list_own (ZcContext       *ctx,
                            const ZcCaller  *caller,
                            const char      *kind,
                            const char      *state,
                            guint            limit,
                            guint            offset,
                            ZcLanguage       language,
                            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  GPtrArray *records = NULL;

  if (txn != NULL)
    records = zc_store_records_list_for_owner (txn, caller->account_id, kind, state, limit, offset, &local_error);
  if (records == NULL)
    zc_api_error_from_other (error, local_error, language);

  return records;
}
