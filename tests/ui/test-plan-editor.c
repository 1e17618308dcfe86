/* test-plan-editor.c: the committee officer's review plans against the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-plan-object.h"
#include "zc-plan-editor-page.h"
#include "zc-session.h"
#include "zc-test-server.h"
#include "zc-title-picker.h"
#include "zc-test-client.h"
#include "zc-ui-test.h"

typedef ZcTestClient Client;

static void
wait_idle (ZcPlanEditorPage *page)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      zc_ui_test_wait_ms (20);
    }
  while (zc_plan_editor_page_is_busy (page));
}

/* Enter on a focused button: it is clicked when its press animation ends. */
static void
press (GtkWidget *button)
{
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_widget_activate (button));
  zc_ui_test_wait_ms (300);
}

static void
click (ZcPlanEditorPage   *page,
       ZcPlanEditorAction  action)
{
  GtkWidget *button = zc_plan_editor_page_get_action_button (page, action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  press (button);
}

/* Answers the confirmation the last action opened. */
static void
confirm (const char *response)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog;

  while ((dialog = zc_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  zc_ui_test_wait_ms (50);
}

static void
type_text (ZcPlanEditor *editor,
           const char   *field,
           const char   *text)
{
  GtkWidget *input = zc_plan_editor_get_input (editor, field);

  g_assert_nonnull (input);
  gtk_widget_grab_focus (input);
  gtk_editable_set_text (GTK_EDITABLE (input), text);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
pick_title (ZcPlanEditor *editor,
            const char   *json)
{
  g_autoptr(JsonNode) pick = json_from_string (json, NULL);
  GtkWidget *picker = zc_plan_editor_get_input (editor, "title-picker");

  zc_title_picker_set_value (ZC_TITLE_PICKER (picker), pick);
  press (zc_plan_editor_get_input (editor, "add-title"));
}

static JsonObject *
find_plan (JsonNode   *answer,
           const char *id)
{
  JsonArray *plans = json_object_get_array_member (json_node_get_object (answer), "plans");

  for (guint i = 0; i < json_array_get_length (plans); i++)
    {
      JsonObject *plan = json_array_get_object_element (plans, i);

      if (g_strcmp0 (json_object_get_string_member (plan, "id"), id) == 0)
        return plan;
    }
  return NULL;
}

static void
fill_plan (ZcPlanEditor *editor,
           const char   *url)
{
  guint index;

  type_text (editor, "name", "2026年度卫生系列高级职称评审（测试）");
  type_text (editor, "contact_phone", "0371-65551234");
  type_text (editor, "region_code", "410000");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (zc_plan_editor_get_input (editor, "scope"))),
                            "全省医疗卫生机构从事卫生技术工作的专业技术人员。\n民营医疗机构参照执行。", -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_plan_editor_get_input (editor, "type")), ZC_PLAN_TYPE_REVIEW);

  /* two titles down the cascade, the second twice (refused) */
  pick_title (editor, "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"副主任医师\"}");
  pick_title (editor, "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"正高级\", \"title\": \"主任医师\"}");
  pick_title (editor, "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"正高级\", \"title\": \"主任医师\"}");
  g_assert_cmpuint (zc_plan_editor_get_n_items (editor, "titles"), ==, 2);
  g_assert_nonnull (zc_plan_editor_get_error (editor, "titles"));
  /* a title not chosen to its end */
  pick_title (editor, "{\"series\": \"04\"}");
  g_assert_cmpuint (zc_plan_editor_get_n_items (editor, "titles"), ==, 2);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (zc_plan_editor_get_input (editor, "methods.exceptional")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (zc_plan_editor_get_input (editor, "interview")), TRUE);

  /* categories: typed, Enter adds */
  type_text (editor, "category-entry", "临床");
  g_signal_emit_by_name (zc_plan_editor_get_input (editor, "category-entry"), "activate");
  type_text (editor, "category-entry", "公共卫生");
  g_signal_emit_by_name (zc_plan_editor_get_input (editor, "category-entry"), "activate");
  g_assert_cmpuint (zc_plan_editor_get_n_items (editor, "declaration_categories"), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zc_plan_editor_get_input (editor, "category-entry"))), ==, "");

  /* a direct unit from the server's search */
  type_text (editor, "unit-search", "医院");
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    GtkWidget *add = NULL;

    while ((add = find_button (GTK_WIDGET (editor), _("Add as direct"))) == NULL)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        zc_ui_test_wait_ms (20);
      }
    press (add);
  }
  g_assert_cmpuint (zc_plan_editor_get_n_items (editor, "direct_unit_ids"), ==, 1);

  index = zc_plan_editor_add_notice (editor);
  g_assert_cmpuint (index, ==, 0);
  type_text (editor, "notices[0].title", "关于开展2026年度卫生系列高级职称评审工作的通知");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (zc_plan_editor_get_input (editor,
                                                                                               "notices[0].text"))),
                            "请申报人于截止时间前提交材料。", -1);

  index = zc_plan_editor_add_attachment (editor);
  type_text (editor, "attachments[0].id", "defence-outline");
  type_text (editor, "attachments[0].name", "答辩提纲");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zc_plan_editor_get_input (editor, "attachments[0].max_bytes")), 3);

  index = zc_plan_editor_add_condition_group (editor);
  type_text (editor, "condition_groups[0].id", "research");
  type_text (editor, "condition_groups[0].name", "教学科研条件");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (zc_plan_editor_get_input (editor,
                                                                           "condition_groups[0].categories.papers")),
                               TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zc_plan_editor_get_input (editor, "condition_groups[0].min")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zc_plan_editor_get_input (editor, "condition_groups[0].max")), 10);

  /* the windows: the unit's deadline before the modification deadline */
  type_text (editor, "windows.individual_start.date", "2026-03-01");
  type_text (editor, "windows.individual_start.time", "08:00");
  type_text (editor, "windows.first_submission_deadline.date", "2026-04-30");
  type_text (editor, "windows.modification_deadline.date", "2026-05-15");
  type_text (editor, "windows.unit_deadline.date", "2026-05-10");
  type_text (editor, "windows.department_deadline.date", "2026-06-15");
}

static void
test_plan_round (void)
{
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *officer = zc_test_client_new (server->url, ZC_TEST_DEMO_COMMITTEE_OFFICER, FALSE);
  GtkWidget *window = gtk_window_new ();
  ZcPlanEditorPage *page;
  ZcPlanEditor *editor;
  g_autofree char *plan_id = NULL;
  guint n_before;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = ZC_PLAN_EDITOR_PAGE (zc_plan_editor_page_new (officer->store, officer->session));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  wait_idle (page);
  g_assert_true (zc_plan_editor_page_can_manage (page));
  g_assert_true (zc_plan_editor_page_is_online (page));
  n_before = g_list_model_get_n_items (zc_plan_editor_page_get_plans (page));
  g_assert_cmpuint (n_before, >=, 1);  /* the demo committee's plans */
  zc_ui_test_save_screenshot (window, "plan-editor-list-zh.png");

  /* a new plan through the form */
  click (page, ZC_PLAN_EDITOR_ACTION_NEW);
  editor = zc_plan_editor_page_get_editor (page);
  g_assert_nonnull (editor);
  g_assert_null (zc_plan_editor_get_base_plan (editor));
  /* nothing typed: the name is asked for, under its field */
  click (page, ZC_PLAN_EDITOR_ACTION_SAVE);
  g_assert_nonnull (zc_plan_editor_get_error (editor, "name"));
  g_assert_true (zc_plan_editor_page_get_editor (page) == editor);

  fill_plan (editor, server->url);
  click (page, ZC_PLAN_EDITOR_ACTION_SAVE);
  wait_idle (page);
  /* refused before sending: the error sits at the unit's deadline */
  g_assert_true (zc_plan_editor_page_get_editor (page) == editor);
  g_assert_nonnull (zc_plan_editor_get_error (editor, "windows.unit_deadline"));
  g_assert_null (zc_plan_editor_get_error (editor, "windows.modification_deadline"));
  g_assert_null (zc_plan_editor_get_error (editor, "name"));
  g_assert_cmpuint (zc_plan_editor_get_n_errors (editor), ==, 1);
  /* the keyboard is taken to the field at fault */
  {
    GtkWidget *entry = zc_plan_editor_get_input (editor, "windows.unit_deadline.date");
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_wait_ms (100);
  zc_ui_test_save_screenshot (window, "plan-editor-window-error-zh.png");

  /* the path of a list item reaches its row */
  {
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);

    g_ptr_array_add (errors, zc_field_error_new ("attachments[0].max_bytes", "out_of_range", "太大"));
    g_ptr_array_add (errors, zc_field_error_new ("condition_groups[0].categories[3]", "unknown_category", "没有"));
    g_ptr_array_add (errors, zc_field_error_new ("no_such_member", "invalid", "在顶部"));
    zc_plan_editor_show_errors (editor, errors);
  }
  g_assert_cmpstr (zc_plan_editor_get_error (editor, "attachments[0].max_bytes"), ==, "太大");
  g_assert_cmpstr (zc_plan_editor_get_error (editor, "condition_groups[0].categories"), ==, "没有");
  g_assert_null (zc_plan_editor_get_error (editor, "windows.unit_deadline"));
  g_assert_cmpuint (zc_plan_editor_get_n_errors (editor), ==, 3);

  /* fixed, saved: a draft, version 1 */
  type_text (editor, "windows.unit_deadline.date", "2026-05-31");
  click (page, ZC_PLAN_EDITOR_ACTION_SAVE);
  wait_idle (page);
  g_assert_null (zc_plan_editor_page_get_editor (page));
  g_assert_nonnull (zc_plan_editor_page_get_selected_plan (page));
  plan_id = g_strdup (zc_plan_get_id (zc_plan_editor_page_get_selected_plan (page)));
  g_assert_cmpuint (g_list_model_get_n_items (zc_plan_editor_page_get_plans (page)), ==, n_before + 1);
  {
    ZcPlan *plan = zc_plan_editor_page_get_selected_plan (page);
    g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-03-01T00:00:00Z", NULL);

    g_assert_cmpint (zc_plan_get_state (plan), ==, ZC_PLAN_STATE_DRAFT);
    g_assert_cmpint (zc_plan_get_version (plan), ==, 1);
    g_assert_cmpstr (zc_plan_get_name (plan), ==, "2026年度卫生系列高级职称评审（测试）");
    g_assert_cmpuint (json_array_get_length (zc_plan_get_titles (plan)), ==, 2);
    g_assert_true (zc_plan_allows_method (plan, "exceptional"));
    g_assert_cmpstr (zc_plan_get_declaration_categories (plan)[1], ==, "公共卫生");
    g_assert_cmpuint (g_strv_length ((GStrv) zc_plan_get_direct_unit_ids (plan)), ==, 1);
    g_assert_cmpint (zc_plan_get_attachment (plan, 0)->max_bytes, ==, 3 * 1024 * 1024);
    g_assert_cmpint (zc_plan_get_condition_group (plan, 0)->max, ==, 10);
    g_assert_true (zc_plan_get_interview (plan));
    /* 08:00 Beijing time is midnight UTC */
    g_assert_cmpint (g_date_time_compare (zc_plan_get_window (plan, ZC_PLAN_WINDOW_INDIVIDUAL_START), start), ==, 0);
  }
  /* a first draft: no close, no revise */
  g_assert_false (gtk_widget_is_sensitive (zc_plan_editor_page_get_action_button (page, ZC_PLAN_EDITOR_ACTION_CLOSE)));
  g_assert_false (gtk_widget_is_sensitive (zc_plan_editor_page_get_action_button (page, ZC_PLAN_EDITOR_ACTION_REVISE)));

  /* the draft is not the applicants' to see */
  {
    g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
    guint status = 0;
    g_autoptr(JsonNode) answer = zc_test_server_call (server, "GET", "/api/v1/plans?limit=200", token, NULL, NULL,
                                                      &status, NULL);

    g_assert_cmpuint (status, ==, 200);
    g_assert_null (find_plan (answer, plan_id));
  }

  /* publish, after a confirmation */
  click (page, ZC_PLAN_EDITOR_ACTION_PUBLISH);
  confirm ("publish");
  wait_idle (page);
  g_assert_cmpint (zc_plan_get_state (zc_plan_editor_page_get_selected_plan (page)), ==, ZC_PLAN_STATE_PUBLISHED);
  g_assert_false (gtk_widget_is_sensitive (zc_plan_editor_page_get_action_button (page, ZC_PLAN_EDITOR_ACTION_EDIT)));
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_save_screenshot (window, "plan-editor-published-zh.png");

  /* revise: version 2 as a draft, edited with its version */
  click (page, ZC_PLAN_EDITOR_ACTION_REVISE);
  confirm ("revise");
  wait_idle (page);
  g_assert_cmpint (zc_plan_get_state (zc_plan_editor_page_get_selected_plan (page)), ==, ZC_PLAN_STATE_DRAFT);
  g_assert_cmpint (zc_plan_get_version (zc_plan_editor_page_get_selected_plan (page)), ==, 2);
  g_assert_false (gtk_widget_is_sensitive (zc_plan_editor_page_get_action_button (page, ZC_PLAN_EDITOR_ACTION_CLOSE)));
  click (page, ZC_PLAN_EDITOR_ACTION_EDIT);
  editor = zc_plan_editor_page_get_editor (page);
  g_assert_nonnull (editor);
  g_assert_cmpuint (zc_plan_editor_get_n_items (editor, "titles"), ==, 2);
  g_assert_true (zc_plan_editor_remove_item (editor, "titles", 1));
  gtk_switch_set_active (GTK_SWITCH (zc_plan_editor_get_input (editor, "exam")), TRUE);
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_save_screenshot (window, "plan-editor-form-zh.png");
  gtk_widget_grab_focus (zc_plan_editor_get_input (editor, "attachments[0].id"));
  zc_ui_test_wait_ms (200);
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_save_screenshot (window, "plan-editor-form-lists-zh.png");
  /* Ctrl+S from the field being typed in */
  g_assert_true (zc_ui_test_press_keys (gtk_root_get_focus (GTK_ROOT (window)), "<Control>s"));
  wait_idle (page);
  g_assert_null (zc_plan_editor_page_get_editor (page));
  g_assert_cmpint (zc_plan_get_version (zc_plan_editor_page_get_selected_plan (page)), ==, 2);
  g_assert_cmpuint (json_array_get_length (zc_plan_get_titles (zc_plan_editor_page_get_selected_plan (page))), ==, 1);
  g_assert_true (zc_plan_get_exam (zc_plan_editor_page_get_selected_plan (page)));

  /* publish version 2, then close */
  click (page, ZC_PLAN_EDITOR_ACTION_PUBLISH);
  confirm ("publish");
  wait_idle (page);
  click (page, ZC_PLAN_EDITOR_ACTION_CLOSE);
  confirm ("cancel");
  wait_idle (page);
  g_assert_cmpint (zc_plan_get_state (zc_plan_editor_page_get_selected_plan (page)), ==, ZC_PLAN_STATE_PUBLISHED);
  click (page, ZC_PLAN_EDITOR_ACTION_CLOSE);
  confirm ("close");
  wait_idle (page);
  g_assert_cmpint (zc_plan_get_state (zc_plan_editor_page_get_selected_plan (page)), ==, ZC_PLAN_STATE_CLOSED);
  g_assert_cmpint (zc_plan_get_version (zc_plan_editor_page_get_selected_plan (page)), ==, 2);

  /* what an applicant's list shows */
  {
    g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
    guint status = 0;
    g_autoptr(JsonNode) answer = zc_test_server_call (server, "GET", "/api/v1/plans?limit=200", token, NULL, NULL,
                                                      &status, NULL);
    JsonObject *plan = NULL;

    g_assert_cmpuint (status, ==, 200);
    plan = find_plan (answer, plan_id);

    g_assert_nonnull (plan);
    g_assert_cmpstr (json_object_get_string_member (plan, "state"), ==, "closed");
    g_assert_cmpint (json_object_get_int_member (plan, "version"), ==, 2);
    g_assert_true (json_object_get_boolean_member (plan, "exam"));
  }

  /* the roster: nobody declared, so the header alone */
  {
    g_autofree char *path = g_build_filename (officer->dir, "名单.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    zc_plan_editor_page_export_roster (page, file);
    wait_idle (page);
    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
    g_assert_cmpuint (strlen (contents), >, 3);
    g_assert_nonnull (strstr (contents, "\r\n"));
    g_assert_null (strstr (strstr (contents, "\r\n") + 2, "\r\n"));
  }

  /* a demo plan's roster: its declarations */
  {
    g_autofree char *path = g_build_filename (officer->dir, "demo.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    gboolean exported = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (zc_plan_editor_page_get_plans (page)) && !exported; i++)
      {
        g_autoptr(ZcPlanObject) object = g_list_model_get_item (zc_plan_editor_page_get_plans (page), i);

        if (g_strcmp0 (zc_plan_object_get_id (object), plan_id) == 0)
          continue;
        g_assert_true (zc_plan_editor_page_select_plan (page, zc_plan_object_get_id (object)));
        if (!gtk_widget_is_sensitive (zc_plan_editor_page_get_action_button (page, ZC_PLAN_EDITOR_ACTION_EXPORT)))
          continue;
        zc_plan_editor_page_export_roster (page, file);
        wait_idle (page);
        exported = TRUE;
      }
    g_assert_true (exported);
    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  }

  /* the smaller window */
  g_assert_true (zc_plan_editor_page_select_plan (page, plan_id));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_wait_ms (150);
  zc_ui_test_save_screenshot (window, "plan-editor-list-zh-small.png");
  click (page, ZC_PLAN_EDITOR_ACTION_NEW);
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_wait_ms (150);
  zc_ui_test_save_screenshot (window, "plan-editor-form-zh-small.png");
  click (page, ZC_PLAN_EDITOR_ACTION_CANCEL);
  g_assert_null (zc_plan_editor_page_get_editor (page));

  /* offline: said plainly, nothing to press */
  zc_test_server_stop (server);
  zc_plan_editor_page_reload (page);
  wait_idle (page);
  g_assert_false (zc_plan_editor_page_is_online (page));
  g_assert_false (gtk_widget_is_sensitive (zc_plan_editor_page_get_action_button (page, ZC_PLAN_EDITOR_ACTION_NEW)));
  g_assert_false (gtk_widget_is_sensitive (zc_plan_editor_page_get_action_button (page,
                                                                                  ZC_PLAN_EDITOR_ACTION_EXPORT)));
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_wait_ms (100);
  zc_ui_test_save_screenshot (window, "plan-editor-offline-zh-small.png");

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
}

/* Writes @size bytes starting with @head into @dir/@name. */
static GFile *
write_file (const char *dir,
            const char *name,
            const char *head,
            gsize       size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = g_malloc0 (size);
  g_autoptr(GError) error = NULL;

  memcpy (data, head, MIN (strlen (head), size));
  g_assert_true (g_file_set_contents (path, data, (gssize) size, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
wait_uploads (ZcPlanEditor *editor)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (zc_plan_editor_get_n_uploading (editor) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      zc_ui_test_wait_ms (20);
    }
}

/* The status of GET @path on the server, as @token. */
static guint
server_status (ZcTestServer *server,
               const char   *path,
               const char   *token)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autofree char *url = g_strconcat (server->url, path, NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}

/* Files on a notice: checked, sent to the server as they are added,
 * removed, saved with the plan. */
static void
test_notice_files (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *officer = zc_test_client_new (server->url, ZC_TEST_DEMO_COMMITTEE_OFFICER, FALSE);
  const char *token = zc_api_client_get_token (zc_session_get_api_client (officer->session));
  g_autofree char *dir = g_dir_make_tmp ("zc-notice-files-XXXXXX", NULL);
  g_autoptr(GFile) pdf = write_file (dir, "评审工作通知.pdf", "%PDF-1.4\n", 3000);
  g_autoptr(GFile) png = write_file (dir, "报名流程.png", "\x89PNG\r\n\x1a\n", 2000);
  g_autoptr(GFile) text = write_file (dir, "说明.txt", "纯文本", 100);
  g_autoptr(GFile) large = write_file (dir, "扫描件.pdf", "%PDF-1.4\n", ZC_PLAN_NOTICE_FILE_MAX_BYTES + 1);
  g_autoptr(GFile) missing = g_file_get_child (text, "no-such-file");
  g_autofree char *pdf_sha256 = NULL;
  g_autofree char *plan_path = NULL;
  g_autoptr(JsonNode) stored = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcPlanEditorPage *page;
  ZcPlanEditor *editor;
  JsonArray *files;
  guint status = 0;

  {
    g_autoptr(GBytes) bytes = g_file_load_bytes (pdf, NULL, NULL, NULL);

    pdf_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  page = ZC_PLAN_EDITOR_PAGE (zc_plan_editor_page_new (officer->store, officer->session));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  wait_idle (page);
  click (page, ZC_PLAN_EDITOR_ACTION_NEW);
  editor = zc_plan_editor_page_get_editor (page);
  fill_plan (editor, server->url);
  type_text (editor, "windows.unit_deadline.date", "2026-05-31");

  /* a text file: read, refused by its content, shown under the notice's files */
  g_assert_true (zc_plan_editor_add_notice_file (editor, 0, text));
  wait_uploads (editor);
  g_assert_nonnull (zc_plan_editor_get_error (editor, "notices[0].files"));
  g_assert_nonnull (strstr (zc_plan_editor_get_error (editor, "notices[0].files"), "说明.txt"));
  g_assert_null (zc_plan_editor_get_notice_files (editor, 0));
  /* too large: refused before it is read */
  g_assert_false (zc_plan_editor_add_notice_file (editor, 0, large));
  g_assert_nonnull (strstr (zc_plan_editor_get_error (editor, "notices[0].files"), "扫描件.pdf"));
  g_assert_false (zc_plan_editor_add_notice_file (editor, 0, missing));
  g_assert_false (zc_plan_editor_add_notice_file (editor, 7, pdf));

  /* a PDF and a PNG: uploading, then named; the earlier problem goes */
  g_assert_true (zc_plan_editor_add_notice_file (editor, 0, pdf));
  g_assert_cmpuint (zc_plan_editor_get_n_uploading (editor), ==, 1);
  g_assert_null (zc_plan_editor_get_error (editor, "notices[0].files"));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (editor), "评审工作通知.pdf"));
  /* not saved while a file is on its way */
  g_assert_null (zc_plan_editor_collect (editor, FALSE));
  g_assert_cmpuint (zc_plan_editor_get_n_errors (editor), ==, 1);
  g_assert_cmpstr (zc_plan_editor_get_error (editor, "notices[0].files"), ==, _("Wait until the files are sent"));
  g_assert_true (zc_plan_editor_add_notice_file (editor, 0, png));
  wait_uploads (editor);
  g_assert_null (zc_plan_editor_get_error (editor, "notices[0].files"));
  files = zc_plan_editor_get_notice_files (editor, 0);
  g_assert_nonnull (files);
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  /* in the order the server took them */
  {
    guint png_index = g_strcmp0 (json_object_get_string_member (json_array_get_object_element (files, 0), "name"),
                                 "报名流程.png") == 0 ? 0 : 1;
    JsonObject *png_file = json_array_get_object_element (files, png_index);
    JsonObject *pdf_file = json_array_get_object_element (files, 1 - png_index);

    g_assert_cmpstr (json_object_get_string_member (png_file, "name"), ==, "报名流程.png");
    g_assert_cmpstr (json_object_get_string_member (png_file, "mime"), ==, "image/png");
    g_assert_cmpint (json_object_get_int_member (png_file, "size"), ==, 2000);
    g_assert_cmpstr (json_object_get_string_member (pdf_file, "sha256"), ==, pdf_sha256);
    g_assert_cmpstr (json_object_get_string_member (pdf_file, "mime"), ==, "application/pdf");
    /* the PNG goes again; the PDF stays */
    g_assert_true (zc_plan_editor_remove_notice_file (editor, 0, png_index));
    g_assert_true (zc_plan_editor_add_notice_file (editor, 0, png));
    wait_uploads (editor);
  }
  /* the same file again is one file */
  g_assert_true (zc_plan_editor_add_notice_file (editor, 0, pdf));
  wait_uploads (editor);
  g_assert_cmpuint (json_array_get_length (zc_plan_editor_get_notice_files (editor, 0)), ==, 2);

  /* each file has a remove button the keyboard reaches */
  {
    GtkWidget *add = zc_plan_editor_get_input (editor, "notices[0].add-file");

    g_assert_nonnull (add);
    g_assert_true (gtk_widget_get_focusable (add));
    gtk_widget_grab_focus (add);
    gtk_test_widget_wait_for_draw (window);
    zc_ui_test_wait_ms (150);
    zc_ui_test_save_screenshot (window, "plan-editor-notice-files-zh-small.png");
  }
  g_assert_true (zc_plan_editor_add_notice_file (editor, 0, text));
  wait_uploads (editor);
  /* the window scrolls to the focus when it moves */
  gtk_widget_grab_focus (zc_plan_editor_get_input (editor, "notices[0].title"));
  zc_ui_test_wait_ms (50);
  gtk_widget_grab_focus (zc_plan_editor_get_input (editor, "notices[0].add-file"));
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_wait_ms (300);
  zc_ui_test_save_screenshot (window, "plan-editor-notice-file-error-zh-small.png");
  /* now the PDF first, the PNG second */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (zc_plan_editor_get_notice_files (editor, 0), 1),
                                                  "name"), ==, "报名流程.png");
  g_assert_true (zc_plan_editor_remove_notice_file (editor, 0, 1));
  g_assert_false (zc_plan_editor_remove_notice_file (editor, 0, 1));
  g_assert_cmpuint (json_array_get_length (zc_plan_editor_get_notice_files (editor, 0)), ==, 1);

  /* saved: the server's plan names the file, and has it */
  click (page, ZC_PLAN_EDITOR_ACTION_SAVE);
  wait_idle (page);
  g_assert_null (zc_plan_editor_page_get_editor (page));
  plan_path = g_strdup_printf ("/api/v1/plans/%s", zc_plan_get_id (zc_plan_editor_page_get_selected_plan (page)));
  stored = zc_test_server_call (server, "GET", plan_path, token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  {
    JsonArray *notices = json_object_get_array_member (json_node_get_object (stored), "notices");
    JsonObject *notice = json_array_get_object_element (notices, 0);
    JsonArray *saved = json_object_get_array_member (notice, "files");
    g_autofree char *blob_path = g_strconcat ("/api/v1/blobs/", pdf_sha256, NULL);

    g_assert_cmpuint (json_array_get_length (saved), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (saved, 0), "sha256"), ==,
                     pdf_sha256);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (saved, 0), "name"), ==,
                     "评审工作通知.pdf");
    g_assert_cmpuint (server_status (server, blob_path, token), ==, 200);
  }

  /* edited again: the file is there to keep or remove */
  click (page, ZC_PLAN_EDITOR_ACTION_EDIT);
  editor = zc_plan_editor_page_get_editor (page);
  g_assert_nonnull (editor);
  g_assert_cmpuint (json_array_get_length (zc_plan_editor_get_notice_files (editor, 0)), ==, 1);
  click (page, ZC_PLAN_EDITOR_ACTION_CANCEL);

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
  zc_test_server_stop (server);
  zc_ui_test_remove_tree (dir);
}

/* Any other role: the page says whose work plans are, with no actions. */
static void
test_other_role (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  const char *logins[] = { ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_DEPARTMENT_OFFICER };

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      Client *client = zc_test_client_new (server->url, logins[i], FALSE);
      GtkWidget *page = g_object_ref_sink (zc_plan_editor_page_new (client->store, client->session));

      g_assert_false (zc_plan_editor_page_can_manage (ZC_PLAN_EDITOR_PAGE (page)));
      for (guint a = 0; a < ZC_PLAN_EDITOR_N_ACTIONS; a++)
        g_assert_null (zc_plan_editor_page_get_action_button (ZC_PLAN_EDITOR_PAGE (page), a));
      g_assert_null (zc_plan_editor_page_get_editor (ZC_PLAN_EDITOR_PAGE (page)));
      g_assert_false (zc_plan_editor_page_is_busy (ZC_PLAN_EDITOR_PAGE (page)));
      g_object_unref (page);
      zc_test_client_free (client);
    }
  zc_test_server_stop (server);
}

/* The form alone: errors of the server's kind and the paths' fallbacks. */
static void
test_editor_paths (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = zc_plan_editor_new (NULL);
  ZcPlanEditor *self = ZC_PLAN_EDITOR (editor);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  g_autoptr(ZcPlan) plan = NULL;

  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* a new plan has its defaults but no name */
  g_assert_null (zc_plan_editor_collect (self, FALSE));
  g_assert_nonnull (zc_plan_editor_get_error (self, "name"));
  g_assert_nonnull (zc_plan_editor_get_error (self, "contact_phone"));
  g_assert_nonnull (zc_plan_editor_get_error (self, "region_code"));

  type_text (self, "name", "计划");
  type_text (self, "contact_phone", "13800000000");
  type_text (self, "region_code", "41000");
  g_assert_null (zc_plan_editor_collect (self, FALSE));
  g_assert_null (zc_plan_editor_get_error (self, "name"));
  g_assert_nonnull (zc_plan_editor_get_error (self, "region_code"));
  type_text (self, "region_code", "410000");
  type_text (self, "windows.first_submission_deadline.date", "2026-02-30");
  type_text (self, "windows.modification_deadline.time", "25:00");
  g_assert_null (zc_plan_editor_collect (self, FALSE));
  g_assert_nonnull (zc_plan_editor_get_error (self, "windows.first_submission_deadline"));
  g_assert_nonnull (zc_plan_editor_get_error (self, "windows.modification_deadline"));
  type_text (self, "windows.individual_start.date", "2026-03-01");
  type_text (self, "windows.first_submission_deadline.date", "2026-04-30");
  type_text (self, "windows.modification_deadline.date", "2026-05-15");
  type_text (self, "windows.modification_deadline.time", "");
  type_text (self, "windows.unit_deadline.date", "2026-05-31");
  type_text (self, "windows.department_deadline.date", "2026-06-15");

  /* a draft may lack titles; publishing may not */
  plan = zc_plan_editor_collect (self, FALSE);
  g_assert_nonnull (plan);
  g_assert_cmpuint (zc_plan_editor_get_n_errors (self), ==, 0);
  g_assert_null (zc_plan_editor_collect (self, TRUE));
  g_assert_nonnull (zc_plan_editor_get_error (self, "titles"));

  /* bad items, each at its own field */
  zc_plan_editor_add_attachment (self);
  zc_plan_editor_add_condition_group (self);
  zc_plan_editor_add_notice (self);
  type_text (self, "attachments[0].id", "Bad Id");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (zc_plan_editor_get_input (self, "attachments[0].types.application/pdf")),
                               FALSE);
  g_assert_null (zc_plan_editor_collect (self, FALSE));
  g_assert_nonnull (zc_plan_editor_get_error (self, "attachments[0].id"));
  g_assert_nonnull (zc_plan_editor_get_error (self, "attachments[0].name"));
  g_assert_nonnull (zc_plan_editor_get_error (self, "attachments[0].types"));
  g_assert_nonnull (zc_plan_editor_get_error (self, "condition_groups[0].categories"));
  g_assert_nonnull (zc_plan_editor_get_error (self, "notices[0].title"));
  g_assert_null (zc_plan_editor_get_error (self, "attachments[0].max_count"));

  /* removing an item clears what was shown; unknown lists and indexes are refused */
  g_assert_true (zc_plan_editor_remove_item (self, "attachments", 0));
  g_assert_cmpuint (zc_plan_editor_get_n_errors (self), ==, 0);
  g_assert_false (zc_plan_editor_remove_item (self, "attachments", 0));
  g_assert_false (zc_plan_editor_remove_item (self, "no_such_list", 0));
  g_assert_cmpuint (zc_plan_editor_get_n_items (self, "no_such_list"), ==, 0);

  /* max below min: the rule of zc_plan_validate, at the group's max */
  type_text (self, "notices[0].title", "通知");
  type_text (self, "condition_groups[0].id", "research");
  type_text (self, "condition_groups[0].name", "科研");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (zc_plan_editor_get_input (self, "condition_groups[0].categories.books")),
                               TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zc_plan_editor_get_input (self, "condition_groups[0].min")), 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zc_plan_editor_get_input (self, "condition_groups[0].max")), 2);
  g_assert_null (zc_plan_editor_collect (self, FALSE));
  g_assert_nonnull (zc_plan_editor_get_error (self, "condition_groups[0].max"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (zc_plan_editor_get_input (self, "condition_groups[0].max.none")),
                               TRUE);
  g_clear_pointer (&plan, zc_plan_unref);
  plan = zc_plan_editor_collect (self, FALSE);
  g_assert_nonnull (plan);
  g_assert_cmpint (zc_plan_get_condition_group (plan, 0)->max, ==, -1);

  /* a field nobody has: at the top, counted */
  g_ptr_array_add (errors, zc_field_error_new ("whatever[9].x", "invalid", "顶部的问题"));
  zc_plan_editor_show_errors (self, errors);
  g_assert_cmpuint (zc_plan_editor_get_n_errors (self), ==, 1);
  g_assert_null (zc_plan_editor_get_error (self, "whatever[9].x"));
  g_assert_nonnull (zc_ui_test_find_label_containing (editor, "顶部的问题"));

  /* the plan loads back into the form */
  zc_plan_editor_set_plan (self, plan);
  g_assert_true (zc_plan_editor_get_base_plan (self) == plan);
  g_assert_cmpuint (zc_plan_editor_get_n_items (self, "condition_groups"), ==, 1);
  g_assert_cmpuint (zc_plan_editor_get_n_items (self, "notices"), ==, 1);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (zc_plan_editor_get_input (self,
                                                                                          "condition_groups[0].max.none"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zc_plan_editor_get_input (self, "windows.modification_deadline.time"))),
                   ==, "23:59:59");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/plan-editor/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/ui/plan-editor/paths", test_editor_paths);
  g_test_add_func ("/ui/plan-editor/round", test_plan_round);
  g_test_add_func ("/ui/plan-editor/other-role", test_other_role);
  g_test_add_func ("/ui/plan-editor/notice-files", test_notice_files);

  return g_test_run ();
}
