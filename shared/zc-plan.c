/* zc-plan.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zc-json.h"
#include "zc-plan-private.h"

/* The review plan: its JSON writer and its accessors.  The strict
 * reader is in zc-plan-read.c; the rules that need the taxonomy
 * or the data files (zc_plan_validate()), scope, windows and filters
 * are in zc-plan-filter.c. */

G_DEFINE_BOXED_TYPE (ZcPlan, zc_plan, zc_plan_ref, zc_plan_unref)

static const struct
{
  const char *id;
  const char *label;
} states[] = {
  [ZC_PLAN_STATE_DRAFT]     = { "draft",     NC_("plan state", "Draft") },
  [ZC_PLAN_STATE_PUBLISHED] = { "published", NC_("plan state", "Published") },
  [ZC_PLAN_STATE_CLOSED]    = { "closed",    NC_("plan state", "Closed") },
};

/* NULL-terminated, so it is also the member list of "windows". */
const char * const zc_plan_window_ids[] = {
  "individual_start", "first_submission_deadline", "modification_deadline",
  "unit_deadline", "department_deadline", NULL
};

static const char * const window_labels[] = {
  NC_("plan window", "Start of individual declarations"),
  NC_("plan window", "First submission deadline"),
  NC_("plan window", "Modification deadline"),
  NC_("plan window", "Unit review deadline"),
  NC_("plan window", "Department review deadline"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (zc_plan_window_ids) == ZC_N_PLAN_WINDOWS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (window_labels) == ZC_N_PLAN_WINDOWS);

const char *
zc_plan_state_to_string (ZcPlanState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (states), NULL);

  return states[state].id;
}

gboolean
zc_plan_state_from_string (const char  *string,
                           ZcPlanState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (states); i++)
    if (strcmp (string, states[i].id) == 0)
      {
        *state = (ZcPlanState) i;
        return TRUE;
      }

  return FALSE;
}

const char *
zc_plan_state_get_label (ZcPlanState state,
                         ZcLanguage  language)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (states), NULL);

  return zc_translate_with_context (language, "plan state", states[state].label);
}

const char *
zc_plan_window_to_string (ZcPlanWindow window)
{
  g_return_val_if_fail ((guint) window < ZC_N_PLAN_WINDOWS, NULL);

  return zc_plan_window_ids[window];
}

const char *
zc_plan_window_get_label (ZcPlanWindow window,
                          ZcLanguage   language)
{
  g_return_val_if_fail ((guint) window < ZC_N_PLAN_WINDOWS, NULL);

  return zc_translate_with_context (language, "plan window", window_labels[window]);
}

/* ---- parts ------------------------------------------------------------ */

static void
attachment_free (gpointer data)
{
  ZcPlanAttachment *attachment = data;

  g_free (attachment->id);
  g_free (attachment->name);
  g_strfreev (attachment->types);
  g_free (attachment);
}

static void
group_free (gpointer data)
{
  ZcPlanConditionGroup *group = data;

  g_free (group->id);
  g_free (group->name);
  g_strfreev (group->categories);
  g_free (group);
}

ZcPlan *
zc_plan_alloc (void)
{
  ZcPlan *self = g_new0 (ZcPlan, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->attachments = g_ptr_array_new_with_free_func (attachment_free);
  self->condition_groups = g_ptr_array_new_with_free_func (group_free);
  return self;
}

ZcPlan *
zc_plan_ref (ZcPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
zc_plan_unref (ZcPlan *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->committee_id);
  g_free (self->committee_name);
  g_free (self->contact_phone);
  g_clear_pointer (&self->titles, json_array_unref);
  g_strfreev (self->declaration_categories);
  g_strfreev (self->methods);
  g_free (self->scope);
  g_free (self->region_code);
  g_strfreev (self->direct_unit_ids);
  g_strfreev (self->commissioned_unit_ids);
  g_clear_pointer (&self->notices, json_array_unref);
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    g_clear_pointer (&self->windows[i], g_date_time_unref);
  g_ptr_array_unref (self->attachments);
  g_ptr_array_unref (self->condition_groups);
  g_clear_pointer (&self->published_at, g_date_time_unref);
  g_clear_pointer (&self->closed_at, g_date_time_unref);
  g_free (self);
}

/* ---- writing ---------------------------------------------------------- */

static JsonNode *
strv_to_node (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return json_node_init_array (json_node_alloc (), array);
}

static void
set_timestamp (JsonObject *object,
               const char *name,
               GDateTime  *timestamp)
{
  g_autofree char *text = NULL;

  if (timestamp == NULL)
    {
      json_object_set_null_member (object, name);
      return;
    }
  text = zc_json_format_timestamp (timestamp);
  json_object_set_string_member (object, name, text);
}

/* A deep copy of @array as a node. */
static JsonNode *
array_copy_node (JsonArray *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  return zc_json_node_copy_deep (node);
}

static JsonArray *
array_copy (JsonArray *array)
{
  g_autoptr(JsonNode) node = array_copy_node (array);

  return json_node_dup_array (node);
}

static void
set_nullable_string (JsonObject *object,
                     const char *name,
                     const char *value)
{
  if (value == NULL)
    json_object_set_null_member (object, name);
  else
    json_object_set_string_member (object, name, value);
}

static JsonNode *
plan_to_json (ZcPlan   *self,
              gboolean  for_input)
{
  JsonObject *root = json_object_new ();
  JsonObject *windows = json_object_new ();
  JsonArray *attachments = json_array_new ();
  JsonArray *groups = json_array_new ();

  if (self->id != NULL)
    json_object_set_string_member (root, "id", self->id);
  if (self->version > 0)
    json_object_set_int_member (root, "version", self->version);
  if (!for_input)
    json_object_set_string_member (root, "state", zc_plan_state_to_string (self->state));
  json_object_set_int_member (root, "year", self->year);
  json_object_set_string_member (root, "name", self->name);
  if (!for_input)
    {
      set_nullable_string (root, "committee_id", self->committee_id);
      set_nullable_string (root, "committee_name", self->committee_name);
    }
  json_object_set_string_member (root, "contact_phone", self->contact_phone);
  json_object_set_string_member (root, "type", zc_plan_type_to_string (self->type));
  json_object_set_member (root, "titles", array_copy_node (self->titles));
  json_object_set_member (root, "declaration_categories",
                          strv_to_node ((const char * const *) self->declaration_categories));
  json_object_set_member (root, "methods", strv_to_node ((const char * const *) self->methods));
  json_object_set_string_member (root, "scope", self->scope);
  json_object_set_string_member (root, "region_code", self->region_code);
  json_object_set_member (root, "direct_unit_ids",
                          strv_to_node ((const char * const *) self->direct_unit_ids));
  json_object_set_member (root, "commissioned_unit_ids",
                          strv_to_node ((const char * const *) self->commissioned_unit_ids));
  json_object_set_member (root, "notices", array_copy_node (self->notices));
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    set_timestamp (windows, zc_plan_window_ids[i], self->windows[i]);
  json_object_set_object_member (root, "windows", windows);
  json_object_set_boolean_member (root, "exam", self->exam);
  json_object_set_boolean_member (root, "interview", self->interview);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      const ZcPlanAttachment *attachment = g_ptr_array_index (self->attachments, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", attachment->id);
      json_object_set_string_member (object, "name", attachment->name);
      json_object_set_member (object, "types", strv_to_node ((const char * const *) attachment->types));
      json_object_set_int_member (object, "max_bytes", attachment->max_bytes);
      json_object_set_int_member (object, "max_count", attachment->max_count);
      json_object_set_boolean_member (object, "required", attachment->required);
      json_array_add_object_element (attachments, object);
    }
  json_object_set_array_member (root, "attachments", attachments);

  for (guint i = 0; i < self->condition_groups->len; i++)
    {
      const ZcPlanConditionGroup *group = g_ptr_array_index (self->condition_groups, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", group->id);
      json_object_set_string_member (object, "name", group->name);
      json_object_set_member (object, "categories", strv_to_node ((const char * const *) group->categories));
      json_object_set_int_member (object, "min", group->min);
      if (group->max < 0)
        json_object_set_null_member (object, "max");
      else
        json_object_set_int_member (object, "max", group->max);
      json_array_add_object_element (groups, object);
    }
  json_object_set_array_member (root, "condition_groups", groups);

  if (!for_input)
    {
      set_timestamp (root, "published_at", self->published_at);
      set_timestamp (root, "closed_at", self->closed_at);
    }

  return json_node_init_object (json_node_alloc (), root);
}

/**
 * zc_plan_to_json:
 *
 * Returns: (transfer full): the plan as docs/declarations.md writes
 *   it, with the server-set members; zc_plan_new_from_json() with
 *   @for_input FALSE reads it back.
 */
JsonNode *
zc_plan_to_json (ZcPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return plan_to_json (self, FALSE);
}

/**
 * zc_plan_to_input_json:
 *
 * Returns: (transfer full): the plan without the server-set members
 *   (state, committee, published_at, closed_at), as a client sends it;
 *   zc_plan_new_from_json() with @for_input TRUE reads it back.
 */
JsonNode *
zc_plan_to_input_json (ZcPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return plan_to_json (self, TRUE);
}

ZcPlan *
zc_plan_copy (ZcPlan *self)
{
  ZcPlan *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = zc_plan_alloc ();
  copy->id = g_strdup (self->id);
  copy->version = self->version;
  copy->state = self->state;
  copy->year = self->year;
  copy->name = g_strdup (self->name);
  copy->committee_id = g_strdup (self->committee_id);
  copy->committee_name = g_strdup (self->committee_name);
  copy->contact_phone = g_strdup (self->contact_phone);
  copy->type = self->type;
  copy->titles = array_copy (self->titles);
  copy->declaration_categories = g_strdupv (self->declaration_categories);
  copy->methods = g_strdupv (self->methods);
  copy->scope = g_strdup (self->scope);
  copy->region_code = g_strdup (self->region_code);
  copy->direct_unit_ids = g_strdupv (self->direct_unit_ids);
  copy->commissioned_unit_ids = g_strdupv (self->commissioned_unit_ids);
  copy->notices = array_copy (self->notices);
  for (guint i = 0; i < ZC_N_PLAN_WINDOWS; i++)
    copy->windows[i] = g_date_time_ref (self->windows[i]);
  copy->exam = self->exam;
  copy->interview = self->interview;
  for (guint i = 0; i < self->attachments->len; i++)
    {
      const ZcPlanAttachment *from = g_ptr_array_index (self->attachments, i);
      ZcPlanAttachment *to = g_new0 (ZcPlanAttachment, 1);

      *to = *from;
      to->id = g_strdup (from->id);
      to->name = g_strdup (from->name);
      to->types = g_strdupv (from->types);
      g_ptr_array_add (copy->attachments, to);
    }
  for (guint i = 0; i < self->condition_groups->len; i++)
    {
      const ZcPlanConditionGroup *from = g_ptr_array_index (self->condition_groups, i);
      ZcPlanConditionGroup *to = g_new0 (ZcPlanConditionGroup, 1);

      *to = *from;
      to->id = g_strdup (from->id);
      to->name = g_strdup (from->name);
      to->categories = g_strdupv (from->categories);
      g_ptr_array_add (copy->condition_groups, to);
    }
  copy->published_at = self->published_at != NULL ? g_date_time_ref (self->published_at) : NULL;
  copy->closed_at = self->closed_at != NULL ? g_date_time_ref (self->closed_at) : NULL;
  return copy;
}

/* ---- server-set members ----------------------------------------------- */

void
zc_plan_set_id (ZcPlan     *self,
                const char *id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (id == NULL || zc_json_is_uuid (id));

  g_free (self->id);
  self->id = g_strdup (id);
}

void
zc_plan_set_version (ZcPlan *self,
                     gint64  version)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (version >= 1);

  self->version = version;
}

void
zc_plan_set_state (ZcPlan      *self,
                   ZcPlanState  state)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) state < G_N_ELEMENTS (states));

  self->state = state;
}

void
zc_plan_set_committee (ZcPlan     *self,
                       const char *committee_id,
                       const char *committee_name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (committee_id == NULL || zc_json_is_uuid (committee_id));

  g_free (self->committee_id);
  g_free (self->committee_name);
  self->committee_id = g_strdup (committee_id);
  self->committee_name = g_strdup (committee_name);
}

static void
replace_time (GDateTime **slot,
              GDateTime  *value)
{
  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);
}

void
zc_plan_set_published_at (ZcPlan    *self,
                          GDateTime *published_at)
{
  g_return_if_fail (self != NULL);

  replace_time (&self->published_at, published_at);
}

void
zc_plan_set_closed_at (ZcPlan    *self,
                       GDateTime *closed_at)
{
  g_return_if_fail (self != NULL);

  replace_time (&self->closed_at, closed_at);
}

/* ---- getters ---------------------------------------------------------- */

#define GETTER(type, name, expr, fallback)      \
  type                                           \
  zc_plan_get_##name (ZcPlan *self)              \
  {                                              \
    g_return_val_if_fail (self != NULL, fallback); \
    return expr;                                 \
  }

GETTER (const char *, id, self->id, NULL)
GETTER (gint64, version, self->version, 0)
GETTER (ZcPlanState, state, self->state, ZC_PLAN_STATE_DRAFT)
GETTER (gint64, year, self->year, 0)
GETTER (const char *, name, self->name, NULL)
GETTER (const char *, committee_id, self->committee_id, NULL)
GETTER (const char *, committee_name, self->committee_name, NULL)
GETTER (const char *, contact_phone, self->contact_phone, NULL)
GETTER (ZcPlanType, plan_type, self->type, ZC_PLAN_TYPE_REVIEW)
GETTER (JsonArray *, titles, self->titles, NULL)
GETTER (const char * const *, declaration_categories, (const char * const *) self->declaration_categories, NULL)
GETTER (const char * const *, methods, (const char * const *) self->methods, NULL)
GETTER (const char *, scope_text, self->scope, NULL)
GETTER (const char *, region_code, self->region_code, NULL)
GETTER (const char * const *, direct_unit_ids, (const char * const *) self->direct_unit_ids, NULL)
GETTER (const char * const *, commissioned_unit_ids, (const char * const *) self->commissioned_unit_ids, NULL)
GETTER (JsonArray *, notices, self->notices, NULL)
GETTER (gboolean, exam, self->exam, FALSE)
GETTER (gboolean, interview, self->interview, FALSE)
GETTER (GDateTime *, published_at, self->published_at, NULL)
GETTER (GDateTime *, closed_at, self->closed_at, NULL)
GETTER (guint, n_attachments, self->attachments->len, 0)
GETTER (guint, n_condition_groups, self->condition_groups->len, 0)

#undef GETTER

GDateTime *
zc_plan_get_window (ZcPlan       *self,
                    ZcPlanWindow  window)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) window < ZC_N_PLAN_WINDOWS, NULL);

  return self->windows[window];
}

const ZcPlanAttachment *
zc_plan_get_attachment (ZcPlan *self,
                        guint   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->attachments->len, NULL);

  return g_ptr_array_index (self->attachments, index);
}

const ZcPlanAttachment *
zc_plan_find_attachment (ZcPlan     *self,
                         const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      const ZcPlanAttachment *attachment = g_ptr_array_index (self->attachments, i);

      if (strcmp (attachment->id, id) == 0)
        return attachment;
    }
  return NULL;
}

const ZcPlanConditionGroup *
zc_plan_get_condition_group (ZcPlan *self,
                             guint   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->condition_groups->len, NULL);

  return g_ptr_array_index (self->condition_groups, index);
}

const ZcPlanConditionGroup *
zc_plan_find_condition_group (ZcPlan     *self,
                              const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->condition_groups->len; i++)
    {
      const ZcPlanConditionGroup *group = g_ptr_array_index (self->condition_groups, i);

      if (strcmp (group->id, id) == 0)
        return group;
    }
  return NULL;
}
