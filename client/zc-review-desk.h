/* zc-review-desk.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-comment-phrases.h"
#include "zc-local-store.h"
#include "zc-review-detail.h"
#include "zc-review-queue-model.h"
#include "zc-session.h"

G_BEGIN_DECLS

/* The unit officer's archive review desk (docs/review-desk.md): the
 * queue of the unit's entries from the local store, filters, the
 * selected entry with its attachments, and decisions for one entry or
 * many that queue in the outbox and work offline. */
#define ZC_TYPE_REVIEW_DESK (zc_review_desk_get_type ())
G_DECLARE_FINAL_TYPE (ZcReviewDesk, zc_review_desk, ZC, REVIEW_DESK, AdwBin)

GtkWidget          *zc_review_desk_new                (ZcLocalStore          *store);
void                zc_review_desk_set_session        (ZcReviewDesk          *self,
                                                       ZcSession             *session);
ZcReviewQueueModel *zc_review_desk_get_model          (ZcReviewDesk          *self);
GtkColumnView      *zc_review_desk_get_column_view    (ZcReviewDesk          *self);
ZcReviewDetail     *zc_review_desk_get_detail         (ZcReviewDesk          *self);
void                zc_review_desk_set_filter         (ZcReviewDesk          *self,
                                                       const ZcReviewFilter  *filter);
gboolean            zc_review_desk_select_entry       (ZcReviewDesk          *self,
                                                       const char            *id);
guint               zc_review_desk_get_n_selected     (ZcReviewDesk          *self);
char              **zc_review_desk_get_selected_ids   (ZcReviewDesk          *self);
gboolean            zc_review_desk_decide             (ZcReviewDesk          *self,
                                                       ZcArchiveAction        action,
                                                       const char            *comment);
AdwMessageDialog   *zc_review_desk_ask_comment        (ZcReviewDesk          *self,
                                                       ZcArchiveAction        action);
ZcCommentEditor    *zc_review_desk_get_comment_editor (ZcReviewDesk          *self);
const char         *zc_review_desk_get_last_message   (ZcReviewDesk          *self);

G_END_DECLS
