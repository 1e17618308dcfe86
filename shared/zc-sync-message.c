/* zc-sync-message.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync-message"

#include "config.h"

#include <string.h>

#include "zc-sync-message.h"

/* The server parses pushes from clients and the client parses pull
 * responses from the server; neither trusts the other's JSON.  Besides
 * each field's type and format, from_json() checks the invariants the
 * protocol relies on: mutation ids increasing by one, change sequence
 * numbers increasing, rejections and conflicts never beyond the last
 * consumed mutation, a cursor that belongs to the response's epoch. */

#define MAX_FIELD_LENGTH  256
#define MAX_CURSOR_LENGTH 128

typedef gpointer (*FromJsonFunc)   (JsonNode *node, GError **error);
typedef JsonNode *(*ToJsonFunc)    (gconstpointer item);
typedef gboolean (*EqualFunc)      (gconstpointer a, gconstpointer b);

static gboolean
is_word (const char *string,
         const char *alphabet)
{
  gsize length;

  if (string == NULL)
    return FALSE;

  length = strlen (string);
  return length >= 1 && length <= ZC_SYNC_MAX_NAME_LENGTH && strspn (string, alphabet) == length;
}

#define LOWER  "abcdefghijklmnopqrstuvwxyz"
#define UPPER  "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"

static gboolean
mutation_name_is_valid (const char *name)
{
  return is_word (name, LOWER "_.");
}

static gboolean
rejection_code_is_valid (const char *code)
{
  return is_word (code, UPPER DIGITS "_");
}

/**
 * zc_sync_epoch_is_valid:
 *
 * Returns: whether @epoch can name a server epoch: 1 to
 *   %ZC_SYNC_MAX_NAME_LENGTH characters of `[A-Za-z0-9_-]` (a UUID fits)
 */
gboolean
zc_sync_epoch_is_valid (const char *epoch)
{
  return is_word (epoch, LOWER UPPER DIGITS "_-");
}

static gboolean
set_invalid (GError     **error,
             const char  *name,
             const char  *expected)
{
  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID, "%s: expected %s", name, expected);
  return FALSE;
}

static JsonNode *
node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), NULL);

  json_node_take_object (node, object);
  return node;
}

static GPtrArray *
array_from_json (JsonObject      *object,
                 const char      *name,
                 guint            max,
                 FromJsonFunc     from_json,
                 GDestroyNotify   free_func,
                 GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  guint length;

  if (!zc_json_get_array (object, name, TRUE, &array, error))
    return NULL;

  length = json_array_get_length (array);
  if (length > max)
    {
      g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                   "%s: at most %u elements, found %u", name, max, length);
      return NULL;
    }

  items = g_ptr_array_new_full (length, free_func);
  for (guint i = 0; i < length; i++)
    {
      gpointer item = from_json (json_array_get_element (array, i), error);

      if (item == NULL)
        {
          zc_json_prefix_error (error, "%s[%u]", name, i);
          return NULL;
        }
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

static void
array_to_json (JsonObject *object,
               const char *name,
               GPtrArray  *items,
               ToJsonFunc  to_json)
{
  JsonArray *array = json_array_sized_new (items != NULL ? items->len : 0);

  for (guint i = 0; items != NULL && i < items->len; i++)
    json_array_add_element (array, to_json (g_ptr_array_index (items, i)));

  json_object_set_array_member (object, name, array);
}

static gboolean
array_equal (GPtrArray *a,
             GPtrArray *b,
             EqualFunc  equal)
{
  guint length_a = a != NULL ? a->len : 0;
  guint length_b = b != NULL ? b->len : 0;

  if (length_a != length_b)
    return FALSE;

  for (guint i = 0; i < length_a; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

/* ---- ZcMutation -------------------------------------------------------- */

static const char * const mutation_members[] = {
  "id", "name", "record_id", "base_version", "expected_state", "args", NULL
};

/**
 * zc_mutation_new:
 *
 * Returns: (transfer full): a mutation with empty args and no expected state
 */
ZcMutation *
zc_mutation_new (gint64      id,
                 const char *name,
                 const char *record_id,
                 gint64      base_version)
{
  ZcMutation *mutation;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  mutation = g_new0 (ZcMutation, 1);
  mutation->id = id;
  mutation->name = g_strdup (name);
  mutation->record_id = g_strdup (record_id);
  mutation->base_version = base_version;
  mutation->args = json_object_new ();

  return mutation;
}

void
zc_mutation_free (ZcMutation *mutation)
{
  if (mutation == NULL)
    return;

  g_free (mutation->name);
  g_free (mutation->record_id);
  g_free (mutation->expected_state);
  g_clear_pointer (&mutation->args, json_object_unref);
  g_free (mutation);
}

static gboolean
object_equal (JsonObject *a,
              JsonObject *b)
{
  g_autoptr(JsonNode) node_a = a != NULL ? json_node_init_object (json_node_alloc (), a) : NULL;
  g_autoptr(JsonNode) node_b = b != NULL ? json_node_init_object (json_node_alloc (), b) : NULL;

  return zc_json_node_equal (node_a, node_b);
}

gboolean
zc_mutation_equal (const ZcMutation *a,
                   const ZcMutation *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->id == b->id &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->record_id, b->record_id) == 0 &&
         a->base_version == b->base_version &&
         g_strcmp0 (a->expected_state, b->expected_state) == 0 &&
         object_equal (a->args, b->args);
}

/**
 * zc_mutation_from_json:
 *
 * Returns: (transfer full): the mutation, or %NULL with @error set
 */
ZcMutation *
zc_mutation_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(ZcMutation) mutation = NULL;
  JsonObject *object, *args;
  const char *name, *record_id, *expected_state;
  gint64 id = 0, base_version = 0;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, mutation_members, error) ||
      !zc_json_get_int64 (object, "id", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER, &id, error) ||
      !zc_json_get_string (object, "name", TRUE, &name, error))
    return NULL;

  if (!mutation_name_is_valid (name))
    {
      set_invalid (error, "name", "1 to 64 characters of a-z, '_' and '.'");
      return NULL;
    }

  if (!zc_json_get_uuid (object, "record_id", TRUE, &record_id, error) ||
      !zc_json_get_int64 (object, "base_version", TRUE, 0, ZC_JSON_MAX_SAFE_INTEGER,
                          &base_version, error) ||
      !zc_json_get_string (object, "expected_state", FALSE, &expected_state, error))
    return NULL;

  if (expected_state != NULL && !zc_record_state_is_valid (expected_state))
    {
      set_invalid (error, "expected_state", "a state such as \"pending\"");
      return NULL;
    }

  if (!zc_json_get_object (object, "args", TRUE, &args, error))
    return NULL;

  mutation = zc_mutation_new (id, name, record_id, base_version);
  mutation->expected_state = g_strdup (expected_state);
  json_object_unref (mutation->args);
  mutation->args = zc_json_object_copy_deep (args);

  return g_steal_pointer (&mutation);
}

/**
 * zc_mutation_to_json:
 *
 * Returns: (transfer full): the mutation as an object node
 */
JsonNode *
zc_mutation_to_json (const ZcMutation *mutation)
{
  JsonObject *object;

  g_return_val_if_fail (mutation != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "id", mutation->id);
  json_object_set_string_member (object, "name", mutation->name);
  json_object_set_string_member (object, "record_id", mutation->record_id);
  json_object_set_int_member (object, "base_version", mutation->base_version);
  json_object_set_string_member (object, "expected_state", mutation->expected_state);
  json_object_set_object_member (object, "args",
                                 mutation->args != NULL ? zc_json_object_copy_deep (mutation->args)
                                                        : json_object_new ());

  return node_take_object (object);
}

static gpointer
mutation_from_json (JsonNode  *node,
                    GError   **error)
{
  return zc_mutation_from_json (node, error);
}

static JsonNode *
mutation_to_json (gconstpointer item)
{
  return zc_mutation_to_json (item);
}

static gboolean
mutation_equal (gconstpointer a,
                gconstpointer b)
{
  return zc_mutation_equal (a, b);
}

/* ---- ZcPushRequest ----------------------------------------------------- */

static const char * const push_request_members[] = {
  "client_id", "schema_version", "mutations", NULL
};

/**
 * zc_push_request_new:
 *
 * Returns: (transfer full): a request without mutations
 */
ZcPushRequest *
zc_push_request_new (const char *client_id,
                     gint64      schema_version)
{
  ZcPushRequest *request;

  g_return_val_if_fail (client_id != NULL, NULL);

  request = g_new0 (ZcPushRequest, 1);
  request->client_id = g_strdup (client_id);
  request->schema_version = schema_version;
  request->mutations = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_mutation_free);

  return request;
}

void
zc_push_request_free (ZcPushRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->client_id);
  g_clear_pointer (&request->mutations, g_ptr_array_unref);
  g_free (request);
}

gboolean
zc_push_request_equal (const ZcPushRequest *a,
                       const ZcPushRequest *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->client_id, b->client_id) == 0 &&
         a->schema_version == b->schema_version &&
         array_equal (a->mutations, b->mutations, mutation_equal);
}

/**
 * zc_push_request_from_json:
 *
 * Also refuses more than %ZC_SYNC_MAX_MUTATIONS mutations and ids that
 * do not increase by exactly one.
 *
 * Returns: (transfer full): the request, or %NULL with @error set
 */
ZcPushRequest *
zc_push_request_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(ZcPushRequest) request = NULL;
  g_autoptr(GPtrArray) mutations = NULL;
  JsonObject *object;
  const char *client_id;
  gint64 schema_version = 0;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, push_request_members, error) ||
      !zc_json_get_uuid (object, "client_id", TRUE, &client_id, error) ||
      !zc_json_get_int64 (object, "schema_version", TRUE, 1, G_MAXINT32, &schema_version, error))
    return NULL;

  mutations = array_from_json (object, "mutations", ZC_SYNC_MAX_MUTATIONS, mutation_from_json,
                               (GDestroyNotify) zc_mutation_free, error);
  if (mutations == NULL)
    return NULL;

  for (guint i = 1; i < mutations->len; i++)
    {
      ZcMutation *previous = g_ptr_array_index (mutations, i - 1);
      ZcMutation *mutation = g_ptr_array_index (mutations, i);

      if (mutation->id != previous->id + 1)
        {
          g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                       "mutations[%u].id: expected %" G_GINT64_FORMAT
                       " (ids increase by one), found %" G_GINT64_FORMAT,
                       i, previous->id + 1, mutation->id);
          return NULL;
        }
    }

  request = zc_push_request_new (client_id, schema_version);
  g_ptr_array_unref (request->mutations);
  request->mutations = g_steal_pointer (&mutations);

  return g_steal_pointer (&request);
}

/**
 * zc_push_request_to_json:
 *
 * Returns: (transfer full): the request as an object node
 */
JsonNode *
zc_push_request_to_json (const ZcPushRequest *request)
{
  JsonObject *object;

  g_return_val_if_fail (request != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "client_id", request->client_id);
  json_object_set_int_member (object, "schema_version", request->schema_version);
  array_to_json (object, "mutations", request->mutations, mutation_to_json);

  return node_take_object (object);
}

/* ---- ZcRejection ------------------------------------------------------- */

static const char * const rejection_members[] = { "mutation_id", "code", "message", NULL };

ZcRejection *
zc_rejection_new (gint64      mutation_id,
                  const char *code,
                  const char *message)
{
  ZcRejection *rejection;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  rejection = g_new0 (ZcRejection, 1);
  rejection->mutation_id = mutation_id;
  rejection->code = g_strdup (code);
  rejection->message = g_strdup (message);

  return rejection;
}

void
zc_rejection_free (ZcRejection *rejection)
{
  if (rejection == NULL)
    return;

  g_free (rejection->code);
  g_free (rejection->message);
  g_free (rejection);
}

gboolean
zc_rejection_equal (const ZcRejection *a,
                    const ZcRejection *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->mutation_id == b->mutation_id &&
         g_strcmp0 (a->code, b->code) == 0 &&
         g_strcmp0 (a->message, b->message) == 0;
}

ZcRejection *
zc_rejection_from_json (JsonNode  *node,
                        GError   **error)
{
  JsonObject *object;
  const char *code, *message;
  gint64 mutation_id = 0;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, rejection_members, error) ||
      !zc_json_get_int64 (object, "mutation_id", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER,
                          &mutation_id, error) ||
      !zc_json_get_string (object, "code", TRUE, &code, error))
    return NULL;

  if (!rejection_code_is_valid (code))
    {
      set_invalid (error, "code", "1 to 64 characters of A-Z, 0-9 and '_'");
      return NULL;
    }

  if (!zc_json_get_string (object, "message", TRUE, &message, error))
    return NULL;

  return zc_rejection_new (mutation_id, code, message);
}

JsonNode *
zc_rejection_to_json (const ZcRejection *rejection)
{
  JsonObject *object;

  g_return_val_if_fail (rejection != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "mutation_id", rejection->mutation_id);
  json_object_set_string_member (object, "code", rejection->code);
  json_object_set_string_member (object, "message", rejection->message);

  return node_take_object (object);
}

static gpointer
rejection_from_json (JsonNode  *node,
                     GError   **error)
{
  return zc_rejection_from_json (node, error);
}

static JsonNode *
rejection_to_json (gconstpointer item)
{
  return zc_rejection_to_json (item);
}

static gboolean
rejection_equal (gconstpointer a,
                 gconstpointer b)
{
  return zc_rejection_equal (a, b);
}

/* Rejections and conflicts can only concern consumed mutations. */
static gboolean
check_consumed (gint64       mutation_id,
                gint64       last_mutation_id,
                const char  *array,
                guint        index,
                GError     **error)
{
  if (mutation_id <= last_mutation_id)
    return TRUE;

  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
               "%s[%u].mutation_id: beyond last_mutation_id %" G_GINT64_FORMAT,
               array, index, last_mutation_id);
  return FALSE;
}

/* ---- ZcConflict -------------------------------------------------------- */

static const char * const conflict_members[] = {
  "record_id", "field", "client_value", "server_value", "mutation_id", NULL
};

/**
 * zc_conflict_new:
 * @client_value: (nullable): copied; %NULL means JSON null
 * @server_value: (nullable): copied; %NULL means JSON null
 */
ZcConflict *
zc_conflict_new (const char *record_id,
                 const char *field,
                 JsonNode   *client_value,
                 JsonNode   *server_value,
                 gint64      mutation_id)
{
  ZcConflict *conflict;

  g_return_val_if_fail (record_id != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  conflict = g_new0 (ZcConflict, 1);
  conflict->record_id = g_strdup (record_id);
  conflict->field = g_strdup (field);
  conflict->client_value = client_value != NULL ? zc_json_node_copy_deep (client_value)
                                                : json_node_init_null (json_node_alloc ());
  conflict->server_value = server_value != NULL ? zc_json_node_copy_deep (server_value)
                                                : json_node_init_null (json_node_alloc ());
  conflict->mutation_id = mutation_id;

  return conflict;
}

void
zc_conflict_free (ZcConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->record_id);
  g_free (conflict->field);
  g_clear_pointer (&conflict->client_value, json_node_unref);
  g_clear_pointer (&conflict->server_value, json_node_unref);
  g_free (conflict);
}

gboolean
zc_conflict_equal (const ZcConflict *a,
                   const ZcConflict *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->record_id, b->record_id) == 0 &&
         g_strcmp0 (a->field, b->field) == 0 &&
         zc_json_node_equal (a->client_value, b->client_value) &&
         zc_json_node_equal (a->server_value, b->server_value) &&
         a->mutation_id == b->mutation_id;
}

static gboolean
get_any (JsonObject  *object,
         const char  *name,
         JsonNode   **out,
         GError     **error)
{
  *out = json_object_get_member (object, name);
  if (*out != NULL)
    return TRUE;

  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_MISSING, "%s: required member is missing", name);
  return FALSE;
}

ZcConflict *
zc_conflict_from_json (JsonNode  *node,
                       GError   **error)
{
  JsonObject *object;
  JsonNode *client_value, *server_value;
  const char *record_id, *field;
  gint64 mutation_id = 0;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, conflict_members, error) ||
      !zc_json_get_uuid (object, "record_id", TRUE, &record_id, error) ||
      !zc_json_get_string (object, "field", TRUE, &field, error))
    return NULL;

  if (*field == '\0' || strlen (field) > MAX_FIELD_LENGTH)
    {
      set_invalid (error, "field", "a field name of 1 to 256 bytes");
      return NULL;
    }

  if (!get_any (object, "client_value", &client_value, error) ||
      !get_any (object, "server_value", &server_value, error) ||
      !zc_json_get_int64 (object, "mutation_id", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER,
                          &mutation_id, error))
    return NULL;

  return zc_conflict_new (record_id, field, client_value, server_value, mutation_id);
}

JsonNode *
zc_conflict_to_json (const ZcConflict *conflict)
{
  JsonObject *object;

  g_return_val_if_fail (conflict != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "record_id", conflict->record_id);
  json_object_set_string_member (object, "field", conflict->field);
  json_object_set_member (object, "client_value",
                          conflict->client_value != NULL ? zc_json_node_copy_deep (conflict->client_value)
                                                         : json_node_init_null (json_node_alloc ()));
  json_object_set_member (object, "server_value",
                          conflict->server_value != NULL ? zc_json_node_copy_deep (conflict->server_value)
                                                         : json_node_init_null (json_node_alloc ()));
  json_object_set_int_member (object, "mutation_id", conflict->mutation_id);

  return node_take_object (object);
}

static gpointer
conflict_from_json (JsonNode  *node,
                    GError   **error)
{
  return zc_conflict_from_json (node, error);
}

static JsonNode *
conflict_to_json (gconstpointer item)
{
  return zc_conflict_to_json (item);
}

static gboolean
conflict_equal (gconstpointer a,
                gconstpointer b)
{
  return zc_conflict_equal (a, b);
}

/* ---- ZcPushResult ------------------------------------------------------ */

static const char * const push_result_members[] = {
  "last_mutation_id", "rejections", "conflicts", NULL
};

ZcPushResult *
zc_push_result_new (gint64 last_mutation_id)
{
  ZcPushResult *result = g_new0 (ZcPushResult, 1);

  result->last_mutation_id = last_mutation_id;
  result->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_rejection_free);
  result->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_conflict_free);

  return result;
}

void
zc_push_result_free (ZcPushResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->rejections, g_ptr_array_unref);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_free (result);
}

gboolean
zc_push_result_equal (const ZcPushResult *a,
                      const ZcPushResult *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->last_mutation_id == b->last_mutation_id &&
         array_equal (a->rejections, b->rejections, rejection_equal) &&
         array_equal (a->conflicts, b->conflicts, conflict_equal);
}

ZcPushResult *
zc_push_result_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(ZcPushResult) result = zc_push_result_new (0);
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, push_result_members, error) ||
      !zc_json_get_int64 (object, "last_mutation_id", TRUE, 0, ZC_JSON_MAX_SAFE_INTEGER,
                          &result->last_mutation_id, error))
    return NULL;

  g_clear_pointer (&result->rejections, g_ptr_array_unref);
  result->rejections = array_from_json (object, "rejections", ZC_SYNC_MAX_MUTATIONS,
                                        rejection_from_json,
                                        (GDestroyNotify) zc_rejection_free, error);
  if (result->rejections == NULL)
    return NULL;

  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  result->conflicts = array_from_json (object, "conflicts", G_MAXUINT, conflict_from_json,
                                       (GDestroyNotify) zc_conflict_free, error);
  if (result->conflicts == NULL)
    return NULL;

  for (guint i = 0; i < result->rejections->len; i++)
    {
      ZcRejection *rejection = g_ptr_array_index (result->rejections, i);

      if (!check_consumed (rejection->mutation_id, result->last_mutation_id, "rejections", i, error))
        return NULL;
    }

  for (guint i = 0; i < result->conflicts->len; i++)
    {
      ZcConflict *conflict = g_ptr_array_index (result->conflicts, i);

      if (!check_consumed (conflict->mutation_id, result->last_mutation_id, "conflicts", i, error))
        return NULL;
    }

  return g_steal_pointer (&result);
}

JsonNode *
zc_push_result_to_json (const ZcPushResult *result)
{
  JsonObject *object;

  g_return_val_if_fail (result != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "last_mutation_id", result->last_mutation_id);
  array_to_json (object, "rejections", result->rejections, rejection_to_json);
  array_to_json (object, "conflicts", result->conflicts, conflict_to_json);

  return node_take_object (object);
}

/* ---- ZcSyncCursor ------------------------------------------------------ */

ZcSyncCursor *
zc_sync_cursor_new (const char *epoch,
                    gint64      seq)
{
  ZcSyncCursor *cursor;

  g_return_val_if_fail (epoch != NULL, NULL);

  cursor = g_new0 (ZcSyncCursor, 1);
  cursor->epoch = g_strdup (epoch);
  cursor->seq = seq;

  return cursor;
}

void
zc_sync_cursor_free (ZcSyncCursor *cursor)
{
  if (cursor == NULL)
    return;

  g_free (cursor->epoch);
  g_free (cursor);
}

gboolean
zc_sync_cursor_equal (const ZcSyncCursor *a,
                      const ZcSyncCursor *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->epoch, b->epoch) == 0 && a->seq == b->seq;
}

/**
 * zc_sync_cursor_encode:
 *
 * Returns: (transfer full): the cursor as an opaque token safe in URLs
 *   and JSON: unpadded base64url of "epoch:seq"
 */
char *
zc_sync_cursor_encode (const ZcSyncCursor *cursor)
{
  g_autofree char *plain = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (cursor != NULL, NULL);
  g_return_val_if_fail (zc_sync_epoch_is_valid (cursor->epoch), NULL);
  g_return_val_if_fail (cursor->seq >= 0, NULL);

  plain = g_strdup_printf ("%s:%" G_GINT64_FORMAT, cursor->epoch, cursor->seq);
  text = g_base64_encode ((const guchar *) plain, strlen (plain));

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  length = strlen (text);
  while (length > 0 && text[length - 1] == '=')
    text[--length] = '\0';

  return text;
}

static ZcSyncCursor *
set_bad_cursor (GError     **error,
                const char  *why)
{
  g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_INVALID, "$: not a valid sync cursor (%s)", why);
  return NULL;
}

/**
 * zc_sync_cursor_decode:
 *
 * Accepts exactly what zc_sync_cursor_encode() makes, so one position
 * has one spelling.  The error message starts with `$`; a caller
 * reading it from a member puts the member's name there with
 * zc_json_prefix_error().
 *
 * Returns: (transfer full): the cursor, or %NULL with @error set in
 *   %ZC_JSON_ERROR
 */
ZcSyncCursor *
zc_sync_cursor_decode (const char  *text,
                       GError     **error)
{
  g_autoptr(GString) padded = NULL;
  g_autofree guchar *decoded = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(ZcSyncCursor) cursor = NULL;
  const char *digits;
  char *colon;
  gsize length, decoded_length = 0;
  guint64 seq = 0;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  if (length == 0 || length > MAX_CURSOR_LENGTH)
    return set_bad_cursor (error, "bad length");
  if (strspn (text, LOWER UPPER DIGITS "-_") != length || length % 4 == 1)
    return set_bad_cursor (error, "not base64url");

  padded = g_string_new (text);
  g_strdelimit (padded->str, "-", '+');
  g_strdelimit (padded->str, "_", '/');
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');

  decoded = g_base64_decode (padded->str, &decoded_length);
  if (decoded_length == 0 || memchr (decoded, '\0', decoded_length) != NULL)
    return set_bad_cursor (error, "bad content");

  plain = g_strndup ((const char *) decoded, decoded_length);
  colon = strchr (plain, ':');
  if (colon == NULL)
    return set_bad_cursor (error, "bad content");
  *colon = '\0';
  digits = colon + 1;

  if (!zc_sync_epoch_is_valid (plain))
    return set_bad_cursor (error, "bad epoch");
  if (!g_ascii_string_to_unsigned (digits, 10, 0, (guint64) ZC_JSON_MAX_SAFE_INTEGER, &seq, NULL) ||
      !g_ascii_isdigit (digits[0]))
    return set_bad_cursor (error, "bad sequence number");

  cursor = zc_sync_cursor_new (plain, (gint64) seq);
  canonical = zc_sync_cursor_encode (cursor);
  if (g_strcmp0 (canonical, text) != 0)
    return set_bad_cursor (error, "not in canonical form");

  return g_steal_pointer (&cursor);
}

/* ---- ZcPullRequest ----------------------------------------------------- */

static const char * const pull_request_members[] = { "client_id", "cursor", "limit", NULL };

/**
 * zc_pull_request_new:
 * @cursor: (nullable): an encoded cursor, or %NULL to start from the beginning
 */
ZcPullRequest *
zc_pull_request_new (const char *client_id,
                     const char *cursor,
                     gint64      limit)
{
  ZcPullRequest *request;

  g_return_val_if_fail (client_id != NULL, NULL);

  request = g_new0 (ZcPullRequest, 1);
  request->client_id = g_strdup (client_id);
  request->cursor = g_strdup (cursor);
  request->limit = limit;

  return request;
}

void
zc_pull_request_free (ZcPullRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->client_id);
  g_free (request->cursor);
  g_free (request);
}

gboolean
zc_pull_request_equal (const ZcPullRequest *a,
                       const ZcPullRequest *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->client_id, b->client_id) == 0 &&
         g_strcmp0 (a->cursor, b->cursor) == 0 &&
         a->limit == b->limit;
}

/* Checks an encoded cursor member; *out gets the decoded cursor. */
static gboolean
get_cursor (JsonObject    *object,
            gboolean       required,
            const char   **text,
            ZcSyncCursor **out,
            GError       **error)
{
  if (!zc_json_get_string (object, "cursor", required, text, error))
    return FALSE;
  if (*text == NULL)
    return TRUE;

  *out = zc_sync_cursor_decode (*text, error);
  if (*out == NULL)
    {
      zc_json_prefix_error (error, "cursor");
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_pull_request_from_json:
 *
 * `cursor` may be null or absent; `limit` may be absent
 * (%ZC_SYNC_DEFAULT_PULL_LIMIT).
 */
ZcPullRequest *
zc_pull_request_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(ZcSyncCursor) cursor = NULL;
  JsonObject *object;
  const char *client_id, *cursor_text;
  gint64 limit = ZC_SYNC_DEFAULT_PULL_LIMIT;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, pull_request_members, error) ||
      !zc_json_get_uuid (object, "client_id", TRUE, &client_id, error) ||
      !get_cursor (object, FALSE, &cursor_text, &cursor, error) ||
      !zc_json_get_int64 (object, "limit", FALSE, 1, ZC_SYNC_MAX_PULL_LIMIT, &limit, error))
    return NULL;

  return zc_pull_request_new (client_id, cursor_text, limit);
}

JsonNode *
zc_pull_request_to_json (const ZcPullRequest *request)
{
  JsonObject *object;

  g_return_val_if_fail (request != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "client_id", request->client_id);
  json_object_set_string_member (object, "cursor", request->cursor);
  json_object_set_int_member (object, "limit", request->limit);

  return node_take_object (object);
}

/* ---- ZcChange ---------------------------------------------------------- */

static const char * const put_members[] = { "op", "seq", "record", NULL };
static const char * const delete_members[] = { "op", "seq", "record_id", "kind", NULL };

ZcChange *
zc_change_new_put (gint64    seq,
                   ZcRecord *record)
{
  ZcChange *change;

  g_return_val_if_fail (record != NULL, NULL);

  change = g_new0 (ZcChange, 1);
  change->op = ZC_CHANGE_PUT;
  change->seq = seq;
  change->record = zc_record_ref (record);

  return change;
}

ZcChange *
zc_change_new_delete (gint64      seq,
                      const char *record_id,
                      const char *kind)
{
  ZcChange *change;

  g_return_val_if_fail (record_id != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  change = g_new0 (ZcChange, 1);
  change->op = ZC_CHANGE_DELETE;
  change->seq = seq;
  change->record_id = g_strdup (record_id);
  change->kind = g_strdup (kind);

  return change;
}

void
zc_change_free (ZcChange *change)
{
  if (change == NULL)
    return;

  g_clear_pointer (&change->record, zc_record_unref);
  g_free (change->record_id);
  g_free (change->kind);
  g_free (change);
}

/**
 * zc_change_get_record_id:
 *
 * Returns: the id of the record the change is about, for either op
 */
const char *
zc_change_get_record_id (const ZcChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  if (change->record != NULL)
    return zc_record_get_id (change->record);

  return change->record_id;
}

gboolean
zc_change_equal (const ZcChange *a,
                 const ZcChange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->op != b->op || a->seq != b->seq ||
      (a->record == NULL) != (b->record == NULL) ||
      (a->record != NULL && !zc_record_equal (a->record, b->record)))
    return FALSE;

  return g_strcmp0 (a->record_id, b->record_id) == 0 && g_strcmp0 (a->kind, b->kind) == 0;
}

ZcChange *
zc_change_from_json (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(ZcRecord) record = NULL;
  JsonObject *object;
  JsonNode *record_node;
  const char *op, *record_id, *kind;
  gint64 seq = 0;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_get_string (object, "op", TRUE, &op, error))
    return NULL;

  if (g_str_equal (op, "put"))
    {
      if (!zc_json_check_members (object, put_members, error) ||
          !zc_json_get_int64 (object, "seq", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER, &seq, error) ||
          !get_any (object, "record", &record_node, error))
        return NULL;

      record = zc_record_from_json (record_node, error);
      if (record == NULL)
        {
          zc_json_prefix_error (error, "record");
          return NULL;
        }

      return zc_change_new_put (seq, record);
    }

  if (g_str_equal (op, "delete"))
    {
      if (!zc_json_check_members (object, delete_members, error) ||
          !zc_json_get_int64 (object, "seq", TRUE, 1, ZC_JSON_MAX_SAFE_INTEGER, &seq, error) ||
          !zc_json_get_uuid (object, "record_id", TRUE, &record_id, error) ||
          !zc_json_get_string (object, "kind", TRUE, &kind, error))
        return NULL;

      if (!zc_record_kind_is_valid (kind))
        {
          set_invalid (error, "kind", "1 to 64 characters of a-z, 0-9, ':' and '-'");
          return NULL;
        }

      return zc_change_new_delete (seq, record_id, kind);
    }

  set_invalid (error, "op", "\"put\" or \"delete\"");
  return NULL;
}

JsonNode *
zc_change_to_json (const ZcChange *change)
{
  JsonObject *object;

  g_return_val_if_fail (change != NULL, NULL);

  object = json_object_new ();
  switch (change->op)
    {
    case ZC_CHANGE_PUT:
      json_object_set_string_member (object, "op", "put");
      json_object_set_int_member (object, "seq", change->seq);
      if (change->record != NULL)
        json_object_set_member (object, "record", zc_record_to_json (change->record));
      else
        json_object_set_null_member (object, "record");
      break;
    case ZC_CHANGE_DELETE:
    default:
      json_object_set_string_member (object, "op", "delete");
      json_object_set_int_member (object, "seq", change->seq);
      json_object_set_string_member (object, "record_id", change->record_id);
      json_object_set_string_member (object, "kind", change->kind);
      break;
    }

  return node_take_object (object);
}

static gpointer
change_from_json (JsonNode  *node,
                  GError   **error)
{
  return zc_change_from_json (node, error);
}

static JsonNode *
change_to_json (gconstpointer item)
{
  return zc_change_to_json (item);
}

static gboolean
change_equal (gconstpointer a,
              gconstpointer b)
{
  return zc_change_equal (a, b);
}

/* ---- ZcPullResponse ---------------------------------------------------- */

static const char * const pull_response_members[] = {
  "cursor", "server_epoch", "last_mutation_id", "reset", "has_more", "changes", "rejections", NULL
};

/**
 * zc_pull_response_new:
 * @seq: the sequence number the response's cursor points at
 *
 * Returns: (transfer full): a response with no changes and no rejections
 */
ZcPullResponse *
zc_pull_response_new (const char *server_epoch,
                      gint64      seq,
                      gint64      last_mutation_id)
{
  g_autoptr(ZcSyncCursor) cursor = NULL;
  ZcPullResponse *response;

  g_return_val_if_fail (zc_sync_epoch_is_valid (server_epoch), NULL);
  g_return_val_if_fail (seq >= 0, NULL);

  cursor = zc_sync_cursor_new (server_epoch, seq);
  response = g_new0 (ZcPullResponse, 1);
  response->cursor = zc_sync_cursor_encode (cursor);
  response->server_epoch = g_strdup (server_epoch);
  response->last_mutation_id = last_mutation_id;
  response->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_change_free);
  response->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_rejection_free);

  return response;
}

void
zc_pull_response_free (ZcPullResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->cursor);
  g_free (response->server_epoch);
  g_clear_pointer (&response->changes, g_ptr_array_unref);
  g_clear_pointer (&response->rejections, g_ptr_array_unref);
  g_free (response);
}

gboolean
zc_pull_response_equal (const ZcPullResponse *a,
                        const ZcPullResponse *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->cursor, b->cursor) == 0 &&
         g_strcmp0 (a->server_epoch, b->server_epoch) == 0 &&
         a->last_mutation_id == b->last_mutation_id &&
         !a->reset == !b->reset &&
         !a->has_more == !b->has_more &&
         array_equal (a->changes, b->changes, change_equal) &&
         array_equal (a->rejections, b->rejections, rejection_equal);
}

/**
 * zc_pull_response_from_json:
 *
 * Also checks that the cursor belongs to `server_epoch` and is not
 * behind the last change, that change sequence numbers increase, and
 * that rejections concern consumed mutations only.
 */
ZcPullResponse *
zc_pull_response_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(ZcPullResponse) response = NULL;
  g_autoptr(ZcSyncCursor) cursor = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  JsonObject *object;
  const char *cursor_text, *epoch;
  gint64 last_mutation_id = 0;
  gboolean reset = FALSE, has_more = FALSE;

  g_return_val_if_fail (node != NULL, NULL);

  if (!zc_json_node_get_object (node, &object, error) ||
      !zc_json_check_members (object, pull_response_members, error) ||
      !get_cursor (object, TRUE, &cursor_text, &cursor, error) ||
      !zc_json_get_string (object, "server_epoch", TRUE, &epoch, error))
    return NULL;

  if (!zc_sync_epoch_is_valid (epoch))
    {
      set_invalid (error, "server_epoch", "1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
      return NULL;
    }
  if (!g_str_equal (cursor->epoch, epoch))
    {
      set_invalid (error, "cursor", "a cursor of the epoch in server_epoch");
      return NULL;
    }

  if (!zc_json_get_int64 (object, "last_mutation_id", TRUE, 0, ZC_JSON_MAX_SAFE_INTEGER,
                          &last_mutation_id, error) ||
      !zc_json_get_boolean (object, "reset", TRUE, &reset, error) ||
      !zc_json_get_boolean (object, "has_more", TRUE, &has_more, error))
    return NULL;

  changes = array_from_json (object, "changes", ZC_SYNC_MAX_PULL_LIMIT, change_from_json,
                             (GDestroyNotify) zc_change_free, error);
  if (changes == NULL)
    return NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      ZcChange *change = g_ptr_array_index (changes, i);
      gint64 previous = i > 0 ? ((ZcChange *) g_ptr_array_index (changes, i - 1))->seq : 0;

      if (change->seq <= previous)
        {
          g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                       "changes[%u].seq: must be greater than %" G_GINT64_FORMAT,
                       i, previous);
          return NULL;
        }
      if (change->seq > cursor->seq)
        {
          g_set_error (error, ZC_JSON_ERROR, ZC_JSON_ERROR_OUT_OF_RANGE,
                       "changes[%u].seq: beyond the cursor's sequence number %" G_GINT64_FORMAT,
                       i, cursor->seq);
          return NULL;
        }
    }

  rejections = array_from_json (object, "rejections", G_MAXUINT, rejection_from_json,
                                (GDestroyNotify) zc_rejection_free, error);
  if (rejections == NULL)
    return NULL;

  for (guint i = 0; i < rejections->len; i++)
    {
      ZcRejection *rejection = g_ptr_array_index (rejections, i);

      if (!check_consumed (rejection->mutation_id, last_mutation_id, "rejections", i, error))
        return NULL;
    }

  response = zc_pull_response_new (epoch, cursor->seq, last_mutation_id);
  response->reset = reset;
  response->has_more = has_more;
  g_ptr_array_unref (response->changes);
  response->changes = g_steal_pointer (&changes);
  g_ptr_array_unref (response->rejections);
  response->rejections = g_steal_pointer (&rejections);

  return g_steal_pointer (&response);
}

JsonNode *
zc_pull_response_to_json (const ZcPullResponse *response)
{
  JsonObject *object;

  g_return_val_if_fail (response != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "cursor", response->cursor);
  json_object_set_string_member (object, "server_epoch", response->server_epoch);
  json_object_set_int_member (object, "last_mutation_id", response->last_mutation_id);
  json_object_set_boolean_member (object, "reset", response->reset);
  json_object_set_boolean_member (object, "has_more", response->has_more);
  array_to_json (object, "changes", response->changes, change_to_json);
  array_to_json (object, "rejections", response->rejections, rejection_to_json);

  return node_take_object (object);
}
