/* zc-form-schema.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-form-schema"

#include "config.h"

#include <string.h>

#include "zc-data.h"
#include "zc-form-schema.h"

/* A schema is data written by hand and read by three programs (the
 * validator, the client's form widget, the review-form renderer), so it
 * is refused outright on anything doubtful: an unknown or misplaced
 * key, a wrong JSON type, a dangling field reference.  Every error
 * names the form, the field or rule, and the key.  docs/forms.md is the
 * reference for the format. */

#define DEFAULT_MAX_SIZE (8 * 1024 * 1024)  /* the Sichuan manual's limit per PDF */
#define MAX_TEXT_LENGTH 100000

struct _ZcFormField
{
  char          *id;         /* owned */
  ZcFieldType    type;
  char          *label;      /* owned; this and the other texts are English msgids */
  char          *help;       /* owned, nullable */
  char          *section;    /* owned, nullable */
  gboolean       required;
  gboolean       readonly_after_registration;
  guint          max_length; /* 0: no limit (non-text types) */
  guint          min_length;
  ZcFieldFormat  format;
  gboolean       has_min;
  gboolean       has_max;
  gint64         min;
  gint64         max;
  char          *unit;       /* owned, nullable */
  ZcDictionary  *dictionary; /* owned, enum only */
  gboolean       multiple;
  char          *depth;      /* owned, taxonomy only */
  char         **accept;     /* owned, attachments only */
  guint64        max_size;
  guint          max_count;  /* 0: no limit */
  guint          min_count;
  gboolean       not_after_today;
  gboolean       open_end;   /* the end of an open-ended date-order rule */
};

struct _ZcFormRule
{
  ZcFormRuleType  type;
  char           *field;    /* owned: end / field / field */
  char           *other;    /* owned: start / than / when */
  gboolean        open_end;
  JsonNode       *equals;   /* owned, required-if only */
  char           *message;  /* owned, nullable */
};

struct _ZcFormSchema
{
  gatomicrefcount  ref_count;
  char            *id;       /* owned */
  ZcFormKind       kind;
  char            *title;    /* owned */
  int              order;
  char           **series;   /* owned, nullable */
  char           **summary;  /* owned */
  char           **sources;  /* owned */
  ZcFormField     *fields;   /* owned, n_fields of them */
  guint            n_fields;
  ZcFormRule      *rules;    /* owned, n_rules of them */
  guint            n_rules;
  GHashTable      *by_id;    /* owned: field id (borrowed) → index + 1 */
};

G_DEFINE_QUARK (zc-form-schema-error-quark, zc_form_schema_error)
G_DEFINE_BOXED_TYPE (ZcFormSchema, zc_form_schema, zc_form_schema_ref, zc_form_schema_unref)

static const char * const field_type_names[ZC_N_FIELD_TYPES] = {
  "text", "long-text", "date", "year-month", "year", "integer", "enum", "bool", "taxonomy", "attachments",
};

static const char * const field_format_names[ZC_N_FIELD_FORMATS] = {
  "", "id-number", "credit-code", "mobile", "phone", "email", "postcode", "issn", "isbn", "cn-serial",
};

static const char * const form_kind_names[ZC_N_FORM_KINDS] = {
  "archive-category", "series-block", "personal-info", "declaration",
};

static const char * const rule_type_names[ZC_N_FORM_RULE_TYPES] = {
  "date-order", "not-greater", "required-if",
};

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

static GMutex cache_mutex;
static GHashTable *cache;  /* data path → ZcFormSchema, both owned */

static gboolean
name_to_enum (const char         *string,
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
  if (!name_to_enum (string, field_type_names, ZC_N_FIELD_TYPES, &value))
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
  if (!name_to_enum (string, field_format_names, ZC_N_FIELD_FORMATS, &value))
    return FALSE;
  *format = (ZcFieldFormat) value;
  return TRUE;
}

const char *
zc_form_kind_to_string (ZcFormKind kind)
{
  g_return_val_if_fail ((guint) kind < ZC_N_FORM_KINDS, NULL);
  return form_kind_names[kind];
}

gboolean
zc_form_kind_from_string (const char *string,
                          ZcFormKind *kind)
{
  guint value;

  g_return_val_if_fail (kind != NULL, FALSE);
  if (!name_to_enum (string, form_kind_names, ZC_N_FORM_KINDS, &value))
    return FALSE;
  *kind = (ZcFormKind) value;
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
  if (!name_to_enum (string, rule_type_names, ZC_N_FORM_RULE_TYPES, &value))
    return FALSE;
  *type = (ZcFormRuleType) value;
  return TRUE;
}

ZcFormSchema *
zc_form_schema_ref (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);

  g_atomic_ref_count_inc (&schema->ref_count);
  return schema;
}

static void
field_clear (ZcFormField *field)
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
zc_form_schema_unref (ZcFormSchema *schema)
{
  g_return_if_fail (schema != NULL);

  if (!g_atomic_ref_count_dec (&schema->ref_count))
    return;

  for (guint i = 0; i < schema->n_fields; i++)
    field_clear (&schema->fields[i]);
  g_free (schema->fields);
  for (guint i = 0; i < schema->n_rules; i++)
    {
      g_free (schema->rules[i].field);
      g_free (schema->rules[i].other);
      g_clear_pointer (&schema->rules[i].equals, json_node_unref);
      g_free (schema->rules[i].message);
    }
  g_free (schema->rules);
  g_clear_pointer (&schema->by_id, g_hash_table_unref);
  g_free (schema->id);
  g_free (schema->title);
  g_strfreev (schema->series);
  g_strfreev (schema->summary);
  g_strfreev (schema->sources);
  g_free (schema);
}

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

static gboolean
id_is_valid (const char *id,
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
  return id_is_valid (id, '_');
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
  gboolean present = FALSE;
  const char *type_name = field_type_names[field->type];

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
      field->accept = g_strdupv ((char **) default_accept);
      if (!read_strv (object, "accept", TRUE, mime_type_is_valid, place, &field->accept, error))
        return FALSE;
      field->max_size = DEFAULT_MAX_SIZE;
      if (!read_int (object, "max_size", FALSE, 1, G_MAXINT64, place, NULL, &value, error))
        return FALSE;
      if (json_object_has_member (object, "max_size"))
        field->max_size = (guint64) value;
      if (!read_int (object, "max_count", FALSE, 1, 1000, place, &present, &value, error))
        return FALSE;
      field->max_count = present ? (guint) value : 0;
      present = FALSE;
      if (!read_int (object, "min_count", FALSE, 0, 1000, place, &present, &value, error))
        return FALSE;
      field->min_count = present ? (guint) value : 0;
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
  gpointer index;

  if (!node_holds (node, G_TYPE_STRING))
    {
      set_invalid (error, place, "“%s” must name a field", key);
      return NULL;
    }

  index = g_hash_table_lookup (schema->by_id, json_node_get_string (node));
  if (index == NULL)
    {
      set_invalid (error, place, "“%s” names “%s”, which is not a field of this form",
                   key, json_node_get_string (node));
      return NULL;
    }

  *id_out = g_strdup (json_node_get_string (node));
  return &schema->fields[GPOINTER_TO_UINT (index) - 1];
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
  place = g_strdup_printf ("form “%s”, rules[%u] (%s)", schema->id, i, rule_type_names[rule->type]);

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
  if (!node_holds (member, G_TYPE_STRING) || !id_is_valid (json_node_get_string (member), '-'))
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
      gpointer index = g_hash_table_lookup (schema->by_id, schema->summary[i]);

      if (index == NULL)
        {
          set_invalid (error, place, "“summary” names “%s”, which is not a field of this form",
                       schema->summary[i]);
          return NULL;
        }
      if (schema->fields[GPOINTER_TO_UINT (index) - 1].type == ZC_FIELD_ATTACHMENTS)
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

/* ---- loading ---- */

static const struct {
  const char *folder;
  ZcFormKind  kind;
} kind_folders[] = {
  { "forms/archive",     ZC_FORM_KIND_ARCHIVE_CATEGORY },
  { "forms/series",      ZC_FORM_KIND_SERIES_BLOCK },
  { "forms/declaration", ZC_FORM_KIND_DECLARATION },
};

#define PERSONAL_INFO_PATH "forms/personal-info.json"

/* The kind a built-in path implies, so a file cannot sit in the wrong folder. */
static gboolean
kind_of_path (const char *path,
              ZcFormKind *kind)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (strcmp (path, PERSONAL_INFO_PATH) == 0)
    {
      *kind = ZC_FORM_KIND_PERSONAL_INFO;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kind_folders); i++)
    if (strcmp (folder, kind_folders[i].folder) == 0)
      {
        *kind = kind_folders[i].kind;
        return TRUE;
      }
  return FALSE;
}

/**
 * zc_form_schema_load:
 * @path: a path relative to data/, such as "forms/archive/papers.json"
 * @error: return location for a #ZC_FORM_SCHEMA_ERROR
 *
 * Reads a schema afresh; the file name must be the form's id, and a
 * file in one of the built-in folders must be of that folder's kind.
 *
 * Returns: (transfer full) (nullable): the schema
 */
ZcFormSchema *
zc_form_schema_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autofree char *base = NULL;
  ZcFormKind kind;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = zc_data_load_json (path, &local_error);
  if (root == NULL)
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR,
                   g_error_matches (local_error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND)
                     ? ZC_FORM_SCHEMA_ERROR_NOT_FOUND : ZC_FORM_SCHEMA_ERROR_INVALID,
                   "%s", local_error->message);
      return NULL;
    }

  schema = zc_form_schema_new_from_json (root, &local_error);
  if (schema == NULL)
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  base = g_path_get_basename (path);
  if (!g_str_has_suffix (base, ".json") ||
      strlen (base) != strlen (schema->id) + strlen (".json") ||
      strncmp (base, schema->id, strlen (schema->id)) != 0)
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID,
                   "%s: the id “%s” differs from the file name", path, schema->id);
      return NULL;
    }

  if (kind_of_path (path, &kind) && kind != schema->kind)
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_INVALID,
                   "%s: a %s form does not belong in this folder", path, form_kind_names[schema->kind]);
      return NULL;
    }

  return g_steal_pointer (&schema);
}

/* Called with cache_mutex held. */
static ZcFormSchema *
load_cached (const char  *path,
             GError     **error)
{
  ZcFormSchema *schema;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) zc_form_schema_unref);

  schema = g_hash_table_lookup (cache, path);
  if (schema == NULL)
    {
      schema = zc_form_schema_load (path, error);
      if (schema == NULL)
        return NULL;
      g_hash_table_insert (cache, g_strdup (path), schema);
    }

  return zc_form_schema_ref (schema);
}

static int
compare_by_order (gconstpointer a,
                  gconstpointer b)
{
  ZcFormSchema *schema_a = *(ZcFormSchema * const *) a;
  ZcFormSchema *schema_b = *(ZcFormSchema * const *) b;

  if (schema_a->order != schema_b->order)
    return schema_a->order < schema_b->order ? -1 : 1;
  return strcmp (schema_a->id, schema_b->id);
}

/**
 * zc_form_schema_load_all:
 * @kind: which forms
 * @error: return location for a #ZC_FORM_SCHEMA_ERROR
 *
 * The built-in forms of @kind (shared with zc_form_schema_lookup()),
 * sorted by "order" and then id.  There is no declaration folder until
 * a declaration form is written, which gives an empty array.
 *
 * Returns: (transfer container) (element-type ZcFormSchema): the forms
 */
GPtrArray *
zc_form_schema_load_all (ZcFormKind   kind,
                         GError     **error)
{
  g_autoptr(GPtrArray) schemas = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) names = NULL;
  const char *folder = NULL;

  g_return_val_if_fail ((guint) kind < ZC_N_FORM_KINDS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  schemas = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_form_schema_unref);
  locker = g_mutex_locker_new (&cache_mutex);

  if (kind == ZC_FORM_KIND_PERSONAL_INFO)
    {
      ZcFormSchema *schema = load_cached (PERSONAL_INFO_PATH, error);

      if (schema == NULL)
        return NULL;
      g_ptr_array_add (schemas, schema);
      return g_steal_pointer (&schemas);
    }

  for (guint i = 0; i < G_N_ELEMENTS (kind_folders); i++)
    if (kind_folders[i].kind == kind)
      folder = kind_folders[i].folder;
  g_assert (folder != NULL);

  names = zc_data_list (folder, ".json", &local_error);
  if (names == NULL)
    {
      if (kind == ZC_FORM_KIND_DECLARATION &&
          g_error_matches (local_error, ZC_DATA_ERROR, ZC_DATA_ERROR_NOT_FOUND))
        return g_steal_pointer (&schemas);
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND,
                   "%s", local_error->message);
      return NULL;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", folder, names[i], NULL);
      ZcFormSchema *schema = load_cached (path, error);

      if (schema == NULL)
        return NULL;
      g_ptr_array_add (schemas, schema);
    }

  g_ptr_array_sort (schemas, compare_by_order);
  return g_steal_pointer (&schemas);
}

/**
 * zc_form_schema_lookup:
 * @id: a form id, such as "papers" or "personal-info"
 * @error: return location for a #ZC_FORM_SCHEMA_ERROR
 *
 * Finds a built-in form in any folder.  Each file is read once per
 * process and shared; safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the schema
 */
ZcFormSchema *
zc_form_schema_lookup (const char  *id,
                       GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* also keeps "../" and the like out of the paths below */
  if (!id_is_valid (id, '-'))
    {
      g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND,
                   "“%s” is not a form id", id);
      return NULL;
    }

  locker = g_mutex_locker_new (&cache_mutex);

  path = g_strdup_printf ("forms/%s.json", id);
  if (strcmp (path, PERSONAL_INFO_PATH) == 0)
    return load_cached (path, error);

  for (guint i = 0; i < G_N_ELEMENTS (kind_folders); i++)
    {
      g_autoptr(GError) local_error = NULL;
      ZcFormSchema *schema;

      g_free (path);
      path = g_strdup_printf ("%s/%s.json", kind_folders[i].folder, id);
      schema = load_cached (path, &local_error);
      if (schema != NULL)
        return schema;
      if (!g_error_matches (local_error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, ZC_FORM_SCHEMA_ERROR, ZC_FORM_SCHEMA_ERROR_NOT_FOUND,
               "There is no form “%s”", id);
  return NULL;
}

/* ---- accessors ---- */

const char *
zc_form_schema_get_id (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return schema->id;
}

ZcFormKind
zc_form_schema_get_kind (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, ZC_FORM_KIND_ARCHIVE_CATEGORY);
  return schema->kind;
}

const char *
zc_form_schema_get_title (ZcFormSchema *schema,
                          ZcLanguage    language)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return zc_translate (language, schema->title);
}

/* 0 when the form has no "order" (personal-info, declaration) */
int
zc_form_schema_get_order (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->order;
}

/**
 * zc_form_schema_get_series:
 *
 * Returns: (nullable): the series codes a series block is limited to,
 *   %NULL when it is not limited
 */
const char * const *
zc_form_schema_get_series (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return (const char * const *) schema->series;
}

gboolean
zc_form_schema_applies_to_series (ZcFormSchema *schema,
                                  const char   *series)
{
  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (series != NULL, FALSE);

  return schema->series == NULL || g_strv_contains ((const char * const *) schema->series, series);
}

/* Returns: (array zero-terminated=1): never %NULL, perhaps empty */
const char * const *
zc_form_schema_get_summary_fields (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return (const char * const *) schema->summary;
}

/* Returns: (array zero-terminated=1): never %NULL, perhaps empty */
const char * const *
zc_form_schema_get_sources (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return (const char * const *) schema->sources;
}

guint
zc_form_schema_get_n_fields (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->n_fields;
}

const ZcFormField *
zc_form_schema_get_field (ZcFormSchema *schema,
                          guint         i)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (i < schema->n_fields, NULL);
  return &schema->fields[i];
}

gboolean
zc_form_schema_find_field_index (ZcFormSchema *schema,
                                 const char   *id,
                                 guint        *index_out)
{
  gpointer index;

  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  index = g_hash_table_lookup (schema->by_id, id);
  if (index == NULL)
    return FALSE;
  if (index_out != NULL)
    *index_out = GPOINTER_TO_UINT (index) - 1;
  return TRUE;
}

/* Returns: (nullable): the field, %NULL when the form has none of @id */
const ZcFormField *
zc_form_schema_find_field (ZcFormSchema *schema,
                           const char   *id)
{
  guint i;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return zc_form_schema_find_field_index (schema, id, &i) ? &schema->fields[i] : NULL;
}

guint
zc_form_schema_get_n_rules (ZcFormSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->n_rules;
}

const ZcFormRule *
zc_form_schema_get_rule (ZcFormSchema *schema,
                         guint         i)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (i < schema->n_rules, NULL);
  return &schema->rules[i];
}

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
