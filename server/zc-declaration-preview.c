/* zc-declaration-preview.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-preview"

#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-declaration-document.h"
#include "zc-declaration-freeze.h"
#include "zc-declaration-preview.h"
#include "zc-declaration-service.h"
#include "zc-review-form.h"
#include "zc-store-blobs.h"

/* Cache files are DIR/<record id>/<key>.<lang>.pdf and
 * <key>.<lang>.p<page>.w<width>.png, <key> a hash of the document's
 * version: a new version gets new names, and the files of older ones
 * are removed when the new one is written.  Files are written whole by
 * rename, so a reader never sees half of one. */

struct _ZcDeclarationPreview
{
  ZcBlobService *blobs;        /* owned */
  ZcContext     *ctx;          /* owned */
  char          *cache_dir;    /* owned */
  GMutex         render_lock;  /* one rendering at a time: each takes much memory */
};

void
zc_preview_result_free (ZcPreviewResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_free (result->etag);
  g_free (result);
}

ZcDeclarationPreview *
zc_declaration_preview_new (ZcBlobService *blobs,
                            const char    *cache_dir)
{
  ZcDeclarationPreview *self;

  g_return_val_if_fail (blobs != NULL, NULL);

  self = g_atomic_rc_box_new0 (ZcDeclarationPreview);
  self->blobs = zc_blob_service_ref (blobs);
  self->ctx = zc_context_ref (zc_blob_service_get_context (blobs));
  self->cache_dir = cache_dir != NULL ? g_strdup (cache_dir)
                                      : g_build_filename (self->ctx->options->data_dir, "previews", NULL);
  g_mutex_init (&self->render_lock);

  return self;
}

ZcDeclarationPreview *
zc_declaration_preview_ref (ZcDeclarationPreview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
preview_clear (gpointer data)
{
  ZcDeclarationPreview *self = data;

  g_clear_pointer (&self->blobs, zc_blob_service_unref);
  g_clear_pointer (&self->ctx, zc_context_unref);
  g_free (self->cache_dir);
  g_mutex_clear (&self->render_lock);
}

void
zc_declaration_preview_unref (ZcDeclarationPreview *self)
{
  if (self == NULL)
    return;

  g_atomic_rc_box_release_full (self, preview_clear);
}

/* Returns: (transfer none): the context */
ZcContext *
zc_declaration_preview_get_context (ZcDeclarationPreview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->ctx;
}

/* ---- the document ----------------------------------------------------- */

typedef struct
{
  JsonNode *document;   /* owned */
  char     *key;        /* owned: what the cache names files by */
  char     *dir;        /* owned: the declaration's cache folder */
} Source;

static void
source_clear (Source *source)
{
  g_clear_pointer (&source->document, json_node_unref);
  g_clear_pointer (&source->key, g_free);
  g_clear_pointer (&source->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

/* The declaration's document as the caller may see it, read in one
 * short transaction: nothing is held while rendering. */
static gboolean
load_source (ZcDeclarationPreview  *self,
             const ZcCaller        *caller,
             const char            *record_id,
             ZcLanguage             language,
             Source                *source,
             GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcStoredRecord) declaration = NULL;
  g_autofree char *version = NULL;
  g_autofree char *seed = NULL;
  ZcChangeContext change = { .caller = caller, .language = language, .now = zc_context_now (self->ctx) };

  txn = zc_store_begin_read (self->ctx->store, &local_error);
  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return FALSE;
    }

  declaration = zc_declaration_service_get_visible_in (txn, caller, record_id, language, &local_error);
  if (declaration == NULL)
    {
      if (g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        zc_api_set_not_found (error, language);
      else
        zc_api_error_from_other (error, local_error, language);
      return FALSE;
    }

  source->document = zc_declaration_document_in (txn, &change, declaration, &version, &local_error);
  if (source->document == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return FALSE;
    }

  /* the version is another module's text: hash it into a safe file name */
  seed = g_strconcat (declaration->id, "\n", version != NULL ? version : "", NULL);
  source->key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  source->key[32] = '\0';
  source->dir = g_build_filename (self->cache_dir, declaration->id, NULL);

  return TRUE;
}

static const char *
language_tag (ZcLanguage language)
{
  return language == ZC_LANGUAGE_ENGLISH ? "en" : "zh";
}

/* ---- the cache -------------------------------------------------------- */

static GBytes *
cache_read (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);

  return file != NULL ? g_mapped_file_get_bytes (file) : NULL;
}

/* Removes the files of other versions than @key. */
static void
cache_prune (const char *dir,
             const char *key)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_str_has_prefix (name, key))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_message ("Cannot remove the old preview %s: %s", path, g_strerror (errno));
    }
}

/* A failure to write the cache is logged: the answer does not need it. */
static void
cache_write (const char *dir,
             const char *key,
             const char *name,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_message ("Cannot create the preview folder %s: %s", dir, g_strerror (errno));
      return;
    }
  cache_prune (dir, key);
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_message ("Cannot keep the preview %s: %s", path, error->message);
}

/* ---- rendering -------------------------------------------------------- */

/* The review form's blob lookup: a blob the server never received is
 * "not here" (an empty box), one it recorded but cannot read an error. */
static GBytes *
lookup_blob (const char  *sha256,
             gpointer     user_data,
             GError     **error)
{
  ZcDeclarationPreview *self = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcBlob) blob = NULL;

  txn = zc_store_begin_read (self->ctx->store, error);
  if (txn == NULL)
    return NULL;
  blob = zc_store_blobs_get (txn, sha256, &local_error);
  g_clear_pointer (&txn, zc_store_txn_free);
  if (blob == NULL)
    {
      if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return zc_blob_service_read (self->blobs, blob, ZC_LANGUAGE_ENGLISH, error);
}

static GBytes *
render_pdf (ZcDeclarationPreview  *self,
            JsonNode              *node,
            ZcLanguage             language,
            GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcDeclarationDocument) document = NULL;
  GBytes *pdf = NULL;

  document = zc_declaration_document_new_from_json (node, &local_error);
  if (document != NULL)
    {
      g_mutex_lock (&self->render_lock);
      pdf = zc_review_form_render_to_bytes (document, lookup_blob, self, language, &local_error);
      g_mutex_unlock (&self->render_lock);
    }
  if (pdf == NULL)
    zc_api_error_from_other (error, local_error, language);

  return pdf;
}

static PopplerDocument *
open_pdf (GBytes      *pdf,
          ZcLanguage   language,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &local_error);

  if (document == NULL)
    zc_api_error_from_other (error, local_error, language);

  return document;
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Page @index of @document, @width pixels wide, on white. */
static GBytes *
render_png (ZcDeclarationPreview  *self,
            PopplerDocument       *document,
            guint                  index,
            guint                  width,
            ZcLanguage             language,
            GError               **error)
{
  PopplerPage *page = poppler_document_get_page (document, (int) index);
  g_autoptr(GByteArray) png = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double page_width = 0, page_height = 0, scale;
  int height;
  cairo_t *cr;

  if (page == NULL)
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }
  poppler_page_get_size (page, &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    {
      g_object_unref (page);
      zc_api_set_error (error, ZC_API_ERROR_INTERNAL, "internal_error", NULL,
                        zc_translate (language, N_("The server failed to do this. The failure has been logged.")));
      g_warning ("Page %u of a review form has no size", index + 1);
      return NULL;
    }
  scale = width / page_width;
  height = MAX (1, (int) ceil (page_height * scale));

  png = g_byte_array_new ();
  g_mutex_lock (&self->render_lock);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  g_mutex_unlock (&self->render_lock);
  g_object_unref (page);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autoptr(GError) local_error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write a PNG preview: %s",
                                                   cairo_status_to_string (status));

      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* The PDF of @source, from the cache or rendered now. */
static GBytes *
get_pdf_bytes (ZcDeclarationPreview  *self,
               Source                *source,
               ZcLanguage             language,
               gboolean              *from_cache,
               GError               **error)
{
  g_autofree char *name = g_strdup_printf ("%s.%s.pdf", source->key, language_tag (language));
  g_autofree char *path = g_build_filename (source->dir, name, NULL);
  GBytes *pdf = cache_read (path);

  *from_cache = pdf != NULL;
  if (pdf != NULL)
    return pdf;

  pdf = render_pdf (self, source->document, language, error);
  if (pdf != NULL)
    cache_write (source->dir, source->key, name, pdf);

  return pdf;
}

static guint
count_pages (GBytes     *pdf,
             ZcLanguage  language,
             GError    **error)
{
  PopplerDocument *document = open_pdf (pdf, language, error);
  guint n_pages;

  if (document == NULL)
    return 0;
  n_pages = (guint) MAX (poppler_document_get_n_pages (document), 0);
  g_object_unref (document);

  return n_pages;
}

/**
 * zc_declaration_preview_get_pdf:
 *
 * Returns: (transfer full): the review form of @record_id
 */
ZcPreviewResult *
zc_declaration_preview_get_pdf (ZcDeclarationPreview  *self,
                                const ZcCaller        *caller,
                                const char            *record_id,
                                ZcLanguage             language,
                                GError               **error)
{
  g_auto(Source) source = { NULL };
  g_autoptr(ZcPreviewResult) result = g_new0 (ZcPreviewResult, 1);

  g_return_val_if_fail (self != NULL && caller != NULL && record_id != NULL, NULL);

  if (!load_source (self, caller, record_id, language, &source, error))
    return NULL;

  result->bytes = get_pdf_bytes (self, &source, language, &result->from_cache, error);
  if (result->bytes == NULL)
    return NULL;
  result->n_pages = count_pages (result->bytes, language, error);
  if (result->n_pages == 0)
    return NULL;
  result->etag = g_strdup_printf ("\"%s-%s\"", source.key, language_tag (language));

  return g_steal_pointer (&result);
}

/**
 * zc_declaration_preview_get_page:
 *
 * Returns: (transfer full): page @page of the review form as PNG
 */
ZcPreviewResult *
zc_declaration_preview_get_page (ZcDeclarationPreview  *self,
                                 const ZcCaller        *caller,
                                 const char            *record_id,
                                 guint                  page,
                                 guint                  width,
                                 ZcLanguage             language,
                                 GError               **error)
{
  g_auto(Source) source = { NULL };
  g_autoptr(ZcPreviewResult) result = g_new0 (ZcPreviewResult, 1);
  PopplerDocument *document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gboolean pdf_from_cache = FALSE;

  g_return_val_if_fail (self != NULL && caller != NULL && record_id != NULL, NULL);
  g_return_val_if_fail (width >= ZC_PREVIEW_WIDTH_MIN && width <= ZC_PREVIEW_WIDTH_MAX, NULL);

  if (!load_source (self, caller, record_id, language, &source, error))
    return NULL;

  pdf = get_pdf_bytes (self, &source, language, &pdf_from_cache, error);
  if (pdf == NULL)
    return NULL;
  document = open_pdf (pdf, language, error);
  if (document == NULL)
    return NULL;
  result->n_pages = (guint) MAX (poppler_document_get_n_pages (document), 0);
  if (page < 1 || page > result->n_pages)
    {
      g_object_unref (document);
      zc_api_set_not_found (error, language);
      return NULL;
    }

  result->etag = g_strdup_printf ("\"%s-%s-p%u-w%u\"", source.key, language_tag (language), page, width);
  name = g_strdup_printf ("%s.%s.p%u.w%u.png", source.key, language_tag (language), page, width);
  path = g_build_filename (source.dir, name, NULL);
  result->bytes = cache_read (path);
  result->from_cache = result->bytes != NULL;
  if (result->bytes == NULL)
    result->bytes = render_png (self, document, page - 1, width, language, error);
  g_object_unref (document);
  if (result->bytes == NULL)
    return NULL;
  if (result->from_cache)
    return g_steal_pointer (&result);

  cache_write (source.dir, source.key, name, result->bytes);

  return g_steal_pointer (&result);
}
