/* zc-api-json.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-api"

#include "config.h"

#include <string.h>

#include "zc-api-json.h"
#include "zc-json.h"

/* Returns: (transfer full): RFC 3339 in UTC, to the second */
char *
zc_api_json_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return zc_json_format_timestamp (time);
}

/**
 * zc_api_json_mask:
 *
 * Returns: (transfer full) (nullable): @text with all but its first
 *   @keep_start and last @keep_end characters replaced by *
 */
char *
zc_api_json_mask (const char *text,
                  guint       keep_start,
                  guint       keep_end)
{
  gsize length;
  char *masked;

  if (text == NULL)
    return NULL;

  length = strlen (text);
  masked = g_strdup (text);
  for (gsize i = keep_start; i + keep_end < length; i++)
    masked[i] = '*';

  return masked;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       usec)
{
  g_autofree char *text = usec != 0 ? zc_api_json_time (usec) : NULL;

  add_string (builder, name, text);
}

static void
add_unit_members (JsonBuilder   *builder,
                  const ZcUnit  *unit,
                  ZcApiUnitView  view)
{
  add_string (builder, "id", unit->id);
  add_string (builder, "name", unit->name);
  add_string (builder, "kind", zc_unit_kind_to_string (unit->kind));
  add_string (builder, "region_code", unit->region_code);
  if (view == ZC_API_UNIT_FULL)
    {
      add_string (builder, "credit_code", unit->credit_code);
      add_string (builder, "department_id", unit->department_id);
      add_time (builder, "created_at", unit->created_at);
    }
}

JsonNode *
zc_api_json_unit (const ZcUnit  *unit,
                  ZcApiUnitView  view)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (unit != NULL, NULL);

  json_builder_begin_object (builder);
  add_unit_members (builder, unit, view);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * zc_api_json_account:
 * @unit: (nullable): the account's unit, when it has one
 *
 * The whole account but its password hash: for its holder, an
 * administrator, or the officer of its unit.
 */
JsonNode *
zc_api_json_account (const ZcAccount *account,
                     const ZcUnit    *unit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (account != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", account->id);
  add_string (builder, "name", account->name);
  add_string (builder, "id_number", account->id_number);
  add_string (builder, "gender", account->gender);
  add_string (builder, "birth_date", account->birth_date);
  add_string (builder, "mobile", account->mobile);
  add_string (builder, "role", zc_role_to_string (account->role));
  json_builder_set_member_name (builder, "unit");
  if (unit != NULL)
    {
      json_builder_begin_object (builder);
      add_unit_members (builder, unit, ZC_API_UNIT_PUBLIC);
      json_builder_end_object (builder);
    }
  else if (account->unit_id != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", account->unit_id);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "must_change_password");
  json_builder_add_boolean_value (builder, account->must_change_password);
  add_time (builder, "created_at", account->created_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * zc_api_json_binding:
 * @for_officer: the unit's officer reads it: the applicant's ID number
 *   and mobile are partly masked until the request is approved
 */
JsonNode *
zc_api_json_binding (const ZcBinding *binding,
                     gboolean         for_officer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id_number = NULL;
  g_autofree char *mobile = NULL;
  gboolean mask;

  g_return_val_if_fail (binding != NULL, NULL);

  mask = for_officer && binding->state != ZC_BINDING_STATE_APPROVED;
  id_number = mask ? zc_api_json_mask (binding->applicant_id_number, 6, 4) : g_strdup (binding->applicant_id_number);
  mobile = mask ? zc_api_json_mask (binding->applicant_mobile, 3, 4) : g_strdup (binding->applicant_mobile);

  json_builder_begin_object (builder);
  add_string (builder, "id", binding->id);
  add_string (builder, "state", zc_binding_state_to_string (binding->state));
  json_builder_set_member_name (builder, "freelancer");
  json_builder_add_boolean_value (builder, binding->freelancer);
  add_string (builder, "comment", binding->comment);
  add_string (builder, "decision_comment", binding->decision_comment);
  add_time (builder, "created_at", binding->created_at);
  add_time (builder, "decided_at", binding->decided_at);

  json_builder_set_member_name (builder, "unit");
  json_builder_begin_object (builder);
  add_string (builder, "id", binding->unit_id);
  add_string (builder, "name", binding->unit_name);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "applicant");
  json_builder_begin_object (builder);
  add_string (builder, "id", binding->account_id);
  add_string (builder, "name", binding->applicant_name);
  add_string (builder, "gender", binding->applicant_gender);
  add_string (builder, "birth_date", binding->applicant_birth_date);
  add_string (builder, "id_number", id_number);
  add_string (builder, "mobile", mobile);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
