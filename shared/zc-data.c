/* zc-data.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-data"

#include "config.h"

#include "zc-data.h"
#include "zc-data-resources.h"

/* The files of data/ (taxonomy, form schemas, dictionaries, holidays)
 * are compiled into the library as a GResource, so every program and
 * test carries exactly the data it was built with.  An administrator
 * may point ZHICHENG_DATA_DIR at a folder of the same layout to use
 * edited data without rebuilding. */

#define RESOURCE_PREFIX "/io/github/zhicheng/data/"

G_DEFINE_QUARK (zc-data-error-quark, zc_data_error)

static const char *
override_dir (void)
{
  const char *dir = g_getenv ("ZHICHENG_DATA_DIR");

  return (dir != NULL && *dir != '\0') ? dir : NULL;
}

/**
 * zc_data_load:
 * @path: a path relative to data/, such as "forms/archive/papers.json"
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
zc_data_load (const char  *path,
              GError     **error)
{
  g_autofree char *resource_path = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (override_dir () != NULL)
    {
      g_autofree char *file_path = g_build_filename (override_dir (), path, NULL);
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (file_path, &contents, &length, &local_error))
        {
          g_set_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND,
                       "Cannot read data file %s: %s", file_path, local_error->message);
          return NULL;
        }
      return g_bytes_new_take (contents, length);
    }

  resource_path = g_strconcat (RESOURCE_PREFIX, path, NULL);
  bytes = g_resource_lookup_data (zc_data_get_resource (), resource_path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND,
                   "No data file %s: %s", path, local_error->message);
      return NULL;
    }

  return bytes;
}

/**
 * zc_data_load_json:
 * @path: a path relative to data/
 *
 * Returns: (transfer full): the parsed root node
 */
JsonNode *
zc_data_load_json (const char  *path,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *contents;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = zc_data_load (path, error);
  if (bytes == NULL)
    return NULL;

  contents = g_bytes_get_data (bytes, &length);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, contents, (gssize) length, &local_error))
    {
      g_set_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_INVALID,
                   "Data file %s is not valid JSON: %s", path, local_error->message);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * zc_data_list:
 * @folder: a folder relative to data/, such as "forms/archive"
 * @suffix: (nullable): keep only names ending in this
 *
 * Returns: (transfer full): the sorted file names in @folder
 */
char **
zc_data_list (const char  *folder,
              const char  *suffix,
              GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (override_dir () != NULL)
    {
      g_autofree char *dir_path = g_build_filename (override_dir (), folder, NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &local_error);
      const char *name;

      if (dir == NULL)
        {
          g_set_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND,
                       "Cannot list data folder %s: %s", dir_path, local_error->message);
          return NULL;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (dir_path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_REGULAR) &&
              (suffix == NULL || g_str_has_suffix (name, suffix)))
            g_ptr_array_add (names, g_strdup (name));
        }
    }
  else
    {
      g_autofree char *resource_path = g_strconcat (RESOURCE_PREFIX, folder, "/", NULL);
      g_auto(GStrv) children = g_resource_enumerate_children (zc_data_get_resource (),
                                                              resource_path,
                                                              G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                              &local_error);
      if (children == NULL)
        {
          g_set_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND,
                       "No data folder %s: %s", folder, local_error->message);
          return NULL;
        }
      for (guint i = 0; children[i] != NULL; i++)
        {
          /* sub-folders come back with a trailing slash */
          if (!g_str_has_suffix (children[i], "/") &&
              (suffix == NULL || g_str_has_suffix (children[i], suffix)))
            g_ptr_array_add (names, g_strdup (children[i]));
        }
    }

  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
