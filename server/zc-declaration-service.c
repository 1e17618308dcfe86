/* zc-declaration-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-declaration-body.h"
#include "zc-declaration-freeze.h"
#include "zc-declaration-record.h"
#include "zc-declaration-service.h"
#include "zc-review-service.h"
#include "zc-store-audit.h"
#include "zc-store-messages.h"
#include "zc-store-plans.h"
#include "zc-store-sync.h"

void
zc_declaration_detail_free (ZcDeclarationDetail *detail)
{
  if (detail == NULL)
    return;

  g_clear_pointer (&detail->record, zc_stored_record_free);
  g_clear_pointer (&detail->row, zc_declaration_row_free);
  g_clear_pointer (&detail->plan, zc_plan_unref);
  g_clear_pointer (&detail->history, g_ptr_array_unref);
  g_clear_pointer (&detail->events, g_ptr_array_unref);
  g_clear_pointer (&detail->picks, json_array_unref);
  g_free (detail);
}

void
zc_declaration_action_context_clear (ZcDeclarationActionContext *context)
{
  g_clear_pointer (&context->event, json_object_unref);
  g_clear_pointer (&context->check_items, g_ptr_array_unref);
}

/* How far up the chain a state lies. */
static ZcDeclarationReached
reached_by (ZcDeclarationState state)
{
  switch (state)
    {
    case ZC_DECLARATION_STATE_UNIT_REVIEW:
    case ZC_DECLARATION_STATE_UNIT_RECOMMENDED:
    case ZC_DECLARATION_STATE_UNIT_PUBLICITY:
    case ZC_DECLARATION_STATE_UNIT_PUBLICITY_ENDED:
      return ZC_DECLARATION_REACHED_UNIT;
    case ZC_DECLARATION_STATE_DEPARTMENT_REVIEW:
      return ZC_DECLARATION_REACHED_DEPARTMENT;
    case ZC_DECLARATION_STATE_COMMITTEE_INTAKE:
    case ZC_DECLARATION_STATE_UNDER_REVIEW:
    case ZC_DECLARATION_STATE_INTERVIEW_SCHEDULED:
    case ZC_DECLARATION_STATE_REVIEW_PASSED:
    case ZC_DECLARATION_STATE_RESULT_PUBLICITY:
    case ZC_DECLARATION_STATE_RESULT_PUBLICITY_ENDED:
    case ZC_DECLARATION_STATE_FAILED:
      return ZC_DECLARATION_REACHED_COMMITTEE;
    case ZC_DECLARATION_STATE_ISSUING:
    case ZC_DECLARATION_STATE_ISSUER_REVIEW:
    case ZC_DECLARATION_STATE_CERTIFIED:
      return ZC_DECLARATION_REACHED_ISSUER;
    case ZC_DECLARATION_STATE_DRAFT:
    case ZC_DECLARATION_STATE_DISCARDED:
    case ZC_DECLARATION_STATE_RETURNED:
    default:
      return ZC_DECLARATION_REACHED_NONE;
    }
}

#define REVIEW "review"

/* Whether @caller's role and unit have @row in scope (the owner aside). */
static gboolean
in_scope (const ZcCaller          *caller,
          const ZcDeclarationRow  *row)
{
  if (g_strcmp0 (row->state, "draft") == 0)
    return FALSE;

  switch (caller->role)
    {
    case ZC_ROLE_UNIT_OFFICER:
      return caller->unit_id != NULL && g_strcmp0 (row->receiving_unit_id, caller->unit_id) == 0 &&
             row->reached >= ZC_DECLARATION_REACHED_UNIT;
    /* a determination goes from the unit to the issuer */
    case ZC_ROLE_DEPARTMENT_OFFICER:
      return caller->unit_id != NULL && g_strcmp0 (row->department_id, caller->unit_id) == 0 &&
             g_strcmp0 (row->plan_type, REVIEW) == 0 && row->reached >= ZC_DECLARATION_REACHED_DEPARTMENT;
    case ZC_ROLE_COMMITTEE_OFFICER:
      return caller->unit_id != NULL && g_strcmp0 (row->committee_id, caller->unit_id) == 0 &&
             g_strcmp0 (row->plan_type, REVIEW) == 0 && row->reached >= ZC_DECLARATION_REACHED_COMMITTEE;
    case ZC_ROLE_ISSUER:
      return row->reached >= ZC_DECLARATION_REACHED_ISSUER;
    case ZC_ROLE_APPLICANT:
    case ZC_ROLE_ADMIN:
    default:
      return FALSE;
    }
}

static ZcStoredRecord *
get_visible (ZcStoreTxn         *txn,
             const ZcCaller     *caller,
             const char         *record_id,
             ZcDeclarationRow  **row_out,
             ZcLanguage          language,
             GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredRecord) record = zc_store_records_get (txn, record_id, &local_error);
  g_autoptr(ZcDeclarationRow) row = NULL;

  if (record == NULL)
    {
      zc_record_service_store_failed (error, local_error, language);
      return NULL;
    }
  if (!g_str_equal (record->kind, ZC_DECLARATION_KIND) || record->deleted)
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  row = zc_store_declarations_get (txn, record_id, &local_error);
  if (row == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  if (g_strcmp0 (record->owner_id, caller->account_id) != 0 && !in_scope (caller, row))
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  if (row_out != NULL)
    *row_out = g_steal_pointer (&row);
  return g_steal_pointer (&record);
}

/**
 * zc_declaration_service_get_visible_in:
 *
 * Returns: (transfer full): the declaration, when the caller may see it
 */
ZcStoredRecord *
zc_declaration_service_get_visible_in (ZcStoreTxn      *txn,
                                       const ZcCaller  *caller,
                                       const char      *record_id,
                                       ZcLanguage       language,
                                       GError         **error)
{
  g_return_val_if_fail (txn != NULL && caller != NULL && record_id != NULL, NULL);

  return get_visible (txn, caller, record_id, NULL, language, error);
}

static void
set_state_changed (GError     **error,
                   ZcLanguage   language)
{
  zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "state_changed", NULL,
                    zc_translate (language, N_("This declaration has already been acted on or changed by someone "
                                               "else. Look at it again.")));
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

static void
copy_members (JsonObject *to,
              JsonObject *from)
{
  g_autoptr(GList) members = NULL;

  if (from == NULL)
    return;
  members = json_object_get_members (from);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (to, l->data, json_node_copy (json_object_get_member (from, l->data)));
}

/* The applicant's message; worded when read (zc-message-service.c). */
static gboolean
notify (ZcStoreTxn             *txn,
        const ZcChangeContext  *change,
        const ZcStoredRecord   *record,
        ZcPlan                 *plan,
        const char             *action,
        const char             *from_state,
        const char             *comment,
        JsonObject             *event,
        GError                **error)
{
  g_autoptr(ZcStoredMessage) message = zc_stored_message_new ();

  message->id = g_uuid_string_random ();
  message->account_id = g_strdup (record->owner_id);
  message->record_id = g_strdup (record->id);
  message->action = g_strdup (action);
  message->created_at = change->now;
  message->detail = json_object_new ();
  copy_members (message->detail, event);
  json_object_set_string_member (message->detail, "record_kind", record->kind);
  json_object_set_string_member (message->detail, "plan_name", plan != NULL ? zc_plan_get_name (plan) : "");
  json_object_set_string_member (message->detail, "from", from_state);
  json_object_set_string_member (message->detail, "to", record->state);
  json_object_set_string_member (message->detail, "comment", comment);
  json_object_set_string_member (message->detail, "actor_name", change->caller->name);
  json_object_set_string_member (message->detail, "actor_role", zc_role_to_string (change->caller->role));

  return zc_store_sync_next_seq (txn, &message->seq, error) &&
         zc_store_messages_insert (txn, message, error);
}

/* History, audit trail, timeline event and message of one transition. */
static gboolean
note_transition (ZcStoreTxn                  *txn,
                 const ZcChangeContext       *change,
                 const ZcStoredRecord        *record,
                 ZcPlan                      *plan,
                 ZcDeclarationAction          action,
                 const char                  *from_state,
                 const char                  *comment,
                 JsonObject                  *event,
                 GError                     **error)
{
  const char *action_id = zc_declaration_action_to_string (action);
  g_autofree char *audit_action = g_strconcat ("declaration.", action_id, NULL);
  g_autofree char *detail = g_strdup_printf ("%s→%s", from_state, record->state);
  ZcRecordHistoryEntry history = {
    .record_id = record->id,
    .at = change->now,
    .actor_id = change->caller->account_id,
    .actor_role = (char *) zc_role_to_string (change->caller->role),
    .action = (char *) action_id,
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

  if (event != NULL)
    {
      ZcDeclarationEvent row = {
        .record_id = record->id,
        .at = change->now,
        .actor_id = change->caller->account_id,
        .action = (char *) action_id,
        .data = event,
        .version = record->version,
      };

      if (!zc_store_declarations_add_event (txn, &row, error))
        return FALSE;
    }

  /* a rescheduled interview keeps the state, but the notice is news */
  if (g_strcmp0 (from_state, record->state) == 0 && action != ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW)
    return TRUE;

  return notify (txn, change, record, plan, audit_action, from_state, comment, event, error);
}

static gboolean
check_decision (const ZcDeclarationDecision  *decision,
                ZcDeclarationState           *expected,
                ZcLanguage                    language,
                GError                      **error)
{
  if (decision->action == ZC_DECLARATION_ACTION_CREATE || decision->action == ZC_DECLARATION_ACTION_SAVE_DRAFT ||
      (guint) decision->action >= ZC_N_DECLARATION_ACTIONS)
    {
      zc_api_set_invalid_field (error, "action", zc_translate (language, N_("There is no such action on a "
                                                                            "declaration.")));
      return FALSE;
    }
  if (decision->expected_state == NULL)
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "missing_value", "expected_state",
                        zc_translate (language, N_("Say which state you saw the declaration in.")));
      return FALSE;
    }
  if (!zc_declaration_state_from_string (decision->expected_state, expected))
    {
      zc_api_set_invalid_field (error, "expected_state", zc_translate (language, N_("There is no such state.")));
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_declaration_service_act_full_in:
 * @check_items: (out) (optional) (transfer full): the check's items when
 *   a submission was refused with `check_failed`
 *
 * Returns: (transfer full): the declaration after the action
 */
ZcStoredRecord *
zc_declaration_service_act_full_in (ZcStoreTxn                   *txn,
                                    const ZcChangeContext        *change,
                                    const ZcDeclarationDecision  *decision,
                                    GPtrArray                   **check_items,
                                    GError                      **error)
{
  g_auto(ZcDeclarationActionContext) context = { 0 };
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(ZcDeclarationRow) row = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *from_state = NULL;
  g_autofree char *comment = NULL;
  ZcDeclarationState from, to, expected;
  ZcPlanType plan_type = ZC_PLAN_TYPE_REVIEW;
  ZcLanguage language = change->language;

  g_return_val_if_fail (txn != NULL && change != NULL && decision != NULL && decision->record_id != NULL, NULL);

  if (!check_decision (decision, &expected, language, error))
    return NULL;

  record = get_visible (txn, change->caller, decision->record_id, &row, language, error);
  if (record == NULL)
    return NULL;
  if (!zc_declaration_state_of (record, &from))
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "Declaration %s has no valid state", record->id);
      return NULL;
    }
  if (from != expected || (decision->expected_version > 0 && decision->expected_version != record->version))
    {
      set_state_changed (error, language);
      return NULL;
    }

  zc_plan_type_from_string (row->plan_type, &plan_type);
  if (!zc_declaration_workflow_check (plan_type, from, decision->action, change->caller->role, decision->comment,
                                      &to, language, &refusal))
    {
      zc_review_error_from_workflow (error, refusal, language);
      return NULL;
    }

  plan = zc_store_plans_get (txn, row->plan_id, row->plan_version, error);
  if (plan == NULL)
    return NULL;

  context.txn = txn;
  context.change = change;
  context.decision = decision;
  context.record = record;
  context.row = row;
  context.plan = plan;
  context.from = from;
  context.to = to;
  if (!zc_declaration_actions_check_in (&context, error))
    {
      if (check_items != NULL)
        *check_items = g_steal_pointer (&context.check_items);
      return NULL;
    }

  comment = trim_comment (decision->comment);
  from_state = g_strdup (record->state);
  g_free (record->state);
  record->state = g_strdup (zc_declaration_state_to_string (to));
  if (change->caller->role != ZC_ROLE_APPLICANT)
    {
      g_free (record->review_comment);
      record->review_comment = g_strdup (comment);
    }
  if (to == ZC_DECLARATION_STATE_UNIT_REVIEW)
    record->submitted_at = change->now;
  record->version++;
  record->updated_at = change->now;

  g_free (row->state);
  row->state = g_strdup (record->state);
  row->reached = MAX (row->reached, (gint64) reached_by (to));
  if (decision->action == ZC_DECLARATION_ACTION_RETURN)
    row->returns++;
  if (to == ZC_DECLARATION_STATE_UNIT_REVIEW)
    row->submitted_at = change->now;
  row->updated_at = change->now;

  if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
      !zc_store_records_update (txn, record, FALSE, error) ||
      !zc_store_declarations_put (txn, row, error) ||
      !note_transition (txn, change, record, plan, decision->action, from_state, comment, context.event, error))
    return NULL;

  if ((decision->action == ZC_DECLARATION_ACTION_SUBMIT || decision->action == ZC_DECLARATION_ACTION_RESUBMIT) &&
      !zc_declaration_freeze_in (txn, change, record, error))
    return NULL;

  return g_steal_pointer (&record);
}

/**
 * zc_declaration_service_act_in:
 *
 * Returns: (transfer full): the declaration after the action
 */
ZcStoredRecord *
zc_declaration_service_act_in (ZcStoreTxn                   *txn,
                               const ZcChangeContext        *change,
                               const ZcDeclarationDecision  *decision,
                               GError                      **error)
{
  return zc_declaration_service_act_full_in (txn, change, decision, NULL, error);
}

/* Returns: (transfer full): the declaration after the action */
ZcStoredRecord *
zc_declaration_service_act (ZcContext                    *ctx,
                            const ZcCaller               *caller,
                            const ZcDeclarationDecision  *decision,
                            const char                   *address,
                            ZcLanguage                    language,
                            GPtrArray                   **check_items,
                            GError                      **error)
{
  ZcChangeContext change = { caller, NULL, 0, address, language, zc_context_now (ctx) };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && decision != NULL, NULL);

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn != NULL)
    record = zc_declaration_service_act_full_in (txn, &change, decision, check_items, &local_error);
  if (record == NULL || !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&record);
}

static ZcStoredRecord *
decide_declaration_in (ZcStoreTxn             *txn,
                       const ZcChangeContext  *change,
                       gconstpointer           decisions,
                       guint                   index,
                       const char            **record_id,
                       GError                **error)
{
  const ZcDeclarationDecision *decision = (const ZcDeclarationDecision *) decisions + index;

  *record_id = decision->record_id;
  return zc_declaration_service_act_in (txn, change, decision, error);
}

/**
 * zc_declaration_service_act_batch:
 * @decisions: (array length=n_decisions): at most %ZC_DECLARATION_MAX_BATCH
 *
 * Each decision succeeds or fails on its own, in one transaction.
 *
 * Returns: (transfer full) (element-type ZcDecisionOutcome): one outcome
 *   per decision, in order
 */
GPtrArray *
zc_declaration_service_act_batch (ZcContext                    *ctx,
                                  const ZcCaller               *caller,
                                  const ZcDeclarationDecision  *decisions,
                                  guint                         n_decisions,
                                  const char                   *address,
                                  ZcLanguage                    language,
                                  GError                      **error)
{
  ZcChangeContext change = { caller, NULL, 0, address, language, zc_context_now (ctx) };

  g_return_val_if_fail (ctx != NULL && caller != NULL && (decisions != NULL || n_decisions == 0), NULL);

  return zc_decisions_run_batch (ctx, &change, decisions, n_decisions, decide_declaration_in, error);
}

/**
 * zc_declaration_service_list:
 * @total: (out): how many match in all
 *
 * The applicant's own declarations, or an officer's queue: the unit's
 * (received by it), the department's (its units', past the unit), the
 * committee's (its plans', past the department), the issuer's (from
 * issuing on).  Drafts are the applicant's alone.
 *
 * Returns: (transfer full) (element-type ZcStoredRecord): a page
 */
GPtrArray *
zc_declaration_service_list (ZcContext                     *ctx,
                             const ZcCaller                *caller,
                             const ZcDeclarationListQuery  *list,
                             gint64                        *total,
                             ZcLanguage                     language,
                             GError                       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_stored_record_free);
  ZcDeclarationQuery query = { .state = list->state, .plan_id = list->plan_id, .without_drafts = TRUE,
                               .limit = list->limit, .offset = list->offset };

  g_return_val_if_fail (ctx != NULL && caller != NULL && list != NULL && total != NULL, NULL);

  switch (caller->role)
    {
    case ZC_ROLE_APPLICANT:
      query.owner_id = caller->account_id;
      query.without_drafts = FALSE;
      break;
    case ZC_ROLE_UNIT_OFFICER:
      query.receiving_unit_id = caller->unit_id;
      query.min_reached = ZC_DECLARATION_REACHED_UNIT;
      break;
    case ZC_ROLE_DEPARTMENT_OFFICER:
      query.department_id = caller->unit_id;
      query.min_reached = ZC_DECLARATION_REACHED_DEPARTMENT;
      query.plan_type = REVIEW;
      break;
    case ZC_ROLE_COMMITTEE_OFFICER:
      query.committee_id = caller->unit_id;
      query.min_reached = ZC_DECLARATION_REACHED_COMMITTEE;
      query.plan_type = REVIEW;
      break;
    case ZC_ROLE_ISSUER:
      query.min_reached = ZC_DECLARATION_REACHED_ISSUER;
      break;
    case ZC_ROLE_ADMIN:
    default:
      zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "forbidden", NULL,
                        zc_translate (language, N_("Your role does not allow this.")));
      return NULL;
    }

  /* an officer without a unit has no queue */
  if (caller->role != ZC_ROLE_APPLICANT && caller->role != ZC_ROLE_ISSUER && caller->unit_id == NULL)
    {
      *total = 0;
      return g_steal_pointer (&records);
    }

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn != NULL)
    rows = zc_store_declarations_query (txn, &query, total, &local_error);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      ZcDeclarationRow *row = g_ptr_array_index (rows, i);
      ZcStoredRecord *record = zc_store_records_get (txn, row->record_id, &local_error);

      if (record == NULL)
        break;
      g_ptr_array_add (records, record);
    }
  if (rows == NULL || local_error != NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* The frozen copy's picked entries, category by category as the review
 * form prints them, each {id, category, pending, body}: reviewers see
 * what was picked as it was at the submission, and are warned of the
 * entries the unit had not approved (SPEC "Declaration" step 6). */
static JsonArray *
frozen_picks (JsonNode *document,
              guint    *n_pending)
{
  JsonArray *picks = json_array_new ();
  JsonObject *entries = NULL;
  g_autoptr(GList) categories = NULL;

  *n_pending = 0;
  if (!JSON_NODE_HOLDS_OBJECT (document) ||
      !zc_json_get_object (json_node_get_object (document), "entries", FALSE, &entries, NULL) || entries == NULL)
    return picks;

  categories = json_object_get_members (entries);
  for (GList *l = categories; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (entries, l->data);
      JsonArray *list = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonNode *entry = json_array_get_element (list, i);
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;
          JsonObject *pick;
          const char *id = NULL;
          JsonObject *body = NULL;
          gboolean pending = FALSE;

          if (object == NULL || !zc_json_get_string (object, "id", TRUE, &id, NULL) ||
              !zc_json_get_object (object, "body", FALSE, &body, NULL))
            continue;
          zc_json_get_boolean (object, "pending", FALSE, &pending, NULL);
          pick = json_object_new ();
          json_object_set_string_member (pick, "id", id);
          json_object_set_string_member (pick, "category", l->data);
          json_object_set_boolean_member (pick, "pending", pending);
          json_object_set_object_member (pick, "body", body != NULL ? zc_json_object_copy_deep (body)
                                                                    : json_object_new ());
          json_array_add_object_element (picks, pick);
          if (pending)
            (*n_pending)++;
        }
    }
  return picks;
}

/**
 * zc_declaration_service_get:
 *
 * Returns: (transfer full): the declaration with its plan, history and
 *   events, when the caller may see it (404 otherwise)
 */
ZcDeclarationDetail *
zc_declaration_service_get (ZcContext       *ctx,
                            const ZcCaller  *caller,
                            const char      *record_id,
                            ZcLanguage       language,
                            GError         **error)
{
  g_autoptr(ZcDeclarationDetail) detail = g_new0 (ZcDeclarationDetail, 1);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(JsonNode) snapshot = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && record_id != NULL, NULL);

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  detail->record = get_visible (txn, caller, record_id, &detail->row, language, error);
  if (detail->record == NULL)
    return NULL;

  detail->plan = zc_store_plans_get (txn, detail->row->plan_id, detail->row->plan_version, &local_error);
  if (detail->plan == NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  g_clear_error (&local_error);

  detail->history = zc_store_records_get_history (txn, record_id, &local_error);
  if (detail->history != NULL)
    detail->events = zc_store_declarations_events (txn, record_id, &local_error);
  if (detail->events != NULL)
    snapshot = zc_store_declarations_get_snapshot (txn, record_id, NULL, &local_error);
  detail->frozen = snapshot != NULL;
  if (snapshot != NULL)
    detail->picks = frozen_picks (snapshot, &detail->pending_picks);
  if (detail->events == NULL ||
      (snapshot == NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND)))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&detail);
}

/**
 * zc_declaration_service_check:
 *
 * Returns: (transfer full) (element-type ZcCheckItem): the check run
 *   now with the server's data
 */
GPtrArray *
zc_declaration_service_check (ZcContext       *ctx,
                              const ZcCaller  *caller,
                              const char      *record_id,
                              ZcLanguage       language,
                              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcStoredRecord) record = NULL;
  GPtrArray *items = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && record_id != NULL, NULL);

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  record = get_visible (txn, caller, record_id, NULL, language, error);
  if (record == NULL)
    return NULL;

  items = zc_declaration_record_check_in (txn, record, zc_context_now (ctx), language, &local_error);
  if (items == NULL)
    zc_api_error_from_other (error, local_error, language);

  return items;
}
