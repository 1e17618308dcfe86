/* test-home-page.c: the home page on a seeded local store, and the
 * shortcuts window
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "zc-archive-page.h"
#include "zc-entry-dialog.h"
#include "zc-home-page.h"
#include "zc-i18n.h"
#include "zc-local-store-home.h"
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
  ZcHomePage      *page;
  AdwViewStack    *stack;
  char            *approved_id;
  char            *returned_id;
  char            *rejected_id;
  char            *pending_id;
} Fixture;


#define OWNER     "a1000000-0000-4000-8000-0000000000ff"
#define MESSAGE_1 "a1000000-0000-4000-8000-000000000001"
#define MESSAGE_2 "a1000000-0000-4000-8000-000000000002"
#define MESSAGE_3 "a1000000-0000-4000-8000-000000000003"

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

/* What the sync engine writes: run on the file, as it would. */
static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gpointer
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
open_window (Fixture *fixture)
{
  fixture->monitor = zc_server_monitor_new ("http://127.0.0.1:9");
  fixture->window = zc_window_new (NULL, fixture->monitor, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = find_type (GTK_WIDGET (fixture->window), ZC_TYPE_HOME_PAGE);
  g_assert_nonnull (fixture->page);
  fixture->stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (fixture->stack, "home");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  zc_ui_test_wait_ms (100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) pending = zc_ui_test_parse_object ("{\"year\": 2022, \"result\": \"1\", \"assessed_by\": \"国网四川省电力公司\"}");
  g_autoptr(ZcRecord) created = NULL;
  g_autofree char *sql = NULL;
  gint64 now = g_get_real_time ();

  fixture->dir = g_dir_make_tmp ("zc-home-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);

  if (data != NULL)   /* an empty store */
    {
      open_window (fixture);
      return;
    }

  fixture->approved_id = seed (fixture->store, "archive:papers", "approved", NULL,
                               "{\"title\": \"配电网自动化改造的实践\", \"published_on\": \"2019-03-01\", \"paper_type\": \"1\","
                               " \"journal\": \"中国电力\", \"author_rank\": \"1\", \"own_words\": 8}");
  fixture->returned_id = seed (fixture->store, "archive:papers", "returned", "请补充期刊封面和目录的扫描件",
                               "{\"title\": \"变电站巡检机器人应用\", \"published_on\": \"2020-06-01\", \"paper_type\": \"1\","
                               " \"journal\": \"电力系统自动化\", \"author_rank\": \"2\", \"own_words\": 5}");
  fixture->rejected_id = seed (fixture->store, "archive:papers", "rejected", "该期刊为非正规出版物",
                               "{\"title\": \"某增刊论文\", \"published_on\": \"2018-01-01\", \"paper_type\": \"1\","
                               " \"journal\": \"某增刊\", \"author_rank\": \"1\", \"own_words\": 3}");
  g_free (seed (fixture->store, "archive:education", "unreviewed", NULL,
                "{\"school\": \"四川大学\", \"started_on\": \"2003-09-01\", \"graduated_on\": \"2007-07-01\"}"));
  created = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", pending, &error);
  g_assert_no_error (error);
  fixture->pending_id = g_strdup (zc_record_get_id (created));

  /* what sync left: a refused change, a conflict, two messages */
  sql = g_strdup_printf ("INSERT INTO rejections (mutation_id, record_id, code, message, created_at)"
                         " VALUES (1, '%s', 'invalid', '考核年度不能晚于今年', %" G_GINT64_FORMAT ");"
                         "INSERT INTO conflicts (record_id, field, client_value, server_value, mutation_id, created_at)"
                         " VALUES ('%s', 'journal', '\"中国电力\"', '\"中国电机工程学报\"', 2, %" G_GINT64_FORMAT ");"
                         /* messages come by pull, as records of kind "message" */
                         "INSERT INTO records (id, kind, owner_id, server_version, body, state, created_at, updated_at)"
                         " VALUES ('" MESSAGE_1 "', 'message', '" OWNER "', 1, json_object ('action', 'archive.return',"
                         "  'title', '论文条目已退回', 'text', '请补充期刊封面', 'record_id', '%s'), 'unread', %"
                         G_GINT64_FORMAT ", %" G_GINT64_FORMAT "),"
                         " ('" MESSAGE_2 "', 'message', '" OWNER "', 1, json_object ('action', 'notice',"
                         "  'title', '2026年度评审计划已发布', 'text', ''), 'read', %" G_GINT64_FORMAT ", %"
                         G_GINT64_FORMAT ");",
                         fixture->pending_id, now, fixture->approved_id, now - 1000,
                         fixture->returned_id, now, now, now - (gint64) G_USEC_PER_SEC * 3600,
                         now - (gint64) G_USEC_PER_SEC * 3600);
  exec_sql (fixture->path, sql);

  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog = zc_ui_test_find_toplevel (ZC_TYPE_ENTRY_DIALOG);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
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

/* Counts by status across categories; what needs attention, in order. */
static void
test_seeded (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkListBox *list = zc_home_page_get_attention_list (fixture->page);

  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpuint (zc_home_page_get_count (fixture->page, ZC_REVIEW_STATE_PENDING), ==, 1);
  g_assert_cmpuint (zc_home_page_get_count (fixture->page, ZC_REVIEW_STATE_UNREVIEWED), ==, 1);
  g_assert_cmpuint (zc_home_page_get_count (fixture->page, ZC_REVIEW_STATE_APPROVED), ==, 1);
  g_assert_cmpuint (zc_home_page_get_count (fixture->page, ZC_REVIEW_STATE_REJECTED), ==, 1);
  g_assert_cmpuint (zc_home_page_get_count (fixture->page, ZC_REVIEW_STATE_RETURNED), ==, 1);
  /* the status names, in Chinese */
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "待审核"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "未审核"));

  /* refused change, conflict, returned, rejected */
  g_assert_cmpuint (zc_home_page_get_n_attention (fixture->page), ==, 4);
  g_assert_cmpstr (zc_home_page_get_attention_record (fixture->page, 0), ==, fixture->pending_id);
  g_assert_cmpstr (zc_home_page_get_attention_record (fixture->page, 1), ==, fixture->approved_id);
  g_assert_cmpstr (zc_home_page_get_attention_record (fixture->page, 2), ==, fixture->returned_id);
  g_assert_cmpstr (zc_home_page_get_attention_record (fixture->page, 3), ==, fixture->rejected_id);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 3));
  g_assert_null (gtk_list_box_get_row_at_index (list, 4));
  /* with the officer's words and the titles */
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "退回意见：请补充期刊封面和目录的扫描件"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "不通过原因：该期刊为非正规出版物"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "考核年度不能晚于今年"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "变电站巡检机器人应用"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "撰写论文情况"));
  /* the conflict names the field by its label */
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "刊物名称"));
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, i)));

  /* messages, newest first, and the declarations that are not there yet */
  g_assert_cmpuint (zc_home_page_get_n_messages (fixture->page), ==, 2);
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "论文条目已退回"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, "2026年度评审计划已发布"));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, _("No declarations yet")));

  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "home-page-zh.png");
}

/* Activating an item opens its entry in the archive. */
static void
test_open_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkListBox *list = zc_home_page_get_attention_list (fixture->page);
  ZcArchivePage *archive = zc_window_get_archive_page (fixture->window);
  ZcEntryDialog *dialog;

  /* a filter left on in the archive must not hide it */
  zc_archive_page_select_category (archive, "papers");
  zc_archive_page_set_search (archive, "没有这个");

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 2));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->stack), ==, "archive");
  g_assert_cmpstr (zc_archive_page_get_category (archive), ==, "papers");
  g_assert_cmpstr (zc_entry_object_get_id (zc_archive_page_get_selected (archive)), ==, fixture->returned_id);
  dialog = zc_ui_test_find_toplevel (ZC_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the refused change is an entry of another category */
  adw_view_stack_set_visible_child_name (fixture->stack, "home");
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->stack), ==, "archive");
  g_assert_cmpstr (zc_archive_page_get_category (archive), ==, "annual-assessments");
  g_assert_cmpstr (zc_entry_object_get_id (zc_archive_page_get_selected (archive)), ==, fixture->pending_id);
  dialog = zc_ui_test_find_toplevel (ZC_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a message about an entry opens it too */
  adw_view_stack_set_visible_child_name (fixture->stack, "home");
  g_signal_emit_by_name (zc_home_page_get_messages_list (fixture->page), "row-activated",
                         gtk_list_box_get_row_at_index (zc_home_page_get_messages_list (fixture->page), 0));
  g_assert_cmpstr (zc_entry_object_get_id (zc_archive_page_get_selected (archive)), ==, fixture->returned_id);
  dialog = zc_ui_test_find_toplevel (ZC_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* and it is read now: here at once, on the server after the next sync */
  {
    g_autoptr(GPtrArray) messages = NULL;
    g_autoptr(GPtrArray) outbox = NULL;
    g_autoptr(GError) error = NULL;
    guint unread = 99;
    ZcMutation *last;

    messages = zc_local_store_list_recent_messages (fixture->store, 10, &unread, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (unread, ==, 0);
    g_assert_true (((ZcStoredMessage *) g_ptr_array_index (messages, 0))->read);
    outbox = zc_local_store_list_outbox (fixture->store, &error);
    g_assert_no_error (error);
    last = g_ptr_array_index (outbox, outbox->len - 1);
    g_assert_cmpstr (last->name, ==, "message.read");
    g_assert_cmpstr (last->record_id, ==, MESSAGE_1);
    /* reading it twice queues nothing more */
    g_assert_true (zc_local_store_mark_message_read (fixture->store, MESSAGE_1, &error));
    g_assert_no_error (error);
    g_clear_pointer (&outbox, g_ptr_array_unref);
    outbox = zc_local_store_list_outbox (fixture->store, &error);
    g_assert_cmpstr (((ZcMutation *) g_ptr_array_index (outbox, outbox->len - 1))->name, ==, "message.read");
    g_assert_false (zc_local_store_mark_message_read (fixture->store, fixture->returned_id, &error));
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  }

  /* what cannot be opened is refused, and nothing moves */
  adw_view_stack_set_visible_child_name (fixture->stack, "home");
  g_assert_false (zc_home_page_open_record (fixture->page, "00000000-0000-4000-8000-000000000000"));
  g_assert_false (zc_home_page_open_record (fixture->page, "not a uuid"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->stack), ==, "home");
}

/* The page follows the store. */
static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonObject) body = zc_ui_test_parse_object ("{\"year\": 2023, \"result\": \"1\", \"assessed_by\": \"国网四川省电力公司\"}");
  g_autoptr(JsonObject) fixed = zc_ui_test_parse_object ("{\"title\": \"变电站巡检机器人应用\", \"published_on\": \"2020-06-01\","
                                              " \"paper_type\": \"1\", \"journal\": \"电力系统自动化\","
                                              " \"author_rank\": \"2\", \"own_words\": 6}");
  g_autoptr(ZcRecord) created = NULL;
  g_autoptr(ZcRecord) updated = NULL;
  g_autoptr(GError) error = NULL;

  created = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", body, &error);
  g_assert_no_error (error);
  zc_ui_test_wait_ms (50);
  g_assert_cmpuint (zc_home_page_get_count (fixture->page, ZC_REVIEW_STATE_PENDING), ==, 2);

  /* the returned entry, completed, goes back to pending and off the list */
  updated = zc_local_store_update_entry (fixture->store, fixture->returned_id, fixed, &error);
  g_assert_no_error (error);
  zc_ui_test_wait_ms (50);
  g_assert_cmpuint (zc_home_page_get_count (fixture->page, ZC_REVIEW_STATE_RETURNED), ==, 0);
  g_assert_cmpuint (zc_home_page_get_count (fixture->page, ZC_REVIEW_STATE_PENDING), ==, 3);
  g_assert_cmpuint (zc_home_page_get_n_attention (fixture->page), ==, 3);

  /* rows sync wrote behind its back show on refresh */
  exec_sql (fixture->path, "INSERT INTO records (id, kind, owner_id, server_version, body, state, created_at,"
                           " updated_at) VALUES ('" MESSAGE_3 "', 'message', '" OWNER "', 1,"
                           " json_object ('action', 'notice', 'title', '面试通知'), 'unread', 1, 1);"
                           "UPDATE rejections SET dismissed = 1; UPDATE conflicts SET resolved = 1;");
  zc_home_page_refresh (fixture->page);
  g_assert_cmpuint (zc_home_page_get_n_messages (fixture->page), ==, 3);
  g_assert_cmpuint (zc_home_page_get_n_attention (fixture->page), ==, 1);
  g_assert_cmpstr (zc_home_page_get_attention_record (fixture->page, 0), ==, fixture->rejected_id);
}

/* A new account: zeros, and the empty states say what will come. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  GtkListBox *list = zc_home_page_get_attention_list (fixture->page);
  guint counts[ZC_N_REVIEW_STATES] = { 9, 9, 9, 9, 9 };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  guint unread = 9;

  for (guint i = 0; i < ZC_N_REVIEW_STATES; i++)
    g_assert_cmpuint (zc_home_page_get_count (fixture->page, i), ==, 0);
  g_assert_cmpuint (zc_home_page_get_n_attention (fixture->page), ==, 0);
  g_assert_cmpuint (zc_home_page_get_n_messages (fixture->page), ==, 0);
  /* one row each, saying so, that opens nothing */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->stack), ==, "home");
  g_assert_nonnull (zc_ui_test_find_label_containing (page, _("Nothing needs your attention")));
  g_assert_nonnull (zc_ui_test_find_label_containing (page, _("No messages yet")));

  /* the store's reads, on the empty file */
  g_assert_true (zc_local_store_count_archive_states (fixture->store, counts, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < ZC_N_REVIEW_STATES; i++)
    g_assert_cmpuint (counts[i], ==, 0);
  items = zc_local_store_list_attention (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  messages = zc_local_store_list_recent_messages (fixture->store, 10, &unread, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 0);
  g_assert_cmpuint (unread, ==, 0);

  /* a sync rejection of a record the store does not have still shows */
  exec_sql (fixture->path, "INSERT INTO rejections (mutation_id, record_id, code, message, created_at)"
                           " VALUES (7, NULL, 'forbidden', '无权修改', 5)");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = zc_local_store_list_attention (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((ZcAttentionItem *) g_ptr_array_index (items, 0))->kind, ==, ZC_ATTENTION_SYNC_REJECTED);
  g_assert_null (((ZcAttentionItem *) g_ptr_array_index (items, 0))->record);
  g_assert_cmpstr (((ZcAttentionItem *) g_ptr_array_index (items, 0))->code, ==, "forbidden");
  zc_home_page_refresh (fixture->page);
  g_assert_cmpuint (zc_home_page_get_n_attention (fixture->page), ==, 1);
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 0)));
}

/* The store reads on their own: limits, unread counts, order. */
static void
test_store_reads (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  ZcStoredMessage *message;
  ZcAttentionItem *item;
  guint unread = 0;

  messages = zc_local_store_list_recent_messages (fixture->store, 1, &unread, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpuint (unread, ==, 1);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpstr (message->id, ==, MESSAGE_1);
  g_assert_cmpstr (message->record_id, ==, fixture->returned_id);
  g_assert_false (message->read);
  g_clear_pointer (&messages, g_ptr_array_unref);
  messages = zc_local_store_list_recent_messages (fixture->store, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 0);

  items = zc_local_store_list_attention (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->kind, ==, ZC_ATTENTION_CONFLICT);
  g_assert_cmpstr (item->detail, ==, "journal");
  g_assert_nonnull (item->record);
  item = g_ptr_array_index (items, 2);
  g_assert_cmpint (item->kind, ==, ZC_ATTENTION_RETURNED);
  g_assert_cmpstr (item->detail, ==, "请补充期刊封面和目录的扫描件");
  item = g_ptr_array_index (items, 3);
  g_assert_cmpint (item->kind, ==, ZC_ATTENTION_REJECTED);
}

/* Tab reaches every item and the archive button; Enter's signal opens. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkListBox *list = zc_home_page_get_attention_list (fixture->page);
  guint rows_reached = 0;
  gboolean reached_button = FALSE;
  GtkWidget *last = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->page));
  for (int i = 0; i < 60; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus == NULL || focus == last)
        continue;
      last = focus;
      if (GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (list))
        rows_reached++;
      if (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)),
                                             "home.open-archive") == 0)
        reached_button = TRUE;
    }
  g_assert_cmpuint (rows_reached, >=, 1);
  g_assert_true (reached_button);

  /* the archive button's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "home.open-archive", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->stack), ==, "archive");

  /* Enter on a row is its "activate" signal */
  adw_view_stack_set_visible_child_name (fixture->stack, "home");
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, 3), "activate");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->stack), ==, "archive");
  g_assert_cmpstr (zc_entry_object_get_id (zc_archive_page_get_selected (zc_window_get_archive_page (fixture->window))),
                   ==, fixture->rejected_id);
}

static void
test_small_window (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  zc_ui_test_wait_ms (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 400);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page), "变电站巡检机器人应用"));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "home-page-zh-small.png");
}

/* Every shortcut of the app is in the shortcuts window. */
static void
test_shortcuts_window (void)
{
  static const char *expected[] = {
    "<Control>q", "F5", "<Control>question F1",
    "<Control>n", "<Control>f", "Return", "Delete",
    "<Control>s <Control>Return", "Escape",
    "<Control>plus", "<Control>minus", "<Control>0", "Page_Up", "Page_Down", "F9", "<Control>p",
    "Left Right Up Down", "plus", "minus", "<Control>r", "<Control><Shift>r",
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APP_RESOURCE_PATH "/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *title = NULL;
        char *accel = NULL;
        guint keyval = 0;
        GdkModifierType mods = 0;

        g_object_get (l->data, "title", &title, "accelerator", &accel, NULL);
        g_assert_nonnull (title);
        g_assert_cmpstr (title, !=, "");
        /* every key named parses */
        {
          g_auto(GStrv) keys = g_strsplit (accel, " ", -1);

          for (guint i = 0; keys[i] != NULL; i++)
            g_assert_true (gtk_accelerator_parse (keys[i], &keyval, &mods) && keyval != 0);
        }
        g_ptr_array_add (accels, accel);
      }
  g_assert_cmpuint (accels->len, >=, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_ptr_array_find_with_equal_func (accels, expected[i], g_str_equal, NULL))
      g_error ("The shortcuts window lacks %s", expected[i]);

  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/home-page/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

#define ADD(path, func, data) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/home-page/seeded", test_seeded, NULL);
  ADD ("/ui/home-page/open-entry", test_open_entry, NULL);
  ADD ("/ui/home-page/refresh", test_refresh, NULL);
  ADD ("/ui/home-page/store-reads", test_store_reads, NULL);
  ADD ("/ui/home-page/empty", test_empty, "empty");
  ADD ("/ui/home-page/keyboard", test_keyboard, NULL);
  ADD ("/ui/home-page/small-window", test_small_window, NULL);
#undef ADD
  g_test_add_func ("/ui/home-page/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
