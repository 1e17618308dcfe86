/* zc-store-records.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-record.h"
#include "zc-role.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* Records: the personal information (kind "personal-info", one per
 * account) and archive entries (kind "archive:<form id>").  Every change
 * gives the row a new seq (zc_store_sync_next_seq()) and a new version;
 * a deletion keeps the row as a tombstone.  The body of every version
 * that changed it is kept, as the base of later merges; the review
 * state's changes go to an append-only history. */

typedef struct
{
  char       *id;               /* owned: UUID */
  char       *kind;             /* owned */
  char       *owner_id;         /* owned: the account */
  JsonObject *body;             /* owned */
  char       *state;            /* owned, nullable: a ZcReviewState id for archive entries */
  char       *review_comment;   /* owned, nullable: the last decision's comment */
  gint64      version;          /* 1, 2 … */
  gint64      seq;              /* the change sequence number of the last change */
  gboolean    deleted;          /* a tombstone */
  gint64      created_at;       /* µs since 1970 UTC */
  gint64      updated_at;
  gint64      submitted_at;     /* when it last went to the unit; 0 = never */

  /* filled by the reading functions */
  char       *owner_name;       /* owned */
  char       *owner_unit_id;    /* owned, nullable: the owner's unit now */
  char       *owner_role;       /* owned: the owner's role now */
} ZcStoredRecord;

typedef struct
{
  gint64  seq;
  char   *record_id;            /* owned */
  gint64  at;
  char   *actor_id;             /* owned, nullable */
  char   *actor_role;           /* owned, nullable */
  char   *action;               /* owned: a ZcArchiveAction id */
  char   *from_state;           /* owned, nullable: NULL for a new entry */
  char   *to_state;             /* owned, nullable */
  char   *comment;              /* owned, nullable */
  gint64  version;              /* the record's version after the change */

  char   *actor_name;           /* owned, nullable: filled by reading */
} ZcRecordHistoryEntry;

/* The unit officer's review queue. */
typedef struct
{
  const char *unit_id;          /* the people of this unit */
  const char *owner_id;         /* nullable: one person */
  const char *kind;             /* nullable: one category */
  const char *state;            /* nullable: any state */
  gint64      submitted_before; /* 0, or only entries sent before this time */
  guint       limit;
  guint       offset;
} ZcRecordQueueQuery;

ZcStoredRecord       *zc_stored_record_new                 (void);
void                  zc_stored_record_free                (ZcStoredRecord        *record);
ZcRecord             *zc_stored_record_to_record           (const ZcStoredRecord  *record);
void                  zc_record_history_entry_free         (ZcRecordHistoryEntry  *entry);

gboolean              zc_store_records_insert              (ZcStoreTxn            *txn,
                                                            const ZcStoredRecord  *record,
                                                            GError               **error);
gboolean              zc_store_records_update              (ZcStoreTxn            *txn,
                                                            const ZcStoredRecord  *record,
                                                            gboolean               body_changed,
                                                            GError               **error);
ZcStoredRecord       *zc_store_records_get                 (ZcStoreTxn            *txn,
                                                            const char            *id,
                                                            GError               **error);
ZcStoredRecord       *zc_store_records_get_personal_info   (ZcStoreTxn            *txn,
                                                            const char            *owner_id,
                                                            GError               **error);
JsonObject           *zc_store_records_get_body_at         (ZcStoreTxn            *txn,
                                                            const char            *id,
                                                            gint64                 version,
                                                            GError               **error);
GPtrArray            *zc_store_records_list_for_owner      (ZcStoreTxn            *txn,
                                                            const char            *owner_id,
                                                            const char            *kind,
                                                            const char            *state,
                                                            guint                  limit,
                                                            guint                  offset,
                                                            GError               **error);
GPtrArray            *zc_store_records_queue               (ZcStoreTxn            *txn,
                                                            const ZcRecordQueueQuery *query,
                                                            GError               **error);
GPtrArray            *zc_store_records_changes             (ZcStoreTxn            *txn,
                                                            gint64                 after_seq,
                                                            const char            *owner_id,
                                                            ZcRole                 role,
                                                            const char            *unit_id,
                                                            gboolean               with_tombstones,
                                                            guint                  limit,
                                                            GError               **error);
GPtrArray            *zc_store_records_unit_personal_info (ZcStoreTxn          *txn,
                                                            const char            *unit_id,
                                                            GError               **error);
gboolean              zc_store_records_touch_archive       (ZcStoreTxn            *txn,
                                                            const char            *owner_id,
                                                            GError               **error);
gboolean              zc_store_records_purge_tombstones    (ZcStoreTxn            *txn,
                                                            gint64                 deleted_before,
                                                            gint64                *n_purged,
                                                            gint64                *max_seq,
                                                            GError               **error);

gboolean              zc_store_records_append_history      (ZcStoreTxn            *txn,
                                                            const ZcRecordHistoryEntry *entry,
                                                            GError               **error);
GPtrArray            *zc_store_records_get_history         (ZcStoreTxn            *txn,
                                                            const char            *record_id,
                                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcStoredRecord, zc_stored_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcRecordHistoryEntry, zc_record_history_entry_free)

G_END_DECLS
