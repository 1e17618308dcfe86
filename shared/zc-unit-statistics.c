/* zc-unit-statistics.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-unit-statistics"

#include "config.h"

#include <string.h>

#include "zc-json.h"
#include "zc-unit-statistics.h"

G_DEFINE_QUARK (zc-unit-statistics-error-quark, zc_unit_statistics_error)

/* A JSON count is a plain number of people; more than this is a broken answer. */
#define MAX_COUNT G_GINT64_CONSTANT (10000000)

static void
series_free (ZcUnitStatisticsSeries *series)
{
  if (series == NULL)
    return;

  g_free (series->code);
  g_free (series->name);
  g_free (series);
}

static ZcUnitStatistics *
statistics_new (void)
{
  ZcUnitStatistics *statistics = g_new0 (ZcUnitStatistics, 1);

  statistics->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  return statistics;
}

void
zc_unit_statistics_free (ZcUnitStatistics *statistics)
{
  if (statistics == NULL)
    return;

  g_ptr_array_unref (statistics->series);
  g_free (statistics);
}

ZcUnitStatistics *
zc_unit_statistics_copy (const ZcUnitStatistics *statistics)
{
  ZcUnitStatistics *copy;

  g_return_val_if_fail (statistics != NULL, NULL);

  copy = statistics_new ();
  memcpy (copy->level_totals, statistics->level_totals, sizeof copy->level_totals);
  copy->without_title = statistics->without_title;
  copy->people = statistics->people;
  for (guint i = 0; i < statistics->series->len; i++)
    {
      const ZcUnitStatisticsSeries *s = statistics->series->pdata[i];
      ZcUnitStatisticsSeries *c = g_new0 (ZcUnitStatisticsSeries, 1);

      *c = *s;
      c->code = g_strdup (s->code);
      c->name = g_strdup (s->name);
      g_ptr_array_add (copy->series, c);
    }

  return copy;
}

/* Where one person's highest title goes: FALSE for none (or one this
 * taxonomy does not know, kept apart from the known numbers). */
static gboolean
place_title (ZcTaxonomy    *taxonomy,
             JsonObject    *body,
             guint         *series_index,
             ZcTitleLevel  *level)
{
  JsonObject *pick = NULL;
  const char *code = NULL;
  const char *level_text = NULL;
  const char *title = NULL;
  const ZcTaxonomySeries *series;

  if (body == NULL ||
      !zc_json_get_object (body, "highest_title", FALSE, &pick, NULL) || pick == NULL ||
      !zc_json_get_string (pick, "series", FALSE, &code, NULL) || code == NULL || *code == '\0' ||
      !zc_json_get_string (pick, "level", FALSE, &level_text, NULL) ||
      !zc_json_get_string (pick, "title", FALSE, &title, NULL))
    return FALSE;

  series = zc_taxonomy_find_series (taxonomy, code);
  if (series == NULL)
    return FALSE;

  if (level_text != NULL && *level_text != '\0')
    {
      if (!zc_title_level_from_string (level_text, level))
        return FALSE;
    }
  else if (title == NULL || *title == '\0' ||
           !zc_taxonomy_resolve_title (taxonomy, code, title, NULL, level, NULL))
    return FALSE;

  for (guint i = 0; i < zc_taxonomy_get_n_series (taxonomy); i++)
    {
      if (zc_taxonomy_get_series (taxonomy, i) == series)
        {
          *series_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * zc_unit_statistics_count:
 * @taxonomy: names the series and places titles given without a level
 * @bodies: (element-type JsonObject): the personal information of each
 *   person of the unit, a %NULL element for a person who has none yet
 * @language: of the series names
 *
 * Counts every person once, by the series and level of the member
 * `highest_title` (a taxonomy pick); a person without a title the
 * taxonomy knows counts as without title.
 *
 * Returns: (transfer full): the numbers
 */
ZcUnitStatistics *
zc_unit_statistics_count (ZcTaxonomy *taxonomy,
                          GPtrArray  *bodies,
                          ZcLanguage  language)
{
  g_autofree guint *counts = NULL;
  ZcUnitStatistics *statistics;
  guint n_series;

  g_return_val_if_fail (taxonomy != NULL, NULL);
  g_return_val_if_fail (bodies != NULL, NULL);

  n_series = zc_taxonomy_get_n_series (taxonomy);
  counts = g_new0 (guint, (gsize) n_series * ZC_N_TITLE_LEVELS);
  statistics = statistics_new ();

  for (guint i = 0; i < bodies->len; i++)
    {
      guint series_index = 0;
      ZcTitleLevel level = ZC_TITLE_LEVEL_CLERK;

      statistics->people++;
      if (place_title (taxonomy, bodies->pdata[i], &series_index, &level))
        {
          counts[series_index * ZC_N_TITLE_LEVELS + level]++;
          statistics->level_totals[level]++;
        }
      else
        statistics->without_title++;
    }

  for (guint i = 0; i < n_series; i++)
    {
      const ZcTaxonomySeries *series = zc_taxonomy_get_series (taxonomy, i);
      ZcUnitStatisticsSeries *s = g_new0 (ZcUnitStatisticsSeries, 1);

      for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
        {
          s->counts[l] = counts[i * ZC_N_TITLE_LEVELS + l];
          s->total += s->counts[l];
        }
      if (s->total == 0)
        {
          g_free (s);
          continue;
        }
      s->code = g_strdup (zc_taxonomy_series_get_code (series));
      s->name = g_strdup (zc_taxonomy_series_get_label (series, language));
      g_ptr_array_add (statistics->series, s);
    }

  return statistics;
}

/* The people with a title: the sum of the level totals. */
guint
zc_unit_statistics_get_titled (const ZcUnitStatistics *statistics)
{
  guint titled = 0;

  g_return_val_if_fail (statistics != NULL, 0);

  for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
    titled += statistics->level_totals[l];
  return titled;
}

/* The largest single count of a series and level: the chart's scale. */
guint
zc_unit_statistics_get_max_count (const ZcUnitStatistics *statistics)
{
  guint max = 0;

  g_return_val_if_fail (statistics != NULL, 0);

  for (guint i = 0; i < statistics->series->len; i++)
    {
      const ZcUnitStatisticsSeries *s = statistics->series->pdata[i];

      for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
        max = MAX (max, s->counts[l]);
    }
  return max;
}

/**
 * zc_unit_statistics_to_json:
 *
 * `{"people", "without_title", "levels": [{"level", "count"} × 5],
 * "series": [{"code", "name", "total", "counts": [5 numbers]}]}`; the
 * levels and every `counts` in career order (员级 … 正高级).
 *
 * Returns: (transfer full): an object node
 */
JsonNode *
zc_unit_statistics_to_json (const ZcUnitStatistics *statistics)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (statistics != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "people");
  json_builder_add_int_value (builder, statistics->people);
  json_builder_set_member_name (builder, "without_title");
  json_builder_add_int_value (builder, statistics->without_title);

  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "level");
      json_builder_add_string_value (builder, zc_title_level_to_string ((ZcTitleLevel) l));
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, statistics->level_totals[l]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "series");
  json_builder_begin_array (builder);
  for (guint i = 0; i < statistics->series->len; i++)
    {
      const ZcUnitStatisticsSeries *s = statistics->series->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, s->code);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, s->name);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, s->total);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_array (builder);
      for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
        json_builder_add_int_value (builder, s->counts[l]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, ZC_UNIT_STATISTICS_ERROR, ZC_UNIT_STATISTICS_ERROR_INVALID,
               "The unit statistics are not valid: %s", what);
  return FALSE;
}

static gboolean
get_count (JsonNode  *node,
           guint     *out)
{
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < 0 || value > MAX_COUNT)
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
read_series (JsonNode                *node,
             ZcUnitStatisticsSeries  *s,
             GError                 **error)
{
  JsonObject *object;
  JsonArray *counts = NULL;
  const char *code = NULL;
  const char *name = NULL;
  guint sum = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "a series is not an object");
  object = json_node_get_object (node);
  if (!zc_json_get_string (object, "code", TRUE, &code, NULL) || code == NULL || *code == '\0' ||
      !zc_json_get_string (object, "name", TRUE, &name, NULL) || name == NULL ||
      !get_count (json_object_get_member (object, "total"), &s->total) ||
      !zc_json_get_array (object, "counts", TRUE, &counts, NULL) || counts == NULL ||
      json_array_get_length (counts) != ZC_N_TITLE_LEVELS)
    return invalid (error, "a series lacks its code, name, total or five counts");
  for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
    {
      if (!get_count (json_array_get_element (counts, l), &s->counts[l]))
        return invalid (error, "a count is not a number of people");
      sum += s->counts[l];
    }
  if (sum != s->total)
    return invalid (error, "a series total is not the sum of its counts");
  s->code = g_strdup (code);
  s->name = g_strdup (name);
  return TRUE;
}

/**
 * zc_unit_statistics_from_json:
 *
 * Reads what zc_unit_statistics_to_json() wrote, checking that the
 * totals add up.
 *
 * Returns: (transfer full): the numbers, or %NULL with
 *   %ZC_UNIT_STATISTICS_ERROR_INVALID
 */
ZcUnitStatistics *
zc_unit_statistics_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(ZcUnitStatistics) statistics = NULL;
  JsonObject *object;
  JsonArray *levels = NULL;
  JsonArray *series = NULL;
  guint by_level[ZC_N_TITLE_LEVELS] = { 0 };
  guint titled = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  statistics = statistics_new ();
  if (!get_count (json_object_get_member (object, "people"), &statistics->people) ||
      !get_count (json_object_get_member (object, "without_title"), &statistics->without_title) ||
      !zc_json_get_array (object, "levels", TRUE, &levels, NULL) || levels == NULL ||
      !zc_json_get_array (object, "series", TRUE, &series, NULL) || series == NULL ||
      json_array_get_length (levels) != ZC_N_TITLE_LEVELS)
    {
      invalid (error, "people, without_title, five levels and series are required");
      return NULL;
    }

  for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
    {
      JsonNode *element = json_array_get_element (levels, l);
      const char *key = NULL;
      ZcTitleLevel level;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !zc_json_get_string (json_node_get_object (element), "level", TRUE, &key, NULL) ||
          !zc_title_level_from_string (key, &level) || level != (ZcTitleLevel) l ||
          !get_count (json_object_get_member (json_node_get_object (element), "count"),
                      &statistics->level_totals[l]))
        {
          invalid (error, "the levels are not the five levels in career order with a count");
          return NULL;
        }
      titled += statistics->level_totals[l];
    }

  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      ZcUnitStatisticsSeries *s = g_new0 (ZcUnitStatisticsSeries, 1);

      g_ptr_array_add (statistics->series, s);
      if (!read_series (json_array_get_element (series, i), s, error))
        return NULL;
      for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
        by_level[l] += s->counts[l];
    }

  if (memcmp (by_level, statistics->level_totals, sizeof by_level) != 0 ||
      titled + statistics->without_title != statistics->people)
    {
      invalid (error, "the totals do not add up");
      return NULL;
    }

  return g_steal_pointer (&statistics);
}
