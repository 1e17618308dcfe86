/* zc-json.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ZC_JSON_ERROR (zc_json_error_quark ())

/**
 * ZcJsonError:
 * @ZC_JSON_ERROR_MISSING: a required member is absent
 * @ZC_JSON_ERROR_WRONG_TYPE: a member has the wrong JSON type (this
 *   includes null for a required member and a number with a fraction
 *   or an exponent where an integer is expected)
 * @ZC_JSON_ERROR_OUT_OF_RANGE: a number or a count is outside its bounds,
 *   or the document is nested too deeply
 * @ZC_JSON_ERROR_UNKNOWN_MEMBER: an object has a member the codec does not know
 * @ZC_JSON_ERROR_INVALID: the text is not strict JSON, or a value has the
 *   right type but a bad format (a UUID, a timestamp, a slug …)
 *
 * Every codec in shared/ (records, sync messages) reports in this domain,
 * so the server maps any of them to one "400 Bad Request" rule.  The
 * message starts with the member path, as in
 * `mutations[3].base_version: expected an integer, found a string`;
 * the path of the document itself is `$`.
 */
typedef enum
{
  ZC_JSON_ERROR_MISSING,
  ZC_JSON_ERROR_WRONG_TYPE,
  ZC_JSON_ERROR_OUT_OF_RANGE,
  ZC_JSON_ERROR_UNKNOWN_MEMBER,
  ZC_JSON_ERROR_INVALID,
} ZcJsonError;

/* The largest integer every JSON reader (JavaScript included) keeps exact. */
#define ZC_JSON_MAX_SAFE_INTEGER G_GINT64_CONSTANT (9007199254740991)

/* A nesting depth that is ample for every document this project exchanges. */
#define ZC_JSON_DEFAULT_MAX_DEPTH 32

/* zc_json_parse() refuses a max_depth above this: the parser recurses. */
#define ZC_JSON_DEPTH_LIMIT 256

GQuark       zc_json_error_quark       (void);

gboolean     zc_json_parse             (const char          *data,
                                        gsize                length,
                                        gsize                max_depth,
                                        JsonNode           **out,
                                        GError             **error);
char        *zc_json_to_string         (JsonNode            *node);

gboolean     zc_json_get_string        (JsonObject          *object,
                                        const char          *name,
                                        gboolean             required,
                                        const char         **out,
                                        GError             **error);
gboolean     zc_json_get_int64         (JsonObject          *object,
                                        const char          *name,
                                        gboolean             required,
                                        gint64               min,
                                        gint64               max,
                                        gint64              *out,
                                        GError             **error);
gboolean     zc_json_get_boolean       (JsonObject          *object,
                                        const char          *name,
                                        gboolean             required,
                                        gboolean            *out,
                                        GError             **error);
gboolean     zc_json_get_object        (JsonObject          *object,
                                        const char          *name,
                                        gboolean             required,
                                        JsonObject         **out,
                                        GError             **error);
gboolean     zc_json_get_array         (JsonObject          *object,
                                        const char          *name,
                                        gboolean             required,
                                        JsonArray          **out,
                                        GError             **error);
gboolean     zc_json_get_uuid          (JsonObject          *object,
                                        const char          *name,
                                        gboolean             required,
                                        const char         **out,
                                        GError             **error);
gboolean     zc_json_get_timestamp     (JsonObject          *object,
                                        const char          *name,
                                        gboolean             required,
                                        GDateTime          **out,
                                        GError             **error);
gboolean     zc_json_check_members     (JsonObject          *object,
                                        const char * const  *allowed,
                                        GError             **error);
gboolean     zc_json_node_get_object   (JsonNode            *node,
                                        JsonObject         **out,
                                        GError             **error);

void         zc_json_prefix_error      (GError             **error,
                                        const char          *format,
                                        ...) G_GNUC_PRINTF (2, 3);

gboolean     zc_json_is_uuid           (const char          *string);

/* Lenient readers, for data already checked or shown as it comes: NULL
 * (or @fallback) when @object is NULL, lacks @name or holds another
 * type there. */
const char  *zc_json_member_string     (JsonObject          *object,
                                        const char          *name);
JsonObject  *zc_json_member_object     (JsonObject          *object,
                                        const char          *name);
JsonArray   *zc_json_member_array      (JsonObject          *object,
                                        const char          *name);
gint64       zc_json_member_int        (JsonObject          *object,
                                        const char          *name,
                                        gint64               fallback);
char        *zc_json_format_timestamp  (GDateTime           *timestamp);
JsonNode    *zc_json_node_copy_deep    (JsonNode            *node);
JsonObject  *zc_json_object_copy_deep  (JsonObject          *object);
gboolean     zc_json_object_equal      (JsonObject          *a,
                                        JsonObject          *b);
gboolean     zc_json_node_equal        (JsonNode            *a,
                                        JsonNode            *b);

G_END_DECLS
