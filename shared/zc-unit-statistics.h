/* zc-unit-statistics.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-i18n.h"
#include "zc-taxonomy.h"

G_BEGIN_DECLS

/* The professional staff of a unit (专技人才统计): how many of its
 * applicants hold their highest title in each series and level.  The
 * counting is pure: the server reads the personal information, this
 * module counts; the client reads the same numbers back from JSON. */

#define ZC_UNIT_STATISTICS_ERROR (zc_unit_statistics_error_quark ())

typedef enum
{
  ZC_UNIT_STATISTICS_ERROR_INVALID,
} ZcUnitStatisticsError;

typedef struct
{
  char  *code;                          /* owned: the series code, "04" */
  char  *name;                          /* owned: in the caller's language */
  guint  counts[ZC_N_TITLE_LEVELS];     /* by ZcTitleLevel */
  guint  total;
} ZcUnitStatisticsSeries;

typedef struct
{
  GPtrArray *series;                    /* ZcUnitStatisticsSeries with total > 0, in taxonomy order */
  guint      level_totals[ZC_N_TITLE_LEVELS];
  guint      without_title;             /* no personal information, no pick, or a pick outside the taxonomy */
  guint      people;                    /* every person counted */
} ZcUnitStatistics;

GQuark             zc_unit_statistics_error_quark  (void);

ZcUnitStatistics  *zc_unit_statistics_count        (ZcTaxonomy              *taxonomy,
                                                    GPtrArray               *bodies,
                                                    ZcLanguage               language);
ZcUnitStatistics  *zc_unit_statistics_copy         (const ZcUnitStatistics  *statistics);
void               zc_unit_statistics_free         (ZcUnitStatistics        *statistics);

guint              zc_unit_statistics_get_titled   (const ZcUnitStatistics  *statistics);
guint              zc_unit_statistics_get_max_count (const ZcUnitStatistics *statistics);

JsonNode          *zc_unit_statistics_to_json      (const ZcUnitStatistics  *statistics);
ZcUnitStatistics  *zc_unit_statistics_from_json    (JsonNode                *node,
                                                    GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcUnitStatistics, zc_unit_statistics_free)

G_END_DECLS
