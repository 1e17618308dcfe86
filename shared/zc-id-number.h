/* zc-id-number.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_ID_NUMBER_ERROR (zc_id_number_error_quark ())

typedef enum
{
  ZC_ID_NUMBER_ERROR_LENGTH,
  ZC_ID_NUMBER_ERROR_CHARACTERS,
  ZC_ID_NUMBER_ERROR_REGION,
  ZC_ID_NUMBER_ERROR_BIRTH_DATE,
  ZC_ID_NUMBER_ERROR_FUTURE_BIRTH_DATE,
  ZC_ID_NUMBER_ERROR_CHECK_DIGIT,
} ZcIdNumberError;

typedef enum
{
  ZC_GENDER_MALE,
  ZC_GENDER_FEMALE,
} ZcGender;

GQuark      zc_id_number_error_quark (void);

gboolean    zc_id_number_validate    (const char  *id_number,
                                      GDate       *today,
                                      GDate       *birth_date_out,
                                      ZcGender    *gender_out,
                                      ZcLanguage   language,
                                      GError     **error);
char       *zc_id_number_normalize   (const char  *id_number);
const char *zc_gender_to_string      (ZcGender     gender);

G_END_DECLS
