/* zc-test-client.c: a signed-in client of the real server for tests
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "zc-test-client.h"
#include "zc-test-server.h"

void
zc_test_iterate_until (gboolean *done)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!*done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_session_sign_in_finish (ZC_SESSION (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

void
zc_test_client_sign_in (ZcTestClient *client,
                        const char   *login)
{
  gboolean done = FALSE;

  zc_session_sign_in_async (client->session, login, ZC_TEST_DEMO_PASSWORD, NULL, on_signed_in, &done);
  zc_test_iterate_until (&done);
}

ZcSession *
zc_test_sign_in (const char *url,
                 const char *login)
{
  g_autoptr(GError) error = NULL;
  ZcSession *session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING | ZC_SESSION_FLAGS_EPHEMERAL);
  gboolean done = FALSE;

  g_assert_true (zc_session_set_server_url (session, url, &error));
  zc_session_sign_in_async (session, login, ZC_TEST_DEMO_PASSWORD, NULL, on_signed_in, &done);
  zc_test_iterate_until (&done);
  return session;
}

ZcTestClient *
zc_test_client_new (const char *url,
                    const char *login,
                    gboolean    with_engine)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ZcTestClient *client = g_new0 (ZcTestClient, 1);

  client->dir = g_dir_make_tmp ("zc-test-client-XXXXXX", &error);
  g_assert_no_error (error);
  client->session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING);
  g_assert_true (zc_session_set_server_url (client->session, url, &error));
  zc_test_client_sign_in (client, login);

  path = g_build_filename (client->dir, "store.sqlite", NULL);
  client->store = zc_local_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (zc_local_store_bind_account (client->store, zc_session_get_account_id (client->session), &error));
  g_assert_no_error (error);
  if (with_engine)
    {
      client->engine = zc_sync_engine_new (client->store, client->session);
      zc_sync_engine_set_intervals (client->engine, 3600, 50, 200);
    }
  return client;
}

void
zc_test_client_free (ZcTestClient *client)
{
  g_clear_object (&client->engine);
  g_clear_object (&client->store);
  g_clear_object (&client->session);
  zc_test_rm_rf (client->dir);
  g_free (client->dir);
  g_free (client);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} SyncResult;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncResult *sync = user_data;

  sync->ok = zc_sync_engine_sync_finish (ZC_SYNC_ENGINE (source), result, &sync->error);
  sync->done = TRUE;
}

gboolean
zc_test_client_sync (ZcTestClient  *client,
                     GError       **error)
{
  SyncResult sync = { 0 };

  g_assert_nonnull (client->engine);
  zc_sync_engine_sync_async (client->engine, NULL, on_synced, &sync);
  zc_test_iterate_until (&sync.done);
  if (sync.error != NULL)
    g_propagate_error (error, sync.error);
  return sync.ok;
}

void
zc_test_client_sync_ok (ZcTestClient *client)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_test_client_sync (client, &error));
  g_assert_no_error (error);
}
