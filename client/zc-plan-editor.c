/* zc-plan-editor.c
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
#include "zc-plan-editor.h"
#include "zc-taxonomy.h"
#include "zc-title-picker.h"

/* The form holds fixed fields (name, windows …) and lists whose items
 * are added and removed (titles, units, attachment requirements …).
 * Every input has a "slot": the row it sits in and an error label
 * under it, found by the member path a check reports; a path with no
 * slot of its own falls back to its parent ("attachments[1].types[0]"
 * → "attachments[1].types" → "attachments[1]" → "attachments"). */

#define MIB (1024.0 * 1024.0)

typedef struct
{
  GtkWidget *row;    /* nullable: marked with .error */
  GtkWidget *focus;  /* nullable */
  GtkWidget *error;  /* the label under the input */
} Slot;

typedef enum
{
  LIST_TITLES,
  LIST_CATEGORIES,
  LIST_DIRECT,
  LIST_COMMISSIONED,
  LIST_NOTICES,
  LIST_ATTACHMENTS,
  LIST_GROUPS,
  N_LISTS
} ListId;

static const char * const list_names[N_LISTS] = {
  "titles", "declaration_categories", "direct_unit_ids", "commissioned_unit_ids",
  "notices", "attachments", "condition_groups",
};

static const char * const method_keys[] = { "regular", "exceptional", "transfer", "direct", "targeted" };
static const char * const attachment_types[] = { "application/pdf", "image/jpeg", "image/png" };
static const char * const attachment_type_labels[] = { "PDF", "JPEG", "PNG" };

typedef struct _Item Item;

struct _ZcPlanEditor
{
  AdwBin        parent_instance;

  ZcSession    *session;       /* owned, nullable */
  ZcPlan       *base;          /* owned, nullable */
  GCancellable *cancellable;   /* owned */
  GCancellable *search;        /* owned, nullable: the unit search running */
  GPtrArray    *forms;         /* owned, of ZcFormSchema: archive and series forms */

  GtkWidget    *box;
  GtkWidget    *general_error;
  GHashTable   *slots;         /* path → Slot* */
  GHashTable   *inputs;        /* path → GtkWidget* */
  GPtrArray    *shown;         /* of Slot*, showing an error */
  guint         n_errors;

  GtkWidget    *year, *name, *phone, *type, *scope, *region, *exam, *interview;
  GtkWidget    *methods[G_N_ELEMENTS (method_keys)];
  GtkWidget    *window_date[ZC_N_PLAN_WINDOWS];
  GtkWidget    *window_time[ZC_N_PLAN_WINDOWS];
  GtkWidget    *title_picker;
  GtkWidget    *category_entry;
  GtkWidget    *unit_search;
  GtkWidget    *unit_results;
  GtkWidget    *unit_status;

  GtkWidget    *list_boxes[N_LISTS];
  GPtrArray    *items[N_LISTS];  /* of Item* */
};

struct _Item
{
  ZcPlanEditor *editor;
  ListId        list;
  GtkWidget    *row;
  GtkWidget    *heading;
  Slot          slot;
  GHashTable   *parts;    /* suffix → Slot* */
  GHashTable   *inputs;   /* suffix → GtkWidget* */
  JsonObject   *pick;     /* titles */
  char         *value;    /* a category's text, a unit's id */
  JsonArray    *files;    /* a notice's files, kept as they were */
};

G_DEFINE_FINAL_TYPE (ZcPlanEditor, zc_plan_editor, ADW_TYPE_BIN)

static void
item_free (Item *item)
{
  g_hash_table_unref (item->parts);
  g_hash_table_unref (item->inputs);
  g_clear_pointer (&item->pick, json_object_unref);
  g_clear_pointer (&item->files, json_array_unref);
  g_free (item->value);
  g_free (item);
}

static GTimeZone *
beijing (void)
{
  return g_time_zone_new_offset (8 * 3600);
}

/* ---- building blocks ---------------------------------------------------- */

static GtkWidget *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static Slot *
slot_new (GtkWidget *row,
          GtkWidget *focus,
          GtkWidget *error)
{
  Slot *slot = g_new0 (Slot, 1);

  slot->row = row;
  slot->focus = focus;
  slot->error = error;
  return slot;
}

static void
set_accessible_label (GtkWidget  *input,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A row of the form: its label, the input beside it (or under it when
 * @wide), an optional help line and the error line. */
static GtkWidget *
field_row (ZcPlanEditor *self,
           const char   *path,
           const char   *title,
           GtkWidget    *input,
           gboolean      wide,
           const char   *help)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, "title", title, NULL);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (wide ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, wide ? 6 : 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *error = error_label_new ();

  gtk_widget_add_css_class (row, "zc-field-row");
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 8);
  gtk_widget_set_margin_bottom (content, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  set_accessible_label (input, title);
  gtk_box_append (GTK_BOX (line), label);
  if (!wide)
    gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), input);
  gtk_box_append (GTK_BOX (content), line);
  if (help != NULL)
    gtk_box_append (GTK_BOX (content), dim_label_new (help));
  gtk_box_append (GTK_BOX (content), error);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error, NULL, -1);

  if (path != NULL)
    g_hash_table_replace (self->slots, g_strdup (path), slot_new (row, input, error));
  return row;
}

static GtkWidget *
group_new (ZcPlanEditor *self,
           const char   *title,
           const char   *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

static GtkWidget *
entry_new (guint max_chars,
           int   width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  if (max_chars > 0)
    gtk_entry_set_max_length (GTK_ENTRY (entry), (int) max_chars);
  if (width_chars > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  return entry;
}

static GtkWidget *
text_view_new (int min_height)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, min_height);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  return view;
}

static char *
text_view_get_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static GtkWidget *
list_box_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_visible (list, FALSE);
  return list;
}

/* An error line under a whole list ("titles": none chosen). */
static void
list_slot (ZcPlanEditor *self,
           GtkWidget    *group,
           const char   *path,
           GtkWidget    *focus)
{
  GtkWidget *error = error_label_new ();

  gtk_widget_set_margin_top (error, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error);
  g_hash_table_replace (self->slots, g_strdup (path), slot_new (NULL, focus, error));
}

/* ---- errors ------------------------------------------------------------- */

static Slot *
find_item_slot (ZcPlanEditor *self,
                const char   *path)
{
  const char *bracket = strchr (path, '[');
  g_autofree char *name = NULL;
  guint64 index = 0;
  char *end = NULL;
  Item *item = NULL;

  if (bracket == NULL)
    return NULL;
  name = g_strndup (path, bracket - path);
  index = g_ascii_strtoull (bracket + 1, &end, 10);
  if (end == bracket + 1 || *end != ']')
    return NULL;
  for (guint l = 0; l < N_LISTS; l++)
    if (g_str_equal (name, list_names[l]) && index < self->items[l]->len)
      item = g_ptr_array_index (self->items[l], index);
  if (item == NULL)
    return NULL;
  if (end[1] == '\0')
    return &item->slot;
  if (end[1] == '.')
    return g_hash_table_lookup (item->parts, end + 2);
  return NULL;
}

/* The path without its last step: "a[1].b" → "a[1]" → "a"; NULL at the top. */
static char *
parent_path (const char *path)
{
  const char *last_dot = strrchr (path, '.');
  const char *last_bracket = strrchr (path, '[');
  const char *cut = last_dot > last_bracket ? last_dot : last_bracket;

  if (cut == NULL || cut == path)
    return NULL;
  return g_strndup (path, cut - path);
}

static Slot *
find_slot (ZcPlanEditor *self,
           const char   *field)
{
  g_autofree char *path = g_strdup (field);

  while (path != NULL)
    {
      Slot *slot = g_hash_table_lookup (self->slots, path);
      char *up;

      if (slot == NULL)
        slot = find_item_slot (self, path);
      if (slot != NULL)
        return slot;
      up = parent_path (path);
      g_free (path);
      path = up;
    }
  return NULL;
}

void
zc_plan_editor_clear_errors (ZcPlanEditor *self)
{
  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));

  for (guint i = 0; i < self->shown->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->shown, i);

      gtk_label_set_label (GTK_LABEL (slot->error), "");
      gtk_widget_set_visible (slot->error, FALSE);
      if (slot->row != NULL)
        gtk_widget_remove_css_class (slot->row, "error");
      if (slot->focus != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (slot->focus), GTK_ACCESSIBLE_STATE_INVALID,
                                     GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
  g_ptr_array_set_size (self->shown, 0);
  gtk_label_set_label (GTK_LABEL (self->general_error), "");
  gtk_widget_set_visible (self->general_error, FALSE);
  self->n_errors = 0;
}

static void
show_one (ZcPlanEditor *self,
          const char   *field,
          const char   *message,
          GtkWidget   **first_focus)
{
  Slot *slot = field != NULL ? find_slot (self, field) : NULL;
  GtkWidget *label = slot != NULL ? slot->error : self->general_error;
  const char *before = gtk_label_get_label (GTK_LABEL (label));
  g_autofree char *text = NULL;

  self->n_errors++;
  if (before != NULL && *before != '\0')
    {
      /* one message once, however many items share the slot */
      if (strstr (before, message) != NULL)
        return;
      text = g_strconcat (before, "\n", message, NULL);
    }
  else
    text = g_strdup (message);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, TRUE);
  if (slot == NULL)
    return;

  if (!g_ptr_array_find (self->shown, slot, NULL))
    g_ptr_array_add (self->shown, slot);
  if (slot->row != NULL)
    gtk_widget_add_css_class (slot->row, "error");
  if (slot->focus != NULL)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (slot->focus), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      if (*first_focus == NULL)
        *first_focus = slot->focus;
    }
}

void
zc_plan_editor_show_errors (ZcPlanEditor *self,
                            GPtrArray    *errors)
{
  GtkWidget *first_focus = NULL;

  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));
  g_return_if_fail (errors != NULL);

  zc_plan_editor_clear_errors (self);
  for (guint i = 0; i < errors->len; i++)
    {
      const ZcFieldError *error = g_ptr_array_index (errors, i);

      show_one (self, error->field, error->message, &first_focus);
    }
  if (first_focus != NULL && gtk_widget_get_mapped (first_focus))
    gtk_widget_grab_focus (first_focus);
  else if (gtk_widget_get_visible (self->general_error))
    gtk_widget_grab_focus (self->general_error);
}

void
zc_plan_editor_show_api_error (ZcPlanEditor *self,
                               const GError *error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  JsonArray *list;

  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));
  g_return_if_fail (error != NULL);

  list = error->domain == ZC_API_CLIENT_ERROR ? zc_api_client_error_get_errors (error) : NULL;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *field = NULL, *code = NULL, *message = NULL;

      if (object == NULL ||
          !zc_json_get_string (object, "field", FALSE, &field, NULL) ||
          !zc_json_get_string (object, "code", FALSE, &code, NULL) ||
          !zc_json_get_string (object, "message", FALSE, &message, NULL) || message == NULL)
        continue;
      g_ptr_array_add (errors, zc_field_error_new (field, code != NULL ? code : "invalid", message));
    }
  if (errors->len == 0)
    g_ptr_array_add (errors, zc_field_error_new (error->domain == ZC_API_CLIENT_ERROR
                                                   ? zc_api_client_error_get_field (error) : NULL,
                                                 "invalid", error->message));
  zc_plan_editor_show_errors (self, errors);
}

guint
zc_plan_editor_get_n_errors (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), 0);
  return self->n_errors;
}

const char *
zc_plan_editor_get_error (ZcPlanEditor *self,
                          const char   *field)
{
  Slot *slot;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  slot = find_slot (self, field);
  if (slot == NULL || !gtk_widget_get_visible (slot->error))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (slot->error));
}

GtkWidget *
zc_plan_editor_get_input (ZcPlanEditor *self,
                          const char   *field)
{
  GtkWidget *input;
  Slot *slot;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  input = g_hash_table_lookup (self->inputs, field);
  if (input != NULL)
    return input;

  /* an item's own input: "attachments[1].types.application/pdf" */
  {
    const char *bracket = strchr (field, '[');
    const char *close = bracket != NULL ? strchr (bracket, ']') : NULL;

    if (close != NULL && close[1] == '.')
      {
        g_autofree char *item_path = g_strndup (field, close + 1 - field);
        Slot *item_slot = find_item_slot (self, item_path);

        for (guint l = 0; item_slot != NULL && l < N_LISTS; l++)
          for (guint i = 0; i < self->items[l]->len; i++)
            {
              Item *item = g_ptr_array_index (self->items[l], i);

              if (&item->slot == item_slot)
                return g_hash_table_lookup (item->inputs, close + 2);
            }
      }
  }

  slot = g_hash_table_lookup (self->slots, field);
  if (slot == NULL)
    slot = find_item_slot (self, field);
  return slot != NULL ? slot->focus : NULL;
}

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
  set_accessible_label (button, tooltip);
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
  item->slot.error = error_label_new ();
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
    gtk_box_append (GTK_BOX (texts), dim_label_new (subtitle));
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
  GtkWidget *error = error_label_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), focus);
  set_accessible_label (focus, label_text);
  gtk_widget_set_hexpand (input, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, *row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), input, 1, *row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), error, 1, *row + 1, 1, 1);
  *row += 2;
  g_hash_table_replace (item->parts, g_strdup (suffix), slot_new (item->row, focus, error));
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

static void
on_add_title (ZcPlanEditor *self)
{
  g_autoptr(JsonNode) value = zc_title_picker_get_value (ZC_TITLE_PICKER (self->title_picker));
  JsonObject *pick = value != NULL ? json_node_get_object (value) : NULL;
  Slot *slot = g_hash_table_lookup (self->slots, "titles");
  GtkWidget *focus = NULL;

  zc_plan_editor_clear_errors (self);
  if (pick == NULL || !json_object_has_member (pick, "title"))
    {
      show_one (self, "titles", _("Choose a series, a category, a level and a title, then add it"), &focus);
      return;
    }
  if (!zc_plan_editor_add_title (self, pick))
    {
      show_one (self, "titles", _("This title is already in the plan"), &focus);
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

static void
on_add_category (ZcPlanEditor *self)
{
  g_autofree char *text = entry_text (self->category_entry);
  GtkWidget *focus = NULL;

  zc_plan_editor_clear_errors (self);
  if (*text == '\0')
    {
      show_one (self, "declaration_categories", _("Type the category first"), &focus);
      return;
    }
  for (guint i = 0; i < self->items[LIST_CATEGORIES]->len; i++)
    if (g_strcmp0 (((Item *) g_ptr_array_index (self->items[LIST_CATEGORIES], i))->value, text) == 0)
      {
        show_one (self, "declaration_categories", _("This category is already listed"), &focus);
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

static void
name_unit_later (ZcPlanEditor *self,
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
          GtkWidget *code = dim_label_new (region);

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

static void
on_unit_search (ZcPlanEditor *self)
{
  g_autofree char *query = entry_text (self->unit_search);

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

/* Notices: a title and a text; files they already have are kept
 * (adding files is not offered here yet). */

static guint
add_notice (ZcPlanEditor *self,
            JsonObject   *notice)
{
  Item *item = item_new (self, LIST_NOTICES);
  GtkWidget *grid = structured_item_grid (item, _("Notice"));
  GtkWidget *title = entry_new (200, 30);
  GtkWidget *text = text_view_new (90);
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
  if (files != NULL && JSON_NODE_HOLDS_ARRAY (files) && json_array_get_length (json_node_get_array (files)) > 0)
    {
      g_autofree char *kept = NULL;

      item->files = json_array_ref (json_node_get_array (files));
      kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file is kept as it is.",
                                           "%u files are kept as they are.",
                                           json_array_get_length (item->files)),
                              json_array_get_length (item->files));
      gtk_grid_attach (GTK_GRID (grid), dim_label_new (kept), 1, row, 1, 1);
    }
  item_append (self, item);
  return self->items[LIST_NOTICES]->len - 1;
}

guint
zc_plan_editor_add_notice (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), 0);
  return add_notice (self, NULL);
}

/* Attachment requirements */

static guint
add_attachment (ZcPlanEditor           *self,
                const ZcPlanAttachment *from)
{
  Item *item = item_new (self, LIST_ATTACHMENTS);
  GtkWidget *grid = structured_item_grid (item, _("Attachment requirement"));
  GtkWidget *id = entry_new (32, 20);
  GtkWidget *name = entry_new (100, 20);
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
  for (guint i = 0; i < G_N_ELEMENTS (attachment_types); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (attachment_type_labels[i]);
      g_autofree char *key = g_strconcat ("types.", attachment_types[i], NULL);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   from != NULL ? g_strv_contains ((const char * const *) from->types,
                                                                   attachment_types[i])
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
  return add_attachment (self, NULL);
}

/* Condition groups */

static void
on_no_max_toggled (GtkCheckButton *check,
                   GtkWidget      *spin)
{
  gtk_widget_set_sensitive (spin, !gtk_check_button_get_active (check));
}

static guint
add_group (ZcPlanEditor               *self,
           const ZcPlanConditionGroup *from)
{
  Item *item = item_new (self, LIST_GROUPS);
  GtkWidget *grid = structured_item_grid (item, _("Condition group"));
  GtkWidget *id = entry_new (32, 20);
  GtkWidget *name = entry_new (100, 20);
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
  return add_group (self, NULL);
}

gboolean
zc_plan_editor_remove_item (ZcPlanEditor *self,
                            const char   *list,
                            guint         index)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  for (guint l = 0; l < N_LISTS; l++)
    if (g_str_equal (list, list_names[l]) && index < self->items[l]->len)
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
    if (g_str_equal (list, list_names[l]))
      return self->items[l]->len;
  return 0;
}

static void
clear_items (ZcPlanEditor *self)
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

/* ---- windows ------------------------------------------------------------ */

static void
set_window (ZcPlanEditor *self,
            guint         window,
            GDateTime    *time)
{
  g_autoptr(GTimeZone) zone = beijing ();
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_timezone (time, zone) : NULL;
  g_autofree char *date = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;
  g_autofree char *clock = local != NULL ? g_date_time_format (local, "%H:%M:%S") : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->window_date[window]), date != NULL ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->window_time[window]), clock != NULL ? clock : "");
}

static gboolean
parse_numbers (const char *text,
               char        separator,
               guint       min_parts,
               guint       max_parts,
               guint       first_digits,
               int        *out)
{
  g_auto(GStrv) parts = NULL;
  char sep[2] = { separator, '\0' };
  guint n;

  parts = g_strsplit (text, sep, -1);
  n = g_strv_length (parts);
  if (n < min_parts || n > max_parts)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint64 value;
      gsize length = strlen (parts[i]);

      if (length == 0 || length > (i == 0 ? first_digits : 2) ||
          !g_ascii_string_to_unsigned (parts[i], 10, 0, 9999, &value, NULL))
        return FALSE;
      out[i] = (int) value;
    }
  return TRUE;
}

/* The window's time in Beijing time, or NULL with a problem noted. */
static GDateTime *
read_window (ZcPlanEditor *self,
             guint         window,
             GPtrArray    *errors)
{
  g_autofree char *date = entry_text (self->window_date[window]);
  g_autofree char *clock = entry_text (self->window_time[window]);
  g_autofree char *field = g_strdup_printf ("windows.%s", zc_plan_window_to_string (window));
  g_autoptr(GTimeZone) zone = beijing ();
  int ymd[3] = { 0 }, hms[3] = { 0 };
  GDateTime *time;

  if (!parse_numbers (date, '-', 3, 3, 4, ymd))
    {
      g_ptr_array_add (errors, zc_field_error_new (field, "invalid_format",
                                                   _("Enter the date as year-month-day, such as 2026-03-01")));
      return NULL;
    }
  /* no time: the start of the first day, the end of a deadline's */
  if (*clock == '\0')
    {
      g_free (clock);
      clock = g_strdup (window == ZC_PLAN_WINDOW_INDIVIDUAL_START ? "00:00:00" : "23:59:59");
    }
  if (!parse_numbers (clock, ':', 2, 3, 2, hms))
    {
      g_ptr_array_add (errors, zc_field_error_new (field, "invalid_format",
                                                   _("Enter the time as hours:minutes, such as 23:59")));
      return NULL;
    }
  time = g_date_time_new (zone, ymd[0], ymd[1], ymd[2], hms[0], hms[1], hms[2]);
  if (time == NULL)
    g_ptr_array_add (errors, zc_field_error_new (field, "invalid_value", _("There is no such date or time")));
  return time;
}

/* ---- loading and reading the form -------------------------------------- */

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text != NULL ? text : "", -1);
}

static const char *
account_unit_member (ZcPlanEditor *self,
                     const char   *name)
{
  JsonObject *account = self->session != NULL ? zc_session_get_account (self->session) : NULL;
  JsonNode *unit = account != NULL ? json_object_get_member (account, "unit") : NULL;
  const char *value = NULL;

  if (unit == NULL || !JSON_NODE_HOLDS_OBJECT (unit) ||
      !zc_json_get_string (json_node_get_object (unit), name, FALSE, &value, NULL))
    return NULL;
  return value;
}

/* A new plan: this year, a review, the regular method, windows a
 * month apart from today. */
static void
load_defaults (ZcPlanEditor *self)
{
  g_autoptr(GTimeZone) zone = beijing ();
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) today = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 0, 0, 0);
  static const int days[ZC_N_PLAN_WINDOWS] = { 0, 30, 45, 60, 75 };
  const char *region = account_unit_member (self, "region_code");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year), g_date_time_get_year (now));
  gtk_editable_set_text (GTK_EDITABLE (self->name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type), ZC_PLAN_TYPE_REVIEW);
  set_text_view (self->scope, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->region), region != NULL ? region : "");
  for (guint i = 0; i < G_N_ELEMENTS (method_keys); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->methods[i]), i == 0);
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, days[i]);
      g_autoptr(GDateTime) time = i == 0 ? g_date_time_ref (day) : g_date_time_add_seconds (day, 86399);

      set_window (self, i, time);
    }
  gtk_switch_set_active (GTK_SWITCH (self->exam), FALSE);
  gtk_switch_set_active (GTK_SWITCH (self->interview), FALSE);
}

static void
load_plan (ZcPlanEditor *self,
           ZcPlan       *plan)
{
  JsonArray *titles = zc_plan_get_titles (plan);
  JsonArray *notices = zc_plan_get_notices (plan);
  const char * const *strings;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year), zc_plan_get_year (plan));
  gtk_editable_set_text (GTK_EDITABLE (self->name), zc_plan_get_name (plan));
  gtk_editable_set_text (GTK_EDITABLE (self->phone), zc_plan_get_contact_phone (plan));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type), zc_plan_get_plan_type (plan));
  set_text_view (self->scope, zc_plan_get_scope_text (plan));
  gtk_editable_set_text (GTK_EDITABLE (self->region), zc_plan_get_region_code (plan));
  for (guint i = 0; i < G_N_ELEMENTS (method_keys); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->methods[i]), zc_plan_allows_method (plan, method_keys[i]));
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    set_window (self, i, zc_plan_get_window (plan, i));
  gtk_switch_set_active (GTK_SWITCH (self->exam), zc_plan_get_exam (plan));
  gtk_switch_set_active (GTK_SWITCH (self->interview), zc_plan_get_interview (plan));

  for (guint i = 0; i < json_array_get_length (titles); i++)
    zc_plan_editor_add_title (self, json_array_get_object_element (titles, i));
  strings = zc_plan_get_declaration_categories (plan);
  for (guint i = 0; strings[i] != NULL; i++)
    zc_plan_editor_add_category (self, strings[i]);
  for (guint c = 0; c < 2; c++)
    {
      strings = c == 0 ? zc_plan_get_direct_unit_ids (plan) : zc_plan_get_commissioned_unit_ids (plan);
      for (guint i = 0; strings[i] != NULL; i++)
        {
          zc_plan_editor_add_unit (self, strings[i], NULL, c == 1);
          name_unit_later (self, strings[i]);
        }
    }
  for (guint i = 0; i < json_array_get_length (notices); i++)
    add_notice (self, json_array_get_object_element (notices, i));
  for (guint i = 0; i < zc_plan_get_n_attachments (plan); i++)
    add_attachment (self, zc_plan_get_attachment (plan, i));
  for (guint i = 0; i < zc_plan_get_n_condition_groups (plan); i++)
    add_group (self, zc_plan_get_condition_group (plan, i));
}

void
zc_plan_editor_set_plan (ZcPlanEditor *self,
                         ZcPlan       *plan)
{
  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));

  zc_plan_editor_clear_errors (self);
  clear_items (self);
  g_clear_pointer (&self->base, zc_plan_unref);
  if (plan != NULL)
    {
      self->base = zc_plan_ref (plan);
      load_plan (self, plan);
    }
  else
    load_defaults (self);
}

ZcPlan *
zc_plan_editor_get_base_plan (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);
  return self->base;
}

static gboolean
is_item_id (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 32)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (text[i]) && !g_ascii_isdigit (text[i]) && text[i] != '-')
      return FALSE;
  return TRUE;
}

static void
problem (GPtrArray  *errors,
         const char *code,
         const char *message,
         const char *format,
         ...) G_GNUC_PRINTF (4, 5);

static void
problem (GPtrArray  *errors,
         const char *code,
         const char *message,
         const char *format,
         ...)
{
  g_autofree char *field = NULL;
  va_list args;

  va_start (args, format);
  field = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, zc_field_error_new (field, code, message));
}

static JsonArray *
strings_of (GPtrArray *items)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < items->len; i++)
    json_array_add_string_element (array, ((Item *) g_ptr_array_index (items, i))->value);
  return array;
}

static void
read_items (ZcPlanEditor *self,
            JsonObject   *root,
            GPtrArray    *errors)
{
  JsonArray *titles = json_array_new ();
  JsonArray *notices = json_array_new ();
  JsonArray *attachments = json_array_new ();
  JsonArray *groups = json_array_new ();
  const char *id_message = _("Use 1 to 32 lower-case letters, digits and hyphens, such as defence-outline");

  for (guint i = 0; i < self->items[LIST_TITLES]->len; i++)
    json_array_add_object_element (titles, json_object_ref (((Item *) self->items[LIST_TITLES]->pdata[i])->pick));
  json_object_set_array_member (root, "titles", titles);
  json_object_set_array_member (root, "declaration_categories", strings_of (self->items[LIST_CATEGORIES]));
  json_object_set_array_member (root, "direct_unit_ids", strings_of (self->items[LIST_DIRECT]));
  json_object_set_array_member (root, "commissioned_unit_ids", strings_of (self->items[LIST_COMMISSIONED]));

  for (guint i = 0; i < self->items[LIST_NOTICES]->len; i++)
    {
      Item *item = self->items[LIST_NOTICES]->pdata[i];
      JsonObject *notice = json_object_new ();
      g_autofree char *title = entry_text (g_hash_table_lookup (item->inputs, "title"));
      g_autofree char *text = text_view_get_text (g_hash_table_lookup (item->inputs, "text"));

      if (*title == '\0')
        problem (errors, "required", _("Give the notice a title"), "notices[%u].title", i);
      json_object_set_string_member (notice, "title", title);
      json_object_set_string_member (notice, "text", text);
      if (item->files != NULL)
        json_object_set_array_member (notice, "files", json_array_ref (item->files));
      json_array_add_object_element (notices, notice);
    }
  json_object_set_array_member (root, "notices", notices);

  for (guint i = 0; i < self->items[LIST_ATTACHMENTS]->len; i++)
    {
      Item *item = self->items[LIST_ATTACHMENTS]->pdata[i];
      JsonObject *attachment = json_object_new ();
      JsonArray *types = json_array_new ();
      g_autofree char *id = entry_text (g_hash_table_lookup (item->inputs, "id"));
      g_autofree char *name = entry_text (g_hash_table_lookup (item->inputs, "name"));
      double megabytes = gtk_spin_button_get_value (g_hash_table_lookup (item->inputs, "max_bytes"));

      if (!is_item_id (id))
        problem (errors, "invalid_format", id_message, "attachments[%u].id", i);
      if (*name == '\0')
        problem (errors, "required", _("Enter a name"), "attachments[%u].name", i);
      for (guint t = 0; t < G_N_ELEMENTS (attachment_types); t++)
        {
          g_autofree char *key = g_strconcat ("types.", attachment_types[t], NULL);

          if (gtk_check_button_get_active (g_hash_table_lookup (item->inputs, key)))
            json_array_add_string_element (types, attachment_types[t]);
        }
      if (json_array_get_length (types) == 0)
        problem (errors, "required", _("Choose at least one file type"), "attachments[%u].types", i);
      json_object_set_string_member (attachment, "id", id);
      json_object_set_string_member (attachment, "name", name);
      json_object_set_array_member (attachment, "types", types);
      json_object_set_int_member (attachment, "max_bytes", (gint64) (megabytes * MIB + 0.5));
      json_object_set_int_member (attachment, "max_count",
                                  gtk_spin_button_get_value_as_int (g_hash_table_lookup (item->inputs, "max_count")));
      json_object_set_boolean_member (attachment, "required",
                                      gtk_switch_get_active (g_hash_table_lookup (item->inputs, "required")));
      json_array_add_object_element (attachments, attachment);
    }
  json_object_set_array_member (root, "attachments", attachments);

  for (guint i = 0; i < self->items[LIST_GROUPS]->len; i++)
    {
      Item *item = self->items[LIST_GROUPS]->pdata[i];
      JsonObject *group = json_object_new ();
      JsonArray *categories = json_array_new ();
      g_autofree char *id = entry_text (g_hash_table_lookup (item->inputs, "id"));
      g_autofree char *name = entry_text (g_hash_table_lookup (item->inputs, "name"));

      if (!is_item_id (id))
        problem (errors, "invalid_format", id_message, "condition_groups[%u].id", i);
      if (*name == '\0')
        problem (errors, "required", _("Enter a name"), "condition_groups[%u].name", i);
      for (guint f = 0; f < self->forms->len; f++)
        {
          const char *form_id = zc_form_schema_get_id (self->forms->pdata[f]);
          g_autofree char *key = g_strconcat ("categories.", form_id, NULL);

          if (gtk_check_button_get_active (g_hash_table_lookup (item->inputs, key)))
            json_array_add_string_element (categories, form_id);
        }
      if (json_array_get_length (categories) == 0)
        problem (errors, "required", _("Choose at least one archive category"), "condition_groups[%u].categories", i);
      json_object_set_string_member (group, "id", id);
      json_object_set_string_member (group, "name", name);
      json_object_set_array_member (group, "categories", categories);
      json_object_set_int_member (group, "min",
                                  gtk_spin_button_get_value_as_int (g_hash_table_lookup (item->inputs, "min")));
      if (gtk_check_button_get_active (g_hash_table_lookup (item->inputs, "max.none")))
        json_object_set_null_member (group, "max");
      else
        json_object_set_int_member (group, "max",
                                    gtk_spin_button_get_value_as_int (g_hash_table_lookup (item->inputs, "max")));
      json_array_add_object_element (groups, group);
    }
  json_object_set_array_member (root, "condition_groups", groups);
}

static JsonNode *
read_form (ZcPlanEditor *self,
           GPtrArray    *errors)
{
  JsonObject *root = json_object_new ();
  JsonObject *windows = json_object_new ();
  JsonArray *methods = json_array_new ();
  g_autofree char *name = entry_text (self->name);
  g_autofree char *phone = entry_text (self->phone);
  g_autofree char *region = entry_text (self->region);
  g_autofree char *scope = text_view_get_text (self->scope);
  guint type = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type));

  if (self->base != NULL)
    {
      json_object_set_string_member (root, "id", zc_plan_get_id (self->base));
      json_object_set_int_member (root, "version", zc_plan_get_version (self->base));
    }
  json_object_set_int_member (root, "year", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year)));
  if (*name == '\0')
    problem (errors, "required", _("Enter the plan’s name"), "name");
  json_object_set_string_member (root, "name", name);
  if (*phone == '\0')
    problem (errors, "required", _("Enter a phone number applicants can call"), "contact_phone");
  json_object_set_string_member (root, "contact_phone", phone);
  json_object_set_string_member (root, "type", zc_plan_type_to_string (type < ZC_N_PLAN_TYPES ? type : 0));
  for (guint i = 0; i < G_N_ELEMENTS (method_keys); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->methods[i])))
      json_array_add_string_element (methods, method_keys[i]);
  json_object_set_array_member (root, "methods", methods);
  json_object_set_string_member (root, "scope", scope);
  if (strlen (region) != 6 || strspn (region, "0123456789") != 6)
    problem (errors, "invalid_format", _("A region code has 6 digits, such as 410000 for Henan"), "region_code");
  json_object_set_string_member (root, "region_code", region);
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    {
      g_autoptr(GDateTime) time = read_window (self, i, errors);
      g_autofree char *text = time != NULL ? zc_json_format_timestamp (time) : NULL;

      json_object_set_string_member (windows, zc_plan_window_to_string (i), text != NULL ? text : "");
    }
  json_object_set_object_member (root, "windows", windows);
  json_object_set_boolean_member (root, "exam", gtk_switch_get_active (GTK_SWITCH (self->exam)));
  json_object_set_boolean_member (root, "interview", gtk_switch_get_active (GTK_SWITCH (self->interview)));
  read_items (self, root, errors);

  return json_node_init_object (json_node_alloc (), root);
}

ZcPlan *
zc_plan_editor_collect (ZcPlanEditor *self,
                        gboolean      for_publish)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);

  node = read_form (self, errors);
  if (errors->len > 0)
    {
      zc_plan_editor_show_errors (self, errors);
      return NULL;
    }

  plan = zc_plan_new_from_json (node, TRUE, &error);
  if (plan == NULL)
    {
      /* "attachments[0].name: longer than …": the path, then the problem */
      const char *colon = strstr (error->message, ": ");
      g_autofree char *field = colon != NULL ? g_strndup (error->message, colon - error->message) : NULL;
      /* Translators: %s is a technical description of the problem */
      g_autofree char *message = g_strdup_printf (_("This value is not accepted (%s)"),
                                                  colon != NULL ? colon + 2 : error->message);

      g_ptr_array_add (errors, zc_field_error_new (field, "invalid_value", message));
      zc_plan_editor_show_errors (self, errors);
      return NULL;
    }

  if (!zc_plan_validate (plan, NULL, for_publish, ZC_LANGUAGE_LOCALE, &rules))
    {
      zc_plan_editor_show_errors (self, rules);
      return NULL;
    }

  zc_plan_editor_clear_errors (self);
  return g_steal_pointer (&plan);
}

/* ---- the form ----------------------------------------------------------- */

static void
register_input (ZcPlanEditor *self,
                const char   *path,
                GtkWidget    *input)
{
  g_hash_table_replace (self->inputs, g_strdup (path), input);
}

static void
build_general (ZcPlanEditor *self)
{
  GtkWidget *group = group_new (self, _("Plan"), NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkWidget *scope_row;

  self->year = gtk_spin_button_new_with_range (2000, 2100, 1);
  self->name = entry_new (200, 36);
  self->phone = entry_new (40, 18);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->phone), "0371-65551234");
  gtk_entry_set_input_purpose (GTK_ENTRY (self->phone), GTK_INPUT_PURPOSE_PHONE);
  for (guint i = 0; i < ZC_N_PLAN_TYPES; i++)
    gtk_string_list_append (types, zc_plan_type_get_label (i, ZC_LANGUAGE_LOCALE));
  self->type = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (types)), NULL);
  self->region = entry_new (6, 8);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->region), GTK_INPUT_PURPOSE_DIGITS);
  self->scope = text_view_new (80);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field_row (self, "year", _("_Year"), self->year, FALSE, NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field_row (self, "name", _("_Name"), self->name, TRUE, NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             field_row (self, "contact_phone", _("Contact _phone"), self->phone, FALSE, NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field_row (self, "type", _("_Type"), self->type, FALSE,
                                                                       _("A determination plan skips the department "
                                                                         "and the committee.")));
  scope_row = field_row (self, NULL, _("_Scope"), gtk_widget_get_parent (self->scope), TRUE,
                         _("Who may declare, in your own words; line breaks are kept."));
  g_hash_table_replace (self->slots, g_strdup ("scope"),
                        slot_new (scope_row, self->scope,
                                  gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (scope_row)))));
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (
                                   gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (scope_row))))), self->scope);
  set_accessible_label (self->scope, _("Scope"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scope_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             field_row (self, "region_code", _("_Region code"), self->region, FALSE,
                                        _("Units whose region code starts with this code declare directly "
                                          "(410000: all of Henan).")));
  register_input (self, "year", self->year);
  register_input (self, "name", self->name);
  register_input (self, "contact_phone", self->phone);
  register_input (self, "type", self->type);
  register_input (self, "scope", self->scope);
  register_input (self, "region_code", self->region);
}

static void
build_titles (ZcPlanEditor *self)
{
  GtkWidget *group = group_new (self, _("Titles"), _("The titles applicants may declare for."));
  GtkWidget *adder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Title"));
  GtkWidget *grid;

  self->list_boxes[LIST_TITLES] = list_box_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list_boxes[LIST_TITLES]);

  self->title_picker = zc_title_picker_new (_("Title"));
  /* a plan names titles, not specialties: the cascade's last row goes */
  grid = gtk_widget_get_first_child (self->title_picker);
  if (GTK_IS_GRID (grid))
    for (int column = 0; column < 2; column++)
      {
        GtkWidget *child = gtk_grid_get_child_at (GTK_GRID (grid), column, ZC_TITLE_PICKER_SPECIALTY);

        if (child != NULL)
          gtk_widget_set_visible (child, FALSE);
      }
  gtk_widget_set_margin_top (adder, 12);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_title), self);
  gtk_box_append (GTK_BOX (adder), self->title_picker);
  gtk_box_append (GTK_BOX (adder), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), adder);
  list_slot (self, group, "titles", zc_title_picker_get_dropdown (ZC_TITLE_PICKER (self->title_picker),
                                                                  ZC_TITLE_PICKER_SERIES));
  register_input (self, "title-picker", self->title_picker);
  register_input (self, "add-title", button);
}

static void
build_methods (ZcPlanEditor *self)
{
  GtkWidget *group = group_new (self, _("Declaring"), NULL);
  GtkWidget *checks = gtk_flow_box_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Category"));
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  GtkWidget *row;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (checks), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (checks), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (checks), 5);
  for (guint i = 0; i < G_N_ELEMENTS (method_keys); i++)
    {
      const char *label = taxonomy != NULL ? zc_taxonomy_get_method_name (taxonomy, method_keys[i],
                                                                          ZC_LANGUAGE_LOCALE) : NULL;
      g_autofree char *key = g_strconcat ("methods.", method_keys[i], NULL);

      self->methods[i] = gtk_check_button_new_with_label (label != NULL ? label : method_keys[i]);
      gtk_flow_box_append (GTK_FLOW_BOX (checks), self->methods[i]);
      register_input (self, key, self->methods[i]);
    }
  row = field_row (self, "methods", _("Evaluation methods"), checks, TRUE, NULL);
  ((Slot *) g_hash_table_lookup (self->slots, "methods"))->focus = self->methods[0];
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->exam = gtk_switch_new ();
  self->interview = gtk_switch_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             field_row (self, "exam", _("An _examination is part of the plan"), self->exam, FALSE, NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             field_row (self, "interview", _("Applicants are _interviewed (defence)"), self->interview,
                                        FALSE, NULL));
  register_input (self, "exam", self->exam);
  register_input (self, "interview", self->interview);

  group = group_new (self, _("Declaration categories"),
                     _("Optional: the categories an applicant chooses from, such as 基础研究 or 应用研究."));
  self->list_boxes[LIST_CATEGORIES] = list_box_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list_boxes[LIST_CATEGORIES]);
  self->category_entry = entry_new (50, 20);
  gtk_widget_set_hexpand (self->category_entry, TRUE);
  set_accessible_label (self->category_entry, _("New declaration category"));
  g_signal_connect_swapped (self->category_entry, "activate", G_CALLBACK (on_add_category), self);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_category), self);
  gtk_widget_set_margin_top (line, 12);
  gtk_box_append (GTK_BOX (line), self->category_entry);
  gtk_box_append (GTK_BOX (line), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), line);
  list_slot (self, group, "declaration_categories", self->category_entry);
  register_input (self, "category-entry", self->category_entry);
}

static void
build_units (ZcPlanEditor *self)
{
  GtkWidget *group = group_new (self, _("Units"),
                                _("Units listed as direct declare directly, as units in the region do; "
                                  "commissioned units declare with a commissioning letter."));
  GtkWidget *label;

  for (guint l = LIST_DIRECT; l <= LIST_COMMISSIONED; l++)
    {
      label = gtk_label_new (l == LIST_DIRECT ? _("Direct units") : _("Commissioned units"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, l == LIST_DIRECT ? 0 : 12);
      gtk_widget_set_margin_bottom (label, 6);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
      self->list_boxes[l] = list_box_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list_boxes[l]);
      list_slot (self, group, list_names[l], NULL);
    }

  self->unit_search = gtk_search_entry_new ();
  gtk_widget_set_margin_top (self->unit_search, 12);
  g_object_set (self->unit_search, "placeholder-text", _("Search units by name or credit code"), NULL);
  set_accessible_label (self->unit_search, _("Search units"));
  g_signal_connect_swapped (self->unit_search, "search-changed", G_CALLBACK (on_unit_search), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_search);
  self->unit_status = dim_label_new (NULL);
  gtk_widget_set_margin_top (self->unit_status, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_status);
  self->unit_results = list_box_new ();
  gtk_widget_set_margin_top (self->unit_results, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_results);
  register_input (self, "unit-search", self->unit_search);
}

static void
build_windows (ZcPlanEditor *self)
{
  GtkWidget *group = group_new (self, _("Time windows"),
                                _("Beijing time. Each date must not come before the one above it."));

  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      const char *label = zc_plan_window_get_label (i, ZC_LANGUAGE_LOCALE);
      g_autofree char *path = g_strdup_printf ("windows.%s", zc_plan_window_to_string (i));
      g_autofree char *date_key = g_strconcat (path, ".date", NULL);
      g_autofree char *time_key = g_strconcat (path, ".time", NULL);
      /* Translators: accessible name of a time entry; %s is a window such as 单位审核截止时间 */
      g_autofree char *time_label = g_strdup_printf (_("%s (time)"), label);

      self->window_date[i] = entry_new (10, 11);
      self->window_time[i] = entry_new (8, 9);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->window_date[i]), "2026-03-01");
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->window_time[i]), "23:59:59");
      set_accessible_label (self->window_time[i], time_label);
      gtk_box_append (GTK_BOX (line), self->window_date[i]);
      gtk_box_append (GTK_BOX (line), self->window_time[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field_row (self, path, label, line, FALSE, NULL));
      ((Slot *) g_hash_table_lookup (self->slots, path))->focus = self->window_date[i];
      set_accessible_label (self->window_date[i], label);
      gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_parent (line))),
                                     self->window_date[i]);
      register_input (self, date_key, self->window_date[i]);
      register_input (self, time_key, self->window_time[i]);
    }
}

static void
build_list_group (ZcPlanEditor *self,
                  ListId        list,
                  const char   *title,
                  const char   *description,
                  const char   *add_label,
                  GCallback     add)
{
  GtkWidget *group = group_new (self, title, description);
  GtkWidget *button = gtk_button_new_with_mnemonic (add_label);

  self->list_boxes[list] = list_box_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list_boxes[list]);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect_swapped (button, "clicked", add, self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  list_slot (self, group, list_names[list], button);
}

static void
on_add_notice (ZcPlanEditor *self)
{
  guint index = zc_plan_editor_add_notice (self);

  gtk_widget_grab_focus (((Item *) self->items[LIST_NOTICES]->pdata[index])->slot.focus);
}

static void
on_add_attachment (ZcPlanEditor *self)
{
  guint index = zc_plan_editor_add_attachment (self);

  gtk_widget_grab_focus (((Item *) self->items[LIST_ATTACHMENTS]->pdata[index])->slot.focus);
}

static void
on_add_group (ZcPlanEditor *self)
{
  guint index = zc_plan_editor_add_condition_group (self);

  gtk_widget_grab_focus (((Item *) self->items[LIST_GROUPS]->pdata[index])->slot.focus);
}

/* ---- GObject ------------------------------------------------------------ */

static void
zc_plan_editor_dispose (GObject *object)
{
  ZcPlanEditor *self = ZC_PLAN_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->search != NULL)
    g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  for (guint l = 0; l < N_LISTS; l++)
    g_clear_pointer (&self->items[l], g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->base, zc_plan_unref);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_clear_pointer (&self->inputs, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (zc_plan_editor_parent_class)->dispose (object);
}

static void
zc_plan_editor_class_init (ZcPlanEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zc_plan_editor_dispose;
}

static int
compare_forms (gconstpointer a,
               gconstpointer b)
{
  ZcFormSchema *first = *(ZcFormSchema **) a;
  ZcFormSchema *second = *(ZcFormSchema **) b;

  return zc_form_schema_get_order (first) - zc_form_schema_get_order (second);
}

static void
zc_plan_editor_init (ZcPlanEditor *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  g_autoptr(GError) error = NULL;

  zc_style_ensure_loaded ();
  self->cancellable = g_cancellable_new ();
  self->slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown = g_ptr_array_new ();
  for (guint l = 0; l < N_LISTS; l++)
    self->items[l] = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  /* the categories a condition group may count: archive, then series forms */
  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_form_schema_unref);
  for (ZcFormKind kind = ZC_FORM_KIND_ARCHIVE_CATEGORY; kind <= ZC_FORM_KIND_SERIES_BLOCK; kind++)
    {
      g_autoptr(GPtrArray) forms = zc_form_schema_load_all (kind, &error);

      if (forms == NULL)
        {
          g_warning ("The forms could not be read: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_sort (forms, compare_forms);
      for (guint i = 0; i < forms->len; i++)
        g_ptr_array_add (self->forms, zc_form_schema_ref (forms->pdata[i]));
    }

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 24);
  self->general_error = error_label_new ();
  gtk_widget_set_focusable (self->general_error, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->general_error);

  build_general (self);
  build_titles (self);
  build_methods (self);
  build_units (self);
  build_windows (self);
  build_list_group (self, LIST_NOTICES, _("Notices"), _("Texts applicants read with the plan."),
                    _("Add _Notice"), G_CALLBACK (on_add_notice));
  build_list_group (self, LIST_ATTACHMENTS, _("Attachment requirements"),
                    _("Files every declaration to this plan carries, such as a defence outline."),
                    _("Add _Requirement"), G_CALLBACK (on_add_attachment));
  build_list_group (self, LIST_GROUPS, _("Condition groups"),
                    _("Archive entries an applicant picks for a condition, with how many count."),
                    _("Add Condition _Group"), G_CALLBACK (on_add_group));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))),
                                    TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

/**
 * zc_plan_editor_new:
 *
 * Returns: (transfer floating): the form, on a new plan
 */
GtkWidget *
zc_plan_editor_new (ZcSession *session)
{
  ZcPlanEditor *self;

  g_return_val_if_fail (session == NULL || ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_PLAN_EDITOR, NULL);
  self->session = session != NULL ? g_object_ref (session) : NULL;
  load_defaults (self);
  return GTK_WIDGET (self);
}
