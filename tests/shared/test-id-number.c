/* test-id-number.c: resident ID numbers (GB 11643-1999)
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "zc-id-number.h"

/* Every test judges birth dates by this day, not the real one. */
static void
set_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 15, G_DATE_MAY, 2026);
}

static void
test_good (void)
{
  /* Check digits computed by hand with ISO 7064 MOD 11-2; the first is
   * the example in GB 11643-1999 itself. */
  static const struct {
    const char *id_number;
    int year, month, day;
    ZcGender gender;
  } cases[] = {
    { "11010519491231002X", 1949, 12, 31, ZC_GENDER_FEMALE },  /* check digit X */
    { "530102199003071510", 1990, 3, 7, ZC_GENDER_MALE },      /* check digit 0 */
    { "510108200002290025", 2000, 2, 29, ZC_GENDER_FEMALE },   /* leap day */
    { "11010519000101001X", 1900, 1, 1, ZC_GENDER_MALE },      /* earliest year */
    { "110105202605150027", 2026, 5, 15, ZC_GENDER_FEMALE },   /* born today */
    { "830000199001010012", 1990, 1, 1, ZC_GENDER_MALE },      /* Taiwan resident's permit */
    { "710000199001010023", 1990, 1, 1, ZC_GENDER_FEMALE },    /* Taiwan */
    { "110105194912310038", 1949, 12, 31, ZC_GENDER_MALE },
  };
  GDate today;

  set_today (&today);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ZcGender gender = cases[i].gender == ZC_GENDER_MALE ? ZC_GENDER_FEMALE : ZC_GENDER_MALE;
      GDate birth_date;

      g_test_message ("%s", cases[i].id_number);
      g_date_clear (&birth_date, 1);
      g_assert_true (zc_id_number_validate (cases[i].id_number, &today, &birth_date, &gender,
                                            ZC_LANGUAGE_ENGLISH, &error));
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&birth_date));
      g_assert_cmpint (g_date_get_year (&birth_date), ==, cases[i].year);
      g_assert_cmpint (g_date_get_month (&birth_date), ==, cases[i].month);
      g_assert_cmpint (g_date_get_day (&birth_date), ==, cases[i].day);
      g_assert_cmpint (gender, ==, cases[i].gender);

      /* the outputs are optional */
      g_assert_true (zc_id_number_validate (cases[i].id_number, &today, NULL, NULL, ZC_LANGUAGE_LOCALE, NULL));
    }

  /* NULL today: Beijing's today, after 1949 */
  g_assert_true (zc_id_number_validate ("11010519491231002X", NULL, NULL, NULL, ZC_LANGUAGE_ENGLISH, NULL));
}

static void
test_bad (void)
{
  static const struct {
    const char *id_number;
    ZcIdNumberError code;
    const char *english;  /* nullable: not checked */
  } cases[] = {
    { "", ZC_ID_NUMBER_ERROR_LENGTH, "Enter the ID number" },
    { "11010519491231002", ZC_ID_NUMBER_ERROR_LENGTH, "The ID number has 17 characters; it must have 18" },
    { "11010519491231002X1", ZC_ID_NUMBER_ERROR_LENGTH, "The ID number has 19 characters; it must have 18" },
    { "1101051949123100201234", ZC_ID_NUMBER_ERROR_LENGTH, NULL },
    { "X", ZC_ID_NUMBER_ERROR_LENGTH, NULL },
    /* first-generation numbers: two-digit year, no check digit */
    { "110105491231002", ZC_ID_NUMBER_ERROR_LENGTH,
      "This is an old 15-digit ID number, which is no longer accepted: "
      "enter the 18-digit number of your current resident ID card" },
    { "11010519491231002x", ZC_ID_NUMBER_ERROR_CHARACTERS,
      "Write the last character of the ID number as a capital X" },
    { " 11010519491231002X", ZC_ID_NUMBER_ERROR_CHARACTERS, "The ID number must not contain spaces" },
    { "110105 19491231002X", ZC_ID_NUMBER_ERROR_CHARACTERS, "The ID number must not contain spaces" },
    { "11010519491231002X\u3000", ZC_ID_NUMBER_ERROR_CHARACTERS, "The ID number must not contain spaces" },
    { "１１０１０５１９４９１２３１００２Ｘ", ZC_ID_NUMBER_ERROR_CHARACTERS,
      "Type the ID number with half-width digits (0-9), not full-width ones" },
    { "11010519491231002A", ZC_ID_NUMBER_ERROR_CHARACTERS, "The ID number may contain only digits and a final X" },
    { "110105-19491231-002X", ZC_ID_NUMBER_ERROR_CHARACTERS, NULL },
    { "\xff\xfe", ZC_ID_NUMBER_ERROR_CHARACTERS, NULL },  /* not UTF-8 */
    { "1101051949123X002X", ZC_ID_NUMBER_ERROR_CHARACTERS, "Only the last character of the ID number may be X" },
    { "X10105194912310020", ZC_ID_NUMBER_ERROR_CHARACTERS, NULL },
    { "000000199003071519", ZC_ID_NUMBER_ERROR_REGION, "The first six digits (the region code) cannot all be 0" },
    { "190102199003071517", ZC_ID_NUMBER_ERROR_REGION, "The first two digits, 19, are not a province code" },
    { "990102199003071516", ZC_ID_NUMBER_ERROR_REGION, NULL },
    { "340102202302290018", ZC_ID_NUMBER_ERROR_BIRTH_DATE,
      "Digits 7 to 14 are the birth date, but 2023-02-29 is not a real date" },
    { "110105199013010018", ZC_ID_NUMBER_ERROR_BIRTH_DATE, NULL },   /* month 13 */
    { "110105199004310019", ZC_ID_NUMBER_ERROR_BIRTH_DATE, NULL },   /* April 31 */
    { "110105199001000015", ZC_ID_NUMBER_ERROR_BIRTH_DATE, NULL },   /* day 0 */
    { "440524188001010014", ZC_ID_NUMBER_ERROR_BIRTH_DATE, "The birth date 1880-01-01 is before 1900" },
    { "110105202605160014", ZC_ID_NUMBER_ERROR_FUTURE_BIRTH_DATE, "The birth date 2026-05-16 is after today" },
    { "110105194912310021", ZC_ID_NUMBER_ERROR_CHECK_DIGIT, "The check digit is wrong: the last character should be X" },
    { "530102199003071519", ZC_ID_NUMBER_ERROR_CHECK_DIGIT, "The check digit is wrong: the last character should be 0" },
    { "11010519491231005X", ZC_ID_NUMBER_ERROR_CHECK_DIGIT, "The check digit is wrong: the last character should be 4" },
    { "110105194912310020", ZC_ID_NUMBER_ERROR_CHECK_DIGIT, NULL },
  };
  GDate today;

  set_today (&today);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) english = NULL;
      g_autoptr(GError) local = NULL;
      ZcGender gender = ZC_GENDER_FEMALE;
      GDate birth_date;

      g_test_message ("%s", cases[i].id_number);
      g_date_clear (&birth_date, 1);

      g_assert_false (zc_id_number_validate (cases[i].id_number, &today, &birth_date, &gender,
                                             ZC_LANGUAGE_ENGLISH, &english));
      g_assert_error (english, ZC_ID_NUMBER_ERROR, (int) cases[i].code);
      if (cases[i].english != NULL)
        g_assert_cmpstr (english->message, ==, cases[i].english);

      /* outputs untouched on error */
      g_assert_false (g_date_valid (&birth_date));
      g_assert_cmpint (gender, ==, ZC_GENDER_FEMALE);

      g_assert_false (zc_id_number_validate (cases[i].id_number, &today, NULL, NULL,
                                             ZC_LANGUAGE_LOCALE, &local));
      g_assert_error (local, ZC_ID_NUMBER_ERROR, (int) cases[i].code);
      g_assert_cmpstr (local->message, !=, "");
    }
}

static void
test_future_depends_on_today (void)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  /* born 2026-05-16: refused on the 15th, accepted from the 16th */
  set_today (&today);
  g_assert_false (zc_id_number_validate ("110105202605160014", &today, NULL, NULL, ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_ID_NUMBER_ERROR, ZC_ID_NUMBER_ERROR_FUTURE_BIRTH_DATE);

  g_date_add_days (&today, 1);
  g_assert_true (zc_id_number_validate ("110105202605160014", &today, NULL, NULL, ZC_LANGUAGE_ENGLISH, NULL));
}

static void
test_normalize (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "11010519491231002X", "11010519491231002X" },
    { "11010519491231002x", "11010519491231002X" },
    { "  11010519491231002x\t\n", "11010519491231002X" },
    { "\u300011010519491231002x\u3000\u3000", "11010519491231002X" },
    { " \u3000 530102199003071510 \u3000", "530102199003071510" },
    { "110105 19491231002X", "110105 19491231002X" },  /* inner spaces are the validator's to report */
    { "１１０", "１１０" },                              /* full-width digits are left alone */
    { "", "" },
    { "   ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = zc_id_number_normalize (cases[i].input);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }

  /* normalize then validate accepts what a careless typist enters */
  {
    g_autofree char *normalized = zc_id_number_normalize (" 11010519491231002x ");
    GDate today;

    set_today (&today);
    g_assert_true (zc_id_number_validate (normalized, &today, NULL, NULL, ZC_LANGUAGE_ENGLISH, NULL));
  }
}

static void
test_gender_to_string (void)
{
  g_assert_cmpstr (zc_gender_to_string (ZC_GENDER_MALE), ==, "male");
  g_assert_cmpstr (zc_gender_to_string (ZC_GENDER_FEMALE), ==, "female");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/id-number/good", test_good);
  g_test_add_func ("/shared/id-number/bad", test_bad);
  g_test_add_func ("/shared/id-number/future-depends-on-today", test_future_depends_on_today);
  g_test_add_func ("/shared/id-number/normalize", test_normalize);
  g_test_add_func ("/shared/id-number/gender-to-string", test_gender_to_string);

  return g_test_run ();
}
