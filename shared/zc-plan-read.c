/* zc-plan-read.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan"

#include "config.h"

#include <string.h>

#include "zc-json.h"
#include "zc-plan-private.h"

/* The plan's strict JSON reader: every member is checked as it is
 * read (types, lengths, formats, known members), so a plan that
 * zc_plan_new_from_json() returns is well-formed.  The rules that need
 * the taxonomy or the data files are in zc_plan_validate()
 * (zc-plan-filter.c). */

#define MAX_NAME            200
#define MAX_PHONE           40
#define MAX_TITLES          200
#define MAX_TITLE_MEMBER    100
#define MAX_CATEGORIES      50
#define MAX_CATEGORY        50
#define MAX_METHODS         5
#define MAX_METHOD          32
#define MAX_SCOPE           2000
#define MAX_UNIT_IDS        500
#define MAX_NOTICES         20
#define MAX_NOTICE_TITLE    200
#define MAX_NOTICE_TEXT     10000
#define MAX_NOTICE_FILES    10
#define MAX_ATTACHMENTS     30
#define MAX_ATTACHMENT_NAME 100
#define MAX_TYPES           3
#define MIN_MAX_BYTES       1024
#define MAX_MAX_BYTES       (50 * 1024 * 1024)
#define MAX_MAX_COUNT       20
#define MAX_GROUPS          20
#define MAX_GROUP_NAME      100
#define MAX_GROUP_CATEGORIES 21
#define MAX_GROUP_MIN       100
#define MAX_GROUP_MAX       500
#define MAX_ID              32
#define MAX_FILE_NAME       255
#define MAX_MIME            100

static const char * const plan_members[] = {
  "id", "version", "state", "year", "name", "committee_id", "committee_name",
  "contact_phone", "type", "titles", "declaration_categories", "methods", "scope",
  "region_code", "direct_unit_ids", "commissioned_unit_ids", "notices", "windows",
  "exam", "interview", "attachments", "condition_groups", "published_at", "closed_at",
  NULL
};
/* Set by the server: refused in a plan sent to it. */
static const char * const server_members[] = {
  "state", "committee_id", "committee_name", "published_at", "closed_at", NULL
};
static const char * const title_members[] = { "series", "category", "level", "title", NULL };
static const char * const notice_members[] = { "title", "text", "files", NULL };
static const char * const file_members[] = { "sha256", "name", "mime", "size", NULL };
static const char * const attachment_members[] = {
  "id", "name", "types", "max_bytes", "max_count", "required", NULL
};
static const char * const group_members[] = { "id", "name", "categories", "min", "max", NULL };
static const char * const attachment_types[] = {
  "application/pdf", "image/jpeg", "image/png", NULL
};

/* ---- checked readers -------------------------------------------------- */

static gboolean
fail (GError     **error,
      ZcJsonError  code,
      const char  *name,
      const char  *message)
{
  g_set_error (error, ZC_JSON_ERROR, code, "%s: %s", name, message);
  return FALSE;
}

/* Text of @min_chars–@max_chars characters, without control characters
 * (line breaks and tabs allowed where @multiline). */
static gboolean
check_text (const char  *name,
            const char  *value,
            guint        min_chars,
            guint        max_chars,
            gboolean     multiline,
            GError     **error)
{
  glong length = g_utf8_strlen (value, -1);

  if (length < (glong) min_chars)
    return fail (error, ZC_JSON_ERROR_INVALID, name, "must not be empty");
  if (length > (glong) max_chars)
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

  return TRUE;
}

static gboolean
get_text (JsonObject  *object,
          const char  *name,
          gboolean     required,
          guint        min_chars,
          guint        max_chars,
          gboolean     multiline,
          const char **out,
          GError     **error)
{
  if (!zc_json_get_string (object, name, required, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;

  return check_text (name, *out, min_chars, max_chars, multiline, error);
}

static gboolean
is_id (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > MAX_ID)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!(text[i] >= 'a' && text[i] <= 'z') && !g_ascii_isdigit (text[i]) && text[i] != '-')
      return FALSE;
  return TRUE;
}

/**
 * zc_sha256_is_valid:
 *
 * Returns: whether @text names a blob: 64 lower-case hex digits
 */
gboolean
zc_sha256_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/**
 * zc_attachment_record_validate:
 * @node: an attachment record of docs/forms.md
 *
 * Checks exactly the four members sha256, name, mime and size, with
 * their formats.  The message names the member as in
 * "sha256: expected 64 lower-case hex digits".
 */
gboolean
zc_attachment_record_validate (JsonNode  *node,
                               GError   **error)
{
  JsonObject *object;
  const char *sha256, *name, *mime;
  gint64 size;

  g_return_val_if_fail (node != NULL, FALSE);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, file_members, error) ||
      !zc_json_get_string (object, "sha256", TRUE, &sha256, error))
    return FALSE;
  if (!zc_sha256_is_valid (sha256))
    return fail (error, ZC_JSON_ERROR_INVALID, "sha256", "expected 64 lower-case hex digits");
  if (!get_text (object, "name", TRUE, 1, MAX_FILE_NAME, FALSE, &name, error) ||
      !get_text (object, "mime", TRUE, 1, MAX_MIME, FALSE, &mime, error) ||
      !zc_json_get_int64 (object, "size", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER, &size, error))
    return FALSE;
  if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    return fail (error, ZC_JSON_ERROR_INVALID, "name", "must not contain '/' or '\\'");

  return TRUE;
}

typedef enum
{
  ITEM_TEXT,
  ITEM_UUID,
  ITEM_ID,
  ITEM_ATTACHMENT_TYPE,
} ItemKind;

/* An array of 0–@max_items strings of @kind; always a vector, empty
 * when the member is absent or null. */
static gboolean
get_strings (JsonObject  *object,
             const char  *name,
             guint        max_items,
             ItemKind     kind,
             guint        max_chars,
             GStrv       *out,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint length;

  if (!zc_json_get_array (object, name, FALSE, &array, error))
    return FALSE;
  length = array != NULL ? json_array_get_length (array) : 0;
  if (length > max_items)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "%s: more than %u items", name, max_items);
      return FALSE;
    }

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", name, i);
      const char *value;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (error, ZC_JSON_ERROR_WRONG_TYPE, path, "expected a string");
      value = json_node_get_string (element);
      if (!g_utf8_validate (value, -1, NULL))
        return fail (error, ZC_JSON_ERROR_INVALID, path, "not valid UTF-8");

      switch (kind)
        {
        case ITEM_TEXT:
          if (!check_text (path, value, 1, max_chars, FALSE, error))
            return FALSE;
          break;
        case ITEM_UUID:
          if (!zc_json_is_uuid (value))
            return fail (error, ZC_JSON_ERROR_INVALID, path,
                         "expected a lowercase UUID (8-4-4-4-12 hex digits)");
          break;
        case ITEM_ID:
          if (!is_id (value))
            return fail (error, ZC_JSON_ERROR_INVALID, path,
                         "expected 1 to 32 lower-case letters, digits and '-'");
          break;
        case ITEM_ATTACHMENT_TYPE:
        default:
          if (!g_strv_contains (attachment_types, value))
            return fail (error, ZC_JSON_ERROR_INVALID, path,
                         "expected application/pdf, image/jpeg or image/png");
          break;
        }
      g_strv_builder_add (builder, value);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* ---- sections --------------------------------------------------------- */

static gboolean
read_titles (ZcPlan      *self,
             JsonObject  *root,
             GError     **error)
{
  JsonArray *array;
  guint length;

  if (!zc_json_get_array (root, "titles", FALSE, &array, error))
    return FALSE;
  length = array != NULL ? json_array_get_length (array) : 0;
  if (length > MAX_TITLES)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "titles: more than %d titles", MAX_TITLES);
      return FALSE;
    }

  self->titles = json_array_sized_new (length);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *pick;

      if (!zc_json_node_get_object (element, &pick, error) ||
          !zc_json_check_members (pick, title_members, error))
        goto failed;
      for (guint j = 0; title_members[j] != NULL; j++)
        {
          const char *value;

          if (!get_text (pick, title_members[j], TRUE, 1, MAX_TITLE_MEMBER, FALSE, &value, error))
            goto failed;
        }
      json_array_add_element (self->titles, zc_json_node_copy_deep (element));
      continue;

failed:
      zc_json_prefix_error (error, "titles[%u]", i);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_notice (JsonNode  *node,
             GError   **error)
{
  JsonObject *object;
  JsonArray *files;
  const char *title, *text;

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, notice_members, error) ||
      !get_text (object, "title", TRUE, 1, MAX_NOTICE_TITLE, FALSE, &title, error) ||
      !get_text (object, "text", FALSE, 0, MAX_NOTICE_TEXT, TRUE, &text, error) ||
      !zc_json_get_array (object, "files", FALSE, &files, error))
    return FALSE;
  if (files == NULL)
    return TRUE;
  if (json_array_get_length (files) > MAX_NOTICE_FILES)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "files: more than %d files", MAX_NOTICE_FILES);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (files); i++)
    if (!zc_attachment_record_validate (json_array_get_element (files, i), error))
      {
        zc_json_prefix_error (error, "files[%u]", i);
        return FALSE;
      }

  return TRUE;
}

static gboolean
read_notices (ZcPlan      *self,
              JsonObject  *root,
              GError     **error)
{
  JsonArray *array;
  guint length;

  if (!zc_json_get_array (root, "notices", FALSE, &array, error))
    return FALSE;
  length = array != NULL ? json_array_get_length (array) : 0;
  if (length > MAX_NOTICES)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "notices: more than %d notices", MAX_NOTICES);
      return FALSE;
    }

  self->notices = json_array_sized_new (length);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!read_notice (element, error))
        {
          zc_json_prefix_error (error, "notices[%u]", i);
          return FALSE;
        }
      json_array_add_element (self->notices, zc_json_node_copy_deep (element));
    }

  return TRUE;
}

static gboolean
read_windows (ZcPlan      *self,
              JsonObject  *root,
              GError     **error)
{
  JsonObject *object;

  if (!zc_json_get_object (root, "windows", TRUE, &object, error))
    return FALSE;
  if (!zc_json_check_members (object, zc_plan_window_ids, error))
    goto failed;
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    if (!zc_json_get_timestamp (object, zc_plan_window_ids[i], TRUE, &self->windows[i], error))
      goto failed;

  return TRUE;

failed:
  zc_json_prefix_error (error, "windows");
  return FALSE;
}

static ZcPlanAttachment *
read_attachment (JsonNode  *node,
                 GError   **error)
{
  g_auto(GStrv) types = NULL;
  JsonObject *object;
  const char *id, *name;
  gint64 max_bytes, max_count;
  gboolean required = FALSE;
  ZcPlanAttachment *attachment;

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, attachment_members, error) ||
      !zc_json_get_string (object, "id", TRUE, &id, error))
    return NULL;
  if (!is_id (id))
    {
      fail (error, ZC_JSON_ERROR_INVALID, "id", "expected 1 to 32 lower-case letters, digits and '-'");
      return NULL;
    }
  if (!get_text (object, "name", TRUE, 1, MAX_ATTACHMENT_NAME, FALSE, &name, error) ||
      !get_strings (object, "types", MAX_TYPES, ITEM_ATTACHMENT_TYPE, 0, &types, error) ||
      !zc_json_get_int64 (object, "max_bytes", TRUE, MIN_MAX_BYTES, MAX_MAX_BYTES, &max_bytes, error) ||
      !zc_json_get_int64 (object, "max_count", TRUE, 1, MAX_MAX_COUNT, &max_count, error) ||
      !zc_json_get_boolean (object, "required", FALSE, &required, error))
    return NULL;
  if (types[0] == NULL)
    {
      fail (error, ZC_JSON_ERROR_OUT_OF_RANGE, "types", "at least one type is needed");
      return NULL;
    }

  attachment = g_new0 (ZcPlanAttachment, 1);
  attachment->id = g_strdup (id);
  attachment->name = g_strdup (name);
  attachment->types = g_steal_pointer (&types);
  attachment->max_bytes = max_bytes;
  attachment->max_count = (guint) max_count;
  attachment->required = required;
  return attachment;
}

static ZcPlanConditionGroup *
read_group (JsonNode  *node,
            GError   **error)
{
  g_auto(GStrv) categories = NULL;
  JsonObject *object;
  const char *id, *name;
  gint64 min = 0, max = -1;
  ZcPlanConditionGroup *group;

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, group_members, error) ||
      !zc_json_get_string (object, "id", TRUE, &id, error))
    return NULL;
  if (!is_id (id))
    {
      fail (error, ZC_JSON_ERROR_INVALID, "id", "expected 1 to 32 lower-case letters, digits and '-'");
      return NULL;
    }
  if (!get_text (object, "name", TRUE, 1, MAX_GROUP_NAME, FALSE, &name, error) ||
      !get_strings (object, "categories", MAX_GROUP_CATEGORIES, ITEM_ID, 0, &categories, error) ||
      !zc_json_get_int64 (object, "min", FALSE, 0, MAX_GROUP_MIN, &min, error) ||
      !zc_json_get_int64 (object, "max", FALSE, 0, MAX_GROUP_MAX, &max, error))
    return NULL;
  if (categories[0] == NULL)
    {
      fail (error, ZC_JSON_ERROR_OUT_OF_RANGE, "categories", "at least one category is needed");
      return NULL;
    }

  group = g_new0 (ZcPlanConditionGroup, 1);
  group->id = g_strdup (id);
  group->name = g_strdup (name);
  group->categories = g_steal_pointer (&categories);
  group->min = (guint) min;
  group->max = (gint) max;
  return group;
}

static gboolean
read_requirements (ZcPlan      *self,
                   JsonObject  *root,
                   GError     **error)
{
  JsonArray *array;
  guint length;

  if (!zc_json_get_array (root, "attachments", FALSE, &array, error))
    return FALSE;
  length = array != NULL ? json_array_get_length (array) : 0;
  if (length > MAX_ATTACHMENTS)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "attachments: more than %d attachments", MAX_ATTACHMENTS);
      return FALSE;
    }
  for (guint i = 0; i < length; i++)
    {
      ZcPlanAttachment *attachment = read_attachment (json_array_get_element (array, i), error);

      if (attachment == NULL)
        {
          zc_json_prefix_error (error, "attachments[%u]", i);
          return FALSE;
        }
      g_ptr_array_add (self->attachments, attachment);
    }

  if (!zc_json_get_array (root, "condition_groups", FALSE, &array, error))
    return FALSE;
  length = array != NULL ? json_array_get_length (array) : 0;
  if (length > MAX_GROUPS)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "condition_groups: more than %d groups", MAX_GROUPS);
      return FALSE;
    }
  for (guint i = 0; i < length; i++)
    {
      ZcPlanConditionGroup *group = read_group (json_array_get_element (array, i), error);

      if (group == NULL)
        {
          zc_json_prefix_error (error, "condition_groups[%u]", i);
          return FALSE;
        }
      g_ptr_array_add (self->condition_groups, group);
    }

  return TRUE;
}

static gboolean
read_server_members (ZcPlan      *self,
                     JsonObject  *root,
                     gboolean     for_input,
                     GError     **error)
{
  const char *id = NULL, *state = NULL, *committee_id, *committee_name;

  if (for_input)
    {
      for (guint i = 0; server_members[i] != NULL; i++)
        if (json_object_has_member (root, server_members[i]))
          return fail (error, ZC_JSON_ERROR_UNKNOWN_MEMBER, server_members[i],
                       "set by the server, not accepted from a client");
    }

  if (!zc_json_get_uuid (root, "id", !for_input, &id, error) ||
      !zc_json_get_int64 (root, "version", !for_input, 1, ZC_JSON_MAX_SAFE_INTEGER, &self->version, error))
    return FALSE;
  self->id = g_strdup (id);
  if (for_input)
    return TRUE;

  if (!zc_json_get_string (root, "state", TRUE, &state, error))
    return FALSE;
  if (!zc_plan_state_from_string (state, &self->state))
    return fail (error, ZC_JSON_ERROR_INVALID, "state", "expected draft, published or closed");
  if (!zc_json_get_uuid (root, "committee_id", FALSE, &committee_id, error) ||
      !get_text (root, "committee_name", FALSE, 1, MAX_NAME, FALSE, &committee_name, error) ||
      !zc_json_get_timestamp (root, "published_at", FALSE, &self->published_at, error) ||
      !zc_json_get_timestamp (root, "closed_at", FALSE, &self->closed_at, error))
    return FALSE;
  self->committee_id = g_strdup (committee_id);
  self->committee_name = g_strdup (committee_name);
  return TRUE;
}

static gboolean
is_region_code (const char *text)
{
  if (strlen (text) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/**
 * zc_plan_new_from_json:
 *
 * Members the documentation marks as lists may be absent (empty);
 * year, name, contact_phone, type, region_code and windows are
 * required.  Nothing of @node is kept.
 *
 * Returns: (transfer full): the plan, or %NULL with a %ZC_JSON_ERROR
 */
ZcPlan *
zc_plan_new_from_json (JsonNode  *node,
                       gboolean   for_input,
                       GError   **error)
{
  g_autoptr(ZcPlan) self = NULL;
  JsonObject *root;
  const char *name, *phone, *type, *scope, *region;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = zc_plan_alloc ();
  if (!zc_json_node_get_object (node, &root, error) ||
      !read_server_members (self, root, for_input, error) ||
      !zc_json_check_members (root, plan_members, error) ||
      !zc_json_get_int64 (root, "year", TRUE, 2000, 2100, &self->year, error) ||
      !get_text (root, "name", TRUE, 1, MAX_NAME, FALSE, &name, error) ||
      !get_text (root, "contact_phone", TRUE, 1, MAX_PHONE, FALSE, &phone, error) ||
      !zc_json_get_string (root, "type", TRUE, &type, error))
    return NULL;
  if (!zc_plan_type_from_string (type, &self->type))
    {
      fail (error, ZC_JSON_ERROR_INVALID, "type", "expected review or determination");
      return NULL;
    }
  if (!read_titles (self, root, error) ||
      !get_strings (root, "declaration_categories", MAX_CATEGORIES, ITEM_TEXT, MAX_CATEGORY,
                    &self->declaration_categories, error) ||
      !get_strings (root, "methods", MAX_METHODS, ITEM_TEXT, MAX_METHOD, &self->methods, error) ||
      !get_text (root, "scope", FALSE, 0, MAX_SCOPE, TRUE, &scope, error) ||
      !zc_json_get_string (root, "region_code", TRUE, &region, error))
    return NULL;
  if (!is_region_code (region))
    {
      fail (error, ZC_JSON_ERROR_INVALID, "region_code", "expected 6 digits");
      return NULL;
    }
  if (!get_strings (root, "direct_unit_ids", MAX_UNIT_IDS, ITEM_UUID, 0, &self->direct_unit_ids, error) ||
      !get_strings (root, "commissioned_unit_ids", MAX_UNIT_IDS, ITEM_UUID, 0,
                    &self->commissioned_unit_ids, error) ||
      !read_notices (self, root, error) ||
      !read_windows (self, root, error) ||
      !zc_json_get_boolean (root, "exam", FALSE, &self->exam, error) ||
      !zc_json_get_boolean (root, "interview", FALSE, &self->interview, error) ||
      !read_requirements (self, root, error))
    return NULL;

  self->name = g_strdup (name);
  self->contact_phone = g_strdup (phone);
  self->scope = g_strdup (scope != NULL ? scope : "");
  self->region_code = g_strdup (region);
  return g_steal_pointer (&self);
}

ZcPlan *
zc_plan_new_from_data (const char  *data,
                       gsize        length,
                       gboolean     for_input,
                       GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!zc_json_parse (data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &root, error))
    return NULL;
  return zc_plan_new_from_json (root, for_input, error);
}
