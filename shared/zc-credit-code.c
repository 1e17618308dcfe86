/* zc-credit-code.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-credit-code"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-credit-code.h"

G_DEFINE_QUARK (zc-credit-code-error-quark, zc_credit_code_error)

#define CREDIT_CODE_LENGTH 18

/* GB 32100-2015: the 31 characters a code may use, in the order of
 * their values 0..30 (no I, O, S, V, Z: they look like 1, 0, 5, U, 2). */
static const char code_characters[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const int check_weights[CREDIT_CODE_LENGTH - 1] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

/* Position 1, the registration authority, and the organisation types
 * (position 2) each may register, from the standard's table as the
 * national code centre maintains it. */
static const struct {
  char authority;
  const char *types;
} registrations[] = {
  { '1', "1239" },  /* institutional staffing: organs, public institutions, mass organisations, other */
  { '2', "19" },    /* foreign affairs: resident foreign news agencies, other */
  { '3', "123459" },/* justice: law firms, notaries, legal services, forensic, arbitration, other */
  { '4', "19" },    /* culture: foreign cultural centres, other */
  { '5', "1239" },  /* civil affairs: social organisations, private non-enterprise units, foundations, other */
  { '6', "129" },   /* tourism: foreign and Hong Kong/Macao/Taiwan tourism offices, other */
  { '7', "129" },   /* religion: venues, colleges, other */
  { '8', "19" },    /* trade unions: grassroots unions, other */
  { '9', "1239" },  /* market regulation: enterprises, individual businesses, farmer cooperatives, other */
  { 'A', "19" },    /* Central Military Commission staffing: military public institutions, other */
  { 'N', "1239" },  /* agriculture: group, village and township collective economic organisations, other */
  { 'Y', "1" },     /* other authorities */
};

static int
character_value (char c)
{
  const char *found;

  if (c == '\0')
    return -1;

  found = strchr (code_characters, c);
  return found != NULL ? (int) (found - code_characters) : -1;
}

static void
set_error (GError     **error,
           int          code,
           const char  *message)
{
  g_set_error_literal (error, ZC_CREDIT_CODE_ERROR, code, message);
}

static gboolean
check_characters_allowed (const char  *code,
                          ZcLanguage   language,
                          GError     **error)
{
  gboolean has_space = FALSE;
  gboolean has_lower = FALSE;
  gboolean has_unused_letter = FALSE;
  gboolean has_full_width = FALSE;
  gboolean has_other = FALSE;

  if (!g_utf8_validate (code, -1, NULL))
    has_other = TRUE;
  else
    {
      for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c < 0x80 && character_value ((char) c) >= 0)
            continue;
          else if (g_unichar_isspace (c))
            has_space = TRUE;
          else if (g_ascii_islower (c))
            has_lower = TRUE;
          else if (c == 'I' || c == 'O' || c == 'S' || c == 'V' || c == 'Z')
            has_unused_letter = TRUE;
          else if (c >= 0xFF10 && c <= 0xFF5A)  /* full-width digits and Latin letters */
            has_full_width = TRUE;
          else
            has_other = TRUE;
        }
    }

  if (has_space)
    set_error (error, ZC_CREDIT_CODE_ERROR_CHARACTERS,
               zc_translate (language, N_("The unified social credit code must not contain spaces")));
  else if (has_full_width)
    set_error (error, ZC_CREDIT_CODE_ERROR_CHARACTERS,
               zc_translate (language, N_("Type the unified social credit code with half-width characters, not full-width ones")));
  else if (has_other)
    set_error (error, ZC_CREDIT_CODE_ERROR_CHARACTERS,
               zc_translate (language, N_("The unified social credit code may contain only digits and capital letters")));
  else if (has_lower)
    set_error (error, ZC_CREDIT_CODE_ERROR_CHARACTERS,
               zc_translate (language, N_("Write the letters of the unified social credit code as capitals")));
  else if (has_unused_letter)
    set_error (error, ZC_CREDIT_CODE_ERROR_CHARACTERS,
               zc_translate (language, N_("A unified social credit code never contains the letters I, O, S, V or Z: "
                                          "check for the digits 1, 0, 5 or 2 or the letter U")));

  return !has_space && !has_full_width && !has_other && !has_lower && !has_unused_letter;
}

static gboolean
check_registration (const char  *code,
                    ZcLanguage   language,
                    GError     **error)
{
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (registrations); i++)
    {
      if (registrations[i].authority != code[0])
        continue;

      if (strchr (registrations[i].types, code[1]) != NULL)
        return TRUE;

      /* Translators: both %c are single characters, e.g. "9" and "5" */
      message = zc_translate_printf (language,
                                     N_("The second character, %c, is not an organisation type of registration authority %c"),
                                     code[1], code[0]);
      set_error (error, ZC_CREDIT_CODE_ERROR_REGISTRATION, message);
      return FALSE;
    }

  /* Translators: %c is a single character, e.g. "X" */
  message = zc_translate_printf (language,
                                 N_("The first character, %c, is not a registration authority code"),
                                 code[0]);
  set_error (error, ZC_CREDIT_CODE_ERROR_REGISTRATION, message);
  return FALSE;
}

/**
 * zc_credit_code_validate:
 * @code: a unified social credit code (统一社会信用代码)
 * @language: the language of the error message
 * @error: return location for a #ZC_CREDIT_CODE_ERROR
 *
 * Checks @code against GB 32100-2015: the character set, the
 * registration authority and organisation type, the 6-digit region code
 * and the check character.  The code is judged as given: a caller
 * that wants to forgive spaces or lower case trims and capitalises first.
 *
 * Returns: %TRUE when @code is valid
 */
gboolean
zc_credit_code_validate (const char  *code,
                         ZcLanguage   language,
                         GError     **error)
{
  gsize length;
  int sum = 0;
  int check;

  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*code == '\0')
    {
      set_error (error, ZC_CREDIT_CODE_ERROR_LENGTH,
                 zc_translate (language, N_("Enter the unified social credit code")));
      return FALSE;
    }

  if (!check_characters_allowed (code, language, error))
    return FALSE;

  /* Only ASCII is left, so bytes are characters. */
  length = strlen (code);
  if (length != CREDIT_CODE_LENGTH)
    {
      g_autofree char *message = NULL;

      message = zc_translate_printf (language,
                                     N_("The unified social credit code has %u characters; it must have 18"),
                                     (guint) length);
      set_error (error, ZC_CREDIT_CODE_ERROR_LENGTH, message);
      return FALSE;
    }

  if (!check_registration (code, language, error))
    return FALSE;

  for (guint i = 2; i < 8; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        {
          set_error (error, ZC_CREDIT_CODE_ERROR_CHARACTERS,
                     zc_translate (language, N_("Characters 3 to 8 of the unified social credit code are the region code "
                                                "and must be digits")));
          return FALSE;
        }
    }

  for (guint i = 0; i < CREDIT_CODE_LENGTH - 1; i++)
    sum += character_value (code[i]) * check_weights[i];
  check = (31 - sum % 31) % 31;

  if (code[CREDIT_CODE_LENGTH - 1] != code_characters[check])
    {
      /* Translators: %c is a digit or a capital letter */
      g_autofree char *message = zc_translate_printf (language,
                                                      N_("The check character is wrong: the last character should be %c"),
                                                      code_characters[check]);

      set_error (error, ZC_CREDIT_CODE_ERROR_CHECK_CODE, message);
      return FALSE;
    }

  return TRUE;
}
