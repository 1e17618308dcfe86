/* zc-blob-preview.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "zc-local-store.h"

G_BEGIN_DECLS

/* One attachment file of the local store shown as it is: a PDF's pages
 * fitted to the width, an image as large as fits, or a line saying why
 * it cannot be shown.  The reviewers' desks use it beside an entry or a
 * declaration. */

GtkWidget *zc_blob_preview_new         (ZcLocalStore *store,
                                        JsonObject   *file,
                                        const char   *missing_message);
GtkWidget *zc_blob_preview_new_message (const char   *text);

G_END_DECLS
