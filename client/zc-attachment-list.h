/* zc-attachment-list.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "zc-form-schema.h"
#include "zc-local-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_ATTACHMENT_LIST (zc_attachment_list_get_type ())
G_DECLARE_FINAL_TYPE (ZcAttachmentList, zc_attachment_list, ZC, ATTACHMENT_LIST, GtkWidget)

GtkWidget  *zc_attachment_list_new          (ZcFormSchema      *schema,
                                             const ZcFormField *field,
                                             ZcLocalStore      *store);
JsonNode   *zc_attachment_list_get_value    (ZcAttachmentList  *self);
void        zc_attachment_list_set_value    (ZcAttachmentList  *self,
                                             JsonNode          *value);
gboolean    zc_attachment_list_add_file     (ZcAttachmentList  *self,
                                             GFile             *file,
                                             GError           **error);
gboolean    zc_attachment_list_remove       (ZcAttachmentList  *self,
                                             guint              index);
guint       zc_attachment_list_get_n_files  (ZcAttachmentList  *self);
void        zc_attachment_list_set_editable (ZcAttachmentList  *self,
                                             gboolean           editable);
GtkWidget  *zc_attachment_list_get_add_button (ZcAttachmentList *self);

G_END_DECLS
