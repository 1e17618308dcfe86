/* zc-i18n.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * ZcLanguage:
 * @ZC_LANGUAGE_LOCALE: the translation chosen by the process locale
 *   (`LANGUAGE`, `LC_MESSAGES`); the client uses this, and the server
 *   runs with Chinese as its locale language.
 * @ZC_LANGUAGE_ENGLISH: the English source strings.
 *
 * The language a message is produced in. glibc's gettext picks one
 * language per process, but the server answers each request in the
 * caller's language, so every function that produces a user-visible
 * message takes one of these instead of relying on the global locale.
 */
typedef enum
{
  ZC_LANGUAGE_LOCALE,
  ZC_LANGUAGE_ENGLISH,
} ZcLanguage;

void         zc_i18n_init                      (void);
const char  *zc_translate                      (ZcLanguage  language,
                                                const char *msgid);
const char  *zc_translate_with_context          (ZcLanguage  language,
                                                const char *context,
                                                const char *msgid);
char        *zc_translate_printf               (ZcLanguage  language,
                                                const char *msgid_format,
                                                ...) G_GNUC_PRINTF (2, 3);
ZcLanguage   zc_language_from_accept_language  (const char *accept_language);

G_END_DECLS
