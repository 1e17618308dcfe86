/* zc-api-declaration-pdf.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api-blobs-job.h"
#include "zc-declaration-preview.h"
#include "zc-http.h"
#include "zc-json.h"

/* The review form of a declaration, which is not JSON:
 *
 *   GET /api/v1/declarations/{id}/review-form.pdf          application/pdf
 *   GET /api/v1/declarations/{id}/pages/{n}.png?width=W    image/png, W 100–2000 (800)
 *
 * Every other address under /api/v1/declarations belongs to the JSON
 * route table (zc-api-declarations.c), which a SoupServer handler for
 * the folder would take over.  So these two are claimed when their
 * request has been read ("request-read", before any handler): a status
 * set there makes libsoup skip the handlers, and the message is paused
 * while a worker thread renders.  Errors are the API's {code, message}. */

#define DECLARATIONS_PREFIX "/api/v1/declarations/"
#define UUID_LENGTH         36
#define MAX_PAGE            9999

typedef struct
{
  ZcDeclarationPreview *preview;          /* owned */
  char                 *record_id;        /* owned */
  guint                 page;             /* 0: the PDF */
  guint                 width;
  gboolean              bad_width;
  ZcLanguage            language;
  char                 *token;            /* owned, nullable */
  char                 *if_none_match;    /* owned, nullable */
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  zc_declaration_preview_unref (request->preview);
  g_free (request->record_id);
  g_free (request->token);
  g_free (request->if_none_match);
  g_free (request);
}

/* Whether @path is one of ours: sets the id and the page (0 for the PDF). */
static gboolean
parse_path (const char  *path,
            char       **record_id,
            guint       *page)
{
  g_autofree char *id = NULL;
  const char *rest;
  guint64 number = 0;

  if (!g_str_has_prefix (path, DECLARATIONS_PREFIX))
    return FALSE;
  path += strlen (DECLARATIONS_PREFIX);
  if (strlen (path) <= UUID_LENGTH || path[UUID_LENGTH] != '/')
    return FALSE;
  id = g_strndup (path, UUID_LENGTH);
  if (!zc_json_is_uuid (id))
    return FALSE;
  rest = path + UUID_LENGTH + 1;

  if (g_str_equal (rest, "review-form.pdf"))
    {
      *page = 0;
    }
  else if (g_str_has_prefix (rest, "pages/") && g_str_has_suffix (rest, ".png"))
    {
      g_autofree char *digits = g_strndup (rest + strlen ("pages/"), strlen (rest) - strlen ("pages/.png"));

      if (*digits == '\0' || strlen (digits) > 4 ||
          !g_ascii_string_to_unsigned (digits, 10, 0, MAX_PAGE, &number, NULL))
        return FALSE;
      /* page 0 is no page: answered as one past the end */
      *page = number > 0 ? (guint) number : G_MAXUINT;
    }
  else
    return FALSE;

  *record_id = g_steal_pointer (&id);
  return TRUE;
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

static gboolean
parse_width (GUri  *uri,
             guint *width)
{
  g_autoptr(GHashTable) query = NULL;
  const char *text;
  guint64 value;

  *width = ZC_PREVIEW_WIDTH_DEFAULT;
  if (g_uri_get_query (uri) == NULL)
    return TRUE;

  query = soup_form_decode (g_uri_get_query (uri));
  text = g_hash_table_lookup (query, "width");
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, ZC_PREVIEW_WIDTH_MIN, ZC_PREVIEW_WIDTH_MAX, &value, NULL))
    return FALSE;

  *width = (guint) value;
  return TRUE;
}

static ZcCaller *
authenticate (ZcContext  *ctx,
              Request    *request,
              GError    **error)
{
  g_autoptr(ZcCaller) caller = zc_session_service_authenticate (ctx, request->token, request->language, error);

  if (caller == NULL)
    return NULL;
  if (caller->must_change_password)
    {
      zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "password_change_required", NULL,
                        zc_translate (request->language,
                                      N_("Change your initial password before doing anything else.")));
      return NULL;
    }

  return g_steal_pointer (&caller);
}

static void
work (gpointer     data,
      ZcBlobReply *reply)
{
  Request *request = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcCaller) caller = NULL;
  g_autoptr(ZcPreviewResult) result = NULL;
  g_autofree char *pages = NULL;
  ZcContext *ctx = zc_declaration_preview_get_context (request->preview);

  caller = authenticate (ctx, request, &error);
  if (caller != NULL && request->bad_width)
    {
      g_autofree char *message = zc_translate_printf (request->language, N_("The width must be %d to %d pixels."),
                                                      ZC_PREVIEW_WIDTH_MIN, ZC_PREVIEW_WIDTH_MAX);

      zc_api_set_invalid_field (&error, "width", message);
    }
  else if (caller != NULL && request->page == 0)
    result = zc_declaration_preview_get_pdf (request->preview, caller, request->record_id, request->language,
                                             &error);
  else if (caller != NULL)
    result = zc_declaration_preview_get_page (request->preview, caller, request->record_id, request->page,
                                              request->width, request->language, &error);

  if (result == NULL)
    {
      zc_blob_reply_error (reply, error, request->language);
      return;
    }

  pages = g_strdup_printf ("%u", result->n_pages);
  zc_blob_reply_header (reply, "ETag", result->etag);
  /* revalidate every time: the declaration may have changed meanwhile */
  zc_blob_reply_header (reply, "Cache-Control", "private, no-cache");
  zc_blob_reply_header (reply, "X-Content-Type-Options", "nosniff");
  zc_blob_reply_header (reply, "X-Zhicheng-Pages", pages);
  zc_blob_reply_header (reply, "X-Zhicheng-Cache", result->from_cache ? "hit" : "miss");

  if (request->if_none_match != NULL && g_str_equal (request->if_none_match, result->etag))
    {
      reply->status = SOUP_STATUS_NOT_MODIFIED;
      return;
    }

  reply->status = SOUP_STATUS_OK;
  reply->content_type = g_strdup (request->page == 0 ? "application/pdf" : "image/png");
  reply->bytes = g_steal_pointer (&result->bytes);
  if (request->page == 0)
    zc_blob_reply_header (reply, "Content-Disposition", "inline; filename=\"review-form.pdf\"");
}

static void
on_request_read (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  ZcDeclarationPreview *preview = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *record_id = NULL;
  Request *request;
  guint page = 0;

  if (soup_server_message_get_status (msg) != 0 || !parse_path (g_uri_get_path (uri), &record_id, &page))
    return;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_GET) != 0)
    {
      zc_http_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                             N_("This address does not accept that method."));
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET");
      return;
    }

  request = g_new0 (Request, 1);
  request->preview = zc_declaration_preview_ref (preview);
  request->record_id = g_steal_pointer (&record_id);
  request->page = page;
  request->bad_width = page != 0 && !parse_width (uri, &request->width);
  request->language = zc_http_get_language (msg);
  request->token = bearer_token (headers);
  request->if_none_match = g_strdup (soup_message_headers_get_one (headers, "If-None-Match"));

  /* any status keeps the handlers away; the worker sets the real one */
  soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  zc_blob_run_job (msg, work, request, request_free);
}

/**
 * zc_api_declaration_pdf_install:
 *
 * Claims the review-form addresses of @server; call it once, before
 * the server listens.
 */
void
zc_api_declaration_pdf_install (ZcBlobService *blobs,
                                SoupServer    *server)
{
  ZcDeclarationPreview *preview;

  g_return_if_fail (blobs != NULL);
  g_return_if_fail (SOUP_IS_SERVER (server));

  preview = zc_declaration_preview_new (blobs, NULL);
  g_signal_connect_data (server, "request-read", G_CALLBACK (on_request_read), preview,
                         (GClosureNotify) zc_declaration_preview_unref, 0);
}
