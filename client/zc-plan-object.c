/* zc-plan-object.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan-object"

#include "config.h"

#include <string.h>

#include "zc-plan-object.h"

struct _ZcPlanObject
{
  GObject  parent_instance;

  ZcPlan  *plan;      /* owned */
  char    *haystack;  /* owned, lazily: what the search looks in, case-folded */
};

G_DEFINE_FINAL_TYPE (ZcPlanObject, zc_plan_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zc_plan_object_finalize (GObject *object)
{
  ZcPlanObject *self = ZC_PLAN_OBJECT (object);

  g_clear_pointer (&self->plan, zc_plan_unref);
  g_free (self->haystack);

  G_OBJECT_CLASS (zc_plan_object_parent_class)->finalize (object);
}

static void
zc_plan_object_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZcPlanObject *self = ZC_PLAN_OBJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, zc_plan_object_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_plan_object_class_init (ZcPlanObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_plan_object_finalize;
  object_class->get_property = zc_plan_object_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zc_plan_object_init (ZcPlanObject *self)
{
}

ZcPlanObject *
zc_plan_object_new (ZcPlan *plan)
{
  ZcPlanObject *self;

  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (ZC_TYPE_PLAN_OBJECT, NULL);
  self->plan = zc_plan_ref (plan);
  return self;
}

/* Returns: (transfer none): the plan */
ZcPlan *
zc_plan_object_get_plan (ZcPlanObject *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_OBJECT (self), NULL);
  return self->plan;
}

const char *
zc_plan_object_get_id (ZcPlanObject *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_OBJECT (self), NULL);
  return zc_plan_get_id (self->plan);
}

const char *
zc_plan_object_get_name (ZcPlanObject *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_OBJECT (self), NULL);
  return zc_plan_get_name (self->plan);
}

char *
zc_plan_object_describe (ZcPlanObject *self)
{
  const char *committee;

  g_return_val_if_fail (ZC_IS_PLAN_OBJECT (self), NULL);

  committee = zc_plan_get_committee_name (self->plan);
  return g_strdup_printf ("%" G_GINT64_FORMAT " · %s · %s", zc_plan_get_year (self->plan),
                          committee != NULL ? committee : "",
                          zc_plan_state_get_label (zc_plan_get_state (self->plan), ZC_LANGUAGE_LOCALE));
}

/* Province-level regions by the first two digits of a region code. */
static const struct {
  const char *prefix;
  const char *name;
} provinces[] = {
  { "11", "北京市" }, { "12", "天津市" }, { "13", "河北省" }, { "14", "山西省" }, { "15", "内蒙古自治区" },
  { "21", "辽宁省" }, { "22", "吉林省" }, { "23", "黑龙江省" }, { "31", "上海市" }, { "32", "江苏省" },
  { "33", "浙江省" }, { "34", "安徽省" }, { "35", "福建省" }, { "36", "江西省" }, { "37", "山东省" },
  { "41", "河南省" }, { "42", "湖北省" }, { "43", "湖南省" }, { "44", "广东省" }, { "45", "广西壮族自治区" },
  { "46", "海南省" }, { "50", "重庆市" }, { "51", "四川省" }, { "52", "贵州省" }, { "53", "云南省" },
  { "54", "西藏自治区" }, { "61", "陕西省" }, { "62", "甘肃省" }, { "63", "青海省" }, { "64", "宁夏回族自治区" },
  { "65", "新疆维吾尔自治区" },
};

/* "云南省", or "云南省 (530100)" below the province; the code itself
 * when the province is not known. */
char *
zc_plan_object_region_label (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (provinces); i++)
    if (g_str_has_prefix (code, provinces[i].prefix))
      return g_str_has_suffix (code, "0000") ? g_strdup (provinces[i].name)
                                             : g_strdup_printf ("%s (%s)", provinces[i].name, code);
  return g_strdup (code != NULL ? code : "");
}

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;
  folded = g_utf8_casefold (text, -1);
  g_string_append (haystack, folded);
  g_string_append_c (haystack, '\n');
}

static const char *
pick_string (JsonObject *pick,
             const char *name)
{
  JsonNode *node = json_object_get_member (pick, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

gboolean
zc_plan_object_matches_text (ZcPlanObject *self,
                             const char   *text)
{
  g_autofree char *needle = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (ZC_IS_PLAN_OBJECT (self), FALSE);

  if (text == NULL)
    return TRUE;

  if (self->haystack == NULL)
    {
      GString *haystack = g_string_new (NULL);
      JsonArray *titles = zc_plan_get_titles (self->plan);

      append_folded (haystack, zc_plan_get_name (self->plan));
      append_folded (haystack, zc_plan_get_committee_name (self->plan));
      append_folded (haystack, zc_plan_get_scope_text (self->plan));
      for (guint i = 0; titles != NULL && i < json_array_get_length (titles); i++)
        {
          JsonNode *node = json_array_get_element (titles, i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          append_folded (haystack, pick_string (json_node_get_object (node), "category"));
          append_folded (haystack, pick_string (json_node_get_object (node), "title"));
        }
      self->haystack = g_string_free (haystack, FALSE);
    }

  /* words apart, full-width spaces too (a byte set would cut UTF-8) */
  {
    g_autoptr(GString) spaced = g_string_new (text);

    g_string_replace (spaced, "\u3000", " ", 0);
    needle = g_utf8_casefold (spaced->str, -1);
  }
  words = g_strsplit_set (needle, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (self->haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}
