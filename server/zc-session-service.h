/* zc-session-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-context.h"
#include "zc-role.h"
#include "zc-store-accounts.h"
#include "zc-store-units.h"

G_BEGIN_DECLS

/* Logging in and out, and finding out who a bearer token belongs to.
 * A token is 32 random bytes in base64url (43 characters); the store
 * keeps only its SHA-256.  A session ends after ZHICHENG_SESSION_IDLE_SECONDS
 * without use or ZHICHENG_SESSION_MAX_SECONDS after login. */

#define ZC_SESSION_TOKEN_LENGTH 43

/* Who is asking: what authorization decisions are made on. */
typedef struct
{
  char     *account_id;            /* owned */
  char     *session_id;            /* owned */
  char     *name;                  /* owned */
  ZcRole    role;
  char     *unit_id;               /* owned, nullable */
  gboolean  must_change_password;
} ZcCaller;

typedef struct
{
  char      *token;                /* owned: shown to the client once */
  gint64     expires_at;           /* µs since 1970 UTC: the absolute end */
  ZcAccount *account;              /* owned */
  ZcUnit    *unit;                 /* owned, nullable */
} ZcLoginResult;

void           zc_caller_free                  (ZcCaller       *caller);
void           zc_login_result_free            (ZcLoginResult  *result);

ZcLoginResult *zc_session_service_login        (ZcContext      *ctx,
                                                const char     *login,
                                                const char     *password,
                                                const char     *address,
                                                ZcLanguage      language,
                                                GError        **error);
ZcCaller      *zc_session_service_authenticate (ZcContext      *ctx,
                                                const char     *token,
                                                ZcLanguage      language,
                                                GError        **error);
gboolean       zc_session_service_logout       (ZcContext      *ctx,
                                                const ZcCaller *caller,
                                                const char     *address,
                                                GError        **error);

gboolean       zc_session_token_is_well_formed (const char     *token);
char          *zc_session_token_hash           (const char     *token);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcCaller, zc_caller_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcLoginResult, zc_login_result_free)

G_END_DECLS
