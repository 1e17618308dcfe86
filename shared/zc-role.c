/* zc-role.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-role"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-role.h"

static const struct {
  const char *id;
  const char *label;
} roles[ZC_N_ROLES] = {
  [ZC_ROLE_APPLICANT]          = { "applicant",          N_("Applicant") },
  [ZC_ROLE_UNIT_OFFICER]       = { "unit_officer",       N_("Unit officer") },
  [ZC_ROLE_DEPARTMENT_OFFICER] = { "department_officer", N_("Competent department officer") },
  [ZC_ROLE_COMMITTEE_OFFICER]  = { "committee_officer",  N_("Review committee officer") },
  [ZC_ROLE_ISSUER]             = { "issuer",             N_("Certificate issuer") },
  [ZC_ROLE_ADMIN]              = { "admin",              N_("Administrator") },
};

const char *
zc_role_to_string (ZcRole role)
{
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, NULL);

  return roles[role].id;
}

gboolean
zc_role_from_string (const char *string,
                     ZcRole     *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < ZC_N_ROLES; i++)
    {
      if (strcmp (roles[i].id, string) == 0)
        {
          *role = (ZcRole) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
zc_role_get_label (ZcRole     role,
                   ZcLanguage language)
{
  g_return_val_if_fail ((guint) role < ZC_N_ROLES, NULL);

  return zc_translate (language, roles[role].label);
}
