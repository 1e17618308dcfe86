/* zc-wizard-check.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-declaration-assemble.h"
#include "zc-declaration-check.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-photo.h"
#include "zc-local-store-plans.h"
#include "zc-review-form.h"
#include "zc-taxonomy.h"
#include "zc-wizard-private.h"

/* The last three pages: the check run here (the shared check, with the
 * local store's data; the ban list and, without a known unit, the scope
 * are the server's), the review form of the draft in the PDF view, and
 * submitting, which only a passing check allows. */

static ZcDeclarationState
current_state (ZcDeclarationWizard *self)
{
  ZcDeclarationState state = ZC_DECLARATION_STATE_DRAFT;

  if (self->declaration != NULL)
    zc_local_store_declaration_get_state (self->declaration, &state);
  return state;
}

static JsonObject *
personal_photo (ZcDeclarationWizard *self)
{
  const char *sha256 = self->photo != NULL ? zc_local_store_photo_get_sha256 (self->photo) : NULL;
  JsonNode *file = sha256 != NULL ? json_object_get_member (zc_record_get_body (self->photo), "file") : NULL;
  JsonNode *mime = file != NULL && JSON_NODE_HOLDS_OBJECT (file)
                     ? json_object_get_member (json_node_get_object (file), "mime") : NULL;
  JsonObject *photo;

  if (mime == NULL || !JSON_NODE_HOLDS_VALUE (mime) || json_node_get_value_type (mime) != G_TYPE_STRING)
    return NULL;
  photo = json_object_new ();
  json_object_set_string_member (photo, "sha256", sha256);
  json_object_set_string_member (photo, "mime", json_node_get_string (mime));
  return photo;
}

GPtrArray *
zc_declaration_wizard_run_check (ZcDeclarationWizard *self)
{
  g_autoptr(GPtrArray) declarations = NULL;
  g_autoptr(GArray) others = g_array_new (FALSE, TRUE, sizeof (ZcDeclarationSummary));
  g_autoptr(GDateTime) now = zc_wizard_now ();
  ZcCheckInput input = { 0 };

  g_return_val_if_fail (ZC_IS_DECLARATION_WIZARD (self), NULL);

  if (self->editable)
    {
      g_autoptr(GError) error = NULL;
      if (!zc_declaration_wizard_save (self, &error))
        zc_wizard_show_message (self, error->message);
    }

  declarations = zc_local_store_list_declarations (self->store, NULL);
  for (guint i = 0; declarations != NULL && i < declarations->len; i++)
    {
      ZcRecord *record = g_ptr_array_index (declarations, i);
      JsonObject *body = zc_record_get_body (record);
      g_autoptr(ZcPlan) plan = NULL;
      ZcDeclarationSummary summary = { 0 };

      if (self->declaration != NULL && g_strcmp0 (zc_record_get_id (record), zc_record_get_id (self->declaration)) == 0)
        continue;
      if (!zc_local_store_declaration_get_state (record, &summary.state))
        continue;
      plan = zc_local_store_get_plan (self->store, zc_declaration_body_get_plan_id (body),
                                      zc_declaration_body_get_plan_version (body), NULL);
      if (plan == NULL)
        continue;   /* its year is unknown here: the server checks it */
      summary.id = zc_record_get_id (record);
      summary.plan_year = zc_plan_get_year (plan);
      g_array_append_val (others, summary);
    }

  input.plan = self->plan;
  input.body = self->body;
  input.declaration_id = self->declaration != NULL ? zc_record_get_id (self->declaration) : NULL;
  input.resubmission = current_state (self) == ZC_DECLARATION_STATE_RETURNED;
  input.personal_info = zc_wizard_personal_info_body (self);
  input.has_personal_photo = self->photo != NULL && zc_local_store_photo_get_sha256 (self->photo) != NULL;
  input.archive = self->archive;
  input.others = (const ZcDeclarationSummary *) (gpointer) others->data;
  input.n_others = others->len;
  input.bans_known = FALSE;
  input.unit_id = self->unit_id;
  input.unit_region_code = self->unit_region_code;
  input.now = now;
  input.taxonomy = zc_taxonomy_get_default ();

  g_clear_pointer (&self->check_items, g_ptr_array_unref);
  self->check_items = zc_declaration_check_run (&input, ZC_LANGUAGE_LOCALE);

  /* without the unit here, scope is left to the server, like bans */
  for (guint i = 0; self->unit_id == NULL && i < self->check_items->len; i++)
    {
      ZcCheckItem *item = g_ptr_array_index (self->check_items, i);

      if (g_strcmp0 (item->id, "scope") != 0)
        continue;
      item->passed = TRUE;
      g_free (item->reason);
      item->reason = g_strdup (_("Checked by the server when you submit"));
    }
  return self->check_items;
}

static void
on_go_to_step (GtkButton           *button,
               ZcDeclarationWizard *self)
{
  zc_declaration_wizard_set_page (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "zc-step")));
}

void
zc_wizard_check_refresh (ZcDeclarationWizard *self)
{
  GPtrArray *items = zc_declaration_wizard_run_check (self);
  GtkWidget *child;
  guint n_failed = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->check_list))) != NULL)
    gtk_list_box_remove (self->check_list, child);

  for (guint i = 0; i < items->len; i++)
    {
      const ZcCheckItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (item->passed ? "emblem-ok-symbolic" : "dialog-error-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      if (item->reason != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->reason);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_add_css_class (icon, item->passed ? "success" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      item->passed ? _("Passed") : _("Not passed"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (!item->passed)
        n_failed++;
      if (!item->passed && item->step >= 0 && item->step < ZC_N_DECLARATION_STEPS)
        {
          GtkWidget *go = gtk_button_new_with_label (zc_declaration_step_get_label (item->step, ZC_LANGUAGE_LOCALE));
          /* Translators: an accessible name: go to the wizard step %s to fix an item */
          g_autofree char *label = g_strdup_printf (_("Fix in the step “%s”"),
                                                    zc_declaration_step_get_label (item->step, ZC_LANGUAGE_LOCALE));

          gtk_widget_set_valign (go, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (go, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data (G_OBJECT (go), "zc-step", GINT_TO_POINTER (item->step));
          g_signal_connect (go, "clicked", G_CALLBACK (on_go_to_step), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
        }
      gtk_list_box_append (self->check_list, row);
    }

  if (n_failed == 0)
    {
      gtk_label_set_label (self->check_summary, _("Every item passes: the declaration can be submitted."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_summary), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->check_summary), "success");
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u item does not pass yet; it must before you can submit.",
                                                            "%u items do not pass yet; they must before you can submit.",
                                                            n_failed), n_failed);
      gtk_label_set_label (self->check_summary, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_summary), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->check_summary), "error");
    }
}

GtkWidget *
zc_wizard_check_build (ZcDeclarationWizard *self)
{
  GtkWidget *box, *page, *note;

  page = zc_wizard_page_box (&box);
  self->check_summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->check_summary, 0);
  gtk_label_set_wrap (self->check_summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->check_summary), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->check_summary));

  self->check_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->check_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->check_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Check results"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->check_list));

  note = gtk_label_new (_("The check runs on this computer with what it has; the server runs it again when you "
                          "submit, with the integrity records this computer does not have."));
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), note);
  return page;
}

/* Preview ------------------------------------------------------------------ */

static GBytes *
lookup_blob (const char  *sha256,
             gpointer     user_data,
             GError     **error)
{
  ZcDeclarationWizard *self = user_data;
  g_autofree char *path = zc_local_store_get_blob_path (self->store, sha256);
  char *data = NULL;
  gsize length = 0;

  /* not here (yet): the form shows an empty box */
  if (path == NULL || !g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_bytes_new_take (data, length);
}

void
zc_wizard_preview_refresh (ZcDeclarationWizard *self)
{
  g_autoptr(JsonObject) photo = personal_photo (self);
  g_autoptr(ZcDeclarationDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  ZcAssembleInput input = { 0 };
  GDate filled_on;
  JsonObject *info = zc_wizard_personal_info_body (self);
  JsonNode *unit = info != NULL ? json_object_get_member (info, "unit_name") : NULL;

  if (self->editable && !zc_declaration_wizard_save (self, &error))
    g_clear_error (&error);

  input.declaration_id = self->declaration != NULL ? zc_record_get_id (self->declaration) : NULL;
  input.body = self->body;
  input.is_draft = current_state (self) == ZC_DECLARATION_STATE_DRAFT ||
                   current_state (self) == ZC_DECLARATION_STATE_RETURNED;
  input.plan = self->plan;
  input.personal_info = info;
  input.personal_photo = photo;
  input.archive = self->archive;
  {
    g_autoptr(GDateTime) now = zc_wizard_now ();
    g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (now, zone);

    g_date_clear (&filled_on, 1);
    g_date_set_dmy (&filled_on, (GDateDay) g_date_time_get_day_of_month (local),
                    (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
    input.filled_on = &filled_on;
  }
  input.unit_name = unit != NULL && JSON_NODE_HOLDS_VALUE (unit) && json_node_get_value_type (unit) == G_TYPE_STRING
                      ? json_node_get_string (unit) : NULL;

  document = zc_declaration_assemble (&input, ZC_LANGUAGE_LOCALE, &error);
  if (document != NULL)
    pdf = zc_review_form_render_to_bytes (document, lookup_blob, self, ZC_LANGUAGE_LOCALE, &error);
  /* the table of contents beside the pages only where there is room */
  zc_pdf_view_set_outline_visible (self->pdf_view, gtk_widget_get_width (GTK_WIDGET (self)) >= 720);
  if (pdf == NULL || !zc_pdf_view_load_bytes (self->pdf_view, pdf, &error))
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The review form could not be made: %s"), error->message);
      gtk_label_set_label (self->preview_status, text);
      return;
    }
  {
    int n = zc_pdf_view_get_n_pages (self->pdf_view);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "The review form as reviewers will see it: %d page. A draft "
                                                          "is marked as one.",
                                                          "The review form as reviewers will see it: %d pages. A draft "
                                                          "is marked as one.", n), n);
    gtk_label_set_label (self->preview_status, text);
  }
}

GtkWidget *
zc_wizard_preview_build (ZcDeclarationWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled;

  self->preview_status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->preview_status, 0);
  gtk_label_set_wrap (self->preview_status, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview_status), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview_status), 18);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_status), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview_status));

  self->pdf_view = ZC_PDF_VIEW (zc_pdf_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->pdf_view), TRUE);
  zc_pdf_view_set_suggested_name (self->pdf_view, _("Review form (draft).pdf"));
  /* the view's toolbar is wider than a narrow window: scroll it
   * sideways there rather than widen the window */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->pdf_view));
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

/* Submit ------------------------------------------------------------------- */

void
zc_wizard_submit_refresh (ZcDeclarationWizard *self)
{
  int waiting = self->declaration != NULL
                  ? zc_local_store_get_declaration_waiting_action (self->store, zc_record_get_id (self->declaration))
                  : -1;
  ZcDeclarationState state = current_state (self);
  gboolean passed;
  const char *text;

  if (waiting == ZC_DECLARATION_ACTION_SUBMIT || waiting == ZC_DECLARATION_ACTION_RESUBMIT)
    {
      GNetworkMonitor *monitor = g_network_monitor_get_default ();

      gtk_label_set_label (self->submit_label,
                           g_network_monitor_get_network_available (monitor)
                             ? _("Submitted on this computer. It is sent to your unit at the next sync; "
                                 "its state here changes when the server has taken it.")
                             : _("Submitted on this computer. You are offline: it is sent to your unit at the next "
                                 "sync once the network is back."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), FALSE);
      return;
    }
  if (!self->editable)
    {
      gtk_label_set_label (self->submit_label, _("This declaration cannot be submitted now."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), FALSE);
      return;
    }

  passed = zc_declaration_check_all_passed (zc_declaration_wizard_run_check (self));
  gtk_button_set_label (self->submit_button, state == ZC_DECLARATION_STATE_RETURNED ? _("_Resubmit to the Unit")
                                                                                     : _("_Submit to the Unit"));
  if (!passed)
    text = _("The check does not pass yet: see the Check step for what is missing.");
  else if (state == ZC_DECLARATION_STATE_RETURNED)
    text = _("The check passes. Resubmitting sends the changed declaration to your unit again. The picked "
             "entries and your information are then frozen into it.");
  else
    text = _("The check passes. Submitting sends the declaration to your unit for review; you can withdraw "
             "it until the unit acts. The picked entries and your information are then frozen into it.");
  gtk_label_set_label (self->submit_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), passed);
}

gboolean
zc_declaration_wizard_submit (ZcDeclarationWizard  *self,
                              GError              **error)
{
  ZcDeclarationAction action;

  g_return_val_if_fail (ZC_IS_DECLARATION_WIZARD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->declaration == NULL || !self->editable)
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED,
                           _("This declaration cannot be submitted now."));
      return FALSE;
    }
  if (!zc_declaration_check_all_passed (zc_declaration_wizard_run_check (self)))
    {
      g_set_error_literal (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED,
                           _("The check does not pass yet: see the Check step for what is missing."));
      return FALSE;
    }
  if (!zc_declaration_wizard_save (self, error))
    return FALSE;

  action = current_state (self) == ZC_DECLARATION_STATE_RETURNED ? ZC_DECLARATION_ACTION_RESUBMIT
                                                                 : ZC_DECLARATION_ACTION_SUBMIT;
  if (!zc_local_store_queue_declaration_action (self->store, zc_record_get_id (self->declaration), action, error))
    return FALSE;

  self->editable = FALSE;
  for (int page = 0; page < ZC_N_DECLARATION_STEPS; page++)
    gtk_widget_set_sensitive (self->pages[page], FALSE);
  gtk_label_set_label (self->status_label, _("Waiting for the next sync"));
  zc_wizard_submit_refresh (self);
  return TRUE;
}

static void
on_submit_clicked (ZcDeclarationWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (!zc_declaration_wizard_submit (self, &error))
    zc_wizard_show_message (self, error->message);
  else
    zc_wizard_show_message (self, _("Submitted: it is sent at the next sync"));
}

GtkWidget *
zc_wizard_submit_build (ZcDeclarationWizard *self)
{
  GtkWidget *box, *page;

  page = zc_wizard_page_box (&box);
  self->submit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->submit_label, 0);
  gtk_label_set_wrap (self->submit_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->submit_label));

  self->submit_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Submit to the Unit")));
  gtk_widget_add_css_class (GTK_WIDGET (self->submit_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->submit_button), "pill");
  gtk_widget_set_halign (GTK_WIDGET (self->submit_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->submit_button, "clicked", G_CALLBACK (on_submit_clicked), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->submit_button));
  return page;
}
