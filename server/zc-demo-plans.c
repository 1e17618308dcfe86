/* zc-demo-plans.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-demo"

#include "config.h"

#include <string.h>

#include "zc-demo-plans.h"
#include "zc-json.h"
#include "zc-plan.h"
#include "zc-store-plans.h"
#include "zc-store-units.h"

/* The plans of the demo health committee (河南省卫生系列高级职称评审委员会):
 * its windows are set from the day the demo is first seeded, so that
 * the demo applicant can declare at once.  Seeding again leaves a plan
 * that exists as it is.  All content is fictional. */

#define DEMO_COMMITTEE_CODE "12410000MB00000036"
#define BEIJING_OFFSET      (8 * 3600)

typedef struct
{
  const char  *id;
  ZcPlanState  state;
  int          year_offset;   /* from the current year */
  const char  *json;          /* printf: year, then the five windows */
} DemoPlan;

static const DemoPlan demo_plans[] = {
  { ZC_DEMO_PLAN_REVIEW_ID, ZC_PLAN_STATE_PUBLISHED, 0,
    "{\"year\": %d, \"name\": \"%d年度卫生系列高级职称评审\", \"contact_phone\": \"0371-65551234\","
    " \"type\": \"review\","
    " \"titles\": [{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"副主任医师\"},"
    "             {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"正高级\", \"title\": \"主任医师\"}],"
    " \"declaration_categories\": [\"临床医疗\", \"公共卫生\"],"
    " \"methods\": [\"regular\", \"exceptional\"],"
    " \"scope\": \"全省各级各类医疗卫生机构中从事医疗工作的专业技术人员。\","
    " \"region_code\": \"410000\","
    " \"notices\": [{\"title\": \"评审通知\", \"text\": \"请申报人在个人申报期内完成网上申报并提交单位审核。\", \"files\": []}],"
    " \"windows\": {\"individual_start\": \"%s\", \"first_submission_deadline\": \"%s\","
    "   \"modification_deadline\": \"%s\", \"unit_deadline\": \"%s\", \"department_deadline\": \"%s\"},"
    " \"exam\": false, \"interview\": true,"
    " \"attachments\": [{\"id\": \"defence-outline\", \"name\": \"答辩提纲\", \"types\": [\"application/pdf\"],"
    "   \"max_bytes\": 3145728, \"max_count\": 1, \"required\": false},"
    "   {\"id\": \"commission-letter\", \"name\": \"委托评审函\", \"types\": [\"application/pdf\", \"image/jpeg\"],"
    "   \"max_bytes\": 5242880, \"max_count\": 1, \"required\": false}],"
    " \"condition_groups\": [{\"id\": \"research\", \"name\": \"教学科研条件\","
    "   \"categories\": [\"papers\", \"books\", \"projects\"], \"min\": 1, \"max\": 10},"
    "   {\"id\": \"clinical\", \"name\": \"临床业务条件\", \"categories\": [\"professional-work\"], \"min\": 0, \"max\": null}]}" },
  { ZC_DEMO_PLAN_DETERMINATION_ID, ZC_PLAN_STATE_PUBLISHED, 0,
    "{\"year\": %d, \"name\": \"%d年度卫生系列初级职称认定\", \"contact_phone\": \"0371-65551235\","
    " \"type\": \"determination\","
    " \"titles\": [{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"助理级\", \"title\": \"医师\"},"
    "             {\"series\": \"04\", \"category\": \"护理类\", \"level\": \"助理级\", \"title\": \"护师\"}],"
    " \"methods\": [\"regular\"],"
    " \"scope\": \"取得相应执业资格、在本省医疗卫生机构工作的专业技术人员。\","
    " \"region_code\": \"410000\","
    " \"windows\": {\"individual_start\": \"%s\", \"first_submission_deadline\": \"%s\","
    "   \"modification_deadline\": \"%s\", \"unit_deadline\": \"%s\", \"department_deadline\": \"%s\"},"
    " \"exam\": false, \"interview\": false }" },
  { ZC_DEMO_PLAN_DRAFT_ID, ZC_PLAN_STATE_DRAFT, 1,
    "{\"year\": %d, \"name\": \"%d年度卫生系列高级职称评审（拟）\", \"contact_phone\": \"0371-65551234\","
    " \"type\": \"review\","
    " \"titles\": [{\"series\": \"04\", \"category\": \"药学类\", \"level\": \"副高级\", \"title\": \"副主任药师\"}],"
    " \"methods\": [],"
    " \"region_code\": \"410000\","
    " \"windows\": {\"individual_start\": \"%s\", \"first_submission_deadline\": \"%s\","
    "   \"modification_deadline\": \"%s\", \"unit_deadline\": \"%s\", \"department_deadline\": \"%s\"},"
    " \"exam\": false, \"interview\": true }" },
};

/* Midnight in Beijing @days from @now's day, plus @seconds. */
static char *
beijing_day (gint64  now,
             int     days,
             int     seconds)
{
  g_autoptr(GTimeZone) beijing = g_time_zone_new_offset (BEIJING_OFFSET);
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, beijing);
  g_autoptr(GDateTime) midnight = g_date_time_new (beijing, g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (midnight, days);
  g_autoptr(GDateTime) time = g_date_time_add_seconds (day, seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

static ZcPlan *
build_plan (const DemoPlan  *demo,
            gint64           now,
            GError         **error)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  int year = g_date_time_get_year (instant) + demo->year_offset;
  int shift = demo->year_offset * 365;
  const int end_of_day = 24 * 3600 - 1;
  g_autofree char *start = beijing_day (now, shift - 10, 0);
  g_autofree char *first = beijing_day (now, shift + 30, end_of_day);
  g_autofree char *modification = beijing_day (now, shift + 45, end_of_day);
  g_autofree char *unit = beijing_day (now, shift + 60, end_of_day);
  g_autofree char *department = beijing_day (now, shift + 75, end_of_day);
  g_autofree char *json = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  json = g_strdup_printf (demo->json, year, year, start, first, modification, unit, department);
#pragma GCC diagnostic pop

  return zc_plan_new_from_data (json, strlen (json), TRUE, error);
}

/**
 * zc_demo_seed_plans:
 *
 * Adds the demo committee's plans that are missing.
 */
gboolean
zc_demo_seed_plans (ZcStoreTxn  *txn,
                    gint64       now,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcUnit) committee = NULL;
  g_autoptr(GDateTime) published_at = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);

  committee = zc_store_units_get_by_credit_code (txn, DEMO_COMMITTEE_CODE, error);
  if (committee == NULL)
    return FALSE;
  published_at = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);

  for (guint i = 0; i < G_N_ELEMENTS (demo_plans); i++)
    {
      g_autoptr(ZcPlan) existing = zc_store_plans_get_latest (txn, demo_plans[i].id, &local_error);
      g_autoptr(ZcPlan) plan = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      if (existing != NULL)
        continue;
      if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);

      plan = build_plan (&demo_plans[i], now, error);
      if (plan == NULL)
        return FALSE;
      /* the demo shows only what a committee could have made */
      if (!zc_plan_validate (plan, NULL, demo_plans[i].state != ZC_PLAN_STATE_DRAFT, ZC_LANGUAGE_ENGLISH, &problems))
        {
          const ZcFieldError *first = g_ptr_array_index (problems, 0);

          g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "Demo plan %s: %s: %s", demo_plans[i].id,
                       first->field, first->message);
          return FALSE;
        }
      zc_plan_set_id (plan, demo_plans[i].id);
      zc_plan_set_version (plan, 1);
      zc_plan_set_state (plan, demo_plans[i].state);
      zc_plan_set_committee (plan, committee->id, committee->name);
      if (demo_plans[i].state != ZC_PLAN_STATE_DRAFT)
        zc_plan_set_published_at (plan, published_at);
      if (!zc_store_plans_insert (txn, plan, now, error))
        return FALSE;
    }

  return TRUE;
}
