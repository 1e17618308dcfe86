/* zc-session-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-id-number.h"
#include "zc-session-service.h"
#include "zc-store-audit.h"
#include "zc-store-sessions.h"

#define TOKEN_BYTES        32
#define MAX_LOGIN_LENGTH   64
/* last_seen_at is written at most this often per session (µs) */
#define TOUCH_INTERVAL     (60 * G_USEC_PER_SEC)

void
zc_caller_free (ZcCaller *caller)
{
  if (caller == NULL)
    return;

  g_free (caller->account_id);
  g_free (caller->session_id);
  g_free (caller->name);
  g_free (caller->unit_id);
  g_free (caller);
}

void
zc_login_result_free (ZcLoginResult *result)
{
  if (result == NULL)
    return;

  if (result->token != NULL)
    sodium_memzero (result->token, strlen (result->token));
  g_free (result->token);
  zc_account_free (result->account);
  zc_unit_free (result->unit);
  g_free (result);
}

gboolean
zc_session_token_is_well_formed (const char *token)
{
  if (token == NULL || strlen (token) != ZC_SESSION_TOKEN_LENGTH)
    return FALSE;

  for (const char *p = token; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): the SHA-256 of @token, in hex: what is stored */
char *
zc_session_token_hash (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static char *
new_token (void)
{
  guchar bytes[TOKEN_BYTES];
  char text[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);

  return g_strdup (text);
}

static void
set_too_many (GError     **error,
              gint64       retry_after_usec,
              ZcLanguage   language)
{
  guint seconds = (guint) ((retry_after_usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  zc_api_set_error_retry (error, ZC_API_ERROR_TOO_MANY, "too_many_attempts", seconds,
                          zc_translate (language, N_("Too many failed logins. Wait a while and try again.")));
}

static void
audit (ZcContext   *ctx,
       const char  *actor,
       const char  *action,
       const char  *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (ctx->store, &error);
  ZcAuditEntry entry = { .actor = actor, .action = action, .address = address };

  if (txn == NULL ||
      !zc_store_audit_append (txn, zc_context_now (ctx), &entry, &error) ||
      !zc_store_txn_commit (txn, &error))
    g_warning ("Cannot record %s in the audit trail: %s", action, error->message);
}

/* Reads the account a login names; NULL without error when none does. */
static ZcAccount *
find_account (ZcContext   *ctx,
              const char  *login,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, error);
  ZcAccount *account;

  if (txn == NULL)
    return NULL;

  account = zc_store_accounts_get_by_login (txn, login, &local_error);
  if (account == NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return account;
}

static gboolean
create_session (ZcContext      *ctx,
                ZcLoginResult  *result,
                const char     *new_hash,
                const char     *address,
                GError        **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autofree char *token_hash = NULL;
  g_autoptr(GError) unit_error = NULL;
  gint64 now = zc_context_now (ctx);
  ZcAuditEntry entry = { .actor = result->account->id, .action = "session.create", .address = address };
  ZcSession session = {
    .id = g_uuid_string_random (),
    .account_id = result->account->id,
    .created_at = now,
    .last_seen_at = now,
    .expires_at = now + ctx->options->session_max_seconds * G_USEC_PER_SEC,
  };
  gboolean ok;

  result->token = new_token ();
  result->expires_at = session.expires_at;
  token_hash = zc_session_token_hash (result->token);

  txn = zc_store_begin_write (ctx->store, error);
  ok = txn != NULL &&
       zc_store_sessions_delete_expired (txn, now, ctx->options->session_idle_seconds * G_USEC_PER_SEC, error) &&
       (new_hash == NULL ||
        zc_store_accounts_set_password (txn, result->account->id, new_hash,
                                        result->account->must_change_password, now, error)) &&
       zc_store_sessions_insert (txn, &session, token_hash, address, error) &&
       zc_store_audit_append (txn, now, &entry, error);

  if (ok && result->account->unit_id != NULL)
    {
      result->unit = zc_store_units_get (txn, result->account->unit_id, &unit_error);
      if (result->unit == NULL)
        g_warning ("Account %s names a unit that cannot be read: %s", result->account->id, unit_error->message);
    }

  ok = ok && zc_store_txn_commit (txn, error);
  g_free (session.id);

  return ok;
}

/**
 * zc_session_service_login:
 * @login: an ID number or a mobile number
 * @address: (nullable): the client's address, for the per-address limit
 *
 * Checks the limits before the (deliberately slow) hash: a locked-out
 * account or address gets 429 with Retry-After without costing a hash.
 * An unknown login costs the same hash as a known one and gets the
 * same answer as a wrong password.
 */
ZcLoginResult *
zc_session_service_login (ZcContext   *ctx,
                          const char  *login,
                          const char  *password,
                          const char  *address,
                          ZcLanguage   language,
                          GError     **error)
{
  g_autoptr(ZcLoginResult) result = g_new0 (ZcLoginResult, 1);
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  g_autofree char *new_hash = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 now = zc_context_now (ctx);
  gint64 retry_after = 0;
  gboolean matches = FALSE;
  gboolean needs_rehash = FALSE;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (login != NULL && password != NULL, NULL);

  normalized = zc_id_number_normalize (login);
  if (*normalized == '\0' || strlen (normalized) > MAX_LOGIN_LENGTH)
    {
      zc_api_set_invalid_field (error, "login",
                                zc_translate (language, N_("Enter your ID number or mobile number.")));
      return NULL;
    }
  if (*password == '\0' || strlen (password) > 4 * ZC_PASSWORD_MAX_LENGTH)
    {
      zc_api_set_invalid_field (error, "password", zc_translate (language, N_("Enter your password.")));
      return NULL;
    }

  if (address != NULL && !zc_rate_limiter_check (ctx->login_addresses, address, now, &retry_after))
    {
      set_too_many (error, retry_after, language);
      return NULL;
    }

  result->account = find_account (ctx, normalized, &local_error);
  if (local_error != NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  key = result->account != NULL ? g_strconcat ("account:", result->account->id, NULL)
                                : g_strconcat ("login:", normalized, NULL);
  if (!zc_rate_limiter_check (ctx->login_accounts, key, now, &retry_after))
    {
      set_too_many (error, retry_after, language);
      return NULL;
    }

  if (!zc_password_hasher_verify (ctx->hasher, result->account != NULL ? result->account->password_hash : NULL,
                                  password, &matches, &needs_rehash, language, error))
    return NULL;

  if (!matches)
    {
      now = zc_context_now (ctx);
      zc_rate_limiter_fail (ctx->login_accounts, key, now);
      if (address != NULL)
        zc_rate_limiter_fail (ctx->login_addresses, address, now);
      audit (ctx, result->account != NULL ? result->account->id : NULL, "session.fail", address);
      zc_api_set_error (error, ZC_API_ERROR_UNAUTHENTICATED, "invalid_credentials", NULL,
                        zc_translate (language, N_("The ID number, mobile number or password is wrong.")));
      return NULL;
    }

  zc_rate_limiter_reset (ctx->login_accounts, key);

  /* hashes made with older costs are replaced while the password is at hand */
  if (needs_rehash)
    {
      new_hash = zc_password_hasher_hash (ctx->hasher, password, language, NULL);
      if (new_hash != NULL)
        {
          g_free (result->account->password_hash);
          result->account->password_hash = g_strdup (new_hash);
        }
    }

  if (!create_session (ctx, result, new_hash, address, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&result);
}

static void
set_unauthenticated (GError     **error,
                     ZcLanguage   language)
{
  zc_api_set_error (error, ZC_API_ERROR_UNAUTHENTICATED, "unauthenticated", NULL,
                    zc_translate (language, N_("Please log in. Your session has ended or is not valid.")));
}

/**
 * zc_session_service_authenticate:
 *
 * Returns: (transfer full): who holds @token, or NULL with a 401
 *   `unauthenticated` error when it is unknown, revoked or expired
 */
ZcCaller *
zc_session_service_authenticate (ZcContext   *ctx,
                                 const char  *token,
                                 ZcLanguage   language,
                                 GError     **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcSession) session = NULL;
  g_autoptr(ZcAccount) account = NULL;
  g_autofree char *token_hash = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 now = zc_context_now (ctx);
  gint64 idle = ctx->options->session_idle_seconds * G_USEC_PER_SEC;
  ZcCaller *caller;

  g_return_val_if_fail (ctx != NULL, NULL);

  if (!zc_session_token_is_well_formed (token))
    {
      set_unauthenticated (error, language);
      return NULL;
    }

  token_hash = zc_session_token_hash (token);
  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn != NULL)
    session = zc_store_sessions_get_by_token_hash (txn, token_hash, &local_error);
  if (session != NULL)
    account = zc_store_accounts_get (txn, session->account_id, &local_error);
  g_clear_pointer (&txn, zc_store_txn_free);

  if (account == NULL)
    {
      if (g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        set_unauthenticated (error, language);
      else
        zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  if (now >= session->expires_at || now - session->last_seen_at >= idle)
    {
      set_unauthenticated (error, language);
      return NULL;
    }

  /* remember the activity, but not with a disk write on every request */
  if (now - session->last_seen_at >= MIN (TOUCH_INTERVAL, idle / 4))
    {
      txn = zc_store_begin_write (ctx->store, &local_error);
      if (txn == NULL ||
          !zc_store_sessions_touch (txn, session->id, now, &local_error) ||
          !zc_store_txn_commit (txn, &local_error))
        {
          zc_api_error_from_other (error, local_error, language);
          return NULL;
        }
    }

  caller = g_new0 (ZcCaller, 1);
  caller->account_id = g_strdup (account->id);
  caller->session_id = g_strdup (session->id);
  caller->name = g_strdup (account->name);
  caller->role = account->role;
  caller->unit_id = g_strdup (account->unit_id);
  caller->must_change_password = account->must_change_password;

  return caller;
}

gboolean
zc_session_service_logout (ZcContext       *ctx,
                           const ZcCaller  *caller,
                           const char      *address,
                           GError         **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  ZcAuditEntry entry = { .actor = caller->account_id, .action = "session.delete", .address = address };

  g_return_val_if_fail (ctx != NULL, FALSE);
  g_return_val_if_fail (caller != NULL, FALSE);

  txn = zc_store_begin_write (ctx->store, error);
  return txn != NULL &&
         zc_store_sessions_delete (txn, caller->session_id, error) &&
         zc_store_audit_append (txn, zc_context_now (ctx), &entry, error) &&
         zc_store_txn_commit (txn, error);
}
