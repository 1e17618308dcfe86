/* zc-test-server.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The real zhicheng-server, started as its own process on a free
 * loopback port with a temporary data folder.  Being another process,
 * it can be driven with synchronous HTTP and killed with SIGKILL. */

typedef struct
{
  GSubprocess *process;    /* owned */
  char        *data_dir;   /* owned */
  char        *url;        /* owned: "http://127.0.0.1:PORT" without a slash */
  gboolean     keep_data;  /* leave data_dir behind at stop */
} ZcTestServer;

ZcTestServer *zc_test_server_start     (const char * const *extra_args);
ZcTestServer *zc_test_server_start_in  (const char         *data_dir,
                                        const char * const *extra_args);
void          zc_test_server_stop      (ZcTestServer       *server);
void          zc_test_server_kill      (ZcTestServer       *server);
JsonNode     *zc_test_server_request   (ZcTestServer       *server,
                                        const char         *method,
                                        const char         *path,
                                        const char         *accept_language,
                                        const char         *body,
                                        guint              *status);
void          zc_test_rm_rf            (const char         *path);

G_END_DECLS
