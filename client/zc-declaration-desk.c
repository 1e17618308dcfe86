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
#include "zc-declaration-desk-private.h"
#include "zc-declaration-materials.h"
#include "zc-declaration-queue.h"
#include "zc-json.h"
#include "zc-local-store-plans.h"

/* The list (zc-declaration-queue.c) is the local store's: the
 * declarations the officer's pull brought, so the desk works offline.
 * An action is queued there with the state and version shown
 * (zc-local-store-declaration-review.c) and goes out with the next
 * sync; the row says it waits, or that the server refused it.  The
 * declaration's own files are local too; the timeline, the frozen picks
 * and the review form are the server's: shown when online. */


G_DEFINE_FINAL_TYPE (ZcDeclarationDesk, zc_declaration_desk, ADW_TYPE_BIN)

static gboolean
is_online (ZcDeclarationDesk *self)
{
  return zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN;
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* Above the declaration: an action's outcome or a refusal */
void
zc_declaration_desk_set_notice (ZcDeclarationDesk *self,
                                const char        *text,
                                gboolean           queued)
{
  set_label (self->notice_label, text);
  self->notice_queued = queued && text != NULL;
}

const ZcDeclarationReviewRow *
zc_declaration_desk_find_row (ZcDeclarationDesk *self,
                              const char        *id)
{
  return zc_declaration_queue_find (self->queue, id);
}

GPtrArray *
zc_declaration_desk_chosen_ids (ZcDeclarationDesk *self)
{
  return zc_declaration_queue_get_selected (self->queue);
}

static void fill_details (ZcDeclarationDesk *self);

/* "含 N 项单位未审核的业绩": the frozen form marks the picks the unit had
 * not approved when they were picked; the server may count them. */
static gint64
pending_picks (JsonObject *detail)
{
  gint64 n = zc_json_member_int (detail, "pending_picks", -1);

  return n >= 0 ? n : zc_json_member_int (zc_json_member_object (detail, "record"), "pending_picks", 0);
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

/* The materials again only when what they show changed: the file being
 * looked at stays while the list is read again. */
static void
fill_materials (ZcDeclarationDesk            *self,
                const ZcDeclarationReviewRow *row)
{
  JsonObject *detail = self->detail != NULL ? json_node_get_object (self->detail) : NULL;
  JsonNode *picks = detail != NULL ? json_object_get_member (detail, "picks") : NULL;
  g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%d/%d", row->id, row->version, detail != NULL,
                                          self->loading != NULL);
  g_autoptr(ZcPlan) plan = NULL;
  const char *note;

  if (g_strcmp0 (key, self->materials_key) == 0)
    return;
  g_free (self->materials_key);
  self->materials_key = g_steal_pointer (&key);
  if (row->plan_id != NULL)
    plan = zc_local_store_get_plan (self->store, row->plan_id, row->plan_version, NULL);
  note = self->loading != NULL ? _("Loading the achievements…") : _("The achievements need a connection.");
  zc_declaration_materials_set_declaration (self->materials, row->body, plan,
                                            picks != NULL && JSON_NODE_HOLDS_ARRAY (picks)
                                              ? json_node_get_array (picks) : NULL,
                                            note);
}

/* From the local row: who, what, the state, what waits; the server's
 * detail adds the timeline and the pending picks. */
static void
fill_details (ZcDeclarationDesk *self)
{
  const ZcDeclarationReviewRow *row = zc_declaration_desk_find_row (self, self->selected_id);
  JsonObject *detail = self->detail != NULL ? json_node_get_object (self->detail) : NULL;
  guint n_chosen = zc_declaration_desk_chosen_ids (self)->len;
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  g_autofree char *sync = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *warning = NULL;
  gboolean urgent = FALSE;
  gint64 pending;

  gtk_widget_set_visible (self->details, row != NULL || n_chosen > 1);
  gtk_widget_set_visible (self->nothing, row == NULL && n_chosen <= 1);
  zc_declaration_desk_fill_actions (self);
  if (n_chosen > 1)
    {
      g_autofree char *chosen = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u declaration chosen",
                                                              "%u declarations chosen", n_chosen), n_chosen);

      gtk_label_set_label (self->applicant_label, chosen);
      set_label (self->title_label, _("An action is taken on all of them at once."));
      set_label (self->plan_label, NULL);
      set_label (self->state_label, NULL);
      set_label (self->sync_label, NULL);
      set_label (self->deadline_label, NULL);
      set_label (self->warning_label, NULL);
      set_label (self->timeline_note, NULL);
      zc_declaration_timeline_set_entries (self->timeline, NULL);
      /* several have several histories: none is shown */
      gtk_widget_set_visible (self->progress_heading, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->timeline), FALSE);
      gtk_widget_set_visible (self->side, FALSE);
      return;
    }
  gtk_widget_set_visible (self->progress_heading, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), TRUE);
  gtk_widget_set_visible (self->side, TRUE);
  if (row == NULL)
    return;
  fill_materials (self, row);

  title = zc_declaration_row_title (row);
  gtk_label_set_label (self->applicant_label, zc_declaration_row_applicant (row));
  set_label (self->title_label, title);
  set_label (self->plan_label, zc_declaration_row_plan_name (row));
  state = g_strdup_printf (_("State: %s"), zc_declaration_state_get_label (row->state, ZC_LANGUAGE_LOCALE));
  set_label (self->state_label, state);
  sync = zc_declaration_row_sync_text (row);
  set_label (self->sync_label, sync);
  deadline = zc_declaration_row_deadline_text (row, self->role, &urgent);
  set_label (self->deadline_label, deadline);
  if (urgent)
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "warning");
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
        zc_declaration_desk_set_notice (self, error->message, FALSE);
      gtk_label_set_label (self->form_status, _("The review form needs a connection."));
      gtk_stack_set_visible_child_name (self->form_stack, "status");
      fill_details (self);
      return;
    }
  g_clear_pointer (&self->detail, json_node_unref);
  self->detail = g_steal_pointer (&answer);
  fill_details (self);

  id = zc_json_member_string (zc_json_member_object (json_node_get_object (self->detail), "record"), "id");
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
  GPtrArray *chosen = zc_declaration_desk_chosen_ids (self);
  const char *single = chosen->len == 1 ? chosen->pdata[0] : NULL;
  const ZcDeclarationReviewRow *row = zc_declaration_desk_find_row (self, single);

  zc_declaration_desk_set_notice (self, NULL, FALSE);
  if (g_strcmp0 (single, self->selected_id) == 0)
    {
      fill_details (self);
      return;
    }
  g_free (self->selected_id);
  self->selected_id = g_strdup (single);
  self->shown_version = row != NULL ? row->version : -1;
  load_detail (self);
  fill_details (self);
}

/* The list was read again: a pull, an action queued, a refusal. */
static void
on_rows_changed (ZcDeclarationDesk *self)
{
  const ZcDeclarationReviewRow *row = zc_declaration_desk_find_row (self, self->selected_id);
  gint64 version = row != NULL ? row->version : -1;

  /* the server moved it on: its timeline and form too */
  if (row != NULL && version != self->shown_version && is_online (self))
    {
      self->shown_version = version;
      load_detail (self);
    }
  self->shown_version = version;
  /* "queued, goes with the next sync" is over once nothing chosen waits */
  if (self->notice_queued)
    {
      GPtrArray *chosen = zc_declaration_desk_chosen_ids (self);
      gboolean waiting = FALSE;

      for (guint i = 0; i < chosen->len && !waiting; i++)
        {
          const ZcDeclarationReviewRow *some = zc_declaration_desk_find_row (self, chosen->pdata[i]);

          waiting = some != NULL && (some->flags & ZC_DECLARATION_REVIEW_AWAITING) != 0;
        }
      if (!waiting)
        zc_declaration_desk_set_notice (self, NULL, FALSE);
    }
  fill_details (self);
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
  zc_declaration_queue_focus_search (ZC_DECLARATION_DESK (widget)->queue);
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

static GtkWidget *
build_info (ZcDeclarationDesk *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *progress = gtk_label_new (_("Progress"));

  self->progress_heading = progress;

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
  self->deadline_label = wrapped_label (NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), FALSE);
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
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->deadline_label));
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
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher;

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
  gtk_widget_set_vexpand (GTK_WIDGET (self->form_stack), TRUE);

  /* the review form, or what was handed in, side by side with the info */
  self->materials = ZC_DECLARATION_MATERIALS (zc_declaration_materials_new (self->store, self->session));
  gtk_widget_set_vexpand (GTK_WIDGET (self->materials), TRUE);
  self->side_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_titled (self->side_stack, GTK_WIDGET (self->form_stack), "form", _("Review form"));
  gtk_stack_add_titled (self->side_stack, GTK_WIDGET (self->materials), "materials", _("Achievements and files"));
  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->side_stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (side), switcher);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->side_stack));
  gtk_widget_set_hexpand (side, TRUE);
  gtk_box_append (GTK_BOX (row), side);
  self->side = side;
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

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_cancellable_cancel (self->downloading);
  g_clear_object (&self->downloading);
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->queue = NULL;
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->materials_key, g_free);
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
  self->shown_version = -1;
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

  self->queue = ZC_DECLARATION_QUEUE (zc_declaration_queue_new (store, session, self->role));
  gtk_widget_set_size_request (GTK_WIDGET (self->queue), 240, -1);
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->queue));
  gtk_paned_set_end_child (GTK_PANED (paned), build_details (self));
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 320);
  adw_bin_set_child (ADW_BIN (self), paned);
  g_signal_connect_object (self->queue, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "rows-changed", G_CALLBACK (on_rows_changed), self, G_CONNECT_SWAPPED);

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

  zc_declaration_queue_refresh (self->queue);
  load_detail (self);
}

/* Whether the names or the plans are still coming from the server. */
gboolean
zc_declaration_desk_is_loading (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  return zc_declaration_queue_is_loading (self->queue);
}

guint
zc_declaration_desk_get_n_rows (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  return zc_declaration_queue_get_n_rows (self->queue);
}

/* The rows the search leaves shown. */
guint
zc_declaration_desk_get_n_visible_rows (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  return zc_declaration_queue_get_n_visible_rows (self->queue);
}

gint64
zc_declaration_desk_get_total (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  return zc_declaration_queue_get_n_rows (self->queue);
}

gboolean
zc_declaration_desk_has_row (ZcDeclarationDesk *self,
                             const char        *declaration_id)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  g_return_val_if_fail (declaration_id != NULL, FALSE);

  return zc_declaration_desk_find_row (self, declaration_id) != NULL;
}

/* @state: (nullable): a state id of the filter, or %NULL for all */
void
zc_declaration_desk_set_state_filter (ZcDeclarationDesk *self,
                                      const char        *state)
{
  g_return_if_fail (ZC_IS_DECLARATION_DESK (self));
  zc_declaration_queue_set_state_filter (self->queue, state);
}

void
zc_declaration_desk_set_search (ZcDeclarationDesk *self,
                                const char        *text)
{
  g_return_if_fail (ZC_IS_DECLARATION_DESK (self));
  zc_declaration_queue_set_search (self->queue, text);
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

  return zc_declaration_queue_select_many (self->queue, ids);
}

/* Chooses the rows of @ids (as Ctrl+click does) for one action on all;
 * FALSE, choosing nothing, when one is not in the list. */
gboolean
zc_declaration_desk_select_many (ZcDeclarationDesk  *self,
                                 const char * const *ids)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  return zc_declaration_queue_select_many (self->queue, ids);
}

guint
zc_declaration_desk_get_n_selected (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  return zc_declaration_desk_chosen_ids (self)->len;
}

/* Returns: the state @declaration_id is shown in (the server's, as
 * pulled), or -1 when it is not listed */
int
zc_declaration_desk_get_row_state (ZcDeclarationDesk *self,
                                   const char        *declaration_id)
{
  const ZcDeclarationReviewRow *row;

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), -1);
  g_return_val_if_fail (declaration_id != NULL, -1);

  row = zc_declaration_desk_find_row (self, declaration_id);
  return row != NULL ? (int) row->state : -1;
}

/* Returns: the row's ZcDeclarationReviewFlags: waiting, refused */
guint
zc_declaration_desk_get_row_flags (ZcDeclarationDesk *self,
                                   const char        *declaration_id)
{
  const ZcDeclarationReviewRow *row;

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), 0);
  g_return_val_if_fail (declaration_id != NULL, 0);

  row = zc_declaration_desk_find_row (self, declaration_id);
  return row != NULL ? row->flags : 0;
}

/* Returns: (nullable): what the row says of its sync ("… is waiting
 * for sync", "… was refused — look again") */
char *
zc_declaration_desk_get_row_sync_text (ZcDeclarationDesk *self,
                                       const char        *declaration_id)
{
  const ZcDeclarationReviewRow *row;

  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  g_return_val_if_fail (declaration_id != NULL, NULL);

  row = zc_declaration_desk_find_row (self, declaration_id);
  return row != NULL ? zc_declaration_row_sync_text (row) : NULL;
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
  return zc_declaration_queue_get_status (self->queue);
}

/* Returns: (nullable): the last action's outcome, or a refusal */
const char *
zc_declaration_desk_get_notice (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->notice_label)) ? gtk_label_get_label (self->notice_label) : NULL;
}

/* Returns: (nullable): until when the role may act on the one shown */
const char *
zc_declaration_desk_get_deadline (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->deadline_label)) ? gtk_label_get_label (self->deadline_label)
                                                                     : NULL;
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
  return zc_declaration_queue_get_list (self->queue);
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

/* Returns: (transfer none): the achievements and files of the one shown */
ZcDeclarationMaterials *
zc_declaration_desk_get_materials (ZcDeclarationDesk *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_DESK (self), NULL);
  return self->materials;
}

/* Shows the review form ("form") or the achievements and files
 * ("materials") beside the declaration's information. */
void
zc_declaration_desk_show_side (ZcDeclarationDesk *self,
                               const char        *name)
{
  g_return_if_fail (ZC_IS_DECLARATION_DESK (self));
  g_return_if_fail (g_strcmp0 (name, "form") == 0 || g_strcmp0 (name, "materials") == 0);
  gtk_stack_set_visible_child_name (self->side_stack, name);
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
