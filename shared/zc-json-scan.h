/* zc-json-scan.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The strict RFC 8259 check zc_json_parse() runs before json-glib's
 * lenient parser; errors are in ZC_JSON_ERROR (zc-json.h). */

gboolean     zc_json_scan              (const char          *data,
                                        gsize                length,
                                        gsize                max_depth,
                                        GError             **error);

G_END_DECLS
