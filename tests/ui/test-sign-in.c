/* test-sign-in.c: the sign-in page, the sync status and the conflict
 * dialog, in Chinese, against the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "zc-contact.h"
#include "zc-i18n.h"
#include "zc-id-number.h"
#include "zc-screenshot.h"
#include "zc-ui-test.h"
#include "zc-sign-in-page.h"
#include "zc-sync-status.h"
#include "zc-test-server.h"
#include "zc-window.h"

#define KIND "archive:annual-assessments"

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
page_idle (gpointer data)
{
  return !zc_sign_in_page_is_busy (data);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("ZHICHENG_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  /* let page transitions end */
  gtk_test_widget_wait_for_draw (widget);
  zc_ui_test_wait_ms (400);
  g_assert_true (zc_screenshot_widget (widget, path, &error));
  g_assert_no_error (error);
  if (dir == NULL)
    g_unlink (path);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
make_id_number (guint serial)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  g_autofree char *base = g_strdup_printf ("41010219880808%03u", serial % 1000);
  int sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (base[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", base, checks[sum % 11]);
}

static GtkWindow *
present_page (ZcSession *session)
{
  GtkWindow *window = zc_sign_in_page_new_window (NULL, session);

  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* The checks the server makes, made here first */

static void
test_checks (void)
{
  g_autoptr(GError) error = NULL;
  static const char *bad_names[] = { "", "李", "李1娜", "李  娜", "·李娜", "李娜·", "Li_Na",
                                     "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一" };
  static const char *good_names[] = { "李娜", "阿依古丽·买买提", "Anna Li", "欧阳娜娜" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_false (zc_sign_in_check_name (bad_names[i], &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good_names); i++)
    {
      g_assert_true (zc_sign_in_check_name (good_names[i], &error));
      g_assert_no_error (error);
    }
  /* the server's own words */
  g_assert_false (zc_sign_in_check_name ("李1娜", &error));
  g_assert_cmpstr (error->message, ==, g_dgettext (GETTEXT_PACKAGE, "A name has no digits."));
  g_clear_error (&error);

  g_assert_false (zc_sign_in_check_password ("short1", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (zc_sign_in_check_password ("onlyletters", NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, g_dgettext (GETTEXT_PACKAGE, "A password needs both letters and digits."));
  g_clear_error (&error);
  g_assert_false (zc_sign_in_check_password ("Password1", NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, g_dgettext (GETTEXT_PACKAGE, "This password is too common. Choose another."));
  g_clear_error (&error);
  g_assert_false (zc_sign_in_check_password ("li0718002x", "41010519900718002X", NULL, &error));
  g_clear_error (&error);
  g_assert_false (zc_sign_in_check_password ("x13800000002", NULL, "13800000002", &error));
  g_clear_error (&error);
  g_assert_false (zc_sign_in_check_password ("tab\tpass1", NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_true (zc_sign_in_check_password ("li2026na", "41010519900718002X", "13800000002", &error));
  g_assert_no_error (error);

  g_assert_false (zc_sign_in_check_login ("", &error));
  g_clear_error (&error);
  g_assert_false (zc_sign_in_check_login ("12800000000", &error));
  g_assert_error (error, ZC_CONTACT_ERROR, ZC_CONTACT_ERROR_MOBILE);
  g_clear_error (&error);
  g_assert_false (zc_sign_in_check_login ("410102198503120015", &error));
  g_assert_error (error, ZC_ID_NUMBER_ERROR, ZC_ID_NUMBER_ERROR_CHECK_DIGIT);
  g_clear_error (&error);
  g_assert_true (zc_sign_in_check_login (" 13800000001 ", &error));
  g_assert_true (zc_sign_in_check_login ("41010519900718002x", &error));
  g_assert_no_error (error);
}

/* Every field is checked before anything goes to the server, with the
 * messages beside the fields: all of this works offline. */
static void
test_offline_validation (void)
{
  g_autoptr(ZcSession) session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING);
  GtkWindow *window = present_page (session);
  ZcSignInPage *page = zc_sign_in_page_from_window (window);
  g_autoptr(GError) expected = NULL;

  g_assert_nonnull (page);
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "server");
  g_assert_cmpstr (gtk_window_get_title (window), ==, g_dgettext (GETTEXT_PACKAGE, "Sign In to Zhicheng"));
  save_screenshot (GTK_WIDGET (window), "sign-in-server-zh.png");

  zc_sign_in_page_set_field_text (page, "server", "ftp://例子");
  zc_sign_in_page_activate (page);
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "server");
  g_assert_nonnull (zc_sign_in_page_get_field_error (page, "server"));

  /* a closed port: nothing answers there */
  zc_sign_in_page_set_field_text (page, "server", "http://127.0.0.1:9");
  g_assert_null (zc_sign_in_page_get_field_error (page, "server"));
  zc_sign_in_page_activate (page);
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "account");
  g_assert_cmpstr (zc_session_get_server_url (session), ==, "http://127.0.0.1:9");

  /* sign in: bad values stay here */
  zc_sign_in_page_set_field_text (page, "login", "410102198503120015");
  zc_sign_in_page_activate (page);
  g_assert_false (zc_sign_in_page_is_busy (page));
  zc_id_number_validate ("410102198503120015", NULL, NULL, NULL, ZC_LANGUAGE_LOCALE, &expected);
  g_assert_cmpstr (zc_sign_in_page_get_field_error (page, "login"), ==, expected->message);
  g_assert_nonnull (zc_sign_in_page_get_field_error (page, "password"));
  g_clear_error (&expected);

  /* register: every field, with the shared validators' messages */
  zc_sign_in_page_show_register (page, TRUE);
  zc_sign_in_page_set_field_text (page, "id_number", "41010519900718002");
  zc_sign_in_page_set_field_text (page, "name", "李1娜");
  zc_sign_in_page_set_field_text (page, "mobile", "1380000000");
  zc_sign_in_page_set_field_text (page, "new_password", "li2026na");
  zc_sign_in_page_set_field_text (page, "confirm", "li2026nb");
  zc_sign_in_page_activate (page);
  g_assert_false (zc_sign_in_page_is_busy (page));
  zc_id_number_validate ("41010519900718002", NULL, NULL, NULL, ZC_LANGUAGE_LOCALE, &expected);
  g_assert_cmpstr (zc_sign_in_page_get_field_error (page, "id_number"), ==, expected->message);
  g_clear_error (&expected);
  g_assert_cmpstr (zc_sign_in_page_get_field_error (page, "name"), ==, "姓名中不能有数字。");
  zc_mobile_validate ("1380000000", ZC_LANGUAGE_LOCALE, &expected);
  g_assert_cmpstr (zc_sign_in_page_get_field_error (page, "mobile"), ==, expected->message);
  g_clear_error (&expected);
  g_assert_null (zc_sign_in_page_get_field_error (page, "new_password"));
  g_assert_nonnull (zc_sign_in_page_get_field_error (page, "confirm"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "sign-in-register-errors-zh.png");

  /* fixing a field clears its message as it is typed */
  zc_sign_in_page_set_field_text (page, "id_number", "41010519900718002X");
  g_assert_null (zc_sign_in_page_get_field_error (page, "id_number"));
  zc_sign_in_page_set_field_text (page, "name", "李娜");
  zc_sign_in_page_set_field_text (page, "mobile", "13800000002");
  zc_sign_in_page_set_field_text (page, "confirm", "li2026na");
  g_assert_null (zc_sign_in_page_get_field_error (page, "confirm"));

  /* all valid: it goes out, and the unreachable server is said */
  zc_sign_in_page_activate (page);
  g_assert_true (zc_sign_in_page_is_busy (page));
  wait_until (page_idle, page);
  g_assert_nonnull (zc_sign_in_page_get_message (page));
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "account");
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_OUT);

  gtk_window_destroy (window);
}

typedef struct
{
  ZcSignInPage *page;
  gboolean      finished;
} Flow;

static void
on_finished (ZcSignInPage *page,
             Flow         *flow)
{
  flow->finished = TRUE;
}

static gboolean
units_found (gpointer data)
{
  return zc_sign_in_page_get_n_units (data) > 0;
}

static gboolean
requests_shown (gpointer data)
{
  return zc_sign_in_page_get_n_requests (data) > 0;
}

static gboolean
flow_finished (gpointer data)
{
  return ((Flow *) data)->finished;
}

static void
test_server_flow (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(ZcSession) session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING);
  GtkWindow *window = present_page (session);
  ZcSignInPage *page = zc_sign_in_page_from_window (window);
  Flow flow = { page, FALSE };

  g_signal_connect (page, "finished", G_CALLBACK (on_finished), &flow);
  zc_sign_in_page_set_field_text (page, "server", server->url);
  zc_sign_in_page_activate (page);
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "account");

  /* the server's refusal, in Chinese, under the form */
  zc_sign_in_page_set_field_text (page, "login", ZC_TEST_DEMO_APPLICANT2);
  zc_sign_in_page_set_field_text (page, "password", "wrong2026pw");
  zc_sign_in_page_activate (page);
  wait_until (page_idle, page);
  g_assert_nonnull (zc_sign_in_page_get_message (page));
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_OUT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "sign-in-refused-zh.png");

  /* an applicant without a unit is led to the unit step */
  zc_sign_in_page_set_field_text (page, "password", ZC_TEST_DEMO_PASSWORD);
  zc_sign_in_page_activate (page);
  wait_until (page_idle, page);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_IN);
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "binding");
  g_assert_false (flow.finished);

  /* no unit chosen: said, nothing sent */
  zc_sign_in_page_activate (page);
  g_assert_nonnull (zc_sign_in_page_get_message (page));

  {
    GtkWidget *search = find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (search), "医院");
  }
  wait_until (units_found, page);
  g_assert_true (zc_sign_in_page_select_unit (page, 0));
  g_assert_false (zc_sign_in_page_select_unit (page, 999));
  zc_sign_in_page_set_field_text (page, "comment", "我在内科工作");
  zc_sign_in_page_activate (page);
  wait_until (page_idle, page);
  wait_until (requests_shown, page);
  g_assert_cmpuint (zc_sign_in_page_get_n_requests (page), ==, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  zc_ui_test_wait_ms (300);
  save_screenshot (GTK_WIDGET (window), "sign-in-binding-zh.png");

  /* the request is on the server, waiting for the unit */
  {
    g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
    guint status = 0;
    g_autoptr(JsonNode) answer = zc_test_server_call (server, "GET", "/api/v1/bindings", token, "en", NULL,
                                                      &status, NULL);
    JsonArray *bindings = json_object_get_array_member (json_node_get_object (answer), "bindings");

    g_assert_cmpuint (status, ==, 200);
    g_assert_cmpuint (json_array_get_length (bindings), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bindings, 0), "state"), ==,
                     "pending");
  }

  /* going on to the archive ends the flow */
  {
    GtkWidget *button = find_button (GTK_WIDGET (page), g_dgettext (GETTEXT_PACKAGE, "_Continue to the Archive"));

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  wait_until (flow_finished, &flow);

  gtk_window_destroy (window);
  zc_test_server_stop (server);
}

static void
test_register_and_password (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  g_autoptr(ZcSession) session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING);
  g_autoptr(ZcSession) second = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING);
  g_autoptr(GError) error = NULL;
  g_autofree char *id_number = make_id_number (77);
  g_autofree char *admin_id = make_id_number (78);
  g_autofree char *admin = zc_test_server_login (server, ZC_TEST_DEMO_ADMIN, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *body = g_strdup_printf ("{\"id_number\": \"%s\", \"name\": \"周杰\", \"role\": \"admin\"}", admin_id);
  g_autofree char *initial = NULL;
  GtkWindow *window;
  ZcSignInPage *page;
  Flow flow = { NULL, FALSE };
  guint status = 0;

  /* registration: a mobile already used comes back next to its field
   * or under the form; a new one signs in and goes to the unit step */
  g_assert_true (zc_session_set_server_url (session, server->url, &error));
  window = present_page (session);
  page = zc_sign_in_page_from_window (window);
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "server");
  zc_sign_in_page_activate (page);
  zc_sign_in_page_show_register (page, TRUE);
  zc_sign_in_page_set_field_text (page, "id_number", id_number);
  zc_sign_in_page_set_field_text (page, "name", "赵六");
  zc_sign_in_page_set_field_text (page, "mobile", "13800000001");
  zc_sign_in_page_set_field_text (page, "new_password", "zhao2026liu");
  zc_sign_in_page_set_field_text (page, "confirm", "zhao2026liu");
  zc_sign_in_page_activate (page);
  wait_until (page_idle, page);
  g_assert_nonnull (zc_sign_in_page_get_message (page));
  zc_sign_in_page_set_field_text (page, "mobile", "13900005678");
  zc_sign_in_page_activate (page);
  wait_until (page_idle, page);
  g_assert_cmpint (zc_session_get_state (session), ==, ZC_SESSION_STATE_SIGNED_IN);
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "binding");
  gtk_window_destroy (window);

  /* an initial password is replaced before anything else */
  {
    g_autoptr(JsonNode) created = zc_test_server_call (server, "POST", "/api/v1/admin/accounts", admin, "en", body,
                                                       &status, NULL);
    g_assert_cmpuint (status, ==, 201);
    initial = g_strdup (zc_test_member_string (created, "initial_password"));
  }
  g_assert_true (zc_session_set_server_url (second, server->url, &error));
  window = present_page (second);
  page = zc_sign_in_page_from_window (window);
  flow.page = page;
  g_signal_connect (page, "finished", G_CALLBACK (on_finished), &flow);
  zc_sign_in_page_activate (page);
  zc_sign_in_page_set_field_text (page, "login", admin_id);
  zc_sign_in_page_set_field_text (page, "password", initial);
  zc_sign_in_page_activate (page);
  wait_until (page_idle, page);
  g_assert_cmpstr (zc_sign_in_page_get_step (page), ==, "password");

  zc_sign_in_page_set_field_text (page, "current_password", initial);
  zc_sign_in_page_set_field_text (page, "change_new_password", initial);
  zc_sign_in_page_activate (page);
  g_assert_nonnull (zc_sign_in_page_get_field_error (page, "change_new_password"));
  zc_sign_in_page_set_field_text (page, "change_new_password", "zhou2026jie");
  zc_sign_in_page_set_field_text (page, "change_confirm", "zhou2026jie");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "sign-in-password-zh.png");
  zc_sign_in_page_activate (page);
  wait_until (page_idle, page);
  /* an administrator has no unit step */
  g_assert_true (flow.finished);
  g_assert_cmpint (zc_session_get_state (second), ==, ZC_SESSION_STATE_SIGNED_IN);

  gtk_window_destroy (window);
  zc_test_server_stop (server);
}

/* The sync status in the header popover, and the conflict dialog */

typedef struct
{
  ZcSession    *session;
  ZcLocalStore *store;
  ZcSyncEngine *engine;
  char         *dir;
} Client;

static gboolean
session_done (gpointer data)
{
  return zc_session_get_state (data) != ZC_SESSION_STATE_SIGNED_OUT;
}

static Client *
client_new (const char *url,
            const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Client *client = g_new0 (Client, 1);

  client->dir = g_dir_make_tmp ("zc-sign-in-XXXXXX", &error);
  client->session = zc_session_new (NULL, ZC_SESSION_FLAGS_NO_KEYRING);
  g_assert_true (zc_session_set_server_url (client->session, url, &error));
  zc_session_sign_in_async (client->session, login, ZC_TEST_DEMO_PASSWORD, NULL, NULL, NULL);
  wait_until (session_done, client->session);
  path = g_build_filename (client->dir, "store.sqlite", NULL);
  client->store = zc_local_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (zc_local_store_bind_account (client->store, zc_session_get_account_id (client->session), &error));
  client->engine = zc_sync_engine_new (client->store, client->session);
  return client;
}

static void
client_free (Client *client)
{
  g_clear_object (&client->engine);
  g_clear_object (&client->store);
  g_clear_object (&client->session);
  zc_test_rm_rf (client->dir);
  g_free (client->dir);
  g_free (client);
}

static gboolean
synced (gpointer data)
{
  ZcSyncEngine *engine = data;

  return zc_sync_engine_get_state (engine) != ZC_SYNC_STATE_SYNCING;
}

static void
sync_now (Client *client)
{
  zc_sync_engine_sync_now (client->engine);
  wait_until (synced, client->engine);
  g_assert_cmpint (zc_sync_engine_get_state (client->engine), ==, ZC_SYNC_STATE_IDLE);
}

static ZcRecord *
create_entry (ZcLocalStore *store,
              const char   *assessed_by)
{
  g_autofree char *json = g_strdup_printf ("{\"year\": 2019, \"result\": \"1\", \"assessed_by\": \"%s\"}", assessed_by);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  ZcRecord *record = zc_local_store_create_entry (store, KIND, json_node_get_object (node), &error);

  g_assert_no_error (error);
  return record;
}

static void
edit_entry (ZcLocalStore *store,
            const char   *id,
            const char   *assessed_by,
            const char   *result)
{
  g_autofree char *json = g_strdup_printf ("{\"year\": 2019, \"result\": \"%s\", \"assessed_by\": \"%s\"}",
                                           result, assessed_by);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) record = zc_local_store_update_entry (store, id, json_node_get_object (node), &error);

  g_assert_no_error (error);
}

static void
test_sync_status_and_conflict (void)
{
  const char *args[] = { "--demo", NULL };
  ZcTestServer *server = zc_test_server_start (args);
  Client *a = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  Client *b = client_new (server->url, ZC_TEST_DEMO_APPLICANT2);
  g_autoptr(ZcServerMonitor) monitor = zc_server_monitor_new (server->url);
  g_autoptr(ZcRecord) entry = create_entry (a->store, "原单位");
  g_autoptr(GError) error = NULL;
  ZcSyncStatus *status;
  ZcConflictDialog *dialog;
  GtkWidget *popover;
  ZcWindow *window;

  sync_now (a);
  sync_now (b);
  edit_entry (a->store, zc_record_get_id (entry), "甲处修改", "2");
  edit_entry (b->store, zc_record_get_id (entry), "乙处修改", "3");
  sync_now (a);

  window = zc_window_new (NULL, monitor, b->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  zc_window_set_sync (window, b->engine);
  gtk_window_present (GTK_WINDOW (window));
  zc_server_monitor_check (monitor);
  status = ZC_SYNC_STATUS (find_widget (GTK_WIDGET (window), ZC_TYPE_SYNC_STATUS));
  g_assert_nonnull (status);
  g_assert_cmpstr (zc_sync_status_get_last_sync_text (status), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Last synchronised just now"));

  /* one change waits, then the sync surfaces the conflict */
  g_assert_cmpuint (zc_sync_engine_get_changes_waiting (b->engine), ==, 1);
  g_assert_nonnull (strstr (zc_sync_status_get_waiting_text (status), "1"));
  save_screenshot (GTK_WIDGET (window), "window-changes-waiting-zh.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL);
  g_assert_cmpint (zc_sync_engine_get_state (b->engine), ==, ZC_SYNC_STATE_SYNCING);
  wait_until (synced, b->engine);
  g_assert_cmpint (zc_sync_engine_get_state (b->engine), ==, ZC_SYNC_STATE_IDLE);
  g_assert_cmpstr (zc_sync_status_get_waiting_text (status), ==, "所有修改均已同步到服务器。");
  g_assert_cmpuint (zc_sync_status_get_n_conflicts (status), ==, 1);
  g_assert_cmpuint (zc_sync_status_get_n_rejections (status), ==, 0);

  popover = gtk_widget_get_ancestor (GTK_WIDGET (status), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_test_widget_wait_for_draw (popover);
  zc_ui_test_wait_ms (300);
  save_screenshot (popover, "sync-status-conflict-zh.png");

  /* both versions side by side; keeping one's own value field by field */
  dialog = zc_sync_status_open_conflict (status, 0);
  g_assert_nonnull (dialog);
  g_assert_null (zc_sync_status_open_conflict (status, 7));
  g_assert_cmpuint (zc_conflict_dialog_get_n_fields (dialog), ==, 2);
  g_assert_cmpstr (zc_conflict_dialog_get_record_id (dialog), ==, zc_record_get_id (entry));
  g_assert_null (zc_conflict_dialog_get_field (dialog, 2));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, 460);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  zc_ui_test_wait_ms (300);
  save_screenshot (GTK_WIDGET (dialog), "conflict-dialog-zh.png");
  g_assert_false (zc_conflict_dialog_choose (dialog, "no_such_field", TRUE));
  g_assert_true (zc_conflict_dialog_choose (dialog, "assessed_by", TRUE));
  {
    g_autoptr(JsonObject) body = zc_conflict_dialog_build_body (dialog);

    g_assert_nonnull (body);
    g_assert_cmpstr (json_object_get_string_member (body, "assessed_by"), ==, "乙处修改");
    g_assert_cmpstr (json_object_get_string_member (body, "result"), ==, "2");
  }
  g_assert_true (zc_conflict_dialog_apply (dialog));
  g_assert_cmpuint (zc_sync_status_get_n_conflicts (status), ==, 0);
  g_assert_cmpuint (zc_sync_engine_get_changes_waiting (b->engine), ==, 1);
  sync_now (b);
  sync_now (a);
  {
    g_autoptr(ZcRecord) at_a = zc_local_store_get_record (a->store, zc_record_get_id (entry), &error);

    g_assert_cmpstr (json_object_get_string_member (zc_record_get_body (at_a), "assessed_by"), ==, "乙处修改");
    g_assert_cmpstr (json_object_get_string_member (zc_record_get_body (at_a), "result"), ==, "2");
  }
  g_assert_true (strstr (zc_sync_status_get_last_sync_text (status), "刚刚") != NULL ||
                 strstr (zc_sync_status_get_last_sync_text (status), "just now") != NULL);

  /* a refused change: listed, opened in the archive, discarded */
  {
    g_autoptr(ZcPushRequest) request = zc_push_request_new ("9a0e5d3b-1c1f-4e7e-9b0a-3d2f6c7b8a90", 1);
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(JsonNode) answer = NULL;
    g_autofree char *body = NULL;
    g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
    g_autoptr(ZcRecord) current = zc_local_store_get_record (a->store, zc_record_get_id (entry), &error);
    ZcMutation *remove = zc_mutation_new (1, "record.delete", zc_record_get_id (entry), zc_record_get_version (current));
    guint http_status = 0;

    /* deleted elsewhere while B edits it */
    json_object_set_string_member (remove->args, "kind", KIND);
    g_ptr_array_add (request->mutations, remove);
    node = zc_push_request_to_json (request);
    body = json_to_string (node, FALSE);
    answer = zc_test_server_call (server, "POST", "/api/v1/sync/push", token, "en", body, &http_status, NULL);
    g_assert_cmpuint (http_status, ==, 200);
  }
  edit_entry (b->store, zc_record_get_id (entry), "删除后又改", "1");
  sync_now (b);
  g_assert_cmpuint (zc_sync_status_get_n_rejections (status), ==, 1);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_test_widget_wait_for_draw (popover);
  zc_ui_test_wait_ms (300);
  save_screenshot (popover, "sync-status-refused-zh.png");
  g_assert_false (zc_sync_status_open_rejection (status, 5));
  g_assert_false (zc_sync_status_discard_rejection (status, 5, &error));
  g_clear_error (&error);
  g_assert_true (zc_sync_status_discard_rejection (status, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zc_sync_status_get_n_rejections (status), ==, 0);
  wait_until (synced, b->engine);

  gtk_window_destroy (GTK_WINDOW (window));
  client_free (b);
  client_free (a);
  zc_test_server_stop (server);
}

static void
on_sign_out_chosen (gboolean remove_data,
                    gpointer user_data)
{
  *(int *) user_data = remove_data ? 1 : 0;
}

static void
test_sign_out_dialog (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  AdwMessageDialog *dialog;
  int chosen = -1;

  gtk_window_present (parent);

  /* keep or remove the local copy; cancelling does neither */
  dialog = zc_sync_status_confirm_sign_out (parent, NULL, FALSE, on_sign_out_chosen, &chosen);
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  g_assert_true (adw_message_dialog_has_response (dialog, "remove"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, g_dgettext (GETTEXT_PACKAGE, "Sign Out?"));
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpint (chosen, ==, -1);
  adw_message_dialog_response (dialog, "keep");
  g_assert_cmpint (chosen, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* on a kiosk nothing may stay */
  dialog = zc_sync_status_confirm_sign_out (parent, NULL, TRUE, on_sign_out_chosen, &chosen);
  g_assert_false (adw_message_dialog_has_response (dialog, "keep"));
  adw_message_dialog_response (dialog, "remove");
  g_assert_cmpint (chosen, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (parent);
}

static void
test_last_sync_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 22, 15, 30, 0);
  g_autoptr(GDateTime) seconds_ago = g_date_time_add_seconds (now, -20);
  g_autoptr(GDateTime) this_morning = g_date_time_new_local (2026, 11, 22, 9, 5, 0);
  g_autoptr(GDateTime) last_week = g_date_time_new_local (2026, 11, 15, 18, 0, 0);
  g_autofree char *never = zc_sync_status_describe_last_sync (NULL, now);
  g_autofree char *recent = zc_sync_status_describe_last_sync (seconds_ago, now);
  g_autofree char *today = zc_sync_status_describe_last_sync (this_morning, now);
  g_autofree char *older = zc_sync_status_describe_last_sync (last_week, now);
  g_autofree char *none_waiting = zc_sync_status_describe_waiting (0);
  g_autofree char *three_waiting = zc_sync_status_describe_waiting (3);

  g_assert_cmpstr (never, !=, recent);
  g_assert_nonnull (strstr (today, "09:05"));
  g_assert_nonnull (strstr (older, "2026-11-15"));
  g_assert_nonnull (strstr (older, "18:00"));
  g_assert_cmpstr (none_waiting, ==, "所有修改均已同步到服务器。");
  g_assert_nonnull (strstr (three_waiting, "3"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/sign-in/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/ui/sign-in/checks", test_checks);
  g_test_add_func ("/ui/sign-in/offline-validation", test_offline_validation);
  g_test_add_func ("/ui/sign-in/server-flow", test_server_flow);
  g_test_add_func ("/ui/sign-in/register-and-password", test_register_and_password);
  g_test_add_func ("/ui/sign-in/sync-status-and-conflict", test_sync_status_and_conflict);
  g_test_add_func ("/ui/sign-in/last-sync-text", test_last_sync_text);
  g_test_add_func ("/ui/sign-in/sign-out-dialog", test_sign_out_dialog);

  return g_test_run ();
}
