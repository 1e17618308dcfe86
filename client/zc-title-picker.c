/* zc-title-picker.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-title-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-taxonomy.h"
#include "zc-title-picker.h"

/* A professional title as a cascade of drop-downs (SPEC "Title
 * taxonomy", Sichuan manual §2.2.1.1.1): series → category → level →
 * title → specialty.  Each choice fills the next list; clearing one
 * empties every list under it.  A category whose specialties are only
 * examples takes the specialty as typed text instead. */

struct _ZcTitlePicker
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
  GtkWidget *drops[ZC_TITLE_PICKER_N_DEPTHS];
  GPtrArray *codes[ZC_TITLE_PICKER_N_DEPTHS];   /* owned, of char*; [0] NULL = none */
  GtkWidget *specialty_entry;
  gboolean   editable;
  guint      updating;
};

G_DEFINE_FINAL_TYPE (ZcTitlePicker, zc_title_picker, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const members[ZC_TITLE_PICKER_N_DEPTHS] = {
  "series", "category", "level", "title", "specialty"
};

static const char *const depth_labels[ZC_TITLE_PICKER_N_DEPTHS] = {
  NC_("title pick", "Series"), NC_("title pick", "Category"), NC_("title pick", "Level"),
  NC_("title pick", "Title"), NC_("title pick", "Specialty"),
};

/* the lists start with NULL, "none chosen" */
static gboolean
str_equal0 (gconstpointer a,
            gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

static const char *
selected_code (ZcTitlePicker *self,
               guint          depth)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->drops[depth]));

  if (position == GTK_INVALID_LIST_POSITION || position >= self->codes[depth]->len)
    return NULL;
  return g_ptr_array_index (self->codes[depth], position);
}

static gboolean
specialty_is_typed (ZcTitlePicker *self)
{
  return gtk_widget_get_visible (self->specialty_entry);
}

static void
set_options (ZcTitlePicker *self,
             guint          depth,
             GPtrArray     *codes,
             GPtrArray     *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->codes[depth], 0);
  g_ptr_array_add (self->codes[depth], NULL);
  /* Translators: the first entry of a drop-down, meaning nothing chosen */
  gtk_string_list_append (model, _("Not chosen"));
  for (guint i = 0; i < codes->len; i++)
    {
      g_ptr_array_add (self->codes[depth], g_strdup (g_ptr_array_index (codes, i)));
      gtk_string_list_append (model, g_ptr_array_index (labels, i));
    }

  self->updating++;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->drops[depth]), G_LIST_MODEL (model));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drops[depth]), 0);
  self->updating--;
  gtk_widget_set_sensitive (self->drops[depth], codes->len > 0 && self->editable);
}

static void
add_option (GPtrArray  *codes,
            GPtrArray  *labels,
            const char *code,
            const char *label)
{
  if (g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
    return;
  g_ptr_array_add (codes, g_strdup (code));
  g_ptr_array_add (labels, g_strdup (label));
}

/* Refills every list below @depth from the choices at and above it; a
 * list whose parent is not chosen is empty. */
static void
refill_below (ZcTitlePicker *self,
              guint          depth)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  const ZcTaxonomySeries *series = NULL;
  const ZcTaxonomyCategory *category = NULL;
  ZcTitleLevel level = ZC_TITLE_LEVEL_CLERK;
  gboolean have_level = FALSE;

  if (selected_code (self, ZC_TITLE_PICKER_SERIES) != NULL)
    series = zc_taxonomy_find_series (taxonomy, selected_code (self, ZC_TITLE_PICKER_SERIES));
  if (series != NULL && depth >= ZC_TITLE_PICKER_CATEGORY && selected_code (self, ZC_TITLE_PICKER_CATEGORY) != NULL)
    category = zc_taxonomy_series_find_category (series, selected_code (self, ZC_TITLE_PICKER_CATEGORY));
  if (category != NULL && depth >= ZC_TITLE_PICKER_LEVEL && selected_code (self, ZC_TITLE_PICKER_LEVEL) != NULL)
    have_level = zc_title_level_from_string (selected_code (self, ZC_TITLE_PICKER_LEVEL), &level);

  for (guint d = depth + 1; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    {
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      if (d == ZC_TITLE_PICKER_CATEGORY && series != NULL)
        {
          for (guint i = 0; i < zc_taxonomy_series_get_n_categories (series); i++)
            {
              const char *name = zc_taxonomy_category_get_name (zc_taxonomy_series_get_category (series, i));
              add_option (codes, labels, name, name);
            }
        }
      else if (d == ZC_TITLE_PICKER_LEVEL && category != NULL)
        {
          for (int l = 0; l < ZC_N_TITLE_LEVELS; l++)
            if (zc_taxonomy_category_get_title (category, l) != NULL)
              add_option (codes, labels, zc_title_level_to_string (l), zc_title_level_get_label (l, ZC_LANGUAGE_LOCALE));
        }
      else if (d == ZC_TITLE_PICKER_TITLE && have_level)
        {
          g_autoptr(GPtrArray) titles = zc_taxonomy_list_titles (taxonomy, zc_taxonomy_series_get_code (series),
                                                                 zc_taxonomy_category_get_name (category), (int) level);
          for (guint i = 0; i < titles->len; i++)
            {
              const ZcTitleRef *ref = g_ptr_array_index (titles, i);
              add_option (codes, labels, ref->title, ref->title);
            }
        }
      else if (d == ZC_TITLE_PICKER_SPECIALTY)
        {
          gboolean complete = category == NULL || zc_taxonomy_category_specialties_complete (category);
          const char * const *specialties = category != NULL ? zc_taxonomy_category_get_specialties (category) : NULL;

          for (guint i = 0; complete && specialties != NULL && specialties[i] != NULL; i++)
            add_option (codes, labels, specialties[i], specialties[i]);

          gtk_widget_set_visible (self->drops[d], complete);
          gtk_widget_set_visible (self->specialty_entry, !complete);
          self->updating++;
          gtk_editable_set_text (GTK_EDITABLE (self->specialty_entry), "");
          self->updating--;
          gtk_widget_set_sensitive (self->specialty_entry, self->editable);
        }

      set_options (self, d, codes, labels);
    }
}

static void
on_selected (GtkDropDown   *drop,
             GParamSpec    *pspec,
             ZcTitlePicker *self)
{
  if (self->updating > 0)
    return;
  for (guint d = 0; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    if (GTK_WIDGET (drop) == self->drops[d])
      {
        refill_below (self, d);
        break;
      }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_specialty_changed (ZcTitlePicker *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
zc_title_picker_dispose (GObject *object)
{
  ZcTitlePicker *self = ZC_TITLE_PICKER (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);
  G_OBJECT_CLASS (zc_title_picker_parent_class)->dispose (object);
}

static void
zc_title_picker_finalize (GObject *object)
{
  ZcTitlePicker *self = ZC_TITLE_PICKER (object);

  for (guint d = 0; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    g_clear_pointer (&self->codes[d], g_ptr_array_unref);
  G_OBJECT_CLASS (zc_title_picker_parent_class)->finalize (object);
}

static void
zc_title_picker_class_init (ZcTitlePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_title_picker_dispose;
  object_class->finalize = zc_title_picker_finalize;

  /**
   * ZcTitlePicker::changed:
   *
   * The user changed a choice (not emitted by set_value()).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zc-title-picker");
}

static void
zc_title_picker_init (ZcTitlePicker *self)
{
  self->editable = TRUE;
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  for (guint d = 0; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    {
      GtkWidget *label = gtk_label_new (g_dpgettext2 (GETTEXT_PACKAGE, "title pick", depth_labels[d]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, (int) d, 1, 1);

      self->codes[d] = g_ptr_array_new_with_free_func (g_free);
      self->drops[d] = gtk_drop_down_new (NULL, NULL);
      gtk_widget_set_hexpand (self->drops[d], TRUE);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->drops[d]);
      g_signal_connect (self->drops[d], "notify::selected", G_CALLBACK (on_selected), self);

      if (d != ZC_TITLE_PICKER_SPECIALTY)
        {
          gtk_grid_attach (GTK_GRID (self->grid), self->drops[d], 1, (int) d, 1, 1);
          continue;
        }

      /* the entry stands in for the drop-down when specialties are typed */
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

        self->specialty_entry = gtk_entry_new ();
        gtk_widget_set_hexpand (self->specialty_entry, TRUE);
        gtk_entry_set_max_length (GTK_ENTRY (self->specialty_entry), ZC_TAXONOMY_SPECIALTY_MAX_CHARS);
        gtk_widget_set_visible (self->specialty_entry, FALSE);
        g_signal_connect_swapped (self->specialty_entry, "changed", G_CALLBACK (on_specialty_changed), self);
        gtk_box_append (GTK_BOX (box), self->drops[d]);
        gtk_box_append (GTK_BOX (box), self->specialty_entry);
        gtk_grid_attach (GTK_GRID (self->grid), box, 1, (int) d, 1, 1);
      }
    }
}

/**
 * zc_title_picker_new:
 * @name: the field's label, which prefixes each drop-down's accessible
 *   name ("Highest title: Series")
 */
GtkWidget *
zc_title_picker_new (const char *name)
{
  ZcTitlePicker *self = g_object_new (ZC_TYPE_TITLE_PICKER, NULL);
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    {
      const char *part = g_dpgettext2 (GETTEXT_PACKAGE, "title pick", depth_labels[d]);
      /* Translators: an accessible name: a field's label, then a part of a title pick */
      g_autofree char *accessible = name != NULL ? g_strdup_printf (_("%s: %s"), name, part) : g_strdup (part);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->drops[d]), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      if (d == ZC_TITLE_PICKER_SPECIALTY)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->specialty_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        accessible, -1);
    }

  if (taxonomy != NULL)
    for (guint i = 0; i < zc_taxonomy_get_n_series (taxonomy); i++)
      {
        const ZcTaxonomySeries *series = zc_taxonomy_get_series (taxonomy, i);
        add_option (codes, labels, zc_taxonomy_series_get_code (series),
                    zc_taxonomy_series_get_label (series, ZC_LANGUAGE_LOCALE));
      }
  set_options (self, ZC_TITLE_PICKER_SERIES, codes, labels);
  refill_below (self, ZC_TITLE_PICKER_SERIES);

  return GTK_WIDGET (self);
}

/**
 * zc_title_picker_get_value:
 *
 * Returns: (transfer full) (nullable): the pick as forms store it, down
 *   to the deepest choice made; %NULL when nothing is chosen
 */
JsonNode *
zc_title_picker_get_value (ZcTitlePicker *self)
{
  g_autoptr(JsonObject) pick = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (ZC_IS_TITLE_PICKER (self), NULL);

  for (guint d = 0; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    {
      const char *code = selected_code (self, d);
      g_autofree char *typed = NULL;

      if (d == ZC_TITLE_PICKER_SPECIALTY && specialty_is_typed (self))
        {
          typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->specialty_entry))));
          code = *typed != '\0' ? typed : NULL;
        }
      if (code == NULL)
        break;
      json_object_set_string_member (pick, members[d], code);
    }

  if (json_object_get_size (pick) == 0)
    return NULL;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, pick);
  return node;
}

static gboolean
select_code (ZcTitlePicker *self,
             guint          depth,
             const char    *code)
{
  guint index;

  if (code == NULL || *code == '\0' ||
      !g_ptr_array_find_with_equal_func (self->codes[depth], code, str_equal0, &index))
    return FALSE;

  self->updating++;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drops[depth]), index);
  self->updating--;
  return TRUE;
}

/**
 * zc_title_picker_set_value:
 * @value: (nullable): a pick object; choices the taxonomy does not have
 *   stop the cascade there
 */
void
zc_title_picker_set_value (ZcTitlePicker *self,
                           JsonNode      *value)
{
  JsonObject *pick = value != NULL && JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;

  g_return_if_fail (ZC_IS_TITLE_PICKER (self));

  self->updating++;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drops[ZC_TITLE_PICKER_SERIES]), 0);
  self->updating--;
  refill_below (self, ZC_TITLE_PICKER_SERIES);

  for (guint d = 0; pick != NULL && d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    {
      JsonNode *member = json_object_get_member (pick, members[d]);
      const char *code = member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
                         json_node_get_value_type (member) == G_TYPE_STRING ? json_node_get_string (member) : NULL;

      if (d == ZC_TITLE_PICKER_SPECIALTY && specialty_is_typed (self))
        {
          self->updating++;
          gtk_editable_set_text (GTK_EDITABLE (self->specialty_entry), code != NULL ? code : "");
          self->updating--;
          break;
        }
      if (!select_code (self, d, code))
        break;
      refill_below (self, d);
    }
}

void
zc_title_picker_set_editable (ZcTitlePicker *self,
                              gboolean       editable)
{
  g_return_if_fail (ZC_IS_TITLE_PICKER (self));

  self->editable = !!editable;
  for (guint d = 0; d < ZC_TITLE_PICKER_N_DEPTHS; d++)
    gtk_widget_set_sensitive (self->drops[d], editable && self->codes[d]->len > 1);
  gtk_editable_set_editable (GTK_EDITABLE (self->specialty_entry), editable);
}

GtkWidget *
zc_title_picker_get_dropdown (ZcTitlePicker      *self,
                              ZcTitlePickerDepth  depth)
{
  g_return_val_if_fail (ZC_IS_TITLE_PICKER (self), NULL);
  g_return_val_if_fail (depth < ZC_TITLE_PICKER_N_DEPTHS, NULL);

  return self->drops[depth];
}

GtkWidget *
zc_title_picker_get_specialty_entry (ZcTitlePicker *self)
{
  g_return_val_if_fail (ZC_IS_TITLE_PICKER (self), NULL);
  return self->specialty_entry;
}
