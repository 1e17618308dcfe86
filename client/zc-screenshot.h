/* zc-screenshot.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean zc_screenshot_widget (GtkWidget   *widget,
                               const char  *png_path,
                               GError     **error);

G_END_DECLS
