/* zc-store.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The storage interface.  Services and handlers talk to a ZcStore and
 * never write SQL of their own, so a PostgreSQL implementation can take
 * the SQLite one's place.  Every method may block: call it from a
 * worker thread, never from the libsoup main loop. */

#define ZC_STORE_ERROR (zc_store_error_quark ())

typedef enum
{
  ZC_STORE_ERROR_OPEN,
  ZC_STORE_ERROR_MIGRATION,
  ZC_STORE_ERROR_BUSY,
  ZC_STORE_ERROR_IO,
} ZcStoreError;

typedef struct
{
  char     *epoch;           /* owned: changes when the database is restored or reset */
  gint64    schema_version;
  gboolean  demo;
} ZcStoreInfo;

void zc_store_info_clear (ZcStoreInfo *info);

#define ZC_TYPE_STORE (zc_store_get_type ())
G_DECLARE_INTERFACE (ZcStore, zc_store, ZC, STORE, GObject)

struct _ZcStoreInterface
{
  GTypeInterface parent_iface;

  gboolean (*get_info)  (ZcStore      *store,
                         ZcStoreInfo  *info,
                         GError      **error);
  gboolean (*set_demo)  (ZcStore      *store,
                         gboolean      demo,
                         GError      **error);
};

GQuark   zc_store_error_quark (void);
gboolean zc_store_get_info    (ZcStore      *store,
                               ZcStoreInfo  *info,
                               GError      **error);
gboolean zc_store_set_demo    (ZcStore      *store,
                               gboolean      demo,
                               GError      **error);

G_END_DECLS

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZcStoreInfo, zc_store_info_clear)
