/* zc-api-client.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zc-plan.h"
#include "zc-unit-statistics.h"

G_BEGIN_DECLS

#define ZC_API_CLIENT_ERROR (zc_api_client_error_quark ())

/**
 * ZcApiClientError:
 * @ZC_API_CLIENT_ERROR_NETWORK: no answer: offline, refused, a name that
 *   does not resolve, TLS, a timeout
 * @ZC_API_CLIENT_ERROR_UNAUTHENTICATED: 401: no session or a dead one,
 *   or a wrong password at login
 * @ZC_API_CLIENT_ERROR_FORBIDDEN: 403 (also `password_change_required`)
 * @ZC_API_CLIENT_ERROR_NOT_FOUND: 404
 * @ZC_API_CLIENT_ERROR_CONFLICT: 409
 * @ZC_API_CLIENT_ERROR_INVALID: 400, 411, 413, 415, 422: the request will
 *   never succeed as it is
 * @ZC_API_CLIENT_ERROR_TOO_MANY: 429; see the retry-after value
 * @ZC_API_CLIENT_ERROR_UNAVAILABLE: 502, 503, 504: try again later
 * @ZC_API_CLIENT_ERROR_SERVER: 500 and any other status
 * @ZC_API_CLIENT_ERROR_PROTOCOL: an answer that is not what the API
 *   promises (not JSON, the wrong shape): not a Zhicheng server, or a
 *   version that does not match
 *
 * The message is the server's own `message` (in the language asked for
 * with Accept-Language) whenever it sent one.
 */
typedef enum
{
  ZC_API_CLIENT_ERROR_NETWORK,
  ZC_API_CLIENT_ERROR_UNAUTHENTICATED,
  ZC_API_CLIENT_ERROR_FORBIDDEN,
  ZC_API_CLIENT_ERROR_NOT_FOUND,
  ZC_API_CLIENT_ERROR_CONFLICT,
  ZC_API_CLIENT_ERROR_INVALID,
  ZC_API_CLIENT_ERROR_TOO_MANY,
  ZC_API_CLIENT_ERROR_UNAVAILABLE,
  ZC_API_CLIENT_ERROR_SERVER,
  ZC_API_CLIENT_ERROR_PROTOCOL,
} ZcApiClientError;

/* Called on the main context while a request body is being sent. */
typedef void (*ZcApiProgressFunc) (guint64  done,
                                   guint64  total,
                                   gpointer user_data);

#define ZC_TYPE_API_CLIENT (zc_api_client_get_type ())
G_DECLARE_FINAL_TYPE (ZcApiClient, zc_api_client, ZC, API_CLIENT, GObject)

GQuark        zc_api_client_error_quark            (void);
const char   *zc_api_client_error_get_code         (const GError        *error);
const char   *zc_api_client_error_get_field        (const GError        *error);
guint         zc_api_client_error_get_status       (const GError        *error);
guint         zc_api_client_error_get_retry_after  (const GError        *error);
gboolean      zc_api_client_error_is_transient     (const GError        *error);

char         *zc_api_client_normalize_url          (const char          *text,
                                                    GError             **error);
const char   *zc_api_client_ui_accept_language     (void);

ZcApiClient  *zc_api_client_new                    (const char          *base_url);
const char   *zc_api_client_get_base_url           (ZcApiClient         *self);
const char   *zc_api_client_get_token              (ZcApiClient         *self);
void          zc_api_client_set_token              (ZcApiClient         *self,
                                                    const char          *token);
const char   *zc_api_client_get_accept_language    (ZcApiClient         *self);
void          zc_api_client_set_accept_language    (ZcApiClient         *self,
                                                    const char          *accept_language);

void          zc_api_client_call_async             (ZcApiClient         *self,
                                                    const char          *method,
                                                    const char          *path,
                                                    JsonNode            *body,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean      zc_api_client_call_finish            (ZcApiClient         *self,
                                                    GAsyncResult        *result,
                                                    JsonNode           **answer,
                                                    GError             **error);

void          zc_api_client_upload_async           (ZcApiClient         *self,
                                                    const char          *method,
                                                    const char          *path,
                                                    GBytes              *body,
                                                    const char          *content_type,
                                                    ZcApiProgressFunc    progress,
                                                    gpointer             progress_data,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean      zc_api_client_upload_finish          (ZcApiClient         *self,
                                                    GAsyncResult        *result,
                                                    JsonNode           **answer,
                                                    GError             **error);

void          zc_api_client_download_async         (ZcApiClient         *self,
                                                    const char          *path,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GBytes       *zc_api_client_download_finish        (ZcApiClient         *self,
                                                    GAsyncResult        *result,
                                                    char               **content_type,
                                                    GError             **error);

/* Plans and declarations (docs/declarations.md) */
GPtrArray    *zc_api_client_parse_plans            (JsonNode            *answer,
                                                    GError             **error);
void          zc_api_client_list_plans_async       (ZcApiClient         *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *zc_api_client_list_plans_finish      (ZcApiClient         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void          zc_api_client_get_declaration_async  (ZcApiClient         *self,
                                                    const char          *id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
JsonNode     *zc_api_client_get_declaration_finish (ZcApiClient         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The reviewers' desks */
void          zc_api_client_list_declarations_async  (ZcApiClient         *self,
                                                      const char          *state,
                                                      const char          *plan_id,
                                                      guint                limit,
                                                      guint                offset,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray    *zc_api_client_list_declarations_finish (ZcApiClient         *self,
                                                      GAsyncResult        *result,
                                                      gint64              *total,
                                                      GError             **error);
void          zc_api_client_act_on_declaration_async (ZcApiClient         *self,
                                                      const char          *id,
                                                      JsonObject          *request,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
JsonNode     *zc_api_client_act_on_declaration_finish (ZcApiClient        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void          zc_api_client_download_review_form_async (ZcApiClient       *self,
                                                      const char          *id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);

/* The committee's plans, the roster, unit search (issue 7) */
JsonArray    *zc_api_client_error_get_errors       (const GError        *error);
void          zc_api_client_create_plan_async      (ZcApiClient         *self,
                                                    ZcPlan              *plan,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void          zc_api_client_update_plan_async      (ZcApiClient         *self,
                                                    ZcPlan              *plan,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void          zc_api_client_plan_action_async      (ZcApiClient         *self,
                                                    const char          *id,
                                                    const char          *action,
                                                    gint64               version,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
ZcPlan       *zc_api_client_plan_call_finish       (ZcApiClient         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void          zc_api_client_list_plan_declarations_async  (ZcApiClient         *self,
                                                           const char          *plan_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
JsonArray    *zc_api_client_list_plan_declarations_finish (ZcApiClient         *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void          zc_api_client_search_units_async     (ZcApiClient         *self,
                                                    const char          *query,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void          zc_api_client_get_unit_async         (ZcApiClient         *self,
                                                    const char          *id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
JsonArray    *zc_api_client_units_finish           (ZcApiClient         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The unit officer's desk: the unit's statistics and binding requests */
void              zc_api_client_get_unit_statistics_async   (ZcApiClient         *self,
                                                             const char          *unit_id,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
ZcUnitStatistics *zc_api_client_get_unit_statistics_finish  (ZcApiClient         *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
void              zc_api_client_list_unit_bindings_async    (ZcApiClient         *self,
                                                             const char          *unit_id,
                                                             const char          *state,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
JsonArray        *zc_api_client_list_unit_bindings_finish   (ZcApiClient         *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
void              zc_api_client_decide_binding_async        (ZcApiClient         *self,
                                                             const char          *binding_id,
                                                             gboolean             approve,
                                                             const char          *comment,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
JsonObject       *zc_api_client_decide_binding_finish       (ZcApiClient         *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS
