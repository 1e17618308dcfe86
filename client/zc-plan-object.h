/* zc-plan-object.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "zc-plan.h"

G_BEGIN_DECLS

/* A ZcPlan as a GObject, for list models and list views. */

#define ZC_TYPE_PLAN_OBJECT (zc_plan_object_get_type ())
G_DECLARE_FINAL_TYPE (ZcPlanObject, zc_plan_object, ZC, PLAN_OBJECT, GObject)

ZcPlanObject *zc_plan_object_new          (ZcPlan       *plan);
ZcPlan       *zc_plan_object_get_plan     (ZcPlanObject *self);
const char   *zc_plan_object_get_id       (ZcPlanObject *self);
const char   *zc_plan_object_get_name     (ZcPlanObject *self);
/* "2026 · 省工程技术中级评审委员会 · 受理中": the list row's second line */
char         *zc_plan_object_describe     (ZcPlanObject *self);
/* Whether the words @text (case-folded) occur in the name, the
 * committee, the scope or a title: the search of the plans page. */
gboolean      zc_plan_object_matches_text (ZcPlanObject *self,
                                           const char   *text);

char         *zc_plan_object_region_label (const char   *region_code);

G_END_DECLS
