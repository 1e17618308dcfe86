/* zc-file-viewer.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-file-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-file-viewer.h"
#include "zc-pdf-view.h"

/* One file in its own window, closed with Escape.  A PDF gets the PDF
 * view with its own toolbar (save as, print); an image gets the picture
 * and a "Save a Copy…" button in the header bar. */

struct _ZcFileViewer
{
  AdwWindow              parent_instance;

  GBytes                *bytes;    /* owned */
  char                  *name;     /* owned */
  GtkWidget             *content;  /* in the window */
  AdwToastOverlay       *toasts;
  GtkFileChooserNative  *chooser;  /* owned, nullable: while open */
};

G_DEFINE_FINAL_TYPE (ZcFileViewer, zc_file_viewer, ADW_TYPE_WINDOW)

static void
zc_file_viewer_dispose (GObject *object)
{
  ZcFileViewer *self = ZC_FILE_VIEWER (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (zc_file_viewer_parent_class)->dispose (object);
}

static void
zc_file_viewer_class_init (ZcFileViewerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = zc_file_viewer_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_file_viewer_init (ZcFileViewer *self)
{
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
zc_file_viewer_save_async (ZcFileViewer        *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ZC_IS_FILE_VIEWER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_file_viewer_save_async);
  g_file_replace_contents_bytes_async (file, self->bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, save_done, task);
}

gboolean
zc_file_viewer_save_finish (ZcFileViewer  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ZcFileViewer *self = ZC_FILE_VIEWER (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (zc_file_viewer_save_finish (self, result, &error))
    message = g_strdup (_("A copy was saved"));
  else
    message = g_strdup_printf (_("The copy could not be saved: %s"), error->message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ZcFileViewer    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        zc_file_viewer_save_async (self, file, NULL, on_saved, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
on_save_clicked (ZcFileViewer *self)
{
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), self->name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * zc_file_viewer_new:
 *
 * Returns: (transfer none) (nullable): the window, owned by GTK as toplevels are
 */
ZcFileViewer *
zc_file_viewer_new (GtkWindow   *parent,
                    const char  *name,
                    const char  *mime,
                    GBytes      *bytes,
                    GError     **error)
{
  ZcFileViewer *self;
  GtkWidget *box, *header, *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (name != NULL && bytes != NULL, NULL);

  self = g_object_new (ZC_TYPE_FILE_VIEWER, "title", name, "default-width", 900, "default-height", 720,
                       "destroy-with-parent", TRUE, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->bytes = g_bytes_ref (bytes);
  self->name = g_strdup (name);
  header = adw_header_bar_new ();
  title = adw_window_title_new (name, NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  if (g_strcmp0 (mime, "application/pdf") == 0)
    {
      self->content = zc_pdf_view_new ();
      if (!zc_pdf_view_load_bytes (ZC_PDF_VIEW (self->content), bytes, error))
        {
          g_object_ref_sink (self->content);
          g_object_unref (self->content);
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      zc_pdf_view_set_fit_width (ZC_PDF_VIEW (self->content), TRUE);
      zc_pdf_view_set_outline_visible (ZC_PDF_VIEW (self->content), FALSE);
      zc_pdf_view_set_suggested_name (ZC_PDF_VIEW (self->content), name);
    }
  else
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (bytes, error);
      GtkWidget *save;

      if (texture == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      self->content = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (self->content), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (self->content), GTK_CONTENT_FIT_CONTAIN);
      gtk_picture_set_alternative_text (GTK_PICTURE (self->content), name);
      save = gtk_button_new_with_mnemonic (_("_Save a Copy…"));
      g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked), self);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
    }

  gtk_widget_set_vexpand (self->content, TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, self->content);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

GtkWidget *
zc_file_viewer_get_content (ZcFileViewer *self)
{
  g_return_val_if_fail (ZC_IS_FILE_VIEWER (self), NULL);
  return self->content;
}
