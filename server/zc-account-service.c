/* zc-account-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-account"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-account-checks.h"
#include "zc-account-service.h"
#include "zc-api-error.h"
#include "zc-id-number.h"
#include "zc-json.h"
#include "zc-store-audit.h"
#include "zc-store-bindings.h"
#include "zc-store-sessions.h"
#include "zc-store-units.h"

static void
set_account_exists (GError     **error,
                    ZcLanguage   language)
{
  zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "account_exists", NULL,
                    zc_translate (language, N_("An account with this ID number or mobile number already exists. "
                                               "Log in, or ask your unit or the administrator to reset the password.")));
}

/* Turns a store failure into the API's answer, @exists for a constraint. */
static void
store_failed (GError      **error,
              GError       *store_error,
              ZcLanguage    language)
{
  if (g_error_matches (store_error, ZC_STORE_ERROR, ZC_STORE_ERROR_CONSTRAINT))
    set_account_exists (error, language);
  else if (g_error_matches (store_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    zc_api_set_not_found (error, language);
  else
    zc_api_error_from_other (error, store_error, language);
}

/* Checks the fields every new account has; fills @account. */
static gboolean
validate_new_account (const ZcAccountSpec  *spec,
                      ZcAccount            *account,
                      gboolean              mobile_required,
                      ZcLanguage            language,
                      GError              **error)
{
  if (!zc_account_validate_id_number (spec->id_number, account, language, error) ||
      !zc_account_validate_name (spec->name, &account->name, language, error))
    return FALSE;

  if (spec->mobile == NULL && mobile_required)
    {
      zc_api_set_invalid_field (error, "mobile", zc_translate (language, N_("Enter your mobile number.")));
      return FALSE;
    }
  if (spec->mobile != NULL)
    {
      if (!zc_account_validate_mobile (spec->mobile, language, error))
        return FALSE;
      account->mobile = g_strdup (spec->mobile);
    }

  return TRUE;
}

static gboolean
check_not_taken (ZcContext        *ctx,
                 const ZcAccount  *account,
                 ZcLanguage        language,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  gboolean taken = FALSE;

  if (txn == NULL ||
      !zc_store_accounts_is_taken (txn, account->id_number, account->mobile, &taken, &local_error))
    {
      store_failed (error, local_error, language);
      return FALSE;
    }

  if (taken)
    {
      set_account_exists (error, language);
      return FALSE;
    }

  return TRUE;
}

/* ---- the services ----------------------------------------------------- */

/**
 * zc_account_service_register:
 *
 * An applicant registers: ID number (gender and birth date follow from
 * it), name, mobile and a password of their own.
 */
ZcAccount *
zc_account_service_register (ZcContext            *ctx,
                             const ZcAccountSpec  *spec,
                             const ZcActor        *actor,
                             ZcLanguage            language,
                             GError              **error)
{
  g_autoptr(ZcAccount) account = zc_account_new ();
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) local_error = NULL;
  ZcAuditEntry entry = { .action = "account.register", .address = actor->address };

  g_return_val_if_fail (ctx != NULL && spec != NULL && spec->password != NULL, NULL);

  if (!validate_new_account (spec, account, TRUE, language, error) ||
      !zc_password_check_policy (spec->password, account->id_number, account->mobile, "password", language, error) ||
      !check_not_taken (ctx, account, language, error))
    return NULL;

  account->password_hash = zc_password_hasher_hash (ctx->hasher, spec->password, language, error);
  if (account->password_hash == NULL)
    return NULL;

  account->id = g_uuid_string_random ();
  account->role = ZC_ROLE_APPLICANT;
  account->created_at = account->updated_at = zc_context_now (ctx);
  entry.actor = entry.object = account->id;

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL ||
      !zc_store_accounts_insert (txn, account, &local_error) ||
      !zc_store_audit_append (txn, account->created_at, &entry, &local_error) ||
      !zc_store_txn_commit (txn, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&account);
}

/**
 * zc_account_service_create:
 * @initial_password: (out) (transfer full): the one-time password, to be
 *   shown once and changed at the first login
 *
 * An administrator creates an account in any role, or a unit officer
 * an applicant in their unit (the handler sets the role and unit).
 */
ZcAccount *
zc_account_service_create (ZcContext            *ctx,
                           const ZcAccountSpec  *spec,
                           const ZcActor        *actor,
                           char                **initial_password,
                           ZcLanguage            language,
                           GError              **error)
{
  g_autoptr(ZcAccount) account = zc_account_new ();
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *password = NULL;
  ZcAuditEntry entry = { .actor = actor->account_id, .action = "account.create", .address = actor->address,
                         .detail = zc_role_to_string (spec->role) };

  g_return_val_if_fail (ctx != NULL && spec != NULL, NULL);
  g_return_val_if_fail (initial_password != NULL, NULL);

  if (!validate_new_account (spec, account, FALSE, language, error) ||
      !check_not_taken (ctx, account, language, error))
    return NULL;

  password = zc_password_generate_initial ();
  account->password_hash = zc_password_hasher_hash (ctx->hasher, password, language, error);
  if (account->password_hash == NULL)
    return NULL;

  account->id = g_uuid_string_random ();
  account->role = spec->role;
  account->unit_id = g_strdup (spec->unit_id);
  account->must_change_password = TRUE;
  account->created_at = account->updated_at = zc_context_now (ctx);
  entry.object = account->id;

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL)
    {
      store_failed (error, local_error, language);
      return NULL;
    }
  if (!zc_account_check_role_unit (txn, spec->role, spec->unit_id, language, error))
    return NULL;

  if (!zc_store_accounts_insert (txn, account, &local_error) ||
      !zc_store_audit_append (txn, account->created_at, &entry, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  /* an applicant made by their unit is bound from the start: record it
   * as an approved binding, so the unit's history shows it */
  if (account->role == ZC_ROLE_APPLICANT && account->unit_id != NULL)
    {
      g_autoptr(ZcBinding) binding = zc_binding_new ();

      binding->id = g_uuid_string_random ();
      binding->account_id = g_strdup (account->id);
      binding->unit_id = g_strdup (account->unit_id);
      binding->state = ZC_BINDING_STATE_APPROVED;
      binding->comment = g_strdup ("");
      binding->decided_by = g_strdup (actor->account_id);
      binding->created_at = binding->decided_at = account->created_at;
      if (!zc_store_bindings_insert (txn, binding, &local_error))
        {
          store_failed (error, local_error, language);
          return NULL;
        }
    }

  if (!zc_store_txn_commit (txn, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  *initial_password = g_steal_pointer (&password);
  return g_steal_pointer (&account);
}

ZcAccount *
zc_account_service_get (ZcContext   *ctx,
                        const char  *id,
                        ZcLanguage   language,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  ZcAccount *account = NULL;

  if (txn != NULL)
    account = zc_store_accounts_get (txn, id, &local_error);
  if (account == NULL)
    store_failed (error, local_error, language);

  return account;
}

/* By account id (UUID) or by ID number: what the admin command takes. */
ZcAccount *
zc_account_service_find (ZcContext   *ctx,
                         const char  *id_or_id_number,
                         ZcLanguage   language,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autofree char *normalized = NULL;
  ZcAccount *account = NULL;

  if (zc_json_is_uuid (id_or_id_number))
    return zc_account_service_get (ctx, id_or_id_number, language, error);

  normalized = zc_id_number_normalize (id_or_id_number);
  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn != NULL)
    account = zc_store_accounts_get_by_id_number (txn, normalized, &local_error);
  if (account == NULL)
    store_failed (error, local_error, language);

  return account;
}

/**
 * zc_account_service_search:
 *
 * Returns: (transfer full) (element-type ZcAccount): the accounts
 */
GPtrArray *
zc_account_service_search (ZcContext             *ctx,
                           const ZcAccountQuery  *query,
                           ZcLanguage             language,
                           GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  GPtrArray *accounts = NULL;

  if (txn != NULL)
    accounts = zc_store_accounts_search (txn, query, &local_error);
  if (accounts == NULL)
    store_failed (error, local_error, language);

  return accounts;
}

/**
 * zc_account_service_set_role:
 *
 * Gives an account a role and a unit.  Its sessions end: the person
 * logs in again with the new rights.
 */
ZcAccount *
zc_account_service_set_role (ZcContext      *ctx,
                             const char     *account_id,
                             ZcRole          role,
                             const char     *unit_id,
                             const ZcActor  *actor,
                             ZcLanguage      language,
                             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcAccount) account = NULL;
  gint64 now = zc_context_now (ctx);
  ZcAuditEntry entry = { .actor = actor->account_id, .action = "account.role", .object = account_id,
                         .detail = zc_role_to_string (role), .address = actor->address };

  g_return_val_if_fail (ctx != NULL && account_id != NULL, NULL);

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL)
    {
      store_failed (error, local_error, language);
      return NULL;
    }
  if (!zc_account_check_role_unit (txn, role, unit_id, language, error))
    return NULL;

  if (!zc_store_accounts_set_role (txn, account_id, role, unit_id, now, &local_error) ||
      !zc_store_sessions_delete_for_account (txn, account_id, NULL, &local_error) ||
      !zc_store_audit_append (txn, now, &entry, &local_error) ||
      (account = zc_store_accounts_get (txn, account_id, &local_error)) == NULL ||
      !zc_store_txn_commit (txn, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&account);
}

/**
 * zc_account_service_reset_password:
 *
 * Gives the account a new one-time password and ends its sessions.
 *
 * Returns: (transfer full): the password, to be shown once
 */
char *
zc_account_service_reset_password (ZcContext      *ctx,
                                   const char     *account_id,
                                   const ZcActor  *actor,
                                   ZcLanguage      language,
                                   GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autofree char *password = zc_password_generate_initial ();
  g_autofree char *hash = NULL;
  gint64 now;
  ZcAuditEntry entry = { .actor = actor->account_id, .action = "account.reset_password", .object = account_id,
                         .address = actor->address };

  g_return_val_if_fail (ctx != NULL && account_id != NULL, NULL);

  hash = zc_password_hasher_hash (ctx->hasher, password, language, error);
  if (hash == NULL)
    return NULL;

  now = zc_context_now (ctx);
  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL ||
      !zc_store_accounts_set_password (txn, account_id, hash, TRUE, now, &local_error) ||
      !zc_store_sessions_delete_for_account (txn, account_id, NULL, &local_error) ||
      !zc_store_audit_append (txn, now, &entry, &local_error) ||
      !zc_store_txn_commit (txn, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&password);
}

/**
 * zc_account_service_change_password:
 *
 * The holder changes their password, proving the current one (wrong
 * guesses count against the account's login limit).  Every other
 * session of the account ends; this one goes on, no longer required
 * to change the password.
 */
gboolean
zc_account_service_change_password (ZcContext       *ctx,
                                    const ZcCaller  *caller,
                                    const char      *old_password,
                                    const char      *new_password,
                                    const char      *address,
                                    ZcLanguage       language,
                                    GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcAccount) account = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  gint64 now = zc_context_now (ctx);
  gint64 retry_after = 0;
  gboolean matches = FALSE;
  ZcAuditEntry entry = { .actor = caller->account_id, .action = "account.password", .object = caller->account_id,
                         .address = address };

  g_return_val_if_fail (ctx != NULL && caller != NULL, FALSE);
  g_return_val_if_fail (old_password != NULL && new_password != NULL, FALSE);

  account = zc_account_service_get (ctx, caller->account_id, language, error);
  if (account == NULL)
    return FALSE;

  if (!zc_password_check_policy (new_password, account->id_number, account->mobile, "new_password", language, error))
    return FALSE;

  key = g_strconcat ("account:", account->id, NULL);
  if (!zc_rate_limiter_check (ctx->login_accounts, key, now, &retry_after))
    {
      zc_api_set_error_retry (error, ZC_API_ERROR_TOO_MANY, "too_many_attempts",
                              (guint) ((retry_after + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC),
                              zc_translate (language, N_("Too many failed logins. Wait a while and try again.")));
      return FALSE;
    }

  if (strlen (old_password) > 4 * ZC_PASSWORD_MAX_LENGTH ||
      !zc_password_hasher_verify (ctx->hasher, account->password_hash, old_password, &matches, NULL, language, error))
    {
      if (error != NULL && *error == NULL)
        zc_api_set_error (error, ZC_API_ERROR_INVALID, "wrong_password", "old_password",
                          zc_translate (language, N_("The current password is wrong.")));
      return FALSE;
    }
  if (!matches)
    {
      zc_rate_limiter_fail (ctx->login_accounts, key, zc_context_now (ctx));
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "wrong_password", "old_password",
                        zc_translate (language, N_("The current password is wrong.")));
      return FALSE;
    }
  if (g_str_equal (old_password, new_password))
    {
      zc_api_set_invalid_field (error, "new_password",
                                zc_translate (language, N_("The new password must differ from the current one.")));
      return FALSE;
    }

  hash = zc_password_hasher_hash (ctx->hasher, new_password, language, error);
  if (hash == NULL)
    return FALSE;

  now = zc_context_now (ctx);
  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL ||
      !zc_store_accounts_set_password (txn, account->id, hash, FALSE, now, &local_error) ||
      !zc_store_sessions_delete_for_account (txn, account->id, caller->session_id, &local_error) ||
      !zc_store_audit_append (txn, now, &entry, &local_error) ||
      !zc_store_txn_commit (txn, &local_error))
    {
      store_failed (error, local_error, language);
      return FALSE;
    }

  return TRUE;
}
