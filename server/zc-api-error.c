/* zc-api-error.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-form-validator.h"
#include "zc-json.h"
#include "zc-store.h"

typedef struct
{
  char  *code;          /* owned */
  char  *field;         /* owned, nullable */
  char  *detail;        /* owned, nullable: technical, English */
  guint  retry_after;   /* seconds; 0 = none */
  JsonNode *errors;     /* owned, nullable: an array of {field, code, message} */
} ZcApiErrorPrivate;

static void
zc_api_error_private_init (ZcApiErrorPrivate *priv)
{
}

static void
zc_api_error_private_copy (const ZcApiErrorPrivate *src,
                           ZcApiErrorPrivate       *dest)
{
  dest->code = g_strdup (src->code);
  dest->field = g_strdup (src->field);
  dest->detail = g_strdup (src->detail);
  dest->retry_after = src->retry_after;
  dest->errors = src->errors != NULL ? json_node_copy (src->errors) : NULL;
}

static void
zc_api_error_private_clear (ZcApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->code, g_free);
  g_clear_pointer (&priv->field, g_free);
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->errors, json_node_unref);
}

G_DEFINE_EXTENDED_ERROR (ZcApiError, zc_api_error)

static void
set_full (GError     **error,
          ZcApiError   kind,
          const char  *code,
          const char  *field,
          const char  *detail,
          guint        retry_after,
          const char  *message)
{
  ZcApiErrorPrivate *priv;

  if (error == NULL)
    return;

  g_return_if_fail (*error == NULL);

  *error = g_error_new_literal (ZC_API_ERROR, kind, message);
  priv = zc_api_error_get_private (*error);
  priv->code = g_strdup (code);
  priv->field = g_strdup (field);
  priv->detail = g_strdup (detail);
  priv->retry_after = retry_after;
}

/**
 * zc_api_set_error:
 * @code: the stable code, such as "account_exists"
 * @field: (nullable): the request member at fault
 * @message: the text for people, already in the caller's language
 */
void
zc_api_set_error (GError     **error,
                  ZcApiError   kind,
                  const char  *code,
                  const char  *field,
                  const char  *message)
{
  g_return_if_fail (code != NULL && message != NULL);

  set_full (error, kind, code, field, NULL, 0, message);
}

void
zc_api_set_error_retry (GError     **error,
                        ZcApiError   kind,
                        const char  *code,
                        guint        retry_after_seconds,
                        const char  *message)
{
  g_return_if_fail (code != NULL && message != NULL);

  set_full (error, kind, code, NULL, NULL, MAX (retry_after_seconds, 1), message);
}

/* The one answer for "no such thing" and "not yours", so that the two
 * cannot be told apart. */
void
zc_api_set_not_found (GError     **error,
                      ZcLanguage   language)
{
  set_full (error, ZC_API_ERROR_NOT_FOUND, "not_found", NULL, NULL, 0,
            zc_translate (language, N_("There is nothing at this address.")));
}

/* A request value that is well-formed JSON but not acceptable. */
void
zc_api_set_invalid_field (GError     **error,
                          const char  *field,
                          const char  *message)
{
  set_full (error, ZC_API_ERROR_INVALID, "invalid_value", field, NULL, 0, message);
}

/**
 * zc_api_set_field_errors:
 * @field_errors: (element-type ZcFieldError): what the form check found,
 *   at least one
 *
 * A record that fails its form: 400 `invalid_record`, the first
 * problem as the message and field, and every problem in `errors`.
 */
void
zc_api_set_field_errors (GError     **error,
                         GPtrArray   *field_errors,
                         ZcLanguage   language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *message = NULL;
  const ZcFieldError *first;

  g_return_if_fail (field_errors != NULL && field_errors->len > 0);

  first = g_ptr_array_index (field_errors, 0);
  if (field_errors->len == 1)
    message = g_strdup (first->message);
  else
    /* Translators: %s is the first problem found in a form, %u how many more there are */
    message = zc_translate_printf (language, N_("%s (and %u more problems)"), first->message,
                                   field_errors->len - 1);

  json_builder_begin_array (builder);
  for (guint i = 0; i < field_errors->len; i++)
    {
      const ZcFieldError *field_error = g_ptr_array_index (field_errors, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field_error->field);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, field_error->code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, field_error->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  set_full (error, ZC_API_ERROR_INVALID, "invalid_record", first->field, NULL, 0, message);
  if (error != NULL && *error != NULL)
    zc_api_error_get_private (*error)->errors = json_builder_get_root (builder);
}

static ZcApiErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != ZC_API_ERROR)
    return NULL;

  return zc_api_error_get_private (error);
}

const char *
zc_api_error_get_code (const GError *error)
{
  ZcApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->code : NULL;
}

const char *
zc_api_error_get_field (const GError *error)
{
  ZcApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->field : NULL;
}

const char *
zc_api_error_get_detail (const GError *error)
{
  ZcApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->detail : NULL;
}

/* Returns: (transfer none) (nullable): the array of field errors */
JsonNode *
zc_api_error_get_errors (const GError *error)
{
  ZcApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->errors : NULL;
}

guint
zc_api_error_get_retry_after (const GError *error)
{
  ZcApiErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->retry_after : 0;
}

/* A ZcJsonError message starts with the member path: "name: expected …". */
static char *
json_error_path (const GError *json_error)
{
  const char *colon = strstr (json_error->message, ": ");

  if (colon == NULL || colon == json_error->message)
    return NULL;
  if (colon - json_error->message == 1 && json_error->message[0] == '$')
    return NULL;

  return g_strndup (json_error->message, colon - json_error->message);
}

/* The body could not be read as a JSON object at all. */
void
zc_api_error_from_parse (GError       **error,
                         const GError  *json_error,
                         ZcLanguage     language)
{
  g_return_if_fail (json_error != NULL);

  set_full (error, ZC_API_ERROR_INVALID, "malformed_json", NULL, json_error->message, 0,
            zc_translate (language, N_("The request is not a valid JSON object.")));
}

/* A member is missing, of the wrong type or unknown. */
void
zc_api_error_from_json (GError       **error,
                        const GError  *json_error,
                        ZcLanguage     language)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  const char *code;

  g_return_if_fail (json_error != NULL);

  if (json_error->domain != ZC_JSON_ERROR)
    {
      zc_api_error_from_other (error, json_error, language);
      return;
    }

  path = json_error_path (json_error);
  switch ((ZcJsonError) json_error->code)
    {
    case ZC_JSON_ERROR_MISSING:
      code = "missing_value";
      /* Translators: %s is the name of a request member, such as id_number */
      message = zc_translate_printf (language, N_("The request lacks the value “%s”."), path ? path : "$");
      break;
    case ZC_JSON_ERROR_WRONG_TYPE:
      code = "wrong_type";
      message = zc_translate_printf (language, N_("The value “%s” has the wrong type."), path ? path : "$");
      break;
    case ZC_JSON_ERROR_OUT_OF_RANGE:
      code = "out_of_range";
      message = zc_translate_printf (language, N_("The value “%s” is out of range."), path ? path : "$");
      break;
    case ZC_JSON_ERROR_UNKNOWN_MEMBER:
      code = "unknown_member";
      message = zc_translate_printf (language, N_("This address does not accept the value “%s”."),
                                     path ? path : "$");
      break;
    case ZC_JSON_ERROR_INVALID:
    default:
      code = "invalid_value";
      message = zc_translate_printf (language, N_("The value “%s” is not valid."), path ? path : "$");
      break;
    }

  set_full (error, ZC_API_ERROR_INVALID, code, path, json_error->message, 0, message);
}

/**
 * zc_api_error_from_other:
 *
 * Passes a ZC_API_ERROR on; turns a busy store into 503 with
 * Retry-After and anything else into a 500 whose message tells nothing
 * of the inside (the cause is logged).
 */
void
zc_api_error_from_other (GError       **error,
                         const GError  *other,
                         ZcLanguage     language)
{
  g_return_if_fail (other != NULL);

  if (other->domain == ZC_API_ERROR)
    {
      if (error != NULL)
        *error = g_error_copy (other);
      return;
    }

  if (other->domain == ZC_STORE_ERROR && other->code == ZC_STORE_ERROR_BUSY)
    {
      g_message ("Busy: %s", other->message);
      set_full (error, ZC_API_ERROR_UNAVAILABLE, "unavailable", NULL, NULL, 2,
                zc_translate (language, N_("The server cannot answer right now. Please try again shortly.")));
      return;
    }

  g_warning ("Request failed: %s (%s %d)", other->message, g_quark_to_string (other->domain), other->code);
  set_full (error, ZC_API_ERROR_INTERNAL, "internal_error", NULL, NULL, 0,
            zc_translate (language, N_("The server failed to do this. The failure has been logged.")));
}

/**
 * zc_api_error_body:
 *
 * Returns: (transfer full): `{"code", "message"[, "field"][, "detail"]}`
 */
JsonNode *
zc_api_error_body (const char *code,
                   const char *message,
                   const char *field,
                   const char *detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (code != NULL && message != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (field != NULL)
    {
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field);
    }
  if (detail != NULL)
    {
      json_builder_set_member_name (builder, "detail");
      json_builder_add_string_value (builder, detail);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
