/* zc-plans-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plans-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-local-store-plans.h"
#include "zc-plan-object.h"
#include "zc-plans-page.h"
#include "zc-taxonomy.h"

/* The filters offer only what the cached plans hold: a series no plan
 * covers would only lead to an empty list.  Each level of the title
 * cascade offers what fits the levels above it, and choosing one
 * resets the levels below (clearing the series clears them all). */

struct _ZcPlansPage
{
  AdwBin              parent_instance;

  ZcLocalStore       *store;       /* owned */
  GListStore         *all;         /* owned, of ZcPlanObject */
  GtkCustomFilter    *filter;      /* owned */
  GtkFilterListModel *shown;       /* owned */
  GPtrArray          *codes[ZC_N_PLANS_FILTERS];  /* owned, of char*; [0] NULL = all */
  guint               updating;

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search;
  GtkDropDown        *drops[ZC_N_PLANS_FILTERS];
  GtkListBox         *list;
  GtkLabel           *count_label;
  GtkWidget          *back_button;
  GtkWidget          *empty;
  ZcPlanDetails      *details;
};

G_DEFINE_FINAL_TYPE (ZcPlansPage, zc_plans_page, ADW_TYPE_BIN)

static const char *const title_members[] = { "series", "category", "level", "title" };

/* What each drop-down says when nothing is chosen, and its name. */
static const struct {
  const char *all;
  const char *name;
} filter_texts[ZC_N_PLANS_FILTERS] = {
  { N_("All series"), N_("Series") },
  { N_("All categories"), N_("Category") },
  { N_("All levels"), N_("Level") },
  { N_("All titles"), N_("Title") },
  { N_("Any state"), N_("Plan state") },
  { N_("All regions"), N_("Region") },
};

static gboolean
str_equal0 (gconstpointer a,
            gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

static const char *
pick_member (JsonObject *pick,
             const char *name)
{
  JsonNode *node = json_object_get_member (pick, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

const char *
zc_plans_page_get_filter_value (ZcPlansPage   *self,
                                ZcPlansFilter  filter)
{
  guint position;

  g_return_val_if_fail (ZC_IS_PLANS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) filter < ZC_N_PLANS_FILTERS, NULL);

  position = gtk_drop_down_get_selected (self->drops[filter]);
  if (position == GTK_INVALID_LIST_POSITION || position >= self->codes[filter]->len)
    return NULL;
  return g_ptr_array_index (self->codes[filter], position);
}

static void
set_options (ZcPlansPage *self,
             guint        filter,
             GPtrArray   *codes,
             GPtrArray   *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *keep = g_strdup (zc_plans_page_get_filter_value (self, filter));
  guint selected = 0;

  g_ptr_array_set_size (self->codes[filter], 0);
  g_ptr_array_add (self->codes[filter], NULL);
  gtk_string_list_append (model, _(filter_texts[filter].all));
  for (guint i = 0; i < codes->len; i++)
    {
      g_ptr_array_add (self->codes[filter], g_strdup (g_ptr_array_index (codes, i)));
      gtk_string_list_append (model, g_ptr_array_index (labels, i));
      /* the state and region survive a reload; the cascade is reset */
      if (filter >= ZC_PLANS_FILTER_STATE && g_strcmp0 (keep, g_ptr_array_index (codes, i)) == 0)
        selected = i + 1;
    }

  self->updating++;
  gtk_drop_down_set_model (self->drops[filter], G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->drops[filter], selected);
  self->updating--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->drops[filter]), codes->len > 0);
}

static void
add_option (GPtrArray  *codes,
            GPtrArray  *labels,
            const char *code,
            char       *label)  /* taken */
{
  if (code == NULL || g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
    {
      g_free (label);
      return;
    }
  g_ptr_array_add (codes, g_strdup (code));
  g_ptr_array_add (labels, label);
}

/* Whether @pick fits the cascade's choices above @depth. */
static gboolean
pick_fits_above (ZcPlansPage *self,
                 JsonObject  *pick,
                 guint        depth)
{
  for (guint d = 0; d < depth; d++)
    {
      const char *chosen = zc_plans_page_get_filter_value (self, d);

      if (chosen != NULL && g_strcmp0 (chosen, pick_member (pick, title_members[d])) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Refills the title levels below @depth (all of them for -1). */
static void
refill_cascade (ZcPlansPage *self,
                int          depth)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();

  for (guint d = (guint) (depth + 1); d <= ZC_PLANS_FILTER_TITLE; d++)
    {
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->all)); i++)
        {
          g_autoptr(ZcPlanObject) object = g_list_model_get_item (G_LIST_MODEL (self->all), i);
          JsonArray *titles = zc_plan_get_titles (zc_plan_object_get_plan (object));

          for (guint t = 0; titles != NULL && t < json_array_get_length (titles); t++)
            {
              JsonNode *node = json_array_get_element (titles, t);
              JsonObject *pick;
              const char *code;
              char *label;

              if (!JSON_NODE_HOLDS_OBJECT (node))
                continue;
              pick = json_node_get_object (node);
              if (!pick_fits_above (self, pick, d))
                continue;
              code = pick_member (pick, title_members[d]);
              label = g_strdup (code);
              if (d == ZC_PLANS_FILTER_SERIES && code != NULL)
                {
                  const ZcTaxonomySeries *series = zc_taxonomy_find_series (taxonomy, code);

                  if (series != NULL)
                    {
                      g_free (label);
                      label = g_strdup (zc_taxonomy_series_get_label (series, ZC_LANGUAGE_LOCALE));
                    }
                }
              add_option (codes, labels, code, label);
            }
        }
      /* a level below an open choice would mix unrelated titles */
      if (d > 0 && zc_plans_page_get_filter_value (self, d - 1) == NULL)
        {
          g_ptr_array_set_size (codes, 0);
          g_ptr_array_set_size (labels, 0);
        }
      set_options (self, d, codes, labels);
    }
}

static void
fill_state_and_region (ZcPlansPage *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  add_option (codes, labels, zc_plan_state_to_string (ZC_PLAN_STATE_PUBLISHED),
              /* Translators: a plan that takes declarations */
              g_strdup (C_("plan state", "Receiving")));
  add_option (codes, labels, zc_plan_state_to_string (ZC_PLAN_STATE_CLOSED),
              g_strdup (C_("plan state", "Closed")));
  set_options (self, ZC_PLANS_FILTER_STATE, codes, labels);

  g_ptr_array_set_size (codes, 0);
  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->all)); i++)
    {
      g_autoptr(ZcPlanObject) object = g_list_model_get_item (G_LIST_MODEL (self->all), i);
      const char *code = zc_plan_get_region_code (zc_plan_object_get_plan (object));

      add_option (codes, labels, code, zc_plan_object_region_label (code));
    }
  set_options (self, ZC_PLANS_FILTER_REGION, codes, labels);
}

/* Filtering */

static gboolean
plan_visible (gpointer item,
              gpointer user_data)
{
  ZcPlansPage *self = user_data;
  ZcPlanObject *object = item;
  ZcPlanFilter filter;
  ZcPlanState state;
  const char *state_code = zc_plans_page_get_filter_value (self, ZC_PLANS_FILTER_STATE);

  zc_plan_filter_init (&filter);
  filter.series = zc_plans_page_get_filter_value (self, ZC_PLANS_FILTER_SERIES);
  filter.category = zc_plans_page_get_filter_value (self, ZC_PLANS_FILTER_CATEGORY);
  filter.level = zc_plans_page_get_filter_value (self, ZC_PLANS_FILTER_LEVEL);
  filter.title = zc_plans_page_get_filter_value (self, ZC_PLANS_FILTER_TITLE);
  filter.region_code = zc_plans_page_get_filter_value (self, ZC_PLANS_FILTER_REGION);
  if (state_code != NULL && zc_plan_state_from_string (state_code, &state))
    filter.state = state;

  return zc_plan_matches (zc_plan_object_get_plan (object), &filter) &&
         zc_plan_object_matches_text (object, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static void
update_count (ZcPlansPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->all));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u plan", "%u of %u plans", total),
                                           n, total);

  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (self->empty, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
}

static void
refilter (ZcPlansPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_filter_selected (GtkDropDown *drop,
                    GParamSpec  *pspec,
                    ZcPlansPage *self)
{
  if (self->updating > 0)
    return;
  for (guint d = 0; d <= ZC_PLANS_FILTER_TITLE; d++)
    if (drop == self->drops[d])
      refill_cascade (self, (int) d);
  refilter (self);
}

/* The list */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ZcPlanObject *object = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = zc_plan_object_describe (object);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zc_plan_object_get_name (object));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
show_row (ZcPlansPage   *self,
          GtkListBoxRow *row)
{
  g_autoptr(ZcPlanObject) object = NULL;
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index >= 0)
    object = g_list_model_get_item (G_LIST_MODEL (self->shown), (guint) index);
  zc_plan_details_set_plan (self->details, object != NULL ? zc_plan_object_get_plan (object) : NULL);
}

static void
on_row_selected (ZcPlansPage   *self,
                 GtkListBoxRow *row)
{
  show_row (self, row);
}

static void
on_row_activated (ZcPlansPage   *self,
                  GtkListBoxRow *row)
{
  show_row (self, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (self->back_button);
}

static void
on_back (ZcPlansPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "plans");
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
on_folded (ZcPlansPage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

void
zc_plans_page_reload (ZcPlansPage *self)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_id = NULL;
  ZcPlan *shown;

  g_return_if_fail (ZC_IS_PLANS_PAGE (self));

  shown = zc_plan_details_get_plan (self->details);
  selected_id = shown != NULL ? g_strdup (zc_plan_get_id (shown)) : NULL;

  plans = zc_local_store_list_plans (self->store, &error);
  if (plans == NULL)
    {
      g_warning ("Cannot read the plans: %s", error->message);
      return;
    }
  g_list_store_remove_all (self->all);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(ZcPlanObject) object = zc_plan_object_new (g_ptr_array_index (plans, i));
      g_list_store_append (self->all, object);
    }

  refill_cascade (self, -1);
  fill_state_and_region (self);
  refilter (self);
  if (selected_id == NULL || !zc_plans_page_select_plan (self, selected_id))
    zc_plan_details_set_plan (self->details, NULL);
}

static void
on_store_changed (ZcPlansPage *self,
                  const char  *record_id,
                  const char  *kind)
{
  if (g_strcmp0 (kind, ZC_LOCAL_STORE_PLAN_KIND) == 0)
    zc_plans_page_reload (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ZcPlansPage *self = ZC_PLANS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "plans");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

/* Building */

static GtkWidget *
build_filters (ZcPlansPage *self)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint f = 0; f < ZC_N_PLANS_FILTERS; f++)
    {
      self->codes[f] = g_ptr_array_new_with_free_func (g_free);
      self->drops[f] = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
      gtk_widget_set_hexpand (GTK_WIDGET (self->drops[f]), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->drops[f]), _(filter_texts[f].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->drops[f]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(filter_texts[f].name), -1);
      g_signal_connect (self->drops[f], "notify::selected", G_CALLBACK (on_filter_selected), self);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->drops[f]), (int) (f % 2), (int) (f / 2), 1, 1);
    }
  return grid;
}

static GtkWidget *
build_list_pane (ZcPlansPage *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *status;

  gtk_widget_set_size_request (pane, 320, -1);
  gtk_widget_set_margin_start (pane, 12);
  gtk_widget_set_margin_end (pane, 12);
  gtk_widget_set_margin_top (pane, 12);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search plans by name, committee or title"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search plans"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (refilter), self);
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (pane), build_filters (self));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->count_label));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Review plans"), -1);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->shown), create_row, self, NULL);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No plans"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("No review plan matches. Plans are received when you sync; "
                                     "change the filters or sync again."));
  gtk_widget_add_css_class (status, "compact");
  self->empty = status;

  gtk_widget_set_margin_bottom (content, 12);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (content), status);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (pane), scroller);
  return pane;
}

static GtkWidget *
build_details_pane (ZcPlansPage *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the plans"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the plans"), -1);
  gtk_widget_set_halign (self->back_button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->back_button, 12);
  gtk_widget_set_margin_top (self->back_button, 8);
  gtk_widget_set_visible (self->back_button, FALSE);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back), self);
  gtk_box_append (GTK_BOX (pane), self->back_button);
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->details));
  gtk_widget_set_hexpand (pane, TRUE);
  gtk_widget_set_size_request (pane, 300, -1);
  return pane;
}

static void
zc_plans_page_dispose (GObject *object)
{
  ZcPlansPage *self = ZC_PLANS_PAGE (object);

  /* the rows go with the list: no selection changes on the way out */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_data (self->leaflet, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->list = NULL;
  self->leaflet = NULL;
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->all);
  g_clear_object (&self->store);
  for (guint f = 0; f < ZC_N_PLANS_FILTERS; f++)
    g_clear_pointer (&self->codes[f], g_ptr_array_unref);

  G_OBJECT_CLASS (zc_plans_page_parent_class)->dispose (object);
}

static void
zc_plans_page_class_init (ZcPlansPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_plans_page_dispose;

  gtk_widget_class_install_action (widget_class, "plans.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "plans.search", NULL);
}

static void
zc_plans_page_init (ZcPlansPage *self)
{
  self->all = g_list_store_new (ZC_TYPE_PLAN_OBJECT);
  self->filter = gtk_custom_filter_new (plan_visible, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->all)),
                                           g_object_ref (GTK_FILTER (self->filter)));
}

/**
 * zc_plans_page_new:
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
zc_plans_page_new (ZcLocalStore *store)
{
  ZcPlansPage *self;
  AdwLeafletPage *page;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_PLANS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->details = ZC_PLAN_DETAILS (zc_plan_details_new (store));

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  {
    /* a plan's long name must not widen the list beyond a sidebar */
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 380);
    adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 380);
    adw_clamp_set_child (ADW_CLAMP (clamp), build_list_pane (self));
    /* the details take the room a wide window gives */
    gtk_widget_set_hexpand (clamp, FALSE);
    page = adw_leaflet_append (self->leaflet, clamp);
  }
  adw_leaflet_page_set_name (page, "plans");
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  page = adw_leaflet_append (self->leaflet, build_details_pane (self));
  adw_leaflet_page_set_name (page, "details");
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->leaflet));

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  zc_plans_page_reload (self);
  return GTK_WIDGET (self);
}

void
zc_plans_page_set_session (ZcPlansPage *self,
                           ZcSession   *session)
{
  g_return_if_fail (ZC_IS_PLANS_PAGE (self));
  zc_plan_details_set_session (self->details, session);
}

/* Returns: (transfer none): the plans shown, of ZcPlanObject */
GListModel *
zc_plans_page_get_plans (ZcPlansPage *self)
{
  g_return_val_if_fail (ZC_IS_PLANS_PAGE (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/* Returns: (transfer none): the drop-down of @filter */
GtkDropDown *
zc_plans_page_get_filter (ZcPlansPage   *self,
                          ZcPlansFilter  filter)
{
  g_return_val_if_fail (ZC_IS_PLANS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) filter < ZC_N_PLANS_FILTERS, NULL);
  return self->drops[filter];
}

gboolean
zc_plans_page_set_filter_value (ZcPlansPage   *self,
                                ZcPlansFilter  filter,
                                const char    *value)
{
  guint index;

  g_return_val_if_fail (ZC_IS_PLANS_PAGE (self), FALSE);
  g_return_val_if_fail ((guint) filter < ZC_N_PLANS_FILTERS, FALSE);

  if (value == NULL)
    {
      gtk_drop_down_set_selected (self->drops[filter], 0);
      return TRUE;
    }
  /* the first code is NULL, "all" */
  if (!g_ptr_array_find_with_equal_func (self->codes[filter], value, str_equal0, &index))
    return FALSE;
  gtk_drop_down_set_selected (self->drops[filter], index);
  return TRUE;
}

void
zc_plans_page_set_search (ZcPlansPage *self,
                          const char  *text)
{
  g_return_if_fail (ZC_IS_PLANS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), text != NULL ? text : "");
  /* not after the entry's delay: the caller wants the list now */
  refilter (self);
}

gboolean
zc_plans_page_select_plan (ZcPlansPage *self,
                           const char  *plan_id)
{
  g_return_val_if_fail (ZC_IS_PLANS_PAGE (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->shown)); i++)
    {
      g_autoptr(ZcPlanObject) object = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      if (g_strcmp0 (zc_plan_object_get_id (object), plan_id) == 0)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) i);

          gtk_list_box_select_row (self->list, row);
          show_row (self, row);
          return TRUE;
        }
    }
  return FALSE;
}

/* Returns: (transfer none): the details pane */
ZcPlanDetails *
zc_plans_page_get_details (ZcPlansPage *self)
{
  g_return_val_if_fail (ZC_IS_PLANS_PAGE (self), NULL);
  return self->details;
}
