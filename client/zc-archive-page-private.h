/* zc-archive-page-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-archive-model.h"
#include "zc-archive-page.h"

G_BEGIN_DECLS

/* Shared by zc-archive-page.c (the page, its actions and dialogs) and
 * zc-archive-page-rows.c (its two lists). */

struct _ZcArchivePage
{
  AdwBin               parent_instance;

  ZcLocalStore        *store;          /* owned */
  GPtrArray           *schemas;        /* owned, of ZcFormSchema: categories, then series blocks */
  guint                n_categories;
  GPtrArray           *count_labels;   /* owned array of borrowed GtkLabel, by schema */
  ZcFormSchema        *current;        /* borrowed from schemas */
  ZcArchiveModel      *model;          /* owned */
  GtkCustomFilter     *filter;         /* owned */
  GtkFilterListModel  *filtered;       /* owned */
  GtkSortListModel    *sorted;         /* owned */
  GtkSingleSelection  *selection;      /* owned */
  int                  status_filter;  /* a ZcReviewState, or -1 for all */
  char                *search;         /* owned, nullable */
  AdwMessageDialog    *delete_dialog;  /* nullable, while asked */
  char                *delete_id;      /* owned, nullable: the entry asked about */

  /* template children */
  AdwToastOverlay     *toasts;
  AdwLeaflet          *leaflet;
  GtkListBox          *category_list;
  GtkButton           *back_button;
  GtkLabel            *category_label;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_filter_drop;
  GtkStack            *stack;
  GtkListView         *entry_list;
  AdwStatusPage       *empty_page;
};

gboolean zc_archive_page_filter_entry     (gpointer                  item,
                                           gpointer                  user_data);
int      zc_archive_page_compare_entries  (gconstpointer             a,
                                           gconstpointer             b,
                                           gpointer                  user_data);
void     zc_archive_page_setup_entry_row  (GtkSignalListItemFactory *factory,
                                           GtkListItem              *item,
                                           gpointer                  user_data);
void     zc_archive_page_bind_entry_row   (GtkSignalListItemFactory *factory,
                                           GtkListItem              *item,
                                           gpointer                  user_data);
void     zc_archive_page_update_counts    (ZcArchivePage            *self);
void     zc_archive_page_build_sidebar    (ZcArchivePage            *self);
void     zc_archive_page_add_tab_leaves   (ZcArchivePage            *self,
                                           GtkWidget                *list);

G_END_DECLS
