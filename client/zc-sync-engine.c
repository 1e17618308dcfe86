/* zc-sync-engine.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync-engine"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-json.h"
#include "zc-sync-engine-private.h"

/* The client half of the sync protocol (docs/sync.md, "The client"):
 * the engine's state, when cycles run, and its API; the cycle itself is
 * in zc-sync-engine-cycle.c.  One cycle: upload the files queued edits wait for; push the outbox
 * (in batches, the server's answer applied after each); pull until
 * has_more is false and apply the whole pull in one transaction; fetch
 * files pulled records name.  Every step is asynchronous on the main
 * loop and the file is only written in short transactions, so the UI
 * never waits.
 *
 * Cycles run on demand, a little after each local edit, periodically,
 * and at once when the network comes back.  A failure is retried with
 * exponential backoff (0.5 s doubling up to 30–60 s, with jitter); a
 * refusal that will not go away by itself (4xx) waits for the periodic
 * cycle or the user; a dead session (401) asks for sign-in once and
 * waits for it.  The drain is level-triggered: a cycle that ends with
 * changes still waiting schedules the next one. */

G_DEFINE_FINAL_TYPE (ZcSyncEngine, zc_sync_engine, G_TYPE_OBJECT)
G_DEFINE_QUARK (zc-sync-engine-error-quark, zc_sync_engine_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_LAST_SYNC,
  PROP_CHANGES_WAITING,
  PROP_PROGRESS,
  PROP_PROGRESS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
zc_sync_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ZC_SYNC_STATE_IDLE, "ZC_SYNC_STATE_IDLE", "idle" },
        { ZC_SYNC_STATE_SYNCING, "ZC_SYNC_STATE_SYNCING", "syncing" },
        { ZC_SYNC_STATE_OFFLINE, "ZC_SYNC_STATE_OFFLINE", "offline" },
        { ZC_SYNC_STATE_ERROR, "ZC_SYNC_STATE_ERROR", "error" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("ZcSyncState", values));
    }

  return type_id;
}

/* State shown to the user */

void
zc_sync_engine_set_state (ZcSyncEngine *self,
                          ZcSyncState   state,
                          const char   *message)
{
  if (g_strcmp0 (self->error_message, message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

void
zc_sync_engine_set_progress (ZcSyncEngine *self,
                             double        fraction,
                             const char   *text)
{
  if (self->progress != fraction)
    {
      self->progress = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  if (g_strcmp0 (self->progress_text, text) != 0)
    {
      g_free (self->progress_text);
      self->progress_text = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS_TEXT]);
    }
}

static void
load_last_sync (ZcSyncEngine *self)
{
  g_autofree char *text = zc_local_store_get_meta (self->store, META_LAST_SYNC);

  g_clear_pointer (&self->last_sync, g_date_time_unref);
  if (text != NULL)
    self->last_sync = g_date_time_new_from_iso8601 (text, NULL);
}

void
zc_sync_engine_note_success (ZcSyncEngine *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = zc_json_format_timestamp (now);
  g_autoptr(GError) error = NULL;

  if (!zc_local_store_set_meta (self->store, META_LAST_SYNC, text, &error))
    g_warning ("Noting the sync time: %s", error->message);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  self->last_sync = g_date_time_ref (now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
}

/* Scheduling */

/**
 * zc_sync_engine_backoff_delay:
 * @attempt: failures in a row so far, from 0
 * @random: a number in [0, 1)
 *
 * Returns: the wait before the next try, in milliseconds: @first_ms
 *   doubling with each failure up to @max_ms, times 1 to 2 (jitter),
 *   so clients that failed together do not come back together
 */
guint
zc_sync_engine_backoff_delay (guint  attempt,
                              guint  first_ms,
                              guint  max_ms,
                              double random)
{
  guint64 base = first_ms;

  for (guint i = 0; i < attempt && base < max_ms; i++)
    base *= 2;
  base = MIN (base, (guint64) max_ms);
  random = CLAMP (random, 0.0, 1.0);
  return (guint) MIN ((double) base * (1.0 + random), (double) G_MAXUINT);
}

static gboolean
on_timer (gpointer user_data)
{
  ZcSyncEngine *self = user_data;

  self->timer_id = 0;
  self->retry_delay_ms = 0;
  zc_sync_engine_sync_now (self);
  return G_SOURCE_REMOVE;
}

void
zc_sync_engine_schedule (ZcSyncEngine *self,
                         guint         delay_ms,
                         gboolean      retry)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (!self->started)
    return;
  self->retry_delay_ms = retry ? delay_ms : 0;
  self->timer_id = g_timeout_add (delay_ms, on_timer, self);
}

void
zc_sync_engine_schedule_retry (ZcSyncEngine *self,
                               guint         at_least_seconds)
{
  guint delay = zc_sync_engine_backoff_delay (self->attempt, self->first_retry_ms, self->max_retry_ms,
                                              g_random_double ());

  self->attempt++;
  if (at_least_seconds > 0)
    delay = MAX (delay, MIN (at_least_seconds, 3600u) * 1000u);
  g_debug ("Next try in %u ms", delay);
  zc_sync_engine_schedule (self, delay, TRUE);
}

/* Triggers */

static void
on_network_changed (GNetworkMonitor *network,
                    gboolean         available,
                    ZcSyncEngine    *self)
{
  if (!available || !self->started)
    return;
  if (self->state == ZC_SYNC_STATE_OFFLINE || self->retry_delay_ms > 0)
    {
      g_debug ("The network changed: trying at once");
      self->attempt = 0;
      zc_sync_engine_sync_now (self);
    }
}

static void
on_outbox_count (ZcSyncEngine *self)
{
  guint count = zc_local_store_get_outbox_count (self->store);
  gboolean grew = count > self->last_outbox_count;

  self->last_outbox_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES_WAITING]);
  /* a new edit goes out soon, unless a retry is waiting its turn */
  if (grew && self->started && !self->running && self->retry_delay_ms == 0 &&
      self->state != ZC_SYNC_STATE_ERROR)
    zc_sync_engine_schedule (self, EDIT_DELAY_MS, FALSE);
}

static void
on_session_state (ZcSyncEngine *self)
{
  if (zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN && self->started)
    {
      self->attempt = 0;
      zc_sync_engine_sync_now (self);
    }
}

/* GObject */

static void
zc_sync_engine_dispose (GObject *object)
{
  ZcSyncEngine *self = ZC_SYNC_ENGINE (object);

  self->started = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  self->network = NULL;

  G_OBJECT_CLASS (zc_sync_engine_parent_class)->dispose (object);
}

static void
zc_sync_engine_finalize (GObject *object)
{
  ZcSyncEngine *self = ZC_SYNC_ENGINE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->current, g_ptr_array_unref);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_free (self->error_message);
  g_free (self->progress_text);

  G_OBJECT_CLASS (zc_sync_engine_parent_class)->finalize (object);
}

static void
zc_sync_engine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ZcSyncEngine *self = ZC_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_CHANGES_WAITING:
      g_value_set_uint (value, zc_local_store_get_outbox_count (self->store));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_sync_engine_class_init (ZcSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = zc_sync_engine_dispose;
  object_class->finalize = zc_sync_engine_finalize;
  object_class->get_property = zc_sync_engine_get_property;

  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, ZC_TYPE_SYNC_STATE, ZC_SYNC_STATE_IDLE, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_LAST_SYNC] = g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_CHANGES_WAITING] = g_param_spec_uint ("changes-waiting", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_PROGRESS_TEXT] = g_param_spec_string ("progress-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zc_sync_engine_init (ZcSyncEngine *self)
{
  self->progress = -1.0;
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->current = g_ptr_array_new_with_free_func (g_object_unref);
  self->periodic_seconds = PERIODIC_SECONDS;
  self->first_retry_ms = FIRST_RETRY_MS;
  self->max_retry_ms = MAX_RETRY_MS;
}

/**
 * zc_sync_engine_new:
 * @store: the signed-in account's local store (bound to it)
 *
 * Returns: (transfer full): an engine that does nothing until started
 *   or asked
 */
ZcSyncEngine *
zc_sync_engine_new (ZcLocalStore *store,
                    ZcSession    *session)
{
  ZcSyncEngine *self;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_SYNC_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->last_outbox_count = zc_local_store_get_outbox_count (store);
  load_last_sync (self);
  g_signal_connect_object (store, "notify::outbox-count", G_CALLBACK (on_outbox_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
  return self;
}

ZcLocalStore *
zc_sync_engine_get_store (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), NULL);
  return self->store;
}

ZcSession *
zc_sync_engine_get_session (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), NULL);
  return self->session;
}

/**
 * zc_sync_engine_start:
 *
 * Syncs now, then by itself: after edits, periodically, when the
 * network comes back, after failures with backoff.
 */
void
zc_sync_engine_start (ZcSyncEngine *self)
{
  g_return_if_fail (ZC_IS_SYNC_ENGINE (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->network = g_network_monitor_get_default ();
  g_signal_connect_object (self->network, "network-changed", G_CALLBACK (on_network_changed), self, 0);
  zc_sync_engine_sync_now (self);
}

/* Stops the cycle in flight (its waiters get %G_IO_ERROR_CANCELLED) and
 * every timer.  What a cycle had applied stays applied. */
void
zc_sync_engine_stop (ZcSyncEngine *self)
{
  g_return_if_fail (ZC_IS_SYNC_ENGINE (self));

  self->started = FALSE;
  self->again = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->retry_delay_ms = 0;
  g_cancellable_cancel (self->cancellable);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  self->network = NULL;
}

gboolean
zc_sync_engine_is_started (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), FALSE);
  return self->started;
}

/* A cycle now (Ctrl+R, the sync button); after the running one ends,
 * when one runs. */
void
zc_sync_engine_sync_now (ZcSyncEngine *self)
{
  g_return_if_fail (ZC_IS_SYNC_ENGINE (self));

  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  zc_sync_engine_start_cycle (self);
}

/**
 * zc_sync_engine_sync_async:
 *
 * Runs a cycle that starts after this call (the running one, if any,
 * is let finish first) and reports how it went.
 */
void
zc_sync_engine_sync_async (ZcSyncEngine        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ZC_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_sync_engine_sync_async);
  g_ptr_array_add (self->waiting, task);
  zc_sync_engine_sync_now (self);
}

gboolean
zc_sync_engine_sync_finish (ZcSyncEngine  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

ZcSyncState
zc_sync_engine_get_state (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), ZC_SYNC_STATE_IDLE);
  return self->state;
}

/* Returns: (nullable): why the last cycle failed, for the user */
const char *
zc_sync_engine_get_error_message (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), NULL);
  return self->error_message;
}

/* Returns: (transfer none) (nullable): when a sync last succeeded */
GDateTime *
zc_sync_engine_get_last_sync (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), NULL);
  return self->last_sync;
}

guint
zc_sync_engine_get_changes_waiting (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), 0);
  return zc_local_store_get_outbox_count (self->store);
}

/* From 0 to 1 while files move; -1 when there is nothing to measure. */
double
zc_sync_engine_get_progress (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), -1.0);
  return self->progress;
}

const char *
zc_sync_engine_get_progress_text (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), NULL);
  return self->progress_text;
}

/* The wait before the retry that is scheduled, in ms; 0 when none is. */
guint
zc_sync_engine_get_retry_delay (ZcSyncEngine *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (self), 0);
  return self->retry_delay_ms;
}

/**
 * zc_sync_engine_set_intervals:
 * @periodic_seconds: between cycles when all is well (default 120)
 * @first_retry_ms: the first wait after a failure (default 500)
 * @max_retry_ms: the longest base wait, before jitter (default 30000)
 */
void
zc_sync_engine_set_intervals (ZcSyncEngine *self,
                              guint         periodic_seconds,
                              guint         first_retry_ms,
                              guint         max_retry_ms)
{
  g_return_if_fail (ZC_IS_SYNC_ENGINE (self));
  g_return_if_fail (periodic_seconds > 0 && first_retry_ms > 0 && max_retry_ms >= first_retry_ms);

  self->periodic_seconds = periodic_seconds;
  self->first_retry_ms = first_retry_ms;
  self->max_retry_ms = max_retry_ms;
}
