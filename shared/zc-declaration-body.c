/* zc-declaration-body.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-body"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zc-date.h"
#include "zc-declaration-body.h"
#include "zc-json.h"
#include "zc-plan.h"

/* The declaration body (docs/declarations.md "Declarations"): a check
 * of what a draft may hold, which reports every problem at once because
 * the client shows them beside the wizard's steps, and readers that
 * never trust a member's type. */

#define MAX_SHORT_TEXT     100
#define MAX_CATEGORY       50
#define MAX_METHOD         32
#define MAX_ID             64
#define MAX_REQUIREMENTS   30
#define MAX_FILES          20
#define MAX_YEARS          80

static const char * const body_members[] = {
  "plan_id", "plan_version", "method", "title", "declaration_category", "special_person",
  "professional_years", "photo", "commitment", "info", "work_summary",
  "qualifying_education_id", "picks", "attachments", "receiving_unit_id", NULL
};
static const char * const title_members[] = { "series", "category", "level", "title", "specialty", NULL };
static const char * const image_members[] = { "sha256", "mime", NULL };
static const char * const commitment_members[] = { "signed_on", "signature", "scan", NULL };
static const char * const pick_members[] = { "record_id", "category", "group", NULL };
static const char * const requirement_members[] = { "requirement", "files", NULL };
static const char * const scan_types[] = { "application/pdf", "image/jpeg", "image/png", NULL };

static const struct
{
  const char *id;
  const char *label;
} steps[] = {
  [ZC_DECLARATION_STEP_CHOOSE]       = { "choose",       NC_("declaration step", "Plan and title") },
  [ZC_DECLARATION_STEP_PHOTO]        = { "photo",        NC_("declaration step", "Photo") },
  [ZC_DECLARATION_STEP_COMMITMENT]   = { "commitment",   NC_("declaration step", "Commitment") },
  [ZC_DECLARATION_STEP_INFO]         = { "info",         NC_("declaration step", "Personal information") },
  [ZC_DECLARATION_STEP_SUMMARY]      = { "summary",      NC_("declaration step", "Work summary") },
  [ZC_DECLARATION_STEP_ACHIEVEMENTS] = { "achievements", NC_("declaration step", "Achievements") },
  [ZC_DECLARATION_STEP_ATTACHMENTS]  = { "attachments",  NC_("declaration step", "Attachments") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == ZC_N_DECLARATION_STEPS);

const char *
zc_declaration_step_to_string (ZcDeclarationStep step)
{
  g_return_val_if_fail ((guint) step < ZC_N_DECLARATION_STEPS, NULL);

  return steps[step].id;
}

gboolean
zc_declaration_step_from_string (const char        *string,
                                 ZcDeclarationStep *step)
{
  g_return_val_if_fail (step != NULL, FALSE);

  for (guint i = 0; string != NULL && i < ZC_N_DECLARATION_STEPS; i++)
    if (strcmp (string, steps[i].id) == 0)
      {
        *step = (ZcDeclarationStep) i;
        return TRUE;
      }
  return FALSE;
}

const char *
zc_declaration_step_get_label (ZcDeclarationStep step,
                               ZcLanguage        language)
{
  g_return_val_if_fail ((guint) step < ZC_N_DECLARATION_STEPS, NULL);

  return zc_translate_with_context (language, "declaration step", steps[step].label);
}

/* ---- the check -------------------------------------------------------- */

typedef struct
{
  ZcLanguage  language;
  GPtrArray  *errors;
} Check;

static void
report (Check      *check,
        const char *field,
        const char *code,
        char       *message)  /* taken */
{
  g_ptr_array_add (check->errors, zc_field_error_new (field, code, message));
  g_free (message);
}

static void
report_wrong_type (Check      *check,
                   const char *field)
{
  report (check, field, "wrong_type",
          zc_translate_printf (check->language, N_("The value “%s” has the wrong type."), field));
}

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The member @name of @object when it is present and not null. */
static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static void
check_unknown (Check              *check,
               JsonObject         *object,
               const char         *prefix,
               const char * const *allowed)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    if (!g_strv_contains (allowed, name))
      {
        g_autofree char *field = prefix != NULL ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name);

        report (check, field, "unknown_field",
                /* Translators: %s is the name of a member of the declaration's data */
                zc_translate_printf (check->language, N_("The declaration has an unknown member “%s”"), field));
      }
}

/* A string of at most @max_chars characters; the value when valid and
 * not empty. */
static const char *
check_text (Check      *check,
            JsonNode   *node,
            const char *field,
            guint       max_chars,
            gboolean    multiline)
{
  const char *value;

  if (node == NULL)
    return NULL;
  if (!holds_string (node))
    {
      report_wrong_type (check, field);
      return NULL;
    }
  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL))
    {
      report (check, field, "invalid_format",
              g_strdup (zc_translate (check->language, N_("The text is not valid UTF-8"))));
      return NULL;
    }
  /* a draft clears a member with "" as well as by leaving it out */
  if (*value == '\0')
    return NULL;
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      report (check, field, "too_long", zc_translate_printf (check->language, N_("At most %u characters"), max_chars));
      return NULL;
    }
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 || c == 0x7f) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))
        {
          report (check, field, "invalid_format",
                  g_strdup (zc_translate (check->language,
                                          N_("Line breaks and control characters are not allowed here"))));
          return NULL;
        }
    }
  return value;
}

static gboolean
is_id (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > MAX_ID)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!(text[i] >= 'a' && text[i] <= 'z') && !g_ascii_isdigit (text[i]) && text[i] != '-' && text[i] != '_')
      return FALSE;
  return TRUE;
}

/* A UUID (@uuid) or an id of lower-case letters, digits, '-' and '_'. */
static const char *
check_identifier (Check      *check,
                  JsonNode   *node,
                  const char *field,
                  gboolean    uuid)
{
  const char *value;

  if (node == NULL)
    return NULL;
  if (!holds_string (node))
    {
      report_wrong_type (check, field);
      return NULL;
    }
  value = json_node_get_string (node);
  if (*value == '\0')
    return NULL;
  if (uuid ? !zc_json_is_uuid (value) : !is_id (value))
    {
      report (check, field, "invalid_format",
              g_strdup (zc_translate (check->language, N_("This is not a valid identifier"))));
      return NULL;
    }
  return value;
}

/* A member that must be present and not empty. */
static void
check_present (Check      *check,
               JsonObject *object,
               const char *name,
               const char *field)
{
  JsonNode *node = member (object, name);

  if (node == NULL || (holds_string (node) && *json_node_get_string (node) == '\0'))
    report (check, field, "required", zc_translate_printf (check->language, N_("%s is required"), field));
}

static void
check_integer (Check      *check,
               JsonNode   *node,
               const char *field,
               gint64      min,
               gint64      max)
{
  gint64 value;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      report_wrong_type (check, field);
      return;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    report (check, field, "out_of_range",
            /* Translators: the smallest and the largest number allowed */
            zc_translate_printf (check->language, N_("Enter a whole number from %d to %d"), (int) min, (int) max));
}

static void
check_boolean (Check      *check,
               JsonNode   *node,
               const char *field)
{
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    report_wrong_type (check, field);
}

static JsonObject *
check_object (Check      *check,
              JsonNode   *node,
              const char *field)
{
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report_wrong_type (check, field);
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
check_array (Check      *check,
             JsonNode   *node,
             const char *field)
{
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report_wrong_type (check, field);
      return NULL;
    }
  return json_node_get_array (node);
}

static void
report_damaged_file (Check      *check,
                     const char *field)
{
  report (check, field, "invalid_attachment",
          /* the form validator's message; the member path stands for the label */
          zc_translate_printf (check->language, N_("%s: the record of an attached file is damaged"), field));
}

/* {sha256, mime}: a PNG (or, unless @png_only, a JPEG) kept as a blob. */
static void
check_image (Check      *check,
             JsonNode   *node,
             const char *field,
             gboolean    png_only)
{
  JsonObject *object = check_object (check, node, field);
  JsonNode *sha256, *mime;

  if (object == NULL)
    return;
  check_unknown (check, object, field, image_members);
  sha256 = member (object, "sha256");
  mime = member (object, "mime");
  if (sha256 == NULL || !holds_string (sha256) || !zc_sha256_is_valid (json_node_get_string (sha256)) ||
      mime == NULL || !holds_string (mime))
    {
      report_damaged_file (check, field);
      return;
    }
  if (strcmp (json_node_get_string (mime), "image/png") != 0 &&
      (png_only || strcmp (json_node_get_string (mime), "image/jpeg") != 0))
    report (check, field, "attachment_type",
            g_strdup (png_only ? zc_translate (check->language, N_("The signature must be a PNG image"))
                               : zc_translate (check->language, N_("The photo must be a PNG or JPEG image"))));
}

static void
check_title (Check    *check,
             JsonNode *node)
{
  JsonObject *title = check_object (check, node, "title");

  if (title == NULL)
    return;
  check_unknown (check, title, "title", title_members);
  for (guint i = 0; title_members[i] != NULL; i++)
    {
      g_autofree char *field = g_strdup_printf ("title.%s", title_members[i]);
      gboolean specialty = strcmp (title_members[i], "specialty") == 0;

      check_text (check, member (title, title_members[i]), field,
                  specialty ? ZC_TAXONOMY_SPECIALTY_MAX_CHARS : MAX_SHORT_TEXT, FALSE);
    }
}

static void
check_commitment (Check    *check,
                  JsonNode *node)
{
  JsonObject *commitment = check_object (check, node, "commitment");
  const char *signed_on;
  JsonNode *scan;

  if (commitment == NULL)
    return;
  check_unknown (check, commitment, "commitment", commitment_members);

  signed_on = check_text (check, member (commitment, "signed_on"), "commitment.signed_on", 10, FALSE);
  if (signed_on != NULL)
    {
      g_autoptr(GError) error = NULL;
      ZcPartialDate date;

      if (!zc_partial_date_parse (signed_on, ZC_DATE_PRECISION_DAY, &date, check->language, &error))
        report (check, "commitment.signed_on", "invalid_date", g_strdup (error->message));
    }

  check_image (check, member (commitment, "signature"), "commitment.signature", TRUE);

  scan = member (commitment, "scan");
  if (scan != NULL)
    {
      if (!zc_attachment_record_validate (scan, NULL))
        report_damaged_file (check, "commitment.scan");
      else if (!g_strv_contains (scan_types,
                                 json_object_get_string_member (json_node_get_object (scan), "mime")))
        report (check, "commitment.scan", "attachment_type",
                g_strdup (zc_translate (check->language,
                                        N_("The signed commitment must be a PDF, JPEG or PNG file"))));
    }

  if (member (commitment, "signature") != NULL && scan != NULL)
    report (check, "commitment", "invalid_format",
            g_strdup (zc_translate (check->language,
                                    N_("Sign the commitment on the pad or attach a signed scan, not both"))));
}

static void
check_picks (Check    *check,
             JsonNode *node)
{
  JsonArray *picks = check_array (check, node, "picks");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (picks == NULL)
    return;
  if (json_array_get_length (picks) > ZC_DECLARATION_MAX_PICKS)
    {
      report (check, "picks", "out_of_range",
              zc_translate_printf (check->language, N_("At most %u archive entries can be picked"),
                                   (guint) ZC_DECLARATION_MAX_PICKS));
      return;
    }

  for (guint i = 0; i < json_array_get_length (picks); i++)
    {
      g_autofree char *field = g_strdup_printf ("picks[%u]", i);
      g_autofree char *record_field = g_strdup_printf ("%s.record_id", field);
      g_autofree char *category_field = g_strdup_printf ("%s.category", field);
      g_autofree char *group_field = g_strdup_printf ("%s.group", field);
      JsonObject *pick = check_object (check, json_array_get_element (picks, i), field);
      const char *record_id;

      if (pick == NULL)
        continue;
      check_unknown (check, pick, field, pick_members);
      check_present (check, pick, "record_id", record_field);
      check_present (check, pick, "category", category_field);
      record_id = check_identifier (check, member (pick, "record_id"), record_field, TRUE);
      check_identifier (check, member (pick, "category"), category_field, FALSE);
      check_identifier (check, member (pick, "group"), group_field, FALSE);

      if (record_id != NULL && !g_hash_table_add (seen, (gpointer) record_id))
        report (check, record_field, "duplicate",
                g_strdup (zc_translate (check->language, N_("This archive entry is picked more than once"))));
    }
}

static void
check_files (Check      *check,
             JsonNode   *node,
             const char *field)
{
  JsonArray *files = check_array (check, node, field);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (files == NULL)
    return;
  if (json_array_get_length (files) > MAX_FILES)
    {
      report (check, field, "too_many_attachments",
              zc_translate_printf (check->language, N_("%s: attach at most %u files"), field, MAX_FILES));
      return;
    }
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      g_autofree char *file_field = g_strdup_printf ("%s[%u]", field, i);
      JsonNode *file = json_array_get_element (files, i);
      JsonObject *object;

      if (!zc_attachment_record_validate (file, NULL))
        {
          report_damaged_file (check, file_field);
          continue;
        }
      object = json_node_get_object (file);
      if (!g_hash_table_add (seen, (gpointer) json_object_get_string_member (object, "sha256")))
        report (check, file_field, "invalid_attachment",
                zc_translate_printf (check->language, N_("%s: “%s” is attached twice"), field,
                                     json_object_get_string_member (object, "name")));
    }
}

static void
check_attachments (Check    *check,
                   JsonNode *node)
{
  JsonArray *attachments = check_array (check, node, "attachments");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (attachments == NULL)
    return;
  if (json_array_get_length (attachments) > MAX_REQUIREMENTS)
    {
      report (check, "attachments", "out_of_range",
              zc_translate_printf (check->language, N_("At most %u kinds of attachments can be given"),
                                   MAX_REQUIREMENTS));
      return;
    }
  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      g_autofree char *field = g_strdup_printf ("attachments[%u]", i);
      g_autofree char *requirement_field = g_strdup_printf ("%s.requirement", field);
      g_autofree char *files_field = g_strdup_printf ("%s.files", field);
      JsonObject *attachment = check_object (check, json_array_get_element (attachments, i), field);
      const char *requirement;

      if (attachment == NULL)
        continue;
      check_unknown (check, attachment, field, requirement_members);
      check_present (check, attachment, "requirement", requirement_field);
      requirement = check_identifier (check, member (attachment, "requirement"), requirement_field, FALSE);
      if (requirement != NULL && !g_hash_table_add (seen, (gpointer) requirement))
        report (check, requirement_field, "duplicate",
                zc_translate_printf (check->language, N_("“%s” is listed more than once"), requirement));
      check_files (check, member (attachment, "files"), files_field);
    }
}

/**
 * zc_declaration_body_validate:
 * @errors_out: (out) (optional) (transfer full): a new array of
 *   #ZcFieldError, empty when the body is valid
 */
gboolean
zc_declaration_body_validate (JsonObject  *body,
                              ZcLanguage   language,
                              GPtrArray  **errors_out)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_field_error_free);
  Check check = { language, errors };
  gboolean valid;

  g_return_val_if_fail (body != NULL, FALSE);

  check_unknown (&check, body, NULL, body_members);

  check_present (&check, body, "plan_id", "plan_id");
  check_identifier (&check, member (body, "plan_id"), "plan_id", TRUE);
  check_present (&check, body, "plan_version", "plan_version");
  check_integer (&check, member (body, "plan_version"), "plan_version", 1, G_MAXINT32);

  check_identifier (&check, member (body, "method"), "method", FALSE);
  check_title (&check, member (body, "title"));
  check_text (&check, member (body, "declaration_category"), "declaration_category", MAX_CATEGORY, FALSE);
  check_boolean (&check, member (body, "special_person"), "special_person");
  check_integer (&check, member (body, "professional_years"), "professional_years", 0, MAX_YEARS);
  check_image (&check, member (body, "photo"), "photo", FALSE);
  check_commitment (&check, member (body, "commitment"));
  check_object (&check, member (body, "info"), "info");
  check_text (&check, member (body, "work_summary"), "work_summary", ZC_DECLARATION_MAX_WORK_SUMMARY, TRUE);
  check_identifier (&check, member (body, "qualifying_education_id"), "qualifying_education_id", TRUE);
  check_picks (&check, member (body, "picks"));
  check_attachments (&check, member (body, "attachments"));
  check_identifier (&check, member (body, "receiving_unit_id"), "receiving_unit_id", TRUE);

  valid = errors->len == 0;
  if (errors_out != NULL)
    *errors_out = g_steal_pointer (&errors);
  return valid;
}

/* ---- readers ---------------------------------------------------------- */

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && holds_string (node) ? json_node_get_string (node) : NULL;
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gint64
get_int (JsonObject *object,
         const char *name,
         gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

const char *
zc_declaration_body_get_plan_id (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_string (body, "plan_id");
}

gint64
zc_declaration_body_get_plan_version (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, 0);
  return get_int (body, "plan_version", 0);
}

const char *
zc_declaration_body_get_method (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_string (body, "method");
}

JsonObject *
zc_declaration_body_get_title (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_object (body, "title");
}

const char *
zc_declaration_body_get_specialty (JsonObject *body)
{
  JsonObject *title;

  g_return_val_if_fail (body != NULL, NULL);
  title = get_object (body, "title");
  return title != NULL ? get_string (title, "specialty") : NULL;
}

const char *
zc_declaration_body_get_declaration_category (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_string (body, "declaration_category");
}

gboolean
zc_declaration_body_get_special_person (JsonObject *body)
{
  JsonNode *node;

  g_return_val_if_fail (body != NULL, FALSE);
  node = json_object_get_member (body, "special_person");
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

gint64
zc_declaration_body_get_professional_years (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, -1);
  return get_int (body, "professional_years", -1);
}

JsonObject *
zc_declaration_body_get_photo (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_object (body, "photo");
}

JsonObject *
zc_declaration_body_get_commitment (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_object (body, "commitment");
}

/* Signed: a date and either the pad's signature or a signed scan. */
gboolean
zc_declaration_body_commitment_is_signed (JsonObject *body)
{
  JsonObject *commitment;
  const char *signed_on;

  g_return_val_if_fail (body != NULL, FALSE);
  commitment = get_object (body, "commitment");
  if (commitment == NULL)
    return FALSE;
  signed_on = get_string (commitment, "signed_on");
  return signed_on != NULL && *signed_on != '\0' &&
         (get_object (commitment, "signature") != NULL || get_object (commitment, "scan") != NULL);
}

JsonObject *
zc_declaration_body_get_info (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_object (body, "info");
}

const char *
zc_declaration_body_get_work_summary (JsonObject *body)
{
  const char *summary;

  g_return_val_if_fail (body != NULL, "");
  summary = get_string (body, "work_summary");
  return summary != NULL ? summary : "";
}

const char *
zc_declaration_body_get_qualifying_education_id (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_string (body, "qualifying_education_id");
}

const char *
zc_declaration_body_get_receiving_unit_id (JsonObject *body)
{
  g_return_val_if_fail (body != NULL, NULL);
  return get_string (body, "receiving_unit_id");
}

/**
 * zc_declaration_body_get_picks:
 *
 * Returns: (transfer full): of #ZcDeclarationPick, borrowing from
 *   @body; picks without a record id or a category are left out
 */
GArray *
zc_declaration_body_get_picks (JsonObject *body)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (ZcDeclarationPick));
  JsonArray *picks;

  g_return_val_if_fail (body != NULL, result);

  picks = get_array (body, "picks");
  for (guint i = 0; picks != NULL && i < json_array_get_length (picks); i++)
    {
      JsonNode *node = json_array_get_element (picks, i);
      ZcDeclarationPick pick;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      pick.record_id = get_string (json_node_get_object (node), "record_id");
      pick.category = get_string (json_node_get_object (node), "category");
      pick.group = get_string (json_node_get_object (node), "group");
      if (pick.record_id != NULL && pick.category != NULL)
        g_array_append_val (result, pick);
    }
  return result;
}

/**
 * zc_declaration_body_get_attachment_files:
 *
 * Returns: (transfer none) (nullable): the files given for @requirement
 */
JsonArray *
zc_declaration_body_get_attachment_files (JsonObject *body,
                                          const char *requirement)
{
  JsonArray *attachments;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (requirement != NULL, NULL);

  attachments = get_array (body, "attachments");
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonNode *node = json_array_get_element (attachments, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (get_string (json_node_get_object (node), "requirement"), requirement) == 0)
        return get_array (json_node_get_object (node), "files");
    }
  return NULL;
}

static void
add_blob (GPtrArray  *blobs,
          GHashTable *seen,
          JsonObject *record)
{
  const char *sha256 = record != NULL ? get_string (record, "sha256") : NULL;

  if (sha256 != NULL && zc_sha256_is_valid (sha256) && g_hash_table_add (seen, (gpointer) sha256))
    g_ptr_array_add (blobs, g_strdup (sha256));
}

/**
 * zc_declaration_body_list_blobs:
 *
 * Returns: (transfer full): each SHA-256 once, in the body's order
 */
GPtrArray *
zc_declaration_body_list_blobs (JsonObject *body)
{
  GPtrArray *blobs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *commitment;
  JsonArray *attachments;

  g_return_val_if_fail (body != NULL, blobs);

  add_blob (blobs, seen, get_object (body, "photo"));
  commitment = get_object (body, "commitment");
  if (commitment != NULL)
    {
      add_blob (blobs, seen, get_object (commitment, "signature"));
      add_blob (blobs, seen, get_object (commitment, "scan"));
    }

  attachments = get_array (body, "attachments");
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonNode *node = json_array_get_element (attachments, i);
      JsonArray *files;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      files = get_array (json_node_get_object (node), "files");
      for (guint j = 0; files != NULL && j < json_array_get_length (files); j++)
        {
          JsonNode *file = json_array_get_element (files, j);

          if (JSON_NODE_HOLDS_OBJECT (file))
            add_blob (blobs, seen, json_node_get_object (file));
        }
    }
  return blobs;
}
