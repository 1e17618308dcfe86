/* test-binding-requests.c: the unit officer approves and denies binding
 * requests, against the real --demo server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-session.h"
#include "zc-test-server.h"
#include "zc-test-client.h"
#include "zc-ui-test.h"
#include "zc-binding-requests.h"

static void
wait_idle (ZcBindingRequests *requests)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      zc_ui_test_wait_ms (20);
    }
  while (zc_binding_requests_is_busy (requests));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (GtkWidget  *row,
       const char *name)
{
  GtkWidget *button = find_named (row, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* 李娜 asks to belong to the hospital, over HTTP. */
static void
ask (ZcTestServer *server,
     const char   *token,
     const char   *hospital,
     const char   *comment)
{
  g_autofree char *body = g_strdup_printf ("{\"unit_id\": \"%s\", \"comment\": \"%s\"}", hospital, comment);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = zc_test_server_call (server, "POST", "/api/v1/bindings", token, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
}

static JsonObject *
newest_own (ZcTestServer *server,
            const char   *token,
            JsonNode    **answer)
{
  guint status = 0;

  *answer = zc_test_server_call (server, "GET", "/api/v1/bindings", token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_object_element (json_object_get_array_member (json_node_get_object (*answer), "bindings"), 0);
}

static char *
hospital_id (ZcTestServer *server,
             const char   *token)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;
  JsonObject *unit;

  answer = zc_test_server_call (server, "GET", "/api/v1/units?query=" ZC_TEST_DEMO_HOSPITAL_CODE, token, "en", NULL,
                                &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  unit = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "units"), 0);
  return g_strdup (json_object_get_string_member (unit, "id"));
}

static void
test_decide (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autofree char *lina = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *hospital = hospital_id (server, lina);
  g_autoptr(ZcSession) session = NULL;
  g_autoptr(JsonNode) denied = NULL;
  g_autoptr(JsonNode) approved = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcBindingRequests *requests;
  GtkWidget *row, *reason;
  JsonObject *binding;

  ask (server, lina, hospital, "我在护理部工作");
  session = zc_test_sign_in (server->url, ZC_TEST_DEMO_UNIT_OFFICER);
  requests = ZC_BINDING_REQUESTS (zc_binding_requests_new (session));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (requests));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  wait_idle (requests);

  g_assert_true (zc_binding_requests_is_online (requests));
  g_assert_cmpuint (zc_binding_requests_get_n_requests (requests), ==, 1);
  row = zc_binding_requests_get_row (requests, 0);
  g_assert_nonnull (row);
  g_assert_null (zc_binding_requests_get_row (requests, 1));
  g_assert_nonnull (zc_ui_test_find_label_containing (row, "李娜"));
  g_assert_nonnull (zc_ui_test_find_label_containing (row, "我在护理部工作"));
  zc_ui_test_save_screenshot (window, "binding-requests-zh.png");

  /* a denial asks for the reason first */
  click (row, "deny");
  reason = find_named (row, "reason");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (reason)));
  g_assert_false (gtk_widget_is_sensitive (find_named (row, "confirm-deny")));
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  g_assert_false (gtk_widget_is_sensitive (find_named (row, "confirm-deny")));
  gtk_editable_set_text (GTK_EDITABLE (reason), "本单位护理部无此人员，请核实");
  zc_ui_test_save_screenshot (window, "binding-requests-deny-zh.png");
  click (row, "confirm-deny");
  wait_idle (requests);
  g_assert_cmpuint (zc_binding_requests_get_n_requests (requests), ==, 0);
  g_assert_true (strstr (zc_binding_requests_get_status (requests), "李娜") != NULL);
  binding = newest_own (server, lina, &denied);
  g_assert_cmpstr (json_object_get_string_member (binding, "state"), ==, "denied");
  g_assert_cmpstr (json_object_get_string_member (binding, "decision_comment"), ==, "本单位护理部无此人员，请核实");

  /* she asks again; the refresh button shows it; the officer approves */
  ask (server, lina, hospital, "已在护理部报到");
  click (GTK_WIDGET (requests), "refresh");
  wait_idle (requests);
  g_assert_cmpuint (zc_binding_requests_get_n_requests (requests), ==, 1);
  click (zc_binding_requests_get_row (requests, 0), "approve");
  wait_idle (requests);
  g_assert_cmpuint (zc_binding_requests_get_n_requests (requests), ==, 0);
  binding = newest_own (server, lina, &approved);
  g_assert_cmpstr (json_object_get_string_member (binding, "state"), ==, "approved");
  zc_ui_test_save_screenshot (window, "binding-requests-done-zh.png");

  /* offline: said so, nothing asked */
  zc_test_server_stop (server);
  zc_binding_requests_refresh (requests);
  wait_idle (requests);
  g_assert_false (zc_binding_requests_is_online (requests));
  g_assert_cmpstr (zc_binding_requests_get_status (requests), !=, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another unit's officer never sees the hospital's requests. */
static void
test_other_unit (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autofree char *lina = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *hospital = hospital_id (server, lina);
  g_autoptr(ZcSession) session = NULL;
  GtkWidget *requests;

  ask (server, lina, hospital, "我在护理部工作");
  session = zc_test_sign_in (server->url, ZC_TEST_DEMO_HR_OFFICER);
  requests = g_object_ref_sink (zc_binding_requests_new (session));
  wait_idle (ZC_BINDING_REQUESTS (requests));
  g_assert_true (zc_binding_requests_is_online (ZC_BINDING_REQUESTS (requests)));
  g_assert_cmpuint (zc_binding_requests_get_n_requests (ZC_BINDING_REQUESTS (requests)), ==, 0);

  g_object_unref (requests);
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
      g_test_add_func ("/ui/binding-requests/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/ui/binding-requests/decide", test_decide);
  g_test_add_func ("/ui/binding-requests/other-unit", test_other_unit);

  return g_test_run ();
}
