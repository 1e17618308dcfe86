/* zc-i18n.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "zc-i18n.h"

/**
 * zc_i18n_init:
 *
 * Binds the message catalog. `ZHICHENG_LOCALEDIR` overrides the
 * installed location so that tests and uninstalled runs find the
 * catalogs built in the build tree.
 *
 * Call after setlocale (LC_ALL, "").  In the plain "C" locale glibc
 * ignores `LANGUAGE` and every translation, which is what a service
 * started with an empty environment gets; C.UTF-8 has the same rules
 * otherwise but lets `LANGUAGE=zh_CN` work, so it takes C's place.
 */
void
zc_i18n_init (void)
{
  const char *localedir = g_getenv ("ZHICHENG_LOCALEDIR");
  const char *messages_locale = setlocale (LC_MESSAGES, NULL);

  if (messages_locale == NULL ||
      strcmp (messages_locale, "C") == 0 ||
      strcmp (messages_locale, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

const char *
zc_translate (ZcLanguage  language,
              const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == ZC_LANGUAGE_ENGLISH || *msgid == '\0')
    return msgid;

  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

/* For msgids marked with NC_ (context, msgid). */
const char *
zc_translate_with_context (ZcLanguage  language,
                           const char *context,
                           const char *msgid)
{
  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == ZC_LANGUAGE_ENGLISH || *msgid == '\0')
    return msgid;

  return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
}

char *
zc_translate_printf (ZcLanguage  language,
                     const char *msgid_format,
                     ...)
{
  va_list args;
  char *result;

  g_return_val_if_fail (msgid_format != NULL, NULL);

  va_start (args, msgid_format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  /* The translated format is checked against the msgid by msgfmt -c. */
  result = g_strdup_vprintf (zc_translate (language, msgid_format), args);
#pragma GCC diagnostic pop
  va_end (args);

  return result;
}

/**
 * zc_language_from_accept_language:
 * @accept_language: (nullable): an HTTP `Accept-Language` value
 *
 * Chinese is the default; English is chosen only when the caller
 * prefers an English range over any Chinese one.
 */
ZcLanguage
zc_language_from_accept_language (const char *accept_language)
{
  g_auto(GStrv) ranges = NULL;
  double best_en = -1.0;
  double best_zh = -1.0;

  if (accept_language == NULL)
    return ZC_LANGUAGE_LOCALE;

  ranges = g_strsplit (accept_language, ",", 0);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (ranges[i], ";", 0);
      g_autofree char *tag = NULL;
      double q = 1.0;

      if (parts[0] == NULL)  /* an empty range, as in "a,,b" */
        continue;
      tag = g_ascii_strdown (g_strstrip (parts[0]), -1);

      for (guint j = 1; parts[j] != NULL; j++)
        {
          const char *param = g_strstrip (parts[j]);

          if (g_str_has_prefix (param, "q="))
            q = g_ascii_strtod (param + 2, NULL);
        }

      if ((strcmp (tag, "en") == 0 || g_str_has_prefix (tag, "en-")) && q > best_en)
        best_en = q;
      else if ((strcmp (tag, "zh") == 0 || g_str_has_prefix (tag, "zh-")) && q > best_zh)
        best_zh = q;
    }

  if (best_en > 0.0 && best_en > best_zh)
    return ZC_LANGUAGE_ENGLISH;

  return ZC_LANGUAGE_LOCALE;
}
