/* zc-archive-page-rows.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-archive-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-archive-page-private.h"

/* The two lists of the archive page: the categories in the sidebar with
 * their counts, and the entries of one category (filter, order, rows). */

/* Filtering and order of the entries */

gboolean
zc_archive_page_filter_entry (gpointer item,
              gpointer user_data)
{
  ZcArchivePage *self = user_data;
  ZcEntryObject *entry = item;

  if (self->status_filter >= 0 && (int) zc_entry_object_get_review_state (entry) != self->status_filter)
    return FALSE;
  return zc_entry_object_matches (entry, self->search);
}

/* Latest first, by the first date of the summary. */
int
zc_archive_page_compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return -g_strcmp0 (zc_entry_object_get_sort_key ((ZcEntryObject *) a),
                     zc_entry_object_get_sort_key ((ZcEntryObject *) b));
}

/* Rows of the entry list */

void
zc_archive_page_setup_entry_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "entry-row");
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "entry-note");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (texts), note);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");

  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), badge);
  gtk_list_item_set_child (item, row);
}

void
zc_archive_page_bind_entry_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  static const char *const state_classes[] = { "pending", "unreviewed", "approved", "rejected", "returned" };
  ZcEntryObject *entry = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *note = gtk_widget_get_next_sibling (subtitle);
  GtkWidget *badge = gtk_widget_get_next_sibling (texts);
  ZcReviewState state = zc_entry_object_get_review_state (entry);
  const char *comment = zc_entry_object_get_review_comment (entry);
  const char *sub = zc_entry_object_get_subtitle (entry);
  g_autofree char *note_text = NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_label (GTK_LABEL (title), zc_entry_object_get_title (entry));
  gtk_label_set_label (GTK_LABEL (subtitle), sub);
  gtk_widget_set_visible (subtitle, sub != NULL && *sub != '\0');

  if (comment != NULL && *comment != '\0' && state == ZC_REVIEW_STATE_RETURNED)
    /* Translators: %s is the unit officer's comment on a returned entry */
    note_text = g_strdup_printf (_("Returned: %s"), comment);
  else if (comment != NULL && *comment != '\0' && state == ZC_REVIEW_STATE_REJECTED)
    /* Translators: %s is the unit officer's reason for not approving an entry */
    note_text = g_strdup_printf (_("Not approved: %s"), comment);
  gtk_label_set_label (GTK_LABEL (note), note_text != NULL ? note_text : "");
  gtk_widget_set_visible (note, note_text != NULL);
  if (state == ZC_REVIEW_STATE_REJECTED)
    gtk_widget_add_css_class (note, "rejected");
  else
    gtk_widget_remove_css_class (note, "rejected");

  gtk_label_set_label (GTK_LABEL (badge), zc_entry_object_get_status_label (entry));
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (badge, state_classes[i]);
  gtk_widget_add_css_class (badge, state_classes[state]);

  accessible = g_strdup_printf ("%s, %s, %s", zc_entry_object_get_title (entry), sub != NULL ? sub : "",
                                zc_entry_object_get_status_label (entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* The sidebar */

void
zc_archive_page_update_counts (ZcArchivePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = zc_local_store_count_by_kind (self->store, &error);

  if (counts == NULL)
    {
      g_warning ("Cannot count the archive entries: %s", error->message);
      return;
    }

  for (guint i = 0; i < self->schemas->len; i++)
    {
      g_autofree char *kind = zc_local_store_archive_kind (zc_form_schema_get_id (g_ptr_array_index (self->schemas, i)));
      g_autofree char *text = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (counts, kind)));

      gtk_label_set_label (g_ptr_array_index (self->count_labels, i), text);
    }
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  ZcArchivePage *self = user_data;
  int index = gtk_list_box_row_get_index (row);

  if (index == (int) self->n_categories && self->n_categories < self->schemas->len)
    {
      GtkWidget *header = gtk_label_new (_("Series-specific"));

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

void
zc_archive_page_build_sidebar (ZcArchivePage *self)
{
  for (guint i = 0; i < self->schemas->len; i++)
    {
      ZcFormSchema *schema = g_ptr_array_index (self->schemas, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));
      GtkWidget *count = gtk_label_new ("0");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_tooltip_text (label, zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));
      gtk_label_set_xalign (GTK_LABEL (count), 1);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "category-count");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE), -1);
      gtk_list_box_append (self->category_list, row);
      g_ptr_array_add (self->count_labels, count);
    }
  gtk_list_box_set_header_func (self->category_list, header_func, self, NULL);
  zc_archive_page_update_counts (self);
}

/* GTK 4.8 lists take Tab as "next row", and the sidebar selects the row
 * it reaches: Tab would walk through every category.  Here Tab leaves a
 * list at once; the arrow keys move within it. */
static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     ZcArchivePage         *self)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (list));
  GtkDirectionType direction;

  if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) &&
                                         (state & GDK_SHIFT_MASK) != 0))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return GDK_EVENT_PROPAGATE;

  /* a list that cannot take the focus is skipped by the focus chain */
  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return GDK_EVENT_STOP;
}

void
zc_archive_page_add_tab_leaves (ZcArchivePage *self,
                GtkWidget     *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (list, keys);
}
