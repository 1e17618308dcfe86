/* zc-plan-editor.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "zc-api-client.h"
#include "zc-field-row.h"
#include "zc-form-schema.h"
#include "zc-json.h"
#include "zc-plan-editor-private.h"
#include "zc-taxonomy.h"
#include "zc-title-picker.h"

/* The plan editor widget: finding the slot of a reported problem and
 * showing it there, setting the plan to edit and collecting the form
 * back into a plan.  The fields are built in zc-plan-editor-fields.c,
 * the lists in zc-plan-editor-lists.c. */

const char * const zc_plan_editor_list_names[N_LISTS] = {
  "titles", "declaration_categories", "direct_unit_ids", "commissioned_unit_ids",
  "notices", "attachments", "condition_groups",
};

const char * const zc_plan_editor_method_keys[] = { "regular", "exceptional", "transfer", "direct", "targeted" };
const char * const zc_plan_editor_attachment_types[] = { "application/pdf", "image/jpeg", "image/png" };
const char * const zc_plan_editor_attachment_type_labels[] = { "PDF", "JPEG", "PNG" };

G_DEFINE_FINAL_TYPE (ZcPlanEditor, zc_plan_editor, ADW_TYPE_BIN)

static void
item_free (Item *item)
{
  g_hash_table_unref (item->parts);
  g_hash_table_unref (item->inputs);
  g_clear_pointer (&item->pick, json_object_unref);
  g_clear_pointer (&item->files, json_array_unref);
  /* an upload still running for the notice finds it gone */
  if (item->cancellable != NULL)
    g_cancellable_cancel (item->cancellable);
  g_clear_object (&item->cancellable);
  g_free (item->value);
  g_free (item);
}

/* ---- errors ------------------------------------------------------------- */

static Slot *
find_item_slot (ZcPlanEditor *self,
                const char   *path)
{
  const char *bracket = strchr (path, '[');
  g_autofree char *name = NULL;
  guint64 index = 0;
  char *end = NULL;
  Item *item = NULL;

  if (bracket == NULL)
    return NULL;
  name = g_strndup (path, bracket - path);
  index = g_ascii_strtoull (bracket + 1, &end, 10);
  if (end == bracket + 1 || *end != ']')
    return NULL;
  for (guint l = 0; l < N_LISTS; l++)
    if (g_str_equal (name, zc_plan_editor_list_names[l]) && index < self->items[l]->len)
      item = g_ptr_array_index (self->items[l], index);
  if (item == NULL)
    return NULL;
  if (end[1] == '\0')
    return &item->slot;
  if (end[1] == '.')
    return g_hash_table_lookup (item->parts, end + 2);
  return NULL;
}

/* The path without its last step: "a[1].b" → "a[1]" → "a"; NULL at the top. */
static char *
parent_path (const char *path)
{
  const char *last_dot = strrchr (path, '.');
  const char *last_bracket = strrchr (path, '[');
  const char *cut = last_dot > last_bracket ? last_dot : last_bracket;

  if (cut == NULL || cut == path)
    return NULL;
  return g_strndup (path, cut - path);
}

static Slot *
find_slot (ZcPlanEditor *self,
           const char   *field)
{
  g_autofree char *path = g_strdup (field);

  while (path != NULL)
    {
      Slot *slot = g_hash_table_lookup (self->slots, path);
      char *up;

      if (slot == NULL)
        slot = find_item_slot (self, path);
      if (slot != NULL)
        return slot;
      up = parent_path (path);
      g_free (path);
      path = up;
    }
  return NULL;
}

void
zc_plan_editor_clear_errors (ZcPlanEditor *self)
{
  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));

  for (guint i = 0; i < self->shown->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->shown, i);

      gtk_label_set_label (GTK_LABEL (slot->error), "");
      gtk_widget_set_visible (slot->error, FALSE);
      if (slot->row != NULL)
        gtk_widget_remove_css_class (slot->row, "error");
      if (slot->focus != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (slot->focus), GTK_ACCESSIBLE_STATE_INVALID,
                                     GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
  g_ptr_array_set_size (self->shown, 0);
  gtk_label_set_label (GTK_LABEL (self->general_error), "");
  gtk_widget_set_visible (self->general_error, FALSE);
  self->n_errors = 0;
}

void
zc_plan_editor_show_one (ZcPlanEditor *self,
                         const char   *field,
                         const char   *message,
                         GtkWidget   **first_focus)
{
  Slot *slot = field != NULL ? find_slot (self, field) : NULL;
  GtkWidget *label = slot != NULL ? slot->error : self->general_error;
  const char *before = gtk_label_get_label (GTK_LABEL (label));
  g_autofree char *text = NULL;

  self->n_errors++;
  if (before != NULL && *before != '\0')
    {
      /* one message once, however many items share the slot */
      if (strstr (before, message) != NULL)
        return;
      text = g_strconcat (before, "\n", message, NULL);
    }
  else
    text = g_strdup (message);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, TRUE);
  if (slot == NULL)
    return;

  if (!g_ptr_array_find (self->shown, slot, NULL))
    g_ptr_array_add (self->shown, slot);
  if (slot->row != NULL)
    gtk_widget_add_css_class (slot->row, "error");
  if (slot->focus != NULL)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (slot->focus), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      if (*first_focus == NULL)
        *first_focus = slot->focus;
    }
}

void
zc_plan_editor_show_errors (ZcPlanEditor *self,
                            GPtrArray    *errors)
{
  GtkWidget *first_focus = NULL;

  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));
  g_return_if_fail (errors != NULL);

  zc_plan_editor_clear_errors (self);
  for (guint i = 0; i < errors->len; i++)
    {
      const ZcFieldError *error = g_ptr_array_index (errors, i);

      zc_plan_editor_show_one (self, error->field, error->message, &first_focus);
    }
  if (first_focus != NULL && gtk_widget_get_mapped (first_focus))
    gtk_widget_grab_focus (first_focus);
  else if (gtk_widget_get_visible (self->general_error))
    gtk_widget_grab_focus (self->general_error);
}

void
zc_plan_editor_show_api_error (ZcPlanEditor *self,
                               const GError *error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  JsonArray *list;

  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));
  g_return_if_fail (error != NULL);

  list = error->domain == ZC_API_CLIENT_ERROR ? zc_api_client_error_get_errors (error) : NULL;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *field = NULL, *code = NULL, *message = NULL;

      if (object == NULL ||
          !zc_json_get_string (object, "field", FALSE, &field, NULL) ||
          !zc_json_get_string (object, "code", FALSE, &code, NULL) ||
          !zc_json_get_string (object, "message", FALSE, &message, NULL) || message == NULL)
        continue;
      g_ptr_array_add (errors, zc_field_error_new (field, code != NULL ? code : "invalid", message));
    }
  if (errors->len == 0)
    g_ptr_array_add (errors, zc_field_error_new (error->domain == ZC_API_CLIENT_ERROR
                                                   ? zc_api_client_error_get_field (error) : NULL,
                                                 "invalid", error->message));
  zc_plan_editor_show_errors (self, errors);
}

guint
zc_plan_editor_get_n_errors (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), 0);
  return self->n_errors;
}

const char *
zc_plan_editor_get_error (ZcPlanEditor *self,
                          const char   *field)
{
  Slot *slot;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  slot = find_slot (self, field);
  if (slot == NULL || !gtk_widget_get_visible (slot->error))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (slot->error));
}

GtkWidget *
zc_plan_editor_get_input (ZcPlanEditor *self,
                          const char   *field)
{
  GtkWidget *input;
  Slot *slot;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  input = g_hash_table_lookup (self->inputs, field);
  if (input != NULL)
    return input;

  /* an item's own input: "attachments[1].types.application/pdf" */
  {
    const char *bracket = strchr (field, '[');
    const char *close = bracket != NULL ? strchr (bracket, ']') : NULL;

    if (close != NULL && close[1] == '.')
      {
        g_autofree char *item_path = g_strndup (field, close + 1 - field);
        Slot *item_slot = find_item_slot (self, item_path);

        for (guint l = 0; item_slot != NULL && l < N_LISTS; l++)
          for (guint i = 0; i < self->items[l]->len; i++)
            {
              Item *item = g_ptr_array_index (self->items[l], i);

              if (&item->slot == item_slot)
                return g_hash_table_lookup (item->inputs, close + 2);
            }
      }
  }

  slot = g_hash_table_lookup (self->slots, field);
  if (slot == NULL)
    slot = find_item_slot (self, field);
  return slot != NULL ? slot->focus : NULL;
}

/* ---- loading and reading the form -------------------------------------- */

void
zc_plan_editor_set_plan (ZcPlanEditor *self,
                         ZcPlan       *plan)
{
  g_return_if_fail (ZC_IS_PLAN_EDITOR (self));

  zc_plan_editor_clear_errors (self);
  zc_plan_editor_clear_items (self);
  g_clear_pointer (&self->base, zc_plan_unref);
  if (plan != NULL)
    {
      self->base = zc_plan_ref (plan);
      zc_plan_editor_load_plan (self, plan);
    }
  else
    zc_plan_editor_load_defaults (self);
}

ZcPlan *
zc_plan_editor_get_base_plan (ZcPlanEditor *self)
{
  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);
  return self->base;
}

static gboolean
is_item_id (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 32)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (text[i]) && !g_ascii_isdigit (text[i]) && text[i] != '-')
      return FALSE;
  return TRUE;
}

static void
problem (GPtrArray  *errors,
         const char *code,
         const char *message,
         const char *format,
         ...) G_GNUC_PRINTF (4, 5);

static void
problem (GPtrArray  *errors,
         const char *code,
         const char *message,
         const char *format,
         ...)
{
  g_autofree char *field = NULL;
  va_list args;

  va_start (args, format);
  field = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, zc_field_error_new (field, code, message));
}

static JsonArray *
strings_of (GPtrArray *items)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < items->len; i++)
    json_array_add_string_element (array, ((Item *) g_ptr_array_index (items, i))->value);
  return array;
}

static void
read_items (ZcPlanEditor *self,
            JsonObject   *root,
            GPtrArray    *errors)
{
  JsonArray *titles = json_array_new ();
  JsonArray *notices = json_array_new ();
  JsonArray *attachments = json_array_new ();
  JsonArray *groups = json_array_new ();
  const char *id_message = _("Use 1 to 32 lower-case letters, digits and hyphens, such as defence-outline");

  for (guint i = 0; i < self->items[LIST_TITLES]->len; i++)
    json_array_add_object_element (titles, json_object_ref (((Item *) self->items[LIST_TITLES]->pdata[i])->pick));
  json_object_set_array_member (root, "titles", titles);
  json_object_set_array_member (root, "declaration_categories", strings_of (self->items[LIST_CATEGORIES]));
  json_object_set_array_member (root, "direct_unit_ids", strings_of (self->items[LIST_DIRECT]));
  json_object_set_array_member (root, "commissioned_unit_ids", strings_of (self->items[LIST_COMMISSIONED]));

  for (guint i = 0; i < self->items[LIST_NOTICES]->len; i++)
    {
      Item *item = self->items[LIST_NOTICES]->pdata[i];
      JsonObject *notice = json_object_new ();
      g_autofree char *title = zc_plan_editor_entry_text (g_hash_table_lookup (item->inputs, "title"));
      g_autofree char *text = zc_plan_editor_text_view_get_text (g_hash_table_lookup (item->inputs, "text"));

      if (*title == '\0')
        problem (errors, "required", _("Give the notice a title"), "notices[%u].title", i);
      /* a file still on its way would be left out */
      if (item->n_uploading > 0)
        problem (errors, "uploading", _("Wait until the files are sent"), "notices[%u].files", i);
      json_object_set_string_member (notice, "title", title);
      json_object_set_string_member (notice, "text", text);
      if (item->files != NULL)
        json_object_set_array_member (notice, "files", json_array_ref (item->files));
      json_array_add_object_element (notices, notice);
    }
  json_object_set_array_member (root, "notices", notices);

  for (guint i = 0; i < self->items[LIST_ATTACHMENTS]->len; i++)
    {
      Item *item = self->items[LIST_ATTACHMENTS]->pdata[i];
      JsonObject *attachment = json_object_new ();
      JsonArray *types = json_array_new ();
      g_autofree char *id = zc_plan_editor_entry_text (g_hash_table_lookup (item->inputs, "id"));
      g_autofree char *name = zc_plan_editor_entry_text (g_hash_table_lookup (item->inputs, "name"));
      double megabytes = gtk_spin_button_get_value (g_hash_table_lookup (item->inputs, "max_bytes"));

      if (!is_item_id (id))
        problem (errors, "invalid_format", id_message, "attachments[%u].id", i);
      if (*name == '\0')
        problem (errors, "required", _("Enter a name"), "attachments[%u].name", i);
      for (guint t = 0; t < G_N_ELEMENTS (zc_plan_editor_attachment_types); t++)
        {
          g_autofree char *key = g_strconcat ("types.", zc_plan_editor_attachment_types[t], NULL);

          if (gtk_check_button_get_active (g_hash_table_lookup (item->inputs, key)))
            json_array_add_string_element (types, zc_plan_editor_attachment_types[t]);
        }
      if (json_array_get_length (types) == 0)
        problem (errors, "required", _("Choose at least one file type"), "attachments[%u].types", i);
      json_object_set_string_member (attachment, "id", id);
      json_object_set_string_member (attachment, "name", name);
      json_object_set_array_member (attachment, "types", types);
      json_object_set_int_member (attachment, "max_bytes", (gint64) (megabytes * MIB + 0.5));
      json_object_set_int_member (attachment, "max_count",
                                  gtk_spin_button_get_value_as_int (g_hash_table_lookup (item->inputs, "max_count")));
      json_object_set_boolean_member (attachment, "required",
                                      gtk_switch_get_active (g_hash_table_lookup (item->inputs, "required")));
      json_array_add_object_element (attachments, attachment);
    }
  json_object_set_array_member (root, "attachments", attachments);

  for (guint i = 0; i < self->items[LIST_GROUPS]->len; i++)
    {
      Item *item = self->items[LIST_GROUPS]->pdata[i];
      JsonObject *group = json_object_new ();
      JsonArray *categories = json_array_new ();
      g_autofree char *id = zc_plan_editor_entry_text (g_hash_table_lookup (item->inputs, "id"));
      g_autofree char *name = zc_plan_editor_entry_text (g_hash_table_lookup (item->inputs, "name"));

      if (!is_item_id (id))
        problem (errors, "invalid_format", id_message, "condition_groups[%u].id", i);
      if (*name == '\0')
        problem (errors, "required", _("Enter a name"), "condition_groups[%u].name", i);
      for (guint f = 0; f < self->forms->len; f++)
        {
          const char *form_id = zc_form_schema_get_id (self->forms->pdata[f]);
          g_autofree char *key = g_strconcat ("categories.", form_id, NULL);

          if (gtk_check_button_get_active (g_hash_table_lookup (item->inputs, key)))
            json_array_add_string_element (categories, form_id);
        }
      if (json_array_get_length (categories) == 0)
        problem (errors, "required", _("Choose at least one archive category"), "condition_groups[%u].categories", i);
      json_object_set_string_member (group, "id", id);
      json_object_set_string_member (group, "name", name);
      json_object_set_array_member (group, "categories", categories);
      json_object_set_int_member (group, "min",
                                  gtk_spin_button_get_value_as_int (g_hash_table_lookup (item->inputs, "min")));
      if (gtk_check_button_get_active (g_hash_table_lookup (item->inputs, "max.none")))
        json_object_set_null_member (group, "max");
      else
        json_object_set_int_member (group, "max",
                                    gtk_spin_button_get_value_as_int (g_hash_table_lookup (item->inputs, "max")));
      json_array_add_object_element (groups, group);
    }
  json_object_set_array_member (root, "condition_groups", groups);
}

static JsonNode *
read_form (ZcPlanEditor *self,
           GPtrArray    *errors)
{
  JsonObject *root = json_object_new ();
  JsonObject *windows = json_object_new ();
  JsonArray *methods = json_array_new ();
  g_autofree char *name = zc_plan_editor_entry_text (self->name);
  g_autofree char *phone = zc_plan_editor_entry_text (self->phone);
  g_autofree char *region = zc_plan_editor_entry_text (self->region);
  g_autofree char *scope = zc_plan_editor_text_view_get_text (self->scope);
  guint type = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type));

  if (self->base != NULL)
    {
      json_object_set_string_member (root, "id", zc_plan_get_id (self->base));
      json_object_set_int_member (root, "version", zc_plan_get_version (self->base));
    }
  json_object_set_int_member (root, "year", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year)));
  if (*name == '\0')
    problem (errors, "required", _("Enter the plan’s name"), "name");
  json_object_set_string_member (root, "name", name);
  if (*phone == '\0')
    problem (errors, "required", _("Enter a phone number applicants can call"), "contact_phone");
  json_object_set_string_member (root, "contact_phone", phone);
  json_object_set_string_member (root, "type", zc_plan_type_to_string (type < ZC_N_PLAN_TYPES ? type : 0));
  for (guint i = 0; i < G_N_ELEMENTS (zc_plan_editor_method_keys); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->methods[i])))
      json_array_add_string_element (methods, zc_plan_editor_method_keys[i]);
  json_object_set_array_member (root, "methods", methods);
  json_object_set_string_member (root, "scope", scope);
  if (strlen (region) != 6 || strspn (region, "0123456789") != 6)
    problem (errors, "invalid_format", _("A region code has 6 digits, such as 410000 for Henan"), "region_code");
  json_object_set_string_member (root, "region_code", region);
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    {
      g_autoptr(GDateTime) time = zc_plan_editor_read_window (self, i, errors);
      g_autofree char *text = time != NULL ? zc_json_format_timestamp (time) : NULL;

      json_object_set_string_member (windows, zc_plan_window_to_string (i), text != NULL ? text : "");
    }
  json_object_set_object_member (root, "windows", windows);
  json_object_set_boolean_member (root, "exam", gtk_switch_get_active (GTK_SWITCH (self->exam)));
  json_object_set_boolean_member (root, "interview", gtk_switch_get_active (GTK_SWITCH (self->interview)));
  read_items (self, root, errors);

  return json_node_init_object (json_node_alloc (), root);
}

ZcPlan *
zc_plan_editor_collect (ZcPlanEditor *self,
                        gboolean      for_publish)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ZC_IS_PLAN_EDITOR (self), NULL);

  node = read_form (self, errors);
  if (errors->len > 0)
    {
      zc_plan_editor_show_errors (self, errors);
      return NULL;
    }

  plan = zc_plan_new_from_json (node, TRUE, &error);
  if (plan == NULL)
    {
      /* "attachments[0].name: longer than …": the path, then the problem */
      const char *colon = strstr (error->message, ": ");
      g_autofree char *field = colon != NULL ? g_strndup (error->message, colon - error->message) : NULL;
      /* Translators: %s is a technical description of the problem */
      g_autofree char *message = g_strdup_printf (_("This value is not accepted (%s)"),
                                                  colon != NULL ? colon + 2 : error->message);

      g_ptr_array_add (errors, zc_field_error_new (field, "invalid_value", message));
      zc_plan_editor_show_errors (self, errors);
      return NULL;
    }

  if (!zc_plan_validate (plan, NULL, for_publish, ZC_LANGUAGE_LOCALE, &rules))
    {
      zc_plan_editor_show_errors (self, rules);
      return NULL;
    }

  zc_plan_editor_clear_errors (self);
  return g_steal_pointer (&plan);
}

/* ---- GObject ------------------------------------------------------------ */

static void
zc_plan_editor_dispose (GObject *object)
{
  ZcPlanEditor *self = ZC_PLAN_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->search != NULL)
    g_cancellable_cancel (self->search);
  g_clear_object (&self->search);
  for (guint l = 0; l < N_LISTS; l++)
    g_clear_pointer (&self->items[l], g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->base, zc_plan_unref);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_clear_pointer (&self->inputs, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (zc_plan_editor_parent_class)->dispose (object);
}

static void
zc_plan_editor_class_init (ZcPlanEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zc_plan_editor_dispose;
}

static int
compare_forms (gconstpointer a,
               gconstpointer b)
{
  ZcFormSchema *first = *(ZcFormSchema **) a;
  ZcFormSchema *second = *(ZcFormSchema **) b;

  return zc_form_schema_get_order (first) - zc_form_schema_get_order (second);
}

static void
zc_plan_editor_init (ZcPlanEditor *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  g_autoptr(GError) error = NULL;

  zc_style_ensure_loaded ();
  self->cancellable = g_cancellable_new ();
  self->slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->inputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown = g_ptr_array_new ();
  for (guint l = 0; l < N_LISTS; l++)
    self->items[l] = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  /* the categories a condition group may count: archive, then series forms */
  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_form_schema_unref);
  for (ZcFormKind kind = ZC_FORM_KIND_ARCHIVE_CATEGORY; kind <= ZC_FORM_KIND_SERIES_BLOCK; kind++)
    {
      g_autoptr(GPtrArray) forms = zc_form_schema_load_all (kind, &error);

      if (forms == NULL)
        {
          g_warning ("The forms could not be read: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_sort (forms, compare_forms);
      for (guint i = 0; i < forms->len; i++)
        g_ptr_array_add (self->forms, zc_form_schema_ref (forms->pdata[i]));
    }

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 24);
  self->general_error = zc_plan_editor_error_label_new ();
  gtk_widget_set_focusable (self->general_error, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->general_error);

  zc_plan_editor_build_general (self);
  zc_plan_editor_build_titles (self);
  zc_plan_editor_build_methods (self);
  zc_plan_editor_build_units (self);
  zc_plan_editor_build_windows (self);
  zc_plan_editor_build_list_group (self, LIST_NOTICES, _("Notices"), _("Texts applicants read with the plan."),
                                   _("Add _Notice"), G_CALLBACK (zc_plan_editor_on_add_notice));
  zc_plan_editor_build_list_group (self, LIST_ATTACHMENTS, _("Attachment requirements"),
                                   _("Files every declaration to this plan carries, such as a defence outline."),
                                   _("Add _Requirement"), G_CALLBACK (zc_plan_editor_on_add_attachment));
  zc_plan_editor_build_list_group (self, LIST_GROUPS, _("Condition groups"),
                                   _("Archive entries an applicant picks for a condition, with how many count."),
                                   _("Add Condition _Group"), G_CALLBACK (zc_plan_editor_on_add_group));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))),
                                    TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

/**
 * zc_plan_editor_new:
 *
 * Returns: (transfer floating): the form, on a new plan
 */
GtkWidget *
zc_plan_editor_new (ZcSession *session)
{
  ZcPlanEditor *self;

  g_return_val_if_fail (session == NULL || ZC_IS_SESSION (session), NULL);

  self = g_object_new (ZC_TYPE_PLAN_EDITOR, NULL);
  self->session = session != NULL ? g_object_ref (session) : NULL;
  zc_plan_editor_load_defaults (self);
  return GTK_WIDGET (self);
}
