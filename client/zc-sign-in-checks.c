/* zc-sign-in-checks.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-account-rules.h"
#include "zc-contact.h"
#include "zc-id-number.h"
#include "zc-sign-in-page.h"

/* The checks of the sign-in page's fields that the server makes too:
 * the shared rules (libzhicheng), so the messages are the server's. */

/**
 * zc_sign_in_check_login:
 *
 * An ID number (GB 11643) or an 11-digit mobile number.
 */
gboolean
zc_sign_in_check_login (const char  *login,
                        GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normalized = NULL;
  gboolean digits = TRUE;

  g_return_val_if_fail (login != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (login));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter your ID number or mobile number"));
      return FALSE;
    }
  for (const char *p = trimmed; *p != '\0'; p++)
    digits = digits && g_ascii_isdigit (*p);
  if (digits && strlen (trimmed) == 11)
    return zc_mobile_validate (trimmed, ZC_LANGUAGE_LOCALE, error);

  normalized = zc_id_number_normalize (trimmed);
  return zc_id_number_validate (normalized != NULL ? normalized : trimmed, NULL, NULL, NULL, ZC_LANGUAGE_LOCALE,
                                error);
}

/**
 * zc_sign_in_check_name:
 *
 * The server's rule (and message): 2 to 30 characters, Chinese
 * characters or letters with single spaces or middle dots between them,
 * no digits.
 */
gboolean
zc_sign_in_check_name (const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return zc_account_rules_check_name (name, NULL, ZC_LANGUAGE_LOCALE, error);
}

/**
 * zc_sign_in_check_password:
 * @id_number: (nullable): the account's, when known
 * @mobile: (nullable): the account's, when known
 *
 * The server's password policy (and messages).
 */
gboolean
zc_sign_in_check_password (const char  *password,
                           const char  *id_number,
                           const char  *mobile,
                           GError     **error)
{
  g_return_val_if_fail (password != NULL, FALSE);

  return zc_account_rules_check_password (password, id_number, mobile, ZC_LANGUAGE_LOCALE, error);
}
