/* test-unit-statistics.c: counting a unit's professional staff by the
 * series and level of their highest title
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-unit-statistics.h"

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
body_unref (gpointer body)
{
  if (body != NULL)
    json_object_unref (body);
}

static GPtrArray *
bodies_new (const char * const *texts,
            guint               n)
{
  GPtrArray *bodies = g_ptr_array_new_with_free_func (body_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (bodies, texts[i] != NULL ? parse_object (texts[i]) : NULL);
  return bodies;
}

static ZcTaxonomy *
taxonomy (void)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();

  g_assert_nonnull (taxonomy);
  return taxonomy;
}

#define DOCTOR "{\"highest_title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\"," \
               " \"title\": \"主治医师\"}, \"work_years\": 12}"
#define CHIEF  "{\"highest_title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"正高级\"," \
               " \"title\": \"主任医师\"}}"
#define ENGINEER "{\"highest_title\": {\"series\": \"05\", \"category\": \"工程技术\", \"level\": \"中级\"," \
                 " \"title\": \"工程师\"}}"
/* no level: placed by its title */
#define TEACHER "{\"highest_title\": {\"series\": \"01\", \"title\": \"讲师\"}}"

static void
test_count (void)
{
  static const char * const texts[] = {
    DOCTOR, DOCTOR, CHIEF, ENGINEER, TEACHER,
    NULL,                                            /* no personal information yet */
    "{\"work_years\": 3}",                           /* no pick */
    "{\"highest_title\": null}",
    "{\"highest_title\": {}}",
    "{\"highest_title\": {\"series\": \"\"}}",
  };
  g_autoptr(GPtrArray) bodies = bodies_new (texts, G_N_ELEMENTS (texts));
  g_autoptr(ZcUnitStatistics) statistics = zc_unit_statistics_count (taxonomy (), bodies, ZC_LANGUAGE_LOCALE);
  const ZcUnitStatisticsSeries *s;

  g_assert_cmpuint (statistics->people, ==, 10);
  g_assert_cmpuint (statistics->without_title, ==, 5);
  g_assert_cmpuint (zc_unit_statistics_get_titled (statistics), ==, 5);
  g_assert_cmpuint (zc_unit_statistics_get_max_count (statistics), ==, 2);
  g_assert_cmpuint (statistics->level_totals[ZC_TITLE_LEVEL_CLERK], ==, 0);
  g_assert_cmpuint (statistics->level_totals[ZC_TITLE_LEVEL_INTERMEDIATE], ==, 4);
  g_assert_cmpuint (statistics->level_totals[ZC_TITLE_LEVEL_SENIOR], ==, 1);

  /* taxonomy order, only the series with people */
  g_assert_cmpuint (statistics->series->len, ==, 3);
  s = statistics->series->pdata[0];
  g_assert_cmpstr (s->code, ==, "01");
  g_assert_cmpstr (s->name, ==, "高等学校教师");
  g_assert_cmpuint (s->total, ==, 1);
  g_assert_cmpuint (s->counts[ZC_TITLE_LEVEL_INTERMEDIATE], ==, 1);
  s = statistics->series->pdata[1];
  g_assert_cmpstr (s->code, ==, "04");
  g_assert_cmpstr (s->name, ==, "卫生技术人员");
  g_assert_cmpuint (s->total, ==, 3);
  g_assert_cmpuint (s->counts[ZC_TITLE_LEVEL_INTERMEDIATE], ==, 2);
  g_assert_cmpuint (s->counts[ZC_TITLE_LEVEL_SENIOR], ==, 1);
  g_assert_cmpuint (s->counts[ZC_TITLE_LEVEL_DEPUTY_SENIOR], ==, 0);
  s = statistics->series->pdata[2];
  g_assert_cmpstr (s->code, ==, "05");
  g_assert_cmpuint (s->total, ==, 1);
}

static void
test_english_names (void)
{
  static const char * const texts[] = { DOCTOR };
  g_autoptr(GPtrArray) bodies = bodies_new (texts, 1);
  g_autoptr(ZcUnitStatistics) statistics = zc_unit_statistics_count (taxonomy (), bodies, ZC_LANGUAGE_ENGLISH);

  g_assert_cmpuint (statistics->series->len, ==, 1);
  g_assert_cmpstr (((ZcUnitStatisticsSeries *) statistics->series->pdata[0])->name, ==, "Health professionals");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();
  g_autoptr(ZcUnitStatistics) statistics = zc_unit_statistics_count (taxonomy (), bodies, ZC_LANGUAGE_LOCALE);
  g_autoptr(JsonNode) node = zc_unit_statistics_to_json (statistics);
  g_autoptr(ZcUnitStatistics) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (statistics->people, ==, 0);
  g_assert_cmpuint (statistics->without_title, ==, 0);
  g_assert_cmpuint (statistics->series->len, ==, 0);
  g_assert_cmpuint (zc_unit_statistics_get_max_count (statistics), ==, 0);

  back = zc_unit_statistics_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->people, ==, 0);
  g_assert_cmpuint (back->series->len, ==, 0);
}

/* Wrong types and values outside the taxonomy count as no title, and
 * never crash or log. */
static void
test_bad_picks (void)
{
  static const char * const texts[] = {
    "{\"highest_title\": \"主治医师\"}",
    "{\"highest_title\": [\"04\"]}",
    "{\"highest_title\": {\"series\": 4, \"level\": \"中级\"}}",
    "{\"highest_title\": {\"series\": \"99\", \"level\": \"中级\"}}",
    "{\"highest_title\": {\"series\": \"04\", \"level\": \"超高级\"}}",
    "{\"highest_title\": {\"series\": \"04\", \"level\": 2}}",
    "{\"highest_title\": {\"series\": \"04\"}}",
    "{\"highest_title\": {\"series\": \"04\", \"title\": \"不存在的职称\"}}",
    "{\"highest_title\": {\"series\": \"04\", \"title\": \"\"}}",
    "{\"highest_title\": {\"series\": \"04\", \"level\": \"\", \"title\": \"主任医师\"}}",
  };
  g_autoptr(GPtrArray) bodies = bodies_new (texts, G_N_ELEMENTS (texts));
  g_autoptr(ZcUnitStatistics) statistics = zc_unit_statistics_count (taxonomy (), bodies, ZC_LANGUAGE_LOCALE);

  /* only the last is placed: by its title, 正高级 */
  g_assert_cmpuint (statistics->people, ==, 10);
  g_assert_cmpuint (statistics->without_title, ==, 9);
  g_assert_cmpuint (statistics->level_totals[ZC_TITLE_LEVEL_SENIOR], ==, 1);
  g_assert_cmpuint (statistics->series->len, ==, 1);
}

static void
test_json_round_trip (void)
{
  static const char * const texts[] = { DOCTOR, CHIEF, ENGINEER, NULL };
  g_autoptr(GPtrArray) bodies = bodies_new (texts, G_N_ELEMENTS (texts));
  g_autoptr(ZcUnitStatistics) statistics = zc_unit_statistics_count (taxonomy (), bodies, ZC_LANGUAGE_LOCALE);
  g_autoptr(ZcUnitStatistics) copy = zc_unit_statistics_copy (statistics);
  g_autoptr(JsonNode) node = zc_unit_statistics_to_json (statistics);
  g_autoptr(ZcUnitStatistics) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = json_to_string (node, FALSE);
  JsonObject *object = json_node_get_object (node);
  JsonArray *levels = json_object_get_array_member (object, "levels");

  g_assert_nonnull (strstr (text, "\"levels\":[{\"level\":\"员级\",\"count\":0}"));
  g_assert_cmpint (json_object_get_int_member (object, "people"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (object, "without_title"), ==, 1);
  g_assert_cmpuint (json_array_get_length (levels), ==, ZC_N_TITLE_LEVELS);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (levels, 2), "count"), ==, 2);

  back = zc_unit_statistics_from_json (node, &error);
  g_assert_no_error (error);
  for (ZcUnitStatistics *s = back; s != NULL; s = (s == back ? copy : NULL))
    {
      g_assert_cmpuint (s->people, ==, 4);
      g_assert_cmpuint (s->without_title, ==, 1);
      g_assert_cmpmem (s->level_totals, sizeof s->level_totals, statistics->level_totals,
                       sizeof statistics->level_totals);
      g_assert_cmpuint (s->series->len, ==, 2);
      g_assert_cmpstr (((ZcUnitStatisticsSeries *) s->series->pdata[1])->code, ==, "05");
      g_assert_cmpstr (((ZcUnitStatisticsSeries *) s->series->pdata[0])->name, ==, "卫生技术人员");
      g_assert_cmpuint (((ZcUnitStatisticsSeries *) s->series->pdata[0])->counts[4], ==, 1);
    }
}

#define LEVELS(a, b, c, d, e) \
  "[{\"level\": \"员级\", \"count\": " #a "}, {\"level\": \"助理级\", \"count\": " #b "}," \
  " {\"level\": \"中级\", \"count\": " #c "}, {\"level\": \"副高级\", \"count\": " #d "}," \
  " {\"level\": \"正高级\", \"count\": " #e "}]"
#define ONE_SERIES "[{\"code\": \"04\", \"name\": \"卫生技术人员\", \"total\": 1, \"counts\": [0, 0, 1, 0, 0]}]"

static void
test_json_bad (void)
{
  static const char * const texts[] = {
    "[]",
    "\"statistics\"",
    "{}",
    "{\"people\": 1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) "}",
    "{\"people\": \"1\", \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\": " ONE_SERIES "}",
    "{\"people\": -1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 0, 0, 0) ", \"series\": []}",
    "{\"people\": 1.5, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\": " ONE_SERIES "}",
    /* the totals do not add up */
    "{\"people\": 2, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\": " ONE_SERIES "}",
    "{\"people\": 1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 0, 1, 0) ", \"series\": " ONE_SERIES "}",
    "{\"people\": 1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\":"
    " [{\"code\": \"04\", \"name\": \"卫生技术人员\", \"total\": 2, \"counts\": [0, 0, 1, 0, 0]}]}",
    /* levels out of order, too few counts, wrong types */
    "{\"people\": 0, \"without_title\": 0, \"levels\": [{\"level\": \"助理级\", \"count\": 0},"
    " {\"level\": \"员级\", \"count\": 0}, {\"level\": \"中级\", \"count\": 0},"
    " {\"level\": \"副高级\", \"count\": 0}, {\"level\": \"正高级\", \"count\": 0}], \"series\": []}",
    "{\"people\": 0, \"without_title\": 0, \"levels\": [], \"series\": []}",
    "{\"people\": 1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\":"
    " [{\"code\": \"04\", \"name\": \"卫生技术人员\", \"total\": 1, \"counts\": [0, 0, 1, 0]}]}",
    "{\"people\": 1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\":"
    " [{\"code\": \"04\", \"name\": \"卫生技术人员\", \"total\": 1, \"counts\": [0, 0, true, 0, 0]}]}",
    "{\"people\": 1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\":"
    " [{\"code\": \"\", \"name\": \"卫生技术人员\", \"total\": 1, \"counts\": [0, 0, 1, 0, 0]}]}",
    "{\"people\": 1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\": [42]}",
    "{\"people\": 1, \"without_title\": 0, \"levels\": " LEVELS (0, 0, 1, 0, 0) ", \"series\": {}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (texts[i], &error);
      g_autoptr(ZcUnitStatistics) statistics = NULL;

      g_assert_no_error (error);
      statistics = zc_unit_statistics_from_json (node, &error);
      g_assert_error (error, ZC_UNIT_STATISTICS_ERROR, ZC_UNIT_STATISTICS_ERROR_INVALID);
      g_assert_null (statistics);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/unit-statistics/count", test_count);
  g_test_add_func ("/unit-statistics/english-names", test_english_names);
  g_test_add_func ("/unit-statistics/empty", test_empty);
  g_test_add_func ("/unit-statistics/bad-picks", test_bad_picks);
  g_test_add_func ("/unit-statistics/json-round-trip", test_json_round_trip);
  g_test_add_func ("/unit-statistics/json-bad", test_json_bad);

  return g_test_run ();
}
