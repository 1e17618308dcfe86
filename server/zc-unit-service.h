/* zc-unit-service.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-account-service.h"
#include "zc-context.h"
#include "zc-store-units.h"

G_BEGIN_DECLS

/* Units: created by an administrator, found by anyone logged in (to
 * bind to one).  Errors are ZC_API_ERROR. */

typedef struct
{
  const char *name;
  const char *credit_code;
  const char *region_code;
  ZcUnitKind  kind;
  const char *department_id;   /* nullable */
} ZcUnitSpec;

ZcUnit    *zc_unit_service_create  (ZcContext          *ctx,
                                    const ZcUnitSpec   *spec,
                                    const ZcActor      *actor,
                                    ZcLanguage          language,
                                    GError            **error);
ZcUnit    *zc_unit_service_get     (ZcContext          *ctx,
                                    const char         *id,
                                    ZcLanguage          language,
                                    GError            **error);
GPtrArray *zc_unit_service_search  (ZcContext          *ctx,
                                    const ZcUnitQuery  *query,
                                    ZcLanguage          language,
                                    GError            **error);

G_END_DECLS
