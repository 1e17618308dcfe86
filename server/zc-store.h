/* zc-store.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The storage layer.  Services and handlers talk to a ZcStore and never
 * write SQL of their own, so a PostgreSQL implementation can take the
 * SQLite one's place.  Its shape:
 *
 *   ZcStore (this interface)       a backend: opens, migrates, hands out
 *                                  transactions, reports, backs up
 *   ZcStoreTxn                     one transaction on one connection of
 *                                  the backend's pool; every domain call
 *                                  takes one
 *   zc-store-sql.h                 the small statement API a backend
 *                                  implements (prepare, bind, step, read)
 *   zc-store-NAME.[ch]             one domain each (accounts, sessions,
 *                                  units, bindings, audit …): typed
 *                                  functions taking a ZcStoreTxn, written
 *                                  in portable SQL on zc-store-sql.h
 *   zc-sqlite-*.c                  everything SQLite-specific: the pool,
 *                                  pragmas, migrations (DDL), backup
 *
 * Adding a domain adds a zc-store-NAME.[ch] pair and a migration; no
 * vtable grows.  A service opens a transaction, calls domain functions,
 * commits:
 *
 *   g_autoptr(ZcStoreTxn) txn = zc_store_begin_write (store, error);
 *   if (txn == NULL || !zc_store_accounts_insert (txn, account, error))
 *     return FALSE;
 *   return zc_store_txn_commit (txn, error);
 *
 * A transaction that is freed without a commit rolls back.  Never hold
 * one across slow work (a password hash): read, release, work, then
 * write.  Every call may block: use them from a worker thread, never
 * from the libsoup main loop. */

#define ZC_STORE_ERROR (zc_store_error_quark ())

/* Append only: callers switch on these. */
typedef enum
{
  ZC_STORE_ERROR_OPEN,
  ZC_STORE_ERROR_MIGRATION,
  ZC_STORE_ERROR_BUSY,        /* locked for too long or no free connection: retry later */
  ZC_STORE_ERROR_IO,
  ZC_STORE_ERROR_NOT_FOUND,   /* the row a domain function was asked for does not exist */
  ZC_STORE_ERROR_CONSTRAINT,  /* a unique or foreign key constraint refused the change */
} ZcStoreError;

typedef struct
{
  char     *epoch;           /* owned: changes when the database is restored or reset */
  gint64    schema_version;
  gboolean  demo;
} ZcStoreInfo;

void zc_store_info_clear (ZcStoreInfo *info);

typedef struct _ZcStoreTxn ZcStoreTxn;

#define ZC_TYPE_STORE (zc_store_get_type ())
G_DECLARE_INTERFACE (ZcStore, zc_store, ZC, STORE, GObject)

struct _ZcStoreInterface
{
  GTypeInterface parent_iface;

  gboolean     (*get_info)  (ZcStore      *store,
                             ZcStoreInfo  *info,
                             GError      **error);
  gboolean     (*set_demo)  (ZcStore      *store,
                             gboolean      demo,
                             GError      **error);
  ZcStoreTxn  *(*begin)     (ZcStore      *store,
                             gboolean      write,
                             GError      **error);
  gboolean     (*backup)    (ZcStore      *store,
                             const char   *path,
                             GError      **error);
};

GQuark      zc_store_error_quark  (void);
gboolean    zc_store_get_info     (ZcStore      *store,
                                   ZcStoreInfo  *info,
                                   GError      **error);
gboolean    zc_store_set_demo     (ZcStore      *store,
                                   gboolean      demo,
                                   GError      **error);
ZcStoreTxn *zc_store_begin_read   (ZcStore      *store,
                                   GError      **error);
ZcStoreTxn *zc_store_begin_write  (ZcStore      *store,
                                   GError      **error);
gboolean    zc_store_backup       (ZcStore      *store,
                                   const char   *path,
                                   GError      **error);

gboolean    zc_store_txn_commit   (ZcStoreTxn   *txn,
                                   GError      **error);
void        zc_store_txn_free     (ZcStoreTxn   *txn);

/* One nested step of a write transaction (SQL savepoints, which
 * PostgreSQL has too): a step that fails is undone alone and the
 * transaction goes on.  Steps do not nest in each other. */
gboolean    zc_store_txn_step_begin     (ZcStoreTxn   *txn,
                                         GError      **error);
gboolean    zc_store_txn_step_end       (ZcStoreTxn   *txn,
                                         GError      **error);
gboolean    zc_store_txn_step_undo      (ZcStoreTxn   *txn,
                                         GError      **error);

G_END_DECLS

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZcStoreInfo, zc_store_info_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcStoreTxn, zc_store_txn_free)
