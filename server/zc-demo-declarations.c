/* zc-demo-declarations.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-demo"

#include "config.h"

#include <string.h>

#include "zc-declaration-freeze.h"
#include "zc-declaration-record.h"
#include "zc-demo-declarations.h"
#include "zc-demo-plans.h"
#include "zc-json.h"
#include "zc-store-accounts.h"
#include "zc-store-audit.h"
#include "zc-store-plans.h"
#include "zc-store-sync.h"

/* The demo applicant (zc-demo.c) declares 副主任医师 in cardiology with
 * entries of the demo archive (zc-demo-archive.c).  All fictional. */

#define DEMO_APPLICANT "410102198503120014"

static const char body_format[] =
  "{\"plan_id\": \"" ZC_DEMO_PLAN_REVIEW_ID "\", \"plan_version\": %" G_GINT64_FORMAT ", \"method\": \"regular\","
  " \"title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"副主任医师\","
  "   \"specialty\": \"心血管内科\"},"
  " \"declaration_category\": \"临床医疗\", \"special_person\": false, \"professional_years\": 15,"
  " \"work_summary\": \"本人2011年毕业于郑州大学内科学（心血管病）专业，获医学硕士学位，同年到郑州市示范人民医院"
  "心血管内科工作。任主治医师以来，独立开展冠状动脉造影及介入治疗三百余例，主持省级科研课题一项。\","
  " \"qualifying_education_id\": \"de300000-0000-4000-8000-000000000102\","
  " \"picks\": [{\"record_id\": \"de300000-0000-4000-8000-000000000103\", \"category\": \"work-experience\"},"
  "   {\"record_id\": \"de300000-0000-4000-8000-000000000102\", \"category\": \"education\"},"
  "   {\"record_id\": \"de300000-0000-4000-8000-000000000104\", \"category\": \"annual-assessments\"},"
  "   {\"record_id\": \"de300000-0000-4000-8000-000000000106\", \"category\": \"papers\", \"group\": \"research\"},"
  "   {\"record_id\": \"de300000-0000-4000-8000-000000000109\", \"category\": \"projects\", \"group\": \"research\"}]}";

/* The submission as the applicant made it; the demo has no signed
 * commitment file, so the check is not run here. */
static gboolean
submit (ZcStoreTxn             *txn,
        const ZcChangeContext  *change,
        ZcStoredRecord         *record,
        GError                **error)
{
  g_autoptr(ZcDeclarationRow) row = zc_store_declarations_get (txn, record->id, error);
  ZcRecordHistoryEntry history = {
    .record_id = record->id,
    .at = change->now,
    .actor_id = change->caller->account_id,
    .actor_role = (char *) "applicant",
    .action = (char *) "submit",
    .from_state = (char *) "draft",
    .to_state = (char *) "unit_review",
  };
  ZcAuditEntry audit = {
    .actor = change->caller->account_id,
    .action = "declaration.submit",
    .object = record->id,
    .detail = "draft→unit_review",
  };

  if (row == NULL)
    return FALSE;

  g_free (record->state);
  record->state = g_strdup ("unit_review");
  record->version++;
  record->submitted_at = record->updated_at = change->now;
  g_free (row->state);
  row->state = g_strdup (record->state);
  row->reached = ZC_DECLARATION_REACHED_UNIT;
  row->submitted_at = row->updated_at = change->now;
  history.version = record->version;

  return zc_store_sync_next_seq (txn, &record->seq, error) &&
         zc_store_records_update (txn, record, FALSE, error) &&
         zc_store_declarations_put (txn, row, error) &&
         zc_store_records_append_history (txn, &history, error) &&
         zc_store_audit_append (txn, change->now, &audit, error) &&
         zc_declaration_freeze_in (txn, change, record, error);
}

/* Seeding again leaves an existing demo declaration as it is. */
gboolean
zc_demo_seed_declarations (ZcStoreTxn  *txn,
                           gint64       now,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredRecord) existing = zc_store_records_get (txn, ZC_DEMO_DECLARATION_ID, &local_error);
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(ZcPutResult) put = NULL;
  g_autofree char *text = NULL;
  ZcCaller caller = { 0 };
  ZcChangeContext change = { &caller, NULL, 0, NULL, ZC_LANGUAGE_LOCALE, now };

  if (existing != NULL)
    return TRUE;
  if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  account = zc_store_accounts_get_by_id_number (txn, DEMO_APPLICANT, error);
  plan = account != NULL ? zc_store_plans_get (txn, ZC_DEMO_PLAN_REVIEW_ID, 0, error) : NULL;
  if (plan == NULL)
    return FALSE;

  text = g_strdup_printf (body_format, zc_plan_get_version (plan));
  if (!zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &body, error))
    return FALSE;

  caller.account_id = account->id;
  caller.name = account->name;
  caller.role = account->role;
  caller.unit_id = account->unit_id;
  put = zc_declaration_record_put_in (txn, &change, ZC_DEMO_DECLARATION_ID, 0, json_node_get_object (body), TRUE,
                                      TRUE, error);

  return put != NULL && submit (txn, &change, put->record, error);
}
