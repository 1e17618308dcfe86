/* test-integrity.c: integrity records (诚信档案) kept with the admin
 * command and listed to the administrator over HTTP
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-json.h"
#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_nonnull (text);
  node = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Runs `admin --json integrity-add …`; returns the answer. */
static JsonNode *
add (const char *data_dir,
     const char *id_number,
     const char *until,
     const char *reason,
     int        *status)
{
  const char *args[] = { "--json", "integrity-add", "--id-number", id_number, "--until", until, "--reason", reason,
                         NULL };
  g_autofree char *out = zc_test_run_admin (data_dir, args, status);

  return parse (out);
}

static gint64
count_records (ZcTestServer *server)
{
  return zc_server_test_count (server, "SELECT count(*) FROM integrity_records");
}

static guint
count_listed (ZcTestServer *server,
              const char   *token,
              const char   *query)
{
  g_autofree char *path = g_strconcat ("/api/v1/admin/integrity", query, NULL);
  g_autoptr(JsonNode) answer = zc_server_test_ok (server, "GET", path, token, NULL, 200);

  return json_array_get_length (json_object_get_array_member (zc_server_test_object (answer), "records"));
}

static void
test_add_list_remove (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *committee = zc_test_server_login (server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *text_out = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *again = NULL;
  g_autofree char *query = NULL;
  const char *list_args[] = { "--json", "integrity-list", NULL };
  const char *active_args[] = { "integrity-list", "--active", "--id-number", ZC_TEST_DEMO_APPLICANT, NULL };
  const char *remove_args[] = { "integrity-remove", "--id", NULL, NULL };
  int status = -1;

  /* a lower-case x and spaces are normalised */
  record = add (server->data_dir, " 41010519900718002x ", "2099-12-31", "学术不端：论文抄袭", &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_uuid_string_is_valid (zc_test_member_string (record, "id")));
  g_assert_cmpstr (zc_test_member_string (record, "id_number"), ==, ZC_TEST_DEMO_APPLICANT2);
  g_assert_cmpstr (zc_test_member_string (record, "reason"), ==, "学术不端：论文抄袭");
  /* in force through the last day in Beijing: ends at its midnight */
  g_assert_cmpstr (zc_test_member_string (record, "until"), ==, "2099-12-31T16:00:00Z");

  other = add (server->data_dir, ZC_TEST_DEMO_APPLICANT, "2098-01-01", "伪造证书", &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (count_records (server), ==, 2);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit WHERE action = 'integrity.add'"), ==, 2);

  /* the admin command lists them */
  text_out = zc_test_run_admin (server->data_dir, list_args, &status);
  g_assert_cmpint (status, ==, 0);
  listed = parse (text_out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (listed));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 2);
  g_clear_pointer (&text_out, g_free);
  text_out = zc_test_run_admin (server->data_dir, active_args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text_out, "伪造证书"));
  g_assert_null (strstr (text_out, "论文抄袭"));

  /* and so does the API, to the administrator only */
  g_assert_cmpuint (count_listed (server, admin, ""), ==, 2);
  g_assert_cmpuint (count_listed (server, admin, "?active=true"), ==, 2);
  query = g_strdup_printf ("?id_number=%s", ZC_TEST_DEMO_APPLICANT);
  g_assert_cmpuint (count_listed (server, admin, query), ==, 1);
  zc_server_test_expect (server, "GET", "/api/v1/admin/integrity", applicant, NULL, 403, "forbidden");
  zc_server_test_expect (server, "GET", "/api/v1/admin/integrity", committee, NULL, 403, "forbidden");
  zc_server_test_expect (server, "GET", "/api/v1/admin/integrity", NULL, NULL, 401, "unauthenticated");
  zc_server_test_expect (server, "GET", "/api/v1/admin/integrity?active=yes", admin, NULL, 400, "invalid_value");

  /* remove one; removing it again fails */
  remove_args[2] = zc_test_member_string (record, "id");
  removed = zc_test_run_admin (server->data_dir, remove_args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (removed, zc_test_member_string (record, "id")));
  g_assert_cmpint (count_records (server), ==, 1);
  again = zc_test_run_admin (server->data_dir, remove_args, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpuint (count_listed (server, admin, ""), ==, 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit WHERE action = 'integrity.remove'"),
                   ==, 1);

  zc_test_server_stop (server);
}

static void
test_bad_input (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("zc-integrity-XXXXXX", NULL);
  g_autofree char *long_reason = g_strnfill (501, 'a');
  struct {
    const char *id_number;
    const char *until;
    const char *reason;
    const char *field;
  } cases[] = {
    { ZC_TEST_DEMO_APPLICANT, "2099-02-30", "原因", "until" },
    { ZC_TEST_DEMO_APPLICANT, "2099/12/31", "原因", "until" },
    { ZC_TEST_DEMO_APPLICANT, "2099-12-3", "原因", "until" },
    { ZC_TEST_DEMO_APPLICANT, "31-12-2099", "原因", "until" },
    { ZC_TEST_DEMO_APPLICANT, "tomorrow", "原因", "until" },
    { ZC_TEST_DEMO_APPLICANT, "2099-13-01", "原因", "until" },
    { ZC_TEST_DEMO_APPLICANT, "2020-01-01", "原因", "until" },
    { ZC_TEST_DEMO_APPLICANT, "2999-01-01", "原因", "until" },
    { "410102198503120015", "2099-12-31", "原因", "id_number" },
    { "12345", "2099-12-31", "原因", "id_number" },
    { ZC_TEST_DEMO_APPLICANT, "2099-12-31", "   ", "reason" },
    { ZC_TEST_DEMO_APPLICANT, "2099-12-31", long_reason, "reason" },
    { ZC_TEST_DEMO_APPLICANT, "2099-12-31", "第一行\n第二行", "reason" },
  };
  const char *missing[] = { "integrity-add", "--id-number", ZC_TEST_DEMO_APPLICANT, "--until", "2099-12-31", NULL };
  const char *extra[] = { "integrity-list", "surplus", NULL };
  const char *no_id[] = { "integrity-remove", NULL };
  const char *bad_id[] = { "--json", "integrity-remove", "--id", "not-a-uuid", NULL };
  const char *list_args[] = { "--json", "integrity-list", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) listed = NULL;
  int status = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) answer = add (data_dir, cases[i].id_number, cases[i].until, cases[i].reason, &status);

      g_assert_cmpint (status, ==, 1);
      zc_test_assert_error (answer, "invalid_value");
      g_assert_cmpstr (zc_test_member_string (answer, "field"), ==, cases[i].field);
    }

  g_free (zc_test_run_admin (data_dir, missing, &status));
  g_assert_cmpint (status, ==, 2);
  g_free (zc_test_run_admin (data_dir, extra, &status));
  g_assert_cmpint (status, ==, 2);
  g_free (zc_test_run_admin (data_dir, no_id, &status));
  g_assert_cmpint (status, ==, 2);
  out = zc_test_run_admin (data_dir, bad_id, &status);
  g_assert_cmpint (status, ==, 1);
  {
    g_autoptr(JsonNode) answer = parse (out);

    zc_test_assert_error (answer, "not_found");
  }

  /* nothing was stored */
  g_clear_pointer (&out, g_free);
  out = zc_test_run_admin (data_dir, list_args, &status);
  g_assert_cmpint (status, ==, 0);
  listed = parse (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 0);

  zc_test_rm_rf (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/integrity/add-list-remove", test_add_list_remove);
  g_test_add_func ("/server/integrity/bad-input", test_bad_input);

  return g_test_run ();
}
