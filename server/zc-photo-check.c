/* zc-photo-check.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-photo"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "zc-photo-check.h"

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

  /* A zero size makes the decoder stop before it allocates the image
   * (what gdk_pixbuf_get_file_info() relies on): a pixel flood costs
   * nothing, and an empty image is reported as unreadable. */
  if (width > 0 && height > 0 && (guint64) width * (guint64) height > ZC_PHOTO_MAX_PIXELS)
    prepared->too_many = TRUE;
  if (width <= 0 || height <= 0 || prepared->too_many)
    gdk_pixbuf_loader_set_size (loader, 0, 0);
}

/* Decodes with the one decoder the first bytes named: never let
 * gdk-pixbuf choose among all its loaders for a file from outside. */
static GdkPixbuf *
decode (const char   *mime,
        const guint8 *data,
        gsize         size,
        Prepared     *prepared)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;
  gboolean ok;

  loader = gdk_pixbuf_loader_new_with_type (g_str_equal (mime, "image/jpeg") ? "jpeg" : "png", &error);
  if (loader == NULL)
    {
      g_warning ("No decoder for %s: %s", mime, error->message);
      return NULL;
    }

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), prepared);
  ok = gdk_pixbuf_loader_write (loader, data, size, NULL);
  ok = gdk_pixbuf_loader_close (loader, NULL) && ok;
  if (!ok || prepared->too_many)
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    return NULL;

  /* a photo taken sideways is judged the way viewers show it */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/**
 * zc_photo_facts_from_image:
 * @rules: only its types are decoded (JPEG and PNG are all the server
 *   can decode here)
 * @facts: (out caller-allocates): what the rules are judged on
 *
 * Fills @facts for @image: the type by content and the size always;
 * for a JPEG or PNG the dimensions and the background colour, or the
 * dimensions alone when there are far too many pixels to decode, or
 * nothing more when it cannot be decoded.  Call it from a worker
 * thread: decoding a photo takes milliseconds.
 */
void
zc_photo_facts_from_image (GBytes              *image,
                           const ZcPhotoRules  *rules,
                           ZcPhotoFacts        *facts)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  Prepared prepared = { 0 };
  const guint8 *data;
  gsize size = 0;

  g_return_if_fail (image != NULL);
  g_return_if_fail (rules != NULL);
  g_return_if_fail (facts != NULL);

  memset (facts, 0, sizeof *facts);
  data = g_bytes_get_data (image, &size);
  facts->size = size;
  facts->mime = zc_photo_sniff_mime (data, size);

  if (facts->mime == NULL || rules->mime_types == NULL || !g_strv_contains (rules->mime_types, facts->mime) ||
      (!g_str_equal (facts->mime, "image/jpeg") && !g_str_equal (facts->mime, "image/png")))
    return;

  pixbuf = decode (facts->mime, data, size, &prepared);
  if (pixbuf == NULL)
    {
      /* the size is known without the pixels: reported as a flood */
      if (prepared.too_many)
        {
          facts->width = prepared.width;
          facts->height = prepared.height;
        }
      return;
    }

  facts->width = (guint) gdk_pixbuf_get_width (pixbuf);
  facts->height = (guint) gdk_pixbuf_get_height (pixbuf);
  facts->has_background = zc_photo_average_background (gdk_pixbuf_read_pixels (pixbuf), facts->width, facts->height,
                                                       (gsize) gdk_pixbuf_get_rowstride (pixbuf),
                                                       (guint) gdk_pixbuf_get_n_channels (pixbuf),
                                                       facts->background);
}

/**
 * zc_photo_check_image:
 * @problems: (out) (transfer full) (element-type ZcPhotoProblem): every
 *   problem found, empty when there is none
 *
 * zc_photo_facts_from_image() then zc_photo_rules_check().
 *
 * Returns: whether the photo follows @rules
 */
gboolean
zc_photo_check_image (const ZcPhotoRules  *rules,
                      GBytes              *image,
                      ZcLanguage           language,
                      GPtrArray          **problems)
{
  ZcPhotoFacts facts;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (image != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  zc_photo_facts_from_image (image, rules, &facts);
  return zc_photo_rules_check (rules, &facts, language, problems);
}
