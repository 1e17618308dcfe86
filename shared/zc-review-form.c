/* zc-review-form.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-review-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-form-schema.h"
#include "zc-pdf-page.h"
#include "zc-pdf-table.h"
#include "zc-review-form.h"
#include "zc-review-state.h"
#include "zc-taxonomy.h"

/* The layout is described in docs/review-form.md: a cover, the basic
 * information with the photo, the commitment letter, the work summary,
 * one table per archive category, the attachments, and the opinion
 * boxes of the unit, the department and the committee. */

G_DEFINE_QUARK (zc-review-form-error-quark, zc_review_form_error)

#define CONTEXT        "review form"
#define BODY_SIZE      10.5   /* 五号 */
#define HEADING_SIZE   15.0
#define PHOTO_WIDTH    (30.0 * ZC_PDF_MM)
#define PHOTO_HEIGHT   (42.0 * ZC_PDF_MM)
#define OPINION_HEIGHT 120.0

typedef struct
{
  ZcDeclarationDocument  *document;   /* borrowed */
  ZcPdfDocument          *pdf;        /* owned */
  ZcLanguage              language;
  ZcReviewFormBlobLookup  lookup;
  gpointer                user_data;
} Render;

static const char *
tr (Render     *r,
    const char *msgid)
{
  return zc_translate_with_context (r->language, CONTEXT, msgid);
}

static const char *
yes_no (Render   *r,
        gboolean  value)
{
  return value ? zc_translate_with_context (r->language, "boolean value", NC_("boolean value", "Yes"))
               : zc_translate_with_context (r->language, "boolean value", NC_("boolean value", "No"));
}

/* A member of the declared title pick, "" when absent. */
static const char *
pick_member (Render     *r,
             const char *name)
{
  JsonObject *pick = zc_declaration_document_get_title_pick (r->document);
  JsonNode *node;

  if (pick == NULL || (node = json_object_get_member (pick, name)) == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static const char *
series_label (Render *r)
{
  const char *code = pick_member (r, "series");
  const ZcTaxonomySeries *series = *code != '\0' ? zc_taxonomy_find_series (zc_taxonomy_get_default (), code) : NULL;

  return series != NULL ? zc_taxonomy_series_get_label (series, r->language) : code;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* ---- blobs ------------------------------------------------------------ */

/* The picture, or NULL when the document has none or the caller cannot
 * supply it (a box stays empty); FALSE only on a real failure. */
static gboolean
load_image (Render                 *r,
            const ZcDocumentImage  *image,
            cairo_surface_t       **out,
            GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *checksum = NULL;

  *out = NULL;
  if (image == NULL || r->lookup == NULL)
    return TRUE;

  bytes = r->lookup (image->sha256, r->user_data, &local_error);
  if (bytes == NULL)
    {
      if (local_error == NULL)
        return TRUE;
      g_set_error (error, ZC_REVIEW_FORM_ERROR, ZC_REVIEW_FORM_ERROR_BLOB, "%s: %s",
                   image->sha256, local_error->message);
      return FALSE;
    }

  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (checksum, image->sha256) != 0)
    {
      g_set_error (error, ZC_REVIEW_FORM_ERROR, ZC_REVIEW_FORM_ERROR_BLOB, "%s: %s", image->sha256,
                   tr (r, NC_("review form", "The file does not match its SHA-256 name")));
      return FALSE;
    }

  *out = zc_pdf_image_load (bytes, r->language, error);
  return *out != NULL;
}

/* ---- common blocks ---------------------------------------------------- */

static void
heading (Render     *r,
         int         parent,
         const char *title,
         gboolean    centered,
         double      size)
{
  ZcPdfTextStyle style;
  double height;

  zc_pdf_text_style_init (&style, size);
  style.bold = TRUE;
  style.alignment = centered ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
  height = zc_pdf_document_measure_text (r->pdf, &style, title, zc_pdf_document_get_content_width (r->pdf));

  /* a heading is never the last thing on a page */
  zc_pdf_document_ensure_space (r->pdf, height + 60.0);
  zc_pdf_document_add_outline (r->pdf, parent, title, TRUE);
  zc_pdf_document_add_text (r->pdf, &style, title, 0.0, 0.0);
  zc_pdf_document_advance (r->pdf, size * 0.6);
}

static int
section (Render     *r,
         const char *title,
         gboolean    new_page)
{
  int id;
  ZcPdfTextStyle style;

  if (new_page && !zc_pdf_document_is_at_top (r->pdf))
    zc_pdf_document_new_page (r->pdf);

  zc_pdf_text_style_init (&style, HEADING_SIZE);
  style.bold = TRUE;
  style.alignment = PANGO_ALIGN_CENTER;
  zc_pdf_document_ensure_space (r->pdf, 80.0);
  id = zc_pdf_document_add_outline (r->pdf, 0, title, TRUE);
  zc_pdf_document_add_text (r->pdf, &style, title, 0.0, 0.0);
  zc_pdf_document_advance (r->pdf, 10.0);
  return id;
}

static void
muted_text (Render     *r,
            const char *text)
{
  ZcPdfTextStyle style;

  zc_pdf_text_style_init (&style, BODY_SIZE);
  style.gray = 0.4;
  zc_pdf_document_add_text (r->pdf, &style, text, 0.0, 0.0);
}

/* ---- cover ------------------------------------------------------------ */

static void
cover_row (Render     *r,
           const char *label,
           const char *value)
{
  cairo_t *cr = zc_pdf_document_get_cairo (r->pdf);
  double content = zc_pdf_document_get_content_width (r->pdf);
  double label_width = 120.0, value_width = 250.0;
  double x = zc_pdf_document_get_left (r->pdf) + (content - label_width - value_width) / 2.0;
  double y = zc_pdf_document_get_y (r->pdf);
  g_autoptr(PangoLayout) label_layout = NULL;
  g_autoptr(PangoLayout) value_layout = NULL;
  g_autoptr(GArray) label_lines = NULL;
  g_autoptr(GArray) value_lines = NULL;
  g_autofree char *label_text = zc_pdf_format_label_value (label, "", r->language);
  ZcPdfTextStyle label_style, value_style;
  double height;

  zc_pdf_text_style_init (&label_style, 14.0);
  label_style.bold = TRUE;
  label_style.alignment = PANGO_ALIGN_RIGHT;
  zc_pdf_text_style_init (&value_style, 14.0);
  value_style.alignment = PANGO_ALIGN_CENTER;

  label_layout = zc_pdf_document_create_layout (r->pdf, &label_style, label_text, label_width - 8.0);
  value_layout = zc_pdf_document_create_layout (r->pdf, &value_style, value, value_width);
  label_lines = zc_pdf_layout_get_lines (label_layout);
  value_lines = zc_pdf_layout_get_lines (value_layout);
  height = MAX (zc_pdf_layout_get_height (label_layout), zc_pdf_layout_get_height (value_layout));

  zc_pdf_draw_lines (cr, &label_style, label_lines, 0, label_lines->len, x, y);
  zc_pdf_draw_lines (cr, &value_style, value_lines, 0, value_lines->len, x + label_width, y);

  cairo_save (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x + label_width, y + height + 2.0);
  cairo_line_to (cr, x + label_width + value_width, y + height + 2.0);
  cairo_stroke (cr);
  cairo_restore (cr);

  zc_pdf_document_advance (r->pdf, height + 18.0);
}

static void
draw_cover (Render *r)
{
  ZcDeclarationDocument *d = r->document;
  const char *title = tr (r, NC_("review form", "Professional and Technical Qualification Review Form"));
  ZcPdfTextStyle style;

  zc_pdf_document_advance (r->pdf, 90.0);
  zc_pdf_text_style_init (&style, 26.0);
  style.bold = TRUE;
  style.alignment = PANGO_ALIGN_CENTER;
  zc_pdf_document_add_outline (r->pdf, 0, tr (r, NC_("review form", "Cover")), FALSE);
  zc_pdf_document_add_text (r->pdf, &style, title, 0.0, 0.0);

  zc_pdf_text_style_init (&style, 13.0);
  style.alignment = PANGO_ALIGN_CENTER;
  zc_pdf_document_advance (r->pdf, 16.0);
  zc_pdf_document_add_text (r->pdf, &style, zc_declaration_document_get_plan_name (d), 0.0, 0.0);
  if (zc_declaration_document_get_is_draft (d))
    {
      style.bold = TRUE;
      zc_pdf_document_advance (r->pdf, 6.0);
      zc_pdf_document_add_text (r->pdf, &style, tr (r, NC_("review form", "(Draft, not submitted)")), 0.0, 0.0);
    }

  zc_pdf_document_advance (r->pdf, 90.0);
  cover_row (r, tr (r, NC_("review form", "Name")), zc_declaration_document_get_applicant_name (d));
  cover_row (r, tr (r, NC_("review form", "Work unit")), or_empty (zc_declaration_document_get_unit (d)));
  cover_row (r, tr (r, NC_("review form", "Competent department")),
             or_empty (zc_declaration_document_get_department (d)));
  cover_row (r, tr (r, NC_("review form", "Title series")), series_label (r));
  cover_row (r, tr (r, NC_("review form", "Title applied for")), pick_member (r, "title"));
  cover_row (r, tr (r, NC_("review form", "Specialty")), pick_member (r, "specialty"));
  cover_row (r, tr (r, NC_("review form", "Declaration category")),
             or_empty (zc_declaration_document_get_declaration_category (d)));
  cover_row (r, tr (r, NC_("review form", "Special person")), yes_no (r, zc_declaration_document_get_special_person (d)));
  cover_row (r, tr (r, NC_("review form", "Date filled in")), or_empty (zc_declaration_document_get_filled_on (d)));
}

/* ---- basic information ------------------------------------------------ */

typedef struct
{
  ZcPdfTable *table;   /* borrowed */
  gboolean    half;    /* a row with one pair waiting for the second */
} PairWriter;

static void
pair_flush (PairWriter *w)
{
  w->half = FALSE;
}

static void
pair_add (PairWriter *w,
          const char *label,
          const char *value,
          gboolean    wide)
{
  if (wide || !w->half)
    zc_pdf_table_begin_row (w->table, ZC_PDF_ROW_NORMAL);
  zc_pdf_table_add_cell (w->table, label, 1, ZC_PDF_CELL_LABEL | ZC_PDF_CELL_CENTER);
  zc_pdf_table_add_cell (w->table, value, wide ? 3 : 1, ZC_PDF_CELL_NORMAL);
  w->half = !wide && !w->half;
}

static void
pair_section (PairWriter *w,
              const char *title)
{
  pair_flush (w);
  zc_pdf_table_begin_row (w->table, ZC_PDF_ROW_NORMAL);
  zc_pdf_table_add_cell (w->table, title, 4, ZC_PDF_CELL_LABEL | ZC_PDF_CELL_BOLD);
}

static ZcPdfTable *
pair_table (Render *r,
            double  width)
{
  ZcPdfTable *table = zc_pdf_table_new (r->pdf);

  zc_pdf_table_set_frame (table, 0.0, width);
  zc_pdf_table_set_text_size (table, 9.5);
  zc_pdf_table_add_column (table, NULL, 1.0, 64.0);
  zc_pdf_table_add_column (table, NULL, 1.6, 70.0);
  zc_pdf_table_add_column (table, NULL, 1.0, 64.0);
  zc_pdf_table_add_column (table, NULL, 1.6, 70.0);
  zc_pdf_table_set_min_row_height (table, 20.0);
  return table;
}

static gboolean
field_is_wide (const ZcFormField *field)
{
  switch (zc_form_field_get_field_type (field))
    {
    case ZC_FIELD_LONG_TEXT:
    case ZC_FIELD_TAXONOMY:
      return TRUE;
    case ZC_FIELD_TEXT:
      return zc_form_field_get_max_length (field) >= 100;
    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
    case ZC_FIELD_YEAR:
    case ZC_FIELD_INTEGER:
    case ZC_FIELD_ENUM:
    case ZC_FIELD_BOOL:
    case ZC_FIELD_ATTACHMENTS:
    default:
      return FALSE;
    }
}

static void
add_declared_pairs (Render     *r,
                    PairWriter *w)
{
  ZcDeclarationDocument *d = r->document;
  const char *method = zc_declaration_document_get_method (d);
  const char *method_name = method != NULL ? zc_taxonomy_get_method_name (zc_taxonomy_get_default (), method, r->language) : NULL;
  gint64 years = zc_declaration_document_get_professional_years (d);
  g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, zc_declaration_document_get_plan_year (d));
  g_autofree char *years_text = years >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, years) : g_strdup ("");

  pair_section (w, tr (r, NC_("review form", "Declaration")));
  pair_add (w, tr (r, NC_("review form", "Review plan")), zc_declaration_document_get_plan_name (d), TRUE);
  pair_add (w, tr (r, NC_("review form", "Plan year")), year, FALSE);
  pair_add (w, tr (r, NC_("review form", "Review committee")), or_empty (zc_declaration_document_get_committee (d)), FALSE);
  pair_add (w, tr (r, NC_("review form", "Application method")), method_name != NULL ? method_name : or_empty (method), FALSE);
  pair_add (w, tr (r, NC_("review form", "Declaration category")),
            or_empty (zc_declaration_document_get_declaration_category (d)), FALSE);
  pair_add (w, tr (r, NC_("review form", "Title series")), series_label (r), FALSE);
  pair_add (w, tr (r, NC_("review form", "Title category")), pick_member (r, "category"), FALSE);
  pair_add (w, tr (r, NC_("review form", "Title applied for")), pick_member (r, "title"), FALSE);
  pair_add (w, tr (r, NC_("review form", "Specialty")), pick_member (r, "specialty"), FALSE);
  pair_add (w, tr (r, NC_("review form", "Special person")), yes_no (r, zc_declaration_document_get_special_person (d)), FALSE);
  pair_add (w, tr (r, NC_("review form", "Years of professional work")), years_text, FALSE);
  pair_add (w, tr (r, NC_("review form", "Date filled in")), or_empty (zc_declaration_document_get_filled_on (d)), FALSE);
  pair_flush (w);
}

static gboolean
draw_basic_information (Render  *r,
                        GError **error)
{
  JsonObject *info = zc_declaration_document_get_personal_info (r->document);
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(ZcPdfTable) top = NULL;
  g_autoptr(ZcPdfTable) rest = NULL;
  cairo_surface_t *photo = NULL;
  double content = zc_pdf_document_get_content_width (r->pdf);
  PairWriter w = { 0 };
  const char *section_title = NULL;
  guint n_fields, i = 0;
  double y, height;
  cairo_t *cr;

  schema = zc_form_schema_lookup ("personal-info", error);
  if (schema == NULL || !load_image (r, zc_declaration_document_get_photo (r->document), &photo, error))
    return FALSE;

  section (r, tr (r, NC_("review form", "Basic information")), TRUE);

  /* the first short fields, beside the photo, until the photo's height */
  top = pair_table (r, content - PHOTO_WIDTH);
  w.table = top;
  n_fields = zc_form_schema_get_n_fields (schema);
  for (; i < n_fields; i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, i);
      g_autofree char *value = NULL;

      if (field_is_wide (field) ||
          (w.half == FALSE && zc_pdf_table_get_n_rows (top) > 0 && zc_pdf_table_measure (top) >= PHOTO_HEIGHT - 1.0))
        break;
      section_title = zc_form_field_get_section (field, r->language);
      value = zc_pdf_format_value (field, json_object_get_member (info, zc_form_field_get_id (field)), r->language);
      pair_add (&w, zc_form_field_get_label (field, r->language), value, FALSE);
    }
  if (zc_pdf_table_get_n_rows (top) > 0 && zc_pdf_table_measure (top) < PHOTO_HEIGHT)
    zc_pdf_table_set_min_row_height (top, PHOTO_HEIGHT / zc_pdf_table_get_n_rows (top));

  y = zc_pdf_document_get_y (r->pdf);
  height = MAX (zc_pdf_table_measure (top), PHOTO_HEIGHT);
  zc_pdf_table_draw (top);

  cr = zc_pdf_document_get_cairo (r->pdf);
  cairo_save (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, zc_pdf_document_get_left (r->pdf) + content - PHOTO_WIDTH, y, PHOTO_WIDTH, height);
  cairo_stroke (cr);
  cairo_restore (cr);
  if (photo != NULL)
    {
      zc_pdf_draw_image (cr, photo, zc_pdf_document_get_left (r->pdf) + content - PHOTO_WIDTH + 4.0, y + 4.0,
                         PHOTO_WIDTH - 8.0, height - 8.0);
      cairo_surface_destroy (photo);
    }
  else
    {
      ZcPdfTextStyle style;
      g_autoptr(PangoLayout) layout = NULL;
      g_autoptr(GArray) lines = NULL;

      zc_pdf_text_style_init (&style, 10.0);
      style.alignment = PANGO_ALIGN_CENTER;
      style.gray = 0.5;
      layout = zc_pdf_document_create_layout (r->pdf, &style, tr (r, NC_("review form", "Photo")), PHOTO_WIDTH);
      lines = zc_pdf_layout_get_lines (layout);
      zc_pdf_draw_lines (cr, &style, lines, 0, lines->len, zc_pdf_document_get_left (r->pdf) + content - PHOTO_WIDTH,
                         y + height / 2.0 - 6.0);
    }
  if (zc_pdf_document_get_y (r->pdf) < y + height)
    zc_pdf_document_advance (r->pdf, y + height - zc_pdf_document_get_y (r->pdf));

  /* the rest, full width: the declaration, then the form's sections */
  rest = pair_table (r, content);
  w.table = rest;
  w.half = FALSE;
  add_declared_pairs (r, &w);
  section_title = NULL;
  for (; i < n_fields; i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, i);
      const char *field_section = zc_form_field_get_section (field, r->language);
      g_autofree char *value = NULL;

      if (field_section != NULL && g_strcmp0 (field_section, section_title) != 0)
        pair_section (&w, field_section);
      section_title = field_section;
      value = zc_pdf_format_value (field, json_object_get_member (info, zc_form_field_get_id (field)), r->language);
      pair_add (&w, zc_form_field_get_label (field, r->language), value, field_is_wide (field));
    }
  zc_pdf_table_draw (rest);

  return TRUE;
}

/* ---- commitment letter and work summary ------------------------------- */

static gboolean
draw_commitment (Render  *r,
                 GError **error)
{
  ZcDeclarationDocument *d = r->document;
  const char *text = zc_declaration_document_get_commitment_text (d);
  const char *signed_on = zc_declaration_document_get_commitment_signed_on (d);
  double content = zc_pdf_document_get_content_width (r->pdf);
  double block = 260.0, box_height = 48.0;
  g_autofree char *date = NULL;
  cairo_surface_t *signature = NULL;
  ZcPdfTextStyle style;
  double x, y;
  cairo_t *cr;

  if (!load_image (r, zc_declaration_document_get_signature (d), &signature, error))
    return FALSE;

  section (r, tr (r, NC_("review form", "Personal commitment letter")), TRUE);
  zc_pdf_document_advance (r->pdf, 12.0);

  if (text == NULL || *text == '\0')
    text = tr (r, NC_("review form",
                      "I have checked the contents of this review form and the supporting materials I "
                      "provided. I promise that everything I filled in and provided is true and accurate. "
                      "If anything proves untrue, I accept the responsibility and all its consequences."));
  zc_pdf_text_style_init (&style, 12.0);
  style.justify = TRUE;
  style.line_spacing = 1.8;
  style.first_line_indent = 24.0;
  zc_pdf_document_add_text (r->pdf, &style, text, 0.0, 0.0);

  /* signature and date at the right: the label, then the picture or a
   * line to sign on */
  zc_pdf_document_advance (r->pdf, 36.0);
  zc_pdf_document_ensure_space (r->pdf, box_height + 40.0);
  cr = zc_pdf_document_get_cairo (r->pdf);
  x = zc_pdf_document_get_left (r->pdf) + content - block;
  y = zc_pdf_document_get_y (r->pdf);
  zc_pdf_text_style_init (&style, 12.0);
  {
    g_autoptr(PangoLayout) layout = zc_pdf_document_create_layout (r->pdf, &style,
                                                                   tr (r, NC_("review form", "Signature of the applicant:")),
                                                                   block / 2.0);
    g_autoptr(GArray) lines = zc_pdf_layout_get_lines (layout);
    PangoRectangle logical;
    double label_width, text_height = zc_pdf_layout_get_height (layout);

    pango_layout_get_extents (layout, NULL, &logical);
    label_width = (double) logical.width / PANGO_SCALE;
    zc_pdf_draw_lines (cr, &style, lines, 0, lines->len, x, y + (box_height - text_height) / 2.0);
    if (signature != NULL)
      {
        zc_pdf_draw_image (cr, signature, x + label_width + 8.0, y, block - label_width - 8.0, box_height);
        cairo_surface_destroy (signature);
      }
    else
      {
        cairo_save (cr);
        cairo_set_line_width (cr, 0.6);
        cairo_move_to (cr, x + label_width + 8.0, y + (box_height + text_height) / 2.0);
        cairo_line_to (cr, x + block, y + (box_height + text_height) / 2.0);
        cairo_stroke (cr);
        cairo_restore (cr);
      }
  }
  zc_pdf_document_advance (r->pdf, box_height + 10.0);

  date = zc_pdf_format_label_value (tr (r, NC_("review form", "Date")),
                                    signed_on != NULL ? signed_on
                                                      : zc_translate_with_context (r->language, "blank date",
                                                                                   NC_("blank date", "____-__-__")),
                                    r->language);
  zc_pdf_document_add_text (r->pdf, &style, date, content - block, block);
  return TRUE;
}

static void
draw_work_summary (Render *r)
{
  const char *text = zc_declaration_document_get_work_summary (r->document);
  ZcPdfTextStyle style;

  section (r, tr (r, NC_("review form", "Work summary")), TRUE);
  if (*text == '\0')
    {
      muted_text (r, tr (r, NC_("review form", "(Not filled in)")));
      return;
    }

  zc_pdf_text_style_init (&style, BODY_SIZE);
  style.justify = TRUE;
  style.line_spacing = 1.5;
  style.first_line_indent = 2 * BODY_SIZE;
  zc_pdf_document_add_text (r->pdf, &style, text, 0.0, 0.0);
}

/* ---- achievements ----------------------------------------------------- */

typedef struct
{
  const ZcDocumentEntryGroup *group;   /* borrowed */
  ZcFormSchema               *schema;  /* owned */
} Category;

static void
category_clear (gpointer data)
{
  Category *category = data;

  g_clear_pointer (&category->schema, zc_form_schema_unref);
}

/* Archive categories first, then series blocks, each by its order. */
static gint
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const Category *x = a, *y = b;
  int kind_x = zc_form_schema_get_kind (x->schema) == ZC_FORM_KIND_ARCHIVE_CATEGORY ? 0 : 1;
  int kind_y = zc_form_schema_get_kind (y->schema) == ZC_FORM_KIND_ARCHIVE_CATEGORY ? 0 : 1;

  if (kind_x != kind_y)
    return kind_x - kind_y;
  if (zc_form_schema_get_order (x->schema) != zc_form_schema_get_order (y->schema))
    return zc_form_schema_get_order (x->schema) - zc_form_schema_get_order (y->schema);
  return strcmp (zc_form_schema_get_id (x->schema), zc_form_schema_get_id (y->schema));
}

static GArray *
load_categories (Render  *r,
                 GError **error)
{
  g_autoptr(GArray) categories = g_array_new (FALSE, TRUE, sizeof (Category));

  g_array_set_clear_func (categories, category_clear);
  for (guint i = 0; i < zc_declaration_document_get_n_groups (r->document); i++)
    {
      const ZcDocumentEntryGroup *group = zc_declaration_document_get_group (r->document, i);
      g_autoptr(GError) local_error = NULL;
      Category category = { group, zc_form_schema_lookup (group->category, &local_error) };
      ZcFormKind kind;

      if (group->entries->len == 0)
        {
          g_clear_pointer (&category.schema, zc_form_schema_unref);
          continue;
        }
      kind = category.schema != NULL ? zc_form_schema_get_kind (category.schema) : ZC_FORM_KIND_PERSONAL_INFO;
      if (category.schema == NULL ||
          (kind != ZC_FORM_KIND_ARCHIVE_CATEGORY && kind != ZC_FORM_KIND_SERIES_BLOCK))
        {
          g_autofree char *message = zc_translate_printf (r->language,
                                                          N_("The archive category “%s” is unknown"),
                                                          group->category);

          g_clear_pointer (&category.schema, zc_form_schema_unref);
          g_set_error_literal (error, ZC_REVIEW_FORM_ERROR, ZC_REVIEW_FORM_ERROR_UNKNOWN_CATEGORY, message);
          return NULL;
        }
      g_array_append_val (categories, category);
    }

  g_array_sort (categories, compare_categories);
  return g_steal_pointer (&categories);
}

static void
draw_category (Render         *r,
               int             parent,
               const Category *category)
{
  const ZcDocumentEntryGroup *group = category->group;
  const char *pending_label = zc_review_state_get_label (ZC_REVIEW_STATE_PENDING, r->language);
  const char *approved_label = zc_review_state_get_label (ZC_REVIEW_STATE_APPROVED, r->language);
  g_autoptr(ZcPdfTable) table = NULL;
  g_autofree char *title = NULL;
  gboolean any_pending = FALSE;
  const char *count_format = zc_translate_with_context (r->language, "category and count",
                                                        NC_("category and count", "%s (%u)"));

  for (guint i = 0; i < group->entries->len; i++)
    any_pending |= ((ZcDocumentEntry *) g_ptr_array_index (group->entries, i))->pending;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  /* msgfmt --check keeps the translation's conversions equal to the msgid's */
  title = g_strdup_printf (count_format, zc_form_schema_get_title (category->schema, r->language), group->entries->len);
#pragma GCC diagnostic pop

  heading (r, parent, title, FALSE, 12.0);
  table = zc_pdf_table_new_for_form (r->pdf, category->schema,
                                     any_pending ? tr (r, NC_("review form", "Review status")) : NULL,
                                     r->language);
  for (guint i = 0; i < group->entries->len; i++)
    {
      const ZcDocumentEntry *entry = g_ptr_array_index (group->entries, i);

      zc_pdf_table_add_record (table, entry->body, entry->pending ? pending_label : approved_label);
    }
  zc_pdf_table_draw (table);
  zc_pdf_document_advance (r->pdf, 14.0);
}

static gboolean
draw_achievements (Render  *r,
                   GError **error)
{
  g_autoptr(GArray) categories = load_categories (r, error);
  int parent;

  if (categories == NULL)
    return FALSE;

  parent = section (r, tr (r, NC_("review form", "Achievements")), TRUE);
  if (categories->len == 0)
    muted_text (r, tr (r, NC_("review form", "(None)")));
  for (guint i = 0; i < categories->len; i++)
    draw_category (r, parent, &g_array_index (categories, Category, i));

  return TRUE;
}

/* ---- attachments and opinions ----------------------------------------- */

/* Integers only: printf's decimal point depends on the locale. */
static char *
format_size (gint64 size)
{
  if (size >= 1024 * 1024)
    {
      gint64 tenths = (size * 10 + 512 * 1024) / (1024 * 1024);

      return g_strdup_printf ("%" G_GINT64_FORMAT ".%d MB", tenths / 10, (int) (tenths % 10));
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT " KB", MAX ((gint64) 1, (size + 512) / 1024));
}

static void
draw_attachments (Render *r)
{
  g_autoptr(ZcPdfTable) table = NULL;
  guint n = zc_declaration_document_get_n_attachments (r->document);

  zc_pdf_document_advance (r->pdf, 10.0);
  section (r, tr (r, NC_("review form", "Attachments")), FALSE);
  if (n == 0)
    {
      muted_text (r, tr (r, NC_("review form", "(None)")));
      return;
    }

  table = zc_pdf_table_new (r->pdf);
  zc_pdf_table_add_column (table, zc_translate_with_context (r->language, "table column", NC_("table column", "No.")), 0.0, 26.0);
  zc_pdf_table_add_column (table, tr (r, NC_("review form", "Material")), 1.0, 90.0);
  zc_pdf_table_add_column (table, tr (r, NC_("review form", "Required")), 0.0, 52.0);
  zc_pdf_table_add_column (table, tr (r, NC_("review form", "Files")), 2.0, 120.0);
  for (guint i = 0; i < n; i++)
    {
      const ZcDocumentAttachment *attachment = zc_declaration_document_get_attachment (r->document, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GString *files = g_string_new (NULL);

      for (guint j = 0; j < json_array_get_length (attachment->files); j++)
        {
          JsonObject *file = json_array_get_object_element (attachment->files, j);
          g_autofree char *size = format_size (json_object_get_int_member (file, "size"));

          if (files->len > 0)
            g_string_append_c (files, '\n');
          g_string_append_printf (files, "%s (%s)", json_object_get_string_member (file, "name"), size);
        }
      if (files->len == 0)
        g_string_append (files, tr (r, NC_("review form", "(None)")));

      zc_pdf_table_begin_row (table, ZC_PDF_ROW_NORMAL);
      zc_pdf_table_add_cell (table, number, 1, ZC_PDF_CELL_CENTER);
      zc_pdf_table_add_cell (table, attachment->name, 1, ZC_PDF_CELL_NORMAL);
      zc_pdf_table_add_cell (table, yes_no (r, attachment->required), 1, ZC_PDF_CELL_CENTER);
      zc_pdf_table_add_cell (table, files->str, 1, ZC_PDF_CELL_NORMAL);
      g_string_free (files, TRUE);
    }
  zc_pdf_table_draw (table);
}

static void
draw_opinion (Render                  *r,
              int                      parent,
              const char              *title,
              const ZcDocumentOpinion *opinion)
{
  g_autoptr(ZcPdfTable) table = zc_pdf_table_new (r->pdf);
  g_autofree char *signer = zc_pdf_format_label_value (tr (r, NC_("review form", "Signature of the person in charge")),
                                                       or_empty (opinion->signer), r->language);
  g_autofree char *date = zc_pdf_format_label_value (tr (r, NC_("review form", "Date")),
                                                     opinion->signed_on != NULL
                                                       ? opinion->signed_on
                                                       : zc_translate_with_context (r->language, "blank date",
                                                                                    NC_("blank date", "____-__-__")),
                                                     r->language);
  g_autofree char *signature = g_strconcat (signer, "\n", tr (r, NC_("review form", "(Seal)")), "    ", date, NULL);
  double height;

  zc_pdf_table_add_column (table, NULL, 1.0, 0.0);
  zc_pdf_table_set_text_size (table, BODY_SIZE);
  zc_pdf_table_begin_row (table, ZC_PDF_ROW_NORMAL);
  zc_pdf_table_add_cell (table, title, 1, ZC_PDF_CELL_LABEL | ZC_PDF_CELL_BOLD);
  /* an empty box keeps room to write in by hand */
  zc_pdf_table_begin_row (table, ZC_PDF_ROW_KEEP_WITH_PREVIOUS);
  zc_pdf_table_add_cell (table, or_empty (opinion->text), 1, ZC_PDF_CELL_TOP);
  zc_pdf_table_set_row_min_height (table, OPINION_HEIGHT);
  zc_pdf_table_begin_row (table, ZC_PDF_ROW_KEEP_WITH_PREVIOUS);
  zc_pdf_table_add_cell (table, signature, 1, ZC_PDF_CELL_RIGHT);

  /* the box on one page when it fits on one; otherwise it starts here */
  height = zc_pdf_table_measure (table);
  zc_pdf_document_ensure_space (r->pdf, height <= zc_pdf_document_get_content_height (r->pdf)
                                        ? height : OPINION_HEIGHT + 60.0);
  zc_pdf_document_add_outline (r->pdf, parent, title, FALSE);
  zc_pdf_table_draw (table);
  zc_pdf_document_advance (r->pdf, 16.0);
}

static void
draw_opinions (Render *r)
{
  static const char * const titles[] = {
    NC_("review form", "Opinion of the employer"),
    NC_("review form", "Opinion of the competent department"),
    NC_("review form", "Opinion of the review committee"),
  };
  int parent;

  G_STATIC_ASSERT (G_N_ELEMENTS (titles) == ZC_N_OPINION_LEVELS);

  parent = section (r, tr (r, NC_("review form", "Review opinions")), TRUE);
  for (guint i = 0; i < ZC_N_OPINION_LEVELS; i++)
    draw_opinion (r, parent, tr (r, titles[i]),
                  zc_declaration_document_get_opinion (r->document, (ZcOpinionLevel) i));
}

/* ---- the form --------------------------------------------------------- */

static char *
page_label (guint    page,
            guint    n_pages,
            gpointer user_data)
{
  Render *r = user_data;

  return zc_translate_printf (r->language, N_("Page %u of %u"), page, n_pages);
}

static void
set_metadata (Render *r)
{
  ZcDeclarationDocument *d = r->document;
  const char *name = zc_declaration_document_get_applicant_name (d);
  g_autofree char *title = zc_translate_printf (r->language, N_("Review form of %s"), name);
  g_autofree char *keywords = NULL;

  if (zc_declaration_document_get_title_pick (d) != NULL)
    keywords = zc_pdf_format_title_pick (zc_declaration_document_get_title_pick (d), r->language);
  if (zc_declaration_document_get_is_draft (d))
    {
      g_autofree char *draft = g_strconcat (title, " ", tr (r, NC_("review form", "(Draft, not submitted)")), NULL);

      g_free (title);
      title = g_steal_pointer (&draft);
    }

  zc_pdf_document_set_metadata (r->pdf, CAIRO_PDF_METADATA_TITLE, title);
  zc_pdf_document_set_metadata (r->pdf, CAIRO_PDF_METADATA_AUTHOR, name);
  zc_pdf_document_set_metadata (r->pdf, CAIRO_PDF_METADATA_SUBJECT, zc_declaration_document_get_plan_name (d));
  zc_pdf_document_set_metadata (r->pdf, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  zc_pdf_document_set_metadata (r->pdf, CAIRO_PDF_METADATA_CREATOR, "Zhicheng " PACKAGE_VERSION);
}

/**
 * zc_review_form_render:
 * @document: the declaration
 * @lookup: (nullable): gives the bytes of the photo and the signature;
 *   %NULL leaves their boxes empty
 * @user_data: for @lookup
 * @out: where the PDF goes; it is flushed, not closed
 * @language: the language of the form's labels and of @error
 *
 * Renders the review form (专业技术资格评审表) of @document as an A4 PDF
 * with an outline of its sections, page numbers, metadata and the
 * Chinese font embedded; a draft says so on every page.
 *
 * Returns: whether the PDF was written; on failure @error is set in
 *   %ZC_REVIEW_FORM_ERROR, %ZC_PDF_ERROR (no Chinese font, a damaged
 *   image, a write error) or %ZC_FORM_SCHEMA_ERROR, and @out may hold
 *   part of a PDF
 */
gboolean
zc_review_form_render (ZcDeclarationDocument   *document,
                       ZcReviewFormBlobLookup   lookup,
                       gpointer                 user_data,
                       GOutputStream           *out,
                       ZcLanguage               language,
                       GError                 **error)
{
  g_autoptr(ZcPdfDocument) pdf = NULL;
  ZcPdfPageSetup setup;
  g_autofree char *header_right = NULL;
  Render r = { document, NULL, language, lookup, user_data };
  const char *title;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  zc_pdf_page_setup_init_a4 (&setup);
  pdf = zc_pdf_document_new (&setup, NULL, language, error);
  if (pdf == NULL)
    return FALSE;
  r.pdf = pdf;

  set_metadata (&r);
  zc_pdf_document_set_footer_func (pdf, page_label, &r, NULL);
  if (zc_declaration_document_get_is_draft (document))
    zc_pdf_document_set_watermark (pdf, zc_translate_with_context (language, "watermark", NC_("watermark", "DRAFT")));

  draw_cover (&r);

  /* every page after the cover says whose form it is */
  title = tr (&r, NC_("review form", "Professional and Technical Qualification Review Form"));
  header_right = g_strjoin ("  ", zc_declaration_document_get_applicant_name (document),
                            pick_member (&r, "title"), NULL);
  zc_pdf_document_set_header (pdf, title, g_strstrip (header_right));

  if (!draw_basic_information (&r, error) ||
      !draw_commitment (&r, error))
    return FALSE;
  draw_work_summary (&r);
  if (!draw_achievements (&r, error))
    return FALSE;
  draw_attachments (&r);
  draw_opinions (&r);

  return zc_pdf_document_write (pdf, out, NULL, error);
}

/**
 * zc_review_form_render_to_bytes:
 *
 * zc_review_form_render() into memory.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
zc_review_form_render_to_bytes (ZcDeclarationDocument   *document,
                                ZcReviewFormBlobLookup   lookup,
                                gpointer                 user_data,
                                ZcLanguage               language,
                                GError                 **error)
{
  g_autoptr(GOutputStream) out = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_memory_output_stream_new_resizable ();
  if (!zc_review_form_render (document, lookup, user_data, out, language, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}
