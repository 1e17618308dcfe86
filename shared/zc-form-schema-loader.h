/* zc-form-schema-loader.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "zc-form-schema.h"

G_BEGIN_DECLS

/* Making a ZcFormSchema from its JSON (format in docs/forms.md).
 * zc-form-schema.h includes this header, so its callers need not. */

ZcFormSchema        *zc_form_schema_new_from_json    (JsonNode        *root,
                                                      GError         **error);

G_END_DECLS
