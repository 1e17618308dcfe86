/* zc-api-archive.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-api-json.h"
#include "zc-api-routes.h"
#include "zc-record-service.h"
#include "zc-review-service.h"

/* The applicant's own records:
 *   GET    /api/v1/me/personal-info          the personal information
 *   PUT    /api/v1/me/personal-info          save it (merged against base_version)
 *   GET    /api/v1/archive                   the caller's archive entries
 *   POST   /api/v1/archive                   add an entry
 *   GET    /api/v1/archive/{id}              one entry (also its unit's officer)
 *   PUT    /api/v1/archive/{id}              change it
 *   DELETE /api/v1/archive/{id}              delete it (a tombstone)
 *   POST   /api/v1/archive/{id}/submit       send an unreviewed entry for review
 *   GET    /api/v1/archive/{id}/history      its review history (also its unit's officer) */

#define LIST_LIMIT_MAX     500
#define LIST_LIMIT_DEFAULT 100

/* Record bodies can hold long texts: room for them. */
#define RECORD_MAX_BODY (512 * 1024)

static void
get_personal_info (ZcApiRequest  *request,
                   GError       **error)
{
  g_autoptr(ZcStoredRecord) record = zc_record_service_get_personal_info (request->ctx, request->caller,
                                                                         request->language, error);

  if (record != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_record (record, FALSE));
}

/* {"base_version": n, "body": {…}} */
static gboolean
parse_put (ZcApiRequest  *request,
           gint64        *base_version,
           JsonObject   **body,
           GError       **error)
{
  static const char * const allowed[] = { "base_version", "body", NULL };
  JsonObject *object;

  *base_version = 0;
  *body = NULL;

  return (object = zc_api_request_parse_body (request, allowed, error)) != NULL &&
         zc_api_request_get_int (request, object, "base_version", TRUE, 0, ZC_JSON_MAX_SAFE_INTEGER, base_version,
                                 error) &&
         zc_api_request_get_object (request, object, "body", TRUE, body, error);
}

static void
put_personal_info (ZcApiRequest  *request,
                   GError       **error)
{
  g_autoptr(ZcPutResult) result = NULL;
  JsonObject *body = NULL;
  gint64 base_version = 0;

  if (!parse_put (request, &base_version, &body, error))
    return;

  result = zc_record_service_put (request->ctx, request->caller, NULL, ZC_RECORD_KIND_PERSONAL_INFO, base_version,
                                  body, FALSE, request->address, request->language, error);
  if (result != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_put_result (result));
}

static gboolean
get_state_query (ZcApiRequest  *request,
                 const char    *name,
                 const char   **state,
                 GError       **error)
{
  ZcReviewState value;

  if (!zc_api_request_get_query_text (request, name, 32, state, error))
    return FALSE;
  if (*state != NULL && !zc_review_state_from_string (*state, &value))
    {
      zc_api_set_invalid_field (error, name, zc_translate (request->language, N_("There is no such state.")));
      return FALSE;
    }

  return TRUE;
}

/* "papers" → "archive:papers"; NULL stays NULL. */
static gboolean
get_category_query (ZcApiRequest  *request,
                    char         **kind,
                    GError       **error)
{
  const char *category = NULL;

  *kind = NULL;
  if (!zc_api_request_get_query_text (request, "category", 64, &category, error))
    return FALSE;
  if (category != NULL)
    *kind = g_strconcat (ZC_RECORD_KIND_ARCHIVE_PREFIX, category, NULL);

  return TRUE;
}

static void
respond_records (ZcApiRequest *request,
                 GPtrArray    *records,
                 gboolean      for_officer)
{
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < records->len; i++)
    json_array_add_element (items, zc_api_json_record (records->pdata[i], for_officer));

  zc_api_request_respond_list (request, "records", items);
}

static void
list_archive (ZcApiRequest  *request,
              GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *kind = NULL;
  const char *state = NULL;
  guint limit, offset;

  if (!get_category_query (request, &kind, error) ||
      !get_state_query (request, "state", &state, error) ||
      !zc_api_request_get_query_uint (request, "limit", 1, LIST_LIMIT_MAX, LIST_LIMIT_DEFAULT, &limit, error) ||
      !zc_api_request_get_query_uint (request, "offset", 0, G_MAXINT32, 0, &offset, error))
    return;

  records = zc_record_service_list_own (request->ctx, request->caller, kind, state, limit, offset,
                                        request->language, error);
  if (records != NULL)
    respond_records (request, records, FALSE);
}

static void
add_entry (ZcApiRequest  *request,
           GError       **error)
{
  static const char * const allowed[] = { "id", "kind", "body", NULL };
  g_autoptr(ZcPutResult) result = NULL;
  JsonObject *object, *body = NULL;
  const char *id = NULL, *kind = NULL;

  if ((object = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_uuid (request, object, "id", FALSE, &id, error) ||
      !zc_api_request_get_string (request, object, "kind", TRUE, 64, &kind, error) ||
      !zc_api_request_get_object (request, object, "body", TRUE, &body, error))
    return;

  if (!zc_record_kind_is_archive (kind))
    {
      zc_api_set_invalid_field (error, "kind",
                                zc_translate (request->language, N_("There is no such kind of record.")));
      return;
    }

  result = zc_record_service_put (request->ctx, request->caller, id, kind, 0, body, TRUE, request->address,
                                  request->language, error);
  if (result != NULL)
    zc_api_request_respond (request, SOUP_STATUS_CREATED, zc_api_json_record (result->record, FALSE));
}

static void
get_entry (ZcApiRequest  *request,
           GError       **error)
{
  g_autoptr(ZcStoredRecord) record = zc_record_service_get (request->ctx, request->caller,
                                                           zc_api_request_get_param (request, 0),
                                                           request->language, error);

  if (record == NULL)
    return;
  if (!zc_record_kind_is_archive (record->kind))
    {
      zc_api_set_not_found (error, request->language);
      return;
    }

  zc_api_request_respond (request, SOUP_STATUS_OK,
                          zc_api_json_record (record, request->caller->role == ZC_ROLE_UNIT_OFFICER));
}

static void
change_entry (ZcApiRequest  *request,
              GError       **error)
{
  g_autoptr(ZcPutResult) result = NULL;
  JsonObject *body = NULL;
  gint64 base_version = 0;

  if (!parse_put (request, &base_version, &body, error))
    return;

  result = zc_record_service_put (request->ctx, request->caller, zc_api_request_get_param (request, 0), NULL,
                                  base_version, body, FALSE, request->address, request->language, error);
  if (result == NULL)
    return;
  if (!zc_record_kind_is_archive (result->record->kind))
    {
      zc_api_set_not_found (error, request->language);
      return;
    }

  zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_put_result (result));
}

static void
delete_entry (ZcApiRequest  *request,
              GError       **error)
{
  guint base_version = 0;

  if (!zc_api_request_get_query_uint (request, "base_version", 0, G_MAXINT32, 0, &base_version, error))
    return;

  if (zc_record_service_delete (request->ctx, request->caller, zc_api_request_get_param (request, 0), base_version,
                                request->address, request->language, error))
    zc_api_request_respond (request, SOUP_STATUS_NO_CONTENT, NULL);
}

static void
submit_entry (ZcApiRequest  *request,
              GError       **error)
{
  static const char * const allowed[] = { "expected_state", "expected_version", NULL };
  g_autoptr(ZcStoredRecord) record = NULL;
  ZcDecision decision = { zc_api_request_get_param (request, 0), ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW };
  JsonObject *object;

  if ((object = zc_api_request_parse_body (request, allowed, error)) == NULL ||
      !zc_api_request_get_string (request, object, "expected_state", TRUE, 32, &decision.expected_state, error) ||
      !zc_api_request_get_int (request, object, "expected_version", FALSE, 1, ZC_JSON_MAX_SAFE_INTEGER,
                               &decision.expected_version, error))
    return;

  record = zc_review_service_act (request->ctx, request->caller, &decision, request->address, request->language,
                                  error);
  if (record != NULL)
    zc_api_request_respond (request, SOUP_STATUS_OK, zc_api_json_record (record, FALSE));
}

static void
get_history (ZcApiRequest  *request,
             GError       **error)
{
  g_autoptr(GPtrArray) history = zc_review_service_history (request->ctx, request->caller,
                                                           zc_api_request_get_param (request, 0),
                                                           request->language, error);
  JsonArray *items;

  if (history == NULL)
    return;

  items = json_array_new ();
  for (guint i = 0; i < history->len; i++)
    json_array_add_element (items, zc_api_json_history_entry (history->pdata[i], request->language));
  zc_api_request_respond_list (request, "history", items);
}

#define APPLICANT ZC_API_ROLE (ZC_ROLE_APPLICANT)
#define APPLICANT_OR_OFFICER (ZC_API_ROLE (ZC_ROLE_APPLICANT) | ZC_API_ROLE (ZC_ROLE_UNIT_OFFICER))

static const ZcApiRoute routes[] = {
  { "GET", "me/personal-info", ZC_API_ACCOUNT, APPLICANT, get_personal_info },
  { "PUT", "me/personal-info", ZC_API_ACCOUNT, APPLICANT, put_personal_info, RECORD_MAX_BODY },
  { "GET", "archive", ZC_API_ACCOUNT, APPLICANT, list_archive },
  { "POST", "archive", ZC_API_ACCOUNT, APPLICANT, add_entry, RECORD_MAX_BODY },
  { "GET", "archive/{id}", ZC_API_ACCOUNT, APPLICANT_OR_OFFICER, get_entry },
  { "PUT", "archive/{id}", ZC_API_ACCOUNT, APPLICANT, change_entry, RECORD_MAX_BODY },
  { "DELETE", "archive/{id}", ZC_API_ACCOUNT, APPLICANT, delete_entry },
  { "POST", "archive/{id}/submit", ZC_API_ACCOUNT, APPLICANT, submit_entry },
  { "GET", "archive/{id}/history", ZC_API_ACCOUNT, APPLICANT_OR_OFFICER, get_history },
};

void
zc_api_archive_register (ZcApi *api)
{
  zc_api_add_routes (api, routes, G_N_ELEMENTS (routes));
}
