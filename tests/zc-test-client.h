/* zc-test-client.h: a signed-in client of the real server, as the
 * client and UI tests use it — a session, its own local store and,
 * when asked for, the sync engine
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-local-store.h"
#include "zc-session.h"
#include "zc-sync-engine.h"

G_BEGIN_DECLS

typedef struct
{
  char         *dir;      /* owned: the store's temporary folder */
  ZcSession    *session;  /* owned */
  ZcLocalStore *store;    /* owned: bound to the account */
  ZcSyncEngine *engine;   /* owned, nullable: with short retry intervals */
} ZcTestClient;

/* Iterates the main context until *@done, failing after a minute. */
void          zc_test_iterate_until   (gboolean      *done);
/* A session of @login (the demo password) on @url, signed in, kept in
 * memory only: for widgets that need no store. */
ZcSession    *zc_test_sign_in         (const char    *url,
                                       const char    *login);
/* Signs @login in (the demo password) on @url, asserting it works. */
ZcTestClient *zc_test_client_new      (const char    *url,
                                       const char    *login,
                                       gboolean       with_engine);
void          zc_test_client_free     (ZcTestClient  *client);
/* Signs @login in again (after the session expired). */
void          zc_test_client_sign_in  (ZcTestClient  *client,
                                       const char    *login);
/* One sync cycle to its end. */
gboolean      zc_test_client_sync     (ZcTestClient  *client,
                                       GError       **error);
void          zc_test_client_sync_ok  (ZcTestClient  *client);

G_END_DECLS
