/* test-declaration-body.c: what an applicant drafts for a declaration
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-declaration-body.h"
#include "zc-json.h"

#define SHA_A "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
#define SHA_B "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define SHA_C "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
#define SHA_D "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9"
#define RECORD_A "0a4f6c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b"
#define RECORD_B "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"

static const char complete[] =
  "{\"plan_id\":\"5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47\",\"plan_version\":1,"
  "\"method\":\"regular\","
  "\"title\":{\"series\":\"05\",\"category\":\"工程技术\",\"level\":\"中级\",\"title\":\"工程师\",\"specialty\":\"电气工程\"},"
  "\"declaration_category\":\"应用研究\",\"special_person\":false,\"professional_years\":9,"
  "\"photo\":{\"sha256\":\"" SHA_A "\",\"mime\":\"image/jpeg\"},"
  "\"commitment\":{\"signed_on\":\"2026-03-02\",\"signature\":{\"sha256\":\"" SHA_B "\",\"mime\":\"image/png\"}},"
  "\"info\":{\"name\":\"张三\"},"
  "\"work_summary\":\"本人从事电气工程设计工作。\\n第二段。\","
  "\"qualifying_education_id\":\"1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d\","
  "\"picks\":[{\"record_id\":\"" RECORD_A "\",\"category\":\"papers\",\"group\":\"research\"},"
  "{\"record_id\":\"" RECORD_B "\",\"category\":\"awards\"}],"
  "\"attachments\":[{\"requirement\":\"defence-outline\",\"files\":[{\"sha256\":\"" SHA_C "\","
  "\"name\":\"答辩提纲.pdf\",\"mime\":\"application/pdf\",\"size\":183204},"
  "{\"sha256\":\"" SHA_A "\",\"name\":\"again.jpg\",\"mime\":\"image/jpeg\",\"size\":10}]}],"
  "\"receiving_unit_id\":\"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b\"}";

static JsonObject *
parse (const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

/* The complete body with @name set to the JSON @value (NULL removes it). */
static JsonObject *
body_with (const char *name,
           const char *value)
{
  JsonObject *body = parse (complete);

  if (value == NULL)
    json_object_remove_member (body, name);
  else
    {
      g_autofree char *wrapped = g_strdup_printf ("{\"v\":%s}", value);
      g_autoptr(JsonObject) holder = parse (wrapped);

      json_object_set_member (body, name, zc_json_node_copy_deep (json_object_get_member (holder, "v")));
    }
  return body;
}

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

static void
test_complete (void)
{
  g_autoptr(JsonObject) body = parse (complete);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GArray) picks = NULL;
  g_autoptr(GPtrArray) blobs = NULL;
  const ZcDeclarationPick *pick;
  JsonArray *files;

  g_assert_true (zc_declaration_body_validate (body, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_true (zc_declaration_body_validate (body, ZC_LANGUAGE_LOCALE, NULL));

  g_assert_cmpstr (zc_declaration_body_get_plan_id (body), ==, "5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47");
  g_assert_cmpint (zc_declaration_body_get_plan_version (body), ==, 1);
  g_assert_cmpstr (zc_declaration_body_get_method (body), ==, "regular");
  g_assert_cmpstr (json_object_get_string_member (zc_declaration_body_get_title (body), "title"), ==, "工程师");
  g_assert_cmpstr (zc_declaration_body_get_specialty (body), ==, "电气工程");
  g_assert_cmpstr (zc_declaration_body_get_declaration_category (body), ==, "应用研究");
  g_assert_false (zc_declaration_body_get_special_person (body));
  g_assert_cmpint (zc_declaration_body_get_professional_years (body), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (zc_declaration_body_get_photo (body), "mime"), ==, "image/jpeg");
  g_assert_nonnull (zc_declaration_body_get_commitment (body));
  g_assert_true (zc_declaration_body_commitment_is_signed (body));
  g_assert_cmpstr (json_object_get_string_member (zc_declaration_body_get_info (body), "name"), ==, "张三");
  g_assert_true (g_str_has_prefix (zc_declaration_body_get_work_summary (body), "本人"));
  g_assert_cmpstr (zc_declaration_body_get_qualifying_education_id (body), ==, "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
  g_assert_cmpstr (zc_declaration_body_get_receiving_unit_id (body), ==, "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");

  picks = zc_declaration_body_get_picks (body);
  g_assert_cmpuint (picks->len, ==, 2);
  pick = &g_array_index (picks, ZcDeclarationPick, 0);
  g_assert_cmpstr (pick->record_id, ==, RECORD_A);
  g_assert_cmpstr (pick->category, ==, "papers");
  g_assert_cmpstr (pick->group, ==, "research");
  pick = &g_array_index (picks, ZcDeclarationPick, 1);
  g_assert_cmpstr (pick->category, ==, "awards");
  g_assert_null (pick->group);

  files = zc_declaration_body_get_attachment_files (body, "defence-outline");
  g_assert_nonnull (files);
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  g_assert_null (zc_declaration_body_get_attachment_files (body, "commission-letter"));

  /* photo, signature, files; the photo's blob once although attached again */
  blobs = zc_declaration_body_list_blobs (body);
  g_assert_cmpuint (blobs->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (blobs, 0), ==, SHA_A);
  g_assert_cmpstr (g_ptr_array_index (blobs, 1), ==, SHA_B);
  g_assert_cmpstr (g_ptr_array_index (blobs, 2), ==, SHA_C);
}

static void
test_minimal (void)
{
  g_autoptr(JsonObject) body = parse ("{\"plan_id\":\"5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47\",\"plan_version\":2}");
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GArray) picks = NULL;
  g_autoptr(GPtrArray) blobs = NULL;

  g_assert_true (zc_declaration_body_validate (body, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 0);

  g_assert_cmpint (zc_declaration_body_get_plan_version (body), ==, 2);
  g_assert_null (zc_declaration_body_get_method (body));
  g_assert_null (zc_declaration_body_get_title (body));
  g_assert_null (zc_declaration_body_get_specialty (body));
  g_assert_null (zc_declaration_body_get_declaration_category (body));
  g_assert_false (zc_declaration_body_get_special_person (body));
  g_assert_cmpint (zc_declaration_body_get_professional_years (body), ==, -1);
  g_assert_null (zc_declaration_body_get_photo (body));
  g_assert_null (zc_declaration_body_get_commitment (body));
  g_assert_false (zc_declaration_body_commitment_is_signed (body));
  g_assert_null (zc_declaration_body_get_info (body));
  g_assert_cmpstr (zc_declaration_body_get_work_summary (body), ==, "");
  g_assert_null (zc_declaration_body_get_qualifying_education_id (body));
  g_assert_null (zc_declaration_body_get_receiving_unit_id (body));
  picks = zc_declaration_body_get_picks (body);
  g_assert_cmpuint (picks->len, ==, 0);
  g_assert_null (zc_declaration_body_get_attachment_files (body, "defence-outline"));
  blobs = zc_declaration_body_list_blobs (body);
  g_assert_cmpuint (blobs->len, ==, 0);

  /* null and "" leave a member out, as a draft clears it */
  {
    g_autoptr(JsonObject) cleared = body_with ("method", "null");

    json_object_set_string_member (cleared, "declaration_category", "");
    json_object_set_null_member (cleared, "photo");
    json_object_set_string_member (cleared, "qualifying_education_id", "");
    g_assert_true (zc_declaration_body_validate (cleared, ZC_LANGUAGE_ENGLISH, NULL));
    g_assert_null (zc_declaration_body_get_method (cleared));
    g_assert_null (zc_declaration_body_get_photo (cleared));
  }
}

typedef struct
{
  const char *member;
  const char *value;    /* JSON, NULL removes the member */
  const char *field;    /* the error's field */
  const char *code;
} BadCase;

static void
test_bad_bodies (void)
{
  g_autoptr(GString) long_summary = g_string_new ("\"");
  g_autofree char *summary = NULL;
  BadCase cases[] = {
    { "plan_id", NULL, "plan_id", "required" },
    { "plan_id", "\"\"", "plan_id", "required" },
    { "plan_id", "\"5B1E9C2A-7D4F-4A8E-9C3B-2F6D8E1A0B47\"", "plan_id", "invalid_format" },
    { "plan_id", "42", "plan_id", "wrong_type" },
    { "plan_version", NULL, "plan_version", "required" },
    { "plan_version", "0", "plan_version", "out_of_range" },
    { "plan_version", "\"1\"", "plan_version", "wrong_type" },
    { "plan_version", "1.0", "plan_version", "wrong_type" },
    { "method", "\"Regular Method\"", "method", "invalid_format" },
    { "method", "[]", "method", "wrong_type" },
    { "title", "\"工程师\"", "title", "wrong_type" },
    { "title", "{\"series\":\"05\",\"grade\":\"A\"}", "title.grade", "unknown_field" },
    { "title", "{\"specialty\":\"电气工程电气工程电气工程电气工程电气工程电气工程电气工程电气工程电气工程电气工程电气工程电气工程电气工程\"}",
      "title.specialty", "too_long" },
    { "title", "{\"series\":5}", "title.series", "wrong_type" },
    { "declaration_category", "\"应用\\n研究\"", "declaration_category", "invalid_format" },
    { "special_person", "\"no\"", "special_person", "wrong_type" },
    { "professional_years", "81", "professional_years", "out_of_range" },
    { "professional_years", "-1", "professional_years", "out_of_range" },
    { "photo", "{\"sha256\":\"abc\",\"mime\":\"image/jpeg\"}", "photo", "invalid_attachment" },
    { "photo", "{\"sha256\":\"" SHA_A "\",\"mime\":\"image/gif\"}", "photo", "attachment_type" },
    { "photo", "{\"sha256\":\"" SHA_A "\",\"mime\":\"image/png\",\"size\":3}", "photo.size", "unknown_field" },
    { "commitment", "{\"signed_on\":\"2026-02-30\"}", "commitment.signed_on", "invalid_date" },
    { "commitment", "{\"signed_on\":\"2026/03/02\"}", "commitment.signed_on", "invalid_date" },
    { "commitment", "{\"signature\":{\"sha256\":\"" SHA_B "\",\"mime\":\"image/jpeg\"}}",
      "commitment.signature", "attachment_type" },
    { "commitment", "{\"scan\":{\"sha256\":\"" SHA_B "\",\"name\":\"承诺书.docx\",\"mime\":\"application/msword\",\"size\":9}}",
      "commitment.scan", "attachment_type" },
    { "commitment", "{\"scan\":{\"sha256\":\"" SHA_B "\",\"name\":\"承诺书.pdf\",\"size\":9}}",
      "commitment.scan", "invalid_attachment" },
    { "commitment", "{\"signature\":{\"sha256\":\"" SHA_B "\",\"mime\":\"image/png\"},"
      "\"scan\":{\"sha256\":\"" SHA_C "\",\"name\":\"承诺书.pdf\",\"mime\":\"application/pdf\",\"size\":9}}",
      "commitment", "invalid_format" },
    { "commitment", "{\"signed_on\":\"2026-03-02\",\"text\":\"…\"}", "commitment.text", "unknown_field" },
    { "info", "[]", "info", "wrong_type" },
    { "work_summary", NULL, "work_summary", "too_long" },  /* value set below */
    { "work_summary", "{}", "work_summary", "wrong_type" },
    { "qualifying_education_id", "\"edu-1\"", "qualifying_education_id", "invalid_format" },
    { "receiving_unit_id", "true", "receiving_unit_id", "wrong_type" },
    { "picks", "{}", "picks", "wrong_type" },
    { "picks", "[null]", "picks[0]", "wrong_type" },
    { "picks", "[{\"category\":\"papers\"}]", "picks[0].record_id", "required" },
    { "picks", "[{\"record_id\":\"" RECORD_A "\"}]", "picks[0].category", "required" },
    { "picks", "[{\"record_id\":\"" RECORD_A "\",\"category\":\"Papers!\"}]", "picks[0].category", "invalid_format" },
    { "picks", "[{\"record_id\":\"" RECORD_A "\",\"category\":\"papers\",\"group\":7}]", "picks[0].group", "wrong_type" },
    { "picks", "[{\"record_id\":\"" RECORD_A "\",\"category\":\"papers\",\"order\":1}]", "picks[0].order",
      "unknown_field" },
    { "picks", "[{\"record_id\":\"" RECORD_A "\",\"category\":\"papers\"},"
      "{\"record_id\":\"" RECORD_A "\",\"category\":\"awards\"}]", "picks[1].record_id", "duplicate" },
    { "attachments", "[{\"files\":[]}]", "attachments[0].requirement", "required" },
    { "attachments", "[{\"requirement\":\"a\",\"files\":{}}]", "attachments[0].files", "wrong_type" },
    { "attachments", "[{\"requirement\":\"a\",\"files\":[{\"sha256\":\"" SHA_C "\"}]}]",
      "attachments[0].files[0]", "invalid_attachment" },
    { "attachments", "[{\"requirement\":\"a\",\"files\":[{\"sha256\":\"" SHA_C "\",\"name\":\"x.pdf\","
      "\"mime\":\"application/pdf\",\"size\":1},{\"sha256\":\"" SHA_C "\",\"name\":\"y.pdf\","
      "\"mime\":\"application/pdf\",\"size\":1}]}]", "attachments[0].files[1]", "invalid_attachment" },
    { "attachments", "[{\"requirement\":\"a\"},{\"requirement\":\"a\"}]", "attachments[1].requirement", "duplicate" },
    { "attachments", "[{\"requirement\":\"a\",\"note\":\"\"}]", "attachments[0].note", "unknown_field" },
    { "state", "\"draft\"", "state", "unknown_field" },
  };

  for (guint i = 0; i <= ZC_DECLARATION_MAX_WORK_SUMMARY; i++)
    g_string_append (long_summary, "字");
  g_string_append_c (long_summary, '"');
  summary = g_string_free (g_steal_pointer (&long_summary), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (strcmp (cases[i].code, "too_long") == 0 && cases[i].value == NULL)
      cases[i].value = summary;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) body = body_with (cases[i].member, cases[i].value);
      g_autoptr(GPtrArray) errors = NULL;
      const ZcFieldError *error;

      g_test_message ("case %u: %s", i, cases[i].field);
      g_assert_false (zc_declaration_body_validate (body, ZC_LANGUAGE_ENGLISH, &errors));
      error = find_error (errors, cases[i].field);
      if (error == NULL)
        g_error ("case %u: no error for %s (first: %s %s)", i, cases[i].field,
                 ((ZcFieldError *) g_ptr_array_index (errors, 0))->field,
                 ((ZcFieldError *) g_ptr_array_index (errors, 0))->code);
      g_assert_cmpstr (error->code, ==, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_false (zc_declaration_body_validate (body, ZC_LANGUAGE_LOCALE, NULL));
    }
}

static void
test_many_problems (void)
{
  g_autoptr(JsonObject) body = parse ("{\"plan_version\":\"x\",\"professional_years\":100,\"extra\":1,"
                                      "\"picks\":[{\"record_id\":\"no\",\"category\":\"papers\"}]}");
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) chinese = NULL;

  g_assert_false (zc_declaration_body_validate (body, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 5);
  g_assert_cmpstr (find_error (errors, "extra")->code, ==, "unknown_field");
  g_assert_cmpstr (find_error (errors, "plan_id")->message, ==, "plan_id is required");
  g_assert_cmpstr (find_error (errors, "plan_version")->message, ==, "The value “plan_version” has the wrong type.");
  g_assert_nonnull (find_error (errors, "professional_years"));
  g_assert_nonnull (find_error (errors, "picks[0].record_id"));

  /* the catalog's strings in Chinese */
  g_assert_false (zc_declaration_body_validate (body, ZC_LANGUAGE_LOCALE, &chinese));
  g_assert_cmpuint (chinese->len, ==, 5);
  g_assert_cmpstr (find_error (chinese, "plan_id")->message, ==, "plan_id不能为空");
  g_assert_cmpstr (find_error (chinese, "plan_version")->message, ==, "“plan_version”项的类型不正确。");
}

static void
test_too_many_picks (void)
{
  g_autoptr(JsonObject) body = parse ("{\"plan_id\":\"5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47\",\"plan_version\":1}");
  g_autoptr(GPtrArray) errors = NULL;
  JsonArray *picks = json_array_new ();

  for (guint i = 0; i <= ZC_DECLARATION_MAX_PICKS; i++)
    {
      JsonObject *pick = json_object_new ();
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);

      json_object_set_string_member (pick, "record_id", id);
      json_object_set_string_member (pick, "category", "papers");
      json_array_add_object_element (picks, pick);
    }
  json_object_set_array_member (body, "picks", picks);
  g_assert_false (zc_declaration_body_validate (body, ZC_LANGUAGE_ENGLISH, &errors));
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (find_error (errors, "picks")->code, ==, "out_of_range");

  /* exactly the maximum is fine */
  json_array_remove_element (picks, 0);
  g_assert_true (zc_declaration_body_validate (body, ZC_LANGUAGE_ENGLISH, NULL));
}

static void
test_scan_commitment (void)
{
  g_autoptr(JsonObject) body = body_with ("commitment",
                                          "{\"signed_on\":\"2026-03-02\",\"scan\":{\"sha256\":\"" SHA_D "\","
                                          "\"name\":\"承诺书.pdf\",\"mime\":\"application/pdf\",\"size\":2048}}");
  g_autoptr(JsonObject) unsigned_body = body_with ("commitment", "{\"signed_on\":\"2026-03-02\"}");
  g_autoptr(JsonObject) undated = body_with ("commitment",
                                             "{\"signature\":{\"sha256\":\"" SHA_B "\",\"mime\":\"image/png\"}}");
  g_autoptr(GPtrArray) blobs = NULL;

  g_assert_true (zc_declaration_body_validate (body, ZC_LANGUAGE_ENGLISH, NULL));
  g_assert_true (zc_declaration_body_commitment_is_signed (body));
  blobs = zc_declaration_body_list_blobs (body);
  g_assert_true (g_ptr_array_find_with_equal_func (blobs, SHA_D, g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (blobs, SHA_B, g_str_equal, NULL));

  /* valid drafts, but not signed yet */
  g_assert_true (zc_declaration_body_validate (unsigned_body, ZC_LANGUAGE_ENGLISH, NULL));
  g_assert_false (zc_declaration_body_commitment_is_signed (unsigned_body));
  g_assert_true (zc_declaration_body_validate (undated, ZC_LANGUAGE_ENGLISH, NULL));
  g_assert_false (zc_declaration_body_commitment_is_signed (undated));
}

static void
test_readers_wrong_types (void)
{
  /* readers never trust types, even on a body that failed the check */
  g_autoptr(JsonObject) body = parse ("{\"plan_id\":1,\"plan_version\":\"1\",\"method\":[],\"title\":\"x\","
                                      "\"special_person\":\"yes\",\"professional_years\":1.5,\"photo\":[],"
                                      "\"commitment\":1,\"info\":\"x\",\"work_summary\":5,"
                                      "\"picks\":[1,{\"record_id\":\"" RECORD_A "\"},{\"record_id\":2,\"category\":\"papers\"}],"
                                      "\"attachments\":[1,{\"requirement\":\"a\",\"files\":[1,{\"sha256\":\"short\"}]}]}");
  g_autoptr(GArray) picks = NULL;
  g_autoptr(GPtrArray) blobs = NULL;

  g_assert_null (zc_declaration_body_get_plan_id (body));
  g_assert_cmpint (zc_declaration_body_get_plan_version (body), ==, 0);
  g_assert_null (zc_declaration_body_get_method (body));
  g_assert_null (zc_declaration_body_get_title (body));
  g_assert_null (zc_declaration_body_get_specialty (body));
  g_assert_false (zc_declaration_body_get_special_person (body));
  g_assert_cmpint (zc_declaration_body_get_professional_years (body), ==, -1);
  g_assert_null (zc_declaration_body_get_photo (body));
  g_assert_null (zc_declaration_body_get_commitment (body));
  g_assert_false (zc_declaration_body_commitment_is_signed (body));
  g_assert_null (zc_declaration_body_get_info (body));
  g_assert_cmpstr (zc_declaration_body_get_work_summary (body), ==, "");
  picks = zc_declaration_body_get_picks (body);
  g_assert_cmpuint (picks->len, ==, 0);
  g_assert_nonnull (zc_declaration_body_get_attachment_files (body, "a"));
  blobs = zc_declaration_body_list_blobs (body);
  g_assert_cmpuint (blobs->len, ==, 0);
}

static void
test_steps (void)
{
  static const char * const ids[] = {
    "choose", "photo", "commitment", "info", "summary", "achievements", "attachments"
  };
  ZcDeclarationStep step;

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == ZC_N_DECLARATION_STEPS);
  for (guint i = 0; i < ZC_N_DECLARATION_STEPS; i++)
    {
      g_assert_cmpstr (zc_declaration_step_to_string (i), ==, ids[i]);
      g_assert_true (zc_declaration_step_from_string (ids[i], &step));
      g_assert_cmpint (step, ==, i);
      g_assert_cmpstr (zc_declaration_step_get_label (i, ZC_LANGUAGE_ENGLISH), !=, "");
      g_assert_cmpstr (zc_declaration_step_get_label (i, ZC_LANGUAGE_LOCALE), !=, "");
    }
  g_assert_cmpstr (zc_declaration_step_get_label (ZC_DECLARATION_STEP_SUMMARY, ZC_LANGUAGE_ENGLISH), ==,
                   "Work summary");
  g_assert_false (zc_declaration_step_from_string ("review", &step));
  g_assert_false (zc_declaration_step_from_string ("", &step));
  g_assert_false (zc_declaration_step_from_string ("Choose", &step));
  g_assert_false (zc_declaration_step_from_string (NULL, &step));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add_func ("/declaration-body/complete", test_complete);
  g_test_add_func ("/declaration-body/minimal", test_minimal);
  g_test_add_func ("/declaration-body/bad-bodies", test_bad_bodies);
  g_test_add_func ("/declaration-body/many-problems", test_many_problems);
  g_test_add_func ("/declaration-body/too-many-picks", test_too_many_picks);
  g_test_add_func ("/declaration-body/scan-commitment", test_scan_commitment);
  g_test_add_func ("/declaration-body/readers-wrong-types", test_readers_wrong_types);
  g_test_add_func ("/declaration-body/steps", test_steps);

  return g_test_run ();
}
