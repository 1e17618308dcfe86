/* zc-review-detail.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-review-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-blob-preview.h"
#include "zc-entry-object.h"
#include "zc-form-schema.h"
#include "zc-json.h"
#include "zc-review-detail.h"

struct _ZcReviewDetail
{
  AdwBin          parent_instance;

  ZcLocalStore   *store;        /* owned */
  ZcReviewItem   *item;         /* owned, nullable */
  GHashTable     *forms;        /* kind → ZcFormView (in the form stack) */
  JsonArray      *files;        /* owned: the entry's attachments, in field order */

  GtkStack       *stack;        /* "empty", "entry" */
  GtkLabel       *title;
  GtkLabel       *subtitle;
  GtkLabel       *comment;
  GtkLabel       *selection;
  GtkStack       *form_stack;
  GtkDropDown    *file_choice;
  GtkStringList  *file_names;
  AdwBin         *preview_bin;
};

G_DEFINE_FINAL_TYPE (ZcReviewDetail, zc_review_detail, ADW_TYPE_BIN)

/* A PDF's pages fitted to the width, an image as large as fits. */
static GtkWidget *
preview_for (ZcReviewDetail *self,
             JsonObject     *file)
{
  return zc_blob_preview_new (self->store, file,
                              _("This file is not on this computer yet. It arrives with the next sync."));
}

/**
 * zc_review_detail_show_attachment:
 *
 * Returns: whether the entry has an attachment @index
 */
gboolean
zc_review_detail_show_attachment (ZcReviewDetail *self,
                                  guint           index)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DETAIL (self), FALSE);

  if (self->files == NULL || index >= json_array_get_length (self->files))
    return FALSE;
  if (gtk_drop_down_get_selected (self->file_choice) != index)
    {
      /* the drop-down's notify comes back here */
      gtk_drop_down_set_selected (self->file_choice, index);
      return TRUE;
    }
  adw_bin_set_child (self->preview_bin, preview_for (self, json_array_get_object_element (self->files, index)));
  return TRUE;
}

static void
on_file_chosen (ZcReviewDetail *self)
{
  guint index = gtk_drop_down_get_selected (self->file_choice);

  if (index != GTK_INVALID_LIST_POSITION)
    zc_review_detail_show_attachment (self, index);
}

static ZcFormView *
form_for (ZcReviewDetail *self,
          ZcFormSchema   *schema,
          const char     *kind)
{
  ZcFormView *form = g_hash_table_lookup (self->forms, kind);

  if (form == NULL)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *clamp = adw_clamp_new ();

      form = ZC_FORM_VIEW (zc_form_view_new (schema, self->store));
      zc_form_view_set_editable (form, FALSE);
      adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
      adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (form));
      gtk_widget_set_margin_start (clamp, 12);
      gtk_widget_set_margin_end (clamp, 12);
      gtk_widget_set_margin_bottom (clamp, 12);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
      gtk_stack_add_named (self->form_stack, scroller, kind);
      g_hash_table_insert (self->forms, g_strdup (kind), form);
    }
  gtk_stack_set_visible_child_name (self->form_stack, kind);
  return form;
}

/**
 * zc_review_detail_set_item:
 * @item: (nullable): the entry shown, the first of the selection
 * @n_selected: how many entries are selected
 */
void
zc_review_detail_set_item (ZcReviewDetail *self,
                           ZcReviewItem   *item,
                           guint           n_selected)
{
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *selection = NULL;
  const char *comment;
  ZcFormView *form;

  g_return_if_fail (ZC_IS_REVIEW_DETAIL (self));
  g_return_if_fail (item == NULL || ZC_IS_REVIEW_ITEM (item));

  if (n_selected > 1)
    /* Translators: the decision buttons act on all of them */
    selection = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry selected: a decision applies to each.",
                                              "%u entries selected: a decision applies to each.", n_selected),
                                 n_selected);
  gtk_label_set_label (self->selection, selection);
  gtk_widget_set_visible (GTK_WIDGET (self->selection), selection != NULL);

  /* the same entry, unchanged: keep the preview where it was */
  if (item != NULL && self->item != NULL && item != self->item &&
      g_str_equal (zc_review_item_get_id (item), zc_review_item_get_id (self->item)) &&
      zc_review_item_get_version (item) == zc_review_item_get_version (self->item) &&
      zc_review_item_get_state (item) == zc_review_item_get_state (self->item) &&
      zc_review_item_get_flags (item) == zc_review_item_get_flags (self->item))
    {
      g_set_object (&self->item, item);
      return;
    }
  if (item == self->item)
    return;
  g_set_object (&self->item, item);

  if (item != NULL)
    record = zc_local_store_get_record (self->store, zc_review_item_get_id (item), NULL);
  if (record != NULL)
    schema = zc_form_schema_lookup (zc_local_store_kind_get_form_id (zc_record_get_kind (record)), NULL);
  if (record == NULL || schema == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_clear_pointer (&self->files, json_array_unref);
      return;
    }

  gtk_label_set_label (self->title, zc_review_item_get_summary (item));
  subtitle = g_strdup_printf ("%s · %s · %s", zc_review_item_get_person (item), zc_review_item_get_category (item),
                              zc_review_item_get_status_label (item));
  gtk_label_set_label (self->subtitle, subtitle);
  comment = zc_record_get_review_comment (record);
  if (comment != NULL && *comment != '\0')
    {
      /* Translators: the review comment of an entry */
      g_autofree char *text = g_strdup_printf (_("Comment: %s"), comment);
      gtk_label_set_label (self->comment, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->comment), comment != NULL && *comment != '\0');

  form = form_for (self, schema, zc_record_get_kind (record));
  zc_form_view_set_record (form, zc_record_get_body (record));

  g_clear_pointer (&self->files, json_array_unref);
  self->files = zc_entry_collect_files (schema, zc_record_get_body (record));
  {
    guint n = json_array_get_length (self->files);
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      {
        const char *name = zc_json_member_string (json_array_get_object_element (self->files, i), "name");
        g_ptr_array_add (names, (gpointer) (name != NULL ? name : "?"));
      }
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->file_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->file_names)),
                            (const char * const *) names->pdata);
    gtk_widget_set_visible (GTK_WIDGET (self->file_choice), n > 0);
    gtk_widget_set_sensitive (GTK_WIDGET (self->file_choice), n > 1);
    if (n == 0)
      adw_bin_set_child (self->preview_bin, zc_blob_preview_new_message (_("This entry has no attachments.")));
    else
      {
        gtk_drop_down_set_selected (self->file_choice, 0);
        adw_bin_set_child (self->preview_bin, preview_for (self, json_array_get_object_element (self->files, 0)));
      }
  }
  gtk_stack_set_visible_child_name (self->stack, "entry");
}

ZcReviewItem *
zc_review_detail_get_item (ZcReviewDetail *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DETAIL (self), NULL);
  return self->item;
}

/* Returns: (transfer none) (nullable): the form of the entry shown */
ZcFormView *
zc_review_detail_get_form_view (ZcReviewDetail *self)
{
  GtkWidget *visible;

  g_return_val_if_fail (ZC_IS_REVIEW_DETAIL (self), NULL);

  visible = gtk_stack_get_visible_child (self->form_stack);
  if (self->item == NULL || visible == NULL)
    return NULL;
  return g_hash_table_lookup (self->forms, gtk_stack_get_visible_child_name (self->form_stack));
}

guint
zc_review_detail_get_n_attachments (ZcReviewDetail *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DETAIL (self), 0);
  return self->files != NULL ? json_array_get_length (self->files) : 0;
}

/* Returns: (transfer none) (nullable): a ZcPdfView, a GtkPicture or a
 * label that says why there is nothing to see */
GtkWidget *
zc_review_detail_get_preview (ZcReviewDetail *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DETAIL (self), NULL);
  return adw_bin_get_child (self->preview_bin);
}

static void
zc_review_detail_dispose (GObject *object)
{
  ZcReviewDetail *self = ZC_REVIEW_DETAIL (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->files, json_array_unref);
  g_clear_pointer (&self->forms, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_review_detail_parent_class)->dispose (object);
}

static void
zc_review_detail_class_init (ZcReviewDetailClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zc_review_detail_dispose;
}

static GtkWidget *
header_label (GtkLabel **out,
              const char *css_class,
              int         lines)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  *out = GTK_LABEL (label);
  return label;
}

static void
zc_review_detail_init (ZcReviewDetail *self)
{
  GtkWidget *entry, *header, *paned, *files, *empty;

  self->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->stack = GTK_STACK (gtk_stack_new ());
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "mail-read-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Entry Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Choose an entry in the list to review it."));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "view-list-symbolic");
  gtk_widget_add_css_class (empty, "compact");
  gtk_stack_add_named (self->stack, empty, "empty");

  entry = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 8);
  gtk_widget_set_margin_bottom (header, 8);
  gtk_box_append (GTK_BOX (header), header_label (&self->title, "title-4", 2));
  gtk_box_append (GTK_BOX (header), header_label (&self->subtitle, "dim-label", 2));
  gtk_box_append (GTK_BOX (header), header_label (&self->comment, "warning", 3));
  gtk_box_append (GTK_BOX (header), header_label (&self->selection, "accent", 1));
  gtk_box_append (GTK_BOX (entry), header);
  gtk_box_append (GTK_BOX (entry), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_paned_set_wide_handle (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);

  self->form_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->form_stack), 300, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->form_stack));

  files = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (files, 300, -1);
  self->file_names = gtk_string_list_new (NULL);
  self->file_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->file_names), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_choice), _("Attachment shown"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->file_choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attachment shown"), -1);
  gtk_widget_set_margin_start (GTK_WIDGET (self->file_choice), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->file_choice), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->file_choice), 6);
  g_signal_connect_swapped (self->file_choice, "notify::selected", G_CALLBACK (on_file_chosen), self);
  gtk_box_append (GTK_BOX (files), GTK_WIDGET (self->file_choice));
  self->preview_bin = ADW_BIN (adw_bin_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview_bin), TRUE);
  gtk_box_append (GTK_BOX (files), GTK_WIDGET (self->preview_bin));
  gtk_paned_set_end_child (GTK_PANED (paned), files);

  gtk_box_append (GTK_BOX (entry), paned);
  gtk_stack_add_named (self->stack, entry, "entry");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
zc_review_detail_new (ZcLocalStore *store)
{
  ZcReviewDetail *self;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_REVIEW_DETAIL, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
