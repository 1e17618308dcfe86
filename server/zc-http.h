/* zc-http.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* The transport layer: knows libsoup, nothing about the domain. */

#define ZC_HTTP_MAX_BODY_BYTES (1024 * 1024)

/* What a worker produces: a status, a JSON body and extra headers.  It
 * is applied to the message on the main loop. */
typedef struct _ZcHttpReply ZcHttpReply;

typedef void (*ZcHttpWorkFunc)   (gpointer             work_data,
                                  ZcHttpReply         *reply,
                                  GError             **error);

void       zc_http_reply_set_json      (ZcHttpReply       *reply,
                                        guint              status,
                                        JsonNode          *body);
void       zc_http_reply_set_header    (ZcHttpReply       *reply,
                                        const char        *name,
                                        const char        *value);

ZcLanguage zc_http_get_language        (SoupServerMessage *msg);
void       zc_http_respond_json        (SoupServerMessage *msg,
                                        guint              status,
                                        JsonNode          *body);
void       zc_http_respond_error       (SoupServerMessage *msg,
                                        guint              status,
                                        const char        *code,
                                        const char        *message_msgid);
void       zc_http_run_in_thread       (SoupServer        *server,
                                        SoupServerMessage *msg,
                                        ZcHttpWorkFunc     work,
                                        gpointer           work_data,
                                        GDestroyNotify     work_data_free);
gboolean   zc_http_refuse_large_body   (SoupServerMessage *msg,
                                        goffset            max_bytes);
void       zc_http_add_handler         (SoupServer        *server,
                                        const char        *path,
                                        SoupServerCallback callback,
                                        gpointer           user_data,
                                        GDestroyNotify     destroy);
void       zc_http_add_handler_full    (SoupServer        *server,
                                        const char        *path,
                                        goffset            max_body_bytes,
                                        SoupServerCallback callback,
                                        gpointer           user_data,
                                        GDestroyNotify     destroy);

G_END_DECLS
