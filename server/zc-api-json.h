/* zc-api-json.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-record-service.h"
#include "zc-store-accounts.h"
#include "zc-store-bindings.h"
#include "zc-store-units.h"

G_BEGIN_DECLS

/* How accounts, units and binding requests look in answers.  What a
 * view shows is decided here, once, not in each handler. */

typedef enum
{
  ZC_API_UNIT_PUBLIC,   /* id, name, kind, region: what anyone logged in may find */
  ZC_API_UNIT_FULL,     /* and the credit code, department, creation time (admin) */
} ZcApiUnitView;

JsonNode *zc_api_json_account   (const ZcAccount  *account,
                                 const ZcUnit     *unit);
JsonNode *zc_api_json_unit      (const ZcUnit     *unit,
                                 ZcApiUnitView     view);
JsonNode *zc_api_json_binding   (const ZcBinding  *binding,
                                 gboolean          for_officer);
char     *zc_api_json_time      (gint64            usec);

/* zc-api-json-records.c */
JsonNode *zc_api_json_record          (const ZcStoredRecord        *record,
                                       gboolean                     for_officer);
JsonNode *zc_api_json_put_result      (const ZcPutResult           *result);
JsonNode *zc_api_json_history_entry   (const ZcRecordHistoryEntry  *entry,
                                       ZcLanguage                   language);
char     *zc_api_json_mask      (const char       *text,
                                 guint             keep_start,
                                 guint             keep_end);

G_END_DECLS
