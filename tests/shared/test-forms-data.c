/* test-forms-data.c: the shipped form schemas and dictionaries (data/)
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-data.h"
#include "zc-dictionary.h"
#include "zc-form-schema.h"
#include "zc-form-validator.h"

/* The Yunnan preview sidebar, in its order (SPEC "Achievement archive"). */
static const char * const archive_ids[] = {
  "education",
  "work-experience",
  "professional-work",
  "projects",
  "intellectual-property",
  "awards",
  "honorary-titles",
  "books",
  "papers",
  "continuing-education",
  "international-activities",
  "research-funds",
  "engineering-projects",
  "result-adoption",
  "qualification-certificates",
  "disciplinary-records",
  "annual-assessments",
};

/* Every path under forms/ that ships, with the folder it must load from. */
static GPtrArray *
list_form_paths (void)
{
  static const char * const folders[] = { "forms/archive", "forms/series" };
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, g_strdup ("forms/personal-info.json"));
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = zc_data_list (folders[i], ".json", &error);

      g_assert_no_error (error);
      for (guint j = 0; names[j] != NULL; j++)
        g_ptr_array_add (paths, g_build_path ("/", folders[i], names[j], NULL));
    }

  return paths;
}

static ZcFormSchema *
load_form (const char *id)
{
  g_autoptr(GError) error = NULL;
  ZcFormSchema *schema = zc_form_schema_lookup (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schema);
  return schema;
}

static const ZcFormRule *
find_rule (ZcFormSchema   *schema,
           ZcFormRuleType  type,
           const char     *field,
           const char     *other)
{
  for (guint i = 0; i < zc_form_schema_get_n_rules (schema); i++)
    {
      const ZcFormRule *rule = zc_form_schema_get_rule (schema, i);

      if (zc_form_rule_get_rule_type (rule) == type &&
          g_strcmp0 (zc_form_rule_get_field (rule), field) == 0 &&
          g_strcmp0 (zc_form_rule_get_other (rule), other) == 0)
        return rule;
    }
  return NULL;
}

static void
assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), >, 0);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_every_form_loads (void)
{
  g_autoptr(GPtrArray) paths = list_form_paths ();

  /* personal info, 17 archive categories, 4 series blocks */
  g_assert_cmpuint (paths->len, ==, 22);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcFormSchema) schema = zc_form_schema_load (path, &error);
      g_autofree char *base = g_path_get_basename (path);
      const char * const *summary;

      g_test_message ("%s", path);
      g_assert_no_error (error);
      g_assert_nonnull (schema);
      g_assert_true (g_str_has_prefix (base, zc_form_schema_get_id (schema)));

      assert_text (zc_form_schema_get_title (schema, ZC_LANGUAGE_ENGLISH));
      assert_text (zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));
      g_assert_cmpuint (g_strv_length ((char **) zc_form_schema_get_sources (schema)), >, 0);

      /* list rows show real fields */
      summary = zc_form_schema_get_summary_fields (schema);
      g_assert_nonnull (summary);
      g_assert_cmpuint (g_strv_length ((char **) summary), >, 0);
      for (guint j = 0; summary[j] != NULL; j++)
        g_assert_nonnull (zc_form_schema_find_field (schema, summary[j]));

      for (guint j = 0; j < zc_form_schema_get_n_fields (schema); j++)
        {
          const ZcFormField *field = zc_form_schema_get_field (schema, j);
          ZcFieldType type = zc_form_field_get_field_type (field);

          assert_text (zc_form_field_get_label (field, ZC_LANGUAGE_ENGLISH));
          assert_text (zc_form_field_get_label (field, ZC_LANGUAGE_LOCALE));
          if (type == ZC_FIELD_TEXT || type == ZC_FIELD_LONG_TEXT)
            g_assert_cmpuint (zc_form_field_get_max_length (field), >, 0);
          if (type == ZC_FIELD_ENUM)
            g_assert_nonnull (zc_form_field_get_dictionary (field));
          if (type == ZC_FIELD_INTEGER)
            {
              gint64 min, max;

              /* an integer without bounds invites typing errors */
              g_assert_true (zc_form_field_get_min (field, &min));
              g_assert_true (zc_form_field_get_max (field, &max));
              g_assert_cmpint (min, <, max);
            }
          /* only personal information is fixed by registration */
          if (zc_form_schema_get_kind (schema) != ZC_FORM_KIND_PERSONAL_INFO)
            g_assert_false (zc_form_field_get_readonly_after_registration (field));
        }
    }
}

static void
test_archive_categories (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forms = zc_form_schema_load_all (ZC_FORM_KIND_ARCHIVE_CATEGORY, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (forms->len, ==, G_N_ELEMENTS (archive_ids));

  for (guint i = 0; i < forms->len; i++)
    {
      ZcFormSchema *schema = g_ptr_array_index (forms, i);
      const ZcFormField *attachments = zc_form_schema_find_field (schema, "attachments");
      const char * const *accept;

      /* sorted by order, which runs 1..17 in the sidebar's sequence */
      g_assert_cmpstr (zc_form_schema_get_id (schema), ==, archive_ids[i]);
      g_assert_cmpint (zc_form_schema_get_order (schema), ==, (int) i + 1);
      g_assert_cmpint (zc_form_schema_get_kind (schema), ==, ZC_FORM_KIND_ARCHIVE_CATEGORY);
      g_assert_null (zc_form_schema_get_series (schema));

      g_assert_nonnull (attachments);
      g_assert_cmpint (zc_form_field_get_field_type (attachments), ==, ZC_FIELD_ATTACHMENTS);
      accept = zc_form_field_get_accept (attachments);
      g_assert_true (g_strv_contains (accept, "application/pdf"));
      g_assert_true (g_strv_contains (accept, "image/jpeg"));
      g_assert_true (g_strv_contains (accept, "image/png"));
      g_assert_cmpuint (zc_form_field_get_max_size (attachments), >=, 1024 * 1024);
      g_assert_cmpuint (zc_form_field_get_max_count (attachments), >, 0);

      /* a start needs an end that cannot come before it */
      if (zc_form_schema_find_field (schema, "start_on") != NULL &&
          zc_form_schema_find_field (schema, "end_on") != NULL)
        g_assert_nonnull (find_rule (schema, ZC_FORM_RULE_DATE_ORDER, "end_on", "start_on"));
      /* a rank among the participants cannot exceed their number */
      if (zc_form_schema_find_field (schema, "rank") != NULL &&
          zc_form_schema_find_field (schema, "participants") != NULL)
        g_assert_nonnull (find_rule (schema, ZC_FORM_RULE_NOT_GREATER, "rank", "participants"));
    }
}

static void
test_date_rules (void)
{
  static const struct {
    const char *form;
    const char *start;
    const char *end;
    gboolean    open_end;
  } rules[] = {
    { "personal-info", "birth_date", "work_started_on", FALSE },
    { "education", "start_on", "graduated_on", FALSE },
    { "work-experience", "start_on", "end_on", TRUE },
    { "professional-work", "start_on", "end_on", TRUE },
    { "projects", "start_on", "end_on", TRUE },
    { "intellectual-property", "applied_on", "granted_on", FALSE },
    { "continuing-education", "start_on", "end_on", FALSE },
    { "international-activities", "start_on", "end_on", FALSE },
    { "research-funds", "start_on", "end_on", TRUE },
    { "engineering-projects", "start_on", "end_on", TRUE },
    { "qualification-certificates", "issued_on", "valid_until", TRUE },
    { "disciplinary-records", "imposed_on", "lifted_on", TRUE },
    { "social-organization-posts", "start_on", "end_on", TRUE },
    { "health-tech-info", "support_start_on", "support_end_on", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(ZcFormSchema) schema = load_form (rules[i].form);
      const ZcFormRule *rule = find_rule (schema, ZC_FORM_RULE_DATE_ORDER, rules[i].end, rules[i].start);
      const ZcFormField *end = zc_form_schema_find_field (schema, rules[i].end);

      g_test_message ("%s: %s ≤ %s", rules[i].form, rules[i].start, rules[i].end);
      g_assert_nonnull (rule);
      g_assert_cmpint (zc_form_rule_get_open_end (rule), ==, rules[i].open_end);
      g_assert_cmpint (zc_form_field_get_field_type (end), ==, ZC_FIELD_DATE);
      /* an open end may be left empty, so it cannot be required */
      if (rules[i].open_end)
        g_assert_false (zc_form_field_get_required (end));
    }
}

static void
test_personal_info (void)
{
  static const char * const fixed[] = { "name", "id_number", "gender" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forms = zc_form_schema_load_all (ZC_FORM_KIND_PERSONAL_INFO, &error);
  ZcFormSchema *schema;
  const ZcFormRule *rule;
  const ZcFormField *field;
  guint n_readonly = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (forms->len, ==, 1);
  schema = g_ptr_array_index (forms, 0);
  g_assert_cmpstr (zc_form_schema_get_id (schema), ==, "personal-info");
  g_assert_cmpstr (zc_form_schema_get_title (schema, ZC_LANGUAGE_ENGLISH), ==, "Personal information");

  /* Anhui: specialty years may not exceed work years */
  rule = find_rule (schema, ZC_FORM_RULE_NOT_GREATER, "specialty_years", "work_years");
  g_assert_nonnull (rule);
  g_assert_cmpstr (zc_form_rule_get_message (rule, ZC_LANGUAGE_ENGLISH), ==,
                   "Years in the specialty cannot exceed years of work.");
  assert_text (zc_form_rule_get_message (rule, ZC_LANGUAGE_LOCALE));

  /* name, ID number and gender are fixed after registration, and only they */
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      field = zc_form_schema_find_field (schema, fixed[i]);
      g_assert_nonnull (field);
      g_assert_true (zc_form_field_get_readonly_after_registration (field));
      g_assert_true (zc_form_field_get_required (field));
    }
  for (guint i = 0; i < zc_form_schema_get_n_fields (schema); i++)
    if (zc_form_field_get_readonly_after_registration (zc_form_schema_get_field (schema, i)))
      n_readonly++;
  g_assert_cmpuint (n_readonly, ==, G_N_ELEMENTS (fixed));

  field = zc_form_schema_find_field (schema, "id_number");
  g_assert_cmpint (zc_form_field_get_format (field), ==, ZC_FIELD_FORMAT_ID_NUMBER);
  field = zc_form_schema_find_field (schema, "mobile");
  g_assert_cmpint (zc_form_field_get_format (field), ==, ZC_FIELD_FORMAT_MOBILE);
  field = zc_form_schema_find_field (schema, "email");
  g_assert_cmpint (zc_form_field_get_format (field), ==, ZC_FIELD_FORMAT_EMAIL);
  field = zc_form_schema_find_field (schema, "postcode");
  g_assert_cmpint (zc_form_field_get_format (field), ==, ZC_FIELD_FORMAT_POSTCODE);

  field = zc_form_schema_find_field (schema, "ethnic_group");
  g_assert_cmpstr (zc_dictionary_get_id (zc_form_field_get_dictionary (field)), ==, "ethnic-groups");
  field = zc_form_schema_find_field (schema, "political_status");
  g_assert_cmpstr (zc_dictionary_get_id (zc_form_field_get_dictionary (field)), ==, "political-status");

  field = zc_form_schema_find_field (schema, "highest_title");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_TAXONOMY);
  g_assert_cmpstr (zc_form_field_get_depth (field), ==, "title");

  field = zc_form_schema_find_field (schema, "performance_summary");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_LONG_TEXT);
  g_assert_cmpuint (zc_form_field_get_max_length (field), >=, 1000);

  field = zc_form_schema_find_field (schema, "work_years");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_INTEGER);
  assert_text (zc_form_field_get_unit (field, ZC_LANGUAGE_LOCALE));
  g_assert_cmpstr (zc_form_field_get_unit (field, ZC_LANGUAGE_ENGLISH), ==, "years");

  /* grouped: the form widget shows sections */
  assert_text (zc_form_field_get_section (zc_form_schema_get_field (schema, 0), ZC_LANGUAGE_ENGLISH));
}

static void
test_series_blocks (void)
{
  static const struct {
    const char *id;
    const char *series;      /* a series it applies to */
    const char *not_series;  /* one it does not, or NULL for every series */
  } blocks[] = {
    { "social-organization-posts", "05", NULL },
    { "exam-records", "19", "22" },
    { "teacher-info", "22", "04" },
    { "health-tech-info", "04", "22" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forms = zc_form_schema_load_all (ZC_FORM_KIND_SERIES_BLOCK, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (forms->len, ==, G_N_ELEMENTS (blocks));

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      g_autoptr(ZcFormSchema) schema = load_form (blocks[i].id);
      const ZcFormField *attachments = zc_form_schema_find_field (schema, "attachments");

      g_assert_cmpint (zc_form_schema_get_kind (schema), ==, ZC_FORM_KIND_SERIES_BLOCK);
      /* after the 17 archive categories in the sidebar */
      g_assert_cmpint (zc_form_schema_get_order (schema), >, 17);
      g_assert_true (zc_form_schema_applies_to_series (schema, blocks[i].series));
      if (blocks[i].not_series != NULL)
        g_assert_false (zc_form_schema_applies_to_series (schema, blocks[i].not_series));
      else
        g_assert_null (zc_form_schema_get_series (schema));
      g_assert_nonnull (attachments);
      g_assert_cmpint (zc_form_field_get_field_type (attachments), ==, ZC_FIELD_ATTACHMENTS);
    }
}

/* Adds the ids of the dictionaries @schema's enum fields use to @used. */
static void
collect_dictionaries (ZcFormSchema *schema,
                      GHashTable   *used)
{
  for (guint i = 0; i < zc_form_schema_get_n_fields (schema); i++)
    {
      ZcDictionary *dictionary = zc_form_field_get_dictionary (zc_form_schema_get_field (schema, i));

      if (dictionary != NULL)
        g_hash_table_add (used, g_strdup (zc_dictionary_get_id (dictionary)));
    }
}

static void
test_dictionaries (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = zc_data_list ("dictionaries", ".json", &error);
  g_autoptr(GPtrArray) paths = list_form_paths ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), >=, 9);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(ZcFormSchema) schema = zc_form_schema_load (g_ptr_array_index (paths, i), &error);

      g_assert_no_error (error);
      collect_dictionaries (schema, used);
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *id = g_strndup (names[i], strlen (names[i]) - strlen (".json"));
      g_autoptr(ZcDictionary) dictionary = zc_dictionary_load (id, &error);
      g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("%s", id);
      g_assert_no_error (error);
      g_assert_cmpstr (zc_dictionary_get_id (dictionary), ==, id);
      assert_text (zc_dictionary_get_title (dictionary, ZC_LANGUAGE_ENGLISH));
      assert_text (zc_dictionary_get_title (dictionary, ZC_LANGUAGE_LOCALE));
      g_assert_cmpuint (zc_dictionary_get_n_items (dictionary), >, 0);

      for (guint j = 0; j < zc_dictionary_get_n_items (dictionary); j++)
        {
          const char *code = zc_dictionary_get_code (dictionary, j);
          guint index;

          g_assert_true (g_hash_table_add (codes, (gpointer) code));
          g_assert_true (zc_dictionary_find (dictionary, code, &index));
          g_assert_cmpuint (index, ==, j);
          assert_text (zc_dictionary_get_label (dictionary, j, ZC_LANGUAGE_ENGLISH));
          assert_text (zc_dictionary_get_label (dictionary, j, ZC_LANGUAGE_LOCALE));
          /* nothing is retired yet: every option is offered */
          g_assert_false (zc_dictionary_is_deprecated (dictionary, j));
        }

      /* a list no form offers is dead data */
      g_assert_true (g_hash_table_contains (used, id));
    }

  /* and every list a form names ships */
  g_assert_cmpuint (g_hash_table_size (used), ==, g_strv_length (names));
}

static void
test_ethnic_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcDictionary) groups = zc_dictionary_load ("ethnic-groups", &error);
  guint n_groups = 0;

  g_assert_no_error (error);

  /* GB/T 3304: the 56 ethnic groups are 01..56 ... */
  for (guint i = 0; i < zc_dictionary_get_n_items (groups); i++)
    {
      const char *code = zc_dictionary_get_code (groups, i);
      guint64 number;

      g_assert_true (g_ascii_string_to_unsigned (code, 10, 1, 98, &number, NULL));
      g_assert_cmpuint (strlen (code), ==, 2);
      if (number <= 56)
        {
          g_assert_cmpuint (number, ==, i + 1);
          n_groups++;
        }
    }
  g_assert_cmpuint (n_groups, ==, 56);
  g_assert_cmpstr (zc_dictionary_lookup_label (groups, "01", ZC_LANGUAGE_ENGLISH), ==, "Han");
  g_assert_cmpstr (zc_dictionary_lookup_label (groups, "03", ZC_LANGUAGE_ENGLISH), ==, "Hui");
  g_assert_cmpstr (zc_dictionary_lookup_label (groups, "08", ZC_LANGUAGE_ENGLISH), ==, "Zhuang");
  g_assert_cmpstr (zc_dictionary_lookup_label (groups, "56", ZC_LANGUAGE_ENGLISH), ==, "Jino");

  /* ... and the standard's two extra codes: unidentified, and foreign origin */
  g_assert_cmpuint (zc_dictionary_get_n_items (groups), ==, 58);
  g_assert_true (zc_dictionary_find (groups, "97", NULL));
  g_assert_true (zc_dictionary_find (groups, "98", NULL));
  g_assert_false (zc_dictionary_find (groups, "57", NULL));
  g_assert_false (zc_dictionary_find (groups, "1", NULL));
  g_assert_false (zc_dictionary_find (groups, "", NULL));
}

static void
test_standard_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcDictionary) political = zc_dictionary_load ("political-status", &error);
  g_autoptr(ZcDictionary) results = NULL;
  g_autoptr(ZcDictionary) genders = NULL;

  g_assert_no_error (error);
  /* GB/T 4762: 01 Party member … 13 ordinary citizen */
  g_assert_cmpuint (zc_dictionary_get_n_items (political), ==, 13);
  for (guint i = 0; i < 13; i++)
    {
      g_autofree char *code = g_strdup_printf ("%02u", i + 1);

      g_assert_cmpstr (zc_dictionary_get_code (political, i), ==, code);
    }
  g_assert_cmpstr (zc_dictionary_lookup_label (political, "01", ZC_LANGUAGE_ENGLISH), ==,
                   "Member of the Communist Party of China");
  g_assert_cmpstr (zc_dictionary_lookup_label (political, "13", ZC_LANGUAGE_ENGLISH), ==, "Ordinary citizen");

  results = zc_dictionary_load ("assessment-results", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zc_dictionary_get_n_items (results), ==, 5);
  g_assert_cmpstr (zc_dictionary_lookup_label (results, "1", ZC_LANGUAGE_ENGLISH), ==, "Excellent");

  /* GB/T 2261.1 */
  genders = zc_dictionary_load ("genders", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_dictionary_lookup_label (genders, "1", ZC_LANGUAGE_ENGLISH), ==, "Male");
  g_assert_cmpstr (zc_dictionary_lookup_label (genders, "2", ZC_LANGUAGE_ENGLISH), ==, "Female");
  g_assert_null (zc_dictionary_lookup_label (genders, "0", ZC_LANGUAGE_ENGLISH));
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (zc_form_schema_load ("forms/archive/no-such-category.json", &error));
  g_assert_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (zc_form_schema_lookup ("no-such-form", &error));
  g_assert_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (zc_dictionary_load ("no-such-list", &error));
  g_assert_error (error, ZC_DICTIONARY_ERROR, ZC_DICTIONARY_ERROR_NOT_FOUND);
}

/* Loads a shipped schema's JSON, lets @edit damage it, and expects the
 * engine to refuse it: the references the shipped files make are what
 * keeps them loadable. */
static void
assert_edited_form_invalid (const char *path,
                            void      (*edit) (JsonObject *form))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = zc_data_load_json (path, &error);
  g_autoptr(ZcFormSchema) schema = NULL;

  g_assert_no_error (error);
  edit (json_node_get_object (root));
  schema = zc_form_schema_new_from_json (root, &error);
  g_assert_null (schema);
  g_assert_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID);
}

static JsonObject *
find_member_object (JsonObject *form,
                    const char *array,
                    const char *key,
                    const char *value)
{
  JsonArray *items = json_object_get_array_member (form, array);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (item, key, NULL), value) == 0)
        return item;
    }
  g_assert_not_reached ();
}

static void
edit_unknown_dictionary (JsonObject *form)
{
  JsonObject *field = find_member_object (form, "fields", "id", "author_rank");

  json_object_set_string_member (field, "dictionary", "no-such-list");
}

static void
edit_rule_to_nowhere (JsonObject *form)
{
  JsonObject *rule = find_member_object (form, "rules", "type", "not-greater");

  json_object_set_string_member (rule, "than", "no_such_field");
}

static void
edit_summary_to_nowhere (JsonObject *form)
{
  JsonArray *summary = json_array_new ();

  json_array_add_string_element (summary, "no_such_field");
  json_object_set_array_member (form, "summary", summary);
}

static void
edit_wrong_order_type (JsonObject *form)
{
  json_object_set_string_member (form, "order", "1");
}

static void
test_damaged_copies (void)
{
  assert_edited_form_invalid ("forms/archive/papers.json", edit_unknown_dictionary);
  assert_edited_form_invalid ("forms/personal-info.json", edit_rule_to_nowhere);
  assert_edited_form_invalid ("forms/archive/education.json", edit_summary_to_nowhere);
  assert_edited_form_invalid ("forms/archive/education.json", edit_wrong_order_type);
}

/* ---- records against the shipped schemas ---- */

static JsonObject *
parse_record (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Validates @record against form @id as of 2026-06-01 and returns its
 * errors as sorted "field:code" words ("" when valid); @errors_out
 * receives the errors themselves. */
static char *
validate (const char  *id,
          JsonObject  *record,
          GPtrArray  **errors_out)
{
  g_autoptr(ZcFormSchema) schema = load_form (id);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  ZcValidationContext context;
  gboolean valid;

  zc_validation_context_init (&context);
  g_date_set_dmy (&context.today, 1, G_DATE_JUNE, 2026);

  valid = zc_form_validate (schema, record, &context, ZC_LANGUAGE_ENGLISH, &errors);
  g_assert_nonnull (errors);
  g_assert_cmpint (valid, ==, errors->len == 0);

  for (guint i = 0; i < errors->len; i++)
    {
      ZcFieldError *error = g_ptr_array_index (errors, i);

      assert_text (error->message);
      g_ptr_array_add (words, g_strdup_printf ("%s:%s", error->field, error->code));
    }
  g_ptr_array_sort (words, compare_strings);
  g_ptr_array_add (words, NULL);

  if (errors_out != NULL)
    *errors_out = g_steal_pointer (&errors);
  return g_strjoinv (" ", (char **) words->pdata);
}

static const ZcFieldError *
find_error (GPtrArray  *errors,
            const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const ZcFieldError *error = g_ptr_array_index (errors, i);

      if (g_strcmp0 (error->field, field) == 0)
        return error;
    }
  g_assert_not_reached ();
}

#define DIPLOMA_SCAN \
  "{\"sha256\": \"81e901b4262cabd9caa64a1b6fab7489d4fb15d80ccadb68a7e834e2ae1173b4\", " \
  "\"name\": \"毕业证书.pdf\", \"mime\": \"application/pdf\", \"size\": 524288}"
#define DEGREE_SCAN \
  "{\"sha256\": \"b308a7f43bba8e7a366b727432ab89f76b3608937163b6b4e517ac9d3a5f0b3e\", " \
  "\"name\": \"学位证书.jpg\", \"mime\": \"image/jpeg\", \"size\": 312000}"
#define PAPER_SCAN \
  "{\"sha256\": \"382635c9325bf3273d195ff1b8a44e5b11afd7d97addeb8863ea35feb98c1a07\", " \
  "\"name\": \"论文及期刊封面.pdf\", \"mime\": \"application/pdf\", \"size\": 2097152}"

static void
test_education_record (void)
{
  g_autoptr(JsonObject) good = parse_record (
    "{\"start_on\": \"2001-09-01\", \"graduated_on\": \"2005-07-01\", \"school\": \"云南大学\","
    " \"education_type\": \"1\", \"major\": \"计算机科学与技术\", \"schooling_years\": 4,"
    " \"post_held\": \"班长\", \"overseas\": false, \"enrolment_status\": \"1\","
    " \"education_level\": \"21\", \"degree\": \"4\", \"before_work\": true,"
    " \"diploma_number\": \"106731200505000123\", \"notes\": \"\","
    " \"attachments\": [" DIPLOMA_SCAN ", " DEGREE_SCAN "]}");
  g_autoptr(JsonObject) bad = parse_record (
    "{\"start_on\": \"2001-09-01\", \"graduated_on\": \"2001-07-01\", \"school\": \"云南大学\","
    " \"education_type\": \"1\", \"major\": \"计算机科学与技术\", \"schooling_years\": 4,"
    " \"enrolment_status\": \"1\", \"education_level\": \"99\","
    " \"attachments\": [" DIPLOMA_SCAN "]}");
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *good_codes = validate ("education", good, NULL);
  g_autofree char *bad_codes = validate ("education", bad, &errors);

  g_assert_cmpstr (good_codes, ==, "");
  g_assert_cmpstr (bad_codes, ==, "education_level:unknown_option graduated_on:end_before_start");
  /* the rule's own message, not the generic one */
  g_assert_cmpstr (find_error (errors, "graduated_on")->message, ==,
                   "The graduation date is before the enrolment date.");

  /* the same day is not "before" */
  json_object_set_string_member (bad, "graduated_on", "2001-09-01");
  json_object_set_string_member (bad, "education_level", "11");
  g_free (bad_codes);
  bad_codes = validate ("education", bad, NULL);
  g_assert_cmpstr (bad_codes, ==, "");
}

static void
test_papers_record (void)
{
  g_autofree char *notes_200 = NULL;
  g_autofree char *notes_201 = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonObject) good = parse_record (
    "{\"title\": \"基于深度学习的高原农作物病害识别方法研究\", \"published_on\": \"2023-05-15\","
    " \"paper_type\": \"1\", \"journal\": \"农业工程学报\", \"issn\": \"1002-6819\","
    " \"cn\": \"CN 11-2047/S\", \"volume_pages\": \"2023, 39(10): 120-128\","
    " \"indexed_in\": [\"ei\", \"pku-core\"], \"author_rank\": \"2\", \"own_words\": 8,"
    " \"attachments\": [" PAPER_SCAN "]}");
  g_autoptr(JsonObject) bad = NULL;
  g_autofree char *good_codes = NULL;
  g_autofree char *bad_codes = NULL;

  /* the limit counts characters, not bytes: 200 Chinese characters fit */
  for (guint i = 0; i < 200; i++)
    g_string_append (text, "载");
  notes_200 = g_strdup (text->str);
  g_string_append (text, "载");
  notes_201 = g_strdup (text->str);

  json_object_set_string_member (good, "notes", notes_200);
  good_codes = validate ("papers", good, NULL);
  g_assert_cmpstr (good_codes, ==, "");

  bad = parse_record (
    "{\"title\": \"高原农作物病害识别\", \"published_on\": \"2027-01-15\", \"paper_type\": \"1\","
    " \"journal\": \"农业工程学报\", \"issn\": \"1002-6819\", \"indexed_in\": [\"ei\", \"nature\"],"
    " \"author_rank\": \"8\", \"own_words\": 8, \"impact_factor\": 2.1}");
  json_object_set_string_member (bad, "notes", notes_201);
  bad_codes = validate ("papers", bad, NULL);
  g_assert_cmpstr (bad_codes, ==,
                   "author_rank:unknown_option impact_factor:unknown_field indexed_in:unknown_option "
                   "notes:too_long published_on:date_in_future");
}

static void
test_open_end_record (void)
{
  g_autoptr(JsonObject) record = parse_record (
    "{\"start_on\": \"2015-07-01\", \"end_on\": \"\", \"unit\": \"昆明市第一人民医院\","
    " \"technical_post\": \"主治医师\", \"content\": \"从事心血管内科临床诊疗工作。\"}");
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *codes = validate ("work-experience", record, NULL);

  /* an empty end means "to date" */
  g_assert_cmpstr (codes, ==, "");

  json_object_set_string_member (record, "end_on", "2015-06-30");
  g_free (codes);
  codes = validate ("work-experience", record, &errors);
  g_assert_cmpstr (codes, ==, "end_on:end_before_start");
  assert_text (find_error (errors, "end_on")->message);
}

static void
test_personal_info_record (void)
{
  g_autoptr(JsonObject) record = parse_record (
    "{\"name\": \"唐国源\", \"gender\": \"1\", \"ethnic_group\": \"01\", \"birth_date\": \"1985-03-15\","
    " \"political_status\": \"01\", \"id_type\": \"111\", \"id_number\": \"53010219850315123X\","
    " \"nationality\": \"中国\", \"mobile\": \"13812345678\", \"email\": \"tang@example.com\","
    " \"address\": \"云南省昆明市五华区某路 1 号\", \"postcode\": \"650031\","
    " \"unit_name\": \"云南省农业科学院\", \"unit_nature\": \"20\", \"work_started_on\": \"2008-07-01\","
    " \"current_profession\": \"作物遗传育种\", \"work_years\": 17, \"specialty_years\": 17,"
    " \"performance_summary\": \"主持完成省级课题两项。\\n发表论文八篇。\"}");
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *codes = validate ("personal-info", record, NULL);

  g_assert_cmpstr (codes, ==, "");

  /* Anhui: specialty years may equal work years but not exceed them */
  json_object_set_int_member (record, "specialty_years", 18);
  g_free (codes);
  codes = validate ("personal-info", record, &errors);
  g_assert_cmpstr (codes, ==, "specialty_years:greater_than");
  g_assert_cmpstr (find_error (errors, "specialty_years")->message, ==,
                   "Years in the specialty cannot exceed years of work.");

  json_object_set_int_member (record, "specialty_years", 10);
  json_object_set_string_member (record, "work_started_on", "1984-09-01");
  g_free (codes);
  codes = validate ("personal-info", record, NULL);
  g_assert_cmpstr (codes, ==, "work_started_on:end_before_start");
}

static void
test_required_if_record (void)
{
  g_autoptr(JsonObject) record = parse_record (
    "{\"institution_level\": \"3a\", \"institution_nature\": \"1\", \"department\": \"心血管内科\","
    " \"paired_support\": false}");
  g_autofree char *codes = validate ("health-tech-info", record, NULL);

  /* the title pick is always required */
  g_assert_cmpstr (codes, ==, "target_title:required");

  /* paired assistance needs its start and the assisted institution */
  json_object_set_boolean_member (record, "paired_support", TRUE);
  g_free (codes);
  codes = validate ("health-tech-info", record, NULL);
  g_assert_cmpstr (codes, ==, "support_start_on:required supported_unit:required target_title:required");
}

static void
test_assessment_record (void)
{
  g_autoptr(JsonObject) record = parse_record ("{\"year\": 2024, \"result\": \"1\"}");
  g_autofree char *codes = validate ("annual-assessments", record, NULL);

  g_assert_cmpstr (codes, ==, "");

  json_object_set_string_member (record, "result", "优秀");
  json_object_set_int_member (record, "year", 2027);
  g_free (codes);
  codes = validate ("annual-assessments", record, NULL);
  g_assert_cmpstr (codes, ==, "result:unknown_option year:date_in_future");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add_func ("/shared/forms-data/every-form-loads", test_every_form_loads);
  g_test_add_func ("/shared/forms-data/archive-categories", test_archive_categories);
  g_test_add_func ("/shared/forms-data/date-rules", test_date_rules);
  g_test_add_func ("/shared/forms-data/personal-info", test_personal_info);
  g_test_add_func ("/shared/forms-data/series-blocks", test_series_blocks);
  g_test_add_func ("/shared/forms-data/dictionaries", test_dictionaries);
  g_test_add_func ("/shared/forms-data/ethnic-groups", test_ethnic_groups);
  g_test_add_func ("/shared/forms-data/standard-codes", test_standard_codes);
  g_test_add_func ("/shared/forms-data/missing", test_missing);
  g_test_add_func ("/shared/forms-data/damaged-copies", test_damaged_copies);
  g_test_add_func ("/shared/forms-data/record/education", test_education_record);
  g_test_add_func ("/shared/forms-data/record/papers", test_papers_record);
  g_test_add_func ("/shared/forms-data/record/open-end", test_open_end_record);
  g_test_add_func ("/shared/forms-data/record/personal-info", test_personal_info_record);
  g_test_add_func ("/shared/forms-data/record/required-if", test_required_if_record);
  g_test_add_func ("/shared/forms-data/record/annual-assessment", test_assessment_record);

  return g_test_run ();
}
