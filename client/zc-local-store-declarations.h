/* zc-local-store-declarations.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-body.h"
#include "zc-declaration-workflow.h"
#include "zc-local-store.h"

G_BEGIN_DECLS

/* Declarations in the local store (docs/declarations.md "In the
 * client"): records of kind ZC_DECLARATION_KIND whose state is the
 * server's ZcDeclarationState id.  Every call is one transaction that
 * writes the record and its outbox row.  An applicant's action
 * (submit, resubmit, withdraw, discard) is queued as the mutation
 * "declaration.<action>" and does not change the local state: the
 * server decides, and its answer arrives with the next pull.  Until
 * then the action is "waiting" and the declaration cannot be edited. */

#define ZC_LOCAL_STORE_DECLARATION_MUTATION_PREFIX "declaration."

ZcRecord   *zc_local_store_create_declaration      (ZcLocalStore         *self,
                                                    const char           *plan_id,
                                                    gint64                plan_version,
                                                    GError              **error);
ZcRecord   *zc_local_store_save_declaration        (ZcLocalStore         *self,
                                                    const char           *id,
                                                    JsonObject           *body,
                                                    GError              **error);
/* The applicant's live declarations, newest first; empty, not NULL,
 * when none. */
GPtrArray  *zc_local_store_list_declarations       (ZcLocalStore         *self,
                                                    GError              **error);
/* NULL with ZC_LOCAL_STORE_ERROR_NOT_FOUND when @id is not a live
 * declaration here. */
ZcRecord   *zc_local_store_get_declaration         (ZcLocalStore         *self,
                                                    const char           *id,
                                                    GError              **error);
/* The newest declaration to @plan_id that is not discarded; NULL
 * without an error when there is none. */
ZcRecord   *zc_local_store_find_declaration_for_plan (ZcLocalStore       *self,
                                                    const char           *plan_id,
                                                    GError              **error);
/* Queues ZC_DECLARATION_ACTION_SUBMIT, _RESUBMIT, _WITHDRAW or
 * _DISCARD with the state the applicant saw as expected_state.
 * Refused (ZC_LOCAL_STORE_ERROR_NOT_ALLOWED) when the shared workflow
 * does not allow it from the local state or another action waits. */
gboolean    zc_local_store_queue_declaration_action (ZcLocalStore        *self,
                                                    const char           *id,
                                                    ZcDeclarationAction   action,
                                                    GError              **error);
/* The action queued for @id and not yet answered (a ZcDeclarationAction),
 * or -1 when none waits; a refused one does not wait. */
int         zc_local_store_get_declaration_waiting_action (ZcLocalStore  *self,
                                                    const char           *id);
/* Whether the applicant may edit @declaration now: draft or returned,
 * and no action waiting. */
gboolean    zc_local_store_declaration_is_editable (ZcLocalStore         *self,
                                                    ZcRecord             *declaration);
/* The record's state as a ZcDeclarationState; FALSE when it is not one. */
gboolean    zc_local_store_declaration_get_state   (ZcRecord             *declaration,
                                                    ZcDeclarationState   *state_out);

G_END_DECLS
