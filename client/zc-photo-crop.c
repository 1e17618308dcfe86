/* zc-photo-crop.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-photo-crop"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-photo-crop.h"

/* The photo with a crop frame on it.  The frame always has a ratio the
 * rules allow: a corner scales it without changing its proportions, the
 * left and right edges change its width only within 4.5:7 to 6:7, and
 * the middle moves it.  By keyboard: the arrows move it (Shift: by one
 * pixel), + and − scale it, Ctrl+← and Ctrl+→ make it narrower or
 * wider.  Coordinates are pixels of the image. */

#define PADDING      12.0
#define CORNER_REACH 16.0
#define EDGE_REACH   10.0

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_CORNER,
  DRAG_LEFT,
  DRAG_RIGHT,
} DragMode;

struct _ZcPhotoCrop
{
  GtkWidget     parent_instance;

  ZcPhotoRules  rules;        /* a copy; its strings are static */
  GdkPixbuf    *image;        /* owned, nullable */
  GdkTexture   *texture;      /* owned, nullable */
  GdkRectangle  crop;

  DragMode      drag;
  gboolean      drag_top;     /* for DRAG_CORNER: which corner is held */
  gboolean      drag_left;
  GdkRectangle  drag_start;
  double        press_x;
  double        press_y;
};

G_DEFINE_FINAL_TYPE (ZcPhotoCrop, zc_photo_crop, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
image_width (ZcPhotoCrop *self)
{
  return self->image != NULL ? gdk_pixbuf_get_width (self->image) : 0;
}

static int
image_height (ZcPhotoCrop *self)
{
  return self->image != NULL ? gdk_pixbuf_get_height (self->image) : 0;
}

/* Where the image is drawn: its scale and its top-left corner. */
static gboolean
get_layout (ZcPhotoCrop *self,
            double      *scale,
            double      *x,
            double      *y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  int iw = image_width (self), ih = image_height (self);

  if (iw <= 0 || ih <= 0 || width <= 2 * PADDING || height <= 2 * PADDING)
    return FALSE;

  *scale = MIN ((width - 2 * PADDING) / iw, (height - 2 * PADDING) / ih);
  *x = (width - iw * *scale) / 2;
  *y = (height - ih * *scale) / 2;
  return TRUE;
}

static void
update_description (ZcPhotoCrop *self)
{
  g_autofree char *text = NULL;

  /* Translators: the crop frame's size and place in pixels, for screen readers */
  text = g_strdup_printf (_("Crop frame %d × %d pixels at %d, %d. The arrow keys move it, plus and minus "
                            "resize it, Ctrl with the left or right arrow makes it narrower or wider."),
                          self->crop.width, self->crop.height, self->crop.x, self->crop.y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Puts @crop inside the image with a width its height allows,
 * changing as little as it can. */
static void
clamp_crop (ZcPhotoCrop  *self,
            GdkRectangle *crop)
{
  int iw = image_width (self), ih = image_height (self);
  guint lo = 0, hi = 0;
  int h = CLAMP (crop->height, 1, ih);
  int w;

  /* no taller than the narrowest ratio allows on the image's width */
  h = (int) MIN ((gint64) h, (gint64) iw * self->rules.min_ratio_height / self->rules.min_ratio_width);
  h = MAX (h, 1);
  /* the smallest heights have no valid width: grow to one that has */
  while (h < ih && !zc_photo_rules_width_range (&self->rules, (guint) h, &lo, &hi))
    h++;
  if (!zc_photo_rules_width_range (&self->rules, (guint) h, &lo, &hi) || (int) lo > iw)
    {
      *crop = (GdkRectangle) { 0, 0, iw, ih };
      return;
    }

  w = CLAMP (crop->width, (int) lo, (int) MIN (hi, (guint) iw));
  crop->width = w;
  crop->height = h;
  crop->x = CLAMP (crop->x, 0, iw - w);
  crop->y = CLAMP (crop->y, 0, ih - h);
}

void
zc_photo_crop_set_crop (ZcPhotoCrop        *self,
                        const GdkRectangle *crop)
{
  GdkRectangle clamped;

  g_return_if_fail (ZC_IS_PHOTO_CROP (self));
  g_return_if_fail (crop != NULL);

  if (self->image == NULL)
    return;

  clamped = *crop;
  clamp_crop (self, &clamped);
  if (gdk_rectangle_equal (&clamped, &self->crop))
    return;

  self->crop = clamped;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
zc_photo_crop_get_crop (ZcPhotoCrop  *self,
                        GdkRectangle *crop)
{
  g_return_if_fail (ZC_IS_PHOTO_CROP (self));
  g_return_if_fail (crop != NULL);

  *crop = self->crop;
}

/**
 * zc_photo_crop_reset:
 *
 * The whole image when its ratio is allowed; otherwise the largest
 * centred frame of the standard 5:7 (1- and 2-inch photos), within the
 * rules' range.
 */
void
zc_photo_crop_reset (ZcPhotoCrop *self)
{
  int iw, ih;
  GdkRectangle crop;

  g_return_if_fail (ZC_IS_PHOTO_CROP (self));

  iw = image_width (self);
  ih = image_height (self);
  if (iw <= 0)
    return;

  if (zc_photo_rules_ratio_is_valid (&self->rules, (guint) iw, (guint) ih))
    crop = (GdkRectangle) { 0, 0, iw, ih };
  else
    {
      int h = MIN (ih, (int) ((gint64) iw * 7 / 5));
      int w = (int) ((gint64) h * 5 / 7);

      crop = (GdkRectangle) { (iw - w) / 2, (ih - h) / 2, w, h };
    }
  /* a fresh image must announce its crop even when it looks the same */
  self->crop = (GdkRectangle) { -1, -1, 0, 0 };
  zc_photo_crop_set_crop (self, &crop);
}

void
zc_photo_crop_set_image (ZcPhotoCrop *self,
                         GdkPixbuf   *image)
{
  g_return_if_fail (ZC_IS_PHOTO_CROP (self));
  g_return_if_fail (image == NULL || GDK_IS_PIXBUF (image));

  g_set_object (&self->image, image);
  g_clear_object (&self->texture);
  if (image != NULL)
    {
      self->texture = gdk_texture_new_for_pixbuf (image);
      zc_photo_crop_reset (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): the image */
GdkPixbuf *
zc_photo_crop_get_image (ZcPhotoCrop *self)
{
  g_return_val_if_fail (ZC_IS_PHOTO_CROP (self), NULL);
  return self->image;
}

void
zc_photo_crop_move (ZcPhotoCrop *self,
                    int          dx,
                    int          dy)
{
  GdkRectangle crop;

  g_return_if_fail (ZC_IS_PHOTO_CROP (self));

  crop = self->crop;
  crop.x += dx;
  crop.y += dy;
  zc_photo_crop_set_crop (self, &crop);
}

/* Scales the frame about its centre, keeping its proportions. */
void
zc_photo_crop_zoom (ZcPhotoCrop *self,
                    double       factor)
{
  GdkRectangle crop;
  double ratio, h;

  g_return_if_fail (ZC_IS_PHOTO_CROP (self));
  g_return_if_fail (factor > 0);

  if (self->image == NULL || self->crop.height <= 0)
    return;

  ratio = (double) self->crop.width / self->crop.height;
  h = MIN (self->crop.height * factor, (double) image_height (self));
  h = MIN (h, image_width (self) / ratio);
  crop.height = MAX (1, (int) (h + 0.5));
  crop.width = MAX (1, (int) (crop.height * ratio + 0.5));
  crop.x = self->crop.x + (self->crop.width - crop.width) / 2;
  crop.y = self->crop.y + (self->crop.height - crop.height) / 2;
  zc_photo_crop_set_crop (self, &crop);
}

/* Makes the frame wider (or narrower) about its centre, within the
 * ratios allowed. */
void
zc_photo_crop_widen (ZcPhotoCrop *self,
                     int          dw)
{
  GdkRectangle crop;

  g_return_if_fail (ZC_IS_PHOTO_CROP (self));

  crop = self->crop;
  crop.width += dw;
  crop.x -= dw / 2;
  zc_photo_crop_set_crop (self, &crop);
}

/* Drawing */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  if (width > 0 && height > 0)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
zc_photo_crop_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ZcPhotoCrop *self = ZC_PHOTO_CROP (widget);
  const GdkRGBA shade = { 0, 0, 0, 0.55f };
  const GdkRGBA guide = { 1, 1, 1, 0.35f };
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA accent = { 0.21f, 0.52f, 0.89f, 1 };   /* libadwaita's blue */
  const GdkRGBA *edge = gtk_widget_has_focus (widget) ? &accent : &white;
  double scale, ox, oy, x, y, w, h, iw, ih;
  GskRoundedRect frame;
  float widths[4] = { 2, 2, 2, 2 };
  float thin[4] = { 1, 1, 1, 1 };
  const GdkRGBA outline = { 0, 0, 0, 0.6f };
  GdkRGBA colors[4];

  if (self->texture == NULL || !get_layout (self, &scale, &ox, &oy))
    return;

  iw = image_width (self) * scale;
  ih = image_height (self) * scale;
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (ox, oy, iw, ih));

  x = ox + self->crop.x * scale;
  y = oy + self->crop.y * scale;
  w = self->crop.width * scale;
  h = self->crop.height * scale;

  /* what falls outside the frame is shaded */
  append_rect (snapshot, &shade, ox, oy, iw, y - oy);
  append_rect (snapshot, &shade, ox, y + h, iw, oy + ih - (y + h));
  append_rect (snapshot, &shade, ox, y, x - ox, h);
  append_rect (snapshot, &shade, x + w, y, ox + iw - (x + w), h);

  /* thirds, to place the eyes and the chin */
  for (int i = 1; i < 3; i++)
    {
      append_rect (snapshot, &guide, x + w * i / 3, y, 1, h);
      append_rect (snapshot, &guide, x, y + h * i / 3, w, 1);
    }

  /* a dark line outside the light one: seen on white and on black */
  for (int i = 0; i < 4; i++)
    colors[i] = outline;
  gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (x - 1, y - 1, w + 2, h + 2), 0);
  gtk_snapshot_append_border (snapshot, &frame, thin, colors);
  for (int i = 0; i < 4; i++)
    colors[i] = *edge;
  gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (x, y, w, h), 0);
  gtk_snapshot_append_border (snapshot, &frame, widths, colors);

  /* the corner handles and the edge handles */
  for (int i = 0; i < 4; i++)
    {
      append_rect (snapshot, &outline, (i % 2 == 0 ? x : x + w) - 6, (i < 2 ? y : y + h) - 6, 12, 12);
      append_rect (snapshot, edge, (i % 2 == 0 ? x : x + w) - 5, (i < 2 ? y : y + h) - 5, 10, 10);
    }
  for (int i = 0; i < 2; i++)
    {
      double ex = i == 0 ? x : x + w;

      append_rect (snapshot, &outline, ex - 4, y + h / 2 - 10, 8, 20);
      append_rect (snapshot, edge, ex - 3, y + h / 2 - 9, 6, 18);
    }
}

static void
zc_photo_crop_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 420;
}

/* Pointer */

static DragMode
hit_test (ZcPhotoCrop *self,
          double       px,
          double       py,
          gboolean    *top,
          gboolean    *left)
{
  double scale, ox, oy, x, y, w, h;

  if (self->image == NULL || !get_layout (self, &scale, &ox, &oy))
    return DRAG_NONE;

  x = ox + self->crop.x * scale;
  y = oy + self->crop.y * scale;
  w = self->crop.width * scale;
  h = self->crop.height * scale;

  for (int i = 0; i < 4; i++)
    {
      double cx = i % 2 == 0 ? x : x + w;
      double cy = i < 2 ? y : y + h;

      if (ABS (px - cx) <= CORNER_REACH && ABS (py - cy) <= CORNER_REACH)
        {
          *left = i % 2 == 0;
          *top = i < 2;
          return DRAG_CORNER;
        }
    }
  if (py >= y && py <= y + h && ABS (px - x) <= EDGE_REACH)
    return DRAG_LEFT;
  if (py >= y && py <= y + h && ABS (px - (x + w)) <= EDGE_REACH)
    return DRAG_RIGHT;
  if (px > x && px < x + w && py > y && py < y + h)
    return DRAG_MOVE;
  return DRAG_NONE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    px,
           double                    py,
           ZcPhotoCrop              *self)
{
  gboolean top = FALSE, left = FALSE;
  const char *cursor = NULL;

  if (self->drag != DRAG_NONE)
    return;
  switch (hit_test (self, px, py, &top, &left))
    {
    case DRAG_CORNER:
      cursor = top == left ? "nwse-resize" : "nesw-resize";
      break;
    case DRAG_LEFT:
    case DRAG_RIGHT:
      cursor = "ew-resize";
      break;
    case DRAG_MOVE:
      cursor = "move";
      break;
    case DRAG_NONE:
    default:
      break;
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          px,
               double          py,
               ZcPhotoCrop    *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag = hit_test (self, px, py, &self->drag_top, &self->drag_left);
  self->drag_start = self->crop;
  self->press_x = px;
  self->press_y = py;
  if (self->drag == DRAG_NONE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                ZcPhotoCrop    *self)
{
  GdkRectangle start = self->drag_start;
  GdkRectangle crop = start;
  double scale, ox, oy, ix, iy;

  if (self->drag == DRAG_NONE || !get_layout (self, &scale, &ox, &oy))
    return;

  /* the pointer in image pixels */
  ix = (self->press_x + dx - ox) / scale;
  iy = (self->press_y + dy - oy) / scale;

  switch (self->drag)
    {
    case DRAG_MOVE:
      crop.x = start.x + (int) (dx / scale);
      crop.y = start.y + (int) (dy / scale);
      break;

    case DRAG_CORNER:
      {
        /* the opposite corner stays; the height follows the pointer and
         * the width keeps the frame's proportions */
        double ratio = (double) start.width / start.height;
        double ax = self->drag_left ? start.x + start.width : start.x;
        double ay = self->drag_top ? start.y + start.height : start.y;
        double room_x = self->drag_left ? ax : image_width (self) - ax;
        double room_y = self->drag_top ? ay : image_height (self) - ay;
        double h = CLAMP (ABS (iy - ay), 8.0, MIN (room_y, room_x / ratio));

        crop.height = (int) (h + 0.5);
        crop.width = (int) (h * ratio + 0.5);
        crop.x = self->drag_left ? (int) ax - crop.width : (int) ax;
        crop.y = self->drag_top ? (int) ay - crop.height : (int) ay;
      }
      break;

    case DRAG_LEFT:
      {
        int right = start.x + start.width;
        guint lo, hi;

        crop.width = right - (int) MAX (ix, 0.0);
        if (zc_photo_rules_width_range (&self->rules, (guint) start.height, &lo, &hi))
          crop.width = CLAMP (crop.width, (int) lo, MIN ((int) hi, right));
        crop.x = right - crop.width;
      }
      break;

    case DRAG_RIGHT:
      crop.width = (int) MIN (ix, (double) image_width (self)) - start.x;
      break;

    case DRAG_NONE:
    default:
      return;
    }

  zc_photo_crop_set_crop (self, &crop);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             ZcPhotoCrop    *self)
{
  self->drag = DRAG_NONE;
}

/* Keyboard */

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ZcPhotoCrop           *self)
{
  gboolean fine = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  int step_x = fine ? 1 : MAX (1, image_width (self) / 50);
  int step_y = fine ? 1 : MAX (1, image_height (self) / 50);

  if (self->image == NULL || (state & GDK_ALT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (ctrl)
        zc_photo_crop_widen (self, -2 * step_x);
      else
        zc_photo_crop_move (self, -step_x, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (ctrl)
        zc_photo_crop_widen (self, 2 * step_x);
      else
        zc_photo_crop_move (self, step_x, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      zc_photo_crop_move (self, 0, -step_y);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      zc_photo_crop_move (self, 0, step_y);
      return GDK_EVENT_STOP;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zc_photo_crop_zoom (self, fine ? 1.01 : 1.05);
      return GDK_EVENT_STOP;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zc_photo_crop_zoom (self, fine ? 1 / 1.01 : 1 / 1.05);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_focus_changed (ZcPhotoCrop *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zc_photo_crop_dispose (GObject *object)
{
  ZcPhotoCrop *self = ZC_PHOTO_CROP (object);

  g_clear_object (&self->image);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (zc_photo_crop_parent_class)->dispose (object);
}

static void
zc_photo_crop_class_init (ZcPhotoCropClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_photo_crop_dispose;
  widget_class->snapshot = zc_photo_crop_snapshot;
  widget_class->measure = zc_photo_crop_measure;

  /**
   * ZcPhotoCrop::changed:
   *
   * The frame moved or changed size, or a new image came.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "zc-photo-crop");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zc_photo_crop_init (ZcPhotoCrop *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Photo with its crop frame"), -1);
}

/**
 * zc_photo_crop_new:
 * @rules: the ratios the frame keeps to; copied
 */
GtkWidget *
zc_photo_crop_new (const ZcPhotoRules *rules)
{
  ZcPhotoCrop *self;

  g_return_val_if_fail (rules != NULL, NULL);

  self = g_object_new (ZC_TYPE_PHOTO_CROP, NULL);
  self->rules = *rules;
  return GTK_WIDGET (self);
}
