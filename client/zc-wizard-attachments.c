/* zc-wizard-attachments.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zc-json.h"
#include "zc-pages-to-pdf.h"
#include "zc-wizard-private.h"

/* Step 7: the plan's attachment requirements, each with its files
 * (type, size and count checked as they are added, copied into the
 * local blob store) and, where a PDF is taken, the tool that turns
 * photographed pages into one PDF within the size limit. */

/* The files array of @requirement in the working body, made if absent. */
static JsonArray *
files_for (ZcDeclarationWizard *self,
           const char          *requirement)
{
  JsonNode *node = json_object_get_member (self->body, "attachments");
  JsonArray *list;
  JsonObject *entry;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (self->body, "attachments", json_array_new ());
      node = json_object_get_member (self->body, "attachments");
    }
  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      JsonNode *files;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          g_strcmp0 (zc_json_member_string (json_node_get_object (element), "requirement"), requirement) != 0)
        continue;
      files = json_object_get_member (json_node_get_object (element), "files");
      if (files == NULL || !JSON_NODE_HOLDS_ARRAY (files))
        {
          json_object_set_array_member (json_node_get_object (element), "files", json_array_new ());
          files = json_object_get_member (json_node_get_object (element), "files");
        }
      return json_node_get_array (files);
    }
  entry = json_object_new ();
  json_object_set_string_member (entry, "requirement", requirement);
  json_object_set_array_member (entry, "files", json_array_new ());
  json_array_add_object_element (list, entry);
  return json_object_get_array_member (entry, "files");
}

/* Drops requirements left without files, so the body stays minimal. */
static void
prune (ZcDeclarationWizard *self)
{
  JsonNode *node = json_object_get_member (self->body, "attachments");
  JsonArray *kept;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      JsonNode *files = JSON_NODE_HOLDS_OBJECT (element)
                          ? json_object_get_member (json_node_get_object (element), "files") : NULL;

      if (files != NULL && JSON_NODE_HOLDS_ARRAY (files) && json_array_get_length (json_node_get_array (files)) > 0)
        json_array_add_element (kept, json_node_copy (element));
    }
  if (json_array_get_length (kept) == 0)
    {
      json_array_unref (kept);
      json_object_remove_member (self->body, "attachments");
      return;
    }
  json_object_set_array_member (self->body, "attachments", kept);
}

static void rebuild (ZcDeclarationWizard *self);

gboolean
zc_declaration_wizard_add_attachment (ZcDeclarationWizard  *self,
                                      const char           *requirement,
                                      GFile                *file,
                                      GError              **error)
{
  const ZcPlanAttachment *rule;
  g_autoptr(JsonObject) attachment = NULL;
  JsonArray *files;

  g_return_val_if_fail (ZC_IS_DECLARATION_WIZARD (self), FALSE);
  g_return_val_if_fail (requirement != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rule = zc_plan_find_attachment (self->plan, requirement);
  if (rule == NULL || !self->editable)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED,
                   _("Files cannot be added here"));
      return FALSE;
    }
  files = files_for (self, requirement);
  if (json_array_get_length (files) >= rule->max_count)
    {
      /* Translators: %s is an attachment's name, %u the most files it takes */
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” takes at most %u file", "“%s” takes at most %u files",
                                rule->max_count),
                   rule->name, rule->max_count);
      prune (self);
      return FALSE;
    }
  attachment = zc_local_store_add_attachment (self->store, file, (const char * const *) rule->types,
                                              (guint64) rule->max_bytes, error);
  if (attachment == NULL)
    {
      prune (self);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (files); i++)
    if (g_strcmp0 (zc_json_member_string (json_array_get_object_element (files, i), "sha256"),
                   zc_json_member_string (attachment, "sha256")) == 0)
      {
        g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                     _("“%s” is attached already"), zc_json_member_string (attachment, "name"));
        return FALSE;
      }
  json_array_add_object_element (files, g_steal_pointer (&attachment));
  rebuild (self);
  zc_wizard_mark_changed (self);
  return TRUE;
}

static void
on_remove_clicked (GtkButton           *button,
                   ZcDeclarationWizard *self)
{
  const char *requirement = g_object_get_data (G_OBJECT (button), "zc-requirement");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zc-index"));
  JsonArray *files = files_for (self, requirement);

  if (index < json_array_get_length (files))
    json_array_remove_element (files, index);
  prune (self);
  rebuild (self);
  zc_wizard_mark_changed (self);
}

static void
on_files_chosen (GtkNativeDialog     *chooser,
                 int                  response,
                 ZcDeclarationWizard *self);

static void
open_chooser (ZcDeclarationWizard *self,
              const char          *requirement,
              gboolean             pages)
{
  const ZcPlanAttachment *rule = zc_plan_find_attachment (self->plan, requirement);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->attachment_chooser != NULL || rule == NULL)
    return;
  if (pages)
    {
      gtk_file_filter_set_name (filter, _("Photos of pages (JPEG or PNG)"));
      gtk_file_filter_add_mime_type (filter, "image/jpeg");
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Accepted files"));
      for (guint i = 0; rule->types != NULL && rule->types[i] != NULL; i++)
        gtk_file_filter_add_mime_type (filter, rule->types[i]);
    }
  g_free (self->chooser_requirement);
  self->chooser_requirement = g_strdup (requirement);
  self->chooser_pages = pages;
  self->attachment_chooser = gtk_file_chooser_native_new (pages ? _("Choose the Photographed Pages") : _("Attach Files"),
                                                          GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                                          pages ? _("_Make PDF") : _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->attachment_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->attachment_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->attachment_chooser), TRUE);
  g_signal_connect (self->attachment_chooser, "response", G_CALLBACK (on_files_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->attachment_chooser));
}

static void
on_add_clicked (GtkButton           *button,
                ZcDeclarationWizard *self)
{
  open_chooser (self, g_object_get_data (G_OBJECT (button), "zc-requirement"), FALSE);
}

static void
on_pages_clicked (GtkButton           *button,
                  ZcDeclarationWizard *self)
{
  open_chooser (self, g_object_get_data (G_OBJECT (button), "zc-requirement"), TRUE);
}

/* Pages to PDF ------------------------------------------------------------ */

typedef struct
{
  ZcDeclarationWizard *self;    /* owned */
  char                *requirement;
} PagesJob;

static void
pages_job_free (PagesJob *job)
{
  g_object_unref (job->self);
  g_free (job->requirement);
  g_free (job);
}

static void
on_pages_progress (double   fraction,
                   gpointer user_data)
{
  PagesJob *job = user_data;

  if (job->self->pages_progress != NULL)
    gtk_progress_bar_set_fraction (job->self->pages_progress, fraction);
}

static gboolean
add_pdf_bytes (ZcDeclarationWizard  *self,
               const char           *requirement,
               GBytes               *pdf,
               GError              **error)
{
  const ZcPlanAttachment *rule = zc_plan_find_attachment (self->plan, requirement);
  g_autofree char *dir = g_dir_make_tmp ("zc-pages-XXXXXX", error);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean ok;

  if (dir == NULL || rule == NULL)
    return FALSE;
  name = g_strdup_printf ("%s.pdf", rule->name);
  path = g_build_filename (dir, name, NULL);
  ok = g_file_set_contents_full (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf),
                                 G_FILE_SET_CONTENTS_NONE, 0600, error);
  if (ok)
    {
      file = g_file_new_for_path (path);
      ok = zc_declaration_wizard_add_attachment (self, requirement, file, error);
    }
  g_unlink (path);
  g_rmdir (dir);
  return ok;
}

static void
on_pages_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PagesJob *job = user_data;
  ZcDeclarationWizard *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = zc_pages_to_pdf_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      pages_job_free (job);
      return;
    }
  if (self->pages_progress != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->pages_progress), FALSE);
  if (pdf == NULL || !add_pdf_bytes (self, job->requirement, pdf, &error))
    zc_wizard_show_message (self, error->message);
  else
    zc_wizard_show_message (self, _("The pages were made into one PDF and attached"));
  pages_job_free (job);
}

static void
start_pages (ZcDeclarationWizard *self,
             const char          *requirement,
             GListModel          *files)
{
  const ZcPlanAttachment *rule = zc_plan_find_attachment (self->plan, requirement);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  PagesJob *job;

  if (rule == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (list, g_list_model_get_item (files, i));
  job = g_new0 (PagesJob, 1);
  job->self = g_object_ref (self);
  job->requirement = g_strdup (requirement);
  if (self->pages_progress != NULL)
    {
      gtk_progress_bar_set_fraction (self->pages_progress, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->pages_progress), TRUE);
    }
  zc_pages_to_pdf_async ((GFile * const *) list->pdata, list->len, (guint64) rule->max_bytes,
                         on_pages_progress, job, self->pages_cancellable, on_pages_done, job);
}

static void
on_files_chosen (GtkNativeDialog     *chooser,
                 int                  response,
                 ZcDeclarationWizard *self)
{
  g_autoptr(GListModel) files = response == GTK_RESPONSE_ACCEPT
                                  ? gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser)) : NULL;

  if (files != NULL && self->chooser_pages)
    start_pages (self, self->chooser_requirement, files);
  else
    for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
      {
        g_autoptr(GFile) file = g_list_model_get_item (files, i);
        g_autoptr(GError) error = NULL;

        if (!zc_declaration_wizard_add_attachment (self, self->chooser_requirement, file, &error))
          {
            zc_wizard_show_message (self, error->message);
            break;
          }
      }
  g_clear_object (&self->attachment_chooser);
}

/* The page ---------------------------------------------------------------- */

static char *
describe_rule (const ZcPlanAttachment *rule)
{
  g_autoptr(GString) types = g_string_new (NULL);
  g_autofree char *size = g_format_size ((guint64) rule->max_bytes);

  for (guint i = 0; rule->types != NULL && rule->types[i] != NULL; i++)
    {
      const char *type = rule->types[i];

      if (types->len > 0)
        g_string_append (types, "/");
      g_string_append (types, g_str_equal (type, "application/pdf") ? "PDF"
                              : g_str_equal (type, "image/jpeg") ? "JPEG"
                              : g_str_equal (type, "image/png") ? "PNG" : type);
    }
  /* Translators: required or optional; the file types; the largest size; the most files */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · up to %s each · at most %u file",
                                       "%s · %s · up to %s each · at most %u files", rule->max_count),
                          rule->required ? _("Required") : _("Optional"), types->str, size, rule->max_count);
}

static void
rebuild (ZcDeclarationWizard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->attachments_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->attachments_box), child);

  if (zc_plan_get_n_attachments (self->plan) == 0)
    {
      GtkWidget *none = gtk_label_new (_("This plan asks for no attachments."));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (self->attachments_box), none);
      return;
    }

  for (guint r = 0; r < zc_plan_get_n_attachments (self->plan); r++)
    {
      const ZcPlanAttachment *rule = zc_plan_get_attachment (self->plan, r);
      JsonArray *files = zc_declaration_body_get_attachment_files (self->body, rule->id);
      guint n = files != NULL ? json_array_get_length (files) : 0;
      g_autofree char *description = describe_rule (rule);
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (rule->name);
      GtkWidget *note = gtk_label_new (description);
      GtkWidget *list = gtk_list_box_new ();
      /* stacked: a flow box here miscounts its height in a narrow window */
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *add;

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (group), title);
      gtk_box_append (GTK_BOX (group), note);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, rule->name, -1);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *file = json_array_get_object_element (files, i);
          const char *name = zc_json_member_string (file, "name");
          JsonNode *size_node = json_object_get_member (file, "size");
          g_autofree char *size = size_node != NULL && JSON_NODE_HOLDS_VALUE (size_node)
                                    ? g_format_size ((guint64) MAX (json_node_get_int (size_node), 0)) : NULL;
          g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), name != NULL ? name : "");
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "?");
          if (size != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, remove_label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
          gtk_widget_set_sensitive (remove, self->editable);
          g_object_set_data_full (G_OBJECT (remove), "zc-requirement", g_strdup (rule->id), g_free);
          g_object_set_data (G_OBJECT (remove), "zc-index", GUINT_TO_POINTER (i));
          g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      if (n == 0)
        {
          GtkWidget *empty = gtk_label_new (rule->required ? _("No file yet: this one is required")
                                                           : _("No file"));
          gtk_widget_set_margin_top (empty, 10);
          gtk_widget_set_margin_bottom (empty, 10);
          gtk_widget_add_css_class (empty, rule->required ? "warning" : "dim-label");
          gtk_list_box_append (GTK_LIST_BOX (list), empty);
        }
      gtk_box_append (GTK_BOX (group), list);

      add = gtk_button_new_with_mnemonic (_("_Add Files…"));
      g_object_set_data_full (G_OBJECT (add), "zc-requirement", g_strdup (rule->id), g_free);
      gtk_widget_set_sensitive (add, self->editable && n < rule->max_count);
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), self);
      gtk_box_append (GTK_BOX (buttons), add);
      if (rule->types != NULL && g_strv_contains ((const char * const *) rule->types, "application/pdf"))
        {
          GtkWidget *pages = gtk_button_new_with_mnemonic (_("Make a PDF from _Photos of Pages…"));
          g_object_set_data_full (G_OBJECT (pages), "zc-requirement", g_strdup (rule->id), g_free);
          gtk_widget_set_tooltip_text (pages, _("Photographed pages become one A4 PDF, made smaller until it fits the limit"));
          gtk_widget_set_sensitive (pages, self->editable && n < rule->max_count);
          g_signal_connect (pages, "clicked", G_CALLBACK (on_pages_clicked), self);
          gtk_box_append (GTK_BOX (buttons), pages);
        }
      gtk_widget_set_halign (buttons, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (group), buttons);
      gtk_box_append (GTK_BOX (self->attachments_box), group);
    }
}

GtkWidget *
zc_wizard_attachments_build (ZcDeclarationWizard *self)
{
  GtkWidget *box, *page;

  page = zc_wizard_page_box (&box);
  self->pages_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_text (self->pages_progress, _("Making the PDF…"));
  gtk_progress_bar_set_show_text (self->pages_progress, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->pages_progress), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pages_progress));
  self->attachments_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (box), self->attachments_box);
  return page;
}

void
zc_wizard_attachments_load (ZcDeclarationWizard *self)
{
  rebuild (self);
}
