/* zc-store-audit.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <string.h>

#include "zc-store-audit.h"
#include "zc-store-sql.h"

/* The hash of the (absent) row before the first one. */
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* Each field goes in as "length:bytes", NULL as "-", so no choice of
 * text can make two different rows hash alike. */
static void
add_field (GChecksum  *checksum,
           const char *value)
{
  g_autofree char *prefix = NULL;

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "-", 1);
      return;
    }

  prefix = g_strdup_printf ("%" G_GSIZE_FORMAT ":", strlen (value));
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) value, -1);
}

static char *
row_hash (const char         *prev_hash,
          gint64              seq,
          gint64              at,
          const ZcAuditEntry *entry)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  g_autofree char *at_text = g_strdup_printf ("%" G_GINT64_FORMAT, at);

  add_field (checksum, prev_hash);
  add_field (checksum, seq_text);
  add_field (checksum, at_text);
  add_field (checksum, entry->actor);
  add_field (checksum, entry->action);
  add_field (checksum, entry->object);
  add_field (checksum, entry->detail);
  add_field (checksum, entry->address);

  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
zc_store_audit_append (ZcStoreTxn          *txn,
                       gint64               now,
                       const ZcAuditEntry  *entry,
                       GError             **error)
{
  g_autoptr(ZcStoreStmt) last = NULL;
  g_autoptr(ZcStoreStmt) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 1;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (entry != NULL && entry->action != NULL, FALSE);

  last = zc_store_stmt_new (txn, "SELECT seq, row_hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  switch (zc_store_stmt_step (last, error))
    {
    case ZC_STORE_STEP_ROW:
      seq = zc_store_stmt_get_int64 (last, 0) + 1;
      prev_hash = zc_store_stmt_dup_text (last, 1);
      break;
    case ZC_STORE_STEP_DONE:
      prev_hash = g_strdup (GENESIS_HASH);
      break;
    case ZC_STORE_STEP_ERROR:
    default:
      return FALSE;
    }
  g_clear_pointer (&last, zc_store_stmt_free);

  hash = row_hash (prev_hash, seq, now, entry);
  insert = zc_store_stmt_new (txn,
                              "INSERT INTO audit (seq, at, actor, action, object, detail, address, prev_hash, row_hash)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (insert == NULL)
    return FALSE;
  zc_store_stmt_bind_int64 (insert, 1, seq);
  zc_store_stmt_bind_int64 (insert, 2, now);
  zc_store_stmt_bind_text (insert, 3, entry->actor);
  zc_store_stmt_bind_text (insert, 4, entry->action);
  zc_store_stmt_bind_text (insert, 5, entry->object);
  zc_store_stmt_bind_text (insert, 6, entry->detail);
  zc_store_stmt_bind_text (insert, 7, entry->address);
  zc_store_stmt_bind_text (insert, 8, prev_hash);
  zc_store_stmt_bind_text (insert, 9, hash);

  return zc_store_stmt_run (insert, error);
}

/**
 * zc_store_audit_verify:
 * @n_checked: (out): rows read
 * @first_broken: (out): the seq of the first row whose hash or link is
 *   wrong, or of the first gap in the numbering; 0 when the chain holds
 */
gboolean
zc_store_audit_verify (ZcStoreTxn  *txn,
                       gint64      *n_checked,
                       gint64      *first_broken,
                       GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  gint64 expected_seq = 1;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (n_checked != NULL && first_broken != NULL, FALSE);

  *n_checked = 0;
  *first_broken = 0;

  stmt = zc_store_stmt_new (txn,
                            "SELECT seq, at, actor, action, object, detail, address, prev_hash, row_hash"
                            " FROM audit ORDER BY seq",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      ZcAuditEntry entry = {
        .actor = zc_store_stmt_get_text (stmt, 2),
        .action = zc_store_stmt_get_text (stmt, 3),
        .object = zc_store_stmt_get_text (stmt, 4),
        .detail = zc_store_stmt_get_text (stmt, 5),
        .address = zc_store_stmt_get_text (stmt, 6),
      };
      gint64 seq = zc_store_stmt_get_int64 (stmt, 0);
      const char *prev_hash = zc_store_stmt_get_text (stmt, 7);
      const char *hash = zc_store_stmt_get_text (stmt, 8);
      g_autofree char *computed = row_hash (prev_hash, seq, zc_store_stmt_get_int64 (stmt, 1), &entry);

      (*n_checked)++;
      if (*first_broken == 0 &&
          (seq != expected_seq || g_strcmp0 (prev_hash, expected_prev) != 0 || g_strcmp0 (hash, computed) != 0))
        *first_broken = seq;

      expected_seq = seq + 1;
      g_free (expected_prev);
      expected_prev = g_strdup (hash);
    }

  return step == ZC_STORE_STEP_DONE;
}
