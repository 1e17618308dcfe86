/* zc-pdf-outline.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-pdf-outline"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-pdf-outline.h"

/* The bookmarks of a PDF as a sidebar list, indented by depth; choosing
 * one emits ::item-activated with the page and the position on it. */

typedef struct
{
  char   *title;  /* owned */
  guint   depth;
  int     page;   /* 0-based; -1 when the bookmark leads nowhere */
  double  y;      /* points from the top of the page */
} Item;

struct _ZcPdfOutline
{
  GtkWidget   parent_instance;

  GtkWidget  *scrolled;  /* owned child */
  GtkListBox *list;      /* borrowed, inside scrolled */
  GArray     *items;     /* owned, of Item */
};

G_DEFINE_FINAL_TYPE (ZcPdfOutline, zc_pdf_outline, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->title);
}

/* Where a destination leads: cairo writes explicit /XYZ destinations;
 * named ones are looked up.  PDF y grows upwards, so the top is turned
 * into a distance from the page's top edge. */
static void
resolve_dest (PopplerDocument *document,
              PopplerDest     *dest,
              int             *page,
              double          *y)
{
  PopplerDest *named = NULL;

  *page = -1;
  *y = 0.0;
  if (dest == NULL)
    return;
  if (dest->type == POPPLER_DEST_NAMED)
    {
      named = poppler_document_find_dest (document, dest->named_dest);
      if (named == NULL)
        return;
      dest = named;
    }

  *page = dest->page_num - 1;
  if (*page >= 0 && *page < poppler_document_get_n_pages (document) && dest->change_top)
    {
      PopplerPage *poppler_page = poppler_document_get_page (document, *page);
      double width, height;

      poppler_page_get_size (poppler_page, &width, &height);
      *y = CLAMP (height - dest->top, 0.0, height);
      g_object_unref (poppler_page);
    }
  if (*page >= poppler_document_get_n_pages (document))
    *page = -1;

  g_clear_pointer (&named, poppler_dest_free);
}

static void
collect (ZcPdfOutline     *self,
         PopplerDocument  *document,
         PopplerIndexIter *iter,
         guint             depth)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;
      Item item = { 0 };

      item.depth = depth;
      item.page = -1;
      if (action != NULL && action->type == POPPLER_ACTION_GOTO_DEST)
        {
          item.title = g_strdup (action->goto_dest.title);
          resolve_dest (document, action->goto_dest.dest, &item.page, &item.y);
        }
      else if (action != NULL && action->any.title != NULL)
        item.title = g_strdup (action->any.title);
      if (item.title == NULL)
        item.title = g_strdup ("");
      g_array_append_val (self->items, item);
      g_clear_pointer (&action, poppler_action_free);

      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          collect (self, document, child, depth + 1);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static GtkWidget *
make_row (const Item *item)
{
  GtkWidget *label = gtk_label_new (item->title);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 6 + 16 * (int) item->depth);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  if (item->depth == 0)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_sensitive (row, item->page >= 0);

  return row;
}

/**
 * zc_pdf_outline_set_document:
 * @document: (nullable): the PDF whose bookmarks to list
 */
void
zc_pdf_outline_set_document (ZcPdfOutline    *self,
                             PopplerDocument *document)
{
  GtkWidget *child;

  g_return_if_fail (ZC_IS_PDF_OUTLINE (self));
  g_return_if_fail (document == NULL || POPPLER_IS_DOCUMENT (document));

  /* GTK 4.8 has no gtk_list_box_remove_all */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->items, 0);

  if (document != NULL)
    {
      PopplerIndexIter *iter = poppler_index_iter_new (document);

      if (iter != NULL)
        {
          collect (self, document, iter, 0);
          poppler_index_iter_free (iter);
        }
    }

  for (guint i = 0; i < self->items->len; i++)
    gtk_list_box_append (self->list, make_row (&g_array_index (self->items, Item, i)));
}

guint
zc_pdf_outline_get_n_items (ZcPdfOutline *self)
{
  g_return_val_if_fail (ZC_IS_PDF_OUTLINE (self), 0);

  return self->items->len;
}

const char *
zc_pdf_outline_get_item_title (ZcPdfOutline *self,
                               guint         index)
{
  g_return_val_if_fail (ZC_IS_PDF_OUTLINE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return g_array_index (self->items, Item, index).title;
}

guint
zc_pdf_outline_get_item_depth (ZcPdfOutline *self,
                               guint         index)
{
  g_return_val_if_fail (ZC_IS_PDF_OUTLINE (self), 0);
  g_return_val_if_fail (index < self->items->len, 0);

  return g_array_index (self->items, Item, index).depth;
}

/* The 0-based page the item leads to, or -1. */
int
zc_pdf_outline_get_item_page (ZcPdfOutline *self,
                              guint         index)
{
  g_return_val_if_fail (ZC_IS_PDF_OUTLINE (self), -1);
  g_return_val_if_fail (index < self->items->len, -1);

  return g_array_index (self->items, Item, index).page;
}

/* As if the user chose the item: selects its row, emits ::item-activated. */
void
zc_pdf_outline_activate_item (ZcPdfOutline *self,
                              guint         index)
{
  const Item *item;

  g_return_if_fail (ZC_IS_PDF_OUTLINE (self));
  g_return_if_fail (index < self->items->len);

  item = &g_array_index (self->items, Item, index);
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) index));
  if (item->page >= 0)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, item->page, item->y);
}

static void
on_row_activated (ZcPdfOutline  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  zc_pdf_outline_activate_item (self, (guint) gtk_list_box_row_get_index (row));
}

static void
zc_pdf_outline_dispose (GObject *object)
{
  ZcPdfOutline *self = ZC_PDF_OUTLINE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (zc_pdf_outline_parent_class)->dispose (object);
}

static void
zc_pdf_outline_finalize (GObject *object)
{
  ZcPdfOutline *self = ZC_PDF_OUTLINE (object);

  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (zc_pdf_outline_parent_class)->finalize (object);
}

static void
zc_pdf_outline_class_init (ZcPdfOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_pdf_outline_dispose;
  object_class->finalize = zc_pdf_outline_finalize;

  /**
   * ZcPdfOutline::item-activated:
   * @page: the 0-based page
   * @y: the position on the page, in points from its top
   */
  signals[SIGNAL_ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zc-pdf-outline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_NAVIGATION);
}

static void
zc_pdf_outline_init (ZcPdfOutline *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outline"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
}

GtkWidget *
zc_pdf_outline_new (void)
{
  return g_object_new (ZC_TYPE_PDF_OUTLINE, NULL);
}
