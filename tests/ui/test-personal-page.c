/* test-personal-page.c: personal information and the ID photo, in the
 * main window on a local store
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "zc-field-row.h"
#include "zc-form-view.h"
#include "zc-i18n.h"
#include "zc-local-store-photo.h"
#include "zc-local-store.h"
#include "zc-personal-page.h"
#include "zc-photo-crop.h"
#include "zc-photo-editor.h"
#include "zc-photo-image.h"
#include "zc-screenshot.h"
#include "zc-ui-test.h"
#include "zc-window.h"

typedef struct
{
  char            *dir;
  char            *path;
  ZcLocalStore    *store;
  ZcServerMonitor *monitor;
  ZcWindow        *window;
  ZcPersonalPage  *page;
  ZcFormView      *form;
} Fixture;

static gpointer
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AdwViewStack *stack;

  fixture->dir = g_dir_make_tmp ("zc-personal-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "local.sqlite", NULL);
  fixture->store = zc_local_store_open (fixture->path, &error);
  g_assert_no_error (error);

  if (data != NULL)
    {
      /* what registration left on the server, pulled down */
      g_autoptr(ZcRecord) record = zc_record_new (NULL, ZC_LOCAL_STORE_PERSONAL_INFO_KIND,
                                                  zc_local_store_get_owner_id (fixture->store));
      g_autoptr(JsonNode) body = json_from_string (data, NULL);

      zc_record_set_body (record, json_node_get_object (body));
      zc_record_set_version (record, 1);
      g_assert_true (zc_local_store_put_server_record (fixture->store, record, &error));
      g_assert_no_error (error);
    }

  fixture->monitor = zc_server_monitor_new ("http://127.0.0.1:9");
  fixture->window = zc_window_new (NULL, fixture->monitor, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = find_type (GTK_WIDGET (fixture->window), ZC_TYPE_PERSONAL_PAGE);
  g_assert_nonnull (fixture->page);
  fixture->form = zc_personal_page_get_form_view (fixture->page);
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "personal");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  zc_ui_test_wait_ms (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->monitor);
  g_assert_finalize_object (fixture->store);
  zc_ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GtkWidget *
input (Fixture    *fixture,
       const char *field)
{
  ZcFieldRow *row = zc_form_view_get_row (fixture->form, field);

  g_assert_nonnull (row);
  return zc_field_row_get_input (row);
}

static void
type_into (Fixture    *fixture,
           const char *field,
           const char *text)
{
  GtkWidget *widget = input (fixture, field);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
choose (Fixture    *fixture,
        const char *field,
        guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input (fixture, field)), position);
}

static const char *
row_error (Fixture    *fixture,
           const char *field)
{
  return zc_field_row_get_error (zc_form_view_get_row (fixture->form, field));
}

/* Every required field, typed as a user would. */
static void
fill_form (Fixture *fixture)
{
  type_into (fixture, "name", "张三");
  choose (fixture, "gender", 1);
  choose (fixture, "ethnic_group", 1);
  type_into (fixture, "birth_date", "1985-06-01");
  choose (fixture, "political_status", 1);
  choose (fixture, "id_type", 1);
  type_into (fixture, "id_number", "110105198506010011");
  type_into (fixture, "nationality", "中国");
  type_into (fixture, "mobile", "13800138000");
  type_into (fixture, "email", "zhangsan@example.com");
  type_into (fixture, "address", "四川省成都市武侯区人民南路四段 1 号");
  type_into (fixture, "unit_name", "国网四川省电力公司");
  choose (fixture, "unit_nature", 1);
  type_into (fixture, "work_started_on", "2007-07-01");
  type_into (fixture, "current_profession", "电气工程");
  type_into (fixture, "work_years", "18");
  type_into (fixture, "specialty_years", "15");
}

static void
test_fill_and_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *name = NULL;
  g_autofree char *mutation = NULL;
  g_autoptr(ZcRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (zc_personal_page_get_registered (fixture->page));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "name"))));

  fill_form (fixture);
  g_assert_true (zc_form_view_is_modified (fixture->form));
  g_assert_cmpstr (zc_personal_page_get_status_text (fixture->page), ==, _("You have changes that are not saved."));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "personal-page-zh.png");

  /* Ctrl+S's action saves: the record and its outbox row */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "personal.save", NULL));
  g_assert_false (zc_form_view_is_modified (fixture->form));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records WHERE kind = 'personal-info'"), ==, 1);
  name = query_text (fixture->path, "SELECT json_extract (body, '$.name') FROM records WHERE kind = 'personal-info'");
  g_assert_cmpstr (name, ==, "张三");
  g_assert_cmpint (query_int (fixture->path, "SELECT json_extract (body, '$.specialty_years') FROM records"
                                             " WHERE kind = 'personal-info'"), ==, 15);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM outbox o JOIN records r ON o.record_id = r.id"
                                             " WHERE r.kind = 'personal-info'"), ==, 1);
  mutation = query_text (fixture->path, "SELECT json_extract (args, '$.kind') || ' ' || name FROM outbox");
  g_assert_cmpstr (mutation, ==, "personal-info record.put");
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_nonnull (strstr (zc_personal_page_get_status_text (fixture->page), today));
  }

  /* saving again replaces the one record */
  type_into (fixture, "phone", "028-87654321");
  g_assert_true (zc_personal_page_save (fixture->page));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records WHERE kind = 'personal-info'"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM outbox"), ==, 2);
  record = zc_local_store_get_personal_info (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (zc_record_get_body (record), "phone"), ==, "028-87654321");
}

/* Bad values: said under their fields, nothing stored. */
static void
test_bad_values (Fixture       *fixture,
                 gconstpointer  data)
{
  fill_form (fixture);

  /* the years rule, at the field, while typing */
  type_into (fixture, "specialty_years", "20");
  g_assert_cmpstr (row_error (fixture, "specialty_years"), ==, "专业年限不能大于工作年限。");
  g_assert_null (row_error (fixture, "work_years"));
  type_into (fixture, "work_years", "25");
  g_assert_null (row_error (fixture, "specialty_years"));
  type_into (fixture, "work_years", "19");
  g_assert_nonnull (row_error (fixture, "specialty_years"));
  zc_field_row_focus_input (zc_form_view_get_row (fixture->form, "specialty_years"));
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "personal-page-years-zh.png");
  g_assert_false (zc_personal_page_save (fixture->page));
  g_assert_nonnull (row_error (fixture, "specialty_years"));
  type_into (fixture, "specialty_years", "19");
  g_assert_null (row_error (fixture, "specialty_years"));

  /* a wrong check digit; an empty required field */
  type_into (fixture, "id_number", "110105198506010012");
  type_into (fixture, "mobile", "");
  g_assert_false (zc_personal_page_save (fixture->page));
  g_assert_nonnull (row_error (fixture, "id_number"));
  g_assert_nonnull (row_error (fixture, "mobile"));
  g_assert_null (row_error (fixture, "name"));
  /* the focus went to the first field at fault */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

    g_assert_nonnull (focus);
    g_assert_true (focus == input (fixture, "id_number") || gtk_widget_is_ancestor (focus, input (fixture, "id_number")));
  }
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM outbox"), ==, 0);

  type_into (fixture, "id_number", "110105198506010011");
  type_into (fixture, "mobile", "13800138000");
  g_assert_true (zc_personal_page_save (fixture->page));
  g_assert_null (row_error (fixture, "id_number"));
}

#define REGISTERED "{\"name\": \"李四\", \"gender\": \"2\", \"id_number\": \"510107199003151236\"}"

/* Name, ID number and gender are fixed once registered. */
static void
test_registered (Fixture       *fixture,
                 gconstpointer  data)
{
  ZcFieldRow *gender = zc_form_view_get_row (fixture->form, "gender");

  /* the record came from the server: registered */
  g_assert_true (zc_personal_page_get_registered (fixture->page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input (fixture, "name"))), ==, "李四");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "name"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "id_number"))));
  g_assert_false (gtk_widget_is_sensitive (zc_field_row_get_input (gender)));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "former_name"))));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "mobile"))));
  g_assert_nonnull (strstr (zc_personal_page_get_status_text (fixture->page),
                            _("Name, ID number and gender are fixed after registration.")));

  /* the rest is filled and saved; the fixed fields keep their values */
  type_into (fixture, "mobile", "13900139000");
  g_assert_false (zc_personal_page_save (fixture->page));   /* other required fields are empty */
  g_assert_nonnull (row_error (fixture, "email"));

  zc_personal_page_set_registered (fixture->page, FALSE);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "name"))));
  zc_personal_page_set_registered (fixture->page, TRUE);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (input (fixture, "name"))));
}

/* Images made here */

static GdkPixbuf *
make_image (int     width,
            int     height,
            guint32 background,
            guint32 head)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);

  gdk_pixbuf_fill (pixbuf, background << 8 | 0xff);
  if (head != background)
    {
      /* a head and shoulders in the middle, away from the top corners */
      g_autoptr(GdkPixbuf) sub = gdk_pixbuf_new_subpixbuf (pixbuf, width * 3 / 8, height / 4,
                                                           width / 4, height * 3 / 4);
      gdk_pixbuf_fill (sub, head << 8 | 0xff);
    }
  return pixbuf;
}

static GBytes *
encode (GdkPixbuf  *pixbuf,
        const char *type,
        const char *quality)
{
  char *buffer = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (quality != NULL)
    g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, type, &error, "quality", quality, NULL));
  else
    g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, type, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

/* Noise compresses badly: a large JPEG, white in the top corners. */
static GBytes *
make_noisy_jpeg (int width,
                 int height)
{
  g_autoptr(GdkPixbuf) pixbuf = make_image (width, height, 0xfafafa, 0xfafafa);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * rowstride + x * 3;
        gboolean corner = y < height / 6 && (x < width / 5 || x >= width - width / 5);

        for (int c = 0; c < 3; c++)
          p[c] = corner ? (guint8) g_rand_int_range (rand, 232, 256) : (guint8) g_rand_int_range (rand, 0, 256);
      }
  return encode (pixbuf, "jpeg", "100");
}

static gboolean
has_code (GPtrArray  *problems,
          const char *code)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (g_strcmp0 (((ZcPhotoProblem *) g_ptr_array_index (problems, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

static ZcPhotoEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  ZcPhotoEditor *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ZC_IS_PHOTO_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = ZC_PHOTO_EDITOR (window);
    }
  return found;
}

static void
assert_photo_stored (Fixture *fixture,
                     guint    width,
                     guint    height)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *digest = NULL;
  gsize length = 0;

  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records WHERE kind = 'photo'"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT json_extract (body, '$.width') FROM records WHERE kind = 'photo'"),
                   ==, width);
  g_assert_cmpint (query_int (fixture->path, "SELECT json_extract (body, '$.height') FROM records WHERE kind = 'photo'"),
                   ==, height);
  /* queued, waiting for its file to be uploaded first */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM outbox o JOIN records r ON o.record_id = r.id"
                                             " WHERE r.kind = 'photo' AND o.name = 'record.put'"
                                             " AND json_extract (o.args, '$.kind') = 'photo'"), ==, 1);
  sha256 = query_text (fixture->path, "SELECT json_extract (body, '$.file.sha256') FROM records WHERE kind = 'photo'");
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM outbox_blobs"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM blobs WHERE uploaded = 0"), ==, 1);

  /* the blob is the file, named by its content */
  blob = zc_local_store_get_blob_path (fixture->store, sha256);
  g_assert_true (g_file_get_contents (blob, &contents, &length, NULL));
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (digest, ==, sha256);
  g_assert_cmpuint (length, <=, zc_personal_page_get_photo_rules (fixture->page)->max_bytes);
}

/* A too-wide photo on red: every problem listed; it cannot be kept. */
static void
test_photo_problems (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GdkPixbuf) image = make_image (800, 600, 0xd02828, 0x303030);
  g_autoptr(GBytes) png = encode (image, "png", NULL);
  g_autoptr(GBytes) gif = g_bytes_new_static ("GIF89a\x01\x00\x01\x00", 10);
  GPtrArray *problems;

  g_assert_cmpstr (zc_personal_page_get_photo_rules (fixture->page)->name, ==, "sichuan");
  g_assert_false (zc_personal_page_load_photo (fixture->page, png, "red.png"));
  problems = zc_personal_page_get_photo_problems (fixture->page);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (has_code (problems, "photo_ratio"));
  g_assert_true (has_code (problems, "photo_background"));
  /* each one shown in the panel */
  for (guint i = 0; i < problems->len; i++)
    g_assert_nonnull (zc_ui_test_find_label_containing (GTK_WIDGET (fixture->page),
                                             ((ZcPhotoProblem *) g_ptr_array_index (problems, i))->message));
  g_assert_false (zc_personal_page_use_photo (fixture->page));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM records"), ==, 0);
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "personal-page-photo-problems-zh.png");

  /* the editor fixes the ratio, not the colour: the result stays refused */
  {
    ZcPhotoEditor *editor = zc_personal_page_edit_photo (fixture->page);

    g_assert_nonnull (editor);
    g_assert_false (zc_photo_editor_update (editor));
    g_assert_false (has_code (zc_photo_editor_get_problems (editor), "photo_ratio"));
    g_assert_true (has_code (zc_photo_editor_get_problems (editor), "photo_background"));
    g_assert_false (zc_photo_editor_save (editor));
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  /* not an image of the kind asked */
  g_assert_false (zc_personal_page_load_photo (fixture->page, gif, "photo.gif"));
  problems = zc_personal_page_get_photo_problems (fixture->page);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_code (problems, "photo_type"));
  g_assert_null (zc_personal_page_edit_photo (fixture->page));
}

/* A white photo of the wrong proportions, cropped by the editor. */
static void
test_photo_crop (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GdkPixbuf) image = make_image (900, 600, 0xffffff, 0x404850);
  g_autoptr(GBytes) png = encode (image, "png", NULL);
  const ZcPhotoRules *rules = zc_personal_page_get_photo_rules (fixture->page);
  ZcPhotoEditor *editor;
  ZcPhotoCrop *crop;
  GdkRectangle rect, before;
  guint width = 0, height = 0;

  g_assert_false (zc_personal_page_load_photo (fixture->page, png, "wide.png"));
  g_assert_cmpuint (zc_personal_page_get_photo_problems (fixture->page)->len, ==, 1);
  g_assert_true (has_code (zc_personal_page_get_photo_problems (fixture->page), "photo_ratio"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "personal.edit-photo", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  crop = zc_photo_editor_get_crop (editor);

  /* the frame starts as the largest 5:7 in the middle */
  zc_photo_crop_get_crop (crop, &rect);
  g_assert_cmpint (rect.height, ==, 600);
  g_assert_cmpint (rect.width, ==, 428);
  g_assert_cmpint (rect.x, ==, (900 - 428) / 2);
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, rect.width, rect.height));

  /* whatever is asked, the frame keeps an allowed ratio inside the image */
  zc_photo_crop_set_crop (crop, &(GdkRectangle) { -50, -50, 900, 300 });
  zc_photo_crop_get_crop (crop, &rect);
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, rect.width, rect.height));
  g_assert_cmpint (rect.x, >=, 0);
  g_assert_cmpint (rect.y, >=, 0);
  g_assert_cmpint (rect.height, ==, 300);
  g_assert_cmpint (rect.width, ==, 257);   /* 300 × 6/7, the widest */
  zc_photo_crop_widen (crop, -1000);
  zc_photo_crop_get_crop (crop, &rect);
  g_assert_cmpint (rect.width, ==, 193);   /* ceil (300 × 9/14), the narrowest */
  zc_photo_crop_zoom (crop, 10);
  zc_photo_crop_get_crop (crop, &rect);
  g_assert_cmpint (rect.height, ==, 600);
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, rect.width, rect.height));
  before = rect;
  zc_photo_crop_move (crop, 10000, 10000);
  zc_photo_crop_get_crop (crop, &rect);
  g_assert_cmpint (rect.x + rect.width, ==, 900);
  g_assert_cmpint (rect.y + rect.height, ==, 600);
  g_assert_cmpint (rect.width, ==, before.width);
  zc_photo_crop_zoom (crop, 0.5);
  zc_photo_crop_get_crop (crop, &rect);
  g_assert_cmpint (rect.height, ==, 300);
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, rect.width, rect.height));

  /* the keyboard: it is focusable and named */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (crop)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (crop), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (crop), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* a quarter turn makes it tall; a turn back wide again */
  zc_photo_editor_rotate (editor, TRUE);
  g_assert_cmpint (gdk_pixbuf_get_width (zc_photo_crop_get_image (crop)), ==, 600);
  g_assert_cmpint (gdk_pixbuf_get_height (zc_photo_crop_get_image (crop)), ==, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.rotate-left", NULL));
  g_assert_cmpint (gdk_pixbuf_get_width (zc_photo_crop_get_image (crop)), ==, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.reset", NULL));

  /* the result: the frame, recompressed, judged */
  g_assert_true (zc_photo_editor_update (editor));
  g_assert_cmpuint (zc_photo_editor_get_problems (editor)->len, ==, 0);
  zc_photo_editor_get_result_size (editor, &width, &height);
  g_assert_cmpuint (width, ==, 428);
  g_assert_cmpuint (height, ==, 600);
  g_assert_cmpint (zc_photo_editor_get_quality (editor), ==, ZC_PHOTO_IMAGE_MAX_QUALITY);
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, width, height));

  /* half the size */
  zc_photo_editor_set_scale (editor, 0.5);
  g_assert_true (zc_photo_editor_update (editor));
  zc_photo_editor_get_result_size (editor, &width, &height);
  g_assert_cmpuint (height, ==, 300);
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, width, height));
  gtk_window_set_default_size (GTK_WINDOW (editor), 1024, 700);
  zc_ui_test_save_screenshot (GTK_WIDGET (editor), "photo-editor-zh.png");
  gtk_window_set_default_size (GTK_WINDOW (editor), 400, 700);
  zc_ui_test_save_screenshot (GTK_WIDGET (editor), "photo-editor-zh-small.png");

  /* kept: the blob, the "photo" record and its outbox row */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  zc_ui_test_wait_ms (50);
  g_assert_null (editor);
  assert_photo_stored (fixture, width, height);
  g_assert_cmpuint (zc_personal_page_get_photo_problems (fixture->page)->len, ==, 0);
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "personal-page-photo-zh.png");
}

/* A large noisy JPEG: recompressed (and if need be scaled) until it fits. */
static void
test_photo_recompress (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) jpeg = make_noisy_jpeg (1000, 1400);
  const ZcPhotoRules *rules = zc_personal_page_get_photo_rules (fixture->page);
  ZcPhotoEditor *editor;
  guint width = 0, height = 0;
  GBytes *result;

  g_assert_cmpuint (g_bytes_get_size (jpeg), >, rules->max_bytes);
  g_assert_false (zc_personal_page_load_photo (fixture->page, jpeg, "noisy.jpg"));
  g_assert_cmpuint (zc_personal_page_get_photo_problems (fixture->page)->len, ==, 1);
  g_assert_true (has_code (zc_personal_page_get_photo_problems (fixture->page), "photo_size"));

  editor = zc_personal_page_edit_photo (fixture->page);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  /* the whole photo at full size: only a lower quality makes it fit */
  zc_photo_editor_set_scale (editor, 1.0);
  g_assert_true (zc_photo_editor_update (editor));
  result = zc_photo_editor_get_result (editor);
  g_assert_cmpuint (g_bytes_get_size (result), <=, rules->max_bytes);
  g_assert_cmpint (zc_photo_editor_get_quality (editor), <, ZC_PHOTO_IMAGE_MAX_QUALITY);
  g_assert_cmpint (zc_photo_editor_get_quality (editor), >=, ZC_PHOTO_IMAGE_MIN_QUALITY);
  zc_photo_editor_get_result_size (editor, &width, &height);
  g_test_message ("%" G_GSIZE_FORMAT " bytes → %" G_GSIZE_FORMAT " bytes, %u × %u, quality %d",
                  g_bytes_get_size (jpeg), g_bytes_get_size (result), width, height,
                  zc_photo_editor_get_quality (editor));
  g_assert_true (zc_photo_rules_ratio_is_valid (rules, width, height));
  g_assert_cmpstr (zc_photo_sniff_mime (g_bytes_get_data (result, NULL), g_bytes_get_size (result)), ==, "image/jpeg");

  g_assert_true (zc_photo_editor_save (editor));
  g_assert_null (editor);
  assert_photo_stored (fixture, width, height);
}

/* The image steps on their own: limits that cannot be met, bad input. */
static void
test_photo_image (void)
{
  g_autoptr(GdkPixbuf) image = make_image (500, 700, 0xffffff, 0x202020);
  g_autoptr(GBytes) png = encode (image, "png", NULL);
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  ZcPhotoRules tiny = *zc_photo_rules_lookup ("henan");
  guint w = 0, h = 0;
  int quality = 0;

  decoded = zc_photo_image_decode (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (decoded), ==, 500);

  /* the first bytes of a PNG, then nothing */
  damaged = g_bytes_new_from_bytes (png, 0, 40);
  g_clear_object (&decoded);
  decoded = zc_photo_image_decode (damaged, &error);
  g_assert_null (decoded);
  g_assert_error (error, ZC_PHOTO_IMAGE_ERROR, ZC_PHOTO_IMAGE_ERROR_UNREADABLE);
  g_clear_error (&error);
  g_assert_false (zc_photo_image_judge (&tiny, damaged, ZC_LANGUAGE_ENGLISH, &problems, &decoded));
  g_assert_null (decoded);
  g_assert_true (has_code (problems, "photo_unreadable"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_null (zc_photo_image_decode (empty, &error));
  g_assert_error (error, ZC_PHOTO_IMAGE_ERROR, ZC_PHOTO_IMAGE_ERROR_TYPE);
  g_clear_error (&error);
  g_assert_false (zc_photo_image_judge (&tiny, empty, ZC_LANGUAGE_ENGLISH, &problems, NULL));
  g_assert_true (has_code (problems, "photo_empty"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* the output size keeps the ratio through rounding */
  g_assert_true (zc_photo_image_output_size (&tiny, 600, 700, 0.333, &w, &h));
  g_assert_cmpuint (h, ==, 233);
  g_assert_true (zc_photo_rules_ratio_is_valid (&tiny, w, h));
  g_assert_false (zc_photo_image_output_size (&tiny, 0, 700, 0.5, &w, &h));
  g_assert_false (zc_photo_image_output_size (&tiny, 600, 700, 0, &w, &h));
  g_assert_false (zc_photo_image_output_size (&tiny, 1, 1, 1, &w, &h));

  /* no quality or size fits a hundred bytes */
  tiny.max_bytes = 100;
  bytes = zc_photo_image_encode_to_fit (image, &tiny, &quality, &out, &error);
  g_assert_null (bytes);
  g_assert_error (error, ZC_PHOTO_IMAGE_ERROR, ZC_PHOTO_IMAGE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* a generous limit: the best quality, the image as it is */
  tiny.max_bytes = 1024 * 1024;
  bytes = zc_photo_image_encode_to_fit (image, &tiny, &quality, &out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (quality, ==, ZC_PHOTO_IMAGE_MAX_QUALITY);
  g_assert_cmpint (gdk_pixbuf_get_width (out), ==, 500);
  g_assert_true (zc_photo_image_judge (&tiny, bytes, ZC_LANGUAGE_ENGLISH, NULL, NULL));
}

/* A photo that meets the rules as picked is kept as it is. */
static void
test_photo_as_is (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GdkPixbuf) image = make_image (413, 579, 0xfefefe, 0x3a3a48);
  g_autoptr(GBytes) jpeg = encode (image, "jpeg", "90");
  g_autofree char *sha256 = NULL;
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);

  g_assert_true (zc_personal_page_load_photo (fixture->page, jpeg, "good.jpg"));
  g_assert_cmpuint (zc_personal_page_get_photo_problems (fixture->page)->len, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "personal.use-photo", NULL));
  assert_photo_stored (fixture, 413, 579);
  sha256 = query_text (fixture->path, "SELECT json_extract (body, '$.file.sha256') FROM records WHERE kind = 'photo'");
  g_assert_cmpstr (sha256, ==, expected);

  /* the same photo again is no change */
  g_assert_true (zc_personal_page_load_photo (fixture->page, jpeg, "good.jpg"));
  g_assert_true (zc_personal_page_use_photo (fixture->page));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM outbox"), ==, 1);

  /* Yunnan's rules want blue: the kept photo is judged again */
  zc_personal_page_set_photo_rules (fixture->page, zc_photo_rules_lookup ("yunnan"));
  g_assert_true (has_code (zc_personal_page_get_photo_problems (fixture->page), "photo_background"));
}

/* Tab reaches the form, the save button and the photo's buttons, in
 * that order of the eye: toolbar, form, photo. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GdkPixbuf) image = make_image (800, 600, 0xffffff, 0x303030);
  g_autoptr(GBytes) png = encode (image, "png", NULL);
  gboolean reached_save = FALSE, reached_name = FALSE, reached_choose = FALSE, reached_edit = FALSE;
  int order_save = -1, order_name = -1, order_choose = -1;

  zc_personal_page_load_photo (fixture->page, png, "wide.png");
  gtk_widget_grab_focus (GTK_WIDGET (fixture->page));
  for (int i = 0; i < 400 && !(reached_save && reached_name && reached_choose && reached_edit); i++)
    {
      GtkWidget *focus;
      const char *action;

      gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus == NULL)
        continue;
      action = GTK_IS_BUTTON (focus) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)) : NULL;
      if (g_strcmp0 (action, "personal.save") == 0 && !reached_save)
        reached_save = TRUE, order_save = i;
      if (g_strcmp0 (action, "personal.choose-photo") == 0 && !reached_choose)
        reached_choose = TRUE, order_choose = i;
      if (g_strcmp0 (action, "personal.edit-photo") == 0)
        reached_edit = TRUE;
      if ((focus == input (fixture, "name") || gtk_widget_is_ancestor (focus, input (fixture, "name"))) && !reached_name)
        reached_name = TRUE, order_name = i;
    }
  g_assert_true (reached_save);
  g_assert_true (reached_name);
  g_assert_true (reached_choose);
  g_assert_true (reached_edit);
  g_assert_cmpint (order_save, <, order_name);
  g_assert_cmpint (order_name, <, order_choose);

  /* every simple input of the form has an accessible name (a title pick
   * names each of its drop-downs) */
  for (guint i = 0; i < zc_form_view_get_n_rows (fixture->form); i++)
    {
      ZcFieldRow *row = zc_form_view_get_nth_row (fixture->form, i);

      if (zc_form_field_get_field_type (zc_field_row_get_field (row)) == ZC_FIELD_TAXONOMY)
        continue;
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (zc_field_row_get_input (row)),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
}

/* Small window: the photo folds away behind a toggle. */
static void
test_small_window (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwFlap *flap = find_type (GTK_WIDGET (fixture->page), ADW_TYPE_FLAP);

  g_assert_false (adw_flap_get_folded (flap));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  zc_ui_test_wait_ms (400);
  g_assert_true (adw_flap_get_folded (flap));
  fill_form (fixture);
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "personal-page-zh-small.png");
  adw_flap_set_reveal_flap (flap, TRUE);
  zc_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "personal-page-photo-zh-small.png");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/ui/personal-page/skipped", zc_ui_test_skip_without_display);
      return g_test_run ();
    }
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  zc_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

#define ADD(path, func, data) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/personal-page/fill-and-save", test_fill_and_save, NULL);
  ADD ("/ui/personal-page/bad-values", test_bad_values, NULL);
  ADD ("/ui/personal-page/registered", test_registered, REGISTERED);
  ADD ("/ui/personal-page/photo-problems", test_photo_problems, NULL);
  ADD ("/ui/personal-page/photo-crop", test_photo_crop, NULL);
  ADD ("/ui/personal-page/photo-recompress", test_photo_recompress, NULL);
  ADD ("/ui/personal-page/photo-as-is", test_photo_as_is, NULL);
  ADD ("/ui/personal-page/keyboard", test_keyboard, NULL);
  ADD ("/ui/personal-page/small-window", test_small_window, NULL);
#undef ADD
  g_test_add_func ("/ui/personal-page/photo-image", test_photo_image);

  return g_test_run ();
}
