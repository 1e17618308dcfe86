/* zc-store-records.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-store"

#include "config.h"

#include <string.h>

#include "zc-store-declarations.h"
#include "zc-store-records.h"
#include "zc-store-sql.h"
#include "zc-store-sync.h"

ZcStoredRecord *
zc_stored_record_new (void)
{
  return g_new0 (ZcStoredRecord, 1);
}

void
zc_stored_record_free (ZcStoredRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->id);
  g_free (record->kind);
  g_free (record->owner_id);
  g_clear_pointer (&record->body, json_object_unref);
  g_free (record->state);
  g_free (record->review_comment);
  g_free (record->owner_name);
  g_free (record->owner_unit_id);
  g_free (record->owner_role);
  g_free (record);
}

void
zc_record_history_entry_free (ZcRecordHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->record_id);
  g_free (entry->actor_id);
  g_free (entry->actor_role);
  g_free (entry->action);
  g_free (entry->from_state);
  g_free (entry->to_state);
  g_free (entry->comment);
  g_free (entry->actor_name);
  g_free (entry);
}

static GDateTime *
time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

/**
 * zc_stored_record_to_record:
 *
 * Returns: (transfer full): the record as the sync protocol and the API
 *   carry it; its unit is the owner's unit now
 */
ZcRecord *
zc_stored_record_to_record (const ZcStoredRecord *stored)
{
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  ZcRecord *record;

  g_return_val_if_fail (stored != NULL, NULL);

  record = zc_record_new (stored->id, stored->kind, stored->owner_id);
  zc_record_set_unit_id (record, stored->owner_unit_id);
  zc_record_set_body (record, stored->body);
  zc_record_set_state (record, stored->state);
  zc_record_set_review_comment (record, stored->review_comment);
  zc_record_set_version (record, stored->version);
  zc_record_set_deleted (record, stored->deleted);
  created_at = time_from_usec (stored->created_at);
  updated_at = time_from_usec (stored->updated_at);
  zc_record_set_created_at (record, created_at);
  zc_record_set_updated_at (record, updated_at);

  return record;
}

static JsonObject *
parse_body (const char  *text,
            GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  if (text == NULL ||
      !zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "A stored record body is not a JSON object: %s",
                   local_error != NULL ? local_error->message : "not an object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (node));
}

static char *
body_to_text (JsonObject *body)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), body);

  return zc_json_to_string (node);
}

#define RECORD_SELECT \
  "SELECT r.id, r.kind, r.owner_id, r.body, r.state, r.review_comment, r.version, r.seq, r.deleted," \
  " r.created_at, r.updated_at, r.submitted_at, a.name, a.unit_id, a.role" \
  " FROM records r JOIN accounts a ON a.id = r.owner_id"

static ZcStoredRecord *
record_from_row (ZcStoreStmt  *stmt,
                 GError      **error)
{
  g_autoptr(ZcStoredRecord) record = zc_stored_record_new ();

  record->body = parse_body (zc_store_stmt_get_text (stmt, 3), error);
  if (record->body == NULL)
    return NULL;

  record->id = zc_store_stmt_dup_text (stmt, 0);
  record->kind = zc_store_stmt_dup_text (stmt, 1);
  record->owner_id = zc_store_stmt_dup_text (stmt, 2);
  record->state = zc_store_stmt_dup_text (stmt, 4);
  record->review_comment = zc_store_stmt_dup_text (stmt, 5);
  record->version = zc_store_stmt_get_int64 (stmt, 6);
  record->seq = zc_store_stmt_get_int64 (stmt, 7);
  record->deleted = zc_store_stmt_get_boolean (stmt, 8);
  record->created_at = zc_store_stmt_get_int64 (stmt, 9);
  record->updated_at = zc_store_stmt_get_int64 (stmt, 10);
  record->submitted_at = zc_store_stmt_is_null (stmt, 11) ? 0 : zc_store_stmt_get_int64 (stmt, 11);
  record->owner_name = zc_store_stmt_dup_text (stmt, 12);
  record->owner_unit_id = zc_store_stmt_dup_text (stmt, 13);
  record->owner_role = zc_store_stmt_dup_text (stmt, 14);

  return g_steal_pointer (&record);
}

static GPtrArray *
read_all (ZcStoreStmt  *stmt,
          GError      **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_stored_record_free);
  ZcStoreStep step;

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      ZcStoredRecord *record = record_from_row (stmt, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&records);
}

static ZcStoredRecord *
read_one (ZcStoreStmt  *stmt,
          GError      **error)
{
  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return record_from_row (stmt, error);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such record");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

static void
bind_optional_time (ZcStoreStmt *stmt,
                    guint        index,
                    gint64       usec)
{
  if (usec != 0)
    zc_store_stmt_bind_int64 (stmt, index, usec);
  else
    zc_store_stmt_bind_null (stmt, index);
}

static gboolean
insert_version (ZcStoreTxn  *txn,
                const char  *id,
                gint64       version,
                const char  *body_text,
                GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  stmt = zc_store_stmt_new (txn, "INSERT INTO record_versions (record_id, version, body) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_int64 (stmt, 2, version);
  zc_store_stmt_bind_text (stmt, 3, body_text);

  return zc_store_stmt_run (stmt, error);
}

/* CONSTRAINT for an id that exists, or a second personal-info record. */
gboolean
zc_store_records_insert (ZcStoreTxn            *txn,
                         const ZcStoredRecord  *record,
                         GError               **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *body_text = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (record != NULL && record->id != NULL && record->body != NULL, FALSE);

  body_text = body_to_text (record->body);
  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO records (id, kind, owner_id, body, state, review_comment, version, seq,"
                            " deleted, created_at, updated_at, submitted_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, record->id);
  zc_store_stmt_bind_text (stmt, 2, record->kind);
  zc_store_stmt_bind_text (stmt, 3, record->owner_id);
  zc_store_stmt_bind_text (stmt, 4, body_text);
  zc_store_stmt_bind_text (stmt, 5, record->state);
  zc_store_stmt_bind_text (stmt, 6, record->review_comment);
  zc_store_stmt_bind_int64 (stmt, 7, record->version);
  zc_store_stmt_bind_int64 (stmt, 8, record->seq);
  zc_store_stmt_bind_boolean (stmt, 9, record->deleted);
  zc_store_stmt_bind_int64 (stmt, 10, record->created_at);
  zc_store_stmt_bind_int64 (stmt, 11, record->updated_at);
  bind_optional_time (stmt, 12, record->submitted_at);
  if (!zc_store_stmt_run (stmt, error))
    return FALSE;

  return insert_version (txn, record->id, record->version, body_text, error);
}

/**
 * zc_store_records_update:
 * @body_changed: also keep the body as the body of this version
 *
 * Writes every changing column of an existing record (NOT_FOUND when
 * there is none).
 */
gboolean
zc_store_records_update (ZcStoreTxn            *txn,
                         const ZcStoredRecord  *record,
                         gboolean               body_changed,
                         GError               **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *body_text = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (record != NULL && record->id != NULL && record->body != NULL, FALSE);

  body_text = body_to_text (record->body);
  stmt = zc_store_stmt_new (txn,
                            "UPDATE records SET body = ?2, state = ?3, review_comment = ?4, version = ?5, seq = ?6,"
                            " deleted = ?7, updated_at = ?8, submitted_at = ?9 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, record->id);
  zc_store_stmt_bind_text (stmt, 2, body_text);
  zc_store_stmt_bind_text (stmt, 3, record->state);
  zc_store_stmt_bind_text (stmt, 4, record->review_comment);
  zc_store_stmt_bind_int64 (stmt, 5, record->version);
  zc_store_stmt_bind_int64 (stmt, 6, record->seq);
  zc_store_stmt_bind_boolean (stmt, 7, record->deleted);
  zc_store_stmt_bind_int64 (stmt, 8, record->updated_at);
  bind_optional_time (stmt, 9, record->submitted_at);
  if (!zc_store_stmt_run (stmt, error))
    return FALSE;
  if (zc_store_stmt_changes (stmt) != 1)
    {
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such record");
      return FALSE;
    }

  return !body_changed || insert_version (txn, record->id, record->version, body_text, error);
}

ZcStoredRecord *
zc_store_records_get (ZcStoreTxn  *txn,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, RECORD_SELECT " WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, id);

  return read_one (stmt, error);
}

/* NOT_FOUND when the account has none yet (a tombstone counts as one). */
ZcStoredRecord *
zc_store_records_get_personal_info (ZcStoreTxn  *txn,
                                    const char  *owner_id,
                                    GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (owner_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn, RECORD_SELECT " WHERE r.owner_id = ?1 AND r.kind = 'personal-info'", error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, owner_id);

  return read_one (stmt, error);
}

/**
 * zc_store_records_get_body_at:
 *
 * Returns: (transfer full): the body the record had at @version (the
 *   newest kept body not after it); NOT_FOUND when none is kept
 */
JsonObject *
zc_store_records_get_body_at (ZcStoreTxn  *txn,
                              const char  *id,
                              gint64       version,
                              GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT body FROM record_versions WHERE record_id = ?1 AND version <= ?2"
                            " ORDER BY version DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, id);
  zc_store_stmt_bind_int64 (stmt, 2, version);

  switch (zc_store_stmt_step (stmt, error))
    {
    case ZC_STORE_STEP_ROW:
      return parse_body (zc_store_stmt_get_text (stmt, 0), error);
    case ZC_STORE_STEP_DONE:
      g_set_error_literal (error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND, "No such version");
      return NULL;
    case ZC_STORE_STEP_ERROR:
    default:
      return NULL;
    }
}

/**
 * zc_store_records_list_for_owner:
 * @kind: (nullable): one kind; NULL for every archive entry
 * @state: (nullable): one review state
 *
 * Returns: (transfer full) (element-type ZcStoredRecord): the owner's
 *   live archive entries (or records of @kind), newest change first
 */
GPtrArray *
zc_store_records_list_for_owner (ZcStoreTxn  *txn,
                                 const char  *owner_id,
                                 const char  *kind,
                                 const char  *state,
                                 guint        limit,
                                 guint        offset,
                                 GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (owner_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            RECORD_SELECT " WHERE r.owner_id = ?1 AND r.deleted = 0"
                            " AND ((?2 IS NULL AND r.kind LIKE 'archive:%') OR r.kind = ?2)"
                            " AND (?3 IS NULL OR r.state = ?3)"
                            " ORDER BY r.seq DESC LIMIT ?4 OFFSET ?5",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, owner_id);
  zc_store_stmt_bind_text (stmt, 2, kind);
  zc_store_stmt_bind_text (stmt, 3, state);
  zc_store_stmt_bind_int64 (stmt, 4, limit);
  zc_store_stmt_bind_int64 (stmt, 5, offset);

  return read_all (stmt, error);
}

/**
 * zc_store_records_queue:
 *
 * Returns: (transfer full) (element-type ZcStoredRecord): the live
 *   archive entries of the unit's applicants that match, oldest sent
 *   first (the order a queue is worked through)
 */
GPtrArray *
zc_store_records_queue (ZcStoreTxn                *txn,
                        const ZcRecordQueueQuery  *query,
                        GError                   **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (query != NULL && query->unit_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            RECORD_SELECT " WHERE a.unit_id = ?1 AND a.role = 'applicant' AND r.deleted = 0"
                            " AND r.kind LIKE 'archive:%'"
                            " AND (?2 IS NULL OR r.owner_id = ?2)"
                            " AND (?3 IS NULL OR r.kind = ?3)"
                            " AND (?4 IS NULL OR r.state = ?4)"
                            " AND (?5 IS NULL OR r.submitted_at < ?5)"
                            " ORDER BY r.submitted_at, r.created_at, r.id LIMIT ?6 OFFSET ?7",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, query->unit_id);
  zc_store_stmt_bind_text (stmt, 2, query->owner_id);
  zc_store_stmt_bind_text (stmt, 3, query->kind);
  zc_store_stmt_bind_text (stmt, 4, query->state);
  bind_optional_time (stmt, 5, query->submitted_before);
  zc_store_stmt_bind_int64 (stmt, 6, query->limit);
  zc_store_stmt_bind_int64 (stmt, 7, query->offset);

  return read_all (stmt, error);
}

/**
 * zc_store_records_changes:
 * @owner_id: the caller: their own records are always in scope
 * @role: the caller's role
 * @unit_id: (nullable): the caller's unit: a unit officer also sees the
 *   archive entries of its applicants (the review queue); every officer
 *   the declarations that reached their level
 * @with_tombstones: FALSE for a full snapshot
 *
 * The authorization filter of a pull lives in this query: nothing
 * outside the scope is ever read.
 *
 * Returns: (transfer full) (element-type ZcStoredRecord): the records in
 *   scope changed after @after_seq, in seq order, at most @limit
 */
GPtrArray *
zc_store_records_changes (ZcStoreTxn  *txn,
                          gint64       after_seq,
                          const char  *owner_id,
                          ZcRole       role,
                          const char  *unit_id,
                          gboolean     with_tombstones,
                          guint        limit,
                          GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autofree char *declaration_scope = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (owner_id != NULL, NULL);

  declaration_scope = zc_store_declarations_scope_sql (6);
  sql = g_strconcat (RECORD_SELECT " LEFT JOIN declarations d ON d.record_id = r.id AND r.kind = 'declaration'"
                     " WHERE r.seq > ?1"
                     " AND (r.owner_id = ?2"
                     "  OR (?6 = 'unit_officer' AND a.unit_id = ?3 AND a.role = 'applicant'"
                     "      AND r.kind LIKE 'archive:%')"
                     "  OR ", declaration_scope, ")"
                     " AND (?4 = 1 OR r.deleted = 0)"
                     " ORDER BY r.seq LIMIT ?5",
                     NULL);
  stmt = zc_store_stmt_new (txn, sql, error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_int64 (stmt, 1, after_seq);
  zc_store_stmt_bind_text (stmt, 2, owner_id);
  zc_store_stmt_bind_text (stmt, 3, unit_id);
  zc_store_stmt_bind_boolean (stmt, 4, with_tombstones);
  zc_store_stmt_bind_int64 (stmt, 5, limit);
  zc_store_declarations_bind_scope (stmt, 6, role, unit_id);

  return read_all (stmt, error);
}

/**
 * zc_store_records_touch_archive:
 *
 * Gives every archive entry of @owner_id a new change seq, so that pulls
 * deliver them again: the owner joined a unit, whose officers have not
 * seen them yet.
 */
gboolean
zc_store_records_touch_archive (ZcStoreTxn  *txn,
                                const char  *owner_id,
                                GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ZcStoreStmt) find = NULL;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (owner_id != NULL, FALSE);

  find = zc_store_stmt_new (txn, "SELECT id FROM records WHERE owner_id = ?1 AND kind LIKE 'archive:%' ORDER BY seq",
                            error);
  if (find == NULL)
    return FALSE;
  zc_store_stmt_bind_text (find, 1, owner_id);
  while ((step = zc_store_stmt_step (find, error)) == ZC_STORE_STEP_ROW)
    g_ptr_array_add (ids, zc_store_stmt_dup_text (find, 0));
  if (step == ZC_STORE_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&find, zc_store_stmt_free);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ZcStoreStmt) touch = NULL;
      gint64 seq = 0;

      if (!zc_store_sync_next_seq (txn, &seq, error))
        return FALSE;
      touch = zc_store_stmt_new (txn, "UPDATE records SET seq = ?2 WHERE id = ?1", error);
      if (touch == NULL)
        return FALSE;
      zc_store_stmt_bind_text (touch, 1, ids->pdata[i]);
      zc_store_stmt_bind_int64 (touch, 2, seq);
      if (!zc_store_stmt_run (touch, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * zc_store_records_purge_tombstones:
 * @n_purged: (out): tombstones removed
 * @max_seq: (out): the highest seq among them, 0 when none
 *
 * Removes the tombstones of records deleted before @deleted_before.  A
 * client whose cursor is older than @max_seq may have missed one and
 * must be reset.
 */
gboolean
zc_store_records_purge_tombstones (ZcStoreTxn  *txn,
                                   gint64       deleted_before,
                                   gint64      *n_purged,
                                   gint64      *max_seq,
                                   GError     **error)
{
  g_autoptr(ZcStoreStmt) find = NULL;
  g_autoptr(ZcStoreStmt) purge = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (n_purged != NULL && max_seq != NULL, FALSE);

  find = zc_store_stmt_new (txn,
                            "SELECT count(*), max(seq) FROM records WHERE deleted = 1 AND updated_at < ?1",
                            error);
  if (find == NULL)
    return FALSE;
  zc_store_stmt_bind_int64 (find, 1, deleted_before);
  if (zc_store_stmt_step (find, error) != ZC_STORE_STEP_ROW)
    return FALSE;
  *n_purged = zc_store_stmt_get_int64 (find, 0);
  *max_seq = zc_store_stmt_is_null (find, 1) ? 0 : zc_store_stmt_get_int64 (find, 1);
  g_clear_pointer (&find, zc_store_stmt_free);

  purge = zc_store_stmt_new (txn, "DELETE FROM records WHERE deleted = 1 AND updated_at < ?1", error);
  if (purge == NULL)
    return FALSE;
  zc_store_stmt_bind_int64 (purge, 1, deleted_before);

  return zc_store_stmt_run (purge, error);
}

gboolean
zc_store_records_append_history (ZcStoreTxn                  *txn,
                                 const ZcRecordHistoryEntry  *entry,
                                 GError                     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;

  g_return_val_if_fail (txn != NULL && txn->write, FALSE);
  g_return_val_if_fail (entry != NULL && entry->record_id != NULL && entry->action != NULL, FALSE);

  stmt = zc_store_stmt_new (txn,
                            "INSERT INTO record_history (record_id, at, actor_id, actor_role, action, from_state,"
                            " to_state, comment, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;
  zc_store_stmt_bind_text (stmt, 1, entry->record_id);
  zc_store_stmt_bind_int64 (stmt, 2, entry->at);
  zc_store_stmt_bind_text (stmt, 3, entry->actor_id);
  zc_store_stmt_bind_text (stmt, 4, entry->actor_role);
  zc_store_stmt_bind_text (stmt, 5, entry->action);
  zc_store_stmt_bind_text (stmt, 6, entry->from_state);
  zc_store_stmt_bind_text (stmt, 7, entry->to_state);
  zc_store_stmt_bind_text (stmt, 8, entry->comment);
  zc_store_stmt_bind_int64 (stmt, 9, entry->version);

  return zc_store_stmt_run (stmt, error);
}

/**
 * zc_store_records_get_history:
 *
 * Returns: (transfer full) (element-type ZcRecordHistoryEntry): the
 *   record's review history, oldest first
 */
GPtrArray *
zc_store_records_get_history (ZcStoreTxn  *txn,
                              const char  *record_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_record_history_entry_free);
  g_autoptr(ZcStoreStmt) stmt = NULL;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT h.seq, h.record_id, h.at, h.actor_id, h.actor_role, h.action, h.from_state,"
                            " h.to_state, h.comment, h.version, a.name"
                            " FROM record_history h LEFT JOIN accounts a ON a.id = h.actor_id"
                            " WHERE h.record_id = ?1 ORDER BY h.seq",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, record_id);

  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      ZcRecordHistoryEntry *entry = g_new0 (ZcRecordHistoryEntry, 1);

      entry->seq = zc_store_stmt_get_int64 (stmt, 0);
      entry->record_id = zc_store_stmt_dup_text (stmt, 1);
      entry->at = zc_store_stmt_get_int64 (stmt, 2);
      entry->actor_id = zc_store_stmt_dup_text (stmt, 3);
      entry->actor_role = zc_store_stmt_dup_text (stmt, 4);
      entry->action = zc_store_stmt_dup_text (stmt, 5);
      entry->from_state = zc_store_stmt_dup_text (stmt, 6);
      entry->to_state = zc_store_stmt_dup_text (stmt, 7);
      entry->comment = zc_store_stmt_dup_text (stmt, 8);
      entry->version = zc_store_stmt_get_int64 (stmt, 9);
      entry->actor_name = zc_store_stmt_dup_text (stmt, 10);
      g_ptr_array_add (entries, entry);
    }

  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

static void
body_unref (gpointer body)
{
  if (body != NULL)
    json_object_unref (body);
}

/**
 * zc_store_records_unit_personal_info:
 * @unit_id: the unit
 *
 * For the unit's statistics: one element per applicant of the unit now,
 * their live personal information or %NULL for one who has none yet.
 *
 * Returns: (transfer full) (element-type JsonObject): in account order
 */
GPtrArray *
zc_store_records_unit_personal_info (ZcStoreTxn  *txn,
                                     const char  *unit_id,
                                     GError     **error)
{
  g_autoptr(ZcStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  ZcStoreStep step;

  g_return_val_if_fail (txn != NULL, NULL);
  g_return_val_if_fail (unit_id != NULL, NULL);

  stmt = zc_store_stmt_new (txn,
                            "SELECT r.body FROM accounts a"
                            " LEFT JOIN records r ON r.owner_id = a.id AND r.kind = 'personal-info' AND r.deleted = 0"
                            " WHERE a.unit_id = ?1 AND a.role = 'applicant' ORDER BY a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  zc_store_stmt_bind_text (stmt, 1, unit_id);

  bodies = g_ptr_array_new_with_free_func (body_unref);
  while ((step = zc_store_stmt_step (stmt, error)) == ZC_STORE_STEP_ROW)
    {
      JsonObject *body = NULL;

      if (!zc_store_stmt_is_null (stmt, 0))
        {
          body = parse_body (zc_store_stmt_get_text (stmt, 0), error);
          if (body == NULL)
            return NULL;
        }
      g_ptr_array_add (bodies, body);
    }
  if (step == ZC_STORE_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&bodies);
}
