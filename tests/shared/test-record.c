/* test-record.c: the syncable record and its JSON form
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-record.h"

#define RECORD_ID "0d6c6a2e-51b8-4f43-9c0e-2a7b1d9e4f10"
#define OWNER_ID  "7a1e3c55-2b9d-4c8e-b6f0-91d2e3a4b5c6"
#define UNIT_ID   "c4b3a291-8f7e-4d6c-a5b4-3e2f1d0c9b8a"

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

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_true (zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (node));
}

/* An archive entry as a unit officer sees it after returning it. */
static ZcRecord *
make_paper (void)
{
  g_autoptr(GTimeZone) beijing = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) created = g_date_time_new (beijing, 2025, 9, 1, 9, 15, 30.123456);
  g_autoptr(GDateTime) updated = g_date_time_new_utc (2026, 2, 28, 16, 0, 0);
  g_autoptr(JsonObject) body = parse_object (
    "{\"title\":\"基于核心素养的初中数学单元教学设计研究\","
    "\"journal\":\"中国教育学刊\",\"issn\":\"1002-4808\",\"published\":\"2025-06\","
    "\"authors\":[{\"name\":\"王芳\",\"rank\":1},{\"name\":\"李明\",\"rank\":2}],"
    "\"pages\":12,\"impact\":1.25,\"core_journal\":true,\"attachment\":null,"
    "\"note\":\"含\\\"引号\\\"、换行\\n和制表\\t，以及😀\"}");
  ZcRecord *record = zc_record_new (RECORD_ID, "archive:papers", OWNER_ID);

  zc_record_set_unit_id (record, UNIT_ID);
  zc_record_set_body (record, body);
  zc_record_set_state (record, "returned");
  zc_record_set_version (record, 17);
  zc_record_set_created_at (record, created);
  zc_record_set_updated_at (record, updated);
  zc_record_set_review_comment (record, "附件扫描件不清晰，请重新上传首页及版权页。");

  return record;
}

static ZcRecord *
round_trip (ZcRecord *record)
{
  g_autoptr(JsonNode) node = zc_record_to_json (record);
  g_autofree char *text = zc_json_to_string (node);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  ZcRecord *decoded;

  g_assert_true (zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &parsed, &error));
  decoded = zc_record_from_json (parsed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoded);

  return decoded;
}

static void
test_new (void)
{
  g_autoptr(ZcRecord) fresh = zc_record_new (NULL, "personal-info", OWNER_ID);
  g_autoptr(ZcRecord) other = zc_record_new (NULL, "personal-info", OWNER_ID);
  g_autoptr(ZcRecord) given = zc_record_new (RECORD_ID, "archive:papers", OWNER_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_true (zc_json_is_uuid (zc_record_get_id (fresh)));
  g_assert_cmpstr (zc_record_get_id (fresh), !=, zc_record_get_id (other));
  g_assert_cmpstr (zc_record_get_id (given), ==, RECORD_ID);
  g_assert_cmpstr (zc_record_get_kind (fresh), ==, "personal-info");
  g_assert_cmpstr (zc_record_get_owner_id (fresh), ==, OWNER_ID);
  g_assert_null (zc_record_get_unit_id (fresh));
  g_assert_null (zc_record_get_state (fresh));
  g_assert_null (zc_record_get_review_comment (fresh));
  g_assert_cmpint (zc_record_get_version (fresh), ==, 0);
  g_assert_false (zc_record_get_deleted (fresh));
  g_assert_cmpuint (json_object_get_size (zc_record_get_body (fresh)), ==, 0);
  g_assert_true (g_date_time_equal (zc_record_get_created_at (fresh), zc_record_get_updated_at (fresh)));
  g_assert_cmpint (g_date_time_difference (now, zc_record_get_created_at (fresh)), <, 10 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_get_utc_offset (zc_record_get_created_at (fresh)), ==, 0);
}

static void
test_new_bad_arguments (void)
{
  if (g_test_subprocess ())
    {
      g_assert_null (zc_record_new (NULL, "Archive Papers", OWNER_ID));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*zc_record_kind_is_valid*");
}

static void
test_uuid_new (void)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = zc_uuid_new ();

      g_assert_true (zc_json_is_uuid (id));
      g_assert_cmpint (id[14], ==, '4');
    }
}

static void
test_slugs (void)
{
  static const char *good_kinds[] = { "archive:papers", "personal-info", "declaration:2026", "a", "x-1:y-2" };
  static const char *bad_kinds[] = { NULL, "", "Archive:papers", "archive papers", "archive_papers",
                                     "论文", "archive/papers", "archive.papers",
                                     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };
  static const char *good_states[] = { "pending", "unreviewed", "approved", "rejected", "returned",
                                       "unit_review", "step-2" };
  static const char *bad_states[] = { NULL, "", "Pending", "待审核", "pending ", "a:b" };

  for (guint i = 0; i < G_N_ELEMENTS (good_kinds); i++)
    g_assert_true (zc_record_kind_is_valid (good_kinds[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_kinds); i++)
    g_assert_false (zc_record_kind_is_valid (bad_kinds[i]));
  for (guint i = 0; i < G_N_ELEMENTS (good_states); i++)
    g_assert_true (zc_record_state_is_valid (good_states[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_states); i++)
    g_assert_false (zc_record_state_is_valid (bad_states[i]));
}

static void
test_setters (void)
{
  g_autoptr(ZcRecord) record = zc_record_new (RECORD_ID, "archive:papers", OWNER_ID);
  g_autoptr(GTimeZone) beijing = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) local = g_date_time_new (beijing, 2026, 3, 1, 8, 0, 0);
  g_autoptr(JsonObject) body = json_object_new ();

  zc_record_set_unit_id (record, UNIT_ID);
  g_assert_cmpstr (zc_record_get_unit_id (record), ==, UNIT_ID);
  zc_record_set_unit_id (record, NULL);
  g_assert_null (zc_record_get_unit_id (record));

  zc_record_set_state (record, "pending");
  g_assert_cmpstr (zc_record_get_state (record), ==, "pending");
  zc_record_set_state (record, NULL);
  g_assert_null (zc_record_get_state (record));

  zc_record_set_version (record, ZC_JSON_MAX_SAFE_INTEGER);
  g_assert_cmpint (zc_record_get_version (record), ==, ZC_JSON_MAX_SAFE_INTEGER);

  zc_record_set_deleted (record, 2);
  g_assert_true (zc_record_get_deleted (record) == TRUE);

  zc_record_set_review_comment (record, "请补充单位盖章");
  g_assert_cmpstr (zc_record_get_review_comment (record), ==, "请补充单位盖章");

  /* Timestamps are kept in UTC whatever zone they come in. */
  zc_record_set_created_at (record, local);
  zc_record_set_updated_at (record, local);
  g_assert_cmpint (g_date_time_get_utc_offset (zc_record_get_created_at (record)), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (zc_record_get_updated_at (record)), ==, 0);
  g_assert_true (g_date_time_equal (zc_record_get_created_at (record), local));

  /* The record keeps the body it is given; NULL means empty. */
  json_object_set_string_member (body, "title", "教学成果");
  zc_record_set_body (record, body);
  g_assert_true (zc_record_get_body (record) == body);
  zc_record_set_body (record, NULL);
  g_assert_nonnull (zc_record_get_body (record));
  g_assert_cmpuint (json_object_get_size (zc_record_get_body (record)), ==, 0);
}

static void
test_ref_copy_equal (void)
{
  g_autoptr(ZcRecord) record = make_paper ();
  g_autoptr(ZcRecord) copy = zc_record_copy (record);
  g_autoptr(ZcRecord) boxed = g_boxed_copy (ZC_TYPE_RECORD, record);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);

  g_assert_true (boxed == record);
  g_assert_true (copy != record);
  g_assert_true (zc_record_equal (record, copy));
  g_assert_true (zc_record_equal (record, record));

  /* The copy's body is its own. */
  json_object_set_string_member (zc_record_get_body (copy), "title", "另一篇论文");
  g_assert_false (zc_record_equal (record, copy));
  g_assert_cmpstr (json_object_get_string_member (zc_record_get_body (record), "title"), ==,
                   "基于核心素养的初中数学单元教学设计研究");

#define CHANGED(statement) \
  G_STMT_START { \
    g_autoptr(ZcRecord) changed = zc_record_copy (record); \
    statement; \
    g_assert_false (zc_record_equal (record, changed)); \
    g_assert_false (zc_record_equal (changed, record)); \
  } G_STMT_END

  CHANGED (zc_record_set_unit_id (changed, NULL));
  CHANGED (zc_record_set_state (changed, "pending"));
  CHANGED (zc_record_set_state (changed, NULL));
  CHANGED (zc_record_set_version (changed, 18));
  CHANGED (zc_record_set_created_at (changed, later));
  CHANGED (zc_record_set_updated_at (changed, later));
  CHANGED (zc_record_set_deleted (changed, TRUE));
  CHANGED (zc_record_set_review_comment (changed, NULL));
  CHANGED (json_object_set_int_member (zc_record_get_body (changed), "pages", 13));
  CHANGED (json_object_remove_member (zc_record_get_body (changed), "attachment"));
#undef CHANGED

  {
    g_autoptr(ZcRecord) other_id = zc_record_new (NULL, "archive:papers", OWNER_ID);
    g_autoptr(ZcRecord) other_kind = zc_record_new (RECORD_ID, "archive:awards", OWNER_ID);
    g_autoptr(ZcRecord) same = zc_record_new (RECORD_ID, "archive:awards", OWNER_ID);

    g_assert_false (zc_record_equal (record, other_id));
    g_assert_false (zc_record_equal (record, other_kind));
    zc_record_set_created_at (same, zc_record_get_created_at (other_kind));
    zc_record_set_updated_at (same, zc_record_get_updated_at (other_kind));
    g_assert_true (zc_record_equal (same, other_kind));
  }
}

static void
test_round_trip (void)
{
  g_autoptr(ZcRecord) paper = make_paper ();
  g_autoptr(ZcRecord) tombstone = zc_record_new (NULL, "archive:awards", OWNER_ID);
  g_autoptr(ZcRecord) decoded = round_trip (paper);
  g_autoptr(ZcRecord) decoded_tombstone = NULL;

  g_assert_true (zc_record_equal (paper, decoded));
  g_assert_cmpstr (zc_record_get_review_comment (decoded), ==, "附件扫描件不清晰，请重新上传首页及版权页。");
  g_assert_cmpint (g_date_time_get_microsecond (zc_record_get_created_at (decoded)), ==, 123456);

  zc_record_set_deleted (tombstone, TRUE);
  zc_record_set_version (tombstone, 3);
  decoded_tombstone = round_trip (tombstone);
  g_assert_true (zc_record_equal (tombstone, decoded_tombstone));
  g_assert_true (zc_record_get_deleted (decoded_tombstone));
  g_assert_null (zc_record_get_unit_id (decoded_tombstone));
}

static void
test_to_json_shape (void)
{
  g_autoptr(ZcRecord) record = zc_record_new (RECORD_ID, "personal-info", OWNER_ID);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 1, 8, 30, 0);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  zc_record_set_created_at (record, when);
  zc_record_set_updated_at (record, when);
  json_object_set_string_member (zc_record_get_body (record), "name", "张三");
  node = zc_record_to_json (record);
  object = json_node_get_object (node);

  g_assert_cmpuint (json_object_get_size (object), ==, 11);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, RECORD_ID);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "personal-info");
  g_assert_true (json_object_get_null_member (object, "unit_id"));
  g_assert_true (json_object_get_null_member (object, "state"));
  g_assert_true (json_object_get_null_member (object, "review_comment"));
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 0);
  g_assert_false (json_object_get_boolean_member (object, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==, "2026-03-01T08:30:00Z");

  /* The node is a copy: editing it leaves the record alone. */
  json_object_set_string_member (json_object_get_object_member (object, "body"), "name", "李四");
  g_assert_cmpstr (json_object_get_string_member (zc_record_get_body (record), "name"), ==, "张三");
}

static void
test_from_json_copies_body (void)
{
  g_autoptr(ZcRecord) paper = make_paper ();
  g_autoptr(JsonNode) node = zc_record_to_json (paper);
  g_autoptr(ZcRecord) decoded = zc_record_from_json (node, NULL);
  JsonObject *body = json_object_get_object_member (json_node_get_object (node), "body");

  g_assert_nonnull (decoded);
  json_object_set_string_member (body, "title", "改过的标题");
  g_assert_true (zc_record_equal (paper, decoded));
}

static void
test_optional_members (void)
{
  static const char *optional[] = { "unit_id", "state", "review_comment" };
  g_autoptr(ZcRecord) paper = make_paper ();

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      g_autoptr(JsonNode) absent = zc_record_to_json (paper);
      g_autoptr(JsonNode) null = zc_record_to_json (paper);
      g_autoptr(ZcRecord) from_absent = NULL;
      g_autoptr(ZcRecord) from_null = NULL;
      g_autoptr(GError) error = NULL;

      json_object_remove_member (json_node_get_object (absent), optional[i]);
      json_object_set_null_member (json_node_get_object (null), optional[i]);
      from_absent = zc_record_from_json (absent, &error);
      g_assert_no_error (error);
      from_null = zc_record_from_json (null, &error);
      g_assert_no_error (error);
      g_assert_true (zc_record_equal (from_absent, from_null));
      g_assert_false (zc_record_equal (from_absent, paper));
    }
}

/* What each member holds, for the wrong-type matrix. */
typedef enum { T_STRING, T_INT, T_BOOL, T_OBJECT } MemberType;

static const struct
{
  const char *name;
  MemberType  type;
  gboolean    required;
} members[] = {
  { "id", T_STRING, TRUE }, { "kind", T_STRING, TRUE }, { "owner_id", T_STRING, TRUE },
  { "unit_id", T_STRING, FALSE }, { "version", T_INT, TRUE }, { "state", T_STRING, FALSE },
  { "review_comment", T_STRING, FALSE }, { "deleted", T_BOOL, TRUE },
  { "created_at", T_STRING, TRUE }, { "updated_at", T_STRING, TRUE }, { "body", T_OBJECT, TRUE },
};

static JsonNode *
sample_value (guint which)
{
  switch (which)
    {
    case 0: return json_node_init_string (json_node_alloc (), "文本");
    case 1: return json_node_init_int (json_node_alloc (), 5);
    case 2: return json_node_init_double (json_node_alloc (), 1.5);
    case 3: return json_node_init_boolean (json_node_alloc (), TRUE);
    case 4: return json_node_init_object (json_node_alloc (), NULL);
    case 5: return json_node_init_array (json_node_alloc (), NULL);
    default: return json_node_init_null (json_node_alloc ());
    }
}

static gboolean
value_has_type (guint      which,
                MemberType type)
{
  return (which == 0 && type == T_STRING) || (which == 1 && type == T_INT) ||
         (which == 3 && type == T_BOOL) || (which == 4 && type == T_OBJECT);
}

/* Decodes the sample record with one member replaced (or removed when
 * @value is NULL); returns the error. */
static GError *
decode_with (const char *name,
             JsonNode   *value)
{
  g_autoptr(ZcRecord) paper = make_paper ();
  g_autoptr(JsonNode) node = zc_record_to_json (paper);
  g_autoptr(ZcRecord) decoded = NULL;
  GError *error = NULL;

  if (value != NULL)
    json_object_set_member (json_node_get_object (node), name, value);
  else
    json_object_remove_member (json_node_get_object (node), name);

  decoded = zc_record_from_json (node, &error);
  g_assert_true ((decoded == NULL) == (error != NULL));

  return error;
}

static void
test_from_json_missing_and_wrong_type (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(GError) missing = decode_with (members[i].name, NULL);

      if (members[i].required)
        assert_json_error (missing, ZC_JSON_ERROR_MISSING, members[i].name);
      else
        g_assert_no_error (missing);

      for (guint which = 0; which <= 6; which++)
        {
          g_autoptr(GError) error = NULL;

          if (value_has_type (which, members[i].type) || (which == 6 && !members[i].required))
            continue;

          g_test_message ("member %s, value %u", members[i].name, which);
          error = decode_with (members[i].name, sample_value (which));
          assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, members[i].name);
        }
    }
}

static void
test_from_json_bad_values (void)
{
  static const struct
  {
    const char  *member;
    const char  *json;
    ZcJsonError  code;
  } bad[] = {
    { "id", "\"0D6C6A2E-51B8-4F43-9C0E-2A7B1D9E4F10\"", ZC_JSON_ERROR_INVALID },
    { "id", "\"0d6c6a2e51b84f439c0e2a7b1d9e4f10\"", ZC_JSON_ERROR_INVALID },
    { "id", "\"\"", ZC_JSON_ERROR_INVALID },
    { "owner_id", "\"张三\"", ZC_JSON_ERROR_INVALID },
    { "unit_id", "\"c4b3a291-8f7e-4d6c-a5b4\"", ZC_JSON_ERROR_INVALID },
    { "kind", "\"\"", ZC_JSON_ERROR_INVALID },
    { "kind", "\"Archive:Papers\"", ZC_JSON_ERROR_INVALID },
    { "kind", "\"archive papers\"", ZC_JSON_ERROR_INVALID },
    { "kind", "\"论文\"", ZC_JSON_ERROR_INVALID },
    { "kind", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", ZC_JSON_ERROR_INVALID },
    { "state", "\"\"", ZC_JSON_ERROR_INVALID },
    { "state", "\"待审核\"", ZC_JSON_ERROR_INVALID },
    { "state", "\"Approved\"", ZC_JSON_ERROR_INVALID },
    { "version", "-1", ZC_JSON_ERROR_OUT_OF_RANGE },
    { "version", "9007199254740992", ZC_JSON_ERROR_OUT_OF_RANGE },
    { "version", "1.0", ZC_JSON_ERROR_WRONG_TYPE },
    { "version", "\"17\"", ZC_JSON_ERROR_WRONG_TYPE },
    { "deleted", "0", ZC_JSON_ERROR_WRONG_TYPE },
    { "deleted", "\"false\"", ZC_JSON_ERROR_WRONG_TYPE },
    { "created_at", "\"2026-03-01\"", ZC_JSON_ERROR_INVALID },
    { "created_at", "\"2026-03-01T08:30:00\"", ZC_JSON_ERROR_INVALID },
    { "updated_at", "\"2026年3月1日\"", ZC_JSON_ERROR_INVALID },
    { "updated_at", "1772353800", ZC_JSON_ERROR_WRONG_TYPE },
    { "body", "[{\"title\":\"x\"}]", ZC_JSON_ERROR_WRONG_TYPE },
    { "extra", "1", ZC_JSON_ERROR_UNKNOWN_MEMBER },
    { "Id", "\"" RECORD_ID "\"", ZC_JSON_ERROR_UNKNOWN_MEMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"v\":%s}", bad[i].json);
      g_autoptr(JsonObject) holder = parse_object (text);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s = %s", bad[i].member, bad[i].json);
      error = decode_with (bad[i].member, json_node_copy (json_object_get_member (holder, "v")));
      assert_json_error (error, bad[i].code, bad[i].member);
    }
}

static void
test_from_json_not_object (void)
{
  g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), NULL);
  g_autoptr(JsonNode) null = json_node_init_null (json_node_alloc ());
  g_autoptr(JsonNode) empty = json_node_init_object (json_node_alloc (), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (zc_record_from_json (array, &error));
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "$");
  g_clear_error (&error);
  g_assert_null (zc_record_from_json (null, &error));
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "$");
  g_clear_error (&error);

  json_node_take_object (empty, json_object_new ());
  g_assert_null (zc_record_from_json (empty, &error));
  assert_json_error (error, ZC_JSON_ERROR_MISSING, "id");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/record/new", test_new);
  g_test_add_func ("/shared/record/new-bad-arguments", test_new_bad_arguments);
  g_test_add_func ("/shared/record/uuid-new", test_uuid_new);
  g_test_add_func ("/shared/record/slugs", test_slugs);
  g_test_add_func ("/shared/record/setters", test_setters);
  g_test_add_func ("/shared/record/ref-copy-equal", test_ref_copy_equal);
  g_test_add_func ("/shared/record/json/round-trip", test_round_trip);
  g_test_add_func ("/shared/record/json/shape", test_to_json_shape);
  g_test_add_func ("/shared/record/json/copies-body", test_from_json_copies_body);
  g_test_add_func ("/shared/record/json/optional", test_optional_members);
  g_test_add_func ("/shared/record/json/missing-and-wrong-type", test_from_json_missing_and_wrong_type);
  g_test_add_func ("/shared/record/json/bad-values", test_from_json_bad_values);
  g_test_add_func ("/shared/record/json/not-object", test_from_json_not_object);

  return g_test_run ();
}
