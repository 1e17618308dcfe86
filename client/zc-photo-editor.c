/* zc-photo-editor.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-photo-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-photo-editor.h"
#include "zc-photo-image.h"

/* The ID photo editor (SPEC "Personal information"): crop with a frame
 * that keeps an allowed ratio, rotate by quarter turns, scale, and the
 * result recompressed as a JPEG of the highest quality that fits the
 * size limit.  The result is shown as it will be saved — decoded back
 * from the JPEG and judged by the same rules the server applies — and
 * can be kept only when it follows them. */

#define UPDATE_DELAY_MS 150
/* A photo taller than this is larger than any form prints it. */
#define DEFAULT_MAX_HEIGHT 800

struct _ZcPhotoEditor
{
  AdwWindow       parent_instance;

  ZcPhotoRules    rules;          /* a copy; its strings are static */
  GdkPixbuf      *image;          /* owned, nullable: upright, as rotated */
  ZcPhotoCrop    *crop;           /* child */
  guint           update_id;

  GBytes         *result;         /* owned, nullable: the JPEG */
  guint           result_width;
  guint           result_height;
  int             quality;
  GPtrArray      *problems;       /* owned, nullable, of ZcPhotoProblem */

  /* template children */
  GtkBox         *body;
  GtkBox         *crop_box;
  GtkWidget      *separator;
  GtkWidget      *side;
  GtkAdjustment  *scale_adjustment;
  GtkPicture     *preview;
  GtkLabel       *dimensions_label;
  GtkLabel       *bytes_label;
  GtkBox         *problems_box;
  GtkLabel       *rules_label;
};

G_DEFINE_FINAL_TYPE (ZcPhotoEditor, zc_photo_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_problem_line (GtkBox     *box,
                  const char *text,
                  gboolean    ok)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ok ? _("Meets the rules") : _("Problem"), -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* a long message wraps instead of widening the panel */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (line, ok ? "success" : "error");
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (box, line);
}

/**
 * zc_photo_problems_show:
 * @problems: (nullable) (element-type ZcPhotoProblem): %NULL or empty
 *   shows @ok_text
 * @ok_text: (nullable): what to say when nothing is wrong; %NULL says nothing
 *
 * Fills @box with one line per problem, each with a warning sign.
 */
void
zc_photo_problems_show (GtkBox     *box,
                        GPtrArray  *problems,
                        const char *ok_text)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  if (problems == NULL || problems->len == 0)
    {
      if (ok_text != NULL)
        add_problem_line (box, ok_text, TRUE);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    add_problem_line (box, ((ZcPhotoProblem *) g_ptr_array_index (problems, i))->message, FALSE);
}

static void
clear_result (ZcPhotoEditor *self)
{
  g_clear_pointer (&self->result, g_bytes_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->result_width = self->result_height = 0;
  self->quality = 0;
}

static void
show_result (ZcPhotoEditor *self,
             GdkPixbuf     *decoded,
             const char    *error_text)
{
  g_autofree char *dimensions = NULL;
  g_autofree char *bytes = NULL;
  gboolean ok = self->result != NULL && self->problems != NULL && self->problems->len == 0;

  if (decoded != NULL)
    {
      g_autoptr(GdkTexture) texture = zc_photo_image_thumbnail (decoded, 160, 224);
      gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
    }
  else
    gtk_picture_set_paintable (self->preview, NULL);

  if (self->result != NULL)
    {
      g_autofree char *ratio = zc_photo_format_ratio (self->result_width, self->result_height);
      g_autofree char *size = zc_photo_format_size (g_bytes_get_size (self->result));

      /* Translators: width and height in pixels, then the ratio, such as "4.99:7" */
      dimensions = g_strdup_printf (_("%u × %u pixels, %s"), self->result_width, self->result_height, ratio);
      /* Translators: a file size such as "186 KB", then a JPEG quality from 1 to 100 */
      bytes = g_strdup_printf (_("%s as JPEG, quality %d"), size, self->quality);
    }
  gtk_label_set_label (self->dimensions_label, dimensions != NULL ? dimensions : "");
  gtk_label_set_label (self->bytes_label, bytes != NULL ? bytes : (error_text != NULL ? error_text : ""));
  gtk_widget_set_visible (GTK_WIDGET (self->bytes_label), bytes != NULL || error_text != NULL);

  zc_photo_problems_show (self->problems_box, self->problems,
                          self->result != NULL ? _("The result meets the rules.") : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok);
}

/**
 * zc_photo_editor_update:
 *
 * Makes the result now (it is otherwise made shortly after each
 * change): the crop at the chosen size, recompressed to fit, judged.
 *
 * Returns: whether the result follows the rules
 */
gboolean
zc_photo_editor_update (ZcPhotoEditor *self)
{
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) encoded = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GError) error = NULL;
  GdkRectangle crop;
  guint width, height;

  g_return_val_if_fail (ZC_IS_PHOTO_EDITOR (self), FALSE);

  g_clear_handle_id (&self->update_id, g_source_remove);
  clear_result (self);

  if (self->image == NULL)
    {
      show_result (self, NULL, NULL);
      return FALSE;
    }

  zc_photo_crop_get_crop (self->crop, &crop);
  if (!zc_photo_image_output_size (&self->rules, (guint) crop.width, (guint) crop.height,
                                   gtk_adjustment_get_value (self->scale_adjustment) / 100.0, &width, &height))
    {
      show_result (self, NULL, _("The frame is too small."));
      return FALSE;
    }

  scaled = zc_photo_image_crop_and_scale (self->image, &crop, width, height);
  self->result = zc_photo_image_encode_to_fit (scaled, &self->rules, &self->quality, &encoded, &error);
  if (self->result == NULL)
    {
      show_result (self, NULL, error->message);
      return FALSE;
    }

  self->result_width = (guint) gdk_pixbuf_get_width (encoded);
  self->result_height = (guint) gdk_pixbuf_get_height (encoded);
  zc_photo_image_judge (&self->rules, self->result, ZC_LANGUAGE_LOCALE, &self->problems, &decoded);
  show_result (self, decoded, NULL);

  return self->problems->len == 0;
}

static gboolean
update_later_cb (gpointer user_data)
{
  ZcPhotoEditor *self = user_data;

  self->update_id = 0;
  zc_photo_editor_update (self);
  return G_SOURCE_REMOVE;
}

static void
update_later (ZcPhotoEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (UPDATE_DELAY_MS, update_later_cb, self);
}

/* Actions */

static void
rotate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  zc_photo_editor_rotate (ZC_PHOTO_EDITOR (widget), g_str_equal (action_name, "editor.rotate-right"));
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  zc_photo_crop_reset (ZC_PHOTO_EDITOR (widget)->crop);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  zc_photo_editor_save (ZC_PHOTO_EDITOR (widget));
}

/* A narrow window puts the settings under the photo. */
static void
on_width_changed (ZcPhotoEditor *self)
{
  int width = 0, height = 0;
  gboolean narrow;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < 640;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->separator),
                                  narrow ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->side), !narrow);
  gtk_widget_set_vexpand (self->side, !narrow);
  gtk_widget_set_size_request (self->side, -1, narrow ? 220 : -1);
}

static void
zc_photo_editor_dispose (GObject *object)
{
  ZcPhotoEditor *self = ZC_PHOTO_EDITOR (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  /* the child is a template child: let the parent drop it first, or
   * dispose_template unparents it behind the parent's back */
  adw_window_set_content (ADW_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_PHOTO_EDITOR);
  g_clear_object (&self->image);
  clear_result (self);

  G_OBJECT_CLASS (zc_photo_editor_parent_class)->dispose (object);
}

static void
zc_photo_editor_class_init (ZcPhotoEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_photo_editor_dispose;

  /**
   * ZcPhotoEditor::saved:
   * @jpeg: the result
   * @width: its width in pixels
   * @height: its height
   *
   * The user kept the result, which follows the rules.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                 G_TYPE_BYTES, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-photo-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, body);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, crop_box);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, separator);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, side);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, scale_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, dimensions_label);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, bytes_label);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, problems_box);
  gtk_widget_class_bind_template_child (widget_class, ZcPhotoEditor, rules_label);

  gtk_widget_class_install_action (widget_class, "editor.rotate-left", NULL, rotate_action);
  gtk_widget_class_install_action (widget_class, "editor.rotate-right", NULL, rotate_action);
  gtk_widget_class_install_action (widget_class, "editor.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "editor.rotate-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.rotate-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "editor.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zc_photo_editor_init (ZcPhotoEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->scale_adjustment, "value-changed", G_CALLBACK (update_later), self);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_width_changed), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/**
 * zc_photo_editor_new:
 * @parent: (nullable): the window it belongs to
 * @rules: the rules the result must follow; copied
 */
ZcPhotoEditor *
zc_photo_editor_new (GtkWindow          *parent,
                     const ZcPhotoRules *rules)
{
  ZcPhotoEditor *self;
  g_autofree char *rules_text = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  self = g_object_new (ZC_TYPE_PHOTO_EDITOR, "transient-for", parent, NULL);
  self->rules = *rules;

  self->crop = ZC_PHOTO_CROP (zc_photo_crop_new (rules));
  gtk_widget_set_vexpand (GTK_WIDGET (self->crop), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->crop), TRUE);
  gtk_box_append (self->crop_box, GTK_WIDGET (self->crop));
  g_signal_connect_swapped (self->crop, "changed", G_CALLBACK (update_later), self);

  description = zc_photo_rules_describe (rules, ZC_LANGUAGE_LOCALE);
  /* Translators: %s lists the rules, such as "JPEG or PNG, at most 500 KB, …" */
  rules_text = g_strdup_printf (_("Rules: %s"), description);
  gtk_label_set_label (self->rules_label, rules_text);

  on_width_changed (self);
  return self;
}

/**
 * zc_photo_editor_set_image:
 * @image: the picked photo, upright
 *
 * Starts over with @image: the frame on the whole photo when its ratio
 * is allowed, else the largest 5:7 frame in the middle; the size so
 * the result is at most 800 pixels high.
 */
void
zc_photo_editor_set_image (ZcPhotoEditor *self,
                           GdkPixbuf     *image)
{
  GdkRectangle crop;

  g_return_if_fail (ZC_IS_PHOTO_EDITOR (self));
  g_return_if_fail (GDK_IS_PIXBUF (image));

  g_set_object (&self->image, image);
  zc_photo_crop_set_image (self->crop, image);
  zc_photo_crop_get_crop (self->crop, &crop);
  gtk_adjustment_set_value (self->scale_adjustment,
                            crop.height > DEFAULT_MAX_HEIGHT ? MAX (10.0, 100.0 * DEFAULT_MAX_HEIGHT / crop.height)
                                                             : 100.0);
  update_later (self);
}

/* Returns: (transfer none): the crop area, for its keyboard and tests */
ZcPhotoCrop *
zc_photo_editor_get_crop (ZcPhotoEditor *self)
{
  g_return_val_if_fail (ZC_IS_PHOTO_EDITOR (self), NULL);
  return self->crop;
}

void
zc_photo_editor_rotate (ZcPhotoEditor *self,
                        gboolean       clockwise)
{
  g_autoptr(GdkPixbuf) rotated = NULL;

  g_return_if_fail (ZC_IS_PHOTO_EDITOR (self));

  if (self->image == NULL)
    return;
  rotated = zc_photo_image_rotate (self->image, clockwise);
  g_set_object (&self->image, rotated);
  zc_photo_crop_set_image (self->crop, rotated);
  update_later (self);
}

/* @scale: the share of the frame's pixels kept, from 0.1 to 1 */
void
zc_photo_editor_set_scale (ZcPhotoEditor *self,
                           double         scale)
{
  g_return_if_fail (ZC_IS_PHOTO_EDITOR (self));

  gtk_adjustment_set_value (self->scale_adjustment, CLAMP (scale, 0.1, 1.0) * 100.0);
}

double
zc_photo_editor_get_scale (ZcPhotoEditor *self)
{
  g_return_val_if_fail (ZC_IS_PHOTO_EDITOR (self), 1.0);
  return gtk_adjustment_get_value (self->scale_adjustment) / 100.0;
}

/* Returns: (transfer none) (nullable): the JPEG made last */
GBytes *
zc_photo_editor_get_result (ZcPhotoEditor *self)
{
  g_return_val_if_fail (ZC_IS_PHOTO_EDITOR (self), NULL);
  return self->result;
}

void
zc_photo_editor_get_result_size (ZcPhotoEditor *self,
                                 guint         *width,
                                 guint         *height)
{
  g_return_if_fail (ZC_IS_PHOTO_EDITOR (self));

  if (width != NULL)
    *width = self->result_width;
  if (height != NULL)
    *height = self->result_height;
}

/* The JPEG quality of the result, 0 without one. */
int
zc_photo_editor_get_quality (ZcPhotoEditor *self)
{
  g_return_val_if_fail (ZC_IS_PHOTO_EDITOR (self), 0);
  return self->quality;
}

/* Returns: (transfer none) (nullable) (element-type ZcPhotoProblem):
 *   what is wrong with the result */
GPtrArray *
zc_photo_editor_get_problems (ZcPhotoEditor *self)
{
  g_return_val_if_fail (ZC_IS_PHOTO_EDITOR (self), NULL);
  return self->problems;
}

/**
 * zc_photo_editor_save:
 *
 * Hands the result on with ::saved and closes, when it follows the
 * rules (a change still waiting is made first).
 *
 * Returns: whether it did
 */
gboolean
zc_photo_editor_save (ZcPhotoEditor *self)
{
  g_autoptr(GBytes) result = NULL;

  g_return_val_if_fail (ZC_IS_PHOTO_EDITOR (self), FALSE);

  if ((self->update_id != 0 || self->result == NULL) && !zc_photo_editor_update (self))
    return FALSE;
  if (self->result == NULL || self->problems == NULL || self->problems->len > 0)
    return FALSE;

  result = g_bytes_ref (self->result);
  g_signal_emit (self, signals[SAVED], 0, result, self->result_width, self->result_height);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
