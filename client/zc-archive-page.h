/* zc-archive-page.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-entry-dialog.h"
#include "zc-entry-object.h"
#include "zc-local-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_ARCHIVE_PAGE (zc_archive_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcArchivePage, zc_archive_page, ZC, ARCHIVE_PAGE, AdwBin)

GtkWidget        *zc_archive_page_new               (ZcLocalStore   *store);
ZcLocalStore     *zc_archive_page_get_store         (ZcArchivePage  *self);

gboolean          zc_archive_page_select_category   (ZcArchivePage  *self,
                                                     const char     *form_id);
const char       *zc_archive_page_get_category      (ZcArchivePage  *self);
guint             zc_archive_page_get_count         (ZcArchivePage  *self,
                                                     const char     *form_id);

GListModel       *zc_archive_page_get_entries       (ZcArchivePage  *self);
void              zc_archive_page_set_search        (ZcArchivePage  *self,
                                                     const char     *text);
void              zc_archive_page_set_status_filter (ZcArchivePage  *self,
                                                     int             state);
gboolean          zc_archive_page_select_entry      (ZcArchivePage  *self,
                                                     const char     *id);
ZcEntryObject    *zc_archive_page_get_selected      (ZcArchivePage  *self);

ZcEntryDialog    *zc_archive_page_new_entry         (ZcArchivePage  *self);
ZcEntryDialog    *zc_archive_page_open_selected     (ZcArchivePage  *self);
AdwMessageDialog *zc_archive_page_delete_selected   (ZcArchivePage  *self);
void              zc_archive_page_focus_search      (ZcArchivePage  *self);

G_END_DECLS
