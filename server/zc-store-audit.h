/* zc-store-audit.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/* The append-only audit trail.  Each row carries the SHA-256 of the
 * previous row's hash and its own fields, so editing or deleting any
 * row breaks the chain from there on (zc_store_audit_verify()).
 * Append in the same transaction as the change it records. */

typedef struct
{
  const char *actor;     /* nullable: the account acting */
  const char *action;    /* a dotted name: "session.create", "binding.approve" … */
  const char *object;    /* nullable: the id acted on */
  const char *detail;    /* nullable: short, no secrets */
  const char *address;   /* nullable: the client's address */
} ZcAuditEntry;

gboolean zc_store_audit_append  (ZcStoreTxn          *txn,
                                 gint64               now,
                                 const ZcAuditEntry  *entry,
                                 GError             **error);
gboolean zc_store_audit_verify  (ZcStoreTxn          *txn,
                                 gint64              *n_checked,
                                 gint64              *first_broken,
                                 GError             **error);

G_END_DECLS
