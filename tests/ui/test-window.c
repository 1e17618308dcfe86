/* test-window.c: the main window, in Chinese, against the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "zc-i18n.h"
#include "zc-screenshot.h"
#include "zc-ui-test.h"
#include "zc-test-client.h"
#include "zc-window.h"
#include "zc-test-server.h"

static void
wait_until_checked (ZcServerMonitor *monitor)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (zc_server_monitor_get_state (monitor) == ZC_SERVER_STATE_CHECKING &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets animations (a leaflet folding) finish before a screenshot. */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("ZHICHENG_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    path = g_build_filename (g_get_tmp_dir (), name, NULL);
  else
    path = g_build_filename (dir, name, NULL);

  g_assert_true (zc_screenshot_widget (widget, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (dir == NULL)
    g_unlink (path);
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label_with_text (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_chinese_online_offline (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  g_autoptr(ZcServerMonitor) monitor = zc_server_monitor_new (server->url);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "local.sqlite", NULL);
  g_autoptr(ZcLocalStore) store = zc_local_store_open (path, &error);
  ZcWindow *window;
  ZcArchivePage *archive;

  g_assert_no_error (error);
  window = zc_window_new (NULL, monitor, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  zc_server_monitor_check (monitor);
  wait_until_checked (monitor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* the app's name, in Chinese, and the connection state */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "职称申报");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "职称申报"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "在线"));
  g_assert_nonnull (strstr (zc_window_get_status_text (window), "已连接到服务器"));

  /* the archive is the page shown, at its first category, in Chinese */
  archive = zc_window_get_archive_page (window);
  g_assert_nonnull (archive);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (archive)));
  g_assert_cmpstr (zc_archive_page_get_category (archive), ==, "education");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (archive), "教育经历"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (archive), "撰写论文情况"));
  save_screenshot (GTK_WIDGET (window), "window-online-zh.png");

  zc_test_server_stop (server);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-server", NULL);
  wait_until_checked (monitor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "离线"));
  g_assert_nonnull (strstr (zc_window_get_status_text (window), "无法连接"));

  /* small window: still drawn, nothing asserted about layout beyond that */
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 520);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  zc_ui_test_wait_ms (600);
  save_screenshot (GTK_WIDGET (window), "window-offline-zh-small.png");

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_ROLE_WINDOW);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  zc_ui_test_remove_tree (dir);
}

static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Each role sees its own pages once the session is known: the
 * applicant's archive and declarations, an officer's desks. */
static void
test_role_pages (void)
{
  static const struct {
    const char *login;
    const char *shown;            /* the page in front */
    const char *pages[6];         /* besides "home" */
  } roles[] = {
    { ZC_TEST_DEMO_APPLICANT, "archive", { "personal", "archive", "plans", "declarations", NULL } },
    { ZC_TEST_DEMO_UNIT_OFFICER, "review", { "review", "bindings", "statistics", "declaration-desk", NULL } },
    { ZC_TEST_DEMO_DEPARTMENT_OFFICER, "declaration-desk", { "declaration-desk", NULL } },
    { ZC_TEST_DEMO_COMMITTEE_OFFICER, "declaration-desk", { "declaration-desk", "plan-editor", NULL } },
    { ZC_TEST_DEMO_ISSUER, "declaration-desk", { "declaration-desk", NULL } },
    { ZC_TEST_DEMO_ADMIN, "home", { NULL } },
  };
  static const char * const demo[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (demo);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(ZcServerMonitor) monitor = zc_server_monitor_new (server->url);
      ZcTestClient *client = zc_test_client_new (server->url, roles[i].login, TRUE);
      AdwViewStack *stack;
      ZcWindow *window;
      guint n_pages = 1;

      g_test_message ("%s", roles[i].login);

      window = zc_window_new (NULL, monitor, client->store, NULL);
      zc_window_set_sync (window, client->engine);
      gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

      stack = ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
      g_assert_nonnull (stack);
      for (guint j = 0; roles[i].pages[j] != NULL; j++, n_pages++)
        g_assert_nonnull (adw_view_stack_get_child_by_name (stack, roles[i].pages[j]));
      {
        g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, n_pages);
      }
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, roles[i].shown);
      if (g_str_equal (roles[i].login, ZC_TEST_DEMO_UNIT_OFFICER))
        save_screenshot (GTK_WIDGET (window), "window-unit-officer-zh.png");

      gtk_window_destroy (GTK_WINDOW (window));
      zc_test_client_free (client);
    }

  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/window/chinese-online-offline", zc_ui_test_skip_without_display);
      g_test_add_func ("/ui/window/role-pages", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init asks for en_US.UTF-8, which Debian does not generate */
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/ui/window/chinese-online-offline", test_window_chinese_online_offline);
  g_test_add_func ("/ui/window/role-pages", test_role_pages);

  return g_test_run ();
}
