/* zc-form-view.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-form-view"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-form-validator.h"
#include "zc-form-view.h"
#include "zc-json.h"

/* One widget for every form of the archive (and personal information):
 * a preferences page built from a ZcFormSchema, one ZcFieldRow per field,
 * a group per section.  It checks with the shared validator, so what it
 * shows as wrong is exactly what the store and the server refuse. */

struct _ZcFormView
{
  AdwBin         parent_instance;

  ZcFormSchema  *schema;     /* owned */
  ZcLocalStore  *store;      /* owned, nullable */
  GtkWidget     *page;       /* AdwPreferencesPage */
  GtkWidget     *viewport;   /* nullable: inside page */
  GPtrArray     *rows;       /* owned array of borrowed ZcFieldRow, in field order */
  char          *loaded;     /* owned: the record as last set, as JSON, to tell edits */
  gboolean       editable;
};

G_DEFINE_FINAL_TYPE (ZcFormView, zc_form_view, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_changed (ZcFormView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
build (ZcFormView *self)
{
  AdwPreferencesGroup *group = NULL;
  const char *group_section = NULL;

  for (guint i = 0; i < zc_form_schema_get_n_fields (self->schema); i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (self->schema, i);
      const char *section = zc_form_field_get_section (field, ZC_LANGUAGE_LOCALE);
      ZcFieldRow *row;

      /* consecutive fields of one section share a group */
      if (group == NULL || g_strcmp0 (section, group_section) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          if (section != NULL)
            adw_preferences_group_set_title (group, section);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), group);
          group_section = section;
        }

      row = zc_field_row_new (self->schema, field, self->store);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_row_changed), self);
      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
    }
}

static char *
record_to_string (JsonObject *record)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, record);
  return zc_json_to_string (node);
}

static void
zc_form_view_dispose (GObject *object)
{
  ZcFormView *self = ZC_FORM_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (zc_form_view_parent_class)->dispose (object);
}

static void
zc_form_view_finalize (GObject *object)
{
  ZcFormView *self = ZC_FORM_VIEW (object);

  g_clear_pointer (&self->schema, zc_form_schema_unref);
  g_clear_object (&self->store);
  g_free (self->loaded);

  G_OBJECT_CLASS (zc_form_view_parent_class)->finalize (object);
}

static void
zc_form_view_class_init (ZcFormViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zc_form_view_dispose;
  object_class->finalize = zc_form_view_finalize;

  /**
   * ZcFormView::changed:
   *
   * The user changed a field.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
zc_form_view_init (ZcFormView *self)
{
  GtkWidget *viewport;

  self->rows = g_ptr_array_new ();
  self->editable = TRUE;
  self->page = adw_preferences_page_new ();
  adw_bin_set_child (ADW_BIN (self), self->page);

  /* the field that gets the focus (by Tab, or as the first error) is
   * scrolled into view; libadwaita 1.2 leaves this off */
  viewport = find_descendant (self->page, GTK_TYPE_VIEWPORT);
  if (viewport != NULL)
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
  self->viewport = viewport;
}

/**
 * zc_form_view_new:
 * @schema: the form
 * @store: (nullable): where attachments go; without it files cannot be added
 */
GtkWidget *
zc_form_view_new (ZcFormSchema *schema,
                  ZcLocalStore *store)
{
  ZcFormView *self;

  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (store == NULL || ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_FORM_VIEW, NULL);
  self->schema = zc_form_schema_ref (schema);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  build (self);
  {
    g_autoptr(JsonObject) empty = zc_form_view_get_record (self);
    self->loaded = record_to_string (empty);
  }

  return GTK_WIDGET (self);
}

ZcFormSchema *
zc_form_view_get_schema (ZcFormView *self)
{
  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), NULL);
  return self->schema;
}

/**
 * zc_form_view_get_record:
 *
 * Returns: (transfer full): the record as the fields hold it; empty
 *   fields are left out
 */
JsonObject *
zc_form_view_get_record (ZcFormView *self)
{
  JsonObject *record;

  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), NULL);

  record = json_object_new ();
  for (guint i = 0; i < self->rows->len; i++)
    {
      ZcFieldRow *row = g_ptr_array_index (self->rows, i);
      JsonNode *value = zc_field_row_get_value (row);

      if (value != NULL)
        json_object_set_member (record, zc_field_row_get_field_id (row), value);
    }
  return record;
}

/**
 * zc_form_view_set_record:
 * @record: (nullable): the values; %NULL empties the form.  Members the
 *   form does not know are ignored.
 *
 * Clears the errors, and makes this the state zc_form_view_is_modified()
 * compares with.
 */
void
zc_form_view_set_record (ZcFormView *self,
                         JsonObject *record)
{
  g_autoptr(JsonObject) loaded = NULL;

  g_return_if_fail (ZC_IS_FORM_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      ZcFieldRow *row = g_ptr_array_index (self->rows, i);

      zc_field_row_set_value (row, record != NULL ? json_object_get_member (record, zc_field_row_get_field_id (row))
                                                  : NULL);
    }

  loaded = zc_form_view_get_record (self);
  g_free (self->loaded);
  self->loaded = record_to_string (loaded);
}

/* The whole row in view, its label and its error included, not only
 * the input the focus went to. */
static void
scroll_to_row (ZcFormView *self,
               ZcFieldRow *row)
{
  GtkAdjustment *adjustment;
  double x, y, height, value, page;

  if (self->viewport == NULL ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (row), gtk_viewport_get_child (GTK_VIEWPORT (self->viewport)),
                                         0, 0, &x, &y))
    return;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->viewport));
  height = gtk_widget_get_height (GTK_WIDGET (row));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (y - 12 < value || height + 24 > page)
    gtk_adjustment_set_value (adjustment, y - 12);
  else if (y + height + 12 > value + page)
    gtk_adjustment_set_value (adjustment, y + height + 12 - page);
}

/**
 * zc_form_view_show_errors:
 * @errors: (element-type ZcFieldError): errors from the validator (or
 *   the server); those of fields the form does not show are skipped
 *
 * Shows each message under its field and moves the focus to the first
 * field at fault.
 */
void
zc_form_view_show_errors (ZcFormView *self,
                          GPtrArray  *errors)
{
  ZcFieldRow *first = NULL;

  g_return_if_fail (ZC_IS_FORM_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      ZcFieldRow *row = g_ptr_array_index (self->rows, i);
      const char *message = NULL;

      for (guint j = 0; errors != NULL && j < errors->len && message == NULL; j++)
        {
          const ZcFieldError *error = g_ptr_array_index (errors, j);

          if (g_strcmp0 (error->field, zc_field_row_get_field_id (row)) == 0)
            message = error->message;
        }
      zc_field_row_set_error (row, message);
      if (message != NULL && first == NULL)
        first = row;
    }

  if (first != NULL)
    {
      zc_field_row_focus_input (first);
      scroll_to_row (self, first);
    }
}

void
zc_form_view_clear_errors (ZcFormView *self)
{
  g_return_if_fail (ZC_IS_FORM_VIEW (self));

  for (guint i = 0; i < self->rows->len; i++)
    zc_field_row_set_error (g_ptr_array_index (self->rows, i), NULL);
}

/**
 * zc_form_view_validate:
 *
 * Checks the record with the shared validator and shows the result:
 * each message under its field, the focus on the first one.
 *
 * Returns: whether the record is valid
 */
gboolean
zc_form_view_validate (ZcFormView *self)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  ZcValidationContext context;
  gboolean valid;

  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), FALSE);

  record = zc_form_view_get_record (self);
  zc_validation_context_init (&context);
  valid = zc_form_validate (self->schema, record, &context, ZC_LANGUAGE_LOCALE, &errors);
  zc_form_view_show_errors (self, valid ? NULL : errors);

  return valid;
}

guint
zc_form_view_get_n_errors (ZcFormView *self)
{
  guint n = 0;

  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (zc_field_row_get_error (g_ptr_array_index (self->rows, i)) != NULL)
      n++;
  return n;
}

/* Whether the fields differ from what was last set. */
gboolean
zc_form_view_is_modified (ZcFormView *self)
{
  g_autoptr(JsonObject) record = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), FALSE);

  record = zc_form_view_get_record (self);
  now = record_to_string (record);
  return g_strcmp0 (now, self->loaded) != 0;
}

void
zc_form_view_set_editable (ZcFormView *self,
                           gboolean    editable)
{
  g_return_if_fail (ZC_IS_FORM_VIEW (self));

  self->editable = !!editable;
  for (guint i = 0; i < self->rows->len; i++)
    zc_field_row_set_editable (g_ptr_array_index (self->rows, i), editable);
}

gboolean
zc_form_view_get_editable (ZcFormView *self)
{
  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), FALSE);
  return self->editable;
}

/**
 * zc_form_view_get_row:
 *
 * Returns: (transfer none) (nullable): the row of a field
 */
ZcFieldRow *
zc_form_view_get_row (ZcFormView *self,
                      const char *field_id)
{
  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (zc_field_row_get_field_id (g_ptr_array_index (self->rows, i)), field_id) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

guint
zc_form_view_get_n_rows (ZcFormView *self)
{
  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), 0);
  return self->rows->len;
}

ZcFieldRow *
zc_form_view_get_nth_row (ZcFormView *self,
                          guint       index)
{
  g_return_val_if_fail (ZC_IS_FORM_VIEW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}
