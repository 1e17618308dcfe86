/* zc-review-queue-model.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "zc-local-store-review.h"

G_BEGIN_DECLS

/* One row of the review queue, made when a view asks for it. */
#define ZC_TYPE_REVIEW_ITEM (zc_review_item_get_type ())
G_DECLARE_FINAL_TYPE (ZcReviewItem, zc_review_item, ZC, REVIEW_ITEM, GObject)

const char    *zc_review_item_get_id           (ZcReviewItem *self);
const char    *zc_review_item_get_kind         (ZcReviewItem *self);
const char    *zc_review_item_get_owner_id     (ZcReviewItem *self);
const char    *zc_review_item_get_person       (ZcReviewItem *self);
const char    *zc_review_item_get_category     (ZcReviewItem *self);
const char    *zc_review_item_get_summary      (ZcReviewItem *self);
ZcReviewState  zc_review_item_get_state        (ZcReviewItem *self);
const char    *zc_review_item_get_status_label (ZcReviewItem *self);
gint64         zc_review_item_get_version      (ZcReviewItem *self);
gint64         zc_review_item_get_updated_at   (ZcReviewItem *self);
guint          zc_review_item_get_flags        (ZcReviewItem *self);
char          *zc_review_item_format_age       (ZcReviewItem *self,
                                                gint64        now);
void           zc_review_item_get_target       (ZcReviewItem   *self,
                                                ZcReviewTarget *target);

/* The queue as a GListModel of ZcReviewItem.  The rows come from one
 * store query; items (and the entry's summary, which needs its body)
 * are made only for the positions a view asks for, so 10,000 rows cost
 * a few hundred kilobytes until scrolled through.  It reloads itself,
 * once per main-loop turn, when the store changes. */
#define ZC_TYPE_REVIEW_QUEUE_MODEL (zc_review_queue_model_get_type ())
G_DECLARE_FINAL_TYPE (ZcReviewQueueModel, zc_review_queue_model, ZC, REVIEW_QUEUE_MODEL, GObject)

ZcReviewQueueModel *zc_review_queue_model_new        (ZcLocalStore          *store);
ZcLocalStore       *zc_review_queue_model_get_store  (ZcReviewQueueModel    *self);
void                zc_review_queue_model_set_filter (ZcReviewQueueModel    *self,
                                                      const ZcReviewFilter  *filter);
void                zc_review_queue_model_get_filter (ZcReviewQueueModel    *self,
                                                      ZcReviewFilter        *filter);
gboolean            zc_review_queue_model_reload     (ZcReviewQueueModel    *self,
                                                      GError               **error);
gboolean            zc_review_queue_model_find       (ZcReviewQueueModel    *self,
                                                      const char            *id,
                                                      guint                 *position_out);
const ZcReviewRow  *zc_review_queue_model_get_row    (ZcReviewQueueModel    *self,
                                                      guint                  position);
guint               zc_review_queue_model_get_n_materialized (ZcReviewQueueModel *self);

G_END_DECLS
