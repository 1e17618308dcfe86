/* test-holiday-calendar.c: working days by the official holiday calendar
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-holiday-calendar.h"
#include "zc-json.h"

static ZcHolidayCalendar *
calendar (void)
{
  g_autoptr(GError) error = NULL;
  ZcHolidayCalendar *self = zc_holiday_calendar_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (self);
  return self;
}

static GDate
day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  g_assert_true (g_date_valid (&date));
  return date;
}

static gboolean
working (ZcHolidayCalendar *self,
         const char        *text)
{
  GDate date = day (text);

  return zc_holiday_calendar_is_working_day (self, &date);
}

static guint
count (ZcHolidayCalendar *self,
       const char        *first,
       const char        *last)
{
  GDate a = day (first), b = day (last);

  return zc_holiday_calendar_count_working_days (self, &a, &b);
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  char text[16];

  g_assert_true (g_date_valid (date));
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_default (void)
{
  g_autoptr(ZcHolidayCalendar) self = calendar ();
  g_autoptr(ZcHolidayCalendar) again = calendar ();

  /* one shared calendar */
  g_assert_true (self == again);
  g_assert_true (zc_holiday_calendar_covers_year (self, 2024));
  g_assert_true (zc_holiday_calendar_covers_year (self, 2025));
  g_assert_true (zc_holiday_calendar_covers_year (self, 2026));
  g_assert_false (zc_holiday_calendar_covers_year (self, 2023));
  g_assert_false (zc_holiday_calendar_covers_year (self, 2030));
}

static void
test_national_day (void)
{
  g_autoptr(ZcHolidayCalendar) self = calendar ();
  GDate date = day ("2026-10-01");

  for (guint i = 1; i <= 7; i++)
    {
      g_autofree char *text = g_strdup_printf ("2026-10-%02u", i);

      g_assert_false (working (self, text));
    }
  /* Thursday and Friday after the week, then the adjusted Saturday */
  g_assert_true (working (self, "2026-10-08"));
  g_assert_true (working (self, "2026-10-09"));
  g_assert_true (working (self, "2026-10-10"));
  g_assert_false (working (self, "2026-10-11"));
  /* the Sunday before it is worked */
  g_assert_true (working (self, "2026-09-20"));

  g_assert_cmpstr (zc_holiday_calendar_get_holiday_label (self, &date, ZC_LANGUAGE_ENGLISH), ==, "National Day");
  g_assert_nonnull (zc_holiday_calendar_get_holiday_name (self, &date));
  date = day ("2026-10-08");
  g_assert_null (zc_holiday_calendar_get_holiday_name (self, &date));
  g_assert_null (zc_holiday_calendar_get_holiday_label (self, &date, ZC_LANGUAGE_ENGLISH));

  /* 2025: National Day and Mid-Autumn together, eight days */
  g_assert_false (working (self, "2025-10-08"));
  g_assert_true (working (self, "2025-10-09"));
  g_assert_true (working (self, "2025-10-11"));
  g_assert_true (working (self, "2025-09-28"));
  date = day ("2025-10-06");
  g_assert_cmpstr (zc_holiday_calendar_get_holiday_label (self, &date, ZC_LANGUAGE_ENGLISH), ==,
                   "National Day and Mid-Autumn Festival");

  /* 2024 */
  g_assert_false (working (self, "2024-10-07"));
  g_assert_true (working (self, "2024-09-29"));
  g_assert_true (working (self, "2024-10-12"));
}

static void
test_spring_festival (void)
{
  g_autoptr(ZcHolidayCalendar) self = calendar ();
  GDate date = day ("2026-02-17");

  /* 2026: 15 to 23 February off, Saturdays 14 and 28 worked */
  g_assert_true (working (self, "2026-02-13"));
  g_assert_true (working (self, "2026-02-14"));
  for (guint i = 15; i <= 23; i++)
    {
      g_autofree char *text = g_strdup_printf ("2026-02-%02u", i);

      g_assert_false (working (self, text));
    }
  g_assert_true (working (self, "2026-02-24"));
  g_assert_true (working (self, "2026-02-28"));
  g_assert_cmpstr (zc_holiday_calendar_get_holiday_label (self, &date, ZC_LANGUAGE_ENGLISH), ==, "Spring Festival");

  /* 2025: from New Year's Eve, 28 January to 4 February */
  g_assert_true (working (self, "2025-01-26"));
  g_assert_true (working (self, "2025-01-27"));
  g_assert_false (working (self, "2025-01-28"));
  g_assert_false (working (self, "2025-02-04"));
  g_assert_true (working (self, "2025-02-08"));

  /* 2024: 10 to 17 February; the eve (9th) is an ordinary Friday */
  g_assert_true (working (self, "2024-02-09"));
  g_assert_false (working (self, "2024-02-10"));
  g_assert_false (working (self, "2024-02-16"));
  g_assert_true (working (self, "2024-02-18"));
}

static void
test_ordinary_weeks (void)
{
  g_autoptr(ZcHolidayCalendar) self = calendar ();

  /* a plain week of March 2026 */
  g_assert_true (working (self, "2026-03-02"));
  g_assert_true (working (self, "2026-03-06"));
  g_assert_false (working (self, "2026-03-07"));
  g_assert_false (working (self, "2026-03-08"));
  g_assert_cmpuint (count (self, "2026-03-02", "2026-03-08"), ==, 5);
  g_assert_cmpuint (count (self, "2026-03-01", "2026-03-31"), ==, 22);

  /* the other holidays of 2026 */
  g_assert_false (working (self, "2026-01-02"));
  g_assert_true (working (self, "2026-01-04"));
  g_assert_false (working (self, "2026-04-06"));
  g_assert_false (working (self, "2026-05-05"));
  g_assert_true (working (self, "2026-05-09"));
  g_assert_false (working (self, "2026-06-19"));
  g_assert_false (working (self, "2026-09-25"));
}

static void
test_count_and_add (void)
{
  g_autoptr(ZcHolidayCalendar) self = calendar ();
  GDate start = day ("2026-09-28"), result;

  /* 28 Sep – 11 Oct 2026: Mon 28, Tue 29, Wed 30, Thu 8, Fri 9, Sat 10 */
  g_assert_cmpuint (count (self, "2026-09-28", "2026-10-11"), ==, 6);
  g_assert_cmpuint (count (self, "2026-10-01", "2026-10-07"), ==, 0);
  g_assert_cmpuint (count (self, "2026-10-10", "2026-10-10"), ==, 1);
  g_assert_cmpuint (count (self, "2026-10-11", "2026-10-10"), ==, 0);
  /* a whole year: 365 days less 104 weekend days and 13 public holidays */
  g_assert_cmpuint (count (self, "2026-01-01", "2026-12-31"), ==, 248);

  zc_holiday_calendar_add_working_days (self, &start, 0, &result);
  assert_date (&result, "2026-09-28");
  zc_holiday_calendar_add_working_days (self, &start, 1, &result);
  assert_date (&result, "2026-09-29");
  zc_holiday_calendar_add_working_days (self, &start, 3, &result);
  assert_date (&result, "2026-10-08");
  zc_holiday_calendar_add_working_days (self, &start, 5, &result);
  assert_date (&result, "2026-10-10");
  zc_holiday_calendar_add_working_days (self, &start, 6, &result);
  assert_date (&result, "2026-10-12");

  /* across the turn of a year into one the calendar does not cover */
  start = day ("2026-12-31");
  zc_holiday_calendar_add_working_days (self, &start, 1, &result);
  assert_date (&result, "2027-01-01");
}

static void
test_uncovered_year (void)
{
  g_autoptr(ZcHolidayCalendar) self = calendar ();
  GDate date = day ("2030-10-01");

  /* Monday to Friday, no holidays */
  g_assert_true (working (self, "2030-10-01"));
  g_assert_true (working (self, "2030-10-04"));
  g_assert_false (working (self, "2030-10-05"));
  g_assert_false (working (self, "2030-10-06"));
  g_assert_null (zc_holiday_calendar_get_holiday_name (self, &date));
  g_assert_cmpuint (count (self, "2030-09-30", "2030-10-13"), ==, 10);
  g_assert_true (working (self, "2023-10-02"));
}

static void
test_publicity (void)
{
  g_autoptr(ZcHolidayCalendar) self = calendar ();
  GDate start, end;

  /* Tue 29 and Wed 30 September, then 8, 9 and the worked Saturday 10 October */
  start = day ("2026-09-29");
  zc_holiday_calendar_publicity_earliest_end (self, &start, &end);
  assert_date (&end, "2026-10-10");
  g_assert_cmpuint (zc_holiday_calendar_count_working_days (self, &start, &end), ==, ZC_PUBLICITY_MIN_WORKING_DAYS);

  /* an ordinary week: Monday to Friday */
  start = day ("2026-03-02");
  zc_holiday_calendar_publicity_earliest_end (self, &start, &end);
  assert_date (&end, "2026-03-06");

  /* starting on a Saturday: the Saturday does not count */
  start = day ("2026-03-07");
  zc_holiday_calendar_publicity_earliest_end (self, &start, &end);
  assert_date (&end, "2026-03-13");

  /* starting inside the holiday */
  start = day ("2026-10-03");
  zc_holiday_calendar_publicity_earliest_end (self, &start, &end);
  assert_date (&end, "2026-10-13");

  /* a year not covered */
  start = day ("2031-01-01");
  zc_holiday_calendar_publicity_earliest_end (self, &start, &end);
  assert_date (&end, "2031-01-07");
}

static void
test_small_calendar (void)
{
  static const char text[] =
    "{\"format\":1,\"years\":{\"2030\":{\"holidays\":[{\"name\":\"Test Day\",\"days\":[\"2030-03-04\"]}],"
    "\"working_days\":[\"2030-03-09\"]}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcHolidayCalendar) self = zc_holiday_calendar_new_from_data (text, strlen (text), &error);
  GDate date = day ("2030-03-04");

  g_assert_no_error (error);
  g_assert_true (zc_holiday_calendar_covers_year (self, 2030));
  g_assert_false (zc_holiday_calendar_covers_year (self, 2026));
  g_assert_false (working (self, "2030-03-04"));
  g_assert_true (working (self, "2030-03-09"));
  /* a name not in the catalog stays as it is */
  g_assert_cmpstr (zc_holiday_calendar_get_holiday_name (self, &date), ==, "Test Day");
  g_assert_cmpuint (count (self, "2030-03-04", "2030-03-10"), ==, 5);
  /* the shipped calendar's 2026 is not in this one */
  g_assert_true (working (self, "2026-10-08"));
  g_assert_false (working (self, "2026-10-10"));
  g_assert_true (working (self, "2026-10-01"));
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *text;
    ZcJsonError code;
    const char *prefix;
  } cases[] = {
    { "", ZC_JSON_ERROR_INVALID, "" },
    { "[]", ZC_JSON_ERROR_WRONG_TYPE, "$" },
    { "{\"format\":1}", ZC_JSON_ERROR_MISSING, "years" },
    { "{\"format\":2,\"years\":{}}", ZC_JSON_ERROR_OUT_OF_RANGE, "format" },
    { "{\"format\":\"1\",\"years\":{}}", ZC_JSON_ERROR_WRONG_TYPE, "format" },
    { "{\"format\":1,\"years\":{},\"extra\":true}", ZC_JSON_ERROR_UNKNOWN_MEMBER, "extra" },
    { "{\"format\":1,\"years\":[]}", ZC_JSON_ERROR_WRONG_TYPE, "years" },
    { "{\"format\":1,\"years\":{\"26\":{\"holidays\":[],\"working_days\":[]}}}", ZC_JSON_ERROR_INVALID, "years.26" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[]}}}", ZC_JSON_ERROR_MISSING, "years.2026.working_days" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[],\"working_days\":[],\"x\":1}}}",
      ZC_JSON_ERROR_UNKNOWN_MEMBER, "years.2026.x" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"A\",\"days\":[\"2026-02-30\"]}],\"working_days\":[]}}}",
      ZC_JSON_ERROR_INVALID, "years.2026.holidays[0].days[0]" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"A\",\"days\":[\"2026-1-5\"]}],\"working_days\":[]}}}",
      ZC_JSON_ERROR_INVALID, "years.2026.holidays[0].days[0]" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"A\",\"days\":[\"2025-10-01\"]}],\"working_days\":[]}}}",
      ZC_JSON_ERROR_INVALID, "years.2026.holidays[0].days[0]" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"A\",\"days\":[20261001]}],\"working_days\":[]}}}",
      ZC_JSON_ERROR_WRONG_TYPE, "years.2026.holidays[0].days[0]" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"\",\"days\":[\"2026-10-01\"]}],\"working_days\":[]}}}",
      ZC_JSON_ERROR_INVALID, "years.2026.holidays[0]" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"A\",\"days\":[]}],\"working_days\":[]}}}",
      ZC_JSON_ERROR_OUT_OF_RANGE, "years.2026.holidays[0]" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"A\"}],\"working_days\":[]}}}",
      ZC_JSON_ERROR_MISSING, "years.2026.holidays[0].days" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"A\",\"days\":[\"2026-10-01\"]},"
      "{\"name\":\"B\",\"days\":[\"2026-10-01\"]}],\"working_days\":[]}}}",
      ZC_JSON_ERROR_INVALID, "years.2026.holidays[1].days[0]" },
    /* a Thursday cannot be an adjusted working day */
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[],\"working_days\":[\"2026-10-08\"]}}}",
      ZC_JSON_ERROR_INVALID, "years.2026.working_days[0]" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[{\"name\":\"A\",\"days\":[\"2026-10-03\"]}],"
      "\"working_days\":[\"2026-10-03\"]}}}", ZC_JSON_ERROR_INVALID, "years.2026.working_days[0]" },
    { "{\"format\":1,\"years\":{\"2026\":{\"holidays\":[],\"working_days\":[\"2026-10-10\",\"2026-10-10\"]}}}",
      ZC_JSON_ERROR_INVALID, "years.2026.working_days[1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcHolidayCalendar) self = NULL;

      g_test_message ("case %u", i);
      self = zc_holiday_calendar_new_from_data (cases[i].text, strlen (cases[i].text), &error);
      g_assert_null (self);
      g_assert_error (error, ZC_JSON_ERROR, (int) cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].prefix);
    }
}

/* The shipped file itself, read from the source tree. */
static void
test_shipped_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "calendar", "holidays.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcHolidayCalendar) self = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  self = zc_holiday_calendar_new_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_true (zc_holiday_calendar_covers_year (self, 2026));
  g_assert_false (working (self, "2026-10-01"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holiday-calendar/default", test_default);
  g_test_add_func ("/holiday-calendar/national-day", test_national_day);
  g_test_add_func ("/holiday-calendar/spring-festival", test_spring_festival);
  g_test_add_func ("/holiday-calendar/ordinary-weeks", test_ordinary_weeks);
  g_test_add_func ("/holiday-calendar/count-and-add", test_count_and_add);
  g_test_add_func ("/holiday-calendar/uncovered-year", test_uncovered_year);
  g_test_add_func ("/holiday-calendar/publicity", test_publicity);
  g_test_add_func ("/holiday-calendar/small-calendar", test_small_calendar);
  g_test_add_func ("/holiday-calendar/malformed", test_malformed);
  g_test_add_func ("/holiday-calendar/shipped-file", test_shipped_file);

  return g_test_run ();
}
