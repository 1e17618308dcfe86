/* zc-account-rules.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-account-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-account-rules.h"

/* One copy of the name and password rules and their messages, so the
 * client never accepts what the server refuses (or the other way). */

#define MAX_INPUT_BYTES 256

G_DEFINE_QUARK (zc-account-rules-error-quark, zc_account_rules_error)

/**
 * zc_text_normalize:
 * @text: valid UTF-8
 *
 * Returns: (transfer full): @text in NFC without white space (also
 *   ideographic) at either end: what names are stored as
 */
char *
zc_text_normalize (const char *text)
{
  g_autofree char *nfc = NULL;
  const char *start;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return g_strdup ("");
  start = nfc;
  end = nfc + strlen (nfc);
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

static gboolean
is_name_character (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN ||
         (g_unichar_isalpha (c) && !g_unichar_isdigit (c)) ||
         c == 0x00B7 /* · in names of many ethnic groups */ ||
         c == ' ';
}

static gboolean
set_bad_name_characters (ZcLanguage   language,
                         GError     **error)
{
  g_set_error_literal (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS,
                       zc_translate (language, N_("A name has only Chinese characters or letters, "
                                                  "with single spaces or dots (·) between them.")));
  return FALSE;
}

/**
 * zc_account_rules_check_name:
 * @normalized: (out) (optional) (transfer full): the name, trimmed and
 *   in NFC, when it is valid
 *
 * 2 to 30 characters: Chinese characters or letters, with single
 * spaces or middle dots between them; no digits.
 */
gboolean
zc_account_rules_check_name (const char  *name,
                             char       **normalized,
                             ZcLanguage   language,
                             GError     **error)
{
  g_autofree char *text = NULL;
  gunichar previous = 0;
  glong length;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (name) > MAX_INPUT_BYTES || !g_utf8_validate (name, -1, NULL))
    goto invalid_length;

  text = zc_text_normalize (name);
  length = g_utf8_strlen (text, -1);
  if (length < ZC_ACCOUNT_NAME_MIN_CHARS || length > ZC_ACCOUNT_NAME_MAX_CHARS)
    goto invalid_length;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          g_set_error_literal (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_NAME_DIGIT,
                               zc_translate (language, N_("A name has no digits.")));
          return FALSE;
        }
      if (!is_name_character (c) ||
          ((c == ' ' || c == 0x00B7) && (previous == 0 || previous == ' ' || previous == 0x00B7)))
        return set_bad_name_characters (language, error);
      previous = c;
    }
  if (previous == 0x00B7)
    return set_bad_name_characters (language, error);

  if (normalized != NULL)
    *normalized = g_steal_pointer (&text);
  return TRUE;

invalid_length:
  {
    g_autofree char *message = zc_translate_printf (language, N_("Enter a name of %d to %d characters."),
                                                    ZC_ACCOUNT_NAME_MIN_CHARS, ZC_ACCOUNT_NAME_MAX_CHARS);

    g_set_error_literal (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_NAME_LENGTH, message);
    return FALSE;
  }
}

/* Passwords that are long enough and mix letters and digits, and are
 * still the first ones an attacker tries. */
static const char * const common_passwords[] = {
  "password1", "password123", "passw0rd", "abc12345", "abcd1234", "abc123456", "a1234567",
  "a12345678", "a123456789", "aa123456", "qq123456", "qwer1234", "qwerty123", "1qaz2wsx",
  "1q2w3e4r", "q1w2e3r4", "asdf1234", "zxcv1234", "admin123", "admin1234", "woaini1314",
  "iloveyou1", "123456abc", "12345678a", "123456789a", "zhicheng1", "zhicheng123",
};

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = NULL;

  if (!g_utf8_validate (needle, -1, NULL))
    return FALSE;
  n = g_utf8_casefold (needle, -1);
  return *n != '\0' && strstr (h, n) != NULL;
}

static gboolean
set_bad_password_characters (ZcLanguage   language,
                             GError     **error)
{
  g_set_error_literal (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_PASSWORD_CHARACTERS,
                       zc_translate (language, N_("The password contains invalid characters.")));
  return FALSE;
}

/**
 * zc_account_rules_check_password:
 * @id_number: (nullable): the account's ID number, when known
 * @mobile: (nullable): the account's mobile number, when known
 *
 * 8 to 128 characters with at least one letter and one digit, not a
 * common password, and not containing the ID number's last eight
 * characters (Henan's old initial password) or the mobile number.
 */
gboolean
zc_account_rules_check_password (const char  *password,
                                 const char  *id_number,
                                 const char  *mobile,
                                 ZcLanguage   language,
                                 GError     **error)
{
  g_autofree char *folded = NULL;
  gboolean letter = FALSE;
  gboolean digit = FALSE;
  glong length;

  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (password, -1, NULL))
    return set_bad_password_characters (language, error);

  length = g_utf8_strlen (password, -1);
  if (length < ZC_ACCOUNT_PASSWORD_MIN_CHARS || length > ZC_ACCOUNT_PASSWORD_MAX_CHARS)
    {
      g_autofree char *message = zc_translate_printf (language, N_("A password has %d to %d characters."),
                                                      ZC_ACCOUNT_PASSWORD_MIN_CHARS,
                                                      ZC_ACCOUNT_PASSWORD_MAX_CHARS);

      g_set_error_literal (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_PASSWORD_LENGTH, message);
      return FALSE;
    }

  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        return set_bad_password_characters (language, error);
      if (g_unichar_isdigit (c))
        digit = TRUE;
      else if (g_unichar_isalpha (c))
        letter = TRUE;
    }
  if (!letter || !digit)
    {
      g_set_error_literal (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_PASSWORD_WEAK,
                           zc_translate (language, N_("A password needs both letters and digits.")));
      return FALSE;
    }

  folded = g_utf8_casefold (password, -1);
  for (guint i = 0; i < G_N_ELEMENTS (common_passwords); i++)
    if (g_str_equal (folded, common_passwords[i]))
      {
        g_set_error_literal (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_PASSWORD_COMMON,
                             zc_translate (language, N_("This password is too common. Choose another.")));
        return FALSE;
      }

  if ((id_number != NULL && strlen (id_number) >= 8 &&
       contains_folded (password, id_number + strlen (id_number) - 8)) ||
      (mobile != NULL && contains_folded (password, mobile)))
    {
      g_set_error_literal (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_PASSWORD_PERSONAL,
                           zc_translate (language,
                                         N_("The password must not contain your ID number or mobile number.")));
      return FALSE;
    }

  return TRUE;
}
