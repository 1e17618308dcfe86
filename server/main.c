/* main.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zhicheng-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "zc-admin.h"
#include "zc-demo.h"
#include "zc-i18n.h"
#include "zc-server.h"

static gboolean
on_quit_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZcServerOptions) options = zc_server_options_new ();
  g_autoptr(ZcServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *uri_text = NULL;

  /* the admin command speaks the language of the locale it runs in */
  if (argc > 1 && g_str_equal (argv[1], "admin"))
    {
      if (setlocale (LC_ALL, "") == NULL)
        setlocale (LC_ALL, "C.UTF-8");
      zc_i18n_init ();
      textdomain (GETTEXT_PACKAGE);
      return zc_admin_main (argc - 1, argv + 1);
    }

  /* The server speaks Chinese by default and English on request
   * (Accept-Language), whatever the locale it was started in. */
  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  if (!zc_server_options_parse (options, &argc, &argv, &error) ||
      !zc_server_options_load_environment (options, &error))
    {
      g_printerr ("zhicheng-server: %s\n", error->message);
      return 2;
    }

  /* before the first line goes out: a script may stop us at once */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_quit_signal, loop);
  g_unix_signal_add (SIGTERM, on_quit_signal, loop);

  server = zc_server_new (options, &error);
  if (server == NULL || !zc_server_start (server, &error))
    {
      g_printerr ("zhicheng-server: %s\n", error->message);
      return 1;
    }

  /* Scripts and tests read this first line to learn the port. */
  uri = zc_server_get_uri (server);
  uri_text = g_uri_to_string (uri);
  g_print ("Listening on %s\n", uri_text);
  g_print ("Data folder: %s%s\n", options->data_dir, options->demo ? " (demo)" : "");
  if (options->demo)
    {
      g_autofree char *accounts = zc_demo_describe ();

      g_print ("%s", accounts);
    }
  fflush (stdout);

  g_main_loop_run (loop);

  return 0;
}
