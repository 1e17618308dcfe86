/* zc-contact.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_CONTACT_ERROR (zc_contact_error_quark ())

typedef enum
{
  ZC_CONTACT_ERROR_MOBILE,
  ZC_CONTACT_ERROR_PHONE,
  ZC_CONTACT_ERROR_EMAIL,
  ZC_CONTACT_ERROR_POSTCODE,
} ZcContactError;

GQuark   zc_contact_error_quark (void);

gboolean zc_mobile_validate     (const char  *mobile,
                                 ZcLanguage   language,
                                 GError     **error);
gboolean zc_phone_validate      (const char  *phone,
                                 ZcLanguage   language,
                                 GError     **error);
gboolean zc_email_validate      (const char  *email,
                                 ZcLanguage   language,
                                 GError     **error);
gboolean zc_postcode_validate   (const char  *postcode,
                                 ZcLanguage   language,
                                 GError     **error);

G_END_DECLS
