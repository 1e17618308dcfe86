/* test-declaration-desk.c: the reviewers' desk of declarations against
 * the real server: the unit officer, the department, the committee
 * (the rest of the chain, offline and several at once:
 * test-declaration-desk-chain.c)
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "zc-comment-phrases.h"
#include "zc-declaration-body.h"
#include "zc-declaration-desk.h"
#include "zc-declaration-desk-test.h"
#include "zc-i18n.h"
#include "zc-local-store-declaration-review.h"
#include "zc-ui-test.h"

typedef ZcTestClient Client;

static void
test_chain (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-declaration-desk-server-XXXXXX", &error);
  ZcTestServer *server = zc_desk_test_start_server (data_dir, 0, NULL);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *id = zc_desk_test_submit_declaration (server, applicant);
  g_autofree char *earliest_text = NULL;
  g_autofree char *too_early = NULL;
  g_autofree char *officer_token = NULL;
  GtkWidget *window = gtk_window_new ();
  Client *officer = zc_test_client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER, TRUE);
  ZcDeclarationDesk *desk;
  ZcDeclarationActionDialog *dialog;
  ZcDeskExpect expect;
  GDate earliest, today;
  int days;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = zc_desk_test_open_desk (window, officer);

  /* the unit officer's queue lists it; the form's pages and the timeline show */
  zc_desk_test_show (desk, id, "unit_review");
  g_assert_cmpint (zc_pdf_view_get_n_pages (zc_declaration_desk_get_pdf_view (desk)), >, 0);
  g_assert_cmpuint (zc_declaration_timeline_get_n_entries (zc_declaration_desk_get_timeline (desk)), >=, 1);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (desk), "张伟"));
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_RECOMMEND));
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_RETURN));
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_PASS));
  /* the search by name, on the rows loaded */
  zc_declaration_desk_set_search (desk, "没有这个人");
  g_assert_cmpuint (zc_declaration_desk_get_n_visible_rows (desk), ==, 0);
  zc_declaration_desk_set_search (desk, "张");
  g_assert_cmpuint (zc_declaration_desk_get_n_visible_rows (desk), >=, 1);
  zc_declaration_desk_set_search (desk, NULL);
  zc_ui_test_save_screenshot (window, "declaration-desk-unit-zh.png");

  /* stale: another officer of the unit returns it while this one looks */
  officer_token = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  zc_desk_test_act (server, officer_token, id, "return", "unit_review", "请补充论文检索证明。");
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_RECOMMEND);
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-stale-zh.png");
  g_assert_true (zc_declaration_action_dialog_apply (dialog));
  zc_desk_test_wait_until (zc_desk_test_dialog_gone, desk);
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, ZC_DECLARATION_REVIEW_AWAITING);
  /* the sync: refused as stale, and the return pulled */
  zc_test_client_sync_ok (officer);
  expect = (ZcDeskExpect) { desk, id, "returned" };
  zc_desk_test_wait_until (zc_desk_test_desk_shows, &expect);
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, ZC_DECLARATION_REVIEW_REFUSED);
  g_assert_cmpint (zc_declaration_desk_get_row_state (desk, id), ==, ZC_DECLARATION_STATE_RETURNED);
  {
    g_autofree char *text = zc_declaration_desk_get_row_sync_text (desk, id);

    g_assert_nonnull (text);
  }
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_RECOMMEND));

  /* submitted again; F5 brings it back */
  zc_desk_test_act (server, applicant, id, "resubmit", "returned", NULL);
  zc_test_client_sync_ok (officer);
  gtk_widget_grab_focus (GTK_WIDGET (zc_declaration_desk_get_list (desk)));
  g_assert_true (zc_ui_test_press_keys (gtk_root_get_focus (GTK_ROOT (window)), "F5"));
  zc_desk_test_show (desk, id, "unit_review");

  /* recommend: the comment is optional; sent from the keyboard */
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_RECOMMEND);
  g_assert_nonnull (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_COMMENT));
  g_assert_null (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_ENDS_ON));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "同意推荐。");
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-recommend-zh.png");
  zc_desk_test_send (officer, desk, dialog, id, "unit_recommended");

  /* the publicity: the earliest end by default, an earlier one refused here */
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_START_PUBLICITY);
  zc_declaration_action_dialog_get_earliest_end (dialog, &earliest);
  earliest_text = zc_desk_test_format_date (&earliest);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zc_declaration_action_dialog_get_field (dialog,
                                                                                                 ZC_ACTION_FIELD_ENDS_ON))),
                   ==, earliest_text);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (dialog), earliest_text));
  today = earliest;
  g_date_subtract_days (&today, 1);
  too_early = zc_desk_test_format_date (&today);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_ENDS_ON, too_early);
  g_assert_false (zc_declaration_action_dialog_apply (dialog));
  g_assert_nonnull (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_ENDS_ON));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_ENDS_ON, "2026-02-30");
  g_assert_false (zc_declaration_action_dialog_apply (dialog));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_ENDS_ON, earliest_text);
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-publicity-zh.png");
  zc_desk_test_send (officer, desk, dialog, id, "unit_publicity");
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_START_PUBLICITY));
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_END_PUBLICITY));

  /* offline: the list stays; the form needs a connection */
  server->keep_data = TRUE;
  zc_test_server_stop (server);
  zc_declaration_desk_refresh (desk);
  g_assert_true (zc_declaration_desk_has_row (desk, id));
  g_assert_true (zc_declaration_desk_select (desk, id));
  expect = (ZcDeskExpect) { desk, id, NULL };
  zc_desk_test_wait_until (zc_desk_test_desk_idle, &expect);
  while (zc_declaration_desk_is_detail_loading (desk))
    zc_ui_test_wait_ms (20);
  g_assert_nonnull (zc_declaration_desk_get_form_status (desk));
  zc_ui_test_save_screenshot (window, "declaration-desk-offline-zh.png");
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  zc_test_client_free (officer);

  /* the publicity's days pass */
  days = zc_desk_test_days_until (&earliest);
  server = zc_desk_test_start_server (data_dir, days, NULL);

  /* the unit ends the publicity and forwards it */
  officer = zc_test_client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER, TRUE);
  desk = zc_desk_test_open_desk (window, officer);
  zc_declaration_desk_set_state_filter (desk, "unit_publicity");
  zc_desk_test_show (desk, id, "unit_publicity");
  /* the filter would hide it once it moves on: all states again */
  zc_declaration_desk_set_state_filter (desk, NULL);
  zc_desk_test_show (desk, id, "unit_publicity");
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_END_PUBLICITY);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_OBJECTIONS, "公示期间无异议。");
  zc_desk_test_send (officer, desk, dialog, id, "unit_publicity_ended");
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_FORWARD);
  zc_desk_test_send (officer, desk, dialog, id, "department_review");
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  zc_test_client_free (officer);

  /* the department passes it */
  officer = zc_test_client_new (server->url, ZC_TEST_DEMO_DEPARTMENT_OFFICER, TRUE);
  desk = zc_desk_test_open_desk (window, officer);
  zc_desk_test_show (desk, id, "department_review");
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_PASS);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "材料齐全，同意报送。");
  zc_desk_test_send (officer, desk, dialog, id, "committee_intake");
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  zc_test_client_free (officer);

  /* the committee accepts it; a return needs its reason */
  officer = zc_test_client_new (server->url, ZC_TEST_DEMO_COMMITTEE_OFFICER, TRUE);
  desk = zc_desk_test_open_desk (window, officer);
  zc_desk_test_show (desk, id, "committee_intake");
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_RETURN);
  g_assert_nonnull (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_STEP));
  g_assert_false (zc_declaration_action_dialog_apply (dialog));
  g_assert_nonnull (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_COMMENT));
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-return-zh.png");
  /* the reason from the officer's phrases, as on the archive desk */
  {
    GtkWidget *comment = zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_COMMENT);
    GtkWidget *editor = gtk_widget_get_ancestor (comment, ZC_TYPE_COMMENT_EDITOR);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (comment));
    g_autofree char *typed = NULL;
    GtkTextIter start, end;

    g_assert_nonnull (editor);
    g_assert_cmpuint (zc_comment_editor_get_n_phrases (ZC_COMMENT_EDITOR (editor)), >, 0);
    gtk_widget_grab_focus (comment);
    g_assert_true (zc_ui_test_press_keys (comment, "<Alt>1"));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (typed, ==, zc_comment_editor_get_phrase (ZC_COMMENT_EDITOR (editor), 0));
    g_assert_null (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_COMMENT));
  }
  gtk_window_close (GTK_WINDOW (dialog));
  zc_desk_test_wait_until (zc_desk_test_dialog_gone, desk);
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_ACCEPT);
  zc_desk_test_send (officer, desk, dialog, id, "under_review");
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW));
  zc_ui_test_save_screenshot (window, "declaration-desk-committee-zh.png");
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_PLACE, "郑州市评审中心三楼第二会议室");
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-interview-zh.png");
  gtk_window_close (GTK_WINDOW (dialog));
  zc_desk_test_wait_until (zc_desk_test_dialog_gone, desk);

  /* the smaller window */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_test_widget_wait_for_draw (window);
  zc_ui_test_save_screenshot (window, "declaration-desk-committee-zh-small.png");

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
  zc_test_server_stop (server);
  zc_ui_test_remove_tree (data_dir);
}

/* The dialog alone: the request each action's fields make. */
static void
test_dialog_requests (void)
{
  GDate today;
  g_autoptr(GError) error = NULL;
  ZcDeclarationActionDialog *dialog;
  g_autoptr(JsonObject) request = NULL;
  JsonObject *args;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 9, 3, 2026);

  /* return: the comment required, the step optional */
  dialog = g_object_ref_sink (zc_declaration_action_dialog_new (ZC_DECLARATION_ACTION_RETURN, "张伟", &today));
  zc_declaration_action_dialog_set_target (dialog, NULL, NULL, ZC_DECLARATION_STATE_UNIT_REVIEW, 4);
  g_assert_null (zc_declaration_action_dialog_build_request (dialog, &error));
  g_assert_error (error, ZC_DECLARATION_ACTION_DIALOG_ERROR, ZC_DECLARATION_ACTION_DIALOG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_COMMENT));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "  请补充论文检索证明。 ");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_STEP)),
                              1 + ZC_DECLARATION_STEP_ACHIEVEMENTS);
  request = zc_declaration_action_dialog_build_request (dialog, &error);
  g_assert_no_error (error);
  g_assert_null (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_COMMENT));
  g_assert_cmpstr (json_object_get_string_member (request, "action"), ==, "return");
  g_assert_cmpstr (json_object_get_string_member (request, "expected_state"), ==, "unit_review");
  g_assert_cmpint (json_object_get_int_member (request, "expected_version"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (request, "comment"), ==, "请补充论文检索证明。");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (request, "args"), "step"), ==,
                   "achievements");
  g_clear_pointer (&request, json_object_unref);
  /* no step: no args */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_STEP)),
                              0);
  request = zc_declaration_action_dialog_build_request (dialog, &error);
  g_assert_false (json_object_has_member (request, "args"));
  g_clear_pointer (&request, json_object_unref);
  /* without a client nothing is sent */
  g_assert_false (zc_declaration_action_dialog_apply (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* publicity: the earliest end by the calendar (2026-03-09 is a Monday: the Friday) */
  dialog = g_object_ref_sink (zc_declaration_action_dialog_new (ZC_DECLARATION_ACTION_START_PUBLICITY, NULL, &today));
  zc_declaration_action_dialog_set_target (dialog, NULL, NULL, ZC_DECLARATION_STATE_UNIT_RECOMMENDED, 0);
  request = zc_declaration_action_dialog_build_request (dialog, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (request, "expected_version"));
  g_assert_false (json_object_has_member (request, "comment"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (request, "args"), "ends_on"), ==,
                   "2026-03-13");
  g_clear_pointer (&request, json_object_unref);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const bad[] = { "", "2026-3-20", "2026-03-12", "2026-03-13x" };

      zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_ENDS_ON, bad[i]);
      g_assert_null (zc_declaration_action_dialog_build_request (dialog, &error));
      g_assert_error (error, ZC_DECLARATION_ACTION_DIALOG_ERROR, ZC_DECLARATION_ACTION_DIALOG_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_nonnull (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_ENDS_ON));
    }
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_ENDS_ON, "2026-03-20");
  request = zc_declaration_action_dialog_build_request (dialog, &error);
  g_assert_nonnull (request);
  g_clear_pointer (&request, json_object_unref);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* the interview: a day, a time, a place on one line */
  dialog = g_object_ref_sink (zc_declaration_action_dialog_new (ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW, NULL,
                                                                &today));
  zc_declaration_action_dialog_set_target (dialog, NULL, NULL, ZC_DECLARATION_STATE_UNDER_REVIEW, 7);
  g_assert_null (zc_declaration_action_dialog_build_request (dialog, &error));
  g_clear_error (&error);
  g_assert_nonnull (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_PLACE));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_PLACE, "评审中心");
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_INTERVIEW_AT, "2026-03-01");
  g_assert_null (zc_declaration_action_dialog_build_request (dialog, &error));
  g_clear_error (&error);
  g_assert_nonnull (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_INTERVIEW_AT));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_INTERVIEW_AT, "2026-03-20");
  request = zc_declaration_action_dialog_build_request (dialog, &error);
  g_assert_no_error (error);
  args = json_object_get_object_member (request, "args");
  g_assert_cmpstr (json_object_get_string_member (args, "interview_at"), ==, "2026-03-20T09:00:00+08:00");
  g_assert_cmpstr (json_object_get_string_member (args, "place"), ==, "评审中心");
  g_clear_pointer (&request, json_object_unref);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* votes: all three for a pass; none for a fail unless asked */
  dialog = g_object_ref_sink (zc_declaration_action_dialog_new (ZC_DECLARATION_ACTION_RECORD_PASS, NULL, &today));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zc_declaration_action_dialog_get_field (dialog,
                                                                                      ZC_ACTION_FIELD_VOTES_FOR)),
                             150);
  request = zc_declaration_action_dialog_build_request (dialog, &error);
  args = json_object_get_object_member (request, "args");
  g_assert_cmpint (json_object_get_int_member (args, "votes_for"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (args, "votes_against"), ==, 0);
  g_assert_true (json_object_has_member (args, "votes_abstain"));
  g_clear_pointer (&request, json_object_unref);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  dialog = g_object_ref_sink (zc_declaration_action_dialog_new (ZC_DECLARATION_ACTION_RECORD_FAIL, NULL, &today));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "评审未通过。");
  request = zc_declaration_action_dialog_build_request (dialog, &error);
  g_assert_false (json_object_has_member (request, "args"));
  g_clear_pointer (&request, json_object_unref);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* fields an action lacks */
  dialog = g_object_ref_sink (zc_declaration_action_dialog_new (ZC_DECLARATION_ACTION_ACCEPT, NULL, NULL));
  g_assert_null (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_STEP));
  g_assert_null (zc_declaration_action_dialog_get_field_error (dialog, "no-such-field"));
  zc_declaration_action_dialog_set_text (dialog, "no-such-field", "x");
  request = zc_declaration_action_dialog_build_request (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (request, "action"), ==, "accept");
  g_clear_pointer (&request, json_object_unref);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* every reviewer's button has a mnemonic */
  for (guint action = ZC_DECLARATION_ACTION_RECOMMEND; action < ZC_N_DECLARATION_ACTIONS; action++)
    g_assert_nonnull (strchr (zc_declaration_action_dialog_button_label (action), '_'));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/declaration-desk/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  /* a blinking cursor in a window Xvfb does not focus warns that it
   * got no focus-out; tests wait on the main loop, so it blinks */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/ui/declaration-desk/dialog-requests", test_dialog_requests);
  g_test_add_func ("/ui/declaration-desk/chain", test_chain);

  return g_test_run ();
}
