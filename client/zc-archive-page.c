/* zc-archive-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-archive-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-archive-model.h"
#include "zc-archive-page-private.h"
#include "zc-archive-workflow.h"
#include "zc-field-row.h"
#include "zc-form-schema.h"

/* The achievement archive (SPEC "Achievement archive"): the 17
 * categories and the series blocks in a sidebar with their counts; the
 * entries of one category in a list with their review status, a status
 * filter and a search; new, open and delete through the schema form.
 * Everything reads and writes the local store, so it works offline. */

G_DEFINE_FINAL_TYPE (ZcArchivePage, zc_archive_page, ADW_TYPE_BIN)

static ZcEntryObject *
selected_entry (ZcArchivePage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The shared workflow decides: approved and rejected entries stay. */
static gboolean
may_delete (ZcEntryObject *entry)
{
  g_autoptr(GArray) actions = NULL;

  if (entry == NULL)
    return FALSE;
  actions = zc_archive_workflow_available_actions (zc_entry_object_get_review_state (entry), ZC_ROLE_APPLICANT);
  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, ZcArchiveAction, i) == ZC_ARCHIVE_ACTION_DELETE)
      return TRUE;
  return FALSE;
}

static void
update_actions (ZcArchivePage *self)
{
  ZcEntryObject *entry = selected_entry (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.new", self->current != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.edit", entry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "archive.delete", may_delete (entry));
}

static void
update_stack (ZcArchivePage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  update_actions (self);
}

static void
refilter (ZcArchivePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

/* The sidebar */

static void
on_store_changed (ZcArchivePage *self,
                  const char    *record_id,
                  const char    *kind)
{
  zc_archive_page_update_counts (self);
}

static int
schema_index (ZcArchivePage *self,
              const char    *form_id)
{
  for (guint i = 0; i < self->schemas->len; i++)
    if (g_strcmp0 (zc_form_schema_get_id (g_ptr_array_index (self->schemas, i)), form_id) == 0)
      return (int) i;
  return -1;
}

static void
show_category (ZcArchivePage *self,
               guint          index)
{
  ZcFormSchema *schema = g_ptr_array_index (self->schemas, index);
  g_autoptr(ZcArchiveModel) model = NULL;
  g_autofree char *empty = NULL;

  if (schema == self->current)
    return;

  self->current = schema;
  model = zc_archive_model_new (self->store, schema);
  g_set_object (&self->model, model);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->model));

  gtk_label_set_label (self->category_label, zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));
  /* Translators: %s is an archive category, such as 撰写论文情况 */
  empty = g_strdup_printf (_("Entries of “%s” that you add are kept on this computer and sent to your unit "
                             "for review when you are online."), zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));
  adw_status_page_set_description (self->empty_page, empty);

  /* a new category starts unfiltered */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter_drop, 0);
  update_stack (self);
}

static void
on_category_selected (GtkListBox    *list,
                      GtkListBoxRow *row,
                      ZcArchivePage *self)
{
  if (row == NULL)
    return;
  show_category (self, (guint) gtk_list_box_row_get_index (row));
}

/* A click (or Enter) on a category also moves a folded leaflet on. */
static void
on_category_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       ZcArchivePage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_folded_changed (ZcArchivePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
on_back_clicked (ZcArchivePage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Opening, adding, deleting */

static void
on_entry_saved (ZcEntryDialog *dialog,
                const char    *id,
                ZcArchivePage *self)
{
  ZcEntryObject *entry;

  /* show the saved entry even if the filter would hide it */
  if (!zc_archive_page_select_entry (self, id))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->status_filter_drop, 0);
      zc_archive_page_select_entry (self, id);
    }

  entry = selected_entry (self);
  if (entry != NULL && zc_entry_object_get_review_state (entry) == ZC_REVIEW_STATE_PENDING)
    adw_toast_overlay_add_toast (self->toasts,
                                 adw_toast_new (_("Saved. The entry waits for your unit’s review.")));
  else
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved")));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
}

static ZcEntryDialog *
open_dialog (ZcArchivePage *self,
             ZcRecord      *record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ZcEntryDialog *dialog;

  if (self->current == NULL)
    return NULL;
  dialog = zc_entry_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->current, record);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_entry_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

ZcEntryDialog *
zc_archive_page_new_entry (ZcArchivePage *self)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), NULL);
  return open_dialog (self, NULL);
}

ZcEntryDialog *
zc_archive_page_open_selected (ZcArchivePage *self)
{
  ZcEntryObject *entry;

  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), NULL);

  entry = selected_entry (self);
  if (entry == NULL)
    return NULL;
  return open_dialog (self, zc_entry_object_get_record (entry));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ZcArchivePage    *self)
{
  g_autofree char *id = g_steal_pointer (&self->delete_id);
  g_autoptr(GError) error = NULL;

  self->delete_dialog = NULL;
  if (g_strcmp0 (response, "delete") != 0 || id == NULL)
    return;

  if (!zc_local_store_delete_entry (self->store, id, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Entry deleted")));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
}

/**
 * zc_archive_page_delete_selected:
 *
 * Asks whether to delete the selected entry (if the workflow allows it).
 *
 * Returns: (transfer none) (nullable): the question, already shown
 */
AdwMessageDialog *
zc_archive_page_delete_selected (ZcArchivePage *self)
{
  ZcEntryObject *entry;
  GtkRoot *root;
  g_autofree char *body = NULL;

  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), NULL);

  if (self->delete_dialog != NULL)
    return self->delete_dialog;
  entry = selected_entry (self);
  if (!may_delete (entry))
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Translators: %s is the title of an archive entry */
  body = g_strdup_printf (_("“%s” will be removed from your archive. Your unit will see the deletion "
                            "when you are next online."), zc_entry_object_get_title (entry));
  self->delete_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                    _("Delete Entry?"), body));
  adw_message_dialog_add_responses (self->delete_dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (self->delete_dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (self->delete_dialog, "cancel");
  adw_message_dialog_set_close_response (self->delete_dialog, "cancel");
  /* the selection may change while the question is open */
  g_free (self->delete_id);
  self->delete_id = g_strdup (zc_entry_object_get_id (entry));
  g_signal_connect_object (self->delete_dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (self->delete_dialog));
  return self->delete_dialog;
}

void
zc_archive_page_focus_search (ZcArchivePage *self)
{
  g_return_if_fail (ZC_IS_ARCHIVE_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  zc_archive_page_new_entry (ZC_ARCHIVE_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  zc_archive_page_open_selected (ZC_ARCHIVE_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  zc_archive_page_delete_selected (ZC_ARCHIVE_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  zc_archive_page_focus_search (ZC_ARCHIVE_PAGE (widget));
}

/* Enter or a double click on an entry */
static void
on_entry_activated (GtkListView   *list,
                    guint          position,
                    ZcArchivePage *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  zc_archive_page_open_selected (self);
}

static void
on_search_changed (ZcArchivePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->search);
  self->search = *text != '\0' ? g_strdup (text) : NULL;
  refilter (self);
}

/* Escape in the search clears it */
static void
on_stop_search (ZcArchivePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
}

static void
on_status_selected (ZcArchivePage *self)
{
  guint position = gtk_drop_down_get_selected (self->status_filter_drop);

  self->status_filter = position == 0 || position == GTK_INVALID_LIST_POSITION ? -1 : (int) position - 1;
  refilter (self);
}

static void
on_items_changed (ZcArchivePage *self)
{
  update_stack (self);
}

/* GObject */

static void
zc_archive_page_dispose (GObject *object)
{
  ZcArchivePage *self = ZC_ARCHIVE_PAGE (object);

  if (self->delete_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->delete_dialog));
      self->delete_dialog = NULL;
    }
  if (self->entry_list != NULL)
    gtk_list_view_set_model (self->entry_list, NULL);
  /* the bin's child is a template child: let the bin drop it first, or
   * dispose_template unparents it behind the bin's back */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_ARCHIVE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (zc_archive_page_parent_class)->dispose (object);
}

static void
zc_archive_page_finalize (GObject *object)
{
  ZcArchivePage *self = ZC_ARCHIVE_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->schemas, g_ptr_array_unref);
  g_clear_pointer (&self->count_labels, g_ptr_array_unref);
  g_free (self->search);
  g_free (self->delete_id);

  G_OBJECT_CLASS (zc_archive_page_parent_class)->finalize (object);
}

static void
zc_archive_page_class_init (ZcArchivePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_archive_page_dispose;
  object_class->finalize = zc_archive_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-archive-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, toasts);
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, category_list);
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, category_label);
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, search_entry);
  gtk_widget_class_bind_template_child_full (widget_class, "status_filter", FALSE,
                                             G_STRUCT_OFFSET (ZcArchivePage, status_filter_drop));
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, entry_list);
  gtk_widget_class_bind_template_child (widget_class, ZcArchivePage, empty_page);

  gtk_widget_class_install_action (widget_class, "archive.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "archive.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "archive.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "archive.search", NULL, search_action);

  /* Delete works where the focus is in the page (not in a text entry,
   * which takes the key first) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "archive.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "archive.delete", NULL);
}

static void
zc_archive_page_init (ZcArchivePage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *shortcuts;

  zc_style_ensure_loaded ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_filter = -1;
  self->count_labels = g_ptr_array_new ();

  /* Translators: the first entry of the review status filter */
  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 0; i < ZC_N_REVIEW_STATES; i++)
    gtk_string_list_append (statuses, zc_review_state_get_label (i, ZC_LANGUAGE_LOCALE));
  gtk_drop_down_set_model (self->status_filter_drop, G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->status_filter_drop, "notify::selected", G_CALLBACK (on_status_selected), self);

  self->filter = gtk_custom_filter_new (zc_archive_page_filter_entry, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (gtk_custom_sorter_new (zc_archive_page_compare_entries, NULL, NULL)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (on_items_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (zc_archive_page_setup_entry_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (zc_archive_page_bind_entry_row), self);
  gtk_list_view_set_factory (self->entry_list, factory);
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->entry_list, "activate", G_CALLBACK (on_entry_activated), self);
  zc_archive_page_add_tab_leaves (self, GTK_WIDGET (self->entry_list));
  zc_archive_page_add_tab_leaves (self, GTK_WIDGET (self->category_list));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect (self->category_list, "row-selected", G_CALLBACK (on_category_selected), self);
  g_signal_connect (self->category_list, "row-activated", G_CALLBACK (on_category_activated), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back_clicked), self);

  /* New and search from anywhere in the window */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("archive.new")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("archive.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_actions (self);
}

/**
 * zc_archive_page_new:
 *
 * Returns: (transfer floating): the page, showing the first category
 */
GtkWidget *
zc_archive_page_new (ZcLocalStore *store)
{
  ZcArchivePage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) blocks = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_ARCHIVE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->schemas = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_form_schema_unref);

  categories = zc_form_schema_load_all (ZC_FORM_KIND_ARCHIVE_CATEGORY, &error);
  if (categories == NULL)
    g_critical ("Cannot load the archive categories: %s", error->message);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    g_ptr_array_add (self->schemas, zc_form_schema_ref (g_ptr_array_index (categories, i)));
  self->n_categories = self->schemas->len;

  g_clear_error (&error);
  blocks = zc_form_schema_load_all (ZC_FORM_KIND_SERIES_BLOCK, &error);
  if (blocks == NULL)
    g_critical ("Cannot load the series blocks: %s", error->message);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    g_ptr_array_add (self->schemas, zc_form_schema_ref (g_ptr_array_index (blocks, i)));

  zc_archive_page_build_sidebar (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  if (self->schemas->len > 0)
    gtk_list_box_select_row (self->category_list, gtk_list_box_get_row_at_index (self->category_list, 0));

  return GTK_WIDGET (self);
}

ZcLocalStore *
zc_archive_page_get_store (ZcArchivePage *self)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), NULL);
  return self->store;
}

gboolean
zc_archive_page_select_category (ZcArchivePage *self,
                                 const char    *form_id)
{
  int index;

  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), FALSE);

  index = schema_index (self, form_id);
  if (index < 0)
    return FALSE;
  gtk_list_box_select_row (self->category_list, gtk_list_box_get_row_at_index (self->category_list, index));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

/* The form id of the category shown. */
const char *
zc_archive_page_get_category (ZcArchivePage *self)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), NULL);
  return self->current != NULL ? zc_form_schema_get_id (self->current) : NULL;
}

/* The count the sidebar shows for a category. */
guint
zc_archive_page_get_count (ZcArchivePage *self,
                           const char    *form_id)
{
  int index;

  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), 0);

  index = schema_index (self, form_id);
  if (index < 0)
    return 0;
  return (guint) g_ascii_strtoull (gtk_label_get_label (g_ptr_array_index (self->count_labels, index)), NULL, 10);
}

/**
 * zc_archive_page_get_entries:
 *
 * Returns: (transfer none): the entries as the list shows them:
 *   filtered and sorted, of ZcEntryObject
 */
GListModel *
zc_archive_page_get_entries (ZcArchivePage *self)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
zc_archive_page_set_search (ZcArchivePage *self,
                            const char    *text)
{
  g_return_if_fail (ZC_IS_ARCHIVE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* the entry reports after a delay; the page answers at once */
  on_search_changed (self);
}

/**
 * zc_archive_page_set_status_filter:
 * @state: a #ZcReviewState, or -1 for all
 */
void
zc_archive_page_set_status_filter (ZcArchivePage *self,
                                   int            state)
{
  g_return_if_fail (ZC_IS_ARCHIVE_PAGE (self));
  g_return_if_fail (state >= -1 && state < ZC_N_REVIEW_STATES);

  gtk_drop_down_set_selected (self->status_filter_drop, (guint) (state + 1));
}

gboolean
zc_archive_page_select_entry (ZcArchivePage *self,
                              const char    *id)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sorted)); i++)
    {
      g_autoptr(ZcEntryObject) entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (g_strcmp0 (zc_entry_object_get_id (entry), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * zc_archive_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected entry
 */
ZcEntryObject *
zc_archive_page_get_selected (ZcArchivePage *self)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_PAGE (self), NULL);
  return selected_entry (self);
}
