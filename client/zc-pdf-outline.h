/* zc-pdf-outline.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

G_BEGIN_DECLS

#define ZC_TYPE_PDF_OUTLINE (zc_pdf_outline_get_type ())
G_DECLARE_FINAL_TYPE (ZcPdfOutline, zc_pdf_outline, ZC, PDF_OUTLINE, GtkWidget)

GtkWidget   *zc_pdf_outline_new             (void);
void         zc_pdf_outline_set_document    (ZcPdfOutline    *self,
                                             PopplerDocument *document);
guint        zc_pdf_outline_get_n_items     (ZcPdfOutline    *self);
const char  *zc_pdf_outline_get_item_title  (ZcPdfOutline    *self,
                                             guint            index);
guint        zc_pdf_outline_get_item_depth  (ZcPdfOutline    *self,
                                             guint            index);
int          zc_pdf_outline_get_item_page   (ZcPdfOutline    *self,
                                             guint            index);
void         zc_pdf_outline_activate_item   (ZcPdfOutline    *self,
                                             guint            index);

G_END_DECLS
