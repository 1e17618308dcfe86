/* zc-json-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-json.h"

G_BEGIN_DECLS

/* Shared by zc-json.c and zc-json-scan.c, which both name members in
 * their error messages. */

void         zc_json_append_member_name (GString            *out,
                                         const char         *name);

G_END_DECLS
