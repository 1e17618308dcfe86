/* zc-local-store-migrations.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The local store's schema, as numbered SQL scripts: script i (from 0)
 * brings the database from user_version i to i + 1.  Never edit a
 * published script: append a new one. */

guint                zc_local_store_migrations_get_latest (void);
const char * const  *zc_local_store_migrations_get_scripts (guint      *n_scripts);

gboolean             zc_local_store_migrate               (sqlite3    *db,
                                                           guint      *from_version_out,
                                                           GError    **error);
gboolean             zc_local_store_migrate_with          (sqlite3            *db,
                                                           const char * const *scripts,
                                                           guint               n_scripts,
                                                           guint              *from_version_out,
                                                           GError            **error);

G_END_DECLS
