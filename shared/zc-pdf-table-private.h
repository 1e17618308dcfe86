/* zc-pdf-table-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-pdf-table.h"

G_BEGIN_DECLS

/* Between zc-pdf-table.c (the table's rows and cells, and their layout),
 * zc-pdf-table-draw.c (drawing them across pages) and
 * zc-pdf-table-form.c (a table of the records of one form). */

typedef struct
{
  char           *text;     /* owned */
  guint           column;
  guint           span;
  ZcPdfCellFlags  flags;
  PangoLayout    *layout;   /* owned, made when the widths are known */
  GArray         *lines;    /* owned, of ZcPdfLineBox */
  double          text_height;
} ZcPdfTableCell;

typedef struct
{
  GPtrArray     *cells;     /* owned, of ZcPdfTableCell */
  ZcPdfRowFlags  flags;
  guint          used;      /* columns filled so far */
  double         min_height;
  double         height;    /* computed */
} ZcPdfTableRow;

/* Which fields of a form go where; zc-pdf-table-form.c. */
typedef struct _ZcPdfFormBinding ZcPdfFormBinding;

struct _ZcPdfTable
{
  ZcPdfDocument    *document;     /* borrowed */
  GArray           *columns;      /* of Column (zc-pdf-table.c) */
  GPtrArray        *rows;         /* owned, of ZcPdfTableRow */
  ZcPdfTableRow    *header;       /* owned, nullable; made with the widths */
  double            text_size;
  double            indent;
  double            width;        /* 0: the content width */
  double            min_row_height;
  gboolean          widths_known;
  ZcPdfFormBinding *form;         /* owned, nullable */
};

void    zc_pdf_form_binding_free      (ZcPdfFormBinding *form);

/* The layout, once the widths are known: zc-pdf-table.c. */
void    zc_pdf_table_compute_widths   (ZcPdfTable           *self);
double  zc_pdf_table_column_x         (ZcPdfTable           *self,
                                       guint                 column);
double  zc_pdf_table_span_width       (ZcPdfTable           *self,
                                       guint                 column,
                                       guint                 span);
void    zc_pdf_table_cell_style       (ZcPdfTable           *self,
                                       const ZcPdfTableCell *cell,
                                       ZcPdfTextStyle       *style);
double  zc_pdf_table_layout_row       (ZcPdfTable           *self,
                                       ZcPdfTableRow        *row);

G_END_DECLS
