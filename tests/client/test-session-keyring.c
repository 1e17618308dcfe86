/* test-session-keyring.c: the session token in a real Secret Service
 * (gnome-keyring on the private bus of dbus-run-session), against the
 * real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-session-private.h"
#include "zc-test-client.h"
#include "zc-test-server.h"

#define SECRETS_NAME "org.freedesktop.secrets"

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} Call;

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Call *call = user_data;

  call->ok = zc_session_restore_finish (ZC_SESSION (source), result, &call->error);
  call->done = TRUE;
}

static void
on_signed_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Call *call = user_data;

  call->ok = zc_session_sign_out_finish (ZC_SESSION (source), result, &call->error);
  call->done = TRUE;
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;

  call->ok = zc_session_sign_in_finish (ZC_SESSION (source), result, &call->error);
  call->done = TRUE;
}

static gboolean
secrets_running (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", SECRETS_NAME), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* gnome-keyring's secrets component on the test bus, its login keyring
 * made and unlocked in @home with a password on stdin */
static GSubprocess *
start_keyring (const char *home)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GBytes) password = g_bytes_new_static ("test\n", 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *runtime = g_build_filename (home, "runtime", NULL);
  GOutputStream *input;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground", "--unlock",
                                        "--components=secrets", NULL);
  g_assert_no_error (error);
  input = g_subprocess_get_stdin_pipe (daemon);
  g_assert_true (g_output_stream_write_bytes (input, password, NULL, &error) == 5);
  g_assert_true (g_output_stream_close (input, NULL, &error));
  g_assert_no_error (error);

  while (!secrets_running ())
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }
  return g_steal_pointer (&daemon);
}

static char *
keyring_token (const char *server_url,
               const char *account_id)
{
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_sync (zc_session_token_schema (), NULL, &error,
                                             "server", server_url, "account", account_id, NULL);

  g_assert_no_error (error);
  return token;
}

/* Signed in: the token goes to the keyring; a new run signs in from it
 * without the password; signing out takes it out again. */
static void
test_keyring_keeps_token (void)
{
  const char * const args[] = { "--demo", NULL };
  g_autoptr(GSubprocess) keyring = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *home = NULL;
  g_autofree char *state = NULL;
  g_autofree char *account_id = NULL;
  g_autofree char *server_url = NULL;
  g_autofree char *token = NULL;
  ZcTestServer *server;
  ZcSession *session;
  Call call = { 0 };
  gint64 deadline;

  if (daemon == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed (tools/setup installs it)");
      return;
    }
  /* tests/client/meson.build runs this under dbus-run-session: a bus of
   * its own, never the desktop's */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("no private session bus (run under dbus-run-session)");
      return;
    }
  home = g_dir_make_tmp ("zc-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  state = g_build_filename (home, "session.ini", NULL);
  keyring = start_keyring (home);
  server = zc_test_server_start (args);

  session = zc_session_new (state, ZC_SESSION_FLAGS_NONE);
  g_assert_true (zc_session_set_server_url (session, server->url, &error));
  zc_session_sign_in_async (session, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD, NULL, on_signed_in, &call);
  zc_test_iterate_until (&call.done);
  g_assert_no_error (call.error);
  g_assert_true (zc_session_get_keyring_available (session));
  account_id = g_strdup (zc_session_get_account_id (session));
  server_url = g_strdup (zc_api_client_get_base_url (zc_session_get_api_client (session)));
  token = keyring_token (server_url, account_id);
  g_assert_nonnull (token);
  g_assert_cmpstr (token, ==, zc_api_client_get_token (zc_session_get_api_client (session)));
  /* the state file names the account, never the token */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (state, &contents, NULL, &error));
    g_assert_nonnull (strstr (contents, account_id));
    g_assert_null (strstr (contents, token));
  }
  g_clear_object (&session);

  /* the next run: signed in from the keyring, no password asked */
  session = zc_session_new (state, ZC_SESSION_FLAGS_NONE);
  memset (&call, 0, sizeof call);
  zc_session_restore_async (session, NULL, on_restored, &call);
  zc_test_iterate_until (&call.done);
  g_assert_no_error (call.error);
  g_assert_true (call.ok);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_IN);
  g_assert_cmpstr (zc_session_get_account_id (session), ==, account_id);
  g_assert_cmpstr (zc_api_client_get_token (zc_session_get_api_client (session)), ==, token);

  /* signing out takes the token out of the keyring */
  memset (&call, 0, sizeof call);
  zc_session_sign_out_async (session, NULL, on_signed_out, &call);
  zc_test_iterate_until (&call.done);
  g_assert_no_error (call.error);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autofree char *left = keyring_token (server_url, account_id);

      if (left == NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
  g_clear_object (&session);

  zc_test_server_stop (server);
  secret_service_disconnect ();
  g_subprocess_send_signal (keyring, SIGTERM);
  g_subprocess_wait (keyring, NULL, NULL);
  zc_test_rm_rf (home);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add_func ("/session/keyring/keeps-token", test_keyring_keeps_token);

  return g_test_run ();
}
