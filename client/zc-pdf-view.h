/* zc-pdf-view.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "zc-pdf-outline.h"

G_BEGIN_DECLS

#define ZC_TYPE_PDF_VIEW (zc_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (ZcPdfView, zc_pdf_view, ZC, PDF_VIEW, GtkWidget)

/* Zoom 1.0 shows a page at its printed size on a 96 dpi screen. */
#define ZC_PDF_VIEW_MIN_ZOOM 0.25
#define ZC_PDF_VIEW_MAX_ZOOM 4.0

GtkWidget          *zc_pdf_view_new                    (void);
gboolean            zc_pdf_view_load_bytes             (ZcPdfView            *self,
                                                        GBytes               *pdf,
                                                        GError              **error);
GBytes             *zc_pdf_view_get_bytes              (ZcPdfView            *self);
int                 zc_pdf_view_get_n_pages            (ZcPdfView            *self);
int                 zc_pdf_view_get_page               (ZcPdfView            *self);
void                zc_pdf_view_set_page               (ZcPdfView            *self,
                                                        int                   page);
double              zc_pdf_view_get_zoom               (ZcPdfView            *self);
void                zc_pdf_view_set_zoom               (ZcPdfView            *self,
                                                        double                zoom);
gboolean            zc_pdf_view_get_fit_width          (ZcPdfView            *self);
void                zc_pdf_view_set_fit_width          (ZcPdfView            *self,
                                                        gboolean              fit_width);
gboolean            zc_pdf_view_get_outline_visible    (ZcPdfView            *self);
void                zc_pdf_view_set_outline_visible    (ZcPdfView            *self,
                                                        gboolean              visible);
const char         *zc_pdf_view_get_suggested_name     (ZcPdfView            *self);
void                zc_pdf_view_set_suggested_name     (ZcPdfView            *self,
                                                        const char           *name);
ZcPdfOutline       *zc_pdf_view_get_outline            (ZcPdfView            *self);
gboolean            zc_pdf_view_page_is_rendered       (ZcPdfView            *self,
                                                        int                   page);

void                zc_pdf_view_save_async             (ZcPdfView            *self,
                                                        GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean            zc_pdf_view_save_finish            (ZcPdfView            *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
GtkPrintOperation  *zc_pdf_view_create_print_operation (ZcPdfView            *self);

G_END_DECLS
