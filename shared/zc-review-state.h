/* zc-review-state.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* The review status of an archive entry (SPEC "Achievement archive").
 * The transitions between them live in zc-archive-workflow.h. */
typedef enum
{
  ZC_REVIEW_STATE_PENDING,
  ZC_REVIEW_STATE_UNREVIEWED,
  ZC_REVIEW_STATE_APPROVED,
  ZC_REVIEW_STATE_REJECTED,
  ZC_REVIEW_STATE_RETURNED,
} ZcReviewState;

#define ZC_N_REVIEW_STATES (ZC_REVIEW_STATE_RETURNED + 1)

const char *zc_review_state_to_string   (ZcReviewState  state);
gboolean    zc_review_state_from_string (const char    *string,
                                         ZcReviewState *state);
const char *zc_review_state_get_label   (ZcReviewState  state,
                                         ZcLanguage     language);

G_END_DECLS
