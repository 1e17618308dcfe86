/* zc-pages-to-pdf.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Photographed pages (JPEG or PNG files) into one A4 PDF, a page each,
 * scaled to fit, for an attachment with a size limit (SPEC
 * "Declaration" step 7).  The pages are embedded as JPEG; when the PDF
 * is over the limit, the quality and the resolution are lowered step
 * by step until it fits, or it says it cannot. */

#define ZC_PAGES_TO_PDF_ERROR (zc_pages_to_pdf_error_quark ())

typedef enum
{
  ZC_PAGES_TO_PDF_ERROR_NO_PAGES,     /* none given, or too many */
  ZC_PAGES_TO_PDF_ERROR_UNREADABLE,   /* a file is not a JPEG or PNG image */
  ZC_PAGES_TO_PDF_ERROR_TOO_LARGE,    /* even the smallest step is over the limit */
  ZC_PAGES_TO_PDF_ERROR_FAILED,       /* cairo could not write it */
} ZcPagesToPdfError;

#define ZC_PAGES_TO_PDF_MAX_PAGES 100

/* @fraction from 0 to 1; called in the thread that started the job. */
typedef void (*ZcPagesToPdfProgress) (double    fraction,
                                      gpointer  user_data);

GQuark   zc_pages_to_pdf_error_quark (void);

/* The work itself, in the calling thread. */
GBytes  *zc_pages_to_pdf_convert     (GFile * const         *files,
                                      guint                  n_files,
                                      guint64                max_bytes,
                                      ZcPagesToPdfProgress   progress,
                                      gpointer               progress_data,
                                      GCancellable          *cancellable,
                                      GError               **error);

/* The same in a GTask thread; @progress runs in the caller's main
 * context.  @progress_data must live until @callback. */
void     zc_pages_to_pdf_async       (GFile * const         *files,
                                      guint                  n_files,
                                      guint64                max_bytes,
                                      ZcPagesToPdfProgress   progress,
                                      gpointer               progress_data,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data);
GBytes  *zc_pages_to_pdf_finish      (GAsyncResult          *result,
                                      GError               **error);

G_END_DECLS
