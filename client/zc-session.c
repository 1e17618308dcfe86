/* zc-session.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-session"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "zc-json.h"
#include "zc-session-private.h"

/* Who is signed in, to which server.  The account (its id, name, role
 * and unit: nothing secret) is kept in a small state file so that the
 * client opens the account's local data offline; the session token
 * goes to the desktop keyring when a Secret Service runs, and otherwise
 * lives in memory only, so the next start works offline on the local
 * data and asks for the password when the server is to be reached.
 * With ZC_SESSION_FLAGS_EPHEMERAL (kiosks) nothing touches the disk. */

G_DEFINE_FINAL_TYPE (ZcSession, zc_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_SERVER_URL,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
zc_session_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { ZC_SESSION_STATE_SIGNED_OUT, "ZC_SESSION_STATE_SIGNED_OUT", "signed-out" },
        { ZC_SESSION_STATE_SIGNED_IN, "ZC_SESSION_STATE_SIGNED_IN", "signed-in" },
        { ZC_SESSION_STATE_PASSWORD_CHANGE, "ZC_SESSION_STATE_PASSWORD_CHANGE", "password-change" },
        { ZC_SESSION_STATE_EXPIRED, "ZC_SESSION_STATE_EXPIRED", "expired" },
        { 0, NULL, NULL }
      };
      g_once_init_leave (&type_id, g_enum_register_static ("ZcSessionState", values));
    }

  return type_id;
}

static void
set_state (ZcSession      *self,
           ZcSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
zc_session_account_member (JsonObject *account,
                           const char *name)
{
  const char *value = NULL;

  if (account == NULL || !zc_json_get_string (account, name, FALSE, &value, NULL))
    return NULL;
  return value;
}

static gboolean
account_must_change (JsonObject *account)
{
  gboolean must = FALSE;

  if (account == NULL || !zc_json_get_boolean (account, "must_change_password", FALSE, &must, NULL))
    return FALSE;
  return must;
}

/* What the state file keeps of an account: no ID number, no mobile. */
static JsonObject *
public_account (JsonObject *account)
{
  static const char *const kept[] = { "id", "name", "role", "unit", "must_change_password", NULL };
  JsonObject *copy = json_object_new ();

  for (guint i = 0; kept[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (account, kept[i]);

      if (node != NULL)
        json_object_set_member (copy, kept[i], zc_json_node_copy_deep (node));
    }
  return copy;
}

void
zc_session_take_account (ZcSession  *self,
                         JsonObject *account)
{
  g_autofree char *old_id = g_strdup (zc_session_account_member (self->account, "id"));

  g_clear_pointer (&self->account, json_object_unref);
  if (account != NULL)
    self->account = public_account (account);
  if (g_strcmp0 (old_id, zc_session_account_member (self->account, "id")) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

/* Operations */

typedef struct
{
  char *login;
  char *password;      /* wiped when freed */
  char *new_password;  /* wiped when freed */
  char *token;         /* wiped when freed */
  JsonObject *account;
  GSource    *timeout;     /* owned, nullable: the sign-out's time limit */
} OpData;

static void
wipe_free (char *text)
{
  if (text != NULL)
    memset (text, 0, strlen (text));
  g_free (text);
}

static void
op_data_free (OpData *data)
{
  g_free (data->login);
  wipe_free (data->password);
  wipe_free (data->new_password);
  wipe_free (data->token);
  g_clear_pointer (&data->account, json_object_unref);
  if (data->timeout != NULL)
    g_source_destroy (data->timeout);
  g_clear_pointer (&data->timeout, g_source_unref);
  g_free (data);
}

static GTask *
new_op (ZcSession           *self,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data,
        gpointer             tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, g_new0 (OpData, 1), (GDestroyNotify) op_data_free);
  return task;
}

static JsonNode *
object_node (JsonObject *object)
{
  return json_node_init_object (json_node_alloc (), object);
}

/* Restore */

static void
on_token_looked_up (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZcSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_warning ("Reading the keyring: %s", error->message);
  if (token != NULL)
    {
      zc_api_client_set_token (self->api, token);
      secret_password_free (token);
      set_state (self, account_must_change (self->account) ? ZC_SESSION_STATE_PASSWORD_CHANGE
                                                           : ZC_SESSION_STATE_SIGNED_IN);
    }
  else
    set_state (self, ZC_SESSION_STATE_EXPIRED);
  g_task_return_boolean (task, TRUE);
}

static void
on_restore_probed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZcSession *self = g_task_get_source_object (task);
  GCancellable *cancellable;

  if (self->keyring != 1)
    {
      set_state (self, ZC_SESSION_STATE_EXPIRED);
      g_task_return_boolean (task, TRUE);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  secret_password_lookup (zc_session_token_schema (), cancellable, on_token_looked_up,
                          g_steal_pointer (&task),
                          "server", zc_api_client_get_base_url (self->api),
                          "account", zc_session_account_member (self->account, "id"), NULL);
}

/**
 * zc_session_restore_async:
 *
 * Reads the state file and the keyring: the state becomes signed out
 * (nothing kept), signed in (a token was kept) or expired (the account
 * is known, the token is not).  Nothing is asked of the server.
 */
void
zc_session_restore_async (ZcSession           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ZC_IS_SESSION (self));

  task = new_op (self, cancellable, callback, user_data, zc_session_restore_async);
  zc_session_read_state (self);
  if (self->account == NULL)
    {
      set_state (self, ZC_SESSION_STATE_SIGNED_OUT);
      g_task_return_boolean (task, TRUE);
      return;
    }
  zc_session_probe_keyring_async (self, cancellable, on_restore_probed, g_steal_pointer (&task));
}

gboolean
zc_session_restore_finish (ZcSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign in */

static void
finish_sign_in (GTask *task)
{
  ZcSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  zc_session_take_account (self, data->account);
  g_free (self->login);
  self->login = g_strdup (data->login);
  if (!zc_session_write_state (self, &error))
    g_warning ("Keeping the session: %s", error->message);
  set_state (self, account_must_change (self->account) ? ZC_SESSION_STATE_PASSWORD_CHANGE
                                                       : ZC_SESSION_STATE_SIGNED_IN);
  g_task_return_boolean (task, TRUE);
}

static void
on_token_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* the token then lives in memory only, which is still a session */
  if (!secret_password_store_finish (result, &error))
    g_warning ("Keeping the token in the keyring: %s", error->message);
  finish_sign_in (task);
}

static void
on_sign_in_probed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZcSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autofree char *label = NULL;
  GCancellable *cancellable;

  if (self->keyring != 1)
    {
      finish_sign_in (task);
      return;
    }
  /* Translators: the keyring item's label; %s is the server address */
  label = g_strdup_printf (_("Zhicheng session at %s"), zc_api_client_get_base_url (self->api));
  cancellable = g_task_get_cancellable (task);
  secret_password_store (zc_session_token_schema (), SECRET_COLLECTION_DEFAULT, label, data->token,
                         cancellable, on_token_stored, g_steal_pointer (&task),
                         "server", zc_api_client_get_base_url (self->api),
                         "account", zc_session_account_member (data->account, "id"), NULL);
}

static void
on_session_created (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZcSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = NULL;
  JsonObject *account = NULL;
  const char *token = NULL;
  const char *id = NULL;
  GCancellable *cancellable;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (answer == NULL || !zc_json_node_get_object (answer, &object, &error) ||
      !zc_json_get_string (object, "token", TRUE, &token, &error) ||
      !zc_json_get_object (object, "account", TRUE, &account, &error) ||
      !zc_json_get_uuid (account, "id", TRUE, &id, &error))
    {
      g_task_return_new_error (task, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                               _("The server’s answer could not be read (%s)"),
                               error != NULL ? error->message : "empty");
      return;
    }

  /* a previous account's token is of no use any more */
  if (g_strcmp0 (zc_session_account_member (self->account, "id"), id) != 0)
    zc_session_forget_token (self, zc_session_account_member (self->account, "id"));

  data->token = g_strdup (token);
  data->account = json_object_ref (account);
  zc_api_client_set_token (self->api, token);
  cancellable = g_task_get_cancellable (task);
  zc_session_probe_keyring_async (self, cancellable, on_sign_in_probed, g_steal_pointer (&task));
}

static void
start_sign_in (GTask *task)
{
  ZcSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  json_object_set_string_member (body, "login", data->login);
  json_object_set_string_member (body, "password", data->password);
  node = object_node (body);
  zc_api_client_call_async (self->api, "POST", "/api/v1/sessions", node,
                            g_task_get_cancellable (task), on_session_created, task);
}

/**
 * zc_session_sign_in_async:
 * @login: the ID number or the mobile number
 *
 * Logs in at the server address set; on success the state is signed in
 * (or password-change), the account kept and the token stored.
 */
void
zc_session_sign_in_async (ZcSession           *self,
                          const char          *login,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  OpData *data;

  g_return_if_fail (ZC_IS_SESSION (self));
  g_return_if_fail (login != NULL);
  g_return_if_fail (password != NULL);

  task = new_op (self, cancellable, callback, user_data, zc_session_sign_in_async);
  data = g_task_get_task_data (task);
  data->login = g_strstrip (g_strdup (login));
  data->password = g_strdup (password);
  start_sign_in (task);
}

gboolean
zc_session_sign_in_finish (ZcSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Register */

static void
on_registered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  start_sign_in (task);
}

/**
 * zc_session_register_async:
 *
 * Creates an applicant account (POST /api/v1/accounts), then signs in
 * with it.  Check the fields first with the shared validators: the
 * server refuses what they refuse, with the same messages.
 */
void
zc_session_register_async (ZcSession           *self,
                           const char          *id_number,
                           const char          *name,
                           const char          *mobile,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  GTask *task;
  OpData *data;

  g_return_if_fail (ZC_IS_SESSION (self));
  g_return_if_fail (id_number != NULL && name != NULL && mobile != NULL && password != NULL);

  task = new_op (self, cancellable, callback, user_data, zc_session_register_async);
  data = g_task_get_task_data (task);
  data->login = g_strstrip (g_strdup (id_number));
  data->password = g_strdup (password);

  json_object_set_string_member (body, "id_number", data->login);
  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "mobile", mobile);
  json_object_set_string_member (body, "password", password);
  node = object_node (body);
  zc_api_client_call_async (self->api, "POST", "/api/v1/accounts", node, cancellable, on_registered, task);
}

gboolean
zc_session_register_finish (ZcSession     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Change password */

static void
on_password_changed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZcSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, NULL, &error))
    {
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED))
        zc_session_expire (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->account != NULL)
    json_object_set_boolean_member (self->account, "must_change_password", FALSE);
  if (!zc_session_write_state (self, &error))
    g_warning ("Keeping the session: %s", error->message);
  set_state (self, ZC_SESSION_STATE_SIGNED_IN);
  g_task_return_boolean (task, TRUE);
}

void
zc_session_change_password_async (ZcSession           *self,
                                  const char          *old_password,
                                  const char          *new_password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  GTask *task;

  g_return_if_fail (ZC_IS_SESSION (self));
  g_return_if_fail (old_password != NULL && new_password != NULL);

  task = new_op (self, cancellable, callback, user_data, zc_session_change_password_async);
  json_object_set_string_member (body, "old_password", old_password);
  json_object_set_string_member (body, "new_password", new_password);
  node = object_node (body);
  zc_api_client_call_async (self->api, "POST", "/api/v1/me/password", node, cancellable,
                            on_password_changed, task);
}

gboolean
zc_session_change_password_finish (ZcSession     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Refresh */

static void
on_me (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZcSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = NULL;
  const char *id = NULL;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED))
        zc_session_expire (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (answer == NULL || !zc_json_node_get_object (answer, &object, &error) ||
      !zc_json_get_uuid (object, "id", TRUE, &id, &error))
    {
      g_task_return_new_error (task, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                               _("The server’s answer could not be read (%s)"),
                               error != NULL ? error->message : "empty");
      return;
    }

  zc_session_take_account (self, object);
  if (!zc_session_write_state (self, &error))
    g_warning ("Keeping the session: %s", error->message);
  g_task_return_pointer (task, json_object_ref (object), (GDestroyNotify) json_object_unref);
}

/* GET /api/v1/me: the account as the server has it now (a unit that
 * approved a binding meanwhile), with "pending_binding". */
void
zc_session_refresh_async (ZcSession           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (ZC_IS_SESSION (self));

  zc_api_client_call_async (self->api, "GET", "/api/v1/me", NULL, cancellable, on_me,
                            new_op (self, cancellable, callback, user_data, zc_session_refresh_async));
}

/**
 * zc_session_refresh_finish:
 *
 * Returns: (transfer full): the whole answer of GET /api/v1/me
 */
JsonObject *
zc_session_refresh_finish (ZcSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sign out */

static void
forget_everything (ZcSession *self)
{
  g_autoptr(GError) error = NULL;

  zc_session_forget_token (self, zc_session_account_member (self->account, "id"));
  zc_api_client_set_token (self->api, NULL);
  zc_session_take_account (self, NULL);
  g_clear_pointer (&self->login, g_free);
  if (!zc_session_write_state (self, &error))
    g_warning ("Forgetting the session: %s", error->message);
  set_state (self, ZC_SESSION_STATE_SIGNED_OUT);
}

static void
on_session_deleted (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_source_destroy (data->timeout);
  /* offline or a dead token: the server forgets it by itself in time */
  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, NULL, &error))
    g_debug ("Logging out at the server: %s", error->message);
  forget_everything (g_task_get_source_object (task));
  g_task_return_boolean (task, TRUE);
}

static gboolean
on_sign_out_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/**
 * zc_session_sign_out_async:
 *
 * Ends the session at the server (if it answers within a few seconds)
 * and forgets the account, its token and the state file.  What becomes
 * of the local data is the caller's choice.
 */
void
zc_session_sign_out_async (ZcSession           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  g_autoptr(GCancellable) own = g_cancellable_new ();
  OpData *data;

  g_return_if_fail (ZC_IS_SESSION (self));

  task = new_op (self, cancellable, callback, user_data, zc_session_sign_out_async);
  if (zc_api_client_get_token (self->api) == NULL)
    {
      forget_everything (self);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  /* the caller's cancellable is not passed on: signing out always ends */
  data = g_task_get_task_data (task);
  data->timeout = g_timeout_source_new (SIGN_OUT_TIMEOUT_MS);
  g_source_set_callback (data->timeout, on_sign_out_timeout, g_object_ref (own), g_object_unref);
  g_source_attach (data->timeout, g_main_context_get_thread_default ());
  zc_api_client_call_async (self->api, "DELETE", "/api/v1/sessions/current", NULL, own,
                            on_session_deleted, task);
}

gboolean
zc_session_sign_out_finish (ZcSession     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * zc_session_expire:
 *
 * The server refused the token (401): forget it, keep the account and
 * its local data, and become expired so that the user is asked to sign
 * in again, once.  Does nothing unless signed in.
 */
void
zc_session_expire (ZcSession *self)
{
  g_return_if_fail (ZC_IS_SESSION (self));

  if (self->state != ZC_SESSION_STATE_SIGNED_IN && self->state != ZC_SESSION_STATE_PASSWORD_CHANGE)
    return;
  zc_session_forget_token (self, zc_session_account_member (self->account, "id"));
  zc_api_client_set_token (self->api, NULL);
  set_state (self, ZC_SESSION_STATE_EXPIRED);
}

/* GObject */

static void
zc_session_finalize (GObject *object)
{
  ZcSession *self = ZC_SESSION (object);

  g_clear_object (&self->api);
  g_clear_pointer (&self->account, json_object_unref);
  g_free (self->login);
  g_free (self->state_path);

  G_OBJECT_CLASS (zc_session_parent_class)->finalize (object);
}

static void
zc_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ZcSession *self = ZC_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, zc_session_get_server_url (self));
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_string (value, zc_session_get_account_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_session_class_init (ZcSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_session_finalize;
  object_class->get_property = zc_session_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, ZC_TYPE_SESSION_STATE, ZC_SESSION_STATE_SIGNED_OUT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zc_session_init (ZcSession *self)
{
  self->keyring = -1;
  self->api = zc_api_client_new ("https://localhost");
}

/**
 * zc_session_new:
 * @state_path: (nullable): where the account is kept between runs;
 *   %NULL keeps nothing
 *
 * Returns: (transfer full): a signed-out session; call
 *   zc_session_restore_async() to take up the last one
 */
ZcSession *
zc_session_new (const char     *state_path,
                ZcSessionFlags  flags)
{
  ZcSession *self = g_object_new (ZC_TYPE_SESSION, NULL);

  self->state_path = g_strdup (state_path);
  self->flags = flags;
  return self;
}

ZcSessionState
zc_session_get_state (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), ZC_SESSION_STATE_SIGNED_OUT);
  return self->state;
}

const char *
zc_session_get_server_url (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), NULL);
  return zc_api_client_get_base_url (self->api);
}

/**
 * zc_session_set_server_url:
 * @url: what the user typed; see zc_api_client_normalize_url()
 *
 * Points the session at another server.  Refused while an account is
 * signed in (sign out first): its data belongs to its server.
 */
gboolean
zc_session_set_server_url (ZcSession   *self,
                           const char  *url,
                           GError     **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (ZC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  normalized = zc_api_client_normalize_url (url, error);
  if (normalized == NULL)
    return FALSE;
  if (g_strcmp0 (normalized, zc_api_client_get_base_url (self->api)) == 0)
    return TRUE;
  if (self->state != ZC_SESSION_STATE_SIGNED_OUT && self->account != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Sign out before choosing another server"));
      return FALSE;
    }

  g_object_unref (self->api);
  self->api = zc_api_client_new (normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
  return TRUE;
}

/**
 * zc_session_get_api_client:
 *
 * Returns: (transfer none): the client for the server, with the token;
 *   it is replaced when the server address changes
 */
ZcApiClient *
zc_session_get_api_client (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), NULL);
  return self->api;
}

const char *
zc_session_get_account_id (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), NULL);
  return zc_session_account_member (self->account, "id");
}

const char *
zc_session_get_account_name (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), NULL);
  return zc_session_account_member (self->account, "name");
}

/* Returns: (nullable): "applicant", "unit_officer" … */
const char *
zc_session_get_role (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), NULL);
  return zc_session_account_member (self->account, "role");
}

/* Returns: (nullable): the unit's name; %NULL while not bound */
const char *
zc_session_get_unit_name (ZcSession *self)
{
  JsonObject *unit = NULL;

  g_return_val_if_fail (ZC_IS_SESSION (self), NULL);

  if (self->account == NULL || !zc_json_get_object (self->account, "unit", FALSE, &unit, NULL) || unit == NULL)
    return NULL;
  return zc_session_account_member (unit, "name");
}

/* Returns: (nullable): the ID number or mobile the user signed in with */
const char *
zc_session_get_login (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), NULL);
  return self->login;
}

/* Returns: (transfer none) (nullable): id, name, role, unit, must_change_password */
JsonObject *
zc_session_get_account (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), NULL);
  return self->account;
}

/* Whether the token went to a Secret Service (known after the first
 * restore or sign-in). */
gboolean
zc_session_get_keyring_available (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), FALSE);
  return self->keyring == 1;
}

gboolean
zc_session_is_ephemeral (ZcSession *self)
{
  g_return_val_if_fail (ZC_IS_SESSION (self), FALSE);
  return (self->flags & ZC_SESSION_FLAGS_EPHEMERAL) != 0;
}

