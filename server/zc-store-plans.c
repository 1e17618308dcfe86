/* zc-store-plans.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <string.h>

#include "zc-json.h"
#include "zc-store-plans.h"
#include "zc-store-sql.h"

/* The plan's JSON (zc_plan_to_json) is the stored truth; the columns
 * beside it are copies the lists filter and sort on.  The committee's
 * name is read from its unit, so a renamed committee shows its new name. */

#define PLAN_COLUMNS "p.id, p.version, p.committee_id, u.name, p.body"
#define PLAN_FROM    " FROM plans p JOIN units u ON u.id = p.committee_id"

static ZcPlan *
plan_from_row (ZcStoreStmt  *stmt,
               GError      **error)
{
  const char *body = zc_store_stmt_get_text (stmt, 4);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcPlan) plan = NULL;

  plan = zc_plan_new_from_data (body, strlen (body), FALSE, &local_error);
  if (plan == NULL)
    {
      /* written by this server: a plan that no longer reads is a fault */
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "Plan %s version %" G_GINT64_FORMAT " is unreadable: %s",
                   zc_store_stmt_get_text (stmt, 0), zc_store_stmt_get_int64 (stmt, 1), local_error->message);
      return NULL;
    }

  zc_plan_set_id (plan, zc_store_stmt_get_text (stmt, 0));
  zc_plan_set_version (plan, zc_store_stmt_get_int64 (stmt, 1));
  zc_plan_set_committee (plan, zc_store_stmt_get_text (stmt, 2), zc_store_stmt_get_text (stmt, 3));

  return g_steal_pointer (&plan);
}

/* The plans of a statement's rows; NULL on error. */
static GPtrArray *
collect (ZcStoreStmt  *stmt,
         GError      **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);
  ZcStoreStep step;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      ZcPlan *plan = plan_from_row (stmt, error);

      if (plan == NULL)
        return NULL;
      g_ptr_array_add (plans, plan);
    }
  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&plans);
}

/* The first plan of @stmt's rows, or NOT_FOUND. */
static ZcPlan *
first (ZcStoreStmt  *stmt,
       GError      **error)
{
  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return plan_from_row (stmt, error);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such plan");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

/**
 * zc_store_plans_get:
 * @version: a version, or 0 for the newest published or closed one
 *
 * Returns: (transfer full): the plan, or NULL with NOT_FOUND
 */
ZcPlan *
zc_store_plans_get (ZcStoreTxn  *txn,
                    const char  *id,
                    gint64       version,
                    GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (version >= 0, NULL);

  if (version > 0)
    stmt = zc_store_stmt_new (txn, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE p.id = ?1 AND p.version = ?2", error);
  else
    stmt = zc_store_stmt_new (txn,
                              "SELECT " PLAN_COLUMNS PLAN_FROM
                              " WHERE p.id = ?1 AND p.state <> 'draft' ORDER BY p.version DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  zc_store_stmt_bind_text (stmt, 1, id);
  if (version > 0)
    zc_store_stmt_bind_int64 (stmt, 2, version);

  return first (stmt, error);
}

ZcPlan *
zc_store_plans_get_latest (ZcStoreTxn  *txn,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE p.id = ?1 ORDER BY p.version DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, id);

  return first (stmt, error);
}

/**
 * zc_store_plans_list_versions:
 *
 * Returns: (transfer full) (element-type ZcPlan): every version
 */
GPtrArray *
zc_store_plans_list_versions (ZcStoreTxn  *txn,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE p.id = ?1 ORDER BY p.version", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, id);

  return collect (stmt, error);
}

static gint64
time_or_zero (GDateTime *time)
{
  return time != NULL ? g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time) : 0;
}

static void
bind_time (ZcStoreStmt *stmt,
           guint        index,
           GDateTime   *time)
{
  if (time != NULL)
    zc_store_stmt_bind_int64 (stmt, index, time_or_zero (time));
  else
    zc_store_stmt_bind_null (stmt, index);
}

static char *
plan_body (ZcPlan *plan)
{
  g_autoptr(JsonNode) node = zc_plan_to_json (plan);

  return json_to_string (node, FALSE);
}

static gboolean
replace_titles (ZcStoreTxn  *txn,
                ZcPlan      *plan,
                GError     **error)
{
  g_autoptr(ZcStoreStmt) clear = NULL;
  JsonArray *titles = zc_plan_get_titles (plan);
  guint n = titles != NULL ? json_array_get_length (titles) : 0;

  clear = zc_store_stmt_new (txn, "DELETE FROM plan_titles WHERE plan_id = ?1 AND version = ?2", error);
  if (clear == NULL)
    return FALSE;
  zc_store_stmt_bind_text (clear, 1, zc_plan_get_id (plan));
  zc_store_stmt_bind_int64 (clear, 2, zc_plan_get_version (plan));
  if (!zc_store_stmt_run (clear, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (titles, i);
      static const char * const members[] = { "series", "category", "level", "title" };
      g_autoptr(ZcStoreStmt) stmt = NULL;
      JsonObject *pick;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      pick = json_node_get_object (element);

      stmt = zc_store_stmt_new (txn,
                                "INSERT INTO plan_titles (plan_id, version, series, category, level, title)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
      if (stmt == NULL)
        return FALSE;
      zc_store_stmt_bind_text (stmt, 1, zc_plan_get_id (plan));
      zc_store_stmt_bind_int64 (stmt, 2, zc_plan_get_version (plan));
      for (guint j = 0; j < G_N_ELEMENTS (members); j++)
        {
          JsonNode *value = json_object_get_member (pick, members[j]);

          zc_store_stmt_bind_text (stmt, 3 + j,
                                   value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                                   json_node_get_value_type (value) == G_TYPE_STRING
                                     ? json_node_get_string (value) : "");
        }
      if (!zc_store_stmt_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The columns of @plan bound as ?1 … ?11 in the order of INSERT_COLUMNS. */
#define INSERT_COLUMNS "id, version, state, committee_id, year, type, region_code, name, body, " \
                       "published_at, closed_at, created_at, updated_at"

static void
bind_plan (ZcStoreStmt *stmt,
           ZcPlan      *plan,
           const char  *body)
{
  const char *region_code = zc_plan_get_region_code (plan);
  const char *name = zc_plan_get_name (plan);

  zc_store_stmt_bind_text (stmt, 1, zc_plan_get_id (plan));
  zc_store_stmt_bind_int64 (stmt, 2, zc_plan_get_version (plan));
  zc_store_stmt_bind_text (stmt, 3, zc_plan_state_to_string (zc_plan_get_state (plan)));
  zc_store_stmt_bind_text (stmt, 4, zc_plan_get_committee_id (plan));
  zc_store_stmt_bind_int64 (stmt, 5, zc_plan_get_year (plan));
  zc_store_stmt_bind_text (stmt, 6, zc_plan_type_to_string (zc_plan_get_plan_type (plan)));
  zc_store_stmt_bind_text (stmt, 7, region_code != NULL ? region_code : "");
  zc_store_stmt_bind_text (stmt, 8, name != NULL ? name : "");
  zc_store_stmt_bind_text (stmt, 9, body);
  bind_time (stmt, 10, zc_plan_get_published_at (plan));
  bind_time (stmt, 11, zc_plan_get_closed_at (plan));
}

gboolean
zc_store_plans_insert (ZcStoreTxn  *txn,
                       ZcPlan      *plan,
                       gint64       now,
                       GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (plan != NULL && zc_plan_get_id (plan) != NULL, FALSE);
  g_return_val_if_fail (zc_plan_get_version (plan) >= 1, FALSE);
  g_return_val_if_fail (zc_plan_get_committee_id (plan) != NULL, FALSE);

  body = plan_body (plan);
  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO plans (" INSERT_COLUMNS ")"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_plan (stmt, plan, body);
  zc_store_stmt_bind_int64 (stmt, 12, now);

  return zc_store_stmt_run (stmt, error) && replace_titles (txn, plan, error);
}

gboolean
zc_store_plans_update (ZcStoreTxn  *txn,
                       ZcPlan      *plan,
                       gint64       now,
                       GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (plan != NULL && zc_plan_get_id (plan) != NULL, FALSE);
  g_return_val_if_fail (zc_plan_get_committee_id (plan) != NULL, FALSE);

  body = plan_body (plan);
  /* the committee never changes: it stays in the WHERE */
  stmt = zc_store_stmt_new (txn,
                            "UPDATE plans SET state = ?3, year = ?5, type = ?6, region_code = ?7, name = ?8,"
                            " body = ?9, published_at = ?10, closed_at = ?11, updated_at = ?12"
                            " WHERE id = ?1 AND version = ?2 AND committee_id = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_plan (stmt, plan, body);
  zc_store_stmt_bind_int64 (stmt, 12, now);

  if (!zc_store_stmt_run (stmt, error))
    return FALSE;
  if (zc_store_stmt_changes (stmt) == 0)
    {
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such plan");
      return FALSE;
    }

  return replace_titles (txn, plan, error);
}

/**
 * zc_store_plans_list:
 *
 * The columns narrow the rows in SQL; zc_plan_matches() then decides,
 * so the server's filter and the client's are the same code.
 *
 * Returns: (transfer full) (element-type ZcPlan): the plans
 */
GPtrArray *
zc_store_plans_list (ZcStoreTxn          *txn,
                     const ZcPlanFilter  *filter,
                     const char          *drafts_committee_id,
                     GError             **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  /* visible(x): x.state <> 'draft' OR x.committee_id = ?1 */
  stmt = zc_store_stmt_new (txn,
                            "SELECT " PLAN_COLUMNS PLAN_FROM
                            " WHERE (p.state <> 'draft' OR p.committee_id = ?1)"
                            "   AND p.version = (SELECT max (q.version) FROM plans q WHERE q.id = p.id"
                            "                     AND (q.state <> 'draft' OR q.committee_id = ?1))"
                            "   AND (?2 IS NULL OR p.committee_id = ?2)"
                            "   AND (?3 IS NULL OR p.state = ?3)"
                            "   AND (?4 IS NULL OR p.type = ?4)"
                            "   AND (?5 = 0 OR p.year = ?5)"
                            "   AND (?6 IS NULL AND ?7 IS NULL AND ?8 IS NULL AND ?9 IS NULL"
                            "        OR EXISTS (SELECT 1 FROM plan_titles t"
                            "                   WHERE t.plan_id = p.id AND t.version = p.version"
                            "                     AND (?6 IS NULL OR t.series = ?6)"
                            "                     AND (?7 IS NULL OR t.category = ?7)"
                            "                     AND (?8 IS NULL OR t.level = ?8)"
                            "                     AND (?9 IS NULL OR t.title = ?9)))"
                            " ORDER BY p.year DESC, p.updated_at DESC, p.id",
                            error);
  if (stmt == NULL)
    return NULL;

  zc_store_stmt_bind_text (stmt, 1, drafts_committee_id);
  zc_store_stmt_bind_text (stmt, 2, filter->committee_id);
  zc_store_stmt_bind_text (stmt, 3, filter->state >= 0 ? zc_plan_state_to_string (filter->state) : NULL);
  zc_store_stmt_bind_text (stmt, 4, filter->plan_type >= 0 ? zc_plan_type_to_string (filter->plan_type) : NULL);
  zc_store_stmt_bind_int64 (stmt, 5, filter->year);
  zc_store_stmt_bind_text (stmt, 6, filter->series);
  zc_store_stmt_bind_text (stmt, 7, filter->category);
  zc_store_stmt_bind_text (stmt, 8, filter->level);
  zc_store_stmt_bind_text (stmt, 9, filter->title);

  plans = collect (stmt, error);
  if (plans == NULL)
    return NULL;

  for (guint i = plans->len; i > 0; i--)
    {
      if (!zc_plan_matches (plans->pdata[i - 1], filter))
        g_ptr_array_remove_index (plans, i - 1);
    }

  return g_steal_pointer (&plans);
}

/**
 * zc_store_plans_find_notice_file:
 * @drafts_committee_id: (nullable): also look in this committee's drafts
 * @found: (out): whether a version in scope names @sha256 as a file of
 *   one of its notices
 *
 * The LIKE finds the few bodies that hold the hash at all; the JSON
 * path then makes sure it is a notice's file and not some other text.
 */
gboolean
zc_store_plans_find_notice_file (ZcStoreTxn  *txn,
                                 const char  *sha256,
                                 const char  *drafts_committee_id,
                                 gboolean    *found,
                                 GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (txn != NULL && sha256 != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  *found = FALSE;
  stmt = zc_store_stmt_new (txn,
                            "SELECT 1 FROM plans p"
                            " WHERE (p.state <> 'draft' OR p.committee_id = ?3)"
                            " AND p.body LIKE ?2 ESCAPE '\\'"
                            " AND EXISTS (SELECT 1 FROM json_each (p.body, '$.notices') n,"
                            "             json_each (n.value, '$.files') f"
                            "             WHERE json_extract (f.value, '$.sha256') = ?1)"
                            " LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  pattern = zc_store_like_pattern (sha256);
  zc_store_stmt_bind_text (stmt, 1, sha256);
  zc_store_stmt_bind_text (stmt, 2, pattern);
  zc_store_stmt_bind_text (stmt, 3, drafts_committee_id);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      *found = TRUE;
      return TRUE;
    case ZC_STORE_STEP_DONE:
      return TRUE;
    case ZC_STORE_STEP_ERROR:
    default:
      return FALSE;
    }
}
