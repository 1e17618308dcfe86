/* zc-declaration-timeline.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A declaration's progress (SPEC "The review chain"; Henan §5): who did
 * what, when, from which state to which, with the comment and, for an
 * interview, its time and place. */

typedef struct
{
  char      *action;        /* owned, nullable: a ZcDeclarationAction id ("return") */
  char      *from;          /* owned, nullable: state ids */
  char      *to;            /* owned, nullable */
  char      *comment;       /* owned, nullable */
  char      *actor_name;    /* owned, nullable */
  char      *title;         /* owned, nullable: a message's own title */
  GDateTime *time;          /* owned */
  GDateTime *interview_at;  /* owned, nullable */
  char      *place;         /* owned, nullable */
} ZcTimelineEntry;

void        zc_timeline_entry_free                         (ZcTimelineEntry *entry);

/* From the local messages about the declaration (ZcRecord of kind
 * "message"), oldest first; a message without a time is left out. */
GPtrArray  *zc_declaration_timeline_entries_from_messages  (GPtrArray       *messages);
/* From the answer of GET /api/v1/declarations/{id}: its "timeline" (or
 * "history") list, at the top or in "declaration"; NULL when it has
 * none.  Entries without a time are left out. */
GPtrArray  *zc_declaration_timeline_entries_from_json      (JsonNode        *answer);

#define ZC_TYPE_DECLARATION_TIMELINE (zc_declaration_timeline_get_type ())
G_DECLARE_FINAL_TYPE (ZcDeclarationTimeline, zc_declaration_timeline, ZC, DECLARATION_TIMELINE, AdwBin)

GtkWidget  *zc_declaration_timeline_new                    (void);
/* @entries: (element-type ZcTimelineEntry) (transfer none) (nullable) */
void        zc_declaration_timeline_set_entries            (ZcDeclarationTimeline *self,
                                                            GPtrArray             *entries);
guint       zc_declaration_timeline_get_n_entries          (ZcDeclarationTimeline *self);
GtkListBox *zc_declaration_timeline_get_list               (ZcDeclarationTimeline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcTimelineEntry, zc_timeline_entry_free)

G_END_DECLS
