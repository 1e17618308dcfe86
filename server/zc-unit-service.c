/* zc-unit-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-unit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-account-checks.h"
#include "zc-api-error.h"
#include "zc-credit-code.h"
#include "zc-json.h"
#include "zc-store-audit.h"
#include "zc-unit-service.h"

#define UNIT_NAME_MIN_CHARS 2
#define UNIT_NAME_MAX_CHARS 100
#define MAX_INPUT_BYTES     512

static gboolean
validate_name (const char  *name,
               char       **normalized,
               ZcLanguage   language,
               GError     **error)
{
  g_autofree char *text = NULL;
  glong length = 0;

  if (strlen (name) <= MAX_INPUT_BYTES && g_utf8_validate (name, -1, NULL))
    {
      text = zc_text_normalize (name);
      length = g_utf8_strlen (text, -1);
    }

  if (length < UNIT_NAME_MIN_CHARS || length > UNIT_NAME_MAX_CHARS)
    {
      g_autofree char *message = zc_translate_printf (language, N_("Enter a unit name of %d to %d characters."),
                                                      UNIT_NAME_MIN_CHARS, UNIT_NAME_MAX_CHARS);

      zc_api_set_invalid_field (error, "name", message);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          zc_api_set_invalid_field (error, "name",
                                    zc_translate (language, N_("The unit name contains invalid characters.")));
          return FALSE;
        }
    }

  *normalized = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
validate_region_code (const char  *region_code,
                      ZcLanguage   language,
                      GError     **error)
{
  gboolean ok = strlen (region_code) == 6 && strcmp (region_code, "000000") != 0;

  for (const char *p = region_code; ok && *p != '\0'; p++)
    ok = g_ascii_isdigit (*p);

  if (!ok)
    zc_api_set_invalid_field (error, "region_code",
                              zc_translate (language, N_("A region code has 6 digits, such as 410100.")));

  return ok;
}

/**
 * zc_unit_service_create:
 *
 * The credit code is checked by GB 32100 after trimming and
 * capitalising; it is unique among units.  A competent department,
 * when named, must be a unit of kind "department".
 */
ZcUnit *
zc_unit_service_create (ZcContext         *ctx,
                        const ZcUnitSpec  *spec,
                        const ZcActor     *actor,
                        ZcLanguage         language,
                        GError           **error)
{
  g_autoptr(ZcUnit) unit = zc_unit_new ();
  g_autoptr(ZcUnit) department = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) local_error = NULL;
  ZcAuditEntry entry = { .actor = actor->account_id, .action = "unit.create", .address = actor->address };

  g_return_val_if_fail (ctx != NULL && spec != NULL, NULL);

  if (!validate_name (spec->name, &unit->name, language, error))
    return NULL;

  unit->credit_code = g_ascii_strup (spec->credit_code, MIN (strlen (spec->credit_code), MAX_INPUT_BYTES));
  g_strstrip (unit->credit_code);
  if (!zc_credit_code_validate (unit->credit_code, language, &local_error))
    {
      zc_api_set_invalid_field (error, "credit_code", local_error->message);
      return NULL;
    }

  if (!validate_region_code (spec->region_code, language, error))
    return NULL;

  unit->id = g_uuid_string_random ();
  unit->region_code = g_strdup (spec->region_code);
  unit->kind = spec->kind;
  unit->department_id = g_strdup (spec->department_id);
  unit->created_at = zc_context_now (ctx);
  entry.object = unit->id;
  entry.detail = unit->name;

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  if (spec->department_id != NULL)
    {
      if (zc_json_is_uuid (spec->department_id))
        department = zc_store_units_get (txn, spec->department_id, &local_error);
      if (department == NULL && local_error != NULL &&
          !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        {
          zc_api_error_from_other (error, local_error, language);
          return NULL;
        }
      if (department == NULL || department->kind != ZC_UNIT_KIND_DEPARTMENT)
        {
          zc_api_set_invalid_field (error, "department_id",
                                    zc_translate (language, N_("The competent department must be a unit of kind “department”.")));
          return NULL;
        }
      g_clear_error (&local_error);
    }

  if (!zc_store_units_insert (txn, unit, &local_error) ||
      !zc_store_audit_append (txn, unit->created_at, &entry, &local_error) ||
      !zc_store_txn_commit (txn, &local_error))
    {
      if (g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_CONSTRAINT))
        zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "unit_exists", "credit_code",
                          zc_translate (language, N_("A unit with this unified social credit code already exists.")));
      else
        zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&unit);
}

ZcUnit *
zc_unit_service_get (ZcContext   *ctx,
                     const char  *id,
                     ZcLanguage   language,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  ZcUnit *unit = NULL;

  if (txn != NULL)
    unit = zc_store_units_get (txn, id, &local_error);
  if (unit == NULL)
    {
      if (g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        zc_api_set_not_found (error, language);
      else
        zc_api_error_from_other (error, local_error, language);
    }

  return unit;
}

/**
 * zc_unit_service_search:
 *
 * Returns: (transfer full) (element-type ZcUnit): the units
 */
GPtrArray *
zc_unit_service_search (ZcContext          *ctx,
                        const ZcUnitQuery  *query,
                        ZcLanguage          language,
                        GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = zc_store_begin_read (ctx->store, &local_error);
  GPtrArray *units = NULL;

  if (txn != NULL)
    units = zc_store_units_search (txn, query, &local_error);
  if (units == NULL)
    zc_api_error_from_other (error, local_error, language);

  return units;
}
