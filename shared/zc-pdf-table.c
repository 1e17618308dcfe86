/* zc-pdf-table.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-json.h"
#include "zc-pdf-table.h"
#include "zc-taxonomy.h"

#define EPSILON       0.01
#define RULE_WIDTH    0.6
#define LABEL_GRAY    0.92
/* Enough of a row to start it below the column titles at a page's end. */
#define MIN_FIRST_PART 30.0
/* A form table shows at most this many fields as columns; the others go
 * into a full-width line under each record. */
#define MAX_FORM_COLUMNS 6

typedef struct
{
  char   *title;      /* owned, nullable */
  double  weight;
  double  min_width;
  double  width;      /* computed */
} Column;

typedef struct
{
  char           *text;     /* owned */
  guint           column;
  guint           span;
  ZcPdfCellFlags  flags;
  PangoLayout    *layout;   /* owned, made when the widths are known */
  GArray         *lines;    /* owned, of ZcPdfLineBox */
  double          text_height;
} Cell;

typedef struct
{
  GPtrArray     *cells;     /* owned, of Cell */
  ZcPdfRowFlags  flags;
  guint          used;      /* columns filled so far */
  double         min_height;
  double         height;    /* computed */
} Row;

typedef struct
{
  ZcFormSchema *schema;       /* owned */
  ZcLanguage    language;
  GArray       *columns;      /* of guint: field indices shown as columns */
  GArray       *attachments;  /* of guint: attachment fields, counted */
  GArray       *details;      /* of guint: fields printed under the row */
  gboolean      marker;
  guint         count;
} FormBinding;

struct _ZcPdfTable
{
  ZcPdfDocument *document;        /* borrowed */
  GArray        *columns;         /* of Column */
  GPtrArray     *rows;            /* owned, of Row */
  Row           *header;          /* owned, nullable; made with the widths */
  double         text_size;
  double         indent;
  double         width;           /* 0: the content width */
  double         min_row_height;
  gboolean       widths_known;
  FormBinding   *form;            /* owned, nullable */
};

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->lines, g_array_unref);
  g_free (cell);
}

static Row *
row_new (ZcPdfRowFlags flags)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_ptr_array_new_with_free_func (cell_free);
  row->flags = flags;
  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
}

static void
form_binding_free (FormBinding *form)
{
  if (form == NULL)
    return;
  zc_form_schema_unref (form->schema);
  g_array_unref (form->columns);
  g_array_unref (form->attachments);
  g_array_unref (form->details);
  g_free (form);
}

/**
 * zc_pdf_table_new:
 * @document: the document the table is drawn into; it must outlive the
 *   table
 *
 * Returns: (transfer full): an empty table as wide as the content area
 */
ZcPdfTable *
zc_pdf_table_new (ZcPdfDocument *document)
{
  ZcPdfTable *self;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_new0 (ZcPdfTable, 1);
  self->document = document;
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->text_size = ZC_PDF_TABLE_TEXT_SIZE;
  self->min_row_height = 0.0;
  return self;
}

void
zc_pdf_table_free (ZcPdfTable *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  row_free (self->header);
  form_binding_free (self->form);
  g_free (self);
}

/**
 * zc_pdf_table_add_column:
 * @title: (nullable): the column title; a table whose columns have no
 *   titles has no title row
 * @weight: its share of the width left after every column's minimum
 * @min_width: its smallest width
 */
void
zc_pdf_table_add_column (ZcPdfTable *self,
                         const char *title,
                         double      weight,
                         double      min_width)
{
  Column column = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (weight >= 0.0 && min_width >= 0.0);
  g_return_if_fail (!self->widths_known);
  g_return_if_fail (self->rows->len == 0);

  column.title = g_strdup (title);
  column.weight = weight;
  column.min_width = min_width;
  g_array_append_val (self->columns, column);
}

guint
zc_pdf_table_get_n_columns (ZcPdfTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

void
zc_pdf_table_set_text_size (ZcPdfTable *self,
                            double      size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (size > 0.0);
  g_return_if_fail (!self->widths_known);

  self->text_size = size;
}

/* Places the table @indent from the left margin, @width wide (0: to the
 * right margin). */
void
zc_pdf_table_set_frame (ZcPdfTable *self,
                        double      indent,
                        double      width)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (indent >= 0.0 && width >= 0.0);
  g_return_if_fail (!self->widths_known);

  self->indent = indent;
  self->width = width;
}

void
zc_pdf_table_set_min_row_height (ZcPdfTable *self,
                                 double      height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (height >= 0.0);

  self->min_row_height = height;
  for (guint i = 0; i < self->rows->len; i++)
    ((Row *) g_ptr_array_index (self->rows, i))->height = 0.0;
}

/* Starts a row; cells left out at its end stay empty. */
void
zc_pdf_table_begin_row (ZcPdfTable    *self,
                        ZcPdfRowFlags  flags)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->columns->len > 0);

  g_ptr_array_add (self->rows, row_new (flags));
}

/* The smallest height of the row begun last. */
void
zc_pdf_table_set_row_min_height (ZcPdfTable *self,
                                 double      height)
{
  Row *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->rows->len > 0);
  g_return_if_fail (height >= 0.0);

  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  row->min_height = height;
  row->height = 0.0;
}

static void
row_add_cell (Row            *row,
              const char     *text,
              guint           span,
              ZcPdfCellFlags  flags)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->text = g_strdup (text != NULL ? text : "");
  cell->column = row->used;
  cell->span = span;
  cell->flags = flags;
  row->used += span;
  g_ptr_array_add (row->cells, cell);
}

/**
 * zc_pdf_table_add_cell:
 * @text: (nullable): the cell's text; line breaks are kept
 * @span: how many columns it covers, at least 1
 *
 * Adds a cell to the row begun last.
 */
void
zc_pdf_table_add_cell (ZcPdfTable     *self,
                       const char     *text,
                       guint           span,
                       ZcPdfCellFlags  flags)
{
  Row *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->rows->len > 0);
  g_return_if_fail (span >= 1);

  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  g_return_if_fail (row->used + span <= self->columns->len);

  row_add_cell (row, text, span, flags);
  row->height = 0.0;
}

guint
zc_pdf_table_get_n_rows (ZcPdfTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/* ---- layout ----------------------------------------------------------- */

static void
compute_widths (ZcPdfTable *self)
{
  double total, minimum = 0.0, weights = 0.0, spare;

  if (self->widths_known)
    return;

  total = self->width > 0.0 ? self->width : zc_pdf_document_get_content_width (self->document) - self->indent;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      minimum += column->min_width;
      weights += column->weight;
    }

  spare = total - minimum;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      if (spare < 0.0)  /* the minimums do not fit: shrink them alike */
        column->width = minimum > 0.0 ? column->min_width * total / minimum : total / self->columns->len;
      else if (weights > 0.0)
        column->width = column->min_width + spare * column->weight / weights;
      else
        column->width = column->min_width + spare / self->columns->len;
    }

  /* The title row is one more row, laid out like the others. */
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, Column, i).title != NULL)
      {
        self->header = row_new (ZC_PDF_ROW_NORMAL);
        for (guint j = 0; j < self->columns->len; j++)
          row_add_cell (self->header, g_array_index (self->columns, Column, j).title, 1,
                        ZC_PDF_CELL_LABEL | ZC_PDF_CELL_CENTER | ZC_PDF_CELL_BOLD);
        break;
      }

  self->widths_known = TRUE;
}

/* The x of a column relative to the table, and the width of a span. */
static double
column_x (ZcPdfTable *self,
          guint       column)
{
  double x = 0.0;

  for (guint i = 0; i < column; i++)
    x += g_array_index (self->columns, Column, i).width;
  return x;
}

static double
span_width (ZcPdfTable *self,
            guint       column,
            guint       span)
{
  double width = 0.0;

  for (guint i = column; i < column + span && i < self->columns->len; i++)
    width += g_array_index (self->columns, Column, i).width;
  return width;
}

static void
cell_style (ZcPdfTable     *self,
            const Cell     *cell,
            ZcPdfTextStyle *style)
{
  zc_pdf_text_style_init (style, self->text_size);
  style->bold = (cell->flags & ZC_PDF_CELL_BOLD) != 0;
  if ((cell->flags & ZC_PDF_CELL_CENTER) != 0)
    style->alignment = PANGO_ALIGN_CENTER;
  else if ((cell->flags & ZC_PDF_CELL_RIGHT) != 0)
    style->alignment = PANGO_ALIGN_RIGHT;
}

static double
layout_row (ZcPdfTable *self,
            Row        *row)
{
  double height = 0.0;

  if (row->height > 0.0)
    return row->height;

  for (guint i = 0; i < row->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (row->cells, i);

      if (cell->layout == NULL)
        {
          ZcPdfTextStyle style;
          double width = span_width (self, cell->column, cell->span) - 2 * ZC_PDF_TABLE_PADDING;

          cell_style (self, cell, &style);
          cell->layout = zc_pdf_document_create_layout (self->document, &style, cell->text, MAX (width, 1.0));
          cell->lines = zc_pdf_layout_get_lines (cell->layout);
          cell->text_height = zc_pdf_layout_get_height (cell->layout);
        }
      height = MAX (height, cell->text_height);
    }

  row->height = MAX (height + 2 * ZC_PDF_TABLE_PADDING, MAX (self->min_row_height, row->min_height));
  return row->height;
}

/* The table's height if it were drawn on one page. */
double
zc_pdf_table_measure (ZcPdfTable *self)
{
  double height = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);

  compute_widths (self);
  if (self->header != NULL)
    height += layout_row (self, self->header);
  for (guint i = 0; i < self->rows->len; i++)
    height += layout_row (self, g_ptr_array_index (self->rows, i));

  return height;
}

double
zc_pdf_table_get_column_width (ZcPdfTable *self,
                               guint       column)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (column < self->columns->len, 0.0);

  compute_widths (self);
  return g_array_index (self->columns, Column, column).width;
}

/* ---- drawing ---------------------------------------------------------- */

static void
draw_cell_frame (cairo_t    *cr,
                 const Cell *cell,
                 double      x,
                 double      y,
                 double      width,
                 double      height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  if ((cell->flags & ZC_PDF_CELL_LABEL) != 0)
    {
      cairo_set_source_rgb (cr, LABEL_GRAY, LABEL_GRAY, LABEL_GRAY);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A row that fits: the text of each cell centred vertically. */
static void
draw_row (ZcPdfTable *self,
          Row        *row)
{
  cairo_t *cr = zc_pdf_document_get_cairo (self->document);
  double left = zc_pdf_document_get_left (self->document) + self->indent;
  double y = zc_pdf_document_get_y (self->document);
  double height = layout_row (self, row);

  for (guint i = 0; i < row->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (row->cells, i);
      double x = left + column_x (self, cell->column);
      double width = span_width (self, cell->column, cell->span);
      ZcPdfTextStyle style;

      cell_style (self, cell, &style);
      draw_cell_frame (cr, cell, x, y, width, height);
      zc_pdf_draw_lines (cr, &style, cell->lines, 0, cell->lines->len, x + ZC_PDF_TABLE_PADDING,
                         (cell->flags & ZC_PDF_CELL_TOP) != 0 ? y + ZC_PDF_TABLE_PADDING
                                                               : y + (height - cell->text_height) / 2.0);
    }

  /* empty cells at the end of a short row still get their rule */
  if (row->used < self->columns->len)
    {
      Cell filler = { .flags = ZC_PDF_CELL_NORMAL };
      double x = left + column_x (self, row->used);

      draw_cell_frame (cr, &filler, x, y, span_width (self, row->used, self->columns->len - row->used), height);
    }

  zc_pdf_document_advance (self->document, height);
}

static void
new_page_with_header (ZcPdfTable *self)
{
  zc_pdf_document_new_page (self->document);
  if (self->header != NULL)
    draw_row (self, self->header);
}

/* A row taller than the room left: as many lines of each cell as fit,
 * then the rest on the next pages, under the column titles again. */
static void
draw_split_row (ZcPdfTable *self,
                Row        *row)
{
  g_autofree guint *next = g_new0 (guint, row->cells->len);
  double left = zc_pdf_document_get_left (self->document) + self->indent;
  gboolean fresh = FALSE;

  for (;;)
    {
      cairo_t *cr = zc_pdf_document_get_cairo (self->document);
      double y = zc_pdf_document_get_y (self->document);
      double room = zc_pdf_document_get_space_left (self->document) - 2 * ZC_PDF_TABLE_PADDING + EPSILON;
      g_autofree guint *end = g_new0 (guint, row->cells->len);
      gboolean progress = FALSE, remaining = FALSE;
      double used = 0.0;

      for (guint i = 0; i < row->cells->len; i++)
        {
          Cell *cell = g_ptr_array_index (row->cells, i);
          double top = next[i] < cell->lines->len ? g_array_index (cell->lines, ZcPdfLineBox, next[i]).top : 0.0;

          end[i] = next[i];
          while (end[i] < cell->lines->len &&
                 g_array_index (cell->lines, ZcPdfLineBox, end[i]).bottom - top <= room)
            end[i]++;
          /* on an empty page a line always goes, however tall */
          if (end[i] == next[i] && next[i] < cell->lines->len && fresh)
            end[i]++;
          if (end[i] > next[i])
            {
              progress = TRUE;
              used = MAX (used, g_array_index (cell->lines, ZcPdfLineBox, end[i] - 1).bottom - top);
            }
          if (end[i] < cell->lines->len)
            remaining = TRUE;
        }

      if (!progress)
        {
          new_page_with_header (self);
          fresh = TRUE;
          continue;
        }

      {
        double height = remaining ? zc_pdf_document_get_space_left (self->document)
                                  : MAX (used + 2 * ZC_PDF_TABLE_PADDING, MAX (self->min_row_height, row->min_height));

        for (guint i = 0; i < row->cells->len; i++)
          {
            Cell *cell = g_ptr_array_index (row->cells, i);
            double x = left + column_x (self, cell->column);
            ZcPdfTextStyle style;

            cell_style (self, cell, &style);
            draw_cell_frame (cr, cell, x, y, span_width (self, cell->column, cell->span), height);
            zc_pdf_draw_lines (cr, &style, cell->lines, next[i], end[i], x + ZC_PDF_TABLE_PADDING,
                               y + ZC_PDF_TABLE_PADDING);
            next[i] = end[i];
          }
        zc_pdf_document_advance (self->document, height);
      }

      if (!remaining)
        return;
      new_page_with_header (self);
      fresh = TRUE;
    }
}

/**
 * zc_pdf_table_draw:
 *
 * Draws the table at the document's cursor and moves the cursor below
 * it.  The title row goes on every page the table reaches; a row that
 * does not fit goes to the next page, with the rows kept with it; a row
 * taller than a page is split between lines.
 */
void
zc_pdf_table_draw (ZcPdfTable *self)
{
  double header_height, capacity;
  guint on_page = 0;

  g_return_if_fail (self != NULL);

  compute_widths (self);
  header_height = self->header != NULL ? layout_row (self, self->header) : 0.0;
  capacity = zc_pdf_document_get_content_height (self->document) - header_height;

  /* the column titles never stay alone at the bottom of a page */
  if (self->rows->len > 0)
    {
      double first = layout_row (self, g_ptr_array_index (self->rows, 0));

      for (guint j = 1; j < self->rows->len; j++)
        {
          Row *kept = g_ptr_array_index (self->rows, j);

          if ((kept->flags & ZC_PDF_ROW_KEEP_WITH_PREVIOUS) == 0)
            break;
          first += layout_row (self, kept);
        }
      zc_pdf_document_ensure_space (self->document,
                                    header_height + (first <= capacity ? first : MIN_FIRST_PART));
    }
  if (self->header != NULL)
    draw_row (self, self->header);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      double height = layout_row (self, row);
      double group = height;
      double space = zc_pdf_document_get_space_left (self->document) + EPSILON;

      for (guint j = i + 1; j < self->rows->len; j++)
        {
          Row *kept = g_ptr_array_index (self->rows, j);

          if ((kept->flags & ZC_PDF_ROW_KEEP_WITH_PREVIOUS) == 0)
            break;
          group += layout_row (self, kept);
        }

      if (on_page > 0 && (row->flags & ZC_PDF_ROW_KEEP_WITH_PREVIOUS) == 0 &&
          group > space && group <= capacity + EPSILON)
        {
          new_page_with_header (self);
          on_page = 0;
          space = zc_pdf_document_get_space_left (self->document) + EPSILON;
        }

      if (height <= space)
        draw_row (self, row);
      else if (on_page > 0 && height <= capacity + EPSILON)
        {
          new_page_with_header (self);
          draw_row (self, row);
        }
      else
        draw_split_row (self, row);
      on_page++;
    }
}

/* ---- values of form fields -------------------------------------------- */

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

/* ---- tables of form records ------------------------------------------- */

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
choose_columns (FormBinding *form)
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
  FormBinding *form;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (schema != NULL, NULL);

  self = zc_pdf_table_new (document);
  form = g_new0 (FormBinding, 1);
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
format_member (FormBinding *form,
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
format_details (FormBinding *form,
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
  FormBinding *form;
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
