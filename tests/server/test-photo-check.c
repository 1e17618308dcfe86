/* test-photo-check.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-photo-check.h"
#include "zc-server-test.h"

/* The server's ID photo check: real images made here with gdk-pixbuf,
 * decoded into facts and judged by the shared rules (whose own tests
 * are tests/shared/test-photo-rules.c), and over HTTP on uploaded
 * blobs. */

#define BLUE    0x438edbu   /* the usual ID-photo blue, RGB 67 142 219 */
#define WHITE   0xfafafau
#define RED     0xd02828u
#define SKIN    0xe0b090u
#define DARK    0x202428u

#define STATIC_BYTES(s) g_bytes_new_static ((s), sizeof (s) - 1)

static const char * const demo[] = { "--demo", NULL };

/* ---- images ------------------------------------------------------------ */

static void
fill_rect (GdkPixbuf *pixbuf,
           int        x,
           int        y,
           int        width,
           int        height,
           guint32    rgb)
{
  g_autoptr(GdkPixbuf) part = gdk_pixbuf_new_subpixbuf (pixbuf, x, y, width, height);

  gdk_pixbuf_fill (part, (rgb << 8) | 0xff);
}

/* Random pixels (incompressible) over the middle, away from the top
 * corners where the background is judged. */
static void
scramble_middle (GdkPixbuf *pixbuf,
                 guint32    seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = height / 6; y < height; y++)
    for (int x = width / 5; x < width - width / 5; x++)
      for (int c = 0; c < 3; c++)
        pixels[y * rowstride + x * 3 + c] = (guint8) g_rand_int_range (rand, 0, 256);
}

/* Noise on every pixel, as a cheap camera and JPEG leave it. */
static void
add_noise (GdkPixbuf *pixbuf,
           int        amount)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 3; x++)
      {
        int value = pixels[y * rowstride + x] + g_rand_int_range (rand, -amount, amount + 1);

        pixels[y * rowstride + x] = (guint8) CLAMP (value, 0, 255);
      }
}

/* A head and shoulders on @background. */
static GdkPixbuf *
make_portrait (int     width,
               int     height,
               guint32 background)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);

  gdk_pixbuf_fill (pixbuf, (background << 8) | 0xff);
  fill_rect (pixbuf, width * 3 / 8, height / 6, width / 4, height / 12, DARK);         /* hair */
  fill_rect (pixbuf, width * 3 / 8, height / 4, width / 4, height / 3, SKIN);          /* face */
  fill_rect (pixbuf, width / 6, height * 5 / 8, width * 2 / 3, height * 3 / 8, DARK);  /* jacket */

  return pixbuf;
}

static GBytes *
encode (GdkPixbuf  *pixbuf,
        const char *type)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  if (g_str_equal (type, "jpeg"))
    gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, type, &error, "quality", "85", NULL);
  else
    gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, type, &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (data, size);
}

static GBytes *
portrait (int         width,
          int         height,
          guint32     background,
          const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = make_portrait (width, height, background);

  return encode (pixbuf, type);
}

/* A PNG whose middle is noise, so that it is large in bytes. */
static GBytes *
heavy_portrait (int     width,
                int     height,
                guint32 background)
{
  g_autoptr(GdkPixbuf) pixbuf = make_portrait (width, height, background);

  scramble_middle (pixbuf, 7);
  return encode (pixbuf, "png");
}

static const guint8 gif_1x1[] = {
  'G', 'I', 'F', '8', '9', 'a', 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff,
  0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02,
  0x44, 0x01, 0x00, 0x3b,
};

static guint32
crc32 (const guint8 *data,
       gsize         size)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < size; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }

  return crc ^ 0xffffffffu;
}

/* A PNG that declares its size and then starts its pixel data: enough
 * for a pixel flood if the decoder believed it. */
static GBytes *
png_header_only (guint32 width,
                 guint32 height)
{
  guint8 png[8 + 25 + 12] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a,
                              0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  guint8 *ihdr = png + 16;
  guint32 crc;

  ihdr[0] = width >> 24; ihdr[1] = width >> 16; ihdr[2] = width >> 8; ihdr[3] = width;
  ihdr[4] = height >> 24; ihdr[5] = height >> 16; ihdr[6] = height >> 8; ihdr[7] = height;
  ihdr[8] = 8;    /* bit depth */
  ihdr[9] = 2;    /* RGB */
  ihdr[10] = ihdr[11] = ihdr[12] = 0;
  crc = crc32 (png + 12, 17);
  png[29] = crc >> 24; png[30] = crc >> 16; png[31] = crc >> 8; png[32] = crc;
  memcpy (png + 33, "\0\0\x10\0IDAT\x78\x9c\0\0", 12);

  return g_bytes_new (png, sizeof png);
}

/* ---- helpers ------------------------------------------------------------ */

static GPtrArray *
check (const char *rules_name,
       GBytes     *image)
{
  const ZcPhotoRules *rules = zc_photo_rules_lookup (rules_name);
  GPtrArray *problems = NULL;
  gboolean ok;

  g_assert_nonnull (rules);
  ok = zc_photo_check_image (rules, image, ZC_LANGUAGE_ENGLISH, &problems);
  g_assert_nonnull (problems);
  g_assert_true (ok == (problems->len == 0));

  return problems;
}

/* "code,code,…" of @problems, in order */
static char *
codes (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      ZcPhotoProblem *problem = problems->pdata[i];

      g_assert_cmpuint (strlen (problem->message), >, 0);
      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", problem->code);
    }

  return g_string_free (text, FALSE);
}

static void
assert_codes (const char *rules_name,
              GBytes     *image,
              const char *expected)
{
  g_autoptr(GPtrArray) problems = check (rules_name, image);
  g_autofree char *found = codes (problems);

  if (!g_str_equal (found, expected))
    g_error ("%s: expected [%s], found [%s]", rules_name, expected, found);
}

/* ---- real images ---------------------------------------------------------- */

static void
test_facts (void)
{
  const ZcPhotoRules *yunnan = zc_photo_rules_lookup ("yunnan");
  g_autoptr(GBytes) blue = portrait (413, 579, BLUE, "jpeg");
  g_autoptr(GBytes) white = portrait (450, 700, WHITE, "png");
  g_autoptr(GBytes) flood = png_header_only (20000, 30000);
  g_autoptr(GBytes) damaged = STATIC_BYTES ("\xff\xd8\xff\xe0 this is not a JPEG at all");
  g_autoptr(GBytes) gif = g_bytes_new_static (gif_1x1, sizeof gif_1x1);
  g_autoptr(GBytes) bmp = portrait (413, 579, BLUE, "bmp");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  ZcPhotoFacts facts;

  /* a JPEG: its size in pixels and its (average) background colour */
  zc_photo_facts_from_image (blue, yunnan, &facts);
  g_assert_cmpstr (facts.mime, ==, "image/jpeg");
  g_assert_cmpuint (facts.size, ==, g_bytes_get_size (blue));
  g_assert_cmpuint (facts.width, ==, 413);
  g_assert_cmpuint (facts.height, ==, 579);
  g_assert_true (facts.has_background);
  g_assert_cmpint (ABS ((int) facts.background[0] - 0x43), <=, 6);
  g_assert_cmpint (ABS ((int) facts.background[1] - 0x8e), <=, 6);
  g_assert_cmpint (ABS ((int) facts.background[2] - 0xdb), <=, 6);

  zc_photo_facts_from_image (white, yunnan, &facts);
  g_assert_cmpstr (facts.mime, ==, "image/png");
  g_assert_cmpuint (facts.width, ==, 450);
  g_assert_cmpuint (facts.height, ==, 700);
  g_assert_cmpuint (facts.background[0], ==, 0xfa);

  /* declared dimensions only: never allocated */
  zc_photo_facts_from_image (flood, yunnan, &facts);
  g_assert_cmpstr (facts.mime, ==, "image/png");
  g_assert_cmpuint (facts.width, ==, 20000);
  g_assert_cmpuint (facts.height, ==, 30000);
  g_assert_false (facts.has_background);

  zc_photo_facts_from_image (damaged, yunnan, &facts);
  g_assert_cmpstr (facts.mime, ==, "image/jpeg");
  g_assert_cmpuint (facts.width, ==, 0);
  g_assert_false (facts.has_background);

  /* other types are named, never decoded */
  zc_photo_facts_from_image (gif, yunnan, &facts);
  g_assert_cmpstr (facts.mime, ==, "image/gif");
  g_assert_cmpuint (facts.width, ==, 0);
  zc_photo_facts_from_image (bmp, yunnan, &facts);
  g_assert_cmpstr (facts.mime, ==, "image/bmp");
  g_assert_cmpuint (facts.width, ==, 0);

  zc_photo_facts_from_image (empty, yunnan, &facts);
  g_assert_null (facts.mime);
  g_assert_cmpuint (facts.size, ==, 0);
  assert_codes ("yunnan", empty, "photo_empty");
}

static void
test_good_photos (void)
{
  g_autoptr(GBytes) blue_jpeg = portrait (413, 579, BLUE, "jpeg");
  g_autoptr(GBytes) blue_png = portrait (450, 700, BLUE, "png");
  g_autoptr(GBytes) white_jpeg = portrait (413, 628, WHITE, "jpeg");
  g_autoptr(GdkPixbuf) noisy = make_portrait (480, 640, BLUE);
  g_autoptr(GBytes) noisy_jpeg = NULL;

  assert_codes ("yunnan", blue_jpeg, "");
  assert_codes ("yunnan", blue_png, "");
  assert_codes ("sichuan", white_jpeg, "");
  assert_codes ("henan", white_jpeg, "");

  /* noise and strong compression do not change the verdict */
  add_noise (noisy, 25);
  noisy_jpeg = encode (noisy, "jpeg");
  assert_codes ("yunnan", noisy_jpeg, "");

  /* the right photo for one province is the wrong one for another */
  assert_codes ("sichuan", blue_jpeg, "photo_background");
  assert_codes ("yunnan", white_jpeg, "photo_background");
}

static void
test_bad_photos (void)
{
  g_autoptr(GBytes) square = portrait (600, 600, BLUE, "jpeg");
  g_autoptr(GBytes) wide = portrait (700, 450, WHITE, "png");
  g_autoptr(GBytes) red = portrait (413, 579, RED, "jpeg");
  g_autoptr(GBytes) heavy = heavy_portrait (600, 800, WHITE);
  g_autoptr(GBytes) bmp = portrait (413, 579, BLUE, "bmp");
  g_autoptr(GBytes) gif = g_bytes_new_static (gif_1x1, sizeof gif_1x1);
  g_autoptr(GBytes) damaged = STATIC_BYTES ("\xff\xd8\xff\xe0 this is not a JPEG at all");
  g_autoptr(GBytes) flood = png_header_only (20000, 30000);

  assert_codes ("yunnan", square, "photo_ratio");
  assert_codes ("sichuan", wide, "photo_ratio");
  assert_codes ("yunnan", red, "photo_background");
  assert_codes ("henan", red, "photo_background");

  /* over Sichuan's 500 KB, within Yunnan's and Henan's 1 MB */
  g_assert_cmpuint (g_bytes_get_size (heavy), >, 500 * 1024);
  g_assert_cmpuint (g_bytes_get_size (heavy), <=, 1024 * 1024);
  assert_codes ("sichuan", heavy, "photo_size");
  assert_codes ("henan", heavy, "");

  /* by content, not by name; never decoded */
  assert_codes ("yunnan", bmp, "photo_type");
  assert_codes ("yunnan", gif, "photo_type");
  assert_codes ("yunnan", damaged, "photo_unreadable");
  assert_codes ("yunnan", flood, "photo_pixels");
}

static void
test_every_problem_at_once (void)
{
  g_autoptr(GBytes) everything = heavy_portrait (900, 900, RED);
  g_autoptr(GPtrArray) problems = NULL;
  ZcPhotoProblem *size;

  /* too large, square, red: all three reported together */
  g_assert_cmpuint (g_bytes_get_size (everything), >, 500 * 1024);
  problems = check ("sichuan", everything);
  g_assert_cmpuint (problems->len, ==, 3);
  size = problems->pdata[0];
  g_assert_cmpstr (size->code, ==, "photo_size");
  g_assert_true (g_str_has_suffix (size->message, "it may be at most 500 KB."));
  g_assert_cmpstr (((ZcPhotoProblem *) problems->pdata[1])->code, ==, "photo_ratio");
  g_assert_cmpstr (((ZcPhotoProblem *) problems->pdata[1])->message, ==,
                   "The photo is 900 × 900 pixels (7:7); width to height must be from 4.5:7 to 6:7.");
  g_assert_cmpstr (((ZcPhotoProblem *) problems->pdata[2])->code, ==, "photo_background");
  g_assert_cmpstr (((ZcPhotoProblem *) problems->pdata[2])->message, ==, "The background of the photo must be white.");
}

/* ---- over HTTP ------------------------------------------------------------ */

static guint
put_blob (ZcTestServer *server,
          const char   *token,
          GBytes       *bytes,
          char        **sha256)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

  *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  url = g_strconcat (server->url, "/api/v1/blobs/", *sha256, NULL);
  msg = soup_message_new ("PUT", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, NULL, bytes);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);

  return soup_message_get_status (msg);
}

static JsonNode *
photo_check (ZcTestServer *server,
             const char   *token,
             const char   *sha256,
             const char   *language,
             guint        *status)
{
  g_autofree char *path = g_strconcat ("/api/v1/blobs/", sha256, "/photo-check", NULL);

  return zc_test_server_call (server, "GET", path, token, language, NULL, status, NULL);
}

/* "code,code,…" of an answer's problems; checks ok agrees */
static char *
answer_codes (JsonNode *answer)
{
  JsonObject *object = zc_server_test_object (answer);
  JsonArray *problems = json_object_get_array_member (object, "problems");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);

      g_assert_cmpuint (strlen (json_object_get_string_member (problem, "message")), >, 0);
      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", json_object_get_string_member (problem, "code"));
    }
  g_assert_true (json_object_get_boolean_member (object, "ok") == (json_array_get_length (problems) == 0));

  return g_string_free (text, FALSE);
}

static void
test_photo_check_http (void)
{
  const char * const yunnan_env[] = { "ZHICHENG_PHOTO_RULES=yunnan", NULL };
  ZcTestServer *server = zc_test_server_start (demo);
  ZcTestServer *yunnan = NULL;
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *other = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *yunnan_token = NULL;
  g_autoptr(GBytes) blue = portrait (413, 579, BLUE, "jpeg");
  g_autoptr(GBytes) white = portrait (413, 579, WHITE, "jpeg");
  g_autoptr(GBytes) everything = heavy_portrait (900, 900, RED);
  g_autoptr(GBytes) pdf = STATIC_BYTES ("%PDF-1.4\nnot a photo\n");
  g_autofree char *blue_sha = NULL;
  g_autofree char *white_sha = NULL;
  g_autofree char *everything_sha = NULL;
  g_autofree char *pdf_sha = NULL;
  g_autofree char *found = NULL;
  g_autofree char *found_blue = NULL;
  g_autofree char *found_everything = NULL;
  g_autofree char *found_pdf = NULL;
  g_autofree char *found_yunnan = NULL;
  g_autofree char *found_zh = NULL;
  g_autoptr(JsonNode) ok = NULL;
  g_autoptr(JsonNode) wrong_colour = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) all_zh = NULL;
  g_autoptr(JsonNode) not_photo = NULL;
  g_autoptr(JsonNode) foreign = NULL;
  g_autoptr(JsonNode) anonymous = NULL;
  g_autoptr(JsonNode) blue_in_yunnan = NULL;
  JsonArray *problems;
  guint status = 0;

  g_assert_cmpuint (put_blob (server, token, blue, &blue_sha), ==, 201);
  g_assert_cmpuint (put_blob (server, token, white, &white_sha), ==, 201);
  g_assert_cmpuint (put_blob (server, token, everything, &everything_sha), ==, 201);
  g_assert_cmpuint (put_blob (server, token, pdf, &pdf_sha), ==, 201);

  /* the default rules are the strictest, Sichuan's: white, at most 500 KB */
  ok = photo_check (server, token, white_sha, "en", &status);
  g_assert_cmpuint (status, ==, 200);
  found = answer_codes (ok);
  g_assert_cmpstr (found, ==, "");
  g_assert_cmpstr (zc_test_member_string (ok, "rules"), ==, "sichuan");
  g_assert_cmpstr (zc_test_member_string (ok, "sha256"), ==, white_sha);

  wrong_colour = photo_check (server, token, blue_sha, "en", &status);
  found_blue = answer_codes (wrong_colour);
  g_assert_cmpstr (found_blue, ==, "photo_background");
  problems = json_object_get_array_member (zc_server_test_object (wrong_colour), "problems");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (problems, 0), "message"), ==,
                   "The background of the photo must be white.");

  /* every problem at once, in either language */
  all = photo_check (server, token, everything_sha, "en", &status);
  found_everything = answer_codes (all);
  g_assert_cmpstr (found_everything, ==, "photo_size,photo_ratio,photo_background");
  all_zh = photo_check (server, token, everything_sha, "zh-CN", &status);
  g_assert_cmpuint (status, ==, 200);
  found_zh = answer_codes (all_zh);
  g_assert_cmpstr (found_zh, ==, found_everything);

  not_photo = photo_check (server, token, pdf_sha, "en", &status);
  found_pdf = answer_codes (not_photo);
  g_assert_cmpstr (found_pdf, ==, "photo_type");

  /* only for those who may read the blob */
  foreign = photo_check (server, other, white_sha, "en", &status);
  g_assert_cmpuint (status, ==, 404);
  zc_test_assert_error (foreign, "not_found");
  anonymous = photo_check (server, NULL, white_sha, "en", &status);
  g_assert_cmpuint (status, ==, 401);
  zc_test_assert_error (anonymous, "unauthenticated");

  /* another deployment, other rules */
  yunnan = zc_test_server_start_full (NULL, demo, yunnan_env);
  yunnan_token = zc_test_server_login (yunnan, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_clear_pointer (&blue_sha, g_free);
  g_assert_cmpuint (put_blob (yunnan, yunnan_token, blue, &blue_sha), ==, 201);
  blue_in_yunnan = photo_check (yunnan, yunnan_token, blue_sha, "en", &status);
  found_yunnan = answer_codes (blue_in_yunnan);
  g_assert_cmpstr (found_yunnan, ==, "");
  g_assert_cmpstr (zc_test_member_string (blue_in_yunnan, "rules"), ==, "yunnan");

  zc_test_server_stop (yunnan);
  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/photo-check/facts", test_facts);
  g_test_add_func ("/server/photo-check/good-photos", test_good_photos);
  g_test_add_func ("/server/photo-check/bad-photos", test_bad_photos);
  g_test_add_func ("/server/photo-check/every-problem-at-once", test_every_problem_at_once);
  g_test_add_func ("/server/photo-check/http", test_photo_check_http);

  return g_test_run ();
}
