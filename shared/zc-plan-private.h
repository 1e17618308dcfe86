/* zc-plan-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-plan.h"

G_BEGIN_DECLS

/* Between zc-plan.c (the plan, its writer and accessors) and
 * zc-plan-read.c (its strict reader). */

struct _ZcPlan
{
  gatomicrefcount ref_count;
  char       *id;                     /* owned, nullable */
  gint64      version;                /* 0 when not yet given */
  ZcPlanState state;
  gint64      year;
  char       *name;
  char       *committee_id;           /* owned, nullable */
  char       *committee_name;         /* owned, nullable */
  char       *contact_phone;
  ZcPlanType  type;
  JsonArray  *titles;                 /* owned: {series, category, level, title} */
  GStrv       declaration_categories;
  GStrv       methods;
  char       *scope;
  char       *region_code;
  GStrv       direct_unit_ids;
  GStrv       commissioned_unit_ids;
  JsonArray  *notices;                /* owned */
  GDateTime  *windows[ZC_N_PLAN_WINDOWS];
  gboolean    exam;
  gboolean    interview;
  GPtrArray  *attachments;            /* of ZcPlanAttachment */
  GPtrArray  *condition_groups;       /* of ZcPlanConditionGroup */
  GDateTime  *published_at;           /* owned, nullable */
  GDateTime  *closed_at;              /* owned, nullable */
};

/* NULL-terminated, so it is also the member list of "windows". */
extern const char * const zc_plan_window_ids[];

/* An empty plan with its attachment and group arrays. */
ZcPlan *zc_plan_alloc (void);

G_END_DECLS
