/* test-authz.c: the authorization matrix, every role × endpoint × own or
 * other object, on the real server
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-server-test.h"

/* The callers, in the order of the matrix's columns. */
enum
{
  NONE,           /* no token */
  APPLICANT,      /* bound to the hospital */
  APPLICANT2,     /* not bound */
  UNIT_OFFICER,   /* the hospital */
  HR_OFFICER,     /* the district HR bureau */
  DEPARTMENT,
  COMMITTEE,
  ISSUER,
  ADMIN,
  N_CALLERS
};

static const char * const caller_names[N_CALLERS] = {
  "nobody", "applicant", "applicant2", "unit officer", "HR officer", "department officer",
  "committee officer", "issuer", "admin",
};

static const char * const caller_logins[N_CALLERS] = {
  NULL, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_HR_OFFICER,
  ZC_TEST_DEMO_DEPARTMENT_OFFICER, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_ISSUER, ZC_TEST_DEMO_ADMIN,
};

typedef struct
{
  const char *method;
  const char *path;      /* {hospital} {district} {P} {Q} {app2} {missing} are filled in */
  const char *body;
  guint       expected[N_CALLERS];
} Row;

/* 401: no session.  403: the role may not use the endpoint.  404: the
 * object is another unit's (or does not exist): the same answer for both.
 * 400: allowed, and the body (deliberately invalid) was looked at.
 * P is applicant2's pending request to the hospital, Q the applicant's
 * pending request to the district HR bureau. */
static const Row matrix[] = {
  /*                                                          none app  app2 uo   hro  dep  com  iss  adm */
  { "GET", "me", NULL,                                      { 401, 200, 200, 200, 200, 200, 200, 200, 200 } },
  { "POST", "me/password", "{}",                            { 401, 400, 400, 400, 400, 400, 400, 400, 400 } },
  { "GET", "units", NULL,                                   { 401, 200, 200, 200, 200, 200, 200, 200, 200 } },
  { "GET", "units/{hospital}", NULL,                        { 401, 200, 200, 200, 200, 200, 200, 200, 200 } },
  { "GET", "units/{missing}", NULL,                         { 401, 404, 404, 404, 404, 404, 404, 404, 404 } },
  { "GET", "bindings", NULL,                                { 401, 200, 200, 403, 403, 403, 403, 403, 403 } },
  { "POST", "bindings", "{}",                               { 401, 400, 400, 403, 403, 403, 403, 403, 403 } },
  { "GET", "units/{hospital}/bindings", NULL,               { 401, 403, 403, 200, 404, 403, 403, 403, 403 } },
  { "GET", "units/{district}/bindings", NULL,               { 401, 403, 403, 404, 200, 403, 403, 403, 403 } },
  { "GET", "units/{missing}/bindings", NULL,                { 401, 403, 403, 404, 404, 403, 403, 403, 403 } },
  { "POST", "bindings/{P}/decision", "{\"decision\": \"deny\"}",
                                                            { 401, 403, 403, 400, 404, 403, 403, 403, 403 } },
  { "POST", "bindings/{Q}/decision", "{\"decision\": \"deny\"}",
                                                            { 401, 403, 403, 404, 400, 403, 403, 403, 403 } },
  { "POST", "bindings/{missing}/decision", "{\"decision\": \"deny\"}",
                                                            { 401, 403, 403, 404, 404, 403, 403, 403, 403 } },
  { "GET", "units/{hospital}/accounts", NULL,               { 401, 403, 403, 200, 404, 403, 403, 403, 403 } },
  { "GET", "units/{district}/accounts", NULL,               { 401, 403, 403, 404, 200, 403, 403, 403, 403 } },
  { "POST", "units/{hospital}/accounts", "{}",              { 401, 403, 403, 400, 404, 403, 403, 403, 403 } },
  { "POST", "units/{district}/accounts", "{}",              { 401, 403, 403, 404, 400, 403, 403, 403, 403 } },
  { "GET", "admin/accounts", NULL,                          { 401, 403, 403, 403, 403, 403, 403, 403, 200 } },
  { "POST", "admin/accounts", "{}",                         { 401, 403, 403, 403, 403, 403, 403, 403, 400 } },
  { "POST", "admin/accounts/{app2}/role", "{\"role\": \"root\"}",
                                                            { 401, 403, 403, 403, 403, 403, 403, 403, 400 } },
  { "POST", "admin/accounts/{missing}/role", "{\"role\": \"applicant\"}",
                                                            { 401, 403, 403, 403, 403, 403, 403, 403, 404 } },
  { "POST", "admin/accounts/{missing}/password", NULL,      { 401, 403, 403, 403, 403, 403, 403, 403, 404 } },
  { "GET", "admin/units", NULL,                             { 401, 403, 403, 403, 403, 403, 403, 403, 200 } },
  { "POST", "admin/units", "{}",                            { 401, 403, 403, 403, 403, 403, 403, 403, 400 } },
};

typedef struct
{
  ZcTestServer *server;
  char         *tokens[N_CALLERS];
  char         *hospital;
  char         *district;
  char         *p;
  char         *q;
  char         *app2;
} World;

static char *
fill (World      *world,
      const char *pattern)
{
  GString *path = g_string_new ("/api/v1/");

  g_string_append (path, pattern);
  g_string_replace (path, "{hospital}", world->hospital, 0);
  g_string_replace (path, "{district}", world->district, 0);
  g_string_replace (path, "{P}", world->p, 0);
  g_string_replace (path, "{Q}", world->q, 0);
  g_string_replace (path, "{app2}", world->app2, 0);
  g_string_replace (path, "{missing}", "00000000-0000-4000-8000-000000000000", 0);

  return g_string_free (path, FALSE);
}

static char *
ask_binding (World      *world,
             guint       caller,
             const char *body)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = zc_test_server_call (world->server, "POST", "/api/v1/bindings", world->tokens[caller], "en", body,
                                &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  return g_strdup (zc_test_member_string (answer, "id"));
}

static void
world_init (World *world)
{
  const char * const demo[] = { "--demo", NULL };
  g_autofree char *to_hospital = NULL;
  g_autofree char *to_district = NULL;
  g_autoptr(JsonNode) me = NULL;
  guint status = 0;

  world->server = zc_test_server_start (demo);
  for (guint i = 0; i < N_CALLERS; i++)
    world->tokens[i] = caller_logins[i] != NULL ? zc_test_server_login (world->server, caller_logins[i],
                                                                        ZC_TEST_DEMO_PASSWORD)
                                                : NULL;
  world->hospital = zc_server_test_id_of_unit (world->server, world->tokens[ADMIN], ZC_TEST_DEMO_HOSPITAL_CODE);
  world->district = zc_server_test_id_of_unit (world->server, world->tokens[ADMIN], ZC_TEST_DEMO_DISTRICT_HR_CODE);

  to_hospital = g_strdup_printf ("{\"unit_id\": \"%s\"}", world->hospital);
  to_district = g_strdup_printf ("{\"unit_id\": \"%s\", \"freelancer\": true}", world->district);
  world->p = ask_binding (world, APPLICANT2, to_hospital);
  world->q = ask_binding (world, APPLICANT, to_district);

  me = zc_test_server_call (world->server, "GET", "/api/v1/me", world->tokens[APPLICANT2], "en", NULL, &status, NULL);
  world->app2 = g_strdup (zc_test_member_string (me, "id"));
}

static void
world_clear (World *world)
{
  zc_test_server_stop (world->server);
  for (guint i = 0; i < N_CALLERS; i++)
    g_free (world->tokens[i]);
  g_free (world->hospital);
  g_free (world->district);
  g_free (world->p);
  g_free (world->q);
  g_free (world->app2);
}

static void
test_matrix (void)
{
  World world = { NULL };
  guint failures = 0;

  world_init (&world);

  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    {
      g_autofree char *path = fill (&world, matrix[i].path);

      for (guint c = 0; c < N_CALLERS; c++)
        {
          g_autoptr(JsonNode) answer = NULL;
          guint status = 0;

          answer = zc_test_server_call (world.server, matrix[i].method, path, world.tokens[c], "en",
                                        matrix[i].body, &status, NULL);
          if (status != matrix[i].expected[c])
            {
              g_printerr ("%s %s as %s: expected %u, got %u\n", matrix[i].method, matrix[i].path,
                          caller_names[c], matrix[i].expected[c], status);
              failures++;
            }
          else if (status >= 400)
            {
              /* every refusal is a proper error answer */
              zc_test_assert_error (answer, status == 401 ? "unauthenticated"
                                          : status == 404 ? "not_found"
                                          : zc_test_member_string (answer, "code"));
              if (status == 403)
                g_assert_cmpstr (zc_test_member_string (answer, "code"), ==, "forbidden");
            }
        }
    }
  g_assert_cmpuint (failures, ==, 0);

  /* none of it changed anything: both requests still pending, nobody's
   * role or unit moved */
  g_assert_cmpint (zc_server_test_count (world.server, "SELECT count(*) FROM bindings WHERE state = 'pending'"),
                   ==, 2);
  g_assert_cmpint (zc_server_test_count (world.server, "SELECT count(*) FROM accounts WHERE role = 'admin'"), ==, 1);
  g_assert_cmpint (zc_server_test_count (world.server, "SELECT count(*) FROM accounts"), ==, 9);
  g_assert_cmpint (zc_server_test_count (world.server, "SELECT count(*) FROM units"), ==, 7);

  world_clear (&world);
}

static guint
count_bindings (World      *world,
                guint       caller,
                const char *path,
                const char *must_not_contain)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *items;
  guint status = 0;

  answer = zc_test_server_call (world->server, "GET", path, world->tokens[caller], "en", NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (zc_server_test_object (answer), "bindings");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "id"), !=,
                     must_not_contain);

  return json_array_get_length (items);
}

/* Lists show only what is the caller's own, or their unit's. */
static void
test_lists_are_scoped (void)
{
  World world = { NULL };
  g_autofree char *hospital_path = NULL;
  g_autofree char *district_path = NULL;
  g_autofree char *hospital_accounts = NULL;
  g_autoptr(JsonNode) accounts = NULL;
  JsonArray *items;
  guint status = 0;

  world_init (&world);
  hospital_path = g_strdup_printf ("/api/v1/units/%s/bindings", world.hospital);
  district_path = g_strdup_printf ("/api/v1/units/%s/bindings", world.district);
  hospital_accounts = g_strdup_printf ("/api/v1/units/%s/accounts", world.hospital);

  /* each applicant sees their own request, never the other's */
  g_assert_cmpuint (count_bindings (&world, APPLICANT2, "/api/v1/bindings", world.q), ==, 1);
  g_assert_cmpuint (count_bindings (&world, APPLICANT, "/api/v1/bindings", world.p), >=, 1);
  /* each unit officer sees their unit's requests only */
  count_bindings (&world, UNIT_OFFICER, hospital_path, world.q);
  g_assert_cmpuint (count_bindings (&world, HR_OFFICER, district_path, world.p), ==, 1);

  /* the hospital's people: the officer and the bound applicants (张伟,
   * 周涛), not the applicant who only asked */
  accounts = zc_test_server_call (world.server, "GET", hospital_accounts, world.tokens[UNIT_OFFICER], "en", NULL,
                                  &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (zc_server_test_object (accounts), "accounts");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "id"), !=, world.app2);

  world_clear (&world);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/authz/matrix", test_matrix);
  g_test_add_func ("/server/authz/lists-are-scoped", test_lists_are_scoped);

  return g_test_run ();
}
