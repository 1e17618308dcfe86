/* zc-declaration-actions.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "zc-api-error.h"
#include "zc-date.h"
#include "zc-declaration-body.h"
#include "zc-declaration-record.h"
#include "zc-declaration-service.h"
#include "zc-holiday-calendar.h"
#include "zc-json.h"

/* The rules of each declaration action that the shared workflow cannot
 * know (docs/declarations.md "What the server enforces"): its
 * arguments, the plan's deadlines, the publicity's working days, the
 * interview, the votes, and the check at submission. */

#define PLACE_MAX_CHARS       200
#define OBJECTIONS_MAX_CHARS  2000
#define VOTES_MAX             100

static gboolean
check_members (JsonObject          *args,
               const char * const  *allowed,
               ZcLanguage           language,
               GError             **error)
{
  g_autoptr(GError) json_error = NULL;

  if (args == NULL || zc_json_check_members (args, allowed, &json_error))
    return TRUE;

  zc_json_prefix_error (&json_error, "args");
  zc_api_error_from_json (error, json_error, language);
  return FALSE;
}

static gboolean
get_string (JsonObject   *args,
            const char   *name,
            gboolean      required,
            const char  **out,
            ZcLanguage    language,
            GError      **error)
{
  g_autoptr(GError) json_error = NULL;

  *out = NULL;
  if (args == NULL)
    {
      if (!required)
        return TRUE;
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "missing_value", "args",
                        zc_translate (language, N_("This action needs its arguments.")));
      return FALSE;
    }
  if (zc_json_get_string (args, name, required, out, &json_error))
    return TRUE;

  zc_json_prefix_error (&json_error, "args");
  zc_api_error_from_json (error, json_error, language);
  return FALSE;
}

static gboolean
one_line (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

/* The unit acts until the unit deadline, the department until its own. */
static gboolean
check_deadline (ZcDeclarationActionContext  *context,
                GError                     **error)
{
  ZcLanguage language = context->change->language;
  g_autoptr(GDateTime) now = NULL;
  ZcPlanWindow window;

  switch (context->change->caller->role)
    {
    case ZC_ROLE_UNIT_OFFICER:
      window = ZC_PLAN_WINDOW_UNIT_DEADLINE;
      break;
    case ZC_ROLE_DEPARTMENT_OFFICER:
      window = ZC_PLAN_WINDOW_DEPARTMENT_DEADLINE;
      break;
    case ZC_ROLE_APPLICANT:
    case ZC_ROLE_COMMITTEE_OFFICER:
    case ZC_ROLE_ISSUER:
    case ZC_ROLE_ADMIN:
    default:
      return TRUE;
    }

  now = zc_declaration_time_new (context->change->now);
  if (zc_plan_before_deadline (context->plan, window, now))
    return TRUE;

  zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "deadline_passed", NULL,
                    window == ZC_PLAN_WINDOW_UNIT_DEADLINE
                      ? zc_translate (language, N_("The plan's deadline for the units has passed."))
                      : zc_translate (language, N_("The plan's deadline for the competent departments has "
                                                   "passed.")));
  return FALSE;
}

/* The refusal of a submission: the first failed item as the message. */
void
zc_declaration_set_check_failed (GError     **error,
                                 GPtrArray   *items,
                                 ZcLanguage   language)
{
  const ZcCheckItem *first = NULL;
  g_autofree char *message = NULL;
  guint n_failed = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const ZcCheckItem *item = g_ptr_array_index (items, i);

      if (item->passed)
        continue;
      if (first == NULL)
        first = item;
      n_failed++;
    }

  if (first == NULL)
    message = g_strdup (zc_translate (language, N_("The declaration did not pass the check.")));
  else if (n_failed == 1)
    /* Translators: %s are what was checked and why it failed */
    message = zc_translate_printf (language, N_("The check failed: %s: %s"), first->label,
                                   first->reason != NULL ? first->reason : "");
  else
    /* Translators: %s are what was checked and why it failed, %u how many more items failed */
    message = zc_translate_printf (language, N_("The check failed: %s: %s (and %u more items)"), first->label,
                                   first->reason != NULL ? first->reason : "", n_failed - 1);

  zc_api_set_error (error, (ZcApiError) 422, "check_failed", NULL, message);
}

static gboolean
check_submission (ZcDeclarationActionContext  *context,
                  GError                     **error)
{
  context->check_items = zc_declaration_record_check_in (context->txn, context->record, context->change->now,
                                                         context->change->language, error);
  if (context->check_items == NULL)
    return FALSE;
  if (zc_declaration_check_all_passed (context->check_items))
    return TRUE;

  zc_declaration_set_check_failed (error, context->check_items, context->change->language);
  return FALSE;
}

static gboolean
start_publicity (ZcDeclarationActionContext  *context,
                 JsonObject                  *args,
                 GError                     **error)
{
  static const char * const allowed[] = { "ends_on", NULL };
  ZcLanguage language = context->change->language;
  g_autoptr(GError) calendar_error = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *earliest_text = NULL;
  ZcHolidayCalendar *calendar;
  const char *ends_on = NULL;
  GDate today, end, earliest;

  if (!check_members (args, allowed, language, error) ||
      !get_string (args, "ends_on", TRUE, &ends_on, language, error))
    return FALSE;
  if (!zc_date_parse_day (ends_on, &end))
    {
      zc_api_set_invalid_field (error, "args.ends_on", zc_translate (language, N_("Give the last day of the "
                                                                                  "publicity as YYYY-MM-DD.")));
      return FALSE;
    }

  calendar = zc_holiday_calendar_get_default (&calendar_error);
  if (calendar == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&calendar_error));
      return FALSE;
    }
  zc_declaration_today (context->change->now, &today);
  zc_holiday_calendar_publicity_earliest_end (calendar, &today, &earliest);
  earliest_text = zc_declaration_date_string (&earliest);
  if (g_date_compare (&end, &earliest) < 0)
    {
      /* Translators: %u is a number of working days, %s the earliest date allowed */
      g_autofree char *message = zc_translate_printf (language, N_("A publicity lasts at least %u working days: "
                                                                   "it can end on %s at the earliest."),
                                                      (guint) ZC_PUBLICITY_MIN_WORKING_DAYS, earliest_text);

      zc_api_set_error (error, ZC_API_ERROR_INVALID, "publicity_too_short", "args.ends_on", message);
      return FALSE;
    }

  starts_on = zc_declaration_date_string (&today);
  context->event = json_object_new ();
  json_object_set_string_member (context->event, "starts_on", starts_on);
  json_object_set_string_member (context->event, "ends_on", ends_on);
  return TRUE;
}

static gboolean
end_publicity (ZcDeclarationActionContext  *context,
               JsonObject                  *args,
               const char                  *start_action,
               GError                     **error)
{
  static const char * const allowed[] = { "objections", NULL };
  ZcLanguage language = context->change->language;
  g_autoptr(ZcDeclarationEvent) started = NULL;
  const char *objections = NULL, *ends_on = NULL;
  JsonNode *node;
  GDate today, end;

  if (!check_members (args, allowed, language, error) ||
      !get_string (args, "objections", FALSE, &objections, language, error))
    return FALSE;
  if (objections != NULL && g_utf8_strlen (objections, -1) > OBJECTIONS_MAX_CHARS)
    {
      g_autofree char *message = zc_translate_printf (language, N_("At most %u characters"), OBJECTIONS_MAX_CHARS);

      zc_api_set_invalid_field (error, "args.objections", message);
      return FALSE;
    }

  started = zc_store_declarations_last_event (context->txn, context->record->id, start_action, error);
  if (started == NULL)
    return FALSE;
  node = json_object_get_member (started->data, "ends_on");
  if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    ends_on = json_node_get_string (node);
  if (!zc_date_parse_day (ends_on, &end))
    {
      g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "Publicity of %s has no end date", context->record->id);
      return FALSE;
    }

  zc_declaration_today (context->change->now, &today);
  if (g_date_compare (&today, &end) < 0)
    {
      /* Translators: %s is a date */
      g_autofree char *message = zc_translate_printf (language, N_("The publicity runs until %s; it can be ended "
                                                                   "from that day on."), ends_on);

      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "publicity_not_over", NULL, message);
      return FALSE;
    }

  context->event = json_object_new ();
  json_object_set_string_member (context->event, "ends_on", ends_on);
  if (objections != NULL && *objections != '\0')
    json_object_set_string_member (context->event, "objections", objections);
  return TRUE;
}

static gboolean
schedule_interview (ZcDeclarationActionContext  *context,
                    JsonObject                  *args,
                    GError                     **error)
{
  static const char * const allowed[] = { "interview_at", "place", NULL };
  ZcLanguage language = context->change->language;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at_text = NULL;
  const char *interview_at = NULL, *place = NULL;
  glong n_chars;

  if (!zc_plan_get_interview (context->plan))
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "no_interview", NULL,
                        zc_translate (language, N_("This plan holds no interviews.")));
      return FALSE;
    }
  if (!check_members (args, allowed, language, error) ||
      !get_string (args, "interview_at", TRUE, &interview_at, language, error) ||
      !get_string (args, "place", TRUE, &place, language, error))
    return FALSE;

  at = g_date_time_new_from_iso8601 (interview_at, NULL);
  now = zc_declaration_time_new (context->change->now);
  if (at == NULL || g_date_time_compare (at, now) <= 0)
    {
      zc_api_set_invalid_field (error, "args.interview_at",
                                zc_translate (language, N_("Give the interview's time, in the future, with its "
                                                           "time zone (2026-06-20T09:00:00+08:00).")));
      return FALSE;
    }
  n_chars = g_utf8_strlen (place, -1);
  if (n_chars < 1 || n_chars > PLACE_MAX_CHARS || !one_line (place) || !has_text (place))
    {
      g_autofree char *message = zc_translate_printf (language, N_("Give the place in 1 to %u characters, on one "
                                                                   "line."), PLACE_MAX_CHARS);

      zc_api_set_invalid_field (error, "args.place", message);
      return FALSE;
    }

  at_text = zc_json_format_timestamp (at);
  context->event = json_object_new ();
  json_object_set_string_member (context->event, "interview_at", at_text);
  json_object_set_string_member (context->event, "place", place);
  return TRUE;
}

static gboolean
record_votes (ZcDeclarationActionContext  *context,
              JsonObject                  *args,
              gboolean                     required,
              GError                     **error)
{
  static const char * const allowed[] = { "votes_for", "votes_against", "votes_abstain", NULL };
  static const char * const names[] = { "votes_for", "votes_against", "votes_abstain" };
  ZcLanguage language = context->change->language;
  gint64 votes[G_N_ELEMENTS (names)] = { 0 };
  guint n_given = 0;

  if (!check_members (args, allowed, language, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) json_error = NULL;
      gboolean present = args != NULL && json_object_has_member (args, names[i]);

      if (!present)
        continue;
      if (!zc_json_get_int64 (args, names[i], TRUE, 0, VOTES_MAX, &votes[i], &json_error))
        {
          zc_json_prefix_error (&json_error, "args");
          zc_api_error_from_json (error, json_error, language);
          return FALSE;
        }
      n_given++;
    }

  if (n_given == 0 && !required)
    return TRUE;
  if (n_given != G_N_ELEMENTS (names))
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "missing_value", "args",
                        zc_translate (language, N_("Give the votes for, against and abstaining (0 to 100 "
                                                   "each).")));
      return FALSE;
    }

  context->event = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    json_object_set_int_member (context->event, names[i], votes[i]);
  return TRUE;
}

static gboolean
return_step (ZcDeclarationActionContext  *context,
             JsonObject                  *args,
             GError                     **error)
{
  static const char * const allowed[] = { "step", NULL };
  ZcLanguage language = context->change->language;
  const char *step = NULL;
  ZcDeclarationStep value;

  if (!check_members (args, allowed, language, error) ||
      !get_string (args, "step", FALSE, &step, language, error))
    return FALSE;
  if (step != NULL && !zc_declaration_step_from_string (step, &value))
    {
      zc_api_set_invalid_field (error, "args.step", zc_translate (language, N_("There is no such step.")));
      return FALSE;
    }

  context->event = json_object_new ();
  json_object_set_string_member (context->event, "level", zc_role_to_string (context->change->caller->role));
  if (step != NULL)
    json_object_set_string_member (context->event, "step", step);
  return TRUE;
}

/**
 * zc_declaration_actions_check_in:
 *
 * Runs after the shared workflow allowed the action.
 */
gboolean
zc_declaration_actions_check_in (ZcDeclarationActionContext  *context,
                                 GError                     **error)
{
  static const char * const none[] = { NULL };
  JsonObject *args;
  ZcLanguage language;

  g_return_val_if_fail (context != NULL && context->decision != NULL && context->plan != NULL, FALSE);

  args = context->decision->args;
  language = context->change->language;
  if (!check_deadline (context, error))
    return FALSE;

  switch (context->decision->action)
    {
    case ZC_DECLARATION_ACTION_SUBMIT:
    case ZC_DECLARATION_ACTION_RESUBMIT:
      return check_members (args, none, language, error) && check_submission (context, error);
    case ZC_DECLARATION_ACTION_START_PUBLICITY:
    case ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY:
      return start_publicity (context, args, error);
    case ZC_DECLARATION_ACTION_END_PUBLICITY:
      return end_publicity (context, args, zc_declaration_action_to_string (ZC_DECLARATION_ACTION_START_PUBLICITY),
                            error);
    case ZC_DECLARATION_ACTION_END_RESULT_PUBLICITY:
      return end_publicity (context, args,
                            zc_declaration_action_to_string (ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY), error);
    case ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW:
      return schedule_interview (context, args, error);
    case ZC_DECLARATION_ACTION_RECORD_PASS:
      /* a plan with interviews passes nobody it has not interviewed */
      if (zc_plan_get_interview (context->plan) && context->from == ZC_DECLARATION_STATE_UNDER_REVIEW)
        {
          zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "interview_required", NULL,
                            zc_translate (language, N_("This plan holds interviews: schedule the interview "
                                                       "before recording a pass.")));
          return FALSE;
        }
      return record_votes (context, args, TRUE, error);
    case ZC_DECLARATION_ACTION_RECORD_FAIL:
      return record_votes (context, args, FALSE, error);
    case ZC_DECLARATION_ACTION_RETURN:
      return return_step (context, args, error);
    case ZC_DECLARATION_ACTION_CREATE:
    case ZC_DECLARATION_ACTION_SAVE_DRAFT:
    case ZC_DECLARATION_ACTION_DISCARD:
    case ZC_DECLARATION_ACTION_WITHDRAW:
    case ZC_DECLARATION_ACTION_RECOMMEND:
    case ZC_DECLARATION_ACTION_FORWARD:
    case ZC_DECLARATION_ACTION_PASS:
    case ZC_DECLARATION_ACTION_ACCEPT:
    case ZC_DECLARATION_ACTION_FORWARD_TO_ISSUER:
    case ZC_DECLARATION_ACTION_ISSUE:
    case ZC_DECLARATION_ACTION_DETERMINE:
    default:
      return check_members (args, none, language, error);
    }
}
