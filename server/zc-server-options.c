/* zc-server-options.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-server"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "zc-server-options.h"

#define DEFAULT_HOST "127.0.0.1"
#define DEFAULT_PORT 8080

ZcServerOptions *
zc_server_options_new (void)
{
  ZcServerOptions *options = g_new0 (ZcServerOptions, 1);

  options->data_dir = g_strdup ("zhicheng-data");
  options->listen_host = g_strdup (DEFAULT_HOST);
  options->listen_port = DEFAULT_PORT;

  return options;
}

void
zc_server_options_free (ZcServerOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->data_dir);
  g_free (options->listen_host);
  g_free (options->tls_cert);
  g_free (options->tls_key);
  g_free (options);
}

/**
 * zc_server_options_parse_listen:
 * @address: "HOST:PORT", "[IPv6]:PORT" or ":PORT"
 */
gboolean
zc_server_options_parse_listen (ZcServerOptions  *options,
                                const char       *address,
                                GError          **error)
{
  g_autofree char *host = NULL;
  const char *colon;
  const char *port_text;
  guint64 port = 0;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  if (address[0] == '[')
    {
      const char *close = strchr (address, ']');

      if (close == NULL || close[1] != ':')
        goto invalid;
      host = g_strndup (address + 1, close - address - 1);
      port_text = close + 2;
    }
  else
    {
      colon = strrchr (address, ':');
      if (colon == NULL)
        goto invalid;
      host = colon == address ? g_strdup (DEFAULT_HOST) : g_strndup (address, colon - address);
      port_text = colon + 1;
    }

  if (*host == '\0' || !g_ascii_string_to_unsigned (port_text, 10, 0, G_MAXUINT16, &port, NULL))
    goto invalid;

  g_free (options->listen_host);
  options->listen_host = g_steal_pointer (&host);
  options->listen_port = (guint16) port;

  return TRUE;

invalid:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Invalid listen address “%s”: expected HOST:PORT, for example 127.0.0.1:8080"),
               address);
  return FALSE;
}

gboolean
zc_server_options_parse (ZcServerOptions   *options,
                         int               *argc,
                         char            ***argv,
                         GError           **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  gboolean demo = FALSE;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      N_("Folder for the database and attachments (created if missing)"), N_("DIR") },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen,
      N_("Address to listen on (default 127.0.0.1:8080; port 0 picks a free port)"), N_("ADDR:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert,
      N_("PEM certificate: serve HTTPS"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key,
      N_("PEM private key of the certificate"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_("Mark the database as a demonstration database"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Zhicheng server: the authoritative workflow and attachment store."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (version)
    {
      g_print ("zhicheng-server %s\n", PACKAGE_VERSION);
      exit (EXIT_SUCCESS);
    }

  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }

  if (data_dir != NULL)
    {
      g_free (options->data_dir);
      options->data_dir = g_steal_pointer (&data_dir);
    }
  if (listen != NULL && !zc_server_options_parse_listen (options, listen, error))
    return FALSE;
  if ((tls_cert == NULL) != (tls_key == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--tls-cert and --tls-key must be given together"));
      return FALSE;
    }
  g_free (options->tls_cert);
  options->tls_cert = g_steal_pointer (&tls_cert);
  g_free (options->tls_key);
  options->tls_key = g_steal_pointer (&tls_key);
  options->demo = demo;

  return TRUE;
}
