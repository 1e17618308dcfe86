/* zc-declaration-record.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-check.h"
#include "zc-record-service.h"
#include "zc-store-declarations.h"

G_BEGIN_DECLS

/* The declaration record (kind "declaration", docs/declarations.md):
 * its creation under the create rules, its edits while the applicant
 * may edit it, and the check run with the server's data. */

/* Everything the check and the assembly read about an applicant, loaded
 * from the store in one go. */
typedef struct
{
  ZcCheckInput  input;            /* points into the members below */
  ZcPlan       *plan;             /* owned */
  JsonObject   *personal_info;    /* owned, nullable */
  JsonObject   *personal_photo;   /* owned, nullable: {sha256, mime} */
  GPtrArray    *archive;          /* owned, of ZcRecord */
  GPtrArray    *rows;             /* owned, of ZcDeclarationRow: the applicant's declarations */
  GArray       *others;           /* owned, of ZcDeclarationSummary */
  GPtrArray    *ban_records;      /* owned, of ZcIntegrityRecord */
  GArray       *bans;             /* owned, of ZcIntegrityBan */
  GPtrArray    *times;            /* owned, of GDateTime */
  char         *unit_id;          /* owned, nullable */
  char         *unit_region;      /* owned, nullable */
} ZcDeclarationData;

void               zc_declaration_data_free          (ZcDeclarationData      *data);
ZcDeclarationData *zc_declaration_data_load_in       (ZcStoreTxn             *txn,
                                                      const char             *owner_id,
                                                      const char             *declaration_id,
                                                      JsonObject             *body,
                                                      gboolean                resubmission,
                                                      gint64                  now,
                                                      ZcLanguage              language,
                                                      GError                **error);

ZcPutResult       *zc_declaration_record_put_in      (ZcStoreTxn             *txn,
                                                      const ZcChangeContext  *change,
                                                      const char             *record_id,
                                                      gint64                  base_version,
                                                      JsonObject             *values,
                                                      gboolean                full_body,
                                                      gboolean                must_be_new,
                                                      GError                **error);
/* The full check (docs/declarations.md "The check") with the server's
 * data: GPtrArray of ZcCheckItem. */
GPtrArray         *zc_declaration_record_check_in    (ZcStoreTxn             *txn,
                                                      const ZcStoredRecord   *declaration,
                                                      gint64                  now,
                                                      ZcLanguage              language,
                                                      GError                **error);
/* Whether the next submission is a resubmission (it was ever returned). */
gboolean           zc_declaration_record_is_resubmission (ZcStoreTxn         *txn,
                                                      const char             *record_id,
                                                      gboolean               *resubmission,
                                                      GError                **error);

/* Small helpers the declaration files share. */
GDateTime         *zc_declaration_time_new           (gint64                  usec);
void               zc_declaration_today              (gint64                  now,
                                                      GDate                  *today);
char              *zc_declaration_date_string        (const GDate            *date);
gboolean           zc_declaration_state_of           (const ZcStoredRecord   *record,
                                                      ZcDeclarationState     *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDeclarationData, zc_declaration_data_free)

G_END_DECLS
