/* test-review-desk.c: the unit officer's review desk against the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "zc-i18n.h"
#include "zc-local-store-review.h"
#include "zc-pdf-view.h"
#include "zc-review-desk.h"
#include "zc-session.h"
#include "zc-sync-engine.h"
#include "zc-test-server.h"
#include "zc-test-client.h"
#include "zc-ui-test.h"

#define KIND "archive:annual-assessments"
#define MARK "审核台测试单位"

typedef ZcTestClient Client;

/* A one-page PDF, as an applicant's scanned certificate. */
static GFile *
write_pdf (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "考核表.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.3, 0.6);
  cairo_rectangle (cr, 60, 60, 475, 120);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 60, 240);
  cairo_set_font_size (cr, 28);
  cairo_show_text (cr, "Annual assessment 2003");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static ZcRecord *
create_entry (Client *client,
              int     year,
              GFile  *attachment)
{
  g_autofree char *json = g_strdup_printf ("{\"year\": %d, \"result\": \"1\", \"assessed_by\": \"%s\","
                                           " \"notes\": \"第 %d 年度考核，单位盖章齐全。\"}", year, MARK, year);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  JsonObject *body = json_node_get_object (node);
  g_autoptr(GError) error = NULL;
  ZcRecord *record;

  if (attachment != NULL)
    {
      const char *accept[] = { "application/pdf", NULL };
      JsonObject *file = zc_local_store_add_attachment (client->store, attachment, accept, 10485760, &error);
      JsonArray *files = json_array_new ();

      g_assert_no_error (error);
      json_array_add_object_element (files, file);
      json_object_set_array_member (body, "attachments", files);
    }
  record = zc_local_store_create_entry (client->store, KIND, body, &error);
  g_assert_no_error (error);
  return record;
}

static GtkWidget *
focus_of (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  g_assert_nonnull (focus);
  return focus;
}

static void
settle (void)
{
  zc_ui_test_wait_ms (150);
}

/* The desk reads the queue again in an idle after the store changed
 * (a sync's pull): the entry is listed once that ran. */
static void
select_when_listed (ZcReviewDesk *desk,
                    const char   *id)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!zc_review_desk_select_entry (desk, id))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      zc_ui_test_wait_ms (20);
    }
}

static const ZcReviewRow *
row_of (ZcReviewDesk *desk,
        const char   *id)
{
  guint position;

  if (!zc_review_queue_model_find (zc_review_desk_get_model (desk), id, &position))
    return NULL;
  return zc_review_queue_model_get_row (zc_review_desk_get_model (desk), position);
}

static ZcRecord *
local_record (Client     *client,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  ZcRecord *record = zc_local_store_get_record (client->store, id, &error);

  g_assert_no_error (error);
  return record;
}

static void
wait_for_names (ZcReviewDesk *desk,
                const char   *id)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (row_of (desk, id) == NULL || row_of (desk, id)->owner_name == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The whole round: five pending entries of one applicant; three
 * approved at once from the keyboard, one returned with a phrase and a
 * typed reason; the applicant sees it all; a decision made offline goes
 * later; a decision on an entry the applicant changed is refused. */
static void
test_review_round (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-review-server-XXXXXX", &error);
  const char *args[] = { "--demo", "--listen", NULL, NULL };
  g_autofree char *listen = NULL;
  ZcTestServer *server;
  Client *applicant, *officer;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) pdf = NULL;
  GtkWidget *window;
  ZcReviewDesk *desk;
  ZcReviewFilter filter;
  AdwMessageDialog *dialog;
  ZcCommentEditor *editor;
  g_autofree char *typed_phrase = NULL;
  guint16 port;

  /* a fixed port, so that the server can come back at the same address */
  {
    g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) bound = NULL;

    g_assert_true (g_socket_bind (socket, address, TRUE, &error));
    bound = g_socket_get_local_address (socket, &error);
    port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  }
  listen = g_strdup_printf ("127.0.0.1:%u", port);
  args[2] = listen;
  server = zc_test_server_start_in (data_dir, args);

  /* the applicant's five entries, the first with a scanned PDF */
  applicant = zc_test_client_new (server->url, ZC_TEST_DEMO_APPLICANT, TRUE);
  zc_test_client_sync_ok (applicant);
  pdf = write_pdf (applicant->dir);
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(ZcRecord) record = create_entry (applicant, 2001 + i, i == 0 ? pdf : NULL);
      g_ptr_array_add (ids, g_strdup (zc_record_get_id (record)));
    }
  zc_test_client_sync_ok (applicant);
  g_assert_cmpuint (zc_local_store_get_outbox_count (applicant->store), ==, 0);

  /* the officer's copy */
  officer = zc_test_client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER, TRUE);
  zc_test_client_sync_ok (officer);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = ZC_REVIEW_DESK (zc_review_desk_new (officer->store));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (desk));
  zc_review_desk_set_session (desk, officer->session);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  zc_review_filter_init (&filter);
  filter.state = ZC_REVIEW_STATE_PENDING;
  filter.search = MARK;
  zc_review_desk_set_filter (desk, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zc_review_desk_get_model (desk))), ==, 5);
  wait_for_names (desk, ids->pdata[0]);
  g_assert_cmpstr (row_of (desk, ids->pdata[0])->owner_id, ==, zc_session_get_account_id (applicant->session));
  g_assert_cmpstr (row_of (desk, ids->pdata[0])->owner_name, ==, zc_session_get_account_name (applicant->session));
  /* the lazily made items: not every row has one */
  g_assert_cmpuint (zc_review_queue_model_get_n_materialized (zc_review_desk_get_model (desk)), <=, 5);

  /* the first entry: its fields and its PDF side by side */
  g_assert_true (zc_review_desk_select_entry (desk, ids->pdata[0]));
  settle ();
  g_assert_nonnull (zc_review_detail_get_form_view (zc_review_desk_get_detail (desk)));
  g_assert_false (zc_form_view_get_editable (zc_review_detail_get_form_view (zc_review_desk_get_detail (desk))));
  g_assert_cmpuint (zc_review_detail_get_n_attachments (zc_review_desk_get_detail (desk)), ==, 1);
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    /* the officer's sync downloads the file */
    while (!ZC_IS_PDF_VIEW (zc_review_detail_get_preview (zc_review_desk_get_detail (desk))))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        zc_review_desk_select_entry (desk, ids->pdata[1]);
        zc_review_desk_select_entry (desk, ids->pdata[0]);
        settle ();
      }
  }
  /* the list shows who and what */
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (desk), zc_session_get_account_name (applicant->session)));
  g_assert_cmpstr (zc_review_item_get_summary (zc_review_detail_get_item (zc_review_desk_get_detail (desk))), !=, "");
  zc_ui_test_save_screenshot (window, "review-desk-zh.png");

  /* the list's order (entries sent together have one time: by id) */
  g_ptr_array_set_size (ids, 0);
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (ids, g_strdup (zc_review_queue_model_get_row (zc_review_desk_get_model (desk), i)->id));

  /* three at once: Shift+Down twice from the first, then Ctrl+Enter */
  g_assert_true (zc_review_desk_select_entry (desk, ids->pdata[0]));
  settle ();
  g_assert_nonnull (gtk_widget_get_ancestor (focus_of (window), GTK_TYPE_COLUMN_VIEW));
  g_assert_true (zc_ui_test_press_keys (focus_of (window), "<Shift>Down"));
  g_assert_true (zc_ui_test_press_keys (focus_of (window), "<Shift>Down"));
  settle ();
  g_assert_cmpuint (zc_review_desk_get_n_selected (desk), ==, 3);
  zc_ui_test_save_screenshot (window, "review-desk-three-selected-zh.png");
  g_assert_true (zc_ui_test_press_keys (focus_of (window), "<Control>Return"));
  settle ();
  g_assert_cmpuint (zc_local_store_review_count_awaiting (officer->store), ==, 3);
  /* decided entries leave the pending list; the next one is selected */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (zc_review_desk_get_model (desk))), ==, 2);
  {
    g_auto(GStrv) selected = zc_review_desk_get_selected_ids (desk);

    g_assert_cmpuint (g_strv_length (selected), ==, 1);
    g_assert_cmpstr (selected[0], ==, ids->pdata[3]);
  }

  /* the fourth back to the applicant: a phrase (Alt+1) and typed text */
  g_assert_true (zc_ui_test_press_keys (focus_of (window), "<Control>BackSpace"));
  dialog = zc_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  editor = zc_review_desk_get_comment_editor (desk);
  g_assert_nonnull (editor);
  g_assert_cmpuint (zc_comment_editor_get_n_phrases (editor), >=, 3);
  /* no reason, no button */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "decide"));
  gtk_widget_grab_focus (GTK_WIDGET (zc_comment_editor_get_text_view (editor)));
  g_assert_true (zc_ui_test_press_keys (GTK_WIDGET (zc_comment_editor_get_text_view (editor)), "<Alt>1"));
  typed_phrase = g_strdup (zc_comment_editor_get_phrase (editor, 0));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (zc_comment_editor_get_text_view (editor)),
                                    "请补充单位盖章页。", -1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "decide"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "review-desk-return-dialog-zh.png");
  g_assert_true (zc_ui_test_press_keys (GTK_WIDGET (zc_comment_editor_get_text_view (editor)), "<Control>Return"));
  settle ();
  g_assert_null (zc_review_desk_get_comment_editor (desk));
  g_assert_cmpuint (zc_local_store_review_count_awaiting (officer->store), ==, 4);

  /* to the server, and to the applicant */
  zc_test_client_sync_ok (officer);
  g_assert_cmpuint (zc_local_store_get_outbox_count (officer->store), ==, 0);
  zc_test_client_sync_ok (applicant);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ZcRecord) record = local_record (applicant, ids->pdata[i]);
      g_assert_cmpstr (zc_record_get_state (record), ==, "approved");
    }
  {
    g_autoptr(ZcRecord) returned = local_record (applicant, ids->pdata[3]);
    g_autoptr(ZcRecord) waiting = local_record (applicant, ids->pdata[4]);

    g_assert_cmpstr (zc_record_get_state (returned), ==, "returned");
    g_assert_nonnull (strstr (zc_record_get_review_comment (returned), typed_phrase));
    g_assert_nonnull (strstr (zc_record_get_review_comment (returned), "请补充单位盖章页。"));
    g_assert_cmpstr (zc_record_get_state (waiting), ==, "pending");
  }

  /* offline: the server goes away, the officer approves the fifth */
  server->keep_data = TRUE;
  zc_test_server_stop (server);
  g_assert_true (zc_review_desk_select_entry (desk, ids->pdata[4]));
  settle ();
  g_assert_true (zc_ui_test_press_keys (focus_of (window), "<Control>Return"));
  g_assert_cmpuint (zc_local_store_review_count_awaiting (officer->store), ==, 1);
  g_assert_false (zc_test_client_sync (officer, &error));
  g_clear_error (&error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (officer->store), ==, 1);
  server = zc_test_server_start_in (data_dir, args);
  zc_test_client_sync_ok (officer);
  g_assert_cmpuint (zc_local_store_get_outbox_count (officer->store), ==, 0);
  zc_test_client_sync_ok (applicant);
  {
    g_autoptr(ZcRecord) record = local_record (applicant, ids->pdata[4]);
    g_assert_cmpstr (zc_record_get_state (record), ==, "approved");
  }

  /* stale: the applicant changes an entry after the officer's last pull */
  {
    g_autoptr(ZcRecord) fresh = create_entry (applicant, 2006, NULL);
    g_autoptr(ZcRecord) edited = NULL;
    g_autoptr(GPtrArray) rejections = NULL;
    g_autofree char *json = g_strdup_printf ("{\"year\": 2006, \"result\": \"2\", \"assessed_by\": \"%s\"}", MARK);
    g_autoptr(JsonNode) node = json_from_string (json, NULL);
    const char *id = zc_record_get_id (fresh);

    zc_test_client_sync_ok (applicant);
    zc_test_client_sync_ok (officer);
    select_when_listed (desk, id);
    settle ();

    edited = zc_local_store_update_entry (applicant->store, id, json_node_get_object (node), &error);
    g_assert_no_error (error);
    zc_test_client_sync_ok (applicant);

    /* the officer decides on what they saw: queued, then refused */
    g_assert_true (zc_ui_test_press_keys (focus_of (window), "<Control>Return"));
    zc_test_client_sync_ok (officer);
    rejections = zc_local_store_list_rejections (officer->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rejections->len, ==, 1);
    g_assert_cmpstr (((ZcLocalRejection *) rejections->pdata[0])->code, ==, "STATE_CHANGED");
    g_assert_cmpstr (((ZcLocalRejection *) rejections->pdata[0])->mutation->record_id, ==, id);
    g_assert_true (strlen (((ZcLocalRejection *) rejections->pdata[0])->message) > 0);

    /* the entry is pending again (with the applicant's change), marked */
    zc_review_queue_model_reload (zc_review_desk_get_model (desk), NULL);
    g_assert_nonnull (row_of (desk, id));
    g_assert_cmpint (row_of (desk, id)->state, ==, ZC_REVIEW_STATE_PENDING);
    g_assert_cmpuint (row_of (desk, id)->flags, ==, ZC_REVIEW_ROW_REFUSED);
    {
      g_autoptr(ZcRecord) on_applicant = local_record (applicant, id);

      g_assert_cmpint (row_of (desk, id)->version, ==, zc_record_get_version (on_applicant));
      g_assert_cmpstr (zc_record_get_state (on_applicant), ==, "pending");
    }
  }

  /* the smaller window */
  zc_review_filter_init (&filter);
  filter.state = -1;
  filter.search = MARK;
  zc_review_desk_set_filter (desk, &filter);
  zc_review_desk_select_entry (desk, ids->pdata[3]);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_test_widget_wait_for_draw (window);
  settle ();
  zc_ui_test_save_screenshot (window, "review-desk-zh-small.png");

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
  zc_test_client_free (applicant);
  zc_test_server_stop (server);
  zc_ui_test_remove_tree (data_dir);
}

/* Phrases: the built-in ones, one's own kept in GSettings. */
static void
test_phrases (void)
{
  g_autoptr(GSettings) settings = zc_comment_phrases_settings_new ();
  g_auto(GStrv) defaults = zc_comment_phrases_load (NULL);
  g_auto(GStrv) loaded = NULL;
  g_autofree char *joined = NULL;
  GtkWidget *editor;

  g_assert_nonnull (settings);
  g_assert_cmpuint (g_strv_length (defaults), >=, 3);
  loaded = zc_comment_phrases_load (settings);
  g_assert_cmpstrv (loaded, defaults);

  g_assert_false (zc_comment_phrases_add (settings, "  \n"));
  g_assert_false (zc_comment_phrases_add (NULL, "请补充"));
  g_assert_true (zc_comment_phrases_add (settings, "  请补充继续教育证书。 "));
  g_clear_pointer (&loaded, g_strfreev);
  loaded = zc_comment_phrases_load (settings);
  g_assert_cmpuint (g_strv_length (loaded), ==, g_strv_length (defaults) + 1);
  g_assert_cmpstr (loaded[g_strv_length (defaults)], ==, "请补充继续教育证书。");
  /* once only */
  g_assert_true (zc_comment_phrases_add (settings, "请补充继续教育证书。"));
  g_clear_pointer (&loaded, g_strfreev);
  loaded = zc_comment_phrases_load (settings);
  g_assert_cmpuint (g_strv_length (loaded), ==, g_strv_length (defaults) + 1);

  g_assert_true (zc_comment_phrases_remove (settings, "请补充继续教育证书。"));
  g_assert_false (zc_comment_phrases_remove (settings, "没有这句"));

  /* joining */
  joined = zc_comment_phrases_insert ("", "甲");
  g_assert_cmpstr (joined, ==, "甲");
  g_free (joined);
  joined = zc_comment_phrases_insert ("乙。", "甲");
  g_assert_cmpstr (joined, ==, "乙。甲");
  g_free (joined);
  joined = zc_comment_phrases_insert ("乙", "甲");
  g_assert_cmpstr (joined, ==, "乙\n甲");

  /* the editor: a click or Alt+n inserts; its own phrase is kept */
  editor = g_object_ref_sink (zc_comment_editor_new (settings));
  g_assert_false (zc_comment_editor_insert_phrase (ZC_COMMENT_EDITOR (editor), 99));
  g_assert_true (zc_comment_editor_insert_phrase (ZC_COMMENT_EDITOR (editor), 1));
  {
    g_autofree char *text = zc_comment_editor_get_text (ZC_COMMENT_EDITOR (editor));
    g_assert_cmpstr (text, ==, zc_comment_editor_get_phrase (ZC_COMMENT_EDITOR (editor), 1));
  }
  zc_comment_editor_set_text (ZC_COMMENT_EDITOR (editor), "论文检索证明需加盖检索机构公章。");
  g_assert_true (zc_comment_editor_save_phrase (ZC_COMMENT_EDITOR (editor)));
  g_assert_cmpuint (zc_comment_editor_get_n_phrases (ZC_COMMENT_EDITOR (editor)), ==, g_strv_length (defaults) + 1);
  g_object_unref (editor);
  g_settings_reset (settings, ZC_COMMENT_PHRASES_KEY);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/review-desk/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/ui/review-desk/phrases", test_phrases);
  g_test_add_func ("/ui/review-desk/review-round", test_review_round);

  return g_test_run ();
}
