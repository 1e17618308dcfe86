/* zc-declaration-desk-actions.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-desk"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-declaration-desk-private.h"
#include "zc-json.h"

/* Acting on the chosen declarations: the buttons of what the role may
 * do to every one of them now, the dialog of one action, and queueing
 * its request in the local store for all of them in one transaction. */

static void open_dialog (ZcDeclarationDesk   *self,
                         ZcDeclarationAction  action);

static void
on_action_clicked (GtkButton         *button,
                   ZcDeclarationDesk *self)
{
  open_dialog (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "action")));
}

/* The actions the role may take on every chosen declaration now. */
void
zc_declaration_desk_fill_actions (ZcDeclarationDesk *self)
{
  guint counts[ZC_N_DECLARATION_ACTIONS] = { 0 };
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (ZcDeclarationAction));
  guint n_chosen = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->actions)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->actions), child);
  memset (self->buttons, 0, sizeof self->buttons);
  for (guint i = 0; i < zc_declaration_desk_chosen_ids (self)->len; i++)
    {
      const ZcDeclarationReviewRow *row = zc_declaration_desk_find_row (self, zc_declaration_desk_chosen_ids (self)->pdata[i]);
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

  for (guint i = 0; i < zc_declaration_desk_chosen_ids (self)->len; i++)
    {
      const ZcDeclarationReviewRow *row = zc_declaration_desk_find_row (self, zc_declaration_desk_chosen_ids (self)->pdata[i]);
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
                                                  zc_json_member_string (request, "comment"),
                                                  zc_json_member_object (request, "args"), NULL, ZC_LANGUAGE_LOCALE,
                                                  error))
      return FALSE;
  }
  notice = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” queued for %u declaration; it goes to the server with the next sync.",
                                         "“%s” queued for %u declarations; they go to the server with the next sync.",
                                         n),
                            zc_declaration_action_get_label (action, ZC_LANGUAGE_LOCALE), n);
  zc_declaration_desk_set_notice (self, notice, TRUE);
  return TRUE;
}

static void
on_changed_meanwhile (ZcDeclarationActionDialog *dialog,
                      ZcDeclarationDesk         *self)
{
  zc_declaration_desk_set_notice (self, _("This declaration changed meanwhile — look again."), FALSE);
  zc_declaration_queue_reload (self->queue);
}

static void
open_dialog (ZcDeclarationDesk   *self,
             ZcDeclarationAction  action)
{
  const ZcDeclarationReviewRow *row = zc_declaration_desk_find_row (self, zc_declaration_desk_chosen_ids (self)->len > 0 ? zc_declaration_desk_chosen_ids (self)->pdata[0] : NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ZcDeclarationActionDialog *dialog;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;

  if (row == NULL)
    return;
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  title = zc_declaration_row_title (row);
  if (zc_declaration_desk_chosen_ids (self)->len > 1)
    subject = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u declaration", "%u declarations",
                                            zc_declaration_desk_chosen_ids (self)->len), zc_declaration_desk_chosen_ids (self)->len);
  else
    subject = g_strdup_printf ("%s · %s", zc_declaration_row_applicant (row), title);
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
