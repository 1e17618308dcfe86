/* zc-declaration-freeze.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration"

#include "config.h"

#include <string.h>

#include "zc-declaration-assemble.h"
#include "zc-declaration-freeze.h"
#include "zc-declaration-record.h"
#include "zc-json.h"
#include "zc-store-accounts.h"
#include "zc-store-declarations.h"
#include "zc-store-units.h"

/* The unit's and its department's names, for the form's head. */
static gboolean
unit_names (ZcStoreTxn  *txn,
            const char  *record_id,
            char       **unit_name,
            char       **department_name,
            GError     **error)
{
  g_autoptr(ZcDeclarationRow) row = zc_store_declarations_get (txn, record_id, error);
  g_autoptr(GError) local_error = NULL;

  if (row == NULL)
    return FALSE;

  if (row->receiving_unit_id != NULL)
    {
      g_autoptr(ZcUnit) unit = zc_store_units_get (txn, row->receiving_unit_id, &local_error);

      if (unit != NULL)
        *unit_name = g_strdup (unit->name);
    }
  g_clear_error (&local_error);
  if (row->department_id != NULL)
    {
      g_autoptr(ZcUnit) department = zc_store_units_get (txn, row->department_id, &local_error);

      if (department != NULL)
        *department_name = g_strdup (department->name);
    }
  if (local_error != NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The document assembled now from the store's data. */
static JsonNode *
assemble (ZcStoreTxn             *txn,
          const ZcChangeContext  *change,
          const ZcStoredRecord   *declaration,
          gboolean                is_draft,
          GError                **error)
{
  g_autoptr(ZcDeclarationData) data = NULL;
  g_autoptr(ZcAccount) applicant = NULL;
  g_autoptr(JsonObject) personal_info = NULL;
  g_autofree char *unit_name = NULL;
  g_autofree char *department_name = NULL;
  ZcAssembleInput input = { 0 };
  GDate today;

  data = zc_declaration_data_load_in (txn, declaration->owner_id, declaration->id, declaration->body, FALSE,
                                      change->now, change->language, error);
  if (data == NULL || !unit_names (txn, declaration->id, &unit_name, &department_name, error))
    return NULL;
  applicant = zc_store_accounts_get (txn, declaration->owner_id, error);
  if (applicant == NULL)
    return NULL;

  /* name, ID number and gender are the account's (fixed at
   * registration), even before the personal information is filled in */
  personal_info = data->personal_info != NULL ? zc_json_object_copy_deep (data->personal_info) : json_object_new ();
  json_object_set_string_member (personal_info, "name", applicant->name);
  json_object_set_string_member (personal_info, "id_number", applicant->id_number);
  if (applicant->gender != NULL)
    json_object_set_string_member (personal_info, "gender", g_str_equal (applicant->gender, "female") ? "2" : "1");

  zc_declaration_today (change->now, &today);
  input.declaration_id = declaration->id;
  input.body = declaration->body;
  input.is_draft = is_draft;
  input.plan = data->plan;
  input.personal_info = personal_info;
  input.personal_photo = data->personal_photo;
  input.archive = data->archive;
  input.unit_name = unit_name;
  input.department_name = department_name;
  input.filled_on = &today;

  /* the frozen copy is the province's record: in its language, whoever submitted */
  return zc_declaration_assemble_json (&input, ZC_LANGUAGE_LOCALE);
}

/**
 * zc_declaration_freeze_in:
 * @declaration: the declaration as it is after its submission
 *
 * Keeps the review-form document of @declaration's version: the picked
 * entries (pending ones marked), the personal information and the plan
 * as they are now.  Later archive edits do not change it.
 */
gboolean
zc_declaration_freeze_in (ZcStoreTxn             *txn,
                          const ZcChangeContext  *change,
                          const ZcStoredRecord   *declaration,
                          GError                **error)
{
  g_autoptr(JsonNode) document = NULL;

  g_return_val_if_fail (txn != NULL && change != NULL && declaration != NULL, FALSE);

  document = assemble (txn, change, declaration, FALSE, error);
  if (document == NULL)
    return FALSE;

  return zc_store_declarations_put_snapshot (txn, declaration->id, declaration->version, document, change->now,
                                             error);
}

static const char *
opinion_level (const char *action)
{
  if (g_strcmp0 (action, "recommend") == 0)
    return "unit";
  if (g_strcmp0 (action, "pass") == 0)
    return "department";
  if (g_strcmp0 (action, "record_pass") == 0)
    return "committee";
  return NULL;
}

/* The reviewers' opinions given since the snapshot: the recommendation,
 * the department's pass and the committee's result, each with its
 * signer and date. */
static gboolean
add_opinions (ZcStoreTxn    *txn,
              const char    *record_id,
              gint64         since_version,
              JsonObject    *document,
              GError       **error)
{
  g_autoptr(GPtrArray) history = zc_store_records_get_history (txn, record_id, error);
  JsonNode *node;
  JsonObject *opinions;

  if (history == NULL)
    return FALSE;

  node = json_object_get_member (document, "opinions");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      json_object_set_object_member (document, "opinions", json_object_new ());
      node = json_object_get_member (document, "opinions");
    }
  opinions = json_node_get_object (node);

  for (guint i = 0; i < history->len; i++)
    {
      ZcRecordHistoryEntry *entry = g_ptr_array_index (history, i);
      const char *level = opinion_level (entry->action);
      JsonObject *opinion;
      GDate date;
      g_autofree char *signed_on = NULL;

      if (level == NULL || entry->version <= since_version)
        continue;

      zc_declaration_today (entry->at, &date);
      signed_on = zc_declaration_date_string (&date);
      opinion = json_object_new ();
      if (entry->comment != NULL)
        json_object_set_string_member (opinion, "text", entry->comment);
      if (entry->actor_name != NULL)
        json_object_set_string_member (opinion, "signer", entry->actor_name);
      json_object_set_string_member (opinion, "signed_on", signed_on);
      json_object_set_object_member (opinions, level, opinion);
    }

  return TRUE;
}

/**
 * zc_declaration_document_in:
 * @version_out: (out) (optional): changes whenever the document would
 *
 * Returns: (transfer full): the frozen document of the newest
 *   submission with the opinions so far, or for a declaration never
 *   submitted one assembled now and marked as a draft
 */
JsonNode *
zc_declaration_document_in (ZcStoreTxn             *txn,
                            const ZcChangeContext  *change,
                            const ZcStoredRecord   *declaration,
                            char                  **version_out,
                            GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) document = NULL;
  gint64 version = 0;

  g_return_val_if_fail (txn != NULL && change != NULL && declaration != NULL, NULL);

  document = zc_store_declarations_get_snapshot (txn, declaration->id, &version, &local_error);
  if (document != NULL)
    {
      if (!add_opinions (txn, declaration->id, version, json_node_get_object (document), error))
        return NULL;
    }
  else if (g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    {
      document = assemble (txn, change, declaration, TRUE, error);
      if (document == NULL)
        return NULL;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (version_out != NULL)
    {
      g_autofree char *text = zc_json_to_string (document);

      *version_out = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
    }

  return g_steal_pointer (&document);
}
