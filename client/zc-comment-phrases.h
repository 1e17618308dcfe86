/* zc-comment-phrases.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Reusable review comments ("附件不清晰，请重新上传"): the officer's own
 * list in GSettings (review-phrases), or the built-in ones in the
 * user's language while that list is empty; and the comment editor that
 * inserts them with a click or Alt+1 … Alt+9. */

#define ZC_COMMENT_PHRASES_KEY "review-phrases"

/* At most this many phrases are kept. */
#define ZC_COMMENT_PHRASES_MAX 30

char      **zc_comment_phrases_load     (GSettings   *settings);
gboolean    zc_comment_phrases_add      (GSettings   *settings,
                                         const char  *phrase);
gboolean    zc_comment_phrases_remove   (GSettings   *settings,
                                         const char  *phrase);
char       *zc_comment_phrases_insert   (const char  *text,
                                         const char  *phrase);
GSettings  *zc_comment_phrases_settings_new (void);

#define ZC_TYPE_COMMENT_EDITOR (zc_comment_editor_get_type ())
G_DECLARE_FINAL_TYPE (ZcCommentEditor, zc_comment_editor, ZC, COMMENT_EDITOR, GtkWidget)

GtkWidget  *zc_comment_editor_new            (GSettings        *settings);
char       *zc_comment_editor_get_text       (ZcCommentEditor  *self);
void        zc_comment_editor_set_text       (ZcCommentEditor  *self,
                                              const char       *text);
guint       zc_comment_editor_get_n_phrases  (ZcCommentEditor  *self);
const char *zc_comment_editor_get_phrase     (ZcCommentEditor  *self,
                                              guint             index);
gboolean    zc_comment_editor_insert_phrase  (ZcCommentEditor  *self,
                                              guint             index);
GtkTextView *zc_comment_editor_get_text_view (ZcCommentEditor  *self);
gboolean    zc_comment_editor_save_phrase    (ZcCommentEditor  *self);

G_END_DECLS
