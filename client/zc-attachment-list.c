/* zc-attachment-list.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-attachment-list"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-attachment-list.h"
#include "zc-json.h"

/* The files of an attachments field: a list with open and remove per
 * file and an "Add File…" button.  Each file is checked (type by its
 * content, size, count, the same file twice) and copied into the local
 * store's blob folder under its SHA-256 before it is listed. */

struct _ZcAttachmentList
{
  GtkWidget             parent_instance;

  ZcFormSchema         *schema;     /* owned: keeps field alive */
  const ZcFormField    *field;      /* borrowed from schema */
  ZcLocalStore         *store;      /* owned, nullable: without it files cannot be added */
  JsonArray            *files;      /* owned: the attachment records */
  GtkFileChooserNative *chooser;    /* owned, nullable: while open */
  gboolean              editable;

  GtkWidget            *list;       /* GtkListBox */
  GtkWidget            *empty_label;
  GtkWidget            *add_button;
};

G_DEFINE_FINAL_TYPE (ZcAttachmentList, zc_attachment_list, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
icon_for_mime (const char *mime)
{
  if (g_strcmp0 (mime, "application/pdf") == 0)
    return "x-office-document-symbolic";
  if (mime != NULL && g_str_has_prefix (mime, "image/"))
    return "image-x-generic-symbolic";
  return "text-x-generic-symbolic";
}

static void
on_remove_clicked (GtkButton        *button,
                   ZcAttachmentList *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  zc_attachment_list_remove (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
on_open_clicked (GtkButton        *button,
                 ZcAttachmentList *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  guint index = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  JsonObject *file = json_array_get_object_element (self->files, index);
  g_autofree char *path = self->store != NULL
    ? zc_local_store_get_blob_path (self->store, zc_json_member_string (file, "sha256")) : NULL;
  g_autofree char *uri = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_signal_emit (self, signals[FAILED], 0, _("This file is not on this computer yet"));
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

static GtkWidget *
make_row (ZcAttachmentList *self,
          JsonObject       *file)
{
  const char *name = zc_json_member_string (file, "name");
  const char *mime = zc_json_member_string (file, "mime");
  JsonNode *size_node = json_object_get_member (file, "size");
  g_autofree char *size = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *open_label = NULL;
  GtkWidget *row, *icon, *open, *remove;

  if (size_node != NULL && JSON_NODE_HOLDS_VALUE (size_node) && json_node_get_value_type (size_node) == G_TYPE_INT64)
    size = g_format_size ((guint64) MAX (json_node_get_int (size_node), 0));
  subtitle = g_strdup_printf ("%s · %s", mime != NULL ? mime : "?", size != NULL ? size : "?");

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "?");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  icon = gtk_image_new_from_icon_name (icon_for_mime (mime));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, mime != NULL ? mime : "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* Translators: %s is a file name */
  open_label = g_strdup_printf (_("Open “%s”"), name != NULL ? name : "");
  open = gtk_button_new_from_icon_name ("document-open-symbolic");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, open_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
  gtk_widget_add_css_class (open, "flat");
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  /* Translators: %s is a file name */
  remove_label = g_strdup_printf (_("Remove “%s”"), name != NULL ? name : "");
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_visible (remove, self->editable);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild (ZcAttachmentList *self)
{
  GtkWidget *child;
  guint n = json_array_get_length (self->files);
  guint max_count = zc_form_field_get_max_count (self->field);

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), make_row (self, json_array_get_object_element (self->files, i)));

  gtk_widget_set_visible (self->list, n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
  gtk_widget_set_visible (self->add_button, self->editable);
  gtk_widget_set_sensitive (self->add_button, self->store != NULL && (max_count == 0 || n < max_count));
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     ZcAttachmentList *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autoptr(GError) error = NULL;

          if (!zc_attachment_list_add_file (self, file, &error))
            {
              g_signal_emit (self, signals[FAILED], 0, error->message);
              break;
            }
        }
    }

  g_clear_object (&self->chooser);
}

/* Files dropped from a file manager: the same checks as chosen ones. */
static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         ZcAttachmentList *self)
{
  GSList *files;

  if (!self->editable || self->store == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      if (!zc_attachment_list_add_file (self, l->data, &error))
        {
          g_signal_emit (self, signals[FAILED], 0, error->message);
          break;
        }
    }
  g_slist_free (files);
  return TRUE;
}

static void
on_add_clicked (GtkButton        *button,
                ZcAttachmentList *self)
{
  const char * const *accept = zc_form_field_get_accept (self->field);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;

  /* Translators: the name of the file type filter of the attachment chooser */
  gtk_file_filter_set_name (filter, _("Accepted files"));
  for (guint i = 0; accept != NULL && accept[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, accept[i]);
  if (accept == NULL)
    {
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_mime_type (filter, "image/jpeg");
      gtk_file_filter_add_mime_type (filter, "image/png");
    }

  self->chooser = gtk_file_chooser_native_new (_("Attach Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
zc_attachment_list_dispose (GObject *object)
{
  ZcAttachmentList *self = ZC_ATTACHMENT_LIST (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (zc_attachment_list_parent_class)->dispose (object);
}

static void
zc_attachment_list_finalize (GObject *object)
{
  ZcAttachmentList *self = ZC_ATTACHMENT_LIST (object);

  g_clear_pointer (&self->files, json_array_unref);
  g_clear_pointer (&self->schema, zc_form_schema_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_attachment_list_parent_class)->finalize (object);
}

static void
zc_attachment_list_class_init (ZcAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_attachment_list_dispose;
  object_class->finalize = zc_attachment_list_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ZcAttachmentList::failed:
   * @message: why a file could not be attached, for the user
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zc-attachment-list");
}

static void
zc_attachment_list_init (ZcAttachmentList *self)
{
  GtkDropTarget *target;
  GtkWidget *content;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->files = json_array_new ();
  self->editable = TRUE;

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));

  self->empty_label = gtk_label_new (_("No files attached"));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));

  self->add_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Files…"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * zc_attachment_list_new:
 * @field: an attachments field of @schema
 * @store: (nullable): where files are kept; without it, files can be
 *   listed but not added
 */
GtkWidget *
zc_attachment_list_new (ZcFormSchema      *schema,
                        const ZcFormField *field,
                        ZcLocalStore      *store)
{
  ZcAttachmentList *self;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (zc_form_field_get_field_type (field) == ZC_FIELD_ATTACHMENTS, NULL);
  g_return_val_if_fail (store == NULL || ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_ATTACHMENT_LIST, NULL);
  self->schema = zc_form_schema_ref (schema);
  self->field = field;
  self->store = store != NULL ? g_object_ref (store) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  zc_form_field_get_label (field, ZC_LANGUAGE_LOCALE), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  zc_form_field_get_label (field, ZC_LANGUAGE_LOCALE), -1);
  rebuild (self);

  return GTK_WIDGET (self);
}

/**
 * zc_attachment_list_get_value:
 *
 * Returns: (transfer full) (nullable): an array of attachment records,
 *   or %NULL when no file is attached
 */
JsonNode *
zc_attachment_list_get_value (ZcAttachmentList *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (ZC_IS_ATTACHMENT_LIST (self), NULL);

  if (json_array_get_length (self->files) == 0)
    return NULL;
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, self->files);
  return zc_json_node_copy_deep (node);
}

/**
 * zc_attachment_list_set_value:
 * @value: (nullable): an array of attachment records; elements that are
 *   not objects are dropped
 */
void
zc_attachment_list_set_value (ZcAttachmentList *self,
                              JsonNode         *value)
{
  g_return_if_fail (ZC_IS_ATTACHMENT_LIST (self));

  json_array_unref (self->files);
  self->files = json_array_new ();
  if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            json_array_add_object_element (self->files, zc_json_object_copy_deep (json_node_get_object (element)));
        }
    }
  rebuild (self);
}

/**
 * zc_attachment_list_add_file:
 *
 * Checks @file against the field (type, size, count, not attached yet),
 * copies it into the store and lists it.  The error message is for the
 * user.
 */
gboolean
zc_attachment_list_add_file (ZcAttachmentList  *self,
                             GFile             *file,
                             GError           **error)
{
  g_autoptr(JsonObject) attachment = NULL;
  guint max_count;
  const char *sha256;

  g_return_val_if_fail (ZC_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL || !self->editable)
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                           _("Files cannot be attached here"));
      return FALSE;
    }

  max_count = zc_form_field_get_max_count (self->field);
  if (max_count > 0 && json_array_get_length (self->files) >= max_count)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                   g_dngettext (GETTEXT_PACKAGE, "At most %u file can be attached",
                                "At most %u files can be attached", max_count), max_count);
      return FALSE;
    }

  attachment = zc_local_store_add_attachment (self->store, file, zc_form_field_get_accept (self->field),
                                              zc_form_field_get_max_size (self->field), error);
  if (attachment == NULL)
    return FALSE;

  sha256 = zc_json_member_string (attachment, "sha256");
  for (guint i = 0; i < json_array_get_length (self->files); i++)
    if (g_strcmp0 (zc_json_member_string (json_array_get_object_element (self->files, i), "sha256"), sha256) == 0)
      {
        /* Translators: %s is a file name */
        g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT,
                     _("“%s” is attached already"), zc_json_member_string (attachment, "name"));
        return FALSE;
      }

  json_array_add_object_element (self->files, g_steal_pointer (&attachment));
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
zc_attachment_list_remove (ZcAttachmentList *self,
                           guint             index)
{
  g_return_val_if_fail (ZC_IS_ATTACHMENT_LIST (self), FALSE);

  if (!self->editable || index >= json_array_get_length (self->files))
    return FALSE;

  json_array_remove_element (self->files, index);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);

  /* keep the keyboard in the list after the removed row is gone */
  gtk_widget_grab_focus (self->add_button);
  return TRUE;
}

guint
zc_attachment_list_get_n_files (ZcAttachmentList *self)
{
  g_return_val_if_fail (ZC_IS_ATTACHMENT_LIST (self), 0);
  return json_array_get_length (self->files);
}

void
zc_attachment_list_set_editable (ZcAttachmentList *self,
                                 gboolean          editable)
{
  g_return_if_fail (ZC_IS_ATTACHMENT_LIST (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  rebuild (self);
}

GtkWidget *
zc_attachment_list_get_add_button (ZcAttachmentList *self)
{
  g_return_val_if_fail (ZC_IS_ATTACHMENT_LIST (self), NULL);
  return self->add_button;
}
