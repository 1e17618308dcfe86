/* test-sync.c: push and pull, exactly once, over HTTP
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "zc-server-test.h"
#include "zc-sync-message.h"

static const char * const demo[] = { "--demo", NULL };

#define CLIENT_A "aaaaaaaa-0000-4000-8000-000000000001"
#define CLIENT_B "bbbbbbbb-0000-4000-8000-000000000002"

#define PAPER_BODY "{\"title\": \"论文\", \"published_on\": \"2022-04-01\", \"paper_type\": \"1\"," \
                   " \"journal\": \"中华全科医学\", \"author_rank\": \"2\", \"own_words\": 4}"

typedef struct
{
  ZcTestServer *server;
  char         *token;        /* 李娜: an applicant with nothing stored yet */
  char         *account_id;
  char         *applicant;    /* 张伟, with the demo archive */
  char         *officer;      /* 王芳, the hospital's officer */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = zc_test_server_start (demo);
  fixture->token = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  fixture->account_id = zc_server_test_account_id (fixture->server, fixture->token);
  fixture->applicant = zc_test_server_login (fixture->server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  fixture->officer = zc_test_server_login (fixture->server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->server != NULL)
    zc_test_server_stop (fixture->server);
  g_free (fixture->token);
  g_free (fixture->account_id);
  g_free (fixture->applicant);
  g_free (fixture->officer);
}

/* A record.put of a paper with a record id made from @n. */
static char *
put_paper (gint64      id,
           guint       n,
           gint64      base_version,
           const char *body)
{
  return g_strdup_printf ("{\"id\": %" G_GINT64_FORMAT ", \"name\": \"record.put\","
                          " \"record_id\": \"00000000-0000-4000-8000-%012u\", \"base_version\": %" G_GINT64_FORMAT ","
                          " \"args\": {\"kind\": \"archive:papers\", \"body\": %s}}",
                          id, n, base_version, body != NULL ? body : PAPER_BODY);
}

/* put_paper() for the mutations @first to @last, record n = mutation id. */
static char *
put_papers (gint64 first,
            gint64 last)
{
  GString *list = g_string_new (NULL);

  for (gint64 id = first; id <= last; id++)
    {
      g_autofree char *mutation = put_paper (id, (guint) id, 0, NULL);

      g_string_append_printf (list, "%s%s", id > first ? ", " : "", mutation);
    }

  return g_string_free (list, FALSE);
}

static JsonNode *
push_full (Fixture     *fixture,
           const char  *token,
           const char  *client_id,
           const char  *mutations,
           guint        expected_status)
{
  g_autofree char *body = g_strdup_printf ("{\"client_id\": \"%s\", \"schema_version\": 1, \"mutations\": [%s]}",
                                           client_id, mutations);

  return zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/push", token, body, expected_status);
}

/* Pushes and decodes the answer with the shared codec. */
static ZcPushResult *
push (Fixture    *fixture,
      const char *token,
      const char *client_id,
      const char *mutations)
{
  g_autoptr(JsonNode) answer = push_full (fixture, token, client_id, mutations, 200);
  g_autoptr(GError) error = NULL;
  ZcPushResult *result = zc_push_result_from_json (answer, &error);

  g_assert_no_error (error);
  return result;
}

static ZcPullResponse *
pull (Fixture    *fixture,
      const char *token,
      const char *client_id,
      const char *cursor,
      gint64      limit)
{
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  ZcPullResponse *response;

  if (cursor != NULL)
    body = g_strdup_printf ("{\"client_id\": \"%s\", \"cursor\": \"%s\", \"limit\": %" G_GINT64_FORMAT "}",
                            client_id, cursor, limit);
  else
    body = g_strdup_printf ("{\"client_id\": \"%s\", \"limit\": %" G_GINT64_FORMAT "}", client_id, limit);
  answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/pull", token, body, 200);
  response = zc_pull_response_from_json (answer, &error);
  g_assert_no_error (error);

  return response;
}

static gint64
own_count (Fixture    *fixture,
           const char *table_where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s '%s'", table_where, fixture->account_id);

  return zc_server_test_count (fixture->server, sql);
}

static void
test_push_and_pull (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *mutations = put_papers (1, 3);
  g_autoptr(ZcPushResult) result = push (fixture, fixture->token, CLIENT_A, mutations);
  g_autoptr(ZcPullResponse) response = NULL;

  g_assert_cmpint (result->last_mutation_id, ==, 3);
  g_assert_cmpuint (result->rejections->len, ==, 0);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 3);

  response = pull (fixture, fixture->token, CLIENT_A, NULL, 100);
  g_assert_false (response->reset);
  g_assert_false (response->has_more);
  g_assert_cmpint (response->last_mutation_id, ==, 3);
  g_assert_cmpuint (response->changes->len, ==, 3);
  for (guint i = 0; i < response->changes->len; i++)
    {
      ZcChange *change = g_ptr_array_index (response->changes, i);

      g_assert_cmpint (change->op, ==, ZC_CHANGE_PUT);
      g_assert_cmpstr (zc_record_get_owner_id (change->record), ==, fixture->account_id);
      g_assert_cmpstr (zc_record_get_state (change->record), ==, "pending");
      g_assert_cmpint (zc_record_get_version (change->record), ==, 1);
    }

  /* an empty push registers nothing new and says where the client is */
  g_clear_pointer (&result, zc_push_result_free);
  result = push (fixture, fixture->token, CLIENT_A, "");
  g_assert_cmpint (result->last_mutation_id, ==, 3);
}

/* The same mutations sent again, or partly again, are applied once. */
static void
test_replay (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *first = put_papers (1, 5);
  g_autofree char *overlap = put_papers (3, 8);
  g_autoptr(ZcPushResult) one = push (fixture, fixture->token, CLIENT_A, first);
  g_autoptr(ZcPushResult) again = push (fixture, fixture->token, CLIENT_A, first);
  g_autoptr(ZcPushResult) more = NULL;

  g_assert_cmpint (one->last_mutation_id, ==, 5);
  g_assert_cmpint (again->last_mutation_id, ==, 5);
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 5);
  g_assert_cmpint (own_count (fixture, "record_history JOIN records ON records.id = record_history.record_id"
                                       " WHERE records.owner_id ="), ==, 5);

  more = push (fixture, fixture->token, CLIENT_A, overlap);
  g_assert_cmpint (more->last_mutation_id, ==, 8);
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 8);
  g_assert_cmpint (own_count (fixture, "record_versions JOIN records ON records.id = record_versions.record_id"
                                       " WHERE records.owner_id ="), ==, 8);
  g_assert_cmpint (own_count (fixture, "record_history JOIN records ON records.id = record_history.record_id"
                                       " WHERE records.owner_id ="), ==, 8);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT last_mutation_id FROM sync_clients"
                                                          " WHERE id = '" CLIENT_A "'"), ==, 8);
}

/* A gap refuses the whole push; sent in order afterwards, all goes in. */
static void
test_gap_and_reorder (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *first = put_papers (1, 2);
  g_autofree char *third = put_papers (3, 4);
  g_autoptr(ZcPushResult) ok = NULL;
  g_autoptr(ZcPushResult) rest = NULL;
  g_autoptr(JsonNode) refused = NULL;

  /* 3 and 4 arrive before 1 and 2 */
  refused = push_full (fixture, fixture->token, CLIENT_A, third, 409);
  zc_test_assert_error (refused, "mutation_gap");
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 0);
  {
    g_autofree char *body = g_strdup_printf ("{\"client_id\": \"%s\", \"schema_version\": 1, \"mutations\": [%s]}",
                                             CLIENT_A, third);

    zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token, body, 409, "mutation_gap");
  }

  ok = push (fixture, fixture->token, CLIENT_A, first);
  rest = push (fixture, fixture->token, CLIENT_A, third);
  g_assert_cmpint (rest->last_mutation_id, ==, 4);
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 4);
}

/* A mutation that can never succeed is consumed, reported, and does not
 * hold up the 100 behind it. */
static void
test_poison (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *bad = put_paper (1, 1, 0, "{\"title\": \"\"}");
  g_autofree char *good = put_papers (2, 101);
  g_autofree char *mutations = g_strconcat (bad, ", ", good, NULL);
  g_autoptr(ZcPushResult) result = push (fixture, fixture->token, CLIENT_A, mutations);
  g_autoptr(ZcPushResult) replayed = NULL;
  g_autoptr(ZcPullResponse) response = NULL;
  ZcRejection *rejection;

  g_assert_cmpint (result->last_mutation_id, ==, 101);
  g_assert_cmpuint (result->rejections->len, ==, 1);
  rejection = g_ptr_array_index (result->rejections, 0);
  g_assert_cmpint (rejection->mutation_id, ==, 1);
  g_assert_cmpstr (rejection->code, ==, "INVALID_RECORD");
  g_assert_cmpuint (strlen (rejection->message), >, 0);
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 100);

  /* sent again (the answer was lost): the same report, nothing applied */
  replayed = push (fixture, fixture->token, CLIENT_A, mutations);
  g_assert_cmpint (replayed->last_mutation_id, ==, 101);
  g_assert_cmpuint (replayed->rejections->len, ==, 1);
  g_assert_true (zc_rejection_equal (g_ptr_array_index (replayed->rejections, 0), rejection));
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 100);

  /* and a pull repeats it for a client that never saw the answer */
  response = pull (fixture, fixture->token, CLIENT_A, NULL, 1000);
  g_assert_cmpuint (response->rejections->len, ==, 1);
  g_assert_cmpuint (response->changes->len, ==, 100);
}

/* Other permanent failures: permission, state, unknown names, bad args. */
static void
test_rejections (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *mutations =
    /* someone else's record */
    "{\"id\": 1, \"name\": \"record.put\", \"record_id\": \"de300000-0000-4000-8000-000000000106\","
    " \"base_version\": 1, \"args\": {\"kind\": \"archive:papers\", \"fields\": {\"title\": \"改\"}}},"
    /* an applicant approving */
    "{\"id\": 2, \"name\": \"archive.approve\", \"record_id\": \"de300000-0000-4000-8000-000000000106\","
    " \"base_version\": 0, \"expected_state\": \"pending\", \"args\": {}},"
    /* no such change */
    "{\"id\": 3, \"name\": \"record.burn\", \"record_id\": \"00000000-0000-4000-8000-000000000001\","
    " \"base_version\": 0, \"args\": {}},"
    /* both body and fields */
    "{\"id\": 4, \"name\": \"record.put\", \"record_id\": \"00000000-0000-4000-8000-000000000001\","
    " \"base_version\": 0, \"args\": {\"kind\": \"archive:papers\", \"body\": {}, \"fields\": {}}},"
    /* an unknown argument */
    "{\"id\": 5, \"name\": \"record.delete\", \"record_id\": \"00000000-0000-4000-8000-000000000001\","
    " \"base_version\": 0, \"args\": {\"force\": true}},"
    /* a kind that does not exist */
    "{\"id\": 6, \"name\": \"record.put\", \"record_id\": \"00000000-0000-4000-8000-000000000001\","
    " \"base_version\": 0, \"args\": {\"kind\": \"archive:dreams\", \"body\": {}}},"
    /* deleting what is not there */
    "{\"id\": 7, \"name\": \"record.delete\", \"record_id\": \"00000000-0000-4000-8000-000000000009\","
    " \"base_version\": 0, \"args\": {}},"
    /* an entry of one's own (applied), which one may not approve */
    "{\"id\": 8, \"name\": \"record.put\", \"record_id\": \"00000000-0000-4000-8000-000000000008\","
    " \"base_version\": 0, \"args\": {\"kind\": \"archive:papers\", \"body\": " PAPER_BODY "}},"
    "{\"id\": 9, \"name\": \"archive.approve\", \"record_id\": \"00000000-0000-4000-8000-000000000008\","
    " \"base_version\": 0, \"expected_state\": \"pending\", \"args\": {}},"
    /* an action without the state it expects */
    "{\"id\": 10, \"name\": \"archive.submit_for_review\", \"record_id\": \"00000000-0000-4000-8000-000000000008\","
    " \"base_version\": 0, \"args\": {}}";
  static const struct { gint64 id; const char *code; } expected[] = {
    { 1, "NOT_FOUND" }, { 2, "NOT_FOUND" }, { 3, "UNKNOWN_MUTATION" }, { 4, "INVALID_VALUE" },
    { 5, "UNKNOWN_MEMBER" }, { 6, "INVALID_VALUE" }, { 7, "NOT_FOUND" }, { 9, "FORBIDDEN" }, { 10, "MISSING_VALUE" },
  };
  g_autoptr(ZcPushResult) result = push (fixture, fixture->token, CLIENT_A, mutations);

  g_assert_cmpint (result->last_mutation_id, ==, 10);
  g_assert_cmpuint (result->rejections->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ZcRejection *rejection = g_ptr_array_index (result->rejections, i);

      g_assert_cmpint (rejection->mutation_id, ==, expected[i].id);
      g_assert_cmpstr (rejection->code, ==, expected[i].code);
    }
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT version FROM records"
                                                          " WHERE id = 'de300000-0000-4000-8000-000000000106'"), ==, 1);
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 1);
  g_assert_cmpint (own_count (fixture, "records WHERE state = 'pending' AND owner_id ="), ==, 1);
}

/* Requests the protocol refuses as a whole. */
static void
test_bad_requests (Fixture       *fixture,
                   gconstpointer  data)
{
  GString *many = g_string_new (NULL);
  g_autofree char *too_many = NULL;

  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token, "{", 400, "malformed_json");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token,
                         "{\"client_id\": \"" CLIENT_A "\", \"schema_version\": 1}", 400, "missing_value");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token,
                         "{\"client_id\": \"client\", \"schema_version\": 1, \"mutations\": []}", 400,
                         "invalid_value");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token,
                         "{\"client_id\": \"" CLIENT_A "\", \"schema_version\": \"1\", \"mutations\": []}", 400,
                         "wrong_type");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token,
                         "{\"client_id\": \"" CLIENT_A "\", \"schema_version\": 1, \"mutations\": [], \"x\": 1}", 400,
                         "unknown_member");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token,
                         "{\"client_id\": \"" CLIENT_A "\", \"schema_version\": 2, \"mutations\": []}", 409,
                         "unsupported_schema_version");
  {
    g_autofree char *a = put_paper (1, 1, 0, NULL);
    g_autofree char *b = put_paper (3, 3, 0, NULL);
    g_autofree char *body = g_strdup_printf ("{\"client_id\": \"" CLIENT_A "\", \"schema_version\": 1,"
                                             " \"mutations\": [%s, %s]}", a, b);

    zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token, body, 400, "out_of_range");
  }
  for (guint i = 1; i <= 501; i++)
    g_string_append_printf (many, "%s{\"id\": %u, \"name\": \"message.read\", \"record_id\":"
                            " \"00000000-0000-4000-8000-000000000001\", \"base_version\": 0, \"args\": {}}",
                            i > 1 ? ", " : "", i);
  too_many = g_strdup_printf ("{\"client_id\": \"" CLIENT_A "\", \"schema_version\": 1, \"mutations\": [%s]}",
                              many->str);
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token, too_many, 400, "out_of_range");
  g_string_free (many, TRUE);

  /* a body above 8 MiB is refused before it is read */
  {
    GString *huge = g_string_new ("{\"client_id\": \"" CLIENT_A "\", \"schema_version\": 1, \"mutations\": [], \"x\": \"");

    while (huge->len < 9 * 1024 * 1024)
      g_string_append (huge, "0123456789abcdef");
    g_string_append (huge, "\"}");
    zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/push", fixture->token, huge->str, 413,
                           "body_too_large");
    g_string_free (huge, TRUE);
  }

  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/pull", fixture->token,
                         "{\"client_id\": \"" CLIENT_A "\", \"cursor\": \"!!\"}", 400, "invalid_value");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/pull", fixture->token,
                         "{\"client_id\": \"" CLIENT_A "\", \"limit\": 0}", 400, "out_of_range");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/pull", fixture->token,
                         "{\"client_id\": \"" CLIENT_A "\", \"since\": 0}", 400, "unknown_member");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/pull", NULL, "{\"client_id\": \"" CLIENT_A "\"}", 401,
                         "unauthenticated");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM sync_clients"), ==, 0);
}

/* A client id belongs to the account that used it first. */
static void
test_client_owner (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ZcPushResult) mine = push (fixture, fixture->token, CLIENT_A, "");
  g_autoptr(JsonNode) theirs = push_full (fixture, fixture->applicant, CLIENT_A, "", 403);

  zc_test_assert_error (theirs, "client_in_use");
  zc_server_test_expect (fixture->server, "POST", "/api/v1/sync/pull", fixture->applicant,
                         "{\"client_id\": \"" CLIENT_A "\"}", 403, "client_in_use");

  /* a pull registers a new client as well */
  {
    g_autoptr(ZcPullResponse) response = pull (fixture, fixture->applicant, CLIENT_B, NULL, 10);

    g_assert_cmpint (response->last_mutation_id, ==, 0);
  }
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM sync_clients"), ==, 2);
}

/* Two devices edit the same entry from the same version: different
 * fields merge, the same field keeps the first and returns a conflict
 * copy to the second; nothing is lost. */
static void
test_conflicts (Fixture       *fixture,
                gconstpointer  data)
{
  /* "fields": only what changed */
  const char *edit_a =
    "{\"id\": 2, \"name\": \"record.put\", \"record_id\": \"00000000-0000-4000-8000-000000000001\","
    " \"base_version\": 1, \"args\": {\"kind\": \"archive:papers\", \"fields\": {\"journal\": \"期刊甲\"}}}";
  const char *edit_b =
    "{\"id\": 1, \"name\": \"record.put\", \"record_id\": \"00000000-0000-4000-8000-000000000001\","
    " \"base_version\": 1, \"args\": {\"kind\": \"archive:papers\","
    " \"fields\": {\"journal\": \"期刊乙\", \"own_words\": 9}}}";
  g_autofree char *create = put_paper (1, 1, 0, NULL);
  g_autoptr(ZcPushResult) created = push (fixture, fixture->token, CLIENT_A, create);
  g_autoptr(ZcPushResult) a = NULL;
  g_autoptr(ZcPushResult) b = NULL;
  g_autoptr(ZcPushResult) b_again = NULL;
  g_autoptr(ZcPullResponse) response = NULL;
  ZcConflict *conflict;
  JsonObject *body;

  a = push (fixture, fixture->token, CLIENT_A, edit_a);
  g_assert_cmpuint (a->conflicts->len, ==, 0);
  b = push (fixture, fixture->token, CLIENT_B, edit_b);
  g_assert_cmpint (b->last_mutation_id, ==, 1);
  g_assert_cmpuint (b->rejections->len, ==, 0);
  g_assert_cmpuint (b->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (b->conflicts, 0);
  g_assert_cmpstr (conflict->record_id, ==, "00000000-0000-4000-8000-000000000001");
  g_assert_cmpstr (conflict->field, ==, "journal");
  g_assert_cmpstr (json_node_get_string (conflict->client_value), ==, "期刊乙");
  g_assert_cmpstr (json_node_get_string (conflict->server_value), ==, "期刊甲");
  g_assert_cmpint (conflict->mutation_id, ==, 1);

  /* replayed: the same conflict again, kept once */
  b_again = push (fixture, fixture->token, CLIENT_B, edit_b);
  g_assert_cmpuint (b_again->conflicts->len, ==, 1);
  g_assert_true (zc_conflict_equal (g_ptr_array_index (b_again->conflicts, 0), conflict));
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM sync_conflicts"), ==, 1);

  response = pull (fixture, fixture->token, CLIENT_B, NULL, 100);
  g_assert_cmpuint (response->changes->len, ==, 1);
  body = zc_record_get_body (((ZcChange *) g_ptr_array_index (response->changes, 0))->record);
  g_assert_cmpstr (json_object_get_string_member (body, "journal"), ==, "期刊甲");
  g_assert_cmpint (json_object_get_int_member (body, "own_words"), ==, 9);
  g_assert_cmpint (zc_record_get_version (((ZcChange *) g_ptr_array_index (response->changes, 0))->record), ==, 3);
}

/* Paging through changes, then deletions as tombstones. */
static void
test_paging_and_tombstones (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *mutations = put_papers (1, 5);
  g_autoptr(ZcPushResult) result = push (fixture, fixture->token, CLIENT_A, mutations);
  g_autoptr(ZcPushResult) deleted = NULL;
  g_autofree char *cursor = NULL;
  guint seen = 0, pages = 0;
  gint64 last_seq = 0;

  for (;;)
    {
      g_autoptr(ZcPullResponse) page = pull (fixture, fixture->token, CLIENT_A, cursor, 2);

      pages++;
      for (guint i = 0; i < page->changes->len; i++)
        {
          ZcChange *change = g_ptr_array_index (page->changes, i);

          g_assert_cmpint (change->seq, >, last_seq);
          last_seq = change->seq;
        }
      seen += page->changes->len;
      g_free (cursor);
      cursor = g_strdup (page->cursor);
      if (!page->has_more)
        break;
      g_assert_cmpuint (page->changes->len, ==, 2);
    }
  g_assert_cmpuint (seen, ==, 5);
  g_assert_cmpuint (pages, ==, 3);

  /* nothing new */
  {
    g_autoptr(ZcPullResponse) empty = pull (fixture, fixture->token, CLIENT_A, cursor, 2);

    g_assert_cmpuint (empty->changes->len, ==, 0);
    g_assert_false (empty->has_more);
  }

  deleted = push (fixture, fixture->token, CLIENT_A,
                  "{\"id\": 6, \"name\": \"record.delete\", \"record_id\": \"00000000-0000-4000-8000-000000000003\","
                  " \"base_version\": 1, \"args\": {\"kind\": \"archive:papers\"}}");
  g_assert_cmpuint (deleted->rejections->len, ==, 0);
  {
    g_autoptr(ZcPullResponse) after = pull (fixture, fixture->token, CLIENT_A, cursor, 100);
    ZcChange *change;

    g_assert_cmpuint (after->changes->len, ==, 1);
    change = g_ptr_array_index (after->changes, 0);
    g_assert_cmpint (change->op, ==, ZC_CHANGE_DELETE);
    g_assert_cmpstr (change->record_id, ==, "00000000-0000-4000-8000-000000000003");
    g_assert_cmpstr (change->kind, ==, "archive:papers");
  }
  /* a fresh client gets a snapshot without tombstones */
  {
    g_autoptr(ZcPullResponse) fresh = pull (fixture, fixture->token, CLIENT_B, NULL, 100);

    g_assert_cmpuint (fresh->changes->len, ==, 4);
    for (guint i = 0; i < fresh->changes->len; i++)
      g_assert_cmpint (((ZcChange *) g_ptr_array_index (fresh->changes, i))->op, ==, ZC_CHANGE_PUT);
  }
}

/* Cursors the server cannot serve get a reset and a snapshot. */
static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *mutations = put_papers (1, 2);
  g_autoptr(ZcPushResult) result = push (fixture, fixture->token, CLIENT_A, mutations);
  g_autoptr(ZcPullResponse) first = pull (fixture, fixture->token, CLIENT_A, NULL, 100);
  g_autoptr(ZcSyncCursor) foreign = zc_sync_cursor_new ("0123456789abcdef0123456789abcdef", 1);
  g_autoptr(ZcSyncCursor) future = zc_sync_cursor_new (first->server_epoch, 1000000);
  g_autofree char *foreign_text = zc_sync_cursor_encode (foreign);
  g_autofree char *future_text = zc_sync_cursor_encode (future);
  g_autoptr(ZcPullResponse) other_epoch = pull (fixture, fixture->token, CLIENT_A, foreign_text, 100);
  g_autoptr(ZcPullResponse) from_future = pull (fixture, fixture->token, CLIENT_A, future_text, 100);
  g_autoptr(ZcPullResponse) normal = pull (fixture, fixture->token, CLIENT_A, first->cursor, 100);

  g_assert_false (first->reset);
  g_assert_true (other_epoch->reset);
  g_assert_cmpuint (other_epoch->changes->len, ==, 2);
  g_assert_cmpstr (other_epoch->server_epoch, ==, first->server_epoch);
  g_assert_true (from_future->reset);
  g_assert_cmpuint (from_future->changes->len, ==, 2);
  g_assert_false (normal->reset);
  g_assert_cmpuint (normal->changes->len, ==, 0);
}

/* A client away longer than deletions are kept is reset, not left with
 * a record deleted elsewhere. */
static void
test_tombstone_horizon (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const purge_now[] = { "ZHICHENG_TOMBSTONE_DAYS=0", NULL };
  g_autofree char *mutations = put_papers (1, 2);
  g_autoptr(ZcPushResult) created = push (fixture, fixture->token, CLIENT_A, mutations);
  g_autoptr(ZcPullResponse) before = pull (fixture, fixture->token, CLIENT_A, NULL, 100);
  g_autoptr(ZcPushResult) deleted = NULL;
  g_autoptr(ZcPullResponse) after_delete = NULL;
  g_autoptr(ZcPullResponse) stale = NULL;
  g_autoptr(ZcPullResponse) current = NULL;
  g_autofree char *data_dir = g_strdup (fixture->server->data_dir);

  deleted = push (fixture, fixture->token, CLIENT_A,
                  "{\"id\": 3, \"name\": \"record.delete\", \"record_id\": \"00000000-0000-4000-8000-000000000001\","
                  " \"base_version\": 1, \"args\": {}}");
  after_delete = pull (fixture, fixture->token, CLIENT_A, before->cursor, 100);
  g_assert_cmpuint (after_delete->changes->len, ==, 1);

  fixture->server->keep_data = TRUE;
  zc_test_server_stop (fixture->server);
  fixture->server = zc_test_server_start_full (data_dir, NULL, purge_now);
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM records WHERE deleted = 1"), ==, 0);

  /* the deletion is forgotten: a cursor from before it must be reset */
  stale = pull (fixture, fixture->token, CLIENT_A, before->cursor, 100);
  g_assert_true (stale->reset);
  g_assert_cmpuint (stale->changes->len, ==, 1);
  /* one that saw it is fine */
  current = pull (fixture, fixture->token, CLIENT_A, after_delete->cursor, 100);
  g_assert_false (current->reset);
}

/* Officers decide through sync too; the second of two is told. */
static void
test_officer_actions (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *approve =
    "{\"id\": 1, \"name\": \"archive.approve\", \"record_id\": \"de300000-0000-4000-8000-000000000106\","
    " \"base_version\": 1, \"expected_state\": \"pending\", \"args\": {\"comment\": \"同意\"}}";
  const char *reject =
    "{\"id\": 1, \"name\": \"archive.reject\", \"record_id\": \"de300000-0000-4000-8000-000000000106\","
    " \"base_version\": 1, \"expected_state\": \"pending\", \"args\": {\"comment\": \"不同意\"}}";
  const char *no_comment =
    "{\"id\": 2, \"name\": \"archive.return\", \"record_id\": \"de300000-0000-4000-8000-000000000105\","
    " \"base_version\": 0, \"expected_state\": \"pending\", \"args\": {}}";
  g_autoptr(ZcPushResult) first = push (fixture, fixture->officer, CLIENT_A, approve);
  g_autoptr(ZcPushResult) second = push (fixture, fixture->officer, CLIENT_B, reject);
  g_autoptr(ZcPushResult) third = push (fixture, fixture->officer, CLIENT_A, no_comment);
  gboolean found_message = FALSE;

  g_assert_cmpuint (first->rejections->len, ==, 0);
  g_assert_cmpuint (second->rejections->len, ==, 1);
  g_assert_cmpstr (((ZcRejection *) g_ptr_array_index (second->rejections, 0))->code, ==, "STATE_CHANGED");
  g_assert_cmpuint (third->rejections->len, ==, 1);
  g_assert_cmpstr (((ZcRejection *) g_ptr_array_index (third->rejections, 0))->code, ==, "COMMENT_REQUIRED");
  g_assert_cmpint (zc_server_test_count (fixture->server, "SELECT count(*) FROM records"
                                                          " WHERE id = 'de300000-0000-4000-8000-000000000106'"
                                                          " AND state = 'approved'"), ==, 1);

  /* the applicant's pull brings the decision and its message */
  {
    g_autoptr(ZcPullResponse) applicant = NULL;
    g_autofree char *body = g_strdup ("{\"client_id\": \"cccccccc-0000-4000-8000-000000000003\", \"limit\": 1000}");
    g_autoptr(JsonNode) answer = zc_server_test_ok (fixture->server, "POST", "/api/v1/sync/pull", fixture->applicant,
                                                    body, 200);
    g_autoptr(GError) error = NULL;

    applicant = zc_pull_response_from_json (answer, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < applicant->changes->len; i++)
      {
        ZcRecord *record = ((ZcChange *) g_ptr_array_index (applicant->changes, i))->record;

        if (g_str_equal (zc_record_get_id (record), "de300000-0000-4000-8000-000000000106"))
          g_assert_cmpstr (zc_record_get_state (record), ==, "approved");
        if (g_str_equal (zc_record_get_kind (record), "message") &&
            g_strcmp0 (json_object_get_string_member (zc_record_get_body (record), "record_id"),
                       "de300000-0000-4000-8000-000000000106") == 0)
          {
            found_message = TRUE;
            g_assert_cmpstr (zc_record_get_state (record), ==, "unread");
          }
      }
  }
  g_assert_true (found_message);
}

/* Messages are read through sync as well. */
static void
test_message_read (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ZcPullResponse) response = pull (fixture, fixture->applicant, CLIENT_A, NULL, 1000);
  g_autoptr(ZcPullResponse) after = NULL;
  g_autoptr(ZcPushResult) result = NULL;
  g_autofree char *mutation = NULL;
  const char *message_id = NULL;

  for (guint i = 0; i < response->changes->len && message_id == NULL; i++)
    {
      ZcRecord *record = ((ZcChange *) g_ptr_array_index (response->changes, i))->record;

      if (g_str_equal (zc_record_get_kind (record), "message"))
        message_id = zc_record_get_id (record);
    }
  g_assert_nonnull (message_id);

  mutation = g_strdup_printf ("{\"id\": 1, \"name\": \"message.read\", \"record_id\": \"%s\", \"base_version\": 0,"
                              " \"args\": {}}", message_id);
  result = push (fixture, fixture->applicant, CLIENT_A, mutation);
  g_assert_cmpuint (result->rejections->len, ==, 0);

  after = pull (fixture, fixture->applicant, CLIENT_A, response->cursor, 100);
  g_assert_cmpuint (after->changes->len, ==, 1);
  g_assert_cmpstr (zc_record_get_state (((ZcChange *) g_ptr_array_index (after->changes, 0))->record), ==, "read");

  /* someone else's message is not found */
  {
    g_autoptr(ZcPushResult) foreign = push (fixture, fixture->token, CLIENT_B, mutation);

    g_assert_cmpstr (((ZcRejection *) g_ptr_array_index (foreign->rejections, 0))->code, ==, "NOT_FOUND");
  }
}

/* A database locked for too long: 503 with Retry-After, nothing
 * applied, and the same push goes through later. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = zc_test_server_db_path (fixture->server);
  g_autofree char *mutations = put_papers (1, 3);
  g_autofree char *body = g_strdup_printf ("{\"client_id\": \"%s\", \"schema_version\": 1, \"mutations\": [%s]}",
                                           CLIENT_A, mutations);
  g_autofree char *retry_after = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(ZcPushResult) later = NULL;
  sqlite3 *db = NULL;
  guint status = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  answer = zc_test_server_call (fixture->server, "POST", "/api/v1/sync/push", fixture->token, "en", body, &status,
                                &retry_after);
  g_assert_cmpuint (status, ==, 503);
  zc_test_assert_error (answer, "unavailable");
  g_assert_nonnull (retry_after);
  g_assert_cmpint (atoi (retry_after), >=, 1);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 0);
  later = push (fixture, fixture->token, CLIENT_A, mutations);
  g_assert_cmpint (later->last_mutation_id, ==, 3);
  g_assert_cmpint (own_count (fixture, "records WHERE owner_id ="), ==, 3);
}

/* An applicant who joins a unit brings their archive into its officer's
 * pulls, also when the officer's cursor is past the entries. */
static void
test_joining_a_unit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *mutations = put_papers (1, 2);
  g_autoptr(ZcPushResult) created = push (fixture, fixture->token, CLIENT_A, mutations);
  g_autoptr(ZcPullResponse) before = pull (fixture, fixture->officer, CLIENT_B, NULL, 1000);
  g_autoptr(ZcPullResponse) after = NULL;
  g_autofree char *hospital = zc_server_test_id_of_unit (fixture->server, fixture->token, ZC_TEST_DEMO_HOSPITAL_CODE);
  g_autofree char *ask = g_strdup_printf ("{\"unit_id\": \"%s\"}", hospital);
  g_autofree char *decide = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) approved = NULL;
  guint mine = 0;

  /* not yet theirs */
  for (guint i = 0; i < before->changes->len; i++)
    g_assert_cmpstr (zc_record_get_owner_id (((ZcChange *) g_ptr_array_index (before->changes, i))->record), !=,
                     fixture->account_id);

  request = zc_server_test_ok (fixture->server, "POST", "/api/v1/bindings", fixture->token, ask, 201);
  decide = g_strdup_printf ("/api/v1/bindings/%s/decision", zc_test_member_string (request, "id"));
  approved = zc_server_test_ok (fixture->server, "POST", decide, fixture->officer, "{\"decision\": \"approve\"}", 200);

  after = pull (fixture, fixture->officer, CLIENT_B, before->cursor, 1000);
  for (guint i = 0; i < after->changes->len; i++)
    {
      ZcRecord *record = ((ZcChange *) g_ptr_array_index (after->changes, i))->record;

      g_assert_cmpstr (zc_record_get_owner_id (record), ==, fixture->account_id);
      g_assert_cmpstr (zc_record_get_unit_id (record), ==, hospital);
      mine++;
    }
  g_assert_cmpuint (mine, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/sync/push-and-pull", Fixture, NULL, fixture_setup, test_push_and_pull, fixture_teardown);
  g_test_add ("/server/sync/replay", Fixture, NULL, fixture_setup, test_replay, fixture_teardown);
  g_test_add ("/server/sync/gap-and-reorder", Fixture, NULL, fixture_setup, test_gap_and_reorder, fixture_teardown);
  g_test_add ("/server/sync/poison", Fixture, NULL, fixture_setup, test_poison, fixture_teardown);
  g_test_add ("/server/sync/rejections", Fixture, NULL, fixture_setup, test_rejections, fixture_teardown);
  g_test_add ("/server/sync/bad-requests", Fixture, NULL, fixture_setup, test_bad_requests, fixture_teardown);
  g_test_add ("/server/sync/client-owner", Fixture, NULL, fixture_setup, test_client_owner, fixture_teardown);
  g_test_add ("/server/sync/conflicts", Fixture, NULL, fixture_setup, test_conflicts, fixture_teardown);
  g_test_add ("/server/sync/paging-and-tombstones", Fixture, NULL, fixture_setup, test_paging_and_tombstones,
              fixture_teardown);
  g_test_add ("/server/sync/reset", Fixture, NULL, fixture_setup, test_reset, fixture_teardown);
  g_test_add ("/server/sync/tombstone-horizon", Fixture, NULL, fixture_setup, test_tombstone_horizon,
              fixture_teardown);
  g_test_add ("/server/sync/officer-actions", Fixture, NULL, fixture_setup, test_officer_actions, fixture_teardown);
  g_test_add ("/server/sync/message-read", Fixture, NULL, fixture_setup, test_message_read, fixture_teardown);
  g_test_add ("/server/sync/joining-a-unit", Fixture, NULL, fixture_setup, test_joining_a_unit, fixture_teardown);
  g_test_add ("/server/sync/busy", Fixture, NULL, fixture_setup, test_busy, fixture_teardown);

  return g_test_run ();
}
