/* main.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "zc-application.h"
#include "zc-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ZcApplication) application = NULL;

  setlocale (LC_ALL, "");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  application = zc_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
