/* zc-declaration-desk-test.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>

#include "zc-declaration-desk-test.h"
#include "zc-holiday-calendar.h"
#include "zc-local-store-declaration-review.h"
#include "zc-ui-test.h"

void
zc_desk_test_wait_until (gboolean (*done) (gpointer data),
                         gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      zc_ui_test_wait_ms (20);
    }
}

/* The clock */

static GDateTime *
beijing_now (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);

  return g_date_time_new_now (zone);
}

void
zc_desk_test_today (int    days,
                    GDate *result)
{
  g_autoptr(GDateTime) now = beijing_now ();

  g_date_clear (result, 1);
  g_date_set_dmy (result, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (days > 0)
    g_date_add_days (result, days);
  else if (days < 0)
    g_date_subtract_days (result, -days);
}

int
zc_desk_test_days_until (const GDate *date)
{
  GDate today;

  zc_desk_test_today (0, &today);
  return g_date_days_between (&today, date);
}

void
zc_desk_test_publicity_end (const GDate *start,
                            GDate       *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcHolidayCalendar) calendar = zc_holiday_calendar_get_default (&error);

  g_assert_no_error (error);
  g_date_clear (result, 1);
  zc_holiday_calendar_publicity_earliest_end (calendar, start, result);
}

char *
zc_desk_test_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

ZcTestServer *
zc_desk_test_start_server (const char *data_dir,
                           int         days,
                           const char *listen)
{
  const char *args[] = { "--demo", listen != NULL ? "--listen" : NULL, listen, NULL };
  g_autoptr(GDateTime) now = beijing_now ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);
  g_autofree char *clock = g_date_time_format (then, "%Y-%m-%dT10:00:00+08:00");
  g_autofree char *env_now = g_strconcat ("ZHICHENG_TEST_NOW=", clock, NULL);
  const char * const env[] = { env_now, NULL };

  return zc_test_server_start_full (data_dir, args, env);
}

char *
zc_desk_test_free_address (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (socket);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_strdup_printf ("127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

/* Over HTTP */

/* An image of one colour, uploaded by @token's account */
static char *
put_blob (ZcTestServer *server,
          const char   *token,
          const char   *type,
          guint32       colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 60, 80);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, colour);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, type, &error, NULL));
  bytes = g_bytes_new_take (data, size);
  return zc_test_server_put_blob (server, token, bytes);
}

JsonNode *
zc_desk_test_call (ZcTestServer *server,
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
post_action (ZcTestServer *server,
             const char   *token,
             const char   *id,
             JsonObject   *request)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", id);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), request);
  g_autofree char *body = json_to_string (node, FALSE);
  g_autoptr(JsonNode) answer = zc_desk_test_call (server, "POST", path, token, body, 200);
}

void
zc_desk_test_act (ZcTestServer *server,
                  const char   *token,
                  const char   *id,
                  const char   *action,
                  const char   *expected_state,
                  const char   *comment)
{
  g_autoptr(JsonObject) request = json_object_new ();

  json_object_set_string_member (request, "action", action);
  json_object_set_string_member (request, "expected_state", expected_state);
  if (comment != NULL)
    json_object_set_string_member (request, "comment", comment);
  post_action (server, token, id, request);
}

void
zc_desk_test_act_with_args (ZcTestServer *server,
                            const char   *token,
                            const char   *id,
                            const char   *action,
                            const char   *expected_state,
                            const char   *args)
{
  g_autoptr(JsonObject) request = json_object_new ();

  json_object_set_string_member (request, "action", action);
  json_object_set_string_member (request, "expected_state", expected_state);
  if (args != NULL)
    json_object_set_object_member (request, "args", zc_ui_test_parse_object (args));
  post_action (server, token, id, request);
}

JsonObject *
zc_desk_test_get_declaration (ZcTestServer *server,
                              const char   *token,
                              const char   *id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autoptr(JsonNode) answer = zc_desk_test_call (server, "GET", path, token, NULL, 200);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer));
  return json_object_ref (json_node_get_object (answer));
}

const char *
zc_desk_test_server_state (JsonObject *declaration)
{
  return json_object_get_string_member (json_object_get_object_member (declaration, "record"), "state");
}

guint
zc_desk_test_count_steps (JsonObject *declaration,
                          const char *action)
{
  JsonArray *steps = json_object_get_array_member (declaration, "timeline");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (steps, i), "action"), action) == 0)
      n++;
  return n;
}

JsonObject *
zc_desk_test_last_step (JsonObject *declaration,
                        const char *action)
{
  JsonArray *steps = json_object_get_array_member (declaration, "timeline");

  for (guint i = json_array_get_length (steps); i > 0; i--)
    {
      JsonObject *step = json_array_get_object_element (steps, i - 1);

      if (g_strcmp0 (json_object_get_string_member (step, "action"), action) == 0)
        return step;
    }
  return NULL;
}

JsonObject *
zc_desk_test_last_event_data (JsonObject *declaration,
                              const char *action)
{
  JsonArray *events = json_object_get_array_member (declaration, "events");

  for (guint i = json_array_get_length (events); i > 0; i--)
    {
      JsonObject *event = json_array_get_object_element (events, i - 1);

      if (g_strcmp0 (json_object_get_string_member (event, "action"), action) == 0)
        return json_object_get_object_member (event, "data");
    }
  return NULL;
}

char *
zc_desk_test_submit_declaration (ZcTestServer *server,
                                 const char   *token)
{
  g_autofree char *photo = put_blob (server, token, "jpeg", 0xf0f0f0ffu);
  g_autofree char *signature = put_blob (server, token, "png", 0x202020ffu);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) created = NULL;
  char *id;

  body = g_strdup_printf (
    "{\"body\": {\"plan_id\": \"" ZC_DESK_TEST_PLAN_ID "\", \"plan_version\": 1, \"method\": \"regular\","
    " \"title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"副主任医师\","
    "   \"specialty\": \"心血管内科\"},"
    " \"declaration_category\": \"临床医疗\", \"professional_years\": 15,"
    " \"photo\": {\"sha256\": \"%s\", \"mime\": \"image/jpeg\"},"
    " \"commitment\": {\"signed_on\": \"2026-03-09\", \"signature\": {\"sha256\": \"%s\", \"mime\": \"image/png\"}},"
    " \"work_summary\": \"本人2011年起从事心血管内科临床工作，任主治医师以来完成介入诊疗三百余例。\","
    " \"qualifying_education_id\": \"" ZC_DESK_TEST_EDUCATION_ID "\","
    " \"picks\": [{\"record_id\": \"de300000-0000-4000-8000-000000000103\", \"category\": \"work-experience\"},"
    "   {\"record_id\": \"" ZC_DESK_TEST_EDUCATION_ID "\", \"category\": \"education\"},"
    "   {\"record_id\": \"de300000-0000-4000-8000-000000000104\", \"category\": \"annual-assessments\"},"
    "   {\"record_id\": \"de300000-0000-4000-8000-000000000106\", \"category\": \"papers\", \"group\": \"research\"}]}}",
    photo, signature);
  created = zc_desk_test_call (server, "POST", "/api/v1/declarations", token, body, 201);
  id = g_strdup (zc_test_member_string (created, "id"));
  zc_desk_test_act (server, token, id, "submit", "draft", NULL);
  return id;
}

char *
zc_desk_test_submit_determination (ZcTestServer *server,
                                   const char   *token)
{
  g_autofree char *photo = put_blob (server, token, "jpeg", 0xe8e8e8ffu);
  g_autofree char *signature = put_blob (server, token, "png", 0x303030ffu);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) created = NULL;
  char *id;

  body = g_strdup_printf (
    "{\"body\": {\"plan_id\": \"" ZC_DESK_TEST_DETERMINATION_PLAN_ID "\", \"plan_version\": 1,"
    " \"method\": \"regular\","
    " \"title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"助理级\", \"title\": \"医师\","
    "   \"specialty\": \"心血管内科\"},"
    " \"professional_years\": 15,"
    " \"photo\": {\"sha256\": \"%s\", \"mime\": \"image/jpeg\"},"
    " \"commitment\": {\"signed_on\": \"2026-03-09\", \"signature\": {\"sha256\": \"%s\", \"mime\": \"image/png\"}},"
    " \"work_summary\": \"本人取得执业医师资格后在心血管内科从事临床工作。\","
    " \"qualifying_education_id\": \"" ZC_DESK_TEST_EDUCATION_ID "\","
    " \"picks\": [{\"record_id\": \"de300000-0000-4000-8000-000000000103\", \"category\": \"work-experience\"},"
    "   {\"record_id\": \"" ZC_DESK_TEST_EDUCATION_ID "\", \"category\": \"education\"}]}}",
    photo, signature);
  created = zc_desk_test_call (server, "POST", "/api/v1/declarations", token, body, 201);
  id = g_strdup (zc_test_member_string (created, "id"));
  zc_desk_test_act (server, token, id, "submit", "draft", NULL);
  return id;
}

/* The desk */

gboolean
zc_desk_test_desk_idle (gpointer data)
{
  return !zc_declaration_desk_is_loading (((ZcDeskExpect *) data)->desk);
}

gboolean
zc_desk_test_desk_lists (gpointer data)
{
  ZcDeskExpect *expect = data;

  return !zc_declaration_desk_is_loading (expect->desk) && zc_declaration_desk_has_row (expect->desk, expect->id);
}

gboolean
zc_desk_test_desk_shows (gpointer data)
{
  ZcDeskExpect *expect = data;
  JsonNode *detail = zc_declaration_desk_get_detail (expect->desk);
  JsonObject *record;

  if (detail == NULL || zc_declaration_desk_is_detail_loading (expect->desk))
    return FALSE;
  record = json_object_get_object_member (json_node_get_object (detail), "record");
  return g_strcmp0 (json_object_get_string_member (record, "id"), expect->id) == 0 &&
         g_strcmp0 (json_object_get_string_member (record, "state"), expect->state) == 0;
}

gboolean
zc_desk_test_dialog_gone (gpointer data)
{
  return zc_declaration_desk_get_action_dialog (data) == NULL;
}

gboolean
zc_desk_test_dialog_open (gpointer data)
{
  return zc_declaration_desk_get_action_dialog (data) != NULL;
}

ZcDeclarationDesk *
zc_desk_test_open_desk (GtkWidget    *window,
                        ZcTestClient *client)
{
  GtkWidget *desk;

  zc_test_client_sync_ok (client);
  desk = zc_declaration_desk_new (client->store, client->session);

  gtk_window_set_child (GTK_WINDOW (window), desk);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  return ZC_DECLARATION_DESK (desk);
}

void
zc_desk_test_show (ZcDeclarationDesk *desk,
                   const char        *id,
                   const char        *state)
{
  ZcDeskExpect expect = { desk, id, state };

  zc_desk_test_wait_until (zc_desk_test_desk_lists, &expect);
  g_assert_true (zc_declaration_desk_select (desk, id));
  zc_desk_test_wait_until (zc_desk_test_desk_shows, &expect);
}

ZcDeclarationActionDialog *
zc_desk_test_open_action (ZcDeclarationDesk   *desk,
                          ZcDeclarationAction  action)
{
  GtkWidget *button = zc_declaration_desk_get_action_button (desk, action);
  ZcDeclarationActionDialog *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (button)));
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_can_focus (button));
  g_assert_true (gtk_widget_mnemonic_activate (button, FALSE));
  /* a button's activation is "clicked" a moment later */
  zc_desk_test_wait_until (zc_desk_test_dialog_open, desk);
  dialog = zc_declaration_desk_get_action_dialog (desk);
  g_assert_nonnull (dialog);
  g_assert_cmpint (zc_declaration_action_dialog_get_action (dialog), ==, action);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

void
zc_desk_test_confirm (ZcDeclarationActionDialog *dialog,
                      ZcDeclarationDesk         *desk)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  g_assert_true (zc_ui_test_press_keys (focus != NULL ? focus : GTK_WIDGET (dialog), "<Control>Return"));
  zc_desk_test_wait_until (zc_desk_test_dialog_gone, desk);
  g_assert_nonnull (zc_declaration_desk_get_notice (desk));
}

void
zc_desk_test_send (ZcTestClient              *client,
                   ZcDeclarationDesk         *desk,
                   ZcDeclarationActionDialog *dialog,
                   const char                *id,
                   const char                *state)
{
  ZcDeskExpect expect = { desk, id, state };

  zc_desk_test_confirm (dialog, desk);
  /* queued: the row waits for the sync */
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, ZC_DECLARATION_REVIEW_AWAITING);
  zc_test_client_sync_ok (client);
  zc_desk_test_wait_until (zc_desk_test_desk_shows, &expect);
  g_assert_cmpuint (zc_declaration_desk_get_row_flags (desk, id), ==, 0);
}
