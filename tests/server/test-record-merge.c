/* test-record-merge.c: the field-level merge of an edit made on an old version
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-json.h"
#include "zc-record-merge.h"

static JsonObject *
object (const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static void
assert_object (JsonObject *actual,
               const char *expected_text)
{
  g_autoptr(JsonObject) expected = object (expected_text);
  g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), actual);
  g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (), expected);

  if (!zc_json_node_equal (a, b))
    {
      g_autofree char *text = zc_json_to_string (a);

      g_error ("merged %s, expected %s", text, expected_text);
    }
}

static const char *
string_of (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

typedef struct
{
  const char *current;
  const char *base;         /* NULL: unknown */
  gboolean    base_is_current;
  const char *changes;
  gboolean    full_body;
  const char *merged;
  gboolean    changed;
  const char *conflicts;    /* "field=client/server;…" */
} Case;

static const Case cases[] = {
  /* the base is the current version: every difference is applied */
  { "{\"a\": \"1\", \"b\": \"2\"}", NULL, TRUE, "{\"a\": \"9\"}", FALSE,
    "{\"a\": \"9\", \"b\": \"2\"}", TRUE, "" },
  { "{\"a\": \"1\", \"b\": \"2\"}", NULL, TRUE, "{\"a\": \"1\", \"c\": \"3\"}", TRUE,
    "{\"a\": \"1\", \"c\": \"3\"}", TRUE, "" },
  /* the same body is no change */
  { "{\"a\": \"1\"}", NULL, TRUE, "{\"a\": \"1\"}", TRUE, "{\"a\": \"1\"}", FALSE, "" },
  /* null and absent are both empty */
  { "{\"a\": \"1\"}", NULL, TRUE, "{\"a\": \"1\", \"b\": null}", TRUE, "{\"a\": \"1\"}", FALSE, "" },
  { "{\"a\": \"1\", \"b\": \"2\"}", NULL, TRUE, "{\"b\": null}", FALSE, "{\"a\": \"1\"}", TRUE, "" },
  /* different fields changed on both sides merge */
  { "{\"a\": \"server\", \"b\": \"2\"}", "{\"a\": \"1\", \"b\": \"2\"}", FALSE, "{\"b\": \"client\"}", FALSE,
    "{\"a\": \"server\", \"b\": \"client\"}", TRUE, "" },
  /* a whole body: only what differs from the base counts as the client's change */
  { "{\"a\": \"server\", \"b\": \"2\"}", "{\"a\": \"1\", \"b\": \"2\"}", FALSE, "{\"a\": \"1\", \"b\": \"client\"}", TRUE,
    "{\"a\": \"server\", \"b\": \"client\"}", TRUE, "" },
  /* the same field on both sides: the server keeps its value */
  { "{\"a\": \"server\"}", "{\"a\": \"1\"}", FALSE, "{\"a\": \"client\"}", FALSE,
    "{\"a\": \"server\"}", FALSE, "a=client/server" },
  /* both made the same change: no conflict */
  { "{\"a\": \"same\"}", "{\"a\": \"1\"}", FALSE, "{\"a\": \"same\"}", FALSE, "{\"a\": \"same\"}", FALSE, "" },
  /* a field the server emptied and the client changed */
  { "{}", "{\"a\": \"1\"}", FALSE, "{\"a\": \"client\"}", FALSE, "{}", FALSE, "a=client/" },
  /* a field the client emptied and the server changed */
  { "{\"a\": \"server\"}", "{\"a\": \"1\"}", FALSE, "{}", TRUE, "{\"a\": \"server\"}", FALSE, "a=/server" },
  /* unknown base: every difference is a conflict, equal values are not */
  { "{\"a\": \"1\", \"b\": \"2\"}", NULL, FALSE, "{\"a\": \"1\", \"b\": \"3\"}", FALSE,
    "{\"a\": \"1\", \"b\": \"2\"}", FALSE, "b=3/2" },
  /* a mix: one merged, one conflict */
  { "{\"a\": \"s\", \"b\": \"2\", \"c\": \"3\"}", "{\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}", FALSE,
    "{\"a\": \"x\", \"c\": \"y\"}", FALSE, "{\"a\": \"s\", \"b\": \"2\", \"c\": \"y\"}", TRUE, "a=x/s" },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(JsonObject) current = object (c->current);
      g_autoptr(JsonObject) base = c->base != NULL ? object (c->base) : NULL;
      g_autoptr(JsonObject) changes = object (c->changes);
      g_autoptr(JsonObject) merged = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GString) found = g_string_new (NULL);
      ZcMergeInput input = { current, base, c->base_is_current, changes, c->full_body };
      gboolean changed = !c->changed;

      g_test_message ("case %u", i);
      merged = zc_record_merge (&input, &conflicts, &changed);
      assert_object (merged, c->merged);
      g_assert_cmpint (changed, ==, c->changed);
      for (guint j = 0; j < conflicts->len; j++)
        {
          ZcMergeConflict *conflict = g_ptr_array_index (conflicts, j);
          const char *client = string_of (conflict->client_value);
          const char *server = string_of (conflict->server_value);

          g_string_append_printf (found, "%s%s=%s/%s", j > 0 ? ";" : "", conflict->field,
                                  client != NULL ? client : "", server != NULL ? server : "");
        }
      g_assert_cmpstr (found->str, ==, c->conflicts);

      /* the inputs are left alone */
      assert_object (current, c->current);
      assert_object (changes, c->changes);
    }
}

static void
test_values_equal (void)
{
  g_autoptr(JsonNode) null = json_node_init_null (json_node_alloc ());
  g_autoptr(JsonNode) empty = json_node_init_string (json_node_alloc (), "");
  g_autoptr(JsonNode) zero = json_node_init_int (json_node_alloc (), 0);
  g_autoptr(JsonNode) false_value = json_node_init_boolean (json_node_alloc (), FALSE);
  g_autoptr(JsonNode) text = json_node_init_string (json_node_alloc (), "文本");
  g_autoptr(JsonNode) same = json_node_init_string (json_node_alloc (), "文本");

  g_assert_true (zc_record_values_equal (NULL, NULL));
  g_assert_true (zc_record_values_equal (NULL, null));
  g_assert_true (zc_record_values_equal (text, same));
  /* "", 0 and false are values, not emptiness */
  g_assert_false (zc_record_values_equal (NULL, empty));
  g_assert_false (zc_record_values_equal (null, zero));
  g_assert_false (zc_record_values_equal (false_value, null));
  g_assert_false (zc_record_values_equal (zero, false_value));
  g_assert_false (zc_record_values_equal (text, empty));
}

/* Nested values (attachments, title picks) compare as wholes. */
static void
test_nested (void)
{
  g_autoptr(JsonObject) current = object ("{\"files\": [{\"sha256\": \"a\"}], \"pick\": {\"series\": \"04\"}}");
  g_autoptr(JsonObject) changes = object ("{\"files\": [{\"sha256\": \"a\"}, {\"sha256\": \"b\"}],"
                                          " \"pick\": {\"series\": \"04\"}}");
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  ZcMergeInput input = { current, NULL, TRUE, changes, TRUE };
  gboolean changed = FALSE;

  merged = zc_record_merge (&input, &conflicts, &changed);
  g_assert_true (changed);
  g_assert_cmpuint (conflicts->len, ==, 0);
  assert_object (merged, "{\"files\": [{\"sha256\": \"a\"}, {\"sha256\": \"b\"}], \"pick\": {\"series\": \"04\"}}");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/record-merge/cases", test_cases);
  g_test_add_func ("/server/record-merge/values-equal", test_values_equal);
  g_test_add_func ("/server/record-merge/nested", test_nested);

  return g_test_run ();
}
