/* zc-bench.c: what the client benchmarks share
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc-bench.h"

static const char *program = "bench";
static GSubprocess *the_server;

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Wait;

void
zc_bench_init (const char *name)
{
  program = name;
}

G_NORETURN void
zc_bench_die (const char   *what,
              const GError *error)
{
  g_printerr ("%s: %s: %s\n", program, what, error != NULL ? error->message : "failed");
  if (the_server != NULL)
    g_subprocess_force_exit (the_server);
  exit (1);
}

void
zc_bench_iterate_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

double
zc_bench_rss_mib (void)
{
  g_autofree char *text = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL) ||
      sscanf (text, "%lu %lu", &size, &resident) != 2)
    return -1;
  return (double) resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

void
zc_bench_sql_exec (sqlite3    *db,
                   const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("%s: SQL failed: %s\n", program, message);
      sqlite3_free (message);
      zc_bench_die ("SQL", NULL);
    }
}

GSubprocess *
zc_bench_start_server (const char  *server_path,
                       const char  *data_dir,
                       char       **url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  GSubprocess *server;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, server_path, "--demo",
                             "--listen", "127.0.0.1:0", "--data-dir", data_dir, NULL);
  if (server == NULL)
    zc_bench_die ("start the server", error);
  the_server = server;
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      if (line == NULL)
        zc_bench_die ("read the server's address", error);
      if (g_str_has_prefix (line, "Listening on "))
        {
          *url = g_strstrip (g_strdup (line + strlen ("Listening on ")));
          return server;
        }
    }
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = zc_session_sign_in_finish (ZC_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

ZcSession *
zc_bench_sign_in (const char *url,
                  const char *login)
{
  g_autoptr(GError) error = NULL;
  ZcSession *session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING | ZC_SESSION_FLAGS_EPHEMERAL);
  Wait wait = { 0 };

  if (!zc_session_set_server_url (session, url, &error))
    zc_bench_die ("set the server address", error);
  zc_session_sign_in_async (session, login, ZC_BENCH_DEMO_PASSWORD, NULL, on_signed_in, &wait);
  zc_bench_iterate_until (&wait.done);
  if (!wait.ok)
    zc_bench_die ("sign in", wait.error);
  return session;
}

ZcSyncEngine *
zc_bench_engine_for (const char *path,
                     ZcSession  *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcLocalStore) store = zc_local_store_open (path, &error);

  if (store == NULL || !zc_local_store_bind_account (store, zc_session_get_account_id (session), &error))
    zc_bench_die ("open and bind the store", error);
  return zc_sync_engine_new (store, session);
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = zc_sync_engine_sync_finish (ZC_SYNC_ENGINE (source), result, &wait->error);
  wait->done = TRUE;
}

void
zc_bench_sync (ZcSyncEngine *engine)
{
  Wait wait = { 0 };

  zc_sync_engine_sync_async (engine, NULL, on_synced, &wait);
  zc_bench_iterate_until (&wait.done);
  if (!wait.ok)
    zc_bench_die ("sync", wait.error);
}

void
zc_bench_on_after_paint (GdkFrameClock *clock,
                         gpointer       painted)
{
  *(gboolean *) painted = TRUE;
}

void
zc_bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        zc_bench_remove_tree (child);
      }
  g_remove (path);
}
