/* zc-plans-page.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-local-store.h"
#include "zc-plan-details.h"

G_BEGIN_DECLS

/* The review plans page: the cached plans, filtered by the title
 * cascade (series → category → level → title), state, region and
 * words, and the chosen plan in full. */

typedef enum
{
  ZC_PLANS_FILTER_SERIES,
  ZC_PLANS_FILTER_CATEGORY,
  ZC_PLANS_FILTER_LEVEL,
  ZC_PLANS_FILTER_TITLE,
  ZC_PLANS_FILTER_STATE,
  ZC_PLANS_FILTER_REGION,
} ZcPlansFilter;

#define ZC_N_PLANS_FILTERS (ZC_PLANS_FILTER_REGION + 1)

#define ZC_TYPE_PLANS_PAGE (zc_plans_page_get_type ())
G_DECLARE_FINAL_TYPE (ZcPlansPage, zc_plans_page, ZC, PLANS_PAGE, AdwBin)

GtkWidget     *zc_plans_page_new             (ZcLocalStore  *store);
/* Reads the cache again (done by itself when it changes). */
void           zc_plans_page_reload          (ZcPlansPage   *self);
/* The plans shown, of ZcPlanObject. (transfer none) */
GListModel    *zc_plans_page_get_plans       (ZcPlansPage   *self);
GtkDropDown   *zc_plans_page_get_filter      (ZcPlansPage   *self,
                                              ZcPlansFilter  filter);
/* The value a filter has chosen (a series code, a category, …, a
 * state or region code), or NULL for "all". */
const char    *zc_plans_page_get_filter_value (ZcPlansPage  *self,
                                              ZcPlansFilter  filter);
/* Chooses @value in a filter (NULL: all); FALSE when it is not offered. */
gboolean       zc_plans_page_set_filter_value (ZcPlansPage  *self,
                                              ZcPlansFilter  filter,
                                              const char    *value);
void           zc_plans_page_set_search      (ZcPlansPage   *self,
                                              const char    *text);
gboolean       zc_plans_page_select_plan     (ZcPlansPage   *self,
                                              const char    *plan_id);
ZcPlanDetails *zc_plans_page_get_details     (ZcPlansPage   *self);
/* @session: (nullable): online, the notices' files are downloaded */
void           zc_plans_page_set_session     (ZcPlansPage   *self,
                                              ZcSession     *session);

G_END_DECLS
