/* zc-home-page.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-local-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_HOME_PAGE (zc_home_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcHomePage, zc_home_page, ZC, HOME_PAGE, AdwBin)

GtkWidget  *zc_home_page_new                  (ZcLocalStore  *store);
void        zc_home_page_refresh              (ZcHomePage    *self);
guint       zc_home_page_get_count            (ZcHomePage    *self,
                                               ZcReviewState  state);
guint       zc_home_page_get_n_attention      (ZcHomePage    *self);
const char *zc_home_page_get_attention_record (ZcHomePage    *self,
                                               guint          index);
GtkListBox *zc_home_page_get_attention_list   (ZcHomePage    *self);
guint       zc_home_page_get_n_messages       (ZcHomePage    *self);
GtkListBox *zc_home_page_get_messages_list    (ZcHomePage    *self);
guint       zc_home_page_get_n_declarations   (ZcHomePage    *self);
GtkListBox *zc_home_page_get_declarations_list (ZcHomePage   *self);
gboolean    zc_home_page_open_record          (ZcHomePage    *self,
                                               const char    *record_id);

G_END_DECLS
