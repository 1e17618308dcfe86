/* test-declaration-pdf.c: the review form of a declaration over HTTP —
 * the PDF, the page previews, the cache by version, who may see it
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "zc-date.h"
#include "zc-json.h"
#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

/* the demo committee's published review plan, open around the server's time */
#define DEMO_REVIEW_PLAN "de600000-0000-4000-8000-000000000001"
/* 周涛's, in the unit's review, with its files */
#define DEMO_DECLARATION "de700000-0000-4000-8000-000000000001"
#define DEMO_DECLARANT   "410102198704230033"
#define APPLICANT_NAME   "林晓明"
/* born 1 January 1990 (zc_server_test_id_number ()) */
#define PERSONAL_INFO \
  "{\"base_version\": 0, \"body\": {\"ethnic_group\": \"01\", \"birth_date\": \"1990-01-01\"," \
  " \"political_status\": \"13\", \"id_type\": \"111\", \"nationality\": \"中国\", \"mobile\": \"13900000402\"," \
  " \"email\": \"lin@example.com\", \"address\": \"河南省郑州市金水区示范路 1 号\"," \
  " \"unit_name\": \"郑州市示范人民医院\", \"unit_nature\": \"20\", \"work_started_on\": \"2013-07-01\"," \
  " \"current_profession\": \"心血管内科\", \"work_years\": 12, \"specialty_years\": 10}}"

typedef struct
{
  ZcTestServer *server;
  char         *admin;
  char         *applicant;     /* a new applicant of the demo hospital */
  char         *other;         /* 张伟, another applicant */
  char         *hr_officer;    /* another unit's officer */
  char         *declaration;   /* the applicant's draft */
  char         *pdf_path;
} Fixture;

typedef struct
{
  guint       status;
  GBytes     *body;            /* owned */
  char       *content_type;    /* owned, nullable */
  char       *etag;            /* owned, nullable */
  char       *cache;           /* owned, nullable: X-Zhicheng-Cache */
  char       *pages;           /* owned, nullable: X-Zhicheng-Pages */
} Answer;

static void
answer_free (Answer *answer)
{
  g_bytes_unref (answer->body);
  g_free (answer->content_type);
  g_free (answer->etag);
  g_free (answer->cache);
  g_free (answer->pages);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

static Answer *
fetch (ZcTestServer *server,
       const char   *method,
       const char   *path,
       const char   *token,
       const char   *if_none_match)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autofree char *url = g_strconcat (server->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *request_headers = soup_message_get_request_headers (msg);
  SoupMessageHeaders *headers;
  Answer *answer = g_new0 (Answer, 1);

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", authorization);
    }
  if (if_none_match != NULL)
    soup_message_headers_replace (request_headers, "If-None-Match", if_none_match);
  soup_message_headers_replace (request_headers, "Accept-Language", "en");

  answer->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  answer->status = soup_message_get_status (msg);
  headers = soup_message_get_response_headers (msg);
  answer->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  answer->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  answer->cache = g_strdup (soup_message_headers_get_one (headers, "X-Zhicheng-Cache"));
  answer->pages = g_strdup (soup_message_headers_get_one (headers, "X-Zhicheng-Pages"));

  return answer;
}

static Answer *
fetch_ok (Fixture    *fixture,
          const char *path,
          const char *token,
          const char *content_type)
{
  Answer *answer = fetch (fixture->server, "GET", path, token, NULL);

  if (answer->status != 200)
    g_error ("GET %s: %u %.*s", path, answer->status, (int) g_bytes_get_size (answer->body),
             (const char *) g_bytes_get_data (answer->body, NULL));
  g_assert_cmpstr (answer->content_type, ==, content_type);
  g_assert_nonnull (answer->etag);
  return answer;
}

/* The error answer's code, checking it is a JSON error. */
static void
assert_error (Answer     *answer,
              guint       status,
              const char *code)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (answer->body, &size);

  g_assert_cmpuint (answer->status, ==, status);
  g_assert_cmpstr (answer->content_type, ==, "application/json");
  g_assert_true (zc_json_parse (data, size, ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  zc_test_assert_error (node, code);
}

static void
expect_error (Fixture    *fixture,
              const char *path,
              const char *token,
              guint       status,
              const char *code)
{
  g_autoptr(Answer) answer = fetch (fixture->server, "GET", path, token, NULL);

  assert_error (answer, status, code);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *hospital = NULL;
  g_autofree char *account = NULL;
  g_autofree char *id_number = zc_server_test_id_number (402, TRUE);
  g_autoptr(JsonNode) created = NULL;

  fixture->server = zc_test_server_start (demo);
  fixture->admin = zc_server_test_admin_token (fixture->server);
  hospital = zc_server_test_id_of_unit (fixture->server, fixture->admin, ZC_TEST_DEMO_HOSPITAL_CODE);
  account = zc_server_test_add_account (fixture->server, fixture->admin, id_number, APPLICANT_NAME, "applicant",
                                        hospital, &fixture->applicant);
  /* the form takes the name from the personal information */
  json_node_unref (zc_server_test_ok (fixture->server, "PUT", "/api/v1/me/personal-info", fixture->applicant,
                                      PERSONAL_INFO, 200));
  fixture->other = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  fixture->hr_officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_HR_OFFICER, ZC_TEST_DEMO_PASSWORD);

  created = zc_server_test_ok (fixture->server, "POST", "/api/v1/declarations", fixture->applicant,
                               "{\"body\": {\"plan_id\": \"" DEMO_REVIEW_PLAN "\", \"plan_version\": 1,"
                               " \"method\": \"regular\"}}", 201);
  fixture->declaration = g_strdup (zc_test_member_string (created, "id"));
  fixture->pdf_path = g_strdup_printf ("/api/v1/declarations/%s/review-form.pdf", fixture->declaration);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zc_test_server_stop (fixture->server);
  g_free (fixture->admin);
  g_free (fixture->applicant);
  g_free (fixture->other);
  g_free (fixture->hr_officer);
  g_free (fixture->declaration);
  g_free (fixture->pdf_path);
}

static char *
page_path (Fixture    *fixture,
           guint       page,
           const char *query)
{
  return g_strdup_printf ("/api/v1/declarations/%s/pages/%u.png%s", fixture->declaration, page,
                          query != NULL ? query : "");
}

/* The cached files of the declaration. */
static guint
count_cached (Fixture    *fixture,
              const char *prefix)
{
  g_autofree char *dir = g_build_filename (fixture->server->data_dir, "previews", fixture->declaration, NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    n += prefix == NULL || g_str_has_prefix (name, prefix);

  return n;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(Answer) first = fetch_ok (fixture, fixture->pdf_path, fixture->applicant, "application/pdf");
  g_autoptr(Answer) second = NULL;
  g_autoptr(Answer) unchanged = NULL;
  PopplerDocument *document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int n_pages;

  g_assert_cmpstr (first->cache, ==, "miss");
  document = poppler_document_new_from_bytes (first->body, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >=, 1);
  g_assert_cmpint (n_pages, ==, (int) g_ascii_strtoll (first->pages, NULL, 10));
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_object_unref (page);
    }
  g_assert_nonnull (strstr (text->str, APPLICANT_NAME));
  g_object_unref (document);

  /* the same version again: from the cache, byte for byte */
  second = fetch_ok (fixture, fixture->pdf_path, fixture->applicant, "application/pdf");
  g_assert_cmpstr (second->cache, ==, "hit");
  g_assert_cmpstr (second->etag, ==, first->etag);
  g_assert_true (g_bytes_equal (second->body, first->body));
  g_assert_cmpuint (count_cached (fixture, NULL), ==, 1);

  unchanged = fetch (fixture->server, "GET", fixture->pdf_path, fixture->applicant, first->etag);
  g_assert_cmpuint (unchanged->status, ==, 304);
  g_assert_cmpuint (g_bytes_get_size (unchanged->body), ==, 0);
}

static void
assert_png_size (Answer *answer,
                 int     width)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, answer->body, &error));
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_nonnull (pixbuf);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  /* an upright A4 page */
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), >, width * 14 / 10);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), <, width * 15 / 10);
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *page1 = page_path (fixture, 1, NULL);
  g_autofree char *small = page_path (fixture, 1, "?width=300");
  g_autofree char *smallest = page_path (fixture, 1, "?width=100");
  g_autofree char *largest = page_path (fixture, 1, "?width=2000");
  g_autoptr(Answer) pdf = fetch_ok (fixture, fixture->pdf_path, fixture->applicant, "application/pdf");
  g_autoptr(Answer) preview = fetch_ok (fixture, page1, fixture->applicant, "image/png");
  g_autoptr(Answer) again = fetch_ok (fixture, page1, fixture->applicant, "image/png");
  g_autoptr(Answer) narrow = fetch_ok (fixture, small, fixture->applicant, "image/png");
  g_autoptr(Answer) min = fetch_ok (fixture, smallest, fixture->applicant, "image/png");
  g_autoptr(Answer) max = fetch_ok (fixture, largest, fixture->applicant, "image/png");
  const char *bad[] = { "?width=99", "?width=2001", "?width=abc", "?width=-5", "?width=", "?width=800px" };
  guint n_pages = (guint) g_ascii_strtoull (pdf->pages, NULL, 10);
  g_autofree char *past_end = page_path (fixture, n_pages + 1, NULL);
  g_autofree char *zero = page_path (fixture, 0, NULL);

  assert_png_size (preview, 800);
  g_assert_cmpstr (preview->cache, ==, "miss");
  g_assert_cmpstr (again->cache, ==, "hit");
  g_assert_cmpstr (again->etag, ==, preview->etag);
  g_assert_true (g_bytes_equal (again->body, preview->body));
  assert_png_size (narrow, 300);
  g_assert_cmpstr (narrow->etag, !=, preview->etag);
  assert_png_size (min, 100);
  assert_png_size (max, 2000);
  /* the PDF and four widths */
  g_assert_cmpuint (count_cached (fixture, NULL), ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = page_path (fixture, 1, bad[i]);
      g_autoptr(Answer) answer = fetch (fixture->server, "GET", path, fixture->applicant, NULL);

      assert_error (answer, 400, "invalid_value");
    }
  expect_error (fixture, past_end, fixture->applicant, 404, "not_found");
  expect_error (fixture, zero, fixture->applicant, 404, "not_found");
  g_assert_cmpuint (count_cached (fixture, NULL), ==, 5);
}

/* A change makes a new version: rendered anew, the old files gone. */
static void
test_new_version (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *page1 = page_path (fixture, 1, NULL);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", fixture->declaration);
  g_autoptr(Answer) before = fetch_ok (fixture, fixture->pdf_path, fixture->applicant, "application/pdf");
  g_autoptr(Answer) before_png = fetch_ok (fixture, page1, fixture->applicant, "image/png");
  g_autoptr(Answer) after = NULL;
  g_autoptr(Answer) after_png = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autofree char *old_key = NULL;

  g_assert_cmpuint (count_cached (fixture, NULL), ==, 2);
  /* the ETag starts with the cache key */
  old_key = g_strndup (before->etag + 1, 32);
  g_assert_cmpuint (count_cached (fixture, old_key), ==, 2);

  changed = zc_server_test_ok (fixture->server, "PUT", path, fixture->applicant,
                               "{\"base_version\": 1, \"body\": {\"plan_id\": \"" DEMO_REVIEW_PLAN "\","
                               " \"plan_version\": 1, \"method\": \"regular\","
                               " \"work_summary\": \"本人长期从事心血管内科临床工作。\"}}", 200);

  after = fetch_ok (fixture, fixture->pdf_path, fixture->applicant, "application/pdf");
  g_assert_cmpstr (after->cache, ==, "miss");
  g_assert_cmpstr (after->etag, !=, before->etag);
  g_assert_false (g_bytes_equal (after->body, before->body));
  g_assert_cmpuint (count_cached (fixture, old_key), ==, 0);
  g_assert_cmpuint (count_cached (fixture, NULL), ==, 1);

  after_png = fetch_ok (fixture, page1, fixture->applicant, "image/png");
  g_assert_cmpstr (after_png->cache, ==, "miss");
  g_assert_cmpstr (after_png->etag, !=, before_png->etag);
  g_assert_cmpuint (count_cached (fixture, NULL), ==, 2);

  /* the old ETag no longer matches */
  {
    g_autoptr(Answer) stale = fetch (fixture->server, "GET", fixture->pdf_path, fixture->applicant, before->etag);

    g_assert_cmpuint (stale->status, ==, 200);
  }
}

static void
test_who (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *page1 = page_path (fixture, 1, NULL);
  g_autofree char *missing = g_strdup ("/api/v1/declarations/00000000-0000-4000-8000-000000000000/review-form.pdf");
  g_autofree char *missing_page = g_strdup ("/api/v1/declarations/00000000-0000-4000-8000-000000000000/pages/1.png");
  g_autofree char *officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(Answer) posted = NULL;

  expect_error (fixture, fixture->pdf_path, fixture->other, 404, "not_found");
  expect_error (fixture, page1, fixture->other, 404, "not_found");
  expect_error (fixture, fixture->pdf_path, fixture->hr_officer, 404, "not_found");
  /* a draft is the applicant's alone, even to the unit's officer */
  expect_error (fixture, fixture->pdf_path, officer, 404, "not_found");
  expect_error (fixture, fixture->pdf_path, fixture->admin, 404, "not_found");
  expect_error (fixture, missing, fixture->applicant, 404, "not_found");
  expect_error (fixture, missing_page, fixture->applicant, 404, "not_found");
  expect_error (fixture, fixture->pdf_path, NULL, 401, "unauthenticated");
  expect_error (fixture, fixture->pdf_path, "not-a-token", 401, "unauthenticated");
  /* the width is checked before the declaration, as every parameter */
  {
    g_autofree char *bad = page_path (fixture, 1, "?width=5");

    expect_error (fixture, bad, fixture->other, 400, "invalid_value");
  }

  posted = fetch (fixture->server, "POST", fixture->pdf_path, fixture->applicant, NULL);
  assert_error (posted, 405, "method_not_allowed");
  /* nothing was rendered for them */
  g_assert_cmpuint (count_cached (fixture, NULL), ==, 0);

  /* the declaration's JSON addresses still work beside these */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", fixture->declaration);
    g_autoptr(JsonNode) detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);

    g_assert_nonnull (detail);
  }
}

/* The demo's declaration in the unit's review (周涛's, who has not filled
 * in his personal information): the frozen form still names him, from
 * his account, for the officer who opens it. */
static void
test_name_from_account (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(Answer) pdf = fetch_ok (fixture, "/api/v1/declarations/" DEMO_DECLARATION "/review-form.pdf",
                                    officer, "application/pdf");
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf->body, NULL, &error);
  PopplerPage *cover;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  cover = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (cover);
  g_assert_nonnull (strstr (text, "周涛"));
  g_object_unref (cover);
  g_object_unref (document);
}

static gboolean
page_has_image (PopplerDocument *document,
                int              index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  GList *images = poppler_page_get_image_mapping (page);
  gboolean found = images != NULL;

  poppler_page_free_image_mapping (images);
  g_object_unref (page);
  return found;
}

/* GET /api/v1/blobs/{sha256} as @token: its status, and the bytes must
 * be what their name says when it is 200. */
static guint
read_blob (Fixture    *fixture,
           const char *sha256,
           const char *token)
{
  g_autofree char *path = g_strconcat ("/api/v1/blobs/", sha256, NULL);
  g_autoptr(Answer) answer = fetch (fixture->server, "GET", path, token, NULL);

  if (answer->status == 200)
    {
      g_autofree char *got = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, answer->body);

      g_assert_cmpstr (got, ==, sha256);
    }
  return answer->status;
}

/* The demo's declaration hands in real files (zc-demo-files.c): the
 * unit officer reviewing it and 周涛 may read them, 张伟 (another
 * applicant of the hospital) may not; the photo passes the photo rules,
 * the outline is a PDF in Chinese, and the review form shows the photo
 * and the signature. */
static void
test_demo_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *declarant = zc_test_server_login (fixture->server, DEMO_DECLARANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) detail = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations/" DEMO_DECLARATION,
                                                   officer, NULL, 200);
  JsonObject *record = json_object_get_object_member (zc_server_test_object (detail), "record");
  JsonObject *body = json_object_get_object_member (record, "body");
  JsonObject *commitment = json_object_get_object_member (body, "commitment");
  JsonArray *attachments = json_object_get_array_member (body, "attachments");
  JsonObject *outline_file = NULL;
  JsonArray *picks = json_object_get_array_member (zc_server_test_object (detail), "picks");
  const char *cover = NULL;
  const char *files[4];
  g_autofree char *photo_check_path = NULL;
  g_autofree char *outline_path = NULL;
  g_autoptr(JsonNode) photo_check = NULL;
  g_autoptr(Answer) outline = NULL;
  g_autoptr(Answer) pdf = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  g_autofree char *text = NULL;
  int photo_page = -1;
  int n_with_images = 0;
  GDate signed_on;

  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "unit_review");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (body, "photo"), "mime"), ==,
                   "image/jpeg");
  g_assert_true (zc_date_parse_day (json_object_get_string_member (commitment, "signed_on"), &signed_on));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (commitment, "signature"), "mime"),
                   ==, "image/png");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attachments, 0), "requirement"), ==,
                   "defence-outline");
  outline_file = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (attachments,
                                                                                                              0),
                                                                              "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (outline_file, "name"), ==, "答辩提纲.pdf");
  g_assert_cmpstr (json_object_get_string_member (outline_file, "mime"), ==, "application/pdf");

  /* the picked paper carries its journal's cover */
  for (guint i = 0; i < json_array_get_length (picks); i++)
    {
      JsonObject *pick = json_array_get_object_element (picks, i);
      JsonObject *pick_body = json_object_get_object_member (pick, "body");

      if (g_strcmp0 (json_object_get_string_member (pick, "category"), "papers") == 0)
        cover = json_object_get_string_member (json_array_get_object_element (
                  json_object_get_array_member (pick_body, "attachments"), 0), "sha256");
    }
  g_assert_nonnull (cover);

  files[0] = json_object_get_string_member (json_object_get_object_member (body, "photo"), "sha256");
  files[1] = json_object_get_string_member (json_object_get_object_member (commitment, "signature"), "sha256");
  files[2] = json_object_get_string_member (outline_file, "sha256");
  files[3] = cover;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_assert_cmpuint (read_blob (fixture, files[i], officer), ==, 200);
      g_assert_cmpuint (read_blob (fixture, files[i], declarant), ==, 200);
      g_assert_cmpuint (read_blob (fixture, files[i], fixture->other), ==, 404);
      g_assert_cmpuint (read_blob (fixture, files[i], fixture->hr_officer), ==, 404);
    }

  /* a photo the deployment's rules accept */
  photo_check_path = g_strconcat ("/api/v1/blobs/", files[0], "/photo-check", NULL);
  photo_check = zc_server_test_ok (fixture->server, "GET", photo_check_path, declarant, NULL, 200);
  g_assert_true (json_object_get_boolean_member (zc_server_test_object (photo_check), "ok"));

  /* the outline: a PDF that says what it is */
  outline_path = g_strconcat ("/api/v1/blobs/", files[2], NULL);
  outline = fetch_ok (fixture, outline_path, officer, "application/pdf");
  document = poppler_document_new_from_bytes (outline->body, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "答辩提纲"));
  g_assert_nonnull (strstr (text, "导管消融治疗阵发性心房颤动"));
  g_object_unref (page);
  g_object_unref (document);

  /* the review form: the photo beside the basic information (the page
   * with the ID number), the signature on another page (the commitment
   * letter's) */
  pdf = fetch_ok (fixture, "/api/v1/declarations/" DEMO_DECLARATION "/review-form.pdf", officer, "application/pdf");
  document = poppler_document_new_from_bytes (pdf->body, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *page_text = NULL;

      page = poppler_document_get_page (document, i);
      page_text = poppler_page_get_text (page);
      g_object_unref (page);
      if (photo_page < 0 && strstr (page_text, DEMO_DECLARANT) != NULL)
        photo_page = i;
      n_with_images += page_has_image (document, i);
    }
  g_assert_cmpint (photo_page, >=, 0);
  g_assert_true (page_has_image (document, photo_page));
  g_assert_cmpint (n_with_images, ==, 2);
  g_object_unref (document);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  ADD ("/server/declaration-pdf/pdf", test_pdf);
  ADD ("/server/declaration-pdf/png", test_png);
  ADD ("/server/declaration-pdf/new-version", test_new_version);
  ADD ("/server/declaration-pdf/who", test_who);
  ADD ("/server/declaration-pdf/name-from-account", test_name_from_account);
  ADD ("/server/declaration-pdf/demo-files", test_demo_files);

  return g_test_run ();
}
