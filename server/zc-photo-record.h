/* zc-photo-record.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-record-service.h"

G_BEGIN_DECLS

/* The applicant's ID photo: one record of kind "photo" per account,
 * whose body names an uploaded image blob. */

#define ZC_RECORD_KIND_PHOTO "photo"

gboolean     zc_photo_record_check_body (ZcStoreTxn             *txn,
                                         const ZcCaller         *caller,
                                         JsonObject             *body,
                                         ZcLanguage              language,
                                         GError                **error);
ZcPutResult *zc_photo_record_put_in     (ZcStoreTxn             *txn,
                                         const ZcChangeContext  *change,
                                         const char             *record_id,
                                         JsonObject             *values,
                                         gboolean                full_body,
                                         gboolean                must_be_new,
                                         GError                **error);

G_END_DECLS
