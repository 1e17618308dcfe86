/* zc-plan-editor-lists.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-api-client.h"
#include "zc-field-row.h"
#include "zc-form-schema.h"
#include "zc-json.h"
#include "zc-plan-editor-private.h"
#include "zc-taxonomy.h"
#include "zc-title-picker.h"

/* The lists of the form whose items are added and removed: titles,
 * categories, units (with the unit search), notices, attachment
 * requirements and condition groups. */

/* ---- list items --------------------------------------------------------- */

static void
update_list (ZcPlanEditor *self,
             ListId        list)
{
  GPtrArray *items = self->items[list];

  gtk_widget_set_visible (self->list_boxes[list], items->len > 0);
  /* numbered items keep their numbers in order */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autofree char *heading = NULL;

      if (list == LIST_NOTICES)
        heading = g_strdup_printf (_("Notice %u"), i + 1);
      else if (list == LIST_ATTACHMENTS)
        heading = g_strdup_printf (_("Attachment requirement %u"), i + 1);
      else if (list == LIST_GROUPS)
        heading = g_strdup_printf (_("Condition group %u"), i + 1);
      if (heading != NULL)
        gtk_label_set_label (GTK_LABEL (item->heading), heading);
    }
}

static void
remove_item (Item *item)
{
  ZcPlanEditor *self = item->editor;
  ListId list = item->list;
  guint index;

  if (!g_ptr_array_find (self->items[list], item, &index))
    return;
  /* the indexes of the problems shown no longer hold */
  zc_plan_editor_clear_errors (self);
  gtk_list_box_remove (GTK_LIST_BOX (self->list_boxes[list]), item->row);
  g_ptr_array_remove_index (self->items[list], index);
  update_list (self, list);
}

static GtkWidget *
remove_button_new (Item       *item,
                   const char *what)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: a tooltip; %s is what is removed, such as a title */
  g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), what);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  zc_plan_editor_set_accessible_label (button, tooltip);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remove_item), item);
  return button;
}

static Item *
item_new (ZcPlanEditor *self,
          ListId        list)
{
  Item *item = g_new0 (Item, 1);

  item->editor = self;
  item->list = list;
  item->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  item->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  item->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item->row), FALSE);
  gtk_widget_set_focusable (item->row, FALSE);
  gtk_widget_add_css_class (item->row, "zc-field-row");
  item->slot.row = item->row;
  item->slot.error = zc_plan_editor_error_label_new ();
  return item;
}

static void
item_append (ZcPlanEditor *self,
             Item         *item)
{
  g_ptr_array_add (self->items[item->list], item);
  gtk_list_box_append (GTK_LIST_BOX (self->list_boxes[item->list]), item->row);
  update_list (self, item->list);
}

/* A one-line item: what it is, a second line, the remove button. */
static Item *
simple_item_new (ZcPlanEditor *self,
                 ListId        list,
                 const char   *title,
                 const char   *subtitle)
{
  Item *item = item_new (self, list);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *button;

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 6);
  gtk_widget_set_margin_top (content, 6);
  gtk_widget_set_margin_bottom (content, 6);
  item->heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (item->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (item->heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (item->heading), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), item->heading);
  if (subtitle != NULL)
    gtk_box_append (GTK_BOX (texts), zc_plan_editor_dim_label_new (subtitle));
  button = remove_button_new (item, title);
  item->slot.focus = button;
  gtk_box_append (GTK_BOX (line), texts);
  gtk_box_append (GTK_BOX (line), button);
  gtk_box_append (GTK_BOX (content), line);
  gtk_box_append (GTK_BOX (content), item->slot.error);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item->row), content);
  return item;
}

/* A numbered item with a grid of parts, each with its error line. */
static GtkWidget *
structured_item_grid (Item       *item,
                      const char *what)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 6);
  gtk_widget_set_margin_top (content, 8);
  gtk_widget_set_margin_bottom (content, 10);
  item->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (item->heading), 0);
  gtk_widget_add_css_class (item->heading, "heading");
  gtk_widget_set_hexpand (item->heading, TRUE);
  gtk_box_append (GTK_BOX (line), item->heading);
  gtk_box_append (GTK_BOX (line), remove_button_new (item, what));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_end (grid, 6);
  gtk_box_append (GTK_BOX (content), line);
  gtk_box_append (GTK_BOX (content), grid);
  gtk_box_append (GTK_BOX (content), item->slot.error);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item->row), content);
  return grid;
}

static void
add_part (Item       *item,
          GtkWidget  *grid,
          int        *row,
          const char *suffix,
          const char *label_text,
          GtkWidget  *input,
          GtkWidget  *focus)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *error = zc_plan_editor_error_label_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), focus);
  zc_plan_editor_set_accessible_label (focus, label_text);
  gtk_widget_set_hexpand (input, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, *row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), input, 1, *row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), error, 1, *row + 1, 1, 1);
  *row += 2;
  g_hash_table_replace (item->parts, g_strdup (suffix), zc_plan_editor_slot_new (item->row, focus, error));
  g_hash_table_replace (item->inputs, g_strdup (suffix), focus);
}

/* Titles */

static char *
describe_pick (JsonObject *pick)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  const char *series_code = json_object_get_string_member_with_default (pick, "series", "");
  const ZcTaxonomySeries *series = taxonomy != NULL ? zc_taxonomy_find_series (taxonomy, series_code) : NULL;
  const char *level_text = json_object_get_string_member_with_default (pick, "level", "");
  ZcTitleLevel level;

  return g_strdup_printf ("%s · %s · %s",
                          series != NULL ? zc_taxonomy_series_get_label (series, ZC_LANGUAGE_LOCALE) : series_code,
                          json_object_get_string_member_with_default (pick, "category", ""),
                          zc_title_level_from_string (level_text, &level)
                            ? zc_title_level_get_label (level, ZC_LANGUAGE_LOCALE) : level_text);
}

static const char * const pick_members[] = { "series", "category", "level", "title" };

gboolean
zc_plan_editor_add_title (ZcPlanEditor *self,
                          JsonObject   *pick)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autofree char *subtitle = NULL;
  Item *item;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (pick != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (pick_members); i++)
    {
      JsonNode *node = json_object_get_member (pick, pick_members[i]);

      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return FALSE;
      json_object_set_string_member (copy, pick_members[i], json_node_get_string (node));
    }
  /* once each */
  for (guint i = 0; i < self->items[LIST_TITLES]->len; i++)
    {
      Item *other = g_ptr_array_index (self->items[LIST_TITLES], i);
      gboolean same = TRUE;

      for (guint j = 0; j < G_N_ELEMENTS (pick_members); j++)
        same = same && g_strcmp0 (json_object_get_string_member (other->pick, pick_members[j]),
                                  json_object_get_string_member (copy, pick_members[j])) == 0;
      if (same)
        return FALSE;
    }

  subtitle = describe_pick (copy);
  item = simple_item_new (self, LIST_TITLES, json_object_get_string_member (copy, "title"), subtitle);
  item->pick = g_steal_pointer (&copy);
  item_append (self, item);
  return TRUE;
}

void
zc_plan_editor_on_add_title (ZcPlanEditor *self)
{
  g_autoptr(JsonNode) value = zc_title_picker_get_value (ZC_TITLE_PICKER (self->title_picker));
  JsonObject *pick = value != NULL ? json_node_get_object (value) : NULL;
  Slot *slot = g_hash_table_lookup (self->slots, "titles");
  GtkWidget *focus = NULL;

  zc_plan_editor_clear_errors (self);
  if (pick == NULL || !json_object_has_member (pick, "title"))
    {
      zc_plan_editor_show_one (self, "titles", _("Choose a series, a category, a level and a title, then add it"), &focus);
      return;
    }
  if (!zc_plan_editor_add_title (self, pick))
    {
      zc_plan_editor_show_one (self, "titles", _("This title is already in the plan"), &focus);
      return;
    }
  gtk_widget_grab_focus (slot->focus);
}

/* Declaration categories */

void
zc_plan_editor_add_category (ZcPlanEditor *self,
                             const char   *text)
{
  g_autofree char *clean = NULL;
  Item *item;

  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));
  g_return_if_fail (text != NULL);

  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    return;
  item = simple_item_new (self, LIST_CATEGORIES, clean, NULL);
  item->value = g_steal_pointer (&clean);
  item_append (self, item);
}

void
zc_plan_editor_on_add_category (ZcPlanEditor *self)
{
  g_autofree char *text = zc_plan_editor_entry_text (self->category_entry);
  GtkWidget *focus = NULL;

  zc_plan_editor_clear_errors (self);
  if (*text == '\0')
    {
      zc_plan_editor_show_one (self, "declaration_categories", _("Type the category first"), &focus);
      return;
    }
  for (guint i = 0; i < self->items[LIST_CATEGORIES]->len; i++)
    if (g_strcmp0 (((Item *) g_ptr_array_index (self->items[LIST_CATEGORIES], i))->value, text) == 0)
      {
        zc_plan_editor_show_one (self, "declaration_categories", _("This category is already listed"), &focus);
        return;
      }
  zc_plan_editor_add_category (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->category_entry), "");
}

/* Units */

void
zc_plan_editor_add_unit (ZcPlanEditor *self,
                         const char   *id,
                         const char   *name,
                         gboolean      commissioned)
{
  ListId list = commissioned ? LIST_COMMISSIONED : LIST_DIRECT;
  Item *item;

  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));
  g_return_if_fail (id != NULL);

  for (guint l = LIST_DIRECT; l <= LIST_COMMISSIONED; l++)
    for (guint i = 0; i < self->items[l]->len; i++)
      if (g_strcmp0 (((Item *) g_ptr_array_index (self->items[l], i))->value, id) == 0)
        return;

  item = simple_item_new (self, list, name != NULL ? name : id, NULL);
  item->value = g_strdup (id);
  item_append (self, item);
}

typedef struct
{
  GWeakRef  editor;
  char     *id;
} UnitLookup;

static void
on_unit_named (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  UnitLookup *lookup = user_data;
  g_autoptr(ZcPlanEditor) self = g_weak_ref_get (&lookup->editor);
  g_autoptr(JsonArray) units = zc_api_client_units_finish (ZC_API_CLIENT (source), result, NULL);
  JsonObject *unit = units != NULL && json_array_get_length (units) == 1
                       ? json_array_get_object_element (units, 0) : NULL;
  const char *name = NULL;

  if (self != NULL && unit != NULL && zc_json_get_string (unit, "name", FALSE, &name, NULL) && name != NULL)
    for (guint l = LIST_DIRECT; l <= LIST_COMMISSIONED; l++)
      for (guint i = 0; i < self->items[l]->len; i++)
        {
          Item *item = g_ptr_array_index (self->items[l], i);

          if (g_strcmp0 (item->value, lookup->id) == 0)
            gtk_label_set_label (GTK_LABEL (item->heading), name);
        }

  g_weak_ref_clear (&lookup->editor);
  g_free (lookup->id);
  g_free (lookup);
}

void
zc_plan_editor_name_unit_later (ZcPlanEditor *self,
                                const char   *id)
{
  UnitLookup *lookup;

  if (self->session == NULL || zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN)
    return;
  lookup = g_new0 (UnitLookup, 1);
  g_weak_ref_init (&lookup->editor, self);
  lookup->id = g_strdup (id);
  zc_api_client_get_unit_async (zc_session_get_api_client (self->session), id, self->cancellable,
                                on_unit_named, lookup);
}

static void
on_unit_chosen (GtkButton    *button,
                ZcPlanEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const char *id = g_object_get_data (G_OBJECT (row), "unit-id");
  const char *name = g_object_get_data (G_OBJECT (row), "unit-name");
  gboolean commissioned = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "commissioned"));

  zc_plan_editor_clear_errors (self);
  zc_plan_editor_add_unit (self, id, name, commissioned);
}

static void
on_units_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ZcPlanEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) units = zc_api_client_units_finish (ZC_API_CLIENT (source), result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  while ((child = gtk_widget_get_first_child (self->unit_results)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->unit_results), child);
  gtk_widget_set_visible (self->unit_results, units != NULL && json_array_get_length (units) > 0);

  if (units == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->unit_status), error->message);
      return;
    }
  if (json_array_get_length (units) == 0)
    {
      gtk_label_set_label (GTK_LABEL (self->unit_status), _("No unit has this name."));
      return;
    }
  gtk_label_set_label (GTK_LABEL (self->unit_status), "");

  for (guint i = 0; i < json_array_get_length (units); i++)
    {
      JsonNode *element = json_array_get_element (units, i);
      JsonObject *unit = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *id = NULL, *name = NULL, *region = NULL;
      GtkWidget *row, *line, *label, *direct, *commissioned;

      if (unit == NULL || !zc_json_get_string (unit, "id", TRUE, &id, NULL) ||
          !zc_json_get_string (unit, "name", TRUE, &name, NULL) ||
          !zc_json_get_string (unit, "region_code", FALSE, &region, NULL))
        continue;
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data_full (G_OBJECT (row), "unit-id", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (row), "unit-name", g_strdup (name), g_free);
      line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_margin_start (line, 12);
      gtk_widget_set_margin_end (line, 6);
      gtk_widget_set_margin_top (line, 4);
      gtk_widget_set_margin_bottom (line, 4);
      label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (line), label);
      if (region != NULL)
        {
          GtkWidget *code = zc_plan_editor_dim_label_new (region);

          gtk_label_set_wrap (GTK_LABEL (code), FALSE);
          gtk_box_append (GTK_BOX (line), code);
        }
      direct = gtk_button_new_with_label (_("Add as direct"));
      commissioned = gtk_button_new_with_label (_("Add as commissioned"));
      g_object_set_data (G_OBJECT (commissioned), "commissioned", GINT_TO_POINTER (TRUE));
      g_signal_connect (direct, "clicked", G_CALLBACK (on_unit_chosen), self);
      g_signal_connect (commissioned, "clicked", G_CALLBACK (on_unit_chosen), self);
      gtk_box_append (GTK_BOX (line), direct);
      gtk_box_append (GTK_BOX (line), commissioned);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
      gtk_list_box_append (GTK_LIST_BOX (self->unit_results), row);
    }
}

void
zc_plan_editor_on_unit_search (ZcPlanEditor *self)
{
  g_autofree char *query = zc_plan_editor_entry_text (self->unit_search);

  if (*query == '\0')
    {
      gtk_widget_set_visible (self->unit_results, FALSE);
      gtk_label_set_label (GTK_LABEL (self->unit_status), "");
      return;
    }
  if (self->session == NULL || zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN)
    {
      gtk_label_set_label (GTK_LABEL (self->unit_status),
                           _("Units can be searched only while connected to the server."));
      return;
    }
  /* only the answer to the newest words counts */
  if (self->search != NULL)
    g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  self->search = g_cancellable_new ();
  zc_api_client_search_units_async (zc_session_get_api_client (self->session), query, 20, self->search,
                                    on_units_found, g_object_ref (self));
}

/* Notices: a title, a text and files (zc-plan-editor-files.c). */

guint
zc_plan_editor_add_notice_from (ZcPlanEditor *self,
                                JsonObject   *notice)
{
  Item *item = item_new (self, LIST_NOTICES);
  GtkWidget *grid = structured_item_grid (item, _("Notice"));
  GtkWidget *title = zc_plan_editor_entry_new (200, 30);
  GtkWidget *text = zc_plan_editor_text_view_new (90);
  JsonNode *files = notice != NULL ? json_object_get_member (notice, "files") : NULL;
  const char *value = NULL;
  int row = 0;

  item->slot.focus = title;
  add_part (item, grid, &row, "title", _("_Title"), title, title);
  add_part (item, grid, &row, "text", _("Te_xt"), gtk_widget_get_parent (text), text);
  if (notice != NULL && zc_json_get_string (notice, "title", FALSE, &value, NULL) && value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (title), value);
  if (notice != NULL && zc_json_get_string (notice, "text", FALSE, &value, NULL) && value != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), value, -1);
  zc_plan_editor_build_notice_files (item, grid, row,
                                     files != NULL && JSON_NODE_HOLDS_ARRAY (files) ? json_node_get_array (files)
                                                                                   : NULL);
  item_append (self, item);
  return self->items[LIST_NOTICES]->len - 1;
}

guint
zc_plan_editor_add_notice (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), 0);
  return zc_plan_editor_add_notice_from (self, NULL);
}

/* Attachment requirements */

guint
zc_plan_editor_add_attachment_from (ZcPlanEditor           *self,
                                    const ZcPlanAttachment *from)
{
  Item *item = item_new (self, LIST_ATTACHMENTS);
  GtkWidget *grid = structured_item_grid (item, _("Attachment requirement"));
  GtkWidget *id = zc_plan_editor_entry_new (32, 20);
  GtkWidget *name = zc_plan_editor_entry_new (100, 20);
  GtkWidget *types = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *size = gtk_spin_button_new_with_range (0.1, 50, 0.5);
  GtkWidget *count = gtk_spin_button_new_with_range (1, 20, 1);
  GtkWidget *required = gtk_switch_new ();
  GtkWidget *required_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  int row = 0;

  item->slot.focus = id;
  gtk_entry_set_placeholder_text (GTK_ENTRY (id), "defence-outline");
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (size), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (size), from != NULL ? from->max_bytes / MIB : 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (count), from != NULL ? from->max_count : 1);
  gtk_widget_set_halign (size, GTK_ALIGN_START);
  gtk_widget_set_halign (count, GTK_ALIGN_START);
  gtk_widget_set_halign (required, GTK_ALIGN_START);
  gtk_switch_set_active (GTK_SWITCH (required), from != NULL ? from->required : TRUE);
  gtk_box_append (GTK_BOX (required_box), required);
  if (from != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (id), from->id);
      gtk_editable_set_text (GTK_EDITABLE (name), from->name);
    }

  add_part (item, grid, &row, "id", _("_Id"), id, id);
  add_part (item, grid, &row, "name", _("_Name"), name, name);
  for (guint i = 0; i < G_N_ELEMENTS (zc_plan_editor_attachment_types); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (zc_plan_editor_attachment_type_labels[i]);
      g_autofree char *key = g_strconcat ("types.", zc_plan_editor_attachment_types[i], NULL);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   from != NULL ? g_strv_contains ((const char * const *) from->types,
                                                                   zc_plan_editor_attachment_types[i])
                                                : i == 0);
      gtk_box_append (GTK_BOX (types), check);
      g_hash_table_replace (item->inputs, g_steal_pointer (&key), check);
    }
  add_part (item, grid, &row, "types", _("File types"), types, gtk_widget_get_first_child (types));
  add_part (item, grid, &row, "max_bytes", _("Largest file (_MB)"), size, size);
  add_part (item, grid, &row, "max_count", _("Most _files"), count, count);
  add_part (item, grid, &row, "required", _("_Required"), required_box, required);
  item_append (self, item);
  return self->items[LIST_ATTACHMENTS]->len - 1;
}

guint
zc_plan_editor_add_attachment (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), 0);
  return zc_plan_editor_add_attachment_from (self, NULL);
}

/* Condition groups */

static void
on_no_max_toggled (GtkCheckButton *check,
                   GtkWidget      *spin)
{
  gtk_widget_set_sensitive (spin, !gtk_check_button_get_active (check));
}

guint
zc_plan_editor_add_group_from (ZcPlanEditor               *self,
                               const ZcPlanConditionGroup *from)
{
  Item *item = item_new (self, LIST_GROUPS);
  GtkWidget *grid = structured_item_grid (item, _("Condition group"));
  GtkWidget *id = zc_plan_editor_entry_new (32, 20);
  GtkWidget *name = zc_plan_editor_entry_new (100, 20);
  GtkWidget *categories = gtk_flow_box_new ();
  GtkWidget *min = gtk_spin_button_new_with_range (0, 100, 1);
  GtkWidget *max = gtk_spin_button_new_with_range (0, 500, 1);
  GtkWidget *none = gtk_check_button_new_with_mnemonic (_("No _maximum"));
  GtkWidget *max_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *first = NULL;
  int row = 0;

  item->slot.focus = id;
  gtk_entry_set_placeholder_text (GTK_ENTRY (id), "research");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (categories), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (categories), 4);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (categories), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (categories), TRUE);
  for (guint i = 0; i < self->forms->len; i++)
    {
      ZcFormSchema *form = g_ptr_array_index (self->forms, i);
      GtkWidget *check = gtk_check_button_new_with_label (zc_form_schema_get_title (form, ZC_LANGUAGE_LOCALE));
      g_autofree char *key = g_strconcat ("categories.", zc_form_schema_get_id (form), NULL);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   from != NULL && g_strv_contains ((const char * const *) from->categories,
                                                                    zc_form_schema_get_id (form)));
      g_object_set_data (G_OBJECT (check), "form-id", (gpointer) zc_form_schema_get_id (form));
      gtk_flow_box_append (GTK_FLOW_BOX (categories), check);
      g_hash_table_replace (item->inputs, g_steal_pointer (&key), check);
      if (first == NULL)
        first = check;
    }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (min), from != NULL ? from->min : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (max), from != NULL && from->max >= 0 ? from->max : 10);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (none), from != NULL && from->max < 0);
  gtk_widget_set_sensitive (max, !(from != NULL && from->max < 0));
  g_signal_connect (none, "toggled", G_CALLBACK (on_no_max_toggled), max);
  gtk_widget_set_halign (min, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (max_box), max);
  gtk_box_append (GTK_BOX (max_box), none);
  if (from != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (id), from->id);
      gtk_editable_set_text (GTK_EDITABLE (name), from->name);
    }

  add_part (item, grid, &row, "id", _("_Id"), id, id);
  add_part (item, grid, &row, "name", _("_Name"), name, name);
  add_part (item, grid, &row, "categories", _("Archive categories"), categories, first != NULL ? first : categories);
  add_part (item, grid, &row, "min", _("At _least"), min, min);
  add_part (item, grid, &row, "max", _("At _most"), max_box, max);
  g_hash_table_replace (item->inputs, g_strdup ("max.none"), none);
  item_append (self, item);
  return self->items[LIST_GROUPS]->len - 1;
}

guint
zc_plan_editor_add_condition_group (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), 0);
  return zc_plan_editor_add_group_from (self, NULL);
}

gboolean
zc_plan_editor_remove_item (ZcPlanEditor *self,
                            const char   *list,
                            guint         index)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  for (guint l = 0; l < N_LISTS; l++)
    if (g_str_equal (list, zc_plan_editor_list_names[l]) && index < self->items[l]->len)
      {
        remove_item (g_ptr_array_index (self->items[l], index));
        return TRUE;
      }
  return FALSE;
}

guint
zc_plan_editor_get_n_items (ZcPlanEditor *self,
                            const char   *list)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), 0);
  g_return_val_if_fail (list != NULL, 0);

  for (guint l = 0; l < N_LISTS; l++)
    if (g_str_equal (list, zc_plan_editor_list_names[l]))
      return self->items[l]->len;
  return 0;
}

void
zc_plan_editor_clear_items (ZcPlanEditor *self)
{
  for (guint l = 0; l < N_LISTS; l++)
    {
      while (self->items[l]->len > 0)
        {
          Item *item = g_ptr_array_index (self->items[l], self->items[l]->len - 1);

          gtk_list_box_remove (GTK_LIST_BOX (self->list_boxes[l]), item->row);
          g_ptr_array_remove_index (self->items[l], self->items[l]->len - 1);
        }
      update_list (self, l);
    }
}
