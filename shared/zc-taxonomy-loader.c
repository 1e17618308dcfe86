/* zc-taxonomy-loader.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-taxonomy"

#include "config.h"

#include <string.h>

#include "zc-data.h"
#include "zc-taxonomy-loader.h"
#include "zc-taxonomy-private.h"

/* Reading data/taxonomy.json (format in docs/taxonomy.md) into a
 * ZcTaxonomy: zc_taxonomy_new_from_json(), zc_taxonomy_load() and the
 * built-in zc_taxonomy_get_default().  Every member is checked here, so
 * the lookups of zc-taxonomy.c can trust the data. */

#define TAXONOMY_FORMAT 1

static void
category_free (ZcTaxonomyCategory *c)
{
  g_free (c->name);
  for (guint i = 0; i < ZC_N_TITLE_LEVELS; i++)
    {
      g_free (c->titles[i]);
      g_strfreev (c->alternatives[i]);
    }
  g_strfreev (c->specialties);
  g_free (c);
}

static void
series_free (ZcTaxonomySeries *s)
{
  g_free (s->code);
  g_free (s->slug);
  g_free (s->name);
  g_free (s->name_en);
  g_free (s->source);
  g_strfreev (s->aliases);
  g_clear_pointer (&s->titles, g_hash_table_unref);
  g_clear_pointer (&s->categories, g_ptr_array_unref);
  g_free (s);
}

static void
method_free (ZcTaxonomyMethod *m)
{
  g_free (m->key);
  g_free (m->name);
  g_free (m->name_en);
  g_free (m);
}

/* Strict JSON reading.  Every error names the place, such as
 * "series[3].categories[0].titles.中级", so a broken data file can be
 * fixed without a debugger. */

G_GNUC_PRINTF (3, 4)
static void
set_invalid (GError    **error,
             const char *where,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ZC_TAXONOMY_ERROR, ZC_TAXONOMY_ERROR_INVALID,
               "Invalid taxonomy: %s: %s", where, message);
}

static gboolean
check_members (JsonObject        *object,
               const char * const *allowed,
               const char         *where,
               GError            **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          set_invalid (error, where, "unknown member “%s”", (const char *) l->data);
          return FALSE;
        }
    }

  return TRUE;
}

/* A non-empty string; with @nullable, JSON null or an absent member gives NULL. */
static gboolean
read_string (JsonObject  *object,
             const char  *member,
             gboolean     nullable,
             const char  *where,
             char       **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (nullable)
        {
          *out = NULL;
          return TRUE;
        }
      set_invalid (error, where, "“%s” is missing", member);
      return FALSE;
    }

  if (!zc_taxonomy_node_is_string (node))
    {
      set_invalid (error, where, "“%s” must be a string", member);
      return FALSE;
    }

  value = json_node_get_string (node);
  if (value == NULL || *value == '\0')
    {
      set_invalid (error, where, "“%s” is empty", member);
      return FALSE;
    }

  *out = g_strdup (value);
  return TRUE;
}

/* An array of distinct non-empty strings; an absent member, when
 * @optional, gives an empty list. */
static gboolean
read_string_array (JsonObject  *object,
                   const char  *member,
                   gboolean     optional,
                   const char  *where,
                   GStrv       *out,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL && optional)
    {
      *out = g_strv_builder_end (builder);
      return TRUE;
    }
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, where, "“%s” must be an array of strings", member);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *value = zc_taxonomy_node_is_string (element) ? json_node_get_string (element) : NULL;

      if (value == NULL || *value == '\0')
        {
          set_invalid (error, where, "%s[%u] must be a non-empty string", member, i);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) value))
        {
          set_invalid (error, where, "%s[%u] “%s” is listed twice", member, i, value);
          return FALSE;
        }
      g_strv_builder_add (builder, value);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *member,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, where, "“%s” must be an array", member);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
element_object (JsonArray   *array,
                guint        index,
                const char  *where,
                GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, where, "must be an object");
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_level_key (const char   *key,
                const char   *where,
                ZcTitleLevel *level,
                GError      **error)
{
  if (!zc_title_level_from_string (key, level))
    {
      set_invalid (error, where, "unknown level key “%s”", key);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_titles (ZcTaxonomyCategory *c,
             JsonObject         *object,
             const char         *where,
             GError            **error)
{
  g_autofree char *titles_where = g_strconcat (where, ".titles", NULL);
  g_autofree char *alternatives_where = g_strconcat (where, ".alternative_titles", NULL);
  JsonNode *node = json_object_get_member (object, "titles");
  JsonObject *titles;
  g_autoptr(GList) keys = NULL;
  gboolean any = FALSE;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, where, "“titles” must be an object");
      return FALSE;
    }
  titles = json_node_get_object (node);

  keys = json_object_get_members (titles);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      ZcTitleLevel level;

      if (!read_level_key (l->data, titles_where, &level, error))
        return FALSE;
    }

  for (guint i = 0; i < ZC_N_TITLE_LEVELS; i++)
    {
      if (!json_object_has_member (titles, zc_title_level_to_string (i)))
        {
          set_invalid (error, titles_where, "the level “%s” is missing (use null when it is not set)",
                       zc_title_level_to_string (i));
          return FALSE;
        }
      if (!read_string (titles, zc_title_level_to_string (i), TRUE, titles_where, &c->titles[i], error))
        return FALSE;
      any |= c->titles[i] != NULL;
    }
  if (!any)
    {
      set_invalid (error, titles_where, "no title at any level");
      return FALSE;
    }

  node = json_object_get_member (object, "alternative_titles");
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, where, "“alternative_titles” must be an object");
      return FALSE;
    }

  for (guint i = 0; i < ZC_N_TITLE_LEVELS; i++)
    {
      JsonObject *alternatives = node != NULL ? json_node_get_object (node) : NULL;

      if (alternatives == NULL || !json_object_has_member (alternatives, zc_title_level_to_string (i)))
        {
          c->alternatives[i] = g_new0 (char *, 1);
          continue;
        }
      if (c->titles[i] == NULL)
        {
          set_invalid (error, alternatives_where, "the level “%s” has no title", zc_title_level_to_string (i));
          return FALSE;
        }
      if (!read_string_array (alternatives, zc_title_level_to_string (i), FALSE, alternatives_where,
                              &c->alternatives[i], error))
        return FALSE;
    }

  if (node != NULL)
    {
      g_autoptr(GList) alternative_keys = json_object_get_members (json_node_get_object (node));

      for (GList *l = alternative_keys; l != NULL; l = l->next)
        {
          ZcTitleLevel level;

          if (!read_level_key (l->data, alternatives_where, &level, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Within a series a title name means one level; several categories may
 * share it (出版: 副编审), and the first one is what resolving returns. */
static gboolean
index_title (ZcTaxonomySeries         *s,
             const ZcTaxonomyCategory *c,
             const char               *title,
             ZcTitleLevel              level,
             const char               *where,
             GError                  **error)
{
  ZcTaxonomyTitle *entry = g_hash_table_lookup (s->titles, title);

  if (entry == NULL)
    {
      entry = g_new0 (ZcTaxonomyTitle, 1);
      entry->category = c;
      entry->level = level;
      g_hash_table_insert (s->titles, (gpointer) title, entry);
      return TRUE;
    }

  if (entry->level != level)
    {
      set_invalid (error, where, "the title “%s” is both %s and %s in this series",
                   title, zc_title_level_to_string (entry->level), zc_title_level_to_string (level));
      return FALSE;
    }

  return TRUE;
}

static ZcTaxonomyCategory *
category_from_json (ZcTaxonomySeries *s,
                    JsonObject       *object,
                    const char       *where,
                    GError          **error)
{
  static const char * const allowed[] = {
    "name", "titles", "alternative_titles", "specialties", "specialties_complete", NULL
  };
  ZcTaxonomyCategory *c = g_new0 (ZcTaxonomyCategory, 1);
  JsonNode *complete;

  if (!check_members (object, allowed, where, error) ||
      !read_string (object, "name", FALSE, where, &c->name, error) ||
      !read_titles (c, object, where, error) ||
      !read_string_array (object, "specialties", FALSE, where, &c->specialties, error))
    goto fail;

  complete = json_object_get_member (object, "specialties_complete");
  if (complete == NULL || !JSON_NODE_HOLDS_VALUE (complete) ||
      json_node_get_value_type (complete) != G_TYPE_BOOLEAN)
    {
      set_invalid (error, where, "“specialties_complete” must be true or false");
      goto fail;
    }
  c->specialties_complete = json_node_get_boolean (complete);

  for (guint i = 0; i < ZC_N_TITLE_LEVELS; i++)
    {
      if (c->titles[i] != NULL && !index_title (s, c, c->titles[i], i, where, error))
        goto fail;
      for (guint j = 0; c->alternatives[i][j] != NULL; j++)
        if (!index_title (s, c, c->alternatives[i][j], i, where, error))
          goto fail;
    }

  return c;

fail:
  /* Titles already indexed may point into @c, but the caller drops the
   * whole series on error without reading them. */
  category_free (c);
  return NULL;
}

static ZcTaxonomySeries *
series_from_json (JsonObject  *object,
                  const char  *where,
                  GError     **error)
{
  static const char * const allowed[] = {
    "code", "slug", "name", "name_en", "aliases", "source", "categories", NULL
  };
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  ZcTaxonomySeries *s = g_new0 (ZcTaxonomySeries, 1);
  JsonArray *categories;

  s->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  s->titles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (!check_members (object, allowed, where, error) ||
      !read_string (object, "code", FALSE, where, &s->code, error) ||
      !read_string (object, "slug", FALSE, where, &s->slug, error) ||
      !read_string (object, "name", FALSE, where, &s->name, error) ||
      !read_string (object, "name_en", TRUE, where, &s->name_en, error) ||
      !read_string (object, "source", TRUE, where, &s->source, error) ||
      !read_string_array (object, "aliases", TRUE, where, &s->aliases, error) ||
      (categories = read_array (object, "categories", where, error)) == NULL)
    goto fail;

  if (json_array_get_length (categories) == 0)
    {
      set_invalid (error, where, "“categories” is empty");
      goto fail;
    }

  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      g_autofree char *category_where = g_strdup_printf ("%s.categories[%u]", where, i);
      JsonObject *category_object = element_object (categories, i, category_where, error);
      ZcTaxonomyCategory *c;

      if (category_object == NULL ||
          (c = category_from_json (s, category_object, category_where, error)) == NULL)
        goto fail;
      g_ptr_array_add (s->categories, c);
      if (!g_hash_table_add (names, c->name))
        {
          set_invalid (error, category_where, "the category “%s” is listed twice", c->name);
          goto fail;
        }
    }

  return s;

fail:
  series_free (s);
  return NULL;
}

static gboolean
read_levels (JsonObject  *root,
             GError     **error)
{
  static const char * const allowed[] = { "key", "order", "tier", NULL };
  JsonArray *array = read_array (root, "levels", "levels", error);

  if (array == NULL)
    return FALSE;
  if (json_array_get_length (array) != ZC_N_TITLE_LEVELS)
    {
      set_invalid (error, "levels", "expected %d levels", ZC_N_TITLE_LEVELS);
      return FALSE;
    }

  /* The levels are fixed by the state (中办发〔2016〕77号); the data lists
   * them for other readers, and this checks it agrees with the enum. */
  for (guint i = 0; i < ZC_N_TITLE_LEVELS; i++)
    {
      g_autofree char *where = g_strdup_printf ("levels[%u]", i);
      g_autofree char *key = NULL;
      g_autofree char *tier = NULL;
      JsonObject *object = element_object (array, i, where, error);
      JsonNode *order;

      if (object == NULL ||
          !check_members (object, allowed, where, error) ||
          !read_string (object, "key", FALSE, where, &key, error) ||
          !read_string (object, "tier", FALSE, where, &tier, error))
        return FALSE;
      if (strcmp (key, zc_title_level_to_string (i)) != 0)
        {
          set_invalid (error, where, "unknown level key “%s” (expected “%s”)", key, zc_title_level_to_string (i));
          return FALSE;
        }
      order = json_object_get_member (object, "order");
      if (order == NULL || !JSON_NODE_HOLDS_VALUE (order) ||
          json_node_get_value_type (order) != G_TYPE_INT64 ||
          json_node_get_int (order) != (gint64) i + 1)
        {
          set_invalid (error, where, "“order” must be %u", i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_methods (ZcTaxonomy  *self,
              JsonObject  *root,
              GError     **error)
{
  static const char * const allowed[] = { "key", "name", "name_en", "aliases", NULL };
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  self->methods = g_ptr_array_new_with_free_func ((GDestroyNotify) method_free);

  if (!json_object_has_member (root, "methods"))
    {
      self->method_keys = g_strv_builder_end (keys);
      return TRUE;
    }
  if ((array = read_array (root, "methods", "methods", error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("methods[%u]", i);
      g_auto(GStrv) aliases = NULL;
      JsonObject *object = element_object (array, i, where, error);
      ZcTaxonomyMethod *m;

      if (object == NULL || !check_members (object, allowed, where, error))
        return FALSE;

      m = g_new0 (ZcTaxonomyMethod, 1);
      g_ptr_array_add (self->methods, m);
      if (!read_string (object, "key", FALSE, where, &m->key, error) ||
          !read_string (object, "name", FALSE, where, &m->name, error) ||
          !read_string (object, "name_en", TRUE, where, &m->name_en, error) ||
          !read_string_array (object, "aliases", TRUE, where, &aliases, error))
        return FALSE;
      if (!g_hash_table_add (seen, m->key))
        {
          set_invalid (error, where, "the method “%s” is listed twice", m->key);
          return FALSE;
        }
      g_strv_builder_add (keys, m->key);
    }

  self->method_keys = g_strv_builder_end (keys);
  return TRUE;
}

/**
 * zc_taxonomy_new_from_json:
 * @root: the parsed taxonomy document
 *
 * Reads a taxonomy, checking every member's type and the consistency of
 * the whole (unique series codes and category names, five levels, a
 * title at one level per series).
 *
 * Returns: (transfer full): the taxonomy, or %NULL with
 *   %ZC_TAXONOMY_ERROR_INVALID and a message naming the place
 */
ZcTaxonomy *
zc_taxonomy_new_from_json (JsonNode  *root,
                           GError   **error)
{
  static const char * const allowed[] = { "format", "levels", "series", "methods", NULL };
  g_autoptr(ZcTaxonomy) self = NULL;
  g_autoptr(GHashTable) slugs = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonNode *format;
  JsonArray *series;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, "top level", "the document must be an object");
      return NULL;
    }
  object = json_node_get_object (root);

  self = g_atomic_rc_box_new0 (ZcTaxonomy);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  self->series_by_code = g_hash_table_new (g_str_hash, g_str_equal);

  if (!check_members (object, allowed, "top level", error))
    return NULL;

  format = json_object_get_member (object, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != TAXONOMY_FORMAT)
    {
      set_invalid (error, "format", "expected format %d", TAXONOMY_FORMAT);
      return NULL;
    }

  if (!read_levels (object, error) ||
      !read_methods (self, object, error) ||
      (series = read_array (object, "series", "top level", error)) == NULL)
    return NULL;

  if (json_array_get_length (series) == 0)
    {
      set_invalid (error, "top level", "“series” is empty");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      g_autofree char *where = g_strdup_printf ("series[%u]", i);
      JsonObject *series_object = element_object (series, i, where, error);
      ZcTaxonomySeries *s;

      if (series_object == NULL ||
          (s = series_from_json (series_object, where, error)) == NULL)
        return NULL;
      g_ptr_array_add (self->series, s);

      if (!g_hash_table_insert (self->series_by_code, s->code, s))
        {
          set_invalid (error, where, "the series code “%s” is used twice", s->code);
          return NULL;
        }
      if (!g_hash_table_add (slugs, s->slug))
        {
          set_invalid (error, where, "the series slug “%s” is used twice", s->slug);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * zc_taxonomy_load:
 *
 * Reads data/taxonomy.json (built in, or from ZHICHENG_DATA_DIR).
 *
 * Returns: (transfer full): the taxonomy, or %NULL with a %ZC_DATA_ERROR
 *   or %ZC_TAXONOMY_ERROR
 */
ZcTaxonomy *
zc_taxonomy_load (GError **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = zc_data_load_json ("taxonomy.json", error);
  if (root == NULL)
    return NULL;

  return zc_taxonomy_new_from_json (root, error);
}

/**
 * zc_taxonomy_get_default:
 *
 * The built-in taxonomy, loaded on first use.  Broken built-in data is a
 * build defect, so this aborts with the reason rather than returning.
 *
 * Returns: (transfer none): the taxonomy, alive until the process ends
 */
ZcTaxonomy *
zc_taxonomy_get_default (void)
{
  static ZcTaxonomy *taxonomy = NULL;

  if (g_once_init_enter (&taxonomy))
    {
      g_autoptr(GError) error = NULL;
      ZcTaxonomy *loaded = zc_taxonomy_load (&error);

      if (loaded == NULL)
        g_error ("The taxonomy data (data/taxonomy.json) cannot be loaded: %s", error->message);
      g_once_init_leave (&taxonomy, loaded);
    }

  return taxonomy;
}
