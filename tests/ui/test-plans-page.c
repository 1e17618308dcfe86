/* test-plans-page.c: the review plans page on a seeded plan cache
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <locale.h>

#include "zc-i18n.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-plans.h"
#include "zc-plan-object.h"
#include "zc-pdf-view.h"
#include "zc-plans-page.h"
#include "zc-test-client.h"
#include "zc-test-server.h"
#include "zc-ui-test.h"
#include "zc-window.h"

#define ENGINEERING_ID "5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47"
#define DETERMINATION_ID "c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f"
#define LABORATORY_ID "0f6a2b9c-3d4e-4f5a-8b6c-7d8e9f0a1b2c"

typedef struct
{
  char            *dir;
  ZcLocalStore    *store;
  ZcServerMonitor *monitor;
  ZcWindow        *window;
  ZcPlansPage     *page;
  guint            declared;
  char            *declared_id;
} Fixture;

static ZcPlan *
load_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  ZcPlan *plan;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  plan = zc_plan_new_from_data (data, length, FALSE, &error);
  g_assert_no_error (error);
  return plan;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("zc-plans-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (path, &error);
  g_assert_no_error (error);
  g_ptr_array_add (plans, load_plan ("engineering-2026.json"));
  g_ptr_array_add (plans, load_plan ("determination-2026.json"));
  g_ptr_array_add (plans, load_plan ("cplans-laboratory-2025-closed.json"));
  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  g_assert_no_error (error);

  fixture->monitor = zc_server_monitor_new ("http://127.0.0.1:9");
  fixture->window = zc_window_new (NULL, fixture->monitor, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = zc_window_get_plans_page (fixture->window);
  g_assert_nonnull (fixture->page);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (fixture->page),
                                                                                  ADW_TYPE_VIEW_STACK)), "plans");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->monitor);
  g_assert_finalize_object (fixture->store);
  zc_ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->declared_id);
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (zc_plans_page_get_plans (fixture->page));
}

static const char *
shown_id (Fixture *fixture,
          guint    position)
{
  g_autoptr(ZcPlanObject) object = g_list_model_get_item (zc_plans_page_get_plans (fixture->page), position);

  /* the list holds its own reference */
  return zc_plan_object_get_id (object);
}

/* Series → category → level → title; clearing the series resets the rest. */
static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  ZcPlansPage *page = fixture->page;

  g_assert_cmpuint (n_shown (fixture), ==, 3);
  /* nothing below an open series */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (zc_plans_page_get_filter (page, ZC_PLANS_FILTER_CATEGORY))));
  g_assert_false (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_CATEGORY, "工程技术"));
  g_assert_false (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_SERIES, "99"));

  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_SERIES, "05"));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (zc_plans_page_get_filter (page, ZC_PLANS_FILTER_CATEGORY))));
  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_CATEGORY, "工程技术"));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  /* the levels offered are those of the plans' titles */
  g_assert_false (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_LEVEL, "正高级"));
  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_LEVEL, "中级"));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown_id (fixture, 0), ==, ENGINEERING_ID);
  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_TITLE, "工程师"));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_false (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_TITLE, "技术员"));

  /* a new level resets the title under it */
  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_LEVEL, "员级"));
  g_assert_null (zc_plans_page_get_filter_value (page, ZC_PLANS_FILTER_TITLE));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown_id (fixture, 0), ==, DETERMINATION_ID);

  /* clearing the series clears everything under it */
  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_SERIES, NULL));
  g_assert_null (zc_plans_page_get_filter_value (page, ZC_PLANS_FILTER_CATEGORY));
  g_assert_null (zc_plans_page_get_filter_value (page, ZC_PLANS_FILTER_LEVEL));
  g_assert_null (zc_plans_page_get_filter_value (page, ZC_PLANS_FILTER_TITLE));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (zc_plans_page_get_filter (page, ZC_PLANS_FILTER_LEVEL))));
  g_assert_cmpuint (n_shown (fixture), ==, 3);
}

/* State, region and words. */
static void
test_other_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  ZcPlansPage *page = fixture->page;

  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_STATE, "closed"));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown_id (fixture, 0), ==, LABORATORY_ID);
  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_STATE, "published"));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_false (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_STATE, "draft"));
  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_STATE, NULL));

  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_REGION, "510000"));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown_id (fixture, 0), ==, LABORATORY_ID);
  g_assert_false (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_REGION, "110000"));
  g_assert_true (zc_plans_page_set_filter_value (page, ZC_PLANS_FILTER_REGION, NULL));

  zc_plans_page_set_search (page, "初定");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown_id (fixture, 0), ==, DETERMINATION_ID);
  /* every word must match, full-width spaces split words too */
  zc_plans_page_set_search (page, "工程技术\u3000高级工程师");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown_id (fixture, 0), ==, ENGINEERING_ID);
  zc_plans_page_set_search (page, "没有这个计划");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (page), "0"));
  zc_plans_page_set_search (page, "   ");
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  zc_plans_page_set_search (page, NULL);
  g_assert_cmpuint (n_shown (fixture), ==, 3);
}

static gboolean
on_declare (ZcPlanDetails *details,
            ZcPlan        *plan,
            const char    *declaration_id,
            Fixture       *fixture)
{
  fixture->declared++;
  g_free (fixture->declared_id);
  fixture->declared_id = g_strdup (declaration_id);
  return TRUE;
}

/* The button: open window, closed window (with the reason), one per
 * year, a draft to continue. */
static void
test_declare_button (Fixture       *fixture,
                     gconstpointer  data)
{
  ZcPlanDetails *details = zc_plans_page_get_details (fixture->page);
  g_autoptr(GDateTime) open = g_date_time_new_from_iso8601 ("2026-03-10T09:00:00+08:00", NULL);
  g_autoptr(GDateTime) late = g_date_time_new_from_iso8601 ("2026-05-02T09:00:00+08:00", NULL);
  g_autoptr(ZcRecord) draft = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  g_signal_connect (details, "declare", G_CALLBACK (on_declare), fixture);
  g_assert_null (zc_plan_details_get_declare_button (details));
  g_assert_true (zc_plans_page_select_plan (fixture->page, ENGINEERING_ID));
  g_assert_false (zc_plans_page_select_plan (fixture->page, "00000000-0000-4000-8000-000000000000"));
  g_assert_true (zc_plan_details_get_plan (details) != NULL);

  zc_plan_details_set_now (details, open);
  button = zc_plan_details_get_declare_button (details);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_null (zc_plan_details_get_declare_reason (details));
  /* as the keyboard does it */
  gtk_widget_activate (button);
  zc_ui_test_wait_ms (400);
  g_assert_cmpuint (fixture->declared, ==, 1);
  g_assert_null (fixture->declared_id);

  /* after the first-submission deadline: no, and why */
  zc_plan_details_set_now (details, late);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (zc_plan_details_get_declare_reason (details));
  g_assert_cmpstr (zc_plan_details_get_declare_reason (details), !=, "");
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (details), zc_plan_details_get_declare_reason (details)));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "plans-page-closed-zh.png");

  /* the closed plan of last year */
  g_assert_true (zc_plans_page_select_plan (fixture->page, LABORATORY_ID));
  button = zc_plan_details_get_declare_button (details);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (zc_plan_details_get_declare_reason (details));

  /* a draft to the determination plan: continued there, and it takes
   * the year, so the engineering plan is refused */
  draft = zc_local_store_create_declaration (fixture->store, DETERMINATION_ID, 2, &error);
  g_assert_no_error (error);
  g_assert_true (zc_plans_page_select_plan (fixture->page, DETERMINATION_ID));
  zc_plan_details_set_now (details, open);
  g_assert_cmpstr (zc_plan_details_get_declaration_id (details), ==, zc_record_get_id (draft));
  button = zc_plan_details_get_declare_button (details);
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
  zc_ui_test_wait_ms (400);
  g_assert_cmpuint (fixture->declared, ==, 2);
  g_assert_cmpstr (fixture->declared_id, ==, zc_record_get_id (draft));

  g_assert_true (zc_plans_page_select_plan (fixture->page, ENGINEERING_ID));
  g_assert_null (zc_plan_details_get_declaration_id (details));
  g_assert_false (gtk_widget_get_sensitive (zc_plan_details_get_declare_button (details)));
  g_assert_nonnull (zc_plan_details_get_declare_reason (details));
}

/* What the details show: windows in Beijing time, attachments, groups. */
static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *details = GTK_WIDGET (zc_plans_page_get_details (fixture->page));

  g_assert_true (zc_plans_page_select_plan (fixture->page, ENGINEERING_ID));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_nonnull (zc_ui_test_find_label_containing (details, "省工程技术系列职称评审委员会"));
  g_assert_nonnull (zc_ui_test_find_label_containing (details, "0871-63211234"));
  g_assert_nonnull (zc_ui_test_find_label_containing (details, "2026-04-30 23:59"));
  g_assert_nonnull (zc_ui_test_find_label_containing (details, "2026-03-01 00:00"));
  g_assert_nonnull (zc_ui_test_find_label_containing (details, "答辩提纲"));
  g_assert_nonnull (zc_ui_test_find_label_containing (details, "教学科研条件"));
  g_assert_nonnull (zc_ui_test_find_label_containing (details, "高级工程师"));
  g_assert_nonnull (zc_ui_test_find_label_containing (details, "关于开展2026年度工程技术系列职称评审工作的通知"));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "plans-page-zh.png");
}

/* Ctrl+F searches; a narrow window shows the list, then the plan. */
static void
test_keyboard_and_narrow (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *details = GTK_WIDGET (zc_plans_page_get_details (fixture->page));
  GtkListBox *list;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plans.search", NULL));
  zc_ui_test_wait_ms (50);
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (fixture->window))));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  zc_ui_test_wait_ms (300);
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "plans-page-narrow-zh.png");

  list = GTK_LIST_BOX (gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (zc_ui_test_find_label_containing
                                                                                 (GTK_WIDGET (fixture->page),
                                                                                  "2026年度工程技术系列职称评审"))),
                                                GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  zc_ui_test_wait_ms (400);
  g_assert_true (gtk_widget_get_mapped (details));
  g_assert_nonnull (zc_plan_details_get_declare_button (ZC_PLAN_DETAILS (details)));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "plans-page-narrow-details-zh.png");
}

/* ---- a notice's files, from the real server ------------------------------ */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A one-page PDF with @text on it. */
static GBytes *
make_pdf (const char *text)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, data, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, text);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (data);
}

static GBytes *
make_png (void)
{
  g_autofree guint8 *pixels = g_malloc (40 * 30 * 4);
  g_autoptr(GBytes) memory = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < 40 * 30; i++)
    {
      pixels[i * 4] = 0x33;
      pixels[i * 4 + 1] = 0x66;
      pixels[i * 4 + 2] = 0x99;
      pixels[i * 4 + 3] = 0xff;
    }
  memory = g_bytes_new (pixels, 40 * 30 * 4);
  texture = gdk_memory_texture_new (40, 30, GDK_MEMORY_R8G8B8A8, memory, 40 * 4);
  return gdk_texture_save_to_png_bytes (texture);
}

/* PUTs @bytes as a blob; returns its SHA-256. */
static char *
put_blob (ZcTestServer *server,
          const char   *token,
          GBytes       *bytes)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *url = g_strconcat (server->url, "/api/v1/blobs/", sha256, NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("PUT", url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, NULL, bytes);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
  return sha256;
}

static JsonNode *
call_ok (ZcTestServer *server,
         const char   *method,
         const char   *path,
         const char   *token,
         const char   *body,
         guint         expected)
{
  guint status = 0;
  JsonNode *answer = zc_test_server_call (server, method, path, token, "en", body, &status, NULL);

  g_assert_cmpuint (status, ==, expected);
  return answer;
}

static ZcFileViewer *
wait_viewer (ZcPlanDetails *details,
             guint          notice,
             guint          file)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWidget *row = zc_plan_details_get_notice_file_row (details, notice, file);

  while (zc_plan_details_get_file_viewer (details) == NULL)
    {
      const char *status = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      if (g_get_monotonic_time () > deadline || (status != NULL && *status != '\0' &&
                                                 g_strcmp0 (status, _("Downloading…")) != 0))
        g_error ("The file was not shown: %s", status != NULL ? status : "(nothing said)");
      g_main_context_iteration (NULL, FALSE);
      zc_ui_test_wait_ms (20);
    }
  return zc_plan_details_get_file_viewer (details);
}

static void
close_viewer (ZcPlanDetails *details)
{
  gtk_window_destroy (GTK_WINDOW (zc_plan_details_get_file_viewer (details)));
  g_assert_null (zc_plan_details_get_file_viewer (details));
}

static void
on_copy_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_file_viewer_save_finish (ZC_FILE_VIEWER (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* An applicant opens a published plan's notice files: downloaded from
 * the server and kept, then shown; again with the server gone, from the
 * local store; a file never downloaded needs the connection. */
static void
test_notice_files (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autofree char *officer = zc_test_server_login (server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  ZcTestClient *applicant = zc_test_client_new (server->url, ZC_TEST_DEMO_APPLICANT, FALSE);
  const char *token = zc_api_client_get_token (zc_session_get_api_client (applicant->session));
  g_autoptr(GBytes) notice_pdf = make_pdf ("Notice 2026");
  g_autoptr(GBytes) flow_png = make_png ();
  g_autoptr(GBytes) form_pdf = make_pdf ("Form");
  g_autofree char *pdf_sha256 = put_blob (server, officer, notice_pdf);
  g_autofree char *png_sha256 = put_blob (server, officer, flow_png);
  g_autofree char *form_sha256 = put_blob (server, officer, form_pdf);
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) published = NULL;
  g_autoptr(JsonNode) fetched = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcPlansPage *page;
  ZcPlanDetails *details;
  ZcFileViewer *viewer;
  GtkWidget *row;
  gboolean saved = FALSE;

  body = g_strdup_printf ("{\"year\": 2026, \"name\": \"2026年度工程技术系列中级职称评审\","
                          " \"contact_phone\": \"0871-63211234\", \"type\": \"review\", \"region_code\": \"530000\","
                          " \"titles\": [{\"series\": \"05\", \"category\": \"工程技术\", \"level\": \"中级\","
                          " \"title\": \"工程师\"}], \"methods\": [\"regular\"], \"scope\": \"全省\","
                          " \"windows\": {\"individual_start\": \"2026-03-01T00:00:00+08:00\","
                          " \"first_submission_deadline\": \"2026-04-30T23:59:59+08:00\","
                          " \"modification_deadline\": \"2026-05-15T23:59:59+08:00\","
                          " \"unit_deadline\": \"2026-05-31T23:59:59+08:00\","
                          " \"department_deadline\": \"2026-06-15T23:59:59+08:00\"},"
                          " \"exam\": false, \"interview\": true,"
                          " \"notices\": [{\"title\": \"关于开展2026年度工程技术系列职称评审工作的通知\","
                          " \"text\": \"请申报人阅读附件。\", \"files\": ["
                          "{\"sha256\": \"%s\", \"name\": \"评审工作通知.pdf\", \"mime\": \"application/pdf\", \"size\": %"
                          G_GSIZE_FORMAT "},"
                          "{\"sha256\": \"%s\", \"name\": \"申报流程图.png\", \"mime\": \"image/png\", \"size\": %"
                          G_GSIZE_FORMAT "},"
                          "{\"sha256\": \"%s\", \"name\": \"申报表样式.pdf\", \"mime\": \"application/pdf\", \"size\": %"
                          G_GSIZE_FORMAT "}]}]}",
                          pdf_sha256, g_bytes_get_size (notice_pdf), png_sha256, g_bytes_get_size (flow_png),
                          form_sha256, g_bytes_get_size (form_pdf));
  created = call_ok (server, "POST", "/api/v1/plans", officer, body, 201);
  path = g_strdup_printf ("/api/v1/plans/%s", zc_test_member_string (created, "id"));
  {
    g_autofree char *publish = g_strconcat (path, "/publish", NULL);

    published = call_ok (server, "POST", publish, officer, NULL, 200);
  }

  /* the applicant's plan cache, as a sync leaves it */
  fetched = call_ok (server, "GET", path, token, NULL, 200);
  plan = zc_plan_new_from_json (fetched, FALSE, &error);
  g_assert_no_error (error);
  g_ptr_array_add (plans, zc_plan_ref (plan));
  g_assert_true (zc_local_store_replace_plans (applicant->store, plans, &error));
  g_assert_no_error (error);
  g_assert_false (zc_local_store_has_blob (applicant->store, pdf_sha256));

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  page = ZC_PLANS_PAGE (zc_plans_page_new (applicant->store));
  zc_plans_page_set_session (page, applicant->session);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  /* the narrow window shows the list: the plan is opened from it */
  {
    GtkWidget *label = zc_ui_test_find_label_containing (GTK_WIDGET (page), "2026年度工程技术系列中级职称评审");
    GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX));

    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
    zc_ui_test_wait_ms (400);
  }
  g_assert_true (zc_plans_page_select_plan (page, zc_plan_get_id (plan)));
  details = zc_plans_page_get_details (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (details)));
  row = zc_plan_details_get_notice_file_row (details, 0, 0);
  g_assert_nonnull (row);
  g_assert_null (zc_plan_details_get_notice_file_row (details, 0, 3));
  g_assert_false (zc_plan_details_open_notice_file (details, 1, 0));

  /* the notice open, its files each with an Open button */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW)), TRUE);
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_wait_ms (400);
  /* the last file's button: the view scrolls to it */
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (zc_plan_details_get_notice_file_row (details, 0, 2)),
                                            "open-button"));
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_wait_ms (300);
  zc_ui_test_save_screenshot (window, "plans-page-notice-files-zh-small.png");

  /* the PDF: downloaded, kept, shown */
  g_assert_true (zc_plan_details_open_notice_file (details, 0, 0));
  viewer = wait_viewer (details, 0, 0);
  g_assert_true (ZC_IS_PDF_VIEW (zc_file_viewer_get_content (viewer)));
  g_assert_cmpint (zc_pdf_view_get_n_pages (ZC_PDF_VIEW (zc_file_viewer_get_content (viewer))), ==, 1);
  g_assert_true (zc_local_store_has_blob (applicant->store, pdf_sha256));
  gtk_window_set_default_size (GTK_WINDOW (viewer), 640, 600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (viewer));
  zc_ui_test_wait_ms (300);
  zc_ui_test_save_screenshot (GTK_WIDGET (viewer), "plans-page-notice-pdf-zh-small.png");
  close_viewer (details);

  /* the image, and a copy of it saved */
  g_assert_true (zc_plan_details_open_notice_file (details, 0, 1));
  viewer = wait_viewer (details, 0, 1);
  g_assert_true (GTK_IS_PICTURE (zc_file_viewer_get_content (viewer)));
  copy_path = g_build_filename (applicant->dir, "copy.png", NULL);
  {
    g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
    g_autoptr(GBytes) written = NULL;

    zc_file_viewer_save_async (viewer, copy, NULL, on_copy_saved, &saved);
    zc_test_iterate_until (&saved);
    written = g_file_load_bytes (copy, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (written, flow_png));
  }
  close_viewer (details);

  /* the server gone: what was downloaded opens from the store at once */
  zc_test_server_stop (server);
  g_assert_true (zc_plan_details_open_notice_file (details, 0, 0));
  g_assert_nonnull (zc_plan_details_get_file_viewer (details));
  close_viewer (details);

  /* never downloaded: it needs the connection, said under the file */
  g_assert_true (zc_plan_details_open_notice_file (details, 0, 2));
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    GtkWidget *form_row = zc_plan_details_get_notice_file_row (details, 0, 2);

    while (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (form_row)), _("Downloading…")) == 0)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        zc_ui_test_wait_ms (20);
      }
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (form_row)), ==,
                     _("Not on this computer yet: connect to the server to open it."));
    g_assert_null (zc_plan_details_get_file_viewer (details));
    g_assert_false (zc_local_store_has_blob (applicant->store, form_sha256));
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (form_row), "open-button"));
  }
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_wait_ms (200);
  zc_ui_test_save_screenshot (window, "plans-page-notice-offline-zh-small.png");

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (applicant);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/plans-page/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/plans-page/cascade", test_cascade);
  ADD ("/ui/plans-page/other-filters", test_other_filters);
  ADD ("/ui/plans-page/declare-button", test_declare_button);
  ADD ("/ui/plans-page/details", test_details);
  ADD ("/ui/plans-page/keyboard-and-narrow", test_keyboard_and_narrow);
#undef ADD
  g_test_add_func ("/ui/plans-page/notice-files", test_notice_files);

  return g_test_run ();
}
