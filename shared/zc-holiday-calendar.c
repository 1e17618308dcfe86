/* zc-holiday-calendar.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-holiday-calendar"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "zc-data.h"
#include "zc-holiday-calendar.h"
#include "zc-i18n.h"
#include "zc-json.h"

/* Working days by the State Council's yearly holiday notice.  The file
 * format is in docs/declarations.md "Working days"; days are kept by
 * their Julian day number, so a lookup is one hash probe. */

#define CALENDAR_FORMAT   1
#define CALENDAR_PATH     "calendar/holidays.json"
#define MAX_HOLIDAY_NAME  100
#define MAX_SOURCE        500
#define MAX_NOTES         2000

struct _ZcHolidayCalendar
{
  gatomicrefcount ref_count;
  GHashTable     *holidays;      /* Julian day → name (in names) */
  GHashTable     *working_days;  /* set of Julian days */
  GHashTable     *years;         /* set of covered years */
  GPtrArray      *names;         /* owned strings */
};

G_DEFINE_BOXED_TYPE (ZcHolidayCalendar, zc_holiday_calendar,
                     zc_holiday_calendar_ref, zc_holiday_calendar_unref)

static const char * const root_members[] = { "format", "notes", "years", NULL };
static const char * const year_members[] = { "source", "holidays", "working_days", NULL };
static const char * const holiday_members[] = { "name", "days", NULL };

static G_LOCK_DEFINE (default_calendar);
static ZcHolidayCalendar *default_calendar;

static ZcHolidayCalendar *
calendar_alloc (void)
{
  ZcHolidayCalendar *self = g_new0 (ZcHolidayCalendar, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->holidays = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->working_days = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->years = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->names = g_ptr_array_new_with_free_func (g_free);
  return self;
}

ZcHolidayCalendar *
zc_holiday_calendar_ref (ZcHolidayCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
zc_holiday_calendar_unref (ZcHolidayCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->holidays);
  g_hash_table_unref (self->working_days);
  g_hash_table_unref (self->years);
  g_ptr_array_unref (self->names);
  g_free (self);
}

/* ---- reading ---------------------------------------------------------- */

static gboolean
fail (GError      **error,
      ZcJsonError   code,
      const char   *path,
      const char   *message)
{
  g_set_error (error, ZC_JSON_ERROR, code, "%s: %s", path, message);
  return FALSE;
}

static gboolean
digits (const char *text,
        gsize       count)
{
  for (gsize i = 0; i < count; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* A "YYYY-MM-DD" of @year, as a Julian day number. */
static gboolean
read_day (JsonNode    *node,
          int          year,
          const char  *path,
          guint32     *julian,
          GError     **error)
{
  const char *text;
  int month, day;
  GDate date;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, ZC_JSON_ERROR_WRONG_TYPE, path, "expected a date as a string");
  text = json_node_get_string (node);
  if (strlen (text) != 10 || !digits (text, 4) || text[4] != '-' || !digits (text + 5, 2) ||
      text[7] != '-' || !digits (text + 8, 2))
    return fail (error, ZC_JSON_ERROR_INVALID, path, "expected a date as YYYY-MM-DD");
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (atoi (text) != year)
    return fail (error, ZC_JSON_ERROR_INVALID, path, "the date is not in the year it is listed under");
  if (month < 1 || month > 12 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return fail (error, ZC_JSON_ERROR_INVALID, path, "not a real date");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

static gboolean
is_weekend (guint32 julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

static gboolean
read_holiday (ZcHolidayCalendar  *self,
              JsonNode           *node,
              int                 year,
              const char         *path,
              GError            **error)
{
  JsonObject *object;
  JsonArray *days;
  const char *name;

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, holiday_members, error) ||
      !zc_json_get_string (object, "name", TRUE, &name, error) ||
      !zc_json_get_array (object, "days", TRUE, &days, error))
    {
      zc_json_prefix_error (error, "%s", path);
      return FALSE;
    }
  if (*name == '\0' || g_utf8_strlen (name, -1) > MAX_HOLIDAY_NAME || strchr (name, '\n') != NULL)
    return fail (error, ZC_JSON_ERROR_INVALID, path, "name: one line of 1 to 100 characters");
  if (json_array_get_length (days) == 0)
    return fail (error, ZC_JSON_ERROR_OUT_OF_RANGE, path, "days: at least one day is needed");

  g_ptr_array_add (self->names, g_strdup (name));
  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      g_autofree char *day_path = g_strdup_printf ("%s.days[%u]", path, i);
      guint32 julian;

      if (!read_day (json_array_get_element (days, i), year, day_path, &julian, error))
        return FALSE;
      if (!g_hash_table_insert (self->holidays, GUINT_TO_POINTER (julian),
                                g_ptr_array_index (self->names, self->names->len - 1)))
        return fail (error, ZC_JSON_ERROR_INVALID, day_path, "the day is listed twice");
    }
  return TRUE;
}

static gboolean
read_year (ZcHolidayCalendar  *self,
           const char         *key,
           JsonNode           *node,
           GError            **error)
{
  g_autofree char *path = g_strdup_printf ("years.%s", key);
  JsonObject *object;
  JsonArray *holidays, *working_days;
  const char *source;
  int year;

  if (strlen (key) != 4 || !digits (key, 4) || (year = atoi (key)) < 1900 || year > 2100)
    return fail (error, ZC_JSON_ERROR_INVALID, path, "a year is four digits, 1900 to 2100");
  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, year_members, error) ||
      !zc_json_get_string (object, "source", FALSE, &source, error) ||
      !zc_json_get_array (object, "holidays", TRUE, &holidays, error) ||
      !zc_json_get_array (object, "working_days", TRUE, &working_days, error))
    {
      zc_json_prefix_error (error, "%s", path);
      return FALSE;
    }
  if (source != NULL && g_utf8_strlen (source, -1) > MAX_SOURCE)
    return fail (error, ZC_JSON_ERROR_OUT_OF_RANGE, path, "source: too long");

  for (guint i = 0; i < json_array_get_length (holidays); i++)
    {
      g_autofree char *holiday_path = g_strdup_printf ("%s.holidays[%u]", path, i);

      if (!read_holiday (self, json_array_get_element (holidays, i), year, holiday_path, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (working_days); i++)
    {
      g_autofree char *day_path = g_strdup_printf ("%s.working_days[%u]", path, i);
      guint32 julian;

      if (!read_day (json_array_get_element (working_days, i), year, day_path, &julian, error))
        return FALSE;
      /* an adjusted working day is a weekend day that is worked */
      if (!is_weekend (julian))
        return fail (error, ZC_JSON_ERROR_INVALID, day_path, "an adjusted working day falls on a Saturday or Sunday");
      if (g_hash_table_contains (self->holidays, GUINT_TO_POINTER (julian)))
        return fail (error, ZC_JSON_ERROR_INVALID, day_path, "the day is also listed as a holiday");
      if (!g_hash_table_add (self->working_days, GUINT_TO_POINTER (julian)))
        return fail (error, ZC_JSON_ERROR_INVALID, day_path, "the day is listed twice");
    }

  g_hash_table_add (self->years, GINT_TO_POINTER (year));
  return TRUE;
}

/**
 * zc_holiday_calendar_new_from_data:
 *
 * Reads a calendar in the format of docs/declarations.md "Working days".
 *
 * Returns: (transfer full): the calendar, or %NULL with a
 *   %ZC_JSON_ERROR naming the member's path
 */
ZcHolidayCalendar *
zc_holiday_calendar_new_from_data (const char  *data,
                                   gsize        length,
                                   GError     **error)
{
  g_autoptr(ZcHolidayCalendar) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *years;
  JsonObjectIter iter;
  const char *key, *notes;
  JsonNode *member;
  gint64 format;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!zc_json_parse (data, length, 8, &root, error))
    return NULL;
  object = json_node_get_object (root);
  if (!zc_json_check_members (object, root_members, error) ||
      !zc_json_get_int64 (object, "format", TRUE, 1, G_MAXINT32, &format, error) ||
      !zc_json_get_string (object, "notes", FALSE, &notes, error) ||
      !zc_json_get_object (object, "years", TRUE, &years, error))
    return NULL;
  if (format != CALENDAR_FORMAT)
    {
      fail (error, ZC_JSON_ERROR_OUT_OF_RANGE, "format", "this program reads format 1");
      return NULL;
    }
  if (notes != NULL && g_utf8_strlen (notes, -1) > MAX_NOTES)
    {
      fail (error, ZC_JSON_ERROR_OUT_OF_RANGE, "notes", "too long");
      return NULL;
    }

  self = calendar_alloc ();
  json_object_iter_init_ordered (&iter, years);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    if (!read_year (self, key, member, error))
      return NULL;

  return g_steal_pointer (&self);
}

/**
 * zc_holiday_calendar_get_default:
 *
 * Returns: (transfer full): a reference to the shipped calendar, which
 *   stays loaded; unreffing it is allowed and not needed
 */
ZcHolidayCalendar *
zc_holiday_calendar_get_default (GError **error)
{
  ZcHolidayCalendar *calendar;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  G_LOCK (default_calendar);
  if (default_calendar == NULL)
    {
      g_autoptr(GBytes) bytes = zc_data_load (CALENDAR_PATH, error);
      gsize length = 0;
      const char *data;

      if (bytes != NULL)
        {
          data = g_bytes_get_data (bytes, &length);
          default_calendar = zc_holiday_calendar_new_from_data (data != NULL ? data : "", length, error);
          if (default_calendar == NULL)
            g_prefix_error (error, "%s: ", CALENDAR_PATH);
        }
    }
  calendar = default_calendar != NULL ? zc_holiday_calendar_ref (default_calendar) : NULL;
  G_UNLOCK (default_calendar);

  return calendar;
}

/* ---- questions -------------------------------------------------------- */

gboolean
zc_holiday_calendar_covers_year (ZcHolidayCalendar *self,
                                 int                year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->years, GINT_TO_POINTER (year));
}

static gboolean
julian_is_working_day (ZcHolidayCalendar *self,
                       guint32            julian)
{
  if (g_hash_table_contains (self->holidays, GUINT_TO_POINTER (julian)))
    return FALSE;
  if (g_hash_table_contains (self->working_days, GUINT_TO_POINTER (julian)))
    return TRUE;
  /* Julian day 1 (0001-01-01) was a Monday */
  return (julian - 1) % 7 < 5;
}

gboolean
zc_holiday_calendar_is_working_day (ZcHolidayCalendar *self,
                                    const GDate       *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return julian_is_working_day (self, g_date_get_julian (date));
}

/**
 * zc_holiday_calendar_get_holiday_name:
 *
 * Returns: (nullable): the name in the locale's language (国庆节)
 */
const char *
zc_holiday_calendar_get_holiday_name (ZcHolidayCalendar *self,
                                      const GDate       *date)
{
  return zc_holiday_calendar_get_holiday_label (self, date, ZC_LANGUAGE_LOCALE);
}

/**
 * zc_holiday_calendar_get_holiday_label:
 *
 * Returns: (nullable): the holiday's name in @language, or %NULL when
 *   @date is not a listed holiday
 */
const char *
zc_holiday_calendar_get_holiday_label (ZcHolidayCalendar *self,
                                       const GDate       *date,
                                       ZcLanguage         language)
{
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  name = g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
  return name != NULL ? zc_translate (language, name) : NULL;
}

guint
zc_holiday_calendar_count_working_days (ZcHolidayCalendar *self,
                                        const GDate       *first,
                                        const GDate       *last)
{
  guint32 from, to;
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (first != NULL && g_date_valid (first), 0);
  g_return_val_if_fail (last != NULL && g_date_valid (last), 0);

  from = g_date_get_julian (first);
  to = g_date_get_julian (last);
  for (guint32 julian = from; julian <= to && julian >= from; julian++)
    if (julian_is_working_day (self, julian))
      count++;
  return count;
}

void
zc_holiday_calendar_add_working_days (ZcHolidayCalendar *self,
                                      const GDate       *date,
                                      guint              n,
                                      GDate             *result)
{
  guint32 julian;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (result != NULL);

  julian = g_date_get_julian (date);
  while (n > 0)
    {
      julian++;
      if (julian_is_working_day (self, julian))
        n--;
    }
  g_date_clear (result, 1);
  g_date_set_julian (result, julian);
}

void
zc_holiday_calendar_publicity_earliest_end (ZcHolidayCalendar *self,
                                            const GDate       *start,
                                            GDate             *result)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (result != NULL);

  if (zc_holiday_calendar_is_working_day (self, start))
    zc_holiday_calendar_add_working_days (self, start, ZC_PUBLICITY_MIN_WORKING_DAYS - 1, result);
  else
    zc_holiday_calendar_add_working_days (self, start, ZC_PUBLICITY_MIN_WORKING_DAYS, result);
}
