/* zc-api-blobs.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api.h"
#include "zc-api-blobs.h"
#include "zc-api-blobs-job.h"

/* Blobs, under a handler of their own rather than the JSON route table
 * (zc-api.c), because uploads are streamed and downloads are not JSON:
 *
 *   GET  /api/v1/blobs                          the upload limits and photo rules
 *   PUT  /api/v1/blobs/{sha256}                 upload (idempotent)
 *   GET  /api/v1/blobs/{sha256}                 download (HEAD too)
 *   GET  /api/v1/blobs/{sha256}/photo-check     check an uploaded ID photo
 *
 * All of them need a session whose password is no longer an initial
 * one, any role.  An upload goes through three steps:
 *
 * 1. early handler, when the headers are in: a bad hash is 400 and a
 *    declared length above the limit 413 (411 without a length) before
 *    a byte of the body is read; then the message is paused while a
 *    worker checks the session and opens a temporary file.  A client
 *    that sends `Expect: 100-continue` sends no body at all when any of
 *    this refuses it; others have their body read and dropped.
 * 2. got-chunk, on the main loop: each chunk (libsoup reads 8 KiB at a
 *    time) is hashed and written to the temporary file; the body is
 *    never accumulated in memory.
 * 3. handler, when the body is in: a worker checks hash and type,
 *    syncs and renames the file into place and records the blob. */

#define BLOBS_PATH    "/api/v1/blobs"
#define EXCHANGE_KEY  "zc-blob-exchange"
#define CACHE_CONTROL "private, max-age=86400"

typedef enum
{
  TARGET_NONE,
  TARGET_COLLECTION,    /* /api/v1/blobs */
  TARGET_BLOB,          /* /api/v1/blobs/{sha256} */
  TARGET_PHOTO_CHECK,   /* /api/v1/blobs/{sha256}/photo-check */
} Target;

/* One request, shared by its steps (and threads): refcounted. */
typedef struct
{
  ZcBlobService *service;         /* owned */
  char          *sha256;          /* owned, nullable: as it is in the path */
  ZcLanguage     language;
  char          *token;           /* owned, nullable */
  char          *address;         /* owned, nullable */
  char          *content_type;    /* owned, nullable */
  char          *file_name;       /* owned, nullable */
  char          *if_none_match;   /* owned, nullable */
  ZcCaller      *caller;          /* owned, nullable: once authenticated */
  ZcBlobIntake  *intake;          /* owned, nullable: an upload being received */
} Exchange;

static void
exchange_clear (gpointer data)
{
  Exchange *ex = data;

  g_clear_pointer (&ex->service, zc_blob_service_unref);
  g_free (ex->sha256);
  g_free (ex->token);
  g_free (ex->address);
  g_free (ex->content_type);
  g_free (ex->file_name);
  g_free (ex->if_none_match);
  g_clear_pointer (&ex->caller, zc_caller_free);
  g_clear_pointer (&ex->intake, zc_blob_intake_free);
}

static void
exchange_unref (gpointer ex)
{
  g_atomic_rc_box_release_full (ex, exchange_clear);
}

static char *
bearer_token (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL)
    return NULL;
  if (g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return g_strdup ("");  /* present but not ours: refused like a bad token */

  return g_strstrip (g_strdup (value + 7));
}

static Exchange *
exchange_new (ZcBlobService     *service,
              SoupServerMessage *msg,
              const char        *sha256)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  Exchange *ex = g_atomic_rc_box_new0 (Exchange);
  g_autoptr(GHashTable) params = NULL;

  ex->service = zc_blob_service_ref (service);
  ex->sha256 = g_strdup (sha256);
  ex->language = zc_http_get_language (msg);
  ex->token = bearer_token (headers);
  ex->address = g_strdup (soup_server_message_get_remote_host (msg));
  ex->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  if (soup_message_headers_get_content_disposition (headers, NULL, &params))
    ex->file_name = g_strdup (g_hash_table_lookup (params, "filename"));
  ex->if_none_match = g_strdup (soup_message_headers_get_one (headers, "If-None-Match"));

  return ex;
}

/* @sha256 receives the path's hash segment, not yet checked. */
static Target
parse_path (const char  *path,
            char       **sha256)
{
  g_auto(GStrv) segments = NULL;
  const char *rest;

  *sha256 = NULL;
  if (!g_str_has_prefix (path, BLOBS_PATH))
    return TARGET_NONE;

  rest = path + strlen (BLOBS_PATH);
  if (*rest == '\0')
    return TARGET_COLLECTION;
  if (*rest != '/')
    return TARGET_NONE;

  segments = g_strsplit (rest + 1, "/", 3);
  if (segments[0] == NULL || *segments[0] == '\0')
    return TARGET_NONE;

  if (segments[1] == NULL)
    {
      *sha256 = g_strdup (segments[0]);
      return TARGET_BLOB;
    }
  if (g_str_equal (segments[1], "photo-check") && segments[2] == NULL)
    {
      *sha256 = g_strdup (segments[0]);
      return TARGET_PHOTO_CHECK;
    }

  return TARGET_NONE;
}

static void
respond_bad_hash (SoupServerMessage *msg)
{
  const char *message = zc_translate (zc_http_get_language (msg),
                                      N_("A blob is named by its SHA-256: 64 characters 0–9 and a–f, in lowercase."));
  g_autoptr(JsonNode) body = zc_api_error_body ("invalid_value", message, "sha256", NULL);

  zc_http_respond_json (msg, SOUP_STATUS_BAD_REQUEST, body);
}

static void
respond_method_not_allowed (SoupServerMessage *msg,
                            const char        *allow)
{
  zc_http_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                         N_("This address does not accept that method."));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
}

/* ---- work (in worker threads) ------------------------------------------- */

static gboolean
authenticate (Exchange  *ex,
              GError   **error)
{
  ZcContext *ctx = zc_blob_service_get_context (ex->service);

  ex->caller = zc_session_service_authenticate (ctx, ex->token, ex->language, error);
  if (ex->caller == NULL)
    return FALSE;

  if (ex->caller->must_change_password)
    {
      zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "password_change_required", NULL,
                        zc_translate (ex->language, N_("Change your initial password before doing anything else.")));
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
blob_json (const ZcBlob *blob)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, blob->sha256);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, blob->size);
  json_builder_set_member_name (builder, "mime");
  json_builder_add_string_value (builder, blob->mime);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Step 1 of an upload: who is sending, and where the bytes go. */
static void
work_begin_upload (gpointer     data,
                   ZcBlobReply *reply)
{
  Exchange *ex = data;
  g_autoptr(GError) error = NULL;

  if (!authenticate (ex, &error) ||
      (ex->intake = zc_blob_service_begin_intake (ex->service, ex->sha256, ex->content_type, ex->file_name,
                                                  ex->language, &error)) == NULL)
    zc_blob_reply_error (reply, error, ex->language);
}

/* Step 3: check, store, record. */
static void
work_finish_upload (gpointer     data,
                    ZcBlobReply *reply)
{
  Exchange *ex = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcBlob) blob = NULL;
  gboolean created = FALSE;

  blob = zc_blob_service_finish_intake (ex->service, ex->intake, ex->caller, ex->address, ex->language,
                                        &created, &error);
  g_clear_pointer (&ex->intake, zc_blob_intake_free);

  if (blob == NULL)
    zc_blob_reply_error (reply, error, ex->language);
  else
    zc_blob_reply_json (reply, created ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, blob_json (blob));
}

/* If-None-Match: "*" or a list of entity tags, weak or strong. */
static gboolean
etag_matches (const char *if_none_match,
              const char *sha256)
{
  g_auto(GStrv) tags = NULL;

  if (if_none_match == NULL)
    return FALSE;

  tags = g_strsplit (if_none_match, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_equal (tag, "*"))
        return TRUE;
      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (strlen (tag) == ZC_BLOB_SHA256_LENGTH + 2 && tag[0] == '"' &&
          strncmp (tag + 1, sha256, ZC_BLOB_SHA256_LENGTH) == 0 && tag[ZC_BLOB_SHA256_LENGTH + 1] == '"')
        return TRUE;
    }

  return FALSE;
}

static const char *
extension (const char *mime)
{
  if (g_strcmp0 (mime, "application/pdf") == 0)
    return "pdf";
  if (g_strcmp0 (mime, "image/jpeg") == 0)
    return "jpg";
  if (g_strcmp0 (mime, "image/png") == 0)
    return "png";
  return "bin";
}

static void
work_get_blob (gpointer     data,
               ZcBlobReply *reply)
{
  Exchange *ex = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcBlob) blob = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *disposition = NULL;

  if (!authenticate (ex, &error) ||
      (blob = zc_blob_service_get (ex->service, ex->caller, ex->sha256, ex->language, &error)) == NULL)
    {
      zc_blob_reply_error (reply, error, ex->language);
      return;
    }

  etag = g_strdup_printf ("\"%s\"", blob->sha256);
  zc_blob_reply_header (reply, "ETag", etag);
  zc_blob_reply_header (reply, "Cache-Control", CACHE_CONTROL);
  if (etag_matches (ex->if_none_match, blob->sha256))
    {
      /* the length of what the client has, not of this empty answer */
      g_autofree char *length = g_strdup_printf ("%" G_GINT64_FORMAT, blob->size);

      zc_blob_reply_header (reply, "Content-Length", length);
      reply->status = SOUP_STATUS_NOT_MODIFIED;
      return;
    }

  /* HEAD answers the same headers: libsoup leaves the body out */
  reply->bytes = zc_blob_service_read (ex->service, blob, ex->language, &error);
  if (reply->bytes == NULL)
    {
      zc_blob_reply_error (reply, error, ex->language);
      return;
    }

  /* Never rendered as a page, whatever a browser makes of it. */
  disposition = g_strdup_printf ("attachment; filename=\"%s.%s\"", blob->sha256, extension (blob->mime));
  zc_blob_reply_header (reply, "Content-Disposition", disposition);
  zc_blob_reply_header (reply, "X-Content-Type-Options", "nosniff");
  zc_blob_reply_header (reply, "Content-Security-Policy", "default-src 'none'; sandbox");
  reply->content_type = g_strdup (blob->mime);
  reply->status = SOUP_STATUS_OK;
}

static const char *
background_name (ZcPhotoBackground background)
{
  switch (background)
    {
    case ZC_PHOTO_BACKGROUND_BLUE:
      return "blue";
    case ZC_PHOTO_BACKGROUND_WHITE:
      return "white";
    case ZC_PHOTO_BACKGROUND_ANY:
    default:
      return "any";
    }
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *name,
                  const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
work_rules (gpointer     data,
            ZcBlobReply *reply)
{
  Exchange *ex = data;
  const ZcBlobSettings *settings = zc_blob_service_get_settings (ex->service);
  const ZcPhotoRules *photo = settings->photo_rules;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *min_ratio = zc_photo_format_ratio (photo->min_ratio_width, photo->min_ratio_height);
  g_autofree char *max_ratio = zc_photo_format_ratio (photo->max_ratio_width, photo->max_ratio_height);
  g_autofree char *description = NULL;

  if (!authenticate (ex, &error))
    {
      zc_blob_reply_error (reply, error, ex->language);
      return;
    }

  description = zc_photo_rules_describe (photo, ex->language);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "max_bytes");
  json_builder_add_int_value (builder, settings->max_bytes);
  add_string_array (builder, "types", zc_blob_allowed_types ());
  json_builder_set_member_name (builder, "photo");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rules");
  json_builder_add_string_value (builder, photo->name);
  json_builder_set_member_name (builder, "max_bytes");
  json_builder_add_int_value (builder, (gint64) photo->max_bytes);
  json_builder_set_member_name (builder, "types");
  json_builder_begin_array (builder);
  for (guint i = 0; photo->mime_types != NULL && photo->mime_types[i] != NULL; i++)
    json_builder_add_string_value (builder, photo->mime_types[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "min_ratio");
  json_builder_add_string_value (builder, min_ratio);
  json_builder_set_member_name (builder, "max_ratio");
  json_builder_add_string_value (builder, max_ratio);
  json_builder_set_member_name (builder, "background");
  json_builder_add_string_value (builder, background_name (photo->background));
  json_builder_set_member_name (builder, "max_pixels");
  json_builder_add_int_value (builder, ZC_PHOTO_MAX_PIXELS);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  zc_blob_reply_json (reply, SOUP_STATUS_OK, json_builder_get_root (builder));
}

static void
work_photo_check (gpointer     data,
                  ZcBlobReply *reply)
{
  Exchange *ex = data;
  const ZcBlobSettings *settings = zc_blob_service_get_settings (ex->service);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (!authenticate (ex, &error) ||
      (problems = zc_blob_service_check_photo (ex->service, ex->caller, ex->sha256, ex->language, &error)) == NULL)
    {
      zc_blob_reply_error (reply, error, ex->language);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, ex->sha256);
  json_builder_set_member_name (builder, "rules");
  json_builder_add_string_value (builder, settings->photo_rules->name);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, problems->len == 0);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      ZcPhotoProblem *problem = problems->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, problem->code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  zc_blob_reply_json (reply, SOUP_STATUS_OK, json_builder_get_root (builder));
}

/* ---- handlers (main loop) ---------------------------------------------- */

static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              Exchange          *ex)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (chunk, &size);

  /* NULL when step 1 refused the upload: the body is only drained */
  if (ex->intake != NULL)
    zc_blob_intake_write (ex->intake, data, size);
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  ZcBlobService *service = user_data;
  g_autofree char *sha256 = NULL;
  Exchange *ex;

  /* uploads are streamed to disk, other bodies are not wanted: never
   * let libsoup gather a body in memory here */
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  if (soup_server_message_get_method (msg) != SOUP_METHOD_PUT || parse_path (path, &sha256) != TARGET_BLOB)
    {
      zc_http_refuse_large_body (msg, ZC_API_MAX_BODY_BYTES);
      return;
    }

  if (!zc_blob_sha256_is_valid (sha256))
    {
      respond_bad_hash (msg);
      return;
    }
  if (zc_http_refuse_large_body (msg, zc_blob_service_get_settings (service)->max_bytes))
    return;

  ex = exchange_new (service, msg, sha256);
  g_object_set_data_full (G_OBJECT (msg), EXCHANGE_KEY, ex, exchange_unref);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), ex);
  zc_blob_run_job (msg, work_begin_upload, g_atomic_rc_box_acquire (ex), exchange_unref);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  ZcBlobService *service = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *sha256 = NULL;
  Target target = parse_path (path, &sha256);
  Exchange *ex;

  if (target == TARGET_NONE)
    {
      zc_http_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", N_("There is nothing at this address."));
      return;
    }
  if (target != TARGET_COLLECTION && !zc_blob_sha256_is_valid (sha256))
    {
      respond_bad_hash (msg);
      return;
    }

  if (target == TARGET_BLOB && method == SOUP_METHOD_PUT)
    {
      ex = g_object_get_data (G_OBJECT (msg), EXCHANGE_KEY);
      if (ex == NULL || ex->intake == NULL)
        {
          /* step 1 answers every refusal itself: this is a bug */
          g_critical ("Upload of %s reached its handler without an intake", sha256);
          zc_http_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal_error",
                                 N_("The server failed to do this. The failure has been logged."));
          return;
        }
      zc_blob_run_job (msg, work_finish_upload, g_atomic_rc_box_acquire (ex), exchange_unref);
      return;
    }

  if (method != SOUP_METHOD_GET && (method != SOUP_METHOD_HEAD || target == TARGET_PHOTO_CHECK))
    {
      respond_method_not_allowed (msg, target == TARGET_BLOB ? "GET, HEAD, PUT"
                                       : target == TARGET_COLLECTION ? "GET, HEAD" : "GET");
      return;
    }

  ex = exchange_new (service, msg, sha256);
  switch (target)
    {
    case TARGET_COLLECTION:
      zc_blob_run_job (msg, work_rules, ex, exchange_unref);
      break;
    case TARGET_BLOB:
      zc_blob_run_job (msg, work_get_blob, ex, exchange_unref);
      break;
    case TARGET_PHOTO_CHECK:
      zc_blob_run_job (msg, work_photo_check, ex, exchange_unref);
      break;
    case TARGET_NONE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * zc_api_blobs_install:
 *
 * Serves /api/v1/blobs and below with @service (the paths in the
 * comment at the top of this file).
 */
void
zc_api_blobs_install (ZcBlobService *service,
                      SoupServer    *server)
{
  g_return_if_fail (service != NULL);
  g_return_if_fail (SOUP_IS_SERVER (server));

  soup_server_add_early_handler (server, BLOBS_PATH, early_handler,
                                 zc_blob_service_ref (service), (GDestroyNotify) zc_blob_service_unref);
  soup_server_add_handler (server, BLOBS_PATH, handler,
                           zc_blob_service_ref (service), (GDestroyNotify) zc_blob_service_unref);
}
