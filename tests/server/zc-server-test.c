/* zc-server-test.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "zc-json.h"
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

/* Returns: (transfer full): the id of the account @token belongs to */
char *
zc_server_test_account_id (ZcTestServer *server,
                           const char   *token)
{
  g_autoptr(JsonNode) me = NULL;
  guint status = 0;

  me = zc_test_server_call (server, "GET", "/api/v1/me", token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);

  return g_strdup (zc_test_member_string (me, "id"));
}

/**
 * zc_server_test_ok:
 *
 * Calls the server in English and fails the test unless it answers
 * @expected_status.
 *
 * Returns: (transfer full) (nullable): the answer
 */
JsonNode *
zc_server_test_ok (ZcTestServer *server,
                   const char   *method,
                   const char   *path,
                   const char   *token,
                   const char   *body,
                   guint         expected_status)
{
  JsonNode *answer;
  guint status = 0;

  answer = zc_test_server_call (server, method, path, token, "en", body, &status, NULL);
  if (status != expected_status)
    {
      g_autofree char *text = answer != NULL ? zc_json_to_string (answer) : g_strdup ("no body");

      g_error ("%s %s: expected %u, got %u: %s", method, path, expected_status, status, text);
    }

  return answer;
}

/**
 * zc_server_test_add_account:
 * @unit_id: (nullable): the account's unit
 * @token: (out) (optional): a session of the new account, its initial
 *   password already changed to %ZC_SERVER_TEST_PASSWORD
 *
 * Has the administrator create an account.
 *
 * Returns: (transfer full): the new account's id
 */
char *
zc_server_test_add_account (ZcTestServer *server,
                            const char   *admin_token,
                            const char   *id_number,
                            const char   *name,
                            const char   *role,
                            const char   *unit_id,
                            char        **token)
{
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autofree char *body = NULL;
  g_autofree char *change = NULL;
  g_autofree char *session = NULL;
  JsonObject *account;

  if (unit_id != NULL)
    body = g_strdup_printf ("{\"id_number\": \"%s\", \"name\": \"%s\", \"role\": \"%s\", \"unit_id\": \"%s\"}",
                            id_number, name, role, unit_id);
  else
    body = g_strdup_printf ("{\"id_number\": \"%s\", \"name\": \"%s\", \"role\": \"%s\"}",
                            id_number, name, role);
  created = zc_server_test_ok (server, "POST", "/api/v1/admin/accounts", admin_token, body, 201);
  account = json_object_get_object_member (zc_server_test_object (created), "account");

  if (token != NULL)
    {
      session = zc_test_server_login (server, id_number, zc_test_member_string (created, "initial_password"));
      change = g_strdup_printf ("{\"old_password\": \"%s\", \"new_password\": \"%s\"}",
                                zc_test_member_string (created, "initial_password"), ZC_SERVER_TEST_PASSWORD);
      changed = zc_server_test_ok (server, "POST", "/api/v1/me/password", session, change, 204);
      *token = g_steal_pointer (&session);
    }

  return g_strdup (json_object_get_string_member (account, "id"));
}
