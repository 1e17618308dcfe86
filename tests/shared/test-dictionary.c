/* test-dictionary.c: enum option lists, good and malformed
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-dictionary.h"

/* The fixture folder stands in for data/ (ZHICHENG_DATA_DIR). */

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
test_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcDictionary) dictionary = zc_dictionary_load ("degrees", &error);
  guint i = 99;

  g_assert_no_error (error);
  g_assert_nonnull (dictionary);
  g_assert_cmpstr (zc_dictionary_get_id (dictionary), ==, "degrees");
  g_assert_cmpstr (zc_dictionary_get_title (dictionary, ZC_LANGUAGE_ENGLISH), ==, "Degree");
  g_assert_cmpuint (zc_dictionary_get_n_items (dictionary), ==, 4);

  g_assert_cmpstr (zc_dictionary_get_code (dictionary, 0), ==, "2");
  g_assert_cmpstr (zc_dictionary_get_label (dictionary, 0, ZC_LANGUAGE_ENGLISH), ==, "Doctor");
  g_assert_false (zc_dictionary_is_deprecated (dictionary, 0));
  g_assert_cmpstr (zc_dictionary_get_code (dictionary, 3), ==, "9");
  g_assert_true (zc_dictionary_is_deprecated (dictionary, 3));

  /* the locale language falls back to the msgid when untranslated */
  g_assert_cmpstr (zc_dictionary_get_label (dictionary, 2, ZC_LANGUAGE_LOCALE), !=, "");
  g_assert_nonnull (zc_dictionary_get_title (dictionary, ZC_LANGUAGE_LOCALE));

  g_assert_true (zc_dictionary_find (dictionary, "4", &i));
  g_assert_cmpuint (i, ==, 2);
  g_assert_true (zc_dictionary_find (dictionary, "9", NULL));  /* deprecated codes stay valid */
  i = 99;
  g_assert_false (zc_dictionary_find (dictionary, "5", &i));
  g_assert_cmpuint (i, ==, 99);
  g_assert_false (zc_dictionary_find (dictionary, "", NULL));
  g_assert_false (zc_dictionary_find (dictionary, "04", NULL));  /* codes are exact */

  g_assert_cmpstr (zc_dictionary_lookup_label (dictionary, "3", ZC_LANGUAGE_ENGLISH), ==, "Master");
  g_assert_null (zc_dictionary_lookup_label (dictionary, "Master", ZC_LANGUAGE_ENGLISH));
  g_assert_null (zc_dictionary_lookup_label (dictionary, "", ZC_LANGUAGE_ENGLISH));
}

static void
test_lookup_shares (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcDictionary) first = zc_dictionary_lookup ("topics", &error);
  g_autoptr(ZcDictionary) second = NULL;
  g_autoptr(ZcDictionary) fresh = NULL;

  g_assert_no_error (error);
  second = zc_dictionary_lookup ("topics", &error);
  g_assert_no_error (error);
  g_assert_true (first == second);

  /* load always reads afresh */
  fresh = zc_dictionary_load ("topics", &error);
  g_assert_no_error (error);
  g_assert_true (fresh != first);
  g_assert_cmpuint (zc_dictionary_get_n_items (fresh), ==, zc_dictionary_get_n_items (first));

  /* a failed lookup is not cached as a success */
  g_assert_null (zc_dictionary_lookup ("no-such-dictionary", &error));
  g_assert_error (error, ZC_DICTIONARY_ERROR, ZC_DICTIONARY_ERROR_NOT_FOUND);
}

static void
test_ref_and_boxed (void)
{
  g_autoptr(GError) error = NULL;
  ZcDictionary *dictionary = zc_dictionary_load ("genders", &error);
  ZcDictionary *copy;

  g_assert_no_error (error);
  g_assert_true (zc_dictionary_ref (dictionary) == dictionary);
  zc_dictionary_unref (dictionary);

  g_assert_true (G_TYPE_IS_BOXED (ZC_TYPE_DICTIONARY));
  copy = g_boxed_copy (ZC_TYPE_DICTIONARY, dictionary);
  g_assert_true (copy == dictionary);
  g_boxed_free (ZC_TYPE_DICTIONARY, copy);

  g_assert_cmpstr (zc_dictionary_get_label (dictionary, 1, ZC_LANGUAGE_ENGLISH), ==, "Female");
  zc_dictionary_unref (dictionary);
}

static void
test_load_errors (void)
{
  static const struct {
    const char *id;
    int         code;
    const char *message_part;
  } cases[] = {
    { "no-such-dictionary", ZC_DICTIONARY_ERROR_NOT_FOUND, "no-such-dictionary" },
    { "", ZC_DICTIONARY_ERROR_NOT_FOUND, "is not a dictionary id" },
    { "../forms/personal-info", ZC_DICTIONARY_ERROR_NOT_FOUND, "is not a dictionary id" },
    { "Degrees", ZC_DICTIONARY_ERROR_NOT_FOUND, "is not a dictionary id" },
    { "mismatch", ZC_DICTIONARY_ERROR_INVALID, "the id “other” differs from the file name" },
    { "broken", ZC_DICTIONARY_ERROR_INVALID, "not valid JSON" },
    { "dupes", ZC_DICTIONARY_ERROR_INVALID, "the code “1” is used twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcDictionary) dictionary = zc_dictionary_load (cases[i].id, &error);

      g_test_message ("%s", cases[i].id);
      g_assert_null (dictionary);
      g_assert_error (error, ZC_DICTIONARY_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
test_id_is_valid (void)
{
  static const char *good[] = { "degrees", "ethnic-groups", "gb-3304", "a" };
  static const char *bad[] = { NULL, "", "-x", "Degrees", "ethnic_groups", "a/b", "..", "a b", "学位" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (zc_dictionary_id_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (zc_dictionary_id_is_valid (bad[i]));
}

static void
test_new_from_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse ("{\"id\": \"inline\", \"title\": \"Inline\", \"sources\": [],"
                                    " \"items\": [{\"code\": \"A-1\", \"label\": \"一\"},"
                                    "             {\"code\": \"b\", \"label\": \"Two\", \"deprecated\": false}]}");
  g_autoptr(ZcDictionary) dictionary = zc_dictionary_new_from_json (root, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (zc_dictionary_get_id (dictionary), ==, "inline");
  g_assert_cmpuint (zc_dictionary_get_n_items (dictionary), ==, 2);
  g_assert_cmpstr (zc_dictionary_lookup_label (dictionary, "A-1", ZC_LANGUAGE_ENGLISH), ==, "一");
  g_assert_false (zc_dictionary_is_deprecated (dictionary, 1));
}

static void
test_malformed (void)
{
  static const struct {
    const char *json;
    const char *message_part;
  } cases[] = {
    { "[]", "must hold a JSON object" },
    { "\"degrees\"", "must hold a JSON object" },
    { "{\"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \"L\"}]}", "“id” must be" },
    { "{\"id\": 3, \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \"L\"}]}", "“id” must be" },
    { "{\"id\": \"Bad\", \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \"L\"}]}", "“id” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"colour\": 1, \"items\": [{\"code\": \"1\", \"label\": \"L\"}]}",
      "Dictionary “d”: unknown key “colour”" },
    { "{\"id\": \"d\", \"items\": [{\"code\": \"1\", \"label\": \"L\"}]}", "“title” must be" },
    { "{\"id\": \"d\", \"title\": \"\", \"items\": [{\"code\": \"1\", \"label\": \"L\"}]}", "“title” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"sources\": \"x\", \"items\": [{\"code\": \"1\", \"label\": \"L\"}]}",
      "“sources” must be an array of strings" },
    { "{\"id\": \"d\", \"title\": \"T\", \"sources\": [1], \"items\": [{\"code\": \"1\", \"label\": \"L\"}]}",
      "“sources” must be an array of strings" },
    { "{\"id\": \"d\", \"title\": \"T\"}", "“items” must be a non-empty array" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": []}", "“items” must be a non-empty array" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": {}}", "“items” must be a non-empty array" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [\"1\"]}", "items[0] must be an object" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \"L\", \"note\": \"x\"}]}",
      "items[0]: unknown key “note”" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"label\": \"L\"}]}", "items[0]: “code” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": 1, \"label\": \"L\"}]}", "items[0]: “code” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"\", \"label\": \"L\"}]}", "items[0]: “code” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"0 1\", \"label\": \"L\"}]}", "items[0]: “code” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"1\"}]}", "items[0] (code “1”): “label” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \" L\"}]}", "“label” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \"L\\nM\"}]}", "“label” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": null}]}", "“label” must be" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \"L\", \"deprecated\": \"yes\"}]}",
      "“deprecated” must be true or false" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \"L\"}, {\"code\": \"2\", \"label\": \"L\"}]}",
      "items[1]: the label “L” is used twice" },
    { "{\"id\": \"d\", \"title\": \"T\", \"items\": [{\"code\": \"1\", \"label\": \"L\"}, {\"code\": \"1\", \"label\": \"M\"}]}",
      "items[1]: the code “1” is used twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = parse (cases[i].json);
      g_autoptr(ZcDictionary) dictionary = zc_dictionary_new_from_json (root, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (dictionary);
      g_assert_error (error, ZC_DICTIONARY_ERROR, ZC_DICTIONARY_ERROR_INVALID);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message_part);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fixtures = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "forms", NULL);
  g_setenv ("ZHICHENG_DATA_DIR", fixtures, TRUE);

  g_test_add_func ("/dictionary/load", test_load);
  g_test_add_func ("/dictionary/lookup-shares", test_lookup_shares);
  g_test_add_func ("/dictionary/ref-and-boxed", test_ref_and_boxed);
  g_test_add_func ("/dictionary/load-errors", test_load_errors);
  g_test_add_func ("/dictionary/id-is-valid", test_id_is_valid);
  g_test_add_func ("/dictionary/new-from-json", test_new_from_json);
  g_test_add_func ("/dictionary/malformed", test_malformed);

  return g_test_run ();
}
