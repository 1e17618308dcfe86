/* test-crash-push.c: kill -9 the server while a client pushes, again and
 * again; nothing acknowledged may be lost, nothing applied twice
 * (the "slow" suite)
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "zc-server-test.h"
#include "zc-sync-message.h"

#define CLIENT "c0ffee00-0000-4000-8000-000000000001"
#define DEFAULT_RUNS 50

#define PAPER "{\"title\": \"论文\", \"published_on\": \"2022-04-01\", \"paper_type\": \"1\"," \
              " \"journal\": \"中华全科医学\", \"author_rank\": \"2\", \"own_words\": 4}"

typedef struct
{
  GSubprocess *process;
  guint        delay_ms;
} Killer;

static gpointer
kill_later (gpointer data)
{
  Killer *killer = data;

  g_usleep (killer->delay_ms * 1000);
  g_subprocess_force_exit (killer->process);
  return NULL;
}

static char *
record_id (gint64 n)
{
  return g_strdup_printf ("00000000-0000-4000-8000-%012" G_GINT64_MODIFIER "d", n);
}

/* Mutations @first … @last, each adding the record numbered by its id. */
static char *
push_body (gint64 first,
           gint64 last)
{
  GString *body = g_string_new ("{\"client_id\": \"" CLIENT "\", \"schema_version\": 1, \"mutations\": [");

  for (gint64 id = first; id <= last; id++)
    {
      g_autofree char *record = record_id (id);

      g_string_append_printf (body, "%s{\"id\": %" G_GINT64_FORMAT ", \"name\": \"record.put\", \"record_id\": \"%s\","
                              " \"base_version\": 0, \"args\": {\"kind\": \"archive:papers\", \"body\": " PAPER "}}",
                              id > first ? ", " : "", id, record);
    }
  g_string_append (body, "]}");

  return g_string_free (body, FALSE);
}

/* One push; FALSE when the server went away before answering. */
static gboolean
try_push (SoupSession *session,
          const char  *url,
          const char  *token,
          gint64       first,
          gint64       last,
          gint64      *acknowledged)
{
  g_autofree char *body = push_body (first, last);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ZcPushResult) result = NULL;
  const char *data;
  gsize length = 0;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  if (answer == NULL || soup_message_get_status (msg) != 200)
    return FALSE;

  data = g_bytes_get_data (answer, &length);
  g_assert_true (zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  result = zc_push_result_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rejections->len, ==, 0);
  /* more, when an earlier push was applied but its answer was lost */
  g_assert_cmpint (result->last_mutation_id, >=, last);

  /* acknowledged: the client would now drop these from its outbox */
  *acknowledged = result->last_mutation_id;
  return TRUE;
}

static char *
query_text (const char *db_path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

/* What must hold after every kill, checked on the file itself. */
static gint64
check_database (const char *db_path,
                const char *owner,
                gint64      acknowledged)
{
  g_autofree char *integrity = query_text (db_path, "PRAGMA integrity_check");
  g_autofree char *consumed_sql = g_strdup ("SELECT last_mutation_id FROM sync_clients WHERE id = '" CLIENT "'");
  g_autofree char *records_sql = g_strdup_printf ("SELECT count(*) FROM records WHERE owner_id = '%s'", owner);
  g_autofree char *history_sql = g_strdup_printf ("SELECT count(*) FROM record_history h JOIN records r"
                                                  " ON r.id = h.record_id WHERE r.owner_id = '%s'", owner);
  g_autofree char *last_record = record_id (acknowledged);
  g_autofree char *acked_sql = g_strdup_printf ("SELECT count(*) FROM records WHERE owner_id = '%s' AND id <= '%s'",
                                                owner, last_record);
  gint64 consumed;

  g_assert_cmpstr (integrity, ==, "ok");
  consumed = zc_server_test_query_int (db_path, "SELECT count(*) FROM sync_clients WHERE id = '" CLIENT "'") > 0
    ? zc_server_test_query_int (db_path, consumed_sql) : 0;

  /* every acknowledged mutation is there … */
  g_assert_cmpint (consumed, >=, acknowledged);
  g_assert_cmpint (zc_server_test_query_int (db_path, acked_sql), ==, acknowledged);
  /* … and each consumed one exactly once (one record, one history row) */
  g_assert_cmpint (zc_server_test_query_int (db_path, records_sql), ==, consumed);
  g_assert_cmpint (zc_server_test_query_int (db_path, history_sql), ==, consumed);

  return consumed;
}

static void
test_kill_during_push (void)
{
  const char * const demo[] = { "--demo", NULL };
  const char *runs_text = g_getenv ("ZHICHENG_CRASH_RUNS");
  guint runs = runs_text != NULL ? (guint) atoi (runs_text) : DEFAULT_RUNS;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 10, NULL);
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *token = NULL;
  g_autofree char *owner = NULL;
  ZcTestServer *server;
  gint64 acknowledged = 0;
  gint64 total_pushes = 0;
  guint ambiguous = 0;
  gint64 start = g_get_monotonic_time ();

  server = zc_test_server_start (demo);
  server->keep_data = TRUE;
  data_dir = g_strdup (server->data_dir);
  db_path = zc_test_server_db_path (server);
  /* sessions are stored: one login serves every restart */
  token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  owner = zc_server_test_account_id (server, token);

  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *url = NULL;
      Killer killer;
      GThread *thread;
      gint64 consumed;

      if (run > 0)
        {
          server = zc_test_server_start_in (data_dir, NULL);
          server->keep_data = TRUE;
        }
      url = g_strconcat (server->url, "/api/v1/sync/push", NULL);

      killer.process = server->process;
      killer.delay_ms = (guint) g_test_rand_int_range (20, 250);
      thread = g_thread_new ("killer", kill_later, &killer);

      /* the client sends from the first unacknowledged mutation on,
       * some of which the server may have applied already */
      for (;;)
        {
          gint64 last = acknowledged + g_test_rand_int_range (1, 20);

          if (!try_push (session, url, token, acknowledged + 1, last, &acknowledged))
            break;
          total_pushes++;
        }

      g_thread_join (thread);
      zc_test_server_kill (server);

      consumed = check_database (db_path, owner, acknowledged);
      if (consumed > acknowledged)
        ambiguous++;
    }

  g_test_message ("%u kills, %" G_GINT64_FORMAT " acknowledged pushes, %" G_GINT64_FORMAT " mutations acknowledged,"
                  " %u kills after a commit whose answer was lost, %.1f s",
                  runs, total_pushes, acknowledged, ambiguous, (g_get_monotonic_time () - start) / 1e6);

  /* at the end, a last push brings everything in, once */
  server = zc_test_server_start_in (data_dir, NULL);
  server->keep_data = TRUE;
  {
    g_autofree char *url = g_strconcat (server->url, "/api/v1/sync/push", NULL);

    g_assert_true (try_push (session, url, token, acknowledged + 1, acknowledged + 5, &acknowledged));
  }
  zc_test_server_stop (server);
  g_assert_cmpint (check_database (db_path, owner, acknowledged), ==, acknowledged);
  g_assert_cmpint (acknowledged, >, 0);

  zc_test_rm_rf (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/crash/kill-during-push", test_kill_during_push);

  return g_test_run ();
}
