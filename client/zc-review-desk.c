/* zc-review-desk.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-review-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-form-schema.h"
#include "zc-json.h"
#include "zc-workflow.h"
#include "zc-review-desk-private.h"

/* The desk around the queue: the count and the detail of the
 * selection, the decisions and their reason dialog, the keyboard
 * actions, and the applicants' names from the server.  The queue's
 * view (rows, columns, sorting, filters) is zc-review-desk-columns.c. */

G_DEFINE_FINAL_TYPE (ZcReviewDesk, zc_review_desk, ADW_TYPE_BIN)

static void
show_message (ZcReviewDesk *self,
              const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Counts and the detail */

void
zc_review_desk_update_count (ZcReviewDesk *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint awaiting = zc_local_store_review_count_awaiting (self->store);
  g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
  g_autofree char *text = NULL;

  if (awaiting > 0)
    /* Translators: "12 entries · 3 decisions not sent yet" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u decision not sent yet",
                                         "%s · %u decisions not sent yet", awaiting), entries, awaiting);
  gtk_label_set_label (self->count_label, text != NULL ? text : entries);
}

static guint
last_selected (ZcReviewDesk *self,
               guint        *n_out)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  *n_out = (guint) MIN (gtk_bitset_get_size (set), G_MAXUINT);
  return *n_out > 0 ? gtk_bitset_get_maximum (set) : GTK_INVALID_LIST_POSITION;
}

void
zc_review_desk_update_detail (ZcReviewDesk *self)
{
  guint n = 0;
  guint position = last_selected (self, &n);
  g_autoptr(ZcReviewItem) item = position != GTK_INVALID_LIST_POSITION
    ? g_list_model_get_item (G_LIST_MODEL (self->model), position) : NULL;
  gboolean can_decide = n > 0;

  zc_review_detail_set_item (self->detail, item, n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.approve", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.return", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reject", can_decide);
}

static void
on_selection_changed (ZcReviewDesk *self)
{
  zc_review_desk_update_detail (self);
}

/* Reloads keep what was selected, by id */

static void
on_reloading (ZcReviewDesk *self)
{
  g_clear_pointer (&self->kept_ids, g_ptr_array_unref);
  self->kept_ids = g_ptr_array_new_with_free_func (g_free);
  {
    g_auto(GStrv) ids = zc_review_desk_get_selected_ids (self);

    for (guint i = 0; ids[i] != NULL; i++)
      g_ptr_array_add (self->kept_ids, g_strdup (ids[i]));
  }
}

static void
on_reloaded (ZcReviewDesk *self)
{
  for (guint i = 0; self->kept_ids != NULL && i < self->kept_ids->len; i++)
    {
      guint position;

      if (zc_review_queue_model_find (self->model, self->kept_ids->pdata[i], &position))
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
    }
  g_clear_pointer (&self->kept_ids, g_ptr_array_unref);
  zc_review_desk_update_count (self);
  zc_review_desk_update_detail (self);
}

guint
zc_review_desk_get_n_selected (ZcReviewDesk *self)
{
  guint n = 0;

  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), 0);
  last_selected (self, &n);
  return n;
}

/* Returns: (transfer full): the selected entries' ids, in list order */
char **
zc_review_desk_get_selected_ids (ZcReviewDesk *self)
{
  g_autoptr(GtkBitset) set = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), NULL);

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        const ZcReviewRow *row = zc_review_queue_model_get_row (self->model, position);

        if (row != NULL)
          g_strv_builder_add (builder, row->id);
      }
    while (gtk_bitset_iter_next (&iter, &position));
  return g_strv_builder_end (builder);
}

/* Decisions */

/**
 * zc_review_desk_decide:
 * @comment: (nullable): required to return or reject
 *
 * Queues @action for every selected entry, as the officer sees them,
 * in one transaction, then moves to the entry after them.  A refusal
 * (a missing reason, an entry that changed meanwhile) queues nothing
 * and is shown.
 *
 * Returns: whether the decisions were queued
 */
gboolean
zc_review_desk_decide (ZcReviewDesk    *self,
                       ZcArchiveAction  action,
                       const char      *comment)
{
  g_autoptr(GtkBitset) set = NULL;
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (ZcReviewTarget));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) decided = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *next_id = NULL;
  g_autofree char *done = NULL;
  GtkBitsetIter iter;
  guint position, last = 0, n;

  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), FALSE);

  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, set, &position))
    do
      {
        const ZcReviewRow *row = zc_review_queue_model_get_row (self->model, position);
        ZcReviewTarget target = { 0 };

        if (row == NULL)
          continue;
        g_ptr_array_add (ids, g_strdup (row->id));
        target.id = ids->pdata[ids->len - 1];
        target.seen_state = row->state;
        target.seen_version = row->version;
        g_array_append_val (targets, target);
        g_hash_table_add (decided, (gpointer) target.id);
        last = position;
      }
    while (gtk_bitset_iter_next (&iter, &position));

  if (!zc_local_store_review_decide (self->store, action, (ZcReviewTarget *) targets->data, targets->len, comment,
                                     ZC_LANGUAGE_LOCALE, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }

  /* the next entry not decided now: after the selection, else before it */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = last + 1; next_id == NULL && i < n; i++)
    if (!g_hash_table_contains (decided, zc_review_queue_model_get_row (self->model, i)->id))
      next_id = g_strdup (zc_review_queue_model_get_row (self->model, i)->id);
  for (guint i = MIN (last, n); next_id == NULL && i > 0; i--)
    if (!g_hash_table_contains (decided, zc_review_queue_model_get_row (self->model, i - 1)->id))
      next_id = g_strdup (zc_review_queue_model_get_row (self->model, i - 1)->id);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  if (!zc_review_queue_model_reload (self->model, &error))
    g_warning ("Cannot read the review queue: %s", error->message);
  if (next_id != NULL)
    zc_review_desk_select_entry (self, next_id);
  zc_review_desk_update_count (self);

  switch (action)
    {
    case ZC_ARCHIVE_ACTION_APPROVE:
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry approved; it goes to the server with the next sync.",
                                           "%u entries approved; they go to the server with the next sync.",
                                           targets->len), targets->len);
      break;
    case ZC_ARCHIVE_ACTION_RETURN:
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry returned; it goes to the server with the next sync.",
                                           "%u entries returned; they go to the server with the next sync.",
                                           targets->len), targets->len);
      break;
    case ZC_ARCHIVE_ACTION_REJECT:
    case ZC_ARCHIVE_ACTION_CREATE:
    case ZC_ARCHIVE_ACTION_EDIT:
    case ZC_ARCHIVE_ACTION_DELETE:
    case ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW:
    case ZC_ARCHIVE_ACTION_IMPORT:
    default:
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry rejected; it goes to the server with the next sync.",
                                           "%u entries rejected; they go to the server with the next sync.",
                                           targets->len), targets->len);
      break;
    }
  show_message (self, done);
  return TRUE;
}

/* The reason dialog */

static void
update_comment_response (ZcReviewDesk *self)
{
  g_autofree char *text = NULL;

  if (self->comment_dialog == NULL)
    return;
  text = zc_comment_editor_get_text (self->comment_editor);
  adw_message_dialog_set_response_enabled (self->comment_dialog, "decide",
                                           zc_workflow_check_comment (text, TRUE, ZC_LANGUAGE_LOCALE, NULL));
}

static void
on_comment_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ZcReviewDesk     *self)
{
  ZcArchiveAction action = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "action"));

  if (g_str_equal (response, "decide") && self->comment_editor != NULL)
    {
      g_autofree char *text = zc_comment_editor_get_text (self->comment_editor);

      zc_review_desk_decide (self, action, text);
    }
  self->comment_dialog = NULL;
  self->comment_editor = NULL;
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static gboolean
confirm_comment (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (widget);

  if (!adw_message_dialog_get_response_enabled (dialog, "decide"))
    return FALSE;
  adw_message_dialog_response (dialog, "decide");
  gtk_window_close (GTK_WINDOW (dialog));
  return TRUE;
}

/**
 * zc_review_desk_ask_comment:
 * @action: return or reject
 *
 * Asks for the reason, with the common phrases; the decision is made
 * when the dialog's button (or Ctrl+Enter) confirms it.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when
 *   nothing is selected
 */
AdwMessageDialog *
zc_review_desk_ask_comment (ZcReviewDesk    *self,
                            ZcArchiveAction  action)
{
  GtkRoot *root;
  GtkWidget *dialog, *editor;
  GtkEventController *shortcuts;
  guint n = zc_review_desk_get_n_selected (self);
  g_autofree char *heading = NULL;

  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), NULL);
  g_return_val_if_fail (action == ZC_ARCHIVE_ACTION_RETURN || action == ZC_ARCHIVE_ACTION_REJECT, NULL);

  if (n == 0 || self->comment_dialog != NULL)
    return self->comment_dialog;

  if (action == ZC_ARCHIVE_ACTION_RETURN)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Return %u Entry", "Return %u Entries", n), n);
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reject %u Entry", "Reject %u Entries", n), n);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   action == ZC_ARCHIVE_ACTION_RETURN
                                   ? _("The applicant sees the reason and can correct the entry.")
                                   : _("The applicant sees the reason. A rejected entry cannot be changed again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "decide", action == ZC_ARCHIVE_ACTION_RETURN ? _("_Return") : _("Re_ject"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "decide",
                                              action == ZC_ARCHIVE_ACTION_RETURN ? ADW_RESPONSE_SUGGESTED
                                                                                 : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);

  editor = zc_comment_editor_new (self->settings);
  gtk_widget_set_size_request (editor, 400, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), editor);
  g_signal_connect_swapped (gtk_text_view_get_buffer (zc_comment_editor_get_text_view (ZC_COMMENT_EDITOR (editor))),
                            "changed", G_CALLBACK (update_comment_response), self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (confirm_comment, NULL, NULL)));
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (dialog, shortcuts);

  g_object_set_data (G_OBJECT (dialog), "action", GUINT_TO_POINTER (action));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_comment_response), self, 0);
  self->comment_dialog = ADW_MESSAGE_DIALOG (dialog);
  self->comment_editor = ZC_COMMENT_EDITOR (editor);
  update_comment_response (self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (zc_comment_editor_get_text_view (ZC_COMMENT_EDITOR (editor))));
  return self->comment_dialog;
}

/* Returns: (transfer none) (nullable): the reason's editor, while asked */
ZcCommentEditor *
zc_review_desk_get_comment_editor (ZcReviewDesk *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), NULL);
  return self->comment_editor;
}

/* Returns: (nullable): the last message shown (a refusal, a summary) */
const char *
zc_review_desk_get_last_message (ZcReviewDesk *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), NULL);
  return self->last_message;
}

/* Actions */

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zc_review_desk_decide (ZC_REVIEW_DESK (widget), ZC_ARCHIVE_ACTION_APPROVE, NULL);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  zc_review_desk_ask_comment (ZC_REVIEW_DESK (widget), ZC_ARCHIVE_ACTION_RETURN);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  zc_review_desk_ask_comment (ZC_REVIEW_DESK (widget), ZC_ARCHIVE_ACTION_REJECT);
}

static void
move (ZcReviewDesk *self,
      int           delta)
{
  guint n_selected = 0;
  guint position = last_selected (self, &n_selected);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = delta > 0 ? 0 : n - 1;
  else if (delta > 0)
    position = MIN (position + 1, n - 1);
  else
    position = position > 0 ? position - 1 : 0;
  zc_review_desk_select_position (self, position);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move (ZC_REVIEW_DESK (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move (ZC_REVIEW_DESK (widget), -1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (ZC_REVIEW_DESK (widget)->search_entry));
}

/* Online: the applicants' names */

static void fetch_names (ZcReviewDesk *self,
                         guint         offset);

static void
on_names (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ZcReviewDesk) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *accounts = NULL;
  guint offset = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "names-offset"));

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The unit's people are not available: %s", error->message);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (answer) ||
      !zc_json_get_array (json_node_get_object (answer), "accounts", TRUE, &accounts, NULL))
    return;
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonNode *node = json_array_get_element (accounts, i);
      const char *id = NULL, *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !zc_json_get_string (json_node_get_object (node), "id", TRUE, &id, NULL) ||
          !zc_json_get_string (json_node_get_object (node), "name", TRUE, &name, NULL) ||
          id == NULL || name == NULL)
        continue;
      g_hash_table_insert (names, (gpointer) id, (gpointer) name);
    }
  if (!zc_local_store_review_set_person_names (self->store, names, &error))
    g_warning ("Cannot keep the applicants' names: %s", error->message);
  if (json_array_get_length (accounts) == 200)
    fetch_names (self, offset + 200);
}

static void
fetch_names (ZcReviewDesk *self,
             guint         offset)
{
  JsonObject *account = self->session != NULL ? zc_session_get_account (self->session) : NULL;
  JsonObject *unit = NULL;
  const char *unit_id = NULL;
  g_autofree char *path = NULL;

  if (account == NULL || zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN ||
      !zc_json_get_object (account, "unit", FALSE, &unit, NULL) || unit == NULL ||
      !zc_json_get_string (unit, "id", TRUE, &unit_id, NULL) || unit_id == NULL)
    return;
  path = g_strdup_printf ("/api/v1/units/%s/accounts?limit=200&offset=%u", unit_id, offset);
  g_object_set_data (G_OBJECT (self), "names-offset", GUINT_TO_POINTER (offset));
  zc_api_client_call_async (zc_session_get_api_client (self->session), "GET", path, NULL, self->cancellable,
                            on_names, g_object_ref (self));
}

static void
on_session_state (ZcReviewDesk *self)
{
  fetch_names (self, 0);
}

/**
 * zc_review_desk_set_session:
 * @session: (nullable): the officer's session; while signed in, the
 *   desk asks the server for the names of the unit's people
 */
void
zc_review_desk_set_session (ZcReviewDesk *self,
                            ZcSession    *session)
{
  g_return_if_fail (ZC_IS_REVIEW_DESK (self));
  g_return_if_fail (session == NULL || ZC_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
      fetch_names (self, 0);
    }
}

/* Accessors */

ZcReviewQueueModel *
zc_review_desk_get_model (ZcReviewDesk *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), NULL);
  return self->model;
}

GtkColumnView *
zc_review_desk_get_column_view (ZcReviewDesk *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), NULL);
  return self->column_view;
}

ZcReviewDetail *
zc_review_desk_get_detail (ZcReviewDesk *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), NULL);
  return self->detail;
}

/* GObject */

static void
zc_review_desk_dispose (GObject *object)
{
  ZcReviewDesk *self = ZC_REVIEW_DESK (object);

  if (self->comment_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->comment_dialog));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* the template's root is the bin's child: dispose_template would
   * unparent it behind the bin's back */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_REVIEW_DESK);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_review_desk_parent_class)->dispose (object);
}

static void
zc_review_desk_finalize (GObject *object)
{
  ZcReviewDesk *self = ZC_REVIEW_DESK (object);

  g_clear_pointer (&self->person_ids, g_ptr_array_unref);
  g_clear_pointer (&self->form_ids, g_ptr_array_unref);
  g_clear_pointer (&self->kept_ids, g_ptr_array_unref);
  g_free (self->last_message);

  G_OBJECT_CLASS (zc_review_desk_parent_class)->finalize (object);
}

static void
zc_review_desk_class_init (ZcReviewDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_review_desk_dispose;
  object_class->finalize = zc_review_desk_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-review-desk.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, toasts);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, person_filter);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, category_filter);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, status_filter);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, age_filter);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, column_view);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZcReviewDesk, detail_bin);

  gtk_widget_class_install_action (widget_class, "review.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "review.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "review.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "review.search", NULL, search_action);

  /* Ctrl+R is the window's sync */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "review.approve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "review.approve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, GDK_CONTROL_MASK, "review.return", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "review.reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "review.search", NULL);
}

static void
zc_review_desk_init (ZcReviewDesk *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_ids = g_ptr_array_new_with_free_func (g_free);
  self->form_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  self->focus_position = GTK_INVALID_LIST_POSITION;
}

/**
 * zc_review_desk_new:
 *
 * Returns: (transfer floating): the desk, showing the pending entries
 *   of @store's queue, longest waiting first
 */
GtkWidget *
zc_review_desk_new (ZcLocalStore *store)
{
  ZcReviewDesk *self;
  ZcReviewFilter filter;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_REVIEW_DESK, NULL);
  self->store = g_object_ref (store);
  self->settings = zc_comment_phrases_settings_new ();
  self->model = zc_review_queue_model_new (store);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  self->detail = ZC_REVIEW_DETAIL (zc_review_detail_new (store));
  adw_bin_set_child (self->detail_bin, GTK_WIDGET (self->detail));

  zc_review_desk_add_column (self, COLUMN_PERSON, _("Applicant"), TRUE, 110);
  zc_review_desk_add_column (self, COLUMN_CATEGORY, _("Category"), TRUE, 140);
  zc_review_desk_add_column (self, COLUMN_SUMMARY, _("Entry"), FALSE, -1);
  zc_review_desk_add_column (self, COLUMN_STATUS, _("Status"), TRUE, 230);
  zc_review_desk_add_column (self, COLUMN_AGE, _("Waiting"), TRUE, 80);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (zc_review_desk_on_sort_changed), self);

  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->model, "reloading", G_CALLBACK (on_reloading), self);
  g_signal_connect_swapped (self->model, "reloaded", G_CALLBACK (on_reloaded), self);
  g_signal_connect_object (store, "changed", G_CALLBACK (zc_review_desk_on_store_changed), self, G_CONNECT_SWAPPED);

  zc_review_desk_build_filters (self);
  zc_review_filter_init (&filter);
  filter.state = ZC_REVIEW_STATE_PENDING;
  zc_review_desk_set_filter (self, &filter);
  return GTK_WIDGET (self);
}
