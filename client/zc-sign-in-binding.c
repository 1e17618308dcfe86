/* zc-sign-in-binding.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-json.h"
#include "zc-sign-in-page-private.h"

/* The sign-in page's last step: the applicant asks a unit to confirm
 * they belong to it (POST /api/v1/bindings), and sees their requests
 * and the units' decisions. */

#define SEARCH_DELAY_MS 300

/* The unit */

static const char *
binding_state_label (const char *state)
{
  if (g_strcmp0 (state, "pending") == 0)
    return C_("binding request", "Waiting for the unit");
  if (g_strcmp0 (state, "approved") == 0)
    return C_("binding request", "Approved");
  if (g_strcmp0 (state, "denied") == 0)
    return C_("binding request", "Denied");
  if (g_strcmp0 (state, "withdrawn") == 0)
    return C_("binding request", "Withdrawn");
  return state != NULL ? state : "";
}

static const char *
unit_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "employer") == 0)
    return C_("unit kind", "Employer");
  if (g_strcmp0 (kind, "hr_bureau") == 0)
    return C_("unit kind", "Human resources bureau (for freelancers)");
  return kind != NULL ? kind : "";
}

static void
on_bindings (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ZcSignInPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  JsonArray *bindings = NULL;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zc_sign_in_set_message (self->binding_message, error->message);
      return;
    }
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer) ||
      !zc_json_get_array (json_node_get_object (answer), "bindings", TRUE, &bindings, NULL))
    return;

  while ((child = gtk_widget_get_first_child (self->requests_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->requests_list), child);
  self->n_requests = 0;
  for (guint i = 0; i < json_array_get_length (bindings); i++)
    {
      JsonNode *node = json_array_get_element (bindings, i);
      JsonObject *binding = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *unit = NULL;
      GtkWidget *row, *badge;
      const char *state, *comment;

      if (binding == NULL || !zc_json_get_object (binding, "unit", FALSE, &unit, NULL) || unit == NULL)
        continue;
      state = zc_json_member_string (binding, "state");
      comment = zc_json_member_string (binding, "decision_comment");
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_json_member_string (unit, "name"));
      if (comment != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), comment);
      badge = gtk_label_new (binding_state_label (state));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "status-badge");
      gtk_widget_add_css_class (badge, g_strcmp0 (state, "approved") == 0 ? "approved"
                                       : g_strcmp0 (state, "denied") == 0 ? "rejected" : "pending");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_list_box_append (GTK_LIST_BOX (self->requests_list), row);
      self->n_requests++;
    }
  gtk_widget_set_visible (self->requests_box, self->n_requests > 0);
}

static void
on_me_refreshed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ZcSignInPage) self = user_data;
  g_autoptr(JsonObject) me = zc_session_refresh_finish (ZC_SESSION (source), result, NULL);

  /* an approval since: the unit is known now */
  if (me != NULL && zc_session_get_unit_name (self->session) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("You belong to %s."), zc_session_get_unit_name (self->session));
      gtk_label_set_label (GTK_LABEL (self->units_empty), text);
      gtk_widget_set_visible (self->units_empty, TRUE);
    }
}

void
zc_sign_in_page_refresh_bindings (ZcSignInPage *self)
{
  zc_api_client_call_async (zc_session_get_api_client (self->session), "GET", "/api/v1/bindings", NULL,
                            self->cancellable, on_bindings, g_object_ref (self));
  zc_session_refresh_async (self->session, self->cancellable, on_me_refreshed, g_object_ref (self));
}

static void
on_units (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ZcSignInPage) self = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *units = NULL;
  GtkWidget *child;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zc_sign_in_set_message (self->binding_message, error->message);
      return;
    }
  zc_sign_in_set_message (self->binding_message, NULL);
  while ((child = gtk_widget_get_first_child (self->units_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->units_list), child);
  g_ptr_array_set_size (self->units, 0);

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) &&
      zc_json_get_array (json_node_get_object (answer), "units", TRUE, &units, NULL))
    for (guint i = 0; i < json_array_get_length (units); i++)
      {
        JsonNode *node = json_array_get_element (units, i);
        JsonObject *unit = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        const char *kind = zc_json_member_string (unit, "kind");
        GtkWidget *row;

        /* only these take applicants */
        if (zc_json_member_string (unit, "id") == NULL || zc_json_member_string (unit, "name") == NULL ||
            (g_strcmp0 (kind, "employer") != 0 && g_strcmp0 (kind, "hr_bureau") != 0))
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_json_member_string (unit, "name"));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), unit_kind_label (kind));
        gtk_list_box_append (GTK_LIST_BOX (self->units_list), row);
        g_ptr_array_add (self->units, json_object_ref (unit));
      }

  gtk_widget_set_visible (self->units_list, self->units->len > 0);
  gtk_label_set_label (GTK_LABEL (self->units_empty), _("No unit of that name takes applicants."));
  gtk_widget_set_visible (self->units_empty, self->units->len == 0);
}

static gboolean
on_search_timeout (gpointer user_data)
{
  ZcSignInPage *self = user_data;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_search))));

  self->search_id = 0;
  if (*query == '\0')
    return G_SOURCE_REMOVE;
  escaped = g_uri_escape_string (query, NULL, FALSE);
  path = g_strconcat ("/api/v1/units?limit=20&query=", escaped, NULL);
  zc_api_client_call_async (zc_session_get_api_client (self->session), "GET", path, NULL, self->cancellable,
                            on_units, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

void
zc_sign_in_page_search_units (ZcSignInPage *self)
{
  g_clear_handle_id (&self->search_id, g_source_remove);
  self->search_id = g_timeout_add (SEARCH_DELAY_MS, on_search_timeout, self);
}

static void
on_requested (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ZcSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  static const FieldId map[] = { F_COMMENT };
  static const char * const names[] = { "comment", NULL };

  zc_sign_in_page_set_busy (self, FALSE);
  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zc_sign_in_page_show_server_error (self, error, self->binding_message, map, names);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_COMMENT].row), "");
  zc_sign_in_page_refresh_bindings (self);
}

void
zc_sign_in_page_request_binding (ZcSignInPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->units_list));
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  const char *comment = zc_sign_in_page_field_text (self, F_COMMENT);
  JsonObject *unit;

  zc_sign_in_set_message (self->binding_message, NULL);
  if (self->busy || !zc_sign_in_page_check_field (self, F_COMMENT))
    return;
  if (row == NULL || (guint) gtk_list_box_row_get_index (row) >= self->units->len)
    {
      zc_sign_in_set_message (self->binding_message, _("Search for your unit and choose it in the list first."));
      return;
    }
  unit = g_ptr_array_index (self->units, gtk_list_box_row_get_index (row));
  json_object_set_string_member (body, "unit_id", zc_json_member_string (unit, "id"));
  json_object_set_boolean_member (body, "freelancer", gtk_switch_get_active (GTK_SWITCH (self->freelancer_switch)));
  if (*comment != '\0')
    json_object_set_string_member (body, "comment", comment);
  node = json_node_init_object (json_node_alloc (), body);
  zc_sign_in_page_set_busy (self, TRUE);
  zc_api_client_call_async (zc_session_get_api_client (self->session), "POST", "/api/v1/bindings", node,
                            self->cancellable, on_requested, g_object_ref (self));
}
