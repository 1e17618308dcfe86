/* zc-photo-record.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-photo-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-blob-service.h"
#include "zc-json.h"
#include "zc-photo-record.h"
#include "zc-record-service-private.h"
#include "zc-store-sync.h"

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
        return FALSE;
    }
  return TRUE;
}

static gboolean
only_members (JsonObject          *object,
              const char * const  *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        return FALSE;
    }
  return TRUE;
}

static gboolean
positive_member (JsonObject *object,
                 const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
         json_node_get_int (node) > 0;
}

static void
set_bad (GError     **error,
         const char  *field,
         ZcLanguage   language)
{
  zc_api_set_invalid_field (error, field,
                            zc_translate (language, N_("The ID photo record is not valid: it needs a file "
                                                       "(sha256, name, JPEG or PNG type, size) and a positive "
                                                       "width and height, and nothing else.")));
}

/**
 * zc_photo_record_check_body:
 *
 * Checks a photo body strictly: only the members "file", "width" and
 * "height"; "file" only "sha256" (64 lowercase hex), "name" (not
 * empty), "mime" (image/jpeg or image/png), "size"; positive integers.
 * The blob must be stored, readable by @caller and of the stated type
 * and size.  The deployment's photo rules are checked by GET
 * .../photo-check, not here: the record service has no blob store.
 *
 * Returns: whether the body is acceptable (invalid field error if not)
 */
gboolean
zc_photo_record_check_body (ZcStoreTxn      *txn,
                            const ZcCaller  *caller,
                            JsonObject      *body,
                            ZcLanguage       language,
                            GError         **error)
{
  static const char * const body_members[] = { "file", "width", "height", NULL };
  static const char * const file_members[] = { "sha256", "name", "mime", "size", NULL };
  g_autoptr(ZcBlob) blob = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *file_node;
  JsonObject *file;
  const char *sha256, *name, *mime;
  gboolean allowed = FALSE;

  g_return_val_if_fail (txn != NULL && caller != NULL && body != NULL, FALSE);

  file_node = json_object_get_member (body, "file");
  if (!only_members (body, body_members) || file_node == NULL || !JSON_NODE_HOLDS_OBJECT (file_node) ||
      !positive_member (body, "width") || !positive_member (body, "height"))
    {
      set_bad (error, "body", language);
      return FALSE;
    }

  file = json_node_get_object (file_node);
  sha256 = zc_json_member_string (file, "sha256");
  name = zc_json_member_string (file, "name");
  mime = zc_json_member_string (file, "mime");
  if (!only_members (file, file_members) || sha256 == NULL || !is_sha256 (sha256) ||
      name == NULL || *name == '\0' || mime == NULL ||
      (!g_str_equal (mime, "image/jpeg") && !g_str_equal (mime, "image/png")) ||
      !positive_member (file, "size"))
    {
      set_bad (error, "file", language);
      return FALSE;
    }

  /* naming a blob lends access to it: only a blob the caller may read */
  if (!zc_blob_service_may_read_in (txn, caller, sha256, &allowed, error))
    return FALSE;
  if (allowed)
    blob = zc_store_blobs_get (txn, sha256, &local_error);
  if (blob == NULL)
    {
      if (local_error != NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      zc_api_set_invalid_field (error, "file.sha256",
                                zc_translate (language, N_("The photo file has not been uploaded.")));
      return FALSE;
    }

  if (g_strcmp0 (blob->mime, mime) != 0 || blob->size != json_object_get_int_member (file, "size"))
    {
      zc_api_set_invalid_field (error, "file.mime",
                                zc_translate (language, N_("The photo file is not the one described: its type "
                                                           "or size differs.")));
      return FALSE;
    }

  return TRUE;
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  g_autoptr(JsonNode) node_a = json_node_init_object (json_node_alloc (), a);
  g_autoptr(JsonNode) node_b = json_node_init_object (json_node_alloc (), b);

  return zc_json_node_equal (node_a, node_b);
}

/* The account's photo record (a live or deleted one), or NULL. */
static ZcStoredRecord *
find_photo (ZcStoreTxn  *txn,
            const char  *owner_id,
            GError     **error)
{
  g_autoptr(GPtrArray) records = zc_store_records_list_for_owner (txn, owner_id, ZC_RECORD_KIND_PHOTO, NULL,
                                                                  1, 0, error);

  if (records == NULL || records->len == 0)
    return NULL;
  return g_ptr_array_steal_index (records, 0);
}

/**
 * zc_photo_record_put_in:
 *
 * Creates or changes the caller's photo record.  One per account: a put
 * under another id changes the existing record.  The body is small and
 * is replaced as a whole (the members sent replace theirs when not
 * @full_body); no field conflicts are kept.
 *
 * Returns: (transfer full): the outcome, or NULL with @error set
 */
ZcPutResult *
zc_photo_record_put_in (ZcStoreTxn             *txn,
                        const ZcChangeContext  *change,
                        const char             *record_id,
                        JsonObject             *values,
                        gboolean                full_body,
                        gboolean                must_be_new,
                        GError                **error)
{
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(ZcPutResult) result = g_new0 (ZcPutResult, 1);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) body = NULL;
  gboolean missing = FALSE;

  g_return_val_if_fail (txn != NULL && change != NULL && record_id != NULL && values != NULL, NULL);

  record = zc_record_service_get_own (txn, change->caller, record_id, change->language, &missing, error);
  if (record == NULL && !missing)
    return NULL;
  if (record == NULL)
    {
      record = find_photo (txn, change->caller->account_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (record != NULL && must_be_new)
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "record_exists", "id",
                        zc_translate (change->language, N_("A record with this id exists already.")));
      return NULL;
    }
  if (record != NULL && !g_str_equal (record->kind, ZC_RECORD_KIND_PHOTO))
    {
      zc_api_set_invalid_field (error, "kind", zc_translate (change->language, N_("The record is of another kind.")));
      return NULL;
    }

  if (record != NULL && !full_body)
    {
      g_autoptr(GList) members = json_object_get_members (values);

      body = zc_json_object_copy_deep (record->body);
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (body, l->data, zc_json_node_copy_deep (json_object_get_member (values, l->data)));
    }
  else
    body = zc_json_object_copy_deep (values);

  if (!zc_photo_record_check_body (txn, change->caller, body, change->language, error))
    return NULL;

  result->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_conflict_free);
  if (record == NULL)
    {
      record = zc_stored_record_new ();
      record->id = g_strdup (record_id);
      record->kind = g_strdup (ZC_RECORD_KIND_PHOTO);
      record->owner_id = g_strdup (change->caller->account_id);
      record->body = g_steal_pointer (&body);
      record->version = 1;
      record->created_at = record->updated_at = change->now;
      if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
          !zc_store_records_insert (txn, record, error))
        return NULL;
      g_free (record->owner_name);
      record->owner_name = g_strdup (change->caller->name);
      g_free (record->owner_unit_id);
      record->owner_unit_id = g_strdup (change->caller->unit_id);
      g_free (record->owner_role);
      record->owner_role = g_strdup (zc_role_to_string (change->caller->role));
      result->changed = TRUE;
    }
  else if (record->deleted || !objects_equal (record->body, body))
    {
      json_object_unref (record->body);
      record->body = g_steal_pointer (&body);
      record->deleted = FALSE;
      record->version++;
      record->updated_at = change->now;
      if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
          !zc_store_records_update (txn, record, TRUE, error))
        return NULL;
      result->changed = TRUE;
    }

  result->record = g_steal_pointer (&record);
  return g_steal_pointer (&result);
}
