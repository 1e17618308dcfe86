/* zc-store-integrity.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/* Integrity records (诚信档案): a ban on declaring, by resident ID
 * number (the person may have no account yet), kept by the admin. */
typedef struct
{
  char   *id;          /* owned: UUID */
  char   *id_number;   /* owned */
  char   *reason;      /* owned */
  gint64  until;       /* µs since 1970 UTC: in force before this */
  gint64  created_at;
  char   *created_by;  /* owned, nullable: "admin command" or an account id */
} ZcIntegrityRecord;

void        zc_integrity_record_free         (ZcIntegrityRecord *record);

/* The records of @id_number still in force at @now; empty, not NULL,
 * when there are none. */
GPtrArray  *zc_store_integrity_active        (ZcStoreTxn        *txn,
                                              const char        *id_number,
                                              gint64             now,
                                              GError           **error);

/* The admin's side (zhicheng-server admin integrity-*). */
gboolean    zc_store_integrity_insert        (ZcStoreTxn              *txn,
                                              const ZcIntegrityRecord *record,
                                              GError                 **error);
/* Every record, newest first; with @id_number (nullable) only that
 * person's; with @active_at > 0 only those in force then. */
GPtrArray  *zc_store_integrity_list          (ZcStoreTxn        *txn,
                                              const char        *id_number,
                                              gint64             active_at,
                                              GError           **error);
/* NOT_FOUND when there is no record @id. */
gboolean    zc_store_integrity_remove        (ZcStoreTxn        *txn,
                                              const char        *id,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcIntegrityRecord, zc_integrity_record_free)

G_END_DECLS
