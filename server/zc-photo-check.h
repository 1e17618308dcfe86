/* zc-photo-check.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-photo-rules.h"

G_BEGIN_DECLS

/* The server's half of the ID photo check: it decodes an image with
 * gdk-pixbuf to find the facts (type by content, size, dimensions as
 * shown, background colour) that the shared rules (shared/
 * zc-photo-rules.h, the same the client uses) judge. */

void     zc_photo_facts_from_image  (GBytes              *image,
                                     const ZcPhotoRules  *rules,
                                     ZcPhotoFacts        *facts);
gboolean zc_photo_check_image       (const ZcPhotoRules  *rules,
                                     GBytes              *image,
                                     ZcLanguage           language,
                                     GPtrArray          **problems);

G_END_DECLS
