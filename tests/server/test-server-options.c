/* test-server-options.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "zc-server-options.h"

static void
test_listen_good (void)
{
  static const struct { const char *text; const char *host; guint16 port; } cases[] = {
    { "127.0.0.1:8080", "127.0.0.1", 8080 },
    { "0.0.0.0:0", "0.0.0.0", 0 },
    { ":9000", "127.0.0.1", 9000 },
    { "[::1]:65535", "::1", 65535 },
    { "localhost:8443", "localhost", 8443 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ZcServerOptions) options = zc_server_options_new ();
      g_autoptr(GError) error = NULL;

      g_assert_true (zc_server_options_parse_listen (options, cases[i].text, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (options->listen_host, ==, cases[i].host);
      g_assert_cmpuint (options->listen_port, ==, cases[i].port);
    }
}

static void
test_listen_bad (void)
{
  static const char *cases[] = {
    "", "8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1",
    "127.0.0.1:80x", "[::1]8080", "[::1", ":",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ZcServerOptions) options = zc_server_options_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (zc_server_options_parse_listen (options, cases[i], &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      /* the defaults are untouched */
      g_assert_cmpstr (options->listen_host, ==, "127.0.0.1");
      g_assert_cmpuint (options->listen_port, ==, 8080);
    }
}

static void
test_parse_arguments (void)
{
  g_autoptr(ZcServerOptions) options = zc_server_options_new ();
  g_autoptr(GError) error = NULL;
  char *args[] = { (char *) "zhicheng-server", (char *) "--data-dir", (char *) "/tmp/zc-x",
                   (char *) "--listen", (char *) "127.0.0.2:81", (char *) "--demo", NULL };
  char **argv = args;
  int argc = G_N_ELEMENTS (args) - 1;

  g_assert_true (zc_server_options_parse (options, &argc, &argv, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (options->data_dir, ==, "/tmp/zc-x");
  g_assert_cmpstr (options->listen_host, ==, "127.0.0.2");
  g_assert_cmpuint (options->listen_port, ==, 81);
  g_assert_true (options->demo);
}

static void
test_parse_arguments_bad (void)
{
  char *tls_only[] = { (char *) "zhicheng-server", (char *) "--tls-cert", (char *) "c.pem", NULL };
  char *stray[] = { (char *) "zhicheng-server", (char *) "extra", NULL };
  char *unknown[] = { (char *) "zhicheng-server", (char *) "--no-such-option", NULL };
  char **cases[] = { tls_only, stray, unknown };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ZcServerOptions) options = zc_server_options_new ();
      g_autoptr(GError) error = NULL;
      char **argv = cases[i];
      int argc = (int) g_strv_length (argv);

      g_assert_false (zc_server_options_parse (options, &argc, &argv, &error));
      g_assert_nonnull (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/options/listen-good", test_listen_good);
  g_test_add_func ("/server/options/listen-bad", test_listen_bad);
  g_test_add_func ("/server/options/arguments", test_parse_arguments);
  g_test_add_func ("/server/options/arguments-bad", test_parse_arguments_bad);

  return g_test_run ();
}
