/* zc-archive-model.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-archive-model"

#include "config.h"

#include "zc-archive-model.h"

/* The live entries of one archive category, as a GListModel of
 * ZcEntryObject in the store's order.  It follows the store's "changed"
 * signal and reports only the items that changed, so a view keeps its
 * scroll position and selection across an edit. */

struct _ZcArchiveModel
{
  GObject        parent_instance;

  ZcLocalStore  *store;    /* owned */
  ZcFormSchema  *schema;   /* owned */
  char          *kind;     /* owned */
  GPtrArray     *items;    /* owned, of ZcEntryObject */
};

static void zc_archive_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ZcArchiveModel, zc_archive_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, zc_archive_model_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
zc_archive_model_get_item_type (GListModel *model)
{
  return ZC_TYPE_ENTRY_OBJECT;
}

static guint
zc_archive_model_get_n_items (GListModel *model)
{
  return ZC_ARCHIVE_MODEL (model)->items->len;
}

static gpointer
zc_archive_model_get_item (GListModel *model,
                           guint       position)
{
  ZcArchiveModel *self = ZC_ARCHIVE_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
zc_archive_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = zc_archive_model_get_item_type;
  iface->get_n_items = zc_archive_model_get_n_items;
  iface->get_item = zc_archive_model_get_item;
}

static gboolean
same_entry (ZcEntryObject *object,
            ZcRecord      *record)
{
  return zc_record_equal (zc_entry_object_get_record (object), record);
}

/**
 * zc_archive_model_reload:
 *
 * Reads the entries again.  Unchanged entries keep their objects; the
 * changed run in the middle is replaced in one items-changed.
 */
gboolean
zc_archive_model_reload (ZcArchiveModel  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0;

  g_return_val_if_fail (ZC_IS_ARCHIVE_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  records = zc_local_store_list_records (self->store, self->kind, error);
  if (records == NULL)
    return FALSE;

  old_n = self->items->len;
  new_n = records->len;
  while (prefix < old_n && prefix < new_n &&
         same_entry (g_ptr_array_index (self->items, prefix), g_ptr_array_index (records, prefix)))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         same_entry (g_ptr_array_index (self->items, old_n - 1 - suffix),
                     g_ptr_array_index (records, new_n - 1 - suffix)))
    suffix++;

  if (prefix == old_n && prefix == new_n)
    return TRUE;

  g_ptr_array_remove_range (self->items, prefix, old_n - prefix - suffix);
  for (guint i = prefix; i < new_n - suffix; i++)
    g_ptr_array_insert (self->items, (int) i,
                        zc_entry_object_new (g_ptr_array_index (records, i), self->schema));

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

static void
on_store_changed (ZcArchiveModel *self,
                  const char     *record_id,
                  const char     *kind,
                  ZcLocalStore   *store)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (kind, self->kind) != 0)
    return;
  if (!zc_archive_model_reload (self, &error))
    g_warning ("Cannot read the %s entries: %s", self->kind, error->message);
}

static void
zc_archive_model_finalize (GObject *object)
{
  ZcArchiveModel *self = ZC_ARCHIVE_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->schema, zc_form_schema_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->kind);

  G_OBJECT_CLASS (zc_archive_model_parent_class)->finalize (object);
}

static void
zc_archive_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ZcArchiveModel *self = ZC_ARCHIVE_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zc_archive_model_class_init (ZcArchiveModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_archive_model_finalize;
  object_class->get_property = zc_archive_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
zc_archive_model_init (ZcArchiveModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * zc_archive_model_new:
 * @schema: an archive category or series block
 *
 * Returns: (transfer full): the model, loaded; a read error is logged
 *   and leaves it empty
 */
ZcArchiveModel *
zc_archive_model_new (ZcLocalStore *store,
                      ZcFormSchema *schema)
{
  ZcArchiveModel *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (schema != NULL, NULL);

  self = g_object_new (ZC_TYPE_ARCHIVE_MODEL, NULL);
  self->store = g_object_ref (store);
  self->schema = zc_form_schema_ref (schema);
  self->kind = zc_local_store_archive_kind (zc_form_schema_get_id (schema));
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  if (!zc_archive_model_reload (self, &error))
    g_warning ("Cannot read the %s entries: %s", self->kind, error->message);

  return self;
}

ZcLocalStore *
zc_archive_model_get_store (ZcArchiveModel *self)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_MODEL (self), NULL);
  return self->store;
}

ZcFormSchema *
zc_archive_model_get_schema (ZcArchiveModel *self)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_MODEL (self), NULL);
  return self->schema;
}

const char *
zc_archive_model_get_kind (ZcArchiveModel *self)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_MODEL (self), NULL);
  return self->kind;
}

gboolean
zc_archive_model_find (ZcArchiveModel *self,
                       const char     *id,
                       guint          *position_out)
{
  g_return_val_if_fail (ZC_IS_ARCHIVE_MODEL (self), FALSE);

  for (guint i = 0; id != NULL && i < self->items->len; i++)
    if (g_strcmp0 (zc_entry_object_get_id (g_ptr_array_index (self->items, i)), id) == 0)
      {
        if (position_out != NULL)
          *position_out = i;
        return TRUE;
      }
  return FALSE;
}

guint
zc_archive_model_count_state (ZcArchiveModel *self,
                              ZcReviewState   state)
{
  guint n = 0;

  g_return_val_if_fail (ZC_IS_ARCHIVE_MODEL (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (zc_entry_object_get_review_state (g_ptr_array_index (self->items, i)) == state)
      n++;
  return n;
}
