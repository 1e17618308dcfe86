/* zc-review-desk-columns.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-review-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-form-schema.h"
#include "zc-json.h"
#include "zc-workflow.h"
#include "zc-review-desk-private.h"

/* The queue is a GtkColumnView over a ZcReviewQueueModel; sorting and
 * filtering are the store query's, so the view never needs every row.
 * Clicking a column header changes the column view's sorter, which this
 * file reads back (GTK 4.8 has no getter for the sorted column) and
 * turns into the query's order. */

static const int status_states[] = {
  ZC_REVIEW_STATE_PENDING, ZC_REVIEW_STATE_RETURNED, ZC_REVIEW_STATE_APPROVED,
  ZC_REVIEW_STATE_REJECTED, ZC_REVIEW_STATE_UNREVIEWED, -1,
};
static const guint age_days[] = { 0, 3, 7, 30 };

static GtkWidget *
inner_list (ZcReviewDesk *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The row widget showing @position, found through the cells' labels
 * (GTK 4.8 has no API for it); the list follows the focus with its
 * cursor, so focusing the row puts Shift+arrows' start there. */
static GtkWidget *
find_row (GtkWidget *widget,
          guint      position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListItem *list_item = g_object_get_data (G_OBJECT (child), "zc-list-item");
      GtkWidget *found;

      if (list_item != NULL && gtk_list_item_get_position (list_item) == position)
        return child;
      found = find_row (child, position);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
focus_row (ZcReviewDesk *self,
           guint         position)
{
  GtkWidget *list = inner_list (self);
  GtkWidget *label = list != NULL ? find_row (list, position) : NULL;
  GtkWidget *row = label;

  while (row != NULL && gtk_widget_get_parent (row) != list)
    row = gtk_widget_get_parent (row);
  return row != NULL && gtk_widget_grab_focus (row);
}

static void
focus_row_later (GtkWidget *widget,
                 gpointer   data)
{
  ZcReviewDesk *self = ZC_REVIEW_DESK (widget);

  if (self->focus_position != GTK_INVALID_LIST_POSITION)
    focus_row (self, self->focus_position);
  self->focus_position = GTK_INVALID_LIST_POSITION;
}

static gboolean
focus_row_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  focus_row_later (widget, data);
  return G_SOURCE_REMOVE;
}

/* Moves the list's view (and the keyboard) to @position. */
static void
scroll_to (ZcReviewDesk *self,
           guint         position)
{
  GtkWidget *list = inner_list (self);

  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (!focus_row (self, position) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->focus_position = position;
      gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_row_tick, NULL, NULL);
    }
}

/* Through the list's own action, so that Shift+arrows extend from here. */
void
zc_review_desk_select_position (ZcReviewDesk *self,
                                guint         position)
{
  GtkWidget *list = inner_list (self);
  gboolean done = FALSE;

  if (list != NULL)
    done = gtk_widget_activate_action (list, "list.select-item", "(ubb)", position, FALSE, FALSE);
  if (!done)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  scroll_to (self, position);
}

gboolean
zc_review_desk_select_entry (ZcReviewDesk *self,
                             const char   *id)
{
  guint position;

  g_return_val_if_fail (ZC_IS_REVIEW_DESK (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!zc_review_queue_model_find (self->model, id, &position))
    return FALSE;
  zc_review_desk_select_position (self, position);
  return TRUE;
}

/* Filters */

static void
apply_filters (ZcReviewDesk *self)
{
  ZcReviewFilter filter;
  guint person = gtk_drop_down_get_selected (self->person_filter);
  guint category = gtk_drop_down_get_selected (self->category_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint age = gtk_drop_down_get_selected (self->age_filter);

  if (self->updating_filters)
    return;
  zc_review_queue_model_get_filter (self->model, &filter);
  filter.person_id = person < self->person_ids->len ? self->person_ids->pdata[person] : NULL;
  filter.category = category < self->form_ids->len ? self->form_ids->pdata[category] : NULL;
  filter.state = status < G_N_ELEMENTS (status_states) ? status_states[status] : -1;
  filter.min_age_days = age < G_N_ELEMENTS (age_days) ? age_days[age] : 0;
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  zc_review_queue_model_set_filter (self->model, &filter);
  zc_review_desk_update_count (self);
  zc_review_desk_update_detail (self);
}

/* The applicants of the queue, rebuilt only when they change, so an
 * open filter keeps its choice. */
static void
update_people (ZcReviewDesk *self)
{
  g_autoptr(GPtrArray) people = zc_local_store_review_list_people (self->store, NULL);
  g_autoptr(GtkStringList) labels = NULL;
  const char *chosen = NULL;
  guint selected = 0;
  gboolean same;

  if (people == NULL)
    return;
  same = people->len + 1 == self->person_ids->len;
  for (guint i = 0; same && i < people->len; i++)
    {
      ZcReviewPerson *person = people->pdata[i];

      same = g_strcmp0 (person->id, self->person_ids->pdata[i + 1]) == 0 &&
             g_strcmp0 (g_object_get_data (G_OBJECT (self->person_filter), person->id), person->name) == 0;
    }
  if (same)
    return;

  chosen = gtk_drop_down_get_selected (self->person_filter) < self->person_ids->len
    ? self->person_ids->pdata[gtk_drop_down_get_selected (self->person_filter)] : NULL;
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("All applicants"));
  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (ids, NULL);
    for (guint i = 0; i < people->len; i++)
      {
        ZcReviewPerson *person = people->pdata[i];
        g_autofree char *label = person->name != NULL ? g_strdup (person->name)
                                                      : g_strdup_printf (_("Applicant %.8s"), person->id);

        gtk_string_list_append (labels, label);
        g_ptr_array_add (ids, g_strdup (person->id));
        g_object_set_data_full (G_OBJECT (self->person_filter), person->id, g_strdup (person->name), g_free);
        if (g_strcmp0 (chosen, person->id) == 0)
          selected = i + 1;
      }
    g_ptr_array_unref (self->person_ids);
    self->person_ids = g_steal_pointer (&ids);
  }
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->person_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->person_filter, selected);
  self->updating_filters = FALSE;
}

void
zc_review_desk_on_store_changed (ZcReviewDesk *self)
{
  update_people (self);
  zc_review_desk_update_count (self);
}

void
zc_review_desk_build_filters (ZcReviewDesk *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ages = gtk_string_list_new (NULL);
  ZcFormKind kinds[] = { ZC_FORM_KIND_ARCHIVE_CATEGORY, ZC_FORM_KIND_SERIES_BLOCK };

  gtk_string_list_append (categories, _("All categories"));
  g_ptr_array_add (self->form_ids, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) schemas = zc_form_schema_load_all (kinds[k], NULL);

      for (guint i = 0; schemas != NULL && i < schemas->len; i++)
        {
          ZcFormSchema *schema = schemas->pdata[i];

          gtk_string_list_append (categories, zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));
          g_ptr_array_add (self->form_ids, g_strdup (zc_form_schema_get_id (schema)));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (status_states); i++)
    gtk_string_list_append (statuses, status_states[i] >= 0
                                      ? zc_review_state_get_label (status_states[i], ZC_LANGUAGE_LOCALE)
                                      : _("All statuses"));
  gtk_string_list_append (ages, _("Any waiting time"));
  gtk_string_list_append (ages, _("Waiting 3 days or more"));
  gtk_string_list_append (ages, _("Waiting 7 days or more"));
  gtk_string_list_append (ages, _("Waiting 30 days or more"));

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->category_filter, G_LIST_MODEL (categories));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->age_filter, G_LIST_MODEL (ages));
  self->updating_filters = FALSE;
  update_people (self);

  g_signal_connect_swapped (self->person_filter, "notify::selected", G_CALLBACK (apply_filters), self);
  g_signal_connect_swapped (self->category_filter, "notify::selected", G_CALLBACK (apply_filters), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (apply_filters), self);
  g_signal_connect_swapped (self->age_filter, "notify::selected", G_CALLBACK (apply_filters), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (apply_filters), self);
}

/**
 * zc_review_desk_set_filter:
 *
 * Shows @filter's person, category, status, age and search in the
 * filter bar and applies them; the order stays the column view's.
 */
void
zc_review_desk_set_filter (ZcReviewDesk         *self,
                           const ZcReviewFilter *filter)
{
  guint person = 0, category = 0, status = G_N_ELEMENTS (status_states) - 1, age = 0;

  g_return_if_fail (ZC_IS_REVIEW_DESK (self));
  g_return_if_fail (filter != NULL);

  for (guint i = 1; i < self->person_ids->len; i++)
    if (g_strcmp0 (filter->person_id, self->person_ids->pdata[i]) == 0)
      person = i;
  for (guint i = 1; i < self->form_ids->len; i++)
    if (g_strcmp0 (filter->category, self->form_ids->pdata[i]) == 0)
      category = i;
  for (guint i = 0; i < G_N_ELEMENTS (status_states); i++)
    if (status_states[i] == filter->state)
      status = i;
  for (guint i = 0; i < G_N_ELEMENTS (age_days); i++)
    if (age_days[i] <= filter->min_age_days)
      age = i;

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->person_filter, person);
  gtk_drop_down_set_selected (self->category_filter, category);
  gtk_drop_down_set_selected (self->status_filter, status);
  gtk_drop_down_set_selected (self->age_filter, age);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), filter->search != NULL ? filter->search : "");
  self->updating_filters = FALSE;
  apply_filters (self);
}

/* Columns */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  g_object_set_data (G_OBJECT (label), "zc-list-item", list_item);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  ZcReviewItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *age = NULL;
  const char *text = NULL;

  gtk_widget_remove_css_class (label, "accent");
  gtk_widget_remove_css_class (label, "error");
  switch ((Column) GPOINTER_TO_INT (data))
    {
    case COLUMN_PERSON:
      text = zc_review_item_get_person (item);
      break;
    case COLUMN_CATEGORY:
      text = zc_review_item_get_category (item);
      break;
    case COLUMN_SUMMARY:
      text = zc_review_item_get_summary (item);
      break;
    case COLUMN_STATUS:
      text = zc_review_item_get_status_label (item);
      if (zc_review_item_get_flags (item) & ZC_REVIEW_ROW_REFUSED)
        gtk_widget_add_css_class (label, "error");
      else if (zc_review_item_get_flags (item) & ZC_REVIEW_ROW_AWAITING)
        gtk_widget_add_css_class (label, "accent");
      break;
    case COLUMN_AGE:
      age = zc_review_item_format_age (item, g_get_real_time ());
      text = age;
      break;
    case N_COLUMNS:
    default:
      break;
    }
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

/* Each sortable column's sorter tells which column the view asked
 * first; comparing two dummies through the view's sorter then gives
 * the column and, by the sign, the direction. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  ZcReviewDesk *self = ZC_REVIEW_DESK ((gpointer) a);

  if (self->probed_column < 0)
    self->probed_column = GPOINTER_TO_INT (data);
  return -1;
}

void
zc_review_desk_on_sort_changed (ZcReviewDesk *self)
{
  static const ZcReviewSort sorts[N_COLUMNS] = {
    ZC_REVIEW_SORT_PERSON, ZC_REVIEW_SORT_CATEGORY, ZC_REVIEW_SORT_AGE, ZC_REVIEW_SORT_STATUS, ZC_REVIEW_SORT_AGE,
  };
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  ZcReviewFilter filter;
  GtkOrdering order;

  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, self, self);
  zc_review_queue_model_get_filter (self->model, &filter);
  if (self->probed_column >= 0 && self->probed_column < N_COLUMNS)
    {
      filter.sort = sorts[self->probed_column];
      /* the age column shows time waited: its ascending is newest first */
      filter.descending = (order == GTK_ORDERING_LARGER) != (self->probed_column == COLUMN_AGE);
    }
  else
    {
      filter.sort = ZC_REVIEW_SORT_AGE;
      filter.descending = FALSE;
    }
  zc_review_queue_model_set_filter (self->model, &filter);
}

void
zc_review_desk_add_column (ZcReviewDesk *self,
                           Column        column,
                           const char   *title,
                           gboolean      sortable,
                           int           fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  else
    gtk_column_view_column_set_expand (view_column, TRUE);
  if (sortable)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (column), NULL));

      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);
}
