/* zc-account-checks.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The registration rules that need the store; the rest are shared/. */
#include "zc-account-rules.h"
#include "zc-i18n.h"
#include "zc-role.h"
#include "zc-store-accounts.h"
#include "zc-store-units.h"

G_BEGIN_DECLS

gboolean zc_account_validate_name       (const char  *name,
                                         char       **normalized,
                                         ZcLanguage   language,
                                         GError     **error);
gboolean zc_account_validate_id_number  (const char  *id_number,
                                         ZcAccount   *account,
                                         ZcLanguage   language,
                                         GError     **error);
gboolean zc_account_validate_mobile     (const char  *mobile,
                                         ZcLanguage   language,
                                         GError     **error);
gboolean zc_account_role_accepts_unit   (ZcRole       role,
                                         ZcUnitKind   kind);
gboolean zc_account_check_role_unit     (ZcStoreTxn  *txn,
                                         ZcRole       role,
                                         const char  *unit_id,
                                         ZcLanguage   language,
                                         GError     **error);

G_END_DECLS
