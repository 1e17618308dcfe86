/* zc-application.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-application.h"
#include "zc-local-store.h"
#include "zc-personal-page.h"
#include "zc-screenshot.h"
#include "zc-server-monitor.h"
#include "zc-session.h"
#include "zc-sign-in-page.h"
#include "zc-sync-engine.h"
#include "zc-sync-status.h"
#include "zc-window.h"

struct _ZcApplication
{
  AdwApplication   parent_instance;

  GSettings       *settings;        /* owned, nullable when the schema is not installed */
  char            *server_url;      /* owned, nullable: --server for this run */
  char            *screenshot_path; /* owned, nullable: --screenshot */
  char            *store_path;      /* owned, nullable: --store */
  ZcServerMonitor *monitor;         /* owned, nullable until an account is open */
  ZcLocalStore    *store;           /* owned, nullable until an account is open */
  ZcSession       *session;         /* owned, nullable until activated */
  ZcSyncEngine    *engine;          /* owned, nullable until an account is open */
  GtkWindow       *main_window;     /* weak */
  GtkWindow       *sign_in_window;  /* weak */
  gboolean         kiosk;           /* --kiosk */
  char            *kiosk_dir;       /* owned, nullable: wiped at sign-out and exit */
  gint64           last_input;      /* kiosk: monotonic µs of the last user input */
  guint            idle_id;
  gboolean         remove_on_sign_out;
};

#define KIOSK_IDLE_SECONDS 300

G_DEFINE_FINAL_TYPE (ZcApplication, zc_application, ADW_TYPE_APPLICATION)

static int
zc_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  ZcApplication *self = ZC_APPLICATION (application);
  const char *url = NULL;
  const char *shot = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("zhicheng %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "server", "&s", &url))
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                          g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
        {
          /* Translators: %s is what the user typed after --server */
          g_printerr (_("“%s” is not a server address: use http://HOST:PORT or https://HOST:PORT\n"), url);
          return 2;
        }
      self->server_url = g_strdup (url);
    }

  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &shot))
    self->screenshot_path = g_strdup (shot);

  if (g_variant_dict_lookup (options, "store", "^&ay", &shot))
    self->store_path = g_strdup (shot);

  self->kiosk = g_variant_dict_contains (options, "kiosk");

  /* the deployment's ID photo rules; Sichuan's (the strictest) unless told */
  if (g_variant_dict_lookup (options, "photo-rules", "&s", &url))
    {
      const ZcPhotoRules *rules = zc_photo_rules_lookup (url);

      if (rules == NULL)
        {
          g_autofree char *names = g_strjoinv (", ", (char **) zc_photo_rules_list_names ());
          /* Translators: %s is what the user typed after --photo-rules, then the names it may be */
          g_printerr (_("“%s” is not a set of photo rules: use one of %s\n"), url, names);
          return 2;
        }
      zc_personal_page_set_default_photo_rules (rules);
    }

  return G_APPLICATION_CLASS (zc_application_parent_class)->handle_local_options (application, options);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Closing windows first lets them save their state. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (l->data);
    }
  g_application_quit (application);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Zhicheng authors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (window,
                         "application-name", _("Zhicheng"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Zhicheng authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Apply for a professional title and review applications, online or offline"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Accounts: sign-in, the account's window, sign-out (docs/sync.md,
 * "The client").  Each account has its own local store, named by its
 * id; a kiosk keeps it in a temporary folder removed at sign-out. */

static void show_sign_in (ZcApplication *self, const char *step);

static void
set_account_actions (ZcApplication *self,
                     gboolean       open)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "sign-out")), open);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "sign-in-again")),
                               open);
}

static void
close_account (ZcApplication *self,
               gboolean       remove_data)
{
  g_autofree char *path = self->store != NULL ? g_strdup (zc_local_store_get_path (self->store)) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->engine != NULL)
    zc_sync_engine_stop (self->engine);
  if (self->main_window != NULL)
    gtk_window_destroy (self->main_window);
  g_clear_object (&self->engine);
  g_clear_object (&self->store);
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  set_account_actions (self, FALSE);
  if (remove_data && path != NULL && !zc_session_remove_store_files (path, &error))
    g_warning ("Removing the local data: %s", error->message);
}

static void
on_input (ZcApplication *self)
{
  self->last_input = g_get_monotonic_time ();
}

static void
on_signed_out_idle (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ZcApplication *self = user_data;

  zc_session_sign_out_finish (ZC_SESSION (source), result, NULL);
  close_account (self, TRUE);
  show_sign_in (self, "account");
  g_application_release (G_APPLICATION (self));
}

/* A kiosk signs out after a while without input, and wipes the data. */
static gboolean
on_idle_check (gpointer user_data)
{
  ZcApplication *self = user_data;
  const char *limit = g_getenv ("ZHICHENG_KIOSK_IDLE_SECONDS");
  guint64 seconds = KIOSK_IDLE_SECONDS;

  if (limit != NULL)
    g_ascii_string_to_unsigned (limit, 10, 1, 24 * 3600, &seconds, NULL);
  if (g_get_monotonic_time () - self->last_input < (gint64) seconds * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  g_application_hold (G_APPLICATION (self));
  zc_session_sign_out_async (self->session, NULL, on_signed_out_idle, self);
  return G_SOURCE_REMOVE;
}

static gboolean
open_account (ZcApplication  *self,
              GError        **error)
{
  const char *account_id = zc_session_get_account_id (self->session);
  g_autofree char *path = NULL;
  ZcWindow *window;

  if (self->store_path != NULL)
    path = g_strdup (self->store_path);
  else if (self->kiosk_dir != NULL)
    path = g_build_filename (self->kiosk_dir, "account.sqlite", NULL);
  else
    path = zc_local_store_open_path_for_account (account_id, TRUE, error);
  if (path == NULL)
    return FALSE;

  self->store = zc_local_store_open (path, error);
  if (self->store == NULL || !zc_local_store_bind_account (self->store, account_id, error))
    {
      g_clear_object (&self->store);
      return FALSE;
    }

  if (self->settings != NULL && !self->kiosk)
    g_settings_set_string (self->settings, "server-url", zc_session_get_server_url (self->session));
  self->monitor = zc_server_monitor_new (zc_session_get_server_url (self->session));
  self->engine = zc_sync_engine_new (self->store, self->session);
  window = zc_window_new (GTK_APPLICATION (self), self->monitor, self->store, self->settings);
  zc_window_set_sync (window, self->engine);
  g_set_weak_pointer (&self->main_window, GTK_WINDOW (window));
  set_account_actions (self, TRUE);

  if (self->kiosk)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();
      GtkEventController *motion = gtk_event_controller_motion_new ();

      g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_input), self);
      g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_input), self);
      gtk_widget_add_controller (GTK_WIDGET (window), keys);
      gtk_widget_add_controller (GTK_WIDGET (window), motion);
      self->last_input = g_get_monotonic_time ();
      self->idle_id = g_timeout_add_seconds (10, on_idle_check, self);
      gtk_window_fullscreen (GTK_WINDOW (window));
    }

  zc_server_monitor_check (self->monitor);
  zc_sync_engine_start (self->engine);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static void
on_sign_in_finished (ZcSignInPage  *page,
                     ZcApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bound = self->store != NULL ? zc_local_store_get_meta (self->store, "account_id") : NULL;

  /* signed in again as the same account: the window stays */
  if (self->main_window != NULL && g_strcmp0 (bound, zc_session_get_account_id (self->session)) == 0)
    {
      gtk_window_destroy (self->sign_in_window);
      return;
    }

  close_account (self, self->kiosk);
  if (!open_account (self, &error))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->sign_in_window,
                                                                            _("Cannot Open the Local Data"),
                                                                            error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_destroy (self->sign_in_window);
}

static void
show_sign_in (ZcApplication *self,
              const char    *step)
{
  ZcSignInPage *page;

  if (self->sign_in_window == NULL)
    {
      GtkWindow *window = zc_sign_in_page_new_window (GTK_APPLICATION (self), self->session);

      g_set_weak_pointer (&self->sign_in_window, window);
      g_signal_connect_object (zc_sign_in_page_from_window (window), "finished",
                               G_CALLBACK (on_sign_in_finished), self, 0);
      if (self->main_window != NULL)
        {
          gtk_window_set_transient_for (window, self->main_window);
          gtk_window_set_modal (window, TRUE);
        }
      else if (self->kiosk)
        gtk_window_fullscreen (window);
    }
  page = zc_sign_in_page_from_window (self->sign_in_window);
  if (step != NULL)
    zc_sign_in_page_set_step (page, step);
  gtk_window_present (self->sign_in_window);
}

static void
on_signed_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ZcApplication *self = user_data;
  zc_session_sign_out_finish (ZC_SESSION (source), result, NULL);
  close_account (self, self->remove_on_sign_out || self->kiosk);
  show_sign_in (self, "account");
  g_application_release (G_APPLICATION (self));
}

static void
on_sign_out_chosen (gboolean remove_data,
                    gpointer user_data)
{
  ZcApplication *self = user_data;

  self->remove_on_sign_out = remove_data;
  g_application_hold (G_APPLICATION (self));
  zc_session_sign_out_async (self->session, NULL, on_signed_out, self);
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ZcApplication *self = user_data;

  zc_sync_status_confirm_sign_out (self->main_window, self->engine, self->kiosk, on_sign_out_chosen, self);
}

static void
sign_in_again_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  show_sign_in (user_data, "account");
}

/* The server refused the token (or none was kept): ask once to sign in
 * again; closing the window goes on offline. */
static void
on_session_state (ZcApplication *self)
{
  if (zc_session_get_state (self->session) == ZC_SESSION_STATE_EXPIRED && self->main_window != NULL)
    show_sign_in (self, "account");
}

static void
on_session_restored (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ZcApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  zc_session_restore_finish (self->session, result, NULL);
  g_application_release (G_APPLICATION (self));

  if (zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_OUT)
    {
      g_autofree char *url = NULL;

      if (self->server_url != NULL)
        url = g_strdup (self->server_url);
      else if (self->settings != NULL)
        url = g_settings_get_string (self->settings, "server-url");
      if (url != NULL && *url != '\0' && !zc_session_set_server_url (self->session, url, &error))
        g_warning ("%s", error->message);
      show_sign_in (self, NULL);
      return;
    }

  /* known account: its data opens at once, also offline */
  if (!open_account (self, &error))
    {
      g_warning ("%s", error->message);
      show_sign_in (self, "account");
      return;
    }
  if (zc_session_get_state (self->session) == ZC_SESSION_STATE_PASSWORD_CHANGE)
    show_sign_in (self, "password");
  else if (zc_session_get_state (self->session) == ZC_SESSION_STATE_EXPIRED)
    show_sign_in (self, "account");
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "sign-out", sign_out_action },
  { "sign-in-again", sign_in_again_action },
};

static gboolean
take_screenshot (gpointer user_data)
{
  ZcApplication *self = ZC_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window == NULL || (self->monitor != NULL && zc_server_monitor_get_state (self->monitor) == ZC_SERVER_STATE_CHECKING))
    return G_SOURCE_CONTINUE;

  if (window == NULL || !zc_screenshot_widget (GTK_WIDGET (window), self->screenshot_path, &error))
    g_printerr ("zhicheng: screenshot failed: %s\n", error ? error->message : "no window");
  else
    g_print ("Screenshot written to %s\n", self->screenshot_path);

  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
zc_application_startup (GApplication *application)
{
  ZcApplication *self = ZC_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", "F1", NULL };

  G_APPLICATION_CLASS (zc_application_parent_class)->startup (application);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_warning ("GSettings schema %s is not installed; settings will not be kept", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  set_account_actions (self, FALSE);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  /* the shortcuts window is gtk/help-overlay.ui in our resources */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);
}

static void
zc_application_activate (GApplication *application)
{
  ZcApplication *self = ZC_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL && self->session == NULL)
    {
      g_autofree char *state_path = self->kiosk ? NULL : zc_session_default_state_path ();

      /* a kiosk keeps nothing: a session in memory, data in a folder
       * of its own, wiped at sign-out and exit */
      if (self->kiosk)
        {
          const char *runtime = g_get_user_runtime_dir ();
          g_autofree char *template = g_build_filename (runtime, "zhicheng-kiosk-XXXXXX", NULL);

          self->kiosk_dir = g_mkdtemp_full (template, 0700) != NULL ? g_steal_pointer (&template)
                                                                   : g_dir_make_tmp ("zhicheng-kiosk-XXXXXX", NULL);
        }
      self->session = zc_session_new (state_path, self->kiosk ? ZC_SESSION_FLAGS_EPHEMERAL : ZC_SESSION_FLAGS_NONE);
      if (self->server_url != NULL)
        zc_session_set_server_url (self->session, self->server_url, NULL);
      g_application_hold (application);
      zc_session_restore_async (self->session, NULL, on_session_restored, self);
    }
  else if (window != NULL)
    gtk_window_present (window);

  if (self->screenshot_path != NULL)
    g_timeout_add (600, take_screenshot, self);
}

static void
zc_application_shutdown (GApplication *application)
{
  ZcApplication *self = ZC_APPLICATION (application);

  close_account (self, self->kiosk);
  if (self->kiosk_dir != NULL)
    zc_session_remove_store_files (self->kiosk_dir, NULL);

  G_APPLICATION_CLASS (zc_application_parent_class)->shutdown (application);
}

static void
zc_application_finalize (GObject *object)
{
  ZcApplication *self = ZC_APPLICATION (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_free (self->kiosk_dir);
  g_free (self->server_url);
  g_free (self->screenshot_path);
  g_free (self->store_path);

  G_OBJECT_CLASS (zc_application_parent_class)->finalize (object);
}

static void
zc_application_class_init (ZcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = zc_application_finalize;
  app_class->handle_local_options = zc_application_handle_local_options;
  app_class->startup = zc_application_startup;
  app_class->activate = zc_application_activate;
  app_class->shutdown = zc_application_shutdown;
}

static void
zc_application_init (ZcApplication *self)
{
  static const GOptionEntry entries[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
      N_("Server address for this run, such as http://127.0.0.1:8080"), N_("URL") },
    { "store", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep the local data in this file instead of the account's own (for tests and kiosks)"), N_("FILE") },
    { "photo-rules", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("ID photo rules of the deployment: yunnan, sichuan (the default) or henan"), N_("NAME") },
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Run on a shared machine: full screen, sign-out after a while idle, nothing kept"), NULL },
    { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL,
      "Write a PNG of the window once it is drawn, then quit", "FILE" },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

ZcApplication *
zc_application_new (void)
{
  /* Not unique: each run may point at a different server (--server). */
  return g_object_new (ZC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", APP_RESOURCE_PATH,
                       NULL);
}
