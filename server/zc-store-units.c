/* zc-store-units.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include "zc-store-sql.h"
#include "zc-store-units.h"

static const char * const kind_names[] = {
  [ZC_UNIT_KIND_EMPLOYER] = "employer",
  [ZC_UNIT_KIND_HR_BUREAU] = "hr_bureau",
  [ZC_UNIT_KIND_DEPARTMENT] = "department",
  [ZC_UNIT_KIND_COMMITTEE] = "committee",
  [ZC_UNIT_KIND_ISSUER] = "issuer",
};

const char *
zc_unit_kind_to_string (ZcUnitKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
zc_unit_kind_from_string (const char *string,
                          ZcUnitKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (string, kind_names[i]))
        {
          *kind = (ZcUnitKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

ZcUnit *
zc_unit_new (void)
{
  return g_new0 (ZcUnit, 1);
}

void
zc_unit_free (ZcUnit *unit)
{
  if (unit == NULL)
    return;

  g_free (unit->id);
  g_free (unit->name);
  g_free (unit->credit_code);
  g_free (unit->region_code);
  g_free (unit->department_id);
  g_free (unit);
}

#define UNIT_COLUMNS "id, name, credit_code, region_code, kind, department_id, created_at"

static ZcUnit *
unit_from_row (ZcStoreStmt *stmt)
{
  ZcUnit *unit = zc_unit_new ();

  unit->id = zc_store_stmt_dup_text (stmt, 0);
  unit->name = zc_store_stmt_dup_text (stmt, 1);
  unit->credit_code = zc_store_stmt_dup_text (stmt, 2);
  unit->region_code = zc_store_stmt_dup_text (stmt, 3);
  if (!zc_unit_kind_from_string (zc_store_stmt_get_text (stmt, 4), &unit->kind))
    g_warning ("Unit %s has an unknown kind", unit->id);
  unit->department_id = zc_store_stmt_dup_text (stmt, 5);
  unit->created_at = zc_store_stmt_get_int64 (stmt, 6);

  return unit;
}

/* The one row of units where @condition (its ?1 bound to @value) holds;
 * NOT_FOUND when there is none. */
static ZcUnit *
select_one (ZcStoreTxn  *txn,
            const char  *condition,
            const char  *value,
            GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " UNIT_COLUMNS " FROM units WHERE ", condition, NULL);
  g_autoptr(ZcStoreStmt) stmt = zc_store_stmt_new (txn, sql, error);

  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, value);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return unit_from_row (stmt);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such unit");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

/* CONSTRAINT when the credit code is taken or the department is unknown. */
gboolean
zc_store_units_insert (ZcStoreTxn    *txn,
                       const ZcUnit  *unit,
                       GError       **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (unit != NULL && unit->id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO units (" UNIT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;

  zc_store_stmt_bind_text (stmt, 1, unit->id);
  zc_store_stmt_bind_text (stmt, 2, unit->name);
  zc_store_stmt_bind_text (stmt, 3, unit->credit_code);
  zc_store_stmt_bind_text (stmt, 4, unit->region_code);
  zc_store_stmt_bind_text (stmt, 5, zc_unit_kind_to_string (unit->kind));
  zc_store_stmt_bind_text (stmt, 6, unit->department_id);
  zc_store_stmt_bind_int64 (stmt, 7, unit->created_at);

  return zc_store_stmt_run (stmt, error);
}

ZcUnit *
zc_store_units_get (ZcStoreTxn  *txn,
                    const char  *id,
                    GError     **error)
{
  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return select_one (txn, "id = ?1", id, error);
}

ZcUnit *
zc_store_units_get_by_credit_code (ZcStoreTxn  *txn,
                                   const char  *credit_code,
                                   GError     **error)
{
  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (credit_code != NULL, NULL);

  return select_one (txn, "credit_code = ?1", credit_code, error);
}

/**
 * zc_store_units_search:
 *
 * Units whose name contains @query->text or whose credit code is
 * exactly it, ordered by name.
 *
 * Returns: (transfer full) (element-type ZcUnit): the units
 */
GPtrArray *
zc_store_units_search (ZcStoreTxn         *txn,
                       const ZcUnitQuery  *query,
                       GError            **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_unit_free);
  g_autofree char *pattern = NULL;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT " UNIT_COLUMNS " FROM units"
                            " WHERE (?1 IS NULL OR name LIKE ?2 ESCAPE '\\' OR credit_code = ?1)"
                            "   AND (?3 IS NULL OR kind = ?3)"
                            "   AND (?4 IS NULL OR region_code = ?4)"
                            " ORDER BY name, id LIMIT ?5 OFFSET ?6",
                            error);
  if (stmt == NULL)
    return NULL;

  if (query->text != NULL && *query->text != '\0')
    {
      pattern = zc_store_like_pattern (query->text);
      zc_store_stmt_bind_text (stmt, 1, query->text);
      zc_store_stmt_bind_text (stmt, 2, pattern);
    }
  else
    {
      zc_store_stmt_bind_null (stmt, 1);
      zc_store_stmt_bind_null (stmt, 2);
    }
  zc_store_stmt_bind_text (stmt, 3, query->kind >= 0 ? zc_unit_kind_to_string (query->kind) : NULL);
  zc_store_stmt_bind_text (stmt, 4, query->region_code);
  zc_store_stmt_bind_int64 (stmt, 5, query->limit);
  zc_store_stmt_bind_int64 (stmt, 6, query->offset);

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    g_ptr_array_add (units, unit_from_row (stmt));

  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&units);
}
