/* zc-plan-editor-fields.c
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

/* The building blocks of the form (rows, entries, slots), its fixed
 * fields and windows, and loading a plan or the defaults into them. */

static GTimeZone *
beijing (void)
{
  return g_time_zone_new_offset (8 * 3600);
}

/* ---- building blocks ---------------------------------------------------- */

GtkWidget *
zc_plan_editor_error_label_new (void)
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

GtkWidget *
zc_plan_editor_dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

Slot *
zc_plan_editor_slot_new (GtkWidget *row,
                         GtkWidget *focus,
                         GtkWidget *error)
{
  Slot *slot = g_new0 (Slot, 1);

  slot->row = row;
  slot->focus = focus;
  slot->error = error;
  return slot;
}

void
zc_plan_editor_set_accessible_label (GtkWidget  *input,
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
  GtkWidget *error = zc_plan_editor_error_label_new ();

  gtk_widget_add_css_class (row, "zc-field-row");
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 8);
  gtk_widget_set_margin_bottom (content, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  zc_plan_editor_set_accessible_label (input, title);
  gtk_box_append (GTK_BOX (line), label);
  if (!wide)
    gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), input);
  gtk_box_append (GTK_BOX (content), line);
  if (help != NULL)
    gtk_box_append (GTK_BOX (content), zc_plan_editor_dim_label_new (help));
  gtk_box_append (GTK_BOX (content), error);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error, NULL, -1);

  if (path != NULL)
    g_hash_table_replace (self->slots, g_strdup (path), zc_plan_editor_slot_new (row, input, error));
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

GtkWidget *
zc_plan_editor_entry_new (guint max_chars,
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

GtkWidget *
zc_plan_editor_text_view_new (int min_height)
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

char *
zc_plan_editor_text_view_get_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

char *
zc_plan_editor_entry_text (GtkWidget *entry)
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
  GtkWidget *error = zc_plan_editor_error_label_new ();

  gtk_widget_set_margin_top (error, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error);
  g_hash_table_replace (self->slots, g_strdup (path), zc_plan_editor_slot_new (NULL, focus, error));
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
GDateTime *
zc_plan_editor_read_window (ZcPlanEditor *self,
                            guint         window,
                            GPtrArray    *errors)
{
  g_autofree char *date = zc_plan_editor_entry_text (self->window_date[window]);
  g_autofree char *clock = zc_plan_editor_entry_text (self->window_time[window]);
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
void
zc_plan_editor_load_defaults (ZcPlanEditor *self)
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
  for (guint i = 0; i < G_N_ELEMENTS (zc_plan_editor_method_keys); i++)
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

void
zc_plan_editor_load_plan (ZcPlanEditor *self,
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
  for (guint i = 0; i < G_N_ELEMENTS (zc_plan_editor_method_keys); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->methods[i]), zc_plan_allows_method (plan, zc_plan_editor_method_keys[i]));
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
          zc_plan_editor_name_unit_later (self, strings[i]);
        }
    }
  for (guint i = 0; i < json_array_get_length (notices); i++)
    zc_plan_editor_add_notice_from (self, json_array_get_object_element (notices, i));
  for (guint i = 0; i < zc_plan_get_n_attachments (plan); i++)
    zc_plan_editor_add_attachment_from (self, zc_plan_get_attachment (plan, i));
  for (guint i = 0; i < zc_plan_get_n_condition_groups (plan); i++)
    zc_plan_editor_add_group_from (self, zc_plan_get_condition_group (plan, i));
}

/* ---- the form ----------------------------------------------------------- */

static void
register_input (ZcPlanEditor *self,
                const char   *path,
                GtkWidget    *input)
{
  g_hash_table_replace (self->inputs, g_strdup (path), input);
}

void
zc_plan_editor_build_general (ZcPlanEditor *self)
{
  GtkWidget *group = group_new (self, _("Plan"), NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkWidget *scope_row;

  self->year = gtk_spin_button_new_with_range (2000, 2100, 1);
  self->name = zc_plan_editor_entry_new (200, 36);
  self->phone = zc_plan_editor_entry_new (40, 18);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->phone), "0371-65551234");
  gtk_entry_set_input_purpose (GTK_ENTRY (self->phone), GTK_INPUT_PURPOSE_PHONE);
  for (guint i = 0; i < ZC_N_PLAN_TYPES; i++)
    gtk_string_list_append (types, zc_plan_type_get_label (i, ZC_LANGUAGE_LOCALE));
  self->type = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (types)), NULL);
  self->region = zc_plan_editor_entry_new (6, 8);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->region), GTK_INPUT_PURPOSE_DIGITS);
  self->scope = zc_plan_editor_text_view_new (80);

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
                        zc_plan_editor_slot_new (scope_row, self->scope,
                                                 gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (scope_row)))));
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (
                                   gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (scope_row))))), self->scope);
  zc_plan_editor_set_accessible_label (self->scope, _("Scope"));
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

void
zc_plan_editor_build_titles (ZcPlanEditor *self)
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
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (zc_plan_editor_on_add_title), self);
  gtk_box_append (GTK_BOX (adder), self->title_picker);
  gtk_box_append (GTK_BOX (adder), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), adder);
  list_slot (self, group, "titles", zc_title_picker_get_dropdown (ZC_TITLE_PICKER (self->title_picker),
                                                                  ZC_TITLE_PICKER_SERIES));
  register_input (self, "title-picker", self->title_picker);
  register_input (self, "add-title", button);
}

void
zc_plan_editor_build_methods (ZcPlanEditor *self)
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
  for (guint i = 0; i < G_N_ELEMENTS (zc_plan_editor_method_keys); i++)
    {
      const char *label = taxonomy != NULL ? zc_taxonomy_get_method_name (taxonomy, zc_plan_editor_method_keys[i],
                                                                          ZC_LANGUAGE_LOCALE) : NULL;
      g_autofree char *key = g_strconcat ("methods.", zc_plan_editor_method_keys[i], NULL);

      self->methods[i] = gtk_check_button_new_with_label (label != NULL ? label : zc_plan_editor_method_keys[i]);
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
  self->category_entry = zc_plan_editor_entry_new (50, 20);
  gtk_widget_set_hexpand (self->category_entry, TRUE);
  zc_plan_editor_set_accessible_label (self->category_entry, _("New declaration category"));
  g_signal_connect_swapped (self->category_entry, "activate", G_CALLBACK (zc_plan_editor_on_add_category), self);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (zc_plan_editor_on_add_category), self);
  gtk_widget_set_margin_top (line, 12);
  gtk_box_append (GTK_BOX (line), self->category_entry);
  gtk_box_append (GTK_BOX (line), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), line);
  list_slot (self, group, "declaration_categories", self->category_entry);
  register_input (self, "category-entry", self->category_entry);
}

void
zc_plan_editor_build_units (ZcPlanEditor *self)
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
      list_slot (self, group, zc_plan_editor_list_names[l], NULL);
    }

  self->unit_search = gtk_search_entry_new ();
  gtk_widget_set_margin_top (self->unit_search, 12);
  g_object_set (self->unit_search, "placeholder-text", _("Search units by name or credit code"), NULL);
  zc_plan_editor_set_accessible_label (self->unit_search, _("Search units"));
  g_signal_connect_swapped (self->unit_search, "search-changed", G_CALLBACK (zc_plan_editor_on_unit_search), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_search);
  self->unit_status = zc_plan_editor_dim_label_new (NULL);
  gtk_widget_set_margin_top (self->unit_status, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_status);
  self->unit_results = list_box_new ();
  gtk_widget_set_margin_top (self->unit_results, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_results);
  register_input (self, "unit-search", self->unit_search);
}

void
zc_plan_editor_build_windows (ZcPlanEditor *self)
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

      self->window_date[i] = zc_plan_editor_entry_new (10, 11);
      self->window_time[i] = zc_plan_editor_entry_new (8, 9);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->window_date[i]), "2026-03-01");
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->window_time[i]), "23:59:59");
      zc_plan_editor_set_accessible_label (self->window_time[i], time_label);
      gtk_box_append (GTK_BOX (line), self->window_date[i]);
      gtk_box_append (GTK_BOX (line), self->window_time[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field_row (self, path, label, line, FALSE, NULL));
      ((Slot *) g_hash_table_lookup (self->slots, path))->focus = self->window_date[i];
      zc_plan_editor_set_accessible_label (self->window_date[i], label);
      gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_parent (line))),
                                     self->window_date[i]);
      register_input (self, date_key, self->window_date[i]);
      register_input (self, time_key, self->window_time[i]);
    }
}

void
zc_plan_editor_build_list_group (ZcPlanEditor *self,
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
  list_slot (self, group, zc_plan_editor_list_names[list], button);
}

void
zc_plan_editor_on_add_notice (ZcPlanEditor *self)
{
  guint index = zc_plan_editor_add_notice (self);

  gtk_widget_grab_focus (((Item *) self->items[LIST_NOTICES]->pdata[index])->slot.focus);
}

void
zc_plan_editor_on_add_attachment (ZcPlanEditor *self)
{
  guint index = zc_plan_editor_add_attachment (self);

  gtk_widget_grab_focus (((Item *) self->items[LIST_ATTACHMENTS]->pdata[index])->slot.focus);
}

void
zc_plan_editor_on_add_group (ZcPlanEditor *self)
{
  guint index = zc_plan_editor_add_condition_group (self);

  gtk_widget_grab_focus (((Item *) self->items[LIST_GROUPS]->pdata[index])->slot.focus);
}
