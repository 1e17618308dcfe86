/* zc-field-row.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-field-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-attachment-list.h"
#include "zc-dictionary.h"
#include "zc-field-row-private.h"
#include "zc-json.h"
#include "zc-title-picker.h"

/* One field of a schema-driven form: its label (with a required mark
 * and, for texts, a character counter), the input its type calls for,
 * the help text, and an error line under it.  The row turns what the
 * user typed into the record's JSON value, tidying what docs/forms.md
 * leaves to the widget (surrounding spaces, full-width digits, "x" in
 * check digits); the shared validator judges the rest. */


G_DEFINE_FINAL_TYPE (ZcFieldRow, zc_field_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * zc_style_ensure_loaded:
 *
 * Adds the client's stylesheet to the default display once; pages and
 * widgets call it so they look right without a GtkApplication too.
 */
void
zc_style_ensure_loaded (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      gtk_css_provider_load_from_resource (provider, APP_RESOURCE_PATH "/zc-style.css");
      if (display != NULL)
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

const char *
zc_field_row_node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

JsonNode *
zc_field_row_string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

void
zc_field_row_emit_changed (ZcFieldRow *self)
{
  if (self->updating > 0)
    return;
  /* what was wrong may be right now: the next check decides */
  zc_field_row_set_error (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

GtkWidget *
zc_field_row_make_entry (ZcFieldRow *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (zc_field_row_emit_changed), self);
  return entry;
}

/* Taxonomy */

static void
build_taxonomy (ZcFieldRow *self)
{
  self->input = zc_title_picker_new (zc_form_field_get_label (self->field, ZC_LANGUAGE_LOCALE));
  gtk_widget_set_hexpand (self->input, TRUE);
  g_signal_connect_swapped (self->input, "changed", G_CALLBACK (zc_field_row_emit_changed), self);
  gtk_box_append (GTK_BOX (self->input_box), self->input);
}

/* Attachments */

static void
on_attachment_failed (ZcFieldRow *self,
                      const char *message)
{
  zc_field_row_set_error (self, message);
}

static void
build_attachments (ZcFieldRow *self)
{
  self->input = zc_attachment_list_new (self->schema, self->field, self->store);
  gtk_widget_set_hexpand (self->input, TRUE);
  g_signal_connect_swapped (self->input, "changed", G_CALLBACK (zc_field_row_emit_changed), self);
  g_signal_connect_swapped (self->input, "failed", G_CALLBACK (on_attachment_failed), self);
  gtk_box_append (GTK_BOX (self->input_box), self->input);
}

/* Values */

/**
 * zc_field_row_get_value:
 *
 * Returns: (transfer full) (nullable): the value for the record, tidied;
 *   %NULL when the field is empty (the member is then left out)
 */
JsonNode *
zc_field_row_get_value (ZcFieldRow *self)
{
  g_return_val_if_fail (ZC_IS_FIELD_ROW (self), NULL);

  switch (self->type)
    {
    case ZC_FIELD_TEXT:
    case ZC_FIELD_LONG_TEXT:
      {
        g_autofree char *text = zc_field_row_get_text (self);
        g_autofree char *tidy = zc_field_row_tidy_text (self, text);

        return *tidy != '\0' ? zc_field_row_string_node (tidy) : NULL;
      }

    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
      {
        g_autofree char *tidy = zc_field_row_tidy_date (gtk_editable_get_text (GTK_EDITABLE (self->input)));

        return *tidy != '\0' ? zc_field_row_string_node (tidy) : NULL;
      }

    case ZC_FIELD_YEAR:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (self->input));
        JsonNode *node;

        if (*text == '\0')
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_int (node, g_ascii_strtoll (text, NULL, 10));
        return node;
      }

    case ZC_FIELD_INTEGER:
      {
        JsonNode *node;

        if (*gtk_editable_get_text (GTK_EDITABLE (self->input)) == '\0')
          return NULL;
        /* take in what was typed but not yet entered */
        gtk_spin_button_update (GTK_SPIN_BUTTON (self->input));
        if (*gtk_editable_get_text (GTK_EDITABLE (self->input)) == '\0')
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_int (node, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->input)));
        return node;
      }

    case ZC_FIELD_ENUM:
      if (self->checks != NULL)
        {
          g_autoptr(JsonArray) chosen = json_array_new ();
          JsonNode *node;

          for (guint i = 0; i < self->checks->len; i++)
            if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
              json_array_add_string_element (chosen, g_ptr_array_index (self->codes, i));
          if (json_array_get_length (chosen) == 0)
            return NULL;
          node = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (node, chosen);
          return node;
        }
      else
        {
          guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->input));

          if (position == GTK_INVALID_LIST_POSITION || position >= self->codes->len ||
              g_ptr_array_index (self->codes, position) == NULL)
            return NULL;
          return zc_field_row_string_node (g_ptr_array_index (self->codes, position));
        }

    case ZC_FIELD_BOOL:
      {
        JsonNode *node = json_node_new (JSON_NODE_VALUE);

        json_node_set_boolean (node, gtk_switch_get_active (GTK_SWITCH (self->input)));
        return node;
      }

    case ZC_FIELD_TAXONOMY:
      return zc_title_picker_get_value (ZC_TITLE_PICKER (self->input));

    case ZC_FIELD_ATTACHMENTS:
      return zc_attachment_list_get_value (ZC_ATTACHMENT_LIST (self->input));

    default:
      g_assert_not_reached ();
    }
}

/* A value of the wrong JSON type is shown as text where it can be, so
 * nothing the record holds vanishes silently from the form. */
static char *
node_as_text (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  if (zc_field_row_node_string (value) != NULL)
    return g_strdup (zc_field_row_node_string (value));
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  return zc_json_to_string (value);
}

/**
 * zc_field_row_set_value:
 * @value: (nullable): the record's value; %NULL empties the field
 *
 * Does not emit ::changed and clears the error.
 */
void
zc_field_row_set_value (ZcFieldRow *self,
                        JsonNode   *value)
{
  g_return_if_fail (ZC_IS_FIELD_ROW (self));

  self->updating++;
  switch (self->type)
    {
    case ZC_FIELD_TEXT:
    case ZC_FIELD_YEAR:
      {
        g_autofree char *text = node_as_text (value);
        gtk_editable_set_text (GTK_EDITABLE (self->input), text);
      }
      break;

    case ZC_FIELD_LONG_TEXT:
      {
        g_autofree char *text = node_as_text (value);
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input)), text, -1);
      }
      break;

    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
      {
        g_autofree char *text = node_as_text (value);

        gtk_editable_set_text (GTK_EDITABLE (self->input), text);
        if (self->to_date_check != NULL)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (self->to_date_check), *text == '\0');
      }
      break;

    case ZC_FIELD_INTEGER:
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        {
          self->int_empty = FALSE;
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->input), (double) json_node_get_int (value));
          /* set_value does not reformat an unchanged value */
          gtk_spin_button_update (GTK_SPIN_BUTTON (self->input));
          if (*gtk_editable_get_text (GTK_EDITABLE (self->input)) == '\0')
            {
              g_autofree char *text = node_as_text (value);
              gtk_editable_set_text (GTK_EDITABLE (self->input), text);
            }
        }
      else
        {
          self->int_empty = TRUE;
          self->value_at_empty = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->input));
          gtk_editable_set_text (GTK_EDITABLE (self->input), "");
        }
      break;

    case ZC_FIELD_ENUM:
      if (self->checks != NULL)
        {
          JsonArray *chosen = value != NULL && JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

          for (guint i = 0; i < self->checks->len; i++)
            {
              gboolean active = FALSE;

              for (guint j = 0; chosen != NULL && j < json_array_get_length (chosen); j++)
                if (g_strcmp0 (zc_field_row_node_string (json_array_get_element (chosen, j)), g_ptr_array_index (self->codes, i)) == 0)
                  active = TRUE;
              gtk_check_button_set_active (g_ptr_array_index (self->checks, i), active);
            }
        }
      else
        {
          const char *code = zc_field_row_node_string (value);
          guint position = 0;

          zc_field_row_fill_enum (self, code);
          if (code != NULL)
            g_ptr_array_find_with_equal_func (self->codes, code, zc_str_equal0, &position);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->input), position);
        }
      break;

    case ZC_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (self->input),
                             value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                             json_node_get_value_type (value) == G_TYPE_BOOLEAN && json_node_get_boolean (value));
      break;

    case ZC_FIELD_TAXONOMY:
      zc_title_picker_set_value (ZC_TITLE_PICKER (self->input), value);
      break;

    case ZC_FIELD_ATTACHMENTS:
      zc_attachment_list_set_value (ZC_ATTACHMENT_LIST (self->input), value);
      break;

    default:
      g_assert_not_reached ();
    }
  self->updating--;

  if (self->counter_label != NULL)
    zc_field_row_update_counter (self);
  zc_field_row_set_error (self, NULL);
}

/* Errors and state */

/**
 * zc_field_row_set_error:
 * @message: (nullable): the message under the field; %NULL clears it
 */
void
zc_field_row_set_error (ZcFieldRow *self,
                        const char *message)
{
  g_return_if_fail (ZC_IS_FIELD_ROW (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_label (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  if (message != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    self->error_label, self->help_label, NULL, -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    self->help_label, NULL, -1);
}

const char *
zc_field_row_get_error (ZcFieldRow *self)
{
  g_return_val_if_fail (ZC_IS_FIELD_ROW (self), NULL);
  return self->error;
}

/**
 * zc_field_row_set_editable:
 *
 * A read-only row still shows its value, and texts can be selected.
 */
void
zc_field_row_set_editable (ZcFieldRow *self,
                           gboolean    editable)
{
  g_return_if_fail (ZC_IS_FIELD_ROW (self));

  self->editable = !!editable;
  switch (self->type)
    {
    case ZC_FIELD_TEXT:
    case ZC_FIELD_YEAR:
      gtk_editable_set_editable (GTK_EDITABLE (self->input), editable);
      break;

    case ZC_FIELD_LONG_TEXT:
      gtk_text_view_set_editable (GTK_TEXT_VIEW (self->input), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->input), editable);
      break;

    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
      {
        gboolean to_date = self->to_date_check != NULL &&
                           gtk_check_button_get_active (GTK_CHECK_BUTTON (self->to_date_check));

        gtk_editable_set_editable (GTK_EDITABLE (self->input), editable);
        gtk_widget_set_sensitive (self->input, !to_date || !editable);
        gtk_widget_set_sensitive (self->calendar_button, editable && !to_date);
        if (self->to_date_check != NULL)
          gtk_widget_set_sensitive (self->to_date_check, editable);
      }
      break;

    case ZC_FIELD_ATTACHMENTS:
      zc_attachment_list_set_editable (ZC_ATTACHMENT_LIST (self->input), editable);
      break;

    case ZC_FIELD_TAXONOMY:
      zc_title_picker_set_editable (ZC_TITLE_PICKER (self->input), editable);
      break;

    case ZC_FIELD_INTEGER:
    case ZC_FIELD_ENUM:
    case ZC_FIELD_BOOL:
    default:
      gtk_widget_set_sensitive (self->input_box, editable);
      if (self->type == ZC_FIELD_BOOL)
        gtk_widget_set_sensitive (self->input, editable);
      break;
    }
}

/**
 * zc_field_row_focus_input:
 *
 * Moves the keyboard focus to the field's input (the first drop-down of
 * a title pick, the first check of a multiple choice).
 */
gboolean
zc_field_row_focus_input (ZcFieldRow *self)
{
  g_return_val_if_fail (ZC_IS_FIELD_ROW (self), FALSE);

  if (self->type == ZC_FIELD_ATTACHMENTS)
    return gtk_widget_grab_focus (zc_attachment_list_get_add_button (ZC_ATTACHMENT_LIST (self->input)));
  if (self->type == ZC_FIELD_TAXONOMY)
    return gtk_widget_grab_focus (zc_title_picker_get_dropdown (ZC_TITLE_PICKER (self->input),
                                                                ZC_TITLE_PICKER_SERIES));
  return gtk_widget_grab_focus (self->input);
}

/* GObject */

static void
on_text_changed (ZcFieldRow *self)
{
  zc_field_row_update_counter (self);
  zc_field_row_emit_changed (self);
}

static void
on_switch_active (ZcFieldRow *self)
{
  zc_field_row_emit_changed (self);
}

/* The row is never a stop of its own: Tab goes straight to its inputs,
 * as in AdwEntryRow. */
static gboolean
zc_field_row_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  GtkWidgetClass *base = g_type_class_peek (GTK_TYPE_WIDGET);

  return base->focus (widget, direction);
}

static gboolean
zc_field_row_grab_focus (GtkWidget *widget)
{
  return zc_field_row_focus_input (ZC_FIELD_ROW (widget));
}

static void
zc_field_row_dispose (GObject *object)
{
  ZcFieldRow *self = ZC_FIELD_ROW (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (zc_field_row_parent_class)->dispose (object);
}

static void
zc_field_row_finalize (GObject *object)
{
  ZcFieldRow *self = ZC_FIELD_ROW (object);

  g_clear_pointer (&self->schema, zc_form_schema_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_free (self->error);

  G_OBJECT_CLASS (zc_field_row_parent_class)->finalize (object);
}

static void
zc_field_row_class_init (ZcFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_field_row_dispose;
  object_class->finalize = zc_field_row_finalize;
  widget_class->focus = zc_field_row_focus;
  widget_class->grab_focus = zc_field_row_grab_focus;

  /**
   * ZcFieldRow::changed:
   *
   * The user changed the value (not emitted by zc_field_row_set_value()).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zc_field_row_init (ZcFieldRow *self)
{
  self->editable = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "zc-field-row");
}

static void
build_layout (ZcFieldRow *self)
{
  const char *label = zc_form_field_get_label (self->field, ZC_LANGUAGE_LOCALE);
  const char *help = zc_form_field_get_help (self->field, ZC_LANGUAGE_LOCALE);
  GtkWidget *content, *header;

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), content);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (content), header);

  self->title_label = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->title_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (header), self->title_label);

  self->required_label = gtk_label_new ("*");
  gtk_widget_add_css_class (self->required_label, "required-mark");
  gtk_widget_set_valign (self->required_label, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->required_label, _("Required"));
  gtk_widget_set_visible (self->required_label, zc_form_field_get_required (self->field));
  /* the state is on the input; the star is for the eyes */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->required_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Required"), -1);
  gtk_box_append (GTK_BOX (header), self->required_label);

  /* spacer: the counter and a switch sit at the end */
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (header), spacer);
  }

  self->input_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  switch (self->type)
    {
    case ZC_FIELD_TEXT:
      self->input = zc_field_row_make_entry (self);
      g_signal_connect_swapped (self->input, "changed", G_CALLBACK (zc_field_row_update_counter), self);
      if (zc_form_field_get_format (self->field) == ZC_FIELD_FORMAT_MOBILE ||
          zc_form_field_get_format (self->field) == ZC_FIELD_FORMAT_PHONE)
        gtk_entry_set_input_purpose (GTK_ENTRY (self->input), GTK_INPUT_PURPOSE_PHONE);
      else if (zc_form_field_get_format (self->field) == ZC_FIELD_FORMAT_EMAIL)
        gtk_entry_set_input_purpose (GTK_ENTRY (self->input), GTK_INPUT_PURPOSE_EMAIL);
      gtk_box_append (GTK_BOX (self->input_box), self->input);
      break;

    case ZC_FIELD_LONG_TEXT:
      {
        GtkWidget *scrolled = gtk_scrolled_window_new ();

        self->input = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->input), GTK_WRAP_WORD_CHAR);
        /* Tab moves on to the next field */
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->input), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->input), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->input), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->input), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->input), 8);
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input)), "changed",
                                  G_CALLBACK (on_text_changed), self);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->input);
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
        gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
        gtk_widget_set_hexpand (scrolled, TRUE);
        gtk_box_append (GTK_BOX (self->input_box), scrolled);
      }
      break;

    case ZC_FIELD_DATE:
    case ZC_FIELD_YEAR_MONTH:
      zc_field_row_build_date (self);
      break;

    case ZC_FIELD_YEAR:
      zc_field_row_build_year (self);
      break;

    case ZC_FIELD_INTEGER:
      zc_field_row_build_integer (self);
      break;

    case ZC_FIELD_ENUM:
      zc_field_row_build_enum (self);
      break;

    case ZC_FIELD_BOOL:
      self->input = gtk_switch_new ();
      gtk_widget_set_valign (self->input, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (self->input, "notify::active", G_CALLBACK (on_switch_active), self);
      gtk_box_append (GTK_BOX (header), self->input);
      break;

    case ZC_FIELD_TAXONOMY:
      build_taxonomy (self);
      break;

    case ZC_FIELD_ATTACHMENTS:
      build_attachments (self);
      break;

    default:
      g_assert_not_reached ();
    }
  if (self->type != ZC_FIELD_BOOL)
    gtk_box_append (GTK_BOX (content), self->input_box);

  if (self->type == ZC_FIELD_TEXT || self->type == ZC_FIELD_LONG_TEXT)
    {
      self->counter_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->counter_label, "field-counter");
      gtk_widget_add_css_class (self->counter_label, "dim-label");
      gtk_widget_add_css_class (self->counter_label, "caption");
      gtk_widget_add_css_class (self->counter_label, "numeric");
      gtk_widget_set_valign (self->counter_label, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (header), self->counter_label);
      zc_field_row_update_counter (self);
    }

  self->help_label = gtk_label_new (help);
  gtk_label_set_xalign (GTK_LABEL (self->help_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->help_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->help_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (self->help_label, "dim-label");
  gtk_widget_add_css_class (self->help_label, "caption");
  gtk_widget_set_visible (self->help_label, help != NULL);
  gtk_box_append (GTK_BOX (content), self->help_label);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->error_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (self->error_label, "field-error");
  gtk_widget_add_css_class (self->error_label, "caption");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_label);

  /* accessible name, description and required state on the input */
  if (self->type != ZC_FIELD_TAXONOMY && self->type != ZC_FIELD_ATTACHMENTS &&
      !(self->type == ZC_FIELD_ENUM && self->checks != NULL))
    {
      gtk_label_set_mnemonic_widget (GTK_LABEL (self->title_label), self->input);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                  zc_form_field_get_required (self->field), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->help_label, NULL, -1);
}

/**
 * zc_field_row_new:
 * @field: a field of @schema
 * @store: (nullable): where attachments are copied to
 */
ZcFieldRow *
zc_field_row_new (ZcFormSchema      *schema,
                  const ZcFormField *field,
                  ZcLocalStore      *store)
{
  ZcFieldRow *self;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (store == NULL || ZC_IS_LOCAL_STORE (store), NULL);

  zc_style_ensure_loaded ();

  self = g_object_new (ZC_TYPE_FIELD_ROW,
                       "title", zc_form_field_get_label (field, ZC_LANGUAGE_LOCALE),
                       "use-markup", FALSE,
                       NULL);
  self->schema = zc_form_schema_ref (schema);
  self->field = field;
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->type = zc_form_field_get_field_type (field);
  build_layout (self);

  /* a new period is open-ended until an end is given */
  if (self->to_date_check != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->to_date_check), TRUE);

  return self;
}

const ZcFormField *
zc_field_row_get_field (ZcFieldRow *self)
{
  g_return_val_if_fail (ZC_IS_FIELD_ROW (self), NULL);
  return self->field;
}

const char *
zc_field_row_get_field_id (ZcFieldRow *self)
{
  g_return_val_if_fail (ZC_IS_FIELD_ROW (self), NULL);
  return zc_form_field_get_id (self->field);
}

GtkWidget *
zc_field_row_get_input (ZcFieldRow *self)
{
  g_return_val_if_fail (ZC_IS_FIELD_ROW (self), NULL);
  return self->input;
}

/**
 * zc_field_row_get_to_date_check:
 *
 * Returns: (transfer none) (nullable): the "to date" check of the end of
 *   an open-ended period
 */
GtkWidget *
zc_field_row_get_to_date_check (ZcFieldRow *self)
{
  g_return_val_if_fail (ZC_IS_FIELD_ROW (self), NULL);
  return self->to_date_check;
}
