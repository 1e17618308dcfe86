/* zc-pdf-page-write.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-pdf-page-private.h"

/* Writing: each recorded page is replayed into the PDF surface with its
 * header, footer and watermark on top, then the outline and the
 * metadata go in. */

#define HEADER_SIZE  8.5
#define FOOTER_SIZE  9.0

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  WriteClosure *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->out, data, length, NULL, writer->cancellable, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
draw_decoration_text (ZcPdfDocument  *self,
                      cairo_t        *cr,
                      const char     *text,
                      double          size,
                      PangoAlignment  alignment,
                      double          baseline)
{
  g_autoptr(PangoLayout) layout = NULL;
  ZcPdfTextStyle style;

  zc_pdf_text_style_init (&style, size);
  style.alignment = alignment;
  style.gray = 0.3;
  layout = zc_pdf_document_create_layout (self, &style, text, zc_pdf_document_get_content_width (self));
  /* one line: the header and footer must stay inside their margin */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
  pango_layout_set_height (layout, 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, style.gray, style.gray, style.gray);
  cairo_move_to (cr, self->setup.margin_left,
                 baseline - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_watermark (ZcPdfDocument *self,
                cairo_t       *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  ZcPdfTextStyle style;

  zc_pdf_text_style_init (&style, 96.0);
  style.bold = TRUE;
  layout = zc_pdf_document_create_layout (self, &style, self->watermark, self->setup.height);
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (cr);
  cairo_translate (cr, self->setup.width / 2.0, self->setup.height / 2.0);
  cairo_rotate (cr, -G_PI / 5.0);
  /* scaled down when the text would reach past the page's edges */
  {
    double text_width = (double) logical.width / PANGO_SCALE;
    double room = self->setup.width * 0.9;

    if (text_width > room)
      cairo_scale (cr, room / text_width, room / text_width);
  }
  cairo_move_to (cr, -(double) (logical.x + logical.width / 2) / PANGO_SCALE,
                 -(double) (logical.y + logical.height / 2) / PANGO_SCALE);
  cairo_set_source_rgba (cr, 0.6, 0.6, 0.6, 0.22);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_decorations (ZcPdfDocument *self,
                  cairo_t       *cr,
                  const ZcPdfPage *page,
                  guint          number)
{
  double header_baseline = self->setup.margin_top - 12.0;
  double footer_baseline = self->setup.height - self->setup.margin_bottom + 24.0;

  if (page->header_left != NULL || page->header_right != NULL)
    {
      if (page->header_left != NULL)
        draw_decoration_text (self, cr, page->header_left, HEADER_SIZE, PANGO_ALIGN_LEFT, header_baseline);
      if (page->header_right != NULL)
        draw_decoration_text (self, cr, page->header_right, HEADER_SIZE, PANGO_ALIGN_RIGHT, header_baseline);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, self->setup.margin_left, header_baseline + 5.0);
      cairo_line_to (cr, self->setup.width - self->setup.margin_right, header_baseline + 5.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (self->footer_func != NULL)
    {
      g_autofree char *label = self->footer_func (number, self->pages->len, self->footer_data);

      if (label != NULL)
        draw_decoration_text (self, cr, label, FOOTER_SIZE, PANGO_ALIGN_CENTER, footer_baseline);
    }

  if (self->watermark != NULL)
    {
      /* also level, where text extraction and a quick look find it */
      draw_decoration_text (self, cr, self->watermark, FOOTER_SIZE, PANGO_ALIGN_RIGHT, footer_baseline);
      draw_watermark (self, cr);
    }
}

static void
add_outline (ZcPdfDocument   *self,
             cairo_surface_t *surface)
{
  g_autofree int *ids = g_new0 (int, self->outline->len + 1);

  ids[0] = CAIRO_PDF_OUTLINE_ROOT;
  for (guint i = 0; i < self->outline->len; i++)
    {
      const ZcPdfOutlineItem *item = g_ptr_array_index (self->outline, i);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *link = NULL;

      /* cairo parses the link with the C locale's number syntax */
      g_ascii_formatd (x, sizeof x, "%.2f", self->setup.margin_left);
      g_ascii_formatd (y, sizeof y, "%.2f", MAX (item->y - 6.0, 0.0));
      link = g_strdup_printf ("page=%u pos=[%s %s]", item->page, x, y);
      ids[i + 1] = cairo_pdf_surface_add_outline (surface, ids[item->parent], item->title, link,
                                                  item->open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }
}

/**
 * zc_pdf_document_write:
 * @out: where the PDF goes; it is flushed, not closed
 *
 * Writes every page with its decorations, the outline and the metadata.
 * The document is finished afterwards: nothing more can be added, and
 * it is written only once.
 *
 * Returns: whether the whole PDF was written; %ZC_PDF_ERROR_WRITE with
 *   the stream's message otherwise
 */
gboolean
zc_pdf_document_write (ZcPdfDocument  *self,
                       GOutputStream  *out,
                       GCancellable   *cancellable,
                       GError        **error)
{
  WriteClosure writer = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (!self->written, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->written = TRUE;
  g_clear_pointer (&self->cr, cairo_destroy);

  surface = cairo_pdf_surface_create_for_stream (write_bytes, &writer, self->setup.width, self->setup.height);
  for (guint i = 0; i < ZC_PDF_N_METADATA; i++)
    if (self->metadata[i] != NULL)
      cairo_pdf_surface_set_metadata (surface, (cairo_pdf_metadata_t) i, self->metadata[i]);

  for (guint i = 0; i < self->pages->len; i++)
    {
      const ZcPdfPage *page = g_ptr_array_index (self->pages, i);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_surface (cr, page->recording, 0, 0);
      cairo_paint (cr);
      draw_decorations (self, cr, page, i + 1);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  add_outline (self, surface);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL)
    {
      g_set_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_WRITE, "%s: %s",
                   zc_translate (self->language, N_("The PDF could not be written")),
                   writer.error->message);
      g_clear_error (&writer.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_FAILED, "%s: %s",
                   zc_translate (self->language, N_("The PDF could not be made")),
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_output_stream_flush (out, cancellable, &writer.error))
    {
      g_set_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_WRITE, "%s: %s",
                   zc_translate (self->language, N_("The PDF could not be written")),
                   writer.error->message);
      g_clear_error (&writer.error);
      return FALSE;
    }

  return TRUE;
}
