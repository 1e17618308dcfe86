/* test-sync-message.c: the sync protocol's messages and cursor
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-sync-message.h"

#define CLIENT_ID "5e0f4b2a-7c1d-4e9f-8a3b-6d2c1b0a9f8e"
#define RECORD_ID "0d6c6a2e-51b8-4f43-9c0e-2a7b1d9e4f10"
#define OWNER_ID  "7a1e3c55-2b9d-4c8e-b6f0-91d2e3a4b5c6"
#define EPOCH     "b1946ac9-2492-4d7e-a1c4-6f0b8d5e3a72"

typedef gpointer (*FromJsonFunc) (JsonNode *node, GError **error);

static void
assert_json_error (const GError *error,
                   ZcJsonError   code,
                   const char   *path)
{
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  g_assert_error (error, ZC_JSON_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("message “%s” does not start with “%s”", error->message, prefix);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = NULL;

  if (!zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error))
    g_error ("cannot parse %s: %s", text, error->message);

  return node;
}

/* A JSON value from text, such as "1.5" or "[1]". */
static JsonNode *
value (const char *json)
{
  g_autofree char *text = g_strdup_printf ("{\"v\":%s}", json);
  g_autoptr(JsonNode) holder = parse (text);

  return zc_json_node_copy_deep (json_object_get_member (json_node_get_object (holder), "v"));
}

/* to_json → text → strict parse: what goes over the wire.  Takes @node. */
static JsonNode *
through_text (JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;
  g_autofree char *text = zc_json_to_string (owned);

  return parse (text);
}

/* Decodes @base with @name set to @replacement (NULL: removed). */
static GError *
decode_with (JsonNode       *base,
             FromJsonFunc    from_json,
             GDestroyNotify  free_func,
             const char     *name,
             JsonNode       *replacement)
{
  g_autoptr(JsonNode) node = zc_json_node_copy_deep (base);
  GError *error = NULL;
  gpointer decoded;

  if (replacement != NULL)
    json_object_set_member (json_node_get_object (node), name, replacement);
  else
    json_object_remove_member (json_node_get_object (node), name);

  decoded = from_json (node, &error);
  g_assert_true ((decoded == NULL) == (error != NULL));
  if (decoded != NULL)
    free_func (decoded);

  return error;
}

typedef struct
{
  const char *name;
  char        type;      /* s string, i integer, b boolean, o object, a array, * any */
  gboolean    required;
} Member;

/* Every member: absent, and replaced by a value of each wrong type. */
static void
check_members (JsonNode       *base,
               FromJsonFunc    from_json,
               GDestroyNotify  free_func,
               const Member   *members,
               guint           n_members)
{
  static const struct { char type; const char *json; } samples[] = {
    { 's', "\"文本\"" }, { 'i', "5" }, { 'd', "1.5" }, { 'd', "1.0" }, { 'b', "true" },
    { 'o', "{}" }, { 'a', "[]" }, { 'n', "null" },
  };

  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GError) missing = decode_with (base, from_json, free_func, members[i].name, NULL);

      if (members[i].required)
        assert_json_error (missing, ZC_JSON_ERROR_MISSING, members[i].name);
      else
        g_assert_no_error (missing);

      if (members[i].type == '*')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (samples); j++)
        {
          g_autoptr(GError) error = NULL;

          if (samples[j].type == members[i].type || (samples[j].type == 'n' && !members[i].required))
            continue;

          g_test_message ("%s = %s", members[i].name, samples[j].json);
          error = decode_with (base, from_json, free_func, members[i].name, value (samples[j].json));
          assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, members[i].name);
        }
    }

  {
    g_autoptr(GError) unknown = decode_with (base, from_json, free_func, "extra", value ("1"));
    g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), NULL);
    g_autoptr(GError) not_object = NULL;

    assert_json_error (unknown, ZC_JSON_ERROR_UNKNOWN_MEMBER, "extra");
    g_assert_null (from_json (array, &not_object));
    assert_json_error (not_object, ZC_JSON_ERROR_WRONG_TYPE, "$");
  }
}

typedef struct
{
  const char  *member;
  const char  *json;
  ZcJsonError  code;
  const char  *path;     /* NULL: the member */
} BadValue;

static void
check_bad_values (JsonNode       *base,
                  FromJsonFunc    from_json,
                  GDestroyNotify  free_func,
                  const BadValue *bad,
                  guint           n_bad)
{
  for (guint i = 0; i < n_bad; i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s = %s", bad[i].member, bad[i].json);
      error = decode_with (base, from_json, free_func, bad[i].member, value (bad[i].json));
      assert_json_error (error, bad[i].code, bad[i].path != NULL ? bad[i].path : bad[i].member);
    }
}

/* ---- mutations and push requests --------------------------------------- */

static ZcMutation *
make_mutation (gint64 id)
{
  ZcMutation *mutation = zc_mutation_new (id, "record.put", RECORD_ID, 16);
  g_autoptr(JsonNode) args = parse ("{\"kind\":\"archive:papers\",\"fields\":{"
                                    "\"title\":\"乡村振兴背景下县域职业教育发展路径研究\","
                                    "\"journal\":\"职业技术教育\",\"authors\":[\"赵敏\",\"钱伟\"],"
                                    "\"pages\":8,\"note\":\"第\\\"二\\\"作者\\n通讯作者\"}}");

  json_object_unref (mutation->args);
  mutation->args = json_object_ref (json_node_get_object (args));

  return mutation;
}

static ZcPushRequest *
make_push_request (guint n_mutations)
{
  ZcPushRequest *request = zc_push_request_new (CLIENT_ID, 3);

  for (guint i = 0; i < n_mutations; i++)
    {
      ZcMutation *mutation = make_mutation (41 + i);

      if (i == 1)
        {
          g_free (mutation->name);
          mutation->name = g_strdup ("archive.return");
          mutation->expected_state = g_strdup ("pending");
          json_object_set_string_member (mutation->args, "comment", "请补充论文首页扫描件");
        }
      g_ptr_array_add (request->mutations, mutation);
    }

  return request;
}

static void
test_mutation_round_trip (void)
{
  g_autoptr(ZcMutation) mutation = make_mutation (1);
  g_autoptr(ZcMutation) decoded = NULL;
  g_autoptr(JsonNode) node = zc_mutation_to_json (mutation);
  g_autoptr(JsonNode) wire = through_text (json_node_ref (node));
  g_autoptr(GError) error = NULL;

  decoded = zc_mutation_from_json (wire, &error);
  g_assert_no_error (error);
  g_assert_true (zc_mutation_equal (mutation, decoded));
  g_assert_null (decoded->expected_state);
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "expected_state"));

  /* Differences are seen. */
  decoded->base_version++;
  g_assert_false (zc_mutation_equal (mutation, decoded));
  decoded->base_version--;
  json_object_set_int_member (decoded->args, "pages", 9);
  g_assert_false (zc_mutation_equal (mutation, decoded));
}

static void
test_mutation_invalid (void)
{
  static const Member members[] = {
    { "id", 'i', TRUE }, { "name", 's', TRUE }, { "record_id", 's', TRUE },
    { "base_version", 'i', TRUE }, { "expected_state", 's', FALSE }, { "args", 'o', TRUE },
  };
  static const BadValue bad[] = {
    { "id", "0", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "id", "-1", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "id", "9007199254740992", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "base_version", "-1", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "name", "\"\"", ZC_JSON_ERROR_INVALID, NULL },
    { "name", "\"Record.Put\"", ZC_JSON_ERROR_INVALID, NULL },
    { "name", "\"record-put\"", ZC_JSON_ERROR_INVALID, NULL },
    { "name", "\"record put\"", ZC_JSON_ERROR_INVALID, NULL },
    { "name", "\"record2.put\"", ZC_JSON_ERROR_INVALID, NULL },
    { "name", "\"保存记录\"", ZC_JSON_ERROR_INVALID, NULL },
    { "name", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", ZC_JSON_ERROR_INVALID, NULL },
    { "record_id", "\"0D6C6A2E-51B8-4F43-9C0E-2A7B1D9E4F10\"", ZC_JSON_ERROR_INVALID, NULL },
    { "record_id", "\"not-a-uuid\"", ZC_JSON_ERROR_INVALID, NULL },
    { "expected_state", "\"待审核\"", ZC_JSON_ERROR_INVALID, NULL },
    { "expected_state", "\"\"", ZC_JSON_ERROR_INVALID, NULL },
  };
  g_autoptr(ZcMutation) mutation = make_mutation (7);
  g_autoptr(JsonNode) base = zc_mutation_to_json (mutation);

  json_object_set_string_member (json_node_get_object (base), "expected_state", "pending");
  check_members (base, (FromJsonFunc) zc_mutation_from_json, (GDestroyNotify) zc_mutation_free,
                 members, G_N_ELEMENTS (members));
  check_bad_values (base, (FromJsonFunc) zc_mutation_from_json, (GDestroyNotify) zc_mutation_free,
                    bad, G_N_ELEMENTS (bad));
}

static void
test_push_request_round_trip (void)
{
  g_autoptr(ZcPushRequest) request = make_push_request (3);
  g_autoptr(ZcPushRequest) empty = zc_push_request_new (CLIENT_ID, 1);
  g_autoptr(JsonNode) wire = through_text (zc_push_request_to_json (request));
  g_autoptr(JsonNode) empty_node = zc_push_request_to_json (empty);
  g_autoptr(ZcPushRequest) decoded = NULL;
  g_autoptr(ZcPushRequest) decoded_empty = NULL;
  g_autoptr(GError) error = NULL;
  ZcMutation *second;

  decoded = zc_push_request_from_json (wire, &error);
  g_assert_no_error (error);
  g_assert_true (zc_push_request_equal (request, decoded));
  g_assert_cmpuint (decoded->mutations->len, ==, 3);
  second = g_ptr_array_index (decoded->mutations, 1);
  g_assert_cmpint (second->id, ==, 42);
  g_assert_cmpstr (second->expected_state, ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (second->args, "comment"), ==, "请补充论文首页扫描件");

  decoded_empty = zc_push_request_from_json (empty_node, &error);
  g_assert_no_error (error);
  g_assert_true (zc_push_request_equal (empty, decoded_empty));
  g_assert_false (zc_push_request_equal (request, decoded_empty));

  g_ptr_array_remove_index (decoded->mutations, 2);
  g_assert_false (zc_push_request_equal (request, decoded));
}

static GError *
decode_push (const char *text)
{
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(ZcPushRequest) request = NULL;
  GError *error = NULL;

  request = zc_push_request_from_json (node, &error);
  g_assert_true ((request == NULL) == (error != NULL));

  return error;
}

static void
test_push_request_invalid (void)
{
  static const Member members[] = {
    { "client_id", 's', TRUE }, { "schema_version", 'i', TRUE }, { "mutations", 'a', TRUE },
  };
  static const BadValue bad[] = {
    { "client_id", "\"5E0F4B2A-7C1D-4E9F-8A3B-6D2C1B0A9F8E\"", ZC_JSON_ERROR_INVALID, NULL },
    { "client_id", "\"\"", ZC_JSON_ERROR_INVALID, NULL },
    { "schema_version", "0", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "schema_version", "-3", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "schema_version", "2147483648", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    /* one bad element, reported with its index */
    { "mutations", "[1]", ZC_JSON_ERROR_WRONG_TYPE, "mutations[0]" },
    { "mutations", "[null]", ZC_JSON_ERROR_WRONG_TYPE, "mutations[0]" },
    { "mutations", "[{}]", ZC_JSON_ERROR_MISSING, "mutations[0].id" },
  };
  g_autoptr(ZcPushRequest) request = make_push_request (2);
  g_autoptr(JsonNode) base = zc_push_request_to_json (request);

  check_members (base, (FromJsonFunc) zc_push_request_from_json, (GDestroyNotify) zc_push_request_free,
                 members, G_N_ELEMENTS (members));
  check_bad_values (base, (FromJsonFunc) zc_push_request_from_json,
                    (GDestroyNotify) zc_push_request_free, bad, G_N_ELEMENTS (bad));
}

static void
test_push_request_nested_paths (void)
{
  g_autoptr(ZcPushRequest) request = make_push_request (5);
  g_autoptr(JsonNode) node = zc_push_request_to_json (request);
  JsonArray *mutations = json_object_get_array_member (json_node_get_object (node), "mutations");
  JsonObject *fourth = json_array_get_object_element (mutations, 3);
  g_autoptr(ZcPushRequest) decoded = NULL;
  g_autoptr(GError) error = NULL;

  /* The example of the brief, word for word. */
  json_object_set_string_member (fourth, "base_version", "16");
  decoded = zc_push_request_from_json (node, &error);
  g_assert_null (decoded);
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "mutations[3].base_version");
  g_assert_cmpstr (error->message, ==, "mutations[3].base_version: expected an integer, found a string");
  g_clear_error (&error);

  json_object_set_int_member (fourth, "base_version", 16);
  json_object_set_string_member (fourth, "record_id", "{0d6c6a2e-51b8-4f43-9c0e-2a7b1d9e4f10}");
  g_assert_null (zc_push_request_from_json (node, &error));
  assert_json_error (error, ZC_JSON_ERROR_INVALID, "mutations[3].record_id");
  g_clear_error (&error);

  json_object_set_string_member (fourth, "record_id", RECORD_ID);
  json_object_set_boolean_member (fourth, "retry", TRUE);
  g_assert_null (zc_push_request_from_json (node, &error));
  assert_json_error (error, ZC_JSON_ERROR_UNKNOWN_MEMBER, "mutations[3].retry");
  g_clear_error (&error);

  /* With no GError to fill, failure is still clean. */
  g_assert_null (zc_push_request_from_json (node, NULL));
}

static void
test_push_request_sequence (void)
{
  g_autoptr(GError) consecutive = decode_push ("{\"client_id\":\"" CLIENT_ID "\",\"schema_version\":1,\"mutations\":["
    "{\"id\":9,\"name\":\"record.put\",\"record_id\":\"" RECORD_ID "\",\"base_version\":0,\"args\":{}},"
    "{\"id\":10,\"name\":\"record.delete\",\"record_id\":\"" RECORD_ID "\",\"base_version\":1,\"args\":{}}]}");
  static const struct { const char *ids; const char *path; } bad[] = {
    { "[1,2,4]", "mutations[2].id" },
    { "[2,1]", "mutations[1].id" },
    { "[5,5]", "mutations[1].id" },
    { "[1,3]", "mutations[1].id" },
    { "[0]", "mutations[0].id" },
  };

  g_assert_no_error (consecutive);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) ids = value (bad[i].ids);
      JsonArray *array = json_node_get_array (ids);
      GString *text = g_string_new ("{\"client_id\":\"" CLIENT_ID "\",\"schema_version\":1,\"mutations\":[");
      g_autofree char *json = NULL;
      g_autoptr(GError) error = NULL;

      for (guint j = 0; j < json_array_get_length (array); j++)
        g_string_append_printf (text, "%s{\"id\":%" G_GINT64_FORMAT ",\"name\":\"record.put\","
                                "\"record_id\":\"" RECORD_ID "\",\"base_version\":0,\"args\":{}}",
                                j > 0 ? "," : "", json_array_get_int_element (array, j));
      g_string_append (text, "]}");
      json = g_string_free (text, FALSE);

      error = decode_push (json);
      assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, bad[i].path);
    }
}

static void
test_push_request_limit (void)
{
  g_autoptr(ZcPushRequest) full = make_push_request (ZC_SYNC_MAX_MUTATIONS);
  g_autoptr(ZcPushRequest) over = make_push_request (ZC_SYNC_MAX_MUTATIONS + 1);
  g_autoptr(JsonNode) full_node = through_text (zc_push_request_to_json (full));
  g_autoptr(JsonNode) over_node = zc_push_request_to_json (over);
  g_autoptr(ZcPushRequest) decoded = NULL;
  g_autoptr(GError) error = NULL;

  decoded = zc_push_request_from_json (full_node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decoded->mutations->len, ==, 500);

  g_assert_null (zc_push_request_from_json (over_node, &error));
  assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, "mutations");
  g_assert_nonnull (strstr (error->message, "at most 500"));
}

/* ---- push results ------------------------------------------------------ */

static ZcPushResult *
make_push_result (void)
{
  ZcPushResult *result = zc_push_result_new (44);
  g_autoptr(JsonNode) client_title = value ("\"县域职业教育发展路径研究（修订稿）\"");
  g_autoptr(JsonNode) server_title = value ("\"县域职业教育发展路径研究\"");
  g_autoptr(JsonNode) client_authors = value ("[{\"name\":\"赵敏\",\"rank\":1}]");

  g_ptr_array_add (result->rejections,
                   zc_rejection_new (42, "STATE_CHANGED", "该条目已由其他经办人审核，无需重复操作。"));
  g_ptr_array_add (result->rejections, zc_rejection_new (43, "DEADLINE_PASSED", "申报已截止"));
  g_ptr_array_add (result->conflicts, zc_conflict_new (RECORD_ID, "title", client_title, server_title, 41));
  g_ptr_array_add (result->conflicts, zc_conflict_new (RECORD_ID, "authors", client_authors, NULL, 44));

  return result;
}

static void
test_push_result_round_trip (void)
{
  g_autoptr(ZcPushResult) result = make_push_result ();
  g_autoptr(ZcPushResult) empty = zc_push_result_new (0);
  g_autoptr(JsonNode) wire = through_text (zc_push_result_to_json (result));
  g_autoptr(JsonNode) empty_wire = through_text (zc_push_result_to_json (empty));
  g_autoptr(ZcPushResult) decoded = NULL;
  g_autoptr(ZcPushResult) decoded_empty = NULL;
  g_autoptr(GError) error = NULL;
  ZcConflict *conflict;

  decoded = zc_push_result_from_json (wire, &error);
  g_assert_no_error (error);
  g_assert_true (zc_push_result_equal (result, decoded));
  conflict = g_ptr_array_index (decoded->conflicts, 1);
  g_assert_true (JSON_NODE_HOLDS_NULL (conflict->server_value));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (conflict->client_value));

  decoded_empty = zc_push_result_from_json (empty_wire, &error);
  g_assert_no_error (error);
  g_assert_true (zc_push_result_equal (empty, decoded_empty));
  g_assert_false (zc_push_result_equal (result, decoded_empty));

  json_node_unref (conflict->client_value);
  conflict->client_value = json_node_init_string (json_node_alloc (), "变了");
  g_assert_false (zc_push_result_equal (result, decoded));
}

static void
test_rejection_invalid (void)
{
  static const Member members[] = {
    { "mutation_id", 'i', TRUE }, { "code", 's', TRUE }, { "message", 's', TRUE },
  };
  static const BadValue bad[] = {
    { "mutation_id", "0", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "code", "\"state_changed\"", ZC_JSON_ERROR_INVALID, NULL },
    { "code", "\"STATE-CHANGED\"", ZC_JSON_ERROR_INVALID, NULL },
    { "code", "\"\"", ZC_JSON_ERROR_INVALID, NULL },
  };
  g_autoptr(ZcRejection) rejection = zc_rejection_new (3, "VALIDATION", "“发表时间”不能晚于今天");
  g_autoptr(JsonNode) base = zc_rejection_to_json (rejection);
  g_autoptr(ZcRejection) decoded = zc_rejection_from_json (base, NULL);

  g_assert_true (zc_rejection_equal (rejection, decoded));
  check_members (base, (FromJsonFunc) zc_rejection_from_json, (GDestroyNotify) zc_rejection_free,
                 members, G_N_ELEMENTS (members));
  check_bad_values (base, (FromJsonFunc) zc_rejection_from_json, (GDestroyNotify) zc_rejection_free,
                    bad, G_N_ELEMENTS (bad));
}

static void
test_conflict_invalid (void)
{
  static const Member members[] = {
    { "record_id", 's', TRUE }, { "field", 's', TRUE }, { "client_value", '*', TRUE },
    { "server_value", '*', TRUE }, { "mutation_id", 'i', TRUE },
  };
  static const BadValue bad[] = {
    { "record_id", "\"记录\"", ZC_JSON_ERROR_INVALID, NULL },
    { "field", "\"\"", ZC_JSON_ERROR_INVALID, NULL },
    { "mutation_id", "-2", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
  };
  g_autoptr(JsonNode) client_value = value ("{\"年\":2025,\"月\":6}");
  g_autoptr(ZcConflict) conflict = zc_conflict_new (RECORD_ID, "published", client_value, NULL, 5);
  g_autoptr(JsonNode) base = zc_conflict_to_json (conflict);

  check_members (base, (FromJsonFunc) zc_conflict_from_json, (GDestroyNotify) zc_conflict_free,
                 members, G_N_ELEMENTS (members));
  check_bad_values (base, (FromJsonFunc) zc_conflict_from_json, (GDestroyNotify) zc_conflict_free,
                    bad, G_N_ELEMENTS (bad));
}

static void
test_push_result_invalid (void)
{
  static const Member members[] = {
    { "last_mutation_id", 'i', TRUE }, { "rejections", 'a', TRUE }, { "conflicts", 'a', TRUE },
  };
  static const BadValue bad[] = {
    { "last_mutation_id", "-1", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    /* rejections and conflicts only for consumed mutations */
    { "last_mutation_id", "42", ZC_JSON_ERROR_OUT_OF_RANGE, "rejections[1].mutation_id" },
    { "rejections", "[{\"mutation_id\":1,\"code\":\"X\"}]", ZC_JSON_ERROR_MISSING, "rejections[0].message" },
    { "rejections", "[\"STATE_CHANGED\"]", ZC_JSON_ERROR_WRONG_TYPE, "rejections[0]" },
    { "conflicts", "[{\"record_id\":\"" RECORD_ID "\",\"field\":\"f\",\"client_value\":1,"
                   "\"server_value\":2,\"mutation_id\":45}]",
      ZC_JSON_ERROR_OUT_OF_RANGE, "conflicts[0].mutation_id" },
    { "conflicts", "[{\"record_id\":\"" RECORD_ID "\",\"field\":7,\"client_value\":1,"
                   "\"server_value\":2,\"mutation_id\":4}]",
      ZC_JSON_ERROR_WRONG_TYPE, "conflicts[0].field" },
  };
  g_autoptr(ZcPushResult) result = make_push_result ();
  g_autoptr(JsonNode) base = zc_push_result_to_json (result);

  check_members (base, (FromJsonFunc) zc_push_result_from_json, (GDestroyNotify) zc_push_result_free,
                 members, G_N_ELEMENTS (members));
  check_bad_values (base, (FromJsonFunc) zc_push_result_from_json,
                    (GDestroyNotify) zc_push_result_free, bad, G_N_ELEMENTS (bad));
}

/* ---- cursors and pull requests ----------------------------------------- */

static void
test_cursor (void)
{
  static const struct { const char *epoch; gint64 seq; } good[] = {
    { EPOCH, 0 }, { EPOCH, 1 }, { EPOCH, 123456789 }, { "e", ZC_JSON_MAX_SAFE_INTEGER },
    { "EPOCH_2026-a", 77 }, { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(ZcSyncCursor) cursor = zc_sync_cursor_new (good[i].epoch, good[i].seq);
      g_autofree char *text = zc_sync_cursor_encode (cursor);
      g_autoptr(ZcSyncCursor) decoded = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                        ==, strlen (text));
      decoded = zc_sync_cursor_decode (text, &error);
      g_assert_no_error (error);
      g_assert_true (zc_sync_cursor_equal (cursor, decoded));
    }
}

static char *
base64url (const char *plain)
{
  char *text = g_base64_encode ((const guchar *) plain, strlen (plain));

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  if (strchr (text, '=') != NULL)
    *strchr (text, '=') = '\0';

  return text;
}

static void
test_cursor_invalid (void)
{
  static const char *bad_plain[] = {
    "nocolon", "epoch:", ":5", "epoch:-1", "epoch:+1", "epoch:01", "epoch:1x", "epoch:abc",
    "ep och:5", "epoch:5:6", "纪元:5", "epoch:9007199254740992", "epoch: 5",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:1",
  };
  static const char *bad_text[] = {
    "", "!", "a", "ZXBvY2g6NQ==", "ZXBvY2g6NQ=", "ZX+vY2g6NQ", "ZX/vY2g6NQ", "ZXBvY2g6N R",
    "ZXBvY2g6NR", /* "epoch:5" with non-zero padding bits */
    "ZXBvY2gAOjU", /* a nul byte inside */
    "ZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQ"
    "ZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQZXBvY2g6NQ",
  };
  g_autoptr(ZcSyncCursor) plain_ok = zc_sync_cursor_decode ("ZXBvY2g6NQ", NULL);

  /* The control: "epoch:5" decodes. */
  g_assert_nonnull (plain_ok);
  g_assert_cmpstr (plain_ok->epoch, ==, "epoch");
  g_assert_cmpint (plain_ok->seq, ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (bad_plain); i++)
    {
      g_autofree char *text = base64url (bad_plain[i]);
      g_autoptr(GError) error = NULL;

      g_test_message ("cursor of “%s”", bad_plain[i]);
      g_assert_null (zc_sync_cursor_decode (text, &error));
      assert_json_error (error, ZC_JSON_ERROR_INVALID, "$");
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_text); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("cursor “%s”", bad_text[i]);
      g_assert_null (zc_sync_cursor_decode (bad_text[i], &error));
      assert_json_error (error, ZC_JSON_ERROR_INVALID, "$");
    }
}

static void
test_pull_request (void)
{
  static const Member members[] = {
    { "client_id", 's', TRUE }, { "cursor", 's', FALSE }, { "limit", 'i', FALSE },
  };
  static const BadValue bad[] = {
    { "client_id", "\"client-1\"", ZC_JSON_ERROR_INVALID, NULL },
    { "cursor", "\"\"", ZC_JSON_ERROR_INVALID, NULL },
    { "cursor", "\"epoch:5\"", ZC_JSON_ERROR_INVALID, NULL },
    { "cursor", "\"ZXBvY2g6\"", ZC_JSON_ERROR_INVALID, NULL },
    { "limit", "0", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "limit", "1001", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
  };
  g_autoptr(ZcSyncCursor) cursor = zc_sync_cursor_new (EPOCH, 981);
  g_autofree char *cursor_text = zc_sync_cursor_encode (cursor);
  g_autoptr(ZcPullRequest) request = zc_pull_request_new (CLIENT_ID, cursor_text, 250);
  g_autoptr(ZcPullRequest) first = zc_pull_request_new (CLIENT_ID, NULL, ZC_SYNC_MAX_PULL_LIMIT);
  g_autoptr(JsonNode) base = zc_pull_request_to_json (request);
  g_autoptr(JsonNode) first_wire = through_text (zc_pull_request_to_json (first));
  g_autoptr(JsonNode) minimal = parse ("{\"client_id\":\"" CLIENT_ID "\"}");
  g_autoptr(ZcPullRequest) decoded = NULL;
  g_autoptr(ZcPullRequest) decoded_first = NULL;
  g_autoptr(ZcPullRequest) decoded_minimal = NULL;
  g_autoptr(GError) error = NULL;

  decoded = zc_pull_request_from_json (base, &error);
  g_assert_no_error (error);
  g_assert_true (zc_pull_request_equal (request, decoded));
  decoded_first = zc_pull_request_from_json (first_wire, &error);
  g_assert_no_error (error);
  g_assert_true (zc_pull_request_equal (first, decoded_first));
  g_assert_null (decoded_first->cursor);
  g_assert_false (zc_pull_request_equal (request, decoded_first));

  decoded_minimal = zc_pull_request_from_json (minimal, &error);
  g_assert_no_error (error);
  g_assert_null (decoded_minimal->cursor);
  g_assert_cmpint (decoded_minimal->limit, ==, ZC_SYNC_DEFAULT_PULL_LIMIT);

  check_members (base, (FromJsonFunc) zc_pull_request_from_json, (GDestroyNotify) zc_pull_request_free,
                 members, G_N_ELEMENTS (members));
  check_bad_values (base, (FromJsonFunc) zc_pull_request_from_json,
                    (GDestroyNotify) zc_pull_request_free, bad, G_N_ELEMENTS (bad));
}

/* ---- changes and pull responses ---------------------------------------- */

static ZcRecord *
make_record (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 2, 14, 3, 20, 11.5);
  g_autoptr(JsonNode) body = parse ("{\"name\":\"孙丽\",\"ethnic_group\":\"彝族\","
                                    "\"political_status\":\"中共党员\",\"work_years\":12}");
  ZcRecord *record = zc_record_new (RECORD_ID, "personal-info", OWNER_ID);

  zc_record_set_body (record, json_node_get_object (body));
  zc_record_set_state (record, "approved");
  zc_record_set_version (record, 5);
  zc_record_set_created_at (record, when);
  zc_record_set_updated_at (record, when);

  return record;
}

static ZcPullResponse *
make_pull_response (void)
{
  g_autoptr(ZcRecord) record = make_record ();
  ZcPullResponse *response = zc_pull_response_new (EPOCH, 120, 44);

  response->has_more = TRUE;
  g_ptr_array_add (response->changes, zc_change_new_put (101, record));
  g_ptr_array_add (response->changes,
                   zc_change_new_delete (117, "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "archive:awards"));
  g_ptr_array_add (response->rejections, zc_rejection_new (43, "FORBIDDEN", "您没有修改该单位人员信息的权限"));

  return response;
}

static void
test_change (void)
{
  static const Member put_members[] = { { "seq", 'i', TRUE }, { "record", 'o', TRUE } };
  static const Member delete_members[] = {
    { "seq", 'i', TRUE }, { "record_id", 's', TRUE }, { "kind", 's', TRUE },
  };
  static const BadValue bad_put[] = {
    { "op", "\"update\"", ZC_JSON_ERROR_INVALID, NULL },
    { "op", "\"PUT\"", ZC_JSON_ERROR_INVALID, NULL },
    { "seq", "0", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "record_id", "\"" RECORD_ID "\"", ZC_JSON_ERROR_UNKNOWN_MEMBER, NULL },
    { "record", "{\"id\":\"" RECORD_ID "\"}", ZC_JSON_ERROR_MISSING, "record.kind" },
  };
  static const BadValue bad_delete[] = {
    { "kind", "\"Archive Awards\"", ZC_JSON_ERROR_INVALID, NULL },
    { "record_id", "\"x\"", ZC_JSON_ERROR_INVALID, NULL },
    { "record", "{}", ZC_JSON_ERROR_UNKNOWN_MEMBER, NULL },
  };
  g_autoptr(ZcPullResponse) response = make_pull_response ();
  ZcChange *put = g_ptr_array_index (response->changes, 0);
  ZcChange *del = g_ptr_array_index (response->changes, 1);
  g_autoptr(JsonNode) put_node = zc_change_to_json (put);
  g_autoptr(JsonNode) delete_node = zc_change_to_json (del);
  g_autoptr(ZcChange) put_decoded = zc_change_from_json (put_node, NULL);
  g_autoptr(ZcChange) delete_decoded = zc_change_from_json (delete_node, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_change_equal (put, put_decoded));
  g_assert_true (zc_change_equal (del, delete_decoded));
  g_assert_false (zc_change_equal (put, del));
  g_assert_cmpstr (zc_change_get_record_id (put), ==, RECORD_ID);
  g_assert_cmpstr (zc_change_get_record_id (del), ==, "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (put_node), "op"), ==, "put");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (delete_node), "op"), ==, "delete");

  check_members (put_node, (FromJsonFunc) zc_change_from_json, (GDestroyNotify) zc_change_free,
                 put_members, G_N_ELEMENTS (put_members));
  check_members (delete_node, (FromJsonFunc) zc_change_from_json, (GDestroyNotify) zc_change_free,
                 delete_members, G_N_ELEMENTS (delete_members));
  check_bad_values (put_node, (FromJsonFunc) zc_change_from_json, (GDestroyNotify) zc_change_free,
                    bad_put, G_N_ELEMENTS (bad_put));
  check_bad_values (delete_node, (FromJsonFunc) zc_change_from_json, (GDestroyNotify) zc_change_free,
                    bad_delete, G_N_ELEMENTS (bad_delete));

  error = decode_with (put_node, (FromJsonFunc) zc_change_from_json, (GDestroyNotify) zc_change_free,
                       "op", NULL);
  assert_json_error (error, ZC_JSON_ERROR_MISSING, "op");
}

static void
test_pull_response_round_trip (void)
{
  g_autoptr(ZcPullResponse) response = make_pull_response ();
  g_autoptr(ZcPullResponse) reset = zc_pull_response_new (EPOCH, 0, 0);
  g_autoptr(JsonNode) wire = through_text (zc_pull_response_to_json (response));
  g_autoptr(JsonNode) reset_wire = NULL;
  g_autoptr(ZcPullResponse) decoded = NULL;
  g_autoptr(ZcPullResponse) decoded_reset = NULL;
  g_autoptr(ZcSyncCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;
  ZcChange *put;

  cursor = zc_sync_cursor_decode (response->cursor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cursor->epoch, ==, EPOCH);
  g_assert_cmpint (cursor->seq, ==, 120);

  decoded = zc_pull_response_from_json (wire, &error);
  g_assert_no_error (error);
  g_assert_true (zc_pull_response_equal (response, decoded));
  put = g_ptr_array_index (decoded->changes, 0);
  g_assert_cmpstr (json_object_get_string_member (zc_record_get_body (put->record), "ethnic_group"), ==, "彝族");

  reset->reset = TRUE;
  reset_wire = through_text (zc_pull_response_to_json (reset));
  decoded_reset = zc_pull_response_from_json (reset_wire, &error);
  g_assert_no_error (error);
  g_assert_true (zc_pull_response_equal (reset, decoded_reset));
  g_assert_true (decoded_reset->reset);
  g_assert_false (decoded_reset->has_more);
  g_assert_false (zc_pull_response_equal (response, decoded_reset));

  decoded->has_more = FALSE;
  g_assert_false (zc_pull_response_equal (response, decoded));
}

static void
test_pull_response_invalid (void)
{
  static const Member members[] = {
    { "cursor", 's', TRUE }, { "server_epoch", 's', TRUE }, { "last_mutation_id", 'i', TRUE },
    { "reset", 'b', TRUE }, { "has_more", 'b', TRUE }, { "changes", 'a', TRUE }, { "rejections", 'a', TRUE },
  };
  static const BadValue bad[] = {
    { "cursor", "\"garbage!\"", ZC_JSON_ERROR_INVALID, NULL },
    { "cursor", "\"ZXBvY2g6NQ\"", ZC_JSON_ERROR_INVALID, NULL },      /* another epoch */
    { "cursor", "\"" "YjE5NDZhYzktMjQ5Mi00ZDdlLWExYzQtNmYwYjhkNWUzYTcyOjExMA" "\"",  /* seq 110 */
      ZC_JSON_ERROR_OUT_OF_RANGE, "changes[1].seq" },
    { "server_epoch", "\"\"", ZC_JSON_ERROR_INVALID, NULL },
    { "server_epoch", "\"纪元\"", ZC_JSON_ERROR_INVALID, NULL },
    { "last_mutation_id", "-1", ZC_JSON_ERROR_OUT_OF_RANGE, NULL },
    { "last_mutation_id", "42", ZC_JSON_ERROR_OUT_OF_RANGE, "rejections[0].mutation_id" },
    { "changes", "[{\"op\":\"delete\",\"seq\":5,\"record_id\":\"" RECORD_ID "\",\"kind\":\"a\"},"
                 "{\"op\":\"delete\",\"seq\":5,\"record_id\":\"" RECORD_ID "\",\"kind\":\"a\"}]",
      ZC_JSON_ERROR_OUT_OF_RANGE, "changes[1].seq" },
    { "changes", "[{\"op\":\"delete\",\"seq\":9,\"record_id\":\"" RECORD_ID "\",\"kind\":\"a\"},"
                 "{\"op\":\"delete\",\"seq\":3,\"record_id\":\"" RECORD_ID "\",\"kind\":\"a\"}]",
      ZC_JSON_ERROR_OUT_OF_RANGE, "changes[1].seq" },
    { "changes", "[{\"op\":\"put\",\"seq\":1,\"record\":[]}]", ZC_JSON_ERROR_WRONG_TYPE, "changes[0].record" },
    { "changes", "[{\"op\":\"put\",\"seq\":1}]", ZC_JSON_ERROR_MISSING, "changes[0].record" },
    { "rejections", "[{\"mutation_id\":\"1\",\"code\":\"X\",\"message\":\"\"}]",
      ZC_JSON_ERROR_WRONG_TYPE, "rejections[0].mutation_id" },
  };
  g_autoptr(ZcPullResponse) response = make_pull_response ();
  g_autoptr(JsonNode) base = zc_pull_response_to_json (response);

  check_members (base, (FromJsonFunc) zc_pull_response_from_json, (GDestroyNotify) zc_pull_response_free,
                 members, G_N_ELEMENTS (members));
  check_bad_values (base, (FromJsonFunc) zc_pull_response_from_json,
                    (GDestroyNotify) zc_pull_response_free, bad, G_N_ELEMENTS (bad));
}

static void
test_pull_response_nested_record (void)
{
  g_autoptr(ZcPullResponse) response = make_pull_response ();
  g_autoptr(JsonNode) node = zc_pull_response_to_json (response);
  JsonArray *changes = json_object_get_array_member (json_node_get_object (node), "changes");
  JsonObject *record = json_object_get_object_member (json_array_get_object_element (changes, 0), "record");
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (record, "created_at", "2026-02-14 03:20:11");
  g_assert_null (zc_pull_response_from_json (node, &error));
  assert_json_error (error, ZC_JSON_ERROR_INVALID, "changes[0].record.created_at");
}

static void
test_pull_response_limit (void)
{
  g_autoptr(ZcPullResponse) response = zc_pull_response_new (EPOCH, 5000, 0);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ZcPullResponse) decoded = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= ZC_SYNC_MAX_PULL_LIMIT; i++)
    g_ptr_array_add (response->changes, zc_change_new_delete (i, RECORD_ID, "archive:papers"));
  node = zc_pull_response_to_json (response);
  decoded = zc_pull_response_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decoded->changes->len, ==, ZC_SYNC_MAX_PULL_LIMIT);
  g_clear_pointer (&node, json_node_unref);

  g_ptr_array_add (response->changes, zc_change_new_delete (ZC_SYNC_MAX_PULL_LIMIT + 1, RECORD_ID, "archive:papers"));
  node = zc_pull_response_to_json (response);
  g_assert_null (zc_pull_response_from_json (node, &error));
  assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, "changes");
}

/* ---- fuzz -------------------------------------------------------------- */

/* A decoded push request must hold everything from_json promises. */
static void
assert_push_request_valid (ZcPushRequest *request)
{
  g_autoptr(JsonNode) again = through_text (zc_push_request_to_json (request));
  g_autoptr(ZcPushRequest) decoded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_json_is_uuid (request->client_id));
  g_assert_cmpint (request->schema_version, >=, 1);
  g_assert_cmpuint (request->mutations->len, <=, ZC_SYNC_MAX_MUTATIONS);
  for (guint i = 0; i < request->mutations->len; i++)
    {
      ZcMutation *mutation = g_ptr_array_index (request->mutations, i);

      g_assert_cmpint (mutation->id, >=, 1);
      if (i > 0)
        g_assert_cmpint (mutation->id, ==, ((ZcMutation *) g_ptr_array_index (request->mutations, i - 1))->id + 1);
      g_assert_true (zc_json_is_uuid (mutation->record_id));
      g_assert_cmpint (mutation->base_version, >=, 0);
      g_assert_nonnull (mutation->args);
      g_assert_true (g_utf8_validate (mutation->name, -1, NULL));
    }

  decoded = zc_push_request_from_json (again, &error);
  g_assert_no_error (error);
  g_assert_true (zc_push_request_equal (request, decoded));
}

static void
fuzz (const char *valid,
      guint       iterations,
      guint32     seed,
      gboolean    push)
{
  static const char alphabet[] = "{}[]:,\"\\0123456789-.eEtrufalsnABZ_ ";
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gsize length = strlen (valid);
  guint parsed = 0, decoded = 0;

  for (guint i = 0; i < iterations; i++)
    {
      g_autofree char *text = g_memdup2 (valid, length);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;
      guint flips = (guint) g_rand_int_range (rand, 1, 4);

      /* Half the bytes are arbitrary, half are JSON punctuation, digits
       * and letters, which get past the parser more often. */
      for (guint j = 0; j < flips; j++)
        {
          gint32 at = g_rand_int_range (rand, 0, (gint32) length);

          if (g_rand_boolean (rand))
            text[at] = (char) g_rand_int_range (rand, 0, 256);
          else
            text[at] = alphabet[g_rand_int_range (rand, 0, (gint32) strlen (alphabet))];
        }

      if (!zc_json_parse (text, length, ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error))
        {
          g_assert_true (error->domain == ZC_JSON_ERROR);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_null (node);
          continue;
        }
      parsed++;

      if (push)
        {
          g_autoptr(ZcPushRequest) request = zc_push_request_from_json (node, &error);

          if (request != NULL)
            {
              decoded++;
              assert_push_request_valid (request);
            }
          else
            g_assert_true (error != NULL && error->domain == ZC_JSON_ERROR);
        }
      else
        {
          g_autoptr(ZcPullResponse) response = zc_pull_response_from_json (node, &error);

          if (response != NULL)
            {
              g_autoptr(JsonNode) again = through_text (zc_pull_response_to_json (response));
              g_autoptr(ZcPullResponse) redecoded = zc_pull_response_from_json (again, &error);

              decoded++;
              g_assert_no_error (error);
              g_assert_true (zc_pull_response_equal (response, redecoded));
            }
          else
            g_assert_true (error != NULL && error->domain == ZC_JSON_ERROR);
        }
    }

  g_test_message ("%u iterations: %u parsed, %u decoded", iterations, parsed, decoded);
  /* Some mutations land in string contents and keep the document valid. */
  g_assert_cmpuint (decoded, >, 0);
  g_assert_cmpuint (decoded, <, iterations);
}

static void
test_fuzz_push_request (void)
{
  g_autoptr(ZcPushRequest) request = make_push_request (3);
  g_autoptr(JsonNode) node = zc_push_request_to_json (request);
  g_autofree char *text = zc_json_to_string (node);

  fuzz (text, 2000, 20260301, TRUE);
}

static void
test_fuzz_pull_response (void)
{
  g_autoptr(ZcPullResponse) response = make_pull_response ();
  g_autoptr(JsonNode) node = zc_pull_response_to_json (response);
  g_autofree char *text = zc_json_to_string (node);

  fuzz (text, 2000, 20260302, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/sync-message/mutation/round-trip", test_mutation_round_trip);
  g_test_add_func ("/shared/sync-message/mutation/invalid", test_mutation_invalid);
  g_test_add_func ("/shared/sync-message/push-request/round-trip", test_push_request_round_trip);
  g_test_add_func ("/shared/sync-message/push-request/invalid", test_push_request_invalid);
  g_test_add_func ("/shared/sync-message/push-request/nested-paths", test_push_request_nested_paths);
  g_test_add_func ("/shared/sync-message/push-request/sequence", test_push_request_sequence);
  g_test_add_func ("/shared/sync-message/push-request/limit", test_push_request_limit);
  g_test_add_func ("/shared/sync-message/push-result/round-trip", test_push_result_round_trip);
  g_test_add_func ("/shared/sync-message/push-result/invalid", test_push_result_invalid);
  g_test_add_func ("/shared/sync-message/rejection/invalid", test_rejection_invalid);
  g_test_add_func ("/shared/sync-message/conflict/invalid", test_conflict_invalid);
  g_test_add_func ("/shared/sync-message/cursor/round-trip", test_cursor);
  g_test_add_func ("/shared/sync-message/cursor/invalid", test_cursor_invalid);
  g_test_add_func ("/shared/sync-message/pull-request", test_pull_request);
  g_test_add_func ("/shared/sync-message/change", test_change);
  g_test_add_func ("/shared/sync-message/pull-response/round-trip", test_pull_response_round_trip);
  g_test_add_func ("/shared/sync-message/pull-response/invalid", test_pull_response_invalid);
  g_test_add_func ("/shared/sync-message/pull-response/nested-record", test_pull_response_nested_record);
  g_test_add_func ("/shared/sync-message/pull-response/limit", test_pull_response_limit);
  g_test_add_func ("/shared/sync-message/fuzz/push-request", test_fuzz_push_request);
  g_test_add_func ("/shared/sync-message/fuzz/pull-response", test_fuzz_pull_response);

  return g_test_run ();
}
