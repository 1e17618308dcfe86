/* test-review-form.c: the review form PDF and the page and table helpers
 * it is built with, read back with Poppler
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "zc-form-schema.h"
#include "zc-pdf-page.h"
#include "zc-pdf-table.h"
#include "zc-review-form.h"
#include "../fixtures/declarations/declaration-fixture.h"

/* cairo 1.16 leaks one array for each CFF font subset it embeds (Noto
 * CJK is CFF; the leak is gone in cairo 1.17).  LeakSanitizer reads this
 * in sanitizer builds; a TrueType font such as WenQuanYi shows that the
 * code here leaks nothing of cairo's. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libcairo.so.2\n";
}

/* ---- helpers ---------------------------------------------------------- */

static JsonNode *
load_small_json (FixtureBlobs *blobs)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "declarations", "small.json", NULL);
  g_autofree char *photo_path = g_test_build_filename (G_TEST_DIST, "fixtures", "declarations", "photo.jpg", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = NULL;
  char *photo_data = NULL;
  JsonNode *node = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_true (zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  g_assert_no_error (error);

  if (blobs != NULL)
    {
      g_assert_true (g_file_get_contents (photo_path, &photo_data, &length, &error));
      photo = g_bytes_new_take (photo_data, length);
      fixture_add_pictures (json_node_get_object (node), blobs, photo, "image/jpeg");
    }

  return node;
}

static ZcDeclarationDocument *
document_from_json (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  ZcDeclarationDocument *document = zc_declaration_document_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static GBytes *
render (ZcDeclarationDocument *document,
        FixtureBlobs          *blobs,
        ZcLanguage             language)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = zc_review_form_render_to_bytes (document, blobs != NULL ? fixture_blobs_lookup : NULL, blobs,
                                                language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  return pdf;
}

static PopplerDocument *
open_pdf (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Without white space, so that a wrapped value still matches. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  return g_string_free (out, FALSE);
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  char *text = poppler_page_get_text (page);

  g_object_unref (page);
  return text;
}

static char *
all_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *page = page_text (document, i);

      g_string_append (text, page);
      g_string_append_c (text, '\f');
    }
  return g_string_free (text, FALSE);
}

static void
assert_has (const char *squeezed,
            const char *needle)
{
  g_autofree char *wanted = squeeze (needle);

  if (strstr (squeezed, wanted) == NULL)
    g_error ("“%s” is not in the PDF's text", needle);
}

/* ---- the small declaration -------------------------------------------- */

static void
test_small_english (void)
{
  FixtureBlobs *blobs = fixture_blobs_new ();
  g_autoptr(JsonNode) node = load_small_json (blobs);
  g_autoptr(ZcDeclarationDocument) document = document_from_json (node);
  g_autoptr(GBytes) pdf = render (document, blobs, ZC_LANGUAGE_ENGLISH);
  PopplerDocument *poppler = open_pdf (pdf);
  g_autofree char *text = all_text (poppler);
  g_autofree char *flat = squeeze (text);
  int n_pages = poppler_document_get_n_pages (poppler);
  static const char * const expected[] = {
    /* cover and labels */
    "Professional and Technical Qualification Review Form", "Basic information",
    "Personal commitment letter", "Work summary", "Achievements", "Attachments", "Review opinions",
    "Opinion of the employer", "Opinion of the competent department", "Opinion of the review committee",
    /* the cover's fields */
    "李文静", "云南省农业科学院质量标准与检测技术研究所", "云南省农业科学院", "Laboratory technicians",
    "高级实验师", "农产品质量检测", "应用研究", "2026-03-02", "2026年度云南省实验技术系列高级职称评审",
    /* personal information, dictionary labels, integers with units */
    "530102198503120425", "云南昆明", "Female", "Han", "liwenjing@example.cn", "14 years",
    "长期从事农产品农药残留与重金属检测工作", "Regular application",
    /* commitment, summary */
    "本人郑重承诺", "本人2011年7月毕业于云南农业大学", "指导青年技术人员8名，其中3人已取得中级职称。",
    /* entries */
    "云南农业大学", "昆明理工大学", "QuEChERS-气相色谱串联质谱法测定蔬菜中45种农药残留", "1002-6630",
    "CN 11-2206/TS", "CSCD", "获云南省农业科学院2024年度优秀论文二等奖", "实验室能力验证结果的统计分析方法比较研究",
    "To date", "Pending", "Approved", "2024", "Excellent",
    /* attachments and opinions */
    "答辩提纲.pdf (179 KB)", "单位推荐函", "该同志政治立场坚定", "王建国", "2026-03-10",
  };

  g_assert_cmpint (n_pages, >=, 6);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has (flat, expected[i]);

  /* page numbers on every page */
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *page = page_text (poppler, i);
      g_autofree char *label = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      g_assert_nonnull (strstr (page, label));
      g_assert_null (strstr (page, "DRAFT"));
    }

  /* metadata */
  {
    g_autofree char *title = poppler_document_get_title (poppler);
    g_autofree char *author = poppler_document_get_author (poppler);
    g_autofree char *subject = poppler_document_get_subject (poppler);
    g_autofree char *creator = poppler_document_get_creator (poppler);

    g_assert_cmpstr (title, ==, "Review form of 李文静");
    g_assert_cmpstr (author, ==, "李文静");
    g_assert_cmpstr (subject, ==, "2026年度云南省实验技术系列高级职称评审");
    g_assert_true (g_str_has_prefix (creator, "Zhicheng "));
  }

  /* the Chinese font is embedded: nothing is left to the reader's fonts */
  {
    PopplerFontInfo *info = poppler_font_info_new (poppler);
    PopplerFontsIter *iter = NULL;
    guint n_fonts = 0;

    while (poppler_font_info_scan (info, n_pages, &iter))
      {
        if (iter == NULL)
          continue;
        do
          {
            g_assert_true (poppler_fonts_iter_is_embedded (iter));
            g_assert_true (poppler_fonts_iter_is_subset (iter));
            n_fonts++;
          }
        while (poppler_fonts_iter_next (iter));
        poppler_fonts_iter_free (iter);
        iter = NULL;
      }
    poppler_font_info_free (info);
    g_assert_cmpuint (n_fonts, >=, 1);
  }

  /* the photo beside the basic information, the signature under the letter */
  {
    guint n_images = 0;

    for (int i = 0; i < n_pages; i++)
      {
        PopplerPage *page = poppler_document_get_page (poppler, i);
        GList *images = poppler_page_get_image_mapping (page);

        n_images += g_list_length (images);
        poppler_page_free_image_mapping (images);
        g_object_unref (page);
      }
    g_assert_cmpuint (n_images, ==, 2);
  }

  g_object_unref (poppler);
  fixture_blobs_free (blobs);
}

static void
test_small_chinese (void)
{
  FixtureBlobs *blobs = fixture_blobs_new ();
  g_autoptr(JsonNode) node = load_small_json (blobs);
  g_autoptr(ZcDeclarationDocument) document = document_from_json (node);
  g_autoptr(GBytes) pdf = render (document, blobs, ZC_LANGUAGE_LOCALE);
  PopplerDocument *poppler = open_pdf (pdf);
  g_autofree char *text = all_text (poppler);
  g_autofree char *flat = squeeze (text);
  /* labels of forms, dictionaries and review states, translated in
   * po/zh_CN.po; the form's own labels are checked in English */
  static const char * const expected[] = {
    "李文静", "实验技术人才", "高级实验师",
    "教育经历", "工作经历", "撰写论文情况", "考核情况",
    "姓名", "性别", "女", "汉族", "证件号码", "论文题目", "刊物名称",
    "待审核", "通过", "优秀",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has (flat, expected[i]);
  /* no English dictionary label slipped through */
  g_assert_null (strstr (flat, "Female"));

  g_object_unref (poppler);
  fixture_blobs_free (blobs);
}

typedef struct
{
  GPtrArray       *titles;  /* "depth title" */
  PopplerDocument *document;
  gboolean         headings;
} OutlineWalk;

static void
walk_outline (OutlineWalk      *walk,
              PopplerIndexIter *iter,
              guint             depth)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;
      PopplerDest *dest;
      int page_num;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      dest = action->goto_dest.dest;
      if (dest->type == POPPLER_DEST_NAMED)
        {
          PopplerDest *named = poppler_document_find_dest (walk->document, dest->named_dest);

          page_num = named->page_num;
          poppler_dest_free (named);
        }
      else
        page_num = dest->page_num;
      g_assert_cmpint (page_num, >=, 1);
      g_assert_cmpint (page_num, <=, poppler_document_get_n_pages (walk->document));

      /* a bookmark leads to the page that shows its heading */
      if (walk->headings && (depth > 0 || page_num > 1))
        {
          g_autofree char *text = page_text (walk->document, page_num - 1);
          g_autofree char *flat = squeeze (text);

          assert_has (flat, action->goto_dest.title);
        }

      g_ptr_array_add (walk->titles, g_strdup_printf ("%u %s", depth, action->goto_dest.title));
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          walk_outline (walk, child, depth + 1);
          poppler_index_iter_free (child);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
}

/* With @headings, each bookmark's page must show its title. */
static GPtrArray *
outline_titles (PopplerDocument *document,
                gboolean         headings)
{
  OutlineWalk walk = { g_ptr_array_new_with_free_func (g_free), document, headings };
  PopplerIndexIter *iter = poppler_index_iter_new (document);

  g_assert_nonnull (iter);
  walk_outline (&walk, iter, 0);
  poppler_index_iter_free (iter);
  return walk.titles;
}

static char *
category_title (const char *id,
                guint       count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup (id, &error);

  g_assert_no_error (error);
  return g_strdup_printf ("1 %s (%u)", zc_form_schema_get_title (schema, ZC_LANGUAGE_ENGLISH), count);
}

static void
test_small_outline (void)
{
  FixtureBlobs *blobs = fixture_blobs_new ();
  g_autoptr(JsonNode) node = load_small_json (blobs);
  g_autoptr(ZcDeclarationDocument) document = document_from_json (node);
  g_autoptr(GBytes) pdf = render (document, blobs, ZC_LANGUAGE_ENGLISH);
  PopplerDocument *poppler = open_pdf (pdf);
  g_autoptr(GPtrArray) titles = outline_titles (poppler, TRUE);
  g_autofree char *education = category_title ("education", 2);
  g_autofree char *work = category_title ("work-experience", 2);
  g_autofree char *papers = category_title ("papers", 3);
  g_autofree char *assessments = category_title ("annual-assessments", 2);
  /* the archive's order, whatever the document's order */
  const char *expected[] = {
    "0 Cover", "0 Basic information", "0 Personal commitment letter", "0 Work summary",
    "0 Achievements", education, work, papers, assessments,
    "0 Attachments", "0 Review opinions",
    "1 Opinion of the employer", "1 Opinion of the competent department", "1 Opinion of the review committee",
  };

  g_assert_cmpuint (titles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (g_ptr_array_index (titles, i), ==, expected[i]);

  g_object_unref (poppler);
  fixture_blobs_free (blobs);
}

static void
test_draft_watermark (void)
{
  g_autoptr(JsonNode) node = load_small_json (NULL);
  g_autoptr(ZcDeclarationDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *poppler;
  g_autofree char *title = NULL;

  json_object_set_boolean_member (json_node_get_object (node), "is_draft", TRUE);
  document = document_from_json (node);
  pdf = render (document, NULL, ZC_LANGUAGE_ENGLISH);
  poppler = open_pdf (pdf);

  for (int i = 0; i < poppler_document_get_n_pages (poppler); i++)
    {
      g_autofree char *page = page_text (poppler, i);

      g_assert_nonnull (strstr (page, "DRAFT"));
    }
  title = poppler_document_get_title (poppler);
  g_assert_true (g_str_has_suffix (title, "(Draft, not submitted)"));

  g_object_unref (poppler);
}

/* Without a lookup, or when it has no bytes, the boxes stay empty. */
static void
test_without_pictures (void)
{
  FixtureBlobs *blobs = fixture_blobs_new ();
  FixtureBlobs *empty = fixture_blobs_new ();
  g_autoptr(JsonNode) node = load_small_json (blobs);
  g_autoptr(ZcDeclarationDocument) document = document_from_json (node);

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(GBytes) pdf = render (document, run == 0 ? NULL : empty, ZC_LANGUAGE_ENGLISH);
      PopplerDocument *poppler = open_pdf (pdf);
      g_autofree char *text = all_text (poppler);

      for (int i = 0; i < poppler_document_get_n_pages (poppler); i++)
        {
          PopplerPage *page = poppler_document_get_page (poppler, i);
          GList *images = poppler_page_get_image_mapping (page);

          g_assert_null (images);
          g_object_unref (page);
        }
      g_assert_nonnull (strstr (text, "Photo"));
      g_object_unref (poppler);
    }

  fixture_blobs_free (empty);
  fixture_blobs_free (blobs);
}

/* ---- the large declaration -------------------------------------------- */

/* Every character Poppler finds lies on the page; with @strict, also
 * inside the margins but for the header and footer lines. */
static void
assert_text_inside (PopplerDocument *poppler,
                    gboolean         strict)
{
  ZcPdfPageSetup setup;

  zc_pdf_page_setup_init_a4 (&setup);
  for (int i = 0; i < poppler_document_get_n_pages (poppler); i++)
    {
      PopplerPage *page = poppler_document_get_page (poppler, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      const char *p = text;
      guint n_rects = 0;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, setup.width, 0.5);
      g_assert_cmpfloat_with_epsilon (height, setup.height, 0.5);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      g_assert_cmpuint (n_rects, ==, g_utf8_strlen (text, -1));

      for (guint j = 0; j < n_rects; j++, p = g_utf8_next_char (p))
        {
          const PopplerRectangle *r = &rects[j];

          if (g_unichar_isspace (g_utf8_get_char (p)))
            continue;
          if (r->x1 < -0.5 || r->y1 < -0.5 || r->x2 > width + 0.5 || r->y2 > height + 0.5)
            g_error ("page %d: “%.*s” lies at %.1f,%.1f–%.1f,%.1f, outside the page",
                     i + 1, (int) (g_utf8_next_char (p) - p), p, r->x1, r->y1, r->x2, r->y2);
          if (strict &&
              (r->x1 < setup.margin_left - 1.0 || r->x2 > width - setup.margin_right + 1.0 ||
               r->y1 < setup.margin_top - 30.0 || r->y2 > height - setup.margin_bottom + 30.0))
            g_error ("page %d: “%.*s” lies at %.1f,%.1f–%.1f,%.1f, outside the margins",
                     i + 1, (int) (g_utf8_next_char (p) - p), p, r->x1, r->y1, r->x2, r->y2);
        }
      g_object_unref (page);
    }
}

static void
test_large (void)
{
  g_autoptr(JsonNode) node = fixture_large_document (200, ZC_DECLARATION_DOCUMENT_MAX_WORK_SUMMARY);
  g_autoptr(ZcDeclarationDocument) draft = document_from_json (node);
  g_autoptr(ZcDeclarationDocument) final = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *poppler;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  int n_pages;

  g_assert_cmpuint (zc_declaration_document_get_n_entries (draft), ==, 200);
  g_assert_cmpuint (g_utf8_strlen (zc_declaration_document_get_work_summary (draft), -1), ==,
                    ZC_DECLARATION_DOCUMENT_MAX_WORK_SUMMARY);

  pdf = render (draft, NULL, ZC_LANGUAGE_ENGLISH);
  poppler = open_pdf (pdf);
  n_pages = poppler_document_get_n_pages (poppler);
  g_test_message ("200 entries, %u characters of summary: %d pages",
                  ZC_DECLARATION_DOCUMENT_MAX_WORK_SUMMARY, n_pages);
  g_assert_cmpint (n_pages, >, 20);

  text = all_text (poppler);
  flat = squeeze (text);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *token = g_strdup_printf ("E%03u", i);

      assert_has (flat, token);
    }
  assert_has (flat, "【开始】");
  assert_has (flat, "【全文完】");
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *page = page_text (poppler, i);
      g_autofree char *label = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      g_assert_nonnull (strstr (page, "DRAFT"));
      g_assert_nonnull (strstr (page, label));
    }
  assert_text_inside (poppler, FALSE);
  g_object_unref (poppler);
  g_clear_pointer (&pdf, g_bytes_unref);

  /* without the watermark, nothing leaves the margins either */
  json_object_set_boolean_member (json_node_get_object (node), "is_draft", FALSE);
  final = document_from_json (node);
  pdf = render (final, NULL, ZC_LANGUAGE_LOCALE);
  poppler = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (poppler), >, 20);
  assert_text_inside (poppler, TRUE);
  g_object_unref (poppler);
}

/* ---- failures ----------------------------------------------------------- */

static GBytes *
failing_lookup (const char  *sha256,
                gpointer     user_data,
                GError     **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "blob store is offline");
  return NULL;
}

static void
assert_render_fails (ZcDeclarationDocument  *document,
                     ZcReviewFormBlobLookup  lookup,
                     gpointer                data,
                     GQuark                  domain,
                     int                     code,
                     const char             *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = zc_review_form_render_to_bytes (document, lookup, data, ZC_LANGUAGE_ENGLISH, &error);

  g_assert_null (pdf);
  g_assert_error (error, domain, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, error->message);
}

static ZcDeclarationDocument *
small_with_photo (FixtureBlobs *blobs,
                  GBytes       *photo)
{
  g_autoptr(JsonNode) node = load_small_json (NULL);

  fixture_add_pictures (json_node_get_object (node), blobs, photo, "image/png");
  return document_from_json (node);
}

static void
test_blob_failures (void)
{
  FixtureBlobs *blobs = fixture_blobs_new ();
  g_autoptr(GBytes) png = fixture_make_photo_png ();
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture at all", 20);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) / 2);
  g_autoptr(ZcDeclarationDocument) good = small_with_photo (blobs, png);
  g_autoptr(ZcDeclarationDocument) not_image = small_with_photo (blobs, text);
  g_autoptr(ZcDeclarationDocument) damaged = small_with_photo (blobs, truncated);
  const char *sha256 = zc_declaration_document_get_photo (good)->sha256;

  /* a PNG photo is decoded and embedded */
  {
    g_autoptr(GBytes) pdf = render (good, blobs, ZC_LANGUAGE_ENGLISH);
    PopplerDocument *poppler = open_pdf (pdf);
    PopplerPage *page = poppler_document_get_page (poppler, 1);
    GList *images = poppler_page_get_image_mapping (page);

    g_assert_cmpuint (g_list_length (images), ==, 1);
    poppler_page_free_image_mapping (images);
    g_object_unref (page);
    g_object_unref (poppler);
  }

  /* the store fails */
  assert_render_fails (good, failing_lookup, NULL, ZC_REVIEW_FORM_ERROR, ZC_REVIEW_FORM_ERROR_BLOB,
                       "blob store is offline");
  /* the bytes are not the file the document names */
  assert_render_fails (not_image, fixture_blobs_lookup, blobs, ZC_PDF_ERROR, ZC_PDF_ERROR_IMAGE, NULL);
  assert_render_fails (damaged, fixture_blobs_lookup, blobs, ZC_PDF_ERROR, ZC_PDF_ERROR_IMAGE, NULL);
  g_hash_table_replace (blobs->bytes, g_strdup (sha256), g_bytes_ref (text));
  assert_render_fails (good, fixture_blobs_lookup, blobs, ZC_REVIEW_FORM_ERROR, ZC_REVIEW_FORM_ERROR_BLOB, sha256);

  fixture_blobs_free (blobs);
}

static void
test_unknown_category (void)
{
  static const char * const categories[] = { "no-such-category", "personal-info" };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(JsonNode) node = load_small_json (NULL);
      JsonObject *entries = json_object_get_object_member (json_node_get_object (node), "entries");
      JsonArray *array = json_array_new ();
      JsonObject *entry = json_object_new ();
      g_autoptr(ZcDeclarationDocument) document = NULL;

      json_object_set_string_member (entry, "id", "0a4f6c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b");
      json_object_set_object_member (entry, "body", json_object_new ());
      json_array_add_object_element (array, entry);
      json_object_set_array_member (entries, categories[i], array);
      document = document_from_json (node);

      assert_render_fails (document, NULL, NULL, ZC_REVIEW_FORM_ERROR, ZC_REVIEW_FORM_ERROR_UNKNOWN_CATEGORY,
                           categories[i]);
    }

  /* a category without entries is left out, known or not */
  {
    g_autoptr(JsonNode) node = load_small_json (NULL);
    JsonObject *entries = json_object_get_object_member (json_node_get_object (node), "entries");
    g_autoptr(ZcDeclarationDocument) document = NULL;
    g_autoptr(GBytes) pdf = NULL;

    json_object_set_array_member (entries, "no-such-category", json_array_new ());
    document = document_from_json (node);
    pdf = render (document, NULL, ZC_LANGUAGE_ENGLISH);
  }
}

static void
test_write_failure (void)
{
  g_autoptr(JsonNode) node = load_small_json (NULL);
  g_autoptr(ZcDeclarationDocument) document = document_from_json (node);
  g_autofree char *buffer = g_malloc (4096);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (buffer, 4096, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (zc_review_form_render (document, NULL, NULL, out, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "The PDF could not be written"));
}

/* Rendering where fontconfig knows only DejaVu (no Chinese) must fail
 * with ZC_PDF_ERROR_NO_CJK_FONT instead of printing boxes. */
static void
test_no_cjk_font (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("zc-fonts-XXXXXX", &error);
      g_autofree char *conf = g_build_filename (dir, "fonts.conf", NULL);
      g_autofree char *cache = g_build_filename (dir, "cache", NULL);
      g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                              "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
                                              "<fontconfig>\n"
                                              "  <dir>/usr/share/fonts/truetype/dejavu</dir>\n"
                                              "  <cachedir>%s</cachedir>\n"
                                              "</fontconfig>\n", cache);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(ZcDeclarationDocument) document = NULL;
      g_autoptr(GBytes) pdf = NULL;

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (conf, xml, -1, &error));
      /* before anything in this process has asked fontconfig */
      g_setenv ("FONTCONFIG_FILE", conf, TRUE);

      node = load_small_json (NULL);
      document = document_from_json (node);
      pdf = zc_review_form_render_to_bytes (document, NULL, NULL, ZC_LANGUAGE_ENGLISH, &error);
      g_assert_null (pdf);
      g_assert_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_NO_CJK_FONT);
      g_print ("%s\n", error->message);

      g_unlink (conf);
      {
        g_autoptr(GDir) cache_dir = g_dir_open (cache, 0, NULL);
        const char *name;

        while (cache_dir != NULL && (name = g_dir_read_name (cache_dir)) != NULL)
          {
            g_autofree char *path = g_build_filename (cache, name, NULL);

            g_unlink (path);
          }
      }
      g_rmdir (cache);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*No installed font can show Chinese text*fonts-noto-cjk*");
}

/* ---- page helpers ------------------------------------------------------- */

static ZcPdfDocument *
new_pdf (void)
{
  g_autoptr(GError) error = NULL;
  ZcPdfPageSetup setup;
  ZcPdfDocument *pdf;

  zc_pdf_page_setup_init_a4 (&setup);
  pdf = zc_pdf_document_new (&setup, NULL, ZC_LANGUAGE_ENGLISH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static PopplerDocument *
write_pdf (ZcPdfDocument *pdf)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (zc_pdf_document_write (pdf, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  return open_pdf (bytes);
}

static char *
footer (guint    page,
        guint    n_pages,
        gpointer user_data)
{
  return g_strdup_printf ("%s %u/%u", (const char *) user_data, page, n_pages);
}

static void
test_page_flow (void)
{
  g_autoptr(ZcPdfDocument) pdf = new_pdf ();
  PopplerDocument *poppler;
  GString *text = g_string_new (NULL);
  ZcPdfTextStyle style;
  int previous_page = 0;

  /* the font that covers Chinese is known */
  g_assert_nonnull (zc_pdf_document_get_font_name (pdf));
  g_assert_cmpstr (zc_pdf_document_get_font_name (pdf), !=, "");
  g_assert_cmpfloat (zc_pdf_document_get_setup (pdf)->width, ==, ZC_PDF_A4_WIDTH);

  /* the cursor */
  g_assert_cmpuint (zc_pdf_document_get_n_pages (pdf), ==, 1);
  g_assert_true (zc_pdf_document_is_at_top (pdf));
  g_assert_false (zc_pdf_document_ensure_space (pdf, 10.0));
  /* at the top, a block taller than a page stays: its drawer splits it */
  g_assert_false (zc_pdf_document_ensure_space (pdf, zc_pdf_document_get_content_height (pdf) + 1.0));
  g_assert_cmpfloat_with_epsilon (zc_pdf_document_get_space_left (pdf), zc_pdf_document_get_content_height (pdf), 0.01);
  zc_pdf_document_advance (pdf, 100.0);
  g_assert_false (zc_pdf_document_is_at_top (pdf));
  g_assert_false (zc_pdf_document_ensure_space (pdf, zc_pdf_document_get_space_left (pdf)));
  g_assert_true (zc_pdf_document_ensure_space (pdf, zc_pdf_document_get_space_left (pdf) + 1.0));
  g_assert_cmpuint (zc_pdf_document_get_n_pages (pdf), ==, 2);
  g_assert_true (zc_pdf_document_is_at_top (pdf));
  g_assert_cmpint (zc_pdf_document_add_outline (pdf, 0, "第二页", TRUE), ==, 1);
  zc_pdf_document_advance (pdf, 1e6);
  g_assert_cmpfloat (zc_pdf_document_get_space_left (pdf), ==, 0.0);

  /* a long text flows over the pages that follow, line by line */
  zc_pdf_document_set_header (pdf, "左边的页眉", "Right header");
  zc_pdf_document_set_footer_func (pdf, footer, (gpointer) "foot", NULL);
  zc_pdf_document_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, "流式排版");
  zc_pdf_document_new_page (pdf);
  g_assert_cmpint (zc_pdf_document_add_outline (pdf, 1, "Lines", FALSE), ==, 2);
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%sLine%03u 第%u行", i > 0 ? "\n" : "", i, i);
  zc_pdf_text_style_init (&style, 11.0);
  zc_pdf_document_add_text (pdf, &style, text->str, 20.0, 0.0);
  g_assert_cmpuint (zc_pdf_document_get_n_pages (pdf), >=, 5);
  g_assert_cmpuint (zc_pdf_document_get_n_outline_items (pdf), ==, 2);

  poppler = write_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (poppler), ==, zc_pdf_document_get_n_pages (pdf));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("Line%03u 第%u行", i, i);
      int found = 0;

      for (int p = 0; p < poppler_document_get_n_pages (poppler); p++)
        {
          g_autofree char *page = page_text (poppler, p);

          if (strstr (page, line) != NULL)
            {
              g_assert_cmpint (found, ==, 0);
              found = p + 1;
            }
        }
      /* every line once, in order */
      g_assert_cmpint (found, >=, previous_page);
      previous_page = found;
    }
  {
    g_autofree char *first = page_text (poppler, 0);
    g_autofree char *third = page_text (poppler, 2);
    g_autofree char *title = poppler_document_get_title (poppler);
    g_autoptr(GPtrArray) titles = NULL;

    /* the header begins with the pages started after it was set */
    g_assert_null (strstr (first, "左边的页眉"));
    g_assert_nonnull (strstr (third, "左边的页眉"));
    g_assert_nonnull (strstr (third, "Right header"));
    g_assert_nonnull (strstr (first, "foot 1/"));
    g_assert_cmpstr (title, ==, "流式排版");
    titles = outline_titles (poppler, FALSE);
    g_assert_cmpuint (titles->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "0 第二页");
    g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "1 Lines");
  }
  assert_text_inside (poppler, TRUE);
  g_object_unref (poppler);
  g_string_free (text, TRUE);
}

static void
test_images (void)
{
  g_autofree char *jpeg_path = g_test_build_filename (G_TEST_DIST, "fixtures", "declarations", "photo.jpg", NULL);
  g_autoptr(GBytes) png = fixture_make_photo_png ();
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  char *data = NULL;
  gsize length;

  /* PNG: decoded */
  surface = zc_pdf_image_load (png, ZC_LANGUAGE_ENGLISH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 250);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 350);

  /* drawn as large as fits, centred, keeping its shape */
  {
    cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
    cairo_t *cr = cairo_create (target);
    const guint32 *pixels;
    int stride;

    zc_pdf_draw_image (cr, surface, 0, 0, 100, 100);
    cairo_destroy (cr);
    cairo_surface_flush (target);
    pixels = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (target);
    stride = cairo_image_surface_get_stride (target) / 4;
    g_assert_cmpuint (pixels[50 * stride + 5] >> 24, ==, 0);     /* left of the picture */
    g_assert_cmpuint (pixels[50 * stride + 50] >> 24, ==, 0xff);  /* the middle */
    g_assert_cmpuint (pixels[50 * stride + 94] >> 24, ==, 0);     /* right of it */
    cairo_surface_destroy (target);
  }
  cairo_surface_destroy (surface);

  /* JPEG: passed on as it is, with its size read from the file */
  g_assert_true (g_file_get_contents (jpeg_path, &data, &length, &error));
  jpeg = g_bytes_new_take (data, length);
  surface = zc_pdf_image_load (jpeg, ZC_LANGUAGE_ENGLISH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 150);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 210);
  {
    const unsigned char *mime = NULL;
    unsigned long mime_length = 0;

    cairo_surface_get_mime_data (surface, CAIRO_MIME_TYPE_JPEG, &mime, &mime_length);
    g_assert_cmpuint (mime_length, ==, length);
  }
  cairo_surface_destroy (surface);
}

static void
test_bad_images (void)
{
  static const guchar huge_png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 6, 0, 0, 0, 0, 0, 0, 0,
  };
  static const guchar no_frame_jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 'J', 'F', 0xff, 0xd9 };
  static const guchar cut_jpeg[] = { 0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08 };
  g_autoptr(GBytes) png = fixture_make_photo_png ();
  GBytes *cases[] = {
    g_bytes_new_static ("", 0),
    g_bytes_new_static ("GIF89a not supported", 20),
    g_bytes_new_static (huge_png, sizeof huge_png),
    g_bytes_new_static (no_frame_jpeg, sizeof no_frame_jpeg),
    g_bytes_new_static (cut_jpeg, sizeof cut_jpeg),
    g_bytes_new_from_bytes (png, 0, 60),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface = zc_pdf_image_load (cases[i], ZC_LANGUAGE_ENGLISH, &error);

      g_assert_null (surface);
      g_assert_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_IMAGE);
      g_assert_cmpstr (error->message, !=, "");
      g_bytes_unref (cases[i]);
    }
}

/* ---- tables ------------------------------------------------------------- */

static int
count (const char *haystack,
       const char *needle)
{
  int n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_table_repeats_header (void)
{
  g_autoptr(ZcPdfDocument) pdf = new_pdf ();
  g_autoptr(ZcPdfTable) table = zc_pdf_table_new (pdf);
  PopplerDocument *poppler;
  int n_pages;

  zc_pdf_table_add_column (table, "ColumnA", 1.0, 40.0);
  zc_pdf_table_add_column (table, "ColumnB", 3.0, 40.0);
  zc_pdf_table_add_column (table, NULL, 1.0, 40.0);
  g_assert_cmpuint (zc_pdf_table_get_n_columns (table), ==, 3);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *key = g_strdup_printf ("row%03u", i);

      zc_pdf_table_begin_row (table, ZC_PDF_ROW_NORMAL);
      zc_pdf_table_add_cell (table, key, 1, ZC_PDF_CELL_LABEL);
      if (i % 10 == 0)  /* a cell over two columns */
        zc_pdf_table_add_cell (table, "跨两列的单元格", 2, ZC_PDF_CELL_CENTER);
      else  /* a short row: the last cell is left out */
        zc_pdf_table_add_cell (table, "值", 1, ZC_PDF_CELL_NORMAL);
    }
  g_assert_cmpuint (zc_pdf_table_get_n_rows (table), ==, 150);
  /* widths: minimum plus a share by weight */
  g_assert_cmpfloat_with_epsilon (zc_pdf_table_get_column_width (table, 0) + zc_pdf_table_get_column_width (table, 1) +
                                  zc_pdf_table_get_column_width (table, 2), zc_pdf_document_get_content_width (pdf), 0.01);
  g_assert_cmpfloat (zc_pdf_table_get_column_width (table, 1), >, zc_pdf_table_get_column_width (table, 0));
  g_assert_cmpfloat (zc_pdf_table_measure (table), >, zc_pdf_document_get_content_height (pdf) * 2);

  zc_pdf_document_advance (pdf, 300.0);
  zc_pdf_table_draw (table);
  poppler = write_pdf (pdf);
  n_pages = poppler_document_get_n_pages (poppler);
  g_assert_cmpint (n_pages, >=, 3);

  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *page = page_text (poppler, p);

      /* the titles once on every page the table reaches */
      g_assert_cmpint (count (page, "ColumnA"), ==, 1);
      g_assert_cmpint (count (page, "ColumnB"), ==, 1);
    }
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *text = all_text (poppler);
      g_autofree char *key = g_strdup_printf ("row%03u", i);

      g_assert_cmpint (count (text, key), ==, 1);
    }
  assert_text_inside (poppler, TRUE);
  g_object_unref (poppler);
}

static void
test_table_splits_tall_row (void)
{
  g_autoptr(ZcPdfDocument) pdf = new_pdf ();
  g_autoptr(ZcPdfTable) table = zc_pdf_table_new (pdf);
  g_autofree char *long_text = fixture_long_text (6000);
  g_autofree char *flat_text = squeeze (long_text);
  g_autoptr(GString) found = g_string_new (NULL);
  PopplerDocument *poppler;
  int n_pages;

  zc_pdf_table_add_column (table, "Key", 1.0, 60.0);
  zc_pdf_table_add_column (table, "Value", 2.0, 60.0);
  zc_pdf_table_begin_row (table, ZC_PDF_ROW_NORMAL);
  zc_pdf_table_add_cell (table, "first", 1, ZC_PDF_CELL_NORMAL);
  zc_pdf_table_add_cell (table, "short", 1, ZC_PDF_CELL_NORMAL);
  zc_pdf_table_begin_row (table, ZC_PDF_ROW_NORMAL);
  zc_pdf_table_add_cell (table, "tall", 1, ZC_PDF_CELL_TOP);
  zc_pdf_table_add_cell (table, long_text, 1, ZC_PDF_CELL_NORMAL);
  zc_pdf_table_begin_row (table, ZC_PDF_ROW_KEEP_WITH_PREVIOUS);
  zc_pdf_table_add_cell (table, "after", 2, ZC_PDF_CELL_RIGHT);
  zc_pdf_table_set_row_min_height (table, 50.0);
  zc_pdf_table_draw (table);

  poppler = write_pdf (pdf);
  n_pages = poppler_document_get_n_pages (poppler);
  g_assert_cmpint (n_pages, >=, 3);
  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *page = page_text (poppler, p);
      g_autofree char *flat = squeeze (page);
      const char *start = flat;

      g_assert_nonnull (strstr (page, "Key"));
      /* the cell's lines, in order, each once */
      if (g_str_has_prefix (start, "KeyValue"))
        start += strlen ("KeyValue");
      if (g_str_has_prefix (start, "firstshort"))
        start += strlen ("firstshort");
      if (g_str_has_prefix (start, "tall"))
        start += strlen ("tall");
      if (g_str_has_suffix (start, "after"))
        ((char *) start)[strlen (start) - strlen ("after")] = '\0';
      g_string_append (found, start);
    }
  g_assert_cmpstr (found->str, ==, flat_text);
  assert_text_inside (poppler, TRUE);
  g_object_unref (poppler);
}

static char *
format (const char *form,
        const char *field_id,
        const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup (form, &error);
  g_autoptr(JsonNode) value = json != NULL ? json_from_string (json, &error) : NULL;
  const ZcFormField *field;

  g_assert_no_error (error);
  field = zc_form_schema_find_field (schema, field_id);
  g_assert_nonnull (field);
  return zc_pdf_format_value (field, value, ZC_LANGUAGE_ENGLISH);
}

static void
test_format_values (void)
{
  static const struct {
    const char *form, *field, *json, *expected;
  } cases[] = {
    { "papers", "title", "\"论文题目\"", "论文题目" },
    { "papers", "title", "42", "42" },                     /* wrong type: shown as JSON */
    { "papers", "title", "null", "" },
    { "papers", "title", "\"\"", "" },
    { "papers", "title", NULL, "" },
    { "papers", "published_on", "\"2021-05-15\"", "2021-05-15" },
    { "papers", "paper_type", "\"1\"", "Journal article" },
    { "papers", "paper_type", "\"zz\"", "zz" },             /* a code the list lacks */
    { "papers", "paper_type", "1", "1" },
    { "papers", "indexed_in", "[\"cscd\",\"ei\"]", "CSCD, EI" },
    { "papers", "indexed_in", "[1]", "[1]" },
    { "papers", "indexed_in", "[]", "" },
    { "papers", "own_words", "6", "6 thousand characters" },
    { "papers", "own_words", "\"6\"", "\"6\"" },
    { "papers", "attachments", "[{},{}]", "2" },
    { "papers", "attachments", "{}", "{}" },
    { "education", "overseas", "true", "Yes" },
    { "education", "overseas", "false", "No" },
    { "education", "overseas", "0", "0" },
    { "education", "schooling_years", "4", "4 years" },
    { "work-experience", "end_on", NULL, "To date" },
    { "work-experience", "end_on", "\"\"", "To date" },
    { "work-experience", "end_on", "\"2018-12-31\"", "2018-12-31" },
    { "work-experience", "start_on", NULL, "" },
    { "annual-assessments", "year", "2024", "2024" },
    { "annual-assessments", "year", "2024.5", "2024.5" },
    { "personal-info", "highest_title",
      "{\"series\":\"20\",\"category\":\"实验技术\",\"level\":\"中级\",\"title\":\"实验师\"}",
      "Laboratory technicians-实验技术-实验师" },
    { "personal-info", "highest_title",
      "{\"series\":\"99\",\"title\":\"某职称\",\"specialty\":\"某专业\"}", "99-某职称 某专业" },
    { "personal-info", "highest_title", "\"实验师\"", "\"实验师\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = format (cases[i].form, cases[i].field, cases[i].json);

      g_test_message ("%s.%s = %s", cases[i].form, cases[i].field, cases[i].json ? cases[i].json : "(absent)");
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autofree char *pair = zc_pdf_format_label_value ("Journal", "食品科学", ZC_LANGUAGE_ENGLISH);
    g_autofree char *empty = zc_pdf_format_label_value ("Journal", NULL, ZC_LANGUAGE_ENGLISH);
    g_autofree char *local = zc_pdf_format_label_value ("Journal", "x", ZC_LANGUAGE_LOCALE);

    g_assert_cmpstr (pair, ==, "Journal: 食品科学");
    g_assert_cmpstr (empty, ==, "Journal: ");
    g_assert_true (g_str_has_prefix (local, "Journal"));
  }
}

static void
test_form_table (void)
{
  g_autoptr(ZcPdfDocument) pdf = new_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcFormSchema) papers = zc_form_schema_lookup ("papers", &error);
  g_autoptr(ZcFormSchema) assessments = zc_form_schema_lookup ("annual-assessments", &error);
  g_autoptr(ZcPdfTable) with_marker = NULL;
  g_autoptr(ZcPdfTable) plain = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"title\":\"T1\",\"journal\":\"J1\",\"published_on\":\"2021-05-15\","
                                               "\"paper_type\":\"1\",\"author_rank\":\"2\",\"own_words\":6,"
                                               "\"notes\":\"N1\",\"attachments\":[{},{},{}]}", NULL);
  PopplerDocument *poppler;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_no_error (error);
  /* number, six fields, the marker, the attachments */
  with_marker = zc_pdf_table_new_for_form (pdf, papers, "Status", ZC_LANGUAGE_ENGLISH);
  g_assert_cmpuint (zc_pdf_table_get_n_columns (with_marker), ==, 9);
  /* number, three short fields, the attachments; notes go underneath */
  plain = zc_pdf_table_new_for_form (pdf, assessments, NULL, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpuint (zc_pdf_table_get_n_columns (plain), ==, 5);

  zc_pdf_table_add_record (with_marker, json_node_get_object (body), "Pending");
  zc_pdf_table_add_record (with_marker, json_node_get_object (body), NULL);
  /* a record with no other fields gets no second row */
  zc_pdf_table_add_record (plain, json_object_new (), NULL);
  g_assert_cmpuint (zc_pdf_table_get_n_rows (with_marker), ==, 4);
  g_assert_cmpuint (zc_pdf_table_get_n_rows (plain), ==, 1);
  zc_pdf_table_draw (with_marker);
  zc_pdf_table_draw (plain);

  poppler = write_pdf (pdf);
  text = all_text (poppler);
  flat = squeeze (text);
  /* the summary fields are columns; the rest are "label: value" below */
  assert_has (flat, "Papertitle");
  assert_has (flat, "Journalorproceedings");
  assert_has (flat, "Journal article");
  assert_has (flat, "Author rank: First author");
  assert_has (flat, "Length written by you: 6 thousand characters");
  assert_has (flat, "Publication, awards and conference presentations: N1");
  assert_has (flat, "Pending");
  g_assert_cmpint (count (flat, "T1"), ==, 2);
  g_object_unref (poppler);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add_func ("/review-form/small/english", test_small_english);
  g_test_add_func ("/review-form/small/chinese", test_small_chinese);
  g_test_add_func ("/review-form/small/outline", test_small_outline);
  g_test_add_func ("/review-form/draft-watermark", test_draft_watermark);
  g_test_add_func ("/review-form/without-pictures", test_without_pictures);
  g_test_add_func ("/review-form/large", test_large);
  g_test_add_func ("/review-form/blob-failures", test_blob_failures);
  g_test_add_func ("/review-form/unknown-category", test_unknown_category);
  g_test_add_func ("/review-form/write-failure", test_write_failure);
  g_test_add_func ("/review-form/no-cjk-font", test_no_cjk_font);
  g_test_add_func ("/pdf-page/flow", test_page_flow);
  g_test_add_func ("/pdf-page/images", test_images);
  g_test_add_func ("/pdf-page/bad-images", test_bad_images);
  g_test_add_func ("/pdf-table/repeats-header", test_table_repeats_header);
  g_test_add_func ("/pdf-table/splits-tall-row", test_table_splits_tall_row);
  g_test_add_func ("/pdf-table/format-values", test_format_values);
  g_test_add_func ("/pdf-table/form-table", test_form_table);

  return g_test_run ();
}
