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
  options->session_idle_seconds = 12 * 60 * 60;
  options->session_max_seconds = 7 * 24 * 60 * 60;
  options->login_window_seconds = 15 * 60;
  options->login_max_failures = 5;
  options->login_max_failures_per_address = 30;
  options->hash_concurrency = 2;
  options->tombstone_days = 400;

  return options;
}

ZcServerOptions *
zc_server_options_copy (const ZcServerOptions *options)
{
  ZcServerOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->data_dir = g_strdup (options->data_dir);
  copy->listen_host = g_strdup (options->listen_host);
  copy->tls_cert = g_strdup (options->tls_cert);
  copy->tls_key = g_strdup (options->tls_key);

  return copy;
}

static gboolean
env_unsigned (const char  *name,
              guint64      min,
              guint64      max,
              guint64     *value,
              GError     **error)
{
  const char *text = g_getenv (name);

  if (text == NULL || *text == '\0')
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, value, NULL))
    {
      g_autofree char *min_text = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      /* Translators: the first %s is the name of an environment variable */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a whole number from %s to %s, not “%s”"),
                   name, min_text, max_text, text);
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_server_options_load_environment:
 *
 * Reads the security settings that deployments rarely change and
 * tests must shorten: session lifetimes, the login-attempt window and
 * limits, the number of concurrent password hashes, and the test-only
 * cheap hash.
 */
gboolean
zc_server_options_load_environment (ZcServerOptions  *options,
                                    GError          **error)
{
  guint64 idle = (guint64) options->session_idle_seconds;
  guint64 max = (guint64) options->session_max_seconds;
  guint64 window = (guint64) options->login_window_seconds;
  guint64 failures = options->login_max_failures;
  guint64 address_failures = options->login_max_failures_per_address;
  guint64 hashes = options->hash_concurrency;
  guint64 tombstone_days = options->tombstone_days;

  g_return_val_if_fail (options != NULL, FALSE);

  if (!env_unsigned ("ZHICHENG_SESSION_IDLE_SECONDS", 1, 366 * 24 * 3600, &idle, error) ||
      !env_unsigned ("ZHICHENG_SESSION_MAX_SECONDS", 1, 366 * 24 * 3600, &max, error) ||
      !env_unsigned ("ZHICHENG_LOGIN_WINDOW_SECONDS", 1, 24 * 3600, &window, error) ||
      !env_unsigned ("ZHICHENG_LOGIN_MAX_FAILURES", 1, 1000, &failures, error) ||
      !env_unsigned ("ZHICHENG_LOGIN_MAX_FAILURES_PER_ADDRESS", 1, 100000, &address_failures, error) ||
      !env_unsigned ("ZHICHENG_HASH_CONCURRENCY", 1, 64, &hashes, error) ||
      !env_unsigned ("ZHICHENG_TOMBSTONE_DAYS", 0, 36500, &tombstone_days, error))
    return FALSE;

  options->session_idle_seconds = (gint64) idle;
  options->session_max_seconds = (gint64) max;
  options->login_window_seconds = (gint64) window;
  options->login_max_failures = (guint) failures;
  options->login_max_failures_per_address = (guint) address_failures;
  options->hash_concurrency = (guint) hashes;
  options->tombstone_days = (guint) tombstone_days;
  options->fast_hash = g_strcmp0 (g_getenv ("ZHICHENG_TEST_FAST_HASH"), "1") == 0;

  return TRUE;
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
