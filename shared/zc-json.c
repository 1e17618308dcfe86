/* zc-json.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-json"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "zc-json-private.h"
#include "zc-json-scan.h"

/* Reading JSON from outside: zc_json_parse() (strict, by way of
 * zc-json-scan.c), then accessors that check each member's type before
 * reading it, because json-glib 1.6's own getters log criticals
 * instead; and the path-first error messages of ZC_JSON_ERROR that
 * every codec in shared/ reports in. */

G_DEFINE_QUARK (zc-json-error-quark, zc_json_error)

#define MAX_KEY_IN_MESSAGE 64   /* bytes of a member name quoted in an error */

/* A member name as it may appear in a message: control characters
 * hidden, long names cut at a character boundary. */
void
zc_json_append_member_name (GString    *out,
                            const char *name)
{
  const char *p = name;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);

      if ((gsize) (p - name) >= MAX_KEY_IN_MESSAGE)
        {
          g_string_append (out, "…");
          break;
        }
      if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_c (out, '?');
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
}

static char *
member_label (const char *name)
{
  GString *out = g_string_new (NULL);

  zc_json_append_member_name (out, name);
  return g_string_free (out, FALSE);
}

/* A node of @node_type (and @type, for values) as messages name it. */
static const char *
describe_type (JsonNodeType node_type,
               GType        type)
{
  switch (node_type)
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      if (type == G_TYPE_INT64)
        return "an integer";
      if (type == G_TYPE_DOUBLE)
        return "a number with a fraction or an exponent";
      if (type == G_TYPE_BOOLEAN)
        return "a boolean";
      if (type == G_TYPE_STRING)
        return "a string";
      return "a value";
    default:
      return "an unknown node";
    }
}

static const char *
describe_node (JsonNode *node)
{
  return describe_type (json_node_get_node_type (node),
                        JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID);
}

/**
 * zc_json_parse:
 * @data: the text, not necessarily nul-terminated
 * @length: its length in bytes
 * @max_depth: how deeply objects and arrays may nest (the root object is
 *   level 1); at most %ZC_JSON_DEPTH_LIMIT
 * @out: (out) (transfer full): the root node, always an object
 *
 * Parses strict RFC 8259 JSON: UTF-8 only, no comments, no duplicate
 * members, no \u0000, no integers beyond 64 bits, no infinite numbers.
 * Use this, not json-glib's parser, for every document from outside.
 */
gboolean
zc_json_parse (const char  *data,
               gsize        length,
               gsize        max_depth,
               JsonNode   **out,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (max_depth >= 1 && max_depth <= ZC_JSON_DEPTH_LIMIT, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > G_MAXSSIZE)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE, "$: document too large");
      return FALSE;
    }

  if (!zc_json_scan (data, length, max_depth, error))
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* Not expected after the strict scan; kept as a safety net. */
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID, "$: %s", local_error->message);
      return FALSE;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_WRONG_TYPE,
                   "$: expected an object, found %s",
                   root != NULL ? describe_node (root) : "nothing");
      return FALSE;
    }

  *out = g_steal_pointer (&root);
  return TRUE;
}

/**
 * zc_json_to_string:
 *
 * Returns: (transfer full): compact JSON text, in UTF-8
 */
char *
zc_json_to_string (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return json_to_string (node, FALSE);
}

/**
 * zc_json_prefix_error:
 * @format: the path of the value the error was found in, such as "mutations[3]"
 *
 * Puts a path in front of the path an error message starts with, so
 * "base_version: …" becomes "mutations[3].base_version: …" and
 * "$: expected an object …" becomes "mutations[3]: expected an object …".
 * Does nothing when @error is NULL or unset.
 */
void
zc_json_prefix_error (GError     **error,
                      const char  *format,
                      ...)
{
  g_autofree char *prefix = NULL;
  char *message;
  va_list args;

  if (error == NULL || *error == NULL)
    return;

  va_start (args, format);
  prefix = g_strdup_vprintf (format, args);
  va_end (args);

  message = (*error)->message;
  if (message[0] == '$')
    (*error)->message = g_strconcat (prefix, message + 1, NULL);
  else if (message[0] == '[')
    (*error)->message = g_strconcat (prefix, message, NULL);
  else
    (*error)->message = g_strconcat (prefix, ".", message, NULL);
  g_free (message);
}

static gboolean
set_wrong_type (const char  *name,
                const char  *expected,
                JsonNode    *node,
                GError     **error)
{
  g_autofree char *label = member_label (name);

  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_WRONG_TYPE,
               "%s: expected %s, found %s", label, expected, describe_node (node));
  return FALSE;
}

/* Finds @name and checks it is of @node_type (and @value_type, for
 * values); *out is NULL when it is absent or null and that is allowed. */
static gboolean
lookup (JsonObject    *object,
        const char    *name,
        gboolean       required,
        JsonNodeType   node_type,
        GType          value_type,
        JsonNode     **out,
        GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *expected = describe_type (node_type, value_type);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      if (node != NULL)
        return set_wrong_type (name, expected, node, error);
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_MISSING,
                   "%s: required member is missing", name);
      return FALSE;
    }

  if (json_node_get_node_type (node) != node_type ||
      (node_type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type))
    return set_wrong_type (name, expected, node, error);

  *out = node;
  return TRUE;
}

/**
 * zc_json_get_string:
 * @required: when FALSE, an absent or null member gives NULL
 * @out: (out) (transfer none): the string, owned by @object
 */
gboolean
zc_json_get_string (JsonObject   *object,
                    const char   *name,
                    gboolean      required,
                    const char  **out,
                    GError      **error)
{
  JsonNode *node;
  const char *value;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!lookup (object, name, required, JSON_NODE_VALUE, G_TYPE_STRING, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  /* Nodes not made by zc_json_parse() may carry any bytes. */
  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID, "%s: not valid UTF-8", name);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/**
 * zc_json_get_int64:
 * @required: when FALSE, an absent or null member leaves @out untouched
 * @min: the smallest allowed value
 * @max: the largest allowed value
 *
 * Only integers written without a fraction or an exponent are integers:
 * json-glib reads `1.0` and `1e2` as doubles, and they are refused as
 * %ZC_JSON_ERROR_WRONG_TYPE rather than rounded.
 */
gboolean
zc_json_get_int64 (JsonObject  *object,
                   const char  *name,
                   gboolean     required,
                   gint64       min,
                   gint64       max,
                   gint64      *out,
                   GError     **error)
{
  JsonNode *node;
  gint64 value;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (min <= max, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup (object, name, required, JSON_NODE_VALUE, G_TYPE_INT64, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      if (max == G_MAXINT64)
        g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                     "%s: must be at least %" G_GINT64_FORMAT ", found %" G_GINT64_FORMAT,
                     name, min, value);
      else
        g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                     "%s: must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT
                     ", found %" G_GINT64_FORMAT, name, min, max, value);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/**
 * zc_json_get_boolean:
 * @required: when FALSE, an absent or null member leaves @out untouched
 */
gboolean
zc_json_get_boolean (JsonObject  *object,
                     const char  *name,
                     gboolean     required,
                     gboolean    *out,
                     GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!lookup (object, name, required, JSON_NODE_VALUE, G_TYPE_BOOLEAN, &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

/**
 * zc_json_get_object:
 * @out: (out) (transfer none): the object, or NULL when absent/null and
 *   not @required
 */
gboolean
zc_json_get_object (JsonObject   *object,
                    const char   *name,
                    gboolean      required,
                    JsonObject  **out,
                    GError      **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!lookup (object, name, required, JSON_NODE_OBJECT, G_TYPE_INVALID, &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_object (node);
  return TRUE;
}

/**
 * zc_json_get_array:
 * @out: (out) (transfer none): the array, or NULL when absent/null and
 *   not @required
 */
gboolean
zc_json_get_array (JsonObject  *object,
                   const char  *name,
                   gboolean     required,
                   JsonArray  **out,
                   GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!lookup (object, name, required, JSON_NODE_ARRAY, G_TYPE_INVALID, &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_array (node);
  return TRUE;
}

/**
 * zc_json_is_uuid:
 *
 * Returns: whether @string is a UUID in RFC 4122 text form, lowercase
 *   (the form g_uuid_string_random() makes), so that one record has
 *   exactly one spelling of its id
 */
gboolean
zc_json_is_uuid (const char *string)
{
  if (string == NULL || strlen (string) != 36)
    return FALSE;

  for (guint i = 0; i < 36; i++)
    {
      char c = string[i];

      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (c != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (c) && !(c >= 'a' && c <= 'f'))
        return FALSE;
    }

  return TRUE;
}

/**
 * zc_json_get_uuid:
 * @out: (out) (transfer none): the UUID, or NULL when absent/null and
 *   not @required
 */
gboolean
zc_json_get_uuid (JsonObject   *object,
                  const char   *name,
                  gboolean      required,
                  const char  **out,
                  GError      **error)
{
  const char *value;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!zc_json_get_string (object, name, required, &value, error))
    return FALSE;

  if (value != NULL && !zc_json_is_uuid (value))
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID,
                   "%s: expected a lowercase UUID (8-4-4-4-12 hex digits)", name);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
digits_at (const char *text,
           gsize       offset,
           gsize       count)
{
  for (gsize i = 0; i < count; i++)
    if (!g_ascii_isdigit (text[offset + i]))
      return FALSE;

  return TRUE;
}

/* The RFC 3339 profile of ISO 8601: 2026-03-01T08:30:00[.123456](Z|+08:00).
 * GLib's parser also takes week dates, ordinal dates and the basic
 * format, which would give one instant many spellings. */
static gboolean
timestamp_format_is_valid (const char *text)
{
  gsize length = strlen (text);
  gsize pos = 19;

  if (length < 20 ||
      !digits_at (text, 0, 4) || text[4] != '-' || !digits_at (text, 5, 2) || text[7] != '-' ||
      !digits_at (text, 8, 2) || text[10] != 'T' || !digits_at (text, 11, 2) || text[13] != ':' ||
      !digits_at (text, 14, 2) || text[16] != ':' || !digits_at (text, 17, 2))
    return FALSE;

  if (text[pos] == '.')
    {
      gsize digits = 0;

      pos++;
      while (g_ascii_isdigit (text[pos]))
        {
          pos++;
          digits++;
        }
      if (digits < 1 || digits > 9)
        return FALSE;
    }

  if (text[pos] == 'Z')
    return text[pos + 1] == '\0';

  return (text[pos] == '+' || text[pos] == '-') &&
         length - pos == 6 &&
         digits_at (text, pos + 1, 2) && text[pos + 3] == ':' && digits_at (text, pos + 4, 2);
}

/**
 * zc_json_get_timestamp:
 * @out: (out) (transfer full): the instant in UTC, or NULL when
 *   absent/null and not @required
 *
 * Reads an RFC 3339 timestamp, which must name its zone (Z or ±hh:mm).
 */
gboolean
zc_json_get_timestamp (JsonObject  *object,
                       const char  *name,
                       gboolean     required,
                       GDateTime  **out,
                       GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *value;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!zc_json_get_string (object, name, required, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  if (timestamp_format_is_valid (value))
    parsed = g_date_time_new_from_iso8601 (value, NULL);

  if (parsed == NULL)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID,
                   "%s: expected a timestamp with a zone, such as 2026-03-01T08:30:00Z", name);
      return FALSE;
    }

  *out = g_date_time_to_utc (parsed);
  return TRUE;
}

/**
 * zc_json_format_timestamp:
 *
 * Returns: (transfer full): @timestamp in UTC as RFC 3339, with
 *   microseconds only when there are any
 */
char *
zc_json_format_timestamp (GDateTime *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *fraction = NULL;

  g_return_val_if_fail (timestamp != NULL, NULL);

  utc = g_date_time_to_utc (timestamp);
  if (g_date_time_get_microsecond (utc) != 0)
    fraction = g_strdup_printf (".%06d", g_date_time_get_microsecond (utc));

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc),
                          fraction != NULL ? fraction : "");
}

/**
 * zc_json_check_members:
 * @allowed: a %NULL-terminated list of member names
 *
 * Refuses an object with a member not in @allowed, so that a misspelt
 * member is an error instead of a silently ignored value.
 */
gboolean
zc_json_check_members (JsonObject          *object,
                       const char * const  *allowed,
                       GError             **error)
{
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (allowed != NULL, FALSE);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      if (!g_strv_contains (allowed, name))
        {
          g_autofree char *label = member_label (name);

          g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_UNKNOWN_MEMBER,
                       "%s: unknown member", label);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * zc_json_node_get_object:
 * @out: (out) (transfer none): the object @node holds
 *
 * The type check a from_json() function starts with; the message names
 * the node as `$`, which zc_json_prefix_error() turns into its path.
 */
gboolean
zc_json_node_get_object (JsonNode     *node,
                         JsonObject  **out,
                         GError      **error)
{
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_WRONG_TYPE,
                   "$: expected an object, found %s", describe_node (node));
      return FALSE;
    }

  *out = json_node_get_object (node);
  return TRUE;
}

/**
 * zc_json_object_copy_deep:
 *
 * Returns: (transfer full): a copy sharing nothing with @object
 *   (json_node_copy() shares containers and even values)
 */
JsonObject *
zc_json_object_copy_deep (JsonObject *object)
{
  JsonObject *copy;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (object != NULL, NULL);

  copy = json_object_new ();
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, zc_json_node_copy_deep (member));

  return copy;
}

/**
 * zc_json_node_copy_deep:
 *
 * Returns: (transfer full): a copy sharing nothing with @node
 */
JsonNode *
zc_json_node_copy_deep (JsonNode *node)
{
  JsonNode *copy;
  JsonArray *array;
  GType type;

  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_init_object (json_node_alloc (), NULL);
      json_node_take_object (copy, zc_json_object_copy_deep (json_node_get_object (node)));
      return copy;
    case JSON_NODE_ARRAY:
      array = json_node_get_array (node);
      copy = json_node_init_array (json_node_alloc (), NULL);
      json_node_take_array (copy, json_array_sized_new (json_array_get_length (array)));
      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (json_node_get_array (copy),
                                zc_json_node_copy_deep (json_array_get_element (array, i)));
      return copy;
    case JSON_NODE_VALUE:
      type = json_node_get_value_type (node);
      if (type == G_TYPE_INT64)
        return json_node_init_int (json_node_alloc (), json_node_get_int (node));
      if (type == G_TYPE_DOUBLE)
        return json_node_init_double (json_node_alloc (), json_node_get_double (node));
      if (type == G_TYPE_BOOLEAN)
        return json_node_init_boolean (json_node_alloc (), json_node_get_boolean (node));
      if (type == G_TYPE_STRING)
        return json_node_init_string (json_node_alloc (), json_node_get_string (node));
      return json_node_copy (node);
    case JSON_NODE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/* Whether two objects hold the same members with equal values
 * (zc_json_node_equal()). */
gboolean
zc_json_object_equal (JsonObject *a,
                      JsonObject *b)
{
  g_autoptr(JsonNode) node_a = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) node_b = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  json_node_set_object (node_a, a);
  json_node_set_object (node_b, b);
  return zc_json_node_equal (node_a, node_b);
}

/**
 * zc_json_node_equal:
 * @a: (nullable): a node; %NULL counts as JSON null
 * @b: (nullable): a node; %NULL counts as JSON null
 *
 * Strict structural equality: 1 and 1.0 differ, member order does not
 * matter.
 */
gboolean
zc_json_node_equal (JsonNode *a,
                    JsonNode *b)
{
  JsonNodeType type_a = a != NULL ? json_node_get_node_type (a) : JSON_NODE_NULL;
  JsonNodeType type_b = b != NULL ? json_node_get_node_type (b) : JSON_NODE_NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonObject *object_b;
  JsonArray *array_a, *array_b;
  GType value_type;

  if (type_a != type_b)
    return FALSE;

  switch (type_a)
    {
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_OBJECT:
      object_b = json_node_get_object (b);
      if (json_object_get_size (json_node_get_object (a)) != json_object_get_size (object_b))
        return FALSE;
      json_object_iter_init_ordered (&iter, json_node_get_object (a));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          JsonNode *other = json_object_get_member (object_b, name);

          if (other == NULL || !zc_json_node_equal (member, other))
            return FALSE;
        }
      return TRUE;
    case JSON_NODE_ARRAY:
      array_a = json_node_get_array (a);
      array_b = json_node_get_array (b);
      if (json_array_get_length (array_a) != json_array_get_length (array_b))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array_a); i++)
        if (!zc_json_node_equal (json_array_get_element (array_a, i),
                                 json_array_get_element (array_b, i)))
          return FALSE;
      return TRUE;
    case JSON_NODE_VALUE:
      value_type = json_node_get_value_type (a);
      if (value_type != json_node_get_value_type (b))
        return FALSE;
      if (value_type == G_TYPE_INT64)
        return json_node_get_int (a) == json_node_get_int (b);
      if (value_type == G_TYPE_DOUBLE)
        return json_node_get_double (a) == json_node_get_double (b);
      if (value_type == G_TYPE_BOOLEAN)
        return !json_node_get_boolean (a) == !json_node_get_boolean (b);
      if (value_type == G_TYPE_STRING)
        return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
      return json_node_equal (a, b);
    default:
      return FALSE;
    }
}

/* Lenient readers (zc-json.h) */

static JsonNode *
member_node (JsonObject *object,
             const char *name)
{
  return object != NULL && name != NULL ? json_object_get_member (object, name) : NULL;
}

const char *
zc_json_member_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = member_node (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
zc_json_member_object (JsonObject *object,
                       const char *name)
{
  JsonNode *node = member_node (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
zc_json_member_array (JsonObject *object,
                      const char *name)
{
  JsonNode *node = member_node (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gint64
zc_json_member_int (JsonObject *object,
                    const char *name,
                    gint64      fallback)
{
  JsonNode *node = member_node (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}
