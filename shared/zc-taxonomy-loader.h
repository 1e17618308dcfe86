/* zc-taxonomy-loader.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-taxonomy.h"

G_BEGIN_DECLS

/* Making a ZcTaxonomy from its JSON (data/taxonomy.json).  zc-taxonomy.h
 * includes this header, so its callers need not. */

ZcTaxonomy                *zc_taxonomy_load                         (GError             **error);
ZcTaxonomy                *zc_taxonomy_new_from_json                (JsonNode            *root,
                                                                     GError             **error);
ZcTaxonomy                *zc_taxonomy_get_default                  (void);

G_END_DECLS
