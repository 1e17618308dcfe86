/* test-plan.c: the review plan's codec, rules, scope, windows and filters
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "zc-json.h"
#include "zc-plan.h"

#define DIRECT_UNIT       "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
#define COMMISSIONED_UNIT "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
#define OTHER_UNIT        "0a4f6c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b"

static JsonNode *
load_fixture_node (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_true (zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &root, &error));
  g_assert_no_error (error);
  return root;
}

static ZcPlan *
load_fixture (const char *name)
{
  g_autoptr(JsonNode) root = load_fixture_node (name);
  g_autoptr(GError) error = NULL;
  ZcPlan *plan = zc_plan_new_from_json (root, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

/* Finds the parent object of @path ("a.b[2].c") and the last member name;
 * creates nothing. */
static JsonObject *
resolve (JsonNode   *root,
         const char *path,
         char      **last_out)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n = g_strv_length (parts);
  JsonNode *node = root;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup (parts[i]);
      char *bracket = strchr (name, '[');
      int index = -1;

      if (bracket != NULL)
        {
          index = atoi (bracket + 1);
          *bracket = '\0';
        }
      if (i == n - 1 && index < 0)
        {
          *last_out = g_steal_pointer (&name);
          return json_node_get_object (node);
        }
      node = json_object_get_member (json_node_get_object (node), name);
      g_assert_nonnull (node);
      if (index >= 0)
        {
          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          if (i == n - 1)
            {
              /* an array element: replaced through a wrapper below */
              *last_out = g_strdup_printf ("[%d]", index);
              return NULL;
            }
          node = json_array_get_element (json_node_get_array (node), index);
        }
    }
  g_assert_not_reached ();
}

/* Sets @path to the JSON @value (NULL removes it). */
static void
mutate (JsonNode   *root,
        const char *path,
        const char *value)
{
  g_autofree char *last = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  JsonObject *parent;

  if (value != NULL)
    {
      g_autofree char *wrapped = g_strdup_printf ("{\"v\":%s}", value);
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, wrapped, -1, NULL));
      parsed = zc_json_node_copy_deep (json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "v"));
    }

  parent = resolve (root, path, &last);
  if (parent == NULL)
    {
      /* "...list[i]": replace the element of the array */
      g_autofree char *array_path = g_strndup (path, strrchr (path, '[') - path);
      g_autofree char *array_member = NULL;
      JsonObject *array_parent = resolve (root, array_path, &array_member);
      JsonArray *array = json_object_get_array_member (array_parent, array_member);
      int index = atoi (strrchr (path, '[') + 1);
      g_autoptr(JsonArray) copy = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if ((int) i == index)
            {
              if (parsed != NULL)
                json_array_add_element (copy, json_node_copy (parsed));
            }
          else
            json_array_add_element (copy, json_node_copy (json_array_get_element (array, i)));
        }
      json_object_set_array_member (array_parent, array_member, json_array_ref (copy));
      return;
    }
  if (parsed == NULL)
    json_object_remove_member (parent, last);
  else
    json_object_set_member (parent, last, g_steal_pointer (&parsed));
}

static ZcPlan *
mutated_plan (const char *fixture,
              const char *path,
              const char *value)
{
  g_autoptr(JsonNode) root = load_fixture_node (fixture);
  g_autoptr(GError) error = NULL;
  ZcPlan *plan;

  if (path != NULL)
    mutate (root, path, value);
  plan = zc_plan_new_from_json (root, FALSE, &error);
  g_assert_no_error (error);
  return plan;
}

static void
test_fixture (void)
{
  g_autoptr(ZcPlan) plan = load_fixture ("engineering-2026.json");
  g_autoptr(GPtrArray) errors = NULL;
  const ZcPlanAttachment *attachment;
  const ZcPlanConditionGroup *group;
  g_autofree char *start = NULL;

  g_assert_cmpstr (zc_plan_get_id (plan), ==, "5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47");
  g_assert_cmpint (zc_plan_get_version (plan), ==, 1);
  g_assert_cmpint (zc_plan_get_state (plan), ==, ZC_PLAN_STATE_PUBLISHED);
  g_assert_cmpint (zc_plan_get_year (plan), ==, 2026);
  g_assert_cmpstr (zc_plan_get_name (plan), ==, "2026年度工程技术系列职称评审");
  g_assert_cmpstr (zc_plan_get_committee_id (plan), ==, "8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f");
  g_assert_cmpstr (zc_plan_get_committee_name (plan), ==, "省工程技术系列职称评审委员会");
  g_assert_cmpstr (zc_plan_get_contact_phone (plan), ==, "0871-63211234");
  g_assert_cmpint (zc_plan_get_plan_type (plan), ==, ZC_PLAN_TYPE_REVIEW);
  g_assert_cmpuint (json_array_get_length (zc_plan_get_titles (plan)), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) zc_plan_get_declaration_categories (plan)), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) zc_plan_get_methods (plan)), ==, 3);
  g_assert_true (g_str_has_prefix (zc_plan_get_scope_text (plan), "全省"));
  g_assert_cmpstr (zc_plan_get_region_code (plan), ==, "530000");
  g_assert_cmpstr (zc_plan_get_direct_unit_ids (plan)[0], ==, DIRECT_UNIT);
  g_assert_cmpstr (zc_plan_get_commissioned_unit_ids (plan)[0], ==, COMMISSIONED_UNIT);
  g_assert_cmpuint (json_array_get_length (zc_plan_get_notices (plan)), ==, 1);
  start = g_date_time_format_iso8601 (zc_plan_get_window (plan, ZC_PLAN_WINDOW_INDIVIDUAL_START));
  g_assert_cmpstr (start, ==, "2026-02-28T16:00:00Z");
  g_assert_false (zc_plan_get_exam (plan));
  g_assert_true (zc_plan_get_interview (plan));
  g_assert_nonnull (zc_plan_get_published_at (plan));
  g_assert_null (zc_plan_get_closed_at (plan));

  g_assert_cmpuint (zc_plan_get_n_attachments (plan), ==, 2);
  attachment = zc_plan_get_attachment (plan, 0);
  g_assert_cmpstr (attachment->id, ==, "defence-outline");
  g_assert_true (attachment->required);
  g_assert_cmpstr (attachment->types[0], ==, "application/pdf");
  g_assert_null (attachment->types[1]);
  g_assert_cmpint (attachment->max_bytes, ==, 3145728);
  g_assert_cmpuint (attachment->max_count, ==, 1);
  g_assert_true (zc_plan_find_attachment (plan, ZC_PLAN_COMMISSION_LETTER_ID) == zc_plan_get_attachment (plan, 1));
  g_assert_null (zc_plan_find_attachment (plan, "nothing"));

  g_assert_cmpuint (zc_plan_get_n_condition_groups (plan), ==, 2);
  group = zc_plan_find_condition_group (plan, "research");
  g_assert_nonnull (group);
  g_assert_cmpuint (group->min, ==, 1);
  g_assert_cmpint (group->max, ==, 10);
  g_assert_true (zc_plan_condition_group_accepts (group, "papers"));
  g_assert_false (zc_plan_condition_group_accepts (group, "awards"));
  g_assert_false (zc_plan_condition_group_accepts (group, NULL));
  g_assert_cmpint (zc_plan_find_condition_group (plan, "engineering")->max, ==, -1);
  g_assert_null (zc_plan_find_condition_group (plan, "teaching"));

  g_assert_true (zc_plan_allows_method (plan, "regular"));
  g_assert_false (zc_plan_allows_method (plan, "direct"));
  g_assert_false (zc_plan_allows_method (plan, NULL));

  g_assert_true (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 0);
}

static void
test_determination_fixture (void)
{
  g_autoptr(ZcPlan) plan = load_fixture ("determination-2026.json");
  g_autoptr(GPtrArray) errors = NULL;

  g_assert_cmpint (zc_plan_get_plan_type (plan), ==, ZC_PLAN_TYPE_DETERMINATION);
  g_assert_cmpint (zc_plan_get_version (plan), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) zc_plan_get_declaration_categories (plan)), ==, 0);
  /* a determination plan's department deadline may equal the unit's */
  g_assert_true (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_true (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_ENGLISH, NULL));
}

static void
test_round_trip (void)
{
  g_autoptr(ZcPlan) plan = load_fixture ("engineering-2026.json");
  g_autoptr(JsonNode) first = zc_plan_to_json (plan);
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) input = NULL;
  g_autoptr(JsonNode) input_again = NULL;
  g_autoptr(ZcPlan) again = NULL;
  g_autoptr(ZcPlan) from_input = NULL;
  g_autoptr(ZcPlan) copy = NULL;
  g_autoptr(JsonNode) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  again = zc_plan_new_from_json (first, FALSE, &error);
  g_assert_no_error (error);
  second = zc_plan_to_json (again);
  g_assert_true (zc_json_node_equal (first, second));

  text = zc_json_to_string (first);
  g_clear_pointer (&again, zc_plan_unref);
  again = zc_plan_new_from_data (text, strlen (text), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_plan_get_name (again), ==, zc_plan_get_name (plan));

  /* the stored form is refused as input: the server sets state … */
  g_assert_null (zc_plan_new_from_json (first, TRUE, &error));
  g_assert_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_UNKNOWN_MEMBER);
  g_assert_true (g_str_has_prefix (error->message, "state:"));
  g_clear_error (&error);

  /* … and the input form is read back as input */
  input = zc_plan_to_input_json (plan);
  g_assert_false (json_object_has_member (json_node_get_object (input), "state"));
  g_assert_false (json_object_has_member (json_node_get_object (input), "committee_id"));
  from_input = zc_plan_new_from_json (input, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_plan_get_id (from_input), ==, zc_plan_get_id (plan));
  g_assert_null (zc_plan_get_committee_id (from_input));
  input_again = zc_plan_to_input_json (from_input);
  g_assert_true (zc_json_node_equal (input, input_again));

  /* id and version are optional as input, required when stored */
  json_object_remove_member (json_node_get_object (input), "id");
  json_object_remove_member (json_node_get_object (input), "version");
  g_clear_pointer (&from_input, zc_plan_unref);
  from_input = zc_plan_new_from_json (input, TRUE, &error);
  g_assert_no_error (error);
  g_assert_null (zc_plan_get_id (from_input));
  g_assert_cmpint (zc_plan_get_version (from_input), ==, 0);
  g_assert_null (zc_plan_new_from_json (input, FALSE, &error));
  g_assert_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_MISSING);
  g_clear_error (&error);

  /* the server fills its members in */
  {
    g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-02-20T10:00:00+08:00", NULL);
    g_autoptr(JsonNode) stored = NULL;
    g_autoptr(ZcPlan) reread = NULL;

    zc_plan_set_id (from_input, "5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47");
    zc_plan_set_version (from_input, 3);
    zc_plan_set_state (from_input, ZC_PLAN_STATE_CLOSED);
    zc_plan_set_committee (from_input, "8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f", "评委会");
    zc_plan_set_published_at (from_input, now);
    zc_plan_set_closed_at (from_input, now);
    stored = zc_plan_to_json (from_input);
    reread = zc_plan_new_from_json (stored, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (zc_plan_get_version (reread), ==, 3);
    g_assert_cmpint (zc_plan_get_state (reread), ==, ZC_PLAN_STATE_CLOSED);
    g_assert_cmpstr (zc_plan_get_committee_name (reread), ==, "评委会");
    g_assert_true (g_date_time_equal (zc_plan_get_closed_at (reread), now));
    zc_plan_set_closed_at (from_input, NULL);
    g_assert_null (zc_plan_get_closed_at (from_input));
  }

  copy = zc_plan_copy (plan);
  copied = zc_plan_to_json (copy);
  g_assert_true (zc_json_node_equal (first, copied));
  g_assert_true (zc_plan_ref (copy) == copy);
  zc_plan_unref (copy);
}

typedef struct
{
  const char *path;
  const char *value;     /* JSON text, or NULL to remove the member */
  ZcJsonError code;
  const char *prefix;    /* the start of the message */
} BadCase;

static void
test_bad_values (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *long_scope = NULL;
  g_autoptr(GString) name = g_string_new ("\"");
  g_autoptr(GString) scope = g_string_new ("\"");
  BadCase cases[] = {
    { "year", "\"2026\"", ZC_JSON_ERROR_WRONG_TYPE, "year:" },
    { "year", "1999", ZC_JSON_ERROR_OUT_OF_RANGE, "year:" },
    { "year", "2026.0", ZC_JSON_ERROR_WRONG_TYPE, "year:" },
    { "year", NULL, ZC_JSON_ERROR_MISSING, "year:" },
    { "name", "\"\"", ZC_JSON_ERROR_INVALID, "name:" },
    { "name", "\"两行\\n名称\"", ZC_JSON_ERROR_INVALID, "name:" },
    { "name", NULL, ZC_JSON_ERROR_OUT_OF_RANGE, "name:" },  /* replaced below: too long */
    { "scope", NULL, ZC_JSON_ERROR_OUT_OF_RANGE, "scope:" },  /* replaced below: too long */
    { "name", "null", ZC_JSON_ERROR_WRONG_TYPE, "name:" },
    { "extra", "1", ZC_JSON_ERROR_UNKNOWN_MEMBER, "extra:" },
    { "windows.extra", "\"2026-03-01T00:00:00Z\"", ZC_JSON_ERROR_UNKNOWN_MEMBER, "windows.extra:" },
    { "windows.unit_deadline", "\"2026-05-31\"", ZC_JSON_ERROR_INVALID, "windows.unit_deadline:" },
    { "windows.unit_deadline", "\"2026-05-31T23:59:59\"", ZC_JSON_ERROR_INVALID, "windows.unit_deadline:" },
    { "windows.unit_deadline", NULL, ZC_JSON_ERROR_MISSING, "windows.unit_deadline:" },
    { "windows", "[]", ZC_JSON_ERROR_WRONG_TYPE, "windows:" },
    { "id", "\"5B1E9C2A-7D4F-4A8E-9C3B-2F6D8E1A0B47\"", ZC_JSON_ERROR_INVALID, "id:" },
    { "id", "\"not-a-uuid\"", ZC_JSON_ERROR_INVALID, "id:" },
    { "version", "0", ZC_JSON_ERROR_OUT_OF_RANGE, "version:" },
    { "state", "\"open\"", ZC_JSON_ERROR_INVALID, "state:" },
    { "state", NULL, ZC_JSON_ERROR_MISSING, "state:" },
    { "committee_id", "\"8C2D\"", ZC_JSON_ERROR_INVALID, "committee_id:" },
    { "published_at", "\"yesterday\"", ZC_JSON_ERROR_INVALID, "published_at:" },
    { "contact_phone", "63211234", ZC_JSON_ERROR_WRONG_TYPE, "contact_phone:" },
    { "type", "\"other\"", ZC_JSON_ERROR_INVALID, "type:" },
    { "type", "1", ZC_JSON_ERROR_WRONG_TYPE, "type:" },
    { "titles", "{}", ZC_JSON_ERROR_WRONG_TYPE, "titles:" },
    { "titles[0]", "\"工程师\"", ZC_JSON_ERROR_WRONG_TYPE, "titles[0]:" },
    { "titles[0].specialty", "\"电气工程\"", ZC_JSON_ERROR_UNKNOWN_MEMBER, "titles[0].specialty:" },
    { "titles[1].title", "5", ZC_JSON_ERROR_WRONG_TYPE, "titles[1].title:" },
    { "titles[1].level", NULL, ZC_JSON_ERROR_MISSING, "titles[1].level:" },
    { "declaration_categories[1]", "\"\"", ZC_JSON_ERROR_INVALID, "declaration_categories[1]:" },
    { "declaration_categories[0]", "7", ZC_JSON_ERROR_WRONG_TYPE, "declaration_categories[0]:" },
    { "methods", "\"regular\"", ZC_JSON_ERROR_WRONG_TYPE, "methods:" },
    { "methods", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]", ZC_JSON_ERROR_OUT_OF_RANGE, "methods:" },
    { "scope", "[]", ZC_JSON_ERROR_WRONG_TYPE, "scope:" },
    { "region_code", "\"5300\"", ZC_JSON_ERROR_INVALID, "region_code:" },
    { "region_code", "\"53000a\"", ZC_JSON_ERROR_INVALID, "region_code:" },
    { "region_code", "530000", ZC_JSON_ERROR_WRONG_TYPE, "region_code:" },
    { "direct_unit_ids[0]", "\"ABC\"", ZC_JSON_ERROR_INVALID, "direct_unit_ids[0]:" },
    { "commissioned_unit_ids", "[1]", ZC_JSON_ERROR_WRONG_TYPE, "commissioned_unit_ids[0]:" },
    { "notices[0].title", "\"\"", ZC_JSON_ERROR_INVALID, "notices[0].title:" },
    { "notices[0].extra", "true", ZC_JSON_ERROR_UNKNOWN_MEMBER, "notices[0].extra:" },
    { "notices[0].files[0].sha256", "\"abc\"", ZC_JSON_ERROR_INVALID, "notices[0].files[0].sha256:" },
    { "notices[0].files[0].size", "0", ZC_JSON_ERROR_OUT_OF_RANGE, "notices[0].files[0].size:" },
    { "notices[0].files[0].name", "\"a/b.pdf\"", ZC_JSON_ERROR_INVALID, "notices[0].files[0].name:" },
    { "notices[0].files[0].page", "1", ZC_JSON_ERROR_UNKNOWN_MEMBER, "notices[0].files[0].page:" },
    { "exam", "\"no\"", ZC_JSON_ERROR_WRONG_TYPE, "exam:" },
    { "interview", "1", ZC_JSON_ERROR_WRONG_TYPE, "interview:" },
    { "attachments[0].id", "\"Defence\"", ZC_JSON_ERROR_INVALID, "attachments[0].id:" },
    { "attachments[0].id", "\"a-very-long-requirement-id-of-40-chars\"", ZC_JSON_ERROR_INVALID, "attachments[0].id:" },
    { "attachments[0].name", NULL, ZC_JSON_ERROR_MISSING, "attachments[0].name:" },
    { "attachments[0].types[0]", "\"text/plain\"", ZC_JSON_ERROR_INVALID, "attachments[0].types[0]:" },
    { "attachments[0].types", "[]", ZC_JSON_ERROR_OUT_OF_RANGE, "attachments[0].types:" },
    { "attachments[1].types",
      "[\"application/pdf\",\"image/png\",\"image/jpeg\",\"image/png\"]",
      ZC_JSON_ERROR_OUT_OF_RANGE, "attachments[1].types:" },
    { "attachments[0].max_bytes", "100", ZC_JSON_ERROR_OUT_OF_RANGE, "attachments[0].max_bytes:" },
    { "attachments[0].max_bytes", "52428801", ZC_JSON_ERROR_OUT_OF_RANGE, "attachments[0].max_bytes:" },
    { "attachments[0].max_count", "21", ZC_JSON_ERROR_OUT_OF_RANGE, "attachments[0].max_count:" },
    { "attachments[0].max_count", "0", ZC_JSON_ERROR_OUT_OF_RANGE, "attachments[0].max_count:" },
    { "attachments[0].required", "\"yes\"", ZC_JSON_ERROR_WRONG_TYPE, "attachments[0].required:" },
    { "condition_groups[0].max", "501", ZC_JSON_ERROR_OUT_OF_RANGE, "condition_groups[0].max:" },
    { "condition_groups[0].min", "1.5", ZC_JSON_ERROR_WRONG_TYPE, "condition_groups[0].min:" },
    { "condition_groups[0].min", "101", ZC_JSON_ERROR_OUT_OF_RANGE, "condition_groups[0].min:" },
    { "condition_groups[0].categories", "[]", ZC_JSON_ERROR_OUT_OF_RANGE, "condition_groups[0].categories:" },
    { "condition_groups[0].categories[0]", "\"Papers\"", ZC_JSON_ERROR_INVALID,
      "condition_groups[0].categories[0]:" },
    { "condition_groups[1].id", "\"\"", ZC_JSON_ERROR_INVALID, "condition_groups[1].id:" },
  };

  for (guint i = 0; i < 201; i++)
    g_string_append (name, "名");
  g_string_append_c (name, '"');
  for (guint i = 0; i < 2001; i++)
    g_string_append (scope, "字");
  g_string_append_c (scope, '"');
  long_name = g_string_free (g_steal_pointer (&name), FALSE);
  long_scope = g_string_free (g_steal_pointer (&scope), FALSE);
  cases[6].value = long_name;
  cases[7].value = long_scope;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = load_fixture_node ("engineering-2026.json");
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcPlan) plan = NULL;

      g_test_message ("case %u: %s", i, cases[i].path);
      mutate (root, cases[i].path, cases[i].value);
      plan = zc_plan_new_from_json (root, FALSE, &error);
      g_assert_null (plan);
      g_assert_error (error, ZC_JSON_ERROR, (int) cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].prefix);
    }
}

static void
test_bad_documents (void)
{
  static const char * const documents[] = { "", "[]", "{", "{\"year\":2026,}", "null", "{\"a\":1,\"a\":2}" };
  g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), json_array_new ());

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (zc_plan_new_from_data (documents[i], strlen (documents[i]), TRUE, &error));
      g_assert_error (error, ZC_JSON_ERROR, error->code);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (zc_plan_new_from_json (array, FALSE, &error));
    g_assert_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_WRONG_TYPE);
  }

  /* as input, every server-set member is refused */
  {
    static const char * const server[] = { "committee_id", "committee_name", "published_at", "closed_at" };

    for (guint i = 0; i < G_N_ELEMENTS (server); i++)
      {
        g_autoptr(ZcPlan) plan = load_fixture ("engineering-2026.json");
        g_autoptr(JsonNode) input = zc_plan_to_input_json (plan);
        g_autoptr(GError) error = NULL;

        json_object_set_null_member (json_node_get_object (input), server[i]);
        g_assert_null (zc_plan_new_from_json (input, TRUE, &error));
        g_assert_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_UNKNOWN_MEMBER);
        g_assert_true (g_str_has_prefix (error->message, server[i]));
      }
  }
}

/* Validates @plan and asserts that @field has an error of @code. */
static const ZcFieldError *
find_error (GPtrArray  *errors,
            const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const ZcFieldError *error = g_ptr_array_index (errors, i);

      if (strcmp (error->field, field) == 0)
        return error;
    }
  return NULL;
}

static const ZcFieldError *
expect_invalid (ZcPlan     *plan,
                GPtrArray **errors,
                const char *field,
                const char *code)
{
  const ZcFieldError *error;

  g_clear_pointer (errors, g_ptr_array_unref);
  g_assert_false (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_ENGLISH, errors));
  error = find_error (*errors, field);
  if (error == NULL)
    g_error ("no error for %s", field);
  g_assert_cmpstr (error->code, ==, code);
  g_assert_cmpstr (error->message, !=, "");
  return error;
}

static void
test_validate (void)
{
  g_autoptr(GPtrArray) errors = NULL;
  const ZcFieldError *error;

  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "windows.first_submission_deadline",
                                           "\"2026-02-01T00:00:00+08:00\"");

    error = expect_invalid (plan, &errors, "windows.first_submission_deadline", "window_order");
    g_assert_cmpstr (error->message, ==, "First submission deadline must be after Start of individual declarations");
  }
  {
    /* equal is too early for the first submission */
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "windows.first_submission_deadline",
                                           "\"2026-03-01T00:00:00+08:00\"");

    expect_invalid (plan, &errors, "windows.first_submission_deadline", "window_order");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "windows.modification_deadline",
                                           "\"2026-04-30T23:59:58+08:00\"");

    error = expect_invalid (plan, &errors, "windows.modification_deadline", "window_order");
    g_assert_cmpstr (error->message, ==, "Modification deadline must not be before First submission deadline");
  }
  {
    /* equal deadlines are fine in the middle */
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "windows.modification_deadline",
                                           "\"2026-04-30T15:59:59Z\"");

    g_assert_true (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_ENGLISH, NULL));
  }
  {
    /* a review plan's department needs time after the unit */
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "windows.department_deadline",
                                           "\"2026-05-31T23:59:59+08:00\"");

    expect_invalid (plan, &errors, "windows.department_deadline", "window_order");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "condition_groups[0].min", "12");

    error = expect_invalid (plan, &errors, "condition_groups[0].max", "out_of_range");
    g_assert_cmpstr (error->message, ==, "The maximum (10) must not be less than the minimum (12)");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "condition_groups[0].categories[1]",
                                           "\"novels\"");

    error = expect_invalid (plan, &errors, "condition_groups[0].categories[1]", "unknown_category");
    g_assert_cmpstr (error->message, ==, "There is no archive category “novels”");
  }
  {
    /* series forms count as categories */
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "condition_groups[0].categories[1]",
                                           "\"exam-records\"");

    g_assert_true (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_ENGLISH, NULL));
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "titles[1].title", "\"工程大师\"");

    expect_invalid (plan, &errors, "titles[1]", "invalid_taxonomy");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "titles[1]",
                                           "{\"series\":\"05\",\"category\":\"工程技术\",\"level\":\"中级\",\"title\":\"工程师\"}");

    error = expect_invalid (plan, &errors, "titles[1]", "duplicate");
    g_assert_cmpstr (error->message, ==, "The title “工程师” is listed more than once");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "methods[1]", "\"initial_recognition\"");

    error = expect_invalid (plan, &errors, "methods[1]", "unknown_option");
    g_assert_cmpstr (error->message, ==, "“initial_recognition” is not an evaluation method a plan can offer");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "methods[2]", "\"regular\"");

    expect_invalid (plan, &errors, "methods[2]", "duplicate");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "contact_phone", "\"0871 63211234\"");

    expect_invalid (plan, &errors, "contact_phone", "invalid_format");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "declaration_categories[1]", "\"基础研究\"");

    error = expect_invalid (plan, &errors, "declaration_categories[1]", "duplicate");
    g_assert_cmpstr (error->message, ==, "“基础研究” is listed more than once");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "attachments[1].id", "\"defence-outline\"");

    expect_invalid (plan, &errors, "attachments[1].id", "duplicate");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "attachments[1].types[2]", "\"image/jpeg\"");

    expect_invalid (plan, &errors, "attachments[1].types[2]", "duplicate");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "condition_groups[1].id", "\"research\"");

    expect_invalid (plan, &errors, "condition_groups[1].id", "duplicate");
  }
  {
    g_autoptr(ZcPlan) plan = mutated_plan ("engineering-2026.json", "commissioned_unit_ids[0]",
                                           "\"" DIRECT_UNIT "\"");

    expect_invalid (plan, &errors, "commissioned_unit_ids[0]", "duplicate");
  }
}

static void
test_validate_draft (void)
{
  g_autoptr(JsonNode) root = load_fixture_node ("engineering-2026.json");
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  mutate (root, "titles", "[]");
  mutate (root, "methods", NULL);
  plan = zc_plan_new_from_json (root, FALSE, &error);
  g_assert_no_error (error);

  /* a draft may lack titles and methods … */
  g_assert_true (zc_plan_validate (plan, NULL, FALSE, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);

  /* … publishing needs them */
  g_assert_false (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (find_error (errors, "titles")->code, ==, "required");
  g_assert_cmpstr (find_error (errors, "titles")->message, ==, "Choose at least one title for the plan");
  g_assert_cmpstr (find_error (errors, "methods")->code, ==, "required");
}

static void
test_validate_all_at_once (void)
{
  g_autoptr(JsonNode) root = load_fixture_node ("engineering-2026.json");
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) chinese = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const ZcFieldError *title, *phone;

  mutate (root, "titles[0].title", "\"工程大师\"");
  mutate (root, "methods[0]", "\"nothing\"");
  mutate (root, "contact_phone", "\"0871 63211234\"");
  mutate (root, "windows.unit_deadline", "\"2026-01-01T00:00:00Z\"");
  mutate (root, "condition_groups[1].categories[0]", "\"poems\"");
  plan = zc_plan_new_from_json (root, FALSE, &error);
  g_assert_no_error (error);

  g_assert_false (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_nonnull (find_error (errors, "titles[0]"));
  g_assert_nonnull (find_error (errors, "methods[0]"));
  g_assert_nonnull (find_error (errors, "contact_phone"));
  g_assert_nonnull (find_error (errors, "windows.unit_deadline"));
  g_assert_nonnull (find_error (errors, "condition_groups[1].categories[0]"));
  /* the department deadline is after the (now early) unit deadline: fine */
  g_assert_null (find_error (errors, "windows.department_deadline"));
  g_assert_cmpuint (errors->len, ==, 5);

  /* in Chinese, where the catalog has the strings */
  g_assert_false (zc_plan_validate (plan, NULL, TRUE, ZC_LANGUAGE_LOCALE, &chinese));
  g_assert_cmpuint (chinese->len, ==, errors->len);
  title = find_error (chinese, "titles[0]");
  g_assert_cmpstr (title->message, ==, "“工程大师”不是“工程技术”类别中的职称名称");
  phone = find_error (chinese, "contact_phone");
  g_assert_cmpstr (phone->message, ==, "联系电话不能包含空格：区号与号码之间请用连字符“-”分隔");
  g_assert_cmpstr (find_error (chinese, "methods[0]")->message, !=, "");
  g_assert_cmpstr (find_error (errors, "contact_phone")->message, ==,
                   "The phone number must not contain spaces: separate the area code with a hyphen");
}

static void
test_covers_title (void)
{
  g_autoptr(ZcPlan) plan = load_fixture ("engineering-2026.json");
  g_autoptr(JsonObject) pick = json_object_new ();

  json_object_set_string_member (pick, "series", "05");
  json_object_set_string_member (pick, "category", "工程技术");
  json_object_set_string_member (pick, "level", "中级");
  json_object_set_string_member (pick, "title", "工程师");
  json_object_set_string_member (pick, "specialty", "电气工程");
  g_assert_true (zc_plan_covers_title (plan, pick));

  json_object_set_string_member (pick, "level", "副高级");
  g_assert_false (zc_plan_covers_title (plan, pick));
  json_object_set_string_member (pick, "title", "高级工程师");
  g_assert_true (zc_plan_covers_title (plan, pick));

  json_object_set_string_member (pick, "series", "04");
  g_assert_false (zc_plan_covers_title (plan, pick));
  json_object_set_int_member (pick, "series", 5);
  g_assert_false (zc_plan_covers_title (plan, pick));
  json_object_remove_member (pick, "series");
  g_assert_false (zc_plan_covers_title (plan, pick));
}

static void
test_filters (void)
{
  g_autoptr(ZcPlan) plan = load_fixture ("engineering-2026.json");
  ZcPlanFilter filter;

  zc_plan_filter_init (&filter);
  g_assert_true (zc_plan_matches (plan, &filter));

  filter.series = "05";
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.level = "副高级";
  g_assert_true (zc_plan_matches (plan, &filter));
  /* one title must match every title filter */
  filter.title = "工程师";
  g_assert_false (zc_plan_matches (plan, &filter));
  filter.level = "中级";
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.category = "工程技术";
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.series = "04";
  g_assert_false (zc_plan_matches (plan, &filter));

  zc_plan_filter_init (&filter);
  filter.committee_id = "8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f";
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.committee_id = OTHER_UNIT;
  g_assert_false (zc_plan_matches (plan, &filter));

  zc_plan_filter_init (&filter);
  filter.region_code = "530100";   /* a city of the plan's province */
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.region_code = "530000";
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.region_code = "520000";
  g_assert_false (zc_plan_matches (plan, &filter));
  filter.region_code = "53";
  g_assert_false (zc_plan_matches (plan, &filter));

  zc_plan_filter_init (&filter);
  filter.state = ZC_PLAN_STATE_PUBLISHED;
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.state = ZC_PLAN_STATE_DRAFT;
  g_assert_false (zc_plan_matches (plan, &filter));

  zc_plan_filter_init (&filter);
  filter.plan_type = ZC_PLAN_TYPE_REVIEW;
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.plan_type = ZC_PLAN_TYPE_DETERMINATION;
  g_assert_false (zc_plan_matches (plan, &filter));

  zc_plan_filter_init (&filter);
  filter.year = 2026;
  g_assert_true (zc_plan_matches (plan, &filter));
  filter.year = 2025;
  g_assert_false (zc_plan_matches (plan, &filter));

  /* a city plan is found from its province */
  {
    g_autoptr(ZcPlan) city = load_fixture ("determination-2026.json");

    zc_plan_filter_init (&filter);
    filter.region_code = "530000";
    g_assert_true (zc_plan_matches (city, &filter));
    filter.region_code = "530300";
    g_assert_false (zc_plan_matches (city, &filter));
  }
}

static void
test_scope (void)
{
  g_autoptr(ZcPlan) plan = load_fixture ("engineering-2026.json");
  g_autoptr(ZcPlan) city = load_fixture ("determination-2026.json");
  static const struct
  {
    const char *code;
    const char *prefix;
  } prefixes[] = {
    { "530000", "53" }, { "530100", "5301" }, { "530102", "530102" }, { "000000", "" },
    { "100000", "10" }, { "53000", NULL }, { "53000a", NULL }, { "5300000", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *prefix = zc_region_code_prefix (prefixes[i].code);

      g_assert_cmpstr (prefix, ==, prefixes[i].prefix);
    }
  g_assert_null (zc_region_code_prefix (NULL));

  g_assert_cmpint (zc_plan_scope_for_unit (plan, DIRECT_UNIT, "110000"), ==, ZC_PLAN_SCOPE_DIRECT);
  g_assert_cmpint (zc_plan_scope_for_unit (plan, COMMISSIONED_UNIT, "110000"), ==, ZC_PLAN_SCOPE_COMMISSIONED);
  /* the list comes before the region */
  g_assert_cmpint (zc_plan_scope_for_unit (plan, COMMISSIONED_UNIT, "530100"), ==, ZC_PLAN_SCOPE_COMMISSIONED);
  g_assert_cmpint (zc_plan_scope_for_unit (plan, OTHER_UNIT, "530102"), ==, ZC_PLAN_SCOPE_DIRECT);
  g_assert_cmpint (zc_plan_scope_for_unit (plan, OTHER_UNIT, "520100"), ==, ZC_PLAN_SCOPE_OUTSIDE);
  g_assert_cmpint (zc_plan_scope_for_unit (plan, OTHER_UNIT, NULL), ==, ZC_PLAN_SCOPE_OUTSIDE);
  g_assert_cmpint (zc_plan_scope_for_unit (plan, NULL, "5301"), ==, ZC_PLAN_SCOPE_OUTSIDE);
  g_assert_cmpint (zc_plan_scope_for_unit (plan, NULL, NULL), ==, ZC_PLAN_SCOPE_OUTSIDE);

  g_assert_cmpint (zc_plan_scope_for_unit (city, OTHER_UNIT, "530112"), ==, ZC_PLAN_SCOPE_DIRECT);
  g_assert_cmpint (zc_plan_scope_for_unit (city, OTHER_UNIT, "530300"), ==, ZC_PLAN_SCOPE_OUTSIDE);
  g_assert_cmpint (zc_plan_scope_for_unit (city, OTHER_UNIT, "530000"), ==, ZC_PLAN_SCOPE_OUTSIDE);
}

static gboolean
window_open (ZcPlan     *plan,
             const char *now_text,
             gboolean    resubmission,
             char      **reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (now_text, NULL);

  g_assert_nonnull (now);
  return zc_plan_submission_window_open (plan, now, resubmission, ZC_LANGUAGE_ENGLISH, reason);
}

static void
test_windows (void)
{
  g_autoptr(ZcPlan) plan = load_fixture ("engineering-2026.json");
  g_autofree char *reason = NULL;

  g_assert_false (window_open (plan, "2026-02-28T23:59:59+08:00", FALSE, &reason));
  g_assert_cmpstr (reason, ==, "Declarations to this plan open on 2026-03-01 00:00 (Beijing time)");
  g_clear_pointer (&reason, g_free);

  g_assert_true (window_open (plan, "2026-03-01T00:00:00+08:00", FALSE, &reason));
  g_assert_null (reason);
  g_assert_true (window_open (plan, "2026-04-30T15:59:59Z", FALSE, &reason));
  g_assert_null (reason);

  g_assert_false (window_open (plan, "2026-04-30T16:00:00Z", FALSE, &reason));
  g_assert_cmpstr (reason, ==, "The first submission deadline passed on 2026-04-30 23:59 (Beijing time)");
  g_clear_pointer (&reason, g_free);
  g_assert_false (window_open (plan, "2026-05-01T08:00:00+08:00", FALSE, NULL));

  /* a resubmission: until the modification deadline */
  g_assert_true (window_open (plan, "2026-05-10T12:00:00+08:00", TRUE, &reason));
  g_assert_null (reason);
  g_assert_true (window_open (plan, "2026-05-15T23:59:59+08:00", TRUE, NULL));
  g_assert_false (window_open (plan, "2026-05-16T00:00:00+08:00", TRUE, &reason));
  g_assert_cmpstr (reason, ==, "The modification deadline passed on 2026-05-15 23:59 (Beijing time)");
  g_clear_pointer (&reason, g_free);

  /* the locale's language gives a message too */
  {
    g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2027-01-01T00:00:00Z", NULL);

    g_assert_false (zc_plan_submission_window_open (plan, now, FALSE, ZC_LANGUAGE_LOCALE, &reason));
    g_assert_nonnull (reason);
    g_assert_nonnull (strstr (reason, "2026-04-30 23:59"));
    g_clear_pointer (&reason, g_free);
  }

  {
    g_autoptr(GDateTime) before = g_date_time_new_from_iso8601 ("2026-05-31T23:59:59+08:00", NULL);
    g_autoptr(GDateTime) after = g_date_time_new_from_iso8601 ("2026-06-01T00:00:00+08:00", NULL);

    g_assert_true (zc_plan_before_deadline (plan, ZC_PLAN_WINDOW_UNIT_DEADLINE, before));
    g_assert_false (zc_plan_before_deadline (plan, ZC_PLAN_WINDOW_UNIT_DEADLINE, after));
    g_assert_true (zc_plan_before_deadline (plan, ZC_PLAN_WINDOW_DEPARTMENT_DEADLINE, after));
  }
}

static void
test_strings (void)
{
  ZcPlanState state;

  for (guint i = ZC_PLAN_STATE_DRAFT; i <= ZC_PLAN_STATE_CLOSED; i++)
    {
      g_assert_true (zc_plan_state_from_string (zc_plan_state_to_string (i), &state));
      g_assert_cmpint (state, ==, i);
      g_assert_cmpstr (zc_plan_state_get_label (i, ZC_LANGUAGE_LOCALE), !=, "");
    }
  g_assert_false (zc_plan_state_from_string ("open", &state));
  g_assert_false (zc_plan_state_from_string ("", &state));
  g_assert_false (zc_plan_state_from_string (NULL, &state));
  g_assert_cmpstr (zc_plan_state_get_label (ZC_PLAN_STATE_PUBLISHED, ZC_LANGUAGE_ENGLISH), ==, "Published");

  g_assert_cmpstr (zc_plan_window_to_string (ZC_PLAN_WINDOW_INDIVIDUAL_START), ==, "individual_start");
  g_assert_cmpstr (zc_plan_window_to_string (ZC_PLAN_WINDOW_DEPARTMENT_DEADLINE), ==, "department_deadline");
  g_assert_cmpstr (zc_plan_window_get_label (ZC_PLAN_WINDOW_UNIT_DEADLINE, ZC_LANGUAGE_ENGLISH), ==,
                   "Unit review deadline");
  g_assert_cmpstr (zc_plan_window_get_label (ZC_PLAN_WINDOW_UNIT_DEADLINE, ZC_LANGUAGE_LOCALE), !=, "");
}

static void
test_attachment_record (void)
{
  static const char * const good[] = {
    "{\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
    "\"name\":\"通知.pdf\",\"mime\":\"application/pdf\",\"size\":1}",
  };
  static const struct
  {
    const char *json;
    ZcJsonError code;
  } bad[] = {
    { "{\"sha256\":\"3A7BD3E2360A3D29EEA436FCFB7E44C735D117C42D1C1835420B6B9942DD4F1B\","
      "\"name\":\"a.pdf\",\"mime\":\"application/pdf\",\"size\":1}", ZC_JSON_ERROR_INVALID },
    { "{\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
      "\"name\":\"\",\"mime\":\"application/pdf\",\"size\":1}", ZC_JSON_ERROR_INVALID },
    { "{\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
      "\"name\":\"a\\\\b.pdf\",\"mime\":\"application/pdf\",\"size\":1}", ZC_JSON_ERROR_INVALID },
    { "{\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
      "\"name\":\"a.pdf\",\"mime\":\"application/pdf\",\"size\":\"1\"}", ZC_JSON_ERROR_WRONG_TYPE },
    { "{\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
      "\"name\":\"a.pdf\",\"size\":1}", ZC_JSON_ERROR_MISSING },
    { "{\"sha256\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\","
      "\"name\":\"a.pdf\",\"mime\":\"application/pdf\",\"size\":1,\"x\":1}", ZC_JSON_ERROR_UNKNOWN_MEMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (zc_json_parse (good[i], strlen (good[i]), 8, &node, &error));
      g_assert_true (zc_attachment_record_validate (node, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (zc_json_parse (bad[i].json, strlen (bad[i].json), 8, &node, &error));
      g_assert_false (zc_attachment_record_validate (node, &error));
      g_assert_error (error, ZC_JSON_ERROR, (int) bad[i].code);
    }
  {
    g_autoptr(JsonNode) string = json_node_init_string (json_node_alloc (), "a.pdf");
    g_autoptr(GError) error = NULL;

    g_assert_false (zc_attachment_record_validate (string, &error));
    g_assert_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_WRONG_TYPE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add_func ("/plan/fixture", test_fixture);
  g_test_add_func ("/plan/determination-fixture", test_determination_fixture);
  g_test_add_func ("/plan/round-trip", test_round_trip);
  g_test_add_func ("/plan/bad-values", test_bad_values);
  g_test_add_func ("/plan/bad-documents", test_bad_documents);
  g_test_add_func ("/plan/validate", test_validate);
  g_test_add_func ("/plan/validate-draft", test_validate_draft);
  g_test_add_func ("/plan/validate-all-at-once", test_validate_all_at_once);
  g_test_add_func ("/plan/covers-title", test_covers_title);
  g_test_add_func ("/plan/filters", test_filters);
  g_test_add_func ("/plan/scope", test_scope);
  g_test_add_func ("/plan/windows", test_windows);
  g_test_add_func ("/plan/strings", test_strings);
  g_test_add_func ("/plan/attachment-record", test_attachment_record);

  return g_test_run ();
}
