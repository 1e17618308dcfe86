/* test-health.c: GET /api/v1/health on the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "zc-test-server.h"

static const char *
member_string (JsonNode   *node,
               const char *name)
{
  JsonNode *member;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  member = json_object_get_member (json_node_get_object (node), name);
  g_assert_nonnull (member);
  g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_STRING);
  return json_node_get_string (member);
}

static void
test_health_ok (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *db_path = g_build_filename (server->data_dir, "zhicheng.db", NULL);
  JsonObject *database;
  guint status = 0;

  answer = zc_test_server_request (server, "GET", "/api/v1/health", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (member_string (answer, "status"), ==, "ok");
  g_assert_cmpstr (member_string (answer, "service"), ==, "zhicheng-server");
  g_assert_cmpstr (member_string (answer, "version"), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_suffix (member_string (answer, "server_time"), "+08:00"));

  database = json_object_get_object_member (json_node_get_object (answer), "database");
  g_assert_true (json_object_get_boolean_member (database, "ok"));
  g_assert_cmpint (json_object_get_int_member (database, "schema_version"), >=, 1);
  g_assert_cmpuint (strlen (json_object_get_string_member (database, "epoch")), ==, 32);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (answer), "demo"));

  /* the data folder and its database were created */
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));

  zc_test_server_stop (server);
}

static void
test_health_demo_and_restart (void)
{
  const char * const demo[] = { "--demo", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-test-health-XXXXXX", &error);
  g_autofree char *epoch = NULL;
  ZcTestServer *server;
  guint status = 0;

  server = zc_test_server_start_in (dir, demo);
  server->keep_data = TRUE;
  {
    g_autoptr(JsonNode) answer = zc_test_server_request (server, "GET", "/api/v1/health", NULL, NULL, &status);
    JsonObject *object = json_node_get_object (answer);

    g_assert_cmpuint (status, ==, 200);
    g_assert_true (json_object_get_boolean_member (object, "demo"));
    epoch = g_strdup (json_object_get_string_member (json_object_get_object_member (object, "database"), "epoch"));
  }
  zc_test_server_stop (server);

  /* the same folder again: migrations are not re-run, the epoch is kept */
  server = zc_test_server_start_in (dir, NULL);
  {
    g_autoptr(JsonNode) answer = zc_test_server_request (server, "GET", "/api/v1/health", NULL, NULL, &status);
    JsonObject *database = json_object_get_object_member (json_node_get_object (answer), "database");

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (database, "epoch"), ==, epoch);
  }
  zc_test_server_stop (server);
}

static void
test_unknown_path_and_method (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autoptr(JsonNode) zh = NULL;
  g_autoptr(JsonNode) en = NULL;
  g_autoptr(JsonNode) post = NULL;
  guint status = 0;

  zh = zc_test_server_request (server, "GET", "/api/v1/nothing-here", "zh-CN,zh;q=0.9", NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpstr (member_string (zh, "code"), ==, "not_found");
  g_assert_cmpstr (member_string (zh, "message"), ==, "此地址没有内容。");

  en = zc_test_server_request (server, "GET", "/api/v1/nothing-here", "en-GB,en;q=0.8", NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpstr (member_string (en, "message"), ==, "There is nothing at this address.");

  post = zc_test_server_request (server, "POST", "/api/v1/health", "en", "{}", &status);
  g_assert_cmpuint (status, ==, 405);
  g_assert_cmpstr (member_string (post, "code"), ==, "method_not_allowed");

  zc_test_server_stop (server);
}

static void
test_oversized_body_refused (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *big = g_malloc (2 * 1024 * 1024 + 1);
  guint status = 0;

  memset (big, ' ', 2 * 1024 * 1024);
  big[2 * 1024 * 1024] = '\0';
  answer = zc_test_server_request (server, "POST", "/api/v1/health", "en", big, &status);
  g_assert_cmpuint (status, ==, 413);
  g_assert_cmpstr (member_string (answer, "code"), ==, "body_too_large");

  zc_test_server_stop (server);
}

static void
test_bad_arguments (void)
{
  const char *binary = g_getenv ("ZHICHENG_SERVER");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err_text = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              binary, "--listen", "not-an-address", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  g_assert_nonnull (strstr (err_text, "not-an-address"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/health/ok", test_health_ok);
  g_test_add_func ("/server/health/demo-and-restart", test_health_demo_and_restart);
  g_test_add_func ("/server/http/unknown-path-and-method", test_unknown_path_and_method);
  g_test_add_func ("/server/http/oversized-body", test_oversized_body_refused);
  g_test_add_func ("/server/cli/bad-arguments", test_bad_arguments);

  return g_test_run ();
}
