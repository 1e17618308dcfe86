/* test-session.c: the API client and the session, against the real
 * server and a stub one
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-api-client.h"
#include "zc-i18n.h"
#include "zc-session.h"
#include "zc-test-server.h"

static void
iterate_until (gboolean *done)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!*done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A valid resident ID number (GB 11643) that no demo account uses. */
static char *
make_id_number (guint serial)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  g_autofree char *base = g_strdup_printf ("41010219880808%03u", serial % 1000);
  int sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (base[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", base, checks[sum % 11]);
}

/* Calls, each waited for */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  JsonNode *answer;
  GBytes   *bytes;
  GError   *error;
} Call;

static void
call_clear (Call *call)
{
  g_clear_pointer (&call->answer, json_node_unref);
  g_clear_pointer (&call->bytes, g_bytes_unref);
  g_clear_error (&call->error);
  memset (call, 0, sizeof *call);
}

static void
on_called (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;

  call->ok = zc_api_client_call_finish (ZC_API_CLIENT (source), result, &call->answer, &call->error);
  call->done = TRUE;
}

/* a whole list: the answer holds the joined array */
static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;
  JsonArray *all = zc_api_client_list_plan_declarations_finish (ZC_API_CLIENT (source), result, &call->error);

  call->ok = all != NULL;
  if (all != NULL)
    call->answer = json_node_init_array (json_node_alloc (), all);
  g_clear_pointer (&all, json_array_unref);
  call->done = TRUE;
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Call *call = user_data;

  call->bytes = zc_api_client_download_finish (ZC_API_CLIENT (source), result, NULL, &call->error);
  call->ok = call->bytes != NULL;
  call->done = TRUE;
}

static void
call (ZcApiClient *api,
      const char  *method,
      const char  *path,
      const char  *json,
      Call        *result)
{
  g_autoptr(JsonNode) body = json != NULL ? json_from_string (json, NULL) : NULL;

  call_clear (result);
  zc_api_client_call_async (api, method, path, body, NULL, on_called, result);
  iterate_until (&result->done);
}

static void
on_session_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Call *call = user_data;
  ZcSession *session = ZC_SESSION (source);

  if (g_task_get_source_tag (G_TASK (result)) == zc_session_sign_in_async)
    call->ok = zc_session_sign_in_finish (session, result, &call->error);
  else if (g_task_get_source_tag (G_TASK (result)) == zc_session_register_async)
    call->ok = zc_session_register_finish (session, result, &call->error);
  else if (g_task_get_source_tag (G_TASK (result)) == zc_session_change_password_async)
    call->ok = zc_session_change_password_finish (session, result, &call->error);
  else if (g_task_get_source_tag (G_TASK (result)) == zc_session_restore_async)
    call->ok = zc_session_restore_finish (session, result, &call->error);
  else if (g_task_get_source_tag (G_TASK (result)) == zc_session_sign_out_async)
    call->ok = zc_session_sign_out_finish (session, result, &call->error);
  else
    {
      JsonObject *me = zc_session_refresh_finish (session, result, &call->error);

      call->ok = me != NULL;
      if (me != NULL)
        call->answer = json_node_init_object (json_node_alloc (), me);
      g_clear_pointer (&me, json_object_unref);
    }
  call->done = TRUE;
}

static gboolean
sign_in (ZcSession  *session,
         const char *login,
         const char *password,
         GError    **error)
{
  Call result = { 0 };

  zc_session_sign_in_async (session, login, password, NULL, on_session_done, &result);
  iterate_until (&result.done);
  if (result.error != NULL)
    g_propagate_error (error, g_steal_pointer (&result.error));
  return result.ok;
}

/* A stub server for answers the real one never gives */

static guint stub_pages_asked;

static void
stub_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *language = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                      "Accept-Language");

  if (g_str_equal (path, "/not-json"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html></html>", 13);
    }
  else if (g_str_equal (path, "/busy"))
    {
      soup_server_message_set_status (msg, 503, NULL);
      soup_message_headers_replace (headers, "Retry-After", "7");
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "busy", 4);
    }
  else if (g_str_equal (path, "/wrong-types"))
    {
      static const char body[] = "{\"code\": 5, \"message\": [\"x\"], \"field\": null}";
      soup_server_message_set_status (msg, 409, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, sizeof body - 1);
    }
  else if (g_str_equal (path, "/language"))
    {
      g_autofree char *body = g_strdup_printf ("{\"language\": \"%s\"}", language != NULL ? language : "");
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
    }
  else if (g_str_equal (path, "/api/v1/declarations") && query != NULL)
    {
      /* 450 declarations of plan p1 in pages of at most 200; plan p2's
       * answer holds no list */
      const char *plan = g_hash_table_lookup (query, "plan_id");
      guint limit = (guint) g_ascii_strtoull (g_hash_table_lookup (query, "limit"), NULL, 10);
      guint offset = (guint) g_ascii_strtoull (g_hash_table_lookup (query, "offset"), NULL, 10);
      g_autoptr(GString) body = g_string_new ("{\"declarations\": [");

      g_assert_cmpuint (limit, >, 0);
      g_assert_cmpuint (limit, <=, 200);
      if (g_strcmp0 (plan, "p2") == 0)
        g_string_assign (body, "{\"total\": 3");
      for (guint i = offset; g_strcmp0 (plan, "p1") == 0 && i < MIN (offset + limit, 450); i++)
        g_string_append_printf (body, "%s{\"id\": \"d%u\"}", i > offset ? ", " : "", i);
      if (g_strcmp0 (plan, "p1") == 0)
        g_string_append (body, "], \"total\": 450");
      g_string_append (body, "}");
      stub_pages_asked++;
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body->str, body->len);
    }
  else if (g_str_equal (path, "/upload"))
    {
      SoupMessageBody *request = soup_server_message_get_request_body (msg);
      g_autofree char *body = g_strdup_printf ("{\"received\": %" G_GINT64_FORMAT "}", (gint64) request->length);
      soup_server_message_set_status (msg, 201, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
    }
  else
    soup_server_message_set_status (msg, 204, NULL);
}

static SoupServer *
stub_start (char **url)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, stub_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return server;
}

typedef struct
{
  guint64 done;
  guint64 total;
  guint   calls;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >=, progress->done);
  g_assert_cmpuint (done, <=, total);
  progress->done = done;
  progress->total = total;
  progress->calls++;
}

/* Tests */

static void
test_normalize_url (void)
{
  static const struct { const char *in; const char *out; } good[] = {
    { "https://zhicheng.example.cn", "https://zhicheng.example.cn" },
    { "  http://127.0.0.1:8080/  ", "http://127.0.0.1:8080" },
    { "zhicheng.example.cn", "https://zhicheng.example.cn" },
    { "10.0.0.2:8443", "https://10.0.0.2:8443" },
    { "https://gw.example.cn/zhicheng//", "https://gw.example.cn/zhicheng" },
  };
  static const char *bad[] = {
    "", "   ", "ftp://example.cn", "https://", "http://user:pw@example.cn", "https://example.cn/?x=1",
    "https://example.cn/#top", "file:///etc/passwd", "http//example.cn",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = zc_api_client_normalize_url (good[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = zc_api_client_normalize_url (bad[i], &error);

      g_assert_null (url);
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), >, 0);
    }
}

static void
test_api_errors_stub (void)
{
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = stub_start (&url);
  g_autoptr(ZcApiClient) api = zc_api_client_new (url);
  Call result = { 0 };

  /* a trailing slash is dropped */
  g_assert_false (g_str_has_suffix (zc_api_client_get_base_url (api), "/"));
  g_assert_null (zc_api_client_get_token (api));

  call (api, "GET", "/not-json", NULL, &result);
  g_assert_false (result.ok);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL);
  g_assert_false (zc_api_client_error_is_transient (result.error));

  call (api, "GET", "/busy", NULL, &result);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAVAILABLE);
  g_assert_cmpuint (zc_api_client_error_get_status (result.error), ==, 503);
  g_assert_cmpuint (zc_api_client_error_get_retry_after (result.error), ==, 7);
  g_assert_null (zc_api_client_error_get_code (result.error));
  g_assert_nonnull (strstr (result.error->message, "503"));
  g_assert_true (zc_api_client_error_is_transient (result.error));

  /* members of the wrong type are dropped, the status still speaks */
  call (api, "GET", "/wrong-types", NULL, &result);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_CONFLICT);
  g_assert_null (zc_api_client_error_get_code (result.error));
  g_assert_null (zc_api_client_error_get_field (result.error));
  g_assert_nonnull (strstr (result.error->message, "409"));

  /* 204: success without a body */
  call (api, "DELETE", "/nothing", NULL, &result);
  g_assert_true (result.ok);
  g_assert_no_error (result.error);
  g_assert_null (result.answer);

  /* the language asked for */
  zc_api_client_set_accept_language (api, "en");
  call (api, "GET", "/language", NULL, &result);
  g_assert_cmpstr (zc_test_member_string (result.answer, "language"), ==, "en");
  zc_api_client_set_accept_language (api, NULL);
  g_assert_cmpstr (zc_api_client_get_accept_language (api), ==, zc_api_client_ui_accept_language ());
  g_assert_true (g_str_equal (zc_api_client_ui_accept_language (), "en") ||
                 g_str_has_prefix (zc_api_client_ui_accept_language (), "zh"));

  /* an upload reports its progress */
  {
    g_autofree guchar *data = g_malloc0 (300 * 1024);
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), 300 * 1024);
    Progress progress = { 0 };

    call_clear (&result);
    zc_api_client_upload_async (api, "PUT", "/upload", bytes, "application/pdf", on_progress, &progress,
                                NULL, on_called, &result);
    iterate_until (&result.done);
    g_assert_true (result.ok);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (result.answer), "received"), ==, 300 * 1024);
    g_assert_cmpuint (progress.calls, >, 0);
    g_assert_cmpuint (progress.total, ==, 300 * 1024);
    g_assert_cmpuint (progress.done, ==, 300 * 1024);
  }

  /* a list in pages: asked for one after the other, joined in order */
  {
    JsonArray *all;

    call_clear (&result);
    stub_pages_asked = 0;
    zc_api_client_list_plan_declarations_async (api, "p1", NULL, on_listed, &result);
    iterate_until (&result.done);
    g_assert_no_error (result.error);
    all = json_node_get_array (result.answer);
    g_assert_cmpuint (json_array_get_length (all), ==, 450);
    g_assert_cmpuint (stub_pages_asked, ==, 3);
    for (guint i = 0; i < 450; i += 149)
      {
        g_autofree char *id = g_strdup_printf ("d%u", i);

        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (all, i), "id"), ==, id);
      }

    /* an answer without the list is the server's mistake, said */
    call_clear (&result);
    zc_api_client_list_plan_declarations_async (api, "p2", NULL, on_listed, &result);
    iterate_until (&result.done);
    g_assert_false (result.ok);
    g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL);
    call_clear (&result);
  }

  /* nobody listening */
  soup_server_disconnect (server);
  call (api, "GET", "/language", NULL, &result);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK);
  g_assert_cmpuint (zc_api_client_error_get_status (result.error), ==, 0);
  g_assert_true (zc_api_client_error_is_transient (result.error));
  call_clear (&result);
}

static void
test_api_errors_server (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(ZcApiClient) api = zc_api_client_new (server->url);
  Call result = { 0 };

  zc_api_client_set_accept_language (api, "en");

  /* the server's own message, code and field */
  call (api, "POST", "/api/v1/accounts",
        "{\"id_number\": \"410102198503120015\", \"name\": \"王五\", \"mobile\": \"13900000009\", \"password\": \"wang2026wu\"}",
        &result);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (zc_api_client_error_get_code (result.error), ==, "invalid_value");
  g_assert_cmpstr (zc_api_client_error_get_field (result.error), ==, "id_number");
  g_assert_cmpuint (zc_api_client_error_get_status (result.error), ==, 400);

  call (api, "GET", "/api/v1/me", NULL, &result);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED);
  g_assert_cmpstr (zc_api_client_error_get_code (result.error), ==, "unauthenticated");

  call (api, "GET", "/api/v1/nothing-here", NULL, &result);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NOT_FOUND);
  g_assert_cmpstr (result.error->message, ==, "There is nothing at this address.");

  /* in Chinese by default */
  zc_api_client_set_accept_language (api, "zh-CN");
  call (api, "GET", "/api/v1/nothing-here", NULL, &result);
  g_assert_cmpstr (result.error->message, ==, "此地址没有内容。");

  call (api, "GET", "/api/v1/health", NULL, &result);
  g_assert_true (result.ok);
  g_assert_cmpstr (zc_test_member_string (result.answer, "service"), ==, "zhicheng-server");

  /* a download of something that is not there */
  call_clear (&result);
  zc_api_client_download_async (api, "/api/v1/blobs/0000000000000000000000000000000000000000000000000000000000000000",
                                NULL, on_downloaded, &result);
  iterate_until (&result.done);
  g_assert_false (result.ok);
  g_assert_nonnull (result.error);
  g_assert_true (result.error->domain == ZC_API_CLIENT_ERROR);
  call_clear (&result);

  zc_test_server_stop (server);
}

static void
test_sign_in_out (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-session-XXXXXX", &error);
  g_autofree char *state_path = g_build_filename (dir, "config", "session.ini", NULL);
  g_autoptr(ZcSession) session = zc_session_new (state_path, ZC_SESSION_FLAGS_NO_KEYRING);
  g_autoptr(ZcSession) again = NULL;
  g_autofree char *token = NULL;
  g_autofree char *contents = NULL;
  guint notified = 0;
  Call result = { 0 };

  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_OUT);
  g_assert_null (zc_session_get_account_id (session));
  g_assert_true (zc_session_set_server_url (session, server->url, &error));
  g_assert_false (zc_session_set_server_url (session, "ftp://nope", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpstr (zc_session_get_server_url (session), ==, server->url);
  zc_api_client_set_accept_language (zc_session_get_api_client (session), "en");

  /* a wrong password: the server's message, still signed out */
  g_assert_false (sign_in (session, ZC_TEST_DEMO_APPLICANT, "wrong-password1", &error));
  g_assert_error (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED);
  g_assert_cmpstr (zc_api_client_error_get_code (error), ==, "invalid_credentials");
  g_clear_error (&error);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_OUT);
  g_assert_false (g_file_test (state_path, G_FILE_TEST_EXISTS));

  g_signal_connect_swapped (session, "notify::account-id", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_true (sign_in (session, "13800000001", ZC_TEST_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_IN);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (zc_session_get_account_name (session), ==, "张伟");
  g_assert_cmpstr (zc_session_get_role (session), ==, "applicant");
  g_assert_cmpstr (zc_session_get_unit_name (session), ==, "郑州市示范人民医院");
  g_assert_cmpstr (zc_session_get_login (session), ==, "13800000001");
  g_assert_false (zc_session_get_keyring_available (session));
  g_assert_false (zc_session_is_ephemeral (session));
  token = g_strdup (zc_api_client_get_token (zc_session_get_api_client (session)));
  g_assert_cmpuint (strlen (token), ==, 43);

  /* the state file keeps the account, never the token nor the ID number */
  g_assert_true (g_file_get_contents (state_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, zc_session_get_account_id (session)));
  g_assert_null (strstr (contents, token));
  g_assert_null (strstr (contents, ZC_TEST_DEMO_APPLICANT));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (state_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* no other server while signed in */
  g_assert_false (zc_session_set_server_url (session, "https://elsewhere.example.cn", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  /* GET /me: the account as it is now */
  call_clear (&result);
  zc_session_refresh_async (session, NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_true (result.ok);
  g_assert_cmpstr (zc_test_member_string (result.answer, "name"), ==, "张伟");
  g_assert_true (json_object_has_member (json_node_get_object (result.answer), "pending_binding"));

  /* the next run: the account is known, the token (memory only) is not */
  again = zc_session_new (state_path, ZC_SESSION_FLAGS_NO_KEYRING);
  call_clear (&result);
  zc_session_restore_async (again, NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_true (result.ok);
  g_assert_cmpint (zc_session_get_state (again), ==, ZC_SESSION_STATE_EXPIRED);
  g_assert_cmpstr (zc_session_get_account_id (again), ==, zc_session_get_account_id (session));
  g_assert_cmpstr (zc_session_get_server_url (again), ==, server->url);
  g_assert_cmpstr (zc_session_get_login (again), ==, "13800000001");
  g_assert_null (zc_api_client_get_token (zc_session_get_api_client (again)));

  /* sign out: the token dies on the server, the state file goes */
  call_clear (&result);
  zc_session_sign_out_async (session, NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_true (result.ok);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_OUT);
  g_assert_null (zc_session_get_account_id (session));
  g_assert_false (g_file_test (state_path, G_FILE_TEST_EXISTS));
  {
    guint status = 0;
    g_autoptr(JsonNode) answer = zc_test_server_call (server, "GET", "/api/v1/me", token, "en", NULL, &status, NULL);
    g_assert_cmpuint (status, ==, 401);
  }

  /* signing out offline ends too (the expired copy has no token) */
  call_clear (&result);
  zc_session_sign_out_async (again, NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_true (result.ok);
  g_assert_cmpint (zc_session_get_state (again), ==, ZC_SESSION_STATE_SIGNED_OUT);

  /* a damaged state file is ignored */
  g_assert_true (g_file_set_contents (state_path, "[session]\naccount={not json\nserver-url=x\n", -1, NULL));
  g_clear_object (&again);
  again = zc_session_new (state_path, ZC_SESSION_FLAGS_NO_KEYRING);
  call_clear (&result);
  g_test_expect_message ("zc-session", G_LOG_LEVEL_WARNING, "Ignoring*");
  zc_session_restore_async (again, NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_test_assert_expected_messages ();
  g_assert_cmpint (zc_session_get_state (again), ==, ZC_SESSION_STATE_SIGNED_OUT);
  call_clear (&result);

  zc_test_server_stop (server);
  zc_test_rm_rf (dir);
}

static void
test_register_and_expire (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcSession) session = zc_session_new (NULL, ZC_SESSION_FLAGS_EPHEMERAL);
  g_autofree char *id_number = make_id_number (123);
  guint changes = 0;
  Call result = { 0 };

  g_assert_true (zc_session_set_server_url (session, server->url, &error));
  zc_api_client_set_accept_language (zc_session_get_api_client (session), "en");
  g_assert_true (zc_session_is_ephemeral (session));

  /* refused: a mobile already used; the server's message and field */
  zc_session_register_async (session, id_number, "赵六", "13800000001", "zhao2026liu", NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_false (result.ok);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_CONFLICT);
  g_assert_cmpstr (zc_api_client_error_get_code (result.error), ==, "account_exists");
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_OUT);

  call_clear (&result);
  zc_session_register_async (session, id_number, "赵六", "13900001234", "zhao2026liu", NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_IN);
  g_assert_cmpstr (zc_session_get_account_name (session), ==, "赵六");
  g_assert_null (zc_session_get_unit_name (session));

  /* the server refuses the token: expired once, the account stays */
  g_signal_connect_swapped (session, "notify::state", G_CALLBACK (g_atomic_int_inc), &changes);
  zc_session_expire (session);
  zc_session_expire (session);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_EXPIRED);
  g_assert_nonnull (zc_session_get_account_id (session));
  g_assert_null (zc_api_client_get_token (zc_session_get_api_client (session)));

  /* a refresh without a token expires nothing more and fails */
  call_clear (&result);
  zc_session_refresh_async (session, NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (changes, ==, 1);
  call_clear (&result);

  zc_test_server_stop (server);
}

static void
test_initial_password (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcSession) session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING);
  g_autofree char *admin = zc_test_server_login (server, ZC_TEST_DEMO_ADMIN, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *id_number = make_id_number (456);
  g_autofree char *body = g_strdup_printf ("{\"id_number\": \"%s\", \"name\": \"周杰\", \"role\": \"admin\"}", id_number);
  g_autofree char *initial = NULL;
  g_autoptr(JsonNode) created = NULL;
  guint status = 0;
  Call result = { 0 };

  created = zc_test_server_call (server, "POST", "/api/v1/admin/accounts", admin, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  initial = g_strdup (zc_test_member_string (created, "initial_password"));

  g_assert_true (zc_session_set_server_url (session, server->url, &error));
  zc_api_client_set_accept_language (zc_session_get_api_client (session), "en");
  g_assert_true (sign_in (session, id_number, initial, &error));
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_PASSWORD_CHANGE);

  /* the policy refuses a weak one, with the field named */
  zc_session_change_password_async (session, initial, "short1", NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_error (result.error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (zc_api_client_error_get_field (result.error), ==, "new_password");
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_PASSWORD_CHANGE);

  call_clear (&result);
  zc_session_change_password_async (session, "not-the-initial1", "zhou2026jie", NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_cmpstr (zc_api_client_error_get_code (result.error), ==, "wrong_password");

  call_clear (&result);
  zc_session_change_password_async (session, initial, "zhou2026jie", NULL, on_session_done, &result);
  iterate_until (&result.done);
  g_assert_no_error (result.error);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_IN);
  g_assert_false (json_object_get_boolean_member (zc_session_get_account (session), "must_change_password"));
  call_clear (&result);

  zc_test_server_stop (server);
}

/* A session bus without a Secret Service: the token stays in memory. */
static void
test_keyring_absent (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcSession) session = NULL;

  g_test_dbus_up (bus);
  session = zc_session_new (NULL, ZC_SESSION_FLAGS_NONE);
  g_assert_true (zc_session_set_server_url (session, server->url, &error));
  g_assert_true (sign_in (session, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_false (zc_session_get_keyring_available (session));
  g_assert_nonnull (zc_api_client_get_token (zc_session_get_api_client (session)));
  g_clear_object (&session);
  g_test_dbus_down (bus);

  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add_func ("/session/normalize-url", test_normalize_url);
  g_test_add_func ("/session/api-errors/stub", test_api_errors_stub);
  g_test_add_func ("/session/api-errors/server", test_api_errors_server);
  g_test_add_func ("/session/sign-in-out", test_sign_in_out);
  g_test_add_func ("/session/register-and-expire", test_register_and_expire);
  g_test_add_func ("/session/initial-password", test_initial_password);
  g_test_add_func ("/session/keyring-absent", test_keyring_absent);

  return g_test_run ();
}
