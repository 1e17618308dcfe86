/* zc-review-state.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-review-state"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-review-state.h"

static const struct {
  const char *id;
  const char *label;
} states[ZC_N_REVIEW_STATES] = {
  [ZC_REVIEW_STATE_PENDING]    = { "pending",    NC_("review state", "Pending") },
  [ZC_REVIEW_STATE_UNREVIEWED] = { "unreviewed", NC_("review state", "Not submitted for review") },
  [ZC_REVIEW_STATE_APPROVED]   = { "approved",   NC_("review state", "Approved") },
  [ZC_REVIEW_STATE_REJECTED]   = { "rejected",   NC_("review state", "Rejected") },
  [ZC_REVIEW_STATE_RETURNED]   = { "returned",   NC_("review state", "Returned") },
};

const char *
zc_review_state_to_string (ZcReviewState state)
{
  g_return_val_if_fail ((guint) state < ZC_N_REVIEW_STATES, NULL);

  return states[state].id;
}

gboolean
zc_review_state_from_string (const char    *string,
                             ZcReviewState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < ZC_N_REVIEW_STATES; i++)
    {
      if (strcmp (states[i].id, string) == 0)
        {
          *state = (ZcReviewState) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
zc_review_state_get_label (ZcReviewState state,
                           ZcLanguage    language)
{
  g_return_val_if_fail ((guint) state < ZC_N_REVIEW_STATES, NULL);

  return zc_translate_with_context (language, "review state", states[state].label);
}
