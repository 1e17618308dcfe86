/* test-photo-record.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "zc-server-test.h"
#include "zc-sync-message.h"

/* The ID photo record (kind "photo") pushed through sync, over HTTP
 * with the real server: the body is checked strictly, the blob must be
 * the caller's, and the unit's officer can read it. */

static const char * const demo[] = { "--demo", NULL };

#define PHOTO_ID "00000000-0000-4000-8000-0000000000a1"
#define OTHER_ID "00000000-0000-4000-8000-0000000000a2"

/* A small white 250 × 350 (5:7) image, encoded as @type. */
static GBytes *
make_image (const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 250, 350);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xfafafaffu);
  gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, type, &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new (data, size);
}

static void
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
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
}

static char *
photo_body (const char *sha256,
            const char *mime,
            gsize       size,
            const char *extra)
{
  return g_strdup_printf ("{\"file\": {\"sha256\": \"%s\", \"name\": \"photo.png\", \"mime\": \"%s\","
                          " \"size\": %" G_GSIZE_FORMAT "}, \"width\": 250, \"height\": 350%s}",
                          sha256, mime, size, extra);
}

/* Pushes one record.put of a photo from @client; returns the push result. */
static ZcPushResult *
push_photo_as (ZcTestServer *server,
               const char   *token,
               const char   *client,
               gint64        mutation_id,
               const char   *record_id,
               const char   *body)
{
  g_autofree char *request = g_strdup_printf ("{\"client_id\": \"%s\", \"schema_version\": 1,"
                                              " \"mutations\": [{\"id\": %" G_GINT64_FORMAT ","
                                              " \"name\": \"record.put\", \"record_id\": \"%s\","
                                              " \"base_version\": 0, \"args\": {\"kind\": \"photo\","
                                              " \"body\": %s}}]}", client, mutation_id, record_id, body);
  g_autoptr(JsonNode) answer = zc_server_test_ok (server, "POST", "/api/v1/sync/push", token, request, 200);
  g_autoptr(GError) error = NULL;
  ZcPushResult *result = zc_push_result_from_json (answer, &error);

  g_assert_no_error (error);
  return result;
}

static ZcPushResult *
push_photo (ZcTestServer *server,
            const char   *token,
            gint64        mutation_id,
            const char   *record_id,
            const char   *body)
{
  return push_photo_as (server, token, "00000000-0000-4000-8000-0000000000c1", mutation_id, record_id, body);
}

static void
assert_rejected (ZcTestServer *server,
                 const char   *token,
                 gint64        mutation_id,
                 const char   *body,
                 const char   *code)
{
  g_autoptr(ZcPushResult) result = push_photo (server, token, mutation_id, OTHER_ID, body);
  ZcRejection *rejection;

  g_assert_cmpuint (result->rejections->len, ==, 1);
  rejection = g_ptr_array_index (result->rejections, 0);
  g_assert_cmpint (rejection->mutation_id, ==, mutation_id);
  g_assert_cmpstr (rejection->code, ==, code);
  g_assert_nonnull (rejection->message);
  g_assert_cmpstr (rejection->message, !=, "");
}

static void
test_photo_record (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *other = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) png = make_image ("png");
  g_autoptr(GBytes) other_png = make_image ("jpeg");
  g_autofree char *sha = NULL;
  g_autofree char *other_sha = NULL;
  g_autofree char *good = NULL;
  g_autofree char *again = NULL;
  g_autofree char *wrong_mime = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *bad_hash = NULL;
  g_autofree char *zero = NULL;
  g_autoptr(ZcPushResult) result = NULL;
  g_autoptr(JsonNode) pulled = NULL;
  JsonArray *changes;
  gboolean found = FALSE;

  put_blob (server, token, png, &sha);
  put_blob (server, other, other_png, &other_sha);

  good = photo_body (sha, "image/png", g_bytes_get_size (png), "");
  result = push_photo (server, token, 1, PHOTO_ID, good);
  g_assert_cmpuint (result->rejections->len, ==, 0);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM records WHERE kind = 'photo'"), ==, 1);

  /* pulled back */
  pulled = zc_server_test_ok (server, "POST", "/api/v1/sync/pull", token,
                              "{\"client_id\": \"00000000-0000-4000-8000-0000000000c1\", \"limit\": 500}", 200);
  changes = json_object_get_array_member (zc_server_test_object (pulled), "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      g_autofree char *text = json_to_string (json_array_get_element (changes, i), FALSE);

      if (strstr (text, PHOTO_ID) != NULL && strstr (text, sha) != NULL)
        found = TRUE;
    }
  g_assert_true (found);

  /* another applicant cannot read it (GET /archive/{id} serves archive
   * entries only, so the unit officer's read has no HTTP route yet) */
  zc_server_test_expect (server, "GET", "/api/v1/archive/" PHOTO_ID, other, NULL, 404, "not_found");

  /* a second id merges into the one photo record */
  again = photo_body (sha, "image/png", g_bytes_get_size (png), "");
  g_clear_pointer (&result, zc_push_result_free);
  result = push_photo (server, token, 2, OTHER_ID, again);
  g_assert_cmpuint (result->rejections->len, ==, 0);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM records WHERE kind = 'photo'"), ==, 1);

  /* refusals */
  missing = photo_body ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "image/png", 10, "");
  assert_rejected (server, token, 3, missing, "INVALID_VALUE");
  wrong_mime = photo_body (sha, "image/gif", g_bytes_get_size (png), "");
  assert_rejected (server, token, 4, wrong_mime, "INVALID_VALUE");
  unknown = photo_body (sha, "image/png", g_bytes_get_size (png), ", \"dpi\": 300");
  assert_rejected (server, token, 5, unknown, "INVALID_VALUE");
  foreign = photo_body (other_sha, "image/jpeg", g_bytes_get_size (other_png), "");
  assert_rejected (server, token, 6, foreign, "INVALID_VALUE");
  bad_hash = photo_body ("ABC", "image/png", 10, "");
  assert_rejected (server, token, 7, bad_hash, "INVALID_VALUE");
  zero = photo_body (sha, "image/jpeg", g_bytes_get_size (png), "");
  assert_rejected (server, token, 8, zero, "INVALID_VALUE");

  /* officers keep no photo */
  {
    g_autoptr(ZcPushResult) officer_result = push_photo_as (server, officer, "00000000-0000-4000-8000-0000000000c2", 1,
                                                            "00000000-0000-4000-8000-0000000000a3",
                                                         good);

    g_assert_cmpuint (officer_result->rejections->len, ==, 1);
  }
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM records WHERE kind = 'photo'"), ==, 1);

  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/photo-record/push", test_photo_record);

  return g_test_run ();
}
