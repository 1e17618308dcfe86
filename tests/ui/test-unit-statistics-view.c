/* test-unit-statistics-view.c: the unit officer's statistics of the
 * unit's professional staff, against the real --demo server
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
#include "zc-unit-statistics-view.h"

static void
wait_idle (ZcUnitStatisticsView *view)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      zc_ui_test_wait_ms (20);
    }
  while (zc_unit_statistics_view_is_busy (view));
}

/* 张伟 records his highest title, 主治医师, over HTTP. */
static void
give_title (ZcTestServer *server)
{
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) put = NULL;
  g_autofree char *text = NULL;
  JsonObject *body, *pick;
  guint status = 0;

  record = zc_test_server_call (server, "GET", "/api/v1/me/personal-info", token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  body = json_object_get_object_member (json_node_get_object (record), "body");
  pick = json_object_new ();
  json_object_set_string_member (pick, "series", "04");
  json_object_set_string_member (pick, "category", "医疗类");
  json_object_set_string_member (pick, "level", "中级");
  json_object_set_string_member (pick, "title", "主治医师");
  json_object_set_object_member (body, "highest_title", pick);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "base_version");
  json_builder_add_int_value (builder, json_object_get_int_member (json_node_get_object (record), "version"));
  json_builder_set_member_name (builder, "body");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), body));
  json_builder_end_object (builder);
  put = json_builder_get_root (builder);
  text = json_to_string (put, FALSE);
  saved = zc_test_server_call (server, "PUT", "/api/v1/me/personal-info", token, "en", text, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
}

static guint
table_rows (ZcUnitStatisticsView *view)
{
  GtkColumnView *table = zc_unit_statistics_view_get_table (view);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_columns (table))), ==, 7);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table)));
}

static void
test_statistics (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(ZcSession) session = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcUnitStatisticsView *view;
  const ZcUnitStatistics *statistics;
  const ZcUnitStatisticsSeries *health;
  GtkWidget *chart;

  give_title (server);
  session = zc_test_sign_in (server->url, ZC_TEST_DEMO_UNIT_OFFICER);

  view = ZC_UNIT_STATISTICS_VIEW (zc_unit_statistics_view_new (session));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  wait_idle (view);

  /* the hospital: 张伟 a 主治医师, 周涛 without a title on record */
  g_assert_true (zc_unit_statistics_view_is_online (view));
  statistics = zc_unit_statistics_view_get_statistics (view);
  g_assert_nonnull (statistics);
  g_assert_cmpuint (statistics->people, ==, 2);
  g_assert_cmpuint (statistics->without_title, ==, 1);
  g_assert_cmpuint (statistics->series->len, ==, 1);
  health = statistics->series->pdata[0];
  g_assert_cmpstr (health->code, ==, "04");
  g_assert_cmpstr (health->name, ==, "卫生技术人员");
  g_assert_cmpuint (health->counts[ZC_TITLE_LEVEL_INTERMEDIATE], ==, 1);
  g_assert_cmpstr (zc_unit_statistics_view_get_status (view), ==, "");

  /* the same numbers for keyboard and screen reader users: the series,
   * all series and the people without a title */
  g_assert_cmpuint (table_rows (view), ==, 3);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (view), "卫生技术人员"));
  chart = zc_unit_statistics_view_get_chart (view);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpint (gtk_widget_get_width (chart), >=, 320);
  g_assert_cmpint (gtk_widget_get_height (chart), >=, 260);
  zc_ui_test_save_screenshot (window, "unit-statistics-zh.png");

  /* offline: said so, the last numbers kept */
  zc_test_server_stop (server);
  zc_unit_statistics_view_refresh (view);
  wait_idle (view);
  g_assert_false (zc_unit_statistics_view_is_online (view));
  g_assert_cmpstr (zc_unit_statistics_view_get_status (view), !=, "");
  statistics = zc_unit_statistics_view_get_statistics (view);
  g_assert_nonnull (statistics);
  g_assert_cmpuint (statistics->people, ==, 2);
  g_assert_cmpuint (table_rows (view), ==, 3);
  zc_ui_test_save_screenshot (window, "unit-statistics-offline-zh.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another role is told the statistics are not theirs, and asks nothing. */
static void
test_other_role (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(ZcSession) session = zc_test_sign_in (server->url, ZC_TEST_DEMO_APPLICANT);
  GtkWidget *view = g_object_ref_sink (zc_unit_statistics_view_new (session));

  wait_idle (ZC_UNIT_STATISTICS_VIEW (view));
  g_assert_null (zc_unit_statistics_view_get_statistics (ZC_UNIT_STATISTICS_VIEW (view)));
  g_assert_cmpstr (zc_unit_statistics_view_get_status (ZC_UNIT_STATISTICS_VIEW (view)), !=, "");
  g_assert_cmpuint (table_rows (ZC_UNIT_STATISTICS_VIEW (view)), ==, 0);

  g_object_unref (view);
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
      g_test_add_func ("/ui/unit-statistics/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/ui/unit-statistics/statistics", test_statistics);
  g_test_add_func ("/ui/unit-statistics/other-role", test_other_role);

  return g_test_run ();
}
