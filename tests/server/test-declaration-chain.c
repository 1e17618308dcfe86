/* test-declaration-chain.c: a declaration through the whole review
 * chain — unit, its publicity, department, committee, interview,
 * result and its publicity, issuer — with returns at every level,
 * resubmissions, a withdrawal, the determination path, the frozen
 * review form, and the trail each step leaves
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-declaration-freeze.h"
#include "zc-holiday-calendar.h"
#include "zc-plan.h"
#include "zc-server-test.h"
#include "zc-sqlite-store.h"
#include "zc-store-declarations.h"
#include "zc-store-plans.h"
#include "zc-store-records.h"

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

#define PAPER_ID "de300000-0000-4000-8000-000000000106"   /* a pending paper of the demo archive */
#define DETERMINATION_ID "7a000000-0000-4000-8000-0000000000d4"

static gint64 count (Fixture    *fixture,
                     const char *format,
                     ...) G_GNUC_PRINTF (2, 3);

static gint64
count (Fixture    *fixture,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return zc_server_test_count (fixture->server, sql);
}

/* Stops the server and starts it again on the same data, its clock
 * @days from today. */
static void
restart_at (Fixture *fixture,
            int      days)
{
  g_autofree char *later = clock_in_days (days);
  g_autofree char *data_dir = g_strdup (fixture->server->data_dir);

  fixture->server->keep_data = TRUE;
  zc_test_server_stop (fixture->server);
  fixture_start (fixture, data_dir, later);
}

/* Lets a publicity's days pass without waiting for them: as if it had
 * started a week ago and ended today.  For the tests about what comes
 * after; the days themselves are tested with a moved clock. */
static void
let_publicity_pass (Fixture    *fixture,
                    const char *id,
                    const char *start_action)
{
  g_autoptr(ZcStore) store = open_store (fixture->server);
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autofree char *starts_on = date_from_today (-7);
  g_autofree char *ends_on = date_from_today (0);
  ZcDeclarationEvent event = { 0 };

  json_object_set_string_member (data, "starts_on", starts_on);
  json_object_set_string_member (data, "ends_on", ends_on);
  event.record_id = (char *) id;
  event.at = g_get_real_time ();
  event.action = (char *) start_action;
  event.data = data;
  event.version = count (fixture, "SELECT version FROM records WHERE id = '%s'", id);

  txn = zc_store_begin_write (store, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_declarations_add_event (txn, &event, &error));
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);
}

/* The applicant's newest message about @id. */
static JsonObject *
last_message (Fixture    *fixture,
              const char *language,
              JsonNode  **holder)
{
  guint status = 0;

  *holder = zc_test_server_call (fixture->server, "GET", "/api/v1/messages?limit=1", fixture->applicant, language,
                                 NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_object_element (json_object_get_array_member (zc_server_test_object (*holder), "messages"),
                                        0);
}

static void
assert_last_message (Fixture    *fixture,
                     const char *action,
                     const char *contains)
{
  g_autoptr(JsonNode) en = NULL;
  g_autoptr(JsonNode) zh = NULL;
  JsonObject *message = last_message (fixture, "en", &en);
  JsonObject *message_zh = last_message (fixture, "zh-CN", &zh);

  g_assert_cmpstr (json_object_get_string_member (message, "action"), ==, action);
  g_assert_cmpuint (strlen (json_object_get_string_member (message, "title")), >, 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (message_zh, "text")), >, 0);
  if (contains != NULL)
    g_assert_nonnull (strstr (json_object_get_string_member (message, "text"), contains));
}

/* Unit review to the department: recommend, publicity, forward. */
static void
through_unit (Fixture    *fixture,
              const char *id)
{
  g_autofree char *ends_on = publicity_args (0, NULL, NULL);

  act_ok (fixture, fixture->officer, id, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");
  act_ok (fixture, fixture->officer, id, "start_publicity", "unit_recommended", NULL, ends_on, "unit_publicity");
  let_publicity_pass (fixture, id, "start_publicity");
  act_ok (fixture, fixture->officer, id, "end_publicity", "unit_publicity", NULL, NULL, "unit_publicity_ended");
  act_ok (fixture, fixture->officer, id, "forward", "unit_publicity_ended", NULL, NULL, "department_review");
}

/* The whole chain, the publicities' days passing on a moved clock. */
static void
test_full_chain (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *too_short = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *result_ends_on = NULL;
  g_autofree char *interview = NULL;
  g_autofree char *interview_at = NULL;
  g_autoptr(JsonNode) detail = NULL;
  JsonArray *timeline;
  gboolean found_interview = FALSE;
  int days = 0, result_days = 0;

  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  assert_last_message (fixture, "declaration.submit", NULL);
  act_ok (fixture, fixture->officer, id, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");
  assert_last_message (fixture, "declaration.recommend", "王芳");

  /* five working days of publicity: refused before its last day, allowed on it */
  ends_on = publicity_args (0, &too_short, &days);
  act_refused (fixture, fixture->officer, id, "start_publicity", "unit_recommended", too_short, 400,
               "publicity_too_short");
  act_ok (fixture, fixture->officer, id, "start_publicity", "unit_recommended", NULL, ends_on, "unit_publicity");
  act_refused (fixture, fixture->officer, id, "end_publicity", "unit_publicity", NULL, 409, "publicity_not_over");
  restart_at (fixture, days);
  if (!server_clock_moved (fixture, id, days))
    {
      g_test_message (CLOCK_IGNORED "; the publicity is made to pass in the store");
      let_publicity_pass (fixture, id, "start_publicity");
    }
  act_ok (fixture, fixture->officer, id, "end_publicity", "unit_publicity", NULL, "{\"objections\": \"无异议。\"}",
          "unit_publicity_ended");
  act_ok (fixture, fixture->officer, id, "forward", "unit_publicity_ended", NULL, NULL, "department_review");

  act_ok (fixture, fixture->department, id, "pass", "department_review", "材料齐全，同意报送。", NULL,
          "committee_intake");
  act_ok (fixture, fixture->committee, id, "accept", "committee_intake", NULL, NULL, "under_review");

  /* a plan with interviews passes nobody it has not interviewed */
  act_refused (fixture, fixture->committee, id, "record_pass", "under_review",
               "{\"votes_for\": 9, \"votes_against\": 1, \"votes_abstain\": 0}", 409, "interview_required");
  act_refused (fixture, fixture->committee, id, "schedule_interview", "under_review",
               "{\"interview_at\": \"2020-01-01T09:00:00+08:00\", \"place\": \"评审中心\"}", 400, "invalid_value");
  act_refused (fixture, fixture->committee, id, "schedule_interview", "under_review",
               "{\"interview_at\": \"2099-01-01T09:00:00+08:00\", \"place\": \"\"}", 400, "invalid_value");
  interview_at = clock_in_days (days + 5);
  interview = g_strdup_printf ("{\"interview_at\": \"%s\", \"place\": \"郑州市评审中心三楼第二会议室\"}",
                               interview_at);
  act_ok (fixture, fixture->committee, id, "schedule_interview", "under_review", NULL, interview,
          "interview_scheduled");
  assert_last_message (fixture, "declaration.schedule_interview", "郑州市评审中心三楼第二会议室");
  /* rescheduled: the same state, a new notice */
  act_ok (fixture, fixture->committee, id, "schedule_interview", "interview_scheduled", NULL, interview,
          "interview_scheduled");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM messages WHERE record_id = '%s'"
                                   " AND action = 'declaration.schedule_interview'", id), ==, 2);

  act_refused (fixture, fixture->committee, id, "record_pass", "interview_scheduled", "{\"votes_for\": 9}", 400,
               "missing_value");
  act_refused (fixture, fixture->committee, id, "record_pass", "interview_scheduled",
               "{\"votes_for\": 101, \"votes_against\": 0, \"votes_abstain\": 0}", 400, "out_of_range");
  act_ok (fixture, fixture->committee, id, "record_pass", "interview_scheduled", "评审通过。",
          "{\"votes_for\": 9, \"votes_against\": 1, \"votes_abstain\": 1}", "review_passed");

  result_ends_on = publicity_args (days, NULL, &result_days);
  act_ok (fixture, fixture->committee, id, "start_result_publicity", "review_passed", NULL, result_ends_on,
          "result_publicity");
  act_refused (fixture, fixture->committee, id, "end_result_publicity", "result_publicity", NULL, 409,
               "publicity_not_over");
  restart_at (fixture, days + result_days);
  if (!server_clock_moved (fixture, id, days + result_days))
    {
      g_test_message (CLOCK_IGNORED "; the publicity is made to pass in the store");
      let_publicity_pass (fixture, id, "start_result_publicity");
    }
  act_ok (fixture, fixture->committee, id, "end_result_publicity", "result_publicity", NULL, NULL,
          "result_publicity_ended");
  act_ok (fixture, fixture->committee, id, "forward_to_issuer", "result_publicity_ended", NULL, NULL, "issuing");
  act_refused (fixture, fixture->committee, id, "issue", "issuing", NULL, 403, "forbidden");
  act_ok (fixture, fixture->issuer, id, "issue", "issuing", NULL, NULL, "certified");
  assert_last_message (fixture, "declaration.issue", NULL);

  /* the trail: history (timeline), audit and a message per transition */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record_history WHERE record_id = '%s'", id), ==, 15);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE object = '%s' AND action LIKE 'declaration.%%'",
                          id), ==, 15);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM messages WHERE record_id = '%s'", id), ==, 14);

  detail = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  timeline = json_object_get_array_member (zc_server_test_object (detail), "timeline");
  g_assert_cmpuint (json_array_get_length (timeline), ==, 15);
  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *step = json_array_get_object_element (timeline, i);

      g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (step, "actor"), "name"));
      if (g_str_equal (json_object_get_string_member (step, "action"), "schedule_interview"))
        {
          found_interview = TRUE;
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (step, "data"), "place"),
                           ==, "郑州市评审中心三楼第二会议室");
        }
    }
  g_assert_true (found_interview);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (detail),
                                                                         "available_actions")), ==, 0);
}

/* The review form is frozen at submission: later archive edits do not
 * reach it, pending picks are marked, and the opinions come from the
 * reviewers' comments. */
static void
test_frozen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *push = NULL;
  g_autoptr(ZcStore) store = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autofree char *version = NULL;
  ZcCaller caller = { .account_id = fixture->applicant_id, .name = (char *) "张伟", .role = ZC_ROLE_APPLICANT };
  ZcChangeContext change = { &caller, NULL, 0, NULL, ZC_LANGUAGE_ENGLISH, g_get_real_time () };
  JsonObject *papers_entry, *opinions;
  gint64 frozen_version;

  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  act_ok (fixture, fixture->officer, id, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");

  /* the applicant edits the picked paper afterwards */
  push = g_strdup_printf ("{\"client_id\": \"5c1e0000-0000-4000-8000-00000000f00d\", \"schema_version\": 1,"
                          " \"mutations\": [{\"id\": 1, \"name\": \"record.put\", \"record_id\": \"" PAPER_ID "\","
                          " \"base_version\": %" G_GINT64_FORMAT ", \"args\": {\"kind\": \"archive:papers\","
                          " \"fields\": {\"journal\": \"改过的期刊\"}}}]}",
                          count (fixture, "SELECT version FROM records WHERE id = '%s'", PAPER_ID));
  {
    g_autoptr(JsonNode) pushed = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", fixture->applicant,
                                                    push, 200);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zc_server_test_object (pushed),
                                                                           "rejections")), ==, 0);
  }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM records WHERE id = '%s' AND body LIKE '%%改过的期刊%%'",
                          PAPER_ID), ==, 1);

  store = open_store (fixture->server);
  txn = zc_store_begin_read (store, &error);
  g_assert_no_error (error);
  snapshot = zc_store_declarations_get_snapshot (txn, id, &frozen_version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (frozen_version, ==, 2);
  papers_entry = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (
                   json_node_get_object (snapshot), "entries"), "papers"), 0);
  g_assert_cmpstr (json_object_get_string_member (papers_entry, "id"), ==, PAPER_ID);
  g_assert_true (json_object_get_boolean_member (papers_entry, "pending"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (papers_entry, "body"), "journal"),
                   ==, "中国实用医刊");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (snapshot), "is_draft"));

  /* reviewers are told how many picked entries the unit had not approved */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
    g_autoptr(JsonNode) detail = zc_server_test_ok (fixture->server, "GET", path, fixture->officer, NULL, 200);
    JsonObject *entries = json_object_get_object_member (json_node_get_object (snapshot), "entries");
    g_autoptr(GList) categories = json_object_get_members (entries);
    gint64 pending = 0;

    for (GList *l = categories; l != NULL; l = l->next)
      {
        JsonArray *list = json_object_get_array_member (entries, l->data);

        for (guint i = 0; i < json_array_get_length (list); i++)
          pending += json_object_get_boolean_member (json_array_get_object_element (list, i), "pending") ? 1 : 0;
      }
    g_assert_cmpint (pending, >=, 1);
    g_assert_cmpint (json_object_get_int_member (zc_server_test_object (detail), "pending_picks"), ==, pending);
  }

  /* the document to print: the frozen copy with the unit's opinion */
  record = zc_store_records_get (txn, id, &error);
  g_assert_no_error (error);
  document = zc_declaration_document_in (txn, &change, record, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (version), ==, 64);
  opinions = json_object_get_object_member (json_node_get_object (document), "opinions");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (opinions, "unit"), "text"), ==,
                   "同意推荐。");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (opinions, "unit"), "signer"), ==,
                   "王芳");
  papers_entry = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (
                   json_node_get_object (document), "entries"), "papers"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (papers_entry, "body"), "journal"),
                   ==, "中国实用医刊");
}

/* A return at every level, each resubmitted; the level that returned it
 * keeps seeing it. */
static void
test_returns (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s", id);
  g_autofree char *edited_body = declaration_body (fixture, PLAN_ID, NULL, ", \"special_person\": true");
  g_autofree char *edit = NULL;
  g_autoptr(JsonNode) edited = NULL;

  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");

  /* the unit */
  act_ok (fixture, fixture->officer, id, "return", "unit_review", "请补充工作总结。", "{\"step\": \"summary\"}",
          "returned");
  assert_last_message (fixture, "declaration.return", "请补充工作总结。");
  act_refused (fixture, fixture->applicant, id, "submit", "returned", NULL, 409, "not_allowed");
  /* returned: the applicant may change it before resubmitting */
  edit = g_strdup_printf ("{\"base_version\": %" G_GINT64_FORMAT ", \"body\": %s}",
                          count (fixture, "SELECT version FROM records WHERE id = '%s'", id), edited_body);
  zc_server_test_ok (fixture->server, "PUT", path, fixture->applicant, edit, 200);
  act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");
  assert_last_message (fixture, "declaration.resubmit", NULL);

  /* the department */
  through_unit (fixture, id);
  act_ok (fixture, fixture->department, id, "return", "department_review", "学历证明不清晰。", NULL, "returned");
  zc_server_test_expect (fixture->server, "GET", path, fixture->department, NULL, 200, NULL);
  act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");
  zc_server_test_expect (fixture->server, "GET", path, fixture->committee, NULL, 404, "not_found");

  /* the committee */
  through_unit (fixture, id);
  act_ok (fixture, fixture->department, id, "pass", "department_review", NULL, NULL, "committee_intake");
  act_ok (fixture, fixture->committee, id, "return", "committee_intake", "答辩提纲不符合要求。",
          "{\"step\": \"attachments\"}", "returned");
  assert_last_message (fixture, "declaration.return", "答辩提纲不符合要求。");
  edited = zc_server_test_ok (fixture->server, "GET", path, fixture->applicant, NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (zc_server_test_object (edited),
                                                                                  "record"), "review_comment"), ==,
                   "答辩提纲不符合要求。");
  act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");

  /* a withdrawal while the unit has not acted */
  act_ok (fixture, fixture->applicant, id, "withdraw", "unit_review", NULL, NULL, "draft");
  assert_last_message (fixture, "declaration.withdraw", NULL);
  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");

  g_assert_cmpint (count (fixture, "SELECT returns FROM declarations WHERE record_id = '%s'", id), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM declaration_snapshots WHERE record_id = '%s'", id), ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM record_history WHERE record_id = '%s' AND action = 'return'",
                          id), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE object = '%s' AND action = 'declaration.return'",
                          id), ==, 3);
}

/* A determination: unit, then the issuer; no department, no committee. */
static void
test_determination (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *windows = windows_json (-10, 30, 40, 50, 50);
  g_autofree char *plan = plan_json (DETERMINATION_ID, fixture->committee_unit, this_year (), "卫生系列初定",
                                     HEALTH_TITLE, "determination", windows);
  g_autofree char *body = declaration_body (fixture, DETERMINATION_ID, NULL, NULL);
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) queue = NULL;

  store_plan (fixture->server, plan);
  id = create_declaration (fixture, fixture->applicant, body);
  path = g_strdup_printf ("/api/v1/declarations/%s", id);

  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  act_ok (fixture, fixture->officer, id, "recommend", "unit_review", NULL, NULL, "unit_recommended");
  act_ok (fixture, fixture->officer, id, "forward", "unit_recommended", NULL, NULL, "issuer_review");
  zc_server_test_expect (fixture->server, "GET", path, fixture->department, NULL, 404, "not_found");
  zc_server_test_expect (fixture->server, "GET", path, fixture->committee, NULL, 404, "not_found");
  queue = zc_server_test_ok (fixture->server, "GET", "/api/v1/declarations?state=issuer_review", fixture->issuer,
                             NULL, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (queue), "total"), ==, 1);

  act_refused (fixture, fixture->issuer, id, "issue", "issuer_review", NULL, 409, "not_allowed");
  act_ok (fixture, fixture->issuer, id, "return", "issuer_review", "请补充任职年限证明。", "{\"step\": \"attachments\"}",
          "returned");
  act_ok (fixture, fixture->applicant, id, "resubmit", "returned", NULL, NULL, "unit_review");
  act_ok (fixture, fixture->officer, id, "recommend", "unit_review", NULL, NULL, "unit_recommended");
  act_ok (fixture, fixture->officer, id, "forward", "unit_recommended", NULL, NULL, "issuer_review");
  act_ok (fixture, fixture->issuer, id, "determine", "issuer_review", NULL, NULL, "certified");
  assert_last_message (fixture, "declaration.determine", NULL);
  g_assert_cmpint (count (fixture, "SELECT reached FROM declarations WHERE record_id = '%s'", id), ==,
                   ZC_DECLARATION_REACHED_ISSUER);
}

/* Batches: each action on its own, in one request. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *body = declaration_body (fixture, PLAN_ID, NULL, NULL);
  g_autofree char *id = create_declaration (fixture, fixture->applicant, body);
  g_autofree char *batch = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *results;

  act_ok (fixture, fixture->applicant, id, "submit", "draft", NULL, NULL, "unit_review");
  batch = g_strdup_printf ("{\"actions\": [{\"id\": \"%s\", \"action\": \"recommend\", \"expected_state\":"
                           " \"unit_review\"}, {\"id\": \"%s\", \"action\": \"recommend\", \"expected_state\":"
                           " \"unit_review\"}, {\"id\": \"7a000000-0000-4000-8000-0000000000ff\", \"action\":"
                           " \"recommend\", \"expected_state\": \"unit_review\"}]}", id, id);
  answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/declarations/actions", fixture->officer, batch, 200);
  results = json_object_get_array_member (zc_server_test_object (answer), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (results, 0), "ok"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1), "code"), ==,
                   "state_changed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 2), "code"), ==,
                   "not_found");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/declarations/actions", fixture->officer,
                         "{\"actions\": []}", 400, "invalid_value");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/declaration-chain/full", Fixture, NULL, fixture_setup, test_full_chain, fixture_teardown);
  g_test_add ("/declaration-chain/frozen", Fixture, NULL, fixture_setup, test_frozen, fixture_teardown);
  g_test_add ("/declaration-chain/returns", Fixture, NULL, fixture_setup, test_returns, fixture_teardown);
  g_test_add ("/declaration-chain/determination", Fixture, NULL, fixture_setup, test_determination,
              fixture_teardown);
  g_test_add ("/declaration-chain/batch", Fixture, NULL, fixture_setup, test_batch, fixture_teardown);

  return g_test_run ();
}
