/* zc-archive-import.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-context.h"
#include "zc-record-service.h"

G_BEGIN_DECLS

/* Records from other systems (SPEC "Records from other systems":
 * verified education records, social-insurance periods, qualification
 * certificates) imported by the administrator as unreviewed entries of
 * the applicants' archives.  The source is named in each entry's
 * history (the import's comment) and in the audit trail. */

#define ZC_ARCHIVE_IMPORT_MAX_ENTRIES 10000
#define ZC_ARCHIVE_IMPORT_MAX_SOURCE  100

typedef struct
{
  guint imported;
  guint already_there;   /* an entry with the same id was imported before */
} ZcImportSummary;

/* One entry, inside @txn: @body is checked against the category's form;
 * an existing @record_id is left alone (*created FALSE), so running an
 * import file again adds nothing twice. */
gboolean zc_archive_import_entry_in (ZcStoreTxn             *txn,
                                     const ZcChangeContext  *change,
                                     const char             *record_id,
                                     const char             *owner_id,
                                     const char             *form_id,
                                     JsonObject             *body,
                                     const char             *source,
                                     gboolean               *created,
                                     GError                **error);

/* An import file (docs/deployment.md "Importing records"), all of it in
 * one transaction or nothing: the first bad entry refuses the file,
 * naming its index.  Errors are ZC_API_ERROR in @language. */
gboolean zc_archive_import_file     (ZcContext              *ctx,
                                     const char             *path,
                                     ZcLanguage              language,
                                     ZcImportSummary        *summary,
                                     GError                **error);

G_END_DECLS
