/* zc-declarations-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declarations-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-api-client.h"
#include "zc-declaration-body.h"
#include "zc-declarations-page.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-home.h"
#include "zc-plan-details.h"

/* Everything shown comes from the local store, so the page works
 * offline; an action is queued for the next sync and the server's
 * answer arrives with the pull.  Online, the server's own timeline of
 * the chosen declaration replaces the one made from the messages. */

struct _ZcDeclarationsPage
{
  AdwBin                 parent_instance;

  ZcLocalStore          *store;       /* owned */
  ZcSession             *session;     /* owned, nullable */
  GPtrArray             *items;       /* owned, of ZcDeclarationItem, one per row */
  char                  *selected_id; /* owned, nullable */
  GCancellable          *fetching;    /* owned, nullable */
  guint                  refresh_id;

  AdwLeaflet            *leaflet;
  GtkListBox            *list;
  GtkWidget             *empty;
  GtkWidget             *back_button;
  GtkWidget             *details;     /* the detail pane's content, shown with a declaration */
  GtkWidget             *nothing;     /* shown without one */
  GtkLabel              *plan_label;
  GtkLabel              *state_label;
  GtkLabel              *notice_label;  /* reasons, deadline, waiting */
  GtkWidget             *actions;
  GtkWidget             *buttons[ZC_N_DECLARATION_ACTIONS];  /* in actions, when shown */
  ZcDeclarationTimeline *timeline;
};

G_DEFINE_FINAL_TYPE (ZcDeclarationsPage, zc_declarations_page, ADW_TYPE_BIN)

static const char *
body_string (JsonObject *body,
             const char *name)
{
  JsonNode *node = body != NULL ? json_object_get_member (body, name) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static char *
format_beijing (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_offset (8 * 60 * 60);
  local = g_date_time_to_timezone (time, zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* "工程师（电气工程）", or a placeholder while the title is not chosen */
static char *
declared_title (ZcDeclarationItem *item)
{
  JsonObject *body = zc_record_get_body (item->record);
  JsonNode *node = body != NULL ? json_object_get_member (body, "title") : NULL;
  JsonObject *pick = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *title = body_string (pick, "title");
  const char *specialty = body_string (pick, "specialty");

  if (title == NULL)
    return g_strdup (_("Title not chosen yet"));
  if (specialty == NULL || *specialty == '\0')
    return g_strdup (title);
  /* Translators: a title and its specialty */
  return g_strdup_printf (_("%s (%s)"), title, specialty);
}

static const char *
plan_name (ZcDeclarationItem *item)
{
  return item->plan != NULL ? zc_plan_get_name (item->plan) : _("Plan not received yet");
}

static const char *
item_state_label (ZcDeclarationItem *item)
{
  return item->state_known ? zc_declaration_state_get_label (item->state, ZC_LANGUAGE_LOCALE)
                           : zc_record_get_state (item->record);
}

static ZcDeclarationItem *
find_item (ZcDeclarationsPage *self,
           const char         *id,
           guint              *index_out)
{
  for (guint i = 0; id != NULL && self->items != NULL && i < self->items->len; i++)
    {
      ZcDeclarationItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (zc_record_get_id (item->record), id) == 0)
        {
          if (index_out != NULL)
            *index_out = i;
          return item;
        }
    }
  return NULL;
}

/* The list */

static GtkWidget *
item_row (ZcDeclarationItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = declared_title (item);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_printf (subtitle, "%s · %s", title, item_state_label (item));
  if (item->n_waiting > 0)
    g_string_append_printf (subtitle, " · %s",
                            g_dngettext (GETTEXT_PACKAGE, "a change waits to be sent",
                                         "changes wait to be sent", item->n_waiting));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plan_name (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE, "icon-name", "x-office-document-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* The details */

static void fill_details (ZcDeclarationsPage *self);

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ZcDeclarationsPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  answer = zc_api_client_get_declaration_finish (ZC_API_CLIENT (source), result, &error);
  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The server's timeline is not available: %s", error->message);
      return;
    }
  entries = zc_declaration_timeline_entries_from_json (answer);
  if (entries != NULL && entries->len > 0)
    zc_declaration_timeline_set_entries (self->timeline, entries);
}

static void
fetch_timeline (ZcDeclarationsPage *self,
                ZcDeclarationItem  *item)
{
  g_cancellable_cancel (self->fetching);
  g_clear_object (&self->fetching);
  /* not on the server yet: nothing to ask for */
  if (self->session == NULL || zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN ||
      zc_record_get_version (item->record) == 0)
    return;
  self->fetching = g_cancellable_new ();
  zc_api_client_get_declaration_async (zc_session_get_api_client (self->session), zc_record_get_id (item->record),
                                       self->fetching, on_fetched, g_object_ref (self));
}

static void
on_confirmed (AdwMessageDialog   *dialog,
              const char         *response,
              ZcDeclarationsPage *self)
{
  ZcDeclarationAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "action"));
  const char *id = g_object_get_data (G_OBJECT (dialog), "declaration-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "confirm") != 0)
    return;
  if (!zc_local_store_queue_declaration_action (self->store, id, action, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *failed = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                               : NULL,
                                                                         _("The action could not be queued"),
                                                                         error->message));

      adw_message_dialog_add_response (failed, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
    }
}

static void
confirm_action (ZcDeclarationsPage  *self,
                ZcDeclarationAction  action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean withdraw = action == ZC_DECLARATION_ACTION_WITHDRAW;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       withdraw ? _("Withdraw the declaration?")
                                                                : _("Discard the declaration?"),
                                                       withdraw
                                                         ? _("It goes back to you as a draft, as long as your unit "
                                                             "has not acted on it. The withdrawal is sent with the "
                                                             "next sync.")
                                                         : _("A discarded declaration cannot be taken up again. "
                                                             "You may then declare again this year.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "confirm", withdraw ? _("_Withdraw") : C_("declaration", "_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              withdraw ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "action", GINT_TO_POINTER (action));
  g_object_set_data_full (G_OBJECT (dialog), "declaration-id", g_strdup (self->selected_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_action_clicked (GtkButton          *button,
                   ZcDeclarationsPage *self)
{
  ZcDeclarationAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "action"));
  ZcDeclarationItem *item = find_item (self, self->selected_id, NULL);

  if (item == NULL)
    return;
  if (action == ZC_DECLARATION_ACTION_SAVE_DRAFT)
    {
      if (item->plan != NULL)
        zc_plan_details_open_wizard (GTK_WIDGET (self), self->store, item->plan, zc_record_get_id (item->record));
      return;
    }
  confirm_action (self, action);
}

static void
add_button (ZcDeclarationsPage  *self,
            ZcDeclarationAction  action,
            const char          *label,
            const char          *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  g_object_set_data (G_OBJECT (button), "action", GINT_TO_POINTER (action));
  g_signal_connect (button, "clicked", G_CALLBACK (on_action_clicked), self);
  gtk_box_append (GTK_BOX (self->actions), button);
  self->buttons[action] = button;
}

static void
fill_actions (ZcDeclarationsPage *self,
              ZcDeclarationItem  *item)
{
  ZcPlanType plan_type = item->plan != NULL ? zc_plan_get_plan_type (item->plan) : ZC_PLAN_TYPE_REVIEW;
  g_autoptr(GArray) actions = NULL;
  gboolean waiting = zc_local_store_get_declaration_waiting_action (self->store, zc_record_get_id (item->record)) >= 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->actions)) != NULL)
    gtk_box_remove (GTK_BOX (self->actions), child);
  memset (self->buttons, 0, sizeof self->buttons);
  if (!item->state_known)
    return;

  actions = zc_declaration_workflow_available_actions (plan_type, item->state, ZC_ROLE_APPLICANT);
  if (zc_declaration_state_is_editable_by_applicant (item->state))
    {
      add_button (self, ZC_DECLARATION_ACTION_SAVE_DRAFT, _("_Continue Editing"), "suggested-action");
      gtk_widget_set_sensitive (self->buttons[ZC_DECLARATION_ACTION_SAVE_DRAFT], item->plan != NULL && !waiting);
    }
  for (guint i = 0; i < actions->len; i++)
    {
      ZcDeclarationAction action = g_array_index (actions, ZcDeclarationAction, i);

      if (action == ZC_DECLARATION_ACTION_WITHDRAW)
        add_button (self, action, _("_Withdraw…"), NULL);
      else if (action == ZC_DECLARATION_ACTION_DISCARD)
        add_button (self, action, _("D_iscard…"), "destructive-action");
      else
        continue;
      gtk_widget_set_sensitive (self->buttons[action], !waiting);
    }
  gtk_widget_set_visible (self->actions, gtk_widget_get_first_child (self->actions) != NULL);
}

static void
fill_notice (ZcDeclarationsPage *self,
             ZcDeclarationItem  *item)
{
  g_autoptr(GString) notice = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *deadline = zc_declaration_item_get_deadline (item);
  const char *comment = zc_record_get_review_comment (item->record);
  int waiting = zc_local_store_get_declaration_waiting_action (self->store, zc_record_get_id (item->record));
  gboolean warn = zc_declaration_item_deadline_is_close (item, now);

  if (item->state_known && item->state == ZC_DECLARATION_STATE_RETURNED && comment != NULL && *comment != '\0')
    g_string_append_printf (notice, _("Returned with the reason: %s"), comment);
  if (deadline != NULL)
    {
      g_autofree char *when = format_beijing (deadline);

      if (notice->len > 0)
        g_string_append_c (notice, '\n');
      g_string_append_printf (notice, warn ? _("Deadline %s (Beijing time) is close, and changes still wait to be sent: sync before then.")
                                           : _("Deadline: %s (Beijing time)"), when);
    }
  if (waiting >= 0)
    {
      if (notice->len > 0)
        g_string_append_c (notice, '\n');
      g_string_append_printf (notice, _("“%s” waits for the next sync."),
                              zc_declaration_action_get_label ((ZcDeclarationAction) waiting, ZC_LANGUAGE_LOCALE));
    }

  gtk_label_set_label (self->notice_label, notice->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice->len > 0);
  if (warn)
    gtk_widget_add_css_class (GTK_WIDGET (self->notice_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->notice_label), "warning");
}

static void
fill_details (ZcDeclarationsPage *self)
{
  ZcDeclarationItem *item = find_item (self, self->selected_id, NULL);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (self->details, item != NULL);
  gtk_widget_set_visible (self->nothing, item == NULL);
  if (item == NULL)
    return;

  title = declared_title (item);
  subtitle = g_strdup_printf ("%s · %s", title, item_state_label (item));
  gtk_label_set_label (self->plan_label, plan_name (item));
  gtk_label_set_label (self->state_label, subtitle);
  fill_notice (self, item);
  fill_actions (self, item);

  messages = zc_local_store_list_record_messages (self->store, zc_record_get_id (item->record), &error);
  if (messages == NULL)
    g_warning ("Cannot read the messages: %s", error->message);
  else
    entries = zc_declaration_timeline_entries_from_messages (messages);
  zc_declaration_timeline_set_entries (self->timeline, entries);
  fetch_timeline (self, item);
}

static void
on_row_selected (ZcDeclarationsPage *self,
                 GtkListBoxRow      *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0 || (guint) index >= self->items->len)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (zc_record_get_id (((ZcDeclarationItem *) g_ptr_array_index (self->items, index))->record));
  fill_details (self);
}

static void
on_row_activated (ZcDeclarationsPage *self,
                  GtkListBoxRow      *row)
{
  on_row_selected (self, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (self->back_button);
}

void
zc_declarations_page_reload (ZcDeclarationsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint index = 0;

  g_return_if_fail (ZC_IS_DECLARATIONS_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = zc_local_store_list_declaration_items (self->store, &error);
  if (self->items == NULL)
    {
      g_warning ("Cannot read the declarations: %s", error->message);
      self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_item_free);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->items->len; i++)
    gtk_list_box_append (self->list, item_row (g_ptr_array_index (self->items, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->items->len > 0);
  gtk_widget_set_visible (self->empty, self->items->len == 0);

  if (find_item (self, self->selected_id, &index) != NULL)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) index));
  else
    g_clear_pointer (&self->selected_id, g_free);
  fill_details (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  ZcDeclarationsPage *self = user_data;

  self->refresh_id = 0;
  zc_declarations_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* A sync writes many records at once: one reload for all of them. */
static void
on_store_changed (ZcDeclarationsPage *self,
                  const char         *record_id,
                  const char         *kind)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_back (ZcDeclarationsPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "declarations");
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
on_folded (ZcDeclarationsPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
open_plans_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);

  if (stack != NULL && adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "plans") != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "plans");
}

/* Building */

static GtkWidget *
build_list_pane (ZcDeclarationsPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("My Declarations"));
  GtkWidget *button;

  gtk_widget_set_size_request (scroller, 300, -1);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (box), heading);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("My declarations"), -1);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No declarations yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("Choose a review plan and declare to it; your declarations appear here."));
  gtk_widget_add_css_class (self->empty, "compact");
  button = gtk_button_new_with_mnemonic (_("_Review Plans"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "declarations.open-plans");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  adw_status_page_set_child (ADW_STATUS_PAGE (self->empty), button);
  gtk_box_append (GTK_BOX (box), self->empty);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  return scroller;
}

static GtkLabel *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static GtkWidget *
build_details_pane (ZcDeclarationsPage *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *progress = gtk_label_new (_("Progress"));

  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to my declarations"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to my declarations"), -1);
  gtk_widget_set_halign (self->back_button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->back_button, 12);
  gtk_widget_set_margin_top (self->back_button, 8);
  gtk_widget_set_visible (self->back_button, FALSE);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back), self);
  gtk_box_append (GTK_BOX (pane), self->back_button);

  self->nothing = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->nothing), "x-office-document-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->nothing), _("No declaration chosen"));
  gtk_widget_set_vexpand (self->nothing, TRUE);
  gtk_box_append (GTK_BOX (pane), self->nothing);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  self->plan_label = wrapped_label ("title-2");
  self->state_label = wrapped_label ("dim-label");
  self->notice_label = wrapped_label (NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->notice_label), "zc-declaration-notice");
  self->actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_label_set_xalign (GTK_LABEL (progress), 0);
  gtk_widget_add_css_class (progress, "heading");
  gtk_widget_set_margin_top (progress, 12);
  self->timeline = ZC_DECLARATION_TIMELINE (zc_declaration_timeline_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->plan_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->state_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notice_label));
  gtk_box_append (GTK_BOX (box), self->actions);
  gtk_box_append (GTK_BOX (box), progress);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->timeline));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  self->details = scroller;
  gtk_box_append (GTK_BOX (pane), scroller);
  gtk_widget_set_hexpand (pane, TRUE);
  gtk_widget_set_size_request (pane, 300, -1);
  return pane;
}

static void
zc_declarations_page_dispose (GObject *object)
{
  ZcDeclarationsPage *self = ZC_DECLARATIONS_PAGE (object);

  g_cancellable_cancel (self->fetching);
  g_clear_object (&self->fetching);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* the rows go with the list: no selection changes on the way out */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->list = NULL;
  self->leaflet = NULL;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_declarations_page_parent_class)->dispose (object);
}

static void
zc_declarations_page_class_init (ZcDeclarationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_declarations_page_dispose;
  gtk_widget_class_install_action (widget_class, "declarations.open-plans", NULL, open_plans_action);
}

static void
zc_declarations_page_init (ZcDeclarationsPage *self)
{
}

/**
 * zc_declarations_page_new:
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
zc_declarations_page_new (ZcLocalStore *store)
{
  ZcDeclarationsPage *self;
  AdwLeafletPage *page;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_DECLARATIONS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  page = adw_leaflet_append (self->leaflet, build_list_pane (self));
  adw_leaflet_page_set_name (page, "declarations");
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  page = adw_leaflet_append (self->leaflet, build_details_pane (self));
  adw_leaflet_page_set_name (page, "details");
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->leaflet));

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::outbox-count", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  zc_declarations_page_reload (self);
  return GTK_WIDGET (self);
}

void
zc_declarations_page_set_session (ZcDeclarationsPage *self,
                                  ZcSession          *session)
{
  ZcDeclarationItem *item;

  g_return_if_fail (ZC_IS_DECLARATIONS_PAGE (self));
  g_return_if_fail (session == NULL || ZC_IS_SESSION (session));

  g_set_object (&self->session, session);
  item = find_item (self, self->selected_id, NULL);
  if (item != NULL)
    fetch_timeline (self, item);
}

guint
zc_declarations_page_get_n_declarations (ZcDeclarationsPage *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATIONS_PAGE (self), 0);
  return self->items->len;
}

/* Returns: (transfer none): the list of declarations */
GtkListBox *
zc_declarations_page_get_list (ZcDeclarationsPage *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATIONS_PAGE (self), NULL);
  return self->list;
}

gboolean
zc_declarations_page_select (ZcDeclarationsPage *self,
                             const char         *declaration_id)
{
  guint index;

  g_return_val_if_fail (ZC_IS_DECLARATIONS_PAGE (self), FALSE);
  g_return_val_if_fail (declaration_id != NULL, FALSE);

  if (find_item (self, declaration_id, &index) == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) index));
  return TRUE;
}

const char *
zc_declarations_page_get_selected_id (ZcDeclarationsPage *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATIONS_PAGE (self), NULL);
  return self->selected_id;
}

/* Returns: (transfer none): the timeline of the declaration shown */
ZcDeclarationTimeline *
zc_declarations_page_get_timeline (ZcDeclarationsPage *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATIONS_PAGE (self), NULL);
  return self->timeline;
}

/* Returns: (transfer none) (nullable): the button */
GtkWidget *
zc_declarations_page_get_action_button (ZcDeclarationsPage  *self,
                                        ZcDeclarationAction  action)
{
  g_return_val_if_fail (ZC_IS_DECLARATIONS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) action < ZC_N_DECLARATION_ACTIONS, NULL);
  return self->buttons[action];
}
