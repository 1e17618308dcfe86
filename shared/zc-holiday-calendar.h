/* zc-holiday-calendar.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* Working days by the official calendar (docs/declarations.md
 * "Working days"): data/calendar/holidays.json lists per year the
 * public holidays and the adjusted working days. */

#define ZC_PUBLICITY_MIN_WORKING_DAYS 5

typedef struct _ZcHolidayCalendar ZcHolidayCalendar;

#define ZC_TYPE_HOLIDAY_CALENDAR (zc_holiday_calendar_get_type ())

GType              zc_holiday_calendar_get_type        (void) G_GNUC_CONST;

/* The calendar shipped in data/ (zc-data), loaded once; never NULL
 * once data/ is valid (a broken file is a build error: a test).
 * Returns a new reference to the one shared calendar (unref it or not). */
ZcHolidayCalendar *zc_holiday_calendar_get_default     (GError           **error);
ZcHolidayCalendar *zc_holiday_calendar_new_from_data   (const char        *data,
                                                        gsize              length,
                                                        GError           **error);
ZcHolidayCalendar *zc_holiday_calendar_ref             (ZcHolidayCalendar *self);
void               zc_holiday_calendar_unref           (ZcHolidayCalendar *self);

gboolean           zc_holiday_calendar_covers_year     (ZcHolidayCalendar *self,
                                                        int                year);
gboolean           zc_holiday_calendar_is_working_day  (ZcHolidayCalendar *self,
                                                        const GDate       *date);
/* The name of the holiday on @date ("国庆节"), or NULL. */
const char        *zc_holiday_calendar_get_holiday_name (ZcHolidayCalendar *self,
                                                        const GDate       *date);
/* The same in @language (the names are English msgids in the file;
 * get_holiday_name() is this with ZC_LANGUAGE_LOCALE). */
const char        *zc_holiday_calendar_get_holiday_label (ZcHolidayCalendar *self,
                                                         const GDate       *date,
                                                         ZcLanguage         language);
/* Working days in [@first, @last], both included; 0 when @last < @first. */
guint              zc_holiday_calendar_count_working_days (ZcHolidayCalendar *self,
                                                        const GDate       *first,
                                                        const GDate       *last);
/* The @n-th working day after @date (@date itself not counted),
 * written to @result. */
void               zc_holiday_calendar_add_working_days (ZcHolidayCalendar *self,
                                                        const GDate       *date,
                                                        guint              n,
                                                        GDate             *result);
/* The earliest end date of a publicity that starts on @start: the day
 * by which [@start, end] holds ZC_PUBLICITY_MIN_WORKING_DAYS working
 * days (@start counts when it is one). */
void               zc_holiday_calendar_publicity_earliest_end (ZcHolidayCalendar *self,
                                                        const GDate       *start,
                                                        GDate             *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcHolidayCalendar, zc_holiday_calendar_unref)

G_END_DECLS
