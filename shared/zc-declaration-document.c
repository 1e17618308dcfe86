/* zc-declaration-document.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-document"

#include "config.h"

#include <string.h>

#include "zc-date.h"
#include "zc-declaration-document.h"

struct _ZcDeclarationDocument
{
  gatomicrefcount   ref_count;
  gint64            version;
  gboolean          is_draft;
  char             *id;                   /* owned, nullable UUID */
  char             *applicant_name;       /* owned */
  char             *unit;                 /* owned, nullable */
  char             *department;           /* owned, nullable */
  gint64            plan_year;
  char             *plan_name;            /* owned */
  char             *committee;            /* owned, nullable */
  JsonObject       *title_pick;           /* owned, nullable */
  char             *method;               /* owned, nullable */
  char             *declaration_category; /* owned, nullable */
  gboolean          special_person;
  gint64            professional_years;   /* -1 when not given */
  char             *filled_on;            /* owned, nullable */
  JsonObject       *personal_info;        /* owned, never NULL */
  ZcDocumentImage  *photo;                /* owned, nullable */
  char             *commitment_text;      /* owned, nullable */
  char             *commitment_signed_on; /* owned, nullable */
  ZcDocumentImage  *signature;            /* owned, nullable */
  char             *work_summary;         /* owned, never NULL */
  GPtrArray        *groups;               /* owned, of ZcDocumentEntryGroup */
  GPtrArray        *attachments;          /* owned, of ZcDocumentAttachment */
  ZcDocumentOpinion opinions[ZC_N_OPINION_LEVELS];
};

G_DEFINE_BOXED_TYPE (ZcDeclarationDocument, zc_declaration_document,
                     zc_declaration_document_ref, zc_declaration_document_unref)

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

/* NULL-terminated, so it is also the list of members of "opinions". */
static const char * const opinion_level_ids[] = { "unit", "department", "committee", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (opinion_level_ids) == ZC_N_OPINION_LEVELS + 1);

const char *
zc_opinion_level_to_string (ZcOpinionLevel level)
{
  g_return_val_if_fail ((guint) level < ZC_N_OPINION_LEVELS, NULL);

  return opinion_level_ids[level];
}

gboolean
zc_opinion_level_from_string (const char     *string,
                              ZcOpinionLevel *level)
{
  g_return_val_if_fail (level != NULL, FALSE);

  for (guint i = 0; string != NULL && i < ZC_N_OPINION_LEVELS; i++)
    if (strcmp (string, opinion_level_ids[i]) == 0)
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

static void
entry_free (gpointer data)
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
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
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
  if (!zc_json_check_members (object, opinion_level_ids, error))
    {
      zc_json_prefix_error (error, "opinions");
      return FALSE;
    }

  for (guint i = 0; i < ZC_N_OPINION_LEVELS; i++)
    {
      ZcDocumentOpinion *opinion = &self->opinions[i];
      const char *text, *signer, *signed_on;
      JsonObject *level;

      if (!zc_json_get_object (object, opinion_level_ids[i], FALSE, &level, error))
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
          zc_json_prefix_error (error, "opinions.%s", opinion_level_ids[i]);
          return FALSE;
        }
      opinion->text = g_strdup (text);
      opinion->signer = g_strdup (signer);
      opinion->signed_on = g_strdup (signed_on);
    }

  return TRUE;
}

/* ---- the document ----------------------------------------------------- */

static ZcDeclarationDocument *
document_alloc (void)
{
  ZcDeclarationDocument *self = g_new0 (ZcDeclarationDocument, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->groups = g_ptr_array_new_with_free_func (group_free);
  self->attachments = g_ptr_array_new_with_free_func (attachment_free);
  self->professional_years = -1;
  return self;
}

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

  self = document_alloc ();
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
      json_object_set_object_member (opinions, opinion_level_ids[i], object);
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
