/* zc-store-bindings.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-store.h"

G_BEGIN_DECLS

/* Binding requests: an applicant asks to belong to a unit; the unit's
 * officer approves or denies.  At most one request per applicant is
 * pending; a new one withdraws the old. */

typedef enum
{
  ZC_BINDING_STATE_PENDING,
  ZC_BINDING_STATE_APPROVED,
  ZC_BINDING_STATE_DENIED,
  ZC_BINDING_STATE_WITHDRAWN,
} ZcBindingState;

typedef struct
{
  char           *id;                 /* owned: UUID */
  char           *account_id;         /* owned: the applicant */
  char           *unit_id;            /* owned */
  gboolean        freelancer;         /* binds to an HR bureau as a freelancer */
  ZcBindingState  state;
  char           *comment;            /* owned: the applicant's note, may be "" */
  char           *decision_comment;   /* owned, nullable */
  char           *decided_by;         /* owned, nullable: the officer's account */
  gint64          created_at;         /* µs since 1970 UTC */
  gint64          decided_at;         /* 0 while pending */

  /* filled by the reading functions, for display */
  char           *unit_name;          /* owned */
  char           *applicant_name;     /* owned */
  char           *applicant_id_number;/* owned */
  char           *applicant_gender;   /* owned */
  char           *applicant_birth_date; /* owned */
  char           *applicant_mobile;   /* owned, nullable */
} ZcBinding;

const char *zc_binding_state_to_string            (ZcBindingState   state);
gboolean    zc_binding_state_from_string          (const char      *string,
                                                   ZcBindingState  *state);
ZcBinding  *zc_binding_new                        (void);
void        zc_binding_free                       (ZcBinding       *binding);

gboolean    zc_store_bindings_insert              (ZcStoreTxn      *txn,
                                                   const ZcBinding *binding,
                                                   GError         **error);
ZcBinding  *zc_store_bindings_get                 (ZcStoreTxn      *txn,
                                                   const char      *id,
                                                   GError         **error);
GPtrArray  *zc_store_bindings_list_for_account    (ZcStoreTxn      *txn,
                                                   const char      *account_id,
                                                   guint            limit,
                                                   GError         **error);
GPtrArray  *zc_store_bindings_list_for_unit       (ZcStoreTxn      *txn,
                                                   const char      *unit_id,
                                                   int              state,
                                                   guint            limit,
                                                   guint            offset,
                                                   GError         **error);
gboolean    zc_store_bindings_withdraw_pending    (ZcStoreTxn      *txn,
                                                   const char      *account_id,
                                                   gint64           now,
                                                   GError         **error);
gboolean    zc_store_bindings_decide              (ZcStoreTxn      *txn,
                                                   const char      *id,
                                                   ZcBindingState   state,
                                                   const char      *comment,
                                                   const char      *decided_by,
                                                   gint64           now,
                                                   gboolean        *decided,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcBinding, zc_binding_free)

G_END_DECLS
