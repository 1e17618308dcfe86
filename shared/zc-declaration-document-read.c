/* zc-declaration-document-read.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-document"

#include "config.h"

#include <string.h>

#include "zc-date.h"
#include "zc-declaration-document-private.h"

/* The document's strict JSON reader (docs/review-form.md): every
 * member is checked as it is read (types, lengths, dates, UUIDs,
 * SHA-256 names, known members), so a document that
 * zc_declaration_document_new_from_json() returns is well-formed. */

static const char * const document_members[] = {
  "version", "is_draft", "id", "applicant", "plan", "declared", "filled_on",
  "personal_info", "photo", "commitment", "work_summary", "entries",
  "attachments", "opinions", NULL
};
static const char * const applicant_members[] = { "name", "unit", "department", NULL };
static const char * const plan_members[] = { "year", "name", "committee", NULL };
static const char * const declared_members[] = {
  "title", "method", "category", "special_person", "professional_years", NULL
};
static const char * const pick_members[] = {
  "series", "category", "level", "title", "specialty", NULL
};
static const char * const image_members[] = { "sha256", "mime", NULL };
static const char * const commitment_members[] = { "text", "signed_on", "signature", NULL };
static const char * const entry_members[] = { "id", "pending", "body", NULL };
static const char * const attachment_members[] = { "name", "required", "files", NULL };
static const char * const file_members[] = { "sha256", "name", "mime", "size", NULL };
static const char * const opinion_members[] = { "text", "signer", "signed_on", NULL };

/* ---- checked readers -------------------------------------------------- */

static gboolean
fail (GError    **error,
      ZcJsonError code,
      const char *name,
      const char *message)
{
  g_set_error (error, ZC_JSON_ERROR, code, "%s: %s", name, message);
  return FALSE;
}

/* A text member: at most @max_chars characters, no control characters
 * but line breaks and tabs where @multiline; with @required also not
 * empty.  *out stays NULL when the member is absent or null. */
static gboolean
get_text (JsonObject  *object,
          const char  *name,
          gboolean     required,
          guint        max_chars,
          gboolean     multiline,
          const char **out,
          GError     **error)
{
  const char *value;

  if (!zc_json_get_string (object, name, required, &value, error))
    return FALSE;
  if (value == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  if (required && *value == '\0')
    return fail (error, ZC_JSON_ERROR_INVALID, name, "must not be empty");
  if (g_utf8_strlen (value, -1) > max_chars)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "%s: longer than %u characters", name, max_chars);
      return FALSE;
    }
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 || c == 0x7f) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
        return fail (error, ZC_JSON_ERROR_INVALID, name, "contains a control character");
    }

  *out = value;
  return TRUE;
}

static gboolean
get_date (JsonObject  *object,
          const char  *name,
          const char **out,
          GError     **error)
{
  ZcPartialDate date;
  const char *value;

  *out = NULL;
  if (!zc_json_get_string (object, name, FALSE, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  if (!zc_partial_date_parse (value, ZC_DATE_PRECISION_DAY, &date, ZC_LANGUAGE_ENGLISH, NULL))
    return fail (error, ZC_JSON_ERROR_INVALID, name, "expected a date as YYYY-MM-DD");

  *out = value;
  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
get_sha256 (JsonObject  *object,
            const char **out,
            GError     **error)
{
  if (!zc_json_get_string (object, "sha256", TRUE, out, error))
    return FALSE;
  if (!is_sha256 (*out))
    return fail (error, ZC_JSON_ERROR_INVALID, "sha256", "expected 64 lower-case hex digits");
  return TRUE;
}

static gboolean
get_image (JsonObject       *parent,
           const char       *name,
           ZcDocumentImage **out,
           GError          **error)
{
  JsonObject *object;
  const char *sha256, *mime;

  *out = NULL;
  if (!zc_json_get_object (parent, name, FALSE, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  if (!zc_json_check_members (object, image_members, error) ||
      !get_sha256 (object, &sha256, error) ||
      !zc_json_get_string (object, "mime", TRUE, &mime, error))
    goto failed;
  if (strcmp (mime, "image/png") != 0 && strcmp (mime, "image/jpeg") != 0)
    {
      fail (error, ZC_JSON_ERROR_INVALID, "mime", "expected image/png or image/jpeg");
      goto failed;
    }

  *out = g_new0 (ZcDocumentImage, 1);
  (*out)->sha256 = g_strdup (sha256);
  (*out)->mime = g_strdup (mime);
  return TRUE;

failed:
  zc_json_prefix_error (error, "%s", name);
  return FALSE;
}

static gboolean
is_form_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64 || !(id[0] >= 'a' && id[0] <= 'z'))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!(id[i] >= 'a' && id[i] <= 'z') && !g_ascii_isdigit (id[i]) && id[i] != '-')
      return FALSE;
  return TRUE;
}

/* ---- sections --------------------------------------------------------- */

static gboolean
read_applicant (ZcDeclarationDocument *self,
                JsonObject            *root,
                GError               **error)
{
  JsonObject *object;
  const char *name, *unit, *department;

  if (!zc_json_get_object (root, "applicant", TRUE, &object, error))
    return FALSE;
  if (!zc_json_check_members (object, applicant_members, error) ||
      !get_text (object, "name", TRUE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE, &name, error) ||
      !get_text (object, "unit", FALSE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE, &unit, error) ||
      !get_text (object, "department", FALSE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE, &department, error))
    {
      zc_json_prefix_error (error, "applicant");
      return FALSE;
    }

  self->applicant_name = g_strdup (name);
  self->unit = g_strdup (unit);
  self->department = g_strdup (department);
  return TRUE;
}

static gboolean
read_plan (ZcDeclarationDocument *self,
           JsonObject            *root,
           GError               **error)
{
  JsonObject *object;
  const char *name, *committee;

  if (!zc_json_get_object (root, "plan", TRUE, &object, error))
    return FALSE;
  if (!zc_json_check_members (object, plan_members, error) ||
      !zc_json_get_int64 (object, "year", TRUE, 1900, 2100, &self->plan_year, error) ||
      !get_text (object, "name", TRUE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE, &name, error) ||
      !get_text (object, "committee", FALSE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE, &committee, error))
    {
      zc_json_prefix_error (error, "plan");
      return FALSE;
    }

  self->plan_name = g_strdup (name);
  self->committee = g_strdup (committee);
  return TRUE;
}

static gboolean
read_pick (JsonObject  *object,
           JsonObject **out,
           GError     **error)
{
  JsonObject *pick;

  *out = NULL;
  if (!zc_json_get_object (object, "title", FALSE, &pick, error))
    return FALSE;
  if (pick == NULL)
    return TRUE;
  if (!zc_json_check_members (pick, pick_members, error))
    goto failed;
  for (guint i = 0; pick_members[i] != NULL; i++)
    {
      const char *value;

      if (!get_text (pick, pick_members[i], FALSE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE,
                     &value, error))
        goto failed;
    }

  *out = zc_json_object_copy_deep (pick);
  return TRUE;

failed:
  zc_json_prefix_error (error, "title");
  return FALSE;
}

static gboolean
read_declared (ZcDeclarationDocument *self,
               JsonObject            *root,
               GError               **error)
{
  JsonObject *object;
  const char *method, *category;

  if (!zc_json_get_object (root, "declared", TRUE, &object, error))
    return FALSE;

  self->professional_years = -1;
  if (!zc_json_check_members (object, declared_members, error) ||
      !read_pick (object, &self->title_pick, error) ||
      !get_text (object, "method", FALSE, 64, FALSE, &method, error) ||
      !get_text (object, "category", FALSE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE, &category, error) ||
      !zc_json_get_boolean (object, "special_person", FALSE, &self->special_person, error) ||
      !zc_json_get_int64 (object, "professional_years", FALSE, 0, 80, &self->professional_years, error))
    {
      zc_json_prefix_error (error, "declared");
      return FALSE;
    }

  self->method = g_strdup (method);
  self->declaration_category = g_strdup (category);
  return TRUE;
}

static gboolean
read_commitment (ZcDeclarationDocument *self,
                 JsonObject            *root,
                 GError               **error)
{
  JsonObject *object;
  const char *text, *signed_on;

  if (!zc_json_get_object (root, "commitment", FALSE, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  if (!zc_json_check_members (object, commitment_members, error) ||
      !get_text (object, "text", FALSE, ZC_DECLARATION_DOCUMENT_MAX_COMMITMENT, TRUE, &text, error) ||
      !get_date (object, "signed_on", &signed_on, error) ||
      !get_image (object, "signature", &self->signature, error))
    {
      zc_json_prefix_error (error, "commitment");
      return FALSE;
    }

  self->commitment_text = g_strdup (text);
  self->commitment_signed_on = g_strdup (signed_on);
  return TRUE;
}

static ZcDocumentEntry *
read_entry (JsonNode  *node,
            GError   **error)
{
  JsonObject *object, *body;
  const char *id;
  gboolean pending = FALSE;
  ZcDocumentEntry *entry;

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, entry_members, error) ||
      !zc_json_get_uuid (object, "id", TRUE, &id, error) ||
      !zc_json_get_boolean (object, "pending", FALSE, &pending, error) ||
      !zc_json_get_object (object, "body", TRUE, &body, error))
    return NULL;

  entry = g_new0 (ZcDocumentEntry, 1);
  entry->id = g_strdup (id);
  entry->pending = pending;
  entry->body = zc_json_object_copy_deep (body);
  return entry;
}

static gboolean
read_entries (ZcDeclarationDocument *self,
              JsonObject            *root,
              GError               **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *category;
  JsonNode *member;
  guint total = 0;

  if (!zc_json_get_object (root, "entries", TRUE, &object, error))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &category, &member))
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (zc_document_entry_free);
      ZcDocumentEntryGroup *group;
      JsonArray *array;

      if (!is_form_id (category))
        {
          g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID,
                       "entries: a category id is lower-case letters, digits and '-'");
          return FALSE;
        }
      if (!zc_json_get_array (object, category, TRUE, &array, error))
        {
          zc_json_prefix_error (error, "entries");
          return FALSE;
        }

      total += json_array_get_length (array);
      if (total > ZC_DECLARATION_DOCUMENT_MAX_ENTRIES)
        {
          g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                       "entries: more than %d entries", ZC_DECLARATION_DOCUMENT_MAX_ENTRIES);
          return FALSE;
        }

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          ZcDocumentEntry *entry = read_entry (json_array_get_element (array, i), error);

          if (entry == NULL)
            {
              zc_json_prefix_error (error, "entries.%s[%u]", category, i);
              return FALSE;
            }
          g_ptr_array_add (entries, entry);
        }

      group = g_new0 (ZcDocumentEntryGroup, 1);
      group->category = g_strdup (category);
      group->entries = g_steal_pointer (&entries);
      g_ptr_array_add (self->groups, group);
    }

  return TRUE;
}

static gboolean
read_file (JsonNode  *node,
           GError   **error)
{
  JsonObject *object;
  const char *sha256, *name, *mime;
  gint64 size;

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, file_members, error) ||
      !get_sha256 (object, &sha256, error) ||
      !get_text (object, "name", TRUE, 255, FALSE, &name, error) ||
      !get_text (object, "mime", TRUE, 100, FALSE, &mime, error) ||
      !zc_json_get_int64 (object, "size", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER, &size, error))
    return FALSE;
  if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    return fail (error, ZC_JSON_ERROR_INVALID, "name", "must not contain '/' or '\\'");

  return TRUE;
}

static ZcDocumentAttachment *
read_attachment (JsonNode  *node,
                 GError   **error)
{
  JsonObject *object;
  JsonArray *files;
  const char *name;
  gboolean required = FALSE;
  ZcDocumentAttachment *attachment;
  JsonArray *copy;

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, attachment_members, error) ||
      !get_text (object, "name", TRUE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE, &name, error) ||
      !zc_json_get_boolean (object, "required", FALSE, &required, error) ||
      !zc_json_get_array (object, "files", TRUE, &files, error))
    return NULL;

  if (json_array_get_length (files) > ZC_DECLARATION_DOCUMENT_MAX_FILES)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "files: more than %d files", ZC_DECLARATION_DOCUMENT_MAX_FILES);
      return NULL;
    }

  copy = json_array_sized_new (json_array_get_length (files));
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *file = json_array_get_element (files, i);

      if (!read_file (file, error))
        {
          zc_json_prefix_error (error, "files[%u]", i);
          json_array_unref (copy);
          return NULL;
        }
      json_array_add_element (copy, zc_json_node_copy_deep (file));
    }

  attachment = g_new0 (ZcDocumentAttachment, 1);
  attachment->name = g_strdup (name);
  attachment->required = required;
  attachment->files = copy;
  return attachment;
}

static gboolean
read_attachments (ZcDeclarationDocument *self,
                  JsonObject            *root,
                  GError               **error)
{
  JsonArray *array;

  if (!zc_json_get_array (root, "attachments", TRUE, &array, error))
    return FALSE;
  if (json_array_get_length (array) > ZC_DECLARATION_DOCUMENT_MAX_ATTACHMENTS)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "attachments: more than %d attachments", ZC_DECLARATION_DOCUMENT_MAX_ATTACHMENTS);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      ZcDocumentAttachment *attachment = read_attachment (json_array_get_element (array, i), error);

      if (attachment == NULL)
        {
          zc_json_prefix_error (error, "attachments[%u]", i);
          return FALSE;
        }
      g_ptr_array_add (self->attachments, attachment);
    }

  return TRUE;
}

static gboolean
read_opinions (ZcDeclarationDocument *self,
               JsonObject            *root,
               GError               **error)
{
  JsonObject *object;

  if (!zc_json_get_object (root, "opinions", TRUE, &object, error))
    return FALSE;
  if (!zc_json_check_members (object, zc_opinion_level_ids, error))
    {
      zc_json_prefix_error (error, "opinions");
      return FALSE;
    }

  for (guint i = 0; i < ZC_N_OPINION_LEVELS; i++)
    {
      ZcDocumentOpinion *opinion = &self->opinions[i];
      const char *text, *signer, *signed_on;
      JsonObject *level;

      if (!zc_json_get_object (object, zc_opinion_level_ids[i], FALSE, &level, error))
        {
          zc_json_prefix_error (error, "opinions");
          return FALSE;
        }
      if (level == NULL)
        continue;
      if (!zc_json_check_members (level, opinion_members, error) ||
          !get_text (level, "text", FALSE, ZC_DECLARATION_DOCUMENT_MAX_OPINION, TRUE, &text, error) ||
          !get_text (level, "signer", FALSE, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE, &signer, error) ||
          !get_date (level, "signed_on", &signed_on, error))
        {
          zc_json_prefix_error (error, "opinions.%s", zc_opinion_level_ids[i]);
          return FALSE;
        }
      opinion->text = g_strdup (text);
      opinion->signer = g_strdup (signer);
      opinion->signed_on = g_strdup (signed_on);
    }

  return TRUE;
}

/* ---- the document ----------------------------------------------------- */

/**
 * zc_declaration_document_new_from_json:
 * @node: the document, as docs/review-form.md describes it
 *
 * Reads and checks a declaration document: every member's JSON type,
 * unknown members (refused), lengths, dates, UUIDs and SHA-256 names.
 * Record bodies (personal information, entries) are only required to be
 * objects: a draft may hold anything a form allows while editing, and
 * the renderer prints what is there.  Nothing of @node is kept.
 *
 * Returns: (transfer full): the document, or %NULL with @error set in
 *   %ZC_JSON_ERROR, its message starting with the member's path
 */
ZcDeclarationDocument *
zc_declaration_document_new_from_json (JsonNode  *node,
                                       GError   **error)
{
  g_autoptr(ZcDeclarationDocument) self = NULL;
  JsonObject *root, *personal_info;
  const char *id, *filled_on, *work_summary;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = zc_declaration_document_alloc ();
  if (!zc_json_node_get_object (node, &root, error) ||
      !zc_json_check_members (root, document_members, error) ||
      !zc_json_get_int64 (root, "version", TRUE, 1, G_MAXINT32, &self->version, error))
    return NULL;

  /* A newer writer may have changed any member's meaning. */
  if (self->version != ZC_DECLARATION_DOCUMENT_VERSION)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "version: %" G_GINT64_FORMAT " is not supported (expected %d)",
                   self->version, ZC_DECLARATION_DOCUMENT_VERSION);
      return NULL;
    }

  if (!zc_json_get_boolean (root, "is_draft", TRUE, &self->is_draft, error) ||
      !zc_json_get_uuid (root, "id", FALSE, &id, error) ||
      !read_applicant (self, root, error) ||
      !read_plan (self, root, error) ||
      !read_declared (self, root, error) ||
      !get_date (root, "filled_on", &filled_on, error) ||
      !zc_json_get_object (root, "personal_info", TRUE, &personal_info, error) ||
      !get_image (root, "photo", &self->photo, error) ||
      !read_commitment (self, root, error) ||
      !get_text (root, "work_summary", FALSE, ZC_DECLARATION_DOCUMENT_MAX_WORK_SUMMARY, TRUE,
                 &work_summary, error) ||
      !read_entries (self, root, error) ||
      !read_attachments (self, root, error) ||
      !read_opinions (self, root, error))
    return NULL;

  self->id = g_strdup (id);
  self->filled_on = g_strdup (filled_on);
  self->personal_info = zc_json_object_copy_deep (personal_info);
  self->work_summary = g_strdup (work_summary != NULL ? work_summary : "");

  return g_steal_pointer (&self);
}

/**
 * zc_declaration_document_new_from_data:
 * @data: JSON text
 * @length: its length in bytes
 *
 * Parses @data strictly (zc_json_parse()) and reads it with
 * zc_declaration_document_new_from_json().
 *
 * Returns: (transfer full): the document, or %NULL with @error set in
 *   %ZC_JSON_ERROR
 */
ZcDeclarationDocument *
zc_declaration_document_new_from_data (const char  *data,
                                       gsize        length,
                                       GError     **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &node, error))
    return NULL;

  return zc_declaration_document_new_from_json (node, error);
}
