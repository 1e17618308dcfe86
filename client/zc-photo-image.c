/* zc-photo-image.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-photo-image"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-photo-image.h"

/* The ID photo as pixels: decoding a picked file safely, the facts the
 * shared rules judge, and the editor's steps (rotate, crop, scale,
 * recompress).  No widgets: the editor and the tests share it. */

G_DEFINE_QUARK (zc-photo-image-error-quark, zc_photo_image_error)

typedef struct
{
  guint    width;
  guint    height;
  gboolean too_many;
} Prepared;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  Prepared        *prepared)
{
  prepared->width = (guint) MAX (width, 0);
  prepared->height = (guint) MAX (height, 0);

  /* a zero size stops the decoder before it allocates the image */
  if (width <= 0 || height <= 0 || (guint64) width * (guint64) height > ZC_PHOTO_MAX_PIXELS)
    {
      prepared->too_many = width > 0 && height > 0;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
    }
}

/* Decodes with the one decoder the first bytes name: a file from
 * outside never gets to choose among all of gdk-pixbuf's loaders. */
static GdkPixbuf *
decode (GBytes    *bytes,
        Prepared  *prepared,
        GError   **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  const char *mime = zc_photo_sniff_mime (data, size);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *pixbuf;
  gboolean ok;

  if (g_strcmp0 (mime, "image/jpeg") != 0 && g_strcmp0 (mime, "image/png") != 0)
    {
      g_set_error_literal (error, ZC_PHOTO_IMAGE_ERROR, ZC_PHOTO_IMAGE_ERROR_TYPE,
                           _("The file is not a JPEG or PNG image."));
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_type (g_str_equal (mime, "image/jpeg") ? "jpeg" : "png", &local_error);
  if (loader == NULL)
    {
      g_set_error (error, ZC_PHOTO_IMAGE_ERROR, ZC_PHOTO_IMAGE_ERROR_UNREADABLE, "%s", local_error->message);
      return NULL;
    }

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), prepared);
  ok = gdk_pixbuf_loader_write (loader, data, size, NULL);
  ok = gdk_pixbuf_loader_close (loader, NULL) && ok;
  if (prepared->too_many)
    {
      g_set_error (error, ZC_PHOTO_IMAGE_ERROR, ZC_PHOTO_IMAGE_ERROR_TOO_MANY_PIXELS,
                   _("The image has far too many pixels (%u × %u)."), prepared->width, prepared->height);
      return NULL;
    }

  pixbuf = ok ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  if (pixbuf == NULL || gdk_pixbuf_get_width (pixbuf) <= 0)
    {
      g_set_error_literal (error, ZC_PHOTO_IMAGE_ERROR, ZC_PHOTO_IMAGE_ERROR_UNREADABLE,
                           _("The image cannot be read; the file may be damaged."));
      return NULL;
    }

  /* a photo taken sideways is judged and edited the way viewers show it */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/**
 * zc_photo_image_decode:
 *
 * Decodes a JPEG or PNG (by content), refusing more than
 * %ZC_PHOTO_MAX_PIXELS before allocating them, and turns it upright.
 *
 * Returns: (transfer full): the image
 */
GdkPixbuf *
zc_photo_image_decode (GBytes  *bytes,
                       GError **error)
{
  Prepared prepared = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return decode (bytes, &prepared, error);
}

static void
fill_background (GdkPixbuf    *pixbuf,
                 ZcPhotoFacts *facts)
{
  facts->has_background =
    zc_photo_average_background (gdk_pixbuf_read_pixels (pixbuf),
                                 (guint) gdk_pixbuf_get_width (pixbuf), (guint) gdk_pixbuf_get_height (pixbuf),
                                 (gsize) gdk_pixbuf_get_rowstride (pixbuf),
                                 (guint) gdk_pixbuf_get_n_channels (pixbuf), facts->background);
}

/**
 * zc_photo_image_get_facts:
 * @pixbuf: (nullable): @bytes decoded, %NULL when it could not be
 * @facts: (out caller-allocates): what the rules judge; @facts->mime
 *   is a static string
 */
void
zc_photo_image_get_facts (GBytes       *bytes,
                          GdkPixbuf    *pixbuf,
                          ZcPhotoFacts *facts)
{
  gsize size = 0;
  const guint8 *data;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (pixbuf == NULL || GDK_IS_PIXBUF (pixbuf));
  g_return_if_fail (facts != NULL);

  memset (facts, 0, sizeof *facts);
  data = g_bytes_get_data (bytes, &size);
  facts->mime = zc_photo_sniff_mime (data, size);
  facts->size = size;
  if (pixbuf != NULL)
    {
      facts->width = (guint) gdk_pixbuf_get_width (pixbuf);
      facts->height = (guint) gdk_pixbuf_get_height (pixbuf);
      fill_background (pixbuf, facts);
    }
}

/**
 * zc_photo_image_judge:
 * @problems: (out) (optional) (transfer full) (element-type ZcPhotoProblem):
 *   every problem, empty when there is none
 * @pixbuf: (out) (optional) (transfer full) (nullable): the image, when
 *   it could be decoded
 *
 * Decodes @bytes and judges it by @rules: what the page shows after the
 * user picks a file, and what the editor shows of its result.
 *
 * Returns: whether the photo follows @rules as it is
 */
gboolean
zc_photo_image_judge (const ZcPhotoRules  *rules,
                      GBytes              *bytes,
                      ZcLanguage           language,
                      GPtrArray          **problems,
                      GdkPixbuf          **pixbuf)
{
  Prepared prepared = { 0 };
  g_autoptr(GdkPixbuf) image = NULL;
  ZcPhotoFacts facts;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  image = decode (bytes, &prepared, NULL);
  zc_photo_image_get_facts (bytes, image, &facts);
  if (image == NULL && prepared.too_many)
    {
      /* the size is known, nothing else */
      facts.width = prepared.width;
      facts.height = prepared.height;
    }

  if (pixbuf != NULL)
    *pixbuf = g_steal_pointer (&image);
  return zc_photo_rules_check (rules, &facts, language, problems);
}

/* Returns: (transfer full): @image a quarter turn further */
GdkPixbuf *
zc_photo_image_rotate (GdkPixbuf *image,
                       gboolean   clockwise)
{
  g_return_val_if_fail (GDK_IS_PIXBUF (image), NULL);

  return gdk_pixbuf_rotate_simple (image, clockwise ? GDK_PIXBUF_ROTATE_CLOCKWISE
                                                    : GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
}

/**
 * zc_photo_image_output_size:
 * @scale: the share of the crop's size to keep, in (0, 1]
 * @width: (out): the output width
 * @height: (out): the output height
 *
 * The size a crop becomes at @scale, with the width nudged back within
 * the rules' ratio where rounding pushed it out.
 *
 * Returns: whether there is such a size (not for a crop of a few pixels)
 */
gboolean
zc_photo_image_output_size (const ZcPhotoRules *rules,
                            guint               crop_width,
                            guint               crop_height,
                            double              scale,
                            guint              *width,
                            guint              *height)
{
  guint lo, hi, h, w;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  *width = *height = 0;
  if (crop_width == 0 || crop_height == 0 || !(scale > 0.0))
    return FALSE;

  scale = MIN (scale, 1.0);
  h = (guint) MAX (1.0, crop_height * scale + 0.5);
  w = (guint) MAX (1.0, crop_width * scale + 0.5);
  if (!zc_photo_rules_width_range (rules, h, &lo, &hi))
    return FALSE;

  *width = CLAMP (w, lo, hi);
  *height = h;
  return TRUE;
}

/* JPEG has no transparency: a PNG's transparent parts become white,
 * the colour of most ID photo backgrounds, rather than black. */
static GdkPixbuf *
flatten (GdkPixbuf *image)
{
  GdkPixbuf *flat;
  int width = gdk_pixbuf_get_width (image);
  int height = gdk_pixbuf_get_height (image);

  if (!gdk_pixbuf_get_has_alpha (image))
    return g_object_ref (image);

  flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  gdk_pixbuf_fill (flat, 0xffffffff);
  gdk_pixbuf_composite (image, flat, 0, 0, width, height, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
  return flat;
}

/**
 * zc_photo_image_crop_and_scale:
 * @crop: within @image
 * @width: the output width
 * @height: the output height
 *
 * Returns: (transfer full): the crop of @image scaled to @width ×
 *   @height, without transparency
 */
GdkPixbuf *
zc_photo_image_crop_and_scale (GdkPixbuf          *image,
                               const GdkRectangle *crop,
                               guint               width,
                               guint               height)
{
  g_autoptr(GdkPixbuf) part = NULL;
  g_autoptr(GdkPixbuf) flat = NULL;

  g_return_val_if_fail (GDK_IS_PIXBUF (image), NULL);
  g_return_val_if_fail (crop != NULL, NULL);
  g_return_val_if_fail (crop->x >= 0 && crop->y >= 0 && crop->width > 0 && crop->height > 0, NULL);
  g_return_val_if_fail (crop->x + crop->width <= gdk_pixbuf_get_width (image), NULL);
  g_return_val_if_fail (crop->y + crop->height <= gdk_pixbuf_get_height (image), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && width <= G_MAXINT && height <= G_MAXINT, NULL);

  part = gdk_pixbuf_new_subpixbuf (image, crop->x, crop->y, crop->width, crop->height);
  flat = flatten (part);
  if ((guint) crop->width == width && (guint) crop->height == height)
    return gdk_pixbuf_copy (flat);
  /* HYPER is the filter for shrinking photos without aliasing */
  return gdk_pixbuf_scale_simple (flat, (int) width, (int) height, GDK_INTERP_HYPER);
}

/**
 * zc_photo_image_thumbnail:
 *
 * Returns: (transfer full): @image scaled down to fit @max_width ×
 *   @max_height, to show: a picture's size follows its image's
 */
GdkTexture *
zc_photo_image_thumbnail (GdkPixbuf *image,
                          int        max_width,
                          int        max_height)
{
  g_autoptr(GdkPixbuf) small = NULL;
  int width, height;
  double scale;

  g_return_val_if_fail (GDK_IS_PIXBUF (image), NULL);
  g_return_val_if_fail (max_width > 0 && max_height > 0, NULL);

  width = gdk_pixbuf_get_width (image);
  height = gdk_pixbuf_get_height (image);
  scale = MIN (1.0, MIN ((double) max_width / width, (double) max_height / height));
  if (scale >= 1.0)
    return gdk_texture_new_for_pixbuf (image);

  small = gdk_pixbuf_scale_simple (image, MAX (1, (int) (width * scale + 0.5)), MAX (1, (int) (height * scale + 0.5)),
                                   GDK_INTERP_BILINEAR);
  return gdk_texture_new_for_pixbuf (small);
}

/* Returns: (transfer full): @image as a JPEG of @quality (1 to 100) */
GBytes *
zc_photo_image_encode_jpeg (GdkPixbuf  *image,
                            int         quality,
                            GError    **error)
{
  g_autoptr(GdkPixbuf) flat = NULL;
  g_autofree char *quality_text = NULL;
  char *keys[] = { (char *) "quality", NULL };
  char *values[] = { NULL, NULL };
  char *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (GDK_IS_PIXBUF (image), NULL);
  g_return_val_if_fail (quality >= 1 && quality <= 100, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  flat = flatten (image);
  quality_text = g_strdup_printf ("%d", quality);
  values[0] = quality_text;
  if (!gdk_pixbuf_save_to_bufferv (flat, &buffer, &length, "jpeg", keys, values, error))
    return NULL;
  return g_bytes_new_take (buffer, length);
}

/* The highest quality in [MIN, MAX] whose JPEG fits, by bisection;
 * NULL when even the lowest does not. */
static GBytes *
best_quality (GdkPixbuf  *image,
              guint64     max_bytes,
              int        *quality_out,
              GError    **error)
{
  g_autoptr(GBytes) best = NULL;
  int lo = ZC_PHOTO_IMAGE_MIN_QUALITY;
  int hi = ZC_PHOTO_IMAGE_MAX_QUALITY;

  while (lo <= hi)
    {
      int mid = (lo + hi + 1) / 2;
      g_autoptr(GBytes) bytes = zc_photo_image_encode_jpeg (image, mid, error);

      if (bytes == NULL)
        return NULL;
      if (g_bytes_get_size (bytes) <= max_bytes)
        {
          g_clear_pointer (&best, g_bytes_unref);
          best = g_steal_pointer (&bytes);
          *quality_out = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }

  return g_steal_pointer (&best);
}

/**
 * zc_photo_image_encode_to_fit:
 * @quality_out: (out) (optional): the JPEG quality used
 * @encoded_image_out: (out) (optional) (transfer full): the image as
 *   encoded: @image itself, or smaller when no quality was enough
 *
 * Recompresses @image as a JPEG, as good as the rules' size allows:
 * the highest quality that fits; when not even
 * %ZC_PHOTO_IMAGE_MIN_QUALITY does, the image is made smaller (keeping
 * a valid ratio) a step at a time.
 *
 * Returns: (transfer full): the JPEG
 */
GBytes *
zc_photo_image_encode_to_fit (GdkPixbuf           *image,
                              const ZcPhotoRules  *rules,
                              int                 *quality_out,
                              GdkPixbuf          **encoded_image_out,
                              GError             **error)
{
  g_autoptr(GdkPixbuf) current = NULL;
  int quality = 0;

  g_return_val_if_fail (GDK_IS_PIXBUF (image), NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  current = g_object_ref (image);
  for (guint step = 0; step < 12; step++)
    {
      g_autoptr(GBytes) bytes = NULL;
      GdkRectangle all = { 0, 0, gdk_pixbuf_get_width (current), gdk_pixbuf_get_height (current) };
      guint width, height;
      GdkPixbuf *smaller;

      bytes = best_quality (current, rules->max_bytes, &quality, error);
      if (bytes != NULL)
        {
          if (quality_out != NULL)
            *quality_out = quality;
          if (encoded_image_out != NULL)
            *encoded_image_out = g_steal_pointer (&current);
          return g_steal_pointer (&bytes);
        }
      if (error != NULL && *error != NULL)
        return NULL;

      /* a fifth smaller each step: the file shrinks by about a third */
      if (!zc_photo_image_output_size (rules, (guint) all.width, (guint) all.height, 0.8, &width, &height) ||
          height < 16)
        break;
      smaller = zc_photo_image_crop_and_scale (current, &all, width, height);
      g_set_object (&current, smaller);
      g_object_unref (smaller);
    }

  {
    g_autofree char *limit = zc_photo_format_size (rules->max_bytes);

    /* Translators: %s is a size such as "500 KB" */
    g_set_error (error, ZC_PHOTO_IMAGE_ERROR, ZC_PHOTO_IMAGE_ERROR_TOO_LARGE,
                 _("The photo cannot be made smaller than %s."), limit);
  }
  return NULL;
}
