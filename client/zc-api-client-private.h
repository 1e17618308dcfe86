/* zc-api-client-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-api-client.h"

G_BEGIN_DECLS

/* Reading answers, shared by the calls of zc-api-client-review.c */

/* The list @member of an answer object (borrowed), or NULL */
JsonArray *zc_api_client_answer_array  (JsonNode      *answer,
                                        const char    *member);
/* An answer's "total" (the whole list's length), or -1 when absent */
gint64     zc_api_client_answer_total  (JsonNode      *answer);
/* The answer of a call that returns one JSON object, or a protocol
 * error saying what was expected (@what, translated) */
JsonNode  *zc_api_client_finish_object (ZcApiClient   *self,
                                        GAsyncResult  *result,
                                        const char    *what,
                                        GError       **error);

G_END_DECLS
