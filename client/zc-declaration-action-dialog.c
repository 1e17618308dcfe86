/* zc-declaration-action-dialog.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-action-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "zc-declaration-action-dialog.h"
#include "zc-declaration-body.h"
#include "zc-holiday-calendar.h"

G_DEFINE_QUARK (zc-declaration-action-dialog-error-quark, zc_declaration_action_dialog_error)

#define MAX_VOTES 100

typedef struct
{
  GtkWidget *widget;  /* the input */
  GtkWidget *error;   /* the label under it */
} Field;

struct _ZcDeclarationActionDialog
{
  AdwWindow            parent_instance;

  ZcDeclarationAction  action;
  GDate                today;
  GDate                earliest_end;
  GHashTable          *fields;          /* owned: name → Field */
  ZcApiClient         *client;          /* owned, nullable */
  char                *declaration_id;  /* owned, nullable */
  ZcDeclarationState   expected_state;
  gint64               expected_version;
  GCancellable        *posting;         /* owned, nullable: while the POST runs */
  ZcDeclarationActionQueueFunc queue_func;  /* nullable: queue instead of POST */
  gpointer             queue_data;

  GtkWidget           *fields_box;
  GtkWidget           *message;         /* an error that names no field */
  GtkWidget           *apply;
  GtkWidget           *spinner;
  GtkWidget           *record_votes;    /* record_fail: the votes are optional */
  GtkWidget           *interview_time;
};

G_DEFINE_FINAL_TYPE (ZcDeclarationActionDialog, zc_declaration_action_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_ACTED,
  SIGNAL_CHANGED_MEANWHILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const button_labels[ZC_N_DECLARATION_ACTIONS] = {
  [ZC_DECLARATION_ACTION_RECOMMEND]              = N_("_Recommend…"),
  [ZC_DECLARATION_ACTION_RETURN]                 = N_("Re_turn…"),
  [ZC_DECLARATION_ACTION_START_PUBLICITY]        = N_("Start _Publicity…"),
  [ZC_DECLARATION_ACTION_END_PUBLICITY]          = N_("_End Publicity…"),
  [ZC_DECLARATION_ACTION_FORWARD]                = N_("_Forward…"),
  [ZC_DECLARATION_ACTION_PASS]                   = N_("_Pass…"),
  [ZC_DECLARATION_ACTION_ACCEPT]                 = N_("_Accept…"),
  [ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW]     = N_("Schedule _Interview…"),
  [ZC_DECLARATION_ACTION_RECORD_PASS]            = N_("Record Pa_ss…"),
  [ZC_DECLARATION_ACTION_RECORD_FAIL]            = N_("Record Fai_l…"),
  [ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY] = N_("Start Result _Publicity…"),
  [ZC_DECLARATION_ACTION_END_RESULT_PUBLICITY]   = N_("_End Result Publicity…"),
  [ZC_DECLARATION_ACTION_FORWARD_TO_ISSUER]      = N_("_Forward to Issuer…"),
  [ZC_DECLARATION_ACTION_ISSUE]                  = N_("_Issue…"),
  [ZC_DECLARATION_ACTION_DETERMINE]              = N_("_Determine…"),
};

/**
 * zc_declaration_action_dialog_button_label:
 *
 * Returns: the translated label with a mnemonic; the shared label for
 *   an applicant's action
 */
const char *
zc_declaration_action_dialog_button_label (ZcDeclarationAction action)
{
  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, NULL);

  if (button_labels[action] != NULL)
    return _(button_labels[action]);
  return zc_declaration_action_get_label (action, ZC_LANGUAGE_LOCALE);
}

static gboolean
is_publicity_start (ZcDeclarationAction action)
{
  return action == ZC_DECLARATION_ACTION_START_PUBLICITY || action == ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY;
}

static gboolean
is_publicity_end (ZcDeclarationAction action)
{
  return action == ZC_DECLARATION_ACTION_END_PUBLICITY || action == ZC_DECLARATION_ACTION_END_RESULT_PUBLICITY;
}

static gboolean
has_votes (ZcDeclarationAction action)
{
  return action == ZC_DECLARATION_ACTION_RECORD_PASS || action == ZC_DECLARATION_ACTION_RECORD_FAIL;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Strictly YYYY-MM-DD. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned year, month, day;
  char rest;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Strictly HH:MM, 24 hours. */
static gboolean
parse_time (const char *text,
            unsigned   *hour,
            unsigned   *minute)
{
  char rest;

  return text != NULL && strlen (text) == 5 && text[2] == ':' &&
         sscanf (text, "%2u:%2u%c", hour, minute, &rest) == 2 && *hour < 24 && *minute < 60;
}

/* Fields */

static Field *
field_get (ZcDeclarationActionDialog *self,
           const char                *name)
{
  return g_hash_table_lookup (self->fields, name);
}

static void
set_field_error (ZcDeclarationActionDialog *self,
                 const char                *name,
                 const char                *message)
{
  Field *field = field_get (self, name);

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

static void
set_message (ZcDeclarationActionDialog *self,
             const char                *message)
{
  gtk_label_set_label (GTK_LABEL (self->message), message != NULL ? message : "");
  gtk_widget_set_visible (self->message, message != NULL && *message != '\0');
}

static void
clear_errors (ZcDeclarationActionDialog *self)
{
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    set_field_error (self, name, NULL);
  set_message (self, NULL);
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

static char *
field_text (ZcDeclarationActionDialog *self,
            const char                *name)
{
  Field *field = field_get (self, name);
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

  gtk_editable_set_text (GTK_EDITABLE (field_get (self, ZC_ACTION_FIELD_ENDS_ON)->widget), text);
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
  g_autofree char *text = format_date (initial);

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
  gboolean on = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->record_votes));

  gtk_widget_set_sensitive (field_get (self, ZC_ACTION_FIELD_VOTES_FOR)->widget, on);
  gtk_widget_set_sensitive (field_get (self, ZC_ACTION_FIELD_VOTES_AGAINST)->widget, on);
  gtk_widget_set_sensitive (field_get (self, ZC_ACTION_FIELD_VOTES_ABSTAIN)->widget, on);
}

static void
build_fields (ZcDeclarationActionDialog *self)
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

  if (is_publicity_start (action))
    {
      g_autofree char *earliest = format_date (&self->earliest_end);
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

  if (is_publicity_end (action))
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

  if (has_votes (action))
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

  input = text_view_input (self, &frame);
  add_field (self, ZC_ACTION_FIELD_COMMENT,
             zc_declaration_action_requires_comment (action) ? _("_Comment (required)") : _("_Comment (optional)"),
             input, frame);
}

/* The request */

/**
 * zc_declaration_action_dialog_build_request:
 *
 * Checks the fields, showing each problem under its field.
 *
 * Returns: (transfer full): the body of POST …/actions, or %NULL
 */
JsonObject *
zc_declaration_action_dialog_build_request (ZcDeclarationActionDialog  *self,
                                            GError                    **error)
{
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonObject) args = json_object_new ();
  g_autofree char *comment = NULL;
  const char *first_bad = NULL;

  g_return_val_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self), NULL);

  clear_errors (self);
  json_object_set_string_member (request, "action", zc_declaration_action_to_string (self->action));
  json_object_set_string_member (request, "expected_state", zc_declaration_state_to_string (self->expected_state));
  if (self->expected_version > 0)
    json_object_set_int_member (request, "expected_version", self->expected_version);

  comment = field_text (self, ZC_ACTION_FIELD_COMMENT);
  if (comment != NULL && *comment != '\0')
    json_object_set_string_member (request, "comment", comment);
  else if (zc_declaration_action_requires_comment (self->action))
    {
      set_field_error (self, ZC_ACTION_FIELD_COMMENT, _("Give the reason."));
      first_bad = ZC_ACTION_FIELD_COMMENT;
    }

  if (field_get (self, ZC_ACTION_FIELD_STEP) != NULL)
    {
      guint chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (field_get (self, ZC_ACTION_FIELD_STEP)->widget));

      if (chosen != GTK_INVALID_LIST_POSITION && chosen > 0 && chosen <= ZC_N_DECLARATION_STEPS)
        json_object_set_string_member (args, "step", zc_declaration_step_to_string (chosen - 1));
    }

  if (field_get (self, ZC_ACTION_FIELD_ENDS_ON) != NULL)
    {
      g_autofree char *text = field_text (self, ZC_ACTION_FIELD_ENDS_ON);
      GDate ends_on;

      if (!parse_date (text, &ends_on))
        {
          set_field_error (self, ZC_ACTION_FIELD_ENDS_ON, _("Give a date as YYYY-MM-DD."));
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_ENDS_ON;
        }
      else if (g_date_compare (&ends_on, &self->earliest_end) < 0)
        {
          g_autofree char *earliest = format_date (&self->earliest_end);
          g_autofree char *message = g_strdup_printf (_("At least %u working days: earliest %s"),
                                                      (guint) ZC_PUBLICITY_MIN_WORKING_DAYS, earliest);

          set_field_error (self, ZC_ACTION_FIELD_ENDS_ON, message);
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_ENDS_ON;
        }
      else
        json_object_set_string_member (args, "ends_on", text);
    }

  if (field_get (self, ZC_ACTION_FIELD_OBJECTIONS) != NULL)
    {
      g_autofree char *text = field_text (self, ZC_ACTION_FIELD_OBJECTIONS);

      if (text != NULL && *text != '\0')
        json_object_set_string_member (args, "objections", text);
    }

  if (field_get (self, ZC_ACTION_FIELD_INTERVIEW_AT) != NULL)
    {
      g_autofree char *day_text = field_text (self, ZC_ACTION_FIELD_INTERVIEW_AT);
      g_autofree char *place = field_text (self, ZC_ACTION_FIELD_PLACE);
      const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->interview_time));
      unsigned hour = 0, minute = 0;
      GDate day;

      if (!parse_date (day_text, &day) || !parse_time (time_text, &hour, &minute))
        {
          set_field_error (self, ZC_ACTION_FIELD_INTERVIEW_AT, _("Give a date as YYYY-MM-DD and a time as HH:MM."));
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_INTERVIEW_AT;
        }
      else if (g_date_compare (&day, &self->today) < 0)
        {
          set_field_error (self, ZC_ACTION_FIELD_INTERVIEW_AT, _("The interview cannot be in the past."));
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_INTERVIEW_AT;
        }
      else
        {
          g_autofree char *at = g_strdup_printf ("%sT%02u:%02u:00+08:00", day_text, hour, minute);

          json_object_set_string_member (args, "interview_at", at);
        }
      if (place == NULL || *place == '\0' || strchr (place, '\n') != NULL)
        {
          set_field_error (self, ZC_ACTION_FIELD_PLACE, _("Give the place, on one line."));
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_PLACE;
        }
      else
        json_object_set_string_member (args, "place", place);
    }

  if (has_votes (self->action) &&
      (self->record_votes == NULL || gtk_check_button_get_active (GTK_CHECK_BUTTON (self->record_votes))))
    {
      static const char * const names[] = { ZC_ACTION_FIELD_VOTES_FOR, ZC_ACTION_FIELD_VOTES_AGAINST,
                                            ZC_ACTION_FIELD_VOTES_ABSTAIN };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          GtkSpinButton *spin = GTK_SPIN_BUTTON (field_get (self, names[i])->widget);

          gtk_spin_button_update (spin);
          json_object_set_int_member (args, names[i], gtk_spin_button_get_value_as_int (spin));
        }
    }

  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (field_get (self, first_bad)->widget);
      g_set_error (error, ZC_DECLARATION_ACTION_DIALOG_ERROR, ZC_DECLARATION_ACTION_DIALOG_ERROR_INVALID,
                   "%s: %s", first_bad,
                   gtk_label_get_label (GTK_LABEL (field_get (self, first_bad)->error)));
      return NULL;
    }
  if (json_object_get_size (args) > 0)
    json_object_set_object_member (request, "args", g_steal_pointer (&args));
  return g_steal_pointer (&request);
}

/* Posting */

static void
set_busy (ZcDeclarationActionDialog *self,
          gboolean                   busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (self->apply, !busy);
  gtk_widget_set_sensitive (self->fields_box, !busy);
}

static void
on_posted (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZcDeclarationActionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) record = NULL;
  const char *field;

  record = zc_api_client_act_on_declaration_finish (ZC_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->posting);
  set_busy (self, FALSE);
  if (record != NULL)
    {
      g_signal_emit (self, signals[SIGNAL_ACTED], 0, record);
      /* an entry destroyed with the focus complains of no focus-out */
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_strcmp0 (zc_api_client_error_get_code (error), "state_changed") == 0 ||
      g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NOT_FOUND))
    {
      /* not found: withdrawn to a draft, no longer the reviewer's to see */
      set_message (self, g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NOT_FOUND)
                           ? _("This declaration is no longer in your queue: it was withdrawn or moved on.")
                           : _("This declaration changed meanwhile — look again."));
      gtk_widget_set_sensitive (self->apply, FALSE);
      g_signal_emit (self, signals[SIGNAL_CHANGED_MEANWHILE], 0);
      return;
    }
  field = zc_api_client_error_get_field (error);
  if (field != NULL && g_str_has_prefix (field, "args."))
    field += strlen ("args.");
  if (field != NULL && field_get (self, field) != NULL)
    {
      set_field_error (self, field, error->message);
      gtk_widget_grab_focus (field_get (self, field)->widget);
    }
  else if (error->domain == ZC_API_CLIENT_ERROR && error->code == ZC_API_CLIENT_ERROR_NETWORK)
    set_message (self, _("The server cannot be reached: the action was not sent. Try again when online."));
  else
    set_message (self, error->message);
}

/* "field: message" (zc_declaration_review_check_args()) goes under the
 * field; anything else above the fields. */
static void
show_queue_error (ZcDeclarationActionDialog *self,
                  const char                *message)
{
  const char *colon = strstr (message, ": ");

  if (colon != NULL)
    {
      g_autofree char *field = g_strndup (message, colon - message);

      if (field_get (self, field) != NULL)
        {
          set_field_error (self, field, colon + 2);
          gtk_widget_grab_focus (field_get (self, field)->widget);
          return;
        }
    }
  set_message (self, message);
}

/**
 * zc_declaration_action_dialog_apply:
 *
 * Checks the fields and sends the action, or queues it with the queue
 * function.
 *
 * Returns: whether it was sent (the answer comes later) or queued
 */
gboolean
zc_declaration_action_dialog_apply (ZcDeclarationActionDialog *self)
{
  g_autoptr(JsonObject) request = NULL;

  g_return_val_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self), FALSE);

  if (self->posting != NULL || (self->client == NULL && self->queue_func == NULL) ||
      !gtk_widget_get_sensitive (self->apply))
    return FALSE;
  request = zc_declaration_action_dialog_build_request (self, NULL);
  if (request == NULL)
    return FALSE;
  if (self->queue_func != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!self->queue_func (self, request, self->queue_data, &error))
        {
          if (g_error_matches (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED))
            {
              set_message (self, error->message);
              gtk_widget_set_sensitive (self->apply, FALSE);
              g_signal_emit (self, signals[SIGNAL_CHANGED_MEANWHILE], 0);
            }
          else
            show_queue_error (self, error->message);
          return FALSE;
        }
      /* an entry destroyed with the focus complains of no focus-out */
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }
  self->posting = g_cancellable_new ();
  set_busy (self, TRUE);
  zc_api_client_act_on_declaration_async (self->client, self->declaration_id, request, self->posting, on_posted,
                                          g_object_ref (self));
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  zc_declaration_action_dialog_apply (ZC_DECLARATION_ACTION_DIALOG (widget));
}

/* GObject */

static void
zc_declaration_action_dialog_dispose (GObject *object)
{
  ZcDeclarationActionDialog *self = ZC_DECLARATION_ACTION_DIALOG (object);

  g_cancellable_cancel (self->posting);
  g_clear_object (&self->posting);
  g_clear_object (&self->client);
  g_clear_pointer (&self->declaration_id, g_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (zc_declaration_action_dialog_parent_class)->dispose (object);
}

static void
zc_declaration_action_dialog_class_init (ZcDeclarationActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_declaration_action_dialog_dispose;

  /* ::acted: the action was taken; @record is the declaration now */
  signals[SIGNAL_ACTED] = g_signal_new ("acted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, JSON_TYPE_NODE);
  /* ::changed-meanwhile: refused as state_changed: someone acted first */
  signals[SIGNAL_CHANGED_MEANWHILE] = g_signal_new ("changed-meanwhile", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "action-dialog.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "action-dialog.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "action-dialog.apply",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_declaration_action_dialog_init (ZcDeclarationActionDialog *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->expected_state = ZC_DECLARATION_STATE_UNIT_REVIEW;
}

/**
 * zc_declaration_action_dialog_new:
 * @action: a reviewer's action
 * @subject: (nullable): what it is about ("张伟 · 副主任医师")
 * @today: (nullable): today in Beijing; %NULL for the clock's
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
ZcDeclarationActionDialog *
zc_declaration_action_dialog_new (ZcDeclarationAction  action,
                                  const char          *subject,
                                  const GDate         *today)
{
  ZcDeclarationActionDialog *self;
  g_autoptr(ZcHolidayCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *content, *header, *cancel, *box, *clamp;

  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  self = g_object_new (ZC_TYPE_DECLARATION_ACTION_DIALOG, "modal", TRUE, "default-width", 520,
                       "title", zc_declaration_action_get_label (action, ZC_LANGUAGE_LOCALE),
                       NULL);
  self->action = action;
  if (today != NULL)
    self->today = *today;
  else
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);

      g_date_clear (&self->today, 1);
      g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  self->earliest_end = self->today;
  calendar = zc_holiday_calendar_get_default (&error);
  if (calendar != NULL)
    zc_holiday_calendar_publicity_earliest_end (calendar, &self->today, &self->earliest_end);
  else
    g_warning ("No holiday calendar: %s", error->message);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply = gtk_button_new ();
  {
    /* the button says what happens, without the dialog's ellipsis */
    g_autofree char *label = g_strdup (zc_declaration_action_dialog_button_label (action));
    char *dots = strstr (label, "…");

    if (dots != NULL)
      *dots = '\0';
    gtk_button_set_label (GTK_BUTTON (self->apply), label);
  }
  gtk_button_set_use_underline (GTK_BUTTON (self->apply), TRUE);
  gtk_widget_add_css_class (self->apply, action == ZC_DECLARATION_ACTION_RETURN ||
                                         action == ZC_DECLARATION_ACTION_RECORD_FAIL ? "destructive-action"
                                                                                    : "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply), "action-dialog.apply");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  if (subject != NULL && *subject != '\0')
    {
      GtkWidget *about = gtk_label_new (subject);

      gtk_label_set_xalign (GTK_LABEL (about), 0);
      gtk_label_set_wrap (GTK_LABEL (about), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (about), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (about, "title-4");
      gtk_widget_set_margin_bottom (about, 6);
      gtk_box_append (GTK_BOX (box), about);
    }
  self->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  gtk_box_append (GTK_BOX (box), self->message);
  self->fields_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->fields_box);
  build_fields (self);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  /* no scroller: the window grows when a problem is shown under a field */
  gtk_widget_set_vexpand (clamp, TRUE);
  gtk_box_append (GTK_BOX (content), clamp);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply);
  gtk_window_set_focus (GTK_WINDOW (self),
                        field_get (self, is_publicity_start (action) ? ZC_ACTION_FIELD_ENDS_ON
                                                                     : ZC_ACTION_FIELD_COMMENT)->widget);
  return self;
}

ZcDeclarationAction
zc_declaration_action_dialog_get_action (ZcDeclarationActionDialog *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self), 0);
  return self->action;
}

/* @expected_version: 0 to leave it out */
void
zc_declaration_action_dialog_set_target (ZcDeclarationActionDialog *self,
                                         ZcApiClient               *client,
                                         const char                *declaration_id,
                                         ZcDeclarationState         expected_state,
                                         gint64                     expected_version)
{
  g_return_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self));
  g_return_if_fail (client == NULL || ZC_IS_API_CLIENT (client));
  g_return_if_fail (client == NULL || (declaration_id != NULL && *declaration_id != '\0'));
  g_return_if_fail ((guint) expected_state < ZC_N_DECLARATION_STATES);
  g_return_if_fail (expected_version >= 0);

  g_set_object (&self->client, client);
  g_free (self->declaration_id);
  self->declaration_id = g_strdup (declaration_id);
  self->expected_state = expected_state;
  self->expected_version = expected_version;
}

/* @func: (nullable): queues the request instead of POSTing it */
void
zc_declaration_action_dialog_set_queue_func (ZcDeclarationActionDialog    *self,
                                             ZcDeclarationActionQueueFunc  func,
                                             gpointer                      user_data)
{
  g_return_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self));
  self->queue_func = func;
  self->queue_data = user_data;
}

void
zc_declaration_action_dialog_get_earliest_end (ZcDeclarationActionDialog *self,
                                               GDate                     *result)
{
  g_return_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self));
  g_return_if_fail (result != NULL);
  *result = self->earliest_end;
}

gboolean
zc_declaration_action_dialog_is_busy (ZcDeclarationActionDialog *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self), FALSE);
  return self->posting != NULL;
}

/* Returns: (transfer none) (nullable): the input of @field, when the
 * action has it */
GtkWidget *
zc_declaration_action_dialog_get_field (ZcDeclarationActionDialog *self,
                                        const char                *field)
{
  Field *found;

  g_return_val_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  /* the time shares the day's row and its error */
  if (g_str_equal (field, ZC_ACTION_FIELD_INTERVIEW_TIME))
    return self->interview_time;
  found = field_get (self, field);
  return found != NULL ? found->widget : NULL;
}

/* Returns: (nullable): the problem shown under @field */
const char *
zc_declaration_action_dialog_get_field_error (ZcDeclarationActionDialog *self,
                                              const char                *field)
{
  Field *found;

  g_return_val_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  found = field_get (self, field);
  if (found == NULL || !gtk_widget_get_visible (found->error))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (found->error));
}

/* Returns: (nullable): the problem that names no field */
const char *
zc_declaration_action_dialog_get_message (ZcDeclarationActionDialog *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->message) ? gtk_label_get_label (GTK_LABEL (self->message)) : NULL;
}

GtkWidget *
zc_declaration_action_dialog_get_apply_button (ZcDeclarationActionDialog *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self), NULL);
  return self->apply;
}

/* Types into a text field (an entry or the comment); for tests and
 * for the desk's prefilled comments. */
void
zc_declaration_action_dialog_set_text (ZcDeclarationActionDialog *self,
                                       const char                *field,
                                       const char                *text)
{
  Field *found;

  g_return_if_fail (ZC_IS_DECLARATION_ACTION_DIALOG (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (text != NULL);

  if (g_str_equal (field, ZC_ACTION_FIELD_INTERVIEW_TIME) && self->interview_time != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->interview_time), text);
      return;
    }
  found = field_get (self, field);
  if (found == NULL)
    return;
  if (GTK_IS_TEXT_VIEW (found->widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (found->widget)), text, -1);
  else if (GTK_IS_EDITABLE (found->widget))
    gtk_editable_set_text (GTK_EDITABLE (found->widget), text);
}
