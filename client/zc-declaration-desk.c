/* zc-declaration-desk.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-declaration-desk.h"
#include "zc-plan.h"

/* Everything here is the server's: the queue, the declaration, its
 * review form.  An officer acts on what they see, so each action
 * carries the state and version shown; a refusal because someone acted
 * first reloads the declaration. */

#define PAGE_SIZE 50

struct _ZcDeclarationDesk
{
  AdwBin                  parent_instance;

  ZcLocalStore           *store;        /* owned */
  ZcSession              *session;      /* owned */
  ZcRole                  role;
  GPtrArray              *records;      /* owned, of JsonObject, one per row */
  gint64                  total;
  GHashTable             *plans;        /* owned: id → ZcPlan */
  GPtrArray              *state_ids;    /* owned: the filter's states, [0] NULL for all */
  GPtrArray              *plan_ids;     /* owned: the filter's plans, [0] NULL for all */
  char                   *selected_id;  /* owned, nullable */
  JsonNode               *detail;       /* owned, nullable: GET /api/v1/declarations/{id} */
  GCancellable           *listing;      /* owned, nullable */
  GCancellable           *loading;      /* owned, nullable: the detail */
  GCancellable           *downloading;  /* owned, nullable: the review form */
  GCancellable           *planning;     /* owned, nullable */
  GtkWidget              *dialog;       /* weak, nullable */
  gboolean                filling;

  GtkDropDown            *state_drop;
  GtkDropDown            *plan_drop;
  GtkWidget              *search;
  GtkWidget              *status;       /* offline, errors */
  GtkListBox             *list;
  GtkWidget              *empty;
  GtkWidget              *more;
  GtkWidget              *nothing;      /* no declaration chosen */
  GtkWidget              *details;
  GtkLabel               *applicant_label;
  GtkLabel               *title_label;
  GtkLabel               *plan_label;
  GtkLabel               *state_label;
  GtkLabel               *warning_label;
  GtkLabel               *notice_label;
  GtkWidget              *actions;
  GtkWidget              *buttons[ZC_N_DECLARATION_ACTIONS];
  ZcDeclarationTimeline  *timeline;
  GtkStack               *form_stack;
  GtkLabel               *form_status;
  ZcPdfView              *pdf_view;
};

G_DEFINE_FINAL_TYPE (ZcDeclarationDesk, zc_declaration_desk, ADW_TYPE_BIN)

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : fallback;
}

static gboolean
is_online (ZcDeclarationDesk *self)
{
  return zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN;
}

static char *
record_title (JsonObject *record)
{
  JsonObject *pick = member_object (member_object (record, "body"), "title");
  const char *title = member_string (pick, "title");
  const char *specialty = member_string (pick, "specialty");

  if (title == NULL)
    return g_strdup (_("Title not chosen"));
  if (specialty == NULL || *specialty == '\0')
    return g_strdup (title);
  /* Translators: a title and its specialty */
  return g_strdup_printf (_("%s (%s)"), title, specialty);
}

static const char *
record_applicant (JsonObject *record)
{
  const char *name = member_string (member_object (record, "applicant"), "name");

  return name != NULL ? name : _("Unknown applicant");
}

static const char *
record_state_label (JsonObject *record)
{
  const char *label = member_string (record, "state_label");
  ZcDeclarationState state;

  if (label != NULL)
    return label;
  if (zc_declaration_state_from_string (member_string (record, "state"), &state))
    return zc_declaration_state_get_label (state, ZC_LANGUAGE_LOCALE);
  return member_string (record, "state");
}

static const char *
plan_name (ZcDeclarationDesk *self,
           JsonObject        *record)
{
  const char *plan_id = member_string (member_object (record, "body"), "plan_id");
  ZcPlan *plan = plan_id != NULL ? g_hash_table_lookup (self->plans, plan_id) : NULL;

  return plan != NULL ? zc_plan_get_name (plan) : _("Plan not known");
}

/* "2026-03-09" in Beijing */
static char *
beijing_day (const char *timestamp)
{
  g_autoptr(GDateTime) time = timestamp != NULL ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_timezone (time, zone);
  return g_date_time_format (local, "%Y-%m-%d");
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The queue */

static GtkWidget *
record_row (ZcDeclarationDesk *self,
            JsonObject        *record)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = record_title (record);
  g_autofree char *day = beijing_day (member_string (record, "submitted_at"));
  g_autoptr(GString) subtitle = g_string_new (title);

  g_string_append_printf (subtitle, "\n%s · %s", record_state_label (record), plan_name (self, record));
  if (day != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("submitted %s"), day);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record_applicant (record));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "declaration-id", g_strdup (member_string (record, "id")), g_free);
  return row;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  ZcDeclarationDesk *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;
  int index = gtk_list_box_row_get_index (row);
  JsonObject *record;
  g_autofree char *title = NULL;

  if (text == NULL || *text == '\0' || index < 0 || (guint) index >= self->records->len)
    return TRUE;
  record = g_ptr_array_index (self->records, index);
  title = record_title (record);
  needle = g_utf8_casefold (text, -1);
  haystack = g_utf8_casefold (record_applicant (record), -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (title, -1);
  return strstr (haystack, needle) != NULL;
}

static void
show_rows (ZcDeclarationDesk *self)
{
  GtkWidget *child;
  guint n_visible;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->records->len; i++)
    {
      GtkWidget *row = record_row (self, g_ptr_array_index (self->records, i));

      gtk_list_box_append (self->list, row);
      if (g_strcmp0 (member_string (g_ptr_array_index (self->records, i), "id"), self->selected_id) == 0)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
  n_visible = zc_declaration_desk_get_n_visible_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n_visible > 0);
  gtk_widget_set_visible (self->empty, n_visible == 0);
  gtk_widget_set_visible (self->more, (gint64) self->records->len < self->total);
}

static void
set_status (ZcDeclarationDesk *self,
            const char        *text)
{
  set_label (GTK_LABEL (self->status), text);
}

static void list_page (ZcDeclarationDesk *self,
                       guint              offset);

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZcDeclarationDesk) self = user_data;
  guint offset = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->listing), "offset"));
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  page = zc_api_client_list_declarations_finish (ZC_API_CLIENT (source), result, &total, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->listing);
  if (page == NULL)
    {
      if (error->domain == ZC_API_CLIENT_ERROR && error->code == ZC_API_CLIENT_ERROR_NETWORK)
        set_status (self, _("Offline: the list is as it was last loaded. Refresh (F5) when the server can be "
                            "reached."));
      else
        set_status (self, error->message);
      return;
    }
  set_status (self, NULL);
  if (offset == 0)
    g_ptr_array_set_size (self->records, 0);
  g_ptr_array_extend_and_steal (self->records, g_steal_pointer (&page));
  self->total = MAX (total, (gint64) self->records->len);
  show_rows (self);
}

static void
list_page (ZcDeclarationDesk *self,
           guint              offset)
{
  guint state_index = gtk_drop_down_get_selected (self->state_drop);
  guint plan_index = gtk_drop_down_get_selected (self->plan_drop);
  const char *state = state_index < self->state_ids->len ? g_ptr_array_index (self->state_ids, state_index) : NULL;
  const char *plan_id = plan_index < self->plan_ids->len ? g_ptr_array_index (self->plan_ids, plan_index) : NULL;

  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (!is_online (self))
    {
      set_status (self, _("Offline: the list is as it was last loaded. Sign in again or refresh (F5) when the "
                          "server can be reached."));
      return;
    }
  self->listing = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->listing), "offset", GUINT_TO_POINTER (offset));
  zc_api_client_list_declarations_async (zc_session_get_api_client (self->session), state, plan_id, PAGE_SIZE,
                                         offset, self->listing, on_listed, g_object_ref (self));
}

static void
on_more (ZcDeclarationDesk *self)
{
  list_page (self, self->records->len);
}

static void
on_filter_changed (ZcDeclarationDesk *self)
{
  if (!self->filling)
    list_page (self, 0);
}

static void
on_search_changed (ZcDeclarationDesk *self)
{
  guint n_visible;

  gtk_list_box_invalidate_filter (self->list);
  n_visible = zc_declaration_desk_get_n_visible_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n_visible > 0);
  gtk_widget_set_visible (self->empty, n_visible == 0);
}

/* The plans: names for the rows, the plan filter */

static void
fill_plan_filter (ZcDeclarationDesk *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_ptr_array_set_size (self->plan_ids, 0);
  g_ptr_array_add (self->plan_ids, NULL);
  gtk_string_list_append (names, _("All plans"));
  g_hash_table_iter_init (&iter, self->plans);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (self->plan_ids, g_strdup (key));
      gtk_string_list_append (names, zc_plan_get_name (value));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->plan_drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->plan_drop, 0);
  self->filling = FALSE;
}

static void
on_plans (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ZcDeclarationDesk) self = user_data;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  plans = zc_api_client_list_plans_finish (ZC_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->planning);
  if (plans == NULL)
    {
      g_debug ("No plans: %s", error->message);
      return;
    }
  g_hash_table_remove_all (self->plans);
  for (guint i = 0; i < plans->len; i++)
    g_hash_table_insert (self->plans, g_strdup (zc_plan_get_id (plans->pdata[i])), zc_plan_ref (plans->pdata[i]));
  fill_plan_filter (self);
  show_rows (self);
}

/* The declaration */

static void open_dialog (ZcDeclarationDesk   *self,
                         ZcDeclarationAction  action);

static void
on_action_clicked (GtkButton         *button,
                   ZcDeclarationDesk *self)
{
  open_dialog (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "action")));
}

static void
fill_actions (ZcDeclarationDesk *self,
              JsonObject        *record,
              JsonObject        *plan)
{
  ZcPlanType plan_type = ZC_PLAN_TYPE_REVIEW;
  ZcDeclarationState state;
  g_autoptr(GArray) actions = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->actions)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->actions), child);
  memset (self->buttons, 0, sizeof self->buttons);
  if (!zc_declaration_state_from_string (member_string (record, "state"), &state))
    return;
  if (!zc_plan_type_from_string (member_string (plan, "type"), &plan_type))
    plan_type = ZC_PLAN_TYPE_REVIEW;

  actions = zc_declaration_workflow_available_actions (plan_type, state, self->role);
  /* the way forward first, suggested; a return last */
  for (guint i = 0; i < actions->len; i++)
    if (g_array_index (actions, ZcDeclarationAction, i) == ZC_DECLARATION_ACTION_RETURN)
      {
        ZcDeclarationAction back = ZC_DECLARATION_ACTION_RETURN;

        g_array_remove_index (actions, i);
        g_array_append_val (actions, back);
        break;
      }
  for (guint i = 0; i < actions->len; i++)
    {
      ZcDeclarationAction action = g_array_index (actions, ZcDeclarationAction, i);
      GtkWidget *button = gtk_button_new_with_mnemonic (zc_declaration_action_dialog_button_label (action));

      if (i == 0 && action != ZC_DECLARATION_ACTION_RETURN)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "action", GINT_TO_POINTER (action));
      g_signal_connect (button, "clicked", G_CALLBACK (on_action_clicked), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->actions), button);
      self->buttons[action] = button;
    }
  gtk_widget_set_visible (self->actions, actions->len > 0);
}

/* "含 N 项单位未审核的业绩": the frozen form marks the picks the unit had
 * not approved when they were picked; the server may count them. */
static gint64
pending_picks (JsonObject *detail,
               JsonObject *record)
{
  gint64 n = member_int (detail, "pending_picks", -1);

  return n >= 0 ? n : member_int (record, "pending_picks", 0);
}

static void
on_form (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ZcDeclarationDesk) self = user_data;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  pdf = zc_api_client_download_finish (ZC_API_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->downloading);
  if (pdf != NULL && zc_pdf_view_load_bytes (self->pdf_view, pdf, &error))
    {
      gtk_stack_set_visible_child_name (self->form_stack, "pdf");
      return;
    }
  gtk_label_set_label (self->form_status, error->domain == ZC_API_CLIENT_ERROR &&
                                          error->code == ZC_API_CLIENT_ERROR_NETWORK
                                            ? _("Offline: the review form cannot be shown.")
                                            : error->message);
  gtk_stack_set_visible_child_name (self->form_stack, "status");
}

static void
fill_details (ZcDeclarationDesk *self)
{
  JsonObject *detail = self->detail != NULL ? json_node_get_object (self->detail) : NULL;
  JsonObject *record = member_object (detail, "record");
  JsonObject *plan = member_object (detail, "plan");
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  g_autofree char *warning = NULL;
  gint64 pending;

  gtk_widget_set_visible (self->details, record != NULL);
  gtk_widget_set_visible (self->nothing, record == NULL);
  if (record == NULL)
    return;

  title = record_title (record);
  gtk_label_set_label (self->applicant_label, record_applicant (record));
  gtk_label_set_label (self->title_label, title);
  set_label (self->plan_label, member_string (plan, "name"));
  state = g_strdup_printf (_("State: %s"), record_state_label (record));
  gtk_label_set_label (self->state_label, state);
  pending = pending_picks (detail, record);
  if (pending > 0)
    warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Includes %d entry the unit has not reviewed",
                                            "Includes %d entries the unit has not reviewed", (gulong) pending),
                               (int) pending);
  set_label (self->warning_label, warning);
  fill_actions (self, record, plan);
  entries = zc_declaration_timeline_entries_from_json (self->detail);
  zc_declaration_timeline_set_entries (self->timeline, entries);
}

static void
on_detail (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZcDeclarationDesk) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  answer = zc_api_client_get_declaration_finish (ZC_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (answer == NULL)
    {
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NOT_FOUND))
        {
          /* withdrawn to a draft: the applicant's alone again */
          set_label (self->notice_label,
                     _("This declaration is no longer in your queue: it was withdrawn or moved on."));
          g_clear_pointer (&self->detail, json_node_unref);
        }
      else
        set_label (self->notice_label, g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK)
                                         ? _("Offline: the declaration cannot be loaded now.")
                                         : error->message);
      if (self->detail == NULL)
        {
          gtk_widget_set_visible (self->details, FALSE);
          gtk_widget_set_visible (self->nothing, TRUE);
        }
      return;
    }
  g_clear_pointer (&self->detail, json_node_unref);
  self->detail = g_steal_pointer (&answer);
  fill_details (self);

  id = member_string (member_object (json_node_get_object (self->detail), "record"), "id");
  g_cancellable_cancel (self->downloading);
  g_clear_object (&self->downloading);
  if (id == NULL)
    return;
  gtk_label_set_label (self->form_status, _("Loading the review form…"));
  gtk_stack_set_visible_child_name (self->form_stack, "status");
  self->downloading = g_cancellable_new ();
  zc_api_client_download_review_form_async (zc_session_get_api_client (self->session), id, self->downloading,
                                            on_form, g_object_ref (self));
}

static void
load_detail (ZcDeclarationDesk *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->selected_id == NULL)
    return;
  if (!is_online (self))
    {
      set_label (self->notice_label, _("Offline: the declaration cannot be loaded now."));
      return;
    }
  self->loading = g_cancellable_new ();
  zc_api_client_get_declaration_async (zc_session_get_api_client (self->session), self->selected_id, self->loading,
                                       on_detail, g_object_ref (self));
}

static void
on_row_selected (ZcDeclarationDesk *self,
                 GtkListBoxRow     *row)
{
  const char *id = row != NULL ? g_object_get_data (G_OBJECT (row), "declaration-id") : NULL;

  if (self->filling || id == NULL || g_strcmp0 (id, self->selected_id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  set_label (self->notice_label, NULL);
  g_clear_pointer (&self->detail, json_node_unref);
  load_detail (self);
}

/* Acting */

static void
on_acted (ZcDeclarationActionDialog *dialog,
          JsonNode                  *record,
          ZcDeclarationDesk         *self)
{
  g_autofree char *notice = NULL;
  const char *state = JSON_NODE_HOLDS_OBJECT (record) ? member_string (json_node_get_object (record), "state_label")
                                                      : NULL;

  notice = g_strdup_printf (_("“%s” done; the declaration is now: %s"),
                            zc_declaration_action_get_label (zc_declaration_action_dialog_get_action (dialog),
                                                             ZC_LANGUAGE_LOCALE),
                            state != NULL ? state : "");
  set_label (self->notice_label, notice);
  load_detail (self);
  list_page (self, 0);
}

static void
on_changed_meanwhile (ZcDeclarationActionDialog *dialog,
                      ZcDeclarationDesk         *self)
{
  set_label (self->notice_label, _("This declaration changed meanwhile — look again."));
  load_detail (self);
  list_page (self, 0);
}

static void
open_dialog (ZcDeclarationDesk   *self,
             ZcDeclarationAction  action)
{
  JsonObject *record = self->detail != NULL ? member_object (json_node_get_object (self->detail), "record") : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ZcDeclarationActionDialog *dialog;
  ZcDeclarationState state;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;

  if (record == NULL || !zc_declaration_state_from_string (member_string (record, "state"), &state))
    return;
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  title = record_title (record);
  subject = g_strdup_printf ("%s · %s", record_applicant (record), title);
  dialog = zc_declaration_action_dialog_new (action, subject, NULL);
  zc_declaration_action_dialog_set_target (dialog, zc_session_get_api_client (self->session),
                                           member_string (record, "id"), state, member_int (record, "version", 0));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "acted", G_CALLBACK (on_acted), self, 0);
  g_signal_connect_object (dialog, "changed-meanwhile", G_CALLBACK (on_changed_meanwhile), self, 0);
  self->dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zc_declaration_desk_refresh (ZC_DECLARATION_DESK (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (ZC_DECLARATION_DESK (widget)->search);
}

/* Building */

static GtkLabel *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static GtkDropDown *
labelled_drop_down (GtkWidget  *box,
                    const char *mnemonic)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *drop = gtk_drop_down_new (NULL, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_widget_set_hexpand (drop, TRUE);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), drop);
  gtk_box_append (GTK_BOX (box), row);
  return GTK_DROP_DOWN (drop);
}

static void
fill_state_filter (ZcDeclarationDesk *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_add (self->state_ids, NULL);
  gtk_string_list_append (names, _("All states"));
  /* the states this role acts on, in the chain's order */
  for (guint state = 0; state < ZC_N_DECLARATION_STATES; state++)
    {
      g_autoptr(GArray) review = zc_declaration_workflow_available_actions (ZC_PLAN_TYPE_REVIEW, state, self->role);
      g_autoptr(GArray) determination = zc_declaration_workflow_available_actions (ZC_PLAN_TYPE_DETERMINATION, state,
                                                                                   self->role);

      if (review->len == 0 && determination->len == 0)
        continue;
      g_ptr_array_add (self->state_ids, g_strdup (zc_declaration_state_to_string (state)));
      gtk_string_list_append (names, zc_declaration_state_get_label (state, ZC_LANGUAGE_LOCALE));
    }
  gtk_drop_down_set_model (self->state_drop, G_LIST_MODEL (names));
}

static GtkWidget *
build_queue (ZcDeclarationDesk *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (_("Declarations to Review"));
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_start (pane, 12);
  gtk_widget_set_margin_end (pane, 12);
  gtk_widget_set_margin_top (pane, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_widget_set_tooltip_text (refresh, _("Refresh (F5)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Refresh"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (refresh), "desk.refresh");
  gtk_box_append (GTK_BOX (top), heading);
  gtk_box_append (GTK_BOX (top), refresh);
  gtk_box_append (GTK_BOX (pane), top);

  self->state_drop = labelled_drop_down (pane, _("_State"));
  fill_state_filter (self);
  self->plan_drop = labelled_drop_down (pane, _("_Plan"));
  fill_plan_filter (self);
  g_signal_connect_swapped (self->state_drop, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->plan_drop, "notify::selected", G_CALLBACK (on_filter_changed), self);

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search by name (Ctrl+F)"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search by name"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (pane), self->search);

  self->status = GTK_WIDGET (wrapped_label ("warning"));
  gtk_widget_set_visible (self->status, FALSE);
  gtk_box_append (GTK_BOX (pane), self->status);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Declarations to review"), -1);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("Nothing to review"));
  gtk_widget_add_css_class (self->empty, "compact");
  gtk_box_append (GTK_BOX (box), self->empty);

  self->more = gtk_button_new_with_mnemonic (_("_Load More"));
  gtk_widget_set_halign (self->more, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->more, FALSE);
  g_signal_connect_swapped (self->more, "clicked", G_CALLBACK (on_more), self);
  gtk_box_append (GTK_BOX (box), self->more);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (pane), scroller);
  gtk_widget_set_size_request (pane, 240, -1);
  return pane;
}

static GtkWidget *
build_info (ZcDeclarationDesk *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *progress = gtk_label_new (_("Progress"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  self->applicant_label = wrapped_label ("title-2");
  self->title_label = wrapped_label ("title-4");
  self->plan_label = wrapped_label ("dim-label");
  self->state_label = wrapped_label (NULL);
  self->warning_label = wrapped_label ("warning");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), FALSE);
  self->actions = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->actions), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->actions), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->actions), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->actions), 6);
  gtk_widget_set_margin_top (self->actions, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->actions), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actions"), -1);
  gtk_label_set_xalign (GTK_LABEL (progress), 0);
  gtk_widget_add_css_class (progress, "heading");
  gtk_widget_set_margin_top (progress, 12);
  self->timeline = ZC_DECLARATION_TIMELINE (zc_declaration_timeline_new ());

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->applicant_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->plan_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->state_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->warning_label));
  gtk_box_append (GTK_BOX (box), self->actions);
  gtk_box_append (GTK_BOX (box), progress);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->timeline));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_size_request (scroller, 280, -1);
  return scroller;
}

static GtkWidget *
build_details (ZcDeclarationDesk *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  /* above both the declaration and its absence: a refusal may leave none */
  self->notice_label = wrapped_label ("accent");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->notice_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->notice_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->notice_label), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->notice_label), 8);
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->notice_label));

  self->nothing = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->nothing), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->nothing), _("No declaration chosen"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->nothing),
                                   _("Choose one from the list to see it with its review form."));
  gtk_widget_set_vexpand (self->nothing, TRUE);
  gtk_widget_set_hexpand (self->nothing, TRUE);
  gtk_box_append (GTK_BOX (pane), self->nothing);

  gtk_box_append (GTK_BOX (row), build_info (self));
  gtk_box_append (GTK_BOX (row), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  self->form_stack = GTK_STACK (gtk_stack_new ());
  self->form_status = wrapped_label ("dim-label");
  gtk_label_set_xalign (self->form_status, 0.5);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (status), GTK_WIDGET (self->form_status));
  gtk_stack_add_named (self->form_stack, status, "status");
  self->pdf_view = ZC_PDF_VIEW (zc_pdf_view_new ());
  zc_pdf_view_set_fit_width (self->pdf_view, TRUE);
  /* the pages need the room; the outline is a click away */
  zc_pdf_view_set_outline_visible (self->pdf_view, FALSE);
  zc_pdf_view_set_suggested_name (self->pdf_view, "review-form.pdf");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pdf_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review form"), -1);
  gtk_stack_add_named (self->form_stack, GTK_WIDGET (self->pdf_view), "pdf");
  gtk_widget_set_hexpand (GTK_WIDGET (self->form_stack), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->form_stack));
  gtk_widget_set_vexpand (row, TRUE);
  self->details = row;
  gtk_widget_set_visible (row, FALSE);
  gtk_box_append (GTK_BOX (pane), row);
  gtk_widget_set_hexpand (pane, TRUE);
  return pane;
}

static void
zc_declaration_desk_dispose (GObject *object)
{
  ZcDeclarationDesk *self = ZC_DECLARATION_DESK (object);
  GCancellable **pending[] = { &self->listing, &self->loading, &self->downloading, &self->planning };

  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    {
      g_cancellable_cancel (*pending[i]);
      g_clear_object (pending[i]);
    }
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->list = NULL;
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->state_ids, g_ptr_array_unref);
  g_clear_pointer (&self->plan_ids, g_ptr_array_unref);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->detail, json_node_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_declaration_desk_parent_class)->dispose (object);
}

static void
zc_declaration_desk_class_init (ZcDeclarationDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_declaration_desk_dispose;
  gtk_widget_class_install_action (widget_class, "desk.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "desk.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "desk.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "desk.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "desk.search", NULL);
}

static void
zc_declaration_desk_init (ZcDeclarationDesk *self)
{
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) zc_plan_unref);
  self->state_ids = g_ptr_array_new_with_free_func (g_free);
  self->plan_ids = g_ptr_array_new_with_free_func (g_free);
}

/**
 * zc_declaration_desk_new:
 * @store: the signed-in account's local store
 * @session: the session whose role and server the desk uses
 *
 * Returns: (transfer floating): the desk, loading its queue
 */
GtkWidget *
zc_declaration_desk_new (ZcLocalStore *store,
                         ZcSession    *session)
{
  ZcDeclarationDesk *self;
  GtkWidget *paned;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_DECLARATION_DESK, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  if (!zc_role_from_string (zc_session_get_role (session), &self->role))
    self->role = ZC_ROLE_APPLICANT;

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (paned), build_queue (self));
  gtk_paned_set_end_child (GTK_PANED (paned), build_details (self));
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 320);
  adw_bin_set_child (ADW_BIN (self), paned);

  zc_declaration_desk_refresh (self);
  return GTK_WIDGET (self);
}

/* The queue from its start, the plans, and the declaration shown. */
void
zc_declaration_desk_refresh (ZcDeclarationDesk *self)
{
  g_return_if_fail (ZC_IS_DECLARATION_DESK (self));

  list_page (self, 0);
  if (is_online (self) && self->planning == NULL)
    {
      self->planning = g_cancellable_new ();
      zc_api_client_list_plans_async (zc_session_get_api_client (self->session), self->planning, on_plans,
                                      g_object_ref (self));
    }
  load_detail (self);
}

gboolean
zc_declaration_desk_is_loading (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  return self->listing != NULL || self->planning != NULL;
}

guint
zc_declaration_desk_get_n_rows (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  return self->records->len;
}

/* The rows the search leaves shown. */
guint
zc_declaration_desk_get_n_visible_rows (ZcDeclarationDesk *self)
{
  guint n = 0;

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && filter_row (GTK_LIST_BOX_ROW (row), self))
      n++;
  return n;
}

gint64
zc_declaration_desk_get_total (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  return self->total;
}

gboolean
zc_declaration_desk_has_row (ZcDeclarationDesk *self,
                             const char        *declaration_id)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  g_return_val_if_fail (declaration_id != NULL, FALSE);

  for (guint i = 0; i < self->records->len; i++)
    if (g_strcmp0 (member_string (g_ptr_array_index (self->records, i), "id"), declaration_id) == 0)
      return TRUE;
  return FALSE;
}

/* @state: (nullable): a state id of the filter, or %NULL for all */
void
zc_declaration_desk_set_state_filter (ZcDeclarationDesk *self,
                                      const char        *state)
{
  g_return_if_fail (ZC_IS_DECLARATION_DESK (self));

  for (guint i = 0; i < self->state_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->state_ids, i), state) == 0)
      {
        gtk_drop_down_set_selected (self->state_drop, i);
        return;
      }
  g_warning ("The state %s is not in this desk's filter", state);
}

void
zc_declaration_desk_set_search (ZcDeclarationDesk *self,
                                const char        *text)
{
  g_return_if_fail (ZC_IS_DECLARATION_DESK (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), text != NULL ? text : "");
  on_search_changed (self);
}

/* Shows @declaration_id, loading it; FALSE when it is not in the list. */
gboolean
zc_declaration_desk_select (ZcDeclarationDesk *self,
                            const char        *declaration_id)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  g_return_val_if_fail (declaration_id != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "declaration-id"), declaration_id) == 0)
      {
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        gtk_widget_grab_focus (row);
        return TRUE;
      }
  return FALSE;
}

const char *
zc_declaration_desk_get_selected_id (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return self->selected_id;
}

/* Returns: (transfer none) (nullable): the server's answer for the
 * declaration shown */
JsonNode *
zc_declaration_desk_get_detail (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return self->detail;
}

gboolean
zc_declaration_desk_is_detail_loading (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  return self->loading != NULL || self->downloading != NULL;
}

/* Returns: (nullable): what the queue says of itself (offline …) */
const char *
zc_declaration_desk_get_status (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return gtk_widget_get_visible (self->status) ? gtk_label_get_label (GTK_LABEL (self->status)) : NULL;
}

/* Returns: (nullable): the last action's outcome, or a refusal */
const char *
zc_declaration_desk_get_notice (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->notice_label)) ? gtk_label_get_label (self->notice_label) : NULL;
}

/* Returns: (nullable): the pending-picks warning */
const char *
zc_declaration_desk_get_warning (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->warning_label)) ? gtk_label_get_label (self->warning_label)
                                                                    : NULL;
}

GtkListBox *
zc_declaration_desk_get_list (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return self->list;
}

ZcPdfView *
zc_declaration_desk_get_pdf_view (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return self->pdf_view;
}

ZcDeclarationTimeline *
zc_declaration_desk_get_timeline (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return self->timeline;
}

/* Returns: (transfer none) (nullable): the button of @action, when the
 * role may take it now */
GtkWidget *
zc_declaration_desk_get_action_button (ZcDeclarationDesk   *self,
                                       ZcDeclarationAction  action)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, NULL);
  return self->buttons[action];
}

/* Returns: (transfer none) (nullable): the open action dialog */
ZcDeclarationActionDialog *
zc_declaration_desk_get_action_dialog (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return self->dialog != NULL ? ZC_DECLARATION_ACTION_DIALOG (self->dialog) : NULL;
}
