/* zc-local-store-apply.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <string.h>

#include "zc-archive-workflow.h"
#include "zc-json.h"
#include "zc-local-store-sync-private.h"

/* What the server's answers do to the local store (docs/sync.md, "The
 * client"), and what the user decides about them.  Every answer is
 * applied in one transaction, so a kill leaves either all of it or none
 * of it, and the outbox is only trimmed by what the server says it has
 * consumed. */

void
zc_local_rejection_free (ZcLocalRejection *rejection)
{
  if (rejection == NULL)
    return;
  g_clear_pointer (&rejection->mutation, zc_mutation_free);
  g_free (rejection->kind);
  g_free (rejection->code);
  g_free (rejection->message);
  g_clear_pointer (&rejection->created_at, g_date_time_unref);
  g_free (rejection);
}

/* Applying the server's answers */

/* The records an answer touched, to announce after COMMIT. */
typedef struct
{
  GHashTable *records;   /* record id → kind */
} Touched;

static void
touched_init (Touched *touched)
{
  touched->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
touched_add (Touched    *touched,
             const char *record_id,
             const char *kind)
{
  if (record_id != NULL && kind != NULL)
    g_hash_table_replace (touched->records, g_strdup (record_id), g_strdup (kind));
}

static void
touched_add_from_db (ZcLocalStore *self,
                     Touched      *touched,
                     const char   *record_id)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self, "SELECT kind FROM records WHERE id = ?", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    touched_add (touched, record_id, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
}

/* Many changes are announced once per kind: a list reloads per signal. */
static void
touched_emit (ZcLocalStore *self,
              Touched      *touched)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (touched->records) <= 50)
    {
      g_hash_table_iter_init (&iter, touched->records);
      while (g_hash_table_iter_next (&iter, &key, &value))
        zc_local_store_emit_changed (self, key, value);
    }
  else
    {
      g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_iter_init (&iter, touched->records);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_hash_table_insert (kinds, value, key))
          zc_local_store_emit_changed (self, key, value);
    }
  g_clear_pointer (&touched->records, g_hash_table_unref);
}

static void
touched_clear (Touched *touched)
{
  g_clear_pointer (&touched->records, g_hash_table_unref);
}

/* A mutation the server consumed without applying it stays in the
 * outbox, marked, for the user to fix or discard. */
static gboolean
mark_rejected (ZcLocalStore      *self,
               const ZcRejection *rejection,
               Touched           *touched,
               GError           **error)
{
  g_autofree char *record_id = NULL;
  sqlite3_stmt *stmt;

  stmt = zc_local_store_prepare (self, "SELECT record_id FROM outbox WHERE mutation_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rejection->mutation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  stmt = zc_local_store_prepare (self, "UPDATE outbox SET status = 'rejected', last_error = ?2 WHERE mutation_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rejection->mutation_id);
  sqlite3_bind_text (stmt, 2, rejection->message, -1, SQLITE_TRANSIENT);
  if (!zc_local_store_step_done (self, stmt, error))
    return FALSE;

  /* a replayed answer repeats rejections: the first one stays */
  stmt = zc_local_store_prepare (self,
                                 "INSERT OR IGNORE INTO rejections (mutation_id, record_id, code, message, created_at) "
                                 "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rejection->mutation_id);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, rejection->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, rejection->message, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, zc_local_store_now ());
  if (!zc_local_store_step_done (self, stmt, error))
    return FALSE;

  if (record_id != NULL)
    touched_add_from_db (self, touched, record_id);
  return TRUE;
}

/* Mutations the server has not consumed are renumbered to follow its
 * last one: after a server restored from a backup (or one that forgot
 * this client) they would otherwise leave a gap it refuses.  Rejected
 * rows past that point are sent again: that server never judged them.
 * The id sequence is lowered too, so the next edit follows on. */
static gboolean
close_gap (ZcLocalStore  *self,
           gint64         last_mutation_id,
           GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 first = -1;

  stmt = zc_local_store_prepare (self, "SELECT min (mutation_id) FROM outbox WHERE mutation_id > ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last_mutation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    first = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (first > last_mutation_id + 1)
    {
      g_message ("The server has consumed mutations up to %" G_GINT64_FORMAT ", the outbox goes on from %"
                 G_GINT64_FORMAT ": renumbering", last_mutation_id, first);
      if (!zc_local_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS renumbered (old INTEGER PRIMARY KEY,"
                                      " new INTEGER NOT NULL); DELETE FROM renumbered;"
                                      "PRAGMA defer_foreign_keys = ON", error) ||
          !zc_local_store_run_int (self,
                                   "INSERT INTO renumbered (old, new) SELECT mutation_id,"
                                   " ?1 + row_number () OVER (ORDER BY mutation_id) FROM outbox"
                                   " WHERE mutation_id > ?1", last_mutation_id, error) ||
          !zc_local_store_run_int (self, "DELETE FROM rejections WHERE mutation_id > ?", last_mutation_id, error) ||
          !zc_local_store_run_int (self,
                                   "UPDATE outbox SET status = 'queued', last_error = NULL, attempts = 0,"
                                   " mutation_id = -mutation_id WHERE mutation_id > ?", last_mutation_id, error) ||
          !zc_local_store_run_int (self, "UPDATE outbox_blobs SET mutation_id = -mutation_id WHERE mutation_id > ?",
                                   last_mutation_id, error) ||
          !zc_local_store_exec (self,
                                "UPDATE outbox SET mutation_id = (SELECT new FROM renumbered"
                                " WHERE old = -outbox.mutation_id) WHERE mutation_id < 0;"
                                "UPDATE outbox_blobs SET mutation_id = (SELECT new FROM renumbered"
                                " WHERE old = -outbox_blobs.mutation_id) WHERE mutation_id < 0;"
                                "DELETE FROM renumbered", error))
        return FALSE;
    }

  return zc_local_store_run_int (self,
                                 "UPDATE sqlite_sequence"
                                 " SET seq = max (?1, coalesce ((SELECT max (mutation_id) FROM outbox), 0))"
                                 " WHERE name = 'outbox'"
                                 " AND seq > max (?1, coalesce ((SELECT max (mutation_id) FROM outbox), 0))",
                                 last_mutation_id, error);
}

/* The personal information is one per account: a copy made here under
 * another id (before this device first synced) merged into the server's
 * record, and goes once nothing of it waits any more. */
static gboolean
drop_merged_personal_info (ZcLocalStore  *self,
                           Touched       *touched,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  if (!zc_local_store_exec (self,
                            "DELETE FROM records WHERE kind = 'personal-info' AND server_version = 0"
                            " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = records.id)"
                            " AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.record_id = records.id)"
                            " AND EXISTS (SELECT 1 FROM records s WHERE s.kind = 'personal-info'"
                            " AND s.server_version > 0)", error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return TRUE;

  /* the page showing it shows the one left */
  stmt = zc_local_store_prepare (self, "SELECT id FROM records WHERE kind = 'personal-info' LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    touched_add (touched, (const char *) sqlite3_column_text (stmt, 0), ZC_LOCAL_STORE_PERSONAL_INFO_KIND);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Drops what the server has consumed (rejected rows stay for the user)
 * and marks records clean once nothing of theirs waits any more. */
static gboolean
acknowledge (ZcLocalStore  *self,
             gint64         last_mutation_id,
             Touched       *touched,
             GError       **error)
{
  g_autoptr(GPtrArray) record_ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = zc_local_store_prepare (self,
                                 "SELECT DISTINCT record_id FROM outbox"
                                 " WHERE mutation_id <= ? AND status != 'rejected'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last_mutation_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (record_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  if (!zc_local_store_run_int (self, "DELETE FROM outbox WHERE mutation_id <= ? AND status != 'rejected'",
                               last_mutation_id, error))
    return FALSE;
  for (guint i = 0; i < record_ids->len; i++)
    {
      if (!zc_local_store_run_text (self, "UPDATE records SET dirty = 0 WHERE id = ?1 AND NOT EXISTS "
                                          "(SELECT 1 FROM outbox WHERE record_id = ?1)", record_ids->pdata[i], error))
        return FALSE;
      touched_add_from_db (self, touched, record_ids->pdata[i]);
    }

  return zc_local_store_set_meta_int (self, META_LAST_MUTATION_ID, last_mutation_id, error) &&
         close_gap (self, last_mutation_id, error) &&
         drop_merged_personal_info (self, touched, error);
}

static gboolean
upsert_record (ZcLocalStore  *self,
               ZcRecord      *record,
               JsonObject    *body,
               const char    *state,
               gboolean       deleted,
               gboolean       dirty,
               GError       **error)
{
  g_autofree char *body_text = zc_local_store_object_to_string (body);
  sqlite3_stmt *stmt;

  stmt = zc_local_store_prepare (self,
                                 "INSERT INTO records (" ZC_LOCAL_STORE_RECORD_COLUMNS ", dirty) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                                 "ON CONFLICT (id) DO UPDATE SET kind = ?2, owner_id = ?3, server_version = ?4,"
                                 " body = ?5, state = ?6, review_comment = ?7, deleted = ?8, created_at = ?9,"
                                 " updated_at = ?10,"
                                 " dirty = ?11", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, zc_record_get_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, zc_record_get_kind (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, zc_record_get_owner_id (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, zc_record_get_version (record));
  sqlite3_bind_text (stmt, 5, body_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, zc_record_get_review_comment (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, deleted ? 1 : 0);
  sqlite3_bind_int64 (stmt, 9, zc_local_store_time_to_usec (zc_record_get_created_at (record)));
  sqlite3_bind_int64 (stmt, 10, zc_local_store_time_to_usec (zc_record_get_updated_at (record)));
  sqlite3_bind_int (stmt, 11, dirty ? 1 : 0);
  return zc_local_store_step_done (self, stmt, error);
}

/* The newest mutation still waiting for @record_id (of the name @only,
 * when given): its name and args. */
static gboolean
latest_pending (ZcLocalStore  *self,
                const char    *record_id,
                const char    *only,
                char         **name_out,
                JsonObject   **args_out,
                GError       **error)
{
  sqlite3_stmt *stmt = zc_local_store_prepare (self,
                                               "SELECT name, args FROM outbox"
                                               " WHERE record_id = ?1 AND status != 'rejected'"
                                               " AND (?2 IS NULL OR name = ?2)"
                                               " ORDER BY mutation_id DESC LIMIT 1", error);
  int rc;

  *name_out = NULL;
  *args_out = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_TRANSIENT);
  if (only != NULL)
    sqlite3_bind_text (stmt, 2, only, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *name_out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *args_out = zc_local_store_object_from_column (stmt, 1, error);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return zc_local_store_set_db_error (self, error, "Reading the outbox failed");
  return rc == SQLITE_DONE || *args_out != NULL;
}

/* The review state to show for an archive entry with changes waiting:
 * an edit's (back to pending), as the server will give it.  A queued
 * decision or submission keeps the server's state here: the officer's
 * desk shows the decision as waiting from the outbox, and a refused one
 * must not leave a state the server never had. */
static const char *
waiting_state (ZcReviewState  server_state,
               const char    *name)
{
  ZcReviewState to;

  if (g_str_equal (name, ZC_LOCAL_STORE_MUTATION_PUT) &&
      zc_archive_workflow_check (server_state, ZC_ARCHIVE_ACTION_EDIT, ZC_ROLE_APPLICANT, NULL, &to,
                                 ZC_LANGUAGE_ENGLISH, NULL))
    return zc_review_state_to_string (to);
  return zc_review_state_to_string (server_state);
}

/* A record from the server, with the local edits still waiting put back
 * on top ("rebase"), so the user keeps seeing what they typed. */
static gboolean
apply_put (ZcLocalStore  *self,
           ZcRecord      *record,
           Touched       *touched,
           GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(JsonObject) args = NULL;
  const char *kind = zc_record_get_kind (record);
  gboolean archive = zc_local_store_kind_get_form_id (kind) != NULL;
  ZcReviewState state;

  if (archive && !zc_review_state_from_string (zc_record_get_state (record), &state))
    {
      /* one bad record must not stop every later pull */
      g_warning ("Skipping pulled record %s: no valid review state", zc_record_get_id (record));
      return TRUE;
    }

  if (!latest_pending (self, zc_record_get_id (record), NULL, &name, &args, error))
    return FALSE;

  touched_add (touched, zc_record_get_id (record), kind);

  if (name == NULL)
    return upsert_record (self, record, zc_record_get_body (record), zc_record_get_state (record),
                          zc_record_get_deleted (record), FALSE, error);

  if (g_str_equal (name, ZC_LOCAL_STORE_MUTATION_DELETE))
    return upsert_record (self, record, zc_record_get_body (record), zc_record_get_state (record),
                          TRUE, TRUE, error);

  {
    g_autofree char *put_name = NULL;
    g_autoptr(JsonObject) put_args = NULL;
    const char *local_state = zc_record_get_state (record);
    JsonObject *body = NULL;

    /* the newest body typed here, even when an action (a submission, a
     * decision) was queued after it */
    if (!latest_pending (self, zc_record_get_id (record), ZC_LOCAL_STORE_MUTATION_PUT, &put_name, &put_args, error))
      return FALSE;
    if (put_args == NULL || !zc_json_get_object (put_args, "body", FALSE, &body, NULL) || body == NULL)
      body = zc_record_get_body (record);
    if (archive)
      local_state = waiting_state (state, name);
    else if (g_str_equal (name, "message.read"))
      local_state = "read";
    return upsert_record (self, record, body, local_state, FALSE, TRUE, error);
  }
}

static gboolean
apply_delete (ZcLocalStore  *self,
              const char    *record_id,
              const char    *kind,
              Touched       *touched,
              GError       **error)
{
  /* an edit still waiting goes to the server, which will answer it */
  if (zc_local_store_query_int (self, "SELECT count (*) FROM outbox WHERE record_id = ? AND status != 'rejected'",
                                record_id) > 0)
    return TRUE;
  touched_add (touched, record_id, kind);
  return zc_local_store_run_text (self, "UPDATE records SET deleted = 1, dirty = 0 WHERE id = ?", record_id, error);
}

static gboolean
insert_conflict (ZcLocalStore      *self,
                 const ZcConflict  *conflict,
                 Touched           *touched,
                 GError           **error)
{
  g_autofree char *client_text = zc_json_to_string (conflict->client_value);
  g_autofree char *server_text = zc_json_to_string (conflict->server_value);
  sqlite3_stmt *stmt;

  /* a replayed push reports the same conflicts again: keep one copy */
  stmt = zc_local_store_prepare (self,
                                 "INSERT INTO conflicts"
                                 " (record_id, field, client_value, server_value, mutation_id, created_at) "
                                 "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM records WHERE id = ?1) "
                                 "AND NOT EXISTS (SELECT 1 FROM conflicts WHERE record_id = ?1 AND field = ?2 "
                                 "AND mutation_id = ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, conflict->record_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, conflict->field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, client_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, server_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, conflict->mutation_id);
  sqlite3_bind_int64 (stmt, 6, zc_local_store_now ());
  if (!zc_local_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0 &&
      zc_local_store_query_int (self, "SELECT count (*) FROM records WHERE id = ?", conflict->record_id) == 0)
    g_warning ("A conflict on record %s, which is not here, was not kept", conflict->record_id);
  touched_add_from_db (self, touched, conflict->record_id);
  return TRUE;
}

/**
 * zc_local_store_apply_push:
 * @result: the server's answer to a push
 *
 * In one transaction: rejected mutations are marked (they stay in the
 * outbox, out of the count of changes waiting), conflicts kept, and
 * every other mutation up to the server's last one dropped.
 */
gboolean
zc_local_store_apply_push (ZcLocalStore        *self,
                           const ZcPushResult  *result,
                           GError             **error)
{
  Touched touched;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!zc_local_store_begin (self, error))
    return FALSE;
  touched_init (&touched);
  for (guint i = 0; result->rejections != NULL && i < result->rejections->len; i++)
    if (!mark_rejected (self, g_ptr_array_index (result->rejections, i), &touched, error))
      goto fail;
  for (guint i = 0; result->conflicts != NULL && i < result->conflicts->len; i++)
    if (!insert_conflict (self, g_ptr_array_index (result->conflicts, i), &touched, error))
      goto fail;
  if (!acknowledge (self, result->last_mutation_id, &touched, error) || !zc_local_store_commit (self, error))
    goto fail;

  touched_emit (self, &touched);
  return TRUE;

fail:
  zc_local_store_rollback (self);
  touched_clear (&touched);
  return FALSE;
}

/* After a reset the server's snapshot is all there is: records it did
 * not send go, unless a local edit or a conflict still needs them. */
static gboolean
drop_unseen (ZcLocalStore  *self,
             GHashTable    *seen,
             Touched       *touched,
             GError       **error)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = zc_local_store_prepare (self,
                                 "SELECT id, kind FROM records r"
                                 " WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.id) "
                                 "AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.record_id = r.id)", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_hash_table_contains (seen, id))
        {
          g_ptr_array_add (gone, g_strdup (id));
          touched_add (touched, id, (const char *) sqlite3_column_text (stmt, 1));
        }
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < gone->len; i++)
    if (!zc_local_store_run_text (self, "DELETE FROM records WHERE id = ?", gone->pdata[i], error))
      return FALSE;
  return TRUE;
}

/**
 * zc_local_store_apply_pull:
 * @responses: (element-type ZcPullResponse): the pages of one pull, in
 *   order, the last with has_more false
 *
 * Applies a whole pull in one transaction: rejections marked, consumed
 * mutations dropped, records stored with pending local edits rebased on
 * top, tombstones, a reset's snapshot, then the cursor and epoch.  A
 * kill in the middle leaves the file as before, and the pull is simply
 * made again.
 */
gboolean
zc_local_store_apply_pull (ZcLocalStore  *self,
                           GPtrArray     *responses,
                           GError       **error)
{
  g_autoptr(GHashTable) seen = NULL;
  const ZcPullResponse *last;
  Touched touched;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (responses != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (responses->len == 0)
    return TRUE;
  last = g_ptr_array_index (responses, responses->len - 1);

  if (!zc_local_store_begin (self, error))
    return FALSE;
  touched_init (&touched);

  /* first what the server consumed, so that only the edits it has not
   * seen yet are rebased */
  for (guint i = 0; i < responses->len; i++)
    {
      const ZcPullResponse *response = g_ptr_array_index (responses, i);

      for (guint j = 0; response->rejections != NULL && j < response->rejections->len; j++)
        if (!mark_rejected (self, g_ptr_array_index (response->rejections, j), &touched, error))
          goto fail;
    }
  if (!acknowledge (self, last->last_mutation_id, &touched, error))
    goto fail;

  for (guint i = 0; i < responses->len; i++)
    {
      const ZcPullResponse *response = g_ptr_array_index (responses, i);

      if (response->reset && seen == NULL)
        seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint j = 0; response->changes != NULL && j < response->changes->len; j++)
        {
          const ZcChange *change = g_ptr_array_index (response->changes, j);
          gboolean ok;

          if (change->op == ZC_CHANGE_PUT)
            ok = apply_put (self, change->record, &touched, error);
          else
            ok = apply_delete (self, change->record_id, change->kind, &touched, error);
          if (!ok)
            goto fail;
          if (seen != NULL && change->op == ZC_CHANGE_PUT)
            g_hash_table_add (seen, g_strdup (zc_change_get_record_id (change)));
        }
    }

  if ((seen != NULL && !drop_unseen (self, seen, &touched, error)) ||
      !drop_merged_personal_info (self, &touched, error) ||
      !zc_local_store_set_meta (self, META_CURSOR, last->cursor, error) ||
      !zc_local_store_set_meta (self, META_SERVER_EPOCH, last->server_epoch, error) ||
      !zc_local_store_commit (self, error))
    goto fail;

  touched_emit (self, &touched);
  return TRUE;

fail:
  zc_local_store_rollback (self);
  touched_clear (&touched);
  return FALSE;
}

/* What the user sees and decides */

/**
 * zc_local_store_list_rejections:
 *
 * Returns: (transfer full) (element-type ZcLocalRejection): the changes
 *   the server refused that the user has not discarded, oldest first
 */
GPtrArray *
zc_local_store_list_rejections (ZcLocalStore  *self,
                                GError       **error)
{
  g_autoptr(GPtrArray) rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_local_rejection_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self,
                                 "SELECT j.mutation_id, coalesce (o.name, ''), coalesce (o.record_id, j.record_id, ''),"
                                 " coalesce (o.base_version, 0), o.expected_state, coalesce (o.args, '{}'),"
                                 " j.code, j.message, j.created_at, r.kind "
                                 "FROM rejections j LEFT JOIN outbox o ON o.mutation_id = j.mutation_id"
                                 " LEFT JOIN records r ON r.id = coalesce (o.record_id, j.record_id) "
                                 "WHERE j.dismissed = 0 ORDER BY j.mutation_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ZcLocalRejection) rejection = g_new0 (ZcLocalRejection, 1);
      JsonObject *args = zc_local_store_object_from_column (stmt, 5, NULL);

      rejection->mutation = zc_mutation_new (sqlite3_column_int64 (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2),
                                             sqlite3_column_int64 (stmt, 3));
      rejection->mutation->expected_state = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      if (args != NULL)
        {
          json_object_unref (rejection->mutation->args);
          rejection->mutation->args = args;
        }
      rejection->code = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      rejection->message = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      rejection->created_at = zc_local_store_time_from_usec (sqlite3_column_int64 (stmt, 8));
      rejection->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      g_ptr_array_add (rejections, g_steal_pointer (&rejection));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the refused changes failed");
      return NULL;
    }
  return g_steal_pointer (&rejections);
}

/**
 * zc_local_store_discard_rejection:
 *
 * The user gives up a refused change.  A record the server never had
 * goes with it; one the server has is pulled again whole (the cursor is
 * forgotten), since the local copy still shows the refused edit.
 */
gboolean
zc_local_store_discard_rejection (ZcLocalStore  *self,
                                  gint64         mutation_id,
                                  GError       **error)
{
  g_autofree char *record_id = NULL;
  sqlite3_stmt *stmt;
  Touched touched;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!zc_local_store_begin (self, error))
    return FALSE;
  touched_init (&touched);

  stmt = zc_local_store_prepare (self,
                                 "SELECT coalesce (o.record_id, j.record_id) FROM rejections j"
                                 " LEFT JOIN outbox o ON o.mutation_id = j.mutation_id"
                                 " WHERE j.mutation_id = ? AND j.dismissed = 0", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, mutation_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND,
                   "There is no refused change %" G_GINT64_FORMAT, mutation_id);
      goto fail;
    }
  record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (!zc_local_store_run_int (self, "UPDATE rejections SET dismissed = 1 WHERE mutation_id = ?", mutation_id, error) ||
      !zc_local_store_run_int (self, "DELETE FROM outbox WHERE mutation_id = ? AND status = 'rejected'",
                               mutation_id, error))
    goto fail;

  if (record_id != NULL &&
      zc_local_store_query_int (self, "SELECT count (*) FROM outbox WHERE record_id = ?", record_id) == 0)
    {
      touched_add_from_db (self, &touched, record_id);
      if (zc_local_store_query_int (self, "SELECT server_version FROM records WHERE id = ?", record_id) == 0)
        {
          if (!zc_local_store_run_text (self, "DELETE FROM conflicts WHERE record_id = ?", record_id, error) ||
              !zc_local_store_run_text (self, "DELETE FROM records WHERE id = ?", record_id, error))
            goto fail;
        }
      else if (!zc_local_store_set_meta (self, META_CURSOR, NULL, error))
        goto fail;
    }

  if (!zc_local_store_commit (self, error))
    goto fail;
  touched_emit (self, &touched);
  return TRUE;

fail:
  zc_local_store_rollback (self);
  touched_clear (&touched);
  return FALSE;
}

static JsonNode *
node_from_column (sqlite3_stmt *stmt,
                  int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *wrapped = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonNode *value;

  /* the strict parser takes objects only: any JSON value goes in one */
  if (text == NULL)
    return json_node_init_null (json_node_alloc ());
  wrapped = g_strconcat ("{\"v\": ", text, "}", NULL);
  if (!zc_json_parse (wrapped, strlen (wrapped), ZC_JSON_DEFAULT_MAX_DEPTH, &node, NULL) ||
      (value = json_object_get_member (json_node_get_object (node), "v")) == NULL)
    return json_node_init_null (json_node_alloc ());
  return zc_json_node_copy_deep (value);
}

/**
 * zc_local_store_list_conflicts:
 * @record_id: (nullable): one record's, or %NULL for all
 *
 * Returns: (transfer full) (element-type ZcConflict): the fields changed
 *   on both sides that the user has not decided yet, oldest first
 */
GPtrArray *
zc_local_store_list_conflicts (ZcLocalStore  *self,
                               const char    *record_id,
                               GError       **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self,
                                 "SELECT record_id, field, client_value, server_value, mutation_id FROM conflicts "
                                 "WHERE resolved = 0 AND (?1 IS NULL OR record_id = ?1) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) client_value = node_from_column (stmt, 2);
      g_autoptr(JsonNode) server_value = node_from_column (stmt, 3);

      g_ptr_array_add (conflicts, zc_conflict_new ((const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   client_value, server_value,
                                                   sqlite3_column_int64 (stmt, 4)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the conflicts failed");
      return NULL;
    }
  return g_steal_pointer (&conflicts);
}

/**
 * zc_local_store_resolve_conflicts:
 * @body: (nullable): the record's body as the user chose it field by
 *   field, saved (and queued) as an edit; %NULL keeps the server's
 *
 * Closes the record's open conflicts.  The edit is its own transaction
 * before the conflicts close: a kill in between leaves the conflicts
 * listed with the choice already queued, and choosing again is harmless.
 */
gboolean
zc_local_store_resolve_conflicts (ZcLocalStore  *self,
                                  const char    *record_id,
                                  JsonObject    *body,
                                  GError       **error)
{
  g_autoptr(ZcRecord) record = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  record = zc_local_store_get_record (self, record_id, error);
  if (record == NULL)
    return FALSE;

  if (body != NULL)
    {
      g_autoptr(ZcRecord) saved = NULL;

      if (g_strcmp0 (zc_record_get_kind (record), ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0)
        saved = zc_local_store_save_personal_info (self, body, error);
      else
        saved = zc_local_store_update_entry (self, record_id, body, error);
      if (saved == NULL)
        return FALSE;
    }

  if (!zc_local_store_run_text (self, "UPDATE conflicts SET resolved = 1 WHERE record_id = ? AND resolved = 0",
                                record_id, error))
    return FALSE;
  zc_local_store_emit_changed (self, record_id, zc_record_get_kind (record));
  return TRUE;
}
