/* zc-pages-to-pdf.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pages-to-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "zc-pages-to-pdf.h"

/* Each attempt decodes the pages again at its own resolution (a
 * hundred phone photos do not fit in memory at full size), encodes
 * them as JPEG and hands cairo the JPEG itself (CAIRO_MIME_TYPE_JPEG),
 * so the PDF holds exactly those bytes. */

G_DEFINE_QUARK (zc-pages-to-pdf-error-quark, zc_pages_to_pdf_error)

/* A4 in points, and the white border around a page's image. */
#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890
#define MARGIN    18.0

/* quality, longest side in pixels: 300 dpi down to about 50 */
static const struct
{
  int quality;
  int max_side;
} steps[] = {
  { 85, 3300 },
  { 75, 2400 },
  { 65, 1750 },
  { 55, 1300 },
  { 45, 1000 },
  { 35, 800 },
  { 25, 600 },
};

typedef struct
{
  ZcPagesToPdfProgress  callback;
  gpointer              data;
  GMainContext         *context;    /* nullable: call at once */
} Progress;

typedef struct
{
  ZcPagesToPdfProgress  callback;
  gpointer              data;
  double                fraction;
} ProgressCall;

static gboolean
run_progress_call (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->callback (call->fraction, call->data);
  return G_SOURCE_REMOVE;
}

static void
report (const Progress *progress,
        double          fraction)
{
  ProgressCall *call;

  if (progress->callback == NULL)
    return;
  if (progress->context == NULL)
    {
      progress->callback (fraction, progress->data);
      return;
    }
  call = g_new (ProgressCall, 1);
  call->callback = progress->callback;
  call->data = progress->data;
  call->fraction = fraction;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, run_progress_call, call, g_free);
}

/* Checks every file once before any work: JPEG or PNG, readable. */
static gboolean
check_files (GFile * const  *files,
             guint           n_files,
             GError        **error)
{
  if (n_files == 0 || n_files > ZC_PAGES_TO_PDF_MAX_PAGES)
    {
      g_set_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_NO_PAGES,
                   _("Choose from 1 to %u pages"), ZC_PAGES_TO_PDF_MAX_PAGES);
      return FALSE;
    }
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = files[i] != NULL ? g_file_get_path (files[i]) : NULL;
      g_autofree char *name = files[i] != NULL ? g_file_get_basename (files[i]) : g_strdup ("?");
      GdkPixbufFormat *format = path != NULL ? gdk_pixbuf_get_file_info (path, NULL, NULL) : NULL;
      g_autofree char *format_name = format != NULL ? gdk_pixbuf_format_get_name (format) : NULL;

      if (g_strcmp0 (format_name, "jpeg") != 0 && g_strcmp0 (format_name, "png") != 0)
        {
          /* Translators: %s is a file name */
          g_set_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_UNREADABLE,
                       _("“%s” is not a JPEG or PNG image"), name);
          return FALSE;
        }
    }
  return TRUE;
}

/* The page upright, at most @max_side pixels long, on white. */
static GdkPixbuf *
load_page (GFile   *file,
           int      max_side,
           GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  int width = 0, height = 0;
  GdkPixbuf *flat;

  if (gdk_pixbuf_get_file_info (path, &width, &height) == NULL || width <= 0 || height <= 0)
    goto unreadable;
  if (MAX (width, height) > max_side)
    loaded = gdk_pixbuf_new_from_file_at_scale (path, max_side, max_side, TRUE, NULL);
  else
    loaded = gdk_pixbuf_new_from_file (path, NULL);
  if (loaded == NULL)
    goto unreadable;

  upright = gdk_pixbuf_apply_embedded_orientation (loaded);
  if (!gdk_pixbuf_get_has_alpha (upright))
    return g_steal_pointer (&upright);

  /* JPEG has no transparency: what is see-through becomes white paper */
  flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, gdk_pixbuf_get_width (upright), gdk_pixbuf_get_height (upright));
  gdk_pixbuf_fill (flat, 0xffffffff);
  gdk_pixbuf_composite (upright, flat, 0, 0, gdk_pixbuf_get_width (upright), gdk_pixbuf_get_height (upright),
                        0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
  return flat;

unreadable:
  {
    g_autofree char *name = g_file_get_basename (file);
    g_set_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_UNREADABLE,
                 _("“%s” is not a JPEG or PNG image"), name);
    return NULL;
  }
}

/* A cairo image of the pixels, carrying the JPEG bytes for the PDF. */
static cairo_surface_t *
surface_for_page (GdkPixbuf *pixbuf,
                  GBytes    *jpeg)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guchar *in = pixels + (gsize) y * rowstride;
      guint32 *out = (guint32 *) (gpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++, in += n_channels)
        out[x] = ((guint32) in[0] << 16) | ((guint32) in[1] << 8) | in[2];
    }
  cairo_surface_mark_dirty (surface);
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG,
                               g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg),
                               (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (jpeg));
  return surface;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One attempt at one quality and resolution. */
static GBytes *
write_pdf (GFile * const   *files,
           guint            n_files,
           guint            step,
           const Progress  *progress,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *quality = g_strdup_printf ("%d", steps[step].quality);
  cairo_surface_t *document = cairo_pdf_surface_create_for_stream (write_to_array, pdf, A4_WIDTH, A4_HEIGHT);
  cairo_t *cr = cairo_create (document);
  cairo_status_t status;

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GdkPixbuf) page = NULL;
      g_autoptr(GBytes) jpeg = NULL;
      cairo_surface_t *image;
      gchar *buffer = NULL;
      gsize length = 0;
      double scale, width, height;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      page = load_page (files[i], steps[step].max_side, error);
      if (page == NULL)
        goto fail;
      if (!gdk_pixbuf_save_to_buffer (page, &buffer, &length, "jpeg", error, "quality", quality, NULL))
        goto fail;
      jpeg = g_bytes_new_take (buffer, length);

      width = gdk_pixbuf_get_width (page);
      height = gdk_pixbuf_get_height (page);
      scale = MIN ((A4_WIDTH - 2 * MARGIN) / width, (A4_HEIGHT - 2 * MARGIN) / height);
      image = surface_for_page (page, jpeg);
      cairo_save (cr);
      cairo_translate (cr, (A4_WIDTH - width * scale) / 2, (A4_HEIGHT - height * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (image);
      cairo_show_page (cr);

      report (progress, ((double) step + (double) (i + 1) / n_files) / G_N_ELEMENTS (steps));
    }

  cairo_destroy (cr);
  cairo_surface_finish (document);
  status = cairo_surface_status (document);
  cairo_surface_destroy (document);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_FAILED,
                   "%s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));

fail:
  cairo_destroy (cr);
  cairo_surface_finish (document);
  cairo_surface_destroy (document);
  return NULL;
}

static GBytes *
convert (GFile * const   *files,
         guint            n_files,
         guint64          max_bytes,
         const Progress  *progress,
         GCancellable    *cancellable,
         GError         **error)
{
  gsize smallest = 0;

  if (!check_files (files, n_files, error))
    return NULL;

  for (guint step = 0; step < G_N_ELEMENTS (steps); step++)
    {
      g_autoptr(GBytes) pdf = write_pdf (files, n_files, step, progress, cancellable, error);

      if (pdf == NULL)
        return NULL;
      if (g_bytes_get_size (pdf) <= max_bytes)
        {
          report (progress, 1.0);
          return g_steal_pointer (&pdf);
        }
      smallest = g_bytes_get_size (pdf);
      g_debug ("%u pages at quality %d, %d px: %" G_GSIZE_FORMAT " bytes, over %" G_GUINT64_FORMAT,
               n_files, steps[step].quality, steps[step].max_side, smallest, max_bytes);
    }

  {
    g_autofree char *limit = g_format_size (max_bytes);
    g_autofree char *least = g_format_size (smallest);

    /* Translators: the first %s is the smallest size reached, the second the limit */
    g_set_error (error, ZC_PAGES_TO_PDF_ERROR, ZC_PAGES_TO_PDF_ERROR_TOO_LARGE,
                 _("These pages cannot be made smaller than %s; the limit is %s. Use fewer pages."),
                 least, limit);
  }
  return NULL;
}

/**
 * zc_pages_to_pdf_convert:
 * @files: (array length=n_files): local JPEG or PNG files, a page each
 * @max_bytes: the largest PDF taken
 * @progress: (nullable): called as pages are done
 *
 * Returns: (transfer full): the PDF, at most @max_bytes long
 */
GBytes *
zc_pages_to_pdf_convert (GFile * const         *files,
                         guint                  n_files,
                         guint64                max_bytes,
                         ZcPagesToPdfProgress   progress,
                         gpointer               progress_data,
                         GCancellable          *cancellable,
                         GError               **error)
{
  Progress reporter = { progress, progress_data, NULL };

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (max_bytes > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return convert (files, n_files, max_bytes, &reporter, cancellable, error);
}

typedef struct
{
  GPtrArray *files;       /* owned: GFile */
  guint64    max_bytes;
  Progress   progress;
} Job;

static void
job_free (Job *job)
{
  g_ptr_array_unref (job->files);
  g_clear_pointer (&job->progress.context, g_main_context_unref);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GBytes *pdf = convert ((GFile * const *) job->files->pdata, job->files->len, job->max_bytes,
                         &job->progress, cancellable, &error);

  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

void
zc_pages_to_pdf_async (GFile * const         *files,
                       guint                  n_files,
                       guint64                max_bytes,
                       ZcPagesToPdfProgress   progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (max_bytes > 0);

  job = g_new0 (Job, 1);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->max_bytes = max_bytes;
  job->progress.callback = progress;
  job->progress.data = progress_data;
  job->progress.context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_pages_to_pdf_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

GBytes *
zc_pages_to_pdf_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zc_pages_to_pdf_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
