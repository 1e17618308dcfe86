/* zc-api-client.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <libsoup/soup.h>
#include <string.h>

#include "zc-api-client-private.h"
#include "zc-json.h"

/* Asynchronous calls of the server's JSON API (docs/api.md) on the
 * main loop.  An answer is parsed off the main thread when it is
 * large; an error answer becomes a ZC_API_CLIENT_ERROR whose message is
 * the server's own, with its code, field and Retry-After kept. */

#define TIMEOUT_SECONDS        30
#define INLINE_PARSE_LIMIT     (32 * 1024)
#define MAX_ANSWER_DEPTH       64

struct _ZcApiClient
{
  GObject      parent_instance;

  char        *base_url;         /* owned, without a trailing slash */
  char        *token;            /* owned, nullable */
  char        *accept_language;  /* owned */
  SoupSession *session;          /* owned */
};

G_DEFINE_FINAL_TYPE (ZcApiClient, zc_api_client, G_TYPE_OBJECT)

/* The error domain, with the server's details */

typedef struct
{
  guint  status;
  char  *code;
  char  *field;
  guint  retry_after;
  JsonNode *errors;  /* nullable: the answer's `errors` list */
} ZcApiClientErrorPrivate;

static void
zc_api_client_error_private_init (ZcApiClientErrorPrivate *priv)
{
}

static void
zc_api_client_error_private_copy (const ZcApiClientErrorPrivate *src,
                                  ZcApiClientErrorPrivate       *dest)
{
  dest->status = src->status;
  dest->code = g_strdup (src->code);
  dest->field = g_strdup (src->field);
  dest->retry_after = src->retry_after;
  dest->errors = src->errors != NULL ? json_node_copy (src->errors) : NULL;
}

static void
zc_api_client_error_private_clear (ZcApiClientErrorPrivate *priv)
{
  g_clear_pointer (&priv->code, g_free);
  g_clear_pointer (&priv->field, g_free);
  g_clear_pointer (&priv->errors, json_node_unref);
}

G_DEFINE_EXTENDED_ERROR (ZcApiClientError, zc_api_client_error)

/**
 * zc_api_client_error_get_code:
 *
 * Returns: (nullable): the server's `code` ("invalid_value" …) of a
 *   %ZC_API_CLIENT_ERROR, %NULL for other errors or when it sent none
 */
const char *
zc_api_client_error_get_code (const GError *error)
{
  ZcApiClientErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  priv = zc_api_client_error_get_private (error);
  return priv != NULL ? priv->code : NULL;
}

/**
 * zc_api_client_error_get_field:
 *
 * Returns: (nullable): the request member the server found at fault
 */
const char *
zc_api_client_error_get_field (const GError *error)
{
  ZcApiClientErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  priv = zc_api_client_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

/* The HTTP status; 0 when there was no answer. */
guint
zc_api_client_error_get_status (const GError *error)
{
  ZcApiClientErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, 0);

  priv = zc_api_client_error_get_private (error);
  return priv != NULL ? priv->status : 0;
}

/* Seconds the server asked to wait (Retry-After); 0 when it did not. */
guint
zc_api_client_error_get_retry_after (const GError *error)
{
  ZcApiClientErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, 0);

  priv = zc_api_client_error_get_private (error);
  return priv != NULL ? priv->retry_after : 0;
}

/**
 * zc_api_client_error_is_transient:
 *
 * Whether the same request may succeed later by itself: no answer, a
 * busy or failing server, a rate limit.  A refusal (4xx) is permanent
 * until something changes.
 */
gboolean
zc_api_client_error_is_transient (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != ZC_API_CLIENT_ERROR)
    return FALSE;

  switch ((ZcApiClientError) error->code)
    {
    case ZC_API_CLIENT_ERROR_NETWORK:
    case ZC_API_CLIENT_ERROR_TOO_MANY:
    case ZC_API_CLIENT_ERROR_UNAVAILABLE:
    case ZC_API_CLIENT_ERROR_SERVER:
      return TRUE;
    case ZC_API_CLIENT_ERROR_UNAUTHENTICATED:
    case ZC_API_CLIENT_ERROR_FORBIDDEN:
    case ZC_API_CLIENT_ERROR_NOT_FOUND:
    case ZC_API_CLIENT_ERROR_CONFLICT:
    case ZC_API_CLIENT_ERROR_INVALID:
    case ZC_API_CLIENT_ERROR_PROTOCOL:
    default:
      return FALSE;
    }
}

static ZcApiClientError
error_code_for_status (guint status)
{
  switch (status)
    {
    case 400: case 411: case 413: case 415: case 422:
      return ZC_API_CLIENT_ERROR_INVALID;
    case 401:
      return ZC_API_CLIENT_ERROR_UNAUTHENTICATED;
    case 403:
      return ZC_API_CLIENT_ERROR_FORBIDDEN;
    case 404:
      return ZC_API_CLIENT_ERROR_NOT_FOUND;
    case 409:
      return ZC_API_CLIENT_ERROR_CONFLICT;
    case 429:
      return ZC_API_CLIENT_ERROR_TOO_MANY;
    case 502: case 503: case 504:
      return ZC_API_CLIENT_ERROR_UNAVAILABLE;
    default:
      return ZC_API_CLIENT_ERROR_SERVER;
    }
}

static void
set_api_error (GError    **error,
               guint       status,
               const char *code,
               const char *field,
               guint       retry_after,
               const char *message)
{
  ZcApiClientErrorPrivate *priv;

  if (error == NULL)
    return;
  g_set_error_literal (error, ZC_API_CLIENT_ERROR, error_code_for_status (status), message);
  priv = zc_api_client_error_get_private (*error);
  priv->status = status;
  priv->code = g_strdup (code);
  priv->field = g_strdup (field);
  priv->retry_after = retry_after;
}

/* Addresses and languages */

/**
 * zc_api_client_normalize_url:
 * @text: what the user typed: "https://host", "http://10.0.0.2:8080",
 *   or a bare "host:port", which is taken as https
 *
 * Returns: (transfer full) (nullable): the server address without a
 *   trailing slash, or %NULL with an error for the user
 */
char *
zc_api_client_normalize_url (const char  *text,
                             GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *result = NULL;
  const char *scheme;
  const char *path;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the server address, such as https://zhicheng.example.cn"));
      return NULL;
    }

  with_scheme = strstr (trimmed, "://") != NULL ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This is not a server address: use https://HOST or http://HOST:PORT"));
      return NULL;
    }

  path = g_uri_get_path (uri);
  result = g_uri_join (G_URI_FLAGS_NONE, scheme, NULL, g_uri_get_host (uri), g_uri_get_port (uri),
                       path != NULL ? path : "", NULL, NULL);
  length = strlen (result);
  while (length > 0 && result[length - 1] == '/')
    result[--length] = '\0';
  /* "http//host" reads as host "http" with the path "//host" */
  if (strstr (result + strlen (scheme) + 3, "//") != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This is not a server address: use https://HOST or http://HOST:PORT"));
      return NULL;
    }

  return g_steal_pointer (&result);
}

/**
 * zc_api_client_ui_accept_language:
 *
 * The language the user interface speaks, as an Accept-Language value:
 * Chinese when the Chinese catalog is in use, English otherwise, so the
 * server's messages match the windows around them.
 */
const char *
zc_api_client_ui_accept_language (void)
{
  /* the catalog's header (the empty msgid's translation) names its language */
  static const char header_msgid[1] = { 0 };
  const char *header = dgettext (GETTEXT_PACKAGE, header_msgid);

  if (header != NULL && strstr (header, "Language: zh") != NULL)
    return "zh-CN, zh;q=0.9";
  return "en";
}

/* Requests */

typedef struct
{
  SoupMessage       *msg;           /* owned */
  guint              status;
  guint              retry_after;
  GBytes            *bytes;         /* owned */
  gboolean           raw;           /* a download: do not parse */
  ZcApiProgressFunc  progress;
  gpointer           progress_data;
  guint64            sent;
  guint64            total;
  gulong             wrote_id;
} RequestData;

static void
request_data_free (RequestData *data)
{
  if (data->wrote_id != 0)
    g_signal_handler_disconnect (data->msg, data->wrote_id);
  g_clear_object (&data->msg);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static guint
parse_retry_after (const char *value)
{
  guint64 seconds = 0;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, 24 * 3600, &seconds, NULL))
    return 0;
  return (guint) seconds;
}

/* Turns a finished answer into the task's result; safe in any thread. */
static void
finish_answer (GTask       *task,
               RequestData *data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize length = 0;
  const char *text = data->bytes != NULL ? g_bytes_get_data (data->bytes, &length) : NULL;
  gboolean success = SOUP_STATUS_IS_SUCCESSFUL (data->status);

  if (length > 0 && !zc_json_parse (text, length, MAX_ANSWER_DEPTH, &node, &parse_error))
    g_clear_pointer (&node, json_node_unref);

  if (success)
    {
      if (length > 0 && node == NULL)
        {
          g_task_return_new_error (task, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                                   _("The server’s answer could not be read (%s)"), parse_error->message);
          return;
        }
      g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
      return;
    }

  {
    g_autoptr(GError) error = NULL;
    const char *code = NULL;
    const char *message = NULL;
    const char *field = NULL;
    g_autofree char *generic = NULL;

    if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
      {
        JsonObject *object = json_node_get_object (node);

        /* each member on its own: one of the wrong type loses only itself */
        if (!zc_json_get_string (object, "code", FALSE, &code, NULL))
          code = NULL;
        if (!zc_json_get_string (object, "message", FALSE, &message, NULL))
          message = NULL;
        if (!zc_json_get_string (object, "field", FALSE, &field, NULL))
          field = NULL;
      }
    if (message == NULL || *message == '\0')
      {
        /* Translators: %u is an HTTP status such as 502, %s its reason such as "Bad Gateway" */
        generic = g_strdup_printf (_("The server answered %u %s"), data->status,
                                   soup_status_get_phrase (data->status));
        message = generic;
      }
    set_api_error (&error, data->status, code, field, data->retry_after, message);
    if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
      {
        JsonNode *errors = json_object_get_member (json_node_get_object (node), "errors");

        if (errors != NULL && JSON_NODE_HOLDS_ARRAY (errors))
          zc_api_client_error_get_private (error)->errors = json_node_copy (errors);
      }
    g_task_return_error (task, g_steal_pointer (&error));
  }
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  finish_answer (task, task_data);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  data->bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (data->bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK,
                                 /* Translators: %s is the reason, from the network library */
                                 _("The server cannot be reached: %s"), error->message);
      return;
    }

  data->status = soup_message_get_status (data->msg);
  headers = soup_message_get_response_headers (data->msg);
  data->retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

  if (data->raw && SOUP_STATUS_IS_SUCCESSFUL (data->status))
    {
      g_task_return_pointer (task, g_bytes_ref (data->bytes), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (g_bytes_get_size (data->bytes) > INLINE_PARSE_LIMIT)
    g_task_run_in_thread (task, parse_in_thread);
  else
    finish_answer (task, data);
}

static void
on_wrote_body_data (SoupMessage *msg,
                    guint        chunk_size,
                    RequestData *data)
{
  data->sent += chunk_size;
  if (data->progress != NULL)
    data->progress (MIN (data->sent, data->total), data->total, data->progress_data);
}

static void
start_request (ZcApiClient         *self,
               const char          *method,
               const char          *path,
               GBytes              *body,
               const char          *content_type,
               gboolean             raw,
               ZcApiProgressFunc    progress,
               gpointer             progress_data,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  SoupMessageHeaders *headers;
  RequestData *data;

  g_task_set_source_tag (task, source_tag);
  data = g_new0 (RequestData, 1);
  data->raw = raw;
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);

  data->msg = soup_message_new (method, url);
  if (data->msg == NULL)
    {
      g_task_return_new_error (task, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK,
                               _("The server address is not a valid URL"));
      return;
    }

  headers = soup_message_get_request_headers (data->msg);
  soup_message_headers_replace (headers, "Accept", raw ? "*/*" : "application/json");
  soup_message_headers_replace (headers, "Accept-Language", self->accept_language);
  if (self->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (body != NULL)
    {
      soup_message_set_request_body_from_bytes (data->msg, content_type, body);
      data->total = g_bytes_get_size (body);
      data->progress = progress;
      data->progress_data = progress_data;
      if (progress != NULL)
        data->wrote_id = g_signal_connect (data->msg, "wrote-body-data", G_CALLBACK (on_wrote_body_data), data);
    }

  soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT, cancellable,
                                    on_sent, g_steal_pointer (&task));
}

/**
 * zc_api_client_call_async:
 * @method: "GET", "POST", "DELETE" …
 * @path: from the server's root, such as "/api/v1/me"
 * @body: (nullable): the JSON body
 */
void
zc_api_client_call_async (ZcApiClient         *self,
                          const char          *method,
                          const char          *path,
                          JsonNode            *body,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  if (body != NULL)
    {
      char *text = zc_json_to_string (body);

      bytes = g_bytes_new_take (text, strlen (text));
    }

  start_request (self, method, path, bytes, "application/json", FALSE, NULL, NULL,
                 cancellable, callback, user_data, zc_api_client_call_async);
}

/**
 * zc_api_client_call_finish:
 * @answer: (out) (optional) (transfer full) (nullable): the parsed
 *   answer; %NULL for an answer without a body (204)
 *
 * Returns: %TRUE for a 2xx answer
 */
gboolean
zc_api_client_call_finish (ZcApiClient   *self,
                           GAsyncResult  *result,
                           JsonNode     **answer,
                           GError       **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  node = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (answer != NULL)
    *answer = g_steal_pointer (&node);
  return TRUE;
}

/* The list @member of an answer object (borrowed), or NULL when the
 * answer is not an object holding one. */
JsonArray *
zc_api_client_answer_array (JsonNode   *answer,
                            const char *member)
{
  JsonNode *list;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return NULL;
  list = json_object_get_member (json_node_get_object (answer), member);
  return list != NULL && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;
}

/* An answer's "total" (the whole list's length), or -1 when absent. */
gint64
zc_api_client_answer_total (JsonNode *answer)
{
  JsonNode *total = JSON_NODE_HOLDS_OBJECT (answer) ? json_object_get_member (json_node_get_object (answer), "total")
                                                    : NULL;

  return total != NULL && JSON_NODE_HOLDS_VALUE (total) && json_node_get_value_type (total) == G_TYPE_INT64
         ? json_node_get_int (total) : -1;
}

/* The answer of a call that returns one JSON object; otherwise a
 * protocol error saying what was expected (@what, translated). */
JsonNode *
zc_api_client_finish_object (ZcApiClient   *self,
                             GAsyncResult  *result,
                             const char    *what,
                             GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL, what);
      return NULL;
    }
  return g_steal_pointer (&answer);
}


/**
 * zc_api_client_upload_async:
 * @body: the raw body, such as a file's bytes
 * @progress: (nullable): told how much of @body has been sent
 *
 * Sends @body as it is (a blob), answered like a call.
 */
void
zc_api_client_upload_async (ZcApiClient         *self,
                            const char          *method,
                            const char          *path,
                            GBytes              *body,
                            const char          *content_type,
                            ZcApiProgressFunc    progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (body != NULL);
  g_return_if_fail (content_type != NULL);

  start_request (self, method, path, body, content_type, FALSE, progress, progress_data,
                 cancellable, callback, user_data, zc_api_client_upload_async);
}

gboolean
zc_api_client_upload_finish (ZcApiClient   *self,
                             GAsyncResult  *result,
                             JsonNode     **answer,
                             GError       **error)
{
  return zc_api_client_call_finish (self, result, answer, error);
}

/* GET of a file: the body is returned as it came. */
void
zc_api_client_download_async (ZcApiClient         *self,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  start_request (self, SOUP_METHOD_GET, path, NULL, NULL, TRUE, NULL, NULL,
                 cancellable, callback, user_data, zc_api_client_download_async);
}

/**
 * zc_api_client_download_finish:
 * @content_type: (out) (optional) (transfer full) (nullable): its type
 *
 * Returns: (transfer full): the body
 */
GBytes *
zc_api_client_download_finish (ZcApiClient   *self,
                               GAsyncResult  *result,
                               char         **content_type,
                               GError       **error)
{
  RequestData *data;
  GBytes *bytes;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes != NULL && content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (data->msg),
                                                                     NULL));
  return bytes;
}

/* GObject */

static void
zc_api_client_finalize (GObject *object)
{
  ZcApiClient *self = ZC_API_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_free (self->accept_language);

  G_OBJECT_CLASS (zc_api_client_parent_class)->finalize (object);
}

static void
zc_api_client_class_init (ZcApiClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zc_api_client_finalize;
}

static void
zc_api_client_init (ZcApiClient *self)
{
  /* No proxy for a server usually on the LAN or loopback; GIO's proxy
   * module would also need GSettings schemas in tests. */
  self->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                 "proxy-resolver", NULL,
                                                 "user-agent", "zhicheng/" PACKAGE_VERSION,
                                                 NULL);
  self->accept_language = g_strdup (zc_api_client_ui_accept_language ());
}

/**
 * zc_api_client_new:
 * @base_url: the server's address, such as "https://host" (a trailing
 *   slash is dropped)
 */
ZcApiClient *
zc_api_client_new (const char *base_url)
{
  ZcApiClient *self;
  gsize length;

  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (ZC_TYPE_API_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  length = strlen (self->base_url);
  while (length > 0 && self->base_url[length - 1] == '/')
    self->base_url[--length] = '\0';
  return self;
}

const char *
zc_api_client_get_base_url (ZcApiClient *self)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);
  return self->base_url;
}

const char *
zc_api_client_get_token (ZcApiClient *self)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);
  return self->token;
}

/* @token: (nullable): the session token sent as Authorization: Bearer */
void
zc_api_client_set_token (ZcApiClient *self,
                         const char  *token)
{
  g_return_if_fail (ZC_IS_API_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = g_strdup (token);
}

const char *
zc_api_client_get_accept_language (ZcApiClient *self)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);
  return self->accept_language;
}

/* @accept_language: (nullable): %NULL goes back to the UI's language */
void
zc_api_client_set_accept_language (ZcApiClient *self,
                                   const char  *accept_language)
{
  g_return_if_fail (ZC_IS_API_CLIENT (self));

  g_free (self->accept_language);
  self->accept_language = g_strdup (accept_language != NULL ? accept_language
                                                            : zc_api_client_ui_accept_language ());
}

/* The committee's plans, the roster, unit search (issue 7) */

/**
 * zc_api_client_error_get_errors:
 *
 * Returns: (transfer none) (nullable): the `errors` list of a 400
 *   answer (`[{"field", "code", "message"}, …]`), or %NULL
 */
JsonArray *
zc_api_client_error_get_errors (const GError *error)
{
  ZcApiClientErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  priv = zc_api_client_error_get_private (error);
  return priv != NULL && priv->errors != NULL ? json_node_get_array (priv->errors) : NULL;
}
