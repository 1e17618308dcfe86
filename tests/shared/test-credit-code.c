/* test-credit-code.c: unified social credit codes (GB 32100-2015)
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "zc-credit-code.h"

static void
test_good (void)
{
  static const char *codes[] = {
    /* Published codes of well-known companies; each passes the check,
     * which a made-up code does only once in 31 tries. */
    "91350100M000100Y43",
    "914403001922038216",
    "91440300708461136T",
    "91330100799655058B",
    "91110108551385082Q",
    "91110000802100433B",
    /* Computed here: the check character for each body by hand */
    "12530000MB000000N0",   /* public institution; sum divisible by 31, so 31 maps to 0 */
    "52530000MJ00000019",   /* private non-enterprise unit */
    "Y1530100MA00000017",   /* other authority */
    "N2530102MA00000019",   /* village collective economic organisation */
    "A1530000MB0000001Q",   /* military public institution */
    "9235010012345678XN",   /* individual business */
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", codes[i]);
      g_assert_true (zc_credit_code_validate (codes[i], ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
      g_assert_true (zc_credit_code_validate (codes[i], ZC_LANGUAGE_LOCALE, NULL));
    }
}

static void
test_bad (void)
{
  static const struct {
    const char *code;
    ZcCreditCodeError code_error;
    const char *english;  /* nullable: not checked */
  } cases[] = {
    { "", ZC_CREDIT_CODE_ERROR_LENGTH, "Enter the unified social credit code" },
    { "91350100M000100Y4", ZC_CREDIT_CODE_ERROR_LENGTH,
      "The unified social credit code has 17 characters; it must have 18" },
    { "91350100M000100Y431", ZC_CREDIT_CODE_ERROR_LENGTH, NULL },
    { "M00010", ZC_CREDIT_CODE_ERROR_LENGTH, NULL },
    { "91350100m000100y43", ZC_CREDIT_CODE_ERROR_CHARACTERS,
      "Write the letters of the unified social credit code as capitals" },
    { "91350100M000100I43", ZC_CREDIT_CODE_ERROR_CHARACTERS,
      "A unified social credit code never contains the letters I, O, S, V or Z: "
      "check for the digits 1, 0, 5 or 2 or the letter U" },
    { "91350100MO00100Y43", ZC_CREDIT_CODE_ERROR_CHARACTERS, NULL },
    { "91350100M000100S43", ZC_CREDIT_CODE_ERROR_CHARACTERS, NULL },
    { "91350100M000100V43", ZC_CREDIT_CODE_ERROR_CHARACTERS, NULL },
    { "91350100M000100Z43", ZC_CREDIT_CODE_ERROR_CHARACTERS, NULL },
    { "91350100M000100Y43 ", ZC_CREDIT_CODE_ERROR_CHARACTERS,
      "The unified social credit code must not contain spaces" },
    { "9135 0100 M000 100Y43", ZC_CREDIT_CODE_ERROR_CHARACTERS, NULL },
    { "９１３５０１００Ｍ０００１００Ｙ４３", ZC_CREDIT_CODE_ERROR_CHARACTERS,
      "Type the unified social credit code with half-width characters, not full-width ones" },
    { "91350100-M000100Y43", ZC_CREDIT_CODE_ERROR_CHARACTERS,
      "The unified social credit code may contain only digits and capital letters" },
    { "\xff\xfe", ZC_CREDIT_CODE_ERROR_CHARACTERS, NULL },
    { "9135A100M000100Y4Y", ZC_CREDIT_CODE_ERROR_CHARACTERS,
      "Characters 3 to 8 of the unified social credit code are the region code and must be digits" },
    { "X1350100M000100Y4E", ZC_CREDIT_CODE_ERROR_REGISTRATION,
      "The first character, X, is not a registration authority code" },
    { "01350100M000100Y43", ZC_CREDIT_CODE_ERROR_REGISTRATION, NULL },
    { "94350100M000100Y4R", ZC_CREDIT_CODE_ERROR_REGISTRATION,
      "The second character, 4, is not an organisation type of registration authority 9" },
    { "Y2350100M000100Y4A", ZC_CREDIT_CODE_ERROR_REGISTRATION, NULL },
    { "91350100M000100Y44", ZC_CREDIT_CODE_ERROR_CHECK_CODE,
      "The check character is wrong: the last character should be 3" },
    { "914403001922038210", ZC_CREDIT_CODE_ERROR_CHECK_CODE,
      "The check character is wrong: the last character should be 6" },
    { "12530000MB000000N1", ZC_CREDIT_CODE_ERROR_CHECK_CODE,
      "The check character is wrong: the last character should be 0" },
    { "91440300708461136U", ZC_CREDIT_CODE_ERROR_CHECK_CODE, NULL },
    { "91440300708461163T", ZC_CREDIT_CODE_ERROR_CHECK_CODE, NULL },  /* swapped digits */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) english = NULL;
      g_autoptr(GError) local = NULL;

      g_test_message ("%s", cases[i].code);
      g_assert_false (zc_credit_code_validate (cases[i].code, ZC_LANGUAGE_ENGLISH, &english));
      g_assert_error (english, ZC_CREDIT_CODE_ERROR, (int) cases[i].code_error);
      if (cases[i].english != NULL)
        g_assert_cmpstr (english->message, ==, cases[i].english);

      g_assert_false (zc_credit_code_validate (cases[i].code, ZC_LANGUAGE_LOCALE, &local));
      g_assert_error (local, ZC_CREDIT_CODE_ERROR, (int) cases[i].code_error);
      g_assert_cmpstr (local->message, !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/credit-code/good", test_good);
  g_test_add_func ("/shared/credit-code/bad", test_bad);

  return g_test_run ();
}
