/* zc-declaration-preview.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "zc-blob-service.h"

G_BEGIN_DECLS

/* The review form of a declaration (docs/review-form.md) as a PDF and
 * its pages as PNG previews, for everyone who may see the declaration.
 * What is rendered is kept on disk under DATA_DIR/previews/<id>/,
 * named by the document's version (zc_declaration_document_in()), so
 * a changed declaration is rendered anew and an old rendering is never
 * served.  Every call blocks (store, rendering): worker threads only.
 * Errors are ZC_API_ERROR. */

#define ZC_PREVIEW_WIDTH_MIN      100
#define ZC_PREVIEW_WIDTH_MAX      2000
#define ZC_PREVIEW_WIDTH_DEFAULT  800

typedef struct _ZcDeclarationPreview ZcDeclarationPreview;

/* What was served: the bytes and what a client may cache them by. */
typedef struct
{
  GBytes   *bytes;        /* owned */
  char     *etag;         /* owned: quoted, changes with the document, the page and the width */
  gboolean  from_cache;   /* found on disk rather than rendered now */
  guint     n_pages;      /* of the whole form */
} ZcPreviewResult;

void                  zc_preview_result_free          (ZcPreviewResult       *result);

/* @cache_dir (nullable): DATA_DIR/previews of @blobs' context by default. */
ZcDeclarationPreview *zc_declaration_preview_new      (ZcBlobService         *blobs,
                                                       const char            *cache_dir);
ZcDeclarationPreview *zc_declaration_preview_ref      (ZcDeclarationPreview  *self);
void                  zc_declaration_preview_unref    (ZcDeclarationPreview  *self);
ZcContext            *zc_declaration_preview_get_context (ZcDeclarationPreview *self);

ZcPreviewResult      *zc_declaration_preview_get_pdf  (ZcDeclarationPreview  *self,
                                                       const ZcCaller        *caller,
                                                       const char            *record_id,
                                                       ZcLanguage             language,
                                                       GError               **error);
/* @page: from 1; past the last page NOT_FOUND.  @width: pixels,
 * ZC_PREVIEW_WIDTH_MIN … _MAX (the height follows the page). */
ZcPreviewResult      *zc_declaration_preview_get_page (ZcDeclarationPreview  *self,
                                                       const ZcCaller        *caller,
                                                       const char            *record_id,
                                                       guint                  page,
                                                       guint                  width,
                                                       ZcLanguage             language,
                                                       GError               **error);

/* zc-api-declaration-pdf.c: serves
 *   GET /api/v1/declarations/{id}/review-form.pdf
 *   GET /api/v1/declarations/{id}/pages/{n}.png?width=W */
void                  zc_api_declaration_pdf_install  (ZcBlobService         *blobs,
                                                       SoupServer            *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPreviewResult, zc_preview_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDeclarationPreview, zc_declaration_preview_unref)

G_END_DECLS
