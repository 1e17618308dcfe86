/* zc-comment-phrases.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-comment-phrases"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-comment-phrases.h"

/* The built-in phrases: what unit officers write most when they send an
 * entry back (the provincial manuals' usual reasons). */
static const char *const default_phrases[] = {
  N_("The attachment is not legible; please upload it again."),
  N_("Please attach the supporting documents."),
  N_("The entry does not match its attachments; please check and submit it again."),
  N_("Please add the journal’s cover, its table of contents and the full paper."),
  N_("This falls outside the period that counts for this application."),
  N_("This duplicates another entry."),
};

static gboolean
settings_has_key (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, ZC_COMMENT_PHRASES_KEY);
}

/**
 * zc_comment_phrases_settings_new:
 *
 * Returns: (transfer full) (nullable): the application's settings, or
 *   %NULL when its schema is not installed (the built-in phrases apply)
 */
GSettings *
zc_comment_phrases_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, ZC_COMMENT_PHRASES_KEY))
    return NULL;
  return g_settings_new (APP_ID);
}

/**
 * zc_comment_phrases_load:
 * @settings: (nullable): where the officer's phrases are kept
 *
 * Returns: (transfer full): the phrases, never empty
 */
char **
zc_comment_phrases_load (GSettings *settings)
{
  g_auto(GStrv) stored = settings_has_key (settings) ? g_settings_get_strv (settings, ZC_COMMENT_PHRASES_KEY) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (stored != NULL && stored[0] != NULL)
    return g_steal_pointer (&stored);
  for (guint i = 0; i < G_N_ELEMENTS (default_phrases); i++)
    g_strv_builder_add (builder, _(default_phrases[i]));
  return g_strv_builder_end (builder);
}

static gboolean
store (GSettings  *settings,
       GPtrArray  *phrases)
{
  g_ptr_array_add (phrases, NULL);
  return g_settings_set_strv (settings, ZC_COMMENT_PHRASES_KEY, (const char * const *) phrases->pdata);
}

/**
 * zc_comment_phrases_add:
 *
 * Adds @phrase (trimmed) after the others.  The built-in phrases stay
 * when the first own one is added.
 *
 * Returns: whether @phrase is in the list now; %FALSE for an empty
 *   phrase, a full list or no settings
 */
gboolean
zc_comment_phrases_add (GSettings  *settings,
                        const char *phrase)
{
  g_auto(GStrv) current = NULL;
  g_autoptr(GPtrArray) phrases = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  if (!settings_has_key (settings) || !g_utf8_validate (phrase, -1, NULL))
    return FALSE;
  trimmed = g_strstrip (g_strdup (phrase));
  if (*trimmed == '\0')
    return FALSE;

  current = zc_comment_phrases_load (settings);
  if (g_strv_contains ((const char * const *) current, trimmed))
    return TRUE;
  if (g_strv_length (current) >= ZC_COMMENT_PHRASES_MAX)
    return FALSE;

  phrases = g_ptr_array_new ();
  for (guint i = 0; current[i] != NULL; i++)
    g_ptr_array_add (phrases, current[i]);
  g_ptr_array_add (phrases, trimmed);
  return store (settings, phrases);
}

/**
 * zc_comment_phrases_remove:
 *
 * Returns: whether @phrase was in the list and is gone
 */
gboolean
zc_comment_phrases_remove (GSettings  *settings,
                           const char *phrase)
{
  g_auto(GStrv) current = NULL;
  g_autoptr(GPtrArray) phrases = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  if (!settings_has_key (settings))
    return FALSE;
  current = zc_comment_phrases_load (settings);
  phrases = g_ptr_array_new ();
  for (guint i = 0; current[i] != NULL; i++)
    {
      if (!found && g_str_equal (current[i], phrase))
        found = TRUE;
      else
        g_ptr_array_add (phrases, current[i]);
    }
  return found && store (settings, phrases);
}

static gboolean
ends_a_clause (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));
  gunichar c = last != NULL ? g_utf8_get_char (last) : 0;

  return c == 0 || g_unichar_isspace (c) || g_unichar_ispunct (c);
}

/**
 * zc_comment_phrases_insert:
 * @text: the comment so far
 *
 * Returns: (transfer full): @text with @phrase after it, on a line of
 *   its own unless @text is empty or ends a sentence or line already
 */
char *
zc_comment_phrases_insert (const char *text,
                           const char *phrase)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (phrase != NULL, NULL);

  if (*text == '\0')
    return g_strdup (phrase);
  if (ends_a_clause (text))
    return g_strconcat (text, phrase, NULL);
  return g_strconcat (text, "\n", phrase, NULL);
}

/* ZcCommentEditor */

struct _ZcCommentEditor
{
  GtkWidget     parent_instance;

  GSettings    *settings;   /* owned, nullable */
  GStrv         phrases;    /* owned */
  GtkWidget    *box;        /* the one child */
  GtkFlowBox   *flow;
  GtkTextView  *text_view;
  GtkWidget    *save_button;
};

G_DEFINE_FINAL_TYPE (ZcCommentEditor, zc_comment_editor, GTK_TYPE_WIDGET)

static void
on_phrase_clicked (GtkButton       *button,
                   ZcCommentEditor *self)
{
  zc_comment_editor_insert_phrase (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
build_phrases (ZcCommentEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow))) != NULL)
    gtk_flow_box_remove (self->flow, child);
  g_clear_pointer (&self->phrases, g_strfreev);
  self->phrases = zc_comment_phrases_load (self->settings);

  for (guint i = 0; self->phrases[i] != NULL; i++)
    {
      g_autofree char *tooltip = NULL;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new (self->phrases[i]);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_button_set_child (GTK_BUTTON (button), label);
      if (i < 9)
        /* Translators: a phrase's tooltip; %s is the phrase, %u its key */
        tooltip = g_strdup_printf (_("%s (Alt+%u)"), self->phrases[i], i + 1);
      gtk_widget_set_tooltip_text (button, tooltip != NULL ? tooltip : self->phrases[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, self->phrases[i], -1);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_phrase_clicked), self);
      gtk_flow_box_append (self->flow, button);
    }
}

static gboolean
phrase_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  return zc_comment_editor_insert_phrase (ZC_COMMENT_EDITOR (widget), g_variant_get_uint32 (args));
}

static void
on_save_clicked (ZcCommentEditor *self)
{
  zc_comment_editor_save_phrase (self);
}

static void
on_settings_changed (ZcCommentEditor *self)
{
  build_phrases (self);
}

static void
zc_comment_editor_dispose (GObject *object)
{
  ZcCommentEditor *self = ZC_COMMENT_EDITOR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->phrases, g_strfreev);

  G_OBJECT_CLASS (zc_comment_editor_parent_class)->dispose (object);
}

static void
zc_comment_editor_class_init (ZcCommentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_comment_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  for (guint i = 0; i < 9; i++)
    gtk_widget_class_add_binding (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, phrase_shortcut, "u", i);
}

static void
zc_comment_editor_init (ZcCommentEditor *self)
{
  GtkWidget *heading, *scroller, *footer;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  heading = gtk_label_new (_("Common phrases (Alt+1 … Alt+9)"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->flow = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->flow, 2);
  gtk_flow_box_set_min_children_per_line (self->flow, 1);
  gtk_flow_box_set_column_spacing (self->flow, 6);
  gtk_flow_box_set_row_spacing (self->flow, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Common phrases"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->flow));

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 6);
  gtk_text_view_set_left_margin (self->text_view, 6);
  gtk_text_view_set_right_margin (self->text_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (self->box), scroller);

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->save_button = gtk_button_new_with_mnemonic (_("_Keep as a Phrase"));
  gtk_widget_set_tooltip_text (self->save_button, _("Add this comment to the common phrases"));
  gtk_widget_add_css_class (self->save_button, "flat");
  gtk_widget_set_halign (self->save_button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (self->save_button, TRUE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_box_append (GTK_BOX (footer), self->save_button);
  gtk_box_append (GTK_BOX (self->box), footer);
}

/**
 * zc_comment_editor_new:
 * @settings: (nullable): where phrases are kept; without, the built-in
 *   phrases are offered and none can be kept
 */
GtkWidget *
zc_comment_editor_new (GSettings *settings)
{
  ZcCommentEditor *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ZC_TYPE_COMMENT_EDITOR, NULL);
  if (settings_has_key (settings))
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::" ZC_COMMENT_PHRASES_KEY, G_CALLBACK (on_settings_changed),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_widget_set_visible (self->save_button, self->settings != NULL);
  build_phrases (self);
  return GTK_WIDGET (self);
}

/* Returns: (transfer full): the comment as typed */
char *
zc_comment_editor_get_text (ZcCommentEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ZC_IS_COMMENT_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
zc_comment_editor_set_text (ZcCommentEditor *self,
                            const char      *text)
{
  g_return_if_fail (ZC_IS_COMMENT_EDITOR (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
}

guint
zc_comment_editor_get_n_phrases (ZcCommentEditor *self)
{
  g_return_val_if_fail (ZC_IS_COMMENT_EDITOR (self), 0);
  return g_strv_length (self->phrases);
}

const char *
zc_comment_editor_get_phrase (ZcCommentEditor *self,
                              guint            index)
{
  g_return_val_if_fail (ZC_IS_COMMENT_EDITOR (self), NULL);
  return index < g_strv_length (self->phrases) ? self->phrases[index] : NULL;
}

/**
 * zc_comment_editor_insert_phrase:
 *
 * Inserts the phrase at the cursor (after what comes before it, as
 * zc_comment_phrases_insert() joins them) and puts the keyboard back
 * in the text.
 *
 * Returns: whether there is such a phrase
 */
gboolean
zc_comment_editor_insert_phrase (ZcCommentEditor *self,
                                 guint            index)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, cursor;
  g_autofree char *before = NULL;
  g_autofree char *joined = NULL;
  const char *phrase = NULL;

  g_return_val_if_fail (ZC_IS_COMMENT_EDITOR (self), FALSE);

  phrase = zc_comment_editor_get_phrase (self, index);
  if (phrase == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  before = gtk_text_buffer_get_text (buffer, &start, &cursor, FALSE);
  joined = zc_comment_phrases_insert (before, phrase);
  gtk_text_buffer_insert_at_cursor (buffer, joined + strlen (before), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return TRUE;
}

GtkTextView *
zc_comment_editor_get_text_view (ZcCommentEditor *self)
{
  g_return_val_if_fail (ZC_IS_COMMENT_EDITOR (self), NULL);
  return self->text_view;
}

/* Keeps the comment typed as a phrase for next time. */
gboolean
zc_comment_editor_save_phrase (ZcCommentEditor *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ZC_IS_COMMENT_EDITOR (self), FALSE);

  text = zc_comment_editor_get_text (self);
  return self->settings != NULL && zc_comment_phrases_add (self->settings, text);
}
