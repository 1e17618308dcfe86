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

#include "zc-api-client.h"
#include "zc-json.h"
#include "zc-plan.h"
#include "zc-unit-statistics.h"

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
static JsonArray *
answer_array (JsonNode   *answer,
              const char *member)
{
  JsonNode *list;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return NULL;
  list = json_object_get_member (json_node_get_object (answer), member);
  return list != NULL && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;
}

/* An answer's "total" (the whole list's length), or -1 when absent. */
static gint64
answer_total (JsonNode *answer)
{
  JsonNode *total = JSON_NODE_HOLDS_OBJECT (answer) ? json_object_get_member (json_node_get_object (answer), "total")
                                                    : NULL;

  return total != NULL && JSON_NODE_HOLDS_VALUE (total) && json_node_get_value_type (total) == G_TYPE_INT64
         ? json_node_get_int (total) : -1;
}

/* The answer of a call that returns one JSON object; otherwise a
 * protocol error saying what was expected (@what, translated). */
static JsonNode *
finish_object (ZcApiClient   *self,
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

/* Plans and declarations (docs/declarations.md) */

/**
 * zc_api_client_parse_plans:
 * @answer: the answer of `GET /api/v1/plans`: `{"plans": […], …}`
 *
 * A plan this version cannot read is left out (with a message in the
 * log): one odd plan must not keep the others from the cache.
 *
 * Returns: (transfer full) (element-type ZcPlan): the plans, or %NULL
 *   with ZC_API_CLIENT_ERROR_PROTOCOL when the answer has no list
 */
GPtrArray *
zc_api_client_parse_plans (JsonNode  *answer,
                           GError   **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);
  JsonArray *array;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  array = answer_array (answer, "plans");
  if (array == NULL)
    {
      g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                           _("The server’s answer is not a list of review plans"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      ZcPlan *plan = zc_plan_new_from_json (json_array_get_element (array, i), FALSE, &local_error);

      if (plan == NULL)
        {
          g_message ("Plan %u of the server’s list is left out: %s", i, local_error->message);
          continue;
        }
      if (zc_plan_get_id (plan) == NULL || zc_plan_get_version (plan) < 1)
        {
          g_message ("Plan %u of the server’s list has no id or version: left out", i);
          zc_plan_unref (plan);
          continue;
        }
      g_ptr_array_add (plans, plan);
    }

  return g_steal_pointer (&plans);
}

/* The list comes in pages (docs/api.md: at most 200 a page, with the
 * total): they are asked for one after the other. */
#define PLANS_PAGE_SIZE 200

typedef struct
{
  GPtrArray *plans;   /* owned, of ZcPlan */
  guint      offset;
} PlansPaging;

static void
plans_paging_free (PlansPaging *paging)
{
  g_ptr_array_unref (paging->plans);
  g_free (paging);
}

static void request_plans_page (GTask *task);

static void
on_plans_answered (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PlansPaging *paging = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *total;
  guint n;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error) ||
      (page = zc_api_client_parse_plans (answer, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* counted as sent: a plan left out still moves the offset */
  n = json_array_get_length (json_object_get_array_member (json_node_get_object (answer), "plans"));
  g_ptr_array_extend_and_steal (paging->plans, g_steal_pointer (&page));
  paging->offset += n;
  total = json_object_get_member (json_node_get_object (answer), "total");
  if (n > 0 && total != NULL && json_node_get_value_type (total) == G_TYPE_INT64 &&
      json_node_get_int (total) > (gint64) paging->offset)
    {
      request_plans_page (g_steal_pointer (&task));
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (paging->plans), (GDestroyNotify) g_ptr_array_unref);
}

static void
request_plans_page (GTask *task)
{
  PlansPaging *paging = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("/api/v1/plans?limit=%u&offset=%u", PLANS_PAGE_SIZE, paging->offset);

  zc_api_client_call_async (g_task_get_source_object (task), SOUP_METHOD_GET, path, NULL,
                            g_task_get_cancellable (task), on_plans_answered, task);
}

/* GET /api/v1/plans: the plans the caller may see (published and
 * closed for an applicant), every page. */
void
zc_api_client_list_plans_async (ZcApiClient         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  PlansPaging *paging;

  g_return_if_fail (ZC_IS_API_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_api_client_list_plans_async);
  paging = g_new0 (PlansPaging, 1);
  paging->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);
  g_task_set_task_data (task, paging, (GDestroyNotify) plans_paging_free);
  request_plans_page (task);
}

/**
 * zc_api_client_list_plans_finish:
 *
 * Returns: (transfer full) (element-type ZcPlan): the plans
 */
GPtrArray *
zc_api_client_list_plans_finish (ZcApiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /api/v1/declarations/{id}: the declaration with the server's
 * timeline; read the answer with zc_declaration_timeline_entries_from_json(). */
void
zc_api_client_get_declaration_async (ZcApiClient         *self,
                                     const char          *id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/api/v1/declarations/", escaped, NULL);
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_get_declaration_finish:
 *
 * Returns: (transfer full): the answer, an object
 */
JsonNode *
zc_api_client_get_declaration_finish (ZcApiClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  return finish_object (self, result, _("The server’s answer is not a declaration"), error);
}

/* The reviewers' desks (docs/api.md "Declarations") */

/**
 * zc_api_client_list_declarations_async:
 * @state: (nullable): a state id to list only that one
 * @plan_id: (nullable): a plan's UUID to list only its declarations
 * @limit: 1–200; 0 for the server's default
 *
 * GET /api/v1/declarations: the caller's own declarations, or an
 * officer's queue, longest waiting first.
 */
void
zc_api_client_list_declarations_async (ZcApiClient         *self,
                                       const char          *state,
                                       const char          *plan_id,
                                       guint                limit,
                                       guint                offset,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/api/v1/declarations?offset=");

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (limit <= 200);

  g_string_append_printf (path, "%u", offset);
  if (limit > 0)
    g_string_append_printf (path, "&limit=%u", limit);
  if (state != NULL && *state != '\0')
    {
      g_string_append (path, "&state=");
      g_string_append_uri_escaped (path, state, NULL, FALSE);
    }
  if (plan_id != NULL && *plan_id != '\0')
    {
      g_string_append (path, "&plan_id=");
      g_string_append_uri_escaped (path, plan_id, NULL, FALSE);
    }
  zc_api_client_call_async (self, SOUP_METHOD_GET, path->str, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_list_declarations_finish:
 * @total: (out) (optional): how many the whole list holds
 *
 * Returns: (transfer full) (element-type JsonObject): the records of
 *   this page, each an object
 */
GPtrArray *
zc_api_client_list_declarations_finish (ZcApiClient   *self,
                                        GAsyncResult  *result,
                                        gint64        *total,
                                        GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) records = NULL;
  JsonArray *array;
  gint64 count;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  array = answer_array (answer, "declarations");
  if (array == NULL)
    {
      g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                           _("The server’s answer is not a list of declarations"));
      return NULL;
    }
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                               _("The server’s answer is not a list of declarations"));
          return NULL;
        }
      g_ptr_array_add (records, json_object_ref (json_node_get_object (element)));
    }
  count = answer_total (answer);
  if (total != NULL)
    *total = count >= 0 ? count : (gint64) records->len;
  return g_steal_pointer (&records);
}

/**
 * zc_api_client_act_on_declaration_async:
 * @request: the body of POST /api/v1/declarations/{id}/actions:
 *   `{action, expected_state, expected_version?, comment?, args?}`
 */
void
zc_api_client_act_on_declaration_async (ZcApiClient         *self,
                                        const char          *id,
                                        JsonObject          *request,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_return_if_fail (request != NULL);

  body = json_node_init_object (json_node_alloc (), request);
  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/api/v1/declarations/", escaped, "/actions", NULL);
  zc_api_client_call_async (self, SOUP_METHOD_POST, path, body, cancellable, callback, user_data);
}

/**
 * zc_api_client_act_on_declaration_finish:
 *
 * Returns: (transfer full): the record as it is now, an object
 */
JsonNode *
zc_api_client_act_on_declaration_finish (ZcApiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  return finish_object (self, result, _("The server’s answer is not a declaration"), error);
}

/* GET /api/v1/declarations/{id}/review-form.pdf; finish with
 * zc_api_client_download_finish(). */
void
zc_api_client_download_review_form_async (ZcApiClient         *self,
                                          const char          *id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/api/v1/declarations/", escaped, "/review-form.pdf", NULL);
  zc_api_client_download_async (self, path, cancellable, callback, user_data);
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

static char *
plan_path (const char *id,
           const char *action)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/api/v1/plans/", escaped, action != NULL ? "/" : NULL, action, NULL);
}

/* POST /api/v1/plans: @plan as a new draft (its id and version are
 * not sent).  Finish with zc_api_client_plan_call_finish(). */
void
zc_api_client_create_plan_async (ZcApiClient         *self,
                                 ZcPlan              *plan,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (plan != NULL);

  body = zc_plan_to_input_json (plan);
  json_object_remove_member (json_node_get_object (body), "id");
  json_object_remove_member (json_node_get_object (body), "version");
  zc_api_client_call_async (self, SOUP_METHOD_POST, "/api/v1/plans", body, cancellable, callback, user_data);
}

/* PUT /api/v1/plans/{id}: replaces the draft; @plan carries the id and
 * the version being edited. */
void
zc_api_client_update_plan_async (ZcApiClient         *self,
                                 ZcPlan              *plan,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (plan != NULL && zc_plan_get_id (plan) != NULL && zc_plan_get_version (plan) >= 1);

  body = zc_plan_to_input_json (plan);
  path = plan_path (zc_plan_get_id (plan), NULL);
  zc_api_client_call_async (self, SOUP_METHOD_PUT, path, body, cancellable, callback, user_data);
}

/* POST /api/v1/plans/{id}/@action ("publish", "close", "revise") with
 * the version the caller saw (0: none sent). */
void
zc_api_client_plan_action_async (ZcApiClient         *self,
                                 const char          *id,
                                 const char          *action,
                                 gint64               version,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  JsonObject *object;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_return_if_fail (g_strcmp0 (action, "publish") == 0 || g_strcmp0 (action, "close") == 0 ||
                    g_strcmp0 (action, "revise") == 0);

  object = json_object_new ();
  if (version > 0)
    json_object_set_int_member (object, "version", version);
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  path = plan_path (id, action);
  zc_api_client_call_async (self, SOUP_METHOD_POST, path, body, cancellable, callback, user_data);
}

/**
 * zc_api_client_plan_call_finish:
 *
 * Finishes a create, update or action call.
 *
 * Returns: (transfer full): the plan the server answered with
 */
ZcPlan *
zc_api_client_plan_call_finish (ZcApiClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  ZcPlan *plan;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  plan = answer != NULL ? zc_plan_new_from_json (answer, FALSE, &local_error) : NULL;
  if (plan == NULL)
    {
      g_set_error (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                   _("The server’s answer is not a review plan (%s)"),
                   local_error != NULL ? local_error->message : "empty");
      return NULL;
    }
  return plan;
}

/* Every page of GET /api/v1/declarations?plan_id=… */
#define DECLARATIONS_PAGE_SIZE 200

typedef struct
{
  char      *plan_id;
  JsonArray *records;
} DeclarationsPaging;

static void
declarations_paging_free (DeclarationsPaging *paging)
{
  g_free (paging->plan_id);
  json_array_unref (paging->records);
  g_free (paging);
}

static void request_declarations_page (GTask *task);

static void
on_declarations_answered (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeclarationsPaging *paging = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *page;
  guint n;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  page = answer_array (answer, "declarations");
  if (page == NULL)
    {
      g_task_return_new_error (task, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                               _("The server’s answer is not a list of declarations"));
      return;
    }

  n = json_array_get_length (page);
  for (guint i = 0; i < n; i++)
    json_array_add_element (paging->records, json_node_copy (json_array_get_element (page, i)));
  if (n > 0 && answer_total (answer) > (gint64) json_array_get_length (paging->records))
    {
      request_declarations_page (g_steal_pointer (&task));
      return;
    }
  g_task_return_pointer (task, json_array_ref (paging->records), (GDestroyNotify) json_array_unref);
}

static void
request_declarations_page (GTask *task)
{
  DeclarationsPaging *paging = g_task_get_task_data (task);
  g_autofree char *escaped = g_uri_escape_string (paging->plan_id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations?plan_id=%s&limit=%u&offset=%u", escaped,
                                           DECLARATIONS_PAGE_SIZE, json_array_get_length (paging->records));

  zc_api_client_call_async (g_task_get_source_object (task), SOUP_METHOD_GET, path, NULL,
                            g_task_get_cancellable (task), on_declarations_answered, task);
}

/* GET /api/v1/declarations?plan_id=…: every declaration of a plan the
 * caller may see, all pages. */
void
zc_api_client_list_plan_declarations_async (ZcApiClient         *self,
                                            const char          *plan_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;
  DeclarationsPaging *paging;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (plan_id != NULL && *plan_id != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_api_client_list_plan_declarations_async);
  paging = g_new0 (DeclarationsPaging, 1);
  paging->plan_id = g_strdup (plan_id);
  paging->records = json_array_new ();
  g_task_set_task_data (task, paging, (GDestroyNotify) declarations_paging_free);
  request_declarations_page (task);
}

/**
 * zc_api_client_list_plan_declarations_finish:
 *
 * Returns: (transfer full): the records, as the list answer carries them
 */
JsonArray *
zc_api_client_list_plan_declarations_finish (ZcApiClient   *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /api/v1/units?query=…&limit=…: units whose name holds @query (or
 * with that credit code). */
void
zc_api_client_search_units_async (ZcApiClient         *self,
                                  const char          *query,
                                  guint                limit,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (query != NULL);

  escaped = g_uri_escape_string (query, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/units?query=%s&limit=%u", escaped, CLAMP (limit, 1, 200));
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/* GET /api/v1/units/{id}; finish with zc_api_client_units_finish(), a
 * list of one. */
void
zc_api_client_get_unit_async (ZcApiClient         *self,
                              const char          *id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/api/v1/units/", escaped, NULL);
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_units_finish:
 *
 * Finishes a unit search (`{"units": […]}`) or a unit lookup (one
 * object).
 *
 * Returns: (transfer full): the units, objects with id and name
 */
JsonArray *
zc_api_client_units_finish (ZcApiClient   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *units;
  JsonNode *list;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    goto bad;

  list = json_object_get_member (json_node_get_object (answer), "units");
  if (list == NULL)
    {
      units = json_array_new ();
      json_array_add_element (units, json_node_copy (answer));
      return units;
    }
  if (!JSON_NODE_HOLDS_ARRAY (list))
    goto bad;
  return json_array_ref (json_node_get_array (list));

bad:
  g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                       _("The server’s answer is not a list of units"));
  return NULL;
}

/* The unit officer's desk */

/**
 * zc_api_client_get_unit_statistics_async:
 * @unit_id: the caller's own unit
 *
 * `GET /api/v1/units/{id}/statistics`: the unit's professional staff by
 * series and level.
 */
void
zc_api_client_get_unit_statistics_async (ZcApiClient         *self,
                                         const char          *unit_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (unit_id != NULL && *unit_id != '\0');

  escaped = g_uri_escape_string (unit_id, NULL, FALSE);
  path = g_strconcat ("/api/v1/units/", escaped, "/statistics", NULL);
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_get_unit_statistics_finish:
 *
 * Returns: (transfer full): the numbers, or %NULL (an answer whose
 *   totals do not add up is %ZC_API_CLIENT_ERROR_PROTOCOL)
 */
ZcUnitStatistics *
zc_api_client_get_unit_statistics_finish (ZcApiClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  ZcUnitStatistics *statistics;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  statistics = answer != NULL ? zc_unit_statistics_from_json (answer, &local_error) : NULL;
  if (statistics == NULL)
    {
      g_debug ("Unit statistics: %s", local_error != NULL ? local_error->message : "no answer");
      g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                           _("The server’s answer is not the unit’s statistics"));
    }
  return statistics;
}

/**
 * zc_api_client_list_unit_bindings_async:
 * @unit_id: the caller's own unit
 * @state: (nullable): "pending" …, or %NULL for all
 *
 * `GET /api/v1/units/{id}/bindings`, oldest first, at most 200.
 */
void
zc_api_client_list_unit_bindings_async (ZcApiClient         *self,
                                        const char          *unit_id,
                                        const char          *state,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *escaped_state = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (unit_id != NULL && *unit_id != '\0');

  escaped = g_uri_escape_string (unit_id, NULL, FALSE);
  escaped_state = state != NULL ? g_uri_escape_string (state, NULL, FALSE) : NULL;
  path = g_strconcat ("/api/v1/units/", escaped, "/bindings?limit=200",
                      escaped_state != NULL ? "&state=" : NULL, escaped_state, NULL);
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_list_unit_bindings_finish:
 *
 * Returns: (transfer full): the binding requests, every element an object
 */
JsonArray *
zc_api_client_list_unit_bindings_finish (ZcApiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *bindings = NULL;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer) ||
      !zc_json_get_array (json_node_get_object (answer), "bindings", TRUE, &bindings, NULL) || bindings == NULL)
    goto bad;
  for (guint i = 0; i < json_array_get_length (bindings); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (bindings, i)))
        goto bad;
    }
  return json_array_ref (bindings);

bad:
  g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                       _("The server’s answer is not a list of binding requests"));
  return NULL;
}

/**
 * zc_api_client_decide_binding_async:
 * @comment: (nullable): the reason; the server requires one to deny
 *
 * `POST /api/v1/bindings/{id}/decision`.
 */
void
zc_api_client_decide_binding_async (ZcApiClient         *self,
                                    const char          *binding_id,
                                    gboolean             approve,
                                    const char          *comment,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (binding_id != NULL && *binding_id != '\0');

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, approve ? "approve" : "deny");
  if (comment != NULL && *comment != '\0')
    {
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, comment);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  escaped = g_uri_escape_string (binding_id, NULL, FALSE);
  path = g_strconcat ("/api/v1/bindings/", escaped, "/decision", NULL);
  zc_api_client_call_async (self, SOUP_METHOD_POST, path, body, cancellable, callback, user_data);
}

/**
 * zc_api_client_decide_binding_finish:
 *
 * Returns: (transfer full): the decided request
 */
JsonObject *
zc_api_client_decide_binding_finish (ZcApiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  answer = finish_object (self, result, _("The server’s answer is not a binding request"), error);
  return answer != NULL ? json_object_ref (json_node_get_object (answer)) : NULL;
}
