/* zc-review-desk-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-review-desk.h"

G_BEGIN_DECLS

/* Between zc-review-desk.c (the desk: selection, decisions, the reason
 * dialog, actions) and zc-review-desk-columns.c (the queue's view: its
 * rows, columns, sorting and filters). */

typedef enum
{
  COLUMN_PERSON,
  COLUMN_CATEGORY,
  COLUMN_SUMMARY,
  COLUMN_STATUS,
  COLUMN_AGE,
  N_COLUMNS
} Column;

struct _ZcReviewDesk
{
  AdwBin               parent_instance;

  ZcLocalStore        *store;        /* owned */
  ZcSession           *session;      /* owned, nullable */
  GSettings           *settings;     /* owned, nullable */
  ZcReviewQueueModel  *model;        /* owned */
  GtkMultiSelection   *selection;    /* owned */
  ZcReviewDetail      *detail;
  GPtrArray           *person_ids;   /* owned: NULL first (everyone) */
  GPtrArray           *form_ids;     /* owned: NULL first (every category) */
  GPtrArray           *kept_ids;     /* owned, nullable: selection across a reload */
  GtkColumnViewColumn *columns[N_COLUMNS];
  int                  probed_column;
  gboolean             updating_filters;
  char                *last_message;
  AdwMessageDialog    *comment_dialog;   /* nullable, while open */
  ZcCommentEditor     *comment_editor;   /* nullable, while open */
  GCancellable        *cancellable;      /* owned */
  guint                focus_position;   /* a row to focus once it exists */

  /* template children */
  AdwToastOverlay     *toasts;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *person_filter;
  GtkDropDown         *category_filter;
  GtkDropDown         *status_filter;
  GtkDropDown         *age_filter;
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  AdwBin              *detail_bin;
};

/* zc-review-desk.c */
void zc_review_desk_update_count (ZcReviewDesk *self);
void zc_review_desk_update_detail (ZcReviewDesk *self);

/* zc-review-desk-columns.c */
void zc_review_desk_select_position (ZcReviewDesk *self,
                                     guint         position);
void zc_review_desk_on_store_changed (ZcReviewDesk *self);
void zc_review_desk_build_filters (ZcReviewDesk *self);
void zc_review_desk_on_sort_changed (ZcReviewDesk *self);
void zc_review_desk_add_column (ZcReviewDesk *self,
                                Column        column,
                                const char   *title,
                                gboolean      sortable,
                                int           fixed_width);

G_END_DECLS
