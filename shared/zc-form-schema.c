/* zc-form-schema.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-form-schema"

#include "config.h"

#include <string.h>

#include "zc-data.h"
#include "zc-form-schema-private.h"

/* The form object: its lifetime, loading the built-in forms from data/
 * into a per-process cache, and the getters.  Reading the JSON is
 * zc-form-schema-loader.c; fields and rules are zc-form-field.c. */

G_DEFINE_QUARK (zc-form-schema-error-quark, zc_form_schema_error)
G_DEFINE_BOXED_TYPE (ZcFormSchema, zc_form_schema, zc_form_schema_ref, zc_form_schema_unref)

static const char * const form_kind_names[ZC_N_FORM_KINDS] = {
  "archive-category", "series-block", "personal-info", "declaration",
};

static GMutex cache_mutex;
static GHashTable *cache;  /* data path → ZcFormSchema, both owned */

const char *
zc_form_kind_to_string (ZcFormKind kind)
{
  g_return_val_if_fail ((guint) kind < ZC_N_FORM_KINDS, NULL);
  return form_kind_names[kind];
}

gboolean
zc_form_kind_from_string (const char *string,
                          ZcFormKind *kind)
{
  guint value;

  g_return_val_if_fail (kind != NULL, FALSE);
  if (!zc_form_name_to_enum (string, form_kind_names, ZC_N_FORM_KINDS, &value))
    return FALSE;
  *kind = (ZcFormKind) value;
  return TRUE;
}

ZcFormSchema *
zc_form_schema_ref (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);

  g_atomic_ref_count_inc (&schema->ref_count);
  return schema;
}

void
zc_form_schema_unref (ZcFormSchema *schema)
{
  g_return_if_fail (schema != NULL);

  if (!g_atomic_ref_count_dec (&schema->ref_count))
    return;

  for (guint i = 0; i < schema->n_fields; i++)
    zc_form_field_clear (&schema->fields[i]);
  g_free (schema->fields);
  for (guint i = 0; i < schema->n_rules; i++)
    zc_form_rule_clear (&schema->rules[i]);
  g_free (schema->rules);
  g_clear_pointer (&schema->by_id, g_hash_table_unref);
  g_free (schema->id);
  g_free (schema->title);
  g_strfreev (schema->series);
  g_strfreev (schema->summary);
  g_strfreev (schema->sources);
  g_free (schema);
}

/* ---- loading ---- */

static const struct {
  const char *folder;
  ZcFormKind  kind;
} kind_folders[] = {
  { "forms/archive",     ZC_FORM_KIND_ARCHIVE_CATEGORY },
  { "forms/series",      ZC_FORM_KIND_SERIES_BLOCK },
  { "forms/declaration", ZC_FORM_KIND_DECLARATION },
};

#define PERSONAL_INFO_PATH "forms/personal-info.json"

/* The kind a built-in path implies, so a file cannot sit in the wrong folder. */
static gboolean
kind_of_path (const char *path,
              ZcFormKind *kind)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (strcmp (path, PERSONAL_INFO_PATH) == 0)
    {
      *kind = ZC_FORM_KIND_PERSONAL_INFO;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kind_folders); i++)
    if (strcmp (folder, kind_folders[i].folder) == 0)
      {
        *kind = kind_folders[i].kind;
        return TRUE;
      }
  return FALSE;
}

/**
 * zc_form_schema_load:
 * @path: a path relative to data/, such as "forms/archive/papers.json"
 * @error: return location for a #ZC_FORM_SCHEMA_ERROR
 *
 * Reads a schema afresh; the file name must be the form's id, and a
 * file in one of the built-in folders must be of that folder's kind.
 *
 * Returns: (transfer full) (nullable): the schema
 */
ZcFormSchema *
zc_form_schema_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autofree char *base = NULL;
  ZcFormKind kind;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = zc_data_load_json (path, &local_error);
  if (root == NULL)
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR,
                   g_error_matches (local_error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND)
                     ? ZC_FORM_SCHEMA_ERROR_NOT_FOUND : ZC_FORM_SCHEMA_ERROR_INVALID,
                   "%s", local_error->message);
      return NULL;
    }

  schema = zc_form_schema_new_from_json (root, &local_error);
  if (schema == NULL)
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  base = g_path_get_basename (path);
  if (!g_str_has_suffix (base, ".json") ||
      strlen (base) != strlen (schema->id) + strlen (".json") ||
      strncmp (base, schema->id, strlen (schema->id)) != 0)
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID,
                   "%s: the id “%s” differs from the file name", path, schema->id);
      return NULL;
    }

  if (kind_of_path (path, &kind) && kind != schema->kind)
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID,
                   "%s: a %s form does not belong in this folder", path, form_kind_names[schema->kind]);
      return NULL;
    }

  return g_steal_pointer (&schema);
}

/* Called with cache_mutex held. */
static ZcFormSchema *
load_cached (const char  *path,
             GError     **error)
{
  ZcFormSchema *schema;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) zc_form_schema_unref);

  schema = g_hash_table_lookup (cache, path);
  if (schema == NULL)
    {
      schema = zc_form_schema_load (path, error);
      if (schema == NULL)
        return NULL;
      g_hash_table_insert (cache, g_strdup (path), schema);
    }

  return zc_form_schema_ref (schema);
}

static int
compare_by_order (gconstpointer a,
                  gconstpointer b)
{
  ZcFormSchema *schema_a = *(ZcFormSchema * const *) a;
  ZcFormSchema *schema_b = *(ZcFormSchema * const *) b;

  if (schema_a->order != schema_b->order)
    return schema_a->order < schema_b->order ? -1 : 1;
  return strcmp (schema_a->id, schema_b->id);
}

/**
 * zc_form_schema_load_all:
 * @kind: which forms
 * @error: return location for a #ZC_FORM_SCHEMA_ERROR
 *
 * The built-in forms of @kind (shared with zc_form_schema_lookup()),
 * sorted by "order" and then id.  There is no declaration folder until
 * a declaration form is written, which gives an empty array.
 *
 * Returns: (transfer container) (element-type ZcFormSchema): the forms
 */
GPtrArray *
zc_form_schema_load_all (ZcFormKind   kind,
                         GError     **error)
{
  g_autoptr(GPtrArray) schemas = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) names = NULL;
  const char *folder = NULL;

  g_return_val_if_fail ((guint) kind < ZC_N_FORM_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  schemas = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_form_schema_unref);
  locker = g_mutex_locker_new (&cache_mutex);

  if (kind == ZC_FORM_KIND_PERSONAL_INFO)
    {
      ZcFormSchema *schema = load_cached (PERSONAL_INFO_PATH, error);

      if (schema == NULL)
        return NULL;
      g_ptr_array_add (schemas, schema);
      return g_steal_pointer (&schemas);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kind_folders); i++)
    if (kind_folders[i].kind == kind)
      folder = kind_folders[i].folder;
  g_assert (folder != NULL);

  names = zc_data_list (folder, ".json", &local_error);
  if (names == NULL)
    {
      if (kind == ZC_FORM_KIND_DECLARATION &&
          g_error_matches (local_error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND))
        return g_steal_pointer (&schemas);
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND,
                   "%s", local_error->message);
      return NULL;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", folder, names[i], NULL);
      ZcFormSchema *schema = load_cached (path, error);

      if (schema == NULL)
        return NULL;
      g_ptr_array_add (schemas, schema);
    }

  g_ptr_array_sort (schemas, compare_by_order);
  return g_steal_pointer (&schemas);
}

/**
 * zc_form_schema_lookup:
 * @id: a form id, such as "papers" or "personal-info"
 * @error: return location for a #ZC_FORM_SCHEMA_ERROR
 *
 * Finds a built-in form in any folder.  Each file is read once per
 * process and shared; safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the schema
 */
ZcFormSchema *
zc_form_schema_lookup (const char  *id,
                       GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* also keeps "../" and the like out of the paths below */
  if (!zc_form_id_is_valid (id, '-'))
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND,
                   "“%s” is not a form id", id);
      return NULL;
    }

  locker = g_mutex_locker_new (&cache_mutex);

  path = g_strdup_printf ("forms/%s.json", id);
  if (strcmp (path, PERSONAL_INFO_PATH) == 0)
    return load_cached (path, error);

  for (guint i = 0; i < G_N_ELEMENTS (kind_folders); i++)
    {
      g_autoptr(GError) local_error = NULL;
      ZcFormSchema *schema;

      g_free (path);
      path = g_strdup_printf ("%s/%s.json", kind_folders[i].folder, id);
      schema = load_cached (path, &local_error);
      if (schema != NULL)
        return schema;
      if (!g_error_matches (local_error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND,
               "There is no form “%s”", id);
  return NULL;
}

/* ---- accessors ---- */

const char *
zc_form_schema_get_id (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return schema->id;
}

ZcFormKind
zc_form_schema_get_kind (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, ZC_FORM_KIND_ARCHIVE_CATEGORY);
  return schema->kind;
}

const char *
zc_form_schema_get_title (ZcFormSchema *schema,
                          ZcLanguage    language)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return zc_translate (language, schema->title);
}

/* 0 when the form has no "order" (personal-info, declaration) */
int
zc_form_schema_get_order (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->order;
}

/**
 * zc_form_schema_get_series:
 *
 * Returns: (nullable): the series codes a series block is limited to,
 *   %NULL when it is not limited
 */
const char * const *
zc_form_schema_get_series (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return (const char * const *) schema->series;
}

gboolean
zc_form_schema_applies_to_series (ZcFormSchema *schema,
                                  const char   *series)
{
  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (series != NULL, FALSE);

  return schema->series == NULL || g_strv_contains ((const char * const *) schema->series, series);
}

/* Returns: (array zero-terminated=1): never %NULL, perhaps empty */
const char * const *
zc_form_schema_get_summary_fields (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return (const char * const *) schema->summary;
}

/* Returns: (array zero-terminated=1): never %NULL, perhaps empty */
const char * const *
zc_form_schema_get_sources (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return (const char * const *) schema->sources;
}

guint
zc_form_schema_get_n_fields (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->n_fields;
}

const ZcFormField *
zc_form_schema_get_field (ZcFormSchema *schema,
                          guint         i)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (i < schema->n_fields, NULL);
  return &schema->fields[i];
}

gboolean
zc_form_schema_find_field_index (ZcFormSchema *schema,
                                 const char   *id,
                                 guint        *index_out)
{
  gpointer index;

  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  index = g_hash_table_lookup (schema->by_id, id);
  if (index == NULL)
    return FALSE;
  if (index_out != NULL)
    *index_out = GPOINTER_TO_UINT (index) - 1;
  return TRUE;
}

/* Returns: (nullable): the field, %NULL when the form has none of @id */
const ZcFormField *
zc_form_schema_find_field (ZcFormSchema *schema,
                           const char   *id)
{
  guint i;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return zc_form_schema_find_field_index (schema, id, &i) ? &schema->fields[i] : NULL;
}

guint
zc_form_schema_get_n_rules (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->n_rules;
}

const ZcFormRule *
zc_form_schema_get_rule (ZcFormSchema *schema,
                         guint         i)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (i < schema->n_rules, NULL);
  return &schema->rules[i];
}
