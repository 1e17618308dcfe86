/* test-pdf-view.c: the PDF view with a review form, in Chinese
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>

#include "zc-i18n.h"
#include "zc-pdf-view.h"
#include "zc-review-form.h"
#include "zc-screenshot.h"
#include "zc-ui-test.h"
#include "../fixtures/declarations/declaration-fixture.h"

static GBytes *
make_review_form (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "declarations", "small.json", NULL);
  g_autofree char *photo_path = g_test_build_filename (G_TEST_DIST, "fixtures", "declarations", "photo.jpg", NULL);
  FixtureBlobs *blobs = fixture_blobs_new ();
  g_autoptr(ZcDeclarationDocument) document = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  char *photo_data = NULL;
  GBytes *pdf;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_true (zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  g_assert_true (g_file_get_contents (photo_path, &photo_data, &length, &error));
  photo = g_bytes_new_take (photo_data, length);
  fixture_add_pictures (json_node_get_object (node), blobs, photo, "image/jpeg");
  document = zc_declaration_document_new_from_json (node, &error);
  g_assert_no_error (error);

  pdf = zc_review_form_render_to_bytes (document, fixture_blobs_lookup, blobs, ZC_LANGUAGE_LOCALE, &error);
  g_assert_no_error (error);
  fixture_blobs_free (blobs);
  return pdf;
}

/* Lets idle work (fitting, one page rendered per idle) run. */
static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("ZHICHENG_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  /* let every visible page render, then take a fresh frame */
  spin (300);
  gtk_test_widget_wait_for_draw (widget);
  zc_screenshot_widget (widget, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (dir == NULL)
    g_unlink (path);
}

static void
collect_buttons (GtkWidget *root,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      collect_buttons (child, buttons);
    }
}

static int
poppler_pages (GBytes *pdf)
{
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, NULL);
  int n;

  g_assert_nonnull (document);
  n = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_pdf_view_save_finish (ZC_PDF_VIEW (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_pdf_view (void)
{
  g_autoptr(GBytes) pdf = make_review_form ();
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a PDF", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = zc_pdf_view_new ();
  ZcPdfView *pdf_view = ZC_PDF_VIEW (view);
  ZcPdfOutline *outline;
  int n_pages = poppler_pages (pdf);
  int papers = -1;
  double fitted;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* nothing shown yet */
  g_assert_cmpint (zc_pdf_view_get_n_pages (pdf_view), ==, 0);
  g_assert_null (zc_pdf_view_get_bytes (pdf_view));
  g_assert_null (zc_pdf_view_create_print_operation (pdf_view));

  /* loading */
  g_assert_false (zc_pdf_view_load_bytes (pdf_view, garbage, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (zc_pdf_view_load_bytes (pdf_view, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_pdf_view_get_n_pages (pdf_view), ==, n_pages);
  g_assert_cmpint (n_pages, >=, 6);
  g_assert_true (zc_pdf_view_get_bytes (pdf_view) == pdf);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, 0);
  /* a bad file afterwards leaves the shown one alone */
  g_assert_false (zc_pdf_view_load_bytes (pdf_view, garbage, &error));
  g_clear_error (&error);
  g_assert_cmpint (zc_pdf_view_get_n_pages (pdf_view), ==, n_pages);

  /* the zoom fits the width; only the pages near the viewport are rendered */
  gtk_test_widget_wait_for_draw (window);
  spin (400);
  g_assert_true (zc_pdf_view_get_fit_width (pdf_view));
  fitted = zc_pdf_view_get_zoom (pdf_view);
  g_assert_cmpfloat (fitted, >, ZC_PDF_VIEW_MIN_ZOOM);
  g_assert_cmpfloat (fitted, <, ZC_PDF_VIEW_MAX_ZOOM);
  g_assert_true (zc_pdf_view_page_is_rendered (pdf_view, 0));
  g_assert_false (zc_pdf_view_page_is_rendered (pdf_view, n_pages - 1));
  save_screenshot (window, "pdf-view-cover-zh.png");

  /* pages */
  zc_pdf_view_set_page (pdf_view, 3);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, 3);
  gtk_widget_activate_action (view, "pdf.next-page", NULL);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, 4);
  gtk_widget_activate_action (view, "pdf.previous-page", NULL);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, 3);
  gtk_test_widget_wait_for_draw (window);
  spin (300);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, 3);
  g_assert_true (zc_pdf_view_page_is_rendered (pdf_view, 3));
  zc_pdf_view_set_page (pdf_view, 999);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, n_pages - 1);
  zc_pdf_view_set_page (pdf_view, -5);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, 0);

  /* zoom */
  zc_pdf_view_set_zoom (pdf_view, 1.5);
  g_assert_false (zc_pdf_view_get_fit_width (pdf_view));
  g_assert_cmpfloat_with_epsilon (zc_pdf_view_get_zoom (pdf_view), 1.5, 1e-6);
  gtk_widget_activate_action (view, "pdf.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (zc_pdf_view_get_zoom (pdf_view), 1.8, 1e-6);
  gtk_widget_activate_action (view, "pdf.zoom-out", NULL);
  gtk_widget_activate_action (view, "pdf.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (zc_pdf_view_get_zoom (pdf_view), 1.25, 1e-6);
  zc_pdf_view_set_zoom (pdf_view, 100.0);
  g_assert_cmpfloat (zc_pdf_view_get_zoom (pdf_view), ==, ZC_PDF_VIEW_MAX_ZOOM);
  zc_pdf_view_set_zoom (pdf_view, 0.01);
  g_assert_cmpfloat (zc_pdf_view_get_zoom (pdf_view), ==, ZC_PDF_VIEW_MIN_ZOOM);
  gtk_widget_activate_action (view, "pdf.zoom-fit-width", NULL);
  g_assert_true (zc_pdf_view_get_fit_width (pdf_view));
  g_assert_cmpfloat_with_epsilon (zc_pdf_view_get_zoom (pdf_view), fitted, 1e-3);

  /* the outline: the form's sections, in Chinese; choosing one shows its page */
  outline = zc_pdf_view_get_outline (pdf_view);
  g_assert_cmpuint (zc_pdf_outline_get_n_items (outline), ==, 14);
  g_assert_cmpuint (zc_pdf_outline_get_item_depth (outline, 0), ==, 0);
  g_assert_cmpint (zc_pdf_outline_get_item_page (outline, 0), ==, 0);
  for (guint i = 0; i < zc_pdf_outline_get_n_items (outline); i++)
    if (g_str_has_prefix (zc_pdf_outline_get_item_title (outline, i), "撰写论文情况"))
      papers = (int) i;
  g_assert_cmpint (papers, >=, 0);
  g_assert_cmpuint (zc_pdf_outline_get_item_depth (outline, (guint) papers), ==, 1);
  g_assert_cmpint (zc_pdf_outline_get_item_page (outline, (guint) papers), >, 1);
  zc_pdf_outline_activate_item (outline, (guint) papers);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, zc_pdf_outline_get_item_page (outline, (guint) papers));
  gtk_test_widget_wait_for_draw (window);
  spin (400);
  g_assert_cmpint (zc_pdf_view_get_page (pdf_view), ==, zc_pdf_outline_get_item_page (outline, (guint) papers));
  save_screenshot (window, "pdf-view-papers-zh.png");

  gtk_widget_activate_action (view, "pdf.show-outline", NULL);
  g_assert_false (zc_pdf_view_get_outline_visible (pdf_view));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (outline)));
  zc_pdf_view_set_zoom (pdf_view, 1.5);
  zc_pdf_view_set_page (pdf_view, 1);
  gtk_test_widget_wait_for_draw (window);
  spin (400);
  save_screenshot (window, "pdf-view-basic-information-zoomed-zh.png");
  gtk_widget_activate_action (view, "pdf.show-outline", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (outline)));

  /* every button says what it does */
  collect_buttons (view, buttons);
  g_assert_cmpuint (buttons->len, >=, 8);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
    }

  /* printing, exported to a file instead of a printer */
  {
    g_autoptr(GtkPrintOperation) operation = zc_pdf_view_create_print_operation (pdf_view);
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "zc-test-pdf-view-print.pdf", NULL);
    g_autofree char *printed = NULL;
    g_autoptr(GBytes) printed_bytes = NULL;
    gsize length;

    gtk_print_operation_set_export_filename (operation, path);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                     GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &printed, &length, &error));
    printed_bytes = g_bytes_new_take (g_steal_pointer (&printed), length);
    g_assert_cmpint (poppler_pages (printed_bytes), ==, n_pages);
    g_unlink (path);
  }

  /* "save as" writes the same bytes */
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "zc-test-pdf-view-save.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *saved = NULL;
    gboolean done = FALSE;
    gsize length;

    zc_pdf_view_set_suggested_name (pdf_view, "评审表-李文静.pdf");
    g_assert_cmpstr (zc_pdf_view_get_suggested_name (pdf_view), ==, "评审表-李文静.pdf");
    zc_pdf_view_save_async (pdf_view, file, NULL, on_saved, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (g_file_get_contents (path, &saved, &length, &error));
    g_assert_cmpmem (saved, length, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
    g_unlink (path);
  }

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/pdf-view/review-form", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init asks for en_US.UTF-8, which Debian does not generate */
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/ui/pdf-view/review-form", test_pdf_view);

  return g_test_run ();
}
