/* zc-api-blobs.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "zc-blob-service.h"

G_BEGIN_DECLS

void zc_api_blobs_install (ZcBlobService *service,
                           SoupServer    *server);

G_END_DECLS
