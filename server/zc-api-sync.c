/* zc-api-sync.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include "zc-api-routes.h"
#include "zc-sync-service.h"

/* The sync protocol (docs/sync.md), for every role:
 *   POST /api/v1/sync/push                   apply the client's mutations
 *   POST /api/v1/sync/pull                   the changes after a cursor
 * Both bodies are read with the shared codecs (zc-sync-message.h). */

/* up to ZC_SYNC_MAX_MUTATIONS mutations with whole record bodies */
#define PUSH_MAX_BODY (8 * 1024 * 1024)

static void
push (ZcApiRequest  *request,
      GError       **error)
{
  g_autoptr(ZcPushRequest) push_request = NULL;
  g_autoptr(ZcPushResult) result = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonNode *node;

  if ((node = zc_api_request_parse_json (request, error)) == NULL)
    return;
  push_request = zc_push_request_from_json (node, &json_error);
  if (push_request == NULL)
    {
      zc_api_error_from_json (error, json_error, request->language);
      return;
    }

  result = zc_sync_service_push (request->ctx, request->caller, push_request, request->address,
                                 request->language, error);
  if (result != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_push_result_to_json (result));
}

static void
pull (ZcApiRequest  *request,
      GError       **error)
{
  g_autoptr(ZcPullRequest) pull_request = NULL;
  g_autoptr(ZcPullResponse) response = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonNode *node;

  if ((node = zc_api_request_parse_json (request, error)) == NULL)
    return;
  pull_request = zc_pull_request_from_json (node, &json_error);
  if (pull_request == NULL)
    {
      zc_api_error_from_json (error, json_error, request->language);
      return;
    }

  response = zc_sync_service_pull (request->ctx, request->caller, pull_request, request->language, error);
  if (response != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_pull_response_to_json (response));
}

static const ZcApiRoute routes[] = {
  { "POST", "sync/push", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, push, PUSH_MAX_BODY },
  { "POST", "sync/pull", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, pull },
};

void
zc_api_sync_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
