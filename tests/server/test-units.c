/* test-units.c: units, created by an administrator and found by anyone
 * logged in, on the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

#define DEMO_UNITS 7
/* valid codes not used by the demo */
#define CODE_A "91410100MA0000007G"
#define CODE_B "91410100MA0000008K"

static char *
unit_body (const char *name,
           const char *credit_code,
           const char *region_code,
           const char *kind,
           const char *department_id)
{
  g_autofree char *department = department_id != NULL ? g_strdup_printf (", \"department_id\": \"%s\"", department_id)
                                                       : g_strdup ("");

  return g_strdup_printf ("{\"name\": \"%s\", \"credit_code\": \"%s\", \"region_code\": \"%s\", \"kind\": \"%s\"%s}",
                          name, credit_code, region_code, kind, department);
}

static void
test_create (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *department = zc_server_test_id_of_unit (server, admin, "11410000MB00000026");
  g_autofree char *body = unit_body ("  郑州市第二示范医院 ", "91410100ma0000007g", "410100", "employer", department);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *unit;
  guint status = 0;

  answer = zc_test_server_call (server, "POST", "/api/v1/admin/units", admin, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  unit = zc_server_test_object (answer);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (unit, "id")));
  g_assert_cmpstr (json_object_get_string_member (unit, "name"), ==, "郑州市第二示范医院");
  g_assert_cmpstr (json_object_get_string_member (unit, "credit_code"), ==, CODE_A);
  g_assert_cmpstr (json_object_get_string_member (unit, "region_code"), ==, "410100");
  g_assert_cmpstr (json_object_get_string_member (unit, "kind"), ==, "employer");
  g_assert_cmpstr (json_object_get_string_member (unit, "department_id"), ==, department);

  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM units"), ==, DEMO_UNITS + 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit WHERE action = 'unit.create'"), ==, 1);

  zc_test_server_stop (server);
}

static void
test_create_bad_input (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *employer = zc_server_test_id_of_unit (server, admin, ZC_TEST_DEMO_HOSPITAL_CODE);
  g_autofree char *missing = g_uuid_string_random ();
  g_autofree char *long_name = g_strnfill (101, 'a');
  struct {
    char       *body;
    guint       status;
    const char *code;
    const char *field;
  } cases[] = {
    { unit_body ("示例单位", "91410100MA0000007H", "410100", "employer", NULL), 400, "invalid_value", "credit_code" },
    { unit_body ("示例单位", "91410100MA0000007", "410100", "employer", NULL), 400, "invalid_value", "credit_code" },
    { unit_body ("示例单位", "91410100MA0000007O", "410100", "employer", NULL), 400, "invalid_value", "credit_code" },
    { unit_body ("示例单位", CODE_A, "41010", "employer", NULL), 400, "invalid_value", "region_code" },
    { unit_body ("示例单位", CODE_A, "000000", "employer", NULL), 400, "invalid_value", "region_code" },
    { unit_body ("示例单位", CODE_A, "41010a", "employer", NULL), 400, "invalid_value", "region_code" },
    { unit_body ("示例单位", CODE_A, "410100", "school", NULL), 400, "invalid_value", "kind" },
    { unit_body ("示例单位", CODE_A, "410100", "employer", employer), 400, "invalid_value", "department_id" },
    { unit_body ("示例单位", CODE_A, "410100", "employer", missing), 400, "invalid_value", "department_id" },
    { unit_body ("示例单位", CODE_A, "410100", "employer", "x'; DROP TABLE units;--"), 400, "invalid_value",
      "department_id" },
    { unit_body ("示", CODE_A, "410100", "employer", NULL), 400, "invalid_value", "name" },
    { unit_body (long_name, CODE_A, "410100", "employer", NULL), 400, "invalid_value", "name" },
    { unit_body ("示例\\u0007单位", CODE_A, "410100", "employer", NULL), 400, "invalid_value", "name" },
    { unit_body ("示例单位", ZC_TEST_DEMO_HOSPITAL_CODE, "410100", "employer", NULL), 409, "unit_exists",
      "credit_code" },
    { g_strdup ("{\"name\": \"示例单位\", \"credit_code\": \"" CODE_A "\", \"region_code\": \"410100\"}"), 400,
      "missing_value", "kind" },
    { g_strdup ("{\"name\": \"示例单位\", \"credit_code\": \"" CODE_A "\", \"region_code\": 410100,"
                " \"kind\": \"employer\"}"), 400, "wrong_type", "region_code" },
    { g_strdup ("{\"name\": \"示例单位\", \"credit_code\": \"" CODE_A "\", \"region_code\": \"410100\","
                " \"kind\": \"employer\", \"id\": \"00000000-0000-4000-8000-000000000000\"}"), 400,
      "unknown_member", "id" },
    { g_strdup ("{\"name\": \"示例单位\""), 400, "malformed_json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      zc_server_test_expect (server, "POST", "/api/v1/admin/units", admin, cases[i].body, cases[i].status,
                             cases[i].code);
      answer = zc_test_server_call (server, "POST", "/api/v1/admin/units", admin, "en", cases[i].body, &status, NULL);
      if (cases[i].field != NULL)
        g_assert_cmpstr (zc_test_member_string (answer, "field"), ==, cases[i].field);
      g_free (cases[i].body);
    }

  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM units"), ==, DEMO_UNITS);

  zc_test_server_stop (server);
}

/* Text that looks like SQL is stored as text. */
static void
test_sql_looking_name (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *body = unit_body ("医院'); DROP TABLE units;--", CODE_B, "410100", "employer", NULL);
  g_autoptr(JsonNode) found = NULL;
  JsonArray *units;
  guint status = 0;

  zc_server_test_expect (server, "POST", "/api/v1/admin/units", admin, body, 201, NULL);
  found = zc_test_server_call (server, "GET", "/api/v1/units?query=DROP%20TABLE", admin, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  units = json_object_get_array_member (zc_server_test_object (found), "units");
  g_assert_cmpuint (json_array_get_length (units), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (units, 0), "name"), ==,
                   "医院'); DROP TABLE units;--");
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM units"), ==, DEMO_UNITS + 1);

  zc_test_server_stop (server);
}

static guint
count_found (ZcTestServer *server,
             const char   *token,
             const char   *path)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = zc_test_server_call (server, "GET", path, token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  return json_array_get_length (json_object_get_array_member (zc_server_test_object (answer), "units"));
}

static void
test_search (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *long_query = NULL;
  g_autofree char *long_text = g_strnfill (65, 'a');
  JsonObject *unit;
  guint status = 0;

  /* an applicant sees the public fields only */
  answer = zc_test_server_call (server, "GET", "/api/v1/units?query=%E5%8C%BB%E9%99%A2", token, "en", NULL,
                                &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  unit = json_array_get_object_element (json_object_get_array_member (zc_server_test_object (answer), "units"), 0);
  g_assert_cmpstr (json_object_get_string_member (unit, "name"), ==, "郑州市示范人民医院");
  g_assert_cmpstr (json_object_get_string_member (unit, "kind"), ==, "employer");
  g_assert_cmpstr (json_object_get_string_member (unit, "region_code"), ==, "410100");
  g_assert_false (json_object_has_member (unit, "credit_code"));
  g_assert_false (json_object_has_member (unit, "department_id"));

  g_assert_cmpuint (count_found (server, token, "/api/v1/units"), ==, DEMO_UNITS);
  g_assert_cmpuint (count_found (server, token, "/api/v1/units?kind=hr_bureau"), ==, 2);
  g_assert_cmpuint (count_found (server, token, "/api/v1/units?kind=hr_bureau&region_code=410105"), ==, 1);
  g_assert_cmpuint (count_found (server, token, "/api/v1/units?query=" ZC_TEST_DEMO_COMPANY_CODE), ==, 1);
  g_assert_cmpuint (count_found (server, token, "/api/v1/units?query=%25"), ==, 0);
  g_assert_cmpuint (count_found (server, token, "/api/v1/units?limit=2"), ==, 2);
  g_assert_cmpuint (count_found (server, token, "/api/v1/units?limit=5&offset=5"), ==, 2);

  long_query = g_strconcat ("/api/v1/units?query=", long_text, NULL);
  zc_server_test_expect (server, "GET", "/api/v1/units?kind=school", token, NULL, 400, "invalid_value");
  zc_server_test_expect (server, "GET", "/api/v1/units?limit=0", token, NULL, 400, "invalid_value");
  zc_server_test_expect (server, "GET", "/api/v1/units?limit=201", token, NULL, 400, "invalid_value");
  zc_server_test_expect (server, "GET", "/api/v1/units?offset=-1", token, NULL, 400, "invalid_value");
  zc_server_test_expect (server, "GET", "/api/v1/units?query=%FF%FE", token, NULL, 400, "invalid_value");
  zc_server_test_expect (server, "GET", long_query, token, NULL, 400, "invalid_value");
  zc_server_test_expect (server, "GET", "/api/v1/units", NULL, NULL, 401, "unauthenticated");

  /* the administrator's list has every field */
  g_clear_pointer (&answer, json_node_unref);
  answer = zc_test_server_call (server, "GET", "/api/v1/admin/units?kind=committee", admin, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  unit = json_array_get_object_element (json_object_get_array_member (zc_server_test_object (answer), "units"), 0);
  g_assert_cmpstr (json_object_get_string_member (unit, "credit_code"), ==, "12410000MB00000036");
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (unit, "department_id")));

  zc_test_server_stop (server);
}

static void
test_get (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_ISSUER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *id = zc_server_test_id_of_unit (server, token, ZC_TEST_DEMO_DISTRICT_HR_CODE);
  g_autofree char *path = g_strdup_printf ("/api/v1/units/%s", id);
  g_autofree char *missing = g_strdup_printf ("/api/v1/units/%s", "00000000-0000-4000-8000-000000000000");
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = zc_test_server_call (server, "GET", path, token, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (zc_test_member_string (answer, "name"), ==, "郑州市金水区人力资源和社会保障局");
  g_assert_false (json_object_has_member (zc_server_test_object (answer), "credit_code"));

  zc_server_test_expect (server, "GET", missing, token, NULL, 404, "not_found");
  zc_server_test_expect (server, "GET", "/api/v1/units/00000000-0000-4000-8000-00000000000G", token, NULL, 404,
                         "not_found");
  zc_server_test_expect (server, "GET", path, NULL, NULL, 401, "unauthenticated");
  zc_server_test_expect (server, "DELETE", path, token, NULL, 405, "method_not_allowed");

  zc_test_server_stop (server);
}

/* Statistics: the hospital's applicants by the series and level of their
 * highest title */

static JsonObject *
statistics_of (ZcTestServer *server,
               const char   *path,
               const char   *token,
               const char   *language,
               JsonNode    **answer)
{
  guint status = 0;

  *answer = zc_test_server_call (server, "GET", path, token, language, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  return zc_server_test_object (*answer);
}

static gint64
level_count (JsonObject *statistics,
             guint       level)
{
  JsonArray *levels = json_object_get_array_member (statistics, "levels");

  g_assert_cmpuint (json_array_get_length (levels), ==, 5);
  return json_object_get_int_member (json_array_get_object_element (levels, level), "count");
}

/* Gives the applicant a highest title in their personal information. */
static void
set_highest_title (ZcTestServer *server,
                   const char   *token,
                   const char   *pick)
{
  g_autoptr(JsonNode) record = zc_server_test_ok (server, "GET", "/api/v1/me/personal-info", token, NULL, 200);
  g_autoptr(JsonNode) pick_node = json_from_string (pick, NULL);
  g_autoptr(JsonNode) saved = NULL;
  JsonObject *body = json_object_get_object_member (zc_server_test_object (record), "body");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) put = NULL;
  g_autofree char *text = NULL;

  json_object_set_member (body, "highest_title", json_node_copy (pick_node));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "base_version");
  json_builder_add_int_value (builder, json_object_get_int_member (zc_server_test_object (record), "version"));
  json_builder_set_member_name (builder, "body");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), body));
  json_builder_end_object (builder);
  put = json_builder_get_root (builder);
  text = json_to_string (put, FALSE);
  saved = zc_server_test_ok (server, "PUT", "/api/v1/me/personal-info", token, text, 200);
}

static void
test_statistics (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *officer = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *hospital = zc_server_test_id_of_unit (server, admin, ZC_TEST_DEMO_HOSPITAL_CODE);
  g_autofree char *path = g_strdup_printf ("/api/v1/units/%s/statistics", hospital);
  g_autofree char *id_number = zc_server_test_id_number (401, FALSE);
  g_autofree char *new_account = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) english = NULL;
  g_autoptr(JsonNode) more = NULL;
  JsonObject *statistics;
  JsonArray *series;
  JsonObject *health;
  JsonArray *counts;

  /* the demo hospital: 张伟 and 周涛, neither with a title on record */
  statistics = statistics_of (server, path, officer, "zh-CN", &before);
  g_assert_cmpint (json_object_get_int_member (statistics, "people"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (statistics, "without_title"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (statistics, "series")), ==, 0);
  for (guint l = 0; l < 5; l++)
    g_assert_cmpint (level_count (statistics, l), ==, 0);

  /* 张伟 records his 主治医师 */
  set_highest_title (server, applicant,
                     "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\", \"title\": \"主治医师\"}");
  statistics = statistics_of (server, path, officer, "zh-CN", &after);
  g_assert_cmpint (json_object_get_int_member (statistics, "people"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (statistics, "without_title"), ==, 1);
  g_assert_cmpint (level_count (statistics, 2), ==, 1);
  series = json_object_get_array_member (statistics, "series");
  g_assert_cmpuint (json_array_get_length (series), ==, 1);
  health = json_array_get_object_element (series, 0);
  g_assert_cmpstr (json_object_get_string_member (health, "code"), ==, "04");
  g_assert_cmpstr (json_object_get_string_member (health, "name"), ==, "卫生技术人员");
  g_assert_cmpint (json_object_get_int_member (health, "total"), ==, 1);
  counts = json_object_get_array_member (health, "counts");
  g_assert_cmpint (json_array_get_int_element (counts, 2), ==, 1);
  g_assert_cmpint (json_array_get_int_element (counts, 4), ==, 0);

  /* the series name in the caller's language */
  statistics = statistics_of (server, path, officer, "en", &english);
  health = json_array_get_object_element (json_object_get_array_member (statistics, "series"), 0);
  g_assert_cmpstr (json_object_get_string_member (health, "name"), ==, "Health professionals");

  /* a new colleague without personal information counts as without title */
  g_free (zc_server_test_add_account (server, admin, id_number, "赵新", "applicant", hospital, &new_account));
  statistics = statistics_of (server, path, officer, "en", &more);
  g_assert_cmpint (json_object_get_int_member (statistics, "people"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (statistics, "without_title"), ==, 2);

  zc_test_server_stop (server);
}

static void
test_statistics_forbidden (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *hr_officer = zc_test_server_login (server, ZC_TEST_DEMO_HR_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *department = zc_test_server_login (server, ZC_TEST_DEMO_DEPARTMENT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *hospital = zc_server_test_id_of_unit (server, admin, ZC_TEST_DEMO_HOSPITAL_CODE);
  g_autofree char *bureau = zc_server_test_id_of_unit (server, admin, ZC_TEST_DEMO_DISTRICT_HR_CODE);
  g_autofree char *path = g_strdup_printf ("/api/v1/units/%s/statistics", hospital);
  g_autofree char *own = g_strdup_printf ("/api/v1/units/%s/statistics", bureau);
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *statistics;

  /* another unit's officer is told there is no such unit */
  zc_server_test_expect (server, "GET", path, hr_officer, NULL, 404, "not_found");
  zc_server_test_expect (server, "GET", "/api/v1/units/00000000-0000-4000-8000-000000000000/statistics", hr_officer,
                         NULL, 404, "not_found");
  /* other roles may not ask at all */
  zc_server_test_expect (server, "GET", path, applicant, NULL, 403, NULL);
  zc_server_test_expect (server, "GET", path, department, NULL, 403, NULL);
  zc_server_test_expect (server, "GET", path, admin, NULL, 403, NULL);
  zc_server_test_expect (server, "GET", path, NULL, NULL, 401, "unauthenticated");
  zc_server_test_expect (server, "POST", path, hr_officer, "{}", 405, "method_not_allowed");

  /* the bureau's own numbers: nobody bound yet */
  statistics = statistics_of (server, own, hr_officer, "zh-CN", &answer);
  g_assert_cmpint (json_object_get_int_member (statistics, "people"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (statistics, "without_title"), ==, 0);

  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/units/create", test_create);
  g_test_add_func ("/server/units/create-bad-input", test_create_bad_input);
  g_test_add_func ("/server/units/sql-looking-name", test_sql_looking_name);
  g_test_add_func ("/server/units/search", test_search);
  g_test_add_func ("/server/units/get", test_get);
  g_test_add_func ("/server/units/statistics", test_statistics);
  g_test_add_func ("/server/units/statistics-forbidden", test_statistics_forbidden);

  return g_test_run ();
}
