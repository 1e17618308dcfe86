/* zc-declaration-action-dialog-fields.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-comment-phrases.h"
#include "zc-declaration-action-dialog-private.h"
#include "zc-declaration-body.h"
#include "zc-holiday-calendar.h"

/* The fields an action needs, each a label, its input and the problem
 * under it, kept by name; and the problem that names no field. */

#define MAX_VOTES 100

char *
zc_declaration_action_dialog_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Fields */

Field *
zc_declaration_action_dialog_find_field (ZcDeclarationActionDialog *self,
                                         const char                *name)
{
  return g_hash_table_lookup (self->fields, name);
}

void
zc_declaration_action_dialog_set_field_error (ZcDeclarationActionDialog *self,
                                              const char                *name,
                                              const char                *message)
{
  Field *field = zc_declaration_action_dialog_find_field (self, name);

  if (field == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (field->error), message != NULL ? message : "");
  gtk_widget_set_visible (field->error, message != NULL && *message != '\0');
  if (message != NULL && *message != '\0')
    {
      gtk_widget_add_css_class (field->widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
zc_declaration_action_dialog_set_message (ZcDeclarationActionDialog *self,
                                          const char                *message)
{
  gtk_label_set_label (GTK_LABEL (self->message), message != NULL ? message : "");
  gtk_widget_set_visible (self->message, message != NULL && *message != '\0');
}

void
zc_declaration_action_dialog_clear_errors (ZcDeclarationActionDialog *self)
{
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    zc_declaration_action_dialog_set_field_error (self, name, NULL);
  zc_declaration_action_dialog_set_message (self, NULL);
}

/* An edit answers the problem shown under its field. */
static void
on_field_edited (GtkWidget *error)
{
  GtkWidget *input = g_object_get_data (G_OBJECT (error), "input");

  gtk_widget_set_visible (error, FALSE);
  if (input != NULL)
    {
      gtk_widget_remove_css_class (input, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* The label above, the input, the error under it. */
static GtkWidget *
add_field (ZcDeclarationActionDialog *self,
           const char                *name,
           const char                *label_text,
           GtkWidget                 *input,
           GtkWidget                 *shown)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *error = gtk_label_new (NULL);
  Field *field = g_new0 (Field, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), input);
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (error), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);

  gtk_box_append (GTK_BOX (self->fields_box), label);
  gtk_box_append (GTK_BOX (self->fields_box), shown != NULL ? shown : input);
  gtk_box_append (GTK_BOX (self->fields_box), error);
  field->widget = input;
  field->error = error;
  g_object_set_data (G_OBJECT (error), "input", input);
  if (GTK_IS_TEXT_VIEW (input))
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), "changed",
                             G_CALLBACK (on_field_edited), error, G_CONNECT_SWAPPED);
  else if (GTK_IS_EDITABLE (input))
    g_signal_connect_object (input, "changed", G_CALLBACK (on_field_edited), error, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->fields, g_strdup (name), field);
  return label;
}

static GtkWidget *
text_view_input (ZcDeclarationActionDialog *self,
                 GtkWidget                **frame_out)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, -1, 90);
  gtk_widget_add_css_class (scroller, "card");
  *frame_out = scroller;
  return view;
}

char *
zc_declaration_action_dialog_field_text (ZcDeclarationActionDialog *self,
                                         const char                *name)
{
  Field *field = zc_declaration_action_dialog_find_field (self, name);
  g_autofree char *text = NULL;

  if (field == NULL)
    return NULL;
  if (GTK_IS_TEXT_VIEW (field->widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else if (GTK_IS_EDITABLE (field->widget))
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
  else
    return NULL;
  return g_strstrip (g_steal_pointer (&text));
}

static void
on_calendar_day (GtkCalendar               *calendar,
                 ZcDeclarationActionDialog *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (chosen, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  Field *ends_on = zc_declaration_action_dialog_find_field (self, ZC_ACTION_FIELD_ENDS_ON);

  gtk_editable_set_text (GTK_EDITABLE (ends_on->widget), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* A date entry with a calendar to pick from. */
static GtkWidget *
date_row (ZcDeclarationActionDialog *self,
          GtkWidget                 *entry,
          const GDate               *initial,
          gboolean                   with_calendar)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *text = zc_declaration_action_dialog_format_date (initial);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "YYYY-MM-DD");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_box_append (GTK_BOX (row), entry);
  if (with_calendar)
    {
      GtkWidget *button = gtk_menu_button_new ();
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *calendar = gtk_calendar_new ();
      g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
      g_autoptr(GDateTime) shown = g_date_time_new (zone, g_date_get_year (initial), g_date_get_month (initial),
                                                    g_date_get_day (initial), 0, 0, 0);

      gtk_calendar_select_day (GTK_CALENDAR (calendar), shown);
      g_signal_connect (calendar, "day-selected", G_CALLBACK (on_calendar_day), self);
      gtk_popover_set_child (GTK_POPOVER (popover), calendar);
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (button, _("Pick from a calendar"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Pick from a calendar"), -1);
      gtk_box_append (GTK_BOX (row), button);
    }
  return row;
}

static GtkWidget *
votes_input (void)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, MAX_VOTES, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  gtk_widget_set_halign (spin, GTK_ALIGN_START);
  return spin;
}

static void
on_record_votes (ZcDeclarationActionDialog *self)
{
  static const char * const names[] = { ZC_ACTION_FIELD_VOTES_FOR, ZC_ACTION_FIELD_VOTES_AGAINST,
                                        ZC_ACTION_FIELD_VOTES_ABSTAIN };
  gboolean on = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->record_votes));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_set_sensitive (zc_declaration_action_dialog_find_field (self, names[i])->widget, on);
}

void
zc_declaration_action_dialog_build_fields (ZcDeclarationActionDialog *self)
{
  ZcDeclarationAction action = self->action;
  GtkWidget *frame = NULL;
  GtkWidget *input;

  if (action == ZC_DECLARATION_ACTION_RETURN)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      g_ptr_array_add (labels, (gpointer) _("Not about one step"));
      for (guint i = 0; i < ZC_N_DECLARATION_STEPS; i++)
        g_ptr_array_add (labels, (gpointer) zc_declaration_step_get_label (i, ZC_LANGUAGE_LOCALE));
      g_ptr_array_add (labels, NULL);
      input = gtk_drop_down_new_from_strings ((const char * const *) labels->pdata);
      gtk_widget_set_halign (input, GTK_ALIGN_START);
      add_field (self, ZC_ACTION_FIELD_STEP, _("_Step to correct (optional)"), input, NULL);
    }

  if (zc_declaration_action_dialog_is_publicity_start (action))
    {
      g_autofree char *earliest = zc_declaration_action_dialog_format_date (&self->earliest_end);
      g_autofree char *hint_text = g_strdup_printf (_("At least %u working days: earliest %s"),
                                                    (guint) ZC_PUBLICITY_MIN_WORKING_DAYS, earliest);
      GtkWidget *hint = gtk_label_new (hint_text);

      input = gtk_entry_new ();
      add_field (self, ZC_ACTION_FIELD_ENDS_ON, _("Publicity _ends on"), input,
                 date_row (self, input, &self->earliest_end, TRUE));
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_insert_child_after (GTK_BOX (self->fields_box), hint, gtk_widget_get_parent (input));
      gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint_text, -1);
    }

  if (zc_declaration_action_dialog_is_publicity_end (action))
    {
      input = text_view_input (self, &frame);
      add_field (self, ZC_ACTION_FIELD_OBJECTIONS, _("_Objections received (optional)"), input, frame);
    }

  if (action == ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW)
    {
      GDate day = self->today;
      GtkWidget *row;

      g_date_add_days (&day, 7);
      input = gtk_entry_new ();
      row = date_row (self, input, &day, FALSE);
      self->interview_time = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (self->interview_time), "09:00");
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->interview_time), "HH:MM");
      gtk_editable_set_width_chars (GTK_EDITABLE (self->interview_time), 6);
      gtk_entry_set_activates_default (GTK_ENTRY (self->interview_time), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->interview_time), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Interview time (Beijing time)"), -1);
      gtk_box_append (GTK_BOX (row), self->interview_time);
      add_field (self, ZC_ACTION_FIELD_INTERVIEW_AT, _("Interview _date and time (Beijing time)"), input, row);
      input = gtk_entry_new ();
      gtk_entry_set_max_length (GTK_ENTRY (input), 200);
      gtk_entry_set_activates_default (GTK_ENTRY (input), TRUE);
      add_field (self, ZC_ACTION_FIELD_PLACE, _("_Place"), input, NULL);
    }

  if (zc_declaration_action_dialog_has_votes (action))
    {
      if (action == ZC_DECLARATION_ACTION_RECORD_FAIL)
        {
          self->record_votes = gtk_check_button_new_with_mnemonic (_("Record the _votes"));
          g_signal_connect_swapped (self->record_votes, "toggled", G_CALLBACK (on_record_votes), self);
          gtk_box_append (GTK_BOX (self->fields_box), self->record_votes);
        }
      add_field (self, ZC_ACTION_FIELD_VOTES_FOR, _("Votes _for"), votes_input (), NULL);
      add_field (self, ZC_ACTION_FIELD_VOTES_AGAINST, _("Votes _against"), votes_input (), NULL);
      add_field (self, ZC_ACTION_FIELD_VOTES_ABSTAIN, _("A_bstentions"), votes_input (), NULL);
      if (self->record_votes != NULL)
        on_record_votes (self);
    }

  /* the officer's reusable phrases (Alt+1 … Alt+9), as on the archive
   * desk: the same list */
  {
    g_autoptr(GSettings) settings = zc_comment_phrases_settings_new ();

    frame = zc_comment_editor_new (settings);
    input = GTK_WIDGET (zc_comment_editor_get_text_view (ZC_COMMENT_EDITOR (frame)));
  }
  add_field (self, ZC_ACTION_FIELD_COMMENT,
             zc_declaration_action_requires_comment (action) ? _("_Comment (required)") : _("_Comment (optional)"),
             input, frame);
}
