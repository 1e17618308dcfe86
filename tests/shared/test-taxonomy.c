/* test-taxonomy.c: the national title taxonomy, title resolution and picks
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "zc-data.h"
#include "zc-taxonomy.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = parse (text);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The shipped data */

static void
test_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcTaxonomy) taxonomy = zc_taxonomy_load (&error);
  ZcTaxonomy *other;

  g_assert_no_error (error);
  g_assert_nonnull (taxonomy);
  g_assert_cmpuint (zc_taxonomy_get_n_series (taxonomy), ==, 27);

  for (guint i = 0; i < 27; i++)
    {
      g_autofree char *code = g_strdup_printf ("%02u", i + 1);
      const ZcTaxonomySeries *s = zc_taxonomy_get_series (taxonomy, i);

      g_assert_cmpstr (zc_taxonomy_series_get_code (s), ==, code);
      g_assert_true (zc_taxonomy_find_series (taxonomy, code) == s);
      g_assert_cmpstr (zc_taxonomy_series_get_name (s), !=, "");
      g_assert_nonnull (zc_taxonomy_series_get_slug (s));
      g_assert_nonnull (zc_taxonomy_series_get_name_en (s));
      g_assert_nonnull (zc_taxonomy_series_get_aliases (s));
      g_assert_cmpuint (zc_taxonomy_series_get_n_categories (s), >=, 1);
      g_assert_cmpstr (zc_taxonomy_series_get_label (s, ZC_LANGUAGE_ENGLISH), ==,
                       zc_taxonomy_series_get_name_en (s));
      g_assert_cmpstr (zc_taxonomy_series_get_label (s, ZC_LANGUAGE_LOCALE), ==,
                       zc_taxonomy_series_get_name (s));

      for (guint j = 0; j < zc_taxonomy_series_get_n_categories (s); j++)
        {
          const ZcTaxonomyCategory *c = zc_taxonomy_series_get_category (s, j);

          g_assert_true (zc_taxonomy_series_find_category (s, zc_taxonomy_category_get_name (c)) == c);
          g_assert_nonnull (zc_taxonomy_category_get_specialties (c));
        }
    }

  g_assert_cmpstr (zc_taxonomy_series_get_name (zc_taxonomy_find_series (taxonomy, "04")), ==, "卫生技术人员");
  g_assert_cmpstr (zc_taxonomy_series_get_name_en (zc_taxonomy_find_series (taxonomy, "17")), ==, "Accountants");
  g_assert_nonnull (zc_taxonomy_series_get_source (zc_taxonomy_find_series (taxonomy, "17")));
  g_assert_null (zc_taxonomy_find_series (taxonomy, "28"));
  g_assert_null (zc_taxonomy_find_series (taxonomy, "4"));
  g_assert_null (zc_taxonomy_find_series (taxonomy, ""));
  g_assert_null (zc_taxonomy_find_series (taxonomy, NULL));
  g_assert_null (zc_taxonomy_series_find_category (zc_taxonomy_find_series (taxonomy, "04"), "医疗"));
  g_assert_null (zc_taxonomy_series_find_category (zc_taxonomy_find_series (taxonomy, "04"), NULL));

  g_assert_true (zc_taxonomy_find_series_by_name (taxonomy, "卫生系列") == zc_taxonomy_find_series (taxonomy, "04"));
  g_assert_true (zc_taxonomy_find_series_by_name (taxonomy, "会计人员") == zc_taxonomy_find_series (taxonomy, "17"));
  g_assert_null (zc_taxonomy_find_series_by_name (taxonomy, "卫生"));
  g_assert_null (zc_taxonomy_find_series_by_name (taxonomy, NULL));

  /* refcounting and the shared default */
  other = zc_taxonomy_ref (taxonomy);
  g_assert_true (other == taxonomy);
  zc_taxonomy_unref (other);
  g_assert_true (zc_taxonomy_get_default () == zc_taxonomy_get_default ());
  g_assert_cmpuint (zc_taxonomy_get_n_series (zc_taxonomy_get_default ()), ==, 27);
  g_assert_true (g_type_is_a (ZC_TYPE_TAXONOMY, G_TYPE_BOXED));
}

static void
test_categories (void)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  const ZcTaxonomySeries *health = zc_taxonomy_find_series (taxonomy, "04");
  const ZcTaxonomyCategory *medical = zc_taxonomy_series_find_category (health, "医疗类");
  const ZcTaxonomyCategory *teacher = zc_taxonomy_series_get_category (zc_taxonomy_find_series (taxonomy, "01"), 0);
  const ZcTaxonomyCategory *accounting = zc_taxonomy_series_get_category (zc_taxonomy_find_series (taxonomy, "17"), 0);
  const ZcTaxonomyCategory *museum = zc_taxonomy_series_get_category (zc_taxonomy_find_series (taxonomy, "10"), 0);
  const char * const *alternatives;

  g_assert_cmpuint (zc_taxonomy_series_get_n_categories (health), ==, 4);
  g_assert_cmpstr (zc_taxonomy_category_get_title (medical, ZC_TITLE_LEVEL_CLERK), ==, "医士");
  g_assert_cmpstr (zc_taxonomy_category_get_title (medical, ZC_TITLE_LEVEL_SENIOR), ==, "主任医师");
  alternatives = zc_taxonomy_category_get_alternative_titles (medical, ZC_TITLE_LEVEL_INTERMEDIATE);
  g_assert_true (g_strv_contains (alternatives, "主治医师"));
  g_assert_null (zc_taxonomy_category_get_alternative_titles (medical, ZC_TITLE_LEVEL_SENIOR)[0]);
  g_assert_true (g_strv_contains (zc_taxonomy_category_get_specialties (medical), "内科学"));
  g_assert_false (zc_taxonomy_category_specialties_complete (medical));

  /* 高校教师 has no 员级 since the reform */
  g_assert_null (zc_taxonomy_category_get_title (teacher, ZC_TITLE_LEVEL_CLERK));
  g_assert_cmpstr (zc_taxonomy_category_get_title (teacher, ZC_TITLE_LEVEL_INTERMEDIATE), ==, "讲师");

  g_assert_true (zc_taxonomy_category_specialties_complete (accounting));
  g_assert_null (zc_taxonomy_category_get_specialties (accounting)[0]);
  g_assert_true (zc_taxonomy_category_specialties_complete (museum));
  g_assert_cmpuint (g_strv_length ((GStrv) zc_taxonomy_category_get_specialties (museum)), ==, 4);

  /* the importer dropped placeholder entries such as "按专业（工种）设置，同上" */
  for (guint i = 0; i < zc_taxonomy_get_n_series (taxonomy); i++)
    {
      const ZcTaxonomySeries *s = zc_taxonomy_get_series (taxonomy, i);

      for (guint j = 0; j < zc_taxonomy_series_get_n_categories (s); j++)
        {
          const char * const *list = zc_taxonomy_category_get_specialties (zc_taxonomy_series_get_category (s, j));

          for (guint k = 0; list[k] != NULL; k++)
            g_assert_null (strstr (list[k], "同上"));
        }
    }
}

static void
test_every_title_resolves (void)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  guint n_titles = 0;

  for (guint i = 0; i < zc_taxonomy_get_n_series (taxonomy); i++)
    {
      const ZcTaxonomySeries *s = zc_taxonomy_get_series (taxonomy, i);
      const char *code = zc_taxonomy_series_get_code (s);

      for (guint j = 0; j < zc_taxonomy_series_get_n_categories (s); j++)
        {
          const ZcTaxonomyCategory *c = zc_taxonomy_series_get_category (s, j);
          gboolean any = FALSE;

          for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
            {
              const char *title = zc_taxonomy_category_get_title (c, l);
              const char * const *alternatives = zc_taxonomy_category_get_alternative_titles (c, l);

              if (title == NULL)
                {
                  g_assert_null (alternatives[0]);
                  continue;
                }
              any = TRUE;

              for (int k = -1; k == -1 || alternatives[k] != NULL; k++)
                {
                  const char *name = k == -1 ? title : alternatives[k];
                  g_autoptr(GError) error = NULL;
                  const ZcTaxonomyCategory *found = NULL;
                  ZcTitleLevel level = ZC_N_TITLE_LEVELS;

                  g_assert_true (zc_taxonomy_resolve_title (taxonomy, code, name, &found, &level, &error));
                  g_assert_no_error (error);
                  g_assert_cmpint (level, ==, l);
                  /* the first category with the title: the same titles at the same level */
                  g_assert_nonnull (found);
                  g_assert_true (g_strcmp0 (zc_taxonomy_category_get_title (found, l), name) == 0 ||
                                 g_strv_contains (zc_taxonomy_category_get_alternative_titles (found, l), name));
                  n_titles++;
                }
            }
          g_assert_true (any);
        }
    }

  g_assert_cmpuint (n_titles, >, 27 * 4);
}

static void
test_research_titles (void)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  g_autoptr(GError) error = NULL;
  const ZcTaxonomyCategory *category = NULL;
  ZcTitleLevel level = ZC_TITLE_LEVEL_SENIOR;

  /* "助理" in the name, but 中级 */
  g_assert_true (zc_taxonomy_resolve_title (taxonomy, "03", "助理研究员", &category, &level, &error));
  g_assert_no_error (error);
  g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_INTERMEDIATE);
  g_assert_cmpstr (zc_taxonomy_category_get_name (category), ==, "自然科学研究");

  g_assert_true (zc_taxonomy_resolve_title (taxonomy, "02", "助理研究员", NULL, &level, &error));
  g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_INTERMEDIATE);
  g_assert_true (zc_taxonomy_resolve_title (taxonomy, "03", "研究实习员", NULL, &level, &error));
  g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_ASSISTANT);
  g_assert_true (zc_taxonomy_resolve_title (taxonomy, "03", "研究员", NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The shipped data has no title name at different levels in two series
 * (编辑 is 中级 in both 新闻 and 出版; 馆员 中级 in 图书资料, 文博 and 档案),
 * so the real pair shows a per-series category, and a small document shows
 * per-series levels. */
static void
test_title_per_series (void)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  g_autoptr(GError) error = NULL;
  const ZcTaxonomyCategory *news = NULL;
  const ZcTaxonomyCategory *publishing = NULL;
  ZcTitleLevel level = ZC_TITLE_LEVEL_CLERK;
  g_autoptr(ZcTaxonomy) small = NULL;
  g_autoptr(JsonNode) root = parse (
    "{\"format\": 1, \"levels\": ["
    " {\"key\": \"员级\", \"order\": 1, \"tier\": \"初级\"}, {\"key\": \"助理级\", \"order\": 2, \"tier\": \"初级\"},"
    " {\"key\": \"中级\", \"order\": 3, \"tier\": \"中级\"}, {\"key\": \"副高级\", \"order\": 4, \"tier\": \"高级\"},"
    " {\"key\": \"正高级\", \"order\": 5, \"tier\": \"高级\"}],"
    " \"series\": ["
    "  {\"code\": \"A1\", \"slug\": \"a\", \"name\": \"甲\", \"categories\": [{\"name\": \"甲类\","
    "   \"titles\": {\"员级\": null, \"助理级\": \"助理编辑\", \"中级\": \"编辑\", \"副高级\": \"主任编辑\", \"正高级\": \"高级编辑\"},"
    "   \"specialties\": [], \"specialties_complete\": false}]},"
    "  {\"code\": \"B2\", \"slug\": \"b\", \"name\": \"乙\", \"categories\": [{\"name\": \"乙类\","
    "   \"titles\": {\"员级\": null, \"助理级\": null, \"中级\": \"助理编辑\", \"副高级\": \"编辑\", \"正高级\": \"编审\"},"
    "   \"specialties\": [], \"specialties_complete\": false}]}]}");

  g_assert_true (zc_taxonomy_resolve_title (taxonomy, "07", "编辑", &news, &level, &error));
  g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_INTERMEDIATE);
  g_assert_true (zc_taxonomy_resolve_title (taxonomy, "08", "编辑", &publishing, &level, &error));
  g_assert_no_error (error);
  g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_INTERMEDIATE);
  g_assert_true (news != publishing);
  g_assert_cmpstr (zc_taxonomy_category_get_title (news, ZC_TITLE_LEVEL_DEPUTY_SENIOR), ==, "主任编辑");
  g_assert_cmpstr (zc_taxonomy_category_get_title (publishing, ZC_TITLE_LEVEL_DEPUTY_SENIOR), ==, "副编审");

  /* 主任编辑 is a 新闻 title only */
  g_assert_false (zc_taxonomy_resolve_title (taxonomy, "08", "主任编辑", NULL, NULL, &error));
  g_assert_error (error, ZC_TAXONOMY_ERROR, ZC_TAXONOMY_ERROR_UNKNOWN_TITLE);
  g_clear_error (&error);

  small = zc_taxonomy_new_from_json (root, &error);
  g_assert_no_error (error);
  g_assert_true (zc_taxonomy_resolve_title (small, "A1", "编辑", NULL, &level, &error));
  g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_INTERMEDIATE);
  g_assert_true (zc_taxonomy_resolve_title (small, "B2", "编辑", NULL, &level, &error));
  g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_DEPUTY_SENIOR);
  g_assert_true (zc_taxonomy_resolve_title (small, "B2", "助理编辑", NULL, &level, &error));
  g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_INTERMEDIATE);
  g_assert_no_error (error);
  /* no methods in this document */
  g_assert_null (zc_taxonomy_get_method_keys (small)[0]);
}

static void
test_resolve_errors (void)
{
  static const struct {
    const char *series;
    const char *title;
    int code;
  } bad[] = {
    { "99", "主治医师", ZC_TAXONOMY_ERROR_UNKNOWN_SERIES },
    { "", "主治医师", ZC_TAXONOMY_ERROR_UNKNOWN_SERIES },
    { "4", "主治医师", ZC_TAXONOMY_ERROR_UNKNOWN_SERIES },
    { "卫生技术人员", "主治医师", ZC_TAXONOMY_ERROR_UNKNOWN_SERIES },
    { "04", "", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE },
    { "04", "医生", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE },
    { "04", "主治医师 ", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE },
    { "05", "助理研究员", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE },
    { "22", "讲师", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE },
  };
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  const ZcTaxonomyCategory *category = NULL;
  ZcTitleLevel level = ZC_TITLE_LEVEL_CLERK;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (zc_taxonomy_resolve_title (taxonomy, bad[i].series, bad[i].title,
                                                 &category, &level, &error));
      g_assert_error (error, ZC_TAXONOMY_ERROR, bad[i].code);
      g_assert_cmpstr (error->message, !=, "");
      /* outputs untouched */
      g_assert_null (category);
      g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_CLERK);
    }
}

static void
test_levels (void)
{
  static const char *keys[] = { "员级", "助理级", "中级", "副高级", "正高级" };
  static const char *labels[] = { "Clerk level", "Assistant level", "Intermediate", "Deputy senior", "Senior" };
  static const char *bad[] = { NULL, "", "初级", "高级", "中级 ", "intermediate", "3" };
  ZcTitleLevel level;

  for (guint i = 0; i < ZC_N_TITLE_LEVELS; i++)
    {
      g_assert_cmpstr (zc_title_level_to_string (i), ==, keys[i]);
      g_assert_true (zc_title_level_from_string (keys[i], &level));
      g_assert_cmpint (level, ==, i);
      g_assert_cmpstr (zc_title_level_get_label (i, ZC_LANGUAGE_ENGLISH), ==, labels[i]);
      g_assert_cmpstr (zc_title_level_get_label (i, ZC_LANGUAGE_LOCALE), !=, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      level = ZC_TITLE_LEVEL_SENIOR;
      g_assert_false (zc_title_level_from_string (bad[i], &level));
      g_assert_cmpint (level, ==, ZC_TITLE_LEVEL_SENIOR);
    }
}

/* Picks */

static void
test_pick_good (void)
{
  static const struct {
    const char *json;
    const char *depth;
  } good[] = {
    { "{\"series\": \"04\"}", "series" },
    { "{\"series\": \"04\", \"category\": \"医疗类\"}", "category" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\"}", "level" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治（主管）医师\"}", "title" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\"}", "title" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\", \"specialty\": \"内科学\"}", "specialty" },
    /* the list is only representative: any short text */
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\", \"specialty\": \"心血管内科\"}", "specialty" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\","
      " \"specialty\": \"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\"}", "specialty" },
    /* a complete list */
    { "{\"series\": \"10\", \"category\": \"文物博物\", \"level\": \"副高级\", \"title\": \"副研究馆员\", \"specialty\": \"文物保护\"}", "specialty" },
    /* a complete, empty list takes no specialty */
    { "{\"series\": \"17\", \"category\": \"会计\", \"level\": \"中级\", \"title\": \"会计师\"}", "specialty" },
    { "{\"series\": \"17\", \"category\": \"会计\", \"level\": \"中级\", \"title\": \"会计师\", \"specialty\": \"\"}", "specialty" },
    /* members below the depth that are not chosen yet */
    { "{\"series\": \"04\", \"category\": null, \"level\": \"\", \"title\": null, \"specialty\": \"\"}", "series" },
    /* a present deeper member is checked too */
    { "{\"series\": \"03\", \"category\": \"自然科学研究\", \"level\": \"中级\", \"title\": \"助理研究员\"}", "series" },
    { "{\"series\": \"06\", \"category\": \"畜牧\", \"level\": \"正高级\", \"title\": \"农业技术推广研究员\"}", "title" },
  };
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(JsonObject) pick = parse_object (good[i].json);
      g_autoptr(GError) error = NULL;

      g_test_message ("pick %u: %s", i, good[i].json);
      g_assert_true (zc_taxonomy_check_pick (taxonomy, pick, good[i].depth, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
    }
}

static void
test_pick_bad (void)
{
  static const struct {
    const char *json;
    const char *depth;
    int code;
    const char *message;
  } bad[] = {
    /* wrong types */
    { "{\"series\": 4}", "series", ZC_TAXONOMY_ERROR_INVALID, "The title series must be text" },
    { "{\"series\": \"04\", \"category\": [\"医疗类\"]}", "category", ZC_TAXONOMY_ERROR_INVALID, "The category must be text" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": 3}", "level", ZC_TAXONOMY_ERROR_INVALID, "The level must be text" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": true}", "title", ZC_TAXONOMY_ERROR_INVALID, "The title must be text" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\", \"specialty\": {}}", "specialty", ZC_TAXONOMY_ERROR_INVALID, "The specialty must be text" },
    /* a wrong type below the depth still counts */
    { "{\"series\": \"04\", \"title\": 1}", "series", ZC_TAXONOMY_ERROR_INVALID, "The title must be text" },
    /* missing members */
    { "{}", "series", ZC_TAXONOMY_ERROR_INVALID, "Choose a title series" },
    { "{\"series\": \"  \"}", "series", ZC_TAXONOMY_ERROR_INVALID, "Choose a title series" },
    { "{\"series\": \"04\"}", "category", ZC_TAXONOMY_ERROR_INVALID, "Choose a category" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": null}", "level", ZC_TAXONOMY_ERROR_INVALID, "Choose a level" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\"}", "title", ZC_TAXONOMY_ERROR_INVALID, "Choose a title" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\", \"specialty\": \"\"}", "specialty", ZC_TAXONOMY_ERROR_INVALID, "Choose or enter a specialty" },
    { "{\"series\": \"04\", \"title\": \"主治医师\"}", "series", ZC_TAXONOMY_ERROR_INVALID, "Choose a category" },
    /* unknown members and depths */
    { "{\"series\": \"04\", \"grade\": \"中级\"}", "series", ZC_TAXONOMY_ERROR_INVALID, "unknown member “grade”" },
    { "{\"series\": \"04\"}", "grade", ZC_TAXONOMY_ERROR_INVALID, "Unknown depth “grade”" },
    { "{\"series\": \"04\"}", "", ZC_TAXONOMY_ERROR_INVALID, "Unknown depth" },
    /* values the taxonomy does not have */
    { "{\"series\": \"99\"}", "series", ZC_TAXONOMY_ERROR_UNKNOWN_SERIES, "Unknown title series “99”" },
    { "{\"series\": \"04\", \"category\": \"医疗\"}", "category", ZC_TAXONOMY_ERROR_UNKNOWN_CATEGORY, "“医疗” is not a category of the series Health professionals" },
    { "{\"series\": \"07\", \"category\": \"技术编辑\"}", "category", ZC_TAXONOMY_ERROR_UNKNOWN_CATEGORY, "not a category" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"初级\"}", "level", ZC_TAXONOMY_ERROR_UNKNOWN_LEVEL, "Unknown level “初级”" },
    { "{\"series\": \"01\", \"category\": \"高校教师\", \"level\": \"员级\"}", "level", ZC_TAXONOMY_ERROR_UNKNOWN_LEVEL, "The category 高校教师 has no Clerk level title" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主管护师\"}", "title", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE, "“主管护师” is not a title of the category 医疗类" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治\"}", "title", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE, "is not a title" },
    /* level and title disagree */
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"主治医师\"}", "title", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE, "The level of the title “主治医师” is Intermediate, not Deputy senior" },
    { "{\"series\": \"02\", \"category\": \"哲学社会科学研究\", \"level\": \"助理级\", \"title\": \"助理研究员\"}", "title", ZC_TAXONOMY_ERROR_UNKNOWN_TITLE, "is Intermediate, not Assistant level" },
    /* specialties */
    { "{\"series\": \"10\", \"category\": \"文物博物\", \"level\": \"中级\", \"title\": \"馆员\", \"specialty\": \"文物鉴定\"}", "specialty", ZC_TAXONOMY_ERROR_UNKNOWN_SPECIALTY, "“文物鉴定” is not a specialty of the category 文物博物" },
    { "{\"series\": \"17\", \"category\": \"会计\", \"level\": \"中级\", \"title\": \"会计师\", \"specialty\": \"成本会计\"}", "specialty", ZC_TAXONOMY_ERROR_UNKNOWN_SPECIALTY, "has no specialties" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\","
      " \"specialty\": \"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一\"}", "specialty", ZC_TAXONOMY_ERROR_INVALID, "at most 50 characters" },
    { "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\", \"specialty\": \"内科\\n外科\"}", "specialty", ZC_TAXONOMY_ERROR_INVALID, "control characters" },
  };
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonObject) pick = parse_object (bad[i].json);
      g_autoptr(GError) error = NULL;

      g_test_message ("pick %u: %s at %s", i, bad[i].json, bad[i].depth);
      g_assert_false (zc_taxonomy_check_pick (taxonomy, pick, bad[i].depth, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_error (error, ZC_TAXONOMY_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].message));
      g_clear_error (&error);

      /* the same failure in the process language */
      g_assert_false (zc_taxonomy_check_pick (taxonomy, pick, bad[i].depth, ZC_LANGUAGE_LOCALE, &error));
      g_assert_error (error, ZC_TAXONOMY_ERROR, bad[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* The cascade */

static void
test_list_titles (void)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  g_autoptr(GPtrArray) all = zc_taxonomy_list_titles (taxonomy, NULL, NULL, -1);
  g_autoptr(GPtrArray) health = zc_taxonomy_list_titles (taxonomy, "04", NULL, -1);
  g_autoptr(GPtrArray) attending = zc_taxonomy_list_titles (taxonomy, "04", "医疗类", ZC_TITLE_LEVEL_INTERMEDIATE);
  g_autoptr(GPtrArray) teachers = zc_taxonomy_list_titles (taxonomy, "01", "高校教师", -1);
  g_autoptr(GPtrArray) seniors = zc_taxonomy_list_titles (taxonomy, NULL, NULL, ZC_TITLE_LEVEL_SENIOR);
  g_autoptr(GPtrArray) unknown_series = zc_taxonomy_list_titles (taxonomy, "99", NULL, -1);
  g_autoptr(GPtrArray) unknown_category = zc_taxonomy_list_titles (taxonomy, "04", "护理", -1);
  g_autoptr(GPtrArray) wrong_series = zc_taxonomy_list_titles (taxonomy, "05", "医疗类", -1);
  g_autoptr(GPtrArray) bad_level = zc_taxonomy_list_titles (taxonomy, NULL, NULL, ZC_N_TITLE_LEVELS);
  g_autoptr(GPtrArray) negative_level = zc_taxonomy_list_titles (taxonomy, NULL, NULL, -2);
  g_autoptr(ZcTitleRef) copy = NULL;
  ZcTitleRef *ref;

  g_assert_cmpuint (all->len, >, health->len);
  for (guint i = 0; i < all->len; i++)
    {
      ZcTitleLevel level;

      ref = g_ptr_array_index (all, i);
      /* every listed title resolves to the listed level */
      g_assert_true (zc_taxonomy_resolve_title (taxonomy, ref->series_code, ref->title, NULL, &level, NULL));
      g_assert_cmpint (level, ==, ref->level);
    }

  g_assert_cmpuint (health->len, ==, 4 * 5 + 2 + 5);  /* 4 categories; 主治/主管医师; 中药士 … */
  for (guint i = 0; i < health->len; i++)
    g_assert_cmpstr (((ZcTitleRef *) g_ptr_array_index (health, i))->series_code, ==, "04");

  g_assert_cmpuint (attending->len, ==, 3);
  ref = g_ptr_array_index (attending, 0);
  g_assert_cmpstr (ref->title, ==, "主治（主管）医师");
  g_assert_cmpstr (ref->category, ==, "医疗类");
  g_assert_cmpint (ref->level, ==, ZC_TITLE_LEVEL_INTERMEDIATE);
  g_assert_false (ref->alternative);
  ref = g_ptr_array_index (attending, 1);
  g_assert_cmpstr (ref->title, ==, "主治医师");
  g_assert_true (ref->alternative);

  g_assert_cmpuint (teachers->len, ==, 4);  /* no 员级 */
  g_assert_cmpstr (((ZcTitleRef *) g_ptr_array_index (teachers, 0))->title, ==, "助教");
  g_assert_cmpint (((ZcTitleRef *) g_ptr_array_index (teachers, 0))->level, ==, ZC_TITLE_LEVEL_ASSISTANT);

  for (guint i = 0; i < seniors->len; i++)
    g_assert_cmpint (((ZcTitleRef *) g_ptr_array_index (seniors, i))->level, ==, ZC_TITLE_LEVEL_SENIOR);
  g_assert_cmpuint (seniors->len, >=, 27);

  g_assert_cmpuint (unknown_series->len, ==, 0);
  g_assert_cmpuint (unknown_category->len, ==, 0);
  g_assert_cmpuint (wrong_series->len, ==, 0);
  g_assert_cmpuint (bad_level->len, ==, 0);
  g_assert_cmpuint (negative_level->len, ==, 0);

  copy = g_boxed_copy (ZC_TYPE_TITLE_REF, g_ptr_array_index (attending, 2));
  g_assert_cmpstr (copy->title, ==, "主管医师");
  g_assert_cmpstr (copy->series_code, ==, "04");
  g_assert_true (copy->alternative);
  zc_title_ref_free (NULL);
}

static void
test_methods (void)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  const char * const *keys = zc_taxonomy_get_method_keys (taxonomy);

  g_assert_true (g_strv_contains (keys, "regular"));
  g_assert_true (g_strv_contains (keys, "exceptional"));
  g_assert_true (g_strv_contains (keys, "transfer"));
  g_assert_cmpstr (zc_taxonomy_get_method_name (taxonomy, "regular", ZC_LANGUAGE_LOCALE), ==, "正常申报");
  g_assert_cmpstr (zc_taxonomy_get_method_name (taxonomy, "exceptional", ZC_LANGUAGE_ENGLISH), ==, "Exceptional promotion");
  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_nonnull (zc_taxonomy_get_method_name (taxonomy, keys[i], ZC_LANGUAGE_ENGLISH));
  g_assert_null (zc_taxonomy_get_method_name (taxonomy, "bribery", ZC_LANGUAGE_LOCALE));
  g_assert_null (zc_taxonomy_get_method_name (taxonomy, "", ZC_LANGUAGE_LOCALE));
  g_assert_null (zc_taxonomy_get_method_name (taxonomy, NULL, ZC_LANGUAGE_LOCALE));
}

/* Malformed documents */

#define LEVELS \
  "\"levels\": [{\"key\": \"员级\", \"order\": 1, \"tier\": \"初级\"}," \
  " {\"key\": \"助理级\", \"order\": 2, \"tier\": \"初级\"}, {\"key\": \"中级\", \"order\": 3, \"tier\": \"中级\"}," \
  " {\"key\": \"副高级\", \"order\": 4, \"tier\": \"高级\"}, {\"key\": \"正高级\", \"order\": 5, \"tier\": \"高级\"}]"
#define TITLES "{\"员级\": null, \"助理级\": \"助理馆员\", \"中级\": \"馆员\", \"副高级\": \"副研究馆员\", \"正高级\": \"研究馆员\"}"
#define CATEGORY(titles) \
  "{\"name\": \"档案\", \"titles\": " titles ", \"specialties\": [\"文书档案\"], \"specialties_complete\": false}"
#define SERIES(code, categories) \
  "{\"code\": \"" code "\", \"slug\": \"s" code "\", \"name\": \"档案专业人员\", \"categories\": [" categories "]}"
#define DOCUMENT(series) "{\"format\": 1, " LEVELS ", \"series\": [" series "]}"

static void
test_malformed (void)
{
  static const struct {
    const char *json;
    const char *place;
  } bad[] = {
    { "[]", "top level: the document must be an object" },
    { "\"taxonomy\"", "top level" },
    { "{\"format\": 1, " LEVELS ", \"series\": {}}", "“series” must be an array" },
    { "{\"format\": 1, " LEVELS ", \"series\": []}", "“series” is empty" },
    { "{\"format\": 1, " LEVELS "}", "“series” must be an array" },
    { "{" LEVELS ", \"series\": [" SERIES ("11", CATEGORY (TITLES)) "]}", "format" },
    { "{\"format\": \"1\", " LEVELS ", \"series\": [" SERIES ("11", CATEGORY (TITLES)) "]}", "format" },
    { "{\"format\": 2, " LEVELS ", \"series\": [" SERIES ("11", CATEGORY (TITLES)) "]}", "format" },
    { "{\"format\": 1, \"extra\": 1, " LEVELS ", \"series\": [" SERIES ("11", CATEGORY (TITLES)) "]}", "unknown member “extra”" },
    { "{\"format\": 1, \"levels\": [], \"series\": [" SERIES ("11", CATEGORY (TITLES)) "]}", "levels: expected 5 levels" },
    { "{\"format\": 1, \"levels\": [{\"key\": \"初级\", \"order\": 1, \"tier\": \"初级\"},"
      " {\"key\": \"助理级\", \"order\": 2, \"tier\": \"初级\"}, {\"key\": \"中级\", \"order\": 3, \"tier\": \"中级\"},"
      " {\"key\": \"副高级\", \"order\": 4, \"tier\": \"高级\"}, {\"key\": \"正高级\", \"order\": 5, \"tier\": \"高级\"}],"
      " \"series\": [" SERIES ("11", CATEGORY (TITLES)) "]}", "levels[0]: unknown level key “初级”" },
    /* a title that is a number */
    { DOCUMENT (SERIES ("11", CATEGORY ("{\"员级\": null, \"助理级\": \"助理馆员\", \"中级\": 3, \"副高级\": \"副研究馆员\", \"正高级\": \"研究馆员\"}"))),
      "series[0].categories[0].titles: “中级” must be a string" },
    /* an unknown level key among the titles */
    { DOCUMENT (SERIES ("11", CATEGORY ("{\"初级\": null, \"助理级\": \"助理馆员\", \"中级\": \"馆员\", \"副高级\": \"副研究馆员\", \"正高级\": \"研究馆员\"}"))),
      "series[0].categories[0].titles: unknown level key “初级”" },
    { DOCUMENT (SERIES ("11", CATEGORY ("{\"助理级\": \"助理馆员\", \"中级\": \"馆员\", \"副高级\": \"副研究馆员\", \"正高级\": \"研究馆员\"}"))),
      "series[0].categories[0].titles: the level “员级” is missing" },
    { DOCUMENT (SERIES ("11", CATEGORY ("{\"员级\": null, \"助理级\": null, \"中级\": null, \"副高级\": null, \"正高级\": null}"))),
      "no title at any level" },
    { DOCUMENT (SERIES ("11", CATEGORY ("[]"))), "series[0].categories[0]: “titles” must be an object" },
    { DOCUMENT (SERIES ("11", CATEGORY ("{\"员级\": \"馆员\", \"助理级\": \"助理馆员\", \"中级\": \"馆员\", \"副高级\": \"副研究馆员\", \"正高级\": \"研究馆员\"}"))),
      "the title “馆员” is both 员级 and 中级" },
    /* duplicate series codes */
    { DOCUMENT (SERIES ("11", CATEGORY (TITLES)) ", " SERIES ("11", CATEGORY (TITLES))), "series[1]: the series code “11” is used twice" },
    { DOCUMENT (SERIES ("11", CATEGORY (TITLES) ", " CATEGORY (TITLES))), "series[0].categories[1]: the category “档案” is listed twice" },
    { DOCUMENT (SERIES ("11", "")), "series[0]: “categories” is empty" },
    { DOCUMENT (SERIES ("11", "42")), "series[0].categories[0]: must be an object" },
    { DOCUMENT ("[]"), "series[0]: must be an object" },
    { DOCUMENT ("{\"code\": 11, \"slug\": \"a\", \"name\": \"档案\", \"categories\": [" CATEGORY (TITLES) "]}"), "series[0]: “code” must be a string" },
    { DOCUMENT ("{\"code\": \"\", \"slug\": \"a\", \"name\": \"档案\", \"categories\": [" CATEGORY (TITLES) "]}"), "series[0]: “code” is empty" },
    { DOCUMENT ("{\"slug\": \"a\", \"name\": \"档案\", \"categories\": [" CATEGORY (TITLES) "]}"), "series[0]: “code” is missing" },
    { DOCUMENT ("{\"code\": \"11\", \"slug\": \"a\", \"name\": \"档案\", \"aliases\": [\"档案系列\", 2], \"categories\": [" CATEGORY (TITLES) "]}"),
      "series[0]: aliases[1] must be a non-empty string" },
    { DOCUMENT ("{\"code\": \"11\", \"slug\": \"a\", \"name\": \"档案\", \"sorce\": \"x\", \"categories\": [" CATEGORY (TITLES) "]}"),
      "series[0]: unknown member “sorce”" },
    { DOCUMENT (SERIES ("11", "{\"name\": \"档案\", \"titles\": " TITLES ", \"specialties\": [\"文书档案\", \"文书档案\"], \"specialties_complete\": false}")),
      "specialties[1] “文书档案” is listed twice" },
    { DOCUMENT (SERIES ("11", "{\"name\": \"档案\", \"titles\": " TITLES ", \"specialties\": [], \"specialties_complete\": \"yes\"}")),
      "series[0].categories[0]: “specialties_complete” must be true or false" },
    { DOCUMENT (SERIES ("11", "{\"name\": \"档案\", \"titles\": " TITLES ", \"specialties_complete\": true}")),
      "series[0].categories[0]: “specialties” must be an array of strings" },
    { DOCUMENT (SERIES ("11", "{\"name\": \"档案\", \"titles\": " TITLES ", \"alternative_titles\": {\"员级\": [\"管理员\"]}, \"specialties\": [], \"specialties_complete\": true}")),
      "alternative_titles: the level “员级” has no title" },
    { DOCUMENT (SERIES ("11", "{\"name\": \"档案\", \"titles\": " TITLES ", \"alternative_titles\": {\"高级\": [\"x\"]}, \"specialties\": [], \"specialties_complete\": true}")),
      "alternative_titles: unknown level key “高级”" },
    { "{\"format\": 1, " LEVELS ", \"methods\": [{\"key\": \"regular\", \"name\": \"正常申报\"}, {\"key\": \"regular\", \"name\": \"常规申报\"}],"
      " \"series\": [" SERIES ("11", CATEGORY (TITLES)) "]}", "methods[1]: the method “regular” is listed twice" },
    { "{\"format\": 1, " LEVELS ", \"methods\": {}, \"series\": [" SERIES ("11", CATEGORY (TITLES)) "]}", "“methods” must be an array" },
  };
  g_autoptr(JsonNode) good_root = parse (DOCUMENT (SERIES ("11", CATEGORY (TITLES))));
  g_autoptr(ZcTaxonomy) good = NULL;
  g_autoptr(GError) good_error = NULL;

  /* the template itself is valid */
  good = zc_taxonomy_new_from_json (good_root, &good_error);
  g_assert_no_error (good_error);
  g_assert_cmpuint (zc_taxonomy_get_n_series (good), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) root = parse (bad[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcTaxonomy) taxonomy = NULL;

      g_test_message ("document %u: %s", i, bad[i].json);
      taxonomy = zc_taxonomy_new_from_json (root, &error);
      g_assert_null (taxonomy);
      g_assert_error (error, ZC_TAXONOMY_ERROR, ZC_TAXONOMY_ERROR_INVALID);
      if (strstr (error->message, bad[i].place) == NULL)
        g_error ("“%s” does not name “%s”", error->message, bad[i].place);
    }
}

/* ZHICHENG_DATA_DIR replaces the built-in data */

static void
test_load_override (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-taxonomy-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "taxonomy.json", NULL);
  g_autoptr(ZcTaxonomy) taxonomy = NULL;

  g_assert_no_error (error);
  g_setenv ("ZHICHENG_DATA_DIR", dir, TRUE);

  taxonomy = zc_taxonomy_load (&error);
  g_assert_null (taxonomy);
  g_assert_error (error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "{\"format\": 1}", -1, NULL));
  taxonomy = zc_taxonomy_load (&error);
  g_assert_null (taxonomy);
  g_assert_error (error, ZC_TAXONOMY_ERROR, ZC_TAXONOMY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, DOCUMENT (SERIES ("11", CATEGORY (TITLES))), -1, NULL));
  taxonomy = zc_taxonomy_load (&error);
  g_assert_no_error (error);
  g_assert_nonnull (zc_taxonomy_find_series (taxonomy, "11"));

  g_unsetenv ("ZHICHENG_DATA_DIR");
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_default_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      /* ZHICHENG_DATA_DIR comes from the parent */
      zc_taxonomy_get_default ();
      return;
    }

  dir = g_dir_make_tmp ("zc-taxonomy-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "taxonomy.json", NULL);
  g_assert_true (g_file_set_contents (path, "[]", -1, NULL));
  g_setenv ("ZHICHENG_DATA_DIR", dir, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*taxonomy data*cannot be loaded*must be an object*");

  g_unsetenv ("ZHICHENG_DATA_DIR");
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/taxonomy/load", test_load);
  g_test_add_func ("/shared/taxonomy/categories", test_categories);
  g_test_add_func ("/shared/taxonomy/every-title-resolves", test_every_title_resolves);
  g_test_add_func ("/shared/taxonomy/research-titles", test_research_titles);
  g_test_add_func ("/shared/taxonomy/title-per-series", test_title_per_series);
  g_test_add_func ("/shared/taxonomy/resolve-errors", test_resolve_errors);
  g_test_add_func ("/shared/taxonomy/levels", test_levels);
  g_test_add_func ("/shared/taxonomy/pick-good", test_pick_good);
  g_test_add_func ("/shared/taxonomy/pick-bad", test_pick_bad);
  g_test_add_func ("/shared/taxonomy/list-titles", test_list_titles);
  g_test_add_func ("/shared/taxonomy/methods", test_methods);
  g_test_add_func ("/shared/taxonomy/malformed", test_malformed);
  g_test_add_func ("/shared/taxonomy/load-override", test_load_override);
  g_test_add_func ("/shared/taxonomy/default-broken", test_default_broken);

  return g_test_run ();
}
