/* zc-declaration-record.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-blob-service.h"
#include "zc-declaration-body.h"
#include "zc-declaration-record.h"
#include "zc-photo-record.h"
#include "zc-record-merge.h"
#include "zc-record-service-private.h"
#include "zc-review-service.h"
#include "zc-store-accounts.h"
#include "zc-store-audit.h"
#include "zc-store-integrity.h"
#include "zc-store-plans.h"
#include "zc-store-sync.h"
#include "zc-store-units.h"
#include "zc-taxonomy.h"

/* Asia/Shanghai has kept +08:00 all year since 1991. */
#define BEIJING_OFFSET_USEC (G_GINT64_CONSTANT (8) * 3600 * G_USEC_PER_SEC)

GDateTime *
zc_declaration_time_new (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

/* The date in Beijing at @now. */
void
zc_declaration_today (gint64  now,
                      GDate  *today)
{
  g_autoptr(GDateTime) local = zc_declaration_time_new (now + BEIJING_OFFSET_USEC);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

char *
zc_declaration_date_string (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
zc_declaration_state_of (const ZcStoredRecord *record,
                         ZcDeclarationState   *state)
{
  return record != NULL && g_strcmp0 (record->kind, ZC_DECLARATION_KIND) == 0 &&
         zc_declaration_state_from_string (record->state, state);
}

void
zc_declaration_data_free (ZcDeclarationData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->plan, zc_plan_unref);
  g_clear_pointer (&data->personal_info, json_object_unref);
  g_clear_pointer (&data->personal_photo, json_object_unref);
  g_clear_pointer (&data->archive, g_ptr_array_unref);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->others, g_array_unref);
  g_clear_pointer (&data->ban_records, g_ptr_array_unref);
  g_clear_pointer (&data->bans, g_array_unref);
  g_clear_pointer (&data->times, g_ptr_array_unref);
  g_free (data->unit_id);
  g_free (data->unit_region);
  g_free (data);
}

/* A store error, with NOT_FOUND as no error: @found says which. */
static gboolean
absent_is_fine (GError  **error,
                GError   *local_error,
                gboolean *found)
{
  *found = local_error == NULL;
  if (local_error == NULL || g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_error_copy (local_error));
  return FALSE;
}

static gboolean
load_personal (ZcStoreTxn         *txn,
               const char         *owner_id,
               ZcDeclarationData  *data,
               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredRecord) info = zc_store_records_get_personal_info (txn, owner_id, &local_error);
  g_autoptr(GPtrArray) photos = NULL;
  gboolean found;

  if (!absent_is_fine (error, local_error, &found))
    return FALSE;
  if (found && !info->deleted)
    data->personal_info = json_object_ref (info->body);

  photos = zc_store_records_list_for_owner (txn, owner_id, ZC_RECORD_KIND_PHOTO, NULL, 1, 0, error);
  if (photos == NULL)
    return FALSE;
  if (photos->len > 0)
    {
      ZcStoredRecord *photo = g_ptr_array_index (photos, 0);
      JsonNode *file = json_object_get_member (photo->body, "file");

      if (file != NULL && JSON_NODE_HOLDS_OBJECT (file))
        {
          JsonObject *object = json_node_get_object (file);
          JsonNode *sha256 = json_object_get_member (object, "sha256");
          JsonNode *mime = json_object_get_member (object, "mime");

          if (sha256 != NULL && json_node_get_value_type (sha256) == G_TYPE_STRING &&
              mime != NULL && json_node_get_value_type (mime) == G_TYPE_STRING)
            {
              data->personal_photo = json_object_new ();
              json_object_set_string_member (data->personal_photo, "sha256", json_node_get_string (sha256));
              json_object_set_string_member (data->personal_photo, "mime", json_node_get_string (mime));
            }
        }
    }

  return TRUE;
}

static gboolean
load_archive (ZcStoreTxn         *txn,
              const char         *owner_id,
              ZcDeclarationData  *data,
              GError            **error)
{
  g_autoptr(GPtrArray) entries = zc_store_records_list_for_owner (txn, owner_id, NULL, NULL, G_MAXINT32, 0, error);

  if (entries == NULL)
    return FALSE;

  data->archive = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_record_unref);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (data->archive, zc_stored_record_to_record (g_ptr_array_index (entries, i)));

  return TRUE;
}

static gboolean
load_declarations (ZcStoreTxn         *txn,
                   const char         *owner_id,
                   const char         *declaration_id,
                   ZcDeclarationData  *data,
                   GError            **error)
{
  data->rows = zc_store_declarations_for_owner (txn, owner_id, error);
  if (data->rows == NULL)
    return FALSE;

  data->others = g_array_new (FALSE, TRUE, sizeof (ZcDeclarationSummary));
  for (guint i = 0; i < data->rows->len; i++)
    {
      ZcDeclarationRow *row = g_ptr_array_index (data->rows, i);
      ZcDeclarationSummary summary = { row->record_id, row->plan_year, ZC_DECLARATION_STATE_DRAFT };

      if (g_strcmp0 (row->record_id, declaration_id) == 0 ||
          !zc_declaration_state_from_string (row->state, &summary.state))
        continue;
      g_array_append_val (data->others, summary);
    }

  return TRUE;
}

static gboolean
load_bans (ZcStoreTxn         *txn,
           const char         *owner_id,
           gint64              now,
           ZcDeclarationData  *data,
           GError            **error)
{
  g_autoptr(ZcAccount) account = zc_store_accounts_get (txn, owner_id, error);

  if (account == NULL)
    return FALSE;

  data->unit_id = g_strdup (account->unit_id);
  data->ban_records = zc_store_integrity_active (txn, account->id_number, now, error);
  if (data->ban_records == NULL)
    return FALSE;

  data->bans = g_array_new (FALSE, TRUE, sizeof (ZcIntegrityBan));
  for (guint i = 0; i < data->ban_records->len; i++)
    {
      ZcIntegrityRecord *record = g_ptr_array_index (data->ban_records, i);
      GDateTime *until = zc_declaration_time_new (record->until);
      ZcIntegrityBan ban = { until, record->reason };

      g_ptr_array_add (data->times, until);
      g_array_append_val (data->bans, ban);
    }

  return TRUE;
}

/**
 * zc_declaration_data_load_in:
 * @declaration_id: (nullable): left out of the applicant's others
 *
 * Loads what the check of @body needs: the plan version it names (400
 * when there is none), the applicant's personal information, photo,
 * archive, declarations, integrity bans in force and unit.
 *
 * Returns: (transfer full): the data, its input ready for the check
 */
ZcDeclarationData *
zc_declaration_data_load_in (ZcStoreTxn  *txn,
                             const char  *owner_id,
                             const char  *declaration_id,
                             JsonObject  *body,
                             gboolean     resubmission,
                             gint64       now,
                             ZcLanguage   language,
                             GError     **error)
{
  g_autoptr(ZcDeclarationData) data = g_new0 (ZcDeclarationData, 1);
  g_autoptr(GError) local_error = NULL;
  GDateTime *now_time;

  g_return_val_if_fail (txn != NULL && owner_id != NULL && body != NULL, NULL);

  data->times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  data->plan = zc_store_plans_get (txn, zc_declaration_body_get_plan_id (body),
                                   zc_declaration_body_get_plan_version (body), &local_error);
  if (data->plan == NULL)
    {
      if (g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        zc_api_set_error (error, ZC_API_ERROR_INVALID, "plan_not_found", "plan_id",
                          zc_translate (language, N_("There is no such review plan, or not in this version.")));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!load_personal (txn, owner_id, data, error) ||
      !load_archive (txn, owner_id, data, error) ||
      !load_declarations (txn, owner_id, declaration_id, data, error) ||
      !load_bans (txn, owner_id, now, data, error))
    return NULL;

  if (data->unit_id != NULL)
    {
      g_autoptr(ZcUnit) unit = zc_store_units_get (txn, data->unit_id, error);

      if (unit == NULL)
        return NULL;
      data->unit_region = g_strdup (unit->region_code);
    }

  now_time = zc_declaration_time_new (now);
  g_ptr_array_add (data->times, now_time);

  data->input.plan = data->plan;
  data->input.body = body;
  data->input.declaration_id = declaration_id;
  data->input.resubmission = resubmission;
  data->input.personal_info = data->personal_info;
  data->input.has_personal_photo = data->personal_photo != NULL;
  data->input.archive = data->archive;
  data->input.others = (const ZcDeclarationSummary *) data->others->data;
  data->input.n_others = data->others->len;
  data->input.bans = (const ZcIntegrityBan *) data->bans->data;
  data->input.n_bans = data->bans->len;
  data->input.bans_known = TRUE;
  data->input.unit_id = data->unit_id;
  data->input.unit_region_code = data->unit_region;
  data->input.now = now_time;
  data->input.taxonomy = zc_taxonomy_get_default ();

  return g_steal_pointer (&data);
}

gboolean
zc_declaration_record_is_resubmission (ZcStoreTxn  *txn,
                                       const char  *record_id,
                                       gboolean    *resubmission,
                                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcDeclarationRow) row = zc_store_declarations_get (txn, record_id, &local_error);
  gboolean found;

  if (!absent_is_fine (error, local_error, &found))
    return FALSE;
  *resubmission = found && row->returns > 0;
  return TRUE;
}

/**
 * zc_declaration_record_check_in:
 *
 * Returns: (transfer full) (element-type ZcCheckItem): every item of
 *   the check, run on @declaration with the server's data at @now
 */
GPtrArray *
zc_declaration_record_check_in (ZcStoreTxn            *txn,
                                const ZcStoredRecord  *declaration,
                                gint64                 now,
                                ZcLanguage             language,
                                GError               **error)
{
  g_autoptr(ZcDeclarationData) data = NULL;
  gboolean resubmission = FALSE;

  g_return_val_if_fail (txn != NULL && declaration != NULL, NULL);

  if (!zc_declaration_record_is_resubmission (txn, declaration->id, &resubmission, error))
    return NULL;
  data = zc_declaration_data_load_in (txn, declaration->owner_id, declaration->id, declaration->body, resubmission,
                                      now, language, error);
  if (data == NULL)
    return NULL;

  return zc_declaration_check_run (&data->input, language);
}

/* A refusal of the create rules as the API answers it. */
static void
set_create_refused (GError       **error,
                    const GError  *check_error)
{
  static const struct { int code; const char *name; ZcApiError kind; } codes[] = {
    { ZC_DECLARATION_CHECK_ERROR_PLAN_NOT_OPEN, "plan_not_open", ZC_API_ERROR_CONFLICT },
    { ZC_DECLARATION_CHECK_ERROR_WINDOW_CLOSED, "window_closed", ZC_API_ERROR_CONFLICT },
    { ZC_DECLARATION_CHECK_ERROR_ONE_PER_YEAR, "one_per_year", ZC_API_ERROR_CONFLICT },
    { ZC_DECLARATION_CHECK_ERROR_INTEGRITY_BAN, "integrity_ban", ZC_API_ERROR_FORBIDDEN },
    { ZC_DECLARATION_CHECK_ERROR_LAST_YEAR_UNFINISHED, "last_year_unfinished", ZC_API_ERROR_CONFLICT },
    { ZC_DECLARATION_CHECK_ERROR_OUT_OF_SCOPE, "out_of_scope", ZC_API_ERROR_FORBIDDEN },
  };

  for (guint i = 0; check_error->domain == ZC_DECLARATION_CHECK_ERROR && i < G_N_ELEMENTS (codes); i++)
    {
      if (codes[i].code == check_error->code)
        {
          zc_api_set_error (error, codes[i].kind, codes[i].name, NULL, check_error->message);
          return;
        }
    }

  zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "not_allowed", NULL, check_error->message);
}

static gboolean
validate (JsonObject  *body,
          ZcLanguage   language,
          GError     **error)
{
  g_autoptr(GPtrArray) field_errors = NULL;

  if (zc_declaration_body_validate (body, language, &field_errors))
    return TRUE;

  if (field_errors != NULL && field_errors->len > 0)
    zc_api_set_field_errors (error, field_errors, language);
  else
    zc_api_set_invalid_field (error, "body", zc_translate (language, N_("The declaration is not valid.")));
  return FALSE;
}

/* Naming a blob lends access to it (reviewers read the declaration's
 * files): only blobs the author may read already. */
static gboolean
check_blobs (ZcStoreTxn      *txn,
             const ZcCaller  *caller,
             JsonObject      *body,
             ZcLanguage       language,
             GError         **error)
{
  g_autoptr(GPtrArray) blobs = zc_declaration_body_list_blobs (body);

  for (guint i = 0; blobs != NULL && i < blobs->len; i++)
    {
      gboolean allowed = FALSE;

      if (!zc_blob_service_may_read_in (txn, caller, g_ptr_array_index (blobs, i), &allowed, error))
        return FALSE;
      if (!allowed)
        {
          zc_api_set_error (error, ZC_API_ERROR_INVALID, "blob_missing", "body",
                            zc_translate (language, N_("A file named in the declaration has not been uploaded.")));
          return FALSE;
        }
    }

  return TRUE;
}

/* The unit that receives it and that unit's competent department. */
static gboolean
resolve_receiving_unit (ZcStoreTxn        *txn,
                        JsonObject        *body,
                        const char        *owner_unit_id,
                        ZcDeclarationRow  *row,
                        ZcLanguage         language,
                        GError           **error)
{
  const char *unit_id = zc_declaration_body_get_receiving_unit_id (body);
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) local_error = NULL;

  if (unit_id == NULL)
    unit_id = owner_unit_id;
  g_clear_pointer (&row->receiving_unit_id, g_free);
  g_clear_pointer (&row->department_id, g_free);
  if (unit_id == NULL)
    return TRUE;

  unit = zc_store_units_get (txn, unit_id, &local_error);
  if (unit == NULL)
    {
      if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      zc_api_set_invalid_field (error, "receiving_unit_id",
                                zc_translate (language, N_("There is no such unit.")));
      return FALSE;
    }
  if (unit->kind != ZC_UNIT_KIND_EMPLOYER && unit->kind != ZC_UNIT_KIND_HR_BUREAU)
    {
      zc_api_set_invalid_field (error, "receiving_unit_id",
                                zc_translate (language, N_("A declaration is received by an employer or by a "
                                                           "human resources bureau.")));
      return FALSE;
    }

  row->receiving_unit_id = g_strdup (unit->id);
  row->department_id = g_strdup (unit->department_id);
  return TRUE;
}

/* The create's history and audit rows (no message: the applicant did it). */
static gboolean
note_create (ZcStoreTxn             *txn,
             const ZcChangeContext  *change,
             const ZcStoredRecord   *record,
             GError                **error)
{
  ZcRecordHistoryEntry history = {
    .record_id = record->id,
    .at = change->now,
    .actor_id = change->caller->account_id,
    .actor_role = (char *) zc_role_to_string (change->caller->role),
    .action = (char *) zc_declaration_action_to_string (ZC_DECLARATION_ACTION_CREATE),
    .to_state = record->state,
    .version = record->version,
  };
  ZcAuditEntry audit = {
    .actor = change->caller->account_id,
    .action = "declaration.create",
    .object = record->id,
    .detail = "-→draft",
    .address = change->address,
  };

  return zc_store_records_append_history (txn, &history, error) &&
         zc_store_audit_append (txn, change->now, &audit, error);
}

static ZcPutResult *
create (ZcStoreTxn             *txn,
        const ZcChangeContext  *change,
        const char             *record_id,
        JsonObject             *values,
        GError                **error)
{
  g_autoptr(ZcPutResult) result = g_new0 (ZcPutResult, 1);
  g_autoptr(ZcStoredRecord) record = zc_stored_record_new ();
  g_autoptr(ZcDeclarationData) data = NULL;
  g_autoptr(ZcDeclarationRow) row = g_new0 (ZcDeclarationRow, 1);
  g_autoptr(GError) refusal = NULL;
  ZcDeclarationState state;

  if (!zc_json_is_uuid (record_id))
    {
      zc_api_set_invalid_field (error, "id", zc_translate (change->language, N_("A record id is a UUID.")));
      return NULL;
    }
  if (!validate (values, change->language, error) ||
      !check_blobs (txn, change->caller, values, change->language, error))
    return NULL;

  data = zc_declaration_data_load_in (txn, change->caller->account_id, record_id, values, FALSE, change->now,
                                      change->language, error);
  if (data == NULL)
    return NULL;

  if (!zc_declaration_workflow_check_new (zc_plan_get_plan_type (data->plan), ZC_DECLARATION_ACTION_CREATE,
                                          change->caller->role, &state, change->language, &refusal))
    {
      zc_review_error_from_workflow (error, refusal, change->language);
      return NULL;
    }
  if (!zc_declaration_check_may_create (&data->input, change->language, &refusal))
    {
      set_create_refused (error, refusal);
      return NULL;
    }
  if (!resolve_receiving_unit (txn, values, change->caller->unit_id, row, change->language, error))
    return NULL;

  record->id = g_strdup (record_id);
  record->kind = g_strdup (ZC_DECLARATION_KIND);
  record->owner_id = g_strdup (change->caller->account_id);
  record->body = zc_json_object_copy_deep (values);
  record->state = g_strdup (zc_declaration_state_to_string (state));
  record->version = 1;
  record->created_at = record->updated_at = change->now;

  row->record_id = g_strdup (record_id);
  row->owner_id = g_strdup (record->owner_id);
  row->plan_id = g_strdup (zc_plan_get_id (data->plan));
  row->plan_version = zc_plan_get_version (data->plan);
  row->plan_year = zc_plan_get_year (data->plan);
  row->plan_type = g_strdup (zc_plan_type_to_string (zc_plan_get_plan_type (data->plan)));
  row->committee_id = g_strdup (zc_plan_get_committee_id (data->plan));
  row->state = g_strdup (record->state);
  row->updated_at = change->now;

  if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
      !zc_store_records_insert (txn, record, error) ||
      !zc_store_declarations_put (txn, row, error) ||
      !note_create (txn, change, record, error))
    return NULL;

  record->owner_name = g_strdup (change->caller->name);
  record->owner_unit_id = g_strdup (change->caller->unit_id);
  record->owner_role = g_strdup (zc_role_to_string (change->caller->role));
  result->record = g_steal_pointer (&record);
  result->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_conflict_free);
  result->changed = TRUE;

  return g_steal_pointer (&result);
}

/* Edits only while the applicant holds it: a draft, or returned before
 * the plan's modification deadline. */
static gboolean
check_editable (ZcStoreTxn             *txn,
                const ZcChangeContext  *change,
                const ZcStoredRecord   *record,
                ZcDeclarationRow      **row_out,
                GError                **error)
{
  g_autoptr(ZcDeclarationRow) row = zc_store_declarations_get (txn, record->id, error);
  g_autoptr(GError) refusal = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GDateTime) now = NULL;
  ZcDeclarationState from;
  ZcPlanType plan_type = ZC_PLAN_TYPE_REVIEW;

  if (row == NULL)
    return FALSE;
  if (!zc_declaration_state_of (record, &from))
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "Declaration %s has no valid state", record->id);
      return FALSE;
    }

  zc_plan_type_from_string (row->plan_type, &plan_type);
  if (!zc_declaration_workflow_check (plan_type, from, ZC_DECLARATION_ACTION_SAVE_DRAFT, change->caller->role, NULL,
                                      NULL, change->language, &refusal))
    {
      zc_review_error_from_workflow (error, refusal, change->language);
      return FALSE;
    }

  if (from == ZC_DECLARATION_STATE_RETURNED)
    {
      plan = zc_store_plans_get (txn, row->plan_id, row->plan_version, error);
      if (plan == NULL)
        return FALSE;
      now = zc_declaration_time_new (change->now);
      if (!zc_plan_before_deadline (plan, ZC_PLAN_WINDOW_MODIFICATION_DEADLINE, now))
        {
          zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "deadline_passed", NULL,
                            zc_translate (change->language, N_("The plan's modification deadline has passed: the "
                                                               "declaration can no longer be changed.")));
          return FALSE;
        }
    }

  *row_out = g_steal_pointer (&row);
  return TRUE;
}

static gboolean
same_plan (JsonObject *a,
           JsonObject *b)
{
  return g_strcmp0 (zc_declaration_body_get_plan_id (a), zc_declaration_body_get_plan_id (b)) == 0 &&
         zc_declaration_body_get_plan_version (a) == zc_declaration_body_get_plan_version (b);
}

/* @stored: (transfer full) */
static ZcPutResult *
edit (ZcStoreTxn             *txn,
      const ZcChangeContext  *change,
      ZcStoredRecord         *stored,
      gint64                  base_version,
      JsonObject             *values,
      gboolean                full_body,
      GError                **error)
{
  g_autoptr(ZcStoredRecord) record = stored;
  g_autoptr(ZcPutResult) result = g_new0 (ZcPutResult, 1);
  g_autoptr(ZcDeclarationRow) row = NULL;
  g_autoptr(JsonObject) merged = NULL;

  if (!check_editable (txn, change, record, &row, error))
    return NULL;
  if (!zc_record_service_merge_in (txn, change, record, base_version, values, full_body, result, &merged, error))
    return NULL;

  if (result->changed)
    {
      if (!validate (merged, change->language, error) ||
          !check_blobs (txn, change->caller, merged, change->language, error))
        return NULL;
      if (!same_plan (merged, record->body))
        {
          zc_api_set_invalid_field (error, "plan_id",
                                    zc_translate (change->language, N_("The plan of a declaration cannot be changed; "
                                                                       "discard it and make a new one.")));
          return NULL;
        }
      if (!resolve_receiving_unit (txn, merged, record->owner_unit_id, row, change->language, error))
        return NULL;

      json_object_unref (record->body);
      record->body = g_steal_pointer (&merged);
      record->version++;
      record->updated_at = change->now;
      row->updated_at = change->now;
      if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
          !zc_store_records_update (txn, record, TRUE, error) ||
          !zc_store_declarations_put (txn, row, error))
        return NULL;
    }

  result->record = g_steal_pointer (&record);
  return g_steal_pointer (&result);
}

/**
 * zc_declaration_record_put_in:
 *
 * Creates the caller's declaration under the create rules (plan open,
 * window, one per year, integrity, last year; 409/403 with the rule's
 * code) or merges an edit into it like every record, while it is a
 * draft or returned before the modification deadline.  The body passes
 * zc_declaration_body_validate(); the plan and its version are fixed.
 *
 * Returns: (transfer full): the outcome, or NULL with @error set
 */
ZcPutResult *
zc_declaration_record_put_in (ZcStoreTxn             *txn,
                              const ZcChangeContext  *change,
                              const char             *record_id,
                              gint64                  base_version,
                              JsonObject             *values,
                              gboolean                full_body,
                              gboolean                must_be_new,
                              GError                **error)
{
  g_autoptr(ZcStoredRecord) record = NULL;
  gboolean missing = FALSE;

  g_return_val_if_fail (txn != NULL && change != NULL && record_id != NULL && values != NULL, NULL);

  if (!zc_record_service_check_applicant (change->caller, change->language, error))
    return NULL;

  record = zc_record_service_get_own (txn, change->caller, record_id, change->language, &missing, error);
  if (record == NULL && !missing)
    return NULL;
  if (record == NULL)
    return create (txn, change, record_id, values, error);

  if (must_be_new)
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "record_exists", "id",
                        zc_translate (change->language, N_("A record with this id exists already.")));
      return NULL;
    }
  if (!g_str_equal (record->kind, ZC_DECLARATION_KIND))
    {
      zc_api_set_invalid_field (error, "kind", zc_translate (change->language, N_("The record is of another kind.")));
      return NULL;
    }

  return edit (txn, change, g_steal_pointer (&record), base_version, values, full_body, error);
}
