/* zc-declaration-action-dialog.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "zc-api-client.h"
#include "zc-declaration-workflow.h"

G_BEGIN_DECLS

/* One reviewer's action on a declaration (docs/api.md "Declarations"):
 * the fields the action needs — the comment, a return's step, a
 * publicity's last day, the objections, the interview's time and
 * place, the votes — checked here, then POSTed with the state and
 * version the reviewer saw — or, with a queue function (the desk's
 * offline queue), handed to it instead.  A refusal is shown next to the
 * field it names; "state_changed" says to look again. */

#define ZC_DECLARATION_ACTION_DIALOG_ERROR (zc_declaration_action_dialog_error_quark ())

typedef enum
{
  ZC_DECLARATION_ACTION_DIALOG_ERROR_INVALID,
} ZcDeclarationActionDialogError;

/* The field names, as the server's error `field` ends (args.ends_on) */
#define ZC_ACTION_FIELD_COMMENT       "comment"
#define ZC_ACTION_FIELD_STEP          "step"
#define ZC_ACTION_FIELD_ENDS_ON       "ends_on"
#define ZC_ACTION_FIELD_OBJECTIONS    "objections"
#define ZC_ACTION_FIELD_INTERVIEW_AT  "interview_at"   /* the day; the time is its own input: */
#define ZC_ACTION_FIELD_INTERVIEW_TIME "interview_time"
#define ZC_ACTION_FIELD_PLACE         "place"
#define ZC_ACTION_FIELD_VOTES_FOR     "votes_for"
#define ZC_ACTION_FIELD_VOTES_AGAINST "votes_against"
#define ZC_ACTION_FIELD_VOTES_ABSTAIN "votes_abstain"

#define ZC_TYPE_DECLARATION_ACTION_DIALOG (zc_declaration_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ZcDeclarationActionDialog, zc_declaration_action_dialog, ZC, DECLARATION_ACTION_DIALOG,
                      AdwWindow)

GQuark       zc_declaration_action_dialog_error_quark       (void);

/* Queues the checked request (the body POST …/actions would take)
 * instead of sending it: TRUE closes the dialog; FALSE shows @error (a
 * ZC_WORKFLOW_ERROR_STATE_CHANGED says to look again). */
typedef gboolean (*ZcDeclarationActionQueueFunc) (ZcDeclarationActionDialog  *dialog,
                                                  JsonObject                 *request,
                                                  gpointer                    user_data,
                                                  GError                    **error);

/* The label of an action's button, with a mnemonic ("_Recommend…"). */
const char  *zc_declaration_action_dialog_button_label      (ZcDeclarationAction         action);

ZcDeclarationActionDialog *
             zc_declaration_action_dialog_new               (ZcDeclarationAction         action,
                                                             const char                 *subject,
                                                             const GDate                *today);
ZcDeclarationAction
             zc_declaration_action_dialog_get_action        (ZcDeclarationActionDialog  *self);
void         zc_declaration_action_dialog_set_target        (ZcDeclarationActionDialog  *self,
                                                             ZcApiClient                *client,
                                                             const char                 *declaration_id,
                                                             ZcDeclarationState          expected_state,
                                                             gint64                      expected_version);
void         zc_declaration_action_dialog_set_queue_func    (ZcDeclarationActionDialog  *self,
                                                             ZcDeclarationActionQueueFunc func,
                                                             gpointer                    user_data);
void         zc_declaration_action_dialog_get_earliest_end  (ZcDeclarationActionDialog  *self,
                                                             GDate                      *result);
JsonObject  *zc_declaration_action_dialog_build_request     (ZcDeclarationActionDialog  *self,
                                                             GError                    **error);
gboolean     zc_declaration_action_dialog_apply             (ZcDeclarationActionDialog  *self);
gboolean     zc_declaration_action_dialog_is_busy           (ZcDeclarationActionDialog  *self);
GtkWidget   *zc_declaration_action_dialog_get_field         (ZcDeclarationActionDialog  *self,
                                                             const char                 *field);
const char  *zc_declaration_action_dialog_get_field_error   (ZcDeclarationActionDialog  *self,
                                                             const char                 *field);
const char  *zc_declaration_action_dialog_get_message       (ZcDeclarationActionDialog  *self);
GtkWidget   *zc_declaration_action_dialog_get_apply_button  (ZcDeclarationActionDialog  *self);
void         zc_declaration_action_dialog_set_text          (ZcDeclarationActionDialog  *self,
                                                             const char                 *field,
                                                             const char                 *text);

G_END_DECLS
