/* zc-password.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* Passwords: Argon2id hashes (libsodium crypto_pwhash_str, the
 * INTERACTIVE costs: 64 MiB, about 0.1 s), at most a few at a time so
 * a burst of logins cannot exhaust memory, the password policy, and
 * one-time initial passwords.  Hashing blocks: call from a worker
 * thread. */

#define ZC_PASSWORD_MIN_LENGTH 8
#define ZC_PASSWORD_MAX_LENGTH 128

typedef struct _ZcPasswordHasher ZcPasswordHasher;

ZcPasswordHasher *zc_password_hasher_new       (guint              max_concurrent,
                                                gboolean           fast);
void              zc_password_hasher_free      (ZcPasswordHasher  *self);
char             *zc_password_hasher_hash      (ZcPasswordHasher  *self,
                                                const char        *password,
                                                ZcLanguage         language,
                                                GError           **error);
gboolean          zc_password_hasher_verify    (ZcPasswordHasher  *self,
                                                const char        *hash,
                                                const char        *password,
                                                gboolean          *matches,
                                                gboolean          *needs_rehash,
                                                ZcLanguage         language,
                                                GError           **error);

gboolean          zc_password_check_policy     (const char        *password,
                                                const char        *id_number,
                                                const char        *mobile,
                                                const char        *field,
                                                ZcLanguage         language,
                                                GError           **error);
char             *zc_password_generate_initial (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPasswordHasher, zc_password_hasher_free)

G_END_DECLS
