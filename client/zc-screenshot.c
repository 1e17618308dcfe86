/* zc-screenshot.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-screenshot"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "zc-screenshot.h"

/**
 * zc_screenshot_widget:
 *
 * Renders @widget as it is drawn now into a PNG file.  Used by the
 * screenshot tool and the UI tests, so pictures of every page can be
 * made under Xvfb without a window manager or an X grab.
 */
gboolean
zc_screenshot_widget (GtkWidget   *widget,
                      const char  *png_path,
                      GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (png_path != NULL, FALSE);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0 || gtk_widget_get_native (widget) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           "The widget has not been drawn yet");
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (texture == NULL)
    {
      /* Broadway's renderer cannot render to a texture: use cairo. */
      g_autoptr(GskRenderer) fallback = gsk_cairo_renderer_new ();

      if (!gsk_renderer_realize (fallback, NULL, error))
        return FALSE;
      texture = gsk_renderer_render_texture (fallback, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gsk_renderer_unrealize (fallback);
    }

  {
    g_autofree char *folder = g_path_get_dirname (png_path);

    if (g_mkdir_with_parents (folder, 0755) != 0)
      {
        int saved_errno = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     "Cannot create %s: %s", folder, g_strerror (saved_errno));
        return FALSE;
      }
  }

  if (!gdk_texture_save_to_png (texture, png_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", png_path);
      return FALSE;
    }

  return TRUE;
}
