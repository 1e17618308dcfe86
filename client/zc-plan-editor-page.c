/* zc-plan-editor-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan-editor-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-api-client.h"
#include "zc-plan-details.h"
#include "zc-plan-editor-page-private.h"
#include "zc-plan-object.h"
#include "zc-roster-csv.h"

/* Plans live on the server (docs/declarations.md "Plans"): every
 * action here is a request, and nothing is queued offline.  After each
 * change the list is asked for again, so it always shows what the
 * server holds. */

G_DEFINE_FINAL_TYPE (ZcPlanEditorPage, zc_plan_editor_page, ADW_TYPE_BIN)

/* One line under the banner with the newest news: a success, or a
 * refusal in the error colour (toasts would queue old news). */
void
zc_plan_editor_page_say_full (ZcPlanEditorPage *self,
                              const char       *message,
                              gboolean          problem)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (GTK_LABEL (self->status), message);
  if (problem)
    gtk_widget_add_css_class (self->status, "error");
  else
    gtk_widget_remove_css_class (self->status, "error");
  gtk_widget_set_visible (self->status, message != NULL);
}

void
zc_plan_editor_page_say (ZcPlanEditorPage *self,
                         const char       *message)
{
  zc_plan_editor_page_say_full (self, message, FALSE);
}

void
zc_plan_editor_page_set_online (ZcPlanEditorPage *self,
                                gboolean          online)
{
  self->online = online;
  gtk_widget_set_visible (self->banner, !online && self->can_manage);
  zc_plan_editor_page_update_actions (self);
}

/* A failed request: offline, a refusal to show, or a race to resolve
 * by reading the list again. */
void
zc_plan_editor_page_report_error (ZcPlanEditorPage *self,
                                  const GError     *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK) ||
      g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED))
    zc_plan_editor_page_set_online (self, FALSE);
  zc_plan_editor_page_say_full (self, error->message, TRUE);
}

void
zc_plan_editor_page_begin (ZcPlanEditorPage *self)
{
  self->busy++;
  zc_plan_editor_page_update_actions (self);
}

void
zc_plan_editor_page_end (ZcPlanEditorPage *self)
{
  g_return_if_fail (self->busy > 0);
  self->busy--;
  zc_plan_editor_page_update_actions (self);
}

/* ---- the list ----------------------------------------------------------- */

static const char *
state_badge_class (ZcPlanState state)
{
  switch (state)
    {
    case ZC_PLAN_STATE_DRAFT:
      return "pending";
    case ZC_PLAN_STATE_PUBLISHED:
      return "approved";
    case ZC_PLAN_STATE_CLOSED:
    default:
      return "unreviewed";
    }
}

static char *
describe_version (ZcPlan *plan)
{
  g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, zc_plan_get_year (plan));
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, zc_plan_get_version (plan));

  /* Translators: "2026 · version 2": a plan's year, then its version */
  return g_strdup_printf (_("%s · version %s"), year, version);
}

static GtkWidget *
plan_row_new (gpointer item,
              gpointer user_data)
{
  ZcPlan *plan = zc_plan_object_get_plan (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (zc_plan_get_name (plan));
  GtkWidget *badge = gtk_label_new (zc_plan_state_get_label (zc_plan_get_state (plan), ZC_LANGUAGE_LOCALE));
  g_autofree char *version = describe_version (plan);
  GtkWidget *detail = gtk_label_new (version);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 3);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, state_badge_class (zc_plan_get_state (plan)));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (line), badge);
  gtk_box_append (GTK_BOX (line), detail);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "plan-id", g_strdup (zc_plan_get_id (plan)), g_free);
  return row;
}

static void
show_selected (ZcPlanEditorPage *self)
{
  GtkWidget *button;

  zc_plan_details_set_plan (ZC_PLAN_DETAILS (self->details), self->selected);
  /* the officer does not declare: the applicant's button goes */
  button = zc_plan_details_get_declare_button (ZC_PLAN_DETAILS (self->details));
  if (button != NULL)
    gtk_widget_set_visible (gtk_widget_get_parent (button), FALSE);

  if (self->selected != NULL)
    {
      g_autofree char *version = describe_version (self->selected);
      /* Translators: "Draft · 2026 · version 2" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"),
                                               zc_plan_state_get_label (zc_plan_get_state (self->selected),
                                                                        ZC_LANGUAGE_LOCALE),
                                               version);

      gtk_label_set_label (GTK_LABEL (self->state_label), text);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->state_label), "");
  zc_plan_editor_page_update_actions (self);
}

static void
on_row_selected (GtkListBox       *box,
                 GtkListBoxRow    *row,
                 ZcPlanEditorPage *self)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  g_autoptr(ZcPlanObject) object = index >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->plans), index) : NULL;

  g_clear_pointer (&self->selected, zc_plan_unref);
  if (object != NULL)
    self->selected = zc_plan_ref (zc_plan_object_get_plan (object));
  show_selected (self);
}

gboolean
zc_plan_editor_page_select_plan (ZcPlanEditorPage *self,
                                 const char       *plan_id)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->plans)); i++)
    {
      g_autoptr(ZcPlanObject) object = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      if (g_strcmp0 (zc_plan_object_get_id (object), plan_id) == 0)
        {
          gtk_list_box_select_row (GTK_LIST_BOX (self->list_box),
                                   gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list_box), (int) i));
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
own_committee_id (ZcPlanEditorPage *self)
{
  JsonObject *account = zc_session_get_account (self->session);
  JsonNode *unit = account != NULL ? json_object_get_member (account, "unit") : NULL;
  JsonNode *id = unit != NULL && JSON_NODE_HOLDS_OBJECT (unit)
                   ? json_object_get_member (json_node_get_object (unit), "id") : NULL;

  return id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING
           ? json_node_get_string (id) : NULL;
}

static void
on_plans_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ZcPlanEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = zc_api_client_list_plans_finish (ZC_API_CLIENT (source), result, &error);
  g_autofree char *keep = NULL;
  const char *committee;

  zc_plan_editor_page_end (self);
  if (plans == NULL)
    {
      zc_plan_editor_page_report_error (self, error);
      return;
    }
  zc_plan_editor_page_set_online (self, TRUE);

  keep = g_strdup (self->select_after != NULL ? self->select_after
                   : self->selected != NULL ? zc_plan_get_id (self->selected) : NULL);
  g_clear_pointer (&self->select_after, g_free);
  committee = own_committee_id (self);
  g_list_store_remove_all (self->plans);
  for (guint i = 0; i < plans->len; i++)
    {
      ZcPlan *plan = plans->pdata[i];
      g_autoptr(ZcPlanObject) object = NULL;

      /* the list holds every published plan; this page, the committee's */
      if (committee != NULL && g_strcmp0 (zc_plan_get_committee_id (plan), committee) != 0)
        continue;
      object = zc_plan_object_new (plan);
      g_list_store_append (self->plans, object);
    }
  gtk_widget_set_visible (self->empty, g_list_model_get_n_items (G_LIST_MODEL (self->plans)) == 0);
  if (keep == NULL || !zc_plan_editor_page_select_plan (self, keep))
    {
      g_clear_pointer (&self->selected, zc_plan_unref);
      show_selected (self);
    }
}

void
zc_plan_editor_page_reload (ZcPlanEditorPage *self)
{
  g_return_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self));

  if (!self->can_manage)
    return;
  if (zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN)
    {
      zc_plan_editor_page_set_online (self, FALSE);
      return;
    }
  zc_plan_editor_page_begin (self);
  zc_api_client_list_plans_async (zc_session_get_api_client (self->session), self->cancellable,
                                  on_plans_listed, g_object_ref (self));
}

/* ---- actions ------------------------------------------------------------ */

void
zc_plan_editor_page_update_actions (ZcPlanEditorPage *self)
{
  gboolean ready = self->can_manage && self->online && self->busy == 0;
  ZcPlanState state = self->selected != NULL ? zc_plan_get_state (self->selected) : ZC_PLAN_STATE_DRAFT;
  gint64 version = self->selected != NULL ? zc_plan_get_version (self->selected) : 0;
  gboolean sensitive[ZC_PLAN_EDITOR_N_ACTIONS] = {
    [ZC_PLAN_EDITOR_ACTION_NEW] = ready,
    [ZC_PLAN_EDITOR_ACTION_EDIT] = ready && self->selected != NULL && state == ZC_PLAN_STATE_DRAFT,
    [ZC_PLAN_EDITOR_ACTION_PUBLISH] = ready && self->selected != NULL && state == ZC_PLAN_STATE_DRAFT,
    [ZC_PLAN_EDITOR_ACTION_CLOSE] = ready && self->selected != NULL && state == ZC_PLAN_STATE_PUBLISHED,
    [ZC_PLAN_EDITOR_ACTION_REVISE] = ready && self->selected != NULL && state == ZC_PLAN_STATE_PUBLISHED,
    /* a first draft has no declarations yet */
    [ZC_PLAN_EDITOR_ACTION_EXPORT] = ready && self->selected != NULL && (state != ZC_PLAN_STATE_DRAFT || version > 1),
    [ZC_PLAN_EDITOR_ACTION_REFRESH] = self->can_manage && self->busy == 0,
    [ZC_PLAN_EDITOR_ACTION_SAVE] = self->can_manage && self->busy == 0 && self->editor != NULL,
    [ZC_PLAN_EDITOR_ACTION_CANCEL] = self->editor != NULL,
  };

  for (guint i = 0; i < ZC_PLAN_EDITOR_N_ACTIONS; i++)
    if (self->buttons[i] != NULL)
      gtk_widget_set_sensitive (self->buttons[i], sensitive[i]);
}

static GtkWidget *
action_button (ZcPlanEditorPage   *self,
               ZcPlanEditorAction  action,
               const char         *label,
               const char         *css_class,
               GCallback           callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  g_signal_connect_swapped (button, "clicked", callback, self);
  self->buttons[action] = button;
  return button;
}

static gboolean
on_declare (ZcPlanDetails *details,
            ZcPlan        *plan,
            const char    *declaration_id,
            gpointer       user_data)
{
  return TRUE;  /* an officer does not declare */
}

static GtkWidget *
build_list (ZcPlanEditorPage *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Review Plans of the Committee"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *refresh;

  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 10);
  gtk_widget_set_margin_bottom (header, 10);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "title-3");
  gtk_widget_set_hexpand (title, TRUE);
  refresh = action_button (self, ZC_PLAN_EDITOR_ACTION_REFRESH, NULL, "flat", G_CALLBACK (zc_plan_editor_page_reload));
  gtk_button_set_icon_name (GTK_BUTTON (refresh), "view-refresh-symbolic");
  gtk_widget_set_tooltip_text (refresh, _("Refresh"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Refresh"), -1);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), refresh);
  gtk_box_append (GTK_BOX (header), action_button (self, ZC_PLAN_EDITOR_ACTION_NEW, _("_New Plan"),
                                                   "suggested-action", G_CALLBACK (zc_plan_editor_page_on_new)));
  gtk_box_append (GTK_BOX (page), header);
  gtk_box_append (GTK_BOX (page), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* the plans at the side */
  self->list_box = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list_box, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review plans"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), G_LIST_MODEL (self->plans), plan_row_new, NULL, NULL);
  g_signal_connect (self->list_box, "row-selected", G_CALLBACK (on_row_selected), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_box);
  gtk_widget_set_vexpand (scroller, TRUE);
  self->empty = gtk_label_new (_("The committee has no plans yet. Start one with New Plan."));
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_margin_start (self->empty, 12);
  gtk_widget_set_margin_end (self->empty, 12);
  gtk_widget_set_margin_top (self->empty, 24);
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_box_append (GTK_BOX (side), self->empty);
  gtk_box_append (GTK_BOX (side), scroller);
  gtk_widget_set_size_request (side, 300, -1);
  gtk_box_append (GTK_BOX (body), side);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  /* the chosen plan, its actions above it */
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  self->state_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->state_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->state_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->state_label, "heading");
  gtk_widget_set_hexpand (self->state_label, TRUE);
  gtk_box_append (GTK_BOX (bar), self->state_label);
  gtk_box_append (GTK_BOX (bar), action_button (self, ZC_PLAN_EDITOR_ACTION_EDIT, _("_Edit"), NULL,
                                                G_CALLBACK (zc_plan_editor_page_on_edit)));
  gtk_box_append (GTK_BOX (bar), action_button (self, ZC_PLAN_EDITOR_ACTION_PUBLISH, _("_Publish"),
                                                "suggested-action", G_CALLBACK (zc_plan_editor_page_on_publish)));
  gtk_box_append (GTK_BOX (bar), action_button (self, ZC_PLAN_EDITOR_ACTION_REVISE, _("_Revise"), NULL,
                                                G_CALLBACK (zc_plan_editor_page_on_revise)));
  gtk_box_append (GTK_BOX (bar), action_button (self, ZC_PLAN_EDITOR_ACTION_CLOSE, _("C_lose"),
                                                "destructive-action", G_CALLBACK (zc_plan_editor_page_on_close)));
  gtk_box_append (GTK_BOX (bar), action_button (self, ZC_PLAN_EDITOR_ACTION_EXPORT, _("Export _Roster"), NULL,
                                                G_CALLBACK (zc_plan_editor_page_on_export)));
  self->details = zc_plan_details_new (self->store);
  g_signal_connect (self->details, "declare", G_CALLBACK (on_declare), NULL);
  gtk_widget_set_vexpand (self->details, TRUE);
  gtk_widget_set_hexpand (main, TRUE);
  gtk_box_append (GTK_BOX (main), bar);
  gtk_box_append (GTK_BOX (main), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (main), self->details);
  gtk_box_append (GTK_BOX (body), main);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (page), body);
  return page;
}

static gboolean
on_save_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  zc_plan_editor_page_on_save (user_data);
  return TRUE;
}

static GtkWidget *
build_editor (ZcPlanEditorPage *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 10);
  gtk_widget_set_margin_bottom (header, 10);
  self->editor_title = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->editor_title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->editor_title, "title-3");
  gtk_widget_set_hexpand (self->editor_title, TRUE);
  gtk_box_append (GTK_BOX (header), action_button (self, ZC_PLAN_EDITOR_ACTION_CANCEL, _("_Cancel"), NULL,
                                                   G_CALLBACK (zc_plan_editor_page_close_editor)));
  gtk_box_append (GTK_BOX (header), self->editor_title);
  gtk_box_append (GTK_BOX (header), action_button (self, ZC_PLAN_EDITOR_ACTION_SAVE, _("_Save Draft"),
                                                   "suggested-action", G_CALLBACK (zc_plan_editor_page_on_save)));
  gtk_box_append (GTK_BOX (page), header);
  gtk_box_append (GTK_BOX (page), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  /* Ctrl+S saves (Escape does not throw the form away: too easy to lose work) */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                            gtk_callback_action_new (on_save_shortcut, self, NULL)));
    gtk_widget_add_controller (page, shortcuts);
  }
  self->editor_bin = adw_bin_new ();
  gtk_widget_set_vexpand (self->editor_bin, TRUE);
  gtk_box_append (GTK_BOX (page), self->editor_bin);
  return page;
}

static void
on_session_state (ZcPlanEditorPage *self)
{
  if (zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN)
    zc_plan_editor_page_reload (self);
  else
    zc_plan_editor_page_set_online (self, FALSE);
}

/* ---- GObject ------------------------------------------------------------ */

static void
zc_plan_editor_page_dispose (GObject *object)
{
  ZcPlanEditorPage *self = ZC_PLAN_EDITOR_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  self->editor = NULL;
  /* the rows go with the list, which must not update what is gone */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_data (self->list_box, self);
  self->list_box = NULL;
  memset (self->buttons, 0, sizeof self->buttons);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plans);
  g_clear_pointer (&self->selected, zc_plan_unref);
  g_clear_pointer (&self->select_after, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (zc_plan_editor_page_parent_class)->dispose (object);
}

static void
zc_plan_editor_page_class_init (ZcPlanEditorPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zc_plan_editor_page_dispose;
}

static void
zc_plan_editor_page_init (ZcPlanEditorPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->plans = g_list_store_new (ZC_TYPE_PLAN_OBJECT);

}

/**
 * zc_plan_editor_page_new:
 *
 * Returns: (transfer floating): the page; for an account that is not a
 *   committee officer it only says so
 */
GtkWidget *
zc_plan_editor_page_new (ZcLocalStore *store,
                         ZcSession    *session)
{
  ZcPlanEditorPage *self;
  GtkWidget *box, *label;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_PLAN_EDITOR_PAGE, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->can_manage = g_strcmp0 (zc_session_get_role (session), "committee_officer") == 0;

  if (!self->can_manage)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Review Plans"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Review plans are made and published by the officers of a review "
                                         "committee. Published plans are on the Review Plans page."));
      adw_bin_set_child (ADW_BIN (self), status);
      return GTK_WIDGET (self);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (_("You are offline. Review plans are kept on the server: creating, editing, "
                           "publishing and the roster work only while connected."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (self->banner), gtk_image_new_from_icon_name ("network-offline-symbolic"));
  gtk_box_append (GTK_BOX (self->banner), label);
  gtk_widget_add_css_class (self->banner, "card");
  gtk_widget_add_css_class (self->banner, "warning");
  gtk_widget_set_margin_start (self->banner, 12);
  gtk_widget_set_margin_end (self->banner, 12);
  gtk_widget_set_margin_top (self->banner, 8);
  for (GtkWidget *child = gtk_widget_get_first_child (self->banner); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_top (child, 8);
      gtk_widget_set_margin_bottom (child, 8);
    }
  gtk_widget_set_margin_start (gtk_widget_get_first_child (self->banner), 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (GTK_LABEL (label)), -1);
  gtk_box_append (GTK_BOX (box), self->banner);
  self->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->status), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (self->status, 12);
  gtk_widget_set_margin_end (self->status, 12);
  gtk_widget_set_margin_top (self->status, 6);
  gtk_widget_set_visible (self->status, FALSE);
  gtk_box_append (GTK_BOX (box), self->status);

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), build_list (self), "list");
  gtk_stack_add_named (GTK_STACK (self->stack), build_editor (self), "editor");
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (box), self->stack);
  adw_bin_set_child (ADW_BIN (self), box);

  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
  self->online = zc_session_get_state (session) == ZC_SESSION_STATE_SIGNED_IN;
  show_selected (self);
  zc_plan_editor_page_reload (self);
  return GTK_WIDGET (self);
}

gboolean
zc_plan_editor_page_is_busy (ZcPlanEditorPage *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), FALSE);
  return self->busy > 0;
}

gboolean
zc_plan_editor_page_is_online (ZcPlanEditorPage *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), FALSE);
  return self->online;
}

gboolean
zc_plan_editor_page_can_manage (ZcPlanEditorPage *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), FALSE);
  return self->can_manage;
}

GListModel *
zc_plan_editor_page_get_plans (ZcPlanEditorPage *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), NULL);
  return G_LIST_MODEL (self->plans);
}

ZcPlan *
zc_plan_editor_page_get_selected_plan (ZcPlanEditorPage *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), NULL);
  return self->selected;
}

ZcPlanEditor *
zc_plan_editor_page_get_editor (ZcPlanEditorPage *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), NULL);
  return self->editor != NULL ? ZC_PLAN_EDITOR (self->editor) : NULL;
}

GtkWidget *
zc_plan_editor_page_get_action_button (ZcPlanEditorPage   *self,
                                       ZcPlanEditorAction  action)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), NULL);
  g_return_val_if_fail ((guint) action < ZC_PLAN_EDITOR_N_ACTIONS, NULL);
  return self->buttons[action];
}

const char *
zc_plan_editor_page_get_message (ZcPlanEditorPage *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self), NULL);
  return self->message;
}
