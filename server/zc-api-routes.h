/* zc-api-routes.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-api.h"

G_BEGIN_DECLS

/* One file per resource; each adds its routes to the API. */

void zc_api_sessions_register (ZcApi *api);
void zc_api_me_register       (ZcApi *api);
void zc_api_accounts_register (ZcApi *api);
void zc_api_units_register    (ZcApi *api);
void zc_api_bindings_register (ZcApi *api);
void zc_api_archive_register  (ZcApi *api);
void zc_api_review_register   (ZcApi *api);
void zc_api_messages_register (ZcApi *api);
void zc_api_sync_register     (ZcApi *api);
void zc_api_declarations_register (ZcApi *api);
void zc_api_plans_register    (ZcApi *api);

G_END_DECLS
