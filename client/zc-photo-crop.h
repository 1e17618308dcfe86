/* zc-photo-crop.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "zc-photo-rules.h"

G_BEGIN_DECLS

#define ZC_TYPE_PHOTO_CROP (zc_photo_crop_get_type ())
G_DECLARE_FINAL_TYPE (ZcPhotoCrop, zc_photo_crop, ZC, PHOTO_CROP, GtkWidget)

GtkWidget *zc_photo_crop_new          (const ZcPhotoRules *rules);
void       zc_photo_crop_set_image    (ZcPhotoCrop        *self,
                                       GdkPixbuf          *image);
GdkPixbuf *zc_photo_crop_get_image    (ZcPhotoCrop        *self);
void       zc_photo_crop_set_crop     (ZcPhotoCrop        *self,
                                       const GdkRectangle *crop);
void       zc_photo_crop_get_crop     (ZcPhotoCrop        *self,
                                       GdkRectangle       *crop);
void       zc_photo_crop_reset        (ZcPhotoCrop        *self);
void       zc_photo_crop_move         (ZcPhotoCrop        *self,
                                       int                 dx,
                                       int                 dy);
void       zc_photo_crop_zoom         (ZcPhotoCrop        *self,
                                       double              factor);
void       zc_photo_crop_widen        (ZcPhotoCrop        *self,
                                       int                 dw);

G_END_DECLS
