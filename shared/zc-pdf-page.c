/* zc-pdf-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-pdf-page.h"

/* Pages are drawn into recording surfaces while the content flows, and
 * replayed into the PDF surface by zc_pdf_document_write(): only then is
 * the number of pages known for "page N of M", and the decorations
 * (header, footer, watermark) go on top of each page in the same pass.
 * Text stays text through the replay, so it can be searched and copied. */

G_DEFINE_QUARK (zc-pdf-error-quark, zc_pdf_error)

#define N_METADATA   (CAIRO_PDF_METADATA_MOD_DATE + 1)
#define HEADER_SIZE  8.5
#define FOOTER_SIZE  9.0
#define EPSILON      0.01

/* Characters every Chinese form needs; a font lacking any of them would
 * print boxes. */
static const char cjk_sample[] = "中文职称申报评审表姓名单位";

typedef struct
{
  cairo_surface_t *recording;     /* owned */
  char            *header_left;   /* owned, nullable */
  char            *header_right;  /* owned, nullable */
} Page;

typedef struct
{
  int     parent;   /* 0 = the root */
  char   *title;    /* owned */
  guint   page;     /* 1-based */
  double  y;
  gboolean open;
} OutlineItem;

struct _ZcPdfDocument
{
  ZcPdfPageSetup      setup;
  ZcLanguage          language;
  PangoContext       *context;        /* owned */
  char               *family;         /* owned */
  char               *font_name;      /* owned: the family that covers Chinese */
  GPtrArray          *pages;          /* owned, of Page */
  cairo_t            *cr;             /* owned: the current page's context */
  double              y;
  char               *header_left;    /* owned, nullable */
  char               *header_right;   /* owned, nullable */
  ZcPdfPageLabelFunc  footer_func;
  gpointer            footer_data;
  GDestroyNotify      footer_destroy;
  char               *watermark;      /* owned, nullable */
  GPtrArray          *outline;        /* owned, of OutlineItem */
  char               *metadata[N_METADATA];
  gboolean            written;
};

static void
page_free (gpointer data)
{
  Page *page = data;

  cairo_surface_destroy (page->recording);
  g_free (page->header_left);
  g_free (page->header_right);
  g_free (page);
}

static void
outline_item_free (gpointer data)
{
  OutlineItem *item = data;

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
  Page *page = g_new0 (Page, 1);

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
  for (guint i = 0; i < N_METADATA; i++)
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
  g_return_if_fail ((guint) key < N_METADATA);

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

  return self->y <= self->setup.margin_top + EPSILON;
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

  if (height <= zc_pdf_document_get_space_left (self) + EPSILON || zc_pdf_document_is_at_top (self))
    return FALSE;

  zc_pdf_document_new_page (self);
  return TRUE;
}

/* ---- text ------------------------------------------------------------- */

/* Left-aligned black text of @size points in the document's family. */
void
zc_pdf_text_style_init (ZcPdfTextStyle *style,
                        double          size)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (size > 0.0);

  memset (style, 0, sizeof *style);
  style->size = size;
  style->alignment = PANGO_ALIGN_LEFT;
  style->line_spacing = 1.0;
}

/**
 * zc_pdf_document_create_layout:
 * @width: the wrapping width; text breaks between words, and inside a
 *   word that is wider than @width, so no line is wider
 *
 * Returns: (transfer full): the laid-out text
 */
PangoLayout *
zc_pdf_document_create_layout (ZcPdfDocument        *self,
                               const ZcPdfTextStyle *style,
                               const char           *text,
                               double                width)
{
  PangoFontDescription *description;
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0.0, NULL);

  description = pango_font_description_from_string (self->family);
  pango_font_description_set_absolute_size (description, style->size * PANGO_SCALE);
  pango_font_description_set_weight (description, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->alignment);
  pango_layout_set_indent (layout, (int) (style->first_line_indent * PANGO_SCALE));
  pango_layout_set_justify (layout, style->justify);
  if (style->line_spacing > 0.0)
    pango_layout_set_line_spacing (layout, (float) style->line_spacing);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (description);

  return layout;
}

/**
 * zc_pdf_layout_get_lines:
 *
 * Returns: (transfer full) (element-type ZcPdfLineBox): where each line
 *   of @layout lies; valid while @layout is not changed
 */
GArray *
zc_pdf_layout_get_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (ZcPdfLineBox));
  PangoLayoutIter *iter;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), lines);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical, line_logical;
      ZcPdfLineBox box;

      box.line = pango_layout_iter_get_line_readonly (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_line_get_extents (box.line, NULL, &line_logical);
      box.top = (double) logical.y / PANGO_SCALE;
      box.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      box.x = (double) (logical.x - line_logical.x) / PANGO_SCALE;
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return lines;
}

double
zc_pdf_layout_get_height (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0.0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/**
 * zc_pdf_draw_lines:
 * @lines: (element-type ZcPdfLineBox): from zc_pdf_layout_get_lines()
 * @first: the first line to draw
 * @end: the line after the last one to draw
 * @y: where the top of line @first goes
 *
 * Draws some lines of a layout, so that a paragraph or a table cell can
 * continue on the next page.
 */
void
zc_pdf_draw_lines (cairo_t              *cr,
                   const ZcPdfTextStyle *style,
                   GArray               *lines,
                   guint                 first,
                   guint                 end,
                   double                x,
                   double                y)
{
  double offset;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (lines != NULL);
  g_return_if_fail (end <= lines->len);

  if (first >= end)
    return;

  offset = g_array_index (lines, ZcPdfLineBox, first).top;
  cairo_save (cr);
  cairo_set_source_rgb (cr, style->gray, style->gray, style->gray);
  for (guint i = first; i < end; i++)
    {
      const ZcPdfLineBox *box = &g_array_index (lines, ZcPdfLineBox, i);

      cairo_move_to (cr, x + box->x, y + box->baseline - offset);
      pango_cairo_show_layout_line (cr, box->line);
    }
  cairo_restore (cr);
}

/**
 * zc_pdf_document_add_text:
 * @indent: distance from the left margin
 * @width: the width of the text, or 0 for the rest of the line
 *
 * Draws a paragraph (or several, separated by line breaks) at the
 * cursor and moves the cursor below it; lines that do not fit continue
 * on new pages.
 */
void
zc_pdf_document_add_text (ZcPdfDocument        *self,
                          const ZcPdfTextStyle *style,
                          const char           *text,
                          double                indent,
                          double                width)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) lines = NULL;
  double x;
  guint i = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (!self->written);

  if (width <= 0.0)
    width = zc_pdf_document_get_content_width (self) - indent;
  g_return_if_fail (width > 0.0);

  x = self->setup.margin_left + indent;
  layout = zc_pdf_document_create_layout (self, style, text, width);
  lines = zc_pdf_layout_get_lines (layout);

  while (i < lines->len)
    {
      double space = zc_pdf_document_get_space_left (self) + EPSILON;
      double top = g_array_index (lines, ZcPdfLineBox, i).top;
      guint end = i;

      while (end < lines->len && g_array_index (lines, ZcPdfLineBox, end).bottom - top <= space)
        end++;

      /* A line taller than a whole page is drawn anyway, once. */
      if (end == i && zc_pdf_document_is_at_top (self))
        end = i + 1;
      if (end == i)
        {
          zc_pdf_document_new_page (self);
          continue;
        }

      zc_pdf_draw_lines (self->cr, style, lines, i, end, x, self->y);
      zc_pdf_document_advance (self, g_array_index (lines, ZcPdfLineBox, end - 1).bottom - top);
      i = end;
      if (i < lines->len)
        zc_pdf_document_new_page (self);
    }
}

double
zc_pdf_document_measure_text (ZcPdfDocument        *self,
                              const ZcPdfTextStyle *style,
                              const char           *text,
                              double                width)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (style != NULL, 0.0);
  g_return_val_if_fail (text != NULL, 0.0);

  layout = zc_pdf_document_create_layout (self, style, text, width);
  return zc_pdf_layout_get_height (layout);
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
  OutlineItem *item;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (parent >= 0 && (guint) parent <= self->outline->len, 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (!self->written, 0);

  item = g_new0 (OutlineItem, 1);
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

/* ---- images ----------------------------------------------------------- */

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
} ReadClosure;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  ReadClosure *reader = closure;

  if (reader->length - reader->pos < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->pos, length);
  reader->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The size in a JPEG's start-of-frame segment. */
static gboolean
jpeg_get_size (const guchar *data,
               gsize         length,
               int          *width,
               int          *height)
{
  gsize pos = 2;

  while (pos + 4 <= length)
    {
      guchar marker;
      gsize segment;

      if (data[pos] != 0xff)
        return FALSE;
      marker = data[pos + 1];
      if (marker == 0xff)  /* fill byte */
        {
          pos++;
          continue;
        }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          pos += 2;
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)  /* end of image, start of scan */
        return FALSE;

      segment = ((gsize) data[pos + 2] << 8) | data[pos + 3];
      if (segment < 2 || pos + 2 + segment > length)
        return FALSE;

      /* SOF0–SOF15, except DHT (c4), JPG (c8) and DAC (cc) */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (segment < 7)
            return FALSE;
          *height = (data[pos + 5] << 8) | data[pos + 6];
          *width = (data[pos + 7] << 8) | data[pos + 8];
          return *width > 0 && *height > 0;
        }
      pos += 2 + segment;
    }

  return FALSE;
}

static void
set_image_error (GError     **error,
                 ZcLanguage   language,
                 const char  *msgid)
{
  g_set_error_literal (error, ZC_PDF_ERROR, ZC_PDF_ERROR_IMAGE, zc_translate (language, msgid));
}

static cairo_surface_t *
load_jpeg (GBytes     *bytes,
           ZcLanguage  language,
           GError    **error)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  cairo_surface_t *surface;
  int width = 0, height = 0;

  if (!jpeg_get_size (data, length, &width, &height))
    {
      set_image_error (error, language, N_("The JPEG image is damaged"));
      return NULL;
    }
  if ((gint64) width * height > ZC_PDF_IMAGE_MAX_PIXELS)
    {
      set_image_error (error, language, N_("The image has too many pixels"));
      return NULL;
    }

  /* cairo cannot decode JPEG, but its PDF backend embeds the file as it
   * is when the surface carries it as MIME data; the pixels stay blank. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, data, length,
                                   (cairo_destroy_func_t) g_bytes_unref,
                                   g_bytes_ref (bytes)) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      set_image_error (error, language, N_("The image could not be read"));
      return NULL;
    }

  return surface;
}

/**
 * zc_pdf_image_load:
 * @bytes: a PNG or JPEG file, recognised by its content
 *
 * Returns: (transfer full): an image surface for zc_pdf_draw_image(), or
 *   %NULL with @error set (%ZC_PDF_ERROR_IMAGE)
 */
cairo_surface_t *
zc_pdf_image_load (GBytes      *bytes,
                   ZcLanguage   language,
                   GError     **error)
{
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  ReadClosure reader = { 0 };
  cairo_surface_t *surface;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader.data = g_bytes_get_data (bytes, &reader.length);
  if (reader.length >= 3 && reader.data[0] == 0xff && reader.data[1] == 0xd8 && reader.data[2] == 0xff)
    return load_jpeg (bytes, language, error);

  if (reader.length < 24 || memcmp (reader.data, png_signature, sizeof png_signature) != 0)
    {
      set_image_error (error, language, N_("The image is neither PNG nor JPEG"));
      return NULL;
    }

  /* The IHDR chunk comes first: refuse a huge image before decoding it. */
  {
    const guchar *ihdr = reader.data + 16;
    guint64 width = ((guint64) ihdr[0] << 24) | (ihdr[1] << 16) | (ihdr[2] << 8) | ihdr[3];
    guint64 height = ((guint64) ihdr[4] << 24) | (ihdr[5] << 16) | (ihdr[6] << 8) | ihdr[7];

    if (width * height > ZC_PDF_IMAGE_MAX_PIXELS)
      {
        set_image_error (error, language, N_("The image has too many pixels"));
        return NULL;
      }
  }

  surface = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      set_image_error (error, language, N_("The PNG image is damaged"));
      return NULL;
    }

  return surface;
}

/* Draws @image as large as fits in the box, centred, keeping its shape. */
void
zc_pdf_draw_image (cairo_t         *cr,
                   cairo_surface_t *image,
                   double           x,
                   double           y,
                   double           width,
                   double           height)
{
  int image_width, image_height;
  double scale;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (image != NULL);

  image_width = cairo_image_surface_get_width (image);
  image_height = cairo_image_surface_get_height (image);
  if (image_width <= 0 || image_height <= 0 || width <= 0.0 || height <= 0.0)
    return;

  scale = MIN (width / image_width, height / image_height);
  cairo_save (cr);
  cairo_translate (cr, x + (width - image_width * scale) / 2.0, y + (height - image_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* ---- writing ---------------------------------------------------------- */

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  WriteClosure *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->out, data, length, NULL, writer->cancellable, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
draw_decoration_text (ZcPdfDocument  *self,
                      cairo_t        *cr,
                      const char     *text,
                      double          size,
                      PangoAlignment  alignment,
                      double          baseline)
{
  g_autoptr(PangoLayout) layout = NULL;
  ZcPdfTextStyle style;

  zc_pdf_text_style_init (&style, size);
  style.alignment = alignment;
  style.gray = 0.3;
  layout = zc_pdf_document_create_layout (self, &style, text, zc_pdf_document_get_content_width (self));
  /* one line: the header and footer must stay inside their margin */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
  pango_layout_set_height (layout, 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, style.gray, style.gray, style.gray);
  cairo_move_to (cr, self->setup.margin_left,
                 baseline - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_watermark (ZcPdfDocument *self,
                cairo_t       *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  ZcPdfTextStyle style;

  zc_pdf_text_style_init (&style, 96.0);
  style.bold = TRUE;
  layout = zc_pdf_document_create_layout (self, &style, self->watermark, self->setup.height);
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (cr);
  cairo_translate (cr, self->setup.width / 2.0, self->setup.height / 2.0);
  cairo_rotate (cr, -G_PI / 5.0);
  /* scaled down when the text would reach past the page's edges */
  {
    double text_width = (double) logical.width / PANGO_SCALE;
    double room = self->setup.width * 0.9;

    if (text_width > room)
      cairo_scale (cr, room / text_width, room / text_width);
  }
  cairo_move_to (cr, -(double) (logical.x + logical.width / 2) / PANGO_SCALE,
                 -(double) (logical.y + logical.height / 2) / PANGO_SCALE);
  cairo_set_source_rgba (cr, 0.6, 0.6, 0.6, 0.22);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_decorations (ZcPdfDocument *self,
                  cairo_t       *cr,
                  const Page    *page,
                  guint          number)
{
  double header_baseline = self->setup.margin_top - 12.0;
  double footer_baseline = self->setup.height - self->setup.margin_bottom + 24.0;

  if (page->header_left != NULL || page->header_right != NULL)
    {
      if (page->header_left != NULL)
        draw_decoration_text (self, cr, page->header_left, HEADER_SIZE, PANGO_ALIGN_LEFT, header_baseline);
      if (page->header_right != NULL)
        draw_decoration_text (self, cr, page->header_right, HEADER_SIZE, PANGO_ALIGN_RIGHT, header_baseline);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, self->setup.margin_left, header_baseline + 5.0);
      cairo_line_to (cr, self->setup.width - self->setup.margin_right, header_baseline + 5.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (self->footer_func != NULL)
    {
      g_autofree char *label = self->footer_func (number, self->pages->len, self->footer_data);

      if (label != NULL)
        draw_decoration_text (self, cr, label, FOOTER_SIZE, PANGO_ALIGN_CENTER, footer_baseline);
    }

  if (self->watermark != NULL)
    {
      /* also level, where text extraction and a quick look find it */
      draw_decoration_text (self, cr, self->watermark, FOOTER_SIZE, PANGO_ALIGN_RIGHT, footer_baseline);
      draw_watermark (self, cr);
    }
}

static void
add_outline (ZcPdfDocument   *self,
             cairo_surface_t *surface)
{
  g_autofree int *ids = g_new0 (int, self->outline->len + 1);

  ids[0] = CAIRO_PDF_OUTLINE_ROOT;
  for (guint i = 0; i < self->outline->len; i++)
    {
      const OutlineItem *item = g_ptr_array_index (self->outline, i);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *link = NULL;

      /* cairo parses the link with the C locale's number syntax */
      g_ascii_formatd (x, sizeof x, "%.2f", self->setup.margin_left);
      g_ascii_formatd (y, sizeof y, "%.2f", MAX (item->y - 6.0, 0.0));
      link = g_strdup_printf ("page=%u pos=[%s %s]", item->page, x, y);
      ids[i + 1] = cairo_pdf_surface_add_outline (surface, ids[item->parent], item->title, link,
                                                  item->open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }
}

/**
 * zc_pdf_document_write:
 * @out: where the PDF goes; it is flushed, not closed
 *
 * Writes every page with its decorations, the outline and the metadata.
 * The document is finished afterwards: nothing more can be added, and
 * it is written only once.
 *
 * Returns: whether the whole PDF was written; %ZC_PDF_ERROR_WRITE with
 *   the stream's message otherwise
 */
gboolean
zc_pdf_document_write (ZcPdfDocument  *self,
                       GOutputStream  *out,
                       GCancellable   *cancellable,
                       GError        **error)
{
  WriteClosure writer = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (!self->written, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->written = TRUE;
  g_clear_pointer (&self->cr, cairo_destroy);

  surface = cairo_pdf_surface_create_for_stream (write_bytes, &writer, self->setup.width, self->setup.height);
  for (guint i = 0; i < N_METADATA; i++)
    if (self->metadata[i] != NULL)
      cairo_pdf_surface_set_metadata (surface, (cairo_pdf_metadata_t) i, self->metadata[i]);

  for (guint i = 0; i < self->pages->len; i++)
    {
      const Page *page = g_ptr_array_index (self->pages, i);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_surface (cr, page->recording, 0, 0);
      cairo_paint (cr);
      draw_decorations (self, cr, page, i + 1);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  add_outline (self, surface);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL)
    {
      g_set_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_WRITE, "%s: %s",
                   zc_translate (self->language, N_("The PDF could not be written")),
                   writer.error->message);
      g_clear_error (&writer.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_FAILED, "%s: %s",
                   zc_translate (self->language, N_("The PDF could not be made")),
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_output_stream_flush (out, cancellable, &writer.error))
    {
      g_set_error (error, ZC_PDF_ERROR, ZC_PDF_ERROR_WRITE, "%s: %s",
                   zc_translate (self->language, N_("The PDF could not be written")),
                   writer.error->message);
      g_clear_error (&writer.error);
      return FALSE;
    }

  return TRUE;
}
