/* bench-sync.c: durable sync push and pull throughput of the server on
 * loopback, with 1 and 16 clients, against the raw SQLite durable commit
 * rate measured on the same disk in the same run
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-sync [--seconds N] [--batch N] [--keep DIR]
 *
 * The server runs in this process (its own thread and main loop, its
 * worker threads), with the same SQLite settings as in production: WAL,
 * synchronous=FULL, one transaction per push.  Clients are threads with
 * their own HTTP session, each with its own sync client id, all logged in
 * as the demo applicant 李娜.  Figures: mutations (or pages) per second,
 * and the latency of one request at the median and the 99th percentile.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-json.h"
#include "zc-server.h"
#include "zc-sync-message.h"

#define PAPER "{\"title\": \"社区高血压患者随访管理效果评价\", \"published_on\": \"2022-04-01\"," \
              " \"paper_type\": \"1\", \"journal\": \"中华全科医学\", \"volume_pages\": \"2022,20(4):601-604\"," \
              " \"author_rank\": \"2\", \"own_words\": 4, \"notes\": \"在全国社区卫生学术会议上交流。\"}"

#define PULL_PAGE 100

/* ---- the server, in a thread of its own ------------------------------- */

typedef struct
{
  const char   *data_dir;
  GMutex        lock;
  GCond         ready;
  char         *url;            /* set once listening */
  GMainLoop    *loop;
} ServerThread;

static gpointer
run_server (gpointer data)
{
  ServerThread *st = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(ZcServerOptions) options = zc_server_options_new ();
  g_autoptr(ZcServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = NULL;

  g_main_context_push_thread_default (context);
  g_free (options->data_dir);
  options->data_dir = g_strdup (st->data_dir);
  options->listen_port = 0;
  options->demo = TRUE;
  options->fast_hash = TRUE;   /* logins are not what is measured */

  server = zc_server_new (options, &error);
  if (server == NULL || !zc_server_start (server, &error))
    g_error ("The server does not start: %s", error->message);
  uri = zc_server_get_uri (server);
  text = g_uri_to_string (uri);

  g_mutex_lock (&st->lock);
  st->url = g_strndup (text, strlen (text) - (g_str_has_suffix (text, "/") ? 1 : 0));
  st->loop = g_main_loop_new (context, FALSE);
  g_cond_signal (&st->ready);
  g_mutex_unlock (&st->lock);

  g_main_loop_run (st->loop);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* ---- HTTP ------------------------------------------------------------- */

static JsonNode *
call (SoupSession *session,
      const char  *url,
      const char  *token,
      const char  *body,
      guint        expected_status)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node = NULL;
  const char *data;
  gsize length = 0;

  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  if (answer == NULL)
    g_error ("%s: %s", url, error->message);
  data = g_bytes_get_data (answer, &length);
  if (soup_message_get_status (msg) != expected_status)
    g_error ("%s: %u %.*s", url, soup_message_get_status (msg), (int) length, data);
  if (!zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error))
    g_error ("%s: %s", url, error->message);

  return node;
}

/* ---- clients ---------------------------------------------------------- */

typedef enum
{
  PUSH,
  PULL,
} Work;

typedef struct
{
  Work         work;
  const char  *base_url;
  const char  *token;
  guint        index;
  guint        batch;           /* mutations per push */
  gint64       deadline;        /* monotonic µs */
  GArray      *latencies;       /* of double, ms */
  guint64      units;           /* mutations pushed or pages pulled */
} Client;

static void
push_loop (Client      *client,
           SoupSession *session)
{
  g_autofree char *url = g_strconcat (client->base_url, "/api/v1/sync/push", NULL);
  g_autofree char *client_id = g_strdup_printf ("b0000000-0000-4000-8000-%012u", client->index);
  gint64 next = 1;

  /* the server may have this client from an earlier round */
  {
    g_autofree char *empty = g_strdup_printf ("{\"client_id\": \"%s\", \"schema_version\": 1, \"mutations\": []}",
                                              client_id);
    g_autoptr(JsonNode) answer = call (session, url, client->token, empty, 200);

    next = json_object_get_int_member (json_node_get_object (answer), "last_mutation_id") + 1;
  }

  while (g_get_monotonic_time () < client->deadline)
    {
      GString *body = g_string_new (NULL);
      g_autoptr(JsonNode) answer = NULL;
      gint64 start;
      double ms;

      g_string_append_printf (body, "{\"client_id\": \"%s\", \"schema_version\": 1, \"mutations\": [", client_id);
      for (guint i = 0; i < client->batch; i++, next++)
        {
          g_autofree char *record_id = g_uuid_string_random ();

          g_string_append_printf (body, "%s{\"id\": %" G_GINT64_FORMAT ", \"name\": \"record.put\","
                                  " \"record_id\": \"%s\", \"base_version\": 0,"
                                  " \"args\": {\"kind\": \"archive:papers\", \"body\": " PAPER "}}",
                                  i > 0 ? ", " : "", next, record_id);
        }
      g_string_append (body, "]}");

      start = g_get_monotonic_time ();
      answer = call (session, url, client->token, body->str, 200);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (client->latencies, ms);
      client->units += client->batch;
      g_string_free (body, TRUE);
    }
}

static void
pull_loop (Client      *client,
           SoupSession *session)
{
  g_autofree char *url = g_strconcat (client->base_url, "/api/v1/sync/pull", NULL);
  g_autofree char *client_id = g_strdup_printf ("b1000000-0000-4000-8000-%012u", client->index);
  g_autofree char *cursor = NULL;

  while (g_get_monotonic_time () < client->deadline)
    {
      g_autofree char *body = NULL;
      g_autoptr(JsonNode) answer = NULL;
      g_autoptr(ZcPullResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms;

      body = cursor != NULL
        ? g_strdup_printf ("{\"client_id\": \"%s\", \"cursor\": \"%s\", \"limit\": %d}", client_id, cursor, PULL_PAGE)
        : g_strdup_printf ("{\"client_id\": \"%s\", \"limit\": %d}", client_id, PULL_PAGE);
      start = g_get_monotonic_time ();
      answer = call (session, url, client->token, body, 200);
      response = zc_pull_response_from_json (answer, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (response == NULL)
        g_error ("A pull answer the client cannot read: %s", error->message);
      g_array_append_val (client->latencies, ms);
      client->units++;

      /* from the start again when caught up: every page is a full one */
      g_clear_pointer (&cursor, g_free);
      if (response->has_more)
        cursor = g_strdup (response->cursor);
    }
}

static gpointer
run_client (gpointer data)
{
  Client *client = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 60, NULL);

  if (client->work == PUSH)
    push_loop (client, session);
  else
    pull_loop (client, session);

  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double per_second;
  double p50_ms;
  double p99_ms;
} Figures;

static Figures
run_clients (Work         work,
             const char  *base_url,
             const char  *token,
             guint        n_clients,
             guint        batch,
             double       seconds)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree Client *clients = g_new0 (Client, n_clients);
  g_autofree GThread **threads = g_new0 (GThread *, n_clients);
  gint64 start = g_get_monotonic_time ();
  guint64 units = 0;
  Figures figures;
  double elapsed;

  for (guint i = 0; i < n_clients; i++)
    {
      clients[i].work = work;
      clients[i].base_url = base_url;
      clients[i].token = token;
      clients[i].index = i + (work == PUSH && batch > 1 ? 100 : 0);
      clients[i].batch = batch;
      clients[i].deadline = start + (gint64) (seconds * G_USEC_PER_SEC);
      clients[i].latencies = g_array_new (FALSE, FALSE, sizeof (double));
      threads[i] = g_thread_new ("client", run_client, &clients[i]);
    }
  for (guint i = 0; i < n_clients; i++)
    {
      g_thread_join (threads[i]);
      g_array_append_vals (all, clients[i].latencies->data, clients[i].latencies->len);
      units += clients[i].units;
      g_array_unref (clients[i].latencies);
    }
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_array_sort (all, compare_doubles);
  figures.per_second = units / elapsed;
  figures.p50_ms = all->len > 0 ? g_array_index (all, double, all->len / 2) : 0;
  figures.p99_ms = all->len > 0 ? g_array_index (all, double, MIN (all->len - 1, all->len * 99 / 100)) : 0;

  return figures;
}

/* ---- the baseline: SQLite alone --------------------------------------- */

/* One durable transaction per row, each a record-sized row and a
 * change-log row, with the server's settings: what one synced mutation
 * costs the disk at the least. */
static double
raw_commits_per_second (const char *dir,
                        double      seconds)
{
  g_autofree char *path = g_build_filename (dir, "raw.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *record = NULL, *change = NULL;
  gint64 start, deadline;
  guint64 commits = 0;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                        "CREATE TABLE records (id TEXT PRIMARY KEY, owner TEXT NOT NULL, body TEXT NOT NULL) STRICT;"
                        "CREATE INDEX records_owner ON records (owner);"
                        "CREATE TABLE changes (seq INTEGER PRIMARY KEY, record_id TEXT NOT NULL) STRICT;",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO records (id, owner, body) VALUES (?1, 'bench', ?2)", -1, &record,
                          NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO changes (record_id) VALUES (?1)", -1, &change, NULL) != SQLITE_OK)
    g_error ("SQLite: %s", sqlite3_errmsg (db));

  start = g_get_monotonic_time ();
  deadline = start + (gint64) (seconds * G_USEC_PER_SEC);
  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *id = g_uuid_string_random ();

      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_text (record, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (record, 2, PAPER, -1, SQLITE_STATIC);
      sqlite3_bind_text (change, 1, id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (record) != SQLITE_DONE || sqlite3_step (change) != SQLITE_DONE ||
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        g_error ("SQLite: %s", sqlite3_errmsg (db));
      sqlite3_reset (record);
      sqlite3_reset (change);
      commits++;
    }

  sqlite3_finalize (record);
  sqlite3_finalize (change);
  sqlite3_close (db);
  return commits / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
print_figures (const char *what,
               guint       n_clients,
               const char *unit,
               Figures     figures,
               double      raw)
{
  g_print ("%-34s %2u client%s %9.0f %-12s p50 %7.2f ms  p99 %7.2f ms", what, n_clients, n_clients == 1 ? " " : "s",
           figures.per_second, unit, figures.p50_ms, figures.p99_ms);
  if (raw > 0)
    g_print ("  %5.2f× raw", figures.per_second / raw);
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  double seconds = 3;
  int batch = 50;
  g_autofree char *keep = NULL;
  GOptionEntry options[] = {
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &seconds, "Seconds per measurement (default 3)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, "Mutations per push in the batched runs (default 50)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the data folder DIR", "DIR" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— sync push and pull benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(JsonNode) login = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *login_url = NULL;
  g_autofree char *token = NULL;
  ServerThread st = { 0 };
  GThread *server_thread;
  const guint clients[] = { 1, 16 };
  double raw;

  setlocale (LC_ALL, "");
  zc_i18n_init ();
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (seconds <= 0 || batch < 1 || batch > ZC_SYNC_MAX_MUTATIONS)
    {
      g_printerr ("--seconds must be positive and --batch 1 to %d\n", ZC_SYNC_MAX_MUTATIONS);
      return 2;
    }

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("zc-bench-sync-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("No data folder: %s", error != NULL ? error->message : "cannot create it");

  g_print ("data folder: %s (SQLite %s, WAL, synchronous=FULL)\n", dir, sqlite3_libversion ());
  raw = raw_commits_per_second (dir, seconds);
  g_print ("%-34s %9.0f commits/s (one record and one change row per commit)\n", "raw SQLite durable commits", raw);

  g_mutex_init (&st.lock);
  g_cond_init (&st.ready);
  st.data_dir = dir;
  server_thread = g_thread_new ("server", run_server, &st);
  g_mutex_lock (&st.lock);
  while (st.loop == NULL)
    g_cond_wait (&st.ready, &st.lock);
  g_mutex_unlock (&st.lock);

  session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  login_url = g_strconcat (st.url, "/api/v1/sessions", NULL);
  login = call (session, login_url, NULL, "{\"login\": \"41010519900718002X\", \"password\": \"demo2026\"}", 201);
  token = g_strdup (json_object_get_string_member (json_node_get_object (login), "token"));

  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    print_figures ("push, 1 mutation per request", clients[i], "mutations/s",
                   run_clients (PUSH, st.url, token, clients[i], 1, seconds), raw);
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autofree char *what = g_strdup_printf ("push, %d mutations per request", batch);

      print_figures (what, clients[i], "mutations/s",
                     run_clients (PUSH, st.url, token, clients[i], (guint) batch, seconds), raw);
    }
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    print_figures ("pull, pages of " G_STRINGIFY (PULL_PAGE) " changes", clients[i], "pages/s",
                   run_clients (PULL, st.url, token, clients[i], 1, seconds), 0);

  g_main_context_invoke (g_main_loop_get_context (st.loop), quit_loop, st.loop);
  g_thread_join (server_thread);
  g_main_loop_unref (st.loop);
  g_free (st.url);

  if (keep == NULL)
    remove_tree (dir);

  return 0;
}
