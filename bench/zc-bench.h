/* zc-bench.h: what the client benchmarks share — a demo server, a
 * signed-in session, a store with its sync engine, and small measures
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <sqlite3.h>

#include "zc-session.h"
#include "zc-sync-engine.h"

G_BEGIN_DECLS

#define ZC_BENCH_DEMO_PASSWORD "demo2026"

/* The program's name for messages; call first. */
void          zc_bench_init            (const char    *program);
/* Says what failed, stops the server started here, exits 1. */
G_NORETURN void zc_bench_die           (const char    *what,
                                        const GError  *error);
void          zc_bench_iterate_until   (gboolean      *flag);
/* Resident memory of this process, MiB. */
double        zc_bench_rss_mib         (void);
void          zc_bench_sql_exec        (sqlite3       *db,
                                        const char    *sql);
/* `zhicheng-server --demo` on a free loopback port; its address in @url. */
GSubprocess  *zc_bench_start_server    (const char    *server_path,
                                        const char    *data_dir,
                                        char         **url);
ZcSession    *zc_bench_sign_in         (const char    *url,
                                        const char    *login);
ZcSyncEngine *zc_bench_engine_for      (const char    *path,
                                        ZcSession     *session);
/* One sync cycle, to its end. */
void          zc_bench_sync            (ZcSyncEngine  *engine);
/* For a window's frame clock "after-paint": sets the gboolean. */
void          zc_bench_on_after_paint  (GdkFrameClock *clock,
                                        gpointer       painted);
void          zc_bench_remove_tree     (const char    *path);

G_END_DECLS
