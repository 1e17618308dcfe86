/* zc-personal-page.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-form-view.h"
#include "zc-local-store.h"
#include "zc-photo-editor.h"
#include "zc-photo-rules.h"

G_BEGIN_DECLS

#define ZC_TYPE_PERSONAL_PAGE (zc_personal_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcPersonalPage, zc_personal_page, ZC, PERSONAL_PAGE, AdwBin)

void                zc_personal_page_set_default_photo_rules (const ZcPhotoRules *rules);
const ZcPhotoRules *zc_personal_page_get_default_photo_rules (void);

GtkWidget          *zc_personal_page_new                (ZcLocalStore       *store);
ZcFormView         *zc_personal_page_get_form_view      (ZcPersonalPage     *self);
gboolean            zc_personal_page_save               (ZcPersonalPage     *self);
void                zc_personal_page_set_registered     (ZcPersonalPage     *self,
                                                         gboolean            registered);
gboolean            zc_personal_page_get_registered     (ZcPersonalPage     *self);
const char         *zc_personal_page_get_status_text    (ZcPersonalPage     *self);

void                zc_personal_page_set_photo_rules    (ZcPersonalPage     *self,
                                                         const ZcPhotoRules *rules);
const ZcPhotoRules *zc_personal_page_get_photo_rules    (ZcPersonalPage     *self);
void                zc_personal_page_choose_photo       (ZcPersonalPage     *self);
gboolean            zc_personal_page_load_photo         (ZcPersonalPage     *self,
                                                         GBytes             *bytes,
                                                         const char         *name);
GPtrArray          *zc_personal_page_get_photo_problems (ZcPersonalPage     *self);
gboolean            zc_personal_page_use_photo          (ZcPersonalPage     *self);
ZcPhotoEditor      *zc_personal_page_edit_photo         (ZcPersonalPage     *self);

G_END_DECLS
