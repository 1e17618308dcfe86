/* zc-entry-dialog.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-entry-dialog.h"
#include "zc-review-state.h"

/* Adding or editing one archive entry: the category's form in a modal
 * window.  Save checks the form with the shared validator and shows
 * each message under its field; only a valid entry reaches the store.
 * A returned entry shows the officer's comment; a rejected one opens
 * read-only with the reason. */

struct _ZcEntryDialog
{
  AdwWindow         parent_instance;

  ZcLocalStore     *store;     /* owned */
  ZcFormSchema     *schema;    /* owned */
  ZcRecord         *record;    /* owned, nullable: NULL for a new entry */
  gboolean          read_only;
  gboolean          done;      /* saved or discarded: close without asking */

  GtkWidget        *save_button;
  GtkWidget        *cancel_button;
  GtkWidget        *note_box;
  GtkWidget        *note_label;
  GtkWidget        *message_revealer;
  GtkWidget        *message_label;
  ZcFormView       *form;
  AdwMessageDialog *discard_dialog;   /* nullable, while asked */
};

G_DEFINE_FINAL_TYPE (ZcEntryDialog, zc_entry_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_message (ZcEntryDialog *self,
             const char    *message)
{
  gtk_label_set_label (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->message_revealer), message != NULL);
}

/**
 * zc_entry_dialog_save:
 *
 * What the Save button does: check, then store and close.  An
 * unchanged entry is not stored again (an approved one stays approved).
 *
 * Returns: whether the dialog is done (it is then destroyed)
 */
gboolean
zc_entry_dialog_save (ZcEntryDialog *self)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_ENTRY_DIALOG (self), FALSE);

  if (self->read_only)
    return FALSE;

  /* nothing changed: nothing to send back for review */
  if (self->record != NULL && !zc_form_view_is_modified (self->form))
    {
      self->done = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }

  if (!zc_form_view_validate (self->form))
    {
      guint n = zc_form_view_get_n_errors (self->form);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u field needs attention: see the message under it",
                                      "%u fields need attention: see the messages under them", n), n);
      set_message (self, message);
      return FALSE;
    }

  body = zc_form_view_get_record (self->form);
  if (self->record == NULL)
    {
      g_autofree char *kind = zc_local_store_archive_kind (zc_form_schema_get_id (self->schema));
      saved = zc_local_store_create_entry (self->store, kind, body, &error);
    }
  else
    saved = zc_local_store_update_entry (self->store, zc_record_get_id (self->record), body, &error);

  if (saved == NULL)
    {
      /* Translators: %s says why, such as a database error */
      g_autofree char *message = g_strdup_printf (_("The entry was not saved: %s"), error->message);
      set_message (self, message);
      return FALSE;
    }

  self->done = TRUE;
  g_signal_emit (self, signals[SAVED], 0, zc_record_get_id (saved));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  zc_entry_dialog_save (ZC_ENTRY_DIALOG (widget));
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ZcEntryDialog    *self)
{
  self->discard_dialog = NULL;
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->done = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* Nothing typed is lost by a stray Escape: changes need a confirmation. */
static gboolean
zc_entry_dialog_close_request (GtkWindow *window)
{
  ZcEntryDialog *self = ZC_ENTRY_DIALOG (window);

  if (self->done || self->read_only || !zc_form_view_is_modified (self->form))
    return GTK_WINDOW_CLASS (zc_entry_dialog_parent_class)->close_request (window);

  if (self->discard_dialog == NULL)
    {
      self->discard_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"),
                                                                         _("What you typed in this entry has not been saved.")));
      adw_message_dialog_add_responses (self->discard_dialog,
                                        "keep", _("_Keep Editing"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (self->discard_dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (self->discard_dialog, "keep");
      adw_message_dialog_set_close_response (self->discard_dialog, "keep");
      /* it closes itself after "discard" has destroyed this window */
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self->discard_dialog), FALSE);
      g_signal_connect_object (self->discard_dialog, "response", G_CALLBACK (on_discard_response), self, 0);
    }
  gtk_window_present (GTK_WINDOW (self->discard_dialog));
  return TRUE;
}

static void
zc_entry_dialog_dispose (GObject *object)
{
  ZcEntryDialog *self = ZC_ENTRY_DIALOG (object);

  if (self->discard_dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
      self->discard_dialog = NULL;
    }
  G_OBJECT_CLASS (zc_entry_dialog_parent_class)->dispose (object);
}

static void
zc_entry_dialog_finalize (GObject *object)
{
  ZcEntryDialog *self = ZC_ENTRY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->schema, zc_form_schema_unref);
  g_clear_pointer (&self->record, zc_record_unref);

  G_OBJECT_CLASS (zc_entry_dialog_parent_class)->finalize (object);
}

static void
zc_entry_dialog_class_init (ZcEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zc_entry_dialog_dispose;
  object_class->finalize = zc_entry_dialog_finalize;
  window_class->close_request = zc_entry_dialog_close_request;

  /**
   * ZcEntryDialog::saved:
   * @id: the id of the stored entry
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "entry.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "entry.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_entry_dialog_init (ZcEntryDialog *self)
{
}

static void
build (ZcEntryDialog *self,
       const char    *title)
{
  GtkWidget *box, *header, *window_title, *content;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (self), box);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  window_title = adw_window_title_new (title, zc_form_schema_get_title (self->schema, ZC_LANGUAGE_LOCALE));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), window_title);

  self->cancel_button = gtk_button_new_with_mnemonic (self->read_only ? _("_Close") : _("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "entry.save");
  gtk_widget_set_tooltip_text (self->save_button, _("Check and save the entry (Ctrl+S)"));
  gtk_widget_set_visible (self->save_button, !self->read_only);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  /* the officer's word on a returned or rejected entry, and other notes */
  self->note_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->note_box, "review-note");
  gtk_widget_set_margin_start (self->note_box, 12);
  gtk_widget_set_margin_end (self->note_box, 12);
  gtk_widget_set_margin_top (self->note_box, 12);
  self->note_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->note_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->note_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->note_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->note_label), TRUE);
  gtk_widget_set_hexpand (self->note_label, TRUE);
  gtk_box_append (GTK_BOX (self->note_box), self->note_label);
  gtk_widget_set_visible (self->note_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->note_box);

  /* why Save did not save */
  self->message_revealer = gtk_revealer_new ();
  self->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->message_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_set_margin_start (self->message_label, 12);
  gtk_widget_set_margin_end (self->message_label, 12);
  gtk_widget_set_margin_top (self->message_label, 12);
  gtk_widget_add_css_class (self->message_label, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the entry was not saved"), -1);
  gtk_revealer_set_child (GTK_REVEALER (self->message_revealer), self->message_label);
  gtk_box_append (GTK_BOX (box), self->message_revealer);

  content = zc_form_view_new (self->schema, self->store);
  self->form = ZC_FORM_VIEW (content);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
}

static void
show_note (ZcEntryDialog *self,
           const char    *style,
           const char    *text)
{
  gtk_label_set_label (GTK_LABEL (self->note_label), text);
  gtk_widget_add_css_class (self->note_box, style);
  gtk_widget_set_visible (self->note_box, TRUE);
}

static void
show_review_state (ZcEntryDialog *self)
{
  const char *comment = zc_record_get_review_comment (self->record);
  ZcReviewState state;
  g_autofree char *text = NULL;

  if (!zc_review_state_from_string (zc_record_get_state (self->record), &state))
    return;

  switch (state)
    {
    case ZC_REVIEW_STATE_RETURNED:
      if (comment != NULL && *comment != '\0')
        /* Translators: %s is the unit officer's comment */
        text = g_strdup_printf (_("The unit returned this entry: %s\nSaving your changes sends it back for review."),
                                comment);
      else
        text = g_strdup (_("The unit returned this entry. Saving your changes sends it back for review."));
      show_note (self, "returned", text);
      break;

    case ZC_REVIEW_STATE_REJECTED:
      if (comment != NULL && *comment != '\0')
        /* Translators: %s is the unit officer's reason */
        text = g_strdup_printf (_("The unit did not approve this entry: %s\nIt cannot be changed; add a new entry instead."),
                                comment);
      else
        text = g_strdup (_("The unit did not approve this entry. It cannot be changed; add a new entry instead."));
      show_note (self, "rejected", text);
      break;

    case ZC_REVIEW_STATE_APPROVED:
      show_note (self, "approved",
                 _("The unit approved this entry. Saving a change sends it back to the unit for review."));
      break;

    case ZC_REVIEW_STATE_PENDING:
    case ZC_REVIEW_STATE_UNREVIEWED:
    default:
      break;
    }
}

/**
 * zc_entry_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @schema: the entry's category
 * @record: (nullable): the entry to edit; %NULL for a new one
 *
 * Returns: (transfer none): the dialog, not shown yet; it destroys
 *   itself when closed or saved
 */
ZcEntryDialog *
zc_entry_dialog_new (GtkWindow    *parent,
                     ZcLocalStore *store,
                     ZcFormSchema *schema,
                     ZcRecord     *record)
{
  ZcEntryDialog *self;
  int width = 680, height = 780;
  ZcReviewState state;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (schema != NULL, NULL);

  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      /* never larger than the window it comes from */
      width = MIN (width, gtk_widget_get_width (GTK_WIDGET (parent)));
      height = MIN (height, gtk_widget_get_height (GTK_WIDGET (parent)));
    }

  self = g_object_new (ZC_TYPE_ENTRY_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", width,
                       "default-height", height,
                       "width-request", 360,
                       "height-request", 360,
                       NULL);
  self->store = g_object_ref (store);
  self->schema = zc_form_schema_ref (schema);
  self->record = record != NULL ? zc_record_ref (record) : NULL;
  self->read_only = record != NULL && zc_review_state_from_string (zc_record_get_state (record), &state) &&
                    state == ZC_REVIEW_STATE_REJECTED;

  build (self, record == NULL ? _("New Entry") : self->read_only ? _("View Entry") : _("Edit Entry"));
  gtk_window_set_title (GTK_WINDOW (self), record == NULL ? _("New Entry") : _("Edit Entry"));

  if (record != NULL)
    {
      zc_form_view_set_record (self->form, zc_record_get_body (record));
      show_review_state (self);
    }
  zc_form_view_set_editable (self->form, !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", !self->read_only);

  return self;
}

ZcFormView *
zc_entry_dialog_get_form_view (ZcEntryDialog *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_DIALOG (self), NULL);
  return self->form;
}

/* The entry being edited; NULL for a new one. */
ZcRecord *
zc_entry_dialog_get_record (ZcEntryDialog *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_DIALOG (self), NULL);
  return self->record;
}

gboolean
zc_entry_dialog_get_read_only (ZcEntryDialog *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_DIALOG (self), FALSE);
  return self->read_only;
}

/* Why the last Save did not save, or NULL. */
const char *
zc_entry_dialog_get_message (ZcEntryDialog *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->message_revealer)))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->message_label));
}

/* The note about the review state (the officer's comment), or NULL. */
const char *
zc_entry_dialog_get_note (ZcEntryDialog *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->note_box))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->note_label));
}

/* The "discard changes?" question, while it is asked. */
AdwMessageDialog *
zc_entry_dialog_get_discard_dialog (ZcEntryDialog *self)
{
  g_return_val_if_fail (ZC_IS_ENTRY_DIALOG (self), NULL);
  return self->discard_dialog;
}
