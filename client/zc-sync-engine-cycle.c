/* zc-sync-engine-cycle.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-json.h"
#include "zc-local-store-plans.h"
#include "zc-sync-engine-private.h"

/* One sync cycle, step by step on the main loop: files, push, pull,
 * files again; then its end decides the engine's state and the next
 * cycle (zc-sync-engine.c). */

/* Cycles */

typedef struct
{
  ZcSyncEngine *self;          /* owned */
  ZcApiClient  *api;           /* owned */
  GCancellable *cancellable;   /* owned */
  GPtrArray    *blobs;         /* of JsonObject */
  guint         blob_index;
  guint64       blob_bytes_done;
  guint64       blob_bytes_total;
  GPtrArray    *pulls;         /* of ZcPullResponse */
  guint         pulled_changes;
  gboolean      push_after_pull;
  gboolean      gap_retried;
  gboolean      cursor_retried;
  gint64        last_pushed;
  GPtrArray    *missing;       /* of sha256 */
  guint         missing_index;
  guint         stuck;         /* changes waiting that the push could not send */
} Cycle;

static void
cycle_free (Cycle *cycle)
{
  g_clear_object (&cycle->api);
  g_clear_object (&cycle->cancellable);
  g_clear_pointer (&cycle->blobs, g_ptr_array_unref);
  g_clear_pointer (&cycle->pulls, g_ptr_array_unref);
  g_clear_pointer (&cycle->missing, g_ptr_array_unref);
  g_clear_object (&cycle->self);
  g_free (cycle);
}

static void
answer_waiters (GPtrArray    *tasks,
                const GError *error)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
  g_ptr_array_set_size (tasks, 0);
}

static gboolean
is_gap (const GError *error)
{
  return g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_CONFLICT) &&
         g_strcmp0 (zc_api_client_error_get_code (error), "mutation_gap") == 0;
}

/* The end of a cycle: state, next cycle, waiters. */
static void
cycle_finish (Cycle  *cycle,
              GError *error)
{
  ZcSyncEngine *self = g_object_ref (cycle->self);
  g_autoptr(GError) owned_error = error;
  guint waiting = zc_local_store_get_outbox_count (self->store);

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  zc_sync_engine_set_progress (self, -1.0, NULL);

  if (error == NULL)
    {
      self->attempt = 0;
      zc_sync_engine_note_success (self);
      zc_sync_engine_set_state (self, ZC_SYNC_STATE_IDLE, NULL);
      /* level-triggered: edits made meanwhile go out next */
      if (waiting > cycle->stuck && !self->again)
        zc_sync_engine_schedule (self, EDIT_DELAY_MS, FALSE);
      else
        zc_sync_engine_schedule (self, self->periodic_seconds * 1000u, FALSE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_error_matches (error, ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_STOPPED))
    zc_sync_engine_set_state (self, ZC_SYNC_STATE_IDLE, NULL);
  else if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK))
    {
      zc_sync_engine_set_state (self, ZC_SYNC_STATE_OFFLINE, error->message);
      zc_sync_engine_schedule_retry (self, 0);
    }
  else if (g_error_matches (error, ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_NOT_SIGNED_IN) ||
           g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED))
    {
      /* asked once: the session's state change brings the next cycle */
      if (error->domain == ZC_API_CLIENT_ERROR)
        zc_session_expire (self->session);
      zc_sync_engine_set_state (self, ZC_SYNC_STATE_ERROR, _("Sign in again to send and receive changes."));
      g_clear_handle_id (&self->timer_id, g_source_remove);
    }
  else if (zc_api_client_error_is_transient (error) || error->domain == ZC_LOCAL_STORE_ERROR)
    {
      zc_sync_engine_set_state (self, ZC_SYNC_STATE_ERROR, error->message);
      zc_sync_engine_schedule_retry (self, error->domain == ZC_API_CLIENT_ERROR
                                           ? zc_api_client_error_get_retry_after (error) : 0);
    }
  else
    {
      /* a refusal: trying again at once would be refused again */
      g_warning ("Sync refused: %s", error->message);
      zc_sync_engine_set_state (self, ZC_SYNC_STATE_ERROR, error->message);
      self->attempt++;
      zc_sync_engine_schedule (self, self->periodic_seconds * 1000u, FALSE);
    }

  cycle_free (cycle);
  answer_waiters (self->current, error);

  /* asked for while this one ran */
  if (self->again || self->waiting->len > 0)
    zc_sync_engine_start_cycle (self);
  g_object_unref (self);
}

static void push_next (Cycle *cycle);
static void pull_next (Cycle *cycle);
static void download_next (Cycle *cycle);

/* Step 1: the files queued edits wait for */

static void
on_upload_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  Cycle *cycle = user_data;
  g_autofree char *text = NULL;
  double fraction = cycle->blob_bytes_total > 0
                    ? (double) (cycle->blob_bytes_done + done) / (double) cycle->blob_bytes_total : -1.0;

  /* Translators: %u of %u counts attachment files being sent */
  text = g_strdup_printf (_("Sending attachments (%u of %u)…"), cycle->blob_index + 1, cycle->blobs->len);
  zc_sync_engine_set_progress (cycle->self, CLAMP (fraction, 0.0, 1.0), text);
}

static void upload_next (Cycle *cycle);

static void
on_blob_uploaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Cycle *cycle = user_data;
  JsonObject *blob = g_ptr_array_index (cycle->blobs, cycle->blob_index);
  const char *sha256 = json_object_get_string_member (blob, "sha256");
  g_autoptr(GError) error = NULL;

  if (!zc_api_client_upload_finish (ZC_API_CLIENT (source), result, NULL, &error))
    {
      /* refused for good: its changes go up without it and come back
       * refused, where the user can fix or discard them */
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_INVALID))
        {
          g_message ("The server refused the file %s: %s", json_object_get_string_member (blob, "path"),
                     error->message);
          g_clear_error (&error);
          if (!zc_local_store_release_refused_blob (cycle->self->store, sha256, &error))
            {
              cycle_finish (cycle, g_steal_pointer (&error));
              return;
            }
          cycle->blob_index++;
          upload_next (cycle);
          return;
        }
      g_prefix_error (&error, "%s: ", json_object_get_string_member (blob, "path"));
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  if (!zc_local_store_mark_blob_uploaded (cycle->self->store, sha256, &error))
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  cycle->blob_bytes_done += (guint64) json_object_get_int_member (blob, "size");
  cycle->blob_index++;
  upload_next (cycle);
}

static void
on_blob_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Cycle *cycle = user_data;
  JsonObject *blob = g_ptr_array_index (cycle->blobs, cycle->blob_index);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (bytes == NULL)
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  path = g_strconcat ("/api/v1/blobs/", json_object_get_string_member (blob, "sha256"), NULL);
  zc_api_client_upload_async (cycle->api, "PUT", path, bytes, json_object_get_string_member (blob, "mime"),
                              on_upload_progress, cycle, cycle->cancellable, on_blob_uploaded, cycle);
}

static void
upload_next (Cycle *cycle)
{
  g_autoptr(GFile) file = NULL;
  JsonObject *blob;

  if (cycle->blob_index >= cycle->blobs->len)
    {
      g_autofree char *cursor = zc_local_store_get_meta (cycle->self->store, "cursor");

      /* never pulled: the server's records first, so that the answer to
       * the push (conflicts) finds them here */
      if (cursor == NULL)
        {
          cycle->push_after_pull = TRUE;
          pull_next (cycle);
          return;
        }
      push_next (cycle);
      return;
    }
  blob = g_ptr_array_index (cycle->blobs, cycle->blob_index);
  on_upload_progress (0, 0, cycle);
  file = g_file_new_for_path (json_object_get_string_member (blob, "path"));
  g_file_load_bytes_async (file, cycle->cancellable, on_blob_read, cycle);
}

/* Step 2: push */

/* Several queued puts of one record all carry its newest body: the
 * first applies it against the base the user started from, the others
 * then change nothing, where sending each older body would make the
 * user's own earlier edits look like someone else's.  For the same
 * reason a deletion after the user's own edits is sent for any version
 * (0): the version it was made on is the one those edits produce. */
static void
coalesce (GPtrArray *mutations)
{
  g_autoptr(GHashTable) newest = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < mutations->len; i++)
    {
      ZcMutation *mutation = g_ptr_array_index (mutations, i);

      if (g_str_equal (mutation->name, "record.put") && json_object_has_member (mutation->args, "body"))
        g_hash_table_insert (newest, mutation->record_id, mutation->args);
      else if (g_str_equal (mutation->name, "record.delete") &&
               g_hash_table_contains (newest, mutation->record_id))
        mutation->base_version = 0;
    }
  for (guint i = 0; i < mutations->len; i++)
    {
      ZcMutation *mutation = g_ptr_array_index (mutations, i);
      JsonObject *args = g_hash_table_lookup (newest, mutation->record_id);

      if (g_str_equal (mutation->name, "record.put") && args != NULL && args != mutation->args)
        {
          json_object_unref (mutation->args);
          mutation->args = zc_json_object_copy_deep (args);
        }
    }
}

static void
on_pushed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Cycle *cycle = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(ZcPushResult) push_result = NULL;
  g_autoptr(GError) error = NULL;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      /* the server consumed less than the outbox has forgotten: a pull
       * tells its last mutation, and the outbox is renumbered after it */
      if (is_gap (error) && !cycle->gap_retried)
        {
          g_message ("The server reports a gap in the mutations: pulling first");
          cycle->gap_retried = TRUE;
          cycle->push_after_pull = TRUE;
          pull_next (cycle);
          return;
        }
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }

  push_result = answer != NULL ? zc_push_result_from_json (answer, &error) : NULL;
  if (push_result == NULL)
    {
      cycle_finish (cycle, g_error_new (ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_PROTOCOL,
                                        _("The server’s answer could not be read (%s)"),
                                        error != NULL ? error->message : "empty"));
      return;
    }
  if (!zc_local_store_apply_push (cycle->self->store, push_result, &error))
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  if (push_result->last_mutation_id < cycle->last_pushed)
    {
      cycle_finish (cycle, g_error_new (ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_PROTOCOL,
                                        "The server consumed mutations up to %" G_GINT64_FORMAT
                                        " of %" G_GINT64_FORMAT, push_result->last_mutation_id, cycle->last_pushed));
      return;
    }
  push_next (cycle);
}

static void
push_next (Cycle *cycle)
{
  ZcSyncEngine *self = cycle->self;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(ZcPushRequest) request = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  pending = zc_local_store_list_pending (self->store, ZC_SYNC_MAX_MUTATIONS, &error);
  if (pending == NULL)
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  if (pending->len == 0)
    {
      cycle->stuck = zc_local_store_get_outbox_count (self->store);
      pull_next (cycle);
      return;
    }
  if (!zc_local_store_mark_sending (self->store, pending, &error))
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }

  /* Translators: %u is a number of changes */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sending %u change…", "Sending %u changes…", pending->len),
                          pending->len);
  zc_sync_engine_set_progress (self, -1.0, text);

  coalesce (pending);
  cycle->last_pushed = ((ZcMutation *) g_ptr_array_index (pending, pending->len - 1))->id;
  request = zc_push_request_new (zc_local_store_get_client_id (self->store), SYNC_SCHEMA_VERSION);
  g_ptr_array_extend_and_steal (request->mutations, g_steal_pointer (&pending));
  node = zc_push_request_to_json (request);
  zc_api_client_call_async (cycle->api, "POST", "/api/v1/sync/push", node, cycle->cancellable, on_pushed, cycle);
}

/* Step 3: pull, then apply it all at once */

static void
on_pulled (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Cycle *cycle = user_data;
  ZcSyncEngine *self = cycle->self;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  ZcPullResponse *response;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      /* a position this server does not know: start again from nothing */
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_INVALID) &&
          g_strcmp0 (zc_api_client_error_get_field (error), "cursor") == 0 && !cycle->cursor_retried)
        {
          g_autoptr(GError) meta_error = NULL;

          cycle->cursor_retried = TRUE;
          g_ptr_array_set_size (cycle->pulls, 0);
          if (zc_local_store_set_meta (self->store, "cursor", NULL, &meta_error))
            {
              pull_next (cycle);
              return;
            }
          g_propagate_error (&error, g_steal_pointer (&meta_error));
        }
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }

  response = answer != NULL ? zc_pull_response_from_json (answer, &error) : NULL;
  if (response == NULL)
    {
      cycle_finish (cycle, g_error_new (ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_PROTOCOL,
                                        _("The server’s answer could not be read (%s)"),
                                        error != NULL ? error->message : "empty"));
      return;
    }
  g_ptr_array_add (cycle->pulls, response);
  cycle->pulled_changes += response->changes->len;

  if (response->has_more)
    {
      g_autofree char *text = NULL;

      if (cycle->pulls->len >= MAX_PULL_PAGES || response->changes->len == 0)
        {
          cycle_finish (cycle, g_error_new (ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_PROTOCOL,
                                            "The pull does not come to an end"));
          return;
        }
      /* Translators: %u is a number of changes received so far */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Receiving changes (%u so far)…",
                                           "Receiving changes (%u so far)…", cycle->pulled_changes),
                              cycle->pulled_changes);
      zc_sync_engine_set_progress (self, -1.0, text);
      pull_next (cycle);
      return;
    }

  if (!zc_local_store_apply_pull (self->store, cycle->pulls, &error))
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_set_size (cycle->pulls, 0);

  if (cycle->push_after_pull)
    {
      cycle->push_after_pull = FALSE;
      push_next (cycle);
      return;
    }

  cycle->missing = zc_local_store_list_missing_blobs (self->store, &error);
  if (cycle->missing == NULL)
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  download_next (cycle);
}

static void
pull_next (Cycle *cycle)
{
  ZcSyncEngine *self = cycle->self;
  g_autofree char *cursor = NULL;
  g_autoptr(ZcPullRequest) request = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* a page continues from the one before, the first from the store */
  if (cycle->pulls->len > 0)
    cursor = g_strdup (((ZcPullResponse *) g_ptr_array_index (cycle->pulls, cycle->pulls->len - 1))->cursor);
  else
    {
      cursor = zc_local_store_get_meta (self->store, "cursor");
      zc_sync_engine_set_progress (self, -1.0, _("Receiving changes…"));
    }

  request = zc_pull_request_new (zc_local_store_get_client_id (self->store), cursor, ZC_SYNC_DEFAULT_PULL_LIMIT);
  node = zc_pull_request_to_json (request);
  zc_api_client_call_async (cycle->api, "POST", "/api/v1/sync/pull", node, cycle->cancellable, on_pulled, cycle);
}

/* Step 4: files that pulled records name */

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Cycle *cycle = user_data;
  const char *sha256 = g_ptr_array_index (cycle->missing, cycle->missing_index);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mime = NULL;

  bytes = zc_api_client_download_finish (ZC_API_CLIENT (source), result, &mime, &error);
  if (bytes == NULL && (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
                        g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK)))
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  /* one missing file does not fail the sync: it is asked for next time */
  if (bytes == NULL ||
      !zc_local_store_put_blob (cycle->self->store, sha256, mime != NULL ? mime : "application/octet-stream",
                                bytes, &error))
    g_warning ("Attachment %s not fetched: %s", sha256, error->message);

  cycle->missing_index++;
  download_next (cycle);
}

/* Step 5: the review plans' cache.  The records are in by now, so a
 * plan version a pulled declaration refers to is kept.  A failed
 * refresh leaves the old cache and does not fail the sync. */

static void
on_plans_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Cycle *cycle = user_data;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  plans = zc_api_client_list_plans_finish (ZC_API_CLIENT (source), result, &error);
  if (plans == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  if (plans == NULL || !zc_local_store_replace_plans (cycle->self->store, plans, &error))
    g_message ("The review plans were not refreshed: %s", error->message);
  cycle_finish (cycle, NULL);
}

static void
refresh_plans (Cycle *cycle)
{
  zc_api_client_list_plans_async (cycle->api, cycle->cancellable, on_plans_listed, cycle);
}

static void
download_next (Cycle *cycle)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (cycle->missing_index >= cycle->missing->len)
    {
      refresh_plans (cycle);
      return;
    }
  /* Translators: %u of %u counts attachment files being received */
  text = g_strdup_printf (_("Receiving attachments (%u of %u)…"), cycle->missing_index + 1, cycle->missing->len);
  zc_sync_engine_set_progress (cycle->self, (double) cycle->missing_index / cycle->missing->len, text);
  path = g_strconcat ("/api/v1/blobs/", (const char *) g_ptr_array_index (cycle->missing, cycle->missing_index), NULL);
  zc_api_client_download_async (cycle->api, path, cycle->cancellable, on_downloaded, cycle);
}

static gboolean
check_session (ZcSyncEngine  *self,
               GError       **error)
{
  g_autofree char *bound = NULL;

  switch (zc_session_get_state (self->session))
    {
    case ZC_SESSION_STATE_SIGNED_IN:
      break;
    case ZC_SESSION_STATE_PASSWORD_CHANGE:
      g_set_error_literal (error, ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_NOT_SIGNED_IN,
                           _("Change your initial password to send and receive changes."));
      return FALSE;
    case ZC_SESSION_STATE_SIGNED_OUT:
    case ZC_SESSION_STATE_EXPIRED:
    default:
      g_set_error_literal (error, ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_NOT_SIGNED_IN,
                           _("Sign in again to send and receive changes."));
      return FALSE;
    }

  /* never send one account's outbox with another's session */
  bound = zc_local_store_get_meta (self->store, "account_id");
  if (g_strcmp0 (bound, zc_session_get_account_id (self->session)) != 0)
    {
      g_set_error_literal (error, ZC_SYNC_ENGINE_ERROR, ZC_SYNC_ENGINE_ERROR_WRONG_ACCOUNT,
                           _("This local data belongs to another account"));
      return FALSE;
    }
  return TRUE;
}

void
zc_sync_engine_start_cycle (ZcSyncEngine *self)
{
  Cycle *cycle;
  g_autoptr(GError) error = NULL;

  g_assert (!self->running);

  self->running = TRUE;
  self->again = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->retry_delay_ms = 0;
  g_ptr_array_extend_and_steal (self->current, g_steal_pointer (&self->waiting));
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);

  cycle = g_new0 (Cycle, 1);
  cycle->self = g_object_ref (self);
  cycle->api = g_object_ref (zc_session_get_api_client (self->session));
  cycle->cancellable = g_cancellable_new ();
  cycle->pulls = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_pull_response_free);
  g_set_object (&self->cancellable, cycle->cancellable);
  zc_sync_engine_set_state (self, ZC_SYNC_STATE_SYNCING, NULL);

  if (!check_session (self, &error))
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  cycle->blobs = zc_local_store_list_blobs_to_upload (self->store, &error);
  if (cycle->blobs == NULL)
    {
      cycle_finish (cycle, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < cycle->blobs->len; i++)
    cycle->blob_bytes_total += (guint64) json_object_get_int_member (g_ptr_array_index (cycle->blobs, i), "size");
  upload_next (cycle);
}
