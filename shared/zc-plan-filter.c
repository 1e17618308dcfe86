/* zc-plan-filter.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zc-contact.h"
#include "zc-data.h"
#include "zc-plan.h"

/* The plan's rules beyond its codec (zc-plan.c, zc-plan-read.c):
 * validation against the taxonomy and the data files, who may declare (scope), the time
 * windows, and the filters of the plans list.  Only the public
 * accessors are used here. */

/* The methods a plan may offer, of the taxonomy's wider list. */
static const char * const plan_methods[] = {
  "regular", "exceptional", "transfer", "direct", "targeted", NULL
};

/* ---- validation ------------------------------------------------------- */

typedef struct
{
  ZcLanguage  language;
  GPtrArray  *errors;
} Problems;

static void
add_problem (Problems   *problems,
             const char *field,
             const char *code,
             const char *message)
{
  g_ptr_array_add (problems->errors, zc_field_error_new (field, code, message));
}

/* Takes @message. */
static void
add_problem_take (Problems   *problems,
                  const char *field,
                  const char *code,
                  char       *message)
{
  add_problem (problems, field, code, message);
  g_free (message);
}

static void
check_distinct (Problems           *problems,
                const char         *name,
                const char * const *values)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (!g_hash_table_add (seen, (gpointer) values[i]))
      {
        g_autofree char *field = g_strdup_printf ("%s[%u]", name, i);

        add_problem_take (problems, field, "duplicate",
                          /* Translators: %s is a value listed twice */
                          zc_translate_printf (problems->language, N_("“%s” is listed more than once"),
                                               values[i]));
      }
}

static void
check_titles (Problems   *problems,
              ZcPlan     *self,
              ZcTaxonomy *taxonomy)
{
  JsonArray *titles = zc_plan_get_titles (self);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (titles); i++)
    {
      JsonObject *pick = json_array_get_object_element (titles, i);
      g_autofree char *field = g_strdup_printf ("titles[%u]", i);
      g_autoptr(GError) error = NULL;
      char *key;

      if (!zc_taxonomy_check_pick (taxonomy, pick, "title", problems->language, &error))
        {
          add_problem (problems, field, "invalid_taxonomy", error->message);
          continue;
        }
      key = g_strjoin ("\x1f", json_object_get_string_member (pick, "series"),
                       json_object_get_string_member (pick, "category"),
                       json_object_get_string_member (pick, "level"),
                       json_object_get_string_member (pick, "title"), NULL);
      if (!g_hash_table_add (seen, key))
        add_problem_take (problems, field, "duplicate",
                          /* Translators: %s is a title such as 工程师 */
                          zc_translate_printf (problems->language, N_("The title “%s” is listed more than once"),
                                               json_object_get_string_member (pick, "title")));
    }
}

static void
check_methods (Problems   *problems,
               ZcPlan     *self,
               ZcTaxonomy *taxonomy)
{
  const char * const *methods = zc_plan_get_methods (self);
  const char * const *known = zc_taxonomy_get_method_keys (taxonomy);

  for (guint i = 0; methods[i] != NULL; i++)
    if (!g_strv_contains (plan_methods, methods[i]) ||
        known == NULL || !g_strv_contains (known, methods[i]))
      {
        g_autofree char *field = g_strdup_printf ("methods[%u]", i);

        add_problem_take (problems, field, "unknown_option",
                          /* Translators: %s is a method key such as "regular" */
                          zc_translate_printf (problems->language,
                                               N_("“%s” is not an evaluation method a plan can offer"),
                                               methods[i]));
      }
  check_distinct (problems, "methods", methods);
}

static void
check_windows (Problems *problems,
               ZcPlan   *self)
{
  for (guint i = 1; i < ZC_N_PLAN_WINDOWS; i++)
    {
      GDateTime *before = zc_plan_get_window (self, i - 1);
      GDateTime *after = zc_plan_get_window (self, i);
      int order = g_date_time_compare (after, before);
      /* The first submission must leave time to declare; a review
       * plan's department needs time after the unit. */
      gboolean strict = i == ZC_PLAN_WINDOW_FIRST_SUBMISSION_DEADLINE ||
                        (i == ZC_PLAN_WINDOW_DEPARTMENT_DEADLINE &&
                         zc_plan_get_plan_type (self) == ZC_PLAN_TYPE_REVIEW);
      g_autofree char *field = NULL;

      if (order > 0 || (order == 0 && !strict))
        continue;

      field = g_strdup_printf ("windows.%s", zc_plan_window_to_string (i));
      if (strict)
        add_problem_take (problems, field, "window_order",
                          /* Translators: both %s are the names of plan dates, such as 首次提交截止时间 */
                          zc_translate_printf (problems->language, N_("%s must be after %s"),
                                               zc_plan_window_get_label (i, problems->language),
                                               zc_plan_window_get_label (i - 1, problems->language)));
      else
        add_problem_take (problems, field, "window_order",
                          /* Translators: both %s are the names of plan dates, such as 修改截止时间 */
                          zc_translate_printf (problems->language, N_("%s must not be before %s"),
                                               zc_plan_window_get_label (i, problems->language),
                                               zc_plan_window_get_label (i - 1, problems->language)));
    }
}

/* The ids of the archive and series forms in data/. */
static GHashTable *
list_form_ids (void)
{
  static const char * const folders[] = { "forms/archive", "forms/series" };
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_auto(GStrv) names = zc_data_list (folders[i], ".json", NULL);

      for (guint j = 0; names != NULL && names[j] != NULL; j++)
        g_hash_table_add (ids, g_strndup (names[j], strlen (names[j]) - strlen (".json")));
    }
  return ids;
}

static void
check_requirements (Problems *problems,
                    ZcPlan   *self)
{
  g_autoptr(GHashTable) attachment_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) group_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) forms = list_form_ids ();

  for (guint i = 0; i < zc_plan_get_n_attachments (self); i++)
    {
      const ZcPlanAttachment *attachment = zc_plan_get_attachment (self, i);
      g_autofree char *name = g_strdup_printf ("attachments[%u]", i);
      g_autofree char *types = g_strdup_printf ("%s.types", name);

      if (!g_hash_table_add (attachment_ids, attachment->id))
        {
          g_autofree char *field = g_strdup_printf ("%s.id", name);

          add_problem_take (problems, field, "duplicate",
                            zc_translate_printf (problems->language, N_("“%s” is listed more than once"),
                                                 attachment->id));
        }
      check_distinct (problems, types, (const char * const *) attachment->types);
    }

  for (guint i = 0; i < zc_plan_get_n_condition_groups (self); i++)
    {
      const ZcPlanConditionGroup *group = zc_plan_get_condition_group (self, i);
      g_autofree char *name = g_strdup_printf ("condition_groups[%u]", i);
      g_autofree char *categories = g_strdup_printf ("%s.categories", name);

      if (!g_hash_table_add (group_ids, group->id))
        {
          g_autofree char *field = g_strdup_printf ("%s.id", name);

          add_problem_take (problems, field, "duplicate",
                            zc_translate_printf (problems->language, N_("“%s” is listed more than once"),
                                                 group->id));
        }
      for (guint j = 0; group->categories[j] != NULL; j++)
        if (!g_hash_table_contains (forms, group->categories[j]))
          {
            g_autofree char *field = g_strdup_printf ("%s[%u]", categories, j);

            add_problem_take (problems, field, "unknown_category",
                              /* Translators: %s is the id of an archive category, such as "papers" */
                              zc_translate_printf (problems->language, N_("There is no archive category “%s”"),
                                                   group->categories[j]));
          }
      check_distinct (problems, categories, (const char * const *) group->categories);
      if (group->max >= 0 && (guint) group->max < group->min)
        {
          g_autofree char *field = g_strdup_printf ("%s.max", name);

          add_problem_take (problems, field, "out_of_range",
                            /* Translators: the largest and the smallest number of entries of a condition group */
                            zc_translate_printf (problems->language,
                                                 N_("The maximum (%d) must not be less than the minimum (%u)"),
                                                 group->max, group->min));
        }
    }
}

static void
check_units (Problems *problems,
             ZcPlan   *self)
{
  const char * const *direct = zc_plan_get_direct_unit_ids (self);
  const char * const *commissioned = zc_plan_get_commissioned_unit_ids (self);

  check_distinct (problems, "direct_unit_ids", direct);
  check_distinct (problems, "commissioned_unit_ids", commissioned);
  for (guint i = 0; commissioned[i] != NULL; i++)
    if (g_strv_contains (direct, commissioned[i]))
      {
        g_autofree char *field = g_strdup_printf ("commissioned_unit_ids[%u]", i);

        add_problem (problems, field, "duplicate",
                     zc_translate (problems->language,
                                   N_("A unit cannot be both a direct and a commissioned unit of a plan")));
      }
}

/**
 * zc_plan_validate:
 * @taxonomy: (nullable): %NULL for zc_taxonomy_get_default()
 * @errors_out: (out) (optional) (transfer full): a new array of
 *   #ZcFieldError, empty when the plan is valid
 */
gboolean
zc_plan_validate (ZcPlan      *self,
                  ZcTaxonomy  *taxonomy,
                  gboolean     for_publish,
                  ZcLanguage   language,
                  GPtrArray  **errors_out)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  g_autoptr(GError) phone_error = NULL;
  Problems problems = { language, errors };
  gboolean valid;

  g_return_val_if_fail (self != NULL, FALSE);

  if (taxonomy == NULL)
    taxonomy = zc_taxonomy_get_default ();

  if (for_publish && json_array_get_length (zc_plan_get_titles (self)) == 0)
    add_problem (&problems, "titles", "required",
                 zc_translate (language, N_("Choose at least one title for the plan")));
  check_titles (&problems, self, taxonomy);
  check_distinct (&problems, "declaration_categories", zc_plan_get_declaration_categories (self));
  if (for_publish && zc_plan_get_methods (self)[0] == NULL)
    add_problem (&problems, "methods", "required",
                 zc_translate (language, N_("Choose at least one evaluation method for the plan")));
  check_methods (&problems, self, taxonomy);
  if (!zc_phone_validate (zc_plan_get_contact_phone (self), language, &phone_error))
    add_problem (&problems, "contact_phone", "invalid_format", phone_error->message);
  check_units (&problems, self);
  check_windows (&problems, self);
  check_requirements (&problems, self);

  valid = errors->len == 0;
  if (errors_out != NULL)
    *errors_out = g_steal_pointer (&errors);
  return valid;
}

/* ---- titles, methods, groups ------------------------------------------ */

gboolean
zc_plan_allows_method (ZcPlan     *self,
                       const char *method)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return method != NULL && g_strv_contains (zc_plan_get_methods (self), method);
}

static const char *
pick_member (JsonObject *pick,
             const char *name)
{
  JsonNode *node = json_object_get_member (pick, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Whether one of the plan's titles has these members; NULL matches any. */
static gboolean
has_title (ZcPlan     *self,
           const char *series,
           const char *category,
           const char *level,
           const char *title)
{
  JsonArray *titles = zc_plan_get_titles (self);

  for (guint i = 0; i < json_array_get_length (titles); i++)
    {
      JsonObject *pick = json_array_get_object_element (titles, i);

      if ((series == NULL || g_strcmp0 (series, pick_member (pick, "series")) == 0) &&
          (category == NULL || g_strcmp0 (category, pick_member (pick, "category")) == 0) &&
          (level == NULL || g_strcmp0 (level, pick_member (pick, "level")) == 0) &&
          (title == NULL || g_strcmp0 (title, pick_member (pick, "title")) == 0))
        return TRUE;
    }
  return FALSE;
}

gboolean
zc_plan_covers_title (ZcPlan     *self,
                      JsonObject *pick)
{
  const char *series, *category, *level, *title;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (pick != NULL, FALSE);

  series = pick_member (pick, "series");
  category = pick_member (pick, "category");
  level = pick_member (pick, "level");
  title = pick_member (pick, "title");
  if (series == NULL || category == NULL || level == NULL || title == NULL)
    return FALSE;

  return has_title (self, series, category, level, title);
}

gboolean
zc_plan_condition_group_accepts (const ZcPlanConditionGroup *group,
                                 const char                 *category)
{
  g_return_val_if_fail (group != NULL, FALSE);

  return category != NULL && g_strv_contains ((const char * const *) group->categories, category);
}

/* ---- scope ------------------------------------------------------------ */

/**
 * zc_region_code_prefix:
 *
 * Returns: (transfer full) (nullable): @region_code without its
 *   trailing "00" pairs ("530000" → "53", "000000" → ""), or %NULL when
 *   it is not 6 digits
 */
char *
zc_region_code_prefix (const char *region_code)
{
  gsize length = 6;

  if (region_code == NULL || strlen (region_code) != 6)
    return NULL;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (region_code[i]))
      return NULL;

  while (length >= 2 && region_code[length - 2] == '0' && region_code[length - 1] == '0')
    length -= 2;
  return g_strndup (region_code, length);
}

/* Whether a unit of @unit_region_code lies in @plan_region_code. */
static gboolean
region_contains (const char *plan_region_code,
                 const char *unit_region_code)
{
  g_autofree char *prefix = zc_region_code_prefix (plan_region_code);
  g_autofree char *unit = zc_region_code_prefix (unit_region_code);

  return prefix != NULL && unit != NULL && g_str_has_prefix (unit_region_code, prefix);
}

/**
 * zc_plan_scope_for_unit:
 * @unit_id: (nullable): the applicant's unit
 * @unit_region_code: (nullable): its region code
 *
 * The lists come first: a unit listed as commissioned declares with the
 * letter even when it lies in the plan's region.
 */
ZcPlanScope
zc_plan_scope_for_unit (ZcPlan     *self,
                        const char *unit_id,
                        const char *unit_region_code)
{
  g_return_val_if_fail (self != NULL, ZC_PLAN_SCOPE_OUTSIDE);

  if (unit_id != NULL && g_strv_contains (zc_plan_get_direct_unit_ids (self), unit_id))
    return ZC_PLAN_SCOPE_DIRECT;
  if (unit_id != NULL && g_strv_contains (zc_plan_get_commissioned_unit_ids (self), unit_id))
    return ZC_PLAN_SCOPE_COMMISSIONED;
  if (region_contains (zc_plan_get_region_code (self), unit_region_code))
    return ZC_PLAN_SCOPE_DIRECT;
  return ZC_PLAN_SCOPE_OUTSIDE;
}

/* ---- windows ---------------------------------------------------------- */

/* @time as Beijing wall-clock time, "2026-04-30 23:59". */
static char *
format_beijing (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) local = NULL;

  /* without tzdata: China has kept UTC+8 all year since 1991 */
  if (zone == NULL)
    zone = g_time_zone_new_offset (8 * 3600);
  local = g_date_time_to_timezone (time, zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

gboolean
zc_plan_before_deadline (ZcPlan       *self,
                         ZcPlanWindow  window,
                         GDateTime    *now)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((guint) window < ZC_N_PLAN_WINDOWS, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return g_date_time_compare (now, zc_plan_get_window (self, window)) <= 0;
}

/**
 * zc_plan_submission_window_open:
 * @reason_out: (out) (optional) (transfer full): why not, or %NULL
 *   when open
 */
gboolean
zc_plan_submission_window_open (ZcPlan      *self,
                                GDateTime   *now,
                                gboolean     resubmission,
                                ZcLanguage   language,
                                char       **reason_out)
{
  GDateTime *start, *deadline;
  g_autofree char *when = NULL;
  char *reason = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (reason_out != NULL)
    *reason_out = NULL;

  start = zc_plan_get_window (self, ZC_PLAN_WINDOW_INDIVIDUAL_START);
  deadline = zc_plan_get_window (self, resubmission ? ZC_PLAN_WINDOW_MODIFICATION_DEADLINE
                                                    : ZC_PLAN_WINDOW_FIRST_SUBMISSION_DEADLINE);

  if (!resubmission && g_date_time_compare (now, start) < 0)
    {
      when = format_beijing (start);
      /* Translators: %s is a date and time such as 2026-03-01 00:00 */
      reason = zc_translate_printf (language, N_("Declarations to this plan open on %s (Beijing time)"), when);
    }
  else if (g_date_time_compare (now, deadline) > 0)
    {
      when = format_beijing (deadline);
      if (resubmission)
        /* Translators: %s is a date and time such as 2026-05-15 23:59 */
        reason = zc_translate_printf (language, N_("The modification deadline passed on %s (Beijing time)"), when);
      else
        /* Translators: %s is a date and time such as 2026-04-30 23:59 */
        reason = zc_translate_printf (language, N_("The first submission deadline passed on %s (Beijing time)"),
                                      when);
    }

  if (reason == NULL)
    return TRUE;
  if (reason_out != NULL)
    *reason_out = reason;
  else
    g_free (reason);
  return FALSE;
}

/* ---- filters ---------------------------------------------------------- */

void
zc_plan_filter_init (ZcPlanFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->state = -1;
  filter->plan_type = -1;
}

/* One region lies within the other: a province's filter finds its
 * cities' plans, and a city's filter finds its province's. */
static gboolean
regions_overlap (const char *a,
                 const char *b)
{
  g_autofree char *prefix_a = zc_region_code_prefix (a);
  g_autofree char *prefix_b = zc_region_code_prefix (b);

  if (prefix_a == NULL || prefix_b == NULL)
    return FALSE;
  return g_str_has_prefix (prefix_a, prefix_b) || g_str_has_prefix (prefix_b, prefix_a);
}

gboolean
zc_plan_matches (ZcPlan             *self,
                 const ZcPlanFilter *filter)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if ((filter->series != NULL || filter->category != NULL || filter->level != NULL || filter->title != NULL) &&
      !has_title (self, filter->series, filter->category, filter->level, filter->title))
    return FALSE;
  if (filter->committee_id != NULL && g_strcmp0 (filter->committee_id, zc_plan_get_committee_id (self)) != 0)
    return FALSE;
  if (filter->region_code != NULL && !regions_overlap (filter->region_code, zc_plan_get_region_code (self)))
    return FALSE;
  if (filter->state >= 0 && filter->state != (int) zc_plan_get_state (self))
    return FALSE;
  if (filter->plan_type >= 0 && filter->plan_type != (int) zc_plan_get_plan_type (self))
    return FALSE;
  if (filter->year != 0 && filter->year != zc_plan_get_year (self))
    return FALSE;
  return TRUE;
}
