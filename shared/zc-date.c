/* zc-date.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-date.h"

G_DEFINE_QUARK (zc-date-error-quark, zc_date_error)

#define MIN_YEAR 1900
#define MAX_YEAR 2100

/* Reads @n ASCII digits; FALSE when any is not one. */
static gboolean
read_digits (const char *text,
             guint       n,
             int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }

  *value = v;
  return TRUE;
}

static ZcDatePrecision
partial_date_get_precision (const ZcPartialDate *date)
{
  if (date->day != 0)
    return ZC_DATE_PRECISION_DAY;
  if (date->month != 0)
    return ZC_DATE_PRECISION_MONTH;
  return ZC_DATE_PRECISION_YEAR;
}

static void
set_format_error (ZcDatePrecision   precision,
                  ZcLanguage        language,
                  GError          **error)
{
  const char *message;

  switch (precision)
    {
    case ZC_DATE_PRECISION_YEAR:
      message = N_("Write the year as four digits, for example 2024");
      break;
    case ZC_DATE_PRECISION_MONTH:
      message = N_("Write the month as YYYY-MM, for example 2024-03");
      break;
    case ZC_DATE_PRECISION_DAY:
    default:
      message = N_("Write the date as YYYY-MM-DD, for example 2024-03-05");
      break;
    }

  g_set_error_literal (error, ZC_DATE_ERROR, ZC_DATE_ERROR_FORMAT,
                       zc_translate (language, message));
}

/**
 * zc_partial_date_parse:
 * @text: what the user typed or a record holds
 * @precision: the one form accepted
 * @out: (out): the date; untouched on error
 * @language: the language of the error message
 * @error: return location for a #ZC_DATE_ERROR
 *
 * Strict on purpose: records carry the canonical text, so anything
 * else (spaces, signs, "2024-3-5", full-width digits) is a typing
 * mistake to show, not to guess at.
 *
 * Returns: %TRUE when @text is a real date of exactly @precision
 */
gboolean
zc_partial_date_parse (const char       *text,
                       ZcDatePrecision   precision,
                       ZcPartialDate    *out,
                       ZcLanguage        language,
                       GError          **error)
{
  static const guint lengths[] = { 4, 7, 10 };
  ZcPartialDate date = { 0, 0, 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (precision <= ZC_DATE_PRECISION_DAY, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (text) != lengths[precision] ||
      !read_digits (text, 4, &date.year) ||
      (precision >= ZC_DATE_PRECISION_MONTH &&
       (text[4] != '-' || !read_digits (text + 5, 2, &date.month))) ||
      (precision == ZC_DATE_PRECISION_DAY &&
       (text[7] != '-' || !read_digits (text + 8, 2, &date.day))))
    {
      set_format_error (precision, language, error);
      return FALSE;
    }

  if (date.year < MIN_YEAR || date.year > MAX_YEAR)
    {
      g_autofree char *message = zc_translate_printf (language,
                                                      N_("The year must be between %d and %d"),
                                                      MIN_YEAR, MAX_YEAR);

      g_set_error_literal (error, ZC_DATE_ERROR, ZC_DATE_ERROR_INVALID, message);
      return FALSE;
    }

  if (precision >= ZC_DATE_PRECISION_MONTH && (date.month < 1 || date.month > 12))
    {
      g_set_error_literal (error, ZC_DATE_ERROR, ZC_DATE_ERROR_INVALID,
                           zc_translate (language, N_("The month must be between 01 and 12")));
      return FALSE;
    }

  if (precision == ZC_DATE_PRECISION_DAY &&
      !g_date_valid_dmy ((GDateDay) date.day, (GDateMonth) date.month, (GDateYear) date.year))
    {
      guint days = g_date_get_days_in_month ((GDateMonth) date.month, (GDateYear) date.year);
      g_autofree char *message = NULL;

      /* Translators: e.g. "In 2023-02 the day must be between 01 and 28" */
      message = zc_translate_printf (language, N_("In %04d-%02d the day must be between 01 and %02u"),
                                     date.year, date.month, days);
      g_set_error_literal (error, ZC_DATE_ERROR, ZC_DATE_ERROR_INVALID, message);
      return FALSE;
    }

  *out = date;
  return TRUE;
}

/**
 * zc_partial_date_format:
 * @date: a date from zc_partial_date_parse()
 *
 * Returns: (transfer full): the canonical text, as many parts as @date holds
 */
char *
zc_partial_date_format (const ZcPartialDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (date->day == 0 || date->month != 0, NULL);

  switch (partial_date_get_precision (date))
    {
    case ZC_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case ZC_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case ZC_DATE_PRECISION_DAY:
    default:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    }
}

/**
 * zc_partial_date_compare:
 * @a: a date
 * @b: another date
 *
 * Compares only the parts both dates hold, so "2020" equals
 * "2020-06-01" and "2020-05" comes before "2020-06-01": a graduation
 * known to the month cannot be said to follow a start known to the day
 * in the same month.
 *
 * Returns: negative, 0 or positive as @a is before, at or after @b
 */
int
zc_partial_date_compare (const ZcPartialDate *a,
                         const ZcPartialDate *b)
{
  ZcDatePrecision precision;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  precision = MIN (partial_date_get_precision (a), partial_date_get_precision (b));

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (precision == ZC_DATE_PRECISION_YEAR)
    return 0;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (precision == ZC_DATE_PRECISION_MONTH)
    return 0;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

/**
 * zc_partial_date_is_after:
 * @date: a date
 * @today: (nullable): today; %NULL for today in Beijing
 *
 * A date known to the year or month starts on its first day, so the
 * current year and month are not "after today".
 *
 * Returns: %TRUE when @date starts after @today
 */
gboolean
zc_partial_date_is_after (const ZcPartialDate *date,
                          GDate               *today)
{
  GDate start;
  GDate beijing_today;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid_year ((GDateYear) date->year), FALSE);
  g_return_val_if_fail (date->day == 0 ||
                        g_date_valid_dmy ((GDateDay) date->day, (GDateMonth) date->month,
                                          (GDateYear) date->year), FALSE);
  g_return_val_if_fail (date->month >= 0 && date->month <= 12, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  if (today == NULL)
    {
      zc_date_today_in_beijing (&beijing_today);
      today = &beijing_today;
    }

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, (GDateDay) MAX (date->day, 1), (GDateMonth) MAX (date->month, 1),
                  (GDateYear) date->year);

  return g_date_compare (&start, today) > 0;
}

/**
 * zc_partial_date_check_not_future:
 * @date: a date
 * @today: (nullable): today; %NULL for today in Beijing
 * @language: the language of the error message
 * @error: return location for a %ZC_DATE_ERROR_FUTURE error
 *
 * For dates that must already have happened (birth, graduation,
 * award): the message every form shows when one has not.
 *
 * Returns: %FALSE when @date starts after @today
 */
gboolean
zc_partial_date_check_not_future (const ZcPartialDate  *date,
                                  GDate                *today,
                                  ZcLanguage            language,
                                  GError              **error)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!zc_partial_date_is_after (date, today))
    return TRUE;

  text = zc_partial_date_format (date);
  /* Translators: %s is a date such as 2031-05-01, 2031-05 or 2031 */
  message = zc_translate_printf (language, N_("%s has not come yet: enter a date no later than today"), text);
  g_set_error_literal (error, ZC_DATE_ERROR, ZC_DATE_ERROR_FUTURE, message);
  return FALSE;
}

/**
 * zc_date_today_in_beijing:
 * @today: (out caller-allocates): set to today's date in China
 *
 * Deadlines and "not after today" checks follow Beijing time whatever
 * the machine's zone.  China has had no daylight saving time since
 * 1991, so a fixed +08:00 is right when tzdata is not installed.
 */
void
zc_date_today_in_beijing (GDate *today)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (today != NULL);

  zone = g_time_zone_new_identifier ("Asia/Shanghai");
  if (zone == NULL)
    zone = g_time_zone_new_offset (8 * 60 * 60);

  now = g_date_time_new_now (zone);

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/**
 * zc_date_parse_day:
 * @text: (nullable): a day as "YYYY-MM-DD", ten characters, digits only
 * @date: (out caller-allocates): set to the day
 *
 * The one reading of a whole day that the client's offline checks and
 * the server share, so both accept exactly the same texts.
 *
 * Returns: whether @text is such a day and exists
 */
gboolean
zc_date_parse_day (const char *text,
                   GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}
