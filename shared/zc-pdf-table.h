/* zc-pdf-table.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-form-schema.h"
#include "zc-i18n.h"
#include "zc-pdf-page.h"

G_BEGIN_DECLS

typedef enum
{
  ZC_PDF_CELL_NORMAL = 0,
  ZC_PDF_CELL_LABEL  = 1 << 0,  /* shaded: the name of a field */
  ZC_PDF_CELL_CENTER = 1 << 1,
  ZC_PDF_CELL_BOLD   = 1 << 2,
  ZC_PDF_CELL_RIGHT  = 1 << 3,
  ZC_PDF_CELL_TOP    = 1 << 4,  /* text at the top rather than centred */
} ZcPdfCellFlags;

typedef enum
{
  ZC_PDF_ROW_NORMAL             = 0,
  /* start a new page before the previous row rather than between them */
  ZC_PDF_ROW_KEEP_WITH_PREVIOUS = 1 << 0,
} ZcPdfRowFlags;

/* The table's default text size and cell padding, in points. */
#define ZC_PDF_TABLE_TEXT_SIZE 9.0
#define ZC_PDF_TABLE_PADDING   3.0

/**
 * ZcPdfTable:
 *
 * A ruled table drawn at the cursor of a #ZcPdfDocument: column widths
 * from weights, text wrapped inside its cell, rows moved to the next
 * page when they do not fit, rows taller than a page split by lines,
 * and the column titles repeated at the top of every page it reaches.
 * A cell may span several columns.
 */
typedef struct _ZcPdfTable ZcPdfTable;

ZcPdfTable  *zc_pdf_table_new                (ZcPdfDocument      *document);
void         zc_pdf_table_free               (ZcPdfTable         *self);

void         zc_pdf_table_add_column         (ZcPdfTable         *self,
                                              const char         *title,
                                              double              weight,
                                              double              min_width);
guint        zc_pdf_table_get_n_columns      (ZcPdfTable         *self);
void         zc_pdf_table_set_text_size      (ZcPdfTable         *self,
                                              double              size);
void         zc_pdf_table_set_frame          (ZcPdfTable         *self,
                                              double              indent,
                                              double              width);
void         zc_pdf_table_set_min_row_height (ZcPdfTable         *self,
                                              double              height);

void         zc_pdf_table_begin_row          (ZcPdfTable         *self,
                                              ZcPdfRowFlags       flags);
void         zc_pdf_table_set_row_min_height (ZcPdfTable         *self,
                                              double              height);
void         zc_pdf_table_add_cell           (ZcPdfTable         *self,
                                              const char         *text,
                                              guint               span,
                                              ZcPdfCellFlags      flags);
guint        zc_pdf_table_get_n_rows         (ZcPdfTable         *self);

double       zc_pdf_table_get_column_width   (ZcPdfTable         *self,
                                              guint               column);
double       zc_pdf_table_measure            (ZcPdfTable         *self);
void         zc_pdf_table_draw               (ZcPdfTable         *self);

/* A table of records of one form (an archive category). */
ZcPdfTable  *zc_pdf_table_new_for_form       (ZcPdfDocument      *document,
                                              ZcFormSchema       *schema,
                                              const char         *marker_title,
                                              ZcLanguage          language);
void         zc_pdf_table_add_record         (ZcPdfTable         *self,
                                              JsonObject         *body,
                                              const char         *marker);

char        *zc_pdf_format_value             (const ZcFormField  *field,
                                              JsonNode           *value,
                                              ZcLanguage          language);
char        *zc_pdf_format_title_pick        (JsonObject         *pick,
                                              ZcLanguage          language);
char        *zc_pdf_format_label_value       (const char         *label,
                                              const char         *value,
                                              ZcLanguage          language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPdfTable, zc_pdf_table_free)

G_END_DECLS
