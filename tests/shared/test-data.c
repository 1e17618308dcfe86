/* test-data.c: the compiled-in data and the override folder
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "zc-data.h"

static void
test_resource_lookup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = zc_data_load_json ("taxonomy.json", &error);
  g_auto(GStrv) forms = NULL;

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  forms = zc_data_list ("forms/archive", ".json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (forms), ==, 17);
  g_assert_true (g_strv_contains ((const char * const *) forms, "papers.json"));
  /* sorted */
  for (guint i = 1; forms[i] != NULL; i++)
    g_assert_cmpint (g_strcmp0 (forms[i - 1], forms[i]), <, 0);
}

static void
test_missing_and_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = zc_data_load ("no/such/file.json", &error);
  g_auto(GStrv) names = NULL;

  g_assert_null (bytes);
  g_assert_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  names = zc_data_list ("no-such-folder", NULL, &error);
  g_assert_null (names);
  g_assert_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND);
}

static void
test_override_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-data-XXXXXX", &error);
  g_autofree char *good = g_build_filename (dir, "good.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (good, "{\"a\": 1}", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"a\": ", -1, NULL));
  g_setenv ("ZHICHENG_DATA_DIR", dir, TRUE);

  node = zc_data_load_json ("good.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "a"), ==, 1);

  g_assert_null (zc_data_load_json ("bad.json", &error));
  g_assert_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (zc_data_load_json ("taxonomy.json", &error));
  g_assert_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  names = zc_data_list ("", ".json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "bad.json");

  g_unsetenv ("ZHICHENG_DATA_DIR");
  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/data/resource", test_resource_lookup);
  g_test_add_func ("/shared/data/missing", test_missing_and_invalid);
  g_test_add_func ("/shared/data/override", test_override_dir);

  return g_test_run ();
}
