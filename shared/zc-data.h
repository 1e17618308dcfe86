/* zc-data.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZC_DATA_ERROR (zc_data_error_quark ())

typedef enum
{
  ZC_DATA_ERROR_NOT_FOUND,
  ZC_DATA_ERROR_INVALID,
} ZcDataError;

GQuark      zc_data_error_quark  (void);
GBytes     *zc_data_load         (const char  *path,
                                  GError     **error);
JsonNode   *zc_data_load_json    (const char  *path,
                                  GError     **error);
char      **zc_data_list         (const char  *folder,
                                  const char  *suffix,
                                  GError     **error);

G_END_DECLS
