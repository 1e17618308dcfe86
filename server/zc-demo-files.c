/* zc-demo-files.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-demo"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "zc-blob-service.h"
#include "zc-demo-files.h"
#include "zc-pdf-page.h"
#include "zc-store-blobs.h"

/* Everything is drawn from fixed numbers: no clock, no randomness, and
 * the PDF's dates are set, so a seeding makes the same bytes as the one
 * before.  All content is fictional. */

/* The 1-inch ID photo at 300 dpi (295 × 413, 5:7) fits every preset of
 * zc-photo-rules.c; the light blue is within the white presets'
 * tolerance, which the default (sichuan) asks for. */
#define PHOTO_WIDTH   295
#define PHOTO_HEIGHT  413

/* The signature pad's size (zc-signature-pad.c). */
#define SIGNATURE_WIDTH   600
#define SIGNATURE_HEIGHT  200

#define COVER_WIDTH   420
#define COVER_HEIGHT  560

/* cairo 1.16 dates a PDF with the time it was made unless told */
#define OUTLINE_DATE "2026-01-05T09:00:00+08:00"

typedef struct
{
  const char *name;   /* the file name of its attachment record */
} FileInfo;

static const FileInfo files[] = {
  [ZC_DEMO_FILE_PHOTO] = { "照片.jpg" },
  [ZC_DEMO_FILE_SIGNATURE] = { "承诺书签名.png" },
  [ZC_DEMO_FILE_OUTLINE] = { "答辩提纲.pdf" },
  [ZC_DEMO_FILE_JOURNAL_COVER] = { "期刊封面.png" },
};

static const char * const outline_lines[] = {
  "一、任职以来的主要工作",
  "　　1. 心血管内科临床诊疗与病房管理",
  "　　2. 心律失常患者的诊治与随访",
  "二、导管消融治疗阵发性心房颤动的临床实践",
  "　　1. 病例选择与术前评估",
  "　　2. 手术方式与术中要点",
  "　　3. 近期疗效与并发症的防治",
  "三、代表性论文",
  "　　《导管消融治疗阵发性心房颤动的近期疗效观察》，中国实用医刊，2023 年",
  "四、今后的工作设想",
  "　　规范开展心房颤动的导管消融治疗，建立术后随访制度，带教住院医师。",
};

/* ---- drawing ----------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
surface_to_png (cairo_surface_t  *surface,
                GError          **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_bytes, png);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot draw a demo file: %s",
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* An opaque image surface as JPEG, through gdk-pixbuf (cairo writes
 * only PNG). */
static GBytes *
surface_to_jpeg (cairo_surface_t  *surface,
                 GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  char *buffer = NULL;
  gsize size = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * (gsize) stride);
      guint8 *out = pixels + (gsize) y * (gsize) rowstride;

      for (int x = 0; x < width; x++)
        {
          out[3 * x] = (guint8) (row[x] >> 16);
          out[3 * x + 1] = (guint8) (row[x] >> 8);
          out[3 * x + 2] = (guint8) row[x];
        }
    }

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", error, "quality", "90", NULL))
    return NULL;

  return g_bytes_new_take (buffer, size);
}

/* Head and shoulders in a neutral grey on a plain light blue, the
 * top corners (where the photo check samples the background) clear. */
static GBytes *
draw_photo (GError **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PHOTO_WIDTH, PHOTO_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  cairo_set_source_rgb (cr, 214 / 255.0, 232 / 255.0, 248 / 255.0);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, 0.56, 0.56, 0.56);
  /* shoulders */
  cairo_move_to (cr, 16, PHOTO_HEIGHT);
  cairo_curve_to (cr, 20, 345, 66, 316, 120, 304);
  cairo_line_to (cr, 175, 304);
  cairo_curve_to (cr, 229, 316, 275, 345, 279, PHOTO_HEIGHT);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* neck */
  cairo_rectangle (cr, 124, 232, 47, 80);
  cairo_fill (cr);
  /* head */
  cairo_save (cr);
  cairo_translate (cr, PHOTO_WIDTH / 2.0, 176);
  cairo_scale (cr, 58, 72);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_fill (cr);

  cairo_destroy (cr);
  bytes = surface_to_jpeg (surface, error);
  cairo_surface_destroy (surface);

  return bytes;
}

/* A handwritten-looking stroke and its flourish, in blue-black ink on
 * a transparent pad, as the signature pad exports it. */
static GBytes *
draw_signature (GError **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  cairo_set_source_rgb (cr, 0.08, 0.10, 0.25);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 5.0);

  cairo_move_to (cr, 70, 130);
  cairo_curve_to (cr, 95, 40, 130, 40, 120, 120);
  cairo_curve_to (cr, 115, 160, 150, 150, 170, 100);
  cairo_curve_to (cr, 185, 65, 200, 70, 195, 120);
  cairo_curve_to (cr, 192, 150, 230, 140, 250, 95);
  cairo_curve_to (cr, 265, 60, 300, 60, 290, 110);
  cairo_curve_to (cr, 282, 150, 330, 150, 360, 105);
  cairo_curve_to (cr, 380, 75, 410, 80, 400, 125);
  cairo_curve_to (cr, 395, 150, 450, 140, 540, 90);
  cairo_stroke (cr);

  cairo_set_line_width (cr, 3.5);
  cairo_move_to (cr, 90, 165);
  cairo_curve_to (cr, 250, 180, 420, 170, 520, 142);
  cairo_stroke (cr);

  cairo_destroy (cr);
  bytes = surface_to_png (surface, error);
  cairo_surface_destroy (surface);

  return bytes;
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (ZC_PDF_DEFAULT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* hinting follows the desktop's settings otherwise */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (description, size * PANGO_SCALE);
  pango_font_description_set_weight (description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The journal's cover: its name on a coloured band, the issue, and a
 * table of contents with the demo paper. */
static GBytes *
draw_journal_cover (GError **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, COVER_WIDTH, COVER_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  cairo_set_source_rgb (cr, 0.98, 0.97, 0.94);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.60, 0.10, 0.12);
  cairo_rectangle (cr, 0, 0, COVER_WIDTH, 150);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  show_text (cr, "中国实用医刊", 44, TRUE, 0, 36, COVER_WIDTH);
  show_text (cr, "CHINESE JOURNAL OF PRACTICAL MEDICINE", 13, FALSE, 0, 106, COVER_WIDTH);

  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  show_text (cr, "2023 年 8 月　第 50 卷　第 15 期", 16, FALSE, 0, 170, COVER_WIDTH);
  show_text (cr, "目　次", 20, TRUE, 0, 220, COVER_WIDTH);

  cairo_set_source_rgb (cr, 0.60, 0.10, 0.12);
  show_text (cr, "导管消融治疗阵发性心房颤动的近期疗效观察", 15, TRUE, 30, 270, COVER_WIDTH - 60);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  show_text (cr, "周涛", 13, FALSE, 30, 296, COVER_WIDTH - 60);

  /* the other articles, as grey rules */
  cairo_set_source_rgb (cr, 0.72, 0.72, 0.72);
  for (int i = 0; i < 7; i++)
    {
      cairo_rectangle (cr, 50, 340 + i * 26, i % 2 == 0 ? 320 : 260, 8);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
  bytes = surface_to_png (surface, error);
  cairo_surface_destroy (surface);

  return bytes;
}

/* 答辩提纲: a title, who it is from, and the outline, on one A4 page. */
static GBytes *
draw_outline (GError **error)
{
  ZcPdfPageSetup setup;
  g_autoptr(ZcPdfDocument) pdf = NULL;
  g_autoptr(GOutputStream) out = NULL;
  ZcPdfTextStyle title, byline, body;

  zc_pdf_page_setup_init_a4 (&setup);
  pdf = zc_pdf_document_new (&setup, ZC_PDF_DEFAULT_FAMILY, ZC_LANGUAGE_ENGLISH, error);
  if (pdf == NULL)
    return NULL;

  zc_pdf_document_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, "答辩提纲");
  zc_pdf_document_set_metadata (pdf, CAIRO_PDF_METADATA_AUTHOR, "周涛");
  zc_pdf_document_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, "Zhicheng demo");
  zc_pdf_document_set_metadata (pdf, CAIRO_PDF_METADATA_CREATE_DATE, OUTLINE_DATE);
  zc_pdf_document_set_metadata (pdf, CAIRO_PDF_METADATA_MOD_DATE, OUTLINE_DATE);

  zc_pdf_text_style_init (&title, 20);
  title.bold = TRUE;
  title.alignment = PANGO_ALIGN_CENTER;
  zc_pdf_text_style_init (&byline, 12);
  byline.alignment = PANGO_ALIGN_CENTER;
  zc_pdf_text_style_init (&body, 12);
  body.line_spacing = 1.6;

  zc_pdf_document_add_text (pdf, &title, "答辩提纲", 0, 0);
  zc_pdf_document_advance (pdf, 8);
  zc_pdf_document_add_text (pdf, &byline, "申报：副主任医师（心血管内科）　　申报人：周涛　　郑州市示范人民医院", 0, 0);
  zc_pdf_document_advance (pdf, 24);
  for (guint i = 0; i < G_N_ELEMENTS (outline_lines); i++)
    zc_pdf_document_add_text (pdf, &body, outline_lines[i], 0, 0);

  out = g_memory_output_stream_new_resizable ();
  if (!zc_pdf_document_write (pdf, out, NULL, error) || !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/**
 * zc_demo_file_draw:
 *
 * Returns: (transfer full) (nullable): the file's bytes; the outline
 *   fails with %ZC_PDF_ERROR_NO_CJK_FONT where no font shows Chinese
 */
GBytes *
zc_demo_file_draw (ZcDemoFile   file,
                   GError     **error)
{
  switch (file)
    {
    case ZC_DEMO_FILE_PHOTO:
      return draw_photo (error);
    case ZC_DEMO_FILE_SIGNATURE:
      return draw_signature (error);
    case ZC_DEMO_FILE_OUTLINE:
      return draw_outline (error);
    case ZC_DEMO_FILE_JOURNAL_COVER:
      return draw_journal_cover (error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- storing ----------------------------------------------------------- */

/**
 * zc_demo_file_store:
 * @blobs: the server's blob store
 * @uploader_id: the account that "uploaded" it
 *
 * Draws @file and stores it as an upload by @uploader_id would be: the
 * bytes in @blobs, the blob's row with @uploader_id among its uploaders.
 * A blob that is there already is kept.
 *
 * Returns: (transfer full) (nullable): its attachment record: sha256,
 *   name, mime, size
 */
JsonObject *
zc_demo_file_store (ZcStoreTxn   *txn,
                    ZcBlobStore  *blobs,
                    ZcDemoFile    file,
                    const char   *uploader_id,
                    gint64        now,
                    GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ZcBlob) blob = zc_blob_new ();
  g_autofree char *sha256 = NULL;
  const guint8 *data;
  gsize size;
  gboolean stored = FALSE;
  gboolean created = FALSE;
  JsonObject *record;

  g_return_val_if_fail (txn != NULL && ZC_IS_BLOB_STORE (blobs), NULL);
  g_return_val_if_fail (file < G_N_ELEMENTS (files), NULL);
  g_return_val_if_fail (uploader_id != NULL, NULL);

  bytes = zc_demo_file_draw (file, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  if (!zc_blob_store_contains (blobs, sha256, &stored, error))
    return NULL;
  if (!stored)
    {
      g_autoptr(ZcBlobUpload) upload = zc_blob_store_begin_upload (blobs, error);

      if (upload == NULL ||
          !zc_blob_upload_write (upload, data, size, error) ||
          !zc_blob_upload_commit (upload, sha256, NULL, error))
        return NULL;
    }

  blob->sha256 = g_strdup (sha256);
  blob->size = (gint64) size;
  blob->mime = g_strdup (zc_blob_sniff_mime (data, size));
  blob->owner = g_strdup (uploader_id);
  blob->created_at = now;
  g_assert (blob->mime != NULL);
  if (!zc_store_blobs_insert (txn, blob, &created, error) ||
      !zc_store_blobs_add_uploader (txn, sha256, uploader_id, now, error))
    return NULL;

  record = json_object_new ();
  json_object_set_string_member (record, "sha256", sha256);
  json_object_set_string_member (record, "name", files[file].name);
  json_object_set_string_member (record, "mime", blob->mime);
  json_object_set_int_member (record, "size", (gint64) size);

  return record;
}
