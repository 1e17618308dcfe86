/* zc-api-error.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* The errors services report to the API: a kind (its value is the HTTP
 * status it is answered with), a stable code for programs ("not_found",
 * "account_exists" …), a message already in the caller's language, and
 * optionally the request field at fault and a Retry-After. */

#define ZC_API_ERROR (zc_api_error_quark ())

typedef enum
{
  ZC_API_ERROR_INVALID          = 400,
  ZC_API_ERROR_UNAUTHENTICATED  = 401,
  ZC_API_ERROR_FORBIDDEN        = 403,
  ZC_API_ERROR_NOT_FOUND        = 404,
  ZC_API_ERROR_METHOD_NOT_ALLOWED = 405,
  ZC_API_ERROR_CONFLICT         = 409,
  ZC_API_ERROR_TOO_MANY         = 429,
  ZC_API_ERROR_INTERNAL         = 500,
  ZC_API_ERROR_UNAVAILABLE      = 503,
} ZcApiError;

GQuark      zc_api_error_quark            (void);

void        zc_api_set_error              (GError       **error,
                                           ZcApiError     kind,
                                           const char    *code,
                                           const char    *field,
                                           const char    *message);
void        zc_api_set_error_retry        (GError       **error,
                                           ZcApiError     kind,
                                           const char    *code,
                                           guint          retry_after_seconds,
                                           const char    *message);
void        zc_api_set_not_found          (GError       **error,
                                           ZcLanguage     language);
void        zc_api_set_invalid_field      (GError       **error,
                                           const char    *field,
                                           const char    *message);
void        zc_api_set_field_errors       (GError       **error,
                                           GPtrArray     *field_errors,
                                           ZcLanguage     language);
const char *zc_api_error_get_code         (const GError  *error);
const char *zc_api_error_get_field        (const GError  *error);
const char *zc_api_error_get_detail       (const GError  *error);
guint       zc_api_error_get_retry_after  (const GError  *error);
JsonNode   *zc_api_error_get_errors       (const GError  *error);

void        zc_api_error_from_parse       (GError       **error,
                                           const GError  *json_error,
                                           ZcLanguage     language);
void        zc_api_error_from_json        (GError       **error,
                                           const GError  *json_error,
                                           ZcLanguage     language);
void        zc_api_error_from_other       (GError       **error,
                                           const GError  *other,
                                           ZcLanguage     language);

JsonNode   *zc_api_error_body             (const char    *code,
                                           const char    *message,
                                           const char    *field,
                                           const char    *detail);

G_END_DECLS
