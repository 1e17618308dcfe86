/* test-pages-to-pdf.c: photographed pages into one A4 PDF under a limit
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <poppler.h>

#include "zc-i18n.h"
#include "zc-pages-to-pdf.h"

typedef struct
{
  char      *dir;
  GPtrArray *files;   /* GFile */
} Fixture;

/* A photo-like page: noise, so JPEG has something to lose. */
static GFile *
make_page (const char *dir,
           const char *name,
           const char *type,
           int         width,
           int         height,
           guint32     seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, g_str_equal (type, "png"), 8, width, height);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * rowstride + x * n_channels;
        guchar base = (guchar) ((x / 40 + y / 40) % 2 ? 220 : 40);

        p[0] = (guchar) CLAMP (base + g_rand_int_range (rand, -30, 30), 0, 255);
        p[1] = (guchar) CLAMP (base + g_rand_int_range (rand, -30, 30), 0, 255);
        p[2] = (guchar) CLAMP (base + g_rand_int_range (rand, -30, 30), 0, 255);
        if (n_channels == 4)
          p[3] = 255;
      }
  if (g_str_equal (type, "png"))
    gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  else
    gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "95", NULL);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zc-pages-to-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->files = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->files, make_page (fixture->dir, "page1.jpg", "jpeg", 1200, 1600, 1));
  g_ptr_array_add (fixture->files, make_page (fixture->dir, "page2.png", "png", 900, 1200, 2));
  /* landscape: still fits on a portrait page */
  g_ptr_array_add (fixture->files, make_page (fixture->dir, "page3.jpg", "jpeg", 1600, 1000, 3));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->files);
}

static int
count_pages (GBytes *pdf,
             double *width,
             double *height)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *first;
  int n;

  g_assert_no_error (error);
  first = poppler_document_get_page (document, 0);
  poppler_page_get_size (first, width, height);
  n = poppler_document_get_n_pages (document);
  g_object_unref (first);
  g_object_unref (document);
  return n;
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  double last = 0, width = 0, height = 0;
  g_autoptr(GBytes) pdf = zc_pages_to_pdf_convert ((GFile * const *) fixture->files->pdata, fixture->files->len,
                                                   50 * 1024 * 1024, on_progress, &last, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpint (count_pages (pdf, &width, &height), ==, 3);
  /* A4 portrait */
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  g_assert_cmpfloat (last, ==, 1.0);
}

static void
test_shrinks (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) large = zc_pages_to_pdf_convert ((GFile * const *) fixture->files->pdata, fixture->files->len,
                                                     50 * 1024 * 1024, NULL, NULL, NULL, &error);
  g_autoptr(GBytes) small = NULL;
  double width, height;
  guint64 limit;

  g_assert_no_error (error);
  /* a limit the first attempt misses: lower quality and resolution */
  limit = g_bytes_get_size (large) / 3;
  small = zc_pages_to_pdf_convert ((GFile * const *) fixture->files->pdata, fixture->files->len,
                                   limit, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (small);
  g_assert_cmpuint (g_bytes_get_size (small), <=, limit);
  g_assert_cmpint (count_pages (small, &width, &height), ==, 3);
}

static void
test_too_small (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = zc_pages_to_pdf_convert ((GFile * const *) fixture->files->pdata, fixture->files->len,
                                                   2048, NULL, NULL, NULL, &error);

  g_assert_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_TOO_LARGE);
  g_assert_null (pdf);
  {
    g_autofree char *limit = g_format_size (2048);
    g_assert_nonnull (strstr (error->message, limit));
  }
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.jpg", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.png", NULL);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) bmp = NULL;
  GFile *files[2];

  /* no pages */
  pdf = zc_pages_to_pdf_convert (NULL, 0, 1024 * 1024, NULL, NULL, NULL, &error);
  g_assert_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_NO_PAGES);
  g_clear_error (&error);

  /* a text file named .jpg, a missing file */
  g_assert_true (g_file_set_contents (text_path, "not an image", -1, NULL));
  files[0] = fixture->files->pdata[0];
  files[1] = text;
  pdf = zc_pages_to_pdf_convert (files, 2, 1024 * 1024, NULL, NULL, NULL, &error);
  g_assert_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "notes.jpg"));
  g_clear_error (&error);
  files[1] = missing;
  pdf = zc_pages_to_pdf_convert (files, 2, 1024 * 1024, NULL, NULL, NULL, &error);
  g_assert_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_UNREADABLE);
  g_clear_error (&error);

  /* an image of another type (BMP) */
  {
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 10, 10);
    g_autofree char *path = g_build_filename (fixture->dir, "page.bmp", NULL);

    gdk_pixbuf_fill (pixbuf, 0x808080ff);
    g_assert_true (gdk_pixbuf_save (pixbuf, path, "bmp", NULL, NULL));
    bmp = g_file_new_for_path (path);
  }
  files[1] = bmp;
  pdf = zc_pages_to_pdf_convert (files, 2, 1024 * 1024, NULL, NULL, NULL, &error);
  g_assert_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_UNREADABLE);
  g_assert_null (pdf);
}

typedef struct
{
  GMainLoop *loop;
  GBytes    *pdf;
  GError    *error;
  guint      n_progress;
} AsyncData;

static void
on_async_progress (double   fraction,
                   gpointer user_data)
{
  AsyncData *data = user_data;

  /* in the caller's thread */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  data->n_progress++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AsyncData *data = user_data;

  data->pdf = zc_pages_to_pdf_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  AsyncData async = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0 };
  double width, height;

  zc_pages_to_pdf_async ((GFile * const *) fixture->files->pdata, fixture->files->len, 10 * 1024 * 1024,
                         on_async_progress, &async, NULL, on_done, &async);
  g_main_loop_run (async.loop);
  g_assert_no_error (async.error);
  g_assert_nonnull (async.pdf);
  g_assert_cmpuint (g_bytes_get_size (async.pdf), <=, 10 * 1024 * 1024);
  g_assert_cmpint (count_pages (async.pdf, &width, &height), ==, 3);
  g_assert_cmpuint (async.n_progress, >=, 3);

  /* cancelled before it starts */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_clear_pointer (&async.pdf, g_bytes_unref);
    g_cancellable_cancel (cancellable);
    zc_pages_to_pdf_async ((GFile * const *) fixture->files->pdata, fixture->files->len, 10 * 1024 * 1024,
                           NULL, NULL, cancellable, on_done, &async);
    g_main_loop_run (async.loop);
    g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (async.pdf);
    g_clear_error (&async.error);
  }
  g_main_loop_unref (async.loop);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pages-to-pdf/pages", test_pages);
  ADD ("/pages-to-pdf/shrinks", test_shrinks);
  ADD ("/pages-to-pdf/too-small", test_too_small);
  ADD ("/pages-to-pdf/bad-input", test_bad_input);
  ADD ("/pages-to-pdf/async", test_async);
#undef ADD

  return g_test_run ();
}
