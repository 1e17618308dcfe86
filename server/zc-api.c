/* zc-api.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-api.h"
#include "zc-json.h"

#define API_PREFIX "/api/v1/"

typedef struct
{
  const ZcApiRoute *route;      /* borrowed: the tables are static */
  char            **segments;   /* owned */
} Route;

struct _ZcApi
{
  ZcContext *ctx;               /* owned */
  GArray    *routes;            /* owned: of Route */
};

static void
route_clear (gpointer data)
{
  Route *route = data;

  g_clear_pointer (&route->segments, g_strfreev);
}

ZcApi *
zc_api_new (ZcContext *ctx)
{
  ZcApi *api;

  g_return_val_if_fail (ctx != NULL, NULL);

  api = g_atomic_rc_box_new0 (ZcApi);
  api->ctx = zc_context_ref (ctx);
  api->routes = g_array_new (FALSE, TRUE, sizeof (Route));
  g_array_set_clear_func (api->routes, route_clear);

  return api;
}

ZcApi *
zc_api_ref (ZcApi *api)
{
  g_return_val_if_fail (api != NULL, NULL);

  return g_atomic_rc_box_acquire (api);
}

static void
api_clear (gpointer data)
{
  ZcApi *api = data;

  g_clear_pointer (&api->routes, g_array_unref);
  g_clear_pointer (&api->ctx, zc_context_unref);
}

void
zc_api_unref (ZcApi *api)
{
  if (api == NULL)
    return;

  g_atomic_rc_box_release_full (api, api_clear);
}

/**
 * zc_api_add_routes:
 * @routes: (array length=n_routes): a static table, one per resource file
 */
void
zc_api_add_routes (ZcApi            *api,
                   const ZcApiRoute *routes,
                   gsize             n_routes)
{
  g_return_if_fail (api != NULL);
  g_return_if_fail (routes != NULL);

  for (gsize i = 0; i < n_routes; i++)
    {
      Route route = { &routes[i], g_strsplit (routes[i].pattern, "/", -1) };

      g_array_append_val (api->routes, route);
    }
}

/* ---- requests ---------------------------------------------------------- */

typedef struct
{
  ZcApiRequest  request;
  ZcApi        *api;      /* owned ref */
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;
  ZcApiRequest *request = &work->request;

  g_free (request->path);
  g_clear_pointer (&request->params, g_ptr_array_unref);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->body_node, json_node_unref);
  g_free (request->token);
  g_free (request->address);
  g_clear_pointer (&request->caller, zc_caller_free);
  zc_context_unref (request->ctx);
  zc_api_unref (work->api);
  g_free (work);
}

static gboolean
segment_matches (const char *pattern,
                 const char *segment)
{
  if (g_str_equal (pattern, "{id}"))
    return zc_json_is_uuid (segment);

  return g_str_equal (pattern, segment);
}

/* Finds the route for @path (below /api/v1/) and @method.  @params
 * (nullable) receives the {id} values, @allow (nullable) the methods
 * the path accepts, for a 405. */
static const ZcApiRoute *
match (ZcApi      *api,
       const char *method,
       const char *path,
       GPtrArray  *params,
       GString    *allow)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  guint n_segments = g_strv_length (segments);
  const ZcApiRoute *found = NULL;

  for (guint i = 0; i < api->routes->len; i++)
    {
      Route *route = &g_array_index (api->routes, Route, i);
      gboolean same = g_strv_length (route->segments) == n_segments;

      for (guint j = 0; same && j < n_segments; j++)
        same = segment_matches (route->segments[j], segments[j]);
      if (!same)
        continue;

      if (allow != NULL)
        {
          if (allow->len > 0)
            g_string_append (allow, ", ");
          g_string_append (allow, route->route->method);
        }

      if (found == NULL && g_str_equal (route->route->method, method))
        {
          found = route->route;
          for (guint j = 0; params != NULL && j < n_segments; j++)
            {
              if (g_str_equal (route->segments[j], "{id}"))
                g_ptr_array_add (params, g_strdup (segments[j]));
            }
        }
    }

  return found;
}

static void
respond_error (ZcApiRequest *request,
               const GError *error)
{
  g_autoptr(GError) api_error = NULL;
  JsonNode *body;
  guint retry_after;

  if (error->domain != ZC_API_ERROR)
    {
      zc_api_error_from_other (&api_error, error, request->language);
      error = api_error;
    }

  body = zc_api_error_body (zc_api_error_get_code (error), error->message,
                            zc_api_error_get_field (error), zc_api_error_get_detail (error));
  if (zc_api_error_get_errors (error) != NULL)
    json_object_set_member (json_node_get_object (body), "errors", json_node_copy (zc_api_error_get_errors (error)));
  zc_http_reply_set_json (request->reply, (guint) error->code, body);

  retry_after = zc_api_error_get_retry_after (error);
  if (retry_after > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", retry_after);

      zc_http_reply_set_header (request->reply, "Retry-After", text);
    }
  if (error->code == ZC_API_ERROR_UNAUTHENTICATED)
    zc_http_reply_set_header (request->reply, "WWW-Authenticate", "Bearer");
}

/* Who may call @route, checked before its handler runs. */
static gboolean
check_access (ZcApiRequest      *request,
              const ZcApiRoute  *route,
              GError           **error)
{
  if (route->access == ZC_API_PUBLIC)
    return TRUE;

  request->caller = zc_session_service_authenticate (request->ctx, request->token, request->language, error);
  if (request->caller == NULL)
    return FALSE;

  if (route->access == ZC_API_ACCOUNT && request->caller->must_change_password)
    {
      zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "password_change_required", NULL,
                        zc_translate (request->language,
                                      N_("Change your initial password before doing anything else.")));
      return FALSE;
    }

  if (route->roles != ZC_API_ANY_ROLE && (route->roles & ZC_API_ROLE (request->caller->role)) == 0)
    {
      zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "forbidden", NULL,
                        zc_translate (request->language, N_("Your role does not allow this.")));
      return FALSE;
    }

  return TRUE;
}

static void
dispatch (gpointer      data,
          ZcHttpReply  *reply,
          GError      **error)
{
  Work *work = data;
  ZcApiRequest *request = &work->request;
  g_autoptr(GString) allow = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  const ZcApiRoute *route;

  request->reply = reply;
  route = match (work->api, request->method, request->path, request->params, allow);

  if (route == NULL && allow->len == 0)
    {
      zc_api_set_not_found (&local_error, request->language);
      respond_error (request, local_error);
    }
  else if (route == NULL)
    {
      zc_api_set_error (&local_error, ZC_API_ERROR_METHOD_NOT_ALLOWED, "method_not_allowed", NULL,
                        zc_translate (request->language, N_("This address does not accept that method.")));
      respond_error (request, local_error);
      zc_http_reply_set_header (reply, "Allow", allow->str);
    }
  else if (!check_access (request, route, &local_error))
    {
      respond_error (request, local_error);
    }
  else
    {
      route->handler (request, &local_error);
      if (local_error != NULL)
        respond_error (request, local_error);
    }

  request->reply = NULL;
}

static char *
bearer_token (SoupServerMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "Authorization");

  if (value == NULL)
    return NULL;
  if (g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return g_strdup ("");  /* present but not ours: refused like a bad token */

  return g_strstrip (g_strdup (value + 7));
}

static void
api_handler (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  ZcApi *api = user_data;
  Work *work;
  ZcApiRequest *request;
  SoupMessageBody *body;

  if (!g_str_has_prefix (path, API_PREFIX))
    {
      zc_http_respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", N_("There is nothing at this address."));
      return;
    }

  work = g_new0 (Work, 1);
  work->api = zc_api_ref (api);
  request = &work->request;
  request->ctx = zc_context_ref (api->ctx);
  request->language = zc_http_get_language (msg);
  request->method = soup_server_message_get_method (msg);
  request->path = g_strdup (path + strlen (API_PREFIX));
  request->params = g_ptr_array_new_with_free_func (g_free);
  request->token = bearer_token (msg);
  request->address = g_strdup (soup_server_message_get_remote_host (msg));
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      request->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (request->query, g_strdup (key), g_strdup (value));
    }

  body = soup_server_message_get_request_body (msg);
  if (body != NULL && body->length > 0)
    request->body = soup_message_body_flatten (body);

  zc_http_run_in_thread (server, msg, dispatch, work, work_free);
}

/* Before the body is read: the route's own limit, or the default. */
static void
api_early_handler (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  ZcApi *api = user_data;
  const ZcApiRoute *route = NULL;
  goffset limit = ZC_API_MAX_BODY_BYTES;

  if (g_str_has_prefix (path, API_PREFIX))
    route = match (api, soup_server_message_get_method (msg), path + strlen (API_PREFIX), NULL, NULL);
  if (route != NULL && route->max_body > 0)
    limit = route->max_body;

  zc_http_refuse_large_body (msg, limit);
}

/**
 * zc_api_install:
 *
 * Serves every route under /api/v1/ (except what has a handler of its
 * own, such as /api/v1/health), refusing a body above the route's
 * max_body (ZC_API_MAX_BODY_BYTES by default) with 413 before reading
 * it.  Add every route before the server listens.
 */
void
zc_api_install (ZcApi      *api,
                SoupServer *server)
{
  g_return_if_fail (api != NULL);
  g_return_if_fail (SOUP_IS_SERVER (server));

  soup_server_add_early_handler (server, "/api/v1", api_early_handler,
                                 zc_api_ref (api), (GDestroyNotify) zc_api_unref);
  soup_server_add_handler (server, "/api/v1", api_handler, zc_api_ref (api), (GDestroyNotify) zc_api_unref);
}

/* ---- helpers for handlers --------------------------------------------- */

/* Returns: (transfer none): the @index-th {id} of the route's pattern */
const char *
zc_api_request_get_param (ZcApiRequest *request,
                          guint         index)
{
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (index < request->params->len, NULL);

  return request->params->pdata[index];
}

const char *
zc_api_request_get_query (ZcApiRequest *request,
                          const char   *name)
{
  g_return_val_if_fail (request != NULL, NULL);

  return request->query != NULL ? g_hash_table_lookup (request->query, name) : NULL;
}

static void
set_invalid_value (GError     **error,
                   const char  *field,
                   ZcLanguage   language)
{
  g_autofree char *message = zc_translate_printf (language, N_("The value “%s” is not valid."), field);

  zc_api_set_invalid_field (error, field, message);
}

/**
 * zc_api_request_get_query_text:
 * @out: (out) (transfer none): the value, NULL when absent
 *
 * A query parameter that must be UTF-8 of at most @max_chars characters.
 */
gboolean
zc_api_request_get_query_text (ZcApiRequest  *request,
                               const char    *name,
                               guint          max_chars,
                               const char   **out,
                               GError       **error)
{
  const char *text = zc_api_request_get_query (request, name);

  if (text != NULL && (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > (glong) max_chars))
    {
      set_invalid_value (error, name, request->language);
      return FALSE;
    }

  *out = text;
  return TRUE;
}

gboolean
zc_api_request_get_query_uint (ZcApiRequest  *request,
                               const char    *name,
                               guint          min,
                               guint          max,
                               guint          default_value,
                               guint         *out,
                               GError       **error)
{
  const char *text = zc_api_request_get_query (request, name);
  guint64 value;

  if (text == NULL)
    {
      *out = default_value;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    {
      set_invalid_value (error, name, request->language);
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

/**
 * zc_api_request_parse_body:
 * @allowed: the members the body may have; any other is refused
 *
 * Parses the body strictly (zc_json_parse()) as one object.
 *
 * Returns: (transfer none): the object, owned by @request
 */
JsonObject *
zc_api_request_parse_body (ZcApiRequest        *request,
                           const char * const  *allowed,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object = NULL;
  const char *data = "";
  gsize length = 0;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (allowed != NULL, NULL);

  if (request->body != NULL)
    data = g_bytes_get_data (request->body, &length);

  g_clear_pointer (&request->body_node, json_node_unref);
  if (!zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &request->body_node, &local_error))
    {
      zc_api_error_from_parse (error, local_error, request->language);
      return NULL;
    }

  if (!zc_json_node_get_object (request->body_node, &object, &local_error) ||
      !zc_json_check_members (object, allowed, &local_error))
    {
      zc_api_error_from_json (error, local_error, request->language);
      return NULL;
    }

  return object;
}

/**
 * zc_api_request_parse_json:
 *
 * Parses the body strictly (zc_json_parse()) for a shared codec to
 * read; any JSON value.
 *
 * Returns: (transfer none): the body, owned by @request
 */
JsonNode *
zc_api_request_parse_json (ZcApiRequest  *request,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *data = "";
  gsize length = 0;

  g_return_val_if_fail (request != NULL, NULL);

  if (request->body != NULL)
    data = g_bytes_get_data (request->body, &length);

  g_clear_pointer (&request->body_node, json_node_unref);
  if (!zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &request->body_node, &local_error))
    {
      zc_api_error_from_parse (error, local_error, request->language);
      return NULL;
    }

  return request->body_node;
}

gboolean
zc_api_request_get_int (ZcApiRequest  *request,
                        JsonObject    *object,
                        const char    *name,
                        gboolean       required,
                        gint64         min,
                        gint64         max,
                        gint64        *out,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!zc_json_get_int64 (object, name, required, min, max, out, &local_error))
    {
      zc_api_error_from_json (error, local_error, request->language);
      return FALSE;
    }

  return TRUE;
}

/* @out: (out) (transfer none) (nullable): NULL when absent and not @required */
gboolean
zc_api_request_get_object (ZcApiRequest  *request,
                           JsonObject    *object,
                           const char    *name,
                           gboolean       required,
                           JsonObject   **out,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!zc_json_get_object (object, name, required, out, &local_error))
    {
      zc_api_error_from_json (error, local_error, request->language);
      return FALSE;
    }

  return TRUE;
}

/* @out: (out) (transfer none) (nullable): a lowercase UUID */
gboolean
zc_api_request_get_uuid (ZcApiRequest  *request,
                         JsonObject    *object,
                         const char    *name,
                         gboolean       required,
                         const char   **out,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!zc_json_get_uuid (object, name, required, out, &local_error))
    {
      zc_api_error_from_json (error, local_error, request->language);
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_api_request_get_string:
 * @max_chars: the most characters the value may have
 * @out: (out) (transfer none): the value, or NULL when absent and not @required
 */
gboolean
zc_api_request_get_string (ZcApiRequest  *request,
                           JsonObject    *object,
                           const char    *name,
                           gboolean       required,
                           guint          max_chars,
                           const char   **out,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!zc_json_get_string (object, name, required, out, &local_error))
    {
      zc_api_error_from_json (error, local_error, request->language);
      return FALSE;
    }

  if (*out != NULL && g_utf8_strlen (*out, -1) > (glong) max_chars)
    {
      g_autofree char *message = zc_translate_printf (request->language, N_("At most %d characters."),
                                                      (int) max_chars);

      zc_api_set_invalid_field (error, name, message);
      return FALSE;
    }

  return TRUE;
}

gboolean
zc_api_request_get_boolean (ZcApiRequest  *request,
                            JsonObject    *object,
                            const char    *name,
                            gboolean       required,
                            gboolean      *out,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!zc_json_get_boolean (object, name, required, out, &local_error))
    {
      zc_api_error_from_json (error, local_error, request->language);
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_api_request_respond:
 * @body: (transfer full): the answer
 */
void
zc_api_request_respond (ZcApiRequest *request,
                        guint         status,
                        JsonNode     *body)
{
  g_return_if_fail (request != NULL && request->reply != NULL);

  zc_http_reply_set_json (request->reply, status, body);
}

/**
 * zc_api_request_respond_list:
 * @items: (transfer full): the list
 *
 * Answers 200 with `{"@member": [...]}`.
 */
void
zc_api_request_respond_list (ZcApiRequest *request,
                             const char   *member,
                             JsonArray    *items)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_array_member (object, member, items);
  json_node_take_object (node, object);
  zc_api_request_respond (request, SOUP_STATUS_OK, node);
}
