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
#include "zc-demo-files.h"
#include "zc-demo-plans.h"
#include "zc-json.h"
#include "zc-pdf-page.h"
#include "zc-review-service.h"
#include "zc-store-accounts.h"
#include "zc-store-audit.h"
#include "zc-store-plans.h"
#include "zc-store-sync.h"

/* 周涛 (zc-demo.c), a second applicant of the demo hospital, declares
 * 副主任医师 in cardiology with approved entries of his own archive,
 * seeded here: the demo's first applicant, 张伟, stays free to declare
 * (one declaration a year).  All fictional. */

#define DEMO_APPLICANT "410102198704230033"
#define DEMO_OFFICER   "410103197805210041"

#define DAY_USEC (G_GINT64_CONSTANT (24 * 3600) * G_USEC_PER_SEC)
#define BEIJING_OFFSET (8 * 3600)

typedef struct
{
  const char *id;
  const char *kind;
  int         days_ago;
  gboolean    with_cover;   /* attach the journal cover */
  const char *body;
} DemoEntry;

/* Ids under the demo archive's prefix (zc-demo-archive.c uses …01xx). */
static const DemoEntry demo_entries[] = {
  { "de300000-0000-4000-8000-000000000201", "archive:education", 70, FALSE,
    "{\"start_on\": \"2009-09-01\", \"graduated_on\": \"2012-07-01\", \"school\": \"河南大学\","
    " \"education_type\": \"1\", \"major\": \"内科学（心血管病）\", \"schooling_years\": 3,"
    " \"enrolment_status\": \"1\", \"education_level\": \"14\", \"degree\": \"3\", \"before_work\": true,"
    " \"overseas\": false}" },
  { "de300000-0000-4000-8000-000000000202", "archive:work-experience", 68, FALSE,
    "{\"start_on\": \"2012-07-20\", \"unit\": \"郑州市示范人民医院\", \"technical_post\": \"主治医师\","
    " \"employed_post\": \"主治医师\", \"profession\": \"心血管内科\","
    " \"content\": \"在心血管内科从事临床诊疗工作，负责心律失常患者的诊治与随访。\"}" },
  { "de300000-0000-4000-8000-000000000203", "archive:annual-assessments", 50, FALSE,
    "{\"year\": 2024, \"result\": \"1\", \"assessed_by\": \"郑州市示范人民医院\"}" },
  { "de300000-0000-4000-8000-000000000204", "archive:papers", 40, TRUE,
    "{\"title\": \"导管消融治疗阵发性心房颤动的近期疗效观察\", \"published_on\": \"2023-08-15\","
    " \"paper_type\": \"1\", \"journal\": \"中国实用医刊\", \"author_rank\": \"1\", \"own_words\": 5}" },
};

static const char body_format[] =
  "{\"plan_id\": \"" ZC_DEMO_PLAN_REVIEW_ID "\", \"plan_version\": %" G_GINT64_FORMAT ", \"method\": \"regular\","
  " \"title\": {\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"副高级\", \"title\": \"副主任医师\","
  "   \"specialty\": \"心血管内科\"},"
  " \"declaration_category\": \"临床医疗\", \"special_person\": false, \"professional_years\": 13,"
  " \"work_summary\": \"本人2012年毕业于河南大学内科学（心血管病）专业，获医学硕士学位，同年到郑州市示范人民医院"
  "心血管内科工作。任主治医师以来，主要从事心律失常的诊治，独立开展导管消融治疗一百余例。\","
  " \"qualifying_education_id\": \"de300000-0000-4000-8000-000000000201\","
  " \"picks\": [{\"record_id\": \"de300000-0000-4000-8000-000000000202\", \"category\": \"work-experience\"},"
  "   {\"record_id\": \"de300000-0000-4000-8000-000000000201\", \"category\": \"education\"},"
  "   {\"record_id\": \"de300000-0000-4000-8000-000000000203\", \"category\": \"annual-assessments\"},"
  "   {\"record_id\": \"de300000-0000-4000-8000-000000000204\", \"category\": \"papers\", \"group\": \"research\"}]}";

static gboolean
get_caller (ZcStoreTxn  *txn,
            const char  *id_number,
            ZcAccount  **account,
            ZcCaller    *caller,
            GError     **error)
{
  *account = zc_store_accounts_get_by_id_number (txn, id_number, error);
  if (*account == NULL)
    return FALSE;

  caller->account_id = (*account)->id;
  caller->name = (*account)->name;
  caller->role = (*account)->role;
  caller->unit_id = (*account)->unit_id;
  return TRUE;
}

/* Each entry as the applicant added it and the unit approved it, with
 * the history and messages a real review leaves. */
static gboolean
seed_entries (ZcStoreTxn      *txn,
              ZcBlobStore     *blobs,
              const ZcCaller  *applicant,
              const ZcCaller  *officer,
              gint64           now,
              GError         **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_entries); i++)
    {
      const DemoEntry *demo = &demo_entries[i];
      g_autoptr(ZcStoredRecord) record = zc_stored_record_new ();
      g_autoptr(ZcStoredRecord) decided = NULL;
      g_autoptr(JsonNode) body = NULL;
      gint64 added = now - demo->days_ago * DAY_USEC;
      ZcChangeContext by_applicant = { applicant, NULL, 0, NULL, ZC_LANGUAGE_ENGLISH, added };
      ZcChangeContext by_officer = { officer, NULL, 0, NULL, ZC_LANGUAGE_ENGLISH, added + 2 * DAY_USEC };
      ZcDecision decision = { demo->id, ZC_ARCHIVE_ACTION_APPROVE, NULL, "pending", 1 };

      if (!zc_json_parse (demo->body, strlen (demo->body), ZC_JSON_DEFAULT_MAX_DEPTH, &body, error))
        return FALSE;
      if (demo->with_cover)
        {
          JsonObject *cover = zc_demo_file_store (txn, blobs, ZC_DEMO_FILE_JOURNAL_COVER, applicant->account_id,
                                                  added, error);
          JsonArray *attachments;

          if (cover == NULL)
            return FALSE;
          attachments = json_array_new ();
          json_array_add_object_element (attachments, cover);
          json_object_set_array_member (json_node_get_object (body), "attachments", attachments);
        }

      record->id = g_strdup (demo->id);
      record->kind = g_strdup (demo->kind);
      record->owner_id = g_strdup (applicant->account_id);
      record->body = json_object_ref (json_node_get_object (body));
      record->state = g_strdup ("pending");
      record->version = 1;
      record->created_at = record->updated_at = record->submitted_at = added;
      if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
          !zc_store_records_insert (txn, record, error) ||
          !zc_review_service_note_transition_in (txn, &by_applicant, record, ZC_ARCHIVE_ACTION_CREATE,
                                                 NULL, NULL, error))
        return FALSE;

      decided = zc_review_service_act_in (txn, &by_officer, &decision, error);
      if (decided == NULL)
        return FALSE;
    }

  return TRUE;
}

/* The submission as the applicant made it.  The check is not run here:
 * 周涛 has no personal information in the demo. */
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

/* The day @now falls on in Beijing, as a body's date. */
static char *
beijing_day (gint64 now)
{
  g_autoptr(GTimeZone) beijing = g_time_zone_new_offset (BEIJING_OFFSET);
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, beijing);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* An image member of a body: the record less its name and size. */
static JsonObject *
image_of (JsonObject *record)
{
  JsonObject *image = json_object_new ();

  json_object_set_string_member (image, "sha256", json_object_get_string_member (record, "sha256"));
  json_object_set_string_member (image, "mime", json_object_get_string_member (record, "mime"));
  return image;
}

/* The files the declaration hands in, uploaded by the applicant: the
 * photo, the signed commitment and the defence outline (left out, with
 * a warning, where no font can write its Chinese). */
static gboolean
add_files (ZcStoreTxn             *txn,
           ZcBlobStore            *blobs,
           const ZcChangeContext  *change,
           JsonObject             *body,
           GError                **error)
{
  const char *uploader = change->caller->account_id;
  g_autoptr(JsonObject) photo = NULL;
  g_autoptr(JsonObject) signature = NULL;
  g_autoptr(JsonObject) outline = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *signed_on = beijing_day (change->now);
  JsonObject *commitment;

  photo = zc_demo_file_store (txn, blobs, ZC_DEMO_FILE_PHOTO, uploader, change->now, error);
  if (photo == NULL)
    return FALSE;
  signature = zc_demo_file_store (txn, blobs, ZC_DEMO_FILE_SIGNATURE, uploader, change->now, error);
  if (signature == NULL)
    return FALSE;
  outline = zc_demo_file_store (txn, blobs, ZC_DEMO_FILE_OUTLINE, uploader, change->now, &local_error);
  if (outline == NULL && !g_error_matches (local_error, ZC_PDF_ERROR, ZC_PDF_ERROR_NO_CJK_FONT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  json_object_set_object_member (body, "photo", image_of (photo));
  commitment = json_object_new ();
  json_object_set_string_member (commitment, "signed_on", signed_on);
  json_object_set_object_member (commitment, "signature", image_of (signature));
  json_object_set_object_member (body, "commitment", commitment);

  if (outline != NULL)
    {
      JsonArray *attachments = json_array_new ();
      JsonObject *attachment = json_object_new ();
      JsonArray *files = json_array_new ();

      json_array_add_object_element (files, g_steal_pointer (&outline));
      json_object_set_string_member (attachment, "requirement", "defence-outline");
      json_object_set_array_member (attachment, "files", files);
      json_array_add_object_element (attachments, attachment);
      json_object_set_array_member (body, "attachments", attachments);
    }
  else
    g_warning ("The demo declaration has no defence outline: %s", local_error->message);

  return TRUE;
}

/**
 * zc_demo_seed_declarations:
 * @blobs: where the declaration's files go
 *
 * Gives 周涛 an approved archive and a declaration to the demo review
 * plan, with its photo, signed commitment and defence outline, submitted
 * and waiting in his unit's review.  Seeding again leaves an existing
 * demo declaration as it is.
 */
gboolean
zc_demo_seed_declarations (ZcStoreTxn   *txn,
                           ZcBlobStore  *blobs,
                           gint64        now,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredRecord) existing = NULL;
  g_autoptr(ZcAccount) account = NULL;
  g_autoptr(ZcAccount) officer_account = NULL;
  g_autoptr(ZcPlan) plan = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(ZcPutResult) put = NULL;
  g_autofree char *text = NULL;
  ZcCaller caller = { 0 };
  ZcCaller officer = { 0 };
  ZcChangeContext change = { &caller, NULL, 0, NULL, ZC_LANGUAGE_LOCALE, now };

  g_return_val_if_fail (txn != NULL && ZC_IS_BLOB_STORE (blobs), FALSE);

  existing = zc_store_records_get (txn, ZC_DEMO_DECLARATION_ID, &local_error);
  if (existing != NULL)
    return TRUE;
  if (!g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!get_caller (txn, DEMO_APPLICANT, &account, &caller, error) ||
      !get_caller (txn, DEMO_OFFICER, &officer_account, &officer, error))
    return FALSE;
  plan = zc_store_plans_get (txn, ZC_DEMO_PLAN_REVIEW_ID, 0, error);
  if (plan == NULL)
    return FALSE;

  /* the entries are seeded with the declaration, so they exist when it
   * does not (and not when it does) */
  change.now = now - 3 * DAY_USEC;
  if (!seed_entries (txn, blobs, &caller, &officer, change.now - 30 * DAY_USEC, error))
    return FALSE;

  text = g_strdup_printf (body_format, zc_plan_get_version (plan));
  if (!zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &body, error) ||
      !add_files (txn, blobs, &change, json_node_get_object (body), error))
    return FALSE;

  put = zc_declaration_record_put_in (txn, &change, ZC_DEMO_DECLARATION_ID, 0, json_node_get_object (body), TRUE,
                                      TRUE, error);

  return put != NULL && submit (txn, &change, put->record, error);
}
