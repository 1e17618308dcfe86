/* zc-declaration-desk.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-declaration-body.h"
#include "zc-declaration-desk.h"
#include "zc-local-store-declaration-review.h"
#include "zc-local-store-plans.h"
#include "zc-local-store-review.h"
#include "zc-plan.h"

/* The list is the local store's: the declarations the officer's pull
 * brought, so the desk works offline.  An action is queued there with
 * the state and version shown (zc-local-store-declaration-review.c) and
 * goes out with the next sync; the row says it waits, or that the
 * server refused it.  The timeline and the review form are the
 * server's: shown when online. */

#define MAX_NAME_PAGES 20
#define NAME_PAGE_SIZE 100

struct _ZcDeclarationDesk
{
  AdwBin                  parent_instance;

  ZcLocalStore           *store;        /* owned */
  ZcSession              *session;      /* owned */
  ZcRole                  role;
  GPtrArray              *rows;         /* owned, of ZcDeclarationReviewRow: the filtered list */
  GPtrArray              *state_ids;    /* owned: the filter's states, [0] NULL for all */
  GPtrArray              *plan_ids;     /* owned: the filter's plans, [0] NULL for all */
  GPtrArray              *selected;     /* owned, of char *: the chosen ids */
  char                   *selected_id;  /* owned, nullable: the one shown */
  JsonNode               *detail;       /* owned, nullable: GET /api/v1/declarations/{id} */
  GCancellable           *listing;      /* owned, nullable: the applicants' names */
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
  GtkWidget              *nothing;      /* no declaration chosen */
  GtkWidget              *details;
  GtkLabel               *applicant_label;
  GtkLabel               *title_label;
  GtkLabel               *plan_label;
  GtkLabel               *state_label;
  GtkLabel               *sync_label;   /* waiting for sync, refused */
  GtkLabel               *warning_label;
  GtkLabel               *notice_label;
  GtkLabel               *timeline_note;
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
row_title (const ZcDeclarationReviewRow *row)
{
  JsonObject *pick = member_object (row->body, "title");
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
row_applicant (const ZcDeclarationReviewRow *row)
{
  return row->owner_name != NULL ? row->owner_name : _("Unknown applicant");
}

static const char *
row_plan_name (const ZcDeclarationReviewRow *row)
{
  return row->plan_name != NULL ? row->plan_name : _("Plan not known");
}

/* "waiting for sync: Recommend", "refused — look again: …", or NULL */
static char *
row_sync_text (const ZcDeclarationReviewRow *row)
{
  const char *action = row->action >= 0 ? zc_declaration_action_get_label (row->action, ZC_LANGUAGE_LOCALE) : "";

  if (row->flags & ZC_DECLARATION_REVIEW_AWAITING)
    /* Translators: %s is the action queued, such as 推荐 */
    return g_strdup_printf (_("“%s” is waiting for sync"), action);
  if (row->flags & ZC_DECLARATION_REVIEW_REFUSED)
    {
      if (row->refusal != NULL && *row->refusal != '\0')
        /* Translators: %s is the action, the second %s the server's reason */
        return g_strdup_printf (_("“%s” was refused — look again: %s"), action, row->refusal);
      return g_strdup_printf (_("“%s” was refused — look again"), action);
    }
  return NULL;
}

/* "2026-03-09" in Beijing */
static char *
beijing_day (gint64 usec)
{
  g_autoptr(GDateTime) time = usec > 0 ? g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC) : NULL;
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

static ZcDeclarationReviewRow *
find_row (ZcDeclarationDesk *self,
          const char        *id)
{
  for (guint i = 0; id != NULL && i < self->rows->len; i++)
    if (g_str_equal (((ZcDeclarationReviewRow *) self->rows->pdata[i])->id, id))
      return self->rows->pdata[i];
  return NULL;
}

static gboolean
is_selected (ZcDeclarationDesk *self,
             const char        *id)
{
  return g_ptr_array_find_with_equal_func (self->selected, id, g_str_equal, NULL);
}

/* The list */

static GtkWidget *
make_row (ZcDeclarationDesk            *self,
          const ZcDeclarationReviewRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *title = row_title (row);
  g_autofree char *day = beijing_day (row->updated_at);
  g_autofree char *sync = row_sync_text (row);
  g_autoptr(GString) subtitle = g_string_new (title);

  g_string_append_printf (subtitle, "\n%s · %s", zc_declaration_state_get_label (row->state, ZC_LANGUAGE_LOCALE),
                          row_plan_name (row));
  if (day != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("updated %s"), day);
    }
  if (sync != NULL)
    g_string_append_printf (subtitle, "\n%s", sync);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), row_applicant (row));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 4);
  if (row->flags & ZC_DECLARATION_REVIEW_REFUSED)
    gtk_widget_add_css_class (widget, "warning");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
  g_object_set_data_full (G_OBJECT (widget), "declaration-id", g_strdup (row->id), g_free);
  return widget;
}

static gboolean
filter_row (GtkListBoxRow *widget,
            gpointer       user_data)
{
  ZcDeclarationDesk *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  ZcDeclarationReviewRow *row = find_row (self, g_object_get_data (G_OBJECT (widget), "declaration-id"));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *title = NULL;

  if (text == NULL || *text == '\0' || row == NULL)
    return TRUE;
  title = row_title (row);
  needle = g_utf8_casefold (text, -1);
  haystack = g_utf8_casefold (row_applicant (row), -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (title, -1);
  return strstr (haystack, needle) != NULL;
}

static void
update_empty (ZcDeclarationDesk *self)
{
  guint n_visible = zc_declaration_desk_get_n_visible_rows (self);

  gtk_widget_set_visible (GTK_WIDGET (self->list), n_visible > 0);
  gtk_widget_set_visible (self->empty, n_visible == 0);
}

static void
show_rows (ZcDeclarationDesk *self)
{
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ZcDeclarationReviewRow *row = self->rows->pdata[i];
      GtkWidget *widget = make_row (self, row);

      gtk_list_box_append (self->list, widget);
      if (is_selected (self, row->id))
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (widget));
    }
  self->filling = FALSE;
  update_empty (self);
}

static void
set_status (ZcDeclarationDesk *self,
            const char        *text)
{
  set_label (GTK_LABEL (self->status), text);
}

static void fill_details (ZcDeclarationDesk *self);

/* The rows of the filters from the store; the selection keeps the ids
 * still listed. */
static void
load_rows (ZcDeclarationDesk *self)
{
  guint state_index = gtk_drop_down_get_selected (self->state_drop);
  guint plan_index = gtk_drop_down_get_selected (self->plan_drop);
  const char *state = state_index < self->state_ids->len ? g_ptr_array_index (self->state_ids, state_index) : NULL;
  const char *plan_id = plan_index < self->plan_ids->len ? g_ptr_array_index (self->plan_ids, plan_index) : NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = zc_local_store_declaration_review_list (self->store, &error);
  if (all == NULL)
    {
      set_status (self, error->message);
      return;
    }
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < all->len; i++)
    {
      ZcDeclarationReviewRow *row = all->pdata[i];

      if ((state != NULL && g_strcmp0 (zc_declaration_state_to_string (row->state), state) != 0) ||
          (plan_id != NULL && g_strcmp0 (row->plan_id, plan_id) != 0))
        continue;
      g_ptr_array_add (self->rows, g_steal_pointer (&all->pdata[i]));
    }
  for (guint i = self->selected->len; i > 0; i--)
    if (find_row (self, self->selected->pdata[i - 1]) == NULL)
      g_ptr_array_remove_index (self->selected, i - 1);
  set_status (self, is_online (self) ? NULL
                                     : _("Offline: this is the copy from the last sync. Actions are queued and "
                                         "sent when the server can be reached."));
  show_rows (self);
  fill_details (self);
}

/* The applicants' names: the pulled records carry only their ids, the
 * server's list their names, kept for offline. */
static void list_names (ZcDeclarationDesk *self,
                        guint              offset);

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZcDeclarationDesk) self = user_data;
  guint offset = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->listing), "offset"));
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  page = zc_api_client_list_declarations_finish (ZC_API_CLIENT (source), result, &total, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->listing);
  if (page == NULL)
    {
      g_debug ("No names: %s", error->message);
      return;
    }
  for (guint i = 0; i < page->len; i++)
    {
      JsonObject *applicant = member_object (page->pdata[i], "applicant");
      const char *id = member_string (applicant, "id");
      const char *name = member_string (applicant, "name");

      if (id != NULL && name != NULL)
        g_hash_table_insert (names, (gpointer) id, (gpointer) name);
    }
  /* "changed" reloads the rows when a name is new */
  if (!zc_local_store_review_set_person_names (self->store, names, &error))
    g_warning ("Keeping the applicants' names failed: %s", error->message);
  offset += page->len;
  if (page->len > 0 && (gint64) offset < total && offset < MAX_NAME_PAGES * NAME_PAGE_SIZE)
    list_names (self, offset);
}

static void
list_names (ZcDeclarationDesk *self,
            guint              offset)
{
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (!is_online (self))
    return;
  self->listing = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->listing), "offset", GUINT_TO_POINTER (offset));
  zc_api_client_list_declarations_async (zc_session_get_api_client (self->session), NULL, NULL, NAME_PAGE_SIZE,
                                         offset, self->listing, on_listed, g_object_ref (self));
}

static void
on_filter_changed (ZcDeclarationDesk *self)
{
  if (!self->filling)
    load_rows (self);
}

static void
on_search_changed (ZcDeclarationDesk *self)
{
  gtk_list_box_invalidate_filter (self->list);
  update_empty (self);
}

/* The plans: the filter from the cached copy, refreshed when online */

static void
fill_plan_filter (ZcDeclarationDesk *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) plans = zc_local_store_list_plans (self->store, NULL);
  guint index = gtk_drop_down_get_selected (self->plan_drop);
  g_autofree char *chosen = index < self->plan_ids->len ? g_strdup (self->plan_ids->pdata[index]) : NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->plan_ids, 0);
  g_ptr_array_add (self->plan_ids, NULL);
  gtk_string_list_append (names, _("All plans"));
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      if (g_strcmp0 (zc_plan_get_id (plans->pdata[i]), chosen) == 0)
        selected = self->plan_ids->len;
      g_ptr_array_add (self->plan_ids, g_strdup (zc_plan_get_id (plans->pdata[i])));
      gtk_string_list_append (names, zc_plan_get_name (plans->pdata[i]));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->plan_drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->plan_drop, selected);
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
  if (!zc_local_store_replace_plans (self->store, plans, &error))
    g_warning ("Keeping the plans failed: %s", error->message);
  fill_plan_filter (self);
  load_rows (self);
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

/* The actions the role may take on every chosen declaration now. */
static void
fill_actions (ZcDeclarationDesk *self)
{
  guint counts[ZC_N_DECLARATION_ACTIONS] = { 0 };
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (ZcDeclarationAction));
  guint n_chosen = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->actions)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->actions), child);
  memset (self->buttons, 0, sizeof self->buttons);
  for (guint i = 0; i < self->selected->len; i++)
    {
      ZcDeclarationReviewRow *row = find_row (self, self->selected->pdata[i]);
      g_autoptr(GArray) some = NULL;

      if (row == NULL)
        continue;
      n_chosen++;
      some = zc_declaration_review_row_actions (row, self->role);
      for (guint j = 0; j < some->len; j++)
        counts[g_array_index (some, ZcDeclarationAction, j)]++;
    }
  /* the way forward first, suggested; a return last */
  for (guint action = 0; action < ZC_N_DECLARATION_ACTIONS; action++)
    if (n_chosen > 0 && counts[action] == n_chosen && action != ZC_DECLARATION_ACTION_RETURN)
      g_array_append_val (actions, action);
  if (n_chosen > 0 && counts[ZC_DECLARATION_ACTION_RETURN] == n_chosen)
    {
      ZcDeclarationAction back = ZC_DECLARATION_ACTION_RETURN;

      g_array_append_val (actions, back);
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
pending_picks (JsonObject *detail)
{
  gint64 n = member_int (detail, "pending_picks", -1);

  return n >= 0 ? n : member_int (member_object (detail, "record"), "pending_picks", 0);
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
                                            ? _("The review form needs a connection.")
                                            : error->message);
  gtk_stack_set_visible_child_name (self->form_stack, "status");
}

/* From the local row: who, what, the state, what waits; the server's
 * detail adds the timeline and the pending picks. */
static void
fill_details (ZcDeclarationDesk *self)
{
  ZcDeclarationReviewRow *row = find_row (self, self->selected_id);
  JsonObject *detail = self->detail != NULL ? json_node_get_object (self->detail) : NULL;
  guint n_chosen = self->selected->len;
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  g_autofree char *sync = NULL;
  g_autofree char *warning = NULL;
  gint64 pending;

  gtk_widget_set_visible (self->details, row != NULL || n_chosen > 1);
  gtk_widget_set_visible (self->nothing, row == NULL && n_chosen <= 1);
  fill_actions (self);
  if (n_chosen > 1)
    {
      g_autofree char *chosen = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u declaration chosen",
                                                              "%u declarations chosen", n_chosen), n_chosen);

      gtk_label_set_label (self->applicant_label, chosen);
      set_label (self->title_label, _("An action is taken on all of them at once."));
      set_label (self->plan_label, NULL);
      set_label (self->state_label, NULL);
      set_label (self->sync_label, NULL);
      set_label (self->warning_label, NULL);
      set_label (self->timeline_note, NULL);
      zc_declaration_timeline_set_entries (self->timeline, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->form_stack), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->form_stack), TRUE);
  if (row == NULL)
    return;

  title = row_title (row);
  gtk_label_set_label (self->applicant_label, row_applicant (row));
  set_label (self->title_label, title);
  set_label (self->plan_label, row_plan_name (row));
  state = g_strdup_printf (_("State: %s"), zc_declaration_state_get_label (row->state, ZC_LANGUAGE_LOCALE));
  set_label (self->state_label, state);
  sync = row_sync_text (row);
  set_label (self->sync_label, sync);
  pending = detail != NULL ? pending_picks (detail) : 0;
  if (pending > 0)
    warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Includes %d entry the unit has not reviewed",
                                            "Includes %d entries the unit has not reviewed", (gulong) pending),
                               (int) pending);
  set_label (self->warning_label, warning);
  if (detail != NULL)
    {
      g_autoptr(GPtrArray) entries = zc_declaration_timeline_entries_from_json (self->detail);

      zc_declaration_timeline_set_entries (self->timeline, entries);
      set_label (self->timeline_note, NULL);
    }
  else
    {
      zc_declaration_timeline_set_entries (self->timeline, NULL);
      set_label (self->timeline_note, self->loading != NULL ? _("Loading the progress…")
                                                            : _("The progress needs a connection."));
    }
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
        set_label (self->notice_label,
                   _("This declaration is no longer in your queue: it was withdrawn or moved on."));
      else if (!g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK))
        set_label (self->notice_label, error->message);
      gtk_label_set_label (self->form_status, _("The review form needs a connection."));
      gtk_stack_set_visible_child_name (self->form_stack, "status");
      fill_details (self);
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

/* The server's part of the declaration shown: online only. */
static void
load_detail (ZcDeclarationDesk *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_cancellable_cancel (self->downloading);
  g_clear_object (&self->downloading);
  g_clear_pointer (&self->detail, json_node_unref);
  if (self->selected_id == NULL)
    return;
  if (!is_online (self))
    {
      gtk_label_set_label (self->form_status, _("The review form needs a connection."));
      gtk_stack_set_visible_child_name (self->form_stack, "status");
      fill_details (self);
      return;
    }
  self->loading = g_cancellable_new ();
  gtk_label_set_label (self->form_status, _("Loading the review form…"));
  gtk_stack_set_visible_child_name (self->form_stack, "status");
  fill_details (self);
  zc_api_client_get_declaration_async (zc_session_get_api_client (self->session), self->selected_id, self->loading,
                                       on_detail, g_object_ref (self));
}

static void
on_selection_changed (ZcDeclarationDesk *self)
{
  g_autoptr(GList) chosen = NULL;
  const char *single = NULL;

  if (self->filling)
    return;
  chosen = gtk_list_box_get_selected_rows (self->list);
  g_ptr_array_set_size (self->selected, 0);
  for (GList *l = chosen; l != NULL; l = l->next)
    g_ptr_array_add (self->selected, g_strdup (g_object_get_data (G_OBJECT (l->data), "declaration-id")));
  single = self->selected->len == 1 ? self->selected->pdata[0] : NULL;
  set_label (self->notice_label, NULL);
  if (g_strcmp0 (single, self->selected_id) == 0)
    {
      fill_details (self);
      return;
    }
  g_free (self->selected_id);
  self->selected_id = g_strdup (single);
  load_detail (self);
  fill_details (self);
}

/* The store changed: a pull, an action queued, a refusal. */
static void
on_store_changed (ZcDeclarationDesk *self,
                  const char        *id,
                  const char        *kind)
{
  ZcDeclarationReviewRow *before = find_row (self, self->selected_id);
  gint64 version = before != NULL ? before->version : -1;
  ZcDeclarationReviewRow *after;

  if (kind != NULL && g_strcmp0 (kind, ZC_DECLARATION_KIND) != 0 && g_strcmp0 (kind, "plan") != 0)
    return;
  load_rows (self);
  after = find_row (self, self->selected_id);
  /* the server moved it on: its timeline and form too */
  if (after != NULL && after->version != version && is_online (self))
    load_detail (self);
}

/* Acting */

static gboolean
queue_request (ZcDeclarationActionDialog  *dialog,
               JsonObject                 *request,
               gpointer                    user_data,
               GError                    **error)
{
  ZcDeclarationDesk *self = user_data;
  ZcDeclarationAction action = zc_declaration_action_dialog_get_action (dialog);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (ZcDeclarationReviewTarget));
  g_autofree char *notice = NULL;
  guint n;

  for (guint i = 0; i < self->selected->len; i++)
    {
      ZcDeclarationReviewRow *row = find_row (self, self->selected->pdata[i]);
      ZcDeclarationReviewTarget target;

      if (row == NULL)
        continue;
      target.id = row->id;
      target.seen_state = row->state;
      target.seen_version = row->version;
      g_array_append_val (targets, target);
    }
  n = targets->len;
  /* the rows may be read again by the store's "changed": keep the ids */
  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < n; i++)
      {
        ZcDeclarationReviewTarget *target = &g_array_index (targets, ZcDeclarationReviewTarget, i);

        g_ptr_array_add (ids, g_strdup (target->id));
        target->id = ids->pdata[i];
      }
    if (!zc_local_store_declaration_review_queue (self->store, action, self->role,
                                                  (ZcDeclarationReviewTarget *) (gpointer) targets->data, n,
                                                  member_string (request, "comment"),
                                                  member_object (request, "args"), NULL, ZC_LANGUAGE_LOCALE,
                                                  error))
      return FALSE;
  }
  notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” queued for %u declaration; it goes to the server with the next sync.",
                                         "“%s” queued for %u declarations; they go to the server with the next sync.",
                                         n),
                            zc_declaration_action_get_label (action, ZC_LANGUAGE_LOCALE), n);
  set_label (self->notice_label, notice);
  return TRUE;
}

static void
on_changed_meanwhile (ZcDeclarationActionDialog *dialog,
                      ZcDeclarationDesk         *self)
{
  set_label (self->notice_label, _("This declaration changed meanwhile — look again."));
  load_rows (self);
}

static void
open_dialog (ZcDeclarationDesk   *self,
             ZcDeclarationAction  action)
{
  ZcDeclarationReviewRow *row = find_row (self, self->selected->len > 0 ? self->selected->pdata[0] : NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ZcDeclarationActionDialog *dialog;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;

  if (row == NULL)
    return;
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  title = row_title (row);
  if (self->selected->len > 1)
    subject = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u declaration", "%u declarations",
                                            self->selected->len), self->selected->len);
  else
    subject = g_strdup_printf ("%s · %s", row_applicant (row), title);
  dialog = zc_declaration_action_dialog_new (action, subject, NULL);
  zc_declaration_action_dialog_set_target (dialog, NULL, row->id, row->state, row->version);
  zc_declaration_action_dialog_set_queue_func (dialog, queue_request, self);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
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
  /* Ctrl+click or Shift+click: one action for several */
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_MULTIPLE);
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Declarations to review"), -1);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect_swapped (self->list, "selected-rows-changed", G_CALLBACK (on_selection_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("Nothing to review"));
  gtk_widget_add_css_class (self->empty, "compact");
  gtk_box_append (GTK_BOX (box), self->empty);

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
  self->sync_label = wrapped_label ("accent");
  gtk_widget_set_visible (GTK_WIDGET (self->sync_label), FALSE);
  self->timeline_note = wrapped_label ("dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_note), FALSE);
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
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sync_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->warning_label));
  gtk_box_append (GTK_BOX (box), self->actions);
  gtk_box_append (GTK_BOX (box), progress);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->timeline_note));
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
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->list = NULL;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_ptr_array_unref);
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
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_review_row_free);
  self->selected = g_ptr_array_new_with_free_func (g_free);
  self->state_ids = g_ptr_array_new_with_free_func (g_free);
  self->plan_ids = g_ptr_array_new_with_free_func (g_free);
}

/**
 * zc_declaration_desk_new:
 * @store: the signed-in account's local store
 * @session: the session whose role and server the desk uses
 *
 * Returns: (transfer floating): the desk, showing the store's declarations
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
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  zc_declaration_desk_refresh (self);
  return GTK_WIDGET (self);
}

/* The list from the store; online, the names, the plans and the
 * declaration shown from the server.  The app's sync engine brings the
 * declarations themselves. */
void
zc_declaration_desk_refresh (ZcDeclarationDesk *self)
{
  g_return_if_fail (ZC_IS_DECLARATION_DESK (self));

  fill_plan_filter (self);
  load_rows (self);
  list_names (self, 0);
  if (is_online (self) && self->planning == NULL)
    {
      self->planning = g_cancellable_new ();
      zc_api_client_list_plans_async (zc_session_get_api_client (self->session), self->planning, on_plans,
                                      g_object_ref (self));
    }
  load_detail (self);
}

/* Whether the names or the plans are still coming from the server. */
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
  return self->rows->len;
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
  return self->rows->len;
}

gboolean
zc_declaration_desk_has_row (ZcDeclarationDesk *self,
                             const char        *declaration_id)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  g_return_val_if_fail (declaration_id != NULL, FALSE);

  return find_row (self, declaration_id) != NULL;
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

/* Shows @declaration_id alone, loading it; FALSE when it is not in
 * the list. */
gboolean
zc_declaration_desk_select (ZcDeclarationDesk *self,
                            const char        *declaration_id)
{
  const char *ids[] = { declaration_id, NULL };

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  g_return_val_if_fail (declaration_id != NULL, FALSE);

  return zc_declaration_desk_select_many (self, ids);
}

/* Chooses the rows of @ids (as Ctrl+click does) for one action on all;
 * FALSE, choosing nothing, when one is not in the list. */
gboolean
zc_declaration_desk_select_many (ZcDeclarationDesk  *self,
                                 const char * const *ids)
{
  GtkWidget *first = NULL;

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  for (guint i = 0; ids[i] != NULL; i++)
    if (find_row (self, ids[i]) == NULL)
      return FALSE;
  self->filling = TRUE;
  gtk_list_box_unselect_all (self->list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strv_contains (ids, g_object_get_data (G_OBJECT (row), "declaration-id")))
      {
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        first = first != NULL ? first : row;
      }
  self->filling = FALSE;
  if (first != NULL)
    gtk_widget_grab_focus (first);
  on_selection_changed (self);
  return first != NULL;
}

guint
zc_declaration_desk_get_n_selected (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  return self->selected->len;
}

/* Returns: the state @declaration_id is shown in (the server's, as
 * pulled), or -1 when it is not listed */
int
zc_declaration_desk_get_row_state (ZcDeclarationDesk *self,
                                   const char        *declaration_id)
{
  ZcDeclarationReviewRow *row;

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), -1);
  g_return_val_if_fail (declaration_id != NULL, -1);

  row = find_row (self, declaration_id);
  return row != NULL ? (int) row->state : -1;
}

/* Returns: the row's ZcDeclarationReviewFlags: waiting, refused */
guint
zc_declaration_desk_get_row_flags (ZcDeclarationDesk *self,
                                   const char        *declaration_id)
{
  ZcDeclarationReviewRow *row;

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  g_return_val_if_fail (declaration_id != NULL, 0);

  row = find_row (self, declaration_id);
  return row != NULL ? row->flags : 0;
}

/* Returns: (nullable): what the row says of its sync ("… is waiting
 * for sync", "… was refused — look again") */
char *
zc_declaration_desk_get_row_sync_text (ZcDeclarationDesk *self,
                                       const char        *declaration_id)
{
  ZcDeclarationReviewRow *row;

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  g_return_val_if_fail (declaration_id != NULL, NULL);

  row = find_row (self, declaration_id);
  return row != NULL ? row_sync_text (row) : NULL;
}

/* Returns: (nullable): the note where the review form would be
 * ("needs a connection"), or %NULL when the form shows */
const char *
zc_declaration_desk_get_form_status (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->form_stack), "status") != 0)
    return NULL;
  return gtk_label_get_label (self->form_status);
}

/* Returns: (nullable): the note where the timeline would be */
const char *
zc_declaration_desk_get_timeline_note (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->timeline_note)) ? gtk_label_get_label (self->timeline_note)
                                                                    : NULL;
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
