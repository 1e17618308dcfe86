/* zc-conflict-dialog.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-conflict-dialog.h"
#include "zc-entry-object.h"
#include "zc-json.h"

/* A record changed in two places: for each field changed on both sides
 * the dialog shows the server's value and the user's side by side, and
 * the user picks one per field.  Nothing is decided for them: until
 * they choose, the server's value shows and theirs waits in the
 * conflict copy.  Keeping their own values is an ordinary edit. */

typedef struct
{
  char           *field;         /* owned */
  JsonNode       *mine;          /* owned */
  JsonNode       *theirs;        /* owned */
  GtkToggleButton *mine_button;
  GtkToggleButton *theirs_button;
} Choice;

struct _ZcConflictDialog
{
  AdwWindow     parent_instance;

  ZcLocalStore *store;           /* owned */
  ZcRecord     *record;          /* owned */
  ZcFormSchema *schema;          /* owned, nullable: a kind without a form */
  GPtrArray    *choices;         /* owned, of Choice */
  GtkWidget    *message_label;
};

G_DEFINE_FINAL_TYPE (ZcConflictDialog, zc_conflict_dialog, ADW_TYPE_WINDOW)

static void
choice_free (Choice *choice)
{
  g_free (choice->field);
  g_clear_pointer (&choice->mine, json_node_unref);
  g_clear_pointer (&choice->theirs, json_node_unref);
  g_free (choice);
}

static ZcFormSchema *
schema_for_kind (const char *kind)
{
  const char *form_id = zc_local_store_kind_get_form_id (kind);

  if (g_strcmp0 (kind, ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0)
    form_id = "personal-info";
  return form_id != NULL ? zc_form_schema_lookup (form_id, NULL) : NULL;
}

/* A value as the user reads it: labels for codes, "empty" for nothing. */
static char *
describe_value (ZcConflictDialog *self,
                const char       *field_id,
                JsonNode         *value)
{
  const ZcFormField *field = self->schema != NULL ? zc_form_schema_find_field (self->schema, field_id) : NULL;
  g_autofree char *text = NULL;

  if (field != NULL)
    text = zc_format_field_value (field, value);
  else if (value != NULL && !JSON_NODE_HOLDS_NULL (value))
    text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
           ? g_strdup (json_node_get_string (value)) : zc_json_to_string (value);

  if (text == NULL || *text == '\0')
    /* Translators: a field left empty in one of two versions */
    return g_strdup (_("(empty)"));
  return g_steal_pointer (&text);
}

static const char *
field_label (ZcConflictDialog *self,
             const char       *field_id)
{
  const ZcFormField *field = self->schema != NULL ? zc_form_schema_find_field (self->schema, field_id) : NULL;

  return field != NULL ? zc_form_field_get_label (field, ZC_LANGUAGE_LOCALE) : field_id;
}

static GtkWidget *
value_button (const char *heading,
              const char *text)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption = gtk_label_new (heading);
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *value = gtk_label_new (text);

  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (value), 30);
  gtk_label_set_selectable (GTK_LABEL (value), FALSE);
  gtk_widget_set_hexpand (caption, TRUE);
  gtk_box_append (GTK_BOX (top), caption);
  gtk_box_append (GTK_BOX (top), mark);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), value);
  /* the version kept is marked, not only shaded */
  g_object_bind_property (button, "active", mark, "visible", G_BINDING_SYNC_CREATE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_add_css_class (button, "zc-conflict-value");
  return button;
}

static void
set_message (ZcConflictDialog *self,
             const char       *message)
{
  gtk_label_set_label (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

/**
 * zc_conflict_dialog_build_body:
 *
 * Returns: (transfer full) (nullable): the record's body with the
 *   user's own value in every field where they chose it; %NULL when
 *   they kept the server's everywhere
 */
JsonObject *
zc_conflict_dialog_build_body (ZcConflictDialog *self)
{
  g_autoptr(JsonObject) body = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (ZC_IS_CONFLICT_DIALOG (self), NULL);

  body = zc_json_object_copy_deep (zc_record_get_body (self->record));
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      if (!gtk_toggle_button_get_active (choice->mine_button))
        continue;
      any = TRUE;
      if (JSON_NODE_HOLDS_NULL (choice->mine))
        json_object_remove_member (body, choice->field);
      else
        json_object_set_member (body, choice->field, zc_json_node_copy_deep (choice->mine));
    }
  return any ? g_steal_pointer (&body) : NULL;
}

/**
 * zc_conflict_dialog_apply:
 *
 * Saves the choices (the user's values as an edit queued for the
 * server) and closes the conflicts.  On failure the dialog stays open
 * with the reason shown.
 *
 * Returns: whether the dialog is done (it is then destroyed)
 */
gboolean
zc_conflict_dialog_apply (ZcConflictDialog *self)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_CONFLICT_DIALOG (self), FALSE);

  body = zc_conflict_dialog_build_body (self);
  if (!zc_local_store_resolve_conflicts (self->store, zc_record_get_id (self->record), body, &error))
    {
      set_message (self, error->message);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_apply_clicked (ZcConflictDialog *self)
{
  zc_conflict_dialog_apply (self);
}

static void
on_keep_server_clicked (ZcConflictDialog *self)
{
  for (guint i = 0; i < self->choices->len; i++)
    gtk_toggle_button_set_active (((Choice *) g_ptr_array_index (self->choices, i))->theirs_button, TRUE);
  zc_conflict_dialog_apply (self);
}

static void
build (ZcConflictDialog *self)
{
  GtkWidget *box, *header, *title, *scrolled, *content, *intro, *grid, *button;
  g_autofree char *subtitle = NULL;
  ZcEntryObject *entry = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Changed in Two Places"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (self), box);
  header = adw_header_bar_new ();
  if (self->schema != NULL)
    {
      entry = zc_entry_object_new (self->record, self->schema);
      subtitle = g_strdup_printf ("%s · %s", zc_form_schema_get_title (self->schema, ZC_LANGUAGE_LOCALE),
                                  zc_entry_object_get_title (entry));
      g_object_unref (entry);
    }
  title = adw_window_title_new (_("Changed in Two Places"), subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);

  button = gtk_button_new_with_mnemonic (_("_Keep the Server’s"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_keep_server_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_("_Save Choices"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_apply_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);

  intro = gtk_label_new (_("While you edited this entry, it was also changed on another computer or by the server. "
                           "Nothing has been lost: for each field, choose the version to keep."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (content), intro);

  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_add_css_class (self->message_label, "error");
  gtk_widget_set_visible (self->message_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->message_label);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (content), grid);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);
      g_autofree char *theirs_text = describe_value (self, choice->field, choice->theirs);
      g_autofree char *mine_text = describe_value (self, choice->field, choice->mine);
      GtkWidget *label = gtk_label_new (field_label (self, choice->field));
      GtkWidget *theirs = value_button (_("On the server"), theirs_text);
      GtkWidget *mine = value_button (_("Yours"), mine_text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "heading");
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (mine), GTK_TOGGLE_BUTTON (theirs));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (theirs), TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (theirs), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (mine), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      choice->theirs_button = GTK_TOGGLE_BUTTON (theirs);
      choice->mine_button = GTK_TOGGLE_BUTTON (mine);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), theirs, 1, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), mine, 2, (int) i, 1, 1);
    }
}

static void
zc_conflict_dialog_finalize (GObject *object)
{
  ZcConflictDialog *self = ZC_CONFLICT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->record, zc_record_unref);
  g_clear_pointer (&self->schema, zc_form_schema_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (zc_conflict_dialog_parent_class)->finalize (object);
}

static void
zc_conflict_dialog_class_init (ZcConflictDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = zc_conflict_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_conflict_dialog_init (ZcConflictDialog *self)
{
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
}

/**
 * zc_conflict_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none) (nullable): the dialog, not shown yet; %NULL
 *   with %ZC_LOCAL_STORE_ERROR_NOT_FOUND when the record has no open
 *   conflict (any more)
 */
ZcConflictDialog *
zc_conflict_dialog_new (GtkWindow     *parent,
                        ZcLocalStore  *store,
                        const char    *record_id,
                        GError       **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(ZcRecord) record = NULL;
  ZcConflictDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  record = zc_local_store_get_record (store, record_id, error);
  if (record == NULL)
    return NULL;
  conflicts = zc_local_store_list_conflicts (store, record_id, error);
  if (conflicts == NULL)
    return NULL;
  if (conflicts->len == 0)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND,
                   _("This entry has no differences left to settle"));
      return NULL;
    }

  self = g_object_new (ZC_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->record = g_steal_pointer (&record);
  self->schema = schema_for_kind (zc_record_get_kind (self->record));

  /* one row per field; a field reported twice shows its newest values */
  for (guint i = 0; i < conflicts->len; i++)
    {
      ZcConflict *conflict = g_ptr_array_index (conflicts, i);
      Choice *choice = NULL;

      for (guint j = 0; j < self->choices->len && choice == NULL; j++)
        if (g_str_equal (((Choice *) g_ptr_array_index (self->choices, j))->field, conflict->field))
          choice = g_ptr_array_index (self->choices, j);
      if (choice == NULL)
        {
          choice = g_new0 (Choice, 1);
          choice->field = g_strdup (conflict->field);
          g_ptr_array_add (self->choices, choice);
        }
      g_clear_pointer (&choice->mine, json_node_unref);
      g_clear_pointer (&choice->theirs, json_node_unref);
      choice->mine = zc_json_node_copy_deep (conflict->client_value);
      choice->theirs = zc_json_node_copy_deep (conflict->server_value);
    }

  build (self);
  return self;
}

const char *
zc_conflict_dialog_get_record_id (ZcConflictDialog *self)
{
  g_return_val_if_fail (ZC_IS_CONFLICT_DIALOG (self), NULL);
  return zc_record_get_id (self->record);
}

guint
zc_conflict_dialog_get_n_fields (ZcConflictDialog *self)
{
  g_return_val_if_fail (ZC_IS_CONFLICT_DIALOG (self), 0);
  return self->choices->len;
}

/* Returns: (nullable): the id of the @index-th field in conflict */
const char *
zc_conflict_dialog_get_field (ZcConflictDialog *self,
                              guint             index)
{
  g_return_val_if_fail (ZC_IS_CONFLICT_DIALOG (self), NULL);

  if (index >= self->choices->len)
    return NULL;
  return ((Choice *) g_ptr_array_index (self->choices, index))->field;
}

/**
 * zc_conflict_dialog_choose:
 * @mine: keep the user's value rather than the server's
 *
 * What clicking a value does.  Returns: %FALSE for a field not in
 * conflict
 */
gboolean
zc_conflict_dialog_choose (ZcConflictDialog *self,
                           const char       *field,
                           gboolean          mine)
{
  g_return_val_if_fail (ZC_IS_CONFLICT_DIALOG (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      if (g_str_equal (choice->field, field))
        {
          gtk_toggle_button_set_active (mine ? choice->mine_button : choice->theirs_button, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

/* Returns: (nullable): why saving failed, while the dialog is open */
const char *
zc_conflict_dialog_get_message (ZcConflictDialog *self)
{
  g_return_val_if_fail (ZC_IS_CONFLICT_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->message_label) ? gtk_label_get_label (GTK_LABEL (self->message_label)) : NULL;
}
