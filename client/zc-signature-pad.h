/* zc-signature-pad.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A pad to sign on with a mouse, a pen (with its pressure) or a finger,
 * and a Clear button; the strokes export as a PNG for the commitment
 * letter (docs/declarations.md, "commitment.signature").  Points are
 * kept from 0 to 1 across the pad, so the export does not depend on
 * the size the pad had on screen. */

#define ZC_TYPE_SIGNATURE_PAD (zc_signature_pad_get_type ())
G_DECLARE_FINAL_TYPE (ZcSignaturePad, zc_signature_pad, ZC, SIGNATURE_PAD, GtkWidget)

GtkWidget *zc_signature_pad_new              (void);
gboolean   zc_signature_pad_is_empty         (ZcSignaturePad  *self);
guint      zc_signature_pad_get_n_strokes    (ZcSignaturePad  *self);
void       zc_signature_pad_clear            (ZcSignaturePad  *self);
/* What the gestures do, also for tests and scripted input: @x and @y
 * from 0 to 1 across the pad, @pressure from 0 to 1 (0.5 for a mouse). */
void       zc_signature_pad_begin_stroke     (ZcSignaturePad  *self,
                                              double           x,
                                              double           y,
                                              double           pressure);
void       zc_signature_pad_extend_stroke    (ZcSignaturePad  *self,
                                              double           x,
                                              double           y,
                                              double           pressure);
void       zc_signature_pad_end_stroke       (ZcSignaturePad  *self);
/* The strokes as a PNG of @width × @height pixels, in black on white
 * or on a transparent background; NULL with an error when the pad is
 * empty or the drawing fails. */
GBytes    *zc_signature_pad_to_png           (ZcSignaturePad  *self,
                                              guint            width,
                                              guint            height,
                                              gboolean         white_background,
                                              GError         **error);
void       zc_signature_pad_set_editable     (ZcSignaturePad  *self,
                                              gboolean         editable);
GtkWidget *zc_signature_pad_get_clear_button (ZcSignaturePad  *self);

/* "changed": a stroke ended or the pad was cleared. */

G_END_DECLS
