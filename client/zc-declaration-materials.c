/* zc-declaration-materials.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-materials"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-blob-preview.h"
#include "zc-declaration-materials.h"
#include "zc-entry-object.h"
#include "zc-form-schema.h"
#include "zc-json.h"

/* The declaration's own files are in the local copy (the sync engine
 * fetches what pulled records name); the picked entries' files are not
 * for a department or a committee, so a file is fetched when chosen and
 * kept in the store for the next time. */

#define FORMATTING_OWNER "00000000-0000-4000-8000-000000000000"

typedef struct
{
  JsonObject *record;   /* owned: {sha256, mime, name} */
  char       *label;    /* owned: what the row says */
  GtkWidget  *row;      /* its row in the list */
} File;

struct _ZcDeclarationMaterials
{
  AdwBin        parent_instance;

  ZcLocalStore *store;     /* owned */
  ZcSession    *session;   /* owned */
  GHashTable   *schemas;   /* owned: form id → ZcFormSchema, or NULL when unknown */
  GPtrArray    *files;     /* owned, of File: in the list's order */
  guint         n_picks;
  guint         n_pending;
  int           shown;     /* the file in the preview, or -1 */
  GCancellable *fetching;  /* owned, nullable */

  GtkWidget    *groups;    /* the box of the two groups */
  GtkWidget    *picks_group;
  GtkWidget    *files_group;
  AdwBin       *preview;
};

G_DEFINE_FINAL_TYPE (ZcDeclarationMaterials, zc_declaration_materials, ADW_TYPE_BIN)

static void
file_free (gpointer data)
{
  File *file = data;

  json_object_unref (file->record);
  g_free (file->label);
  g_free (file);
}

/* unknown forms are kept as NULL, asked once */
static void
schema_free (gpointer schema)
{
  if (schema != NULL)
    zc_form_schema_unref (schema);
}

static ZcFormSchema *
schema_for (ZcDeclarationMaterials *self,
            const char             *form_id)
{
  ZcFormSchema *schema;

  if (form_id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (self->schemas, form_id, NULL, (gpointer *) &schema))
    return schema;
  schema = zc_form_schema_lookup (form_id, NULL);
  g_hash_table_insert (self->schemas, g_strdup (form_id), schema);
  return schema;
}

static gboolean
is_online (ZcDeclarationMaterials *self)
{
  return zc_session_get_state (self->session) == ZC_SESSION_STATE_SIGNED_IN;
}

static void
clear_group (GtkWidget **group)
{
  if (*group != NULL)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (*group)), *group);
  *group = NULL;
}

static GtkWidget *
note_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
on_file_activated (AdwActionRow           *row,
                   ZcDeclarationMaterials *self)
{
  zc_declaration_materials_show_file (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "file-index")));
}

/* Adds @record to the files and returns its row. */
static GtkWidget *
file_row (ZcDeclarationMaterials *self,
          JsonObject             *record,
          const char             *label)
{
  GtkWidget *row = adw_action_row_new ();
  File *file = g_new0 (File, 1);
  const char *name = zc_json_member_string (record, "name");

  file->record = json_object_ref (record);
  file->label = g_strdup (label);
  file->row = row;
  g_ptr_array_add (self->files, file);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  if (name != NULL && g_strcmp0 (name, label) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE, "icon-name", "mail-attachment-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "file-index", GUINT_TO_POINTER (self->files->len - 1));
  g_signal_connect (row, "activated", G_CALLBACK (on_file_activated), self);
  return row;
}

/* An achievement: its form's name and its summary, marked when the
 * unit had not approved it; its files below it. */
static void
add_pick (ZcDeclarationMaterials *self,
          JsonObject             *pick)
{
  const char *category = zc_json_member_string (pick, "category");
  JsonObject *body = zc_json_member_object (pick, "body");
  JsonNode *pending_node = json_object_get_member (pick, "pending");
  gboolean pending = pending_node != NULL && json_node_get_value_type (pending_node) == G_TYPE_BOOLEAN &&
                     json_node_get_boolean (pending_node);
  ZcFormSchema *schema = schema_for (self, category);
  const char *form_title = schema != NULL ? zc_form_schema_get_title (schema, ZC_LANGUAGE_LOCALE) : category;
  g_autoptr(JsonArray) files = zc_entry_collect_files (schema, body);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (schema != NULL && body != NULL)
    {
      g_autofree char *kind = g_strconcat ("archive:", category, NULL);
      const char *id = zc_json_member_string (pick, "id");
      /* a record only to word the entry as the archive does: whose it
       * is does not matter here */
      g_autoptr(ZcRecord) record = zc_record_new (zc_json_is_uuid (id) ? id : NULL, kind, FORMATTING_OWNER);
      g_autoptr(ZcEntryObject) entry = NULL;

      zc_record_set_body (record, body);
      entry = zc_entry_object_new (record, schema);
      /* Translators: an archive form's name and an entry's title, such as 论文 · 基于…的研究 */
      title = g_strdup_printf (_("%s · %s"), form_title,
                               zc_entry_object_get_title (entry) != NULL ? zc_entry_object_get_title (entry)
                                                                         : _("Untitled"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), zc_entry_object_get_subtitle (entry));
    }
  else
    title = g_strdup (form_title != NULL ? form_title : _("Untitled"));

  self->n_picks++;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (pending)
    {
      GtkWidget *mark = gtk_label_new (_("Not reviewed by the unit"));

      self->n_pending++;
      gtk_widget_add_css_class (mark, "warning");
      gtk_widget_add_css_class (mark, "caption-heading");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->picks_group), row);

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      const char *name = zc_json_member_string (file, "name");
      GtkWidget *child = file_row (self, file, name != NULL ? name : _("File"));

      gtk_widget_set_margin_start (child, 24);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->picks_group), child);
    }
}

static void
fill_picks (ZcDeclarationMaterials *self,
            JsonArray              *picks,
            const char             *note)
{
  self->picks_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->picks_group), _("Achievements picked"));
  gtk_box_append (GTK_BOX (self->groups), self->picks_group);

  if (picks == NULL)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->picks_group),
                                 note_row (note != NULL ? note : _("The achievements need a connection.")));
      return;
    }
  for (guint i = 0; i < json_array_get_length (picks); i++)
    {
      JsonNode *node = json_array_get_element (picks, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        add_pick (self, json_node_get_object (node));
    }
  if (self->n_picks == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->picks_group), note_row (_("No achievements picked.")));
  else if (self->n_pending > 0)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of them was not reviewed by the unit when submitted.",
                                      "%u of them were not reviewed by the unit when submitted.", self->n_pending),
                         self->n_pending);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->picks_group), description);
    }
}

static const char *
requirement_name (ZcPlan     *plan,
                  const char *id)
{
  for (guint i = 0; plan != NULL && id != NULL && i < zc_plan_get_n_attachments (plan); i++)
    {
      const ZcPlanAttachment *requirement = zc_plan_get_attachment (plan, i);

      if (g_strcmp0 (requirement->id, id) == 0)
        return requirement->name;
    }
  return id;
}

/* The declaration's own files: photo, signed commitment, attachments */
static void
fill_files (ZcDeclarationMaterials *self,
            JsonObject             *body,
            ZcPlan                 *plan)
{
  JsonObject *photo = zc_json_member_object (body, "photo");
  JsonObject *commitment = zc_json_member_object (body, "commitment");
  JsonArray *attachments = zc_json_member_array (body, "attachments");
  guint before = self->files->len;

  self->files_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->files_group), _("Files handed in"));
  gtk_box_append (GTK_BOX (self->groups), self->files_group);

  if (zc_json_member_string (photo, "sha256") != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->files_group), file_row (self, photo, _("Photo")));
  if (zc_json_member_string (zc_json_member_object (commitment, "signature"), "sha256") != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->files_group),
                               file_row (self, zc_json_member_object (commitment, "signature"),
                                         _("Signature of the commitment")));
  if (zc_json_member_string (zc_json_member_object (commitment, "scan"), "sha256") != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->files_group),
                               file_row (self, zc_json_member_object (commitment, "scan"), _("Signed commitment")));
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonNode *node = json_array_get_element (attachments, i);
      JsonObject *attachment = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *files = zc_json_member_array (attachment, "files");
      const char *name = requirement_name (plan, zc_json_member_string (attachment, "requirement"));

      for (guint j = 0; files != NULL && j < json_array_get_length (files); j++)
        {
          JsonNode *file = json_array_get_element (files, j);

          if (JSON_NODE_HOLDS_OBJECT (file) && zc_json_member_string (json_node_get_object (file), "sha256") != NULL)
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->files_group),
                                       file_row (self, json_node_get_object (file),
                                                 name != NULL ? name : _("Attachment")));
        }
    }
  if (self->files->len == before)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->files_group), note_row (_("No files handed in.")));
}

/**
 * zc_declaration_materials_set_declaration:
 * @body: (nullable): the declaration's body, from the local copy
 * @plan: (nullable): its plan, for the attachments' names
 * @picks: (nullable): the server's frozen picks (the detail's `picks`),
 *   or %NULL when not known here
 * @picks_note: (nullable): said in place of the picks when @picks is
 *   %NULL ("loading", "needs a connection")
 *
 * Shows the declaration's materials; the preview is emptied.
 */
void
zc_declaration_materials_set_declaration (ZcDeclarationMaterials *self,
                                          JsonObject             *body,
                                          ZcPlan                 *plan,
                                          JsonArray              *picks,
                                          const char             *picks_note)
{
  g_return_if_fail (ZC_IS_DECLARATION_MATERIALS (self));

  g_cancellable_cancel (self->fetching);
  g_clear_object (&self->fetching);
  clear_group (&self->picks_group);
  clear_group (&self->files_group);
  g_ptr_array_set_size (self->files, 0);
  self->n_picks = 0;
  self->n_pending = 0;
  self->shown = -1;

  fill_picks (self, picks, picks_note);
  fill_files (self, body, plan);
  adw_bin_set_child (self->preview,
                     zc_blob_preview_new_message (self->files->len > 0 ? _("Choose a file above to see it here.")
                                                                       : _("There is no file to show.")));
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ZcDeclarationMaterials) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mime = NULL;
  File *file;

  bytes = zc_api_client_download_finish (ZC_API_CLIENT (source), result, &mime, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->fetching);
  if (self->shown < 0 || (guint) self->shown >= self->files->len)
    return;
  file = self->files->pdata[self->shown];
  if (bytes != NULL)
    {
      const char *declared = zc_json_member_string (file->record, "mime");

      if (!zc_local_store_put_blob (self->store, zc_json_member_string (file->record, "sha256"),
                                    declared != NULL ? declared : mime, bytes, &error))
        g_clear_pointer (&bytes, g_bytes_unref);
    }
  if (bytes == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The file could not be fetched: %s"), error->message);

      adw_bin_set_child (self->preview, zc_blob_preview_new_message (text));
      return;
    }
  adw_bin_set_child (self->preview, zc_blob_preview_new (self->store, file->record,
                                                         _("The file could not be kept on this computer.")));
}

/**
 * zc_declaration_materials_show_file:
 *
 * Shows file @index of the list below it, fetching it first when it is
 * not on this computer.
 *
 * Returns: whether there is such a file
 */
gboolean
zc_declaration_materials_show_file (ZcDeclarationMaterials *self,
                                    guint                   index)
{
  File *file;
  const char *sha256;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ZC_IS_DECLARATION_MATERIALS (self), FALSE);

  if (index >= self->files->len)
    return FALSE;
  g_cancellable_cancel (self->fetching);
  g_clear_object (&self->fetching);
  self->shown = (int) index;
  /* the row of the file below stands out, for the eye and screen readers */
  for (guint i = 0; i < self->files->len; i++)
    {
      GtkWidget *row = ((File *) self->files->pdata[i])->row;

      if (i == index)
        gtk_widget_add_css_class (row, "accent");
      else
        gtk_widget_remove_css_class (row, "accent");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, i == index, -1);
    }
  file = self->files->pdata[index];
  sha256 = zc_json_member_string (file->record, "sha256");
  if (sha256 == NULL || zc_local_store_has_blob (self->store, sha256) || !is_online (self))
    {
      adw_bin_set_child (self->preview,
                         zc_blob_preview_new (self->store, file->record,
                                              _("This file is not on this computer; it needs a connection.")));
      return TRUE;
    }
  adw_bin_set_child (self->preview, zc_blob_preview_new_message (_("Fetching the file…")));
  path = g_strconcat ("/api/v1/blobs/", sha256, NULL);
  self->fetching = g_cancellable_new ();
  zc_api_client_download_async (zc_session_get_api_client (self->session), path, self->fetching, on_fetched,
                                g_object_ref (self));
  return TRUE;
}

guint
zc_declaration_materials_get_n_picks (ZcDeclarationMaterials *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_MATERIALS (self), 0);
  return self->n_picks;
}

/* The picks the unit had not approved when they were submitted */
guint
zc_declaration_materials_get_n_pending (ZcDeclarationMaterials *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_MATERIALS (self), 0);
  return self->n_pending;
}

guint
zc_declaration_materials_get_n_files (ZcDeclarationMaterials *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_MATERIALS (self), 0);
  return self->files->len;
}

/* Returns: (nullable): what the row of file @index says */
const char *
zc_declaration_materials_get_file_label (ZcDeclarationMaterials *self,
                                         guint                   index)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_MATERIALS (self), NULL);
  return index < self->files->len ? ((File *) self->files->pdata[index])->label : NULL;
}

gboolean
zc_declaration_materials_is_fetching (ZcDeclarationMaterials *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_MATERIALS (self), FALSE);
  return self->fetching != NULL;
}

/* Returns: (transfer none): the preview's widget: a ZcPdfView, a
 * GtkPicture or a GtkLabel saying why not */
GtkWidget *
zc_declaration_materials_get_preview (ZcDeclarationMaterials *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_MATERIALS (self), NULL);
  return adw_bin_get_child (self->preview);
}

static void
zc_declaration_materials_dispose (GObject *object)
{
  ZcDeclarationMaterials *self = ZC_DECLARATION_MATERIALS (object);

  g_cancellable_cancel (self->fetching);
  g_clear_object (&self->fetching);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->picks_group = NULL;
  self->files_group = NULL;
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->schemas, g_hash_table_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_declaration_materials_parent_class)->dispose (object);
}

static void
zc_declaration_materials_class_init (ZcDeclarationMaterialsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zc_declaration_materials_dispose;
}

static void
zc_declaration_materials_init (ZcDeclarationMaterials *self)
{
  self->files = g_ptr_array_new_with_free_func (file_free);
  self->schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, schema_free);
  self->shown = -1;
}

/**
 * zc_declaration_materials_new:
 * @store: the officer's local store: files are read from and kept in it
 * @session: for fetching files not on this computer
 *
 * Returns: (transfer floating): the materials of no declaration yet
 */
GtkWidget *
zc_declaration_materials_new (ZcLocalStore *store,
                              ZcSession    *session)
{
  ZcDeclarationMaterials *self;
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_DECLARATION_MATERIALS, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);

  self->groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (self->groups, 12);
  gtk_widget_set_margin_end (self->groups, 12);
  gtk_widget_set_margin_top (self->groups, 12);
  gtk_widget_set_margin_bottom (self->groups, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->groups);
  gtk_widget_set_size_request (scroller, -1, 120);

  self->preview = ADW_BIN (adw_bin_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->preview), -1, 160);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The chosen file"), -1);

  gtk_paned_set_start_child (GTK_PANED (paned), scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->preview));
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 260);
  adw_bin_set_child (ADW_BIN (self), paned);

  zc_declaration_materials_set_declaration (self, NULL, NULL, NULL, NULL);
  return GTK_WIDGET (self);
}
