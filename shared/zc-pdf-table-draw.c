/* zc-pdf-table-draw.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-table"

#include "config.h"

#include "zc-pdf-table-private.h"

/* Drawing a laid-out table at the document's cursor: rows moved to the
 * next page when they do not fit, rows taller than a page split between
 * lines, and the column titles again at the top of every page. */

#define EPSILON       0.01
#define RULE_WIDTH    0.6
#define LABEL_GRAY    0.92
/* Enough of a row to start it below the column titles at a page's end. */
#define MIN_FIRST_PART 30.0

static void
draw_cell_frame (cairo_t              *cr,
                 const ZcPdfTableCell *cell,
                 double                x,
                 double                y,
                 double                width,
                 double                height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  if ((cell->flags & ZC_PDF_CELL_LABEL) != 0)
    {
      cairo_set_source_rgb (cr, LABEL_GRAY, LABEL_GRAY, LABEL_GRAY);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A row that fits: the text of each cell centred vertically. */
static void
draw_row (ZcPdfTable    *self,
          ZcPdfTableRow *row)
{
  cairo_t *cr = zc_pdf_document_get_cairo (self->document);
  double left = zc_pdf_document_get_left (self->document) + self->indent;
  double y = zc_pdf_document_get_y (self->document);
  double height = zc_pdf_table_layout_row (self, row);

  for (guint i = 0; i < row->cells->len; i++)
    {
      ZcPdfTableCell *cell = g_ptr_array_index (row->cells, i);
      double x = left + zc_pdf_table_column_x (self, cell->column);
      double width = zc_pdf_table_span_width (self, cell->column, cell->span);
      ZcPdfTextStyle style;

      zc_pdf_table_cell_style (self, cell, &style);
      draw_cell_frame (cr, cell, x, y, width, height);
      zc_pdf_draw_lines (cr, &style, cell->lines, 0, cell->lines->len, x + ZC_PDF_TABLE_PADDING,
                         (cell->flags & ZC_PDF_CELL_TOP) != 0 ? y + ZC_PDF_TABLE_PADDING
                                                               : y + (height - cell->text_height) / 2.0);
    }

  /* empty cells at the end of a short row still get their rule */
  if (row->used < self->columns->len)
    {
      ZcPdfTableCell filler = { .flags = ZC_PDF_CELL_NORMAL };
      double x = left + zc_pdf_table_column_x (self, row->used);

      draw_cell_frame (cr, &filler, x, y,
                       zc_pdf_table_span_width (self, row->used, self->columns->len - row->used), height);
    }

  zc_pdf_document_advance (self->document, height);
}

static void
new_page_with_header (ZcPdfTable *self)
{
  zc_pdf_document_new_page (self->document);
  if (self->header != NULL)
    draw_row (self, self->header);
}

/* A row taller than the room left: as many lines of each cell as fit,
 * then the rest on the next pages, under the column titles again. */
static void
draw_split_row (ZcPdfTable    *self,
                ZcPdfTableRow *row)
{
  g_autofree guint *next = g_new0 (guint, row->cells->len);
  double left = zc_pdf_document_get_left (self->document) + self->indent;
  gboolean fresh = FALSE;

  for (;;)
    {
      cairo_t *cr = zc_pdf_document_get_cairo (self->document);
      double y = zc_pdf_document_get_y (self->document);
      double room = zc_pdf_document_get_space_left (self->document) - 2 * ZC_PDF_TABLE_PADDING + EPSILON;
      g_autofree guint *end = g_new0 (guint, row->cells->len);
      gboolean progress = FALSE, remaining = FALSE;
      double used = 0.0;

      for (guint i = 0; i < row->cells->len; i++)
        {
          ZcPdfTableCell *cell = g_ptr_array_index (row->cells, i);
          double top = next[i] < cell->lines->len ? g_array_index (cell->lines, ZcPdfLineBox, next[i]).top : 0.0;

          end[i] = next[i];
          while (end[i] < cell->lines->len &&
                 g_array_index (cell->lines, ZcPdfLineBox, end[i]).bottom - top <= room)
            end[i]++;
          /* on an empty page a line always goes, however tall */
          if (end[i] == next[i] && next[i] < cell->lines->len && fresh)
            end[i]++;
          if (end[i] > next[i])
            {
              progress = TRUE;
              used = MAX (used, g_array_index (cell->lines, ZcPdfLineBox, end[i] - 1).bottom - top);
            }
          if (end[i] < cell->lines->len)
            remaining = TRUE;
        }

      if (!progress)
        {
          new_page_with_header (self);
          fresh = TRUE;
          continue;
        }

      {
        double height = remaining ? zc_pdf_document_get_space_left (self->document)
                                  : MAX (used + 2 * ZC_PDF_TABLE_PADDING, MAX (self->min_row_height, row->min_height));

        for (guint i = 0; i < row->cells->len; i++)
          {
            ZcPdfTableCell *cell = g_ptr_array_index (row->cells, i);
            double x = left + zc_pdf_table_column_x (self, cell->column);
            ZcPdfTextStyle style;

            zc_pdf_table_cell_style (self, cell, &style);
            draw_cell_frame (cr, cell, x, y, zc_pdf_table_span_width (self, cell->column, cell->span),
                             height);
            zc_pdf_draw_lines (cr, &style, cell->lines, next[i], end[i], x + ZC_PDF_TABLE_PADDING,
                               y + ZC_PDF_TABLE_PADDING);
            next[i] = end[i];
          }
        zc_pdf_document_advance (self->document, height);
      }

      if (!remaining)
        return;
      new_page_with_header (self);
      fresh = TRUE;
    }
}

/**
 * zc_pdf_table_draw:
 *
 * Draws the table at the document's cursor and moves the cursor below
 * it.  The title row goes on every page the table reaches; a row that
 * does not fit goes to the next page, with the rows kept with it; a row
 * taller than a page is split between lines.
 */
void
zc_pdf_table_draw (ZcPdfTable *self)
{
  double header_height, capacity;
  guint on_page = 0;

  g_return_if_fail (self != NULL);

  zc_pdf_table_compute_widths (self);
  header_height = self->header != NULL ? zc_pdf_table_layout_row (self, self->header) : 0.0;
  capacity = zc_pdf_document_get_content_height (self->document) - header_height;

  /* the column titles never stay alone at the bottom of a page */
  if (self->rows->len > 0)
    {
      double first = zc_pdf_table_layout_row (self, g_ptr_array_index (self->rows, 0));

      for (guint j = 1; j < self->rows->len; j++)
        {
          ZcPdfTableRow *kept = g_ptr_array_index (self->rows, j);

          if ((kept->flags & ZC_PDF_ROW_KEEP_WITH_PREVIOUS) == 0)
            break;
          first += zc_pdf_table_layout_row (self, kept);
        }
      zc_pdf_document_ensure_space (self->document,
                                    header_height + (first <= capacity ? first : MIN_FIRST_PART));
    }
  if (self->header != NULL)
    draw_row (self, self->header);

  for (guint i = 0; i < self->rows->len; i++)
    {
      ZcPdfTableRow *row = g_ptr_array_index (self->rows, i);
      double height = zc_pdf_table_layout_row (self, row);
      double group = height;
      double space = zc_pdf_document_get_space_left (self->document) + EPSILON;

      for (guint j = i + 1; j < self->rows->len; j++)
        {
          ZcPdfTableRow *kept = g_ptr_array_index (self->rows, j);

          if ((kept->flags & ZC_PDF_ROW_KEEP_WITH_PREVIOUS) == 0)
            break;
          group += zc_pdf_table_layout_row (self, kept);
        }

      if (on_page > 0 && (row->flags & ZC_PDF_ROW_KEEP_WITH_PREVIOUS) == 0 &&
          group > space && group <= capacity + EPSILON)
        {
          new_page_with_header (self);
          on_page = 0;
          space = zc_pdf_document_get_space_left (self->document) + EPSILON;
        }

      if (height <= space)
        draw_row (self, row);
      else if (on_page > 0 && height <= capacity + EPSILON)
        {
          new_page_with_header (self);
          draw_row (self, row);
        }
      else
        draw_split_row (self, row);
      on_page++;
    }
}
