/* zc-sync-message.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "zc-json.h"
#include "zc-record.h"
#include "zc-sync-cursor.h"
#include "zc-sync-pull.h"
#include "zc-sync-push.h"

/* The sync protocol's messages (sync-and-security-notes.md §1.9), in
 * three headers: zc-sync-push.h, zc-sync-pull.h and zc-sync-cursor.h.
 * Each message is a plain struct whose fields callers read and fill
 * directly; from_json() checks everything a peer could get wrong and
 * reports in ZC_JSON_ERROR, to_json() writes every member. */

#define ZC_SYNC_MAX_NAME_LENGTH    64    /* mutation names, rejection codes, epochs */
