/* zc-declaration-timeline.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-declaration-timeline.h"
#include "zc-declaration-workflow.h"
#include "zc-record.h"

/* Two sources give the same steps: the messages the applicant received
 * (offline) and the server's history (online, complete: it also has
 * the applicant's own steps).  Both carry action, from, to, comment and
 * actor name; the server's history may nest the actor as {name}. */

struct _ZcDeclarationTimeline
{
  AdwBin      parent_instance;

  GtkListBox *list;
  guint       n_entries;
};

G_DEFINE_FINAL_TYPE (ZcDeclarationTimeline, zc_declaration_timeline, ADW_TYPE_BIN)

void
zc_timeline_entry_free (ZcTimelineEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->action);
  g_free (entry->from);
  g_free (entry->to);
  g_free (entry->comment);
  g_free (entry->actor_name);
  g_free (entry->title);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_clear_pointer (&entry->interview_at, g_date_time_unref);
  g_free (entry->place);
  g_free (entry);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static GDateTime *
get_time (JsonObject *object,
          const char *name)
{
  const char *text = get_string (object, name);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* "declaration.return" and "return" both name the return. */
static char *
action_id (const char *action)
{
  if (action == NULL)
    return NULL;
  if (g_str_has_prefix (action, "declaration."))
    action += strlen ("declaration.");
  return g_strdup (action);
}

static ZcTimelineEntry *
entry_from_object (JsonObject *object,
                   GDateTime  *time)
{
  ZcTimelineEntry *entry = g_new0 (ZcTimelineEntry, 1);
  JsonNode *actor = json_object_get_member (object, "actor");
  JsonNode *data = json_object_get_member (object, "data");

  entry->time = g_date_time_ref (time);
  entry->action = action_id (get_string (object, "action"));
  entry->from = g_strdup (get_string (object, "from"));
  entry->to = g_strdup (get_string (object, "to"));
  entry->comment = g_strdup (get_string (object, "comment"));
  entry->actor_name = g_strdup (get_string (object, "actor_name"));
  if (entry->actor_name == NULL && actor != NULL && JSON_NODE_HOLDS_OBJECT (actor))
    entry->actor_name = g_strdup (get_string (json_node_get_object (actor), "name"));
  entry->interview_at = get_time (object, "interview_at");
  entry->place = g_strdup (get_string (object, "place"));
  /* the server's history keeps what the action carried in "data" */
  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    {
      if (entry->interview_at == NULL)
        entry->interview_at = get_time (json_node_get_object (data), "interview_at");
      if (entry->place == NULL)
        entry->place = g_strdup (get_string (json_node_get_object (data), "place"));
    }
  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ZcTimelineEntry *x = *(ZcTimelineEntry * const *) a;
  const ZcTimelineEntry *y = *(ZcTimelineEntry * const *) b;

  return g_date_time_compare (x->time, y->time);
}

/**
 * zc_declaration_timeline_entries_from_messages:
 * @messages: (element-type ZcRecord): records of kind "message"
 *
 * Returns: (transfer full) (element-type ZcTimelineEntry): the entries
 */
GPtrArray *
zc_declaration_timeline_entries_from_messages (GPtrArray *messages)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_timeline_entry_free);

  g_return_val_if_fail (messages != NULL, entries);

  for (guint i = 0; i < messages->len; i++)
    {
      ZcRecord *message = g_ptr_array_index (messages, i);
      JsonObject *body = zc_record_get_body (message);
      GDateTime *time = zc_record_get_created_at (message);
      ZcTimelineEntry *entry;

      if (body == NULL || time == NULL)
        continue;
      entry = entry_from_object (body, time);
      entry->title = g_strdup (get_string (body, "title"));
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

static JsonArray *
find_list (JsonObject *object)
{
  static const char *const names[] = { "timeline", "history" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node = json_object_get_member (object, names[i]);

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        return json_node_get_array (node);
    }
  return NULL;
}

/**
 * zc_declaration_timeline_entries_from_json:
 *
 * Returns: (transfer full) (element-type ZcTimelineEntry) (nullable):
 *   the entries
 */
GPtrArray *
zc_declaration_timeline_entries_from_json (JsonNode *answer)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_timeline_entry_free);
  JsonObject *object;
  JsonArray *list;
  JsonNode *inner;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    return NULL;
  object = json_node_get_object (answer);
  list = find_list (object);
  inner = json_object_get_member (object, "declaration");
  if (list == NULL && inner != NULL && JSON_NODE_HOLDS_OBJECT (inner))
    list = find_list (json_node_get_object (inner));
  if (list == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autoptr(GDateTime) time = NULL;
      JsonObject *step;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      step = json_node_get_object (node);
      time = get_time (step, "at");
      if (time == NULL)
        time = get_time (step, "time");
      if (time == NULL)
        time = get_time (step, "created_at");
      if (time != NULL)
        g_ptr_array_add (entries, entry_from_object (step, time));
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

/* The widget */

/* Beijing time, like the plan's windows. */
static char *
format_local (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_offset (8 * 60 * 60);
  local = g_date_time_to_timezone (time, zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
state_label (const char *id)
{
  ZcDeclarationState state;

  if (id == NULL || !zc_declaration_state_from_string (id, &state))
    return id;
  return zc_declaration_state_get_label (state, ZC_LANGUAGE_LOCALE);
}

static char *
entry_title (ZcTimelineEntry *entry)
{
  ZcDeclarationAction action;

  if (entry->action != NULL && zc_declaration_action_from_string (entry->action, &action))
    return g_strdup (zc_declaration_action_get_label (action, ZC_LANGUAGE_LOCALE));
  if (entry->title != NULL)
    return g_strdup (entry->title);
  if (entry->to != NULL)
    return g_strdup (state_label (entry->to));
  return g_strdup (_("Changed"));
}

static GtkWidget *
detail_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
entry_row (ZcTimelineEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *title = entry_title (entry);
  g_autofree char *when = format_local (entry->time);
  g_autoptr(GString) meta = g_string_new (when);
  g_autoptr(GString) spoken = g_string_new (title);

  if (entry->actor_name != NULL && *entry->actor_name != '\0')
    g_string_append_printf (meta, " · %s", entry->actor_name);
  if (entry->from != NULL && entry->to != NULL && g_strcmp0 (entry->from, entry->to) != 0)
    g_string_append_printf (meta, " · %s → %s", state_label (entry->from), state_label (entry->to));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), detail_label (title, "heading"));
  gtk_box_append (GTK_BOX (box), detail_label (meta->str, "dim-label"));
  g_string_append_printf (spoken, ", %s", meta->str);
  if (entry->comment != NULL && *entry->comment != '\0')
    {
      g_autofree char *comment = g_strdup_printf (_("Comment: %s"), entry->comment);

      gtk_box_append (GTK_BOX (box), detail_label (comment, NULL));
      g_string_append_printf (spoken, ", %s", comment);
    }
  if (entry->interview_at != NULL || entry->place != NULL)
    {
      g_autofree char *at = entry->interview_at != NULL ? format_local (entry->interview_at) : g_strdup ("");
      g_autofree char *text = g_strdup_printf (_("Interview: %s, %s"), at, entry->place != NULL ? entry->place : "");

      gtk_box_append (GTK_BOX (box), detail_label (text, "accent"));
      g_string_append_printf (spoken, ", %s", text);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);
  return row;
}

void
zc_declaration_timeline_set_entries (ZcDeclarationTimeline *self,
                                     GPtrArray             *entries)
{
  GtkWidget *child;

  g_return_if_fail (ZC_IS_DECLARATION_TIMELINE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_entries = entries != NULL ? entries->len : 0;

  /* newest first: what happened last is what the applicant looks for */
  for (guint i = self->n_entries; i > 0; i--)
    gtk_list_box_append (self->list, entry_row (g_ptr_array_index (entries, i - 1)));
  if (self->n_entries == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = detail_label (_("Nothing has happened to this declaration yet."), "dim-label");

      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list, row);
    }
}

guint
zc_declaration_timeline_get_n_entries (ZcDeclarationTimeline *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_TIMELINE (self), 0);
  return self->n_entries;
}

/* Returns: (transfer none): the list, newest first */
GtkListBox *
zc_declaration_timeline_get_list (ZcDeclarationTimeline *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_TIMELINE (self), NULL);
  return self->list;
}

static void
zc_declaration_timeline_class_init (ZcDeclarationTimelineClass *klass)
{
}

static void
zc_declaration_timeline_init (ZcDeclarationTimeline *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress of the declaration"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list));
  zc_declaration_timeline_set_entries (self, NULL);
}

/**
 * zc_declaration_timeline_new:
 *
 * Returns: (transfer floating): the widget
 */
GtkWidget *
zc_declaration_timeline_new (void)
{
  return g_object_new (ZC_TYPE_DECLARATION_TIMELINE, NULL);
}
