/* test-sync-authz.c: who may call the archive, review, message and sync
 * endpoints, on whose objects, and what every pull lets out (archive
 * entries, and the declarations each reviewer may see)
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-holiday-calendar.h"
#include "zc-server-test.h"
#include "zc-sqlite-store.h"
#include "zc-store-declarations.h"
#include "zc-sync-message.h"

/* The demo's declaration: 周涛's (an applicant of the hospital), waiting
 * in the hospital's review (server/zc-demo-declarations.c). */
#define DEMO_DECLARATION "de700000-0000-4000-8000-000000000001"

/* The callers, in the order of the matrix's columns.  Two applicants in
 * two units (A1 at the hospital, A3 at the company), one not bound (A2),
 * each unit's officer, the HR bureau's officer and the other roles. */
enum
{
  NONE,
  A1,
  A2,
  A3,
  UO,         /* the hospital's officer */
  UOC,        /* the company's officer */
  HR,
  DEP,
  COM,
  ISS,
  ADM,
  N_CALLERS
};

static const char * const caller_names[N_CALLERS] = {
  "nobody", "applicant (hospital)", "applicant (unbound)", "applicant (company)", "unit officer (hospital)",
  "unit officer (company)", "HR officer", "department officer", "committee officer", "issuer", "admin",
};

typedef struct
{
  const char *method;
  const char *path;      /* {E1} {E3} {M1} {H} {C} are filled in */
  const char *body;
  guint       expected[N_CALLERS];
} Row;

/* 401 no session; 403 the role may not use it; 404 not theirs (or not
 * there); 400/409: allowed, and the deliberately incomplete request or
 * stale expectation was looked at (nothing changes). */
static const Row matrix[] = {
  /*                                                        none A1   A2   A3   UO   UOC  HR   DEP  COM  ISS  ADM */
  { "GET", "me/personal-info", NULL,                      { 401, 200, 404, 404, 403, 403, 403, 403, 403, 403, 403 } },
  { "PUT", "me/personal-info", "{\"base_version\": 0}",   { 401, 400, 400, 400, 403, 403, 403, 403, 403, 403, 403 } },
  { "GET", "archive", NULL,                               { 401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403 } },
  { "POST", "archive", "{}",                              { 401, 400, 400, 400, 403, 403, 403, 403, 403, 403, 403 } },
  { "GET", "archive/{E1}", NULL,                          { 401, 200, 404, 404, 200, 404, 404, 403, 403, 403, 403 } },
  { "GET", "archive/{E3}", NULL,                          { 401, 404, 404, 200, 404, 200, 404, 403, 403, 403, 403 } },
  { "PUT", "archive/{E1}", "{\"base_version\": 1, \"body\": {}}",
                                                          { 401, 400, 404, 404, 403, 403, 403, 403, 403, 403, 403 } },
  { "PUT", "archive/{E3}", "{\"base_version\": 1, \"body\": {}}",
                                                          { 401, 404, 404, 400, 403, 403, 403, 403, 403, 403, 403 } },
  { "DELETE", "archive/{E3}?base_version=99", NULL,       { 401, 404, 404, 409, 403, 403, 403, 403, 403, 403, 403 } },
  { "POST", "archive/{E1}/submit", "{\"expected_state\": \"unreviewed\"}",
                                                          { 401, 409, 404, 404, 403, 403, 403, 403, 403, 403, 403 } },
  { "GET", "archive/{E1}/history", NULL,                  { 401, 200, 404, 404, 200, 404, 404, 403, 403, 403, 403 } },
  { "GET", "archive/{E3}/history", NULL,                  { 401, 404, 404, 200, 404, 200, 404, 403, 403, 403, 403 } },
  { "GET", "units/{H}/archive", NULL,                     { 401, 403, 403, 403, 200, 404, 404, 403, 403, 403, 403 } },
  { "GET", "units/{C}/archive", NULL,                     { 401, 403, 403, 403, 404, 200, 404, 403, 403, 403, 403 } },
  { "POST", "archive/{E1}/decision", "{\"decision\": \"return\", \"expected_state\": \"pending\"}",
                                                          { 401, 403, 403, 403, 400, 404, 404, 403, 403, 403, 403 } },
  { "POST", "archive/{E3}/decision", "{\"decision\": \"return\", \"expected_state\": \"pending\"}",
                                                          { 401, 403, 403, 403, 404, 400, 404, 403, 403, 403, 403 } },
  { "POST", "archive/decisions", "{\"decisions\": []}",   { 401, 403, 403, 403, 400, 400, 400, 403, 403, 403, 403 } },
  { "GET", "messages", NULL,                              { 401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200 } },
  { "POST", "messages/{M1}/read", NULL,                   { 401, 200, 404, 404, 404, 404, 404, 404, 404, 404, 404 } },
  { "POST", "messages/read-all", NULL,                    { 401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200 } },
  { "POST", "sync/push", "{}",                            { 401, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400 } },
  { "POST", "sync/pull", "{\"client_id\": \"dddddddd-0000-4000-8000-000000000001\", \"limit\": 0}",
                                                          { 401, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400 } },
};

typedef struct
{
  ZcTestServer *server;
  char         *tokens[N_CALLERS];
  char         *ids[N_CALLERS];    /* account ids */
  char         *hospital;
  char         *company;
  char         *e1;                /* a pending entry of A1 (the demo's) */
  char         *e3;                /* a pending entry of A3 */
  char         *m1;                /* a message to A1 */
} World;

static void
world_init (World *world)
{
  const char * const demo[] = { "--demo", NULL };
  const char * const logins[N_CALLERS] = {
    NULL, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_APPLICANT2, NULL, ZC_TEST_DEMO_UNIT_OFFICER, NULL,
    ZC_TEST_DEMO_HR_OFFICER, ZC_TEST_DEMO_DEPARTMENT_OFFICER, ZC_TEST_DEMO_COMMITTEE_OFFICER, ZC_TEST_DEMO_ISSUER,
    ZC_TEST_DEMO_ADMIN,
  };
  g_autofree char *a3_number = zc_server_test_id_number (3, FALSE);
  g_autofree char *uoc_number = zc_server_test_id_number (4, TRUE);
  g_autoptr(JsonNode) entry = NULL;
  g_autoptr(JsonNode) messages = NULL;

  world->server = zc_test_server_start (demo);
  for (guint i = 0; i < N_CALLERS; i++)
    if (logins[i] != NULL)
      world->tokens[i] = zc_test_server_login (world->server, logins[i], ZC_TEST_DEMO_PASSWORD);
  world->hospital = zc_server_test_id_of_unit (world->server, world->tokens[ADM], ZC_TEST_DEMO_HOSPITAL_CODE);
  world->company = zc_server_test_id_of_unit (world->server, world->tokens[ADM], ZC_TEST_DEMO_COMPANY_CODE);
  world->ids[A3] = zc_server_test_add_account (world->server, world->tokens[ADM], a3_number, "钱芳", "applicant",
                                               world->company, &world->tokens[A3]);
  world->ids[UOC] = zc_server_test_add_account (world->server, world->tokens[ADM], uoc_number, "孙强",
                                                "unit_officer", world->company, &world->tokens[UOC]);
  for (guint i = 1; i < N_CALLERS; i++)
    if (world->ids[i] == NULL)
      world->ids[i] = zc_server_test_account_id (world->server, world->tokens[i]);

  world->e1 = g_strdup ("de300000-0000-4000-8000-000000000106");
  entry = zc_server_test_ok (world->server, "POST", "/api/v1/archive", world->tokens[A3],
                             "{\"kind\": \"archive:annual-assessments\", \"body\": {\"year\": 2024, \"result\": \"1\"}}",
                             201);
  world->e3 = g_strdup (zc_test_member_string (entry, "id"));

  messages = zc_server_test_ok (world->server, "GET", "/api/v1/messages", world->tokens[A1], NULL, 200);
  world->m1 = g_strdup (json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (zc_server_test_object (messages), "messages"), 0),
    "id"));
}

static void
world_clear (World *world)
{
  zc_test_server_stop (world->server);
  for (guint i = 0; i < N_CALLERS; i++)
    {
      g_free (world->tokens[i]);
      g_free (world->ids[i]);
    }
  g_free (world->hospital);
  g_free (world->company);
  g_free (world->e1);
  g_free (world->e3);
  g_free (world->m1);
}

static char *
fill (World      *world,
      const char *pattern)
{
  GString *path = g_string_new ("/api/v1/");

  g_string_append (path, pattern);
  g_string_replace (path, "{E1}", world->e1, 0);
  g_string_replace (path, "{E3}", world->e3, 0);
  g_string_replace (path, "{M1}", world->m1, 0);
  g_string_replace (path, "{H}", world->hospital, 0);
  g_string_replace (path, "{C}", world->company, 0);

  return g_string_free (path, FALSE);
}

static void
test_matrix (void)
{
  World world = { NULL };
  gint64 versions;
  guint failures = 0;

  world_init (&world);
  versions = zc_server_test_count (world.server, "SELECT sum(version) FROM records");

  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    {
      g_autofree char *path = fill (&world, matrix[i].path);

      for (guint c = 0; c < N_CALLERS; c++)
        {
          g_autoptr(JsonNode) answer = NULL;
          guint status = 0;

          answer = zc_test_server_call (world.server, matrix[i].method, path, world.tokens[c], "en", matrix[i].body,
                                        &status, NULL);
          if (status != matrix[i].expected[c])
            {
              g_printerr ("%s %s as %s: expected %u, got %u\n", matrix[i].method, matrix[i].path, caller_names[c],
                          matrix[i].expected[c], status);
              failures++;
            }
          else if (status >= 400)
            {
              zc_test_assert_error (answer, status == 401 ? "unauthenticated"
                                          : status == 404 ? "not_found"
                                          : zc_test_member_string (answer, "code"));
              if (status == 403)
                g_assert_cmpstr (zc_test_member_string (answer, "code"), ==, "forbidden");
            }
        }
    }
  g_assert_cmpuint (failures, ==, 0);

  /* none of it changed a record */
  g_assert_cmpint (zc_server_test_count (world.server, "SELECT sum(version) FROM records"), ==, versions);
  g_assert_cmpint (zc_server_test_count (world.server, "SELECT count(*) FROM records WHERE deleted = 1"), ==, 0);

  world_clear (&world);
}

/* Mutations on other people's objects: each is refused as "not found",
 * none changes anything. */
static void
test_push_foreign_ids (void)
{
  World world = { NULL };
  gint64 versions;

  world_init (&world);
  versions = zc_server_test_count (world.server, "SELECT sum(version) FROM records");

  for (guint c = A1; c < N_CALLERS; c++)
    {
      g_autofree char *body = NULL;
      g_autofree char *client = g_strdup_printf ("eeeeeeee-0000-4000-8000-%012u", c);
      g_autoptr(JsonNode) answer = NULL;
      g_autoptr(ZcPushResult) result = NULL;
      g_autoptr(GError) error = NULL;
      const char *entry = c == A1 || c == UO ? world.e3 : world.e1;   /* always someone else's */

      body = g_strdup_printf (
        "{\"client_id\": \"%s\", \"schema_version\": 1, \"mutations\": ["
        "{\"id\": 1, \"name\": \"record.put\", \"record_id\": \"%s\", \"base_version\": 1,"
        " \"args\": {\"kind\": \"archive:papers\", \"fields\": {\"title\": \"x\"}}},"
        "{\"id\": 2, \"name\": \"record.delete\", \"record_id\": \"%s\", \"base_version\": 0, \"args\": {}},"
        "{\"id\": 3, \"name\": \"archive.approve\", \"record_id\": \"%s\", \"base_version\": 0,"
        " \"expected_state\": \"pending\", \"args\": {}},"
        "{\"id\": 4, \"name\": \"message.read\", \"record_id\": \"%s\", \"base_version\": 0, \"args\": {}}]}",
        client, entry, entry, entry, c == A1 ? "00000000-0000-4000-8000-000000000000" : world.m1);
      answer = zc_server_test_ok (world.server, "POST", "/api/v1/sync/push", world.tokens[c], body, 200);
      result = zc_push_result_from_json (answer, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result->last_mutation_id, ==, 4);
      g_assert_cmpuint (result->rejections->len, ==, 4);
      for (guint i = 0; i < result->rejections->len; i++)
        {
          ZcRejection *rejection = g_ptr_array_index (result->rejections, i);

          /* only the applicant's role refusal may show before the object check */
          if (!(g_str_equal (rejection->code, "FORBIDDEN") && i < 2 && c != A1 && c != A2 && c != A3))
            g_assert_cmpstr (rejection->code, ==, "NOT_FOUND");
        }
    }

  g_assert_cmpint (zc_server_test_count (world.server, "SELECT sum(version) FROM records"), ==, versions);
  g_assert_cmpint (zc_server_test_count (world.server, "SELECT count(*) FROM messages WHERE read_at IS NOT NULL"),
                   ==, 0);
  world_clear (&world);
}

/* Pulls as every caller until done; returns every change. */
static GPtrArray *
pull_all (World       *world,
          guint        caller,
          const char  *client_id,
          char       **cursor)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_change_free);

  for (;;)
    {
      g_autofree char *body = NULL;
      g_autoptr(JsonNode) answer = NULL;
      g_autoptr(ZcPullResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      body = *cursor != NULL
        ? g_strdup_printf ("{\"client_id\": \"%s\", \"cursor\": \"%s\", \"limit\": 7}", client_id, *cursor)
        : g_strdup_printf ("{\"client_id\": \"%s\", \"limit\": 7}", client_id);
      answer = zc_server_test_ok (world->server, "POST", "/api/v1/sync/pull", world->tokens[caller], body, 200);
      response = zc_pull_response_from_json (answer, &error);
      g_assert_no_error (error);

      while (response->changes->len > 0)
        g_ptr_array_add (changes, g_ptr_array_steal_index (response->changes, 0));
      g_free (*cursor);
      *cursor = g_strdup (response->cursor);
      if (!response->has_more)
        break;
    }

  return g_steal_pointer (&changes);
}

static char *
owner_of (World      *world,
          const char *record_id)
{
  g_autofree char *path = zc_test_server_db_path (world->server);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM records WHERE id = '%s' AND owner_id = '%s'",
                                          record_id, world->ids[A3]);

  return zc_server_test_query_int (path, sql) == 1 ? g_strdup (world->ids[A3]) : NULL;
}

/* Whether the declarations table lets @caller see @record_id, written
 * out here apart from the server's query: never a draft; the receiving
 * unit's officers from the unit on, the department's and the
 * committee's from theirs (review plans), issuers from issuing on. */
static gboolean
declaration_visible (World      *world,
                     guint       caller,
                     const char *record_id)
{
  g_autofree char *path = zc_test_server_db_path (world->server);
  g_autofree char *sql = NULL;
  const char *condition;

  switch (caller)
    {
    case UO:
    case UOC:
    case HR:
      condition = "receiving_unit_id = (SELECT unit_id FROM accounts WHERE id = '%s') AND reached >= 1";
      break;
    case DEP:
      condition = "department_id = (SELECT unit_id FROM accounts WHERE id = '%s') AND plan_type = 'review'"
                  " AND reached >= 2";
      break;
    case COM:
      condition = "committee_id = (SELECT unit_id FROM accounts WHERE id = '%s') AND plan_type = 'review'"
                  " AND reached >= 3";
      break;
    case ISS:
      condition = "reached >= 4 AND '%s' <> ''";
      break;
    default:
      return FALSE;
    }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  {
    g_autofree char *where = g_strdup_printf (condition, world->ids[caller]);

    sql = g_strdup_printf ("SELECT count(*) FROM declarations WHERE record_id = '%s' AND state <> 'draft' AND %s",
                           record_id, where);
  }
#pragma GCC diagnostic pop

  return zc_server_test_query_int (path, sql) == 1;
}

/* Every change in every pull is the caller's own, or (for a unit
 * officer) an archive entry of an applicant of their unit, or a
 * declaration the caller's level may see: zero foreign rows. */
static void
assert_in_scope (World     *world,
                 guint      caller,
                 GPtrArray *changes)
{
  const char *unit = caller == UO ? world->hospital : caller == UOC ? world->company : NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      ZcChange *change = g_ptr_array_index (changes, i);
      ZcRecord *record = change->record;

      if (change->op == ZC_CHANGE_DELETE)
        {
          /* the only deletion made here is A3's entry */
          g_autofree char *owner = owner_of (world, change->record_id);

          g_assert_true (caller == A3 || caller == UOC);
          g_assert_cmpstr (owner, ==, world->ids[A3]);
          continue;
        }

      if (g_strcmp0 (zc_record_get_owner_id (record), world->ids[caller]) == 0)
        continue;

      if (g_str_equal (zc_record_get_kind (record), "declaration"))
        {
          if (!declaration_visible (world, caller, zc_record_get_id (record)))
            g_error ("%s received declaration %s in state %s", caller_names[caller], zc_record_get_id (record),
                     zc_record_get_state (record));
          continue;
        }

      /* not their own: only an archive entry of their unit's people */
      if (unit == NULL || !g_str_has_prefix (zc_record_get_kind (record), "archive:") ||
          g_strcmp0 (zc_record_get_unit_id (record), unit) != 0)
        g_error ("%s received %s of %s", caller_names[caller], zc_record_get_id (record),
                 zc_record_get_owner_id (record));
    }
}

static void
test_pull_scope (void)
{
  World world = { NULL };
  char *cursors[N_CALLERS] = { NULL };
  guint counts[N_CALLERS] = { 0 };

  world_init (&world);

  for (guint c = A1; c < N_CALLERS; c++)
    {
      g_autofree char *client = g_strdup_printf ("ffffffff-0000-4000-8000-%012u", c);
      g_autoptr(GPtrArray) changes = pull_all (&world, c, client, &cursors[c]);

      assert_in_scope (&world, c, changes);
      counts[c] = changes->len;
    }

  /* the applicant's whole archive and personal information, and
   * messages; the officer sees the entries but not the personal
   * information; the other unit sees none of them */
  g_assert_cmpuint (counts[A1], >=, 12 + 6);
  g_assert_cmpuint (counts[A2], ==, 0);
  g_assert_cmpuint (counts[A3], ==, 1);
  /* 张伟's 11 entries, 周涛's 4 and his declaration */
  g_assert_cmpuint (counts[UO], ==, 11 + 4 + 1);
  g_assert_cmpuint (counts[UOC], ==, 1);
  for (guint c = HR; c < N_CALLERS; c++)
    g_assert_cmpuint (counts[c], ==, 0);

  /* changes after the cursors: a new entry, a deletion and a decision */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/archive/%s", world.e3);
    g_autofree char *decide = g_strdup_printf ("/api/v1/archive/%s/decision", world.e1);
    g_autoptr(JsonNode) gone = zc_server_test_ok (world.server, "DELETE", path, world.tokens[A3], NULL, 204);
    g_autoptr(JsonNode) decided = zc_server_test_ok (world.server, "POST", decide, world.tokens[UO],
                                                     "{\"decision\": \"approve\", \"expected_state\": \"pending\"}",
                                                     200);
    g_autoptr(JsonNode) added = zc_server_test_ok (world.server, "POST", "/api/v1/archive", world.tokens[A2],
                                                   "{\"kind\": \"archive:annual-assessments\","
                                                   " \"body\": {\"year\": 2023, \"result\": \"2\"}}", 201);
  }

  for (guint c = A1; c < N_CALLERS; c++)
    {
      g_autofree char *client = g_strdup_printf ("ffffffff-0000-4000-8000-%012u", c);
      g_autoptr(GPtrArray) changes = pull_all (&world, c, client, &cursors[c]);

      assert_in_scope (&world, c, changes);
      counts[c] = changes->len;
    }
  g_assert_cmpuint (counts[A1], ==, 2);    /* the decision and its message */
  g_assert_cmpuint (counts[A2], ==, 1);    /* the new entry */
  g_assert_cmpuint (counts[A3], ==, 1);    /* the deletion */
  g_assert_cmpuint (counts[UO], ==, 1);    /* the decided entry; not the unbound applicant's */
  g_assert_cmpuint (counts[UOC], ==, 1);   /* the deletion */
  for (guint c = HR; c < N_CALLERS; c++)
    g_assert_cmpuint (counts[c], ==, 0);

  for (guint i = 0; i < N_CALLERS; i++)
    g_free (cursors[i]);
  world_clear (&world);
}

/* ---- declarations ---- */

/* One action over REST by @caller; @args is a JSON object or NULL. */
static void
act (World      *world,
     guint       caller,
     const char *action,
     const char *expected_state,
     const char *comment,
     const char *args,
     const char *to)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", DEMO_DECLARATION);
  g_autofree char *body = g_strdup_printf ("{\"action\": \"%s\", \"expected_state\": \"%s\"%s%s%s%s%s}", action,
                                           expected_state, comment != NULL ? ", \"comment\": \"" : "",
                                           comment != NULL ? comment : "", comment != NULL ? "\"" : "",
                                           args != NULL ? ", \"args\": " : "", args != NULL ? args : "");
  g_autoptr(JsonNode) answer = zc_server_test_ok (world->server, "POST", path, world->tokens[caller], body, 200);

  g_assert_cmpstr (zc_test_member_string (answer, "state"), ==, to);
}

/* The day @days from today in Beijing. */
static void
beijing_date (int    days,
              GDate *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (then), g_date_time_get_month (then),
                  g_date_time_get_year (then));
}

/* {"ends_on": …}: a publicity from today, as short as allowed. */
static char *
publicity_args (void)
{
  g_autoptr(GError) error = NULL;
  ZcHolidayCalendar *calendar = zc_holiday_calendar_get_default (&error);
  GDate today, end;

  g_assert_no_error (error);
  beijing_date (0, &today);
  zc_holiday_calendar_publicity_earliest_end (calendar, &today, &end);

  return g_strdup_printf ("{\"ends_on\": \"%04d-%02d-%02d\"}", g_date_get_year (&end), g_date_get_month (&end),
                          g_date_get_day (&end));
}

/* As if the unit's publicity had started a week ago and ended today
 * (test-declaration-chain.c tests the days themselves). */
static void
let_publicity_pass (World *world)
{
  g_autofree char *path = zc_test_server_db_path (world->server);
  g_autofree char *version_sql = g_strdup_printf ("SELECT version FROM records WHERE id = '%s'", DEMO_DECLARATION);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_sqlite_store_open (path, &error);
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  ZcDeclarationEvent event = { 0 };
  GDate start, end;
  char text[16];

  g_assert_no_error (error);
  beijing_date (-7, &start);
  beijing_date (0, &end);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &start);
  json_object_set_string_member (data, "starts_on", text);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &end);
  json_object_set_string_member (data, "ends_on", text);
  event.record_id = (char *) DEMO_DECLARATION;
  event.at = g_get_real_time ();
  event.action = (char *) "start_publicity";
  event.data = data;
  event.version = zc_server_test_query_int (path, version_sql);

  txn = zc_store_begin_write (store, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_declarations_add_event (txn, &event, &error));
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);
}

/* Pulls as @caller from their cursor; checks the scope; returns the
 * state of the demo declaration in the pull (NULL when absent) and
 * counts its declaration changes. */
static char *
pull_declaration (World  *world,
                  guint   caller,
                  char  **cursor,
                  guint  *n_declarations)
{
  g_autofree char *client = g_strdup_printf ("abababab-0000-4000-8000-%012u", caller);
  g_autoptr(GPtrArray) changes = pull_all (world, caller, client, cursor);
  char *state = NULL;

  assert_in_scope (world, caller, changes);
  *n_declarations = 0;
  for (guint i = 0; i < changes->len; i++)
    {
      ZcChange *change = g_ptr_array_index (changes, i);

      if (change->op != ZC_CHANGE_PUT || !g_str_equal (zc_record_get_kind (change->record), "declaration"))
        continue;
      (*n_declarations)++;
      if (g_str_equal (zc_record_get_id (change->record), DEMO_DECLARATION))
        {
          g_free (state);
          state = g_strdup (zc_record_get_state (change->record));
        }
    }

  return state;
}

/* Each reviewer's pull holds the declarations their level may see, once
 * they reached it, and keeps them after a return; nobody else's pull
 * holds any. */
static void
test_pull_declarations (void)
{
  World world = { NULL };
  char *cursors[N_CALLERS] = { NULL };
  g_autofree char *ends_on = NULL;
  guint n = 0;

  world_init (&world);

  /* first pulls: only the hospital's officer sees it (and nobody who is
   * not a reviewer of it, the demo applicant 张伟 either) */
  for (guint c = A1; c < N_CALLERS; c++)
    {
      g_autofree char *state = pull_declaration (&world, c, &cursors[c], &n);

      if (c == UO)
        {
          g_assert_cmpstr (state, ==, "unit_review");
          g_assert_cmpuint (n, ==, 1);
        }
      else
        {
          g_assert_null (state);
          g_assert_cmpuint (n, ==, 0);
        }
    }

  /* the unit's review: the unit officer gets each step; the department
   * nothing before the declaration reaches it */
  ends_on = publicity_args ();
  act (&world, UO, "recommend", "unit_review", "同意推荐。", NULL, "unit_recommended");
  act (&world, UO, "start_publicity", "unit_recommended", NULL, ends_on, "unit_publicity");
  {
    g_autofree char *unit = pull_declaration (&world, UO, &cursors[UO], &n);
    g_autofree char *department = pull_declaration (&world, DEP, &cursors[DEP], &n);

    g_assert_cmpstr (unit, ==, "unit_publicity");
    g_assert_null (department);
    g_assert_cmpuint (n, ==, 0);
  }
  let_publicity_pass (&world);
  act (&world, UO, "end_publicity", "unit_publicity", NULL, NULL, "unit_publicity_ended");
  act (&world, UO, "forward", "unit_publicity_ended", NULL, NULL, "department_review");

  /* it reached the department: the department officer's next pull has it */
  for (guint c = A1; c < N_CALLERS; c++)
    {
      g_autofree char *state = pull_declaration (&world, c, &cursors[c], &n);

      if (c == UO || c == DEP)
        {
          g_assert_cmpstr (state, ==, "department_review");
          g_assert_cmpuint (n, ==, 1);
        }
      else
        {
          g_assert_null (state);
          g_assert_cmpuint (n, ==, 0);
        }
    }

  /* returned by the department: both levels keep seeing it */
  act (&world, DEP, "return", "department_review", "请补充继续教育证明。", NULL, "returned");
  for (guint c = A1; c < N_CALLERS; c++)
    {
      g_autofree char *state = pull_declaration (&world, c, &cursors[c], &n);

      if (c == UO || c == DEP)
        g_assert_cmpstr (state, ==, "returned");
      else
        g_assert_null (state);
    }

  /* a fresh full pull (a new device) gives the same scope */
  for (guint c = UO; c < N_CALLERS; c++)
    {
      g_autofree char *fresh = NULL;
      g_autofree char *state = NULL;

      g_clear_pointer (&cursors[c], g_free);
      state = pull_declaration (&world, c, &fresh, &n);
      g_assert_cmpuint (n, ==, c == UO || c == DEP ? 1 : 0);
    }

  for (guint i = 0; i < N_CALLERS; i++)
    g_free (cursors[i]);
  world_clear (&world);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/sync-authz/matrix", test_matrix);
  g_test_add_func ("/server/sync-authz/push-foreign-ids", test_push_foreign_ids);
  g_test_add_func ("/server/sync-authz/pull-scope", test_pull_scope);
  g_test_add_func ("/server/sync-authz/pull-declarations", test_pull_declarations);

  return g_test_run ();
}
