/* zc-binding-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-binding"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-binding-service.h"
#include "zc-json.h"
#include "zc-store-accounts.h"
#include "zc-store-audit.h"
#include "zc-store-records.h"
#include "zc-store-units.h"

#define OWN_LIST_LIMIT 50

static gboolean
validate_comment (const char  *comment,
                  const char  *field,
                  ZcLanguage   language,
                  GError     **error)
{
  if (comment == NULL)
    return TRUE;

  if (!g_utf8_validate (comment, -1, NULL) || g_utf8_strlen (comment, -1) > ZC_BINDING_COMMENT_MAX_CHARS)
    {
      g_autofree char *message = zc_translate_printf (language, N_("At most %d characters."),
                                                      ZC_BINDING_COMMENT_MAX_CHARS);

      zc_api_set_invalid_field (error, field, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
store_failed (GError      **error,
              GError       *store_error,
              ZcLanguage    language)
{
  if (g_error_matches (store_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    zc_api_set_not_found (error, language);
  else
    zc_api_error_from_other (error, store_error, language);
}

/**
 * zc_binding_service_request:
 * @freelancer: the applicant works for no unit and binds to the HR
 *   bureau of their region
 *
 * A pending request of the same applicant is withdrawn: the newest
 * one counts.  The applicant keeps their current unit until an officer
 * approves.
 */
ZcBinding *
zc_binding_service_request (ZcContext       *ctx,
                            const ZcCaller  *caller,
                            const char      *unit_id,
                            gboolean         freelancer,
                            const char      *comment,
                            const char      *address,
                            ZcLanguage       language,
                            GError         **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(ZcBinding) binding = zc_binding_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  gint64 now = zc_context_now (ctx);
  ZcAuditEntry entry = { .actor = caller->account_id, .action = "binding.request", .address = address };

  g_return_val_if_fail (ctx != NULL && caller != NULL && unit_id != NULL, NULL);

  if (!validate_comment (comment, "comment", language, error))
    return NULL;

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL)
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  unit = zc_json_is_uuid (unit_id) ? zc_store_units_get (txn, unit_id, &local_error) : NULL;
  if (unit == NULL)
    {
      if (local_error != NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        zc_api_error_from_other (error, local_error, language);
      else
        zc_api_set_invalid_field (error, "unit_id", zc_translate (language, N_("There is no such unit.")));
      return NULL;
    }

  if (freelancer && unit->kind != ZC_UNIT_KIND_HR_BUREAU)
    {
      zc_api_set_invalid_field (error, "unit_id",
                                zc_translate (language, N_("A freelancer binds to the human resources and social "
                                                           "security bureau of their region.")));
      return NULL;
    }
  if (unit->kind != ZC_UNIT_KIND_EMPLOYER && unit->kind != ZC_UNIT_KIND_HR_BUREAU)
    {
      zc_api_set_invalid_field (error, "unit_id",
                                zc_translate (language, N_("Applicants bind to an employer or a human resources "
                                                           "and social security bureau.")));
      return NULL;
    }
  if (g_strcmp0 (caller->unit_id, unit->id) == 0)
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "already_bound", "unit_id",
                        zc_translate (language, N_("You already belong to this unit.")));
      return NULL;
    }

  binding->id = g_uuid_string_random ();
  binding->account_id = g_strdup (caller->account_id);
  binding->unit_id = g_strdup (unit->id);
  binding->freelancer = freelancer;
  binding->state = ZC_BINDING_STATE_PENDING;
  binding->comment = g_strdup (comment != NULL ? comment : "");
  binding->created_at = now;
  entry.object = binding->id;
  entry.detail = unit->id;

  if (!zc_store_bindings_withdraw_pending (txn, caller->account_id, now, &local_error) ||
      !zc_store_bindings_insert (txn, binding, &local_error) ||
      !zc_store_audit_append (txn, now, &entry, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  /* read back with the names the answer shows */
  id = g_strdup (binding->id);
  g_clear_pointer (&binding, zc_binding_free);
  binding = zc_store_bindings_get (txn, id, &local_error);
  if (binding == NULL || !zc_store_txn_commit (txn, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&binding);
}

/**
 * zc_binding_service_list_own:
 *
 * Returns: (transfer full) (element-type ZcBinding): the caller's own
 *   requests, newest first
 */
GPtrArray *
zc_binding_service_list_own (ZcContext       *ctx,
                             const ZcCaller  *caller,
                             ZcLanguage       language,
                             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  GPtrArray *bindings = NULL;

  if (txn != NULL)
    bindings = zc_store_bindings_list_for_account (txn, caller->account_id, OWN_LIST_LIMIT, &local_error);
  if (bindings == NULL)
    store_failed (error, local_error, language);

  return bindings;
}

/**
 * zc_binding_service_get_pending:
 *
 * Returns: (transfer full) (nullable): the account's pending request;
 *   NULL without an error when it has none
 */
ZcBinding *
zc_binding_service_get_pending (ZcContext   *ctx,
                                const char  *account_id,
                                ZcLanguage   language,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  g_autoptr(GPtrArray) bindings = NULL;

  if (txn != NULL)
    bindings = zc_store_bindings_list_for_account (txn, account_id, 1, &local_error);
  if (bindings == NULL)
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  if (bindings->len == 0 || ((ZcBinding *) bindings->pdata[0])->state != ZC_BINDING_STATE_PENDING)
    return NULL;

  return g_ptr_array_steal_index (bindings, 0);
}

/* Only the officer of the unit itself sees its requests; anyone else
 * gets the same 404 as for a unit that does not exist. */
static gboolean
is_unit_officer_of (const ZcCaller *caller,
                    const char     *unit_id)
{
  return caller->role == ZC_ROLE_UNIT_OFFICER && caller->unit_id != NULL &&
         g_strcmp0 (caller->unit_id, unit_id) == 0;
}

/**
 * zc_binding_service_list_for_unit:
 * @state: a ZcBindingState, or -1 for all
 *
 * Returns: (transfer full) (element-type ZcBinding): oldest first
 */
GPtrArray *
zc_binding_service_list_for_unit (ZcContext       *ctx,
                                  const ZcCaller  *caller,
                                  const char      *unit_id,
                                  int              state,
                                  guint            limit,
                                  guint            offset,
                                  ZcLanguage       language,
                                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  GPtrArray *bindings = NULL;

  if (!is_unit_officer_of (caller, unit_id))
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn != NULL)
    bindings = zc_store_bindings_list_for_unit (txn, unit_id, state, limit, offset, &local_error);
  if (bindings == NULL)
    store_failed (error, local_error, language);

  return bindings;
}

/**
 * zc_binding_service_decide:
 * @comment: (nullable): required to deny, so the applicant knows why
 *
 * Exactly one of two officers deciding at once wins; the other gets
 * 409 `already_decided`, as does a request withdrawn meanwhile.
 */
ZcBinding *
zc_binding_service_decide (ZcContext       *ctx,
                           const ZcCaller  *caller,
                           const char      *binding_id,
                           gboolean         approve,
                           const char      *comment,
                           const char      *address,
                           ZcLanguage       language,
                           GError         **error)
{
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcBinding) binding = NULL;
  g_autoptr(ZcAccount) applicant = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 now = zc_context_now (ctx);
  gboolean decided = FALSE;
  ZcAuditEntry entry = { .actor = caller->account_id, .action = approve ? "binding.approve" : "binding.deny",
                         .object = binding_id, .address = address };

  g_return_val_if_fail (ctx != NULL && caller != NULL && binding_id != NULL, NULL);

  /* first whose it is: a foreign request is 404 whatever the body says */
  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn != NULL)
    binding = zc_store_bindings_get (txn, binding_id, &local_error);
  if (binding == NULL)
    {
      store_failed (error, local_error, language);
      return NULL;
    }
  if (!is_unit_officer_of (caller, binding->unit_id))
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  if (!validate_comment (comment, "comment", language, error))
    return NULL;
  if (!approve && is_blank (comment))
    {
      zc_api_set_invalid_field (error, "comment",
                                zc_translate (language, N_("Say why the request is denied.")));
      return NULL;
    }

  applicant = zc_store_accounts_get (txn, binding->account_id, &local_error);
  if (applicant == NULL)
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  if (!zc_store_bindings_decide (txn, binding_id,
                                 approve ? ZC_BINDING_STATE_APPROVED : ZC_BINDING_STATE_DENIED,
                                 comment, caller->account_id, now, &decided, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }
  if (!decided || (approve && applicant->role != ZC_ROLE_APPLICANT))
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "already_decided", NULL,
                        zc_translate (language, N_("This request has already been decided or withdrawn.")));
      return NULL;
    }

  /* the new unit's officers get the applicant's archive at their next pull */
  if ((approve && !zc_store_accounts_set_unit (txn, applicant->id, binding->unit_id, now, &local_error)) ||
      (approve && !zc_store_records_touch_archive (txn, applicant->id, &local_error)) ||
      !zc_store_audit_append (txn, now, &entry, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  g_clear_pointer (&binding, zc_binding_free);
  binding = zc_store_bindings_get (txn, binding_id, &local_error);
  if (binding == NULL || !zc_store_txn_commit (txn, &local_error))
    {
      store_failed (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&binding);
}
