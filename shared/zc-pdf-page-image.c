/* zc-pdf-page-image.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-pdf-page.h"

/* Images: PNG decoded by cairo, JPEG embedded as it is; both checked
 * for their size before any pixel is allocated. */

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
} ReadClosure;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  ReadClosure *reader = closure;

  if (reader->length - reader->pos < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->pos, length);
  reader->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The size in a JPEG's start-of-frame segment. */
static gboolean
jpeg_get_size (const guchar *data,
               gsize         length,
               int          *width,
               int          *height)
{
  gsize pos = 2;

  while (pos + 4 <= length)
    {
      guchar marker;
      gsize segment;

      if (data[pos] != 0xff)
        return FALSE;
      marker = data[pos + 1];
      if (marker == 0xff)  /* fill byte */
        {
          pos++;
          continue;
        }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          pos += 2;
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)  /* end of image, start of scan */
        return FALSE;

      segment = ((gsize) data[pos + 2] << 8) | data[pos + 3];
      if (segment < 2 || pos + 2 + segment > length)
        return FALSE;

      /* SOF0–SOF15, except DHT (c4), JPG (c8) and DAC (cc) */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (segment < 7)
            return FALSE;
          *height = (data[pos + 5] << 8) | data[pos + 6];
          *width = (data[pos + 7] << 8) | data[pos + 8];
          return *width > 0 && *height > 0;
        }
      pos += 2 + segment;
    }

  return FALSE;
}

static void
set_image_error (GError     **error,
                 ZcLanguage   language,
                 const char  *msgid)
{
  g_set_error_literal (error, ZC_PDF_ERROR, ZC_PDF_ERROR_IMAGE, zc_translate (language, msgid));
}

static cairo_surface_t *
load_jpeg (GBytes     *bytes,
           ZcLanguage  language,
           GError    **error)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  cairo_surface_t *surface;
  int width = 0, height = 0;

  if (!jpeg_get_size (data, length, &width, &height))
    {
      set_image_error (error, language, N_("The JPEG image is damaged"));
      return NULL;
    }
  if ((gint64) width * height > ZC_PDF_IMAGE_MAX_PIXELS)
    {
      set_image_error (error, language, N_("The image has too many pixels"));
      return NULL;
    }

  /* cairo cannot decode JPEG, but its PDF backend embeds the file as it
   * is when the surface carries it as MIME data; the pixels stay blank. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, data, length,
                                   (cairo_destroy_func_t) g_bytes_unref,
                                   g_bytes_ref (bytes)) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      set_image_error (error, language, N_("The image could not be read"));
      return NULL;
    }

  return surface;
}

/**
 * zc_pdf_image_load:
 * @bytes: a PNG or JPEG file, recognised by its content
 *
 * Returns: (transfer full): an image surface for zc_pdf_draw_image(), or
 *   %NULL with @error set (%ZC_PDF_ERROR_IMAGE)
 */
cairo_surface_t *
zc_pdf_image_load (GBytes      *bytes,
                   ZcLanguage   language,
                   GError     **error)
{
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  ReadClosure reader = { 0 };
  cairo_surface_t *surface;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader.data = g_bytes_get_data (bytes, &reader.length);
  if (reader.length >= 3 && reader.data[0] == 0xff && reader.data[1] == 0xd8 && reader.data[2] == 0xff)
    return load_jpeg (bytes, language, error);

  if (reader.length < 24 || memcmp (reader.data, png_signature, sizeof png_signature) != 0)
    {
      set_image_error (error, language, N_("The image is neither PNG nor JPEG"));
      return NULL;
    }

  /* The IHDR chunk comes first: refuse a huge image before decoding it. */
  {
    const guchar *ihdr = reader.data + 16;
    guint64 width = ((guint64) ihdr[0] << 24) | (ihdr[1] << 16) | (ihdr[2] << 8) | ihdr[3];
    guint64 height = ((guint64) ihdr[4] << 24) | (ihdr[5] << 16) | (ihdr[6] << 8) | ihdr[7];

    if (width * height > ZC_PDF_IMAGE_MAX_PIXELS)
      {
        set_image_error (error, language, N_("The image has too many pixels"));
        return NULL;
      }
  }

  surface = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      set_image_error (error, language, N_("The PNG image is damaged"));
      return NULL;
    }

  return surface;
}

/* Draws @image as large as fits in the box, centred, keeping its shape. */
void
zc_pdf_draw_image (cairo_t         *cr,
                   cairo_surface_t *image,
                   double           x,
                   double           y,
                   double           width,
                   double           height)
{
  int image_width, image_height;
  double scale;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (image != NULL);

  image_width = cairo_image_surface_get_width (image);
  image_height = cairo_image_surface_get_height (image);
  if (image_width <= 0 || image_height <= 0 || width <= 0.0 || height <= 0.0)
    return;

  scale = MIN (width / image_width, height / image_height);
  cairo_save (cr);
  cairo_translate (cr, x + (width - image_width * scale) / 2.0, y + (height - image_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}
