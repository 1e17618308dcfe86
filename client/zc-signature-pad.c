/* zc-signature-pad.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-signature-pad"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-signature-pad.h"

/* Strokes are arrays of points; a pen stroke's width follows its
 * pressure.  The stylus gesture takes pens (it knows the pressure), the
 * drag gesture takes mice and fingers and leaves pens to it. */

typedef struct
{
  double x, y, pressure;
} Point;

struct _ZcSignaturePad
{
  GtkWidget  parent_instance;

  GtkWidget *area;          /* GtkDrawingArea */
  GtkWidget *hint;
  GtkWidget *clear_button;
  GPtrArray *strokes;       /* owned: GArray of Point */
  GArray    *current;       /* borrowed from strokes, nullable */
  gboolean   editable;
  double     drag_x, drag_y;
};

G_DEFINE_FINAL_TYPE (ZcSignaturePad, zc_signature_pad, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* a line as wide as this part of the pad's height */
#define LINE_WIDTH 0.018

static void
draw_strokes (ZcSignaturePad *self,
              cairo_t        *cr,
              double          width,
              double          height,
              double          red,
              double          green,
              double          blue)
{
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint s = 0; s < self->strokes->len; s++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, s);

      if (stroke->len == 1)
        {
          const Point *p = &g_array_index (stroke, Point, 0);

          cairo_arc (cr, p->x * width, p->y * height, LINE_WIDTH * height * (0.5 + p->pressure) / 2, 0, 2 * G_PI);
          cairo_fill (cr);
          continue;
        }
      for (guint i = 1; i < stroke->len; i++)
        {
          const Point *a = &g_array_index (stroke, Point, i - 1);
          const Point *b = &g_array_index (stroke, Point, i);

          cairo_set_line_width (cr, LINE_WIDTH * height * (0.5 + (a->pressure + b->pressure) / 2));
          cairo_move_to (cr, a->x * width, a->y * height);
          cairo_line_to (cr, b->x * width, b->y * height);
          cairo_stroke (cr);
        }
    }
}

static void
draw_area (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  ZcSignaturePad *self = user_data;
  GdkRGBA color;

  /* the baseline to sign on */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, width * 0.08, height * 0.78 + 0.5);
  cairo_line_to (cr, width * 0.92, height * 0.78 + 0.5);
  cairo_stroke (cr);

  draw_strokes (self, cr, width, height, color.red, color.green, color.blue);
}

static void
update_state (ZcSignaturePad *self)
{
  gtk_widget_set_visible (self->hint, self->strokes->len == 0);
  gtk_widget_set_sensitive (self->clear_button, self->editable && self->strokes->len > 0);
  gtk_widget_queue_draw (self->area);
}

static double
clamp01 (double value)
{
  return CLAMP (value, 0.0, 1.0);
}

void
zc_signature_pad_begin_stroke (ZcSignaturePad *self,
                               double          x,
                               double          y,
                               double          pressure)
{
  Point point = { clamp01 (x), clamp01 (y), clamp01 (pressure) };

  g_return_if_fail (ZC_IS_SIGNATURE_PAD (self));

  if (!self->editable)
    return;
  self->current = g_array_new (FALSE, FALSE, sizeof (Point));
  g_array_append_val (self->current, point);
  g_ptr_array_add (self->strokes, self->current);
  update_state (self);
}

void
zc_signature_pad_extend_stroke (ZcSignaturePad *self,
                                double          x,
                                double          y,
                                double          pressure)
{
  Point point = { clamp01 (x), clamp01 (y), clamp01 (pressure) };

  g_return_if_fail (ZC_IS_SIGNATURE_PAD (self));

  if (self->current == NULL)
    return;
  g_array_append_val (self->current, point);
  gtk_widget_queue_draw (self->area);
}

void
zc_signature_pad_end_stroke (ZcSignaturePad *self)
{
  g_return_if_fail (ZC_IS_SIGNATURE_PAD (self));

  if (self->current == NULL)
    return;
  self->current = NULL;
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
zc_signature_pad_clear (ZcSignaturePad *self)
{
  g_return_if_fail (ZC_IS_SIGNATURE_PAD (self));

  self->current = NULL;
  if (self->strokes->len == 0)
    return;
  g_ptr_array_set_size (self->strokes, 0);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Input */

static gboolean
to_pad (ZcSignaturePad *self,
        double          x,
        double          y,
        double         *px,
        double         *py)
{
  int width = gtk_widget_get_width (self->area);
  int height = gtk_widget_get_height (self->area);

  if (width <= 0 || height <= 0)
    return FALSE;
  *px = x / width;
  *py = y / height;
  return TRUE;
}

static double
stylus_pressure (GtkGestureStylus *gesture)
{
  double pressure;

  if (!gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    pressure = 0.5;
  return pressure;
}

static void
on_stylus_down (GtkGestureStylus *gesture,
                double            x,
                double            y,
                ZcSignaturePad   *self)
{
  double px, py;

  if (to_pad (self, x, y, &px, &py))
    zc_signature_pad_begin_stroke (self, px, py, stylus_pressure (gesture));
}

static void
on_stylus_motion (GtkGestureStylus *gesture,
                  double            x,
                  double            y,
                  ZcSignaturePad   *self)
{
  double px, py;

  if (to_pad (self, x, y, &px, &py))
    zc_signature_pad_extend_stroke (self, px, py, stylus_pressure (gesture));
}

static void
on_stylus_up (GtkGestureStylus *gesture,
              double            x,
              double            y,
              ZcSignaturePad   *self)
{
  zc_signature_pad_end_stroke (self);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               ZcSignaturePad *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  GdkDeviceTool *tool = event != NULL ? gdk_event_get_device_tool (event) : NULL;
  double px, py;

  /* pens are the stylus gesture's */
  if (tool != NULL && (gdk_device_tool_get_tool_type (tool) == GDK_DEVICE_TOOL_TYPE_PEN ||
                       gdk_device_tool_get_tool_type (tool) == GDK_DEVICE_TOOL_TYPE_ERASER))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_x = x;
  self->drag_y = y;
  if (to_pad (self, x, y, &px, &py))
    zc_signature_pad_begin_stroke (self, px, py, 0.5);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                ZcSignaturePad *self)
{
  double px, py;

  if (to_pad (self, self->drag_x + dx, self->drag_y + dy, &px, &py))
    zc_signature_pad_extend_stroke (self, px, py, 0.5);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             ZcSignaturePad *self)
{
  zc_signature_pad_end_stroke (self);
}

/* Export */

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
zc_signature_pad_to_png (ZcSignaturePad  *self,
                         guint            width,
                         guint            height,
                         gboolean         white_background,
                         GError         **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (ZC_IS_SIGNATURE_PAD (self), NULL);
  g_return_val_if_fail (width > 0 && width <= 4096 && height > 0 && height <= 4096, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->strokes->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Sign on the pad first"));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  if (white_background)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  draw_strokes (self, cr, width, height, 0, 0, 0);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, write_to_array, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

gboolean
zc_signature_pad_is_empty (ZcSignaturePad *self)
{
  g_return_val_if_fail (ZC_IS_SIGNATURE_PAD (self), TRUE);
  return self->strokes->len == 0;
}

guint
zc_signature_pad_get_n_strokes (ZcSignaturePad *self)
{
  g_return_val_if_fail (ZC_IS_SIGNATURE_PAD (self), 0);
  return self->strokes->len;
}

void
zc_signature_pad_set_editable (ZcSignaturePad *self,
                               gboolean        editable)
{
  g_return_if_fail (ZC_IS_SIGNATURE_PAD (self));

  self->editable = !!editable;
  if (!editable)
    self->current = NULL;
  update_state (self);
}

GtkWidget *
zc_signature_pad_get_clear_button (ZcSignaturePad *self)
{
  g_return_val_if_fail (ZC_IS_SIGNATURE_PAD (self), NULL);
  return self->clear_button;
}

/* GObject */

static void
zc_signature_pad_dispose (GObject *object)
{
  ZcSignaturePad *self = ZC_SIGNATURE_PAD (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (zc_signature_pad_parent_class)->dispose (object);
}

static void
zc_signature_pad_finalize (GObject *object)
{
  ZcSignaturePad *self = ZC_SIGNATURE_PAD (object);

  g_clear_pointer (&self->strokes, g_ptr_array_unref);
  G_OBJECT_CLASS (zc_signature_pad_parent_class)->finalize (object);
}

static void
zc_signature_pad_class_init (ZcSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_signature_pad_dispose;
  object_class->finalize = zc_signature_pad_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zc-signature-pad");
}

static void
zc_signature_pad_init (ZcSignaturePad *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGesture *stylus, *drag;
  GtkWidget *frame, *overlay, *bar;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->editable = TRUE;

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area), 160);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->area), 280);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_area, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature pad"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Sign here with a mouse, a pen or a finger; or upload a scan of the signed letter instead"),
                                  -1);

  stylus = gtk_gesture_stylus_new ();
  g_signal_connect (stylus, "down", G_CALLBACK (on_stylus_down), self);
  g_signal_connect (stylus, "motion", G_CALLBACK (on_stylus_motion), self);
  g_signal_connect (stylus, "up", G_CALLBACK (on_stylus_up), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (stylus));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (drag), FALSE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (drag));

  /* Translators: shown on the empty signature pad */
  self->hint = gtk_label_new (_("Sign here"));
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_widget_set_can_target (self->hint, FALSE);
  gtk_widget_set_valign (self->hint, GTK_ALIGN_CENTER);

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->area);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->hint);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), overlay);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_parent (frame, GTK_WIDGET (self));

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->clear_button = gtk_button_new_with_mnemonic (_("C_lear Signature"));
  gtk_widget_set_halign (self->clear_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (zc_signature_pad_clear), self);
  gtk_box_append (GTK_BOX (bar), self->clear_button);
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  update_state (self);
}

GtkWidget *
zc_signature_pad_new (void)
{
  return g_object_new (ZC_TYPE_SIGNATURE_PAD, NULL);
}
