/* zc-archive-model.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "zc-entry-object.h"
#include "zc-form-schema.h"
#include "zc-local-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_ARCHIVE_MODEL (zc_archive_model_get_type ())
G_DECLARE_FINAL_TYPE (ZcArchiveModel, zc_archive_model, ZC, ARCHIVE_MODEL, GObject)

ZcArchiveModel *zc_archive_model_new        (ZcLocalStore    *store,
                                             ZcFormSchema    *schema);
ZcLocalStore   *zc_archive_model_get_store  (ZcArchiveModel  *self);
ZcFormSchema   *zc_archive_model_get_schema (ZcArchiveModel  *self);
const char     *zc_archive_model_get_kind   (ZcArchiveModel  *self);
gboolean        zc_archive_model_reload     (ZcArchiveModel  *self,
                                             GError         **error);
gboolean        zc_archive_model_find       (ZcArchiveModel  *self,
                                             const char      *id,
                                             guint           *position_out);
guint           zc_archive_model_count_state (ZcArchiveModel *self,
                                             ZcReviewState    state);

G_END_DECLS
