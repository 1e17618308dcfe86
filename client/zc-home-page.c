/* zc-home-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-home-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-archive-page.h"
#include "zc-declaration-body.h"
#include "zc-declarations-page.h"
#include "zc-entry-object.h"
#include "zc-form-schema.h"
#include "zc-home-page.h"
#include "zc-local-store-home.h"
#include "zc-local-store-photo.h"

/* The home page: the applicant's declarations with their states and
 * deadlines (a deadline close at hand with changes still waiting is a
 * warning; each opens in "My Declarations"), what needs them
 * (returned and rejected entries, changes the server refused, conflicts;
 * each opens its entry), the archive's totals by review status and the
 * latest messages.  All of it from the local store, refreshed when the
 * store changes. */

#define MAX_MESSAGES 20

struct _ZcHomePage
{
  AdwBin         parent_instance;

  ZcLocalStore  *store;         /* owned */
  GPtrArray     *attention;     /* owned, of ZcAttentionItem, one per row */
  GPtrArray     *messages;      /* owned, of ZcStoredMessage, one per row */
  GPtrArray     *declarations;  /* owned, of ZcDeclarationItem, one per row */
  guint          counts[ZC_N_REVIEW_STATES];
  GtkLabel      *count_labels[ZC_N_REVIEW_STATES];  /* borrowed, in counts_box */
  GtkWidget     *count_tiles[ZC_N_REVIEW_STATES];   /* borrowed */
  guint          refresh_id;

  /* template children */
  GtkListBox    *declarations_list;
  GtkListBox    *attention_list;
  GtkFlowBox    *counts_box;
  AdwPreferencesGroup *messages_group;
  GtkListBox    *messages_list;
};

G_DEFINE_FINAL_TYPE (ZcHomePage, zc_home_page, ADW_TYPE_BIN)

/* The order of the tiles: what waits, then what was decided. */
static const ZcReviewState tile_order[ZC_N_REVIEW_STATES] = {
  ZC_REVIEW_STATE_PENDING,
  ZC_REVIEW_STATE_UNREVIEWED,
  ZC_REVIEW_STATE_APPROVED,
  ZC_REVIEW_STATE_RETURNED,
  ZC_REVIEW_STATE_REJECTED,
};

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name,
         gboolean    activatable)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  /* user text: no markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
  if (activatable)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
  return row;
}

/* The entry's title and its category, as the archive shows them. */
static void
describe_record (ZcRecord  *record,
                 char     **title,
                 char     **category)
{
  const char *kind = record != NULL ? zc_record_get_kind (record) : NULL;
  const char *form_id = kind != NULL ? zc_local_store_kind_get_form_id (kind) : NULL;
  g_autoptr(ZcFormSchema) schema = form_id != NULL ? zc_form_schema_lookup (form_id, NULL) : NULL;

  *title = NULL;
  *category = NULL;
  if (schema != NULL)
    {
      g_autoptr(ZcEntryObject) entry = zc_entry_object_new (record, schema);

      *title = g_strdup (zc_entry_object_get_title (entry));
      *category = g_strdup (zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE));
    }
  else if (g_strcmp0 (kind, ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0)
    *title = g_strdup (_("Personal information"));
  else if (g_strcmp0 (kind, ZC_LOCAL_STORE_PHOTO_KIND) == 0)
    *title = g_strdup (_("ID photo"));

  if (*title == NULL || **title == '\0')
    {
      g_free (*title);
      *title = g_strdup (record != NULL ? _("Untitled entry") : _("An entry no longer on this computer"));
    }
}

/* The fields in conflict, by their labels. */
static char *
conflict_fields (ZcRecord   *record,
                 const char *fields)
{
  const char *form_id = record != NULL ? zc_local_store_kind_get_form_id (zc_record_get_kind (record)) : NULL;
  g_autoptr(ZcFormSchema) schema = NULL;
  g_auto(GStrv) ids = g_strsplit (fields != NULL ? fields : "", ",", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (form_id != NULL)
    schema = zc_form_schema_lookup (form_id, NULL);
  else if (record != NULL && g_strcmp0 (zc_record_get_kind (record), ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0)
    schema = zc_form_schema_lookup ("personal-info", NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ZcFormField *field = schema != NULL ? zc_form_schema_find_field (schema, ids[i]) : NULL;

      if (*ids[i] != '\0')
        g_ptr_array_add (labels, (gpointer) (field != NULL ? zc_form_field_get_label (field, ZC_LANGUAGE_LOCALE)
                                                           : ids[i]));
    }
  g_ptr_array_add (labels, NULL);
  /* Translators: separates field names in a list */
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

static GtkWidget *
attention_row (ZcAttentionItem *item)
{
  g_autofree char *title = NULL;
  g_autofree char *category = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon = "dialog-warning-symbolic";
  gboolean has_detail = item->detail != NULL && *item->detail != '\0';

  describe_record (item->record, &title, &category);

  switch (item->kind)
    {
    case ZC_ATTENTION_SYNC_REJECTED:
      /* Translators: %s is the server's reason */
      detail = has_detail ? g_strdup_printf (_("Not accepted by the server: %s"), item->detail)
                          : g_strdup (_("Not accepted by the server"));
      icon = "dialog-error-symbolic";
      break;

    case ZC_ATTENTION_CONFLICT:
      {
        g_autofree char *fields = conflict_fields (item->record, item->detail);

        /* Translators: %s lists fields, such as "Title, Journal" */
        detail = g_strdup_printf (_("Changed here and on the server: %s. Choose which to keep."), fields);
        icon = "emblem-synchronizing-symbolic";
      }
      break;

    case ZC_ATTENTION_RETURNED:
      detail = has_detail ? g_strdup_printf (_("Returned: %s"), item->detail)
                          : g_strdup (_("Returned by your unit: complete it and save it again."));
      icon = "mail-reply-sender-symbolic";
      break;

    case ZC_ATTENTION_REJECTED:
    default:
      detail = has_detail ? g_strdup_printf (_("Not approved: %s"), item->detail)
                          : g_strdup (_("Not approved by your unit."));
      icon = "action-unavailable-symbolic";
      break;
    }

  subtitle = category != NULL ? g_strdup_printf ("%s · %s", category, detail) : g_strdup (detail);
  return new_row (title, subtitle, icon, item->record != NULL);
}

static void
fill_attention (ZcHomePage *self)
{
  g_autoptr(GError) error = NULL;

  clear_list (self->attention_list);
  g_clear_pointer (&self->attention, g_ptr_array_unref);
  self->attention = zc_local_store_list_attention (self->store, &error);
  if (self->attention == NULL)
    {
      g_warning ("%s", error->message);
      self->attention = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_attention_item_free);
    }

  for (guint i = 0; i < self->attention->len; i++)
    gtk_list_box_append (self->attention_list, attention_row (g_ptr_array_index (self->attention, i)));

  if (self->attention->len == 0)
    gtk_list_box_append (self->attention_list,
                         new_row (_("Nothing needs your attention"),
                                  _("Entries your unit returns or does not approve, and changes the server could "
                                    "not take, appear here."), "emblem-ok-symbolic", FALSE));
}

static void
fill_counts (ZcHomePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!zc_local_store_count_archive_states (self->store, self->counts, &error))
    g_warning ("%s", error->message);

  for (guint i = 0; i < ZC_N_REVIEW_STATES; i++)
    {
      ZcReviewState state = tile_order[i];
      g_autofree char *number = g_strdup_printf ("%u", self->counts[state]);
      g_autofree char *spoken = NULL;

      gtk_label_set_label (self->count_labels[state], number);
      /* Translators: a review status and how many entries have it, such as "待审核: 3" */
      spoken = g_strdup_printf (_("%s: %u"), zc_review_state_get_label (state, ZC_LANGUAGE_LOCALE),
                                self->counts[state]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_tiles[state]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      spoken, -1);
    }
}

static char *
format_beijing (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_offset (8 * 60 * 60);
  local = g_date_time_to_timezone (time, zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static GtkWidget *
declaration_row (ZcDeclarationItem *item,
                 GDateTime         *now)
{
  JsonObject *body = zc_record_get_body (item->record);
  JsonNode *title_node = body != NULL ? json_object_get_member (body, "title") : NULL;
  JsonNode *title = title_node != NULL && JSON_NODE_HOLDS_OBJECT (title_node)
    ? json_object_get_member (json_node_get_object (title_node), "title") : NULL;
  GDateTime *deadline = zc_declaration_item_get_deadline (item);
  gboolean warn = zc_declaration_item_deadline_is_close (item, now);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  if (title != NULL && json_node_get_value_type (title) == G_TYPE_STRING)
    g_string_append_printf (subtitle, "%s · ", json_node_get_string (title));
  g_string_append (subtitle, item->state_known ? zc_declaration_state_get_label (item->state, ZC_LANGUAGE_LOCALE)
                                               : zc_record_get_state (item->record));
  if (deadline != NULL)
    {
      g_autofree char *when = format_beijing (deadline);

      g_string_append (subtitle, " · ");
      /* Translators: %s is a time in Beijing time, such as 2026-04-30 23:59 */
      g_string_append_printf (subtitle, _("deadline %s"), when);
    }
  if (item->n_waiting > 0)
    g_string_append_printf (subtitle, " · %s",
                            g_dngettext (GETTEXT_PACKAGE, "a change waits to be sent",
                                         "changes wait to be sent", item->n_waiting));
  if (warn)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("The deadline is close and changes still wait to be sent: sync before then."));
    }

  row = new_row (item->plan != NULL ? zc_plan_get_name (item->plan) : _("Plan not received yet"),
                 subtitle->str, warn ? "dialog-warning-symbolic" : "x-office-document-symbolic", TRUE);
  if (warn)
    gtk_widget_add_css_class (row, "zc-deadline-warning");
  return row;
}

static void
fill_declarations (ZcHomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  clear_list (self->declarations_list);
  g_clear_pointer (&self->declarations, g_ptr_array_unref);
  self->declarations = zc_local_store_list_declaration_items (self->store, &error);
  if (self->declarations == NULL)
    {
      g_warning ("%s", error->message);
      self->declarations = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_item_free);
    }

  for (guint i = 0; i < self->declarations->len; i++)
    gtk_list_box_append (self->declarations_list, declaration_row (g_ptr_array_index (self->declarations, i), now));
  if (self->declarations->len == 0)
    gtk_list_box_append (self->declarations_list,
                         new_row (_("No declarations yet"),
                                  _("Choose a review plan to declare to. Keep your personal information and "
                                    "archive up to date: a declaration is made from them."),
                                  "x-office-document-symbolic", FALSE));
}

static void
fill_messages (ZcHomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint unread = 0;

  clear_list (self->messages_list);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  self->messages = zc_local_store_list_recent_messages (self->store, MAX_MESSAGES, &unread, &error);
  if (self->messages == NULL)
    {
      g_warning ("%s", error->message);
      self->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_stored_message_free);
    }

  for (guint i = 0; i < self->messages->len; i++)
    {
      ZcStoredMessage *message = g_ptr_array_index (self->messages, i);
      g_autofree char *when = format_time (message->created_at);
      g_autofree char *subtitle = message->body != NULL && *message->body != '\0'
        ? g_strdup_printf ("%s · %s", when, message->body) : g_strdup (when);

      gtk_list_box_append (self->messages_list,
                           new_row (message->title, subtitle,
                                    message->read ? "mail-read-symbolic" : "mail-unread-symbolic",
                                    TRUE));
    }

  if (self->messages->len == 0)
    gtk_list_box_append (self->messages_list,
                         new_row (_("No messages yet"),
                                  _("Messages from your unit and the review bodies appear here after a sync."),
                                  "mail-read-symbolic", FALSE));

  if (unread > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unread", "%u unread", unread), unread);
  adw_preferences_group_set_description (self->messages_group, description);
}

/**
 * zc_home_page_refresh:
 *
 * Reads everything again from the store (done by itself when the store
 * changes and when the page is shown).
 */
void
zc_home_page_refresh (ZcHomePage *self)
{
  g_return_if_fail (ZC_IS_HOME_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  fill_declarations (self);
  fill_attention (self);
  fill_counts (self);
  fill_messages (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  ZcHomePage *self = user_data;

  self->refresh_id = 0;
  zc_home_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A sync writes many records at once: one refresh for all of them. */
static void
refresh_soon (ZcHomePage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Opening */

static AdwViewStack *
find_stack (ZcHomePage *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  return stack != NULL ? ADW_VIEW_STACK (stack) : NULL;
}

/**
 * zc_home_page_open_record:
 *
 * Shows a record where it is edited: an archive entry opened in the
 * archive page, the personal information or photo in their page.
 *
 * Returns: whether it could be shown
 */
gboolean
zc_home_page_open_record (ZcHomePage *self,
                          const char *record_id)
{
  g_autoptr(ZcRecord) record = NULL;
  AdwViewStack *stack;
  GtkWidget *page;
  const char *kind, *form_id;
  ZcArchivePage *archive;

  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), FALSE);
  g_return_val_if_fail (record_id != NULL, FALSE);

  stack = find_stack (self);
  record = zc_local_store_get_record (self->store, record_id, NULL);
  if (stack == NULL || record == NULL || zc_record_get_deleted (record))
    return FALSE;

  kind = zc_record_get_kind (record);
  if (g_strcmp0 (kind, ZC_DECLARATION_KIND) == 0)
    {
      page = adw_view_stack_get_child_by_name (stack, "declarations");
      if (!ZC_IS_DECLARATIONS_PAGE (page))
        return FALSE;
      adw_view_stack_set_visible_child (stack, page);
      return zc_declarations_page_select (ZC_DECLARATIONS_PAGE (page), record_id);
    }
  if (g_strcmp0 (kind, ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0 || g_strcmp0 (kind, ZC_LOCAL_STORE_PHOTO_KIND) == 0)
    {
      page = adw_view_stack_get_child_by_name (stack, "personal");
      if (page == NULL)
        return FALSE;
      adw_view_stack_set_visible_child (stack, page);
      return TRUE;
    }

  form_id = zc_local_store_kind_get_form_id (kind);
  page = adw_view_stack_get_child_by_name (stack, "archive");
  if (form_id == NULL || !ZC_IS_ARCHIVE_PAGE (page))
    return FALSE;

  archive = ZC_ARCHIVE_PAGE (page);
  adw_view_stack_set_visible_child (stack, page);
  if (!zc_archive_page_select_category (archive, form_id))
    return FALSE;
  /* a filter left on must not hide it */
  zc_archive_page_set_search (archive, NULL);
  zc_archive_page_set_status_filter (archive, -1);
  if (!zc_archive_page_select_entry (archive, record_id))
    return FALSE;
  zc_archive_page_open_selected (archive);
  return TRUE;
}

static void
on_attention_activated (ZcHomePage    *self,
                        GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->attention->len)
    {
      ZcAttentionItem *item = g_ptr_array_index (self->attention, index);

      if (item->record_id != NULL)
        zc_home_page_open_record (self, item->record_id);
    }
}

static void
on_declaration_activated (ZcHomePage    *self,
                          GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  AdwViewStack *stack = find_stack (self);
  GtkWidget *page;

  if (index < 0 || (guint) index >= self->declarations->len || stack == NULL)
    return;
  page = adw_view_stack_get_child_by_name (stack, "declarations");
  if (!ZC_IS_DECLARATIONS_PAGE (page))
    return;
  adw_view_stack_set_visible_child (stack, page);
  zc_declarations_page_select (ZC_DECLARATIONS_PAGE (page),
                               zc_record_get_id (((ZcDeclarationItem *) g_ptr_array_index (self->declarations,
                                                                                         index))->record));
}

static void
on_message_activated (ZcHomePage    *self,
                      GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->messages->len)
    {
      ZcStoredMessage *message = g_ptr_array_index (self->messages, index);
      g_autofree char *record_id = g_strdup (message->record_id);
      g_autoptr(GError) error = NULL;

      /* reading it here is reading it: the server hears at the next sync */
      if (!message->read && !zc_local_store_mark_message_read (self->store, message->id, &error))
        g_warning ("The message could not be marked read: %s", error->message);
      if (record_id != NULL)
        zc_home_page_open_record (self, record_id);
    }
}

static void
open_archive_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AdwViewStack *stack = find_stack (ZC_HOME_PAGE (widget));

  if (stack != NULL && adw_view_stack_get_child_by_name (stack, "archive") != NULL)
    adw_view_stack_set_visible_child_name (stack, "archive");
}

static void
open_plans_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AdwViewStack *stack = find_stack (ZC_HOME_PAGE (widget));

  if (stack != NULL && adw_view_stack_get_child_by_name (stack, "plans") != NULL)
    adw_view_stack_set_visible_child_name (stack, "plans");
}

static void
build_tiles (ZcHomePage *self)
{
  for (guint i = 0; i < ZC_N_REVIEW_STATES; i++)
    {
      ZcReviewState state = tile_order[i];
      GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *number = gtk_label_new ("0");
      GtkWidget *name = gtk_label_new (zc_review_state_get_label (state, ZC_LANGUAGE_LOCALE));

      gtk_widget_add_css_class (tile, "card");
      gtk_widget_add_css_class (tile, "zc-count-tile");
      gtk_widget_set_margin_top (number, 12);
      gtk_widget_add_css_class (number, "title-1");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_set_margin_bottom (name, 12);
      gtk_widget_set_margin_start (name, 6);
      gtk_widget_set_margin_end (name, 6);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_box_append (GTK_BOX (tile), number);
      gtk_box_append (GTK_BOX (tile), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      zc_review_state_get_label (state, ZC_LANGUAGE_LOCALE), -1);
      gtk_flow_box_append (self->counts_box, tile);
      /* the numbers are read, not clicked */
      gtk_widget_set_focusable (gtk_widget_get_parent (tile), FALSE);
      self->count_labels[state] = GTK_LABEL (number);
      self->count_tiles[state] = tile;
    }
}

static void
zc_home_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (zc_home_page_parent_class)->map (widget);
  /* what sync wrote without a record changing (messages) shows too */
  refresh_soon (ZC_HOME_PAGE (widget));
}

static void
zc_home_page_dispose (GObject *object)
{
  ZcHomePage *self = ZC_HOME_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* the child is a template child: let the parent drop it first, or
   * dispose_template unparents it behind the parent's back */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_HOME_PAGE);
  g_clear_pointer (&self->attention, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->declarations, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_home_page_parent_class)->dispose (object);
}

static void
zc_home_page_class_init (ZcHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_home_page_dispose;
  widget_class->map = zc_home_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, declarations_list);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, messages_group);
  gtk_widget_class_bind_template_child (widget_class, ZcHomePage, messages_list);

  gtk_widget_class_install_action (widget_class, "home.open-archive", NULL, open_archive_action);
  gtk_widget_class_install_action (widget_class, "home.open-plans", NULL, open_plans_action);
}

static void
zc_home_page_init (ZcHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_tiles (self);
  g_signal_connect_swapped (self->declarations_list, "row-activated", G_CALLBACK (on_declaration_activated), self);
  g_signal_connect_swapped (self->attention_list, "row-activated", G_CALLBACK (on_attention_activated), self);
  g_signal_connect_swapped (self->messages_list, "row-activated", G_CALLBACK (on_message_activated), self);
}

/**
 * zc_home_page_new:
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
zc_home_page_new (ZcLocalStore *store)
{
  ZcHomePage *self;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_HOME_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (refresh_soon), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::outbox-count", G_CALLBACK (refresh_soon), self, G_CONNECT_SWAPPED);
  zc_home_page_refresh (self);

  return GTK_WIDGET (self);
}

/* The total the page shows for a review status. */
guint
zc_home_page_get_count (ZcHomePage    *self,
                        ZcReviewState  state)
{
  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), 0);
  g_return_val_if_fail ((guint) state < ZC_N_REVIEW_STATES, 0);

  return (guint) g_ascii_strtoull (gtk_label_get_label (self->count_labels[state]), NULL, 10);
}

guint
zc_home_page_get_n_attention (ZcHomePage *self)
{
  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), 0);
  return self->attention->len;
}

/* Returns: (nullable): the record of the @index-th item needing attention */
const char *
zc_home_page_get_attention_record (ZcHomePage *self,
                                   guint       index)
{
  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), NULL);
  g_return_val_if_fail (index < self->attention->len, NULL);

  return ((ZcAttentionItem *) g_ptr_array_index (self->attention, index))->record_id;
}

/* Returns: (transfer none): the list of items needing attention */
GtkListBox *
zc_home_page_get_attention_list (ZcHomePage *self)
{
  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), NULL);
  return self->attention_list;
}

guint
zc_home_page_get_n_messages (ZcHomePage *self)
{
  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), 0);
  return self->messages->len;
}

/* Returns: (transfer none): the list of messages */
GtkListBox *
zc_home_page_get_messages_list (ZcHomePage *self)
{
  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), NULL);
  return self->messages_list;
}

guint
zc_home_page_get_n_declarations (ZcHomePage *self)
{
  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), 0);
  return self->declarations->len;
}

/* Returns: (transfer none): the list of declarations */
GtkListBox *
zc_home_page_get_declarations_list (ZcHomePage *self)
{
  g_return_val_if_fail (ZC_IS_HOME_PAGE (self), NULL);
  return self->declarations_list;
}
