/* zc-local-store-review.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-archive-workflow.h"
#include "zc-local-store.h"

G_BEGIN_DECLS

/* The unit officer's review queue (docs/review-desk.md): the archive
 * entries of other accounts that the officer's pull brought into the
 * local store, read with one query, and decisions on them queued in the
 * outbox as archive.approve / archive.return / archive.reject. */

/* Mutation names of the decisions. */
#define ZC_LOCAL_STORE_MUTATION_APPROVE "archive.approve"
#define ZC_LOCAL_STORE_MUTATION_RETURN  "archive.return"
#define ZC_LOCAL_STORE_MUTATION_REJECT  "archive.reject"

typedef enum
{
  ZC_REVIEW_SORT_AGE,        /* longest waiting first (ascending) */
  ZC_REVIEW_SORT_PERSON,
  ZC_REVIEW_SORT_CATEGORY,
  ZC_REVIEW_SORT_STATUS,
} ZcReviewSort;

/**
 * ZcReviewRowFlags:
 * @ZC_REVIEW_ROW_AWAITING: a decision made here waits for the server;
 *   the row shows the decided state
 * @ZC_REVIEW_ROW_REFUSED: the server refused the last decision made here
 *   (someone decided or changed the entry first): look again
 */
typedef enum
{
  ZC_REVIEW_ROW_AWAITING = 1 << 0,
  ZC_REVIEW_ROW_REFUSED  = 1 << 1,
} ZcReviewRowFlags;

/* What the queue shows.  Strings are nullable (no filter); @state is a
 * ZcReviewState or -1 for every state; @min_age_days keeps entries
 * submitted or last changed at least that many days ago. */
typedef struct
{
  const char   *person_id;
  const char   *category;      /* a form id, such as "papers" */
  int           state;
  guint         min_age_days;
  const char   *search;        /* part of a name or of any text field */
  ZcReviewSort  sort;
  gboolean      descending;
} ZcReviewFilter;

/* One row; its strings belong to the queue. */
typedef struct
{
  const char    *id;
  const char    *kind;
  const char    *owner_id;
  const char    *owner_name;   /* nullable: not known on this computer */
  ZcReviewState  state;        /* as the officer sees it (decided if awaiting) */
  gint64         version;      /* the server's version of the entry */
  gint64         updated_at;   /* UTC µs: submitted or last changed */
  guint          flags;        /* ZcReviewRowFlags */
} ZcReviewRow;

typedef struct _ZcReviewQueue ZcReviewQueue;

/* An entry as the officer saw it when deciding. */
typedef struct
{
  const char    *id;
  ZcReviewState  seen_state;
  gint64         seen_version;
} ZcReviewTarget;

/* A person of the queue, for the person filter. */
typedef struct
{
  char  *id;
  char  *name;                 /* nullable */
  guint  n_pending;
  guint  n_entries;
} ZcReviewPerson;

void               zc_review_filter_init                  (ZcReviewFilter        *filter);

guint              zc_review_queue_get_n_rows             (ZcReviewQueue         *queue);
const ZcReviewRow *zc_review_queue_get_row                (ZcReviewQueue         *queue,
                                                           guint                  index);
gboolean           zc_review_queue_find                   (ZcReviewQueue         *queue,
                                                           const char            *id,
                                                           guint                 *index_out);
void               zc_review_queue_free                   (ZcReviewQueue         *queue);

void               zc_review_person_free                  (ZcReviewPerson        *person);

const char        *zc_review_action_mutation_name         (ZcArchiveAction        action);

ZcReviewQueue     *zc_local_store_review_query            (ZcLocalStore          *self,
                                                           const ZcReviewFilter  *filter,
                                                           GError               **error);
GPtrArray         *zc_local_store_review_list_people      (ZcLocalStore          *self,
                                                           GError               **error);
guint              zc_local_store_review_count_awaiting   (ZcLocalStore          *self);

gboolean           zc_local_store_review_set_person_names (ZcLocalStore          *self,
                                                           GHashTable            *names,
                                                           GError               **error);
char              *zc_local_store_review_get_person_name  (ZcLocalStore          *self,
                                                           const char            *person_id);

gboolean           zc_local_store_review_decide           (ZcLocalStore          *self,
                                                           ZcArchiveAction        action,
                                                           const ZcReviewTarget  *targets,
                                                           guint                  n_targets,
                                                           const char            *comment,
                                                           ZcLanguage             language,
                                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcReviewQueue, zc_review_queue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcReviewPerson, zc_review_person_free)

G_END_DECLS
