/* zc-dictionary.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-dictionary"

#include "config.h"

#include <string.h>

#include "zc-data.h"
#include "zc-dictionary.h"

/* A dictionary file is data edited by hand, so it is checked as
 * strictly as code would be: a misspelt key or a duplicate code is an
 * error naming its place, not something to skip over. */

typedef struct
{
  char     *code;     /* owned */
  char     *label;    /* owned, English msgid */
  gboolean  deprecated;
} ZcDictionaryItem;

struct _ZcDictionary
{
  gatomicrefcount   ref_count;
  char             *id;       /* owned */
  char             *title;    /* owned, English msgid */
  ZcDictionaryItem *items;    /* owned, n_items of them */
  guint             n_items;
  GHashTable       *by_code;  /* owned: code (borrowed) → index + 1 */
};

G_DEFINE_QUARK (zc-dictionary-error-quark, zc_dictionary_error)
G_DEFINE_BOXED_TYPE (ZcDictionary, zc_dictionary, zc_dictionary_ref, zc_dictionary_unref)

static GMutex cache_mutex;
static GHashTable *cache;  /* id → ZcDictionary, both owned */

/**
 * zc_dictionary_id_is_valid:
 * @id: (nullable): a dictionary id
 *
 * Ids are file names, so only `[a-z0-9-]+` not starting with a hyphen
 * is allowed: nothing that could step out of data/dictionaries/.
 */
gboolean
zc_dictionary_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || *id == '-')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;

  return TRUE;
}

ZcDictionary *
zc_dictionary_ref (ZcDictionary *dictionary)
{
  g_return_val_if_fail (dictionary != NULL, NULL);

  g_atomic_ref_count_inc (&dictionary->ref_count);
  return dictionary;
}

void
zc_dictionary_unref (ZcDictionary *dictionary)
{
  g_return_if_fail (dictionary != NULL);

  if (!g_atomic_ref_count_dec (&dictionary->ref_count))
    return;

  for (guint i = 0; i < dictionary->n_items; i++)
    {
      g_free (dictionary->items[i].code);
      g_free (dictionary->items[i].label);
    }
  g_free (dictionary->items);
  g_clear_pointer (&dictionary->by_code, g_hash_table_unref);
  g_free (dictionary->id);
  g_free (dictionary->title);
  g_free (dictionary);
}

/* A code is what records store: printable ASCII without spaces keeps
 * it safe in URLs, CSV exports and SQL text. */
static gboolean
code_is_valid (const char *code)
{
  if (*code == '\0')
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isgraph (*p))
      return FALSE;

  return TRUE;
}

static gboolean
text_is_valid (const char *text)
{
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;

  return !g_unichar_isspace (g_utf8_get_char (text)) &&
         !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + strlen (text))));
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static void
set_invalid (GError     **error,
             const char  *id,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
set_invalid (GError     **error,
             const char  *id,
             const char  *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (id != NULL)
    g_set_error (error, ZC_DICTIONARY_ERROR, ZC_DICTIONARY_ERROR_INVALID,
                 "Dictionary “%s”: %s", id, detail);
  else
    g_set_error (error, ZC_DICTIONARY_ERROR, ZC_DICTIONARY_ERROR_INVALID,
                 "Dictionary: %s", detail);
}

static gboolean
read_item (ZcDictionary      *dictionary,
           guint              i,
           JsonNode          *node,
           GError           **error)
{
  ZcDictionaryItem *item = &dictionary->items[i];
  JsonObject *object;
  JsonNode *member;
  g_autoptr(GList) names = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, dictionary->id, "items[%u] must be an object", i);
      return FALSE;
    }
  object = json_node_get_object (node);

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, "code") != 0 && g_strcmp0 (l->data, "label") != 0 &&
        g_strcmp0 (l->data, "deprecated") != 0)
      {
        set_invalid (error, dictionary->id, "items[%u]: unknown key “%s”", i, (const char *) l->data);
        return FALSE;
      }

  member = json_object_get_member (object, "code");
  if (member == NULL || !node_is_string (member) || !code_is_valid (json_node_get_string (member)))
    {
      set_invalid (error, dictionary->id,
                   "items[%u]: “code” must be a non-empty string of printable ASCII without spaces", i);
      return FALSE;
    }
  item->code = g_strdup (json_node_get_string (member));

  member = json_object_get_member (object, "label");
  if (member == NULL || !node_is_string (member) || !text_is_valid (json_node_get_string (member)))
    {
      set_invalid (error, dictionary->id,
                   "items[%u] (code “%s”): “label” must be a non-empty single-line string without surrounding spaces",
                   i, item->code);
      return FALSE;
    }
  item->label = g_strdup (json_node_get_string (member));

  member = json_object_get_member (object, "deprecated");
  if (member != NULL)
    {
      if (!node_is_boolean (member))
        {
          set_invalid (error, dictionary->id,
                       "items[%u] (code “%s”): “deprecated” must be true or false", i, item->code);
          return FALSE;
        }
      item->deprecated = json_node_get_boolean (member);
    }

  return TRUE;
}

/**
 * zc_dictionary_new_from_json:
 * @root: the parsed file
 * @error: return location for a %ZC_DICTIONARY_ERROR_INVALID error
 *
 * Returns: (transfer full) (nullable): the dictionary, or %NULL with
 *   @error naming the first problem and where it is
 */
ZcDictionary *
zc_dictionary_new_from_json (JsonNode  *root,
                             GError   **error)
{
  g_autoptr(ZcDictionary) dictionary = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GHashTable) labels = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *items;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, NULL, "the file must hold a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);

  dictionary = g_new0 (ZcDictionary, 1);
  g_atomic_ref_count_init (&dictionary->ref_count);
  dictionary->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  member = json_object_get_member (object, "id");
  if (member == NULL || !node_is_string (member) ||
      !zc_dictionary_id_is_valid (json_node_get_string (member)))
    {
      set_invalid (error, NULL, "“id” must be a string of lower-case letters, digits and hyphens");
      return NULL;
    }
  dictionary->id = g_strdup (json_node_get_string (member));

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, "id") != 0 && g_strcmp0 (l->data, "title") != 0 &&
        g_strcmp0 (l->data, "items") != 0 && g_strcmp0 (l->data, "sources") != 0)
      {
        set_invalid (error, dictionary->id, "unknown key “%s”", (const char *) l->data);
        return NULL;
      }

  member = json_object_get_member (object, "title");
  if (member == NULL || !node_is_string (member) || !text_is_valid (json_node_get_string (member)))
    {
      set_invalid (error, dictionary->id, "“title” must be a non-empty single-line string");
      return NULL;
    }
  dictionary->title = g_strdup (json_node_get_string (member));

  /* provenance only: checked for shape, not kept */
  member = json_object_get_member (object, "sources");
  if (member != NULL)
    {
      JsonArray *sources = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;

      for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
        if (!node_is_string (json_array_get_element (sources, i)))
          sources = NULL;
      if (sources == NULL)
        {
          set_invalid (error, dictionary->id, "“sources” must be an array of strings");
          return NULL;
        }
    }

  member = json_object_get_member (object, "items");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member) ||
      json_array_get_length (json_node_get_array (member)) == 0)
    {
      set_invalid (error, dictionary->id, "“items” must be a non-empty array");
      return NULL;
    }
  items = json_node_get_array (member);

  dictionary->items = g_new0 (ZcDictionaryItem, json_array_get_length (items));
  labels = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      ZcDictionaryItem *item = &dictionary->items[i];

      /* counted first so that unref frees a half-read item */
      dictionary->n_items = i + 1;
      if (!read_item (dictionary, i, json_array_get_element (items, i), error))
        return NULL;

      if (g_hash_table_contains (dictionary->by_code, item->code))
        {
          set_invalid (error, dictionary->id, "items[%u]: the code “%s” is used twice", i, item->code);
          return NULL;
        }
      /* two options that read the same cannot be told apart in a list */
      if (g_hash_table_contains (labels, item->label))
        {
          set_invalid (error, dictionary->id, "items[%u]: the label “%s” is used twice", i, item->label);
          return NULL;
        }
      g_hash_table_insert (dictionary->by_code, item->code, GUINT_TO_POINTER (i + 1));
      g_hash_table_add (labels, item->label);
    }

  return g_steal_pointer (&dictionary);
}

/**
 * zc_dictionary_load:
 * @id: a dictionary id, the file name without ".json"
 * @error: return location for a #ZC_DICTIONARY_ERROR
 *
 * Reads data/dictionaries/@id.json afresh; see zc_dictionary_lookup()
 * for the shared, cached copy.
 *
 * Returns: (transfer full) (nullable): the dictionary
 */
ZcDictionary *
zc_dictionary_load (const char  *id,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ZcDictionary) dictionary = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!zc_dictionary_id_is_valid (id))
    {
      g_set_error (error, ZC_DICTIONARY_ERROR, ZC_DICTIONARY_ERROR_NOT_FOUND,
                   "“%s” is not a dictionary id", id);
      return NULL;
    }

  path = g_strdup_printf ("dictionaries/%s.json", id);
  root = zc_data_load_json (path, &local_error);
  if (root == NULL)
    {
      g_set_error (error, ZC_DICTIONARY_ERROR,
                   g_error_matches (local_error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND)
                     ? ZC_DICTIONARY_ERROR_NOT_FOUND : ZC_DICTIONARY_ERROR_INVALID,
                   "%s", local_error->message);
      return NULL;
    }

  dictionary = zc_dictionary_new_from_json (root, &local_error);
  if (dictionary == NULL)
    {
      g_set_error (error, ZC_DICTIONARY_ERROR, ZC_DICTIONARY_ERROR_INVALID,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  if (g_strcmp0 (dictionary->id, id) != 0)
    {
      g_set_error (error, ZC_DICTIONARY_ERROR, ZC_DICTIONARY_ERROR_INVALID,
                   "%s: the id “%s” differs from the file name", path, dictionary->id);
      return NULL;
    }

  return g_steal_pointer (&dictionary);
}

/**
 * zc_dictionary_lookup:
 * @id: a dictionary id
 * @error: return location for a #ZC_DICTIONARY_ERROR
 *
 * Like zc_dictionary_load(), but each dictionary is read once per
 * process and shared.  Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the dictionary
 */
ZcDictionary *
zc_dictionary_lookup (const char  *id,
                      GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  ZcDictionary *dictionary;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&cache_mutex);

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) zc_dictionary_unref);

  dictionary = g_hash_table_lookup (cache, id);
  if (dictionary == NULL)
    {
      dictionary = zc_dictionary_load (id, error);
      if (dictionary == NULL)
        return NULL;
      g_hash_table_insert (cache, g_strdup (id), dictionary);
    }

  return zc_dictionary_ref (dictionary);
}

const char *
zc_dictionary_get_id (ZcDictionary *dictionary)
{
  g_return_val_if_fail (dictionary != NULL, NULL);

  return dictionary->id;
}

const char *
zc_dictionary_get_title (ZcDictionary *dictionary,
                         ZcLanguage    language)
{
  g_return_val_if_fail (dictionary != NULL, NULL);

  return zc_translate (language, dictionary->title);
}

guint
zc_dictionary_get_n_items (ZcDictionary *dictionary)
{
  g_return_val_if_fail (dictionary != NULL, 0);

  return dictionary->n_items;
}

const char *
zc_dictionary_get_code (ZcDictionary *dictionary,
                        guint         i)
{
  g_return_val_if_fail (dictionary != NULL, NULL);
  g_return_val_if_fail (i < dictionary->n_items, NULL);

  return dictionary->items[i].code;
}

const char *
zc_dictionary_get_label (ZcDictionary *dictionary,
                         guint         i,
                         ZcLanguage    language)
{
  g_return_val_if_fail (dictionary != NULL, NULL);
  g_return_val_if_fail (i < dictionary->n_items, NULL);

  return zc_translate (language, dictionary->items[i].label);
}

/* Deprecated items stay valid in records but are not offered anew. */
gboolean
zc_dictionary_is_deprecated (ZcDictionary *dictionary,
                             guint         i)
{
  g_return_val_if_fail (dictionary != NULL, FALSE);
  g_return_val_if_fail (i < dictionary->n_items, FALSE);

  return dictionary->items[i].deprecated;
}

/**
 * zc_dictionary_find:
 * @dictionary: a dictionary
 * @code: a code, perhaps unknown
 * @index_out: (out) (optional): the item's index
 *
 * Returns: %TRUE when @code is one of the items (deprecated or not)
 */
gboolean
zc_dictionary_find (ZcDictionary *dictionary,
                    const char   *code,
                    guint        *index_out)
{
  gpointer value;

  g_return_val_if_fail (dictionary != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  value = g_hash_table_lookup (dictionary->by_code, code);
  if (value == NULL)
    return FALSE;

  if (index_out != NULL)
    *index_out = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/**
 * zc_dictionary_lookup_label:
 *
 * Returns: (nullable): the translated label of @code, %NULL when unknown
 */
const char *
zc_dictionary_lookup_label (ZcDictionary *dictionary,
                            const char   *code,
                            ZcLanguage    language)
{
  guint i;

  g_return_val_if_fail (dictionary != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!zc_dictionary_find (dictionary, code, &i))
    return NULL;

  return zc_translate (language, dictionary->items[i].label);
}
