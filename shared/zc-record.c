/* zc-record.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-record"

#include "config.h"

#include <string.h>

#include "zc-record.h"

struct _ZcRecord
{
  gatomicrefcount  ref_count;
  char            *id;              /* owned, UUID */
  char            *kind;            /* owned, slug */
  char            *owner_id;        /* owned, UUID */
  char            *unit_id;         /* owned, nullable UUID */
  JsonObject      *body;            /* owned, never NULL */
  char            *state;           /* owned, nullable */
  gint64           version;         /* 0 = never synced */
  GDateTime       *created_at;      /* owned, UTC */
  GDateTime       *updated_at;      /* owned, UTC */
  gboolean         deleted;
  char            *review_comment;  /* owned, nullable */
};

G_DEFINE_BOXED_TYPE (ZcRecord, zc_record, zc_record_ref, zc_record_unref)

static const char * const record_members[] = {
  "id", "kind", "owner_id", "unit_id", "version", "state", "review_comment",
  "deleted", "created_at", "updated_at", "body", NULL
};

/**
 * zc_uuid_new:
 *
 * Returns: (transfer full): a random (version 4) UUID in the lowercase
 *   form zc_json_is_uuid() accepts
 */
char *
zc_uuid_new (void)
{
  return g_uuid_string_random ();
}

static gboolean
is_slug (const char *string,
         gsize       max_length,
         const char *punctuation)
{
  gsize length;

  if (string == NULL)
    return FALSE;

  length = strlen (string);
  if (length == 0 || length > max_length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = string[i];

      if (!(c >= 'a' && c <= 'z') && !g_ascii_isdigit (c) && strchr (punctuation, c) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * zc_record_kind_is_valid:
 *
 * Returns: whether @kind is a kind slug: 1 to %ZC_RECORD_MAX_KIND_LENGTH
 *   characters of `[a-z0-9:-]`, such as "archive:papers" or "personal-info"
 */
gboolean
zc_record_kind_is_valid (const char *kind)
{
  return is_slug (kind, ZC_RECORD_MAX_KIND_LENGTH, ":-");
}

/**
 * zc_record_state_is_valid:
 *
 * Returns: whether @state can name a workflow state: 1 to
 *   %ZC_RECORD_MAX_STATE_LENGTH characters of `[a-z0-9_-]`, such as a
 *   ZcReviewState id ("pending", "returned" …)
 */
gboolean
zc_record_state_is_valid (const char *state)
{
  return is_slug (state, ZC_RECORD_MAX_STATE_LENGTH, "_-");
}

/* The record with nothing checked; callers validate first. */
static ZcRecord *
record_alloc (const char *id,
              const char *kind,
              const char *owner_id)
{
  ZcRecord *record = g_new0 (ZcRecord, 1);

  g_atomic_ref_count_init (&record->ref_count);
  record->id = g_strdup (id);
  record->kind = g_strdup (kind);
  record->owner_id = g_strdup (owner_id);

  return record;
}

/**
 * zc_record_new:
 * @id: (nullable): the record's UUID, or %NULL for a new one
 * @kind: the kind slug
 * @owner_id: the owner's UUID
 *
 * Makes a record with an empty body, version 0 (never synced), no state
 * and both timestamps set to now.
 *
 * Returns: (transfer full): the record
 */
ZcRecord *
zc_record_new (const char *id,
               const char *kind,
               const char *owner_id)
{
  g_autofree char *new_id = NULL;
  ZcRecord *record;

  g_return_val_if_fail (id == NULL || zc_json_is_uuid (id), NULL);
  g_return_val_if_fail (zc_record_kind_is_valid (kind), NULL);
  g_return_val_if_fail (zc_json_is_uuid (owner_id), NULL);

  if (id == NULL)
    id = new_id = zc_uuid_new ();

  record = record_alloc (id, kind, owner_id);
  record->body = json_object_new ();
  record->created_at = g_date_time_new_now_utc ();
  record->updated_at = g_date_time_ref (record->created_at);

  return record;
}

ZcRecord *
zc_record_ref (ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  g_atomic_ref_count_inc (&record->ref_count);
  return record;
}

void
zc_record_unref (ZcRecord *record)
{
  g_return_if_fail (record != NULL);

  if (!g_atomic_ref_count_dec (&record->ref_count))
    return;

  g_free (record->id);
  g_free (record->kind);
  g_free (record->owner_id);
  g_free (record->unit_id);
  g_clear_pointer (&record->body, json_object_unref);
  g_free (record->state);
  g_clear_pointer (&record->created_at, g_date_time_unref);
  g_clear_pointer (&record->updated_at, g_date_time_unref);
  g_free (record->review_comment);
  g_free (record);
}

/**
 * zc_record_copy:
 *
 * Returns: (transfer full): a copy sharing nothing with @record, the
 *   body included
 */
ZcRecord *
zc_record_copy (const ZcRecord *record)
{
  ZcRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = record_alloc (record->id, record->kind, record->owner_id);
  copy->unit_id = g_strdup (record->unit_id);
  copy->body = zc_json_object_copy_deep (record->body);
  copy->state = g_strdup (record->state);
  copy->version = record->version;
  copy->created_at = g_date_time_ref (record->created_at);
  copy->updated_at = g_date_time_ref (record->updated_at);
  copy->deleted = record->deleted;
  copy->review_comment = g_strdup (record->review_comment);

  return copy;
}

static gboolean
body_equal (JsonObject *a,
            JsonObject *b)
{
  g_autoptr(JsonNode) node_a = json_node_init_object (json_node_alloc (), a);
  g_autoptr(JsonNode) node_b = json_node_init_object (json_node_alloc (), b);

  return zc_json_node_equal (node_a, node_b);
}

/**
 * zc_record_equal:
 *
 * Returns: whether every field of @a and @b is equal; the body is
 *   compared structurally, timestamps as instants
 */
gboolean
zc_record_equal (const ZcRecord *a,
                 const ZcRecord *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->kind, b->kind) &&
         g_str_equal (a->owner_id, b->owner_id) &&
         g_strcmp0 (a->unit_id, b->unit_id) == 0 &&
         g_strcmp0 (a->state, b->state) == 0 &&
         a->version == b->version &&
         g_date_time_equal (a->created_at, b->created_at) &&
         g_date_time_equal (a->updated_at, b->updated_at) &&
         !a->deleted == !b->deleted &&
         g_strcmp0 (a->review_comment, b->review_comment) == 0 &&
         body_equal (a->body, b->body);
}

/**
 * zc_record_from_json:
 *
 * Reads a record as zc_record_to_json() writes it.  Unknown members are
 * refused; `unit_id`, `state` and `review_comment` may be null or absent.
 * The body is copied, so @node can be changed or dropped afterwards.
 *
 * Returns: (transfer full): the record, or %NULL with @error set in
 *   %ZC_JSON_ERROR
 */
ZcRecord *
zc_record_from_json (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  JsonObject *object, *body;
  const char *id, *kind, *owner_id, *unit_id, *state, *review_comment;
  gint64 version = 0;
  gboolean deleted = FALSE;
  ZcRecord *record;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, record_members, error) ||
      !zc_json_get_uuid (object, "id", TRUE, &id, error) ||
      !zc_json_get_string (object, "kind", TRUE, &kind, error))
    return NULL;

  if (!zc_record_kind_is_valid (kind))
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID,
                   "kind: expected 1 to %d characters of a-z, 0-9, ':' and '-'",
                   ZC_RECORD_MAX_KIND_LENGTH);
      return NULL;
    }

  if (!zc_json_get_uuid (object, "owner_id", TRUE, &owner_id, error) ||
      !zc_json_get_uuid (object, "unit_id", FALSE, &unit_id, error) ||
      !zc_json_get_int64 (object, "version", TRUE, 0, ZC_JSON_MAX_SAFE_INTEGER, &version, error) ||
      !zc_json_get_string (object, "state", FALSE, &state, error))
    return NULL;

  if (state != NULL && !zc_record_state_is_valid (state))
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID,
                   "state: expected 1 to %d characters of a-z, 0-9, '_' and '-'",
                   ZC_RECORD_MAX_STATE_LENGTH);
      return NULL;
    }

  if (!zc_json_get_string (object, "review_comment", FALSE, &review_comment, error) ||
      !zc_json_get_boolean (object, "deleted", TRUE, &deleted, error) ||
      !zc_json_get_timestamp (object, "created_at", TRUE, &created_at, error) ||
      !zc_json_get_timestamp (object, "updated_at", TRUE, &updated_at, error) ||
      !zc_json_get_object (object, "body", TRUE, &body, error))
    return NULL;

  record = record_alloc (id, kind, owner_id);
  record->unit_id = g_strdup (unit_id);
  record->body = zc_json_object_copy_deep (body);
  record->state = g_strdup (state);
  record->version = version;
  record->created_at = g_steal_pointer (&created_at);
  record->updated_at = g_steal_pointer (&updated_at);
  record->deleted = deleted;
  record->review_comment = g_strdup (review_comment);

  return record;
}

/**
 * zc_record_to_json:
 *
 * Returns: (transfer full): an object node with every member, null for
 *   the unset optional ones; it shares nothing with @record
 */
JsonNode *
zc_record_to_json (const ZcRecord *record)
{
  g_autofree char *created_at = NULL;
  g_autofree char *updated_at = NULL;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (record != NULL, NULL);

  created_at = zc_json_format_timestamp (record->created_at);
  updated_at = zc_json_format_timestamp (record->updated_at);

  object = json_object_new ();
  json_object_set_string_member (object, "id", record->id);
  json_object_set_string_member (object, "kind", record->kind);
  json_object_set_string_member (object, "owner_id", record->owner_id);
  json_object_set_string_member (object, "unit_id", record->unit_id);
  json_object_set_int_member (object, "version", record->version);
  json_object_set_string_member (object, "state", record->state);
  json_object_set_string_member (object, "review_comment", record->review_comment);
  json_object_set_boolean_member (object, "deleted", record->deleted);
  json_object_set_string_member (object, "created_at", created_at);
  json_object_set_string_member (object, "updated_at", updated_at);
  json_object_set_object_member (object, "body", zc_json_object_copy_deep (record->body));

  node = json_node_init_object (json_node_alloc (), NULL);
  json_node_take_object (node, object);
  return node;
}

const char *
zc_record_get_id (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->id;
}

const char *
zc_record_get_kind (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->kind;
}

const char *
zc_record_get_owner_id (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->owner_id;
}

/**
 * zc_record_get_unit_id:
 *
 * Returns: (nullable): the UUID of the unit the record belongs to
 */
const char *
zc_record_get_unit_id (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->unit_id;
}

/**
 * zc_record_set_unit_id:
 * @unit_id: (nullable): a UUID
 */
void
zc_record_set_unit_id (ZcRecord   *record,
                       const char *unit_id)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (unit_id == NULL || zc_json_is_uuid (unit_id));

  if (g_strcmp0 (record->unit_id, unit_id) == 0)
    return;

  g_free (record->unit_id);
  record->unit_id = g_strdup (unit_id);
}

/**
 * zc_record_get_body:
 *
 * Returns: (transfer none): the body; editing it edits the record
 */
JsonObject *
zc_record_get_body (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->body;
}

/**
 * zc_record_set_body:
 * @body: (nullable): the new body; %NULL means an empty one
 *
 * The record keeps a reference to @body (it does not copy it).
 */
void
zc_record_set_body (ZcRecord   *record,
                    JsonObject *body)
{
  JsonObject *old;

  g_return_if_fail (record != NULL);

  old = record->body;
  record->body = body != NULL ? json_object_ref (body) : json_object_new ();
  json_object_unref (old);
}

/**
 * zc_record_get_state:
 *
 * Returns: (nullable): the workflow state the server last reported
 */
const char *
zc_record_get_state (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->state;
}

/**
 * zc_record_set_state:
 * @state: (nullable): a state slug (see zc_record_state_is_valid())
 */
void
zc_record_set_state (ZcRecord   *record,
                     const char *state)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (state == NULL || zc_record_state_is_valid (state));

  if (g_strcmp0 (record->state, state) == 0)
    return;

  g_free (record->state);
  record->state = g_strdup (state);
}

gint64
zc_record_get_version (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, 0);

  return record->version;
}

/**
 * zc_record_set_version:
 * @version: 0 (never synced) to %ZC_JSON_MAX_SAFE_INTEGER
 */
void
zc_record_set_version (ZcRecord *record,
                       gint64    version)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (version >= 0 && version <= ZC_JSON_MAX_SAFE_INTEGER);

  record->version = version;
}

/**
 * zc_record_get_created_at:
 *
 * Returns: (transfer none): the creation time, in UTC
 */
GDateTime *
zc_record_get_created_at (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->created_at;
}

/**
 * zc_record_set_created_at:
 *
 * Stores @created_at converted to UTC.
 */
void
zc_record_set_created_at (ZcRecord  *record,
                          GDateTime *created_at)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (created_at != NULL);

  g_clear_pointer (&record->created_at, g_date_time_unref);
  record->created_at = g_date_time_to_utc (created_at);
}

/**
 * zc_record_get_updated_at:
 *
 * Returns: (transfer none): the time of the last change, in UTC
 */
GDateTime *
zc_record_get_updated_at (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->updated_at;
}

/**
 * zc_record_set_updated_at:
 *
 * Stores @updated_at converted to UTC.
 */
void
zc_record_set_updated_at (ZcRecord  *record,
                          GDateTime *updated_at)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (updated_at != NULL);

  g_clear_pointer (&record->updated_at, g_date_time_unref);
  record->updated_at = g_date_time_to_utc (updated_at);
}

/**
 * zc_record_get_deleted:
 *
 * Returns: whether the record is a tombstone
 */
gboolean
zc_record_get_deleted (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, FALSE);

  return record->deleted;
}

void
zc_record_set_deleted (ZcRecord *record,
                       gboolean  deleted)
{
  g_return_if_fail (record != NULL);

  record->deleted = !!deleted;
}

/**
 * zc_record_get_review_comment:
 *
 * Returns: (nullable): the reviewing officer's last comment
 */
const char *
zc_record_get_review_comment (const ZcRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  return record->review_comment;
}

/**
 * zc_record_set_review_comment:
 * @review_comment: (nullable): the comment, in UTF-8
 */
void
zc_record_set_review_comment (ZcRecord   *record,
                              const char *review_comment)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (review_comment == NULL || g_utf8_validate (review_comment, -1, NULL));

  if (g_strcmp0 (record->review_comment, review_comment) == 0)
    return;

  g_free (record->review_comment);
  record->review_comment = g_strdup (review_comment);
}
