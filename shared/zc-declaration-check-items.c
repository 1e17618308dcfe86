/* zc-declaration-check-items.c
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
#include "zc-form-schema.h"
#include "zc-form-validator.h"
#include "zc-json.h"
#include "zc-review-state.h"

/* One function per row of the table in docs/declarations.md "The
 * check".  Each says what it checks (the label) and, when it fails,
 * exactly why, so that the applicant knows what to do. */

/* How many missing or invalid personal-information fields a reason names. */
#define MAX_NAMED_FIELDS 3

#define STEP_NONE (-1)

static char *
label (ZcCheckContext *context,
       const char     *msgid)
{
  return g_strdup (zc_translate_with_context (context->language, "check item", msgid));
}

static ZcCheckItem *
item_passed (const char *id,
             char       *item_label,
             int         step)
{
  return zc_check_item_new_take (id, item_label, TRUE, NULL, step);
}

static ZcCheckItem *
item_failed (const char *id,
             char       *item_label,
             char       *reason,
             int         step)
{
  return zc_check_item_new_take (id, item_label, FALSE, reason, step);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* ---- the applicant ---------------------------------------------------- */

ZcCheckItem *
zc_check_item_personal_info (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  g_autoptr(ZcFormSchema) schema = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = NULL;
  ZcValidationContext validation;
  /* TRANSLATORS: between the names of fields in a list */
  const char *separator = zc_translate_with_context (language, "check list", ", ");
  guint n_named = 0;

  schema = zc_form_schema_lookup ("personal-info", &error);
  if (schema == NULL)
    {
      g_warning ("No personal-information form: %s", error->message);
      return item_failed ("personal_info", label (context, NC_("check item", "Personal information is complete")),
                          g_strdup (error->message), ZC_DECLARATION_STEP_INFO);
    }

  zc_validation_context_init (&validation);
  validation.today = context->today;
  validation.taxonomy = context->taxonomy;
  if (zc_form_validate (schema, context->info, &validation, language, &errors))
    return item_passed ("personal_info", label (context, NC_("check item", "Personal information is complete")),
                        ZC_DECLARATION_STEP_INFO);

  /* Name the first few fields, each once, by their labels. */
  names = g_string_new (NULL);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const ZcFieldError *field_error = g_ptr_array_index (errors, i);
      const ZcFormField *field = zc_form_schema_find_field (schema, field_error->field);
      const char *name = field != NULL ? zc_form_field_get_label (field, language) : field_error->field;
      gboolean seen = FALSE;

      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (((ZcFieldError *) g_ptr_array_index (errors, j))->field, field_error->field) == 0)
          seen = TRUE;
      if (seen)
        continue;
      if (n_named < MAX_NAMED_FIELDS)
        {
          if (n_named > 0)
            g_string_append (names, separator);
          g_string_append (names, name);
        }
      n_named++;
    }

  if (n_named > MAX_NAMED_FIELDS)
    return item_failed ("personal_info", label (context, NC_("check item", "Personal information is complete")),
                        zc_translate_printf (language,
                                             N_("The personal information is incomplete or invalid: %s and %u more"),
                                             names->str, n_named - MAX_NAMED_FIELDS),
                        ZC_DECLARATION_STEP_INFO);
  return item_failed ("personal_info", label (context, NC_("check item", "Personal information is complete")),
                      zc_translate_printf (language,
                                           N_("The personal information is incomplete or invalid: %s"),
                                           names->str),
                      ZC_DECLARATION_STEP_INFO);
}

ZcCheckItem *
zc_check_item_photo (ZcCheckContext *context)
{
  JsonObject *photo = zc_declaration_body_get_photo (context->input->body);

  if (photo != NULL || context->input->has_personal_photo)
    return item_passed ("photo", label (context, NC_("check item", "A photo is present")), ZC_DECLARATION_STEP_PHOTO);
  return item_failed ("photo", label (context, NC_("check item", "A photo is present")),
                      g_strdup (zc_translate (context->language,
                                              N_("No photo: add one here or in the personal information"))),
                      ZC_DECLARATION_STEP_PHOTO);
}

/* ---- the archive ------------------------------------------------------ */

ZcCheckItem *
zc_check_item_work_experience (ZcCheckContext *context)
{
  guint count = zc_check_context_count_usable (context, "work-experience", NULL);

  if (count >= 1)
    return item_passed ("work_experience", label (context, NC_("check item", "Work experience")),
                        ZC_DECLARATION_STEP_ACHIEVEMENTS);
  return item_failed ("work_experience", label (context, NC_("check item", "Work experience")),
                      zc_translate_printf (context->language,
                                           N_("Work experience needs at least %u entries; there are %u"),
                                           1u, count),
                      ZC_DECLARATION_STEP_ACHIEVEMENTS);
}

ZcCheckItem *
zc_check_item_education (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  const char *id = zc_declaration_body_get_qualifying_education_id (context->input->body);
  ZcRecord *record = zc_check_context_find_record (context, id);
  char *reason = NULL;

  if (id == NULL || *id == '\0')
    reason = g_strdup (zc_translate (language, N_("No qualifying education is chosen")));
  else if (record == NULL || g_strcmp0 (zc_check_record_category (record), "education") != 0)
    reason = g_strdup (zc_translate (language, N_("The qualifying education is not an education entry of the archive")));
  else if (!zc_check_record_usable (record))
    {
      ZcReviewState state;
      const char *state_label = zc_review_state_from_string (zc_record_get_state (record), &state)
                                  ? zc_review_state_get_label (state, language)
                                  : zc_record_get_state (record);

      reason = zc_translate_printf (language,
                                    N_("The qualifying education entry is “%s”; it must be approved or pending"),
                                    state_label != NULL ? state_label : "");
    }
  else
    {
      JsonObject *body = zc_record_get_body (record);

      if (is_blank (zc_json_member_string (body, "education_level")) ||
          is_blank (zc_json_member_string (body, "degree")))
        reason = g_strdup (zc_translate (language,
                                         N_("The qualifying education entry lacks its education level or degree")));
    }

  return zc_check_item_new_take ("education", label (context, NC_("check item", "Qualifying education")),
                                 reason == NULL, reason, ZC_DECLARATION_STEP_INFO);
}

ZcCheckItem *
zc_check_item_annual_assessment (ZcCheckContext *context)
{
  guint count = zc_check_context_count_usable (context, "annual-assessments", "result");

  if (count >= 1)
    return item_passed ("annual_assessment", label (context, NC_("check item", "Annual assessment")),
                        ZC_DECLARATION_STEP_ACHIEVEMENTS);
  return item_failed ("annual_assessment", label (context, NC_("check item", "Annual assessment")),
                      g_strdup (zc_translate (context->language,
                                              N_("No annual assessment with its result in the archive"))),
                      ZC_DECLARATION_STEP_ACHIEVEMENTS);
}

/* ---- what is declared ------------------------------------------------- */

ZcCheckItem *
zc_check_item_title (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  JsonObject *pick = zc_declaration_body_get_title (context->input->body);
  const char *title = zc_json_member_string (pick, "title");
  char *reason = NULL;

  if (pick == NULL || is_blank (title))
    reason = g_strdup (zc_translate (language, N_("No title is chosen")));
  else if (!zc_plan_covers_title (context->input->plan, pick))
    reason = zc_translate_printf (language, N_("The title “%s” is not one of the plan’s titles"), title);
  else if (is_blank (zc_declaration_body_get_specialty (context->input->body)))
    reason = g_strdup (zc_translate (language, N_("The specialty is not filled in")));

  return zc_check_item_new_take ("title", label (context, NC_("check item", "Title and specialty")),
                                 reason == NULL, reason, ZC_DECLARATION_STEP_CHOOSE);
}

ZcCheckItem *
zc_check_item_method (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  const char *method = zc_declaration_body_get_method (context->input->body);
  char *reason = NULL;

  if (is_blank (method))
    reason = g_strdup (zc_translate (language, N_("No declaration method is chosen")));
  else if (!zc_plan_allows_method (context->input->plan, method))
    {
      const char *name = zc_taxonomy_get_method_name (context->taxonomy, method, language);

      reason = zc_translate_printf (language, N_("The plan does not allow the method “%s”"),
                                    name != NULL ? name : method);
    }

  return zc_check_item_new_take ("method", label (context, NC_("check item", "Declaration method")),
                                 reason == NULL, reason, ZC_DECLARATION_STEP_CHOOSE);
}

ZcCheckItem *
zc_check_item_specialty_matches (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  const char *specialty = zc_declaration_body_get_specialty (context->input->body);
  const char *profession = zc_json_member_string (context->info, "current_profession");
  g_autofree char *specialty_folded = NULL;
  g_autofree char *profession_folded = NULL;
  char *reason = NULL;

  if (is_blank (specialty))
    reason = g_strdup (zc_translate (language, N_("The specialty is not filled in")));
  else if (is_blank (profession))
    reason = g_strdup (zc_translate (language, N_("The current profession is not filled in")));
  else
    {
      g_autofree char *a = g_strstrip (g_strdup (specialty));
      g_autofree char *b = g_strstrip (g_strdup (profession));

      specialty_folded = g_utf8_casefold (a, -1);
      profession_folded = g_utf8_casefold (b, -1);
      if (strstr (specialty_folded, profession_folded) == NULL &&
          strstr (profession_folded, specialty_folded) == NULL)
        reason = zc_translate_printf (language,
                                      N_("The current profession “%s” does not match the declared specialty “%s”"),
                                      profession, specialty);
    }

  return zc_check_item_new_take ("specialty_matches", label (context, NC_("check item", "Profession matches the specialty")),
                                 reason == NULL, reason, ZC_DECLARATION_STEP_CHOOSE);
}

ZcCheckItem *
zc_check_item_work_summary (ZcCheckContext *context)
{
  if (!is_blank (zc_declaration_body_get_work_summary (context->input->body)))
    return item_passed ("work_summary", label (context, NC_("check item", "Work summary")), ZC_DECLARATION_STEP_SUMMARY);
  return item_failed ("work_summary", label (context, NC_("check item", "Work summary")),
                      g_strdup (zc_translate (context->language, N_("The work summary is empty"))),
                      ZC_DECLARATION_STEP_SUMMARY);
}

/* ---- achievements ----------------------------------------------------- */

/* The record of a pick when it exists, is of the pick's category and
 * may be used. */
static ZcRecord *
pick_record (ZcCheckContext          *context,
             const ZcDeclarationPick *pick)
{
  ZcRecord *record = zc_check_context_find_record (context, pick->record_id);

  if (record == NULL || g_strcmp0 (zc_check_record_category (record), pick->category) != 0)
    return NULL;
  return record;
}

ZcCheckItem *
zc_check_item_picks (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  g_autoptr(GArray) picks = zc_declaration_body_get_picks (context->input->body);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  guint n_missing = 0, n_unusable = 0, n_pending = 0;

  for (guint i = 0; picks != NULL && i < picks->len; i++)
    {
      const ZcDeclarationPick *pick = &g_array_index (picks, ZcDeclarationPick, i);
      ZcRecord *record = pick_record (context, pick);

      if (record == NULL)
        n_missing++;
      else if (!zc_check_record_usable (record))
        n_unusable++;
      else if (zc_check_record_pending (record))
        n_pending++;
    }

  if (n_missing > 0)
    g_ptr_array_add (reasons, zc_translate_printf (language,
                                                   N_("Picked entries no longer in the archive: %u"),
                                                   n_missing));
  if (n_unusable > 0)
    g_ptr_array_add (reasons, zc_translate_printf (language,
                                                   N_("Picked entries neither approved nor pending: %u"),
                                                   n_unusable));
  if (reasons->len > 0)
    return item_failed ("picks", label (context, NC_("check item", "Picked achievements")),
                        zc_check_join_reasons (reasons, language), ZC_DECLARATION_STEP_ACHIEVEMENTS);

  /* Pending entries may go in; reviewers see them marked. */
  return zc_check_item_new_take ("picks", label (context, NC_("check item", "Picked achievements")), TRUE,
                                 n_pending > 0
                                   ? zc_translate_printf (language,
                                                          N_("Picked entries still pending the unit’s review: %u"),
                                                          n_pending)
                                   : NULL,
                                 ZC_DECLARATION_STEP_ACHIEVEMENTS);
}

ZcCheckItem *
zc_check_item_group (ZcCheckContext             *context,
                     const ZcPlanConditionGroup *group)
{
  ZcLanguage language = context->language;
  g_autoptr(GArray) picks = zc_declaration_body_get_picks (context->input->body);
  g_autofree char *id = g_strconcat ("group:", group->id, NULL);
  char *item_label = zc_translate_printf (language, N_("Condition group “%s”"), group->name);
  char *reason = NULL;
  guint count = 0;

  for (guint i = 0; picks != NULL && i < picks->len; i++)
    {
      const ZcDeclarationPick *pick = &g_array_index (picks, ZcDeclarationPick, i);
      ZcRecord *record;

      if (g_strcmp0 (pick->group, group->id) != 0)
        continue;
      record = pick_record (context, pick);
      if (record != NULL && zc_check_record_usable (record) &&
          zc_plan_condition_group_accepts (group, pick->category))
        count++;
    }

  if (count < group->min)
    reason = zc_translate_printf (language,
                                  N_("The condition group “%s” needs at least %u entries; %u chosen"),
                                  group->name, group->min, count);
  else if (group->max >= 0 && count > (guint) group->max)
    reason = zc_translate_printf (language,
                                  N_("The condition group “%s” takes at most %d entries; %u chosen"),
                                  group->name, group->max, count);

  return zc_check_item_new_take (id, item_label, reason == NULL, reason, ZC_DECLARATION_STEP_ACHIEVEMENTS);
}

/* ---- attachments and commitment --------------------------------------- */

static char *
format_size (gint64 bytes)
{
  if (bytes >= 1024 * 1024)
    {
      if (bytes % (1024 * 1024) == 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT " MB", bytes / (1024 * 1024));
      return g_strdup_printf ("%.1f MB", (double) bytes / (1024.0 * 1024.0));
    }
  if (bytes >= 1024)
    return g_strdup_printf ("%" G_GINT64_FORMAT " KB", bytes / 1024);
  return g_strdup_printf ("%" G_GINT64_FORMAT " B", bytes);
}

static void
check_files (ZcCheckContext         *context,
             const ZcPlanAttachment *requirement,
             JsonArray              *files,
             GPtrArray              *reasons)
{
  ZcLanguage language = context->language;
  guint n_files = files != NULL ? json_array_get_length (files) : 0;

  if (n_files == 0)
    {
      if (requirement->required)
        g_ptr_array_add (reasons, zc_translate_printf (language,
                                                       N_("The required attachment “%s” is not uploaded"),
                                                       requirement->name));
      return;
    }
  if (n_files > requirement->max_count)
    g_ptr_array_add (reasons, zc_translate_printf (language,
                                                   N_("The attachment “%s” takes at most %u files; %u uploaded"),
                                                   requirement->name, requirement->max_count, n_files));

  for (guint i = 0; i < n_files; i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      JsonObject *file = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = zc_json_member_string (file, "name");
      const char *mime = zc_json_member_string (file, "mime");
      JsonNode *size_node = file != NULL ? json_object_get_member (file, "size") : NULL;
      gint64 size = size_node != NULL && JSON_NODE_HOLDS_VALUE (size_node) &&
                    json_node_get_value_type (size_node) == G_TYPE_INT64
                      ? json_node_get_int (size_node) : 0;

      if (name == NULL)
        name = "";
      if (size > requirement->max_bytes)
        {
          g_autofree char *limit = format_size (requirement->max_bytes);

          g_ptr_array_add (reasons, zc_translate_printf (language,
                                                         N_("The file “%s” of the attachment “%s” is larger than %s"),
                                                         name, requirement->name, limit));
        }
      if (mime == NULL || requirement->types == NULL ||
          !g_strv_contains ((const char * const *) requirement->types, mime))
        {
          g_autofree char *types = requirement->types != NULL
                                     ? g_strjoinv (", ", requirement->types) : g_strdup ("");

          g_ptr_array_add (reasons, zc_translate_printf (language,
                                                         N_("The file “%s” of the attachment “%s” is not of a type it takes (%s)"),
                                                         name, requirement->name, types));
        }
    }
}

ZcCheckItem *
zc_check_item_attachments (ZcCheckContext *context)
{
  ZcPlan *plan = context->input->plan;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  guint n = zc_plan_get_n_attachments (plan);

  for (guint i = 0; i < n; i++)
    {
      const ZcPlanAttachment *requirement = zc_plan_get_attachment (plan, i);

      check_files (context, requirement,
                   zc_declaration_body_get_attachment_files (context->input->body, requirement->id),
                   reasons);
    }

  return zc_check_item_new_take ("attachments", label (context, NC_("check item", "Attachments")), reasons->len == 0,
                                 zc_check_join_reasons (reasons, context->language),
                                 ZC_DECLARATION_STEP_ATTACHMENTS);
}

ZcCheckItem *
zc_check_item_commitment (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  JsonObject *commitment = zc_declaration_body_get_commitment (context->input->body);
  gboolean signed_ = commitment != NULL &&
                     ((json_object_has_member (commitment, "signature") &&
                       JSON_NODE_HOLDS_OBJECT (json_object_get_member (commitment, "signature"))) ||
                      (json_object_has_member (commitment, "scan") &&
                       JSON_NODE_HOLDS_OBJECT (json_object_get_member (commitment, "scan"))));
  char *reason = NULL;

  if (!signed_)
    reason = g_strdup (zc_translate (language, N_("The commitment letter is not signed")));
  else if (is_blank (zc_json_member_string (commitment, "signed_on")))
    reason = g_strdup (zc_translate (language, N_("The commitment letter has no date")));

  return zc_check_item_new_take ("commitment", label (context, NC_("check item", "Commitment letter")),
                                 reason == NULL, reason, ZC_DECLARATION_STEP_COMMITMENT);
}

/* ---- the plan's rules ------------------------------------------------- */

ZcCheckItem *
zc_check_item_window (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  ZcPlan *plan = context->input->plan;
  GDateTime *now = context->input->now;
  GDateTime *start = zc_plan_get_window (plan, ZC_PLAN_WINDOW_INDIVIDUAL_START);
  GDateTime *deadline = zc_plan_get_window (plan, context->input->resubmission
                                                    ? ZC_PLAN_WINDOW_MODIFICATION_DEADLINE
                                                    : ZC_PLAN_WINDOW_FIRST_SUBMISSION_DEADLINE);
  char *reason = NULL;

  if (!context->input->resubmission && start != NULL && g_date_time_compare (now, start) < 0)
    {
      g_autofree char *when = zc_check_format_time (start, TRUE);

      reason = zc_translate_printf (language, N_("Declarations open at %s"), when);
    }
  else if (deadline != NULL && g_date_time_compare (now, deadline) > 0)
    {
      g_autofree char *when = zc_check_format_time (deadline, TRUE);

      reason = context->input->resubmission
                 ? zc_translate_printf (language, N_("The modification deadline %s has passed"), when)
                 : zc_translate_printf (language, N_("The declaration deadline %s has passed"), when);
    }

  return zc_check_item_new_take ("window", label (context, NC_("check item", "Declaration window")),
                                 reason == NULL, reason, STEP_NONE);
}

static gboolean
is_other (ZcCheckContext             *context,
          const ZcDeclarationSummary *summary)
{
  const char *self_id = context->input->declaration_id;

  return self_id == NULL || g_strcmp0 (summary->id, self_id) != 0;
}

ZcCheckItem *
zc_check_item_one_per_year (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  gint64 year = zc_plan_get_year (context->input->plan);

  for (guint i = 0; i < context->input->n_others; i++)
    {
      const ZcDeclarationSummary *other = &context->input->others[i];

      if (is_other (context, other) && other->plan_year == year &&
          other->state != ZC_DECLARATION_STATE_DISCARDED)
        return item_failed ("one_per_year", label (context, NC_("check item", "One declaration a year")),
                            zc_translate_printf (language,
                                                 N_("There is already a declaration for %d (%s)"),
                                                 (int) year,
                                                 zc_declaration_state_get_label (other->state, language)),
                            STEP_NONE);
    }

  return item_passed ("one_per_year", label (context, NC_("check item", "One declaration a year")), STEP_NONE);
}

ZcCheckItem *
zc_check_item_last_year (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  gint64 year = zc_plan_get_year (context->input->plan);

  for (guint i = 0; i < context->input->n_others; i++)
    {
      const ZcDeclarationSummary *other = &context->input->others[i];

      if (is_other (context, other) && other->plan_year < year &&
          other->state != ZC_DECLARATION_STATE_DISCARDED &&
          !zc_declaration_state_is_final (other->state))
        return item_failed ("last_year", label (context, NC_("check item", "Earlier declarations finished")),
                            zc_translate_printf (language,
                                                 N_("The declaration for %d is not finished (%s)"),
                                                 (int) other->plan_year,
                                                 zc_declaration_state_get_label (other->state, language)),
                            STEP_NONE);
    }

  return item_passed ("last_year", label (context, NC_("check item", "Earlier declarations finished")), STEP_NONE);
}

ZcCheckItem *
zc_check_item_integrity (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  const ZcIntegrityBan *in_force = NULL;

  if (!context->input->bans_known)
    return zc_check_item_new_take ("integrity", label (context, NC_("check item", "No integrity record in force")), TRUE,
                                   g_strdup (zc_translate (language, N_("Checked by the server at submission"))),
                                   STEP_NONE);

  /* The one that lasts longest; no end date means for good. */
  for (guint i = 0; i < context->input->n_bans; i++)
    {
      const ZcIntegrityBan *ban = &context->input->bans[i];

      if (ban->until != NULL && g_date_time_compare (ban->until, context->input->now) <= 0)
        continue;
      if (in_force == NULL || ban->until == NULL ||
          (in_force->until != NULL && g_date_time_compare (ban->until, in_force->until) > 0))
        in_force = ban;
    }

  if (in_force == NULL)
    return item_passed ("integrity", label (context, NC_("check item", "No integrity record in force")), STEP_NONE);

  {
    g_autofree char *until = in_force->until != NULL ? zc_check_format_time (in_force->until, FALSE) : NULL;
    const char *why = !is_blank (in_force->reason) ? in_force->reason : NULL;
    char *reason;

    if (until != NULL && why != NULL)
      reason = zc_translate_printf (language, N_("An integrity record is in force until %s: %s"), until, why);
    else if (until != NULL)
      reason = zc_translate_printf (language, N_("An integrity record is in force until %s"), until);
    else if (why != NULL)
      reason = zc_translate_printf (language, N_("An integrity record is in force: %s"), why);
    else
      reason = g_strdup (zc_translate (language, N_("An integrity record is in force")));

    return item_failed ("integrity", label (context, NC_("check item", "No integrity record in force")),
                        reason, STEP_NONE);
  }
}

ZcCheckItem *
zc_check_item_scope (ZcCheckContext *context)
{
  ZcLanguage language = context->language;
  const ZcCheckInput *input = context->input;
  ZcPlanScope scope = ZC_PLAN_SCOPE_OUTSIDE;
  JsonArray *letter;

  if (input->unit_id != NULL)
    scope = zc_plan_scope_for_unit (input->plan, input->unit_id, input->unit_region_code);

  switch (scope)
    {
    case ZC_PLAN_SCOPE_DIRECT:
      return item_passed ("scope", label (context, NC_("check item", "Unit within the plan’s scope")), STEP_NONE);
    case ZC_PLAN_SCOPE_COMMISSIONED:
      letter = input->body != NULL
                 ? zc_declaration_body_get_attachment_files (input->body, ZC_PLAN_COMMISSION_LETTER_ID)
                 : NULL;
      if (letter != NULL && json_array_get_length (letter) > 0)
        return item_passed ("scope", label (context, NC_("check item", "Unit within the plan’s scope")),
                            ZC_DECLARATION_STEP_ATTACHMENTS);
      return item_failed ("scope", label (context, NC_("check item", "Unit within the plan’s scope")),
                          g_strdup (zc_translate (language,
                                                  N_("Your unit is commissioned to this plan: upload the commissioning letter"))),
                          ZC_DECLARATION_STEP_ATTACHMENTS);
    case ZC_PLAN_SCOPE_OUTSIDE:
    default:
      return item_failed ("scope", label (context, NC_("check item", "Unit within the plan’s scope")),
                          g_strdup (zc_translate (language, N_("Your unit is outside the plan’s scope"))),
                          STEP_NONE);
    }
}
