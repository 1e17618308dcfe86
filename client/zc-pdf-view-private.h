/* zc-pdf-view-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <poppler.h>

#include "zc-pdf-view.h"

G_BEGIN_DECLS

/* Shared by zc-pdf-view.c (the widget: toolbar, scrolling, zoom, pages,
 * loading), zc-pdf-view-pages.c (where each page sits in the column and
 * rendering the pages near the viewport) and zc-pdf-view-output.c
 * ("Save as" and printing). */

#define PAGE_MARGIN       12    /* pixels around the column of pages */
#define PAGE_SPACING      12
#define POINTS_TO_PIXELS  (96.0 / 72.0)

typedef struct
{
  double width;   /* points */
  double height;
} PageSize;

struct _ZcPdfView
{
  GtkWidget           parent_instance;

  /* children */
  GtkWidget          *toolbar;          /* owned */
  GtkWidget          *paned;            /* owned */
  ZcPdfOutline       *outline;          /* borrowed, in paned */
  AdwToastOverlay    *toasts;           /* borrowed, in paned */
  GtkScrolledWindow  *scrolled;         /* borrowed */
  GtkWidget          *pages_box;        /* borrowed */
  GtkEntry           *page_entry;       /* borrowed */
  GtkLabel           *n_pages_label;    /* borrowed */
  GtkLabel           *zoom_label;       /* borrowed */

  PopplerDocument    *document;         /* owned, nullable */
  GBytes             *bytes;            /* owned, nullable: the PDF as loaded */
  GArray             *sizes;            /* owned, of PageSize */
  GArray             *tops;             /* owned, of double: each page's y in the column */
  GPtrArray          *pictures;         /* borrowed GtkPicture, children of pages_box */
  GPtrArray          *textures;         /* owned GdkTexture, NULL where not rendered */
  GArray             *texture_scales;   /* owned, of double: the scale each was made at */

  int                 page;
  double              zoom;
  gboolean            fit_width;
  gboolean            outline_visible;
  char               *suggested_name;   /* owned */

  guint               render_source;
  guint               fit_source;
  double              pending_y;        /* a scroll waiting for the layout; < 0: none */
  gboolean            scrolling;        /* the scroll is ours, not the user's */
  GtkFileChooserNative *chooser;        /* owned, nullable */
  GtkPrintOperation  *print_operation;  /* owned, nullable */
};

/* zc-pdf-view-pages.c */
double zc_pdf_view_pixels_per_point (ZcPdfView  *self);
double zc_pdf_view_page_top         (ZcPdfView  *self,
                                     int         page);
double zc_pdf_view_column_height    (ZcPdfView  *self);
void   zc_pdf_view_layout_pages     (ZcPdfView  *self);
int    zc_pdf_view_page_at_scroll   (ZcPdfView  *self);
void   zc_pdf_view_clear_texture    (gpointer    data);
void   zc_pdf_view_schedule_render  (ZcPdfView  *self);

/* zc-pdf-view-output.c */
void   zc_pdf_view_save_as_action   (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);
void   zc_pdf_view_print_action     (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);

G_END_DECLS
