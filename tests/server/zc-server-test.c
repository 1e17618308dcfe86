/* zc-server-test.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "zc-server-test.h"

/**
 * zc_server_test_query_int:
 * @sql: a query whose first column of its first row is an integer
 *
 * Opens a database read-only, as another process would, to check
 * what was (or was not) stored.
 */
gint64
zc_server_test_query_int (const char *db_path,
                          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

gint64
zc_server_test_count (ZcTestServer *server,
                      const char   *sql)
{
  g_autofree char *path = zc_test_server_db_path (server);

  return zc_server_test_query_int (path, sql);
}

JsonObject *
zc_server_test_object (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_node_get_object (node);
}

/* Returns: (transfer full): the id of the unit with @credit_code, found
 * through the search API */
char *
zc_server_test_id_of_unit (ZcTestServer *server,
                           const char   *token,
                           const char   *credit_code)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/units?query=%s", credit_code);
  JsonArray *units;
  guint status = 0;

  answer = zc_test_server_call (server, "GET", path, token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  units = json_object_get_array_member (zc_server_test_object (answer), "units");
  g_assert_cmpuint (json_array_get_length (units), ==, 1);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (units, 0), "id"));
}

/**
 * zc_server_test_expect:
 * @expected_code: (nullable): the error code the answer must carry
 *
 * Calls the server in English and in Chinese and checks the status,
 * the code, and that the two messages differ (both exist, the Chinese
 * one translated when the catalog has it) — or only the status for a
 * success.
 */
void
zc_server_test_expect (ZcTestServer *server,
                       const char   *method,
                       const char   *path,
                       const char   *token,
                       const char   *body,
                       guint         expected_status,
                       const char   *expected_code)
{
  g_autoptr(JsonNode) en = NULL;
  g_autoptr(JsonNode) zh = NULL;
  guint status = 0;

  en = zc_test_server_call (server, method, path, token, "en", body, &status, NULL);
  if (status != expected_status)
    g_error ("%s %s: expected %u, got %u (%s)", method, path, expected_status, status,
             en != NULL && JSON_NODE_HOLDS_OBJECT (en) &&
             json_object_has_member (json_node_get_object (en), "code")
               ? json_object_get_string_member (json_node_get_object (en), "code") : "no body");

  if (expected_code == NULL)
    return;

  zc_test_assert_error (en, expected_code);
  zh = zc_test_server_call (server, method, path, token, "zh-CN", body, &status, NULL);
  g_assert_cmpuint (status, ==, expected_status);
  zc_test_assert_error (zh, expected_code);
}

/**
 * zc_server_test_id_number:
 * @serial: 0 to 499
 *
 * Returns: (transfer full): a valid ID number of someone born in
 *   Beijing's Dongcheng district on 1 January 1990, distinct per serial
 */
char *
zc_server_test_id_number (guint    serial,
                          gboolean male)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  char *number;
  int sum = 0;

  g_assert_cmpuint (serial, <, 500);
  number = g_strdup_printf ("11010119900101%03u?", serial * 2 + (male ? 1 : 0));
  for (guint i = 0; i < 17; i++)
    sum += (number[i] - '0') * weights[i];
  number[17] = checks[sum % 11];

  return number;
}

/* Returns: (transfer full): a session of the demo administrator */
char *
zc_server_test_admin_token (ZcTestServer *server)
{
  return zc_test_server_login (server, ZC_TEST_DEMO_ADMIN, ZC_TEST_DEMO_PASSWORD);
}
