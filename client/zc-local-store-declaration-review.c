/* zc-local-store-declaration-review.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-local-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "zc-date.h"
#include "zc-declaration-body.h"
#include "zc-holiday-calendar.h"
#include "zc-i18n.h"
#include "zc-json.h"
#include "zc-local-store-declaration-review.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-plans.h"
#include "zc-local-store-private.h"
#include "zc-plan.h"

/* The rows are read with one query joined to the newest declaration
 * mutation queued here for each record, and to the names the desks
 * cache in sync_meta (zc-local-store-review.c, "person-name:<id>"). */

#define PERSON_NAME_PREFIX "person-name:"
#define PLACE_MAX_CHARS      200
#define OBJECTIONS_MAX_CHARS 2000
#define VOTES_MAX            100

#define LATEST_ACTION \
  "(SELECT max (o.mutation_id) FROM outbox o WHERE o.record_id = r.id AND o.name LIKE 'declaration.%')"

#define SELECT_ROWS \
  "SELECT r.id, r.owner_id, p.v, r.state, r.server_version, r.body, r.created_at, r.updated_at," \
  " d.name, d.status, coalesce (j.message, d.last_error)" \
  " FROM records r" \
  " LEFT JOIN sync_meta p ON p.k = '" PERSON_NAME_PREFIX "' || r.owner_id" \
  " LEFT JOIN outbox d ON d.mutation_id = " LATEST_ACTION \
  " LEFT JOIN rejections j ON j.mutation_id = d.mutation_id" \
  " WHERE r.kind = '" ZC_DECLARATION_KIND "' AND r.deleted = 0 AND r.owner_id != ?1"

void
zc_declaration_review_row_free (ZcDeclarationReviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->owner_id);
  g_free (row->owner_name);
  g_clear_pointer (&row->body, json_object_unref);
  g_free (row->plan_id);
  g_free (row->plan_name);
  g_free (row->refusal);
  g_free (row);
}

static gint64
window_usec (ZcPlan       *plan,
             ZcPlanWindow  window)
{
  GDateTime *time = zc_plan_get_window (plan, window);

  return time != NULL ? g_date_time_to_unix (time) * G_USEC_PER_SEC : 0;
}

/* @plans caches id:version → ZcPlan (or a NULL value: not here) */
static void
find_plan (ZcLocalStore           *self,
           GHashTable             *plans,
           ZcDeclarationReviewRow *row)
{
  g_autofree char *key = NULL;
  ZcPlan *plan;

  if (row->plan_id == NULL)
    return;
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, row->plan_id, row->plan_version);
  if (!g_hash_table_lookup_extended (plans, key, NULL, (gpointer *) &plan))
    {
      plan = zc_local_store_get_plan (self, row->plan_id, row->plan_version, NULL);
      if (plan == NULL)
        plan = zc_local_store_get_plan (self, row->plan_id, 0, NULL);
      g_hash_table_insert (plans, g_strdup (key), plan);
    }
  if (plan == NULL)
    return;
  row->plan_known = TRUE;
  row->plan_type = zc_plan_get_plan_type (plan);
  row->plan_name = g_strdup (zc_plan_get_name (plan));
  row->unit_deadline = window_usec (plan, ZC_PLAN_WINDOW_UNIT_DEADLINE);
  row->department_deadline = window_usec (plan, ZC_PLAN_WINDOW_DEPARTMENT_DEADLINE);
}

static ZcDeclarationReviewRow *
row_from_stmt (ZcLocalStore *self,
               sqlite3_stmt *stmt,
               GHashTable   *plans)
{
  g_autoptr(ZcDeclarationReviewRow) row = g_new0 (ZcDeclarationReviewRow, 1);
  const char *name = (const char *) sqlite3_column_text (stmt, 2);
  const char *action = (const char *) sqlite3_column_text (stmt, 8);
  const char *status = (const char *) sqlite3_column_text (stmt, 9);
  const char *refusal = (const char *) sqlite3_column_text (stmt, 10);
  ZcDeclarationAction value;

  if (!zc_declaration_state_from_string ((const char *) sqlite3_column_text (stmt, 3), &row->state))
    return NULL;   /* not a state the chain knows: nothing to act on */
  row->body = zc_local_store_object_from_column (stmt, 5, NULL);
  if (row->body == NULL)
    return NULL;
  row->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->owner_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->owner_name = g_strdup (name);
  row->version = sqlite3_column_int64 (stmt, 4);
  row->created_at = sqlite3_column_int64 (stmt, 6);
  row->updated_at = sqlite3_column_int64 (stmt, 7);
  row->plan_id = g_strdup (zc_declaration_body_get_plan_id (row->body));
  row->plan_version = zc_declaration_body_get_plan_version (row->body);
  row->plan_type = ZC_PLAN_TYPE_REVIEW;
  row->action = -1;
  if (action != NULL && g_str_has_prefix (action, ZC_LOCAL_STORE_DECLARATION_MUTATION_PREFIX) &&
      zc_declaration_action_from_string (action + strlen (ZC_LOCAL_STORE_DECLARATION_MUTATION_PREFIX), &value))
    row->action = (int) value;
  if (g_strcmp0 (status, "queued") == 0 || g_strcmp0 (status, "sending") == 0)
    row->flags |= ZC_DECLARATION_REVIEW_AWAITING;
  else if (g_strcmp0 (status, "rejected") == 0)
    {
      row->flags |= ZC_DECLARATION_REVIEW_REFUSED;
      row->refusal = g_strdup (refusal);
    }
  find_plan (self, plans, row);
  return g_steal_pointer (&row);
}

static void
plan_free (gpointer plan)
{
  if (plan != NULL)
    zc_plan_unref (plan);
}

static GHashTable *
plan_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, plan_free);
}

/**
 * zc_local_store_declaration_review_list:
 *
 * The declarations of accounts other than the store's own, longest
 * waiting first, with the action queued here for each.
 *
 * Returns: (transfer full) (element-type ZcDeclarationReviewRow): the rows
 */
GPtrArray *
zc_local_store_declaration_review_list (ZcLocalStore  *self,
                                        GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_declaration_review_row_free);
  g_autoptr(GHashTable) plans = plan_cache_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, SELECT_ROWS " ORDER BY r.updated_at, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, zc_local_store_get_owner_id (self), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZcDeclarationReviewRow *row = row_from_stmt (self, stmt, plans);

      if (row != NULL)
        g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the declarations to review failed");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * zc_local_store_declaration_review_get:
 *
 * Returns: (transfer full) (nullable): the row of @id, or %NULL with
 *   %ZC_LOCAL_STORE_ERROR_NOT_FOUND when it is not one to review here
 */
ZcDeclarationReviewRow *
zc_local_store_declaration_review_get (ZcLocalStore  *self,
                                       const char    *id,
                                       GError       **error)
{
  g_autoptr(GHashTable) plans = plan_cache_new ();
  ZcDeclarationReviewRow *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = zc_local_store_prepare (self, SELECT_ROWS " AND r.id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, zc_local_store_get_owner_id (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = row_from_stmt (self, stmt, plans);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      zc_local_store_set_db_error (self, error, "Reading the declaration failed");
      return NULL;
    }
  if (row == NULL)
    g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND,
                 "There is no declaration %s to review", id);
  return row;
}

/* The plan types a row may be under: its cached plan's, or both. */
static guint
plan_types (const ZcDeclarationReviewRow *row,
            ZcPlanType                    types[ZC_N_PLAN_TYPES])
{
  if (row->plan_known)
    {
      types[0] = row->plan_type;
      return 1;
    }
  types[0] = ZC_PLAN_TYPE_REVIEW;
  types[1] = ZC_PLAN_TYPE_DETERMINATION;
  return 2;
}

/**
 * zc_declaration_review_row_actions:
 *
 * The actions @role may take on the row now: none while one waits;
 * with the plan not cached, those of either plan type (the server
 * knows the plan).
 *
 * Returns: (transfer full) (element-type ZcDeclarationAction): in enum order
 */
GArray *
zc_declaration_review_row_actions (const ZcDeclarationReviewRow *row,
                                   ZcRole                        role)
{
  GArray *actions = g_array_new (FALSE, FALSE, sizeof (ZcDeclarationAction));
  gboolean allowed[ZC_N_DECLARATION_ACTIONS] = { FALSE };
  ZcPlanType types[ZC_N_PLAN_TYPES];
  guint n_types;

  g_return_val_if_fail (row != NULL, actions);

  if (row->flags & ZC_DECLARATION_REVIEW_AWAITING)
    return actions;
  n_types = plan_types (row, types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GArray) some = zc_declaration_workflow_available_actions (types[t], row->state, role);

      for (guint i = 0; i < some->len; i++)
        allowed[g_array_index (some, ZcDeclarationAction, i)] = TRUE;
    }
  for (guint action = 0; action < ZC_N_DECLARATION_ACTIONS; action++)
    if (allowed[action])
      g_array_append_val (actions, action);
  return actions;
}

/**
 * zc_declaration_review_row_get_deadline:
 *
 * Returns: until when (UTC µs) @role may act on @row by its plan: the
 *   unit deadline for a unit officer, the department's for a
 *   department officer (docs/declarations.md "Windows"); 0 for other
 *   roles or when the plan is not cached
 */
gint64
zc_declaration_review_row_get_deadline (const ZcDeclarationReviewRow *row,
                                        ZcRole                        role)
{
  g_return_val_if_fail (row != NULL, 0);

  switch (role)
    {
    case ZC_ROLE_UNIT_OFFICER:
      return row->unit_deadline;
    case ZC_ROLE_DEPARTMENT_OFFICER:
      return row->department_deadline;
    case ZC_ROLE_APPLICANT:
    case ZC_ROLE_COMMITTEE_OFFICER:
    case ZC_ROLE_ISSUER:
    case ZC_ROLE_ADMIN:
    default:
      return 0;
    }
}

/* Arguments */

static gboolean
args_error (GError     **error,
            const char  *field,
            const char  *message)
{
  g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID, "%s: %s", field, message);
  return FALSE;
}

/* NULL when absent; FALSE when present and not a string */
static gboolean
get_string (JsonObject  *args,
            const char  *name,
            const char **value)
{
  JsonNode *node = args != NULL ? json_object_get_member (args, name) : NULL;

  *value = NULL;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
check_ends_on (JsonObject   *args,
               const GDate  *today,
               ZcLanguage    language,
               GError      **error)
{
  g_autoptr(GError) calendar_error = NULL;
  ZcHolidayCalendar *calendar;
  const char *text = NULL;
  GDate end, earliest;

  if (!get_string (args, "ends_on", &text) || !zc_date_parse_day (text, &end))
    return args_error (error, "ends_on", zc_translate (language, N_("Give the last day of the publicity as "
                                                                    "YYYY-MM-DD.")));
  calendar = zc_holiday_calendar_get_default (&calendar_error);
  earliest = *today;
  if (calendar != NULL)
    zc_holiday_calendar_publicity_earliest_end (calendar, today, &earliest);
  if (g_date_compare (&end, &earliest) < 0)
    {
      g_autofree char *earliest_text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&earliest),
                                                        g_date_get_month (&earliest), g_date_get_day (&earliest));
      g_autofree char *message = zc_translate_printf (language, N_("A publicity lasts at least %u working days: "
                                                                   "it can end on %s at the earliest."),
                                                      (guint) ZC_PUBLICITY_MIN_WORKING_DAYS, earliest_text);

      return args_error (error, "ends_on", message);
    }
  return TRUE;
}

static gboolean
check_interview (JsonObject   *args,
                 const GDate  *today,
                 ZcLanguage    language,
                 GError      **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *text = NULL, *place = NULL;
  glong n_chars;
  GDate day;

  if (get_string (args, "interview_at", &text) && text != NULL)
    at = g_date_time_new_from_iso8601 (text, NULL);
  if (at != NULL)
    {
      local = g_date_time_to_timezone (at, zone);
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
    }
  if (at == NULL || g_date_compare (&day, today) < 0)
    return args_error (error, "interview_at",
                       zc_translate (language, N_("Give the interview's time, in the future, with its time zone "
                                                  "(2026-06-20T09:00:00+08:00).")));
  n_chars = get_string (args, "place", &place) && place != NULL ? g_utf8_strlen (place, -1) : 0;
  if (n_chars < 1 || n_chars > PLACE_MAX_CHARS || strchr (place, '\n') != NULL || strchr (place, '\r') != NULL)
    {
      g_autofree char *message = zc_translate_printf (language, N_("Give the place in 1 to %u characters, on one "
                                                                   "line."), PLACE_MAX_CHARS);

      return args_error (error, "place", message);
    }
  return TRUE;
}

static gboolean
check_votes (JsonObject  *args,
             gboolean     required,
             ZcLanguage   language,
             GError     **error)
{
  static const char * const names[] = { "votes_for", "votes_against", "votes_abstain" };
  guint n_present = 0, n_valid = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node = args != NULL ? json_object_get_member (args, names[i]) : NULL;

      if (node == NULL)
        continue;
      n_present++;
      if (json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) >= 0 &&
          json_node_get_int (node) <= VOTES_MAX)
        n_valid++;
    }
  if (n_valid == G_N_ELEMENTS (names) || (!required && n_present == 0))
    return TRUE;
  return args_error (error, "votes_for", zc_translate (language, N_("Give the votes for, against and abstaining "
                                                                    "(0 to 100 each).")));
}

static gboolean
is_officer_action (ZcDeclarationAction action)
{
  return (guint) action >= ZC_DECLARATION_ACTION_RECOMMEND && (guint) action < ZC_N_DECLARATION_ACTIONS;
}

static const char * const *
allowed_args (ZcDeclarationAction action)
{
  static const char * const none[] = { NULL };
  static const char * const ends_on[] = { "ends_on", NULL };
  static const char * const objections[] = { "objections", NULL };
  static const char * const interview[] = { "interview_at", "place", NULL };
  static const char * const votes[] = { "votes_for", "votes_against", "votes_abstain", NULL };
  static const char * const step[] = { "step", NULL };

  switch ((int) action)
    {
    case ZC_DECLARATION_ACTION_START_PUBLICITY:
    case ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY:
      return ends_on;
    case ZC_DECLARATION_ACTION_END_PUBLICITY:
    case ZC_DECLARATION_ACTION_END_RESULT_PUBLICITY:
      return objections;
    case ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW:
      return interview;
    case ZC_DECLARATION_ACTION_RECORD_PASS:
    case ZC_DECLARATION_ACTION_RECORD_FAIL:
      return votes;
    case ZC_DECLARATION_ACTION_RETURN:
      return step;
    default:
      return none;
    }
}

/**
 * zc_declaration_review_check_args:
 * @comment: (nullable): the comment; required where the workflow says
 * @args: (nullable): the action's own arguments (docs/sync.md "Mutations")
 * @today: (nullable): today in Beijing; %NULL for the clock's
 *
 * The rules the action dialog and the server apply to an officer's
 * arguments: only the members the action takes, a publicity of at
 * least ZC_PUBLICITY_MIN_WORKING_DAYS working days, an interview not
 * in the past at a place on one line, votes of 0 to 100.  A refusal is
 * %ZC_LOCAL_STORE_ERROR_INVALID "field: message", or the workflow's
 * %ZC_WORKFLOW_ERROR_COMMENT_REQUIRED.
 */
gboolean
zc_declaration_review_check_args (ZcDeclarationAction   action,
                                  const char           *comment,
                                  JsonObject           *args,
                                  const GDate          *today,
                                  ZcLanguage            language,
                                  GError              **error)
{
  const char * const *allowed;
  const char *text = NULL;
  GDate now;
  ZcDeclarationStep step;

  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_officer_action (action))
    {
      g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED, "%s",
                   zc_translate (language, N_("This is not a reviewer's action.")));
      return FALSE;
    }
  if (today == NULL)
    {
      zc_date_today_in_beijing (&now);
      today = &now;
    }
  allowed = allowed_args (action);
  if (args != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (args);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_strv_contains (allowed, l->data))
          return args_error (error, l->data, zc_translate (language, N_("This action does not take this value.")));
    }
  if (zc_declaration_action_requires_comment (action) && (comment == NULL || *comment == '\0'))
    {
      g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED, "%s",
                   zc_translate (language, N_("Give the reason.")));
      return FALSE;
    }

  switch ((int) action)
    {
    case ZC_DECLARATION_ACTION_START_PUBLICITY:
    case ZC_DECLARATION_ACTION_START_RESULT_PUBLICITY:
      return check_ends_on (args, today, language, error);
    case ZC_DECLARATION_ACTION_END_PUBLICITY:
    case ZC_DECLARATION_ACTION_END_RESULT_PUBLICITY:
      if (!get_string (args, "objections", &text) ||
          (text != NULL && g_utf8_strlen (text, -1) > OBJECTIONS_MAX_CHARS))
        {
          g_autofree char *message = zc_translate_printf (language, N_("At most %u characters"),
                                                          OBJECTIONS_MAX_CHARS);

          return args_error (error, "objections", message);
        }
      return TRUE;
    case ZC_DECLARATION_ACTION_SCHEDULE_INTERVIEW:
      return check_interview (args, today, language, error);
    case ZC_DECLARATION_ACTION_RECORD_PASS:
      return check_votes (args, TRUE, language, error);
    case ZC_DECLARATION_ACTION_RECORD_FAIL:
      return check_votes (args, FALSE, language, error);
    case ZC_DECLARATION_ACTION_RETURN:
      if (!get_string (args, "step", &text) || (text != NULL && !zc_declaration_step_from_string (text, &step)))
        return args_error (error, "step", zc_translate (language, N_("There is no such step.")));
      return TRUE;
    default:
      return TRUE;
    }
}

/* Queueing */

/* Inside the transaction: refuses what is not as the officer saw it. */
static gboolean
check_target (ZcLocalStore                     *self,
              const ZcDeclarationReviewTarget  *target,
              ZcDeclarationAction               action,
              ZcRole                            role,
              const char                       *comment,
              gint64                            now,
              ZcLanguage                        language,
              GError                          **error)
{
  gint64 deadline;
  g_autoptr(ZcDeclarationReviewRow) row = NULL;
  g_autoptr(GError) local_error = NULL;
  ZcPlanType types[ZC_N_PLAN_TYPES];
  ZcDeclarationState to;
  guint n_types;

  if (target->id == NULL || !zc_json_is_uuid (target->id))
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                   "“%s” is not a record id", target->id != NULL ? target->id : "");
      return FALSE;
    }
  row = zc_local_store_declaration_review_get (self, target->id, &local_error);
  if (row == NULL)
    {
      if (g_error_matches (local_error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND))
        g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND, "%s",
                     zc_translate (language, N_("This declaration is not among those you review on this computer.")));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* never applied blindly: what the officer acted on must be what is here */
  if (row->flags & ZC_DECLARATION_REVIEW_AWAITING)
    {
      g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED, "%s",
                   zc_translate (language, N_("An action on this declaration already waits for the next sync.")));
      return FALSE;
    }
  if (row->version != target->seen_version ||
      !zc_declaration_workflow_check_expected (row->state, target->seen_state, language, NULL))
    {
      g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED, "%s",
                   zc_translate (language, N_("This declaration changed meanwhile — look again.")));
      return FALSE;
    }

  /* the server's rule (server/zc-declaration-actions.c), by this clock */
  deadline = zc_declaration_review_row_get_deadline (row, role);
  if (deadline > 0 && now > deadline)
    {
      g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED, "%s",
                   role == ZC_ROLE_UNIT_OFFICER
                     ? zc_translate (language, N_("The plan's deadline for the units has passed."))
                     : zc_translate (language, N_("The plan's deadline for the competent departments has "
                                                  "passed.")));
      return FALSE;
    }

  n_types = plan_types (row, types);
  for (guint t = 0; t < n_types; t++)
    {
      g_clear_error (&local_error);
      if (zc_declaration_workflow_check (types[t], row->state, action, role, comment, &to, language, &local_error))
        return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A new action answers the refusal of the last one: it is dismissed,
 * as the sync status would. */
static gboolean
drop_refused (ZcLocalStore  *self,
              const char    *id,
              GError       **error)
{
  static const char * const statements[] = {
    "UPDATE rejections SET dismissed = 1 WHERE mutation_id IN (SELECT mutation_id FROM outbox"
    " WHERE record_id = ?1 AND status = 'rejected' AND name LIKE 'declaration.%')",
    "DELETE FROM outbox WHERE record_id = ?1 AND status = 'rejected' AND name LIKE 'declaration.%'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = zc_local_store_prepare (self, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      if (!zc_local_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * zc_local_store_declaration_review_queue:
 * @role: the officer's role (the session's)
 * @targets: (array length=n_targets): the declarations, as shown
 * @comment: (nullable): the comment, trimmed here
 * @args: (nullable): the action's arguments, checked by
 *   zc_declaration_review_check_args()
 * @today: (nullable): today in Beijing; %NULL for the clock's
 * @language: the language of the messages of @error
 *
 * Queues "declaration.<action>" for each of @targets in one
 * transaction, each with the state shown as expected_state and the
 * version shown as base_version: either all or none.  Checked offline
 * first with the shared workflow (the plan type from the cached plan),
 * the argument rules and the role's deadline in the cached plan (at
 * noon of @today when given); a declaration that changed since it was
 * shown or already has an action waiting is
 * %ZC_WORKFLOW_ERROR_STATE_CHANGED.
 * The local state does not change: the pull brings the server's.  A
 * refusal of an earlier action on a target is dismissed.
 */
gboolean
zc_local_store_declaration_review_queue (ZcLocalStore                     *self,
                                         ZcDeclarationAction               action,
                                         ZcRole                            role,
                                         const ZcDeclarationReviewTarget  *targets,
                                         guint                             n_targets,
                                         const char                       *comment,
                                         JsonObject                       *args,
                                         const GDate                      *today,
                                         ZcLanguage                        language,
                                         GError                          **error)
{
  g_autoptr(JsonObject) mutation_args = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *name = NULL;
  gint64 now = zc_local_store_now ();
  gint64 acting_at = now;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), FALSE);
  g_return_val_if_fail (targets != NULL || n_targets == 0, FALSE);

  /* a given day (tests) acts at its noon in Beijing */
  if (today != NULL && g_date_valid (today))
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
      g_autoptr(GDateTime) noon = g_date_time_new (zone, g_date_get_year (today), g_date_get_month (today),
                                                   g_date_get_day (today), 12, 0, 0);

      acting_at = g_date_time_to_unix (noon) * G_USEC_PER_SEC;
    }
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (comment != NULL)
    {
      if (!g_utf8_validate (comment, -1, NULL))
        {
          g_set_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_INVALID, "%s",
                       zc_translate (language, N_("The comment is not valid text.")));
          return FALSE;
        }
      trimmed = g_strstrip (g_strdup (comment));
      if (*trimmed == '\0')
        g_clear_pointer (&trimmed, g_free);
    }
  if (!zc_declaration_review_check_args (action, trimmed, args, today, language, error))
    return FALSE;
  if (n_targets == 0)
    {
      g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID, "%s",
                   zc_translate (language, N_("Choose at least one declaration.")));
      return FALSE;
    }

  mutation_args = args != NULL ? zc_json_object_copy_deep (args) : json_object_new ();
  if (trimmed != NULL)
    json_object_set_string_member (mutation_args, "comment", trimmed);
  name = g_strconcat (ZC_LOCAL_STORE_DECLARATION_MUTATION_PREFIX, zc_declaration_action_to_string (action), NULL);

  if (!zc_local_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < n_targets; i++)
    {
      const ZcDeclarationReviewTarget *target = &targets[i];

      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (targets[j].id, target->id) == 0)
          {
            g_set_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID,
                         "The declaration %s is chosen twice", target->id);
            goto fail;
          }
      if (!check_target (self, target, action, role, trimmed, acting_at, language, error) ||
          !drop_refused (self, target->id, error) ||
          !zc_local_store_insert_outbox (self, name, target->id, target->seen_version,
                                         zc_declaration_state_to_string (target->seen_state), mutation_args, NULL,
                                         now, error))
        goto fail;
    }
  if (!zc_local_store_exec (self, "COMMIT", error))
    goto fail;

  /* one signal for a batch: the desk reads the whole list again anyway */
  zc_local_store_emit_changed (self, n_targets == 1 ? targets[0].id : NULL, ZC_DECLARATION_KIND);
  return TRUE;

fail:
  zc_local_store_rollback (self);
  return FALSE;
}

/**
 * zc_local_store_declaration_review_count_awaiting:
 *
 * Returns: how many officers' declaration actions queued here wait for
 *   the server
 */
guint
zc_local_store_declaration_review_count_awaiting (ZcLocalStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (ZC_IS_LOCAL_STORE (self), 0);

  stmt = zc_local_store_prepare (self, "SELECT count (*) FROM outbox o JOIN records r ON r.id = o.record_id"
                                       " WHERE o.name LIKE 'declaration.%' AND o.status != 'rejected'"
                                       " AND r.owner_id != ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, zc_local_store_get_owner_id (self), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  sqlite3_finalize (stmt);
  return count;
}
