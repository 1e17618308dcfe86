/* zc-account-checks.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-account"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-account-checks.h"
#include "zc-api-error.h"
#include "zc-contact.h"
#include "zc-id-number.h"
#include "zc-json.h"

/* What an account's fields must be; the checks of shared/ (ID number,
 * mobile) with the server's rules around them.  Errors are
 * ZC_API_ERROR `invalid_value` naming the field. */

#define MAX_INPUT_BYTES 256

/**
 * zc_account_validate_name:
 * @normalized: (out) (transfer full): the name, trimmed and in NFC
 *
 * The shared rule (zc_account_rules_check_name()) as an API error.
 */
gboolean
zc_account_validate_name (const char  *name,
                          char       **normalized,
                          ZcLanguage   language,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (normalized != NULL, FALSE);

  if (!zc_account_rules_check_name (name, normalized, language, &local_error))
    {
      zc_api_set_invalid_field (error, "name", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * zc_account_validate_id_number:
 *
 * Fills id_number (normalised), gender and birth_date of @account from
 * @id_number, which must be a valid resident ID number.
 */
gboolean
zc_account_validate_id_number (const char  *id_number,
                               ZcAccount   *account,
                               ZcLanguage   language,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *normalized = NULL;
  GDate birth_date;
  ZcGender gender;
  char text[16];

  if (strlen (id_number) > MAX_INPUT_BYTES)
    {
      zc_api_set_invalid_field (error, "id_number",
                                zc_translate (language, N_("The ID number must have 18 characters.")));
      return FALSE;
    }

  normalized = zc_id_number_normalize (id_number);
  if (!zc_id_number_validate (normalized, NULL, &birth_date, &gender, language, &local_error))
    {
      zc_api_set_invalid_field (error, "id_number", local_error->message);
      return FALSE;
    }

  g_date_strftime (text, sizeof text, "%Y-%m-%d", &birth_date);
  account->id_number = g_steal_pointer (&normalized);
  account->birth_date = g_strdup (text);
  account->gender = g_strdup (zc_gender_to_string (gender));

  return TRUE;
}

gboolean
zc_account_validate_mobile (const char  *mobile,
                            ZcLanguage   language,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (strlen (mobile) > MAX_INPUT_BYTES || !zc_mobile_validate (mobile, language, &local_error))
    {
      zc_api_set_invalid_field (error, "mobile",
                                local_error != NULL ? local_error->message
                                                    : zc_translate (language, N_("A mobile number has 11 digits.")));
      return FALSE;
    }

  return TRUE;
}

/* The unit kinds each role may belong to; an admin belongs to none. */
gboolean
zc_account_role_accepts_unit (ZcRole     role,
                              ZcUnitKind kind)
{
  switch (role)
    {
    case ZC_ROLE_APPLICANT:
    case ZC_ROLE_UNIT_OFFICER:
      return kind == ZC_UNIT_KIND_EMPLOYER || kind == ZC_UNIT_KIND_HR_BUREAU;
    case ZC_ROLE_DEPARTMENT_OFFICER:
      return kind == ZC_UNIT_KIND_DEPARTMENT;
    case ZC_ROLE_COMMITTEE_OFFICER:
      return kind == ZC_UNIT_KIND_COMMITTEE;
    case ZC_ROLE_ISSUER:
      return kind == ZC_UNIT_KIND_ISSUER;
    case ZC_ROLE_ADMIN:
    default:
      return FALSE;
    }
}

/**
 * zc_account_check_role_unit:
 * @unit_id: (nullable): the unit the account is to belong to
 *
 * An applicant may have no unit, an administrator must have none, an
 * officer must have one of the kind their role works in.
 */
gboolean
zc_account_check_role_unit (ZcStoreTxn  *txn,
                            ZcRole       role,
                            const char  *unit_id,
                            ZcLanguage   language,
                            GError     **error)
{
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(GError) local_error = NULL;

  if (unit_id == NULL)
    {
      if (role == ZC_ROLE_APPLICANT || role == ZC_ROLE_ADMIN)
        return TRUE;
      zc_api_set_invalid_field (error, "unit_id",
                                zc_translate (language, N_("An officer must belong to a unit.")));
      return FALSE;
    }

  if (role == ZC_ROLE_ADMIN)
    {
      zc_api_set_invalid_field (error, "unit_id",
                                zc_translate (language, N_("An administrator belongs to no unit.")));
      return FALSE;
    }

  unit = zc_json_is_uuid (unit_id) ? zc_store_units_get (txn, unit_id, &local_error) : NULL;
  if (unit == NULL)
    {
      if (local_error != NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        zc_api_error_from_other (error, local_error, language);
      else
        zc_api_set_invalid_field (error, "unit_id", zc_translate (language, N_("There is no such unit.")));
      return FALSE;
    }

  if (!zc_account_role_accepts_unit (role, unit->kind))
    {
      zc_api_set_invalid_field (error, "unit_id",
                                zc_translate (language, N_("A person in this role cannot belong to a unit of this kind.")));
      return FALSE;
    }

  return TRUE;
}

