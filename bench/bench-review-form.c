/* bench-review-form.c: how long the review form of a large declaration
 * takes to render to PDF and its first page to PNG, against Poppler's
 * own pdftoppm rendering that page of the same PDF in the same run
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-review-form [--runs N] [--entries N] [--keep DIR]
 *
 * Set ZHICHENG_LOCALEDIR=_build/po and LANGUAGE=zh_CN for the Chinese
 * form.  The figures are medians of the runs after one warm-up render
 * (which loads the fonts and the form schemas).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <stdlib.h>

#include "zc-i18n.h"
#include "zc-review-form.h"
#include "../tests/fixtures/declarations/declaration-fixture.h"

#define SUMMARY_CHARS 10000
#define PNG_DPI       150

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Page 1 at PNG_DPI on white, as pdftoppm makes it, written to @path. */
static void
render_first_page (GBytes     *pdf,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *page;
  cairo_surface_t *surface;
  double width, height, scale = PNG_DPI / 72.0;
  cairo_t *cr;

  if (document == NULL)
    g_error ("Poppler cannot read the PDF: %s", error->message);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale + 0.5), (int) (height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    g_error ("Cannot write %s", path);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (document);
}

static double
run_pdftoppm (const char *pdf_path,
              const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dpi = g_strdup_printf ("%d", PNG_DPI);
  const char *argv[] = { "pdftoppm", "-f", "1", "-l", "1", "-png", "-r", dpi, pdf_path, prefix, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("pdftoppm failed: %s", error->message);

  return elapsed_ms (start);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 5, entries = 200;
  g_autofree char *keep = NULL;
  GOptionEntry options[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs (default 5)", "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &entries, "Archive entries in the declaration (default 200)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the PDF and the PNGs in DIR", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— review form rendering benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ZcDeclarationDocument) document = NULL;
  g_autoptr(GArray) render_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) png_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pdftoppm_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *pdftoppm = NULL;
  PopplerDocument *poppler;
  double first, render_ms, png_ms, pdftoppm_ms;
  gint64 start;
  int n_pages;

  setlocale (LC_ALL, "");
  zc_i18n_init ();
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (runs < 1 || entries < 0 || entries > 5000)
    {
      g_printerr ("--runs must be at least 1 and --entries at most 5000\n");
      return 2;
    }
  pdftoppm = g_find_program_in_path ("pdftoppm");
  if (pdftoppm == NULL)
    {
      g_printerr ("pdftoppm is not installed (Debian: poppler-utils); the ratio needs it\n");
      return 2;
    }

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("zc-bench-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("No folder for the output: %s", error != NULL ? error->message : g_strerror (errno));
  pdf_path = g_build_filename (dir, "review-form.pdf", NULL);
  png_path = g_build_filename (dir, "page-1.png", NULL);
  prefix = g_build_filename (dir, "pdftoppm", NULL);

  node = fixture_large_document ((guint) entries, SUMMARY_CHARS);
  document = zc_declaration_document_new_from_json (node, &error);
  if (document == NULL)
    g_error ("The generated declaration is refused: %s", error->message);

  start = g_get_monotonic_time ();
  pdf = zc_review_form_render_to_bytes (document, NULL, NULL, ZC_LANGUAGE_LOCALE, &error);
  first = elapsed_ms (start);
  if (pdf == NULL)
    g_error ("Rendering failed: %s", error->message);
  if (!g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error))
    g_error ("%s", error->message);

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GBytes) again = NULL;
      double ms;

      start = g_get_monotonic_time ();
      again = zc_review_form_render_to_bytes (document, NULL, NULL, ZC_LANGUAGE_LOCALE, &error);
      ms = elapsed_ms (start);
      g_assert_nonnull (again);
      g_array_append_val (render_times, ms);

      start = g_get_monotonic_time ();
      render_first_page (pdf, png_path);
      ms = elapsed_ms (start);
      g_array_append_val (png_times, ms);

      ms = run_pdftoppm (pdf_path, prefix);
      g_array_append_val (pdftoppm_times, ms);
    }

  poppler = poppler_document_new_from_bytes (pdf, NULL, NULL);
  n_pages = poppler_document_get_n_pages (poppler);
  g_object_unref (poppler);

  render_ms = median (render_times);
  png_ms = median (png_times);
  pdftoppm_ms = median (pdftoppm_times);

  g_print ("review form: %d entries, %d-character work summary, %d pages, %.0f KB\n",
           entries, SUMMARY_CHARS, n_pages, g_bytes_get_size (pdf) / 1024.0);
  g_print ("first render (fonts and schemas loaded): %8.1f ms\n", first);
  g_print ("render to PDF, median of %d:            %8.1f ms\n", runs, render_ms);
  g_print ("page 1 to PNG at %d dpi (poppler-glib):  %8.1f ms\n", PNG_DPI, png_ms);
  g_print ("PDF + page 1 PNG:                       %8.1f ms\n", render_ms + png_ms);
  g_print ("pdftoppm page 1 at %d dpi (a process):   %8.1f ms\n", PNG_DPI, pdftoppm_ms);
  g_print ("ratio (PDF + PNG) / pdftoppm:           %8.2f\n", (render_ms + png_ms) / pdftoppm_ms);

  if (keep == NULL)
    {
      g_autofree char *pdftoppm_png = g_strconcat (prefix, "-01.png", NULL);
      g_autofree char *pdftoppm_png_short = g_strconcat (prefix, "-1.png", NULL);

      g_unlink (pdf_path);
      g_unlink (png_path);
      g_unlink (pdftoppm_png);
      g_unlink (pdftoppm_png_short);
      g_rmdir (dir);
    }
  else
    g_print ("kept in %s\n", dir);

  return 0;
}
