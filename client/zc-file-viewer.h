/* zc-file-viewer.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A window showing one file: a PDF in a ZcPdfView (which saves and
 * prints it), an image in a GtkPicture with "Save a Copy…". */

#define ZC_TYPE_FILE_VIEWER (zc_file_viewer_get_type ())
G_DECLARE_FINAL_TYPE (ZcFileViewer, zc_file_viewer, ZC, FILE_VIEWER, AdwWindow)

/* @parent: (nullable); @name: the file's name, the title and the name a
 * copy is saved under; @mime: "application/pdf", "image/jpeg" or
 * "image/png".  Returns: (transfer none) (nullable): the window, not
 * shown yet, or NULL when @bytes cannot be shown. */
ZcFileViewer *zc_file_viewer_new            (GtkWindow     *parent,
                                             const char    *name,
                                             const char    *mime,
                                             GBytes        *bytes,
                                             GError       **error);
/* (transfer none): the ZcPdfView or the GtkPicture */
GtkWidget    *zc_file_viewer_get_content    (ZcFileViewer  *self);
/* Writes the file to @file, as "Save a Copy…" does. */
void          zc_file_viewer_save_async     (ZcFileViewer        *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      zc_file_viewer_save_finish    (ZcFileViewer  *self,
                                             GAsyncResult  *result,
                                             GError       **error);

G_END_DECLS
