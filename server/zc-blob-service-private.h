/* zc-blob-service-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-blob-service.h"

G_BEGIN_DECLS

/* Shared by zc-blob-service.c (receiving) and zc-blob-service-read.c. */

struct _ZcBlobService
{
  ZcContext      *ctx;        /* owned */
  ZcBlobStore    *store;      /* owned */
  ZcBlobSettings  settings;
};

G_END_DECLS
