/* zc-http.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-http"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-http.h"

ZcLanguage
zc_http_get_language (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  return zc_language_from_accept_language (soup_message_headers_get_one (headers, "Accept-Language"));
}

void
zc_http_respond_json (SoupServerMessage *msg,
                      guint              status,
                      JsonNode          *body)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, body);
  text = json_generator_to_data (generator, &length);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-Content-Type-Options", "nosniff");
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, text, length);
}

/**
 * zc_http_respond_error:
 * @code: a stable machine-readable code, such as "not_found"
 * @message_msgid: an English msgid marked with N_()
 *
 * Answers `{"code": …, "message": …}` with the message in the language
 * the request's Accept-Language asks for.
 */
void
zc_http_respond_error (SoupServerMessage *msg,
                       guint              status,
                       const char        *code,
                       const char        *message_msgid)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, zc_translate (zc_http_get_language (msg), message_msgid));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  zc_http_respond_json (msg, status, body);
}

struct _ZcHttpReply
{
  guint      status;
  JsonNode  *body;      /* owned, nullable */
  GPtrArray *headers;   /* owned: name, value, name, value … */
};

/**
 * zc_http_reply_set_json:
 * @body: (transfer full) (nullable): the answer
 */
void
zc_http_reply_set_json (ZcHttpReply *reply,
                        guint        status,
                        JsonNode    *body)
{
  g_return_if_fail (reply != NULL);

  reply->status = status;
  g_clear_pointer (&reply->body, json_node_unref);
  reply->body = body;
}

void
zc_http_reply_set_header (ZcHttpReply *reply,
                          const char  *name,
                          const char  *value)
{
  g_return_if_fail (reply != NULL);
  g_return_if_fail (name != NULL && value != NULL);

  g_ptr_array_add (reply->headers, g_strdup (name));
  g_ptr_array_add (reply->headers, g_strdup (value));
}

typedef struct
{
  SoupServerMessage *msg;            /* owned */
  ZcHttpWorkFunc     work;
  gpointer           work_data;      /* owned through work_data_free */
  GDestroyNotify     work_data_free;
  gulong             finished_id;
  gboolean           finished;       /* the client went away */
  ZcHttpReply        reply;
} WorkData;

/* The message is the main loop's: let go of it there, never where the
 * task data happens to be freed (the worker may hold the task's last
 * reference, and a message is not to be touched from two threads). */
static void
release_message (WorkData *wd)
{
  if (wd->finished_id != 0)
    g_signal_handler_disconnect (wd->msg, wd->finished_id);
  wd->finished_id = 0;
  g_clear_object (&wd->msg);
}

static void
work_data_free (gpointer data)
{
  WorkData *wd = data;

  /* only when work_done() never ran (the server stopped meanwhile) */
  if (wd->msg != NULL)
    release_message (wd);
  if (wd->work_data_free != NULL)
    wd->work_data_free (wd->work_data);
  g_clear_pointer (&wd->reply.body, json_node_unref);
  g_clear_pointer (&wd->reply.headers, g_ptr_array_unref);
  g_free (wd);
}

static void
on_message_finished (SoupServerMessage *msg,
                     WorkData          *wd)
{
  wd->finished = TRUE;
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WorkData *wd = task_data;
  GError *error = NULL;

  wd->reply.status = SOUP_STATUS_OK;
  wd->work (wd->work_data, &wd->reply, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
work_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  WorkData *wd = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  if (wd->finished)
    {
      release_message (wd);
      return;
    }

  headers = soup_server_message_get_response_headers (wd->msg);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Request failed: %s", error->message);
      zc_http_respond_error (wd->msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable",
                             N_("The server cannot answer right now. Please try again shortly."));
      soup_message_headers_replace (headers, "Retry-After", "5");
    }
  else
    {
      for (guint i = 0; i + 1 < wd->reply.headers->len; i += 2)
        soup_message_headers_replace (headers, wd->reply.headers->pdata[i], wd->reply.headers->pdata[i + 1]);

      if (wd->reply.body != NULL)
        zc_http_respond_json (wd->msg, wd->reply.status, wd->reply.body);
      else
        soup_server_message_set_status (wd->msg, wd->reply.status, NULL);
    }

  soup_server_message_unpause (wd->msg);
  release_message (wd);
}

/**
 * zc_http_run_in_thread:
 *
 * Pauses @msg, runs @work in a worker thread so the main loop never
 * waits on the database or the CPU, then answers with what @work
 * produced and unpauses.  If the client disconnects meanwhile the
 * result is dropped.
 */
void
zc_http_run_in_thread (SoupServer        *server,
                       SoupServerMessage *msg,
                       ZcHttpWorkFunc     work,
                       gpointer           work_data,
                       GDestroyNotify     work_data_free_func)
{
  g_autoptr(GTask) task = NULL;
  WorkData *wd;

  wd = g_new0 (WorkData, 1);
  wd->msg = g_object_ref (msg);
  wd->work = work;
  wd->work_data = work_data;
  wd->work_data_free = work_data_free_func;
  wd->reply.headers = g_ptr_array_new_with_free_func (g_free);
  wd->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_message_finished), wd);

  soup_server_message_pause (msg);

  /* no source object: the worker may drop the task last, and the
   * server must not be finalized there */
  task = g_task_new (NULL, NULL, work_done, NULL);
  g_task_set_source_tag (task, zc_http_run_in_thread);
  g_task_set_task_data (task, wd, work_data_free);
  g_task_run_in_thread (task, work_thread);
}

/**
 * zc_http_refuse_large_body:
 * @max_bytes: the largest body accepted
 *
 * For early handlers, which run when the headers have arrived and
 * before the body is read: answers 413 to a declared length above
 * @max_bytes and 411 to a chunked body (it would have to be read to
 * be refused).
 *
 * Returns: whether the request was refused
 */
gboolean
zc_http_refuse_large_body (SoupServerMessage *msg,
                           goffset            max_bytes)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_CONTENT_LENGTH:
      if (soup_message_headers_get_content_length (headers) > max_bytes)
        {
          zc_http_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                                 N_("The request is too large."));
          return TRUE;
        }
      return FALSE;

    case SOUP_ENCODING_CHUNKED:
      zc_http_respond_error (msg, SOUP_STATUS_LENGTH_REQUIRED, "length_required",
                             N_("The request must state its length."));
      return TRUE;

    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_NONE:
    case SOUP_ENCODING_EOF:
    case SOUP_ENCODING_BYTERANGES:
    default:
      return FALSE;
    }
}

static void
early_body_limit (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  zc_http_refuse_large_body (msg, (goffset) GPOINTER_TO_SIZE (user_data));
}

/**
 * zc_http_add_handler_full:
 * @max_body_bytes: the largest request body accepted
 *
 * Registers @callback for @path together with an early handler that
 * refuses a request whose declared body exceeds @max_body_bytes with
 * 413 as soon as its headers arrive, before a byte of the body is
 * read.  libsoup keeps early and normal handlers per path and consults
 * only the most specific path's, so every path needs its own.
 */
void
zc_http_add_handler_full (SoupServer        *server,
                          const char        *path,
                          goffset            max_body_bytes,
                          SoupServerCallback callback,
                          gpointer           user_data,
                          GDestroyNotify     destroy)
{
  g_return_if_fail (SOUP_IS_SERVER (server));
  g_return_if_fail (path != NULL);
  g_return_if_fail (max_body_bytes > 0);

  soup_server_add_early_handler (server, path, early_body_limit,
                                 GSIZE_TO_POINTER ((gsize) max_body_bytes), NULL);
  soup_server_add_handler (server, path, callback, user_data, destroy);
}

/* zc_http_add_handler_full() with the server-wide limit, ZC_HTTP_MAX_BODY_BYTES. */
void
zc_http_add_handler (SoupServer        *server,
                     const char        *path,
                     SoupServerCallback callback,
                     gpointer           user_data,
                     GDestroyNotify     destroy)
{
  zc_http_add_handler_full (server, path, ZC_HTTP_MAX_BODY_BYTES, callback, user_data, destroy);
}
