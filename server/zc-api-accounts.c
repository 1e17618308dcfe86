/* zc-api-accounts.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-account-service.h"
#include "zc-api-json.h"
#include "zc-api-routes.h"
#include "zc-password.h"
#include "zc-unit-service.h"

/* Accounts:
 *   POST /api/v1/accounts                         register (public; an applicant)
 *   GET  /api/v1/admin/accounts                   list (admin)
 *   POST /api/v1/admin/accounts                   create with a role (admin; initial password)
 *   POST /api/v1/admin/accounts/{id}/role         change role and unit (admin)
 *   POST /api/v1/admin/accounts/{id}/password     reset (admin; initial password)
 *   GET  /api/v1/units/{id}/accounts              the unit's people (its unit officer)
 *   POST /api/v1/units/{id}/accounts              create an applicant of the unit (its unit officer) */

#define MAX_ID_NUMBER_CHARS 32
#define MAX_NAME_CHARS      64
#define MAX_MOBILE_CHARS    32
#define MAX_QUERY_CHARS     64
#define LIST_LIMIT_MAX      200
#define LIST_LIMIT_DEFAULT  50

static ZcActor
actor_of (ZcApiRequest *request)
{
  ZcActor actor = { request->caller != NULL ? request->caller->account_id : NULL, request->address };

  return actor;
}

/* Reads id_number, name and mobile, the members every new account has. */
static gboolean
get_person (ZcApiRequest   *request,
            JsonObject     *body,
            gboolean        mobile_required,
            ZcAccountSpec  *spec,
            GError        **error)
{
  return zc_api_request_get_string (request, body, "id_number", TRUE, MAX_ID_NUMBER_CHARS, &spec->id_number, error) &&
         zc_api_request_get_string (request, body, "name", TRUE, MAX_NAME_CHARS, &spec->name, error) &&
         zc_api_request_get_string (request, body, "mobile", mobile_required, MAX_MOBILE_CHARS, &spec->mobile, error);
}

static gboolean
get_role (ZcApiRequest  *request,
          JsonObject    *body,
          ZcRole        *role,
          GError       **error)
{
  const char *text = NULL;

  if (!zc_api_request_get_string (request, body, "role", TRUE, 32, &text, error))
    return FALSE;

  if (!zc_role_from_string (text, role))
    {
      zc_api_set_invalid_field (error, "role", zc_translate (request->language, N_("There is no such role.")));
      return FALSE;
    }

  return TRUE;
}

/* Only the unit's own officer may act on /units/{id}/…; anyone else
 * learns nothing, not even whether the unit exists. */
static gboolean
check_own_unit (ZcApiRequest  *request,
                const char    *unit_id,
                GError       **error)
{
  if (g_strcmp0 (request->caller->unit_id, unit_id) != 0)
    {
      zc_api_set_not_found (error, request->language);
      return FALSE;
    }

  return TRUE;
}

static void
respond_created (ZcApiRequest  *request,
                 ZcAccount     *account,
                 const char    *initial_password,
                 GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(ZcUnit) unit = NULL;

  if (account->unit_id != NULL &&
      (unit = zc_unit_service_get (request->ctx, account->unit_id, request->language, error)) == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "account");
  json_builder_add_value (builder, zc_api_json_account (account, unit));
  /* shown this once: the server keeps only its hash */
  json_builder_set_member_name (builder, "initial_password");
  json_builder_add_string_value (builder, initial_password);
  json_builder_end_object (builder);

  zc_api_request_respond (request, SOUP_STATUS_CREATED, json_builder_get_root (builder));
}

static void
respond_accounts (ZcApiRequest *request,
                  GPtrArray    *accounts)
{
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < accounts->len; i++)
    json_array_add_element (items, zc_api_json_account (accounts->pdata[i], NULL));

  zc_api_request_respond_list (request, "accounts", items);
}

static void
register_account (ZcApiRequest  *request,
                  GError       **error)
{
  static const char * const allowed[] = { "id_number", "name", "mobile", "password", NULL };
  ZcAccountSpec spec = { .role = ZC_ROLE_APPLICANT };
  ZcActor actor = actor_of (request);
  g_autoptr(ZcAccount) account = NULL;
  JsonObject *body;

  if ((body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !get_person (request, body, TRUE, &spec, error) ||
      !zc_api_request_get_string (request, body, "password", TRUE, ZC_PASSWORD_MAX_LENGTH, &spec.password, error))
    return;

  account = zc_account_service_register (request->ctx, &spec, &actor, request->language, error);
  if (account == NULL)
    return;

  zc_api_request_respond (request, SOUP_STATUS_CREATED, zc_api_json_account (account, NULL));
}

static void
admin_list_accounts (ZcApiRequest  *request,
                     GError       **error)
{
  ZcAccountQuery query = { .role = -1 };
  g_autoptr(GPtrArray) accounts = NULL;
  const char *role_text = zc_api_request_get_query (request, "role");
  ZcRole role;

  if (!zc_api_request_get_query_text (request, "query", MAX_QUERY_CHARS, &query.text, error) ||
      !zc_api_request_get_query_text (request, "unit_id", 64, &query.unit_id, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT, &query.limit, error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &query.offset, error))
    return;
  if (role_text != NULL)
    {
      if (!zc_role_from_string (role_text, &role))
        {
          zc_api_set_invalid_field (error, "role", zc_translate (request->language, N_("There is no such role.")));
          return;
        }
      query.role = (int) role;
    }

  accounts = zc_account_service_search (request->ctx, &query, request->language, error);
  if (accounts != NULL)
    respond_accounts (request, accounts);
}

static void
admin_create_account (ZcApiRequest  *request,
                      GError       **error)
{
  static const char * const allowed[] = { "id_number", "name", "mobile", "role", "unit_id", NULL };
  ZcAccountSpec spec = { 0 };
  ZcActor actor = actor_of (request);
  g_autoptr(ZcAccount) account = NULL;
  g_autofree char *password = NULL;
  JsonObject *body;

  if ((body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !get_person (request, body, FALSE, &spec, error) ||
      !get_role (request, body, &spec.role, error) ||
      !zc_api_request_get_string (request, body, "unit_id", FALSE, 64, &spec.unit_id, error))
    return;

  account = zc_account_service_create (request->ctx, &spec, &actor, &password, request->language, error);
  if (account != NULL)
    respond_created (request, account, password, error);
}

static void
admin_set_role (ZcApiRequest  *request,
                GError       **error)
{
  static const char * const allowed[] = { "role", "unit_id", NULL };
  ZcActor actor = actor_of (request);
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(ZcUnit) unit = NULL;
  const char *unit_id = NULL;
  ZcRole role;
  JsonObject *body;

  if ((body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !get_role (request, body, &role, error) ||
      !zc_api_request_get_string (request, body, "unit_id", FALSE, 64, &unit_id, error))
    return;

  account = zc_account_service_set_role (request->ctx, zc_api_request_get_param (request, 0), role, unit_id,
                                         &actor, request->language, error);
  if (account == NULL)
    return;
  if (account->unit_id != NULL &&
      (unit = zc_unit_service_get (request->ctx, account->unit_id, request->language, error)) == NULL)
    return;

  zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_account (account, unit));
}

static void
admin_reset_password (ZcApiRequest  *request,
                      GError       **error)
{
  static const char * const allowed[] = { NULL };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  ZcActor actor = actor_of (request);
  g_autofree char *password = NULL;

  /* no body, or an empty object */
  if (request->body != NULL && zc_api_request_parse_body (request, allowed, error) == NULL)
    return;

  password = zc_account_service_reset_password (request->ctx, zc_api_request_get_param (request, 0), &actor,
                                                request->language, error);
  if (password == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "initial_password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  zc_api_request_respond (request, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
unit_list_accounts (ZcApiRequest  *request,
                    GError       **error)
{
  ZcAccountQuery query = { .role = -1 };
  g_autoptr(GPtrArray) accounts = NULL;

  query.unit_id = zc_api_request_get_param (request, 0);
  if (!check_own_unit (request, query.unit_id, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT, &query.limit, error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &query.offset, error))
    return;

  accounts = zc_account_service_search (request->ctx, &query, request->language, error);
  if (accounts != NULL)
    respond_accounts (request, accounts);
}

static void
unit_create_account (ZcApiRequest  *request,
                     GError       **error)
{
  static const char * const allowed[] = { "id_number", "name", "mobile", NULL };
  ZcAccountSpec spec = { .role = ZC_ROLE_APPLICANT };
  ZcActor actor = actor_of (request);
  g_autoptr(ZcAccount) account = NULL;
  g_autofree char *password = NULL;
  JsonObject *body;

  spec.unit_id = zc_api_request_get_param (request, 0);
  if (!check_own_unit (request, spec.unit_id, error) ||
      (body = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !get_person (request, body, FALSE, &spec, error))
    return;

  account = zc_account_service_create (request->ctx, &spec, &actor, &password, request->language, error);
  if (account != NULL)
    respond_created (request, account, password, error);
}

static const ZcApiRoute routes[] = {
  { "POST", "accounts", ZC_API_PUBLIC, ZC_API_ANY_ROLE, register_account },
  { "GET", "admin/accounts", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_ADMIN), admin_list_accounts },
  { "POST", "admin/accounts", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_ADMIN), admin_create_account },
  { "POST", "admin/accounts/{id}/role", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_ADMIN), admin_set_role },
  { "POST", "admin/accounts/{id}/password", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_ADMIN),
    admin_reset_password },
  { "GET", "units/{id}/accounts", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_UNIT_OFFICER), unit_list_accounts },
  { "POST", "units/{id}/accounts", ZC_API_ACCOUNT, ZC_API_ROLE (ZC_ROLE_UNIT_OFFICER),
    unit_create_account },
};

void
zc_api_accounts_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
