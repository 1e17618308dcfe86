/* zc-personal-page.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-personal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-form-validator.h"
#include "zc-local-store-photo.h"
#include "zc-personal-page.h"
#include "zc-photo-image.h"

/* Personal information (SPEC "Personal information"): the shared
 * "personal-info" form, saved with its outbox entry in the local store;
 * name, ID number and gender fixed once registered; the rule that years
 * in the specialty cannot exceed years of work shown at the field as it
 * is typed.  Beside it the ID photo: pick a file, see every rule it
 * breaks, fix it in the editor, keep it as the "photo" record.
 *
 * Which deployment's photo rules apply is a process-wide setting
 * (zhicheng --photo-rules NAME); the default is Sichuan's (white
 * background, at most 500 KB), the strictest. */

/* Files larger than this are not even read: no photo is this large. */
#define MAX_PICKED_BYTES (40 * 1024 * 1024)

struct _ZcPersonalPage
{
  AdwBin              parent_instance;

  ZcLocalStore       *store;            /* owned */
  const ZcPhotoRules *rules;            /* static */
  ZcFormView         *form;             /* child */
  gboolean            registered;
  gboolean            live_years_error; /* the years row shows the live check's message */
  GDateTime          *saved_at;         /* owned, nullable */

  /* the photo picked and not kept yet */
  GBytes             *candidate;        /* owned, nullable */
  GdkPixbuf          *candidate_image;  /* owned, nullable: NULL when it did not decode */
  GPtrArray          *candidate_problems; /* owned, nullable */
  char               *candidate_name;   /* owned, nullable */
  /* the photo kept */
  ZcRecord           *photo;            /* owned, nullable */
  GdkPixbuf          *photo_image;      /* owned, nullable */
  GPtrArray          *photo_problems;   /* owned, nullable: the kept photo against today's rules */

  GtkFileChooserNative *chooser;        /* owned, nullable: while open */

  /* template children */
  AdwToastOverlay    *toasts;
  GtkLabel           *status_label;
  GtkToggleButton    *photo_toggle;
  AdwFlap            *flap;
  AdwBin             *form_bin;
  GtkStack           *photo_stack;
  GtkPicture         *photo_picture;
  GtkLabel           *photo_info_label;
  GtkBox             *photo_problems_box;
  GtkWidget          *use_button;
  GtkWidget          *edit_button;
  GtkLabel           *photo_rules_label;
};

G_DEFINE_FINAL_TYPE (ZcPersonalPage, zc_personal_page, ADW_TYPE_BIN)

static const ZcPhotoRules *default_rules;

/**
 * zc_personal_page_set_default_photo_rules:
 * @rules: (nullable): the deployment's rules for pages made from now
 *   on; %NULL for the built-in default (Sichuan's)
 */
void
zc_personal_page_set_default_photo_rules (const ZcPhotoRules *rules)
{
  default_rules = rules;
}

const ZcPhotoRules *
zc_personal_page_get_default_photo_rules (void)
{
  return default_rules != NULL ? default_rules : zc_photo_rules_get_default ();
}

static void
toast (ZcPersonalPage *self,
       const char     *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* The form */

static void
update_status (ZcPersonalPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (zc_form_view_is_modified (self->form))
    g_string_append (text, _("You have changes that are not saved."));
  else if (self->saved_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->saved_at);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

      /* Translators: %s is a date and time such as 2026-03-01 14:05 */
      g_string_append_printf (text, _("Saved on this computer at %s; it is sent to the server when you are online."),
                              when);
    }
  else
    g_string_append (text, _("Fill in your personal information and save it. Fields marked with * are required."));

  if (self->registered)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Name, ID number and gender are fixed after registration."));
    }
  gtk_label_set_label (self->status_label, text->str);
}

/* Years in the specialty may not exceed years of work: said at the
 * field while the user types, with the validator's own message. */
static void
check_years (ZcPersonalPage *self)
{
  ZcFieldRow *row = zc_form_view_get_row (self->form, "specialty_years");
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  ZcValidationContext context;
  const char *message = NULL;

  if (row == NULL)
    return;

  record = zc_form_view_get_record (self->form);
  zc_validation_context_init (&context);
  if (!zc_form_validate (zc_form_view_get_schema (self->form), record, &context, ZC_LANGUAGE_LOCALE, &errors))
    for (guint i = 0; i < errors->len && message == NULL; i++)
      {
        ZcFieldError *error = g_ptr_array_index (errors, i);

        if (g_strcmp0 (error->field, "specialty_years") == 0 && g_strcmp0 (error->code, "greater_than") == 0)
          message = error->message;
      }

  if (message != NULL)
    {
      zc_field_row_set_error (row, message);
      self->live_years_error = TRUE;
    }
  else if (self->live_years_error)
    {
      /* only the message this check put there: not one from saving */
      zc_field_row_set_error (row, NULL);
      self->live_years_error = FALSE;
    }
}

static void
on_form_changed (ZcPersonalPage *self)
{
  check_years (self);
  update_status (self);
}

static void
apply_registered (ZcPersonalPage *self)
{
  ZcFormSchema *schema = zc_form_view_get_schema (self->form);

  for (guint i = 0; i < zc_form_schema_get_n_fields (schema); i++)
    {
      const ZcFormField *field = zc_form_schema_get_field (schema, i);
      ZcFieldRow *row = zc_form_view_get_row (self->form, zc_form_field_get_id (field));

      if (row != NULL && zc_form_field_get_readonly_after_registration (field))
        zc_field_row_set_editable (row, !self->registered);
    }
  update_status (self);
}

/* Loads the stored record into the form (not over unsaved changes). */
static void
load_record (ZcPersonalPage *self)
{
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = zc_local_store_get_personal_info (self->store, &error);
  if (error != NULL)
    {
      g_warning ("Cannot read the personal information: %s", error->message);
      return;
    }

  zc_form_view_set_record (self->form, record != NULL ? zc_record_get_body (record) : NULL);
  self->live_years_error = FALSE;
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  if (record != NULL)
    self->saved_at = g_date_time_ref (zc_record_get_updated_at (record));

  /* a record the server has is one made at registration */
  if (record != NULL && zc_record_get_version (record) > 0 && !self->registered)
    {
      self->registered = TRUE;
      apply_registered (self);
    }
  update_status (self);
}

/**
 * zc_personal_page_save:
 *
 * Checks the form and saves it: errors under their fields and the focus
 * on the first, or the record and its outbox entry in the store.
 *
 * Returns: whether it was saved
 */
gboolean
zc_personal_page_save (ZcPersonalPage *self)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), FALSE);

  self->live_years_error = FALSE;
  if (!zc_form_view_validate (self->form))
    {
      guint n = zc_form_view_get_n_errors (self->form);
      g_autofree char *text = NULL;

      /* the years message it showed goes as soon as the years agree */
      check_years (self);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field needs attention.",
                                                            "%u fields need attention.", n), n);
      toast (self, text);
      return FALSE;
    }

  body = zc_form_view_get_record (self->form);
  record = zc_local_store_save_personal_info (self->store, body, &error);
  if (record == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }

  zc_form_view_set_record (self->form, zc_record_get_body (record));
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  self->saved_at = g_date_time_ref (zc_record_get_updated_at (record));
  update_status (self);
  toast (self, _("Personal information saved"));
  return TRUE;
}

/* The photo */

static GBytes *
read_blob (ZcPersonalPage *self,
           const char     *sha256)
{
  g_autofree char *path = zc_local_store_get_blob_path (self->store, sha256);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return NULL;
  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      g_warning ("Cannot read the ID photo: %s", error->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

static void
show_photo (ZcPersonalPage *self)
{
  GdkPixbuf *image = self->candidate != NULL ? self->candidate_image : self->photo_image;
  GPtrArray *problems = self->candidate != NULL ? self->candidate_problems : self->photo_problems;
  g_autofree char *info = NULL;
  gboolean candidate_ok = self->candidate != NULL && problems != NULL && problems->len == 0;

  if (image != NULL)
    {
      g_autoptr(GdkTexture) texture = zc_photo_image_thumbnail (image, 150, 210);

      gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->photo_stack, "photo");
    }
  else
    {
      gtk_picture_set_paintable (self->photo_picture, NULL);
      gtk_stack_set_visible_child_name (self->photo_stack, "none");
    }

  if (self->candidate != NULL)
    {
      g_autofree char *size = zc_photo_format_size (g_bytes_get_size (self->candidate));

      if (image != NULL)
        /* Translators: a file name, its width and height in pixels, and its size such as "612 KB" */
        info = g_strdup_printf (_("Picked “%s”: %d × %d pixels, %s."), self->candidate_name,
                                gdk_pixbuf_get_width (image), gdk_pixbuf_get_height (image), size);
      else
        /* Translators: a file name and its size such as "612 KB" */
        info = g_strdup_printf (_("Picked “%s”, %s."), self->candidate_name, size);
    }
  else if (self->photo != NULL && image != NULL)
    {
      g_autofree char *size = NULL;
      JsonNode *file = json_object_get_member (zc_record_get_body (self->photo), "file");
      JsonNode *bytes = file != NULL && JSON_NODE_HOLDS_OBJECT (file)
        ? json_object_get_member (json_node_get_object (file), "size") : NULL;

      if (bytes != NULL && JSON_NODE_HOLDS_VALUE (bytes) && json_node_get_value_type (bytes) == G_TYPE_INT64)
        size = zc_photo_format_size ((guint64) MAX (json_node_get_int (bytes), 0));
      /* Translators: width and height in pixels, and a size such as "186 KB" */
      info = g_strdup_printf (_("Your ID photo: %d × %d pixels, %s."), gdk_pixbuf_get_width (image),
                              gdk_pixbuf_get_height (image), size != NULL ? size : "?");
    }
  else
    info = g_strdup (_("No ID photo yet. Choose a JPEG or PNG file."));
  gtk_label_set_label (self->photo_info_label, info);

  zc_photo_problems_show (self->photo_problems_box, problems,
                          self->candidate != NULL ? _("This photo meets the rules.") : NULL);
  gtk_widget_set_visible (self->use_button, self->candidate != NULL);
  gtk_widget_set_visible (self->edit_button, image != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "personal.use-photo", candidate_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "personal.edit-photo", image != NULL);
}

static void
load_photo_record (ZcPersonalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_clear_pointer (&self->photo, zc_record_unref);
  g_clear_object (&self->photo_image);
  g_clear_pointer (&self->photo_problems, g_ptr_array_unref);

  self->photo = zc_local_store_get_photo (self->store, &error);
  if (error != NULL)
    g_warning ("Cannot read the ID photo: %s", error->message);
  if (self->photo != NULL)
    bytes = read_blob (self, zc_local_store_photo_get_sha256 (self->photo));
  /* judged again: the deployment's rules may have changed since */
  if (bytes != NULL)
    zc_photo_image_judge (self->rules, bytes, ZC_LANGUAGE_LOCALE, &self->photo_problems, &self->photo_image);
  show_photo (self);
}

static void
clear_candidate (ZcPersonalPage *self)
{
  g_clear_pointer (&self->candidate, g_bytes_unref);
  g_clear_object (&self->candidate_image);
  g_clear_pointer (&self->candidate_problems, g_ptr_array_unref);
  g_clear_pointer (&self->candidate_name, g_free);
}

/**
 * zc_personal_page_load_photo:
 * @bytes: a picked file's content
 * @name: (nullable): its name, to show
 *
 * Judges the file by the rules and shows it with every problem found;
 * it is kept only by zc_personal_page_use_photo() or the editor.
 *
 * Returns: whether it meets the rules as it is
 */
gboolean
zc_personal_page_load_photo (ZcPersonalPage *self,
                             GBytes         *bytes,
                             const char     *name)
{
  gboolean ok;

  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  clear_candidate (self);
  self->candidate = g_bytes_ref (bytes);
  self->candidate_name = g_strdup (name != NULL ? name : "");
  ok = zc_photo_image_judge (self->rules, bytes, ZC_LANGUAGE_LOCALE, &self->candidate_problems,
                             &self->candidate_image);
  show_photo (self);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  return ok;
}

/* Returns: (transfer none) (nullable) (element-type ZcPhotoProblem):
 *   the picked photo's problems, or the kept one's */
GPtrArray *
zc_personal_page_get_photo_problems (ZcPersonalPage *self)
{
  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), NULL);
  return self->candidate != NULL ? self->candidate_problems : self->photo_problems;
}

static gboolean
keep_photo (ZcPersonalPage *self,
            GBytes         *bytes,
            guint           width,
            guint           height)
{
  g_autoptr(JsonObject) file = NULL;
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  file = zc_local_store_add_blob_bytes (self->store, bytes, NULL, self->rules->max_bytes, &error);
  if (file != NULL)
    record = zc_local_store_save_photo (self->store, file, width, height, &error);
  if (record == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }

  clear_candidate (self);
  load_photo_record (self);
  toast (self, _("ID photo saved"));
  return TRUE;
}

/**
 * zc_personal_page_use_photo:
 *
 * Keeps the picked photo as it is, when it meets the rules.
 *
 * Returns: whether it was kept
 */
gboolean
zc_personal_page_use_photo (ZcPersonalPage *self)
{
  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), FALSE);

  if (self->candidate == NULL || self->candidate_image == NULL ||
      self->candidate_problems == NULL || self->candidate_problems->len > 0)
    return FALSE;

  return keep_photo (self, self->candidate, (guint) gdk_pixbuf_get_width (self->candidate_image),
                     (guint) gdk_pixbuf_get_height (self->candidate_image));
}

static void
on_editor_saved (ZcPersonalPage *self,
                 GBytes         *jpeg,
                 guint           width,
                 guint           height)
{
  keep_photo (self, jpeg, width, height);
}

/**
 * zc_personal_page_edit_photo:
 *
 * Opens the editor on the picked photo, or on the kept one.
 *
 * Returns: (transfer none) (nullable): the editor, shown
 */
ZcPhotoEditor *
zc_personal_page_edit_photo (ZcPersonalPage *self)
{
  GdkPixbuf *image;
  ZcPhotoEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), NULL);

  image = self->candidate != NULL ? self->candidate_image : self->photo_image;
  if (image == NULL)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = zc_photo_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->rules);
  zc_photo_editor_set_image (editor, image);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
on_chooser_response (ZcPersonalPage       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > MAX_PICKED_BYTES)
    {
      toast (self, _("This file is far too large for an ID photo."));
      return;
    }
  if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      toast (self, error->message);
      return;
    }
  zc_personal_page_load_photo (self, bytes, g_file_info_get_display_name (info));
}

/* Opens the file chooser for a JPEG or PNG. */
void
zc_personal_page_choose_photo (ZcPersonalPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root;

  g_return_if_fail (ZC_IS_PERSONAL_PAGE (self));

  if (self->chooser != NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->chooser = gtk_file_chooser_native_new (_("Choose an ID Photo"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("JPEG or PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  zc_personal_page_save (ZC_PERSONAL_PAGE (widget));
}

static void
photo_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ZcPersonalPage *self = ZC_PERSONAL_PAGE (widget);

  if (g_str_equal (action_name, "personal.choose-photo"))
    zc_personal_page_choose_photo (self);
  else if (g_str_equal (action_name, "personal.use-photo"))
    zc_personal_page_use_photo (self);
  else
    zc_personal_page_edit_photo (self);
}

static void
on_store_changed (ZcPersonalPage *self,
                  const char     *record_id,
                  const char     *kind)
{
  if (g_strcmp0 (kind, ZC_LOCAL_STORE_PHOTO_KIND) == 0)
    load_photo_record (self);
  else if (g_strcmp0 (kind, ZC_LOCAL_STORE_PERSONAL_INFO_KIND) == 0 && !zc_form_view_is_modified (self->form))
    load_record (self);
}

static void
zc_personal_page_dispose (GObject *object)
{
  ZcPersonalPage *self = ZC_PERSONAL_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* the child is a template child: let the parent drop it first, or
   * dispose_template unparents it behind the parent's back */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_PERSONAL_PAGE);
  clear_candidate (self);
  g_clear_pointer (&self->photo, zc_record_unref);
  g_clear_object (&self->photo_image);
  g_clear_pointer (&self->photo_problems, g_ptr_array_unref);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (zc_personal_page_parent_class)->dispose (object);
}

static void
zc_personal_page_class_init (ZcPersonalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zc_personal_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-personal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, photo_toggle);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, flap);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, form_bin);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, photo_info_label);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, photo_problems_box);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, use_button);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ZcPersonalPage, photo_rules_label);

  gtk_widget_class_install_action (widget_class, "personal.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "personal.choose-photo", NULL, photo_action);
  gtk_widget_class_install_action (widget_class, "personal.use-photo", NULL, photo_action);
  gtk_widget_class_install_action (widget_class, "personal.edit-photo", NULL, photo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "personal.save", NULL);
}

static void
zc_personal_page_init (ZcPersonalPage *self)
{
  zc_style_ensure_loaded ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* the toggle shows or hides the photo; a narrow window folds it away.
   * (The toggle stays visible: showing it as the flap folds would change
   * the layout in the middle of a size allocation.) */
  g_object_bind_property (self->flap, "reveal-flap", self->photo_toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

/**
 * zc_personal_page_new:
 *
 * Returns: (transfer floating): the page, showing what the store holds
 */
GtkWidget *
zc_personal_page_new (ZcLocalStore *store)
{
  ZcPersonalPage *self;
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);

  self = g_object_new (ZC_TYPE_PERSONAL_PAGE, NULL);
  self->store = g_object_ref (store);

  schema = zc_form_schema_lookup ("personal-info", &error);
  if (schema == NULL)
    g_error ("The personal information form is missing: %s", error->message);
  self->form = ZC_FORM_VIEW (zc_form_view_new (schema, store));
  adw_bin_set_child (self->form_bin, GTK_WIDGET (self->form));
  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (on_form_changed), self);

  zc_personal_page_set_photo_rules (self, zc_personal_page_get_default_photo_rules ());
  load_record (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the form */
ZcFormView *
zc_personal_page_get_form_view (ZcPersonalPage *self)
{
  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), NULL);
  return self->form;
}

/**
 * zc_personal_page_set_registered:
 *
 * Once registered, name, ID number and gender can no longer be edited
 * here (the schema's readonly_after_registration).  A record the server
 * already has counts as registered by itself.
 */
void
zc_personal_page_set_registered (ZcPersonalPage *self,
                                 gboolean        registered)
{
  g_return_if_fail (ZC_IS_PERSONAL_PAGE (self));

  if (self->registered == !!registered)
    return;
  self->registered = !!registered;
  apply_registered (self);
}

gboolean
zc_personal_page_get_registered (ZcPersonalPage *self)
{
  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), FALSE);
  return self->registered;
}

const char *
zc_personal_page_get_status_text (ZcPersonalPage *self)
{
  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), NULL);
  return gtk_label_get_label (self->status_label);
}

/* @rules: static, such as from zc_photo_rules_lookup() */
void
zc_personal_page_set_photo_rules (ZcPersonalPage     *self,
                                  const ZcPhotoRules *rules)
{
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (ZC_IS_PERSONAL_PAGE (self));
  g_return_if_fail (rules != NULL);

  self->rules = rules;
  description = zc_photo_rules_describe (rules, ZC_LANGUAGE_LOCALE);
  /* Translators: %s lists the rules, such as "JPEG or PNG, at most 500 KB, …" */
  text = g_strdup_printf (_("Rules: %s"), description);
  gtk_label_set_label (self->photo_rules_label, text);

  if (self->candidate != NULL)
    {
      g_autoptr(GBytes) candidate = g_bytes_ref (self->candidate);
      g_autofree char *name = g_strdup (self->candidate_name);

      zc_personal_page_load_photo (self, candidate, name);
    }
  load_photo_record (self);
}

const ZcPhotoRules *
zc_personal_page_get_photo_rules (ZcPersonalPage *self)
{
  g_return_val_if_fail (ZC_IS_PERSONAL_PAGE (self), NULL);
  return self->rules;
}
