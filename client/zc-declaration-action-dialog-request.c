/* zc-declaration-action-dialog-request.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-action-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "zc-date.h"
#include "zc-declaration-action-dialog-private.h"
#include "zc-declaration-body.h"
#include "zc-holiday-calendar.h"

/* The request: the fields read and checked into the body of
 * POST …/actions, each problem shown under its field. */

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

  zc_declaration_action_dialog_clear_errors (self);
  json_object_set_string_member (request, "action", zc_declaration_action_to_string (self->action));
  json_object_set_string_member (request, "expected_state", zc_declaration_state_to_string (self->expected_state));
  if (self->expected_version > 0)
    json_object_set_int_member (request, "expected_version", self->expected_version);

  comment = zc_declaration_action_dialog_field_text (self, ZC_ACTION_FIELD_COMMENT);
  if (comment != NULL && *comment != '\0')
    json_object_set_string_member (request, "comment", comment);
  else if (zc_declaration_action_requires_comment (self->action))
    {
      zc_declaration_action_dialog_set_field_error (self, ZC_ACTION_FIELD_COMMENT, _("Give the reason."));
      first_bad = ZC_ACTION_FIELD_COMMENT;
    }

  if (zc_declaration_action_dialog_find_field (self, ZC_ACTION_FIELD_STEP) != NULL)
    {
      GtkWidget *steps = zc_declaration_action_dialog_find_field (self, ZC_ACTION_FIELD_STEP)->widget;
      guint chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (steps));

      if (chosen != GTK_INVALID_LIST_POSITION && chosen > 0 && chosen <= ZC_N_DECLARATION_STEPS)
        json_object_set_string_member (args, "step", zc_declaration_step_to_string (chosen - 1));
    }

  if (zc_declaration_action_dialog_find_field (self, ZC_ACTION_FIELD_ENDS_ON) != NULL)
    {
      g_autofree char *text = zc_declaration_action_dialog_field_text (self, ZC_ACTION_FIELD_ENDS_ON);
      GDate ends_on;

      if (!zc_date_parse_day (text, &ends_on))
        {
          zc_declaration_action_dialog_set_field_error (self, ZC_ACTION_FIELD_ENDS_ON,
                                                        _("Give a date as YYYY-MM-DD."));
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_ENDS_ON;
        }
      else if (g_date_compare (&ends_on, &self->earliest_end) < 0)
        {
          g_autofree char *earliest = zc_declaration_action_dialog_format_date (&self->earliest_end);
          g_autofree char *message = g_strdup_printf (_("At least %u working days: earliest %s"),
                                                      (guint) ZC_PUBLICITY_MIN_WORKING_DAYS, earliest);

          zc_declaration_action_dialog_set_field_error (self, ZC_ACTION_FIELD_ENDS_ON, message);
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_ENDS_ON;
        }
      else
        json_object_set_string_member (args, "ends_on", text);
    }

  if (zc_declaration_action_dialog_find_field (self, ZC_ACTION_FIELD_OBJECTIONS) != NULL)
    {
      g_autofree char *text = zc_declaration_action_dialog_field_text (self, ZC_ACTION_FIELD_OBJECTIONS);

      if (text != NULL && *text != '\0')
        json_object_set_string_member (args, "objections", text);
    }

  if (zc_declaration_action_dialog_find_field (self, ZC_ACTION_FIELD_INTERVIEW_AT) != NULL)
    {
      g_autofree char *day_text = zc_declaration_action_dialog_field_text (self, ZC_ACTION_FIELD_INTERVIEW_AT);
      g_autofree char *place = zc_declaration_action_dialog_field_text (self, ZC_ACTION_FIELD_PLACE);
      const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->interview_time));
      unsigned hour = 0, minute = 0;
      GDate day;

      if (!zc_date_parse_day (day_text, &day) || !parse_time (time_text, &hour, &minute))
        {
          zc_declaration_action_dialog_set_field_error (self, ZC_ACTION_FIELD_INTERVIEW_AT,
                                                        _("Give a date as YYYY-MM-DD and a time as HH:MM."));
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_INTERVIEW_AT;
        }
      else if (g_date_compare (&day, &self->today) < 0)
        {
          zc_declaration_action_dialog_set_field_error (self, ZC_ACTION_FIELD_INTERVIEW_AT,
                                                        _("The interview cannot be in the past."));
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_INTERVIEW_AT;
        }
      else
        {
          g_autofree char *at = g_strdup_printf ("%sT%02u:%02u:00+08:00", day_text, hour, minute);

          json_object_set_string_member (args, "interview_at", at);
        }
      if (place == NULL || *place == '\0' || strchr (place, '\n') != NULL)
        {
          zc_declaration_action_dialog_set_field_error (self, ZC_ACTION_FIELD_PLACE,
                                                        _("Give the place, on one line."));
          first_bad = first_bad != NULL ? first_bad : ZC_ACTION_FIELD_PLACE;
        }
      else
        json_object_set_string_member (args, "place", place);
    }

  if (zc_declaration_action_dialog_has_votes (self->action) &&
      (self->record_votes == NULL || gtk_check_button_get_active (GTK_CHECK_BUTTON (self->record_votes))))
    {
      static const char * const names[] = { ZC_ACTION_FIELD_VOTES_FOR, ZC_ACTION_FIELD_VOTES_AGAINST,
                                            ZC_ACTION_FIELD_VOTES_ABSTAIN };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          GtkSpinButton *spin = GTK_SPIN_BUTTON (zc_declaration_action_dialog_find_field (self, names[i])->widget);

          gtk_spin_button_update (spin);
          json_object_set_int_member (args, names[i], gtk_spin_button_get_value_as_int (spin));
        }
    }

  if (first_bad != NULL)
    {
      Field *bad = zc_declaration_action_dialog_find_field (self, first_bad);

      gtk_widget_grab_focus (bad->widget);
      g_set_error (error, ZC_DECLARATION_ACTION_DIALOG_ERROR, ZC_DECLARATION_ACTION_DIALOG_ERROR_INVALID,
                   "%s: %s", first_bad, gtk_label_get_label (GTK_LABEL (bad->error)));
      return NULL;
    }
  if (json_object_get_size (args) > 0)
    json_object_set_object_member (request, "args", g_steal_pointer (&args));
  return g_steal_pointer (&request);
}
