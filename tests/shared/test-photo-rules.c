/* test-photo-rules.c: the ID photo rules, judged on facts
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-photo-rules.h"

static const ZcPhotoRules *
sichuan (void)
{
  const ZcPhotoRules *rules = zc_photo_rules_lookup ("sichuan");

  g_assert_nonnull (rules);
  return rules;
}

/* A valid white JPEG of Sichuan's rules, to change one fact at a time. */
static ZcPhotoFacts
good_facts (void)
{
  ZcPhotoFacts facts = { "image/jpeg", 200 * 1024, 413, 579, TRUE, { 250, 250, 250 } };

  return facts;
}

static GPtrArray *
check (const ZcPhotoRules *rules,
       const ZcPhotoFacts *facts,
       gboolean            expect_ok)
{
  GPtrArray *problems = NULL;
  gboolean ok = zc_photo_rules_check (rules, facts, ZC_LANGUAGE_ENGLISH, &problems);

  g_assert_nonnull (problems);
  g_assert_cmpint (ok, ==, expect_ok);
  g_assert_cmpint (ok, ==, problems->len == 0);
  for (guint i = 0; i < problems->len; i++)
    {
      ZcPhotoProblem *problem = g_ptr_array_index (problems, i);

      g_assert_true (g_str_has_prefix (problem->code, "photo_"));
      g_assert_nonnull (problem->message);
      g_assert_cmpstr (problem->message, !=, "");
    }
  return problems;
}

static const char *
code_at (GPtrArray *problems,
         guint      index)
{
  g_assert_cmpuint (index, <, problems->len);
  return ((ZcPhotoProblem *) g_ptr_array_index (problems, index))->code;
}

static const char *
message_at (GPtrArray *problems,
            guint      index)
{
  g_assert_cmpuint (index, <, problems->len);
  return ((ZcPhotoProblem *) g_ptr_array_index (problems, index))->message;
}

static void
test_presets (void)
{
  const char * const *names = zc_photo_rules_list_names ();
  const ZcPhotoRules *rules;
  static const char *bad[] = { NULL, "", "Sichuan", "sichuan ", "anhui", "yunnan\n" };

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 3);
  for (guint i = 0; names[i] != NULL; i++)
    {
      rules = zc_photo_rules_lookup (names[i]);
      g_assert_nonnull (rules);
      g_assert_cmpstr (rules->name, ==, names[i]);
      g_assert_true (g_strv_contains (rules->mime_types, "image/jpeg"));
      g_assert_true (g_strv_contains (rules->mime_types, "image/png"));
      g_assert_false (g_strv_contains (rules->mime_types, "image/gif"));
      /* every preset: 4.5:7 to 6:7 */
      g_assert_true (zc_photo_rules_ratio_is_valid (rules, 450, 700));
      g_assert_true (zc_photo_rules_ratio_is_valid (rules, 600, 700));
      g_assert_false (zc_photo_rules_ratio_is_valid (rules, 449, 700));
      g_assert_false (zc_photo_rules_ratio_is_valid (rules, 601, 700));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (zc_photo_rules_lookup (bad[i]));

  rules = zc_photo_rules_lookup ("yunnan");
  g_assert_cmpuint (rules->max_bytes, ==, 1024 * 1024);
  g_assert_cmpint (rules->background, ==, ZC_PHOTO_BACKGROUND_BLUE);
  rules = zc_photo_rules_lookup ("sichuan");
  g_assert_cmpuint (rules->max_bytes, ==, 500 * 1024);
  g_assert_cmpint (rules->background, ==, ZC_PHOTO_BACKGROUND_WHITE);
  rules = zc_photo_rules_lookup ("henan");
  g_assert_cmpuint (rules->max_bytes, ==, 1024 * 1024);
  g_assert_cmpint (rules->background, ==, ZC_PHOTO_BACKGROUND_WHITE);

  g_assert_true (zc_photo_rules_get_default () == zc_photo_rules_lookup ("sichuan"));

  g_assert_cmpstr (zc_photo_background_to_string (ZC_PHOTO_BACKGROUND_WHITE), ==, "white");
  g_assert_cmpstr (zc_photo_background_to_string (ZC_PHOTO_BACKGROUND_BLUE), ==, "blue");
  g_assert_cmpstr (zc_photo_background_to_string (ZC_PHOTO_BACKGROUND_ANY), ==, "any");
  g_assert_cmpstr (zc_photo_background_to_string ((ZcPhotoBackground) 42), ==, "any");
}

static void
test_sniff (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13 };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F' };
  static const guint8 webp[] = { 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P' };
  static const guint8 wav[] = { 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V', 'E' };

  g_assert_cmpstr (zc_photo_sniff_mime (png, sizeof png), ==, "image/png");
  g_assert_cmpstr (zc_photo_sniff_mime (jpeg, sizeof jpeg), ==, "image/jpeg");
  g_assert_cmpstr (zc_photo_sniff_mime ((const guint8 *) "GIF89a\x01\x00", 8), ==, "image/gif");
  g_assert_cmpstr (zc_photo_sniff_mime ((const guint8 *) "GIF87a", 6), ==, "image/gif");
  g_assert_cmpstr (zc_photo_sniff_mime ((const guint8 *) "%PDF-1.7\n", 9), ==, "application/pdf");
  g_assert_cmpstr (zc_photo_sniff_mime (webp, sizeof webp), ==, "image/webp");
  g_assert_cmpstr (zc_photo_sniff_mime ((const guint8 *) "BM\x36\x00", 4), ==, "image/bmp");

  /* empty, cut short, or something else */
  g_assert_null (zc_photo_sniff_mime (NULL, 0));
  g_assert_null (zc_photo_sniff_mime (png, 0));
  g_assert_null (zc_photo_sniff_mime (png, 7));          /* the PNG signature is 8 bytes */
  g_assert_null (zc_photo_sniff_mime (jpeg, 2));
  g_assert_null (zc_photo_sniff_mime ((const guint8 *) "GIF88a", 6));
  g_assert_null (zc_photo_sniff_mime ((const guint8 *) "%PDF", 4));
  g_assert_null (zc_photo_sniff_mime (wav, sizeof wav));
  g_assert_null (zc_photo_sniff_mime ((const guint8 *) "hello, world", 12));
  /* the name does not count: a JPEG is a JPEG whatever it is called */
  g_assert_cmpstr (zc_photo_sniff_mime (jpeg, 3), ==, "image/jpeg");
}

static void
test_ratio_bounds (void)
{
  const ZcPhotoRules *rules = sichuan ();
  guint lo = 1, hi = 1;

  /* 4.5:7 and 6:7 exactly are in; one pixel past either is out */
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, 9, 14));
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, 45, 70));
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, 4500, 7000));
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, 4499, 7000));
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, 6, 7));
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, 6000, 7000));
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, 6001, 7000));
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, 413, 579));   /* a 2-inch photo */
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, 295, 413));   /* a 1-inch photo */
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, 700, 700));
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, 0, 700));
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, 450, 0));
  /* no overflow at the largest sizes */
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, G_MAXUINT / 7 * 6, G_MAXUINT / 7 * 7));
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, G_MAXUINT, G_MAXUINT));

  g_assert_true (zc_photo_rules_width_range (rules, 700, &lo, &hi));
  g_assert_cmpuint (lo, ==, 450);
  g_assert_cmpuint (hi, ==, 600);
  g_assert_true (zc_photo_rules_width_range (rules, 579, &lo, &hi));
  g_assert_cmpuint (lo, ==, 373);   /* ceil (579 × 9 / 14) */
  g_assert_cmpuint (hi, ==, 496);   /* floor (579 × 6 / 7) */
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, lo, 579));
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, lo - 1, 579));
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, hi, 579));
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, hi + 1, 579));
  g_assert_false (zc_photo_rules_width_range (rules, 0, &lo, &hi));
  g_assert_cmpuint (lo, ==, 0);
  g_assert_cmpuint (hi, ==, 0);
  g_assert_false (zc_photo_rules_width_range (rules, 1, &lo, &hi));   /* 1 × 9/14 rounds up past 1 × 6/7 */
}

static void
test_fit (void)
{
  const ZcPhotoRules *rules = sichuan ();
  guint w = 1, h = 1;

  /* too wide: full height, widest allowed */
  g_assert_true (zc_photo_rules_fit (rules, 800, 700, &w, &h));
  g_assert_cmpuint (w, ==, 600);
  g_assert_cmpuint (h, ==, 700);
  /* too tall: full width, tallest allowed */
  g_assert_true (zc_photo_rules_fit (rules, 300, 700, &w, &h));
  g_assert_cmpuint (w, ==, 300);
  g_assert_cmpuint (h, ==, 466);
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, w, h));
  g_assert_false (zc_photo_rules_ratio_is_valid (rules, w, h + 1));
  /* valid already: all of it */
  g_assert_true (zc_photo_rules_fit (rules, 500, 700, &w, &h));
  g_assert_cmpuint (w, ==, 500);
  g_assert_cmpuint (h, ==, 700);
  /* a wide landscape photo */
  g_assert_true (zc_photo_rules_fit (rules, 4000, 3000, &w, &h));
  g_assert_cmpuint (h, ==, 3000);
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, w, h));
  /* nothing fits in nothing */
  g_assert_false (zc_photo_rules_fit (rules, 0, 700, &w, &h));
  g_assert_cmpuint (w, ==, 0);
  g_assert_false (zc_photo_rules_fit (rules, 700, 0, &w, &h));
  g_assert_false (zc_photo_rules_fit (rules, 1, 1, &w, &h));
  g_assert_false (zc_photo_rules_fit (rules, 100000, 1, &w, &h));
}

static void
test_background_tolerance (void)
{
  const ZcPhotoRules *white = sichuan ();
  const ZcPhotoRules *blue = zc_photo_rules_lookup ("yunnan");
  const guint8 pure_white[3] = { 255, 255, 255 };
  const guint8 at_limit[3] = { 185, 255, 255 };      /* 70 from white */
  const guint8 past_limit[3] = { 184, 255, 255 };    /* 71 */
  const guint8 light_grey[3] = { 215, 215, 215 };    /* 69.3 */
  const guint8 grey[3] = { 214, 214, 214 };          /* 71.0 */
  const guint8 studio_blue[3] = { 67, 142, 219 };
  const guint8 deep_blue[3] = { 20, 90, 200 };
  const guint8 red[3] = { 200, 30, 30 };
  ZcPhotoRules any = *white;

  g_assert_true (zc_photo_rules_background_matches (white, pure_white));
  g_assert_true (zc_photo_rules_background_matches (white, at_limit));
  g_assert_false (zc_photo_rules_background_matches (white, past_limit));
  g_assert_true (zc_photo_rules_background_matches (white, light_grey));
  g_assert_false (zc_photo_rules_background_matches (white, grey));
  g_assert_false (zc_photo_rules_background_matches (white, studio_blue));
  g_assert_false (zc_photo_rules_background_matches (white, red));

  g_assert_true (zc_photo_rules_background_matches (blue, studio_blue));
  g_assert_true (zc_photo_rules_background_matches (blue, deep_blue));
  g_assert_false (zc_photo_rules_background_matches (blue, pure_white));
  g_assert_false (zc_photo_rules_background_matches (blue, red));

  any.background = ZC_PHOTO_BACKGROUND_ANY;
  g_assert_true (zc_photo_rules_background_matches (&any, red));
}

static void
test_check_good (void)
{
  ZcPhotoFacts facts = good_facts ();
  g_autoptr(GPtrArray) problems = check (sichuan (), &facts, TRUE);

  g_assert_cmpuint (problems->len, ==, 0);
  /* the caller may not want the list */
  g_assert_true (zc_photo_rules_check (sichuan (), &facts, ZC_LANGUAGE_ENGLISH, NULL));

  /* PNG too, and the bounds themselves */
  facts.mime = "image/png";
  facts.width = 450;
  facts.height = 700;
  facts.size = 500 * 1024;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = check (sichuan (), &facts, TRUE);
}

static void
test_check_each_code (void)
{
  const ZcPhotoRules *rules = sichuan ();
  ZcPhotoFacts facts;
  GPtrArray *problems;

  /* empty: only that */
  facts = good_facts ();
  facts.size = 0;
  facts.mime = NULL;
  problems = check (rules, &facts, FALSE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_empty");
  g_assert_cmpstr (message_at (problems, 0), ==, "The photo file is empty.");
  g_ptr_array_unref (problems);

  /* type */
  facts = good_facts ();
  facts.mime = "image/gif";
  problems = check (rules, &facts, FALSE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_type");
  g_assert_cmpstr (message_at (problems, 0), ==, "The photo must be a JPEG or PNG image.");
  g_ptr_array_unref (problems);

  /* an unknown type that was not decoded: the type, not "damaged" */
  facts = good_facts ();
  facts.mime = NULL;
  facts.width = facts.height = 0;
  facts.has_background = FALSE;
  problems = check (rules, &facts, FALSE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_type");
  g_ptr_array_unref (problems);

  /* size: the limit is in, one byte more is out */
  facts = good_facts ();
  facts.size = 500 * 1024;
  g_ptr_array_unref (check (rules, &facts, TRUE));
  facts.size = 500 * 1024 + 1;
  problems = check (rules, &facts, FALSE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_size");
  g_assert_cmpstr (message_at (problems, 0), ==, "The photo is 501 KB; it may be at most 500 KB.");
  g_ptr_array_unref (problems);
  facts.size = 500 * 1024 - 1;
  g_ptr_array_unref (check (rules, &facts, TRUE));

  /* Yunnan's 1 MB, ±1 byte */
  facts = good_facts ();
  facts.background[0] = 67;
  facts.background[1] = 142;
  facts.background[2] = 219;
  facts.size = 1024 * 1024;
  g_ptr_array_unref (check (zc_photo_rules_lookup ("yunnan"), &facts, TRUE));
  facts.size = 1024 * 1024 + 1;
  problems = check (zc_photo_rules_lookup ("yunnan"), &facts, FALSE);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_size");
  g_assert_cmpstr (message_at (problems, 0), ==, "The photo is 1.1 MB; it may be at most 1 MB.");
  g_ptr_array_unref (problems);

  /* unreadable: a JPEG by its first bytes that did not decode */
  facts = good_facts ();
  facts.width = facts.height = 0;
  facts.has_background = FALSE;
  problems = check (rules, &facts, FALSE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_unreadable");
  g_ptr_array_unref (problems);

  /* pixels */
  facts = good_facts ();
  facts.width = 5000;
  facts.height = 5001;   /* 25,005,000 */
  problems = check (rules, &facts, FALSE);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_pixels");
  g_assert_cmpstr (message_at (problems, 0), ==, "The photo has far too many pixels (5000 × 5001).");
  g_ptr_array_unref (problems);
  facts.width = 4500;
  facts.height = 5555;   /* 24,997,500 */
  g_ptr_array_unref (check (rules, &facts, TRUE));

  /* ratio */
  facts = good_facts ();
  facts.width = 800;
  facts.height = 700;
  problems = check (rules, &facts, FALSE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_ratio");
  g_assert_cmpstr (message_at (problems, 0), ==,
                   "The photo is 800 × 700 pixels (8:7); width to height must be from 4.5:7 to 6:7.");
  g_ptr_array_unref (problems);
  facts.width = 449;
  problems = check (rules, &facts, FALSE);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_ratio");
  g_ptr_array_unref (problems);

  /* background: judged when sampled, not otherwise */
  facts = good_facts ();
  facts.background[0] = 200;
  facts.background[1] = 20;
  facts.background[2] = 20;
  problems = check (rules, &facts, FALSE);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_background");
  g_assert_cmpstr (message_at (problems, 0), ==, "The background of the photo must be white.");
  g_ptr_array_unref (problems);
  problems = check (zc_photo_rules_lookup ("yunnan"), &facts, FALSE);
  g_assert_cmpstr (message_at (problems, 0), ==, "The background of the photo must be blue.");
  g_ptr_array_unref (problems);
  facts.has_background = FALSE;
  g_ptr_array_unref (check (rules, &facts, TRUE));
}

/* Everything wrong at once is said at once, in a fixed order. */
static void
test_check_all_at_once (void)
{
  ZcPhotoFacts facts = { "image/gif", 600 * 1024, 900, 700, TRUE, { 200, 20, 20 } };
  g_autoptr(GPtrArray) problems = check (sichuan (), &facts, FALSE);
  g_autoptr(GPtrArray) chinese = NULL;

  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_cmpstr (code_at (problems, 0), ==, "photo_type");
  g_assert_cmpstr (code_at (problems, 1), ==, "photo_size");
  g_assert_cmpstr (code_at (problems, 2), ==, "photo_ratio");
  g_assert_cmpstr (code_at (problems, 3), ==, "photo_background");

  /* the locale's language: the same codes, a message each */
  g_assert_false (zc_photo_rules_check (sichuan (), &facts, ZC_LANGUAGE_LOCALE, &chinese));
  g_assert_cmpuint (chinese->len, ==, 4);
  for (guint i = 0; i < chinese->len; i++)
    {
      g_assert_cmpstr (code_at (chinese, i), ==, code_at (problems, i));
      g_assert_cmpuint (strlen (message_at (chinese, i)), >, 0);
    }
}

/* The allowed types come from the rules, and so does the message. */
static void
test_check_custom_rules (void)
{
  static const char * const jpeg_only[] = { "image/jpeg", NULL };
  ZcPhotoRules rules = *sichuan ();
  ZcPhotoFacts facts = good_facts ();
  GPtrArray *problems;
  g_autofree char *description = NULL;

  rules.mime_types = jpeg_only;
  g_ptr_array_unref (check (&rules, &facts, TRUE));
  facts.mime = "image/png";
  problems = check (&rules, &facts, FALSE);
  g_assert_cmpstr (message_at (problems, 0), ==, "The photo must be a JPEG image.");
  g_ptr_array_unref (problems);
  description = zc_photo_rules_describe (&rules, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpstr (description, ==, "JPEG, at most 500 KB, width to height from 4.5:7 to 6:7, white background.");

  rules.background = ZC_PHOTO_BACKGROUND_ANY;
  facts.mime = "image/jpeg";
  facts.background[0] = 0;
  g_ptr_array_unref (check (&rules, &facts, TRUE));
}

static void
test_describe (void)
{
  g_autofree char *sichuan_text = zc_photo_rules_describe (sichuan (), ZC_LANGUAGE_ENGLISH);
  g_autofree char *yunnan_text = zc_photo_rules_describe (zc_photo_rules_lookup ("yunnan"), ZC_LANGUAGE_ENGLISH);
  g_autofree char *local = zc_photo_rules_describe (sichuan (), ZC_LANGUAGE_LOCALE);

  g_assert_cmpstr (sichuan_text, ==, "JPEG or PNG, at most 500 KB, width to height from 4.5:7 to 6:7, white background.");
  g_assert_cmpstr (yunnan_text, ==, "JPEG or PNG, at most 1 MB, width to height from 4.5:7 to 6:7, blue background.");
  g_assert_nonnull (strstr (local, "500 KB"));
  g_assert_nonnull (strstr (local, "4.5:7"));
}

static void
test_format (void)
{
  static const struct { guint64 bytes; const char *text; } sizes[] = {
    { 0, "0 B" }, { 1023, "1023 B" }, { 1024, "1 KB" }, { 1025, "2 KB" },
    { 500 * 1024, "500 KB" }, { 500 * 1024 + 1, "501 KB" }, { 1024 * 1024 - 1, "1024 KB" },
    { 1024 * 1024, "1 MB" }, { 1024 * 1024 + 1, "1.1 MB" }, { 3 * 512 * 1024, "1.5 MB" },
    { 2 * 1024 * 1024, "2 MB" }, { 2 * 1024 * 1024 - 1, "2 MB" },
  };
  static const struct { guint w, h; const char *text; } ratios[] = {
    { 9, 14, "4.5:7" }, { 6, 7, "6:7" }, { 413, 579, "4.99:7" }, { 800, 700, "8:7" },
    { 1, 3, "2.33:7" }, { 0, 7, "" }, { 7, 0, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *text = zc_photo_format_size (sizes[i].bytes);
      g_assert_cmpstr (text, ==, sizes[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      g_autofree char *text = zc_photo_format_ratio (ratios[i].w, ratios[i].h);
      g_assert_cmpstr (text, ==, ratios[i].text);
    }
}

static void
fill (guint8       *pixels,
      guint         width,
      guint         height,
      gsize         rowstride,
      guint         n_channels,
      const guint8  rgb[3])
{
  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * rowstride + x * n_channels;

        memcpy (p, rgb, 3);
        if (n_channels == 4)
          p[3] = 0x80;
      }
}

static void
test_average_background (void)
{
  const guint width = 120, height = 168;
  const guint8 white[3] = { 255, 255, 255 };
  const guint8 red[3] = { 220, 0, 0 };
  const guint8 blue[3] = { 60, 140, 220 };
  gsize rowstride = width * 4 + 12;   /* padded rows */
  g_autofree guint8 *pixels = g_malloc0 (rowstride * height);
  guint8 rgb[3] = { 1, 2, 3 };

  /* a white background with a red "face" in the middle: the face does
   * not reach the top corners */
  fill (pixels, width, height, rowstride, 4, white);
  for (guint y = height / 4; y < height; y++)
    for (guint x = width / 4; x < width * 3 / 4; x++)
      memcpy (pixels + y * rowstride + x * 4, red, 3);
  g_assert_true (zc_photo_average_background (pixels, width, height, rowstride, 4, rgb));
  g_assert_cmpuint (rgb[0], ==, 255);
  g_assert_cmpuint (rgb[1], ==, 255);
  g_assert_cmpuint (rgb[2], ==, 255);

  /* left corner blue, right corner white: the average of both */
  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width / 2; x++)
      memcpy (pixels + y * rowstride + x * 4, blue, 3);
  g_assert_true (zc_photo_average_background (pixels, width, height, rowstride, 4, rgb));
  g_assert_cmpuint (rgb[0], ==, (60 + 255 + 1) / 2);
  g_assert_cmpuint (rgb[1], ==, (140 + 255 + 1) / 2);
  g_assert_cmpuint (rgb[2], ==, (220 + 255 + 1) / 2);

  /* RGB rows too */
  {
    g_autofree guint8 *rgb_pixels = g_malloc0 (width * 3 * height);

    fill (rgb_pixels, width, height, width * 3, 3, blue);
    g_assert_true (zc_photo_average_background (rgb_pixels, width, height, width * 3, 3, rgb));
    g_assert_cmpuint (rgb[0], ==, 60);
    g_assert_cmpuint (rgb[1], ==, 140);
    g_assert_cmpuint (rgb[2], ==, 220);
  }

  /* too small to have corners */
  g_assert_false (zc_photo_average_background (pixels, 5, 5, rowstride, 4, rgb));
  g_assert_cmpuint (rgb[0], ==, 0);
  g_assert_false (zc_photo_average_background (pixels, 120, 7, rowstride, 4, rgb));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/photo-rules/presets", test_presets);
  g_test_add_func ("/photo-rules/sniff", test_sniff);
  g_test_add_func ("/photo-rules/ratio-bounds", test_ratio_bounds);
  g_test_add_func ("/photo-rules/fit", test_fit);
  g_test_add_func ("/photo-rules/background-tolerance", test_background_tolerance);
  g_test_add_func ("/photo-rules/check-good", test_check_good);
  g_test_add_func ("/photo-rules/check-each-code", test_check_each_code);
  g_test_add_func ("/photo-rules/check-all-at-once", test_check_all_at_once);
  g_test_add_func ("/photo-rules/check-custom-rules", test_check_custom_rules);
  g_test_add_func ("/photo-rules/describe", test_describe);
  g_test_add_func ("/photo-rules/format", test_format);
  g_test_add_func ("/photo-rules/average-background", test_average_background);

  return g_test_run ();
}
