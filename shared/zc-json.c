/* zc-json.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-json"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "zc-json.h"

/* json-glib 1.6 is a lenient parser: it takes comments, single quotes,
 * hex and leading-zero numbers, silently wraps integers beyond 64 bits
 * (18446744073709551617 reads as 1), truncates strings at \u0000 and
 * keeps the last of two members with the same name.  Every document
 * from the network therefore goes through a strict RFC 8259 scan first,
 * which also bounds the nesting before json-glib's recursive parser
 * sees it.  The accessors below then check each member's type before
 * reading it, because json-glib's own getters log criticals instead. */

G_DEFINE_QUARK (zc-json-error-quark, zc_json_error)

#define MAX_KEY_IN_MESSAGE 64   /* bytes of a member name quoted in an error */
#define MAX_NUMBER_LENGTH  512  /* longer number tokens are refused */

/* A member name as it may appear in a message: control characters
 * hidden, long names cut at a character boundary. */
static void
append_member_name (GString    *out,
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

  append_member_name (out, name);
  return g_string_free (out, FALSE);
}

/* ---- strict scan ------------------------------------------------------ */

typedef struct
{
  gboolean    array;
  guint       index;  /* the element being read (arrays) */
  const char *key;    /* the member being read (objects); owned by keys */
  GHashTable *keys;   /* owned: member names seen so far (objects) */
} Frame;

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
  gsize         max_depth;
  GArray       *frames;   /* of Frame, the open containers */
  GString      *scratch;  /* the decoded text of the last member name */
} Scanner;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

static char *
scanner_path (Scanner *s)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < s->frames->len; i++)
    {
      Frame *frame = &g_array_index (s->frames, Frame, i);

      if (frame->array)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          append_member_name (path, frame->key);
        }
    }

  if (path->len == 0)
    g_string_append_c (path, '$');

  return g_string_free (path, FALSE);
}

static gboolean scanner_fail (Scanner     *s,
                              ZcJsonError  code,
                              GError     **error,
                              const char  *format,
                              ...) G_GNUC_PRINTF (4, 5);

static gboolean
scanner_fail (Scanner     *s,
              ZcJsonError  code,
              GError     **error,
              const char  *format,
              ...)
{
  g_autofree char *path = scanner_path (s);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ZC_JSON_ERROR, code, "%s: %s (at byte %" G_GSIZE_FORMAT ")",
               path, message, s->pos);
  return FALSE;
}

static void
skip_whitespace (Scanner *s)
{
  while (s->pos < s->length)
    {
      guchar c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static gboolean
fail_unexpected (Scanner     *s,
                 const char  *expected,
                 GError     **error)
{
  guchar c;

  if (s->pos >= s->length)
    return scanner_fail (s, ZC_JSON_ERROR_INVALID, error,
                         "unexpected end of document, expected %s", expected);

  c = s->data[s->pos];
  if (c >= 0x21 && c < 0x7f)
    return scanner_fail (s, ZC_JSON_ERROR_INVALID, error,
                         "unexpected character '%c', expected %s", c, expected);

  return scanner_fail (s, ZC_JSON_ERROR_INVALID, error,
                       "unexpected byte 0x%02x, expected %s", c, expected);
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u"; s->pos points at the 'u'. */
static gboolean
scan_code_unit (Scanner  *s,
                guint    *unit,
                GError  **error)
{
  guint value = 0;

  if (s->length - s->pos < 5)
    return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "truncated \\u escape");

  for (guint i = 1; i <= 4; i++)
    {
      int digit = hex_value (s->data[s->pos + i]);

      if (digit < 0)
        return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "bad \\u escape");
      value = value * 16 + (guint) digit;
    }

  s->pos += 5;
  *unit = value;
  return TRUE;
}

/* Reads a string; s->pos points at the opening quote.  The decoded
 * text goes to @out when it is not NULL (member names). */
static gboolean
scan_string (Scanner  *s,
             GString  *out,
             GError  **error)
{
  if (out != NULL)
    g_string_truncate (out, 0);

  s->pos++;
  for (;;)
    {
      guchar c;

      if (s->pos >= s->length)
        return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "unterminated string");

      c = s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      else if (c == '\\')
        {
          guint unit;
          gunichar ch;

          if (++s->pos >= s->length)
            return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "unterminated string");

          switch (s->data[s->pos])
            {
            case '"':  ch = '"';  break;
            case '\\': ch = '\\'; break;
            case '/':  ch = '/';  break;
            case 'b':  ch = '\b'; break;
            case 'f':  ch = '\f'; break;
            case 'n':  ch = '\n'; break;
            case 'r':  ch = '\r'; break;
            case 't':  ch = '\t'; break;
            case 'u':
              if (!scan_code_unit (s, &unit, error))
                return FALSE;
              if (unit == 0)
                return scanner_fail (s, ZC_JSON_ERROR_INVALID, error,
                                     "\\u0000 is not allowed in a string");
              if (unit >= 0xdc00 && unit <= 0xdfff)
                return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "unpaired surrogate");
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  guint low;

                  if (s->length - s->pos < 2 || s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
                    return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "unpaired surrogate");
                  s->pos++;
                  if (!scan_code_unit (s, &low, error))
                    return FALSE;
                  if (low < 0xdc00 || low > 0xdfff)
                    return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "unpaired surrogate");
                  unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                }
              if (out != NULL)
                g_string_append_unichar (out, unit);
              continue;
            default:
              return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "bad escape in string");
            }

          if (out != NULL)
            g_string_append_c (out, (char) ch);
          s->pos++;
        }
      else if (c < 0x20)
        {
          return scanner_fail (s, ZC_JSON_ERROR_INVALID, error,
                               "unescaped control character in string");
        }
      else if (c < 0x80)
        {
          if (out != NULL)
            g_string_append_c (out, (char) c);
          s->pos++;
        }
      else
        {
          gsize n = (gsize) g_utf8_skip[c];

          if (n > s->length - s->pos ||
              !g_utf8_validate_len ((const char *) s->data + s->pos, n, NULL))
            return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "invalid UTF-8 in string");
          if (out != NULL)
            g_string_append_len (out, (const char *) s->data + s->pos, (gssize) n);
          s->pos += n;
        }
    }
}

static gsize
skip_digits (Scanner *s)
{
  gsize start = s->pos;

  while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;

  return s->pos - start;
}

static gboolean
scan_number (Scanner  *s,
             GError  **error)
{
  gsize start = s->pos;
  gboolean integer = TRUE;
  g_autofree char *token = NULL;

  if (s->data[s->pos] == '-')
    s->pos++;

  if (s->pos < s->length && s->data[s->pos] == '0')
    s->pos++;
  else if (skip_digits (s) == 0)
    return fail_unexpected (s, "a digit", error);

  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      integer = FALSE;
      s->pos++;
      if (skip_digits (s) == 0)
        return fail_unexpected (s, "a digit", error);
    }

  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      integer = FALSE;
      s->pos++;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (skip_digits (s) == 0)
        return fail_unexpected (s, "a digit", error);
    }

  if (s->pos - start > MAX_NUMBER_LENGTH)
    return scanner_fail (s, ZC_JSON_ERROR_OUT_OF_RANGE, error, "number too long");

  token = g_strndup ((const char *) s->data + start, s->pos - start);
  if (integer)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return scanner_fail (s, ZC_JSON_ERROR_OUT_OF_RANGE, error,
                             "integer does not fit in 64 bits");
    }
  else if (isinf (g_ascii_strtod (token, NULL)))
    {
      return scanner_fail (s, ZC_JSON_ERROR_OUT_OF_RANGE, error, "number out of range");
    }

  return TRUE;
}

static gboolean
scan_literal (Scanner     *s,
              const char  *word,
              GError     **error)
{
  gsize n = strlen (word);

  if (s->length - s->pos < n || memcmp (s->data + s->pos, word, n) != 0)
    return fail_unexpected (s, "a value", error);

  s->pos += n;
  return TRUE;
}

static gboolean scan_value (Scanner  *s,
                            gsize     depth,
                            GError  **error);

static Frame *
push_frame (Scanner  *s,
            gboolean  array)
{
  Frame frame = { array, 0, NULL, NULL };

  g_array_append_val (s->frames, frame);
  return &g_array_index (s->frames, Frame, s->frames->len - 1);
}

static void
pop_frame (Scanner *s)
{
  g_array_set_size (s->frames, s->frames->len - 1);
}

static gboolean
scan_object (Scanner  *s,
             gsize     depth,
             GError  **error)
{
  guint level = s->frames->len;
  Frame *frame;

  s->pos++;
  push_frame (s, FALSE);

  skip_whitespace (s);
  if (s->pos < s->length && s->data[s->pos] == '}')
    {
      s->pos++;
      pop_frame (s);
      return TRUE;
    }

  for (;;)
    {
      char *key;

      /* Re-fetched each time: nested frames may move the array. */
      frame = &g_array_index (s->frames, Frame, level);
      frame->key = NULL;

      skip_whitespace (s);
      if (s->pos >= s->length || s->data[s->pos] != '"')
        return fail_unexpected (s, "a member name", error);
      if (!scan_string (s, s->scratch, error))
        return FALSE;

      if (frame->keys == NULL)
        frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (g_hash_table_contains (frame->keys, s->scratch->str))
        {
          frame->key = s->scratch->str;
          return scanner_fail (s, ZC_JSON_ERROR_INVALID, error, "duplicate member");
        }
      key = g_strndup (s->scratch->str, s->scratch->len);
      g_hash_table_add (frame->keys, key);
      frame->key = key;

      skip_whitespace (s);
      if (s->pos >= s->length || s->data[s->pos] != ':')
        return fail_unexpected (s, "':'", error);
      s->pos++;

      if (!scan_value (s, depth, error))
        return FALSE;

      skip_whitespace (s);
      if (s->pos < s->length && s->data[s->pos] == ',')
        {
          s->pos++;
          continue;
        }
      if (s->pos < s->length && s->data[s->pos] == '}')
        {
          s->pos++;
          pop_frame (s);
          return TRUE;
        }
      return fail_unexpected (s, "',' or '}'", error);
    }
}

static gboolean
scan_array (Scanner  *s,
            gsize     depth,
            GError  **error)
{
  guint level = s->frames->len;

  s->pos++;
  push_frame (s, TRUE);

  skip_whitespace (s);
  if (s->pos < s->length && s->data[s->pos] == ']')
    {
      s->pos++;
      pop_frame (s);
      return TRUE;
    }

  for (;;)
    {
      if (!scan_value (s, depth, error))
        return FALSE;

      skip_whitespace (s);
      if (s->pos < s->length && s->data[s->pos] == ',')
        {
          s->pos++;
          g_array_index (s->frames, Frame, level).index++;
          continue;
        }
      if (s->pos < s->length && s->data[s->pos] == ']')
        {
          s->pos++;
          pop_frame (s);
          return TRUE;
        }
      return fail_unexpected (s, "',' or ']'", error);
    }
}

static gboolean
scan_value (Scanner  *s,
            gsize     depth,
            GError  **error)
{
  skip_whitespace (s);
  if (s->pos >= s->length)
    return fail_unexpected (s, "a value", error);

  switch (s->data[s->pos])
    {
    case '{':
    case '[':
      if (depth + 1 > s->max_depth)
        return scanner_fail (s, ZC_JSON_ERROR_OUT_OF_RANGE, error,
                             "nested deeper than %" G_GSIZE_FORMAT " levels", s->max_depth);
      if (s->data[s->pos] == '{')
        return scan_object (s, depth + 1, error);
      return scan_array (s, depth + 1, error);
    case '"':
      return scan_string (s, NULL, error);
    case 't':
      return scan_literal (s, "true", error);
    case 'f':
      return scan_literal (s, "false", error);
    case 'n':
      return scan_literal (s, "null", error);
    default:
      if (s->data[s->pos] == '-' || g_ascii_isdigit (s->data[s->pos]))
        return scan_number (s, error);
      return fail_unexpected (s, "a value", error);
    }
}

static const char *
describe_node (JsonNode *node)
{
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      type = json_node_get_value_type (node);
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
  Scanner s = { (const guchar *) data, length, 0, max_depth, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (max_depth >= 1 && max_depth <= ZC_JSON_DEPTH_LIMIT, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > G_MAXSSIZE)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE, "$: document too large");
      return FALSE;
    }

  s.frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (s.frames, frame_clear);
  s.scratch = g_string_new (NULL);

  skip_whitespace (&s);
  if (s.pos >= s.length)
    ok = scanner_fail (&s, ZC_JSON_ERROR_INVALID, error, "empty document");
  else if ((ok = scan_value (&s, 0, error)))
    {
      skip_whitespace (&s);
      if (s.pos < s.length)
        ok = fail_unexpected (&s, "the end of the document", error);
    }

  g_array_unref (s.frames);
  g_string_free (s.scratch, TRUE);
  if (!ok)
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

/* Finds @name; *out is NULL when it is absent or null and that is allowed. */
static gboolean
lookup (JsonObject  *object,
        const char  *name,
        gboolean     required,
        const char  *expected,
        JsonNode   **out,
        GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      *out = node;
      return TRUE;
    }

  if (!required)
    return TRUE;

  if (node != NULL)
    return set_wrong_type (name, expected, node, error);

  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_MISSING,
               "%s: required member is missing", name);
  return FALSE;
}

static gboolean
holds_value_type (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
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
  if (!lookup (object, name, required, "a string", &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds_value_type (node, G_TYPE_STRING))
    return set_wrong_type (name, "a string", node, error);

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

  if (!lookup (object, name, required, "an integer", &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds_value_type (node, G_TYPE_INT64))
    return set_wrong_type (name, "an integer", node, error);

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

  if (!lookup (object, name, required, "a boolean", &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds_value_type (node, G_TYPE_BOOLEAN))
    return set_wrong_type (name, "a boolean", node, error);

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
  if (!lookup (object, name, required, "an object", &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_wrong_type (name, "an object", node, error);

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
  if (!lookup (object, name, required, "an array", &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return set_wrong_type (name, "an array", node, error);

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
