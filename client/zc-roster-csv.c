/* zc-roster-csv.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-roster-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-json.h"
#include "zc-roster-csv.h"

/* Pure: no widgets, no I/O, so the roster is tested without a server. */

#define UTF8_BOM "\xEF\xBB\xBF"
#define ROSTER_CONTEXT "roster column"

static const char * const column_labels[ZC_ROSTER_N_COLUMNS] = {
  NC_("roster column", "No."),
  NC_("roster column", "Name"),
  NC_("roster column", "Unit"),
  NC_("roster column", "Series"),
  NC_("roster column", "Title"),
  NC_("roster column", "Specialty"),
  NC_("roster column", "Method"),
  NC_("roster column", "Declaration category"),
  NC_("roster column", "State"),
  NC_("roster column", "Submitted at"),
};

const char *
zc_roster_csv_column_label (ZcRosterColumn column,
                            ZcLanguage     language)
{
  g_return_val_if_fail ((guint) column < ZC_ROSTER_N_COLUMNS, NULL);

  return zc_translate_with_context (language, ROSTER_CONTEXT, column_labels[column]);
}

char *
zc_roster_csv_quote (const char *field)
{
  GString *out;
  gboolean defuse, quote;
  gsize length;

  if (field == NULL || *field == '\0')
    return g_strdup ("");

  length = strlen (field);
  defuse = strchr ("=+-@", field[0]) != NULL;
  quote = strpbrk (field, ",\"\r\n") != NULL || field[0] == ' ' || field[0] == '\t' ||
          field[length - 1] == ' ' || field[length - 1] == '\t';
  if (!defuse && !quote)
    return g_strdup (field);

  out = g_string_sized_new (length + 4);
  if (quote)
    g_string_append_c (out, '"');
  if (defuse)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static const char *
first_of (const char *a,
          const char *b)
{
  return a != NULL && *a != '\0' ? a : b;
}

/* "2026-03-02 10:15" in Beijing time (China keeps no summer time). */
static char *
format_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) beijing = NULL;

  if (text == NULL)
    return NULL;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return g_strdup (text);
  beijing = g_time_zone_new_offset (8 * 3600);
  local = g_date_time_to_timezone (time, beijing);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

GStrv
zc_roster_csv_row (JsonObject *record,
                   guint       number,
                   ZcTaxonomy *taxonomy,
                   ZcLanguage  language)
{
  JsonObject *body, *info, *title, *applicant;
  const char *series_code, *method, *state;
  const char *cells[ZC_ROSTER_N_COLUMNS] = { NULL };
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *submitted = NULL;
  GStrv row;

  g_return_val_if_fail (record != NULL, NULL);

  body = zc_json_member_object (record, "body");
  info = zc_json_member_object (body, "info");
  title = zc_json_member_object (body, "title");
  applicant = zc_json_member_object (record, "applicant");

  cells[ZC_ROSTER_COLUMN_NUMBER] = number_text;
  cells[ZC_ROSTER_COLUMN_NAME] = first_of (zc_json_member_string (applicant, "name"),
                                           zc_json_member_string (info, "name"));
  cells[ZC_ROSTER_COLUMN_UNIT] = zc_json_member_string (info, "unit_name");

  series_code = zc_json_member_string (title, "series");
  cells[ZC_ROSTER_COLUMN_SERIES] = series_code;
  if (series_code != NULL && taxonomy != NULL)
    {
      const ZcTaxonomySeries *series = zc_taxonomy_find_series (taxonomy, series_code);

      if (series != NULL)
        cells[ZC_ROSTER_COLUMN_SERIES] = zc_taxonomy_series_get_label (series, language);
    }
  cells[ZC_ROSTER_COLUMN_TITLE] = zc_json_member_string (title, "title");
  cells[ZC_ROSTER_COLUMN_SPECIALTY] = first_of (zc_json_member_string (title, "specialty"),
                                                zc_json_member_string (info, "current_profession"));

  method = zc_json_member_string (body, "method");
  cells[ZC_ROSTER_COLUMN_METHOD] = method;
  if (method != NULL && taxonomy != NULL)
    cells[ZC_ROSTER_COLUMN_METHOD] = first_of (zc_taxonomy_get_method_name (taxonomy, method, language), method);
  cells[ZC_ROSTER_COLUMN_CATEGORY] = zc_json_member_string (body, "declaration_category");

  state = zc_json_member_string (record, "state");
  cells[ZC_ROSTER_COLUMN_STATE] = first_of (zc_json_member_string (record, "state_label"), state);
  submitted = format_time (zc_json_member_string (record, "submitted_at"));
  cells[ZC_ROSTER_COLUMN_SUBMITTED_AT] = submitted;

  row = g_new0 (char *, ZC_ROSTER_N_COLUMNS + 1);
  for (guint i = 0; i < ZC_ROSTER_N_COLUMNS; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  return row;
}

static void
append_line (GString            *out,
             const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *quoted = zc_roster_csv_quote (cells[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, quoted);
    }
  g_string_append (out, "\r\n");
}

GBytes *
zc_roster_csv_build (JsonArray  *records,
                     ZcTaxonomy *taxonomy,
                     ZcLanguage  language)
{
  const char *header[ZC_ROSTER_N_COLUMNS + 1] = { NULL };
  GString *out = g_string_new (UTF8_BOM);
  guint number = 0;

  g_return_val_if_fail (records != NULL, NULL);

  for (guint i = 0; i < ZC_ROSTER_N_COLUMNS; i++)
    header[i] = zc_roster_csv_column_label (i, language);
  append_line (out, header);

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonNode *element = json_array_get_element (records, i);
      g_auto(GStrv) row = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      row = zc_roster_csv_row (json_node_get_object (element), ++number, taxonomy, language);
      append_line (out, (const char * const *) row);
    }

  return g_string_free_to_bytes (out);
}

char *
zc_roster_csv_file_name (const char *plan_name,
                         ZcLanguage  language)
{
  /* Translators: the file name of a plan's roster; %s is the plan's name */
  g_autofree char *name = zc_translate_printf (language, N_("%s - roster.csv"),
                                               plan_name != NULL && *plan_name != '\0' ? plan_name : "plan");

  g_strdelimit (name, "/\\:*?\"<>|\r\n\t", '_');
  return g_steal_pointer (&name);
}
