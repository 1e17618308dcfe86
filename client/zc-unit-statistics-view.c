/* zc-unit-statistics-view.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-unit-statistics-view"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-json.h"
#include "zc-taxonomy.h"
#include "zc-unit-statistics-view.h"

/* The unit officer's statistics of the unit's professional staff
 * (专技人才统计): a stacked bar per series, one segment per level, drawn
 * with cairo, and the same numbers in a table for keyboard and screen
 * reader users.  The numbers live on the server only: offline the view
 * says so and keeps showing the last numbers it had. */

struct _ZcUnitStatisticsView
{
  GtkBox             parent_instance;

  ZcSession         *session;
  GCancellable      *cancellable;
  ZcUnitStatistics  *statistics;     /* nullable: nothing loaded yet */
  guint              busy;
  gboolean           online;

  GtkWidget         *summary;
  GtkWidget         *status;
  GtkWidget         *refresh;
  GtkWidget         *chart;
  GtkColumnView     *table;
  GtkStringList     *rows;           /* one tab-separated line of cells per row */
};

G_DEFINE_FINAL_TYPE (ZcUnitStatisticsView, zc_unit_statistics_view, GTK_TYPE_BOX)

/* The Okabe–Ito palette: told apart with the common colour blindnesses;
 * a level keeps its colour from chart to chart. */
static const double level_colours[ZC_N_TITLE_LEVELS][3] = {
  { 0x56 / 255.0, 0xb4 / 255.0, 0xe9 / 255.0 },   /* 员级 sky blue */
  { 0x00 / 255.0, 0x9e / 255.0, 0x73 / 255.0 },   /* 助理级 bluish green */
  { 0xe6 / 255.0, 0x9f / 255.0, 0x00 / 255.0 },   /* 中级 orange */
  { 0x00 / 255.0, 0x72 / 255.0, 0xb2 / 255.0 },   /* 副高级 blue */
  { 0xd5 / 255.0, 0x5e / 255.0, 0x00 / 255.0 },   /* 正高级 vermillion */
};

#define N_COLUMNS (ZC_N_TITLE_LEVELS + 2)  /* series, the levels, total */

static const char *
level_label (guint level)
{
  return zc_title_level_get_label ((ZcTitleLevel) level, ZC_LANGUAGE_LOCALE);
}

/* Drawing */

static void
set_text_colour (GtkWidget *widget,
                 cairo_t   *cr,
                 double     alpha)
{
  GdkRGBA colour;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  cairo_set_source_rgba (cr, colour.red, colour.green, colour.blue, colour.alpha * alpha);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A step of 1, 2, 5, 10 … giving at most five grid lines. */
static guint
tick_step (guint max)
{
  static const guint factors[] = { 1, 2, 5 };

  for (guint scale = 1; scale < G_MAXUINT / 10; scale *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
      if ((max + factors[i] * scale - 1) / (factors[i] * scale) <= 5)
        return factors[i] * scale;
  return G_MAXUINT / 10;
}

static double
draw_legend (GtkWidget *widget,
             cairo_t   *cr,
             double     x,
             double     y)
{
  double line_height = 0;

  for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, level_label (l));
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgb (cr, level_colours[l][0], level_colours[l][1], level_colours[l][2]);
      cairo_rectangle (cr, x, y + (h - 12) / 2.0, 12, 12);
      cairo_fill (cr);
      set_text_colour (widget, cr, 1.0);
      show_layout (cr, layout, x + 16, y);
      x += 16 + w + 18;
      line_height = MAX (line_height, h);
    }
  return line_height;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  ZcUnitStatisticsView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  const ZcUnitStatistics *statistics = self->statistics;
  double legend_height, left = 40, right = 12, top, bottom, plot_w, plot_h, slot;
  guint max_total = 0, step, n;

  if (statistics == NULL || statistics->series->len == 0)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      layout = gtk_widget_create_pango_layout (widget, statistics == NULL ? _("No numbers yet.")
                                               : _("No one in the unit has a title on record yet."));
      pango_layout_set_width (layout, MAX (width - 24, 1) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (layout, &w, &h);
      set_text_colour (widget, cr, 0.7);
      show_layout (cr, layout, 12, (height - h) / 2.0);
      return;
    }

  legend_height = draw_legend (widget, cr, left, 4);
  top = 4 + legend_height + 24;     /* room for the totals above the bars */
  bottom = height - 44;             /* two lines of series names */
  plot_w = width - left - right;
  plot_h = bottom - top;
  if (plot_w < 40 || plot_h < 40)
    return;

  n = statistics->series->len;
  for (guint i = 0; i < n; i++)
    max_total = MAX (max_total, ((ZcUnitStatisticsSeries *) statistics->series->pdata[i])->total);
  step = tick_step (max_total);
  max_total = (max_total + step - 1) / step * step;

  /* the grid and its numbers */
  cairo_set_line_width (cr, 1);
  for (guint v = 0; v <= max_total; v += step)
    {
      g_autofree char *text = g_strdup_printf ("%u", v);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      double y = bottom - plot_h * v / max_total;
      int w, h;

      set_text_colour (widget, cr, v == 0 ? 0.6 : 0.18);
      cairo_move_to (cr, left, (int) y + 0.5);
      cairo_line_to (cr, left + plot_w, (int) y + 0.5);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &w, &h);
      set_text_colour (widget, cr, 0.7);
      show_layout (cr, layout, left - 6 - w, y - h / 2.0);
    }

  slot = plot_w / n;
  for (guint i = 0; i < n; i++)
    {
      const ZcUnitStatisticsSeries *s = statistics->series->pdata[i];
      double bar_w = MIN (slot * 0.6, 72);
      double x = left + slot * i + (slot - bar_w) / 2;
      double y = bottom;
      g_autofree char *total = g_strdup_printf ("%u", s->total);
      g_autoptr(PangoLayout) total_layout = gtk_widget_create_pango_layout (widget, total);
      g_autoptr(PangoLayout) name = gtk_widget_create_pango_layout (widget, s->name);
      int w, h;

      for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
        {
          double segment = plot_h * s->counts[l] / max_total;
          g_autofree char *count = NULL;
          g_autoptr(PangoLayout) layout = NULL;
          double luminance;

          if (s->counts[l] == 0)
            continue;
          y -= segment;
          cairo_set_source_rgb (cr, level_colours[l][0], level_colours[l][1], level_colours[l][2]);
          cairo_rectangle (cr, x, y, bar_w, segment);
          cairo_fill (cr);

          count = g_strdup_printf ("%u", s->counts[l]);
          layout = gtk_widget_create_pango_layout (widget, count);
          pango_layout_get_pixel_size (layout, &w, &h);
          if (segment < h + 2 || bar_w < w + 4)
            continue;
          /* dark text on the light colours, white on the dark ones */
          luminance = 0.2126 * level_colours[l][0] + 0.7152 * level_colours[l][1] + 0.0722 * level_colours[l][2];
          if (luminance > 0.45)
            cairo_set_source_rgb (cr, 0, 0, 0);
          else
            cairo_set_source_rgb (cr, 1, 1, 1);
          show_layout (cr, layout, x + (bar_w - w) / 2, y + (segment - h) / 2);
        }

      pango_layout_get_pixel_size (total_layout, &w, &h);
      set_text_colour (widget, cr, 1.0);
      show_layout (cr, total_layout, x + (bar_w - w) / 2, y - h - 2);

      pango_layout_set_width (name, (int) MAX (slot - 6, 1) * PANGO_SCALE);
      pango_layout_set_wrap (name, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (name, -2);
      pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
      show_layout (cr, name, left + slot * i + 3, bottom + 4);
    }
}

/* The numbers in words, for screen readers. */
static char *
describe (const ZcUnitStatistics *statistics)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("%u people in the unit: %u with a title, %u without a title yet."),
                          statistics->people, zc_unit_statistics_get_titled (statistics),
                          statistics->without_title);
  for (guint i = 0; i < statistics->series->len; i++)
    {
      const ZcUnitStatisticsSeries *s = statistics->series->pdata[i];
      g_autoptr(GString) levels = g_string_new (NULL);

      for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
        {
          if (s->counts[l] == 0)
            continue;
          if (levels->len > 0)
            g_string_append (levels, _(", "));
          /* Translators: a level and how many people hold it: 中级 3 人 */
          g_string_append_printf (levels, _("%s %u"), level_label (l), s->counts[l]);
        }
      g_string_append_c (text, ' ');
      /* Translators: a series, its total and its levels */
      g_string_append_printf (text, _("%s: %u in all (%s)."), s->name, s->total, levels->str);
    }
  return g_string_free (text, FALSE);
}

/* The table */

static void
add_row (GPtrArray  *lines,
         const char *name,
         const guint counts[ZC_N_TITLE_LEVELS],
         guint       total)
{
  GString *line = g_string_new (name);

  for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
    {
      if (counts != NULL)
        g_string_append_printf (line, "\t%u", counts[l]);
      else
        g_string_append (line, "\t");
    }
  g_string_append_printf (line, "\t%u", total);
  g_ptr_array_add (lines, g_string_free (line, FALSE));
}

static void
fill_table (ZcUnitStatisticsView *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const ZcUnitStatistics *statistics = self->statistics;

  for (guint i = 0; statistics != NULL && i < statistics->series->len; i++)
    {
      const ZcUnitStatisticsSeries *s = statistics->series->pdata[i];

      add_row (lines, s->name, s->counts, s->total);
    }
  if (statistics != NULL)
    {
      add_row (lines, _("All series"), statistics->level_totals, zc_unit_statistics_get_titled (statistics));
      add_row (lines, _("No title yet"), NULL, statistics->without_title);
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *) lines->pdata);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  if (column == 0)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkStringObject *row = gtk_list_item_get_item (item);
  g_auto(GStrv) cells = g_strsplit (gtk_string_object_get_string (row), "\t", N_COLUMNS);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = column < g_strv_length (cells) ? cells[column] : "";

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == 0)
    gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (ZcUnitStatisticsView *self,
            guint                 column,
            const char           *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, column == 0);
  gtk_column_view_append_column (self->table, view_column);
}

/* Loading */

static void
say (ZcUnitStatisticsView *self,
     const char           *text)
{
  gtk_label_set_text (GTK_LABEL (self->status), text != NULL ? text : "");
  gtk_widget_set_visible (self->status, text != NULL && *text != '\0');
}

static void
update_actions (ZcUnitStatisticsView *self)
{
  gtk_widget_set_sensitive (self->refresh, self->busy == 0);
}

static void
show_statistics (ZcUnitStatisticsView *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  if (self->statistics == NULL)
    return;
  summary = g_strdup_printf (_("%u people in the unit: %u with a title, %u without a title yet."),
                             self->statistics->people, zc_unit_statistics_get_titled (self->statistics),
                             self->statistics->without_title);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  description = describe (self->statistics);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  fill_table (self);
  gtk_widget_queue_draw (self->chart);
}

static void
set_offline (ZcUnitStatisticsView *self)
{
  self->online = FALSE;
  say (self, self->statistics != NULL
       ? _("You are offline. The statistics come from the server; these are the last numbers received.")
       : _("You are offline. The statistics come from the server; connect to see them."));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ZcUnitStatisticsView) self = user_data;
  g_autoptr(GError) error = NULL;
  ZcUnitStatistics *statistics;

  statistics = zc_api_client_get_unit_statistics_finish (ZC_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  update_actions (self);

  if (statistics == NULL)
    {
      if (g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK) ||
          g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_UNAUTHENTICATED))
        set_offline (self);
      else
        say (self, error->message);
      return;
    }

  self->online = TRUE;
  g_clear_pointer (&self->statistics, zc_unit_statistics_free);
  self->statistics = statistics;
  say (self, NULL);
  show_statistics (self);
}

static const char *
unit_id_of (ZcSession *session)
{
  JsonObject *account = zc_session_get_account (session);
  JsonObject *unit = NULL;
  const char *id = NULL;

  if (account == NULL || !zc_json_get_object (account, "unit", FALSE, &unit, NULL) || unit == NULL ||
      !zc_json_get_string (unit, "id", TRUE, &id, NULL))
    return NULL;
  return id;
}

/**
 * zc_unit_statistics_view_refresh:
 *
 * Asks the server for the numbers again; offline it says so and keeps
 * the last numbers.
 */
void
zc_unit_statistics_view_refresh (ZcUnitStatisticsView *self)
{
  const char *unit_id;

  g_return_if_fail (ZC_IS_UNIT_STATISTICS_VIEW (self));

  if (self->busy > 0)
    return;
  if (zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN)
    {
      set_offline (self);
      return;
    }
  unit_id = unit_id_of (self->session);
  if (unit_id == NULL || g_strcmp0 (zc_session_get_role (self->session), "unit_officer") != 0)
    {
      say (self, _("Only a unit officer sees the statistics of their unit."));
      return;
    }

  self->busy++;
  update_actions (self);
  zc_api_client_get_unit_statistics_async (zc_session_get_api_client (self->session), unit_id,
                                           self->cancellable, on_loaded, g_object_ref (self));
}

static void
on_session_state (ZcUnitStatisticsView *self)
{
  if (zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN)
    zc_unit_statistics_view_refresh (self);
  else
    set_offline (self);
}

/* GObject */

static void
zc_unit_statistics_view_dispose (GObject *object)
{
  ZcUnitStatisticsView *self = ZC_UNIT_STATISTICS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->statistics, zc_unit_statistics_free);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (zc_unit_statistics_view_parent_class)->dispose (object);
}

static void
zc_unit_statistics_view_class_init (ZcUnitStatisticsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zc_unit_statistics_view_dispose;
}

static void
zc_unit_statistics_view_init (ZcUnitStatisticsView *self)
{
  GtkWidget *header, *title, *content, *scrolled;
  g_autoptr(GtkNoSelection) selection = NULL;

  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  title = gtk_label_new (_("Professional staff by title"));
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (header), title);
  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_set_hexpand (self->summary, TRUE);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_box_append (GTK_BOX (header), self->summary);
  self->refresh = gtk_button_new_with_mnemonic (_("_Refresh"));
  gtk_widget_set_name (self->refresh, "refresh");
  gtk_widget_set_tooltip_text (self->refresh, _("Ask the server for the numbers again"));
  g_signal_connect_swapped (self->refresh, "clicked", G_CALLBACK (zc_unit_statistics_view_refresh), self);
  gtk_box_append (GTK_BOX (header), self->refresh);
  gtk_box_append (GTK_BOX (self), header);

  self->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_widget_add_css_class (self->status, "warning");
  gtk_widget_set_visible (self->status, FALSE);
  gtk_box_append (GTK_BOX (self), self->status);

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_widget_set_vexpand (content, TRUE);
  self->chart = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_widget_set_vexpand (self->chart, TRUE);
  gtk_widget_set_size_request (self->chart, 320, 260);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart of the professional staff by series and level"),
                                  -1);
  gtk_box_append (GTK_BOX (content), self->chart);

  self->rows = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_column_separators (self->table, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Professional staff by series and level"), -1);
  add_column (self, 0, _("Series"));
  for (guint l = 0; l < ZC_N_TITLE_LEVELS; l++)
    add_column (self, l + 1, level_label (l));
  add_column (self, N_COLUMNS - 1, _("Total"));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  gtk_widget_set_size_request (scrolled, 420, -1);
  gtk_box_append (GTK_BOX (content), scrolled);
  gtk_box_append (GTK_BOX (self), content);
}

/**
 * zc_unit_statistics_view_new:
 * @session: the unit officer's session
 *
 * Returns: (transfer floating): the view; it asks for the numbers at once
 */
GtkWidget *
zc_unit_statistics_view_new (ZcSession *session)
{
  ZcUnitStatisticsView *self;

  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_UNIT_STATISTICS_VIEW, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
  zc_unit_statistics_view_refresh (self);
  return GTK_WIDGET (self);
}

/* Accessors */

gboolean
zc_unit_statistics_view_is_busy (ZcUnitStatisticsView *self)
{
  g_return_val_if_fail (ZC_IS_UNIT_STATISTICS_VIEW (self), FALSE);
  return self->busy > 0;
}

gboolean
zc_unit_statistics_view_is_online (ZcUnitStatisticsView *self)
{
  g_return_val_if_fail (ZC_IS_UNIT_STATISTICS_VIEW (self), FALSE);
  return self->online;
}

/* Returns: (nullable): the last numbers received */
const ZcUnitStatistics *
zc_unit_statistics_view_get_statistics (ZcUnitStatisticsView *self)
{
  g_return_val_if_fail (ZC_IS_UNIT_STATISTICS_VIEW (self), NULL);
  return self->statistics;
}

GtkWidget *
zc_unit_statistics_view_get_chart (ZcUnitStatisticsView *self)
{
  g_return_val_if_fail (ZC_IS_UNIT_STATISTICS_VIEW (self), NULL);
  return self->chart;
}

GtkColumnView *
zc_unit_statistics_view_get_table (ZcUnitStatisticsView *self)
{
  g_return_val_if_fail (ZC_IS_UNIT_STATISTICS_VIEW (self), NULL);
  return self->table;
}

/* Returns: what the view says of itself (offline, an error), or "" */
const char *
zc_unit_statistics_view_get_status (ZcUnitStatisticsView *self)
{
  g_return_val_if_fail (ZC_IS_UNIT_STATISTICS_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->status));
}
