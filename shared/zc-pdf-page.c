/* zc-pdf-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zc-pdf-page-private.h"

/* Pages are drawn into recording surfaces while the content flows, and
 * replayed into the PDF surface by zc_pdf_document_write(): only then is
 * the number of pages known for "page N of M", and the decorations
 * (header, footer, watermark) go on top of each page in the same pass.
 * Text stays text through the replay, so it can be searched and copied. */

G_DEFINE_QUARK (zc-pdf-error-quark, zc_pdf_error)

/* Characters every Chinese form needs; a font lacking any of them would
 * print boxes. */
static const char cjk_sample[] = "中文职称申报评审表姓名单位";

static void
page_free (gpointer data)
{
  ZcPdfPage *page = data;

  cairo_surface_destroy (page->recording);
  g_free (page->header_left);
  g_free (page->header_right);
  g_free (page);
}

static void
outline_item_free (gpointer data)
{
  ZcPdfOutlineItem *item = data;

  g_free (item->title);
  g_free (item);
}

/**
 * zc_pdf_page_setup_init_a4:
 *
 * A4 portrait with the margins of a printed form: 25 mm at the top and
 * left (binding edge), 20 mm at the right and bottom.
 */
void
zc_pdf_page_setup_init_a4 (ZcPdfPageSetup *setup)
{
  g_return_if_fail (setup != NULL);

  setup->width = ZC_PDF_A4_WIDTH;
  setup->height = ZC_PDF_A4_HEIGHT;
  setup->margin_top = 25.0 * ZC_PDF_MM;
  setup->margin_right = 20.0 * ZC_PDF_MM;
  setup->margin_bottom = 20.0 * ZC_PDF_MM;
  setup->margin_left = 25.0 * ZC_PDF_MM;
}

/* Layouts are measured without hinting so that a page's layout does not
 * depend on where it is drawn later. */
static PangoContext *
create_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));

  return context;
}

/* Which font the fontset gives each sample character: fontconfig falls
 * back to any font it has, so the question is whether that font really
 * has the glyph, not whether @family is installed. */
static char *
find_cjk_font (PangoContext *context,
               const char   *family)
{
  PangoFontDescription *description = pango_font_description_from_string (family);
  PangoFontset *fontset;
  char *name = NULL;

  pango_font_description_set_absolute_size (description, 10 * PANGO_SCALE);
  fontset = pango_font_map_load_fontset (pango_context_get_font_map (context), context,
                                         description, pango_language_from_string ("zh-cn"));
  pango_font_description_free (description);
  if (fontset == NULL)
    return NULL;

  for (const char *p = cjk_sample; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      PangoFont *font = pango_fontset_get_font (fontset, c);
      gboolean covered = font != NULL && pango_font_has_char (font, c);

      if (covered && name == NULL)
        {
          PangoFontDescription *found = pango_font_describe (font);

          name = g_strdup (pango_font_description_get_family (found));
          pango_font_description_free (found);
        }
      g_clear_object (&font);
      if (!covered)
        {
          g_clear_pointer (&name, g_free);
          break;
        }
    }

  g_object_unref (fontset);
  return name;
}

static void
start_page (ZcPdfDocument *self)
{
  cairo_rectangle_t extents = { 0, 0, self->setup.width, self->setup.height };
  ZcPdfPage *page = g_new0 (ZcPdfPage, 1);

  g_clear_pointer (&self->cr, cairo_destroy);
  page->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  page->header_left = g_strdup (self->header_left);
  page->header_right = g_strdup (self->header_right);
  g_ptr_array_add (self->pages, page);

  self->cr = cairo_create (page->recording);
  self->y = self->setup.margin_top;
}

/**
 * zc_pdf_document_new:
 * @setup: the page size and margins
 * @family: (nullable): a Pango family list, %ZC_PDF_DEFAULT_FAMILY when
 *   %NULL
 * @language: the language of the error message
 *
 * Starts a document with its first page.  Fails with
 * %ZC_PDF_ERROR_NO_CJK_FONT when no installed font covers Chinese, so a
 * missing font package is reported instead of printing boxes.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
ZcPdfDocument *
zc_pdf_document_new (const ZcPdfPageSetup  *setup,
                     const char            *family,
                     ZcLanguage             language,
                     GError               **error)
{
  ZcPdfDocument *self;
  PangoContext *context;
  char *font_name;

  g_return_val_if_fail (setup != NULL, NULL);
  g_return_val_if_fail (setup->width > setup->margin_left + setup->margin_right, NULL);
  g_return_val_if_fail (setup->height > setup->margin_top + setup->margin_bottom, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (family == NULL || *family == '\0')
    family = ZC_PDF_DEFAULT_FAMILY;

  context = create_context ();
  font_name = find_cjk_font (context, family);
  if (font_name == NULL)
    {
      g_autofree char *message = zc_translate_printf (language,
                                                      N_("No installed font can show Chinese text "
                                                         "(looked for “%s”); install fonts-noto-cjk"),
                                                      family);

      g_set_error_literal (error, ZC_PDF_ERROR, ZC_PDF_ERROR_NO_CJK_FONT, message);
      g_object_unref (context);
      return NULL;
    }

  self = g_new0 (ZcPdfDocument, 1);
  self->setup = *setup;
  self->language = language;
  self->context = context;
  self->family = g_strdup (family);
  self->font_name = font_name;
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->outline = g_ptr_array_new_with_free_func (outline_item_free);
  start_page (self);

  return self;
}

void
zc_pdf_document_free (ZcPdfDocument *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->outline, g_ptr_array_unref);
  g_clear_object (&self->context);
  if (self->footer_destroy != NULL)
    self->footer_destroy (self->footer_data);
  g_free (self->family);
  g_free (self->font_name);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->watermark);
  for (guint i = 0; i < ZC_PDF_N_METADATA; i++)
    g_free (self->metadata[i]);
  g_free (self);
}

/* The family that actually covers Chinese, such as "Noto Serif CJK SC". */
const char *
zc_pdf_document_get_font_name (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->font_name;
}

const ZcPdfPageSetup *
zc_pdf_document_get_setup (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->setup;
}

/**
 * zc_pdf_document_set_header:
 * @left: (nullable): text at the left of the header
 * @right: (nullable): text at the right of the header
 *
 * Sets the header of the pages started from now on; both %NULL means
 * no header (a cover page).
 */
void
zc_pdf_document_set_header (ZcPdfDocument *self,
                            const char    *left,
                            const char    *right)
{
  g_return_if_fail (self != NULL);

  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = g_strdup (left);
  self->header_right = g_strdup (right);
}

/* @func gives each page's footer text, "page N of M"; NULL for none. */
void
zc_pdf_document_set_footer_func (ZcPdfDocument      *self,
                                 ZcPdfPageLabelFunc  func,
                                 gpointer            user_data,
                                 GDestroyNotify      destroy)
{
  g_return_if_fail (self != NULL);

  if (self->footer_destroy != NULL)
    self->footer_destroy (self->footer_data);
  self->footer_func = func;
  self->footer_data = user_data;
  self->footer_destroy = destroy;
}

/* Large, light, diagonal text over every page, such as "DRAFT". */
void
zc_pdf_document_set_watermark (ZcPdfDocument *self,
                               const char    *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->watermark);
  self->watermark = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

void
zc_pdf_document_set_metadata (ZcPdfDocument        *self,
                              cairo_pdf_metadata_t  key,
                              const char           *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) key < ZC_PDF_N_METADATA);

  g_free (self->metadata[key]);
  self->metadata[key] = g_strdup (value);
}

/* ---- the flow --------------------------------------------------------- */

guint
zc_pdf_document_get_n_pages (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

void
zc_pdf_document_new_page (ZcPdfDocument *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->written);

  start_page (self);
}

/**
 * zc_pdf_document_get_cairo:
 *
 * Returns: (transfer none): the context of the current page, in points
 *   from its top left corner; restore any state you change
 */
cairo_t *
zc_pdf_document_get_cairo (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (!self->written, NULL);

  return self->cr;
}

double
zc_pdf_document_get_y (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->y;
}

/* Moves the cursor down, at most to the bottom margin. */
void
zc_pdf_document_advance (ZcPdfDocument *self,
                         double         dy)
{
  double bottom;

  g_return_if_fail (self != NULL);
  g_return_if_fail (dy >= 0.0);

  bottom = self->setup.height - self->setup.margin_bottom;
  self->y = MIN (self->y + dy, bottom);
}

double
zc_pdf_document_get_left (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->setup.margin_left;
}

double
zc_pdf_document_get_content_width (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->setup.width - self->setup.margin_left - self->setup.margin_right;
}

/* The height a block can have on an empty page. */
double
zc_pdf_document_get_content_height (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->setup.height - self->setup.margin_top - self->setup.margin_bottom;
}

double
zc_pdf_document_get_space_left (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->setup.height - self->setup.margin_bottom - self->y;
}

gboolean
zc_pdf_document_is_at_top (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->y <= self->setup.margin_top + ZC_PDF_EPSILON;
}

/**
 * zc_pdf_document_ensure_space:
 * @height: the height of the block about to be drawn
 *
 * Starts a new page unless @height fits below the cursor, or the cursor
 * is at the top of a page already (a block taller than a page has to be
 * split by its drawer).
 *
 * Returns: whether a new page was started
 */
gboolean
zc_pdf_document_ensure_space (ZcPdfDocument *self,
                              double         height)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (height <= zc_pdf_document_get_space_left (self) + ZC_PDF_EPSILON || zc_pdf_document_is_at_top (self))
    return FALSE;

  zc_pdf_document_new_page (self);
  return TRUE;
}

/* ---- outline ---------------------------------------------------------- */

/**
 * zc_pdf_document_add_outline:
 * @parent: 0 for a top-level item, or an id this function returned
 * @title: the bookmark's text
 * @open: whether its children show when the document opens
 *
 * Adds a bookmark that leads to the cursor's position.
 *
 * Returns: the item's id, for children
 */
int
zc_pdf_document_add_outline (ZcPdfDocument *self,
                             int            parent,
                             const char    *title,
                             gboolean       open)
{
  ZcPdfOutlineItem *item;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (parent >= 0 && (guint) parent <= self->outline->len, 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (!self->written, 0);

  item = g_new0 (ZcPdfOutlineItem, 1);
  item->parent = parent;
  item->title = g_strdup (title);
  item->page = self->pages->len;
  item->y = self->y;
  item->open = open;
  g_ptr_array_add (self->outline, item);

  return (int) self->outline->len;
}

guint
zc_pdf_document_get_n_outline_items (ZcPdfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->outline->len;
}
