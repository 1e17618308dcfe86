/* test-declaration-materials.c: what a declaration hands in, on the
 * reviewers' desk, against the real server: the frozen picks with the
 * pending ones marked, the declaration's own files, files fetched when
 * not on this computer and kept for offline
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "zc-declaration-desk.h"
#include "zc-declaration-materials.h"
#include "zc-i18n.h"
#include "zc-local-store-declaration-review.h"
#include "zc-pdf-view.h"
#include "zc-test-client.h"
#include "zc-test-server.h"
#include "zc-ui-test.h"

#define ZERO_SHA256 "0000000000000000000000000000000000000000000000000000000000000000"

static void
wait_while (gboolean (*busy) (gpointer data),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (busy (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      zc_ui_test_wait_ms (20);
    }
}

static gboolean
materials_fetching (gpointer data)
{
  return zc_declaration_materials_is_fetching (data);
}

static gboolean
desk_loading (gpointer data)
{
  return zc_declaration_desk_is_detail_loading (data) || zc_declaration_desk_is_loading (data);
}

static GBytes *
png_bytes (guint32 colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 60, 80);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, colour);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "png", &error, NULL));
  return g_bytes_new_take (data, size);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
pdf_bytes (void)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, array, 200, 280);
  cairo_t *cr = cairo_create (surface);

  cairo_rectangle (cr, 20, 20, 160, 40);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (array);
}

static JsonObject *
file_record (const char *sha256,
             const char *name,
             const char *mime,
             gsize       size)
{
  JsonObject *file = json_object_new ();

  json_object_set_string_member (file, "sha256", sha256);
  json_object_set_string_member (file, "name", name);
  json_object_set_string_member (file, "mime", mime);
  json_object_set_int_member (file, "size", (gint64) size);
  return file;
}

/* The materials alone: a body with a photo and an attachment already in
 * the officer's store, picks (one pending) whose file is only on the
 * server, and one whose file is nowhere. */
static void
test_files (void)
{
  const char * const args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  ZcTestClient *officer = zc_test_client_new (server->url, ZC_TEST_DEMO_COMMITTEE_OFFICER, FALSE);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) photo = png_bytes (0xe0e0e0ffu);
  g_autoptr(GBytes) outline = pdf_bytes ();
  g_autoptr(GBytes) cover = png_bytes (0x3050a0ffu);
  g_autofree char *photo_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, photo);
  g_autofree char *outline_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, outline);
  g_autofree char *cover_sha = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonArray) picks = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcDeclarationMaterials *materials;
  GtkWidget *preview;

  /* on the server only: the pick's file (the officer uploaded it, so may read it) */
  cover_sha = zc_test_server_put_blob (server, token, cover);
  g_assert_false (zc_local_store_has_blob (officer->store, cover_sha));
  /* here only: the declaration's own files, as a sync brings them */
  g_assert_true (zc_local_store_put_blob (officer->store, photo_sha, "image/png", photo, &error));
  g_assert_true (zc_local_store_put_blob (officer->store, outline_sha, "application/pdf", outline, &error));

  body = zc_ui_test_parse_object ("{\"plan_id\": \"de600000-0000-4000-8000-000000000001\", \"plan_version\": 1}");
  json_object_set_object_member (body, "photo", file_record (photo_sha, "photo.png", "image/png", 10));
  {
    JsonArray *attachments = json_array_new ();
    JsonObject *attachment = json_object_new ();
    JsonArray *files = json_array_new ();

    json_array_add_object_element (files, file_record (outline_sha, "答辩提纲.pdf", "application/pdf",
                                                       g_bytes_get_size (outline)));
    json_object_set_string_member (attachment, "requirement", "defence-outline");
    json_object_set_array_member (attachment, "files", files);
    json_array_add_object_element (attachments, attachment);
    json_object_set_array_member (body, "attachments", attachments);
  }

  picks = json_array_new ();
  {
    JsonObject *paper = zc_ui_test_parse_object ("{\"id\": \"de300000-0000-4000-8000-000000000901\","
                                                 " \"category\": \"papers\", \"pending\": true,"
                                                 " \"body\": {\"title\": \"导管消融治疗的疗效观察\","
                                                 " \"journal\": \"中国实用医刊\"}}");
    JsonObject *education = zc_ui_test_parse_object ("{\"id\": \"de300000-0000-4000-8000-000000000902\","
                                                     " \"category\": \"education\", \"pending\": false,"
                                                     " \"body\": {\"school\": \"河南大学\"}}");
    JsonArray *files = json_array_new ();

    json_array_add_object_element (files, file_record (cover_sha, "期刊封面.png", "image/png",
                                                       g_bytes_get_size (cover)));
    json_array_add_object_element (files, file_record (ZERO_SHA256, "不存在.png", "image/png", 10));
    json_object_set_array_member (json_object_get_object_member (paper, "body"), "attachments", files);
    json_array_add_object_element (picks, paper);
    json_array_add_object_element (picks, education);
  }

  materials = ZC_DECLARATION_MATERIALS (zc_declaration_materials_new (officer->store, officer->session));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (materials));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);
  gtk_window_present (GTK_WINDOW (window));

  /* not known yet: the picks say why */
  zc_declaration_materials_set_declaration (materials, body, NULL, NULL, "正在载入业绩……");
  g_assert_nonnull (zc_ui_test_find_label_containing (window, "正在载入业绩"));
  g_assert_cmpuint (zc_declaration_materials_get_n_picks (materials), ==, 0);
  g_assert_cmpuint (zc_declaration_materials_get_n_files (materials), ==, 2);

  zc_declaration_materials_set_declaration (materials, body, NULL, picks, NULL);
  g_assert_cmpuint (zc_declaration_materials_get_n_picks (materials), ==, 2);
  g_assert_cmpuint (zc_declaration_materials_get_n_pending (materials), ==, 1);
  g_assert_nonnull (zc_ui_test_find_label_containing (window, "单位未审核"));
  g_assert_nonnull (zc_ui_test_find_label_containing (window, "其中 1 项提交时单位尚未审核"));
  g_assert_nonnull (zc_ui_test_find_label_containing (window, "导管消融治疗的疗效观察"));
  g_assert_nonnull (zc_ui_test_find_label_containing (window, "河南大学"));
  /* the picks' files first, then the declaration's own */
  g_assert_cmpuint (zc_declaration_materials_get_n_files (materials), ==, 4);
  g_assert_cmpstr (zc_declaration_materials_get_file_label (materials, 0), ==, "期刊封面.png");
  g_assert_cmpstr (zc_declaration_materials_get_file_label (materials, 2), ==, "照片");
  /* no plan at hand: the requirement's id names the attachment */
  g_assert_cmpstr (zc_declaration_materials_get_file_label (materials, 3), ==, "defence-outline");
  g_assert_null (zc_declaration_materials_get_file_label (materials, 4));
  g_assert_false (zc_declaration_materials_show_file (materials, 4));

  /* local files show at once: an image, a PDF */
  g_assert_true (zc_declaration_materials_show_file (materials, 2));
  g_assert_false (zc_declaration_materials_is_fetching (materials));
  g_assert_true (GTK_IS_PICTURE (zc_declaration_materials_get_preview (materials)));
  /* the row of the file shown stands out */
  {
    GtkWidget *label = zc_ui_test_find_label_containing (window, "照片");
    GtkWidget *row = label != NULL ? gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW) : NULL;

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_has_css_class (row, "accent"));
  }
  g_assert_true (zc_declaration_materials_show_file (materials, 3));
  preview = zc_declaration_materials_get_preview (materials);
  g_assert_true (ZC_IS_PDF_VIEW (preview));
  g_assert_cmpint (zc_pdf_view_get_n_pages (ZC_PDF_VIEW (preview)), ==, 1);

  /* the pick's file is fetched from the server and kept */
  g_assert_true (zc_declaration_materials_show_file (materials, 0));
  g_assert_true (zc_declaration_materials_is_fetching (materials));
  wait_while (materials_fetching, materials);
  g_assert_true (GTK_IS_PICTURE (zc_declaration_materials_get_preview (materials)));
  g_assert_true (zc_local_store_has_blob (officer->store, cover_sha));
  zc_ui_test_save_screenshot (window, "declaration-materials-zh.png");

  /* a file the server does not have: said, nothing kept */
  g_assert_true (zc_declaration_materials_show_file (materials, 1));
  wait_while (materials_fetching, materials);
  preview = zc_declaration_materials_get_preview (materials);
  g_assert_true (GTK_IS_LABEL (preview));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (preview)), "无法获取文件"));
  g_assert_false (zc_local_store_has_blob (officer->store, ZERO_SHA256));

  /* without the server the kept file still shows */
  zc_test_server_stop (server);
  zc_declaration_materials_set_declaration (materials, body, NULL, picks, NULL);
  g_assert_true (zc_declaration_materials_show_file (materials, 0));
  g_assert_false (zc_declaration_materials_is_fetching (materials));
  g_assert_true (GTK_IS_PICTURE (zc_declaration_materials_get_preview (materials)));

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
}

/* The desk of the demo's unit officer: 周涛's declaration with its four
 * frozen picks and the files it hands in (the paper's journal cover,
 * the photo, the signed commitment, the defence outline) beside the
 * review form, fetched from the server when asked for; offline, the
 * picks say they need a connection and the fetched files still show. */
static void
test_desk (void)
{
  const char * const args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  ZcTestClient *officer = zc_test_client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER, TRUE);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcDeclarationDesk *desk;
  ZcDeclarationMaterials *materials;
  GtkWidget *preview;
  const char *id = NULL;

  zc_test_client_sync_ok (officer);
  rows = zc_local_store_declaration_review_list (officer->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      ZcDeclarationReviewRow *row = rows->pdata[i];

      if (row->state == ZC_DECLARATION_STATE_UNIT_REVIEW)
        id = row->id;
    }
  g_assert_nonnull (id);

  desk = ZC_DECLARATION_DESK (zc_declaration_desk_new (officer->store, officer->session));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (desk));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_while (desk_loading, desk);

  g_assert_true (zc_declaration_desk_select (desk, id));
  wait_while (desk_loading, desk);
  /* until when the unit may act, by the demo plan (its deadline is
   * weeks after the seeding) */
  g_assert_nonnull (zc_declaration_desk_get_deadline (desk));
  g_assert_true (g_str_has_prefix (zc_declaration_desk_get_deadline (desk), "请于 "));
  g_assert_nonnull (zc_ui_test_find_label_containing (window, zc_declaration_desk_get_deadline (desk)));
  materials = zc_declaration_desk_get_materials (desk);
  g_assert_cmpuint (zc_declaration_materials_get_n_picks (materials), ==, 4);
  g_assert_cmpuint (zc_declaration_materials_get_n_pending (materials), ==, 0);
  zc_declaration_desk_show_side (desk, "materials");
  zc_ui_test_wait_ms (200);
  g_assert_nonnull (zc_ui_test_find_label_containing (window, "导管消融治疗阵发性心房颤动的近期疗效观察"));
  zc_ui_test_save_screenshot (window, "declaration-desk-materials-zh.png");

  /* the picks' file, then the declaration's own; the plan names the attachment */
  g_assert_cmpuint (zc_declaration_materials_get_n_files (materials), ==, 4);
  g_assert_cmpstr (zc_declaration_materials_get_file_label (materials, 0), ==, "期刊封面.png");
  g_assert_cmpstr (zc_declaration_materials_get_file_label (materials, 1), ==, "照片");
  g_assert_cmpstr (zc_declaration_materials_get_file_label (materials, 2), ==, "承诺书签名");
  g_assert_cmpstr (zc_declaration_materials_get_file_label (materials, 3), ==, "答辩提纲");

  /* the photo and the outline, from the server: the officer may read them */
  g_assert_true (zc_declaration_materials_show_file (materials, 1));
  wait_while (materials_fetching, materials);
  g_assert_true (GTK_IS_PICTURE (zc_declaration_materials_get_preview (materials)));
  g_assert_true (zc_declaration_materials_show_file (materials, 3));
  wait_while (materials_fetching, materials);
  preview = zc_declaration_materials_get_preview (materials);
  g_assert_true (ZC_IS_PDF_VIEW (preview));
  g_assert_cmpint (zc_pdf_view_get_n_pages (ZC_PDF_VIEW (preview)), ==, 1);
  /* its row in view, for the screenshot */
  gtk_widget_grab_focus (gtk_widget_get_ancestor (zc_ui_test_find_label_containing (window, "答辩提纲"),
                                                  GTK_TYPE_LIST_BOX_ROW));
  zc_ui_test_wait_ms (200);
  zc_ui_test_save_screenshot (window, "declaration-desk-outline-zh.png");

  /* offline: the list and the local files stay, the picks need the server */
  zc_test_server_stop (server);
  zc_session_expire (officer->session);
  zc_declaration_desk_refresh (desk);
  g_assert_cmpstr (zc_declaration_desk_get_selected_id (desk), ==, id);
  g_assert_cmpuint (zc_declaration_materials_get_n_picks (materials), ==, 0);
  g_assert_nonnull (zc_ui_test_find_label_containing (window, "查看业绩需要联网"));
  g_assert_cmpuint (zc_declaration_materials_get_n_files (materials), ==, 3);
  g_assert_cmpstr (zc_declaration_materials_get_file_label (materials, 2), ==, "答辩提纲");
  g_assert_true (zc_declaration_materials_show_file (materials, 2));
  g_assert_false (zc_declaration_materials_is_fetching (materials));
  g_assert_true (ZC_IS_PDF_VIEW (zc_declaration_materials_get_preview (materials)));

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/declaration-materials/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/ui/declaration-materials/files", test_files);
  g_test_add_func ("/ui/declaration-materials/desk", test_desk);

  return g_test_run ();
}
