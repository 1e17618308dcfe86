/* test-declaration-desk-chain.c: the declaration desk further along
 * the chain, against the real server: an action taken offline and sent
 * when the server is back, an interview notice to several declarations
 * at once, the issuer's certificate, the timeline after a decision
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "zc-declaration-desk-test.h"
#include "zc-i18n.h"
#include "zc-local-store-declaration-review.h"
#include "zc-ui-test.h"

#define INTERVIEW_PLACE "郑州市评审中心三楼第二会议室"

/* The row in the state expected, nothing of it waiting or refused. */
static gboolean
row_settled (gpointer data)
{
  ZcDeskExpect *expect = data;
  ZcDeclarationState state;

  g_assert_true (zc_declaration_state_from_string (expect->state, &state));
  return zc_declaration_desk_get_row_state (expect->desk, expect->id) == (int) state &&
         zc_declaration_desk_get_row_flags (expect->desk, expect->id) == 0;
}

static char *
beijing_minute (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* The newest entry of the desk's timeline shows the server's @step:
 * what was done, by whom, when, from which state to which, and its
 * comment. */
static void
assert_newest_entry (ZcDeclarationDesk *desk,
                     JsonObject        *declaration,
                     JsonObject        *step,
                     const char        *actor_name,
                     const char        *comment)
{
  ZcDeclarationTimeline *timeline = zc_declaration_desk_get_timeline (desk);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (zc_declaration_timeline_get_list (timeline), 0);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (json_object_get_string_member (step, "at"), NULL);
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  ZcDeclarationAction action;
  ZcDeclarationState from, to;

  g_assert_nonnull (row);
  g_assert_nonnull (at);
  g_assert_cmpuint (zc_declaration_timeline_get_n_entries (timeline), ==,
                    json_array_get_length (json_object_get_array_member (declaration, "timeline")));
  g_assert_null (zc_declaration_desk_get_timeline_note (desk));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (step, "actor"), "name"), ==,
                   actor_name);
  g_assert_true (zc_declaration_action_from_string (json_object_get_string_member (step, "action"), &action));
  g_assert_true (zc_declaration_state_from_string (json_object_get_string_member (step, "from"), &from));
  g_assert_true (zc_declaration_state_from_string (json_object_get_string_member (step, "to"), &to));

  /* what */
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (row),
                                                      zc_declaration_action_get_label (action, ZC_LANGUAGE_LOCALE)));
  /* when, who, from which state to which */
  when = beijing_minute (at);
  meta = g_strdup_printf ("%s · %s · %s → %s", when, actor_name,
                          zc_declaration_state_get_label (from, ZC_LANGUAGE_LOCALE),
                          zc_declaration_state_get_label (to, ZC_LANGUAGE_LOCALE));
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (row), meta));
  if (comment != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Comment: %s"), comment);

      g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (row), text));
    }
}

/* @step was taken on the server's today, @days from now, in Beijing. */
static void
assert_on_day (JsonObject *step,
               int         days)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (json_object_get_string_member (step, "at"), NULL);
  g_autofree char *minute = NULL;
  g_autofree char *day = NULL;
  GDate today;

  g_assert_nonnull (at);
  minute = beijing_minute (at);
  zc_desk_test_today (days, &today);
  day = zc_desk_test_format_date (&today);
  g_assert_true (g_str_has_prefix (minute, day));
}

/* Over HTTP, @ids from the unit's review to the committee's: recommended,
 * a publicity of the shortest length, its days passed (the server
 * restarted with its clock moved on: *@days from now), forwarded, passed
 * by the department, accepted by the committee. */
static void
advance_to_review (ZcTestServer       **server,
                   const char          *data_dir,
                   const char * const  *ids,
                   int                 *days)
{
  g_autofree char *unit = zc_test_server_login (*server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *department = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *args = NULL;
  GDate today, end;

  zc_desk_test_today (*days, &today);
  zc_desk_test_publicity_end (&today, &end);
  ends_on = zc_desk_test_format_date (&end);
  args = g_strdup_printf ("{\"ends_on\": \"%s\"}", ends_on);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      zc_desk_test_act (*server, unit, ids[i], "recommend", "unit_review", NULL);
      zc_desk_test_act_with_args (*server, unit, ids[i], "start_publicity", "unit_recommended", args);
    }

  (*server)->keep_data = TRUE;
  zc_test_server_stop (*server);
  *days = zc_desk_test_days_until (&end);
  *server = zc_desk_test_start_server (data_dir, *days, NULL);

  g_clear_pointer (&unit, g_free);
  unit = zc_test_server_login (*server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  department = zc_test_server_login (*server, ZC_TEST_DEMO_DEPARTMENT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  committee = zc_test_server_login (*server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      zc_desk_test_act (*server, unit, ids[i], "end_publicity", "unit_publicity", NULL);
      zc_desk_test_act (*server, unit, ids[i], "forward", "unit_publicity_ended", NULL);
      zc_desk_test_act (*server, department, ids[i], "pass", "department_review", NULL);
      zc_desk_test_act (*server, committee, ids[i], "accept", "committee_intake", NULL);
    }
}

/* 1. The unit officer recommends while the server cannot be reached:
 * the row waits; the server, back, still has the old state until the
 * engine sends it, once. */
static void
test_offline_then_synced (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-declaration-desk-chain-XXXXXX", &error);
  /* a fixed address, so that the server comes back where the session looks */
  g_autofree char *listen = zc_desk_test_free_address ();
  ZcTestServer *server = zc_desk_test_start_server (data_dir, 0, listen);
  const char *id = ZC_DESK_TEST_DEMO_DECLARATION_ID;
  ZcTestClient *officer = zc_test_client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER, TRUE);
  const char *recommend = zc_declaration_action_get_label (ZC_DECLARATION_ACTION_RECOMMEND, ZC_LANGUAGE_LOCALE);
  g_autofree char *waiting = g_strdup_printf (_("“%s” is waiting for sync"), recommend);
  g_autofree char *token = NULL;
  g_autofree char *sync_text = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcDeclarationDesk *desk;
  ZcDeclarationActionDialog *dialog;
  ZcDeskExpect expect = { NULL, id, "unit_recommended" };
  JsonObject *step;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = zc_desk_test_open_desk (window, officer);
  expect.desk = desk;
  zc_desk_test_show (desk, id, "unit_review");
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (desk), ZC_DESK_TEST_DEMO_DECLARANT));

  /* the server goes away */
  server->keep_data = TRUE;
  zc_test_server_stop (server);

  /* the recommendation is queued all the same */
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_RECOMMEND);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "材料属实，同意推荐。");
  zc_desk_test_confirm (dialog, desk);
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, ZC_DECLARATION_REVIEW_AWAITING);
  g_assert_cmpint (zc_declaration_desk_get_row_state (desk, id), ==, ZC_DECLARATION_STATE_UNIT_REVIEW);
  sync_text = zc_declaration_desk_get_row_sync_text (desk, id);
  g_assert_cmpstr (sync_text, ==, waiting);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (desk), waiting));
  /* nothing more is offered on it while it waits */
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_RECOMMEND));
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_RETURN));
  g_assert_cmpuint (zc_local_store_get_outbox_count (officer->store), ==, 1);
  g_assert_nonnull (zc_declaration_desk_get_notice (desk));
  zc_ui_test_save_screenshot (window, "declaration-desk-waiting-zh.png");

  /* a sync cannot reach the server: it stays queued */
  g_assert_false (zc_test_client_sync (officer, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (officer->store), ==, 1);
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, ZC_DECLARATION_REVIEW_AWAITING);

  /* the server is back, with the old state */
  server = zc_desk_test_start_server (data_dir, 0, listen);
  token = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  before = zc_desk_test_get_declaration (server, token, id);
  g_assert_cmpstr (zc_desk_test_server_state (before), ==, "unit_review");
  g_assert_cmpuint (zc_desk_test_count_steps (before, "recommend"), ==, 0);

  /* the engine, on its own, sends it and pulls the new state */
  zc_sync_engine_start (officer->engine);
  zc_desk_test_wait_until (row_settled, &expect);
  zc_desk_test_wait_until (zc_desk_test_desk_shows, &expect);
  zc_sync_engine_stop (officer->engine);
  g_assert_null (zc_declaration_desk_get_row_sync_text (desk, id));
  g_assert_null (zc_ui_test_find_label_containing (GTK_WIDGET (desk), waiting));
  /* nor does the notice say it goes with the next sync */
  g_assert_null (zc_declaration_desk_get_notice (desk));
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_START_PUBLICITY));

  /* applied once: another sync sends nothing more */
  zc_test_client_sync_ok (officer);
  g_assert_cmpuint (zc_local_store_get_outbox_count (officer->store), ==, 0);
  after = zc_desk_test_get_declaration (server, token, id);
  g_assert_cmpstr (zc_desk_test_server_state (after), ==, "unit_recommended");
  g_assert_cmpuint (zc_desk_test_count_steps (after, "recommend"), ==, 1);
  step = zc_desk_test_last_step (after, "recommend");
  g_assert_cmpstr (json_object_get_string_member (step, "comment"), ==, "材料属实，同意推荐。");
  g_assert_cmpstr (json_object_get_string_member (step, "from"), ==, "unit_review");
  g_assert_cmpstr (json_object_get_string_member (step, "to"), ==, "unit_recommended");

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
  zc_test_server_stop (server);
  zc_ui_test_remove_tree (data_dir);
}

/* 2. The committee schedules one interview for two declarations chosen
 * together: both are scheduled, at the same time and place. */
static void
test_interview_to_selection (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-declaration-desk-chain-XXXXXX", &error);
  ZcTestServer *server = zc_desk_test_start_server (data_dir, 0, NULL);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *first = zc_desk_test_submit_declaration (server, applicant);
  const char *ids[] = { first, ZC_DESK_TEST_DEMO_DECLARATION_ID, NULL };
  g_autofree char *token = NULL;
  g_autofree char *day = NULL;
  g_autofree char *expected_text = NULL;
  g_autoptr(GDateTime) expected_at = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcTestClient *officer;
  ZcDeclarationDesk *desk;
  ZcDeclarationActionDialog *dialog;
  GtkWidget *date, *time;
  GDate interview_day;
  int days = 0;

  advance_to_review (&server, data_dir, ids, &days);

  officer = zc_test_client_new (server->url, ZC_TEST_DEMO_COMMITTEE_OFFICER, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = zc_desk_test_open_desk (window, officer);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      ZcDeskExpect listed = { desk, ids[i], "under_review" };

      zc_desk_test_wait_until (zc_desk_test_desk_lists, &listed);
      g_assert_cmpint (zc_declaration_desk_get_row_state (desk, ids[i]), ==, ZC_DECLARATION_STATE_UNDER_REVIEW);
    }

  /* both chosen: one action for the two */
  g_assert_true (zc_declaration_desk_select_many (desk, ids));
  g_assert_cmpuint (zc_declaration_desk_get_n_selected (desk), ==, 2);
  g_assert_null (zc_declaration_desk_get_selected_id (desk));
  /* two histories: neither is shown as if it were the one */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (zc_declaration_desk_get_timeline (desk))));
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW);

  /* ten days after the server's today, at 14:30 in Beijing */
  zc_desk_test_today (days + 10, &interview_day);
  day = zc_desk_test_format_date (&interview_day);
  date = zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_INTERVIEW_AT);
  g_assert_nonnull (date);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_INTERVIEW_AT, day);
  time = zc_declaration_action_dialog_get_field (dialog, ZC_ACTION_FIELD_INTERVIEW_TIME);
  g_assert_true (GTK_IS_EDITABLE (time));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, "09:00");
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_INTERVIEW_TIME, "14:30");
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_PLACE, INTERVIEW_PLACE);
  zc_ui_test_save_screenshot (GTK_WIDGET (dialog), "declaration-desk-interview-two-zh.png");
  zc_desk_test_confirm (dialog, desk);
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, ids[i]), ==, ZC_DECLARATION_REVIEW_AWAITING);
  g_assert_cmpuint (zc_local_store_get_outbox_count (officer->store), ==, 2);
  zc_ui_test_save_screenshot (window, "declaration-desk-interview-queued-zh.png");

  zc_test_client_sync_ok (officer);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      ZcDeskExpect expect = { desk, ids[i], "interview_scheduled" };

      zc_desk_test_wait_until (row_settled, &expect);
    }

  /* on the server: both scheduled, for the same time and place */
  expected_text = g_strdup_printf ("%sT14:30:00+08:00", day);
  expected_at = g_date_time_new_from_iso8601 (expected_text, NULL);
  token = zc_test_server_login (server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(JsonObject) declaration = zc_desk_test_get_declaration (server, token, ids[i]);
      JsonObject *data = zc_desk_test_last_event_data (declaration, "schedule_interview");
      g_autoptr(GDateTime) at = NULL;

      g_assert_cmpstr (zc_desk_test_server_state (declaration), ==, "interview_scheduled");
      g_assert_cmpuint (zc_desk_test_count_steps (declaration, "schedule_interview"), ==, 1);
      g_assert_nonnull (data);
      at = g_date_time_new_from_iso8601 (json_object_get_string_member (data, "interview_at"), NULL);
      g_assert_nonnull (at);
      g_assert_true (g_date_time_equal (at, expected_at));
      g_assert_cmpstr (json_object_get_string_member (data, "place"), ==, INTERVIEW_PLACE);
    }

  /* one shown alone: its timeline has the notice */
  zc_desk_test_show (desk, ids[1], "interview_scheduled");
  {
    g_autofree char *minute = beijing_minute (expected_at);
    g_autofree char *notice = g_strdup_printf (_("Interview: %s, %s"), minute, INTERVIEW_PLACE);

    g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (zc_declaration_desk_get_timeline (desk)),
                                                        notice));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
  zc_test_server_stop (server);
  zc_ui_test_remove_tree (data_dir);
}

/* 3. A declaration through the result publicity and forwarded reaches
 * the issuer's desk; issued there, the server says certified.
 * 4. The timeline then shows who issued it and when. */
static void
test_issuer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-declaration-desk-chain-XXXXXX", &error);
  ZcTestServer *server = zc_desk_test_start_server (data_dir, 0, NULL);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *id = zc_desk_test_submit_declaration (server, applicant);
  const char *ids[] = { id, NULL };
  g_autofree char *committee = NULL;
  g_autofree char *token = NULL;
  g_autofree char *args = NULL;
  g_autofree char *day = NULL;
  g_autoptr(JsonObject) declaration = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcTestClient *issuer;
  ZcDeclarationDesk *desk;
  ZcDeclarationActionDialog *dialog;
  GDate today, end;
  int days = 0;

  advance_to_review (&server, data_dir, ids, &days);

  /* the committee: the interview, the pass, its publicity */
  committee = zc_test_server_login (server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  zc_desk_test_today (days + 3, &today);
  day = zc_desk_test_format_date (&today);
  args = g_strdup_printf ("{\"interview_at\": \"%sT09:00:00+08:00\", \"place\": \"" INTERVIEW_PLACE "\"}", day);
  zc_desk_test_act_with_args (server, committee, id, "schedule_interview", "under_review", args);
  zc_desk_test_act_with_args (server, committee, id, "record_pass", "interview_scheduled",
                              "{\"votes_for\": 9, \"votes_against\": 1, \"votes_abstain\": 1}");
  zc_desk_test_today (days, &today);
  zc_desk_test_publicity_end (&today, &end);
  g_clear_pointer (&day, g_free);
  g_clear_pointer (&args, g_free);
  day = zc_desk_test_format_date (&end);
  args = g_strdup_printf ("{\"ends_on\": \"%s\"}", day);
  zc_desk_test_act_with_args (server, committee, id, "start_result_publicity", "review_passed", args);

  /* the result publicity's days pass */
  server->keep_data = TRUE;
  zc_test_server_stop (server);
  days = zc_desk_test_days_until (&end);
  server = zc_desk_test_start_server (data_dir, days, NULL);
  g_clear_pointer (&committee, g_free);
  committee = zc_test_server_login (server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  zc_desk_test_act (server, committee, id, "end_result_publicity", "result_publicity", NULL);
  zc_desk_test_act (server, committee, id, "forward_to_issuer", "result_publicity_ended", NULL);

  /* the issuer's desk has it, with the one action */
  issuer = zc_test_client_new (server->url, ZC_TEST_DEMO_ISSUER, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = zc_desk_test_open_desk (window, issuer);
  zc_desk_test_show (desk, id, "issuing");
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (desk), "张伟"));
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_ISSUE));
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_RETURN));
  zc_ui_test_save_screenshot (window, "declaration-desk-issuer-zh.png");
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_ISSUE);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "准予发证。");
  zc_desk_test_send (issuer, desk, dialog, id, "certified");
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_ISSUE));

  token = zc_test_server_login (server, ZC_TEST_DEMO_ISSUER, ZC_TEST_DEMO_PASSWORD);
  declaration = zc_desk_test_get_declaration (server, token, id);
  g_assert_cmpstr (zc_desk_test_server_state (declaration), ==, "certified");
  g_assert_cmpuint (zc_desk_test_count_steps (declaration, "issue"), ==, 1);

  /* the timeline: issued, by the issuer, today by the server's clock */
  assert_newest_entry (desk, declaration, zc_desk_test_last_step (declaration, "issue"),
                       zc_session_get_account_name (issuer->session), "准予发证。");
  assert_on_day (zc_desk_test_last_step (declaration, "issue"), days);
  zc_ui_test_save_screenshot (window, "declaration-desk-certified-zh.png");

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (issuer);
  zc_test_server_stop (server);
  zc_ui_test_remove_tree (data_dir);
}

/* 4. After a decision synced, the desk's timeline says who decided
 * what, when, and why. */
static void
test_timeline (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-declaration-desk-chain-XXXXXX", &error);
  ZcTestServer *server = zc_desk_test_start_server (data_dir, 0, NULL);
  const char *id = ZC_DESK_TEST_DEMO_DECLARATION_ID;
  ZcTestClient *officer = zc_test_client_new (server->url, ZC_TEST_DEMO_UNIT_OFFICER, TRUE);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonObject) before = zc_desk_test_get_declaration (server, token, id);
  g_autoptr(JsonObject) after = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcDeclarationDesk *desk;
  ZcDeclarationActionDialog *dialog;
  ZcDeclarationTimeline *timeline;
  JsonObject *step;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = zc_desk_test_open_desk (window, officer);
  timeline = zc_declaration_desk_get_timeline (desk);
  zc_desk_test_show (desk, id, "unit_review");
  /* the submission only, by the applicant */
  g_assert_cmpuint (zc_declaration_timeline_get_n_entries (timeline), ==,
                    json_array_get_length (json_object_get_array_member (before, "timeline")));
  g_assert_cmpuint (zc_desk_test_count_steps (before, "recommend"), ==, 0);
  assert_newest_entry (desk, before, zc_desk_test_last_step (before, "submit"), ZC_DESK_TEST_DEMO_DECLARANT, NULL);

  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_RECOMMEND);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "同意推荐。");
  zc_desk_test_send (officer, desk, dialog, id, "unit_recommended");

  /* one entry more, the newest on top: the officer recommended it, today */
  after = zc_desk_test_get_declaration (server, token, id);
  g_assert_cmpuint (zc_declaration_timeline_get_n_entries (timeline), ==,
                    json_array_get_length (json_object_get_array_member (before, "timeline")) + 1);
  step = zc_desk_test_last_step (after, "recommend");
  g_assert_nonnull (step);
  g_assert_cmpstr (zc_session_get_account_name (officer->session), ==, "王芳");
  assert_newest_entry (desk, after, step, "王芳", "同意推荐。");
  assert_on_day (step, 0);
  zc_ui_test_save_screenshot (window, "declaration-desk-timeline-zh.png");

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (officer);
  zc_test_server_stop (server);
  zc_ui_test_remove_tree (data_dir);
}

/* 职称初定: a determination request goes from the unit straight to the
 * issuer, whose desk offers to approve it or return it. */
static void
test_determination (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("zc-declaration-desk-chain-XXXXXX", &error);
  ZcTestServer *server = zc_desk_test_start_server (data_dir, 0, NULL);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *id = zc_desk_test_submit_determination (server, applicant);
  g_autofree char *unit = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *token = NULL;
  g_autoptr(JsonObject) declaration = NULL;
  GtkWidget *window = gtk_window_new ();
  ZcTestClient *issuer;
  ZcDeclarationDesk *desk;
  ZcDeclarationActionDialog *dialog;

  zc_desk_test_act (server, unit, id, "recommend", "unit_review", "同意申报初定。");
  zc_desk_test_act (server, unit, id, "forward", "unit_recommended", NULL);

  issuer = zc_test_client_new (server->url, ZC_TEST_DEMO_ISSUER, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  desk = zc_desk_test_open_desk (window, issuer);
  zc_desk_test_show (desk, id, "issuer_review");
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_DETERMINE));
  g_assert_nonnull (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_RETURN));
  g_assert_null (zc_declaration_desk_get_action_button (desk, ZC_DECLARATION_ACTION_ISSUE));
  /* the issuer has no deadline of its own */
  g_assert_null (zc_declaration_desk_get_deadline (desk));
  dialog = zc_desk_test_open_action (desk, ZC_DECLARATION_ACTION_DETERMINE);
  zc_declaration_action_dialog_set_text (dialog, ZC_ACTION_FIELD_COMMENT, "准予初定。");
  zc_desk_test_send (issuer, desk, dialog, id, "certified");

  token = zc_test_server_login (server, ZC_TEST_DEMO_ISSUER, ZC_TEST_DEMO_PASSWORD);
  declaration = zc_desk_test_get_declaration (server, token, id);
  g_assert_cmpstr (zc_desk_test_server_state (declaration), ==, "certified");
  g_assert_cmpuint (zc_desk_test_count_steps (declaration, "determine"), ==, 1);
  g_assert_cmpuint (zc_desk_test_count_steps (declaration, "accept"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  zc_test_client_free (issuer);
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
      g_test_add_func ("/ui/declaration-desk-chain/skipped", zc_ui_test_skip_without_display);
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

  g_test_add_func ("/ui/declaration-desk-chain/offline-then-synced", test_offline_then_synced);
  g_test_add_func ("/ui/declaration-desk-chain/interview-to-selection", test_interview_to_selection);
  g_test_add_func ("/ui/declaration-desk-chain/issuer", test_issuer);
  g_test_add_func ("/ui/declaration-desk-chain/determination", test_determination);
  g_test_add_func ("/ui/declaration-desk-chain/timeline", test_timeline);

  return g_test_run ();
}
