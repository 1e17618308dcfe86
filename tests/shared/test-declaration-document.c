/* test-declaration-document.c: the review form's input document
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-declaration-document.h"

#define VALID_SHA "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
#define VALID_ID  "0a4f6c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b"

/* The smallest document the codec accepts. */
static const char minimal[] =
  "{\"version\":1,\"is_draft\":true,\"applicant\":{\"name\":\"张三\"},"
  "\"plan\":{\"year\":2026,\"name\":\"2026年度评审\"},\"declared\":{},"
  "\"personal_info\":{},\"entries\":{},\"attachments\":[],\"opinions\":{}}";

static ZcDeclarationDocument *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "declarations", "small.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  ZcDeclarationDocument *document;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  document = zc_declaration_document_new_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
test_fixture (void)
{
  g_autoptr(ZcDeclarationDocument) document = load_fixture ();
  const ZcDocumentEntryGroup *papers;
  const ZcDocumentAttachment *attachment;
  const ZcDocumentOpinion *opinion;
  JsonObject *pick;

  g_assert_cmpint (zc_declaration_document_get_version (document), ==, 1);
  g_assert_false (zc_declaration_document_get_is_draft (document));
  g_assert_cmpstr (zc_declaration_document_get_id (document), ==, "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f");
  g_assert_cmpstr (zc_declaration_document_get_applicant_name (document), ==, "李文静");
  g_assert_cmpstr (zc_declaration_document_get_unit (document), ==, "云南省农业科学院质量标准与检测技术研究所");
  g_assert_cmpstr (zc_declaration_document_get_department (document), ==, "云南省农业科学院");
  g_assert_cmpint (zc_declaration_document_get_plan_year (document), ==, 2026);
  g_assert_cmpstr (zc_declaration_document_get_plan_name (document), ==, "2026年度云南省实验技术系列高级职称评审");
  g_assert_cmpstr (zc_declaration_document_get_committee (document), ==, "云南省实验技术系列高级职称评审委员会");

  pick = zc_declaration_document_get_title_pick (document);
  g_assert_nonnull (pick);
  g_assert_cmpstr (json_object_get_string_member (pick, "series"), ==, "20");
  g_assert_cmpstr (json_object_get_string_member (pick, "title"), ==, "高级实验师");
  g_assert_cmpstr (zc_declaration_document_get_method (document), ==, "regular");
  g_assert_cmpstr (zc_declaration_document_get_declaration_category (document), ==, "应用研究");
  g_assert_false (zc_declaration_document_get_special_person (document));
  g_assert_cmpint (zc_declaration_document_get_professional_years (document), ==, 14);
  g_assert_cmpstr (zc_declaration_document_get_filled_on (document), ==, "2026-03-02");

  g_assert_cmpstr (json_object_get_string_member (zc_declaration_document_get_personal_info (document), "id_number"),
                   ==, "530102198503120425");
  g_assert_null (zc_declaration_document_get_photo (document));
  g_assert_null (zc_declaration_document_get_signature (document));
  g_assert_true (g_str_has_prefix (zc_declaration_document_get_commitment_text (document), "本人对申报评审表"));
  g_assert_cmpstr (zc_declaration_document_get_commitment_signed_on (document), ==, "2026-03-02");
  g_assert_nonnull (strstr (zc_declaration_document_get_work_summary (document), "\n任现职以来"));

  /* entries in the document's order of categories */
  g_assert_cmpuint (zc_declaration_document_get_n_groups (document), ==, 4);
  g_assert_cmpstr (zc_declaration_document_get_group (document, 0)->category, ==, "education");
  g_assert_cmpstr (zc_declaration_document_get_group (document, 3)->category, ==, "annual-assessments");
  g_assert_cmpuint (zc_declaration_document_get_n_entries (document), ==, 9);
  papers = zc_declaration_document_find_group (document, "papers");
  g_assert_nonnull (papers);
  g_assert_cmpuint (papers->entries->len, ==, 3);
  g_assert_false (((ZcDocumentEntry *) g_ptr_array_index (papers->entries, 0))->pending);
  g_assert_true (((ZcDocumentEntry *) g_ptr_array_index (papers->entries, 2))->pending);
  g_assert_cmpstr (((ZcDocumentEntry *) g_ptr_array_index (papers->entries, 2))->id, ==,
                   "6a0f2c7e-8b9d-4e1f-8a5b-6c7d8e9f0a1b");
  g_assert_cmpstr (json_object_get_string_member (((ZcDocumentEntry *) g_ptr_array_index (papers->entries, 0))->body,
                                                  "journal"), ==, "食品科学");
  g_assert_null (zc_declaration_document_find_group (document, "books"));

  g_assert_cmpuint (zc_declaration_document_get_n_attachments (document), ==, 2);
  attachment = zc_declaration_document_get_attachment (document, 0);
  g_assert_cmpstr (attachment->name, ==, "答辩提纲");
  g_assert_true (attachment->required);
  g_assert_cmpuint (json_array_get_length (attachment->files), ==, 1);
  attachment = zc_declaration_document_get_attachment (document, 1);
  g_assert_false (attachment->required);
  g_assert_cmpuint (json_array_get_length (attachment->files), ==, 0);

  opinion = zc_declaration_document_get_opinion (document, ZC_OPINION_LEVEL_UNIT);
  g_assert_cmpstr (opinion->signer, ==, "王建国");
  g_assert_cmpstr (opinion->signed_on, ==, "2026-03-10");
  g_assert_true (g_str_has_suffix (opinion->text, "同意推荐。"));
  opinion = zc_declaration_document_get_opinion (document, ZC_OPINION_LEVEL_COMMITTEE);
  g_assert_null (opinion->text);
  g_assert_null (opinion->signer);
  g_assert_null (opinion->signed_on);
}

static void
test_round_trip (void)
{
  g_autoptr(ZcDeclarationDocument) document = load_fixture ();
  g_autoptr(ZcDeclarationDocument) again = NULL;
  g_autoptr(JsonNode) first = zc_declaration_document_to_json (document);
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = zc_json_to_string (first);

  again = zc_declaration_document_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  second = zc_declaration_document_to_json (again);
  g_assert_true (zc_json_node_equal (first, second));

  g_assert_cmpstr (zc_declaration_document_get_work_summary (again), ==,
                   zc_declaration_document_get_work_summary (document));
  g_assert_cmpuint (zc_declaration_document_get_n_entries (again), ==, 9);
  g_assert_true (((ZcDocumentEntry *) g_ptr_array_index (zc_declaration_document_find_group (again, "papers")->entries, 2))->pending);
  g_assert_cmpstr (zc_declaration_document_get_opinion (again, ZC_OPINION_LEVEL_UNIT)->signer, ==, "王建国");
  /* the copy shares nothing: dropping the first leaves the second intact */
  g_clear_pointer (&document, zc_declaration_document_unref);
  g_assert_cmpstr (zc_declaration_document_get_applicant_name (again), ==, "李文静");
}

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcDeclarationDocument) document = zc_declaration_document_new_from_data (minimal, strlen (minimal), &error);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_true (zc_declaration_document_get_is_draft (document));
  g_assert_null (zc_declaration_document_get_id (document));
  g_assert_null (zc_declaration_document_get_unit (document));
  g_assert_null (zc_declaration_document_get_committee (document));
  g_assert_null (zc_declaration_document_get_title_pick (document));
  g_assert_null (zc_declaration_document_get_method (document));
  g_assert_cmpint (zc_declaration_document_get_professional_years (document), ==, -1);
  g_assert_null (zc_declaration_document_get_filled_on (document));
  g_assert_null (zc_declaration_document_get_photo (document));
  g_assert_null (zc_declaration_document_get_commitment_text (document));
  g_assert_cmpstr (zc_declaration_document_get_work_summary (document), ==, "");
  g_assert_cmpuint (zc_declaration_document_get_n_groups (document), ==, 0);
  g_assert_cmpuint (zc_declaration_document_get_n_entries (document), ==, 0);
  g_assert_cmpuint (zc_declaration_document_get_n_attachments (document), ==, 0);

  /* unset members stay out of the JSON */
  node = zc_declaration_document_to_json (document);
  object = json_node_get_object (node);
  g_assert_false (json_object_has_member (object, "photo"));
  g_assert_false (json_object_has_member (object, "commitment"));
  g_assert_false (json_object_has_member (json_object_get_object_member (object, "declared"), "professional_years"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "opinions")), ==, 0);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = NULL;

  zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Sets (or with @value NULL removes) the member at a dotted @path of
 * the minimal document, making the objects on the way. */
static JsonNode *
minimal_with (const char *path,
              const char *value)
{
  JsonNode *root = parse (minimal);
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = json_node_get_object (root);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (!json_object_has_member (object, parts[i]))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }
  if (value == NULL)
    json_object_remove_member (object, parts[n - 1]);
  else
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = json_from_string (value, &error);

      g_assert_no_error (error);
      json_object_set_member (object, parts[n - 1], node);
    }

  return root;
}

static void
assert_refused (JsonNode    *node,
                ZcJsonError  code,
                const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);
  ZcDeclarationDocument *document = zc_declaration_document_new_from_json (node, &error);

  g_assert_null (document);
  g_assert_error (error, ZC_JSON_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("message “%s” does not start with “%s”", error->message, prefix);
}

static char *
quoted_text (guint n_chars)
{
  GString *text = g_string_new ("\"");

  for (guint i = 0; i < n_chars; i++)
    g_string_append (text, i % 50 == 49 ? "\\n" : "字");
  g_string_append_c (text, '"');
  return g_string_free (text, FALSE);
}

static void
test_bad_members (void)
{
  static const struct {
    const char  *path;
    const char  *value;   /* NULL: remove */
    ZcJsonError  code;
    const char  *where;
  } cases[] = {
    { "version", "2", ZC_JSON_ERROR_OUT_OF_RANGE, "version" },
    { "version", "\"1\"", ZC_JSON_ERROR_WRONG_TYPE, "version" },
    { "version", "1.0", ZC_JSON_ERROR_WRONG_TYPE, "version" },
    { "version", NULL, ZC_JSON_ERROR_MISSING, "version" },
    { "is_draft", "1", ZC_JSON_ERROR_WRONG_TYPE, "is_draft" },
    { "is_draft", "null", ZC_JSON_ERROR_WRONG_TYPE, "is_draft" },
    { "extra", "1", ZC_JSON_ERROR_UNKNOWN_MEMBER, "extra" },
    { "id", "\"not-a-uuid\"", ZC_JSON_ERROR_INVALID, "id" },
    { "applicant", NULL, ZC_JSON_ERROR_MISSING, "applicant" },
    { "applicant", "[]", ZC_JSON_ERROR_WRONG_TYPE, "applicant" },
    { "applicant.name", "\"\"", ZC_JSON_ERROR_INVALID, "applicant.name" },
    { "applicant.name", "42", ZC_JSON_ERROR_WRONG_TYPE, "applicant.name" },
    { "applicant.name", "\"张\\n三\"", ZC_JSON_ERROR_INVALID, "applicant.name" },
    { "applicant.nickname", "\"x\"", ZC_JSON_ERROR_UNKNOWN_MEMBER, "applicant.nickname" },
    { "applicant.unit", "{}", ZC_JSON_ERROR_WRONG_TYPE, "applicant.unit" },
    { "plan.year", "1899", ZC_JSON_ERROR_OUT_OF_RANGE, "plan.year" },
    { "plan.year", "2026.5", ZC_JSON_ERROR_WRONG_TYPE, "plan.year" },
    { "plan.name", NULL, ZC_JSON_ERROR_MISSING, "plan.name" },
    { "declared.title", "[]", ZC_JSON_ERROR_WRONG_TYPE, "declared.title" },
    { "declared.title.grade", "\"x\"", ZC_JSON_ERROR_UNKNOWN_MEMBER, "declared.title.grade" },
    { "declared.title.series", "20", ZC_JSON_ERROR_WRONG_TYPE, "declared.title.series" },
    { "declared.professional_years", "-1", ZC_JSON_ERROR_OUT_OF_RANGE, "declared.professional_years" },
    { "declared.professional_years", "81", ZC_JSON_ERROR_OUT_OF_RANGE, "declared.professional_years" },
    { "declared.special_person", "\"yes\"", ZC_JSON_ERROR_WRONG_TYPE, "declared.special_person" },
    { "filled_on", "\"2026-02-30\"", ZC_JSON_ERROR_INVALID, "filled_on" },
    { "filled_on", "\"2026-3-1\"", ZC_JSON_ERROR_INVALID, "filled_on" },
    { "filled_on", "20260301", ZC_JSON_ERROR_WRONG_TYPE, "filled_on" },
    { "personal_info", "[]", ZC_JSON_ERROR_WRONG_TYPE, "personal_info" },
    { "personal_info", NULL, ZC_JSON_ERROR_MISSING, "personal_info" },
    { "photo", "{\"sha256\":\"ABC\",\"mime\":\"image/png\"}", ZC_JSON_ERROR_INVALID, "photo.sha256" },
    { "photo", "{\"sha256\":\"" VALID_SHA "\",\"mime\":\"image/gif\"}", ZC_JSON_ERROR_INVALID, "photo.mime" },
    { "photo", "{\"sha256\":\"" VALID_SHA "\"}", ZC_JSON_ERROR_MISSING, "photo.mime" },
    { "photo", "\"" VALID_SHA "\"", ZC_JSON_ERROR_WRONG_TYPE, "photo" },
    { "commitment.signed_on", "\"yesterday\"", ZC_JSON_ERROR_INVALID, "commitment.signed_on" },
    { "commitment.text", "[\"a\"]", ZC_JSON_ERROR_WRONG_TYPE, "commitment.text" },
    { "commitment.signature", "{\"sha256\":\"" VALID_SHA "\",\"mime\":\"image/png\",\"x\":1}",
      ZC_JSON_ERROR_UNKNOWN_MEMBER, "commitment.signature.x" },
    { "work_summary", "[]", ZC_JSON_ERROR_WRONG_TYPE, "work_summary" },
    { "work_summary", "\"a\\u0007b\"", ZC_JSON_ERROR_INVALID, "work_summary" },
    { "entries", "[]", ZC_JSON_ERROR_WRONG_TYPE, "entries" },
    { "entries", NULL, ZC_JSON_ERROR_MISSING, "entries" },
    { "entries.Papers", "[]", ZC_JSON_ERROR_INVALID, "entries" },
    { "entries.papers", "{}", ZC_JSON_ERROR_WRONG_TYPE, "entries.papers" },
    { "entries.papers", "[1]", ZC_JSON_ERROR_WRONG_TYPE, "entries.papers[0]" },
    { "entries.papers", "[{\"id\":\"nope\",\"body\":{}}]", ZC_JSON_ERROR_INVALID, "entries.papers[0].id" },
    { "entries.papers", "[{\"id\":\"" VALID_ID "\",\"body\":[]}]", ZC_JSON_ERROR_WRONG_TYPE, "entries.papers[0].body" },
    { "entries.papers", "[{\"id\":\"" VALID_ID "\"}]", ZC_JSON_ERROR_MISSING, "entries.papers[0].body" },
    { "entries.papers", "[{\"id\":\"" VALID_ID "\",\"pending\":\"no\",\"body\":{}}]",
      ZC_JSON_ERROR_WRONG_TYPE, "entries.papers[0].pending" },
    { "entries.papers", "[{\"id\":\"" VALID_ID "\",\"body\":{},\"state\":\"approved\"}]",
      ZC_JSON_ERROR_UNKNOWN_MEMBER, "entries.papers[0].state" },
    { "attachments", "{}", ZC_JSON_ERROR_WRONG_TYPE, "attachments" },
    { "attachments", "[{\"files\":[]}]", ZC_JSON_ERROR_MISSING, "attachments[0].name" },
    { "attachments", "[{\"name\":\"x\"}]", ZC_JSON_ERROR_MISSING, "attachments[0].files" },
    { "attachments", "[{\"name\":\"x\",\"files\":[{\"sha256\":\"" VALID_SHA "\",\"name\":\"a/b.pdf\","
      "\"mime\":\"application/pdf\",\"size\":1}]}]", ZC_JSON_ERROR_INVALID, "attachments[0].files[0].name" },
    { "attachments", "[{\"name\":\"x\",\"files\":[{\"sha256\":\"" VALID_SHA "\",\"name\":\"b.pdf\","
      "\"mime\":\"application/pdf\",\"size\":0}]}]", ZC_JSON_ERROR_OUT_OF_RANGE, "attachments[0].files[0].size" },
    { "attachments", "[{\"name\":\"x\",\"files\":[{\"sha256\":\"" VALID_SHA "\",\"name\":\"b.pdf\","
      "\"mime\":\"application/pdf\"}]}]", ZC_JSON_ERROR_MISSING, "attachments[0].files[0].size" },
    { "opinions", "[]", ZC_JSON_ERROR_WRONG_TYPE, "opinions" },
    { "opinions.school", "{}", ZC_JSON_ERROR_UNKNOWN_MEMBER, "opinions.school" },
    { "opinions.unit", "\"同意\"", ZC_JSON_ERROR_WRONG_TYPE, "opinions.unit" },
    { "opinions.unit.signed_on", "\"2026/03/10\"", ZC_JSON_ERROR_INVALID, "opinions.unit.signed_on" },
    { "opinions.committee.seal", "true", ZC_JSON_ERROR_UNKNOWN_MEMBER, "opinions.committee.seal" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = minimal_with (cases[i].path, cases[i].value);

      g_test_message ("case %u: %s = %s", i, cases[i].path, cases[i].value ? cases[i].value : "(removed)");
      assert_refused (node, cases[i].code, cases[i].where);
    }
}

static void
test_length_limits (void)
{
  struct {
    const char *path;
    guint       limit;
  } texts[] = {
    { "work_summary", ZC_DECLARATION_DOCUMENT_MAX_WORK_SUMMARY },
    { "commitment.text", ZC_DECLARATION_DOCUMENT_MAX_COMMITMENT },
    { "opinions.unit.text", ZC_DECLARATION_DOCUMENT_MAX_OPINION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *at_limit = quoted_text (texts[i].limit);
      g_autofree char *over = quoted_text (texts[i].limit + 1);
      g_autoptr(JsonNode) good = minimal_with (texts[i].path, at_limit);
      g_autoptr(JsonNode) bad = minimal_with (texts[i].path, over);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcDeclarationDocument) document = zc_declaration_document_new_from_json (good, &error);

      g_assert_no_error (error);
      g_assert_nonnull (document);
      assert_refused (bad, ZC_JSON_ERROR_OUT_OF_RANGE, texts[i].path);
    }

  /* one short text: at most 200 characters */
  {
    g_autofree char *name = quoted_text (ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT + 1);
    g_autoptr(JsonNode) node = NULL;
    char *p;

    /* a name has no line breaks */
    while ((p = strstr (name, "\\n")) != NULL)
      memcpy (p, "ab", 2);
    node = minimal_with ("applicant.name", name);
    assert_refused (node, ZC_JSON_ERROR_OUT_OF_RANGE, "applicant.name");
  }
}

static void
test_too_many_entries (void)
{
  g_autoptr(JsonNode) node = parse (minimal);
  JsonObject *entries = json_object_get_object_member (json_node_get_object (node), "entries");
  JsonArray *a = json_array_new (), *b = json_array_new ();

  /* the limit counts every category together */
  for (guint i = 0; i <= ZC_DECLARATION_DOCUMENT_MAX_ENTRIES; i++)
    {
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "id", VALID_ID);
      json_object_set_object_member (entry, "body", json_object_new ());
      json_array_add_object_element (i % 2 ? a : b, entry);
    }
  json_object_set_array_member (entries, "papers", a);
  json_object_set_array_member (entries, "books", b);
  assert_refused (node, ZC_JSON_ERROR_OUT_OF_RANGE, "entries");

  json_array_remove_element (a, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ZcDeclarationDocument) document = zc_declaration_document_new_from_json (node, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (zc_declaration_document_get_n_entries (document), ==, ZC_DECLARATION_DOCUMENT_MAX_ENTRIES);
  }
}

static void
test_bad_text (void)
{
  static const char * const texts[] = {
    "",
    "{",
    "[]",
    "null",
    "{\"version\":1,}",
    "{\"version\":1,\"version\":1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      ZcDeclarationDocument *document = zc_declaration_document_new_from_data (texts[i], strlen (texts[i]), &error);

      g_assert_null (document);
      g_assert_error (error, ZC_JSON_ERROR, error->code);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* a node that is not an object */
  {
    g_autoptr(JsonNode) node = json_from_string ("[1]", NULL);

    assert_refused (node, ZC_JSON_ERROR_WRONG_TYPE, "$");
  }
}

static void
test_opinion_levels (void)
{
  ZcOpinionLevel level = ZC_OPINION_LEVEL_UNIT;

  for (guint i = 0; i < ZC_N_OPINION_LEVELS; i++)
    {
      const char *id = zc_opinion_level_to_string ((ZcOpinionLevel) i);

      g_assert_nonnull (id);
      g_assert_true (zc_opinion_level_from_string (id, &level));
      g_assert_cmpint (level, ==, i);
    }
  g_assert_cmpstr (zc_opinion_level_to_string (ZC_OPINION_LEVEL_DEPARTMENT), ==, "department");

  level = ZC_OPINION_LEVEL_COMMITTEE;
  g_assert_false (zc_opinion_level_from_string ("Unit", &level));
  g_assert_false (zc_opinion_level_from_string ("", &level));
  g_assert_false (zc_opinion_level_from_string (NULL, &level));
  g_assert_cmpint (level, ==, ZC_OPINION_LEVEL_COMMITTEE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/declaration-document/fixture", test_fixture);
  g_test_add_func ("/declaration-document/round-trip", test_round_trip);
  g_test_add_func ("/declaration-document/minimal", test_minimal);
  g_test_add_func ("/declaration-document/bad-members", test_bad_members);
  g_test_add_func ("/declaration-document/length-limits", test_length_limits);
  g_test_add_func ("/declaration-document/too-many-entries", test_too_many_entries);
  g_test_add_func ("/declaration-document/bad-text", test_bad_text);
  g_test_add_func ("/declaration-document/opinion-levels", test_opinion_levels);

  return g_test_run ();
}
