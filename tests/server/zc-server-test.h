/* zc-server-test.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-test-server.h"

G_BEGIN_DECLS

/* Helpers of the server suite only (they need SQLite). */

gint64        zc_server_test_query_int   (const char   *db_path,
                                          const char   *sql);
gint64        zc_server_test_count       (ZcTestServer *server,
                                          const char   *sql);
JsonObject   *zc_server_test_object      (JsonNode     *node);
char         *zc_server_test_id_of_unit  (ZcTestServer *server,
                                          const char   *token,
                                          const char   *credit_code);
char         *zc_server_test_id_number   (guint         serial,
                                          gboolean      male);
char         *zc_server_test_admin_token (ZcTestServer *server);
char         *zc_server_test_account_id (ZcTestServer *server,
                                          const char   *token);
char         *zc_server_test_add_account (ZcTestServer *server,
                                          const char   *admin_token,
                                          const char   *id_number,
                                          const char   *name,
                                          const char   *role,
                                          const char   *unit_id,
                                          char        **token);
JsonNode     *zc_server_test_ok         (ZcTestServer *server,
                                          const char   *method,
                                          const char   *path,
                                          const char   *token,
                                          const char   *body,
                                          guint         expected_status);
void          zc_server_test_expect      (ZcTestServer *server,
                                          const char   *method,
                                          const char   *path,
                                          const char   *token,
                                          const char   *body,
                                          guint         expected_status,
                                          const char   *expected_code);

/* A password that passes the policy, for accounts the tests make. */
#define ZC_SERVER_TEST_PASSWORD "zhicheng2026test"

G_END_DECLS
