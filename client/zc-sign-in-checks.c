/* zc-sign-in-checks.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-contact.h"
#include "zc-id-number.h"
#include "zc-sign-in-page.h"

/* The checks of the sign-in page's fields that the server makes too,
 * with the server's rules and messages: the shared validators for ID
 * and mobile numbers, and the name and password rules of the server's
 * account module (server/zc-account-rules.c, server/zc-password.c),
 * which are not in libzhicheng. */

#define NAME_MIN_CHARS      2
#define NAME_MAX_CHARS      30
#define PASSWORD_MIN_CHARS  8
#define PASSWORD_MAX_CHARS  128

/* The checks the server makes too */

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

static gboolean
is_name_character (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN ||
         (g_unichar_isalpha (c) && !g_unichar_isdigit (c)) ||
         c == 0x00B7 || c == ' ';
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
  g_autofree char *nfc = NULL;
  g_autofree char *text = NULL;
  gunichar previous = 0;
  glong length;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_utf8_validate (name, -1, NULL) || strlen (name) > 256)
    goto bad_length;
  nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  text = g_strstrip (g_strdup (nfc));
  length = g_utf8_strlen (text, -1);
  if (length < NAME_MIN_CHARS || length > NAME_MAX_CHARS)
    goto bad_length;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A name has no digits."));
          return FALSE;
        }
      if (!is_name_character (c) ||
          ((c == ' ' || c == 0x00B7) && (previous == 0 || previous == ' ' || previous == 0x00B7)))
        goto bad_characters;
      previous = c;
    }
  if (previous == 0x00B7)
    goto bad_characters;
  return TRUE;

bad_characters:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("A name has only Chinese characters or letters, "
                         "with single spaces or dots (·) between them."));
  return FALSE;

bad_length:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Enter a name of %d to %d characters."),
               NAME_MIN_CHARS, NAME_MAX_CHARS);
  return FALSE;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return *n != '\0' && strstr (h, n) != NULL;
}

/**
 * zc_sign_in_check_password:
 * @id_number: (nullable): the account's, when known
 * @mobile: (nullable): the account's, when known
 *
 * The server's password policy (and messages): 8 to 128 characters with
 * letters and digits, not a common one, not containing the ID number's
 * last eight characters or the mobile number.
 */
gboolean
zc_sign_in_check_password (const char  *password,
                           const char  *id_number,
                           const char  *mobile,
                           GError     **error)
{
  static const char * const common[] = {
    "password1", "password123", "passw0rd", "abc12345", "abcd1234", "abc123456", "a1234567",
    "a12345678", "a123456789", "aa123456", "qq123456", "qwer1234", "qwerty123", "1qaz2wsx",
    "1q2w3e4r", "q1w2e3r4", "asdf1234", "zxcv1234", "admin123", "admin1234", "woaini1314",
    "iloveyou1", "123456abc", "12345678a", "123456789a", "zhicheng1", "zhicheng123",
  };
  g_autofree char *folded = NULL;
  gboolean letter = FALSE, digit = FALSE;
  glong length;

  g_return_val_if_fail (password != NULL, FALSE);

  if (!g_utf8_validate (password, -1, NULL))
    goto bad_characters;
  length = g_utf8_strlen (password, -1);
  if (length < PASSWORD_MIN_CHARS || length > PASSWORD_MAX_CHARS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A password has %d to %d characters."),
                   PASSWORD_MIN_CHARS, PASSWORD_MAX_CHARS);
      return FALSE;
    }
  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        goto bad_characters;
      if (g_unichar_isdigit (c))
        digit = TRUE;
      else if (g_unichar_isalpha (c))
        letter = TRUE;
    }
  if (!letter || !digit)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A password needs both letters and digits."));
      return FALSE;
    }
  folded = g_utf8_casefold (password, -1);
  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (g_str_equal (folded, common[i]))
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("This password is too common. Choose another."));
        return FALSE;
      }
  if ((id_number != NULL && strlen (id_number) >= 8 &&
       contains_folded (password, id_number + strlen (id_number) - 8)) ||
      (mobile != NULL && *mobile != '\0' && contains_folded (password, mobile)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The password must not contain your ID number or mobile number."));
      return FALSE;
    }
  return TRUE;

bad_characters:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The password contains invalid characters."));
  return FALSE;
}
