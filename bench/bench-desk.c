/* bench-desk.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The unit officer's desk (docs/review-desk.md), run by hand under a
 * display: xvfb-run -a _build/bench/bench-desk [path/to/zhicheng-server]
 *
 * An applicant's 11,000 pending entries go to a demo server and into the
 * officer's store by a real pull.  Measured in the same run:
 *   1. the desk, created on the officer's store, to its first painted
 *      frame, and resident memory before and after, against a plain
 *      SQLite SELECT of the same rows (the queue's columns);
 *   2. 1,000 entries selected and approved in one batch, until the
 *      server has acknowledged all, against the raw push of 1,000
 *      approvals (two requests of 500, plain HTTP) of 1,000 other
 *      entries.
 */

#define G_LOG_DOMAIN "zc-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zc-bench.h"
#include "zc-local-store-review.h"
#include "zc-review-desk.h"
#include "zc-session.h"
#include "zc-sync-engine.h"
#include "zc-sync-message.h"

#define KIND           "archive:annual-assessments"
#define ENTRY          "{\"year\": 2001, \"result\": \"1\", \"assessed_by\": \"压力测试单位\"}"
#define APPLICANT      "410102198503120014"
#define UNIT_OFFICER   "410103197805210041"
#define N_QUEUE        10000
#define N_RAW          1000
#define N_BATCH        1000

static ZcSyncEngine *
engine_for (const char *path,
            ZcSession  *session)
{
  ZcSyncEngine *engine = zc_bench_engine_for (path, session);

  zc_sync_engine_set_intervals (engine, 3600, 50, 200);
  return engine;
}

/* One entry through the API, then copies with fresh ids and their
 * outbox rows written straight with SQLite in one transaction. */
static void
seed_applicant (const char *path,
                guint       n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcLocalStore) store = zc_local_store_open (path, &error);
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(JsonNode) node = json_from_string (ENTRY, NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  if (store == NULL)
    zc_bench_die ("open the store", error);
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
                         " json_set (r.body, '$.notes', '第 ' || i || ' 条'), r.state,"
                         " r.review_comment, r.deleted, r.dirty, r.created_at + i, r.updated_at + i "
                         "FROM n, records r WHERE r.id = '%s'", n_entries - 1, zc_record_get_id (record));
  zc_bench_sql_exec (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO outbox (name, record_id, base_version, expected_state, args, created_at) "
                         "SELECT o.name, r.id, o.base_version, o.expected_state,"
                         " json_set (o.args, '$.body', json (r.body)), o.created_at "
                         "FROM records r, outbox o WHERE o.record_id = '%s' AND r.id != '%s'",
                         zc_record_get_id (record), zc_record_get_id (record));
  zc_bench_sql_exec (db, sql);
  zc_bench_sql_exec (db, "COMMIT");
  sqlite3_close (db);
}

/* The queue's columns, read with plain SQLite: the floor. */
static double
time_raw_select (const char *path,
                 const char *owner_id,
                 guint      *n_rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start, end;

  *n_rows = 0;
  start = g_get_monotonic_time ();
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT id, kind, owner_id, state, server_version, updated_at FROM records"
                              " WHERE kind LIKE 'archive:%' AND deleted = 0 AND owner_id != ? AND state = 'pending'"
                              " ORDER BY updated_at, id", -1, &stmt, NULL) != SQLITE_OK)
    zc_bench_die ("prepare the raw SELECT", NULL);
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      (*n_rows)++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  end = g_get_monotonic_time ();
  return (end - start) / 1e6;
}

/* The raw push: 1,000 approvals in two requests of 500, plain HTTP. */
static double
time_raw_push (const char *url,
               ZcSession  *officer,
               GPtrArray  *targets)
{
  g_autoptr(SoupSession) http = soup_session_new ();
  g_autofree char *client_id = zc_uuid_new ();
  g_autofree char *endpoint = g_strconcat (url, g_str_has_suffix (url, "/") ? "" : "/", "api/v1/sync/push", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", zc_api_client_get_token (zc_session_get_api_client (officer)), NULL);
  gint64 start, end, next_id = 1;

  start = g_get_monotonic_time ();
  for (guint from = 0; from < targets->len; from += ZC_SYNC_MAX_MUTATIONS)
    {
      g_autoptr(ZcPushRequest) request = zc_push_request_new (client_id, 1);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      for (guint i = from; i < MIN (from + ZC_SYNC_MAX_MUTATIONS, targets->len); i++)
        {
          const ZcReviewRow *row = targets->pdata[i];
          ZcMutation *mutation = zc_mutation_new (next_id++, "archive.approve", row->id, row->version);

          mutation->expected_state = g_strdup ("pending");
          g_ptr_array_add (request->mutations, mutation);
        }
      node = zc_push_request_to_json (request);
      text = json_to_string (node, FALSE);
      body = g_bytes_new (text, strlen (text));
      message = soup_message_new ("POST", endpoint);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", auth);
      soup_message_set_request_body_from_bytes (message, "application/json", body);
      answer = soup_session_send_and_read (http, message, NULL, &error);
      if (answer == NULL || soup_message_get_status (message) != 200)
        {
          g_printerr ("bench-desk: HTTP %u: %.*s\n", soup_message_get_status (message),
                      answer != NULL ? (int) MIN (g_bytes_get_size (answer), 400) : 0,
                      answer != NULL ? (const char *) g_bytes_get_data (answer, NULL) : "");
          zc_bench_die ("raw push", error);
        }
      {
        g_autofree char *answer_text = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
        g_autoptr(JsonNode) result_node = json_from_string (answer_text, NULL);
        g_autoptr(ZcPushResult) result = result_node != NULL ? zc_push_result_from_json (result_node, NULL) : NULL;

        if (result == NULL || result->rejections->len > 0)
          zc_bench_die ("the raw push was refused", NULL);
      }
    }
  end = g_get_monotonic_time ();
  return (end - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  const char *server_path = argc > 1 ? argv[1] : ZHICHENG_SERVER_PATH;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-bench-desk-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "server", NULL);
  g_autofree char *applicant_path = g_build_filename (dir, "applicant.sqlite", NULL);
  g_autofree char *officer_path = g_build_filename (dir, "officer.sqlite", NULL);
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(ZcSession) applicant = NULL;
  g_autoptr(ZcSession) officer = NULL;
  g_autoptr(ZcSyncEngine) applicant_engine = NULL;
  g_autoptr(ZcSyncEngine) officer_engine = NULL;
  g_autoptr(GPtrArray) raw_targets = g_ptr_array_new ();
  ZcLocalStore *store;
  ZcReviewDesk *desk;
  GtkWidget *window;
  gboolean painted = FALSE;
  gint64 start, end;
  double raw_select_s, desk_s, rss0, rss1, decide_s, batch_s, raw_push_s;
  guint n_raw_rows = 0, n_desk_rows;

  zc_bench_init ("bench-desk");
  setlocale (LC_ALL, "");
  g_setenv ("ZHICHENG_TEST_FAST_HASH", "1", TRUE);
  gtk_init ();
  adw_init ();
  if (dir == NULL)
    zc_bench_die ("make a folder", error);
  g_mkdir_with_parents (data_dir, 0700);
  server = zc_bench_start_server (server_path, data_dir, &url);

  /* the applicant's entries reach the server, then the officer's store */
  applicant = zc_bench_sign_in (url, APPLICANT);
  applicant_engine = engine_for (applicant_path, applicant);
  g_clear_object (&applicant_engine);
  seed_applicant (applicant_path, N_QUEUE + N_RAW);
  applicant_engine = engine_for (applicant_path, applicant);
  start = g_get_monotonic_time ();
  zc_bench_sync (applicant_engine);
  g_print ("seed: %u entries pushed by the applicant in %.1f s\n", N_QUEUE + N_RAW,
           (g_get_monotonic_time () - start) / 1e6);

  officer = zc_bench_sign_in (url, UNIT_OFFICER);
  officer_engine = engine_for (officer_path, officer);
  start = g_get_monotonic_time ();
  zc_bench_sync (officer_engine);
  g_print ("seed: the officer's pull in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  store = zc_sync_engine_get_store (officer_engine);

  /* 1. the queue to its first frame */
  raw_select_s = time_raw_select (officer_path, zc_local_store_get_owner_id (store), &n_raw_rows);
  rss0 = zc_bench_rss_mib ();
  start = g_get_monotonic_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = ZC_REVIEW_DESK (zc_review_desk_new (store));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (desk));
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (zc_bench_on_after_paint), &painted);
  gtk_window_present (GTK_WINDOW (window));
  zc_bench_iterate_until (&painted);
  end = g_get_monotonic_time ();
  rss1 = zc_bench_rss_mib ();
  desk_s = (end - start) / 1e6;
  n_desk_rows = g_list_model_get_n_items (G_LIST_MODEL (zc_review_desk_get_model (desk)));

  /* the raw push's entries: the last 1,000 of the queue, left alone by the desk */
  for (guint i = n_desk_rows - N_RAW; i < n_desk_rows; i++)
    g_ptr_array_add (raw_targets, (gpointer) zc_review_queue_model_get_row (zc_review_desk_get_model (desk), i));
  raw_push_s = time_raw_push (url, officer, raw_targets);
  g_ptr_array_set_size (raw_targets, 0);

  /* 2. the first 1,000 selected and approved, until acknowledged */
  {
    GtkSelectionModel *selection = gtk_column_view_get_model (zc_review_desk_get_column_view (desk));

    gtk_selection_model_select_range (selection, 0, N_BATCH, TRUE);
    start = g_get_monotonic_time ();
    if (!zc_review_desk_decide (desk, ZC_ARCHIVE_ACTION_APPROVE, NULL))
      zc_bench_die ("approve", NULL);
    decide_s = (g_get_monotonic_time () - start) / 1e6;
    zc_bench_sync (officer_engine);
    end = g_get_monotonic_time ();
    batch_s = (end - start) / 1e6;
    if (zc_local_store_get_outbox_count (store) != 0)
      zc_bench_die ("the server did not acknowledge every approval", NULL);
  }

  g_print ("\nqueue: %u pending rows (plain SELECT: %u)\n", n_desk_rows, n_raw_rows);
  g_print ("plain SQLite SELECT of the queue's columns:   %.3f s\n", raw_select_s);
  g_print ("desk created to its first painted frame:      %.3f s  (%.0fx the SELECT)\n", desk_s,
           desk_s / raw_select_s);
  g_print ("items made for the first frame: %u of %u\n",
           zc_review_queue_model_get_n_materialized (zc_review_desk_get_model (desk)), n_desk_rows);
  g_print ("RSS before the desk: %.1f MiB, after its first frame: %.1f MiB (+%.1f MiB)\n", rss0, rss1, rss1 - rss0);
  g_print ("raw push of %u approvals (2 requests):      %.3f s\n", N_RAW, raw_push_s);
  g_print ("desk: %u approvals queued in one transaction: %.3f s\n", N_BATCH, decide_s);
  g_print ("desk: approve %u until acknowledged:        %.3f s  (%.2fx the raw push)\n", N_BATCH, batch_s,
           batch_s / raw_push_s);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&officer_engine);
  g_clear_object (&applicant_engine);
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  zc_bench_remove_tree (dir);
  return 0;
}
