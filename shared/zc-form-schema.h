/* zc-form-schema.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-dictionary.h"
#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_FORM_SCHEMA_ERROR (zc_form_schema_error_quark ())

typedef enum
{
  ZC_FORM_SCHEMA_ERROR_NOT_FOUND,
  ZC_FORM_SCHEMA_ERROR_INVALID,
} ZcFormSchemaError;

/* The "type" of a field; docs/forms.md describes each. */
typedef enum
{
  ZC_FIELD_TEXT,
  ZC_FIELD_LONG_TEXT,
  ZC_FIELD_DATE,
  ZC_FIELD_YEAR_MONTH,
  ZC_FIELD_YEAR,
  ZC_FIELD_INTEGER,
  ZC_FIELD_ENUM,
  ZC_FIELD_BOOL,
  ZC_FIELD_TAXONOMY,
  ZC_FIELD_ATTACHMENTS,
} ZcFieldType;

#define ZC_N_FIELD_TYPES (ZC_FIELD_ATTACHMENTS + 1)

/* The "format" of a text field: a check beyond length. */
typedef enum
{
  ZC_FIELD_FORMAT_NONE,
  ZC_FIELD_FORMAT_ID_NUMBER,
  ZC_FIELD_FORMAT_CREDIT_CODE,
  ZC_FIELD_FORMAT_MOBILE,
  ZC_FIELD_FORMAT_PHONE,
  ZC_FIELD_FORMAT_EMAIL,
  ZC_FIELD_FORMAT_POSTCODE,
  ZC_FIELD_FORMAT_ISSN,
  ZC_FIELD_FORMAT_ISBN,
  ZC_FIELD_FORMAT_CN_SERIAL,
} ZcFieldFormat;

#define ZC_N_FIELD_FORMATS (ZC_FIELD_FORMAT_CN_SERIAL + 1)

typedef enum
{
  ZC_FORM_KIND_ARCHIVE_CATEGORY,
  ZC_FORM_KIND_SERIES_BLOCK,
  ZC_FORM_KIND_PERSONAL_INFO,
  ZC_FORM_KIND_DECLARATION,
} ZcFormKind;

#define ZC_N_FORM_KINDS (ZC_FORM_KIND_DECLARATION + 1)

typedef enum
{
  ZC_FORM_RULE_DATE_ORDER,
  ZC_FORM_RULE_NOT_GREATER,
  ZC_FORM_RULE_REQUIRED_IF,
} ZcFormRuleType;

#define ZC_N_FORM_RULE_TYPES (ZC_FORM_RULE_REQUIRED_IF + 1)

#define ZC_TYPE_FORM_SCHEMA (zc_form_schema_get_type ())

/* A form: reference-counted and immutable once built, so one copy is
 * shared by every thread.  Fields and rules belong to their schema and
 * live as long as it does. */
typedef struct _ZcFormSchema ZcFormSchema;
typedef struct _ZcFormField  ZcFormField;
typedef struct _ZcFormRule   ZcFormRule;

GQuark               zc_form_schema_error_quark      (void);
GType                zc_form_schema_get_type         (void) G_GNUC_CONST;

const char          *zc_field_type_to_string         (ZcFieldType      type);
gboolean             zc_field_type_from_string       (const char      *string,
                                                      ZcFieldType     *type);
const char          *zc_field_format_to_string       (ZcFieldFormat    format);
gboolean             zc_field_format_from_string     (const char      *string,
                                                      ZcFieldFormat   *format);
const char          *zc_form_kind_to_string          (ZcFormKind       kind);
gboolean             zc_form_kind_from_string        (const char      *string,
                                                      ZcFormKind      *kind);
const char          *zc_form_rule_type_to_string     (ZcFormRuleType   type);
gboolean             zc_form_rule_type_from_string   (const char      *string,
                                                      ZcFormRuleType  *type);

ZcFormSchema        *zc_form_schema_new_from_json    (JsonNode        *root,
                                                      GError         **error);
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

const char          *zc_form_field_get_id            (const ZcFormField *field);
ZcFieldType          zc_form_field_get_field_type    (const ZcFormField *field);
const char          *zc_form_field_get_label         (const ZcFormField *field,
                                                      ZcLanguage         language);
const char          *zc_form_field_get_help          (const ZcFormField *field,
                                                      ZcLanguage         language);
const char          *zc_form_field_get_section       (const ZcFormField *field,
                                                      ZcLanguage         language);
gboolean             zc_form_field_get_required      (const ZcFormField *field);
gboolean             zc_form_field_get_readonly_after_registration (const ZcFormField *field);
guint                zc_form_field_get_max_length    (const ZcFormField *field);
guint                zc_form_field_get_min_length    (const ZcFormField *field);
ZcFieldFormat        zc_form_field_get_format        (const ZcFormField *field);
gboolean             zc_form_field_get_min           (const ZcFormField *field,
                                                      gint64            *min);
gboolean             zc_form_field_get_max           (const ZcFormField *field,
                                                      gint64            *max);
const char          *zc_form_field_get_unit          (const ZcFormField *field,
                                                      ZcLanguage         language);
ZcDictionary        *zc_form_field_get_dictionary    (const ZcFormField *field);
gboolean             zc_form_field_get_multiple      (const ZcFormField *field);
const char          *zc_form_field_get_depth         (const ZcFormField *field);
const char * const  *zc_form_field_get_accept        (const ZcFormField *field);
guint64              zc_form_field_get_max_size      (const ZcFormField *field);
guint                zc_form_field_get_max_count     (const ZcFormField *field);
guint                zc_form_field_get_min_count     (const ZcFormField *field);
gboolean             zc_form_field_get_not_after_today (const ZcFormField *field);
gboolean             zc_form_field_get_open_end      (const ZcFormField *field);

ZcFormRuleType       zc_form_rule_get_rule_type      (const ZcFormRule  *rule);
const char          *zc_form_rule_get_field          (const ZcFormRule  *rule);
const char          *zc_form_rule_get_other          (const ZcFormRule  *rule);
gboolean             zc_form_rule_get_open_end       (const ZcFormRule  *rule);
JsonNode            *zc_form_rule_get_equals         (const ZcFormRule  *rule);
const char          *zc_form_rule_get_message        (const ZcFormRule  *rule,
                                                      ZcLanguage         language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcFormSchema, zc_form_schema_unref)

G_END_DECLS
