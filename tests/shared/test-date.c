/* test-date.c: strict partial dates, mixed-precision comparison, Beijing today
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "zc-date.h"

static void
test_parse_good (void)
{
  static const struct {
    const char *text;
    ZcDatePrecision precision;
    int year, month, day;
  } cases[] = {
    { "2024-03-05", ZC_DATE_PRECISION_DAY, 2024, 3, 5 },
    { "2024-02-29", ZC_DATE_PRECISION_DAY, 2024, 2, 29 },   /* leap year */
    { "2000-02-29", ZC_DATE_PRECISION_DAY, 2000, 2, 29 },   /* divisible by 400 */
    { "1900-01-01", ZC_DATE_PRECISION_DAY, 1900, 1, 1 },    /* lower bound */
    { "2100-12-31", ZC_DATE_PRECISION_DAY, 2100, 12, 31 },  /* upper bound */
    { "2023-04-30", ZC_DATE_PRECISION_DAY, 2023, 4, 30 },
    { "2024-03", ZC_DATE_PRECISION_MONTH, 2024, 3, 0 },
    { "1900-12", ZC_DATE_PRECISION_MONTH, 1900, 12, 0 },
    { "2024", ZC_DATE_PRECISION_YEAR, 2024, 0, 0 },
    { "2100", ZC_DATE_PRECISION_YEAR, 2100, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      ZcPartialDate date = { -1, -1, -1 };

      g_assert_true (zc_partial_date_parse (cases[i].text, cases[i].precision, &date,
                                            ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
      g_assert_cmpint (date.year, ==, cases[i].year);
      g_assert_cmpint (date.month, ==, cases[i].month);
      g_assert_cmpint (date.day, ==, cases[i].day);

      /* back to the same canonical text */
      text = zc_partial_date_format (&date);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_parse_bad (void)
{
  static const struct {
    const char *text;
    ZcDatePrecision precision;
    ZcDateError code;
    const char *english;  /* nullable: not checked */
  } cases[] = {
    { "", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, "Write the date as YYYY-MM-DD, for example 2024-03-05" },
    { "", ZC_DATE_PRECISION_MONTH, ZC_DATE_ERROR_FORMAT, "Write the month as YYYY-MM, for example 2024-03" },
    { "", ZC_DATE_PRECISION_YEAR, ZC_DATE_ERROR_FORMAT, "Write the year as four digits, for example 2024" },
    { " 2024-03-05", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },
    { "2024-03-05 ", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },
    { "2024-3-5", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },
    { "2024/03/05", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },
    { "20240305", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },
    { "2024-03-05T08:00", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },
    { "2024-0a-05", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },
    { "２０２４-03-05", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },  /* full-width digits */
    { "2024-03", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_FORMAT, NULL },        /* wrong precision */
    { "2024-03-05", ZC_DATE_PRECISION_MONTH, ZC_DATE_ERROR_FORMAT, NULL },
    { "2024", ZC_DATE_PRECISION_MONTH, ZC_DATE_ERROR_FORMAT, NULL },
    { "2024-03", ZC_DATE_PRECISION_YEAR, ZC_DATE_ERROR_FORMAT, NULL },
    { "+2024", ZC_DATE_PRECISION_YEAR, ZC_DATE_ERROR_FORMAT, NULL },
    { "-024", ZC_DATE_PRECISION_YEAR, ZC_DATE_ERROR_FORMAT, NULL },
    { "202", ZC_DATE_PRECISION_YEAR, ZC_DATE_ERROR_FORMAT, NULL },
    { "2023-02-29", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_INVALID, "In 2023-02 the day must be between 01 and 28" },
    { "1900-02-29", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_INVALID, NULL },  /* 1900 is not a leap year */
    { "2024-04-31", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_INVALID, "In 2024-04 the day must be between 01 and 30" },
    { "2024-01-00", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_INVALID, NULL },
    { "2024-13-01", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_INVALID, "The month must be between 01 and 12" },
    { "2024-00", ZC_DATE_PRECISION_MONTH, ZC_DATE_ERROR_INVALID, "The month must be between 01 and 12" },
    { "1899-12-31", ZC_DATE_PRECISION_DAY, ZC_DATE_ERROR_INVALID, "The year must be between 1900 and 2100" },
    { "2101", ZC_DATE_PRECISION_YEAR, ZC_DATE_ERROR_INVALID, "The year must be between 1900 and 2100" },
    { "0000", ZC_DATE_PRECISION_YEAR, ZC_DATE_ERROR_INVALID, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) english = NULL;
      g_autoptr(GError) local = NULL;
      ZcPartialDate date = { 7, 7, 7 };

      g_test_message ("%s", cases[i].text);
      g_assert_false (zc_partial_date_parse (cases[i].text, cases[i].precision, &date,
                                             ZC_LANGUAGE_ENGLISH, &english));
      g_assert_error (english, ZC_DATE_ERROR, (int) cases[i].code);
      if (cases[i].english != NULL)
        g_assert_cmpstr (english->message, ==, cases[i].english);

      /* untouched on error */
      g_assert_cmpint (date.year, ==, 7);
      g_assert_cmpint (date.month, ==, 7);
      g_assert_cmpint (date.day, ==, 7);

      g_assert_false (zc_partial_date_parse (cases[i].text, cases[i].precision, &date,
                                             ZC_LANGUAGE_LOCALE, &local));
      g_assert_error (local, ZC_DATE_ERROR, (int) cases[i].code);
      g_assert_cmpstr (local->message, !=, "");
    }

  /* a NULL error is allowed */
  {
    ZcPartialDate date;

    g_assert_false (zc_partial_date_parse ("2023-02-29", ZC_DATE_PRECISION_DAY, &date, ZC_LANGUAGE_ENGLISH, NULL));
  }
}

static void
test_compare (void)
{
  static const struct {
    ZcPartialDate a;
    ZcPartialDate b;
    int expected;
  } cases[] = {
    { { 2020, 5, 1 }, { 2020, 5, 2 }, -1 },
    { { 2020, 5, 2 }, { 2020, 5, 1 }, 1 },
    { { 2020, 5, 1 }, { 2020, 5, 1 }, 0 },
    { { 2020, 12, 31 }, { 2021, 1, 1 }, -1 },
    { { 2020, 4, 0 }, { 2020, 5, 0 }, -1 },
    { { 2021, 0, 0 }, { 2020, 0, 0 }, 1 },
    /* mixed precision: only the parts both hold count */
    { { 2020, 5, 0 }, { 2020, 5, 31 }, 0 },
    { { 2020, 5, 31 }, { 2020, 5, 0 }, 0 },
    { { 2020, 5, 0 }, { 2020, 6, 1 }, -1 },
    { { 2020, 6, 1 }, { 2020, 5, 0 }, 1 },
    { { 2020, 0, 0 }, { 2020, 12, 31 }, 0 },
    { { 2020, 0, 0 }, { 2021, 1, 1 }, -1 },
    { { 2021, 1, 0 }, { 2020, 0, 0 }, 1 },
    { { 2020, 1, 0 }, { 2020, 0, 0 }, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int result = zc_partial_date_compare (&cases[i].a, &cases[i].b);

      g_test_message ("case %u", i);
      g_assert_cmpint (CLAMP (result, -1, 1), ==, cases[i].expected);
    }
}

static void
test_is_after (void)
{
  static const struct {
    ZcPartialDate date;
    gboolean after;
  } cases[] = {
    { { 2026, 5, 15 }, FALSE },  /* today itself */
    { { 2026, 5, 16 }, TRUE },   /* tomorrow */
    { { 2026, 5, 14 }, FALSE },
    { { 2026, 5, 0 }, FALSE },   /* this month started already */
    { { 2026, 6, 0 }, TRUE },
    { { 2026, 4, 0 }, FALSE },
    { { 2026, 0, 0 }, FALSE },   /* this year started already */
    { { 2027, 0, 0 }, TRUE },
    { { 1900, 1, 1 }, FALSE },
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MAY, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (zc_partial_date_is_after (&cases[i].date, &today), ==, cases[i].after);
    }

  /* NULL: today in Beijing, which is after 1900 and before 2101 */
  {
    ZcPartialDate past = { 1990, 1, 1 };
    ZcPartialDate future = { 2100, 12, 31 };

    g_assert_false (zc_partial_date_is_after (&past, NULL));
    g_assert_true (zc_partial_date_is_after (&future, NULL));
  }
}

static void
test_check_not_future (void)
{
  ZcPartialDate month = { 2026, 6, 0 };
  ZcPartialDate day = { 2026, 5, 15 };
  g_autoptr(GError) english = NULL;
  g_autoptr(GError) local = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MAY, 2026);

  g_assert_true (zc_partial_date_check_not_future (&day, &today, ZC_LANGUAGE_ENGLISH, NULL));

  g_assert_false (zc_partial_date_check_not_future (&month, &today, ZC_LANGUAGE_ENGLISH, &english));
  g_assert_error (english, ZC_DATE_ERROR, ZC_DATE_ERROR_FUTURE);
  g_assert_cmpstr (english->message, ==, "2026-06 has not come yet: enter a date no later than today");

  g_assert_false (zc_partial_date_check_not_future (&month, &today, ZC_LANGUAGE_LOCALE, &local));
  g_assert_error (local, ZC_DATE_ERROR, ZC_DATE_ERROR_FUTURE);
  g_assert_cmpstr (local->message, !=, "");
}

static void
test_format (void)
{
  ZcPartialDate year = { 1999, 0, 0 };
  ZcPartialDate month = { 1999, 1, 0 };
  ZcPartialDate day = { 1999, 1, 9 };
  g_autofree char *year_text = zc_partial_date_format (&year);
  g_autofree char *month_text = zc_partial_date_format (&month);
  g_autofree char *day_text = zc_partial_date_format (&day);

  g_assert_cmpstr (year_text, ==, "1999");
  g_assert_cmpstr (month_text, ==, "1999-01");
  g_assert_cmpstr (day_text, ==, "1999-01-09");
}

static gboolean
date_matches (const GDate *date,
              GDateTime   *time)
{
  return g_date_get_year (date) == g_date_time_get_year (time) &&
         g_date_get_month (date) == (GDateMonth) g_date_time_get_month (time) &&
         g_date_get_day (date) == g_date_time_get_day_of_month (time);
}

static void
test_today_in_beijing (void)
{
  g_autoptr(GDateTime) before_utc = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_hours (before_utc, 8);
  g_autoptr(GDateTime) after_utc = NULL;
  g_autoptr(GDateTime) after = NULL;
  GDate today;

  zc_date_today_in_beijing (&today);
  after_utc = g_date_time_new_now_utc ();
  after = g_date_time_add_hours (after_utc, 8);

  g_assert_true (g_date_valid (&today));
  /* UTC+8 all year: China keeps no daylight saving time.  Either
   * reading counts, in case the test straddles midnight. */
  g_assert_true (date_matches (&today, before) || date_matches (&today, after));
}

/* One reading of a whole day for the client and the server */
static void
test_parse_day (void)
{
  static const char *bad[] = {
    NULL, "", "2026-3-01", "2026-03-1", "2026- 3-01", "2026-+3-01", "2026-03-01 ", " 2026-03-1",
    "2026/03/01", "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "abcd-ef-gh", "２０２６-03-01",
    "20260301", "2026-03-011",
  };
  GDate date;

  g_assert_true (zc_date_parse_day ("2026-03-01", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_true (zc_date_parse_day ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (zc_date_parse_day (bad[i], &date));
      g_assert_false (g_date_valid (&date));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/date/parse-good", test_parse_good);
  g_test_add_func ("/shared/date/parse-bad", test_parse_bad);
  g_test_add_func ("/shared/date/compare", test_compare);
  g_test_add_func ("/shared/date/is-after", test_is_after);
  g_test_add_func ("/shared/date/check-not-future", test_check_not_future);
  g_test_add_func ("/shared/date/format", test_format);
  g_test_add_func ("/shared/date/today-in-beijing", test_today_in_beijing);
  g_test_add_func ("/shared/date/parse-day", test_parse_day);

  return g_test_run ();
}
