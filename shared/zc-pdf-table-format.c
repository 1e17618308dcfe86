/* zc-pdf-table-format.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-json.h"
#include "zc-pdf-table.h"
#include "zc-taxonomy.h"

/* How the values of form fields are printed in the review form. */

/* A translated format with two strings, such as "%s: %s" → "%s：%s". */
static char *
format_pair (ZcLanguage  language,
             const char *context,
             const char *msgid,
             const char *first,
             const char *second)
{
  const char *format = zc_translate_with_context (language, context, msgid);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  /* msgfmt --check keeps the translation's conversions equal to the msgid's */
  return g_strdup_printf (format, first, second);
#pragma GCC diagnostic pop
}

/* "Label: value" in @language (标签：值). */
char *
zc_pdf_format_label_value (const char *label,
                           const char *value,
                           ZcLanguage  language)
{
  g_return_val_if_fail (label != NULL, NULL);

  return format_pair (language, "label and value", NC_("label and value", "%s: %s"),
                      label, value != NULL ? value : "");
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/**
 * zc_pdf_format_title_pick:
 * @pick: a title pick as forms store it (docs/forms.md)
 *
 * Returns: (transfer full): "series-category-title specialty", the
 *   series by its name; parts that are absent are left out
 */
char *
zc_pdf_format_title_pick (JsonObject *pick,
                          ZcLanguage  language)
{
  static const char * const members[] = { "series", "category", "title", NULL };
  GString *text = g_string_new (NULL);
  const char *specialty = NULL;

  g_return_val_if_fail (pick != NULL, NULL);

  for (guint i = 0; members[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (pick, members[i]);
      const char *value;

      if (node == NULL || !node_is_string (node) || *(value = json_node_get_string (node)) == '\0')
        continue;
      if (i == 0)
        {
          const ZcTaxonomySeries *series = zc_taxonomy_find_series (zc_taxonomy_get_default (), value);

          if (series != NULL)
            value = zc_taxonomy_series_get_label (series, language);
        }
      if (text->len > 0)
        g_string_append_c (text, '-');
      g_string_append (text, value);
    }

  if (json_object_has_member (pick, "specialty") &&
      node_is_string (json_object_get_member (pick, "specialty")))
    specialty = json_object_get_string_member (pick, "specialty");
  if (specialty != NULL && *specialty != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, specialty);
    }

  return g_string_free (text, FALSE);
}

static char *
format_enum (const ZcFormField *field,
             JsonNode          *value,
             ZcLanguage         language)
{
  ZcDictionary *dictionary = zc_form_field_get_dictionary (field);
  const char *separator = zc_translate_with_context (language, "list separator", NC_("list separator", ", "));
  GString *text;
  JsonArray *codes;

  if (node_is_string (value))
    {
      const char *label = dictionary != NULL ? zc_dictionary_lookup_label (dictionary, json_node_get_string (value), language) : NULL;

      return g_strdup (label != NULL ? label : json_node_get_string (value));
    }
  if (!JSON_NODE_HOLDS_ARRAY (value))
    return NULL;

  codes = json_node_get_array (value);
  text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      JsonNode *code = json_array_get_element (codes, i);
      const char *label;

      if (!node_is_string (code))
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      label = dictionary != NULL ? zc_dictionary_lookup_label (dictionary, json_node_get_string (code), language) : NULL;
      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, label != NULL ? label : json_node_get_string (code));
    }

  return g_string_free (text, FALSE);
}

/* NULL when @value does not have the type @field needs. */
static char *
format_typed (const ZcFormField *field,
              JsonNode          *value,
              ZcLanguage         language)
{
  switch (zc_form_field_get_field_type (field))
    {
    case ZC_FIELD_TEXT:
    case ZC_FIELD_LONG_TEXT:
    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
      return node_is_string (value) ? g_strdup (json_node_get_string (value)) : NULL;

    case ZC_FIELD_YEAR:
      return node_is_integer (value) ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value)) : NULL;

    case ZC_FIELD_INTEGER:
      {
        const char *unit = zc_form_field_get_unit (field, language);
        g_autofree char *number = NULL;

        if (!node_is_integer (value))
          return NULL;
        number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
        if (unit == NULL)
          return g_steal_pointer (&number);
        return format_pair (language, "number and unit", NC_("number and unit", "%s %s"), number, unit);
      }

    case ZC_FIELD_ENUM:
      return format_enum (field, value, language);

    case ZC_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        return NULL;
      return g_strdup (json_node_get_boolean (value)
                       ? zc_translate_with_context (language, "boolean value", NC_("boolean value", "Yes"))
                       : zc_translate_with_context (language, "boolean value", NC_("boolean value", "No")));

    case ZC_FIELD_TAXONOMY:
      return JSON_NODE_HOLDS_OBJECT (value) ? zc_pdf_format_title_pick (json_node_get_object (value), language) : NULL;

    case ZC_FIELD_ATTACHMENTS:
      return JSON_NODE_HOLDS_ARRAY (value)
             ? g_strdup_printf ("%u", json_array_get_length (json_node_get_array (value)))
             : NULL;

    default:
      return NULL;
    }
}

/**
 * zc_pdf_format_value:
 * @field: the field @value belongs to
 * @value: (nullable): the record's member, absent as %NULL
 *
 * How a value is printed: dictionary codes as their labels, booleans as
 * yes or no (是/否), an integer with its unit, a title pick as its names,
 * attachments as their number, an empty open end of a period as "to
 * date" (至今).  A value of the wrong type, which only a draft can hold,
 * is printed as its JSON.
 *
 * Returns: (transfer full): the text, "" for an empty value
 */
char *
zc_pdf_format_value (const ZcFormField *field,
                     JsonNode          *value,
                     ZcLanguage         language)
{
  char *text;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value) ||
      (node_is_string (value) && *json_node_get_string (value) == '\0'))
    {
      if (zc_form_field_get_open_end (field))
        return g_strdup (zc_translate_with_context (language, "open end of a period", NC_("open end of a period", "To date")));
      return g_strdup ("");
    }

  text = format_typed (field, value, language);
  if (text == NULL)
    text = zc_json_to_string (value);

  return text;
}
