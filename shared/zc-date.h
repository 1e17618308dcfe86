/* zc-date.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_DATE_ERROR (zc_date_error_quark ())

typedef enum
{
  ZC_DATE_ERROR_FORMAT,
  ZC_DATE_ERROR_INVALID,
  ZC_DATE_ERROR_FUTURE,
} ZcDateError;

/* How much of a date a field holds: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
typedef enum
{
  ZC_DATE_PRECISION_YEAR,
  ZC_DATE_PRECISION_MONTH,
  ZC_DATE_PRECISION_DAY,
} ZcDatePrecision;

/* A date known to a year, a month or a day.  @month and @day are 0 when
 * absent; a day is never present without a month. */
typedef struct
{
  int year;
  int month;  /* 1..12, 0 when absent */
  int day;    /* 1..31, 0 when absent */
} ZcPartialDate;

GQuark    zc_date_error_quark        (void);

gboolean  zc_partial_date_parse      (const char          *text,
                                      ZcDatePrecision      precision,
                                      ZcPartialDate       *out,
                                      ZcLanguage           language,
                                      GError             **error);
char     *zc_partial_date_format     (const ZcPartialDate *date);
int       zc_partial_date_compare    (const ZcPartialDate *a,
                                      const ZcPartialDate *b);
gboolean  zc_partial_date_is_after   (const ZcPartialDate *date,
                                      GDate               *today);
gboolean  zc_partial_date_check_not_future (const ZcPartialDate  *date,
                                            GDate                *today,
                                            ZcLanguage            language,
                                            GError              **error);
void      zc_date_today_in_beijing   (GDate               *today);
gboolean  zc_date_parse_day          (const char          *text,
                                      GDate               *date);

G_END_DECLS
