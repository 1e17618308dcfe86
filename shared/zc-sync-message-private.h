/* zc-sync-message-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-sync-message.h"

G_BEGIN_DECLS

/* What the codecs of zc-sync-cursor.c, zc-sync-push.c and zc-sync-pull.c
 * share; defined in zc-sync-message.c. */

#define ZC_SYNC_LOWER  "abcdefghijklmnopqrstuvwxyz"
#define ZC_SYNC_UPPER  "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define ZC_SYNC_DIGITS "0123456789"

/* The element codecs, as the array helpers call them: a message's own
 * from_json(), to_json() and equal() cast to these. */
typedef gpointer  (*ZcSyncFromJsonFunc) (JsonNode      *node,
                                         GError       **error);
typedef JsonNode *(*ZcSyncToJsonFunc)   (gconstpointer  item);
typedef gboolean  (*ZcSyncEqualFunc)    (gconstpointer  a,
                                         gconstpointer  b);

gboolean    zc_sync_is_word           (const char          *string,
                                       const char          *alphabet);
gboolean    zc_sync_set_invalid       (GError             **error,
                                       const char          *name,
                                       const char          *expected);
JsonNode   *zc_sync_node_take_object  (JsonObject          *object);
gboolean    zc_sync_get_any           (JsonObject          *object,
                                       const char          *name,
                                       JsonNode           **out,
                                       GError             **error);
gboolean    zc_sync_check_consumed    (gint64               mutation_id,
                                       gint64               last_mutation_id,
                                       const char          *array,
                                       guint                index,
                                       GError             **error);

GPtrArray  *zc_sync_array_from_json   (JsonObject          *object,
                                       const char          *name,
                                       guint                max,
                                       ZcSyncFromJsonFunc   from_json,
                                       GDestroyNotify       free_func,
                                       GError             **error);
void        zc_sync_array_to_json     (JsonObject          *object,
                                       const char          *name,
                                       GPtrArray           *items,
                                       ZcSyncToJsonFunc     to_json);
gboolean    zc_sync_array_equal       (GPtrArray           *a,
                                       GPtrArray           *b,
                                       ZcSyncEqualFunc      equal);

G_END_DECLS
