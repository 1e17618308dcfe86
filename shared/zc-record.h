/* zc-record.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-json.h"

G_BEGIN_DECLS

/**
 * ZcRecord:
 *
 * One syncable object (ARCHITECTURE "Records and sync"): an archive
 * entry, the personal information, a declaration … Its id is a UUID the
 * client makes, its kind says what its JSON body holds, and the server
 * owns its workflow state, review comment and version.  A deletion is a
 * tombstone: the record stays, with @deleted set.
 *
 * Refcounted and mutable; zc_record_copy() makes an independent copy.
 */
typedef struct _ZcRecord ZcRecord;

#define ZC_TYPE_RECORD (zc_record_get_type ())

/* Limits of the identifiers a record carries. */
#define ZC_RECORD_MAX_KIND_LENGTH  64
#define ZC_RECORD_MAX_STATE_LENGTH 64

GType        zc_record_get_type           (void);

char        *zc_uuid_new                  (void);
gboolean     zc_record_kind_is_valid      (const char      *kind);
gboolean     zc_record_state_is_valid     (const char      *state);

ZcRecord    *zc_record_new                (const char      *id,
                                           const char      *kind,
                                           const char      *owner_id);
ZcRecord    *zc_record_ref                (ZcRecord        *record);
void         zc_record_unref              (ZcRecord        *record);
ZcRecord    *zc_record_copy               (const ZcRecord  *record);
gboolean     zc_record_equal              (const ZcRecord  *a,
                                           const ZcRecord  *b);

ZcRecord    *zc_record_from_json          (JsonNode        *node,
                                           GError         **error);
JsonNode    *zc_record_to_json            (const ZcRecord  *record);

const char  *zc_record_get_id             (const ZcRecord  *record);
const char  *zc_record_get_kind           (const ZcRecord  *record);
const char  *zc_record_get_owner_id       (const ZcRecord  *record);
const char  *zc_record_get_unit_id        (const ZcRecord  *record);
void         zc_record_set_unit_id        (ZcRecord        *record,
                                           const char      *unit_id);
JsonObject  *zc_record_get_body           (const ZcRecord  *record);
void         zc_record_set_body           (ZcRecord        *record,
                                           JsonObject      *body);
const char  *zc_record_get_state          (const ZcRecord  *record);
void         zc_record_set_state          (ZcRecord        *record,
                                           const char      *state);
gint64       zc_record_get_version        (const ZcRecord  *record);
void         zc_record_set_version        (ZcRecord        *record,
                                           gint64           version);
GDateTime   *zc_record_get_created_at     (const ZcRecord  *record);
void         zc_record_set_created_at     (ZcRecord        *record,
                                           GDateTime       *created_at);
GDateTime   *zc_record_get_updated_at     (const ZcRecord  *record);
void         zc_record_set_updated_at     (ZcRecord        *record,
                                           GDateTime       *updated_at);
gboolean     zc_record_get_deleted        (const ZcRecord  *record);
void         zc_record_set_deleted        (ZcRecord        *record,
                                           gboolean         deleted);
const char  *zc_record_get_review_comment (const ZcRecord  *record);
void         zc_record_set_review_comment (ZcRecord        *record,
                                           const char      *review_comment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcRecord, zc_record_unref)

G_END_DECLS
