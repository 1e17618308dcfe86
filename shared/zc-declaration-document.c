/* zc-declaration-document.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-document"

#include "config.h"

#include <string.h>

#include "zc-declaration-document-private.h"

G_DEFINE_BOXED_TYPE (ZcDeclarationDocument, zc_declaration_document,
                     zc_declaration_document_ref, zc_declaration_document_unref)

const char * const zc_opinion_level_ids[] = { "unit", "department", "committee", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (zc_opinion_level_ids) == ZC_N_OPINION_LEVELS + 1);

const char *
zc_opinion_level_to_string (ZcOpinionLevel level)
{
  g_return_val_if_fail ((guint) level < ZC_N_OPINION_LEVELS, NULL);

  return zc_opinion_level_ids[level];
}

gboolean
zc_opinion_level_from_string (const char     *string,
                              ZcOpinionLevel *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  for (guint i = 0; string != NULL && i < ZC_N_OPINION_LEVELS; i++)
    if (strcmp (string, zc_opinion_level_ids[i]) == 0)
      {
        *level = (ZcOpinionLevel) i;
        return TRUE;
      }

  return FALSE;
}

/* ---- parts ------------------------------------------------------------ */

static void
image_free (ZcDocumentImage *image)
{
  if (image == NULL)
    return;
  g_free (image->sha256);
  g_free (image->mime);
  g_free (image);
}

void
zc_document_entry_free (gpointer data)
{
  ZcDocumentEntry *entry = data;

  g_free (entry->id);
  g_clear_pointer (&entry->body, json_object_unref);
  g_free (entry);
}

static void
group_free (gpointer data)
{
  ZcDocumentEntryGroup *group = data;

  g_free (group->category);
  g_clear_pointer (&group->entries, g_ptr_array_unref);
  g_free (group);
}

static void
attachment_free (gpointer data)
{
  ZcDocumentAttachment *attachment = data;

  g_free (attachment->name);
  g_clear_pointer (&attachment->files, json_array_unref);
  g_free (attachment);
}

/* ---- the document ----------------------------------------------------- */

ZcDeclarationDocument *
zc_declaration_document_alloc (void)
{
  ZcDeclarationDocument *self = g_new0 (ZcDeclarationDocument, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->groups = g_ptr_array_new_with_free_func (group_free);
  self->attachments = g_ptr_array_new_with_free_func (attachment_free);
  self->professional_years = -1;
  return self;
}

static void
set_string_or_skip (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static JsonObject *
image_to_json (const ZcDocumentImage *image)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "sha256", image->sha256);
  json_object_set_string_member (object, "mime", image->mime);
  return object;
}

/**
 * zc_declaration_document_to_json:
 *
 * Writes the document in the form zc_declaration_document_new_from_json()
 * reads; optional members that are not set are left out.
 *
 * Returns: (transfer full): an object node sharing nothing with @self
 */
JsonNode *
zc_declaration_document_to_json (ZcDeclarationDocument *self)
{
  JsonObject *root, *object, *entries, *opinions;
  JsonArray *attachments;

  g_return_val_if_fail (self != NULL, NULL);

  root = json_object_new ();
  json_object_set_int_member (root, "version", self->version);
  json_object_set_boolean_member (root, "is_draft", self->is_draft);
  set_string_or_skip (root, "id", self->id);

  object = json_object_new ();
  json_object_set_string_member (object, "name", self->applicant_name);
  set_string_or_skip (object, "unit", self->unit);
  set_string_or_skip (object, "department", self->department);
  json_object_set_object_member (root, "applicant", object);

  object = json_object_new ();
  json_object_set_int_member (object, "year", self->plan_year);
  json_object_set_string_member (object, "name", self->plan_name);
  set_string_or_skip (object, "committee", self->committee);
  json_object_set_object_member (root, "plan", object);

  object = json_object_new ();
  if (self->title_pick != NULL)
    json_object_set_object_member (object, "title", zc_json_object_copy_deep (self->title_pick));
  set_string_or_skip (object, "method", self->method);
  set_string_or_skip (object, "category", self->declaration_category);
  json_object_set_boolean_member (object, "special_person", self->special_person);
  if (self->professional_years >= 0)
    json_object_set_int_member (object, "professional_years", self->professional_years);
  json_object_set_object_member (root, "declared", object);

  set_string_or_skip (root, "filled_on", self->filled_on);
  json_object_set_object_member (root, "personal_info", zc_json_object_copy_deep (self->personal_info));
  if (self->photo != NULL)
    json_object_set_object_member (root, "photo", image_to_json (self->photo));

  if (self->commitment_text != NULL || self->commitment_signed_on != NULL || self->signature != NULL)
    {
      object = json_object_new ();
      set_string_or_skip (object, "text", self->commitment_text);
      set_string_or_skip (object, "signed_on", self->commitment_signed_on);
      if (self->signature != NULL)
        json_object_set_object_member (object, "signature", image_to_json (self->signature));
      json_object_set_object_member (root, "commitment", object);
    }

  json_object_set_string_member (root, "work_summary", self->work_summary);

  entries = json_object_new ();
  for (guint i = 0; i < self->groups->len; i++)
    {
      const ZcDocumentEntryGroup *group = g_ptr_array_index (self->groups, i);
      JsonArray *array = json_array_sized_new (group->entries->len);

      for (guint j = 0; j < group->entries->len; j++)
        {
          const ZcDocumentEntry *entry = g_ptr_array_index (group->entries, j);

          object = json_object_new ();
          json_object_set_string_member (object, "id", entry->id);
          json_object_set_boolean_member (object, "pending", entry->pending);
          json_object_set_object_member (object, "body", zc_json_object_copy_deep (entry->body));
          json_array_add_object_element (array, object);
        }
      json_object_set_array_member (entries, group->category, array);
    }
  json_object_set_object_member (root, "entries", entries);

  attachments = json_array_sized_new (self->attachments->len);
  for (guint i = 0; i < self->attachments->len; i++)
    {
      const ZcDocumentAttachment *attachment = g_ptr_array_index (self->attachments, i);
      JsonArray *files = json_array_sized_new (json_array_get_length (attachment->files));

      for (guint j = 0; j < json_array_get_length (attachment->files); j++)
        json_array_add_element (files, zc_json_node_copy_deep (json_array_get_element (attachment->files, j)));

      object = json_object_new ();
      json_object_set_string_member (object, "name", attachment->name);
      json_object_set_boolean_member (object, "required", attachment->required);
      json_object_set_array_member (object, "files", files);
      json_array_add_object_element (attachments, object);
    }
  json_object_set_array_member (root, "attachments", attachments);

  opinions = json_object_new ();
  for (guint i = 0; i < ZC_N_OPINION_LEVELS; i++)
    {
      const ZcDocumentOpinion *opinion = &self->opinions[i];

      if (opinion->text == NULL && opinion->signer == NULL && opinion->signed_on == NULL)
        continue;
      object = json_object_new ();
      set_string_or_skip (object, "text", opinion->text);
      set_string_or_skip (object, "signer", opinion->signer);
      set_string_or_skip (object, "signed_on", opinion->signed_on);
      json_object_set_object_member (opinions, zc_opinion_level_ids[i], object);
    }
  json_object_set_object_member (root, "opinions", opinions);

  return json_node_init_object (json_node_alloc (), root);
}

ZcDeclarationDocument *
zc_declaration_document_ref (ZcDeclarationDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
zc_declaration_document_unref (ZcDeclarationDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->applicant_name);
  g_free (self->unit);
  g_free (self->department);
  g_free (self->plan_name);
  g_free (self->committee);
  g_clear_pointer (&self->title_pick, json_object_unref);
  g_free (self->method);
  g_free (self->declaration_category);
  g_free (self->filled_on);
  g_clear_pointer (&self->personal_info, json_object_unref);
  image_free (self->photo);
  g_free (self->commitment_text);
  g_free (self->commitment_signed_on);
  image_free (self->signature);
  g_free (self->work_summary);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  for (guint i = 0; i < ZC_N_OPINION_LEVELS; i++)
    {
      g_free (self->opinions[i].text);
      g_free (self->opinions[i].signer);
      g_free (self->opinions[i].signed_on);
    }
  g_free (self);
}

/* ---- getters ---------------------------------------------------------- */

#define GETTER(type, name, field, fallback)                             \
  type                                                                  \
  zc_declaration_document_get_##name (ZcDeclarationDocument *self)     \
  {                                                                     \
    g_return_val_if_fail (self != NULL, fallback);                      \
    return self->field;                                                 \
  }

GETTER (gint64, version, version, 0)
GETTER (gboolean, is_draft, is_draft, FALSE)
GETTER (const char *, id, id, NULL)
GETTER (const char *, applicant_name, applicant_name, NULL)
GETTER (const char *, unit, unit, NULL)
GETTER (const char *, department, department, NULL)
GETTER (gint64, plan_year, plan_year, 0)
GETTER (const char *, plan_name, plan_name, NULL)
GETTER (const char *, committee, committee, NULL)
GETTER (JsonObject *, title_pick, title_pick, NULL)
GETTER (const char *, method, method, NULL)
GETTER (const char *, declaration_category, declaration_category, NULL)
GETTER (gboolean, special_person, special_person, FALSE)
GETTER (gint64, professional_years, professional_years, -1)
GETTER (const char *, filled_on, filled_on, NULL)
GETTER (JsonObject *, personal_info, personal_info, NULL)
GETTER (const ZcDocumentImage *, photo, photo, NULL)
GETTER (const char *, commitment_text, commitment_text, NULL)
GETTER (const char *, commitment_signed_on, commitment_signed_on, NULL)
GETTER (const ZcDocumentImage *, signature, signature, NULL)
GETTER (const char *, work_summary, work_summary, NULL)

#undef GETTER

guint
zc_declaration_document_get_n_groups (ZcDeclarationDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->groups->len;
}

const ZcDocumentEntryGroup *
zc_declaration_document_get_group (ZcDeclarationDocument *self,
                                   guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);

  return g_ptr_array_index (self->groups, index);
}

/**
 * zc_declaration_document_find_group:
 *
 * Returns: (nullable): the entries picked from @category, or %NULL
 *   when the document has none of it
 */
const ZcDocumentEntryGroup *
zc_declaration_document_find_group (ZcDeclarationDocument *self,
                                    const char            *category)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (category != NULL, NULL);

  for (guint i = 0; i < self->groups->len; i++)
    {
      const ZcDocumentEntryGroup *group = g_ptr_array_index (self->groups, i);

      if (strcmp (group->category, category) == 0)
        return group;
    }

  return NULL;
}

/* The number of picked entries in all categories. */
guint
zc_declaration_document_get_n_entries (ZcDeclarationDocument *self)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->groups->len; i++)
    total += ((ZcDocumentEntryGroup *) g_ptr_array_index (self->groups, i))->entries->len;

  return total;
}

guint
zc_declaration_document_get_n_attachments (ZcDeclarationDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->attachments->len;
}

const ZcDocumentAttachment *
zc_declaration_document_get_attachment (ZcDeclarationDocument *self,
                                        guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->attachments->len, NULL);

  return g_ptr_array_index (self->attachments, index);
}

/**
 * zc_declaration_document_get_opinion:
 *
 * Returns: (transfer none): the opinion of @level; its members are NULL
 *   while that level has written nothing
 */
const ZcDocumentOpinion *
zc_declaration_document_get_opinion (ZcDeclarationDocument *self,
                                     ZcOpinionLevel         level)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) level < ZC_N_OPINION_LEVELS, NULL);

  return &self->opinions[level];
}
