/* zc-demo-archive.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-demo"

#include "config.h"

#include <string.h>

#include "zc-archive-import.h"
#include "zc-demo.h"
#include "zc-form-validator.h"
#include "zc-json.h"
#include "zc-review-service.h"
#include "zc-store-accounts.h"
#include "zc-store-records.h"
#include "zc-store-sync.h"

/* The demo applicant's personal information and achievement archive:
 * a cardiologist at the demo hospital, with entries in every review
 * state across several categories, so that the archive, the unit
 * officer's queue, the messages and the review history all have
 * something to show.  Each record has a fixed id: seeding again skips
 * what exists.  All content is fictional. */

#define DEMO_APPLICANT "410102198503120014"
#define DEMO_OFFICER   "410103197805210041"
#define DEMO_ADMIN     "410102197001010080"

#define DAY_USEC (G_GINT64_CONSTANT (24 * 3600) * G_USEC_PER_SEC)

#define PERSONAL_INFO_ID "de300000-0000-4000-8000-000000000001"

static const char personal_info[] =
  "{\"ethnic_group\": \"01\", \"birth_date\": \"1985-03-12\", \"political_status\": \"01\","
  " \"id_type\": \"111\", \"native_place\": \"河南郑州\", \"birthplace\": \"河南省郑州市\","
  " \"nationality\": \"中国\", \"health\": \"健康\", \"party_joined_on\": \"2007-06-18\","
  " \"academic_posts\": \"河南省医学会心血管病学分会青年委员\","
  " \"mobile\": \"13800000001\", \"email\": \"zhangwei@example.com\","
  " \"address\": \"河南省郑州市金水区示范路 88 号\", \"postcode\": \"450003\","
  " \"unit_name\": \"郑州市示范人民医院\", \"unit_nature\": \"20\", \"unit_address\": \"河南省郑州市金水区示范路 88 号\","
  " \"department\": \"心血管内科\", \"post\": \"临床医师\", \"work_started_on\": \"2011-07-15\","
  " \"highest_post\": \"主治医师\", \"employed_post\": \"主治医师\", \"employed_since\": \"2016-12-01\","
  " \"current_profession\": \"心血管内科\", \"profession_since\": \"2011-07-15\","
  " \"work_years\": 15, \"specialty_years\": 15, \"foreign_language\": \"大学英语六级\","
  " \"computer_level\": \"全国计算机等级考试二级\","
  " \"performance_summary\": \"从事心血管内科临床工作十余年，熟练掌握冠心病、心力衰竭、心律失常的诊治，"
  "独立完成冠状动脉造影及介入治疗三百余例；主持省级科研课题一项，以第一作者发表论文多篇。\"}";

typedef struct
{
  const char *id;
  const char *category;     /* the archive form id */
  const char *state;        /* where it ends */
  int         days_ago;     /* when it was added */
  const char *comment;      /* the officer's, for returned and rejected; the source system, for imported */
  const char *body;
} DemoEntry;

static const DemoEntry demo_entries[] = {
  { "de300000-0000-4000-8000-000000000101", "education", "approved", 60, NULL,
    "{\"start_on\": \"2003-09-01\", \"graduated_on\": \"2008-07-01\", \"school\": \"郑州大学\","
    " \"education_type\": \"1\", \"major\": \"临床医学\", \"schooling_years\": 5, \"enrolment_status\": \"1\","
    " \"education_level\": \"21\", \"degree\": \"4\", \"before_work\": true, \"overseas\": false}" },
  { "de300000-0000-4000-8000-000000000102", "education", "approved", 60, NULL,
    "{\"start_on\": \"2008-09-01\", \"graduated_on\": \"2011-07-01\", \"school\": \"郑州大学\","
    " \"education_type\": \"1\", \"major\": \"内科学（心血管病）\", \"schooling_years\": 3,"
    " \"enrolment_status\": \"1\", \"education_level\": \"14\", \"degree\": \"3\", \"before_work\": true,"
    " \"overseas\": false}" },
  { "de300000-0000-4000-8000-000000000103", "work-experience", "approved", 58, NULL,
    "{\"start_on\": \"2011-07-15\", \"unit\": \"郑州市示范人民医院\", \"technical_post\": \"主治医师\","
    " \"employed_post\": \"主治医师\", \"profession\": \"心血管内科\","
    " \"content\": \"在心血管内科从事临床诊疗工作，负责病房管理、急危重症抢救及住院医师带教；"
    "2016 年起开展冠状动脉介入诊疗。\"}" },
  { "de300000-0000-4000-8000-000000000104", "annual-assessments", "approved", 45, NULL,
    "{\"year\": 2023, \"result\": \"1\", \"assessed_by\": \"郑州市示范人民医院\"}" },
  { "de300000-0000-4000-8000-000000000105", "annual-assessments", "pending", 12, NULL,
    "{\"year\": 2024, \"result\": \"2\", \"assessed_by\": \"郑州市示范人民医院\"}" },
  { "de300000-0000-4000-8000-000000000106", "papers", "pending", 9, NULL,
    "{\"title\": \"经皮冠状动脉介入治疗术后患者双联抗血小板治疗依从性分析\", \"published_on\": \"2023-05-20\","
    " \"paper_type\": \"1\", \"journal\": \"中国实用医刊\", \"volume_pages\": \"2023,50(10):45-48\","
    " \"author_rank\": \"2\", \"own_words\": 6}" },
  { "de300000-0000-4000-8000-000000000107", "papers", "returned", 20,
    "请补充期刊封面、目录页及论文全文的扫描件。",
    "{\"title\": \"基层医院急性心肌梗死溶栓治疗的临床观察\", \"published_on\": \"2021-11-10\","
    " \"paper_type\": \"1\", \"journal\": \"河南医学研究\", \"author_rank\": \"1\", \"own_words\": 5}" },
  { "de300000-0000-4000-8000-000000000108", "awards", "rejected", 30,
    "经核实，该奖项的获奖人员名单中没有您，不予通过。",
    "{\"name\": \"郑州市科学技术进步奖\", \"work\": \"心力衰竭患者院外随访管理体系的建立\","
    " \"level\": \"4\", \"grade\": \"2\", \"awarded_by\": \"郑州市人民政府\", \"awarded_on\": \"2020-12-18\","
    " \"rank\": 3, \"participants\": 7}" },
  { "de300000-0000-4000-8000-000000000109", "projects", "pending", 5, NULL,
    "{\"name\": \"冠心病患者心脏康复管理模式的研究\", \"number\": \"LHGJ20220123\","
    " \"assigned_by\": \"河南省卫生健康委员会\", \"level\": \"3\", \"start_on\": \"2022-01-01\","
    " \"end_on\": \"2024-12-31\", \"role\": \"1\", \"rank\": 1, \"participants\": 6, \"status\": \"3\","
    " \"funding\": 5, \"summary\": \"建立医院—社区联动的心脏康复随访模式，纳入患者 312 例。\"}" },
  { "de300000-0000-4000-8000-000000000110", "continuing-education", "unreviewed", 3, "河南省继续医学教育管理系统",
    "{\"start_on\": \"2024-03-11\", \"end_on\": \"2024-03-15\", \"organiser\": \"河南省医学会\","
    " \"location\": \"郑州\", \"content\": \"心血管疾病诊疗新进展学习班\", \"course_type\": \"2\", \"hours\": 32}" },
  { "de300000-0000-4000-8000-000000000111", "qualification-certificates", "unreviewed", 3, "医师资格证书查询系统",
    "{\"name\": \"医师资格证书\", \"certificate_type\": \"1\", \"specialty\": \"临床\","
    " \"number\": \"201141110410102198503120014\", \"issued_by\": \"河南省卫生健康委员会\","
    " \"issued_on\": \"2012-12-20\"}" },
};

static JsonObject *
parse_object (const char  *text,
              GError     **error)
{
  g_autoptr(JsonNode) node = NULL;

  if (!zc_json_parse (text, strlen (text), ZC_JSON_DEFAULT_MAX_DEPTH, &node, error))
    return NULL;

  return json_object_ref (json_node_get_object (node));
}

/* The demo data must pass the same checks as anyone's. */
static gboolean
check_body (const char  *form_id,
            JsonObject  *body,
            GError     **error)
{
  g_autoptr(ZcFormSchema) schema = zc_form_schema_lookup (form_id, error);
  g_autoptr(GPtrArray) field_errors = NULL;
  ZcValidationContext context;

  if (schema == NULL)
    return FALSE;

  zc_validation_context_init (&context);
  if (zc_form_validate (schema, body, &context, ZC_LANGUAGE_ENGLISH, &field_errors))
    return TRUE;

  g_set_error (error, ZC_STORE_ERROR, ZC_STORE_ERROR_IO, "Demo %s: %s", form_id,
               ((ZcFieldError *) g_ptr_array_index (field_errors, 0))->message);
  return FALSE;
}

static gboolean
exists (ZcStoreTxn  *txn,
        const char  *id,
        gboolean    *found,
        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ZcStoredRecord) record = zc_store_records_get (txn, id, &local_error);

  *found = record != NULL;
  if (record == NULL && !g_error_matches (local_error, ZC_STORE_ERROR, ZC_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static ZcCaller *
caller_of (ZcStoreTxn  *txn,
           const char  *id_number,
           GError     **error)
{
  g_autoptr(ZcAccount) account = zc_store_accounts_get_by_id_number (txn, id_number, error);
  ZcCaller *caller;

  if (account == NULL)
    return NULL;

  caller = g_new0 (ZcCaller, 1);
  caller->account_id = g_strdup (account->id);
  caller->name = g_strdup (account->name);
  caller->role = account->role;
  caller->unit_id = g_strdup (account->unit_id);
  return caller;
}

static gboolean
seed_personal_info (ZcStoreTxn      *txn,
                    const ZcCaller  *applicant,
                    gint64           now,
                    GError         **error)
{
  g_autoptr(ZcStoredRecord) record = zc_stored_record_new ();
  g_autoptr(ZcAccount) account = zc_store_accounts_get (txn, applicant->account_id, error);
  gboolean found = FALSE;

  if (account == NULL || !exists (txn, PERSONAL_INFO_ID, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  record->body = parse_object (personal_info, error);
  if (record->body == NULL)
    return FALSE;
  json_object_set_string_member (record->body, "name", account->name);
  json_object_set_string_member (record->body, "id_number", account->id_number);
  json_object_set_string_member (record->body, "gender", g_strcmp0 (account->gender, "female") == 0 ? "2" : "1");
  if (!check_body ("personal-info", record->body, error))
    return FALSE;

  record->id = g_strdup (PERSONAL_INFO_ID);
  record->kind = g_strdup ("personal-info");
  record->owner_id = g_strdup (applicant->account_id);
  record->version = 1;
  record->created_at = record->updated_at = now - 90 * DAY_USEC;

  return zc_store_sync_next_seq (txn, &record->seq, error) && zc_store_records_insert (txn, record, error);
}

/* Adds an entry as its applicant did, then takes it where it ends
 * through the officer's decision, leaving the history, audit rows and
 * messages a real review leaves. */
static gboolean
seed_entry (ZcStoreTxn       *txn,
            const DemoEntry  *demo,
            const ZcCaller   *applicant,
            const ZcCaller   *officer,
            const ZcCaller   *admin,
            gint64            now,
            GError          **error)
{
  g_autoptr(ZcStoredRecord) record = zc_stored_record_new ();
  gint64 added = now - demo->days_ago * DAY_USEC;
  ZcChangeContext by_applicant = { applicant, NULL, 0, NULL, ZC_LANGUAGE_ENGLISH, added };
  ZcChangeContext by_admin = { admin, NULL, 0, NULL, ZC_LANGUAGE_ENGLISH, added };
  ZcChangeContext by_officer = { officer, NULL, 0, NULL, ZC_LANGUAGE_ENGLISH, added + 2 * DAY_USEC };
  gboolean unreviewed = g_str_equal (demo->state, "unreviewed");
  gboolean found = FALSE;

  if (!exists (txn, demo->id, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  record->body = parse_object (demo->body, error);
  if (record->body == NULL || !check_body (demo->category, record->body, error))
    return FALSE;

  /* the administrator's import of records from other systems */
  if (unreviewed)
    return zc_archive_import_entry_in (txn, &by_admin, demo->id, applicant->account_id, demo->category,
                                       record->body, demo->comment, &found, error);

  record->id = g_strdup (demo->id);
  record->kind = g_strconcat ("archive:", demo->category, NULL);
  record->owner_id = g_strdup (applicant->account_id);
  record->state = g_strdup ("pending");
  record->version = 1;
  record->created_at = record->updated_at = added;
  record->submitted_at = added;
  if (!zc_store_sync_next_seq (txn, &record->seq, error) ||
      !zc_store_records_insert (txn, record, error) ||
      !zc_review_service_note_transition_in (txn, &by_applicant, record, ZC_ARCHIVE_ACTION_CREATE,
                                             NULL, NULL, error))
    return FALSE;

  if (g_str_equal (demo->state, "pending"))
    return TRUE;

  /* the unit's decision */
  {
    ZcDecision decision = { demo->id, ZC_ARCHIVE_ACTION_APPROVE, demo->comment, "pending", 1 };
    g_autoptr(ZcStoredRecord) decided = NULL;

    if (g_str_equal (demo->state, "returned"))
      decision.action = ZC_ARCHIVE_ACTION_RETURN;
    else if (g_str_equal (demo->state, "rejected"))
      decision.action = ZC_ARCHIVE_ACTION_REJECT;

    decided = zc_review_service_act_in (txn, &by_officer, &decision, error);
    return decided != NULL;
  }
}

/**
 * zc_demo_seed_archive:
 * @txn: the demo seeding's write transaction
 *
 * Gives the demo applicant personal information and an archive with
 * entries pending, unreviewed, approved, returned and rejected.
 */
gboolean
zc_demo_seed_archive (ZcStoreTxn  *txn,
                      gint64       now,
                      GError     **error)
{
  g_autoptr(ZcCaller) applicant = NULL;
  g_autoptr(ZcCaller) officer = NULL;
  g_autoptr(ZcCaller) admin = NULL;

  g_return_val_if_fail (txn != NULL, FALSE);

  applicant = caller_of (txn, DEMO_APPLICANT, error);
  if (applicant == NULL)
    return FALSE;
  officer = caller_of (txn, DEMO_OFFICER, error);
  if (officer == NULL)
    return FALSE;
  admin = caller_of (txn, DEMO_ADMIN, error);
  if (admin == NULL)
    return FALSE;

  if (!seed_personal_info (txn, applicant, now, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_entries); i++)
    {
      if (!seed_entry (txn, &demo_entries[i], applicant, officer, admin, now, error))
        {
          g_prefix_error (error, "Demo entry %s: ", demo_entries[i].id);
          return FALSE;
        }
    }

  return TRUE;
}
