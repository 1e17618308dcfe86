/* test-json.c: strict parsing and typed member access
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-json.h"

#define UUID "3f2b8c1e-9d4a-4e7b-8a21-5c6d7e8f9a0b"

/* Asserts the domain, the code and that the message starts with @path. */
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
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = NULL;

  if (!zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error))
    g_error ("cannot parse %s: %s", text, error->message);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return node;
}

static void
test_parse_valid (void)
{
  static const char *valid[] = {
    "{}",
    " \t\r\n{ } \n",
    "{\"姓名\":\"张三\",\"单位\":\"云南省昆明市第一中学\"}",
    "{\"a\":[],\"b\":{},\"c\":[{}],\"d\":null,\"e\":true,\"f\":false}",
    "{\"n\":0,\"m\":-0,\"x\":-1.5e-3,\"y\":1E5,\"z\":2.25,\"w\":10e+2}",
    "{\"big\":9223372036854775807,\"small\":-9223372036854775808}",
    "{\"esc\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u4e2d\\ud83d\\ude00\"}",
    "{\"\\u0061\":1,\"b\":2}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(JsonNode) node = parse_ok (valid[i]);
      g_autofree char *text = zc_json_to_string (node);
      g_autoptr(JsonNode) again = parse_ok (text);

      /* Whatever json-glib writes, the strict parser reads back. */
      g_assert_true (zc_json_node_equal (node, again));
    }
}

static void
test_parse_values (void)
{
  g_autoptr(JsonNode) node = parse_ok ("{\"big\":9223372036854775807,\"small\":-9223372036854775808,"
                                       "\"esc\":\"\\u4e2d\\ud83d\\ude00\\n\",\"\\u0061\":1}");
  JsonObject *object = json_node_get_object (node);
  gint64 value = 0;
  const char *string;

  g_assert_true (zc_json_get_int64 (object, "big", TRUE, G_MININT64, G_MAXINT64, &value, NULL));
  g_assert_cmpint (value, ==, G_MAXINT64);
  g_assert_true (zc_json_get_int64 (object, "small", TRUE, G_MININT64, G_MAXINT64, &value, NULL));
  g_assert_cmpint (value, ==, G_MININT64);
  g_assert_true (zc_json_get_string (object, "esc", TRUE, &string, NULL));
  g_assert_cmpstr (string, ==, "中😀\n");
  g_assert_true (zc_json_get_int64 (object, "a", TRUE, 0, 10, &value, NULL));
  g_assert_cmpint (value, ==, 1);
}

typedef struct
{
  const char  *text;
  gsize        length;  /* 0: strlen (text) */
  ZcJsonError  code;
  const char  *path;
} BadDocument;

static void
test_parse_invalid (void)
{
  static const BadDocument bad[] = {
    /* not an object at the root */
    { "[1]", 0, ZC_JSON_ERROR_WRONG_TYPE, "$" },
    { "\"对象\"", 0, ZC_JSON_ERROR_WRONG_TYPE, "$" },
    { "1", 0, ZC_JSON_ERROR_WRONG_TYPE, "$" },
    { "null", 0, ZC_JSON_ERROR_WRONG_TYPE, "$" },
    { "true", 0, ZC_JSON_ERROR_WRONG_TYPE, "$" },
    /* empty and trailing data */
    { "", 0, ZC_JSON_ERROR_INVALID, "$" },
    { " \n ", 0, ZC_JSON_ERROR_INVALID, "$" },
    { "{\"a\":\"x\"} garbage", 0, ZC_JSON_ERROR_INVALID, "$" },
    { "{}{}", 0, ZC_JSON_ERROR_INVALID, "$" },
    { "\xef\xbb\xbf{}", 0, ZC_JSON_ERROR_INVALID, "$" },
    /* syntax json-glib tolerates */
    { "{/*c*/\"a\":1}", 0, ZC_JSON_ERROR_INVALID, "$" },
    { "{'a':1}", 0, ZC_JSON_ERROR_INVALID, "$" },
    { "{a:1}", 0, ZC_JSON_ERROR_INVALID, "$" },
    { "{\"a\":1,}", 0, ZC_JSON_ERROR_INVALID, "$" },
    { "{\"a\":[1,2,]}", 0, ZC_JSON_ERROR_INVALID, "a[2]" },
    { "{\"a\":01}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":0x10}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":.5}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":1.}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":1e}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":+1}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":-}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":NaN}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":Infinity}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":tru}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":nul}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\" 1}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":1 \"b\":2}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":1", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a", 0, ZC_JSON_ERROR_INVALID, "$" },
    /* numbers json-glib would wrap or make infinite */
    { "{\"a\":{\"b\":9223372036854775808}}", 0, ZC_JSON_ERROR_OUT_OF_RANGE, "a.b" },
    { "{\"a\":[0,-9223372036854775809]}", 0, ZC_JSON_ERROR_OUT_OF_RANGE, "a[1]" },
    { "{\"a\":18446744073709551617}", 0, ZC_JSON_ERROR_OUT_OF_RANGE, "a" },
    { "{\"a\":1e400}", 0, ZC_JSON_ERROR_OUT_OF_RANGE, "a" },
    { "{\"a\":-1e400}", 0, ZC_JSON_ERROR_OUT_OF_RANGE, "a" },
    /* duplicate members, also when spelt differently */
    { "{\"a\":1,\"a\":2}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"x\":{\"a\":1,\"\\u0061\":2}}", 0, ZC_JSON_ERROR_INVALID, "x.a" },
    /* strings */
    { "{\"a\":\"\\u0000\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\\ud800\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\\udc00\\ud800\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\\ud800\\u0041\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\\u12\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\\u12g4\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\\x41\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\\\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"tab\there\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"line\nbreak\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"unterminated}", 0, ZC_JSON_ERROR_INVALID, "a" },
    /* invalid UTF-8, in values, in names and outside strings */
    { "{\"名称\":\"\xff\"}", 0, ZC_JSON_ERROR_INVALID, "名称" },
    { "{\"a\":[\"ok\",\"\xc0\xaf\"]}", 0, ZC_JSON_ERROR_INVALID, "a[1]" },
    { "{\"a\":\"\xed\xa0\x80\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\xe4\xb8\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\xe4\xb8", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\xf8\x88\x80\x80\x80\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":\"\x80\"}", 0, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"\xfe\":1}", 0, ZC_JSON_ERROR_INVALID, "$" },
    { "{\"a\":1,\xff}", 0, ZC_JSON_ERROR_INVALID, "$" },
    /* a nul byte inside the given length */
    { "{\"a\":\"x\0y\"}", 11, ZC_JSON_ERROR_INVALID, "a" },
    { "{\"a\":1}\0", 8, ZC_JSON_ERROR_INVALID, "$" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      gsize length = bad[i].length != 0 ? bad[i].length : strlen (bad[i].text);

      g_test_message ("bad document %u", i);
      g_assert_false (zc_json_parse (bad[i].text, length, ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
      g_assert_null (node);
      assert_json_error (error, bad[i].code, bad[i].path);
    }
}

static char *
nested (guint       levels,
        const char *open,
        const char *close)
{
  GString *text = g_string_new ("{\"a\":");

  for (guint i = 1; i < levels; i++)
    g_string_append (text, open);
  g_string_append (text, "1");
  for (guint i = 1; i < levels; i++)
    g_string_append (text, close);
  g_string_append (text, "}");

  return g_string_free (text, FALSE);
}

static void
test_parse_depth (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *arrays_ok = nested (32, "[", "]");
  g_autofree char *arrays_deep = nested (33, "[", "]");
  g_autofree char *objects_deep = nested (33, "{\"a\":", "}");
  g_autofree char *huge = NULL;
  GString *bomb, *path;

  /* The root object is level 1: 31 arrays inside it make 32 levels. */
  g_assert_true (zc_json_parse (arrays_ok, strlen (arrays_ok), 32, &node, &error));
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);

  /* The 32nd array, level 33, is refused where it starts: in a[0]…[0]. */
  path = g_string_new ("a");
  for (guint i = 0; i < 31; i++)
    g_string_append (path, "[0]");
  g_assert_false (zc_json_parse (arrays_deep, strlen (arrays_deep), 32, &node, &error));
  assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, path->str);
  g_assert_nonnull (strstr (error->message, "nested deeper than 32 levels"));
  g_string_free (path, TRUE);
  g_clear_error (&error);

  g_assert_false (zc_json_parse (objects_deep, strlen (objects_deep), 32, &node, &error));
  g_assert_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE);
  g_assert_true (g_str_has_prefix (error->message, "a.a.a.a."));
  g_clear_error (&error);

  /* max_depth 1: only scalars under the root. */
  g_assert_true (zc_json_parse ("{\"a\":1}", 7, 1, &node, &error));
  g_clear_pointer (&node, json_node_unref);
  g_assert_false (zc_json_parse ("{\"a\":[]}", 8, 1, &node, &error));
  assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, "a");
  g_clear_error (&error);
  g_assert_false (zc_json_parse ("{\"a\":{}}", 8, 1, &node, &error));
  assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, "a");
  g_clear_error (&error);

  /* A nesting bomb is refused by the scan, before json-glib recurses. */
  bomb = g_string_new ("{\"a\":");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (bomb, '[');
  huge = g_string_free (bomb, FALSE);
  g_assert_false (zc_json_parse (huge, strlen (huge), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  g_assert_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE);
  g_assert_null (node);
}

/* One document with a member of every type, to read with each accessor. */
static const char sample[] =
  "{\"s\":\"中级职称\",\"empty\":\"\",\"i\":42,\"neg\":-5,\"d\":1.0,\"e\":1e2,\"f\":1.5,"
  "\"b\":true,\"n\":null,\"o\":{\"x\":1},\"a\":[1,2],\"u\":\"" UUID "\","
  "\"U\":\"3F2B8C1E-9D4A-4E7B-8A21-5C6D7E8F9A0B\",\"t\":\"2026-03-01T08:30:00+08:00\"}";

static void
test_get_string (void)
{
  g_autoptr(JsonNode) node = parse_ok (sample);
  JsonObject *object = json_node_get_object (node);
  static const char *wrong[] = { "i", "d", "b", "o", "a" };
  const char *value = "untouched";
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_json_get_string (object, "s", TRUE, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "中级职称");
  g_assert_true (zc_json_get_string (object, "empty", TRUE, &value, &error));
  g_assert_cmpstr (value, ==, "");

  /* Optional: absent and null both read as NULL. */
  g_assert_true (zc_json_get_string (object, "absent", FALSE, &value, &error));
  g_assert_null (value);
  value = "untouched";
  g_assert_true (zc_json_get_string (object, "n", FALSE, &value, &error));
  g_assert_null (value);
  g_assert_no_error (error);

  g_assert_false (zc_json_get_string (object, "absent", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_MISSING, "absent");
  g_clear_error (&error);
  g_assert_false (zc_json_get_string (object, "n", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "n");
  g_assert_nonnull (strstr (error->message, "expected a string, found null"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_assert_false (zc_json_get_string (object, wrong[i], FALSE, &value, &error));
      assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, wrong[i]);
      g_clear_error (&error);
    }
}

static void
test_get_string_bad_utf8 (void)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GError) error = NULL;
  const char *value;

  /* A node built in memory, not by zc_json_parse(), can hold any bytes. */
  json_object_set_string_member (object, "raw", "ab\xff");
  g_assert_false (zc_json_get_string (object, "raw", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_INVALID, "raw");
}

static void
test_get_int64 (void)
{
  g_autoptr(JsonNode) node = parse_ok (sample);
  JsonObject *object = json_node_get_object (node);
  static const char *wrong[] = { "s", "b", "o", "a", "d", "e", "f" };
  g_autoptr(GError) error = NULL;
  gint64 value = 7;

  g_assert_true (zc_json_get_int64 (object, "i", TRUE, 0, 100, &value, &error));
  g_assert_cmpint (value, ==, 42);
  g_assert_true (zc_json_get_int64 (object, "i", TRUE, 42, 42, &value, &error));
  g_assert_true (zc_json_get_int64 (object, "neg", TRUE, G_MININT64, 0, &value, &error));
  g_assert_cmpint (value, ==, -5);
  g_assert_no_error (error);

  /* Optional and absent or null: untouched, so callers preset defaults. */
  value = 7;
  g_assert_true (zc_json_get_int64 (object, "absent", FALSE, 0, 100, &value, &error));
  g_assert_true (zc_json_get_int64 (object, "n", FALSE, 0, 100, &value, &error));
  g_assert_cmpint (value, ==, 7);

  g_assert_false (zc_json_get_int64 (object, "absent", TRUE, 0, 100, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_MISSING, "absent");
  g_clear_error (&error);
  g_assert_false (zc_json_get_int64 (object, "n", TRUE, 0, 100, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "n");
  g_clear_error (&error);

  /* 1.0 and 1e2 are doubles to json-glib, and not integers to us. */
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_assert_false (zc_json_get_int64 (object, wrong[i], TRUE, G_MININT64, G_MAXINT64, &value, &error));
      assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, wrong[i]);
      g_assert_nonnull (strstr (error->message, "expected an integer"));
      g_clear_error (&error);
    }
  g_assert_cmpint (value, ==, 7);

  g_assert_false (zc_json_get_int64 (object, "i", TRUE, 0, 41, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, "i");
  g_assert_nonnull (strstr (error->message, "between 0 and 41"));
  g_clear_error (&error);
  g_assert_false (zc_json_get_int64 (object, "neg", TRUE, 0, G_MAXINT64, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, "neg");
  g_assert_nonnull (strstr (error->message, "at least 0"));
  g_clear_error (&error);
  g_assert_false (zc_json_get_int64 (object, "i", TRUE, 43, 50, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_OUT_OF_RANGE, "i");
  g_assert_cmpint (value, ==, 7);
}

static void
test_get_boolean (void)
{
  g_autoptr(JsonNode) node = parse_ok (sample);
  JsonObject *object = json_node_get_object (node);
  static const char *wrong[] = { "s", "i", "d", "o", "a" };
  g_autoptr(GError) error = NULL;
  gboolean value = FALSE;

  g_assert_true (zc_json_get_boolean (object, "b", TRUE, &value, &error));
  g_assert_true (value);
  g_assert_true (zc_json_get_boolean (object, "absent", FALSE, &value, &error));
  g_assert_true (zc_json_get_boolean (object, "n", FALSE, &value, &error));
  g_assert_true (value);
  g_assert_no_error (error);

  g_assert_false (zc_json_get_boolean (object, "absent", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_MISSING, "absent");
  g_clear_error (&error);
  g_assert_false (zc_json_get_boolean (object, "n", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "n");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_assert_false (zc_json_get_boolean (object, wrong[i], TRUE, &value, &error));
      assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, wrong[i]);
      g_clear_error (&error);
    }
}

static void
test_get_object_array (void)
{
  g_autoptr(JsonNode) node = parse_ok (sample);
  JsonObject *object = json_node_get_object (node);
  static const char *not_object[] = { "s", "i", "b", "a" };
  static const char *not_array[] = { "s", "i", "b", "o" };
  g_autoptr(GError) error = NULL;
  JsonObject *child = NULL;
  JsonArray *array = NULL;

  g_assert_true (zc_json_get_object (object, "o", TRUE, &child, &error));
  g_assert_cmpuint (json_object_get_size (child), ==, 1);
  g_assert_true (zc_json_get_array (object, "a", TRUE, &array, &error));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_true (zc_json_get_object (object, "n", FALSE, &child, &error));
  g_assert_null (child);
  g_assert_true (zc_json_get_array (object, "absent", FALSE, &array, &error));
  g_assert_null (array);
  g_assert_no_error (error);

  g_assert_false (zc_json_get_object (object, "absent", TRUE, &child, &error));
  assert_json_error (error, ZC_JSON_ERROR_MISSING, "absent");
  g_clear_error (&error);
  g_assert_false (zc_json_get_array (object, "n", TRUE, &array, &error));
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "n");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (not_object); i++)
    {
      g_assert_false (zc_json_get_object (object, not_object[i], TRUE, &child, &error));
      assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, not_object[i]);
      g_clear_error (&error);
      g_assert_false (zc_json_get_array (object, not_array[i], TRUE, &array, &error));
      assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, not_array[i]);
      g_clear_error (&error);
    }
}

static void
test_uuid (void)
{
  static const char *bad[] = {
    "", "3F2B8C1E-9D4A-4E7B-8A21-5C6D7E8F9A0B", "3f2b8c1e9d4a4e7b8a215c6d7e8f9a0b",
    "{3f2b8c1e-9d4a-4e7b-8a21-5c6d7e8f9a0b}", "3f2b8c1e-9d4a-4e7b-8a21-5c6d7e8f9a0", "3f2b8c1e-9d4a-4e7b-8a21-5c6d7e8f9a0bb",
    "3f2b8c1e-9d4a-4e7b-8a21_5c6d7e8f9a0b", "3f2b8c1g-9d4a-4e7b-8a21-5c6d7e8f9a0b", " 3f2b8c1e-9d4a-4e7b-8a21-5c6d7e8f9a0",
  };
  g_autoptr(JsonNode) node = parse_ok (sample);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GError) error = NULL;
  g_autofree char *random = g_uuid_string_random ();
  const char *value;

  g_assert_true (zc_json_is_uuid (UUID));
  g_assert_true (zc_json_is_uuid (random));
  g_assert_false (zc_json_is_uuid (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (zc_json_is_uuid (bad[i]));

  g_assert_true (zc_json_get_uuid (object, "u", TRUE, &value, &error));
  g_assert_cmpstr (value, ==, UUID);
  g_assert_true (zc_json_get_uuid (object, "n", FALSE, &value, &error));
  g_assert_null (value);
  g_assert_no_error (error);

  g_assert_false (zc_json_get_uuid (object, "U", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_INVALID, "U");
  g_clear_error (&error);
  g_assert_false (zc_json_get_uuid (object, "s", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_INVALID, "s");
  g_clear_error (&error);
  g_assert_false (zc_json_get_uuid (object, "i", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "i");
  g_clear_error (&error);
  g_assert_false (zc_json_get_uuid (object, "absent", TRUE, &value, &error));
  assert_json_error (error, ZC_JSON_ERROR_MISSING, "absent");
}

static void
test_timestamp (void)
{
  static const struct { const char *text; const char *utc; } good[] = {
    { "2026-03-01T08:30:00Z", "2026-03-01T08:30:00Z" },
    { "2026-03-01T08:30:00+08:00", "2026-03-01T00:30:00Z" },
    { "2026-03-01T00:30:00-05:30", "2026-03-01T06:00:00Z" },
    { "2026-03-01T08:30:00.5Z", "2026-03-01T08:30:00.500000Z" },
    { "2026-03-01T08:30:00.123456+08:00", "2026-03-01T00:30:00.123456Z" },
    { "2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z" },
    { "2026-03-01T08:30:00.123456789Z", "2026-03-01T08:30:00.123456Z" },
    { "2026-01-01T02:00:00+08:00", "2025-12-31T18:00:00Z" },
  };
  static const char *bad[] = {
    "", "2026-03-01", "2026-03-01T08:30:00", "2026-03-01 08:30:00Z", "2026-03-01T08:30Z",
    "2026-03-01T08:30:00z", "2026-03-01t08:30:00Z", "20260301T083000Z", "2026-W09-7T08:30:00Z",
    "2026-060T08:30:00Z", "2026-02-30T08:30:00Z", "2026-13-01T08:30:00Z", "2026-03-01T24:00:00Z",
    "2026-03-01T08:60:00Z", "2026-03-01T08:30:00.Z", "2026-03-01T08:30:00.1234567890Z",
    "2026-03-01T08:30:00+0800", "2026-03-01T08:30:00+08", "2026-03-01T08:30:00Z ", "+2026-03-01T08:30:00Z",
    "２０２６-03-01T08:30:00Z", "2026-03-01T08:30:00+8:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GDateTime) value = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;

      json_object_set_string_member (object, "t", good[i].text);
      g_assert_true (zc_json_get_timestamp (object, "t", TRUE, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_date_time_get_utc_offset (value), ==, 0);
      formatted = zc_json_format_timestamp (value);
      g_assert_cmpstr (formatted, ==, good[i].utc);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GDateTime) value = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("bad timestamp “%s”", bad[i]);
      json_object_set_string_member (object, "updated_at", bad[i]);
      g_assert_false (zc_json_get_timestamp (object, "updated_at", TRUE, &value, &error));
      g_assert_null (value);
      assert_json_error (error, ZC_JSON_ERROR_INVALID, "updated_at");
    }

  {
    g_autoptr(JsonNode) node = parse_ok (sample);
    JsonObject *object = json_node_get_object (node);
    g_autoptr(GDateTime) value = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (zc_json_get_timestamp (object, "n", FALSE, &value, &error));
    g_assert_null (value);
    g_assert_false (zc_json_get_timestamp (object, "i", TRUE, &value, &error));
    assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "i");
    g_clear_error (&error);
    g_assert_false (zc_json_get_timestamp (object, "absent", TRUE, &value, &error));
    assert_json_error (error, ZC_JSON_ERROR_MISSING, "absent");
  }
}

static void
test_format_timestamp (void)
{
  g_autoptr(GTimeZone) beijing = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) local = g_date_time_new (beijing, 2026, 1, 1, 7, 5, 9.25);
  g_autoptr(GDateTime) early = g_date_time_new_utc (987, 6, 5, 4, 3, 2);
  g_autofree char *text = zc_json_format_timestamp (local);
  g_autofree char *early_text = zc_json_format_timestamp (early);

  g_assert_cmpstr (text, ==, "2025-12-31T23:05:09.250000Z");
  g_assert_cmpstr (early_text, ==, "0987-06-05T04:03:02Z");
}

static void
test_check_members (void)
{
  static const char * const allowed[] = { "id", "name", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(JsonNode) good = parse_ok ("{\"id\":1,\"name\":\"x\"}");
  g_autoptr(JsonNode) subset = parse_ok ("{\"name\":\"x\"}");
  g_autoptr(JsonNode) empty = parse_ok ("{}");
  g_autoptr(JsonNode) extra = parse_ok ("{\"id\":1,\"名字\":\"x\"}");
  g_autoptr(JsonNode) ctrl = parse_ok ("{\"id\":1,\"bad\\nname\":0}");
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_json_check_members (json_node_get_object (good), allowed, &error));
  g_assert_true (zc_json_check_members (json_node_get_object (subset), allowed, &error));
  g_assert_true (zc_json_check_members (json_node_get_object (empty), none, &error));
  g_assert_no_error (error);

  g_assert_false (zc_json_check_members (json_node_get_object (extra), allowed, &error));
  assert_json_error (error, ZC_JSON_ERROR_UNKNOWN_MEMBER, "名字");
  g_clear_error (&error);
  g_assert_false (zc_json_check_members (json_node_get_object (good), none, &error));
  assert_json_error (error, ZC_JSON_ERROR_UNKNOWN_MEMBER, "id");
  g_clear_error (&error);
  /* A control character in a name does not reach the log verbatim. */
  g_assert_false (zc_json_check_members (json_node_get_object (ctrl), allowed, &error));
  assert_json_error (error, ZC_JSON_ERROR_UNKNOWN_MEMBER, "bad?name");
}

static void
test_node_get_object_and_prefix (void)
{
  g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), NULL);
  g_autoptr(JsonNode) object = parse_ok ("{}");
  g_autoptr(GError) error = NULL;
  JsonObject *out = NULL;

  g_assert_true (zc_json_node_get_object (object, &out, &error));
  g_assert_nonnull (out);
  g_assert_false (zc_json_node_get_object (array, &out, &error));
  g_assert_null (out);
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "$");

  zc_json_prefix_error (&error, "mutations[%u]", 3);
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "mutations[3]");
  zc_json_prefix_error (&error, "outer");
  assert_json_error (error, ZC_JSON_ERROR_WRONG_TYPE, "outer.mutations[3]");
  g_clear_error (&error);

  g_set_error (&error, ZC_JSON_ERROR, ZC_JSON_ERROR_MISSING, "base_version: required member is missing");
  zc_json_prefix_error (&error, "mutations[%u]", 0);
  g_assert_cmpstr (error->message, ==, "mutations[0].base_version: required member is missing");
  g_clear_error (&error);

  g_set_error (&error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID, "[2]: bad");
  zc_json_prefix_error (&error, "list");
  g_assert_cmpstr (error->message, ==, "list[2]: bad");

  /* Nothing to prefix: no crash, nothing set. */
  zc_json_prefix_error (NULL, "x");
  g_clear_error (&error);
  zc_json_prefix_error (&error, "x");
  g_assert_null (error);
}

static void
test_copy_and_equal (void)
{
  g_autoptr(JsonNode) node = parse_ok ("{\"名\":\"值\",\"n\":1,\"d\":1.5,\"b\":false,\"z\":null,"
                                       "\"list\":[{\"k\":\"v\"},[1,2]],\"o\":{\"p\":\"q\"}}");
  g_autoptr(JsonNode) copy = zc_json_node_copy_deep (node);
  g_autoptr(JsonNode) reordered = parse_ok ("{\"n\":1,\"名\":\"值\",\"d\":1.5,\"b\":false,\"z\":null,"
                                            "\"o\":{\"p\":\"q\"},\"list\":[{\"k\":\"v\"},[1,2]]}");
  g_autoptr(JsonNode) one = parse_ok ("{\"a\":1}");
  g_autoptr(JsonNode) one_double = parse_ok ("{\"a\":1.0}");
  g_autoptr(JsonNode) swapped = parse_ok ("{\"list\":[[1,2],{\"k\":\"v\"}]}");
  g_autoptr(JsonNode) list = parse_ok ("{\"list\":[{\"k\":\"v\"},[1,2]]}");
  g_autoptr(JsonNode) null_node = json_node_init_null (json_node_alloc ());
  JsonObject *object_copy;

  g_assert_true (zc_json_node_equal (node, copy));
  g_assert_true (zc_json_node_equal (node, reordered));
  g_assert_false (zc_json_node_equal (one, one_double));
  g_assert_false (zc_json_node_equal (list, swapped));
  g_assert_false (zc_json_node_equal (node, one));
  g_assert_true (zc_json_node_equal (NULL, null_node));
  g_assert_true (zc_json_node_equal (NULL, NULL));
  g_assert_false (zc_json_node_equal (NULL, one));

  /* The copy shares nothing: not even the string values. */
  json_node_set_string (json_object_get_member (json_node_get_object (copy), "名"), "改");
  json_object_set_int_member (json_object_get_object_member (json_node_get_object (copy), "o"), "new", 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "名"), ==, "值");
  g_assert_false (json_object_has_member (json_object_get_object_member (json_node_get_object (node), "o"), "new"));
  g_assert_false (zc_json_node_equal (node, copy));

  object_copy = zc_json_object_copy_deep (json_node_get_object (node));
  g_assert_cmpuint (json_object_get_size (object_copy), ==, 7);
  json_object_unref (object_copy);
}

static void
test_to_string (void)
{
  g_autoptr(JsonNode) node = parse_ok ("{ \"姓名\" : \"李四\", \"n\" : [1, 2] , \"q\":\"a\\\"b\"}");
  g_autofree char *text = zc_json_to_string (node);

  g_assert_cmpstr (text, ==, "{\"姓名\":\"李四\",\"n\":[1,2],\"q\":\"a\\\"b\"}");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shared/json/parse/valid", test_parse_valid);
  g_test_add_func ("/shared/json/parse/values", test_parse_values);
  g_test_add_func ("/shared/json/parse/invalid", test_parse_invalid);
  g_test_add_func ("/shared/json/parse/depth", test_parse_depth);
  g_test_add_func ("/shared/json/get/string", test_get_string);
  g_test_add_func ("/shared/json/get/string-bad-utf8", test_get_string_bad_utf8);
  g_test_add_func ("/shared/json/get/int64", test_get_int64);
  g_test_add_func ("/shared/json/get/boolean", test_get_boolean);
  g_test_add_func ("/shared/json/get/object-array", test_get_object_array);
  g_test_add_func ("/shared/json/get/uuid", test_uuid);
  g_test_add_func ("/shared/json/get/timestamp", test_timestamp);
  g_test_add_func ("/shared/json/format-timestamp", test_format_timestamp);
  g_test_add_func ("/shared/json/check-members", test_check_members);
  g_test_add_func ("/shared/json/node-get-object-and-prefix", test_node_get_object_and_prefix);
  g_test_add_func ("/shared/json/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/shared/json/to-string", test_to_string);

  return g_test_run ();
}
