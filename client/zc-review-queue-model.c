/* zc-review-queue-model.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-review-queue-model"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-entry-object.h"
#include "zc-form-schema.h"
#include "zc-review-queue-model.h"

/* ZcReviewItem */

struct _ZcReviewItem
{
  GObject        parent_instance;

  ZcLocalStore  *store;       /* owned */
  ZcFormSchema  *schema;      /* owned, nullable */
  char          *id;
  char          *kind;
  char          *owner_id;
  char          *person;
  char          *summary;     /* nullable until asked for */
  char          *status_label;
  ZcReviewState  state;
  gint64         version;
  gint64         updated_at;
  guint          flags;
};

G_DEFINE_FINAL_TYPE (ZcReviewItem, zc_review_item, G_TYPE_OBJECT)

static void
zc_review_item_finalize (GObject *object)
{
  ZcReviewItem *self = ZC_REVIEW_ITEM (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->schema, zc_form_schema_unref);
  g_free (self->id);
  g_free (self->kind);
  g_free (self->owner_id);
  g_free (self->person);
  g_free (self->summary);
  g_free (self->status_label);

  G_OBJECT_CLASS (zc_review_item_parent_class)->finalize (object);
}

static void
zc_review_item_class_init (ZcReviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zc_review_item_finalize;
}

static void
zc_review_item_init (ZcReviewItem *self)
{
}

static char *
status_label (ZcReviewState state,
              guint         flags)
{
  const char *label = zc_review_state_get_label (state, ZC_LANGUAGE_LOCALE);

  if (flags & ZC_REVIEW_ROW_AWAITING)
    /* Translators: a decision made offline; %s is the decided state */
    return g_strdup_printf (_("%s (not sent yet)"), label);
  if (flags & ZC_REVIEW_ROW_REFUSED)
    /* Translators: the server refused the officer's decision; %s is the state */
    return g_strdup_printf (_("%s (refused: look again)"), label);
  return g_strdup (label);
}

static ZcReviewItem *
zc_review_item_new (ZcLocalStore      *store,
                    ZcFormSchema      *schema,
                    const ZcReviewRow *row)
{
  ZcReviewItem *self = g_object_new (ZC_TYPE_REVIEW_ITEM, NULL);

  self->store = g_object_ref (store);
  self->schema = schema != NULL ? zc_form_schema_ref (schema) : NULL;
  self->id = g_strdup (row->id);
  self->kind = g_strdup (row->kind);
  self->owner_id = g_strdup (row->owner_id);
  if (row->owner_name != NULL)
    self->person = g_strdup (row->owner_name);
  else
    /* Translators: an applicant whose name this computer does not know yet;
     * %s is the start of their account id */
    self->person = g_strdup_printf (_("Applicant %.8s"), row->owner_id);
  self->state = row->state;
  self->version = row->version;
  self->updated_at = row->updated_at;
  self->flags = row->flags;
  self->status_label = status_label (row->state, row->flags);
  return self;
}

const char *
zc_review_item_get_id (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), NULL);
  return self->id;
}

const char *
zc_review_item_get_kind (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), NULL);
  return self->kind;
}

const char *
zc_review_item_get_owner_id (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), NULL);
  return self->owner_id;
}

const char *
zc_review_item_get_person (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), NULL);
  return self->person;
}

const char *
zc_review_item_get_category (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), NULL);

  if (self->schema != NULL)
    return zc_form_schema_get_title (self->schema, ZC_LANGUAGE_LOCALE);
  return self->kind;
}

/**
 * zc_review_item_get_summary:
 *
 * The entry's title line (a paper's title, an award's name), read from
 * its body the first time it is asked for.
 */
const char *
zc_review_item_get_summary (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), NULL);

  if (self->summary == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ZcRecord) record = zc_local_store_get_record (self->store, self->id, &error);

      if (record != NULL && self->schema != NULL)
        {
          g_autoptr(ZcEntryObject) entry = zc_entry_object_new (record, self->schema);
          const char *title = zc_entry_object_get_title (entry);
          const char *subtitle = zc_entry_object_get_subtitle (entry);

          /* one line: a year alone says little in a list of many */
          if (subtitle != NULL && *subtitle != '\0')
            self->summary = g_strdup_printf ("%s · %s", title != NULL ? title : "", subtitle);
          else
            self->summary = g_strdup (title != NULL ? title : "");
        }
      else
        self->summary = g_strdup ("");
    }
  return self->summary;
}

ZcReviewState
zc_review_item_get_state (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), ZC_REVIEW_STATE_PENDING);
  return self->state;
}

const char *
zc_review_item_get_status_label (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), NULL);
  return self->status_label;
}

gint64
zc_review_item_get_version (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), 0);
  return self->version;
}

gint64
zc_review_item_get_updated_at (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), 0);
  return self->updated_at;
}

guint
zc_review_item_get_flags (ZcReviewItem *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), 0);
  return self->flags;
}

/**
 * zc_review_item_format_age:
 * @now: UTC microseconds
 *
 * Returns: (transfer full): how long the entry has waited, in days
 */
char *
zc_review_item_format_age (ZcReviewItem *self,
                           gint64        now)
{
  gint64 days;

  g_return_val_if_fail (ZC_IS_REVIEW_ITEM (self), NULL);

  days = MAX (now - self->updated_at, 0) / G_TIME_SPAN_DAY;
  if (days == 0)
    return g_strdup (_("Today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", (gulong) days),
                          (guint) MIN (days, G_MAXUINT));
}

/* The entry as the officer sees it now: what a decision is made on. */
void
zc_review_item_get_target (ZcReviewItem   *self,
                           ZcReviewTarget *target)
{
  g_return_if_fail (ZC_IS_REVIEW_ITEM (self));
  g_return_if_fail (target != NULL);

  target->id = self->id;
  target->seen_state = self->state;
  target->seen_version = self->version;
}

/* ZcReviewQueueModel */

struct _ZcReviewQueueModel
{
  GObject        parent_instance;

  ZcLocalStore  *store;       /* owned */
  ZcReviewQueue *queue;       /* owned */
  GPtrArray     *items;       /* owned: one slot per row, NULL until asked for */
  GHashTable    *schemas;     /* form id → ZcFormSchema */
  guint          reload_id;

  /* the filter, with its own copies of the strings */
  ZcReviewFilter filter;
  char          *person_id;
  char          *category;
  char          *search;
};

static void zc_review_queue_model_list_model_init (GListModelInterface *iface);

/* Slots of items not made yet are NULL. */
static void
item_free (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* A kind without a form is remembered as NULL. */
static void
schema_free (gpointer schema)
{
  if (schema != NULL)
    zc_form_schema_unref (schema);
}

G_DEFINE_FINAL_TYPE_WITH_CODE (ZcReviewQueueModel, zc_review_queue_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, zc_review_queue_model_list_model_init))

enum {
  RELOADING,
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
zc_review_queue_model_get_item_type (GListModel *model)
{
  return ZC_TYPE_REVIEW_ITEM;
}

static guint
zc_review_queue_model_get_n_items (GListModel *model)
{
  return ZC_REVIEW_QUEUE_MODEL (model)->items->len;
}

static ZcFormSchema *
schema_for_kind (ZcReviewQueueModel *self,
                 const char         *kind)
{
  const char *form_id = zc_local_store_kind_get_form_id (kind);
  ZcFormSchema *schema;

  if (form_id == NULL)
    return NULL;
  schema = g_hash_table_lookup (self->schemas, form_id);
  if (schema == NULL && !g_hash_table_contains (self->schemas, form_id))
    {
      schema = zc_form_schema_lookup (form_id, NULL);
      g_hash_table_insert (self->schemas, g_strdup (form_id), schema);
    }
  return schema;
}

static gpointer
zc_review_queue_model_get_item (GListModel *model,
                                guint       position)
{
  ZcReviewQueueModel *self = ZC_REVIEW_QUEUE_MODEL (model);
  ZcReviewItem *item;

  if (position >= self->items->len)
    return NULL;
  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      const ZcReviewRow *row = zc_review_queue_get_row (self->queue, position);

      item = zc_review_item_new (self->store, schema_for_kind (self, row->kind), row);
      g_ptr_array_index (self->items, position) = item;
    }
  return g_object_ref (item);
}

static void
zc_review_queue_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = zc_review_queue_model_get_item_type;
  iface->get_n_items = zc_review_queue_model_get_n_items;
  iface->get_item = zc_review_queue_model_get_item;
}

static gboolean
same_row (const ZcReviewRow *a,
          const ZcReviewRow *b)
{
  return g_str_equal (a->id, b->id) && a->state == b->state && a->flags == b->flags &&
         a->version == b->version && a->updated_at == b->updated_at &&
         g_strcmp0 (a->owner_name, b->owner_name) == 0;
}

/**
 * zc_review_queue_model_reload:
 *
 * Reads the queue again.  Rows before and after the changed run keep
 * their items, so a view keeps its selection and scroll position.
 */
gboolean
zc_review_queue_model_reload (ZcReviewQueueModel  *self,
                              GError             **error)
{
  g_autoptr(ZcReviewQueue) queue = NULL;
  g_autoptr(GPtrArray) old_items = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0;

  g_return_val_if_fail (ZC_IS_REVIEW_QUEUE_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  queue = zc_local_store_review_query (self->store, &self->filter, error);
  if (queue == NULL)
    return FALSE;

  old_n = self->items->len;
  new_n = zc_review_queue_get_n_rows (queue);
  while (prefix < old_n && prefix < new_n &&
         same_row (zc_review_queue_get_row (self->queue, prefix), zc_review_queue_get_row (queue, prefix)))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         same_row (zc_review_queue_get_row (self->queue, old_n - 1 - suffix),
                   zc_review_queue_get_row (queue, new_n - 1 - suffix)))
    suffix++;

  if (prefix == old_n && prefix == new_n)
    {
      /* the kept items point at nothing of the old queue: swap freely */
      g_clear_pointer (&self->queue, zc_review_queue_free);
      self->queue = g_steal_pointer (&queue);
      return TRUE;
    }

  g_signal_emit (self, signals[RELOADING], 0);
  old_items = self->items;
  self->items = g_ptr_array_new_full (new_n, item_free);
  for (guint i = 0; i < new_n; i++)
    {
      ZcReviewItem *item = NULL;

      if (i < prefix)
        item = g_steal_pointer (&g_ptr_array_index (old_items, i));
      else if (i >= new_n - suffix)
        item = g_steal_pointer (&g_ptr_array_index (old_items, old_n - (new_n - i)));
      g_ptr_array_add (self->items, item);
    }
  g_clear_pointer (&self->queue, zc_review_queue_free);
  self->queue = g_steal_pointer (&queue);

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
  g_signal_emit (self, signals[RELOADED], 0);
  return TRUE;
}

static gboolean
reload_cb (gpointer data)
{
  ZcReviewQueueModel *self = data;
  g_autoptr(GError) error = NULL;

  self->reload_id = 0;
  if (!zc_review_queue_model_reload (self, &error))
    g_warning ("Cannot read the review queue: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* A pull of a thousand entries tells of each: read once, afterwards. */
static void
on_store_changed (ZcReviewQueueModel *self,
                  const char         *record_id,
                  const char         *kind)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_cb, self, NULL);
}

/**
 * zc_review_queue_model_set_filter:
 * @filter: (nullable): copied; %NULL for everything
 *
 * Applies @filter at once.
 */
void
zc_review_queue_model_set_filter (ZcReviewQueueModel   *self,
                                  const ZcReviewFilter *filter)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ZC_IS_REVIEW_QUEUE_MODEL (self));

  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->search, g_free);
  if (filter == NULL)
    zc_review_filter_init (&self->filter);
  else
    {
      self->filter = *filter;
      self->person_id = g_strdup (filter->person_id);
      self->category = g_strdup (filter->category);
      self->search = g_strdup (filter->search);
    }
  self->filter.person_id = self->person_id;
  self->filter.category = self->category;
  self->filter.search = self->search;

  if (!zc_review_queue_model_reload (self, &error))
    g_warning ("Cannot read the review queue: %s", error->message);
}

/* @filter's strings belong to the model. */
void
zc_review_queue_model_get_filter (ZcReviewQueueModel *self,
                                  ZcReviewFilter     *filter)
{
  g_return_if_fail (ZC_IS_REVIEW_QUEUE_MODEL (self));
  g_return_if_fail (filter != NULL);

  *filter = self->filter;
}

gboolean
zc_review_queue_model_find (ZcReviewQueueModel *self,
                            const char         *id,
                            guint              *position_out)
{
  g_return_val_if_fail (ZC_IS_REVIEW_QUEUE_MODEL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return self->queue != NULL && zc_review_queue_find (self->queue, id, position_out);
}

/* The row behind a position, without making its item. */
const ZcReviewRow *
zc_review_queue_model_get_row (ZcReviewQueueModel *self,
                               guint               position)
{
  g_return_val_if_fail (ZC_IS_REVIEW_QUEUE_MODEL (self), NULL);
  return self->queue != NULL ? zc_review_queue_get_row (self->queue, position) : NULL;
}

/* How many items exist: for tests and the benchmark. */
guint
zc_review_queue_model_get_n_materialized (ZcReviewQueueModel *self)
{
  guint n = 0;

  g_return_val_if_fail (ZC_IS_REVIEW_QUEUE_MODEL (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    n += g_ptr_array_index (self->items, i) != NULL;
  return n;
}

ZcLocalStore *
zc_review_queue_model_get_store (ZcReviewQueueModel *self)
{
  g_return_val_if_fail (ZC_IS_REVIEW_QUEUE_MODEL (self), NULL);
  return self->store;
}

static void
zc_review_queue_model_finalize (GObject *object)
{
  ZcReviewQueueModel *self = ZC_REVIEW_QUEUE_MODEL (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->queue, zc_review_queue_free);
  g_clear_pointer (&self->schemas, g_hash_table_unref);
  g_free (self->person_id);
  g_free (self->category);
  g_free (self->search);

  G_OBJECT_CLASS (zc_review_queue_model_parent_class)->finalize (object);
}

static void
zc_review_queue_model_class_init (ZcReviewQueueModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zc_review_queue_model_finalize;

  /* around a reload that changes rows: a view saves and restores what
   * is selected */
  signals[RELOADING] = g_signal_new ("reloading", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
zc_review_queue_model_init (ZcReviewQueueModel *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         schema_free);
  zc_review_filter_init (&self->filter);
}

/**
 * zc_review_queue_model_new:
 *
 * Returns: (transfer full): the model with every entry of the queue
 *   (no filter), loaded; a read error is logged and leaves it empty
 */
ZcReviewQueueModel *
zc_review_queue_model_new (ZcLocalStore *store)
{
  ZcReviewQueueModel *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_REVIEW_QUEUE_MODEL, NULL);
  self->store = g_object_ref (store);
  self->queue = zc_local_store_review_query (store, &self->filter, &error);
  if (self->queue == NULL)
    g_warning ("Cannot read the review queue: %s", error->message);
  for (guint i = 0; self->queue != NULL && i < zc_review_queue_get_n_rows (self->queue); i++)
    g_ptr_array_add (self->items, NULL);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return self;
}
