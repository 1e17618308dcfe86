/* test-declarations.c: declarations over HTTP and sync — create, edit,
 * discard, withdraw, refused bodies, scope and the role matrix
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-holiday-calendar.h"
#include "zc-plan.h"
#include "zc-server-test.h"
#include "zc-sqlite-store.h"
#include "zc-store-plans.h"

/* ---- helpers shared by the declaration tests (copied in each file) ---- */

/* Dates are relative to today in Beijing, so that the plan's window is
 * open whatever day the tests run; the server's clock is moved with
 * ZHICHENG_TEST_NOW only to let a publicity's days pass. */
#define COMMITTEE_CODE  "12410000MB00000036"
#define DEPARTMENT_CODE "11410000MB00000026"
#define PLAN_ID         "7a000000-0000-4000-8000-0000000000d1"
#define EDUCATION_ID    "de300000-0000-4000-8000-000000000102"

typedef struct
{
  ZcTestServer *server;
  char         *admin;
  char         *applicant;       /* 张伟, of the hospital, with the demo archive */
  char         *applicant_id;
  char         *officer;         /* 王芳, the hospital's unit officer */
  char         *hr_officer;      /* 孙磊, another unit */
  char         *department;      /* 刘洋, the hospital's competent department */
  char         *committee;       /* 陈静, the plan's committee */
  char         *issuer;          /* 杨帆 */
  char         *hospital;
  char         *committee_unit;
  char         *photo;           /* sha256 of uploaded blobs */
  char         *signature;
  char         *outline;
  gsize         outline_size;
} Fixture;

static void
put_blob (ZcTestServer *server,
          const char   *token,
          GBytes       *bytes,
          char        **sha256)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

  *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  url = g_strconcat (server->url, "/api/v1/blobs/", *sha256, NULL);
  msg = soup_message_new ("PUT", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, NULL, bytes);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
}

static GBytes *
image_bytes (const char *type,
             guint32     colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 60, 80);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, colour);
  gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, type, &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new (data, size);
}

static ZcStore *
open_store (ZcTestServer *server)
{
  g_autofree char *path = zc_test_server_db_path (server);
  g_autoptr(GError) error = NULL;
  ZcStore *store = zc_sqlite_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* A published plan as stored, interviews held, a required defence
 * outline and at least one research entry. */
static char *
plan_json (const char *id,
           const char *committee_unit,
           gint64      year,
           const char *name,
           const char *series_title,
           const char *type,
           const char *windows)
{
  return g_strdup_printf (
    "{\"id\": \"%s\", \"version\": 1, \"state\": \"published\", \"year\": %" G_GINT64_FORMAT ","
    " \"name\": \"%" G_GINT64_FORMAT "年度%s职称评审\", \"committee_id\": \"%s\","
    " \"committee_name\": \"河南省卫生系列高级职称评审委员会\", \"contact_phone\": \"0371-65551234\","
    " \"type\": \"%s\", \"titles\": [%s], \"declaration_categories\": [], \"methods\": [\"regular\", \"exceptional\"],"
    " \"scope\": \"\", \"region_code\": \"410000\", \"direct_unit_ids\": [], \"commissioned_unit_ids\": [],"
    " \"notices\": [], \"windows\": %s, \"exam\": false, \"interview\": true,"
    " \"attachments\": [{\"id\": \"defence-outline\", \"name\": \"答辩提纲\", \"types\": [\"application/pdf\"],"
    "   \"max_bytes\": 3145728, \"max_count\": 1, \"required\": true}],"
    " \"condition_groups\": [{\"id\": \"research\", \"name\": \"科研条件\", \"categories\": [\"papers\", \"projects\"],"
    "   \"min\": 1, \"max\": null}],"
    " \"published_at\": \"2026-02-20T02:00:00Z\", \"closed_at\": null}",
    id, year, year, name, committee_unit, type, series_title, windows);
}

/* The date @days from today in Beijing, as YYYY-MM-DD. */
static char *
date_from_today (int days)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The plan's five windows, each @…_days from today. */
static char *
windows_json (int start_days,
              int first_days,
              int modification_days,
              int unit_days,
              int department_days)
{
  g_autofree char *start = date_from_today (start_days);
  g_autofree char *first = date_from_today (first_days);
  g_autofree char *modification = date_from_today (modification_days);
  g_autofree char *unit = date_from_today (unit_days);
  g_autofree char *department = date_from_today (department_days);

  return g_strdup_printf ("{\"individual_start\": \"%sT00:00:00+08:00\","
                          " \"first_submission_deadline\": \"%sT23:59:59+08:00\","
                          " \"modification_deadline\": \"%sT23:59:59+08:00\","
                          " \"unit_deadline\": \"%sT23:59:59+08:00\","
                          " \"department_deadline\": \"%sT23:59:59+08:00\"}",
                          start, first, modification, unit, department);
}

/* The server's clock for a start: now, or @days later at 10:00 in Beijing. */
G_GNUC_UNUSED static char *
clock_in_days (int days)
{
  g_autofree char *date = date_from_today (days);

  return g_strdup_printf ("%sT10:00:00+08:00", date);
}

#define HEALTH_TITLE "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"副主任医师\"}"

static gint64
this_year (void)
{
  g_autofree char *today = date_from_today (0);

  return g_ascii_strtoll (today, NULL, 10);
}

static void
store_plan (ZcTestServer *server,
            const char   *json)
{
  g_autoptr(ZcStore) store = open_store (server);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPlan) plan = zc_plan_new_from_data (json, strlen (json), FALSE, &error);
  g_autoptr(ZcStoreTxn) txn = NULL;

  g_assert_no_error (error);
  txn = zc_store_begin_write (store, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_plans_insert (txn, plan, g_get_real_time (), &error));
  g_assert_no_error (error);
  g_assert_true (zc_store_txn_commit (txn, &error));
}

static void
fixture_start (Fixture    *fixture,
               const char *data_dir,
               const char *now)
{
  static const char * const demo[] = { "--demo", NULL };
  g_autofree char *env_now = now != NULL ? g_strconcat ("ZHICHENG_TEST_NOW=", now, NULL) : NULL;
  const char * const env[] = { env_now, NULL };

  fixture->server = zc_test_server_start_full (data_dir, demo, env);
  g_clear_pointer (&fixture->admin, g_free);
  g_clear_pointer (&fixture->applicant, g_free);
  g_clear_pointer (&fixture->officer, g_free);
  g_clear_pointer (&fixture->hr_officer, g_free);
  g_clear_pointer (&fixture->department, g_free);
  g_clear_pointer (&fixture->committee, g_free);
  g_clear_pointer (&fixture->issuer, g_free);
  fixture->admin = zc_server_test_admin_token (fixture->server);
  fixture->applicant = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  fixture->officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  fixture->hr_officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_HR_OFFICER, ZC_TEST_DEMO_PASSWORD);
  fixture->department = zc_test_server_login (fixture->server, ZC_TEST_DEMO_DEPARTMENT_OFFICER,
                                               ZC_TEST_DEMO_PASSWORD);
  fixture->committee = zc_test_server_login (fixture->server, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_PASSWORD);
  fixture->issuer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_ISSUER, ZC_TEST_DEMO_PASSWORD);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) photo = image_bytes ("jpeg", 0xf0f0f0ffu);
  g_autoptr(GBytes) signature = image_bytes ("png", 0x202020ffu);
  static const char pdf[] = "%PDF-1.4\n% outline\n%%EOF\n";
  g_autoptr(GBytes) outline = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autofree char *plan = NULL;
  g_autofree char *windows = windows_json (-10, 30, 40, 50, 60);

  fixture_start (fixture, NULL, NULL);
  fixture->applicant_id = zc_server_test_account_id (fixture->server, fixture->applicant);
  fixture->hospital = zc_server_test_id_of_unit (fixture->server, fixture->admin, ZC_TEST_DEMO_HOSPITAL_CODE);
  fixture->committee_unit = zc_server_test_id_of_unit (fixture->server, fixture->admin, COMMITTEE_CODE);
  put_blob (fixture->server, fixture->applicant, photo, &fixture->photo);
  put_blob (fixture->server, fixture->applicant, signature, &fixture->signature);
  put_blob (fixture->server, fixture->applicant, outline, &fixture->outline);
  fixture->outline_size = g_bytes_get_size (outline);

  plan = plan_json (PLAN_ID, fixture->committee_unit, this_year (), "卫生系列高级", HEALTH_TITLE, "review",
                    windows);
  store_plan (fixture->server, plan);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  zc_test_server_stop (fixture->server);
  g_free (fixture->admin);
  g_free (fixture->applicant);
  g_free (fixture->applicant_id);
  g_free (fixture->officer);
  g_free (fixture->hr_officer);
  g_free (fixture->department);
  g_free (fixture->committee);
  g_free (fixture->issuer);
  g_free (fixture->hospital);
  g_free (fixture->committee_unit);
  g_free (fixture->photo);
  g_free (fixture->signature);
  g_free (fixture->outline);
}

/* A complete declaration body to PLAN_ID; @extra is added at the end
 * (",\"special_person\": true"), @omit names a member to leave out. */
static char *
declaration_body (Fixture    *fixture,
                  const char *plan_id,
                  const char *omit,
                  const char *extra)
{
  g_autoptr(GString) body = g_string_new ("{");

  g_string_append_printf (body, "\"plan_id\": \"%s\", \"plan_version\": 1", plan_id);
  if (g_strcmp0 (omit, "method") != 0)
    g_string_append (body, ", \"method\": \"regular\"");
  if (g_strcmp0 (omit, "title") != 0)
    g_string_append (body, ", \"title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\","
                           " \"title\": \"副主任医师\", \"specialty\": \"心血管内科\"}");
  g_string_append (body, ", \"professional_years\": 15");
  if (g_strcmp0 (omit, "photo") != 0)
    g_string_append_printf (body, ", \"photo\": {\"sha256\": \"%s\", \"mime\": \"image/jpeg\"}", fixture->photo);
  if (g_strcmp0 (omit, "commitment") != 0)
    g_string_append_printf (body, ", \"commitment\": {\"signed_on\": \"2026-03-09\", \"signature\":"
                                  " {\"sha256\": \"%s\", \"mime\": \"image/png\"}}", fixture->signature);
  if (g_strcmp0 (omit, "work_summary") != 0)
    g_string_append (body, ", \"work_summary\": \"本人2011年起从事心血管内科临床工作，任主治医师以来完成介入诊疗三百余例。\"");
  g_string_append (body, ", \"qualifying_education_id\": \"" EDUCATION_ID "\"");
  g_string_append (body, ", \"picks\": [{\"record_id\": \"de300000-0000-4000-8000-000000000103\","
                         " \"category\": \"work-experience\"},"
                         " {\"record_id\": \"" EDUCATION_ID "\", \"category\": \"education\"},"
                         " {\"record_id\": \"de300000-0000-4000-8000-000000000104\","
                         " \"category\": \"annual-assessments\"}");
  if (g_strcmp0 (omit, "research") != 0)
    g_string_append (body, ", {\"record_id\": \"de300000-0000-4000-8000-000000000106\", \"category\": \"papers\","
                           " \"group\": \"research\"}");
  g_string_append (body, "]");
  if (g_strcmp0 (omit, "attachments") != 0)
    g_string_append_printf (body, ", \"attachments\": [{\"requirement\": \"defence-outline\", \"files\":"
                                  " [{\"sha256\": \"%s\", \"name\": \"答辩提纲.pdf\", \"mime\": \"application/pdf\","
                                  " \"size\": %" G_GSIZE_FORMAT "}]}]", fixture->outline, fixture->outline_size);
  if (extra != NULL)
    g_string_append (body, extra);
  g_string_append (body, "}");

  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* {"ends_on": …} for a publicity starting @from_days from today, as
 * short as allowed; @too_short: the same a day earlier; @days: (out)
 * (optional): how many days after its start it ends. */
G_GNUC_UNUSED static char *
publicity_args (int    from_days,
                char **too_short,
                int   *days)
{
  g_autoptr(GError) error = NULL;
  ZcHolidayCalendar *calendar = zc_holiday_calendar_get_default (&error);
  g_autofree char *today_text = date_from_today (from_days);
  GDate today, end, before;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_ascii_strtoll (today_text + 8, NULL, 10), g_ascii_strtoll (today_text + 5, NULL, 10),
                  g_ascii_strtoll (today_text, NULL, 10));
  zc_holiday_calendar_publicity_earliest_end (calendar, &today, &end);
  g_assert_cmpint (g_date_days_between (&today, &end), >=, 4);
  before = end;
  g_date_subtract_days (&before, 1);
  if (days != NULL)
    *days = g_date_days_between (&today, &end);
  if (too_short != NULL)
    *too_short = g_strdup_printf ("{\"ends_on\": \"%04d-%02d-%02d\"}", g_date_get_year (&before),
                                  g_date_get_month (&before), g_date_get_day (&before));

  return g_strdup_printf ("{\"ends_on\": \"%04d-%02d-%02d\"}", g_date_get_year (&end), g_date_get_month (&end),
                          g_date_get_day (&end));
}

/* Creates a declaration over REST; returns its id. */
static char *
create_declaration (Fixture    *fixture,
                    const char *token,
                    const char *body)
{
  g_autofree char *request = g_strdup_printf ("{\"body\": %s}", body);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/declarations", token, request,
                                                  201);

  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, "draft");
  return g_strdup (zc_test_member_string (answer, "id"));
}

/* One action; @args is a JSON object or NULL. */
static JsonNode *
act (Fixture    *fixture,
     const char *token,
     const char *id,
     const char *action,
     const char *expected_state,
     const char *comment,
     const char *args,
     guint       status)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", id);
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_append_printf (body, "{\"action\": \"%s\", \"expected_state\": \"%s\"", action, expected_state);
  if (comment != NULL)
    g_string_append_printf (body, ", \"comment\": \"%s\"", comment);
  if (args != NULL)
    g_string_append_printf (body, ", \"args\": %s", args);
  g_string_append (body, "}");

  return zc_server_test_ok (fixture->server, "POST", path, token, body->str, status);
}

static void
act_ok (Fixture    *fixture,
        const char *token,
        const char *id,
        const char *action,
        const char *expected_state,
        const char *comment,
        const char *args,
        const char *to)
{
  g_autoptr(JsonNode) answer = act (fixture, token, id, action, expected_state, comment, args, 200);

  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, to);
}

static void
act_refused (Fixture    *fixture,
             const char *token,
             const char *id,
             const char *action,
             const char *expected_state,
             const char *args,
             guint       status,
             const char *code)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", id);
  g_autofree char *body = g_strdup_printf ("{\"action\": \"%s\", \"expected_state\": \"%s\", \"comment\": \"说明\"%s%s}",
                                           action, expected_state, args != NULL ? ", \"args\": " : "",
                                           args != NULL ? args : "");

  zc_server_test_expect (fixture->server, "POST", path, token, body, status, code);
}

G_GNUC_UNUSED static gint64
count_declarations (Fixture *fixture)
{
  /* the demo's own declaration (周涛's) aside */
  return zc_server_test_count (fixture->server, "SELECT count(*) FROM records WHERE kind = 'declaration'"
                                                " AND id NOT LIKE 'de700000-%'");
}

/* After a restart with a later ZHICHENG_TEST_NOW: whether the server's
 * clock is at least @days ahead of the real one (a message marked read
 * now carries its time). */
G_GNUC_UNUSED static gboolean
server_clock_moved (Fixture    *fixture,
                    const char *declaration_id,
                    int         days)
{
  g_autoptr(JsonNode) messages = zc_server_test_ok (fixture->server, "GET", "/api/v1/messages?unread=true",
                                                    fixture->applicant, NULL, 200);
  JsonArray *items = json_object_get_array_member (zc_server_test_object (messages), "messages");
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(GDateTime) read_at = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;

  g_assert_cmpuint (json_array_get_length (items), >, 0);
  path = g_strdup_printf ("/api/v1/messages/%s/read",
                          json_object_get_string_member (json_array_get_object_element (items, 0), "id"));
  read = zc_server_test_ok (fixture->server, "POST", path, fixture->applicant, NULL, 200);
  read_at = g_date_time_new_from_iso8601 (zc_test_member_string (read, "read_at"), NULL);
  g_assert_nonnull (read_at);
  (void) declaration_id;
  return g_date_time_difference (read_at, expected) >= (days - 1) * G_TIME_SPAN_DAY;
}

#define CLOCK_IGNORED "The server ignores ZHICHENG_TEST_NOW (server/zc-context.c): the days cannot pass"

/* ---- end of the shared helpers ---- */

static void
test_create_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *edited = declaration_body (fixture, PLAN_ID, NULL, ", \"special_person\": true");
  g_autofree char *put = g_strdup_printf ("{\"base_version\": 1, \"body\": %s}", edited);
  g_autofree char *other_body = declaration_body (fixture, "7a000000-0000-4000-8000-0000000000d9", NULL, NULL);
  g_autofree char *other_plan = g_strdup_printf ("{\"base_version\": 2, \"body\": %s}", other_body);
  g_autoptr(JsonNode) detail = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *object, *record, *plan;
  JsonArray *timeline;

  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  object = zc_server_test_object (detail);
  record = json_object_get_object_member (object, "record");
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "declaration");
  g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
  plan = json_object_get_object_member (object, "plan");
  g_assert_cmpstr (json_object_get_string_member (plan, "id"), ==, PLAN_ID);
  g_assert_cmpint (json_object_get_int_member (plan, "year"), ==, 2026);
  g_assert_false (json_object_get_boolean_member (object, "frozen"));
  timeline = json_object_get_array_member (object, "timeline");
  g_assert_cmpuint (json_array_get_length (timeline), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (timeline, 0), "action"), ==,
                   "create");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (timeline, 0), "actor"), "name"), ==, "张伟");

  /* an edit merges like every record; the plan is fixed */
  changed = zc_server_test_ok (fixture->server, "PUT", path, fixture->applicant, put, 200);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (zc_server_test_object (changed),
                                                                               "record"), "version"), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (
                   json_object_get_object_member (zc_server_test_object (changed), "record"), "body"),
                   "special_person"));
  zc_server_test_expect (fixture->server, "PUT", path, fixture->applicant, other_plan, 400, "invalid_value");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT max(version) FROM records WHERE kind = 'declaration'"
                                                          " AND id NOT LIKE 'de700000-%'"),
                   ==, 2);

  /* the applicant's list */
  list = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations", fixture->applicant, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (list), "total"), ==, 1);
  g_assert_cmpuint (count_declarations (fixture), ==, 1);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM audit WHERE action = "
                                                          "'declaration.create' AND object NOT LIKE 'de700000-%'"), ==, 1);
}

/* Refused bodies answer 4xx and store nothing. */
static void
test_bad_bodies (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *good = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *unknown = declaration_body (fixture, PLAN_ID, NULL, ", \"colour\": \"blue\"");
  g_autofree char *wrong_type = declaration_body (fixture, PLAN_ID, NULL, ", \"special_person\": \"yes\"");
  g_autofree char *years = declaration_body (fixture, PLAN_ID, "work_summary", ", \"work_summary\": 12");
  g_autofree char *no_plan = declaration_body (fixture, "7a000000-0000-4000-8000-0000000000d9", NULL, NULL);
  g_autofree char *missing_blob = g_strdup_printf ("{\"body\": {\"plan_id\": \"%s\", \"plan_version\": 1,"
                                                   " \"photo\": {\"sha256\": \"%064d\", \"mime\": \"image/png\"}}}",
                                                   PLAN_ID, 7);
  struct { const char *body; guint status; const char *code; } cases[] = {
    { "{\"body\": {}}", 400, "invalid_record" },
    { "{\"body\": {\"plan_id\": \"" PLAN_ID "\"}}", 400, "invalid_record" },
    { "{\"body\": {\"plan_id\": \"not a uuid\", \"plan_version\": 1}}", 400, "invalid_record" },
    { "{\"body\": {\"plan_id\": \"" PLAN_ID "\", \"plan_version\": 0}}", 400, "invalid_record" },
    { "{\"body\": []}", 400, NULL },
    { "{\"body\": {\"plan_id\": \"" PLAN_ID "\", \"plan_version\": 1}, \"kind\": \"x\"}", 400, "unknown_member" },
    { "{\"body\": {\"plan_id\": \"" PLAN_ID "\", \"plan_version\": 2}}", 400, "plan_not_found" },
    { missing_blob, 400, "blob_missing" },
  };
  g_autofree char *unknown_request = g_strdup_printf ("{\"body\": %s}", unknown);
  g_autofree char *wrong_type_request = g_strdup_printf ("{\"body\": %s}", wrong_type);
  g_autofree char *years_request = g_strdup_printf ("{\"body\": %s}", years);
  g_autofree char *no_plan_request = g_strdup_printf ("{\"body\": %s}", no_plan);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, cases[i].body,
                           cases[i].status, cases[i].code);
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, unknown_request, 400,
                         "invalid_record");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, wrong_type_request,
                         400, "invalid_record");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, years_request, 400,
                         "invalid_record");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, no_plan_request, 400,
                         "plan_not_found");
  /* only applicants declare */
  {
    g_autofree char *request = g_strdup_printf ("{\"body\": %s}", good);

    zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->officer, request, 403,
                           "forbidden");
  }
  g_assert_cmpint (count_declarations (fixture), ==, 0);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM declarations"
                                                          " WHERE record_id NOT LIKE 'de700000-%'"), ==, 0);
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *second = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *put = g_strdup_printf ("{\"base_version\": 2, \"body\": %s}", body);
  g_autofree char *delete = g_strdup_printf ("{\"client_id\": \"5c1e0000-0000-4000-8000-000000000001\","
                                             " \"schema_version\": 1, \"mutations\": [{\"id\": 1,"
                                             " \"name\": \"record.delete\", \"record_id\": \"%s\","
                                             " \"base_version\": 0, \"args\": {}}]}", id);
  g_autoptr(JsonNode) pushed = NULL;
  JsonArray *rejections;

  /* a declaration is not deleted: discarded */
  pushed = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", fixture->applicant, delete, 200);
  rejections = json_object_get_array_member (zc_server_test_object (pushed), "rejections");
  g_assert_cmpuint (json_array_get_length (rejections), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rejections, 0), "code"), ==,
                   "NOT_ALLOWED");

  act_refused (fixture, fixture->officer, id, "discard", "draft", NULL, 404, "not_found");
  act_ok (fixture, fixture->applicant, id, "discard", "draft", NULL, NULL, "discarded");
  act_refused (fixture, fixture->applicant, id, "discard", "draft", NULL, 409, "state_changed");
  act_refused (fixture, fixture->applicant, id, "submit", "discarded", NULL, 409, "not_allowed");
  /* no edits any more */
  zc_server_test_expect (fixture->server, "PUT", path, fixture->applicant, put, 409, "not_allowed");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM record_history WHERE action ="
                                                          " 'discard'"), ==, 1);

  /* a discarded declaration frees the year */
  second = create_declaration (fixture, fixture->applicant, body);
  g_assert_cmpstr (second, !=, id);
}

static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autoptr(JsonNode) queue = NULL;
  g_autoptr(JsonNode) detail = NULL;

  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  /* the unit sees it now, beside the demo's (周涛's) */
  queue = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations", fixture->officer, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (queue), "total"), ==, 2);
  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->officer, NULL, 200);
  g_assert_true (json_object_get_boolean_member (zc_server_test_object (detail), "frozen"));

  act_refused (fixture, fixture->officer, id, "withdraw", "unit_review", NULL, 403, "forbidden");
  act_ok (fixture, fixture->applicant, id, "withdraw", "unit_review", NULL, NULL, "draft");
  act_refused (fixture, fixture->applicant, id, "withdraw", "unit_review", NULL, 409, "state_changed");
  act_refused (fixture, fixture->applicant, id, "withdraw", "draft", NULL, 409, "not_allowed");
  /* a withdrawn draft is the applicant's again */
  zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 404, "not_found");

  /* submitted again, recommended: too late to withdraw */
  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  act_ok (fixture, fixture->officer, id, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");
  act_refused (fixture, fixture->applicant, id, "withdraw", "unit_recommended", NULL, 409, "not_allowed");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM declaration_snapshots"
                                                          " WHERE record_id NOT LIKE 'de700000-%'"), ==, 2);
}

/* Another applicant's declaration, and any outside the role's scope, is
 * "not found". */
static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *check = g_strdup_printf ("/api/v1/declarations/%s/check", id);
  g_autofree char *put = g_strdup_printf ("{\"base_version\": 1, \"body\": %s}", body);
  g_autofree char *other_number = zc_server_test_id_number (7, FALSE);
  g_autofree char *other = NULL;
  g_autofree char *other_id = zc_server_test_add_account (fixture->server, fixture->admin, other_number, "周敏",
                                                          "applicant", fixture->hospital, &other);
  g_autoptr(JsonNode) other_list = NULL;

  zc_server_test_expect (fixture->server, "GET", path, other, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", check, other, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "PUT", path, other, put, 404, "not_found");
  act_refused (fixture, other, id, "submit", "draft", NULL, 404, "not_found");
  other_list = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations", other, NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (other_list), "total"), ==, 0);

  /* a draft is nobody else's business */
  zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 404, "not_found");
  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  zc_server_test_expect (fixture->server, "GET", path, fixture->hr_officer, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->department, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->committee, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->issuer, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->admin, NULL, 403, "forbidden");
  zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 200, NULL);
  zc_server_test_expect (fixture->server, "GET", "/api/v1/declarations/7a000000-0000-4000-8000-0000000000ff",
                         fixture->applicant, NULL, 404, "not_found");
  (void) other_id;
}

/* Who may act in which state: the owner of each step only. */
static void
test_role_matrix (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *ends_on = NULL;
  g_autofree char *too_short = NULL;

  /* draft: the applicant's; officers do not see it */
  act_refused (fixture, fixture->officer, id, "submit", "draft", NULL, 404, "not_found");
  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");

  /* unit review: the unit officer's */
  act_refused (fixture, fixture->applicant, id, "recommend", "unit_review", NULL, 403, "forbidden");
  act_refused (fixture, fixture->hr_officer, id, "recommend", "unit_review", NULL, 404, "not_found");
  act_refused (fixture, fixture->department, id, "pass", "unit_review", NULL, 404, "not_found");
  act_refused (fixture, fixture->officer, id, "pass", "unit_review", NULL, 409, "not_allowed");
  act_refused (fixture, fixture->officer, id, "bogus", "unit_review", NULL, 400, "invalid_value");
  act_refused (fixture, fixture->officer, id, "recommend", "unit_review", "{\"x\": 1}", 400, "unknown_member");
  act_ok (fixture, fixture->officer, id, "recommend", "unit_review", NULL, NULL, "unit_recommended");

  /* a review plan needs the unit's publicity before forwarding */
  ends_on = publicity_args (0, &too_short, NULL);
  act_refused (fixture, fixture->officer, id, "forward", "unit_recommended", NULL, 409, "not_allowed");
  act_refused (fixture, fixture->officer, id, "start_publicity", "unit_recommended", NULL, 400, "missing_value");
  act_refused (fixture, fixture->officer, id, "start_publicity", "unit_recommended", too_short, 400,
               "publicity_too_short");
  act_refused (fixture, fixture->officer, id, "start_publicity", "unit_recommended", "{\"ends_on\": \"16/03/2026\"}",
               400, "invalid_value");
  act_ok (fixture, fixture->officer, id, "start_publicity", "unit_recommended", NULL, ends_on, "unit_publicity");
  act_refused (fixture, fixture->officer, id, "end_publicity", "unit_publicity", NULL, 409, "publicity_not_over");
  act_refused (fixture, fixture->applicant, id, "end_publicity", "unit_publicity", NULL, 403, "forbidden");

  /* a return needs its reason, may name a step, and goes to the applicant */
  act_refused (fixture, fixture->officer, id, "return", "unit_publicity", "{\"step\": \"nowhere\"}", 400,
               "invalid_value");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", id);

    zc_server_test_expect (fixture->server, "POST", path, fixture->officer,
                           "{\"action\": \"return\", \"expected_state\": \"unit_publicity\"}", 400,
                           "comment_required");
  }
  act_ok (fixture, fixture->officer, id, "return", "unit_publicity", "公示期间收到异议，请补充说明。",
          "{\"step\": \"summary\"}", "returned");
  act_refused (fixture, fixture->officer, id, "recommend", "returned", NULL, 409, "not_allowed");
  act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");
}

/* Declarations travel by sync like every record; actions are mutations. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  data)
{
  const char *id = "5c1e0000-0000-4000-8000-0000000000a1";
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *push = g_strdup_printf (
    "{\"client_id\": \"5c1e0000-0000-4000-8000-000000000002\", \"schema_version\": 1, \"mutations\": ["
    " {\"id\": 1, \"name\": \"record.put\", \"record_id\": \"%s\", \"base_version\": 0,"
    "  \"args\": {\"kind\": \"declaration\", \"body\": %s}},"
    " {\"id\": 2, \"name\": \"declaration.submit\", \"record_id\": \"%s\", \"base_version\": 1,"
    "  \"expected_state\": \"draft\", \"args\": {}},"
    " {\"id\": 3, \"name\": \"declaration.withdraw\", \"record_id\": \"%s\", \"base_version\": 0,"
    "  \"expected_state\": \"draft\", \"args\": {}},"
    " {\"id\": 4, \"name\": \"declaration.create\", \"record_id\": \"%s\", \"base_version\": 0, \"args\": {}},"
    " {\"id\": 5, \"name\": \"declaration.discard\", \"record_id\": \"%s\", \"base_version\": 0,"
    "  \"expected_state\": \"unit_review\", \"args\": {\"comment\": 5}}]}",
    id, body, id, id, id, id);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", fixture->applicant,
                                                  push, 200);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autoptr(JsonNode) detail = NULL;
  JsonObject *object = zc_server_test_object (answer);
  JsonArray *rejections = json_object_get_array_member (object, "rejections");
  const char *expected[] = { "STATE_CHANGED", "UNKNOWN_MUTATION", "WRONG_TYPE" };

  g_assert_cmpint (json_object_get_int_member (object, "last_mutation_id"), ==, 5);
  g_assert_cmpuint (json_array_get_length (rejections), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *rejection = json_array_get_object_element (rejections, i);

      g_assert_cmpint (json_object_get_int_member (rejection, "mutation_id"), ==, i + 3);
      g_assert_cmpstr (json_object_get_string_member (rejection, "code"), ==, expected[i]);
    }

  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->officer, NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (zc_server_test_object (detail),
                                                                                  "record"), "state"), ==,
                   "unit_review");
}

/* The version of @id as stored. */
static gint64
version_of (Fixture    *fixture,
            const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM records WHERE id = '%s'", id);

  return zc_server_test_count (fixture->server, sql);
}

/* Pushes one declaration.<action> as the unit officer (each push from
 * its own client, so each mutation is 1); returns the rejection's code,
 * NULL when it was applied. */
static char *
officer_push (Fixture    *fixture,
              const char *token,
              guint       client,
              const char *action,
              const char *id,
              gint64      base_version,
              const char *expected_state,
              const char *args)
{
  g_autofree char *push = g_strdup_printf (
    "{\"client_id\": \"0ff1ce00-0000-4000-8000-%012u\", \"schema_version\": 1, \"mutations\": ["
    " {\"id\": 1, \"name\": \"declaration.%s\", \"record_id\": \"%s\", \"base_version\": %" G_GINT64_FORMAT ","
    "  \"expected_state\": \"%s\", \"args\": %s}]}",
    client, action, id, base_version, expected_state, args);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", token, push, 200);
  JsonObject *object = zc_server_test_object (answer);
  JsonArray *rejections = json_object_get_array_member (object, "rejections");

  g_assert_cmpint (json_object_get_int_member (object, "last_mutation_id"), ==, 1);
  if (json_array_get_length (rejections) == 0)
    return NULL;
  g_assert_cmpuint (json_array_get_length (rejections), ==, 1);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (rejections, 0), "code"));
}

/* An officer decides over sync, as the desk does offline: the state and
 * version they saw must still hold, or the decision is STATE_CHANGED
 * and changes nothing. */
static void
test_officer_sync (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *code = NULL;
  gint64 seen;

  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  seen = version_of (fixture, id);

  /* the officer saw an older version, or another state: refused */
  code = officer_push (fixture, fixture->officer, 1, "recommend", id, seen - 1, "unit_review",
                       "{\"comment\": \"同意推荐。\"}");
  g_assert_cmpstr (code, ==, "STATE_CHANGED");
  g_clear_pointer (&code, g_free);
  code = officer_push (fixture, fixture->officer, 2, "recommend", id, seen, "unit_recommended",
                       "{\"comment\": \"同意推荐。\"}");
  g_assert_cmpstr (code, ==, "STATE_CHANGED");
  g_clear_pointer (&code, g_free);
  g_assert_cmpint (version_of (fixture, id), ==, seen);

  /* what they saw: applied, with the comment */
  code = officer_push (fixture, fixture->officer, 3, "recommend", id, seen, "unit_review",
                       "{\"comment\": \"同意推荐。\"}");
  g_assert_null (code);
  g_assert_cmpint (version_of (fixture, id), ==, seen + 1);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM record_history WHERE action ="
                                                          " 'recommend' AND comment = '同意推荐。'"), ==, 1);

  /* a second officer's device decided on the same version: one wins */
  code = officer_push (fixture, fixture->officer, 4, "return", id, seen, "unit_review",
                       "{\"comment\": \"请补充材料。\"}");
  g_assert_cmpstr (code, ==, "STATE_CHANGED");
  g_clear_pointer (&code, g_free);

  /* a return needs a comment; base_version 0 is "any version" */
  code = officer_push (fixture, fixture->officer, 5, "return", id, 0, "unit_recommended", "{}");
  g_assert_cmpstr (code, ==, "COMMENT_REQUIRED");
  g_clear_pointer (&code, g_free);
  code = officer_push (fixture, fixture->officer, 6, "return", id, 0, "unit_recommended",
                       "{\"comment\": \"请补充继续教育证明。\"}");
  g_assert_null (code);

  /* another unit's officer, or a level it has not reached: not theirs */
  code = officer_push (fixture, fixture->hr_officer, 7, "recommend", id, 0, "returned", "{}");
  g_assert_cmpstr (code, ==, "NOT_FOUND");
  g_clear_pointer (&code, g_free);
  code = officer_push (fixture, fixture->department, 8, "pass", id, 0, "returned", "{\"comment\": \"同意。\"}");
  g_assert_cmpstr (code, ==, "NOT_FOUND");
  g_clear_pointer (&code, g_free);

  {
    g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
    g_autoptr(JsonNode) detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);

    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (zc_server_test_object (detail),
                                                                                    "record"), "state"), ==,
                     "returned");
  }
}

/* Whether the stored body of declaration @id picks @entry_id. */
static gboolean
picks_entry (Fixture    *fixture,
             const char *id,
             const char *entry_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM records WHERE id = '%s' AND body LIKE '%%%s%%'", id,
                                          entry_id);

  return zc_server_test_count (fixture->server, sql) == 1;
}

static void
delete_entry (Fixture    *fixture,
              const char *entry_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s", entry_id);
  g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "DELETE", path, fixture->applicant, NULL, 204);

  (void) answer;
}

/* Deleting an entry takes it out of the applicant's draft declarations
 * (a new version of each, in the same transaction); a submitted one
 * keeps its picks and its frozen copy. */
static void
test_delete_picked_entry (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *paper = "de300000-0000-4000-8000-000000000106";     /* pending, picked */
  const char *assessment = "de300000-0000-4000-8000-000000000105"; /* pending, not picked */
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *draft = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *versions_sql = g_strdup_printf ("SELECT count(*) FROM record_versions WHERE record_id = '%s'",
                                                   draft);
  g_autoptr(JsonNode) detail = NULL;
  g_autoptr(JsonNode) new_paper = NULL;
  g_autofree char *second_body = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", draft);
  JsonArray *picks;
  gint64 version, snapshots;

  g_assert_true (picks_entry (fixture, draft, paper));

  /* an entry the draft does not pick: the draft stays as it was */
  delete_entry (fixture, assessment);
  g_assert_cmpint (version_of (fixture, draft), ==, 1);

  /* the picked paper: gone from the picks, the others kept, one new
   * version (with its body kept as the base of merges) */
  delete_entry (fixture, paper);
  g_assert_cmpint (version_of (fixture, draft), ==, 2);
  g_assert_cmpint (zc_server_test_count (fixture->server, versions_sql), ==, 2);
  g_assert_false (picks_entry (fixture, draft, paper));
  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  picks = json_object_get_array_member (json_object_get_object_member (json_object_get_object_member (
                                          zc_server_test_object (detail), "record"), "body"), "picks");
  g_assert_cmpuint (json_array_get_length (picks), ==, 3);
  g_assert_true (picks_entry (fixture, draft, EDUCATION_ID));

  /* a submitted declaration keeps the pick of a deleted entry */
  act_ok (fixture, fixture->applicant, draft, "discard", "draft", NULL, NULL, "discarded");
  new_paper = zc_server_test_ok (fixture->server, "POST", "/api/v1/archive", fixture->applicant,
                                 "{\"kind\": \"archive:papers\", \"body\": {\"title\": \"心房颤动患者抗凝治疗现状调查\","
                                 " \"published_on\": \"2024-03-01\", \"paper_type\": \"1\", \"journal\": \"中华全科医学\","
                                 " \"author_rank\": \"1\", \"own_words\": 4}}", 201);
  {
    GString *text = g_string_new (body);

    g_string_replace (text, paper, zc_test_member_string (new_paper, "id"), 0);
    second_body = g_string_free (text, FALSE);
  }
  submitted = create_declaration (fixture, fixture->applicant, second_body);
  act_ok (fixture, fixture->applicant, submitted, "submit", "draft", NULL, NULL, "unit_review");
  version = version_of (fixture, submitted);
  snapshots = zc_server_test_count (fixture->server, "SELECT count(*) FROM declaration_snapshots");
  delete_entry (fixture, zc_test_member_string (new_paper, "id"));
  g_assert_cmpint (version_of (fixture, submitted), ==, version);
  g_assert_true (picks_entry (fixture, submitted, zc_test_member_string (new_paper, "id")));
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM declaration_snapshots"), ==,
                   snapshots);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/declarations/create-edit", Fixture, NULL, fixture_setup, test_create_edit, fixture_teardown);
  g_test_add ("/declarations/bad-bodies", Fixture, NULL, fixture_setup, test_bad_bodies, fixture_teardown);
  g_test_add ("/declarations/discard", Fixture, NULL, fixture_setup, test_discard, fixture_teardown);
  g_test_add ("/declarations/withdraw", Fixture, NULL, fixture_setup, test_withdraw, fixture_teardown);
  g_test_add ("/declarations/not-found", Fixture, NULL, fixture_setup, test_not_found, fixture_teardown);
  g_test_add ("/declarations/role-matrix", Fixture, NULL, fixture_setup, test_role_matrix, fixture_teardown);
  g_test_add ("/declarations/sync", Fixture, NULL, fixture_setup, test_sync, fixture_teardown);
  g_test_add ("/declarations/officer-sync", Fixture, NULL, fixture_setup, test_officer_sync, fixture_teardown);
  g_test_add ("/declarations/delete-picked-entry", Fixture, NULL, fixture_setup, test_delete_picked_entry,
              fixture_teardown);

  return g_test_run ();
}
