/* test-local-store-review.c: the unit officer's review queue and decisions
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "zc-i18n.h"
#include "zc-local-store.h"
#include "zc-local-store-review.h"
#include "zc-sync-message.h"

#define EPOCH "test-epoch"
#define PERSON_A "aaaaaaaa-0000-4000-8000-000000000001"
#define PERSON_B "bbbbbbbb-0000-4000-8000-000000000002"
#define PERSON_C "cccccccc-0000-4000-8000-000000000003"

typedef struct
{
  char         *dir;
  char         *path;
  ZcLocalStore *store;
  gint64        seq;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("zc-review-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "officer.sqlite", NULL);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->seq = 1;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* An entry as the server sent it, last changed @days_ago. */
static ZcRecord *
entry_new (const char *id,
           const char *owner,
           const char *form_id,
           const char *state,
           gint64      version,
           int         days_ago,
           const char *title)
{
  g_autofree char *kind = g_strconcat ("archive:", form_id, NULL);
  g_autoptr(ZcRecord) record = zc_record_new (id, kind, owner);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = g_date_time_add_days (now, -days_ago);

  json_object_set_string_member (body, "title", title);
  json_object_set_string_member (body, "journal", "中国电力");
  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  zc_record_set_version (record, version);
  zc_record_set_created_at (record, when);
  zc_record_set_updated_at (record, when);
  return g_steal_pointer (&record);
}

/* Stores @record as a pull would, in one transaction. */
static void
pull (Fixture  *fixture,
      ZcRecord *record,
      gint64    last_mutation_id)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_pull_response_free);
  ZcPullResponse *response = zc_pull_response_new (EPOCH, ++fixture->seq, last_mutation_id);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (response->changes, zc_change_new_put (fixture->seq, record));
  g_ptr_array_add (responses, response);
  g_assert_true (zc_local_store_apply_pull (fixture->store, responses, &error));
  g_assert_no_error (error);
}

static char *
seed (Fixture    *fixture,
      const char *owner,
      const char *form_id,
      const char *state,
      int         days_ago,
      const char *title)
{
  g_autoptr(ZcRecord) record = entry_new (NULL, owner, form_id, state, 2, days_ago, title);

  pull (fixture, record, 0);
  return g_strdup (zc_record_get_id (record));
}

static void
set_names (ZcLocalStore *store)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (names, (gpointer) PERSON_A, (gpointer) "张伟");
  g_hash_table_insert (names, (gpointer) PERSON_B, (gpointer) "李娜");
  /* skipped: not an account id, and an empty name */
  g_hash_table_insert (names, (gpointer) "not-a-uuid", (gpointer) "某人");
  g_hash_table_insert (names, (gpointer) PERSON_C, (gpointer) "");
  g_assert_true (zc_local_store_review_set_person_names (store, names, &error));
  g_assert_no_error (error);
}

static ZcReviewQueue *
query (ZcLocalStore         *store,
       const ZcReviewFilter *filter)
{
  g_autoptr(GError) error = NULL;
  ZcReviewQueue *queue = zc_local_store_review_query (store, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (queue);
  return queue;
}

static const ZcReviewRow *
row_of (ZcReviewQueue *queue,
        const char    *id)
{
  guint index = G_MAXUINT;

  g_assert_true (zc_review_queue_find (queue, id, &index));
  return zc_review_queue_get_row (queue, index);
}

/* The store's own entries are no part of the queue; nothing is an
 * empty queue, not an error. */
static void
test_empty_and_own (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ZcReviewQueue) empty = query (fixture->store, NULL);
  g_autoptr(ZcReviewQueue) queue = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(ZcRecord) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;
  ZcReviewFilter filter;

  g_assert_cmpuint (zc_review_queue_get_n_rows (empty), ==, 0);
  g_assert_null (zc_review_queue_get_row (empty, 0));
  g_assert_false (zc_review_queue_find (empty, PERSON_A, NULL));

  zc_review_filter_init (&filter);
  g_assert_cmpint (filter.state, ==, -1);
  g_assert_cmpint (filter.sort, ==, ZC_REVIEW_SORT_AGE);
  g_assert_null (filter.search);

  json_object_set_int_member (body, "year", 2022);
  json_object_set_string_member (body, "result", "1");
  json_object_set_string_member (body, "assessed_by", "本单位");
  own = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", body, &error);
  g_assert_no_error (error);
  other = seed (fixture, PERSON_A, "papers", "pending", 1, "别人的论文");
  /* the personal information of someone else is not an archive entry */
  {
    g_autoptr(ZcRecord) info = zc_record_new (NULL, "personal-info", PERSON_B);
    g_autoptr(JsonObject) info_body = json_object_new ();

    zc_record_set_body (info, info_body);
    pull (fixture, info, 0);
  }

  queue = query (fixture->store, NULL);
  g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 1);
  g_assert_cmpstr (zc_review_queue_get_row (queue, 0)->id, ==, other);
  g_assert_false (zc_review_queue_find (queue, zc_record_get_id (own), NULL));
}

/* Each filter, the search and each sort, on the effective state. */
static void
test_filters_and_sort (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *a1 = seed (fixture, PERSON_A, "papers", "pending", 40, "配电网自动化改造");
  g_autofree char *a2 = seed (fixture, PERSON_A, "papers", "approved", 3, "变电站巡检机器人");
  g_autofree char *a3 = seed (fixture, PERSON_A, "awards", "pending", 10, "科技进步奖 100%_达标");
  g_autofree char *b1 = seed (fixture, PERSON_B, "papers", "pending", 20, "基层医院溶栓治疗");
  g_autofree char *b2 = seed (fixture, PERSON_B, "patents", "returned", 1, "一种输电线路除冰装置");
  g_autofree char *c1 = seed (fixture, PERSON_C, "papers", "pending", 0, "无名氏的论文");
  ZcReviewFilter filter;

  set_names (fixture->store);

  /* everything, longest waiting first */
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, NULL);
    const char *expected[] = { a1, b1, a3, a2, b2, c1 };

    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 6);
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (zc_review_queue_get_row (queue, i)->id, ==, expected[i]);
    g_assert_cmpstr (row_of (queue, a1)->owner_name, ==, "张伟");
    g_assert_cmpstr (row_of (queue, b1)->owner_name, ==, "李娜");
    g_assert_null (row_of (queue, c1)->owner_name);
    g_assert_cmpstr (row_of (queue, c1)->owner_id, ==, PERSON_C);
    g_assert_cmpstr (row_of (queue, a3)->kind, ==, "archive:awards");
    g_assert_cmpint (row_of (queue, a1)->state, ==, ZC_REVIEW_STATE_PENDING);
    g_assert_cmpint (row_of (queue, b2)->state, ==, ZC_REVIEW_STATE_RETURNED);
    g_assert_cmpint (row_of (queue, a1)->version, ==, 2);
    g_assert_cmpuint (row_of (queue, a1)->flags, ==, 0);
    g_assert_cmpint (row_of (queue, a1)->updated_at, <, row_of (queue, b1)->updated_at);
  }

  /* person */
  zc_review_filter_init (&filter);
  filter.person_id = PERSON_A;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 3);
  }
  filter.person_id = "dddddddd-0000-4000-8000-000000000004";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 0);
  }

  /* category and status together */
  zc_review_filter_init (&filter);
  filter.category = "papers";
  filter.state = ZC_REVIEW_STATE_PENDING;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 3);
    g_assert_false (zc_review_queue_find (queue, a2, NULL));
  }
  filter.category = "no-such-form";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 0);
  }
  /* a state past the enum shows nothing rather than everything */
  zc_review_filter_init (&filter);
  filter.state = ZC_N_REVIEW_STATES;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 0);
  }

  /* age: waiting at least 10 days (the boundary is in) */
  zc_review_filter_init (&filter);
  filter.min_age_days = 10;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 3);
    g_assert_true (zc_review_queue_find (queue, a3, NULL));
  }
  filter.min_age_days = 365;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 0);
  }

  /* search: in a name, in the entry's text; % and _ are no wildcards */
  zc_review_filter_init (&filter);
  filter.search = "李娜";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 2);
  }
  filter.search = "巡检";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 1);
    g_assert_cmpstr (zc_review_queue_get_row (queue, 0)->id, ==, a2);
  }
  filter.search = "100%_";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 1);
  }
  filter.search = "%";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 1);
  }
  /* member names of the JSON are not text of the entry */
  filter.search = "journal";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 0);
  }
  filter.search = "";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 6);
  }

  /* sorts */
  zc_review_filter_init (&filter);
  filter.sort = ZC_REVIEW_SORT_AGE;
  filter.descending = TRUE;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpstr (zc_review_queue_get_row (queue, 0)->id, ==, c1);
    g_assert_cmpstr (zc_review_queue_get_row (queue, 5)->id, ==, a1);
  }
  filter.sort = ZC_REVIEW_SORT_CATEGORY;
  filter.descending = FALSE;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpstr (zc_review_queue_get_row (queue, 0)->kind, ==, "archive:awards");
    g_assert_cmpstr (zc_review_queue_get_row (queue, 5)->kind, ==, "archive:patents");
  }
  filter.sort = ZC_REVIEW_SORT_STATUS;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpint (zc_review_queue_get_row (queue, 0)->state, ==, ZC_REVIEW_STATE_APPROVED);
    g_assert_cmpint (zc_review_queue_get_row (queue, 5)->state, ==, ZC_REVIEW_STATE_RETURNED);
  }
  filter.sort = ZC_REVIEW_SORT_PERSON;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    /* within a person, longest waiting first */
    g_assert_cmpstr (zc_review_queue_get_row (queue, 0)->owner_id, ==, zc_review_queue_get_row (queue, 1)->owner_id);
    g_assert_cmpint (zc_review_queue_get_row (queue, 0)->updated_at, <=, zc_review_queue_get_row (queue, 1)->updated_at);
  }
}

/* The people of the queue and their remembered names. */
static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *a1 = seed (fixture, PERSON_A, "papers", "pending", 4, "一");
  g_autofree char *a2 = seed (fixture, PERSON_A, "papers", "approved", 4, "二");
  g_autofree char *c1 = seed (fixture, PERSON_C, "papers", "pending", 4, "三");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name_a = NULL;
  g_autofree char *name_c = NULL;
  ZcReviewPerson *person;

  people = zc_local_store_review_list_people (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_null (((ZcReviewPerson *) people->pdata[0])->name);

  set_names (fixture->store);
  name_a = zc_local_store_review_get_person_name (fixture->store, PERSON_A);
  name_c = zc_local_store_review_get_person_name (fixture->store, PERSON_C);
  g_assert_cmpstr (name_a, ==, "张伟");
  g_assert_null (name_c);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count (*) FROM sync_meta WHERE k LIKE 'person-name:%'"), ==, 2);

  g_clear_pointer (&people, g_ptr_array_unref);
  people = zc_local_store_review_list_people (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  /* named first, unknown names last */
  person = people->pdata[0];
  g_assert_cmpstr (person->id, ==, PERSON_A);
  g_assert_cmpstr (person->name, ==, "张伟");
  g_assert_cmpuint (person->n_pending, ==, 1);
  g_assert_cmpuint (person->n_entries, ==, 2);
  person = people->pdata[1];
  g_assert_cmpstr (person->id, ==, PERSON_C);
  g_assert_null (person->name);

  /* a name changes when the server says so */
  {
    g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree char *renamed = NULL;

    g_hash_table_insert (names, (gpointer) PERSON_A, (gpointer) "张伟伟");
    g_assert_true (zc_local_store_review_set_person_names (fixture->store, names, &error));
    renamed = zc_local_store_review_get_person_name (fixture->store, PERSON_A);
    g_assert_cmpstr (renamed, ==, "张伟伟");
  }
}

static void
target_of (ZcReviewTarget *target,
           ZcReviewQueue  *queue,
           const char     *id)
{
  const ZcReviewRow *row = row_of (queue, id);

  target->id = row->id;
  target->seen_state = row->state;
  target->seen_version = row->version;
}

static void
count_changed (ZcLocalStore *store,
               const char   *id,
               const char   *kind,
               guint        *count)
{
  g_assert_nonnull (id);
  g_assert_cmpstr (kind, ==, "archive:papers");
  (*count)++;
}

/* A batch: one outbox row per entry, in one transaction; the entries
 * leave the pending filter and are marked as waiting. */
static void
test_decide_batch (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) id_list = g_ptr_array_new_with_free_func (g_free);
  char **ids;
  g_autoptr(ZcReviewQueue) queue = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;
  ZcReviewTarget targets[3];
  ZcReviewFilter filter;
  guint changed = 0;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("论文 %u", i);
      g_ptr_array_add (id_list, seed (fixture, PERSON_A, "papers", "pending", 5 - (int) i, title));
    }
  ids = (char **) id_list->pdata;
  queue = query (fixture->store, NULL);
  for (guint i = 0; i < 3; i++)
    target_of (&targets[i], queue, ids[i]);

  {
    gulong handler = g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changed), &changed);

    g_assert_true (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 3, NULL,
                                                 ZC_LANGUAGE_ENGLISH, &error));
    g_assert_no_error (error);
    g_signal_handler_disconnect (fixture->store, handler);
  }
  g_assert_cmpuint (changed, ==, 3);

  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      ZcMutation *mutation = outbox->pdata[i];

      g_assert_cmpstr (mutation->name, ==, "archive.approve");
      g_assert_cmpstr (mutation->record_id, ==, ids[i]);
      g_assert_cmpstr (mutation->expected_state, ==, "pending");
      g_assert_cmpint (mutation->base_version, ==, 2);
      g_assert_cmpuint (json_object_get_size (mutation->args), ==, 0);
    }
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 3);
  g_assert_cmpuint (zc_local_store_review_count_awaiting (fixture->store), ==, 3);

  /* the local copy: decided, marked as waiting */
  {
    g_autoptr(ZcRecord) record = zc_local_store_get_record (fixture->store, ids[0], &error);
    g_autoptr(ZcReviewQueue) after = query (fixture->store, NULL);

    g_assert_cmpstr (zc_record_get_state (record), ==, "approved");
    g_assert_cmpint (zc_record_get_version (record), ==, 2);
    g_assert_cmpint (row_of (after, ids[0])->state, ==, ZC_REVIEW_STATE_APPROVED);
    g_assert_cmpuint (row_of (after, ids[0])->flags, ==, ZC_REVIEW_ROW_AWAITING);
    g_assert_cmpuint (row_of (after, ids[3])->flags, ==, 0);
  }
  g_assert_cmpint (raw_int (fixture->path, "SELECT count (*) FROM records WHERE dirty = 1"), ==, 3);

  zc_review_filter_init (&filter);
  filter.state = ZC_REVIEW_STATE_PENDING;
  {
    g_autoptr(ZcReviewQueue) pending = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (pending), ==, 1);
    g_assert_cmpstr (zc_review_queue_get_row (pending, 0)->id, ==, ids[3]);
  }
}

/* Return and reject need a reason, checked offline by the shared
 * workflow in the caller's language; the reason is stored trimmed. */
static void
test_decide_comment (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = seed (fixture, PERSON_B, "papers", "pending", 2, "待退回");
  g_autoptr(ZcReviewQueue) queue = query (fixture->store, NULL);
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;
  ZcReviewTarget target;

  target_of (&target, queue, id);

  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_RETURN, &target, 1, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_assert_true (strlen (error->message) > 0);
  g_clear_error (&error);
  /* full-width spaces are no reason */
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_REJECT, &target, 1, "\u3000 \n",
                                                ZC_LANGUAGE_LOCALE, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_assert_true (strlen (error->message) > 0);
  g_clear_error (&error);
  /* not UTF-8 */
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_RETURN, &target, 1, "\xff\xfe",
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_INVALID);
  g_clear_error (&error);
  /* 501 characters */
  {
    g_autoptr(GString) longer = g_string_new (NULL);

    for (guint i = 0; i < 501; i++)
      g_string_append (longer, "字");
    g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_RETURN, &target, 1, longer->str,
                                                  ZC_LANGUAGE_ENGLISH, &error));
    g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_COMMENT_TOO_LONG);
    g_clear_error (&error);
  }
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);

  g_assert_true (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_RETURN, &target, 1,
                                               "  附件不清晰，请重新上传。\n", ZC_LANGUAGE_ENGLISH, &error));
  g_assert_no_error (error);
  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_cmpuint (outbox->len, ==, 1);
  g_assert_cmpstr (((ZcMutation *) outbox->pdata[0])->name, ==, "archive.return");
  g_assert_cmpstr (json_object_get_string_member (((ZcMutation *) outbox->pdata[0])->args, "comment"), ==,
                   "附件不清晰，请重新上传。");
  {
    g_autoptr(ZcRecord) record = zc_local_store_get_record (fixture->store, id, &error);

    g_assert_cmpstr (zc_record_get_state (record), ==, "returned");
    g_assert_cmpstr (zc_record_get_review_comment (record), ==, "附件不清晰，请重新上传。");
  }
}

/* A batch is all or nothing: one bad target queues none. */
static void
test_decide_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *good = seed (fixture, PERSON_A, "papers", "pending", 3, "好");
  g_autofree char *other = seed (fixture, PERSON_A, "papers", "pending", 3, "另一个");
  g_autofree char *approved = seed (fixture, PERSON_A, "papers", "approved", 3, "已通过");
  g_autoptr(ZcReviewQueue) queue = query (fixture->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) own = NULL;
  ZcReviewTarget targets[2];

  target_of (&targets[0], queue, good);

  /* a version other than the one here: it changed since it was seen */
  target_of (&targets[1], queue, other);
  targets[1].seen_version = 1;
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 2, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
  g_assert_nonnull (strstr (error->message, "changed"));
  g_clear_error (&error);

  /* a state other than the one here */
  target_of (&targets[1], queue, other);
  targets[1].seen_state = ZC_REVIEW_STATE_RETURNED;
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 2, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
  g_clear_error (&error);

  /* an approved entry cannot be approved again */
  target_of (&targets[1], queue, approved);
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 2, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* unknown and malformed ids */
  targets[1].id = "eeeeeeee-0000-4000-8000-00000000000e";
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 2, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  targets[1].id = "";
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 2, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* one's own entry */
  {
    g_autoptr(JsonObject) body = json_object_new ();

    json_object_set_int_member (body, "year", 2021);
    json_object_set_string_member (body, "result", "1");
    json_object_set_string_member (body, "assessed_by", "本单位");
    own = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", body, &error);
    g_assert_no_error (error);
  }
  targets[1].id = zc_record_get_id (own);
  targets[1].seen_state = ZC_REVIEW_STATE_PENDING;
  targets[1].seen_version = 0;
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 2, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_WRONG_ROLE);
  g_clear_error (&error);

  /* not a decision; no entry */
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_EDIT, targets, 1, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 0, NULL,
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* nothing of any of it was queued (the own entry's creation only) */
  g_assert_cmpint (raw_int (fixture->path, "SELECT count (*) FROM outbox WHERE name LIKE 'archive.%'"), ==, 0);
  {
    g_autofree char *state = raw_text (fixture->path, "SELECT group_concat (DISTINCT state) FROM records"
                                                      " WHERE kind = 'archive:papers' AND state != 'approved'");
    g_assert_cmpstr (state, ==, "pending");
  }

  /* decided once, not twice */
  g_assert_true (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 1, NULL,
                                               ZC_LANGUAGE_ENGLISH, &error));
  g_assert_false (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_REJECT, targets, 1, "不对",
                                                ZC_LANGUAGE_ENGLISH, &error));
  g_assert_error (error, ZC_WORKFLOW_ERROR, ZC_WORKFLOW_ERROR_STATE_CHANGED);
  g_assert_cmpuint (zc_local_store_review_count_awaiting (fixture->store), ==, 1);
}

/* After the server's answer: acknowledged decisions stay decided; a
 * refused one shows what the officer saw, marked, until the server's
 * copy comes; a pull landing while a decision waits does not undo it. */
static void
test_server_answers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *kept = seed (fixture, PERSON_A, "papers", "pending", 3, "通过");
  g_autofree char *stale = seed (fixture, PERSON_B, "papers", "pending", 3, "被改过");
  g_autoptr(ZcReviewQueue) queue = query (fixture->store, NULL);
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;
  ZcReviewTarget targets[2];
  gint64 kept_id, stale_id;

  target_of (&targets[0], queue, kept);
  target_of (&targets[1], queue, stale);
  g_assert_true (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE, targets, 2, NULL,
                                               ZC_LANGUAGE_ENGLISH, &error));
  outbox = zc_local_store_list_outbox (fixture->store, &error);
  kept_id = ((ZcMutation *) outbox->pdata[0])->id;
  stale_id = ((ZcMutation *) outbox->pdata[1])->id;

  /* the applicant edited the second entry meanwhile: a pull brings it
   * before the push is answered; the decision still shows as made */
  {
    g_autoptr(ZcRecord) edited = entry_new (stale, PERSON_B, "papers", "pending", 3, 0, "被改过（新）");
    g_autoptr(ZcReviewQueue) after = NULL;

    pull (fixture, edited, 0);
    after = query (fixture->store, NULL);
    g_assert_cmpint (row_of (after, stale)->state, ==, ZC_REVIEW_STATE_APPROVED);
    g_assert_cmpuint (row_of (after, stale)->flags, ==, ZC_REVIEW_ROW_AWAITING);
    g_assert_cmpint (row_of (after, stale)->version, ==, 3);
  }

  /* the server consumed both and refused the second: STATE_CHANGED */
  {
    g_autoptr(ZcPushResult) result = zc_push_result_new (stale_id);
    g_autoptr(ZcReviewQueue) after = NULL;
    g_autoptr(GPtrArray) rejections = NULL;

    g_ptr_array_add (result->rejections, zc_rejection_new (stale_id, "STATE_CHANGED", "changed meanwhile"));
    g_assert_true (zc_local_store_apply_push (fixture->store, result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);
    g_assert_cmpuint (zc_local_store_review_count_awaiting (fixture->store), ==, 0);

    after = query (fixture->store, NULL);
    /* acknowledged: decided, no longer waiting (the pull confirms it) */
    g_assert_cmpint (row_of (after, kept)->state, ==, ZC_REVIEW_STATE_APPROVED);
    g_assert_cmpuint (row_of (after, kept)->flags, ==, 0);
    /* refused: the server's newer copy is here, so its state shows */
    g_assert_cmpint (row_of (after, stale)->state, ==, ZC_REVIEW_STATE_PENDING);
    g_assert_cmpuint (row_of (after, stale)->flags, ==, ZC_REVIEW_ROW_REFUSED);

    rejections = zc_local_store_list_rejections (fixture->store, &error);
    g_assert_cmpuint (rejections->len, ==, 1);
    g_assert_cmpstr (((ZcLocalRejection *) rejections->pdata[0])->code, ==, "STATE_CHANGED");
    g_assert_cmpstr (((ZcLocalRejection *) rejections->pdata[0])->mutation->name, ==, "archive.approve");
  }
  g_assert_cmpint (kept_id, <, stale_id);

  /* looked at again (version 3), it can be decided anew */
  {
    g_autoptr(ZcReviewQueue) again = query (fixture->store, NULL);
    g_autoptr(ZcReviewQueue) after = NULL;
    ZcReviewTarget target;

    target_of (&target, again, stale);
    g_assert_cmpint (target.seen_version, ==, 3);
    g_assert_true (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_RETURN, &target, 1, "请补充",
                                                 ZC_LANGUAGE_ENGLISH, &error));
    g_assert_no_error (error);
    after = query (fixture->store, NULL);
    g_assert_cmpint (row_of (after, stale)->state, ==, ZC_REVIEW_STATE_RETURNED);
    g_assert_cmpuint (row_of (after, stale)->flags, ==, ZC_REVIEW_ROW_AWAITING);
  }
}

/* A refused decision whose entry the server did not send again shows
 * the state the officer saw, not the one it hoped for. */
static void
test_refused_without_news (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = seed (fixture, PERSON_A, "papers", "pending", 3, "被别人先审");
  g_autoptr(ZcReviewQueue) queue = query (fixture->store, NULL);
  g_autoptr(ZcReviewQueue) after = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(ZcPushResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ZcReviewTarget target;
  ZcReviewFilter filter;
  gint64 mutation_id;

  target_of (&target, queue, id);
  g_assert_true (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_REJECT, &target, 1, "不符合",
                                               ZC_LANGUAGE_ENGLISH, &error));
  outbox = zc_local_store_list_outbox (fixture->store, &error);
  mutation_id = ((ZcMutation *) outbox->pdata[0])->id;
  result = zc_push_result_new (mutation_id);
  g_ptr_array_add (result->rejections, zc_rejection_new (mutation_id, "STATE_CHANGED", "decided by someone else"));
  g_assert_true (zc_local_store_apply_push (fixture->store, result, &error));
  g_assert_no_error (error);

  zc_review_filter_init (&filter);
  filter.state = ZC_REVIEW_STATE_PENDING;
  after = query (fixture->store, &filter);
  g_assert_cmpuint (zc_review_queue_get_n_rows (after), ==, 1);
  g_assert_cmpuint (zc_review_queue_get_row (after, 0)->flags, ==, ZC_REVIEW_ROW_REFUSED);

  /* the other officer's decision arrives */
  {
    g_autoptr(ZcRecord) decided = entry_new (id, PERSON_A, "papers", "approved", 3, 3, "被别人先审");
    g_autoptr(ZcReviewQueue) now = NULL;

    pull (fixture, decided, mutation_id);
    now = query (fixture->store, NULL);
    g_assert_cmpint (row_of (now, id)->state, ==, ZC_REVIEW_STATE_APPROVED);
    g_assert_cmpuint (row_of (now, id)->flags, ==, ZC_REVIEW_ROW_REFUSED);
  }
}

/* 10,000 entries: one query, quickly, in every order. */
static void
test_large_queue (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_pull_response_free);
  ZcPullResponse *response = zc_pull_response_new (EPOCH, 20000, 0);
  g_autoptr(GError) error = NULL;
  const char *owners[] = { PERSON_A, PERSON_B, PERSON_C };
  const char *forms[] = { "papers", "awards", "patents", "projects" };
  ZcReviewFilter filter;
  gint64 start, took;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *title = g_strdup_printf ("第 %u 篇", i);
      g_autoptr(ZcRecord) record = entry_new (NULL, owners[i % 3], forms[i % 4], i % 5 == 0 ? "approved" : "pending",
                                              2, (int) (i % 90), title);

      g_ptr_array_add (response->changes, zc_change_new_put (i + 1, record));
    }
  g_ptr_array_add (responses, response);
  g_assert_true (zc_local_store_apply_pull (fixture->store, responses, &error));
  g_assert_no_error (error);
  set_names (fixture->store);

  zc_review_filter_init (&filter);
  filter.state = ZC_REVIEW_STATE_PENDING;
  for (int sort = ZC_REVIEW_SORT_AGE; sort <= ZC_REVIEW_SORT_STATUS; sort++)
    {
      g_autoptr(ZcReviewQueue) queue = NULL;

      filter.sort = sort;
      start = g_get_monotonic_time ();
      queue = query (fixture->store, &filter);
      took = g_get_monotonic_time () - start;
      g_test_message ("sort %d: %u rows in %.1f ms", sort, zc_review_queue_get_n_rows (queue), took / 1000.0);
      g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 8000);
      /* generous, for sanitizer builds on a slow machine */
      g_assert_cmpint (took, <, 2 * G_USEC_PER_SEC);
    }

  filter.search = "第 9999 篇";
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (queue), ==, 1);
  }

  /* a thousand decisions in one transaction */
  filter.search = NULL;
  filter.sort = ZC_REVIEW_SORT_AGE;
  {
    g_autoptr(ZcReviewQueue) queue = query (fixture->store, &filter);
    g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (ZcReviewTarget));
    g_autoptr(ZcReviewQueue) after = NULL;

    for (guint i = 0; i < 1000; i++)
      {
        ZcReviewTarget target;

        target_of (&target, queue, zc_review_queue_get_row (queue, i)->id);
        g_array_append_val (targets, target);
      }
    start = g_get_monotonic_time ();
    g_assert_true (zc_local_store_review_decide (fixture->store, ZC_ARCHIVE_ACTION_APPROVE,
                                                 (ZcReviewTarget *) targets->data, targets->len, NULL,
                                                 ZC_LANGUAGE_ENGLISH, &error));
    took = g_get_monotonic_time () - start;
    g_test_message ("1000 decisions queued in %.1f ms", took / 1000.0);
    g_assert_no_error (error);
    g_assert_cmpint (took, <, 5 * G_USEC_PER_SEC);
    g_assert_cmpuint (zc_local_store_review_count_awaiting (fixture->store), ==, 1000);
    after = query (fixture->store, &filter);
    g_assert_cmpuint (zc_review_queue_get_n_rows (after), ==, 7000);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/local-store-review/empty-and-own", test_empty_and_own);
  ADD ("/local-store-review/filters-and-sort", test_filters_and_sort);
  ADD ("/local-store-review/people", test_people);
  ADD ("/local-store-review/decide-batch", test_decide_batch);
  ADD ("/local-store-review/decide-comment", test_decide_comment);
  ADD ("/local-store-review/decide-refused", test_decide_refused);
  ADD ("/local-store-review/server-answers", test_server_answers);
  ADD ("/local-store-review/refused-without-news", test_refused_without_news);
  ADD ("/local-store-review/large-queue", test_large_queue);
#undef ADD

  return g_test_run ();
}
