/* zc-serial-number.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-serial-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-serial-number.h"

/* The check of the serial numbers printed in publications (ISSN, ISBN,
 * CN), used by the form validator for text fields of those formats.
 * Each gives one message the user can act on: the expected shape with
 * an example, or a check character that does not match. */

G_DEFINE_QUARK (zc-form-validator-error-quark, zc_form_validator_error)

static gboolean
set_serial_error (GError               **error,
                  ZcFormValidatorError   code,
                  ZcLanguage             language,
                  const char            *msgid)
{
  g_set_error_literal (error, ZC_FORM_VALIDATOR_ERROR, code, zc_translate (language, msgid));
  return FALSE;
}

/**
 * zc_issn_validate:
 * @issn: the text, "NNNN-NNNC"
 *
 * ISO 3297: seven digits and a MOD 11 check character (X for 10),
 * written with the hyphen as printed on journals.
 */
gboolean
zc_issn_validate (const char  *issn,
                  ZcLanguage   language,
                  GError     **error)
{
  int sum = 0;
  int check;
  char expected;

  g_return_val_if_fail (issn != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (issn) != 9 || issn[4] != '-' ||
      !(g_ascii_isdigit (issn[8]) || issn[8] == 'X'))
    goto malformed;

  for (int i = 0, weight = 8; i < 8; i++)
    {
      if (i == 4)
        continue;
      if (!g_ascii_isdigit (issn[i]))
        goto malformed;
      sum += (issn[i] - '0') * weight--;
    }

  check = (11 - sum % 11) % 11;
  expected = check == 10 ? 'X' : (char) ('0' + check);
  if (issn[8] != expected)
    return set_serial_error (error, ZC_FORM_VALIDATOR_ERROR_ISSN, language,
                             N_("The last character of the ISSN does not match the others: check for a typing mistake"));

  return TRUE;

malformed:
  return set_serial_error (error, ZC_FORM_VALIDATOR_ERROR_ISSN, language,
                           N_("Write the ISSN as four digits, a hyphen and four more characters, "
                              "for example 0317-8471"));
}

/**
 * zc_isbn_validate:
 * @isbn: the text: 13 digits (or 10 for books before 2007, the last
 *   perhaps X), optionally grouped with single hyphens
 *
 * ISO 2108: ISBN-13 starts with 978 or 979 and has a MOD 10 check
 * digit; ISBN-10 a MOD 11 one.
 */
gboolean
zc_isbn_validate (const char  *isbn,
                  ZcLanguage   language,
                  GError     **error)
{
  char digits[14];
  guint n = 0;
  int sum = 0;

  g_return_val_if_fail (isbn != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (const char *p = isbn; *p != '\0'; p++)
    {
      if (*p == '-' && p != isbn && p[1] != '\0' && p[1] != '-')
        continue;
      if (n == 13 || !(g_ascii_isdigit (*p) || (*p == 'X' && p[1] == '\0')))
        {
          n = 0;
          break;
        }
      digits[n++] = *p;
    }

  if (n == 10)
    {
      for (guint i = 0; i < 10; i++)
        sum += (digits[i] == 'X' ? 10 : digits[i] - '0') * (int) (10 - i);
      if (sum % 11 != 0)
        goto bad_check;
      return TRUE;
    }

  if (n != 13 || digits[12] == 'X')
    return set_serial_error (error, ZC_FORM_VALIDATOR_ERROR_ISBN, language,
                             N_("Write the ISBN as 13 digits (10 for books before 2007), hyphens allowed, "
                                "for example 978-7-111-54742-6"));

  if (strncmp (digits, "978", 3) != 0 && strncmp (digits, "979", 3) != 0)
    return set_serial_error (error, ZC_FORM_VALIDATOR_ERROR_ISBN, language,
                             N_("A 13-digit ISBN starts with 978 or 979"));

  for (guint i = 0; i < 13; i++)
    sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
  if (sum % 10 != 0)
    goto bad_check;

  return TRUE;

bad_check:
  return set_serial_error (error, ZC_FORM_VALIDATOR_ERROR_ISBN, language,
                           N_("The last digit of the ISBN does not match the others: check for a typing mistake"));
}

/**
 * zc_cn_serial_validate:
 * @serial: the text, such as "CN 11-1234/R" or "CN11-0065"
 *
 * China's domestic serial number (国内统一连续出版物号): "CN", an
 * optional space, the two-digit province code, a hyphen, four digits,
 * and for periodicals "/" and the library class (one or two capitals,
 * perhaps digits).  The province code must be a real one.
 */
gboolean
zc_cn_serial_validate (const char  *serial,
                       ZcLanguage   language,
                       GError     **error)
{
  static const char * const provinces[] = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", NULL,
  };
  const char *p = serial;
  char province[3];
  guint letters = 0;
  guint digits = 0;

  g_return_val_if_fail (serial != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_str_has_prefix (p, "CN"))
    goto malformed;
  p += 2;
  if (*p == ' ')
    p++;
  for (guint i = 0; i < 7; i++)
    if (i == 2 ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      goto malformed;
  memcpy (province, p, 2);
  province[2] = '\0';
  p += 7;

  if (*p == '/')
    {
      for (p++; g_ascii_isupper (*p); p++)
        letters++;
      for (; g_ascii_isdigit (*p); p++)
        digits++;
      if (letters < 1 || letters > 2 || digits > 3)
        goto malformed;
    }
  if (*p != '\0')
    goto malformed;

  if (!g_strv_contains (provinces, province))
    return set_serial_error (error, ZC_FORM_VALIDATOR_ERROR_CN_SERIAL, language,
                             N_("The two digits after CN must be a province code, such as 11 for Beijing"));

  return TRUE;

malformed:
  return set_serial_error (error, ZC_FORM_VALIDATOR_ERROR_CN_SERIAL, language,
                           N_("Write the CN serial number as CN, the province code, a hyphen, four digits "
                              "and the class, for example CN 11-1234/R"));
}
