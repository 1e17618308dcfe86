/* zc-record-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-blob-service.h"
#include "zc-declaration-body.h"
#include "zc-declaration-record.h"
#include "zc-form-validator.h"
#include "zc-photo-record.h"
#include "zc-record-merge.h"
#include "zc-record-service-private.h"
#include "zc-review-service.h"
#include "zc-store-accounts.h"
#include "zc-store-declarations.h"
#include "zc-store-sync.h"

void
zc_put_result_free (ZcPutResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->record, zc_stored_record_free);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_free (result);
}

gboolean
zc_record_kind_is_archive (const char *kind)
{
  return kind != NULL && g_str_has_prefix (kind, ZC_RECORD_KIND_ARCHIVE_PREFIX);
}

/* A store failure as the API reports it: 404 for a missing row, 503 for
 * a busy store, 500 for the rest. */
void
zc_record_service_store_failed (GError     **error,
                                GError      *store_error,
                                ZcLanguage   language)
{
  if (g_error_matches (store_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    zc_api_set_not_found (error, language);
  else
    zc_api_error_from_other (error, store_error, language);
}

/* The form of @kind: "personal-info", or "archive:<id>" of an archive
 * category or series block. */
static ZcFormSchema *
schema_for_kind (const char  *kind,
                 ZcLanguage   language,
                 GError     **error)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  const char *form_id = NULL;

  if (g_strcmp0 (kind, ZC_RECORD_KIND_PERSONAL_INFO) == 0)
    form_id = ZC_RECORD_KIND_PERSONAL_INFO;
  else if (zc_record_kind_is_archive (kind) && zc_record_kind_is_valid (kind))
    form_id = kind + strlen (ZC_RECORD_KIND_ARCHIVE_PREFIX);

  if (form_id != NULL && *form_id != '\0')
    schema = zc_form_schema_lookup (form_id, NULL);

  if (schema == NULL ||
      (form_id != (const char *) ZC_RECORD_KIND_PERSONAL_INFO &&
       zc_form_schema_get_kind (schema) != ZC_FORM_KIND_ARCHIVE_CATEGORY &&
       zc_form_schema_get_kind (schema) != ZC_FORM_KIND_SERIES_BLOCK))
    {
      zc_api_set_invalid_field (error, "kind", zc_translate (language, N_("There is no such kind of record.")));
      return NULL;
    }

  return g_steal_pointer (&schema);
}

gboolean
zc_record_service_check_applicant (const ZcCaller  *caller,
                                   ZcLanguage       language,
                                   GError         **error)
{
  if (caller->role == ZC_ROLE_APPLICANT)
    return TRUE;

  zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "forbidden", NULL,
                    zc_translate (language, N_("Only applicants keep personal information and an archive.")));
  return FALSE;
}

/* The account's value of a field fixed at registration. */
static const char *
account_value (const ZcAccount *account,
               const char      *field)
{
  if (g_str_equal (field, "name"))
    return account->name;
  if (g_str_equal (field, "id_number"))
    return account->id_number;
  if (g_str_equal (field, "gender"))
    return g_strcmp0 (account->gender, "female") == 0 ? "2" : "1";  /* the "genders" dictionary */

  return NULL;
}

/* The form's own error for @field in @sent, if it has one. */
static ZcFieldError *
find_form_error (ZcFormSchema  *schema,
                 JsonObject    *sent,
                 const char    *field,
                 GPtrArray    **form_errors,
                 ZcLanguage     language)
{
  if (*form_errors == NULL)
    {
      ZcValidationContext context;

      zc_validation_context_init (&context);
      zc_form_validate (schema, sent, &context, language, form_errors);
    }

  for (guint i = 0; i < (*form_errors)->len; i++)
    {
      ZcFieldError *form_error = g_ptr_array_index (*form_errors, i);

      if (g_strcmp0 (form_error->field, field) == 0)
        return form_error;
    }

  return NULL;
}

/* Name, ID number and gender come from the account: a different value
 * sent is refused (as a field error: its own format error when it has
 * one, else "readonly"), an absent one is filled in. */
static gboolean
apply_registration_fields (ZcStoreTxn      *txn,
                           ZcFormSchema    *schema,
                           const ZcCaller  *caller,
                           JsonObject      *sent,
                           JsonObject      *body,
                           ZcLanguage       language,
                           GError         **error)
{
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(GPtrArray) field_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  g_autoptr(GPtrArray) form_errors = NULL;
  g_autoptr(GError) local_error = NULL;

  account = zc_store_accounts_get (txn, caller->account_id, &local_error);
  if (account == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < zc_form_schema_get_n_fields (schema); i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, i);
      const char *id = zc_form_field_get_id (field);
      const char *fixed = account_value (account, id);
      JsonNode *value = json_object_get_member (sent, id);

      if (!zc_form_field_get_readonly_after_registration (field) || fixed == NULL)
        continue;

      if (value != NULL && !JSON_NODE_HOLDS_NULL (value) &&
          (json_node_get_value_type (value) != G_TYPE_STRING || g_strcmp0 (json_node_get_string (value), fixed) != 0))
        {
          ZcFieldError *form_error = find_form_error (schema, sent, id, &form_errors, language);
          g_autofree char *message = NULL;

          if (form_error != NULL)
            {
              g_ptr_array_add (field_errors, zc_field_error_copy (form_error));
              continue;
            }

          message = zc_translate_printf (language, N_("%s cannot be changed after registration."),
                                         zc_form_field_get_label (field, language));
          g_ptr_array_add (field_errors, zc_field_error_new (id, "readonly", message));
          continue;
        }

      json_object_set_string_member (body, id, fixed);
    }

  if (field_errors->len > 0)
    {
      zc_api_set_field_errors (error, field_errors, language);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_body (ZcFormSchema  *schema,
               JsonObject    *body,
               ZcLanguage     language,
               GError       **error)
{
  g_autoptr(GPtrArray) field_errors = NULL;
  ZcValidationContext context;

  zc_validation_context_init (&context);
  if (zc_form_validate (schema, body, &context, language, &field_errors))
    return TRUE;

  zc_api_set_field_errors (error, field_errors, language);
  return FALSE;
}

/* A copy without the members that are null (empty). */
static JsonObject *
copy_without_nulls (JsonObject *values)
{
  JsonObject *copy = zc_json_object_copy_deep (values);
  g_autoptr(GList) members = json_object_get_members (values);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (JSON_NODE_HOLDS_NULL (json_object_get_member (values, l->data)))
        json_object_remove_member (copy, l->data);
    }

  return copy;
}

static void
set_not_allowed (GError     **error,
                 const char  *message)
{
  zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "not_allowed", NULL, message);
}

/* Naming a blob lends access to it (a record's reader may read its
 * files): an entry may only name files its author may read already —
 * uploaded by them, or named by a record they may see. */
static gboolean
check_named_blobs (ZcStoreTxn             *txn,
                   const ZcChangeContext  *change,
                   ZcFormSchema           *schema,
                   JsonObject             *values,
                   GError                **error)
{
  for (guint i = 0; i < zc_form_schema_get_n_fields (schema); i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, i);
      JsonNode *value = json_object_get_member (values, zc_form_field_get_id (field));
      JsonArray *files;

      if (zc_form_field_get_field_type (field) != ZC_FIELD_ATTACHMENTS || value == NULL ||
          !JSON_NODE_HOLDS_ARRAY (value))
        continue;

      files = json_node_get_array (value);
      for (guint j = 0; j < json_array_get_length (files); j++)
        {
          JsonNode *file = json_array_get_element (files, j);
          JsonNode *sha256 = JSON_NODE_HOLDS_OBJECT (file)
            ? json_object_get_member (json_node_get_object (file), "sha256") : NULL;
          gboolean allowed = FALSE;

          /* a malformed file record is the form validator's to refuse */
          if (sha256 == NULL || !JSON_NODE_HOLDS_VALUE (sha256) ||
              json_node_get_value_type (sha256) != G_TYPE_STRING)
            continue;
          if (!zc_blob_service_may_read_in (txn, change->caller, json_node_get_string (sha256), &allowed, error))
            return FALSE;
          if (!allowed)
            {
              g_autofree char *field_path = g_strdup_printf ("%s[%u]", zc_form_field_get_id (field), j);

              zc_api_set_error (error, ZC_API_ERROR_INVALID, "blob_missing", field_path,
                                zc_translate (change->language,
                                              N_("An attached file has not been uploaded.")));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static ZcPutResult *
create_record (ZcStoreTxn             *txn,
               const ZcChangeContext  *change,
               ZcFormSchema           *schema,
               const char             *record_id,
               const char             *kind,
               JsonObject             *values,
               GError                **error)
{
  g_autoptr(ZcStoredRecord) record = zc_stored_record_new ();
  g_autoptr(ZcPutResult) result = g_new0 (ZcPutResult, 1);
  ZcReviewState state;

  record->id = g_strdup (record_id);
  record->kind = g_strdup (kind);
  record->owner_id = g_strdup (change->caller->account_id);
  record->body = copy_without_nulls (values);
  record->version = 1;
  record->created_at = record->updated_at = change->now;

  if (zc_form_schema_get_kind (schema) == ZC_FORM_KIND_PERSONAL_INFO &&
      !apply_registration_fields (txn, schema, change->caller, values, record->body, change->language, error))
    return NULL;
  if (!validate_body (schema, record->body, change->language, error))
    return NULL;

  if (zc_record_kind_is_archive (kind))
    {
      g_autoptr(GError) workflow_error = NULL;

      if (!zc_archive_workflow_check_new (ZC_ARCHIVE_ACTION_CREATE, change->caller->role, &state,
                                          change->language, &workflow_error))
        {
          zc_review_error_from_workflow (error, workflow_error, change->language);
          return NULL;
        }
      record->state = g_strdup (zc_review_state_to_string (state));
      record->submitted_at = change->now;
    }

  if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
      !zc_store_records_insert (txn, record, error))
    return NULL;
  if (zc_record_kind_is_archive (kind) &&
      !zc_review_service_note_transition_in (txn, change, record, ZC_ARCHIVE_ACTION_CREATE, NULL, NULL, error))
    return NULL;

  record->owner_name = g_strdup (change->caller->name);
  record->owner_unit_id = g_strdup (change->caller->unit_id);
  record->owner_role = g_strdup (zc_role_to_string (change->caller->role));
  result->record = g_steal_pointer (&record);
  result->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_conflict_free);
  result->changed = TRUE;

  return g_steal_pointer (&result);
}

static GPtrArray *
keep_conflicts (ZcStoreTxn             *txn,
                const ZcChangeContext  *change,
                const char             *record_id,
                GPtrArray              *merge_conflicts,
                GError                **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_conflict_free);

  for (guint i = 0; i < merge_conflicts->len; i++)
    {
      ZcMergeConflict *merge_conflict = g_ptr_array_index (merge_conflicts, i);
      ZcConflict *conflict = zc_conflict_new (record_id, merge_conflict->field, merge_conflict->client_value,
                                              merge_conflict->server_value, change->mutation_id);

      g_ptr_array_add (conflicts, conflict);
      if (!zc_store_sync_insert_conflict (txn, change->caller->account_id, change->client_id, conflict,
                                          change->now, error))
        return NULL;
    }

  return g_steal_pointer (&conflicts);
}

/**
 * zc_record_service_merge_in:
 * @base_version: the version the client's edit is based on
 * @merged_out: (out) (transfer full): @changes merged into the record
 *
 * A client's edit of @record: refused (400) for a version the server
 * never had; otherwise merged with what changed since @base_version
 * (docs/sync.md), the conflicts kept for the client in
 * @result->conflicts and @result->changed set.
 */
gboolean
zc_record_service_merge_in (ZcStoreTxn             *txn,
                            const ZcChangeContext  *change,
                            const ZcStoredRecord   *record,
                            gint64                  base_version,
                            JsonObject             *changes,
                            gboolean                full_body,
                            ZcPutResult            *result,
                            JsonObject            **merged_out,
                            GError                **error)
{
  g_autoptr(GPtrArray) merge_conflicts = NULL;
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(JsonObject) merged = NULL;
  ZcMergeInput input = { 0 };

  if (base_version > record->version)
    {
      zc_api_set_invalid_field (error, "base_version",
                                zc_translate (change->language,
                                              N_("The record has no such version on the server.")));
      return FALSE;
    }
  if (base_version >= 1 && base_version < record->version)
    {
      g_autoptr(GError) local_error = NULL;

      base = zc_store_records_get_body_at (txn, record->id, base_version, &local_error);
      if (base == NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  input.current = record->body;
  input.base = base;
  input.base_is_current = base_version == record->version;
  input.changes = changes;
  input.full_body = full_body;
  merged = zc_record_merge (&input, &merge_conflicts, &result->changed);

  result->conflicts = keep_conflicts (txn, change, record->id, merge_conflicts, error);
  if (result->conflicts == NULL)
    return FALSE;
  *merged_out = g_steal_pointer (&merged);
  return TRUE;
}

static void
copy_members (JsonObject *to,
              JsonObject *from)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (to, l->data, zc_json_node_copy_deep (json_object_get_member (from, l->data)));
}

/* @stored: (transfer full): the record as it is now */
static ZcPutResult *
edit_record (ZcStoreTxn             *txn,
             const ZcChangeContext  *change,
             ZcFormSchema           *schema,
             ZcStoredRecord         *stored,
             gint64                  base_version,
             JsonObject             *values,
             gboolean                full_body,
             GError                **error)
{
  g_autoptr(ZcStoredRecord) record = stored;
  g_autoptr(ZcPutResult) result = g_new0 (ZcPutResult, 1);
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autofree char *from_state = g_strdup (record->state);
  ZcReviewState from = ZC_REVIEW_STATE_PENDING, to = ZC_REVIEW_STATE_PENDING;

  if (record->state != NULL)
    {
      g_autoptr(GError) workflow_error = NULL;

      if (!zc_review_state_from_string (record->state, &from))
        {
          g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "Record %s has no valid state", record->id);
          return NULL;
        }
      if (!zc_archive_workflow_check (from, ZC_ARCHIVE_ACTION_EDIT, change->caller->role, NULL, &to,
                                      change->language, &workflow_error))
        {
          zc_review_error_from_workflow (error, workflow_error, change->language);
          return NULL;
        }
    }

  /* the registration fields are the account's, whatever was sent */
  sent = zc_json_object_copy_deep (values);
  if (zc_form_schema_get_kind (schema) == ZC_FORM_KIND_PERSONAL_INFO)
    {
      g_autoptr(JsonObject) fixed = json_object_new ();

      if (!apply_registration_fields (txn, schema, change->caller, values, fixed, change->language, error))
        return NULL;
      copy_members (sent, fixed);
    }

  if (!zc_record_service_merge_in (txn, change, record, base_version, sent, full_body, result, &merged, error))
    return NULL;

  if (result->changed)
    {
      if (!validate_body (schema, merged, change->language, error))
        return NULL;

      json_object_unref (record->body);
      record->body = g_steal_pointer (&merged);
      record->version++;
      record->updated_at = change->now;
      if (record->state != NULL)
        {
          g_free (record->state);
          record->state = g_strdup (zc_review_state_to_string (to));
          if (from != to)
            record->submitted_at = change->now;
        }

      if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
          !zc_store_records_update (txn, record, TRUE, error))
        return NULL;
      if (record->state != NULL && from != to &&
          !zc_review_service_note_transition_in (txn, change, record, ZC_ARCHIVE_ACTION_EDIT, from_state, NULL,
                                                 error))
        return NULL;
    }

  result->record = g_steal_pointer (&record);
  return g_steal_pointer (&result);
}

/* The caller's record @id; NULL without an error when there is none.
 * Another person's record is "not found", exactly as a missing one. */
ZcStoredRecord *
zc_record_service_get_own (ZcStoreTxn      *txn,
                           const ZcCaller  *caller,
                           const char      *id,
                           ZcLanguage       language,
                           gboolean        *missing,
                           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredRecord) record = zc_store_records_get (txn, id, &local_error);

  *missing = FALSE;
  if (record == NULL)
    {
      if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        *missing = TRUE;
      return NULL;
    }

  if (g_strcmp0 (record->owner_id, caller->account_id) != 0)
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  return g_steal_pointer (&record);
}

/**
 * zc_record_service_put_in:
 * @record_id: the record's UUID (the client makes it)
 * @kind: "personal-info" or "archive:<form id>"
 * @base_version: the version the change was made on; 0 for a new record
 * @values: the whole body (@full_body) or only the fields changed
 * @must_be_new: refuse (409 `record_exists`) when the record exists
 *
 * Creates the record, or merges the change into it field by field:
 * a field the server changed too since @base_version keeps the
 * server's value and the sent one is kept as a conflict.  The merged
 * body must pass the form; archive entries follow the workflow (a
 * rejected entry cannot be edited; an approved or returned one goes
 * back to pending).  The personal information is one per account: a
 * put under another id merges into the account's record.
 *
 * Returns: (transfer full): the outcome, or NULL with @error set
 */
ZcPutResult *
zc_record_service_put_in (ZcStoreTxn             *txn,
                          const ZcChangeContext  *change,
                          const char             *record_id,
                          const char             *kind,
                          gint64                  base_version,
                          JsonObject             *values,
                          gboolean                full_body,
                          gboolean                must_be_new,
                          GError                **error)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean missing = FALSE;

  g_return_val_if_fail (txn != NULL && change != NULL && record_id != NULL && values != NULL, NULL);

  if (!zc_record_service_check_applicant (change->caller, change->language, error))
    return NULL;
  if (g_strcmp0 (kind, ZC_RECORD_KIND_PHOTO) == 0)
    return zc_photo_record_put_in (txn, change, record_id, values, full_body, must_be_new, error);
  if (g_strcmp0 (kind, ZC_DECLARATION_KIND) == 0)
    return zc_declaration_record_put_in (txn, change, record_id, base_version, values, full_body, must_be_new,
                                         error);
  if ((schema = schema_for_kind (kind, change->language, error)) == NULL)
    return NULL;
  if (!check_named_blobs (txn, change, schema, values, error))
    return NULL;

  record = zc_record_service_get_own (txn, change->caller, record_id, change->language, &missing, error);
  if (record == NULL && !missing)
    return NULL;

  if (record == NULL && g_str_equal (kind, ZC_RECORD_KIND_PERSONAL_INFO))
    {
      record = zc_store_records_get_personal_info (txn, change->caller->account_id, &local_error);
      if (record == NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (record != NULL && base_version > 0 && !must_be_new)
        base_version = 0;  /* a version of another id means nothing here */
    }

  if (record == NULL)
    return create_record (txn, change, schema, record_id, kind, values, error);

  if (must_be_new)
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "record_exists", "id",
                        zc_translate (change->language, N_("A record with this id exists already.")));
      return NULL;
    }
  if (!g_str_equal (record->kind, kind))
    {
      zc_api_set_invalid_field (error, "kind",
                                zc_translate (change->language, N_("The record is of another kind.")));
      return NULL;
    }
  if (record->deleted)
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "record_deleted", NULL,
                        zc_translate (change->language, N_("This record has been deleted.")));
      return NULL;
    }

  return edit_record (txn, change, schema, g_steal_pointer (&record), base_version, values, full_body, error);
}

/* Whether a member of @pick (an object of "picks") names @entry_id. */
static gboolean
pick_names (JsonNode   *pick,
            const char *entry_id)
{
  JsonNode *id;

  if (!JSON_NODE_HOLDS_OBJECT (pick))
    return FALSE;
  id = json_object_get_member (json_node_get_object (pick), "record_id");

  return id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (id), entry_id) == 0;
}

/* @body without @entry_id among its picks and as its qualifying
 * education; NULL when it did not name it. */
static JsonObject *
body_without_entry (JsonObject *body,
                    const char *entry_id)
{
  g_autoptr(JsonObject) copy = zc_json_object_copy_deep (body);
  JsonNode *picks = json_object_get_member (copy, "picks");
  JsonNode *education = json_object_get_member (copy, "qualifying_education_id");
  gboolean changed = FALSE;

  if (picks != NULL && JSON_NODE_HOLDS_ARRAY (picks))
    {
      JsonArray *array = json_node_get_array (picks);

      for (guint i = json_array_get_length (array); i > 0; i--)
        {
          if (pick_names (json_array_get_element (array, i - 1), entry_id))
            {
              json_array_remove_element (array, i - 1);
              changed = TRUE;
            }
        }
    }
  if (education != NULL && JSON_NODE_HOLDS_VALUE (education) &&
      json_node_get_value_type (education) == G_TYPE_STRING &&
      g_strcmp0 (json_node_get_string (education), entry_id) == 0)
    {
      json_object_remove_member (copy, "qualifying_education_id");
      changed = TRUE;
    }

  return changed ? g_steal_pointer (&copy) : NULL;
}

/* A deleted entry leaves the owner's draft declarations, each changed
 * one as a new version (docs/workflow.md); a submitted declaration
 * keeps its frozen copy, and its body is the applicant's no more. */
static gboolean
drop_from_drafts (ZcStoreTxn             *txn,
                  const ZcChangeContext  *change,
                  const ZcStoredRecord   *entry,
                  GError                **error)
{
  g_autoptr(GPtrArray) rows = zc_store_declarations_for_owner (txn, entry->owner_id, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      ZcDeclarationRow *row = g_ptr_array_index (rows, i);
      g_autoptr(ZcStoredRecord) declaration = NULL;
      g_autoptr(JsonObject) body = NULL;

      if (g_strcmp0 (row->state, "draft") != 0)
        continue;
      declaration = zc_store_records_get (txn, row->record_id, error);
      if (declaration == NULL)
        return FALSE;
      if (declaration->deleted || g_strcmp0 (declaration->state, "draft") != 0)
        continue;
      body = body_without_entry (declaration->body, entry->id);
      if (body == NULL)
        continue;

      json_object_unref (declaration->body);
      declaration->body = g_steal_pointer (&body);
      declaration->version++;
      declaration->updated_at = change->now;
      row->updated_at = change->now;
      if (!zc_store_sync_next_seq (txn, &declaration->seq, error) ||
          !zc_store_records_update (txn, declaration, TRUE, error) ||
          !zc_store_declarations_put (txn, row, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * zc_record_service_delete_in:
 * @base_version: the version the client saw, or 0 for any
 *
 * Turns an archive entry into a tombstone, as the workflow allows
 * (pending, unreviewed and returned entries), and takes it out of the
 * applicant's draft declarations.  Deleting a tombstone again changes
 * nothing.
 *
 * Returns: (transfer full): the tombstone
 */
ZcStoredRecord *
zc_record_service_delete_in (ZcStoreTxn             *txn,
                             const ZcChangeContext  *change,
                             const char             *record_id,
                             gint64                  base_version,
                             GError                **error)
{
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(GError) workflow_error = NULL;
  ZcReviewState state;
  gboolean missing = FALSE;

  g_return_val_if_fail (txn != NULL && change != NULL && record_id != NULL, NULL);

  if (!zc_record_service_check_applicant (change->caller, change->language, error))
    return NULL;

  record = zc_record_service_get_own (txn, change->caller, record_id, change->language, &missing, error);
  if (record == NULL)
    {
      if (missing)
        zc_api_set_not_found (error, change->language);
      return NULL;
    }
  if (record->deleted)
    return g_steal_pointer (&record);

  if (g_strcmp0 (record->kind, ZC_DECLARATION_KIND) == 0)
    {
      set_not_allowed (error, zc_translate (change->language, N_("A declaration is not deleted: discard it "
                                                                 "instead.")));
      return NULL;
    }
  if (!zc_record_kind_is_archive (record->kind) || !zc_review_state_from_string (record->state, &state))
    {
      set_not_allowed (error, zc_translate (change->language, N_("Personal information cannot be deleted.")));
      return NULL;
    }
  if (!zc_archive_workflow_check (state, ZC_ARCHIVE_ACTION_DELETE, change->caller->role, NULL, NULL,
                                  change->language, &workflow_error))
    {
      zc_review_error_from_workflow (error, workflow_error, change->language);
      return NULL;
    }
  if (base_version > 0 && base_version != record->version)
    {
      zc_review_set_state_changed (error, change->language);
      return NULL;
    }

  record->deleted = TRUE;
  record->version++;
  record->updated_at = change->now;
  if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
      !zc_store_records_update (txn, record, FALSE, error) ||
      !zc_review_service_note_transition_in (txn, change, record, ZC_ARCHIVE_ACTION_DELETE, record->state, NULL,
                                             error) ||
      !drop_from_drafts (txn, change, record, error))
    return NULL;

  return g_steal_pointer (&record);
}

/**
 * zc_record_service_get_visible_in:
 *
 * The caller's own live record, or (for a unit officer) a live archive
 * entry of one of their unit's people; 404 otherwise (also for a
 * tombstone unless @with_tombstones).
 *
 * Returns: (transfer full): the record
 */
ZcStoredRecord *
zc_record_service_get_visible_in (ZcStoreTxn      *txn,
                                  const ZcCaller  *caller,
                                  const char      *record_id,
                                  gboolean         with_tombstones,
                                  ZcLanguage       language,
                                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredRecord) record = zc_store_records_get (txn, record_id, &local_error);
  gboolean visible;

  if (record == NULL)
    {
      zc_record_service_store_failed (error, local_error, language);
      return NULL;
    }

  visible = g_strcmp0 (record->owner_id, caller->account_id) == 0 ||
            (caller->role == ZC_ROLE_UNIT_OFFICER && caller->unit_id != NULL &&
             g_strcmp0 (record->owner_unit_id, caller->unit_id) == 0 &&
             (zc_record_kind_is_archive (record->kind) || g_strcmp0 (record->kind, ZC_RECORD_KIND_PHOTO) == 0) &&
             g_strcmp0 (record->owner_role, zc_role_to_string (ZC_ROLE_APPLICANT)) == 0);
  if (!visible || (record->deleted && !with_tombstones))
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  return g_steal_pointer (&record);
}
