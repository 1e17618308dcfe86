/* zc-store-accounts.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-role.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* Accounts: one per person, identified by the resident ID number. */

typedef struct
{
  char     *id;                    /* owned: UUID */
  char     *id_number;             /* owned: fixed after registration */
  char     *name;                  /* owned: fixed after registration */
  char     *gender;                /* owned: "male" / "female", from the ID number */
  char     *birth_date;            /* owned: YYYY-MM-DD, from the ID number */
  char     *mobile;                /* owned, nullable */
  ZcRole    role;
  char     *unit_id;               /* owned, nullable */
  char     *password_hash;         /* owned: crypto_pwhash_str */
  gboolean  must_change_password;  /* an initial password given by an admin or a unit */
  gint64    created_at;            /* µs since 1970 UTC */
  gint64    updated_at;
} ZcAccount;

typedef struct
{
  const char *text;      /* nullable: part of the name, or a whole ID number or mobile */
  int         role;      /* a ZcRole, or -1 for any */
  const char *unit_id;   /* nullable */
  guint       limit;
  guint       offset;
} ZcAccountQuery;

ZcAccount  *zc_account_new                    (void);
void        zc_account_free                   (ZcAccount             *account);

gboolean    zc_store_accounts_insert          (ZcStoreTxn            *txn,
                                               const ZcAccount       *account,
                                               GError               **error);
ZcAccount  *zc_store_accounts_get             (ZcStoreTxn            *txn,
                                               const char            *id,
                                               GError               **error);
ZcAccount  *zc_store_accounts_get_by_login    (ZcStoreTxn            *txn,
                                               const char            *login,
                                               GError               **error);
ZcAccount  *zc_store_accounts_get_by_id_number (ZcStoreTxn           *txn,
                                               const char            *id_number,
                                               GError               **error);
gboolean    zc_store_accounts_is_taken        (ZcStoreTxn            *txn,
                                               const char            *id_number,
                                               const char            *mobile,
                                               gboolean              *taken,
                                               GError               **error);
GPtrArray  *zc_store_accounts_search          (ZcStoreTxn            *txn,
                                               const ZcAccountQuery  *query,
                                               GError               **error);
gboolean    zc_store_accounts_set_password    (ZcStoreTxn            *txn,
                                               const char            *id,
                                               const char            *password_hash,
                                               gboolean               must_change_password,
                                               gint64                 now,
                                               GError               **error);
gboolean    zc_store_accounts_set_role        (ZcStoreTxn            *txn,
                                               const char            *id,
                                               ZcRole                 role,
                                               const char            *unit_id,
                                               gint64                 now,
                                               GError               **error);
gboolean    zc_store_accounts_set_unit        (ZcStoreTxn            *txn,
                                               const char            *id,
                                               const char            *unit_id,
                                               gint64                 now,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcAccount, zc_account_free)

G_END_DECLS
