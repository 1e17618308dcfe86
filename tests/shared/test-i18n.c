/* test-i18n.c: messages in the caller's language
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "zc-i18n.h"
#include "zc-review-state.h"
#include "zc-role.h"

static void
test_accept_language (void)
{
  static const struct { const char *header; ZcLanguage expected; } cases[] = {
    { NULL, ZC_LANGUAGE_LOCALE },
    { "", ZC_LANGUAGE_LOCALE },
    { "zh-CN", ZC_LANGUAGE_LOCALE },
    { "zh-CN,zh;q=0.9,en;q=0.8", ZC_LANGUAGE_LOCALE },
    { "en", ZC_LANGUAGE_ENGLISH },
    { "en-US,en;q=0.9", ZC_LANGUAGE_ENGLISH },
    { "EN-gb", ZC_LANGUAGE_ENGLISH },
    { "en;q=0.5, zh;q=0.9", ZC_LANGUAGE_LOCALE },
    { "zh;q=0.2, en;q=0.7", ZC_LANGUAGE_ENGLISH },
    { "en;q=0", ZC_LANGUAGE_LOCALE },
    { "fr-FR, de", ZC_LANGUAGE_LOCALE },
    { "english", ZC_LANGUAGE_LOCALE },
    { ";;;,,,q=", ZC_LANGUAGE_LOCALE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (zc_language_from_accept_language (cases[i].header), ==, cases[i].expected);
}

static void
test_translate (void)
{
  /* LANGUAGE=zh_CN is set in main(): the locale language is Chinese */
  g_assert_cmpstr (zc_translate (ZC_LANGUAGE_LOCALE, "Applicant"), ==, "申报人");
  g_assert_cmpstr (zc_translate (ZC_LANGUAGE_ENGLISH, "Applicant"), ==, "Applicant");
  g_assert_cmpstr (zc_translate (ZC_LANGUAGE_LOCALE, ""), ==, "");
  /* an unknown msgid comes back unchanged */
  g_assert_cmpstr (zc_translate (ZC_LANGUAGE_LOCALE, "No such message 1234"), ==, "No such message 1234");

  g_assert_cmpstr (zc_review_state_get_label (ZC_REVIEW_STATE_PENDING, ZC_LANGUAGE_LOCALE), ==, "待审核");
  g_assert_cmpstr (zc_review_state_get_label (ZC_REVIEW_STATE_PENDING, ZC_LANGUAGE_ENGLISH), ==, "Pending");
  g_assert_cmpstr (zc_translate_with_context (ZC_LANGUAGE_LOCALE, "review state", "Returned"), ==, "退回");
}

static void
test_translate_printf (void)
{
  g_autofree char *zh = zc_translate_printf (ZC_LANGUAGE_LOCALE, N_("The comment is too long: at most %u characters."), 500u);
  g_autofree char *en = zc_translate_printf (ZC_LANGUAGE_ENGLISH, N_("The comment is too long: at most %u characters."), 500u);

  g_assert_cmpstr (zh, ==, "意见过长：最多 500 个字。");
  g_assert_cmpstr (en, ==, "The comment is too long: at most 500 characters.");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/i18n/accept-language", test_accept_language);
  g_test_add_func ("/shared/i18n/translate", test_translate);
  g_test_add_func ("/shared/i18n/translate-printf", test_translate_printf);

  return g_test_run ();
}
