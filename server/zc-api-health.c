/* zc-api-health.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-api-health.h"
#include "zc-http.h"
#include "zc-store.h"

/* GET /api/v1/health: whether the server and its database answer.
 * Public: it tells nothing about any person. */

static GTimeZone *
server_time_zone (void)
{
  /* Deadlines are judged by Beijing time whatever the host's zone is. */
  GTimeZone *zone = g_time_zone_new_identifier ("Asia/Shanghai");

  return zone != NULL ? zone : g_time_zone_new_offset (8 * 3600);
}

static void
health_work (gpointer      work_data,
             ZcHttpReply  *reply,
             GError      **error)
{
  ZcStore *store = work_data;
  g_auto(ZcStoreInfo) info = { 0 };
  g_autoptr(GError) store_error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GTimeZone) zone = server_time_zone ();
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  gboolean db_ok = zc_store_get_info (store, &info, &store_error);

  if (!db_ok)
    g_warning ("Health check: database not usable: %s", store_error->message);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, db_ok ? "ok" : "degraded");
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, "zhicheng-server");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "api_version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "server_time");
  json_builder_add_string_value (builder, now_text);
  json_builder_set_member_name (builder, "database");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, db_ok);
  if (db_ok)
    {
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, info.schema_version);
      json_builder_set_member_name (builder, "epoch");
      json_builder_add_string_value (builder, info.epoch);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "demo");
  json_builder_add_boolean_value (builder, db_ok && info.demo);
  json_builder_end_object (builder);

  zc_http_reply_set_json (reply, db_ok ? SOUP_STATUS_OK : SOUP_STATUS_SERVICE_UNAVAILABLE,
                          json_builder_get_root (builder));
}

void
zc_api_health_handler (SoupServer        *server,
                       SoupServerMessage *msg,
                       const char        *path,
                       GHashTable        *query,
                       gpointer           store)
{
  const char *method = soup_server_message_get_method (msg);

  if (g_strcmp0 (path, "/api/v1/health") != 0)
    {
      zc_http_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found",
                             N_("There is nothing at this address."));
      return;
    }

  if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
    {
      zc_http_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                             N_("This address does not accept that method."));
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD");
      return;
    }

  zc_http_run_in_thread (server, msg, health_work, g_object_ref (store), g_object_unref);
}
