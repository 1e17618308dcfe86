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
 * it can be driven with synchronous HTTP and killed with SIGKILL.
 * It always runs with ZHICHENG_TEST_FAST_HASH=1 (libsodium's minimum
 * Argon2id costs) so that the suites do not spend minutes hashing. */

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
ZcTestServer *zc_test_server_start_full (const char        *data_dir,
                                        const char * const *extra_args,
                                        const char * const *extra_env);
void          zc_test_server_stop      (ZcTestServer       *server);
void          zc_test_server_kill      (ZcTestServer       *server);
JsonNode     *zc_test_server_request   (ZcTestServer       *server,
                                        const char         *method,
                                        const char         *path,
                                        const char         *accept_language,
                                        const char         *body,
                                        guint              *status);
JsonNode     *zc_test_server_call      (ZcTestServer       *server,
                                        const char         *method,
                                        const char         *path,
                                        const char         *token,
                                        const char         *accept_language,
                                        const char         *body,
                                        guint              *status,
                                        char              **retry_after);
char         *zc_test_server_login     (ZcTestServer       *server,
                                        const char         *login,
                                        const char         *password);
/* PUTs @bytes as a blob with @token (201 asserted); returns its SHA-256 */
char         *zc_test_server_put_blob  (ZcTestServer       *server,
                                        const char         *token,
                                        GBytes             *bytes);
char         *zc_test_server_db_path   (ZcTestServer       *server);
char         *zc_test_run_admin        (const char         *data_dir,
                                        const char * const *args,
                                        int                *exit_status);
void          zc_test_rm_rf            (const char         *path);

const char   *zc_test_member_string    (JsonNode           *node,
                                        const char         *name);
void          zc_test_assert_error     (JsonNode           *node,
                                        const char         *code);

/* The demo data of --demo (server/zc-demo.c). */
#define ZC_TEST_DEMO_PASSWORD           "demo2026"
#define ZC_TEST_DEMO_APPLICANT          "410102198503120014"   /* bound to the hospital */
#define ZC_TEST_DEMO_APPLICANT2         "41010519900718002X"   /* not bound */
#define ZC_TEST_DEMO_UNIT_OFFICER       "410103197805210041"   /* the hospital */
#define ZC_TEST_DEMO_HR_OFFICER         "410105199206060071"   /* the district HR bureau */
#define ZC_TEST_DEMO_DEPARTMENT_OFFICER "410102198209140030"
#define ZC_TEST_DEMO_COMMITTEE_OFFICER  "410105197511300060"
#define ZC_TEST_DEMO_ISSUER             "410103198802270051"
#define ZC_TEST_DEMO_ADMIN              "410102197001010080"
#define ZC_TEST_DEMO_HOSPITAL_CODE      "12410100MB0000005H"
#define ZC_TEST_DEMO_COMPANY_CODE       "91410100MA0000006D"
#define ZC_TEST_DEMO_DISTRICT_HR_CODE   "11410105MB00000073"

G_END_DECLS
