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
} ZcServerOptions;

ZcServerOptions *zc_server_options_new        (void);
void             zc_server_options_free       (ZcServerOptions  *options);
gboolean         zc_server_options_parse_listen (ZcServerOptions *options,
                                                 const char      *address,
                                                 GError         **error);
gboolean         zc_server_options_parse      (ZcServerOptions  *options,
                                               int              *argc,
                                               char           ***argv,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcServerOptions, zc_server_options_free)

G_END_DECLS
