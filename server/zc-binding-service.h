/* zc-binding-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-context.h"
#include "zc-session-service.h"
#include "zc-store-bindings.h"

G_BEGIN_DECLS

/* Binding an applicant to a unit (SPEC "Roles"; Anhui §1: a freelancer
 * binds to the local HR bureau): the applicant asks, that unit's
 * officer approves or denies; on approval the applicant's unit
 * changes.  Errors are ZC_API_ERROR; another unit's request is 404. */

#define ZC_BINDING_COMMENT_MAX_CHARS 200

ZcBinding *zc_binding_service_request        (ZcContext       *ctx,
                                              const ZcCaller  *caller,
                                              const char      *unit_id,
                                              gboolean         freelancer,
                                              const char      *comment,
                                              const char      *address,
                                              ZcLanguage       language,
                                              GError         **error);
GPtrArray *zc_binding_service_list_own       (ZcContext       *ctx,
                                              const ZcCaller  *caller,
                                              ZcLanguage       language,
                                              GError         **error);
GPtrArray *zc_binding_service_list_for_unit  (ZcContext       *ctx,
                                              const ZcCaller  *caller,
                                              const char      *unit_id,
                                              int              state,
                                              guint            limit,
                                              guint            offset,
                                              ZcLanguage       language,
                                              GError         **error);
ZcBinding *zc_binding_service_decide         (ZcContext       *ctx,
                                              const ZcCaller  *caller,
                                              const char      *binding_id,
                                              gboolean         approve,
                                              const char      *comment,
                                              const char      *address,
                                              ZcLanguage       language,
                                              GError         **error);
ZcBinding *zc_binding_service_get_pending    (ZcContext       *ctx,
                                              const char      *account_id,
                                              ZcLanguage       language,
                                              GError         **error);

G_END_DECLS
