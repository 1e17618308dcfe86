/* test-server-monitor.c: the client's view of the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "zc-server-monitor.h"
#include "zc-test-server.h"

static void
wait_for_result (ZcServerMonitor *monitor)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (zc_server_monitor_get_state (monitor) == ZC_SERVER_STATE_CHECKING &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (zc_server_monitor_get_state (monitor), !=, ZC_SERVER_STATE_CHECKING);
}

static void
test_online_then_offline (void)
{
  const char * const demo[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (demo);
  g_autoptr(ZcServerMonitor) monitor = zc_server_monitor_new (server->url);
  g_autofree char *online_text = NULL;
  g_autofree char *offline_text = NULL;

  g_assert_cmpint (zc_server_monitor_get_state (monitor), ==, ZC_SERVER_STATE_UNKNOWN);

  zc_server_monitor_check (monitor);
  g_assert_cmpint (zc_server_monitor_get_state (monitor), ==, ZC_SERVER_STATE_CHECKING);
  wait_for_result (monitor);
  g_assert_cmpint (zc_server_monitor_get_state (monitor), ==, ZC_SERVER_STATE_ONLINE);
  g_assert_cmpstr (zc_server_monitor_get_server_version (monitor), ==, PACKAGE_VERSION);
  g_assert_true (zc_server_monitor_get_demo (monitor));
  online_text = zc_server_monitor_describe (monitor);
  g_assert_nonnull (strstr (online_text, server->url));

  zc_test_server_stop (server);

  zc_server_monitor_check (monitor);
  wait_for_result (monitor);
  g_assert_cmpint (zc_server_monitor_get_state (monitor), ==, ZC_SERVER_STATE_OFFLINE);
  g_assert_nonnull (zc_server_monitor_get_detail (monitor));
  offline_text = zc_server_monitor_describe (monitor);
  g_assert_cmpstr (offline_text, !=, online_text);
}

static void
test_not_a_zhicheng_server (void)
{
  /* A server that answers, but not with our health document. */
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(ZcServerMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  /* nothing accepts: the connection is refused or times out as offline */
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));

  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  monitor = zc_server_monitor_new (url);
  zc_server_monitor_check (monitor);
  wait_for_result (monitor);
  g_assert_cmpint (zc_server_monitor_get_state (monitor), ==, ZC_SERVER_STATE_OFFLINE);
}

static void
test_invalid_url (void)
{
  g_autoptr(ZcServerMonitor) monitor = zc_server_monitor_new ("not a url");

  zc_server_monitor_check (monitor);
  g_assert_cmpint (zc_server_monitor_get_state (monitor), ==, ZC_SERVER_STATE_OFFLINE);
  g_assert_nonnull (zc_server_monitor_get_detail (monitor));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/server-monitor/online-then-offline", test_online_then_offline);
  g_test_add_func ("/client/server-monitor/refused", test_not_a_zhicheng_server);
  g_test_add_func ("/client/server-monitor/invalid-url", test_invalid_url);

  return g_test_run ();
}
