/* zc-sync-message.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "zc-json.h"
#include "zc-record.h"

G_BEGIN_DECLS

/* The sync protocol's messages (sync-and-security-notes.md §1.9).  Each is
 * a plain struct whose fields callers read and fill directly; from_json()
 * checks everything a peer could get wrong and reports in ZC_JSON_ERROR,
 * to_json() writes every member. */

#define ZC_SYNC_MAX_MUTATIONS      500   /* per push request */
#define ZC_SYNC_MAX_PULL_LIMIT     1000  /* changes per pull response */
#define ZC_SYNC_DEFAULT_PULL_LIMIT 200
#define ZC_SYNC_MAX_NAME_LENGTH    64    /* mutation names, rejection codes, epochs */

/**
 * ZcMutation:
 * @id: the client's sequence number, 1, 2, 3 …
 * @name: what to do, `[a-z_.]+`: "record.put", "record.delete",
 *   "archive.approve", "archive.return" …
 * @record_id: the UUID of the record it acts on
 * @base_version: the record version the client's change was based on
 *   (0 for a record the server has not seen)
 * @expected_state: (nullable): for workflow actions, the state the
 *   client saw; the server refuses the action when it changed
 * @args: the arguments, never %NULL
 */
typedef struct
{
  gint64      id;
  char       *name;            /* owned */
  char       *record_id;       /* owned */
  gint64      base_version;
  char       *expected_state;  /* owned, nullable */
  JsonObject *args;            /* owned */
} ZcMutation;

/**
 * ZcPushRequest:
 * @mutations: (element-type ZcMutation): ids increasing by one, at most
 *   %ZC_SYNC_MAX_MUTATIONS
 */
typedef struct
{
  char      *client_id;        /* owned, UUID */
  gint64     schema_version;   /* ≥ 1 */
  GPtrArray *mutations;        /* owned */
} ZcPushRequest;

/**
 * ZcRejection:
 * @code: machine-readable, `[A-Z0-9_]+`, such as "STATE_CHANGED"
 * @message: for the user, in the language the request asked for
 *
 * A mutation the server consumed without applying it: it will never
 * succeed, and the client shows it to the user instead of retrying.
 */
typedef struct
{
  gint64  mutation_id;
  char   *code;                /* owned */
  char   *message;             /* owned */
} ZcRejection;

/**
 * ZcConflict:
 * @field: the body member changed on both sides
 * @client_value: what the client sent (kept as a conflict copy)
 * @server_value: what the server kept
 */
typedef struct
{
  char     *record_id;         /* owned, UUID */
  char     *field;             /* owned */
  JsonNode *client_value;      /* owned, never NULL (JSON null allowed) */
  JsonNode *server_value;      /* owned, never NULL (JSON null allowed) */
  gint64    mutation_id;
} ZcConflict;

/**
 * ZcPushResult:
 * @last_mutation_id: the last mutation of this client the server has
 *   consumed (applied or rejected); the outbox drops everything up to it
 */
typedef struct
{
  gint64     last_mutation_id;
  GPtrArray *rejections;       /* owned, of ZcRejection */
  GPtrArray *conflicts;        /* owned, of ZcConflict */
} ZcPushResult;

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

/**
 * ZcSyncCursor:
 * @epoch: the server epoch, `[A-Za-z0-9_-]+`
 * @seq: the last change sequence number delivered, ≥ 0
 */
typedef struct
{
  char   *epoch;               /* owned */
  gint64  seq;
} ZcSyncCursor;

gboolean        zc_sync_epoch_is_valid        (const char            *epoch);

ZcMutation     *zc_mutation_new               (gint64                 id,
                                               const char            *name,
                                               const char            *record_id,
                                               gint64                 base_version);
void            zc_mutation_free              (ZcMutation            *mutation);
gboolean        zc_mutation_equal             (const ZcMutation      *a,
                                               const ZcMutation      *b);
ZcMutation     *zc_mutation_from_json         (JsonNode              *node,
                                               GError               **error);
JsonNode       *zc_mutation_to_json           (const ZcMutation      *mutation);

ZcPushRequest  *zc_push_request_new           (const char            *client_id,
                                               gint64                 schema_version);
void            zc_push_request_free          (ZcPushRequest         *request);
gboolean        zc_push_request_equal         (const ZcPushRequest   *a,
                                               const ZcPushRequest   *b);
ZcPushRequest  *zc_push_request_from_json     (JsonNode              *node,
                                               GError               **error);
JsonNode       *zc_push_request_to_json       (const ZcPushRequest   *request);

ZcRejection    *zc_rejection_new              (gint64                 mutation_id,
                                               const char            *code,
                                               const char            *message);
void            zc_rejection_free             (ZcRejection           *rejection);
gboolean        zc_rejection_equal            (const ZcRejection     *a,
                                               const ZcRejection     *b);
ZcRejection    *zc_rejection_from_json        (JsonNode              *node,
                                               GError               **error);
JsonNode       *zc_rejection_to_json          (const ZcRejection     *rejection);

ZcConflict     *zc_conflict_new               (const char            *record_id,
                                               const char            *field,
                                               JsonNode              *client_value,
                                               JsonNode              *server_value,
                                               gint64                 mutation_id);
void            zc_conflict_free              (ZcConflict            *conflict);
gboolean        zc_conflict_equal             (const ZcConflict      *a,
                                               const ZcConflict      *b);
ZcConflict     *zc_conflict_from_json         (JsonNode              *node,
                                               GError               **error);
JsonNode       *zc_conflict_to_json           (const ZcConflict      *conflict);

ZcPushResult   *zc_push_result_new            (gint64                 last_mutation_id);
void            zc_push_result_free           (ZcPushResult          *result);
gboolean        zc_push_result_equal          (const ZcPushResult    *a,
                                               const ZcPushResult    *b);
ZcPushResult   *zc_push_result_from_json      (JsonNode              *node,
                                               GError               **error);
JsonNode       *zc_push_result_to_json        (const ZcPushResult    *result);

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

ZcSyncCursor   *zc_sync_cursor_new            (const char            *epoch,
                                               gint64                 seq);
void            zc_sync_cursor_free           (ZcSyncCursor          *cursor);
gboolean        zc_sync_cursor_equal          (const ZcSyncCursor    *a,
                                               const ZcSyncCursor    *b);
char           *zc_sync_cursor_encode         (const ZcSyncCursor    *cursor);
ZcSyncCursor   *zc_sync_cursor_decode         (const char            *text,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcMutation, zc_mutation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPushRequest, zc_push_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcRejection, zc_rejection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcConflict, zc_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPushResult, zc_push_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPullRequest, zc_pull_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcChange, zc_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPullResponse, zc_pull_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcSyncCursor, zc_sync_cursor_free)

G_END_DECLS
