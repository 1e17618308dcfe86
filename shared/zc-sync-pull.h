/* zc-sync-pull.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "zc-record.h"
#include "zc-sync-cursor.h"
#include "zc-sync-push.h"

G_BEGIN_DECLS

/* The pull half of the sync protocol (zc-sync-message.h): a client asks
 * for the changes after its cursor, the server answers with records,
 * deletions and the rejections of pushed mutations (zc-sync-push.h). */

#define ZC_SYNC_MAX_PULL_LIMIT     1000  /* changes per pull response */
#define ZC_SYNC_DEFAULT_PULL_LIMIT 200

/**
 * ZcPullRequest:
 * @cursor: (nullable): an encoded #ZcSyncCursor from the last response,
 *   or %NULL to start from the beginning
 * @limit: the most changes to return, 1 to %ZC_SYNC_MAX_PULL_LIMIT
 */
typedef struct
{
  char   *client_id;           /* owned, UUID */
  char   *cursor;              /* owned, nullable */
  gint64  limit;
} ZcPullRequest;

typedef enum
{
  ZC_CHANGE_PUT,
  ZC_CHANGE_DELETE,
} ZcChangeOp;

/**
 * ZcChange:
 * @seq: the server's change sequence number (increasing in a response)
 * @record: (nullable): the record, for %ZC_CHANGE_PUT only
 * @record_id: (nullable): for %ZC_CHANGE_DELETE only
 * @kind: (nullable): for %ZC_CHANGE_DELETE only
 */
typedef struct
{
  ZcChangeOp  op;
  gint64      seq;
  ZcRecord   *record;          /* owned reference */
  char       *record_id;       /* owned */
  char       *kind;            /* owned */
} ZcChange;

/**
 * ZcPullResponse:
 * @cursor: the encoded cursor to send with the next pull
 * @server_epoch: the server database's epoch; it changes when the
 *   database is restored, and the client then expects a reset
 * @reset: the client must replace all its records with these changes
 * @has_more: more changes wait; pull again at once
 */
typedef struct
{
  char      *cursor;           /* owned */
  char      *server_epoch;     /* owned */
  gint64     last_mutation_id;
  gboolean   reset;
  gboolean   has_more;
  GPtrArray *changes;          /* owned, of ZcChange */
  GPtrArray *rejections;       /* owned, of ZcRejection */
} ZcPullResponse;

ZcPullRequest  *zc_pull_request_new           (const char            *client_id,
                                               const char            *cursor,
                                               gint64                 limit);
void            zc_pull_request_free          (ZcPullRequest         *request);
gboolean        zc_pull_request_equal         (const ZcPullRequest   *a,
                                               const ZcPullRequest   *b);
ZcPullRequest  *zc_pull_request_from_json     (JsonNode              *node,
                                               GError               **error);
JsonNode       *zc_pull_request_to_json       (const ZcPullRequest   *request);

ZcChange       *zc_change_new_put             (gint64                 seq,
                                               ZcRecord              *record);
ZcChange       *zc_change_new_delete          (gint64                 seq,
                                               const char            *record_id,
                                               const char            *kind);
void            zc_change_free                (ZcChange              *change);
const char     *zc_change_get_record_id       (const ZcChange        *change);
gboolean        zc_change_equal               (const ZcChange        *a,
                                               const ZcChange        *b);
ZcChange       *zc_change_from_json           (JsonNode              *node,
                                               GError               **error);
JsonNode       *zc_change_to_json             (const ZcChange        *change);

ZcPullResponse *zc_pull_response_new          (const char            *server_epoch,
                                               gint64                 seq,
                                               gint64                 last_mutation_id);
void            zc_pull_response_free         (ZcPullResponse        *response);
gboolean        zc_pull_response_equal        (const ZcPullResponse  *a,
                                               const ZcPullResponse  *b);
ZcPullResponse *zc_pull_response_from_json    (JsonNode              *node,
                                               GError               **error);
JsonNode       *zc_pull_response_to_json      (const ZcPullResponse  *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPullRequest, zc_pull_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcChange, zc_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPullResponse, zc_pull_response_free)

G_END_DECLS
