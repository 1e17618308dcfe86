/* zc-review-form.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "zc-declaration-document.h"
#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_REVIEW_FORM_ERROR (zc_review_form_error_quark ())

/**
 * ZcReviewFormError:
 * @ZC_REVIEW_FORM_ERROR_UNKNOWN_CATEGORY: the document has entries of an
 *   archive category that has no form schema
 * @ZC_REVIEW_FORM_ERROR_BLOB: a photo or signature could not be had, or
 *   its bytes do not match their SHA-256
 *
 * Fonts, images and writing report in %ZC_PDF_ERROR.
 */
typedef enum
{
  ZC_REVIEW_FORM_ERROR_UNKNOWN_CATEGORY,
  ZC_REVIEW_FORM_ERROR_BLOB,
} ZcReviewFormError;

/**
 * ZcReviewFormBlobLookup:
 * @sha256: the name of the file: 64 lower-case hex digits
 * @user_data: the data given to the renderer
 * @error: where a failure goes
 *
 * Gives the bytes of a photo or a signature: the server reads its blob
 * store, the client its local copy.  Returning %NULL without an error
 * means "not available here": the form then shows an empty box.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
typedef GBytes *(*ZcReviewFormBlobLookup) (const char  *sha256,
                                           gpointer     user_data,
                                           GError     **error);

GQuark    zc_review_form_error_quark      (void);

gboolean  zc_review_form_render           (ZcDeclarationDocument   *document,
                                           ZcReviewFormBlobLookup   lookup,
                                           gpointer                 user_data,
                                           GOutputStream           *out,
                                           ZcLanguage               language,
                                           GError                 **error);
GBytes   *zc_review_form_render_to_bytes  (ZcDeclarationDocument   *document,
                                           ZcReviewFormBlobLookup   lookup,
                                           gpointer                 user_data,
                                           ZcLanguage               language,
                                           GError                 **error);

G_END_DECLS
