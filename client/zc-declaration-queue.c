/* zc-declaration-queue.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-queue"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-declaration-body.h"
#include "zc-declaration-queue.h"
#include "zc-json.h"
#include "zc-local-store-plans.h"
#include "zc-local-store-review.h"
#include "zc-plan.h"

/* The rows are the local store's, so the list works offline; the
 * applicants' names come from the server's list when online and are
 * kept in the store (the pulled records carry only their ids). */

#define MAX_NAME_PAGES 20
#define NAME_PAGE_SIZE 100

struct _ZcDeclarationQueue
{
  AdwBin        parent_instance;

  ZcLocalStore *store;        /* owned */
  ZcSession    *session;      /* owned */
  ZcRole        role;
  GPtrArray    *rows;         /* owned, of ZcDeclarationReviewRow: the filtered list */
  GPtrArray    *state_ids;    /* owned: the filter's states, [0] NULL for all */
  GPtrArray    *plan_ids;     /* owned: the filter's plans, [0] NULL for all */
  GPtrArray    *selected;     /* owned, of char *: the chosen ids */
  GCancellable *listing;      /* owned, nullable: the applicants' names */
  GCancellable *planning;     /* owned, nullable */
  gboolean      filling;

  GtkDropDown  *state_drop;
  GtkDropDown  *plan_drop;
  GtkWidget    *search;
  GtkLabel     *status;       /* offline, errors */
  GtkListBox   *list;
  GtkWidget    *empty;
};

G_DEFINE_FINAL_TYPE (ZcDeclarationQueue, zc_declaration_queue, ADW_TYPE_BIN)

enum
{
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_online (ZcDeclarationQueue *self)
{
  return zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN;
}

/* What a row says */

char *
zc_declaration_row_title (const ZcDeclarationReviewRow *row)
{
  JsonObject *pick = zc_json_member_object (row->body, "title");
  const char *title = zc_json_member_string (pick, "title");
  const char *specialty = zc_json_member_string (pick, "specialty");

  if (title == NULL)
    return g_strdup (_("Title not chosen"));
  if (specialty == NULL || *specialty == '\0')
    return g_strdup (title);
  /* Translators: a title and its specialty */
  return g_strdup_printf (_("%s (%s)"), title, specialty);
}

const char *
zc_declaration_row_applicant (const ZcDeclarationReviewRow *row)
{
  return row->owner_name != NULL ? row->owner_name : _("Unknown applicant");
}

const char *
zc_declaration_row_plan_name (const ZcDeclarationReviewRow *row)
{
  return row->plan_name != NULL ? row->plan_name : _("Plan not known");
}

/* "waiting for sync: Recommend", "refused — look again: …", or NULL */
char *
zc_declaration_row_sync_text (const ZcDeclarationReviewRow *row)
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

/* Days before a deadline when the row warns */
#define DEADLINE_WARNING_DAYS 3

/**
 * zc_declaration_row_deadline_text:
 * @urgent: (out) (optional): whether it passed or is near
 *
 * Returns: (nullable): until when @role may act on @row ("Act by …",
 *   "Your deadline passed on …"), or %NULL when the role has no
 *   deadline or nothing to do on it now
 */
char *
zc_declaration_row_deadline_text (const ZcDeclarationReviewRow *row,
                                  ZcRole                        role,
                                  gboolean                     *urgent)
{
  gint64 deadline = zc_declaration_review_row_get_deadline (row, role);
  g_autoptr(GArray) actions = zc_declaration_review_row_actions (row, role);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  gint64 now = g_get_real_time ();

  if (urgent != NULL)
    *urgent = FALSE;
  if (deadline <= 0 || actions->len == 0 || (row->flags & ZC_DECLARATION_REVIEW_AWAITING))
    return NULL;
  utc = g_date_time_new_from_unix_utc (deadline / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, zone);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  if (urgent != NULL)
    *urgent = now > deadline - DEADLINE_WARNING_DAYS * G_TIME_SPAN_DAY;
  if (now > deadline)
    /* Translators: %s is a time in Beijing, such as 2026-05-31 23:59 */
    return g_strdup_printf (_("Your deadline passed on %s"), when);
  /* Translators: %s is a time in Beijing, such as 2026-05-31 23:59 */
  return g_strdup_printf (_("Act by %s"), when);
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
set_status (ZcDeclarationQueue *self,
            const char         *text)
{
  gtk_label_set_label (self->status, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL && *text != '\0');
}

static ZcDeclarationReviewRow *
find_row (ZcDeclarationQueue *self,
          const char         *id)
{
  for (guint i = 0; id != NULL && i < self->rows->len; i++)
    if (g_str_equal (((ZcDeclarationReviewRow *) self->rows->pdata[i])->id, id))
      return self->rows->pdata[i];
  return NULL;
}

static gboolean
is_selected (ZcDeclarationQueue *self,
             const char         *id)
{
  return g_ptr_array_find_with_equal_func (self->selected, id, g_str_equal, NULL);
}

/* The list */

static GtkWidget *
make_row (ZcDeclarationQueue            *self,
          const ZcDeclarationReviewRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *title = zc_declaration_row_title (row);
  g_autofree char *day = beijing_day (row->updated_at);
  g_autofree char *sync = zc_declaration_row_sync_text (row);
  gboolean urgent = FALSE;
  g_autofree char *deadline = zc_declaration_row_deadline_text (row, self->role, &urgent);
  g_autoptr(GString) subtitle = g_string_new (title);

  g_string_append_printf (subtitle, "\n%s · %s", zc_declaration_state_get_label (row->state, ZC_LANGUAGE_LOCALE),
                          zc_declaration_row_plan_name (row));
  if (day != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("updated %s"), day);
    }
  if (sync != NULL)
    g_string_append_printf (subtitle, "\n%s", sync);
  if (deadline != NULL)
    g_string_append_printf (subtitle, "\n%s", deadline);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), zc_declaration_row_applicant (row));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 5);
  if ((row->flags & ZC_DECLARATION_REVIEW_REFUSED) || urgent)
    gtk_widget_add_css_class (widget, "warning");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
  g_object_set_data_full (G_OBJECT (widget), "declaration-id", g_strdup (row->id), g_free);
  return widget;
}

static gboolean
filter_row (GtkListBoxRow *widget,
            gpointer       user_data)
{
  ZcDeclarationQueue *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  ZcDeclarationReviewRow *row = find_row (self, g_object_get_data (G_OBJECT (widget), "declaration-id"));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *title = NULL;

  if (text == NULL || *text == '\0' || row == NULL)
    return TRUE;
  title = zc_declaration_row_title (row);
  needle = g_utf8_casefold (text, -1);
  haystack = g_utf8_casefold (zc_declaration_row_applicant (row), -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (title, -1);
  return strstr (haystack, needle) != NULL;
}

static void
update_empty (ZcDeclarationQueue *self)
{
  guint n_visible = zc_declaration_queue_get_n_visible_rows (self);

  gtk_widget_set_visible (GTK_WIDGET (self->list), n_visible > 0);
  gtk_widget_set_visible (self->empty, n_visible == 0);
}

static void
show_rows (ZcDeclarationQueue *self)
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
on_selection_changed (ZcDeclarationQueue *self)
{
  g_autoptr(GList) chosen = NULL;

  if (self->filling)
    return;
  chosen = gtk_list_box_get_selected_rows (self->list);
  g_ptr_array_set_size (self->selected, 0);
  for (GList *l = chosen; l != NULL; l = l->next)
    g_ptr_array_add (self->selected, g_strdup (g_object_get_data (G_OBJECT (l->data), "declaration-id")));
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* The rows of the filters from the store; the selection keeps the ids
 * still listed. */
static void
load_rows (ZcDeclarationQueue *self)
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
  g_signal_emit (self, signals[SIGNAL_ROWS_CHANGED], 0);
}

/* The applicants' names: the pulled records carry only their ids, the
 * server's list their names, kept for offline. */
static void list_names (ZcDeclarationQueue *self,
                        guint              offset);

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZcDeclarationQueue) self = user_data;
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
      JsonObject *applicant = zc_json_member_object (page->pdata[i], "applicant");
      const char *id = zc_json_member_string (applicant, "id");
      const char *name = zc_json_member_string (applicant, "name");

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
list_names (ZcDeclarationQueue *self,
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
on_filter_changed (ZcDeclarationQueue *self)
{
  if (!self->filling)
    load_rows (self);
}

static void
on_search_changed (ZcDeclarationQueue *self)
{
  gtk_list_box_invalidate_filter (self->list);
  update_empty (self);
}

/* The plans: the filter from the cached copy, refreshed when online */

static void
fill_plan_filter (ZcDeclarationQueue *self)
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
  g_autoptr(ZcDeclarationQueue) self = user_data;
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
fill_state_filter (ZcDeclarationQueue *self)
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
build (ZcDeclarationQueue *self)
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

  self->status = wrapped_label ("warning");
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->status));

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


/* A pull, an action queued, a refusal, new names or plans */
static void
on_store_changed (ZcDeclarationQueue *self,
                  const char         *id,
                  const char         *kind)
{
  if (kind != NULL && g_strcmp0 (kind, ZC_DECLARATION_KIND) != 0 && g_strcmp0 (kind, "plan") != 0)
    return;
  load_rows (self);
}

static void
zc_declaration_queue_dispose (GObject *object)
{
  ZcDeclarationQueue *self = ZC_DECLARATION_QUEUE (object);

  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  g_cancellable_cancel (self->planning);
  g_clear_object (&self->planning);
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
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_declaration_queue_parent_class)->dispose (object);
}

static void
zc_declaration_queue_class_init (ZcDeclarationQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zc_declaration_queue_dispose;

  signals[SIGNAL_SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ROWS_CHANGED] = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                               NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zc_declaration_queue_init (ZcDeclarationQueue *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_review_row_free);
  self->selected = g_ptr_array_new_with_free_func (g_free);
  self->state_ids = g_ptr_array_new_with_free_func (g_free);
  self->plan_ids = g_ptr_array_new_with_free_func (g_free);
}

/**
 * zc_declaration_queue_new:
 * @store: the signed-in account's local store
 * @session: the session whose server fills in names and plans
 * @role: the officer's role: which states the filter offers
 *
 * Returns: (transfer floating): the list, read from @store
 */
GtkWidget *
zc_declaration_queue_new (ZcLocalStore *store,
                          ZcSession    *session,
                          ZcRole        role)
{
  ZcDeclarationQueue *self;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_DECLARATION_QUEUE, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->role = role;
  adw_bin_set_child (ADW_BIN (self), build (self));
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  load_rows (self);
  return GTK_WIDGET (self);
}

/* The rows from the store; online, the names and the plans from the
 * server.  The app's sync engine brings the declarations themselves. */
void
zc_declaration_queue_refresh (ZcDeclarationQueue *self)
{
  g_return_if_fail (ZC_IS_DECLARATION_QUEUE (self));

  fill_plan_filter (self);
  load_rows (self);
  list_names (self, 0);
  if (is_online (self) && self->planning == NULL)
    {
      self->planning = g_cancellable_new ();
      zc_api_client_list_plans_async (zc_session_get_api_client (self->session), self->planning, on_plans,
                                      g_object_ref (self));
    }
}

/* The rows again from the store, as after a change */
void
zc_declaration_queue_reload (ZcDeclarationQueue *self)
{
  g_return_if_fail (ZC_IS_DECLARATION_QUEUE (self));
  load_rows (self);
}

/* Whether the names or the plans are still coming from the server. */
gboolean
zc_declaration_queue_is_loading (ZcDeclarationQueue *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_QUEUE (self), FALSE);
  return self->listing != NULL || self->planning != NULL;
}

/* Returns: (transfer none) (nullable): the listed row of @declaration_id */
const ZcDeclarationReviewRow *
zc_declaration_queue_find (ZcDeclarationQueue *self,
                           const char         *declaration_id)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_QUEUE (self), NULL);
  return find_row (self, declaration_id);
}

/* Returns: (transfer none) (element-type utf8): the chosen ids, in the
 * list's order */
GPtrArray *
zc_declaration_queue_get_selected (ZcDeclarationQueue *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_QUEUE (self), NULL);
  return self->selected;
}

/* Chooses the rows of @ids (as Ctrl+click does), the first focused;
 * FALSE, changing nothing, when one is not in the list. */
gboolean
zc_declaration_queue_select_many (ZcDeclarationQueue *self,
                                  const char * const *ids)
{
  GtkWidget *first = NULL;

  g_return_val_if_fail (ZC_IS_DECLARATION_QUEUE (self), FALSE);
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
zc_declaration_queue_get_n_rows (ZcDeclarationQueue *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_QUEUE (self), 0);
  return self->rows->len;
}

/* The rows the search leaves shown. */
guint
zc_declaration_queue_get_n_visible_rows (ZcDeclarationQueue *self)
{
  guint n = 0;

  g_return_val_if_fail (ZC_IS_DECLARATION_QUEUE (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && filter_row (GTK_LIST_BOX_ROW (row), self))
      n++;
  return n;
}

/* @state: (nullable): a state id of the filter, or %NULL for all */
void
zc_declaration_queue_set_state_filter (ZcDeclarationQueue *self,
                                       const char         *state)
{
  g_return_if_fail (ZC_IS_DECLARATION_QUEUE (self));

  for (guint i = 0; i < self->state_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->state_ids, i), state) == 0)
      {
        gtk_drop_down_set_selected (self->state_drop, i);
        return;
      }
  g_warning ("The state %s is not in this queue's filter", state);
}

void
zc_declaration_queue_set_search (ZcDeclarationQueue *self,
                                 const char         *text)
{
  g_return_if_fail (ZC_IS_DECLARATION_QUEUE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), text != NULL ? text : "");
  on_search_changed (self);
}

void
zc_declaration_queue_focus_search (ZcDeclarationQueue *self)
{
  g_return_if_fail (ZC_IS_DECLARATION_QUEUE (self));
  gtk_widget_grab_focus (self->search);
}

/* Returns: (nullable): what the list says of itself (offline …) */
const char *
zc_declaration_queue_get_status (ZcDeclarationQueue *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_QUEUE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->status)) ? gtk_label_get_label (self->status) : NULL;
}

GtkListBox *
zc_declaration_queue_get_list (ZcDeclarationQueue *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_QUEUE (self), NULL);
  return self->list;
}
