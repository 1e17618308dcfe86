/* zc-window.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-window.h"

struct _ZcWindow
{
  AdwApplicationWindow  parent_instance;

  ZcServerMonitor      *monitor;   /* owned */
  GSettings            *settings;  /* owned, nullable */

  /* template children */
  AdwStatusPage        *status_page;
  GtkImage             *connection_icon;
  GtkLabel             *connection_label;
};

G_DEFINE_FINAL_TYPE (ZcWindow, zc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_MONITOR,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_connection (ZcWindow *self)
{
  g_autofree char *description = zc_server_monitor_describe (self->monitor);
  gboolean online = zc_server_monitor_get_state (self->monitor) == ZC_SERVER_STATE_ONLINE;
  const char *detail = zc_server_monitor_get_detail (self->monitor);

  adw_status_page_set_description (self->status_page, description);
  gtk_image_set_from_icon_name (self->connection_icon,
                                online ? "network-transmit-receive-symbolic"
                                       : "network-offline-symbolic");
  gtk_label_set_label (self->connection_label, online ? _("Online") : _("Offline"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->connection_label),
                               online ? description : (detail != NULL ? detail : description));
}

static void
on_monitor_state_changed (ZcWindow   *self,
                          GParamSpec *pspec,
                          gpointer    monitor)
{
  update_connection (self);
}

static void
check_server_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  zc_server_monitor_check (ZC_WINDOW (widget)->monitor);
}

static void
zc_window_constructed (GObject *object)
{
  ZcWindow *self = ZC_WINDOW (object);

  G_OBJECT_CLASS (zc_window_parent_class)->constructed (object);

  g_assert (self->monitor != NULL);
  g_signal_connect_object (self->monitor, "notify::state",
                           G_CALLBACK (on_monitor_state_changed), self, G_CONNECT_SWAPPED);
  update_connection (self);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static gboolean
zc_window_close_request (GtkWindow *window)
{
  ZcWindow *self = ZC_WINDOW (window);

  if (self->settings != NULL)
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (zc_window_parent_class)->close_request (window);
}

static void
zc_window_dispose (GObject *object)
{
  ZcWindow *self = ZC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_WINDOW);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zc_window_parent_class)->dispose (object);
}

static void
zc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ZcWindow *self = ZC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ZcWindow *self = ZC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      self->monitor = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_window_class_init (ZcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = zc_window_constructed;
  object_class->dispose = zc_window_dispose;
  object_class->get_property = zc_window_get_property;
  object_class->set_property = zc_window_set_property;
  window_class->close_request = zc_window_close_request;

  properties[PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL, ZC_TYPE_SERVER_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, connection_icon);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, connection_label);

  gtk_widget_class_install_action (widget_class, "win.check-server", NULL, check_server_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.check-server", NULL);
}

static void
zc_window_init (ZcWindow *self)
{
  static gsize icons_added = 0;

  /* The application icon ships in our resources so it shows before
   * (and without) installation; GtkApplication would add this path
   * too, but the window also lives without one in tests. */
  if (g_once_init_enter (&icons_added))
    {
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        APP_RESOURCE_PATH "/icons");
      g_once_init_leave (&icons_added, 1);
    }

  gtk_widget_init_template (GTK_WIDGET (self));
}

ZcWindow *
zc_window_new (GtkApplication  *application,
               ZcServerMonitor *monitor,
               GSettings       *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ZC_IS_SERVER_MONITOR (monitor), NULL);

  return g_object_new (ZC_TYPE_WINDOW,
                       "application", application,
                       "monitor", monitor,
                       "settings", settings,
                       NULL);
}

ZcServerMonitor *
zc_window_get_monitor (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);
  return self->monitor;
}

const char *
zc_window_get_status_text (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);
  return adw_status_page_get_description (self->status_page);
}
