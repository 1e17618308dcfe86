/* zc-declaration-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-workflow.h"
#include "zc-record-service.h"

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

G_END_DECLS
