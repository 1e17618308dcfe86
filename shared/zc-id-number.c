/* zc-id-number.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-id-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-date.h"
#include "zc-id-number.h"

G_DEFINE_QUARK (zc-id-number-error-quark, zc_id_number_error)

#define ID_NUMBER_LENGTH     18
#define OLD_ID_NUMBER_LENGTH 15
#define MIN_BIRTH_YEAR       1900

/* The province-level divisions of GB/T 2260 that head a resident ID
 * number, plus the codes the residence permits of Hong Kong, Macao and
 * Taiwan residents use (GB/T 2260 has none for them). */
static const char * const province_codes[] = {
  "11", "12", "13", "14", "15",             /* Beijing, Tianjin, Hebei, Shanxi, Inner Mongolia */
  "21", "22", "23",                         /* Liaoning, Jilin, Heilongjiang */
  "31", "32", "33", "34", "35", "36", "37", /* Shanghai, Jiangsu, Zhejiang, Anhui, Fujian, Jiangxi, Shandong */
  "41", "42", "43", "44", "45", "46",       /* Henan, Hubei, Hunan, Guangdong, Guangxi, Hainan */
  "50", "51", "52", "53", "54",             /* Chongqing, Sichuan, Guizhou, Yunnan, Tibet */
  "61", "62", "63", "64", "65",             /* Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang */
  "71",                                     /* Taiwan */
  "81", "82", "83",                         /* residence permits: Hong Kong, Macao, Taiwan residents */
};

/* ISO 7064 MOD 11-2 as GB 11643-1999 gives it: the weights are
 * 2^(18-i) mod 11, and the remainder maps to the check character. */
static const int check_weights[ID_NUMBER_LENGTH - 1] = {
  7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
};
static const char check_characters[11] = {
  '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2',
};

static void
set_error (GError     **error,
           int          code,
           const char  *message)
{
  g_set_error_literal (error, ZC_ID_NUMBER_ERROR, code, message);
}

/* Full-width digits and X come from Chinese input methods left in
 * full-width mode; say so instead of a vague "bad character". */
static gboolean
is_full_width_id_character (gunichar c)
{
  return (c >= 0xFF10 && c <= 0xFF19) || c == 0xFF38 || c == 0xFF58;
}

static gboolean
check_characters_allowed (const char  *id_number,
                          ZcLanguage   language,
                          GError     **error)
{
  gboolean has_space = FALSE;
  gboolean has_full_width = FALSE;
  gboolean has_other = FALSE;

  if (!g_utf8_validate (id_number, -1, NULL))
    has_other = TRUE;
  else
    {
      for (const char *p = id_number; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_ascii_isdigit (c) || c == 'X' || c == 'x')
            continue;
          else if (g_unichar_isspace (c))
            has_space = TRUE;
          else if (is_full_width_id_character (c))
            has_full_width = TRUE;
          else
            has_other = TRUE;
        }
    }

  if (has_space)
    set_error (error, ZC_ID_NUMBER_ERROR_CHARACTERS,
               zc_translate (language, N_("The ID number must not contain spaces")));
  else if (has_full_width)
    set_error (error, ZC_ID_NUMBER_ERROR_CHARACTERS,
               zc_translate (language, N_("Type the ID number with half-width digits (0-9), not full-width ones")));
  else if (has_other)
    set_error (error, ZC_ID_NUMBER_ERROR_CHARACTERS,
               zc_translate (language, N_("The ID number may contain only digits and a final X")));

  return !has_space && !has_full_width && !has_other;
}

static gboolean
check_region (const char  *id_number,
              ZcLanguage   language,
              GError     **error)
{
  g_autofree char *message = NULL;
  char province[3] = { id_number[0], id_number[1], '\0' };

  if (strncmp (id_number, "000000", 6) == 0)
    {
      set_error (error, ZC_ID_NUMBER_ERROR_REGION,
                 zc_translate (language, N_("The first six digits (the region code) cannot all be 0")));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    {
      if (strcmp (province_codes[i], province) == 0)
        return TRUE;
    }

  /* Translators: %s is two digits, e.g. 99 */
  message = zc_translate_printf (language, N_("The first two digits, %s, are not a province code"), province);
  set_error (error, ZC_ID_NUMBER_ERROR_REGION, message);
  return FALSE;
}

static gboolean
check_birth_date (const char  *id_number,
                  GDate       *today,
                  GDate       *birth_date,
                  ZcLanguage   language,
                  GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  int year = 0;
  int month = 0;
  int day = 0;

  for (guint i = 6; i < 10; i++)
    year = year * 10 + (id_number[i] - '0');
  month = (id_number[10] - '0') * 10 + (id_number[11] - '0');
  day = (id_number[12] - '0') * 10 + (id_number[13] - '0');
  text = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      /* Translators: %s is what digits 7 to 14 say, e.g. 2023-02-29 */
      message = zc_translate_printf (language,
                                     N_("Digits 7 to 14 are the birth date, but %s is not a real date"),
                                     text);
      set_error (error, ZC_ID_NUMBER_ERROR_BIRTH_DATE, message);
      return FALSE;
    }

  if (year < MIN_BIRTH_YEAR)
    {
      /* Translators: %s is a date, e.g. 1880-01-01 */
      message = zc_translate_printf (language, N_("The birth date %s is before 1900"), text);
      set_error (error, ZC_ID_NUMBER_ERROR_BIRTH_DATE, message);
      return FALSE;
    }

  g_date_clear (birth_date, 1);
  g_date_set_dmy (birth_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  if (g_date_compare (birth_date, today) > 0)
    {
      /* Translators: %s is a date, e.g. 2031-05-01 */
      message = zc_translate_printf (language, N_("The birth date %s is after today"), text);
      set_error (error, ZC_ID_NUMBER_ERROR_FUTURE_BIRTH_DATE, message);
      return FALSE;
    }

  return TRUE;
}

static char
compute_check_character (const char *id_number)
{
  int sum = 0;

  for (guint i = 0; i < ID_NUMBER_LENGTH - 1; i++)
    sum += (id_number[i] - '0') * check_weights[i];

  return check_characters[sum % 11];
}

/**
 * zc_id_number_validate:
 * @id_number: an ID number, already normalised (see zc_id_number_normalize())
 * @today: (nullable): the day to judge the birth date by; %NULL for
 *   today in Beijing
 * @birth_date_out: (out caller-allocates) (optional): the birth date
 * @gender_out: (out) (optional): the gender
 * @language: the language of the error message
 * @error: return location for a #ZC_ID_NUMBER_ERROR
 *
 * Checks a resident ID number against GB 11643-1999.  The 15-digit
 * numbers of the first-generation cards are refused: they carry no check
 * digit and a two-digit year, and every holder has had an 18-digit
 * number since 2004.  The outputs are set only on success.
 *
 * Returns: %TRUE when @id_number is valid
 */
gboolean
zc_id_number_validate (const char  *id_number,
                       GDate       *today,
                       GDate       *birth_date_out,
                       ZcGender    *gender_out,
                       ZcLanguage   language,
                       GError     **error)
{
  GDate beijing_today;
  GDate birth_date;
  gsize length;
  char expected;

  g_return_val_if_fail (id_number != NULL, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*id_number == '\0')
    {
      set_error (error, ZC_ID_NUMBER_ERROR_LENGTH,
                 zc_translate (language, N_("Enter the ID number")));
      return FALSE;
    }

  if (!check_characters_allowed (id_number, language, error))
    return FALSE;

  /* Only ASCII is left, so bytes are characters. */
  length = strlen (id_number);
  if (length == OLD_ID_NUMBER_LENGTH && strchr (id_number, 'X') == NULL && strchr (id_number, 'x') == NULL)
    {
      set_error (error, ZC_ID_NUMBER_ERROR_LENGTH,
                 zc_translate (language, N_("This is an old 15-digit ID number, which is no longer accepted: "
                                            "enter the 18-digit number of your current resident ID card")));
      return FALSE;
    }
  if (length != ID_NUMBER_LENGTH)
    {
      g_autofree char *message = zc_translate_printf (language,
                                                      N_("The ID number has %u characters; it must have 18"),
                                                      (guint) length);

      set_error (error, ZC_ID_NUMBER_ERROR_LENGTH, message);
      return FALSE;
    }

  if (strcspn (id_number, "Xx") < ID_NUMBER_LENGTH - 1)
    {
      set_error (error, ZC_ID_NUMBER_ERROR_CHARACTERS,
                 zc_translate (language, N_("Only the last character of the ID number may be X")));
      return FALSE;
    }
  if (id_number[ID_NUMBER_LENGTH - 1] == 'x')
    {
      set_error (error, ZC_ID_NUMBER_ERROR_CHARACTERS,
                 zc_translate (language, N_("Write the last character of the ID number as a capital X")));
      return FALSE;
    }

  if (!check_region (id_number, language, error))
    return FALSE;

  if (today == NULL)
    {
      zc_date_today_in_beijing (&beijing_today);
      today = &beijing_today;
    }
  if (!check_birth_date (id_number, today, &birth_date, language, error))
    return FALSE;

  expected = compute_check_character (id_number);
  if (id_number[ID_NUMBER_LENGTH - 1] != expected)
    {
      /* Translators: %c is a digit or X */
      g_autofree char *message = zc_translate_printf (language,
                                                      N_("The check digit is wrong: the last character should be %c"),
                                                      expected);

      set_error (error, ZC_ID_NUMBER_ERROR_CHECK_DIGIT, message);
      return FALSE;
    }

  if (birth_date_out != NULL)
    *birth_date_out = birth_date;
  if (gender_out != NULL)
    *gender_out = (id_number[16] - '0') % 2 == 1 ? ZC_GENDER_MALE : ZC_GENDER_FEMALE;

  return TRUE;
}

/* The ideographic space U+3000 that Chinese input methods type. */
#define IDEOGRAPHIC_SPACE     "\xe3\x80\x80"
#define IDEOGRAPHIC_SPACE_LEN 3

/**
 * zc_id_number_normalize:
 * @id_number: what the user typed
 *
 * Removes leading and trailing spaces (ASCII and ideographic) and
 * capitalises x; everything else is left for zc_id_number_validate()
 * to judge.
 *
 * Returns: (transfer full): the normalised text
 */
char *
zc_id_number_normalize (const char *id_number)
{
  char *result;
  gboolean changed = TRUE;

  g_return_val_if_fail (id_number != NULL, NULL);

  result = g_strdup (id_number);
  while (changed)
    {
      gsize length;

      changed = FALSE;
      g_strstrip (result);
      length = strlen (result);

      if (g_str_has_prefix (result, IDEOGRAPHIC_SPACE))
        {
          memmove (result, result + IDEOGRAPHIC_SPACE_LEN, length - IDEOGRAPHIC_SPACE_LEN + 1);
          changed = TRUE;
        }
      else if (g_str_has_suffix (result, IDEOGRAPHIC_SPACE))
        {
          result[length - IDEOGRAPHIC_SPACE_LEN] = '\0';
          changed = TRUE;
        }
    }

  for (char *p = result; *p != '\0'; p++)
    {
      if (*p == 'x')
        *p = 'X';
    }

  return result;
}

const char *
zc_gender_to_string (ZcGender gender)
{
  switch (gender)
    {
    case ZC_GENDER_MALE:
      return "male";
    case ZC_GENDER_FEMALE:
      return "female";
    default:
      g_return_val_if_reached (NULL);
    }
}
