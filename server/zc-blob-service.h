/* zc-blob-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-api-error.h"
#include "zc-blob-store.h"
#include "zc-context.h"
#include "zc-photo-check.h"
#include "zc-session-service.h"
#include "zc-store-blobs.h"

G_BEGIN_DECLS

/* Attachments: receiving them (hashed and checked as they arrive),
 * deciding who may read them, and checking ID photos.  Errors are
 * ZC_API_ERROR, including the three statuses below. */

/* Statuses of blob answers that zc-api-error.h does not name (yet). */
#define ZC_BLOB_ERROR_TOO_LARGE    ((ZcApiError) 413)
#define ZC_BLOB_ERROR_UNSUPPORTED  ((ZcApiError) 415)
#define ZC_BLOB_ERROR_MISMATCH     ((ZcApiError) 422)

#define ZC_BLOB_DEFAULT_MAX_BYTES  (10 * 1024 * 1024)

typedef struct
{
  goffset             max_bytes;     /* ZHICHENG_BLOB_MAX_BYTES: the largest blob accepted */
  const ZcPhotoRules *photo_rules;   /* ZHICHENG_PHOTO_RULES: sichuan (default), yunnan, henan */
} ZcBlobSettings;

void           zc_blob_settings_init             (ZcBlobSettings        *settings);
gboolean       zc_blob_settings_load_environment (ZcBlobSettings        *settings,
                                                  GError               **error);

const char    *zc_blob_sniff_mime                (const guint8          *data,
                                                  gsize                  size);
const char * const *zc_blob_allowed_types        (void);

typedef struct _ZcBlobService ZcBlobService;

ZcBlobService *zc_blob_service_new               (ZcContext             *ctx,
                                                  GError               **error);
ZcBlobService *zc_blob_service_new_full          (ZcContext             *ctx,
                                                  ZcBlobStore           *store,
                                                  const ZcBlobSettings  *settings);
ZcBlobService *zc_blob_service_ref               (ZcBlobService         *service);
void           zc_blob_service_unref             (ZcBlobService         *service);
ZcContext     *zc_blob_service_get_context       (ZcBlobService         *service);
ZcBlobStore   *zc_blob_service_get_store         (ZcBlobService         *service);
const ZcBlobSettings *zc_blob_service_get_settings (ZcBlobService       *service);

/* Receiving one blob: begin (worker thread), write each chunk as it
 * arrives (main loop is fine), finish (worker thread). */
typedef struct _ZcBlobIntake ZcBlobIntake;

ZcBlobIntake  *zc_blob_service_begin_intake      (ZcBlobService         *service,
                                                  const char            *sha256,
                                                  const char            *content_type,
                                                  const char            *file_name,
                                                  ZcLanguage             language,
                                                  GError               **error);
void           zc_blob_intake_write              (ZcBlobIntake          *intake,
                                                  const guint8          *data,
                                                  gsize                  size);
ZcBlob        *zc_blob_service_finish_intake     (ZcBlobService         *service,
                                                  ZcBlobIntake          *intake,
                                                  const ZcCaller        *caller,
                                                  const char            *address,
                                                  ZcLanguage             language,
                                                  gboolean              *created,
                                                  GError               **error);
void           zc_blob_intake_free               (ZcBlobIntake          *intake);

/* Reading.  A blob may be read by those who uploaded it and by whoever
 * may see a record that references it.  Each kind of record that holds
 * blob hashes (archive entries, personal information, declarations …)
 * answers for itself with a ZcBlobReadRule: a function, in its own
 * service, that asks its store module — inside @txn — whether a record
 * @caller may see (the same scope as its list and pull queries) names
 * @sha256, and sets @allowed.  It is added to read_rules[] in
 * zc-blob-service-read.c; zc_blob_service_may_read() tries them in order. */
typedef gboolean (*ZcBlobReadRule) (ZcStoreTxn      *txn,
                                    const ZcCaller  *caller,
                                    const char      *sha256,
                                    gboolean        *allowed,
                                    GError         **error);

gboolean       zc_blob_service_may_read_in       (ZcStoreTxn            *txn,
                                                  const ZcCaller        *caller,
                                                  const char            *sha256,
                                                  gboolean              *allowed,
                                                  GError               **error);
gboolean       zc_blob_service_may_read          (ZcContext             *ctx,
                                                  const ZcCaller        *caller,
                                                  const char            *sha256,
                                                  ZcLanguage             language,
                                                  GError               **error);
ZcBlob        *zc_blob_service_get               (ZcBlobService         *service,
                                                  const ZcCaller        *caller,
                                                  const char            *sha256,
                                                  ZcLanguage             language,
                                                  GError               **error);
GBytes        *zc_blob_service_read              (ZcBlobService         *service,
                                                  const ZcBlob          *blob,
                                                  ZcLanguage             language,
                                                  GError               **error);
GPtrArray     *zc_blob_service_check_photo       (ZcBlobService         *service,
                                                  const ZcCaller        *caller,
                                                  const char            *sha256,
                                                  ZcLanguage             language,
                                                  GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcBlobService, zc_blob_service_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcBlobIntake, zc_blob_intake_free)

G_END_DECLS
