/* zc-form-field.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "zc-dictionary.h"
#include "zc-i18n.h"

G_BEGIN_DECLS

/* The fields and cross-field rules of a form (zc-form-schema.h).  Both
 * belong to their schema and live as long as it does. */

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
  ZC_FORM_RULE_DATE_ORDER,
  ZC_FORM_RULE_NOT_GREATER,
  ZC_FORM_RULE_REQUIRED_IF,
} ZcFormRuleType;

#define ZC_N_FORM_RULE_TYPES (ZC_FORM_RULE_REQUIRED_IF + 1)

typedef struct _ZcFormField  ZcFormField;
typedef struct _ZcFormRule   ZcFormRule;

const char          *zc_field_type_to_string         (ZcFieldType      type);
gboolean             zc_field_type_from_string       (const char      *string,
                                                      ZcFieldType     *type);
const char          *zc_field_format_to_string       (ZcFieldFormat    format);
gboolean             zc_field_format_from_string     (const char      *string,
                                                      ZcFieldFormat   *format);
const char          *zc_form_rule_type_to_string     (ZcFormRuleType   type);
gboolean             zc_form_rule_type_from_string   (const char      *string,
                                                      ZcFormRuleType  *type);

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

G_END_DECLS
