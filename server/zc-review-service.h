/* zc-review-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-archive-workflow.h"
#include "zc-record-service.h"

G_BEGIN_DECLS

/* The review of archive entries (SPEC "Achievement archive",
 * docs/workflow.md): the applicant sends an unreviewed entry to the
 * unit; the unit's officer approves, returns or rejects pending entries,
 * one at a time or in batches.  Every action carries the state (and
 * optionally the version) the actor saw: of two officers deciding the
 * same entry exactly one wins, the other gets 409 `state_changed`.
 * Every change of state is written to the entry's append-only history
 * and the audit trail, and sends the applicant a message. */

#define ZC_REVIEW_MAX_BATCH 200

typedef struct
{
  const char      *record_id;
  ZcArchiveAction  action;
  const char      *comment;          /* nullable */
  const char      *expected_state;   /* the state the actor saw */
  gint64           expected_version; /* 0: any */
} ZcDecision;

/* One decision of a batch: the entry after it, or why not. */
typedef struct
{
  char           *record_id;         /* owned */
  ZcStoredRecord *record;            /* owned, nullable */
  GError         *error;             /* owned, nullable: a ZC_API_ERROR */
} ZcDecisionOutcome;

void            zc_decision_outcome_free             (ZcDecisionOutcome      *outcome);

/* Applies decision @index of @decisions in @txn, naming its record in
 * @record_id: the record after it, or NULL with a ZC_API_ERROR (the
 * decision is refused and undone) or another error (the batch fails). */
typedef ZcStoredRecord *(*ZcDecideInFunc) (ZcStoreTxn             *txn,
                                           const ZcChangeContext  *change,
                                           gconstpointer           decisions,
                                           guint                   index,
                                           const char            **record_id,
                                           GError                **error);

GPtrArray      *zc_decisions_run_batch               (ZcContext              *ctx,
                                                      const ZcChangeContext  *change,
                                                      gconstpointer           decisions,
                                                      guint                   n_decisions,
                                                      ZcDecideInFunc          decide_in,
                                                      GError                **error);

gboolean        zc_review_service_note_transition_in (ZcStoreTxn             *txn,
                                                      const ZcChangeContext  *change,
                                                      const ZcStoredRecord   *record,
                                                      ZcArchiveAction         action,
                                                      const char             *from_state,
                                                      const char             *comment,
                                                      GError                **error);
ZcStoredRecord *zc_review_service_act_in             (ZcStoreTxn             *txn,
                                                      const ZcChangeContext  *change,
                                                      const ZcDecision       *decision,
                                                      GError                **error);

ZcStoredRecord *zc_review_service_act                (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      const ZcDecision       *decision,
                                                      const char             *address,
                                                      ZcLanguage              language,
                                                      GError                **error);
GPtrArray      *zc_review_service_act_batch          (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      const ZcDecision       *decisions,
                                                      guint                   n_decisions,
                                                      const char             *address,
                                                      ZcLanguage              language,
                                                      GError                **error);
GPtrArray      *zc_review_service_queue              (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      const ZcRecordQueueQuery *query,
                                                      ZcLanguage              language,
                                                      GError                **error);
GPtrArray      *zc_review_service_history            (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      const char             *record_id,
                                                      ZcLanguage              language,
                                                      GError                **error);

void            zc_review_error_from_workflow        (GError                **error,
                                                      const GError           *workflow_error,
                                                      ZcLanguage              language);
void            zc_review_set_state_changed          (GError                **error,
                                                      ZcLanguage              language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDecisionOutcome, zc_decision_outcome_free)

G_END_DECLS
