/* zc-window.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-archive-page.h"
#include "zc-declarations-page.h"
#include "zc-plans-page.h"
#include "zc-local-store.h"
#include "zc-server-monitor.h"
#include "zc-sync-engine.h"

G_BEGIN_DECLS

#define ZC_TYPE_WINDOW (zc_window_get_type ())
G_DECLARE_FINAL_TYPE (ZcWindow, zc_window, ZC, WINDOW, AdwApplicationWindow)

ZcWindow        *zc_window_new              (GtkApplication  *application,
                                             ZcServerMonitor *monitor,
                                             ZcLocalStore    *store,
                                             GSettings       *settings);
ZcServerMonitor *zc_window_get_monitor      (ZcWindow        *self);
const char      *zc_window_get_status_text  (ZcWindow        *self);
void             zc_window_show_archive     (ZcWindow        *self,
                                             const char      *form_id);
ZcArchivePage   *zc_window_get_archive_page (ZcWindow        *self);
ZcPlansPage     *zc_window_get_plans_page   (ZcWindow        *self);
ZcDeclarationsPage *zc_window_get_declarations_page (ZcWindow   *self);
void             zc_window_set_sync         (ZcWindow        *self,
                                             ZcSyncEngine    *engine);

G_END_DECLS
