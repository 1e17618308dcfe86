/* zc-server-options.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *data_dir;        /* owned; the database and blob folder */
  char     *listen_host;     /* owned */
  guint16   listen_port;     /* 0 picks a free port */
  char     *tls_cert;        /* owned, nullable */
  char     *tls_key;         /* owned, nullable */
  gboolean  demo;

  /* security settings, from the environment (see docs/deployment.md) */
  gint64    session_idle_seconds;          /* ZHICHENG_SESSION_IDLE_SECONDS */
  gint64    session_max_seconds;           /* ZHICHENG_SESSION_MAX_SECONDS */
  gint64    login_window_seconds;          /* ZHICHENG_LOGIN_WINDOW_SECONDS */
  guint     login_max_failures;            /* ZHICHENG_LOGIN_MAX_FAILURES, per account */
  guint     login_max_failures_per_address;/* ZHICHENG_LOGIN_MAX_FAILURES_PER_ADDRESS */
  guint     hash_concurrency;              /* ZHICHENG_HASH_CONCURRENCY */
  gboolean  fast_hash;                     /* ZHICHENG_TEST_FAST_HASH=1: tests only */
  guint     tombstone_days;                /* ZHICHENG_TOMBSTONE_DAYS: deletions kept for sync */
} ZcServerOptions;

ZcServerOptions *zc_server_options_new        (void);
void             zc_server_options_free       (ZcServerOptions  *options);
gboolean         zc_server_options_parse_listen (ZcServerOptions *options,
                                                 const char      *address,
                                                 GError         **error);
gboolean         zc_server_options_load_environment (ZcServerOptions *options,
                                                     GError         **error);
ZcServerOptions *zc_server_options_copy       (const ZcServerOptions *options);
gboolean         zc_server_options_parse      (ZcServerOptions  *options,
                                               int              *argc,
                                               char           ***argv,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcServerOptions, zc_server_options_free)

G_END_DECLS
