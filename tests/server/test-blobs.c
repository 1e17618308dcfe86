/* test-blobs.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "zc-blob-service.h"
#include "zc-blob-store-folder.h"
#include "zc-json.h"
#include "zc-server-test.h"
#include "zc-sqlite-store.h"
#include "zc-store-declarations.h"

/* Blobs over HTTP against the real server: upload, download, limits,
 * types, who may read, caching, concurrency; plus the folder store and
 * the type sniffing on their own. */

static const char * const demo[] = { "--demo", NULL };

/* What a demo server stores before anyone uploads: the files of 周涛's
 * declaration (zc-demo-files.c: photo, signature, defence outline, the
 * journal cover of a picked paper), each with one uploader. */
#define DEMO_BLOBS 4

typedef struct
{
  guint               status;
  JsonNode           *json;      /* nullable: when the answer is JSON */
  GBytes             *body;
  SoupMessageHeaders *headers;   /* of the answer */
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->json, json_node_unref);
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_clear_pointer (&answer->headers, soup_message_headers_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Answer, answer_clear)

typedef struct
{
  const char *token;           /* nullable */
  const char *language;        /* nullable: "en" */
  const char *content_type;    /* nullable */
  const char *file_name;       /* nullable: Content-Disposition */
  const char *if_none_match;   /* nullable */
} Options;

static void
send_request (ZcTestServer  *server,
              const char    *method,
              const char    *path,
              GBytes        *body,
              const Options *options,
              Answer        *answer)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (server->url, path, NULL);
  SoupMessageHeaders *headers;
  const char *content_type;
  gsize length = 0;
  const char *data;

  msg = soup_message_new (method, url);
  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept-Language", options->language ? options->language : "en");
  if (options->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", options->token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (options->if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", options->if_none_match);
  if (options->file_name != NULL)
    {
      g_autofree char *value = g_strdup_printf ("attachment; filename=\"%s\"", options->file_name);

      soup_message_headers_replace (headers, "Content-Disposition", value);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, options->content_type, body);

  answer->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  answer->status = soup_message_get_status (msg);
  answer->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  content_type = soup_message_headers_get_content_type (answer->headers, NULL);
  data = g_bytes_get_data (answer->body, &length);
  if (length > 0 && g_strcmp0 (content_type, "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      json_parser_load_from_data (parser, data, (gssize) length, &error);
      g_assert_no_error (error);
      answer->json = json_node_ref (json_parser_get_root (parser));
    }
}

static char *
blob_path (const char *sha256)
{
  return g_strconcat ("/api/v1/blobs/", sha256, NULL);
}

/* Returns: (transfer full): the address of the blob @bytes */
static char *
path_of (GBytes *bytes)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return blob_path (sha256);
}

static guint
put_blob (ZcTestServer *server,
          const char   *token,
          GBytes       *bytes,
          Answer       *answer)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *path = blob_path (sha256);
  Options options = { .token = token };

  send_request (server, "PUT", path, bytes, &options, answer);
  return answer->status;
}

/* "%PDF-1.4\n" (or another start) then @size pseudo-random bytes */
static GBytes *
make_blob (const char *start,
           gsize       start_length,
           gsize       size,
           guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (start_length + size);

  memcpy (data, start, start_length);
  for (gsize i = 0; i < size; i++)
    data[start_length + i] = (guint8) g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, start_length + size);
}

#define PDF_START  "%PDF-1.4\n"
#define JPEG_START "\xff\xd8\xff\xe0\x00\x10JFIF"
#define PNG_START  "\x89PNG\r\n\x1a\n"
#define STATIC_BYTES(s) g_bytes_new_static ((s), sizeof (s) - 1)

static GBytes *
make_pdf (gsize size, guint32 seed)
{
  return make_blob (PDF_START, sizeof PDF_START - 1, size, seed);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_files (child);
      else
        n++;
    }

  return n;
}

static guint
count_temporary (ZcTestServer *server)
{
  g_autofree char *tmp = g_build_filename (server->data_dir, "blobs", "tmp", NULL);

  g_assert_true (g_file_test (tmp, G_FILE_TEST_IS_DIR));
  return count_files (tmp);
}

/* every file of the blob folder, temporary ones included */
static guint
count_blob_files (ZcTestServer *server)
{
  g_autofree char *root = g_build_filename (server->data_dir, "blobs", NULL);

  return count_files (root);
}

static char *
stored_path (ZcTestServer *server,
             const char   *sha256)
{
  char ab[3] = { sha256[0], sha256[1], 0 };
  char cd[3] = { sha256[2], sha256[3], 0 };

  return g_build_filename (server->data_dir, "blobs", ab, cd, sha256, NULL);
}

static void
assert_error (Answer     *answer,
              guint       status,
              const char *code)
{
  if (answer->status != status)
    g_error ("expected %u %s, got %u", status, code, answer->status);
  zc_test_assert_error (answer->json, code);
}

/* ---- uploads ------------------------------------------------------------ */

static void
test_upload_and_reupload (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) pdf = make_pdf (100 * 1024, 1);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *path = stored_path (server, sha256);
  g_autofree char *contents = NULL;
  g_auto(Answer) first = { 0 };
  g_auto(Answer) second = { 0 };
  GStatBuf before, after;
  gsize length = 0;

  g_assert_cmpuint (put_blob (server, token, pdf, &first), ==, 201);
  g_assert_cmpstr (zc_test_member_string (first.json, "sha256"), ==, sha256);
  g_assert_cmpstr (zc_test_member_string (first.json, "mime"), ==, "application/pdf");
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (first.json), "size"), ==, 100 * 1024 + 9);

  /* stored at blobs/ab/cd/<sha256>, private, byte for byte */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_temporary (server), ==, 0);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs"), ==, DEMO_BLOBS + 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs WHERE size = 102409"
                                                 " AND mime = 'application/pdf' AND owner IS NOT NULL"), ==, 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit WHERE action = 'blob.upload'"), ==, 1);

  /* again: 200, the same answer, the file not written again */
  g_usleep (20 * 1000);
  g_assert_cmpuint (put_blob (server, token, pdf, &second), ==, 200);
  g_assert_cmpstr (zc_test_member_string (second.json, "sha256"), ==, sha256);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs"), ==, DEMO_BLOBS + 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blob_uploaders"), ==, DEMO_BLOBS + 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM audit WHERE action = 'blob.upload'"), ==, 1);
  g_assert_cmpuint (count_blob_files (server), ==, DEMO_BLOBS + 1);

  zc_test_server_stop (server);
}

static void
test_upload_types (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) jpeg = make_blob (JPEG_START, sizeof JPEG_START - 1, 2000, 2);
  g_autoptr(GBytes) png = make_blob (PNG_START, sizeof PNG_START - 1, 2000, 3);
  g_autoptr(GBytes) pdf = make_pdf (2000, 4);
  g_autofree char *jpeg_path = path_of (jpeg);
  g_autofree char *png_path = path_of (png);
  g_autofree char *pdf_path = path_of (pdf);
  Options as_jpg = { .token = token, .content_type = "image/jpg", .file_name = "photo.JPG" };
  Options as_png = { .token = token, .content_type = "image/png" };
  Options as_pdf = { .token = token, .content_type = "application/octet-stream", .file_name = "scan.pdf" };
  g_auto(Answer) a = { 0 };
  g_auto(Answer) b = { 0 };
  g_auto(Answer) c = { 0 };

  /* a type or name that agrees with the content is fine */
  send_request (server, "PUT", jpeg_path, jpeg, &as_jpg, &a);
  g_assert_cmpuint (a.status, ==, 201);
  g_assert_cmpstr (zc_test_member_string (a.json, "mime"), ==, "image/jpeg");
  send_request (server, "PUT", png_path, png, &as_png, &b);
  g_assert_cmpuint (b.status, ==, 201);
  g_assert_cmpstr (zc_test_member_string (b.json, "mime"), ==, "image/png");
  send_request (server, "PUT", pdf_path, pdf, &as_pdf, &c);
  g_assert_cmpuint (c.status, ==, 201);
  g_assert_cmpstr (zc_test_member_string (c.json, "mime"), ==, "application/pdf");
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs"), ==, DEMO_BLOBS + 3);

  zc_test_server_stop (server);
}

static void
test_wrong_hash (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) pdf = make_pdf (200 * 1024, 5);
  g_autoptr(GBytes) other = make_pdf (200 * 1024, 6);
  g_autofree char *other_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, other);
  g_autofree char *path = blob_path (other_sha256);
  g_autofree char *stored = stored_path (server, other_sha256);
  Options en = { .token = token };
  Options zh = { .token = token, .language = "zh-CN" };
  g_auto(Answer) answer = { 0 };
  g_auto(Answer) chinese = { 0 };

  send_request (server, "PUT", path, pdf, &en, &answer);
  assert_error (&answer, 422, "hash_mismatch");
  g_assert_cmpstr (zc_test_member_string (answer.json, "message"), ==,
                   "The content does not match its SHA-256: it was changed or cut short on the way.");
  send_request (server, "PUT", path, pdf, &zh, &chinese);
  assert_error (&chinese, 422, "hash_mismatch");

  /* nothing stored, nothing left behind */
  g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_blob_files (server), ==, DEMO_BLOBS);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs"), ==, DEMO_BLOBS);

  zc_test_server_stop (server);
}

/* ---- raw HTTP, to send headers without the body ------------------------ */

static GSocketConnection *
raw_connect (ZcTestServer *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), (guint16) g_uri_get_port (uri),
                                                NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static void
raw_write (GSocketConnection *connection,
           const void        *data,
           gsize              size)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             data, size, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Reads the status line and the body of an answer. */
static guint
raw_read_answer (GSocketConnection  *connection,
                 char              **body)
{
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_line = NULL;
  gint64 content_length = 0;

  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  status_line = g_data_input_stream_read_line (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (status_line);
  g_assert_true (g_str_has_prefix (status_line, "HTTP/1.1 "));

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (*line == '\0')
        break;
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        content_length = g_ascii_strtoll (line + 15, NULL, 10);
    }

  *body = g_malloc0 ((gsize) content_length + 1);
  g_input_stream_read_all (G_INPUT_STREAM (in), *body, (gsize) content_length, NULL, NULL, &error);
  g_assert_no_error (error);

  return (guint) g_ascii_strtoull (status_line + 9, NULL, 10);
}

/* Sends @request (headers only) on a new connection; reads the answer. */
static guint
raw_request (ZcTestServer  *server,
             const char    *request,
             char         **body)
{
  g_autoptr(GSocketConnection) connection = raw_connect (server);

  raw_write (connection, request, strlen (request));
  return raw_read_answer (connection, body);
}

static void
test_too_large (void)
{
  const char * const small_limit[] = { "ZHICHENG_BLOB_MAX_BYTES=65536", NULL };
  ZcTestServer *server = zc_test_server_start (demo);
  ZcTestServer *small = NULL;
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *small_token = NULL;
  g_autoptr(GBytes) pdf = make_pdf (1000, 7);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *request = NULL;
  g_autofree char *chunked = NULL;
  g_autofree char *body = NULL;
  g_autofree char *body2 = NULL;
  g_autoptr(GBytes) over = make_pdf (65536 - 9 + 1, 8);
  g_autoptr(GBytes) exact = make_pdf (65536 - 9, 9);
  g_auto(Answer) refused = { 0 };
  g_auto(Answer) accepted = { 0 };

  /* a declared length above 10 MiB is refused on the headers alone: the
   * body is never sent (the client waits for 100 Continue) */
  request = g_strdup_printf ("PUT /api/v1/blobs/%s HTTP/1.1\r\nHost: localhost\r\n"
                             "Authorization: Bearer %s\r\nExpect: 100-continue\r\n"
                             "Content-Length: %d\r\n\r\n", sha256, token, 10 * 1024 * 1024 + 1);
  g_assert_cmpuint (raw_request (server, request, &body), ==, 413);
  g_assert_nonnull (strstr (body, "\"body_too_large\""));

  /* a body of unknown length would have to be read to be judged */
  chunked = g_strdup_printf ("PUT /api/v1/blobs/%s HTTP/1.1\r\nHost: localhost\r\n"
                             "Authorization: Bearer %s\r\nExpect: 100-continue\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n", sha256, token);
  g_assert_cmpuint (raw_request (server, chunked, &body2), ==, 411);
  g_assert_nonnull (strstr (body2, "\"length_required\""));
  g_assert_cmpuint (count_blob_files (server), ==, DEMO_BLOBS);

  /* the limit is a setting; a client that sends the body anyway gets
   * the same answer and nothing is kept */
  small = zc_test_server_start_full (NULL, demo, small_limit);
  small_token = zc_test_server_login (small, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_assert_cmpuint (put_blob (small, small_token, over, &refused), ==, 413);
  zc_test_assert_error (refused.json, "body_too_large");
  g_assert_cmpuint (count_blob_files (small), ==, DEMO_BLOBS);
  g_assert_cmpuint (put_blob (small, small_token, exact, &accepted), ==, 201);
  g_assert_cmpint (zc_server_test_count (small, "SELECT count(*) FROM blobs WHERE size = 65536"), ==, 1);

  zc_test_server_stop (small);
  zc_test_server_stop (server);
}

static void
test_wrong_type (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) jpeg = make_blob (JPEG_START, sizeof JPEG_START - 1, 3000, 10);
  g_autoptr(GBytes) pdf = make_pdf (3000, 11);
  g_autoptr(GBytes) text = STATIC_BYTES ("Dear committee,\nplease find my papers attached.\n");
  g_autoptr(GBytes) html = STATIC_BYTES ("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
  g_autoptr(GBytes) gif = STATIC_BYTES ("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
  g_autofree char *jpeg_path = path_of (jpeg);
  g_autofree char *pdf_path = path_of (pdf);
  g_autofree char *text_path = path_of (text);
  g_autofree char *html_path = path_of (html);
  g_autofree char *gif_path = path_of (gif);
  Options named_pdf = { .token = token, .file_name = "scan.pdf" };
  Options typed_pdf = { .token = token, .content_type = "application/pdf" };
  Options typed_png = { .token = token, .content_type = "image/png" };
  Options plain = { .token = token, .content_type = "application/pdf" };
  Options zh = { .token = token, .language = "zh-CN", .file_name = "scan.pdf" };
  g_auto(Answer) a = { 0 };
  g_auto(Answer) b = { 0 };
  g_auto(Answer) c = { 0 };
  g_auto(Answer) d = { 0 };
  g_auto(Answer) e = { 0 };
  g_auto(Answer) f = { 0 };
  g_auto(Answer) g = { 0 };

  /* a JPEG said to be a PDF, by name or by type */
  send_request (server, "PUT", jpeg_path, jpeg, &named_pdf, &a);
  assert_error (&a, 415, "type_mismatch");
  g_assert_cmpstr (zc_test_member_string (a.json, "message"), ==,
                   "The file is a JPEG, not what its name or type says.");
  send_request (server, "PUT", jpeg_path, jpeg, &typed_pdf, &b);
  assert_error (&b, 415, "type_mismatch");
  send_request (server, "PUT", pdf_path, pdf, &typed_png, &c);
  assert_error (&c, 415, "type_mismatch");
  send_request (server, "PUT", jpeg_path, jpeg, &zh, &g);
  assert_error (&g, 415, "type_mismatch");

  /* not an accepted type, whatever it is called */
  send_request (server, "PUT", text_path, text, &plain, &d);
  assert_error (&d, 415, "unsupported_type");
  g_assert_cmpstr (zc_test_member_string (d.json, "message"), ==, "Only PDF, JPEG and PNG files are accepted.");
  send_request (server, "PUT", html_path, html, &plain, &e);
  assert_error (&e, 415, "unsupported_type");
  send_request (server, "PUT", gif_path, gif, &plain, &f);
  assert_error (&f, 415, "unsupported_type");

  g_assert_cmpuint (count_blob_files (server), ==, DEMO_BLOBS);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs"), ==, DEMO_BLOBS);

  zc_test_server_stop (server);
}

static void
test_bad_hash (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) pdf = make_pdf (100, 12);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *upper = g_ascii_strup (sha256, -1);
  g_autofree char *longer = g_strconcat (sha256, "0", NULL);
  g_autofree char *not_hex = g_strdup (sha256);
  const char *bad[] = { upper, "abc123", longer, not_hex, "%20" };
  Options options = { .token = token };

  not_hex[10] = 'g';
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = blob_path (bad[i]);
      g_autofree char *check = g_strconcat (path, "/photo-check", NULL);
      g_auto(Answer) put = { 0 };
      g_auto(Answer) get = { 0 };
      g_auto(Answer) photo = { 0 };

      send_request (server, "PUT", path, pdf, &options, &put);
      assert_error (&put, 400, "invalid_value");
      g_assert_cmpstr (zc_test_member_string (put.json, "field"), ==, "sha256");
      send_request (server, "GET", path, NULL, &options, &get);
      assert_error (&get, 400, "invalid_value");
      send_request (server, "GET", check, NULL, &options, &photo);
      assert_error (&photo, 400, "invalid_value");
    }
  g_assert_cmpuint (count_blob_files (server), ==, DEMO_BLOBS);

  zc_test_server_stop (server);
}

/* ---- reading ------------------------------------------------------------ */

static void
test_read_access (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *owner = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *other = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) pdf = make_pdf (50 * 1024, 13);
  g_autoptr(GBytes) unknown = make_pdf (10, 14);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *path = blob_path (sha256);
  g_autofree char *unknown_path = path_of (unknown);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", sha256);
  Options as_owner = { .token = owner };
  Options as_other = { .token = other };
  Options as_officer = { .token = officer };
  Options anonymous = { 0 };
  g_auto(Answer) upload = { 0 };
  g_auto(Answer) mine = { 0 };
  g_auto(Answer) head = { 0 };
  g_auto(Answer) foreign = { 0 };
  g_auto(Answer) foreign_officer = { 0 };
  g_auto(Answer) missing = { 0 };
  g_auto(Answer) nobody = { 0 };
  g_auto(Answer) again = { 0 };
  g_auto(Answer) now_theirs = { 0 };

  g_assert_cmpuint (put_blob (server, owner, pdf, &upload), ==, 201);

  send_request (server, "GET", path, NULL, &as_owner, &mine);
  g_assert_cmpuint (mine.status, ==, 200);
  g_assert_true (g_bytes_equal (mine.body, pdf));
  g_assert_cmpstr (soup_message_headers_get_content_type (mine.headers, NULL), ==, "application/pdf");
  g_assert_cmpint (soup_message_headers_get_content_length (mine.headers), ==, (goffset) g_bytes_get_size (pdf));
  g_assert_cmpstr (soup_message_headers_get_one (mine.headers, "ETag"), ==, etag);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (mine.headers, "Cache-Control"), "private, max-age="));
  g_assert_cmpstr (soup_message_headers_get_one (mine.headers, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (mine.headers, "Content-Disposition"), "attachment"));
  g_assert_null (soup_message_headers_get_one (mine.headers, "Accept-Ranges"));

  send_request (server, "HEAD", path, NULL, &as_owner, &head);
  g_assert_cmpuint (head.status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (head.body), ==, 0);
  g_assert_cmpint (soup_message_headers_get_content_length (head.headers), ==, (goffset) g_bytes_get_size (pdf));

  /* not theirs: the same answer as for a blob that does not exist */
  send_request (server, "GET", path, NULL, &as_other, &foreign);
  assert_error (&foreign, 404, "not_found");
  send_request (server, "GET", path, NULL, &as_officer, &foreign_officer);
  assert_error (&foreign_officer, 404, "not_found");
  send_request (server, "GET", unknown_path, NULL, &as_owner, &missing);
  assert_error (&missing, 404, "not_found");
  send_request (server, "GET", path, NULL, &anonymous, &nobody);
  assert_error (&nobody, 401, "unauthenticated");
  g_assert_cmpstr (soup_message_headers_get_one (nobody.headers, "WWW-Authenticate"), ==, "Bearer");

  /* sending the same bytes proves holding them: now they may read it */
  g_assert_cmpuint (put_blob (server, other, pdf, &again), ==, 200);
  send_request (server, "GET", path, NULL, &as_other, &now_theirs);
  g_assert_cmpuint (now_theirs.status, ==, 200);
  g_assert_true (g_bytes_equal (now_theirs.body, pdf));
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blob_uploaders"), ==, DEMO_BLOBS + 2);

  zc_test_server_stop (server);
}

/* Whoever may see a record that names a blob may read the blob: the
 * applicant's unit officer once an archive entry refers to it. */
static void
test_read_through_records (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *owner = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *other = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *hr_officer = zc_test_server_login (server, ZC_TEST_DEMO_HR_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) pdf = make_pdf (30 * 1024, 18);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *path = blob_path (sha256);
  g_autofree char *entry = NULL;
  g_autofree char *entry_path = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  Options as_officer = { .token = officer };
  Options as_other = { .token = other };
  Options as_hr = { .token = hr_officer };
  g_auto(Answer) upload = { 0 };
  g_auto(Answer) before = { 0 };
  g_auto(Answer) after = { 0 };
  g_auto(Answer) stranger = { 0 };
  g_auto(Answer) other_unit = { 0 };
  g_auto(Answer) gone = { 0 };
  guint status = 0;

  g_assert_cmpuint (put_blob (server, owner, pdf, &upload), ==, 201);
  send_request (server, "GET", path, NULL, &as_officer, &before);
  assert_error (&before, 404, "not_found");

  entry = g_strdup_printf ("{\"kind\": \"archive:papers\", \"body\": {\"title\": \"社区高血压患者随访管理效果评价\","
                           " \"published_on\": \"2022-04-01\", \"paper_type\": \"1\", \"journal\": \"中华全科医学\","
                           " \"author_rank\": \"2\", \"own_words\": 4, \"attachments\": [{\"sha256\": \"%s\","
                           " \"name\": \"论文.pdf\", \"mime\": \"application/pdf\", \"size\": %" G_GSIZE_FORMAT "}]}}",
                           sha256, g_bytes_get_size (pdf));
  created = zc_test_server_call (server, "POST", "/api/v1/archive", owner, "en", entry, &status, NULL);
  g_assert_cmpuint (status, ==, 201);

  /* the officer of the applicant's unit reviews the entry: may read */
  send_request (server, "GET", path, NULL, &as_officer, &after);
  g_assert_cmpuint (after.status, ==, 200);
  g_assert_true (g_bytes_equal (after.body, pdf));

  /* nobody else */
  send_request (server, "GET", path, NULL, &as_other, &stranger);
  assert_error (&stranger, 404, "not_found");
  send_request (server, "GET", path, NULL, &as_hr, &other_unit);
  assert_error (&other_unit, 404, "not_found");

  /* a deleted entry no longer lends access */
  entry_path = g_strdup_printf ("/api/v1/archive/%s", zc_test_member_string (created, "id"));
  deleted = zc_test_server_call (server, "DELETE", entry_path, owner, "en", NULL, &status, NULL);
  g_assert_cmpuint (status, <, 300);
  send_request (server, "GET", path, NULL, &as_officer, &gone);
  assert_error (&gone, 404, "not_found");

  zc_test_server_stop (server);
}

/* Naming a file lends access to it, so an entry may not name a file its
 * author cannot read: another's upload, or one never uploaded. */
static void
test_naming_needs_reading (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *owner = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *other = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) pdf = make_pdf (20 * 1024, 7);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *never = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "never uploaded", -1);
  g_autofree char *path = blob_path (sha256);
  Options as_other = { .token = other };
  g_auto(Answer) upload = { 0 };
  g_auto(Answer) borrowed = { 0 };
  const char *shas[] = { sha256, never };
  gint64 before = zc_server_test_count (server, "SELECT count(*) FROM records");

  g_assert_cmpuint (put_blob (server, owner, pdf, &upload), ==, 201);

  for (guint i = 0; i < G_N_ELEMENTS (shas); i++)
    {
      g_autofree char *entry = g_strdup_printf ("{\"kind\": \"archive:papers\", \"body\": {\"title\": \"借用的附件\","
                                                " \"published_on\": \"2022-04-01\", \"paper_type\": \"1\","
                                                " \"journal\": \"中华全科医学\", \"author_rank\": \"1\", \"own_words\": 4,"
                                                " \"attachments\": [{\"sha256\": \"%s\", \"name\": \"论文.pdf\","
                                                " \"mime\": \"application/pdf\", \"size\": 20480}]}}", shas[i]);
      g_autoptr(JsonNode) refused = NULL;
      guint status = 0;

      refused = zc_test_server_call (server, "POST", "/api/v1/archive", other, "zh-CN", entry, &status, NULL);
      g_assert_cmpuint (status, ==, 400);
      zc_test_assert_error (refused, "blob_missing");
      g_assert_cmpstr (zc_test_member_string (refused, "field"), ==, "attachments[0]");
      g_assert_cmpstr (zc_test_member_string (refused, "message"), !=, "");
    }
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM records"), ==, before);

  /* and the file stays out of reach */
  send_request (server, "GET", path, NULL, &as_other, &borrowed);
  assert_error (&borrowed, 404, "not_found");

  zc_test_server_stop (server);
}

static void
test_etag (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *owner = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *other = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) png = make_blob (PNG_START, sizeof PNG_START - 1, 4000, 15);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *path = blob_path (sha256);
  g_autofree char *strong = g_strdup_printf ("\"%s\"", sha256);
  g_autofree char *weak_list = g_strdup_printf ("\"0000\", W/\"%s\"", sha256);
  const char *not_modified[] = { strong, weak_list, "*" };
  Options stale = { .token = owner, .if_none_match = "\"0123456789\"" };
  Options foreign = { .token = other, .if_none_match = strong };
  g_auto(Answer) upload = { 0 };
  g_auto(Answer) fresh = { 0 };
  g_auto(Answer) refused = { 0 };

  g_assert_cmpuint (put_blob (server, owner, png, &upload), ==, 201);

  for (guint i = 0; i < G_N_ELEMENTS (not_modified); i++)
    {
      Options options = { .token = owner, .if_none_match = not_modified[i] };
      g_auto(Answer) answer = { 0 };

      send_request (server, "GET", path, NULL, &options, &answer);
      g_assert_cmpuint (answer.status, ==, 304);
      g_assert_cmpuint (g_bytes_get_size (answer.body), ==, 0);
      g_assert_cmpstr (soup_message_headers_get_one (answer.headers, "ETag"), ==, strong);
    }

  send_request (server, "GET", path, NULL, &stale, &fresh);
  g_assert_cmpuint (fresh.status, ==, 200);
  g_assert_true (g_bytes_equal (fresh.body, png));

  /* a matching tag tells nothing to someone who may not read the blob */
  send_request (server, "GET", path, NULL, &foreign, &refused);
  assert_error (&refused, 404, "not_found");

  zc_test_server_stop (server);
}

/* ---- concurrency -------------------------------------------------------- */

/* Two clients send the same blob at the same time: both have sent half
 * of it (so both found it missing and are writing a temporary file)
 * before either finishes. */
static void
test_concurrent_upload (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *one = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *two = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT2, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) pdf = make_pdf (1024 * 1024, 16);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *path = blob_path (sha256);
  const char *tokens[2] = { one, two };
  GSocketConnection *connections[2];
  char *bodies[2];
  guint statuses[2];
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pdf, &size);
  gsize half = size / 2;
  Options as_one = { .token = one };
  Options as_two = { .token = two };
  g_auto(Answer) got_one = { 0 };
  g_auto(Answer) got_two = { 0 };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *head = g_strdup_printf ("PUT %s HTTP/1.1\r\nHost: localhost\r\n"
                                               "Authorization: Bearer %s\r\nContent-Type: application/pdf\r\n"
                                               "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                                               path, tokens[i], size);

      connections[i] = raw_connect (server);
      raw_write (connections[i], head, strlen (head));
      raw_write (connections[i], data, half);
    }
  /* both halves are in: two uploads under way */
  while (count_temporary (server) < 2)
    g_usleep (10 * 1000);

  for (guint i = 0; i < 2; i++)
    {
      raw_write (connections[i], data + half, size - half);
      statuses[i] = raw_read_answer (connections[i], &bodies[i]);
      g_assert_nonnull (strstr (bodies[i], sha256));
      g_free (bodies[i]);
      g_object_unref (connections[i]);
    }

  /* one created it, the other found it there; stored once */
  g_assert_cmpuint (MIN (statuses[0], statuses[1]), ==, 200);
  g_assert_cmpuint (MAX (statuses[0], statuses[1]), ==, 201);
  g_assert_cmpuint (count_blob_files (server), ==, DEMO_BLOBS + 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs"), ==, DEMO_BLOBS + 1);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blob_uploaders"), ==, DEMO_BLOBS + 2);

  send_request (server, "GET", path, NULL, &as_one, &got_one);
  send_request (server, "GET", path, NULL, &as_two, &got_two);
  g_assert_cmpuint (got_one.status, ==, 200);
  g_assert_cmpuint (got_two.status, ==, 200);
  g_assert_true (g_bytes_equal (got_one.body, pdf));
  g_assert_true (g_bytes_equal (got_two.body, pdf));

  zc_test_server_stop (server);
}

/* A client that goes away in the middle leaves nothing behind. */
static void
test_interrupted_upload (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) pdf = make_pdf (512 * 1024, 19);
  g_autofree char *path = path_of (pdf);
  g_autofree char *head = NULL;
  GSocketConnection *connection;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pdf, &size);
  gint64 deadline;

  head = g_strdup_printf ("PUT %s HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %s\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", path, token, size);
  connection = raw_connect (server);
  raw_write (connection, head, strlen (head));
  raw_write (connection, data, size / 2);
  while (count_temporary (server) < 1)
    g_usleep (10 * 1000);

  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  g_object_unref (connection);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (count_blob_files (server) > DEMO_BLOBS && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  g_assert_cmpuint (count_blob_files (server), ==, DEMO_BLOBS);
  g_assert_cmpint (zc_server_test_count (server, "SELECT count(*) FROM blobs"), ==, DEMO_BLOBS);

  zc_test_server_stop (server);
}

/* ---- sessions, methods, settings --------------------------------------- */

static void
test_sessions_and_methods (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *admin = zc_server_test_admin_token (server);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *id_number = zc_server_test_id_number (7, FALSE);
  g_autofree char *body = g_strdup_printf ("{\"id_number\": \"%s\", \"name\": \"吴芳\", \"role\": \"admin\"}", id_number);
  g_autofree char *initial = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(GBytes) pdf = make_pdf (100, 17);
  g_autofree char *path = path_of (pdf);
  Options anonymous = { 0 };
  Options bad_token = { .token = "x" };
  Options fresh = { 0 };
  Options ok = { .token = token };
  g_auto(Answer) a = { 0 };
  g_auto(Answer) b = { 0 };
  g_auto(Answer) c = { 0 };
  g_auto(Answer) d = { 0 };
  g_auto(Answer) e = { 0 };
  g_auto(Answer) f = { 0 };
  g_auto(Answer) g = { 0 };
  g_auto(Answer) rules = { 0 };
  JsonObject *photo;
  guint status = 0;

  send_request (server, "PUT", path, pdf, &anonymous, &a);
  assert_error (&a, 401, "unauthenticated");
  send_request (server, "PUT", path, pdf, &bad_token, &b);
  assert_error (&b, 401, "unauthenticated");

  /* an initial password must be changed first */
  created = zc_test_server_call (server, "POST", "/api/v1/admin/accounts", admin, "en", body, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  initial = zc_test_server_login (server, id_number, zc_test_member_string (created, "initial_password"));
  fresh.token = initial;
  send_request (server, "PUT", path, pdf, &fresh, &c);
  assert_error (&c, 403, "password_change_required");
  g_assert_cmpuint (count_blob_files (server), ==, DEMO_BLOBS);

  send_request (server, "DELETE", path, NULL, &ok, &d);
  assert_error (&d, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (d.headers, "Allow"), ==, "GET, HEAD, PUT");
  send_request (server, "POST", "/api/v1/blobs", NULL, &ok, &e);
  assert_error (&e, 405, "method_not_allowed");
  send_request (server, "GET", "/api/v1/blobs/a/b/c", NULL, &ok, &f);
  assert_error (&f, 404, "not_found");
  send_request (server, "GET", "/api/v1/blobsx", NULL, &ok, &g);
  g_assert_cmpuint (g.status, ==, 404);

  /* what a client needs to check before it uploads */
  send_request (server, "GET", "/api/v1/blobs", NULL, &ok, &rules);
  g_assert_cmpuint (rules.status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (rules.json), "max_bytes"), ==, 10 * 1024 * 1024);
  photo = json_object_get_object_member (zc_server_test_object (rules.json), "photo");
  g_assert_cmpstr (json_object_get_string_member (photo, "rules"), ==, "sichuan");
  g_assert_cmpstr (json_object_get_string_member (photo, "background"), ==, "white");
  g_assert_cmpint (json_object_get_int_member (photo, "max_bytes"), ==, 500 * 1024);
  g_assert_cmpstr (json_object_get_string_member (photo, "min_ratio"), ==, "4.5:7");
  g_assert_cmpstr (json_object_get_string_member (photo, "max_ratio"), ==, "6:7");
  g_assert_cmpstr (json_object_get_string_member (photo, "description"), ==,
                   "JPEG or PNG, at most 500 KB, width to height from 4.5:7 to 6:7, white background.");

  zc_test_server_stop (server);
}

static void
test_settings (void)
{
  const char * const yunnan[] = { "ZHICHENG_PHOTO_RULES=yunnan", "ZHICHENG_BLOB_MAX_BYTES=3145728", NULL };
  const char *binary = g_getenv ("ZHICHENG_SERVER");
  const char * const bad[][2] = {
    { "ZHICHENG_PHOTO_RULES", "guangdong" },
    { "ZHICHENG_BLOB_MAX_BYTES", "12" },
    { "ZHICHENG_BLOB_MAX_BYTES", "ten" },
  };
  ZcTestServer *server = zc_test_server_start_full (NULL, demo, yunnan);
  g_autofree char *token = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  Options ok = { .token = token };
  g_auto(Answer) rules = { 0 };
  JsonObject *photo;

  send_request (server, "GET", "/api/v1/blobs", NULL, &ok, &rules);
  g_assert_cmpint (json_object_get_int_member (zc_server_test_object (rules.json), "max_bytes"), ==, 3145728);
  photo = json_object_get_object_member (zc_server_test_object (rules.json), "photo");
  g_assert_cmpstr (json_object_get_string_member (photo, "rules"), ==, "yunnan");
  g_assert_cmpstr (json_object_get_string_member (photo, "background"), ==, "blue");
  g_assert_cmpint (json_object_get_int_member (photo, "max_bytes"), ==, 1024 * 1024);
  zc_test_server_stop (server);

  /* a wrong setting stops the server at start, naming the setting */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                                                           G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("zc-test-blobs-XXXXXX", &error);
      g_autofree char *err_text = NULL;

      g_assert_no_error (error);
      g_subprocess_launcher_setenv (launcher, bad[i][0], bad[i][1], TRUE);
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
      process = g_subprocess_launcher_spawn (launcher, &error, binary, "--listen", "127.0.0.1:0",
                                             "--data-dir", dir, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err_text, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      g_assert_nonnull (strstr (err_text, bad[i][0]));
      zc_test_rm_rf (dir);
    }
}

/* Uploads a crash cut short are removed when the server starts. */
static void
test_stale_uploads_removed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-test-blobs-XXXXXX", &error);
  g_autofree char *tmp = g_build_filename (dir, "blobs", "tmp", NULL);
  g_autofree char *stale = g_build_filename (tmp, "upload-AbCdEf", NULL);
  g_autoptr(JsonNode) health = NULL;
  ZcTestServer *server;
  guint status = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (tmp, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stale, "%PDF-half", -1, NULL));

  server = zc_test_server_start_in (dir, NULL);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (tmp, G_FILE_TEST_IS_DIR));

  /* main.c installs its SIGTERM handler just after "Listening on":
   * one request makes sure it is there before the stop */
  health = zc_test_server_request (server, "GET", "/api/v1/health", "en", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  zc_test_server_stop (server);
}

/* ---- the parts on their own -------------------------------------------- */

static void
test_sniff (void)
{
  static const guint8 pdf[] = "%PDF-1.7\n";
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xdb, 0x00 };
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0 };
  static const guint8 not_png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0b, 0 };
  static const guint8 bmp[] = "BM6\0\0\0";

  g_assert_cmpstr (zc_blob_sniff_mime (pdf, sizeof pdf - 1), ==, "application/pdf");
  g_assert_cmpstr (zc_blob_sniff_mime (jpeg, sizeof jpeg), ==, "image/jpeg");
  g_assert_cmpstr (zc_blob_sniff_mime (png, sizeof png), ==, "image/png");
  g_assert_null (zc_blob_sniff_mime (not_png, sizeof not_png));
  g_assert_null (zc_blob_sniff_mime (bmp, sizeof bmp));
  g_assert_null (zc_blob_sniff_mime (pdf, 4));   /* "%PDF" without the dash */
  g_assert_null (zc_blob_sniff_mime (jpeg, 2));
  g_assert_null (zc_blob_sniff_mime (NULL, 0));

  g_assert_true (zc_blob_sha256_is_valid ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  g_assert_false (zc_blob_sha256_is_valid ("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
  g_assert_false (zc_blob_sha256_is_valid ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85"));
  g_assert_false (zc_blob_sha256_is_valid (""));
  g_assert_false (zc_blob_sha256_is_valid (NULL));
  g_assert_false (zc_blob_sha256_is_valid ("../../../../etc/passwd/../../../../../../../../../../../../../x"));
}

static void
test_folder_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("zc-test-blobs-XXXXXX", &error);
  g_autoptr(ZcBlobStore) store = NULL;
  g_autoptr(ZcBlobUpload) upload = NULL;
  g_autoptr(ZcBlobUpload) dropped = NULL;
  g_autoptr(ZcBlobUpload) twice = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GBytes) missing = NULL;
  g_autofree char *tmp = NULL;
  const char *sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";   /* "test" */
  gboolean contains = TRUE;
  gboolean created = FALSE;

  g_assert_no_error (error);
  store = zc_blob_store_folder_new (dir, &error);
  g_assert_no_error (error);
  tmp = g_build_filename (dir, "tmp", NULL);

  g_assert_true (zc_blob_store_contains (store, sha256, &contains, &error));
  g_assert_false (contains);
  missing = zc_blob_store_read (store, sha256, &error);
  g_assert_error (error, ZC_BLOB_STORE_ERROR, ZC_BLOB_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);
  g_assert_false (zc_blob_store_contains (store, "TEST", &contains, &error));
  g_assert_error (error, ZC_BLOB_STORE_ERROR, ZC_BLOB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* written in pieces, published under its hash */
  upload = zc_blob_store_begin_upload (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (tmp), ==, 1);
  g_assert_true (zc_blob_upload_write (upload, (const guint8 *) "te", 2, &error));
  g_assert_true (zc_blob_upload_write (upload, (const guint8 *) "st", 2, &error));
  g_assert_true (zc_blob_upload_commit (upload, sha256, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);
  g_assert_cmpuint (count_files (tmp), ==, 0);
  g_assert_false (zc_blob_upload_write (upload, (const guint8 *) "x", 1, &error));
  g_assert_error (error, ZC_BLOB_STORE_ERROR, ZC_BLOB_STORE_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autofree char *path = zc_blob_store_folder_get_path (ZC_BLOB_STORE_FOLDER (store), sha256);
    g_autofree char *expected = g_build_filename (dir, "9f", "86", sha256, NULL);

    g_assert_cmpstr (path, ==, expected);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  read = zc_blob_store_read (store, sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (read, NULL), g_bytes_get_size (read), "test", 4);
  g_assert_true (zc_blob_store_contains (store, sha256, &contains, &error));
  g_assert_true (contains);

  /* the same blob again: kept as it was */
  twice = zc_blob_store_begin_upload (store, &error);
  g_assert_true (zc_blob_upload_write (twice, (const guint8 *) "test", 4, &error));
  g_assert_true (zc_blob_upload_commit (twice, sha256, &created, &error));
  g_assert_false (created);
  g_assert_cmpuint (count_files (tmp), ==, 0);

  /* an upload dropped without a commit leaves nothing */
  dropped = zc_blob_store_begin_upload (store, &error);
  g_assert_true (zc_blob_upload_write (dropped, (const guint8 *) "half", 4, &error));
  g_assert_false (zc_blob_upload_commit (dropped, "not a hash", &created, &error));
  g_assert_error (error, ZC_BLOB_STORE_ERROR, ZC_BLOB_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (tmp), ==, 1);
  g_clear_pointer (&dropped, zc_blob_upload_free);
  g_assert_cmpuint (count_files (tmp), ==, 0);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_clear_object (&store);
  zc_test_rm_rf (dir);
}

static void
test_settings_environment (void)
{
  const char * const bad[][2] = {
    { "ZHICHENG_BLOB_MAX_BYTES", "1023" },
    { "ZHICHENG_BLOB_MAX_BYTES", "268435457" },
    { "ZHICHENG_BLOB_MAX_BYTES", "-5" },
    { "ZHICHENG_BLOB_MAX_BYTES", "10 MB" },
    { "ZHICHENG_PHOTO_RULES", "HENAN" },
    { "ZHICHENG_PHOTO_RULES", "anhui" },
  };
  ZcBlobSettings settings;
  g_autoptr(GError) error = NULL;

  zc_blob_settings_init (&settings);
  g_assert_cmpint (settings.max_bytes, ==, 10 * 1024 * 1024);
  g_assert_cmpstr (settings.photo_rules->name, ==, "sichuan");
  g_assert_true (g_strv_contains (zc_blob_allowed_types (), "application/pdf"));
  g_assert_cmpuint (g_strv_length ((char **) zc_blob_allowed_types ()), ==, 3);

  /* unset or empty: the defaults stay */
  g_unsetenv ("ZHICHENG_BLOB_MAX_BYTES");
  g_setenv ("ZHICHENG_PHOTO_RULES", "", TRUE);
  g_assert_true (zc_blob_settings_load_environment (&settings, &error));
  g_assert_cmpint (settings.max_bytes, ==, 10 * 1024 * 1024);
  g_assert_cmpstr (settings.photo_rules->name, ==, "sichuan");

  g_setenv ("ZHICHENG_BLOB_MAX_BYTES", "1024", TRUE);
  g_setenv ("ZHICHENG_PHOTO_RULES", "henan", TRUE);
  g_assert_true (zc_blob_settings_load_environment (&settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings.max_bytes, ==, 1024);
  g_assert_cmpstr (settings.photo_rules->name, ==, "henan");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_unsetenv ("ZHICHENG_BLOB_MAX_BYTES");
      g_unsetenv ("ZHICHENG_PHOTO_RULES");
      g_setenv (bad[i][0], bad[i][1], TRUE);
      zc_blob_settings_init (&settings);
      g_assert_false (zc_blob_settings_load_environment (&settings, &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      g_assert_nonnull (strstr (error->message, bad[i][0]));
      g_assert_nonnull (strstr (error->message, bad[i][1]));
      g_clear_error (&error);
    }
  g_unsetenv ("ZHICHENG_BLOB_MAX_BYTES");
  g_unsetenv ("ZHICHENG_PHOTO_RULES");
}

/* The demo's declaration: 周涛's, waiting in the hospital's review
 * (server/zc-demo-declarations.c). */
#define DEMO_DECLARANT   "410102198704230033"
#define DEMO_DECLARATION "de700000-0000-4000-8000-000000000001"

/* Keeps @document as a frozen review-form document of the demo
 * declaration, as a submission would (its picked entries' files). */
static void
freeze_document (ZcTestServer *server,
                 const char   *document)
{
  g_autofree char *path = zc_test_server_db_path (server);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcStore) store = zc_sqlite_store_open (path, &error);
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_no_error (error);
  g_assert_true (zc_json_parse (document, strlen (document), ZC_JSON_DEFAULT_MAX_DEPTH, &node, &error));
  txn = zc_store_begin_write (store, &error);
  g_assert_no_error (error);
  g_assert_true (zc_store_declarations_put_snapshot (txn, DEMO_DECLARATION, 1000, node, g_get_real_time (),
                                                     &error));
  g_assert_true (zc_store_txn_commit (txn, &error));
  g_assert_no_error (error);
}

static void
declaration_action (ZcTestServer *server,
                    const char   *token,
                    const char   *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/declarations/%s/actions", DEMO_DECLARATION);
  g_autoptr(JsonNode) answer = zc_server_test_ok (server, "POST", path, token, body, 200);

  g_assert_nonnull (answer);
}

/* Whoever may see a declaration may read the files its body names (here
 * an attachment added while it was returned) and those of its frozen
 * document; an officer of another unit, or of a level it has not
 * reached, may not. */
static void
test_read_through_declarations (void)
{
  ZcTestServer *server = zc_test_server_start (demo);
  g_autofree char *declarant = zc_test_server_login (server, DEMO_DECLARANT, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *officer = zc_test_server_login (server, ZC_TEST_DEMO_UNIT_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *hr_officer = zc_test_server_login (server, ZC_TEST_DEMO_HR_OFFICER, ZC_TEST_DEMO_PASSWORD);
  g_autofree char *department = zc_test_server_login (server, ZC_TEST_DEMO_DEPARTMENT_OFFICER,
                                                      ZC_TEST_DEMO_PASSWORD);
  g_autofree char *applicant = zc_test_server_login (server, ZC_TEST_DEMO_APPLICANT, ZC_TEST_DEMO_PASSWORD);
  g_autoptr(GBytes) outline = make_pdf (20 * 1024, 31);
  g_autoptr(GBytes) scan = make_pdf (10 * 1024, 32);
  g_autofree char *outline_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, outline);
  g_autofree char *scan_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, scan);
  g_autofree char *outline_path = blob_path (outline_sha);
  g_autofree char *scan_path = blob_path (scan_sha);
  g_autofree char *declaration_path = g_strdup_printf ("/api/v1/declarations/%s", DEMO_DECLARATION);
  g_autofree char *put = NULL;
  g_autofree char *document = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autoptr(JsonNode) changed = NULL;
  Options as_officer = { .token = officer };
  Options as_hr = { .token = hr_officer };
  Options as_department = { .token = department };
  Options as_applicant = { .token = applicant };
  g_auto(Answer) upload = { 0 };
  g_auto(Answer) upload_scan = { 0 };
  g_auto(Answer) before = { 0 };
  g_auto(Answer) read = { 0 };
  g_auto(Answer) other_unit = { 0 };
  g_auto(Answer) not_reached = { 0 };
  g_auto(Answer) stranger = { 0 };
  g_auto(Answer) scan_before = { 0 };
  g_auto(Answer) scan_read = { 0 };
  g_auto(Answer) scan_other_unit = { 0 };

  g_assert_cmpuint (put_blob (server, declarant, outline, &upload), ==, 201);
  g_assert_cmpuint (put_blob (server, declarant, scan, &upload_scan), ==, 201);
  send_request (server, "GET", outline_path, NULL, &as_officer, &before);
  assert_error (&before, 404, "not_found");

  /* returned to 周涛, who adds his defence outline */
  declaration_action (server, officer, "{\"action\": \"return\", \"expected_state\": \"unit_review\","
                                       " \"comment\": \"请上传答辩提纲。\"}");
  detail = zc_server_test_ok (server, "GET", declaration_path, declarant, NULL, 200);
  {
    JsonObject *record = json_object_get_object_member (zc_server_test_object (detail), "record");
    JsonObject *body = json_object_get_object_member (record, "body");
    g_autoptr(JsonNode) body_node = NULL;
    g_autofree char *attachments = g_strdup_printf ("{\"attachments\": [{\"requirement\": \"defence-outline\", \"files\":"
                                                    " [{\"sha256\": \"%s\", \"name\": \"答辩提纲.pdf\","
                                                    " \"mime\": \"application/pdf\", \"size\": %" G_GSIZE_FORMAT "}]}]}",
                                                    outline_sha, g_bytes_get_size (outline));
    g_autoptr(JsonNode) attachments_node = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *body_text = NULL;

    g_assert_true (zc_json_parse (attachments, strlen (attachments), ZC_JSON_DEFAULT_MAX_DEPTH, &attachments_node,
                                  &error));
    json_object_set_member (body, "attachments",
                            json_node_copy (json_object_get_member (json_node_get_object (attachments_node),
                                                                    "attachments")));
    body_node = json_node_init_object (json_node_alloc (), body);
    body_text = zc_json_to_string (body_node);
    put = g_strdup_printf ("{\"base_version\": %" G_GINT64_FORMAT ", \"body\": %s}",
                           json_object_get_int_member (record, "version"), body_text);
  }
  changed = zc_server_test_ok (server, "PUT", declaration_path, declarant, put, 200);

  /* the receiving unit's officer reviews it: may read */
  send_request (server, "GET", outline_path, NULL, &as_officer, &read);
  g_assert_cmpuint (read.status, ==, 200);
  g_assert_true (g_bytes_equal (read.body, outline));

  /* another unit's officer, the department (not reached yet), another
   * applicant: not found */
  send_request (server, "GET", outline_path, NULL, &as_hr, &other_unit);
  assert_error (&other_unit, 404, "not_found");
  send_request (server, "GET", outline_path, NULL, &as_department, &not_reached);
  assert_error (&not_reached, 404, "not_found");
  send_request (server, "GET", outline_path, NULL, &as_applicant, &stranger);
  assert_error (&stranger, 404, "not_found");

  /* a file only the frozen document names (a picked entry's scan) */
  send_request (server, "GET", scan_path, NULL, &as_officer, &scan_before);
  assert_error (&scan_before, 404, "not_found");
  document = g_strdup_printf ("{\"entries\": {\"papers\": [{\"record_id\": \"de300000-0000-4000-8000-000000000204\","
                              " \"body\": {\"attachments\": [{\"sha256\": \"%s\", \"name\": \"论文.pdf\","
                              " \"mime\": \"application/pdf\", \"size\": %" G_GSIZE_FORMAT "}]}}]}}",
                              scan_sha, g_bytes_get_size (scan));
  freeze_document (server, document);
  send_request (server, "GET", scan_path, NULL, &as_officer, &scan_read);
  g_assert_cmpuint (scan_read.status, ==, 200);
  g_assert_true (g_bytes_equal (scan_read.body, scan));
  send_request (server, "GET", scan_path, NULL, &as_hr, &scan_other_unit);
  assert_error (&scan_other_unit, 404, "not_found");

  zc_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/blobs/sniff", test_sniff);
  g_test_add_func ("/server/blobs/naming-needs-reading", test_naming_needs_reading);
  g_test_add_func ("/server/blobs/folder-store", test_folder_store);
  g_test_add_func ("/server/blobs/settings-environment", test_settings_environment);
  g_test_add_func ("/server/blobs/upload-and-reupload", test_upload_and_reupload);
  g_test_add_func ("/server/blobs/upload-types", test_upload_types);
  g_test_add_func ("/server/blobs/wrong-hash", test_wrong_hash);
  g_test_add_func ("/server/blobs/too-large", test_too_large);
  g_test_add_func ("/server/blobs/wrong-type", test_wrong_type);
  g_test_add_func ("/server/blobs/bad-hash", test_bad_hash);
  g_test_add_func ("/server/blobs/read-access", test_read_access);
  g_test_add_func ("/server/blobs/read-through-records", test_read_through_records);
  g_test_add_func ("/server/blobs/read-through-declarations", test_read_through_declarations);
  g_test_add_func ("/server/blobs/etag", test_etag);
  g_test_add_func ("/server/blobs/concurrent-upload", test_concurrent_upload);
  g_test_add_func ("/server/blobs/interrupted-upload", test_interrupted_upload);
  g_test_add_func ("/server/blobs/sessions-and-methods", test_sessions_and_methods);
  g_test_add_func ("/server/blobs/settings", test_settings);
  g_test_add_func ("/server/blobs/stale-uploads-removed", test_stale_uploads_removed);

  return g_test_run ();
}
