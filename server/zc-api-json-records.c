/* zc-api-json-records.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include "zc-api-json.h"
#include "zc-archive-workflow.h"
#include "zc-review-state.h"

/* How records, their history and merge outcomes look in answers. */

/**
 * zc_api_json_record:
 * @for_officer: add who the entry belongs to and when it was sent
 *
 * Returns: (transfer full): the record as the sync protocol carries it
 *   (zc_record_to_json()), plus, for an officer, `applicant` and
 *   `submitted_at`
 */
JsonNode *
zc_api_json_record (const ZcStoredRecord *stored,
                    gboolean              for_officer)
{
  g_autoptr(ZcRecord) record = NULL;
  JsonNode *node;
  JsonObject *object;

  g_return_val_if_fail (stored != NULL, NULL);

  record = zc_stored_record_to_record (stored);
  node = zc_record_to_json (record);
  if (!for_officer)
    return node;

  object = json_node_get_object (node);
  {
    g_autofree char *submitted_at = stored->submitted_at != 0 ? zc_api_json_time (stored->submitted_at) : NULL;
    JsonObject *applicant = json_object_new ();

    json_object_set_string_member (applicant, "id", stored->owner_id);
    json_object_set_string_member (applicant, "name", stored->owner_name);
    json_object_set_object_member (object, "applicant", applicant);
    json_object_set_string_member (object, "submitted_at", submitted_at);
  }

  return node;
}

/**
 * zc_api_json_put_result:
 *
 * Returns: (transfer full): `{"record": …, "conflicts": [{record_id,
 *   field, client_value, server_value}, …]}`
 */
JsonNode *
zc_api_json_put_result (const ZcPutResult *result)
{
  JsonObject *object = json_object_new ();
  JsonArray *conflicts = json_array_new ();

  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; i < result->conflicts->len; i++)
    {
      ZcConflict *conflict = g_ptr_array_index (result->conflicts, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "record_id", conflict->record_id);
      json_object_set_string_member (item, "field", conflict->field);
      json_object_set_member (item, "client_value", json_node_copy (conflict->client_value));
      json_object_set_member (item, "server_value", json_node_copy (conflict->server_value));
      json_array_add_object_element (conflicts, item);
    }

  json_object_set_member (object, "record", zc_api_json_record (result->record, FALSE));
  json_object_set_array_member (object, "conflicts", conflicts);

  return json_node_init_object (json_node_alloc (), object);
}

static void
set_state (JsonObject *object,
           const char *name,
           const char *state,
           ZcLanguage  language)
{
  g_autofree char *label_name = g_strconcat (name, "_label", NULL);
  ZcReviewState value;

  json_object_set_string_member (object, name, state);
  json_object_set_string_member (object, label_name,
                                 zc_review_state_from_string (state, &value)
                                   ? zc_review_state_get_label (value, language) : NULL);
}

/**
 * zc_api_json_history_entry:
 *
 * Returns: (transfer full): one step of an entry's timeline
 */
JsonNode *
zc_api_json_history_entry (const ZcRecordHistoryEntry *entry,
                           ZcLanguage                  language)
{
  g_autofree char *at = zc_api_json_time (entry->at);
  JsonObject *object = json_object_new ();
  JsonObject *actor = json_object_new ();
  ZcArchiveAction action;

  g_return_val_if_fail (entry != NULL, NULL);

  json_object_set_string_member (object, "at", at);
  json_object_set_string_member (actor, "id", entry->actor_id);
  json_object_set_string_member (actor, "name", entry->actor_name);
  json_object_set_string_member (actor, "role", entry->actor_role);
  json_object_set_object_member (object, "actor", actor);
  json_object_set_string_member (object, "action", entry->action);
  json_object_set_string_member (object, "action_label",
                                 zc_archive_action_from_string (entry->action, &action)
                                   ? zc_archive_action_get_label (action, language) : NULL);
  set_state (object, "from", entry->from_state, language);
  set_state (object, "to", entry->to_state, language);
  json_object_set_string_member (object, "comment", entry->comment);
  json_object_set_int_member (object, "version", entry->version);

  return json_node_init_object (json_node_alloc (), object);
}
