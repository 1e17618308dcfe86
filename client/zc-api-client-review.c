/* zc-api-client-review.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "zc-api-client-private.h"
#include "zc-json.h"
#include "zc-plan.h"
#include "zc-unit-statistics.h"

/* The calls of the review workflow on top of zc-api-client.c's
 * requests: plans and declarations, the committee's plans and roster,
 * units, and the unit officer's desk (docs/api.md). */

/* Plans and declarations (docs/declarations.md) */

/* The plans of a list, leaving out the ones this version cannot read */
static GPtrArray *
parse_plan_array (JsonArray *array)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      ZcPlan *plan = zc_plan_new_from_json (json_array_get_element (array, i), FALSE, &local_error);

      if (plan == NULL)
        {
          g_message ("Plan %u of the server’s list is left out: %s", i, local_error->message);
          continue;
        }
      if (zc_plan_get_id (plan) == NULL || zc_plan_get_version (plan) < 1)
        {
          g_message ("Plan %u of the server’s list has no id or version: left out", i);
          zc_plan_unref (plan);
          continue;
        }
      g_ptr_array_add (plans, plan);
    }
  return g_steal_pointer (&plans);
}

/**
 * zc_api_client_parse_plans:
 * @answer: the answer of `GET /api/v1/plans`: `{"plans": […], …}`
 *
 * A plan this version cannot read is left out (with a message in the
 * log): one odd plan must not keep the others from the cache.
 *
 * Returns: (transfer full) (element-type ZcPlan): the plans, or %NULL
 *   with ZC_API_CLIENT_ERROR_PROTOCOL when the answer has no list
 */
GPtrArray *
zc_api_client_parse_plans (JsonNode  *answer,
                           GError   **error)
{
  JsonArray *array;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  array = zc_api_client_answer_array (answer, "plans");
  if (array == NULL)
    {
      g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                           _("The server’s answer is not a list of review plans"));
      return NULL;
    }
  return parse_plan_array (array);
}

/* Every page of a list (docs/api.md: at most 200 a page, with the
 * total), asked for one after the other; the pages' @member arrays
 * joined.  An item this version cannot read still counts as sent. */
#define LIST_PAGE_SIZE 200

typedef struct
{
  char       *path;     /* owned: with its query, without limit and offset */
  char       *member;   /* owned */
  const char *what;     /* the error when an answer holds no list (translated, static) */
  JsonArray  *items;    /* owned */
} Paging;

static void
paging_free (Paging *paging)
{
  g_free (paging->path);
  g_free (paging->member);
  json_array_unref (paging->items);
  g_free (paging);
}

static void request_page (GTask *task);

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Paging *paging = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *page;
  guint n;

  if (!zc_api_client_call_finish (ZC_API_CLIENT (source), result, &answer, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  page = zc_api_client_answer_array (answer, paging->member);
  if (page == NULL)
    {
      g_task_return_new_error (task, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL, "%s", paging->what);
      return;
    }
  n = json_array_get_length (page);
  for (guint i = 0; i < n; i++)
    json_array_add_element (paging->items, json_node_copy (json_array_get_element (page, i)));
  if (n > 0 && zc_api_client_answer_total (answer) > (gint64) json_array_get_length (paging->items))
    {
      request_page (g_steal_pointer (&task));
      return;
    }
  g_task_return_pointer (task, json_array_ref (paging->items), (GDestroyNotify) json_array_unref);
}

static void
request_page (GTask *task)
{
  Paging *paging = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("%s%climit=%u&offset=%u", paging->path,
                                           strchr (paging->path, '?') != NULL ? '&' : '?', LIST_PAGE_SIZE,
                                           json_array_get_length (paging->items));

  zc_api_client_call_async (g_task_get_source_object (task), SOUP_METHOD_GET, path, NULL,
                            g_task_get_cancellable (task), on_page, task);
}

/* GET @path page by page; finish with g_task_propagate_pointer() for
 * the joined JsonArray. */
static void
list_every_page (ZcApiClient         *self,
                 const char          *path,
                 const char          *member,
                 const char          *what,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Paging *paging = g_new0 (Paging, 1);

  g_task_set_source_tag (task, source_tag);
  paging->path = g_strdup (path);
  paging->member = g_strdup (member);
  paging->what = what;
  paging->items = json_array_new ();
  g_task_set_task_data (task, paging, (GDestroyNotify) paging_free);
  request_page (task);
}

static void
on_every_plan (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonArray) items = NULL;
  GError *error = NULL;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, parse_plan_array (items), (GDestroyNotify) g_ptr_array_unref);
}

/* GET /api/v1/plans: the plans the caller may see (published and
 * closed for an applicant), every page. */
void
zc_api_client_list_plans_async (ZcApiClient         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ZC_IS_API_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zc_api_client_list_plans_async);
  list_every_page (self, "/api/v1/plans", "plans", _("The server’s answer is not a list of review plans"),
                   zc_api_client_list_plans_async, cancellable, on_every_plan, task);
}

/**
 * zc_api_client_list_plans_finish:
 *
 * Returns: (transfer full) (element-type ZcPlan): the plans
 */
GPtrArray *
zc_api_client_list_plans_finish (ZcApiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /api/v1/declarations/{id}: the declaration with the server's
 * timeline; read the answer with zc_declaration_timeline_entries_from_json(). */
void
zc_api_client_get_declaration_async (ZcApiClient         *self,
                                     const char          *id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/api/v1/declarations/", escaped, NULL);
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_get_declaration_finish:
 *
 * Returns: (transfer full): the answer, an object
 */
JsonNode *
zc_api_client_get_declaration_finish (ZcApiClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  return zc_api_client_finish_object (self, result, _("The server’s answer is not a declaration"), error);
}

/* The reviewers' desks (docs/api.md "Declarations") */

/**
 * zc_api_client_list_declarations_async:
 * @state: (nullable): a state id to list only that one
 * @plan_id: (nullable): a plan's UUID to list only its declarations
 * @limit: 1–200; 0 for the server's default
 *
 * GET /api/v1/declarations: the caller's own declarations, or an
 * officer's queue, longest waiting first.
 */
void
zc_api_client_list_declarations_async (ZcApiClient         *self,
                                       const char          *state,
                                       const char          *plan_id,
                                       guint                limit,
                                       guint                offset,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/api/v1/declarations?offset=");

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (limit <= 200);

  g_string_append_printf (path, "%u", offset);
  if (limit > 0)
    g_string_append_printf (path, "&limit=%u", limit);
  if (state != NULL && *state != '\0')
    {
      g_string_append (path, "&state=");
      g_string_append_uri_escaped (path, state, NULL, FALSE);
    }
  if (plan_id != NULL && *plan_id != '\0')
    {
      g_string_append (path, "&plan_id=");
      g_string_append_uri_escaped (path, plan_id, NULL, FALSE);
    }
  zc_api_client_call_async (self, SOUP_METHOD_GET, path->str, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_list_declarations_finish:
 * @total: (out) (optional): how many the whole list holds
 *
 * Returns: (transfer full) (element-type JsonObject): the records of
 *   this page, each an object
 */
GPtrArray *
zc_api_client_list_declarations_finish (ZcApiClient   *self,
                                        GAsyncResult  *result,
                                        gint64        *total,
                                        GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) records = NULL;
  JsonArray *array;
  gint64 count;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  array = zc_api_client_answer_array (answer, "declarations");
  if (array == NULL)
    {
      g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                           _("The server’s answer is not a list of declarations"));
      return NULL;
    }
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                               _("The server’s answer is not a list of declarations"));
          return NULL;
        }
      g_ptr_array_add (records, json_object_ref (json_node_get_object (element)));
    }
  count = zc_api_client_answer_total (answer);
  if (total != NULL)
    *total = count >= 0 ? count : (gint64) records->len;
  return g_steal_pointer (&records);
}

/**
 * zc_api_client_act_on_declaration_async:
 * @request: the body of POST /api/v1/declarations/{id}/actions:
 *   `{action, expected_state, expected_version?, comment?, args?}`
 */
void
zc_api_client_act_on_declaration_async (ZcApiClient         *self,
                                        const char          *id,
                                        JsonObject          *request,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_return_if_fail (request != NULL);

  body = json_node_init_object (json_node_alloc (), request);
  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/api/v1/declarations/", escaped, "/actions", NULL);
  zc_api_client_call_async (self, SOUP_METHOD_POST, path, body, cancellable, callback, user_data);
}

/**
 * zc_api_client_act_on_declaration_finish:
 *
 * Returns: (transfer full): the record as it is now, an object
 */
JsonNode *
zc_api_client_act_on_declaration_finish (ZcApiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  return zc_api_client_finish_object (self, result, _("The server’s answer is not a declaration"), error);
}

/* GET /api/v1/declarations/{id}/review-form.pdf; finish with
 * zc_api_client_download_finish(). */
void
zc_api_client_download_review_form_async (ZcApiClient         *self,
                                          const char          *id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/api/v1/declarations/", escaped, "/review-form.pdf", NULL);
  zc_api_client_download_async (self, path, cancellable, callback, user_data);
}


/* The committee's plans, the roster, unit search (issue 7) */

static char *
plan_path (const char *id,
           const char *action)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/api/v1/plans/", escaped, action != NULL ? "/" : NULL, action, NULL);
}

/* POST /api/v1/plans: @plan as a new draft (its id and version are
 * not sent).  Finish with zc_api_client_plan_call_finish(). */
void
zc_api_client_create_plan_async (ZcApiClient         *self,
                                 ZcPlan              *plan,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (plan != NULL);

  body = zc_plan_to_input_json (plan);
  json_object_remove_member (json_node_get_object (body), "id");
  json_object_remove_member (json_node_get_object (body), "version");
  zc_api_client_call_async (self, SOUP_METHOD_POST, "/api/v1/plans", body, cancellable, callback, user_data);
}

/* PUT /api/v1/plans/{id}: replaces the draft; @plan carries the id and
 * the version being edited. */
void
zc_api_client_update_plan_async (ZcApiClient         *self,
                                 ZcPlan              *plan,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (plan != NULL && zc_plan_get_id (plan) != NULL && zc_plan_get_version (plan) >= 1);

  body = zc_plan_to_input_json (plan);
  path = plan_path (zc_plan_get_id (plan), NULL);
  zc_api_client_call_async (self, SOUP_METHOD_PUT, path, body, cancellable, callback, user_data);
}

/* POST /api/v1/plans/{id}/@action ("publish", "close", "revise") with
 * the version the caller saw (0: none sent). */
void
zc_api_client_plan_action_async (ZcApiClient         *self,
                                 const char          *id,
                                 const char          *action,
                                 gint64               version,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  JsonObject *object;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');
  g_return_if_fail (g_strcmp0 (action, "publish") == 0 || g_strcmp0 (action, "close") == 0 ||
                    g_strcmp0 (action, "revise") == 0);

  object = json_object_new ();
  if (version > 0)
    json_object_set_int_member (object, "version", version);
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  path = plan_path (id, action);
  zc_api_client_call_async (self, SOUP_METHOD_POST, path, body, cancellable, callback, user_data);
}

/**
 * zc_api_client_plan_call_finish:
 *
 * Finishes a create, update or action call.
 *
 * Returns: (transfer full): the plan the server answered with
 */
ZcPlan *
zc_api_client_plan_call_finish (ZcApiClient   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  ZcPlan *plan;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  plan = answer != NULL ? zc_plan_new_from_json (answer, FALSE, &local_error) : NULL;
  if (plan == NULL)
    {
      g_set_error (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                   _("The server’s answer is not a review plan (%s)"),
                   local_error != NULL ? local_error->message : "empty");
      return NULL;
    }
  return plan;
}

/* GET /api/v1/declarations?plan_id=…: every declaration of a plan the
 * caller may see, all pages. */
void
zc_api_client_list_plan_declarations_async (ZcApiClient         *self,
                                            const char          *plan_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (plan_id != NULL && *plan_id != '\0');

  escaped = g_uri_escape_string (plan_id, NULL, FALSE);
  path = g_strconcat ("/api/v1/declarations?plan_id=", escaped, NULL);
  list_every_page (self, path, "declarations", _("The server’s answer is not a list of declarations"),
                   zc_api_client_list_plan_declarations_async, cancellable, callback, user_data);
}

/**
 * zc_api_client_list_plan_declarations_finish:
 *
 * Returns: (transfer full): the records, as the list answer carries them
 */
JsonArray *
zc_api_client_list_plan_declarations_finish (ZcApiClient   *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /api/v1/units?query=…&limit=…: units whose name holds @query (or
 * with that credit code). */
void
zc_api_client_search_units_async (ZcApiClient         *self,
                                  const char          *query,
                                  guint                limit,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (query != NULL);

  escaped = g_uri_escape_string (query, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/units?query=%s&limit=%u", escaped, CLAMP (limit, 1, 200));
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/* GET /api/v1/units/{id}; finish with zc_api_client_units_finish(), a
 * list of one. */
void
zc_api_client_get_unit_async (ZcApiClient         *self,
                              const char          *id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (id != NULL && *id != '\0');

  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strconcat ("/api/v1/units/", escaped, NULL);
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_units_finish:
 *
 * Finishes a unit search (`{"units": […]}`) or a unit lookup (one
 * object).
 *
 * Returns: (transfer full): the units, objects with id and name
 */
JsonArray *
zc_api_client_units_finish (ZcApiClient   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *units;
  JsonNode *list;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    goto bad;

  list = json_object_get_member (json_node_get_object (answer), "units");
  if (list == NULL)
    {
      units = json_array_new ();
      json_array_add_element (units, json_node_copy (answer));
      return units;
    }
  if (!JSON_NODE_HOLDS_ARRAY (list))
    goto bad;
  return json_array_ref (json_node_get_array (list));

bad:
  g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                       _("The server’s answer is not a list of units"));
  return NULL;
}

/* The unit officer's desk */

/**
 * zc_api_client_get_unit_statistics_async:
 * @unit_id: the caller's own unit
 *
 * `GET /api/v1/units/{id}/statistics`: the unit's professional staff by
 * series and level.
 */
void
zc_api_client_get_unit_statistics_async (ZcApiClient         *self,
                                         const char          *unit_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (unit_id != NULL && *unit_id != '\0');

  escaped = g_uri_escape_string (unit_id, NULL, FALSE);
  path = g_strconcat ("/api/v1/units/", escaped, "/statistics", NULL);
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_get_unit_statistics_finish:
 *
 * Returns: (transfer full): the numbers, or %NULL (an answer whose
 *   totals do not add up is %ZC_API_CLIENT_ERROR_PROTOCOL)
 */
ZcUnitStatistics *
zc_api_client_get_unit_statistics_finish (ZcApiClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  ZcUnitStatistics *statistics;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  statistics = answer != NULL ? zc_unit_statistics_from_json (answer, &local_error) : NULL;
  if (statistics == NULL)
    {
      g_debug ("Unit statistics: %s", local_error != NULL ? local_error->message : "no answer");
      g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                           _("The server’s answer is not the unit’s statistics"));
    }
  return statistics;
}

/**
 * zc_api_client_list_unit_bindings_async:
 * @unit_id: the caller's own unit
 * @state: (nullable): "pending" …, or %NULL for all
 *
 * `GET /api/v1/units/{id}/bindings`, oldest first, at most 200.
 */
void
zc_api_client_list_unit_bindings_async (ZcApiClient         *self,
                                        const char          *unit_id,
                                        const char          *state,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *escaped_state = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (unit_id != NULL && *unit_id != '\0');

  escaped = g_uri_escape_string (unit_id, NULL, FALSE);
  escaped_state = state != NULL ? g_uri_escape_string (state, NULL, FALSE) : NULL;
  path = g_strconcat ("/api/v1/units/", escaped, "/bindings?limit=200",
                      escaped_state != NULL ? "&state=" : NULL, escaped_state, NULL);
  zc_api_client_call_async (self, SOUP_METHOD_GET, path, NULL, cancellable, callback, user_data);
}

/**
 * zc_api_client_list_unit_bindings_finish:
 *
 * Returns: (transfer full): the binding requests, every element an object
 */
JsonArray *
zc_api_client_list_unit_bindings_finish (ZcApiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;
  JsonArray *bindings = NULL;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  if (!zc_api_client_call_finish (self, result, &answer, error))
    return NULL;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer) ||
      !zc_json_get_array (json_node_get_object (answer), "bindings", TRUE, &bindings, NULL) || bindings == NULL)
    goto bad;
  for (guint i = 0; i < json_array_get_length (bindings); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (bindings, i)))
        goto bad;
    }
  return json_array_ref (bindings);

bad:
  g_set_error_literal (error, ZC_API_CLIENT_ERROR, ZC_API_CLIENT_ERROR_PROTOCOL,
                       _("The server’s answer is not a list of binding requests"));
  return NULL;
}

/**
 * zc_api_client_decide_binding_async:
 * @comment: (nullable): the reason; the server requires one to deny
 *
 * `POST /api/v1/bindings/{id}/decision`.
 */
void
zc_api_client_decide_binding_async (ZcApiClient         *self,
                                    const char          *binding_id,
                                    gboolean             approve,
                                    const char          *comment,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ZC_IS_API_CLIENT (self));
  g_return_if_fail (binding_id != NULL && *binding_id != '\0');

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, approve ? "approve" : "deny");
  if (comment != NULL && *comment != '\0')
    {
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, comment);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  escaped = g_uri_escape_string (binding_id, NULL, FALSE);
  path = g_strconcat ("/api/v1/bindings/", escaped, "/decision", NULL);
  zc_api_client_call_async (self, SOUP_METHOD_POST, path, body, cancellable, callback, user_data);
}

/**
 * zc_api_client_decide_binding_finish:
 *
 * Returns: (transfer full): the decided request
 */
JsonObject *
zc_api_client_decide_binding_finish (ZcApiClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(JsonNode) answer = NULL;

  g_return_val_if_fail (ZC_IS_API_CLIENT (self), NULL);

  answer = zc_api_client_finish_object (self, result, _("The server’s answer is not a binding request"), error);
  return answer != NULL ? json_object_ref (json_node_get_object (answer)) : NULL;
}
