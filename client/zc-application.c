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
#include "zc-screenshot.h"
#include "zc-server-monitor.h"
#include "zc-window.h"

struct _ZcApplication
{
  AdwApplication   parent_instance;

  GSettings       *settings;        /* owned, nullable when the schema is not installed */
  char            *server_url;      /* owned, nullable: --server for this run */
  char            *screenshot_path; /* owned, nullable: --screenshot */
  char            *store_path;      /* owned, nullable: --store */
  ZcServerMonitor *monitor;         /* owned */
  ZcLocalStore    *store;           /* owned, nullable until activated */
};

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

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static gboolean
take_screenshot (gpointer user_data)
{
  ZcApplication *self = ZC_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (zc_server_monitor_get_state (self->monitor) == ZC_SERVER_STATE_CHECKING)
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

  G_APPLICATION_CLASS (zc_application_parent_class)->startup (application);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_warning ("GSettings schema %s is not installed; settings will not be kept", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static void
zc_application_activate (GApplication *application)
{
  ZcApplication *self = ZC_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autofree char *url = NULL;
      g_autofree char *store_path = NULL;
      g_autoptr(GError) error = NULL;

      /* one file per account; "local" until sign-in exists */
      store_path = self->store_path != NULL ? g_strdup (self->store_path)
                                            : zc_local_store_default_path (ZC_LOCAL_STORE_LOCAL_ACCOUNT);
      self->store = zc_local_store_open (store_path, &error);
      if (self->store == NULL)
        {
          /* Translators: %s says why, with the file name */
          g_printerr (_("Cannot open the local data: %s\n"), error->message);
          g_application_quit (application);
          return;
        }

      if (self->server_url != NULL)
        url = g_strdup (self->server_url);
      else if (self->settings != NULL)
        url = g_settings_get_string (self->settings, "server-url");
      else
        url = g_strdup ("http://127.0.0.1:8080");

      self->monitor = zc_server_monitor_new (url);
      window = GTK_WINDOW (zc_window_new (GTK_APPLICATION (self), self->monitor, self->store, self->settings));
      zc_server_monitor_check (self->monitor);
    }

  gtk_window_present (window);

  if (self->screenshot_path != NULL)
    g_timeout_add (300, take_screenshot, self);
}

static void
zc_application_finalize (GObject *object)
{
  ZcApplication *self = ZC_APPLICATION (object);

  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
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
}

static void
zc_application_init (ZcApplication *self)
{
  static const GOptionEntry entries[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
      N_("Server address for this run, such as http://127.0.0.1:8080"), N_("URL") },
    { "store", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep the local data in this file instead of the account's own (for tests and kiosks)"), N_("FILE") },
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
