/* zc-api-units.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-error.h"
#include "zc-api-json.h"
#include "zc-api-routes.h"
#include "zc-context.h"
#include "zc-session-service.h"
#include "zc-store-records.h"
#include "zc-unit-service.h"
#include "zc-unit-statistics.h"

/* Units:
 *   GET  /api/v1/units?query=&kind=&region_code=    find a unit to bind to (anyone logged in)
 *   GET  /api/v1/units/{id}                         one unit, public fields (anyone logged in)
 *   GET  /api/v1/units/{id}/statistics              its professional staff by series and level (its unit officer)
 *   GET  /api/v1/admin/units                        list with every field (admin)
 *   POST /api/v1/admin/units                        create (admin) */

#define MAX_QUERY_CHARS    64
#define LIST_LIMIT_MAX     200
#define LIST_LIMIT_DEFAULT 50

static gboolean
get_kind (ZcApiRequest  *request,
          const char    *text,
          ZcUnitKind    *kind,
          GError       **error)
{
  if (!zc_unit_kind_from_string (text, kind))
    {
      zc_api_set_invalid_field (error, "kind",
                                zc_translate (request->language, N_("There is no such kind of unit.")));
      return FALSE;
    }

  return TRUE;
}

static void
search (ZcApiRequest  *request,
        ZcApiUnitView  view,
        GError       **error)
{
  ZcUnitQuery query = { .kind = -1 };
  g_autoptr(GPtrArray) units = NULL;
  const char *kind_text = NULL;
  JsonArray *items;
  ZcUnitKind kind;

  if (!zc_api_request_get_query_text (request, "query", MAX_QUERY_CHARS, &query.text, error) ||
      !zc_api_request_get_query_text (request, "region_code", 6, &query.region_code, error) ||
      !zc_api_request_get_query_text (request, "kind", 32, &kind_text, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT, &query.limit, error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &query.offset, error))
    return;
  if (kind_text != NULL)
    {
      if (!get_kind (request, kind_text, &kind, error))
        return;
      query.kind = (int) kind;
    }

  units = zc_unit_service_search (request->ctx, &query, request->language, error);
  if (units == NULL)
    return;

  items = json_array_new ();
  for (guint i = 0; i < units->len; i++)
    json_array_add_element (items, zc_api_json_unit (units->pdata[i], view));
  zc_api_request_respond_list (request, "units", items);
}

static void
list_units (ZcApiRequest  *request,
            GError       **error)
{
  search (request, ZC_API_UNIT_PUBLIC, error);
}

static void
get_unit (ZcApiRequest  *request,
          GError       **error)
{
  g_autoptr(ZcUnit) unit = zc_unit_service_get (request->ctx, zc_api_request_get_param (request, 0),
                                                request->language, error);

  if (unit != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_unit (unit, ZC_API_UNIT_PUBLIC));
}

static void
admin_list_units (ZcApiRequest  *request,
                  GError       **error)
{
  search (request, ZC_API_UNIT_FULL, error);
}

static void
admin_create_unit (ZcApiRequest  *request,
                   GError       **error)
{
  static const char * const allowed[] = { "name", "credit_code", "region_code", "kind", "department_id", NULL };
  ZcUnitSpec spec = { 0 };
  ZcActor actor = { request->caller->account_id, request->address };
  g_autoptr(ZcUnit) unit = NULL;
  const char *kind_text = NULL;
  JsonObject *body;

  if ((body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_string (request, body, "name", TRUE, 200, &spec.name, error) ||
      !zc_api_request_get_string (request, body, "credit_code", TRUE, 32, &spec.credit_code, error) ||
      !zc_api_request_get_string (request, body, "region_code", TRUE, 16, &spec.region_code, error) ||
      !zc_api_request_get_string (request, body, "kind", TRUE, 32, &kind_text, error) ||
      !get_kind (request, kind_text, &spec.kind, error) ||
      !zc_api_request_get_string (request, body, "department_id", FALSE, 64, &spec.department_id, error))
    return;

  unit = zc_unit_service_create (request->ctx, &spec, &actor, request->language, error);
  if (unit != NULL)
    zc_api_request_respond (request, SOUP_STATUS_CREATED, zc_api_json_unit (unit, ZC_API_UNIT_FULL));
}

/* The unit's professional staff (专技人才统计): its applicants counted by
 * the series and level of their highest title.  Another unit's officer
 * is told there is no such thing, as for the unit's other lists. */
static void
unit_statistics (ZcApiRequest  *request,
                 GError       **error)
{
  const char *unit_id = zc_api_request_get_param (request, 0);
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(ZcUnitStatistics) statistics = NULL;
  g_autoptr(GError) local_error = NULL;

  if (request->caller->role != ZC_ROLE_UNIT_OFFICER || request->caller->unit_id == NULL ||
      g_strcmp0 (request->caller->unit_id, unit_id) != 0)
    {
      zc_api_set_not_found (error, request->language);
      return;
    }

  txn = zc_store_begin_read (request->ctx->store, &local_error);
  if (txn != NULL)
    bodies = zc_store_records_unit_personal_info (txn, unit_id, &local_error);
  if (bodies == NULL)
    {
      zc_api_error_from_other (error, local_error, request->language);
      return;
    }

  statistics = zc_unit_statistics_count (zc_taxonomy_get_default (), bodies, request->language);
  zc_api_request_respond (request, SOUP_STATUS_OK, zc_unit_statistics_to_json (statistics));
}

static const ZcApiRoute routes[] = {
  { "GET", "units", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, list_units },
  { "GET", "units/{id}", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, get_unit },
  { "GET", "units/{id}/statistics", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_UNIT_OFFICER), unit_statistics },
  { "GET", "admin/units", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_ADMIN), admin_list_units },
  { "POST", "admin/units", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_ADMIN), admin_create_unit },
};

void
zc_api_units_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
