/* test-demo-files.c: the files of the demo's declaration — drawn the
 * same each time, of the right types, a photo the rules accept — and a
 * second seeding of the same data folder storing nothing new
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "zc-blob-service.h"
#include "zc-demo-files.h"
#include "zc-photo-check.h"
#include "zc-server-test.h"

static const char * const demo[] = { "--demo", NULL };

static const struct
{
  ZcDemoFile  file;
  const char *mime;
} expected[] = {
  { ZC_DEMO_FILE_PHOTO, "image/jpeg" },
  { ZC_DEMO_FILE_SIGNATURE, "image/png" },
  { ZC_DEMO_FILE_OUTLINE, "application/pdf" },
  { ZC_DEMO_FILE_JOURNAL_COVER, "image/png" },
};

static GBytes *
draw (ZcDemoFile file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = zc_demo_file_draw (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* Byte for byte the same a second later (a clock in a PDF's dates
 * would show), each of its type. */
static void
test_same_bytes (void)
{
  GBytes *first[G_N_ELEMENTS (expected)];

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    first[i] = draw (expected[i].file);
  g_usleep (1100 * 1000);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GBytes) again = draw (expected[i].file);
      gsize size = 0;
      const guint8 *data = g_bytes_get_data (first[i], &size);

      g_assert_true (g_bytes_equal (first[i], again));
      g_assert_cmpstr (zc_blob_sniff_mime (data, size), ==, expected[i].mime);
      g_bytes_unref (first[i]);
    }
}

/* The photo passes every deployment's rules that ask for white (the
 * light blue is close enough), and its size and shape pass them all. */
static void
test_photo_rules (void)
{
  g_autoptr(GBytes) photo = draw (ZC_DEMO_FILE_PHOTO);
  const char * const *names = zc_photo_rules_list_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const ZcPhotoRules *rules = zc_photo_rules_lookup (names[i]);
      ZcPhotoFacts facts = { 0 };

      zc_photo_facts_from_image (photo, rules, &facts);
      g_assert_cmpuint (facts.size, <=, rules->max_bytes);
      g_assert_true (zc_photo_rules_ratio_is_valid (rules, facts.width, facts.height));
      g_assert_true (facts.has_background);
      if (rules->background == ZC_PHOTO_BACKGROUND_WHITE)
        {
          g_autoptr(GPtrArray) problems = NULL;

          g_assert_true (zc_photo_check_image (rules, photo, ZC_LANGUAGE_ENGLISH, &problems));
        }
    }
}

/* The text of the first column of the first row of @sql. */
static char *
query_text (ZcTestServer *server,
            const char   *sql)
{
  g_autofree char *path = zc_test_server_db_path (server);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (text);

  return text;
}

/* Every file under @path, temporary ones included. */
static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      n += g_file_test (child, G_FILE_TEST_IS_DIR) ? count_files (child) : 1;
    }

  return n;
}

#define BLOBS_SQL \
  "SELECT group_concat(sha256 || ' ' || size || ' ' || owner, ',') FROM (SELECT * FROM blobs ORDER BY sha256)"
#define DECLARATION_SQL \
  "SELECT version || ' ' || body FROM records WHERE id = 'de700000-0000-4000-8000-000000000001'"

/* A second start with --demo on the same folder: the same blobs, no
 * new file, the declaration untouched. */
static void
test_reseed (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *data_dir = g_strdup (server->data_dir);
  g_autofree char *declaration = NULL;
  g_autofree char *blobs = NULL;
  g_autofree char *blobs_again = NULL;
  g_autofree char *declaration_again = NULL;
  g_autofree char *blob_dir = g_build_filename (data_dir, "blobs", NULL);

  blobs = query_text (server, BLOBS_SQL);
  declaration = query_text (server, DECLARATION_SQL);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs"), ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blob_uploaders"), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (count_files (blob_dir), ==, G_N_ELEMENTS (expected));
  server->keep_data = TRUE;
  zc_test_server_stop (server);

  server = zc_test_server_start_in (data_dir, demo);
  blobs_again = query_text (server, BLOBS_SQL);
  declaration_again = query_text (server, DECLARATION_SQL);
  g_assert_cmpstr (blobs_again, ==, blobs);
  g_assert_cmpstr (declaration_again, ==, declaration);
  g_assert_cmpuint (count_files (blob_dir), ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blob_uploaders"), ==, G_N_ELEMENTS (expected));
  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/demo-files/same-bytes", test_same_bytes);
  g_test_add_func ("/server/demo-files/photo-rules", test_photo_rules);
  g_test_add_func ("/server/demo-files/reseed", test_reseed);

  return g_test_run ();
}
