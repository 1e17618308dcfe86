/* zc-account-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-context.h"
#include "zc-session-service.h"
#include "zc-store-accounts.h"

G_BEGIN_DECLS

/* Accounts: self-registration of applicants, accounts made by an
 * administrator or a unit (with a one-time initial password), roles,
 * password changes and resets.  Errors are ZC_API_ERROR. */

typedef struct
{
  const char *id_number;
  const char *name;
  const char *mobile;      /* nullable for accounts made by others */
  const char *password;    /* registration only */
  ZcRole      role;        /* accounts made by others */
  const char *unit_id;     /* nullable */
} ZcAccountSpec;

/* Who acts, for the audit trail: an account, or the command line. */
typedef struct
{
  const char *account_id;  /* nullable: NULL for the admin command */
  const char *address;     /* nullable */
} ZcActor;

ZcAccount  *zc_account_service_register       (ZcContext            *ctx,
                                               const ZcAccountSpec  *spec,
                                               const ZcActor        *actor,
                                               ZcLanguage            language,
                                               GError              **error);
ZcAccount  *zc_account_service_create         (ZcContext            *ctx,
                                               const ZcAccountSpec  *spec,
                                               const ZcActor        *actor,
                                               char                **initial_password,
                                               ZcLanguage            language,
                                               GError              **error);
ZcAccount  *zc_account_service_get            (ZcContext            *ctx,
                                               const char           *id,
                                               ZcLanguage            language,
                                               GError              **error);
ZcAccount  *zc_account_service_find           (ZcContext            *ctx,
                                               const char           *id_or_id_number,
                                               ZcLanguage            language,
                                               GError              **error);
GPtrArray  *zc_account_service_search         (ZcContext            *ctx,
                                               const ZcAccountQuery *query,
                                               ZcLanguage            language,
                                               GError              **error);
ZcAccount  *zc_account_service_set_role       (ZcContext            *ctx,
                                               const char           *account_id,
                                               ZcRole                role,
                                               const char           *unit_id,
                                               const ZcActor        *actor,
                                               ZcLanguage            language,
                                               GError              **error);
char       *zc_account_service_reset_password (ZcContext            *ctx,
                                               const char           *account_id,
                                               const ZcActor        *actor,
                                               ZcLanguage            language,
                                               GError              **error);
gboolean    zc_account_service_change_password (ZcContext           *ctx,
                                               const ZcCaller       *caller,
                                               const char           *old_password,
                                               const char           *new_password,
                                               const char           *address,
                                               ZcLanguage            language,
                                               GError              **error);

G_END_DECLS
