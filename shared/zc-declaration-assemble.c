/* zc-declaration-assemble.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-assemble"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-declaration-assemble.h"

#include "zc-date.h"
#include "zc-declaration-body.h"
#include "zc-form-schema.h"
#include "zc-review-state.h"

/* Builds the document of docs/review-form.md from a declaration and
 * what it names.  A draft may hold anything its codec allows, and the
 * archive and the personal information are the applicant's free text,
 * so every value is cleaned to what the document accepts (one-line
 * texts without control characters, lengths clamped, damaged images
 * and file records left out): the result always reads back. */

#define ARCHIVE_KIND_PREFIX "archive:"
#define MAX_FILE_NAME 255
#define MAX_MIME 100
#define MAX_METHOD 64

static const char * const pick_members[] = {
  "series", "category", "level", "title", "specialty", NULL
};

/* ---- cleaning values -------------------------------------------------- */

/* @text as valid UTF-8 of at most @max_chars characters; control
 * characters become spaces, but line breaks and tabs where @multiline. */
static char *
clean_text (const char *text,
            guint       max_chars,
            gboolean    multiline)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint count = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0' && count < max_chars; p = g_utf8_next_char (p), count++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 || c == 0x7f) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Sets a one-line or long text member, clamped; nothing when absent or empty. */
static void
set_text (JsonObject *object,
          const char *name,
          const char *value,
          guint       max_chars,
          gboolean    multiline)
{
  g_autofree char *clean = clean_text (value, max_chars, multiline);

  if (clean != NULL && *clean != '\0')
    json_object_set_string_member (object, name, clean);
}

static gboolean
is_date (const char *text)
{
  ZcPartialDate date;

  return text != NULL && strlen (text) == 10 &&
         zc_partial_date_parse (text, ZC_DATE_PRECISION_DAY, &date, ZC_LANGUAGE_ENGLISH, NULL);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* {sha256, mime} of a PNG or JPEG, or NULL. */
static JsonObject *
clean_image (JsonObject *image)
{
  const char *sha256 = get_string (image, "sha256");
  const char *mime = get_string (image, "mime");
  JsonObject *out;

  if (!is_sha256 (sha256) || mime == NULL ||
      (strcmp (mime, "image/png") != 0 && strcmp (mime, "image/jpeg") != 0))
    return NULL;

  out = json_object_new ();
  json_object_set_string_member (out, "sha256", sha256);
  json_object_set_string_member (out, "mime", mime);
  return out;
}

/* An attachment record of docs/forms.md with exactly its four members,
 * or NULL when it cannot be one. */
static JsonObject *
clean_file (JsonNode *node)
{
  JsonObject *file = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *sha256 = get_string (file, "sha256");
  const char *mime = get_string (file, "mime");
  g_autofree char *name = NULL;
  g_autofree char *clean_mime = NULL;
  JsonNode *size_node;
  JsonObject *out;
  gint64 size;

  if (file == NULL || !is_sha256 (sha256))
    return NULL;
  size_node = json_object_get_member (file, "size");
  if (size_node == NULL || !JSON_NODE_HOLDS_VALUE (size_node) ||
      json_node_get_value_type (size_node) != G_TYPE_INT64)
    return NULL;
  size = json_node_get_int (size_node);
  if (size < 1 || size > ZC_JSON_MAX_SAFE_INTEGER)
    return NULL;

  name = clean_text (get_string (file, "name"), MAX_FILE_NAME, FALSE);
  clean_mime = clean_text (mime, MAX_MIME, FALSE);
  if (name == NULL || *name == '\0' || clean_mime == NULL || *clean_mime == '\0')
    return NULL;
  g_strdelimit (name, "/\\", '_');

  out = json_object_new ();
  json_object_set_string_member (out, "sha256", sha256);
  json_object_set_string_member (out, "name", name);
  json_object_set_string_member (out, "mime", clean_mime);
  json_object_set_int_member (out, "size", size);
  return out;
}

static JsonArray *
clean_files (JsonArray *files)
{
  JsonArray *out = json_array_new ();
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      JsonObject *file;

      if (json_array_get_length (out) >= ZC_DECLARATION_DOCUMENT_MAX_FILES)
        break;
      file = clean_file (json_array_get_element (files, i));
      if (file == NULL)
        continue;
      if (!g_hash_table_add (seen, (gpointer) json_object_get_string_member (file, "sha256")))
        {
          json_object_unref (file);
          continue;
        }
      json_array_add_object_element (out, file);
    }

  g_hash_table_unref (seen);
  return out;
}

/* The personal information with the declaration's info over it, as the
 * wizard shows it. */
static JsonObject *
merged_info (const ZcAssembleInput *input)
{
  JsonObject *info = input->personal_info != NULL ? zc_json_object_copy_deep (input->personal_info)
                                                  : json_object_new ();
  JsonObject *body_info = zc_declaration_body_get_info (input->body);

  if (body_info != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, body_info);
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (info, name, zc_json_node_copy_deep (member));
    }
  return info;
}

/* ---- sections --------------------------------------------------------- */

static JsonObject *
build_applicant (const ZcAssembleInput *input,
                 JsonObject            *info,
                 ZcLanguage             language)
{
  JsonObject *applicant = json_object_new ();
  g_autofree char *name = clean_text (get_string (info, "name"), ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);

  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (zc_translate (language, N_("(name not filled in)")));
    }
  json_object_set_string_member (applicant, "name", name);
  set_text (applicant, "unit", input->unit_name != NULL ? input->unit_name : get_string (info, "unit_name"),
            ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);
  set_text (applicant, "department", input->department_name, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);
  return applicant;
}

static JsonObject *
build_plan (ZcPlan     *plan,
            ZcLanguage  language)
{
  JsonObject *object = json_object_new ();
  g_autofree char *name = clean_text (zc_plan_get_name (plan), ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);

  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (zc_translate (language, N_("(plan without a name)")));
    }
  json_object_set_int_member (object, "year", CLAMP (zc_plan_get_year (plan), 1900, 2100));
  json_object_set_string_member (object, "name", name);
  set_text (object, "committee", zc_plan_get_committee_name (plan), ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);
  return object;
}

static JsonObject *
build_declared (JsonObject *body)
{
  JsonObject *declared = json_object_new ();
  JsonObject *title = zc_declaration_body_get_title (body);
  gint64 years = zc_declaration_body_get_professional_years (body);

  if (title != NULL)
    {
      JsonObject *pick = json_object_new ();

      for (guint i = 0; pick_members[i] != NULL; i++)
        set_text (pick, pick_members[i], get_string (title, pick_members[i]),
                  ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);
      json_object_set_object_member (declared, "title", pick);
    }
  set_text (declared, "method", zc_declaration_body_get_method (body), MAX_METHOD, FALSE);
  set_text (declared, "category", zc_declaration_body_get_declaration_category (body),
            ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);
  json_object_set_boolean_member (declared, "special_person", zc_declaration_body_get_special_person (body));
  if (years >= 0 && years <= 80)
    json_object_set_int_member (declared, "professional_years", years);
  return declared;
}

/* The commitment's date and signature; a scan is an attachment, since
 * the document's signature must be a picture. */
static JsonObject *
build_commitment (JsonObject  *body,
                  JsonObject **scan_out)
{
  JsonObject *commitment = zc_declaration_body_get_commitment (body);
  JsonObject *out = json_object_new ();
  JsonObject *signature;
  const char *signed_on = get_string (commitment, "signed_on");

  *scan_out = NULL;
  if (is_date (signed_on))
    json_object_set_string_member (out, "signed_on", signed_on);
  signature = clean_image (get_object (commitment, "signature"));
  if (signature != NULL)
    json_object_set_object_member (out, "signature", signature);
  if (commitment != NULL && json_object_has_member (commitment, "scan"))
    *scan_out = clean_file (json_object_get_member (commitment, "scan"));
  return out;
}

/* The archive form id of a record kind, when it is a form the renderer
 * can print; @forms caches the answers. */
static const char *
printable_category (ZcRecord   *record,
                    GHashTable *forms)
{
  const char *kind = zc_record_get_kind (record);
  const char *category;
  gpointer known;

  if (kind == NULL || !g_str_has_prefix (kind, ARCHIVE_KIND_PREFIX))
    return NULL;
  category = kind + strlen (ARCHIVE_KIND_PREFIX);

  if (!g_hash_table_lookup_extended (forms, category, NULL, &known))
    {
      g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup (category, NULL);
      gboolean ok = schema != NULL &&
                    (zc_form_schema_get_kind (schema) == ZC_FORM_KIND_ARCHIVE_CATEGORY ||
                     zc_form_schema_get_kind (schema) == ZC_FORM_KIND_SERIES_BLOCK);

      known = GINT_TO_POINTER (ok);
      g_hash_table_insert (forms, g_strdup (category), known);
    }
  return GPOINTER_TO_INT (known) ? category : NULL;
}

static JsonObject *
build_entries (const ZcAssembleInput *input)
{
  JsonObject *entries = json_object_new ();
  g_autoptr(GHashTable) records = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) picks = zc_declaration_body_get_picks (input->body);
  guint total = 0;

  for (guint i = 0; input->archive != NULL && i < input->archive->len; i++)
    {
      ZcRecord *record = g_ptr_array_index (input->archive, i);

      if (!zc_record_get_deleted (record) && zc_record_get_id (record) != NULL)
        g_hash_table_insert (records, (gpointer) zc_record_get_id (record), record);
    }

  for (guint i = 0; picks != NULL && i < picks->len && total < ZC_DECLARATION_DOCUMENT_MAX_ENTRIES; i++)
    {
      const ZcDeclarationPick *pick = &g_array_index (picks, ZcDeclarationPick, i);
      ZcRecord *record = pick->record_id != NULL ? g_hash_table_lookup (records, pick->record_id) : NULL;
      const char *category;
      JsonObject *entry, *body;
      ZcReviewState state;

      if (record == NULL || !zc_json_is_uuid (pick->record_id) ||
          !g_hash_table_add (used, (gpointer) pick->record_id))
        continue;
      /* The record says what it is; a pick's category is only a copy. */
      category = printable_category (record, forms);
      if (category == NULL)
        continue;

      if (!json_object_has_member (entries, category))
        json_object_set_array_member (entries, category, json_array_new ());

      body = zc_record_get_body (record);
      entry = json_object_new ();
      json_object_set_string_member (entry, "id", pick->record_id);
      /* Anything the unit has not approved is marked for reviewers. */
      json_object_set_boolean_member (entry, "pending",
                                      !zc_review_state_from_string (zc_record_get_state (record), &state) ||
                                      state != ZC_REVIEW_STATE_APPROVED);
      json_object_set_object_member (entry, "body",
                                     body != NULL ? zc_json_object_copy_deep (body) : json_object_new ());
      json_array_add_object_element (json_object_get_array_member (entries, category), entry);
      total++;
    }

  return entries;
}

static JsonArray *
build_attachments (const ZcAssembleInput *input,
                   JsonObject            *scan,
                   ZcLanguage             language)
{
  JsonArray *attachments = json_array_new ();
  guint n = zc_plan_get_n_attachments (input->plan);

  for (guint i = 0; i < n && json_array_get_length (attachments) < ZC_DECLARATION_DOCUMENT_MAX_ATTACHMENTS; i++)
    {
      const ZcPlanAttachment *requirement = zc_plan_get_attachment (input->plan, i);
      g_autofree char *name = clean_text (requirement->name, ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);
      JsonObject *attachment = json_object_new ();

      if (name == NULL || *name == '\0')
        {
          g_free (name);
          name = clean_text (requirement->id != NULL ? requirement->id : "-",
                             ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);
        }
      json_object_set_string_member (attachment, "name", name);
      json_object_set_boolean_member (attachment, "required", requirement->required);
      json_object_set_array_member (attachment, "files",
                                    clean_files (zc_declaration_body_get_attachment_files (input->body,
                                                                                          requirement->id)));
      json_array_add_object_element (attachments, attachment);
    }

  if (scan != NULL && json_array_get_length (attachments) < ZC_DECLARATION_DOCUMENT_MAX_ATTACHMENTS)
    {
      JsonObject *attachment = json_object_new ();
      JsonArray *files = json_array_new ();

      json_array_add_object_element (files, json_object_ref (scan));
      json_object_set_string_member (attachment, "name",
                                     zc_translate_with_context (language, "review form",
                                                                "Personal commitment letter"));
      json_object_set_boolean_member (attachment, "required", TRUE);
      json_object_set_array_member (attachment, "files", files);
      json_array_add_object_element (attachments, attachment);
    }

  return attachments;
}

static JsonObject *
build_opinions (const ZcAssembleInput *input)
{
  JsonObject *opinions = json_object_new ();

  for (guint i = 0; i < ZC_N_OPINION_LEVELS; i++)
    {
      JsonObject *opinion = json_object_new ();

      set_text (opinion, "text", input->opinion_text[i], ZC_DECLARATION_DOCUMENT_MAX_OPINION, TRUE);
      set_text (opinion, "signer", input->opinion_signer[i], ZC_DECLARATION_DOCUMENT_MAX_SHORT_TEXT, FALSE);
      if (is_date (input->opinion_signed_on[i]))
        json_object_set_string_member (opinion, "signed_on", input->opinion_signed_on[i]);

      if (json_object_get_size (opinion) > 0)
        json_object_set_object_member (opinions, zc_opinion_level_to_string ((ZcOpinionLevel) i), opinion);
      else
        json_object_unref (opinion);
    }
  return opinions;
}

/* ---- the document ----------------------------------------------------- */

/**
 * zc_declaration_assemble_json:
 * @input: the declaration and what it names
 * @language: the language of the few words the document adds (a
 *   missing name, the scanned commitment's attachment)
 *
 * Returns: (transfer full): the document's JSON (docs/review-form.md,
 *   version 1); zc_declaration_document_new_from_json() accepts it
 */
JsonNode *
zc_declaration_assemble_json (const ZcAssembleInput *input,
                              ZcLanguage             language)
{
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonObject) scan = NULL;
  g_autofree char *work_summary = NULL;
  JsonObject *root, *photo, *commitment;
  GDate today;
  char filled_on[16];

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->body != NULL, NULL);
  g_return_val_if_fail (input->plan != NULL, NULL);

  info = merged_info (input);
  root = json_object_new ();
  json_object_set_int_member (root, "version", ZC_DECLARATION_DOCUMENT_VERSION);
  json_object_set_boolean_member (root, "is_draft", input->is_draft);
  if (input->declaration_id != NULL && zc_json_is_uuid (input->declaration_id))
    json_object_set_string_member (root, "id", input->declaration_id);

  json_object_set_object_member (root, "applicant", build_applicant (input, info, language));
  json_object_set_object_member (root, "plan", build_plan (input->plan, language));
  json_object_set_object_member (root, "declared", build_declared (input->body));

  if (input->filled_on != NULL && g_date_valid (input->filled_on))
    today = *input->filled_on;
  else
    zc_date_today_in_beijing (&today);
  g_snprintf (filled_on, sizeof filled_on, "%04u-%02u-%02u",
              (guint) g_date_get_year (&today), (guint) g_date_get_month (&today),
              (guint) g_date_get_day (&today));
  if (is_date (filled_on))
    json_object_set_string_member (root, "filled_on", filled_on);

  json_object_set_object_member (root, "personal_info", json_object_ref (info));

  photo = clean_image (zc_declaration_body_get_photo (input->body));
  if (photo == NULL)
    photo = clean_image (input->personal_photo);
  if (photo != NULL)
    json_object_set_object_member (root, "photo", photo);

  commitment = build_commitment (input->body, &scan);
  if (json_object_get_size (commitment) > 0)
    json_object_set_object_member (root, "commitment", commitment);
  else
    json_object_unref (commitment);
  /* as zc_declaration_document_to_json() writes it: always there */
  work_summary = clean_text (zc_declaration_body_get_work_summary (input->body),
                             ZC_DECLARATION_DOCUMENT_MAX_WORK_SUMMARY, TRUE);
  json_object_set_string_member (root, "work_summary", work_summary != NULL ? work_summary : "");
  json_object_set_object_member (root, "entries", build_entries (input));
  json_object_set_array_member (root, "attachments", build_attachments (input, scan, language));
  json_object_set_object_member (root, "opinions", build_opinions (input));

  return json_node_init_object (json_node_alloc (), root);
}

/**
 * zc_declaration_assemble:
 * @input: the declaration and what it names
 * @language: as for zc_declaration_assemble_json()
 * @error: return location for a %ZC_JSON_ERROR
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 *   (a defect: the assembled JSON is always valid)
 */
ZcDeclarationDocument *
zc_declaration_assemble (const ZcAssembleInput *input,
                         ZcLanguage             language,
                         GError               **error)
{
  g_autoptr(JsonNode) node = NULL;
  ZcDeclarationDocument *document;

  g_return_val_if_fail (input != NULL && input->body != NULL && input->plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = zc_declaration_assemble_json (input, language);
  document = zc_declaration_document_new_from_json (node, error);
  if (document == NULL)
    g_critical ("An assembled declaration document does not read back: %s",
                error != NULL && *error != NULL ? (*error)->message : "?");
  return document;
}
