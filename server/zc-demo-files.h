/* zc-demo-files.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-blob-store.h"
#include "zc-store.h"

G_BEGIN_DECLS

/* The files the demo's declaration hands in, drawn at seeding (no
 * binary in the sources) with the same bytes every time, so their
 * SHA-256 do not change from one seeding to the next. */

typedef enum
{
  ZC_DEMO_FILE_PHOTO,           /* JPEG: an ID photo, light-blue background */
  ZC_DEMO_FILE_SIGNATURE,       /* PNG: the commitment's pen stroke */
  ZC_DEMO_FILE_OUTLINE,         /* PDF: 答辩提纲, needs a CJK font */
  ZC_DEMO_FILE_JOURNAL_COVER,   /* PNG: a paper's journal cover */
} ZcDemoFile;

GBytes     *zc_demo_file_draw   (ZcDemoFile    file,
                                 GError      **error);
JsonObject *zc_demo_file_store  (ZcStoreTxn   *txn,
                                 ZcBlobStore  *blobs,
                                 ZcDemoFile    file,
                                 const char   *uploader_id,
                                 gint64        now,
                                 GError      **error);

G_END_DECLS
