/* zc-pdf-table.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-table"

#include "config.h"

#include "zc-pdf-table-private.h"

/* The table: its columns, rows and cells, and their layout (column
 * widths, cell text wrapped to them, row heights).  Drawing it across
 * pages is in zc-pdf-table-draw.c. */

typedef struct
{
  char   *title;      /* owned, nullable */
  double  weight;
  double  min_width;
  double  width;      /* computed */
} Column;

static void
cell_free (gpointer data)
{
  ZcPdfTableCell *cell = data;

  g_free (cell->text);
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->lines, g_array_unref);
  g_free (cell);
}

static ZcPdfTableRow *
row_new (ZcPdfRowFlags flags)
{
  ZcPdfTableRow *row = g_new0 (ZcPdfTableRow, 1);

  row->cells = g_ptr_array_new_with_free_func (cell_free);
  row->flags = flags;
  return row;
}

static void
row_free (gpointer data)
{
  ZcPdfTableRow *row = data;

  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
}

/**
 * zc_pdf_table_new:
 * @document: the document the table is drawn into; it must outlive the
 *   table
 *
 * Returns: (transfer full): an empty table as wide as the content area
 */
ZcPdfTable *
zc_pdf_table_new (ZcPdfDocument *document)
{
  ZcPdfTable *self;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_new0 (ZcPdfTable, 1);
  self->document = document;
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->text_size = ZC_PDF_TABLE_TEXT_SIZE;
  self->min_row_height = 0.0;
  return self;
}

void
zc_pdf_table_free (ZcPdfTable *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  row_free (self->header);
  zc_pdf_form_binding_free (self->form);
  g_free (self);
}

/**
 * zc_pdf_table_add_column:
 * @title: (nullable): the column title; a table whose columns have no
 *   titles has no title row
 * @weight: its share of the width left after every column's minimum
 * @min_width: its smallest width
 */
void
zc_pdf_table_add_column (ZcPdfTable *self,
                         const char *title,
                         double      weight,
                         double      min_width)
{
  Column column = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (weight >= 0.0 && min_width >= 0.0);
  g_return_if_fail (!self->widths_known);
  g_return_if_fail (self->rows->len == 0);

  column.title = g_strdup (title);
  column.weight = weight;
  column.min_width = min_width;
  g_array_append_val (self->columns, column);
}

guint
zc_pdf_table_get_n_columns (ZcPdfTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

void
zc_pdf_table_set_text_size (ZcPdfTable *self,
                            double      size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (size > 0.0);
  g_return_if_fail (!self->widths_known);

  self->text_size = size;
}

/* Places the table @indent from the left margin, @width wide (0: to the
 * right margin). */
void
zc_pdf_table_set_frame (ZcPdfTable *self,
                        double      indent,
                        double      width)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (indent >= 0.0 && width >= 0.0);
  g_return_if_fail (!self->widths_known);

  self->indent = indent;
  self->width = width;
}

void
zc_pdf_table_set_min_row_height (ZcPdfTable *self,
                                 double      height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (height >= 0.0);

  self->min_row_height = height;
  for (guint i = 0; i < self->rows->len; i++)
    ((ZcPdfTableRow *) g_ptr_array_index (self->rows, i))->height = 0.0;
}

/* Starts a row; cells left out at its end stay empty. */
void
zc_pdf_table_begin_row (ZcPdfTable    *self,
                        ZcPdfRowFlags  flags)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->columns->len > 0);

  g_ptr_array_add (self->rows, row_new (flags));
}

/* The smallest height of the row begun last. */
void
zc_pdf_table_set_row_min_height (ZcPdfTable *self,
                                 double      height)
{
  ZcPdfTableRow *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->rows->len > 0);
  g_return_if_fail (height >= 0.0);

  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  row->min_height = height;
  row->height = 0.0;
}

static void
row_add_cell (ZcPdfTableRow  *row,
              const char     *text,
              guint           span,
              ZcPdfCellFlags  flags)
{
  ZcPdfTableCell *cell = g_new0 (ZcPdfTableCell, 1);

  cell->text = g_strdup (text != NULL ? text : "");
  cell->column = row->used;
  cell->span = span;
  cell->flags = flags;
  row->used += span;
  g_ptr_array_add (row->cells, cell);
}

/**
 * zc_pdf_table_add_cell:
 * @text: (nullable): the cell's text; line breaks are kept
 * @span: how many columns it covers, at least 1
 *
 * Adds a cell to the row begun last.
 */
void
zc_pdf_table_add_cell (ZcPdfTable     *self,
                       const char     *text,
                       guint           span,
                       ZcPdfCellFlags  flags)
{
  ZcPdfTableRow *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->rows->len > 0);
  g_return_if_fail (span >= 1);

  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  g_return_if_fail (row->used + span <= self->columns->len);

  row_add_cell (row, text, span, flags);
  row->height = 0.0;
}

guint
zc_pdf_table_get_n_rows (ZcPdfTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/* ---- layout ----------------------------------------------------------- */

void
zc_pdf_table_compute_widths (ZcPdfTable *self)
{
  double total, minimum = 0.0, weights = 0.0, spare;

  if (self->widths_known)
    return;

  total = self->width > 0.0 ? self->width : zc_pdf_document_get_content_width (self->document) - self->indent;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      minimum += column->min_width;
      weights += column->weight;
    }

  spare = total - minimum;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      if (spare < 0.0)  /* the minimums do not fit: shrink them alike */
        column->width = minimum > 0.0 ? column->min_width * total / minimum : total / self->columns->len;
      else if (weights > 0.0)
        column->width = column->min_width + spare * column->weight / weights;
      else
        column->width = column->min_width + spare / self->columns->len;
    }

  /* The title row is one more row, laid out like the others. */
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, Column, i).title != NULL)
      {
        self->header = row_new (ZC_PDF_ROW_NORMAL);
        for (guint j = 0; j < self->columns->len; j++)
          row_add_cell (self->header, g_array_index (self->columns, Column, j).title, 1,
                        ZC_PDF_CELL_LABEL | ZC_PDF_CELL_CENTER | ZC_PDF_CELL_BOLD);
        break;
      }

  self->widths_known = TRUE;
}

/* The x of a column relative to the table, and the width of a span. */
double
zc_pdf_table_column_x (ZcPdfTable *self,
                       guint       column)
{
  double x = 0.0;

  for (guint i = 0; i < column; i++)
    x += g_array_index (self->columns, Column, i).width;
  return x;
}

double
zc_pdf_table_span_width (ZcPdfTable *self,
                         guint       column,
                         guint       span)
{
  double width = 0.0;

  for (guint i = column; i < column + span && i < self->columns->len; i++)
    width += g_array_index (self->columns, Column, i).width;
  return width;
}

void
zc_pdf_table_cell_style (ZcPdfTable           *self,
                         const ZcPdfTableCell *cell,
                         ZcPdfTextStyle       *style)
{
  zc_pdf_text_style_init (style, self->text_size);
  style->bold = (cell->flags & ZC_PDF_CELL_BOLD) != 0;
  if ((cell->flags & ZC_PDF_CELL_CENTER) != 0)
    style->alignment = PANGO_ALIGN_CENTER;
  else if ((cell->flags & ZC_PDF_CELL_RIGHT) != 0)
    style->alignment = PANGO_ALIGN_RIGHT;
}

double
zc_pdf_table_layout_row (ZcPdfTable    *self,
                         ZcPdfTableRow *row)
{
  double height = 0.0;

  if (row->height > 0.0)
    return row->height;

  for (guint i = 0; i < row->cells->len; i++)
    {
      ZcPdfTableCell *cell = g_ptr_array_index (row->cells, i);

      if (cell->layout == NULL)
        {
          ZcPdfTextStyle style;
          double width = zc_pdf_table_span_width (self, cell->column, cell->span) - 2 * ZC_PDF_TABLE_PADDING;

          zc_pdf_table_cell_style (self, cell, &style);
          cell->layout = zc_pdf_document_create_layout (self->document, &style, cell->text, MAX (width, 1.0));
          cell->lines = zc_pdf_layout_get_lines (cell->layout);
          cell->text_height = zc_pdf_layout_get_height (cell->layout);
        }
      height = MAX (height, cell->text_height);
    }

  row->height = MAX (height + 2 * ZC_PDF_TABLE_PADDING, MAX (self->min_row_height, row->min_height));
  return row->height;
}

/* The table's height if it were drawn on one page. */
double
zc_pdf_table_measure (ZcPdfTable *self)
{
  double height = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);

  zc_pdf_table_compute_widths (self);
  if (self->header != NULL)
    height += zc_pdf_table_layout_row (self, self->header);
  for (guint i = 0; i < self->rows->len; i++)
    height += zc_pdf_table_layout_row (self, g_ptr_array_index (self->rows, i));

  return height;
}

double
zc_pdf_table_get_column_width (ZcPdfTable *self,
                               guint       column)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (column < self->columns->len, 0.0);

  zc_pdf_table_compute_widths (self);
  return g_array_index (self->columns, Column, column).width;
}
