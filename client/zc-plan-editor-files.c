/* zc-plan-editor-files.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-api-client.h"
#include "zc-photo-rules.h"
#include "zc-plan-editor-private.h"

/* A notice's files: the list with a remove button per file, "Add
 * File…" (a file chooser) and files dropped on the notice.  The editor
 * works online, so a file is read, checked (PDF, JPEG or PNG by its
 * content, at most ZC_PLAN_NOTICE_FILE_MAX_BYTES) and sent to the
 * server at once; only a file the server took joins the notice, since
 * the server refuses a plan naming a file it does not have.  Problems
 * are shown under the notice's files ("notices[N].files"). */

#define MAX_NOTICE_FILES 10

typedef struct
{
  ZcPlanEditor *self;         /* owned */
  GCancellable *cancellable;  /* owned: the notice's, to find it again */
  char         *name;         /* owned */
  GBytes       *bytes;        /* owned, nullable until read */
  char         *sha256;       /* owned, nullable until read */
  const char   *mime;
  GtkWidget    *row;          /* in the notice's upload list, while it lives */
  GtkWidget    *bar;
} Upload;

static void
upload_free (Upload *upload)
{
  g_object_unref (upload->self);
  g_object_unref (upload->cancellable);
  g_free (upload->name);
  g_clear_pointer (&upload->bytes, g_bytes_unref);
  g_free (upload->sha256);
  g_free (upload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Upload, upload_free)

/* The notice whose items' cancellable is @cancellable, or NULL when it
 * was removed meanwhile. */
static Item *
find_notice (ZcPlanEditor *self,
             GCancellable *cancellable,
             guint        *index)
{
  GPtrArray *items = self->items[LIST_NOTICES];

  if (items == NULL || g_cancellable_is_cancelled (cancellable))
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->cancellable == cancellable)
        {
          if (index != NULL)
            *index = i;
          return item;
        }
    }
  return NULL;
}

static void
show_problem (ZcPlanEditor *self,
              guint         index,
              const char   *message)
{
  g_autofree char *path = g_strdup_printf ("notices[%u].files", index);
  GtkWidget *first_focus = NULL;

  zc_plan_editor_show_one (self, path, message, &first_focus);
}

/* A new try: the notice's earlier file problem goes. */
static void
clear_problem (Item *item)
{
  Slot *slot = g_hash_table_lookup (item->parts, "files");

  if (slot == NULL || !g_ptr_array_remove (item->editor->shown, slot))
    return;
  gtk_label_set_label (GTK_LABEL (slot->error), "");
  gtk_widget_set_visible (slot->error, FALSE);
  if (item->editor->n_errors > 0)
    item->editor->n_errors--;
  for (guint i = 0; i < item->editor->shown->len; i++)
    if (((Slot *) g_ptr_array_index (item->editor->shown, i))->row == item->row)
      return;
  gtk_widget_remove_css_class (item->row, "error");
}

static const char *
icon_for_mime (const char *mime)
{
  return g_strcmp0 (mime, "application/pdf") == 0 ? "x-office-document-symbolic" : "image-x-generic-symbolic";
}

static void rebuild_files (Item *item);

static void
on_remove_file (GtkButton *button,
                Item      *item)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "file-index"));

  if (item->files == NULL || index >= json_array_get_length (item->files))
    return;
  json_array_remove_element (item->files, index);
  rebuild_files (item);
  /* the focus stays in the list: the file now in its place, the one
   * before it, or the add button */
  {
    guint n = json_array_get_length (item->files);
    GtkWidget *line = gtk_widget_get_first_child (item->file_list);

    for (guint i = 0; line != NULL && i < MIN (index, n - 1) && n > 0; i++)
      line = gtk_widget_get_next_sibling (line);
    if (n > 0 && line != NULL)
      gtk_widget_grab_focus (gtk_widget_get_last_child (line));
    else
      gtk_widget_grab_focus (item->add_file);
  }
}

static GtkWidget *
file_row_new (Item       *item,
              JsonObject *file,
              guint       index)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const char *name = json_object_get_string_member_with_default (file, "name", "");
  const char *mime = json_object_get_string_member_with_default (file, "mime", "");
  g_autofree char *size = g_format_size ((guint64) MAX (json_object_get_int_member_with_default (file, "size", 0), 0));
  /* Translators: a tooltip; %s is a file's name */
  g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), name);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_for_mime (mime));
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, mime, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (texts), zc_plan_editor_dim_label_new (size));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  zc_plan_editor_set_accessible_label (button, tooltip);
  g_object_set_data (G_OBJECT (button), "file-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_file), item);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), texts);
  gtk_box_append (GTK_BOX (line), button);
  return line;
}

static void
rebuild_files (Item *item)
{
  GtkWidget *child;
  guint n = item->files != NULL ? json_array_get_length (item->files) : 0;

  while ((child = gtk_widget_get_first_child (item->file_list)) != NULL)
    gtk_box_remove (GTK_BOX (item->file_list), child);
  for (guint i = 0; i < n; i++)
    gtk_box_append (GTK_BOX (item->file_list),
                    file_row_new (item, json_array_get_object_element (item->files, i), i));
  gtk_widget_set_visible (item->file_list, n > 0);
  gtk_widget_set_sensitive (item->add_file, n + item->n_uploading < MAX_NOTICE_FILES);
}

/* ---- reading and sending ------------------------------------------------ */

/* The end of one upload: @record joins the notice, or @message is shown. */
static void
upload_done (Upload     *upload,
             JsonObject *record,
             const char *message)
{
  ZcPlanEditor *self = upload->self;
  guint index = 0;
  Item *item;

  self->n_uploading--;
  item = find_notice (self, upload->cancellable, &index);
  if (item == NULL)
    return;

  item->n_uploading--;
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (upload->row)), upload->row);
  if (record != NULL)
    {
      gboolean known = FALSE;

      if (item->files == NULL)
        item->files = json_array_new ();
      /* the same content twice is one file */
      for (guint i = 0; i < json_array_get_length (item->files); i++)
        known = known || g_strcmp0 (json_object_get_string_member (json_array_get_object_element (item->files, i),
                                                                   "sha256"),
                                    upload->sha256) == 0;
      if (!known)
        json_array_add_object_element (item->files, json_object_ref (record));
    }
  rebuild_files (item);
  if (message != NULL)
    show_problem (self, index, message);
}

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Upload *upload = user_data;

  if (total > 0 && find_notice (upload->self, upload->cancellable, NULL) != NULL)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (upload->bar), (double) done / (double) total);
}

static void
on_uploaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Upload) upload = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autofree char *message = NULL;

  if (!zc_api_client_upload_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      /* Translators: %s is a file's name, then why the server did not take it */
      message = g_strdup_printf (_("“%s” could not be sent: %s"), upload->name, error->message);
      upload_done (upload, NULL, message);
      return;
    }

  record = json_object_new ();
  json_object_set_string_member (record, "sha256", upload->sha256);
  json_object_set_string_member (record, "name", upload->name);
  json_object_set_string_member (record, "mime", upload->mime);
  json_object_set_int_member (record, "size", (gint64) g_bytes_get_size (upload->bytes));
  upload_done (upload, record, NULL);
}

static gboolean
session_online (ZcPlanEditor *self)
{
  return self->session != NULL && zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Upload) upload = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  const guint8 *data;
  gsize size = 0;

  upload->bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (upload->bytes == NULL)
    {
      message = g_strdup_printf (_("“%s” could not be read: %s"), upload->name, error->message);
      upload_done (upload, NULL, message);
      return;
    }
  if (find_notice (upload->self, upload->cancellable, NULL) == NULL)
    {
      upload_done (upload, NULL, NULL);
      return;
    }

  /* by content, as the server checks it */
  data = g_bytes_get_data (upload->bytes, &size);
  upload->mime = zc_photo_sniff_mime (data, size);
  if (g_strcmp0 (upload->mime, "application/pdf") != 0 && g_strcmp0 (upload->mime, "image/jpeg") != 0 &&
      g_strcmp0 (upload->mime, "image/png") != 0)
    {
      /* Translators: %s is a file's name */
      message = g_strdup_printf (_("“%s” is not a PDF, JPEG or PNG file."), upload->name);
      upload_done (upload, NULL, message);
      return;
    }
  if (size == 0 || size > ZC_PLAN_NOTICE_FILE_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (ZC_PLAN_NOTICE_FILE_MAX_BYTES);

      /* Translators: %s is a file's name, then a size such as 10.0 MB */
      message = size == 0 ? g_strdup_printf (_("“%s” is empty."), upload->name)
                          : g_strdup_printf (_("“%s” is larger than %s."), upload->name, limit);
      upload_done (upload, NULL, message);
      return;
    }
  if (!session_online (upload->self))
    {
      message = g_strdup_printf (_("“%s” can be added only while connected to the server."), upload->name);
      upload_done (upload, NULL, message);
      return;
    }

  upload->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, upload->bytes);
  path = g_strconcat ("/api/v1/blobs/", upload->sha256, NULL);
  zc_api_client_upload_async (zc_session_get_api_client (upload->self->session), "PUT", path, upload->bytes,
                              upload->mime, on_progress, upload, upload->cancellable, on_uploaded,
                              upload);
  g_steal_pointer (&upload);
}

static GtkWidget *
upload_row_new (Upload *upload)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* Translators: %s is a file's name */
  g_autofree char *text = g_strdup_printf (_("Uploading “%s”…"), upload->name);
  GtkWidget *label = zc_plan_editor_dim_label_new (text);

  upload->bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (upload->bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), upload->bar);
  return box;
}

/**
 * zc_plan_editor_add_notice_file:
 * @index: a notice of the form
 * @file: the file to add: PDF, JPEG or PNG of at most
 *   %ZC_PLAN_NOTICE_FILE_MAX_BYTES
 *
 * What "Add File…" and a drop do: reads @file, checks it and sends it
 * to the server; once the server has it, the notice names it.  While it
 * is under way zc_plan_editor_get_n_uploading() counts it; a problem is
 * shown under the notice's files ("notices[@index].files").
 *
 * Returns: FALSE when refused at once (the problem is shown)
 */
gboolean
zc_plan_editor_add_notice_file (ZcPlanEditor *self,
                                guint         index,
                                GFile        *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  Upload *upload;
  Item *item;
  guint n_files;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (index >= self->items[LIST_NOTICES]->len)
    return FALSE;
  item = g_ptr_array_index (self->items[LIST_NOTICES], index);
  clear_problem (item);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE
                            "," G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  n_files = (item->files != NULL ? json_array_get_length (item->files) : 0) + item->n_uploading;
  if (info == NULL)
    message = g_strdup_printf (_("The file could not be read: %s"), error->message);
  else if (n_files >= MAX_NOTICE_FILES)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A notice takes at most %d file.",
                                            "A notice takes at most %d files.", MAX_NOTICE_FILES),
                               MAX_NOTICE_FILES);
  else if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    message = g_strdup_printf (_("“%s” is not a file."), g_file_info_get_display_name (info));
  else if (g_file_info_get_size (info) > ZC_PLAN_NOTICE_FILE_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (ZC_PLAN_NOTICE_FILE_MAX_BYTES);

      message = g_strdup_printf (_("“%s” is larger than %s."), g_file_info_get_display_name (info), limit);
    }
  else if (!session_online (self))
    message = g_strdup_printf (_("“%s” can be added only while connected to the server."),
                               g_file_info_get_display_name (info));
  if (message != NULL)
    {
      show_problem (self, index, message);
      return FALSE;
    }

  upload = g_new0 (Upload, 1);
  upload->self = g_object_ref (self);
  upload->cancellable = g_object_ref (item->cancellable);
  /* the server refuses names with path separators */
  upload->name = g_strdelimit (g_strdup (g_file_info_get_display_name (info)), "/\\", '_');
  upload->row = upload_row_new (upload);
  gtk_box_append (GTK_BOX (gtk_widget_get_next_sibling (item->file_list)), upload->row);
  item->n_uploading++;
  self->n_uploading++;
  rebuild_files (item);
  g_file_load_bytes_async (file, item->cancellable, on_loaded, upload);
  return TRUE;
}

/* ---- the chooser and drops ---------------------------------------------- */

typedef struct
{
  ZcPlanEditor         *self;         /* owned */
  GCancellable         *cancellable;  /* owned: the notice's */
  GtkFileChooserNative *chooser;      /* owned */
} Choosing;

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  Choosing *choosing = user_data;
  guint index = 0;

  if (response == GTK_RESPONSE_ACCEPT && find_notice (choosing->self, choosing->cancellable, &index) != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          zc_plan_editor_add_notice_file (choosing->self, index, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (choosing->chooser);
  g_object_unref (choosing->cancellable);
  g_object_unref (choosing->self);
  g_free (choosing);
}

static void
on_add_file_clicked (GtkButton *button,
                     Item      *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Choosing *choosing = g_new0 (Choosing, 1);

  gtk_file_filter_set_name (filter, _("PDF, JPEG and PNG files"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");

  choosing->self = g_object_ref (item->editor);
  choosing->cancellable = g_object_ref (item->cancellable);
  choosing->chooser = gtk_file_chooser_native_new (_("Add Files to the Notice"),
                                                   GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (choosing->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (choosing->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (choosing->chooser), filter);
  g_signal_connect (choosing->chooser, "response", G_CALLBACK (on_chooser_response), choosing);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (choosing->chooser));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Item          *item)
{
  GSList *files;
  guint index = 0;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || find_notice (item->editor, item->cancellable, &index) == NULL)
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    zc_plan_editor_add_notice_file (item->editor, index, l->data);
  return files != NULL;
}

/**
 * zc_plan_editor_build_notice_files:
 * @row: the grid row to start at
 * @files: (nullable): the notice's files as the plan has them
 *
 * The files part of a notice item: its list, the uploads under way, the
 * error line of "notices[N].files", the add button and a hint.
 */
void
zc_plan_editor_build_notice_files (Item      *item,
                                   GtkWidget *grid,
                                   int        row,
                                   JsonArray *files)
{
  GtkWidget *label = gtk_label_new (_("Files"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *uploads = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *error = zc_plan_editor_error_label_new ();
  g_autofree char *limit = g_format_size (ZC_PLAN_NOTICE_FILE_MAX_BYTES);
  /* Translators: %s is a size such as 10.0 MB */
  g_autofree char *hint = g_strdup_printf (_("PDF, JPEG or PNG, at most %s each. Files can also be dropped here."),
                                           limit);
  GtkDropTarget *target;

  item->cancellable = g_cancellable_new ();
  /* its own copy: removing a file must not change the plan it came from */
  if (files != NULL && json_array_get_length (files) > 0)
    {
      item->files = json_array_new ();
      for (guint i = 0; i < json_array_get_length (files); i++)
        json_array_add_element (item->files, json_node_copy (json_array_get_element (files, i)));
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "dim-label");
  item->file_list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  item->add_file = gtk_button_new_with_label (_("Add File…"));
  gtk_widget_set_halign (item->add_file, GTK_ALIGN_START);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (item->add_file), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  error, NULL, -1);
  g_signal_connect (item->add_file, "clicked", G_CALLBACK (on_add_file_clicked), item);
  gtk_box_append (GTK_BOX (box), item->file_list);
  /* the uploads follow the list: zc_plan_editor_add_notice_file() finds them there */
  gtk_box_append (GTK_BOX (box), uploads);
  /* the problem right above the button, where the keyboard is */
  gtk_box_append (GTK_BOX (box), error);
  gtk_box_append (GTK_BOX (box), item->add_file);
  gtk_box_append (GTK_BOX (box), zc_plan_editor_dim_label_new (hint));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), box, 1, row, 1, 1);
  g_hash_table_replace (item->parts, g_strdup ("files"), zc_plan_editor_slot_new (item->row, item->add_file, error));
  g_hash_table_replace (item->inputs, g_strdup ("add-file"), item->add_file);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), item);
  gtk_widget_add_controller (item->row, GTK_EVENT_CONTROLLER (target));
  rebuild_files (item);
}

/* ---- what the tests and the page read ----------------------------------- */

guint
zc_plan_editor_get_n_uploading (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), 0);
  return self->n_uploading;
}

/* Returns: (transfer none) (nullable): the files notice @index names now */
JsonArray *
zc_plan_editor_get_notice_files (ZcPlanEditor *self,
                                 guint         index)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);

  if (index >= self->items[LIST_NOTICES]->len)
    return NULL;
  return ((Item *) g_ptr_array_index (self->items[LIST_NOTICES], index))->files;
}

gboolean
zc_plan_editor_remove_notice_file (ZcPlanEditor *self,
                                   guint         index,
                                   guint         file)
{
  Item *item;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), FALSE);

  if (index >= self->items[LIST_NOTICES]->len)
    return FALSE;
  item = g_ptr_array_index (self->items[LIST_NOTICES], index);
  if (item->files == NULL || file >= json_array_get_length (item->files))
    return FALSE;
  json_array_remove_element (item->files, file);
  rebuild_files (item);
  return TRUE;
}
