/* test-messages.c: an applicant's messages over HTTP
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

typedef struct
{
  ZcTestServer *server;
  char         *applicant;   /* 张伟, whose demo entries were decided */
  char         *applicant2;
  char         *officer;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = zc_test_server_start (demo);
  fixture->applicant = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  fixture->applicant2 = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  fixture->officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  zc_test_server_stop (fixture->server);
  g_free (fixture->applicant);
  g_free (fixture->applicant2);
  g_free (fixture->officer);
}

static JsonArray *
list (Fixture     *fixture,
      const char  *token,
      const char  *query,
      const char  *language,
      gint64      *unread,
      JsonNode   **holder)
{
  g_autofree char *path = g_strconcat ("/api/v1/messages", query, NULL);
  guint status = 0;

  *holder = zc_test_server_call (fixture->server, "GET", path, token, language, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  if (unread != NULL)
    *unread = json_object_get_int_member (zc_server_test_object (*holder), "unread");
  return json_object_get_array_member (zc_server_test_object (*holder), "messages");
}

static void
test_list_and_read (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) unread_list = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) in_chinese = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autofree char *id = NULL;
  g_autofree char *read_path = NULL;
  JsonArray *messages;
  JsonObject *message;
  gint64 unread = 0, n;

  messages = list (fixture, fixture->applicant, "", "en", &unread, &all);
  n = json_array_get_length (messages);
  /* the demo's decisions: approvals, a return and a rejection */
  g_assert_cmpint (n, >=, 6);
  g_assert_cmpint (unread, ==, n);
  for (guint i = 0; i < n; i++)
    {
      message = json_array_get_object_element (messages, i);
      g_assert_false (json_object_get_boolean_member (message, "read"));
      g_assert_cmpuint (strlen (json_object_get_string_member (message, "title")), >, 0);
      g_assert_cmpuint (strlen (json_object_get_string_member (message, "text")), >, 0);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (message, "action"), "archive."));
      if (g_str_equal (json_object_get_string_member (message, "action"), "archive.return"))
        {
          g_assert_cmpstr (json_object_get_string_member (message, "to"), ==, "returned");
          g_assert_nonnull (strstr (json_object_get_string_member (message, "text"), "请补充"));
        }
    }

  /* worded in the reader's language */
  messages = list (fixture, fixture->applicant, "", "zh-CN", NULL, &in_chinese);
  g_assert_cmpuint (strlen (json_object_get_string_member (json_array_get_object_element (messages, 0), "text")),
                    >, 0);

  message = json_array_get_object_element (json_object_get_array_member (zc_server_test_object (all), "messages"),
                                           0);
  id = g_strdup (json_object_get_string_member (message, "id"));
  read_path = g_strdup_printf ("/api/v1/messages/%s/read", id);
  read = zc_server_test_ok (fixture->server, "POST", read_path, fixture->applicant, NULL, 200);
  g_assert_true (json_object_get_boolean_member (zc_server_test_object (read), "read"));
  g_assert_nonnull (json_object_get_string_member (zc_server_test_object (read), "read_at"));
  /* again: nothing changes */
  g_clear_pointer (&read, json_node_unref);
  read = zc_server_test_ok (fixture->server, "POST", read_path, fixture->applicant, NULL, 200);

  messages = list (fixture, fixture->applicant, "?unread=true", "en", &unread, &unread_list);
  g_assert_cmpint (unread, ==, n - 1);
  g_assert_cmpuint (json_array_get_length (messages), ==, n - 1);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, i), "id"), !=, id);

  /* another person's message is not there for them */
  zc_server_test_expect (fixture->server, "POST", read_path, fixture->applicant2, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "POST", read_path, fixture->officer, NULL, 404, "not_found");
  messages = list (fixture, fixture->applicant2, "", "en", &unread, &none);
  g_assert_cmpuint (json_array_get_length (messages), ==, 0);
  g_assert_cmpint (unread, ==, 0);

  g_clear_pointer (&read, json_node_unref);
  read = zc_server_test_ok (fixture->server, "POST", "/api/v1/messages/read-all", fixture->applicant, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (read), "marked"), ==, n - 1);
  list (fixture, fixture->applicant, "", "en", &unread, &after);
  g_assert_cmpint (unread, ==, 0);

  zc_server_test_expect (fixture->server, "GET", "/api/v1/messages?unread=yes", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/messages?limit=1000", fixture->applicant, NULL, 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "GET", "/api/v1/messages", NULL, NULL, 401, "unauthenticated");
  zc_server_test_expect (fixture->server, "POST",
                         "/api/v1/messages/00000000-0000-4000-8000-000000000000/read", fixture->applicant, NULL, 404,
                         "not_found");
}

/* Every change of state tells the applicant; editing without a change
 * of state does not. */
static void
test_one_per_state_change (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *pending = "de300000-0000-4000-8000-000000000106";   /* a demo paper */
  const char *approved = "de300000-0000-4000-8000-000000000104";  /* a demo assessment */
  g_autofree char *decide = g_strdup_printf ("/api/v1/archive/%s/decision", pending);
  g_autofree char *edit = g_strdup_printf ("/api/v1/archive/%s", approved);
  g_autoptr(JsonNode) decided = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) newest = NULL;
  gint64 before = zc_server_test_count (fixture->server, "SELECT count(*) FROM messages");
  JsonObject *message;

  decided = zc_server_test_ok (fixture->server, "POST", decide, fixture->officer,
                               "{\"decision\": \"approve\", \"expected_state\": \"pending\", \"comment\": \"材料齐全\"}",
                               200);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM messages"), ==, before + 1);

  /* approved → pending by the applicant's own edit: told too */
  edited = zc_server_test_ok (fixture->server, "PUT", edit, fixture->applicant,
                              "{\"base_version\": 2, \"body\": {\"year\": 2023, \"result\": \"1\","
                              " \"assessed_by\": \"郑州市示范人民医院人事科\"}}", 200);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM messages"), ==, before + 2);

  g_clear_pointer (&edited, json_node_unref);
  edited = zc_server_test_ok (fixture->server, "PUT", edit, fixture->applicant,
                              "{\"base_version\": 3, \"body\": {\"year\": 2023, \"result\": \"1\","
                              " \"assessed_by\": \"郑州市示范人民医院\"}}", 200);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM messages"), ==, before + 2);

  newest = zc_server_test_ok (fixture->server, "GET", "/api/v1/messages?limit=1", fixture->applicant, NULL, 200);
  message = json_array_get_object_element (json_object_get_array_member (zc_server_test_object (newest),
                                                                         "messages"), 0);
  g_assert_cmpstr (json_object_get_string_member (message, "action"), ==, "archive.edit");
  g_assert_cmpstr (json_object_get_string_member (message, "from"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (message, "to"), ==, "pending");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/messages/list-and-read", Fixture, NULL, fixture_setup, test_list_and_read,
              fixture_teardown);
  g_test_add ("/server/messages/one-per-state-change", Fixture, NULL, fixture_setup, test_one_per_state_change,
              fixture_teardown);

  return g_test_run ();
}
