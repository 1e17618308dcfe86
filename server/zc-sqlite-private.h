/* zc-sqlite-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "zc-store.h"

G_BEGIN_DECLS

/* Shared by the zc-sqlite-*.c files only. */

gboolean zc_sqlite_exec              (sqlite3     *db,
                                      const char  *sql,
                                      int          code,
                                      GError     **error);
gint64   zc_sqlite_query_int         (sqlite3     *db,
                                      const char  *sql);
void     zc_sqlite_set_error         (GError     **error,
                                      sqlite3     *db,
                                      int          rc);
gboolean zc_sqlite_migrate           (sqlite3     *db,
                                      GError     **error);
guint    zc_sqlite_migrations_count  (void);

G_END_DECLS
