/* zc-local-store-plans.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include "zc-local-store-plans.h"
#include "zc-local-store-private.h"

/* The cached review plans (table `plans`, migration 3).  Plans are not
 * synced records: the sync engine asks for the list at the end of each
 * cycle and replaces the cache with it.  A version that a local
 * declaration was made under is kept after it leaves the list, so the
 * declaration can still be shown and checked against it offline. */

#define META_PLANS_REFRESHED_AT "plans_refreshed_at"

/* The (id, version) pairs the local declarations refer to. */
#define REFERRED_BY_DECLARATION \
  "EXISTS (SELECT 1 FROM records r WHERE r.kind = 'declaration' AND r.deleted = 0" \
  " AND json_valid (r.body)" \
  " AND json_extract (r.body, '$.plan_id') = plans.id" \
  " AND json_extract (r.body, '$.plan_version') = plans.version)"

static gboolean
insert_plan (ZcLocalStore  *self,
             ZcPlan        *plan,
             gint64         now,
             GError       **error)
{
  g_autoptr(JsonNode) node = zc_plan_to_json (plan);
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "Plan %s cannot be written", zc_plan_get_id (plan));
      return FALSE;
    }
  body = zc_local_store_object_to_string (json_node_get_object (node));

  stmt = zc_local_store_prepare (self,
                                 "INSERT INTO plans (id, version, year, body, current, fetched_at)"
                                 " VALUES (?1, ?2, ?3, ?4, 1, ?5)"
                                 " ON CONFLICT (id, version) DO UPDATE SET year = ?3, body = ?4,"
                                 " current = 1, fetched_at = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, zc_plan_get_id (plan), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, zc_plan_get_version (plan));
  sqlite3_bind_int64 (stmt, 3, zc_plan_get_year (plan));
  sqlite3_bind_text (stmt, 4, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  return zc_local_store_step_done (self, stmt, error);
}

/**
 * zc_local_store_replace_plans:
 * @plans: (element-type ZcPlan): the plans the server listed
 *
 * A plan without an id or with a version below 1 is refused (nothing
 * is changed): the server always sets both.
 */
gboolean
zc_local_store_replace_plans (ZcLocalStore  *self,
                              GPtrArray     *plans,
                              GError       **error)
{
  gint64 now = zc_local_store_now ();
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (plans != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < plans->len; i++)
    {
      ZcPlan *plan = g_ptr_array_index (plans, i);

      if (plan == NULL || zc_plan_get_id (plan) == NULL || *zc_plan_get_id (plan) == '\0' ||
          zc_plan_get_version (plan) < 1)
        {
          g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                       "Plan %u of the list has no id or version", i);
          return FALSE;
        }
    }

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!zc_local_store_exec (self, "UPDATE plans SET current = 0", error))
    goto rollback;
  for (guint i = 0; i < plans->len; i++)
    if (!insert_plan (self, g_ptr_array_index (plans, i), now, error))
      goto rollback;
  if (!zc_local_store_exec (self, "DELETE FROM plans WHERE current = 0 AND NOT " REFERRED_BY_DECLARATION, error))
    goto rollback;
  stamp = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  if (!zc_local_store_set_meta (self, META_PLANS_REFRESHED_AT, stamp, error))
    goto rollback;
  if (!zc_local_store_exec (self, "COMMIT", error))
    goto rollback;

  zc_local_store_emit_changed (self, NULL, ZC_LOCAL_STORE_PLAN_KIND);
  return TRUE;

rollback:
  zc_local_store_rollback (self);
  return FALSE;
}

/* A cached copy that does not read any more (written by another
 * version, damaged) is left out with a warning. */
static ZcPlan *
plan_from_row (sqlite3_stmt *stmt)
{
  const char *body = (const char *) sqlite3_column_text (stmt, 0);
  g_autoptr(GError) error = NULL;
  ZcPlan *plan;

  plan = body != NULL ? zc_plan_new_from_data (body, (gsize) sqlite3_column_bytes (stmt, 0), FALSE, &error) : NULL;
  if (plan == NULL)
    g_warning ("The cached plan %s version %" G_GINT64_FORMAT " is skipped: %s",
               (const char *) sqlite3_column_text (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 2),
               error != NULL ? error->message : "no body");
  return plan;
}

/**
 * zc_local_store_list_plans:
 *
 * Returns: (transfer full) (element-type ZcPlan): the plans
 */
GPtrArray *
zc_local_store_list_plans (ZcLocalStore  *self,
                           GError       **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self,
                                 "SELECT body, id, version FROM plans p"
                                 " WHERE version = (SELECT max (version) FROM plans q WHERE q.id = p.id)"
                                 " ORDER BY year DESC, current DESC, fetched_at DESC, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcPlan *plan = plan_from_row (stmt);

      if (plan != NULL)
        g_ptr_array_add (plans, plan);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the plans failed");
      return NULL;
    }

  return g_steal_pointer (&plans);
}

/**
 * zc_local_store_get_plan:
 *
 * Returns: (transfer full): the plan
 */
ZcPlan *
zc_local_store_get_plan (ZcLocalStore  *self,
                         const char    *id,
                         gint64         version,
                         GError       **error)
{
  ZcPlan *plan = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (version >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self,
                                 "SELECT body, id, version FROM plans WHERE id = ?1 AND (?2 = 0 OR version = ?2)"
                                 " ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    plan = plan_from_row (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the plan failed");
      return NULL;
    }
  if (plan == NULL && version > 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "Plan %s version %" G_GINT64_FORMAT " is not here", id, version);
  else if (plan == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Plan %s is not here", id);
  return plan;
}

gint64
zc_local_store_get_plans_refreshed_at (ZcLocalStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), 0);

  value = zc_local_store_get_meta (self, META_PLANS_REFRESHED_AT);
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}
