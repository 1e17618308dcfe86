/* zc-store-accounts.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include "zc-store-accounts.h"
#include "zc-store-sql.h"

ZcAccount *
zc_account_new (void)
{
  return g_new0 (ZcAccount, 1);
}

void
zc_account_free (ZcAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->id);
  g_free (account->id_number);
  g_free (account->name);
  g_free (account->gender);
  g_free (account->birth_date);
  g_free (account->mobile);
  g_free (account->unit_id);
  g_free (account->password_hash);
  g_free (account);
}

#define ACCOUNT_COLUMNS "id, id_number, name, gender, birth_date, mobile, role, unit_id, " \
                        "password_hash, must_change_password, created_at, updated_at"

static ZcAccount *
account_from_row (ZcStoreStmt *stmt)
{
  ZcAccount *account = zc_account_new ();

  account->id = zc_store_stmt_dup_text (stmt, 0);
  account->id_number = zc_store_stmt_dup_text (stmt, 1);
  account->name = zc_store_stmt_dup_text (stmt, 2);
  account->gender = zc_store_stmt_dup_text (stmt, 3);
  account->birth_date = zc_store_stmt_dup_text (stmt, 4);
  account->mobile = zc_store_stmt_dup_text (stmt, 5);
  if (!zc_role_from_string (zc_store_stmt_get_text (stmt, 6), &account->role))
    {
      /* never widen the rights of a row we cannot read */
      g_warning ("Account %s has an unknown role", account->id);
      account->role = ZC_ROLE_APPLICANT;
    }
  account->unit_id = zc_store_stmt_dup_text (stmt, 7);
  account->password_hash = zc_store_stmt_dup_text (stmt, 8);
  account->must_change_password = zc_store_stmt_get_boolean (stmt, 9);
  account->created_at = zc_store_stmt_get_int64 (stmt, 10);
  account->updated_at = zc_store_stmt_get_int64 (stmt, 11);

  return account;
}

/* The one row of accounts where @condition (its ?1 bound to @value) holds;
 * NOT_FOUND when there is none. */
static ZcAccount *
select_one (ZcStoreTxn  *txn,
            const char  *condition,
            const char  *value,
            GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE ", condition, NULL);
  g_autoptr(ZcStoreStmt) stmt = zc_store_stmt_new (txn, sql, error);

  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, value);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return account_from_row (stmt);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such account");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

/* CONSTRAINT when the ID number or the mobile is taken. */
gboolean
zc_store_accounts_insert (ZcStoreTxn       *txn,
                          const ZcAccount  *account,
                          GError          **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (account != NULL && account->id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO accounts (" ACCOUNT_COLUMNS ")"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                            error);
  if (stmt == NULL)
    return FALSE;

  zc_store_stmt_bind_text (stmt, 1, account->id);
  zc_store_stmt_bind_text (stmt, 2, account->id_number);
  zc_store_stmt_bind_text (stmt, 3, account->name);
  zc_store_stmt_bind_text (stmt, 4, account->gender);
  zc_store_stmt_bind_text (stmt, 5, account->birth_date);
  zc_store_stmt_bind_text (stmt, 6, account->mobile);
  zc_store_stmt_bind_text (stmt, 7, zc_role_to_string (account->role));
  zc_store_stmt_bind_text (stmt, 8, account->unit_id);
  zc_store_stmt_bind_text (stmt, 9, account->password_hash);
  zc_store_stmt_bind_boolean (stmt, 10, account->must_change_password);
  zc_store_stmt_bind_int64 (stmt, 11, account->created_at);
  zc_store_stmt_bind_int64 (stmt, 12, account->updated_at);

  return zc_store_stmt_run (stmt, error);
}

ZcAccount *
zc_store_accounts_get (ZcStoreTxn  *txn,
                       const char  *id,
                       GError     **error)
{
  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return select_one (txn, "id = ?1", id, error);
}

ZcAccount *
zc_store_accounts_get_by_id_number (ZcStoreTxn  *txn,
                                    const char  *id_number,
                                    GError     **error)
{
  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id_number != NULL, NULL);

  return select_one (txn, "id_number = ?1", id_number, error);
}

/**
 * zc_store_accounts_get_by_login:
 * @login: an ID number or a mobile number
 *
 * An ID number has 18 characters and a mobile 11, so one text never
 * matches two accounts.
 */
ZcAccount *
zc_store_accounts_get_by_login (ZcStoreTxn  *txn,
                                const char  *login,
                                GError     **error)
{
  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (login != NULL, NULL);

  return select_one (txn, "id_number = ?1 OR mobile = ?1", login, error);
}

/* Whether an account has @id_number, or @mobile (when not NULL). */
gboolean
zc_store_accounts_is_taken (ZcStoreTxn  *txn,
                            const char  *id_number,
                            const char  *mobile,
                            gboolean    *taken,
                            GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (id_number != NULL, FALSE);
  g_return_val_if_fail (taken != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "SELECT 1 FROM accounts WHERE id_number = ?1 OR (?2 IS NOT NULL AND mobile = ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id_number);
  zc_store_stmt_bind_text (stmt, 2, mobile);

  step = zc_store_stmt_step (stmt, error);
  if (step == ZC_STORE_STEP_ERROR)
    return FALSE;

  *taken = step == ZC_STORE_STEP_ROW;
  return TRUE;
}

/**
 * zc_store_accounts_search:
 *
 * Returns: (transfer full) (element-type ZcAccount): accounts by name
 */
GPtrArray *
zc_store_accounts_search (ZcStoreTxn            *txn,
                          const ZcAccountQuery  *query,
                          GError               **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_account_free);
  g_autofree char *pattern = NULL;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT " ACCOUNT_COLUMNS " FROM accounts"
                            " WHERE (?1 IS NULL OR name LIKE ?2 ESCAPE '\\' OR id_number = ?1 OR mobile = ?1)"
                            "   AND (?3 IS NULL OR role = ?3)"
                            "   AND (?4 IS NULL OR unit_id = ?4)"
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
  zc_store_stmt_bind_text (stmt, 3, query->role >= 0 ? zc_role_to_string (query->role) : NULL);
  zc_store_stmt_bind_text (stmt, 4, query->unit_id);
  zc_store_stmt_bind_int64 (stmt, 5, query->limit);
  zc_store_stmt_bind_int64 (stmt, 6, query->offset);

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    g_ptr_array_add (accounts, account_from_row (stmt));

  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&accounts);
}

/* Runs an UPDATE of one account; NOT_FOUND when no row changed. */
static gboolean
run_update (ZcStoreStmt  *stmt,
            GError      **error)
{
  if (!zc_store_stmt_run (stmt, error))
    return FALSE;

  if (zc_store_stmt_changes (stmt) == 0)
    {
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such account");
      return FALSE;
    }

  return TRUE;
}

gboolean
zc_store_accounts_set_password (ZcStoreTxn  *txn,
                                const char  *id,
                                const char  *password_hash,
                                gboolean     must_change_password,
                                gint64       now,
                                GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (id != NULL && password_hash != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "UPDATE accounts SET password_hash = ?2, must_change_password = ?3, updated_at = ?4"
                            " WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_text (stmt, 2, password_hash);
  zc_store_stmt_bind_boolean (stmt, 3, must_change_password);
  zc_store_stmt_bind_int64 (stmt, 4, now);

  return run_update (stmt, error);
}

gboolean
zc_store_accounts_set_role (ZcStoreTxn  *txn,
                            const char  *id,
                            ZcRole       role,
                            const char  *unit_id,
                            gint64       now,
                            GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "UPDATE accounts SET role = ?2, unit_id = ?3, updated_at = ?4 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_text (stmt, 2, zc_role_to_string (role));
  zc_store_stmt_bind_text (stmt, 3, unit_id);
  zc_store_stmt_bind_int64 (stmt, 4, now);

  return run_update (stmt, error);
}

gboolean
zc_store_accounts_set_unit (ZcStoreTxn  *txn,
                            const char  *id,
                            const char  *unit_id,
                            gint64       now,
                            GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = zc_store_stmt_new (txn, "UPDATE accounts SET unit_id = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_text (stmt, 2, unit_id);
  zc_store_stmt_bind_int64 (stmt, 3, now);

  return run_update (stmt, error);
}
