/* zc-record-service-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-record-service.h"

G_BEGIN_DECLS

/* Shared by zc-record-service.c, zc-record-service-rest.c and the
 * services of other kinds of records. */

gboolean        zc_record_service_check_applicant  (const ZcCaller  *caller,
                                                    ZcLanguage       language,
                                                    GError         **error);
ZcStoredRecord *zc_record_service_get_own          (ZcStoreTxn      *txn,
                                                    const ZcCaller  *caller,
                                                    const char      *id,
                                                    ZcLanguage       language,
                                                    gboolean        *missing,
                                                    GError         **error);
gboolean        zc_record_service_merge_in         (ZcStoreTxn             *txn,
                                                    const ZcChangeContext  *change,
                                                    const ZcStoredRecord   *record,
                                                    gint64                  base_version,
                                                    JsonObject             *changes,
                                                    gboolean                full_body,
                                                    ZcPutResult            *result,
                                                    JsonObject            **merged_out,
                                                    GError                **error);

G_END_DECLS
