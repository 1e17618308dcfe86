/* zc-sync-push.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The push half of the sync protocol (zc-sync-message.h): a client
 * sends its queued mutations, the server answers with what it consumed,
 * rejected and found in conflict. */

#define ZC_SYNC_MAX_MUTATIONS      500   /* per push request */

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcMutation, zc_mutation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPushRequest, zc_push_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcRejection, zc_rejection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcConflict, zc_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPushResult, zc_push_result_free)

G_END_DECLS
