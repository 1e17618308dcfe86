/* zc-pdf-view-output.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-view"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-pdf-view-private.h"

/* The PDF out of the view: "Save as" writes it as it was loaded;
 * printing draws each page scaled to the paper.  Problems are toasts. */

/* ---- save and print --------------------------------------------------- */

static void
toast (ZcPdfView  *self,
       const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * zc_pdf_view_save_async:
 * @file: where to write the PDF; it is replaced
 *
 * Writes the PDF exactly as it was loaded.
 */
void
zc_pdf_view_save_async (ZcPdfView           *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZC_IS_PDF_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_pdf_view_save_async);
  if (self->bytes == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s", _("No document is shown"));
      return;
    }

  g_file_replace_contents_bytes_async (file, self->bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, save_done, g_steal_pointer (&task));
}

gboolean
zc_pdf_view_save_finish (ZcPdfView     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  ZcPdfView *self = ZC_PDF_VIEW (source);
  g_autoptr(GError) error = NULL;

  if (zc_pdf_view_save_finish (self, result, &error))
    toast (self, _("The PDF was saved"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The PDF could not be saved: %s"), error->message);

      toast (self, message);
    }
}

static void
on_chooser_response (ZcPdfView            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        zc_pdf_view_save_async (self, file, NULL, on_saved, NULL);
    }
  g_clear_object (&self->chooser);
}

void
zc_pdf_view_save_as_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ZcPdfView *self = ZC_PDF_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save the PDF"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), self->suggested_name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Each PDF page scaled to the printable area, centred, vector all the way. */
static void
draw_print_page (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_number,
                 gpointer           data)
{
  PopplerDocument *document = data;
  PopplerPage *page = poppler_document_get_page (document, page_number);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  if (page == NULL)
    return;

  poppler_page_get_size (page, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);
  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2.0, (height - page_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

/**
 * zc_pdf_view_create_print_operation:
 *
 * A print operation for the document shown: every page on A4 paper,
 * the whole page printable (the PDF has its own margins).  The print
 * action runs it with the print dialog; a test can export it to a file.
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL when no
 *   document is shown
 */
GtkPrintOperation *
zc_pdf_view_create_print_operation (ZcPdfView *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPaperSize *a4;

  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, (int) self->sizes->len);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, self->suggested_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);

  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_print_page),
                         g_object_ref (self->document), (GClosureNotify) g_object_unref, 0);
  return operation;
}

static void
on_print_done (ZcPdfView               *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("The PDF could not be printed: %s"),
                                 error != NULL ? error->message : _("unknown error"));
      toast (self, message);
    }
}

void
zc_pdf_view_print_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ZcPdfView *self = ZC_PDF_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->print_operation);
  self->print_operation = zc_pdf_view_create_print_operation (self);
  if (self->print_operation == NULL)
    return;

  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (on_print_done), self, G_CONNECT_SWAPPED);
  if (gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The PDF could not be printed: %s"), error->message);

      toast (self, message);
    }
}
