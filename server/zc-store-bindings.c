/* zc-store-bindings.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include "zc-store-bindings.h"
#include "zc-store-sql.h"

static const char * const state_names[] = {
  [ZC_BINDING_STATE_PENDING] = "pending",
  [ZC_BINDING_STATE_APPROVED] = "approved",
  [ZC_BINDING_STATE_DENIED] = "denied",
  [ZC_BINDING_STATE_WITHDRAWN] = "withdrawn",
};

const char *
zc_binding_state_to_string (ZcBindingState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
zc_binding_state_from_string (const char     *string,
                              ZcBindingState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_str_equal (string, state_names[i]))
        {
          *state = (ZcBindingState) i;
          return TRUE;
        }
    }

  return FALSE;
}

ZcBinding *
zc_binding_new (void)
{
  return g_new0 (ZcBinding, 1);
}

void
zc_binding_free (ZcBinding *binding)
{
  if (binding == NULL)
    return;

  g_free (binding->id);
  g_free (binding->account_id);
  g_free (binding->unit_id);
  g_free (binding->comment);
  g_free (binding->decision_comment);
  g_free (binding->decided_by);
  g_free (binding->unit_name);
  g_free (binding->applicant_name);
  g_free (binding->applicant_id_number);
  g_free (binding->applicant_gender);
  g_free (binding->applicant_birth_date);
  g_free (binding->applicant_mobile);
  g_free (binding);
}

#define BINDING_SELECT \
  "SELECT b.id, b.account_id, b.unit_id, b.freelancer, b.state, b.comment, b.decision_comment," \
  " b.decided_by, b.created_at, b.decided_at, u.name, a.name, a.id_number, a.gender, a.birth_date, a.mobile" \
  " FROM bindings b JOIN units u ON u.id = b.unit_id JOIN accounts a ON a.id = b.account_id"

static ZcBinding *
binding_from_row (ZcStoreStmt *stmt)
{
  ZcBinding *binding = zc_binding_new ();

  binding->id = zc_store_stmt_dup_text (stmt, 0);
  binding->account_id = zc_store_stmt_dup_text (stmt, 1);
  binding->unit_id = zc_store_stmt_dup_text (stmt, 2);
  binding->freelancer = zc_store_stmt_get_boolean (stmt, 3);
  if (!zc_binding_state_from_string (zc_store_stmt_get_text (stmt, 4), &binding->state))
    g_warning ("Binding %s has an unknown state", binding->id);
  binding->comment = zc_store_stmt_dup_text (stmt, 5);
  binding->decision_comment = zc_store_stmt_dup_text (stmt, 6);
  binding->decided_by = zc_store_stmt_dup_text (stmt, 7);
  binding->created_at = zc_store_stmt_get_int64 (stmt, 8);
  binding->decided_at = zc_store_stmt_is_null (stmt, 9) ? 0 : zc_store_stmt_get_int64 (stmt, 9);
  binding->unit_name = zc_store_stmt_dup_text (stmt, 10);
  binding->applicant_name = zc_store_stmt_dup_text (stmt, 11);
  binding->applicant_id_number = zc_store_stmt_dup_text (stmt, 12);
  binding->applicant_gender = zc_store_stmt_dup_text (stmt, 13);
  binding->applicant_birth_date = zc_store_stmt_dup_text (stmt, 14);
  binding->applicant_mobile = zc_store_stmt_dup_text (stmt, 15);

  return binding;
}

static GPtrArray *
read_all (ZcStoreStmt  *stmt,
          GError      **error)
{
  g_autoptr(GPtrArray) bindings = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_binding_free);
  ZcStoreStep step;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    g_ptr_array_add (bindings, binding_from_row (stmt));

  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&bindings);
}

/* CONSTRAINT when the account already has a pending request. */
gboolean
zc_store_bindings_insert (ZcStoreTxn       *txn,
                          const ZcBinding  *binding,
                          GError          **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (binding != NULL && binding->id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO bindings (id, account_id, unit_id, freelancer, state, comment,"
                            " decision_comment, decided_by, created_at, decided_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;

  zc_store_stmt_bind_text (stmt, 1, binding->id);
  zc_store_stmt_bind_text (stmt, 2, binding->account_id);
  zc_store_stmt_bind_text (stmt, 3, binding->unit_id);
  zc_store_stmt_bind_boolean (stmt, 4, binding->freelancer);
  zc_store_stmt_bind_text (stmt, 5, zc_binding_state_to_string (binding->state));
  zc_store_stmt_bind_text (stmt, 6, binding->comment != NULL ? binding->comment : "");
  zc_store_stmt_bind_text (stmt, 7, binding->decision_comment);
  zc_store_stmt_bind_text (stmt, 8, binding->decided_by);
  zc_store_stmt_bind_int64 (stmt, 9, binding->created_at);
  if (binding->decided_at != 0)
    zc_store_stmt_bind_int64 (stmt, 10, binding->decided_at);
  else
    zc_store_stmt_bind_null (stmt, 10);

  return zc_store_stmt_run (stmt, error);
}

ZcBinding *
zc_store_bindings_get (ZcStoreTxn  *txn,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, BINDING_SELECT " WHERE b.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, id);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return binding_from_row (stmt);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such binding request");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

/**
 * zc_store_bindings_list_for_account:
 *
 * Returns: (transfer full) (element-type ZcBinding): newest first
 */
GPtrArray *
zc_store_bindings_list_for_account (ZcStoreTxn  *txn,
                                    const char  *account_id,
                                    guint        limit,
                                    GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            BINDING_SELECT " WHERE b.account_id = ?1 ORDER BY b.created_at DESC, b.id LIMIT ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, account_id);
  zc_store_stmt_bind_int64 (stmt, 2, limit);

  return read_all (stmt, error);
}

/**
 * zc_store_bindings_list_for_unit:
 * @state: a ZcBindingState, or -1 for any
 *
 * Returns: (transfer full) (element-type ZcBinding): oldest first, the
 *   order an officer works through a queue in
 */
GPtrArray *
zc_store_bindings_list_for_unit (ZcStoreTxn  *txn,
                                 const char  *unit_id,
                                 int          state,
                                 guint        limit,
                                 guint        offset,
                                 GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (unit_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            BINDING_SELECT " WHERE b.unit_id = ?1 AND (?2 IS NULL OR b.state = ?2)"
                            " ORDER BY b.created_at, b.id LIMIT ?3 OFFSET ?4",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, unit_id);
  zc_store_stmt_bind_text (stmt, 2, state >= 0 ? zc_binding_state_to_string (state) : NULL);
  zc_store_stmt_bind_int64 (stmt, 3, limit);
  zc_store_stmt_bind_int64 (stmt, 4, offset);

  return read_all (stmt, error);
}

gboolean
zc_store_bindings_withdraw_pending (ZcStoreTxn  *txn,
                                    const char  *account_id,
                                    gint64       now,
                                    GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (account_id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "UPDATE bindings SET state = 'withdrawn', decided_at = ?2"
                            " WHERE account_id = ?1 AND state = 'pending'",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, account_id);
  zc_store_stmt_bind_int64 (stmt, 2, now);

  return zc_store_stmt_run (stmt, error);
}

/**
 * zc_store_bindings_decide:
 * @decided: (out): FALSE when the request was no longer pending
 *
 * Ends a pending request.  The state is checked in the UPDATE itself,
 * so of two officers deciding at once exactly one wins.
 */
gboolean
zc_store_bindings_decide (ZcStoreTxn      *txn,
                          const char      *id,
                          ZcBindingState   state,
                          const char      *comment,
                          const char      *decided_by,
                          gint64           now,
                          gboolean        *decided,
                          GError         **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (id != NULL && decided_by != NULL, FALSE);
  g_return_val_if_fail (state == ZC_BINDING_STATE_APPROVED || state == ZC_BINDING_STATE_DENIED, FALSE);
  g_return_val_if_fail (decided != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "UPDATE bindings SET state = ?2, decision_comment = ?3, decided_by = ?4, decided_at = ?5"
                            " WHERE id = ?1 AND state = 'pending'",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_text (stmt, 2, zc_binding_state_to_string (state));
  zc_store_stmt_bind_text (stmt, 3, comment != NULL ? comment : "");
  zc_store_stmt_bind_text (stmt, 4, decided_by);
  zc_store_stmt_bind_int64 (stmt, 5, now);

  if (!zc_store_stmt_run (stmt, error))
    return FALSE;

  *decided = zc_store_stmt_changes (stmt) == 1;
  return TRUE;
}
