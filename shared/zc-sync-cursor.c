/* zc-sync-cursor.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync-cursor"

#include "config.h"

#include <string.h>

#include "zc-sync-cursor.h"
#include "zc-sync-message-private.h"

/* ZcSyncCursor and its encoding as the opaque token of pull requests
 * and responses, and the server epochs it names. */

#define MAX_CURSOR_LENGTH 128

/**
 * zc_sync_epoch_is_valid:
 *
 * Returns: whether @epoch can name a server epoch: 1 to
 *   %ZC_SYNC_MAX_NAME_LENGTH characters of `[A-Za-z0-9_-]` (a UUID fits)
 */
gboolean
zc_sync_epoch_is_valid (const char *epoch)
{
  return zc_sync_is_word (epoch, ZC_SYNC_LOWER ZC_SYNC_UPPER ZC_SYNC_DIGITS "_-");
}

ZcSyncCursor *
zc_sync_cursor_new (const char *epoch,
                    gint64      seq)
{
  ZcSyncCursor *cursor;

  g_return_val_if_fail (epoch != NULL, NULL);

  cursor = g_new0 (ZcSyncCursor, 1);
  cursor->epoch = g_strdup (epoch);
  cursor->seq = seq;

  return cursor;
}

void
zc_sync_cursor_free (ZcSyncCursor *cursor)
{
  if (cursor == NULL)
    return;

  g_free (cursor->epoch);
  g_free (cursor);
}

gboolean
zc_sync_cursor_equal (const ZcSyncCursor *a,
                      const ZcSyncCursor *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->epoch, b->epoch) == 0 && a->seq == b->seq;
}

/**
 * zc_sync_cursor_encode:
 *
 * Returns: (transfer full): the cursor as an opaque token safe in URLs
 *   and JSON: unpadded base64url of "epoch:seq"
 */
char *
zc_sync_cursor_encode (const ZcSyncCursor *cursor)
{
  g_autofree char *plain = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (cursor != NULL, NULL);
  g_return_val_if_fail (zc_sync_epoch_is_valid (cursor->epoch), NULL);
  g_return_val_if_fail (cursor->seq >= 0, NULL);

  plain = g_strdup_printf ("%s:%" G_GINT64_FORMAT, cursor->epoch, cursor->seq);
  text = g_base64_encode ((const guchar *) plain, strlen (plain));

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  length = strlen (text);
  while (length > 0 && text[length - 1] == '=')
    text[--length] = '\0';

  return text;
}

static ZcSyncCursor *
set_bad_cursor (GError     **error,
                const char  *why)
{
  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID, "$: not a valid sync cursor (%s)", why);
  return NULL;
}

/**
 * zc_sync_cursor_decode:
 *
 * Accepts exactly what zc_sync_cursor_encode() makes, so one position
 * has one spelling.  The error message starts with `$`; a caller
 * reading it from a member puts the member's name there with
 * zc_json_prefix_error().
 *
 * Returns: (transfer full): the cursor, or %NULL with @error set in
 *   %ZC_JSON_ERROR
 */
ZcSyncCursor *
zc_sync_cursor_decode (const char  *text,
                       GError     **error)
{
  g_autoptr(GString) padded = NULL;
  g_autofree guchar *decoded = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(ZcSyncCursor) cursor = NULL;
  const char *digits;
  char *colon;
  gsize length, decoded_length = 0;
  guint64 seq = 0;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  if (length == 0 || length > MAX_CURSOR_LENGTH)
    return set_bad_cursor (error, "bad length");
  if (strspn (text, ZC_SYNC_LOWER ZC_SYNC_UPPER ZC_SYNC_DIGITS "-_") != length || length % 4 == 1)
    return set_bad_cursor (error, "not base64url");

  padded = g_string_new (text);
  g_strdelimit (padded->str, "-", '+');
  g_strdelimit (padded->str, "_", '/');
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');

  decoded = g_base64_decode (padded->str, &decoded_length);
  if (decoded_length == 0 || memchr (decoded, '\0', decoded_length) != NULL)
    return set_bad_cursor (error, "bad content");

  plain = g_strndup ((const char *) decoded, decoded_length);
  colon = strchr (plain, ':');
  if (colon == NULL)
    return set_bad_cursor (error, "bad content");
  *colon = '\0';
  digits = colon + 1;

  if (!zc_sync_epoch_is_valid (plain))
    return set_bad_cursor (error, "bad epoch");
  if (!g_ascii_string_to_unsigned (digits, 10, 0, (guint64) ZC_JSON_MAX_SAFE_INTEGER, &seq, NULL) ||
      !g_ascii_isdigit (digits[0]))
    return set_bad_cursor (error, "bad sequence number");

  cursor = zc_sync_cursor_new (plain, (gint64) seq);
  canonical = zc_sync_cursor_encode (cursor);
  if (g_strcmp0 (canonical, text) != 0)
    return set_bad_cursor (error, "not in canonical form");

  return g_steal_pointer (&cursor);
}
