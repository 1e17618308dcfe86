/* zc-plan-editor-actions.c
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

/* What the buttons of the plans page do: open the editor and save a
 * draft, publish, close and revise a plan after a confirmation, and
 * export the roster of a plan's declarations.  Each is one request to
 * the server, and the list is asked for again afterwards. */

/* ---- editing ------------------------------------------------------------ */

static void
open_editor (ZcPlanEditorPage *self,
             ZcPlan           *plan)
{
  g_autofree char *title = NULL;

  self->editor = zc_plan_editor_new (self->session);
  zc_plan_editor_set_plan (ZC_PLAN_EDITOR (self->editor), plan);
  adw_bin_set_child (ADW_BIN (self->editor_bin), self->editor);
  if (plan == NULL)
    title = g_strdup (_("New Review Plan"));
  else
    /* Translators: the editor's title; %s is the plan's name */
    title = g_strdup_printf (_("Edit Draft: %s"), zc_plan_get_name (plan));
  gtk_label_set_label (GTK_LABEL (self->editor_title), title);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "editor");
  gtk_widget_set_visible (self->status, FALSE);
  zc_plan_editor_page_update_actions (self);
}

void
zc_plan_editor_page_close_editor (ZcPlanEditorPage *self)
{
  self->editor = NULL;
  adw_bin_set_child (ADW_BIN (self->editor_bin), NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  zc_plan_editor_page_update_actions (self);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ZcPlanEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPlan) plan = zc_api_client_plan_call_finish (ZC_API_CLIENT (source), result, &error);

  zc_plan_editor_page_end (self);
  if (plan == NULL)
    {
      if (self->editor != NULL && g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_INVALID))
        {
          zc_plan_editor_show_api_error (ZC_PLAN_EDITOR (self->editor), error);
          zc_plan_editor_page_say_full (self, _("The server did not accept the plan: see the fields marked."), TRUE);
          return;
        }
      zc_plan_editor_page_report_error (self, error);
      return;
    }
  zc_plan_editor_page_set_online (self, TRUE);
  zc_plan_editor_page_say (self, _("The draft is saved."));
  zc_plan_editor_page_close_editor (self);
  g_free (self->select_after);
  self->select_after = g_strdup (zc_plan_get_id (plan));
  zc_plan_editor_page_reload (self);
}

void
zc_plan_editor_page_on_save (ZcPlanEditorPage *self)
{
  g_autoptr(ZcPlan) plan = NULL;
  ZcApiClient *client;

  if (self->editor == NULL || self->busy > 0)
    return;
  plan = zc_plan_editor_collect (ZC_PLAN_EDITOR (self->editor), FALSE);
  /* the problems are under their fields, the first one focused */
  if (plan == NULL)
    {
      zc_plan_editor_page_say_full (self, _("Some fields need attention: see the messages under them."), TRUE);
      return;
    }
  if (!self->online || zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN)
    {
      zc_plan_editor_page_say_full (self, _("You are offline: the plan can be saved only while connected to the server."), TRUE);
      return;
    }

  client = zc_session_get_api_client (self->session);
  zc_plan_editor_page_begin (self);
  if (zc_plan_editor_get_base_plan (ZC_PLAN_EDITOR (self->editor)) == NULL)
    zc_api_client_create_plan_async (client, plan, self->cancellable, on_saved, g_object_ref (self));
  else
    zc_api_client_update_plan_async (client, plan, self->cancellable, on_saved, g_object_ref (self));
}

void
zc_plan_editor_page_on_new (ZcPlanEditorPage *self)
{
  open_editor (self, NULL);
}

void
zc_plan_editor_page_on_edit (ZcPlanEditorPage *self)
{
  if (self->selected != NULL && zc_plan_get_state (self->selected) == ZC_PLAN_STATE_DRAFT)
    open_editor (self, self->selected);
}

/* ---- publish, close, revise --------------------------------------------- */

static void
on_acted (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ZcPlanEditorPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcPlan) plan = zc_api_client_plan_call_finish (ZC_API_CLIENT (source), result, &error);

  zc_plan_editor_page_end (self);
  if (plan == NULL)
    {
      /* publishing a draft the server finds incomplete: to the fields */
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_INVALID) && self->selected != NULL &&
          zc_plan_get_state (self->selected) == ZC_PLAN_STATE_DRAFT)
        {
          g_autoptr(ZcPlan) draft = zc_plan_ref (self->selected);

          open_editor (self, draft);
          zc_plan_editor_show_api_error (ZC_PLAN_EDITOR (self->editor), error);
        }
      zc_plan_editor_page_report_error (self, error);
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_CONFLICT))
        zc_plan_editor_page_reload (self);
      return;
    }

  zc_plan_editor_page_set_online (self, TRUE);
  switch (zc_plan_get_state (plan))
    {
    case ZC_PLAN_STATE_PUBLISHED:
      zc_plan_editor_page_say (self, _("The plan is published."));
      break;
    case ZC_PLAN_STATE_CLOSED:
      zc_plan_editor_page_say (self, _("The plan is closed: no new declarations."));
      break;
    case ZC_PLAN_STATE_DRAFT:
    default:
      {
        g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, zc_plan_get_version (plan));
        /* Translators: %s is the new version's number */
        g_autofree char *text = g_strdup_printf (_("Version %s is a draft now: edit it, then publish it."),
                                                 version);
        zc_plan_editor_page_say (self, text);
      }
      break;
    }
  g_free (self->select_after);
  self->select_after = g_strdup (zc_plan_get_id (plan));
  zc_plan_editor_page_reload (self);
}

static void
on_confirmed (AdwMessageDialog *dialog,
              const char       *response,
              ZcPlanEditorPage *self)
{
  const char *action = g_object_get_data (G_OBJECT (dialog), "action");

  if (g_strcmp0 (response, action) != 0 || self->selected == NULL || self->busy > 0)
    return;
  zc_plan_editor_page_begin (self);
  zc_api_client_plan_action_async (zc_session_get_api_client (self->session), zc_plan_get_id (self->selected),
                                   action, zc_plan_get_version (self->selected), self->cancellable,
                                   on_acted, g_object_ref (self));
}

static void
confirm (ZcPlanEditorPage *self,
         const char       *action,
         const char       *heading,
         const char       *body,
         const char       *label,
         AdwResponseAppearance appearance)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), action, label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), action, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "action", g_strdup (action), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
zc_plan_editor_page_on_publish (ZcPlanEditorPage *self)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *body = NULL;

  if (self->selected == NULL)
    return;
  /* what the server would refuse, shown at the fields first */
  if (!zc_plan_validate (self->selected, NULL, TRUE, ZC_LANGUAGE_LOCALE, &errors))
    {
      g_autoptr(ZcPlan) draft = zc_plan_ref (self->selected);

      open_editor (self, draft);
      zc_plan_editor_show_errors (ZC_PLAN_EDITOR (self->editor), errors);
      zc_plan_editor_page_say_full (self, _("The draft is not complete enough to publish: see the fields marked."), TRUE);
      return;
    }
  /* Translators: %s is the plan's name */
  body = g_strdup_printf (_("Applicants will see “%s” and may declare to it. After this it changes only by "
                            "revising it; publishing cannot be undone."), zc_plan_get_name (self->selected));
  confirm (self, "publish", _("Publish the Plan?"), body, _("_Publish"), ADW_RESPONSE_SUGGESTED);
}

void
zc_plan_editor_page_on_close (ZcPlanEditorPage *self)
{
  g_autofree char *body = NULL;

  if (self->selected == NULL)
    return;
  body = g_strdup_printf (_("No new declarations can be made to “%s”; declarations already made go on. "
                            "A closed plan cannot be opened again."), zc_plan_get_name (self->selected));
  confirm (self, "close", _("Close the Plan?"), body, _("C_lose Plan"), ADW_RESPONSE_DESTRUCTIVE);
}

void
zc_plan_editor_page_on_revise (ZcPlanEditorPage *self)
{
  g_autofree char *body = NULL;
  g_autofree char *next = NULL;
  g_autofree char *now = NULL;

  if (self->selected == NULL)
    return;
  next = g_strdup_printf ("%" G_GINT64_FORMAT, zc_plan_get_version (self->selected) + 1);
  now = g_strdup_printf ("%" G_GINT64_FORMAT, zc_plan_get_version (self->selected));
  /* Translators: both %s are version numbers, the new one first */
  body = g_strdup_printf (_("A draft of version %s is made from the published plan. Version %s stays in "
                            "force until you publish the draft."), next, now);
  confirm (self, "revise", _("Revise the Plan?"), body, _("_Revise"), ADW_RESPONSE_SUGGESTED);
}

/* ---- the roster --------------------------------------------------------- */

typedef struct
{
  ZcPlanEditorPage *self;   /* owned */
  GFile            *file;   /* owned */
  char             *name;   /* owned: the plan's */
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->self);
  g_object_unref (export->file);
  g_free (export->name);
  g_free (export);
}

static void
on_roster_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;

  zc_plan_editor_page_end (export->self);
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    zc_plan_editor_page_report_error (export->self, error);
  else
    {
      g_autofree char *name = g_file_get_basename (export->file);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("The roster is saved as “%s”."), name);

      zc_plan_editor_page_say (export->self, text);
    }
  export_free (export);
}

static void
on_roster_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) records = zc_api_client_list_plan_declarations_finish (ZC_API_CLIENT (source), result,
                                                                              &error);
  g_autoptr(GBytes) csv = NULL;

  if (records == NULL)
    {
      zc_plan_editor_page_end (export->self);
      zc_plan_editor_page_report_error (export->self, error);
      export_free (export);
      return;
    }
  csv = zc_roster_csv_build (records, zc_taxonomy_get_default (), ZC_LANGUAGE_LOCALE);
  g_file_replace_contents_bytes_async (export->file, csv, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       export->self->cancellable, on_roster_written, export);
}

static void
export_to (ZcPlanEditorPage *self,
           GFile            *file)
{
  Export *export = g_new0 (Export, 1);

  export->self = g_object_ref (self);
  export->file = g_object_ref (file);
  zc_plan_editor_page_begin (self);
  zc_api_client_list_plan_declarations_async (zc_session_get_api_client (self->session),
                                              zc_plan_get_id (self->selected), self->cancellable,
                                              on_roster_listed, export);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     ZcPlanEditorPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->selected != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    export_to (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
zc_plan_editor_page_export_roster (ZcPlanEditorPage *self,
                                   GFile            *file)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (ZC_IS_PLAN_EDITOR_PAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->selected == NULL || !self->can_manage)
    return;
  if (!self->online || zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN)
    {
      zc_plan_editor_page_say_full (self, _("You are offline: the roster comes from the server."), TRUE);
      return;
    }
  if (file != NULL)
    {
      export_to (self, file);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save the Roster"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = zc_roster_csv_file_name (zc_plan_get_name (self->selected), ZC_LANGUAGE_LOCALE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV spreadsheet"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
zc_plan_editor_page_on_export (ZcPlanEditorPage *self)
{
  zc_plan_editor_page_export_roster (self, NULL);
}
