/* zc-test-server.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

#include "zc-test-server.h"

void
zc_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            zc_test_rm_rf (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/**
 * zc_test_server_start_full:
 * @data_dir: (nullable): the data folder; a new temporary one when NULL
 * @extra_env: (nullable): "NAME=VALUE" settings for the server
 */
ZcTestServer *
zc_test_server_start_full (const char         *data_dir,
                           const char * const *extra_args,
                           const char * const *extra_env)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *line = NULL;
  const char *binary = g_getenv ("ZHICHENG_SERVER");
  ZcTestServer *server;

  g_assert_nonnull (binary);

  server = g_new0 (ZcTestServer, 1);
  if (data_dir != NULL)
    server->data_dir = g_strdup (data_dir);
  else
    {
      server->data_dir = g_dir_make_tmp ("zc-test-server-XXXXXX", &error);
      g_assert_no_error (error);
    }

  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, server->data_dir);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "ZHICHENG_TEST_FAST_HASH", "1", TRUE);
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (extra_env[i], "=", 2);

      g_assert_nonnull (pair[1]);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  /* a test that fails an assertion must not leave its server running */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Listening on http://127.0.0.1:"));

  server->url = g_strdup (line + strlen ("Listening on "));
  if (g_str_has_suffix (server->url, "/"))
    server->url[strlen (server->url) - 1] = '\0';

  return server;
}

ZcTestServer *
zc_test_server_start_in (const char         *data_dir,
                         const char * const *extra_args)
{
  return zc_test_server_start_full (data_dir, extra_args, NULL);
}

ZcTestServer *
zc_test_server_start (const char * const *extra_args)
{
  return zc_test_server_start_full (NULL, extra_args, NULL);
}

static void
zc_test_server_free (ZcTestServer *server)
{
  if (!server->keep_data)
    zc_test_rm_rf (server->data_dir);
  g_clear_object (&server->process);
  g_free (server->data_dir);
  g_free (server->url);
  g_free (server);
}

void
zc_test_server_stop (ZcTestServer *server)
{
  g_autoptr(GError) error = NULL;

  if (server == NULL)
    return;

  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server->process));
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);
  zc_test_server_free (server);
}

void
zc_test_server_kill (ZcTestServer *server)
{
  if (server == NULL)
    return;

  g_subprocess_force_exit (server->process);
  g_subprocess_wait (server->process, NULL, NULL);
  zc_test_server_free (server);
}

/**
 * zc_test_server_request:
 * @body: (nullable): a JSON request body
 *
 * Returns: (transfer full) (nullable): the parsed JSON answer, or NULL
 *   when the answer has no body
 */
JsonNode *
zc_test_server_request (ZcTestServer *server,
                        const char   *method,
                        const char   *path,
                        const char   *accept_language,
                        const char   *body,
                        guint        *status)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *url = g_strconcat (server->url, path, NULL);
  const char *content_type;
  gsize length = 0;
  const char *data;

  msg = soup_message_new (method, url);
  g_assert_nonnull (msg);
  if (accept_language != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Accept-Language", accept_language);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);

  data = g_bytes_get_data (answer, &length);
  if (length == 0)
    return NULL;

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  g_assert_cmpstr (content_type, ==, "application/json");
  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/**
 * zc_test_server_call:
 * @token: (nullable): sent as `Authorization: Bearer`
 * @body: (nullable): a request body, sent as it is (it need not be JSON)
 * @retry_after: (out) (optional) (nullable): the Retry-After header
 *
 * Returns: (transfer full) (nullable): the parsed JSON answer, or NULL
 *   when the answer has no body
 */
JsonNode *
zc_test_server_call (ZcTestServer *server,
                     const char   *method,
                     const char   *path,
                     const char   *token,
                     const char   *accept_language,
                     const char   *body,
                     guint        *status,
                     char        **retry_after)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *url = g_strconcat (server->url, path, NULL);
  SoupMessageHeaders *headers;
  gsize length = 0;
  const char *data;

  msg = soup_message_new (method, url);
  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (accept_language != NULL)
    soup_message_headers_replace (headers, "Accept-Language", accept_language);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (retry_after != NULL)
    *retry_after = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After"));

  data = g_bytes_get_data (answer, &length);
  if (length == 0)
    return NULL;

  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                   ==, "application/json");
  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/* Returns: (transfer full): a session token; fails the test unless 201 */
char *
zc_test_server_login (ZcTestServer *server,
                      const char   *login,
                      const char   *password)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *body = NULL;
  guint status = 0;

  body = g_strdup_printf ("{\"login\": \"%s\", \"password\": \"%s\"}", login, password);
  answer = zc_test_server_call (server, "POST", "/api/v1/sessions", NULL, "en", body, &status, NULL);
  if (status != 201)
    g_error ("Login of %s failed with %u: %s", login, status,
             answer != NULL ? zc_test_member_string (answer, "message") : "");

  return g_strdup (zc_test_member_string (answer, "token"));
}

char *
zc_test_server_db_path (ZcTestServer *server)
{
  return g_build_filename (server->data_dir, "zhicheng.db", NULL);
}

/**
 * zc_test_run_admin:
 * @args: the command and its options, after `admin --data-dir DIR`
 * @exit_status: (out): the exit status
 *
 * Returns: (transfer full): what the command printed on stdout
 */
char *
zc_test_run_admin (const char         *data_dir,
                   const char * const *args,
                   int                *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ZHICHENG_SERVER"));
  g_ptr_array_add (argv, (gpointer) "admin");
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, (gpointer) data_dir);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "ZHICHENG_TEST_FAST_HASH", "1", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  *exit_status = g_subprocess_get_exit_status (process);

  return out;
}

/* Returns: (transfer none): the string member @name of the object @node */
const char *
zc_test_member_string (JsonNode   *node,
                       const char *name)
{
  JsonNode *member;

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  member = json_object_get_member (json_node_get_object (node), name);
  g_assert_nonnull (member);
  g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_STRING);
  return json_node_get_string (member);
}

/* An error answer: {"code": @code, "message": something} */
void
zc_test_assert_error (JsonNode   *node,
                      const char *code)
{
  g_assert_cmpstr (zc_test_member_string (node, "code"), ==, code);
  g_assert_cmpuint (strlen (zc_test_member_string (node, "message")), >, 0);
}

char *
zc_test_server_put_blob (ZcTestServer *server,
                         const char   *token,
                         GBytes       *bytes)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  url = g_strconcat (server->url, "/api/v1/blobs/", sha256, NULL);
  msg = soup_message_new ("PUT", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, NULL, bytes);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
  return sha256;
}
