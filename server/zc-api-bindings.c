/* zc-api-bindings.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-json.h"
#include "zc-api-routes.h"
#include "zc-binding-service.h"

/* Binding requests:
 *   POST /api/v1/bindings                   ask to bind to a unit (applicant)
 *   GET  /api/v1/bindings                   the caller's requests (applicant)
 *   GET  /api/v1/units/{id}/bindings        the unit's requests (its unit officer)
 *   POST /api/v1/bindings/{id}/decision     approve or deny (the unit's officer) */

#define LIST_LIMIT_MAX     200
#define LIST_LIMIT_DEFAULT 50

static void
respond_bindings (ZcApiRequest *request,
                  GPtrArray    *bindings,
                  gboolean      for_officer)
{
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < bindings->len; i++)
    json_array_add_element (items, zc_api_json_binding (bindings->pdata[i], for_officer));

  zc_api_request_respond_list (request, "bindings", items);
}

static void
request_binding (ZcApiRequest  *request,
                 GError       **error)
{
  static const char * const allowed[] = { "unit_id", "freelancer", "comment", NULL };
  g_autoptr(ZcBinding) binding = NULL;
  const char *unit_id = NULL;
  const char *comment = NULL;
  gboolean freelancer = FALSE;
  JsonObject *body;

  if ((body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_string (request, body, "unit_id", TRUE, 64, &unit_id, error) ||
      !zc_api_request_get_boolean (request, body, "freelancer", FALSE, &freelancer, error) ||
      !zc_api_request_get_string (request, body, "comment", FALSE, ZC_BINDING_COMMENT_MAX_CHARS, &comment, error))
    return;

  binding = zc_binding_service_request (request->ctx, request->caller, unit_id, freelancer, comment,
                                        request->address, request->language, error);
  if (binding != NULL)
    zc_api_request_respond (request, SOUP_STATUS_CREATED, zc_api_json_binding (binding, FALSE));
}

static void
list_own (ZcApiRequest  *request,
          GError       **error)
{
  g_autoptr(GPtrArray) bindings = zc_binding_service_list_own (request->ctx, request->caller,
                                                               request->language, error);

  if (bindings != NULL)
    respond_bindings (request, bindings, FALSE);
}

static void
list_for_unit (ZcApiRequest  *request,
               GError       **error)
{
  g_autoptr(GPtrArray) bindings = NULL;
  const char *state_text = NULL;
  ZcBindingState state;
  guint limit, offset;
  int state_filter = -1;

  if (!zc_api_request_get_query_text (request, "state", 32, &state_text, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT, &limit, error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &offset, error))
    return;
  if (state_text != NULL)
    {
      if (!zc_binding_state_from_string (state_text, &state))
        {
          zc_api_set_invalid_field (error, "state",
                                    zc_translate (request->language, N_("There is no such state.")));
          return;
        }
      state_filter = (int) state;
    }

  bindings = zc_binding_service_list_for_unit (request->ctx, request->caller, zc_api_request_get_param (request, 0),
                                               state_filter, limit, offset, request->language, error);
  if (bindings != NULL)
    respond_bindings (request, bindings, TRUE);
}

static void
decide (ZcApiRequest  *request,
        GError       **error)
{
  static const char * const allowed[] = { "decision", "comment", NULL };
  g_autoptr(ZcBinding) binding = NULL;
  const char *decision = NULL;
  const char *comment = NULL;
  gboolean approve;
  JsonObject *body;

  if ((body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_string (request, body, "decision", TRUE, 16, &decision, error) ||
      !zc_api_request_get_string (request, body, "comment", FALSE, ZC_BINDING_COMMENT_MAX_CHARS, &comment, error))
    return;

  if (g_strcmp0 (decision, "approve") == 0)
    approve = TRUE;
  else if (g_strcmp0 (decision, "deny") == 0)
    approve = FALSE;
  else
    {
      zc_api_set_invalid_field (error, "decision",
                                zc_translate (request->language, N_("The decision is “approve” or “deny”.")));
      return;
    }

  binding = zc_binding_service_decide (request->ctx, request->caller, zc_api_request_get_param (request, 0),
                                       approve, comment, request->address, request->language, error);
  if (binding != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_binding (binding, TRUE));
}

static const ZcApiRoute routes[] = {
  { "POST", "bindings", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_APPLICANT), request_binding },
  { "GET", "bindings", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_APPLICANT), list_own },
  { "GET", "units/{id}/bindings", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_UNIT_OFFICER), list_for_unit },
  { "POST", "bindings/{id}/decision", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_UNIT_OFFICER), decide },
};

void
zc_api_bindings_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
