/* zc-contact.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-contact"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-contact.h"

G_DEFINE_QUARK (zc-contact-error-quark, zc_contact_error)

#define MOBILE_LENGTH       11
#define POSTCODE_LENGTH     6
#define EMAIL_MAX_LENGTH    254  /* RFC 5321: a path holds at most 256 octets with the brackets */
#define EMAIL_LOCAL_MAX     64
#define EMAIL_LABEL_MAX     63

typedef enum
{
  TEXT_OK,
  TEXT_SPACE,
  TEXT_FULL_WIDTH,
  TEXT_OTHER,
} TextProblem;

/* Full-width forms (U+FF01..U+FF5E) and the ideographic full stop come
 * from Chinese input methods left in full-width mode. */
static gboolean
is_full_width (gunichar c)
{
  return (c >= 0xFF01 && c <= 0xFF5E) || c == 0x3002;
}

/* The worst problem of @text when only ASCII digits and the characters
 * in @also are allowed: spaces first, since they are the commonest and
 * invisible, then full-width characters, then anything else. */
static TextProblem
classify_text (const char *text,
               const char *also)
{
  TextProblem problem = TEXT_OK;

  if (!g_utf8_validate (text, -1, NULL))
    return TEXT_OTHER;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c) || (c < 0x80 && c != '\0' && strchr (also, (int) c) != NULL))
        continue;
      else if (g_unichar_isspace (c))
        return TEXT_SPACE;
      else if (is_full_width (c))
        problem = TEXT_FULL_WIDTH;
      else if (problem == TEXT_OK)
        problem = TEXT_OTHER;
    }

  return problem;
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

static void
set_error (GError         **error,
           ZcContactError   code,
           const char      *message)
{
  g_set_error_literal (error, ZC_CONTACT_ERROR, code, message);
}

/* The mobile rules, reporting under @code so that a phone field can
 * reuse them. */
static gboolean
check_mobile (const char      *mobile,
              ZcContactError   code,
              ZcLanguage       language,
              GError         **error)
{
  gsize length;

  switch (classify_text (mobile, ""))
    {
    case TEXT_OK:
      break;
    case TEXT_SPACE:
      set_error (error, code, zc_translate (language, N_("Type the mobile number as 11 digits without spaces")));
      return FALSE;
    case TEXT_FULL_WIDTH:
      set_error (error, code, zc_translate (language, N_("Type the mobile number with half-width digits (0-9), not full-width ones")));
      return FALSE;
    case TEXT_OTHER:
    default:
      set_error (error, code, zc_translate (language, N_("A mobile number contains only digits, without +86 or hyphens")));
      return FALSE;
    }

  length = strlen (mobile);
  if (length != MOBILE_LENGTH)
    {
      g_autofree char *message = zc_translate_printf (language,
                                                      N_("A mobile number has 11 digits; this one has %u"),
                                                      (guint) length);

      set_error (error, code, message);
      return FALSE;
    }

  if (mobile[0] != '1' || mobile[1] < '3')
    {
      set_error (error, code, zc_translate (language, N_("A mainland mobile number starts with 13 to 19")));
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_mobile_validate:
 * @mobile: a mainland mobile number
 * @language: the language of the error message
 * @error: return location for a %ZC_CONTACT_ERROR_MOBILE error
 *
 * 11 digits starting with 13 to 19, nothing else: the number receives
 * the verification text message, so it is stored exactly as dialled.
 *
 * Returns: %TRUE when @mobile is valid
 */
gboolean
zc_mobile_validate (const char  *mobile,
                    ZcLanguage   language,
                    GError     **error)
{
  g_return_val_if_fail (mobile != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*mobile == '\0')
    {
      set_error (error, ZC_CONTACT_ERROR_MOBILE, zc_translate (language, N_("Enter a mobile number")));
      return FALSE;
    }

  return check_mobile (mobile, ZC_CONTACT_ERROR_MOBILE, language, error);
}

static gboolean
check_landline (const char  *phone,
                ZcLanguage   language,
                GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (phone, "-", -1);
  guint n_parts = g_strv_length (parts);
  gsize area_length;
  gsize number_length;

  if (n_parts < 2 || n_parts > 3)
    {
      set_error (error, ZC_CONTACT_ERROR_PHONE,
                 zc_translate (language, N_("Write a landline number as area code-number, for example 0871-65123456, "
                                            "or enter a mobile number")));
      return FALSE;
    }

  area_length = strlen (parts[0]);
  if (area_length < 3 || area_length > 4 || parts[0][0] != '0' || parts[0][1] == '0' ||
      !all_digits (parts[0], area_length))
    {
      set_error (error, ZC_CONTACT_ERROR_PHONE,
                 zc_translate (language, N_("The area code has 3 or 4 digits and starts with 0, for example 010 or 0871")));
      return FALSE;
    }

  /* Local numbers never start with 0 or 1: those lead trunk and
   * service numbers. */
  number_length = strlen (parts[1]);
  if (number_length < 7 || number_length > 8 || parts[1][0] < '2' ||
      !all_digits (parts[1], number_length))
    {
      set_error (error, ZC_CONTACT_ERROR_PHONE,
                 zc_translate (language, N_("The number after the area code has 7 or 8 digits and does not start with 0 or 1")));
      return FALSE;
    }

  if (n_parts == 3)
    {
      gsize extension_length = strlen (parts[2]);

      if (extension_length < 1 || extension_length > 6 || !all_digits (parts[2], extension_length))
        {
          set_error (error, ZC_CONTACT_ERROR_PHONE,
                     zc_translate (language, N_("An extension has 1 to 6 digits")));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * zc_phone_validate:
 * @phone: a landline number (0AA(A)-NNNNNNN(N), optionally -EXT) or a
 *   mobile number
 * @language: the language of the error message
 * @error: return location for a %ZC_CONTACT_ERROR_PHONE error
 *
 * Returns: %TRUE when @phone is valid
 */
gboolean
zc_phone_validate (const char  *phone,
                   ZcLanguage   language,
                   GError     **error)
{
  g_return_val_if_fail (phone != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*phone == '\0')
    {
      set_error (error, ZC_CONTACT_ERROR_PHONE, zc_translate (language, N_("Enter a phone number")));
      return FALSE;
    }

  switch (classify_text (phone, "-"))
    {
    case TEXT_OK:
      break;
    case TEXT_SPACE:
      set_error (error, ZC_CONTACT_ERROR_PHONE,
                 zc_translate (language, N_("The phone number must not contain spaces: separate the area code with a hyphen")));
      return FALSE;
    case TEXT_FULL_WIDTH:
      set_error (error, ZC_CONTACT_ERROR_PHONE,
                 zc_translate (language, N_("Type the phone number with half-width digits and hyphens, not full-width ones")));
      return FALSE;
    case TEXT_OTHER:
    default:
      set_error (error, ZC_CONTACT_ERROR_PHONE,
                 zc_translate (language, N_("Write a landline number as area code-number, for example 0871-65123456, "
                                            "or enter a mobile number")));
      return FALSE;
    }

  if (phone[0] == '1')
    return check_mobile (phone, ZC_CONTACT_ERROR_PHONE, language, error);

  if (strchr (phone, '-') == NULL)
    {
      set_error (error, ZC_CONTACT_ERROR_PHONE,
                 zc_translate (language, N_("Separate the area code with a hyphen, for example 0871-65123456")));
      return FALSE;
    }

  return check_landline (phone, language, error);
}

static gboolean
is_local_part_character (char c)
{
  /* RFC 5322 atext, plus the dot (placement checked apart) */
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("!#$%&'*+-/=?^_`{|}~.", c) != NULL);
}

static gboolean
is_valid_domain (const char *domain)
{
  g_auto(GStrv) labels = g_strsplit (domain, ".", -1);
  guint n_labels = g_strv_length (labels);
  const char *top;

  if (n_labels < 2)
    return FALSE;

  for (guint i = 0; i < n_labels; i++)
    {
      gsize length = strlen (labels[i]);

      if (length == 0 || length > EMAIL_LABEL_MAX ||
          labels[i][0] == '-' || labels[i][length - 1] == '-')
        return FALSE;

      for (gsize j = 0; j < length; j++)
        {
          if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
            return FALSE;
        }
    }

  /* A top-level domain is letters, or punycode (xn--…) for the
   * Chinese ones such as .中国. */
  top = labels[n_labels - 1];
  if (strlen (top) < 2)
    return FALSE;
  if (g_str_has_prefix (top, "xn--"))
    return TRUE;
  for (const char *p = top; *p != '\0'; p++)
    {
      if (!g_ascii_isalpha (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * zc_email_validate:
 * @email: an e-mail address
 * @language: the language of the error message
 * @error: return location for a %ZC_CONTACT_ERROR_EMAIL error
 *
 * Pragmatic rather than RFC 5322 complete: one @, a plain local part
 * without leading, trailing or doubled dots, a dotted ASCII domain, at
 * most 254 characters and no spaces.  Quoted local parts and address
 * literals are refused; nobody registers with them.
 *
 * Returns: %TRUE when @email is valid
 */
gboolean
zc_email_validate (const char  *email,
                   ZcLanguage   language,
                   GError     **error)
{
  const char *at;
  gsize local_length;

  g_return_val_if_fail (email != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*email == '\0')
    {
      set_error (error, ZC_CONTACT_ERROR_EMAIL, zc_translate (language, N_("Enter an e-mail address")));
      return FALSE;
    }

  if (!g_utf8_validate (email, -1, NULL) || g_utf8_strlen (email, -1) > EMAIL_MAX_LENGTH)
    {
      g_autofree char *message = zc_translate_printf (language,
                                                      N_("An e-mail address has at most %u characters"),
                                                      (guint) EMAIL_MAX_LENGTH);

      set_error (error, ZC_CONTACT_ERROR_EMAIL, message);
      return FALSE;
    }

  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          set_error (error, ZC_CONTACT_ERROR_EMAIL,
                     zc_translate (language, N_("The e-mail address must not contain spaces")));
          return FALSE;
        }
      if (is_full_width (c))
        {
          set_error (error, ZC_CONTACT_ERROR_EMAIL,
                     zc_translate (language, N_("Type the e-mail address with half-width characters, not full-width ones")));
          return FALSE;
        }
    }

  at = strchr (email, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    {
      set_error (error, ZC_CONTACT_ERROR_EMAIL,
                 zc_translate (language, N_("An e-mail address has exactly one @")));
      return FALSE;
    }

  local_length = (gsize) (at - email);
  if (local_length == 0)
    {
      set_error (error, ZC_CONTACT_ERROR_EMAIL,
                 zc_translate (language, N_("The name before the @ is missing")));
      return FALSE;
    }
  if (local_length > EMAIL_LOCAL_MAX)
    {
      g_autofree char *message = zc_translate_printf (language,
                                                      N_("The name before the @ has at most %u characters"),
                                                      (guint) EMAIL_LOCAL_MAX);

      set_error (error, ZC_CONTACT_ERROR_EMAIL, message);
      return FALSE;
    }

  for (gsize i = 0; i < local_length; i++)
    {
      if (!is_local_part_character (email[i]) ||
          (email[i] == '.' && (i == 0 || i == local_length - 1 || email[i + 1] == '.')))
        {
          set_error (error, ZC_CONTACT_ERROR_EMAIL,
                     zc_translate (language, N_("The name before the @ may contain letters, digits and . _ - + "
                                                "but not two dots in a row or a dot at either end")));
          return FALSE;
        }
    }

  if (!is_valid_domain (at + 1))
    {
      set_error (error, ZC_CONTACT_ERROR_EMAIL,
                 zc_translate (language, N_("The part after the @ must be a domain such as example.com")));
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_postcode_validate:
 * @postcode: a mainland postcode
 * @language: the language of the error message
 * @error: return location for a %ZC_CONTACT_ERROR_POSTCODE error
 *
 * Returns: %TRUE when @postcode is 6 ASCII digits
 */
gboolean
zc_postcode_validate (const char  *postcode,
                      ZcLanguage   language,
                      GError     **error)
{
  g_return_val_if_fail (postcode != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*postcode == '\0')
    {
      set_error (error, ZC_CONTACT_ERROR_POSTCODE, zc_translate (language, N_("Enter a postcode")));
      return FALSE;
    }

  switch (classify_text (postcode, ""))
    {
    case TEXT_OK:
      break;
    case TEXT_SPACE:
      set_error (error, ZC_CONTACT_ERROR_POSTCODE,
                 zc_translate (language, N_("The postcode must not contain spaces")));
      return FALSE;
    case TEXT_FULL_WIDTH:
      set_error (error, ZC_CONTACT_ERROR_POSTCODE,
                 zc_translate (language, N_("Type the postcode with half-width digits (0-9), not full-width ones")));
      return FALSE;
    case TEXT_OTHER:
    default:
      set_error (error, ZC_CONTACT_ERROR_POSTCODE,
                 zc_translate (language, N_("A postcode has exactly 6 digits")));
      return FALSE;
    }

  if (strlen (postcode) != POSTCODE_LENGTH)
    {
      set_error (error, ZC_CONTACT_ERROR_POSTCODE,
                 zc_translate (language, N_("A postcode has exactly 6 digits")));
      return FALSE;
    }

  return TRUE;
}
