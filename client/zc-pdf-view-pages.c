/* zc-pdf-view-pages.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-view"

#include "config.h"

#include "zc-pdf-view-private.h"

/* The column of pages: where each page sits for the zoom, and their
 * textures, rendered with Poppler only when a page comes near the
 * viewport, one page per idle call, and dropped when it is far away. */

#define KEEP_AROUND       3     /* pages kept rendered beyond the visible ones */
#define MAX_TEXTURE_SIDE  8192

/* ---- geometry --------------------------------------------------------- */

double
zc_pdf_view_pixels_per_point (ZcPdfView *self)
{
  return self->zoom * POINTS_TO_PIXELS;
}

static int
page_pixels (ZcPdfView *self,
             double     points)
{
  return MAX (1, (int) (points * zc_pdf_view_pixels_per_point (self) + 0.5));
}

double
zc_pdf_view_page_top (ZcPdfView *self,
                      int        page)
{
  return g_array_index (self->tops, double, page);
}

double
zc_pdf_view_column_height (ZcPdfView *self)
{
  int last = (int) self->sizes->len - 1;

  if (last < 0)
    return 0.0;
  return zc_pdf_view_page_top (self, last) + page_pixels (self, g_array_index (self->sizes, PageSize, last).height) +
         PAGE_MARGIN;
}

/* Sizes every page for the zoom; the textures stay until re-rendered. */
void
zc_pdf_view_layout_pages (ZcPdfView *self)
{
  double y = PAGE_MARGIN;

  g_array_set_size (self->tops, self->sizes->len);
  for (guint i = 0; i < self->sizes->len; i++)
    {
      const PageSize *size = &g_array_index (self->sizes, PageSize, i);
      int width = page_pixels (self, size->width);
      int height = page_pixels (self, size->height);

      g_array_index (self->tops, double, i) = y;
      gtk_widget_set_size_request (g_ptr_array_index (self->pictures, i), width, height);
      y += height + PAGE_SPACING;
    }
}

static void
visible_pages (ZcPdfView *self,
               int       *first,
               int       *last)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double top = gtk_adjustment_get_value (adjustment);
  double bottom = top + gtk_adjustment_get_page_size (adjustment);

  *first = *last = self->page;
  if (gtk_adjustment_get_page_size (adjustment) <= 0.0 || self->pending_y >= 0.0)
    return;

  *first = -1;
  for (int i = 0; i < (int) self->sizes->len; i++)
    {
      double y = zc_pdf_view_page_top (self, i);
      double height = page_pixels (self, g_array_index (self->sizes, PageSize, i).height);

      if (y + height >= top && y <= bottom)
        {
          if (*first < 0)
            *first = i;
          *last = i;
        }
    }
  if (*first < 0)
    *first = *last = self->page;
}

/* The page at a third of the viewport's height. */
int
zc_pdf_view_page_at_scroll (ZcPdfView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double y = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 3.0;
  int page = 0;

  for (int i = 0; i < (int) self->tops->len; i++)
    if (zc_pdf_view_page_top (self, i) - PAGE_SPACING <= y)
      page = i;
  return page;
}

/* ---- rendering -------------------------------------------------------- */

void
zc_pdf_view_clear_texture (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

/* The page on white: Poppler leaves the paper transparent. */
static GdkTexture *
render_texture (PopplerPage *page,
                double       scale)
{
  double width, height;
  int pixel_width, pixel_height, stride;
  cairo_surface_t *surface;
  GdkTexture *texture;
  GBytes *bytes;
  cairo_t *cr;

  poppler_page_get_size (page, &width, &height);
  scale = MIN (scale, MAX_TEXTURE_SIDE / MAX (width, height));
  pixel_width = MAX (1, (int) (width * scale + 0.5));
  pixel_height = MAX (1, (int) (height * scale + 0.5));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * pixel_height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes, (gsize) stride);
  g_bytes_unref (bytes);

  return texture;
}

static double
texture_scale (ZcPdfView *self)
{
  return zc_pdf_view_pixels_per_point (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
drop_texture (ZcPdfView *self,
              int        page)
{
  if (g_ptr_array_index (self->textures, page) == NULL)
    return;
  gtk_picture_set_paintable (g_ptr_array_index (self->pictures, page), NULL);
  g_clear_object ((GdkTexture **) &g_ptr_array_index (self->textures, page));
}

/* One page per call, so that scrolling stays smooth. */
static gboolean
render_next (gpointer data)
{
  ZcPdfView *self = data;
  double scale = texture_scale (self);
  int first, last;

  if (self->document == NULL)
    {
      self->render_source = 0;
      return G_SOURCE_REMOVE;
    }

  visible_pages (self, &first, &last);
  first = MAX (0, first - 1);
  last = MIN ((int) self->sizes->len - 1, last + 1);
  for (int i = first; i <= last; i++)
    {
      if (g_ptr_array_index (self->textures, i) == NULL ||
          g_array_index (self->texture_scales, double, i) != scale)
        {
          PopplerPage *page = poppler_document_get_page (self->document, i);
          GdkTexture *texture = render_texture (page, scale);

          g_object_unref (page);
          zc_pdf_view_clear_texture (g_ptr_array_index (self->textures, i));
          g_ptr_array_index (self->textures, i) = texture;
          g_array_index (self->texture_scales, double, i) = scale;
          gtk_picture_set_paintable (g_ptr_array_index (self->pictures, i), GDK_PAINTABLE (texture));
          return G_SOURCE_CONTINUE;
        }
    }

  for (int i = 0; i < (int) self->sizes->len; i++)
    if (i < first - KEEP_AROUND || i > last + KEEP_AROUND)
      drop_texture (self, i);

  self->render_source = 0;
  return G_SOURCE_REMOVE;
}

void
zc_pdf_view_schedule_render (ZcPdfView *self)
{
  if (self->render_source == 0 && self->document != NULL)
    self->render_source = g_idle_add (render_next, self);
}

/**
 * zc_pdf_view_page_is_rendered:
 * @page: a 0-based page number
 *
 * Returns: whether the page's picture holds a rendering, at any zoom
 */
gboolean
zc_pdf_view_page_is_rendered (ZcPdfView *self,
                              int        page)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (page >= 0 && page < (int) self->sizes->len, FALSE);

  return g_ptr_array_index (self->textures, page) != NULL;
}
