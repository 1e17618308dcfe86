/* zc-api-me.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include "zc-account-service.h"
#include "zc-api-json.h"
#include "zc-api-routes.h"
#include "zc-binding-service.h"
#include "zc-password.h"
#include "zc-unit-service.h"

/* GET /api/v1/me: the caller's account.
 * POST /api/v1/me/password: change the password (also with an initial one). */

static void
get_me (ZcApiRequest  *request,
        GError       **error)
{
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  g_autoptr(ZcBinding) pending = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  account = zc_account_service_get (request->ctx, request->caller->account_id, request->language, error);
  if (account == NULL)
    return;
  if (account->unit_id != NULL &&
      (unit = zc_unit_service_get (request->ctx, account->unit_id, request->language, error)) == NULL)
    return;

  pending = zc_binding_service_get_pending (request->ctx, account->id, request->language, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return;
    }

  node = zc_api_json_account (account, unit);
  json_object_set_member (json_node_get_object (node), "pending_binding",
                          pending != NULL ? zc_api_json_binding (pending, FALSE) : json_node_new (JSON_NODE_NULL));
  zc_api_request_respond (request, SOUP_STATUS_OK, node);
}

static void
change_password (ZcApiRequest  *request,
                 GError       **error)
{
  static const char * const allowed[] = { "old_password", "new_password", NULL };
  const char *old_password = NULL;
  const char *new_password = NULL;
  JsonObject *body;

  if ((body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_string (request, body, "old_password", TRUE, ZC_PASSWORD_MAX_LENGTH, &old_password, error) ||
      !zc_api_request_get_string (request, body, "new_password", TRUE, ZC_PASSWORD_MAX_LENGTH, &new_password, error))
    return;

  if (!zc_account_service_change_password (request->ctx, request->caller, old_password, new_password,
                                           request->address, request->language, error))
    return;

  zc_api_request_respond (request, SOUP_STATUS_NO_CONTENT, NULL);
}

static const ZcApiRoute routes[] = {
  { "GET", "me", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, get_me },
  { "POST", "me/password", ZC_API_SESSION, ZC_API_ANY_ROLE, change_password },
};

void
zc_api_me_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
