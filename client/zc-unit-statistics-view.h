/* zc-unit-statistics-view.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "zc-session.h"
#include "zc-unit-statistics.h"

G_BEGIN_DECLS

#define ZC_TYPE_UNIT_STATISTICS_VIEW (zc_unit_statistics_view_get_type ())
G_DECLARE_FINAL_TYPE (ZcUnitStatisticsView, zc_unit_statistics_view, ZC, UNIT_STATISTICS_VIEW, GtkBox)

GtkWidget              *zc_unit_statistics_view_new            (ZcSession             *session);
void                    zc_unit_statistics_view_refresh        (ZcUnitStatisticsView  *self);
gboolean                zc_unit_statistics_view_is_busy        (ZcUnitStatisticsView  *self);
gboolean                zc_unit_statistics_view_is_online      (ZcUnitStatisticsView  *self);
const ZcUnitStatistics *zc_unit_statistics_view_get_statistics (ZcUnitStatisticsView  *self);
GtkWidget              *zc_unit_statistics_view_get_chart      (ZcUnitStatisticsView  *self);
GtkColumnView          *zc_unit_statistics_view_get_table      (ZcUnitStatisticsView  *self);
const char             *zc_unit_statistics_view_get_status     (ZcUnitStatisticsView  *self);

G_END_DECLS
