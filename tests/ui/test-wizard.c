/* test-wizard.c: the declaration wizard on a seeded local store, plan to submission
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "zc-declaration-check.h"
#include "zc-declaration-wizard.h"
#include "zc-i18n.h"
#include "zc-local-store.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-photo.h"
#include "zc-local-store-plans.h"
#include "zc-pages-to-pdf.h"
#include "zc-pdf-view.h"
#include "zc-signature-pad.h"
#include "zc-title-picker.h"
#include "zc-ui-test.h"

/* Inside the plan's first-submission window (the fixture's 2026 plan). */
#define TEST_NOW "2026-04-28T10:00:00+08:00"
/* A unit the plan lists directly. */
#define DIRECT_UNIT "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d"

typedef struct
{
  char         *dir;
  char         *path;
  ZcLocalStore *store;
  ZcPlan       *plan;
  char         *paper_id;
  char         *pending_paper_id;
  char         *project_id;
  char         *education_id;
} Fixture;

static char *
seed (ZcLocalStore *store,
      const char   *kind,
      const char   *state,
      const char   *json)
{
  g_autoptr(ZcRecord) record = zc_record_new (NULL, kind, zc_local_store_get_owner_id (store));
  g_autoptr(JsonObject) body = zc_ui_test_parse_object (json);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  zc_record_set_body (record, body);
  zc_record_set_state (record, state);
  zc_record_set_version (record, 2);
  zc_record_set_created_at (record, now);
  zc_record_set_updated_at (record, now);
  g_assert_true (zc_local_store_put_server_record (store, record, &error));
  g_assert_no_error (error);
  return g_strdup (zc_record_get_id (record));
}

/* A JPEG with something on it, @width × @height. */
static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize length = 0;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * rowstride + x * 3;
        gboolean face = (x - width / 2) * (x - width / 2) + (y - height / 3) * (y - height / 3) < width * width / 12;
        p[0] = face ? 230 : 60;
        p[1] = face ? 200 : 110;
        p[2] = face ? 180 : 200;
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

static ZcPlan *
load_plan (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", "engineering-2026.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  ZcPlan *plan;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_test_build_filename (G_TEST_DIST, "fixtures", "plans", "wizard-plan.json", NULL);
    }
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  plan = zc_plan_new_from_data (data, length, FALSE, &error);
  g_assert_no_error (error);
  return plan;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo_bytes = make_jpeg (300, 400);
  g_autoptr(JsonObject) photo_file = NULL;
  g_autoptr(ZcRecord) photo = NULL;
  g_autoptr(ZcPlan) loaded = load_plan ();
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autofree char *unused = NULL;

  fixture->dir = g_dir_make_tmp ("zc-wizard-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* the applicant's personal information, complete, and the ID photo */
  g_free (seed (fixture->store, "personal-info", NULL,
                "{\"name\": \"李明远\", \"gender\": \"1\", \"ethnic_group\": \"01\", \"birth_date\": \"1985-03-15\","
                " \"political_status\": \"01\", \"id_type\": \"111\", \"id_number\": \"53010219850315123X\","
                " \"nationality\": \"中国\", \"mobile\": \"13812345678\", \"email\": \"li@example.com\","
                " \"address\": \"云南省昆明市五华区某路 1 号\", \"postcode\": \"650031\","
                " \"unit_name\": \"云南电网有限责任公司\", \"unit_nature\": \"20\", \"work_started_on\": \"2012-07-01\","
                " \"current_profession\": \"电气工程\", \"work_years\": 13, \"specialty_years\": 12}"));
  photo_file = zc_local_store_add_blob_bytes (fixture->store, photo_bytes, NULL, 2 * 1024 * 1024, &error);
  g_assert_no_error (error);
  photo = zc_local_store_save_photo (fixture->store, photo_file, 300, 400, &error);
  g_assert_no_error (error);

  /* the archive: work, education, assessment, papers (one pending), a project */
  unused = seed (fixture->store, "archive:work-experience", "approved",
                 "{\"start_on\": \"2012-07-01\", \"unit\": \"云南电网有限责任公司\", \"technical_post\": \"助理工程师\","
                 " \"content\": \"负责变电站运行维护与技术改造。\"}");
  fixture->education_id = seed (fixture->store, "archive:education", "approved",
                                "{\"start_on\": \"2008-09-01\", \"graduated_on\": \"2012-06-30\", \"school\": \"昆明理工大学\","
                                " \"education_type\": \"1\", \"major\": \"电气工程及其自动化\", \"schooling_years\": 4,"
                                " \"enrolment_status\": \"1\", \"education_level\": \"21\", \"degree\": \"3\"}");
  g_free (seed (fixture->store, "archive:annual-assessments", "approved",
                "{\"year\": 2024, \"result\": \"1\", \"assessed_by\": \"云南电网有限责任公司\"}"));
  fixture->paper_id = seed (fixture->store, "archive:papers", "approved",
                            "{\"title\": \"配电网自动化改造的实践\", \"published_on\": \"2019-03-01\", \"paper_type\": \"1\","
                            " \"journal\": \"中国电力\", \"author_rank\": \"1\", \"own_words\": 8}");
  fixture->pending_paper_id = seed (fixture->store, "archive:papers", "pending",
                                    "{\"title\": \"变电站巡检机器人应用研究\", \"published_on\": \"2021-06-01\", \"paper_type\": \"1\","
                                    " \"journal\": \"电力系统自动化\", \"author_rank\": \"2\", \"own_words\": 5}");
  fixture->project_id = seed (fixture->store, "archive:engineering-projects", "approved",
                              "{\"name\": \"昆明 220 千伏变电站智能化改造\", \"client\": \"云南电网有限责任公司\","
                              " \"start_on\": \"2020-03-01\", \"role\": \"1\", \"status\": \"1\","
                              " \"content\": \"主持二次系统改造设计与调试。\"}");
  /* a rejected entry is never offered */
  g_free (seed (fixture->store, "archive:papers", "rejected",
                "{\"title\": \"某增刊论文\", \"published_on\": \"2018-01-01\", \"paper_type\": \"1\","
                " \"journal\": \"某增刊\", \"author_rank\": \"1\", \"own_words\": 3}"));

  g_ptr_array_add (plans, loaded);
  g_assert_true (zc_local_store_replace_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  fixture->plan = zc_local_store_get_plan (fixture->store, zc_plan_get_id (loaded), 0, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  zc_plan_unref (fixture->plan);
  g_assert_finalize_object (fixture->store);
  zc_ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->paper_id);
  g_free (fixture->pending_paper_id);
  g_free (fixture->project_id);
  g_free (fixture->education_id);
}

static ZcDeclarationWizard *
open_wizard (Fixture    *fixture,
             const char *declaration_id,
             int         width,
             int         height)
{
  ZcDeclarationWizard *wizard = zc_declaration_wizard_new (NULL, fixture->store, fixture->plan, declaration_id);

  zc_declaration_wizard_set_unit (wizard, DIRECT_UNIT, "530100");
  gtk_window_set_default_size (GTK_WINDOW (wizard), width, height);
  gtk_window_present (GTK_WINDOW (wizard));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));
  return wizard;
}

static void
shot (ZcDeclarationWizard *wizard,
      const char          *name)
{
  zc_ui_test_save_screenshot (GTK_WIDGET (wizard), name);
}

static const ZcCheckItem *
find_item (GPtrArray  *items,
           const char *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const ZcCheckItem *item = g_ptr_array_index (items, i);
      if (g_str_equal (item->id, id))
        return item;
    }
  return NULL;
}

static void
print_failures (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      const ZcCheckItem *item = g_ptr_array_index (items, i);
      if (!item->passed)
        g_test_message ("check item %s fails: %s", item->id, item->reason != NULL ? item->reason : "");
    }
}

static GFile *
make_outline_pdf (Fixture *fixture)
{
  g_autoptr(GBytes) page = make_jpeg (600, 800);
  g_autofree char *page_path = g_build_filename (fixture->dir, "page.jpg", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "答辩提纲.pdf", NULL);
  g_autoptr(GFile) page_file = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[1];

  g_assert_true (g_file_set_contents (page_path, g_bytes_get_data (page, NULL), (gssize) g_bytes_get_size (page), NULL));
  page_file = g_file_new_for_path (page_path);
  files[0] = page_file;
  pdf = zc_pages_to_pdf_convert (files, 1, 3 * 1024 * 1024, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL));
  return g_file_new_for_path (pdf_path);
}

static void
test_walk_to_submit (Fixture       *fixture,
                     gconstpointer  data)
{
  ZcDeclarationWizard *wizard = open_wizard (fixture, NULL, 1024, 700);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GFile) outline = NULL;
  g_autofree char *png_path = NULL;
  g_autoptr(GFile) png = NULL;
  g_autofree char *id = NULL;
  ZcTitlePicker *picker;
  ZcSignaturePad *pad;
  GPtrArray *items;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  g_assert_nonnull (zc_declaration_wizard_get_declaration_id (wizard));
  id = g_strdup (zc_declaration_wizard_get_declaration_id (wizard));
  g_assert_cmpint (zc_declaration_wizard_get_page (wizard), ==, 0);
  shot (wizard, "wizard-01-choose-empty-zh.png");

  /* 1. choose: method, title (the plan's), specialty, category, years */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_declaration_wizard_get_widget (wizard, "method")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_declaration_wizard_get_widget (wizard, "title")), 1);
  picker = ZC_TITLE_PICKER (zc_declaration_wizard_get_widget (wizard, "title-picker"));
  /* the plan decides the series, category, level and title */
  g_assert_false (gtk_widget_get_sensitive (zc_title_picker_get_dropdown (picker, ZC_TITLE_PICKER_SERIES)));
  g_assert_true (gtk_widget_get_visible (zc_title_picker_get_specialty_entry (picker)));
  gtk_editable_set_text (GTK_EDITABLE (zc_title_picker_get_specialty_entry (picker)), "电气工程");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_declaration_wizard_get_widget (wizard, "declaration-category")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (zc_declaration_wizard_get_widget (wizard, "years")), 12);
  shot (wizard, "wizard-01-choose-zh.png");

  /* the step change saves: the draft has them, with a record.put queued */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpint (zc_declaration_wizard_get_page (wizard), ==, 1);
  saved = zc_local_store_get_declaration (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_declaration_body_get_method (zc_record_get_body (saved)), ==, "regular");
  g_assert_cmpstr (zc_declaration_body_get_specialty (zc_record_get_body (saved)), ==, "电气工程");
  g_assert_cmpstr (zc_declaration_body_get_declaration_category (zc_record_get_body (saved)), ==, "应用研究");
  g_assert_cmpint (zc_declaration_body_get_professional_years (zc_record_get_body (saved)), ==, 12);
  g_clear_pointer (&saved, zc_record_unref);

  /* 2. photo: the personal one */
  shot (wizard, "wizard-02-photo-zh.png");

  /* 3. commitment: a stroke on the pad */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  pad = ZC_SIGNATURE_PAD (zc_declaration_wizard_get_widget (wizard, "signature-pad"));
  g_assert_true (zc_signature_pad_is_empty (pad));
  zc_signature_pad_begin_stroke (pad, 0.15, 0.6, 0.5);
  for (int i = 1; i <= 20; i++)
    zc_signature_pad_extend_stroke (pad, 0.15 + i * 0.03, 0.6 - 0.2 * (i % 4 == 1) + 0.1 * (i % 3 == 0), 0.4 + i * 0.02);
  zc_signature_pad_end_stroke (pad);
  g_assert_cmpuint (zc_signature_pad_get_n_strokes (pad), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (zc_signature_pad_get_clear_button (pad)));
  shot (wizard, "wizard-03-commitment-zh.png");

  /* 4. information, prefilled */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  saved = zc_local_store_get_declaration (fixture->store, id, &error);
  g_assert_true (zc_declaration_body_commitment_is_signed (zc_record_get_body (saved)));
  g_clear_pointer (&saved, zc_record_unref);
  /* the education that qualifies is chosen here, where the check points */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_declaration_wizard_get_widget (wizard, "education")), 1);
  shot (wizard, "wizard-04-info-zh.png");

  /* 5. work summary, with its count */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (zc_declaration_wizard_get_widget (wizard, "summary"))),
                            "本人自 2012 年参加工作以来，一直从事变电运维与电网技术改造工作。\n"
                            "主持完成 220 千伏变电站智能化改造，发表论文两篇。", -1);
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (wizard), "10000"));
  shot (wizard, "wizard-05-summary-zh.png");

  /* 6. achievements: two papers (one pending) and the project */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_true (zc_declaration_wizard_set_picked (wizard, fixture->paper_id, TRUE, NULL));
  g_assert_true (zc_declaration_wizard_set_picked (wizard, fixture->pending_paper_id, TRUE, "research"));
  g_assert_true (zc_declaration_wizard_set_picked (wizard, fixture->project_id, TRUE, NULL));
  /* a group that does not take papers */
  g_assert_false (zc_declaration_wizard_set_picked (wizard, fixture->paper_id, TRUE, "engineering"));
  zc_ui_test_wait_ms (100);
  shot (wizard, "wizard-06-achievements-zh.png");

  /* the check, before the required attachment: it fails there */
  zc_declaration_wizard_set_page (wizard, 7);
  items = zc_declaration_wizard_run_check (wizard);
  print_failures (items);
  g_assert_false (zc_declaration_check_all_passed (items));
  g_assert_false (find_item (items, "attachments")->passed);
  g_assert_cmpint (find_item (items, "attachments")->step, ==, ZC_DECLARATION_STEP_ATTACHMENTS);
  shot (wizard, "wizard-08-check-failing-zh.png");
  zc_declaration_wizard_set_page (wizard, 9);
  g_assert_false (gtk_widget_get_sensitive (zc_declaration_wizard_get_widget (wizard, "submit")));
  g_assert_false (zc_declaration_wizard_submit (wizard, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* 7. attachments: a PNG where only PDF is taken, then the outline */
  zc_declaration_wizard_set_page (wizard, ZC_DECLARATION_STEP_ATTACHMENTS);
  png_path = g_build_filename (fixture->dir, "outline.png", NULL);
  {
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 20, 20);
    gdk_pixbuf_fill (pixbuf, 0x336699ff);
    g_assert_true (gdk_pixbuf_save (pixbuf, png_path, "png", NULL, NULL));
  }
  png = g_file_new_for_path (png_path);
  g_assert_false (zc_declaration_wizard_add_attachment (wizard, "defence-outline", png, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);
  g_assert_false (zc_declaration_wizard_add_attachment (wizard, "no-such-requirement", png, &error));
  g_clear_error (&error);
  outline = make_outline_pdf (fixture);
  g_assert_true (zc_declaration_wizard_add_attachment (wizard, "defence-outline", outline, &error));
  g_assert_no_error (error);
  /* one file at most */
  g_assert_false (zc_declaration_wizard_add_attachment (wizard, "defence-outline", outline, &error));
  g_assert_error (error, ZC_LOCAL_STORE_ERROR, ZC_LOCAL_STORE_ERROR_ATTACHMENT);
  g_clear_error (&error);
  shot (wizard, "wizard-07-attachments-zh.png");

  /* 8. the check passes now */
  zc_declaration_wizard_set_page (wizard, 7);
  items = zc_declaration_wizard_run_check (wizard);
  print_failures (items);
  g_assert_true (find_item (items, "attachments")->passed);
  g_assert_true (zc_declaration_check_all_passed (items));
  shot (wizard, "wizard-08-check-passing-zh.png");

  /* 9. the preview has pages */
  zc_declaration_wizard_set_page (wizard, 8);
  g_assert_cmpint (zc_pdf_view_get_n_pages (ZC_PDF_VIEW (zc_declaration_wizard_get_widget (wizard, "pdf-view"))), >, 1);
  shot (wizard, "wizard-09-preview-zh.png");

  /* 10. submit: queued after the draft's puts */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpint (zc_declaration_wizard_get_page (wizard), ==, 9);
  g_assert_true (gtk_widget_get_sensitive (zc_declaration_wizard_get_widget (wizard, "submit")));
  g_assert_true (zc_declaration_wizard_submit (wizard, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_sensitive (zc_declaration_wizard_get_widget (wizard, "submit")));
  shot (wizard, "wizard-10-submitted-zh.png");

  outbox = zc_local_store_list_outbox (fixture->store, &error);
  g_assert_no_error (error);
  {
    gboolean seen_put = FALSE;
    const ZcMutation *last = g_ptr_array_index (outbox, outbox->len - 1);

    g_assert_cmpstr (last->name, ==, "declaration.submit");
    g_assert_cmpstr (last->record_id, ==, id);
    g_assert_cmpstr (last->expected_state, ==, "draft");
    for (guint i = 0; i + 1 < outbox->len; i++)
      {
        const ZcMutation *mutation = g_ptr_array_index (outbox, i);
        if (g_strcmp0 (mutation->record_id, id) == 0)
          {
            g_assert_cmpstr (mutation->name, ==, "record.put");
            seen_put = TRUE;
          }
      }
    g_assert_true (seen_put);
  }
  g_assert_cmpint (zc_local_store_get_declaration_waiting_action (fixture->store, id), ==, ZC_DECLARATION_ACTION_SUBMIT);

  /* the file itself: the record is a draft with every step's members */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT state, json_extract (body, '$.method'),"
                                           " json_array_length (body, '$.picks'),"
                                           " json_extract (body, '$.attachments[0].requirement'),"
                                           " json_type (body, '$.commitment.signature')"
                                           " FROM records WHERE id = ? AND kind = 'declaration'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "draft");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "regular");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 3);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "defence-outline");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "object");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM outbox WHERE record_id = ? ORDER BY mutation_id DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "declaration.submit");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  gtk_window_close (GTK_WINDOW (wizard));
  zc_ui_test_wait_ms (50);
  g_assert_null (wizard);
}

/* Typed text survives closing the window; reopening finds the draft. */
static void
test_close_saves (Fixture       *fixture,
                  gconstpointer  data)
{
  ZcDeclarationWizard *wizard = open_wizard (fixture, NULL, 1024, 700);
  g_autofree char *id = g_strdup (zc_declaration_wizard_get_declaration_id (wizard));
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *summary;

  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  zc_declaration_wizard_set_page (wizard, ZC_DECLARATION_STEP_SUMMARY);
  summary = zc_declaration_wizard_get_widget (wizard, "summary");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary)), "关窗前写下的总结", -1);
  gtk_window_close (GTK_WINDOW (wizard));
  zc_ui_test_wait_ms (50);
  g_assert_null (wizard);

  saved = zc_local_store_get_declaration (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zc_declaration_body_get_work_summary (zc_record_get_body (saved)), ==, "关窗前写下的总结");

  /* the plan's draft is opened again, not a second one */
  wizard = open_wizard (fixture, NULL, 1024, 700);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  g_assert_cmpstr (zc_declaration_wizard_get_declaration_id (wizard), ==, id);

  /* keyboard: next and previous, the step list */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpint (zc_declaration_wizard_get_page (wizard), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.previous", NULL);
  g_assert_cmpint (zc_declaration_wizard_get_page (wizard), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.previous", NULL);
  g_assert_cmpint (zc_declaration_wizard_get_page (wizard), ==, 0);
  gtk_list_box_select_row (GTK_LIST_BOX (zc_declaration_wizard_get_widget (wizard, "step-list")),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (zc_declaration_wizard_get_widget (wizard, "step-list")), 4));
  g_assert_cmpint (zc_declaration_wizard_get_page (wizard), ==, 4);
  g_assert_true (gtk_widget_get_focusable (gtk_widget_get_first_child (zc_declaration_wizard_get_widget (wizard, "step-list"))));
  gtk_window_destroy (GTK_WINDOW (wizard));
  g_assert_null (wizard);
}

/* A returned declaration: the comment, the step it names, a deadline near. */
static void
test_returned (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(ZcRecord) record = zc_record_new (NULL, ZC_DECLARATION_KIND, zc_local_store_get_owner_id (fixture->store));
  g_autofree char *body_text = g_strdup_printf ("{\"plan_id\": \"%s\", \"plan_version\": %" G_GINT64_FORMAT ","
                                                " \"method\": \"regular\", \"work_summary\": \"原来的总结\"}",
                                                zc_plan_get_id (fixture->plan), zc_plan_get_version (fixture->plan));
  g_autoptr(JsonObject) body = zc_ui_test_parse_object (body_text);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message_text = NULL;
  ZcDeclarationWizard *wizard;
  GtkWidget *label;

  zc_record_set_body (record, body);
  zc_record_set_state (record, "returned");
  zc_record_set_version (record, 3);
  zc_record_set_review_comment (record, "工作总结过于简略，请补充近五年的主要业绩");
  zc_record_set_created_at (record, now);
  zc_record_set_updated_at (record, now);
  g_assert_true (zc_local_store_put_server_record (fixture->store, record, &error));
  g_assert_no_error (error);
  message_text = g_strdup_printf ("{\"title\": \"申报被退回\", \"text\": \"单位经办人退回了你的申报\", \"action\": \"declaration.return\","
                                  " \"record_id\": \"%s\", \"comment\": \"工作总结过于简略\", \"step\": \"summary\"}",
                                  zc_record_get_id (record));
  g_free (seed (fixture->store, "message", "unread", message_text));

  /* an edit waiting, three days or less before the modification deadline */
  g_setenv ("ZHICHENG_TEST_NOW", "2026-05-13T09:00:00+08:00", TRUE);
  wizard = open_wizard (fixture, zc_record_get_id (record), 1024, 700);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  label = zc_ui_test_find_label_containing (GTK_WIDGET (wizard), "工作总结过于简略，请补充近五年的主要业绩");
  g_assert_nonnull (label);
  zc_declaration_wizard_set_page (wizard, ZC_DECLARATION_STEP_SUMMARY);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (zc_declaration_wizard_get_widget (wizard, "summary"))),
                            "补充后的总结：近五年主持改造项目三项。", -1);
  g_assert_true (zc_declaration_wizard_save (wizard, &error));
  g_assert_no_error (error);
  zc_ui_test_wait_ms (400);
  /* the deadline bar names the deadline */
  g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (wizard), "2026-05-15"));
  shot (wizard, "wizard-returned-zh.png");

  /* resubmission is what a returned declaration offers */
  zc_declaration_wizard_set_page (wizard, 9);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (zc_declaration_wizard_get_widget (wizard, "submit"))), !=,
                   NULL);
  gtk_window_destroy (GTK_WINDOW (wizard));
  g_assert_null (wizard);
  g_setenv ("ZHICHENG_TEST_NOW", TEST_NOW, TRUE);
}

/* Every page in a narrow window, and at 1024×700 for the pages the walk
 * does not show. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  ZcDeclarationWizard *wizard = open_wizard (fixture, NULL, 400, 700);
  g_autoptr(GFile) outline = make_outline_pdf (fixture);
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_declaration_wizard_get_widget (wizard, "method")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zc_declaration_wizard_get_widget (wizard, "title")), 1);
  gtk_editable_set_text (GTK_EDITABLE (zc_title_picker_get_specialty_entry (
                           ZC_TITLE_PICKER (zc_declaration_wizard_get_widget (wizard, "title-picker")))), "电气工程");
  g_assert_true (zc_declaration_wizard_set_picked (wizard, fixture->pending_paper_id, TRUE, NULL));
  g_assert_true (zc_declaration_wizard_add_attachment (wizard, "defence-outline", outline, &error));
  g_assert_no_error (error);
  zc_ui_test_wait_ms (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 400);

  for (int page = 0; page < 10; page++)
    {
      g_autofree char *name = g_strdup_printf ("wizard-narrow-%02d-zh.png", page + 1);

      zc_declaration_wizard_set_page (wizard, page);
      shot (wizard, name);
      /* nothing forces the window wider */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 400);
    }
  gtk_window_destroy (GTK_WINDOW (wizard));
  g_assert_null (wizard);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("ZHICHENG_TEST_NOW", TEST_NOW, TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/wizard/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/wizard/walk-to-submit", test_walk_to_submit);
  ADD ("/ui/wizard/close-saves", test_close_saves);
  ADD ("/ui/wizard/returned", test_returned);
  ADD ("/ui/wizard/narrow", test_narrow);
#undef ADD

  return g_test_run ();
}
