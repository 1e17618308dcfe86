/* zc-photo-rules.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "zc-i18n.h"

G_BEGIN_DECLS

/* The ID photo rules (SPEC "Personal information"): JPEG or PNG by
 * content, width:height from 4.5:7 to 6:7, at most so many bytes and a
 * background colour, the last two set per deployment.
 *
 * Pure logic, no image library: the caller decodes the image (GDK on
 * the client, gdk-pixbuf on the server), fills a ZcPhotoFacts — the
 * background colour with zc_photo_average_background() so both sides
 * sample the same pixels — and zc_photo_rules_check() judges it. */

typedef enum
{
  ZC_PHOTO_BACKGROUND_ANY,
  ZC_PHOTO_BACKGROUND_WHITE,
  ZC_PHOTO_BACKGROUND_BLUE,
} ZcPhotoBackground;

/**
 * ZcPhotoRules:
 * @name: the deployment: "yunnan", "sichuan", "henan"
 * @max_bytes: the largest file allowed
 * @min_ratio_width: with @min_ratio_height, the narrowest width:height
 *   allowed (9:14, which is 4.5:7); bounds are inclusive
 * @max_ratio_width: with @max_ratio_height, the widest (6:7)
 * @background: the colour asked for, by name
 * @background_rgb: that colour
 * @background_tolerance: the largest distance (Euclidean, in 8-bit RGB)
 *   from @background_rgb that still counts as that colour
 * @mime_types: (array zero-terminated=1): the types allowed, by content
 */
typedef struct
{
  const char         *name;
  guint64             max_bytes;
  guint               min_ratio_width;
  guint               min_ratio_height;
  guint               max_ratio_width;
  guint               max_ratio_height;
  ZcPhotoBackground   background;
  guint8              background_rgb[3];
  guint               background_tolerance;
  const char * const *mime_types;
} ZcPhotoRules;

/* More pixels than this is refused before anything else is done with
 * the image (a "pixel flood"). */
#define ZC_PHOTO_MAX_PIXELS (25u * 1000u * 1000u)

/**
 * ZcPhotoFacts:
 * @mime: (nullable): the type by content, from zc_photo_sniff_mime()
 * @size: the file's size in bytes
 * @width: pixels as shown (after any EXIF rotation); 0 when the image
 *   could not be decoded (or was not tried: then leave @height 0 too)
 * @height: likewise
 * @has_background: whether @background holds a sample; a caller that
 *   decoded the image must sample it, or the colour is not judged
 * @background: the average RGB of zc_photo_average_background()
 */
typedef struct
{
  const char *mime;
  guint64     size;
  guint       width;
  guint       height;
  gboolean    has_background;
  guint8      background[3];
} ZcPhotoFacts;

/**
 * ZcPhotoProblem:
 * @code: (owned): "photo_empty", "photo_type", "photo_size",
 *   "photo_unreadable", "photo_pixels", "photo_ratio", "photo_background"
 * @message: (owned): for the user, in the language asked for
 */
typedef struct
{
  char *code;
  char *message;
} ZcPhotoProblem;

void                zc_photo_problem_free          (ZcPhotoProblem      *problem);

const ZcPhotoRules *zc_photo_rules_lookup          (const char          *name);
const char * const *zc_photo_rules_list_names      (void);
const ZcPhotoRules *zc_photo_rules_get_default     (void);
const char         *zc_photo_background_to_string  (ZcPhotoBackground    background);

gboolean            zc_photo_rules_ratio_is_valid  (const ZcPhotoRules  *rules,
                                                    guint                width,
                                                    guint                height);
gboolean            zc_photo_rules_width_range     (const ZcPhotoRules  *rules,
                                                    guint                height,
                                                    guint               *min_width,
                                                    guint               *max_width);
gboolean            zc_photo_rules_fit             (const ZcPhotoRules  *rules,
                                                    guint                width,
                                                    guint                height,
                                                    guint               *fit_width,
                                                    guint               *fit_height);
gboolean            zc_photo_rules_background_matches (const ZcPhotoRules *rules,
                                                       const guint8        rgb[3]);

gboolean            zc_photo_rules_check           (const ZcPhotoRules  *rules,
                                                    const ZcPhotoFacts  *facts,
                                                    ZcLanguage           language,
                                                    GPtrArray          **problems);
char               *zc_photo_rules_describe        (const ZcPhotoRules  *rules,
                                                    ZcLanguage           language);

const char         *zc_photo_sniff_mime            (const guint8        *data,
                                                    gsize                length);
gboolean            zc_photo_average_background    (const guint8        *pixels,
                                                    guint                width,
                                                    guint                height,
                                                    gsize                rowstride,
                                                    guint                n_channels,
                                                    guint8               rgb[3]);
char               *zc_photo_format_size           (guint64              bytes);
char               *zc_photo_format_ratio          (guint                width,
                                                    guint                height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZcPhotoProblem, zc_photo_problem_free)

G_END_DECLS
