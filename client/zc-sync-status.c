/* zc-sync-status.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync-status"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-entry-object.h"
#include "zc-sync-status.h"
#include "zc-window.h"

/* What the header's connection popover shows about sync (SPEC "Offline
 * and sync": online or offline, last sync, changes waiting, progress),
 * and what needs the user: changes the server refused, to open and fix
 * or to discard, and records changed in two places, to compare.  The
 * small indicator beside the header's connection label shows a spinner
 * while syncing and how many changes wait. */

#define REFRESH_SECONDS 30

struct _ZcSyncStatus
{
  GtkBox        parent_instance;

  ZcSyncEngine *engine;            /* owned */
  guint         refresh_id;

  GtkWidget    *state_icon;
  GtkWidget    *state_label;
  GtkWidget    *last_sync_label;
  GtkWidget    *waiting_label;
  GtkWidget    *progress_bar;
  GtkWidget    *error_label;
  GtkWidget    *sign_in_button;
  GtkWidget    *rejections_box;
  GtkWidget    *rejections_list;
  GtkWidget    *conflicts_box;
  GtkWidget    *conflicts_list;

  GPtrArray    *rejections;        /* of ZcLocalRejection */
  GPtrArray    *conflict_records;  /* of record ids, in order */
  guint         discard_index;     /* the refused change the open question is about */
};

G_DEFINE_FINAL_TYPE (ZcSyncStatus, zc_sync_status, GTK_TYPE_BOX)

/* Texts */

/**
 * zc_sync_status_describe_last_sync:
 * @last_sync: (nullable): when sync last succeeded
 * @now: the time to compare with
 *
 * Returns: (transfer full): one line for the user, in local time
 */
char *
zc_sync_status_describe_last_sync (GDateTime *last_sync,
                                   GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *clock = NULL;
  GTimeSpan age;

  g_return_val_if_fail (now != NULL, NULL);

  if (last_sync == NULL)
    return g_strdup (_("Not synchronised yet"));

  age = g_date_time_difference (now, last_sync);
  if (age >= -5 * G_TIME_SPAN_SECOND && age < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Last synchronised just now"));

  local = g_date_time_to_local (last_sync);
  local_now = g_date_time_to_local (now);
  clock = g_date_time_format (local, "%H:%M");
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    /* Translators: %s is a time of day such as 14:05 */
    return g_strdup_printf (_("Last synchronised today at %s"), clock);

  {
    g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
    /* Translators: the first %s is a date such as 2026-11-20, the second a time such as 14:05 */
    return g_strdup_printf (_("Last synchronised on %s at %s"), date, clock);
  }
}

/* Returns: (transfer full): how many changes wait, for the user */
char *
zc_sync_status_describe_waiting (guint waiting)
{
  if (waiting == 0)
    return g_strdup (_("Every change is on the server."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change waits to be sent to the server.",
                                       "%u changes wait to be sent to the server.", waiting), waiting);
}

/* "Papers · A study of …": the record as the user knows it */
static char *
describe_record (ZcLocalStore *store,
                 const char   *record_id,
                 const char   *kind)
{
  g_autoptr(ZcRecord) record = zc_local_store_get_record (store, record_id, NULL);
  const char *form_id = kind != NULL ? zc_local_store_kind_get_form_id (kind) : NULL;
  g_autoptr(ZcFormSchema) schema = NULL;

  if (g_strcmp0 (kind, ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0)
    return g_strdup (_("Personal information"));
  if (form_id != NULL)
    schema = zc_form_schema_lookup (form_id, NULL);
  if (schema == NULL)
    return g_strdup (_("A record"));
  if (record == NULL)
    return g_strdup (zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));

  {
    g_autoptr(ZcEntryObject) entry = zc_entry_object_new (record, schema);

    return g_strdup_printf ("%s · %s", zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE),
                            zc_entry_object_get_title (entry));
  }
}

/* Jumping to a record */

/**
 * zc_sync_status_open_record:
 * @from: a widget in the main window
 *
 * Shows the record in its page and opens it for editing: an archive
 * entry in the archive page, the personal information in its page.
 *
 * Returns: whether it could be shown
 */
gboolean
zc_sync_status_open_record (GtkWidget  *from,
                            const char *record_id,
                            const char *kind)
{
  GtkRoot *root;
  ZcArchivePage *archive;
  GtkWidget *stack;
  GtkWidget *popover;
  const char *form_id;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);

  root = gtk_widget_get_root (from);
  if (!ZC_IS_WINDOW (root))
    return FALSE;
  popover = gtk_widget_get_ancestor (from, GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  archive = zc_window_get_archive_page (ZC_WINDOW (root));
  stack = archive != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (archive), ADW_TYPE_VIEW_STACK) : NULL;

  if (g_strcmp0 (kind, ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0)
    {
      if (stack == NULL || adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "personal") == NULL)
        return FALSE;
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "personal");
      return TRUE;
    }

  form_id = kind != NULL ? zc_local_store_kind_get_form_id (kind) : NULL;
  if (archive == NULL || form_id == NULL || !zc_archive_page_select_category (archive, form_id))
    return FALSE;
  if (stack != NULL)
    adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), GTK_WIDGET (archive));
  if (!zc_archive_page_select_entry (archive, record_id))
    return FALSE;
  zc_archive_page_open_selected (archive);
  return TRUE;
}

/* Refresh */

static void on_discard_clicked (GtkButton *button, ZcSyncStatus *self);
static void on_open_clicked (GtkButton *button, ZcSyncStatus *self);
static void on_compare_clicked (GtkButton *button, ZcSyncStatus *self);

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
refresh_lists (ZcSyncStatus *self)
{
  ZcLocalStore *store = zc_sync_engine_get_store (self->engine);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->rejections, g_ptr_array_unref);
  self->rejections = zc_local_store_list_rejections (store, &error);
  if (self->rejections == NULL)
    {
      g_warning ("Reading the refused changes: %s", error->message);
      g_clear_error (&error);
      self->rejections = g_ptr_array_new ();
    }

  clear_list (self->rejections_list);
  for (guint i = 0; i < self->rejections->len; i++)
    {
      ZcLocalRejection *rejection = g_ptr_array_index (self->rejections, i);
      g_autofree char *title = describe_record (store, rejection->mutation->record_id, rejection->kind);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rejection->message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      button = row_button ("document-edit-symbolic", _("Open the entry to fix it"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      button = row_button ("user-trash-symbolic", _("Discard this change"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_discard_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (GTK_LIST_BOX (self->rejections_list), row);
    }
  gtk_widget_set_visible (self->rejections_box, self->rejections->len > 0);

  g_ptr_array_set_size (self->conflict_records, 0);
  clear_list (self->conflicts_list);
  conflicts = zc_local_store_list_conflicts (store, NULL, &error);
  if (conflicts == NULL)
    {
      g_warning ("Reading the conflicts: %s", error->message);
      conflicts = g_ptr_array_new ();
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      ZcConflict *conflict = g_ptr_array_index (conflicts, i);

      if (!g_ptr_array_find_with_equal_func (self->conflict_records, conflict->record_id, g_str_equal, NULL))
        g_ptr_array_add (self->conflict_records, g_strdup (conflict->record_id));
    }
  for (guint i = 0; i < self->conflict_records->len; i++)
    {
      const char *record_id = g_ptr_array_index (self->conflict_records, i);
      g_autoptr(ZcRecord) record = zc_local_store_get_record (store, record_id, NULL);
      g_autofree char *title = describe_record (store, record_id, record != NULL ? zc_record_get_kind (record) : NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Changed here and elsewhere: choose what to keep"));
      button = gtk_button_new_with_mnemonic (_("_Compare…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect (button, "clicked", G_CALLBACK (on_compare_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (GTK_LIST_BOX (self->conflicts_list), row);
    }
  gtk_widget_set_visible (self->conflicts_box, self->conflict_records->len > 0);
}

static void
refresh_state (ZcSyncStatus *self)
{
  ZcSyncState state = zc_sync_engine_get_state (self->engine);
  ZcSession *session = zc_sync_engine_get_session (self->engine);
  guint waiting = zc_sync_engine_get_changes_waiting (self->engine);
  const char *message = zc_sync_engine_get_error_message (self->engine);
  double progress = zc_sync_engine_get_progress (self->engine);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *last = zc_sync_status_describe_last_sync (zc_sync_engine_get_last_sync (self->engine), now);
  g_autofree char *waiting_text = zc_sync_status_describe_waiting (waiting);
  const char *icon = "emblem-ok-symbolic";
  const char *text = NULL;

  switch (state)
    {
    case ZC_SYNC_STATE_SYNCING:
      icon = "emblem-synchronizing-symbolic";
      text = _("Synchronising…");
      break;
    case ZC_SYNC_STATE_OFFLINE:
      icon = "network-offline-symbolic";
      text = _("Offline: your changes are kept on this computer");
      break;
    case ZC_SYNC_STATE_ERROR:
      icon = "dialog-warning-symbolic";
      text = _("Synchronisation failed");
      break;
    case ZC_SYNC_STATE_IDLE:
    default:
      text = waiting == 0 ? _("Up to date") : _("Changes waiting");
      break;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (self->state_icon), icon);
  gtk_label_set_label (GTK_LABEL (self->state_label), text);
  gtk_label_set_label (GTK_LABEL (self->last_sync_label), last);
  gtk_label_set_label (GTK_LABEL (self->waiting_label), waiting_text);

  gtk_widget_set_visible (self->progress_bar, state == ZC_SYNC_STATE_SYNCING);
  if (progress >= 0)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), progress);
  else
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress_bar));
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), zc_sync_engine_get_progress_text (self->engine));

  gtk_label_set_label (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL && state != ZC_SYNC_STATE_SYNCING);
  gtk_widget_set_visible (self->sign_in_button,
                          zc_session_get_state (session) == ZC_SESSION_STATE_EXPIRED ||
                          zc_session_get_state (session) == ZC_SESSION_STATE_PASSWORD_CHANGE);
}

/**
 * zc_sync_status_refresh:
 *
 * Reads the engine and the store again (it does so by itself when they
 * change).
 */
void
zc_sync_status_refresh (ZcSyncStatus *self)
{
  g_return_if_fail (ZC_IS_SYNC_STATUS (self));

  refresh_state (self);
  refresh_lists (self);
}

static gboolean
on_refresh_timeout (gpointer user_data)
{
  refresh_state (user_data);
  return G_SOURCE_CONTINUE;
}

/* Actions of the rows */

/* The position of the row a button is in: rows follow the lists. */
static guint
row_index (GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : G_MAXUINT;
}

static void
on_open_clicked (GtkButton    *button,
                 ZcSyncStatus *self)
{
  zc_sync_status_open_rejection (self, row_index (button));
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ZcSyncStatus     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discard") == 0 &&
      !zc_sync_status_discard_rejection (self, self->discard_index, &error))
    g_warning ("Discarding a refused change: %s", error->message);
}

static void
on_discard_clicked (GtkButton    *button,
                    ZcSyncStatus *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Discard This Change?"),
                                                       _("The server refused it. Discarding it brings back "
                                                         "what the server has; what you typed is lost.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  self->discard_index = row_index (button);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_compare_clicked (GtkButton    *button,
                    ZcSyncStatus *self)
{
  ZcConflictDialog *dialog = zc_sync_status_open_conflict (self, row_index (button));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

  if (dialog != NULL && popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* GObject */

static void
zc_sync_status_dispose (GObject *object)
{
  ZcSyncStatus *self = ZC_SYNC_STATUS (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->rejections, g_ptr_array_unref);
  g_clear_pointer (&self->conflict_records, g_ptr_array_unref);

  G_OBJECT_CLASS (zc_sync_status_parent_class)->dispose (object);
}

static void
zc_sync_status_class_init (ZcSyncStatusClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zc_sync_status_dispose;
}

static GtkWidget *
section (ZcSyncStatus *self,
         const char   *title,
         GtkWidget   **list_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_visible (box, FALSE);
  gtk_box_append (GTK_BOX (self), box);
  *list_out = list;
  return box;
}

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
zc_sync_status_init (ZcSyncStatus *self)
{
  GtkWidget *row, *buttons, *button;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self), "zc-sync-status");
  self->conflict_records = g_ptr_array_new_with_free_func (g_free);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->state_icon = gtk_image_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  self->state_label = wrapped_label ("heading");
  gtk_box_append (GTK_BOX (row), self->state_icon);
  gtk_box_append (GTK_BOX (row), self->state_label);
  gtk_box_append (GTK_BOX (self), row);

  self->last_sync_label = wrapped_label ("dim-label");
  gtk_box_append (GTK_BOX (self), self->last_sync_label);
  self->waiting_label = wrapped_label (NULL);
  gtk_box_append (GTK_BOX (self), self->waiting_label);

  self->progress_bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->progress_bar), TRUE);
  gtk_progress_bar_set_ellipsize (GTK_PROGRESS_BAR (self->progress_bar), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (self), self->progress_bar);

  self->error_label = wrapped_label ("error");
  gtk_box_append (GTK_BOX (self), self->error_label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("_Sync Now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.sync");
  gtk_widget_set_tooltip_text (button, _("Send and receive changes now (Ctrl+R)"));
  gtk_widget_set_hexpand (button, TRUE);
  gtk_box_append (GTK_BOX (buttons), button);
  self->sign_in_button = gtk_button_new_with_mnemonic (_("Sign _In Again…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sign_in_button), "app.sign-in-again");
  gtk_widget_add_css_class (self->sign_in_button, "suggested-action");
  gtk_widget_set_hexpand (self->sign_in_button, TRUE);
  gtk_box_append (GTK_BOX (buttons), self->sign_in_button);
  gtk_box_append (GTK_BOX (self), buttons);

  self->rejections_box = section (self, _("Refused by the server"), &self->rejections_list);
  self->conflicts_box = section (self, _("Changed in two places"), &self->conflicts_list);
}

/**
 * zc_sync_status_new:
 *
 * Returns: (transfer floating): the popover's sync section
 */
GtkWidget *
zc_sync_status_new (ZcSyncEngine *engine)
{
  ZcSyncStatus *self;

  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (engine), NULL);

  self = g_object_new (ZC_TYPE_SYNC_STATUS, NULL);
  self->engine = g_object_ref (engine);
  g_signal_connect_object (engine, "notify", G_CALLBACK (refresh_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zc_sync_engine_get_session (engine), "notify::state", G_CALLBACK (refresh_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (zc_sync_engine_get_store (engine), "changed", G_CALLBACK (refresh_lists), self,
                           G_CONNECT_SWAPPED);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, on_refresh_timeout, self);
  zc_sync_status_refresh (self);
  return GTK_WIDGET (self);
}

ZcSyncEngine *
zc_sync_status_get_engine (ZcSyncStatus *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), NULL);
  return self->engine;
}

const char *
zc_sync_status_get_state_text (ZcSyncStatus *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->state_label));
}

const char *
zc_sync_status_get_last_sync_text (ZcSyncStatus *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->last_sync_label));
}

const char *
zc_sync_status_get_waiting_text (ZcSyncStatus *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->waiting_label));
}

guint
zc_sync_status_get_n_rejections (ZcSyncStatus *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), 0);
  return self->rejections->len;
}

/* Records with fields in conflict (not fields). */
guint
zc_sync_status_get_n_conflicts (ZcSyncStatus *self)
{
  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), 0);
  return self->conflict_records->len;
}

/* What a refused change's "open" button does: the entry in its page,
 * opened for editing.  Returns: whether it was shown */
gboolean
zc_sync_status_open_rejection (ZcSyncStatus *self,
                               guint         index)
{
  ZcLocalRejection *rejection;

  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), FALSE);

  if (index >= self->rejections->len)
    return FALSE;
  rejection = g_ptr_array_index (self->rejections, index);
  return zc_sync_status_open_record (GTK_WIDGET (self), rejection->mutation->record_id, rejection->kind);
}

/* What confirming "discard" does. */
gboolean
zc_sync_status_discard_rejection (ZcSyncStatus  *self,
                                  guint          index,
                                  GError       **error)
{
  gint64 mutation_id;

  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), FALSE);

  if (index >= self->rejections->len)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND, "No refused change %u", index);
      return FALSE;
    }
  mutation_id = ((ZcLocalRejection *) g_ptr_array_index (self->rejections, index))->mutation->id;
  if (!zc_local_store_discard_rejection (zc_sync_engine_get_store (self->engine), mutation_id, error))
    return FALSE;
  refresh_lists (self);
  /* a record the server has comes back whole with the next pull */
  zc_sync_engine_sync_now (self->engine);
  return TRUE;
}

/**
 * zc_sync_status_open_conflict:
 *
 * Returns: (transfer none) (nullable): the dialog comparing the
 *   @index-th record's two versions, presented
 */
ZcConflictDialog *
zc_sync_status_open_conflict (ZcSyncStatus *self,
                              guint         index)
{
  g_autoptr(GError) error = NULL;
  ZcConflictDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (ZC_IS_SYNC_STATUS (self), NULL);

  if (index >= self->conflict_records->len)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = zc_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   zc_sync_engine_get_store (self->engine),
                                   g_ptr_array_index (self->conflict_records, index), &error);
  if (dialog == NULL)
    {
      g_warning ("Comparing versions: %s", error->message);
      refresh_lists (self);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The indicator */

typedef struct
{
  ZcSyncEngine *engine;   /* owned */
  GtkWidget    *spinner;
  GtkWidget    *badge;
} Indicator;

static void
indicator_free (gpointer  data,
                GObject  *box)
{
  Indicator *indicator = data;

  g_signal_handlers_disconnect_by_data (indicator->engine, indicator);
  g_object_unref (indicator->engine);
  g_free (indicator);
}

static void
update_indicator (Indicator *indicator)
{
  guint waiting = zc_sync_engine_get_changes_waiting (indicator->engine);
  gboolean syncing = zc_sync_engine_get_state (indicator->engine) == ZC_SYNC_STATE_SYNCING;
  g_autofree char *count = g_strdup_printf ("%u", waiting);
  g_autofree char *tooltip = zc_sync_status_describe_waiting (waiting);

  gtk_spinner_set_spinning (GTK_SPINNER (indicator->spinner), syncing);
  gtk_widget_set_visible (indicator->spinner, syncing);
  gtk_label_set_label (GTK_LABEL (indicator->badge), count);
  gtk_widget_set_visible (indicator->badge, waiting > 0);
  gtk_widget_set_tooltip_text (indicator->badge, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (indicator->badge), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/**
 * zc_sync_status_new_indicator:
 *
 * Returns: (transfer floating): a spinner while syncing and the number
 *   of changes waiting, for the header beside the connection state
 */
GtkWidget *
zc_sync_status_new_indicator (ZcSyncEngine *engine)
{
  Indicator *indicator;
  GtkWidget *box;

  g_return_val_if_fail (ZC_IS_SYNC_ENGINE (engine), NULL);

  indicator = g_new0 (Indicator, 1);
  indicator->engine = g_object_ref (engine);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  indicator->spinner = gtk_spinner_new ();
  indicator->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (indicator->badge, "zc-sync-badge");
  gtk_widget_add_css_class (indicator->badge, "accent");
  gtk_widget_add_css_class (indicator->badge, "numeric");
  gtk_widget_add_css_class (indicator->badge, "caption-heading");
  gtk_widget_set_valign (indicator->badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), indicator->spinner);
  gtk_box_append (GTK_BOX (box), indicator->badge);
  /* it lives as long as the box */
  g_object_weak_ref (G_OBJECT (box), indicator_free, indicator);
  g_signal_connect_swapped (engine, "notify::state", G_CALLBACK (update_indicator), indicator);
  g_signal_connect_swapped (engine, "notify::changes-waiting", G_CALLBACK (update_indicator), indicator);
  update_indicator (indicator);
  return box;
}

/* Signing out */

typedef struct
{
  ZcSignOutChoice choice;
  gpointer        user_data;
} SignOut;

static void
on_sign_out_response (AdwMessageDialog *dialog,
                      const char       *response,
                      SignOut          *sign_out)
{
  if (g_strcmp0 (response, "keep") == 0)
    sign_out->choice (FALSE, sign_out->user_data);
  else if (g_strcmp0 (response, "remove") == 0)
    sign_out->choice (TRUE, sign_out->user_data);
}

/**
 * zc_sync_status_confirm_sign_out:
 * @kiosk: on a shared machine nothing may stay: removing is the only way
 * @choice: called with the user's choice; not called when they cancel
 *
 * Asks whether to keep the local copy for the next sign-in or to
 * remove it, saying how many changes would be lost with it.
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
zc_sync_status_confirm_sign_out (GtkWindow       *parent,
                                 ZcSyncEngine    *engine,
                                 gboolean         kiosk,
                                 ZcSignOutChoice  choice,
                                 gpointer         user_data)
{
  guint waiting = engine != NULL ? zc_sync_engine_get_changes_waiting (engine) : 0;
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  SignOut *sign_out;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (engine == NULL || ZC_IS_SYNC_ENGINE (engine), NULL);
  g_return_val_if_fail (choice != NULL, NULL);

  if (kiosk)
    g_string_append (body, _("Everything of yours is removed from this computer."));
  else
    g_string_append (body, _("Keep a copy of your data on this computer for the next time you sign in, "
                             "or remove it."));
  if (waiting > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u change has not reached the server yet: removing the copy loses it.",
                                           "%u changes have not reached the server yet: removing the copy loses them.",
                                           waiting), waiting);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Sign Out?"), body->str));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (!kiosk)
    adw_message_dialog_add_response (dialog, "keep", _("Sign Out, _Keep Copy"));
  adw_message_dialog_add_response (dialog, "remove", _("Sign Out, _Remove Copy"));
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, kiosk ? "remove" : "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");

  sign_out = g_new0 (SignOut, 1);
  sign_out->choice = choice;
  sign_out->user_data = user_data;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_sign_out_response), sign_out,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
