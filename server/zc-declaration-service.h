/* zc-declaration-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-workflow.h"
#include "zc-plan.h"
#include "zc-record-service.h"
#include "zc-store-declarations.h"

G_BEGIN_DECLS

/* Declarations: the workflow's transitions with the rules that need the
 * store and the clock (docs/declarations.md "What the server
 * enforces").  The record itself (create, edit) is zc-declaration-record. */

typedef struct
{
  const char          *record_id;
  ZcDeclarationAction  action;
  const char          *expected_state;   /* the state the actor saw */
  gint64               expected_version; /* 0: any */
  const char          *comment;          /* nullable */
  JsonObject          *args;             /* nullable: the action's own members */
} ZcDeclarationDecision;

/* Applies one decision inside @txn: scope, expected state, the shared
 * workflow, the action's rules (check and freeze at submission,
 * publicity days, …), history, audit, message.  Refusals are
 * ZC_API_ERROR in @change's language. */
ZcStoredRecord *zc_declaration_service_act_in     (ZcStoreTxn                  *txn,
                                                   const ZcChangeContext       *change,
                                                   const ZcDeclarationDecision *decision,
                                                   GError                     **error);

/* A declaration the caller may see (the applicant: own; a unit officer:
 * submitted to their unit; a department officer: from its units, once
 * past the unit; a committee officer: to its plans, once past the
 * department; an issuer: once forwarded to issuing).  Anything else is
 * NOT_FOUND (404), like every other object. */
ZcStoredRecord *zc_declaration_service_get_visible_in (ZcStoreTxn         *txn,
                                                   const ZcCaller             *caller,
                                                   const char                 *record_id,
                                                   ZcLanguage                  language,
                                                   GError                    **error);

/* Added with the service (zc-declaration-service.c, -actions.c). */

#define ZC_DECLARATION_MAX_BATCH 200

/* The list of GET /api/v1/declarations. */
typedef struct
{
  const char *state;      /* nullable */
  const char *plan_id;    /* nullable */
  guint       limit;
  guint       offset;
} ZcDeclarationListQuery;

/* One declaration with what its page shows. */
typedef struct
{
  ZcStoredRecord   *record;     /* owned */
  ZcDeclarationRow *row;        /* owned */
  ZcPlan           *plan;       /* owned, nullable: gone from the store */
  GPtrArray        *history;    /* owned, of ZcRecordHistoryEntry, oldest first */
  GPtrArray        *events;     /* owned, of ZcDeclarationEvent, oldest first */
  gboolean          frozen;     /* a frozen document exists (it was submitted) */
  guint             pending_picks; /* entries of the frozen document the unit had not approved */
  JsonArray        *picks;      /* owned, nullable: the frozen document's entries, {id, category, pending, body} */
} ZcDeclarationDetail;

/* What an action needs beside the decision; filled by the service and
 * checked by zc_declaration_actions_check_in() (zc-declaration-actions.c). */
typedef struct
{
  ZcStoreTxn                  *txn;
  const ZcChangeContext       *change;
  const ZcDeclarationDecision *decision;
  const ZcStoredRecord        *record;
  const ZcDeclarationRow      *row;
  ZcPlan                      *plan;
  ZcDeclarationState           from;
  ZcDeclarationState           to;
  JsonObject                  *event;        /* out, owned: the action's data for the timeline, or NULL */
  GPtrArray                   *check_items;  /* out, owned: the check's items at a submission */
} ZcDeclarationActionContext;

void                 zc_declaration_detail_free       (ZcDeclarationDetail         *detail);
void                 zc_declaration_action_context_clear (ZcDeclarationActionContext *context);

/* The action's own rules and arguments (after the workflow allowed it):
 * deadlines, publicity days, interview, votes, the return's step, the
 * check at submission (422 `check_failed`, the items in
 * @context->check_items). */
gboolean             zc_declaration_actions_check_in  (ZcDeclarationActionContext  *context,
                                                       GError                     **error);
/* The refusal of a failed check, in @language. */
void                 zc_declaration_set_check_failed  (GError                     **error,
                                                       GPtrArray                   *items,
                                                       ZcLanguage                   language);

/* As zc_declaration_service_act_in(), giving the check's items of a
 * refused submission in @check_items (nullable). */
ZcStoredRecord      *zc_declaration_service_act_full_in (ZcStoreTxn                *txn,
                                                       const ZcChangeContext       *change,
                                                       const ZcDeclarationDecision *decision,
                                                       GPtrArray                  **check_items,
                                                       GError                     **error);

/* The REST API's wrappers: each one transaction. */
ZcStoredRecord      *zc_declaration_service_act       (ZcContext                   *ctx,
                                                       const ZcCaller              *caller,
                                                       const ZcDeclarationDecision *decision,
                                                       const char                  *address,
                                                       ZcLanguage                   language,
                                                       GPtrArray                  **check_items,
                                                       GError                     **error);
GPtrArray           *zc_declaration_service_act_batch (ZcContext                   *ctx,
                                                       const ZcCaller              *caller,
                                                       const ZcDeclarationDecision *decisions,
                                                       guint                        n_decisions,
                                                       const char                  *address,
                                                       ZcLanguage                   language,
                                                       GError                     **error);
GPtrArray           *zc_declaration_service_list      (ZcContext                   *ctx,
                                                       const ZcCaller              *caller,
                                                       const ZcDeclarationListQuery *query,
                                                       gint64                      *total,
                                                       ZcLanguage                   language,
                                                       GError                     **error);
ZcDeclarationDetail *zc_declaration_service_get       (ZcContext                   *ctx,
                                                       const ZcCaller              *caller,
                                                       const char                  *record_id,
                                                       ZcLanguage                   language,
                                                       GError                     **error);
GPtrArray           *zc_declaration_service_check     (ZcContext                   *ctx,
                                                       const ZcCaller              *caller,
                                                       const char                  *record_id,
                                                       ZcLanguage                   language,
                                                       GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDeclarationDetail, zc_declaration_detail_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZcDeclarationActionContext, zc_declaration_action_context_clear)

G_END_DECLS
