/* zc-sign-in-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-contact.h"
#include "zc-id-number.h"
#include "zc-json.h"
#include "zc-sign-in-page-private.h"

/* The first run, in four steps: the server's address; sign in (ID
 * number or mobile, and password) or register; replace an initial
 * password; ask a unit to confirm the applicant belongs to it.  Every
 * field is checked here first, with the checks and messages the server
 * uses (the shared validators), so mistakes show next to their field at
 * once, also offline; what only the server can judge comes back next to
 * the field it names. */

static const char * const field_names[N_FIELDS] = {
  "server", "login", "password", "id_number", "name", "mobile", "new_password", "confirm",
  "current_password", "change_new_password", "change_confirm", "comment",
};

G_DEFINE_FINAL_TYPE (ZcSignInPage, zc_sign_in_page, ADW_TYPE_BIN)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fields */

const char *
zc_sign_in_page_field_text (ZcSignInPage *self,
                            FieldId       id)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[id].row));
}

static void
set_field_error (ZcSignInPage *self,
                 FieldId       id,
                 const char   *message)
{
  Field *field = &self->fields[id];

  gtk_label_set_label (GTK_LABEL (field->error), message != NULL ? message : "");
  gtk_widget_set_visible (field->error, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
}

void
zc_sign_in_set_message (GtkWidget  *label,
                        const char *message)
{
  gtk_label_set_label (GTK_LABEL (label), message != NULL ? message : "");
  gtk_widget_set_visible (label, message != NULL);
}

/* Checks one field; shows and returns whether it is fine. */
gboolean
zc_sign_in_page_check_field (ZcSignInPage *self,
                             FieldId       id)
{
  g_autoptr(GError) error = NULL;
  const char *text = zc_sign_in_page_field_text (self, id);
  gboolean ok = TRUE;

  switch (id)
    {
    case F_SERVER:
      {
        g_autofree char *url = zc_api_client_normalize_url (text, &error);
        ok = url != NULL;
      }
      break;
    case F_LOGIN:
      ok = zc_sign_in_check_login (text, &error);
      break;
    case F_PASSWORD:
    case F_CURRENT:
      if (*text == '\0')
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Enter your password"));
          ok = FALSE;
        }
      break;
    case F_ID_NUMBER:
      {
        g_autofree char *normalized = zc_id_number_normalize (text);

        if (*text == '\0')
          {
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Enter your ID number"));
            ok = FALSE;
          }
        else
          ok = zc_id_number_validate (normalized != NULL ? normalized : text, NULL, NULL, NULL,
                                      ZC_LANGUAGE_LOCALE, &error);
      }
      break;
    case F_NAME:
      ok = zc_sign_in_check_name (text, &error);
      break;
    case F_MOBILE:
      ok = zc_mobile_validate (text, ZC_LANGUAGE_LOCALE, &error);
      break;
    case F_NEW_PASSWORD:
      ok = zc_sign_in_check_password (text, zc_sign_in_page_field_text (self, F_ID_NUMBER),
                                      zc_sign_in_page_field_text (self, F_MOBILE), &error);
      break;
    case F_CHANGE_NEW:
      ok = zc_sign_in_check_password (text, NULL, NULL, &error);
      if (ok && g_str_equal (text, zc_sign_in_page_field_text (self, F_CURRENT)))
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The new password must differ from the current one"));
          ok = FALSE;
        }
      break;
    case F_CONFIRM:
    case F_CHANGE_CONFIRM:
      if (!g_str_equal (text, zc_sign_in_page_field_text (self, id == F_CONFIRM ? F_NEW_PASSWORD : F_CHANGE_NEW)))
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The two passwords are not the same"));
          ok = FALSE;
        }
      break;
    case F_COMMENT:
      if (g_utf8_strlen (text, -1) > 200)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("At most %u characters"), 200u);
          ok = FALSE;
        }
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  set_field_error (self, id, ok ? NULL : error->message);
  return ok;
}

/* Checks fields @first to @last, focusing the first at fault. */
static gboolean
check_fields (ZcSignInPage *self,
              FieldId       first,
              FieldId       last)
{
  gboolean ok = TRUE;

  for (FieldId id = first; id <= last; id++)
    if (!zc_sign_in_page_check_field (self, id) && ok)
      {
        ok = FALSE;
        gtk_widget_grab_focus (self->fields[id].row);
      }
  return ok;
}

static void
on_field_changed (GtkEditable  *editable,
                  ZcSignInPage *self)
{
  /* a field in error is checked again as it is fixed */
  for (FieldId id = 0; id < N_FIELDS; id++)
    if (self->fields[id].row == GTK_WIDGET (editable) && gtk_widget_get_visible (self->fields[id].error))
      zc_sign_in_page_check_field (self, id);
}

static void on_entry_activated (ZcSignInPage *self);

static void
add_field (ZcSignInPage *self,
           GtkWidget    *box,
           FieldId       id,
           const char   *title,
           gboolean      password,
           GtkInputPurpose purpose)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = password ? adw_password_entry_row_new () : adw_entry_row_new ();
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
  if (!password)
    gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
  g_object_set (row, "input-purpose", purpose, NULL);
  g_signal_connect (row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_set_margin_start (error, 12);
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);

  gtk_box_append (GTK_BOX (block), list);
  gtk_box_append (GTK_BOX (block), error);
  gtk_box_append (GTK_BOX (box), block);
  self->fields[id].row = row;
  self->fields[id].error = error;
}

static GtkWidget *
add_message (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
add_button (GtkWidget  *box,
            const char *label,
            gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_margin_top (button, 6);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

/* Steps */

void
zc_sign_in_page_set_busy (ZcSignInPage *self,
                          gboolean      busy)
{
  GtkWidget *buttons[] = { self->server_button, self->sign_in_button, self->register_button,
                           self->password_button, self->request_button };

  self->busy = busy;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_sensitive (buttons[i], !busy);
}

static void
show_step (ZcSignInPage *self,
           const char   *step)
{
  ZcSessionState state = zc_session_get_state (self->session);

  gtk_stack_set_visible_child_name (self->stack, step);
  gtk_widget_set_visible (self->back_button, g_str_equal (step, "account") && state == ZC_SESSION_STATE_SIGNED_OUT);

  if (g_str_equal (step, "server"))
    adw_window_title_set_title (self->window_title, _("Zhicheng"));
  else if (g_str_equal (step, "account"))
    {
      /* Translators: %s is the server's address */
      g_autofree char *note = g_strdup_printf (_("Server: %s"), zc_session_get_server_url (self->session));

      gtk_label_set_label (GTK_LABEL (self->server_note), note);
      adw_window_title_set_title (self->window_title, _("Sign In"));
      /* signing in again: the same account, no registration */
      gtk_widget_set_visible (self->account_switcher, state == ZC_SESSION_STATE_SIGNED_OUT);
      if (state != ZC_SESSION_STATE_SIGNED_OUT)
        gtk_stack_set_visible_child_name (self->account_stack, "sign-in");
      if (zc_session_get_login (self->session) != NULL && *zc_sign_in_page_field_text (self, F_LOGIN) == '\0')
        {
          gtk_editable_set_text (GTK_EDITABLE (self->fields[F_LOGIN].row), zc_session_get_login (self->session));
          gtk_widget_grab_focus (self->fields[F_PASSWORD].row);
        }
    }
  else if (g_str_equal (step, "password"))
    adw_window_title_set_title (self->window_title, _("New Password"));
  else if (g_str_equal (step, "binding"))
    {
      adw_window_title_set_title (self->window_title, _("Your Unit"));
      zc_sign_in_page_refresh_bindings (self);
    }
}

/* Where to go once signed in: the password, the unit, or done. */
static void
after_sign_in (ZcSignInPage *self)
{
  const char *role = zc_session_get_role (self->session);

  if (zc_session_get_state (self->session) == ZC_SESSION_STATE_PASSWORD_CHANGE)
    show_step (self, "password");
  else if (g_strcmp0 (role, "applicant") == 0 && zc_session_get_unit_name (self->session) == NULL)
    show_step (self, "binding");
  else
    g_signal_emit (self, signals[FINISHED], 0);
}

/* A refusal from the server next to its field, or under the form. */
void
zc_sign_in_page_show_server_error (ZcSignInPage *self,
                                   GError       *error,
                                   GtkWidget    *message,
                                   const FieldId *map,
                                   const char * const *names)
{
  const char *field = error->domain == ZC_API_CLIENT_ERROR ? zc_api_client_error_get_field (error) : NULL;

  for (guint i = 0; field != NULL && names[i] != NULL; i++)
    if (g_str_equal (field, names[i]))
      {
        set_field_error (self, map[i], error->message);
        gtk_widget_grab_focus (self->fields[map[i]].row);
        return;
      }
  zc_sign_in_set_message (message, error->message);
}

static void
on_server_continue (ZcSignInPage *self)
{
  g_autoptr(GError) error = NULL;

  zc_sign_in_set_message (self->server_message, NULL);
  if (!zc_sign_in_page_check_field (self, F_SERVER))
    return;
  if (!zc_session_set_server_url (self->session, zc_sign_in_page_field_text (self, F_SERVER), &error))
    {
      zc_sign_in_set_message (self->server_message, error->message);
      return;
    }
  show_step (self, "account");
  gtk_widget_grab_focus (self->fields[F_LOGIN].row);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ZcSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  static const FieldId map[] = { F_LOGIN, F_PASSWORD };
  static const char * const names[] = { "login", "password", NULL };

  zc_sign_in_page_set_busy (self, FALSE);
  if (!zc_session_sign_in_finish (ZC_SESSION (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zc_sign_in_page_show_server_error (self, error, self->sign_in_message, map, names);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_PASSWORD].row), "");
  after_sign_in (self);
}

static void
on_sign_in (ZcSignInPage *self)
{
  zc_sign_in_set_message (self->sign_in_message, NULL);
  if (self->busy || !check_fields (self, F_LOGIN, F_PASSWORD))
    return;
  zc_sign_in_page_set_busy (self, TRUE);
  zc_session_sign_in_async (self->session, zc_sign_in_page_field_text (self, F_LOGIN),
                            zc_sign_in_page_field_text (self, F_PASSWORD),
                            self->cancellable, on_signed_in, g_object_ref (self));
}

static void
on_registered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ZcSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  static const FieldId map[] = { F_ID_NUMBER, F_NAME, F_MOBILE, F_NEW_PASSWORD };
  static const char * const names[] = { "id_number", "name", "mobile", "password", NULL };

  zc_sign_in_page_set_busy (self, FALSE);
  if (!zc_session_register_finish (ZC_SESSION (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zc_sign_in_page_show_server_error (self, error, self->register_message, map, names);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_NEW_PASSWORD].row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_CONFIRM].row), "");
  after_sign_in (self);
}

static void
on_register (ZcSignInPage *self)
{
  g_autofree char *id_number = NULL;
  g_autofree char *name = NULL;

  zc_sign_in_set_message (self->register_message, NULL);
  if (self->busy || !check_fields (self, F_ID_NUMBER, F_CONFIRM))
    return;
  zc_sign_in_page_set_busy (self, TRUE);
  id_number = zc_id_number_normalize (zc_sign_in_page_field_text (self, F_ID_NUMBER));
  name = g_strstrip (g_strdup (zc_sign_in_page_field_text (self, F_NAME)));
  zc_session_register_async (self->session,
                             id_number != NULL ? id_number : zc_sign_in_page_field_text (self, F_ID_NUMBER),
                             name, zc_sign_in_page_field_text (self, F_MOBILE),
                             zc_sign_in_page_field_text (self, F_NEW_PASSWORD),
                             self->cancellable, on_registered, g_object_ref (self));
}

static void
on_password_changed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ZcSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  static const FieldId map[] = { F_CURRENT, F_CHANGE_NEW };
  static const char * const names[] = { "old_password", "new_password", NULL };

  zc_sign_in_page_set_busy (self, FALSE);
  if (!zc_session_change_password_finish (ZC_SESSION (source), result, &error))
    {
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_INVALID) &&
          g_strcmp0 (zc_api_client_error_get_code (error), "wrong_password") == 0)
        set_field_error (self, F_CURRENT, error->message);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        zc_sign_in_page_show_server_error (self, error, self->password_message, map, names);
      return;
    }
  for (FieldId id = F_CURRENT; id <= F_CHANGE_CONFIRM; id++)
    gtk_editable_set_text (GTK_EDITABLE (self->fields[id].row), "");
  after_sign_in (self);
}

static void
on_change_password (ZcSignInPage *self)
{
  zc_sign_in_set_message (self->password_message, NULL);
  if (self->busy || !check_fields (self, F_CURRENT, F_CHANGE_CONFIRM))
    return;
  zc_sign_in_page_set_busy (self, TRUE);
  zc_session_change_password_async (self->session, zc_sign_in_page_field_text (self, F_CURRENT),
                                    zc_sign_in_page_field_text (self, F_CHANGE_NEW),
                                    self->cancellable, on_password_changed, g_object_ref (self));
}

static void
on_entry_activated (ZcSignInPage *self)
{
  zc_sign_in_page_activate (self);
}

static void
on_back (ZcSignInPage *self)
{
  show_step (self, "server");
}

static void
on_binding_done (ZcSignInPage *self)
{
  g_signal_emit (self, signals[FINISHED], 0);
}

/* Building */

static void
build_fields (ZcSignInPage *self)
{
  GtkWidget *row, *list, *button;

  /* the server */
  add_field (self, self->server_fields, F_SERVER, _("Server address"), FALSE, GTK_INPUT_PURPOSE_URL);
  {
    GtkWidget *hint = gtk_label_new (_("Your unit or the human resources office gives you this address, "
                                       "such as https://zhicheng.example.cn"));
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_widget_add_css_class (hint, "caption");
    gtk_box_append (GTK_BOX (self->server_fields), hint);
  }
  self->server_message = add_message (self->server_fields);
  self->server_button = add_button (self->server_fields, _("_Continue"), TRUE);
  g_signal_connect_swapped (self->server_button, "clicked", G_CALLBACK (on_server_continue), self);

  /* sign in */
  add_field (self, self->sign_in_fields, F_LOGIN, _("ID number or mobile number"), FALSE, GTK_INPUT_PURPOSE_FREE_FORM);
  add_field (self, self->sign_in_fields, F_PASSWORD, _("Password"), TRUE, GTK_INPUT_PURPOSE_PASSWORD);
  self->sign_in_message = add_message (self->sign_in_fields);
  self->sign_in_button = add_button (self->sign_in_fields, _("_Sign In"), TRUE);
  g_signal_connect_swapped (self->sign_in_button, "clicked", G_CALLBACK (on_sign_in), self);

  /* register */
  add_field (self, self->register_fields, F_ID_NUMBER, _("Resident ID number"), FALSE, GTK_INPUT_PURPOSE_FREE_FORM);
  add_field (self, self->register_fields, F_NAME, _("Name"), FALSE, GTK_INPUT_PURPOSE_NAME);
  add_field (self, self->register_fields, F_MOBILE, _("Mobile number"), FALSE, GTK_INPUT_PURPOSE_PHONE);
  add_field (self, self->register_fields, F_NEW_PASSWORD, _("Password"), TRUE, GTK_INPUT_PURPOSE_PASSWORD);
  add_field (self, self->register_fields, F_CONFIRM, _("Password again"), TRUE, GTK_INPUT_PURPOSE_PASSWORD);
  self->register_message = add_message (self->register_fields);
  self->register_button = add_button (self->register_fields, _("_Register"), TRUE);
  g_signal_connect_swapped (self->register_button, "clicked", G_CALLBACK (on_register), self);

  /* the initial password */
  add_field (self, self->password_fields, F_CURRENT, _("Initial password"), TRUE, GTK_INPUT_PURPOSE_PASSWORD);
  add_field (self, self->password_fields, F_CHANGE_NEW, _("New password"), TRUE, GTK_INPUT_PURPOSE_PASSWORD);
  add_field (self, self->password_fields, F_CHANGE_CONFIRM, _("New password again"), TRUE, GTK_INPUT_PURPOSE_PASSWORD);
  self->password_message = add_message (self->password_fields);
  self->password_button = add_button (self->password_fields, _("_Change Password"), TRUE);
  g_signal_connect_swapped (self->password_button, "clicked", G_CALLBACK (on_change_password), self);

  /* the unit */
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("I am a freelancer"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Then choose the human resources bureau of your region"));
  self->freelancer_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->freelancer_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->freelancer_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->freelancer_switch);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (self->binding_fields), list);
  add_field (self, self->binding_fields, F_COMMENT, _("Note for the unit (optional)"), FALSE,
             GTK_INPUT_PURPOSE_FREE_FORM);
  self->binding_message = add_message (self->binding_fields);
  self->request_button = add_button (self->binding_fields, _("_Request Binding"), TRUE);
  g_signal_connect_swapped (self->request_button, "clicked", G_CALLBACK (zc_sign_in_page_request_binding), self);
  button = add_button (self->binding_fields, _("_Continue to the Archive"), FALSE);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_binding_done), self);
}

static void
zc_sign_in_page_dispose (GObject *object)
{
  ZcSignInPage *self = ZC_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->search_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (zc_sign_in_page_parent_class)->dispose (object);
}

static void
zc_sign_in_page_finalize (GObject *object)
{
  ZcSignInPage *self = ZC_SIGN_IN_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->units, g_ptr_array_unref);

  G_OBJECT_CLASS (zc_sign_in_page_parent_class)->finalize (object);
}

static void
zc_sign_in_page_class_init (ZcSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_sign_in_page_dispose;
  object_class->finalize = zc_sign_in_page_finalize;

  /**
   * ZcSignInPage::finished:
   *
   * The user is signed in, with a password of their own, and has seen
   * the unit step when it applies.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, account_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, account_switcher);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, server_fields);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, server_note);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, sign_in_fields);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, register_fields);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, password_fields);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, binding_fields);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, requests_box);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, requests_list);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, unit_search);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, units_list);
  gtk_widget_class_bind_template_child (widget_class, ZcSignInPage, units_empty);
}

static void
zc_sign_in_page_init (ZcSignInPage *self)
{
  static gsize icons_added = 0;

  /* the application icon, also without a GtkApplication (tests) */
  if (g_once_init_enter (&icons_added))
    {
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        APP_RESOURCE_PATH "/icons");
      g_once_init_leave (&icons_added, 1);
    }

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  build_fields (self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back), self);
  g_signal_connect_swapped (self->unit_search, "search-changed", G_CALLBACK (zc_sign_in_page_search_units), self);
}

/**
 * zc_sign_in_page_new:
 *
 * Returns: (transfer floating): the page, at the server step when the
 *   session has no server yet (or is signed out), at sign-in otherwise
 */
GtkWidget *
zc_sign_in_page_new (ZcSession *session)
{
  ZcSignInPage *self;

  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_SIGN_IN_PAGE, NULL);
  self->session = g_object_ref (session);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[F_SERVER].row), zc_session_get_server_url (session));
  show_step (self, zc_session_get_state (session) == ZC_SESSION_STATE_SIGNED_OUT ? "server" : "account");
  return GTK_WIDGET (self);
}

/**
 * zc_sign_in_page_new_window:
 * @application: (nullable): the application
 *
 * Returns: (transfer none): a window holding a new page
 */
GtkWindow *
zc_sign_in_page_new_window (GtkApplication *application,
                            ZcSession      *session)
{
  GtkWidget *window;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  window = g_object_new (ADW_TYPE_APPLICATION_WINDOW, "application", application,
                         "default-width", 520, "default-height", 720, "width-request", 360,
                         "height-request", 420, NULL);
  gtk_window_set_title (GTK_WINDOW (window), _("Sign In to Zhicheng"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), zc_sign_in_page_new (session));
  return GTK_WINDOW (window);
}

/* Returns: (transfer none) (nullable): the page of a window made by
 * zc_sign_in_page_new_window() */
ZcSignInPage *
zc_sign_in_page_from_window (GtkWindow *window)
{
  GtkWidget *content;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  if (!ADW_IS_APPLICATION_WINDOW (window))
    return NULL;
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  return ZC_IS_SIGN_IN_PAGE (content) ? ZC_SIGN_IN_PAGE (content) : NULL;
}

ZcSession *
zc_sign_in_page_get_session (ZcSignInPage *self)
{
  g_return_val_if_fail (ZC_IS_SIGN_IN_PAGE (self), NULL);
  return self->session;
}

/* Returns: "server", "account", "password" or "binding" */
const char *
zc_sign_in_page_get_step (ZcSignInPage *self)
{
  g_return_val_if_fail (ZC_IS_SIGN_IN_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Goes to a step: "account" to sign in again, "binding" for the unit. */
void
zc_sign_in_page_set_step (ZcSignInPage *self,
                          const char   *step)
{
  g_return_if_fail (ZC_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (g_strcmp0 (step, "server") == 0 || g_strcmp0 (step, "account") == 0 ||
                    g_strcmp0 (step, "password") == 0 || g_strcmp0 (step, "binding") == 0);

  show_step (self, step);
}

/* The account step's register form rather than sign-in. */
void
zc_sign_in_page_show_register (ZcSignInPage *self,
                               gboolean      show)
{
  g_return_if_fail (ZC_IS_SIGN_IN_PAGE (self));
  gtk_stack_set_visible_child_name (self->account_stack, show ? "register" : "sign-in");
}

static int
field_index (const char *name)
{
  for (int i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], name) == 0)
      return i;
  return -1;
}

/* Types into a field: "server", "login", "password", "id_number",
 * "name", "mobile", "new_password", "confirm", "current_password",
 * "change_new_password", "change_confirm", "comment". */
void
zc_sign_in_page_set_field_text (ZcSignInPage *self,
                                const char   *field,
                                const char   *text)
{
  int index = field_index (field);

  g_return_if_fail (ZC_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (index >= 0);
  g_return_if_fail (text != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->fields[index].row), text);
}

/* Returns: (nullable): the message shown under a field */
const char *
zc_sign_in_page_get_field_error (ZcSignInPage *self,
                                 const char   *field)
{
  int index = field_index (field);

  g_return_val_if_fail (ZC_IS_SIGN_IN_PAGE (self), NULL);
  g_return_val_if_fail (index >= 0, NULL);

  if (!gtk_widget_get_visible (self->fields[index].error))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->fields[index].error));
}

/* Returns: (nullable): the current step's message under its form */
const char *
zc_sign_in_page_get_message (ZcSignInPage *self)
{
  const char *step;
  GtkWidget *label;

  g_return_val_if_fail (ZC_IS_SIGN_IN_PAGE (self), NULL);

  step = zc_sign_in_page_get_step (self);
  if (g_strcmp0 (step, "server") == 0)
    label = self->server_message;
  else if (g_strcmp0 (step, "password") == 0)
    label = self->password_message;
  else if (g_strcmp0 (step, "binding") == 0)
    label = self->binding_message;
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->account_stack), "register") == 0)
    label = self->register_message;
  else
    label = self->sign_in_message;
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* What Enter does: the current step's main button. */
void
zc_sign_in_page_activate (ZcSignInPage *self)
{
  const char *step;

  g_return_if_fail (ZC_IS_SIGN_IN_PAGE (self));

  step = zc_sign_in_page_get_step (self);
  if (g_strcmp0 (step, "server") == 0)
    on_server_continue (self);
  else if (g_strcmp0 (step, "password") == 0)
    on_change_password (self);
  else if (g_strcmp0 (step, "binding") == 0)
    zc_sign_in_page_request_binding (self);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->account_stack), "register") == 0)
    on_register (self);
  else
    on_sign_in (self);
}

/* Whether a request to the server is in flight. */
gboolean
zc_sign_in_page_is_busy (ZcSignInPage *self)
{
  g_return_val_if_fail (ZC_IS_SIGN_IN_PAGE (self), FALSE);
  return self->busy;
}

/* The units the last search found that take applicants. */
guint
zc_sign_in_page_get_n_units (ZcSignInPage *self)
{
  g_return_val_if_fail (ZC_IS_SIGN_IN_PAGE (self), 0);
  return self->units->len;
}

gboolean
zc_sign_in_page_select_unit (ZcSignInPage *self,
                             guint         index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (ZC_IS_SIGN_IN_PAGE (self), FALSE);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->units_list), (int) index);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (GTK_LIST_BOX (self->units_list), row);
  return TRUE;
}

/* The caller's binding requests shown. */
guint
zc_sign_in_page_get_n_requests (ZcSignInPage *self)
{
  g_return_val_if_fail (ZC_IS_SIGN_IN_PAGE (self), 0);
  return self->n_requests;
}
