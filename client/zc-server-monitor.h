/* zc-server-monitor.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ZC_SERVER_STATE_UNKNOWN,
  ZC_SERVER_STATE_CHECKING,
  ZC_SERVER_STATE_ONLINE,
  ZC_SERVER_STATE_OFFLINE,
} ZcServerState;

#define ZC_TYPE_SERVER_STATE (zc_server_state_get_type ())
GType zc_server_state_get_type (void);

#define ZC_TYPE_SERVER_MONITOR (zc_server_monitor_get_type ())
G_DECLARE_FINAL_TYPE (ZcServerMonitor, zc_server_monitor, ZC, SERVER_MONITOR, GObject)

ZcServerMonitor *zc_server_monitor_new             (const char      *url);
const char      *zc_server_monitor_get_url         (ZcServerMonitor *self);
ZcServerState    zc_server_monitor_get_state       (ZcServerMonitor *self);
const char      *zc_server_monitor_get_server_version (ZcServerMonitor *self);
const char      *zc_server_monitor_get_detail      (ZcServerMonitor *self);
gboolean         zc_server_monitor_get_demo        (ZcServerMonitor *self);
void             zc_server_monitor_check           (ZcServerMonitor *self);
char            *zc_server_monitor_describe        (ZcServerMonitor *self);

G_END_DECLS
