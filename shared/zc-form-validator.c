/* zc-form-validator.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-form-validator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-contact.h"
#include "zc-credit-code.h"
#include "zc-date.h"
#include "zc-form-validator.h"
#include "zc-id-number.h"

/* One check of a record against its schema, run the same way by the
 * client before saving and by the server before accepting.  It reports
 * every field at fault at once, at most one error per field (the first
 * problem found), so a form can mark all of them in one pass.  Values
 * are never tidied here: a stray space is reported, not trimmed. */

#define MAX_ATTACHMENT_NAME 255

G_DEFINE_BOXED_TYPE (ZcFieldError, zc_field_error, zc_field_error_copy, zc_field_error_free)

ZcFieldError *
zc_field_error_new (const char *field,
                    const char *code,
                    const char *message)
{
  ZcFieldError *error;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  error = g_new0 (ZcFieldError, 1);
  error->field = g_strdup (field);
  error->code = g_strdup (code);
  error->message = g_strdup (message);
  return error;
}

ZcFieldError *
zc_field_error_copy (const ZcFieldError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  return zc_field_error_new (error->field, error->code, error->message);
}

void
zc_field_error_free (ZcFieldError *error)
{
  if (error == NULL)
    return;

  g_free (error->field);
  g_free (error->code);
  g_free (error->message);
  g_free (error);
}

/**
 * zc_validation_context_init:
 * @context: (out caller-allocates): a context
 *
 * Sets the defaults: today in Beijing (left cleared, looked up when
 * used) and the built-in taxonomy.
 */
void
zc_validation_context_init (ZcValidationContext *context)
{
  g_return_if_fail (context != NULL);

  memset (context, 0, sizeof *context);
  g_date_clear (&context->today, 1);
}

static gboolean
is_empty_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
         *json_node_get_string (node) == '\0';
}

/**
 * zc_form_value_is_empty:
 * @field: the field @value belongs to
 * @value: (nullable): the record's member, %NULL when absent
 *
 * What "empty" means for a required field: absent, null or "" for any
 * type; [] for a multiple-choice enum or attachments; for a title pick,
 * an object whose members are all null or "".  false and 0 are values.
 * Any other value is not empty, and is checked (and perhaps refused as
 * the wrong type).
 */
gboolean
zc_form_value_is_empty (const ZcFormField *field,
                        JsonNode          *value)
{
  ZcFieldType type;

  g_return_val_if_fail (field != NULL, FALSE);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value) || is_empty_string (value))
    return TRUE;

  type = zc_form_field_get_field_type (field);

  if (JSON_NODE_HOLDS_ARRAY (value))
    return (type == ZC_FIELD_ATTACHMENTS || (type == ZC_FIELD_ENUM && zc_form_field_get_multiple (field))) &&
           json_array_get_length (json_node_get_array (value)) == 0;

  if (JSON_NODE_HOLDS_OBJECT (value) && type == ZC_FIELD_TAXONOMY)
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (value));

      for (GList *l = members; l != NULL; l = l->next)
        if (!JSON_NODE_HOLDS_NULL (l->data) && !is_empty_string (l->data))
          return FALSE;
      return TRUE;
    }

  return FALSE;
}

/* ---- a pass over one record ---- */

typedef struct
{
  ZcFormSchema  *schema;
  JsonObject    *record;
  ZcLanguage     language;
  GDate          today;
  ZcTaxonomy    *taxonomy;  /* nullable until a pick needs it */
  ZcFieldError **errors;    /* owned, one slot per field */
  gboolean      *required;  /* owned, one per field: required, or made so by a rule */
  const char   **required_message; /* owned array, borrowed strings: a required-if rule's own message */
} Check;

static const char *
field_label (Check *check,
             guint  i)
{
  return zc_form_field_get_label (zc_form_schema_get_field (check->schema, i), check->language);
}

static void
set_error (Check      *check,
           guint       i,
           const char *code,
           const char *message)
{
  if (check->errors[i] != NULL)
    return;

  check->errors[i] = zc_field_error_new (zc_form_field_get_id (zc_form_schema_get_field (check->schema, i)),
                                         code, message);
}

static void
set_error_take (Check      *check,
                guint       i,
                const char *code,
                char       *message)
{
  set_error (check, i, code, message);
  g_free (message);
}

/* "Label: detail", for details that come from another module */
static void
set_error_detail (Check      *check,
                  guint       i,
                  const char *code,
                  const char *detail)
{
  /* Translators: a form field's label, then what is wrong with its value */
  set_error_take (check, i, code, zc_translate_printf (check->language, N_("%s: %s"), field_label (check, i), detail));
}

static void
set_wrong_type (Check *check,
                guint  i)
{
  set_error_take (check, i, "wrong_type",
                  /* Translators: %s is a form field's label; the record holds a value of the wrong kind */
                  zc_translate_printf (check->language, N_("%s holds a value of the wrong kind"),
                                       field_label (check, i)));
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The value as a string, or NULL with the field's error set. */
static const char *
read_string (Check    *check,
             guint     i,
             JsonNode *value)
{
  if (node_holds (value, G_TYPE_STRING))
    return json_node_get_string (value);

  set_wrong_type (check, i);
  return NULL;
}

/* The value as an integer; one with a fraction gets its own message. */
static gboolean
read_integer (Check    *check,
              guint     i,
              JsonNode *value,
              gint64   *out)
{
  if (node_holds (value, G_TYPE_DOUBLE))
    {
      set_error_take (check, i, "not_integer",
                      /* Translators: %s is a form field's label */
                      zc_translate_printf (check->language, N_("%s must be a whole number"),
                                           field_label (check, i)));
      return FALSE;
    }
  if (!node_holds (value, G_TYPE_INT64))
    {
      set_wrong_type (check, i);
      return FALSE;
    }

  *out = json_node_get_int (value);
  return TRUE;
}

/* The rule for all free text: valid UTF-8, no control characters (but
 * line breaks in long text), no surrounding white space. */
static gboolean
check_text_characters (Check             *check,
                       guint              i,
                       const ZcFormField *field,
                       const char        *text)
{
  gboolean long_text = zc_form_field_get_field_type (field) == ZC_FIELD_LONG_TEXT;
  const char *label = field_label (check, i);

  if (!g_utf8_validate (text, -1, NULL))
    {
      set_error_take (check, i, "invalid_format",
                      /* Translators: %s is a form field's label */
                      zc_translate_printf (check->language, N_("%s contains characters that are not valid text"),
                                           label));
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && !(long_text && c == '\n'))
        {
          if (long_text)
            set_error_take (check, i, "invalid_format",
                            /* Translators: %s is a form field's label */
                            zc_translate_printf (check->language,
                                                 N_("%s contains control characters: only line breaks are allowed"),
                                                 label));
          else
            set_error_take (check, i, "invalid_format",
                            /* Translators: %s is a form field's label */
                            zc_translate_printf (check->language,
                                                 N_("%s must be a single line without control characters"),
                                                 label));
          return FALSE;
        }
    }

  if (g_unichar_isspace (g_utf8_get_char (text)) ||
      g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + strlen (text)))))
    {
      set_error_take (check, i, "invalid_format",
                      /* Translators: %s is a form field's label */
                      zc_translate_printf (check->language, N_("%s must not begin or end with spaces or empty lines"),
                                           label));
      return FALSE;
    }

  return TRUE;
}

static void
check_text_format (Check             *check,
                   guint              i,
                   const ZcFormField *field,
                   const char        *text)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (zc_form_field_get_format (field))
    {
    case ZC_FIELD_FORMAT_NONE:
      return;
    case ZC_FIELD_FORMAT_ID_NUMBER:
      ok = zc_id_number_validate (text, &check->today, NULL, NULL, check->language, &error);
      break;
    case ZC_FIELD_FORMAT_CREDIT_CODE:
      ok = zc_credit_code_validate (text, check->language, &error);
      break;
    case ZC_FIELD_FORMAT_MOBILE:
      ok = zc_mobile_validate (text, check->language, &error);
      break;
    case ZC_FIELD_FORMAT_PHONE:
      ok = zc_phone_validate (text, check->language, &error);
      break;
    case ZC_FIELD_FORMAT_EMAIL:
      ok = zc_email_validate (text, check->language, &error);
      break;
    case ZC_FIELD_FORMAT_POSTCODE:
      ok = zc_postcode_validate (text, check->language, &error);
      break;
    case ZC_FIELD_FORMAT_ISSN:
      ok = zc_issn_validate (text, check->language, &error);
      break;
    case ZC_FIELD_FORMAT_ISBN:
      ok = zc_isbn_validate (text, check->language, &error);
      break;
    case ZC_FIELD_FORMAT_CN_SERIAL:
      ok = zc_cn_serial_validate (text, check->language, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    set_error_detail (check, i, "invalid_format", error->message);
}

static void
check_text (Check             *check,
            guint              i,
            const ZcFormField *field,
            JsonNode          *value)
{
  const char *text = read_string (check, i, value);
  glong length;

  if (text == NULL || !check_text_characters (check, i, field, text))
    return;

  length = g_utf8_strlen (text, -1);
  if (length > (glong) zc_form_field_get_max_length (field))
    {
      set_error_take (check, i, "too_long",
                      /* Translators: %s is a form field's label, %u a number of characters */
                      zc_translate_printf (check->language, N_("%s must be at most %u characters long"),
                                           field_label (check, i), zc_form_field_get_max_length (field)));
      return;
    }
  if (length < (glong) zc_form_field_get_min_length (field))
    {
      set_error_take (check, i, "too_short",
                      /* Translators: %s is a form field's label, %u a number of characters */
                      zc_translate_printf (check->language, N_("%s must be at least %u characters long"),
                                           field_label (check, i), zc_form_field_get_min_length (field)));
      return;
    }

  check_text_format (check, i, field, text);
}

/* Reads a date, year-month or year value; sets the field's error if it
 * is not one. */
static gboolean
read_date (Check             *check,
           guint              i,
           const ZcFormField *field,
           JsonNode          *value,
           ZcPartialDate     *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  const char *text;
  ZcDatePrecision precision;

  if (zc_form_field_get_field_type (field) == ZC_FIELD_YEAR)
    {
      gint64 year;

      if (!read_integer (check, i, value, &year))
        return FALSE;
      year_text = g_strdup_printf ("%" G_GINT64_FORMAT, year);
      text = year_text;
      precision = ZC_DATE_PRECISION_YEAR;
    }
  else
    {
      g_assert (zc_form_field_get_field_type (field) == ZC_FIELD_DATE ||
                zc_form_field_get_field_type (field) == ZC_FIELD_YEAR_MONTH);
      if ((text = read_string (check, i, value)) == NULL)
        return FALSE;
      precision = zc_form_field_get_field_type (field) == ZC_FIELD_DATE
                  ? ZC_DATE_PRECISION_DAY : ZC_DATE_PRECISION_MONTH;
    }

  if (!zc_partial_date_parse (text, precision, date, check->language, &error))
    {
      set_error_detail (check, i, "invalid_date", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
check_dated (Check             *check,
             guint              i,
             const ZcFormField *field,
             JsonNode          *value)
{
  ZcPartialDate date;
  gint64 bound;

  if (!read_date (check, i, field, value, &date))
    return;

  if (zc_form_field_get_min (field, &bound) && date.year < bound)
    {
      set_error_take (check, i, "out_of_range",
                      /* Translators: %s is a form field's label, %d a year */
                      zc_translate_printf (check->language, N_("%s must not be earlier than %d"),
                                           field_label (check, i), (int) bound));
      return;
    }
  if (zc_form_field_get_max (field, &bound) && date.year > bound)
    {
      set_error_take (check, i, "out_of_range",
                      /* Translators: %s is a form field's label, %d a year */
                      zc_translate_printf (check->language, N_("%s must not be later than %d"),
                                           field_label (check, i), (int) bound));
      return;
    }

  if (zc_form_field_get_not_after_today (field) && zc_partial_date_is_after (&date, &check->today))
    set_error_take (check, i, "date_in_future",
                    /* Translators: %s is a form field's label */
                    zc_translate_printf (check->language, N_("%s must not be later than today"),
                                         field_label (check, i)));
}

static void
check_integer (Check             *check,
               guint              i,
               const ZcFormField *field,
               JsonNode          *value)
{
  gint64 number;
  gint64 min = 0;
  gint64 max = 0;
  gboolean has_min = zc_form_field_get_min (field, &min);
  gboolean has_max = zc_form_field_get_max (field, &max);

  if (!read_integer (check, i, value, &number))
    return;

  if ((has_min && number < min) || (has_max && number > max))
    {
      /* the bounds are 32-bit: the schema refuses others */
      if (has_min && has_max)
        set_error_take (check, i, "out_of_range",
                        /* Translators: %s is a form field's label, then the smallest and largest numbers allowed */
                        zc_translate_printf (check->language, N_("%s must be between %d and %d"),
                                             field_label (check, i), (int) min, (int) max));
      else if (has_min)
        set_error_take (check, i, "out_of_range",
                        /* Translators: %s is a form field's label */
                        zc_translate_printf (check->language, N_("%s must be at least %d"),
                                             field_label (check, i), (int) min));
      else
        set_error_take (check, i, "out_of_range",
                        /* Translators: %s is a form field's label */
                        zc_translate_printf (check->language, N_("%s must be at most %d"),
                                             field_label (check, i), (int) max));
    }
}

static gboolean
check_option (Check             *check,
              guint              i,
              const ZcFormField *field,
              JsonNode          *value)
{
  const char *code = read_string (check, i, value);

  if (code == NULL)
    return FALSE;

  if (!zc_dictionary_find (zc_form_field_get_dictionary (field), code, NULL))
    {
      g_autofree char *shown = g_utf8_validate (code, -1, NULL) ? g_strdup (code) : g_strdup ("?");

      set_error_take (check, i, "unknown_option",
                      /* Translators: %s is a form field's label, then the code the record holds */
                      zc_translate_printf (check->language, N_("%s: “%s” is not one of the options"),
                                           field_label (check, i), shown));
      return FALSE;
    }

  return TRUE;
}

static void
check_enum (Check             *check,
            guint              i,
            const ZcFormField *field,
            JsonNode          *value)
{
  JsonArray *array;

  if (!zc_form_field_get_multiple (field))
    {
      check_option (check, i, field, value);
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (value))
    {
      set_wrong_type (check, i);
      return;
    }

  array = json_node_get_array (value);
  for (guint j = 0; j < json_array_get_length (array); j++)
    {
      JsonNode *element = json_array_get_element (array, j);

      if (!check_option (check, i, field, element))
        return;
      for (guint k = 0; k < j; k++)
        if (g_strcmp0 (json_array_get_string_element (array, k), json_node_get_string (element)) == 0)
          {
            set_error_take (check, i, "unknown_option",
                            /* Translators: %s is a form field's label */
                            zc_translate_printf (check->language, N_("%s lists the same option twice"),
                                                 field_label (check, i)));
            return;
          }
    }
}

static void
check_taxonomy (Check             *check,
                guint              i,
                const ZcFormField *field,
                JsonNode          *value)
{
  g_autoptr(GError) error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (value))
    {
      set_wrong_type (check, i);
      return;
    }

  /* the built-in taxonomy is loaded only when a pick needs it */
  if (check->taxonomy == NULL)
    check->taxonomy = zc_taxonomy_get_default ();

  if (!zc_taxonomy_check_pick (check->taxonomy, json_node_get_object (value),
                               zc_form_field_get_depth (field), check->language, &error))
    set_error_detail (check, i, "invalid_taxonomy", error->message);
}

static gboolean
sha256_is_valid (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* A file name as shown: one line, no path, not too long. */
static gboolean
file_name_is_valid (const char *name)
{
  if (*name == '\0' || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > MAX_ATTACHMENT_NAME ||
      strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    return FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
member_holds (JsonObject *object,
              const char *name,
              GType       type)
{
  JsonNode *member = json_object_get_member (object, name);

  return member != NULL && node_holds (member, type);
}

/* The record of one attached file: exactly sha256, name, mime, size. */
static gboolean
attachment_is_valid (JsonNode *node)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);

  return json_object_get_size (object) == 4 &&
         member_holds (object, "sha256", G_TYPE_STRING) &&
         sha256_is_valid (json_object_get_string_member (object, "sha256")) &&
         member_holds (object, "name", G_TYPE_STRING) &&
         file_name_is_valid (json_object_get_string_member (object, "name")) &&
         member_holds (object, "mime", G_TYPE_STRING) &&
         member_holds (object, "size", G_TYPE_INT64) &&
         json_object_get_int_member (object, "size") > 0;
}

static void
check_attachments (Check             *check,
                   guint              i,
                   const ZcFormField *field,
                   JsonNode          *value)
{
  const char *label = field_label (check, i);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    {
      set_wrong_type (check, i);
      return;
    }
  array = json_node_get_array (value);
  n = json_array_get_length (array);

  for (guint j = 0; j < n; j++)
    {
      JsonNode *element = json_array_get_element (array, j);
      JsonObject *object;
      const char *name;

      if (!attachment_is_valid (element))
        {
          set_error_take (check, i, "invalid_attachment",
                          /* Translators: %s is a form field's label */
                          zc_translate_printf (check->language, N_("%s: the record of an attached file is damaged"),
                                               label));
          return;
        }
      object = json_node_get_object (element);
      name = json_object_get_string_member (object, "name");

      if (!g_hash_table_add (seen, (gpointer) json_object_get_string_member (object, "sha256")))
        {
          set_error_take (check, i, "invalid_attachment",
                          /* Translators: %s is a form field's label, then a file name */
                          zc_translate_printf (check->language, N_("%s: “%s” is attached twice"), label, name));
          return;
        }
      if (!g_strv_contains (zc_form_field_get_accept (field), json_object_get_string_member (object, "mime")))
        {
          set_error_take (check, i, "attachment_type",
                          /* Translators: %s is a form field's label, then a file name */
                          zc_translate_printf (check->language, N_("%s: “%s” is not a file of an accepted type"),
                                               label, name));
          return;
        }
      if ((guint64) json_object_get_int_member (object, "size") > zc_form_field_get_max_size (field))
        {
          g_autofree char *limit = g_format_size (zc_form_field_get_max_size (field));

          set_error_take (check, i, "attachment_too_large",
                          /* Translators: %s is a form field's label, then a file name, then a size such as "8.4 MB" */
                          zc_translate_printf (check->language, N_("%s: “%s” is larger than %s"),
                                               label, name, limit));
          return;
        }
    }

  if (zc_form_field_get_max_count (field) != 0 && n > zc_form_field_get_max_count (field))
    set_error_take (check, i, "too_many_attachments",
                    /* Translators: %s is a form field's label, %u a number of files */
                    zc_translate_printf (check->language, N_("%s: attach at most %u files"),
                                         label, zc_form_field_get_max_count (field)));
  else if (n < zc_form_field_get_min_count (field))
    set_error_take (check, i, "too_few_attachments",
                    /* Translators: %s is a form field's label, %u a number of files */
                    zc_translate_printf (check->language, N_("%s: attach at least %u files"),
                                         label, zc_form_field_get_min_count (field)));
}

static void
check_value (Check             *check,
             guint              i,
             const ZcFormField *field,
             JsonNode          *value)
{
  switch (zc_form_field_get_field_type (field))
    {
    case ZC_FIELD_TEXT:
    case ZC_FIELD_LONG_TEXT:
      check_text (check, i, field, value);
      break;
    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
    case ZC_FIELD_YEAR:
      check_dated (check, i, field, value);
      break;
    case ZC_FIELD_INTEGER:
      check_integer (check, i, field, value);
      break;
    case ZC_FIELD_ENUM:
      check_enum (check, i, field, value);
      break;
    case ZC_FIELD_BOOL:
      if (!node_holds (value, G_TYPE_BOOLEAN))
        set_wrong_type (check, i);
      break;
    case ZC_FIELD_TAXONOMY:
      check_taxonomy (check, i, field, value);
      break;
    case ZC_FIELD_ATTACHMENTS:
      check_attachments (check, i, field, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* ---- cross-field rules ---- */

static gboolean
scalar_equal (JsonNode *a,
              JsonNode *b)
{
  if (!JSON_NODE_HOLDS_VALUE (a) || !JSON_NODE_HOLDS_VALUE (b) ||
      json_node_get_value_type (a) != json_node_get_value_type (b))
    return FALSE;

  switch (json_node_get_value_type (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
    case G_TYPE_INT64:
      return json_node_get_int (a) == json_node_get_int (b);
    case G_TYPE_BOOLEAN:
      return json_node_get_boolean (a) == json_node_get_boolean (b);
    default:
      return FALSE;
    }
}

/* required-if's condition; for a multiple-choice field, "contains". */
static gboolean
condition_holds (JsonNode *value,
                 JsonNode *equals)
{
  if (value == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (scalar_equal (json_array_get_element (array, i), equals))
          return TRUE;
      return FALSE;
    }

  return scalar_equal (value, equals);
}

static void
apply_required_if (Check            *check,
                   const ZcFormRule *rule)
{
  guint target;

  if (!condition_holds (json_object_get_member (check->record, zc_form_rule_get_other (rule)),
                        zc_form_rule_get_equals (rule)))
    return;

  if (zc_form_schema_find_field_index (check->schema, zc_form_rule_get_field (rule), &target) &&
      !check->required[target])
    {
      check->required[target] = TRUE;
      check->required_message[target] = zc_form_rule_get_message (rule, check->language);
    }
}

/* Both fields of a rule hold a valid value: the rule has something to compare. */
static gboolean
rule_fields_ready (Check            *check,
                   const ZcFormRule *rule,
                   guint            *field,
                   guint            *other)
{
  return zc_form_schema_find_field_index (check->schema, zc_form_rule_get_field (rule), field) &&
         zc_form_schema_find_field_index (check->schema, zc_form_rule_get_other (rule), other) &&
         check->errors[*field] == NULL && check->errors[*other] == NULL &&
         !zc_form_value_is_empty (zc_form_schema_get_field (check->schema, *field),
                                  json_object_get_member (check->record, zc_form_rule_get_field (rule))) &&
         !zc_form_value_is_empty (zc_form_schema_get_field (check->schema, *other),
                                  json_object_get_member (check->record, zc_form_rule_get_other (rule)));
}

static void
apply_comparison (Check            *check,
                  const ZcFormRule *rule)
{
  const char *message = zc_form_rule_get_message (rule, check->language);
  guint end;
  guint start;

  if (!rule_fields_ready (check, rule, &end, &start))
    return;

  if (zc_form_rule_get_rule_type (rule) == ZC_FORM_RULE_DATE_ORDER)
    {
      ZcPartialDate end_date;
      ZcPartialDate start_date;

      /* already checked, so these cannot fail */
      if (!read_date (check, end, zc_form_schema_get_field (check->schema, end),
                      json_object_get_member (check->record, zc_form_rule_get_field (rule)), &end_date) ||
          !read_date (check, start, zc_form_schema_get_field (check->schema, start),
                      json_object_get_member (check->record, zc_form_rule_get_other (rule)), &start_date))
        return;

      if (zc_partial_date_compare (&end_date, &start_date) >= 0)
        return;

      if (message != NULL)
        set_error (check, end, "end_before_start", message);
      else
        set_error_take (check, end, "end_before_start",
                        /* Translators: two form field labels, e.g. "Graduation date must not be before Start date" */
                        zc_translate_printf (check->language, N_("%s must not be before %s"),
                                             field_label (check, end), field_label (check, start)));
    }
  else
    {
      gint64 value = json_object_get_int_member (check->record, zc_form_rule_get_field (rule));
      gint64 than = json_object_get_int_member (check->record, zc_form_rule_get_other (rule));

      if (value <= than)
        return;

      if (message != NULL)
        set_error (check, end, "greater_than", message);
      else
        set_error_take (check, end, "greater_than",
                        /* Translators: two form field labels, e.g. "Specialty years must not be greater than Work years" */
                        zc_translate_printf (check->language, N_("%s must not be greater than %s"),
                                             field_label (check, end), field_label (check, start)));
    }
}

/**
 * zc_form_validate:
 * @schema: the form
 * @record: the record's values, one member per field id
 * @context: (nullable): today and the taxonomy; %NULL for the defaults
 * @language: the language of the messages
 * @errors_out: (out) (optional) (transfer container) (element-type ZcFieldError):
 *   every error found, in the order of the form's fields, then one
 *   "unknown_field" error per member the form does not define; empty
 *   when the record is valid
 *
 * Checks each field (required, JSON type, length, format, range,
 * options, title pick, attachments), then the form's rules.
 *
 * Returns: %TRUE when @record is valid
 */
gboolean
zc_form_validate (ZcFormSchema              *schema,
                  JsonObject                *record,
                  const ZcValidationContext *context,
                  ZcLanguage                 language,
                  GPtrArray                **errors_out)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GList) members = NULL;
  guint n_fields;
  Check check = { 0 };

  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  n_fields = zc_form_schema_get_n_fields (schema);
  check.schema = schema;
  check.record = record;
  check.language = language;
  check.errors = g_new0 (ZcFieldError *, n_fields);
  check.required = g_new0 (gboolean, n_fields);
  check.required_message = g_new0 (const char *, n_fields);
  if (context != NULL && g_date_valid (&context->today))
    check.today = context->today;
  else
    zc_date_today_in_beijing (&check.today);
  check.taxonomy = context != NULL ? context->taxonomy : NULL;

  for (guint i = 0; i < n_fields; i++)
    check.required[i] = zc_form_field_get_required (zc_form_schema_get_field (schema, i));
  for (guint r = 0; r < zc_form_schema_get_n_rules (schema); r++)
    if (zc_form_rule_get_rule_type (zc_form_schema_get_rule (schema, r)) == ZC_FORM_RULE_REQUIRED_IF)
      apply_required_if (&check, zc_form_schema_get_rule (schema, r));

  for (guint i = 0; i < n_fields; i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, i);
      JsonNode *value = json_object_get_member (record, zc_form_field_get_id (field));

      if (!zc_form_value_is_empty (field, value))
        check_value (&check, i, field, value);
      else if (check.required[i] && check.required_message[i] != NULL)
        set_error (&check, i, "required", check.required_message[i]);
      else if (check.required[i])
        set_error_take (&check, i, "required",
                        /* Translators: %s is a form field's label */
                        zc_translate_printf (language, N_("%s is required"), field_label (&check, i)));
    }

  for (guint r = 0; r < zc_form_schema_get_n_rules (schema); r++)
    if (zc_form_rule_get_rule_type (zc_form_schema_get_rule (schema, r)) != ZC_FORM_RULE_REQUIRED_IF)
      apply_comparison (&check, zc_form_schema_get_rule (schema, r));

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  for (guint i = 0; i < n_fields; i++)
    if (check.errors[i] != NULL)
      g_ptr_array_add (errors, g_steal_pointer (&check.errors[i]));

  members = json_object_get_members (record);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *shown = NULL;
      g_autofree char *message = NULL;

      if (zc_form_schema_find_field (schema, name) != NULL)
        continue;

      shown = g_utf8_validate (name, -1, NULL) ? g_strdup (name) : g_strdup ("?");
      /* Translators: %s is the name of a member of a record, not a label */
      message = zc_translate_printf (language, N_("“%s” is not a field of this form"), shown);
      g_ptr_array_add (errors, zc_field_error_new (shown, "unknown_field", message));
    }

  g_free (check.errors);
  g_free (check.required);
  g_free (check.required_message);

  if (errors_out != NULL)
    *errors_out = g_ptr_array_ref (errors);

  return errors->len == 0;
}

