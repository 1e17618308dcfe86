/* zc-wizard-steps.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-form-schema.h"
#include "zc-json.h"
#include "zc-local-store-photo.h"
#include "zc-taxonomy.h"
#include "zc-wizard-private.h"

/* Steps 1–5 of the wizard: choose (method, title within the plan's
 * titles, declaration category, special person, years), photo,
 * commitment letter (signature pad or signed scan), the information of
 * the personal-information form, and the work summary. */

#define SIGNATURE_WIDTH  600
#define SIGNATURE_HEIGHT 200
#define PHOTO_MAX_BYTES  (2 * 1024 * 1024)
#define SCAN_MAX_BYTES   (10 * 1024 * 1024)

static const char * const image_types[] = { "image/jpeg", "image/png", NULL };
static const char * const scan_types[] = { "application/pdf", "image/jpeg", "image/png", NULL };
static const char * const png_type[] = { "image/png", NULL };

/* A caption above its control, which it names for screen readers. */
static GtkWidget *
labelled (GtkWidget  *box,
          const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (group), label);
  gtk_box_append (GTK_BOX (group), widget);
  gtk_box_append (GTK_BOX (box), group);
  return label;
}

static GtkWidget *
drop_down_new (GtkStringList *model)
{
  GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);

  gtk_widget_set_halign (drop, GTK_ALIGN_FILL);
  return drop;
}

static void
on_changed (ZcDeclarationWizard *self)
{
  zc_wizard_mark_changed (self);
}

/* Choose ---------------------------------------------------------------- */

static JsonObject *
plan_title (ZcDeclarationWizard *self,
            guint                index)
{
  JsonArray *titles = zc_plan_get_titles (self->plan);

  return titles != NULL && index < json_array_get_length (titles) ? json_array_get_object_element (titles, index) : NULL;
}

/* The picker shows the plan's title chosen above it; only the
 * specialty is the user's to choose there. */
static void
lock_picker (ZcDeclarationWizard *self)
{
  for (guint d = ZC_TITLE_PICKER_SERIES; d < ZC_TITLE_PICKER_SPECIALTY; d++)
    gtk_widget_set_sensitive (zc_title_picker_get_dropdown (self->title_picker, d), FALSE);
  gtk_widget_set_sensitive (zc_title_picker_get_dropdown (self->title_picker, ZC_TITLE_PICKER_SPECIALTY),
                            self->editable && gtk_drop_down_get_selected (self->title_drop) > 0);
}

static void
show_plan_title (ZcDeclarationWizard *self,
                 const char          *specialty)
{
  guint selected = gtk_drop_down_get_selected (self->title_drop);
  JsonObject *title = selected > 0 ? plan_title (self, selected - 1) : NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) pick = title != NULL ? zc_json_object_copy_deep (title) : json_object_new ();

  if (specialty != NULL && title != NULL)
    json_object_set_string_member (pick, "specialty", specialty);
  json_node_set_object (node, pick);
  zc_title_picker_set_value (self->title_picker, title != NULL ? node : NULL);
  lock_picker (self);
}

static void
on_title_selected (ZcDeclarationWizard *self)
{
  if (self->loading)
    return;
  show_plan_title (self, NULL);
  zc_wizard_mark_changed (self);
}

GtkWidget *
zc_wizard_choose_build (ZcDeclarationWizard *self)
{
  ZcTaxonomy *taxonomy = zc_taxonomy_get_default ();
  const char * const *methods = zc_plan_get_methods (self->plan);
  const char * const *categories = zc_plan_get_declaration_categories (self->plan);
  JsonArray *titles = zc_plan_get_titles (self->plan);
  g_autoptr(GtkStringList) method_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) title_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) category_model = gtk_string_list_new (NULL);
  GtkWidget *box, *page, *row, *label, *category_label;

  page = zc_wizard_page_box (&box);

  /* Translators: the first entry of a drop-down, meaning nothing chosen */
  gtk_string_list_append (method_model, _("Not chosen"));
  self->method_keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->method_keys, NULL);
  for (guint i = 0; methods != NULL && methods[i] != NULL; i++)
    {
      const char *name = taxonomy != NULL ? zc_taxonomy_get_method_name (taxonomy, methods[i], ZC_LANGUAGE_LOCALE) : NULL;
      gtk_string_list_append (method_model, name != NULL ? name : methods[i]);
      g_ptr_array_add (self->method_keys, g_strdup (methods[i]));
    }
  self->method_drop = GTK_DROP_DOWN (drop_down_new (method_model));
  labelled (box, _("Evaluation _method"), GTK_WIDGET (self->method_drop));

  gtk_string_list_append (title_model, _("Not chosen"));
  for (guint i = 0; titles != NULL && i < json_array_get_length (titles); i++)
    {
      JsonObject *title = json_array_get_object_element (titles, i);
      g_autofree char *text = g_strdup_printf ("%s · %s · %s", zc_json_member_string (title, "category"),
                                               zc_json_member_string (title, "level"),
                                               zc_json_member_string (title, "title"));
      gtk_string_list_append (title_model, text);
    }
  self->title_drop = GTK_DROP_DOWN (drop_down_new (title_model));
  labelled (box, _("_Title declared (among the plan’s titles)"), GTK_WIDGET (self->title_drop));

  self->title_picker = ZC_TITLE_PICKER (zc_title_picker_new (_("Title declared")));
  label = labelled (box, _("Series, level and _specialty"), GTK_WIDGET (self->title_picker));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), zc_title_picker_get_dropdown (self->title_picker,
                                                                                  ZC_TITLE_PICKER_SPECIALTY));

  gtk_string_list_append (category_model, _("Not chosen"));
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    gtk_string_list_append (category_model, categories[i]);
  self->category_drop = GTK_DROP_DOWN (drop_down_new (category_model));
  category_label = labelled (box, _("Declaration _category"), GTK_WIDGET (self->category_drop));
  gtk_widget_set_visible (gtk_widget_get_parent (category_label), categories != NULL && categories[0] != NULL);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("Special _person (talent brought in, exceptional contribution)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  self->special_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->special_switch), GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->special_switch));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->special_switch));
  gtk_box_append (GTK_BOX (box), row);

  self->years_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 80, 1));
  gtk_widget_set_halign (GTK_WIDGET (self->years_spin), GTK_ALIGN_START);
  labelled (box, _("_Years of professional work"), GTK_WIDGET (self->years_spin));

  g_signal_connect_swapped (self->method_drop, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->title_drop, "notify::selected", G_CALLBACK (on_title_selected), self);
  g_signal_connect_swapped (self->title_picker, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->category_drop, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->special_switch, "notify::active", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->years_spin, "value-changed", G_CALLBACK (on_changed), self);

  gtk_widget_set_sensitive (box, self->editable);
  return page;
}

void
zc_wizard_choose_load (ZcDeclarationWizard *self)
{
  const char *method = zc_declaration_body_get_method (self->body);
  JsonObject *title = zc_declaration_body_get_title (self->body);
  const char *category = zc_declaration_body_get_declaration_category (self->body);
  const char * const *categories = zc_plan_get_declaration_categories (self->plan);
  JsonArray *titles = zc_plan_get_titles (self->plan);
  gint64 years = zc_declaration_body_get_professional_years (self->body);
  guint selected = 0;

  for (guint i = 1; i < self->method_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->method_keys, i), method) == 0)
      selected = i;
  gtk_drop_down_set_selected (self->method_drop, selected);

  selected = 0;
  for (guint i = 0; title != NULL && titles != NULL && i < json_array_get_length (titles); i++)
    {
      JsonObject *candidate = json_array_get_object_element (titles, i);

      if (g_strcmp0 (zc_json_member_string (candidate, "series"), zc_json_member_string (title, "series")) == 0 &&
          g_strcmp0 (zc_json_member_string (candidate, "level"), zc_json_member_string (title, "level")) == 0 &&
          g_strcmp0 (zc_json_member_string (candidate, "title"), zc_json_member_string (title, "title")) == 0)
        selected = i + 1;
    }
  /* one title only: it is the one */
  if (selected == 0 && title == NULL && titles != NULL && json_array_get_length (titles) == 1)
    selected = 1;
  gtk_drop_down_set_selected (self->title_drop, selected);
  show_plan_title (self, title != NULL ? zc_json_member_string (title, "specialty") : NULL);

  selected = 0;
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    if (g_strcmp0 (categories[i], category) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->category_drop, selected);

  gtk_switch_set_active (self->special_switch, zc_declaration_body_get_special_person (self->body));
  gtk_spin_button_set_value (self->years_spin, years >= 0 ? (double) years : 0);
}

void
zc_wizard_choose_store (ZcDeclarationWizard *self)
{
  guint method = gtk_drop_down_get_selected (self->method_drop);
  guint category = gtk_drop_down_get_selected (self->category_drop);
  const char * const *categories = zc_plan_get_declaration_categories (self->plan);
  g_autoptr(JsonNode) pick = gtk_drop_down_get_selected (self->title_drop) > 0
                               ? zc_title_picker_get_value (self->title_picker) : NULL;

  zc_wizard_set_member (self, "method",
                        method > 0 && method < self->method_keys->len
                          ? json_node_init_string (json_node_alloc (), g_ptr_array_index (self->method_keys, method))
                          : NULL);
  zc_wizard_set_member (self, "title", pick != NULL ? json_node_copy (pick) : NULL);
  zc_wizard_set_member (self, "declaration_category",
                        category > 0 && categories != NULL
                          ? json_node_init_string (json_node_alloc (), categories[category - 1]) : NULL);
  json_object_set_boolean_member (self->body, "special_person", gtk_switch_get_active (self->special_switch));
  json_object_set_int_member (self->body, "professional_years", gtk_spin_button_get_value_as_int (self->years_spin));
}

/* Photo ----------------------------------------------------------------- */

static const char *
personal_photo_sha256 (ZcDeclarationWizard *self)
{
  return self->photo != NULL ? zc_local_store_photo_get_sha256 (self->photo) : NULL;
}

void
zc_wizard_photo_load (ZcDeclarationWizard *self)
{
  JsonObject *own = zc_declaration_body_get_photo (self->body);
  const char *sha256 = own != NULL ? zc_json_member_string (own, "sha256") : personal_photo_sha256 (self);
  g_autofree char *path = sha256 != NULL ? zc_local_store_get_blob_path (self->store, sha256) : NULL;

  /* at the size of a printed ID photo on screen, whatever the file's */
  {
    g_autoptr(GdkPixbuf) pixbuf = path != NULL ? gdk_pixbuf_new_from_file_at_scale (path, 132, 176, TRUE, NULL) : NULL;
    g_autoptr(GdkTexture) texture = pixbuf != NULL ? gdk_texture_new_for_pixbuf (pixbuf) : NULL;

    gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  }

  if (own != NULL)
    gtk_label_set_label (self->photo_label, _("This declaration uses its own photo."));
  else if (sha256 != NULL)
    gtk_label_set_label (self->photo_label, _("The photo of your personal information is used."));
  else
    gtk_label_set_label (self->photo_label, _("There is no photo yet: add one in your personal information, or choose one here."));
  gtk_widget_set_sensitive (self->photo_reset_button, self->editable && own != NULL);
}

static void
on_photo_chosen (GtkNativeDialog     *chooser,
                 int                  response,
                 ZcDeclarationWizard *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  if (file != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) attachment = zc_local_store_add_attachment (self->store, file, image_types,
                                                                        PHOTO_MAX_BYTES, &error);
      if (attachment == NULL)
        zc_wizard_show_message (self, error->message);
      else
        {
          JsonObject *photo = json_object_new ();

          json_object_set_string_member (photo, "sha256", zc_json_member_string (attachment, "sha256"));
          json_object_set_string_member (photo, "mime", zc_json_member_string (attachment, "mime"));
          json_object_set_object_member (self->body, "photo", photo);
          zc_wizard_photo_load (self);
          zc_wizard_mark_changed (self);
        }
    }
  g_clear_object (&self->photo_chooser);
}

static void
on_photo_replace (ZcDeclarationWizard *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->photo_chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("JPEG or PNG photos"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  self->photo_chooser = gtk_file_chooser_native_new (_("Choose a Photo"), GTK_WINDOW (self),
                                                     GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->photo_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->photo_chooser), TRUE);
  g_signal_connect (self->photo_chooser, "response", G_CALLBACK (on_photo_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->photo_chooser));
}

static void
on_photo_reset (ZcDeclarationWizard *self)
{
  zc_wizard_set_member (self, "photo", NULL);
  zc_wizard_photo_load (self);
  zc_wizard_mark_changed (self);
}

GtkWidget *
zc_wizard_photo_build (ZcDeclarationWizard *self)
{
  GtkWidget *box, *page, *frame, *buttons, *replace;

  page = zc_wizard_page_box (&box);

  self->photo_picture = GTK_PICTURE (gtk_picture_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->photo_picture), 132, 176);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->photo_picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The declaration’s photo"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->photo_picture));
  gtk_widget_set_halign (frame, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), frame);

  self->photo_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->photo_label, 0);
  gtk_label_set_wrap (self->photo_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->photo_label));

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);
  replace = gtk_button_new_with_mnemonic (_("_Replace Photo…"));
  g_signal_connect_swapped (replace, "clicked", G_CALLBACK (on_photo_replace), self);
  gtk_widget_set_sensitive (replace, self->editable);
  self->photo_reset_button = gtk_button_new_with_mnemonic (_("_Use the Personal Photo"));
  g_signal_connect_swapped (self->photo_reset_button, "clicked", G_CALLBACK (on_photo_reset), self);
  gtk_box_append (GTK_BOX (buttons), replace);
  gtk_box_append (GTK_BOX (buttons), self->photo_reset_button);
  gtk_box_append (GTK_BOX (box), buttons);
  return page;
}

/* Commitment ------------------------------------------------------------ */

static char *
today_text (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = zc_wizard_now ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

static void
update_commitment_status (ZcDeclarationWizard *self)
{
  JsonObject *commitment = zc_declaration_body_get_commitment (self->body);
  const char *signed_on = zc_json_member_string (commitment, "signed_on");
  g_autofree char *text = NULL;

  if (!zc_signature_pad_is_empty (self->signature_pad) && self->signature_dirty)
    text = g_strdup (_("Signed on the pad; it is kept when you go on or save."));
  else if (commitment != NULL && json_object_has_member (commitment, "scan") && signed_on != NULL)
    /* Translators: %s is a date */
    text = g_strdup_printf (_("A scan of the signed letter is attached (%s)."), signed_on);
  else if (zc_declaration_body_commitment_is_signed (self->body))
    text = g_strdup_printf (_("Signed on %s."), signed_on);
  else
    text = g_strdup (_("Not signed yet: sign on the pad, or upload a scan of the signed letter."));
  gtk_label_set_label (self->commitment_status, text);
}

static void
on_signature_changed (ZcDeclarationWizard *self)
{
  if (self->loading)
    return;
  self->signature_dirty = TRUE;
  update_commitment_status (self);
  zc_wizard_mark_changed (self);
}

void
zc_wizard_commitment_load (ZcDeclarationWizard *self)
{
  JsonObject *info = zc_wizard_personal_info_body (self);
  const char *name = zc_json_member_string (info, "name");
  JsonObject *commitment = zc_declaration_body_get_commitment (self->body);
  g_autofree char *today = today_text ();
  const char *date = zc_json_member_string (commitment, "signed_on");
  g_autofree char *letter = NULL;

  /* Translators: the commitment letter; %s are the applicant's name and the date */
  letter = g_strdup_printf (_("I, %s, have checked the contents of this declaration and the materials I provided. "
                              "I promise that everything I filled in and provided is true and accurate, and that I "
                              "meet the conditions of the plan. If anything proves untrue, I accept the "
                              "responsibility and all its consequences.\n\nSigned: %s    Date: %s"),
                            name != NULL ? name : "＿＿＿＿", name != NULL ? name : "", date != NULL ? date : today);
  gtk_label_set_label (self->letter_label, letter);
  self->signature_dirty = FALSE;
  update_commitment_status (self);
}

gboolean
zc_wizard_commitment_store (ZcDeclarationWizard  *self,
                            GError              **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(JsonObject) file = NULL;
  g_autofree char *today = NULL;
  JsonObject *commitment, *signature;

  if (!self->signature_dirty)
    return TRUE;
  if (zc_signature_pad_is_empty (self->signature_pad))
    {
      /* cleared: a scan given before stays */
      JsonObject *old = zc_declaration_body_get_commitment (self->body);
      if (old != NULL && json_object_has_member (old, "signature"))
        zc_wizard_set_member (self, "commitment", NULL);
      self->signature_dirty = FALSE;
      return TRUE;
    }

  png = zc_signature_pad_to_png (self->signature_pad, SIGNATURE_WIDTH, SIGNATURE_HEIGHT, FALSE, error);
  if (png == NULL)
    return FALSE;
  file = zc_local_store_add_blob_bytes (self->store, png, png_type, 1024 * 1024, error);
  if (file == NULL)
    return FALSE;

  today = today_text ();
  commitment = json_object_new ();
  signature = json_object_new ();
  json_object_set_string_member (signature, "sha256", zc_json_member_string (file, "sha256"));
  json_object_set_string_member (signature, "mime", "image/png");
  json_object_set_string_member (commitment, "signed_on", today);
  json_object_set_object_member (commitment, "signature", signature);
  json_object_set_object_member (self->body, "commitment", commitment);
  self->signature_dirty = FALSE;
  update_commitment_status (self);
  return TRUE;
}

static void
on_scan_chosen (GtkNativeDialog     *chooser,
                int                  response,
                ZcDeclarationWizard *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  if (file != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) attachment = zc_local_store_add_attachment (self->store, file, scan_types,
                                                                        SCAN_MAX_BYTES, &error);
      if (attachment == NULL)
        zc_wizard_show_message (self, error->message);
      else
        {
          JsonObject *commitment = json_object_new ();
          g_autofree char *today = today_text ();

          json_object_set_string_member (commitment, "signed_on", today);
          json_object_set_object_member (commitment, "scan", json_object_ref (attachment));
          json_object_set_object_member (self->body, "commitment", commitment);
          self->loading = TRUE;
          zc_signature_pad_clear (self->signature_pad);
          self->loading = FALSE;
          self->signature_dirty = FALSE;
          update_commitment_status (self);
          zc_wizard_mark_changed (self);
        }
    }
  g_clear_object (&self->scan_chooser);
}

static void
on_scan_upload (ZcDeclarationWizard *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->scan_chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("PDF, JPEG or PNG files"));
  for (guint i = 0; scan_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, scan_types[i]);
  self->scan_chooser = gtk_file_chooser_native_new (_("Upload the Signed Letter"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Upload"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->scan_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->scan_chooser), TRUE);
  g_signal_connect (self->scan_chooser, "response", G_CALLBACK (on_scan_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->scan_chooser));
}

GtkWidget *
zc_wizard_commitment_build (ZcDeclarationWizard *self)
{
  GtkWidget *box, *page, *upload, *frame;

  page = zc_wizard_page_box (&box);

  self->letter_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->letter_label, 0);
  gtk_label_set_wrap (self->letter_label, TRUE);
  gtk_label_set_wrap_mode (self->letter_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->letter_label, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->letter_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->letter_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->letter_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->letter_label), 12);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->letter_label));
  gtk_box_append (GTK_BOX (box), frame);

  self->signature_pad = ZC_SIGNATURE_PAD (zc_signature_pad_new ());
  zc_signature_pad_set_editable (self->signature_pad, self->editable);
  g_signal_connect_swapped (self->signature_pad, "changed", G_CALLBACK (on_signature_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->signature_pad));

  self->commitment_status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->commitment_status, 0);
  gtk_label_set_wrap (self->commitment_status, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->commitment_status));

  upload = gtk_button_new_with_mnemonic (_("_Upload the Signed Letter Instead…"));
  gtk_widget_set_halign (upload, GTK_ALIGN_START);
  gtk_widget_set_sensitive (upload, self->editable);
  g_signal_connect_swapped (upload, "clicked", G_CALLBACK (on_scan_upload), self);
  gtk_box_append (GTK_BOX (box), upload);
  return page;
}

/* Information ------------------------------------------------------------ */

GtkWidget *
zc_wizard_info_build (ZcDeclarationWizard *self)
{
  g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup ("personal-info", NULL);
  GtkWidget *box, *page, *note;

  page = zc_wizard_page_box (&box);
  note = gtk_label_new (_("Filled in from your personal information. Changes here are for this declaration only."));
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), note);
  gtk_box_append (GTK_BOX (box), zc_wizard_education_build (self));

  if (schema == NULL)
    return page;
  self->info_form = ZC_FORM_VIEW (zc_form_view_new (schema, self->store));
  zc_form_view_set_editable (self->info_form, self->editable);
  g_signal_connect_swapped (self->info_form, "changed", G_CALLBACK (on_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->info_form));
  return page;
}

void
zc_wizard_info_load (ZcDeclarationWizard *self)
{
  JsonObject *personal = zc_wizard_personal_info_body (self);
  JsonObject *own = zc_declaration_body_get_info (self->body);
  g_autoptr(JsonObject) merged = personal != NULL ? zc_json_object_copy_deep (personal) : json_object_new ();

  if (self->info_form == NULL)
    return;
  if (own != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, own);
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (merged, name, json_node_copy (member));
    }
  zc_form_view_set_record (self->info_form, merged);
}

void
zc_wizard_info_store (ZcDeclarationWizard *self)
{
  g_autoptr(JsonObject) record = NULL;

  if (self->info_form == NULL ||
      (!zc_form_view_is_modified (self->info_form) && zc_declaration_body_get_info (self->body) == NULL))
    return;
  record = zc_form_view_get_record (self->info_form);
  json_object_set_object_member (self->body, "info", g_steal_pointer (&record));
}

/* Work summary ------------------------------------------------------------ */

static void
update_summary_count (ZcDeclarationWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  int n = gtk_text_buffer_get_char_count (buffer);
  /* Translators: a live count of a long text: typed, then the most allowed */
  g_autofree char *text = g_strdup_printf (_("%d of %d characters"), n, ZC_DECLARATION_MAX_WORK_SUMMARY);

  gtk_label_set_label (self->summary_count, text);
  if (n >= ZC_DECLARATION_MAX_WORK_SUMMARY)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_count), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_count), "warning");
}

/* Typing or pasting past the limit keeps what fits. */
static void
on_summary_insert (GtkTextBuffer       *buffer,
                   GtkTextIter         *location,
                   const char          *text,
                   int                  length,
                   ZcDeclarationWizard *self)
{
  int room = ZC_DECLARATION_MAX_WORK_SUMMARY - gtk_text_buffer_get_char_count (buffer);
  glong n = g_utf8_strlen (text, length);
  const char *end;

  if (n <= room)
    return;
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (room <= 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->summary_view));
      return;
    }
  end = g_utf8_offset_to_pointer (text, room);
  g_signal_handlers_block_by_func (buffer, on_summary_insert, self);
  gtk_text_buffer_insert (buffer, location, text, (int) (end - text));
  g_signal_handlers_unblock_by_func (buffer, on_summary_insert, self);
  gtk_widget_error_bell (GTK_WIDGET (self->summary_view));
}

static void
on_summary_changed (ZcDeclarationWizard *self)
{
  update_summary_count (self);
  zc_wizard_mark_changed (self);
}

GtkWidget *
zc_wizard_summary_build (ZcDeclarationWizard *self)
{
  GtkWidget *box, *page, *scrolled, *label;
  GtkTextBuffer *buffer;

  page = zc_wizard_page_box (&box);
  self->summary_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->summary_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (self->summary_view, self->editable);
  gtk_text_view_set_left_margin (self->summary_view, 8);
  gtk_text_view_set_right_margin (self->summary_view, 8);
  gtk_text_view_set_top_margin (self->summary_view, 8);
  gtk_text_view_set_bottom_margin (self->summary_view, 8);
  buffer = gtk_text_view_get_buffer (self->summary_view);
  g_signal_connect (buffer, "insert-text", G_CALLBACK (on_summary_insert), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_summary_changed), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->summary_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scrolled, "card");
  label = labelled (box, _("_Work summary: your work, results and abilities since the last title"), scrolled);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->summary_view));

  self->summary_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_count, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_count), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_count));
  update_summary_count (self);
  return page;
}

void
zc_wizard_summary_load (ZcDeclarationWizard *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            zc_declaration_body_get_work_summary (self->body), -1);
}

void
zc_wizard_summary_store (ZcDeclarationWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*text == '\0')
    zc_wizard_set_member (self, "work_summary", NULL);
  else
    json_object_set_string_member (self->body, "work_summary", text);
}
