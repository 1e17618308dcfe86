/* test-declaration-desk.c: the reviewers' desk of declarations against
 * the real server: the unit officer, the department, the committee
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-declaration-body.h"
#include "zc-declaration-desk.h"
#include "zc-holiday-calendar.h"
#include "zc-i18n.h"
#include "zc-local-store-declaration-review.h"
#include "zc-session.h"
#include "zc-sync-engine.h"
#include "zc-test-server.h"
#include "zc-test-client.h"
#include "zc-ui-test.h"

/* server/zc-demo-plans.h: the demo committee's review plan, its windows
 * open around the day the demo is seeded */
#define DEMO_PLAN_ID "de600000-0000-4000-8000-000000000001"
#define EDUCATION_ID "de300000-0000-4000-8000-000000000102"

typedef ZcTestClient Client;

static void
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      zc_ui_test_wait_ms (20);
    }
}

/* The applicant, over HTTP */

static char *
put_blob (ZcTestServer *server,
          const char   *token,
          const char   *type,
          guint32       colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 60, 80);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  char *sha256;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, colour);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, type, &error, NULL));
  bytes = g_bytes_new (data, size);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  url = g_strconcat (server->url, "/api/v1/blobs/", sha256, NULL);
  msg = soup_message_new ("PUT", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, NULL, bytes);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
  return sha256;
}

static JsonNode *
call (ZcTestServer *server,
      const char   *method,
      const char   *path,
      const char   *token,
      const char   *body,
      guint         expected)
{
  guint status = 0;
  JsonNode *answer = zc_test_server_call (server, method, path, token, "zh-CN", body, &status, NULL);

  if (status != expected)
    g_error ("%s %s: %u, not %u: %s", method, path, status, expected,
             answer != NULL ? json_to_string (answer, FALSE) : "(no body)");
  return answer;
}

static void
act (ZcTestServer *server,
     const char   *token,
     const char   *id,
     const char   *action,
     const char   *expected_state,
     const char   *comment)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", id);
  g_autofree char *body = g_strdup_printf ("{\"action\": \"%s\", \"expected_state\": \"%s\"%s%s%s}", action,
                                           expected_state, comment != NULL ? ", \"comment\": \"" : "",
                                           comment != NULL ? comment : "", comment != NULL ? "\"" : "");
  g_autoptr(JsonNode) answer = call (server, "POST", path, token, body, 200);
}

/* A complete declaration of the demo applicant to the demo plan,
 * submitted; returns its id. */
static char *
submit_declaration (ZcTestServer *server,
                    const char   *token)
{
  g_autofree char *photo = put_blob (server, token, "jpeg", 0xf0f0f0ffu);
  g_autofree char *signature = put_blob (server, token, "png", 0x202020ffu);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) created = NULL;
  char *id;

  body = g_strdup_printf (
    "{\"body\": {\"plan_id\": \"" DEMO_PLAN_ID "\", \"plan_version\": 1, \"method\": \"regular\","
    " \"title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"副主任医师\","
    "   \"specialty\": \"心血管内科\"},"
    " \"declaration_category\": \"临床医疗\", \"professional_years\": 15,"
    " \"photo\": {\"sha256\": \"%s\", \"mime\": \"image/jpeg\"},"
    " \"commitment\": {\"signed_on\": \"2026-03-09\", \"signature\": {\"sha256\": \"%s\", \"mime\": \"image/png\"}},"
    " \"work_summary\": \"本人2011年起从事心血管内科临床工作，任主治医师以来完成介入诊疗三百余例。\","
    " \"qualifying_education_id\": \"" EDUCATION_ID "\","
    " \"picks\": [{\"record_id\": \"de300000-0000-4000-8000-000000000103\", \"category\": \"work-experience\"},"
    "   {\"record_id\": \"" EDUCATION_ID "\", \"category\": \"education\"},"
    "   {\"record_id\": \"de300000-0000-4000-8000-000000000104\", \"category\": \"annual-assessments\"},"
    "   {\"record_id\": \"de300000-0000-4000-8000-000000000106\", \"category\": \"papers\", \"group\": \"research\"}]}}",
    photo, signature);
  created = call (server, "POST", "/api/v1/declarations", token, body, 201);
  id = g_strdup (zc_test_member_string (created, "id"));
  act (server, token, id, "submit", "draft", NULL);
  return id;
}

/* The desk */

typedef struct
{
  ZcDeclarationDesk *desk;
  const char        *id;
  const char        *state;
} Expect;

static gboolean
desk_idle (gpointer data)
{
  return !zc_declaration_desk_is_loading (((Expect *) data)->desk);
}

static gboolean
desk_lists (gpointer data)
{
  Expect *expect = data;

  return !zc_declaration_desk_is_loading (expect->desk) && zc_declaration_desk_has_row (expect->desk, expect->id);
}

/* The declaration shown in @state, its review form loaded. */
static gboolean
desk_shows (gpointer data)
{
  Expect *expect = data;
  JsonNode *detail = zc_declaration_desk_get_detail (expect->desk);
  JsonObject *record;

  if (detail == NULL || zc_declaration_desk_is_detail_loading (expect->desk))
    return FALSE;
  record = json_object_get_object_member (json_node_get_object (detail), "record");
  return g_strcmp0 (json_object_get_string_member (record, "id"), expect->id) == 0 &&
         g_strcmp0 (json_object_get_string_member (record, "state"), expect->state) == 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return zc_declaration_desk_get_action_dialog (data) == NULL;
}

static gboolean
dialog_open (gpointer data)
{
  return zc_declaration_desk_get_action_dialog (data) != NULL;
}

/* What a key press does, through the shortcuts of the focused widget
 * and its ancestors (tests cannot send real keys). */
static gboolean
press (GtkWidget  *focus,
       const char *accelerator)
{
  guint keyval = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                widget, gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

static ZcDeclarationDesk *
open_desk (GtkWidget *window,
           Client    *client)
{
  GtkWidget *desk;

  zc_test_client_sync_ok (client);
  desk = zc_declaration_desk_new (client->store, client->session);

  gtk_window_set_child (GTK_WINDOW (window), desk);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  return ZC_DECLARATION_DESK (desk);
}

/* Shows @id and waits for it in @state with its review form. */
static void
show (ZcDeclarationDesk *desk,
      const char        *id,
      const char        *state)
{
  Expect expect = { desk, id, state };

  wait_until (desk_lists, &expect);
  g_assert_true (zc_declaration_desk_select (desk, id));
  wait_until (desk_shows, &expect);
}

/* Opens @action's dialog from the keyboard: the button's mnemonic. */
static ZcDeclarationActionDialog *
open_action (ZcDeclarationDesk   *desk,
             ZcDeclarationAction  action)
{
  GtkWidget *button = zc_declaration_desk_get_action_button (desk, action);
  ZcDeclarationActionDialog *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_can_focus (button));
  g_assert_true (gtk_widget_mnemonic_activate (button, FALSE));
  /* a button's activation is "clicked" a moment later */
  wait_until (dialog_open, desk);
  dialog = zc_declaration_desk_get_action_dialog (desk);
  g_assert_nonnull (dialog);
  g_assert_cmpint (zc_declaration_action_dialog_get_action (dialog), ==, action);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

/* Sends the dialog with Ctrl+Enter from its focused field and waits
 * for the declaration to be in @state. */
static void
send (Client                    *client,
      ZcDeclarationDesk         *desk,
      ZcDeclarationActionDialog *dialog,
      const char                *id,
      const char                *state)
{
  Expect expect = { desk, id, state };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  g_assert_true (press (focus != NULL ? focus : GTK_WIDGET (dialog), "<Control>Return"));
  wait_until (dialog_gone, desk);
  /* queued: the row waits for the sync */
  g_assert_nonnull (zc_declaration_desk_get_notice (desk));
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, ZC_DECLARATION_REVIEW_AWAITING);
  zc_test_client_sync_ok (client);
  wait_until (desk_shows, &expect);
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, 0);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static char *
clock_in_days (int days)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%dT10:00:00+08:00");
}

static ZcTestServer *
start_server (const char *data_dir,
              int         days)
{
  static const char * const demo[] = { "--demo", NULL };
  g_autofree char *now = clock_in_days (days);
  g_autofree char *env_now = g_strconcat ("ZHICHENG_TEST_NOW=", now, NULL);
  const char * const env[] = { env_now, NULL };

  return zc_test_server_start_full (data_dir, demo, env);
}

static void
test_chain (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-declaration-desk-server-XXXXXX", &error);
  ZcTestServer *server = start_server (data_dir, 0);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *id = submit_declaration (server, applicant);
  g_autofree char *earliest_text = NULL;
  g_autofree char *too_early = NULL;
  g_autofree char *officer_token = NULL;
  GtkWidget *window = gtk_window_new ();
  Client *officer = zc_test_client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER, TRUE);
  ZcDeclarationDesk *desk;
  ZcDeclarationActionDialog *dialog;
  Expect expect;
  GDate earliest, today;
  int days;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = open_desk (window, officer);

  /* the unit officer's queue lists it; the form's pages and the timeline show */
  show (desk, id, "unit_review");
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
  act (server, officer_token, id, "return", "unit_review", "请补充论文检索证明。");
  dialog = open_action (desk, ZC_DECLARATION_ACTION_RECOMMEND);
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-stale-zh.png");
  g_assert_true (zc_declaration_action_dialog_apply (dialog));
  wait_until (dialog_gone, desk);
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, ZC_DECLARATION_REVIEW_AWAITING);
  /* the sync: refused as stale, and the return pulled */
  zc_test_client_sync_ok (officer);
  expect = (Expect) { desk, id, "returned" };
  wait_until (desk_shows, &expect);
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, ZC_DECLARATION_REVIEW_REFUSED);
  g_assert_cmpint (zc_declaration_desk_get_row_state (desk, id), ==, ZC_DECLARATION_STATE_RETURNED);
  {
    g_autofree char *text = zc_declaration_desk_get_row_sync_text (desk, id);

    g_assert_nonnull (text);
  }
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_RECOMMEND));

  /* submitted again; F5 brings it back */
  act (server, applicant, id, "resubmit", "returned", NULL);
  zc_test_client_sync_ok (officer);
  gtk_widget_grab_focus (GTK_WIDGET (zc_declaration_desk_get_list (desk)));
  g_assert_true (press (gtk_root_get_focus (GTK_ROOT (window)), "F5"));
  show (desk, id, "unit_review");

  /* recommend: the comment is optional; sent from the keyboard */
  dialog = open_action (desk, ZC_DECLARATION_ACTION_RECOMMEND);
  g_assert_nonnull (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_COMMENT));
  g_assert_null (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_ENDS_ON));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "同意推荐。");
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-recommend-zh.png");
  send (officer, desk, dialog, id, "unit_recommended");

  /* the publicity: the earliest end by default, an earlier one refused here */
  dialog = open_action (desk, ZC_DECLARATION_ACTION_START_PUBLICITY);
  zc_declaration_action_dialog_get_earliest_end (dialog, &earliest);
  earliest_text = format_date (&earliest);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (zc_declaration_action_dialog_get_field (dialog,
                                                                                                 ZC_ACTION_FIELD_ENDS_ON))),
                   ==, earliest_text);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (dialog), earliest_text));
  today = earliest;
  g_date_subtract_days (&today, 1);
  too_early = format_date (&today);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_ENDS_ON, too_early);
  g_assert_false (zc_declaration_action_dialog_apply (dialog));
  g_assert_nonnull (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_ENDS_ON));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_ENDS_ON, "2026-02-30");
  g_assert_false (zc_declaration_action_dialog_apply (dialog));
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_ENDS_ON, earliest_text);
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-publicity-zh.png");
  send (officer, desk, dialog, id, "unit_publicity");
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_START_PUBLICITY));
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_END_PUBLICITY));

  /* offline: the list stays; the form needs a connection */
  server->keep_data = TRUE;
  zc_test_server_stop (server);
  zc_declaration_desk_refresh (desk);
  g_assert_true (zc_declaration_desk_has_row (desk, id));
  g_assert_true (zc_declaration_desk_select (desk, id));
  expect = (Expect) { desk, id, NULL };
  wait_until (desk_idle, &expect);
  while (zc_declaration_desk_is_detail_loading (desk))
    zc_ui_test_wait_ms (20);
  g_assert_nonnull (zc_declaration_desk_get_form_status (desk));
  zc_ui_test_save_screenshot (window, "declaration-desk-offline-zh.png");
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  zc_test_client_free (officer);

  /* the publicity's days pass */
  {
    GDate now;
    g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
    g_autoptr(GDateTime) clock = g_date_time_new_now (zone);

    g_date_clear (&now, 1);
    g_date_set_dmy (&now, g_date_time_get_day_of_month (clock), g_date_time_get_month (clock),
                    g_date_time_get_year (clock));
    days = g_date_days_between (&now, &earliest);
  }
  server = start_server (data_dir, days);

  /* the unit ends the publicity and forwards it */
  officer = zc_test_client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER, TRUE);
  desk = open_desk (window, officer);
  zc_declaration_desk_set_state_filter (desk, "unit_publicity");
  show (desk, id, "unit_publicity");
  /* the filter would hide it once it moves on: all states again */
  zc_declaration_desk_set_state_filter (desk, NULL);
  show (desk, id, "unit_publicity");
  dialog = open_action (desk, ZC_DECLARATION_ACTION_END_PUBLICITY);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_OBJECTIONS, "公示期间无异议。");
  send (officer, desk, dialog, id, "unit_publicity_ended");
  dialog = open_action (desk, ZC_DECLARATION_ACTION_FORWARD);
  send (officer, desk, dialog, id, "department_review");
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  zc_test_client_free (officer);

  /* the department passes it */
  officer = zc_test_client_new (server->url, ZC_TEST_DEMO_DEPARTMENT_OFFICER, TRUE);
  desk = open_desk (window, officer);
  show (desk, id, "department_review");
  dialog = open_action (desk, ZC_DECLARATION_ACTION_PASS);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "材料齐全，同意报送。");
  send (officer, desk, dialog, id, "committee_intake");
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  zc_test_client_free (officer);

  /* the committee accepts it; a return needs its reason */
  officer = zc_test_client_new (server->url, ZC_TEST_DEMO_COMMITTEE_OFFICER, TRUE);
  desk = open_desk (window, officer);
  show (desk, id, "committee_intake");
  dialog = open_action (desk, ZC_DECLARATION_ACTION_RETURN);
  g_assert_nonnull (zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_STEP));
  g_assert_false (zc_declaration_action_dialog_apply (dialog));
  g_assert_nonnull (zc_declaration_action_dialog_get_field_error (dialog, ZC_ACTION_FIELD_COMMENT));
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-return-zh.png");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_gone, desk);
  dialog = open_action (desk, ZC_DECLARATION_ACTION_ACCEPT);
  send (officer, desk, dialog, id, "under_review");
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW));
  zc_ui_test_save_screenshot (window, "declaration-desk-committee-zh.png");
  dialog = open_action (desk, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_PLACE, "郑州市评审中心三楼第二会议室");
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-interview-zh.png");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_gone, desk);

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
