/* zc-store.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include "zc-store.h"

G_DEFINE_QUARK (zc-store-error-quark, zc_store_error)
G_DEFINE_INTERFACE (ZcStore, zc_store, G_TYPE_OBJECT)

static void
zc_store_default_init (ZcStoreInterface *iface)
{
}

void
zc_store_info_clear (ZcStoreInfo *info)
{
  g_clear_pointer (&info->epoch, g_free);
}

gboolean
zc_store_get_info (ZcStore      *store,
                   ZcStoreInfo  *info,
                   GError      **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ZC_STORE_GET_IFACE (store)->get_info (store, info, error);
}

gboolean
zc_store_set_demo (ZcStore   *store,
                   gboolean   demo,
                   GError   **error)
{
  g_return_val_if_fail (ZC_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ZC_STORE_GET_IFACE (store)->set_demo (store, demo, error);
}
