/* zc-record-merge.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-record"

#include "config.h"

#include "zc-json.h"
#include "zc-record-merge.h"

void
zc_merge_conflict_free (ZcMergeConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->field);
  g_clear_pointer (&conflict->client_value, json_node_unref);
  g_clear_pointer (&conflict->server_value, json_node_unref);
  g_free (conflict);
}

static gboolean
is_empty (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* Absent and null are both "empty" and equal to each other. */
gboolean
zc_record_values_equal (JsonNode *a,
                        JsonNode *b)
{
  if (is_empty (a) || is_empty (b))
    return is_empty (a) && is_empty (b);

  return zc_json_node_equal (a, b);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static JsonNode *
copy_or_null (JsonNode *node)
{
  if (is_empty (node))
    return json_node_init_null (json_node_alloc ());

  return zc_json_node_copy_deep (node);
}

static void
add_names (GHashTable *names,
           GPtrArray  *ordered,
           JsonObject *object)
{
  g_autoptr(GList) members = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_hash_table_add (names, l->data))
        g_ptr_array_add (ordered, l->data);
    }
}

/**
 * zc_record_merge:
 * @conflicts: (out) (transfer full) (element-type ZcMergeConflict): the
 *   fields changed on both sides, in the order they were met
 * @changed: (out): whether the result differs from the current body
 *
 * Returns: (transfer full): the merged body
 */
JsonObject *
zc_record_merge (const ZcMergeInput  *input,
                 GPtrArray          **conflicts,
                 gboolean            *changed)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  JsonObject *merged;

  g_return_val_if_fail (input != NULL && input->current != NULL && input->changes != NULL, NULL);
  g_return_val_if_fail (conflicts != NULL && changed != NULL, NULL);

  merged = zc_json_object_copy_deep (input->current);
  *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_merge_conflict_free);
  *changed = FALSE;

  /* the fields the client may have changed */
  add_names (names, ordered, input->changes);
  if (input->full_body)
    add_names (names, ordered, input->base != NULL && !input->base_is_current ? input->base : input->current);

  for (guint i = 0; i < ordered->len; i++)
    {
      const char *name = ordered->pdata[i];
      JsonNode *client_value = member (input->changes, name);
      JsonNode *server_value = member (input->current, name);
      gboolean client_changed, server_changed;

      if (input->base_is_current)
        {
          client_changed = !zc_record_values_equal (client_value, server_value);
          server_changed = FALSE;
        }
      else if (input->base != NULL)
        {
          JsonNode *base_value = member (input->base, name);

          client_changed = !input->full_body || !zc_record_values_equal (client_value, base_value);
          server_changed = !zc_record_values_equal (base_value, server_value);
        }
      else
        {
          /* no base to compare with: every difference is a conflict */
          client_changed = TRUE;
          server_changed = TRUE;
        }

      if (!client_changed || zc_record_values_equal (client_value, server_value))
        continue;

      if (server_changed)
        {
          ZcMergeConflict *conflict = g_new0 (ZcMergeConflict, 1);

          conflict->field = g_strdup (name);
          conflict->client_value = copy_or_null (client_value);
          conflict->server_value = copy_or_null (server_value);
          g_ptr_array_add (*conflicts, conflict);
          continue;
        }

      if (is_empty (client_value))
        json_object_remove_member (merged, name);
      else
        json_object_set_member (merged, name, zc_json_node_copy_deep (client_value));
      *changed = TRUE;
    }

  return merged;
}
