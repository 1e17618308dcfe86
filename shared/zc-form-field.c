/* zc-form-field.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-form-field"

#include "config.h"

#include <string.h>

#include "zc-form-field.h"
#include "zc-form-schema-private.h"

/* The fields and rules of a form: the names of their types and formats,
 * and the getters.  They are filled in by zc-form-schema-loader.c and
 * freed with their schema. */

static const char * const field_type_names[ZC_N_FIELD_TYPES] = {
  "text", "long-text", "date", "year-month", "year", "integer", "enum", "bool", "taxonomy", "attachments",
};

static const char * const field_format_names[ZC_N_FIELD_FORMATS] = {
  "", "id-number", "credit-code", "mobile", "phone", "email", "postcode", "issn", "isbn", "cn-serial",
};

static const char * const rule_type_names[ZC_N_FORM_RULE_TYPES] = {
  "date-order", "not-greater", "required-if",
};

/* An empty name never matches: ZC_FIELD_FORMAT_NONE is not spelt out. */
gboolean
zc_form_name_to_enum (const char         *string,
                      const char * const *names,
                      guint               n_names,
                      guint              *value)
{
  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    if (*names[i] != '\0' && strcmp (string, names[i]) == 0)
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

const char *
zc_field_type_to_string (ZcFieldType type)
{
  g_return_val_if_fail ((guint) type < ZC_N_FIELD_TYPES, NULL);
  return field_type_names[type];
}

gboolean
zc_field_type_from_string (const char  *string,
                           ZcFieldType *type)
{
  guint value;

  g_return_val_if_fail (type != NULL, FALSE);
  if (!zc_form_name_to_enum (string, field_type_names, ZC_N_FIELD_TYPES, &value))
    return FALSE;
  *type = (ZcFieldType) value;
  return TRUE;
}

/* ZC_FIELD_FORMAT_NONE has no name: a field without "format". */
const char *
zc_field_format_to_string (ZcFieldFormat format)
{
  g_return_val_if_fail ((guint) format < ZC_N_FIELD_FORMATS, NULL);
  return format == ZC_FIELD_FORMAT_NONE ? NULL : field_format_names[format];
}

gboolean
zc_field_format_from_string (const char    *string,
                             ZcFieldFormat *format)
{
  guint value;

  g_return_val_if_fail (format != NULL, FALSE);
  if (!zc_form_name_to_enum (string, field_format_names, ZC_N_FIELD_FORMATS, &value))
    return FALSE;
  *format = (ZcFieldFormat) value;
  return TRUE;
}

const char *
zc_form_rule_type_to_string (ZcFormRuleType type)
{
  g_return_val_if_fail ((guint) type < ZC_N_FORM_RULE_TYPES, NULL);
  return rule_type_names[type];
}

gboolean
zc_form_rule_type_from_string (const char     *string,
                               ZcFormRuleType *type)
{
  guint value;

  g_return_val_if_fail (type != NULL, FALSE);
  if (!zc_form_name_to_enum (string, rule_type_names, ZC_N_FORM_RULE_TYPES, &value))
    return FALSE;
  *type = (ZcFormRuleType) value;
  return TRUE;
}

void
zc_form_field_clear (ZcFormField *field)
{
  g_free (field->id);
  g_free (field->label);
  g_free (field->help);
  g_free (field->section);
  g_free (field->unit);
  g_clear_pointer (&field->dictionary, zc_dictionary_unref);
  g_free (field->depth);
  g_strfreev (field->accept);
}

void
zc_form_rule_clear (ZcFormRule *rule)
{
  g_free (rule->field);
  g_free (rule->other);
  g_clear_pointer (&rule->equals, json_node_unref);
  g_free (rule->message);
}

/* ---- fields ---- */

const char *
zc_form_field_get_id (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->id;
}

ZcFieldType
zc_form_field_get_field_type (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, ZC_FIELD_TEXT);
  return field->type;
}

const char *
zc_form_field_get_label (const ZcFormField *field,
                         ZcLanguage         language)
{
  g_return_val_if_fail (field != NULL, NULL);
  return zc_translate (language, field->label);
}

/* Returns: (nullable) */
const char *
zc_form_field_get_help (const ZcFormField *field,
                        ZcLanguage         language)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->help != NULL ? zc_translate (language, field->help) : NULL;
}

/* Returns: (nullable) */
const char *
zc_form_field_get_section (const ZcFormField *field,
                           ZcLanguage         language)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->section != NULL ? zc_translate (language, field->section) : NULL;
}

gboolean
zc_form_field_get_required (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);
  return field->required;
}

gboolean
zc_form_field_get_readonly_after_registration (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);
  return field->readonly_after_registration;
}

/* 0 for types without a length */
guint
zc_form_field_get_max_length (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, 0);
  return field->max_length;
}

guint
zc_form_field_get_min_length (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, 0);
  return field->min_length;
}

ZcFieldFormat
zc_form_field_get_format (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, ZC_FIELD_FORMAT_NONE);
  return field->format;
}

/* Returns: %TRUE when the field sets a minimum, stored in @min */
gboolean
zc_form_field_get_min (const ZcFormField *field,
                       gint64            *min)
{
  g_return_val_if_fail (field != NULL, FALSE);
  if (field->has_min && min != NULL)
    *min = field->min;
  return field->has_min;
}

/* Returns: %TRUE when the field sets a maximum, stored in @max */
gboolean
zc_form_field_get_max (const ZcFormField *field,
                       gint64            *max)
{
  g_return_val_if_fail (field != NULL, FALSE);
  if (field->has_max && max != NULL)
    *max = field->max;
  return field->has_max;
}

/* Returns: (nullable) */
const char *
zc_form_field_get_unit (const ZcFormField *field,
                        ZcLanguage         language)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->unit != NULL ? zc_translate (language, field->unit) : NULL;
}

/* Returns: (transfer none) (nullable): the options of an enum field */
ZcDictionary *
zc_form_field_get_dictionary (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->dictionary;
}

gboolean
zc_form_field_get_multiple (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);
  return field->multiple;
}

/* Returns: (nullable): "series", "category", "level", "title" or "specialty" for taxonomy fields */
const char *
zc_form_field_get_depth (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->depth;
}

/* Returns: (nullable): the MIME types an attachments field takes */
const char * const *
zc_form_field_get_accept (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return (const char * const *) field->accept;
}

guint64
zc_form_field_get_max_size (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, 0);
  return field->max_size;
}

/* 0: no limit */
guint
zc_form_field_get_max_count (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, 0);
  return field->max_count;
}

guint
zc_form_field_get_min_count (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, 0);
  return field->min_count;
}

gboolean
zc_form_field_get_not_after_today (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);
  return field->not_after_today;
}

/* TRUE for the end of an open-ended period: empty means "to date" (至今). */
gboolean
zc_form_field_get_open_end (const ZcFormField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);
  return field->open_end;
}

/* ---- rules ---- */

ZcFormRuleType
zc_form_rule_get_rule_type (const ZcFormRule *rule)
{
  g_return_val_if_fail (rule != NULL, ZC_FORM_RULE_DATE_ORDER);
  return rule->type;
}

/* The field the rule checks and reports on: "end" of date-order, "field" of the others. */
const char *
zc_form_rule_get_field (const ZcFormRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->field;
}

/* The field it is compared with: "start", "than" or "when". */
const char *
zc_form_rule_get_other (const ZcFormRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->other;
}

gboolean
zc_form_rule_get_open_end (const ZcFormRule *rule)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  return rule->open_end;
}

/* Returns: (transfer none) (nullable): required-if's value */
JsonNode *
zc_form_rule_get_equals (const ZcFormRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->equals;
}

/* Returns: (nullable): the rule's own message, translated */
const char *
zc_form_rule_get_message (const ZcFormRule *rule,
                          ZcLanguage        language)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->message != NULL ? zc_translate (language, rule->message) : NULL;
}
