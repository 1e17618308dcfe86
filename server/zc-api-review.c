/* zc-api-review.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-json.h"
#include "zc-api-routes.h"
#include "zc-json.h"
#include "zc-review-service.h"

/* The unit officer's review of archive entries:
 *   GET  /api/v1/units/{id}/archive          the queue of the unit's entries
 *   POST /api/v1/archive/{id}/decision       approve, return or reject one entry
 *   POST /api/v1/archive/decisions           many at once, each on its own */

#define QUEUE_LIMIT_MAX      500
#define QUEUE_LIMIT_DEFAULT  100
#define MAX_AGE_DAYS         3650

/* ~1 KiB per decision is plenty (a comment is at most 500 characters) */
#define DECISIONS_MAX_BODY   (ZC_REVIEW_MAX_BATCH * 4 * 1024)

static void
list_queue (ZcApiRequest  *request,
            GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *kind = NULL;
  ZcRecordQueueQuery query = { .unit_id = zc_api_request_get_param (request, 0) };
  const char *person = NULL, *category = NULL, *state = NULL;
  guint min_age_days = 0;
  ZcReviewState value;
  JsonArray *items;

  if (!zc_api_request_get_query_text (request, "person", 64, &person, error) ||
      !zc_api_request_get_query_text (request, "category", 64, &category, error) ||
      !zc_api_request_get_query_text (request, "state", 32, &state, error) ||
      !zc_api_request_get_query_uint (request, "min_age_days", 0, MAX_AGE_DAYS, 0, &min_age_days, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, QUEUE_LIMIT_MAX, QUEUE_LIMIT_DEFAULT, &query.limit,
                                      error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &query.offset, error))
    return;

  if (person != NULL && !zc_json_is_uuid (person))
    {
      zc_api_set_invalid_field (error, "person",
                                zc_translate (request->language, N_("Name the person by their account id.")));
      return;
    }
  if (state == NULL)
    state = "pending";
  else if (g_str_equal (state, "all"))
    state = NULL;
  else if (!zc_review_state_from_string (state, &value))
    {
      zc_api_set_invalid_field (error, "state", zc_translate (request->language, N_("There is no such state.")));
      return;
    }

  if (category != NULL)
    kind = g_strconcat (ZC_RECORD_KIND_ARCHIVE_PREFIX, category, NULL);
  query.owner_id = person;
  query.kind = kind;
  query.state = state;
  if (min_age_days > 0)
    query.submitted_before = zc_context_now (request->ctx) - (gint64) min_age_days * 24 * 3600 * G_USEC_PER_SEC;

  records = zc_review_service_queue (request->ctx, request->caller, &query, request->language, error);
  if (records == NULL)
    return;

  items = json_array_new ();
  for (guint i = 0; i < records->len; i++)
    json_array_add_element (items, zc_api_json_record (records->pdata[i], TRUE));
  zc_api_request_respond_list (request, "records", items);
}

static gboolean
parse_action (ZcApiRequest     *request,
              const char       *text,
              ZcArchiveAction  *action,
              GError          **error)
{
  if (zc_archive_action_from_string (text, action) &&
      (*action == ZC_ARCHIVE_ACTION_APPROVE || *action == ZC_ARCHIVE_ACTION_RETURN ||
       *action == ZC_ARCHIVE_ACTION_REJECT))
    return TRUE;

  zc_api_set_invalid_field (error, "decision",
                            zc_translate (request->language,
                                          N_("The decision is “approve”, “return” or “reject”.")));
  return FALSE;
}

/* The members of one decision; @with_id for a batch item. */
static gboolean
parse_decision (ZcApiRequest  *request,
                JsonObject    *object,
                gboolean       with_id,
                ZcDecision    *decision,
                GError       **error)
{
  static const char * const single[] = { "decision", "comment", "expected_state", "expected_version", NULL };
  static const char * const item[] = { "id", "decision", "comment", "expected_state", "expected_version", NULL };
  g_autoptr(GError) json_error = NULL;
  const char *action = NULL;

  if (!zc_json_check_members (object, with_id ? item : single, &json_error))
    {
      zc_api_error_from_json (error, json_error, request->language);
      return FALSE;
    }

  return (!with_id || zc_api_request_get_uuid (request, object, "id", TRUE, &decision->record_id, error)) &&
         zc_api_request_get_string (request, object, "decision", TRUE, 16, &action, error) &&
         parse_action (request, action, &decision->action, error) &&
         zc_api_request_get_string (request, object, "comment", FALSE, ZC_WORKFLOW_COMMENT_MAX_CHARS * 2,
                                    &decision->comment, error) &&
         zc_api_request_get_string (request, object, "expected_state", TRUE, 32, &decision->expected_state,
                                    error) &&
         zc_api_request_get_int (request, object, "expected_version", FALSE, 1, ZC_JSON_MAX_SAFE_INTEGER,
                                 &decision->expected_version, error);
}

static void
decide (ZcApiRequest  *request,
        GError       **error)
{
  g_autoptr(ZcStoredRecord) record = NULL;
  ZcDecision decision = { zc_api_request_get_param (request, 0) };
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

  record = zc_review_service_act (request->ctx, request->caller, &decision, request->address, request->language,
                                  error);
  if (record != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_record (record, TRUE));
}

static JsonNode *
outcome_to_json (const ZcDecisionOutcome *outcome)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", outcome->record_id);
  json_object_set_boolean_member (object, "ok", outcome->record != NULL);
  if (outcome->record != NULL)
    json_object_set_member (object, "record", zc_api_json_record (outcome->record, TRUE));
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
decide_batch (ZcApiRequest  *request,
              GError       **error)
{
  static const char * const allowed[] = { "decisions", NULL };
  g_autofree ZcDecision *decisions = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  JsonObject *object;
  JsonArray *items = NULL;
  JsonArray *results;
  guint n;

  if ((object = zc_api_request_parse_body (request, allowed, error)) == NULL)
    return;
  {
    g_autoptr(GError) json_error = NULL;

    if (!zc_json_get_array (object, "decisions", TRUE, &items, &json_error))
      {
        zc_api_error_from_json (error, json_error, request->language);
        return;
      }
  }

  n = json_array_get_length (items);
  if (n == 0 || n > ZC_REVIEW_MAX_BATCH)
    {
      g_autofree char *message = zc_translate_printf (request->language, N_("Send 1 to %d decisions at a time."),
                                                      ZC_REVIEW_MAX_BATCH);

      zc_api_set_invalid_field (error, "decisions", message);
      return;
    }

  decisions = g_new0 (ZcDecision, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_autoptr(GError) item_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          !parse_decision (request, json_node_get_object (item), TRUE, &decisions[i], &item_error))
        {
          g_autofree char *field = g_strdup_printf ("decisions[%u]", i);
          g_autofree char *message = NULL;

          if (item_error != NULL && zc_api_error_get_field (item_error) != NULL)
            {
              g_free (field);
              field = g_strdup_printf ("decisions[%u].%s", i, zc_api_error_get_field (item_error));
            }
          message = zc_translate_printf (request->language, N_("The value “%s” is not valid."), field);
          zc_api_set_error (error, ZC_API_ERROR_INVALID,
                            item_error != NULL ? zc_api_error_get_code (item_error) : "wrong_type", field,
                            item_error != NULL ? item_error->message : message);
          return;
        }
    }

  outcomes = zc_review_service_act_batch (request->ctx, request->caller, decisions, n, request->address,
                                          request->language, error);
  if (outcomes == NULL)
    return;

  results = json_array_new ();
  for (guint i = 0; i < outcomes->len; i++)
    json_array_add_element (results, outcome_to_json (outcomes->pdata[i]));
  zc_api_request_respond_list (request, "results", results);
}

#define OFFICER ZC_API_ROLE (ZC_ROLE_UNIT_OFFICER)

static const ZcApiRoute routes[] = {
  { "GET", "units/{id}/archive", ZC_API_ACCOUNT, OFFICER, list_queue },
  { "POST", "archive/{id}/decision", ZC_API_ACCOUNT, OFFICER, decide },
  { "POST", "archive/decisions", ZC_API_ACCOUNT, OFFICER, decide_batch, DECISIONS_MAX_BODY },
};

void
zc_api_review_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
