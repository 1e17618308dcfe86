/* test-declaration-rules.c: each rule the server enforces on a
 * declaration, refused with its own code and reason
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
#include "zc-store-declarations.h"
#include "zc-store-plans.h"
#include "zc-store-records.h"
#include "zc-store-sync.h"

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

#define OTHER_PLAN_ID "7a000000-0000-4000-8000-0000000000d2"
#define ENGINEERING_TITLE "{\"series\": \"05\", \"category\": \"工程技术\", \"level\": \"中级\", \"title\": \"工程师\"}"

/* Creating to @plan_id is refused with @status and @code; nothing is stored. */
static void
create_refused (Fixture    *fixture,
                const char *plan_id,
                guint       status,
                const char *code)
{
  g_autofree char *body = declaration_body (fixture, plan_id, NULL, NULL);
  g_autofree char *request = g_strdup_printf ("{\"body\": %s}", body);
  gint64 before = count_declarations (fixture);
  g_autoptr(JsonNode) answer = NULL;
  guint answer_status = 0;

  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, request, status, code);
  answer = zc_test_server_call (fixture->server, "POST", "/api/v1/declarations", fixture->applicant, "en", request,
                                &answer_status, NULL);
  g_assert_cmpuint (answer_status, ==, status);
  g_assert_cmpuint (strlen (zc_test_member_string (answer, "message")), >, 10);
  g_assert_cmpint (count_declarations (fixture), ==, before);
}

/* Submitting @id is refused with 422 check_failed naming @item. */
static void
submit_fails_check (Fixture    *fixture,
                    const char *id,
                    const char *item_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", id);
  g_autofree char *check_path = g_strdup_printf ("/api/v1/declarations/%s/check", id);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) check = NULL;
  JsonArray *items;
  gboolean found = FALSE;
  guint status = 0;

  answer = zc_test_server_call (fixture->server, "POST", path, fixture->applicant, "en",
                                "{\"action\": \"submit\", \"expected_state\": \"draft\"}", &status, NULL);
  g_assert_cmpuint (status, ==, 422);
  zc_test_assert_error (answer, "check_failed");
  items = json_object_get_array_member (zc_server_test_object (answer), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (!g_str_equal (json_object_get_string_member (item, "id"), item_id))
        continue;
      found = TRUE;
      g_assert_false (json_object_get_boolean_member (item, "passed"));
      g_assert_nonnull (json_object_get_string_member (item, "reason"));
      g_assert_nonnull (strstr (zc_test_member_string (answer, "message"),
                                json_object_get_string_member (item, "reason")));
    }
  g_assert_true (found);

  /* the same through sync: consumed, rejected */
  {
    g_autofree char *push = g_strdup_printf ("{\"client_id\": \"5c1e0000-0000-4000-8000-00000000c0de\","
                                             " \"schema_version\": 1, \"mutations\": [{\"id\": 1,"
                                             " \"name\": \"declaration.submit\", \"record_id\": \"%s\","
                                             " \"base_version\": 0, \"expected_state\": \"draft\", \"args\": {}}]}",
                                             id);
    g_autoptr(JsonNode) pushed = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", fixture->applicant,
                                                    push, 200);
    JsonArray *rejections = json_object_get_array_member (zc_server_test_object (pushed), "rejections");

    g_assert_cmpuint (json_array_get_length (rejections), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rejections, 0), "code"), ==,
                     "CHECK_FAILED");
  }

  /* GET …/check gives the same items; still a draft */
  check = zc_server_test_ok (fixture->server, "GET", check_path, fixture->applicant, NULL, 200);
  g_assert_false (json_object_get_boolean_member (zc_server_test_object (check), "passed"));
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM records WHERE kind = 'declaration'"
                                                          " AND state <> 'draft' AND id NOT LIKE 'de700000-%'"),
                   ==, 0);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM declaration_snapshots"
                                                          " WHERE record_id NOT LIKE 'de700000-%'"), ==, 0);
}

static void
test_check_passes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/check", id);
  g_autoptr(JsonNode) check = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  JsonArray *items = json_object_get_array_member (zc_server_test_object (check), "items");

  g_assert_true (json_object_get_boolean_member (zc_server_test_object (check), "passed"));
  g_assert_cmpuint (json_array_get_length (items), >=, 17);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (items, i), "passed"));
  zc_server_test_expect (fixture->server, "GET", path, fixture->officer, NULL, 404, "not_found");
}

/* One declaration a year, whatever the series. */
static void
test_one_per_year (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *windows = windows_json (-10, 30, 40, 50, 60);
  g_autofree char *plan = plan_json (OTHER_PLAN_ID, fixture->committee_unit, this_year (), "工程技术中级",
                                     ENGINEERING_TITLE, "review", windows);
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);

  store_plan (fixture->server, plan);
  create_refused (fixture, PLAN_ID, 409, "one_per_year");
  create_refused (fixture, OTHER_PLAN_ID, 409, "one_per_year");

  /* discarding frees the year */
  act_ok (fixture, fixture->applicant, id, "discard", "draft", NULL, NULL, "discarded");
  g_free (create_declaration (fixture, fixture->applicant, body));
}

static void
test_integrity_ban (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *until = date_from_today (365);
  const char *args[] = { "integrity-add", "--id-number", ZC_TEST_DEMO_APPLICANT, "--until", until,
                         "--reason", "申报材料弄虚作假", NULL };
  g_autofree char *out = NULL;
  int status = -1;

  act_ok (fixture, fixture->applicant, id, "discard", "draft", NULL, NULL, "discarded");
  out = zc_test_run_admin (fixture->server->data_dir, args, &status);
  g_assert_cmpint (status, ==, 0);
  create_refused (fixture, PLAN_ID, 403, "integrity_ban");
}

/* A draft made before the ban cannot be submitted. */
static void
test_integrity_ban_at_submission (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *until = date_from_today (30);
  const char *args[] = { "integrity-add", "--id-number", ZC_TEST_DEMO_APPLICANT, "--until", until,
                         "--reason", "学术不端", NULL };
  g_autofree char *out = NULL;
  int status = -1;

  out = zc_test_run_admin (fixture->server->data_dir, args, &status);
  g_assert_cmpint (status, ==, 0);
  submit_fails_check (fixture, id, "integrity");
}

static void
test_window_closed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *future = windows_json (5, 30, 40, 50, 60);
  g_autofree char *past = windows_json (-60, -1, 10, 20, 30);
  g_autofree char *future_plan = plan_json (OTHER_PLAN_ID, fixture->committee_unit, this_year (), "卫生系列高级",
                                            HEALTH_TITLE, "review", future);
  g_autofree char *past_plan = plan_json ("7a000000-0000-4000-8000-0000000000d3", fixture->committee_unit,
                                          this_year (), "卫生系列高级", HEALTH_TITLE, "review", past);

  store_plan (fixture->server, future_plan);
  store_plan (fixture->server, past_plan);
  create_refused (fixture, OTHER_PLAN_ID, 409, "window_closed");
  create_refused (fixture, "7a000000-0000-4000-8000-0000000000d3", 409, "window_closed");
}

static void
test_plan_not_open (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *windows = windows_json (-10, 30, 40, 50, 60);
  g_autofree char *plan = plan_json (OTHER_PLAN_ID, fixture->committee_unit, this_year (), "卫生系列高级",
                                     HEALTH_TITLE, "review", windows);
  char *closed = strstr (plan, "\"state\": \"published\"");
  g_autofree char *closed_plan = NULL;

  g_assert_nonnull (closed);
  closed_plan = g_strdup_printf ("%.*s\"state\": \"closed\"%s", (int) (closed - plan), plan,
                                 closed + strlen ("\"state\": \"published\""));
  store_plan (fixture->server, closed_plan);
  create_refused (fixture, OTHER_PLAN_ID, 409, "plan_not_open");
}

static void
test_out_of_scope (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *windows = windows_json (-10, 30, 40, 50, 60);
  g_autofree char *plan = plan_json (OTHER_PLAN_ID, fixture->committee_unit, this_year (), "卫生系列高级",
                                     HEALTH_TITLE, "review", windows);
  char *region = strstr (plan, "\"410000\"");

  g_assert_nonnull (region);
  memcpy (region + 1, "510000", 6);   /* Sichuan: not the hospital's province */
  store_plan (fixture->server, plan);
  create_refused (fixture, OTHER_PLAN_ID, 403, "out_of_scope");
}

/* Last year's declaration, neither final nor discarded, holds this year's. */
static void
test_last_year_unfinished (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *windows = windows_json (-400, -340, -330, -320, -310);
  g_autofree char *plan = plan_json (OTHER_PLAN_ID, fixture->committee_unit, this_year () - 1, "卫生系列高级",
                                     HEALTH_TITLE, "review", windows);
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcStoredRecord) record = zc_stored_record_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = declaration_body (fixture, OTHER_PLAN_ID, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  ZcDeclarationRow row = { 0 };

  store_plan (fixture->server, plan);

  /* as if it had been submitted last year and is still with the committee */
  json_parser_load_from_data (parser, body, -1, &error);
  g_assert_no_error (error);
  record->id = g_strdup ("5c1e0000-0000-4000-8000-0000000000b1");
  record->kind = g_strdup ("declaration");
  record->owner_id = g_strdup (fixture->applicant_id);
  record->body = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  record->state = g_strdup ("under_review");
  record->version = 5;
  record->created_at = record->updated_at = g_get_real_time ();
  row.record_id = record->id;
  row.owner_id = record->owner_id;
  row.plan_id = (char *) OTHER_PLAN_ID;
  row.plan_version = 1;
  row.plan_year = this_year () - 1;
  row.plan_type = (char *) "review";
  row.receiving_unit_id = fixture->hospital;
  row.committee_id = fixture->committee_unit;
  row.state = record->state;
  row.reached = ZC_DECLARATION_REACHED_COMMITTEE;
  row.updated_at = record->updated_at;

  store = open_store (fixture->server);
  txn = zc_store_begin_write (store, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_sync_next_seq (txn, &record->seq, &error));
  g_assert_true (zc_store_records_insert (txn, record, &error));
  g_assert_true (zc_store_declarations_put (txn, &row, &error));
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);

  create_refused (fixture, PLAN_ID, 409, "last_year_unfinished");
}

static void
test_missing_attachment (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, "attachments", NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);

  submit_fails_check (fixture, id, "attachments");
}

static void
test_group_below_minimum (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, "research", NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);

  submit_fails_check (fixture, id, "group:research");
}

static void
test_unsigned_commitment (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, "commitment", NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);

  submit_fails_check (fixture, id, "commitment");
}

/* A unit acts only until the plan's unit deadline. */
static void
test_unit_deadline (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *windows = windows_json (-10, 0, 0, 0, 0);
  g_autofree char *plan = plan_json (OTHER_PLAN_ID, fixture->committee_unit, this_year (), "卫生系列高级",
                                     HEALTH_TITLE, "review", windows);
  g_autofree char *body = declaration_body (fixture, OTHER_PLAN_ID, NULL, NULL);
  g_autofree char *id = NULL;
  g_autofree char *later = clock_in_days (1);
  char *data_dir;

  store_plan (fixture->server, plan);
  id = create_declaration (fixture, fixture->applicant, body);
  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");

  /* a day later the window and the unit's deadline have passed */
  fixture->server->keep_data = TRUE;
  data_dir = g_strdup (fixture->server->data_dir);
  zc_test_server_stop (fixture->server);
  fixture_start (fixture, data_dir, later);
  fixture->server->keep_data = FALSE;
  g_free (data_dir);
  if (!server_clock_moved (fixture, id, 1))
    {
      g_test_skip (CLOCK_IGNORED);
      return;
    }

  act_refused (fixture, fixture->officer, id, "recommend", "unit_review", NULL, 409, "deadline_passed");
  act_ok (fixture, fixture->applicant, id, "withdraw", "unit_review", NULL, NULL, "draft");
  act_refused (fixture, fixture->applicant, id, "submit", "draft", NULL, 422, "check_failed");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/declaration-rules/check-passes", Fixture, NULL, fixture_setup, test_check_passes,
              fixture_teardown);
  g_test_add ("/declaration-rules/one-per-year", Fixture, NULL, fixture_setup, test_one_per_year, fixture_teardown);
  g_test_add ("/declaration-rules/integrity-ban", Fixture, NULL, fixture_setup, test_integrity_ban,
              fixture_teardown);
  g_test_add ("/declaration-rules/integrity-ban-at-submission", Fixture, NULL, fixture_setup,
              test_integrity_ban_at_submission, fixture_teardown);
  g_test_add ("/declaration-rules/window-closed", Fixture, NULL, fixture_setup, test_window_closed,
              fixture_teardown);
  g_test_add ("/declaration-rules/plan-not-open", Fixture, NULL, fixture_setup, test_plan_not_open,
              fixture_teardown);
  g_test_add ("/declaration-rules/out-of-scope", Fixture, NULL, fixture_setup, test_out_of_scope, fixture_teardown);
  g_test_add ("/declaration-rules/last-year-unfinished", Fixture, NULL, fixture_setup, test_last_year_unfinished,
              fixture_teardown);
  g_test_add ("/declaration-rules/missing-attachment", Fixture, NULL, fixture_setup, test_missing_attachment,
              fixture_teardown);
  g_test_add ("/declaration-rules/group-below-minimum", Fixture, NULL, fixture_setup, test_group_below_minimum,
              fixture_teardown);
  g_test_add ("/declaration-rules/unsigned-commitment", Fixture, NULL, fixture_setup, test_unsigned_commitment,
              fixture_teardown);
  g_test_add ("/declaration-rules/unit-deadline", Fixture, NULL, fixture_setup, test_unit_deadline,
              fixture_teardown);

  return g_test_run ();
}
