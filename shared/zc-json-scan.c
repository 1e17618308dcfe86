/* zc-json-scan.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-json"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "zc-json-private.h"
#include "zc-json-scan.h"

/* The strict RFC 8259 scan every document from outside goes through
 * before json-glib 1.6 parses it (zc_json_parse()): json-glib takes
 * comments, single quotes, hex and leading-zero numbers, wraps integers
 * beyond 64 bits, truncates strings at \u0000 and keeps the last of two
 * members with the same name.  The scan also bounds the nesting before
 * json-glib's recursive parser sees it, and names the path and byte of
 * the first fault. */

#define MAX_NUMBER_LENGTH  512  /* longer number tokens are refused */

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
          zc_json_append_member_name (path, frame->key);
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

/**
 * zc_json_scan:
 * @data: the text, not necessarily nul-terminated
 * @length: its length in bytes
 * @max_depth: how deeply objects and arrays may nest (the root is
 *   level 1); at most %ZC_JSON_DEPTH_LIMIT, as the scan recurses
 *
 * Checks that @data is one strict JSON value: UTF-8 only, no comments,
 * no duplicate members, no \u0000, no integers beyond 64 bits, no
 * infinite numbers.  The error message starts with the path of the
 * value at fault and ends with its byte offset.
 *
 * Returns: %TRUE when @data passes, %FALSE with @error set in
 *   %ZC_JSON_ERROR
 */
gboolean
zc_json_scan (const char  *data,
              gsize        length,
              gsize        max_depth,
              GError     **error)
{
  Scanner s = { (const guchar *) data, length, 0, max_depth, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (max_depth >= 1 && max_depth <= ZC_JSON_DEPTH_LIMIT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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
  return ok;
}
