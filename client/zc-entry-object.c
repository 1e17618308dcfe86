/* zc-entry-object.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-entry-object"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-dictionary.h"
#include "zc-entry-object.h"
#include "zc-taxonomy.h"

/* One archive entry as a list shows it: the record, plus the texts of
 * its row worked out once from the form's summary fields. */

struct _ZcEntryObject
{
  GObject        parent_instance;

  ZcRecord      *record;     /* owned */
  ZcFormSchema  *schema;     /* owned */
  ZcReviewState  state;
  char          *title;      /* owned */
  char          *subtitle;   /* owned */
  char          *sort_key;   /* owned */
  char          *haystack;   /* owned: casefolded text for search */
};

G_DEFINE_FINAL_TYPE (ZcEntryObject, zc_entry_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
node_int (JsonNode *node,
          gint64   *out)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  return FALSE;
}

static char *
format_enum (const ZcFormField *field,
             JsonNode          *value)
{
  ZcDictionary *dictionary = zc_form_field_get_dictionary (field);
  const char *code = node_string (value);

  if (code != NULL)
    {
      const char *label = dictionary != NULL ? zc_dictionary_lookup_label (dictionary, code, ZC_LANGUAGE_LOCALE) : NULL;
      return g_strdup (label != NULL ? label : code);
    }

  if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *codes = json_node_get_array (value);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (codes); i++)
        {
          const char *item = node_string (json_array_get_element (codes, i));
          const char *label;

          if (item == NULL)
            continue;
          label = dictionary != NULL ? zc_dictionary_lookup_label (dictionary, item, ZC_LANGUAGE_LOCALE) : NULL;
          if (text->len > 0)
            /* Translators: between the items of a list, such as "SCI, EI" */
            g_string_append (text, C_("list separator", ", "));
          g_string_append (text, label != NULL ? label : item);
        }
      return text->len > 0 ? g_strdup (text->str) : NULL;
    }

  return NULL;
}

static char *
format_taxonomy (JsonNode *value)
{
  static const char *const members[] = { "specialty", "title", "level", "category", "series" };
  JsonObject *pick;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *title, *specialty;

  if (value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
    return NULL;
  pick = json_node_get_object (value);

  title = node_string (json_object_get_member (pick, "title"));
  specialty = node_string (json_object_get_member (pick, "specialty"));
  if (title != NULL && *title != '\0')
    {
      g_string_append (text, title);
      if (specialty != NULL && *specialty != '\0')
        g_string_append_printf (text, "（%s）", specialty);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  /* not that deep yet: the deepest member chosen */
  for (guint i = 1; i < G_N_ELEMENTS (members); i++)
    {
      const char *member = node_string (json_object_get_member (pick, members[i]));

      if (member == NULL || *member == '\0')
        continue;
      if (i == G_N_ELEMENTS (members) - 1)
        {
          const ZcTaxonomySeries *series = zc_taxonomy_find_series (zc_taxonomy_get_default (), member);
          if (series != NULL)
            return g_strdup (zc_taxonomy_series_get_label (series, ZC_LANGUAGE_LOCALE));
        }
      return g_strdup (member);
    }
  return NULL;
}

/**
 * zc_format_field_value:
 *
 * Returns: (transfer full) (nullable): @value as a list row shows it:
 *   labels for codes, units after numbers; %NULL when empty
 */
char *
zc_format_field_value (const ZcFormField *field,
                       JsonNode          *value)
{
  gint64 number;

  g_return_val_if_fail (field != NULL, NULL);

  switch (zc_form_field_get_field_type (field))
    {
    case ZC_FIELD_TEXT:
    case ZC_FIELD_LONG_TEXT:
    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
      {
        const char *text = node_string (value);

        if ((text == NULL || *text == '\0') && zc_form_field_get_open_end (field))
          /* Translators: the end of a period that has not ended, 至今 */
          return g_strdup (_("To date"));
        return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
      }

    case ZC_FIELD_YEAR:
      return node_int (value, &number) ? g_strdup_printf ("%" G_GINT64_FORMAT, number) : NULL;

    case ZC_FIELD_INTEGER:
      if (!node_int (value, &number))
        return NULL;
      if (zc_form_field_get_unit (field, ZC_LANGUAGE_LOCALE) != NULL)
        return g_strdup_printf ("%" G_GINT64_FORMAT " %s", number,
                                zc_form_field_get_unit (field, ZC_LANGUAGE_LOCALE));
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);

    case ZC_FIELD_ENUM:
      return format_enum (field, value);

    case ZC_FIELD_BOOL:
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        return NULL;
      return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));

    case ZC_FIELD_TAXONOMY:
      return format_taxonomy (value);

    case ZC_FIELD_ATTACHMENTS:
      if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value) || json_array_get_length (json_node_get_array (value)) == 0)
        return NULL;
      {
        guint n = json_array_get_length (json_node_get_array (value));
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", n), n);
      }

    default:
      return NULL;
    }
}

static gboolean
is_date_type (ZcFieldType type)
{
  return type == ZC_FIELD_DATE || type == ZC_FIELD_YEAR_MONTH || type == ZC_FIELD_YEAR;
}

static gboolean
is_descriptive_type (ZcFieldType type)
{
  return type == ZC_FIELD_TEXT || type == ZC_FIELD_LONG_TEXT || type == ZC_FIELD_TAXONOMY;
}

/* Whether @start and @end are the two ends of a date-order rule. */
static gboolean
is_period (ZcFormSchema *schema,
           const char   *start,
           const char   *end)
{
  for (guint i = 0; i < zc_form_schema_get_n_rules (schema); i++)
    {
      const ZcFormRule *rule = zc_form_schema_get_rule (schema, i);

      if (zc_form_rule_get_rule_type (rule) == ZC_FORM_RULE_DATE_ORDER &&
          g_strcmp0 (zc_form_rule_get_other (rule), start) == 0 &&
          g_strcmp0 (zc_form_rule_get_field (rule), end) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
first_line (const char *text)
{
  const char *newline = strchr (text, '\n');

  return newline != NULL ? g_strndup (text, newline - text) : g_strdup (text);
}

/* Title: the first descriptive summary field (a school, a paper's
 * title); subtitle: the others, with a start and its end as one period. */
static void
compute_texts (ZcEntryObject *self)
{
  const char * const *summary = zc_form_schema_get_summary_fields (self->schema);
  JsonObject *body = zc_record_get_body (self->record);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) haystack = g_string_new (NULL);
  int title_index = -1;

  for (guint i = 0; summary != NULL && summary[i] != NULL; i++)
    {
      const ZcFormField *field = zc_form_schema_find_field (self->schema, summary[i]);
      g_autofree char *text = NULL;

      if (field == NULL || title_index >= 0 || !is_descriptive_type (zc_form_field_get_field_type (field)))
        continue;
      text = zc_format_field_value (field, json_object_get_member (body, summary[i]));
      if (text != NULL)
        title_index = (int) i;
    }
  if (title_index < 0)
    title_index = 0;

  for (guint i = 0; summary != NULL && summary[i] != NULL; i++)
    {
      const ZcFormField *field = zc_form_schema_find_field (self->schema, summary[i]);
      g_autofree char *text = NULL;

      if (field == NULL)
        continue;
      text = zc_format_field_value (field, json_object_get_member (body, summary[i]));

      if ((int) i == title_index)
        {
          g_clear_pointer (&self->title, g_free);
          self->title = text != NULL ? first_line (text) : NULL;
          continue;
        }

      if (summary[i + 1] != NULL && (int) i + 1 != title_index &&
          is_date_type (zc_form_field_get_field_type (field)) &&
          is_period (self->schema, summary[i], summary[i + 1]))
        {
          const ZcFormField *end_field = zc_form_schema_find_field (self->schema, summary[i + 1]);
          g_autofree char *end = end_field != NULL
            ? zc_format_field_value (end_field, json_object_get_member (body, summary[i + 1])) : NULL;

          if (text != NULL)
            g_ptr_array_add (parts, g_strdup_printf ("%s – %s", text, end != NULL ? end : "…"));
          i++;
          continue;
        }

      if (text != NULL)
        g_ptr_array_add (parts, first_line (text));
    }

  if (self->title == NULL)
    /* Translators: the title of an archive entry whose main field is empty */
    self->title = g_strdup (_("(untitled)"));
  g_ptr_array_add (parts, NULL);
  self->subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  /* everything a user might search for, labels of codes included */
  for (guint i = 0; i < zc_form_schema_get_n_fields (self->schema); i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (self->schema, i);
      JsonNode *value = json_object_get_member (body, zc_form_field_get_id (field));
      g_autofree char *text = NULL;

      if (zc_form_field_get_field_type (field) == ZC_FIELD_ATTACHMENTS)
        {
          JsonArray *files = value != NULL && JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

          for (guint j = 0; files != NULL && j < json_array_get_length (files); j++)
            {
              JsonNode *file = json_array_get_element (files, j);
              const char *name = JSON_NODE_HOLDS_OBJECT (file)
                ? node_string (json_object_get_member (json_node_get_object (file), "name")) : NULL;
              if (name != NULL)
                g_string_append_printf (haystack, "%s\n", name);
            }
          continue;
        }
      text = zc_format_field_value (field, value);
      if (text != NULL)
        g_string_append_printf (haystack, "%s\n", text);
    }
  self->haystack = g_utf8_casefold (haystack->str, -1);

  /* newest first by the first date of the summary, then by creation */
  {
    g_autofree char *created = g_date_time_format_iso8601 (zc_record_get_created_at (self->record));
    g_autofree char *date = NULL;

    for (guint i = 0; summary != NULL && summary[i] != NULL && date == NULL; i++)
      {
        const ZcFormField *field = zc_form_schema_find_field (self->schema, summary[i]);
        JsonNode *value = json_object_get_member (body, summary[i]);
        gint64 year;

        if (field == NULL || !is_date_type (zc_form_field_get_field_type (field)))
          continue;
        if (node_string (value) != NULL)
          date = g_strdup (node_string (value));
        else if (node_int (value, &year))
          date = g_strdup_printf ("%04" G_GINT64_FORMAT, year);
      }
    self->sort_key = g_strdup_printf ("%-10s|%s", date != NULL ? date : "", created);
  }
}

static void
zc_entry_object_finalize (GObject *object)
{
  ZcEntryObject *self = ZC_ENTRY_OBJECT (object);

  g_clear_pointer (&self->record, zc_record_unref);
  g_clear_pointer (&self->schema, zc_form_schema_unref);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->sort_key);
  g_free (self->haystack);

  G_OBJECT_CLASS (zc_entry_object_parent_class)->finalize (object);
}

static void
zc_entry_object_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ZcEntryObject *self = ZC_ENTRY_OBJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, zc_entry_object_get_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, zc_entry_object_get_status_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_entry_object_class_init (ZcEntryObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_entry_object_finalize;
  object_class->get_property = zc_entry_object_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zc_entry_object_init (ZcEntryObject *self)
{
}

/**
 * zc_entry_object_new:
 * @record: an archive entry (it is referenced, not copied: do not
 *   change it afterwards)
 * @schema: its form
 */
ZcEntryObject *
zc_entry_object_new (ZcRecord     *record,
                     ZcFormSchema *schema)
{
  ZcEntryObject *self;

  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (schema != NULL, NULL);

  self = g_object_new (ZC_TYPE_ENTRY_OBJECT, NULL);
  self->record = zc_record_ref (record);
  self->schema = zc_form_schema_ref (schema);
  /* an entry without a known state is shown as not put to review */
  if (!zc_review_state_from_string (zc_record_get_state (record), &self->state))
    self->state = ZC_REVIEW_STATE_UNREVIEWED;
  compute_texts (self);

  return self;
}

ZcRecord *
zc_entry_object_get_record (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), NULL);
  return self->record;
}

ZcFormSchema *
zc_entry_object_get_schema (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), NULL);
  return self->schema;
}

const char *
zc_entry_object_get_id (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), NULL);
  return zc_record_get_id (self->record);
}

ZcReviewState
zc_entry_object_get_review_state (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), ZC_REVIEW_STATE_UNREVIEWED);
  return self->state;
}

const char *
zc_entry_object_get_status_label (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), NULL);
  return zc_review_state_get_label (self->state, ZC_LANGUAGE_LOCALE);
}

const char *
zc_entry_object_get_review_comment (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), NULL);
  return zc_record_get_review_comment (self->record);
}

const char *
zc_entry_object_get_title (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), NULL);
  return self->title;
}

const char *
zc_entry_object_get_subtitle (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), NULL);
  return self->subtitle;
}

/* Sorting by this string, descending, puts the latest entries first. */
const char *
zc_entry_object_get_sort_key (ZcEntryObject *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), NULL);
  return self->sort_key;
}

/**
 * zc_entry_object_matches:
 * @search: (nullable): what the user typed
 *
 * Returns: whether every word of @search occurs in the entry's values
 *   (case-insensitively); an empty search matches everything
 */
gboolean
zc_entry_object_matches (ZcEntryObject *self,
                         const char    *search)
{
  g_autoptr(GString) spaced = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (ZC_IS_ENTRY_OBJECT (self), FALSE);

  if (search == NULL)
    return TRUE;
  /* full-width spaces separate words too */
  spaced = g_string_new (search);
  g_string_replace (spaced, "\u3000", " ", 0);
  g_string_replace (spaced, "\t", " ", 0);
  folded = g_utf8_casefold (spaced->str, -1);
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (self->haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * zc_entry_collect_files:
 * @schema: (nullable): the entry's form
 * @body: (nullable): the entry's values
 *
 * Returns: (transfer full): copies of the entry's attachment records,
 *   field by field in the form's order
 */
JsonArray *
zc_entry_collect_files (ZcFormSchema *schema,
                        JsonObject   *body)
{
  JsonArray *files = json_array_new ();

  for (guint i = 0; schema != NULL && body != NULL && i < zc_form_schema_get_n_fields (schema); i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, i);
      JsonNode *value = json_object_get_member (body, zc_form_field_get_id (field));

      if (zc_form_field_get_field_type (field) != ZC_FIELD_ATTACHMENTS || value == NULL ||
          !JSON_NODE_HOLDS_ARRAY (value))
        continue;
      for (guint j = 0; j < json_array_get_length (json_node_get_array (value)); j++)
        {
          JsonNode *file = json_array_get_element (json_node_get_array (value), j);

          if (JSON_NODE_HOLDS_OBJECT (file))
            json_array_add_element (files, json_node_copy (file));
        }
    }
  return files;
}
