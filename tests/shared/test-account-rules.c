/* test-account-rules.c: the rules for a person's name and a password
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-account-rules.h"
#include "zc-i18n.h"

static void
test_text_normalize (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "", "" },
    { "   ", "" },
    { "\u3000张伟\u3000", "张伟" },
    { " a b ", "a b" },
    { "e\u0301", "\u00e9" },   /* NFC */
    { "\t医院\n", "医院" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = zc_text_normalize (cases[i].text);

      g_assert_cmpstr (normalized, ==, cases[i].expected);
    }
}

static void
test_name (void)
{
  static const struct { const char *text; const char *normalized; } good[] = {
    { "张伟", "张伟" },
    { "  欧阳娜娜　", "欧阳娜娜" },
    { "阿依古丽·买买提", "阿依古丽·买买提" },
    { "Anna Schmidt", "Anna Schmidt" },
    { "李 Lily", "李 Lily" },
    { "张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟", NULL },   /* 30 */
  };
  static const struct { const char *text; ZcAccountRulesError code; } bad[] = {
    { "", ZC_ACCOUNT_RULES_ERROR_NAME_LENGTH },
    { "张", ZC_ACCOUNT_RULES_ERROR_NAME_LENGTH },
    { " 张 ", ZC_ACCOUNT_RULES_ERROR_NAME_LENGTH },
    { "张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张伟张", ZC_ACCOUNT_RULES_ERROR_NAME_LENGTH },
    { "\xff\xfe", ZC_ACCOUNT_RULES_ERROR_NAME_LENGTH },   /* not UTF-8 */
    { "张伟1", ZC_ACCOUNT_RULES_ERROR_NAME_DIGIT },
    { "张伟３", ZC_ACCOUNT_RULES_ERROR_NAME_DIGIT },
    { "·张伟", ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS },
    { "张伟·", ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS },
    { "张··伟", ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS },
    { "张  伟", ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS },
    { "张伟!", ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS },
    { "O'Brien", ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS },
    { "张\n伟", ZC_ACCOUNT_RULES_ERROR_NAME_CHARACTERS },
  };
  g_autofree char *long_text = g_strnfill (300, 'a');
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *normalized = NULL;

      if (!zc_account_rules_check_name (good[i].text, &normalized, ZC_LANGUAGE_ENGLISH, &error))
        g_error ("“%s” refused: %s", good[i].text, error->message);
      if (good[i].normalized != NULL)
        g_assert_cmpstr (normalized, ==, good[i].normalized);
      /* the normalized name is optional */
      g_assert_true (zc_account_rules_check_name (good[i].text, NULL, ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *normalized = NULL;

      if (zc_account_rules_check_name (bad[i].text, &normalized, ZC_LANGUAGE_ENGLISH, &error))
        g_error ("“%s” accepted", bad[i].text);
      g_assert_error (error, ZC_ACCOUNT_RULES_ERROR, bad[i].code);
      g_assert_null (normalized);
      g_clear_error (&error);
    }

  /* too long in bytes before anything else */
  g_assert_false (zc_account_rules_check_name (long_text, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_NAME_LENGTH);
  g_assert_cmpstr (error->message, ==, "Enter a name of 2 to 30 characters.");
  g_clear_error (&error);

  g_assert_false (zc_account_rules_check_name ("李1娜", NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "A name has no digits.");
  g_clear_error (&error);
  g_assert_false (zc_account_rules_check_name ("李!娜", NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "A name has only Chinese characters or letters, "
                                       "with single spaces or dots (·) between them.");
}

static void
assert_password_refused (const char          *password,
                         const char          *id_number,
                         const char          *mobile,
                         ZcAccountRulesError  code)
{
  g_autoptr(GError) error = NULL;

  if (zc_account_rules_check_password (password, id_number, mobile, ZC_LANGUAGE_ENGLISH, &error))
    g_error ("“%s” was accepted", password);
  g_assert_error (error, ZC_ACCOUNT_RULES_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
test_password (void)
{
  static const char * const good[] = {
    "zhang2026wei", "abcdefg1", "张伟的密码2026", "Correct Horse 9 Battery",
    "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1"
    "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1",   /* 128 characters */
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *long_password = g_strnfill (129, 'a');

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      if (!zc_account_rules_check_password (good[i], "410102198503120014", "13800000001", ZC_LANGUAGE_ENGLISH,
                                            &error))
        g_error ("“%s” was refused: %s", good[i], error->message);
    }
  g_assert_true (zc_account_rules_check_password ("li2026na", NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_true (zc_account_rules_check_password ("li2026na", "1234", "", ZC_LANGUAGE_ENGLISH, &error));
  g_assert_no_error (error);

  long_password[0] = '1';
  assert_password_refused ("", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_LENGTH);
  assert_password_refused ("abc1234", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_LENGTH);
  assert_password_refused (long_password, NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_LENGTH);
  assert_password_refused ("abcdefgh", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_WEAK);
  assert_password_refused ("12345678", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_WEAK);
  assert_password_refused ("Abcd1234", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_COMMON);
  assert_password_refused ("1qaz2wsx", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_COMMON);
  assert_password_refused ("abc\n12345", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_CHARACTERS);
  assert_password_refused ("tab\tpass1", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_CHARACTERS);
  assert_password_refused ("\xff\xfe" "abcdefg1", NULL, NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_CHARACTERS);
  assert_password_refused ("x98503120014", "410102198503120014", NULL, ZC_ACCOUNT_RULES_ERROR_PASSWORD_PERSONAL);
  assert_password_refused ("410102198503120014a", "410102198503120014", NULL,
                           ZC_ACCOUNT_RULES_ERROR_PASSWORD_PERSONAL);
  assert_password_refused ("id41010519900718002x", "41010519900718002X", NULL,
                           ZC_ACCOUNT_RULES_ERROR_PASSWORD_PERSONAL);   /* x in any case */
  assert_password_refused ("a13800000001", NULL, "13800000001", ZC_ACCOUNT_RULES_ERROR_PASSWORD_PERSONAL);
}

static void
test_password_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (zc_account_rules_check_password ("short1", NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "A password has 8 to 128 characters.");
  g_clear_error (&error);
  g_assert_false (zc_account_rules_check_password ("onlyletters", NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "A password needs both letters and digits.");
  g_clear_error (&error);
  g_assert_false (zc_account_rules_check_password ("Password1", NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "This password is too common. Choose another.");
  g_clear_error (&error);
  g_assert_false (zc_account_rules_check_password ("a13800000001", NULL, "13800000001", ZC_LANGUAGE_ENGLISH,
                                                   &error));
  g_assert_cmpstr (error->message, ==, "The password must not contain your ID number or mobile number.");
  g_clear_error (&error);
  g_assert_false (zc_account_rules_check_password ("tab\tpass1", NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_cmpstr (error->message, ==, "The password contains invalid characters.");
}

static void
test_chinese (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (zc_account_rules_check_name ("李1娜", NULL, ZC_LANGUAGE_LOCALE, &error));
  g_assert_cmpstr (error->message, ==, "姓名中不能有数字。");
  g_clear_error (&error);
  g_assert_false (zc_account_rules_check_password ("onlyletters", NULL, NULL, ZC_LANGUAGE_LOCALE, &error));
  g_assert_cmpstr (error->message, ==, "密码必须同时包含字母和数字。");
  g_clear_error (&error);
  g_assert_false (zc_account_rules_check_password ("short1", NULL, NULL, ZC_LANGUAGE_LOCALE, &error));
  g_assert_error (error, ZC_ACCOUNT_RULES_ERROR, ZC_ACCOUNT_RULES_ERROR_PASSWORD_LENGTH);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_cmpstr (error->message, !=, "A password has 8 to 128 characters.");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add_func ("/shared/account-rules/text-normalize", test_text_normalize);
  g_test_add_func ("/shared/account-rules/name", test_name);
  g_test_add_func ("/shared/account-rules/password", test_password);
  g_test_add_func ("/shared/account-rules/password-messages", test_password_messages);
  g_test_add_func ("/shared/account-rules/chinese", test_chinese);

  return g_test_run ();
}
