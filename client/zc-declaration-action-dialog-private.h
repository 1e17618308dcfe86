/* zc-declaration-action-dialog-private.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "zc-declaration-action-dialog.h"

G_BEGIN_DECLS

/* Shared by zc-declaration-action-dialog.c (the window, sending or
 * queueing the action), zc-declaration-action-dialog-fields.c (the
 * fields each action needs and the problems shown under them) and
 * zc-declaration-action-dialog-request.c (reading and checking the
 * fields into the request). */

typedef struct
{
  GtkWidget *widget;  /* the input */
  GtkWidget *error;   /* the label under it */
} Field;

struct _ZcDeclarationActionDialog
{
  AdwWindow            parent_instance;

  ZcDeclarationAction  action;
  GDate                today;
  GDate                earliest_end;
  GHashTable          *fields;          /* owned: name → Field */
  ZcApiClient         *client;          /* owned, nullable */
  char                *declaration_id;  /* owned, nullable */
  ZcDeclarationState   expected_state;
  gint64               expected_version;
  GCancellable        *posting;         /* owned, nullable: while the POST runs */
  ZcDeclarationActionQueueFunc queue_func;  /* nullable: queue instead of POST */
  gpointer             queue_data;

  GtkWidget           *fields_box;
  GtkWidget           *message;         /* an error that names no field */
  GtkWidget           *apply;
  GtkWidget           *spinner;
  GtkWidget           *record_votes;    /* record_fail: the votes are optional */
  GtkWidget           *interview_time;
};

static inline gboolean
zc_declaration_action_dialog_is_publicity_start (ZcDeclarationAction action)
{
  return action == ZC_DECLARATION_ACTION_START_PUBLICITY || action == ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY;
}

static inline gboolean
zc_declaration_action_dialog_is_publicity_end (ZcDeclarationAction action)
{
  return action == ZC_DECLARATION_ACTION_END_PUBLICITY || action == ZC_DECLARATION_ACTION_END_RESULT_PUBLICITY;
}

static inline gboolean
zc_declaration_action_dialog_has_votes (ZcDeclarationAction action)
{
  return action == ZC_DECLARATION_ACTION_RECORD_PASS || action == ZC_DECLARATION_ACTION_RECORD_FAIL;
}

/* zc-declaration-action-dialog-fields.c; find_field() is NULL for a
 * field the action has not */
char       *zc_declaration_action_dialog_format_date     (const GDate               *date);
void        zc_declaration_action_dialog_build_fields    (ZcDeclarationActionDialog *self);
Field      *zc_declaration_action_dialog_find_field      (ZcDeclarationActionDialog *self,
                                                          const char                *name);
char       *zc_declaration_action_dialog_field_text      (ZcDeclarationActionDialog *self,
                                                          const char                *name);
void        zc_declaration_action_dialog_set_field_error (ZcDeclarationActionDialog *self,
                                                          const char                *name,
                                                          const char                *message);
void        zc_declaration_action_dialog_set_message     (ZcDeclarationActionDialog *self,
                                                          const char                *message);
void        zc_declaration_action_dialog_clear_errors    (ZcDeclarationActionDialog *self);

G_END_DECLS
