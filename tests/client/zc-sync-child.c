/* zc-sync-child.c: a client that edits and syncs in a loop, for
 * test-sync-engine to kill at random moments
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * zc-sync-child URL LOGIN PASSWORD STORE edit|drain
 *
 * "edit": forever, create an archive entry (printing "saved ID" once it
 * is committed) and sync.  "drain": sync until nothing waits, print
 * "drained" and exit 0.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "zc-i18n.h"
#include "zc-local-store.h"
#include "zc-session.h"
#include "zc-sync-engine.h"

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Wait;

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = zc_session_sign_in_finish (ZC_SESSION (source), result, &wait->error);
  wait->done = TRUE;
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

static void
run (Wait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
sync_once (ZcSyncEngine *engine)
{
  Wait wait = { 0 };

  zc_sync_engine_sync_async (engine, NULL, on_synced, &wait);
  run (&wait);
  if (!wait.ok)
    {
      g_printerr ("zc-sync-child: sync: %s\n", wait.error->message);
      g_error_free (wait.error);
    }
  return wait.ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZcSession) session = NULL;
  g_autoptr(ZcLocalStore) store = NULL;
  g_autoptr(ZcSyncEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  if (argc != 6)
    {
      g_printerr ("usage: zc-sync-child URL LOGIN PASSWORD STORE edit|drain\n");
      return 2;
    }

  session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING);
  if (!zc_session_set_server_url (session, argv[1], &error))
    goto fail;
  zc_session_sign_in_async (session, argv[2], argv[3], NULL, on_signed_in, &wait);
  run (&wait);
  if (!wait.ok)
    {
      error = wait.error;
      goto fail;
    }

  store = zc_local_store_open (argv[4], &error);
  if (store == NULL || !zc_local_store_bind_account (store, zc_session_get_account_id (session), &error))
    goto fail;
  engine = zc_sync_engine_new (store, session);

  if (g_str_equal (argv[5], "drain"))
    {
      for (int i = 0; i < 20; i++)
        if (sync_once (engine) && zc_local_store_get_outbox_count (store) == 0)
          {
            printf ("drained\n");
            fflush (stdout);
            return 0;
          }
      return 1;
    }

  for (guint i = 0;; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"year\": %u, \"result\": \"1\", \"assessed_by\": \"子进程 %u\"}",
                                               1990 + g_random_int_range (0, 30), i);
      g_autoptr(JsonNode) node = json_from_string (json, NULL);
      g_autoptr(ZcRecord) record = zc_local_store_create_entry (store, "archive:annual-assessments",
                                                                json_node_get_object (node), &error);

      if (record == NULL)
        goto fail;
      /* only after COMMIT returned: this edit is acknowledged */
      printf ("saved %s\n", zc_record_get_id (record));
      fflush (stdout);
      if (i % 3 == 2)
        sync_once (engine);
    }

fail:
  g_printerr ("zc-sync-child: %s\n", error != NULL ? error->message : "failed");
  return 1;
}
