/* zc-blob-preview.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-blob-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-blob-preview.h"
#include "zc-json.h"
#include "zc-pdf-view.h"

/**
 * zc_blob_preview_new_message:
 *
 * Returns: (transfer floating): @text centred where a preview would be
 */
GtkWidget *
zc_blob_preview_new_message (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

/**
 * zc_blob_preview_new:
 * @file: an attachment record: sha256, mime, name
 * @missing_message: what to say when the file is not in @store
 *
 * Returns: (transfer floating): the file's preview, or a line saying
 *   why there is none
 */
GtkWidget *
zc_blob_preview_new (ZcLocalStore *store,
                     JsonObject   *file,
                     const char   *missing_message)
{
  const char *sha256 = zc_json_member_string (file, "sha256");
  const char *mime = zc_json_member_string (file, "mime");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (missing_message != NULL, NULL);

  path = sha256 != NULL ? zc_local_store_get_blob_path (store, sha256) : NULL;
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return zc_blob_preview_new_message (missing_message);

  if (g_strcmp0 (mime, "application/pdf") == 0)
    {
      g_autoptr(GFile) gfile = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = g_file_load_bytes (gfile, NULL, NULL, &error);
      GtkWidget *view = zc_pdf_view_new ();

      if (bytes != NULL && zc_pdf_view_load_bytes (ZC_PDF_VIEW (view), bytes, &error))
        {
          zc_pdf_view_set_fit_width (ZC_PDF_VIEW (view), TRUE);
          zc_pdf_view_set_outline_visible (ZC_PDF_VIEW (view), FALSE);
          zc_pdf_view_set_suggested_name (ZC_PDF_VIEW (view), zc_json_member_string (file, "name"));
          return view;
        }
      g_object_ref_sink (view);
      g_object_unref (view);
      g_debug ("Cannot show %s: %s", path, error->message);
      return zc_blob_preview_new_message (_("This PDF file cannot be shown."));
    }
  if (mime != NULL && g_str_has_prefix (mime, "image/"))
    {
      GtkWidget *picture = gtk_picture_new_for_filename (path);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), zc_json_member_string (file, "name"));
      return picture;
    }
  return zc_blob_preview_new_message (_("Files of this type cannot be shown here."));
}
