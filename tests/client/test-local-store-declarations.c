/* test-local-store-declarations.c: declarations in the client's store
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "zc-declaration-body.h"
#include "zc-i18n.h"
#include "zc-json.h"
#include "zc-local-store.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-photo.h"
#include "zc-sync-message.h"

#define PLAN_ID "3f1c2a9e-5b7d-4e21-9a0c-6d8e7f5a4b3c"
#define OTHER_PLAN_ID "7a2b3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d"

typedef struct
{
  char         *dir;
  ZcLocalStore *store;
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
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("zc-local-declarations-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static JsonObject *
parse (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
body_with (ZcRecord   *record,
           const char *member,
           const char *value)
{
  JsonObject *copy = zc_json_object_copy_deep (zc_record_get_body (record));

  if (member != NULL)
    json_object_set_string_member (copy, member, value);
  return copy;
}

static ZcMutation *
outbox_at (GPtrArray *outbox,
           guint      index)
{
  g_assert_cmpuint (index, <, outbox->len);
  return g_ptr_array_index (outbox, index);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) draft = NULL;
  g_autoptr(ZcRecord) again = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  ZcDeclarationState state;
  ZcMutation *put;
  JsonObject *args_body = NULL;

  draft = zc_local_store_create_declaration (fixture->store, PLAN_ID, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpstr (zc_record_get_kind (draft), ==, ZC_DECLARATION_KIND);
  g_assert_cmpstr (zc_record_get_state (draft), ==, "draft");
  g_assert_true (zc_local_store_declaration_get_state (draft, &state));
  g_assert_cmpint (state, ==, ZC_DECLARATION_STATE_DRAFT);
  g_assert_cmpstr (zc_declaration_body_get_plan_id (zc_record_get_body (draft)), ==, PLAN_ID);
  g_assert_cmpint (zc_declaration_body_get_plan_version (zc_record_get_body (draft)), ==, 2);
  g_assert_true (zc_local_store_declaration_is_editable (fixture->store, draft));
  g_assert_cmpint (zc_local_store_get_declaration_waiting_action (fixture->store, zc_record_get_id (draft)), ==, -1);

  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 1);
  put = outbox_at (outbox, 0);
  g_assert_cmpstr (put->name, ==, "record.put");
  g_assert_cmpstr (put->record_id, ==, zc_record_get_id (draft));
  g_assert_cmpint (put->base_version, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (put->args, "kind"), ==, "declaration");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (put->args, "body")));
  args_body = json_object_get_object_member (put->args, "body");
  g_assert_cmpstr (json_object_get_string_member (args_body, "plan_id"), ==, PLAN_ID);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);

  again = zc_local_store_get_declaration (fixture->store, zc_record_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_record_get_id (again), ==, zc_record_get_id (draft));
}

static void
test_create_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) draft = NULL;
  g_autoptr(GPtrArray) list = NULL;

  draft = zc_local_store_create_declaration (fixture->store, "not-a-uuid", 1, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_assert_null (draft);
  g_clear_error (&error);

  draft = zc_local_store_create_declaration (fixture->store, "", 1, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_assert_null (draft);
  g_clear_error (&error);

  /* nothing stayed behind */
  list = zc_local_store_list_declarations (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 0);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) draft = zc_local_store_create_declaration (fixture->store, PLAN_ID, 1, &error);
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(ZcRecord) unchanged = NULL;
  g_autoptr(ZcRecord) via_entry = NULL;
  g_autoptr(ZcRecord) reread = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(GPtrArray) outbox = NULL;

  g_assert_no_error (error);
  body = body_with (draft, "method", "regular");
  json_object_set_string_member (body, "work_summary", "本人从事配电网运行维护工作九年。");
  json_object_set_int_member (body, "professional_years", 9);
  saved = zc_local_store_save_declaration (fixture->store, zc_record_get_id (draft), body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_declaration_body_get_method (zc_record_get_body (saved)), ==, "regular");
  g_assert_cmpint (zc_declaration_body_get_professional_years (zc_record_get_body (saved)), ==, 9);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 2);

  /* the same body again: nothing queued */
  unchanged = zc_local_store_save_declaration (fixture->store, zc_record_get_id (draft), body, &error);
  g_assert_no_error (error);
  g_assert_nonnull (unchanged);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 2);

  /* the generic entry update (conflict choices) lands here too */
  summary = body_with (saved, "work_summary", "改过的总结");
  via_entry = zc_local_store_update_entry (fixture->store, zc_record_get_id (draft), summary, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_declaration_body_get_work_summary (zc_record_get_body (via_entry)), ==, "改过的总结");

  reread = zc_local_store_get_declaration (fixture->store, zc_record_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_declaration_body_get_work_summary (zc_record_get_body (reread)), ==, "改过的总结");
  g_assert_cmpstr (zc_record_get_state (reread), ==, "draft");

  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outbox->len, ==, 3);
  for (guint i = 0; i < outbox->len; i++)
    g_assert_cmpstr (outbox_at (outbox, i)->name, ==, "record.put");
}

static void
test_save_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) draft = zc_local_store_create_declaration (fixture->store, PLAN_ID, 1, &error);
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  g_autoptr(JsonObject) wrong_type = NULL;
  g_autoptr(JsonObject) other_plan = NULL;
  g_autoptr(JsonObject) missing_blob = NULL;
  g_autoptr(JsonObject) fine = NULL;
  g_autofree char *long_summary = NULL;
  g_autoptr(JsonObject) too_long = NULL;
  const char *id;

  g_assert_no_error (error);
  id = zc_record_get_id (draft);

  unknown = body_with (draft, "favourite_colour", "blue");
  saved = zc_local_store_save_declaration (fixture->store, id, unknown, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_assert_null (saved);
  g_clear_error (&error);

  wrong_type = body_with (draft, NULL, NULL);
  json_object_set_string_member (wrong_type, "professional_years", "nine");
  saved = zc_local_store_save_declaration (fixture->store, id, wrong_type, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  long_summary = g_strnfill (ZC_DECLARATION_MAX_WORK_SUMMARY + 1, 'x');
  too_long = body_with (draft, "work_summary", long_summary);
  saved = zc_local_store_save_declaration (fixture->store, id, too_long, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  other_plan = body_with (draft, "plan_id", OTHER_PLAN_ID);
  saved = zc_local_store_save_declaration (fixture->store, id, other_plan, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* a file the store does not have */
  missing_blob = body_with (draft, NULL, NULL);
  json_object_set_object_member (missing_blob, "photo",
                                 parse ("{\"sha256\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
                                        " \"mime\": \"image/png\"}"));
  saved = zc_local_store_save_declaration (fixture->store, id, missing_blob, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* no such declaration; not an id; not a declaration */
  fine = body_with (draft, "method", "regular");
  saved = zc_local_store_save_declaration (fixture->store, OTHER_PLAN_ID, fine, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  saved = zc_local_store_save_declaration (fixture->store, "x", fine, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(JsonObject) entry = parse ("{\"year\": 2022, \"result\": \"1\", \"assessed_by\": \"某单位\"}");
    g_autoptr(ZcRecord) created = zc_local_store_create_entry (fixture->store, "archive:annual-assessments", entry, &error);

    g_assert_no_error (error);
    saved = zc_local_store_save_declaration (fixture->store, zc_record_get_id (created), fine, &error);
    g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* only the create and the entry were queued */
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 2);
}

static void
test_blobs_wait (Fixture       *fixture,
                 gconstpointer  data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) draft = zc_local_store_create_declaration (fixture->store, PLAN_ID, 1, &error);
  g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(JsonObject) file = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) commitment = json_object_new ();
  g_autoptr(JsonObject) signature = json_object_new ();
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) uploads = NULL;

  g_assert_no_error (error);
  file = zc_local_store_add_blob_bytes (fixture->store, bytes, NULL, 1024 * 1024, &error);
  g_assert_no_error (error);

  json_object_set_string_member (signature, "sha256", json_object_get_string_member (file, "sha256"));
  json_object_set_string_member (signature, "mime", "image/png");
  json_object_set_string_member (commitment, "signed_on", "2026-03-02");
  json_object_set_object_member (commitment, "signature", json_object_ref (signature));
  body = body_with (draft, NULL, NULL);
  json_object_set_object_member (body, "commitment", json_object_ref (commitment));
  saved = zc_local_store_save_declaration (fixture->store, zc_record_get_id (draft), body, &error);
  g_assert_no_error (error);
  g_assert_true (zc_declaration_body_commitment_is_signed (zc_record_get_body (saved)));

  /* the create goes; the save waits for its signature's upload */
  pending = zc_local_store_list_pending (fixture->store, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  uploads = zc_local_store_list_blobs_to_upload (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uploads->len, ==, 1);
  g_assert_true (zc_local_store_mark_blob_uploaded (fixture->store, json_object_get_string_member (file, "sha256"), &error));
  g_assert_no_error (error);
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = zc_local_store_list_pending (fixture->store, 100, &error);
  g_assert_cmpuint (pending->len, ==, 2);
}

static void
test_submit (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) draft = zc_local_store_create_declaration (fixture->store, PLAN_ID, 1, &error);
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(ZcRecord) reread = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  ZcMutation *submit;
  const char *id;

  g_assert_no_error (error);
  id = zc_record_get_id (draft);

  /* what a draft cannot do */
  g_assert_false (zc_local_store_queue_declaration_action (fixture->store, id, ZC_DECLARATION_ACTION_WITHDRAW, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (zc_local_store_queue_declaration_action (fixture->store, id, ZC_DECLARATION_ACTION_RESUBMIT, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  /* not an applicant's queued action */
  g_assert_false (zc_local_store_queue_declaration_action (fixture->store, id, ZC_DECLARATION_ACTION_RECOMMEND, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zc_local_store_queue_declaration_action (fixture->store, OTHER_PLAN_ID, ZC_DECLARATION_ACTION_SUBMIT, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 1);

  g_assert_true (zc_local_store_queue_declaration_action (fixture->store, id, ZC_DECLARATION_ACTION_SUBMIT, &error));
  g_assert_no_error (error);

  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_cmpuint (outbox->len, ==, 2);
  g_assert_cmpstr (outbox_at (outbox, 0)->name, ==, "record.put");
  submit = outbox_at (outbox, 1);
  g_assert_cmpstr (submit->name, ==, "declaration.submit");
  g_assert_cmpstr (submit->record_id, ==, id);
  g_assert_cmpstr (submit->expected_state, ==, "draft");
  /* the put before it makes a version not known yet */
  g_assert_cmpint (submit->base_version, ==, 0);

  /* the state stays the server's; the action waits */
  reread = zc_local_store_get_declaration (fixture->store, id, &error);
  g_assert_cmpstr (zc_record_get_state (reread), ==, "draft");
  g_assert_cmpint (zc_local_store_get_declaration_waiting_action (fixture->store, id), ==, ZC_DECLARATION_ACTION_SUBMIT);
  g_assert_false (zc_local_store_declaration_is_editable (fixture->store, reread));

  body = body_with (draft, "method", "regular");
  saved = zc_local_store_save_declaration (fixture->store, id, body, &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
  g_assert_null (saved);
  g_clear_error (&error);
  g_assert_false (zc_local_store_queue_declaration_action (fixture->store, id, ZC_DECLARATION_ACTION_DISCARD, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpuint (zc_local_store_get_outbox_count (fixture->store), ==, 2);
}

static ZcRecord *
seed_server (Fixture    *fixture,
             const char *state,
             gint64      version)
{
  g_autoptr(ZcRecord) record = zc_record_new (NULL, ZC_DECLARATION_KIND, zc_local_store_get_owner_id (fixture->store));
  g_autoptr(JsonObject) body = parse ("{\"plan_id\": \"" PLAN_ID "\", \"plan_version\": 1, \"method\": \"regular\"}");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  zc_record_set_version (record, version);
  zc_record_set_created_at (record, now);
  zc_record_set_updated_at (record, now);
  if (g_str_equal (state, "returned"))
    zc_record_set_review_comment (record, "请补充答辩提纲");
  g_assert_true (zc_local_store_put_server_record (fixture->store, record, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&record);
}

static void
test_server_states (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) returned = seed_server (fixture, "returned", 4);
  g_autoptr(ZcRecord) reviewing = NULL;
  g_autoptr(ZcRecord) reread = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(ZcPushResult) result = NULL;
  ZcMutation *resubmit;
  const char *id = zc_record_get_id (returned);

  g_assert_true (zc_local_store_declaration_is_editable (fixture->store, returned));
  g_assert_false (zc_local_store_queue_declaration_action (fixture->store, id, ZC_DECLARATION_ACTION_SUBMIT, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (zc_local_store_queue_declaration_action (fixture->store, id, ZC_DECLARATION_ACTION_RESUBMIT, &error));
  g_assert_no_error (error);

  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_cmpuint (outbox->len, ==, 1);
  resubmit = outbox_at (outbox, 0);
  g_assert_cmpstr (resubmit->name, ==, "declaration.resubmit");
  g_assert_cmpstr (resubmit->expected_state, ==, "returned");
  /* nothing of the applicant's queued: the version they saw */
  g_assert_cmpint (resubmit->base_version, ==, 4);

  /* the server refuses it: the declaration is the applicant's again */
  result = zc_push_result_new (resubmit->id);
  g_ptr_array_add (result->rejections, zc_rejection_new (resubmit->id, "CHECK_FAILED", "检测未通过"));
  g_assert_true (zc_local_store_apply_push (fixture->store, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_local_store_get_declaration_waiting_action (fixture->store, id), ==, -1);
  reread = zc_local_store_get_declaration (fixture->store, id, &error);
  g_assert_true (zc_local_store_declaration_is_editable (fixture->store, reread));
  g_assert_cmpstr (zc_record_get_review_comment (reread), ==, "请补充答辩提纲");

  /* a submitted one: only a withdrawal */
  reviewing = seed_server (fixture, "unit_review", 2);
  g_assert_false (zc_local_store_declaration_is_editable (fixture->store, reviewing));
  g_assert_false (zc_local_store_queue_declaration_action (fixture->store, zc_record_get_id (reviewing),
                                                           ZC_DECLARATION_ACTION_DISCARD, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (zc_local_store_queue_declaration_action (fixture->store, zc_record_get_id (reviewing),
                                                          ZC_DECLARATION_ACTION_WITHDRAW, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zc_local_store_get_declaration_waiting_action (fixture->store, zc_record_get_id (reviewing)),
                   ==, ZC_DECLARATION_ACTION_WITHDRAW);
}

/* A pull of the declaration while a submission waits behind an edit
 * keeps the body typed here on screen, not the server's older one. */
static void
test_pull_keeps_typed_body (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) draft = zc_local_store_create_declaration (fixture->store, PLAN_ID, 1, &error);
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(ZcRecord) from_server = NULL;
  g_autoptr(ZcRecord) reread = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_pull_response_free);
  ZcPullResponse *response;

  g_assert_no_error (error);
  body = body_with (draft, "work_summary", "本人在此输入的工作总结");
  saved = zc_local_store_save_declaration (fixture->store, zc_record_get_id (draft), body, &error);
  g_assert_no_error (error);
  g_assert_true (zc_local_store_queue_declaration_action (fixture->store, zc_record_get_id (draft),
                                                         ZC_DECLARATION_ACTION_SUBMIT, &error));
  g_assert_no_error (error);

  /* the server's version 1: the draft as first created */
  from_server = zc_record_copy (draft);
  zc_record_set_version (from_server, 1);
  zc_record_set_state (from_server, "draft");
  response = zc_pull_response_new ("e1", 1, 0);
  g_ptr_array_add (response->changes, zc_change_new_put (1, from_server));
  g_ptr_array_add (responses, response);
  g_assert_true (zc_local_store_apply_pull (fixture->store, responses, &error));
  g_assert_no_error (error);

  reread = zc_local_store_get_declaration (fixture->store, zc_record_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_declaration_body_get_work_summary (zc_record_get_body (reread)), ==, "本人在此输入的工作总结");
  g_assert_cmpstr (zc_record_get_state (reread), ==, "draft");
  g_assert_cmpint (zc_local_store_get_declaration_waiting_action (fixture->store, zc_record_get_id (draft)), ==,
                   ZC_DECLARATION_ACTION_SUBMIT);
}

static void
test_list_and_find (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) first = zc_local_store_create_declaration (fixture->store, PLAN_ID, 1, &error);
  g_autoptr(ZcRecord) second = NULL;
  g_autoptr(ZcRecord) found = NULL;
  g_autoptr(ZcRecord) none = NULL;
  g_autoptr(ZcRecord) missing = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  g_usleep (2000);
  second = zc_local_store_create_declaration (fixture->store, OTHER_PLAN_ID, 3, &error);
  g_assert_no_error (error);

  list = zc_local_store_list_declarations (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* newest first */
  g_assert_cmpstr (zc_record_get_id (g_ptr_array_index (list, 0)), ==, zc_record_get_id (second));

  found = zc_local_store_find_declaration_for_plan (fixture->store, PLAN_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_record_get_id (found), ==, zc_record_get_id (first));

  /* a discard waiting: no longer the plan's declaration */
  g_assert_true (zc_local_store_queue_declaration_action (fixture->store, zc_record_get_id (first),
                                                          ZC_DECLARATION_ACTION_DISCARD, &error));
  g_assert_no_error (error);
  none = zc_local_store_find_declaration_for_plan (fixture->store, PLAN_ID, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  missing = zc_local_store_get_declaration (fixture->store, "4b1c2a9e-5b7d-4e21-9a0c-6d8e7f5a4b3c", &error);
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  zc_i18n_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/local-store-declarations/create", test_create);
  ADD ("/local-store-declarations/create-invalid", test_create_invalid);
  ADD ("/local-store-declarations/save", test_save);
  ADD ("/local-store-declarations/save-invalid", test_save_invalid);
  ADD ("/local-store-declarations/blobs-wait", test_blobs_wait);
  ADD ("/local-store-declarations/submit", test_submit);
  ADD ("/local-store-declarations/server-states", test_server_states);
  ADD ("/local-store-declarations/pull-keeps-typed-body", test_pull_keeps_typed_body);
  ADD ("/local-store-declarations/list-and-find", test_list_and_find);
#undef ADD

  return g_test_run ();
}
