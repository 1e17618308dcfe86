/* zc-store-units.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/* Units: employers, HR bureaus, competent departments, review
 * committees and certificate issuers.  Officers belong to one. */

typedef enum
{
  ZC_UNIT_KIND_EMPLOYER,
  ZC_UNIT_KIND_HR_BUREAU,
  ZC_UNIT_KIND_DEPARTMENT,
  ZC_UNIT_KIND_COMMITTEE,
  ZC_UNIT_KIND_ISSUER,
} ZcUnitKind;

typedef struct
{
  char       *id;              /* owned: UUID */
  char       *name;            /* owned */
  char       *credit_code;     /* owned: unified social credit code */
  char       *region_code;     /* owned: 6 digits */
  ZcUnitKind  kind;
  char       *department_id;   /* owned, nullable: the competent department */
  gint64      created_at;      /* µs since 1970 UTC */
} ZcUnit;

typedef struct
{
  const char *text;            /* nullable: part of the name, or a whole credit code */
  int         kind;            /* a ZcUnitKind, or -1 for any */
  const char *region_code;     /* nullable: exactly this region */
  guint       limit;
  guint       offset;
} ZcUnitQuery;

const char *zc_unit_kind_to_string       (ZcUnitKind          kind);
gboolean    zc_unit_kind_from_string     (const char         *string,
                                          ZcUnitKind         *kind);
ZcUnit     *zc_unit_new                  (void);
void        zc_unit_free                 (ZcUnit             *unit);

gboolean    zc_store_units_insert        (ZcStoreTxn         *txn,
                                          const ZcUnit       *unit,
                                          GError            **error);
ZcUnit     *zc_store_units_get           (ZcStoreTxn         *txn,
                                          const char         *id,
                                          GError            **error);
ZcUnit     *zc_store_units_get_by_credit_code (ZcStoreTxn    *txn,
                                          const char         *credit_code,
                                          GError            **error);
GPtrArray  *zc_store_units_search        (ZcStoreTxn         *txn,
                                          const ZcUnitQuery  *query,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcUnit, zc_unit_free)

G_END_DECLS
