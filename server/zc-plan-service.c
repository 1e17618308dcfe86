/* zc-plan-service.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zc-account-rules.h"
#include "zc-api-error.h"
#include "zc-api-json.h"
#include "zc-blob-service.h"
#include "zc-id-number.h"
#include "zc-json.h"
#include "zc-plan-service.h"
#include "zc-store-audit.h"
#include "zc-store-integrity.h"
#include "zc-store-plans.h"
#include "zc-store-units.h"

/* A published plan changes only by a new version: revise copies it into
 * a draft of the next version, which is edited and published in its
 * turn.  Every version stays, because declarations keep the version
 * they were made under. */

static void
set_store_error (GError       **error,
                 const GError  *store_error,
                 ZcLanguage     language)
{
  if (g_error_matches (store_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    zc_api_set_not_found (error, language);
  else
    zc_api_error_from_other (error, store_error, language);
}

static gboolean
caller_owns (const ZcCaller *caller,
             ZcPlan         *plan)
{
  return caller->role == ZC_ROLE_COMMITTEE_OFFICER && caller->unit_id != NULL &&
         g_strcmp0 (caller->unit_id, zc_plan_get_committee_id (plan)) == 0;
}

static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

static gboolean
check_validity (ZcPlan      *plan,
                gboolean     for_publish,
                ZcLanguage   language,
                GError     **error)
{
  g_autoptr(GPtrArray) errors = NULL;

  if (zc_plan_validate (plan, NULL, for_publish, language, &errors))
    return TRUE;

  if (errors != NULL && errors->len > 0)
    zc_api_set_field_errors (error, errors, language);
  else
    zc_api_set_error (error, ZC_API_ERROR_INVALID, "invalid_record", NULL,
                      zc_translate (language, N_("The plan is not valid.")));
  return FALSE;
}

/* Naming a blob lends access to it (applicants read a published plan's
 * notice files): a plan may only name files its officer may read
 * already, which also means they are on the server. */
static gboolean
check_notice_files (ZcStoreTxn      *txn,
                    const ZcCaller  *caller,
                    ZcPlan          *plan,
                    ZcLanguage       language,
                    GError         **error)
{
  JsonArray *notices = zc_plan_get_notices (plan);
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; notices != NULL && i < json_array_get_length (notices); i++)
    {
      JsonObject *notice = json_array_get_object_element (notices, i);
      JsonNode *member = json_object_get_member (notice, "files");
      JsonArray *files = member != NULL && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;

      for (guint j = 0; files != NULL && j < json_array_get_length (files); j++)
        {
          JsonObject *file = json_array_get_object_element (files, j);
          const char *sha256 = json_object_get_string_member (file, "sha256");
          gboolean allowed = FALSE;

          if (!zc_blob_service_may_read_in (txn, caller, sha256, &allowed, &local_error))
            {
              zc_api_error_from_other (error, local_error, language);
              return FALSE;
            }
          if (!allowed)
            {
              g_autofree char *field = g_strdup_printf ("notices[%u].files[%u]", i, j);

              zc_api_set_error (error, ZC_API_ERROR_INVALID, "blob_missing", field,
                                zc_translate (language, N_("A file named in a notice has not been uploaded.")));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Reads @body as a plan for input: the codec's errors become 400s. */
static ZcPlan *
parse_plan (JsonNode    *body,
            ZcLanguage   language,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ZcPlan *plan = zc_plan_new_from_json (body, TRUE, &local_error);

  if (plan == NULL)
    {
      if (local_error != NULL && local_error->domain == ZC_JSON_ERROR)
        zc_api_error_from_json (error, local_error, language);
      else if (local_error != NULL)
        zc_api_set_error (error, ZC_API_ERROR_INVALID, "invalid_value", NULL, local_error->message);
      else
        zc_api_set_error (error, ZC_API_ERROR_INVALID, "invalid_value", NULL,
                          zc_translate (language, N_("The plan is not valid.")));
    }

  return plan;
}

static gboolean
finish_write (ZcStoreTxn          *txn,
              gint64               now,
              const ZcAuditEntry  *entry,
              ZcLanguage           language,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!zc_store_audit_append (txn, now, entry, &local_error) ||
      !zc_store_txn_commit (txn, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return FALSE;
    }

  return TRUE;
}

/**
 * zc_plan_service_list:
 *
 * Returns: (transfer full) (element-type ZcPlan): the page of plans
 */
GPtrArray *
zc_plan_service_list (ZcContext           *ctx,
                      const ZcCaller      *caller,
                      const ZcPlanFilter  *filter,
                      guint                limit,
                      guint                offset,
                      guint               *total_out,
                      ZcLanguage           language,
                      GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *page;
  const char *drafts_of = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && filter != NULL, NULL);

  if (caller->role == ZC_ROLE_COMMITTEE_OFFICER)
    drafts_of = caller->unit_id;

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn != NULL)
    all = zc_store_plans_list (txn, filter, drafts_of, &local_error);
  if (all == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  page = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_plan_unref);
  for (guint i = offset; i < all->len && page->len < limit; i++)
    g_ptr_array_add (page, zc_plan_ref (all->pdata[i]));
  if (total_out != NULL)
    *total_out = all->len;

  return page;
}

ZcPlan *
zc_plan_service_get (ZcContext       *ctx,
                     const ZcCaller  *caller,
                     const char      *id,
                     gint64           version,
                     ZcLanguage       language,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcPlan) latest = NULL;
  g_autoptr(ZcPlan) plan = NULL;

  g_return_val_if_fail (ctx != NULL && caller != NULL && id != NULL, NULL);

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn != NULL)
    latest = zc_store_plans_get_latest (txn, id, &local_error);
  if (latest == NULL)
    {
      set_store_error (error, local_error, language);
      return NULL;
    }

  if (version == 0 && caller_owns (caller, latest))
    return g_steal_pointer (&latest);

  plan = zc_store_plans_get (txn, id, version, &local_error);
  if (plan == NULL)
    {
      set_store_error (error, local_error, language);
      return NULL;
    }
  if (zc_plan_get_state (plan) == ZC_PLAN_STATE_DRAFT && !caller_owns (caller, plan))
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  return g_steal_pointer (&plan);
}

ZcPlan *
zc_plan_service_create (ZcContext       *ctx,
                        const ZcCaller  *caller,
                        JsonNode        *body,
                        const char      *address,
                        ZcLanguage       language,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcUnit) committee = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autofree char *id = NULL;
  ZcAuditEntry entry = { .actor = caller->account_id, .action = "plan.create", .address = address };
  gint64 now;

  g_return_val_if_fail (ctx != NULL && caller != NULL && body != NULL, NULL);

  plan = parse_plan (body, language, error);
  if (plan == NULL)
    return NULL;
  /* the server names a new plan and counts its versions */
  if (zc_plan_get_id (plan) != NULL || zc_plan_get_version (plan) != 0)
    {
      zc_api_set_invalid_field (error, zc_plan_get_id (plan) != NULL ? "id" : "version",
                                zc_translate (language, N_("A new plan gets its id and version from the server.")));
      return NULL;
    }
  if (!check_validity (plan, FALSE, language, error))
    return NULL;

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn != NULL && caller->unit_id != NULL)
    committee = zc_store_units_get (txn, caller->unit_id, &local_error);
  if (txn == NULL || (committee == NULL && local_error != NULL &&
                      !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND)))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  if (committee == NULL || committee->kind != ZC_UNIT_KIND_COMMITTEE)
    {
      zc_api_set_error (error, ZC_API_ERROR_FORBIDDEN, "forbidden", NULL,
                        zc_translate (language, N_("Only the officer of a review committee can make plans.")));
      return NULL;
    }

  if (!check_notice_files (txn, caller, plan, language, error))
    return NULL;

  now = zc_context_now (ctx);
  id = g_uuid_string_random ();
  zc_plan_set_id (plan, id);
  zc_plan_set_version (plan, 1);
  zc_plan_set_state (plan, ZC_PLAN_STATE_DRAFT);
  zc_plan_set_committee (plan, committee->id, committee->name);
  entry.object = id;
  entry.detail = zc_plan_get_name (plan);

  if (!zc_store_plans_insert (txn, plan, now, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  if (!finish_write (txn, now, &entry, language, error))
    return NULL;

  return g_steal_pointer (&plan);
}

/* The newest version of @id, for a change by its committee's officer:
 * another committee's plan is not found. */
static ZcPlan *
get_own_latest (ZcStoreTxn      *txn,
                const ZcCaller  *caller,
                const char      *id,
                ZcLanguage       language,
                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcPlan) latest = zc_store_plans_get_latest (txn, id, &local_error);

  if (latest == NULL)
    {
      set_store_error (error, local_error, language);
      return NULL;
    }
  if (!caller_owns (caller, latest))
    {
      zc_api_set_not_found (error, language);
      return NULL;
    }

  return g_steal_pointer (&latest);
}

static gboolean
check_expected_version (ZcPlan      *latest,
                        gint64       expected_version,
                        ZcLanguage   language,
                        GError     **error)
{
  if (expected_version != 0 && expected_version != zc_plan_get_version (latest))
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "state_changed", "version",
                        zc_translate (language, N_("The plan has changed since you opened it. Look at it again.")));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_draft (ZcPlan      *latest,
             ZcLanguage   language,
             GError     **error)
{
  if (zc_plan_get_state (latest) != ZC_PLAN_STATE_DRAFT)
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "not_draft", NULL,
                        zc_translate (language, N_("Only a draft can be changed. Revise the published plan to change it.")));
      return FALSE;
    }

  return TRUE;
}

ZcPlan *
zc_plan_service_update (ZcContext       *ctx,
                        const ZcCaller  *caller,
                        const char      *id,
                        JsonNode        *body,
                        const char      *address,
                        ZcLanguage       language,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcPlan) latest = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  ZcAuditEntry entry = { .actor = caller->account_id, .action = "plan.update", .object = id, .address = address };
  gint64 now;

  g_return_val_if_fail (ctx != NULL && caller != NULL && id != NULL && body != NULL, NULL);

  plan = parse_plan (body, language, error);
  if (plan == NULL)
    return NULL;
  if (zc_plan_get_version (plan) == 0)
    {
      zc_api_set_error (error, ZC_API_ERROR_INVALID, "missing_value", "version",
                        zc_translate (language, N_("Send the version of the draft you edited.")));
      return NULL;
    }
  if (zc_plan_get_id (plan) != NULL && g_ascii_strcasecmp (zc_plan_get_id (plan), id) != 0)
    {
      zc_api_set_invalid_field (error, "id", zc_translate (language, N_("The id differs from the plan’s address.")));
      return NULL;
    }

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  latest = get_own_latest (txn, caller, id, language, error);
  if (latest == NULL ||
      !check_expected_version (latest, zc_plan_get_version (plan), language, error) ||
      !check_draft (latest, language, error) ||
      !check_validity (plan, FALSE, language, error) ||
      !check_notice_files (txn, caller, plan, language, error))
    return NULL;

  now = zc_context_now (ctx);
  zc_plan_set_id (plan, zc_plan_get_id (latest));
  zc_plan_set_state (plan, ZC_PLAN_STATE_DRAFT);
  zc_plan_set_committee (plan, zc_plan_get_committee_id (latest), zc_plan_get_committee_name (latest));
  entry.detail = zc_plan_get_name (plan);

  if (!zc_store_plans_update (txn, plan, now, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  if (!finish_write (txn, now, &entry, language, error))
    return NULL;

  return g_steal_pointer (&plan);
}

/* Whether any version of @id is closed: a closed plan stays closed. */
static gboolean
any_closed (ZcStoreTxn  *txn,
            const char  *id,
            gboolean    *closed,
            GError     **error)
{
  g_autoptr(GPtrArray) versions = zc_store_plans_list_versions (txn, id, error);

  if (versions == NULL)
    return FALSE;

  *closed = FALSE;
  for (guint i = 0; i < versions->len; i++)
    *closed = *closed || zc_plan_get_state (versions->pdata[i]) == ZC_PLAN_STATE_CLOSED;

  return TRUE;
}

static ZcPlan *
publish (ZcStoreTxn  *txn,
         ZcPlan      *latest,
         gint64       now,
         ZcLanguage   language,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) published_at = date_time_from_usec (now);
  g_autoptr(ZcPlan) plan = zc_plan_copy (latest);
  gboolean closed = FALSE;

  if (!check_draft (latest, language, error))
    return NULL;
  if (!any_closed (txn, zc_plan_get_id (latest), &closed, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  if (closed)
    {
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "plan_closed", NULL,
                        zc_translate (language, N_("The plan is closed.")));
      return NULL;
    }
  if (!check_validity (latest, TRUE, language, error))
    return NULL;

  zc_plan_set_state (plan, ZC_PLAN_STATE_PUBLISHED);
  zc_plan_set_published_at (plan, published_at);
  if (!zc_store_plans_update (txn, plan, now, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&plan);
}

static gboolean
check_published (ZcPlan      *latest,
                 ZcLanguage   language,
                 GError     **error)
{
  switch (zc_plan_get_state (latest))
    {
    case ZC_PLAN_STATE_PUBLISHED:
      return TRUE;
    case ZC_PLAN_STATE_CLOSED:
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "plan_closed", NULL,
                        zc_translate (language, N_("The plan is closed.")));
      return FALSE;
    case ZC_PLAN_STATE_DRAFT:
    default:
      zc_api_set_error (error, ZC_API_ERROR_CONFLICT, "not_published", NULL,
                        zc_translate (language, N_("Only a published plan can be closed or revised; publish or finish its draft first.")));
      return FALSE;
    }
}

/* Closes every published version, so that none takes new declarations. */
static ZcPlan *
close_plan (ZcStoreTxn  *txn,
            ZcPlan      *latest,
            gint64       now,
            ZcLanguage   language,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) closed_at = date_time_from_usec (now);
  g_autoptr(GPtrArray) versions = NULL;
  ZcPlan *newest = NULL;

  if (!check_published (latest, language, error))
    return NULL;

  versions = zc_store_plans_list_versions (txn, zc_plan_get_id (latest), &local_error);
  if (versions == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  for (guint i = 0; i < versions->len; i++)
    {
      ZcPlan *version = versions->pdata[i];

      if (zc_plan_get_state (version) != ZC_PLAN_STATE_PUBLISHED)
        continue;
      zc_plan_set_state (version, ZC_PLAN_STATE_CLOSED);
      zc_plan_set_closed_at (version, closed_at);
      if (!zc_store_plans_update (txn, version, now, &local_error))
        {
          zc_api_error_from_other (error, local_error, language);
          return NULL;
        }
      newest = version;
    }

  return newest != NULL ? zc_plan_ref (newest) : NULL;
}

static ZcPlan *
revise (ZcStoreTxn      *txn,
        const ZcCaller  *caller,
        ZcPlan          *latest,
        gint64           now,
        ZcLanguage       language,
        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcPlan) draft = NULL;

  /* the draft names the published version's files again */
  if (!check_published (latest, language, error) ||
      !check_notice_files (txn, caller, latest, language, error))
    return NULL;

  draft = zc_plan_copy (latest);
  zc_plan_set_version (draft, zc_plan_get_version (latest) + 1);
  zc_plan_set_state (draft, ZC_PLAN_STATE_DRAFT);
  zc_plan_set_published_at (draft, NULL);
  zc_plan_set_closed_at (draft, NULL);
  if (!zc_store_plans_insert (txn, draft, now, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }

  return g_steal_pointer (&draft);
}

ZcPlan *
zc_plan_service_act (ZcContext       *ctx,
                     const ZcCaller  *caller,
                     const char      *id,
                     ZcPlanAction     action,
                     gint64           expected_version,
                     const char      *address,
                     ZcLanguage       language,
                     GError         **error)
{
  static const char * const audit_actions[] = {
    [ZC_PLAN_ACTION_PUBLISH] = "plan.publish",
    [ZC_PLAN_ACTION_CLOSE] = "plan.close",
    [ZC_PLAN_ACTION_REVISE] = "plan.revise",
  };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autoptr(ZcPlan) latest = NULL;
  g_autoptr(ZcPlan) result = NULL;
  g_autofree char *detail = NULL;
  ZcAuditEntry entry = { .actor = caller->account_id, .object = id, .address = address };
  gint64 now;

  g_return_val_if_fail (ctx != NULL && caller != NULL && id != NULL, NULL);
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (audit_actions), NULL);

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL)
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  latest = get_own_latest (txn, caller, id, language, error);
  if (latest == NULL || !check_expected_version (latest, expected_version, language, error))
    return NULL;

  now = zc_context_now (ctx);
  switch (action)
    {
    case ZC_PLAN_ACTION_PUBLISH:
      result = publish (txn, latest, now, language, error);
      break;
    case ZC_PLAN_ACTION_CLOSE:
      result = close_plan (txn, latest, now, language, error);
      break;
    case ZC_PLAN_ACTION_REVISE:
      result = revise (txn, caller, latest, now, language, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (result == NULL)
    return NULL;

  entry.action = audit_actions[action];
  detail = g_strdup_printf ("version %" G_GINT64_FORMAT, zc_plan_get_version (result));
  entry.detail = detail;
  if (!finish_write (txn, now, &entry, language, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* ---- integrity records ------------------------------------------------ */

#define REASON_MAX_CHARS 500
#define BEIJING_OFFSET   (8 * 3600)

/* The end of @text's day in Asia/Shanghai (China keeps no summer time),
 * as the first µs of the next day; 0 when @text is no "YYYY-MM-DD". */
static gint64
parse_until (const char *text)
{
  g_autoptr(GTimeZone) beijing = g_time_zone_new_offset (BEIJING_OFFSET);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) next = NULL;
  guint64 year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return 0;
    }

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 2000 || year > 2100 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;

  start = g_date_time_new (beijing, (int) year, (int) month, (int) day, 0, 0, 0);
  next = start != NULL ? g_date_time_add_days (start, 1) : NULL;
  return next != NULL ? g_date_time_to_unix (next) * G_USEC_PER_SEC : 0;
}

static gboolean
validate_reason (const char  *reason,
                 char       **normalized,
                 ZcLanguage   language,
                 GError     **error)
{
  g_autofree char *text = NULL;
  glong length = 0;

  if (reason != NULL && strlen (reason) <= REASON_MAX_CHARS * 4 && g_utf8_validate (reason, -1, NULL))
    {
      text = zc_text_normalize (reason);
      length = g_utf8_strlen (text, -1);
    }
  if (length < 1 || length > REASON_MAX_CHARS)
    {
      g_autofree char *message = zc_translate_printf (language, N_("Enter a reason of 1 to %d characters."),
                                                      REASON_MAX_CHARS);

      zc_api_set_invalid_field (error, "reason", message);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          zc_api_set_invalid_field (error, "reason",
                                    zc_translate (language, N_("The reason must be one line of text.")));
          return FALSE;
        }
    }

  *normalized = g_steal_pointer (&text);
  return TRUE;
}

/**
 * zc_integrity_service_add:
 *
 * Returns: (transfer full): the record stored
 */
ZcIntegrityRecord *
zc_integrity_service_add (ZcContext      *ctx,
                          const char     *id_number,
                          const char     *until,
                          const char     *reason,
                          const ZcActor  *actor,
                          ZcLanguage      language,
                          GError        **error)
{
  g_autoptr(ZcIntegrityRecord) record = g_new0 (ZcIntegrityRecord, 1);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  ZcAuditEntry entry = { .actor = actor->account_id, .action = "integrity.add", .address = actor->address };
  gint64 now;

  g_return_val_if_fail (ctx != NULL && actor != NULL, NULL);

  record->id_number = id_number != NULL ? zc_id_number_normalize (id_number) : NULL;
  if (record->id_number == NULL ||
      !zc_id_number_validate (record->id_number, NULL, NULL, NULL, language, &local_error))
    {
      zc_api_set_invalid_field (error, "id_number",
                                local_error != NULL ? local_error->message
                                                    : zc_translate (language, N_("Enter a resident ID number.")));
      return NULL;
    }

  now = zc_context_now (ctx);
  record->until = parse_until (until);
  if (record->until == 0)
    {
      zc_api_set_invalid_field (error, "until",
                                zc_translate (language, N_("Enter the last day of the ban as YYYY-MM-DD.")));
      return NULL;
    }
  if (record->until <= now)
    {
      zc_api_set_invalid_field (error, "until", zc_translate (language, N_("The last day of the ban has passed.")));
      return NULL;
    }
  if (!validate_reason (reason, &record->reason, language, error))
    return NULL;

  record->id = g_uuid_string_random ();
  record->created_at = now;
  record->created_by = g_strdup (actor->account_id != NULL ? actor->account_id : "admin command");
  entry.object = record->id;
  /* the ID number is personal data: the trail names the record only */
  entry.detail = until;

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL || !zc_store_integrity_insert (txn, record, &local_error))
    {
      zc_api_error_from_other (error, local_error, language);
      return NULL;
    }
  if (!finish_write (txn, now, &entry, language, error))
    return NULL;

  return g_steal_pointer (&record);
}

/**
 * zc_integrity_service_list:
 *
 * Returns: (transfer full) (element-type ZcIntegrityRecord): the records,
 *   newest first
 */
GPtrArray *
zc_integrity_service_list (ZcContext   *ctx,
                           const char  *id_number,
                           gboolean     active_only,
                           ZcLanguage   language,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  g_autofree char *normalized = id_number != NULL ? zc_id_number_normalize (id_number) : NULL;
  GPtrArray *records = NULL;

  g_return_val_if_fail (ctx != NULL, NULL);

  txn = zc_store_begin_read (ctx->store, &local_error);
  if (txn != NULL)
    records = zc_store_integrity_list (txn, normalized, active_only ? zc_context_now (ctx) : 0, &local_error);
  if (records == NULL)
    zc_api_error_from_other (error, local_error, language);

  return records;
}

gboolean
zc_integrity_service_remove (ZcContext      *ctx,
                             const char     *id,
                             const ZcActor  *actor,
                             ZcLanguage      language,
                             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoreTxn) txn = NULL;
  ZcAuditEntry entry = { .actor = actor->account_id, .action = "integrity.remove", .object = id,
                         .address = actor->address };

  g_return_val_if_fail (ctx != NULL && actor != NULL, FALSE);

  if (id == NULL || !zc_json_is_uuid (id))
    {
      zc_api_set_not_found (error, language);
      return FALSE;
    }

  txn = zc_store_begin_write (ctx->store, &local_error);
  if (txn == NULL || !zc_store_integrity_remove (txn, id, &local_error))
    {
      set_store_error (error, local_error, language);
      return FALSE;
    }

  return finish_write (txn, zc_context_now (ctx), &entry, language, error);
}

/**
 * zc_integrity_record_to_json:
 *
 * Returns: (transfer full): `{id, id_number, reason, until, created_at, created_by}`;
 *   until is the first moment the ban no longer holds
 */
JsonNode *
zc_integrity_record_to_json (const ZcIntegrityRecord *record)
{
  g_autofree char *until = NULL;
  g_autofree char *created_at = NULL;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (record != NULL, NULL);

  until = zc_api_json_time (record->until);
  created_at = zc_api_json_time (record->created_at);
  object = json_object_new ();
  json_object_set_string_member (object, "id", record->id);
  json_object_set_string_member (object, "id_number", record->id_number);
  json_object_set_string_member (object, "reason", record->reason);
  json_object_set_string_member (object, "until", until);
  json_object_set_string_member (object, "created_at", created_at);
  if (record->created_by != NULL)
    json_object_set_string_member (object, "created_by", record->created_by);
  else
    json_object_set_null_member (object, "created_by");

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}
