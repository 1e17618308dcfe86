/* zc-api.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "zc-api-error.h"
#include "zc-context.h"
#include "zc-http.h"
#include "zc-session-service.h"

G_BEGIN_DECLS

/* The API under /api/v1: a table of routes, each with who may call it.
 * The dispatcher runs in a worker thread: it matches the path, checks
 * the session (Authorization: Bearer), the initial-password rule and
 * the role, then calls the route's handler, which parses the request,
 * calls a service and answers.  Object-level checks (is this binding
 * request of the caller's unit?) are the services' work, and a foreign
 * object answers 404 exactly like a missing one. */

/* The largest request body a route accepts unless it says otherwise. */
#define ZC_API_MAX_BODY_BYTES (64 * 1024)

typedef enum
{
  ZC_API_PUBLIC,     /* no session needed */
  ZC_API_SESSION,    /* any valid session, even one that must change its password */
  ZC_API_ACCOUNT,    /* a valid session whose password is no longer an initial one */
} ZcApiAccess;

#define ZC_API_ROLE(role) (1u << (role))
#define ZC_API_ANY_ROLE   0u

typedef struct _ZcApiRequest ZcApiRequest;

typedef void (*ZcApiHandler) (ZcApiRequest  *request,
                              GError       **error);

typedef struct
{
  const char   *method;     /* "GET", "POST", "DELETE" (SOUP_METHOD_* are not constants) */
  const char   *pattern;    /* below /api/v1/, "{id}" matching a UUID: "units/{id}/bindings" */
  ZcApiAccess   access;
  guint         roles;      /* ZC_API_ROLE() bits, or ZC_API_ANY_ROLE */
  ZcApiHandler  handler;
  goffset       max_body;   /* bytes; 0 for ZC_API_MAX_BODY_BYTES */
} ZcApiRoute;

struct _ZcApiRequest
{
  ZcContext    *ctx;          /* borrowed */
  ZcLanguage    language;
  const char   *method;       /* interned by libsoup */
  char         *path;         /* owned: below /api/v1/ */
  GPtrArray    *params;       /* owned: the {id} values, in order */
  GHashTable   *query;        /* owned, nullable */
  GBytes       *body;         /* owned, nullable */
  JsonNode     *body_node;    /* owned, nullable: the parsed body */
  char         *token;        /* owned, nullable */
  char         *address;      /* owned, nullable: the client's IP address */
  ZcCaller     *caller;       /* owned: set before the handler of a non-public route */
  ZcHttpReply  *reply;        /* borrowed while the handler runs */
};

typedef struct _ZcApi ZcApi;

ZcApi       *zc_api_new                    (ZcContext          *ctx);
ZcApi       *zc_api_ref                    (ZcApi              *api);
void         zc_api_unref                  (ZcApi              *api);
void         zc_api_add_routes             (ZcApi              *api,
                                            const ZcApiRoute   *routes,
                                            gsize               n_routes);
void         zc_api_install                (ZcApi              *api,
                                            SoupServer         *server);

const char  *zc_api_request_get_param      (ZcApiRequest       *request,
                                            guint               index);
const char  *zc_api_request_get_query      (ZcApiRequest       *request,
                                            const char         *name);
gboolean     zc_api_request_get_query_text (ZcApiRequest       *request,
                                            const char         *name,
                                            guint               max_chars,
                                            const char        **out,
                                            GError            **error);
gboolean     zc_api_request_get_query_uint (ZcApiRequest       *request,
                                            const char         *name,
                                            guint               min,
                                            guint               max,
                                            guint               default_value,
                                            guint              *out,
                                            GError            **error);
JsonObject  *zc_api_request_parse_body     (ZcApiRequest       *request,
                                            const char * const *allowed,
                                            GError            **error);
gboolean     zc_api_request_get_string     (ZcApiRequest       *request,
                                            JsonObject         *object,
                                            const char         *name,
                                            gboolean            required,
                                            guint               max_chars,
                                            const char        **out,
                                            GError            **error);
gboolean     zc_api_request_get_boolean    (ZcApiRequest       *request,
                                            JsonObject         *object,
                                            const char         *name,
                                            gboolean            required,
                                            gboolean           *out,
                                            GError            **error);
JsonNode    *zc_api_request_parse_json     (ZcApiRequest       *request,
                                            GError            **error);
gboolean     zc_api_request_get_int        (ZcApiRequest       *request,
                                            JsonObject         *object,
                                            const char         *name,
                                            gboolean            required,
                                            gint64              min,
                                            gint64              max,
                                            gint64             *out,
                                            GError            **error);
gboolean     zc_api_request_get_object     (ZcApiRequest       *request,
                                            JsonObject         *object,
                                            const char         *name,
                                            gboolean            required,
                                            JsonObject        **out,
                                            GError            **error);
gboolean     zc_api_request_get_uuid       (ZcApiRequest       *request,
                                            JsonObject         *object,
                                            const char         *name,
                                            gboolean            required,
                                            const char        **out,
                                            GError            **error);
void         zc_api_request_respond        (ZcApiRequest       *request,
                                            guint               status,
                                            JsonNode           *body);
void         zc_api_request_respond_list   (ZcApiRequest       *request,
                                            const char         *member,
                                            JsonArray          *items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcApi, zc_api_unref)

G_END_DECLS
