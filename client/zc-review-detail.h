/* zc-review-detail.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-form-view.h"
#include "zc-review-queue-model.h"

G_BEGIN_DECLS

/* The entry the officer looks at: its fields read-only, through its
 * form, and its attachments beside them (a PDF page or an image). */
#define ZC_TYPE_REVIEW_DETAIL (zc_review_detail_get_type ())
G_DECLARE_FINAL_TYPE (ZcReviewDetail, zc_review_detail, ZC, REVIEW_DETAIL, AdwBin)

GtkWidget    *zc_review_detail_new                (ZcLocalStore   *store);
void          zc_review_detail_set_item           (ZcReviewDetail *self,
                                                   ZcReviewItem   *item,
                                                   guint           n_selected);
ZcReviewItem *zc_review_detail_get_item           (ZcReviewDetail *self);
ZcFormView   *zc_review_detail_get_form_view      (ZcReviewDetail *self);
guint         zc_review_detail_get_n_attachments  (ZcReviewDetail *self);
gboolean      zc_review_detail_show_attachment    (ZcReviewDetail *self,
                                                   guint           index);
GtkWidget    *zc_review_detail_get_preview        (ZcReviewDetail *self);

G_END_DECLS
