/* zc-session-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsecret/secret.h>

#include "zc-session.h"

G_BEGIN_DECLS

/* What zc-session.c (the object and its requests) and zc-session-keep.c
 * (the state file, the keyring, the local data) share. */

#define STATE_GROUP          "session"
#define SECRETS_BUS_NAME     "org.freedesktop.secrets"
#define SIGN_OUT_TIMEOUT_MS  5000

struct _ZcSession
{
  GObject         parent_instance;

  char           *state_path;     /* owned, nullable: nothing kept */
  ZcSessionFlags  flags;
  ZcSessionState  state;
  ZcApiClient    *api;            /* owned */
  JsonObject     *account;        /* owned, nullable */
  char           *login;          /* owned, nullable: what the user signed in with */
  int             keyring;        /* -1 not probed yet, 0 no, 1 yes */
};

const SecretSchema *zc_session_token_schema        (void);
const char         *zc_session_account_member      (JsonObject           *account,
                                                    const char           *name);
void                zc_session_take_account        (ZcSession            *self,
                                                    JsonObject           *account);
gboolean            zc_session_write_state         (ZcSession            *self,
                                                    GError              **error);
void                zc_session_read_state          (ZcSession            *self);
void                zc_session_probe_keyring_async (ZcSession            *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
void                zc_session_forget_token        (ZcSession            *self,
                                                    const char           *account_id);

G_END_DECLS
