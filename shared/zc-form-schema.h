/* zc-form-schema.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-form-field.h"
#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_FORM_SCHEMA_ERROR (zc_form_schema_error_quark ())

typedef enum
{
  ZC_FORM_SCHEMA_ERROR_NOT_FOUND,
  ZC_FORM_SCHEMA_ERROR_INVALID,
} ZcFormSchemaError;

typedef enum
{
  ZC_FORM_KIND_ARCHIVE_CATEGORY,
  ZC_FORM_KIND_SERIES_BLOCK,
  ZC_FORM_KIND_PERSONAL_INFO,
  ZC_FORM_KIND_DECLARATION,
} ZcFormKind;

#define ZC_N_FORM_KINDS (ZC_FORM_KIND_DECLARATION + 1)

#define ZC_TYPE_FORM_SCHEMA (zc_form_schema_get_type ())

/* A form: reference-counted and immutable once built, so one copy is
 * shared by every thread.  Fields and rules (zc-form-field.h) belong to
 * their schema and live as long as it does. */
typedef struct _ZcFormSchema ZcFormSchema;

GQuark               zc_form_schema_error_quark      (void);
GType                zc_form_schema_get_type         (void) G_GNUC_CONST;

const char          *zc_form_kind_to_string          (ZcFormKind       kind);
gboolean             zc_form_kind_from_string        (const char      *string,
                                                      ZcFormKind      *kind);

ZcFormSchema        *zc_form_schema_load             (const char      *path,
                                                      GError         **error);
GPtrArray           *zc_form_schema_load_all         (ZcFormKind       kind,
                                                      GError         **error);
ZcFormSchema        *zc_form_schema_lookup           (const char      *id,
                                                      GError         **error);

ZcFormSchema        *zc_form_schema_ref              (ZcFormSchema    *schema);
void                 zc_form_schema_unref            (ZcFormSchema    *schema);

const char          *zc_form_schema_get_id           (ZcFormSchema    *schema);
ZcFormKind           zc_form_schema_get_kind         (ZcFormSchema    *schema);
const char          *zc_form_schema_get_title        (ZcFormSchema    *schema,
                                                      ZcLanguage       language);
int                  zc_form_schema_get_order        (ZcFormSchema    *schema);
const char * const  *zc_form_schema_get_series       (ZcFormSchema    *schema);
gboolean             zc_form_schema_applies_to_series (ZcFormSchema   *schema,
                                                      const char      *series);
const char * const  *zc_form_schema_get_summary_fields (ZcFormSchema  *schema);
const char * const  *zc_form_schema_get_sources      (ZcFormSchema    *schema);
guint                zc_form_schema_get_n_fields     (ZcFormSchema    *schema);
const ZcFormField   *zc_form_schema_get_field        (ZcFormSchema    *schema,
                                                      guint            i);
const ZcFormField   *zc_form_schema_find_field       (ZcFormSchema    *schema,
                                                      const char      *id);
gboolean             zc_form_schema_find_field_index (ZcFormSchema    *schema,
                                                      const char      *id,
                                                      guint           *index_out);
guint                zc_form_schema_get_n_rules      (ZcFormSchema    *schema);
const ZcFormRule    *zc_form_schema_get_rule         (ZcFormSchema    *schema,
                                                      guint            i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcFormSchema, zc_form_schema_unref)

G_END_DECLS

/* zc_form_schema_new_from_json () */
#include "zc-form-schema-loader.h"
