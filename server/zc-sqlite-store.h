/* zc-sqlite-store.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_SQLITE_STORE (zc_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (ZcSqliteStore, zc_sqlite_store, ZC, SQLITE_STORE, GObject)

ZcStore *zc_sqlite_store_open (const char  *path,
                               GError     **error);

G_END_DECLS
