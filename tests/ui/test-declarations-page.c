/* test-declarations-page.c: "my declarations", a declaration's timeline
 * and actions, and the home page's declarations, on a seeded store
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>

#include "zc-declarations-page.h"
#include "zc-home-page.h"
#include "zc-i18n.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-plans.h"
#include "zc-ui-test.h"
#include "zc-window.h"

#define ENGINEERING_ID "5b1e9c2a-7d4f-4a8e-9c3b-2f6d8e1a0b47"
#define DETERMINATION_ID "c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f"
#define LABORATORY_ID "0f6a2b9c-3d4e-4f5a-8b6c-7d8e9f0a1b2c"
#define CLOSE_ID "7d7d7d7d-1b2c-4d3e-8f4a-5b6c7d8e9f0a"

typedef struct
{
  char               *dir;
  char               *path;
  ZcLocalStore       *store;
  ZcServerMonitor    *monitor;
  ZcWindow           *window;
  ZcDeclarationsPage *page;
  char               *returned_id;
  char               *submitted_id;
  char               *interview_id;
} Fixture;

static ZcPlan *
load_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  ZcPlan *plan;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  plan = zc_plan_new_from_data (data, length, FALSE, &error);
  g_assert_no_error (error);
  return plan;
}

/* The engineering plan under another id, its first-submission deadline
 * two days from now. */
static ZcPlan *
plan_closing_soon (void)
{
  g_autoptr(ZcPlan) engineering = load_plan ("engineering-2026.json");
  g_autoptr(JsonNode) node = zc_plan_to_json (engineering);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  JsonObject *windows = json_object_get_object_member (json_node_get_object (node), "windows");
  static const struct { const char *name; int days; } times[] = {
    { "individual_start", -5 }, { "first_submission_deadline", 2 }, { "modification_deadline", 10 },
    { "unit_deadline", 20 }, { "department_deadline", 30 },
  };
  g_autoptr(GError) error = NULL;
  ZcPlan *plan;

  json_object_set_string_member (json_node_get_object (node), "id", CLOSE_ID);
  json_object_set_string_member (json_node_get_object (node), "name", "临近截止的测试计划");
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, times[i].days);
      g_autofree char *text = g_date_time_format_iso8601 (when);

      json_object_set_string_member (windows, times[i].name, text);
    }
  plan = zc_plan_new_from_json (node, FALSE, &error);
  g_assert_no_error (error);
  return plan;
}

static char *
seed_declaration (ZcLocalStore *store,
                  const char   *plan_id,
                  gint64        plan_version,
                  const char   *state,
                  const char   *comment,
                  const char   *title)
{
  g_autoptr(ZcRecord) record = zc_record_new (NULL, "declaration", zc_local_store_get_owner_id (store));
  g_autofree char *json = g_strdup_printf ("{\"plan_id\": \"%s\", \"plan_version\": %" G_GINT64_FORMAT ","
                                           " \"method\": \"regular\", \"title\": {\"series\": \"05\","
                                           " \"category\": \"工程技术\", \"level\": \"中级\", \"title\": \"%s\","
                                           " \"specialty\": \"电气工程\"}}", plan_id, plan_version, title);
  g_autoptr(JsonObject) body = zc_ui_test_parse_object (json);
  g_autoptr(GError) error = NULL;

  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  zc_record_set_version (record, 4);
  zc_record_set_review_comment (record, comment);
  g_assert_true (zc_local_store_put_server_record (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (zc_record_get_id (record));
}

static void
seed_message (ZcLocalStore *store,
              const char   *record_id,
              const char   *time,
              const char   *json)
{
  g_autoptr(ZcRecord) record = zc_record_new (NULL, "message", zc_local_store_get_owner_id (store));
  g_autoptr(JsonObject) body = zc_ui_test_parse_object (json);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (time, NULL);
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (body, "record_id", record_id);
  zc_record_set_body (record, body);
  zc_record_set_state (record, "unread");
  zc_record_set_version (record, 1);
  zc_record_set_created_at (record, at);
  zc_record_set_updated_at (record, at);
  g_assert_true (zc_local_store_put_server_record (store, record, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);

  fixture->dir = g_dir_make_tmp ("zc-declarations-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_ptr_array_add (plans, load_plan ("engineering-2026.json"));
  g_ptr_array_add (plans, load_plan ("determination-2026.json"));
  g_ptr_array_add (plans, load_plan ("cplans-laboratory-2025-closed.json"));
  g_ptr_array_add (plans, plan_closing_soon ());
  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));

  fixture->interview_id = seed_declaration (fixture->store, LABORATORY_ID, 3, "interview_scheduled", NULL, "高级实验师");
  seed_message (fixture->store, fixture->interview_id, "2025-07-01T10:00:00+08:00",
                "{\"action\": \"declaration.schedule_interview\", \"from\": \"under_review\","
                " \"to\": \"interview_scheduled\", \"actor_name\": \"评委会办公室\", \"title\": \"面试通知\","
                " \"interview_at\": \"2025-07-15T09:00:00+08:00\", \"place\": \"省人才服务中心三楼302室\"}");
  fixture->submitted_id = seed_declaration (fixture->store, DETERMINATION_ID, 2, "unit_review", NULL, "助理工程师");
  fixture->returned_id = seed_declaration (fixture->store, ENGINEERING_ID, 1, "returned", "请补充答辩提纲的签字页",
                                           "工程师");
  seed_message (fixture->store, fixture->returned_id, "2026-03-20T10:00:00+08:00",
                "{\"action\": \"declaration.recommend\", \"from\": \"unit_review\", \"to\": \"unit_recommended\","
                " \"actor_name\": \"王科长\", \"comment\": \"同意推荐\", \"title\": \"单位已推荐\"}");
  seed_message (fixture->store, fixture->returned_id, "2026-03-22T15:30:00+08:00",
                "{\"action\": \"declaration.return\", \"from\": \"unit_recommended\", \"to\": \"returned\","
                " \"actor_name\": \"王科长\", \"comment\": \"请补充答辩提纲的签字页\", \"title\": \"申报已退回\"}");

  fixture->monitor = zc_server_monitor_new ("http://127.0.0.1:9");
  fixture->window = zc_window_new (NULL, fixture->monitor, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = zc_window_get_declarations_page (fixture->window);
  g_assert_nonnull (fixture->page);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (fixture->page),
                                                                                  ADW_TYPE_VIEW_STACK)),
                                         "declarations");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->monitor);
  zc_ui_test_wait_ms (50);
  g_assert_finalize_object (fixture->store);
  zc_ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->returned_id);
  g_free (fixture->submitted_id);
  g_free (fixture->interview_id);
}

/* A returned declaration: its timeline from the messages, the reason,
 * continue editing and discard but no withdraw. */
static void
test_returned (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  ZcDeclarationTimeline *timeline = zc_declarations_page_get_timeline (fixture->page);
  GtkWidget *button;

  g_assert_cmpuint (zc_declarations_page_get_n_declarations (fixture->page), ==, 3);
  g_assert_null (zc_declarations_page_get_selected_id (fixture->page));
  g_assert_false (zc_declarations_page_select (fixture->page, "00000000-0000-4000-8000-000000000000"));
  g_assert_true (zc_declarations_page_select (fixture->page, fixture->returned_id));
  g_assert_cmpstr (zc_declarations_page_get_selected_id (fixture->page), ==, fixture->returned_id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpuint (zc_declaration_timeline_get_n_entries (timeline), ==, 2);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (timeline), "王科长"));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (timeline), "同意推荐"));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (timeline), "2026-03-22"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "请补充答辩提纲的签字页"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "工程师"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "2026年度工程技术系列职称评审"));

  button = zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_SAVE_DRAFT);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_nonnull (zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_DISCARD));
  g_assert_null (zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_WITHDRAW));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "declarations-page-zh.png");
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Withdraw asks first, then queues declaration.withdraw with the state
 * the applicant saw; meanwhile nothing else may be done. */
static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_true (zc_declarations_page_select (fixture->page, fixture->submitted_id));
  g_assert_null (zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_SAVE_DRAFT));
  g_assert_null (zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_DISCARD));
  button = zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_WITHDRAW);
  g_assert_nonnull (button);

  /* cancelled: nothing queued */
  g_signal_emit_by_name (button, "clicked");
  dialog = zc_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (zc_local_store_get_declaration_waiting_action (fixture->store, fixture->submitted_id), ==, -1);

  g_signal_emit_by_name (button, "clicked");
  dialog = zc_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declarations-withdraw-dialog-zh.png");
  adw_message_dialog_response (dialog, "confirm");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (zc_local_store_get_declaration_waiting_action (fixture->store, fixture->submitted_id), ==,
                   ZC_DECLARATION_ACTION_WITHDRAW);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM outbox WHERE name = 'declaration.withdraw'"
                                             " AND expected_state = 'unit_review'"), ==, 1);

  /* the page follows the store: the action waits, the button is off */
  zc_ui_test_wait_ms (100);
  g_assert_cmpstr (zc_declarations_page_get_selected_id (fixture->page), ==, fixture->submitted_id);
  button = zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_WITHDRAW);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
}

/* An interview notice carries its time and place. */
static void
test_interview (Fixture       *fixture,
                gconstpointer  data)
{
  ZcDeclarationTimeline *timeline = zc_declarations_page_get_timeline (fixture->page);

  g_assert_true (zc_declarations_page_select (fixture->page, fixture->interview_id));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (zc_declaration_timeline_get_n_entries (timeline), ==, 1);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (timeline), "省人才服务中心三楼302室"));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (timeline), "2025-07-15"));
  /* nothing for the applicant to do */
  g_assert_null (zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_SAVE_DRAFT));
  g_assert_null (zc_declarations_page_get_action_button (fixture->page, ZC_DECLARATION_ACTION_WITHDRAW));
}

/* The server's timeline: top-level or nested, {actor: {name}}. */
static void
test_timeline_from_json (void)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  ZcTimelineEntry *entry;
  static const char *const without[] = { "[]", "{}", "{\"timeline\": 3}", "{\"declaration\": []}", "null" };

  answer = json_from_string ("{\"declaration\": {\"id\": \"x\"}, \"timeline\": ["
                             " {\"at\": \"2026-03-02T08:00:00Z\", \"action\": \"submit\", \"from\": \"draft\","
                             "  \"to\": \"unit_review\", \"actor\": {\"name\": \"李文静\"}},"
                             " {\"at\": \"2026-03-01T08:00:00Z\", \"action\": \"create\", \"to\": \"draft\"},"
                             " {\"at\": \"2026-06-01T08:00:00Z\", \"action\": \"schedule_interview\","
                             "  \"data\": {\"interview_at\": \"2026-06-10T09:00:00+08:00\", \"place\": \"三楼\"}},"
                             " {\"action\": \"no time\"}, 5]}", NULL);
  entries = zc_declaration_timeline_entries_from_json (answer);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->actor_name, ==, "李文静");
  g_assert_cmpstr (entry->from, ==, "draft");
  entry = g_ptr_array_index (entries, 2);
  g_assert_nonnull (entry->interview_at);
  g_assert_cmpstr (entry->place, ==, "三楼");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&answer, json_node_unref);

  answer = json_from_string ("{\"declaration\": {\"history\": [{\"time\": \"2026-03-02T08:00:00+08:00\","
                             " \"action\": \"declaration.return\", \"comment\": \"缺材料\", \"actor_name\": \"王科长\"}]}}",
                             NULL);
  entries = zc_declaration_timeline_entries_from_json (answer);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "return");
  g_assert_cmpstr (entry->comment, ==, "缺材料");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_pointer (&answer, json_node_unref);

  for (guint i = 0; i < G_N_ELEMENTS (without); i++)
    {
      answer = json_from_string (without[i], NULL);
      g_assert_null (zc_declaration_timeline_entries_from_json (answer));
      g_clear_pointer (&answer, json_node_unref);
    }
  g_assert_null (zc_declaration_timeline_entries_from_json (NULL));
}

/* A narrow window: the list, then one declaration with a way back. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkListBox *list = zc_declarations_page_get_list (fixture->page);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  zc_ui_test_wait_ms (300);
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "declarations-page-narrow-zh.png");
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  zc_ui_test_wait_ms (400);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (zc_declarations_page_get_timeline (fixture->page))));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "declarations-page-narrow-details-zh.png");
}

/* The home page lists the declarations; a draft with its deadline two
 * days away and changes waiting is a warning, and opens in its page. */
static void
test_home (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(ZcRecord) draft = NULL;
  g_autoptr(GError) error = NULL;
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), ADW_TYPE_VIEW_STACK));
  ZcHomePage *home = ZC_HOME_PAGE (adw_view_stack_get_child_by_name (stack, "home"));
  GtkListBox *list;
  GtkListBoxRow *row;

  draft = zc_local_store_create_declaration (fixture->store, CLOSE_ID, 1, &error);
  g_assert_no_error (error);
  adw_view_stack_set_visible_child_name (stack, "home");
  zc_home_page_refresh (home);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpuint (zc_home_page_get_n_declarations (home), ==, 4);
  list = zc_home_page_get_declarations_list (home);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "zc-deadline-warning"));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (row), "临近截止的测试计划"));
  for (guint i = 1; i < 4; i++)
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)),
                                              "zc-deadline-warning"));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "home-page-declarations-zh.png");

  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "declarations");
  g_assert_cmpstr (zc_declarations_page_get_selected_id (fixture->page), ==, zc_record_get_id (draft));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/declarations-page/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/declarations-page/returned", test_returned);
  ADD ("/ui/declarations-page/withdraw", test_withdraw);
  ADD ("/ui/declarations-page/interview", test_interview);
  ADD ("/ui/declarations-page/narrow", test_narrow);
  ADD ("/ui/declarations-page/home", test_home);
#undef ADD
  g_test_add_func ("/ui/declarations-page/timeline-from-json", test_timeline_from_json);

  return g_test_run ();
}
