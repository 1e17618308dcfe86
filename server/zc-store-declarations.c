/* zc-store-declarations.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <string.h>

#include "zc-json.h"
#include "zc-store-declarations.h"
#include "zc-store-sql.h"

void
zc_declaration_row_free (ZcDeclarationRow *row)
{
  if (row == NULL)
    return;

  g_free (row->record_id);
  g_free (row->owner_id);
  g_free (row->plan_id);
  g_free (row->plan_type);
  g_free (row->receiving_unit_id);
  g_free (row->department_id);
  g_free (row->committee_id);
  g_free (row->state);
  g_free (row);
}

void
zc_declaration_event_free (ZcDeclarationEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->record_id);
  g_free (event->actor_id);
  g_free (event->actor_name);
  g_free (event->action);
  g_clear_pointer (&event->data, json_object_unref);
  g_free (event);
}

static void
bind_optional_time (ZcStoreStmt *stmt,
                    guint        index,
                    gint64       usec)
{
  if (usec != 0)
    zc_store_stmt_bind_int64 (stmt, index, usec);
  else
    zc_store_stmt_bind_null (stmt, index);
}

/* Inserts or replaces the row of @row->record_id. */
gboolean
zc_store_declarations_put (ZcStoreTxn              *txn,
                           const ZcDeclarationRow  *row,
                           GError                 **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (row != NULL && row->record_id != NULL && row->owner_id != NULL, FALSE);
  g_return_val_if_fail (row->plan_id != NULL && row->plan_type != NULL && row->state != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO declarations (record_id, owner_id, plan_id, plan_version, plan_year,"
                            " plan_type, receiving_unit_id, department_id, committee_id, state, reached, returns,"
                            " submitted_at, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                            " ON CONFLICT (record_id) DO UPDATE SET receiving_unit_id = ?7, department_id = ?8,"
                            " committee_id = ?9, state = ?10, reached = ?11, returns = ?12, submitted_at = ?13,"
                            " updated_at = ?14",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, row->record_id);
  zc_store_stmt_bind_text (stmt, 2, row->owner_id);
  zc_store_stmt_bind_text (stmt, 3, row->plan_id);
  zc_store_stmt_bind_int64 (stmt, 4, row->plan_version);
  zc_store_stmt_bind_int64 (stmt, 5, row->plan_year);
  zc_store_stmt_bind_text (stmt, 6, row->plan_type);
  zc_store_stmt_bind_text (stmt, 7, row->receiving_unit_id);
  zc_store_stmt_bind_text (stmt, 8, row->department_id);
  zc_store_stmt_bind_text (stmt, 9, row->committee_id);
  zc_store_stmt_bind_text (stmt, 10, row->state);
  zc_store_stmt_bind_int64 (stmt, 11, row->reached);
  zc_store_stmt_bind_int64 (stmt, 12, row->returns);
  bind_optional_time (stmt, 13, row->submitted_at);
  zc_store_stmt_bind_int64 (stmt, 14, row->updated_at);

  return zc_store_stmt_run (stmt, error);
}

#define ROW_SELECT \
  "SELECT record_id, owner_id, plan_id, plan_version, plan_year, plan_type, receiving_unit_id, department_id," \
  " committee_id, state, reached, returns, submitted_at, updated_at FROM declarations"

static ZcDeclarationRow *
row_from_stmt (ZcStoreStmt *stmt)
{
  ZcDeclarationRow *row = g_new0 (ZcDeclarationRow, 1);

  row->record_id = zc_store_stmt_dup_text (stmt, 0);
  row->owner_id = zc_store_stmt_dup_text (stmt, 1);
  row->plan_id = zc_store_stmt_dup_text (stmt, 2);
  row->plan_version = zc_store_stmt_get_int64 (stmt, 3);
  row->plan_year = zc_store_stmt_get_int64 (stmt, 4);
  row->plan_type = zc_store_stmt_dup_text (stmt, 5);
  row->receiving_unit_id = zc_store_stmt_dup_text (stmt, 6);
  row->department_id = zc_store_stmt_dup_text (stmt, 7);
  row->committee_id = zc_store_stmt_dup_text (stmt, 8);
  row->state = zc_store_stmt_dup_text (stmt, 9);
  row->reached = zc_store_stmt_get_int64 (stmt, 10);
  row->returns = zc_store_stmt_get_int64 (stmt, 11);
  row->submitted_at = zc_store_stmt_is_null (stmt, 12) ? 0 : zc_store_stmt_get_int64 (stmt, 12);
  row->updated_at = zc_store_stmt_get_int64 (stmt, 13);

  return row;
}

/* NULL with ZC_STORE_ERROR_NOT_FOUND when there is none. */
ZcDeclarationRow *
zc_store_declarations_get (ZcStoreTxn  *txn,
                           const char  *record_id,
                           GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && record_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, ROW_SELECT " WHERE record_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, record_id);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return row_from_stmt (stmt);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such declaration");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

static GPtrArray *
read_rows (ZcStoreStmt  *stmt,
           GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_row_free);
  ZcStoreStep step;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&rows);
}

/**
 * zc_store_declarations_for_owner:
 *
 * Returns: (transfer full) (element-type ZcDeclarationRow): every
 *   declaration of @owner_id, discarded ones too, oldest first
 */
GPtrArray *
zc_store_declarations_for_owner (ZcStoreTxn  *txn,
                                 const char  *owner_id,
                                 GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && owner_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, ROW_SELECT " WHERE owner_id = ?1 ORDER BY plan_year, record_id", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, owner_id);

  return read_rows (stmt, error);
}

#define QUERY_WHERE \
  " WHERE (?1 IS NULL OR owner_id = ?1)" \
  " AND (?2 IS NULL OR receiving_unit_id = ?2)" \
  " AND (?3 IS NULL OR department_id = ?3)" \
  " AND (?4 IS NULL OR committee_id = ?4)" \
  " AND reached >= ?5" \
  " AND (?6 IS NULL OR state = ?6)" \
  " AND (?7 IS NULL OR plan_id = ?7)" \
  " AND (?10 = 0 OR state <> 'draft')" \
  " AND (?11 IS NULL OR plan_type = ?11)"

static void
bind_query (ZcStoreStmt               *stmt,
            const ZcDeclarationQuery  *query)
{
  zc_store_stmt_bind_text (stmt, 1, query->owner_id);
  zc_store_stmt_bind_text (stmt, 2, query->receiving_unit_id);
  zc_store_stmt_bind_text (stmt, 3, query->department_id);
  zc_store_stmt_bind_text (stmt, 4, query->committee_id);
  zc_store_stmt_bind_int64 (stmt, 5, query->min_reached);
  zc_store_stmt_bind_text (stmt, 6, query->state);
  zc_store_stmt_bind_text (stmt, 7, query->plan_id);
  zc_store_stmt_bind_boolean (stmt, 10, query->without_drafts);
  zc_store_stmt_bind_text (stmt, 11, query->plan_type);
}

/**
 * zc_store_declarations_query:
 * @total: (out) (optional): how many match in all
 *
 * The scope filter of every reviewer's list is this query.
 *
 * Returns: (transfer full) (element-type ZcDeclarationRow): a page of
 *   the matching declarations, the longest waiting first
 */
GPtrArray *
zc_store_declarations_query (ZcStoreTxn                *txn,
                             const ZcDeclarationQuery  *query,
                             gint64                    *total,
                             GError                   **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && query != NULL, NULL);

  if (total != NULL)
    {
      g_autoptr(ZcStoreStmt) count = zc_store_stmt_new (txn, "SELECT count(*) FROM declarations" QUERY_WHERE, error);

      if (count == NULL)
        return NULL;
      bind_query (count, query);
      if (zc_store_stmt_step (count, error) != ZC_STORE_STEP_ROW)
        return NULL;
      *total = zc_store_stmt_get_int64 (count, 0);
    }

  stmt = zc_store_stmt_new (txn,
                            ROW_SELECT QUERY_WHERE
                            " ORDER BY submitted_at IS NULL, submitted_at, updated_at, record_id"
                            " LIMIT ?8 OFFSET ?9",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query);
  zc_store_stmt_bind_int64 (stmt, 8, query->limit);
  zc_store_stmt_bind_int64 (stmt, 9, query->offset);

  return read_rows (stmt, error);
}

/**
 * zc_store_declarations_scope_sql:
 * @first: the number of its first parameter
 *
 * Never a draft; the receiving unit's officers from the unit on, the
 * competent department's and the committee's from their level on (for
 * review plans: a determination goes from the unit to the issuer), an
 * issuer from issuing on.  `reached` never goes down, so a level keeps
 * seeing what it returned.  Keep it alike with in_scope() of
 * zc-declaration-service.c.
 *
 * Returns: (transfer full): the condition, in parentheses
 */
char *
zc_store_declarations_scope_sql (guint first)
{
  guint role = first, unit = first + 1;

  return g_strdup_printf ("(d.state <> 'draft' AND ("
                          "    (?%u = 'unit_officer' AND d.receiving_unit_id = ?%u AND d.reached >= ?%u)"
                          " OR (?%u = 'department_officer' AND d.department_id = ?%u AND d.plan_type = 'review'"
                          "     AND d.reached >= ?%u)"
                          " OR (?%u = 'committee_officer' AND d.committee_id = ?%u AND d.plan_type = 'review'"
                          "     AND d.reached >= ?%u)"
                          " OR (?%u = 'issuer' AND d.reached >= ?%u)))",
                          role, unit, first + 2,
                          role, unit, first + 3,
                          role, unit, first + 4,
                          role, first + 5);
}

void
zc_store_declarations_bind_scope (ZcStoreStmt  *stmt,
                                  guint         first,
                                  ZcRole        role,
                                  const char   *unit_id)
{
  g_return_if_fail (stmt != NULL && first >= 1);

  zc_store_stmt_bind_text (stmt, first, zc_role_to_string (role));
  zc_store_stmt_bind_text (stmt, first + 1, unit_id);
  zc_store_stmt_bind_int64 (stmt, first + 2, ZC_DECLARATION_REACHED_UNIT);
  zc_store_stmt_bind_int64 (stmt, first + 3, ZC_DECLARATION_REACHED_DEPARTMENT);
  zc_store_stmt_bind_int64 (stmt, first + 4, ZC_DECLARATION_REACHED_COMMITTEE);
  zc_store_stmt_bind_int64 (stmt, first + 5, ZC_DECLARATION_REACHED_ISSUER);
}

/* Keeps @document as the frozen copy of @record_id at @version. */
gboolean
zc_store_declarations_put_snapshot (ZcStoreTxn  *txn,
                                    const char  *record_id,
                                    gint64       version,
                                    JsonNode    *document,
                                    gint64       now,
                                    GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (record_id != NULL && document != NULL, FALSE);

  text = zc_json_to_string (document);
  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO declaration_snapshots (record_id, version, document, created_at)"
                            " VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, record_id);
  zc_store_stmt_bind_int64 (stmt, 2, version);
  zc_store_stmt_bind_text (stmt, 3, text);
  zc_store_stmt_bind_int64 (stmt, 4, now);

  return zc_store_stmt_run (stmt, error);
}

static JsonNode *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || !zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "A stored declaration document is not an object: %s",
                   local_error != NULL ? local_error->message : "not an object");
      return NULL;
    }

  return g_steal_pointer (&node);
}

/**
 * zc_store_declarations_get_snapshot:
 * @version: (out) (optional): the record version it was frozen at
 *
 * Returns: (transfer full): the newest frozen document of @record_id,
 *   or NULL with ZC_STORE_ERROR_NOT_FOUND when it was never submitted
 */
JsonNode *
zc_store_declarations_get_snapshot (ZcStoreTxn  *txn,
                                    const char  *record_id,
                                    gint64      *version,
                                    GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && record_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT version, document FROM declaration_snapshots WHERE record_id = ?1"
                            " ORDER BY version DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, record_id);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      if (version != NULL)
        *version = zc_store_stmt_get_int64 (stmt, 0);
      return parse (zc_store_stmt_get_text (stmt, 1), error);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "Never frozen");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

gboolean
zc_store_declarations_add_event (ZcStoreTxn                *txn,
                                 const ZcDeclarationEvent  *event,
                                 GError                   **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (event != NULL && event->record_id != NULL && event->action != NULL, FALSE);

  {
    g_autoptr(JsonObject) data = event->data != NULL ? json_object_ref (event->data) : json_object_new ();

    node = json_node_init_object (json_node_alloc (), data);
  }
  text = zc_json_to_string (node);
  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO declaration_events (record_id, at, actor_id, action, data, version)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, event->record_id);
  zc_store_stmt_bind_int64 (stmt, 2, event->at);
  zc_store_stmt_bind_text (stmt, 3, event->actor_id);
  zc_store_stmt_bind_text (stmt, 4, event->action);
  zc_store_stmt_bind_text (stmt, 5, text);
  zc_store_stmt_bind_int64 (stmt, 6, event->version);

  return zc_store_stmt_run (stmt, error);
}

#define EVENT_SELECT \
  "SELECT e.seq, e.record_id, e.at, e.actor_id, a.name, e.action, e.data, e.version" \
  " FROM declaration_events e LEFT JOIN accounts a ON a.id = e.actor_id"

static ZcDeclarationEvent *
event_from_stmt (ZcStoreStmt  *stmt,
                 GError      **error)
{
  g_autoptr(ZcDeclarationEvent) event = g_new0 (ZcDeclarationEvent, 1);
  g_autoptr(JsonNode) data = parse (zc_store_stmt_get_text (stmt, 6), error);

  if (data == NULL)
    return NULL;

  event->seq = zc_store_stmt_get_int64 (stmt, 0);
  event->record_id = zc_store_stmt_dup_text (stmt, 1);
  event->at = zc_store_stmt_get_int64 (stmt, 2);
  event->actor_id = zc_store_stmt_dup_text (stmt, 3);
  event->actor_name = zc_store_stmt_dup_text (stmt, 4);
  event->action = zc_store_stmt_dup_text (stmt, 5);
  event->data = json_object_ref (json_node_get_object (data));
  event->version = zc_store_stmt_get_int64 (stmt, 7);

  return g_steal_pointer (&event);
}

/**
 * zc_store_declarations_events:
 *
 * Returns: (transfer full) (element-type ZcDeclarationEvent): the
 *   events of @record_id, oldest first
 */
GPtrArray *
zc_store_declarations_events (ZcStoreTxn  *txn,
                              const char  *record_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_event_free);
  g_autoptr(ZcStoreStmt) stmt = NULL;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL && record_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, EVENT_SELECT " WHERE e.record_id = ?1 ORDER BY e.seq", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, record_id);

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      ZcDeclarationEvent *event = event_from_stmt (stmt, error);

      if (event == NULL)
        return NULL;
      g_ptr_array_add (events, event);
    }
  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&events);
}

/* The newest event of @action, or NULL with ZC_STORE_ERROR_NOT_FOUND. */
ZcDeclarationEvent *
zc_store_declarations_last_event (ZcStoreTxn  *txn,
                                  const char  *record_id,
                                  const char  *action,
                                  GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && record_id != NULL && action != NULL, NULL);

  stmt = zc_store_stmt_new (txn, EVENT_SELECT " WHERE e.record_id = ?1 AND e.action = ?2 ORDER BY e.seq DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, record_id);
  zc_store_stmt_bind_text (stmt, 2, action);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return event_from_stmt (stmt, error);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such event");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}
