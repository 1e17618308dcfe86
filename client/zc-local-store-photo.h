/* zc-local-store-photo.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-local-store.h"

G_BEGIN_DECLS

/* The kind of the one ID photo record.  Its body:
 *   { "file": { "sha256", "name", "mime", "size" },   (an attachment, docs/forms.md)
 *     "width": pixels, "height": pixels }
 * The photo is a record of its own, not a member of the personal
 * information: that form's schema (shared with the server's validator)
 * has no photo field, the photo changes on its own, and as a record it
 * syncs like any other ("record.put" in the outbox, waiting for its
 * blob to be uploaded first). */
#define ZC_LOCAL_STORE_PHOTO_KIND "photo"

JsonObject *zc_local_store_add_blob_bytes  (ZcLocalStore        *self,
                                            GBytes              *bytes,
                                            const char * const  *accept,
                                            guint64              max_size,
                                            GError             **error);

ZcRecord   *zc_local_store_save_photo      (ZcLocalStore        *self,
                                            JsonObject          *file,
                                            guint                width,
                                            guint                height,
                                            GError             **error);
ZcRecord   *zc_local_store_get_photo       (ZcLocalStore        *self,
                                            GError             **error);
const char *zc_local_store_photo_get_sha256 (ZcRecord           *photo);

G_END_DECLS
