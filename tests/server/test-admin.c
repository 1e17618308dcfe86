/* test-admin.c: `zhicheng-server admin` on the database of a running server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (text);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

/* Runs an admin command with --json; returns its parsed output. */
static JsonNode *
admin_json (ZcTestServer       *server,
            const char * const *args,
            int                 expected_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) "--json");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  out = zc_test_run_admin (server->data_dir, (const char * const *) argv->pdata, &status);
  g_assert_cmpint (status, ==, expected_status);

  return *out != '\0' ? parse (out) : NULL;
}

static void
test_create_unit (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  const char * const good[] = { "create-unit", "--name", "郑州市第三示范医院", "--credit-code", "91410100MA0000007G",
                                "--region", "410100", "--kind", "employer", NULL };
  const char * const bad_code[] = { "create-unit", "--name", "示例", "--credit-code", "91410100MA0000007H",
                                    "--region", "410100", "--kind", "employer", NULL };
  const char * const bad_kind[] = { "create-unit", "--name", "示例", "--credit-code", "91410100MA0000007G",
                                    "--region", "410100", "--kind", "school", NULL };
  const char * const missing[] = { "create-unit", "--name", "示例", NULL };
  g_autoptr(JsonNode) created = admin_json (server, good, 0);
  g_autoptr(JsonNode) duplicate = NULL;
  g_autoptr(JsonNode) invalid = NULL;
  g_autofree char *id = NULL;

  g_assert_cmpstr (zc_test_member_string (created, "credit_code"), ==, "91410100MA0000007G");
  /* the running server sees it at once */
  id = zc_server_test_id_of_unit (server, token, "91410100MA0000007G");
  g_assert_cmpstr (id, ==, zc_test_member_string (created, "id"));

  duplicate = admin_json (server, good, 1);
  zc_test_assert_error (duplicate, "unit_exists");
  invalid = admin_json (server, bad_code, 1);
  zc_test_assert_error (invalid, "invalid_value");
  g_assert_cmpstr (zc_test_member_string (invalid, "field"), ==, "credit_code");
  g_assert_null (admin_json (server, bad_kind, 2));
  g_assert_null (admin_json (server, missing, 2));

  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM units"), ==, 8);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit WHERE action = 'unit.create'"
                                                 " AND address = 'admin-command'"), ==, 1);

  zc_test_server_stop (server);
}

static void
test_create_account (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *company = zc_server_test_id_of_unit (server, admin, ZC_TEST_DEMO_COMPANY_CODE);
  g_autofree char *id_number = zc_server_test_id_number (7, FALSE);
  const char * const good[] = { "create-account", "--id-number", id_number, "--name", "钱 Lily", "--mobile",
                                "13900000007", "--role", "unit_officer", "--unit", company, NULL };
  const char * const no_unit[] = { "create-account", "--id-number", "110101199003077774", "--name", "钱多",
                                   "--role", "unit_officer", NULL };
  const char * const bad_role[] = { "create-account", "--id-number", id_number, "--name", "钱多",
                                    "--role", "root", NULL };
  g_autoptr(JsonNode) created = admin_json (server, good, 0);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autofree char *token = NULL;
  g_autofree char *change = NULL;
  g_autofree char *bindings = g_strdup_printf ("/api/v1/units/%s/bindings", company);

  g_assert_cmpstr (zc_test_member_string (created, "role"), ==, "unit_officer");
  g_assert_true (json_object_get_boolean_member (zc_server_test_object (created), "must_change_password"));

  /* the initial password works once, for the password change */
  token = zc_test_server_login (server, "13900000007", zc_test_member_string (created, "initial_password"));
  zc_server_test_expect (server, "GET", bindings, token, NULL, 403, "password_change_required");
  change = g_strdup_printf ("{\"old_password\": \"%s\", \"new_password\": \"qian2026lily\"}",
                            zc_test_member_string (created, "initial_password"));
  zc_server_test_expect (server, "POST", "/api/v1/me/password", token, change, 204, NULL);
  zc_server_test_expect (server, "GET", bindings, token, NULL, 200, NULL);

  again = admin_json (server, good, 1);
  zc_test_assert_error (again, "account_exists");
  refused = admin_json (server, no_unit, 1);
  g_assert_cmpstr (zc_test_member_string (refused, "field"), ==, "unit_id");
  g_assert_null (admin_json (server, bad_role, 2));

  zc_test_server_stop (server);
}

static void
test_set_role_and_reset (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *company = zc_server_test_id_of_unit (server, admin, ZC_TEST_DEMO_COMPANY_CODE);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *after = NULL;
  const char * const promote[] = { "set-role", "--account", ZC_TEST_DEMO_APPLICANT2, "--role", "unit_officer",
                                   "--unit", company, NULL };
  const char * const to_admin_with_unit[] = { "set-role", "--account", ZC_TEST_DEMO_APPLICANT2, "--role", "admin",
                                              "--unit", company, NULL };
  const char * const nobody[] = { "set-role", "--account", "110101199003077774", "--role", "admin", NULL };
  const char * const reset[] = { "reset-password", "--account", ZC_TEST_DEMO_APPLICANT2, NULL };
  const char * const reset_nobody[] = { "reset-password", "--account", "00000000-0000-4000-8000-000000000000", NULL };
  g_autoptr(JsonNode) promoted = admin_json (server, promote, 0);
  g_autoptr(JsonNode) refused = admin_json (server, to_admin_with_unit, 1);
  g_autoptr(JsonNode) missing = admin_json (server, nobody, 1);
  g_autoptr(JsonNode) missing_reset = admin_json (server, reset_nobody, 1);
  g_autoptr(JsonNode) fresh = NULL;
  g_autoptr(JsonNode) me = NULL;
  guint status = 0;

  g_assert_cmpstr (zc_test_member_string (promoted, "role"), ==, "unit_officer");
  zc_test_assert_error (refused, "invalid_value");
  zc_test_assert_error (missing, "not_found");
  zc_test_assert_error (missing_reset, "not_found");

  /* a new role: the old session ended; a new login has the new rights */
  zc_server_test_expect (server, "GET", "/api/v1/me", token, NULL, 401, "unauthenticated");
  after = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  me = zc_test_server_call (server, "GET", "/api/v1/me", after, "en", NULL, &status, NULL);
  g_assert_cmpstr (zc_test_member_string (me, "role"), ==, "unit_officer");

  fresh = admin_json (server, reset, 0);
  g_assert_cmpuint (strlen (zc_test_member_string (fresh, "initial_password")), ==, 12);
  zc_server_test_expect (server, "GET", "/api/v1/me", after, NULL, 401, "unauthenticated");
  g_clear_pointer (&after, g_free);
  after = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, zc_test_member_string (fresh, "initial_password"));
  zc_server_test_expect (server, "GET", "/api/v1/me", after, NULL, 403, "password_change_required");

  zc_test_server_stop (server);
}

static void
test_usage (void)
{
  ZcTestServer *server = zc_test_server_start (NULL);
  const char * const unknown[] = { "frobnicate", NULL };
  const char * const stray[] = { "backup", "--output", "/tmp/x.db", "extra", NULL };
  const char * const no_command[] = { NULL };
  const char * const verify[] = { "verify-audit", NULL };
  const char * const bare[] = { "admin", NULL };
  g_autofree char *out = NULL;
  g_autofree char *verified = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  out = zc_test_run_admin (server->data_dir, unknown, &status);
  g_assert_cmpint (status, ==, 2);
  g_free (out);
  out = zc_test_run_admin (server->data_dir, stray, &status);
  g_assert_cmpint (status, ==, 2);
  g_free (out);
  out = zc_test_run_admin (server->data_dir, no_command, &status);
  g_assert_cmpint (status, ==, 2);

  verified = zc_test_run_admin (server->data_dir, verify, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (verified, "chain: ok"));

  /* without --data-dir */
  process = g_subprocess_newv ((const char * const []) { g_getenv ("ZHICHENG_SERVER"), bare[0], NULL },
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);

  zc_test_server_stop (server);
}

typedef struct
{
  ZcTestServer *server;
  gint          stop;
  gint          logins;
} Writer;

/* Keeps the server writing: every login adds a session and an audit row. */
static gpointer
keep_writing (gpointer data)
{
  Writer *writer = data;

  while (!g_atomic_int_get (&writer->stop))
    {
      g_autofree char *token = zc_test_server_login (writer->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      answer = zc_test_server_call (writer->server, "DELETE", "/api/v1/sessions/current", token, "en", NULL,
                                    &status, NULL);
      g_assert_cmpuint (status, ==, 204);
      g_atomic_int_inc (&writer->logins);
    }

  return NULL;
}

static void
test_backup_while_writing (void)
{
  Writer writer = { zc_test_server_start (demo), 0, 0 };
  g_autofree char *backup = g_build_filename (writer.server->data_dir, "backup.db", NULL);
  const char * const args[] = { "backup", "--output", backup, NULL };
  g_autoptr(JsonNode) done = NULL;
  g_autoptr(JsonNode) again = NULL;
  GThread *thread;

  thread = g_thread_new ("writer", keep_writing, &writer);
  while (g_atomic_int_get (&writer.logins) < 3)
    g_usleep (10 * 1000);

  done = admin_json (writer.server, args, 0);
  g_assert_cmpstr (zc_test_member_string (done, "backup"), ==, backup);

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_assert_cmpint (writer.logins, >, 3);

  /* a whole, consistent database */
  g_assert_cmpint (zc_server_test_query_int (backup, "SELECT count(*) FROM pragma_integrity_check"
                                                     " WHERE integrity_check = 'ok'"), ==, 1);
  g_assert_cmpint (zc_server_test_query_int (backup, "SELECT count(*) FROM accounts"), ==, 9);
  g_assert_cmpint (zc_server_test_query_int (backup, "SELECT count(*) FROM audit"
                                                     " WHERE action = 'session.create'"), >=, 3);
  g_assert_cmpint (zc_server_test_query_int (backup, "PRAGMA user_version"), >=, 2);

  /* never over an existing file */
  again = admin_json (writer.server, args, 1);
  zc_test_assert_error (again, "failed");

  /* a server starts on the backup */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp ("zc-test-restore-XXXXXX", &error);
    g_autofree char *db = g_build_filename (dir, "zhicheng.db", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;
    ZcTestServer *restored;
    g_autofree char *token = NULL;

    g_assert_true (g_file_get_contents (backup, &contents, &length, &error));
    g_assert_true (g_file_set_contents (db, contents, (gssize) length, &error));
    restored = zc_test_server_start_in (dir, NULL);
    token = zc_test_server_login (restored, ZC_TEST_DEMO_ADMIN, ZC_TEST_DEMO_PASSWORD);
    g_assert_nonnull (token);
    zc_test_server_stop (restored);
  }

  zc_test_server_stop (writer.server);
}

/* --demo again on the same folder adds nothing twice and leaves what
 * exists (a changed password) alone. */
static void
test_demo_idempotent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-test-demo-XXXXXX", &error);
  ZcTestServer *server = zc_test_server_start_in (dir, demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *again = NULL;

  zc_server_test_expect (server, "POST", "/api/v1/me/password", token,
                         "{\"old_password\": \"demo2026\", \"new_password\": \"zhang2027wei\"}", 204, NULL);
  server->keep_data = TRUE;
  zc_test_server_stop (server);

  server = zc_test_server_start_in (dir, demo);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM units"), ==, 7);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM accounts"), ==, 9);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM bindings"), ==, 2);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM records WHERE kind = 'declaration'"), ==, 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM accounts WHERE role = 'admin'"), ==, 1);
  again = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, "zhang2027wei");
  g_assert_nonnull (again);
  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/admin/create-unit", test_create_unit);
  g_test_add_func ("/server/admin/create-account", test_create_account);
  g_test_add_func ("/server/admin/set-role-and-reset", test_set_role_and_reset);
  g_test_add_func ("/server/admin/usage", test_usage);
  g_test_add_func ("/server/admin/backup-while-writing", test_backup_while_writing);
  g_test_add_func ("/server/admin/demo-idempotent", test_demo_idempotent);

  return g_test_run ();
}
