/* zc-local-store-home.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-workflow.h"
#include "zc-local-store.h"
#include "zc-plan.h"

G_BEGIN_DECLS

/* What the home page reads: entries that need the user, messages, and
 * the archive's totals by review status. */

/**
 * ZcAttentionKind:
 * @ZC_ATTENTION_SYNC_REJECTED: the server refused a change made here
 * @ZC_ATTENTION_CONFLICT: a change made here met someone else's
 * @ZC_ATTENTION_RETURNED: the unit returned an entry, with a comment
 * @ZC_ATTENTION_REJECTED: the unit did not approve an entry, with a reason
 */
typedef enum
{
  ZC_ATTENTION_SYNC_REJECTED,
  ZC_ATTENTION_CONFLICT,
  ZC_ATTENTION_RETURNED,
  ZC_ATTENTION_REJECTED,
} ZcAttentionKind;

/**
 * ZcAttentionItem:
 * @record: (owned) (nullable): the record concerned, when the store
 *   still has it
 * @record_id: (owned) (nullable): its id
 * @detail: (owned) (nullable): the officer's comment or reason, the
 *   server's message, or for a conflict the fields in conflict,
 *   comma-separated
 * @code: (owned) (nullable): the server's code of a sync rejection
 * @time: microseconds since 1970 (UTC): when it happened, or for an
 *   entry's review when it was last changed
 */
typedef struct
{
  ZcAttentionKind  kind;
  ZcRecord        *record;
  char            *record_id;
  char            *detail;
  char            *code;
  gint64           time;
} ZcAttentionItem;

/**
 * ZcStoredMessage:
 * @id: (owned), @kind: (owned), @title: (owned), @body: (owned)
 * @record_id: (owned) (nullable): a record it is about
 * @created_at: microseconds since 1970 (UTC)
 */
typedef struct
{
  char     *id;
  char     *kind;
  char     *title;
  char     *body;
  char     *record_id;
  gint64    created_at;
  gboolean  read;
} ZcStoredMessage;

/**
 * ZcDeclarationItem:
 * @record: (owned): the declaration (kind "declaration")
 * @plan: (owned) (nullable): the plan version it was made under, when
 *   it is in the plan cache
 * @state: its state; @state_known FALSE for a state this version does
 *   not know (then @state is draft, and nothing may be done with it)
 * @n_waiting: its changes queued here and not yet accepted by the server
 */
typedef struct
{
  ZcRecord           *record;
  ZcPlan             *plan;
  ZcDeclarationState  state;
  gboolean            state_known;
  guint               n_waiting;
} ZcDeclarationItem;

/* How close a deadline must be for changes still waiting to warn. */
#define ZC_DECLARATION_DEADLINE_WARNING_DAYS 3

void        zc_declaration_item_free            (ZcDeclarationItem *item);
/* The deadline that matters to the applicant now: the first-submission
 * deadline of a draft, the modification deadline of a returned one;
 * NULL otherwise or without the plan. (transfer none) */
GDateTime  *zc_declaration_item_get_deadline    (ZcDeclarationItem *item);
/* Whether changes still wait to be sent and that deadline is at most
 * ZC_DECLARATION_DEADLINE_WARNING_DAYS after @now (and not past). */
gboolean    zc_declaration_item_deadline_is_close (ZcDeclarationItem *item,
                                                 GDateTime         *now);

void        zc_attention_item_free              (ZcAttentionItem  *item);
void        zc_stored_message_free              (ZcStoredMessage  *message);

GPtrArray  *zc_local_store_list_attention       (ZcLocalStore     *self,
                                                 GError          **error);
GPtrArray  *zc_local_store_list_recent_messages (ZcLocalStore     *self,
                                                 guint             limit,
                                                 guint            *n_unread,
                                                 GError          **error);
gboolean    zc_local_store_count_archive_states (ZcLocalStore     *self,
                                                 guint             counts[ZC_N_REVIEW_STATES],
                                                 GError          **error);

/* The applicant's live declarations, the latest changed first. */
GPtrArray  *zc_local_store_list_declaration_items (ZcLocalStore    *self,
                                                 GError          **error);
/* The messages (records of kind "message") about record @record_id,
 * oldest first: the local half of a declaration's timeline. */
GPtrArray  *zc_local_store_list_record_messages (ZcLocalStore     *self,
                                                 const char       *record_id,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDeclarationItem, zc_declaration_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcAttentionItem, zc_attention_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcStoredMessage, zc_stored_message_free)

gboolean    zc_local_store_mark_message_read (ZcLocalStore  *self,
                                              const char    *id,
                                              GError       **error);

G_END_DECLS
