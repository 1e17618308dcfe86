/* zc-credit-code.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_CREDIT_CODE_ERROR (zc_credit_code_error_quark ())

typedef enum
{
  ZC_CREDIT_CODE_ERROR_LENGTH,
  ZC_CREDIT_CODE_ERROR_CHARACTERS,
  ZC_CREDIT_CODE_ERROR_REGISTRATION,
  ZC_CREDIT_CODE_ERROR_CHECK_CODE,
} ZcCreditCodeError;

GQuark   zc_credit_code_error_quark (void);

gboolean zc_credit_code_validate    (const char  *code,
                                     ZcLanguage   language,
                                     GError     **error);

G_END_DECLS
