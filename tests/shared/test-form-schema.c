/* test-form-schema.c: reading form schemas, good and malformed
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-form-schema.h"

/* The schemas below are written with ' for " to stay readable. */

static char *fixtures;

static JsonNode *
parse_quoted (const char *single_quoted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup (single_quoted);
  JsonNode *node;

  g_strdelimit (json, "'", '"');
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static ZcFormSchema *
schema_from (const char  *single_quoted,
             GError     **error)
{
  g_autoptr(JsonNode) root = parse_quoted (single_quoted);

  return zc_form_schema_new_from_json (root, error);
}

static void
test_enum_strings (void)
{
  ZcFieldType type = ZC_FIELD_BOOL;
  ZcFieldFormat format = ZC_FIELD_FORMAT_NONE;
  ZcFormKind kind = ZC_FORM_KIND_DECLARATION;
  ZcFormRuleType rule = ZC_FORM_RULE_REQUIRED_IF;

  for (guint i = 0; i < ZC_N_FIELD_TYPES; i++)
    {
      g_assert_true (zc_field_type_from_string (zc_field_type_to_string (i), &type));
      g_assert_cmpint (type, ==, i);
    }
  g_assert_cmpstr (zc_field_type_to_string (ZC_FIELD_LONG_TEXT), ==, "long-text");
  g_assert_cmpstr (zc_field_type_to_string (ZC_FIELD_YEAR_MONTH), ==, "year-month");

  for (guint i = 1; i < ZC_N_FIELD_FORMATS; i++)
    {
      g_assert_true (zc_field_format_from_string (zc_field_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_null (zc_field_format_to_string (ZC_FIELD_FORMAT_NONE));
  g_assert_cmpstr (zc_field_format_to_string (ZC_FIELD_FORMAT_CN_SERIAL), ==, "cn-serial");

  for (guint i = 0; i < ZC_N_FORM_KINDS; i++)
    {
      g_assert_true (zc_form_kind_from_string (zc_form_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_cmpstr (zc_form_kind_to_string (ZC_FORM_KIND_SERIES_BLOCK), ==, "series-block");

  for (guint i = 0; i < ZC_N_FORM_RULE_TYPES; i++)
    {
      g_assert_true (zc_form_rule_type_from_string (zc_form_rule_type_to_string (i), &rule));
      g_assert_cmpint (rule, ==, i);
    }

  /* bad names leave the output untouched */
  type = ZC_FIELD_BOOL;
  format = ZC_FIELD_FORMAT_ISSN;
  kind = ZC_FORM_KIND_DECLARATION;
  rule = ZC_FORM_RULE_NOT_GREATER;
  g_assert_false (zc_field_type_from_string (NULL, &type));
  g_assert_false (zc_field_type_from_string ("", &type));
  g_assert_false (zc_field_type_from_string ("Text", &type));
  g_assert_false (zc_field_type_from_string ("long_text", &type));
  g_assert_false (zc_field_format_from_string ("", &format));
  g_assert_false (zc_field_format_from_string ("ISSN", &format));
  g_assert_false (zc_form_kind_from_string ("archive", &kind));
  g_assert_false (zc_form_rule_type_from_string ("date_order", &rule));
  g_assert_cmpint (type, ==, ZC_FIELD_BOOL);
  g_assert_cmpint (format, ==, ZC_FIELD_FORMAT_ISSN);
  g_assert_cmpint (kind, ==, ZC_FORM_KIND_DECLARATION);
  g_assert_cmpint (rule, ==, ZC_FORM_RULE_NOT_GREATER);
}

static void
test_load_education (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFormSchema) schema = zc_form_schema_load ("forms/archive/education.json", &error);
  const char *summary[] = { "school", "start_on", "end_on", NULL };
  const ZcFormField *field;
  const ZcFormRule *rule;
  guint index = 99;
  gint64 bound = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (zc_form_schema_get_id (schema), ==, "education");
  g_assert_cmpint (zc_form_schema_get_kind (schema), ==, ZC_FORM_KIND_ARCHIVE_CATEGORY);
  g_assert_cmpstr (zc_form_schema_get_title (schema, ZC_LANGUAGE_ENGLISH), ==, "Education");
  g_assert_nonnull (zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));
  g_assert_cmpint (zc_form_schema_get_order (schema), ==, 1);
  g_assert_null (zc_form_schema_get_series (schema));
  g_assert_true (zc_form_schema_applies_to_series (schema, "04"));
  g_assert_true (g_strv_equal (zc_form_schema_get_summary_fields (schema), summary));
  g_assert_cmpstr (zc_form_schema_get_sources (schema)[0], ==, "Test fixture");
  g_assert_cmpuint (zc_form_schema_get_n_fields (schema), ==, 8);

  field = zc_form_schema_get_field (schema, 0);
  g_assert_cmpstr (zc_form_field_get_id (field), ==, "start_on");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_DATE);
  g_assert_cmpstr (zc_form_field_get_label (field, ZC_LANGUAGE_ENGLISH), ==, "Start date");
  g_assert_cmpstr (zc_form_field_get_section (field, ZC_LANGUAGE_ENGLISH), ==, "Period");
  g_assert_null (zc_form_field_get_help (field, ZC_LANGUAGE_ENGLISH));
  g_assert_true (zc_form_field_get_required (field));
  g_assert_true (zc_form_field_get_not_after_today (field));
  g_assert_false (zc_form_field_get_open_end (field));
  g_assert_false (zc_form_field_get_readonly_after_registration (field));
  g_assert_cmpuint (zc_form_field_get_max_length (field), ==, 0);

  field = zc_form_schema_find_field (schema, "end_on");
  g_assert_nonnull (field);
  g_assert_cmpstr (zc_form_field_get_help (field, ZC_LANGUAGE_ENGLISH), ==, "Leave empty while still studying");
  g_assert_false (zc_form_field_get_required (field));
  g_assert_true (zc_form_field_get_open_end (field));  /* from the rule */

  field = zc_form_schema_find_field (schema, "school");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_TEXT);
  g_assert_cmpuint (zc_form_field_get_max_length (field), ==, 10);
  g_assert_cmpuint (zc_form_field_get_min_length (field), ==, 2);
  g_assert_cmpint (zc_form_field_get_format (field), ==, ZC_FIELD_FORMAT_NONE);
  g_assert_null (zc_form_field_get_section (field, ZC_LANGUAGE_ENGLISH));

  field = zc_form_schema_find_field (schema, "degree");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_ENUM);
  g_assert_cmpstr (zc_dictionary_get_id (zc_form_field_get_dictionary (field)), ==, "degrees");
  g_assert_false (zc_form_field_get_multiple (field));
  g_assert_false (zc_form_field_get_required (field));  /* only through its rule */

  field = zc_form_schema_find_field (schema, "years");
  g_assert_true (zc_form_field_get_min (field, &bound));
  g_assert_cmpint (bound, ==, 1);
  g_assert_true (zc_form_field_get_max (field, &bound));
  g_assert_cmpint (bound, ==, 10);
  g_assert_cmpstr (zc_form_field_get_unit (field, ZC_LANGUAGE_ENGLISH), ==, "years");
  g_assert_nonnull (zc_form_field_get_unit (field, ZC_LANGUAGE_LOCALE));

  field = zc_form_schema_find_field (schema, "notes");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_LONG_TEXT);
  g_assert_cmpuint (zc_form_field_get_max_length (field), ==, 20);
  g_assert_null (zc_form_field_get_unit (field, ZC_LANGUAGE_ENGLISH));
  g_assert_false (zc_form_field_get_min (field, &bound));

  field = zc_form_schema_find_field (schema, "scans");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_ATTACHMENTS);
  g_assert_cmpuint (g_strv_length ((char **) zc_form_field_get_accept (field)), ==, 2);
  g_assert_cmpstr (zc_form_field_get_accept (field)[1], ==, "image/jpeg");
  g_assert_cmpuint (zc_form_field_get_max_size (field), ==, 1000);
  g_assert_cmpuint (zc_form_field_get_max_count (field), ==, 3);
  g_assert_cmpuint (zc_form_field_get_min_count (field), ==, 2);
  g_assert_null (zc_form_field_get_dictionary (field));
  g_assert_null (zc_form_field_get_depth (field));

  g_assert_true (zc_form_schema_find_field_index (schema, "scans", &index));
  g_assert_cmpuint (index, ==, 7);
  index = 99;
  g_assert_false (zc_form_schema_find_field_index (schema, "Scans", &index));
  g_assert_cmpuint (index, ==, 99);
  g_assert_null (zc_form_schema_find_field (schema, ""));
  g_assert_null (zc_form_schema_find_field (schema, "school "));

  g_assert_cmpuint (zc_form_schema_get_n_rules (schema), ==, 2);
  rule = zc_form_schema_get_rule (schema, 0);
  g_assert_cmpint (zc_form_rule_get_rule_type (rule), ==, ZC_FORM_RULE_DATE_ORDER);
  g_assert_cmpstr (zc_form_rule_get_field (rule), ==, "end_on");
  g_assert_cmpstr (zc_form_rule_get_other (rule), ==, "start_on");
  g_assert_true (zc_form_rule_get_open_end (rule));
  g_assert_null (zc_form_rule_get_equals (rule));
  g_assert_null (zc_form_rule_get_message (rule, ZC_LANGUAGE_ENGLISH));
  rule = zc_form_schema_get_rule (schema, 1);
  g_assert_cmpint (zc_form_rule_get_rule_type (rule), ==, ZC_FORM_RULE_REQUIRED_IF);
  g_assert_cmpstr (zc_form_rule_get_field (rule), ==, "degree");
  g_assert_cmpstr (zc_form_rule_get_other (rule), ==, "has_degree");
  g_assert_true (json_node_get_boolean (zc_form_rule_get_equals (rule)));
  g_assert_false (zc_form_rule_get_open_end (rule));
}

static void
test_load_other_kinds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFormSchema) papers = zc_form_schema_load ("forms/archive/papers.json", &error);
  g_autoptr(ZcFormSchema) teacher = NULL;
  g_autoptr(ZcFormSchema) personal = NULL;
  const char *series[] = { "07", "08", NULL };
  const ZcFormField *field;

  g_assert_no_error (error);
  g_assert_cmpint (zc_form_field_get_format (zc_form_schema_find_field (papers, "issn")), ==, ZC_FIELD_FORMAT_ISSN);
  g_assert_cmpint (zc_form_field_get_format (zc_form_schema_find_field (papers, "isbn")), ==, ZC_FIELD_FORMAT_ISBN);
  field = zc_form_schema_find_field (papers, "topics");
  g_assert_true (zc_form_field_get_multiple (field));
  field = zc_form_schema_find_field (papers, "award_year");
  g_assert_cmpint (zc_form_field_get_field_type (field), ==, ZC_FIELD_YEAR);
  g_assert_true (zc_form_field_get_not_after_today (field));
  g_assert_cmpstr (zc_form_rule_get_message (zc_form_schema_get_rule (papers, 0), ZC_LANGUAGE_ENGLISH),
                   ==, "Medical papers need an ISSN");
  g_assert_cmpstr (json_node_get_string (zc_form_rule_get_equals (zc_form_schema_get_rule (papers, 0))), ==, "med");

  teacher = zc_form_schema_load ("forms/series/teacher-info.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_form_schema_get_kind (teacher), ==, ZC_FORM_KIND_SERIES_BLOCK);
  g_assert_true (g_strv_equal (zc_form_schema_get_series (teacher), series));
  g_assert_true (zc_form_schema_applies_to_series (teacher, "08"));
  g_assert_false (zc_form_schema_applies_to_series (teacher, "04"));
  g_assert_false (zc_form_schema_applies_to_series (teacher, ""));
  g_assert_cmpuint (g_strv_length ((char **) zc_form_schema_get_summary_fields (teacher)), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) zc_form_schema_get_sources (teacher)), ==, 0);
  g_assert_cmpstr (zc_form_field_get_depth (zc_form_schema_find_field (teacher, "title")), ==, "title");
  g_assert_cmpstr (zc_form_field_get_depth (zc_form_schema_find_field (teacher, "series_only")), ==, "series");
  g_assert_cmpint (zc_form_rule_get_rule_type (zc_form_schema_get_rule (teacher, 1)), ==, ZC_FORM_RULE_NOT_GREATER);
  g_assert_cmpstr (zc_form_rule_get_field (zc_form_schema_get_rule (teacher, 1)), ==, "teaching_years");
  g_assert_cmpstr (zc_form_rule_get_other (zc_form_schema_get_rule (teacher, 1)), ==, "work_years");

  personal = zc_form_schema_load ("forms/personal-info.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_form_schema_get_kind (personal), ==, ZC_FORM_KIND_PERSONAL_INFO);
  g_assert_cmpint (zc_form_schema_get_order (personal), ==, 0);
  g_assert_true (zc_form_field_get_readonly_after_registration (zc_form_schema_find_field (personal, "name")));
  g_assert_false (zc_form_field_get_readonly_after_registration (zc_form_schema_find_field (personal, "mobile")));
  g_assert_cmpint (zc_form_field_get_format (zc_form_schema_find_field (personal, "id_number")), ==,
                   ZC_FIELD_FORMAT_ID_NUMBER);
}

static void
test_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFormSchema) schema = schema_from (
    "{'id': 'defaults', 'kind': 'declaration', 'title': 'Defaults',"
    " 'fields': [{'id': 'files', 'type': 'attachments', 'label': 'Files'},"
    "            {'id': 'pick', 'type': 'taxonomy', 'label': 'Pick'},"
    "            {'id': 'level_only', 'type': 'taxonomy', 'label': 'Level', 'depth': 'level'},"
    "            {'id': 'count', 'type': 'integer', 'label': 'Count', 'max': -1},"
    "            {'id': 'text', 'type': 'long-text', 'label': 'Text', 'max_length': 5, 'min_length': 5}],"
    " 'rules': []}", &error);
  const char *accept[] = { "application/pdf", "image/jpeg", "image/png", NULL };
  const ZcFormField *field;
  gint64 bound = 0;

  g_assert_no_error (error);
  g_assert_cmpint (zc_form_schema_get_kind (schema), ==, ZC_FORM_KIND_DECLARATION);
  g_assert_cmpuint (zc_form_schema_get_n_rules (schema), ==, 0);
  field = zc_form_schema_get_field (schema, 0);
  g_assert_true (g_strv_equal (zc_form_field_get_accept (field), accept));
  g_assert_cmpuint (zc_form_field_get_max_size (field), ==, 8 * 1024 * 1024);
  g_assert_cmpuint (zc_form_field_get_max_count (field), ==, 0);
  g_assert_cmpuint (zc_form_field_get_min_count (field), ==, 0);
  g_assert_null (zc_form_field_get_accept (zc_form_schema_get_field (schema, 1)));
  g_assert_cmpstr (zc_form_field_get_depth (zc_form_schema_get_field (schema, 1)), ==, "title");
  g_assert_cmpstr (zc_form_field_get_depth (zc_form_schema_get_field (schema, 2)), ==, "level");
  field = zc_form_schema_get_field (schema, 3);
  g_assert_false (zc_form_field_get_min (field, &bound));
  g_assert_true (zc_form_field_get_max (field, NULL));
  g_assert_true (zc_form_field_get_max (field, &bound));
  g_assert_cmpint (bound, ==, -1);
  g_assert_cmpuint (zc_form_field_get_min_length (zc_form_schema_get_field (schema, 4)), ==, 5);
}

static void
test_boxed (void)
{
  g_autoptr(GError) error = NULL;
  ZcFormSchema *schema = zc_form_schema_load ("forms/archive/papers.json", &error);
  ZcFormSchema *copy;

  g_assert_no_error (error);
  g_assert_true (G_TYPE_IS_BOXED (ZC_TYPE_FORM_SCHEMA));
  copy = g_boxed_copy (ZC_TYPE_FORM_SCHEMA, schema);
  g_assert_true (copy == schema);
  g_boxed_free (ZC_TYPE_FORM_SCHEMA, copy);
  g_assert_true (zc_form_schema_ref (schema) == schema);
  zc_form_schema_unref (schema);
  g_assert_cmpstr (zc_form_schema_get_id (schema), ==, "papers");
  zc_form_schema_unref (schema);
}

static void
test_lookup (void)
{
  static const char *bad_ids[] = { "", "no-such-form", "Papers", "../forms/archive/papers", "archive/papers",
                                   "papers.json", "-papers", "1papers" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFormSchema) papers = zc_form_schema_lookup ("papers", &error);
  g_autoptr(ZcFormSchema) again = NULL;
  g_autoptr(ZcFormSchema) personal = NULL;
  g_autoptr(ZcFormSchema) teacher = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (zc_form_schema_get_id (papers), ==, "papers");
  again = zc_form_schema_lookup ("papers", &error);
  g_assert_no_error (error);
  g_assert_true (again == papers);  /* shared */

  personal = zc_form_schema_lookup ("personal-info", &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_form_schema_get_kind (personal), ==, ZC_FORM_KIND_PERSONAL_INFO);
  teacher = zc_form_schema_lookup ("teacher-info", &error);
  g_assert_no_error (error);
  g_assert_cmpint (zc_form_schema_get_kind (teacher), ==, ZC_FORM_KIND_SERIES_BLOCK);

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup (bad_ids[i], &error);

      g_test_message ("%s", bad_ids[i]);
      g_assert_null (schema);
      g_assert_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
}

static void
test_load_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) archive = zc_form_schema_load_all (ZC_FORM_KIND_ARCHIVE_CATEGORY, &error);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) personal = NULL;
  g_autoptr(GPtrArray) declarations = NULL;
  g_autoptr(ZcFormSchema) looked_up = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (archive->len, ==, 2);
  /* by "order", not by name */
  g_assert_cmpstr (zc_form_schema_get_id (g_ptr_array_index (archive, 0)), ==, "papers");
  g_assert_cmpstr (zc_form_schema_get_id (g_ptr_array_index (archive, 1)), ==, "education");

  /* the same objects as lookup gives */
  looked_up = zc_form_schema_lookup ("education", &error);
  g_assert_no_error (error);
  g_assert_true (looked_up == g_ptr_array_index (archive, 1));

  series = zc_form_schema_load_all (ZC_FORM_KIND_SERIES_BLOCK, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 1);
  g_assert_cmpstr (zc_form_schema_get_id (g_ptr_array_index (series, 0)), ==, "teacher-info");

  personal = zc_form_schema_load_all (ZC_FORM_KIND_PERSONAL_INFO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (personal->len, ==, 1);
  g_assert_cmpstr (zc_form_schema_get_id (g_ptr_array_index (personal, 0)), ==, "personal-info");

  /* no declaration folder in the fixtures: none, not an error */
  declarations = zc_form_schema_load_all (ZC_FORM_KIND_DECLARATION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (declarations->len, ==, 0);
}

/* Files in the wrong place or with the wrong name, read uncached from
 * a second data folder. */
static void
test_load_errors (void)
{
  static const struct {
    const char *path;
    int         code;
    const char *message_part;
  } cases[] = {
    { "forms/archive/wrong-kind.json", ZC_FORM_SCHEMA_ERROR_INVALID, "a series-block form does not belong in this folder" },
    { "forms/archive/renamed.json", ZC_FORM_SCHEMA_ERROR_INVALID, "the id “other-name” differs from the file name" },
    { "forms/archive/not-json.json", ZC_FORM_SCHEMA_ERROR_INVALID, "not valid JSON" },
    { "forms/archive/bad-field.json", ZC_FORM_SCHEMA_ERROR_INVALID,
      "forms/archive/bad-field.json: form “bad-field”, field “a”: “max_length” is required for text fields" },
    { "forms/archive/missing.json", ZC_FORM_SCHEMA_ERROR_NOT_FOUND, "missing.json" },
  };
  g_autofree char *broken = g_build_filename (fixtures, "broken", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_setenv ("ZHICHENG_DATA_DIR", broken, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ZcFormSchema) schema = zc_form_schema_load (cases[i].path, &error);

      g_test_message ("%s", cases[i].path);
      g_assert_null (schema);
      g_assert_error (error, ZC_FORM_SCHEMA_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, cases[i].message_part);
      g_clear_error (&error);
    }

  /* this data folder has no forms/series */
  all = zc_form_schema_load_all (ZC_FORM_KIND_SERIES_BLOCK, &error);
  g_assert_null (all);
  g_assert_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND);

  g_setenv ("ZHICHENG_DATA_DIR", fixtures, TRUE);
}

#define HEAD "'id': 't', 'kind': 'archive-category', 'title': 'T', 'order': 1, 'summary': ['a']"
#define TEXT_A "{'id': 'a', 'type': 'text', 'label': 'A', 'max_length': 10}"
#define FORM(fields) "{" HEAD ", 'fields': [" TEXT_A fields "]}"
#define FORM_RULES(fields, rules) "{" HEAD ", 'fields': [" TEXT_A fields "], 'rules': [" rules "]}"
#define DATES ", {'id': 's', 'type': 'date', 'label': 'S'}, {'id': 'e', 'type': 'year-month', 'label': 'E'}"
#define INTS ", {'id': 'i', 'type': 'integer', 'label': 'I'}, {'id': 'j', 'type': 'integer', 'label': 'J'}"

static void
test_malformed (void)
{
  static const struct {
    const char *json;
    const char *message_part;
  } cases[] = {
    /* the form */
    { "[]", "form: the file must hold a JSON object" },
    { "{'kind': 'declaration', 'title': 'T', 'fields': [" TEXT_A "]}", "form: “id” must be" },
    { "{'id': 'Bad', 'kind': 'declaration', 'title': 'T', 'fields': [" TEXT_A "]}", "“id” must be" },
    { "{'id': 'a_b', 'kind': 'declaration', 'title': 'T', 'fields': [" TEXT_A "]}", "“id” must be" },
    { "{'id': 7, 'kind': 'declaration', 'title': 'T', 'fields': [" TEXT_A "]}", "“id” must be" },
    { "{'id': 't', 'title': 'T', 'fields': [" TEXT_A "]}", "form “t”: “kind” must be one of" },
    { "{'id': 't', 'kind': 'archive', 'title': 'T', 'fields': [" TEXT_A "]}", "“kind” must be one of" },
    { "{'id': 't', 'kind': 'declaration', 'title': 'T', 'colour': 1, 'fields': [" TEXT_A "]}",
      "form “t”: unknown or misplaced key “colour”" },
    { "{'id': 't', 'kind': 'declaration', 'fields': [" TEXT_A "]}", "form “t”: “title” must be" },
    { "{'id': 't', 'kind': 'declaration', 'title': ' T', 'fields': [" TEXT_A "]}", "“title” must be" },
    { "{'id': 't', 'kind': 'archive-category', 'title': 'T', 'summary': ['a'], 'fields': [" TEXT_A "]}",
      "“order” must be an integer from 0 to 10000" },
    { "{'id': 't', 'kind': 'series-block', 'title': 'T', 'fields': [" TEXT_A "]}", "“order” must be an integer" },
    { "{'id': 't', 'kind': 'archive-category', 'title': 'T', 'order': '1', 'summary': ['a'], 'fields': [" TEXT_A "]}",
      "“order” must be an integer" },
    { "{'id': 't', 'kind': 'archive-category', 'title': 'T', 'order': -1, 'summary': ['a'], 'fields': [" TEXT_A "]}",
      "“order” must be an integer" },
    { "{" HEAD ", 'series': ['04'], 'fields': [" TEXT_A "]}", "“series” applies to series-block forms only" },
    { "{'id': 't', 'kind': 'series-block', 'title': 'T', 'order': 1, 'series': [], 'fields': [" TEXT_A "]}",
      "“series” must be an array of strings, not empty" },
    { "{'id': 't', 'kind': 'series-block', 'title': 'T', 'order': 1, 'series': ['4a'], 'fields': [" TEXT_A "]}",
      "“series”[0] is not a valid value" },
    { "{'id': 't', 'kind': 'series-block', 'title': 'T', 'order': 1, 'series': [4], 'fields': [" TEXT_A "]}",
      "“series”[0] is not a valid value" },
    { "{'id': 't', 'kind': 'series-block', 'title': 'T', 'order': 1, 'series': ['04', '04'], 'fields': [" TEXT_A "]}",
      "“series” lists “04” twice" },
    { "{'id': 't', 'kind': 'archive-category', 'title': 'T', 'order': 1, 'fields': [" TEXT_A "]}",
      "“summary” is required for archive-category forms" },
    { "{'id': 't', 'kind': 'archive-category', 'title': 'T', 'order': 1, 'summary': [], 'fields': [" TEXT_A "]}",
      "“summary” must be an array of strings, not empty" },
    { "{'id': 't', 'kind': 'archive-category', 'title': 'T', 'order': 1, 'summary': ['zz'], 'fields': [" TEXT_A "]}",
      "“summary” names “zz”, which is not a field of this form" },
    { "{'id': 't', 'kind': 'archive-category', 'title': 'T', 'order': 1, 'summary': ['a', 'a'], 'fields': [" TEXT_A "]}",
      "“summary” lists “a” twice" },
    { "{'id': 't', 'kind': 'archive-category', 'title': 'T', 'order': 1, 'summary': ['f'], 'fields': [" TEXT_A
      ", {'id': 'f', 'type': 'attachments', 'label': 'F'}]}", "“summary” cannot show the attachments field “f”" },
    { "{" HEAD ", 'sources': [''], 'fields': [" TEXT_A "]}", "“sources”[0] is not a valid value" },
    { "{" HEAD ", 'sources': 'manual', 'fields': [" TEXT_A "]}", "“sources” must be an array of strings" },
    { "{" HEAD "}", "form “t”: “fields” must be a non-empty array" },
    { "{" HEAD ", 'fields': []}", "“fields” must be a non-empty array" },
    { "{" HEAD ", 'fields': {}}", "“fields” must be a non-empty array" },
    { "{" HEAD ", 'fields': [" TEXT_A "], 'rules': {}}", "form “t”: “rules” must be an array" },

    /* fields */
    { FORM (", 3"), "form “t”, fields[1]: a field must be an object" },
    { FORM (", {'type': 'bool', 'label': 'B'}"), "form “t”, fields[1]: “id” must be" },
    { FORM (", {'id': 'B', 'type': 'bool', 'label': 'B'}"), "fields[1]: “id” must be" },
    { FORM (", {'id': 'b-c', 'type': 'bool', 'label': 'B'}"), "fields[1]: “id” must be" },
    { FORM (", {'id': '_b', 'type': 'bool', 'label': 'B'}"), "fields[1]: “id” must be" },
    { FORM (", {'id': 'a', 'type': 'bool', 'label': 'B'}"), "form “t”, field “a”: the id is used by an earlier field" },
    { FORM (", {'id': 'b', 'label': 'B'}"), "field “b”: “type” must be one of" },
    { FORM (", {'id': 'b', 'type': 'string', 'label': 'B'}"), "field “b”: “type” must be one of" },
    { FORM (", {'id': 'b', 'type': 'bool'}"), "field “b”: “label” must be" },
    { FORM (", {'id': 'b', 'type': 'bool', 'label': ''}"), "field “b”: “label” must be" },
    { FORM (", {'id': 'b', 'type': 'bool', 'label': 5}"), "field “b”: “label” must be" },
    { FORM (", {'id': 'b', 'type': 'bool', 'label': 'A'}"), "fields “b” and an earlier one share the label “A”" },
    { FORM (", {'id': 'b', 'type': 'bool', 'label': 'B', 'help': ''}"), "field “b”: “help” must be" },
    { FORM (", {'id': 'b', 'type': 'bool', 'label': 'B', 'section': 'x\\ny'}"), "field “b”: “section” must be" },
    { FORM (", {'id': 'b', 'type': 'bool', 'label': 'B', 'required': 'yes'}"), "“required” must be true or false" },
    { FORM (", {'id': 'b', 'type': 'bool', 'label': 'B', 'colour': 'red'}"),
      "field “b”: unknown or misplaced key “colour”" },
    { FORM (", {'id': 'b', 'type': 'date', 'label': 'B', 'max_length': 10}"),
      "field “b”: unknown or misplaced key “max_length”" },
    { FORM (", {'id': 'b', 'type': 'text', 'label': 'B', 'max_length': 10, 'not_after_today': true}"),
      "unknown or misplaced key “not_after_today”" },
    { FORM (", {'id': 'b', 'type': 'long-text', 'label': 'B', 'max_length': 10, 'format': 'email'}"),
      "unknown or misplaced key “format”" },
    { FORM (", {'id': 'b', 'type': 'bool', 'label': 'B', 'readonly_after_registration': true}"),
      "“readonly_after_registration” applies to personal-info forms only" },
    { FORM (", {'id': 'b', 'type': 'text', 'label': 'B'}"), "field “b”: “max_length” is required for text fields" },
    { FORM (", {'id': 'b', 'type': 'long-text', 'label': 'B'}"), "“max_length” is required for long-text fields" },
    { FORM (", {'id': 'b', 'type': 'text', 'label': 'B', 'max_length': 0}"),
      "“max_length” must be an integer from 1 to 100000" },
    { FORM (", {'id': 'b', 'type': 'text', 'label': 'B', 'max_length': '10'}"), "“max_length” must be an integer" },
    { FORM (", {'id': 'b', 'type': 'text', 'label': 'B', 'max_length': 10.5}"), "“max_length” must be an integer" },
    { FORM (", {'id': 'b', 'type': 'text', 'label': 'B', 'max_length': 10, 'min_length': 11}"),
      "“min_length” must be an integer from 0 to 10" },
    { FORM (", {'id': 'b', 'type': 'text', 'label': 'B', 'max_length': 10, 'format': 'phone-number'}"),
      "“format” must be one of" },
    { FORM (", {'id': 'b', 'type': 'text', 'label': 'B', 'max_length': 10, 'format': null}"), "“format” must be one of" },
    { FORM (", {'id': 'b', 'type': 'integer', 'label': 'B', 'min': 5, 'max': 4}"), "“min” is greater than “max”" },
    { FORM (", {'id': 'b', 'type': 'year', 'label': 'B', 'min': 2030, 'max': 2000}"), "“min” is greater than “max”" },
    { FORM (", {'id': 'b', 'type': 'integer', 'label': 'B', 'min': 1.5}"), "“min” must be an integer" },
    { FORM (", {'id': 'b', 'type': 'integer', 'label': 'B', 'max': 99999999999}"), "“max” must be an integer" },
    { FORM (", {'id': 'b', 'type': 'integer', 'label': 'B', 'unit': ''}"), "“unit” must be" },
    { FORM (", {'id': 'b', 'type': 'year', 'label': 'B', 'unit': 'years'}"), "unknown or misplaced key “unit”" },
    { FORM (", {'id': 'b', 'type': 'enum', 'label': 'B'}"), "field “b”: “dictionary” must be" },
    { FORM (", {'id': 'b', 'type': 'enum', 'label': 'B', 'dictionary': 'nope'}"),
      "field “b”: the dictionary “nope” cannot be used" },
    { FORM (", {'id': 'b', 'type': 'enum', 'label': 'B', 'dictionary': 'dupes'}"),
      "the dictionary “dupes” cannot be used: dictionaries/dupes.json: Dictionary “dupes”: items[1]: the code “1” is used twice" },
    { FORM (", {'id': 'b', 'type': 'enum', 'label': 'B', 'dictionary': '../forms/personal-info'}"),
      "the dictionary “../forms/personal-info” cannot be used" },
    { FORM (", {'id': 'b', 'type': 'enum', 'label': 'B', 'dictionary': 'degrees', 'multiple': 'true'}"),
      "“multiple” must be true or false" },
    { FORM (", {'id': 'b', 'type': 'taxonomy', 'label': 'B', 'depth': 'grade'}"), "“depth” must be one of" },
    { FORM (", {'id': 'b', 'type': 'attachments', 'label': 'B', 'accept': []}"),
      "“accept” must be an array of strings, not empty" },
    { FORM (", {'id': 'b', 'type': 'attachments', 'label': 'B', 'accept': ['pdf']}"), "“accept”[0] is not a valid value" },
    { FORM (", {'id': 'b', 'type': 'attachments', 'label': 'B', 'accept': ['Application/PDF']}"),
      "“accept”[0] is not a valid value" },
    { FORM (", {'id': 'b', 'type': 'attachments', 'label': 'B', 'max_size': 0}"), "“max_size” must be an integer from 1" },
    { FORM (", {'id': 'b', 'type': 'attachments', 'label': 'B', 'max_count': 0}"),
      "“max_count” must be an integer from 1 to 1000" },
    { FORM (", {'id': 'b', 'type': 'attachments', 'label': 'B', 'min_count': -1}"), "“min_count” must be an integer" },
    { FORM (", {'id': 'b', 'type': 'attachments', 'label': 'B', 'max_count': 2, 'min_count': 3}"),
      "“min_count” is greater than “max_count”" },
    { FORM (", {'id': 'b', 'type': 'date', 'label': 'B', 'not_after_today': 1}"), "“not_after_today” must be true or false" },

    /* rules */
    { FORM_RULES (DATES, "[]"), "form “t”, rules[0]: a rule must be an object" },
    { FORM_RULES (DATES, "{'start': 's', 'end': 'e'}"), "rules[0]: “type” must be one of" },
    { FORM_RULES (DATES, "{'type': 'date_order', 'start': 's', 'end': 'e'}"), "rules[0]: “type” must be one of" },
    { FORM_RULES (DATES, "{'type': 'date-order', 'field': 's', 'end': 'e'}"),
      "form “t”, rules[0] (date-order): unknown or misplaced key “field”" },
    { FORM_RULES (DATES, "{'type': 'date-order', 'end': 'e'}"), "rules[0] (date-order): “start” must name a field" },
    { FORM_RULES (DATES, "{'type': 'date-order', 'start': 'zz', 'end': 'e'}"),
      "“start” names “zz”, which is not a field of this form" },
    { FORM_RULES (DATES, "{'type': 'date-order', 'start': 's', 'end': 'a'}"),
      "“start” and “end” must be date, year-month or year fields" },
    { FORM_RULES (DATES, "{'type': 'date-order', 'start': 's', 'end': 's'}"), "a rule must relate two different fields" },
    { FORM_RULES (DATES, "{'type': 'date-order', 'start': 's', 'end': 'e', 'open_end': 'yes'}"),
      "“open_end” must be true or false" },
    { FORM_RULES (", {'id': 's', 'type': 'date', 'label': 'S'}, {'id': 'e', 'type': 'date', 'label': 'E', 'required': true}",
                  "{'type': 'date-order', 'start': 's', 'end': 'e', 'open_end': true}"),
      "with “open_end” the end field “e” must not be required" },
    { FORM_RULES (DATES, "{'type': 'date-order', 'start': 's', 'end': 'e', 'message': ''}"), "“message” must be" },
    { FORM_RULES (INTS, "{'type': 'not-greater', 'field': 'i', 'than': 'a'}"),
      "rules[0] (not-greater): “field” and “than” must be integer fields" },
    { FORM_RULES (INTS, "{'type': 'not-greater', 'field': 'i'}"), "“than” must name a field" },
    { FORM_RULES (INTS, "{'type': 'not-greater', 'field': 'i', 'than': 'i'}"), "a rule must relate two different fields" },
    { FORM_RULES (INTS, "{'type': 'not-greater', 'field': 'i', 'than': 'j', 'open_end': true}"),
      "unknown or misplaced key “open_end”" },
    { FORM_RULES (INTS, "{'type': 'required-if', 'field': 'i', 'when': 'j'}"),
      "rules[0] (required-if): “equals” must be a value the field “j” can hold" },
    { FORM_RULES (INTS, "{'type': 'required-if', 'field': 'i', 'when': 'j', 'equals': '3'}"),
      "“equals” must be a value the field “j” can hold" },
    { FORM_RULES (", {'id': 'b', 'type': 'bool', 'label': 'B'}", "{'type': 'required-if', 'field': 'a', 'when': 'b', 'equals': 1}"),
      "“equals” must be a value the field “b” can hold" },
    { FORM_RULES (", {'id': 'b', 'type': 'enum', 'label': 'B', 'dictionary': 'degrees'}",
                  "{'type': 'required-if', 'field': 'a', 'when': 'b', 'equals': '5'}"),
      "“equals” must be a value the field “b” can hold" },
    { FORM_RULES (", {'id': 'b', 'type': 'attachments', 'label': 'B'}",
                  "{'type': 'required-if', 'field': 'a', 'when': 'b', 'equals': 'x'}"),
      "“equals” must be a value the field “b” can hold" },
    { FORM_RULES (", {'id': 'b', 'type': 'bool', 'label': 'B'}, {'id': 'c', 'type': 'bool', 'label': 'C', 'required': true}",
                  "{'type': 'required-if', 'field': 'c', 'when': 'b', 'equals': true}"),
      "“c” is always required already" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcFormSchema) schema = schema_from (cases[i].json, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (schema);
      g_assert_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message_part);
    }
}

/* Variants the format allows, each accepted. */
static void
test_accepted_variants (void)
{
  static const char *cases[] = {
    FORM (""),
    FORM_RULES (INTS, "{'type': 'required-if', 'field': 'i', 'when': 'j', 'equals': 3, 'message': 'Say why'}"),
    FORM_RULES (", {'id': 'b', 'type': 'enum', 'label': 'B', 'dictionary': 'degrees', 'multiple': true}",
                "{'type': 'required-if', 'field': 'a', 'when': 'b', 'equals': '9'}"),
    FORM_RULES (", {'id': 'y', 'type': 'year', 'label': 'Y'}, {'id': 'm', 'type': 'year-month', 'label': 'M'}",
                "{'type': 'date-order', 'start': 'y', 'end': 'm', 'open_end': false}"),
    FORM_RULES (", {'id': 'b', 'type': 'text', 'label': 'B', 'max_length': 3}",
                "{'type': 'required-if', 'field': 'a', 'when': 'b', 'equals': 'yes'}"),
    "{'id': 'p', 'kind': 'personal-info', 'title': 'P', 'order': 3, 'sources': ['Manual'],"
    " 'fields': [{'id': 'n', 'type': 'text', 'label': 'N', 'max_length': 1, 'readonly_after_registration': false}]}",
    "{'id': 's', 'kind': 'series-block', 'title': 'S', 'order': 0, 'summary': ['n'],"
    " 'fields': [{'id': 'n', 'type': 'text', 'label': 'N', 'max_length': 100000, 'min_length': 0}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcFormSchema) schema = schema_from (cases[i], &error);

      g_test_message ("case %u: %s", i, cases[i]);
      g_assert_no_error (error);
      g_assert_nonnull (schema);
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "forms", NULL);
  g_setenv ("ZHICHENG_DATA_DIR", fixtures, TRUE);

  g_test_add_func ("/form-schema/enum-strings", test_enum_strings);
  g_test_add_func ("/form-schema/load-education", test_load_education);
  g_test_add_func ("/form-schema/load-other-kinds", test_load_other_kinds);
  g_test_add_func ("/form-schema/defaults", test_defaults);
  g_test_add_func ("/form-schema/boxed", test_boxed);
  g_test_add_func ("/form-schema/lookup", test_lookup);
  g_test_add_func ("/form-schema/load-all", test_load_all);
  g_test_add_func ("/form-schema/load-errors", test_load_errors);
  g_test_add_func ("/form-schema/malformed", test_malformed);
  g_test_add_func ("/form-schema/accepted-variants", test_accepted_variants);

  result = g_test_run ();
  g_free (fixtures);
  return result;
}
