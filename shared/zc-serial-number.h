/* zc-serial-number.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* The serial numbers of publications: ISSN, ISBN and China's CN serial
 * number.  The error domain keeps the name it had in zc-form-validator.h,
 * which includes this header, so callers matching it are unchanged. */

#define ZC_FORM_VALIDATOR_ERROR (zc_form_validator_error_quark ())

typedef enum
{
  ZC_FORM_VALIDATOR_ERROR_ISSN,
  ZC_FORM_VALIDATOR_ERROR_ISBN,
  ZC_FORM_VALIDATOR_ERROR_CN_SERIAL,
} ZcFormValidatorError;

GQuark        zc_form_validator_error_quark  (void);

gboolean      zc_issn_validate               (const char                *issn,
                                              ZcLanguage                 language,
                                              GError                   **error);
gboolean      zc_isbn_validate               (const char                *isbn,
                                              ZcLanguage                 language,
                                              GError                   **error);
gboolean      zc_cn_serial_validate          (const char                *serial,
                                              ZcLanguage                 language,
                                              GError                   **error);

G_END_DECLS
