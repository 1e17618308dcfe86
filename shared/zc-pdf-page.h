/* zc-pdf-page.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_PDF_ERROR (zc_pdf_error_quark ())

/**
 * ZcPdfError:
 * @ZC_PDF_ERROR_NO_CJK_FONT: no installed font covers Chinese text; the
 *   document would show boxes instead of characters
 * @ZC_PDF_ERROR_IMAGE: an image could not be read (not PNG or JPEG,
 *   damaged, too large)
 * @ZC_PDF_ERROR_WRITE: writing the PDF failed (the stream's error is in
 *   the message)
 * @ZC_PDF_ERROR_FAILED: cairo failed for another reason
 */
typedef enum
{
  ZC_PDF_ERROR_NO_CJK_FONT,
  ZC_PDF_ERROR_IMAGE,
  ZC_PDF_ERROR_WRITE,
  ZC_PDF_ERROR_FAILED,
} ZcPdfError;

/* Lengths are in PDF points (1/72 inch); y grows down the page. */
#define ZC_PDF_MM          (72.0 / 25.4)
#define ZC_PDF_A4_WIDTH    (210.0 * ZC_PDF_MM)
#define ZC_PDF_A4_HEIGHT   (297.0 * ZC_PDF_MM)

/* Tried in order; the first one installed also sets the Latin glyphs,
 * so output does not depend on the desktop's default "Serif". */
#define ZC_PDF_DEFAULT_FAMILY "Noto Serif CJK SC, Source Han Serif SC, Noto Sans CJK SC, WenQuanYi Micro Hei"

/* The largest image accepted, in pixels (width × height). */
#define ZC_PDF_IMAGE_MAX_PIXELS (12 * 1000 * 1000)

typedef struct
{
  double width;
  double height;
  double margin_top;     /* the header sits inside it */
  double margin_right;
  double margin_bottom;  /* the footer sits inside it */
  double margin_left;
} ZcPdfPageSetup;

typedef struct
{
  double         size;               /* font size */
  gboolean       bold;
  PangoAlignment alignment;
  gboolean       justify;            /* stretch lines to the full width */
  double         line_spacing;       /* factor of the font's line height; 0 = 1.0 */
  double         first_line_indent;  /* of each paragraph; may be negative */
  double         gray;               /* 0 = black … 1 = white */
} ZcPdfTextStyle;

/* One laid-out line of a PangoLayout, in points relative to the layout. */
typedef struct
{
  PangoLayoutLine *line;      /* borrowed from the layout */
  double           top;
  double           bottom;
  double           baseline;
  double           x;         /* where the line's origin goes */
} ZcPdfLineBox;

/* Text for the footer of @page (1-based) of @n_pages. */
typedef char *(*ZcPdfPageLabelFunc) (guint    page,
                                     guint    n_pages,
                                     gpointer user_data);

/**
 * ZcPdfDocument:
 *
 * A paged document under construction: content flows down from a
 * cursor, a new page starts when a block does not fit, and the pages
 * are written as PDF at the end, when their number is known (so the
 * footer can say "page N of M").  Not thread-safe; use one per thread.
 */
typedef struct _ZcPdfDocument ZcPdfDocument;

GQuark           zc_pdf_error_quark               (void);

void             zc_pdf_page_setup_init_a4        (ZcPdfPageSetup        *setup);

ZcPdfDocument   *zc_pdf_document_new              (const ZcPdfPageSetup  *setup,
                                                   const char            *family,
                                                   ZcLanguage             language,
                                                   GError               **error);
void             zc_pdf_document_free             (ZcPdfDocument         *self);

const char      *zc_pdf_document_get_font_name    (ZcPdfDocument         *self);
const ZcPdfPageSetup *zc_pdf_document_get_setup   (ZcPdfDocument         *self);

/* Decorations, drawn when the pages are written. */
void             zc_pdf_document_set_header       (ZcPdfDocument         *self,
                                                   const char            *left,
                                                   const char            *right);
void             zc_pdf_document_set_footer_func  (ZcPdfDocument         *self,
                                                   ZcPdfPageLabelFunc     func,
                                                   gpointer               user_data,
                                                   GDestroyNotify         destroy);
void             zc_pdf_document_set_watermark    (ZcPdfDocument         *self,
                                                   const char            *text);
void             zc_pdf_document_set_metadata     (ZcPdfDocument         *self,
                                                   cairo_pdf_metadata_t   key,
                                                   const char            *value);

/* The flow. */
guint            zc_pdf_document_get_n_pages      (ZcPdfDocument         *self);
void             zc_pdf_document_new_page         (ZcPdfDocument         *self);
cairo_t         *zc_pdf_document_get_cairo        (ZcPdfDocument         *self);
double           zc_pdf_document_get_y            (ZcPdfDocument         *self);
void             zc_pdf_document_advance          (ZcPdfDocument         *self,
                                                   double                 dy);
double           zc_pdf_document_get_left         (ZcPdfDocument         *self);
double           zc_pdf_document_get_content_width (ZcPdfDocument        *self);
double           zc_pdf_document_get_content_height (ZcPdfDocument       *self);
double           zc_pdf_document_get_space_left   (ZcPdfDocument         *self);
gboolean         zc_pdf_document_is_at_top        (ZcPdfDocument         *self);
gboolean         zc_pdf_document_ensure_space     (ZcPdfDocument         *self,
                                                   double                 height);

/* Text. */
void             zc_pdf_text_style_init           (ZcPdfTextStyle        *style,
                                                   double                 size);
PangoLayout     *zc_pdf_document_create_layout    (ZcPdfDocument         *self,
                                                   const ZcPdfTextStyle  *style,
                                                   const char            *text,
                                                   double                 width);
GArray          *zc_pdf_layout_get_lines          (PangoLayout           *layout);
double           zc_pdf_layout_get_height         (PangoLayout           *layout);
void             zc_pdf_draw_lines                (cairo_t               *cr,
                                                   const ZcPdfTextStyle  *style,
                                                   GArray                *lines,
                                                   guint                  first,
                                                   guint                  end,
                                                   double                 x,
                                                   double                 y);
void             zc_pdf_document_add_text         (ZcPdfDocument         *self,
                                                   const ZcPdfTextStyle  *style,
                                                   const char            *text,
                                                   double                 indent,
                                                   double                 width);
double           zc_pdf_document_measure_text     (ZcPdfDocument         *self,
                                                   const ZcPdfTextStyle  *style,
                                                   const char            *text,
                                                   double                 width);

/* Outline (bookmarks): the destination is the cursor's page and y. */
int              zc_pdf_document_add_outline      (ZcPdfDocument         *self,
                                                   int                    parent,
                                                   const char            *title,
                                                   gboolean               open);
guint            zc_pdf_document_get_n_outline_items (ZcPdfDocument      *self);

/* Images. */
cairo_surface_t *zc_pdf_image_load                (GBytes                *bytes,
                                                   ZcLanguage             language,
                                                   GError               **error);
void             zc_pdf_draw_image                (cairo_t               *cr,
                                                   cairo_surface_t       *image,
                                                   double                 x,
                                                   double                 y,
                                                   double                 width,
                                                   double                 height);

gboolean         zc_pdf_document_write            (ZcPdfDocument         *self,
                                                   GOutputStream         *out,
                                                   GCancellable          *cancellable,
                                                   GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPdfDocument, zc_pdf_document_free)

G_END_DECLS
