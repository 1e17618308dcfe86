/* zc-pdf-page-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-pdf-page.h"

G_BEGIN_DECLS

/* Between zc-pdf-page.c (the document and its flow), zc-pdf-page-text.c
 * (laying out and drawing text) and zc-pdf-page-write.c (the decorations
 * and the PDF file).  Images (zc-pdf-page-image.c) need none of it. */

#define ZC_PDF_N_METADATA (CAIRO_PDF_METADATA_MOD_DATE + 1)
/* How far a block may reach past the room left and still fit. */
#define ZC_PDF_EPSILON    0.01

typedef struct
{
  cairo_surface_t *recording;     /* owned */
  char            *header_left;   /* owned, nullable */
  char            *header_right;  /* owned, nullable */
} ZcPdfPage;

typedef struct
{
  int     parent;   /* 0 = the root */
  char   *title;    /* owned */
  guint   page;     /* 1-based */
  double  y;
  gboolean open;
} ZcPdfOutlineItem;

struct _ZcPdfDocument
{
  ZcPdfPageSetup      setup;
  ZcLanguage          language;
  PangoContext       *context;        /* owned */
  char               *family;         /* owned */
  char               *font_name;      /* owned: the family that covers Chinese */
  GPtrArray          *pages;          /* owned, of ZcPdfPage */
  cairo_t            *cr;             /* owned: the current page's context */
  double              y;
  char               *header_left;    /* owned, nullable */
  char               *header_right;   /* owned, nullable */
  ZcPdfPageLabelFunc  footer_func;
  gpointer            footer_data;
  GDestroyNotify      footer_destroy;
  char               *watermark;      /* owned, nullable */
  GPtrArray          *outline;        /* owned, of ZcPdfOutlineItem */
  char               *metadata[ZC_PDF_N_METADATA];
  gboolean            written;
};

G_END_DECLS
