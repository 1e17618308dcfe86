/* zc-declaration-test.c: what the declaration tests share
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>
#include <string.h>

#include "zc-declaration-test.h"
#include "zc-holiday-calendar.h"
#include "zc-plan.h"
#include "zc-sqlite-store.h"
#include "zc-store-plans.h"


/* Dates are relative to today in Beijing, so that the plan's window is
 * open whatever day the tests run; the server's clock is moved with
 * ZHICHENG_TEST_NOW only to let a publicity's days pass. */


void
zc_decl_test_put_blob (ZcTestServer *server,
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

GBytes *
zc_decl_test_image_bytes (const char *type,
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

ZcStore *
zc_decl_test_open_store (ZcTestServer *server)
{
  g_autofree char *path = zc_test_server_db_path (server);
  g_autoptr(GError) error = NULL;
  ZcStore *store = zc_sqlite_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* A published plan as stored, interviews held, a required defence
 * outline and at least one research entry. */
char *
zc_decl_test_plan_json (const char *id,
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
char *
zc_decl_test_date_from_today (int days)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The plan's five windows, each @…_days from today. */
char *
zc_decl_test_windows_json (int start_days,
              int first_days,
              int modification_days,
              int unit_days,
              int department_days)
{
  g_autofree char *start = zc_decl_test_date_from_today (start_days);
  g_autofree char *first = zc_decl_test_date_from_today (first_days);
  g_autofree char *modification = zc_decl_test_date_from_today (modification_days);
  g_autofree char *unit = zc_decl_test_date_from_today (unit_days);
  g_autofree char *department = zc_decl_test_date_from_today (department_days);

  return g_strdup_printf ("{\"individual_start\": \"%sT00:00:00+08:00\","
                          " \"first_submission_deadline\": \"%sT23:59:59+08:00\","
                          " \"modification_deadline\": \"%sT23:59:59+08:00\","
                          " \"unit_deadline\": \"%sT23:59:59+08:00\","
                          " \"department_deadline\": \"%sT23:59:59+08:00\"}",
                          start, first, modification, unit, department);
}

/* The server's clock for a start: now, or @days later at 10:00 in Beijing. */
char *
zc_decl_test_clock_in_days (int days)
{
  g_autofree char *date = zc_decl_test_date_from_today (days);

  return g_strdup_printf ("%sT10:00:00+08:00", date);
}


gint64
zc_decl_test_this_year (void)
{
  g_autofree char *today = zc_decl_test_date_from_today (0);

  return g_ascii_strtoll (today, NULL, 10);
}

void
zc_decl_test_store_plan (ZcTestServer *server,
            const char   *json)
{
  g_autoptr(ZcStore) store = zc_decl_test_open_store (server);
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

void
zc_decl_test_fixture_start (ZcDeclFixture    *fixture,
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

void
zc_decl_test_fixture_setup (ZcDeclFixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) photo = zc_decl_test_image_bytes ("jpeg", 0xf0f0f0ffu);
  g_autoptr(GBytes) signature = zc_decl_test_image_bytes ("png", 0x202020ffu);
  static const char pdf[] = "%PDF-1.4\n% outline\n%%EOF\n";
  g_autoptr(GBytes) outline = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autofree char *plan = NULL;
  g_autofree char *windows = zc_decl_test_windows_json (-10, 30, 40, 50, 60);

  zc_decl_test_fixture_start (fixture, NULL, NULL);
  fixture->applicant_id = zc_server_test_account_id (fixture->server, fixture->applicant);
  fixture->hospital = zc_server_test_id_of_unit (fixture->server, fixture->admin, ZC_TEST_DEMO_HOSPITAL_CODE);
  fixture->committee_unit = zc_server_test_id_of_unit (fixture->server, fixture->admin, COMMITTEE_CODE);
  zc_decl_test_put_blob (fixture->server, fixture->applicant, photo, &fixture->photo);
  zc_decl_test_put_blob (fixture->server, fixture->applicant, signature, &fixture->signature);
  zc_decl_test_put_blob (fixture->server, fixture->applicant, outline, &fixture->outline);
  fixture->outline_size = g_bytes_get_size (outline);

  plan = zc_decl_test_plan_json (PLAN_ID, fixture->committee_unit, zc_decl_test_this_year (), "卫生系列高级", HEALTH_TITLE, "review",
                    windows);
  zc_decl_test_store_plan (fixture->server, plan);
}

void
zc_decl_test_fixture_teardown (ZcDeclFixture       *fixture,
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
char *
zc_decl_test_declaration_body (ZcDeclFixture    *fixture,
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
char *
zc_decl_test_publicity_args (int    from_days,
                char **too_short,
                int   *days)
{
  g_autoptr(GError) error = NULL;
  ZcHolidayCalendar *calendar = zc_holiday_calendar_get_default (&error);
  g_autofree char *today_text = zc_decl_test_date_from_today (from_days);
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
char *
zc_decl_test_create_declaration (ZcDeclFixture    *fixture,
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
JsonNode *
zc_decl_test_act (ZcDeclFixture    *fixture,
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

void
zc_decl_test_act_ok (ZcDeclFixture    *fixture,
        const char *token,
        const char *id,
        const char *action,
        const char *expected_state,
        const char *comment,
        const char *args,
        const char *to)
{
  g_autoptr(JsonNode) answer = zc_decl_test_act (fixture, token, id, action, expected_state, comment, args, 200);

  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, to);
}

void
zc_decl_test_act_refused (ZcDeclFixture    *fixture,
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

gint64
zc_decl_test_count_declarations (ZcDeclFixture *fixture)
{
  /* the demo's own declaration (周涛's) aside */
  return zc_server_test_count (fixture->server, "SELECT count(*) FROM records WHERE kind = 'declaration'"
                                                " AND id NOT LIKE 'de700000-%'");
}

/* After a restart with a later ZHICHENG_TEST_NOW: whether the server's
 * clock is at least @days ahead of the real one (a message marked read
 * now carries its time). */
gboolean
zc_decl_test_server_clock_moved (ZcDeclFixture    *fixture,
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
