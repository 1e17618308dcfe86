/* zc-session-keep.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-session"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "zc-json.h"
#include "zc-session-private.h"

/* What a session keeps between runs: the account in the state file
 * (never the token, the ID number or the mobile), the token in the
 * desktop keyring when a Secret Service runs; and what signing out may
 * remove, the account's local store. */

const SecretSchema *
zc_session_token_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Session", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* The state file */

gboolean
zc_session_write_state (ZcSession  *self,
                        GError    **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *account_text = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize length = 0;

  if (self->state_path == NULL || (self->flags & ZC_SESSION_FLAGS_EPHEMERAL) != 0)
    return TRUE;

  if (self->account == NULL)
    {
      if (g_unlink (self->state_path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", self->state_path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  file = g_key_file_new ();
  node = json_node_init_object (json_node_alloc (), self->account);
  account_text = zc_json_to_string (node);
  g_key_file_set_string (file, STATE_GROUP, "server-url", zc_api_client_get_base_url (self->api));
  g_key_file_set_string (file, STATE_GROUP, "account", account_text);
  if (self->login != NULL)
    g_key_file_set_string (file, STATE_GROUP, "login", self->login);
  data = g_key_file_to_data (file, &length, NULL);

  folder = g_path_get_dirname (self->state_path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents_full (self->state_path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* A missing file is no error; a damaged one is treated as missing. */
void
zc_session_read_state (ZcSession *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *account_text = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *account = NULL;
  const char *id = NULL;

  if (self->state_path == NULL || (self->flags & ZC_SESSION_FLAGS_EPHEMERAL) != 0)
    return;

  if (!g_key_file_load_from_file (file, self->state_path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Ignoring %s: %s", self->state_path, error->message);
      return;
    }

  url = g_key_file_get_string (file, STATE_GROUP, "server-url", NULL);
  account_text = g_key_file_get_string (file, STATE_GROUP, "account", NULL);
  if (url == NULL || account_text == NULL ||
      !zc_json_parse (account_text, strlen (account_text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error) ||
      !zc_json_node_get_object (node, &account, &error) ||
      !zc_json_get_uuid (account, "id", TRUE, &id, &error) ||
      !zc_session_set_server_url (self, url, &error))
    {
      g_warning ("Ignoring %s: %s", self->state_path, error != NULL ? error->message : "incomplete");
      return;
    }

  zc_session_take_account (self, account);
  g_free (self->login);
  self->login = g_key_file_get_string (file, STATE_GROUP, "login", NULL);
}

/* The keyring */

static gboolean
session_bus_configured (void)
{
  g_autofree char *socket = NULL;

  /* never let GDBus autolaunch a bus of its own */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;
  socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);
  return g_file_test (socket, G_FILE_TEST_EXISTS);
}

static void
on_name_has_owner (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZcSession *self = g_task_get_source_object (task);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  self->keyring = owned ? 1 : 0;
  g_debug ("Secret Service %s", owned ? "found" : "not running: the token stays in memory");
  g_task_return_boolean (task, TRUE);
}

static void
on_bus (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ZcSession *self = g_task_get_source_object (task);
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);

  if (bus == NULL)
    {
      self->keyring = 0;
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", SECRETS_BUS_NAME), G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NONE, 2000, g_task_get_cancellable (task),
                          on_name_has_owner, g_object_ref (task));
}

/* Finds out once whether a Secret Service is running. */
void
zc_session_probe_keyring_async (ZcSession           *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  if (self->keyring < 0 && ((self->flags & (ZC_SESSION_FLAGS_NO_KEYRING | ZC_SESSION_FLAGS_EPHEMERAL)) != 0 ||
                            !session_bus_configured ()))
    self->keyring = 0;
  if (self->keyring >= 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_bus, g_steal_pointer (&task));
}

void
zc_session_forget_token (ZcSession  *self,
                         const char *account_id)
{
  if (self->keyring != 1 || account_id == NULL)
    return;
  secret_password_clear (zc_session_token_schema (), NULL, NULL, NULL,
                         "server", zc_api_client_get_base_url (self->api), "account", account_id, NULL);
}

/* Returns: (transfer full): $XDG_CONFIG_HOME/zhicheng/session.ini */
char *
zc_session_default_state_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "zhicheng", "session.ini", NULL);
}

static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!remove_tree (child, error))
            return FALSE;
        }
    }
  if (g_remove (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * zc_session_remove_store_files:
 * @store_path: a local store's file, closed
 *
 * Removes the local copy an account leaves behind when it signs out
 * and chooses not to keep it: the file, its journal and its blob
 * folder.  Missing pieces are no error.
 */
gboolean
zc_session_remove_store_files (const char  *store_path,
                               GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", "-blobs" };

  g_return_val_if_fail (store_path != NULL && *store_path != '\0', FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (store_path, suffixes[i], NULL);

      if (!remove_tree (path, error))
        return FALSE;
    }
  return TRUE;
}
