/* zc-session.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "zc-api-client.h"

G_BEGIN_DECLS

/**
 * ZcSessionState:
 * @ZC_SESSION_STATE_SIGNED_OUT: no account: the sign-in page is shown
 * @ZC_SESSION_STATE_SIGNED_IN: an account with a token the server took
 *   last time it was asked
 * @ZC_SESSION_STATE_PASSWORD_CHANGE: signed in with an initial password:
 *   only changing it (or signing out) is allowed
 * @ZC_SESSION_STATE_EXPIRED: the account is known and its local data
 *   open, but there is no usable token (the server refused it, or it
 *   could not be kept): work goes on offline until the user signs in
 *   again
 */
typedef enum
{
  ZC_SESSION_STATE_SIGNED_OUT,
  ZC_SESSION_STATE_SIGNED_IN,
  ZC_SESSION_STATE_PASSWORD_CHANGE,
  ZC_SESSION_STATE_EXPIRED,
} ZcSessionState;

#define ZC_TYPE_SESSION_STATE (zc_session_state_get_type ())
GType zc_session_state_get_type (void);

/**
 * ZcSessionFlags:
 * @ZC_SESSION_FLAGS_NONE: keep the account in the state file and the
 *   token in the desktop keyring when a Secret Service runs
 * @ZC_SESSION_FLAGS_NO_KEYRING: never use the keyring: the token lives
 *   in memory only
 * @ZC_SESSION_FLAGS_EPHEMERAL: keep nothing on disk (kiosks)
 */
typedef enum
{
  ZC_SESSION_FLAGS_NONE       = 0,
  ZC_SESSION_FLAGS_NO_KEYRING = 1 << 0,
  ZC_SESSION_FLAGS_EPHEMERAL  = 1 << 1,
} ZcSessionFlags;

#define ZC_TYPE_SESSION (zc_session_get_type ())
G_DECLARE_FINAL_TYPE (ZcSession, zc_session, ZC, SESSION, GObject)

char           *zc_session_default_state_path      (void);

ZcSession      *zc_session_new                     (const char           *state_path,
                                                    ZcSessionFlags        flags);

ZcSessionState  zc_session_get_state               (ZcSession            *self);
const char     *zc_session_get_server_url          (ZcSession            *self);
gboolean        zc_session_set_server_url          (ZcSession            *self,
                                                    const char           *url,
                                                    GError              **error);
ZcApiClient    *zc_session_get_api_client          (ZcSession            *self);
const char     *zc_session_get_account_id          (ZcSession            *self);
const char     *zc_session_get_account_name        (ZcSession            *self);
const char     *zc_session_get_role                (ZcSession            *self);
const char     *zc_session_get_unit_name           (ZcSession            *self);
const char     *zc_session_get_login               (ZcSession            *self);
JsonObject     *zc_session_get_account             (ZcSession            *self);
gboolean        zc_session_get_keyring_available  (ZcSession            *self);
gboolean        zc_session_is_ephemeral            (ZcSession            *self);

void            zc_session_restore_async           (ZcSession            *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        zc_session_restore_finish          (ZcSession            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void            zc_session_sign_in_async           (ZcSession            *self,
                                                    const char           *login,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        zc_session_sign_in_finish          (ZcSession            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void            zc_session_register_async          (ZcSession            *self,
                                                    const char           *id_number,
                                                    const char           *name,
                                                    const char           *mobile,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        zc_session_register_finish         (ZcSession            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void            zc_session_change_password_async   (ZcSession            *self,
                                                    const char           *old_password,
                                                    const char           *new_password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        zc_session_change_password_finish  (ZcSession            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void            zc_session_refresh_async           (ZcSession            *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
JsonObject     *zc_session_refresh_finish          (ZcSession            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void            zc_session_sign_out_async          (ZcSession            *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        zc_session_sign_out_finish         (ZcSession            *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void            zc_session_expire                  (ZcSession            *self);

gboolean        zc_session_remove_store_files      (const char           *store_path,
                                                    GError              **error);

G_END_DECLS
