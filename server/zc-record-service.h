/* zc-record-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-context.h"
#include "zc-session-service.h"
#include "zc-store-records.h"
#include "zc-sync-message.h"

G_BEGIN_DECLS

/* An applicant's own records: the personal information (one per
 * account; name, ID number and gender come from the account) and the
 * achievement archive (kind "archive:<form id>"), checked with the
 * shared form schemas and archive workflow (SPEC "Achievement archive").
 *
 * The *_in() functions work inside a write transaction the caller holds
 * and are what both the REST handlers and sync push call, so the two
 * paths cannot disagree.  They report a refusal (invalid, forbidden,
 * not found, not allowed in this state) as ZC_API_ERROR and anything
 * else (the store) in its own domain: the caller then gives up the
 * whole transaction. */

/* Who makes a change, from where, and when. */
typedef struct
{
  const ZcCaller *caller;
  const char     *client_id;     /* nullable: the sync client */
  gint64          mutation_id;   /* the sync mutation; 0 outside sync */
  const char     *address;       /* nullable */
  ZcLanguage      language;
  gint64          now;           /* µs since 1970 UTC */
} ZcChangeContext;

typedef struct
{
  ZcStoredRecord *record;        /* owned: as stored after the change */
  GPtrArray      *conflicts;     /* owned, of ZcConflict: kept server values */
  gboolean        changed;       /* FALSE when nothing needed to change */
} ZcPutResult;

#define ZC_RECORD_KIND_PERSONAL_INFO "personal-info"
#define ZC_RECORD_KIND_ARCHIVE_PREFIX "archive:"

void            zc_put_result_free                   (ZcPutResult            *result);

gboolean        zc_record_kind_is_archive            (const char             *kind);

ZcPutResult    *zc_record_service_put_in             (ZcStoreTxn             *txn,
                                                      const ZcChangeContext  *change,
                                                      const char             *record_id,
                                                      const char             *kind,
                                                      gint64                  base_version,
                                                      JsonObject             *values,
                                                      gboolean                full_body,
                                                      gboolean                must_be_new,
                                                      GError                **error);
ZcStoredRecord *zc_record_service_delete_in          (ZcStoreTxn             *txn,
                                                      const ZcChangeContext  *change,
                                                      const char             *record_id,
                                                      gint64                  base_version,
                                                      GError                **error);
ZcStoredRecord *zc_record_service_get_visible_in     (ZcStoreTxn             *txn,
                                                      const ZcCaller         *caller,
                                                      const char             *record_id,
                                                      gboolean                with_tombstones,
                                                      ZcLanguage              language,
                                                      GError                **error);

/* The REST API's wrappers: each one transaction. */
ZcPutResult    *zc_record_service_put                (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      const char             *record_id,
                                                      const char             *kind,
                                                      gint64                  base_version,
                                                      JsonObject             *body,
                                                      gboolean                must_be_new,
                                                      const char             *address,
                                                      ZcLanguage              language,
                                                      GError                **error);
gboolean        zc_record_service_delete             (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      const char             *record_id,
                                                      gint64                  base_version,
                                                      const char             *address,
                                                      ZcLanguage              language,
                                                      GError                **error);
ZcStoredRecord *zc_record_service_get                (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      const char             *record_id,
                                                      ZcLanguage              language,
                                                      GError                **error);
ZcStoredRecord *zc_record_service_get_personal_info  (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      ZcLanguage              language,
                                                      GError                **error);
GPtrArray      *zc_record_service_list_own           (ZcContext              *ctx,
                                                      const ZcCaller         *caller,
                                                      const char             *kind,
                                                      const char             *state,
                                                      guint                   limit,
                                                      guint                   offset,
                                                      ZcLanguage              language,
                                                      GError                **error);

void            zc_record_service_store_failed       (GError                **error,
                                                      GError                 *store_error,
                                                      ZcLanguage              language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPutResult, zc_put_result_free)

G_END_DECLS
