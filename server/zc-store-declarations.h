/* zc-store-declarations.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-role.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* Declarations beside their record (kind "declaration" in records):
 * what the reviewers' scope queries filter on, the frozen review-form
 * documents and the timeline's events (publicity, interview, votes). */

/* How far up the chain a declaration has come: a reviewer sees it from
 * its level on, also after it was returned. */
typedef enum
{
  ZC_DECLARATION_REACHED_NONE,
  ZC_DECLARATION_REACHED_UNIT,
  ZC_DECLARATION_REACHED_DEPARTMENT,
  ZC_DECLARATION_REACHED_COMMITTEE,
  ZC_DECLARATION_REACHED_ISSUER,
} ZcDeclarationReached;

typedef struct
{
  char   *record_id;          /* owned */
  char   *owner_id;           /* owned */
  char   *plan_id;            /* owned */
  gint64  plan_version;
  gint64  plan_year;
  char   *plan_type;          /* owned: "review" or "determination" */
  char   *receiving_unit_id;  /* owned, nullable */
  char   *department_id;      /* owned, nullable: the receiving unit's competent department */
  char   *committee_id;       /* owned, nullable: the plan's committee */
  char   *state;              /* owned: a ZcDeclarationState id, as in records */
  gint64  reached;            /* a ZcDeclarationReached */
  gint64  returns;            /* how often it was returned */
  gint64  submitted_at;       /* the last submission; 0 = never */
  gint64  updated_at;
} ZcDeclarationRow;

typedef struct
{
  gint64      seq;
  char       *record_id;      /* owned */
  gint64      at;
  char       *actor_id;       /* owned, nullable */
  char       *actor_name;     /* owned, nullable: filled by reading */
  char       *action;         /* owned: a ZcDeclarationAction id */
  JsonObject *data;           /* owned: the action's arguments */
  gint64      version;        /* the record's version after the action */
} ZcDeclarationEvent;

typedef struct
{
  const char *owner_id;           /* nullable */
  const char *receiving_unit_id;  /* nullable */
  const char *department_id;      /* nullable */
  const char *committee_id;       /* nullable */
  gint64      min_reached;        /* a ZcDeclarationReached */
  const char *state;              /* nullable */
  const char *plan_id;            /* nullable */
  gboolean    without_drafts;     /* leave out drafts (a withdrawn one is the applicant's again) */
  const char *plan_type;          /* nullable: only declarations to plans of this type */
  guint       limit;
  guint       offset;
} ZcDeclarationQuery;

void                zc_declaration_row_free          (ZcDeclarationRow          *row);
void                zc_declaration_event_free        (ZcDeclarationEvent        *event);

gboolean            zc_store_declarations_put        (ZcStoreTxn                *txn,
                                                      const ZcDeclarationRow    *row,
                                                      GError                   **error);
ZcDeclarationRow   *zc_store_declarations_get        (ZcStoreTxn                *txn,
                                                      const char                *record_id,
                                                      GError                   **error);
GPtrArray          *zc_store_declarations_for_owner  (ZcStoreTxn                *txn,
                                                      const char                *owner_id,
                                                      GError                   **error);
GPtrArray          *zc_store_declarations_query      (ZcStoreTxn                *txn,
                                                      const ZcDeclarationQuery  *query,
                                                      gint64                    *total,
                                                      GError                   **error);

gboolean            zc_store_declarations_put_snapshot (ZcStoreTxn              *txn,
                                                      const char                *record_id,
                                                      gint64                     version,
                                                      JsonNode                  *document,
                                                      gint64                     now,
                                                      GError                   **error);
JsonNode           *zc_store_declarations_get_snapshot (ZcStoreTxn              *txn,
                                                      const char                *record_id,
                                                      gint64                    *version,
                                                      GError                   **error);

gboolean            zc_store_declarations_add_event  (ZcStoreTxn                *txn,
                                                      const ZcDeclarationEvent  *event,
                                                      GError                   **error);
GPtrArray          *zc_store_declarations_events     (ZcStoreTxn                *txn,
                                                      const char                *record_id,
                                                      GError                   **error);
ZcDeclarationEvent *zc_store_declarations_last_event (ZcStoreTxn                *txn,
                                                      const char                *record_id,
                                                      const char                *action,
                                                      GError                   **error);

/* For the store's own queries (zc-store-*.c): the declarations a
 * reviewer may see, as an SQL condition over the declarations row
 * aliased `d`, with %ZC_STORE_DECLARATION_SCOPE_N_PARAMS parameters
 * numbered from @first on, bound by zc_store_declarations_bind_scope().
 * It is the scope of zc_declaration_service_get_visible_in() less the
 * owner (whom each query adds itself). */
#define ZC_STORE_DECLARATION_SCOPE_N_PARAMS 6

struct _ZcStoreStmt;

char               *zc_store_declarations_scope_sql  (guint                      first);
void                zc_store_declarations_bind_scope (struct _ZcStoreStmt       *stmt,
                                                      guint                      first,
                                                      ZcRole                     role,
                                                      const char                *unit_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDeclarationRow, zc_declaration_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDeclarationEvent, zc_declaration_event_free)

G_END_DECLS
