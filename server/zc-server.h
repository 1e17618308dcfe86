/* zc-server.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "zc-server-options.h"
#include "zc-store.h"

G_BEGIN_DECLS

#define ZC_TYPE_SERVER (zc_server_get_type ())
G_DECLARE_FINAL_TYPE (ZcServer, zc_server, ZC, SERVER, GObject)

ZcServer   *zc_server_new        (const ZcServerOptions  *options,
                                  GError                **error);
gboolean    zc_server_start      (ZcServer               *self,
                                  GError                **error);
GUri       *zc_server_get_uri    (ZcServer               *self);
ZcStore    *zc_server_get_store  (ZcServer               *self);

G_END_DECLS
