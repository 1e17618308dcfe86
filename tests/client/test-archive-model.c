/* test-archive-model.c: archive entries as list items, following the store
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "zc-archive-model.h"
#include "zc-entry-object.h"
#include "zc-i18n.h"
#include "zc-local-store.h"

typedef struct
{
  char         *dir;
  ZcLocalStore *store;
  GArray       *changes;   /* of Change */
} Fixture;

typedef struct
{
  guint position, removed, added;
} Change;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("zc-archive-model-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (path, &error);
  g_assert_no_error (error);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *blobs = g_strconcat (zc_local_store_get_path (fixture->store), "-blobs", NULL);
  g_autofree char *db = g_strdup (zc_local_store_get_path (fixture->store));
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_assert_finalize_object (fixture->store);
  g_remove (blobs);
  g_remove (db);
  g_remove (wal);
  g_remove (shm);
  g_remove (fixture->dir);
  g_free (fixture->dir);
  g_array_unref (fixture->changes);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static void
assert_last_change (Fixture *fixture,
                    guint    position,
                    guint    removed,
                    guint    added)
{
  Change *change;

  g_assert_cmpuint (fixture->changes->len, >, 0);
  change = &g_array_index (fixture->changes, Change, fixture->changes->len - 1);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static ZcRecord *
add (Fixture    *fixture,
     const char *kind,
     const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = parse_object (json);
  ZcRecord *record = zc_local_store_create_entry (fixture->store, kind, body, &error);

  g_assert_no_error (error);
  return record;
}

static ZcFormSchema *
schema (const char *id)
{
  g_autoptr(GError) error = NULL;
  ZcFormSchema *found = zc_form_schema_lookup (id, &error);

  g_assert_no_error (error);
  return found;
}

static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ZcFormSchema) assessments = schema ("annual-assessments");
  g_autoptr(ZcArchiveModel) model = zc_archive_model_new (fixture->store, assessments);
  g_autoptr(ZcRecord) first = NULL;
  g_autoptr(ZcRecord) second = NULL;
  g_autoptr(ZcRecord) third = NULL;
  g_autoptr(ZcRecord) other = NULL;
  g_autoptr(ZcEntryObject) kept_first = NULL;
  g_autoptr(ZcEntryObject) kept_third = NULL;
  g_autoptr(ZcEntryObject) changed = NULL;
  g_autoptr(JsonObject) edited = parse_object ("{\"year\": 2018, \"result\": \"2\"}");
  g_autoptr(GError) error = NULL;
  guint position = 99;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == ZC_TYPE_ENTRY_OBJECT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));
  g_assert_cmpstr (zc_archive_model_get_kind (model), ==, "archive:annual-assessments");
  g_assert_true (zc_archive_model_get_store (model) == fixture->store);
  g_assert_true (zc_archive_model_get_schema (model) == assessments);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), fixture);

  first = add (fixture, "archive:annual-assessments", "{\"year\": 2020, \"result\": \"1\"}");
  assert_last_change (fixture, 0, 0, 1);
  second = add (fixture, "archive:annual-assessments", "{\"year\": 2021, \"result\": \"1\"}");
  assert_last_change (fixture, 1, 0, 1);
  third = add (fixture, "archive:annual-assessments", "{\"year\": 2022, \"result\": \"1\"}");
  assert_last_change (fixture, 2, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* another category does not touch this model */
  other = add (fixture, "archive:papers",
               "{\"title\": \"t\", \"published_on\": \"2021-05-01\", \"paper_type\": \"1\", \"journal\": \"j\","
               " \"author_rank\": \"2\", \"own_words\": 6}");
  g_assert_cmpuint (fixture->changes->len, ==, 3);

  /* an edit in the middle replaces that item only */
  kept_first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  kept_third = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_clear_pointer (&second, zc_record_unref);
  second = zc_local_store_update_entry (fixture->store, zc_record_get_id (first), edited, &error);
  g_assert_no_error (error);
  assert_last_change (fixture, 0, 1, 1);
  changed = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (changed != kept_first);
  g_assert_cmpstr (zc_entry_object_get_title (changed), ==, "2018");
  {
    g_autoptr(ZcEntryObject) still = g_list_model_get_item (G_LIST_MODEL (model), 2);
    g_assert_true (still == kept_third);
  }

  /* a deletion removes it */
  g_assert_true (zc_archive_model_find (model, zc_record_get_id (third), &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_true (zc_local_store_delete_entry (fixture->store, zc_record_get_id (third), &error));
  assert_last_change (fixture, 2, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_false (zc_archive_model_find (model, zc_record_get_id (third), &position));
  g_assert_false (zc_archive_model_find (model, NULL, &position));
  g_assert_cmpuint (zc_archive_model_count_state (model, ZC_REVIEW_STATE_PENDING), ==, 2);
  g_assert_cmpuint (zc_archive_model_count_state (model, ZC_REVIEW_STATE_APPROVED), ==, 0);

  /* reloading with nothing new reports nothing */
  g_array_set_size (fixture->changes, 0);
  g_assert_true (zc_archive_model_reload (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* a server record (approved) shows its state */
  {
    g_autoptr(ZcRecord) approved = zc_record_new (NULL, "archive:annual-assessments",
                                                  zc_local_store_get_owner_id (fixture->store));
    g_autoptr(JsonObject) body = parse_object ("{\"year\": 2015, \"result\": \"3\"}");
    g_autoptr(ZcEntryObject) item = NULL;

    zc_record_set_body (approved, body);
    zc_record_set_state (approved, "approved");
    g_assert_true (zc_local_store_put_server_record (fixture->store, approved, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
    g_assert_true (zc_archive_model_find (model, zc_record_get_id (approved), &position));
    item = g_list_model_get_item (G_LIST_MODEL (model), position);
    g_assert_cmpint (zc_entry_object_get_review_state (item), ==, ZC_REVIEW_STATE_APPROVED);
    g_assert_cmpstr (zc_entry_object_get_status_label (item), !=, "");
  }

  g_signal_handlers_disconnect_by_data (model, fixture);
  g_clear_object (&kept_first);
  g_clear_object (&kept_third);
  g_clear_object (&changed);
  g_assert_finalize_object (g_steal_pointer (&model));
}

static void
test_entry_texts (void)
{
  g_autoptr(ZcFormSchema) education = schema ("education");
  g_autoptr(ZcFormSchema) work = schema ("work-experience");
  g_autoptr(ZcFormSchema) assessments = schema ("annual-assessments");
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(ZcEntryObject) entry = NULL;
  const char *owner = "123e4567-e89b-42d3-a456-426614174000";

  /* the school is the title; the period one part of the subtitle */
  record = zc_record_new (NULL, "archive:education", owner);
  body = parse_object ("{\"start_on\": \"2010-09-01\", \"graduated_on\": \"2014-07-01\", \"school\": \"四川大学\","
                       " \"education_level\": \"11\", \"major\": \"电气工程\"}");
  zc_record_set_body (record, body);
  zc_record_set_state (record, "returned");
  zc_record_set_review_comment (record, "请上传学位证");
  entry = zc_entry_object_new (record, education);
  g_assert_cmpstr (zc_entry_object_get_title (entry), ==, "四川大学");
  g_assert_cmpstr (zc_entry_object_get_subtitle (entry), ==, "2010-09-01 – 2014-07-01 · Doctoral postgraduate");
  g_assert_cmpint (zc_entry_object_get_review_state (entry), ==, ZC_REVIEW_STATE_RETURNED);
  g_assert_cmpstr (zc_entry_object_get_review_comment (entry), ==, "请上传学位证");
  g_assert_cmpstr (zc_entry_object_get_id (entry), ==, zc_record_get_id (record));
  g_assert_true (zc_entry_object_get_record (entry) == record);
  g_assert_true (zc_entry_object_get_schema (entry) == education);
  g_assert_true (g_str_has_prefix (zc_entry_object_get_sort_key (entry), "2010-09-01|"));
  {
    g_autofree char *title = NULL;
    g_object_get (entry, "title", &title, NULL);
    g_assert_cmpstr (title, ==, "四川大学");
  }

  /* search: every word, any field, labels of codes, case-insensitive */
  g_assert_true (zc_entry_object_matches (entry, NULL));
  g_assert_true (zc_entry_object_matches (entry, ""));
  g_assert_true (zc_entry_object_matches (entry, "四川"));
  g_assert_true (zc_entry_object_matches (entry, "电气 四川"));
  g_assert_true (zc_entry_object_matches (entry, "电气\u3000四川"));
  g_assert_true (zc_entry_object_matches (entry, "DOCTORAL"));
  g_assert_false (zc_entry_object_matches (entry, "清华"));
  g_assert_false (zc_entry_object_matches (entry, "四川 清华"));
  g_clear_object (&entry);
  g_clear_pointer (&record, zc_record_unref);
  g_clear_pointer (&body, json_object_unref);

  /* an open end reads "to date" */
  record = zc_record_new (NULL, "archive:work-experience", owner);
  body = parse_object ("{\"start_on\": \"2014-07-01\", \"unit\": \"国网成都供电公司\", \"content\": \"配网运维\","
                       " \"technical_post\": \"工程师\"}");
  zc_record_set_body (record, body);
  entry = zc_entry_object_new (record, work);
  g_assert_cmpstr (zc_entry_object_get_title (entry), ==, "国网成都供电公司");
  g_assert_cmpstr (zc_entry_object_get_subtitle (entry), ==, "2014-07-01 – To date · 工程师");
  /* no state: shown as unreviewed */
  g_assert_cmpint (zc_entry_object_get_review_state (entry), ==, ZC_REVIEW_STATE_UNREVIEWED);
  g_clear_object (&entry);
  g_clear_pointer (&record, zc_record_unref);
  g_clear_pointer (&body, json_object_unref);

  /* no descriptive field: the year is the title */
  record = zc_record_new (NULL, "archive:annual-assessments", owner);
  body = parse_object ("{\"year\": 2020, \"result\": \"1\"}");
  zc_record_set_body (record, body);
  zc_record_set_state (record, "approved");
  entry = zc_entry_object_new (record, assessments);
  g_assert_cmpstr (zc_entry_object_get_title (entry), ==, "2020");
  g_assert_cmpstr (zc_entry_object_get_subtitle (entry), ==, "Excellent");
  g_assert_true (g_str_has_prefix (zc_entry_object_get_sort_key (entry), "2020      |"));
  g_clear_object (&entry);
  g_clear_pointer (&record, zc_record_unref);
  g_clear_pointer (&body, json_object_unref);

  /* an empty body still has a title */
  record = zc_record_new (NULL, "archive:education", owner);
  entry = zc_entry_object_new (record, education);
  g_assert_cmpstr (zc_entry_object_get_title (entry), !=, "");
  g_assert_cmpstr (zc_entry_object_get_subtitle (entry), ==, "");
}

static void
test_format_values (void)
{
  g_autoptr(ZcFormSchema) papers = schema ("papers");
  g_autoptr(ZcFormSchema) education = schema ("education");
  g_autoptr(ZcFormSchema) personal = schema ("personal-info");
  struct {
    ZcFormSchema *schema;
    const char   *field;
    const char   *json;     /* NULL: absent */
    const char   *expected; /* NULL: nothing shown */
  } cases[] = {
    { papers, "title", "\"配电网\"", "配电网" },
    { papers, "title", "\"\"", NULL },
    { papers, "title", NULL, NULL },
    { papers, "title", "12", NULL },
    { papers, "own_words", "6", "6 thousand characters" },
    { papers, "own_words", "\"6\"", NULL },
    { papers, "paper_type", "\"1\"", "Journal article" },
    { papers, "paper_type", "\"zz\"", "zz" },
    { papers, "indexed_in", "[\"sci\", \"ei\"]", "SCI, EI" },
    { papers, "indexed_in", "[]", NULL },
    { papers, "attachments", "[{\"sha256\": \"x\"}]", "1 file" },
    { papers, "attachments", "[]", NULL },
    { education, "overseas", "true", "Yes" },
    { education, "overseas", "false", "No" },
    { education, "overseas", "\"yes\"", NULL },
    { education, "schooling_years", "4", "4 years" },
    { personal, "highest_title", "{\"series\": \"04\", \"category\": \"医疗类\", \"level\": \"中级\","
                                 " \"title\": \"主治医师\", \"specialty\": \"内科学\"}", "主治医师（内科学）" },
    { personal, "highest_title", "{\"series\": \"04\", \"category\": \"医疗类\"}", "医疗类" },
    { personal, "highest_title", "{}", NULL },
    { personal, "highest_title", "[1]", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ZcFormField *field = zc_form_schema_find_field (cases[i].schema, cases[i].field);
      g_autoptr(JsonNode) value = cases[i].json != NULL ? json_from_string (cases[i].json, NULL) : NULL;
      g_autofree char *text = NULL;

      g_assert_nonnull (field);
      text = zc_format_field_value (field, value);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* only the series chosen: its name, not its code */
  {
    const ZcFormField *field = zc_form_schema_find_field (personal, "highest_title");
    g_autoptr(JsonNode) value = json_from_string ("{\"series\": \"04\"}", NULL);
    g_autofree char *text = zc_format_field_value (field, value);

    g_assert_nonnull (text);
    g_assert_cmpstr (text, !=, "04");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* the texts are checked in English */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

  g_test_add ("/archive-model/follows-store", Fixture, NULL,
              fixture_set_up, test_follows_store, fixture_tear_down);
  g_test_add_func ("/archive-model/entry-texts", test_entry_texts);
  g_test_add_func ("/archive-model/format-values", test_format_values);

  return g_test_run ();
}
