/* zc-record-merge.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The field-level merge of an edit made against an older version
 * (ARCHITECTURE "Records and sync"): a field the client changed is
 * applied unless the server changed it too since the client's base;
 * then the server value stays and the client value comes back as a
 * conflict copy.  Nothing a user typed is dropped without a trace.
 *
 * An absent member and a JSON null are the same value: empty. */

typedef struct
{
  JsonObject *current;          /* the body the server has now */
  JsonObject *base;             /* nullable: the body at the client's base version, when known */
  gboolean    base_is_current;  /* the client's base is the current version */
  JsonObject *changes;          /* what the client sent */
  gboolean    full_body;        /* @changes is a whole body, not only the changed fields */
} ZcMergeInput;

/* One field changed on both sides. */
typedef struct
{
  char     *field;              /* owned */
  JsonNode *client_value;       /* owned: JSON null for empty */
  JsonNode *server_value;       /* owned: JSON null for empty */
} ZcMergeConflict;

void        zc_merge_conflict_free  (ZcMergeConflict     *conflict);

JsonObject *zc_record_merge         (const ZcMergeInput  *input,
                                     GPtrArray          **conflicts,
                                     gboolean            *changed);
gboolean    zc_record_values_equal  (JsonNode            *a,
                                     JsonNode            *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcMergeConflict, zc_merge_conflict_free)

G_END_DECLS
