/* zc-entry-object.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zc-form-schema.h"
#include "zc-record.h"
#include "zc-review-state.h"

G_BEGIN_DECLS

#define ZC_TYPE_ENTRY_OBJECT (zc_entry_object_get_type ())
G_DECLARE_FINAL_TYPE (ZcEntryObject, zc_entry_object, ZC, ENTRY_OBJECT, GObject)

ZcEntryObject  *zc_entry_object_new              (ZcRecord          *record,
                                                  ZcFormSchema      *schema);

ZcRecord       *zc_entry_object_get_record       (ZcEntryObject     *self);
ZcFormSchema   *zc_entry_object_get_schema       (ZcEntryObject     *self);
const char     *zc_entry_object_get_id           (ZcEntryObject     *self);
ZcReviewState   zc_entry_object_get_review_state (ZcEntryObject     *self);
const char     *zc_entry_object_get_status_label (ZcEntryObject     *self);
const char     *zc_entry_object_get_review_comment (ZcEntryObject   *self);
const char     *zc_entry_object_get_title        (ZcEntryObject     *self);
const char     *zc_entry_object_get_subtitle     (ZcEntryObject     *self);
const char     *zc_entry_object_get_sort_key     (ZcEntryObject     *self);
gboolean        zc_entry_object_matches          (ZcEntryObject     *self,
                                                  const char        *search);

char           *zc_format_field_value            (const ZcFormField *field,
                                                  JsonNode          *value);
JsonArray      *zc_entry_collect_files           (ZcFormSchema      *schema,
                                                  JsonObject        *body);

G_END_DECLS
