/* zc-declaration-action-dialog.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-action-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-declaration-action-dialog-private.h"
#include "zc-holiday-calendar.h"

G_DEFINE_QUARK (zc-declaration-action-dialog-error-quark, zc_declaration_action_dialog_error)

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
      const char *message = g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NOT_FOUND)
                              ? _("This declaration is no longer in your queue: it was withdrawn or moved on.")
                              : _("This declaration changed meanwhile — look again.");

      zc_declaration_action_dialog_set_message (self, message);
      gtk_widget_set_sensitive (self->apply, FALSE);
      g_signal_emit (self, signals[SIGNAL_CHANGED_MEANWHILE], 0);
      return;
    }
  field = zc_api_client_error_get_field (error);
  if (field != NULL && g_str_has_prefix (field, "args."))
    field += strlen ("args.");
  if (field != NULL && zc_declaration_action_dialog_find_field (self, field) != NULL)
    {
      zc_declaration_action_dialog_set_field_error (self, field, error->message);
      gtk_widget_grab_focus (zc_declaration_action_dialog_find_field (self, field)->widget);
    }
  else if (error->domain == ZC_API_CLIENT_ERROR && error->code == ZC_API_CLIENT_ERROR_NETWORK)
    zc_declaration_action_dialog_set_message (self, _("The server cannot be reached: the action was not sent. "
                                                      "Try again when online."));
  else
    zc_declaration_action_dialog_set_message (self, error->message);
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

      if (zc_declaration_action_dialog_find_field (self, field) != NULL)
        {
          zc_declaration_action_dialog_set_field_error (self, field, colon + 2);
          gtk_widget_grab_focus (zc_declaration_action_dialog_find_field (self, field)->widget);
          return;
        }
    }
  zc_declaration_action_dialog_set_message (self, message);
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
              zc_declaration_action_dialog_set_message (self, error->message);
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
  const char *first;

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
  zc_declaration_action_dialog_build_fields (self);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  /* no scroller: the window grows when a problem is shown under a field */
  gtk_widget_set_vexpand (clamp, TRUE);
  gtk_box_append (GTK_BOX (content), clamp);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply);
  first = zc_declaration_action_dialog_is_publicity_start (action) ? ZC_ACTION_FIELD_ENDS_ON
                                                                   : ZC_ACTION_FIELD_COMMENT;
  gtk_window_set_focus (GTK_WINDOW (self), zc_declaration_action_dialog_find_field (self, first)->widget);
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
  found = zc_declaration_action_dialog_find_field (self, field);
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

  found = zc_declaration_action_dialog_find_field (self, field);
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
  found = zc_declaration_action_dialog_find_field (self, field);
  if (found == NULL)
    return;
  if (GTK_IS_TEXT_VIEW (found->widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (found->widget)), text, -1);
  else if (GTK_IS_EDITABLE (found->widget))
    gtk_editable_set_text (GTK_EDITABLE (found->widget), text);
}
