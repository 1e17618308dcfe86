/* zc-sync-message.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync-message"

#include "config.h"

#include <string.h>

#include "zc-sync-message-private.h"

/* What the sync codecs share (zc-sync-message-private.h): names made of
 * a fixed alphabet, arrays of messages, and the checks both the push
 * result and the pull response make.
 *
 * The server parses pushes from clients and the client parses pull
 * responses from the server; neither trusts the other's JSON.  Besides
 * each field's type and format, from_json() checks the invariants the
 * protocol relies on: mutation ids increasing by one, change sequence
 * numbers increasing, rejections and conflicts never beyond the last
 * consumed mutation, a cursor that belongs to the response's epoch. */

/* 1 to ZC_SYNC_MAX_NAME_LENGTH characters, all from @alphabet */
gboolean
zc_sync_is_word (const char *string,
                 const char *alphabet)
{
  gsize length;

  if (string == NULL)
    return FALSE;

  length = strlen (string);
  return length >= 1 && length <= ZC_SYNC_MAX_NAME_LENGTH && strspn (string, alphabet) == length;
}

gboolean
zc_sync_set_invalid (GError     **error,
                     const char  *name,
                     const char  *expected)
{
  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID, "%s: expected %s", name, expected);
  return FALSE;
}

JsonNode *
zc_sync_node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), NULL);

  json_node_take_object (node, object);
  return node;
}

GPtrArray *
zc_sync_array_from_json (JsonObject          *object,
                         const char          *name,
                         guint                max,
                         ZcSyncFromJsonFunc   from_json,
                         GDestroyNotify       free_func,
                         GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  guint length;

  if (!zc_json_get_array (object, name, TRUE, &array, error))
    return NULL;

  length = json_array_get_length (array);
  if (length > max)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "%s: at most %u elements, found %u", name, max, length);
      return NULL;
    }

  items = g_ptr_array_new_full (length, free_func);
  for (guint i = 0; i < length; i++)
    {
      gpointer item = from_json (json_array_get_element (array, i), error);

      if (item == NULL)
        {
          zc_json_prefix_error (error, "%s[%u]", name, i);
          return NULL;
        }
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

void
zc_sync_array_to_json (JsonObject       *object,
                       const char       *name,
                       GPtrArray        *items,
                       ZcSyncToJsonFunc  to_json)
{
  JsonArray *array = json_array_sized_new (items != NULL ? items->len : 0);

  for (guint i = 0; items != NULL && i < items->len; i++)
    json_array_add_element (array, to_json (g_ptr_array_index (items, i)));

  json_object_set_array_member (object, name, array);
}

gboolean
zc_sync_array_equal (GPtrArray       *a,
                     GPtrArray       *b,
                     ZcSyncEqualFunc  equal)
{
  guint length_a = a != NULL ? a->len : 0;
  guint length_b = b != NULL ? b->len : 0;

  if (length_a != length_b)
    return FALSE;

  for (guint i = 0; i < length_a; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

/* A member of any JSON type, JSON null included. */
gboolean
zc_sync_get_any (JsonObject  *object,
                 const char  *name,
                 JsonNode   **out,
                 GError     **error)
{
  *out = json_object_get_member (object, name);
  if (*out != NULL)
    return TRUE;

  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_MISSING, "%s: required member is missing", name);
  return FALSE;
}

/* Rejections and conflicts can only concern consumed mutations. */
gboolean
zc_sync_check_consumed (gint64       mutation_id,
                        gint64       last_mutation_id,
                        const char  *array,
                        guint        index,
                        GError     **error)
{
  if (mutation_id <= last_mutation_id)
    return TRUE;

  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
               "%s[%u].mutation_id: beyond last_mutation_id %" G_GINT64_FORMAT,
               array, index, last_mutation_id);
  return FALSE;
}
