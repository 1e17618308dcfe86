/* zc-account-rules.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* The rules for a person's name and a password, the same in the client
 * (checks as the user types) and the server (the authority). */

#define ZC_ACCOUNT_NAME_MIN_CHARS     2
#define ZC_ACCOUNT_NAME_MAX_CHARS     30
#define ZC_ACCOUNT_PASSWORD_MIN_CHARS 8
#define ZC_ACCOUNT_PASSWORD_MAX_CHARS 128

#define ZC_ACCOUNT_RULES_ERROR (zc_account_rules_error_quark ())

typedef enum
{
  ZC_ACCOUNT_RULES_ERROR_NAME_LENGTH,
  ZC_ACCOUNT_RULES_ERROR_NAME_DIGIT,
  ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS,
  ZC_ACCOUNT_RULES_ERROR_PASSWORD_LENGTH,
  ZC_ACCOUNT_RULES_ERROR_PASSWORD_CHARACTERS,
  ZC_ACCOUNT_RULES_ERROR_PASSWORD_WEAK,
  ZC_ACCOUNT_RULES_ERROR_PASSWORD_COMMON,
  ZC_ACCOUNT_RULES_ERROR_PASSWORD_PERSONAL,
} ZcAccountRulesError;

GQuark   zc_account_rules_error_quark    (void);

char    *zc_text_normalize               (const char  *text);
gboolean zc_account_rules_check_name     (const char  *name,
                                          char       **normalized,
                                          ZcLanguage   language,
                                          GError     **error);
gboolean zc_account_rules_check_password (const char  *password,
                                          const char  *id_number,
                                          const char  *mobile,
                                          ZcLanguage   language,
                                          GError     **error);

G_END_DECLS
