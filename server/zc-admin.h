/* zc-admin.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `zhicheng-server admin --data-dir DIR [--json] COMMAND [OPTIONS]`:
 * create units and accounts, set roles, reset passwords and take
 * backups on the database of a data folder, also while the server
 * runs on it (SQLite WAL).  Exit status 0 on success, 1 when the
 * command failed, 2 for a usage error. */

int zc_admin_main (int    argc,
                   char **argv);

G_END_DECLS
