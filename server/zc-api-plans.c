/* zc-api-plans.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-routes.h"
#include "zc-json.h"
#include "zc-plan-service.h"

/* Review plans (docs/declarations.md "Plans"):
 *   GET  /api/v1/plans?series=&category=&level=&title=&committee_id=&region=&state=&type=&year=&limit=&offset=
 *   GET  /api/v1/plans/{id}?version=N
 *   POST /api/v1/plans                  a draft of the caller's committee (committee officer)
 *   PUT  /api/v1/plans/{id}             edit the draft version (committee officer)
 *   POST /api/v1/plans/{id}/publish     {"version": N} optional, likewise below
 *   POST /api/v1/plans/{id}/close
 *   POST /api/v1/plans/{id}/revise */

#define LIST_LIMIT_MAX     200
#define LIST_LIMIT_DEFAULT 50
/* a plan with every list at its maximum stays well below this */
#define PLAN_MAX_BODY      (512 * 1024)

static gboolean
get_query_enum (ZcApiRequest  *request,
                const char    *name,
                gboolean     (*from_string) (const char *, int *),
                int           *out,
                GError       **error)
{
  const char *text = NULL;

  if (!zc_api_request_get_query_text (request, name, 32, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!from_string (text, out))
    {
      g_autofree char *message = zc_translate_printf (request->language, N_("The value “%s” is not valid."), name);

      zc_api_set_invalid_field (error, name, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
state_from_string (const char *text,
                   int        *out)
{
  ZcPlanState state;

  if (!zc_plan_state_from_string (text, &state))
    return FALSE;
  *out = (int) state;
  return TRUE;
}

static gboolean
type_from_string (const char *text,
                  int        *out)
{
  ZcPlanType plan_type;

  if (!zc_plan_type_from_string (text, &plan_type))
    return FALSE;
  *out = (int) plan_type;
  return TRUE;
}

static gboolean
check_query (ZcApiRequest  *request,
             const char    *name,
             const char    *value,
             gboolean       valid,
             GError       **error)
{
  if (value != NULL && !valid)
    {
      g_autofree char *message = zc_translate_printf (request->language, N_("The value “%s” is not valid."), name);

      zc_api_set_invalid_field (error, name, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_region_code (const char *text)
{
  guint n = 0;

  for (; text[n] != '\0'; n++)
    {
      if (!g_ascii_isdigit (text[n]))
        return FALSE;
    }

  return n == 6;
}

static void
list_plans (ZcApiRequest  *request,
            GError       **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  ZcPlanFilter filter;
  guint year = 0, limit = 0, offset = 0, total = 0;
  JsonObject *object;
  JsonArray *items;
  JsonNode *node;

  zc_plan_filter_init (&filter);
  if (!zc_api_request_get_query_text (request, "series", 8, &filter.series, error) ||
      !zc_api_request_get_query_text (request, "category", 50, &filter.category, error) ||
      !zc_api_request_get_query_text (request, "level", 16, &filter.level, error) ||
      !zc_api_request_get_query_text (request, "title", 50, &filter.title, error) ||
      !zc_api_request_get_query_text (request, "committee_id", 36, &filter.committee_id, error) ||
      !check_query (request, "committee_id", filter.committee_id,
                    filter.committee_id != NULL && zc_json_is_uuid (filter.committee_id), error) ||
      !zc_api_request_get_query_text (request, "region", 6, &filter.region_code, error) ||
      !check_query (request, "region", filter.region_code,
                    filter.region_code != NULL && is_region_code (filter.region_code), error) ||
      !get_query_enum (request, "state", state_from_string, &filter.state, error) ||
      !get_query_enum (request, "type", type_from_string, &filter.plan_type, error) ||
      !zc_api_request_get_query_uint (request, "year", 2000, 2100, 0, &year, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT, &limit, error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &offset, error))
    return;
  filter.year = year;

  plans = zc_plan_service_list (request->ctx, request->caller, &filter, limit, offset, &total,
                                request->language, error);
  if (plans == NULL)
    return;

  items = json_array_new ();
  for (guint i = 0; i < plans->len; i++)
    json_array_add_element (items, zc_plan_to_json (plans->pdata[i]));

  object = json_object_new ();
  json_object_set_array_member (object, "plans", items);
  json_object_set_int_member (object, "total", total);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  zc_api_request_respond (request, SOUP_STATUS_OK, node);
}

static void
get_plan (ZcApiRequest  *request,
          GError       **error)
{
  g_autoptr(ZcPlan) plan = NULL;
  guint version = 0;

  if (!zc_api_request_get_query_uint (request, "version", 1, G_MAXINT32, 0, &version, error))
    return;

  plan = zc_plan_service_get (request->ctx, request->caller, zc_api_request_get_param (request, 0), version,
                              request->language, error);
  if (plan != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_plan_to_json (plan));
}

static void
create_plan (ZcApiRequest  *request,
             GError       **error)
{
  g_autoptr(ZcPlan) plan = NULL;
  JsonNode *body = zc_api_request_parse_json (request, error);

  if (body == NULL)
    return;

  plan = zc_plan_service_create (request->ctx, request->caller, body, request->address, request->language, error);
  if (plan != NULL)
    zc_api_request_respond (request, SOUP_STATUS_CREATED, zc_plan_to_json (plan));
}

static void
update_plan (ZcApiRequest  *request,
             GError       **error)
{
  g_autoptr(ZcPlan) plan = NULL;
  JsonNode *body = zc_api_request_parse_json (request, error);

  if (body == NULL)
    return;

  plan = zc_plan_service_update (request->ctx, request->caller, zc_api_request_get_param (request, 0), body,
                                 request->address, request->language, error);
  if (plan != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_plan_to_json (plan));
}

/* An action's body is empty or {"version": N}, the version the caller saw. */
static void
act (ZcApiRequest  *request,
     ZcPlanAction   action,
     guint          status,
     GError       **error)
{
  static const char * const allowed[] = { "version", NULL };
  g_autoptr(ZcPlan) plan = NULL;
  gint64 version = 0;

  if (request->body != NULL && g_bytes_get_size (request->body) > 0)
    {
      JsonObject *body = zc_api_request_parse_body (request, allowed, error);

      if (body == NULL ||
          !zc_api_request_get_int (request, body, "version", FALSE, 1, G_MAXINT32, &version, error))
        return;
    }

  plan = zc_plan_service_act (request->ctx, request->caller, zc_api_request_get_param (request, 0), action, version,
                              request->address, request->language, error);
  if (plan != NULL)
    zc_api_request_respond (request, status, zc_plan_to_json (plan));
}

static void
publish_plan (ZcApiRequest  *request,
              GError       **error)
{
  act (request, ZC_PLAN_ACTION_PUBLISH, SOUP_STATUS_OK, error);
}

static void
close_plan (ZcApiRequest  *request,
            GError       **error)
{
  act (request, ZC_PLAN_ACTION_CLOSE, SOUP_STATUS_OK, error);
}

static void
revise_plan (ZcApiRequest  *request,
             GError       **error)
{
  act (request, ZC_PLAN_ACTION_REVISE, SOUP_STATUS_CREATED, error);
}

/* GET /api/v1/admin/integrity?id_number=&active=true (admin): the
 * integrity records that bar declaring (kept with the admin command). */
static void
admin_list_integrity (ZcApiRequest  *request,
                      GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  const char *id_number = NULL;
  const char *active = NULL;
  JsonArray *items;

  if (!zc_api_request_get_query_text (request, "id_number", 18, &id_number, error) ||
      !zc_api_request_get_query_text (request, "active", 5, &active, error) ||
      !check_query (request, "active", active,
                    active != NULL && (g_str_equal (active, "true") || g_str_equal (active, "false")), error))
    return;

  records = zc_integrity_service_list (request->ctx, id_number, g_strcmp0 (active, "true") == 0,
                                       request->language, error);
  if (records == NULL)
    return;

  items = json_array_new ();
  for (guint i = 0; i < records->len; i++)
    json_array_add_element (items, zc_integrity_record_to_json (records->pdata[i]));
  zc_api_request_respond_list (request, "records", items);
}

#define COMMITTEE ZC_API_ROLE (ZC_ROLE_COMMITTEE_OFFICER)

static const ZcApiRoute routes[] = {
  { "GET", "plans", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, list_plans },
  { "GET", "plans/{id}", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, get_plan },
  { "POST", "plans", ZC_API_ACCOUNT, COMMITTEE, create_plan, PLAN_MAX_BODY },
  { "PUT", "plans/{id}", ZC_API_ACCOUNT, COMMITTEE, update_plan, PLAN_MAX_BODY },
  { "POST", "plans/{id}/publish", ZC_API_ACCOUNT, COMMITTEE, publish_plan },
  { "POST", "plans/{id}/close", ZC_API_ACCOUNT, COMMITTEE, close_plan },
  { "POST", "plans/{id}/revise", ZC_API_ACCOUNT, COMMITTEE, revise_plan },
  { "GET", "admin/integrity", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_ADMIN), admin_list_integrity },
};

void
zc_api_plans_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
