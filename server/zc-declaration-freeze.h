/* zc-declaration-freeze.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-record-service.h"

G_BEGIN_DECLS

/* The frozen copy of a declaration (docs/declarations.md): at each
 * submission the review-form document is assembled from the picked
 * archive entries, the personal information and the plan, and kept
 * with the declaration's version. */

gboolean  zc_declaration_freeze_in     (ZcStoreTxn             *txn,
                                        const ZcChangeContext  *change,
                                        const ZcStoredRecord   *declaration,
                                        GError                **error);

/* The document to print: the frozen copy of the newest submission with
 * the reviewers' opinions so far, or for a draft (never submitted) one
 * assembled now and marked as a draft.  @version_out: what a cache may
 * key on (changes whenever the document would). */
JsonNode *zc_declaration_document_in   (ZcStoreTxn             *txn,
                                        const ZcChangeContext  *change,
                                        const ZcStoredRecord   *declaration,
                                        char                  **version_out,
                                        GError                **error);

G_END_DECLS
