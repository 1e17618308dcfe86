/* zc-review-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-message-service.h"
#include "zc-review-service.h"
#include "zc-store-audit.h"
#include "zc-store-sync.h"

void
zc_decision_outcome_free (ZcDecisionOutcome *outcome)
{
  if (outcome == NULL)
    return;

  g_free (outcome->record_id);
  g_clear_pointer (&outcome->record, zc_stored_record_free);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

/**
 * zc_decisions_run_batch:
 *
 * The batches of the archive and the declaration desks: each decision
 * succeeds or fails on its own, in one transaction.
 *
 * Returns: (transfer full) (element-type ZcDecisionOutcome): one outcome
 *   per decision, in order
 */
GPtrArray *
zc_decisions_run_batch (ZcContext              *ctx,
                        const ZcChangeContext  *change,
                        gconstpointer           decisions,
                        guint                   n_decisions,
                        ZcDecideInFunc          decide_in,
                        GError                **error)
{
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_decision_outcome_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, change->language);
      return NULL;
    }

  for (guint i = 0; i < n_decisions; i++)
    {
      ZcDecisionOutcome *outcome = g_new0 (ZcDecisionOutcome, 1);
      const char *record_id = NULL;

      g_ptr_array_add (outcomes, outcome);
      if (!zc_store_txn_step_begin (txn, &local_error))
        break;

      outcome->record = decide_in (txn, change, decisions, i, &record_id, &outcome->error);
      outcome->record_id = g_strdup (record_id);
      if (outcome->record != NULL)
        {
          if (!zc_store_txn_step_end (txn, &local_error))
            break;
        }
      else if (outcome->error->domain != ZC_API_ERROR)
        {
          local_error = g_steal_pointer (&outcome->error);
          break;
        }
      else if (!zc_store_txn_step_undo (txn, &local_error))
        break;
    }

  if (local_error != NULL || !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, change->language);
      return NULL;
    }

  return g_steal_pointer (&outcomes);
}

/* The one answer for "someone else acted first". */
void
zc_review_set_state_changed (GError     **error,
                             ZcLanguage   language)
{
  zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "state_changed", NULL,
                    zc_translate (language, N_("This entry has already been decided or changed by someone else. "
                                               "Look at it again.")));
}

/* A ZC_WORKFLOW_ERROR as the API answers it. */
void
zc_review_error_from_workflow (GError       **error,
                               const GError  *workflow_error,
                               ZcLanguage     language)
{
  g_return_if_fail (workflow_error != NULL);

  if (workflow_error->domain != ZC_WORKFLOW_ERROR)
    {
      zc_api_error_from_other (error, workflow_error, language);
      return;
    }

  switch ((ZcWorkflowError) workflow_error->code)
    {
    case ZC_WORKFLOW_ERROR_NOT_ALLOWED:
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "not_allowed", NULL, workflow_error->message);
      break;
    case ZC_WORKFLOW_ERROR_WRONG_ROLE:
      zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "forbidden", NULL, workflow_error->message);
      break;
    case ZC_WORKFLOW_ERROR_COMMENT_REQUIRED:
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "comment_required", "comment", workflow_error->message);
      break;
    case ZC_WORKFLOW_ERROR_STATE_CHANGED:
      zc_review_set_state_changed (error, language);
      break;
    case ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG:
    case ZC_WORKFLOW_ERROR_COMMENT_INVALID:
    default:
      zc_api_set_invalid_field (error, "comment", workflow_error->message);
      break;
    }
}

/* The comment without white space around it (full-width spaces too),
 * NULL when nothing is left. */
static char *
trim_comment (const char *comment)
{
  const char *start = comment;
  const char *end;

  if (comment == NULL)
    return NULL;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *previous = g_utf8_find_prev_char (start, end);

      if (previous == NULL || !g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return end > start ? g_strndup (start, end - start) : NULL;
}

/**
 * zc_review_service_note_transition_in:
 * @record: the entry after the change
 * @from_state: (nullable): its state before; NULL for a new entry
 * @comment: (nullable): the actor's comment
 *
 * Writes what every change of an entry leaves behind: a row of its
 * history and of the audit trail, and, when the review state changed,
 * a message to the applicant.
 */
gboolean
zc_review_service_note_transition_in (ZcStoreTxn             *txn,
                                      const ZcChangeContext  *change,
                                      const ZcStoredRecord   *record,
                                      ZcArchiveAction         action,
                                      const char             *from_state,
                                      const char             *comment,
                                      GError                **error)
{
  g_autofree char *audit_action = g_strconcat ("archive.", zc_archive_action_to_string (action), NULL);
  g_autofree char *detail = g_strdup_printf ("%s→%s", from_state != NULL ? from_state : "-",
                                             record->state != NULL ? record->state : "-");
  ZcRecordHistoryEntry history = {
    .record_id = record->id,
    .at = change->now,
    .actor_id = change->caller->account_id,
    .actor_role = (char *) zc_role_to_string (change->caller->role),
    .action = (char *) zc_archive_action_to_string (action),
    .from_state = (char *) from_state,
    .to_state = record->state,
    .comment = (char *) comment,
    .version = record->version,
  };
  ZcAuditEntry audit = {
    .actor = change->caller->account_id,
    .action = audit_action,
    .object = record->id,
    .detail = detail,
    .address = change->address,
  };

  if (!zc_store_records_append_history (txn, &history, error) ||
      !zc_store_audit_append (txn, change->now, &audit, error))
    return FALSE;

  if (from_state == NULL || g_strcmp0 (from_state, record->state) == 0)
    return TRUE;

  return zc_message_service_notify_in (txn, change, record, audit_action, from_state, comment, error);
}

static gboolean
is_decision (ZcArchiveAction action)
{
  return action == ZC_ARCHIVE_ACTION_APPROVE || action == ZC_ARCHIVE_ACTION_RETURN ||
         action == ZC_ARCHIVE_ACTION_REJECT;
}

/**
 * zc_review_service_act_in:
 *
 * Sends an entry for review (its applicant) or decides it (an officer of
 * the applicant's unit).  The entry must still be in the expected state
 * (and version, when given): otherwise 409 `state_changed`.
 *
 * Returns: (transfer full): the entry after the action
 */
ZcStoredRecord *
zc_review_service_act_in (ZcStoreTxn             *txn,
                          const ZcChangeContext  *change,
                          const ZcDecision       *decision,
                          GError                **error)
{
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(GError) workflow_error = NULL;
  g_autofree char *from_state = NULL;
  g_autofree char *comment = NULL;
  ZcReviewState from, to, expected;
  ZcLanguage language = change->language;

  g_return_val_if_fail (txn != NULL && change != NULL && decision != NULL && decision->record_id != NULL, NULL);

  if (decision->action != ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW && !is_decision (decision->action))
    {
      zc_api_set_invalid_field (error, "decision", zc_translate (language, N_("There is no such decision.")));
      return NULL;
    }
  if (decision->expected_state == NULL)
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "missing_value", "expected_state",
                        zc_translate (language, N_("Say which state you saw the entry in.")));
      return NULL;
    }
  if (!zc_review_state_from_string (decision->expected_state, &expected))
    {
      zc_api_set_invalid_field (error, "expected_state", zc_translate (language, N_("There is no such state.")));
      return NULL;
    }

  record = zc_record_service_get_visible_in (txn, change->caller, decision->record_id, TRUE, language, error);
  if (record == NULL)
    return NULL;
  if (!zc_record_kind_is_archive (record->kind) || !zc_review_state_from_string (record->state, &from))
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  /* someone acted first: the applicant deleted or changed it, or
   * another officer decided */
  if (record->deleted || from != expected ||
      (decision->expected_version > 0 && decision->expected_version != record->version))
    {
      zc_review_set_state_changed (error, language);
      return NULL;
    }

  if (!zc_archive_workflow_check (from, decision->action, change->caller->role, decision->comment, &to,
                                  language, &workflow_error))
    {
      zc_review_error_from_workflow (error, workflow_error, language);
      return NULL;
    }

  comment = trim_comment (decision->comment);
  from_state = g_strdup (record->state);
  g_free (record->state);
  record->state = g_strdup (zc_review_state_to_string (to));
  if (is_decision (decision->action))
    {
      g_free (record->review_comment);
      record->review_comment = g_strdup (comment);
    }
  if (to == ZC_REVIEW_STATE_PENDING)
    record->submitted_at = change->now;
  record->version++;
  record->updated_at = change->now;

  if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
      !zc_store_records_update (txn, record, FALSE, error) ||
      !zc_review_service_note_transition_in (txn, change, record, decision->action, from_state, comment, error))
    return NULL;

  return g_steal_pointer (&record);
}

/* Returns: (transfer full): the entry after the action */
ZcStoredRecord *
zc_review_service_act (ZcContext         *ctx,
                       const ZcCaller    *caller,
                       const ZcDecision  *decision,
                       const char        *address,
                       ZcLanguage         language,
                       GError           **error)
{
  ZcChangeContext change = { caller, NULL, 0, address, language, zc_context_now (ctx) };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && decision != NULL, NULL);

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn != NULL)
    record = zc_review_service_act_in (txn, &change, decision, &local_error);
  if (record == NULL || !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&record);
}

static ZcStoredRecord *
decide_entry_in (ZcStoreTxn             *txn,
                 const ZcChangeContext  *change,
                 gconstpointer           decisions,
                 guint                   index,
                 const char            **record_id,
                 GError                **error)
{
  const ZcDecision *decision = (const ZcDecision *) decisions + index;

  *record_id = decision->record_id;
  return zc_review_service_act_in (txn, change, decision, error);
}

/**
 * zc_review_service_act_batch:
 * @decisions: (array length=n_decisions): at most %ZC_REVIEW_MAX_BATCH
 *
 * Each decision succeeds or fails on its own, in one transaction.
 *
 * Returns: (transfer full) (element-type ZcDecisionOutcome): one outcome
 *   per decision, in order
 */
GPtrArray *
zc_review_service_act_batch (ZcContext         *ctx,
                             const ZcCaller    *caller,
                             const ZcDecision  *decisions,
                             guint              n_decisions,
                             const char        *address,
                             ZcLanguage         language,
                             GError           **error)
{
  ZcChangeContext change = { caller, NULL, 0, address, language, zc_context_now (ctx) };

  g_return_val_if_fail (ctx != NULL && caller != NULL && (decisions != NULL || n_decisions == 0), NULL);

  return zc_decisions_run_batch (ctx, &change, decisions, n_decisions, decide_entry_in, error);
}

/**
 * zc_review_service_queue:
 *
 * Returns: (transfer full) (element-type ZcStoredRecord): the entries of
 *   @query->unit_id's people, for that unit's officer only (404 for
 *   anyone else)
 */
GPtrArray *
zc_review_service_queue (ZcContext                 *ctx,
                         const ZcCaller            *caller,
                         const ZcRecordQueueQuery  *query,
                         ZcLanguage                 language,
                         GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  GPtrArray *records = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && query != NULL && query->unit_id != NULL, NULL);

  if (caller->role != ZC_ROLE_UNIT_OFFICER || g_strcmp0 (caller->unit_id, query->unit_id) != 0)
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn != NULL)
    records = zc_store_records_queue (txn, query, &local_error);
  if (records == NULL)
    zc_api_error_from_other (error, local_error, language);

  return records;
}

/**
 * zc_review_service_history:
 *
 * Returns: (transfer full) (element-type ZcRecordHistoryEntry): who
 *   changed the entry's state, when and why, oldest first
 */
GPtrArray *
zc_review_service_history (ZcContext       *ctx,
                           const ZcCaller  *caller,
                           const char      *record_id,
                           ZcLanguage       language,
                           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;
  GPtrArray *history = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && record_id != NULL, NULL);

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  record = zc_record_service_get_visible_in (txn, caller, record_id, TRUE, language, error);
  if (record == NULL)
    return NULL;

  history = zc_store_records_get_history (txn, record_id, &local_error);
  if (history == NULL)
    zc_api_error_from_other (error, local_error, language);

  return history;
}
