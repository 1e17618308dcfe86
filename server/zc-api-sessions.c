/* zc-api-sessions.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include "zc-api-json.h"
#include "zc-api-routes.h"
#include "zc-password.h"

/* POST /api/v1/sessions: log in.  DELETE /api/v1/sessions/current: log out. */

#define MAX_LOGIN_CHARS 64

static void
create_session (ZcApiRequest  *request,
                GError       **error)
{
  static const char * const allowed[] = { "login", "password", NULL };
  g_autoptr(ZcLoginResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *expires_at = NULL;
  const char *login = NULL;
  const char *password = NULL;
  JsonObject *body;

  if ((body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_string (request, body, "login", TRUE, MAX_LOGIN_CHARS, &login, error) ||
      !zc_api_request_get_string (request, body, "password", TRUE, ZC_PASSWORD_MAX_LENGTH, &password, error))
    return;

  result = zc_session_service_login (request->ctx, login, password, request->address, request->language, error);
  if (result == NULL)
    return;

  expires_at = zc_api_json_time (result->expires_at);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, result->token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, expires_at);
  json_builder_set_member_name (builder, "idle_timeout_seconds");
  json_builder_add_int_value (builder, request->ctx->options->session_idle_seconds);
  json_builder_set_member_name (builder, "account");
  json_builder_add_value (builder, zc_api_json_account (result->account, result->unit));
  json_builder_end_object (builder);

  zc_api_request_respond (request, SOUP_STATUS_CREATED, json_builder_get_root (builder));
}

static void
delete_current_session (ZcApiRequest  *request,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!zc_session_service_logout (request->ctx, request->caller, request->address, &local_error))
    {
      zc_api_error_from_other (error, local_error, request->language);
      return;
    }

  zc_api_request_respond (request, SOUP_STATUS_NO_CONTENT, NULL);
}

static const ZcApiRoute routes[] = {
  { "POST", "sessions", ZC_API_PUBLIC, ZC_API_ANY_ROLE, create_session },
  { "DELETE", "sessions/current", ZC_API_SESSION, ZC_API_ANY_ROLE, delete_current_session },
};

void
zc_api_sessions_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
