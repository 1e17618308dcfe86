/* zc-photo-image.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk/gdk.h>
#include <gio/gio.h>

#include "zc-photo-rules.h"

G_BEGIN_DECLS

#define ZC_PHOTO_IMAGE_ERROR (zc_photo_image_error_quark ())

/**
 * ZcPhotoImageError:
 * @ZC_PHOTO_IMAGE_ERROR_TYPE: not a JPEG or PNG by its content
 * @ZC_PHOTO_IMAGE_ERROR_UNREADABLE: damaged, or not an image at all
 * @ZC_PHOTO_IMAGE_ERROR_TOO_MANY_PIXELS: refused before decoding
 * @ZC_PHOTO_IMAGE_ERROR_TOO_LARGE: no quality or size makes it fit
 */
typedef enum
{
  ZC_PHOTO_IMAGE_ERROR_TYPE,
  ZC_PHOTO_IMAGE_ERROR_UNREADABLE,
  ZC_PHOTO_IMAGE_ERROR_TOO_MANY_PIXELS,
  ZC_PHOTO_IMAGE_ERROR_TOO_LARGE,
} ZcPhotoImageError;

/* The lowest JPEG quality the editor goes down to before it makes the
 * photo smaller instead: below it faces blur into blocks. */
#define ZC_PHOTO_IMAGE_MIN_QUALITY 40
#define ZC_PHOTO_IMAGE_MAX_QUALITY 92

GQuark     zc_photo_image_error_quark     (void);

GdkPixbuf *zc_photo_image_decode          (GBytes              *bytes,
                                           GError             **error);
void       zc_photo_image_get_facts       (GBytes              *bytes,
                                           GdkPixbuf           *pixbuf,
                                           ZcPhotoFacts        *facts);
gboolean   zc_photo_image_judge           (const ZcPhotoRules  *rules,
                                           GBytes              *bytes,
                                           ZcLanguage           language,
                                           GPtrArray          **problems,
                                           GdkPixbuf          **pixbuf);

GdkPixbuf *zc_photo_image_rotate          (GdkPixbuf           *image,
                                           gboolean             clockwise);
gboolean   zc_photo_image_output_size     (const ZcPhotoRules  *rules,
                                           guint                crop_width,
                                           guint                crop_height,
                                           double               scale,
                                           guint               *width,
                                           guint               *height);
GdkPixbuf *zc_photo_image_crop_and_scale  (GdkPixbuf           *image,
                                           const GdkRectangle  *crop,
                                           guint                width,
                                           guint                height);
GdkTexture *zc_photo_image_thumbnail       (GdkPixbuf           *image,
                                           int                  max_width,
                                           int                  max_height);
GBytes    *zc_photo_image_encode_jpeg     (GdkPixbuf           *image,
                                           int                  quality,
                                           GError             **error);
GBytes    *zc_photo_image_encode_to_fit   (GdkPixbuf           *image,
                                           const ZcPhotoRules  *rules,
                                           int                 *quality_out,
                                           GdkPixbuf          **encoded_image_out,
                                           GError             **error);

G_END_DECLS
