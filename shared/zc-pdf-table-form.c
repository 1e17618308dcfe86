/* zc-pdf-table-form.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-pdf-table-private.h"

/* A table of the records of one form (an archive category): which
 * fields become columns, and a row or two for each record. */

/* A form table shows at most this many fields as columns; the others go
 * into a full-width line under each record. */
#define MAX_FORM_COLUMNS 6

struct _ZcPdfFormBinding
{
  ZcFormSchema *schema;       /* owned */
  ZcLanguage    language;
  GArray       *columns;      /* of guint: field indices shown as columns */
  GArray       *attachments;  /* of guint: attachment fields, counted */
  GArray       *details;      /* of guint: fields printed under the row */
  gboolean      marker;
  guint         count;
};

void
zc_pdf_form_binding_free (ZcPdfFormBinding *form)
{
  if (form == NULL)
    return;
  zc_form_schema_unref (form->schema);
  g_array_unref (form->columns);
  g_array_unref (form->attachments);
  g_array_unref (form->details);
  g_free (form);
}

static void
field_width (const ZcFormField *field,
             double            *weight,
             double            *min_width)
{
  switch (zc_form_field_get_field_type (field))
    {
    case ZC_FIELD_DATE:
      *weight = 0.6, *min_width = 56.0;
      break;
    case ZC_FIELD_YEAR_MONTH:
      *weight = 0.5, *min_width = 44.0;
      break;
    case ZC_FIELD_YEAR:
      *weight = 0.3, *min_width = 32.0;
      break;
    case ZC_FIELD_INTEGER:
    case ZC_FIELD_BOOL:
      *weight = 0.4, *min_width = 32.0;
      break;
    case ZC_FIELD_ENUM:
      *weight = 1.0, *min_width = 44.0;
      break;
    case ZC_FIELD_TAXONOMY:
      *weight = 2.0, *min_width = 60.0;
      break;
    case ZC_FIELD_TEXT:
      {
        guint length = zc_form_field_get_max_length (field);

        *weight = length >= 150 ? 4.0 : length >= 100 ? 2.5 : length >= 50 ? 2.0 : length >= 20 ? 1.2 : 0.8;
        *min_width = 44.0;
      }
      break;
    case ZC_FIELD_LONG_TEXT:
    case ZC_FIELD_ATTACHMENTS:
    default:
      *weight = 1.0, *min_width = 40.0;
      break;
    }
}

static gboolean
is_column_type (ZcFieldType type)
{
  return type != ZC_FIELD_LONG_TEXT && type != ZC_FIELD_ATTACHMENTS;
}

static gint
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The columns: the form's summary fields first, then the other short
 * fields in form order, until MAX_FORM_COLUMNS; shown in form order. */
static void
choose_columns (ZcPdfFormBinding *form)
{
  ZcFormSchema *schema = form->schema;
  const char * const *summary = zc_form_schema_get_summary_fields (schema);
  guint n_fields = zc_form_schema_get_n_fields (schema);
  g_autofree gboolean *chosen = g_new0 (gboolean, n_fields);

  for (guint i = 0; summary != NULL && summary[i] != NULL && form->columns->len < MAX_FORM_COLUMNS; i++)
    {
      guint index;

      if (zc_form_schema_find_field_index (schema, summary[i], &index) &&
          is_column_type (zc_form_field_get_field_type (zc_form_schema_get_field (schema, index))) &&
          !chosen[index])
        {
          chosen[index] = TRUE;
          g_array_append_val (form->columns, index);
        }
    }

  for (guint i = 0; i < n_fields && form->columns->len < MAX_FORM_COLUMNS; i++)
    if (!chosen[i] && is_column_type (zc_form_field_get_field_type (zc_form_schema_get_field (schema, i))))
      {
        chosen[i] = TRUE;
        g_array_append_val (form->columns, i);
      }
  g_array_sort (form->columns, compare_guint);

  for (guint i = 0; i < n_fields; i++)
    {
      ZcFieldType type = zc_form_field_get_field_type (zc_form_schema_get_field (schema, i));

      if (type == ZC_FIELD_ATTACHMENTS)
        g_array_append_val (form->attachments, i);
      else if (!chosen[i])
        g_array_append_val (form->details, i);
    }
}

/**
 * zc_pdf_table_new_for_form:
 * @schema: the form of the records, such as an archive category
 * @marker_title: (nullable): the title of a column for each record's
 *   marker (its review status), or %NULL for none
 *
 * A table with a numbering column, the form's main short fields as
 * columns, the marker column, and the number of files of each
 * attachments field.  The other fields, long texts included, are printed
 * under each record in a full-width cell, as "label: value" pairs.
 *
 * Returns: (transfer full): the table, without rows
 */
ZcPdfTable *
zc_pdf_table_new_for_form (ZcPdfDocument *document,
                           ZcFormSchema  *schema,
                           const char    *marker_title,
                           ZcLanguage     language)
{
  ZcPdfTable *self;
  ZcPdfFormBinding *form;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (schema != NULL, NULL);

  self = zc_pdf_table_new (document);
  form = g_new0 (ZcPdfFormBinding, 1);
  form->schema = zc_form_schema_ref (schema);
  form->language = language;
  form->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  form->attachments = g_array_new (FALSE, FALSE, sizeof (guint));
  form->details = g_array_new (FALSE, FALSE, sizeof (guint));
  form->marker = marker_title != NULL;
  choose_columns (form);
  self->form = form;

  zc_pdf_table_add_column (self, zc_translate_with_context (language, "table column", NC_("table column", "No.")),
                           0.0, 26.0);
  for (guint i = 0; i < form->columns->len; i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, g_array_index (form->columns, guint, i));
      double weight, min_width;

      field_width (field, &weight, &min_width);
      zc_pdf_table_add_column (self, zc_form_field_get_label (field, language), weight, min_width);
    }
  if (form->marker)
    zc_pdf_table_add_column (self, marker_title, 0.0, 46.0);
  for (guint i = 0; i < form->attachments->len; i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, g_array_index (form->attachments, guint, i));

      zc_pdf_table_add_column (self, zc_form_field_get_label (field, language), 0.0, 32.0);
    }

  return self;
}

static gboolean
is_centered (const ZcFormField *field)
{
  switch (zc_form_field_get_field_type (field))
    {
    case ZC_FIELD_TEXT:
    case ZC_FIELD_LONG_TEXT:
    case ZC_FIELD_TAXONOMY:
      return FALSE;
    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
    case ZC_FIELD_YEAR:
    case ZC_FIELD_INTEGER:
    case ZC_FIELD_ENUM:
    case ZC_FIELD_BOOL:
    case ZC_FIELD_ATTACHMENTS:
    default:
      return TRUE;
    }
}

static char *
format_member (ZcPdfFormBinding *form,
               guint        index,
               JsonObject  *body)
{
  const ZcFormField *field = zc_form_schema_get_field (form->schema, index);
  const char *id = zc_form_field_get_id (field);

  return zc_pdf_format_value (field, json_object_get_member (body, id), form->language);
}

/* The full-width text under a record: short fields on one line joined by
 * the list separator, each long text on a line of its own. */
static char *
format_details (ZcPdfFormBinding *form,
                JsonObject  *body)
{
  const char *separator = zc_translate_with_context (form->language, "field separator",
                                                     NC_("field separator", "; "));
  GString *short_fields = g_string_new (NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < form->details->len; i++)
    {
      guint index = g_array_index (form->details, guint, i);
      const ZcFormField *field = zc_form_schema_get_field (form->schema, index);
      g_autofree char *value = format_member (form, index, body);
      g_autofree char *pair = NULL;

      if (*value == '\0')
        continue;
      pair = zc_pdf_format_label_value (zc_form_field_get_label (field, form->language), value, form->language);
      if (zc_form_field_get_field_type (field) == ZC_FIELD_LONG_TEXT)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, pair);
        }
      else
        {
          if (short_fields->len > 0)
            g_string_append (short_fields, separator);
          g_string_append (short_fields, pair);
        }
    }

  if (short_fields->len > 0)
    g_string_prepend (text, text->len > 0 ? "\n" : "");
  g_string_prepend (text, short_fields->str);
  g_string_free (short_fields, TRUE);

  return g_string_free (text, FALSE);
}

/**
 * zc_pdf_table_add_record:
 * @body: a record of the table's form
 * @marker: (nullable): the text of the marker column
 *
 * Adds a numbered row for @body, and under it a full-width row with the
 * fields that are not columns, kept on the same page as the record
 * unless it does not fit on any page.
 */
void
zc_pdf_table_add_record (ZcPdfTable *self,
                         JsonObject *body,
                         const char *marker)
{
  ZcPdfFormBinding *form;
  g_autofree char *number = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->form != NULL);
  g_return_if_fail (body != NULL);

  form = self->form;
  number = g_strdup_printf ("%u", ++form->count);
  zc_pdf_table_begin_row (self, ZC_PDF_ROW_NORMAL);
  zc_pdf_table_add_cell (self, number, 1, ZC_PDF_CELL_CENTER);

  for (guint i = 0; i < form->columns->len; i++)
    {
      guint index = g_array_index (form->columns, guint, i);
      g_autofree char *value = format_member (form, index, body);

      zc_pdf_table_add_cell (self, value, 1,
                             is_centered (zc_form_schema_get_field (form->schema, index)) ? ZC_PDF_CELL_CENTER : 0);
    }
  if (form->marker)
    zc_pdf_table_add_cell (self, marker, 1, ZC_PDF_CELL_CENTER);
  for (guint i = 0; i < form->attachments->len; i++)
    {
      g_autofree char *value = format_member (form, g_array_index (form->attachments, guint, i), body);

      zc_pdf_table_add_cell (self, value, 1, ZC_PDF_CELL_CENTER);
    }

  details = format_details (form, body);
  if (*details != '\0')
    {
      zc_pdf_table_begin_row (self, ZC_PDF_ROW_KEEP_WITH_PREVIOUS);
      zc_pdf_table_add_cell (self, details, self->columns->len, ZC_PDF_CELL_NORMAL);
    }
}
