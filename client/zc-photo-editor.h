/* zc-photo-editor.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-photo-crop.h"
#include "zc-photo-rules.h"

G_BEGIN_DECLS

#define ZC_TYPE_PHOTO_EDITOR (zc_photo_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZcPhotoEditor, zc_photo_editor, ZC, PHOTO_EDITOR, AdwWindow)

ZcPhotoEditor *zc_photo_editor_new             (GtkWindow          *parent,
                                                const ZcPhotoRules *rules);
void           zc_photo_editor_set_image       (ZcPhotoEditor      *self,
                                                GdkPixbuf          *image);
ZcPhotoCrop   *zc_photo_editor_get_crop        (ZcPhotoEditor      *self);
void           zc_photo_editor_rotate          (ZcPhotoEditor      *self,
                                                gboolean            clockwise);
void           zc_photo_editor_set_scale       (ZcPhotoEditor      *self,
                                                double              scale);
double         zc_photo_editor_get_scale       (ZcPhotoEditor      *self);

gboolean       zc_photo_editor_update          (ZcPhotoEditor      *self);
GBytes        *zc_photo_editor_get_result      (ZcPhotoEditor      *self);
void           zc_photo_editor_get_result_size (ZcPhotoEditor      *self,
                                                guint              *width,
                                                guint              *height);
int            zc_photo_editor_get_quality     (ZcPhotoEditor      *self);
GPtrArray     *zc_photo_editor_get_problems    (ZcPhotoEditor      *self);
gboolean       zc_photo_editor_save            (ZcPhotoEditor      *self);

void           zc_photo_problems_show          (GtkBox             *box,
                                                GPtrArray          *problems,
                                                const char         *ok_text);

G_END_DECLS
