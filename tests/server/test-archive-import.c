/* test-archive-import.c: `zhicheng-server admin import-entries`
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

#define EDUCATION_ID   "1a2b3c4d-0000-4000-8000-000000000001"
#define CERTIFICATE_ID "1a2b3c4d-0000-4000-8000-000000000002"

static const char good_entries[] =
  "[{\"id\": \"" EDUCATION_ID "\", \"id_number\": \"" ZC_TEST_DEMO_APPLICANT2 "\", \"category\": \"education\","
  "  \"body\": {\"start_on\": \"2008-09-01\", \"graduated_on\": \"2012-07-01\", \"school\": \"河南大学\","
  "            \"education_type\": \"1\", \"major\": \"护理学\", \"schooling_years\": 4,"
  "            \"enrolment_status\": \"1\", \"education_level\": \"21\", \"degree\": \"4\"}},"
  " {\"id\": \"" CERTIFICATE_ID "\", \"id_number\": \"" ZC_TEST_DEMO_APPLICANT2 "\","
  "  \"category\": \"qualification-certificates\","
  "  \"body\": {\"name\": \"护士执业资格证书\", \"certificate_type\": \"1\", \"specialty\": \"护理\","
  "            \"number\": \"201341010519900718\", \"issued_by\": \"河南省卫生健康委员会\","
  "            \"issued_on\": \"2013-05-20\"}}]";

static char *
write_import (ZcTestServer *server,
              const char   *name,
              const char   *text)
{
  g_autofree char *path = g_build_filename (server->data_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
import_file (const char *source,
             const char *entries)
{
  return g_strdup_printf ("{\"source\": \"%s\", \"entries\": %s}", source, entries);
}

/* Runs import-entries --json on @path; returns the parsed output. */
static JsonNode *
run_import (ZcTestServer *server,
            const char   *path,
            int           expected_status)
{
  const char * const args[] = { "--json", "import-entries", "--file", path, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = -1;

  out = zc_test_run_admin (server->data_dir, args, &status);
  g_assert_cmpint (status, ==, expected_status);
  g_assert_nonnull (out);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static gint64
count_entries (ZcTestServer *server)
{
  return zc_server_test_count (server, "SELECT count(*) FROM records WHERE id IN ('" EDUCATION_ID "', '"
                                       CERTIFICATE_ID "')");
}

static void
test_import_unreviewed (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *text = import_file ("学信网", good_entries);
  g_autofree char *path = write_import (server, "import.json", text);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(JsonNode) first = run_import (server, path, 0);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(JsonNode) history = NULL;
  JsonObject *summary = zc_server_test_object (first);
  JsonArray *rows;
  JsonObject *row;

  g_assert_cmpint (json_object_get_int_member (summary, "imported"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "already_there"), ==, 0);

  /* the applicant sees them unreviewed, the source named in the history */
  entry = zc_server_test_ok (server, "GET", "/api/v1/archive/" EDUCATION_ID, token, NULL, 200);
  g_assert_cmpstr (zc_test_member_string (entry, "state"), ==, "unreviewed");
  g_assert_cmpstr (zc_test_member_string (entry, "kind"), ==, "archive:education");
  history = zc_server_test_ok (server, "GET", "/api/v1/archive/" EDUCATION_ID "/history", token, NULL, 200);
  rows = json_object_get_array_member (zc_server_test_object (history), "history");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "action"), ==, "import");
  g_assert_cmpstr (json_object_get_string_member (row, "to"), ==, "unreviewed");
  g_assert_cmpstr (json_object_get_string_member (row, "comment"), ==, "学信网");

  /* the same file again adds nothing */
  again = run_import (server, path, 0);
  summary = zc_server_test_object (again);
  g_assert_cmpint (json_object_get_int_member (summary, "imported"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "already_there"), ==, 2);
  g_assert_cmpint (count_entries (server), ==, 2);

  /* the applicant puts an imported entry to the unit */
  zc_server_test_ok (server, "POST", "/api/v1/archive/" EDUCATION_ID "/submit", token,
                     "{\"expected_state\": \"unreviewed\"}", 200);

  zc_test_server_stop (server);
}

typedef struct
{
  const char *name;
  const char *text;       /* a whole file */
  const char *code;
  const char *field;      /* nullable: not checked */
} BadFile;

static void
test_bad_files (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *bad_date = g_strdup (good_entries);
  g_autofree char *officer = g_strdup (good_entries);
  g_autofree char *unknown_number = g_strdup (good_entries);
  g_autofree char *unknown_category = NULL;
  g_autofree char *unknown_member = NULL;
  g_autofree char *long_source = g_strnfill (101, 'x');
  char *files[9] = { NULL };
  BadFile bad[9];
  char *at;

  /* the second entry is the bad one: the first must not stay either */
  at = strstr (bad_date, "2013-05-20");
  memcpy (at, "2013-02-30", 10);
  at = strstr (strstr (officer, CERTIFICATE_ID), ZC_TEST_DEMO_APPLICANT2);
  memcpy (at, ZC_TEST_DEMO_UNIT_OFFICER, strlen (ZC_TEST_DEMO_UNIT_OFFICER));
  at = strstr (strstr (unknown_number, CERTIFICATE_ID), ZC_TEST_DEMO_APPLICANT2);
  memcpy (at, "110101199003070011", 18);
  unknown_category = g_strdup_printf ("[{\"id\": \"%s\", \"id_number\": \"%s\", \"category\": \"diaries\", \"body\": {}}]",
                                      EDUCATION_ID, ZC_TEST_DEMO_APPLICANT2);
  unknown_member = g_strdup_printf ("[{\"id\": \"%s\", \"id_number\": \"%s\", \"category\": \"education\","
                                    " \"body\": {}, \"state\": \"approved\"}]", EDUCATION_ID, ZC_TEST_DEMO_APPLICANT2);

  files[0] = import_file ("学信网", bad_date);
  files[1] = import_file ("学信网", officer);
  files[2] = import_file ("学信网", unknown_number);
  files[3] = import_file ("学信网", unknown_category);
  files[4] = import_file ("学信网", unknown_member);
  files[5] = import_file ("  ", good_entries);
  files[6] = import_file (long_source, good_entries);
  files[7] = g_strdup ("{\"source\": \"学信网\", \"entries\": [");
  files[8] = g_strdup_printf ("{\"entries\": %s}", good_entries);

  bad[0] = (BadFile) { "bad date", files[0], "invalid_date", "issued_on" };
  bad[1] = (BadFile) { "an officer", files[1], "not_an_applicant", "id_number" };
  bad[2] = (BadFile) { "no such account", files[2], "unknown_account", "id_number" };
  bad[3] = (BadFile) { "no such category", files[3], "unknown_category", "category" };
  bad[4] = (BadFile) { "unknown member", files[4], "unknown_member", NULL };
  bad[5] = (BadFile) { "empty source", files[5], "invalid_value", "source" };
  bad[6] = (BadFile) { "long source", files[6], "invalid_value", "source" };
  bad[7] = (BadFile) { "malformed", files[7], "malformed_json", NULL };
  bad[8] = (BadFile) { "no source", files[8], "missing_value", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_import (server, "bad.json", bad[i].text);
      g_autoptr(JsonNode) answer = run_import (server, path, 1);

      g_test_message ("%s", bad[i].name);
      zc_test_assert_error (answer, bad[i].code);
      if (bad[i].field != NULL)
        g_assert_cmpstr (zc_test_member_string (answer, "field"), ==, bad[i].field);
      g_assert_cmpint (count_entries (server), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_free (files[i]);

  /* a file that is not there */
  {
    g_autofree char *path = g_build_filename (server->data_dir, "missing.json", NULL);
    g_autoptr(JsonNode) answer = run_import (server, path, 1);

    zc_test_assert_error (answer, "unreadable_file");
  }

  zc_test_server_stop (server);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/archive-import/unreviewed", test_import_unreviewed);
  g_test_add_func ("/archive-import/bad-files", test_bad_files);

  return g_test_run ();
}
