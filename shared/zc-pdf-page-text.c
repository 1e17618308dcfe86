/* zc-pdf-page-text.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-page"

#include "config.h"

#include <string.h>

#include "zc-pdf-page-private.h"

/* Text: Pango layouts in the document's family, measured, split into
 * lines, and drawn a range of lines at a time so that a paragraph or a
 * table cell can continue on the next page. */

/* Left-aligned black text of @size points in the document's family. */
void
zc_pdf_text_style_init (ZcPdfTextStyle *style,
                        double          size)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (size > 0.0);

  memset (style, 0, sizeof *style);
  style->size = size;
  style->alignment = PANGO_ALIGN_LEFT;
  style->line_spacing = 1.0;
}

/**
 * zc_pdf_document_create_layout:
 * @width: the wrapping width; text breaks between words, and inside a
 *   word that is wider than @width, so no line is wider
 *
 * Returns: (transfer full): the laid-out text
 */
PangoLayout *
zc_pdf_document_create_layout (ZcPdfDocument        *self,
                               const ZcPdfTextStyle *style,
                               const char           *text,
                               double                width)
{
  PangoFontDescription *description;
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0.0, NULL);

  description = pango_font_description_from_string (self->family);
  pango_font_description_set_absolute_size (description, style->size * PANGO_SCALE);
  pango_font_description_set_weight (description, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->alignment);
  pango_layout_set_indent (layout, (int) (style->first_line_indent * PANGO_SCALE));
  pango_layout_set_justify (layout, style->justify);
  if (style->line_spacing > 0.0)
    pango_layout_set_line_spacing (layout, (float) style->line_spacing);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (description);

  return layout;
}

/**
 * zc_pdf_layout_get_lines:
 *
 * Returns: (transfer full) (element-type ZcPdfLineBox): where each line
 *   of @layout lies; valid while @layout is not changed
 */
GArray *
zc_pdf_layout_get_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (ZcPdfLineBox));
  PangoLayoutIter *iter;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), lines);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical, line_logical;
      ZcPdfLineBox box;

      box.line = pango_layout_iter_get_line_readonly (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_line_get_extents (box.line, NULL, &line_logical);
      box.top = (double) logical.y / PANGO_SCALE;
      box.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      box.x = (double) (logical.x - line_logical.x) / PANGO_SCALE;
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return lines;
}

double
zc_pdf_layout_get_height (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0.0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/**
 * zc_pdf_draw_lines:
 * @lines: (element-type ZcPdfLineBox): from zc_pdf_layout_get_lines()
 * @first: the first line to draw
 * @end: the line after the last one to draw
 * @y: where the top of line @first goes
 *
 * Draws some lines of a layout, so that a paragraph or a table cell can
 * continue on the next page.
 */
void
zc_pdf_draw_lines (cairo_t              *cr,
                   const ZcPdfTextStyle *style,
                   GArray               *lines,
                   guint                 first,
                   guint                 end,
                   double                x,
                   double                y)
{
  double offset;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (lines != NULL);
  g_return_if_fail (end <= lines->len);

  if (first >= end)
    return;

  offset = g_array_index (lines, ZcPdfLineBox, first).top;
  cairo_save (cr);
  cairo_set_source_rgb (cr, style->gray, style->gray, style->gray);
  for (guint i = first; i < end; i++)
    {
      const ZcPdfLineBox *box = &g_array_index (lines, ZcPdfLineBox, i);

      cairo_move_to (cr, x + box->x, y + box->baseline - offset);
      pango_cairo_show_layout_line (cr, box->line);
    }
  cairo_restore (cr);
}

/**
 * zc_pdf_document_add_text:
 * @indent: distance from the left margin
 * @width: the width of the text, or 0 for the rest of the line
 *
 * Draws a paragraph (or several, separated by line breaks) at the
 * cursor and moves the cursor below it; lines that do not fit continue
 * on new pages.
 */
void
zc_pdf_document_add_text (ZcPdfDocument        *self,
                          const ZcPdfTextStyle *style,
                          const char           *text,
                          double                indent,
                          double                width)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) lines = NULL;
  double x;
  guint i = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (!self->written);

  if (width <= 0.0)
    width = zc_pdf_document_get_content_width (self) - indent;
  g_return_if_fail (width > 0.0);

  x = self->setup.margin_left + indent;
  layout = zc_pdf_document_create_layout (self, style, text, width);
  lines = zc_pdf_layout_get_lines (layout);

  while (i < lines->len)
    {
      double space = zc_pdf_document_get_space_left (self) + ZC_PDF_EPSILON;
      double top = g_array_index (lines, ZcPdfLineBox, i).top;
      guint end = i;

      while (end < lines->len && g_array_index (lines, ZcPdfLineBox, end).bottom - top <= space)
        end++;

      /* A line taller than a whole page is drawn anyway, once. */
      if (end == i && zc_pdf_document_is_at_top (self))
        end = i + 1;
      if (end == i)
        {
          zc_pdf_document_new_page (self);
          continue;
        }

      zc_pdf_draw_lines (self->cr, style, lines, i, end, x, self->y);
      zc_pdf_document_advance (self, g_array_index (lines, ZcPdfLineBox, end - 1).bottom - top);
      i = end;
      if (i < lines->len)
        zc_pdf_document_new_page (self);
    }
}

double
zc_pdf_document_measure_text (ZcPdfDocument        *self,
                              const ZcPdfTextStyle *style,
                              const char           *text,
                              double                width)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (style != NULL, 0.0);
  g_return_val_if_fail (text != NULL, 0.0);

  layout = zc_pdf_document_create_layout (self, style, text, width);
  return zc_pdf_layout_get_height (layout);
}
