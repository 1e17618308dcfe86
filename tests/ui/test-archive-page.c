/* test-archive-page.c: the archive in the main window, on a seeded local store
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "zc-archive-page.h"
#include "zc-entry-dialog.h"
#include "zc-field-row.h"
#include "zc-form-view.h"
#include "zc-i18n.h"
#include "zc-local-store.h"
#include "zc-screenshot.h"
#include "zc-ui-test.h"
#include "zc-window.h"

typedef struct
{
  char            *dir;
  char            *path;
  ZcLocalStore    *store;
  ZcServerMonitor *monitor;
  ZcWindow        *window;
  ZcArchivePage   *page;
  char            *approved_id;
  char            *returned_id;
  char            *rejected_id;
  char            *pending_id;
} Fixture;

static char *
seed (ZcLocalStore *store,
      const char   *kind,
      const char   *state,
      const char   *comment,
      const char   *json)
{
  g_autoptr(ZcRecord) record = zc_record_new (NULL, kind, zc_local_store_get_owner_id (store));
  g_autoptr(JsonObject) body = zc_ui_test_parse_object (json);
  g_autoptr(GError) error = NULL;

  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  zc_record_set_version (record, 3);
  zc_record_set_review_comment (record, comment);
  g_assert_true (zc_local_store_put_server_record (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (zc_record_get_id (record));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) pending = zc_ui_test_parse_object ("{\"year\": 2022, \"result\": \"1\", \"assessed_by\": \"国网四川省电力公司\"}");
  g_autoptr(ZcRecord) created = NULL;

  fixture->dir = g_dir_make_tmp ("zc-archive-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* what the server sent before: decided entries, with comments */
  fixture->approved_id = seed (fixture->store, "archive:papers", "approved", NULL,
                               "{\"title\": \"配电网自动化改造的实践\", \"published_on\": \"2019-03-01\", \"paper_type\": \"1\","
                               " \"journal\": \"中国电力\", \"author_rank\": \"1\", \"own_words\": 8}");
  fixture->returned_id = seed (fixture->store, "archive:papers", "returned", "请补充期刊封面和目录的扫描件",
                               "{\"title\": \"变电站巡检机器人应用\", \"published_on\": \"2020-06-01\", \"paper_type\": \"1\","
                               " \"journal\": \"电力系统自动化\", \"author_rank\": \"2\", \"own_words\": 5}");
  fixture->rejected_id = seed (fixture->store, "archive:papers", "rejected", "该期刊为非正规出版物",
                               "{\"title\": \"某增刊论文\", \"published_on\": \"2018-01-01\", \"paper_type\": \"1\","
                               " \"journal\": \"某增刊\", \"author_rank\": \"1\", \"own_words\": 3}");
  /* and one made here, not sent yet */
  created = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", pending, &error);
  g_assert_no_error (error);
  fixture->pending_id = g_strdup (zc_record_get_id (created));

  /* the app's window, offline (the server is never asked) */
  fixture->monitor = zc_server_monitor_new ("http://127.0.0.1:9");
  fixture->window = zc_window_new (NULL, fixture->monitor, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  fixture->page = zc_window_get_archive_page (fixture->window);
  g_assert_nonnull (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->monitor);
  g_assert_finalize_object (fixture->store);
  zc_ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->approved_id);
  g_free (fixture->returned_id);
  g_free (fixture->rejected_id);
  g_free (fixture->pending_id);
}

/* The newest toplevel of a type: dialogs open as their own windows. */

static GtkWidget *
find_button_for_action (GtkWidget  *root,
                        const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      found = find_button_for_action (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static ZcEntryObject *
entry_at (Fixture *fixture,
          guint    position)
{
  return g_list_model_get_item (zc_archive_page_get_entries (fixture->page), position);
}

static guint
n_entries (Fixture *fixture)
{
  return g_list_model_get_n_items (zc_archive_page_get_entries (fixture->page));
}

static GtkWidget *
row_input (ZcEntryDialog *dialog,
           const char    *field)
{
  ZcFieldRow *row = zc_form_view_get_row (zc_entry_dialog_get_form_view (dialog), field);

  g_assert_nonnull (row);
  return zc_field_row_get_input (row);
}

static void
type_into (ZcEntryDialog *dialog,
           const char    *field,
           const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row_input (dialog, field)), text);
}

static void
choose (ZcEntryDialog *dialog,
        const char    *field,
        guint          position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row_input (dialog, field)), position);
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

/* The seeded archive: counts, statuses, the officer's comments. */
static void
test_seeded_store (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ZcEntryObject) first = NULL;

  g_assert_cmpuint (zc_archive_page_get_count (fixture->page, "papers"), ==, 3);
  g_assert_cmpuint (zc_archive_page_get_count (fixture->page, "annual-assessments"), ==, 1);
  g_assert_cmpuint (zc_archive_page_get_count (fixture->page, "education"), ==, 0);
  g_assert_cmpuint (zc_archive_page_get_count (fixture->page, "teacher-info"), ==, 0);
  g_assert_false (zc_archive_page_select_category (fixture->page, "no-such-category"));

  g_assert_true (zc_archive_page_select_category (fixture->page, "papers"));
  g_assert_cmpstr (zc_archive_page_get_category (fixture->page), ==, "papers");
  g_assert_cmpuint (n_entries (fixture), ==, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* latest first; status badges in the user's language */
  first = entry_at (fixture, 0);
  g_assert_cmpstr (zc_entry_object_get_id (first), ==, fixture->returned_id);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page), "变电站巡检机器人应用"));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page),
                                           zc_review_state_get_label (ZC_REVIEW_STATE_APPROVED, ZC_LANGUAGE_LOCALE)));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page),
                                           zc_review_state_get_label (ZC_REVIEW_STATE_REJECTED, ZC_LANGUAGE_LOCALE)));
  /* the officer's comments are on their rows */
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page), "请补充期刊封面和目录的扫描件"));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page), "该期刊为非正规出版物"));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "archive-page-seeded-zh.png");
}

/* The story: two categories, an error shown, saved, listed as
 * pending, and in the database with its outbox row. */
static void
test_add_in_two_categories (Fixture       *fixture,
                            gconstpointer  data)
{
  ZcEntryDialog *dialog;
  ZcFieldRow *published;
  g_autoptr(ZcEntryObject) added = NULL;

  /* papers: Ctrl+N's action opens the category's form */
  g_assert_true (zc_archive_page_select_category (fixture->page, "papers"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "archive.new", NULL));
  dialog = zc_ui_test_find_toplevel (ZC_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_null (zc_entry_dialog_get_record (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  type_into (dialog, "title", "基于深度学习的负荷预测");
  type_into (dialog, "published_on", "2099-01-01");     /* in the future: refused */
  choose (dialog, "paper_type", 1);
  type_into (dialog, "journal", "电网技术");
  type_into (dialog, "issn", "1000-3673");
  choose (dialog, "author_rank", 2);
  type_into (dialog, "own_words", "6");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  g_assert_nonnull (dialog);
  published = zc_form_view_get_row (zc_entry_dialog_get_form_view (dialog), "published_on");
  g_assert_nonnull (zc_field_row_get_error (published));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (published), "error"));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (published), zc_field_row_get_error (published)));
  g_assert_cmpuint (zc_form_view_get_n_errors (zc_entry_dialog_get_form_view (dialog)), ==, 1);
  g_assert_nonnull (zc_entry_dialog_get_message (dialog));
  /* nothing stored while it is wrong */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records WHERE kind = 'archive:papers'"), ==, 3);
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "entry-dialog-error-zh.png");

  type_into (dialog, "published_on", "2021-05-01");
  g_assert_null (zc_field_row_get_error (published));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  g_assert_null (dialog);   /* saved and closed */

  /* listed, selected, pending */
  g_assert_cmpuint (n_entries (fixture), ==, 4);
  g_assert_cmpuint (zc_archive_page_get_count (fixture->page, "papers"), ==, 4);
  added = g_object_ref (zc_archive_page_get_selected (fixture->page));
  g_assert_cmpstr (zc_entry_object_get_title (added), ==, "基于深度学习的负荷预测");
  g_assert_cmpint (zc_entry_object_get_review_state (added), ==, ZC_REVIEW_STATE_PENDING);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page), "基于深度学习的负荷预测"));

  /* annual assessments, a second form */
  g_assert_true (zc_archive_page_select_category (fixture->page, "annual-assessments"));
  g_assert_cmpuint (n_entries (fixture), ==, 1);
  dialog = zc_archive_page_new_entry (fixture->page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type_into (dialog, "year", "2023");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  g_assert_nonnull (dialog);   /* the result is required */
  g_assert_nonnull (zc_field_row_get_error (zc_form_view_get_row (zc_entry_dialog_get_form_view (dialog), "result")));
  choose (dialog, "result", 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  g_assert_null (dialog);
  g_assert_cmpuint (n_entries (fixture), ==, 2);
  g_assert_cmpuint (zc_archive_page_get_count (fixture->page, "annual-assessments"), ==, 2);
  g_assert_cmpint (zc_entry_object_get_review_state (zc_archive_page_get_selected (fixture->page)), ==,
                   ZC_REVIEW_STATE_PENDING);

  /* in the database: both pending, dirty, each with its outbox row */
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM records WHERE state = 'pending' AND dirty = 1 AND"
                              " json_extract (body, '$.title') = '基于深度学习的负荷预测' AND"
                              " json_extract (body, '$.own_words') = 6 AND"
                              " json_extract (body, '$.published_on') = '2021-05-01'"), ==, 1);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM records WHERE kind = 'archive:annual-assessments' AND"
                              " state = 'pending' AND json_extract (body, '$.year') = 2023"), ==, 1);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM records r JOIN outbox o ON o.record_id = r.id"
                              " WHERE r.dirty = 1 AND o.name = 'record.put'"), ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT max(mutation_id) FROM outbox"), ==, 3);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 3);

  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "archive-page-zh.png");
}

static void
test_filter_and_search (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *stack;

  zc_archive_page_select_category (fixture->page, "papers");
  zc_archive_page_set_status_filter (fixture->page, ZC_REVIEW_STATE_APPROVED);
  g_assert_cmpuint (n_entries (fixture), ==, 1);
  {
    g_autoptr(ZcEntryObject) entry = entry_at (fixture, 0);
    g_assert_cmpstr (zc_entry_object_get_id (entry), ==, fixture->approved_id);
  }
  zc_archive_page_set_status_filter (fixture->page, -1);
  g_assert_cmpuint (n_entries (fixture), ==, 3);

  /* search: any field, labels of codes included, every word */
  zc_archive_page_set_search (fixture->page, "电力");
  g_assert_cmpuint (n_entries (fixture), ==, 2);
  zc_archive_page_set_search (fixture->page, "电力 巡检");
  g_assert_cmpuint (n_entries (fixture), ==, 1);
  zc_archive_page_set_search (fixture->page, "没有这样的论文");
  g_assert_cmpuint (n_entries (fixture), ==, 0);
  stack = gtk_widget_get_ancestor (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page),
                                                          _("No Matching Entries")), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "no-match");

  /* and a category of its own starts unfiltered */
  zc_archive_page_select_category (fixture->page, "annual-assessments");
  g_assert_cmpuint (n_entries (fixture), ==, 1);
  zc_archive_page_select_category (fixture->page, "education");
  g_assert_cmpuint (n_entries (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

static void
test_returned_and_rejected (Fixture       *fixture,
                            gconstpointer  data)
{
  ZcEntryDialog *dialog;
  GtkWidget *list;

  zc_archive_page_select_category (fixture->page, "papers");

  /* Enter (or a double click) on the returned entry: the comment shows */
  g_assert_true (zc_archive_page_select_entry (fixture->page, fixture->returned_id));
  list = gtk_widget_get_ancestor (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page), "变电站巡检机器人应用"),
                                  GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", 0);
  dialog = zc_ui_test_find_toplevel (ZC_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_false (zc_entry_dialog_get_read_only (dialog));
  g_assert_nonnull (strstr (zc_entry_dialog_get_note (dialog), "请补充期刊封面和目录的扫描件"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_input (dialog, "journal"))), ==, "电力系统自动化");
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "entry-dialog-returned-zh.png");
  type_into (dialog, "volume_pages", "2020年第6期 第12-18页");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  g_assert_null (dialog);
  /* editing a returned entry sends it back to pending */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records WHERE state = 'pending' AND"
                                             " json_extract (body, '$.volume_pages') IS NOT NULL"), ==, 1);

  /* the rejected one opens read-only, with the reason, and cannot be saved */
  g_assert_true (zc_archive_page_select_entry (fixture->page, fixture->rejected_id));
  dialog = zc_archive_page_open_selected (fixture->page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (zc_entry_dialog_get_read_only (dialog));
  g_assert_nonnull (strstr (zc_entry_dialog_get_note (dialog), "该期刊为非正规出版物"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (row_input (dialog, "title"))));
  g_assert_false (zc_entry_dialog_save (dialog));
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "entry-dialog-rejected-zh.png");
  /* closing asks nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_null (dialog);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records WHERE state = 'rejected'"), ==, 1);
}

/* Opening an approved entry and saving it unchanged does not send it
 * back for review. */
static void
test_unchanged_save (Fixture       *fixture,
                     gconstpointer  data)
{
  ZcEntryDialog *dialog;
  guint outbox = zc_local_store_get_outbox_count (fixture->store);

  zc_archive_page_select_category (fixture->page, "papers");
  g_assert_true (zc_archive_page_select_entry (fixture->page, fixture->approved_id));
  dialog = zc_archive_page_open_selected (fixture->page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_nonnull (zc_entry_dialog_get_note (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  g_assert_null (dialog);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, outbox);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records WHERE state = 'approved'"), ==, 1);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  AdwMessageDialog *question;
  GtkWidget *delete_button;

  zc_archive_page_select_category (fixture->page, "papers");
  delete_button = find_button_for_action (GTK_WIDGET (fixture->page), "archive.delete");
  g_assert_nonnull (delete_button);

  /* approved and rejected entries stay */
  g_assert_true (zc_archive_page_select_entry (fixture->page, fixture->approved_id));
  g_assert_false (gtk_widget_get_sensitive (delete_button));
  g_assert_null (zc_archive_page_delete_selected (fixture->page));
  g_assert_true (zc_archive_page_select_entry (fixture->page, fixture->rejected_id));
  g_assert_false (gtk_widget_get_sensitive (delete_button));

  /* a returned one may go, after a question */
  g_assert_true (zc_archive_page_select_entry (fixture->page, fixture->returned_id));
  g_assert_true (gtk_widget_get_sensitive (delete_button));
  g_signal_emit_by_name (delete_button, "clicked");
  question = zc_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_true (zc_archive_page_delete_selected (fixture->page) == question);   /* asked once */
  adw_message_dialog_response (question, "cancel");
  g_assert_cmpuint (n_entries (fixture), ==, 3);

  question = zc_archive_page_delete_selected (fixture->page);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "delete");
  g_assert_cmpuint (n_entries (fixture), ==, 2);
  g_assert_cmpuint (zc_archive_page_get_count (fixture->page, "papers"), ==, 2);
  g_assert_cmpint (query_int (fixture->path, "SELECT deleted FROM records WHERE state = 'returned'"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM outbox WHERE name = 'record.delete'"), ==, 1);
}

static void
test_discard_asks (Fixture       *fixture,
                   gconstpointer  data)
{
  ZcEntryDialog *dialog;
  AdwMessageDialog *question;

  zc_archive_page_select_category (fixture->page, "papers");

  /* untouched: closes at once */
  dialog = zc_archive_page_new_entry (fixture->page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_null (dialog);

  /* typed into: asks first */
  dialog = zc_archive_page_new_entry (fixture->page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type_into (dialog, "title", "还没写完");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_nonnull (dialog);
  question = zc_entry_dialog_get_discard_dialog (dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "keep");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_input (dialog, "title"))), ==, "还没写完");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  adw_message_dialog_response (zc_entry_dialog_get_discard_dialog (dialog), "discard");
  g_assert_null (dialog);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records WHERE kind = 'archive:papers'"), ==, 3);
}

/* What the page does with Tab in a list (tests cannot send keys). */
static gboolean
press_tab_in_list (GtkWidget *focus)
{
  GtkWidget *list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW);
  g_autoptr(GListModel) controllers = NULL;

  if (list == NULL)
    list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX);
  if (list == NULL)
    return FALSE;

  controllers = gtk_widget_observe_controllers (list);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
          return handled;
        }
    }
  return FALSE;
}

/* Tab reaches every part of the page, in order, and leaves a list in
 * one step without changing what is selected. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  const char *actions[] = { "archive.new", "archive.edit", "archive.delete" };
  gboolean reached[G_N_ELEMENTS (actions)] = { FALSE };
  gboolean reached_search = FALSE, reached_filter = FALSE, reached_list = FALSE, reached_sidebar = FALSE;

  zc_archive_page_select_category (fixture->page, "papers");
  zc_archive_page_select_entry (fixture->page, fixture->returned_id);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->page));

  for (guint i = 0; i < 30; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

      if (focus == NULL || !press_tab_in_list (focus))
        gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_cmpstr (zc_archive_page_get_category (fixture->page), ==, "papers");
      if (focus == NULL)
        continue;
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        if (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), actions[a]) == 0)
          reached[a] = TRUE;
      reached_search |= gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
      reached_filter |= gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN) != NULL;
      reached_list |= gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) != NULL;
      reached_sidebar |= gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX) != NULL;
    }
  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    g_assert_true (reached[a]);
  g_assert_true (reached_search);
  g_assert_true (reached_filter);
  g_assert_true (reached_list);
  g_assert_true (reached_sidebar);

  /* Ctrl+F's action puts the keyboard in the search */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "archive.search", NULL));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_TYPE_SEARCH_ENTRY));
}

/* A small window: the sidebar folds away, the list and the form fit. */
static void
test_small_window (Fixture       *fixture,
                   gconstpointer  data)
{
  ZcEntryDialog *dialog;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  zc_ui_test_wait_ms (600);
  zc_archive_page_select_category (fixture->page, "papers");
  g_assert_true (zc_archive_page_select_entry (fixture->page, fixture->returned_id));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "archive-page-zh-small.png");

  dialog = zc_archive_page_new_entry (fixture->page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 480);
  type_into (dialog, "title", "一篇题目很长很长的论文，用来检查窄窗口里的文字是否会被截断或重叠");
  type_into (dialog, "issn", "1234-5678");
  g_assert_false (zc_entry_dialog_save (dialog));
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "entry-dialog-error-zh-small.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/archive-page/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/archive-page/seeded-store", test_seeded_store);
  ADD ("/ui/archive-page/add-in-two-categories", test_add_in_two_categories);
  ADD ("/ui/archive-page/filter-and-search", test_filter_and_search);
  ADD ("/ui/archive-page/returned-and-rejected", test_returned_and_rejected);
  ADD ("/ui/archive-page/unchanged-save", test_unchanged_save);
  ADD ("/ui/archive-page/delete", test_delete);
  ADD ("/ui/archive-page/discard-asks", test_discard_asks);
  ADD ("/ui/archive-page/keyboard", test_keyboard);
  ADD ("/ui/archive-page/small-window", test_small_window);
#undef ADD

  return g_test_run ();
}
