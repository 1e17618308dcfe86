/* zc-local-store-review.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-json.h"
#include "zc-local-store-private.h"
#include "zc-local-store-review.h"

/* The review queue is read from the records the officer's pull brought
 * (archive entries of other accounts) with the newest decision queued
 * here for each, so a decision shows at once and survives a pull that
 * lands before the server has answered it.  Applicants' names are not
 * in the records: the desk caches them in sync_meta under
 * "person-name:<id>" when it is online. */

#define PERSON_NAME_PREFIX "person-name:"

struct _ZcReviewQueue
{
  GArray       *rows;      /* of ZcReviewRow */
  GStringChunk *strings;   /* the rows' strings */
  GHashTable   *by_id;     /* id → index + 1, built on first find */
};

/* The state an awaiting decision leads to, and the state a refused one
 * is shown in until the server's copy arrives: the one the officer saw. */
#define EFFECTIVE_STATE \
  "CASE WHEN d.status IN ('queued', 'sending') THEN" \
  "  CASE d.name WHEN 'archive.approve' THEN 'approved' WHEN 'archive.return' THEN 'returned'" \
  "  WHEN 'archive.reject' THEN 'rejected' ELSE r.state END" \
  " WHEN d.status = 'rejected' AND r.server_version <= d.base_version THEN coalesce (d.expected_state, r.state)" \
  " ELSE r.state END"

#define LATEST_DECISION \
  "(SELECT max (o.mutation_id) FROM outbox o WHERE o.record_id = r.id AND o.name LIKE 'archive.%')"

void
zc_review_filter_init (ZcReviewFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->state = -1;
  filter->sort = ZC_REVIEW_SORT_AGE;
}

const char *
zc_review_action_mutation_name (ZcArchiveAction action)
{
  switch (action)
    {
    case ZC_ARCHIVE_ACTION_APPROVE:
      return ZC_LOCAL_STORE_MUTATION_APPROVE;
    case ZC_ARCHIVE_ACTION_RETURN:
      return ZC_LOCAL_STORE_MUTATION_RETURN;
    case ZC_ARCHIVE_ACTION_REJECT:
      return ZC_LOCAL_STORE_MUTATION_REJECT;
    case ZC_ARCHIVE_ACTION_CREATE:
    case ZC_ARCHIVE_ACTION_EDIT:
    case ZC_ARCHIVE_ACTION_DELETE:
    case ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW:
    case ZC_ARCHIVE_ACTION_IMPORT:
    default:
      return NULL;
    }
}

/* The queue */

guint
zc_review_queue_get_n_rows (ZcReviewQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);
  return queue->rows->len;
}

const ZcReviewRow *
zc_review_queue_get_row (ZcReviewQueue *queue,
                         guint          index)
{
  g_return_val_if_fail (queue != NULL, NULL);

  if (index >= queue->rows->len)
    return NULL;
  return &g_array_index (queue->rows, ZcReviewRow, index);
}

gboolean
zc_review_queue_find (ZcReviewQueue *queue,
                      const char    *id,
                      guint         *index_out)
{
  gpointer value;

  g_return_val_if_fail (queue != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (queue->by_id == NULL)
    {
      queue->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < queue->rows->len; i++)
        g_hash_table_insert (queue->by_id, (gpointer) g_array_index (queue->rows, ZcReviewRow, i).id,
                             GUINT_TO_POINTER (i + 1));
    }
  value = g_hash_table_lookup (queue->by_id, id);
  if (value == NULL)
    return FALSE;
  if (index_out != NULL)
    *index_out = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

void
zc_review_queue_free (ZcReviewQueue *queue)
{
  if (queue == NULL)
    return;
  g_array_unref (queue->rows);
  g_string_chunk_free (queue->strings);
  g_clear_pointer (&queue->by_id, g_hash_table_unref);
  g_free (queue);
}

void
zc_review_person_free (ZcReviewPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->id);
  g_free (person->name);
  g_free (person);
}

/* "50%_off" → "%50\%\_off%" for LIKE … ESCAPE '\' */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static const char *
order_column (ZcReviewSort sort)
{
  switch (sort)
    {
    case ZC_REVIEW_SORT_PERSON:
      return "name IS NULL, coalesce (name, owner_id)";
    case ZC_REVIEW_SORT_CATEGORY:
      return "kind";
    case ZC_REVIEW_SORT_STATUS:
      return "state";
    case ZC_REVIEW_SORT_AGE:
    default:
      return "updated_at";
    }
}

/**
 * zc_local_store_review_query:
 * @filter: (nullable): what to show; %NULL for every entry, longest
 *   waiting first
 *
 * Reads the queue with one query: the live archive entries of accounts
 * other than the store's own, with the state a decision queued here
 * gives them.  Fast enough for tens of thousands of rows: no bodies are
 * read except to search.
 *
 * Returns: (transfer full): the rows
 */
ZcReviewQueue *
zc_local_store_review_query (ZcLocalStore          *self,
                             const ZcReviewFilter  *filter,
                             GError               **error)
{
  ZcReviewFilter all;
  g_autoptr(GString) sql = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(ZcReviewQueue) queue = NULL;
  sqlite3_stmt *stmt;
  int rc, n = 1;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    {
      zc_review_filter_init (&all);
      filter = &all;
    }

  sql = g_string_new ("SELECT id, kind, owner_id, name, state, server_version, updated_at, flags FROM ("
                      "SELECT r.id AS id, r.kind AS kind, r.owner_id AS owner_id, p.v AS name,"
                      " " EFFECTIVE_STATE " AS state, r.server_version AS server_version,"
                      " r.updated_at AS updated_at,"
                      " (CASE WHEN d.status IN ('queued', 'sending') THEN 1 ELSE 0 END"
                      "  | CASE WHEN d.status = 'rejected' THEN 2 ELSE 0 END) AS flags,"
                      " r.body AS body"
                      " FROM records r"
                      " LEFT JOIN sync_meta p ON p.k = '" PERSON_NAME_PREFIX "' || r.owner_id"
                      " LEFT JOIN outbox d ON d.mutation_id = " LATEST_DECISION
                      " WHERE r.kind LIKE 'archive:%' AND r.deleted = 0 AND r.owner_id != ?1)"
                      " WHERE 1");
  n = 2;
  if (filter->person_id != NULL)
    g_string_append_printf (sql, " AND owner_id = ?%d", n++);
  if (filter->category != NULL)
    g_string_append_printf (sql, " AND kind = ?%d", n++);
  if (filter->state >= 0)
    g_string_append_printf (sql, " AND state = ?%d", n++);
  if (filter->min_age_days > 0)
    g_string_append_printf (sql, " AND updated_at <= ?%d", n++);
  if (filter->search != NULL && *filter->search != '\0')
    {
      g_string_append_printf (sql, " AND (name LIKE ?%d ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each (body) j"
                                   " WHERE j.type = 'text' AND j.value LIKE ?%d ESCAPE '\\'))", n, n);
      n++;
    }
  g_string_append_printf (sql, " ORDER BY %s %s, updated_at, id", order_column (filter->sort),
                          filter->descending ? "DESC" : "ASC");

  stmt = zc_local_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  n = 1;
  sqlite3_bind_text (stmt, n++, zc_local_store_get_owner_id (self), -1, SQLITE_TRANSIENT);
  if (filter->person_id != NULL)
    sqlite3_bind_text (stmt, n++, filter->person_id, -1, SQLITE_TRANSIENT);
  if (filter->category != NULL)
    {
      kind = zc_local_store_archive_kind (filter->category);
      sqlite3_bind_text (stmt, n++, kind != NULL ? kind : "", -1, SQLITE_TRANSIENT);
    }
  if (filter->state >= 0)
    sqlite3_bind_text (stmt, n++, filter->state < ZC_N_REVIEW_STATES
                                    ? zc_review_state_to_string ((ZcReviewState) filter->state) : "",
                       -1, SQLITE_STATIC);
  if (filter->min_age_days > 0)
    sqlite3_bind_int64 (stmt, n++, zc_local_store_now () - (gint64) filter->min_age_days * G_TIME_SPAN_DAY);
  if (filter->search != NULL && *filter->search != '\0')
    {
      pattern = like_pattern (filter->search);
      sqlite3_bind_text (stmt, n++, pattern, -1, SQLITE_TRANSIENT);
    }

  queue = g_new0 (ZcReviewQueue, 1);
  queue->rows = g_array_sized_new (FALSE, TRUE, sizeof (ZcReviewRow), 256);
  queue->strings = g_string_chunk_new (16384);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcReviewRow row = { 0 };
      const char *name = (const char *) sqlite3_column_text (stmt, 3);

      if (!zc_review_state_from_string ((const char *) sqlite3_column_text (stmt, 4), &row.state))
        continue;   /* not an entry the workflow knows: nothing to decide */
      row.id = g_string_chunk_insert (queue->strings, (const char *) sqlite3_column_text (stmt, 0));
      row.kind = g_string_chunk_insert_const (queue->strings, (const char *) sqlite3_column_text (stmt, 1));
      row.owner_id = g_string_chunk_insert_const (queue->strings, (const char *) sqlite3_column_text (stmt, 2));
      row.owner_name = name != NULL ? g_string_chunk_insert_const (queue->strings, name) : NULL;
      row.version = sqlite3_column_int64 (stmt, 5);
      row.updated_at = sqlite3_column_int64 (stmt, 6);
      row.flags = (guint) sqlite3_column_int (stmt, 7);
      g_array_append_val (queue->rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the review queue failed");
      return NULL;
    }

  return g_steal_pointer (&queue);
}

/**
 * zc_local_store_review_list_people:
 *
 * Returns: (transfer full) (element-type ZcReviewPerson): the accounts
 *   whose entries are in the queue, by name (unknown names last)
 */
GPtrArray *
zc_local_store_review_list_people (ZcLocalStore  *self,
                                   GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_review_person_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self,
                                 "SELECT r.owner_id, p.v, sum (r.state = 'pending'), count (*) FROM records r"
                                 " LEFT JOIN sync_meta p ON p.k = '" PERSON_NAME_PREFIX "' || r.owner_id"
                                 " WHERE r.kind LIKE 'archive:%' AND r.deleted = 0 AND r.owner_id != ?"
                                 " GROUP BY r.owner_id ORDER BY p.v IS NULL, p.v, r.owner_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, zc_local_store_get_owner_id (self), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcReviewPerson *person = g_new0 (ZcReviewPerson, 1);

      person->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      person->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      person->n_pending = (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT);
      person->n_entries = (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT);
      g_ptr_array_add (people, person);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Listing the applicants failed");
      return NULL;
    }

  return g_steal_pointer (&people);
}

/**
 * zc_local_store_review_count_awaiting:
 *
 * Returns: how many decisions made here wait for the server
 */
guint
zc_local_store_review_count_awaiting (ZcLocalStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), 0);

  stmt = zc_local_store_prepare (self, "SELECT count (*) FROM outbox WHERE name LIKE 'archive.%'"
                                       " AND status != 'rejected'", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  sqlite3_finalize (stmt);
  return count;
}

/* Applicants' names */

/**
 * zc_local_store_review_set_person_names:
 * @names: (element-type utf8 utf8): account id → name
 *
 * Remembers the names of the unit's people (as the server listed them)
 * for the queue; ids that are not UUIDs and empty names are skipped.
 */
gboolean
zc_local_store_review_set_person_names (ZcLocalStore  *self,
                                        GHashTable    *names,
                                        GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean changed = FALSE;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (names != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *meta_key = NULL;
      sqlite3_stmt *stmt;

      if (!zc_json_is_uuid (key) || value == NULL || *(const char *) value == '\0' ||
          !g_utf8_validate (value, -1, NULL))
        continue;
      meta_key = g_strconcat (PERSON_NAME_PREFIX, (const char *) key, NULL);
      stmt = zc_local_store_prepare (self, "INSERT INTO sync_meta (k, v) VALUES (?1, ?2)"
                                           " ON CONFLICT (k) DO UPDATE SET v = ?2 WHERE v != ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, meta_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      if (!zc_local_store_step_done (self, stmt, error))
        goto fail;
      changed |= sqlite3_changes (self->db) > 0;
    }
  if (!zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  if (changed)
    zc_local_store_emit_changed (self, NULL, NULL);
  return TRUE;

fail:
  zc_local_store_rollback (self);
  return FALSE;
}

/**
 * zc_local_store_review_get_person_name:
 *
 * Returns: (transfer full) (nullable): the name remembered for the
 *   account, or %NULL
 */
char *
zc_local_store_review_get_person_name (ZcLocalStore *self,
                                       const char   *person_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  key = g_strconcat (PERSON_NAME_PREFIX, person_id, NULL);
  return zc_local_store_get_meta (self, key);
}

/* Decisions */

typedef struct
{
  char          *kind;
  ZcReviewState  state;     /* as shown: with a decision still queued, the decided one */
  gint64         version;
  gboolean       awaiting;
  gboolean       own;
} Seen;

#define READ_FOR_DECISION \
  "SELECT r.kind, " EFFECTIVE_STATE ", r.server_version," \
  " d.status IN ('queued', 'sending'), r.owner_id = ?2" \
  " FROM records r LEFT JOIN outbox d ON d.mutation_id = " LATEST_DECISION \
  " WHERE r.id = ?1 AND r.deleted = 0 AND r.kind LIKE 'archive:%'"

/* @stmt is READ_FOR_DECISION, prepared once for a batch. */
static gboolean
read_for_decision (ZcLocalStore  *self,
                   sqlite3_stmt  *stmt,
                   const char    *id,
                   Seen          *seen,
                   ZcLanguage     language,
                   GError       **error)
{
  const char *state;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, zc_local_store_get_owner_id (self), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND, "%s",
                     zc_translate (language, N_("This archive entry is no longer on this computer.")));
      else
        zc_local_store_set_db_error (self, error, "Reading the entry failed");
      return FALSE;
    }

  state = (const char *) sqlite3_column_text (stmt, 1);
  seen->version = sqlite3_column_int64 (stmt, 2);
  seen->awaiting = sqlite3_column_int (stmt, 3) != 0;
  seen->own = sqlite3_column_int (stmt, 4) != 0;
  if (!zc_review_state_from_string (state, &seen->state))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_DATABASE,
                   "The archive entry %s has no valid review state", id);
      return FALSE;
    }
  seen->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

/* @insert and @update are prepared once for a batch. */
static gboolean
queue_decision (ZcLocalStore          *self,
                sqlite3_stmt          *insert,
                sqlite3_stmt          *update,
                const char            *name,
                const ZcReviewTarget  *target,
                ZcReviewState          to,
                const char            *comment,
                gint64                 now,
                GError               **error)
{
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *args_text = NULL;
  sqlite3_stmt *stmt;

  if (comment != NULL)
    json_object_set_string_member (args, "comment", comment);
  args_text = zc_local_store_object_to_string (args);

  stmt = insert;
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, target->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, target->seen_version);
  sqlite3_bind_text (stmt, 4, zc_review_state_to_string (target->seen_state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, args_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return zc_local_store_set_db_error (self, error, "Queueing the decision failed");

  /* optimistic: the entry leaves the pending list; the pull brings the
   * server's word, and the queued row marks it as waiting meanwhile */
  stmt = update;
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, zc_review_state_to_string (to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, comment, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, target->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return zc_local_store_set_db_error (self, error, "Queueing the decision failed");
  return TRUE;
}

/**
 * zc_local_store_review_decide:
 * @action: approve, return or reject
 * @targets: (array length=n_targets): the entries, as the officer saw them
 * @comment: (nullable): the reason; required to return or reject
 * @language: the language of the messages of @error
 *
 * Queues one decision for each of @targets, all in one transaction:
 * either every one is queued or none.  The shared archive workflow
 * checks each offline first (%ZC_WORKFLOW_ERROR: a missing comment,
 * an action the state does not allow); an entry that is no longer as
 * the officer saw it here — changed by a pull, or decided already — is
 * %ZC_WORKFLOW_ERROR_STATE_CHANGED and nothing is queued.  The server
 * checks again with the same expected state and version.
 */
gboolean
zc_local_store_review_decide (ZcLocalStore          *self,
                              ZcArchiveAction        action,
                              const ZcReviewTarget  *targets,
                              guint                  n_targets,
                              const char            *comment,
                              ZcLanguage             language,
                              GError               **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  const char *name = zc_review_action_mutation_name (action);
  sqlite3_stmt *read = NULL, *insert = NULL, *update = NULL;
  gint64 now = zc_local_store_now ();

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (targets != NULL || n_targets == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    {
      g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED, "%s",
                   zc_translate (language, N_("This is not a review decision.")));
      return FALSE;
    }
  if (n_targets == 0)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID, "%s",
                   zc_translate (language, N_("Choose at least one entry.")));
      return FALSE;
    }
  if (comment != NULL && g_utf8_validate (comment, -1, NULL))
    {
      trimmed = g_strdup (comment);
      g_strstrip (trimmed);
      if (*trimmed == '\0')
        g_clear_pointer (&trimmed, g_free);
    }

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  read = zc_local_store_prepare (self, READ_FOR_DECISION, error);
  insert = read != NULL ? zc_local_store_prepare (self, "INSERT INTO outbox (name, record_id, base_version,"
                                                        " expected_state, args, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                                  error) : NULL;
  update = insert != NULL ? zc_local_store_prepare (self, "UPDATE records SET state = ?, review_comment = ?, dirty = 1"
                                                          " WHERE id = ?", error) : NULL;
  if (update == NULL)
    goto fail;

  for (guint i = 0; i < n_targets; i++)
    {
      const ZcReviewTarget *target = &targets[i];
      Seen seen = { 0 };
      ZcReviewState to;
      gboolean ok;

      if (target->id == NULL || !zc_json_is_uuid (target->id))
        {
          g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                       "“%s” is not a record id", target->id != NULL ? target->id : "");
          goto fail;
        }
      if (!read_for_decision (self, read, target->id, &seen, language, error))
        goto fail;
      g_ptr_array_add (kinds, seen.kind);

      if (seen.own)
        {
          g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_WRONG_ROLE, "%s",
                       zc_translate (language, N_("You cannot review your own archive entries.")));
          goto fail;
        }
      /* never applied blindly: what the officer decided on must be what
       * is here now */
      if (seen.awaiting)
        {
          g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED, "%s",
                       zc_translate (language, N_("This entry has been decided already; the decision waits to be "
                                                  "sent to the server.")));
          goto fail;
        }
      if (seen.version != target->seen_version)
        {
          g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED, "%s",
                       zc_translate (language, N_("This entry has changed since you opened it. Look at it again.")));
          goto fail;
        }
      if (!zc_archive_workflow_check_expected (seen.state, target->seen_state, language, error))
        goto fail;

      ok = zc_archive_workflow_check (target->seen_state, action, ZC_ROLE_UNIT_OFFICER, comment, &to,
                                      language, error);
      if (!ok || !queue_decision (self, insert, update, name, target, to, trimmed, now, error))
        goto fail;
    }

  g_clear_pointer (&read, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&update, sqlite3_finalize);
  if (!zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  /* as a pull does: a large batch is told once per kind */
  for (guint i = 0; i < n_targets; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      gboolean told = FALSE;

      for (guint j = 0; n_targets > 50 && j < i && !told; j++)
        told = g_str_equal (kind, g_ptr_array_index (kinds, j));
      if (!told)
        zc_local_store_emit_changed (self, targets[i].id, kind);
    }
  return TRUE;

fail:
  g_clear_pointer (&read, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&update, sqlite3_finalize);
  zc_local_store_rollback (self);
  return FALSE;
}
