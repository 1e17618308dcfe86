/* bench-client.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client benchmark (bench/README.md): start to the first painted
 * frame of the archive page on 10,000 local entries and on an empty
 * store; a full pull of 5,000 entries into an empty store against
 * inserting the same rows with plain SQLite in one transaction; resident
 * memory before and after loading the 10,000-entry page.
 *
 * Run by hand under a display: xvfb-run -a _build/bench/bench-client
 * [path/to/zhicheng-server]
 */

#define G_LOG_DOMAIN "zc-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc-archive-page.h"
#include "zc-bench.h"
#include "zc-local-store.h"
#include "zc-record.h"
#include "zc-session.h"
#include "zc-sync-engine.h"

#define KIND "archive:papers"
#define PAPER "{\"title\": \"社区高血压患者随访管理效果评价\", \"published_on\": \"2022-04-01\"," \
              " \"paper_type\": \"1\", \"journal\": \"中华全科医学\", \"volume_pages\": \"2022,20(4):601-604\"," \
              " \"author_rank\": \"2\", \"own_words\": 4, \"notes\": \"在全国社区卫生学术会议上交流。\"}"
#define DEMO_APPLICANT "410102198503120014"
#define N_FRAME_ENTRIES 10000
#define N_PULL_ENTRIES  5000

/* One entry through the API (so the row has the store's own shape), then
 * copies of it with fresh ids written straight with SQLite in one
 * transaction: the API commits each entry durably, which takes minutes
 * for thousands of rows and is not what is measured here. */
static void
seed_store (const char *path,
            guint       n_entries,
            gboolean    with_outbox)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcLocalStore) store = NULL;
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  store = zc_local_store_open (path, &error);
  if (store == NULL)
    zc_bench_die ("open the store", error);
  if (n_entries == 0)
    return;
  node = json_from_string (PAPER, &error);
  if (node == NULL)
    zc_bench_die ("parse the entry", error);
  record = zc_local_store_create_entry (store, KIND, json_node_get_object (node), &error);
  if (record == NULL)
    zc_bench_die ("create an entry", error);
  g_clear_object (&store);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    zc_bench_die ("open the store with SQLite", NULL);
  sqlite3_busy_timeout (db, 5000);
  zc_bench_sql_exec (db, "BEGIN");
  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                         "INSERT INTO records (id, kind, owner_id, server_version, body, state, review_comment,"
                         " deleted, dirty, created_at, updated_at) "
                         "SELECT printf ('%%08x-0000-4000-8000-%%012x', i, abs (random ()) %% 281474976710655),"
                         " r.kind, r.owner_id, r.server_version,"
                         " json_set (r.body, '$.title', r.body ->> '$.title' || ' ' || i), r.state,"
                         " r.review_comment, r.deleted, r.dirty, r.created_at + i, r.updated_at + i "
                         "FROM n, records r WHERE r.id = '%s'",
                         n_entries - 1, zc_record_get_id (record));
  zc_bench_sql_exec (db, sql);
  if (with_outbox)
    {
      g_free (sql);
      sql = g_strdup_printf ("INSERT INTO outbox (name, record_id, base_version, expected_state, args, created_at) "
                             "SELECT o.name, r.id, o.base_version, o.expected_state,"
                             " json_set (o.args, '$.body', json (r.body)), o.created_at "
                             "FROM records r, outbox o WHERE o.record_id = '%s' AND r.id != '%s'",
                             zc_record_get_id (record), zc_record_get_id (record));
      zc_bench_sql_exec (db, sql);
    }
  zc_bench_sql_exec (db, "COMMIT");
  sqlite3_close (db);
}

/* ---- first frame ------------------------------------------------------ */

/* Seconds from before opening the store and creating the page to the
 * first "after-paint" of its window's frame clock. */
static double
time_first_frame (const char *path,
                  double     *rss_before,
                  double     *rss_after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcLocalStore) store = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;
  gint64 start, end;

  *rss_before = zc_bench_rss_mib ();
  start = g_get_monotonic_time ();
  store = zc_local_store_open (path, &error);
  if (store == NULL)
    zc_bench_die ("open the store", error);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  page = zc_archive_page_new (store);
  /* the category the entries are in, as a user opening it would see it */
  zc_archive_page_select_category (ZC_ARCHIVE_PAGE (page), "papers");
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_widget_realize (window);
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (zc_bench_on_after_paint), &painted);
  gtk_window_present (GTK_WINDOW (window));
  zc_bench_iterate_until (&painted);
  end = g_get_monotonic_time ();
  *rss_after = zc_bench_rss_mib ();
  if (zc_archive_page_get_entries (ZC_ARCHIVE_PAGE (page)) != NULL)
    g_print ("  (page lists %u entries)\n",
             g_list_model_get_n_items (zc_archive_page_get_entries (ZC_ARCHIVE_PAGE (page))));
  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return (end - start) / 1e6;
}

/* ---- pull --------------------------------------------------------------- */

static gint64
count_rows (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    zc_bench_die ("open a store with SQLite", NULL);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM records WHERE kind = '" KIND "'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The pulled rows inserted into a fresh file of the same table shape,
 * WAL with synchronous=FULL like the store, in one transaction. */
static double
time_raw_insert (const char *from_path,
                 const char *to_path)
{
  sqlite3 *from = NULL, *to = NULL;
  sqlite3_stmt *select = NULL, *insert = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gint64 start, end;
  int i;

  if (sqlite3_open (from_path, &from) != SQLITE_OK || sqlite3_open (to_path, &to) != SQLITE_OK)
    zc_bench_die ("open the baseline files", NULL);
  zc_bench_sql_exec (to, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                "CREATE TABLE records (id TEXT PRIMARY KEY CHECK (length (id) = 36),"
                " kind TEXT NOT NULL CHECK (length (kind) BETWEEN 1 AND 64), owner_id TEXT NOT NULL,"
                " server_version INTEGER NOT NULL DEFAULT 0 CHECK (server_version >= 0),"
                " body TEXT NOT NULL CHECK (json_valid (body) AND json_type (body) = 'object'),"
                " state TEXT, review_comment TEXT,"
                " deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
                " dirty INTEGER NOT NULL DEFAULT 0 CHECK (dirty IN (0, 1)),"
                " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT;"
                "CREATE INDEX records_by_kind ON records (kind, deleted, created_at);");
  if (sqlite3_prepare_v2 (from, "SELECT id, kind, owner_id, server_version, body, state, review_comment,"
                                " deleted, dirty, created_at, updated_at FROM records", -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (to, "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &insert, NULL) != SQLITE_OK)
    zc_bench_die ("prepare the baseline", NULL);

  /* read first so only the insert is timed */
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 12);
      for (i = 0; i < 11; i++)
        row[i] = g_strdup ((const char *) sqlite3_column_text (select, i));
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (select);
  sqlite3_close (from);

  start = g_get_monotonic_time ();
  zc_bench_sql_exec (to, "BEGIN");
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      for (i = 0; i < 11; i++)
        {
          if (row[i] == NULL)
            sqlite3_bind_null (insert, i + 1);
          else if (i == 3 || i == 7 || i == 8 || i == 9 || i == 10)
            sqlite3_bind_int64 (insert, i + 1, g_ascii_strtoll (row[i], NULL, 10));
          else
            sqlite3_bind_text (insert, i + 1, row[i], -1, SQLITE_STATIC);
        }
      if (sqlite3_step (insert) != SQLITE_DONE)
        zc_bench_die (sqlite3_errmsg (to), NULL);
      sqlite3_reset (insert);
    }
  zc_bench_sql_exec (to, "COMMIT");
  end = g_get_monotonic_time ();
  sqlite3_finalize (insert);
  sqlite3_close (to);
  return (end - start) / 1e6;
}

static void
bench_pull (const char *server_path,
            const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (dir, "server", NULL);
  g_autofree char *push_path = g_build_filename (dir, "push.sqlite", NULL);
  g_autofree char *pull_path = g_build_filename (dir, "pull.sqlite", NULL);
  g_autofree char *raw_path = g_build_filename (dir, "raw.sqlite", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(ZcSession) session = NULL;
  g_autoptr(ZcSyncEngine) pusher = NULL;
  g_autoptr(ZcSyncEngine) puller = NULL;
  gint64 start, end, before;
  double pull_s, raw_s;

  g_mkdir_with_parents (data_dir, 0700);
  server = zc_bench_start_server (server_path, data_dir, &url);
  session = zc_bench_sign_in (url, DEMO_APPLICANT);

  pusher = zc_bench_engine_for (push_path, session);
  g_clear_object (&pusher);
  seed_store (push_path, N_PULL_ENTRIES, TRUE);
  pusher = zc_bench_engine_for (push_path, session);
  start = g_get_monotonic_time ();
  zc_bench_sync (pusher);
  end = g_get_monotonic_time ();
  g_print ("push %u entries: %.3f s (left in the outbox: %u)\n", N_PULL_ENTRIES, (end - start) / 1e6,
           zc_local_store_get_outbox_count (zc_sync_engine_get_store (pusher)));
  g_clear_object (&pusher);

  puller = zc_bench_engine_for (pull_path, session);
  before = count_rows (pull_path);
  start = g_get_monotonic_time ();
  zc_bench_sync (puller);
  end = g_get_monotonic_time ();
  g_clear_object (&puller);
  pull_s = (end - start) / 1e6;
  raw_s = time_raw_insert (pull_path, raw_path);
  g_print ("pull into an empty store: %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT " entries in %.3f s\n",
           before, count_rows (pull_path), pull_s);
  g_print ("raw SQLite insert of the same rows, one transaction: %.3f s\n", raw_s);
  g_print ("pull / raw insert: %.1fx\n", pull_s / raw_s);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *empty_path = NULL;
  g_autofree char *full_path = NULL;
  g_autofree char *warm_path = NULL;
  const char *server_path = argc > 1 ? argv[1] : ZHICHENG_SERVER_PATH;
  double empty_s, full_s, rss0, rss1, unused0, unused1;

  zc_bench_init ("bench-client");
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("zc-bench-client-XXXXXX", &error);
  if (dir == NULL)
    zc_bench_die ("make a folder", error);
  warm_path = g_build_filename (dir, "warm.sqlite", NULL);
  empty_path = g_build_filename (dir, "empty.sqlite", NULL);
  full_path = g_build_filename (dir, "full.sqlite", NULL);
  seed_store (warm_path, 0, FALSE);
  seed_store (empty_path, 0, FALSE);
  seed_store (full_path, N_FRAME_ENTRIES, TRUE);
  g_print ("entries in the full store: %" G_GINT64_FORMAT "\n", count_rows (full_path));

  /* an untimed first window: GTK's own one-time start-up (fonts, GL,
   * CSS) would otherwise land on whichever store goes first */
  time_first_frame (warm_path, &unused0, &unused1);
  empty_s = time_first_frame (empty_path, &unused0, &unused1);
  full_s = time_first_frame (full_path, &rss0, &rss1);
  g_print ("first frame, empty store: %.3f s\n", empty_s);
  g_print ("first frame, %u entries: %.3f s\n", N_FRAME_ENTRIES, full_s);
  g_print ("%u entries / empty: %.1fx\n", N_FRAME_ENTRIES, full_s / empty_s);
  g_print ("RSS before the %u-entry page: %.1f MiB, after its first frame: %.1f MiB (+%.1f MiB)\n",
           N_FRAME_ENTRIES, rss0, rss1, rss1 - rss0);

  bench_pull (server_path, dir);
  if (g_getenv ("ZC_BENCH_KEEP") == NULL)
    zc_bench_remove_tree (dir);
  else
    g_print ("kept %s\n", dir);
  return 0;
}
