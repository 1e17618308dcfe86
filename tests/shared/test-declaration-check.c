/* test-declaration-check.c: the check (开始检测) and the create rules
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "zc-declaration-body.h"
#include "zc-declaration-check.h"
#include "zc-json.h"
#include "zc-taxonomy-loader.h"

#define DIRECT_UNIT       "7a000000-0000-4000-8000-0000000000d1"
#define COMMISSIONED_UNIT "7a000000-0000-4000-8000-0000000000e1"
#define OTHER_UNIT        "7a000000-0000-4000-8000-0000000000f1"
#define SELF_ID           "7c000000-0000-4000-8000-000000000001"
#define OTHER_ID          "7c000000-0000-4000-8000-000000000002"
#define EDUCATION_ID      "7b000000-0000-4000-8000-000000000001"
#define WORK_ID           "7b000000-0000-4000-8000-000000000002"
#define ASSESSMENT_ID     "7b000000-0000-4000-8000-000000000003"
#define PAPER_ID          "7b000000-0000-4000-8000-000000000004"
#define PENDING_PAPER_ID  "7b000000-0000-4000-8000-000000000005"
#define REJECTED_PAPER_ID "7b000000-0000-4000-8000-000000000007"
#define SPARE_PAPER_ID    "7b000000-0000-4000-8000-000000000008"
#define SHA_A "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
#define SHA_B "9d3c5f0b1e2a4b4c9d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"

/* The items of docs/declarations.md "The check", the plan's two groups
 * in place of group:<id>. */
static const char * const expected_ids[] = {
  "personal_info", "photo", "work_experience", "education", "annual_assessment", "title",
  "method", "specialty_matches", "work_summary", "picks", "group:research", "group:awards",
  "attachments", "commitment", "window", "one_per_year", "last_year", "integrity", "scope",
};

typedef struct
{
  ZcPlan               *plan;
  JsonNode             *declaration;  /* {body, personal_info, archive} */
  JsonObject           *body;          /* borrowed from @declaration */
  JsonObject           *personal_info; /* borrowed from @declaration */
  GPtrArray            *archive;
  GDateTime            *now;
  ZcDeclarationSummary  others[4];
  ZcIntegrityBan        bans[2];
  ZcCheckInput          input;
} Fixture;

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "declarations", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, &error));
  g_assert_no_error (error);
  return data;
}

static GDateTime *
time_at (const char *text)
{
  GDateTime *time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
set_now (Fixture    *f,
         const char *text)
{
  g_date_time_unref (f->now);
  f->now = time_at (text);
  f->input.now = f->now;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_data = NULL;
  g_autofree char *declaration_data = NULL;
  JsonObject *root;
  JsonArray *records;
  gsize length;

  plan_data = read_fixture ("check-plan.json", &length);
  f->plan = zc_plan_new_from_data (plan_data, length, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->plan);

  declaration_data = read_fixture ("check-declaration.json", &length);
  g_assert_true (zc_json_parse (declaration_data, length, ZC_JSON_DEFAULT_MAX_DEPTH, &f->declaration, &error));
  g_assert_no_error (error);
  root = json_node_get_object (f->declaration);
  f->body = json_object_get_object_member (root, "body");
  f->personal_info = json_object_get_object_member (root, "personal_info");

  f->archive = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_record_unref);
  records = json_object_get_array_member (root, "archive");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      ZcRecord *record = zc_record_from_json (json_array_get_element (records, i), &error);

      g_assert_no_error (error);
      g_ptr_array_add (f->archive, record);
    }

  f->now = time_at ("2026-03-15T10:00:00+08:00");
  f->input = (ZcCheckInput) {
    .plan = f->plan,
    .body = f->body,
    .declaration_id = SELF_ID,
    .personal_info = f->personal_info,
    .archive = f->archive,
    .others = f->others,
    .bans = f->bans,
    .bans_known = TRUE,
    .unit_id = DIRECT_UNIT,
    .unit_region_code = "530102",
    .now = f->now,
    .taxonomy = zc_taxonomy_get_default (),
  };
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->bans); i++)
    g_clear_pointer (&f->bans[i].until, g_date_time_unref);
  g_date_time_unref (f->now);
  g_ptr_array_unref (f->archive);
  json_node_unref (f->declaration);
  zc_plan_unref (f->plan);
}

static ZcRecord *
find_record (Fixture    *f,
             const char *id)
{
  for (guint i = 0; i < f->archive->len; i++)
    if (strcmp (zc_record_get_id (g_ptr_array_index (f->archive, i)), id) == 0)
      return g_ptr_array_index (f->archive, i);
  g_assert_not_reached ();
}

static const ZcCheckItem *
find_item (GPtrArray  *items,
           const char *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const ZcCheckItem *item = g_ptr_array_index (items, i);

      if (strcmp (item->id, id) == 0)
        return item;
    }
  g_assert_not_reached ();
}

static guint
count_failed (GPtrArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (!((ZcCheckItem *) g_ptr_array_index (items, i))->passed)
      n++;
  return n;
}

/* Runs the check in English and asserts that @id is the only failed
 * item, with exactly @reason. */
static void
assert_only_failure (Fixture    *f,
                     const char *id,
                     const char *reason)
{
  g_autoptr(GPtrArray) items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);
  const ZcCheckItem *item = find_item (items, id);

  g_assert_false (item->passed);
  g_assert_cmpstr (item->reason, ==, reason);
  g_assert_cmpuint (count_failed (items), ==, 1);
  g_assert_false (zc_declaration_check_all_passed (items));
}

static void
assert_passes (Fixture    *f,
               const char *id)
{
  g_autoptr(GPtrArray) items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);

  g_assert_true (find_item (items, id)->passed);
  g_assert_true (zc_declaration_check_all_passed (items));
}

static JsonObject *
picks_add (Fixture    *f,
           const char *record_id,
           const char *category,
           const char *group)
{
  JsonObject *pick = json_object_new ();

  json_object_set_string_member (pick, "record_id", record_id);
  json_object_set_string_member (pick, "category", category);
  if (group != NULL)
    json_object_set_string_member (pick, "group", group);
  json_array_add_object_element (json_object_get_array_member (f->body, "picks"), pick);
  return pick;
}

static void
picks_remove (Fixture    *f,
              const char *record_id)
{
  JsonArray *picks = json_object_get_array_member (f->body, "picks");

  for (guint i = 0; i < json_array_get_length (picks); i++)
    if (strcmp (json_object_get_string_member (json_array_get_object_element (picks, i), "record_id"),
                record_id) == 0)
      {
        json_array_remove_element (picks, i);
        return;
      }
  g_assert_not_reached ();
}

static JsonObject *
file_record (const char *sha256,
             const char *name,
             const char *mime,
             gint64      size)
{
  JsonObject *file = json_object_new ();

  json_object_set_string_member (file, "sha256", sha256);
  json_object_set_string_member (file, "name", name);
  json_object_set_string_member (file, "mime", mime);
  json_object_set_int_member (file, "size", size);
  return file;
}

/* The files given for @requirement, made empty (and added when absent). */
static JsonArray *
attachment_files (Fixture    *f,
                  const char *requirement)
{
  JsonArray *attachments = json_object_get_array_member (f->body, "attachments");
  JsonObject *attachment;

  for (guint i = 0; i < json_array_get_length (attachments); i++)
    {
      attachment = json_array_get_object_element (attachments, i);
      if (strcmp (json_object_get_string_member (attachment, "requirement"), requirement) == 0)
        {
          json_object_set_array_member (attachment, "files", json_array_new ());
          return json_object_get_array_member (attachment, "files");
        }
    }
  attachment = json_object_new ();
  json_object_set_string_member (attachment, "requirement", requirement);
  json_object_set_array_member (attachment, "files", json_array_new ());
  json_array_add_object_element (attachments, attachment);
  return json_object_get_array_member (attachment, "files");
}

/* ---- the complete declaration ----------------------------------------- */

static void
test_fixture_is_valid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) errors = NULL;

  /* The fixture is a body the codec accepts, so the check sees what
   * the client and the server would. */
  if (!zc_declaration_body_validate (f->body, ZC_LANGUAGE_ENGLISH, &errors))
    for (guint i = 0; i < errors->len; i++)
      g_test_message ("%s: %s", ((ZcFieldError *) g_ptr_array_index (errors, i))->field,
                      ((ZcFieldError *) g_ptr_array_index (errors, i))->message);
  g_assert_true (zc_declaration_body_validate (f->body, ZC_LANGUAGE_ENGLISH, NULL));
}

static void
test_complete (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);

  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected_ids));
  for (guint i = 0; i < items->len; i++)
    {
      const ZcCheckItem *item = g_ptr_array_index (items, i);

      g_assert_cmpstr (item->id, ==, expected_ids[i]);
      g_assert_nonnull (item->label);
      g_assert_cmpstr (item->label, !=, "");
      if (!item->passed)
        g_test_message ("%s: %s", item->id, item->reason);
      g_assert_true (item->passed);
    }
  g_assert_true (zc_declaration_check_all_passed (items));

  /* notes on passed items: the pending paper, the server's ban list */
  g_assert_cmpstr (find_item (items, "picks")->reason, ==, "Picked entries still pending the unit’s review: 1");
  g_assert_null (find_item (items, "photo")->reason);
  g_assert_cmpstr (find_item (items, "group:research")->label, ==, "Condition group “教学科研条件”");

  /* where each is fixed */
  g_assert_cmpint (find_item (items, "personal_info")->step, ==, ZC_DECLARATION_STEP_INFO);
  g_assert_cmpint (find_item (items, "photo")->step, ==, ZC_DECLARATION_STEP_PHOTO);
  g_assert_cmpint (find_item (items, "title")->step, ==, ZC_DECLARATION_STEP_CHOOSE);
  g_assert_cmpint (find_item (items, "work_summary")->step, ==, ZC_DECLARATION_STEP_SUMMARY);
  g_assert_cmpint (find_item (items, "group:awards")->step, ==, ZC_DECLARATION_STEP_ACHIEVEMENTS);
  g_assert_cmpint (find_item (items, "attachments")->step, ==, ZC_DECLARATION_STEP_ATTACHMENTS);
  g_assert_cmpint (find_item (items, "commitment")->step, ==, ZC_DECLARATION_STEP_COMMITMENT);
  g_assert_cmpint (find_item (items, "window")->step, ==, -1);
}

static void
test_complete_locale (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_LOCALE);

  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected_ids));
  g_assert_true (zc_declaration_check_all_passed (items));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((ZcCheckItem *) g_ptr_array_index (items, i))->label, !=, "");
}

static void
test_empty_draft (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(GPtrArray) archive = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;

  json_object_set_string_member (body, "plan_id", "7a000000-0000-4000-8000-000000000001");
  json_object_set_int_member (body, "plan_version", 2);
  f->input.body = body;
  f->input.personal_info = NULL;
  f->input.archive = archive;

  items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected_ids));
  g_assert_false (zc_declaration_check_all_passed (items));
  g_assert_false (find_item (items, "personal_info")->passed);
  g_assert_true (g_str_has_prefix (find_item (items, "personal_info")->reason,
                                   "The personal information is incomplete or invalid: Name, Gender, Ethnic group and "));
  g_assert_cmpstr (find_item (items, "photo")->reason, ==, "No photo: add one here or in the personal information");
  g_assert_cmpstr (find_item (items, "title")->reason, ==, "No title is chosen");
  g_assert_cmpstr (find_item (items, "method")->reason, ==, "No declaration method is chosen");
  g_assert_cmpstr (find_item (items, "education")->reason, ==, "No qualifying education is chosen");
  g_assert_cmpstr (find_item (items, "commitment")->reason, ==, "The commitment letter is not signed");
  g_assert_cmpstr (find_item (items, "annual_assessment")->reason, ==,
                   "No annual assessment with its result in the archive");
  /* nothing picked is not a problem in itself; the groups say what is missing */
  g_assert_true (find_item (items, "picks")->passed);
  g_assert_null (find_item (items, "picks")->reason);
  g_assert_true (find_item (items, "group:awards")->passed);
  /* the plan's rules still pass */
  g_assert_true (find_item (items, "window")->passed);
  g_assert_true (find_item (items, "scope")->passed);
}

/* ---- one item at a time ----------------------------------------------- */

static void
test_personal_info (Fixture       *f,
                    gconstpointer  data)
{
  json_object_remove_member (f->personal_info, "mobile");
  assert_only_failure (f, "personal_info", "The personal information is incomplete or invalid: Mobile number");

  json_object_remove_member (f->personal_info, "gender");
  json_object_remove_member (f->personal_info, "email");
  json_object_remove_member (f->personal_info, "address");
  assert_only_failure (f, "personal_info",
                       "The personal information is incomplete or invalid: Gender, Mobile number, E-mail and 1 more");
}

static void
test_personal_info_declaration_copy (Fixture       *f,
                                     gconstpointer  data)
{
  /* the declaration's info wins over the personal information */
  json_object_set_string_member (json_object_get_object_member (f->body, "info"), "email", "");
  assert_only_failure (f, "personal_info", "The personal information is incomplete or invalid: E-mail");

  /* and fills what the personal information lacks */
  json_object_set_string_member (json_object_get_object_member (f->body, "info"), "email", "a@example.cn");
  json_object_remove_member (f->personal_info, "email");
  assert_passes (f, "personal_info");
}

static void
test_personal_info_today (Fixture       *f,
                          gconstpointer  data)
{
  /* "not after today" compares with @now's date in Beijing */
  json_object_set_string_member (f->personal_info, "employed_since", "2026-03-16");
  assert_only_failure (f, "personal_info",
                       "The personal information is incomplete or invalid: Employed in this post since");
  set_now (f, "2026-03-15T16:00:00Z");  /* 2026-03-16 00:00 in Beijing */
  assert_passes (f, "personal_info");
}

static void
test_photo (Fixture       *f,
            gconstpointer  data)
{
  json_object_remove_member (f->body, "photo");
  assert_only_failure (f, "photo", "No photo: add one here or in the personal information");
  f->input.has_personal_photo = TRUE;
  assert_passes (f, "photo");
}

static void
test_work_experience (Fixture       *f,
                      gconstpointer  data)
{
  g_ptr_array_remove (f->archive, find_record (f, WORK_ID));
  picks_remove (f, WORK_ID);
  assert_only_failure (f, "work_experience", "Work experience needs at least 1 entries; there are 0");
}

static void
test_work_experience_states (Fixture       *f,
                             gconstpointer  data)
{
  ZcRecord *work = find_record (f, WORK_ID);

  picks_remove (f, WORK_ID);
  zc_record_set_state (work, "pending");
  assert_passes (f, "work_experience");
  zc_record_set_state (work, "returned");
  assert_only_failure (f, "work_experience", "Work experience needs at least 1 entries; there are 0");
  zc_record_set_state (work, "approved");
  zc_record_set_deleted (work, TRUE);
  assert_only_failure (f, "work_experience", "Work experience needs at least 1 entries; there are 0");
}

static void
test_education (Fixture       *f,
                gconstpointer  data)
{
  ZcRecord *education = find_record (f, EDUCATION_ID);
  g_autoptr(JsonObject) body = zc_json_object_copy_deep (zc_record_get_body (education));

  json_object_remove_member (f->body, "qualifying_education_id");
  assert_only_failure (f, "education", "No qualifying education is chosen");

  json_object_set_string_member (f->body, "qualifying_education_id", PAPER_ID);
  assert_only_failure (f, "education", "The qualifying education is not an education entry of the archive");

  json_object_set_string_member (f->body, "qualifying_education_id", EDUCATION_ID);
  zc_record_set_state (education, "pending");
  assert_passes (f, "education");

  picks_remove (f, EDUCATION_ID);
  zc_record_set_state (education, "rejected");
  assert_only_failure (f, "education", "The qualifying education entry is “Rejected”; it must be approved or pending");

  zc_record_set_state (education, "approved");
  json_object_set_string_member (body, "degree", "");
  zc_record_set_body (education, body);
  assert_only_failure (f, "education", "The qualifying education entry lacks its education level or degree");
}

static void
test_annual_assessment (Fixture       *f,
                        gconstpointer  data)
{
  ZcRecord *assessment = find_record (f, ASSESSMENT_ID);
  g_autoptr(JsonObject) body = zc_json_object_copy_deep (zc_record_get_body (assessment));

  json_object_set_string_member (body, "result", "");
  zc_record_set_body (assessment, body);
  assert_only_failure (f, "annual_assessment", "No annual assessment with its result in the archive");
}

static void
test_title (Fixture       *f,
            gconstpointer  data)
{
  JsonObject *title = json_object_get_object_member (f->body, "title");

  json_object_set_string_member (title, "level", "副高级");
  json_object_set_string_member (title, "title", "高级工程师");
  assert_only_failure (f, "title", "The title “高级工程师” is not one of the plan’s titles");
}

static void
test_title_specialty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;

  json_object_remove_member (json_object_get_object_member (f->body, "title"), "specialty");
  items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpstr (find_item (items, "title")->reason, ==, "The specialty is not filled in");
  g_assert_cmpstr (find_item (items, "specialty_matches")->reason, ==, "The specialty is not filled in");
  g_assert_cmpuint (count_failed (items), ==, 2);
}

static void
test_method (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expected = NULL;

  json_object_set_string_member (f->body, "method", "transfer");
  expected = g_strdup_printf ("The plan does not allow the method “%s”",
                              zc_taxonomy_get_method_name (zc_taxonomy_get_default (), "transfer",
                                                           ZC_LANGUAGE_ENGLISH));
  assert_only_failure (f, "method", expected);

  json_object_set_string_member (f->body, "method", "exceptional");
  assert_passes (f, "method");
}

static void
test_specialty_matches (Fixture       *f,
                        gconstpointer  data)
{
  json_object_set_string_member (f->personal_info, "current_profession", "土木工程");
  assert_only_failure (f, "specialty_matches",
                       "The current profession “土木工程” does not match the declared specialty “电气工程”");

  /* one contains the other, either way */
  json_object_set_string_member (f->personal_info, "current_profession", "电气工程及其自动化");
  assert_passes (f, "specialty_matches");
  json_object_set_string_member (f->personal_info, "current_profession", "电气");
  assert_passes (f, "specialty_matches");
}

static void
test_work_summary (Fixture       *f,
                   gconstpointer  data)
{
  json_object_set_string_member (f->body, "work_summary", "  \n\t ");
  assert_only_failure (f, "work_summary", "The work summary is empty");
  json_object_remove_member (f->body, "work_summary");
  assert_only_failure (f, "work_summary", "The work summary is empty");
}

static void
test_picks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;

  picks_add (f, "7b000000-0000-4000-8000-0000000000ff", "papers", NULL);
  assert_only_failure (f, "picks", "Picked entries no longer in the archive: 1");

  picks_add (f, REJECTED_PAPER_ID, "papers", NULL);
  assert_only_failure (f, "picks", "Picked entries no longer in the archive: 1; "
                                   "Picked entries neither approved nor pending: 1");

  /* a pick whose category is not the record's is not that record */
  picks_remove (f, "7b000000-0000-4000-8000-0000000000ff");
  picks_remove (f, REJECTED_PAPER_ID);
  picks_add (f, SPARE_PAPER_ID, "books", NULL);
  assert_only_failure (f, "picks", "Picked entries no longer in the archive: 1");

  /* the deleted paper of a group counts for neither */
  picks_remove (f, SPARE_PAPER_ID);
  zc_record_set_deleted (find_record (f, PENDING_PAPER_ID), TRUE);
  items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpstr (find_item (items, "picks")->reason, ==, "Picked entries no longer in the archive: 1");
  g_assert_true (find_item (items, "group:research")->passed);
}

static void
test_group_below_min (Fixture       *f,
                      gconstpointer  data)
{
  picks_remove (f, PAPER_ID);
  picks_remove (f, PENDING_PAPER_ID);
  assert_only_failure (f, "group:research", "The condition group “教学科研条件” needs at least 1 entries; 0 chosen");

  /* a paper outside the group does not count for it */
  picks_add (f, PAPER_ID, "papers", NULL);
  assert_only_failure (f, "group:research", "The condition group “教学科研条件” needs at least 1 entries; 0 chosen");

  /* nor does an entry of a category the group does not take */
  picks_remove (f, PAPER_ID);
  picks_remove (f, "7b000000-0000-4000-8000-000000000006");
  picks_add (f, "7b000000-0000-4000-8000-000000000006", "awards", "research");
  assert_only_failure (f, "group:research", "The condition group “教学科研条件” needs at least 1 entries; 0 chosen");
}

static void
test_group_above_max (Fixture       *f,
                      gconstpointer  data)
{
  picks_add (f, SPARE_PAPER_ID, "papers", "research");
  assert_only_failure (f, "group:research", "The condition group “教学科研条件” takes at most 2 entries; 3 chosen");
}

static void
test_attachment_required (Fixture       *f,
                          gconstpointer  data)
{
  attachment_files (f, "defence-outline");
  assert_only_failure (f, "attachments", "The required attachment “答辩提纲” is not uploaded");
  json_object_remove_member (f->body, "attachments");
  assert_only_failure (f, "attachments", "The required attachment “答辩提纲” is not uploaded");
}

static void
test_attachment_limits (Fixture       *f,
                        gconstpointer  data)
{
  JsonArray *files = attachment_files (f, "defence-outline");

  json_array_add_object_element (files, file_record (SHA_A, "提纲一.pdf", "application/pdf", 1000));
  json_array_add_object_element (files, file_record (SHA_B, "提纲二.pdf", "application/pdf", 1000));
  assert_only_failure (f, "attachments", "The attachment “答辩提纲” takes at most 1 files; 2 uploaded");

  files = attachment_files (f, "defence-outline");
  json_array_add_object_element (files, file_record (SHA_A, "提纲.pdf", "application/pdf", 3145729));
  assert_only_failure (f, "attachments", "The file “提纲.pdf” of the attachment “答辩提纲” is larger than 3 MB");

  /* at the limit */
  files = attachment_files (f, "defence-outline");
  json_array_add_object_element (files, file_record (SHA_A, "提纲.pdf", "application/pdf", 3145728));
  assert_passes (f, "attachments");

  files = attachment_files (f, "other-proof");
  json_array_add_object_element (files, file_record (SHA_B, "证明.png", "image/png", 2000));
  assert_only_failure (f, "attachments",
                       "The file “证明.png” of the attachment “其他证明材料” is not of a type it takes "
                       "(application/pdf, image/jpeg)");

  /* every problem at once */
  files = attachment_files (f, "defence-outline");
  assert_only_failure (f, "attachments",
                       "The required attachment “答辩提纲” is not uploaded; "
                       "The file “证明.png” of the attachment “其他证明材料” is not of a type it takes "
                       "(application/pdf, image/jpeg)");
}

static void
test_commitment (Fixture       *f,
                 gconstpointer  data)
{
  JsonObject *commitment = json_object_get_object_member (f->body, "commitment");

  json_object_remove_member (commitment, "signature");
  assert_only_failure (f, "commitment", "The commitment letter is not signed");

  /* a scan of the signed template does as well */
  json_object_set_object_member (commitment, "scan", file_record (SHA_A, "承诺书.pdf", "application/pdf", 5000));
  assert_passes (f, "commitment");

  json_object_remove_member (commitment, "signed_on");
  assert_only_failure (f, "commitment", "The commitment letter has no date");

  json_object_remove_member (f->body, "commitment");
  assert_only_failure (f, "commitment", "The commitment letter is not signed");
}

static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  set_now (f, "2026-02-28T23:59:59+08:00");
  assert_only_failure (f, "window", "Declarations open at 2026-03-01 00:00");
  set_now (f, "2026-03-01T00:00:00+08:00");
  assert_passes (f, "window");
  set_now (f, "2026-04-30T23:59:59+08:00");
  assert_passes (f, "window");
  set_now (f, "2026-04-30T16:00:00Z");  /* 2026-05-01 00:00 in Beijing */
  assert_only_failure (f, "window", "The declaration deadline 2026-04-30 23:59 has passed");
}

static void
test_window_resubmission (Fixture       *f,
                          gconstpointer  data)
{
  f->input.resubmission = TRUE;
  set_now (f, "2026-05-10T09:00:00+08:00");
  assert_passes (f, "window");
  set_now (f, "2026-05-15T23:59:59+08:00");
  assert_passes (f, "window");
  set_now (f, "2026-05-16T00:00:00+08:00");
  assert_only_failure (f, "window", "The modification deadline 2026-05-15 23:59 has passed");
}

static void
test_one_per_year (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("There is already a declaration for 2026 (%s)",
                                               zc_declaration_state_get_label (ZC_DECLARATION_STATE_DRAFT,
                                                                               ZC_LANGUAGE_ENGLISH));

  f->others[0] = (ZcDeclarationSummary) { OTHER_ID, 2026, ZC_DECLARATION_STATE_DRAFT };
  f->input.n_others = 1;
  assert_only_failure (f, "one_per_year", expected);

  /* a discarded one does not count, nor the declaration itself */
  f->others[0].state = ZC_DECLARATION_STATE_DISCARDED;
  assert_passes (f, "one_per_year");
  f->others[0] = (ZcDeclarationSummary) { SELF_ID, 2026, ZC_DECLARATION_STATE_RETURNED };
  assert_passes (f, "one_per_year");
  /* nor another year's certified one */
  f->others[0] = (ZcDeclarationSummary) { OTHER_ID, 2025, ZC_DECLARATION_STATE_CERTIFIED };
  assert_passes (f, "one_per_year");
}

static void
test_integrity (Fixture       *f,
                gconstpointer  data)
{
  f->bans[0].until = time_at ("2027-01-01T00:00:00+08:00");
  f->bans[0].reason = "学术不端";
  f->input.n_bans = 1;
  assert_only_failure (f, "integrity", "An integrity record is in force until 2027-01-01: 学术不端");

  f->bans[0].reason = NULL;
  assert_only_failure (f, "integrity", "An integrity record is in force until 2027-01-01");

  /* expired: until before now */
  g_date_time_unref (f->bans[0].until);
  f->bans[0].until = time_at ("2026-03-15T09:59:59+08:00");
  assert_passes (f, "integrity");

  /* the longest of several; none for good */
  f->bans[1].until = time_at ("2028-06-30T12:00:00+08:00");
  f->bans[1].reason = "伪造材料";
  f->input.n_bans = 2;
  assert_only_failure (f, "integrity", "An integrity record is in force until 2028-06-30: 伪造材料");
}

static void
test_integrity_unknown (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;

  f->input.bans_known = FALSE;
  f->input.bans = NULL;
  items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);
  g_assert_true (find_item (items, "integrity")->passed);
  g_assert_cmpstr (find_item (items, "integrity")->reason, ==, "Checked by the server at submission");
}

static void
test_last_year (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("The declaration for 2025 is not finished (%s)",
                                               zc_declaration_state_get_label (ZC_DECLARATION_STATE_UNDER_REVIEW,
                                                                               ZC_LANGUAGE_ENGLISH));

  f->others[0] = (ZcDeclarationSummary) { OTHER_ID, 2025, ZC_DECLARATION_STATE_UNDER_REVIEW };
  f->input.n_others = 1;
  assert_only_failure (f, "last_year", expected);

  f->others[0].state = ZC_DECLARATION_STATE_CERTIFIED;
  assert_passes (f, "last_year");
  f->others[0].state = ZC_DECLARATION_STATE_FAILED;
  assert_passes (f, "last_year");
  f->others[0].state = ZC_DECLARATION_STATE_DISCARDED;
  assert_passes (f, "last_year");
  /* a later year is not "last year" */
  f->others[0] = (ZcDeclarationSummary) { OTHER_ID, 2027, ZC_DECLARATION_STATE_DRAFT };
  assert_passes (f, "last_year");
}

static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  /* in the plan's region */
  f->input.unit_id = OTHER_UNIT;
  f->input.unit_region_code = "530102";
  assert_passes (f, "scope");

  f->input.unit_region_code = "110101";
  assert_only_failure (f, "scope", "Your unit is outside the plan’s scope");
  f->input.unit_region_code = NULL;
  assert_only_failure (f, "scope", "Your unit is outside the plan’s scope");
  f->input.unit_id = NULL;
  assert_only_failure (f, "scope", "Your unit is outside the plan’s scope");

  /* listed although outside the region */
  f->input.unit_id = DIRECT_UNIT;
  f->input.unit_region_code = "110101";
  assert_passes (f, "scope");
}

static void
test_scope_commissioned (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *files;

  f->input.unit_id = COMMISSIONED_UNIT;
  f->input.unit_region_code = "110101";
  assert_only_failure (f, "scope", "Your unit is commissioned to this plan: upload the commissioning letter");
  items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);
  g_assert_cmpint (find_item (items, "scope")->step, ==, ZC_DECLARATION_STEP_ATTACHMENTS);

  files = attachment_files (f, "commission-letter");
  json_array_add_object_element (files, file_record (SHA_B, "委托评审函.pdf", "application/pdf", 90000));
  assert_passes (f, "scope");
}

/* ---- create ----------------------------------------------------------- */

static void
assert_may_create (Fixture                 *f,
                   int                      code,
                   const char              *message)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = zc_declaration_check_may_create (&f->input, ZC_LANGUAGE_ENGLISH, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, ZC_DECLARATION_CHECK_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_may_create (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  /* a new declaration has almost nothing yet: that is fine */
  json_object_set_string_member (body, "plan_id", "7a000000-0000-4000-8000-000000000001");
  json_object_set_int_member (body, "plan_version", 2);
  f->input.body = body;
  f->input.declaration_id = NULL;
  assert_may_create (f, -1, NULL);

  /* without the ban list the server's call decides */
  f->input.bans_known = FALSE;
  assert_may_create (f, -1, NULL);

  /* a commissioned unit may start; the letter is for submission */
  f->input.unit_id = COMMISSIONED_UNIT;
  f->input.unit_region_code = "110101";
  assert_may_create (f, -1, NULL);
  f->input.unit_id = OTHER_UNIT;
  assert_may_create (f, ZC_DECLARATION_CHECK_ERROR_OUT_OF_SCOPE, "Your unit is outside the plan’s scope");
}

static void
test_may_create_errors (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *draft = g_strdup_printf ("There is already a declaration for 2026 (%s)",
                                            zc_declaration_state_get_label (ZC_DECLARATION_STATE_DRAFT,
                                                                            ZC_LANGUAGE_ENGLISH));
  g_autofree char *unfinished = g_strdup_printf ("The declaration for 2025 is not finished (%s)",
                                                 zc_declaration_state_get_label (ZC_DECLARATION_STATE_RETURNED,
                                                                                 ZC_LANGUAGE_ENGLISH));
  g_autoptr(GDateTime) closed_at = time_at ("2026-03-10T00:00:00+08:00");

  /* each rule, then the first failure wins: undo from the last */
  f->input.declaration_id = NULL;
  f->input.unit_id = OTHER_UNIT;
  f->input.unit_region_code = "440300";
  assert_may_create (f, ZC_DECLARATION_CHECK_ERROR_OUT_OF_SCOPE, "Your unit is outside the plan’s scope");

  f->others[0] = (ZcDeclarationSummary) { OTHER_ID, 2025, ZC_DECLARATION_STATE_RETURNED };
  f->input.n_others = 1;
  assert_may_create (f, ZC_DECLARATION_CHECK_ERROR_LAST_YEAR_UNFINISHED, unfinished);

  f->bans[0].until = time_at ("2026-12-31T00:00:00+08:00");
  f->input.n_bans = 1;
  assert_may_create (f, ZC_DECLARATION_CHECK_ERROR_INTEGRITY_BAN, "An integrity record is in force until 2026-12-31");

  f->others[1] = (ZcDeclarationSummary) { "7c000000-0000-4000-8000-000000000003", 2026, ZC_DECLARATION_STATE_DRAFT };
  f->input.n_others = 2;
  assert_may_create (f, ZC_DECLARATION_CHECK_ERROR_ONE_PER_YEAR, draft);

  /* a resubmission's window does not apply to creating */
  f->input.resubmission = TRUE;
  set_now (f, "2026-05-10T09:00:00+08:00");
  assert_may_create (f, ZC_DECLARATION_CHECK_ERROR_WINDOW_CLOSED, "The declaration deadline 2026-04-30 23:59 has passed");

  zc_plan_set_closed_at (f->plan, closed_at);
  zc_plan_set_state (f->plan, ZC_PLAN_STATE_CLOSED);
  assert_may_create (f, ZC_DECLARATION_CHECK_ERROR_PLAN_NOT_OPEN, "The plan is closed to new declarations");
  zc_plan_set_state (f->plan, ZC_PLAN_STATE_DRAFT);
  zc_plan_set_closed_at (f->plan, NULL);
  assert_may_create (f, ZC_DECLARATION_CHECK_ERROR_PLAN_NOT_OPEN, "The plan is not published");
}

static void
test_may_create_locale (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  set_now (f, "2026-02-01T09:00:00+08:00");
  g_assert_false (zc_declaration_check_may_create (&f->input, ZC_LANGUAGE_LOCALE, &error));
  g_assert_error (error, ZC_DECLARATION_CHECK_ERROR, ZC_DECLARATION_CHECK_ERROR_WINDOW_CLOSED);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_nonnull (strstr (error->message, "2026-03-01 00:00"));
}

/* ---- the API's form --------------------------------------------------- */

static void
test_to_json (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  json_object_remove_member (f->body, "photo");
  set_now (f, "2026-05-01T09:00:00+08:00");
  items = zc_declaration_check_run (&f->input, ZC_LANGUAGE_ENGLISH);
  node = zc_declaration_check_to_json (items);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (expected_ids));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const ZcCheckItem *item = g_ptr_array_index (items, i);

      g_assert_cmpuint (json_object_get_size (object), ==, 5);
      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, expected_ids[i]);
      g_assert_cmpstr (json_object_get_string_member (object, "label"), ==, item->label);
      g_assert_cmpint (json_object_get_boolean_member (object, "passed"), ==, item->passed);
      g_assert_true (json_object_has_member (object, "reason"));
      g_assert_true (json_object_has_member (object, "step"));
    }

  {
    JsonObject *photo = json_array_get_object_element (array, 1);
    JsonObject *work_summary = json_array_get_object_element (array, 8);
    JsonObject *window = json_array_get_object_element (array, 14);

    g_assert_false (json_object_get_boolean_member (photo, "passed"));
    g_assert_cmpstr (json_object_get_string_member (photo, "reason"), ==,
                     "No photo: add one here or in the personal information");
    g_assert_cmpstr (json_object_get_string_member (photo, "step"), ==, "photo");
    g_assert_true (json_object_get_boolean_member (work_summary, "passed"));
    g_assert_true (json_node_is_null (json_object_get_member (work_summary, "reason")));
    g_assert_cmpstr (json_object_get_string_member (work_summary, "step"), ==, "summary");
    g_assert_cmpstr (json_object_get_string_member (window, "reason"), ==,
                     "The declaration deadline 2026-04-30 23:59 has passed");
    g_assert_true (json_node_is_null (json_object_get_member (window, "step")));
  }
}

static void
test_to_json_empty (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_check_item_free);
  g_autoptr(JsonNode) node = zc_declaration_check_to_json (items);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
  /* no item is not "all passed" */
  g_assert_false (zc_declaration_check_all_passed (items));
}

static void
test_item_copy (void)
{
  ZcCheckItem item = { (char *) "window", (char *) "Declaration window", FALSE, (char *) "closed", -1 };
  ZcCheckItem passed = { (char *) "photo", (char *) "Photo", TRUE, NULL, ZC_DECLARATION_STEP_PHOTO };
  g_autoptr(ZcCheckItem) copy = zc_check_item_copy (&item);
  g_autoptr(ZcCheckItem) copy2 = g_boxed_copy (ZC_TYPE_CHECK_ITEM, &passed);

  g_assert_true (copy != &item);
  g_assert_cmpstr (copy->id, ==, "window");
  g_assert_true (copy->id != item.id);
  g_assert_cmpstr (copy->label, ==, "Declaration window");
  g_assert_false (copy->passed);
  g_assert_cmpstr (copy->reason, ==, "closed");
  g_assert_cmpint (copy->step, ==, -1);
  g_assert_null (copy2->reason);
  g_assert_true (copy2->passed);
  g_assert_cmpint (copy2->step, ==, ZC_DECLARATION_STEP_PHOTO);
  zc_check_item_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/declaration-check/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("fixture-is-valid", test_fixture_is_valid);
  ADD ("complete", test_complete);
  ADD ("complete-locale", test_complete_locale);
  ADD ("empty-draft", test_empty_draft);
  ADD ("personal-info", test_personal_info);
  ADD ("personal-info/declaration-copy", test_personal_info_declaration_copy);
  ADD ("personal-info/today", test_personal_info_today);
  ADD ("photo", test_photo);
  ADD ("work-experience", test_work_experience);
  ADD ("work-experience/states", test_work_experience_states);
  ADD ("education", test_education);
  ADD ("annual-assessment", test_annual_assessment);
  ADD ("title", test_title);
  ADD ("title/specialty", test_title_specialty);
  ADD ("method", test_method);
  ADD ("specialty-matches", test_specialty_matches);
  ADD ("work-summary", test_work_summary);
  ADD ("picks", test_picks);
  ADD ("group/below-min", test_group_below_min);
  ADD ("group/above-max", test_group_above_max);
  ADD ("attachments/required", test_attachment_required);
  ADD ("attachments/limits", test_attachment_limits);
  ADD ("commitment", test_commitment);
  ADD ("window", test_window);
  ADD ("window/resubmission", test_window_resubmission);
  ADD ("one-per-year", test_one_per_year);
  ADD ("integrity", test_integrity);
  ADD ("integrity/unknown", test_integrity_unknown);
  ADD ("last-year", test_last_year);
  ADD ("scope", test_scope);
  ADD ("scope/commissioned", test_scope_commissioned);
  ADD ("may-create", test_may_create);
  ADD ("may-create/errors", test_may_create_errors);
  ADD ("may-create/locale", test_may_create_locale);
  ADD ("to-json", test_to_json);
#undef ADD
  g_test_add_func ("/declaration-check/to-json/empty", test_to_json_empty);
  g_test_add_func ("/declaration-check/item-copy", test_item_copy);

  return g_test_run ();
}
