/* test-contact.c: mobile and landline numbers, e-mail addresses, postcodes
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-contact.h"

typedef gboolean (*Validator) (const char  *text,
                               ZcLanguage   language,
                               GError     **error);

typedef struct
{
  const char *text;
  const char *english;  /* nullable: not checked */
} BadCase;

static void
check_good (Validator    validate,
            const char **good,
            gsize        n_good)
{
  for (gsize i = 0; i < n_good; i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("good: %s", good[i]);
      g_assert_true (validate (good[i], ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
      g_assert_true (validate (good[i], ZC_LANGUAGE_LOCALE, NULL));
    }
}

static void
check_bad (Validator        validate,
           ZcContactError   code,
           const BadCase   *bad,
           gsize            n_bad)
{
  for (gsize i = 0; i < n_bad; i++)
    {
      g_autoptr(GError) english = NULL;
      g_autoptr(GError) local = NULL;

      g_test_message ("bad: %s", bad[i].text);
      g_assert_false (validate (bad[i].text, ZC_LANGUAGE_ENGLISH, &english));
      g_assert_error (english, ZC_CONTACT_ERROR, (int) code);
      if (bad[i].english != NULL)
        g_assert_cmpstr (english->message, ==, bad[i].english);

      g_assert_false (validate (bad[i].text, ZC_LANGUAGE_LOCALE, &local));
      g_assert_error (local, ZC_CONTACT_ERROR, (int) code);
      g_assert_cmpstr (local->message, !=, "");
    }
}

static void
test_mobile (void)
{
  static const char *good[] = {
    "13812345678", "13000000000", "15987654321", "16612345678", "17712345678", "19912345678",
  };
  static const BadCase bad[] = {
    { "", "Enter a mobile number" },
    { "1381234567", "A mobile number has 11 digits; this one has 10" },
    { "138123456789", "A mobile number has 11 digits; this one has 12" },
    { "12812345678", "A mainland mobile number starts with 13 to 19" },
    { "11812345678", NULL },
    { "23812345678", NULL },
    { "03812345678", NULL },
    { "138 1234 5678", "Type the mobile number as 11 digits without spaces" },
    { "13812345678 ", NULL },
    { "１３８１２３４５６７８", "Type the mobile number with half-width digits (0-9), not full-width ones" },
    { "138-1234-5678", "A mobile number contains only digits, without +86 or hyphens" },
    { "+8613812345678", NULL },
    { "1381234567a", NULL },
    { "\xff\xfe", NULL },
  };

  check_good (zc_mobile_validate, good, G_N_ELEMENTS (good));
  check_bad (zc_mobile_validate, ZC_CONTACT_ERROR_MOBILE, bad, G_N_ELEMENTS (bad));
}

static void
test_phone (void)
{
  static const char *good[] = {
    "010-62345678",        /* 3-digit area code */
    "0871-65123456",       /* 4-digit area code, 8-digit number */
    "0871-6512345",        /* 7-digit number */
    "0871-65123456-8",     /* extension */
    "028-86123456-123456",
    "13812345678",         /* a mobile will do */
  };
  static const BadCase bad[] = {
    { "", "Enter a phone number" },
    { "0871 65123456", "The phone number must not contain spaces: separate the area code with a hyphen" },
    { "０８７１-65123456", "Type the phone number with half-width digits and hyphens, not full-width ones" },
    { "(0871)65123456", "Write a landline number as area code-number, for example 0871-65123456, "
                        "or enter a mobile number" },
    { "0871-6512-3456-12", NULL },
    { "087165123456", "Separate the area code with a hyphen, for example 0871-65123456" },
    { "871-65123456", "The area code has 3 or 4 digits and starts with 0, for example 010 or 0871" },
    { "00871-65123456", NULL },
    { "001-65123456", NULL },
    { "08-65123456", NULL },
    { "-65123456", NULL },
    { "0871-05123456", "The number after the area code has 7 or 8 digits and does not start with 0 or 1" },
    { "010-12345678", NULL },  /* local numbers never start with 1 */
    { "0871-651234", NULL },
    { "0871-651234567", NULL },
    { "0871-", NULL },
    { "0871-65123456-", "An extension has 1 to 6 digits" },
    { "0871-65123456-1234567", NULL },
    { "1381234567", "A mobile number has 11 digits; this one has 10" },  /* a mobile, reported as a phone */
    { "138-1234-5678", NULL },
  };

  check_good (zc_phone_validate, good, G_N_ELEMENTS (good));
  check_bad (zc_phone_validate, ZC_CONTACT_ERROR_PHONE, bad, G_N_ELEMENTS (bad));
}

static void
test_email (void)
{
  static const char *good[] = {
    "zhang.san@example.com",
    "a+b@mail.ynu.edu.cn",
    "user_1@sub-domain.example.org",
    "Li.Si-2024@Example.COM",
    "x@example.xn--fiqs8s",  /* .中国 in punycode */
    "1234567@qq.com",
  };
  static const BadCase bad[] = {
    { "", "Enter an e-mail address" },
    { "zhangsan", "An e-mail address has exactly one @" },
    { "zhangsan.example.com", NULL },
    { "a@@example.com", NULL },
    { "a@b@example.com", NULL },
    { "@example.com", "The name before the @ is missing" },
    { "a@example", "The part after the @ must be a domain such as example.com" },
    { "a@", NULL },
    { "a@.com", NULL },
    { "a@example..com", NULL },
    { "a@example.com.", NULL },
    { "a@-example.com", NULL },
    { "a@example-.com", NULL },
    { "a@example.c", NULL },
    { "a@example.123", NULL },
    { "a@exa_mple.com", NULL },
    { "a@例子.com", NULL },
    { ".a@example.com", "The name before the @ may contain letters, digits and . _ - + "
                        "but not two dots in a row or a dot at either end" },
    { "a.@example.com", NULL },
    { "a..b@example.com", NULL },
    { "\"a\"@example.com", NULL },
    { "张三@example.com", NULL },
    { "a b@example.com", "The e-mail address must not contain spaces" },
    { "a@example.com ", NULL },
    { "zhang\u3000@example.com", NULL },
    { "zhang＠example.com", "Type the e-mail address with half-width characters, not full-width ones" },
    { "zhang@example。com", NULL },
    { "\xff\xfe@example.com", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *local_64 = g_strnfill (64, 'a');
  g_autofree char *local_65 = g_strnfill (65, 'a');
  g_autofree char *label = g_strnfill (63, 'b');
  g_autofree char *label_64 = g_strnfill (64, 'b');
  g_autofree char *longest = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *long_local = NULL;
  g_autofree char *long_label = NULL;

  check_good (zc_email_validate, good, G_N_ELEMENTS (good));
  check_bad (zc_email_validate, ZC_CONTACT_ERROR_EMAIL, bad, G_N_ELEMENTS (bad));

  /* 64 + 1 + 63 + 1 + 63 + 1 + 57 + 1 + 3 = 254 characters: the longest allowed */
  longest = g_strdup_printf ("%s@%s.%s.%.57s.com", local_64, label, label, label);
  g_assert_cmpuint (strlen (longest), ==, 254);
  g_assert_true (zc_email_validate (longest, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_no_error (error);

  too_long = g_strdup_printf ("%s@%s.%s.%.58s.com", local_64, label, label, label);
  g_assert_cmpuint (strlen (too_long), ==, 255);
  g_assert_false (zc_email_validate (too_long, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_CONTACT_ERROR, ZC_CONTACT_ERROR_EMAIL);
  g_assert_cmpstr (error->message, ==, "An e-mail address has at most 254 characters");
  g_clear_error (&error);

  long_local = g_strdup_printf ("%s@example.com", local_65);
  g_assert_false (zc_email_validate (long_local, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_CONTACT_ERROR, ZC_CONTACT_ERROR_EMAIL);
  g_assert_cmpstr (error->message, ==, "The name before the @ has at most 64 characters");
  g_clear_error (&error);

  long_label = g_strdup_printf ("a@%s.com", label_64);
  g_assert_false (zc_email_validate (long_label, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_CONTACT_ERROR, ZC_CONTACT_ERROR_EMAIL);
}

static void
test_postcode (void)
{
  static const char *good[] = { "650000", "100000", "610041", "230001", "450000" };
  static const BadCase bad[] = {
    { "", "Enter a postcode" },
    { "65000", "A postcode has exactly 6 digits" },
    { "6500000", "A postcode has exactly 6 digits" },
    { "65000a", "A postcode has exactly 6 digits" },
    { "650-000", NULL },
    { "650 000", "The postcode must not contain spaces" },
    { " 650000", NULL },
    { "６５００００", "Type the postcode with half-width digits (0-9), not full-width ones" },
    { "\xff", NULL },
  };

  check_good (zc_postcode_validate, good, G_N_ELEMENTS (good));
  check_bad (zc_postcode_validate, ZC_CONTACT_ERROR_POSTCODE, bad, G_N_ELEMENTS (bad));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/contact/mobile", test_mobile);
  g_test_add_func ("/shared/contact/phone", test_phone);
  g_test_add_func ("/shared/contact/email", test_email);
  g_test_add_func ("/shared/contact/postcode", test_postcode);

  return g_test_run ();
}
