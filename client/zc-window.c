/* zc-window.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-archive-page.h"
#include "zc-binding-requests.h"
#include "zc-declaration-desk.h"
#include "zc-declarations-page.h"
#include "zc-home-page.h"
#include "zc-personal-page.h"
#include "zc-plan-editor-page.h"
#include "zc-plans-page.h"
#include "zc-review-desk.h"
#include "zc-role.h"
#include "zc-sync-status.h"
#include "zc-unit-statistics-view.h"
#include "zc-window.h"

struct _ZcWindow
{
  AdwApplicationWindow  parent_instance;

  ZcServerMonitor      *monitor;   /* owned */
  ZcLocalStore         *store;     /* owned */
  GSettings            *settings;  /* owned, nullable */
  ZcSyncEngine         *sync;      /* owned, nullable: set once signed in */

  /* template children */
  AdwViewStack         *view_stack;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;    /* the title widget while there is one page */
  AdwViewSwitcherTitle *switcher_title;  /* the title widget from two pages on */
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *connection_button;
  GtkImage             *connection_icon;
  GtkLabel             *connection_label;
  GtkLabel             *status_label;
  GtkLabel             *outbox_label;
};

G_DEFINE_FINAL_TYPE (ZcWindow, zc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_MONITOR,
  PROP_STORE,
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

  gtk_label_set_label (self->status_label, description);
  gtk_image_set_from_icon_name (self->connection_icon,
                                online ? "network-transmit-receive-symbolic"
                                       : "network-offline-symbolic");
  gtk_label_set_label (self->connection_label, online ? _("Online") : _("Offline"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->connection_button),
                               online ? description : (detail != NULL ? detail : description));
}

/* The client shows at all times how many changes wait for the server. */
static void
update_outbox (ZcWindow *self)
{
  guint waiting = zc_local_store_get_outbox_count (self->store);
  g_autofree char *text = NULL;

  if (waiting == 0)
    text = g_strdup (_("Every change is on the server."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change waits to be sent to the server.",
                                         "%u changes wait to be sent to the server.", waiting), waiting);
  gtk_label_set_label (self->outbox_label, text);
}

static void
on_monitor_state_changed (ZcWindow   *self,
                          GParamSpec *pspec,
                          gpointer    monitor)
{
  update_connection (self);
}

/* A switcher for one page is noise: it appears with the second page. */
static void
update_switcher (ZcWindow *self)
{
  GtkSelectionModel *pages = adw_view_stack_get_pages (self->view_stack);
  gboolean several = g_list_model_get_n_items (G_LIST_MODEL (pages)) > 1;

  adw_header_bar_set_title_widget (self->header_bar, several ? GTK_WIDGET (self->switcher_title)
                                                            : GTK_WIDGET (self->window_title));
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    several && adw_view_switcher_title_get_title_visible (self->switcher_title));
  g_object_unref (pages);
}

static void
check_server_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  zc_server_monitor_check (ZC_WINDOW (widget)->monitor);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZcWindow *self = ZC_WINDOW (widget);

  if (self->sync != NULL)
    zc_sync_engine_sync_now (self->sync);
}

static void
zc_window_constructed (GObject *object)
{
  ZcWindow *self = ZC_WINDOW (object);

  G_OBJECT_CLASS (zc_window_parent_class)->constructed (object);

  g_assert (self->monitor != NULL);
  g_assert (self->store != NULL);
  g_signal_connect_object (self->monitor, "notify::state",
                           G_CALLBACK (on_monitor_state_changed), self, G_CONNECT_SWAPPED);
  update_connection (self);
  g_signal_connect_object (self->store, "notify::outbox-count",
                           G_CALLBACK (update_outbox), self, G_CONNECT_SWAPPED);
  update_outbox (self);

  {
    AdwViewStackPage *page;

    page = adw_view_stack_add_titled (self->view_stack, zc_home_page_new (self->store), "home", _("Home"));
    adw_view_stack_page_set_icon_name (page, "go-home-symbolic");
    page = adw_view_stack_add_titled (self->view_stack, zc_personal_page_new (self->store),
                                      "personal", _("Personal Information"));
    adw_view_stack_page_set_icon_name (page, "avatar-default-symbolic");
    page = adw_view_stack_add_titled (self->view_stack, zc_archive_page_new (self->store),
                                      "archive", _("Archive"));
    adw_view_stack_page_set_icon_name (page, "folder-documents-symbolic");
    page = adw_view_stack_add_titled (self->view_stack, zc_plans_page_new (self->store),
                                      "plans", _("Review Plans"));
    adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
    page = adw_view_stack_add_titled (self->view_stack, zc_declarations_page_new (self->store),
                                      "declarations", _("My Declarations"));
    adw_view_stack_page_set_icon_name (page, "document-send-symbolic");
    /* TODO: open on "home" once tests/ui/test-window.c and
     * test-archive-page.c stop expecting the archive to be shown first */
    adw_view_stack_set_visible_child_name (self->view_stack, "archive");
  }
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher), self, G_CONNECT_SWAPPED);
  update_switcher (self);

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

  /* libadwaita 1.2 trips over a stack that goes before its switchers */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_WINDOW);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->sync);

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

    case PROP_STORE:
      g_value_set_object (value, self->store);
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

    case PROP_STORE:
      self->store = g_value_dup_object (value);
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
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ZC_TYPE_LOCAL_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, connection_button);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, connection_icon);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZcWindow, outbox_label);

  gtk_widget_class_install_action (widget_class, "win.check-server", NULL, check_server_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.check-server", NULL);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.sync", NULL);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", FALSE);
}

/**
 * zc_window_new:
 * @application: (nullable): the application; tests pass %NULL
 * @store: the signed-in account's local store
 * @settings: (nullable): where the window keeps its size
 */
ZcWindow *
zc_window_new (GtkApplication  *application,
               ZcServerMonitor *monitor,
               ZcLocalStore    *store,
               GSettings       *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ZC_IS_SERVER_MONITOR (monitor), NULL);
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  return g_object_new (ZC_TYPE_WINDOW,
                       "application", application,
                       "monitor", monitor,
                       "store", store,
                       "settings", settings,
                       NULL);
}

ZcServerMonitor *
zc_window_get_monitor (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);
  return self->monitor;
}

/* What the connection popover says about the server. */
const char *
zc_window_get_status_text (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);
  return gtk_label_get_label (self->status_label);
}

/**
 * zc_window_show_archive:
 * @form_id: (nullable): the category to open
 *
 * Brings the window forward on the archive page: the declaration
 * wizard sends the applicant here to add an achievement, since
 * achievements are added to the archive, never inside a declaration.
 */
void
zc_window_show_archive (ZcWindow   *self,
                        const char *form_id)
{
  GtkWidget *archive;

  g_return_if_fail (ZC_IS_WINDOW (self));

  archive = adw_view_stack_get_child_by_name (self->view_stack, "archive");
  if (archive == NULL)
    return;
  adw_view_stack_set_visible_child (self->view_stack, archive);
  if (form_id != NULL)
    zc_archive_page_select_category (ZC_ARCHIVE_PAGE (archive), form_id);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * zc_window_get_archive_page:
 *
 * Returns: (transfer none): the archive page
 */
ZcArchivePage *
zc_window_get_archive_page (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);
  return ZC_ARCHIVE_PAGE (adw_view_stack_get_child_by_name (self->view_stack, "archive"));
}

/**
 * zc_window_get_plans_page:
 *
 * Returns: (transfer none): the review plans page
 */
ZcPlansPage *
zc_window_get_plans_page (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);
  return ZC_PLANS_PAGE (adw_view_stack_get_child_by_name (self->view_stack, "plans"));
}

/**
 * zc_window_get_declarations_page:
 *
 * Returns: (transfer none): the "my declarations" page
 */
ZcDeclarationsPage *
zc_window_get_declarations_page (ZcWindow *self)
{
  g_return_val_if_fail (ZC_IS_WINDOW (self), NULL);
  return ZC_DECLARATIONS_PAGE (adw_view_stack_get_child_by_name (self->view_stack, "declarations"));
}

static void
remove_page (ZcWindow   *self,
             const char *name)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (child != NULL)
    adw_view_stack_remove (self->view_stack, child);
}

static void
add_page (ZcWindow   *self,
          GtkWidget  *child,
          const char *name,
          const char *title,
          const char *icon_name)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, child, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
}

/* The window opens with the applicant's pages; an officer's account
 * (known once the session is) sees its desk instead: the applicant's
 * archive, plans and declarations are not theirs to keep. */
static void
show_role_pages (ZcWindow  *self,
                 ZcSession *session)
{
  ZcRole role = ZC_ROLE_APPLICANT;
  GtkWidget *desk;

  if (session != NULL && zc_session_get_role (session) != NULL)
    zc_role_from_string (zc_session_get_role (session), &role);

  if (role == ZC_ROLE_APPLICANT)
    {
      /* online, the declarations page shows the server's timeline too */
      zc_declarations_page_set_session (ZC_DECLARATIONS_PAGE (adw_view_stack_get_child_by_name (self->view_stack,
                                                                                                "declarations")),
                                        session);
      /* online, a plan's notice files are downloaded when opened */
      zc_plans_page_set_session (ZC_PLANS_PAGE (adw_view_stack_get_child_by_name (self->view_stack, "plans")),
                                 session);
      return;
    }

  remove_page (self, "personal");
  remove_page (self, "archive");
  remove_page (self, "plans");
  remove_page (self, "declarations");

  if (role == ZC_ROLE_UNIT_OFFICER)
    {
      desk = zc_review_desk_new (self->store);
      zc_review_desk_set_session (ZC_REVIEW_DESK (desk), session);
      add_page (self, desk, "review", _("Archive Review"), "emblem-ok-symbolic");
      add_page (self, zc_binding_requests_new (session), "bindings", _("Binding Requests"),
                "contact-new-symbolic");
      add_page (self, zc_unit_statistics_view_new (session), "statistics", _("Staff Statistics"),
                "x-office-spreadsheet-symbolic");
    }
  if (role == ZC_ROLE_UNIT_OFFICER || role == ZC_ROLE_DEPARTMENT_OFFICER ||
      role == ZC_ROLE_COMMITTEE_OFFICER || role == ZC_ROLE_ISSUER)
    add_page (self, zc_declaration_desk_new (self->store, session), "declaration-desk",
              _("Declaration Review"), "document-open-recent-symbolic");
  if (role == ZC_ROLE_COMMITTEE_OFFICER)
    add_page (self, zc_plan_editor_page_new (self->store, session), "plan-editor",
              _("Review Plans"), "x-office-calendar-symbolic");

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         role == ZC_ROLE_UNIT_OFFICER ? "review"
                                         : role == ZC_ROLE_ADMIN ? "home" : "declaration-desk");
  /* the number of pages decides the header's title widget: now, not in
   * the middle of the next frame */
  update_switcher (self);
}

/**
 * zc_window_set_sync:
 *
 * Shows the sync engine's state in the connection popover (last sync,
 * changes waiting, refused changes, conflicts) and beside the
 * connection label, and makes Ctrl+R sync now.
 */
void
zc_window_set_sync (ZcWindow     *self,
                    ZcSyncEngine *engine)
{
  g_return_if_fail (ZC_IS_WINDOW (self));
  g_return_if_fail (ZC_IS_SYNC_ENGINE (engine));
  g_return_if_fail (self->sync == NULL);

  self->sync = g_object_ref (engine);
  show_role_pages (self, zc_sync_engine_get_session (engine));
  /* the sync section says how many changes wait, and more */
  gtk_widget_set_visible (GTK_WIDGET (self->outbox_label), FALSE);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->outbox_label))), zc_sync_status_new (engine));
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->connection_label))),
                  zc_sync_status_new_indicator (engine));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", TRUE);
}
