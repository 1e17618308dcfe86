/* zc-photo-rules.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-photo-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-photo-rules.h"

static const char * const jpeg_and_png[] = { "image/jpeg", "image/png", NULL };

/* Yunnan's manual asks for at most 1 MB and blue; Sichuan's for at most
 * 500 KB (and a white background, its template says "白底"); Henan's
 * shows a white-background photo and names no size, so 1 MB.  Henan's
 * form says jpg/jpeg, but the SPEC allows JPEG or PNG everywhere and
 * the SPEC stands.
 *
 * Blue is the studio "证件照蓝" (#438EDB); the tolerance takes in the
 * sky and deep blues studios use, not grey, cyan-green or violet.  White
 * takes in light grey down to about (215, 215, 215). */
static const ZcPhotoRules presets[] = {
  { "yunnan", 1024 * 1024, 9, 14, 6, 7, ZC_PHOTO_BACKGROUND_BLUE, { 67, 142, 219 }, 100, jpeg_and_png },
  { "sichuan", 500 * 1024, 9, 14, 6, 7, ZC_PHOTO_BACKGROUND_WHITE, { 255, 255, 255 }, 70, jpeg_and_png },
  { "henan", 1024 * 1024, 9, 14, 6, 7, ZC_PHOTO_BACKGROUND_WHITE, { 255, 255, 255 }, 70, jpeg_and_png },
};

static const char * const preset_names[] = { "yunnan", "sichuan", "henan", NULL };

void
zc_photo_problem_free (ZcPhotoProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->code);
  g_free (problem->message);
  g_free (problem);
}

/**
 * zc_photo_rules_lookup:
 * @name: (nullable): a deployment
 *
 * Returns: (nullable): the rules of the deployment @name, or %NULL
 */
const ZcPhotoRules *
zc_photo_rules_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].name, name))
      return &presets[i];

  return NULL;
}

/* Returns: (transfer none): the names zc_photo_rules_lookup() knows */
const char * const *
zc_photo_rules_list_names (void)
{
  return preset_names;
}

/* The strictest preset (500 KB, white): what a deployment gets until
 * it says otherwise. */
const ZcPhotoRules *
zc_photo_rules_get_default (void)
{
  return zc_photo_rules_lookup ("sichuan");
}

/* "white", "blue" or "any": the background's name in the API. */
const char *
zc_photo_background_to_string (ZcPhotoBackground background)
{
  switch (background)
    {
    case ZC_PHOTO_BACKGROUND_WHITE:
      return "white";
    case ZC_PHOTO_BACKGROUND_BLUE:
      return "blue";
    case ZC_PHOTO_BACKGROUND_ANY:
    default:
      return "any";
    }
}

/* Whether w:h lies within [min, max], in integers so the bounds are exact. */
gboolean
zc_photo_rules_ratio_is_valid (const ZcPhotoRules *rules,
                               guint               width,
                               guint               height)
{
  guint64 w = width;
  guint64 h = height;

  g_return_val_if_fail (rules != NULL, FALSE);

  if (width == 0 || height == 0)
    return FALSE;

  return w * rules->min_ratio_height >= h * rules->min_ratio_width &&
         w * rules->max_ratio_height <= h * rules->max_ratio_width;
}

/**
 * zc_photo_rules_width_range:
 * @min_width: (out): the narrowest valid width for @height
 * @max_width: (out): the widest
 *
 * Returns: whether some width is valid for @height (a very small
 *   height may have none)
 */
gboolean
zc_photo_rules_width_range (const ZcPhotoRules *rules,
                            guint               height,
                            guint              *min_width,
                            guint              *max_width)
{
  guint64 lo, hi;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (min_width != NULL && max_width != NULL, FALSE);

  *min_width = *max_width = 0;
  if (height == 0 || rules->min_ratio_height == 0 || rules->max_ratio_height == 0)
    return FALSE;

  /* ceil (h × min) and floor (h × max) */
  lo = ((guint64) height * rules->min_ratio_width + rules->min_ratio_height - 1) / rules->min_ratio_height;
  hi = (guint64) height * rules->max_ratio_width / rules->max_ratio_height;
  if (lo == 0)
    lo = 1;
  if (lo > hi || hi > G_MAXUINT)
    return FALSE;

  *min_width = (guint) lo;
  *max_width = (guint) hi;
  return TRUE;
}

/**
 * zc_photo_rules_fit:
 * @fit_width: (out): the width of the crop
 * @fit_height: (out): its height
 *
 * The largest crop of a @width × @height image whose ratio is valid:
 * the whole image when it is valid already, else the full height of a
 * too-wide image or the full width of a too-tall one.
 *
 * Returns: whether there is one (not for a image a few pixels high)
 */
gboolean
zc_photo_rules_fit (const ZcPhotoRules *rules,
                    guint               width,
                    guint               height,
                    guint              *fit_width,
                    guint              *fit_height)
{
  guint lo, hi;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (fit_width != NULL && fit_height != NULL, FALSE);

  *fit_width = *fit_height = 0;
  if (width == 0 || height == 0)
    return FALSE;

  if (zc_photo_rules_width_range (rules, height, &lo, &hi) && width >= lo)
    {
      /* full height, as wide as allowed */
      *fit_width = MIN (width, hi);
      *fit_height = height;
      return TRUE;
    }

  /* too tall: full width, and the tallest height that keeps the width
   * at least the narrowest ratio */
  {
    guint64 h = MIN ((guint64) width * rules->min_ratio_height / rules->min_ratio_width, height);

    while (h > 0 && !zc_photo_rules_ratio_is_valid (rules, width, (guint) h))
      h--;
    if (h == 0)
      return FALSE;
    *fit_width = width;
    *fit_height = (guint) h;
  }
  return TRUE;
}

/* Squared distances, so the bound is exact. */
gboolean
zc_photo_rules_background_matches (const ZcPhotoRules *rules,
                                   const guint8        rgb[3])
{
  guint64 distance = 0;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (rgb != NULL, FALSE);

  if (rules->background == ZC_PHOTO_BACKGROUND_ANY)
    return TRUE;

  for (guint i = 0; i < 3; i++)
    {
      gint64 d = (gint64) rgb[i] - (gint64) rules->background_rgb[i];
      distance += (guint64) (d * d);
    }

  return distance <= (guint64) rules->background_tolerance * rules->background_tolerance;
}

/**
 * zc_photo_format_size:
 *
 * "500 KB", "1 MB", "1.1 MB": the units of the manuals (1 KB = 1024
 * bytes), rounded up, so a file over a limit never reads as the limit.
 *
 * Returns: (transfer full): the size for people
 */
char *
zc_photo_format_size (guint64 bytes)
{
  const guint64 mb = 1024 * 1024;

  if (bytes < 1024)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " B", bytes);
  if (bytes < mb)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " KB", (bytes + 1023) / 1024);
  if (bytes % mb == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " MB", bytes / mb);

  {
    guint64 tenths = (bytes * 10 + mb - 1) / mb;

    if (tenths % 10 == 0)
      return g_strdup_printf ("%" G_GUINT64_FORMAT " MB", tenths / 10);
    return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT " MB", tenths / 10, tenths % 10);
  }
}

/**
 * zc_photo_format_ratio:
 *
 * A ratio as the manuals write it, on a height of 7: 9:14 is "4.5:7",
 * 413:579 is "4.99:7" (two decimals at most, rounded).
 *
 * Returns: (transfer full): the ratio, "" for an empty size
 */
char *
zc_photo_format_ratio (guint width,
                       guint height)
{
  guint64 hundredths;

  if (width == 0 || height == 0)
    return g_strdup ("");

  hundredths = ((guint64) width * 700 + height / 2) / height;
  if (hundredths % 100 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ":7", hundredths / 100);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT ":7", hundredths / 100, (hundredths / 10) % 10);
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT ":7", hundredths / 100, hundredths % 100);
}

/**
 * zc_photo_sniff_mime:
 * @data: (array length=length) (nullable): the first bytes of a file
 *
 * The type by the first bytes, never by the name: JPEG, PNG, and the
 * types people pick by mistake (GIF, WebP, BMP, PDF), so the message
 * can say what the file is.
 *
 * Returns: (nullable): a MIME type, or %NULL when unknown or empty
 */
const char *
zc_photo_sniff_mime (const guint8 *data,
                     gsize         length)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };

  if (data == NULL || length == 0)
    return NULL;

  if (length >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "image/jpeg";
  if (length >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (length >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return "image/gif";
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (length >= 2 && data[0] == 'B' && data[1] == 'M')
    return "image/bmp";
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";

  return NULL;
}

/**
 * zc_photo_average_background:
 * @pixels: 8-bit RGB or RGBA rows, top row first
 * @rowstride: bytes from one row to the next
 * @n_channels: 3 or 4 (alpha is ignored)
 * @rgb: (out caller-allocates): the average colour
 *
 * Averages the pixels where an ID photo shows only background: the two
 * top corners, a sixth of the width by an eighth of the height each,
 * past a thin border a crop may have left.
 *
 * Returns: whether the image is large enough to have such corners
 */
gboolean
zc_photo_average_background (const guint8 *pixels,
                             guint         width,
                             guint         height,
                             gsize         rowstride,
                             guint         n_channels,
                             guint8        rgb[3])
{
  guint x0 = width / 50;
  guint x1 = width / 6;
  guint y0 = height / 50;
  guint y1 = height / 8;
  guint64 sum[3] = { 0, 0, 0 };
  guint64 n = 0;

  g_return_val_if_fail (rgb != NULL, FALSE);
  rgb[0] = rgb[1] = rgb[2] = 0;
  g_return_val_if_fail (pixels != NULL, FALSE);
  g_return_val_if_fail (n_channels == 3 || n_channels == 4, FALSE);
  g_return_val_if_fail (rowstride >= (gsize) width * n_channels, FALSE);

  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  for (guint y = y0; y < y1; y++)
    {
      const guint8 *row = pixels + (gsize) y * rowstride;

      for (guint side = 0; side < 2; side++)
        {
          guint start = side == 0 ? x0 : width - x1;
          guint end = side == 0 ? x1 : width - x0;

          for (guint x = start; x < end; x++)
            {
              const guint8 *p = row + (gsize) x * n_channels;

              sum[0] += p[0];
              sum[1] += p[1];
              sum[2] += p[2];
              n++;
            }
        }
    }

  for (guint i = 0; i < 3; i++)
    rgb[i] = (guint8) ((sum[i] + n / 2) / n);
  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             const char *code,
             char       *message)
{
  ZcPhotoProblem *problem = g_new0 (ZcPhotoProblem, 1);

  problem->code = g_strdup (code);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
allows (const ZcPhotoRules *rules,
        const char         *mime)
{
  return mime != NULL && rules->mime_types != NULL && g_strv_contains (rules->mime_types, mime);
}

static const char *
type_message (const ZcPhotoRules *rules,
              ZcLanguage          language)
{
  gboolean jpeg = allows (rules, "image/jpeg");
  gboolean png = allows (rules, "image/png");

  if (jpeg && !png)
    return zc_translate (language, N_("The photo must be a JPEG image."));
  if (png && !jpeg)
    return zc_translate (language, N_("The photo must be a PNG image."));
  return zc_translate (language, N_("The photo must be a JPEG or PNG image."));
}

static const char *
background_message (const ZcPhotoRules *rules,
                    ZcLanguage          language)
{
  if (rules->background == ZC_PHOTO_BACKGROUND_BLUE)
    return zc_translate (language, N_("The background of the photo must be blue."));
  return zc_translate (language, N_("The background of the photo must be white."));
}

/**
 * zc_photo_rules_check:
 * @problems: (out) (optional) (transfer full) (element-type ZcPhotoProblem):
 *   every problem found, in the order of the codes above; empty when
 *   there is none
 *
 * Judges everything @facts tell at once, so the user sees the whole
 * list: an empty file only says so; the type and the size always; the
 * proportions when the size in pixels is known; the colour when it was
 * sampled.
 *
 * Returns: whether the photo follows @rules
 */
gboolean
zc_photo_rules_check (const ZcPhotoRules  *rules,
                      const ZcPhotoFacts  *facts,
                      ZcLanguage           language,
                      GPtrArray          **problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_photo_problem_free);
  gboolean ok;

  if (problems != NULL)
    *problems = NULL;
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  if (facts->size == 0)
    {
      add_problem (found, "photo_empty", g_strdup (zc_translate (language, N_("The photo file is empty."))));
      goto out;
    }

  if (!allows (rules, facts->mime))
    add_problem (found, "photo_type", g_strdup (type_message (rules, language)));

  if (facts->size > rules->max_bytes)
    {
      g_autofree char *size = zc_photo_format_size (facts->size);
      g_autofree char *limit = zc_photo_format_size (rules->max_bytes);

      /* Translators: two sizes, such as "612 KB" and "500 KB" */
      add_problem (found, "photo_size", zc_translate_printf (language, N_("The photo is %s; it may be at most %s."),
                                                             size, limit));
    }

  if (facts->width == 0 || facts->height == 0)
    {
      if (allows (rules, facts->mime))
        add_problem (found, "photo_unreadable",
                     g_strdup (zc_translate (language, N_("The photo cannot be read; the file may be damaged."))));
      goto out;
    }

  if ((guint64) facts->width * facts->height > ZC_PHOTO_MAX_PIXELS)
    /* Translators: the photo's width and height in pixels */
    add_problem (found, "photo_pixels",
                 zc_translate_printf (language, N_("The photo has far too many pixels (%u × %u)."),
                                      facts->width, facts->height));

  if (!zc_photo_rules_ratio_is_valid (rules, facts->width, facts->height))
    {
      g_autofree char *actual = zc_photo_format_ratio (facts->width, facts->height);
      g_autofree char *min = zc_photo_format_ratio (rules->min_ratio_width, rules->min_ratio_height);
      g_autofree char *max = zc_photo_format_ratio (rules->max_ratio_width, rules->max_ratio_height);

      /* Translators: width and height in pixels, that ratio ("5.25:7"), the
       * narrowest and the widest ratio allowed ("4.5:7", "6:7") */
      add_problem (found, "photo_ratio",
                   zc_translate_printf (language,
                                        N_("The photo is %u × %u pixels (%s); width to height must be from %s to %s."),
                                        facts->width, facts->height, actual, min, max));
    }

  if (facts->has_background && !zc_photo_rules_background_matches (rules, facts->background))
    add_problem (found, "photo_background", g_strdup (background_message (rules, language)));

out:
  ok = found->len == 0;
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return ok;
}

/**
 * zc_photo_rules_describe:
 *
 * Returns: (transfer full): the rules in one sentence, for the place
 *   where the user picks a photo
 */
char *
zc_photo_rules_describe (const ZcPhotoRules *rules,
                         ZcLanguage          language)
{
  g_autofree char *limit = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  const char *types;

  g_return_val_if_fail (rules != NULL, NULL);

  limit = zc_photo_format_size (rules->max_bytes);
  min = zc_photo_format_ratio (rules->min_ratio_width, rules->min_ratio_height);
  max = zc_photo_format_ratio (rules->max_ratio_width, rules->max_ratio_height);
  if (allows (rules, "image/jpeg") && !allows (rules, "image/png"))
    types = "JPEG";
  else if (allows (rules, "image/png") && !allows (rules, "image/jpeg"))
    types = "PNG";
  else
    types = zc_translate (language, N_("JPEG or PNG"));

  switch (rules->background)
    {
    case ZC_PHOTO_BACKGROUND_BLUE:
      /* Translators: "JPEG or PNG", a size ("1 MB"), two ratios ("4.5:7", "6:7") */
      return zc_translate_printf (language, N_("%s, at most %s, width to height from %s to %s, blue background."),
                                  types, limit, min, max);
    case ZC_PHOTO_BACKGROUND_WHITE:
      /* Translators: "JPEG or PNG", a size ("500 KB"), two ratios ("4.5:7", "6:7") */
      return zc_translate_printf (language, N_("%s, at most %s, width to height from %s to %s, white background."),
                                  types, limit, min, max);
    case ZC_PHOTO_BACKGROUND_ANY:
    default:
      /* Translators: "JPEG or PNG", a size ("500 KB"), two ratios ("4.5:7", "6:7") */
      return zc_translate_printf (language, N_("%s, at most %s, width to height from %s to %s."),
                                  types, limit, min, max);
    }
}
