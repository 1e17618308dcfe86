/* zc-api-messages.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-routes.h"
#include "zc-message-service.h"

/* The caller's messages:
 *   GET  /api/v1/messages                    newest first; ?unread=true
 *   POST /api/v1/messages/{id}/read          mark one read
 *   POST /api/v1/messages/read-all           mark all read */

#define LIST_LIMIT_MAX     200
#define LIST_LIMIT_DEFAULT 50

static void
list_messages (ZcApiRequest  *request,
               GError       **error)
{
  g_autoptr(GPtrArray) messages = NULL;
  const char *unread = NULL;
  gboolean unread_only = FALSE;
  gint64 n_unread = 0;
  guint limit, offset;
  JsonObject *object;
  JsonArray *items;

  if (!zc_api_request_get_query_text (request, "unread", 8, &unread, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT, &limit, error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &offset, error))
    return;
  if (unread != NULL && !g_str_equal (unread, "true") && !g_str_equal (unread, "false"))
    {
      zc_api_set_invalid_field (error, "unread",
                                zc_translate (request->language, N_("The value is “true” or “false”.")));
      return;
    }
  unread_only = g_strcmp0 (unread, "true") == 0;

  messages = zc_message_service_list (request->ctx, request->caller, unread_only, limit, offset, &n_unread,
                                      request->language, error);
  if (messages == NULL)
    return;

  items = json_array_new ();
  for (guint i = 0; i < messages->len; i++)
    json_array_add_element (items, zc_message_to_json (messages->pdata[i], request->language));
  object = json_object_new ();
  json_object_set_array_member (object, "messages", items);
  json_object_set_int_member (object, "unread", n_unread);
  zc_api_request_respond (request, SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), object));
}

static void
mark_read (ZcApiRequest  *request,
           GError       **error)
{
  g_autoptr(ZcStoredMessage) message = zc_message_service_mark_read (request->ctx, request->caller,
                                                                     zc_api_request_get_param (request, 0),
                                                                     request->language, error);

  if (message != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_message_to_json (message, request->language));
}

static void
mark_all_read (ZcApiRequest  *request,
               GError       **error)
{
  gint64 n_marked = 0;
  JsonObject *object;

  if (!zc_message_service_mark_all_read (request->ctx, request->caller, &n_marked, request->language, error))
    return;

  object = json_object_new ();
  json_object_set_int_member (object, "marked", n_marked);
  zc_api_request_respond (request, SOUP_STATUS_OK, json_node_init_object (json_node_alloc (), object));
}

static const ZcApiRoute routes[] = {
  { "GET", "messages", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, list_messages },
  { "POST", "messages/{id}/read", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, mark_read },
  { "POST", "messages/read-all", ZC_API_ACCOUNT, ZC_API_ANY_ROLE, mark_all_read },
};

void
zc_api_messages_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
