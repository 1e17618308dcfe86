/* zc-field-row-inputs.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-field-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "zc-dictionary.h"
#include "zc-field-row-private.h"

/* The inputs of the simple field types: texts with their counter,
 * dates with a calendar, years, integers that may stay empty, choices. */

/* Text and long text: the counter */

char *
zc_field_row_get_text (ZcFieldRow *self)
{
  if (self->type == ZC_FIELD_LONG_TEXT)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->input)));
}

void
zc_field_row_update_counter (ZcFieldRow *self)
{
  g_autofree char *text = zc_field_row_get_text (self);
  g_autofree char *label = NULL;
  guint max = zc_form_field_get_max_length (self->field);
  glong n = g_utf8_strlen (g_strstrip (text), -1);

  label = g_strdup_printf ("%ld/%u", n, max);
  gtk_label_set_label (GTK_LABEL (self->counter_label), label);
  if (max > 0 && (guint) n > max)
    gtk_widget_add_css_class (self->counter_label, "over");
  else
    gtk_widget_remove_css_class (self->counter_label, "over");
}

/* What docs/forms.md leaves to the input: surrounding white space goes;
 * for a field with a format, full-width characters become ASCII and
 * check letters capitals. */
char *
zc_field_row_tidy_text (ZcFieldRow *self,
           const char *text)
{
  g_autofree char *copy = g_strdup (text);
  ZcFieldFormat format = self->type == ZC_FIELD_TEXT ? zc_form_field_get_format (self->field)
                                                     : ZC_FIELD_FORMAT_NONE;
  char *normalized;

  g_strstrip (copy);
  if (format == ZC_FIELD_FORMAT_NONE)
    return g_steal_pointer (&copy);

  normalized = g_utf8_normalize (copy, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    return g_steal_pointer (&copy);
  g_strstrip (normalized);

  switch (format)
    {
    case ZC_FIELD_FORMAT_ID_NUMBER:
    case ZC_FIELD_FORMAT_CREDIT_CODE:
    case ZC_FIELD_FORMAT_ISSN:
    case ZC_FIELD_FORMAT_ISBN:
    case ZC_FIELD_FORMAT_CN_SERIAL:
      {
        char *upper = g_utf8_strup (normalized, -1);
        g_free (normalized);
        return upper;
      }

    case ZC_FIELD_FORMAT_NONE:
    case ZC_FIELD_FORMAT_MOBILE:
    case ZC_FIELD_FORMAT_PHONE:
    case ZC_FIELD_FORMAT_EMAIL:
    case ZC_FIELD_FORMAT_POSTCODE:
    default:
      return normalized;
    }
}

/* Dates: "2020/9/1", "2020.09.01", "2020年9月1日" and full-width digits
 * all become "2020-09-01"; anything else is left for the validator. */
char *
zc_field_row_tidy_date (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autoptr(GString) tidy = NULL;
  g_auto(GStrv) parts = NULL;

  if (normalized == NULL)
    return g_strstrip (g_strdup (text));

  tidy = g_string_new (g_strstrip (normalized));
  g_string_replace (tidy, "年", "-", 0);
  g_string_replace (tidy, "月", "-", 0);
  g_string_replace (tidy, "日", "", 0);
  g_strdelimit (tidy->str, "/.", '-');
  while (tidy->len > 0 && tidy->str[tidy->len - 1] == '-')
    g_string_truncate (tidy, tidy->len - 1);

  parts = g_strsplit (tidy->str, "-", -1);
  if (g_strv_length (parts) >= 2 && g_strv_length (parts) <= 3 && strlen (parts[0]) == 4)
    {
      g_autoptr(GString) padded = g_string_new (parts[0]);

      for (guint i = 1; parts[i] != NULL; i++)
        {
          gsize len = strlen (parts[i]);

          if (len == 0 || len > 2 || strspn (parts[i], "0123456789") != len)
            return g_string_free (g_steal_pointer (&tidy), FALSE);
          g_string_append_printf (padded, "-%s%s", len == 1 ? "0" : "", parts[i]);
        }
      return g_string_free (g_steal_pointer (&padded), FALSE);
    }

  return g_string_free (g_steal_pointer (&tidy), FALSE);
}

/* Dates: the calendar and "to date" */

static void
on_to_date_toggled (GtkCheckButton *check,
                    ZcFieldRow     *self)
{
  gboolean to_date = gtk_check_button_get_active (check);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* GTK warns when a focused entry turns insensitive: hand the focus on */
  if (to_date && focus != NULL && (focus == self->input || gtk_widget_is_ancestor (focus, self->input)))
    gtk_widget_grab_focus (self->to_date_check);

  self->updating++;
  if (to_date)
    gtk_editable_set_text (GTK_EDITABLE (self->input), "");
  self->updating--;
  gtk_widget_set_sensitive (self->input, !to_date && self->editable);
  gtk_widget_set_sensitive (self->calendar_button, !to_date && self->editable);
  zc_field_row_emit_changed (self);
}

static void
on_day_selected (GtkCalendar *calendar,
                 ZcFieldRow  *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, self->type == ZC_FIELD_DATE ? "%Y-%m-%d" : "%Y-%m");

  gtk_editable_set_text (GTK_EDITABLE (self->input), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->calendar_button));
}

/* Opens the calendar at the date typed, if any. */
static void
on_calendar_shown (GtkWidget  *popover,
                   ZcFieldRow *self)
{
  g_autofree char *text = zc_field_row_tidy_date (gtk_editable_get_text (GTK_EDITABLE (self->input)));
  int year = 0, month = 1, day = 1;

  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) >= 2 &&
      g_date_valid_dmy (day, month, year))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

      g_signal_handlers_block_by_func (self->calendar, on_day_selected, self);
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), date);
      g_signal_handlers_unblock_by_func (self->calendar, on_day_selected, self);
    }
}

void
zc_field_row_build_date (ZcFieldRow *self)
{
  GtkWidget *popover;
  const char *hint = self->type == ZC_FIELD_DATE
    /* Translators: the format hint in a date entry; keep the digits */
    ? _("YYYY-MM-DD, such as 2020-09-01")
    /* Translators: the format hint in a year-and-month entry; keep the digits */
    : _("YYYY-MM, such as 2020-09");

  self->input = zc_field_row_make_entry (self);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->input), hint);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->input), 18);
  gtk_widget_set_hexpand (self->input, FALSE);
  gtk_box_append (GTK_BOX (self->input_box), self->input);

  self->calendar = gtk_calendar_new ();
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown), self);

  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), popover);
  gtk_widget_set_tooltip_text (self->calendar_button, _("Choose from a calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose from a calendar"), -1);
  gtk_box_append (GTK_BOX (self->input_box), self->calendar_button);

  if (zc_form_field_get_open_end (self->field))
    {
      /* Translators: a period that has not ended yet, 至今 */
      self->to_date_check = gtk_check_button_new_with_mnemonic (_("_To date"));
      gtk_widget_set_margin_start (self->to_date_check, 6);
      g_signal_connect (self->to_date_check, "toggled", G_CALLBACK (on_to_date_toggled), self);
      gtk_box_append (GTK_BOX (self->input_box), self->to_date_check);
    }
}

/* Years: digits only */

static void
on_year_insert_text (GtkEditable *editable,
                     const char  *text,
                     int          length,
                     int         *position,
                     ZcFieldRow  *self)
{
  g_autofree char *normalized = g_utf8_normalize (text, length, G_NORMALIZE_ALL_COMPOSE);
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = normalized; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  if (length < 0)
    length = (int) strlen (text);
  if (digits->len == (gsize) length && strncmp (digits->str, text, (gsize) length) == 0)
    return;

  g_signal_handlers_block_by_func (editable, on_year_insert_text, self);
  gtk_editable_insert_text (editable, digits->str, (int) digits->len, position);
  g_signal_handlers_unblock_by_func (editable, on_year_insert_text, self);
  g_signal_stop_emission_by_name (editable, "insert-text");
}

void
zc_field_row_build_year (ZcFieldRow *self)
{
  self->input = zc_field_row_make_entry (self);
  /* Translators: the format hint in a year entry */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->input), _("YYYY"));
  gtk_entry_set_max_length (GTK_ENTRY (self->input), 4);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->input), GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->input), 8);
  gtk_widget_set_hexpand (self->input, FALSE);
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->input)), "insert-text",
                    G_CALLBACK (on_year_insert_text), self);
  gtk_box_append (GTK_BOX (self->input_box), self->input);
}

/* Integers: a spin button that can also be empty */

static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value,
               ZcFieldRow    *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  if (*text == '\0')
    {
      self->int_empty = TRUE;
      self->value_at_empty = *new_value = gtk_spin_button_get_value (spin);
      return TRUE;
    }
  self->int_empty = FALSE;
  return FALSE;
}

static gboolean
on_spin_output (GtkSpinButton *spin,
                ZcFieldRow    *self)
{
  if (self->int_empty && gtk_spin_button_get_value (spin) == self->value_at_empty)
    {
      if (*gtk_editable_get_text (GTK_EDITABLE (spin)) != '\0')
        gtk_editable_set_text (GTK_EDITABLE (spin), "");
      return TRUE;
    }
  self->int_empty = FALSE;
  return FALSE;
}

void
zc_field_row_build_integer (ZcFieldRow *self)
{
  gint64 min = G_MININT32, max = G_MAXINT32;
  const char *unit = zc_form_field_get_unit (self->field, ZC_LANGUAGE_LOCALE);
  GtkAdjustment *adjustment;

  zc_form_field_get_min (self->field, &min);
  zc_form_field_get_max (self->field, &max);
  adjustment = gtk_adjustment_new (CLAMP (0, min, max), min, max, 1, 10, 0);
  self->input = gtk_spin_button_new (adjustment, 1, 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->input), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->input), 8);
  g_signal_connect (self->input, "input", G_CALLBACK (on_spin_input), self);
  g_signal_connect (self->input, "output", G_CALLBACK (on_spin_output), self);
  g_signal_connect_swapped (self->input, "changed", G_CALLBACK (zc_field_row_emit_changed), self);
  gtk_box_append (GTK_BOX (self->input_box), self->input);

  if (unit != NULL)
    {
      GtkWidget *label = gtk_label_new (unit);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->input_box), label);
    }

  self->int_empty = TRUE;
  self->value_at_empty = gtk_adjustment_get_value (adjustment);
  gtk_editable_set_text (GTK_EDITABLE (self->input), "");
}

/* Enums: a drop-down, or one check per option */

/* The options offered: current ones, plus a deprecated one the record
 * still holds, so loading and saving an old entry keeps its value. */
void
zc_field_row_fill_enum (ZcFieldRow *self,
           const char *keep_code)
{
  ZcDictionary *dictionary = zc_form_field_get_dictionary (self->field);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->codes, 0);
  g_ptr_array_add (self->codes, NULL);
  /* Translators: the first entry of a drop-down, meaning nothing chosen */
  gtk_string_list_append (model, _("Not chosen"));
  for (guint i = 0; dictionary != NULL && i < zc_dictionary_get_n_items (dictionary); i++)
    {
      const char *code = zc_dictionary_get_code (dictionary, i);

      if (zc_dictionary_is_deprecated (dictionary, i) && g_strcmp0 (code, keep_code) != 0)
        continue;
      g_ptr_array_add (self->codes, g_strdup (code));
      gtk_string_list_append (model, zc_dictionary_get_label (dictionary, i, ZC_LANGUAGE_LOCALE));
    }
  if (keep_code != NULL && !g_ptr_array_find_with_equal_func (self->codes, keep_code, zc_str_equal0, NULL))
    {
      /* a code the list does not have: shown as it is, for the validator to name */
      g_ptr_array_add (self->codes, g_strdup (keep_code));
      gtk_string_list_append (model, keep_code);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->input), G_LIST_MODEL (model));
}

static void
on_selected_changed (ZcFieldRow *self)
{
  zc_field_row_emit_changed (self);
}

void
zc_field_row_build_enum (ZcFieldRow *self)
{
  ZcDictionary *dictionary = zc_form_field_get_dictionary (self->field);

  self->codes = g_ptr_array_new_with_free_func (g_free);

  if (zc_form_field_get_multiple (self->field))
    {
      GtkWidget *flow = gtk_flow_box_new ();

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
      gtk_widget_set_hexpand (flow, TRUE);
      self->checks = g_ptr_array_new ();
      for (guint i = 0; dictionary != NULL && i < zc_dictionary_get_n_items (dictionary); i++)
        {
          GtkWidget *check = gtk_check_button_new_with_label (zc_dictionary_get_label (dictionary, i,
                                                                                       ZC_LANGUAGE_LOCALE));
          GtkWidget *child = gtk_flow_box_child_new ();

          /* Tab goes from check to check, not through the flow box children */
          gtk_widget_set_focusable (child, FALSE);
          gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), check);
          gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
          g_signal_connect_swapped (check, "toggled", G_CALLBACK (zc_field_row_emit_changed), self);
          g_ptr_array_add (self->codes, g_strdup (zc_dictionary_get_code (dictionary, i)));
          g_ptr_array_add (self->checks, check);
          if (self->input == NULL)
            self->input = check;
        }
      gtk_box_append (GTK_BOX (self->input_box), flow);
      if (self->input == NULL)
        self->input = flow;
      return;
    }

  self->input = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_hexpand (self->input, TRUE);
  zc_field_row_fill_enum (self, NULL);
  if (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (self->input))) > 13)
    {
      gtk_drop_down_set_expression (GTK_DROP_DOWN (self->input),
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->input), TRUE);
    }
  g_signal_connect_swapped (self->input, "notify::selected", G_CALLBACK (on_selected_changed), self);
  gtk_box_append (GTK_BOX (self->input_box), self->input);
}
