/* zc-declaration-check.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-declaration-check-private.h"

#include "zc-declaration-body.h"
#include "zc-review-state.h"
#include "zc-taxonomy-loader.h"

/* The check (开始检测): the items of docs/declarations.md "The check"
 * in the order of its table.  The rules themselves are in
 * zc-declaration-check-items.c; this file prepares what they read and
 * holds the public API. */

G_DEFINE_QUARK (zc-declaration-check-error-quark, zc_declaration_check_error)

G_DEFINE_BOXED_TYPE (ZcCheckItem, zc_check_item, zc_check_item_copy, zc_check_item_free)

#define ARCHIVE_KIND_PREFIX "archive:"

/* China has kept one offset all year since 1991. */
#define BEIJING_OFFSET_SECONDS (8 * 3600)

ZcCheckItem *
zc_check_item_new_take (const char *id,
                        char       *label,
                        gboolean    passed,
                        char       *reason,
                        int         step)
{
  ZcCheckItem *item = g_new0 (ZcCheckItem, 1);

  g_assert (id != NULL && label != NULL);

  item->id = g_strdup (id);
  item->label = label;
  item->passed = passed;
  item->reason = reason;
  item->step = step;
  return item;
}

/**
 * zc_check_item_copy:
 * @item: an item
 *
 * Returns: (transfer full): an independent copy
 */
ZcCheckItem *
zc_check_item_copy (const ZcCheckItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return zc_check_item_new_take (item->id, g_strdup (item->label), item->passed,
                                 g_strdup (item->reason), item->step);
}

void
zc_check_item_free (ZcCheckItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->label);
  g_free (item->reason);
  g_free (item);
}

/* ---- helpers for the rules -------------------------------------------- */

char *
zc_check_join_reasons (GPtrArray  *reasons,
                       ZcLanguage  language)
{
  /* TRANSLATORS: between two reasons of one check item */
  const char *separator = zc_translate_with_context (language, "check reasons", "; ");
  GString *joined;

  if (reasons == NULL || reasons->len == 0)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < reasons->len; i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, g_ptr_array_index (reasons, i));
    }
  return g_string_free (joined, FALSE);
}

char *
zc_check_format_time (GDateTime *time,
                      gboolean   with_time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (BEIJING_OFFSET_SECONDS);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (time, zone);
  return g_date_time_format (local, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d");
}

const char *
zc_check_record_category (ZcRecord *record)
{
  const char *kind = zc_record_get_kind (record);

  if (kind == NULL || !g_str_has_prefix (kind, ARCHIVE_KIND_PREFIX))
    return NULL;
  return kind + strlen (ARCHIVE_KIND_PREFIX);
}

gboolean
zc_check_record_usable (ZcRecord *record)
{
  ZcReviewState state;

  if (!zc_review_state_from_string (zc_record_get_state (record), &state))
    return FALSE;
  return state == ZC_REVIEW_STATE_APPROVED || state == ZC_REVIEW_STATE_PENDING;
}

gboolean
zc_check_record_pending (ZcRecord *record)
{
  ZcReviewState state;

  return zc_review_state_from_string (zc_record_get_state (record), &state) &&
         state == ZC_REVIEW_STATE_PENDING;
}

ZcRecord *
zc_check_context_find_record (ZcCheckContext *context,
                              const char     *id)
{
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (context->records, id);
}

/* A member counts as filled when it is a non-empty string, or any
 * other non-null value. */
static gboolean
member_is_filled (JsonObject *object,
                  const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return FALSE;
  node = json_object_get_member (object, name);
  if (JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) != '\0';
  return TRUE;
}

guint
zc_check_context_count_usable (ZcCheckContext *context,
                               const char     *category,
                               const char     *required_member)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_hash_table_iter_init (&iter, context->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ZcRecord *record = value;
      const char *record_category = zc_check_record_category (record);

      if (record_category == NULL || strcmp (record_category, category) != 0 ||
          !zc_check_record_usable (record))
        continue;
      if (required_member != NULL && !member_is_filled (zc_record_get_body (record), required_member))
        continue;
      count++;
    }
  return count;
}

/* ---- the context ------------------------------------------------------ */

static void
context_init (ZcCheckContext     *context,
              const ZcCheckInput *input,
              ZcLanguage          language)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (BEIJING_OFFSET_SECONDS);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (input->now, zone);
  JsonObject *body_info = input->body != NULL ? zc_declaration_body_get_info (input->body) : NULL;

  memset (context, 0, sizeof *context);
  context->input = input;
  context->language = language;
  context->taxonomy = input->taxonomy != NULL ? input->taxonomy : zc_taxonomy_get_default ();

  /* The wizard's info step starts from the personal information and
   * may change members of it: the declaration's copy wins. */
  context->info = input->personal_info != NULL ? zc_json_object_copy_deep (input->personal_info)
                                                 : json_object_new ();
  if (body_info != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, body_info);
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (context->info, name, zc_json_node_copy_deep (member));
    }

  context->records = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; input->archive != NULL && i < input->archive->len; i++)
    {
      ZcRecord *record = g_ptr_array_index (input->archive, i);

      if (zc_record_get_deleted (record) || zc_check_record_category (record) == NULL)
        continue;
      g_hash_table_insert (context->records, (gpointer) zc_record_get_id (record), record);
    }

  g_date_clear (&context->today, 1);
  g_date_set_dmy (&context->today,
                  (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

static void
context_clear (ZcCheckContext *context)
{
  g_clear_pointer (&context->info, json_object_unref);
  g_clear_pointer (&context->records, g_hash_table_unref);
}

static gboolean
input_is_valid (const ZcCheckInput *input)
{
  return input != NULL && input->plan != NULL && input->body != NULL && input->now != NULL &&
         (input->n_others == 0 || input->others != NULL) &&
         (input->n_bans == 0 || input->bans != NULL);
}

/* ---- the public API --------------------------------------------------- */

/**
 * zc_declaration_check_run:
 * @input: the declaration and what it is checked against
 * @language: the language of labels and reasons
 *
 * Runs every item of the check, whatever fails before it.
 *
 * Returns: (transfer full) (element-type ZcCheckItem): the items in the
 *   order of docs/declarations.md, one per condition group in the
 *   plan's order in place of `group:<id>`
 */
GPtrArray *
zc_declaration_check_run (const ZcCheckInput *input,
                          ZcLanguage          language)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_check_item_free);
  ZcCheckContext context;
  guint n_groups;

  g_return_val_if_fail (input_is_valid (input), items);

  context_init (&context, input, language);

  g_ptr_array_add (items, zc_check_item_personal_info (&context));
  g_ptr_array_add (items, zc_check_item_photo (&context));
  g_ptr_array_add (items, zc_check_item_work_experience (&context));
  g_ptr_array_add (items, zc_check_item_education (&context));
  g_ptr_array_add (items, zc_check_item_annual_assessment (&context));
  g_ptr_array_add (items, zc_check_item_title (&context));
  g_ptr_array_add (items, zc_check_item_method (&context));
  g_ptr_array_add (items, zc_check_item_specialty_matches (&context));
  g_ptr_array_add (items, zc_check_item_work_summary (&context));
  g_ptr_array_add (items, zc_check_item_picks (&context));
  n_groups = zc_plan_get_n_condition_groups (input->plan);
  for (guint i = 0; i < n_groups; i++)
    g_ptr_array_add (items, zc_check_item_group (&context, zc_plan_get_condition_group (input->plan, i)));
  g_ptr_array_add (items, zc_check_item_attachments (&context));
  g_ptr_array_add (items, zc_check_item_commitment (&context));
  g_ptr_array_add (items, zc_check_item_window (&context));
  g_ptr_array_add (items, zc_check_item_one_per_year (&context));
  g_ptr_array_add (items, zc_check_item_last_year (&context));
  g_ptr_array_add (items, zc_check_item_integrity (&context));
  g_ptr_array_add (items, zc_check_item_scope (&context));

  context_clear (&context);
  return items;
}

/**
 * zc_declaration_check_all_passed:
 * @items: (element-type ZcCheckItem): the result of zc_declaration_check_run()
 *
 * Returns: whether every item passed (and there is at least one)
 */
gboolean
zc_declaration_check_all_passed (GPtrArray *items)
{
  g_return_val_if_fail (items != NULL, FALSE);

  for (guint i = 0; i < items->len; i++)
    if (!((ZcCheckItem *) g_ptr_array_index (items, i))->passed)
      return FALSE;
  return items->len > 0;
}

/**
 * zc_declaration_check_to_json:
 * @items: (element-type ZcCheckItem): items
 *
 * The items as the API gives them: `[{"id", "label", "passed",
 * "reason" (string or null), "step" (a wizard step id or null)}]`.
 *
 * Returns: (transfer full): a JSON array
 */
JsonNode *
zc_declaration_check_to_json (GPtrArray *items)
{
  JsonArray *array;

  g_return_val_if_fail (items != NULL, NULL);

  array = json_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const ZcCheckItem *item = g_ptr_array_index (items, i);
      JsonObject *object = json_object_new ();
      const char *step = NULL;

      if (item->step >= 0 && item->step < ZC_N_DECLARATION_STEPS)
        step = zc_declaration_step_to_string ((ZcDeclarationStep) item->step);

      json_object_set_string_member (object, "id", item->id);
      json_object_set_string_member (object, "label", item->label);
      json_object_set_boolean_member (object, "passed", item->passed);
      if (item->reason != NULL)
        json_object_set_string_member (object, "reason", item->reason);
      else
        json_object_set_null_member (object, "reason");
      if (step != NULL)
        json_object_set_string_member (object, "step", step);
      else
        json_object_set_null_member (object, "step");
      json_array_add_object_element (array, object);
    }

  return json_node_init_array (json_node_alloc (), array);
}

/* Whether the plan takes new declarations: published, not closed. */
static ZcCheckItem *
plan_open_item (ZcCheckContext *context)
{
  ZcPlan *plan = context->input->plan;
  ZcLanguage language = context->language;
  char *reason = NULL;

  if (zc_plan_get_state (plan) == ZC_PLAN_STATE_DRAFT)
    reason = g_strdup (zc_translate (language, N_("The plan is not published")));
  else if (zc_plan_get_state (plan) == ZC_PLAN_STATE_CLOSED || zc_plan_get_closed_at (plan) != NULL)
    reason = g_strdup (zc_translate (language, N_("The plan is closed to new declarations")));

  return zc_check_item_new_take ("plan_open",
                                 g_strdup (zc_translate_with_context (language, "check item",
                                                                      "The plan is open")),
                                 reason == NULL, reason, -1);
}

/**
 * zc_declaration_check_may_create:
 * @input: the new declaration's plan, the applicant's other
 *   declarations, bans, unit and the time; the body may be empty
 * @language: the language of the message
 * @error: return location for a %ZC_DECLARATION_CHECK_ERROR
 *
 * The rules of a new declaration (docs/declarations.md "What the server
 * enforces"): plan published and not closed, the first-submission window
 * open, one declaration per year, no integrity ban, nothing unfinished
 * from an earlier year, the unit in the plan's scope (a commissioned
 * unit may create; its letter is asked for at submission).
 *
 * Returns: %TRUE when a declaration may be created; otherwise %FALSE
 *   with the first failure, its code the item
 */
gboolean
zc_declaration_check_may_create (const ZcCheckInput *input,
                                 ZcLanguage          language,
                                 GError            **error)
{
  ZcCheckInput create_input;
  ZcCheckContext context;
  static const ZcDeclarationCheckError codes[] = {
    ZC_DECLARATION_CHECK_ERROR_PLAN_NOT_OPEN,
    ZC_DECLARATION_CHECK_ERROR_WINDOW_CLOSED,
    ZC_DECLARATION_CHECK_ERROR_ONE_PER_YEAR,
    ZC_DECLARATION_CHECK_ERROR_INTEGRITY_BAN,
    ZC_DECLARATION_CHECK_ERROR_LAST_YEAR_UNFINISHED,
    ZC_DECLARATION_CHECK_ERROR_OUT_OF_SCOPE,
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (input != NULL && input->plan != NULL && input->now != NULL, FALSE);
  g_return_val_if_fail (input->n_others == 0 || input->others != NULL, FALSE);
  g_return_val_if_fail (input->n_bans == 0 || input->bans != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Creating is always the first submission's window. */
  create_input = *input;
  create_input.resubmission = FALSE;
  context_init (&context, &create_input, language);

  for (guint i = 0; ok && i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(ZcCheckItem) item = NULL;

      switch (codes[i])
        {
        case ZC_DECLARATION_CHECK_ERROR_PLAN_NOT_OPEN:
          item = plan_open_item (&context);
          break;
        case ZC_DECLARATION_CHECK_ERROR_WINDOW_CLOSED:
          item = zc_check_item_window (&context);
          break;
        case ZC_DECLARATION_CHECK_ERROR_ONE_PER_YEAR:
          item = zc_check_item_one_per_year (&context);
          break;
        case ZC_DECLARATION_CHECK_ERROR_INTEGRITY_BAN:
          item = zc_check_item_integrity (&context);
          break;
        case ZC_DECLARATION_CHECK_ERROR_LAST_YEAR_UNFINISHED:
          item = zc_check_item_last_year (&context);
          break;
        case ZC_DECLARATION_CHECK_ERROR_OUT_OF_SCOPE:
          /* The letter is a submission matter. */
          if (context.input->unit_id != NULL &&
              zc_plan_scope_for_unit (input->plan, input->unit_id,
                                      input->unit_region_code) == ZC_PLAN_SCOPE_COMMISSIONED)
            break;
          item = zc_check_item_scope (&context);
          break;
        default:
          g_assert_not_reached ();
        }

      if (item != NULL && !item->passed)
        {
          g_set_error_literal (error, ZC_DECLARATION_CHECK_ERROR, codes[i],
                               item->reason != NULL ? item->reason : item->label);
          ok = FALSE;
        }
    }

  context_clear (&context);
  return ok;
}
