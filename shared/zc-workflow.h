/* zc-workflow.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* What both workflow machines (zc-archive-workflow.h and
 * zc-declaration-workflow.h) share: their error domain and the rule for
 * decision comments.  Implemented in zc-archive-workflow.c. */

#define ZC_WORKFLOW_ERROR (zc_workflow_error_quark ())

/**
 * ZcWorkflowError:
 * @ZC_WORKFLOW_ERROR_NOT_ALLOWED: no such transition from this state
 *   (for any role)
 * @ZC_WORKFLOW_ERROR_WRONG_ROLE: the transition exists, but for another role
 * @ZC_WORKFLOW_ERROR_COMMENT_REQUIRED: the action needs a comment and got
 *   none (or only white space)
 * @ZC_WORKFLOW_ERROR_STATE_CHANGED: the record is no longer in the state
 *   the caller saw: someone decided or changed it meanwhile
 * @ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG: the comment has more than
 *   %ZC_WORKFLOW_COMMENT_MAX_CHARS characters
 * @ZC_WORKFLOW_ERROR_COMMENT_INVALID: the comment is not valid UTF-8
 *
 * Never renumber: append.
 */
typedef enum
{
  ZC_WORKFLOW_ERROR_NOT_ALLOWED,
  ZC_WORKFLOW_ERROR_WRONG_ROLE,
  ZC_WORKFLOW_ERROR_COMMENT_REQUIRED,
  ZC_WORKFLOW_ERROR_STATE_CHANGED,
  ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG,
  ZC_WORKFLOW_ERROR_COMMENT_INVALID,
} ZcWorkflowError;

/* Counted in characters of the comment with surrounding white space
 * removed; callers store the trimmed text. */
#define ZC_WORKFLOW_COMMENT_MAX_CHARS 500

GQuark   zc_workflow_error_quark   (void);

gboolean zc_workflow_check_comment (const char  *comment,
                                    gboolean     required,
                                    ZcLanguage   language,
                                    GError     **error);

G_END_DECLS
