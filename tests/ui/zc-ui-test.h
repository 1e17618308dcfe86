/* zc-ui-test.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Helpers every UI test uses: waiting, finding widgets, screenshots. */

void        zc_ui_test_wait_ms                (guint        ms);
void        zc_ui_test_remove_tree            (const char  *path);
GtkWidget  *zc_ui_test_find_label_containing  (GtkWidget   *root,
                                               const char  *text);
JsonObject *zc_ui_test_parse_object           (const char  *json);
gpointer    zc_ui_test_find_toplevel          (GType        type);
void        zc_ui_test_skip_without_display   (void);
/* What a key press does, through the shortcuts of @focus and its
 * ancestors (tests cannot send real keys); whether one took it */
gboolean    zc_ui_test_press_keys             (GtkWidget   *focus,
                                               const char  *accelerator);
void        zc_ui_test_save_screenshot        (GtkWidget   *widget,
                                               const char  *name);

G_END_DECLS
