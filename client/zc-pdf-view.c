/* zc-pdf-view.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "zc-pdf-view-private.h"

/* A PDF viewer for the review form: a toolbar (outline, pages, zoom,
 * save, print), the outline as a sidebar, and the pages in a scrolled
 * column.  Each page is a GtkPicture sized for the zoom from the start;
 * its texture is rendered with Poppler only when the page comes near the
 * viewport (zc-pdf-view-pages.c).  "Save as" and printing are in
 * zc-pdf-view-output.c. */

#define ZOOM_STEP 1.2

G_DEFINE_FINAL_TYPE (ZcPdfView, zc_pdf_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  PROP_OUTLINE_VISIBLE,
  PROP_SUGGESTED_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- state shown in the toolbar ---------------------------------------- */

static void
update_actions (ZcPdfView *self)
{
  gboolean loaded = self->document != NULL;
  int n_pages = (int) self->sizes->len;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.previous-page", loaded && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.next-page", loaded && self->page < n_pages - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in", loaded && self->zoom < ZC_PDF_VIEW_MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out", loaded && self->zoom > ZC_PDF_VIEW_MIN_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-fit-width", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.save-as", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.print", loaded);
}

static void
update_page_entry (ZcPdfView *self)
{
  g_autofree char *number = g_strdup_printf ("%d", self->sizes->len > 0 ? self->page + 1 : 0);
  g_autofree char *total = g_strdup_printf ("/ %u", self->sizes->len);

  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  gtk_label_set_label (self->n_pages_label, total);
}

static void
update_zoom_label (ZcPdfView *self)
{
  g_autofree char *text = g_strdup_printf ("%.0f%%", self->zoom * 100.0);

  gtk_label_set_label (self->zoom_label, text);
}

static void
set_current_page (ZcPdfView *self,
                  int        page)
{
  if (self->page == page)
    return;

  self->page = page;
  update_page_entry (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* ---- scrolling -------------------------------------------------------- */

/* Applies the pending scroll once the column has its full height. */
static void
apply_pending_scroll (ZcPdfView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

  if (self->pending_y < 0.0 || gtk_adjustment_get_upper (adjustment) + 1.0 < zc_pdf_view_column_height (self))
    return;

  self->scrolling = TRUE;
  gtk_adjustment_set_value (adjustment, self->pending_y);
  self->scrolling = FALSE;
  self->pending_y = -1.0;
  zc_pdf_view_schedule_render (self);
}

static void
scroll_to (ZcPdfView *self,
           double     y)
{
  self->pending_y = MAX (0.0, y);
  apply_pending_scroll (self);
  zc_pdf_view_schedule_render (self);
}

static void
on_vadjustment_value_changed (ZcPdfView     *self,
                              GtkAdjustment *adjustment)
{
  if (!self->scrolling && self->pending_y < 0.0 && self->sizes->len > 0)
    set_current_page (self, zc_pdf_view_page_at_scroll (self));
  zc_pdf_view_schedule_render (self);
}

static void
on_vadjustment_changed (ZcPdfView     *self,
                        GtkAdjustment *adjustment)
{
  apply_pending_scroll (self);
  zc_pdf_view_schedule_render (self);
}

/* ---- zoom and pages --------------------------------------------------- */

static void
apply_zoom (ZcPdfView *self,
            double     zoom)
{
  double offset = 0.0;

  zoom = CLAMP (zoom, ZC_PDF_VIEW_MIN_ZOOM, ZC_PDF_VIEW_MAX_ZOOM);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-4))
    return;

  /* keep the same spot of the current page at the top */
  if (self->sizes->len > 0 && self->pending_y < 0.0)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

      offset = (gtk_adjustment_get_value (adjustment) - zc_pdf_view_page_top (self, self->page)) /
               zc_pdf_view_pixels_per_point (self);
    }

  self->zoom = zoom;
  zc_pdf_view_layout_pages (self);
  update_zoom_label (self);
  update_actions (self);
  if (self->sizes->len > 0)
    scroll_to (self, zc_pdf_view_page_top (self, self->page) +
                     MAX (offset, -PAGE_MARGIN / zc_pdf_view_pixels_per_point (self)) *
                     zc_pdf_view_pixels_per_point (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
fit_now (gpointer data)
{
  ZcPdfView *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scrolled);
  double room = gtk_adjustment_get_page_size (adjustment) - 2 * PAGE_MARGIN;
  double widest = 0.0;

  self->fit_source = 0;
  for (guint i = 0; i < self->sizes->len; i++)
    widest = MAX (widest, g_array_index (self->sizes, PageSize, i).width);
  if (self->fit_width && room > 0.0 && widest > 0.0)
    apply_zoom (self, room / (widest * POINTS_TO_PIXELS));

  return G_SOURCE_REMOVE;
}

/* The width is known after an allocation, so fitting waits for it. */
static void
schedule_fit (ZcPdfView *self)
{
  if (self->fit_width && self->fit_source == 0)
    self->fit_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_now, self, NULL);
}

static void
on_viewport_width_changed (ZcPdfView  *self,
                           GParamSpec *pspec,
                           gpointer    adjustment)
{
  schedule_fit (self);
}

void
zc_pdf_view_set_zoom (ZcPdfView *self,
                      double     zoom)
{
  g_return_if_fail (ZC_IS_PDF_VIEW (self));
  g_return_if_fail (zoom > 0.0);

  zc_pdf_view_set_fit_width (self, FALSE);
  apply_zoom (self, zoom);
}

double
zc_pdf_view_get_zoom (ZcPdfView *self)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), 1.0);

  return self->zoom;
}

/* Whether the zoom follows the width of the view (the default). */
void
zc_pdf_view_set_fit_width (ZcPdfView *self,
                           gboolean   fit_width)
{
  g_return_if_fail (ZC_IS_PDF_VIEW (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;

  self->fit_width = fit_width;
  if (fit_width)
    fit_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

gboolean
zc_pdf_view_get_fit_width (ZcPdfView *self)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), FALSE);

  return self->fit_width;
}

int
zc_pdf_view_get_n_pages (ZcPdfView *self)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), 0);

  return (int) self->sizes->len;
}

int
zc_pdf_view_get_page (ZcPdfView *self)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), 0);

  return self->page;
}

/* Shows @page (0-based, clamped to the document) at the top. */
void
zc_pdf_view_set_page (ZcPdfView *self,
                      int        page)
{
  g_return_if_fail (ZC_IS_PDF_VIEW (self));

  if (self->sizes->len == 0)
    return;

  page = CLAMP (page, 0, (int) self->sizes->len - 1);
  set_current_page (self, page);
  scroll_to (self, zc_pdf_view_page_top (self, page) - PAGE_MARGIN);
}

static void
on_outline_item_activated (ZcPdfView *self,
                           int        page,
                           double     y,
                           gpointer   outline)
{
  if (page < 0 || page >= (int) self->sizes->len)
    return;

  set_current_page (self, page);
  scroll_to (self, zc_pdf_view_page_top (self, page) + y * zc_pdf_view_pixels_per_point (self) - PAGE_MARGIN);
}

static void
on_page_entry_activate (ZcPdfView *self,
                        GtkEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, MAX (1, self->sizes->len), &number, NULL) && self->sizes->len > 0)
    zc_pdf_view_set_page (self, (int) number - 1);
  else
    update_page_entry (self);
}

/* ---- loading ---------------------------------------------------------- */

static void
clear_document (ZcPdfView *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->render_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  g_ptr_array_set_size (self->pictures, 0);
  g_ptr_array_set_size (self->textures, 0);
  g_array_set_size (self->texture_scales, 0);
  g_array_set_size (self->sizes, 0);
  g_array_set_size (self->tops, 0);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
}

/**
 * zc_pdf_view_load_bytes:
 * @pdf: a PDF file
 *
 * Shows @pdf from its first page.  On failure the view keeps what it
 * showed.
 *
 * Returns: whether @pdf could be opened; %POPPLER_ERROR otherwise
 */
gboolean
zc_pdf_view_load_bytes (ZcPdfView  *self,
                        GBytes     *pdf,
                        GError    **error)
{
  PopplerDocument *document;

  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = poppler_document_new_from_bytes (pdf, NULL, error);
  if (document == NULL)
    return FALSE;

  clear_document (self);
  self->document = document;
  self->bytes = g_bytes_ref (pdf);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GtkWidget *picture = gtk_picture_new ();
      g_autofree char *label = g_strdup_printf (_("Page %d"), i + 1);
      PageSize size;

      poppler_page_get_size (page, &size.width, &size.height);
      g_object_unref (page);
      g_array_append_val (self->sizes, size);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_FILL);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), label);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "zc-pdf-page");
      gtk_box_append (GTK_BOX (self->pages_box), picture);
      g_ptr_array_add (self->pictures, picture);
      g_ptr_array_add (self->textures, NULL);
      {
        double none = 0.0;

        g_array_append_val (self->texture_scales, none);
      }
    }

  zc_pdf_view_layout_pages (self);
  zc_pdf_outline_set_document (self->outline, document);
  self->page = -1;
  set_current_page (self, 0);
  scroll_to (self, 0.0);
  update_page_entry (self);
  update_actions (self);
  schedule_fit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  return TRUE;
}

/**
 * zc_pdf_view_get_bytes:
 *
 * Returns: (transfer none) (nullable): the PDF shown
 */
GBytes *
zc_pdf_view_get_bytes (ZcPdfView *self)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), NULL);

  return self->bytes;
}

ZcPdfOutline *
zc_pdf_view_get_outline (ZcPdfView *self)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), NULL);

  return self->outline;
}

gboolean
zc_pdf_view_get_outline_visible (ZcPdfView *self)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), FALSE);

  return self->outline_visible;
}

void
zc_pdf_view_set_outline_visible (ZcPdfView *self,
                                 gboolean   visible)
{
  g_return_if_fail (ZC_IS_PDF_VIEW (self));

  visible = !!visible;
  if (self->outline_visible == visible)
    return;

  self->outline_visible = visible;
  gtk_widget_set_visible (GTK_WIDGET (self->outline), visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTLINE_VISIBLE]);
}

const char *
zc_pdf_view_get_suggested_name (ZcPdfView *self)
{
  g_return_val_if_fail (ZC_IS_PDF_VIEW (self), NULL);

  return self->suggested_name;
}

/* The file name "Save as" offers, such as "评审表-张三.pdf". */
void
zc_pdf_view_set_suggested_name (ZcPdfView  *self,
                                const char *name)
{
  g_return_if_fail (ZC_IS_PDF_VIEW (self));
  g_return_if_fail (name != NULL && *name != '\0');

  if (g_strcmp0 (self->suggested_name, name) == 0)
    return;

  g_free (self->suggested_name);
  self->suggested_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTED_NAME]);
}

/* ---- actions ---------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZcPdfView *self = ZC_PDF_VIEW (widget);

  if (g_str_equal (action_name, "pdf.zoom-in"))
    zc_pdf_view_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "pdf.zoom-out"))
    zc_pdf_view_set_zoom (self, self->zoom / ZOOM_STEP);
  else
    zc_pdf_view_set_fit_width (self, TRUE);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZcPdfView *self = ZC_PDF_VIEW (widget);

  zc_pdf_view_set_page (self, self->page + (g_str_equal (action_name, "pdf.next-page") ? 1 : -1));
}

/* ---- construction ----------------------------------------------------- */

static GtkWidget *
tool_button (const char *icon_name,
             const char *label,
             const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
build_toolbar (ZcPdfView *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *outline_button = gtk_toggle_button_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *fit = tool_button ("zoom-fit-best-symbolic", _("Fit the page width"), "pdf.zoom-fit-width");
  GtkWidget *zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *page_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_add_css_class (toolbar, "toolbar");

  gtk_button_set_icon_name (GTK_BUTTON (outline_button), "sidebar-show-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (outline_button), "pdf.show-outline");
  gtk_widget_set_tooltip_text (outline_button, _("Show the outline"));
  gtk_widget_add_css_class (outline_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (outline_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the outline"), -1);
  gtk_box_append (GTK_BOX (toolbar), outline_button);

  gtk_box_append (GTK_BOX (page_box), tool_button ("go-up-symbolic", _("Previous page"), "pdf.previous-page"));
  self->page_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->page_entry), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->page_entry), 5);
  gtk_entry_set_alignment (self->page_entry, 1.0);
  gtk_entry_set_input_purpose (self->page_entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_valign (GTK_WIDGET (self->page_entry), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Page number"), -1);
  g_signal_connect_object (self->page_entry, "activate", G_CALLBACK (on_page_entry_activate), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (page_box), GTK_WIDGET (self->page_entry));
  self->n_pages_label = GTK_LABEL (gtk_label_new ("/ 0"));
  gtk_widget_add_css_class (GTK_WIDGET (self->n_pages_label), "numeric");
  gtk_box_append (GTK_BOX (page_box), GTK_WIDGET (self->n_pages_label));
  gtk_box_append (GTK_BOX (page_box), tool_button ("go-down-symbolic", _("Next page"), "pdf.next-page"));
  gtk_box_append (GTK_BOX (toolbar), page_box);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);

  gtk_box_append (GTK_BOX (zoom_box), tool_button ("zoom-out-symbolic", _("Zoom out"), "pdf.zoom-out"));
  self->zoom_label = GTK_LABEL (gtk_label_new ("100%"));
  gtk_label_set_width_chars (self->zoom_label, 5);
  gtk_widget_add_css_class (GTK_WIDGET (self->zoom_label), "numeric");
  gtk_box_append (GTK_BOX (zoom_box), GTK_WIDGET (self->zoom_label));
  gtk_box_append (GTK_BOX (zoom_box), tool_button ("zoom-in-symbolic", _("Zoom in"), "pdf.zoom-in"));
  gtk_box_append (GTK_BOX (zoom_box), fit);
  gtk_box_append (GTK_BOX (toolbar), zoom_box);

  gtk_box_append (GTK_BOX (toolbar), tool_button ("document-save-as-symbolic", _("Save as PDF…"), "pdf.save-as"));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("printer-symbolic", _("Print…"), "pdf.print"));

  return toolbar;
}

static void
ensure_style (GtkWidget *widget)
{
  static GdkDisplay *styled = NULL;
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkCssProvider *provider;

  if (display == styled)
    return;
  styled = display;

  /* a sheet of paper on the view's background, before its texture arrives too */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".zc-pdf-pages { background-color: alpha(currentColor, 0.08); }\n"
                                   ".zc-pdf-page { background-color: white;"
                                   " box-shadow: 0 1px 3px alpha(black, 0.35); }\n", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
on_pages_pressed (ZcPdfView       *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  /* so that Page Up / Page Down and the zoom keys reach the view */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
zc_pdf_view_init (ZcPdfView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkAdjustment *vadjustment, *hadjustment;
  GtkGesture *click;

  self->sizes = g_array_new (FALSE, TRUE, sizeof (PageSize));
  self->tops = g_array_new (FALSE, TRUE, sizeof (double));
  self->pictures = g_ptr_array_new ();
  self->textures = g_ptr_array_new_with_free_func (zc_pdf_view_clear_texture);
  self->texture_scales = g_array_new (FALSE, TRUE, sizeof (double));
  self->zoom = 1.0;
  self->fit_width = TRUE;
  self->outline_visible = TRUE;
  self->pending_y = -1.0;
  self->suggested_name = g_strdup (_("review-form.pdf"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->toolbar = build_toolbar (self);
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));

  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_SPACING);
  gtk_widget_set_margin_top (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_bottom (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_start (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_end (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_halign (self->pages_box, GTK_ALIGN_CENTER);

  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->scrolled), "zc-pdf-pages");
  gtk_scrolled_window_set_child (self->scrolled, self->pages_box);
  gtk_widget_set_hexpand (GTK_WIDGET (self->scrolled), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled), TRUE);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  hadjustment = gtk_scrolled_window_get_hadjustment (self->scrolled);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (on_vadjustment_value_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (on_vadjustment_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hadjustment, "notify::page-size", G_CALLBACK (on_viewport_width_changed), self,
                           G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pages_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), GTK_EVENT_CONTROLLER (click));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->scrolled));

  self->outline = ZC_PDF_OUTLINE (zc_pdf_outline_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->outline), 180, -1);
  g_signal_connect_object (self->outline, "item-activated", G_CALLBACK (on_outline_item_activated), self,
                           G_CONNECT_SWAPPED);

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), GTK_WIDGET (self->outline));
  gtk_paned_set_end_child (GTK_PANED (self->paned), GTK_WIDGET (self->toasts));
  gtk_paned_set_resize_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_position (GTK_PANED (self->paned), 220);
  gtk_widget_set_vexpand (self->paned, TRUE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  update_page_entry (self);
  update_zoom_label (self);
  update_actions (self);
}

static void
zc_pdf_view_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (zc_pdf_view_parent_class)->realize (widget);
  ensure_style (widget);
}

static void
zc_pdf_view_dispose (GObject *object)
{
  ZcPdfView *self = ZC_PDF_VIEW (object);

  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->print_operation);
  if (self->pages_box != NULL)
    clear_document (self);
  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  self->pages_box = NULL;

  G_OBJECT_CLASS (zc_pdf_view_parent_class)->dispose (object);
}

static void
zc_pdf_view_finalize (GObject *object)
{
  ZcPdfView *self = ZC_PDF_VIEW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_array_unref (self->sizes);
  g_array_unref (self->tops);
  g_ptr_array_unref (self->pictures);
  g_ptr_array_unref (self->textures);
  g_array_unref (self->texture_scales);
  g_free (self->suggested_name);

  G_OBJECT_CLASS (zc_pdf_view_parent_class)->finalize (object);
}

static void
zc_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ZcPdfView *self = ZC_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_int (value, (int) self->sizes->len);
      break;
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_OUTLINE_VISIBLE:
      g_value_set_boolean (value, self->outline_visible);
      break;
    case PROP_SUGGESTED_NAME:
      g_value_set_string (value, self->suggested_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ZcPdfView *self = ZC_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      zc_pdf_view_set_page (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      zc_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      zc_pdf_view_set_fit_width (self, g_value_get_boolean (value));
      break;
    case PROP_OUTLINE_VISIBLE:
      zc_pdf_view_set_outline_visible (self, g_value_get_boolean (value));
      break;
    case PROP_SUGGESTED_NAME:
      zc_pdf_view_set_suggested_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_pdf_view_class_init (ZcPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_pdf_view_dispose;
  object_class->finalize = zc_pdf_view_finalize;
  object_class->get_property = zc_pdf_view_get_property;
  object_class->set_property = zc_pdf_view_set_property;
  widget_class->realize = zc_pdf_view_realize;

  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZC_PDF_VIEW_MIN_ZOOM, ZC_PDF_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTLINE_VISIBLE] =
    g_param_spec_boolean ("outline-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUGGESTED_NAME] =
    g_param_spec_string ("suggested-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.save-as", NULL, zc_pdf_view_save_as_action);
  gtk_widget_class_install_action (widget_class, "pdf.print", NULL, zc_pdf_view_print_action);
  gtk_widget_class_install_property_action (widget_class, "pdf.show-outline", "outline-visible");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "pdf.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "pdf.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "pdf.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "pdf.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "pdf.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "pdf.show-outline", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zc-pdf-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

GtkWidget *
zc_pdf_view_new (void)
{
  return g_object_new (ZC_TYPE_PDF_VIEW, NULL);
}
