/* zc-archive-workflow.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"
#include "zc-review-state.h"
#include "zc-role.h"
#include "zc-workflow.h"

G_BEGIN_DECLS

/* What can happen to an achievement-archive entry (SPEC "Achievement
 * archive"); the table of who may do what from which state is in
 * zc-archive-workflow.c and drawn in docs/workflow.md.  The string ids
 * are what the API and the stores carry; never renumber: append. */
typedef enum
{
  ZC_ARCHIVE_ACTION_CREATE,
  ZC_ARCHIVE_ACTION_EDIT,
  ZC_ARCHIVE_ACTION_DELETE,
  ZC_ARCHIVE_ACTION_SUBMIT_FOR_REVIEW,
  ZC_ARCHIVE_ACTION_APPROVE,
  ZC_ARCHIVE_ACTION_RETURN,
  ZC_ARCHIVE_ACTION_REJECT,
  ZC_ARCHIVE_ACTION_IMPORT,
} ZcArchiveAction;

#define ZC_N_ARCHIVE_ACTIONS (ZC_ARCHIVE_ACTION_IMPORT + 1)

const char *zc_archive_action_to_string        (ZcArchiveAction   action);
gboolean    zc_archive_action_from_string      (const char       *string,
                                                ZcArchiveAction  *action);
const char *zc_archive_action_get_label        (ZcArchiveAction   action,
                                                ZcLanguage        language);
gboolean    zc_archive_action_requires_comment (ZcArchiveAction   action);
gboolean    zc_archive_action_creates_entry    (ZcArchiveAction   action);
gboolean    zc_archive_action_deletes_entry    (ZcArchiveAction   action);

/* An action on an existing entry.  For delete, *to_out is @from: the
 * entry keeps its last state in the deletion record. */
gboolean    zc_archive_workflow_check          (ZcReviewState     from,
                                                ZcArchiveAction   action,
                                                ZcRole            role,
                                                const char       *comment,
                                                ZcReviewState    *to_out,
                                                ZcLanguage        language,
                                                GError          **error);
/* An action that makes a new entry (create, import). */
gboolean    zc_archive_workflow_check_new      (ZcArchiveAction   action,
                                                ZcRole            role,
                                                ZcReviewState    *to_out,
                                                ZcLanguage        language,
                                                GError          **error);
gboolean    zc_archive_workflow_check_expected (ZcReviewState     actual,
                                                ZcReviewState     expected,
                                                ZcLanguage        language,
                                                GError          **error);

/* GArray of ZcArchiveAction, in enum order; empty, never NULL. */
GArray     *zc_archive_workflow_available_actions     (ZcReviewState from,
                                                       ZcRole        role);
GArray     *zc_archive_workflow_available_new_actions (ZcRole        role);

G_END_DECLS
