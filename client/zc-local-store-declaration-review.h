/* zc-local-store-declaration-review.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-declaration-workflow.h"
#include "zc-local-store.h"

G_BEGIN_DECLS

/* The officers' declaration desk on the local copy (docs/review-desk.md
 * "The declaration desk"): the declarations of other accounts that the
 * officer's pull brought, and the officer's actions on them queued as
 * "declaration.<action>" with the state and version shown.  The local
 * state is never changed: the server decides, and the pull brings its
 * answer; meanwhile the row shows the action waiting, and after a
 * refusal (STATE_CHANGED …) the refusal. */

/**
 * ZcDeclarationReviewFlags:
 * @ZC_DECLARATION_REVIEW_AWAITING: an action queued here waits for the
 *   server
 * @ZC_DECLARATION_REVIEW_REFUSED: the server refused the last action
 *   queued here: look again
 */
typedef enum
{
  ZC_DECLARATION_REVIEW_AWAITING = 1 << 0,
  ZC_DECLARATION_REVIEW_REFUSED  = 1 << 1,
} ZcDeclarationReviewFlags;

/* One declaration of the desk; every member is owned. */
typedef struct
{
  char                *id;
  char                *owner_id;
  char                *owner_name;     /* nullable: not known on this computer */
  ZcDeclarationState   state;          /* the server's, as pulled */
  gint64               version;        /* the server's version */
  JsonObject          *body;           /* the applicant's declaration body */
  char                *plan_id;        /* nullable */
  gint64               plan_version;
  char                *plan_name;      /* nullable: the plan is not cached */
  gboolean             plan_known;
  ZcPlanType           plan_type;      /* ZC_PLAN_TYPE_REVIEW when not known */
  gint64               unit_deadline;  /* UTC µs, from the cached plan; 0 when not known */
  gint64               department_deadline;
  gint64               created_at;     /* UTC µs */
  gint64               updated_at;     /* UTC µs: submitted or last acted on */
  guint                flags;          /* ZcDeclarationReviewFlags */
  int                  action;         /* the last action queued here, or -1 */
  char                *refusal;        /* nullable: the server's reason, when refused */
} ZcDeclarationReviewRow;

/* A declaration as the officer saw it when acting. */
typedef struct
{
  const char          *id;
  ZcDeclarationState   seen_state;
  gint64               seen_version;
} ZcDeclarationReviewTarget;

void        zc_declaration_review_row_free          (ZcDeclarationReviewRow     *row);

GPtrArray  *zc_local_store_declaration_review_list  (ZcLocalStore               *self,
                                                     GError                    **error);
ZcDeclarationReviewRow *
            zc_local_store_declaration_review_get   (ZcLocalStore               *self,
                                                     const char                 *id,
                                                     GError                    **error);
GArray     *zc_declaration_review_row_actions       (const ZcDeclarationReviewRow *row,
                                                     ZcRole                      role);
gint64      zc_declaration_review_row_get_deadline  (const ZcDeclarationReviewRow *row,
                                                     ZcRole                      role);
gboolean    zc_declaration_review_check_args        (ZcDeclarationAction         action,
                                                     const char                 *comment,
                                                     JsonObject                 *args,
                                                     const GDate                *today,
                                                     ZcLanguage                  language,
                                                     GError                    **error);
gboolean    zc_local_store_declaration_review_queue (ZcLocalStore               *self,
                                                     ZcDeclarationAction         action,
                                                     ZcRole                      role,
                                                     const ZcDeclarationReviewTarget *targets,
                                                     guint                       n_targets,
                                                     const char                 *comment,
                                                     JsonObject                 *args,
                                                     const GDate                *today,
                                                     ZcLanguage                  language,
                                                     GError                    **error);
guint       zc_local_store_declaration_review_count_awaiting (ZcLocalStore      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDeclarationReviewRow, zc_declaration_review_row_free)

G_END_DECLS
