/* zc-form-schema-loader.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-form-schema"

#include "config.h"

#include <string.h>

#include "zc-form-schema-loader.h"
#include "zc-form-schema-private.h"

/* Builds a ZcFormSchema from its JSON: zc_form_schema_new_from_json().
 *
 * A schema is data written by hand and read by three programs (the
 * validator, the client's form widget, the review-form renderer), so it
 * is refused outright on anything doubtful: an unknown or misplaced
 * key, a wrong JSON type, a dangling field reference.  Every error
 * names the form, the field or rule, and the key.  docs/forms.md is the
 * reference for the format. */

#define DEFAULT_MAX_SIZE (8 * 1024 * 1024)  /* the Sichuan manual's limit per PDF */
#define MAX_TEXT_LENGTH 100000

static const char * const depth_names[] = { "series", "category", "level", "title", "specialty", NULL };

static const char * const field_common_keys[] = {
  "id", "type", "label", "help", "section", "required", "readonly_after_registration", NULL,
};

/* The keys each type adds; a key of another type is refused by name. */
static const char * const field_type_keys[ZC_N_FIELD_TYPES][5] = {
  [ZC_FIELD_TEXT]        = { "max_length", "min_length", "format", NULL },
  [ZC_FIELD_LONG_TEXT]   = { "max_length", "min_length", NULL },
  [ZC_FIELD_DATE]        = { "not_after_today", NULL },
  [ZC_FIELD_YEAR_MONTH]  = { "not_after_today", NULL },
  [ZC_FIELD_YEAR]        = { "min", "max", "not_after_today", NULL },
  [ZC_FIELD_INTEGER]     = { "min", "max", "unit", NULL },
  [ZC_FIELD_ENUM]        = { "dictionary", "multiple", NULL },
  [ZC_FIELD_BOOL]        = { NULL },
  [ZC_FIELD_TAXONOMY]    = { "depth", NULL },
  [ZC_FIELD_ATTACHMENTS] = { "accept", "max_size", "max_count", "min_count", NULL },
};

static const char * const schema_keys[] = {
  "id", "kind", "title", "order", "series", "summary", "sources", "fields", "rules", NULL,
};

static const char * const rule_keys[ZC_N_FORM_RULE_TYPES][6] = {
  [ZC_FORM_RULE_DATE_ORDER]  = { "type", "start", "end", "open_end", "message", NULL },
  [ZC_FORM_RULE_NOT_GREATER] = { "type", "field", "than", "message", NULL },
  [ZC_FORM_RULE_REQUIRED_IF] = { "type", "field", "when", "equals", "message", NULL },
};

static const char * const default_accept[] = { "application/pdf", "image/jpeg", "image/png", NULL };

/* ---- reading JSON with the place of every error ---- */

static void
set_invalid (GError     **error,
             const char  *place,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
set_invalid (GError     **error,
             const char  *place,
             const char  *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID, "%s: %s", place, detail);
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A displayed text: non-empty, one line, no surrounding spaces. */
static gboolean
text_is_valid (const char *text)
{
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;

  return !g_unichar_isspace (g_utf8_get_char (text)) &&
         !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + strlen (text))));
}

/* Form ids use hyphens, field ids underscores; either also makes a
 * safe file name. */
gboolean
zc_form_id_is_valid (const char *id,
                     char        separator)
{
  if (!g_ascii_islower (*id))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == separator))
      return FALSE;

  return TRUE;
}

static gboolean
check_keys (JsonObject         *object,
            const char * const *allowed,
            const char * const *also_allowed,
            const char         *place,
            GError            **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (allowed, name) &&
          (also_allowed == NULL || !g_strv_contains (also_allowed, name)))
        {
          set_invalid (error, place, "unknown or misplaced key “%s”", name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_text (JsonObject  *object,
           const char  *key,
           gboolean     required,
           const char  *place,
           char       **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && !required)
    return TRUE;

  if (!node_holds (node, G_TYPE_STRING) || !text_is_valid (json_node_get_string (node)))
    {
      set_invalid (error, place, "“%s” must be a non-empty single-line string without surrounding spaces", key);
      return FALSE;
    }

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *key,
           const char  *place,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;

  if (!node_holds (node, G_TYPE_BOOLEAN))
    {
      set_invalid (error, place, "“%s” must be true or false", key);
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *key,
          gboolean     required,
          gint64       min,
          gint64       max,
          const char  *place,
          gboolean    *present,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && !required)
    return TRUE;

  if (!node_holds (node, G_TYPE_INT64) ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      set_invalid (error, place, "“%s” must be an integer from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                   key, min, max);
      return FALSE;
    }

  if (present != NULL)
    *present = TRUE;
  *out = json_node_get_int (node);
  return TRUE;
}

/* An array of distinct strings, each passing @check. */
static gboolean
read_strv (JsonObject  *object,
           const char  *key,
           gboolean     non_empty,
           gboolean   (*check) (const char *),
           const char  *place,
           char      ***out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      (non_empty && json_array_get_length (json_node_get_array (node)) == 0))
    {
      set_invalid (error, place, "“%s” must be an array of strings%s", key, non_empty ? ", not empty" : "");
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *string = node_holds (element, G_TYPE_STRING) ? json_node_get_string (element) : NULL;

      if (string == NULL || !check (string))
        {
          set_invalid (error, place, "“%s”[%u] is not a valid value", key, i);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (json_array_get_string_element (array, j), string) == 0)
          {
            set_invalid (error, place, "“%s” lists “%s” twice", key, string);
            return FALSE;
          }
      g_strv_builder_add (builder, string);
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
series_code_is_valid (const char *code)
{
  if (*code == '\0')
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
field_id_is_valid (const char *id)
{
  return zc_form_id_is_valid (id, '_');
}

/* "type/subtype", lower case, as attachment records carry them */
static gboolean
mime_type_is_valid (const char *mime)
{
  const char *slash = strchr (mime, '/');

  if (slash == NULL || slash == mime || slash[1] == '\0' || strchr (slash + 1, '/') != NULL)
    return FALSE;
  for (const char *p = mime; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || strchr ("/.+-", *p) != NULL))
      return FALSE;
  return TRUE;
}

/* ---- fields ---- */

static gboolean
read_field_type_keys (ZcFormField  *field,
                      JsonObject   *object,
                      const char   *place,
                      GError      **error)
{
  gint64 value = 0;
  gint64 max_size = DEFAULT_MAX_SIZE;
  gint64 max_count = 0;  /* no limit */
  gint64 min_count = 0;
  const char *type_name = zc_field_type_to_string (field->type);

  switch (field->type)
    {
    case ZC_FIELD_TEXT:
    case ZC_FIELD_LONG_TEXT:
      if (!json_object_has_member (object, "max_length"))
        {
          set_invalid (error, place, "“max_length” is required for %s fields", type_name);
          return FALSE;
        }
      if (!read_int (object, "max_length", TRUE, 1, MAX_TEXT_LENGTH, place, NULL, &value, error))
        return FALSE;
      field->max_length = (guint) value;
      if (!read_int (object, "min_length", FALSE, 0, field->max_length, place, NULL, &value, error))
        return FALSE;
      field->min_length = json_object_has_member (object, "min_length") ? (guint) value : 0;
      if (json_object_has_member (object, "format"))
        {
          JsonNode *node = json_object_get_member (object, "format");

          if (!node_holds (node, G_TYPE_STRING) ||
              !zc_field_format_from_string (json_node_get_string (node), &field->format))
            {
              set_invalid (error, place, "“format” must be one of id-number, credit-code, mobile, phone, "
                           "email, postcode, issn, isbn, cn-serial");
              return FALSE;
            }
        }
      return TRUE;

    case ZC_FIELD_YEAR:
    case ZC_FIELD_INTEGER:
      if (!read_int (object, "min", FALSE, G_MININT32, G_MAXINT32, place, &field->has_min, &field->min, error) ||
          !read_int (object, "max", FALSE, G_MININT32, G_MAXINT32, place, &field->has_max, &field->max, error))
        return FALSE;
      if (field->has_min && field->has_max && field->min > field->max)
        {
          set_invalid (error, place, "“min” is greater than “max”");
          return FALSE;
        }
      if (field->type == ZC_FIELD_INTEGER)
        return read_text (object, "unit", FALSE, place, &field->unit, error);
      return read_bool (object, "not_after_today", place, &field->not_after_today, error);

    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
      return read_bool (object, "not_after_today", place, &field->not_after_today, error);

    case ZC_FIELD_ENUM:
      {
        g_autofree char *dictionary_id = NULL;
        g_autoptr(GError) local_error = NULL;

        if (!read_text (object, "dictionary", TRUE, place, &dictionary_id, error))
          return FALSE;
        field->dictionary = zc_dictionary_lookup (dictionary_id, &local_error);
        if (field->dictionary == NULL)
          {
            set_invalid (error, place, "the dictionary “%s” cannot be used: %s",
                         dictionary_id, local_error->message);
            return FALSE;
          }
        return read_bool (object, "multiple", place, &field->multiple, error);
      }

    case ZC_FIELD_BOOL:
      return TRUE;

    case ZC_FIELD_TAXONOMY:
      field->depth = g_strdup ("title");
      if (json_object_has_member (object, "depth"))
        {
          JsonNode *node = json_object_get_member (object, "depth");

          if (!node_holds (node, G_TYPE_STRING) ||
              !g_strv_contains (depth_names, json_node_get_string (node)))
            {
              set_invalid (error, place, "“depth” must be one of series, category, level, title, specialty");
              return FALSE;
            }
          g_free (field->depth);
          field->depth = g_strdup (json_node_get_string (node));
        }
      return TRUE;

    case ZC_FIELD_ATTACHMENTS:
      /* read_int() leaves the defaults of absent keys alone */
      field->accept = g_strdupv ((char **) default_accept);
      if (!read_strv (object, "accept", TRUE, mime_type_is_valid, place, &field->accept, error) ||
          !read_int (object, "max_size", FALSE, 1, G_MAXINT64, place, NULL, &max_size, error) ||
          !read_int (object, "max_count", FALSE, 1, 1000, place, NULL, &max_count, error) ||
          !read_int (object, "min_count", FALSE, 0, 1000, place, NULL, &min_count, error))
        return FALSE;
      field->max_size = (guint64) max_size;
      field->max_count = (guint) max_count;
      field->min_count = (guint) min_count;
      if (field->max_count != 0 && field->min_count > field->max_count)
        {
          set_invalid (error, place, "“min_count” is greater than “max_count”");
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_field (ZcFormSchema  *schema,
            ZcFormField   *field,
            guint          i,
            JsonNode      *node,
            GError       **error)
{
  g_autofree char *place = g_strdup_printf ("form “%s”, fields[%u]", schema->id, i);
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, place, "a field must be an object");
      return FALSE;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "id");
  if (!node_holds (member, G_TYPE_STRING) || !field_id_is_valid (json_node_get_string (member)))
    {
      set_invalid (error, place, "“id” must be a string of lower-case letters, digits and underscores, "
                   "starting with a letter");
      return FALSE;
    }
  field->id = g_strdup (json_node_get_string (member));
  g_free (place);
  place = g_strdup_printf ("form “%s”, field “%s”", schema->id, field->id);

  if (g_hash_table_contains (schema->by_id, field->id))
    {
      set_invalid (error, place, "the id is used by an earlier field");
      return FALSE;
    }

  member = json_object_get_member (object, "type");
  if (!node_holds (member, G_TYPE_STRING) ||
      !zc_field_type_from_string (json_node_get_string (member), &field->type))
    {
      set_invalid (error, place, "“type” must be one of text, long-text, date, year-month, year, integer, "
                   "enum, bool, taxonomy, attachments");
      return FALSE;
    }

  if (!check_keys (object, field_common_keys, field_type_keys[field->type], place, error) ||
      !read_text (object, "label", TRUE, place, &field->label, error) ||
      !read_text (object, "help", FALSE, place, &field->help, error) ||
      !read_text (object, "section", FALSE, place, &field->section, error) ||
      !read_bool (object, "required", place, &field->required, error) ||
      !read_bool (object, "readonly_after_registration", place, &field->readonly_after_registration, error))
    return FALSE;

  if (json_object_has_member (object, "readonly_after_registration") &&
      schema->kind != ZC_FORM_KIND_PERSONAL_INFO)
    {
      set_invalid (error, place, "“readonly_after_registration” applies to personal-info forms only");
      return FALSE;
    }

  return read_field_type_keys (field, object, place, error);
}

/* ---- rules ---- */

static ZcFormField *
rule_field (ZcFormSchema  *schema,
            JsonObject    *object,
            const char    *key,
            const char    *place,
            char         **id_out,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, key);
  guint index;

  if (!node_holds (node, G_TYPE_STRING))
    {
      set_invalid (error, place, "“%s” must name a field", key);
      return NULL;
    }

  if (!zc_form_schema_find_field_index (schema, json_node_get_string (node), &index))
    {
      set_invalid (error, place, "“%s” names “%s”, which is not a field of this form",
                   key, json_node_get_string (node));
      return NULL;
    }

  *id_out = g_strdup (json_node_get_string (node));
  return &schema->fields[index];
}

static gboolean
is_dated (ZcFieldType type)
{
  return type == ZC_FIELD_DATE || type == ZC_FIELD_YEAR_MONTH || type == ZC_FIELD_YEAR;
}

/* The value of required-if's "equals" must be one the other field can hold. */
static gboolean
equals_fits (const ZcFormField *when,
             JsonNode          *equals)
{
  switch (when->type)
    {
    case ZC_FIELD_BOOL:
      return node_holds (equals, G_TYPE_BOOLEAN);
    case ZC_FIELD_INTEGER:
    case ZC_FIELD_YEAR:
      return node_holds (equals, G_TYPE_INT64);
    case ZC_FIELD_ENUM:
      return node_holds (equals, G_TYPE_STRING) &&
             zc_dictionary_find (when->dictionary, json_node_get_string (equals), NULL);
    case ZC_FIELD_TEXT:
    case ZC_FIELD_LONG_TEXT:
    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
      return node_holds (equals, G_TYPE_STRING) && *json_node_get_string (equals) != '\0';
    case ZC_FIELD_TAXONOMY:
    case ZC_FIELD_ATTACHMENTS:
    default:
      return FALSE;
    }
}

static gboolean
read_rule (ZcFormSchema  *schema,
           ZcFormRule    *rule,
           guint          i,
           JsonNode      *node,
           GError       **error)
{
  g_autofree char *place = g_strdup_printf ("form “%s”, rules[%u]", schema->id, i);
  JsonObject *object;
  JsonNode *member;
  ZcFormField *field;
  ZcFormField *other;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, place, "a rule must be an object");
      return FALSE;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "type");
  if (!node_holds (member, G_TYPE_STRING) ||
      !zc_form_rule_type_from_string (json_node_get_string (member), &rule->type))
    {
      set_invalid (error, place, "“type” must be one of date-order, not-greater, required-if");
      return FALSE;
    }
  g_free (place);
  place = g_strdup_printf ("form “%s”, rules[%u] (%s)", schema->id, i, zc_form_rule_type_to_string (rule->type));

  if (!check_keys (object, rule_keys[rule->type], NULL, place, error) ||
      !read_text (object, "message", FALSE, place, &rule->message, error))
    return FALSE;

  switch (rule->type)
    {
    case ZC_FORM_RULE_DATE_ORDER:
      if ((other = rule_field (schema, object, "start", place, &rule->other, error)) == NULL ||
          (field = rule_field (schema, object, "end", place, &rule->field, error)) == NULL ||
          !read_bool (object, "open_end", place, &rule->open_end, error))
        return FALSE;
      if (!is_dated (field->type) || !is_dated (other->type))
        {
          set_invalid (error, place, "“start” and “end” must be date, year-month or year fields");
          return FALSE;
        }
      /* "to date" is written as an empty end, which a required end forbids */
      if (rule->open_end && field->required)
        {
          set_invalid (error, place, "with “open_end” the end field “%s” must not be required", field->id);
          return FALSE;
        }
      field->open_end = field->open_end || rule->open_end;
      break;

    case ZC_FORM_RULE_NOT_GREATER:
      if ((field = rule_field (schema, object, "field", place, &rule->field, error)) == NULL ||
          (other = rule_field (schema, object, "than", place, &rule->other, error)) == NULL)
        return FALSE;
      if (field->type != ZC_FIELD_INTEGER || other->type != ZC_FIELD_INTEGER)
        {
          set_invalid (error, place, "“field” and “than” must be integer fields");
          return FALSE;
        }
      break;

    case ZC_FORM_RULE_REQUIRED_IF:
      if ((field = rule_field (schema, object, "field", place, &rule->field, error)) == NULL ||
          (other = rule_field (schema, object, "when", place, &rule->other, error)) == NULL)
        return FALSE;
      if (field->required)
        {
          set_invalid (error, place, "“%s” is always required already", field->id);
          return FALSE;
        }
      member = json_object_get_member (object, "equals");
      if (member == NULL || !equals_fits (other, member))
        {
          set_invalid (error, place, "“equals” must be a value the field “%s” can hold", other->id);
          return FALSE;
        }
      rule->equals = json_node_copy (member);
      break;

    default:
      g_assert_not_reached ();
    }

  if (field == other)
    {
      set_invalid (error, place, "a rule must relate two different fields");
      return FALSE;
    }

  return TRUE;
}

/* ---- the form ---- */

static gboolean
read_header (ZcFormSchema  *schema,
             JsonObject    *object,
             GError       **error)
{
  g_autofree char *place = NULL;
  JsonNode *member;
  gint64 order = 0;

  member = json_object_get_member (object, "id");
  if (!node_holds (member, G_TYPE_STRING) || !zc_form_id_is_valid (json_node_get_string (member), '-'))
    {
      set_invalid (error, "form", "“id” must be a string of lower-case letters, digits and hyphens, "
                   "starting with a letter");
      return FALSE;
    }
  schema->id = g_strdup (json_node_get_string (member));
  place = g_strdup_printf ("form “%s”", schema->id);

  member = json_object_get_member (object, "kind");
  if (!node_holds (member, G_TYPE_STRING) ||
      !zc_form_kind_from_string (json_node_get_string (member), &schema->kind))
    {
      set_invalid (error, place, "“kind” must be one of archive-category, series-block, personal-info, declaration");
      return FALSE;
    }

  if (!check_keys (object, schema_keys, NULL, place, error) ||
      !read_text (object, "title", TRUE, place, &schema->title, error))
    return FALSE;

  /* the sidebar needs a position for every archive category and block */
  if (!read_int (object, "order", schema->kind == ZC_FORM_KIND_ARCHIVE_CATEGORY ||
                                  schema->kind == ZC_FORM_KIND_SERIES_BLOCK,
                 0, 10000, place, NULL, &order, error))
    return FALSE;
  schema->order = (int) order;

  if (json_object_has_member (object, "series") && schema->kind != ZC_FORM_KIND_SERIES_BLOCK)
    {
      set_invalid (error, place, "“series” applies to series-block forms only");
      return FALSE;
    }
  if (!read_strv (object, "series", TRUE, series_code_is_valid, place, &schema->series, error) ||
      !read_strv (object, "sources", FALSE, text_is_valid, place, &schema->sources, error) ||
      !read_strv (object, "summary", schema->kind == ZC_FORM_KIND_ARCHIVE_CATEGORY,
                  field_id_is_valid, place, &schema->summary, error))
    return FALSE;

  /* list rows of archive entries are built from the summary */
  if (schema->kind == ZC_FORM_KIND_ARCHIVE_CATEGORY && schema->summary == NULL)
    {
      set_invalid (error, place, "“summary” is required for archive-category forms");
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_form_schema_new_from_json:
 * @root: a parsed schema file
 * @error: return location for a %ZC_FORM_SCHEMA_ERROR_INVALID error
 *
 * Builds a schema, resolving each enum field's dictionary with
 * zc_dictionary_lookup().
 *
 * Returns: (transfer full) (nullable): the schema, or %NULL with
 *   @error naming the form, the field or rule and the key at fault
 */
ZcFormSchema *
zc_form_schema_new_from_json (JsonNode  *root,
                              GError   **error)
{
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autofree char *place = NULL;
  g_autoptr(GHashTable) labels = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *array;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, "form", "the file must hold a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);

  schema = g_new0 (ZcFormSchema, 1);
  g_atomic_ref_count_init (&schema->ref_count);
  schema->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (!read_header (schema, object, error))
    return NULL;
  place = g_strdup_printf ("form “%s”", schema->id);

  member = json_object_get_member (object, "fields");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member) ||
      json_array_get_length (json_node_get_array (member)) == 0)
    {
      set_invalid (error, place, "“fields” must be a non-empty array");
      return NULL;
    }
  array = json_node_get_array (member);
  schema->fields = g_new0 (ZcFormField, json_array_get_length (array));
  labels = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      ZcFormField *field = &schema->fields[i];

      schema->n_fields = i + 1;  /* so that unref frees a half-read field */
      if (!read_field (schema, field, i, json_array_get_element (array, i), error))
        return NULL;
      /* messages name fields by label, so a label must say which field */
      if (g_hash_table_contains (labels, field->label))
        {
          set_invalid (error, place, "fields “%s” and an earlier one share the label “%s”",
                       field->id, field->label);
          return NULL;
        }
      g_hash_table_add (labels, field->label);
      g_hash_table_insert (schema->by_id, field->id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; schema->summary != NULL && schema->summary[i] != NULL; i++)
    {
      guint index;

      if (!zc_form_schema_find_field_index (schema, schema->summary[i], &index))
        {
          set_invalid (error, place, "“summary” names “%s”, which is not a field of this form",
                       schema->summary[i]);
          return NULL;
        }
      if (schema->fields[index].type == ZC_FIELD_ATTACHMENTS)
        {
          set_invalid (error, place, "“summary” cannot show the attachments field “%s”", schema->summary[i]);
          return NULL;
        }
    }
  if (schema->summary == NULL)
    schema->summary = g_new0 (char *, 1);
  if (schema->sources == NULL)
    schema->sources = g_new0 (char *, 1);

  member = json_object_get_member (object, "rules");
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          set_invalid (error, place, "“rules” must be an array");
          return NULL;
        }
      array = json_node_get_array (member);
      schema->rules = g_new0 (ZcFormRule, json_array_get_length (array));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          schema->n_rules = i + 1;
          if (!read_rule (schema, &schema->rules[i], i, json_array_get_element (array, i), error))
            return NULL;
        }
    }

  return g_steal_pointer (&schema);
}
