/* zc-archive-import.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-error.h"
#include "zc-archive-import.h"
#include "zc-form-validator.h"
#include "zc-json.h"
#include "zc-review-service.h"
#include "zc-store-accounts.h"
#include "zc-store-sync.h"

/* Import files are written by other systems' exports, not by people:
 * one bad entry refuses the whole file, so that a corrected file can be
 * run again from the start without leaving half an import behind. */

#define IMPORT_MAX_FILE_BYTES (64 * 1024 * 1024)

static gboolean
check_body (const char  *form_id,
            JsonObject  *body,
            GDateTime   *now,
            ZcLanguage   language,
            GError     **error)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(GPtrArray) field_errors = NULL;
  g_autoptr(GError) local_error = NULL;
  ZcValidationContext context;
  const ZcFieldError *first;

  schema = zc_form_schema_lookup (form_id, &local_error);
  if (schema == NULL ||
      (zc_form_schema_get_kind (schema) != ZC_FORM_KIND_ARCHIVE_CATEGORY &&
       zc_form_schema_get_kind (schema) != ZC_FORM_KIND_SERIES_BLOCK))
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "unknown_category", "category",
                        zc_translate (language, N_("There is no archive category of this name.")));
      return FALSE;
    }

  zc_validation_context_init (&context);
  g_date_set_dmy (&context.today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  if (zc_form_validate (schema, body, &context, language, &field_errors))
    return TRUE;

  first = g_ptr_array_index (field_errors, 0);
  zc_api_set_error (error, ZC_API_ERROR_INVALID, first->code, first->field, first->message);
  return FALSE;
}

gboolean
zc_archive_import_entry_in (ZcStoreTxn             *txn,
                            const ZcChangeContext  *change,
                            const char             *record_id,
                            const char             *owner_id,
                            const char             *form_id,
                            JsonObject             *body,
                            const char             *source,
                            gboolean               *created,
                            GError                **error)
{
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(ZcStoredRecord) existing = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (txn != NULL && change != NULL, FALSE);
  g_return_val_if_fail (zc_json_is_uuid (record_id), FALSE);
  g_return_val_if_fail (owner_id != NULL && form_id != NULL && body != NULL && source != NULL, FALSE);
  g_return_val_if_fail (created != NULL, FALSE);

  *created = FALSE;
  existing = zc_store_records_get (txn, record_id, &local_error);
  if (existing != NULL)
    {
      if (g_strcmp0 (existing->owner_id, owner_id) != 0)
        {
          zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "id_in_use", "id",
                            zc_translate (change->language,
                                          N_("Another person’s record already has this id.")));
          return FALSE;
        }
      return TRUE;
    }
  if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  now = g_date_time_new_from_unix_utc (change->now / G_USEC_PER_SEC);
  if (!check_body (form_id, body, now, change->language, error))
    return FALSE;

  record = zc_stored_record_new ();
  record->id = g_strdup (record_id);
  record->kind = g_strconcat (ZC_RECORD_KIND_ARCHIVE_PREFIX, form_id, NULL);
  record->owner_id = g_strdup (owner_id);
  record->body = json_object_ref (body);
  record->state = g_strdup (zc_review_state_to_string (ZC_REVIEW_STATE_UNREVIEWED));
  record->version = 1;
  record->created_at = record->updated_at = change->now;

  if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
      !zc_store_records_insert (txn, record, error) ||
      !zc_review_service_note_transition_in (txn, change, record, ZC_ARCHIVE_ACTION_IMPORT,
                                             NULL, source, error))
    return FALSE;

  *created = TRUE;
  return TRUE;
}

static gboolean
read_file (const char   *path,
           ZcLanguage    language,
           JsonNode    **root,
           GError      **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "unreadable_file", "file", local_error->message);
      return FALSE;
    }
  if (length > IMPORT_MAX_FILE_BYTES)
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "too_large", "file",
                        zc_translate (language, N_("The import file is larger than 64 MiB: split it.")));
      return FALSE;
    }
  if (!zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, root, &local_error))
    {
      zc_api_error_from_parse (error, local_error, language);
      return FALSE;
    }

  return TRUE;
}

/* One member of "entries": its account and checked values. */
static gboolean
import_one (ZcStoreTxn             *txn,
            const ZcChangeContext  *change,
            JsonNode               *node,
            const char             *source,
            ZcImportSummary        *summary,
            GError                **error)
{
  static const char * const members[] = { "id", "id_number", "category", "body", NULL };
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *entry = NULL, *body = NULL;
  const char *id = NULL, *id_number = NULL, *category = NULL;
  gboolean created = FALSE;

  if (!zc_json_node_get_object (node, &entry, &local_error) ||
      !zc_json_check_members (entry, members, &local_error) ||
      !zc_json_get_uuid (entry, "id", TRUE, &id, &local_error) ||
      !zc_json_get_string (entry, "id_number", TRUE, &id_number, &local_error) ||
      !zc_json_get_string (entry, "category", TRUE, &category, &local_error) ||
      !zc_json_get_object (entry, "body", TRUE, &body, &local_error))
    {
      zc_api_error_from_json (error, local_error, change->language);
      return FALSE;
    }

  account = zc_store_accounts_get_by_id_number (txn, id_number, &local_error);
  if (account == NULL)
    {
      if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "unknown_account", "id_number",
                        zc_translate (change->language, N_("No account has this resident ID number.")));
      return FALSE;
    }
  if (account->role != ZC_ROLE_APPLICANT)
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "not_an_applicant", "id_number",
                        zc_translate (change->language, N_("Only applicants have an archive.")));
      return FALSE;
    }

  if (!zc_archive_import_entry_in (txn, change, id, account->id, category, body, source, &created, error))
    return FALSE;

  if (created)
    summary->imported++;
  else
    summary->already_there++;
  return TRUE;
}

gboolean
zc_archive_import_file (ZcContext        *ctx,
                        const char       *path,
                        ZcLanguage        language,
                        ZcImportSummary  *summary,
                        GError          **error)
{
  static const char * const members[] = { "source", "entries", NULL };
  ZcCaller by_admin = { .role = ZC_ROLE_ADMIN };
  ZcChangeContext change = { &by_admin, NULL, 0, NULL, language, zc_context_now (ctx) };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *file = NULL;
  JsonArray *entries = NULL;
  const char *source = NULL;
  guint n;

  g_return_val_if_fail (ctx != NULL && path != NULL && summary != NULL, FALSE);

  *summary = (ZcImportSummary) { 0 };
  if (!read_file (path, language, &root, error))
    return FALSE;

  if (!zc_json_node_get_object (root, &file, &local_error) ||
      !zc_json_check_members (file, members, &local_error) ||
      !zc_json_get_string (file, "source", TRUE, &source, &local_error) ||
      !zc_json_get_array (file, "entries", TRUE, &entries, &local_error))
    {
      zc_api_error_from_json (error, local_error, language);
      return FALSE;
    }
  source = g_strstrip ((char *) source);
  if (*source == '\0' || g_utf8_strlen (source, -1) > ZC_ARCHIVE_IMPORT_MAX_SOURCE)
    {
      g_autofree char *message =
        zc_translate_printf (language, N_("Name the source system in 1 to %u characters."),
                             ZC_ARCHIVE_IMPORT_MAX_SOURCE);
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "invalid_value", "source", message);
      return FALSE;
    }
  n = json_array_get_length (entries);
  if (n > ZC_ARCHIVE_IMPORT_MAX_ENTRIES)
    {
      g_autofree char *message =
        zc_translate_printf (language, N_("At most %u entries per file."), ZC_ARCHIVE_IMPORT_MAX_ENTRIES);
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "too_many", "entries", message);
      return FALSE;
    }

  txn = zc_store_begin_write (ctx->store, error);
  if (txn == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!import_one (txn, &change, json_array_get_element (entries, i), source, summary, error))
        {
          *summary = (ZcImportSummary) { 0 };
          g_prefix_error (error, "entries[%u]: ", i);
          return FALSE;
        }
    }

  if (!zc_store_txn_commit (txn, error))
    {
      *summary = (ZcImportSummary) { 0 };
      return FALSE;
    }
  return TRUE;
}
