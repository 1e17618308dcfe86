/* zc-dictionary.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

#define ZC_DICTIONARY_ERROR (zc_dictionary_error_quark ())

typedef enum
{
  ZC_DICTIONARY_ERROR_NOT_FOUND,
  ZC_DICTIONARY_ERROR_INVALID,
} ZcDictionaryError;

#define ZC_TYPE_DICTIONARY (zc_dictionary_get_type ())

/* The options of an enum field (data/dictionaries/<id>.json): stable
 * codes with English labels that are translated for display.
 * Reference-counted and immutable once built, so it may be shared
 * between threads. */
typedef struct _ZcDictionary ZcDictionary;

GType          zc_dictionary_get_type       (void) G_GNUC_CONST;
GQuark         zc_dictionary_error_quark    (void);

ZcDictionary  *zc_dictionary_new_from_json  (JsonNode      *root,
                                             GError       **error);
ZcDictionary  *zc_dictionary_load           (const char    *id,
                                             GError       **error);
ZcDictionary  *zc_dictionary_lookup         (const char    *id,
                                             GError       **error);
gboolean       zc_dictionary_id_is_valid    (const char    *id);

ZcDictionary  *zc_dictionary_ref            (ZcDictionary  *dictionary);
void           zc_dictionary_unref          (ZcDictionary  *dictionary);

const char    *zc_dictionary_get_id         (ZcDictionary  *dictionary);
const char    *zc_dictionary_get_title      (ZcDictionary  *dictionary,
                                             ZcLanguage     language);
guint          zc_dictionary_get_n_items    (ZcDictionary  *dictionary);
const char    *zc_dictionary_get_code       (ZcDictionary  *dictionary,
                                             guint          i);
const char    *zc_dictionary_get_label      (ZcDictionary  *dictionary,
                                             guint          i,
                                             ZcLanguage     language);
gboolean       zc_dictionary_is_deprecated  (ZcDictionary  *dictionary,
                                             guint          i);
gboolean       zc_dictionary_find           (ZcDictionary  *dictionary,
                                             const char    *code,
                                             guint         *index_out);
const char    *zc_dictionary_lookup_label   (ZcDictionary  *dictionary,
                                             const char    *code,
                                             ZcLanguage     language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcDictionary, zc_dictionary_unref)

G_END_DECLS
