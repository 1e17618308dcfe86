/* test-declaration-assemble.c: the review-form document of a declaration
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "zc-date.h"
#include "zc-declaration-assemble.h"
#include "zc-json.h"
#include "zc-pdf-page.h"
#include "zc-review-form.h"

#define DECLARATION_ID    "7c000000-0000-4000-8000-000000000001"
#define EDUCATION_ID      "7b000000-0000-4000-8000-000000000001"
#define WORK_ID           "7b000000-0000-4000-8000-000000000002"
#define ASSESSMENT_ID     "7b000000-0000-4000-8000-000000000003"
#define PAPER_ID          "7b000000-0000-4000-8000-000000000004"
#define PENDING_PAPER_ID  "7b000000-0000-4000-8000-000000000005"
#define AWARD_ID          "7b000000-0000-4000-8000-000000000006"
#define SHA_A "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"

typedef struct
{
  ZcPlan          *plan;
  JsonNode        *declaration;    /* {body, personal_info, archive} */
  JsonObject      *body;           /* borrowed from @declaration */
  JsonObject      *personal_info;  /* borrowed from @declaration */
  GPtrArray       *archive;
  GDate            filled_on;
  ZcAssembleInput  input;
} Fixture;

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "declarations", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, &error));
  g_assert_no_error (error);
  return data;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_data = NULL;
  g_autofree char *declaration_data = NULL;
  JsonObject *root;
  JsonArray *records;
  gsize length;

  plan_data = read_fixture ("check-plan.json", &length);
  f->plan = zc_plan_new_from_data (plan_data, length, FALSE, &error);
  g_assert_no_error (error);

  declaration_data = read_fixture ("check-declaration.json", &length);
  g_assert_true (zc_json_parse (declaration_data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &f->declaration, &error));
  g_assert_no_error (error);
  root = json_node_get_object (f->declaration);
  f->body = json_object_get_object_member (root, "body");
  f->personal_info = json_object_get_object_member (root, "personal_info");

  f->archive = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_record_unref);
  records = json_object_get_array_member (root, "archive");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      ZcRecord *record = zc_record_from_json (json_array_get_element (records, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (f->archive, record);
    }

  g_date_clear (&f->filled_on, 1);
  g_date_set_dmy (&f->filled_on, 15, G_DATE_MARCH, 2026);
  f->input = (ZcAssembleInput) {
    .declaration_id = DECLARATION_ID,
    .body = f->body,
    .is_draft = FALSE,
    .plan = f->plan,
    .personal_info = f->personal_info,
    .archive = f->archive,
    .unit_name = "云南电网有限责任公司昆明供电局",
    .department_name = "云南电网有限责任公司",
    .filled_on = &f->filled_on,
    .opinion_text = { "同意推荐。", NULL, NULL },
    .opinion_signer = { "王建国", NULL, NULL },
    .opinion_signed_on = { "2026-03-20", NULL, NULL },
  };
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_ptr_array_unref (f->archive);
  json_node_unref (f->declaration);
  zc_plan_unref (f->plan);
}

static ZcRecord *
find_record (Fixture    *f,
             const char *id)
{
  for (guint i = 0; i < f->archive->len; i++)
    if (strcmp (zc_record_get_id (g_ptr_array_index (f->archive, i)), id) == 0)
      return g_ptr_array_index (f->archive, i);
  g_assert_not_reached ();
}

/* Assembles the JSON and reads it back with the document's own reader. */
static ZcDeclarationDocument *
assemble (Fixture    *f,
          ZcLanguage  language)
{
  g_autoptr(JsonNode) node = zc_declaration_assemble_json (&f->input, language);
  g_autoptr(GError) error = NULL;
  ZcDeclarationDocument *document;

  g_assert_nonnull (node);
  document = zc_declaration_document_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static JsonObject *
image_ref (const char *sha256,
           const char *mime)
{
  JsonObject *image = json_object_new ();

  json_object_set_string_member (image, "sha256", sha256);
  json_object_set_string_member (image, "mime", mime);
  return image;
}

static JsonObject *
file_record (const char *sha256,
             const char *name,
             const char *mime,
             gint64      size)
{
  JsonObject *file = json_object_new ();

  json_object_set_string_member (file, "sha256", sha256);
  json_object_set_string_member (file, "name", name);
  json_object_set_string_member (file, "mime", mime);
  json_object_set_int_member (file, "size", size);
  return file;
}

/* Renders @document and returns the text of every page, white space
 * left out. */
static char *
render_text (ZcDeclarationDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = zc_review_form_render_to_bytes (document, NULL, NULL, ZC_LANGUAGE_ENGLISH, &error);
  PopplerDocument *poppler;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 4);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 4, "%PDF", 4);

  poppler = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (poppler), >=, 1);
  for (int i = 0; i < poppler_document_get_n_pages (poppler); i++)
    {
      PopplerPage *page = poppler_document_get_page (poppler, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      /* without white space: cells wrap their text over lines */
      for (const char *p = page_text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (text, g_utf8_get_char (p));
      g_object_unref (page);
    }
  g_object_unref (poppler);
  return g_string_free (text, FALSE);
}

/* ---- a full declaration ----------------------------------------------- */

static void
test_full (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ZcDeclarationDocument) document = assemble (f, ZC_LANGUAGE_ENGLISH);
  static const char * const group_order[] = {
    "work-experience", "education", "papers", "awards", "annual-assessments"
  };
  const ZcDocumentEntryGroup *papers;
  const ZcDocumentAttachment *attachment;
  const ZcDocumentOpinion *opinion;
  JsonObject *pick, *info;

  g_assert_cmpint (zc_declaration_document_get_version (document), ==, 1);
  g_assert_false (zc_declaration_document_get_is_draft (document));
  g_assert_cmpstr (zc_declaration_document_get_id (document), ==, DECLARATION_ID);

  g_assert_cmpstr (zc_declaration_document_get_applicant_name (document), ==, "张海峰");
  g_assert_cmpstr (zc_declaration_document_get_unit (document), ==, "云南电网有限责任公司昆明供电局");
  g_assert_cmpstr (zc_declaration_document_get_department (document), ==, "云南电网有限责任公司");
  g_assert_cmpint (zc_declaration_document_get_plan_year (document), ==, 2026);
  g_assert_cmpstr (zc_declaration_document_get_plan_name (document), ==, "2026年度工程技术系列中级职称评审");
  g_assert_cmpstr (zc_declaration_document_get_committee (document), ==, "省工程技术中级评审委员会");

  pick = zc_declaration_document_get_title_pick (document);
  g_assert_nonnull (pick);
  g_assert_cmpstr (json_object_get_string_member (pick, "series"), ==, "05");
  g_assert_cmpstr (json_object_get_string_member (pick, "level"), ==, "中级");
  g_assert_cmpstr (json_object_get_string_member (pick, "title"), ==, "工程师");
  g_assert_cmpstr (json_object_get_string_member (pick, "specialty"), ==, "电气工程");
  g_assert_cmpstr (zc_declaration_document_get_method (document), ==, "regular");
  g_assert_cmpstr (zc_declaration_document_get_declaration_category (document), ==, "应用研究");
  g_assert_false (zc_declaration_document_get_special_person (document));
  g_assert_cmpint (zc_declaration_document_get_professional_years (document), ==, 11);
  g_assert_cmpstr (zc_declaration_document_get_filled_on (document), ==, "2026-03-15");

  /* the personal information with the declaration's info over it */
  info = zc_declaration_document_get_personal_info (document);
  g_assert_cmpstr (json_object_get_string_member (info, "name"), ==, "张海峰");
  g_assert_cmpstr (json_object_get_string_member (info, "post"), ==, "变电运行值班长");

  g_assert_nonnull (zc_declaration_document_get_photo (document));
  g_assert_cmpstr (zc_declaration_document_get_photo (document)->mime, ==, "image/jpeg");
  g_assert_cmpstr (zc_declaration_document_get_photo (document)->sha256, ==,
                   json_object_get_string_member (json_object_get_object_member (f->body, "photo"), "sha256"));
  g_assert_cmpstr (zc_declaration_document_get_commitment_signed_on (document), ==, "2026-03-02");
  g_assert_nonnull (zc_declaration_document_get_signature (document));
  g_assert_cmpstr (zc_declaration_document_get_signature (document)->mime, ==, "image/png");
  g_assert_null (zc_declaration_document_get_commitment_text (document));  /* the standard wording */
  g_assert_true (g_str_has_prefix (zc_declaration_document_get_work_summary (document), "本人2014年7月"));

  /* entries grouped by category, in the order of the picks */
  g_assert_cmpuint (zc_declaration_document_get_n_groups (document), ==, G_N_ELEMENTS (group_order));
  for (guint i = 0; i < G_N_ELEMENTS (group_order); i++)
    g_assert_cmpstr (zc_declaration_document_get_group (document, i)->category, ==, group_order[i]);
  g_assert_cmpuint (zc_declaration_document_get_n_entries (document), ==, 6);
  papers = zc_declaration_document_find_group (document, "papers");
  g_assert_cmpuint (papers->entries->len, ==, 2);
  {
    const ZcDocumentEntry *first = g_ptr_array_index (papers->entries, 0);
    const ZcDocumentEntry *second = g_ptr_array_index (papers->entries, 1);

    g_assert_cmpstr (first->id, ==, PAPER_ID);
    g_assert_false (first->pending);
    g_assert_cmpstr (json_object_get_string_member (first->body, "journal"), ==, "电力系统保护与控制");
    g_assert_cmpstr (second->id, ==, PENDING_PAPER_ID);
    g_assert_true (second->pending);
  }

  /* one attachment per plan requirement, in the plan's order */
  g_assert_cmpuint (zc_declaration_document_get_n_attachments (document), ==, 3);
  attachment = zc_declaration_document_get_attachment (document, 0);
  g_assert_cmpstr (attachment->name, ==, "答辩提纲");
  g_assert_true (attachment->required);
  g_assert_cmpuint (json_array_get_length (attachment->files), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachment->files, 0), "name"),
                   ==, "答辩提纲.pdf");
  attachment = zc_declaration_document_get_attachment (document, 1);
  g_assert_cmpstr (attachment->name, ==, "其他证明材料");
  g_assert_false (attachment->required);
  g_assert_cmpuint (json_array_get_length (attachment->files), ==, 0);
  g_assert_cmpstr (zc_declaration_document_get_attachment (document, 2)->name, ==, "委托评审函");

  opinion = zc_declaration_document_get_opinion (document, ZC_OPINION_LEVEL_UNIT);
  g_assert_cmpstr (opinion->text, ==, "同意推荐。");
  g_assert_cmpstr (opinion->signer, ==, "王建国");
  g_assert_cmpstr (opinion->signed_on, ==, "2026-03-20");
  opinion = zc_declaration_document_get_opinion (document, ZC_OPINION_LEVEL_COMMITTEE);
  g_assert_null (opinion->text);
  g_assert_null (opinion->signed_on);
}

static void
test_assemble_document (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcDeclarationDocument) document = zc_declaration_assemble (&f->input, ZC_LANGUAGE_ENGLISH, &error);
  g_autoptr(JsonNode) node = zc_declaration_assemble_json (&f->input, ZC_LANGUAGE_ENGLISH);
  g_autoptr(JsonNode) written = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  /* the document writes back exactly what was assembled */
  written = zc_declaration_document_to_json (document);
  g_assert_true (zc_json_node_equal (node, written));
}

static void
test_full_renders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ZcDeclarationDocument) document = NULL;
  g_autofree char *text = NULL;

  f->input.is_draft = TRUE;
  document = assemble (f, ZC_LANGUAGE_ENGLISH);
  text = render_text (document);
  g_assert_nonnull (strstr (text, "张海峰"));
  g_assert_nonnull (strstr (text, "基于数字孪生的配电网故障定位方法"));
  g_assert_nonnull (strstr (text, "答辩提纲"));
}

static void
test_pending_states (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ZcDeclarationDocument) document = NULL;
  const ZcDocumentEntryGroup *papers;

  /* whatever the unit has not approved is marked */
  zc_record_set_state (find_record (f, PAPER_ID), "returned");
  zc_record_set_state (find_record (f, PENDING_PAPER_ID), "approved");
  document = assemble (f, ZC_LANGUAGE_ENGLISH);
  papers = zc_declaration_document_find_group (document, "papers");
  g_assert_true (((ZcDocumentEntry *) g_ptr_array_index (papers->entries, 0))->pending);
  g_assert_false (((ZcDocumentEntry *) g_ptr_array_index (papers->entries, 1))->pending);
}

static void
test_missing_picks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ZcDeclarationDocument) document = NULL;
  g_autoptr(ZcRecord) unknown_form = zc_record_new ("7b000000-0000-4000-8000-0000000000aa",
                                                     "archive:no-such-form",
                                                     "7a000000-0000-4000-8000-0000000000a1");
  JsonArray *picks = json_object_get_array_member (f->body, "picks");
  JsonObject *pick;

  /* deleted, absent and of an unknown form: left out */
  zc_record_set_deleted (find_record (f, AWARD_ID), TRUE);
  g_ptr_array_remove (f->archive, find_record (f, ASSESSMENT_ID));
  g_ptr_array_add (f->archive, zc_record_ref (unknown_form));
  pick = json_object_new ();
  json_object_set_string_member (pick, "record_id", "7b000000-0000-4000-8000-0000000000aa");
  json_object_set_string_member (pick, "category", "papers");
  json_array_add_object_element (picks, pick);

  document = assemble (f, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpuint (zc_declaration_document_get_n_groups (document), ==, 3);
  g_assert_null (zc_declaration_document_find_group (document, "awards"));
  g_assert_null (zc_declaration_document_find_group (document, "annual-assessments"));
  g_assert_null (zc_declaration_document_find_group (document, "no-such-form"));
  g_assert_cmpuint (zc_declaration_document_find_group (document, "papers")->entries->len, ==, 2);
  g_assert_cmpuint (zc_declaration_document_get_n_entries (document), ==, 4);
}

static void
test_photo_fallback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonObject) personal_photo = image_ref (SHA_A, "image/png");
  g_autoptr(JsonObject) bad_photo = image_ref (SHA_A, "image/gif");
  g_autoptr(ZcDeclarationDocument) with_personal = NULL;
  g_autoptr(ZcDeclarationDocument) without = NULL;

  json_object_remove_member (f->body, "photo");
  f->input.personal_photo = personal_photo;
  with_personal = assemble (f, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpstr (zc_declaration_document_get_photo (with_personal)->sha256, ==, SHA_A);
  g_assert_cmpstr (zc_declaration_document_get_photo (with_personal)->mime, ==, "image/png");

  /* a picture the document cannot hold is left out */
  f->input.personal_photo = bad_photo;
  without = assemble (f, ZC_LANGUAGE_ENGLISH);
  g_assert_null (zc_declaration_document_get_photo (without));
}

static void
test_scanned_commitment (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ZcDeclarationDocument) english = NULL;
  g_autoptr(ZcDeclarationDocument) chinese = NULL;
  JsonObject *commitment = json_object_get_object_member (f->body, "commitment");
  const ZcDocumentAttachment *attachment;

  json_object_remove_member (commitment, "signature");
  json_object_set_object_member (commitment, "scan", file_record (SHA_A, "承诺书.pdf", "application/pdf", 40000));

  english = assemble (f, ZC_LANGUAGE_ENGLISH);
  g_assert_null (zc_declaration_document_get_signature (english));
  g_assert_cmpstr (zc_declaration_document_get_commitment_signed_on (english), ==, "2026-03-02");
  g_assert_cmpuint (zc_declaration_document_get_n_attachments (english), ==, 4);
  attachment = zc_declaration_document_get_attachment (english, 3);
  g_assert_cmpstr (attachment->name, ==, "Personal commitment letter");
  g_assert_true (attachment->required);
  g_assert_cmpuint (json_array_get_length (attachment->files), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachment->files, 0), "name"),
                   ==, "承诺书.pdf");

  chinese = assemble (f, ZC_LANGUAGE_LOCALE);
  g_assert_cmpstr (zc_declaration_document_get_attachment (chinese, 3)->name, ==, "个人承诺书");
}

/* ---- drafts ----------------------------------------------------------- */

static void
test_empty_draft (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GPtrArray) archive = g_ptr_array_new ();
  g_autoptr(ZcDeclarationDocument) document = NULL;
  g_autofree char *text = NULL;
  GDate today;
  char today_text[16];

  json_object_set_string_member (body, "plan_id", "7a000000-0000-4000-8000-000000000001");
  json_object_set_int_member (body, "plan_version", 2);
  memset (&f->input, 0, sizeof f->input);
  f->input.body = body;
  f->input.plan = f->plan;
  f->input.is_draft = TRUE;
  f->input.archive = archive;

  document = assemble (f, ZC_LANGUAGE_ENGLISH);
  g_assert_true (zc_declaration_document_get_is_draft (document));
  g_assert_null (zc_declaration_document_get_id (document));
  g_assert_cmpstr (zc_declaration_document_get_applicant_name (document), ==, "(name not filled in)");
  g_assert_null (zc_declaration_document_get_unit (document));
  g_assert_null (zc_declaration_document_get_title_pick (document));
  g_assert_null (zc_declaration_document_get_method (document));
  g_assert_cmpint (zc_declaration_document_get_professional_years (document), ==, -1);
  g_assert_null (zc_declaration_document_get_photo (document));
  g_assert_null (zc_declaration_document_get_signature (document));
  g_assert_cmpstr (zc_declaration_document_get_work_summary (document), ==, "");
  g_assert_cmpuint (zc_declaration_document_get_n_groups (document), ==, 0);
  g_assert_cmpuint (zc_declaration_document_get_n_attachments (document), ==, 3);
  for (guint i = 0; i < ZC_N_OPINION_LEVELS; i++)
    g_assert_null (zc_declaration_document_get_opinion (document, (ZcOpinionLevel) i)->text);
  g_assert_cmpuint (json_object_get_size (zc_declaration_document_get_personal_info (document)), ==, 0);

  /* filled in today, in Beijing */
  zc_date_today_in_beijing (&today);
  g_snprintf (today_text, sizeof today_text, "%04u-%02u-%02u", (guint) g_date_get_year (&today),
              (guint) g_date_get_month (&today), (guint) g_date_get_day (&today));
  g_assert_cmpstr (zc_declaration_document_get_filled_on (document), ==, today_text);

  text = render_text (document);
  g_assert_nonnull (strstr (text, "2026年度工程技术系列中级职称评审"));
}

static void
test_empty_draft_no_attachments (void)
{
  static const char plan_json[] =
    "{\"year\":2026,\"name\":\"x\",\"contact_phone\":\"13888123456\",\"type\":\"determination\","
    "\"titles\":[],\"declaration_categories\":[],\"methods\":[],\"scope\":\"\",\"region_code\":\"530000\","
    "\"direct_unit_ids\":[],\"commissioned_unit_ids\":[],\"notices\":[],"
    "\"windows\":{\"individual_start\":\"2026-03-01T00:00:00+08:00\","
    "\"first_submission_deadline\":\"2026-04-30T23:59:59+08:00\","
    "\"modification_deadline\":\"2026-05-15T23:59:59+08:00\","
    "\"unit_deadline\":\"2026-05-31T23:59:59+08:00\",\"department_deadline\":\"2026-05-31T23:59:59+08:00\"},"
    "\"exam\":false,\"interview\":false,\"attachments\":[],\"condition_groups\":[]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPlan) plan = zc_plan_new_from_data (plan_json, strlen (plan_json), TRUE, &error);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(ZcDeclarationDocument) document = NULL;
  ZcAssembleInput input = { 0 };

  /* a plan draft from input: no id, committee, nor attachments */
  g_assert_no_error (error);
  input.body = body;
  input.plan = plan;
  input.is_draft = TRUE;
  document = zc_declaration_assemble (&input, ZC_LANGUAGE_ENGLISH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (zc_declaration_document_get_plan_name (document), ==, "x");
  g_assert_null (zc_declaration_document_get_committee (document));
  g_assert_cmpuint (zc_declaration_document_get_n_attachments (document), ==, 0);
  g_assert_cmpuint (zc_declaration_document_get_n_groups (document), ==, 0);
}

static void
test_clamped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ZcDeclarationDocument) document = NULL;
  g_autoptr(GString) long_summary = g_string_new (NULL);
  g_autoptr(GString) long_unit = g_string_new (NULL);
  g_autoptr(GString) long_opinion = g_string_new (NULL);
  g_autofree char *text = NULL;
  JsonObject *commitment = json_object_get_object_member (f->body, "commitment");
  JsonArray *files;
  JsonObject *extra;
  const ZcDocumentAttachment *attachment;

  for (guint i = 0; i < 12000; i++)
    g_string_append (long_summary, i % 100 == 99 ? "\n" : "字");
  for (guint i = 0; i < 300; i++)
    g_string_append (long_unit, "单");
  for (guint i = 0; i < 3000; i++)
    g_string_append (long_opinion, "意");

  /* what a draft, the archive or a caller may hold beyond the document's limits */
  json_object_set_string_member (f->personal_info, "name", "张\t海\n峰");
  json_object_set_string_member (f->body, "work_summary", long_summary->str);
  json_object_set_int_member (f->body, "professional_years", 99);
  json_object_set_string_member (json_object_get_object_member (f->body, "title"), "specialty", "电气\x01工程");
  json_object_set_object_member (f->body, "photo", image_ref ("3A7BD3E2360A3D29EEA436FCFB7E44C735D117C42D1C1835420B6B9942DD4F1B",
                                                               "image/jpeg"));
  json_object_set_string_member (commitment, "signed_on", "2026-3-2");
  files = json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (f->body,
                                                                                                       "attachments"), 0),
                                        "files");
  json_array_add_object_element (files, file_record (SHA_A, "a/b.pdf", "application/pdf", 10));
  json_array_add_object_element (files, file_record (SHA_A, "again.pdf", "application/pdf", 10));  /* same file */
  json_array_add_object_element (files, file_record ("not-a-sha", "c.pdf", "application/pdf", 10));
  json_array_add_object_element (files, file_record (
    "4b7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", "d.pdf", "application/pdf", 0));
  extra = file_record ("5c7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", "e.pdf", "application/pdf", 7);
  json_object_set_string_member (extra, "uploaded_by", "someone");
  json_array_add_object_element (files, extra);
  json_array_add_string_element (files, "not an object");
  f->input.unit_name = long_unit->str;
  f->input.department_name = "部门\r";
  f->input.opinion_text[ZC_OPINION_LEVEL_DEPARTMENT] = long_opinion->str;
  f->input.opinion_signer[ZC_OPINION_LEVEL_DEPARTMENT] = "";
  f->input.opinion_signed_on[ZC_OPINION_LEVEL_DEPARTMENT] = "yesterday";
  f->input.opinion_signed_on[ZC_OPINION_LEVEL_COMMITTEE] = "2026-02-30";
  f->input.declaration_id = "not-a-uuid";

  document = assemble (f, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpstr (zc_declaration_document_get_applicant_name (document), ==, "张 海 峰");
  g_assert_cmpuint (g_utf8_strlen (zc_declaration_document_get_unit (document), -1), ==, 200);
  g_assert_cmpstr (zc_declaration_document_get_department (document), ==, "部门 ");
  g_assert_cmpuint (g_utf8_strlen (zc_declaration_document_get_work_summary (document), -1), ==,
                    ZC_DECLARATION_DOCUMENT_MAX_WORK_SUMMARY);
  g_assert_nonnull (strchr (zc_declaration_document_get_work_summary (document), '\n'));
  g_assert_cmpint (zc_declaration_document_get_professional_years (document), ==, -1);
  g_assert_cmpstr (json_object_get_string_member (zc_declaration_document_get_title_pick (document), "specialty"),
                   ==, "电气 工程");
  g_assert_null (zc_declaration_document_get_photo (document));
  g_assert_null (zc_declaration_document_get_commitment_signed_on (document));
  g_assert_null (zc_declaration_document_get_id (document));

  attachment = zc_declaration_document_get_attachment (document, 0);
  g_assert_cmpuint (json_array_get_length (attachment->files), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachment->files, 1), "name"),
                   ==, "a_b.pdf");
  extra = json_array_get_object_element (attachment->files, 2);
  g_assert_cmpstr (json_object_get_string_member (extra, "name"), ==, "e.pdf");
  g_assert_false (json_object_has_member (extra, "uploaded_by"));

  g_assert_cmpuint (g_utf8_strlen (zc_declaration_document_get_opinion (document, ZC_OPINION_LEVEL_DEPARTMENT)->text,
                                   -1), ==, ZC_DECLARATION_DOCUMENT_MAX_OPINION);
  g_assert_null (zc_declaration_document_get_opinion (document, ZC_OPINION_LEVEL_DEPARTMENT)->signer);
  g_assert_null (zc_declaration_document_get_opinion (document, ZC_OPINION_LEVEL_DEPARTMENT)->signed_on);
  g_assert_null (zc_declaration_document_get_opinion (document, ZC_OPINION_LEVEL_COMMITTEE)->signed_on);

  text = render_text (document);
  g_assert_nonnull (strstr (text, "张海峰"));
}

static void
test_wrong_types (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ZcDeclarationDocument) document = NULL;
  ZcRecord *paper = find_record (f, PAPER_ID);

  /* the personal information is free-form: a wrongly typed name is no name */
  json_object_set_int_member (f->personal_info, "name", 5);
  json_object_set_array_member (f->personal_info, "unit_name", json_array_new ());
  f->input.unit_name = NULL;
  zc_record_set_body (paper, NULL);

  document = assemble (f, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpstr (zc_declaration_document_get_applicant_name (document), ==, "(name not filled in)");
  g_assert_null (zc_declaration_document_get_unit (document));
  g_assert_nonnull (zc_declaration_document_find_group (document, "papers"));
}

static void
test_too_many_files (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ZcDeclarationDocument) document = NULL;
  JsonArray *files = json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (f->body,
                                                                                                                  "attachments"), 0),
                                                   "files");

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) &i, sizeof i);

      json_array_add_object_element (files, file_record (sha, "f.pdf", "application/pdf", 100));
    }
  document = assemble (f, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpuint (json_array_get_length (zc_declaration_document_get_attachment (document, 0)->files), ==,
                    ZC_DECLARATION_DOCUMENT_MAX_FILES);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

#define ADD(path, func) \
  g_test_add ("/declaration-assemble/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("full", test_full);
  ADD ("document", test_assemble_document);
  ADD ("full/renders", test_full_renders);
  ADD ("pending-states", test_pending_states);
  ADD ("missing-picks", test_missing_picks);
  ADD ("photo-fallback", test_photo_fallback);
  ADD ("scanned-commitment", test_scanned_commitment);
  ADD ("empty-draft", test_empty_draft);
  ADD ("clamped", test_clamped);
  ADD ("wrong-types", test_wrong_types);
  ADD ("too-many-files", test_too_many_files);
#undef ADD
  g_test_add_func ("/declaration-assemble/empty-draft/no-attachments", test_empty_draft_no_attachments);

  return g_test_run ();
}
