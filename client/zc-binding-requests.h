/* zc-binding-requests.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "zc-session.h"

G_BEGIN_DECLS

#define ZC_TYPE_BINDING_REQUESTS (zc_binding_requests_get_type ())
G_DECLARE_FINAL_TYPE (ZcBindingRequests, zc_binding_requests, ZC, BINDING_REQUESTS, GtkBox)

GtkWidget  *zc_binding_requests_new             (ZcSession          *session);
void        zc_binding_requests_refresh         (ZcBindingRequests  *self);
gboolean    zc_binding_requests_is_busy         (ZcBindingRequests  *self);
gboolean    zc_binding_requests_is_online       (ZcBindingRequests  *self);
guint       zc_binding_requests_get_n_requests  (ZcBindingRequests  *self);
GtkWidget  *zc_binding_requests_get_row         (ZcBindingRequests  *self,
                                                 guint               index);
const char *zc_binding_requests_get_status      (ZcBindingRequests  *self);

G_END_DECLS
