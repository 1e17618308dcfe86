/* zc-plan-details.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan-details"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-declaration-body.h"
#include "zc-declaration-check.h"
#include "zc-declaration-wizard.h"
#include "zc-file-viewer.h"
#include "zc-form-schema.h"
#include "zc-local-store-home.h"
#include "zc-photo-rules.h"
#include "zc-plan-details.h"
#include "zc-window.h"
#include "zc-plan-object.h"

/* The page is rebuilt whenever the plan changes: a plan is read-only
 * here, and rebuilding keeps every row in step with the cache. */

struct _ZcPlanDetails
{
  AdwBin         parent_instance;

  ZcLocalStore  *store;           /* owned */
  ZcSession     *session;         /* owned, nullable: to download notice files */
  GCancellable  *cancellable;     /* owned: downloads */
  ZcPlan        *plan;            /* owned, nullable */
  GDateTime     *now;             /* owned, nullable: the clock */
  char          *reason;          /* owned, nullable */
  char          *declaration_id;  /* owned, nullable */

  GtkWidget     *scroller;
  GtkWidget     *box;             /* rebuilt */
  GtkWidget     *declare_button;  /* in box */
  GtkWidget     *reason_label;    /* in box */
  GPtrArray     *file_rows;       /* owned, of GtkWidget*: AdwActionRows in box, per notice's files */
  ZcFileViewer  *viewer;          /* weak: the file opened last */
};

G_DEFINE_FINAL_TYPE (ZcPlanDetails, zc_plan_details, ADW_TYPE_BIN)

enum {
  DECLARE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GTimeZone *
beijing_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("Asia/Shanghai");

  /* no daylight saving time since 1991: +08:00 without tzdata */
  return zone != NULL ? zone : g_time_zone_new_offset (8 * 60 * 60);
}

static char *
format_beijing (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = beijing_zone ();
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (time, zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
pick_member (JsonObject *pick,
             const char *name)
{
  JsonNode *node = json_object_get_member (pick, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
}

/* Rows */

static GtkWidget *
add_group (ZcPlanDetails *self,
           const char    *title,
           const char    *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  /* plan text is the committee's: no markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (value != NULL && *value != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static char *
join_methods (ZcPlan *plan)
{
  const char * const *methods = zc_plan_get_methods (plan);
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; methods != NULL && methods[i] != NULL; i++)
    {
      const char *name = zc_taxonomy_get_method_name (taxonomy, methods[i], ZC_LANGUAGE_LOCALE);
      g_strv_builder_add (names, name != NULL ? name : methods[i]);
    }
  strv = g_strv_builder_end (names);
  /* Translators: the separator of a list, such as 正常申报、破格申报 */
  return g_strjoinv (_(", "), strv);
}

static void
build_overview (ZcPlanDetails *self)
{
  ZcPlan *plan = self->plan;
  GtkWidget *group = add_group (self, _("Overview"), NULL);
  const char * const *categories = zc_plan_get_declaration_categories (plan);
  g_autofree char *methods = join_methods (plan);
  g_autofree char *category_text = categories != NULL && categories[0] != NULL
    ? g_strjoinv (_(", "), (GStrv) categories) : NULL;
  const char *exam = zc_plan_get_exam (plan) ? _("Yes") : _("No");
  const char *interview = zc_plan_get_interview (plan) ? _("Yes") : _("No");
  g_autofree char *region = zc_plan_object_region_label (zc_plan_get_region_code (plan));
  g_autofree char *exam_text = g_strdup_printf (_("Exam: %s · Interview: %s"), exam, interview);

  add_row (group, _("Review committee"), zc_plan_get_committee_name (plan));
  add_row (group, _("Contact phone"), zc_plan_get_contact_phone (plan));
  add_row (group, _("Plan type"), zc_plan_type_get_label (zc_plan_get_plan_type (plan), ZC_LANGUAGE_LOCALE));
  add_row (group, _("Methods"), methods);
  add_row (group, _("Declaration categories"), category_text != NULL ? category_text : _("None"));
  add_row (group, _("Region"), region);
  add_row (group, _("Exam and interview"), exam_text);
}

static void
build_titles (ZcPlanDetails *self)
{
  JsonArray *titles = zc_plan_get_titles (self->plan);
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  GtkWidget *group = add_group (self, _("Titles"), NULL);

  for (guint i = 0; titles != NULL && i < json_array_get_length (titles); i++)
    {
      JsonNode *node = json_array_get_element (titles, i);
      const ZcTaxonomySeries *series;
      JsonObject *pick;
      g_autofree char *path = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      pick = json_node_get_object (node);
      series = zc_taxonomy_find_series (taxonomy, pick_member (pick, "series"));
      path = g_strdup_printf ("%s · %s · %s",
                              series != NULL ? zc_taxonomy_series_get_label (series, ZC_LANGUAGE_LOCALE)
                                             : pick_member (pick, "series"),
                              pick_member (pick, "category"), pick_member (pick, "level"));
      add_row (group, pick_member (pick, "title"), path);
    }
}

static void
build_scope (ZcPlanDetails *self)
{
  const char *scope = zc_plan_get_scope_text (self->plan);
  GtkWidget *group, *label;

  if (scope == NULL || *scope == '\0')
    return;
  group = add_group (self, _("Who may declare"), NULL);
  label = gtk_label_new (scope);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
}

static void
build_windows (ZcPlanDetails *self)
{
  GtkWidget *group = add_group (self, _("Time windows"), _("Beijing time"));

  for (int w = 0; w < ZC_N_PLAN_WINDOWS; w++)
    {
      g_autofree char *when = format_beijing (zc_plan_get_window (self->plan, w));
      add_row (group, zc_plan_window_get_label (w, ZC_LANGUAGE_LOCALE), when);
    }
}

static char *
describe_file (JsonObject *file)
{
  JsonNode *size = json_object_get_member (file, "size");
  g_autofree char *bytes = size != NULL && json_node_get_value_type (size) == G_TYPE_INT64
    ? g_format_size ((guint64) MAX (json_node_get_int (size), 0)) : NULL;

  return bytes != NULL ? g_strdup_printf ("%s (%s)", pick_member (file, "name"), bytes)
                       : g_strdup (pick_member (file, "name"));
}

/* ---- a notice's files: shown from the local store, downloaded once ---- */

typedef struct
{
  ZcPlanDetails *self;     /* owned */
  char          *sha256;   /* owned */
  char          *name;     /* owned */
  char          *mime;     /* owned */
} Download;

static void
download_free (Download *download)
{
  g_object_unref (download->self);
  g_free (download->sha256);
  g_free (download->name);
  g_free (download->mime);
  g_free (download);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Download, download_free)

/* Says @status under every row of the file @sha256 (NULL: nothing);
 * the Open buttons are for pressing again unless @busy. */
static void
set_file_status (ZcPlanDetails *self,
                 const char    *sha256,
                 const char    *status,
                 gboolean       busy)
{
  for (guint i = 0; self->file_rows != NULL && i < self->file_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->file_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "sha256"), sha256) != 0)
        continue;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), status != NULL ? status : "");
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "open-button"), !busy);
    }
}

static void
show_file (ZcPlanDetails *self,
           const char    *sha256,
           const char    *name,
           const char    *mime,
           GBytes        *bytes)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  const char *sniffed = zc_photo_sniff_mime (data, size);
  ZcFileViewer *viewer;

  /* what the bytes are, whatever the notice says */
  viewer = zc_file_viewer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, name,
                               sniffed != NULL ? sniffed : mime, bytes, &error);
  if (viewer == NULL)
    {
      g_debug ("Cannot show %s: %s", sha256, error->message);
      set_file_status (self, sha256, _("This file cannot be shown."), FALSE);
      return;
    }
  set_file_status (self, sha256, NULL, FALSE);
  g_set_weak_pointer (&self->viewer, viewer);
  gtk_window_present (GTK_WINDOW (viewer));
}

static void
on_file_downloaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Download) download = user_data;
  ZcPlanDetails *self = download->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;
  const char *sniffed;
  const guint8 *data;
  gsize size = 0;

  bytes = zc_api_client_download_finish (ZC_API_CLIENT (source), result, &content_type, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes == NULL)
    {
      g_autofree char *message = NULL;

      if (zc_api_client_error_is_transient (error) ||
          g_error_matches (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_NETWORK))
        message = g_strdup (_("Not on this computer yet: connect to the server to open it."));
      else
        /* Translators: %s says why, as the server put it */
        message = g_strdup_printf (_("The file could not be downloaded: %s"), error->message);
      set_file_status (self, download->sha256, message, FALSE);
      return;
    }

  /* kept with the other files, so it opens offline next time */
  data = g_bytes_get_data (bytes, &size);
  sniffed = zc_photo_sniff_mime (data, size);
  if (!zc_local_store_put_blob (self->store, download->sha256, sniffed != NULL ? sniffed : download->mime, bytes,
                                &error))
    {
      g_warning ("The file %s is not kept: %s", download->sha256, error->message);
      set_file_status (self, download->sha256, _("The file received is not the one the plan names."), FALSE);
      return;
    }
  show_file (self, download->sha256, download->name, download->mime, bytes);
}

static void
open_file_row (ZcPlanDetails *self,
               GtkWidget     *row)
{
  const char *sha256 = g_object_get_data (G_OBJECT (row), "sha256");
  const char *name = g_object_get_data (G_OBJECT (row), "name");
  const char *mime = g_object_get_data (G_OBJECT (row), "mime");
  g_autofree char *path = NULL;
  g_autofree char *request = NULL;
  Download *download;

  if (zc_local_store_has_blob (self->store, sha256))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GFile) kept = NULL;

      path = zc_local_store_get_blob_path (self->store, sha256);
      kept = path != NULL ? g_file_new_for_path (path) : NULL;
      bytes = kept != NULL ? g_file_load_bytes (kept, NULL, NULL, &error) : NULL;
      if (bytes != NULL)
        {
          show_file (self, sha256, name, mime, bytes);
          return;
        }
      /* recorded but gone: fetched again below */
      g_debug ("Cannot read %s: %s", sha256, error != NULL ? error->message : "no path");
    }

  if (self->session == NULL || zc_session_get_state (self->session) != ZC_SESSION_STATE_SIGNED_IN)
    {
      set_file_status (self, sha256, _("Not on this computer yet: connect to the server to open it."), FALSE);
      return;
    }

  set_file_status (self, sha256, _("Downloading…"), TRUE);
  download = g_new0 (Download, 1);
  download->self = g_object_ref (self);
  download->sha256 = g_strdup (sha256);
  download->name = g_strdup (name);
  download->mime = g_strdup (mime);
  request = g_strconcat ("/api/v1/blobs/", sha256, NULL);
  zc_api_client_download_async (zc_session_get_api_client (self->session), request, self->cancellable,
                                on_file_downloaded, download);
}

static void
on_open_clicked (GtkButton     *button,
                 ZcPlanDetails *self)
{
  open_file_row (self, gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW));
}

static void
add_open_button (ZcPlanDetails *self,
                 GtkWidget     *row,
                 JsonObject    *file,
                 guint          notice,
                 guint          index)
{
  GtkWidget *button = gtk_button_new_with_label (_("Open"));
  /* Translators: %s is a file's name */
  g_autofree char *label = g_strdup_printf (_("Open “%s”"), pick_member (file, "name"));

  g_object_set_data_full (G_OBJECT (row), "sha256", g_strdup (pick_member (file, "sha256")), g_free);
  g_object_set_data_full (G_OBJECT (row), "name", g_strdup (pick_member (file, "name")), g_free);
  g_object_set_data_full (G_OBJECT (row), "mime", g_strdup (pick_member (file, "mime")), g_free);
  g_object_set_data (G_OBJECT (row), "open-button", button);
  g_object_set_data (G_OBJECT (row), "notice", GUINT_TO_POINTER (notice));
  g_object_set_data (G_OBJECT (row), "file", GUINT_TO_POINTER (index));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, label);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_ptr_array_add (self->file_rows, row);
}

static GtkWidget *
find_file_row (ZcPlanDetails *self,
               guint          notice,
               guint          file)
{
  for (guint i = 0; self->file_rows != NULL && i < self->file_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->file_rows, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "notice")) == notice &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "file")) == file)
        return row;
    }
  return NULL;
}

static void
build_notices (ZcPlanDetails *self)
{
  JsonArray *notices = zc_plan_get_notices (self->plan);
  GtkWidget *group;

  if (notices == NULL || json_array_get_length (notices) == 0)
    return;
  group = add_group (self, _("Notices"), NULL);
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonNode *node = json_array_get_element (notices, i);
      JsonNode *files_node;
      JsonObject *notice;
      GtkWidget *expander, *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      notice = json_node_get_object (node);
      expander = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), pick_member (notice, "title"));
      text = gtk_label_new (pick_member (notice, "text"));
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_set_margin_start (text, 12);
      gtk_widget_set_margin_end (text, 12);
      gtk_widget_set_margin_top (text, 8);
      gtk_widget_set_margin_bottom (text, 8);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text);

      files_node = json_object_get_member (notice, "files");
      if (files_node != NULL && JSON_NODE_HOLDS_ARRAY (files_node))
        {
          JsonArray *files = json_node_get_array (files_node);

          for (guint f = 0; f < json_array_get_length (files); f++)
            {
              JsonNode *file = json_array_get_element (files, f);
              g_autofree char *described = NULL;
              GtkWidget *row;

              if (!JSON_NODE_HOLDS_OBJECT (file))
                continue;
              described = describe_file (json_node_get_object (file));
              row = adw_action_row_new ();
              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), described);
              adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
              adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
              adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                         g_object_new (GTK_TYPE_IMAGE, "icon-name", "mail-attachment-symbolic",
                                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
              add_open_button (self, row, json_node_get_object (file), i, f);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
            }
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
}

static void
build_attachments (ZcPlanDetails *self)
{
  guint n = zc_plan_get_n_attachments (self->plan);
  GtkWidget *group;

  if (n == 0)
    return;
  group = add_group (self, _("Attachments to hand in"), NULL);
  for (guint i = 0; i < n; i++)
    {
      const ZcPlanAttachment *attachment = zc_plan_get_attachment (self->plan, i);
      g_autofree char *types = g_strjoinv (" / ", attachment->types);
      g_autofree char *size = g_format_size ((guint64) attachment->max_bytes);
      /* Translators: required or optional, the file types, the largest size and how many files */
      g_autofree char *detail = g_strdup_printf (_("%s · %s · at most %s · up to %u files"),
                                                 attachment->required ? C_("attachment", "Required") : C_("attachment", "Optional"),
                                                 types, size, attachment->max_count);

      add_row (group, attachment->name, detail);
    }
}

static void
build_condition_groups (ZcPlanDetails *self)
{
  guint n = zc_plan_get_n_condition_groups (self->plan);
  GtkWidget *group;

  if (n == 0)
    return;
  group = add_group (self, _("Achievement conditions"), NULL);
  for (guint i = 0; i < n; i++)
    {
      const ZcPlanConditionGroup *condition = zc_plan_get_condition_group (self->plan, i);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *count = NULL;
      g_autofree char *detail = NULL;

      for (guint c = 0; condition->categories != NULL && condition->categories[c] != NULL; c++)
        {
          g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup (condition->categories[c], NULL);
          g_strv_builder_add (names, schema != NULL ? zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE)
                                                    : condition->categories[c]);
        }
      strv = g_strv_builder_end (names);
      joined = g_strjoinv (_(", "), strv);
      if (condition->max < 0)
        count = g_strdup_printf (_("at least %u"), condition->min);
      else
        count = g_strdup_printf (_("%u to %d"), condition->min, condition->max);
      /* Translators: how many entries, then the categories that count */
      detail = g_strdup_printf (_("%s entries of: %s"), count, joined);
      add_row (group, condition->name, detail);
    }
}

/* The declare button */

static GPtrArray *
list_declarations (ZcPlanDetails *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = zc_local_store_list_declaration_items (self->store, &error);

  if (items == NULL)
    {
      g_warning ("Cannot read the declarations: %s", error->message);
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_item_free);
    }
  return items;
}

static const char *
item_plan_id (ZcDeclarationItem *item)
{
  JsonNode *node = json_object_get_member (zc_record_get_body (item->record), "plan_id");

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

void
zc_plan_details_update_declare (ZcPlanDetails *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) others = NULL;
  g_autoptr(GDateTime) clock = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  ZcCheckInput input = { 0 };

  g_return_if_fail (ZC_IS_PLAN_DETAILS (self));

  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->declaration_id, g_free);
  if (self->plan == NULL || self->declare_button == NULL)
    return;

  items = list_declarations (self);
  others = g_array_new (FALSE, TRUE, sizeof (ZcDeclarationSummary));
  for (guint i = 0; i < items->len; i++)
    {
      ZcDeclarationItem *item = g_ptr_array_index (items, i);
      ZcDeclarationSummary summary = { 0 };

      /* a draft or returned one of this plan is continued, not repeated */
      if (g_strcmp0 (item_plan_id (item), zc_plan_get_id (self->plan)) == 0 && item->state_known &&
          zc_declaration_state_is_editable_by_applicant (item->state) && self->declaration_id == NULL)
        self->declaration_id = g_strdup (zc_record_get_id (item->record));
      if (!item->state_known)
        continue;
      summary.id = zc_record_get_id (item->record);
      summary.state = item->state;
      /* the year of a plan not in the cache is unknown: the server judges it */
      summary.plan_year = item->plan != NULL ? zc_plan_get_year (item->plan)
                        : g_strcmp0 (item_plan_id (item), zc_plan_get_id (self->plan)) == 0
                          ? zc_plan_get_year (self->plan) : 0;
      if (summary.plan_year > 0)
        g_array_append_val (others, summary);
    }

  if (self->declaration_id != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->declare_button), _("_Continue Declaration"));
      gtk_widget_set_sensitive (self->declare_button, TRUE);
      gtk_label_set_label (GTK_LABEL (self->reason_label),
                           _("You have a declaration to this plan that is not submitted yet."));
      gtk_widget_remove_css_class (self->reason_label, "warning");
      gtk_widget_set_visible (self->reason_label, TRUE);
      return;
    }

  clock = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  body = json_object_new ();
  json_object_set_string_member (body, "plan_id", zc_plan_get_id (self->plan));
  json_object_set_int_member (body, "plan_version", zc_plan_get_version (self->plan));
  input.plan = self->plan;
  input.body = body;
  input.others = (const ZcDeclarationSummary *) (gpointer) others->data;
  input.n_others = others->len;
  input.bans_known = FALSE;
  input.now = clock;
  input.taxonomy = zc_taxonomy_get_default ();

  gtk_button_set_label (GTK_BUTTON (self->declare_button), _("_Declare"));
  /* The unit is not known here: the scope is the server's to judge
   * (the scope is the last rule, so the others passed). */
  if (zc_declaration_check_may_create (&input, ZC_LANGUAGE_LOCALE, &error) ||
      g_error_matches (error, ZC_DECLARATION_CHECK_ERROR, ZC_DECLARATION_CHECK_ERROR_OUT_OF_SCOPE))
    {
      gtk_widget_set_sensitive (self->declare_button, TRUE);
      gtk_widget_set_visible (self->reason_label, FALSE);
      return;
    }

  self->reason = g_strdup (error->message);
  gtk_widget_set_sensitive (self->declare_button, FALSE);
  gtk_label_set_label (GTK_LABEL (self->reason_label), self->reason);
  gtk_widget_add_css_class (self->reason_label, "warning");
  gtk_widget_set_visible (self->reason_label, TRUE);
}

static void
on_declare_clicked (ZcPlanDetails *self)
{
  gboolean handled = FALSE;

  if (self->plan == NULL)
    return;
  g_signal_emit (self, signals[DECLARE], 0, self->plan, self->declaration_id, &handled);
}

static gboolean
zc_plan_details_real_declare (ZcPlanDetails *self,
                              ZcPlan        *plan,
                              const char    *declaration_id)
{
  zc_plan_details_open_wizard (GTK_WIDGET (self), self->store, plan, declaration_id);
  return TRUE;
}

static void
build_header (ZcPlanDetails *self)
{
  GtkWidget *title = gtk_label_new (zc_plan_get_name (self->plan));
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (self->box), title);

  self->declare_button = gtk_button_new_with_mnemonic (_("_Declare"));
  gtk_widget_set_halign (self->declare_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->declare_button, "suggested-action");
  gtk_widget_add_css_class (self->declare_button, "pill");
  g_signal_connect_swapped (self->declare_button, "clicked", G_CALLBACK (on_declare_clicked), self);
  self->reason_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->reason_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->reason_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->reason_label), 0);
  gtk_widget_set_visible (self->reason_label, FALSE);
  /* the reason is read with the button */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->declare_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->reason_label, NULL, -1);
  gtk_box_append (GTK_BOX (actions), self->declare_button);
  gtk_box_append (GTK_BOX (actions), self->reason_label);
  gtk_box_append (GTK_BOX (self->box), actions);
}

static void
rebuild (ZcPlanDetails *self)
{
  GtkWidget *clamp = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));

  self->declare_button = NULL;
  self->reason_label = NULL;
  g_ptr_array_set_size (self->file_rows, 0);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  if (GTK_IS_VIEWPORT (clamp))
    clamp = gtk_viewport_get_child (GTK_VIEWPORT (clamp));
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);

  if (self->plan == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No plan chosen"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), _("Choose a review plan to see it in full."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (self->box), status);
      return;
    }

  build_header (self);
  build_overview (self);
  build_titles (self);
  build_scope (self);
  build_windows (self);
  build_notices (self);
  build_attachments (self);
  build_condition_groups (self);
  zc_plan_details_update_declare (self);
}

/* GObject */

static void
on_store_changed (ZcPlanDetails *self,
                  const char    *record_id,
                  const char    *kind)
{
  if (g_strcmp0 (kind, ZC_DECLARATION_KIND) == 0)
    zc_plan_details_update_declare (self);
}

static void
zc_plan_details_dispose (GObject *object)
{
  ZcPlanDetails *self = ZC_PLAN_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->file_rows, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_weak_pointer (&self->viewer);
  g_clear_object (&self->store);
  g_clear_pointer (&self->plan, zc_plan_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->declaration_id, g_free);

  G_OBJECT_CLASS (zc_plan_details_parent_class)->dispose (object);
}

static void
zc_plan_details_class_init (ZcPlanDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zc_plan_details_dispose;

  signals[DECLARE] =
    g_signal_new_class_handler ("declare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (zc_plan_details_real_declare),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 2, ZC_TYPE_PLAN, G_TYPE_STRING);
}

static void
zc_plan_details_init (ZcPlanDetails *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->cancellable = g_cancellable_new ();
  self->file_rows = g_ptr_array_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 500);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller))),
                                    TRUE);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_hexpand (self->scroller, TRUE);
  adw_bin_set_child (ADW_BIN (self), self->scroller);
  rebuild (self);
}

/**
 * zc_plan_details_new:
 *
 * Returns: (transfer floating): the widget
 */
GtkWidget *
zc_plan_details_new (ZcLocalStore *store)
{
  ZcPlanDetails *self;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_PLAN_DETAILS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
zc_plan_details_set_plan (ZcPlanDetails *self,
                          ZcPlan        *plan)
{
  g_return_if_fail (ZC_IS_PLAN_DETAILS (self));

  if (plan == self->plan)
    return;
  g_clear_pointer (&self->plan, zc_plan_unref);
  self->plan = plan != NULL ? zc_plan_ref (plan) : NULL;
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/* Returns: (transfer none) (nullable): the plan shown */
ZcPlan *
zc_plan_details_get_plan (ZcPlanDetails *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_DETAILS (self), NULL);
  return self->plan;
}

void
zc_plan_details_set_now (ZcPlanDetails *self,
                         GDateTime     *now)
{
  g_return_if_fail (ZC_IS_PLAN_DETAILS (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  zc_plan_details_update_declare (self);
}

/* Returns: (transfer none) (nullable): the button, while a plan is shown */
GtkWidget *
zc_plan_details_get_declare_button (ZcPlanDetails *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_DETAILS (self), NULL);
  return self->declare_button;
}

const char *
zc_plan_details_get_declare_reason (ZcPlanDetails *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_DETAILS (self), NULL);
  return self->reason;
}

const char *
zc_plan_details_get_declaration_id (ZcPlanDetails *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_DETAILS (self), NULL);
  return self->declaration_id;
}

/* @session: (nullable): online, a notice's file is downloaded when it
 * is not on this computer yet */
void
zc_plan_details_set_session (ZcPlanDetails *self,
                             ZcSession     *session)
{
  g_return_if_fail (ZC_IS_PLAN_DETAILS (self));
  g_return_if_fail (session == NULL || ZC_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/**
 * zc_plan_details_open_notice_file:
 *
 * What the Open button of file @file of notice @notice does: shows it
 * from the local store, or downloads it first (online) and keeps it
 * there.  How it went is said under the file's row.
 *
 * Returns: FALSE when the plan shown has no such file
 */
gboolean
zc_plan_details_open_notice_file (ZcPlanDetails *self,
                                  guint          notice,
                                  guint          file)
{
  GtkWidget *row;

  g_return_val_if_fail (ZC_IS_PLAN_DETAILS (self), FALSE);

  row = find_file_row (self, notice, file);
  if (row == NULL)
    return FALSE;
  open_file_row (self, row);
  return TRUE;
}

/* (transfer none) (nullable): the row of a notice's file; its subtitle
 * says how opening it went */
GtkWidget *
zc_plan_details_get_notice_file_row (ZcPlanDetails *self,
                                     guint          notice,
                                     guint          file)
{
  g_return_val_if_fail (ZC_IS_PLAN_DETAILS (self), NULL);
  return find_file_row (self, notice, file);
}

/* (transfer none) (nullable): the window of the file opened last, while open */
ZcFileViewer *
zc_plan_details_get_file_viewer (ZcPlanDetails *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_DETAILS (self), NULL);
  return self->viewer;
}

void
zc_plan_details_open_wizard (GtkWidget    *parent,
                             ZcLocalStore *store,
                             ZcPlan       *plan,
                             const char   *declaration_id)
{
  GtkRoot *root;
  ZcDeclarationWizard *wizard;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (ZC_IS_LOCAL_STORE (store));
  g_return_if_fail (plan != NULL);

  root = gtk_widget_get_root (parent);
  wizard = zc_declaration_wizard_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, plan, declaration_id);
  if (ZC_IS_WINDOW (root))
    g_signal_connect_object (wizard, "archive-requested", G_CALLBACK (zc_window_show_archive), root,
                             G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
}
