/* zc-api-blobs-job.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* Work for a blob request, run off the main loop.  Like
 * zc_http_run_in_thread(), but the answer may be bytes rather than
 * JSON, and work may answer nothing (a first step that only checks the
 * session before an upload's body is read). */

typedef struct
{
  guint      status;          /* 0: nothing to answer (yet) */
  JsonNode  *json;            /* owned, nullable */
  GBytes    *bytes;           /* owned, nullable */
  char      *content_type;    /* owned, nullable: of @bytes */
  GPtrArray *headers;         /* owned: name, value, name, value … */
} ZcBlobReply;

typedef void (*ZcBlobWorkFunc) (gpointer     data,
                                ZcBlobReply *reply);

void zc_blob_reply_header   (ZcBlobReply       *reply,
                             const char        *name,
                             const char        *value);
void zc_blob_reply_json     (ZcBlobReply       *reply,
                             guint              status,
                             JsonNode          *json);
void zc_blob_reply_error    (ZcBlobReply       *reply,
                             const GError      *error,
                             ZcLanguage         language);
void zc_blob_run_job        (SoupServerMessage *msg,
                             ZcBlobWorkFunc     work,
                             gpointer           data,
                             GDestroyNotify     data_free);

G_END_DECLS
