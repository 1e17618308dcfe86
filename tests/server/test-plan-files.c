/* test-plan-files.c: files attached to a plan's notices on the real
 * server — a plan names only files its officer may read, and who may
 * read them afterwards (published: everyone signed in; draft: the
 * committee's officers)
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-declaration-test.h"
#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

/* a valid credit code the demo does not use: a second committee */
#define OTHER_COMMITTEE_CODE "91410100MA0000007G"
#define UNKNOWN_SHA256       "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

#define PLAN_START \
  "{\"year\": 2026, \"name\": \"2026年度工程技术系列中级职称评审\", \"contact_phone\": \"0871-63211234\"," \
  " \"type\": \"review\", \"region_code\": \"530000\"," \
  " \"titles\": [{\"series\": \"05\", \"category\": \"工程技术\", \"level\": \"中级\", \"title\": \"工程师\"}]," \
  " \"methods\": [\"regular\"], \"scope\": \"全省\"," \
  " \"windows\": {\"individual_start\": \"2026-03-01T00:00:00+08:00\"," \
  " \"first_submission_deadline\": \"2026-04-30T23:59:59+08:00\"," \
  " \"modification_deadline\": \"2026-05-15T23:59:59+08:00\"," \
  " \"unit_deadline\": \"2026-05-31T23:59:59+08:00\"," \
  " \"department_deadline\": \"2026-06-15T23:59:59+08:00\"}," \
  " \"exam\": false, \"interview\": true"

typedef struct
{
  ZcTestServer *server;
  char         *admin;
  char         *committee;        /* the demo committee's officer */
  char         *colleague;        /* a second officer of the same committee */
  char         *other;            /* the officer of a second committee */
  char         *applicant;
  GBytes       *pdf;              /* uploaded by the committee's officer */
  char         *pdf_sha256;
  char         *photo_sha256;     /* uploaded by the applicant */
} Fixture;

static GBytes *
pdf_bytes (void)
{
  static const char text[] = "%PDF-1.4\n% a notice's file for the plan tests\n%%EOF\n";

  return g_bytes_new_static (text, sizeof text - 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonNode) unit = NULL;
  g_autoptr(GBytes) photo = zc_decl_test_image_bytes ("png", 0x336699ffu);
  g_autofree char *body = NULL;
  g_autofree char *committee_unit = NULL;
  g_autofree char *colleague_number = zc_server_test_id_number (411, TRUE);
  g_autofree char *other_number = zc_server_test_id_number (412, FALSE);
  g_autofree char *account = NULL;
  g_autofree char *account2 = NULL;

  fixture->server = zc_test_server_start (demo);
  fixture->admin = zc_server_test_admin_token (fixture->server);
  fixture->committee = zc_test_server_login (fixture->server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  fixture->applicant = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  committee_unit = zc_server_test_id_of_unit (fixture->server, fixture->admin, "12410000MB00000036");
  account = zc_server_test_add_account (fixture->server, fixture->admin, colleague_number, "王静", "committee_officer",
                                        committee_unit, &fixture->colleague);

  body = g_strdup_printf ("{\"name\": \"云南省工程技术中级评审委员会\", \"credit_code\": \"%s\","
                          " \"region_code\": \"530000\", \"kind\": \"committee\"}", OTHER_COMMITTEE_CODE);
  unit = zc_server_test_ok (fixture->server, "POST", "/api/v1/admin/units", fixture->admin, body, 201);
  account2 = zc_server_test_add_account (fixture->server, fixture->admin, other_number, "周敏", "committee_officer",
                                         zc_test_member_string (unit, "id"), &fixture->other);

  fixture->pdf = pdf_bytes ();
  zc_decl_test_put_blob (fixture->server, fixture->committee, fixture->pdf, &fixture->pdf_sha256);
  zc_decl_test_put_blob (fixture->server, fixture->applicant, photo, &fixture->photo_sha256);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zc_test_server_stop (fixture->server);
  g_free (fixture->admin);
  g_free (fixture->committee);
  g_free (fixture->colleague);
  g_free (fixture->other);
  g_free (fixture->applicant);
  g_bytes_unref (fixture->pdf);
  g_free (fixture->pdf_sha256);
  g_free (fixture->photo_sha256);
}

/* A plan whose one notice names the file @sha256 (@file_extra replaces
 * the usual name, mime and size when set); @extra ends the object. */
static char *
plan_with_file (const char *sha256,
                const char *file_extra,
                const char *extra)
{
  return g_strdup_printf (PLAN_START ", \"notices\": [{\"title\": \"申报须知\", \"text\": \"见附件。\","
                          " \"files\": [{\"sha256\": \"%s\", %s}]}]%s}",
                          sha256,
                          file_extra != NULL ? file_extra
                                             : "\"name\": \"申报须知.pdf\", \"mime\": \"application/pdf\", \"size\": 52",
                          extra != NULL ? extra : "");
}

/* GET /api/v1/blobs/{sha256}: the status, and the bytes when 200. */
static guint
get_blob (Fixture     *fixture,
          const char  *token,
          const char  *sha256,
          GBytes     **bytes)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (fixture->server->url, "/api/v1/blobs/", sha256, NULL);

  msg = soup_message_new ("GET", url);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (bytes != NULL)
    *bytes = soup_message_get_status (msg) == 200 ? g_bytes_ref (answer) : NULL;

  return soup_message_get_status (msg);
}

static gint64
count_plans (Fixture *fixture)
{
  return zc_server_test_count (fixture->server, "SELECT count(*) FROM plans");
}

/* Naming a file nobody uploaded, or another account's, stores nothing. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *unknown = plan_with_file (UNKNOWN_SHA256, NULL, NULL);
  g_autofree char *borrowed = plan_with_file (fixture->photo_sha256, NULL, NULL);
  g_autofree char *own = plan_with_file (fixture->pdf_sha256, NULL, NULL);
  g_autofree char *path = NULL;
  g_autofree char *unknown_update = NULL;
  g_autofree char *version = g_strdup (", \"version\": 1");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) stored = NULL;
  gint64 plans = count_plans (fixture);
  gint64 audit = zc_server_test_count (fixture->server, "SELECT count(*) FROM audit");

  zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", fixture->committee, unknown, 400, "blob_missing");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", fixture->committee, borrowed, 400,
                         "blob_missing");
  g_assert_cmpint (count_plans (fixture), ==, plans);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM audit"), ==, audit);

  /* the answer names the file's place in the plan */
  {
    guint status = 0;
    g_autoptr(JsonNode) error = zc_test_server_call (fixture->server, "POST", "/api/v1/plans", fixture->committee,
                                                     "en", unknown, &status, NULL);

    g_assert_cmpuint (status, ==, 400);
    g_assert_cmpstr (zc_test_member_string (error, "field"), ==, "notices[0].files[0]");
  }

  /* a draft that names its own file, then an edit naming an unknown one */
  answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", fixture->committee, own, 201);
  path = g_strdup_printf ("/api/v1/plans/%s", zc_test_member_string (answer, "id"));
  unknown_update = plan_with_file (UNKNOWN_SHA256, NULL, version);
  zc_server_test_expect (fixture->server, "PUT", path, fixture->committee, unknown_update, 400, "blob_missing");
  stored = zc_server_test_ok (fixture->server, "GET", path, fixture->committee, NULL, 200);
  {
    JsonArray *notices = json_object_get_array_member (zc_server_test_object (stored), "notices");
    JsonObject *notice = json_array_get_object_element (notices, 0);
    JsonObject *file = json_array_get_object_element (json_object_get_array_member (notice, "files"), 0);

    g_assert_cmpstr (json_object_get_string_member (file, "sha256"), ==, fixture->pdf_sha256);
  }
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM audit WHERE action = 'plan.update'"),
                   ==, 0);
}

/* Malformed file records are the codec's to refuse. */
static void
test_bad_values (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct
  {
    const char *sha256;
    const char *file;
    const char *code;
  } cases[] = {
    { "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", NULL, "invalid_value" },
    { "0123456789abcdef", NULL, "invalid_value" },
    { UNKNOWN_SHA256, "\"name\": \"a/b.pdf\", \"mime\": \"application/pdf\", \"size\": 52", "invalid_value" },
    { UNKNOWN_SHA256, "\"name\": \"须知.pdf\", \"mime\": \"application/pdf\", \"size\": 0", "out_of_range" },
    { UNKNOWN_SHA256, "\"name\": \"须知.pdf\", \"mime\": \"application/pdf\"", "missing_value" },
    { UNKNOWN_SHA256, "\"name\": \"须知.pdf\", \"mime\": \"application/pdf\", \"size\": 52, \"x\": 1",
      "unknown_member" },
  };
  g_autoptr(GString) eleven = g_string_new (PLAN_START ", \"notices\": [{\"title\": \"申报须知\", \"files\": [");
  gint64 plans = count_plans (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = plan_with_file (cases[i].sha256, cases[i].file, NULL);

      zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", fixture->committee, body, 400, cases[i].code);
    }

  /* at most 10 files to a notice */
  for (guint i = 0; i < 11; i++)
    g_string_append_printf (eleven, "%s{\"sha256\": \"%s\", \"name\": \"%u.pdf\", \"mime\": \"application/pdf\","
                            " \"size\": 52}", i > 0 ? ", " : "", fixture->pdf_sha256, i);
  g_string_append (eleven, "]}]}");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", fixture->committee, eleven->str, 400,
                         "out_of_range");
  g_assert_cmpint (count_plans (fixture), ==, plans);
}

/* A draft's files are for its committee; once published, for everyone
 * signed in; a revision keeps them. */
static void
test_readers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *body = plan_with_file (fixture->pdf_sha256, NULL, NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) published = NULL;
  g_autoptr(JsonNode) revised = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *publish = NULL;
  g_autofree char *revise = NULL;
  const char *id;

  answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", fixture->committee, body, 201);
  id = zc_test_member_string (answer, "id");

  /* the draft: its committee's officers, not the applicant nor another committee */
  g_assert_cmpuint (get_blob (fixture, fixture->colleague, fixture->pdf_sha256, NULL), ==, 200);
  g_assert_cmpuint (get_blob (fixture, fixture->applicant, fixture->pdf_sha256, NULL), ==, 404);
  g_assert_cmpuint (get_blob (fixture, fixture->other, fixture->pdf_sha256, NULL), ==, 404);

  publish = g_strdup_printf ("/api/v1/plans/%s/publish", id);
  published = zc_server_test_ok (fixture->server, "POST", publish, fixture->committee, "{\"version\": 1}", 200);
  g_assert_cmpstr (zc_test_member_string (published, "state"), ==, "published");

  g_assert_cmpuint (get_blob (fixture, fixture->applicant, fixture->pdf_sha256, &bytes), ==, 200);
  g_assert_true (g_bytes_equal (bytes, fixture->pdf));
  g_assert_cmpuint (get_blob (fixture, fixture->other, fixture->pdf_sha256, NULL), ==, 200);
  g_assert_cmpuint (get_blob (fixture, NULL, fixture->pdf_sha256, NULL), ==, 401);
  /* naming lends nothing beyond the notice: the applicant's own photo stays theirs */
  g_assert_cmpuint (get_blob (fixture, fixture->other, fixture->photo_sha256, NULL), ==, 404);

  /* a revision by the colleague names the same file again */
  revise = g_strdup_printf ("/api/v1/plans/%s/revise", id);
  revised = zc_server_test_ok (fixture->server, "POST", revise, fixture->colleague, "{\"version\": 1}", 201);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (revised), "version"), ==, 2);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM plans WHERE body LIKE '%申报须知.pdf%'"),
                   ==, 2);
}

/* A file of another committee's draft is not the officer's to name;
 * once that plan is published, anyone may name it. */
static void
test_lend_after_publish (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *body = plan_with_file (fixture->pdf_sha256, NULL, NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) published = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autofree char *publish = NULL;

  answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", fixture->committee, body, 201);
  zc_server_test_expect (fixture->server, "POST", "/api/v1/plans", fixture->other, body, 400, "blob_missing");

  publish = g_strdup_printf ("/api/v1/plans/%s/publish", zc_test_member_string (answer, "id"));
  published = zc_server_test_ok (fixture->server, "POST", publish, fixture->committee, NULL, 200);
  other = zc_server_test_ok (fixture->server, "POST", "/api/v1/plans", fixture->other, body, 201);
  g_assert_cmpstr (zc_test_member_string (other, "state"), ==, "draft");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  ADD ("/server/plan-files/refused", test_refused);
  ADD ("/server/plan-files/bad-values", test_bad_values);
  ADD ("/server/plan-files/readers", test_readers);
  ADD ("/server/plan-files/lend-after-publish", test_lend_after_publish);

  return g_test_run ();
}
