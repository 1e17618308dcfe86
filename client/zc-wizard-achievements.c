/* zc-wizard-achievements.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-entry-object.h"
#include "zc-form-schema.h"
#include "zc-json.h"
#include "zc-local-store.h"
#include "zc-review-state.h"
#include "zc-wizard-private.h"

/* Step 6: archive entries (approved or pending; pending ones marked)
 * picked into the plan's condition groups, with each group's count
 * against its min/max; "ignore" takes a pick out without touching the
 * archive; Move Up/Down reorder (buttons, so the keyboard can); new
 * achievements go into the archive first ("archive-requested").  Also
 * the choice of the education entry that qualifies for the title,
 * shown on the information step. */

static ZcRecord *
find_entry (ZcDeclarationWizard *self,
            const char          *id)
{
  for (guint i = 0; id != NULL && i < self->archive->len; i++)
    if (g_strcmp0 (zc_record_get_id (g_ptr_array_index (self->archive, i)), id) == 0)
      return g_ptr_array_index (self->archive, i);
  return NULL;
}

static gboolean
entry_usable (ZcRecord *record)
{
  ZcReviewState state;

  return zc_review_state_from_string (zc_record_get_state (record), &state) &&
         (state == ZC_REVIEW_STATE_APPROVED || state == ZC_REVIEW_STATE_PENDING);
}

static gboolean
entry_pending (ZcRecord *record)
{
  return g_strcmp0 (zc_record_get_state (record), "pending") == 0;
}

static JsonArray *
picks_array (ZcDeclarationWizard *self)
{
  JsonNode *node = json_object_get_member (self->body, "picks");

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (self->body, "picks", json_array_new ());
      node = json_object_get_member (self->body, "picks");
    }
  return json_node_get_array (node);
}

static int
pick_index (ZcDeclarationWizard *self,
            const char          *record_id)
{
  JsonArray *picks = picks_array (self);

  for (guint i = 0; i < json_array_get_length (picks); i++)
    if (g_strcmp0 (zc_json_member_string (json_array_get_object_element (picks, i), "record_id"), record_id) == 0)
      return (int) i;
  return -1;
}

/* The first group of the plan that takes @category, or NULL. */
static const char *
default_group (ZcDeclarationWizard *self,
               const char          *category)
{
  for (guint i = 0; i < zc_plan_get_n_condition_groups (self->plan); i++)
    {
      const ZcPlanConditionGroup *group = zc_plan_get_condition_group (self->plan, i);
      if (zc_plan_condition_group_accepts (group, category))
        return group->id;
    }
  return NULL;
}

static ZcEntryObject *
entry_object (ZcRecord *record)
{
  g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup (zc_local_store_kind_get_form_id (zc_record_get_kind (record)),
                                                          NULL);
  return schema != NULL ? zc_entry_object_new (record, schema) : NULL;
}

static char *
entry_title (ZcRecord *record)
{
  g_autoptr(ZcEntryObject) object = entry_object (record);
  const char *title = object != NULL ? zc_entry_object_get_title (object) : NULL;

  return g_strdup (title != NULL && *title != '\0' ? title : zc_record_get_id (record));
}

static char *
entry_subtitle (ZcRecord *record)
{
  const char *form_id = zc_local_store_kind_get_form_id (zc_record_get_kind (record));
  g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup (form_id, NULL);
  const char *category = schema != NULL ? zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE) : form_id;

  if (entry_pending (record))
    /* Translators: an archive category, and a warning that the entry is not approved yet */
    return g_strdup_printf (_("%s · pending review: reviewers see it marked"), category);
  return g_strdup (category);
}

static void rebuild (ZcDeclarationWizard *self);

static void
picks_changed (ZcDeclarationWizard *self)
{
  rebuild (self);
  zc_wizard_mark_changed (self);
}

static gboolean
picks_changed_idle (gpointer user_data)
{
  if (!gtk_widget_in_destruction (user_data))
    picks_changed (user_data);
  return G_SOURCE_REMOVE;
}

gboolean
zc_declaration_wizard_set_picked (ZcDeclarationWizard *self,
                                  const char          *record_id,
                                  gboolean             picked,
                                  const char          *group)
{
  ZcRecord *record;
  JsonArray *picks;
  int index;

  g_return_val_if_fail (ZC_IS_DECLARATION_WIZARD (self), FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);

  record = find_entry (self, record_id);
  if (!self->editable || record == NULL || !entry_usable (record))
    return FALSE;
  picks = picks_array (self);
  index = pick_index (self, record_id);
  if (!picked)
    {
      if (index >= 0)
        {
          json_array_remove_element (picks, (guint) index);
          picks_changed (self);
        }
      return TRUE;
    }

  {
    const char *category = zc_local_store_kind_get_form_id (zc_record_get_kind (record));
    const ZcPlanConditionGroup *chosen = group != NULL ? zc_plan_find_condition_group (self->plan, group) : NULL;
    JsonObject *pick = json_object_new ();

    if (group != NULL && (chosen == NULL || !zc_plan_condition_group_accepts (chosen, category)))
      {
        json_object_unref (pick);
        return FALSE;
      }
    json_object_set_string_member (pick, "record_id", record_id);
    json_object_set_string_member (pick, "category", category);
    if (group == NULL)
      group = default_group (self, category);
    if (group != NULL)
      json_object_set_string_member (pick, "group", group);
    if (index >= 0)
      json_array_remove_element (picks, (guint) index);
    json_array_add_object_element (picks, pick);
  }
  picks_changed (self);
  return TRUE;
}

static void
on_pick_clicked (GtkButton           *button,
                 ZcDeclarationWizard *self)
{
  zc_declaration_wizard_set_picked (self, g_object_get_data (G_OBJECT (button), "zc-record-id"), TRUE, NULL);
}

static void
on_ignore_clicked (GtkButton           *button,
                   ZcDeclarationWizard *self)
{
  zc_declaration_wizard_set_picked (self, g_object_get_data (G_OBJECT (button), "zc-record-id"), FALSE, NULL);
}

static void
on_move_clicked (GtkButton           *button,
                 ZcDeclarationWizard *self)
{
  int index = pick_index (self, g_object_get_data (G_OBJECT (button), "zc-record-id"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zc-delta"));
  JsonArray *picks = picks_array (self);
  JsonNode *node;

  if (index < 0 || index + delta < 0 || index + delta >= (int) json_array_get_length (picks))
    return;
  node = json_node_copy (json_array_get_element (picks, (guint) index));
  json_array_remove_element (picks, (guint) index);
  /* json-glib 1.6 has no insert: rebuild the array in the new order */
  {
    JsonArray *reordered = json_array_new ();
    guint n = json_array_get_length (picks);

    for (guint i = 0; i <= n; i++)
      {
        if ((int) i == index + delta)
          json_array_add_element (reordered, json_node_ref (node));
        if (i < n)
          json_array_add_element (reordered, json_node_copy (json_array_get_element (picks, i)));
      }
    json_object_set_array_member (self->body, "picks", reordered);
  }
  json_node_unref (node);
  picks_changed (self);
  /* keep the focus on the button, on the row's new place */
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->picks_list));
    for (int i = 0; row != NULL && i < index + delta; i++)
      row = gtk_widget_get_next_sibling (row);
    if (row != NULL)
      gtk_widget_grab_focus (row);
  }
}

static void
on_group_selected (GtkDropDown         *drop,
                   GParamSpec          *pspec,
                   ZcDeclarationWizard *self)
{
  int index = pick_index (self, g_object_get_data (G_OBJECT (drop), "zc-record-id"));
  GPtrArray *ids = g_object_get_data (G_OBJECT (drop), "zc-group-ids");
  guint selected = gtk_drop_down_get_selected (drop);
  JsonObject *pick;

  if (self->loading || index < 0 || ids == NULL || selected >= ids->len)
    return;
  pick = json_array_get_object_element (picks_array (self), (guint) index);
  if (g_ptr_array_index (ids, selected) == NULL)
    json_object_remove_member (pick, "group");
  else
    json_object_set_string_member (pick, "group", g_ptr_array_index (ids, selected));
  /* rebuild later: this drop-down is inside what a rebuild destroys */
  g_idle_add_full (G_PRIORITY_DEFAULT, picks_changed_idle, g_object_ref (self), g_object_unref);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *record_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "zc-record-id", g_strdup (record_id), g_free);
  return button;
}

static GtkWidget *
group_drop_down (ZcDeclarationWizard *self,
                 const char          *record_id,
                 const char          *category,
                 const char          *current)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *drop;
  guint selected = 0;

  gtk_string_list_append (model, _("No group"));
  g_ptr_array_add (ids, NULL);
  for (guint i = 0; i < zc_plan_get_n_condition_groups (self->plan); i++)
    {
      const ZcPlanConditionGroup *group = zc_plan_get_condition_group (self->plan, i);

      if (!zc_plan_condition_group_accepts (group, category))
        continue;
      if (g_strcmp0 (group->id, current) == 0)
        selected = ids->len;
      gtk_string_list_append (model, group->name);
      g_ptr_array_add (ids, g_strdup (group->id));
    }
  drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), selected);
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (drop, self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Condition group"), -1);
  g_object_set_data_full (G_OBJECT (drop), "zc-record-id", g_strdup (record_id), g_free);
  g_object_set_data_full (G_OBJECT (drop), "zc-group-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (drop, "notify::selected", G_CALLBACK (on_group_selected), self);
  return drop;
}

static void
update_groups_label (ZcDeclarationWizard *self)
{
  GString *text = g_string_new (NULL);
  JsonArray *picks = picks_array (self);

  for (guint i = 0; i < zc_plan_get_n_condition_groups (self->plan); i++)
    {
      const ZcPlanConditionGroup *group = zc_plan_get_condition_group (self->plan, i);
      guint count = 0;
      gboolean fine;
      g_autofree char *range = NULL;
      g_autofree char *line = NULL;

      for (guint j = 0; j < json_array_get_length (picks); j++)
        if (g_strcmp0 (zc_json_member_string (json_array_get_object_element (picks, j), "group"), group->id) == 0)
          count++;
      fine = count >= group->min && (group->max < 0 || count <= (guint) group->max);
      if (group->max < 0)
        /* Translators: the fewest entries a condition group needs */
        range = g_strdup_printf (_("at least %u"), group->min);
      else
        /* Translators: the fewest and the most entries of a condition group */
        range = g_strdup_printf (_("%u to %d"), group->min, group->max);
      /* Translators: a condition group: its name, the entries picked, what it needs, and ✓ or ✗ */
      line = g_strdup_printf (_("%s: %u picked (%s) %s"), group->name, count, range, fine ? "✓" : "✗");
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  if (text->len == 0)
    g_string_append (text, _("This plan sets no condition groups."));
  gtk_label_set_label (self->groups_label, text->str);
  g_string_free (text, TRUE);
}

static void
rebuild (ZcDeclarationWizard *self)
{
  JsonArray *picks = picks_array (self);
  GtkWidget *child;
  guint n_available = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->picks_list))) != NULL)
    gtk_list_box_remove (self->picks_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->available_list))) != NULL)
    gtk_list_box_remove (self->available_list, child);

  self->loading++;
  for (guint i = 0; i < json_array_get_length (picks); i++)
    {
      JsonObject *pick = json_array_get_object_element (picks, i);
      const char *id = zc_json_member_string (pick, "record_id");
      ZcRecord *record = find_entry (self, id);
      g_autofree char *title = record != NULL ? entry_title (record) : g_strdup (_("Entry no longer in the archive"));
      g_autofree char *subtitle = record != NULL ? entry_subtitle (record) : NULL;
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title_label = gtk_label_new (title);
      GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *up, *down, *ignore;

      /* text above, controls below: a narrow window cuts nothing */
      gtk_widget_set_margin_start (outer, 12);
      gtk_widget_set_margin_end (outer, 12);
      gtk_widget_set_margin_top (outer, 8);
      gtk_widget_set_margin_bottom (outer, 8);
      gtk_label_set_xalign (GTK_LABEL (title_label), 0);
      gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (texts), title_label);
      if (subtitle != NULL)
        {
          GtkWidget *subtitle_label = gtk_label_new (subtitle);

          gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
          gtk_label_set_wrap (GTK_LABEL (subtitle_label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (subtitle_label), PANGO_WRAP_WORD_CHAR);
          gtk_widget_add_css_class (subtitle_label, "dim-label");
          gtk_widget_add_css_class (subtitle_label, "caption");
          gtk_box_append (GTK_BOX (texts), subtitle_label);
        }
      gtk_widget_set_hexpand (texts, TRUE);
      if (record != NULL && entry_pending (record))
        {
          GtkWidget *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_add_css_class (mark, "warning");
          gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Pending review"), -1);
          gtk_box_append (GTK_BOX (head), mark);
        }
      gtk_box_append (GTK_BOX (head), texts);
      gtk_box_append (GTK_BOX (outer), head);

      if (zc_plan_get_n_condition_groups (self->plan) > 0)
        gtk_box_append (GTK_BOX (controls), group_drop_down (self, id, zc_json_member_string (pick, "category"),
                                                             zc_json_member_string (pick, "group")));
      up = icon_button ("go-up-symbolic", _("Move Up"), id);
      g_object_set_data (G_OBJECT (up), "zc-delta", GINT_TO_POINTER (-1));
      gtk_widget_set_sensitive (up, self->editable && i > 0);
      g_signal_connect (up, "clicked", G_CALLBACK (on_move_clicked), self);
      down = icon_button ("go-down-symbolic", _("Move Down"), id);
      g_object_set_data (G_OBJECT (down), "zc-delta", GINT_TO_POINTER (1));
      gtk_widget_set_sensitive (down, self->editable && i + 1 < json_array_get_length (picks));
      g_signal_connect (down, "clicked", G_CALLBACK (on_move_clicked), self);
      ignore = icon_button ("list-remove-symbolic", _("Ignore (the archive keeps it)"), id);
      gtk_widget_set_sensitive (ignore, self->editable);
      g_signal_connect (ignore, "clicked", G_CALLBACK (on_ignore_clicked), self);
      gtk_widget_set_hexpand (up, TRUE);
      gtk_widget_set_halign (up, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (controls), up);
      gtk_box_append (GTK_BOX (controls), down);
      gtk_box_append (GTK_BOX (controls), ignore);
      gtk_box_append (GTK_BOX (outer), controls);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_list_box_append (self->picks_list, row);
    }
  if (json_array_get_length (picks) == 0)
    {
      GtkWidget *empty = gtk_label_new (_("Nothing picked yet: pick entries from the list below."));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_list_box_append (self->picks_list, empty);
    }

  for (guint i = 0; i < self->archive->len; i++)
    {
      ZcRecord *record = g_ptr_array_index (self->archive, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *pick;

      if (!entry_usable (record) || pick_index (self, zc_record_get_id (record)) >= 0)
        continue;
      title = entry_title (record);
      subtitle = entry_subtitle (record);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      pick = gtk_button_new_with_label (_("Pick"));
      gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (pick), "zc-record-id", g_strdup (zc_record_get_id (record)), g_free);
      {
        /* Translators: an accessible name: pick the entry %s */
        g_autofree char *label = g_strdup_printf (_("Pick “%s”"), title);
        gtk_accessible_update_property (GTK_ACCESSIBLE (pick), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
      gtk_widget_set_sensitive (pick, self->editable);
      g_signal_connect (pick, "clicked", G_CALLBACK (on_pick_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pick);
      gtk_list_box_append (self->available_list, row);
      n_available++;
    }
  if (n_available == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No more approved or pending entries in the archive."));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_list_box_append (self->available_list, empty);
    }
  self->loading--;
  update_groups_label (self);
}

/* Education that qualifies ------------------------------------------------ */

static void
on_education_selected (GtkDropDown         *drop,
                       GParamSpec          *pspec,
                       ZcDeclarationWizard *self)
{
  GPtrArray *ids = g_object_get_data (G_OBJECT (drop), "zc-ids");
  guint selected = gtk_drop_down_get_selected (drop);

  if (self->loading || ids == NULL || selected >= ids->len)
    return;
  zc_wizard_set_member (self, "qualifying_education_id",
                        g_ptr_array_index (ids, selected) != NULL
                          ? json_node_init_string (json_node_alloc (), g_ptr_array_index (ids, selected)) : NULL);
  zc_wizard_mark_changed (self);
}

static GtkWidget *
education_drop_down (ZcDeclarationWizard *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *current = zc_declaration_body_get_qualifying_education_id (self->body);
  GtkWidget *drop;
  guint selected = 0;

  gtk_string_list_append (model, _("Not chosen"));
  g_ptr_array_add (ids, NULL);
  for (guint i = 0; i < self->archive->len; i++)
    {
      ZcRecord *record = g_ptr_array_index (self->archive, i);
      g_autofree char *title = NULL;

      if (g_strcmp0 (zc_record_get_kind (record), "archive:education") != 0 || !entry_usable (record))
        continue;
      if (g_strcmp0 (zc_record_get_id (record), current) == 0)
        selected = ids->len;
      title = entry_title (record);
      gtk_string_list_append (model, title);
      g_ptr_array_add (ids, g_strdup (zc_record_get_id (record)));
    }
  drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), selected);
  gtk_widget_set_sensitive (drop, self->editable);
  g_object_set_data_full (G_OBJECT (drop), "zc-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (drop, "notify::selected", G_CALLBACK (on_education_selected), self);
  return drop;
}

/* "Add in the archive" ----------------------------------------------------- */

static void
on_add_in_archive (GtkButton           *button,
                   ZcDeclarationWizard *self)
{
  GtkDropDown *drop = g_object_get_data (G_OBJECT (button), "zc-drop");
  GPtrArray *ids = g_object_get_data (G_OBJECT (drop), "zc-ids");
  guint selected = gtk_drop_down_get_selected (drop);

  /* what is typed here is saved before the archive takes over */
  zc_declaration_wizard_save (self, NULL);
  zc_wizard_request_archive (self, selected < ids->len ? g_ptr_array_index (ids, selected) : NULL);
}

static GtkWidget *
archive_request_row (ZcDeclarationWizard *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *drop, *button;

  for (guint i = 0; i < zc_plan_get_n_condition_groups (self->plan); i++)
    {
      const ZcPlanConditionGroup *group = zc_plan_get_condition_group (self->plan, i);

      for (guint j = 0; group->categories != NULL && group->categories[j] != NULL; j++)
        {
          g_autoptr(ZcFormSchema) schema = NULL;

          if (g_ptr_array_find_with_equal_func (ids, group->categories[j], g_str_equal, NULL))
            continue;
          schema = zc_form_schema_lookup (group->categories[j], NULL);
          gtk_string_list_append (model, schema != NULL ? zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE)
                                                        : group->categories[j]);
          g_ptr_array_add (ids, g_strdup (group->categories[j]));
        }
    }
  if (ids->len == 0)
    {
      gtk_string_list_append (model, _("Papers"));
      g_ptr_array_add (ids, g_strdup ("papers"));
    }
  drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Archive category to add to"), -1);
  g_object_set_data_full (G_OBJECT (drop), "zc-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  button = gtk_button_new_with_mnemonic (_("_Add in the Archive…"));
  gtk_widget_set_tooltip_text (button, _("New achievements are entered in the archive first, then picked here"));
  g_object_set_data (G_OBJECT (button), "zc-drop", drop);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_in_archive), self);
  gtk_box_append (GTK_BOX (box), drop);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
boxed_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return list;
}

GtkWidget *
zc_wizard_achievements_build (ZcDeclarationWizard *self)
{
  GtkWidget *box, *page;

  page = zc_wizard_page_box (&box);

  self->groups_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->groups_label, 0);
  gtk_label_set_wrap (self->groups_label, TRUE);
  gtk_box_append (GTK_BOX (box), heading (_("Condition groups of the plan")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->groups_label));

  gtk_box_append (GTK_BOX (box), heading (_("Picked for this declaration, in the order reviewers see them")));
  self->picks_list = GTK_LIST_BOX (boxed_list (_("Picked entries")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->picks_list));

  gtk_box_append (GTK_BOX (box), heading (_("In the archive (approved or pending review)")));
  self->available_list = GTK_LIST_BOX (boxed_list (_("Archive entries to pick")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->available_list));
  gtk_box_append (GTK_BOX (box), archive_request_row (self));

  return page;
}

/* On the information step, where the check sends the user to fix it. */
GtkWidget *
zc_wizard_education_build (ZcDeclarationWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *education = education_drop_down (self);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Education that qualifies for the title"));

  self->education_drop = GTK_DROP_DOWN (education);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), education);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), education);
  return box;
}

void
zc_wizard_achievements_load (ZcDeclarationWizard *self)
{
  rebuild (self);
}
