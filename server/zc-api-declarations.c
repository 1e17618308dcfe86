/* zc-api-declarations.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-json.h"
#include "zc-api-routes.h"
#include "zc-declaration-body.h"
#include "zc-declaration-check.h"
#include "zc-declaration-service.h"
#include "zc-json.h"
#include "zc-review-service.h"

/* Declarations (docs/declarations.md, docs/api.md "Declarations"):
 *   GET  /api/v1/declarations                  the applicant's own, or an officer's queue
 *   POST /api/v1/declarations                  a new declaration (the applicant)
 *   GET  /api/v1/declarations/{id}             record, plan, timeline, frozen flag
 *   PUT  /api/v1/declarations/{id}             an edit (the applicant)
 *   GET  /api/v1/declarations/{id}/check       the check with the server's data
 *   POST /api/v1/declarations/{id}/actions     one action of the chain
 *   POST /api/v1/declarations/actions          many at once, each on its own */

#define LIST_LIMIT_MAX      200
#define LIST_LIMIT_DEFAULT  50
#define RECORD_MAX_BODY     (1024 * 1024)
#define ACTIONS_MAX_BODY    (ZC_DECLARATION_MAX_BATCH * 8 * 1024)

static gboolean
is_officer (const ZcCaller *caller)
{
  return caller->role != ZC_ROLE_APPLICANT;
}

/* The record, with its state's label. */
static JsonNode *
record_json (const ZcStoredRecord *record,
             const ZcCaller       *caller,
             ZcLanguage            language)
{
  JsonNode *node = zc_api_json_record (record, is_officer (caller));
  ZcDeclarationState state;

  if (zc_declaration_state_from_string (record->state, &state))
    json_object_set_string_member (json_node_get_object (node), "state_label",
                                   zc_declaration_state_get_label (state, language));
  return node;
}

static void
list (ZcApiRequest  *request,
      GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  ZcDeclarationListQuery query = { 0 };
  ZcDeclarationState state;
  JsonObject *object;
  JsonArray *items;
  gint64 total = 0;

  if (!zc_api_request_get_query_text (request, "state", 32, &query.state, error) ||
      !zc_api_request_get_query_text (request, "plan_id", 64, &query.plan_id, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT, &query.limit, error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &query.offset, error))
    return;
  if (query.state != NULL && !zc_declaration_state_from_string (query.state, &state))
    {
      zc_api_set_invalid_field (error, "state", zc_translate (request->language, N_("There is no such state.")));
      return;
    }
  if (query.plan_id != NULL && !zc_json_is_uuid (query.plan_id))
    {
      zc_api_set_invalid_field (error, "plan_id", zc_translate (request->language, N_("A plan id is a UUID.")));
      return;
    }

  records = zc_declaration_service_list (request->ctx, request->caller, &query, &total, request->language, error);
  if (records == NULL)
    return;

  items = json_array_new ();
  for (guint i = 0; i < records->len; i++)
    json_array_add_element (items, record_json (records->pdata[i], request->caller, request->language));
  object = json_object_new ();
  json_object_set_array_member (object, "declarations", items);
  json_object_set_int_member (object, "total", total);
  zc_api_request_respond (request, SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
}

static void
create (ZcApiRequest  *request,
        GError       **error)
{
  static const char * const allowed[] = { "id", "body", NULL };
  g_autoptr(ZcPutResult) result = NULL;
  JsonObject *object, *body = NULL;
  const char *id = NULL;

  if ((object = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_uuid (request, object, "id", FALSE, &id, error) ||
      !zc_api_request_get_object (request, object, "body", TRUE, &body, error))
    return;

  result = zc_record_service_put (request->ctx, request->caller, id, ZC_DECLARATION_KIND, 0, body, TRUE,
                                  request->address, request->language, error);
  if (result != NULL)
    zc_api_request_respond (request, SOUP_STATUS_CREATED,
                            record_json (result->record, request->caller, request->language));
}

static void
change (ZcApiRequest  *request,
        GError       **error)
{
  static const char * const allowed[] = { "base_version", "body", NULL };
  g_autoptr(ZcPutResult) result = NULL;
  JsonObject *object, *body = NULL;
  gint64 base_version = 0;

  if ((object = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_int (request, object, "base_version", TRUE, 0, ZC_JSON_MAX_SAFE_INTEGER, &base_version,
                               error) ||
      !zc_api_request_get_object (request, object, "body", TRUE, &body, error))
    return;

  result = zc_record_service_put (request->ctx, request->caller, zc_api_request_get_param (request, 0),
                                  ZC_DECLARATION_KIND, base_version, body, FALSE, request->address,
                                  request->language, error);
  if (result != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_put_result (result));
}

static JsonObject *
plan_summary (ZcPlan     *plan,
              ZcLanguage  language)
{
  JsonObject *object = json_object_new ();
  JsonObject *windows = json_object_new ();

  json_object_set_string_member (object, "id", zc_plan_get_id (plan));
  json_object_set_int_member (object, "version", zc_plan_get_version (plan));
  json_object_set_string_member (object, "name", zc_plan_get_name (plan));
  json_object_set_int_member (object, "year", zc_plan_get_year (plan));
  json_object_set_string_member (object, "type", zc_plan_type_to_string (zc_plan_get_plan_type (plan)));
  json_object_set_string_member (object, "type_label",
                                 zc_plan_type_get_label (zc_plan_get_plan_type (plan), language));
  json_object_set_string_member (object, "state", zc_plan_state_to_string (zc_plan_get_state (plan)));
  json_object_set_string_member (object, "committee_id", zc_plan_get_committee_id (plan));
  json_object_set_string_member (object, "committee_name", zc_plan_get_committee_name (plan));
  json_object_set_boolean_member (object, "interview", zc_plan_get_interview (plan));
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    {
      GDateTime *time = zc_plan_get_window (plan, i);
      g_autofree char *text = time != NULL ? zc_json_format_timestamp (time) : NULL;

      json_object_set_string_member (windows, zc_plan_window_to_string (i), text);
    }
  json_object_set_object_member (object, "windows", windows);

  return object;
}

/* The history, each step with the data its action carried. */
static JsonArray *
timeline (const ZcDeclarationDetail *detail,
          ZcLanguage                 language)
{
  JsonArray *steps = json_array_new ();

  for (guint i = 0; i < detail->history->len; i++)
    {
      ZcRecordHistoryEntry *entry = g_ptr_array_index (detail->history, i);
      JsonNode *node = zc_api_json_history_entry (entry, language);
      JsonObject *step = json_node_get_object (node);
      ZcDeclarationAction action;
      ZcDeclarationState state;

      if (zc_declaration_action_from_string (entry->action, &action))
        json_object_set_string_member (step, "action_label", zc_declaration_action_get_label (action, language));
      if (zc_declaration_state_from_string (entry->from_state, &state))
        json_object_set_string_member (step, "from_label", zc_declaration_state_get_label (state, language));
      if (zc_declaration_state_from_string (entry->to_state, &state))
        json_object_set_string_member (step, "to_label", zc_declaration_state_get_label (state, language));

      for (guint j = 0; j < detail->events->len; j++)
        {
          ZcDeclarationEvent *event = g_ptr_array_index (detail->events, j);

          if (event->version == entry->version && g_strcmp0 (event->action, entry->action) == 0)
            json_object_set_object_member (step, "data", json_object_ref (event->data));
        }
      json_array_add_element (steps, node);
    }

  return steps;
}

static JsonArray *
events_json (const ZcDeclarationDetail *detail)
{
  JsonArray *events = json_array_new ();

  for (guint i = 0; i < detail->events->len; i++)
    {
      ZcDeclarationEvent *event = g_ptr_array_index (detail->events, i);
      g_autofree char *at = zc_api_json_time (event->at);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "at", at);
      json_object_set_string_member (object, "action", event->action);
      json_object_set_string_member (object, "actor_name", event->actor_name);
      json_object_set_object_member (object, "data", json_object_ref (event->data));
      json_array_add_object_element (events, object);
    }

  return events;
}

static void
get (ZcApiRequest  *request,
     GError       **error)
{
  g_autoptr(ZcDeclarationDetail) detail = NULL;
  g_autoptr(GArray) actions = NULL;
  JsonObject *object;
  JsonArray *available;
  ZcDeclarationState state;
  ZcPlanType plan_type = ZC_PLAN_TYPE_REVIEW;

  detail = zc_declaration_service_get (request->ctx, request->caller, zc_api_request_get_param (request, 0),
                                       request->language, error);
  if (detail == NULL)
    return;

  object = json_object_new ();
  json_object_set_member (object, "record", record_json (detail->record, request->caller, request->language));
  if (detail->plan != NULL)
    json_object_set_object_member (object, "plan", plan_summary (detail->plan, request->language));
  else
    json_object_set_null_member (object, "plan");
  json_object_set_array_member (object, "timeline", timeline (detail, request->language));
  json_object_set_array_member (object, "events", events_json (detail));
  json_object_set_boolean_member (object, "frozen", detail->frozen);
  json_object_set_int_member (object, "pending_picks", detail->pending_picks);
  json_object_set_array_member (object, "picks", detail->picks != NULL ? json_array_ref (detail->picks)
                                                                       : json_array_new ());

  /* what the caller may do now, for the buttons */
  zc_plan_type_from_string (detail->row->plan_type, &plan_type);
  available = json_array_new ();
  if (zc_declaration_state_from_string (detail->record->state, &state))
    actions = zc_declaration_workflow_available_actions (plan_type, state, request->caller->role);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      ZcDeclarationAction action = g_array_index (actions, ZcDeclarationAction, i);

      if (action != ZC_DECLARATION_ACTION_SAVE_DRAFT)
        json_array_add_string_element (available, zc_declaration_action_to_string (action));
    }
  json_object_set_array_member (object, "available_actions", available);

  zc_api_request_respond (request, SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
}

static void
check (ZcApiRequest  *request,
       GError       **error)
{
  g_autoptr(GPtrArray) items = zc_declaration_service_check (request->ctx, request->caller,
                                                             zc_api_request_get_param (request, 0),
                                                             request->language, error);
  JsonObject *object;

  if (items == NULL)
    return;

  object = json_object_new ();
  json_object_set_boolean_member (object, "passed", zc_declaration_check_all_passed (items));
  json_object_set_member (object, "items", zc_declaration_check_to_json (items));
  zc_api_request_respond (request, SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
}

/* The members of one action; @with_id for a batch item. */
static gboolean
parse_decision (ZcApiRequest           *request,
                JsonObject             *object,
                gboolean                with_id,
                ZcDeclarationDecision  *decision,
                GError                **error)
{
  static const char * const single[] = { "action", "comment", "expected_state", "expected_version", "args", NULL };
  static const char * const item[] = { "id", "action", "comment", "expected_state", "expected_version", "args",
                                       NULL };
  g_autoptr(GError) json_error = NULL;
  const char *action = NULL;

  if (!zc_json_check_members (object, with_id ? item : single, &json_error))
    {
      zc_api_error_from_json (error, json_error, request->language);
      return FALSE;
    }

  if ((with_id && !zc_api_request_get_uuid (request, object, "id", TRUE, &decision->record_id, error)) ||
      !zc_api_request_get_string (request, object, "action", TRUE, 32, &action, error))
    return FALSE;
  if (!zc_declaration_action_from_string (action, &decision->action))
    {
      zc_api_set_invalid_field (error, "action",
                                zc_translate (request->language, N_("There is no such action on a declaration.")));
      return FALSE;
    }

  return zc_api_request_get_string (request, object, "comment", FALSE, ZC_WORKFLOW_COMMENT_MAX_CHARS * 2,
                                    &decision->comment, error) &&
         zc_api_request_get_string (request, object, "expected_state", TRUE, 32, &decision->expected_state,
                                    error) &&
         zc_api_request_get_int (request, object, "expected_version", FALSE, 1, ZC_JSON_MAX_SAFE_INTEGER,
                                 &decision->expected_version, error) &&
         zc_api_request_get_object (request, object, "args", FALSE, &decision->args, error);
}

/* A refused submission answers 422 with the check's items. */
static void
respond_check_failed (ZcApiRequest  *request,
                      const GError  *refusal,
                      GPtrArray     *items)
{
  JsonNode *body = zc_api_error_body ("check_failed", refusal->message, NULL, NULL);

  json_object_set_member (json_node_get_object (body), "items", zc_declaration_check_to_json (items));
  zc_api_request_respond (request, 422, body);
}

static void
act (ZcApiRequest  *request,
     GError       **error)
{
  g_autoptr(ZcStoredRecord) record = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) refusal = NULL;
  ZcDeclarationDecision decision = { zc_api_request_get_param (request, 0) };
  JsonNode *node;

  if ((node = zc_api_request_parse_json (request, error)) == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "malformed_json", NULL,
                        zc_translate (request->language, N_("The request is not a valid JSON object.")));
      return;
    }
  if (!parse_decision (request, json_node_get_object (node), FALSE, &decision, error))
    return;

  record = zc_declaration_service_act (request->ctx, request->caller, &decision, request->address,
                                       request->language, &items, &refusal);
  if (record != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, record_json (record, request->caller, request->language));
  else if (items != NULL && g_strcmp0 (zc_api_error_get_code (refusal), "check_failed") == 0)
    respond_check_failed (request, refusal, items);
  else
    g_propagate_error (error, g_steal_pointer (&refusal));
}

static JsonNode *
outcome_to_json (const ZcDecisionOutcome *outcome,
                 ZcApiRequest            *request)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", outcome->record_id);
  json_object_set_boolean_member (object, "ok", outcome->record != NULL);
  if (outcome->record != NULL)
    json_object_set_member (object, "record", record_json (outcome->record, request->caller, request->language));
  else
    {
      json_object_set_int_member (object, "status", outcome->error->code);
      json_object_set_string_member (object, "code", zc_api_error_get_code (outcome->error));
      json_object_set_string_member (object, "message", outcome->error->message);
      if (zc_api_error_get_field (outcome->error) != NULL)
        json_object_set_string_member (object, "field", zc_api_error_get_field (outcome->error));
    }

  return json_node_init_object (json_node_alloc (), object);
}

static void
act_batch (ZcApiRequest  *request,
           GError       **error)
{
  static const char * const allowed[] = { "actions", NULL };
  g_autofree ZcDeclarationDecision *decisions = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonObject *object;
  JsonArray *items = NULL;
  JsonArray *results;
  guint n;

  if ((object = zc_api_request_parse_body (request, allowed, error)) == NULL)
    return;
  if (!zc_json_get_array (object, "actions", TRUE, &items, &json_error))
    {
      zc_api_error_from_json (error, json_error, request->language);
      return;
    }

  n = json_array_get_length (items);
  if (n == 0 || n > ZC_DECLARATION_MAX_BATCH)
    {
      g_autofree char *message = zc_translate_printf (request->language, N_("Send 1 to %d actions at a time."),
                                                      ZC_DECLARATION_MAX_BATCH);

      zc_api_set_invalid_field (error, "actions", message);
      return;
    }

  decisions = g_new0 (ZcDeclarationDecision, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_autoptr(GError) item_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          !parse_decision (request, json_node_get_object (item), TRUE, &decisions[i], &item_error))
        {
          g_autofree char *field = NULL;
          g_autofree char *message = NULL;

          if (item_error != NULL && zc_api_error_get_field (item_error) != NULL)
            field = g_strdup_printf ("actions[%u].%s", i, zc_api_error_get_field (item_error));
          else
            field = g_strdup_printf ("actions[%u]", i);
          message = zc_translate_printf (request->language, N_("The value “%s” is not valid."), field);
          zc_api_set_error (error, ZC_API_ERROR_INVALID,
                            item_error != NULL ? zc_api_error_get_code (item_error) : "wrong_type", field,
                            item_error != NULL ? item_error->message : message);
          return;
        }
    }

  outcomes = zc_declaration_service_act_batch (request->ctx, request->caller, decisions, n, request->address,
                                               request->language, error);
  if (outcomes == NULL)
    return;

  results = json_array_new ();
  for (guint i = 0; i < outcomes->len; i++)
    json_array_add_element (results, outcome_to_json (outcomes->pdata[i], request));
  zc_api_request_respond_list (request, "results", results);
}

#define APPLICANT ZC_API_ROLE (ZC_ROLE_APPLICANT)
#define REVIEWERS (ZC_API_ROLE (ZC_ROLE_UNIT_OFFICER) | ZC_API_ROLE (ZC_ROLE_DEPARTMENT_OFFICER) | \
                   ZC_API_ROLE (ZC_ROLE_COMMITTEE_OFFICER) | ZC_API_ROLE (ZC_ROLE_ISSUER))
#define EVERYONE_IN_CHAIN (APPLICANT | REVIEWERS)

static const ZcApiRoute routes[] = {
  { "GET", "declarations", ZC_API_ACCOUNT, EVERYONE_IN_CHAIN, list },
  { "POST", "declarations", ZC_API_ACCOUNT, APPLICANT, create, RECORD_MAX_BODY },
  { "POST", "declarations/actions", ZC_API_ACCOUNT, EVERYONE_IN_CHAIN, act_batch, ACTIONS_MAX_BODY },
  { "GET", "declarations/{id}", ZC_API_ACCOUNT, EVERYONE_IN_CHAIN, get },
  { "PUT", "declarations/{id}", ZC_API_ACCOUNT, APPLICANT, change, RECORD_MAX_BODY },
  { "GET", "declarations/{id}/check", ZC_API_ACCOUNT, EVERYONE_IN_CHAIN, check },
  { "POST", "declarations/{id}/actions", ZC_API_ACCOUNT, EVERYONE_IN_CHAIN, act },
};

void
zc_api_declarations_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
