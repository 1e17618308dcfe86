/* zc-binding-requests.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-binding-requests"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-binding-requests.h"
#include "zc-json.h"

/* The unit officer's queue of binding requests: applicants who asked to
 * belong to the unit, oldest first, each approved or denied with a
 * reason.  Decisions are made on the server only; offline the list says
 * so and keeps what it last showed, its buttons disabled. */

struct _ZcBindingRequests
{
  GtkBox         parent_instance;

  ZcSession     *session;
  GCancellable  *cancellable;
  guint          busy;
  gboolean       online;
  guint          n_requests;
  gboolean       notice;        /* the status tells of the last decision */

  GtkWidget     *count;
  GtkWidget     *status;
  GtkWidget     *refresh;
  GtkWidget     *list;
};

G_DEFINE_FINAL_TYPE (ZcBindingRequests, zc_binding_requests, GTK_TYPE_BOX)

#define COMMENT_MAX_CHARS 200   /* the server's ZC_BINDING_COMMENT_MAX_CHARS */

static void load (ZcBindingRequests *self);

static void
say (ZcBindingRequests *self,
     const char        *text)
{
  self->notice = FALSE;
  gtk_label_set_text (GTK_LABEL (self->status), text != NULL ? text : "");
  gtk_widget_set_visible (self->status, text != NULL && *text != '\0');
}

static void
update_actions (ZcBindingRequests *self)
{
  gboolean ready = self->busy == 0 && self->online;

  gtk_widget_set_sensitive (self->refresh, self->busy == 0);
  /* the rows' buttons, not the rows: a screen reader still reads them */
  for (GtkWidget *row = gtk_widget_get_first_child (self->list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *actions = g_object_get_data (G_OBJECT (row), "actions");

      if (actions != NULL)
        gtk_widget_set_sensitive (actions, ready);
    }
}

static void
set_offline (ZcBindingRequests *self)
{
  self->online = FALSE;
  say (self, _("You are offline. Binding requests are decided on the server; connect to approve or deny them."));
  update_actions (self);
}

static gboolean
report_error (ZcBindingRequests *self,
              const GError      *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK) ||
      g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED))
    set_offline (self);
  else
    say (self, error->message);
  return TRUE;
}

static char *
format_time (JsonObject *binding,
             const char *name)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (!zc_json_get_timestamp (binding, name, FALSE, &time, NULL) || time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Deciding */

typedef struct
{
  ZcBindingRequests *self;    /* owned */
  char              *name;
  gboolean           approve;
} Decision;

static void
decision_free (Decision *decision)
{
  g_object_unref (decision->self);
  g_free (decision->name);
  g_free (decision);
}

static void
on_decided (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Decision *decision = user_data;
  ZcBindingRequests *self = decision->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) binding = NULL;

  binding = zc_api_client_decide_binding_finish (ZC_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      decision_free (decision);
      return;
    }
  self->busy--;
  if (binding == NULL)
    {
      report_error (self, error);
      update_actions (self);
      /* decided elsewhere meanwhile: show the queue as it is now */
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_CONFLICT) ||
          g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NOT_FOUND))
        load (self);
      decision_free (decision);
      return;
    }

  {
    g_autofree char *text = decision->approve
      ? g_strdup_printf (_("%s now belongs to the unit."), decision->name)
      : g_strdup_printf (_("The request of %s was denied."), decision->name);

    say (self, text);
    self->notice = TRUE;
  }
  load (self);
  decision_free (decision);
}

static void
decide (ZcBindingRequests *self,
        GtkWidget         *row,
        gboolean           approve,
        const char        *comment)
{
  Decision *decision;
  const char *id = g_object_get_data (G_OBJECT (row), "binding-id");

  if (self->busy > 0 || !self->online || id == NULL)
    return;
  decision = g_new0 (Decision, 1);
  decision->self = g_object_ref (self);
  decision->name = g_strdup (g_object_get_data (G_OBJECT (row), "applicant-name"));
  decision->approve = approve;
  /* the focus leaves the row's buttons and entry before they are disabled */
  gtk_widget_grab_focus (self->list);
  self->busy++;
  update_actions (self);
  zc_api_client_decide_binding_async (zc_session_get_api_client (self->session), id, approve, comment,
                                      self->cancellable, on_decided, decision);
}

static void
on_approve (GtkButton *button,
            GtkWidget *row)
{
  ZcBindingRequests *self = g_object_get_data (G_OBJECT (row), "requests");

  decide (self, row, TRUE, NULL);
}

/* Deny first asks for the reason: the applicant is told why. */
static void
on_deny (GtkButton *button,
         GtkWidget *row)
{
  GtkWidget *deny_box = g_object_get_data (G_OBJECT (row), "deny-box");
  GtkWidget *reason = g_object_get_data (G_OBJECT (row), "reason");

  gtk_widget_set_visible (deny_box, TRUE);
  gtk_widget_grab_focus (reason);
}

static void
on_cancel_deny (GtkButton *button,
                GtkWidget *row)
{
  GtkWidget *deny_box = g_object_get_data (G_OBJECT (row), "deny-box");

  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "reason")), "");
  gtk_widget_set_visible (deny_box, FALSE);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "deny"));
}

static void
on_reason_changed (GtkEditable *reason,
                   GtkWidget   *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "confirm-deny"), *text != '\0');
}

static void
on_confirm_deny (GtkWidget *widget,
                 GtkWidget *row)
{
  ZcBindingRequests *self = g_object_get_data (G_OBJECT (row), "requests");
  GtkEditable *reason = g_object_get_data (G_OBJECT (row), "reason");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  if (*text == '\0')
    return;
  decide (self, row, FALSE, text);
}

/* The list */

static GtkWidget *
named_button (const char *label,
              const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  return button;
}

static GtkWidget *
make_row (ZcBindingRequests *self,
          JsonObject        *binding)
{
  JsonObject *applicant = NULL;
  const char *name = NULL;
  const char *comment = zc_json_member_string (binding, "comment");
  g_autofree char *created = format_time (binding, "created_at");
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  gboolean freelancer = FALSE;
  GtkWidget *row, *box, *line, *label, *actions, *approve, *deny, *deny_box, *reason, *confirm, *cancel;

  zc_json_get_object (binding, "applicant", FALSE, &applicant, NULL);
  name = zc_json_member_string (applicant, "name");
  if (name == NULL)
    name = _("Unknown applicant");
  zc_json_get_boolean (binding, "freelancer", FALSE, &freelancer, NULL);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "binding-id", g_strdup (zc_json_member_string (binding, "id")), g_free);
  g_object_set_data_full (G_OBJECT (row), "applicant-name", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (row), "requests", self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (name);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (line), label);
  if (freelancer)
    {
      label = gtk_label_new (_("Freelancer"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (line), label);
    }
  when = created != NULL ? g_strdup_printf (_("Asked on %s"), created) : g_strdup ("");
  label = gtk_label_new (when);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (box), line);

  if (comment != NULL && *comment != '\0')
    {
      label = gtk_label_new (comment);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
    }

  actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (line, GTK_ALIGN_END);
  approve = named_button (_("_Approve"), "approve");
  gtk_widget_add_css_class (approve, "suggested-action");
  deny = named_button (_("_Deny…"), "deny");
  gtk_box_append (GTK_BOX (line), deny);
  gtk_box_append (GTK_BOX (line), approve);
  gtk_box_append (GTK_BOX (actions), line);

  deny_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  reason = gtk_entry_new ();
  gtk_widget_set_name (reason, "reason");
  gtk_widget_set_hexpand (reason, TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (reason), COMMENT_MAX_CHARS);
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Why the request is denied (the applicant sees this)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for denying"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  confirm = named_button (_("D_eny the request"), "confirm-deny");
  gtk_widget_add_css_class (confirm, "destructive-action");
  gtk_widget_set_sensitive (confirm, FALSE);
  cancel = named_button (_("_Cancel"), "cancel-deny");
  gtk_box_append (GTK_BOX (deny_box), reason);
  gtk_box_append (GTK_BOX (deny_box), cancel);
  gtk_box_append (GTK_BOX (deny_box), confirm);
  gtk_widget_set_visible (deny_box, FALSE);
  gtk_box_append (GTK_BOX (actions), deny_box);
  gtk_box_append (GTK_BOX (box), actions);

  g_object_set_data (G_OBJECT (row), "actions", actions);
  g_object_set_data (G_OBJECT (row), "deny-box", deny_box);
  g_object_set_data (G_OBJECT (row), "reason", reason);
  g_object_set_data (G_OBJECT (row), "deny", deny);
  g_object_set_data (G_OBJECT (row), "confirm-deny", confirm);
  g_signal_connect (approve, "clicked", G_CALLBACK (on_approve), row);
  g_signal_connect (deny, "clicked", G_CALLBACK (on_deny), row);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_deny), row);
  g_signal_connect (confirm, "clicked", G_CALLBACK (on_confirm_deny), row);
  g_signal_connect (reason, "activate", G_CALLBACK (on_confirm_deny), row);
  g_signal_connect (reason, "changed", G_CALLBACK (on_reason_changed), row);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_bindings (ZcBindingRequests *self,
               JsonArray         *bindings)
{
  GtkWidget *child;
  g_autofree char *count = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->list);

  /* let the focused row's widgets see the focus leave before they go */
  if (had_focus)
    gtk_root_set_focus (root, NULL);
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  self->n_requests = 0;
  for (guint i = 0; i < json_array_get_length (bindings); i++)
    {
      JsonObject *binding = json_array_get_object_element (bindings, i);

      if (g_strcmp0 (zc_json_member_string (binding, "state"), "pending") != 0 ||
          zc_json_member_string (binding, "id") == NULL)
        continue;
      gtk_list_box_append (GTK_LIST_BOX (self->list), make_row (self, binding));
      self->n_requests++;
    }
  count = g_strdup_printf (_("%u waiting"),
                           self->n_requests);
  gtk_label_set_text (GTK_LABEL (self->count), count);
  if (had_focus)
    gtk_widget_grab_focus (self->n_requests > 0 ? self->list : self->refresh);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZcBindingRequests) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) bindings = NULL;

  bindings = zc_api_client_list_unit_bindings_finish (ZC_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  if (bindings == NULL)
    {
      report_error (self, error);
      update_actions (self);
      return;
    }
  self->online = TRUE;
  if (!self->notice)
    say (self, NULL);
  show_bindings (self, bindings);
  update_actions (self);
}

static const char *
unit_id_of (ZcSession *session)
{
  JsonObject *account = zc_session_get_account (session);
  JsonObject *unit = NULL;
  const char *id = NULL;

  if (account == NULL || !zc_json_get_object (account, "unit", FALSE, &unit, NULL) || unit == NULL ||
      !zc_json_get_string (unit, "id", TRUE, &id, NULL))
    return NULL;
  return id;
}

static void
load (ZcBindingRequests *self)
{
  const char *unit_id;

  if (zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN)
    {
      set_offline (self);
      return;
    }
  unit_id = unit_id_of (self->session);
  if (unit_id == NULL || g_strcmp0 (zc_session_get_role (self->session), "unit_officer") != 0)
    {
      say (self, _("Only a unit officer decides on binding requests."));
      return;
    }
  self->busy++;
  update_actions (self);
  zc_api_client_list_unit_bindings_async (zc_session_get_api_client (self->session), unit_id, "pending",
                                          self->cancellable, on_loaded, g_object_ref (self));
}

/**
 * zc_binding_requests_refresh:
 *
 * Reads the pending requests again; nothing while a request is under way.
 */
void
zc_binding_requests_refresh (ZcBindingRequests *self)
{
  g_return_if_fail (ZC_IS_BINDING_REQUESTS (self));

  if (self->busy > 0)
    return;
  say (self, NULL);
  load (self);
}

static void
on_session_state (ZcBindingRequests *self)
{
  if (zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN)
    zc_binding_requests_refresh (self);
  else
    set_offline (self);
}

/* GObject */

static void
zc_binding_requests_dispose (GObject *object)
{
  ZcBindingRequests *self = ZC_BINDING_REQUESTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (zc_binding_requests_parent_class)->dispose (object);
}

static void
zc_binding_requests_class_init (ZcBindingRequestsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zc_binding_requests_dispose;
}

static void
zc_binding_requests_init (ZcBindingRequests *self)
{
  GtkWidget *header, *title, *scrolled, *placeholder;

  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  title = gtk_label_new (_("Binding requests"));
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (header), title);
  self->count = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count, "dim-label");
  gtk_widget_set_hexpand (self->count, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->count), 0);
  gtk_box_append (GTK_BOX (header), self->count);
  self->refresh = named_button (_("_Refresh"), "refresh");
  gtk_widget_set_tooltip_text (self->refresh, _("Read the pending requests again"));
  g_signal_connect_swapped (self->refresh, "clicked", G_CALLBACK (zc_binding_requests_refresh), self);
  gtk_box_append (GTK_BOX (header), self->refresh);
  gtk_box_append (GTK_BOX (self), header);

  self->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_widget_set_visible (self->status, FALSE);
  gtk_box_append (GTK_BOX (self), self->status);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pending binding requests"), -1);
  placeholder = gtk_label_new (_("No binding requests are waiting."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_box_append (GTK_BOX (self), scrolled);
}

/**
 * zc_binding_requests_new:
 * @session: the unit officer's session
 *
 * Returns: (transfer floating): the list; it reads the requests at once
 */
GtkWidget *
zc_binding_requests_new (ZcSession *session)
{
  ZcBindingRequests *self;

  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_BINDING_REQUESTS, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
  zc_binding_requests_refresh (self);
  return GTK_WIDGET (self);
}

/* Accessors */

gboolean
zc_binding_requests_is_busy (ZcBindingRequests *self)
{
  g_return_val_if_fail (ZC_IS_BINDING_REQUESTS (self), FALSE);
  return self->busy > 0;
}

gboolean
zc_binding_requests_is_online (ZcBindingRequests *self)
{
  g_return_val_if_fail (ZC_IS_BINDING_REQUESTS (self), FALSE);
  return self->online;
}

guint
zc_binding_requests_get_n_requests (ZcBindingRequests *self)
{
  g_return_val_if_fail (ZC_IS_BINDING_REQUESTS (self), 0);
  return self->n_requests;
}

/* Returns: (transfer none) (nullable): the row of the @index-th request */
GtkWidget *
zc_binding_requests_get_row (ZcBindingRequests *self,
                             guint              index)
{
  g_return_val_if_fail (ZC_IS_BINDING_REQUESTS (self), NULL);

  if (index >= self->n_requests)
    return NULL;
  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) index));
}

const char *
zc_binding_requests_get_status (ZcBindingRequests *self)
{
  g_return_val_if_fail (ZC_IS_BINDING_REQUESTS (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->status));
}
