/* zc-sync-push.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-sync-push"

#include "config.h"

#include <string.h>

#include "zc-sync-push.h"
#include "zc-sync-message-private.h"

/* The messages of a push: ZcMutation and ZcPushRequest from the client,
 * ZcPushResult with its ZcRejection and ZcConflict lists from the
 * server (rejections also travel in pull responses). */

#define MAX_FIELD_LENGTH  256

static gboolean
mutation_name_is_valid (const char *name)
{
  return zc_sync_is_word (name, ZC_SYNC_LOWER "_.");
}

static gboolean
rejection_code_is_valid (const char *code)
{
  return zc_sync_is_word (code, ZC_SYNC_UPPER ZC_SYNC_DIGITS "_");
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
      zc_sync_set_invalid (error, "name", "1 to 64 characters of a-z, '_' and '.'");
      return NULL;
    }

  if (!zc_json_get_uuid (object, "record_id", TRUE, &record_id, error) ||
      !zc_json_get_int64 (object, "base_version", TRUE, 0, ZC_JSON_MAX_SAFE_INTEGER,
                          &base_version, error) ||
      !zc_json_get_string (object, "expected_state", FALSE, &expected_state, error))
    return NULL;

  if (expected_state != NULL && !zc_record_state_is_valid (expected_state))
    {
      zc_sync_set_invalid (error, "expected_state", "a state such as \"pending\"");
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

  return zc_sync_node_take_object (object);
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
         zc_sync_array_equal (a->mutations, b->mutations, (ZcSyncEqualFunc) zc_mutation_equal);
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

  mutations = zc_sync_array_from_json (object, "mutations", ZC_SYNC_MAX_MUTATIONS,
                                       (ZcSyncFromJsonFunc) zc_mutation_from_json,
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
  zc_sync_array_to_json (object, "mutations", request->mutations, (ZcSyncToJsonFunc) zc_mutation_to_json);

  return zc_sync_node_take_object (object);
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
      zc_sync_set_invalid (error, "code", "1 to 64 characters of A-Z, 0-9 and '_'");
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

  return zc_sync_node_take_object (object);
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
      zc_sync_set_invalid (error, "field", "a field name of 1 to 256 bytes");
      return NULL;
    }

  if (!zc_sync_get_any (object, "client_value", &client_value, error) ||
      !zc_sync_get_any (object, "server_value", &server_value, error) ||
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

  return zc_sync_node_take_object (object);
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
         zc_sync_array_equal (a->rejections, b->rejections, (ZcSyncEqualFunc) zc_rejection_equal) &&
         zc_sync_array_equal (a->conflicts, b->conflicts, (ZcSyncEqualFunc) zc_conflict_equal);
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
  result->rejections = zc_sync_array_from_json (object, "rejections", ZC_SYNC_MAX_MUTATIONS,
                                                (ZcSyncFromJsonFunc) zc_rejection_from_json,
                                                (GDestroyNotify) zc_rejection_free, error);
  if (result->rejections == NULL)
    return NULL;

  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  result->conflicts = zc_sync_array_from_json (object, "conflicts", G_MAXUINT,
                                               (ZcSyncFromJsonFunc) zc_conflict_from_json,
                                               (GDestroyNotify) zc_conflict_free, error);
  if (result->conflicts == NULL)
    return NULL;

  for (guint i = 0; i < result->rejections->len; i++)
    {
      ZcRejection *rejection = g_ptr_array_index (result->rejections, i);

      if (!zc_sync_check_consumed (rejection->mutation_id, result->last_mutation_id, "rejections", i, error))
        return NULL;
    }

  for (guint i = 0; i < result->conflicts->len; i++)
    {
      ZcConflict *conflict = g_ptr_array_index (result->conflicts, i);

      if (!zc_sync_check_consumed (conflict->mutation_id, result->last_mutation_id, "conflicts", i, error))
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
  zc_sync_array_to_json (object, "rejections", result->rejections, (ZcSyncToJsonFunc) zc_rejection_to_json);
  zc_sync_array_to_json (object, "conflicts", result->conflicts, (ZcSyncToJsonFunc) zc_conflict_to_json);

  return zc_sync_node_take_object (object);
}
