/* zc-role.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* The roles of SPEC "Roles and what each may do".  The string forms are
 * what the API and the stores carry; never renumber: append. */
typedef enum
{
  ZC_ROLE_APPLICANT,
  ZC_ROLE_UNIT_OFFICER,
  ZC_ROLE_DEPARTMENT_OFFICER,
  ZC_ROLE_COMMITTEE_OFFICER,
  ZC_ROLE_ISSUER,
  ZC_ROLE_ADMIN,
} ZcRole;

#define ZC_N_ROLES (ZC_ROLE_ADMIN + 1)

const char *zc_role_to_string   (ZcRole       role);
gboolean    zc_role_from_string (const char  *string,
                                 ZcRole      *role);
const char *zc_role_get_label   (ZcRole       role,
                                 ZcLanguage   language);

G_END_DECLS
